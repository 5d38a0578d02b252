//! `Magento\Sales\Api\Data\*Interface` as JSON.

use serde::Serialize;

use crate::amount::Amount;
use crate::db::model::{
    FullInvoice, FullOrder, InvoiceComment, InvoiceItem, OrderAddress, OrderItem, OrderPayment,
    StatusHistory,
};

/// `InvoiceInterface` (sales.md 6.2). `order_id`, `total_qty` and `items` are required getters
/// and always present; `comments` is `[]` when there are none.
#[derive(Debug, Serialize)]
pub struct InvoiceData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_currency_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_grand_total: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_tax_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_subtotal: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_subtotal_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_tax_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_total_refunded: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_to_global_rate: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_to_order_rate: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_void_flag: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_sent: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_currency_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grand_total: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub increment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_used_for_refund: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_currency_code: Option<String>,
    pub order_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tax_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_currency_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_to_base_rate: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_to_order_rate: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtotal: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtotal_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_amount: Option<Amount>,
    pub total_qty: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    pub items: Vec<InvoiceItemData>,
    pub comments: Vec<InvoiceCommentData>,
}

/// `InvoiceItemInterface` (sales.md 6.3); `order_item_id` and `qty` come last, inherited from
/// `LineItemInterface`.
#[derive(Debug, Serialize)]
pub struct InvoiceItemData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_cost: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_price: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_price_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_row_total: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_row_total_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_tax_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_total: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_total_incl_tax: Option<Amount>,
    pub sku: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_amount: Option<Amount>,
    pub order_item_id: i64,
    pub qty: Amount,
}

