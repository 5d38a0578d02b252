//! `Magento\Sales\Api\Data\CreditmemoInterface` and its items and comments as JSON, and the body
//! of `POST /V1/order/{orderId}/refund`.
//!
//! Getter order and nullability read from module-sales 2.4.0 to 2.4.8-p1
//! (`Api/Data/Creditmemo{,Item,Comment}Interface.php`): `order_id`, `items` and `comments` are
//! always written; on items `base_cost`, `base_price`, `entity_id`, `order_item_id` and `qty`,
//! on comments `comment`, `is_customer_notified`, `is_visible_on_front` and `parent_id`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::model::{Creditmemo, CreditmemoComment, CreditmemoItem, FullCreditmemo};
use crate::db::{Fields, SqlValue};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::creditmemo::RefundRequest;
use crate::sales::creditmemo_save::{CreditmemoInput, CreditmemoSet, SavedCreditmemo};
use crate::sales::creditmemo_totals::RefundArguments;
use crate::wire::input::{self, param, upper_camel, At, Obj};

/// `CreditmemoInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-creditmemo-interface")]
pub struct CreditmemoData {
    pub adjustment: Option<Amount>,
    pub adjustment_negative: Option<Amount>,
    pub adjustment_positive: Option<Amount>,
    pub base_adjustment: Option<Amount>,
    pub base_adjustment_negative: Option<Amount>,
    pub base_adjustment_positive: Option<Amount>,
    pub base_currency_code: Option<String>,
    pub base_discount_amount: Option<Amount>,
    pub base_grand_total: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
    pub base_shipping_amount: Option<Amount>,
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    pub base_shipping_incl_tax: Option<Amount>,
    pub base_shipping_tax_amount: Option<Amount>,
    pub base_subtotal: Option<Amount>,
    pub base_subtotal_incl_tax: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub base_to_global_rate: Option<Amount>,
    pub base_to_order_rate: Option<Amount>,
    pub billing_address_id: Option<i64>,
    pub created_at: Option<String>,
    pub creditmemo_status: Option<i64>,
    pub discount_amount: Option<Amount>,
    pub discount_description: Option<String>,
    pub email_sent: Option<i64>,
    pub entity_id: Option<i64>,
    pub global_currency_code: Option<String>,
    pub grand_total: Option<Amount>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub increment_id: Option<String>,
    pub invoice_id: Option<i64>,
    pub order_currency_code: Option<String>,
    pub order_id: i64,
    pub shipping_address_id: Option<i64>,
    pub shipping_amount: Option<Amount>,
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    pub shipping_incl_tax: Option<Amount>,
    pub shipping_tax_amount: Option<Amount>,
    pub state: Option<i64>,
    pub store_currency_code: Option<String>,
    pub store_id: Option<i64>,
    pub store_to_base_rate: Option<Amount>,
    pub store_to_order_rate: Option<Amount>,
    pub subtotal: Option<Amount>,
    pub subtotal_incl_tax: Option<Amount>,
    pub tax_amount: Option<Amount>,
    pub transaction_id: Option<String>,
    pub updated_at: Option<String>,
    pub items: Vec<CreditmemoItemData>,
    pub comments: Vec<CreditmemoCommentData>,
}

/// `CreditmemoItemInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-creditmemo-item-interface")]
pub struct CreditmemoItemData {
    pub additional_data: Option<String>,
    #[serialize_always]
    pub base_cost: Option<Amount>,
    pub base_discount_amount: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
    #[serialize_always]
    pub base_price: Option<Amount>,
    pub base_price_incl_tax: Option<Amount>,
    pub base_row_total: Option<Amount>,
    pub base_row_total_incl_tax: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub base_weee_tax_applied_amount: Option<Amount>,
    pub base_weee_tax_applied_row_amnt: Option<Amount>,
    pub base_weee_tax_disposition: Option<Amount>,
    pub base_weee_tax_row_disposition: Option<Amount>,
    pub description: Option<String>,
    pub discount_amount: Option<Amount>,
    #[serialize_always]
    pub entity_id: Option<i64>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub name: Option<String>,
    #[serialize_always]
    pub order_item_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub price: Option<Amount>,
    pub price_incl_tax: Option<Amount>,
    pub product_id: Option<i64>,
    #[serialize_always]
    pub qty: Option<Amount>,
    pub row_total: Option<Amount>,
    pub row_total_incl_tax: Option<Amount>,
    pub sku: Option<String>,
    pub tax_amount: Option<Amount>,
    pub weee_tax_applied: Option<String>,
    pub weee_tax_applied_amount: Option<Amount>,
    pub weee_tax_applied_row_amount: Option<Amount>,
    pub weee_tax_disposition: Option<Amount>,
    pub weee_tax_row_disposition: Option<Amount>,
}

