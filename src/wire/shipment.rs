//! `ShipmentInterface` and its parts as JSON. Keys follow the interfaces' getter order, a
//! sub-interface's own getters before those it inherits (`ShipmentItemInterface` then
//! `LineItemInterface`, as `InvoiceItemInterface` shows in the tutorial's documented invoice);
//! nulls are omitted unless the getter is declared without `|null` (an item's `qty`, a track's
//! `weight`, ...); `items`, `tracks` and `comments` are always there.
//!
//! A stored `shipping_label` is shown base64-encoded by GET (`Sales/Plugin/ShippingLabelConverter`
//! on the repository's `get` and `getList`, which `getLabel` goes through too); the reply of a
//! save shows it as posted.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::model::{FullShipment, ShipmentItem, ShipmentTrack};
use crate::error::Result;
use crate::sales::shipment::{ShipRequest, TrackRequest};
use crate::sales::shipment_save::{
    self as save, CommentSave, ItemSave, Posted, SavedComment, SavedShipment, SavedTrack,
    ShipmentFields, ShipmentSave,
};
use crate::wire::comment::DocumentCommentData as ShipmentCommentData;
use crate::wire::input::{self, param, Obj};

/// `ShipmentInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-shipment-interface")]
pub struct ShipmentData {
    pub billing_address_id: Option<i64>,
    pub created_at: String,
    pub customer_id: Option<i64>,
    pub email_sent: Option<i64>,
    pub entity_id: i64,
    pub increment_id: Option<String>,
    pub order_id: i64,
    /// Only in the reply of a save (`_unserializeField` gives `[]`, or one `[]` per package
    /// posted); GET leaves it out.
    pub packages: Option<Vec<Vec<Value>>>,
    pub shipment_status: Option<i64>,
    pub shipping_address_id: Option<i64>,
    pub shipping_label: Option<String>,
    pub store_id: Option<i64>,
    pub total_qty: Option<Amount>,
    pub total_weight: Option<Amount>,
    pub updated_at: String,
    pub items: Vec<ShipmentItemData>,
    pub tracks: Vec<ShipmentTrackData>,
    #[schemars(schema_with = "shipment_comments")]
    pub comments: Vec<ShipmentCommentData>,
    pub extension_attributes: Option<ShipmentExtension>,
}

/// The comments' shape under the name Magento gives `ShipmentCommentInterface` (the struct is
/// the invoice's too).
fn shipment_comments(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::wire::shape::list_named::<ShipmentCommentData>(
        g,
        "sales-data-shipment-comment-interface",
    )
}

/// magento/inventory `InventoryShipping/etc/extension_attributes.xml`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-shipment-extension-interface")]
pub struct ShipmentExtension {
    pub source_code: String,
}

/// `ShipmentItemInterface` + `LineItemInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-shipment-item-interface")]
pub struct ShipmentItemData {
    pub additional_data: Option<String>,
    pub description: Option<String>,
    pub entity_id: i64,
    pub name: Option<String>,
    pub parent_id: i64,
    pub price: Option<Amount>,
    pub product_id: Option<i64>,
    pub row_total: Option<Amount>,
    pub sku: Option<String>,
    pub weight: Option<Amount>,
    pub order_item_id: i64,
    #[serialize_always]
    pub qty: Option<Amount>,
}

/// `ShipmentTrackInterface` + `TrackInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-shipment-track-interface")]
pub struct ShipmentTrackData {
    pub order_id: i64,
    pub created_at: Option<String>,
    pub entity_id: i64,
    pub parent_id: i64,
    pub updated_at: Option<String>,
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
            created_at: Some(t.created_at.clone()),
            entity_id: t.entity_id,
            parent_id: t.parent_id,
            updated_at: Some(t.updated_at.clone()),
            weight: t.weight,
            qty: t.qty,
            description: t.description.clone(),
            track_number: t.track_number.clone(),
            title: t.title.clone(),
            carrier_code: t.carrier_code.clone(),
        }
    }
}

