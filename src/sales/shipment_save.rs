//! `POST /V1/shipment`: Magento's `ShipmentRepositoryInterface::save` as REST runs it, in one
//! writer savepoint (a refusal writes nothing).
//!
//! What Magento 2.4.8 does, in order (module-sales unless named):
//! 1. `InventoryInStorePickupSales/Plugin/Sales/Order/ShipmentRepository/AdaptShipmentPlugin`
//!    (beforeSave, outside the repository's try): `OrderRepository::get($shipment->getOrderId())`,
//!    so a missing or 0 `order_id` is the 400 "An ID is needed", an unknown one the 404. (Its
//!    store-pickup refusal needs a pickup location on the order, which magemu never has.)
//! 2. `Model/Order/ShipmentRepository::save` wraps everything else: any exception becomes the 400
//!    `CouldNotSaveException` "The shipment couldn't be saved." (the cause is only logged).
//! 3. `Framework/Model/ResourceModel/Db/AbstractDb::save` in one transaction:
//!    - `validateBeforeSave`: `Bundle/Model/Sales/Order/BundleOrderTypeValidator` (webapi_rest
//!      di.xml, on every `v1/shipment` path) looks each item's `order_item_id` up in the order;
//!      one that is not an item of the order (or null) is a PHP `Error` on null, which no
//!      `catch (\Exception)` takes: a 500. Items absent on a new shipment are a `foreach` over
//!      null (a warning made an exception): "couldn't be saved". Its bundle rules need the
//!      product's `shipment_type`, which magemu's catalog has not: not emulated.
//!    - `ResourceModel/Order/Shipment::_beforeSave`: no items, "We cannot create an empty
//!      shipment." (so "couldn't be saved"). `ResourceModel/EntityAbstract::_beforeSave`: a new
//!      shipment without `increment_id` takes the next value of the shipment sequence of the
//!      ORDER's store. Nothing else is filled in: `store_id`, `customer_id`, the address ids,
//!      `total_qty` are what was posted (`setOrder()` is never called on this path).
//!    - `saveNewObject` inserts the posted fields (`_prepareDataForTable`: every field the
//!      object holds, nulls for nullable columns, never `updated_at`); an `entity_id` makes it
//!      `updateObject`: `UPDATE ... WHERE entity_id`, of the posted fields only (null clears a
//!      nullable column). `created_at` goes through `DateTime::formatDate` (see
//!      [`crate::php::format_date`]). Then `_afterSave` reads `created_at`/`updated_at` back into the
//!      object, `packages` is unserialized (`_serializableFields`: `[]` by default).
//!    - `sales_order_shipment_save_after`: `InventoryShipping/Observer/SourceDeductionProcessor`.
//!      It skips only shipments with `origData('entity_id')`, which a shipment built from a
//!      request never has: an update deducts its items AGAIN. The source is
//!      `extension_attributes.source_code`, else `default` in single-source mode (fewer than two
//!      enabled sources), else `$sourceCode` is an undefined variable: "couldn't be saved"
//!      (magento/inventory#3262 proposed a fallback; it was closed unmerged). The items are
//!      `GetItemsToDeductFromShipment` ([`items_to_deduct`]); `SourceDeductionService` takes
//!      each SKU from the source item (missing, or too little: "couldn't be saved");
//!      `PlaceReservationsForSalesEvent` appends `+qty` `shipment_created` reservations.
//!    - `ResourceModel/Order/Shipment/Relation`: items, then tracks, then comments are saved,
//!      each new (insert) or, with an `entity_id`, an `UPDATE` of that row whatever shipment it
//!      belonged to (0 rows when it does not exist: silently not stored). Tracks need
//!      `order_id`, `track_number`, `carrier_code` (PHP `empty()`: not 0, "" or "0";
//!      `Shipment/Track/Validator`), comments a `comment` (`Shipment/Comment/Validator`), and an
//!      existing comment may be edited only under its own shipment (2.4.8
//!      `Helper/SalesEntityCommentValidator`; magemu's comments were all written by the admin).
//!    - After commit, `InventoryShipping/.../SaveSourceForShipmentPlugin` stores the source code
//!      (or `default`) for the shipment, replacing an earlier one.
//!
//! NOT done on this path, by Magento either: `Shipment::register()` (the order items'
//! `qty_shipped`), `total_qty`, the order's state and status. A shipment saved here leaves the
//! order as it was, so what left the sources no longer matches `qty_shipped`, and the order can
//! still be shipped in full through `POST /V1/order/{id}/ship`.
//!
//! The reply is the object as it stands after the save (`ServiceOutputProcessor`): the posted
//! fields, the new ids, the timestamps read back, `packages` (one `[]` per posted package, as
//! JSON round-trips an object without public properties), the children posted or, when none
//! were posted, those loaded from the database by the relation.
//!
//! magemu's choices where Magento's path is not worth copying: an `entity_id` that names no
//! shipment is refused as "couldn't be saved" (Magento fails the same way unless only existing
//! item ids are posted, where it commits the deduction and then fails on the source link); a
//! posted null `increment_id` on an update keeps the stored one (magemu's column is NOT NULL);
//! a failed save does not use up an increment id (MySQL's sequence table would).

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::inventory::{CatalogProduct, Deduction};
use crate::db::model::{
    Author, CommentRow, Order, OrderItem, Shipment, ShipmentItem, ShipmentTrack,
};
use crate::db::{self, Db, SqlValue};
use crate::error::{self as e, Error, Result};
use crate::inventory;
use crate::sales::item::{bundle_selection_qty, options, Family};

