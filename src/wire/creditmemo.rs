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
use crate::db::model::{CreditmemoComment, CreditmemoItem, FullCreditmemo};
use crate::error::Result;
use crate::sales::creditmemo::RefundRequest;
use crate::sales::creditmemo_totals::RefundArguments;
use crate::wire::input::{self, param, At, Obj};

/// `CreditmemoInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize)]
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
#[derive(Debug, Serialize)]
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
    pub base_weee_tax_row_disposition: Option<Amount>,
    pub description: Option<String>,
    pub discount_amount: Option<Amount>,
    pub entity_id: i64,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub name: Option<String>,
    pub order_item_id: i64,
    pub parent_id: Option<i64>,
    pub price: Option<Amount>,
    pub price_incl_tax: Option<Amount>,
    pub product_id: Option<i64>,
    pub qty: Amount,
    pub row_total: Option<Amount>,
    pub row_total_incl_tax: Option<Amount>,
    pub sku: Option<String>,
    pub tax_amount: Option<Amount>,
    pub weee_tax_applied: Option<String>,
    pub weee_tax_applied_row_amount: Option<Amount>,
    pub weee_tax_row_disposition: Option<Amount>,
}

/// `CreditmemoCommentInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize)]
pub struct CreditmemoCommentData {
    #[serialize_always]
    pub comment: Option<String>,
    pub created_at: Option<String>,
    pub entity_id: Option<i64>,
    #[serialize_always]
    pub is_customer_notified: Option<i64>,
    pub is_visible_on_front: i64,
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
            base_weee_tax_row_disposition: i.base_weee_tax_row_disposition,
            description: i.description.clone(),
            discount_amount: i.discount_amount,
            entity_id: i.entity_id,
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
            sku: Some(i.sku.clone()),
            tax_amount: i.tax_amount,
            weee_tax_applied: i.weee_tax_applied.clone(),
            weee_tax_applied_row_amount: i.weee_tax_applied_row_amount,
            weee_tax_row_disposition: i.weee_tax_row_disposition,
        }
    }
}

impl From<&CreditmemoComment> for CreditmemoCommentData {
    fn from(c: &CreditmemoComment) -> Self {
        CreditmemoCommentData {
            comment: c.comment.clone(),
            created_at: Some(c.created_at.clone()),
            entity_id: Some(c.entity_id),
            is_customer_notified: c.is_customer_notified,
            is_visible_on_front: c.is_visible_on_front,
            parent_id: c.parent_id,
        }
    }
}

impl From<&FullCreditmemo> for CreditmemoData {
    fn from(full: &FullCreditmemo) -> Self {
        let c = &full.creditmemo;
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
            created_at: Some(c.created_at.clone()),
            creditmemo_status: c.creditmemo_status,
            discount_amount: c.discount_amount,
            discount_description: c.discount_description.clone(),
            email_sent: c.email_sent,
            entity_id: Some(c.entity_id),
            global_currency_code: c.global_currency_code.clone(),
            grand_total: c.grand_total,
            discount_tax_compensation_amount: c.discount_tax_compensation_amount,
            increment_id: Some(c.increment_id.clone()),
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
            updated_at: Some(c.updated_at.clone()),
            items: full.items.iter().map(CreditmemoItemData::from).collect(),
            // `setCreatedAtOrder()`: newest first.
            comments: full
                .comments
                .iter()
                .rev()
                .map(CreditmemoCommentData::from)
                .collect(),
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
        if let Some((_, extension)) = o.get("extension_attributes") {
            let ext = Obj::new(extension, &["return_to_stock_items"])?;
            if let Some((_, ids)) = ext.get("return_to_stock_items") {
                for id in input::list(ids)? {
                    request
                        .return_to_stock_items
                        .push(input::to_int(id, At::Field("return_to_stock_items"))?);
                }
            }
        }
    }
    Ok(request)
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
}
