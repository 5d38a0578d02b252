//! `POST /V1/order/{orderId}/ship`: Magento's `ShipOrder::execute`, as one transaction.
//!
//! Steps and sources (app/code/Magento/Sales/, 2.4): load the order (`OrderRepository::get`);
//! build the shipment (`Order/ShipmentDocumentFactory`, `Order/ShipmentFactory::prepareItems`);
//! validate (`Order/Validation/ShipOrder`: `CanShip`, then `Shipment/Validation/QuantityValidator`
//! and `TrackValidator`); register the shipped quantities (`Shipment/OrderRegistrar`); set the
//! state (`Order/StateResolver`, `ResourceModel/Order/Handler/State`); deduct the shipped units
//! from the shipment's source and compensate the order's reservation (magento/inventory
//! `InventoryShipping/Observer/SourceDeductionProcessor`,
//! `InventorySourceDeductionApi/Model/SourceDeductionService`).
//!
//! Magento's quirks kept: a quantity above what is left to ship is cut down to it, and an
//! unknown `order_item_id` is dropped, both silently (`ShipmentFactory` walks the order's items
//! and takes `min(asked, left)`), so neither gets an error; a track without `carrier_code` passes
//! validation and fails the save, with the generic `Could not save a shipment` message.

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::batch::Change;
use crate::db::inventory::Deduction;
use crate::db::model::{
    Author, FullShipment, Order, OrderItem, Shipment, ShipmentComment, ShipmentItem, ShipmentTrack,
};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory;
use crate::sales::email::{self, SalesEmail};
use crate::sales::state::{self, state_after_document};
use crate::sales::{DocumentComment, LineItem};
use crate::search::SearchCriteria;

/// The parsed body of `POST /V1/order/{orderId}/ship` (ShipOrderInterface::execute).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShipRequest {
    pub notify: bool,
    pub append_comment: bool,
    pub items: Vec<ShipItemRequest>,
    pub comment: Option<ShipCommentRequest>,
    pub tracks: Vec<TrackRequest>,
    /// `arguments.extension_attributes.source_code`.
    pub source_code: Option<String>,
    /// Shipping a pickup order for "ready for pickup" (`sales::pickup`), the one way a pickup
    /// order may be shipped.
    pub for_pickup: bool,
}

/// `ShipmentItemCreationInterface`.
pub type ShipItemRequest = LineItem;
/// `ShipmentCommentCreationInterface`.
pub type ShipCommentRequest = DocumentComment;

/// `ShipmentTrackCreationInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackRequest {
    pub track_number: Option<String>,
    pub title: Option<String>,
    pub carrier_code: Option<String>,
}

/// One shipment line: the order item and how much of it ships.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipLine<'a> {
    pub item: &'a OrderItem,
    pub qty: Amount,
}

/// `ShipmentDocumentFactory` + `ShipmentFactory::prepareItems` for items without a parent:
/// with no `items`, everything physical left to ship; otherwise the listed items (the last
/// entry of an id wins), each capped at what is left and cast to an integer unless the item
/// takes decimal quantities. Virtual, locked and fully shipped items never ship.
pub fn prepare<'a>(items: &'a [OrderItem], requested: &[ShipItemRequest]) -> Vec<ShipLine<'a>> {
    // A child line is one whose parent is on the order (`getParentItem()`); an id naming
    // nothing there leaves the line on its own.
    let on_order: std::collections::HashSet<i64> = items.iter().map(|i| i.item_id).collect();
    let mut qtys: HashMap<i64, Amount> = HashMap::new();
    if requested.is_empty() {
        for item in items {
            if !item.is_virtual() && !item.parent().is_some_and(|p| on_order.contains(&p)) {
                qtys.insert(item.item_id, item.qty_ordered);
            }
        }
    } else {
        for r in requested {
            if let Some(id) = r.order_item_id {
                qtys.insert(id, r.qty.unwrap_or(Amount::ZERO));
            }
        }
    }
    let mut lines = Vec::new();
    for item in items {
        let left = item.qty_to_ship();
        if item.parent().is_some_and(|p| on_order.contains(&p))
            || item.is_virtual()
            || item.locked_do_ship()
            || left <= Amount::ZERO
        {
            continue;
        }
        let Some(asked) = qtys.get(&item.item_id).copied() else {
            continue;
        };
        if asked <= Amount::ZERO {
            continue;
        }
        let qty = asked.min(left);
        let qty = if item.is_qty_decimal() {
            qty
        } else {
            qty.trunc()
        };
        lines.push(ShipLine {
            item,
            qty: qty.max(Amount::ZERO),
        });
    }
    lines
}