/// A field as posted: `None` when absent, `Some(None)` when posted as null (Magento calls the
/// setter with null: an update then clears the column), `Some(Some(v))` with a value.
pub type Posted<T> = Option<Option<T>>;

/// The scalar fields of `ShipmentInterface` a client may post (besides `entity_id`,
/// `order_id` and the lists).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShipmentFields {
    pub billing_address_id: Posted<i64>,
    pub created_at: Posted<String>,
    pub customer_id: Posted<i64>,
    pub email_sent: Posted<i64>,
    pub increment_id: Posted<String>,
    pub shipment_status: Posted<i64>,
    pub shipping_address_id: Posted<i64>,
    pub shipping_label: Posted<String>,
    pub store_id: Posted<i64>,
    pub total_qty: Posted<Amount>,
    pub total_weight: Posted<Amount>,
}

/// The `entity` of `POST /V1/shipment`, as `ServiceInputProcessor` builds the shipment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShipmentSave {
    /// 0 counts as none (`AbstractModel::beforeSave` then marks the object new).
    pub entity_id: Option<i64>,
    pub order_id: Option<i64>,
    pub fields: ShipmentFields,
    /// How many `packages` were posted.
    pub packages: usize,
    /// `None` when absent, null or not a list (`processComplexTypes` gives null then).
    pub items: Option<Vec<ItemSave>>,
    pub tracks: Option<Vec<TrackSave>>,
    pub comments: Option<Vec<CommentSave>>,
    /// `extension_attributes.source_code`.
    pub source_code: Option<String>,
}

/// A posted `ShipmentItemInterface` (`parent_id` is ignored: the relation sets it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemSave {
    pub entity_id: Option<i64>,
    pub order_item_id: Option<i64>,
    pub additional_data: Posted<String>,
    pub description: Posted<String>,
    pub name: Posted<String>,
    pub price: Posted<Amount>,
    pub product_id: Posted<i64>,
    pub row_total: Posted<Amount>,
    pub sku: Posted<String>,
    pub weight: Posted<Amount>,
    pub qty: Posted<Amount>,
}

/// A posted `ShipmentTrackInterface` (`parent_id` and `updated_at` play no part).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackSave {
    pub entity_id: Option<i64>,
    pub order_id: Posted<i64>,
    pub created_at: Posted<String>,
    /// Only echoed when the row to update does not exist (nothing is read back then).
    pub updated_at: Posted<String>,
    pub weight: Posted<Amount>,
    pub qty: Posted<Amount>,
    pub description: Posted<String>,
    pub track_number: Posted<String>,
    pub title: Posted<String>,
    pub carrier_code: Posted<String>,
}

/// A posted `ShipmentCommentInterface` (`parent_id` is ignored: the relation sets it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommentSave {
    pub entity_id: Option<i64>,
    pub comment: Posted<String>,
    pub is_customer_notified: Posted<i64>,
    pub is_visible_on_front: Posted<i64>,
    pub created_at: Posted<String>,
}

/// The saved shipment as the repository returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedShipment {
    pub entity_id: i64,
    pub order_id: i64,
    /// The posted fields (the reply shows those with a value).
    pub fields: ShipmentFields,
    /// Assigned from the sequence, or as posted.
    pub increment_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub packages: usize,
    pub items: Vec<ShipmentItem>,
    pub tracks: Vec<SavedTrack>,
    pub comments: Vec<SavedComment>,
    pub source_code: Option<String>,
}

/// A track of the reply: as posted (with its id), or as loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SavedTrack {
    pub entity_id: i64,
    pub parent_id: i64,
    pub order_id: i64,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub weight: Option<Amount>,
    pub qty: Option<Amount>,
    pub description: Option<String>,
    pub track_number: Option<String>,
    pub title: Option<String>,
    pub carrier_code: Option<String>,
}

