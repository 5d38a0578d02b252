//! The reply of an order saved with its id (`sales::order_update`): the saved object as
//! `ServiceOutputProcessor` renders it. A data object that was posted, not loaded, shows the
//! fields it holds, in the interface's getter order; a getter declared without `|null` is
//! written as `null` when the object does not hold it (`DataObjectProcessor::
//! buildOutputDataArray`); `Order::getTotalDue`/`getBaseTotalDue` are computed, so always
//! there. Children loaded from the database render as `GET /V1/orders/{id}` renders them.

use schemars::Schema;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::model::FullOrder;
use crate::sales::order_update::{Assignment, Held, Partial, SavedOrder};
use crate::wire::order::{OrderAddressData, OrderData, OrderPaymentData, StatusHistoryData};
use crate::wire::order_item::{OrderItemData, RestRowTotals};
use crate::wire::order_keys::{ADDRESS_KEYS, HISTORY_KEYS, ITEM_KEYS, ORDER_KEYS, PAYMENT_KEYS};

/// How one data interface renders when posted: its getters, the ones without `|null`, the
/// array getters written as `[]` when empty, and the computed ones.
struct Shape {
    keys: &'static [&'static str],
    required: &'static [&'static str],
    arrays: &'static [&'static str],
    computed: &'static [&'static str],
}

const ORDER: Shape = Shape {
    keys: ORDER_KEYS,
    // `getState`/`getStatus` are `string|null`: left out when not held.
    required: &["base_grand_total", "customer_email", "grand_total"],
    arrays: &[],
    computed: &["base_total_due", "total_due"],
};
const ITEM: Shape = Shape {
    keys: ITEM_KEYS,
    required: &["sku"],
    arrays: &[],
    computed: &[],
};
const PAYMENT: Shape = Shape {
    keys: PAYMENT_KEYS,
    required: &["account_status", "cc_last4", "method"],
    arrays: &["additional_information"],
    computed: &[],
};
const HISTORY: Shape = Shape {
    keys: HISTORY_KEYS,
    required: &[
        "comment",
        "is_customer_notified",
        "is_visible_on_front",
        "parent_id",
    ],
    arrays: &[],
    computed: &[],
};
const ADDRESS: Shape = Shape {
    keys: ADDRESS_KEYS,
    required: &[
        "address_type",
        "city",
        "country_id",
        "firstname",
        "lastname",
        "postcode",
        "telephone",
    ],
    arrays: &[],
    computed: &[],
};

fn object(value: impl Serialize) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// `full` (the wire struct of the object's row) cut down to what the object holds.
fn partial(full: Map<String, Value>, held: &[(&str, bool)], shape: &Shape) -> Map<String, Value> {
    let flag = |key: &str| held.iter().rev().find(|(f, _)| *f == key).map(|(_, n)| *n);
    let mut out = Map::new();
    for key in shape.keys {
        let value = match flag(key) {
            Some(false) => full.get(*key).filter(|v| !v.is_null()).cloned(),
            Some(true) => None,
            None if shape.computed.contains(key) => full.get(*key).cloned(),
            None => None,
        };
        let value = match value {
            Some(v) => v,
            None if shape.arrays.contains(key) => Value::Array(Vec::new()),
            None if shape.required.contains(key) => Value::Null,
            None => continue,
        };
        out.insert((*key).to_owned(), value);
    }
    out
}

fn held_json<T, D: Serialize>(held: &Held<T>, render: impl Fn(&T) -> D, shape: &Shape) -> Value {
    match held {
        Held::Stored(row) => Value::Object(object(render(row))),
        Held::Posted(p) => Value::Object(partial(object(render(&p.row)), &p.held, shape)),
    }
}

/// A posted order item as the reply shows it: the fields it holds, and the four row totals
/// `ChangeOutputArray` always sets (`RestRowTotals`).
fn posted_item_json(p: &Partial<crate::db::model::OrderItem>) -> Value {
    let mut out = partial(object(OrderItemData::from(&p.row)), &p.held, &ITEM);
    RestRowTotals::of(&p.row).write_into(&mut out);
    Value::Object(out)
}

fn posted_items(items: &[Partial<crate::db::model::OrderItem>]) -> Value {
    Value::Array(items.iter().map(posted_item_json).collect())
}