/// `Validation/ShipOrder`: `CanShip`, then `QuantityValidator`, then `TrackValidator`, then
/// the items validators on the order items `requested` names ([`bundle_type_refusals`]).
pub fn validate(
    order: &Order,
    items: &[OrderItem],
    lines: &[ShipLine<'_>],
    tracks: &[TrackRequest],
    requested: &[ShipItemRequest],
) -> Vec<String> {
    let mut messages = Vec::new();
    let blocked = [state::PAYMENT_REVIEW, state::HOLDED, state::CANCELED];
    if order.state.as_deref().is_some_and(|s| blocked.contains(&s))
        || order.is_virtual.unwrap_or(0) != 0
    {
        let status = order.status.clone().unwrap_or_default();
        messages.push(Phrase::positional(e::SHIPMENT_BAD_STATUS, vec![status]).render());
    } else if !state::items_left_to_ship(items).any(|(_, left)| left > Amount::ZERO) {
        messages.push(e::ORDER_DOES_NOT_ALLOW_SHIPMENT.to_owned());
    }
    let total: Amount = lines.iter().map(|l| l.qty).sum();
    if lines.is_empty() || total <= Amount::ZERO {
        messages.push(e::SHIPMENT_WITHOUT_PRODUCTS.to_owned());
    }
    for track in tracks {
        // TrackValidator: `!$track->getTrackNumber()`, so "0" is none either.
        if crate::php::empty(track.track_number.as_deref()) {
            messages.push(e::TRACK_NUMBER_REQUIRED.to_owned());
        }
    }
    messages.extend(bundle_type_refusals(items, requested));
    messages
}

/// `ShipmentItemsValidator` with Bundle's `BundleShipmentTypeValidator` (Bundle/etc/di.xml), on
/// each order item a request names, in the order's order: an item that is a dummy for the
/// shipment (`Order\Item::isDummy(true)`) is refused when it is a bundle shipped separately
/// (its options are to be shipped) or the child of a bundle shipped together (the bundle
/// is). A bundle without `shipment_type` 1 in its options ships together.
pub fn bundle_type_refusals(items: &[OrderItem], requested: &[ShipItemRequest]) -> Vec<String> {
    // Sets, not searches: an order of 30,000 lines and a body naming as many was seconds of
    // the writer.
    let family = crate::sales::item::Family::new(items);
    let asked: std::collections::HashSet<i64> =
        requested.iter().filter_map(|r| r.order_item_id).collect();
    let refusal = |sku: &str, kind: &str, instead: &str| {
        Phrase::positional(
            e::BUNDLE_SHIPMENT_TYPE,
            vec![sku.to_owned(), kind.to_owned(), instead.to_owned()],
        )
        .render()
    };
    let mut messages = Vec::new();
    for item in items {
        if !asked.contains(&item.item_id) {
            continue;
        }
        if !family.is_dummy(item, true) {
            continue;
        }
        let has_children = family.has_children(item);
        let parent = family.parent_of(item);
        if has_children && item.product_type.as_deref() == Some("bundle") {
            messages.push(refusal(&item.sku, "Separately", "Bundle product options"));
        }
        if let Some(parent) = parent.filter(|p| p.product_type.as_deref() == Some("bundle")) {
            messages.push(refusal(&parent.sku, "Together", "Bundle product itself"));
        }
    }
    messages
}

/// The `DocumentValidationException` for a list of messages: one phrase, no parameters.
pub fn validation_error(messages: &[String]) -> Error {
    Error::input(format!(
        "{}\n{}",
        e::SHIPMENT_VALIDATION_ERRORS,
        messages.join("\n")
    ))
}

/// `Shipment/OrderRegistrar`: each shipped line adds to its order item's `qty_shipped`.
pub fn register(items: &mut [OrderItem], shipped: &[(i64, Amount)], now: &str) {
    // By a map of ids: a search a line took seconds on an order of 30,000 lines.
    let at: HashMap<i64, usize> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.item_id, i))
        .collect();
    for (item_id, qty) in shipped {
        if let Some(&i) = at.get(item_id) {
            items[i].qty_shipped += *qty;
            items[i].updated_at = now.to_owned();
        }
    }
}

/// `ShipOrder::execute`: creates the shipment and returns its id, on the single writer in its
/// own savepoint: everything it writes commits together or not at all.
#[tracing::instrument(skip(db, request))]
pub async fn ship_order(
    db: &Db,
    order_id: i64,
    request: ShipRequest,
    author: Author,
) -> Result<i64> {
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(ship_in(conn, order_id, request, author))
    })
    .await
}