impl From<&ShipmentTrack> for SavedTrack {
    fn from(t: &ShipmentTrack) -> Self {
        SavedTrack {
            entity_id: t.entity_id,
            parent_id: t.parent_id,
            order_id: t.order_id,
            created_at: Some(t.created_at.clone()),
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

/// A comment of the reply: as posted (with its id), or as loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SavedComment {
    pub entity_id: i64,
    pub parent_id: i64,
    pub comment: Option<String>,
    pub is_customer_notified: Option<i64>,
    pub is_visible_on_front: Option<i64>,
    pub created_at: Option<String>,
}

impl From<&CommentRow> for SavedComment {
    fn from(c: &CommentRow) -> Self {
        SavedComment {
            entity_id: c.entity_id,
            parent_id: c.parent_id,
            comment: c.comment.clone(),
            is_customer_notified: c.is_customer_notified,
            is_visible_on_front: Some(c.is_visible_on_front),
            created_at: Some(c.created_at.clone()),
        }
    }
}

/// PHP's `empty()` on a posted string: null, "" and "0".
fn empty_text(v: &Posted<String>) -> bool {
    v.as_ref()
        .and_then(|v| v.as_deref())
        .is_none_or(|s| s.is_empty() || s == "0")
}

/// The source code the observer and the source link take: `getSourceCode()` when not empty.
fn posted_source(code: &Option<String>) -> Option<&str> {
    code.as_deref().filter(|c| !c.is_empty() && *c != "0")
}

/// `GetItemsToDeductFromShipment::castQty`: a float for decimal-quantity items, else PHP's
/// `(int)`; never below 0.
fn cast_qty(item: &OrderItem, qty: Amount) -> Amount {
    let qty = if item.is_qty_decimal() {
        qty
    } else {
        qty.trunc()
    };
    qty.max(Amount::ZERO)
}

/// `IsSourceItemManagementAllowedForProductType`: the types that have source items.
fn has_source_items(product_type: &str) -> bool {
    matches!(product_type, "simple" | "virtual" | "downloadable")
}

/// The PHP `TypeError` Magento's strict-typed inventory code meets on an order item without a
/// `product_type`; no `catch (\Exception)` takes it.
fn no_product_type(item: &OrderItem) -> Error {
    Error::internal(format!(
        "order item {}: product_type null passed to a string parameter",
        item.item_id
    ))
}

/// `GetSkuFromOrderItem`: the catalog SKU of the item's product when its type has source items,
/// else the item's own SKU (a bundle line's: the title of its first selection).
fn sku_of(item: &OrderItem, products: &HashMap<i64, CatalogProduct>) -> Result<String> {
    let product_type = item
        .product_type
        .as_deref()
        .ok_or_else(|| no_product_type(item))?;
    let mut sku = item.sku.clone();
    if product_type == "bundle" {
        if let Some(title) = options(item)
            .and_then(|o| o.get("bundle_options").cloned())
            .and_then(|b| first(&b).and_then(|v| first(v.get("value")?)).cloned())
            .and_then(|v| v.get("title").and_then(|t| t.as_str()).map(str::to_owned))
        {
            sku = title;
        }
    }
    if has_source_items(product_type) {
        if let Some(p) = item.product_id.and_then(|id| products.get(&id)) {
            sku = p.sku.clone();
        }
    }
    Ok(sku)
}

/// PHP's `reset()` on a decoded array or object.
fn first(v: &serde_json::Value) -> Option<&serde_json::Value> {
    match v {
        serde_json::Value::Array(a) => a.first(),
        serde_json::Value::Object(o) => o.values().next(),
        _ => None,
    }
}

/// `GetItemsToDeductFromShipment::execute`: for each shipment line (order item, posted qty),
/// what leaves the source, summed per SKU in first-seen order. Lines whose product is gone from
/// the catalog, or whose type cannot be deducted (`IsItemCouldBeDeductedByTypes`), are skipped.
/// A parent with children: a bundle shipped separately deducts nothing itself; otherwise each
/// child that is neither virtual nor locked gives its bundle selection quantity × qty under its
/// own SKU, or (configurable) the parent's SKU and qty.
pub fn items_to_deduct(
    lines: &[(&OrderItem, Option<Amount>)],
    order_items: &[OrderItem],
    products: &HashMap<i64, CatalogProduct>,
) -> Result<Vec<(String, Amount)>> {
    // Looked up through maps: an imported order of 30,000 lines made every search a line
    // (its SKU's total, its children, its parent) seconds of the writer.
    let mut deducted: Vec<(String, Amount)> = Vec::new();
    let mut add = |sku: String, qty: Amount| deducted.push((sku, qty));
    let family = Family::new(order_items);
    for &(item, qty) in lines {
        let qty = qty.unwrap_or(Amount::ZERO);
        let Some(product) = item.product_id.and_then(|id| products.get(&id)) else {
            continue;
        };
        let item_type = item
            .product_type
            .as_deref()
            .ok_or_else(|| no_product_type(item))?;
        if item_type != product.type_id && !has_source_items(&product.type_id) {
            continue;
        }
        let children = family.children_of(item);
        if children.is_empty() {
            add(sku_of(item, products)?, cast_qty(item, qty));
            continue;
        }
        if family.ship_separately(item) {
            // Order\Item::isDummy(true) of a parent shipped separately.
            continue;
        }
        for &child in children {
            if child.is_virtual() || child.locked_do_ship() {
                continue;
            }
            match bundle_selection_qty(child) {
                Some(per_unit) => {
                    if let Some(per_unit) = per_unit {
                        let total = per_unit.checked_mul(qty).unwrap_or(Amount::ZERO);
                        add(sku_of(child, products)?, cast_qty(child, total));
                    }
                }
                None => add(sku_of(item, products)?, cast_qty(item, qty)),
            }
        }
    }
    // Summed per SKU, in first-seen order.
    let mut out: Vec<(String, Amount)> = Vec::new();
    crate::keyed::merge_by_key(&mut out, deducted, |total, qty| *total += qty);
    Ok(out)
}

/// Logs why the save failed and answers Magento's `CouldNotSaveException`.
fn could_not_save(why: impl std::fmt::Display) -> Error {
    tracing::warn!(cause = %why, "shipment save refused");
    Error::input(e::SHIPMENT_COULD_NOT_BE_SAVED)
}

/// `ShipmentRepository::save`: the saved shipment as the reply shows it.
#[tracing::instrument(skip(db, request))]
pub async fn save_shipment(
    db: &Db,
    request: ShipmentSave,
    author: Author,
) -> Result<SavedShipment> {
    let order_id = request.order_id.unwrap_or(0);
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(save_in(conn, order_id, request, author))
    })
    .await
}