/// `InvoiceCommentInterface` (sales.md 6.4).
#[derive(Debug, Serialize)]
pub struct InvoiceCommentData {
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_customer_notified: Option<i64>,
    pub is_visible_on_front: i64,
    pub parent_id: i64,
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

impl From<&InvoiceComment> for InvoiceCommentData {
    fn from(c: &InvoiceComment) -> Self {
        InvoiceCommentData {
            comment: c.comment.clone(),
            created_at: Some(c.created_at.clone()),
            entity_id: Some(c.entity_id),
            is_customer_notified: c.is_customer_notified,
            is_visible_on_front: c.is_visible_on_front,
            parent_id: c.parent_id,
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
            created_at: Some(i.created_at.clone()),
            discount_amount: i.discount_amount,
            discount_description: i.discount_description.clone(),
            email_sent: i.email_sent,
            entity_id: Some(i.entity_id),
            global_currency_code: i.global_currency_code.clone(),
            grand_total: i.grand_total,
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            increment_id: Some(i.increment_id.clone()),
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
            updated_at: Some(i.updated_at.clone()),
            items: full.items.iter().map(InvoiceItemData::from).collect(),
            comments: full.comments.iter().map(InvoiceCommentData::from).collect(),
        }
    }
}

/// Leaves nulls out of a struct's JSON: every field of the order wire types is optional.
macro_rules! opt {
    ($(#[$meta:meta])* pub struct $name:ident { $(pub $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default, Serialize)]
        pub struct $name {
            $(#[serde(skip_serializing_if = "Option::is_none")] pub $field: Option<$ty>),*
        }
    };
}

opt! {
    /// `OrderInterface` (sales.md 6.5), scalar getters in declaration order
    /// (app/code/Magento/Sales/Api/Data/OrderInterface.php). The getters Magento declares without
    /// `|null` (`base_grand_total`, `customer_email`, `grand_total`) and, since 2.4.8, `state` and
    /// `status` are always written, as `null` when empty: their type here is an `Option` of an
    /// `Option`, always `Some`.
    pub struct OrderScalars {
        pub applied_rule_ids: String,
        pub base_currency_code: String,
        pub base_discount_amount: Amount,
        pub base_discount_canceled: Amount,
        pub base_discount_invoiced: Amount,
        pub base_grand_total: Option<Amount>,
        pub base_discount_tax_compensation_amount: Amount,
        pub base_discount_tax_compensation_invoiced: Amount,
        pub base_shipping_amount: Amount,
        pub base_shipping_canceled: Amount,
        pub base_shipping_discount_amount: Amount,
        pub base_shipping_discount_tax_compensation_amnt: Amount,
        pub base_shipping_incl_tax: Amount,
        pub base_shipping_invoiced: Amount,
        pub base_shipping_tax_amount: Amount,
        pub base_subtotal: Amount,
        pub base_subtotal_canceled: Amount,
        pub base_subtotal_incl_tax: Amount,
        pub base_subtotal_invoiced: Amount,
        pub base_tax_amount: Amount,
        pub base_tax_canceled: Amount,
        pub base_tax_invoiced: Amount,
        pub base_total_canceled: Amount,
        pub base_total_due: Amount,
        pub base_total_invoiced: Amount,
        pub base_total_invoiced_cost: Amount,
        pub base_total_paid: Amount,
        pub base_total_refunded: Amount,
        pub base_to_global_rate: Amount,
        pub base_to_order_rate: Amount,
        pub billing_address_id: i64,
        pub created_at: String,
        pub customer_email: Option<String>,
        pub customer_firstname: String,
        pub customer_group_id: i64,
        pub customer_id: i64,
        pub customer_is_guest: i64,
        pub customer_lastname: String,
        pub customer_middlename: String,
        pub customer_note_notify: i64,
        pub discount_amount: Amount,
        pub discount_canceled: Amount,
        pub discount_description: String,
        pub discount_invoiced: Amount,
        pub email_sent: i64,
        pub entity_id: i64,
        pub ext_order_id: String,
        pub global_currency_code: String,
        pub grand_total: Option<Amount>,
        pub discount_tax_compensation_amount: Amount,
        pub discount_tax_compensation_invoiced: Amount,
        pub hold_before_state: String,
        pub hold_before_status: String,
        pub increment_id: String,
        pub is_virtual: i64,
        pub order_currency_code: String,
        pub protect_code: String,
        pub quote_id: i64,
        pub remote_ip: String,
        pub shipping_amount: Amount,
        pub shipping_canceled: Amount,
        pub shipping_description: String,
        pub shipping_discount_amount: Amount,
        pub shipping_discount_tax_compensation_amount: Amount,
        pub shipping_incl_tax: Amount,
        pub shipping_invoiced: Amount,
        pub shipping_tax_amount: Amount,
        pub state: Option<String>,
        pub status: Option<String>,
        pub store_currency_code: String,
        pub store_id: i64,
        pub store_name: String,
        pub store_to_base_rate: Amount,
        pub store_to_order_rate: Amount,
        pub subtotal: Amount,
        pub subtotal_canceled: Amount,
        pub subtotal_incl_tax: Amount,
        pub subtotal_invoiced: Amount,
        pub tax_amount: Amount,
        pub tax_canceled: Amount,
        pub tax_invoiced: Amount,
        pub total_canceled: Amount,
        pub total_due: Amount,
        pub total_invoiced: Amount,
        pub total_item_count: i64,
        pub total_paid: Amount,
        pub total_qty_ordered: Amount,
        pub total_refunded: Amount,
        pub updated_at: String,
        pub weight: Amount,
    }
}

opt! {
    /// `OrderItemInterface` (sales.md 6.6), getters in declaration order.
    pub struct OrderItemData {
        pub amount_refunded: Amount,
        pub applied_rule_ids: String,
        pub base_amount_refunded: Amount,
        pub base_cost: Amount,
        pub base_discount_amount: Amount,
        pub base_discount_invoiced: Amount,
        pub base_discount_tax_compensation_amount: Amount,
        pub base_discount_tax_compensation_invoiced: Amount,
        pub base_original_price: Amount,
        pub base_price: Amount,
        pub base_price_incl_tax: Amount,
        pub base_row_invoiced: Amount,
        pub base_row_total: Amount,
        pub base_row_total_incl_tax: Amount,
        pub base_tax_amount: Amount,
        pub base_tax_invoiced: Amount,
        pub created_at: String,
        pub description: String,
        pub discount_amount: Amount,
        pub discount_invoiced: Amount,
        pub discount_percent: Amount,
        pub free_shipping: i64,
        pub discount_tax_compensation_amount: Amount,
        pub discount_tax_compensation_invoiced: Amount,
        pub is_qty_decimal: i64,
        pub is_virtual: i64,
        pub item_id: i64,
        pub locked_do_invoice: i64,
        pub locked_do_ship: i64,
        pub name: String,
        pub no_discount: i64,
        pub order_id: i64,
        pub original_price: Amount,
        pub parent_item_id: i64,
        pub price: Amount,
        pub price_incl_tax: Amount,
        pub product_id: i64,
        pub product_type: String,
        pub qty_backordered: Amount,
        pub qty_canceled: Amount,
        pub qty_invoiced: Amount,
        pub qty_ordered: Amount,
        pub qty_refunded: Amount,
        pub qty_shipped: Amount,
        pub quote_item_id: i64,
        pub row_invoiced: Amount,
        pub row_total: Amount,
        pub row_total_incl_tax: Amount,
        pub row_weight: Amount,
        pub sku: String,
        pub store_id: i64,
        pub tax_amount: Amount,
        pub tax_invoiced: Amount,
        pub tax_percent: Amount,
        pub updated_at: String,
        pub weight: Amount,
        pub product_option: serde_json::Value,
    }
}

/// `OrderAddressInterface`; `street` is a list of lines.
#[derive(Debug, Default, Serialize)]
pub struct OrderAddressData {
    pub address_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_address_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firstname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lastname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middlename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat_id: Option<String>,
}

/// `OrderPaymentInterface`. `account_status` and `cc_last4` are declared without `|null` and
/// so are written as `null` when empty, as real replies show.
#[derive(Debug, Default, Serialize)]
pub struct OrderPaymentData {
    pub account_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_information: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_ordered: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_paid: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_amount_ordered: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_amount_paid: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_captured: Option<Amount>,
    pub cc_last4: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_trans_id: Option<String>,
    pub method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub po_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_captured: Option<Amount>,
}

/// `OrderStatusHistoryInterface`.
#[derive(Debug, Default, Serialize)]
pub struct StatusHistoryData {
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_customer_notified: Option<i64>,
    pub is_visible_on_front: i64,
    pub parent_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// `ShippingInterface::getTotal` (`Magento\Sales\Api\Data\TotalInterface`).
#[derive(Debug, Default, Serialize)]
pub struct ShippingTotalData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_invoiced: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_shipping_tax_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_discount_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_incl_tax: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_invoiced: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tax_amount: Option<Amount>,
}

/// `ShippingInterface`.
#[derive(Debug, Serialize)]
pub struct ShippingData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<OrderAddressData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub total: ShippingTotalData,
}

/// `ShippingAssignmentInterface`.
#[derive(Debug, Serialize)]
pub struct ShippingAssignmentData {
    pub shipping: ShippingData,
    pub items: Vec<OrderItemData>,
}

/// `{"key", "value"}` of `payment_additional_info`.
#[derive(Debug, Serialize)]
pub struct KeyValueData {
    pub key: String,
    pub value: String,
}

/// The order's extension attributes as `OrderRepository::get` fills them in a stock 2.4.
#[derive(Debug, Serialize)]
pub struct OrderExtensionData {
    pub shipping_assignments: Vec<ShippingAssignmentData>,
    pub payment_additional_info: Vec<KeyValueData>,
    pub applied_taxes: Vec<serde_json::Value>,
    pub item_applied_taxes: Vec<serde_json::Value>,
    pub converting_from_quote: bool,
}

/// `OrderInterface`: the scalars, then `items`, `billing_address`, `payment`,
/// `status_histories` and `extension_attributes`, as Magento writes them.
#[derive(Debug, Serialize)]
pub struct OrderData {
    #[serde(flatten)]
    pub scalars: OrderScalars,
    pub items: Vec<OrderItemData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<OrderAddressData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<OrderPaymentData>,
    pub status_histories: Vec<StatusHistoryData>,
    pub extension_attributes: OrderExtensionData,
}

impl From<&OrderItem> for OrderItemData {
    fn from(i: &OrderItem) -> Self {
        OrderItemData {
            amount_refunded: Some(i.amount_refunded),
            applied_rule_ids: i.applied_rule_ids.clone(),
            base_amount_refunded: Some(i.base_amount_refunded),
            base_cost: i.base_cost,
            base_discount_amount: i.base_discount_amount,
            base_discount_invoiced: Some(i.base_discount_invoiced),
            base_discount_tax_compensation_amount: i.base_discount_tax_compensation_amount,
            base_discount_tax_compensation_invoiced: Some(
                i.base_discount_tax_compensation_invoiced,
            ),
            base_original_price: i.base_original_price,
            base_price: Some(i.base_price),
            base_price_incl_tax: i.base_price_incl_tax,
            base_row_invoiced: Some(i.base_row_invoiced),
            base_row_total: Some(i.base_row_total),
            base_row_total_incl_tax: i.base_row_total_incl_tax,
            base_tax_amount: i.base_tax_amount,
            base_tax_invoiced: Some(i.base_tax_invoiced),
            created_at: Some(i.created_at.clone()),
            description: i.description.clone(),
            discount_amount: i.discount_amount,
            discount_invoiced: Some(i.discount_invoiced),
            discount_percent: i.discount_percent,
            free_shipping: i.free_shipping,
            discount_tax_compensation_amount: i.discount_tax_compensation_amount,
            discount_tax_compensation_invoiced: Some(i.discount_tax_compensation_invoiced),
            is_qty_decimal: i.is_qty_decimal,
            is_virtual: i.is_virtual,
            item_id: Some(i.item_id),
            locked_do_invoice: i.locked_do_invoice,
            locked_do_ship: i.locked_do_ship,
            name: i.name.clone(),
            no_discount: i.no_discount,
            order_id: Some(i.order_id),
            original_price: i.original_price,
            parent_item_id: i.parent_item_id,
            price: Some(i.price),
            price_incl_tax: i.price_incl_tax,
            product_id: i.product_id,
            product_type: i.product_type.clone(),
            qty_backordered: i.qty_backordered,
            qty_canceled: Some(i.qty_canceled),
            qty_invoiced: Some(i.qty_invoiced),
            qty_ordered: Some(i.qty_ordered),
            qty_refunded: Some(i.qty_refunded),
            qty_shipped: Some(i.qty_shipped),
            quote_item_id: i.quote_item_id,
            row_invoiced: Some(i.row_invoiced),
            row_total: Some(i.row_total),
            row_total_incl_tax: i.row_total_incl_tax,
            row_weight: i.row_weight,
            sku: Some(i.sku.clone()),
            store_id: i.store_id,
            tax_amount: i.tax_amount,
            tax_invoiced: Some(i.tax_invoiced),
            tax_percent: i.tax_percent,
            updated_at: Some(i.updated_at.clone()),
            weight: i.weight,
            product_option: i
                .product_options
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok()),
        }
    }
}

impl From<&OrderAddress> for OrderAddressData {
    fn from(a: &OrderAddress) -> Self {
        OrderAddressData {
            address_type: a.address_type.clone(),
            city: a.city.clone(),
            company: a.company.clone(),
            country_id: a.country_id.clone(),
            customer_address_id: a.customer_address_id,
            customer_id: a.customer_id,
            email: a.email.clone(),
            entity_id: Some(a.entity_id),
            fax: a.fax.clone(),
            firstname: a.firstname.clone(),
            lastname: a.lastname.clone(),
            middlename: a.middlename.clone(),
            parent_id: Some(a.parent_id),
            postcode: a.postcode.clone(),
            prefix: a.prefix.clone(),
            region: a.region.clone(),
            region_code: a.region_code.clone(),
            region_id: a.region_id,
            street: a
                .street
                .as_ref()
                .map(|s| s.split('\n').map(str::to_owned).collect()),
            suffix: a.suffix.clone(),
            telephone: a.telephone.clone(),
            vat_id: a.vat_id.clone(),
        }
    }
}

impl From<&OrderPayment> for OrderPaymentData {
    fn from(p: &OrderPayment) -> Self {
        OrderPaymentData {
            account_status: p.account_status.clone(),
            additional_information: p
                .additional_information
                .as_deref()
                .and_then(|s| serde_json::from_str(s).ok()),
            amount_ordered: p.amount_ordered,
            amount_paid: p.amount_paid,
            base_amount_ordered: p.base_amount_ordered,
            base_amount_paid: p.base_amount_paid,
            base_shipping_amount: p.base_shipping_amount,
            base_shipping_captured: p.base_shipping_captured,
            cc_last4: p.cc_last4.clone(),
            entity_id: Some(p.entity_id),
            last_trans_id: p.last_trans_id.clone(),
            method: p.method.clone(),
            parent_id: Some(p.parent_id),
            po_number: p.po_number.clone(),
            shipping_amount: p.shipping_amount,
            shipping_captured: p.shipping_captured,
        }
    }
}

impl From<&StatusHistory> for StatusHistoryData {
    fn from(h: &StatusHistory) -> Self {
        StatusHistoryData {
            comment: h.comment.clone(),
            created_at: Some(h.created_at.clone()),
            entity_id: Some(h.entity_id),
            entity_name: h.entity_name.clone(),
            is_customer_notified: h.is_customer_notified,
            is_visible_on_front: h.is_visible_on_front,
            parent_id: h.parent_id,
            status: h.status.clone(),
        }
    }
}

/// Titles of the offline methods (`payment/<code>/title` defaults), for `payment_additional_info`.
fn method_title(code: &str) -> Option<&'static str> {
    Some(match code {
        "checkmo" => "Check / Money order",
        "banktransfer" => "Bank Transfer Payment",
        "cashondelivery" => "Cash On Delivery",
        "purchaseorder" => "Purchase Order",
        "free" => "No Payment Information Required",
        _ => return None,
    })
}