/// `CreditmemoCommentInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-creditmemo-comment-interface")]
pub struct CreditmemoCommentData {
    #[serialize_always]
    pub comment: Option<String>,
    pub created_at: Option<String>,
    pub entity_id: Option<i64>,
    #[serialize_always]
    pub is_customer_notified: Option<i64>,
    #[serialize_always]
    pub is_visible_on_front: Option<i64>,
    pub parent_id: i64,
}

impl From<&CreditmemoItem> for CreditmemoItemData {
    fn from(i: &CreditmemoItem) -> Self {
        CreditmemoItemData {
            additional_data: i.additional_data.clone(),
            base_cost: i.base_cost,
            base_discount_amount: i.base_discount_amount,
            base_discount_tax_compensation_amount: i.base_discount_tax_compensation_amount,
            base_price: i.base_price,
            base_price_incl_tax: i.base_price_incl_tax,
            base_row_total: i.base_row_total,
            base_row_total_incl_tax: i.base_row_total_incl_tax,
            base_tax_amount: i.base_tax_amount,
            base_weee_tax_applied_amount: i.base_weee_tax_applied_amount,
            base_weee_tax_applied_row_amnt: i.base_weee_tax_applied_row_amnt,
            base_weee_tax_disposition: i.base_weee_tax_disposition,
            base_weee_tax_row_disposition: i.base_weee_tax_row_disposition,
            description: i.description.clone(),
            discount_amount: i.discount_amount,
            // 0 on an item a refund dropped unsaved (qty 0): its id stays null.
            entity_id: (i.entity_id != 0).then_some(i.entity_id),
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            name: i.name.clone(),
            order_item_id: i.order_item_id,
            parent_id: Some(i.parent_id),
            price: i.price,
            price_incl_tax: i.price_incl_tax,
            product_id: i.product_id,
            qty: i.qty,
            row_total: i.row_total,
            row_total_incl_tax: i.row_total_incl_tax,
            sku: i.sku.clone(),
            tax_amount: i.tax_amount,
            weee_tax_applied: i.weee_tax_applied.clone(),
            weee_tax_applied_amount: i.weee_tax_applied_amount,
            weee_tax_applied_row_amount: i.weee_tax_applied_row_amount,
            weee_tax_disposition: i.weee_tax_disposition,
            weee_tax_row_disposition: i.weee_tax_row_disposition,
        }
    }
}

impl From<&CreditmemoComment> for CreditmemoCommentData {
    fn from(c: &CreditmemoComment) -> Self {
        CreditmemoCommentData {
            comment: c.comment.clone(),
            created_at: present(&c.created_at),
            entity_id: Some(c.entity_id),
            is_customer_notified: c.is_customer_notified,
            is_visible_on_front: Some(c.is_visible_on_front),
            parent_id: c.parent_id,
        }
    }
}

impl From<&FullCreditmemo> for CreditmemoData {
    fn from(full: &FullCreditmemo) -> Self {
        CreditmemoData::build(
            &full.creditmemo,
            full.items.iter().map(CreditmemoItemData::from).collect(),
            // `setCreatedAtOrder()`: newest first.
            full.comments
                .iter()
                .rev()
                .map(CreditmemoCommentData::from)
                .collect(),
        )
    }
}