/// A shipment line for the observer and the validator: the order item and its quantity.
struct Line {
    order_item_id: i64,
    qty: Option<Amount>,
}

async fn save_in(
    conn: &mut SqliteConnection,
    order_id: i64,
    request: ShipmentSave,
    author: Author,
) -> Result<SavedShipment> {
    // AdaptShipmentPlugin::beforeSave, before the repository's try.
    let (order, order_items, _) = db::sales::load_order_for_update(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let entity_id = request.entity_id.filter(|id| *id != 0);
    let existing = match entity_id {
        Some(id) => Some(
            db::shipments::load_full_shipment(conn, id)
                .await?
                .ok_or_else(|| could_not_save(format!("no shipment {id} to update")))?,
        ),
        None => None,
    };
    // The items the object holds: those posted, else (an update) those loaded by getItems().
    let lines: Vec<Line> = match (&request.items, &existing) {
        (Some(posted), _) => posted
            .iter()
            .map(|i| Line {
                order_item_id: i.order_item_id.unwrap_or(0),
                qty: i.qty.flatten(),
            })
            .collect(),
        (None, Some(full)) => full
            .items
            .iter()
            .map(|i| Line {
                order_item_id: i.order_item_id,
                qty: i.qty,
            })
            .collect(),
        (None, None) => return Err(could_not_save("foreach() over null items")),
    };
    // BundleOrderTypeValidator: $order->getItemById(...)->getProductType() on null.
    let by_id: HashMap<i64, &OrderItem> = order_items.iter().map(|i| (i.item_id, i)).collect();
    let mut shipped: Vec<(&OrderItem, Option<Amount>)> = Vec::new();
    for line in &lines {
        let item = by_id
            .get(&line.order_item_id)
            .copied()
            .ok_or_else(|| {
                Error::internal(format!(
                    "Call to a member function getProductType() on null: order item {} is not in order {order_id}",
                    line.order_item_id
                ))
            })?;
        shipped.push((item, line.qty));
    }
    if shipped.is_empty() {
        return Err(could_not_save("We cannot create an empty shipment."));
    }

    let now_at = crate::clock::now();
    let now = crate::clock::format(now_at);
    let f = &request.fields;
    let created_at = match &f.created_at {
        Some(Some(raw)) => Some(
            crate::php::format_date(raw, now_at)
                .ok_or_else(|| could_not_save(format!("created_at {raw:?}")))?,
        ),
        _ => None,
    };
    if let Some(Some(store_id)) = f.store_id {
        if !db::shipments::store_exists(conn, store_id).await? {
            return Err(could_not_save(format!("no store {store_id}")));
        }
    }
    let (id, increment_id) = match entity_id {
        None => {
            let increment_id = match &f.increment_id {
                Some(Some(posted)) if !posted.is_empty() => posted.clone(),
                _ => db::sales::next_increment_id(conn, "shipment", order.store_id).await?,
            };
            let row = Shipment {
                increment_id: increment_id.clone(),
                order_id,
                store_id: f.store_id.flatten(),
                customer_id: f.customer_id.flatten(),
                billing_address_id: f.billing_address_id.flatten(),
                shipping_address_id: f.shipping_address_id.flatten(),
                email_sent: f.email_sent.flatten(),
                shipment_status: f.shipment_status.flatten(),
                total_qty: f.total_qty.flatten(),
                total_weight: f.total_weight.flatten(),
                shipping_label: f.shipping_label.clone().flatten(),
                created_at: created_at.unwrap_or_else(|| now.clone()),
                updated_at: now.clone(),
                ..Default::default()
            };
            let id = db::insert(conn, "sales_shipment", "entity_id", &row)
                .await
                .map_err(could_not_save)?;
            (id, Some(increment_id))
        }
        Some(id) => {
            let mut columns = shipment_columns(f);
            columns.push(("order_id", SqlValue::from(order_id)));
            if let Some(at) = created_at {
                columns.push(("created_at", SqlValue::from(at)));
            }
            columns.push(("updated_at", SqlValue::from(now.clone())));
            db::update_posted(conn, "sales_shipment", id, columns)
                .await
                .map_err(could_not_save)?;
            (id, f.increment_id.clone().flatten())
        }
    };
    let (created_at, updated_at) = db::shipments::timestamps(conn, "sales_shipment", id)
        .await?
        .ok_or_else(|| Error::internal("shipment vanished after save"))?;

    deduct(conn, &order, &order_items, &shipped, &request.source_code).await?;

    // Relation::processRelation: items, tracks, comments.
    let items = match &request.items {
        Some(posted) => save_items(conn, id, posted).await?,
        None => existing
            .as_ref()
            .map(|f| f.items.clone())
            .unwrap_or_default(),
    };
    let tracks = match &request.tracks {
        Some(posted) => save_tracks(conn, id, posted, (now_at, &now), could_not_save).await?,
        None => existing
            .as_ref()
            .map(|f| f.tracks.iter().map(SavedTrack::from).collect())
            .unwrap_or_default(),
    };
    // getComments() reloads when the list is null or empty (`== null`).
    let comments = match &request.comments {
        Some(posted) if !posted.is_empty() => {
            save_comments(conn, id, posted, now_at, &now, author).await?
        }
        _ => existing
            .as_ref()
            .map(|f| f.comments.iter().map(SavedComment::from).collect())
            .unwrap_or_default(),
    };
    let source = posted_source(&request.source_code).unwrap_or("default");
    db::shipments::set_source(conn, id, source)
        .await
        .map_err(could_not_save)?;

    Ok(SavedShipment {
        entity_id: id,
        order_id,
        fields: request.fields,
        increment_id,
        created_at,
        updated_at,
        packages: request.packages,
        items,
        tracks,
        comments,
        source_code: request.source_code,
    })
}

/// The posted shipment columns of an update: a value, or NULL where the column takes it.
fn shipment_columns(f: &ShipmentFields) -> Vec<(&'static str, SqlValue)> {
    let mut out = Vec::new();
    let mut int = |name: &'static str, v: Posted<i64>| {
        if let Some(v) = v {
            out.push((name, SqlValue::Int(v)));
        }
    };
    int("billing_address_id", f.billing_address_id);
    int("customer_id", f.customer_id);
    int("email_sent", f.email_sent);
    int("shipment_status", f.shipment_status);
    int("shipping_address_id", f.shipping_address_id);
    int("store_id", f.store_id);
    for (name, v) in [("total_qty", f.total_qty), ("total_weight", f.total_weight)] {
        if let Some(v) = v {
            out.push((name, SqlValue::Amount(v)));
        }
    }
    if let Some(label) = &f.shipping_label {
        out.push(("shipping_label", SqlValue::Text(label.clone())));
    }
    // magemu's increment_id is NOT NULL: a posted null keeps the stored one.
    if let Some(Some(increment_id)) = &f.increment_id {
        out.push(("increment_id", SqlValue::Text(Some(increment_id.clone()))));
    }
    out
}