/// `ShippingAssignmentInterface` as posted (the first one's address as the save changed it).
fn assignment_json(a: &Assignment) -> Value {
    let mut out = Map::new();
    let shipping = match &a.shipping {
        None => Value::Null,
        Some(s) => {
            let mut m = Map::new();
            if let Some(address) = &s.address {
                let full = object(OrderAddressData::from(&address.row));
                m.insert(
                    "address".into(),
                    Value::Object(partial(full, &address.held, &ADDRESS)),
                );
            }
            if let (true, Some(method)) = (s.method_held, &s.method) {
                m.insert("method".into(), Value::String(method.clone()));
            }
            // PHP writes an empty data object as an empty array.
            if m.is_empty() {
                Value::Array(Vec::new())
            } else {
                Value::Object(m)
            }
        }
    };
    out.insert("shipping".into(), shipping);
    out.insert(
        "items".into(),
        a.items.as_deref().map(posted_items).unwrap_or(Value::Null),
    );
    if let Some(stock_id) = a.stock_id {
        out.insert("stock_id".into(), stock_id.into());
    }
    Value::Object(out)
}

/// The saved order as the reply of `POST /V1/orders` shows it.
pub fn saved_order(saved: &SavedOrder) -> Value {
    let row = FullOrder {
        order: saved.order.row.clone(),
        ..Default::default()
    };
    let scalars = object(OrderData::from(&row).scalars);
    let mut out = partial(scalars, &saved.order.held, &ORDER);
    let items = saved
        .items
        .iter()
        .map(|i| match i {
            Held::Stored(row) => Value::Object(object(OrderItemData::from(row))),
            Held::Posted(p) => posted_item_json(p),
        })
        .collect();
    out.insert("items".into(), Value::Array(items));
    if let Some(billing) = saved.addresses.iter().find(|a| a.address_type == "billing") {
        out.insert(
            "billing_address".into(),
            Value::Object(object(OrderAddressData::from(billing))),
        );
    }
    if let Some(payment) = &saved.payment {
        out.insert(
            "payment".into(),
            held_json(payment, |r| OrderPaymentData::from(r), &PAYMENT),
        );
    }
    let histories = saved
        .status_histories
        .iter()
        .map(|h| held_json(h, |r| StatusHistoryData::from(r), &HISTORY))
        .collect();
    out.insert("status_histories".into(), Value::Array(histories));
    if !saved.shipping_assignments.is_empty() {
        let list = saved
            .shipping_assignments
            .iter()
            .map(assignment_json)
            .collect();
        let mut ext = Map::new();
        ext.insert("shipping_assignments".into(), Value::Array(list));
        out.insert("extension_attributes".into(), Value::Object(ext));
    }
    Value::Object(out)
}

// The definitions of the order's interfaces (derived in order.rs, order_item.rs) also describe
// this reply: the getters a posted object writes as `null` when it lacks them are nullable
// there, from the same `Shape` lists, so the two cannot drift apart.

/// Marks `keys` nullable (`x-nullable`, kept by the schema's conversion to Swagger 2.0).
fn nullable(schema: &mut Schema, keys: &[&str]) {
    if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        for key in keys {
            if let Some(Value::Object(p)) = properties.get_mut(*key) {
                p.insert("x-nullable".into(), Value::Bool(true));
            }
        }
    }
}

/// `OrderInterface`: its getters without `|null`; the extension attributes only when
/// shipping assignments were posted.
pub fn posted_order(schema: &mut Schema) {
    nullable(schema, ORDER.required);
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.retain(|r| r != "extension_attributes");
    }
}

/// `OrderExtensionInterface` of a saved order: only `shipping_assignments` (when posted).
pub fn posted_extension(schema: &mut Schema) {
    schema.insert("required".into(), Value::Array(Vec::new()));
}

pub fn posted_item(schema: &mut Schema) {
    nullable(schema, ITEM.required);
}

pub fn posted_payment(schema: &mut Schema) {
    nullable(schema, PAYMENT.required);
}

pub fn posted_history(schema: &mut Schema) {
    nullable(schema, HISTORY.required);
}

pub fn posted_address(schema: &mut Schema) {
    nullable(schema, ADDRESS.required);
}

/// `ShippingAssignmentInterface` as [`assignment_json`] writes it: `shipping` and `items`
/// null when not posted, the `stock_id` posted.
pub fn posted_assignment(schema: &mut Schema) {
    nullable(schema, &["shipping", "items"]);
    if let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        properties.insert("stock_id".into(), serde_json::json!({ "type": "integer" }));
    }
}

/// `ShippingInterface`: an object, or PHP's `[]` for an empty posted one (no `type`); a
/// posted one has no `total`.
pub fn posted_shipping(schema: &mut Schema) {
    schema.remove("type");
    schema.remove("required");
}