/// A string column that may hold nothing (an empty one reads as null).
fn present(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

impl CreditmemoData {
    /// The object a save left, as `ServiceOutputProcessor` renders it: the fields it holds.
    pub fn echo(saved: &SavedCreditmemo) -> Self {
        CreditmemoData::build(
            &saved.creditmemo,
            saved.items.iter().map(CreditmemoItemData::from).collect(),
            saved
                .comments
                .iter()
                .map(|c| CreditmemoCommentData {
                    is_visible_on_front: c.is_visible_on_front,
                    ..CreditmemoCommentData::from(&c.row)
                })
                .collect(),
        )
    }

    fn build(
        c: &Creditmemo,
        items: Vec<CreditmemoItemData>,
        comments: Vec<CreditmemoCommentData>,
    ) -> Self {
        CreditmemoData {
            adjustment: c.adjustment,
            adjustment_negative: c.adjustment_negative,
            adjustment_positive: c.adjustment_positive,
            base_adjustment: c.base_adjustment,
            base_adjustment_negative: c.base_adjustment_negative,
            base_adjustment_positive: c.base_adjustment_positive,
            base_currency_code: c.base_currency_code.clone(),
            base_discount_amount: c.base_discount_amount,
            base_grand_total: c.base_grand_total,
            base_discount_tax_compensation_amount: c.base_discount_tax_compensation_amount,
            base_shipping_amount: c.base_shipping_amount,
            base_shipping_discount_tax_compensation_amnt: c
                .base_shipping_discount_tax_compensation_amnt,
            base_shipping_incl_tax: c.base_shipping_incl_tax,
            base_shipping_tax_amount: c.base_shipping_tax_amount,
            base_subtotal: c.base_subtotal,
            base_subtotal_incl_tax: c.base_subtotal_incl_tax,
            base_tax_amount: c.base_tax_amount,
            base_to_global_rate: c.base_to_global_rate,
            base_to_order_rate: c.base_to_order_rate,
            billing_address_id: c.billing_address_id,
            created_at: present(&c.created_at),
            creditmemo_status: c.creditmemo_status,
            discount_amount: c.discount_amount,
            discount_description: c.discount_description.clone(),
            email_sent: c.email_sent,
            entity_id: Some(c.entity_id),
            global_currency_code: c.global_currency_code.clone(),
            grand_total: c.grand_total,
            discount_tax_compensation_amount: c.discount_tax_compensation_amount,
            increment_id: present(&c.increment_id),
            invoice_id: c.invoice_id,
            order_currency_code: c.order_currency_code.clone(),
            order_id: c.order_id,
            shipping_address_id: c.shipping_address_id,
            shipping_amount: c.shipping_amount,
            shipping_discount_tax_compensation_amount: c.shipping_discount_tax_compensation_amount,
            shipping_incl_tax: c.shipping_incl_tax,
            shipping_tax_amount: c.shipping_tax_amount,
            state: c.state,
            store_currency_code: c.store_currency_code.clone(),
            store_id: c.store_id,
            store_to_base_rate: c.store_to_base_rate,
            store_to_order_rate: c.store_to_order_rate,
            subtotal: c.subtotal,
            subtotal_incl_tax: c.subtotal_incl_tax,
            tax_amount: c.tax_amount,
            transaction_id: c.transaction_id.clone(),
            updated_at: present(&c.updated_at),
            items,
            comments,
        }
    }
}

/// The body of `RefundOrderInterface::execute`, converted as Magento's input layer does:
/// `items`, `notify`, `appendComment`, `comment` and `arguments`
/// (`CreditmemoCreationArgumentsInterface`: `shipping_amount`, `adjustment_positive`,
/// `adjustment_negative`, `extension_attributes.return_to_stock_items`).
pub fn parse_request(body: &Map<String, Value>) -> Result<RefundRequest> {
    let parts = input::document_parts(body)?;
    let mut request = RefundRequest {
        notify: parts.notify,
        append_comment: parts.append_comment,
        items: parts.items,
        comment: parts.comment,
        ..Default::default()
    };
    if let Some(arguments) = param(body, "arguments") {
        let o = Obj::new(
            arguments,
            &[
                "shipping_amount",
                "adjustment_positive",
                "adjustment_negative",
                "extension_attributes",
            ],
        )?;
        request.arguments = RefundArguments {
            shipping_amount: o.amount("shipping_amount")?,
            adjustment_positive: o.amount("adjustment_positive")?,
            adjustment_negative: o.amount("adjustment_negative")?,
        };
        if let Some((ext_key, extension)) = o.get("extension_attributes") {
            let ext = Obj::new(extension, &["return_to_stock_items"])?;
            if let Some((key, ids)) = ext.get("return_to_stock_items") {
                request.return_to_stock_items = input::int_list(ids, &[ext_key, key])?;
            }
        }
    }
    Ok(request)
}

/// The kind of a data interface field, by its getter's `@return` type.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Text,
}

use Kind::{Float, Int, Text};