/// `SourceDeductionProcessor` on the shipment's lines.
async fn deduct(
    conn: &mut SqliteConnection,
    order: &Order,
    order_items: &[OrderItem],
    shipped: &[(&OrderItem, Option<Amount>)],
    source_code: &Option<String>,
) -> Result<()> {
    let product_ids: Vec<i64> = order_items.iter().filter_map(|i| i.product_id).collect();
    let products = db::inventory::products_by_ids(conn, &product_ids).await?;
    let mut to_deduct = items_to_deduct(shipped, order_items, &products)?;
    db::inventory::drop_not_managed(&mut *conn, &mut to_deduct).await?;
    if to_deduct.is_empty() {
        return Ok(());
    }
    let source = match posted_source(source_code) {
        Some(code) => code.to_owned(),
        None if db::shipments::single_source_mode(conn).await? => "default".to_owned(),
        None => return Err(could_not_save("Warning: Undefined variable $sourceCode")),
    };
    let stock_id = db::shipments::order_stock(conn, order.entity_id).await?;
    let metadata = inventory::sales_event("shipment_created", order)?;
    for (sku, qty) in &to_deduct {
        let d = Deduction {
            source_code: source.clone(),
            sku: sku.clone(),
            qty: *qty,
        };
        db::shipments::deduct_source_item(conn, &d)
            .await
            .map_err(could_not_save)?;
    }
    for (sku, qty) in &to_deduct {
        // PlaceReservationsForSalesEvent: SKUs unknown to the catalog, or of a type with
        // source items.
        let reserve = match db::inventory::product_type(conn, sku).await? {
            None => true,
            Some(t) => has_source_items(&t),
        };
        if reserve {
            db::inventory::append_reservation(conn, stock_id, sku, *qty, &metadata).await?;
        }
    }
    Ok(())
}