impl ShipmentData {
    /// A shipment as its resource model loads it: `ShipmentRepository::get` and the list's
    /// collection (`Shipment\Collection::_afterLoad`) both unserialize `packages`
    /// (`_serializableFields`, `[]` by default), so the key is there. magemu keeps no packages
    /// (ShipOrder never writes any; posted ones are objects without fields), so it is empty.
    pub fn loaded(full: &FullShipment) -> ShipmentData {
        ShipmentData {
            packages: Some(Vec::new()),
            ..ShipmentData::from(full)
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
            increment_id: Some(s.increment_id.clone()),
            order_id: s.order_id,
            packages: None,
            shipment_status: s.shipment_status,
            shipping_address_id: s.shipping_address_id,
            shipping_label: s.shipping_label.as_deref().map(base64),
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

/// The `entity` of `POST /V1/shipment/track` (`ShipmentTrackInterface`'s setters): its
/// `parent_id` (the repository finds the shipment by it) and the track as a shipment save
/// takes it.
pub fn parse_track(body: &Map<String, Value>) -> Result<(Option<i64>, save::TrackSave)> {
    let entity = param(body, "entity").ok_or_else(|| crate::error::Error::required("entity"))?;
    let parent_id = Obj::new(entity, TRACK_KEYS)?.int("parent_id")?;
    Ok((parent_id, parse_saved_track(entity)?))
}

/// PHP's `base64_encode` (standard alphabet, padded).
pub fn base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
}

impl From<&SavedTrack> for ShipmentTrackData {
    fn from(t: &SavedTrack) -> Self {
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

impl From<&SavedComment> for ShipmentCommentData {
    fn from(c: &SavedComment) -> Self {
        ShipmentCommentData {
            is_customer_notified: c.is_customer_notified,
            parent_id: c.parent_id,
            comment: c.comment.clone(),
            is_visible_on_front: c.is_visible_on_front,
            created_at: c.created_at.clone(),
            entity_id: Some(c.entity_id),
        }
    }
}

/// The reply of `POST /V1/shipment`: the saved object, whose fields are those posted (with a
/// value), the ids and sequence number given, the timestamps read back and the children.
impl From<&SavedShipment> for ShipmentData {
    fn from(saved: &SavedShipment) -> Self {
        let f = &saved.fields;
        ShipmentData {
            billing_address_id: f.billing_address_id.flatten(),
            created_at: saved.created_at.clone(),
            customer_id: f.customer_id.flatten(),
            email_sent: f.email_sent.flatten(),
            entity_id: saved.entity_id,
            increment_id: saved.increment_id.clone(),
            order_id: saved.order_id,
            packages: Some(vec![Vec::new(); saved.packages]),
            shipment_status: f.shipment_status.flatten(),
            shipping_address_id: f.shipping_address_id.flatten(),
            shipping_label: f.shipping_label.clone().flatten(),
            store_id: f.store_id.flatten(),
            total_qty: f.total_qty.flatten(),
            total_weight: f.total_weight.flatten(),
            updated_at: saved.updated_at.clone(),
            items: saved.items.iter().map(ShipmentItemData::from).collect(),
            tracks: saved.tracks.iter().map(ShipmentTrackData::from).collect(),
            comments: saved
                .comments
                .iter()
                .map(ShipmentCommentData::from)
                .collect(),
            extension_attributes: saved
                .source_code
                .clone()
                .map(|source_code| ShipmentExtension { source_code }),
        }
    }
}

/// `ShipmentInterface`'s getters, the keys `entity` may hold.
const SHIPMENT_KEYS: &[&str] = &[
    "billing_address_id",
    "created_at",
    "customer_id",
    "email_sent",
    "entity_id",
    "increment_id",
    "order_id",
    "packages",
    "shipment_status",
    "shipping_address_id",
    "shipping_label",
    "store_id",
    "total_qty",
    "total_weight",
    "updated_at",
    "items",
    "tracks",
    "comments",
    "extension_attributes",
];
/// `ShipmentItemInterface` + `LineItemInterface`.
const ITEM_KEYS: &[&str] = &[
    "additional_data",
    "description",
    "entity_id",
    "name",
    "parent_id",
    "price",
    "product_id",
    "row_total",
    "sku",
    "weight",
    "extension_attributes",
    "order_item_id",
    "qty",
];
/// `ShipmentTrackInterface` + `TrackInterface`.
const TRACK_KEYS: &[&str] = &[
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
];
/// `ShipmentCommentInterface` + `CommentInterface` + `EntityInterface`.
const COMMENT_KEYS: &[&str] = &[
    "is_customer_notified",
    "parent_id",
    "extension_attributes",
    "comment",
    "is_visible_on_front",
    "created_at",
    "entity_id",
];

fn posted_int(o: &Obj<'_>, name: &str) -> Result<Posted<i64>> {
    Ok(if o.has(name) {
        Some(o.int(name)?)
    } else {
        None
    })
}
fn posted_amount(o: &Obj<'_>, name: &str) -> Result<Posted<Amount>> {
    Ok(if o.has(name) {
        Some(o.amount(name)?)
    } else {
        None
    })
}
fn posted_string(o: &Obj<'_>, name: &str) -> Result<Posted<String>> {
    Ok(if o.has(name) {
        Some(o.string(name)?)
    } else {
        None
    })
}

/// A list of data objects inside an object (`processComplexTypes`): an array (or a JSON object,
/// which PHP decodes to an array) gives its elements; null or a scalar gives null, no error.
fn objects<'v>(o: &Obj<'v>, name: &str) -> Option<Vec<&'v Value>> {
    input::array_elements(o.get(name)?.1)
}

/// A child's `extension_attributes`: none are declared for shipment items, tracks, comments
/// or packages, so any key is "not supported".
fn no_extension(o: &Obj<'_>) -> Result<()> {
    if let Some((_, ext)) = o.get("extension_attributes") {
        Obj::new(ext, &[])?;
    }
    Ok(())
}

fn parse_item(v: &Value) -> Result<ItemSave> {
    let o = Obj::new(v, ITEM_KEYS)?;
    no_extension(&o)?;
    o.int("parent_id")?;
    Ok(ItemSave {
        entity_id: o.int("entity_id")?,
        order_item_id: o.int("order_item_id")?,
        additional_data: posted_string(&o, "additional_data")?,
        description: posted_string(&o, "description")?,
        name: posted_string(&o, "name")?,
        price: posted_amount(&o, "price")?,
        product_id: posted_int(&o, "product_id")?,
        row_total: posted_amount(&o, "row_total")?,
        sku: posted_string(&o, "sku")?,
        weight: posted_amount(&o, "weight")?,
        qty: posted_amount(&o, "qty")?,
    })
}

fn parse_saved_track(v: &Value) -> Result<save::TrackSave> {
    let o = Obj::new(v, TRACK_KEYS)?;
    no_extension(&o)?;
    o.int("parent_id")?;
    Ok(save::TrackSave {
        entity_id: o.int("entity_id")?,
        order_id: posted_int(&o, "order_id")?,
        created_at: posted_string(&o, "created_at")?,
        updated_at: posted_string(&o, "updated_at")?,
        weight: posted_amount(&o, "weight")?,
        qty: posted_amount(&o, "qty")?,
        description: posted_string(&o, "description")?,
        track_number: posted_string(&o, "track_number")?,
        title: posted_string(&o, "title")?,
        carrier_code: posted_string(&o, "carrier_code")?,
    })
}

fn parse_saved_comment(v: &Value) -> Result<CommentSave> {
    let o = Obj::new(v, COMMENT_KEYS)?;
    no_extension(&o)?;
    o.int("parent_id")?;
    Ok(CommentSave {
        entity_id: o.int("entity_id")?,
        comment: posted_string(&o, "comment")?,
        is_customer_notified: posted_int(&o, "is_customer_notified")?,
        is_visible_on_front: posted_int(&o, "is_visible_on_front")?,
        created_at: posted_string(&o, "created_at")?,
    })
}

/// The body of `POST /V1/shipment` (`ShipmentRepositoryInterface::save`): `entity`, a
/// `ShipmentInterface`, as `ServiceInputProcessor` converts it (every key a getter of its
/// interface, else "not supported"; types converted or refused; nulls kept as posted).
pub fn parse_save(body: &Map<String, Value>) -> Result<ShipmentSave> {
    let entity = param(body, "entity").ok_or_else(|| crate::error::Error::required("entity"))?;
    let o = Obj::new(entity, SHIPMENT_KEYS)?;
    let mut request = ShipmentSave {
        entity_id: o.int("entity_id")?,
        order_id: o.int("order_id")?,
        fields: ShipmentFields {
            billing_address_id: posted_int(&o, "billing_address_id")?,
            created_at: posted_string(&o, "created_at")?,
            customer_id: posted_int(&o, "customer_id")?,
            email_sent: posted_int(&o, "email_sent")?,
            increment_id: posted_string(&o, "increment_id")?,
            shipment_status: posted_int(&o, "shipment_status")?,
            shipping_address_id: posted_int(&o, "shipping_address_id")?,
            shipping_label: posted_string(&o, "shipping_label")?,
            store_id: posted_int(&o, "store_id")?,
            total_qty: posted_amount(&o, "total_qty")?,
            total_weight: posted_amount(&o, "total_weight")?,
        },
        ..Default::default()
    };
    // Read only to refuse a wrong type, as the setter's conversion would; never stored.
    o.string("updated_at")?;
    if let Some(packages) = objects(&o, "packages") {
        for package in &packages {
            no_extension(&Obj::new(package, &["extension_attributes"])?)?;
        }
        request.packages = packages.len();
    }
    if let Some(items) = objects(&o, "items") {
        request.items = Some(items.into_iter().map(parse_item).collect::<Result<_>>()?);
    }
    if let Some(tracks) = objects(&o, "tracks") {
        request.tracks = Some(
            tracks
                .into_iter()
                .map(parse_saved_track)
                .collect::<Result<_>>()?,
        );
    }
    if let Some(comments) = objects(&o, "comments") {
        request.comments = Some(
            comments
                .into_iter()
                .map(parse_saved_comment)
                .collect::<Result<_>>()?,
        );
    }
    if let Some((_, extension)) = o.get("extension_attributes") {
        let ext = Obj::new(extension, &["source_code"])?;
        request.source_code = ext.string("source_code")?;
    }
    Ok(request)
}

/// `ShipmentCreationArgumentsInterface` as [`parse_request`] reads it, for the schema.
pub fn arguments_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": { "extension_attributes": {
            "type": "object",
            "properties": { "source_code": { "type": "string" } }
        } }
    })
}