/// `CreditmemoInterface`'s scalar getters, in its order (items, comments and
/// extension_attributes are the other three).
const CREDITMEMO_FIELDS: &[(&str, Kind)] = &[
    ("adjustment", Float),
    ("adjustment_negative", Float),
    ("adjustment_positive", Float),
    ("base_adjustment", Float),
    ("base_adjustment_negative", Float),
    ("base_adjustment_positive", Float),
    ("base_currency_code", Text),
    ("base_discount_amount", Float),
    ("base_grand_total", Float),
    ("base_discount_tax_compensation_amount", Float),
    ("base_shipping_amount", Float),
    ("base_shipping_discount_tax_compensation_amnt", Float),
    ("base_shipping_incl_tax", Float),
    ("base_shipping_tax_amount", Float),
    ("base_subtotal", Float),
    ("base_subtotal_incl_tax", Float),
    ("base_tax_amount", Float),
    ("base_to_global_rate", Float),
    ("base_to_order_rate", Float),
    ("billing_address_id", Int),
    ("created_at", Text),
    ("creditmemo_status", Int),
    ("discount_amount", Float),
    ("discount_description", Text),
    ("email_sent", Int),
    ("entity_id", Int),
    ("global_currency_code", Text),
    ("grand_total", Float),
    ("discount_tax_compensation_amount", Float),
    ("increment_id", Text),
    ("invoice_id", Int),
    ("order_currency_code", Text),
    ("order_id", Int),
    ("shipping_address_id", Int),
    ("shipping_amount", Float),
    ("shipping_discount_tax_compensation_amount", Float),
    ("shipping_incl_tax", Float),
    ("shipping_tax_amount", Float),
    ("state", Int),
    ("store_currency_code", Text),
    ("store_id", Int),
    ("store_to_base_rate", Float),
    ("store_to_order_rate", Float),
    ("subtotal", Float),
    ("subtotal_incl_tax", Float),
    ("tax_amount", Float),
    ("transaction_id", Text),
    ("updated_at", Text),
];

/// `CreditmemoItemInterface`'s scalar getters.
const ITEM_FIELDS: &[(&str, Kind)] = &[
    ("additional_data", Text),
    ("base_cost", Float),
    ("base_discount_amount", Float),
    ("base_discount_tax_compensation_amount", Float),
    ("base_price", Float),
    ("base_price_incl_tax", Float),
    ("base_row_total", Float),
    ("base_row_total_incl_tax", Float),
    ("base_tax_amount", Float),
    ("base_weee_tax_applied_amount", Float),
    ("base_weee_tax_applied_row_amnt", Float),
    ("base_weee_tax_disposition", Float),
    ("base_weee_tax_row_disposition", Float),
    ("description", Text),
    ("discount_amount", Float),
    ("entity_id", Int),
    ("discount_tax_compensation_amount", Float),
    ("name", Text),
    ("order_item_id", Int),
    ("parent_id", Int),
    ("price", Float),
    ("price_incl_tax", Float),
    ("product_id", Int),
    ("qty", Float),
    ("row_total", Float),
    ("row_total_incl_tax", Float),
    ("sku", Text),
    ("tax_amount", Float),
    ("weee_tax_applied", Text),
    ("weee_tax_applied_amount", Float),
    ("weee_tax_applied_row_amount", Float),
    ("weee_tax_disposition", Float),
    ("weee_tax_row_disposition", Float),
];

/// `CreditmemoCommentInterface`'s scalar getters.
const COMMENT_FIELDS: &[(&str, Kind)] = &[
    ("comment", Text),
    ("created_at", Text),
    ("entity_id", Int),
    ("is_customer_notified", Int),
    ("is_visible_on_front", Int),
    ("parent_id", Int),
];

/// Why a value could not be taken: a `SerializationException` (its rendered text, which every
/// enclosing key wraps again) or any other error (an unknown key), which passes through.
enum Fail {
    Serialization(String),
    Other(Error),
}

impl Fail {
    /// `Error occurred during "<key>" processing. <details>`.
    fn under(self, key: &str) -> Fail {
        match self {
            Fail::Serialization(m) => {
                Fail::Serialization(format!("Error occurred during \"{key}\" processing. {m}"))
            }
            other => other,
        }
    }

    fn into_error(self) -> Error {
        match self {
            Fail::Serialization(m) => Error::input(m),
            Fail::Other(err) => err,
        }
    }
}

/// The keys of a value as PHP iterates the decoded array: an object's keys, a list's indexes,
/// nothing for a scalar (`_createFromArray` reads it as `[]`).
fn entries(v: &Value) -> Vec<(String, &Value)> {
    match v {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    }
}