async fn save_items(
    conn: &mut SqliteConnection,
    parent_id: i64,
    posted: &[ItemSave],
) -> Result<Vec<ShipmentItem>> {
    let mut out = Vec::with_capacity(posted.len());
    for i in posted {
        let mut row = ShipmentItem {
            entity_id: i.entity_id.unwrap_or(0),
            parent_id,
            order_item_id: i.order_item_id.unwrap_or(0),
            product_id: i.product_id.flatten(),
            sku: i.sku.clone().flatten(),
            name: i.name.clone().flatten(),
            description: i.description.clone().flatten(),
            additional_data: i.additional_data.clone().flatten(),
            price: i.price.flatten(),
            weight: i.weight.flatten(),
            row_total: i.row_total.flatten(),
            qty: i.qty.flatten(),
        };
        if row.entity_id == 0 {
            row.entity_id = db::insert(conn, "sales_shipment_item", "entity_id", &row)
                .await
                .map_err(could_not_save)?;
        } else {
            let mut columns: Vec<(&'static str, SqlValue)> = vec![
                ("parent_id", SqlValue::from(parent_id)),
                ("order_item_id", SqlValue::from(row.order_item_id)),
            ];
            let posted_columns = [
                ("product_id", i.product_id.map(SqlValue::Int)),
                ("sku", i.sku.clone().map(SqlValue::Text)),
                ("name", i.name.clone().map(SqlValue::Text)),
                ("description", i.description.clone().map(SqlValue::Text)),
                (
                    "additional_data",
                    i.additional_data.clone().map(SqlValue::Text),
                ),
                ("price", i.price.map(SqlValue::Amount)),
                ("weight", i.weight.map(SqlValue::Amount)),
                ("row_total", i.row_total.map(SqlValue::Amount)),
                ("qty", i.qty.map(SqlValue::Amount)),
            ];
            columns.extend(
                posted_columns
                    .into_iter()
                    .filter_map(|(n, v)| v.map(|v| (n, v))),
            );
            db::update_posted(conn, "sales_shipment_item", row.entity_id, columns)
                .await
                .map_err(could_not_save)?;
        }
        out.push(row);
    }
    Ok(out)
}

