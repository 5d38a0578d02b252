//! `ShipmentInterface` and its parts as JSON. Keys follow the interfaces' getter order, a
//! sub-interface's own getters before those it inherits (`ShipmentItemInterface` then
//! `LineItemInterface`, as `InvoiceItemInterface` shows in the tutorial's documented invoice);
//! nulls are omitted; `items`, `tracks` and `comments` are always there.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::model::{FullShipment, ShipmentItem, ShipmentTrack};
use crate::error::Result;
use crate::sales::comments::TrackSave;
use crate::sales::shipment::{ShipRequest, TrackRequest};
use crate::wire::comment::DocumentCommentData as ShipmentCommentData;
use crate::wire::input::{self, param, Obj};

/// `ShipmentInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize)]
pub struct ShipmentData {
    pub billing_address_id: Option<i64>,
    pub created_at: String,
    pub customer_id: Option<i64>,
    pub email_sent: Option<i64>,
    pub entity_id: i64,
    pub increment_id: String,
    pub order_id: i64,
    pub shipment_status: Option<i64>,
    pub shipping_address_id: Option<i64>,
    pub shipping_label: Option<String>,
    pub store_id: Option<i64>,
    pub total_qty: Option<Amount>,
    pub total_weight: Option<Amount>,
    pub updated_at: String,
    pub items: Vec<ShipmentItemData>,
    pub tracks: Vec<ShipmentTrackData>,
    pub comments: Vec<ShipmentCommentData>,
    pub extension_attributes: Option<ShipmentExtension>,
}

/// magento/inventory `InventoryShipping/etc/extension_attributes.xml`.
#[derive(Debug, Serialize)]
pub struct ShipmentExtension {
    pub source_code: String,
}

/// `ShipmentItemInterface` + `LineItemInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize)]
pub struct ShipmentItemData {
    pub additional_data: Option<String>,
    pub description: Option<String>,
    pub entity_id: i64,
    pub name: Option<String>,
    pub parent_id: i64,
    pub price: Option<Amount>,
    pub product_id: Option<i64>,
    pub row_total: Option<Amount>,
    pub sku: String,
    pub weight: Option<Amount>,
    pub order_item_id: i64,
    pub qty: Amount,
}

/// `ShipmentTrackInterface` + `TrackInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize)]
pub struct ShipmentTrackData {
    pub order_id: i64,
    pub created_at: String,
    pub entity_id: i64,
    pub parent_id: i64,
    pub updated_at: String,
    #[serialize_always]
    pub weight: Option<Amount>,
    #[serialize_always]
    pub qty: Option<Amount>,
    #[serialize_always]
    pub description: Option<String>,
    #[serialize_always]
    pub track_number: Option<String>,
    #[serialize_always]
    pub title: Option<String>,
    #[serialize_always]
    pub carrier_code: Option<String>,
}

impl From<&ShipmentItem> for ShipmentItemData {
    fn from(i: &ShipmentItem) -> Self {
        ShipmentItemData {
            additional_data: i.additional_data.clone(),
            description: i.description.clone(),
            entity_id: i.entity_id,
            name: i.name.clone(),
            parent_id: i.parent_id,
            price: i.price,
            product_id: i.product_id,
            row_total: i.row_total,
            sku: i.sku.clone(),
            weight: i.weight,
            order_item_id: i.order_item_id,
            qty: i.qty,
        }
    }
}

impl From<&ShipmentTrack> for ShipmentTrackData {
    fn from(t: &ShipmentTrack) -> Self {
        ShipmentTrackData {
            order_id: t.order_id,
            created_at: t.created_at.clone(),
            entity_id: t.entity_id,
            parent_id: t.parent_id,
            updated_at: t.updated_at.clone(),
            weight: t.weight,
            qty: t.qty,
            description: t.description.clone(),
            track_number: t.track_number.clone(),
            title: t.title.clone(),
            carrier_code: t.carrier_code.clone(),
        }
    }
}

impl From<&FullShipment> for ShipmentData {
    fn from(full: &FullShipment) -> Self {
        let s = &full.shipment;
        ShipmentData {
            billing_address_id: s.billing_address_id,
            created_at: s.created_at.clone(),
            customer_id: s.customer_id,
            email_sent: s.email_sent,
            entity_id: s.entity_id,
            increment_id: s.increment_id.clone(),
            order_id: s.order_id,
            shipment_status: s.shipment_status,
            shipping_address_id: s.shipping_address_id,
            shipping_label: s.shipping_label.clone(),
            store_id: s.store_id,
            total_qty: s.total_qty,
            total_weight: s.total_weight,
            updated_at: s.updated_at.clone(),
            items: full.items.iter().map(ShipmentItemData::from).collect(),
            tracks: full.tracks.iter().map(ShipmentTrackData::from).collect(),
            comments: full
                .comments
                .iter()
                .map(ShipmentCommentData::from)
                .collect(),
            extension_attributes: full
                .source_code
                .clone()
                .map(|source_code| ShipmentExtension { source_code }),
        }
    }
}

/// The body of `ShipOrderInterface::execute`, converted as Magento's input layer does.
/// `packages` (`ShipmentPackageCreationInterface[]`) is checked and then ignored, as Magento's
/// `ShipmentDocumentFactory` ignores it.
pub fn parse_request(body: &Map<String, Value>) -> Result<ShipRequest> {
    let parts = input::document_parts(body)?;
    let mut request = ShipRequest {
        notify: parts.notify,
        append_comment: parts.append_comment,
        items: parts.items,
        comment: parts.comment,
        ..Default::default()
    };
    if let Some(tracks) = param(body, "tracks") {
        for track in input::list(tracks)? {
            let o = Obj::new(
                track,
                &[
                    "track_number",
                    "title",
                    "carrier_code",
                    "extension_attributes",
                ],
            )?;
            request.tracks.push(TrackRequest {
                track_number: o.string("track_number")?,
                title: o.string("title")?,
                carrier_code: o.string("carrier_code")?,
            });
        }
    }
    if let Some(packages) = param(body, "packages") {
        for package in input::list(packages)? {
            Obj::new(package, &["extension_attributes"])?;
        }
    }
    if let Some(arguments) = param(body, "arguments") {
        let o = Obj::new(arguments, &["extension_attributes"])?;
        if let Some((_, extension)) = o.get("extension_attributes") {
            let ext = Obj::new(extension, &["source_code"])?;
            request.source_code = ext.string("source_code")?;
        }
    }
    Ok(request)
}

/// The `entity` of `POST /V1/shipment/track` (`ShipmentTrackInterface`'s setters).
pub fn parse_track(body: &Map<String, Value>) -> Result<TrackSave> {
    let entity = param(body, "entity").ok_or_else(|| crate::error::Error::required("entity"))?;
    let o = Obj::new(
        entity,
        &[
            "order_id",
            "created_at",
            "entity_id",
            "parent_id",
            "updated_at",
            "weight",
            "qty",
            "description",
            "extension_attributes",
            "track_number",
            "title",
            "carrier_code",
        ],
    )?;
    Ok(TrackSave {
        entity_id: o.int("entity_id")?,
        order_id: o.int("order_id")?,
        parent_id: o.int("parent_id")?,
        track_number: o.string("track_number")?,
        title: o.string("title")?,
        carrier_code: o.string("carrier_code")?,
        description: o.string("description")?,
        qty: o.amount("qty")?,
        weight: o.amount("weight")?,
    })
}