/// `Order::getTotalDue`: max(round(grand_total − total_paid, 2), 0).
fn due(grand: Option<Amount>, paid: Option<Amount>) -> Option<Amount> {
    let value = grand.unwrap_or_default().decimal() - paid.unwrap_or_default().decimal();
    Some(Amount::new(Amount::round_price(value)).max(Amount::ZERO))
}

impl From<&FullOrder> for OrderData {
    fn from(full: &FullOrder) -> Self {
        let o = &full.order;
        let scalars = OrderScalars {
            applied_rule_ids: o.applied_rule_ids.clone(),
            base_currency_code: o.base_currency_code.clone(),
            base_discount_amount: o.base_discount_amount,
            base_discount_invoiced: o.base_discount_invoiced,
            base_grand_total: Some(o.base_grand_total),
            base_discount_tax_compensation_amount: o.base_discount_tax_compensation_amount,
            base_discount_tax_compensation_invoiced: o.base_discount_tax_compensation_invoiced,
            base_shipping_amount: o.base_shipping_amount,
            base_shipping_discount_amount: o.base_shipping_discount_amount,
            base_shipping_discount_tax_compensation_amnt: o
                .base_shipping_discount_tax_compensation_amnt,
            base_shipping_incl_tax: o.base_shipping_incl_tax,
            base_shipping_invoiced: o.base_shipping_invoiced,
            base_shipping_tax_amount: o.base_shipping_tax_amount,
            base_subtotal: o.base_subtotal,
            base_subtotal_incl_tax: o.base_subtotal_incl_tax,
            base_subtotal_invoiced: o.base_subtotal_invoiced,
            base_tax_amount: o.base_tax_amount,
            base_tax_invoiced: o.base_tax_invoiced,
            base_total_canceled: o.base_total_canceled,
            base_total_due: due(o.base_grand_total, o.base_total_paid),
            base_total_invoiced: o.base_total_invoiced,
            base_total_invoiced_cost: o.base_total_invoiced_cost,
            base_total_paid: o.base_total_paid,
            base_total_refunded: o.base_total_refunded,
            base_to_global_rate: o.base_to_global_rate,
            base_to_order_rate: o.base_to_order_rate,
            billing_address_id: o.billing_address_id,
            created_at: Some(o.created_at.clone()),
            customer_email: Some(o.customer_email.clone()),
            customer_firstname: o.customer_firstname.clone(),
            customer_group_id: o.customer_group_id,
            customer_id: o.customer_id,
            customer_is_guest: o.customer_is_guest,
            customer_lastname: o.customer_lastname.clone(),
            customer_middlename: o.customer_middlename.clone(),
            customer_note_notify: o.customer_note_notify,
            discount_amount: o.discount_amount,
            discount_description: o.discount_description.clone(),
            discount_invoiced: o.discount_invoiced,
            email_sent: o.email_sent,
            entity_id: Some(o.entity_id),
            ext_order_id: o.ext_order_id.clone(),
            global_currency_code: o.global_currency_code.clone(),
            grand_total: Some(o.grand_total),
            discount_tax_compensation_amount: o.discount_tax_compensation_amount,
            discount_tax_compensation_invoiced: o.discount_tax_compensation_invoiced,
            hold_before_state: o.hold_before_state.clone(),
            hold_before_status: o.hold_before_status.clone(),
            increment_id: Some(o.increment_id.clone()),
            is_virtual: o.is_virtual,
            order_currency_code: o.order_currency_code.clone(),
            protect_code: o.protect_code.clone(),
            quote_id: o.quote_id,
            remote_ip: o.remote_ip.clone(),
            shipping_amount: o.shipping_amount,
            shipping_description: o.shipping_description.clone(),
            shipping_discount_amount: o.shipping_discount_amount,
            shipping_discount_tax_compensation_amount: o.shipping_discount_tax_compensation_amount,
            shipping_incl_tax: o.shipping_incl_tax,
            shipping_invoiced: o.shipping_invoiced,
            shipping_tax_amount: o.shipping_tax_amount,
            state: Some(o.state.clone()),
            status: Some(o.status.clone()),
            store_currency_code: o.store_currency_code.clone(),
            store_id: Some(o.store_id),
            store_name: o.store_name.clone(),
            store_to_base_rate: o.store_to_base_rate,
            store_to_order_rate: o.store_to_order_rate,
            subtotal: o.subtotal,
            subtotal_incl_tax: o.subtotal_incl_tax,
            subtotal_invoiced: o.subtotal_invoiced,
            tax_amount: o.tax_amount,
            tax_invoiced: o.tax_invoiced,
            total_canceled: o.total_canceled,
            subtotal_canceled: o.subtotal_canceled,
            base_subtotal_canceled: o.base_subtotal_canceled,
            tax_canceled: o.tax_canceled,
            base_tax_canceled: o.base_tax_canceled,
            shipping_canceled: o.shipping_canceled,
            base_shipping_canceled: o.base_shipping_canceled,
            discount_canceled: o.discount_canceled,
            base_discount_canceled: o.base_discount_canceled,
            total_due: due(o.grand_total, o.total_paid),
            total_invoiced: o.total_invoiced,
            total_item_count: o.total_item_count,
            total_paid: o.total_paid,
            total_qty_ordered: o.total_qty_ordered,
            total_refunded: o.total_refunded,
            updated_at: Some(o.updated_at.clone()),
            weight: o.weight,
        };
        let items: Vec<OrderItemData> = full.items.iter().map(OrderItemData::from).collect();
        let shipping_assignments = if o.is_virtual.unwrap_or(0) == 0 {
            vec![ShippingAssignmentData {
                shipping: ShippingData {
                    address: full.shipping_address().map(OrderAddressData::from),
                    method: o.shipping_method.clone(),
                    total: ShippingTotalData {
                        base_shipping_amount: o.base_shipping_amount,
                        base_shipping_discount_amount: o.base_shipping_discount_amount,
                        base_shipping_discount_tax_compensation_amnt: o
                            .base_shipping_discount_tax_compensation_amnt,
                        base_shipping_incl_tax: o.base_shipping_incl_tax,
                        base_shipping_invoiced: o.base_shipping_invoiced,
                        base_shipping_tax_amount: o.base_shipping_tax_amount,
                        shipping_amount: o.shipping_amount,
                        shipping_discount_amount: o.shipping_discount_amount,
                        shipping_discount_tax_compensation_amount: o
                            .shipping_discount_tax_compensation_amount,
                        shipping_incl_tax: o.shipping_incl_tax,
                        shipping_invoiced: o.shipping_invoiced,
                        shipping_tax_amount: o.shipping_tax_amount,
                    },
                },
                items: full.items.iter().map(OrderItemData::from).collect(),
            }]
        } else {
            Vec::new()
        };
        let payment_additional_info = full
            .payment
            .as_ref()
            .and_then(|p| method_title(&p.method))
            .map(|title| {
                vec![KeyValueData {
                    key: "method_title".into(),
                    value: title.into(),
                }]
            })
            .unwrap_or_default();
        OrderData {
            scalars,
            items,
            billing_address: full.billing_address().map(OrderAddressData::from),
            payment: full.payment.as_ref().map(OrderPaymentData::from),
            status_histories: full
                .status_histories
                .iter()
                .map(StatusHistoryData::from)
                .collect(),
            extension_attributes: OrderExtensionData {
                shipping_assignments,
                payment_additional_info,
                applied_taxes: Vec::new(),
                item_applied_taxes: Vec::new(),
                converting_from_quote: false,
            },
        }
    }
}