/// Saves the posted tracks of shipment `parent_id` (`Shipment/Track/Validator` first, then an
/// INSERT, or an UPDATE of the posted columns of an `entity_id`, which changes nothing when no
/// row has it), each as the save returns it: the object as posted, with `created_at` and
/// `updated_at` read back when its row exists (`EntityAbstract::_afterSave`). `refuse` turns
/// a failure into the answer of the caller (the shipment's or the track repository's).
pub(crate) async fn save_tracks(
    conn: &mut SqliteConnection,
    parent_id: i64,
    posted: &[TrackSave],
    (now_at, now): (time::OffsetDateTime, &str),
    refuse: impl Fn(String) -> Error,
) -> Result<Vec<SavedTrack>> {
    let mut out = Vec::with_capacity(posted.len());
    for t in posted {
        // Shipment/Track/Validator: each required field present and not PHP-empty.
        let order_id = t.order_id.flatten().filter(|id| *id != 0);
        let Some(order_id) = order_id else {
            return Err(refuse("Cannot save track: Order Id".into()));
        };
        if empty_text(&t.track_number) || empty_text(&t.carrier_code) {
            return Err(refuse("Cannot save track: Number / Carrier Code".into()));
        }
        let created_at = match &t.created_at {
            Some(Some(raw)) => Some(
                crate::php::format_date(raw, now_at)
                    .ok_or_else(|| refuse(format!("track created_at {raw:?}")))?,
            ),
            _ => None,
        };
        let mut saved = SavedTrack {
            entity_id: t.entity_id.unwrap_or(0),
            parent_id,
            order_id,
            weight: t.weight.flatten(),
            qty: t.qty.flatten(),
            description: t.description.clone().flatten(),
            track_number: t.track_number.clone().flatten(),
            title: t.title.clone().flatten(),
            carrier_code: t.carrier_code.clone().flatten(),
            created_at: t.created_at.clone().flatten(),
            updated_at: t.updated_at.clone().flatten(),
        };
        if saved.entity_id == 0 {
            let row = ShipmentTrack {
                entity_id: 0,
                parent_id,
                order_id,
                track_number: saved.track_number.clone(),
                // `prepareColumnValue`: "" in a nullable text column is NULL.
                title: saved.title.clone().filter(|t| !t.is_empty()),
                carrier_code: saved.carrier_code.clone(),
                description: saved.description.clone().filter(|d| !d.is_empty()),
                qty: saved.qty,
                weight: saved.weight,
                created_at: created_at.unwrap_or_else(|| now.to_owned()),
                updated_at: now.to_owned(),
            };
            saved.entity_id = db::insert(conn, "sales_shipment_track", "entity_id", &row)
                .await
                .map_err(|e| refuse(e.to_string()))?;
        } else {
            let mut columns: Vec<(&'static str, SqlValue)> = vec![
                ("parent_id", SqlValue::from(parent_id)),
                ("order_id", SqlValue::from(order_id)),
            ];
            let posted_columns = [
                ("track_number", t.track_number.clone().map(SqlValue::Text)),
                (
                    "title",
                    t.title
                        .clone()
                        .map(|v| db::column_value(&SqlValue::Text(v))),
                ),
                ("carrier_code", t.carrier_code.clone().map(SqlValue::Text)),
                (
                    "description",
                    t.description
                        .clone()
                        .map(|v| db::column_value(&SqlValue::Text(v))),
                ),
                ("qty", t.qty.map(SqlValue::Amount)),
                ("weight", t.weight.map(SqlValue::Amount)),
                ("created_at", created_at.map(|c| SqlValue::Text(Some(c)))),
            ];
            columns.extend(
                posted_columns
                    .into_iter()
                    .filter_map(|(n, v)| v.map(|v| (n, v))),
            );
            db::update_posted_stamped(conn, "sales_shipment_track", saved.entity_id, columns, now)
                .await
                .map_err(|e| refuse(e.to_string()))?;
        }
        if let Some((created, updated)) =
            db::shipments::timestamps(conn, "sales_shipment_track", saved.entity_id).await?
        {
            saved.created_at = Some(created);
            saved.updated_at = Some(updated);
        }
        out.push(saved);
    }
    Ok(out)
}

