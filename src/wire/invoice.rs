//! `Magento\Sales\Api\Data\InvoiceInterface` and its items and comments as JSON.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::model::{FullInvoice, InvoiceComment, InvoiceItem};
use crate::error::{Error, Result};
use crate::sales::invoice::InvoiceRequest;
use crate::sales::invoice_save::InvoiceEntity;
use crate::wire::comment::DocumentCommentData as InvoiceCommentData;
use crate::wire::input::{self, param, Obj};

/// `InvoiceInterface` (sales.md 6.2). `order_id`, `total_qty` and `items` are required getters
/// and always present; `comments` is `[]` when there are none.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-invoice-interface")]
pub struct InvoiceData {
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
    pub base_total_refunded: Option<Amount>,
    pub base_to_global_rate: Option<Amount>,
    pub base_to_order_rate: Option<Amount>,
    pub billing_address_id: Option<i64>,
    pub can_void_flag: Option<i64>,
    pub created_at: Option<String>,
    pub discount_amount: Option<Amount>,
    pub discount_description: Option<String>,
    pub email_sent: Option<i64>,
    pub entity_id: Option<i64>,
    pub global_currency_code: Option<String>,
    pub grand_total: Option<Amount>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub increment_id: Option<String>,
    pub is_used_for_refund: Option<i64>,
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
    pub total_qty: Amount,
    pub transaction_id: Option<String>,
    pub updated_at: Option<String>,
    pub items: Vec<InvoiceItemData>,
    pub comments: Vec<InvoiceCommentData>,
}

/// `InvoiceItemInterface` (sales.md 6.3); `order_item_id` and `qty` come last, inherited from
/// `LineItemInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-invoice-item-interface")]
pub struct InvoiceItemData {
    pub additional_data: Option<String>,
    pub base_cost: Option<Amount>,
    pub base_discount_amount: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
    pub base_price: Option<Amount>,
    pub base_price_incl_tax: Option<Amount>,
    pub base_row_total: Option<Amount>,
    pub base_row_total_incl_tax: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub description: Option<String>,
    pub discount_amount: Option<Amount>,
    pub entity_id: Option<i64>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub name: Option<String>,
    pub parent_id: Option<i64>,
    pub price: Option<Amount>,
    pub price_incl_tax: Option<Amount>,
    pub product_id: Option<i64>,
    pub row_total: Option<Amount>,
    pub row_total_incl_tax: Option<Amount>,
    pub sku: String,
    pub tax_amount: Option<Amount>,
    pub order_item_id: i64,
    pub qty: Amount,
}

impl From<&InvoiceItem> for InvoiceItemData {
    fn from(i: &InvoiceItem) -> Self {
        InvoiceItemData {
            additional_data: i.additional_data.clone(),
            base_cost: i.base_cost,
            base_discount_amount: i.base_discount_amount,
            base_discount_tax_compensation_amount: i.base_discount_tax_compensation_amount,
            base_price: i.base_price,
            base_price_incl_tax: i.base_price_incl_tax,
            base_row_total: i.base_row_total,
            base_row_total_incl_tax: i.base_row_total_incl_tax,
            base_tax_amount: i.base_tax_amount,
            description: i.description.clone(),
            discount_amount: i.discount_amount,
            entity_id: Some(i.entity_id),
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            name: i.name.clone(),
            parent_id: Some(i.parent_id),
            price: i.price,
            price_incl_tax: i.price_incl_tax,
            product_id: i.product_id,
            row_total: i.row_total,
            row_total_incl_tax: i.row_total_incl_tax,
            sku: i.sku.clone(),
            tax_amount: i.tax_amount,
            order_item_id: i.order_item_id,
            qty: i.qty,
        }
    }
}