/// `ShipmentTrackCreationInterface` as [`parse_request`] reads it, for the schema.
pub fn track_creation_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "track_number": { "type": "string" },
            "title": { "type": "string" },
            "carrier_code": { "type": "string" },
            "extension_attributes": { "type": "object" }
        }
    })
}

/// `ShipmentPackageCreationInterface` as [`parse_request`] reads it, for the schema.
pub fn package_creation_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": { "extension_attributes": { "type": "object" } }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_php_encodes() {
        for (text, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("label%PDF-1.4\n", "bGFiZWwlUERGLTEuNAo="),
            ("é", "w6k="),
        ] {
            assert_eq!(base64(text), encoded, "{text:?}");
        }
    }

    #[test]
    fn posted_nulls_are_kept_apart_from_absent_fields() {
        let body = serde_json::json!({"entity": {
            "order_id": "3", "store_id": null, "total_qty": "2.5", "items": 7, "tracks": null,
            "comments": [{"comment": "x", "is_visible_on_front": null}],
            "packages": [{}, {"extension_attributes": {}}],
            "extension_attributes": {"source_code": "ne_wh"}
        }});
        let request = parse_save(body.as_object().unwrap()).unwrap();
        assert_eq!(request.order_id, Some(3));
        assert_eq!(request.fields.store_id, Some(None));
        assert_eq!(request.fields.customer_id, None);
        assert_eq!(request.fields.total_qty, Some(Amount::parse("2.5")));
        assert_eq!((request.items, request.tracks), (None, None));
        assert_eq!(request.packages, 2);
        let comments = request.comments.unwrap();
        assert_eq!(comments[0].is_visible_on_front, Some(None));
        assert_eq!(comments[0].created_at, None);
        assert_eq!(request.source_code.as_deref(), Some("ne_wh"));
    }
}