async fn save_comments(
    conn: &mut SqliteConnection,
    parent_id: i64,
    posted: &[CommentSave],
    now_at: time::OffsetDateTime,
    now: &str,
    author: Author,
) -> Result<Vec<SavedComment>> {
    let mut out = Vec::with_capacity(posted.len());
    for c in posted {
        let entity_id = c.entity_id.unwrap_or(0);
        if entity_id != 0
            && !db::comments::comment_of(
                conn,
                "sales_shipment_comment",
                entity_id,
                Some(parent_id),
                author,
            )
            .await?
        {
            return Err(could_not_save(
                "Cannot save comment: User is not authorized to edit comment.",
            ));
        }
        if empty_text(&c.comment) {
            return Err(could_not_save("Cannot save comment: Comment"));
        }
        let created_at = match &c.created_at {
            Some(Some(raw)) => Some(
                crate::php::format_date(raw, now_at)
                    .ok_or_else(|| could_not_save(format!("comment created_at {raw:?}")))?,
            ),
            _ => None,
        };
        let mut saved = SavedComment {
            entity_id,
            parent_id,
            comment: c.comment.clone().flatten(),
            is_customer_notified: c.is_customer_notified.flatten(),
            is_visible_on_front: c.is_visible_on_front.flatten(),
            created_at: c.created_at.clone().flatten(),
        };
        if entity_id == 0 {
            let row = CommentRow {
                entity_id: 0,
                parent_id,
                comment: saved.comment.clone(),
                is_customer_notified: saved.is_customer_notified,
                // NOT NULL DEFAULT 0: a null is left to the default.
                is_visible_on_front: saved.is_visible_on_front.unwrap_or(0),
                created_at: created_at.unwrap_or_else(|| now.to_owned()),
                ..Default::default()
            }
            .by(author);
            saved.entity_id = db::insert(conn, "sales_shipment_comment", "entity_id", &row)
                .await
                .map_err(could_not_save)?;
        } else {
            let mut columns: Vec<(&'static str, SqlValue)> =
                vec![("parent_id", SqlValue::from(parent_id))];
            if let Some(v) = &c.comment {
                columns.push(("comment", SqlValue::Text(v.clone())));
            }
            if let Some(v) = c.is_customer_notified {
                columns.push(("is_customer_notified", SqlValue::Int(v)));
            }
            if let Some(Some(v)) = c.is_visible_on_front {
                columns.push(("is_visible_on_front", SqlValue::from(v)));
            }
            if let Some(at) = created_at {
                columns.push(("created_at", SqlValue::from(at)));
            }
            db::update_posted(conn, "sales_shipment_comment", entity_id, columns)
                .await
                .map_err(could_not_save)?;
        }
        let stored =
            db::comments::created_at(&mut *conn, "sales_shipment_comment", saved.entity_id).await?;
        if stored.is_some() {
            saved.created_at = stored;
        }
        out.push(saved);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, sku: &str, product_id: i64, product_type: &str) -> OrderItem {
        OrderItem {
            item_id: id,
            sku: sku.into(),
            product_id: Some(product_id),
            product_type: Some(product_type.into()),
            qty_ordered: 10.into(),
            ..Default::default()
        }
    }

    fn catalog() -> HashMap<i64, CatalogProduct> {
        [
            (8, "24-WB01", "simple"),
            (12, "24-WB03", "simple"),
            (47, "240-LV06", "downloadable"),
            (60, "MH01", "configurable"),
            (61, "MH01-XS-Black", "simple"),
        ]
        .into_iter()
        .map(|(id, sku, t)| {
            (
                id,
                CatalogProduct {
                    sku: sku.into(),
                    type_id: t.into(),
                },
            )
        })
        .collect()
    }

    #[test]
    fn deductions_as_get_items_to_deduct_from_shipment_takes_them() {
        let mut decimal = item(5, "24-WB01", 8, "simple");
        decimal.is_qty_decimal = Some(1);
        let items = vec![
            item(3, "24-WB03", 12, "simple"),
            item(4, "24-WB01", 8, "simple"),
            decimal,
            item(6, "gone", 99, "simple"),
            item(7, "240-LV06", 47, "downloadable"),
        ];
        let q = |s: &str| Amount::parse(s);
        let lines = vec![
            (&items[0], q("2.9")),
            (&items[1], q("3")),
            (&items[2], q("0.5")),
            (&items[3], q("1")),
            (&items[4], None),
            (&items[0], q("-4")),
        ];
        assert_eq!(
            items_to_deduct(&lines, &items, &catalog()).unwrap(),
            vec![
                ("24-WB03".to_owned(), 2.into()),
                ("24-WB01".to_owned(), Amount::parse("3.5").unwrap()),
                ("240-LV06".to_owned(), Amount::ZERO),
            ]
        );
    }

    #[test]
    fn a_configurable_parent_deducts_its_own_sku() {
        let parent = item(10, "MH01-XS-Black", 60, "configurable");
        let mut child = item(11, "MH01-XS-Black", 61, "simple");
        child.parent_item_id = Some(10);
        let items = vec![parent, child];
        let lines = vec![(&items[0], Amount::parse("2"))];
        assert_eq!(
            items_to_deduct(&lines, &items, &catalog()).unwrap(),
            vec![("MH01-XS-Black".to_owned(), 2.into())]
        );
        // A line without product_type is a PHP TypeError (500).
        let mut untyped = item(12, "24-WB03", 12, "simple");
        untyped.product_type = None;
        let items = vec![untyped];
        assert!(items_to_deduct(&[(&items[0], None)], &items, &catalog()).is_err());
    }
}
