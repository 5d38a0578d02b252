//! Credit memo rows (`sales_creditmemo`, `sales_creditmemo_item`; comments are `CommentRow`).

use crate::amount::Amount;
use crate::db::model::CreditmemoComment;
use crate::db::row_struct;

row_struct! {
    /// `sales_creditmemo`.
    pub struct Creditmemo {
        pub entity_id: i64,
        pub increment_id: String,
        pub order_id: i64,
        pub invoice_id: Option<i64>,
        pub store_id: Option<i64>,
        pub state: Option<i64>,
        pub creditmemo_status: Option<i64>,
        pub email_sent: Option<i64>,
        pub send_email: Option<i64>,
        pub billing_address_id: Option<i64>,
        pub shipping_address_id: Option<i64>,
        pub base_currency_code: Option<String>,
        pub global_currency_code: Option<String>,
        pub order_currency_code: Option<String>,
        pub store_currency_code: Option<String>,
        pub base_to_global_rate: Option<Amount>,
        pub base_to_order_rate: Option<Amount>,
        pub store_to_base_rate: Option<Amount>,
        pub store_to_order_rate: Option<Amount>,
        pub transaction_id: Option<String>,
        pub discount_description: Option<String>,
        pub customer_note: Option<String>,
        pub customer_note_notify: Option<i64>,
        pub adjustment: Option<Amount>,
        pub base_adjustment: Option<Amount>,
        pub adjustment_positive: Option<Amount>,
        pub base_adjustment_positive: Option<Amount>,
        pub adjustment_negative: Option<Amount>,
        pub base_adjustment_negative: Option<Amount>,
        pub subtotal: Option<Amount>,
        pub base_subtotal: Option<Amount>,
        pub subtotal_incl_tax: Option<Amount>,
        pub base_subtotal_incl_tax: Option<Amount>,
        pub discount_amount: Option<Amount>,
        pub base_discount_amount: Option<Amount>,
        pub shipping_amount: Option<Amount>,
        pub base_shipping_amount: Option<Amount>,
        pub shipping_incl_tax: Option<Amount>,
        pub base_shipping_incl_tax: Option<Amount>,
        pub shipping_tax_amount: Option<Amount>,
        pub base_shipping_tax_amount: Option<Amount>,
        pub shipping_discount_tax_compensation_amount: Option<Amount>,
        pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
        pub tax_amount: Option<Amount>,
        pub base_tax_amount: Option<Amount>,
        pub discount_tax_compensation_amount: Option<Amount>,
        pub base_discount_tax_compensation_amount: Option<Amount>,
        pub grand_total: Option<Amount>,
        pub base_grand_total: Option<Amount>,
        pub base_cost: Option<Amount>,
        pub created_at: String,
        pub updated_at: String,
    }
}

row_struct! {
    /// `sales_creditmemo_item` (migration 0009: `order_item_id`, `sku` and `qty` nullable, as in
    /// Magento, because a repository save stores an item as the client sent it).
    pub struct CreditmemoItem {
        pub entity_id: i64,
        pub parent_id: i64,
        pub order_item_id: Option<i64>,
        pub product_id: Option<i64>,
        pub sku: Option<String>,
        pub name: Option<String>,
        pub description: Option<String>,
        pub additional_data: Option<String>,
        pub qty: Option<Amount>,
        pub base_cost: Option<Amount>,
        pub price: Option<Amount>,
        pub base_price: Option<Amount>,
        pub price_incl_tax: Option<Amount>,
        pub base_price_incl_tax: Option<Amount>,
        pub row_total: Option<Amount>,
        pub base_row_total: Option<Amount>,
        pub row_total_incl_tax: Option<Amount>,
        pub base_row_total_incl_tax: Option<Amount>,
        pub discount_amount: Option<Amount>,
        pub base_discount_amount: Option<Amount>,
        pub tax_amount: Option<Amount>,
        pub base_tax_amount: Option<Amount>,
        pub discount_tax_compensation_amount: Option<Amount>,
        pub base_discount_tax_compensation_amount: Option<Amount>,
        pub weee_tax_applied: Option<String>,
        pub weee_tax_applied_amount: Option<Amount>,
        pub weee_tax_applied_row_amount: Option<Amount>,
        pub weee_tax_disposition: Option<Amount>,
        pub weee_tax_row_disposition: Option<Amount>,
        pub base_weee_tax_applied_amount: Option<Amount>,
        pub base_weee_tax_applied_row_amnt: Option<Amount>,
        pub base_weee_tax_disposition: Option<Amount>,
        pub base_weee_tax_row_disposition: Option<Amount>,
    }
}

/// A credit memo with its items and comments.
#[derive(Debug, Clone, Default)]
pub struct FullCreditmemo {
    pub creditmemo: Creditmemo,
    pub items: Vec<CreditmemoItem>,
    pub comments: Vec<CreditmemoComment>,
}