/// `processInputErrorForNestedSet`: a key with no getter on the interface.
fn not_supported(key: &str) -> Fail {
    Fail::Other(Error::Input(Phrase::named(
        e::FIELD_NOT_SUPPORTED,
        "fieldName",
        upper_camel(key),
    )))
}

fn field(table: &[(&'static str, Kind)], key: &str) -> Option<(&'static str, Kind)> {
    table.iter().find(|(n, _)| input::same_key(n, key)).copied()
}

/// `convertValue` of a scalar field; null stays null.
fn scalar(kind: Kind, v: &Value) -> std::result::Result<SqlValue, Fail> {
    let text = |err: Error| match err {
        Error::Input(p) => Fail::Serialization(p.render()),
        other => Fail::Other(other),
    };
    if v.is_null() {
        return Ok(match kind {
            Int => SqlValue::Int(None),
            Float => SqlValue::Amount(None),
            Text => SqlValue::Text(None),
        });
    }
    Ok(match kind {
        Int => SqlValue::Int(Some(input::to_int(v, At::Top).map_err(text)?)),
        Float => SqlValue::Amount(Some(input::to_amount(v, At::Top).map_err(text)?)),
        Text => SqlValue::Text(Some(input::to_string(v, At::Top).map_err(text)?)),
    })
}

/// An extension attributes object: none of these interfaces has any, so every key is unknown.
fn extension(v: &Value) -> std::result::Result<(), Fail> {
    match entries(v).first() {
        Some((key, _)) => Err(not_supported(key)),
        None => Ok(()),
    }
}

/// An item or a comment: its setters, in body order.
fn data_object(v: &Value, table: &[(&'static str, Kind)]) -> std::result::Result<Fields, Fail> {
    let mut fields = Fields::default();
    for (key, value) in entries(v) {
        if upper_camel(&key) == "ExtensionAttributes" {
            extension(value).map_err(|f| f.under(&key))?;
            continue;
        }
        let (name, kind) = field(table, &key).ok_or_else(|| not_supported(&key))?;
        fields.set(name, scalar(kind, value).map_err(|f| f.under(&key))?);
    }
    Ok(fields)
}

/// A list of items or comments (`processComplexTypes`): each element an object; a value that is
/// no list sets null.
fn list(
    key: &str,
    v: &Value,
    table: &[(&'static str, Kind)],
) -> std::result::Result<Option<Vec<Fields>>, Fail> {
    let Some(elements) = input::array_elements(v) else {
        return Ok(None);
    };
    elements
        .into_iter()
        .map(|e| data_object(e, table).map_err(|f| f.under(key)))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map(Some)
}

/// A `CreditmemoInterface` value, converted as `ServiceInputProcessor::_createFromArray` does
/// it: every key in body order calls its setter, the first key that fails stops the parsing.
pub fn parse_creditmemo(v: &Value) -> CreditmemoInput {
    let mut input = CreditmemoInput::default();
    for (key, value) in entries(v) {
        let set = match upper_camel(&key).as_str() {
            "Items" => list(&key, value, ITEM_FIELDS).map(|l| Some(CreditmemoSet::Items(l))),
            "Comments" => {
                list(&key, value, COMMENT_FIELDS).map(|l| Some(CreditmemoSet::Comments(l)))
            }
            "ExtensionAttributes" => extension(value).map(|_| None),
            _ => match field(CREDITMEMO_FIELDS, &key) {
                None => Err(not_supported(&key)),
                Some((name, kind)) => scalar(kind, value).map_err(|f| f.under(&key)).map(|value| {
                    Some(match (name, value) {
                        ("adjustment_positive" | "adjustment_negative", SqlValue::Amount(a)) => {
                            CreditmemoSet::Adjustment {
                                field: name,
                                value: a,
                            }
                        }
                        (name, value) => CreditmemoSet::Field(name, value),
                    })
                }),
            },
        };
        match set {
            Ok(Some(set)) => input.sets.push(set),
            Ok(None) => {}
            Err(fail) => {
                input.error = Some(fail.into_error());
                break;
            }
        }
    }
    input
}

/// The body of `CreditmemoRepositoryInterface::save`: `entity`.
pub fn parse_save_request(body: &Map<String, Value>) -> Result<CreditmemoInput> {
    let entity = param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    Ok(parse_creditmemo(entity))
}

/// The body of `CreditmemoManagementInterface::refund`: `creditmemo` and `offlineRequested`
/// (false when absent).
pub fn parse_refund_request(body: &Map<String, Value>) -> Result<(CreditmemoInput, bool)> {
    let creditmemo = param(body, "creditmemo").ok_or_else(|| Error::required("creditmemo"))?;
    let input = parse_creditmemo(creditmemo);
    let offline = param(body, "offline_requested")
        .map(input::to_bool)
        .unwrap_or(false);
    Ok((input, offline))
}

/// `CreditmemoCreationArgumentsInterface` as [`parse_request`] reads it, for the schema.
pub fn arguments_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "shipping_amount": { "type": "number" },
            "adjustment_positive": { "type": "number" },
            "adjustment_negative": { "type": "number" },
            "extension_attributes": {
                "type": "object",
                "properties": { "return_to_stock_items": {
                    "type": "array", "items": { "type": "integer" }
                } }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<RefundRequest> {
        parse_request(v.as_object().unwrap())
    }

    #[test]
    fn arguments_and_return_to_stock() {
        let r = parse(json!({
            "items": [{"order_item_id": 3, "qty": "2"}], "notify": true, "appendComment": 1,
            "comment": {"comment": "Damaged", "is_visible_on_front": 1},
            "arguments": {"shipping_amount": "5", "adjustment_positive": 1.5,
                          "extension_attributes": {"return_to_stock_items": [3, "4"]}}
        }))
        .unwrap();
        assert!(r.notify && r.append_comment);
        assert_eq!(r.arguments.shipping_amount, Amount::parse("5"));
        assert_eq!(r.arguments.adjustment_positive, Amount::parse("1.5"));
        assert_eq!(r.arguments.adjustment_negative, None);
        assert_eq!(r.return_to_stock_items, vec![3, 4]);
        assert_eq!(
            parse(json!({"arguments": {"fee": 1}})).unwrap_err().body(),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Fee"}})
        );
    }

    #[test]
    fn the_field_tables_follow_the_reply_shapes() {
        // Every scalar getter is a key of the reply, in the interface's order.
        let mut full = FullCreditmemo::default();
        for (name, kind) in CREDITMEMO_FIELDS {
            let value = match kind {
                Int => SqlValue::Int(Some(1)),
                Float => SqlValue::Amount(Some(Amount::from_int(1))),
                Text => SqlValue::Text(Some("x".into())),
            };
            assert!(full.creditmemo.set_column(name, value), "{name}");
        }
        let mut item = CreditmemoItem::default();
        for (name, kind) in ITEM_FIELDS {
            let value = match kind {
                Int => SqlValue::Int(Some(1)),
                Float => SqlValue::Amount(Some(Amount::from_int(1))),
                Text => SqlValue::Text(Some("x".into())),
            };
            assert!(item.set_column(name, value), "{name}");
        }
        full.items.push(item);
        let json = serde_json::to_value(CreditmemoData::from(&full)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: Vec<&str> = CREDITMEMO_FIELDS.iter().map(|(n, _)| *n).collect();
        expected.extend(["items", "comments"]);
        assert_eq!(keys, expected);
        let item_keys: Vec<&str> = json["items"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected: Vec<&str> = ITEM_FIELDS.iter().map(|(n, _)| *n).collect();
        assert_eq!(item_keys, expected);
    }

    #[test]
    fn setters_run_in_body_order_until_the_first_bad_key() {
        let input = parse_creditmemo(&json!({
            "invoiceId": 4, "invoice_id": null, "adjustmentPositive": "2.5",
            "items": {"6": {"order_item_id": 6, "qty": "1"}}, "comments": 5,
            "state": "x", "grand_total": 1
        }));
        let sets: Vec<String> = input.sets.iter().map(|s| format!("{s:?}")).collect();
        assert_eq!(sets.len(), 5, "{sets:?}");
        assert!(sets[0].contains("invoice_id") && sets[0].contains("Some(4)"));
        assert!(sets[1].contains("invoice_id") && sets[1].contains("None"));
        assert!(sets[2].starts_with("Adjustment") && sets[2].contains("adjustment_positive"));
        assert!(sets[3].starts_with("Items(Some("));
        assert_eq!(sets[4], "Comments(None)");
        assert_eq!(
            input.error.unwrap().body(),
            json!({"message": "Error occurred during \"state\" processing. The \"x\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        );
    }
}