impl From<&FullInvoice> for InvoiceData {
    fn from(full: &FullInvoice) -> Self {
        let i = &full.invoice;
        InvoiceData {
            base_currency_code: i.base_currency_code.clone(),
            base_discount_amount: i.base_discount_amount,
            base_grand_total: i.base_grand_total,
            base_discount_tax_compensation_amount: i.base_discount_tax_compensation_amount,
            base_shipping_amount: i.base_shipping_amount,
            base_shipping_discount_tax_compensation_amnt: i
                .base_shipping_discount_tax_compensation_amnt,
            base_shipping_incl_tax: i.base_shipping_incl_tax,
            base_shipping_tax_amount: i.base_shipping_tax_amount,
            base_subtotal: i.base_subtotal,
            base_subtotal_incl_tax: i.base_subtotal_incl_tax,
            base_tax_amount: i.base_tax_amount,
            base_total_refunded: i.base_total_refunded,
            base_to_global_rate: i.base_to_global_rate,
            base_to_order_rate: i.base_to_order_rate,
            billing_address_id: i.billing_address_id,
            can_void_flag: i.can_void_flag,
            created_at: Some(i.created_at.clone()).filter(|s| !s.is_empty()),
            discount_amount: i.discount_amount,
            discount_description: i.discount_description.clone(),
            email_sent: i.email_sent,
            entity_id: Some(i.entity_id),
            global_currency_code: i.global_currency_code.clone(),
            grand_total: i.grand_total,
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            increment_id: Some(i.increment_id.clone()).filter(|s| !s.is_empty()),
            is_used_for_refund: i.is_used_for_refund,
            order_currency_code: i.order_currency_code.clone(),
            order_id: i.order_id,
            shipping_address_id: i.shipping_address_id,
            shipping_amount: i.shipping_amount,
            shipping_discount_tax_compensation_amount: i.shipping_discount_tax_compensation_amount,
            shipping_incl_tax: i.shipping_incl_tax,
            shipping_tax_amount: i.shipping_tax_amount,
            state: i.state,
            store_currency_code: i.store_currency_code.clone(),
            store_id: i.store_id,
            store_to_base_rate: i.store_to_base_rate,
            store_to_order_rate: i.store_to_order_rate,
            subtotal: i.subtotal,
            subtotal_incl_tax: i.subtotal_incl_tax,
            tax_amount: i.tax_amount,
            total_qty: i.total_qty,
            transaction_id: i.transaction_id.clone(),
            updated_at: Some(i.updated_at.clone()).filter(|s| !s.is_empty()),
            items: full.items.iter().map(InvoiceItemData::from).collect(),
            comments: full.comments.iter().map(InvoiceCommentData::from).collect(),
        }
    }
}

/// The body of `InvoiceOrderInterface::execute`, converted as Magento's input layer does.
pub fn parse_request(body: &Map<String, Value>) -> Result<InvoiceRequest> {
    let parts = input::document_parts(body)?;
    let request = InvoiceRequest {
        capture: param(body, "capture").is_some_and(input::to_bool),
        notify: parts.notify,
        append_comment: parts.append_comment,
        items: parts.items,
        comment: parts.comment,
    };
    if let Some(arguments) = param(body, "arguments") {
        Obj::new(arguments, &["extension_attributes"])?;
    }
    Ok(request)
}

/// Reads typed fields of a data object into a row, noting which were given.
macro_rules! read_fields {
    ($o:expr, $row:expr, $given:expr; $($kind:ident $field:ident),* $(,)?) => {
        $(
            if let Some(v) = $o.$kind(stringify!($field))? {
                $row.$field = From::from(v);
                $given.push(stringify!($field));
            }
        )*
    };
}

const INVOICE_ENTITY_KEYS: &[&str] = &[
    "base_currency_code",
    "base_discount_amount",
    "base_grand_total",
    "base_discount_tax_compensation_amount",
    "base_shipping_amount",
    "base_shipping_discount_tax_compensation_amnt",
    "base_shipping_incl_tax",
    "base_shipping_tax_amount",
    "base_subtotal",
    "base_subtotal_incl_tax",
    "base_tax_amount",
    "base_total_refunded",
    "base_to_global_rate",
    "base_to_order_rate",
    "billing_address_id",
    "can_void_flag",
    "created_at",
    "discount_amount",
    "discount_description",
    "email_sent",
    "entity_id",
    "global_currency_code",
    "grand_total",
    "discount_tax_compensation_amount",
    "increment_id",
    "is_used_for_refund",
    "order_currency_code",
    "order_id",
    "shipping_address_id",
    "shipping_amount",
    "shipping_discount_tax_compensation_amount",
    "shipping_incl_tax",
    "shipping_tax_amount",
    "state",
    "store_currency_code",
    "store_id",
    "store_to_base_rate",
    "store_to_order_rate",
    "subtotal",
    "subtotal_incl_tax",
    "tax_amount",
    "total_qty",
    "transaction_id",
    "updated_at",
    "items",
    "comments",
    "extension_attributes",
];

const INVOICE_ITEM_KEYS: &[&str] = &[
    "additional_data",
    "base_cost",
    "base_discount_amount",
    "base_discount_tax_compensation_amount",
    "base_price",
    "base_price_incl_tax",
    "base_row_total",
    "base_row_total_incl_tax",
    "base_tax_amount",
    "description",
    "discount_amount",
    "entity_id",
    "discount_tax_compensation_amount",
    "name",
    "parent_id",
    "price",
    "price_incl_tax",
    "product_id",
    "row_total",
    "row_total_incl_tax",
    "sku",
    "tax_amount",
    "order_item_id",
    "qty",
    "extension_attributes",
];

const INVOICE_COMMENT_KEYS: &[&str] = &[
    "comment",
    "created_at",
    "entity_id",
    "is_customer_notified",
    "is_visible_on_front",
    "parent_id",
    "extension_attributes",
];