pub(crate) async fn ship_in(
    conn: &mut SqliteConnection,
    order_id: i64,
    request: ShipRequest,
    author: Author,
) -> Result<i64> {
    let db::shipments::ShipmentContext {
        mut order,
        mut items,
        stock_id,
        single_source,
        pickup_location,
        next_shipment_id,
        next_item_id,
        next_track_id,
        next_comment_id,
        next_increment,
        recipient,
        products,
    } = db::shipments::load_for_shipment(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    // In-Store Pickup's AdaptShipmentPlugin refuses the save inside ShipOrder's try block,
    // which answers with its own message.
    if !request.for_pickup && pickup_location.is_some() {
        tracing::error!(order_id, "{}", crate::sales::pickup::NOTIFY_INSTEAD);
        return Err(Error::input(e::COULD_NOT_SAVE_SHIPMENT));
    }
    let lines = prepare(&items, &request.items);
    let messages = validate(&order, &items, &lines, &request.tracks, &request.items);
    if !messages.is_empty() {
        return Err(validation_error(&messages));
    }
    let now = db::now_timestamp();
    let notified = request.append_comment && request.notify;
    let comment_text = request.comment.as_ref().and_then(|c| c.comment.clone());
    let shipment = Shipment {
        entity_id: next_shipment_id,
        increment_id: db::sales::format_increment_id(order.store_id, next_increment),
        order_id,
        store_id: Some(order.store_id),
        customer_id: order.customer_id,
        billing_address_id: order.billing_address_id,
        shipping_address_id: order.shipping_address_id,
        email_sent: request.notify.then_some(1),
        send_email: request.notify.then_some(1),
        total_qty: Some(lines.iter().map(|l| l.qty).sum()),
        customer_note: if notified { comment_text.clone() } else { None },
        customer_note_notify: notified.then_some(1),
        created_at: now.clone(),
        updated_at: now.clone(),
        ..Default::default()
    };
    let too_many = || Error::input(e::COULD_NOT_SAVE_SHIPMENT);
    db::sales::row_ids(next_shipment_id, 1).ok_or_else(too_many)?;
    db::sales::row_ids(next_comment_id, usize::from(request.comment.is_some()))
        .ok_or_else(too_many)?;
    let shipped = lines.iter().filter(|l| l.qty > Amount::ZERO);
    let item_ids =
        db::sales::row_ids(next_item_id, shipped.clone().count()).ok_or_else(too_many)?;
    let track_ids = db::sales::row_ids(next_track_id, request.tracks.len()).ok_or_else(too_many)?;
    let shipment_items: Vec<ShipmentItem> = shipped
        .zip(item_ids)
        .map(|(l, entity_id)| ShipmentItem {
            entity_id,
            parent_id: next_shipment_id,
            order_item_id: l.item.item_id,
            product_id: l.item.product_id,
            sku: Some(l.item.sku.clone()),
            name: l.item.name.clone(),
            price: Some(l.item.price),
            weight: l.item.weight,
            qty: Some(l.qty),
            ..Default::default()
        })
        .collect();
    let tracks: Vec<ShipmentTrack> = request
        .tracks
        .iter()
        .zip(track_ids)
        .map(|(t, entity_id)| ShipmentTrack {
            entity_id,
            parent_id: next_shipment_id,
            order_id,
            track_number: t.track_number.clone(),
            title: t.title.clone(),
            carrier_code: t.carrier_code.clone(),
            created_at: now.clone(),
            updated_at: now.clone(),
            ..Default::default()
        })
        .collect();
    // Shipment/Track/Validator, at save: the carrier code is required (`empty()`: "0" too).
    if tracks
        .iter()
        .any(|t| crate::php::empty(t.carrier_code.as_deref()))
    {
        tracing::error!(
            order_id,
            "Cannot save track: Carrier Code is a required field"
        );
        return Err(Error::input(e::COULD_NOT_SAVE_SHIPMENT));
    }
    // Shipment/Comment/Validator, at save: a comment without text (`empty()`) fails it.
    if request
        .comment
        .as_ref()
        .is_some_and(|c| crate::php::empty(c.comment.as_deref()))
    {
        tracing::error!(order_id, "Cannot save comment: Comment can not be empty");
        return Err(Error::input(e::COULD_NOT_SAVE_SHIPMENT));
    }
    let comment = request.comment.as_ref().map(|c| {
        ShipmentComment {
            entity_id: next_comment_id,
            parent_id: next_shipment_id,
            comment: c.comment.clone(),
            is_customer_notified: Some(notified as i64),
            is_visible_on_front: c.is_visible_on_front,
            created_at: now.clone(),
            ..Default::default()
        }
        .by(author)
    });
    // SourceDeductionProcessor: lines whose product is gone from the catalog deduct nothing,
    // a line deducts its product's catalog SKU, a parent its children's.
    let shipped_lines: Vec<(&OrderItem, Option<Amount>)> =
        lines.iter().map(|l| (l.item, Some(l.qty))).collect();
    let mut deducted =
        crate::sales::shipment_save::items_to_deduct(&shipped_lines, &items, &products)?;
    drop(shipped_lines);
    db::inventory::drop_not_managed(&mut *conn, &mut deducted).await?;
    let shipped: Vec<(i64, Amount)> = lines.iter().map(|l| (l.item.item_id, l.qty)).collect();
    drop(lines);
    // As read: the save writes only the columns the shipment changes.
    let (order_before, items_before) = (order.clone(), items.clone());

    register(&mut items, &shipped, &now);
    // ShipOrder resolves the state only of a `new` order (`ShipOrder::execute`), then the
    // order's save runs `Handler\State::check`, which moves a `processing` order on (complete,
    // closed) as the resolver does. An order in another state (an imported `pending_payment`)
    // keeps it: the resolver would take it back to `new`.
    let resolvable = matches!(order.state.as_deref(), Some(state::NEW | state::PROCESSING));
    let new_state = state_after_document(&order, &items);
    if resolvable && order.state.as_deref() != Some(new_state.as_str()) {
        order.status = Some(state::default_status(&new_state).to_owned());
        order.state = Some(new_state);
    }
    order.updated_at = now.clone();

    // AssignSourceCodeToShipmentPlugin, then the request's extension attribute over it.
    let source_code = request
        .source_code
        .clone()
        .or(single_source)
        .unwrap_or_else(|| "default".to_owned());
    let metadata = inventory::sales_event("shipment_created", &order)?;
    let deducted: Vec<Deduction> = deducted
        .into_iter()
        .map(|(sku, qty)| Deduction {
            source_code: source_code.clone(),
            sku,
            qty,
        })
        .collect();
    // ShipOrder: `notify` sends the shipment e-mail, with the comment when it is appended;
    // written with the shipment.
    let mail = match (&recipient, request.notify) {
        (Some(recipient), true) => email::compose(
            SalesEmail::Shipment,
            recipient,
            email::Document {
                entity_id: next_shipment_id,
                increment_id: Some(shipment.increment_id.clone()),
                order_id,
            },
            comment_text.filter(|_| request.append_comment),
        ),
        _ => None,
    };
    db::shipments::save_shipment(
        conn,
        db::shipments::ShipmentWrites {
            shipment: &shipment,
            items: &shipment_items,
            tracks: &tracks,
            comment: comment.as_ref(),
            source_code: &source_code,
            order: Change {
                before: &order_before,
                after: &order,
            },
            order_items: (&items_before, &items),
            increment: next_increment,
            deductions: &deducted,
            stock_id,
            reservation_metadata: &metadata,
            mail: mail.as_ref(),
        },
    )
    .await
    .map_err(|err| {
        // Inside ShipOrder's save block: logged, answered as CouldNotShipException.
        tracing::error!(order_id, error = %err, "saving the shipment failed");
        Error::input(e::COULD_NOT_SAVE_SHIPMENT)
    })?;
    Ok(next_shipment_id)
}

/// `ShipmentRepositoryInterface::getList`: one page of shipments and the count of all matches.
pub async fn list_shipments(
    db: &Db,
    criteria: &SearchCriteria,
) -> Result<(Vec<FullShipment>, i64)> {
    db::search::read_documents_over(
        &db.readers,
        "sales_shipment",
        "entity_id",
        &SHIPMENT_FIELDS,
        criteria,
        db::shipments::read_full_shipment,
    )
    .await
}

/// The columns of `sales_shipment`, with `packages`: the shipment resource serializes it on
/// every save, `[]` when the shipment has none (`_serializableFields`' default), and
/// `ShipmentDocumentFactory` never gives one any, so a filter finds `[]` in it (`notnull`
/// matches every shipment, `null` none). magemu keeps no packages (see `http::shipments`):
/// one saved through `POST /V1/shipment` with packages holds `[{}]` in Magento and `[]` here.
static SHIPMENT_FIELDS: std::sync::LazyLock<Vec<db::search::Field>> =
    std::sync::LazyLock::new(|| {
        let mut fields = db::search::fields_of(&Shipment::default());
        fields.push(db::search::Field {
            name: "packages",
            column: "'[]'".into(),
            kind: db::search::Kind::Text,
        });
        fields
    });

/// `ShipmentRepository::get`.
pub async fn get_shipment(db: &Db, shipment_id: i64) -> Result<FullShipment> {
    crate::sales::read_document(db, shipment_id, db::shipments::read_full_shipment).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, sku: &str, ordered: i64, shipped: i64, virt: bool) -> OrderItem {
        OrderItem {
            item_id: id,
            sku: sku.into(),
            qty_ordered: ordered.into(),
            qty_shipped: shipped.into(),
            is_virtual: Some(virt as i64),
            ..Default::default()
        }
    }

    fn req(id: i64, qty: &str) -> ShipItemRequest {
        ShipItemRequest {
            order_item_id: Some(id),
            qty: Amount::parse(qty),
        }
    }

    fn got(lines: &[ShipLine<'_>]) -> Vec<(i64, Amount)> {
        lines.iter().map(|l| (l.item.item_id, l.qty)).collect()
    }

    #[test]
    fn quantities_as_shipment_factory_takes_them() {
        let items = vec![
            item(3, "24-WB03", 20, 0, false),
            item(4, "24-WB01", 40, 35, false),
            item(5, "240-LV06", 1, 0, true),
        ];
        // Nothing listed: everything physical that is left.
        assert_eq!(
            got(&prepare(&items, &[])),
            vec![(3, 20.into()), (4, 5.into())]
        );
        // Too much is capped, unknown ids and virtual items are dropped, fractions truncated,
        // the last entry of an id wins.
        assert_eq!(
            got(&prepare(
                &items,
                &[
                    req(4, "99"),
                    req(99, "1"),
                    req(5, "1"),
                    req(3, "1"),
                    req(3, "2.7")
                ]
            )),
            vec![(3, 2.into()), (4, 5.into())]
        );
        assert_eq!(got(&prepare(&items, &[req(3, "0.5")])), vec![(3, 0.into())]);
    }

    #[test]
    fn validator_messages_in_magentos_order() {
        let items = vec![item(3, "24-WB03", 20, 20, false)];
        let order = Order {
            state: Some("complete".into()),
            status: Some("complete".into()),
            ..Default::default()
        };
        let lines = prepare(&items, &[]);
        assert_eq!(
            validate(&order, &items, &lines, &[], &[]),
            vec![
                e::ORDER_DOES_NOT_ALLOW_SHIPMENT.to_owned(),
                e::SHIPMENT_WITHOUT_PRODUCTS.to_owned()
            ]
        );
        let open = vec![item(3, "24-WB03", 20, 0, false)];
        let held = Order {
            state: Some("holded".into()),
            status: Some("holded".into()),
            ..Default::default()
        };
        let lines = prepare(&open, &[]);
        let tracks = vec![TrackRequest::default(), TrackRequest::default()];
        assert_eq!(
            validate(&held, &open, &lines, &tracks, &[]),
            vec![
                "A shipment cannot be created when an order has a status of holded".to_owned(),
                e::TRACK_NUMBER_REQUIRED.to_owned(),
                e::TRACK_NUMBER_REQUIRED.to_owned(),
            ]
        );
    }

    #[test]
    fn bundle_items_dummy_for_the_shipment_are_refused() {
        let bundle = |options: Option<&str>| OrderItem {
            product_type: Some("bundle".into()),
            product_options: options.map(str::to_owned),
            ..item(1, "B", 1, 0, false)
        };
        let child = OrderItem {
            parent_item_id: Some(1),
            product_type: Some("simple".into()),
            ..item(2, "C", 1, 0, false)
        };
        let together = [bundle(None), child.clone()];
        let message = |sku: &str, kind: &str, instead: &str| {
            format!("Cannot create shipment as bundle product \"{sku}\" has shipment type \"{kind}\". {instead} should be shipped instead.")
        };
        // Together: the bundle ships, its child does not.
        assert!(bundle_type_refusals(&together, &[req(1, "1")]).is_empty());
        assert_eq!(
            bundle_type_refusals(&together, &[req(2, "1"), req(9, "1")]),
            [message("B", "Together", "Bundle product itself")]
        );
        // Separately (shipment_type 1): the children ship, the bundle does not.
        let separately = [bundle(Some(r#"{"shipment_type":"1"}"#)), child];
        assert!(bundle_type_refusals(&separately, &[req(2, "1")]).is_empty());
        assert_eq!(
            bundle_type_refusals(&separately, &[req(1, "1")]),
            [message("B", "Separately", "Bundle product options")]
        );
    }
}