/// Parses `{"entity": InvoiceInterface}`.
pub fn parse_entity(body: &Map<String, Value>) -> Result<InvoiceEntity> {
    let entity = param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    let o = Obj::new(entity, INVOICE_ENTITY_KEYS)?;
    let mut out = InvoiceEntity::default();
    let (inv, given) = (&mut out.invoice, &mut out.given);
    read_fields!(o, inv, given;
        int entity_id, string increment_id, int order_id, int store_id, int state,
        int can_void_flag, int email_sent, int is_used_for_refund, int billing_address_id,
        int shipping_address_id, string base_currency_code, string global_currency_code,
        string order_currency_code, string store_currency_code, amount base_to_global_rate,
        amount base_to_order_rate, amount store_to_base_rate, amount store_to_order_rate,
        string discount_description, string transaction_id, amount total_qty, amount subtotal,
        amount base_subtotal, amount subtotal_incl_tax, amount base_subtotal_incl_tax,
        amount discount_amount, amount base_discount_amount, amount shipping_amount,
        amount base_shipping_amount, amount shipping_incl_tax, amount base_shipping_incl_tax,
        amount shipping_tax_amount, amount base_shipping_tax_amount,
        amount shipping_discount_tax_compensation_amount,
        amount base_shipping_discount_tax_compensation_amnt, amount tax_amount,
        amount base_tax_amount, amount discount_tax_compensation_amount,
        amount base_discount_tax_compensation_amount, amount grand_total,
        amount base_grand_total, amount base_total_refunded, string created_at,
        string updated_at,
    );
    no_extension(&o)?;
    if let Some((_, items)) = o.get("items") {
        for item in input::list(items)? {
            let o = Obj::new(item, INVOICE_ITEM_KEYS)?;
            let (mut row, mut given) = (InvoiceItem::default(), Vec::new());
            read_fields!(o, row, given;
                int entity_id, int parent_id, int order_item_id, int product_id, string sku,
                string name, string description, string additional_data, amount qty,
                amount base_cost, amount price, amount base_price, amount price_incl_tax,
                amount base_price_incl_tax, amount row_total, amount base_row_total,
                amount row_total_incl_tax, amount base_row_total_incl_tax,
                amount discount_amount, amount base_discount_amount, amount tax_amount,
                amount base_tax_amount, amount discount_tax_compensation_amount,
                amount base_discount_tax_compensation_amount,
            );
            no_extension(&o)?;
            out.items.push((row, given));
        }
    }
    if let Some((_, comments)) = o.get("comments") {
        for comment in input::list(comments)? {
            let o = Obj::new(comment, INVOICE_COMMENT_KEYS)?;
            let (mut row, mut given) = (InvoiceComment::default(), Vec::new());
            read_fields!(o, row, given;
                int entity_id, int parent_id, string comment, int is_customer_notified,
                int is_visible_on_front, string created_at,
            );
            no_extension(&o)?;
            out.comments.push((row, given));
        }
    }
    Ok(out)
}

/// An `extension_attributes` object of the invoice, an item or a comment: Magento Open
/// Source declares none for them (the schema's customer balance, gift card and gift wrapping
/// ones are Adobe Commerce's), so `ServiceInputProcessor` answers any key with its "not
/// supported" 400, as for credit memos.
fn no_extension(o: &Obj<'_>) -> Result<()> {
    if let Some((_, ext)) = o.get("extension_attributes") {
        Obj::new(ext, &[])?;
    }
    Ok(())
}

/// `InvoiceCreationArgumentsInterface` as [`parse_request`] reads it, for the schema.
pub fn arguments_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": { "extension_attributes": { "type": "object" } }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::Amount;
    use crate::sales::{DocumentComment, LineItem};
    use serde_json::json;

    fn parse(v: Value) -> Result<InvoiceRequest> {
        parse_request(v.as_object().unwrap())
    }

    #[test]
    fn magento_type_conversion() {
        let r = parse(
            json!({"capture": "yes", "notify": 1, "append_comment": true,
            "items": [{"order_item_id": "3", "qty": "2.0000"}],
            "comment": {"comment": "hi", "is_visible_on_front": "1"}}),
        )
        .unwrap();
        assert!(r.capture && r.notify && r.append_comment);
        assert_eq!(
            r.items,
            vec![LineItem {
                order_item_id: Some(3),
                qty: Some(Amount::from_int(2))
            }]
        );
        assert_eq!(
            r.comment,
            Some(DocumentComment {
                comment: Some("hi".into()),
                is_visible_on_front: 1
            })
        );
        assert_eq!(
            parse(json!({"capture": "off", "unknown": 1})).unwrap(),
            InvoiceRequest::default()
        );
    }

    #[test]
    fn bad_inputs() {
        let msg = |v: Value| parse(v).unwrap_err().body();
        assert_eq!(
            msg(json!({"items": 5})),
            json!({"message": "Not all parameters valid."})
        );
        assert_eq!(
            msg(json!({"items": [{"order_item_id": 3, "qty": "x"}]})),
            json!({"message": "Error occurred during \"qty\" processing. The \"x\" value's type is invalid. The \"float\" type was expected. Verify and try again."})
        );
        assert_eq!(
            msg(json!({"items": [{"order_item_id": 3, "qty": 1, "price": 2}]})),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Price"}})
        );
    }
}
