//! Rows as stored: one struct per table, columns named as in Magento's db_schema.xml. The JSON
//! shapes live apart, in `crate::wire`; the rules over these figures in `crate::sales`.

use crate::amount::Amount;
use crate::db::row_struct;

mod creditmemo;
pub use creditmemo::{Creditmemo, CreditmemoItem, FullCreditmemo};

row_struct! {
    /// `sales_order`.
    pub struct Order {
        pub entity_id: i64,
        pub increment_id: String,
        pub store_id: i64,
        pub state: Option<String>,
        pub status: Option<String>,
        pub customer_id: Option<i64>,
        pub customer_email: Option<String>,
        pub customer_firstname: Option<String>,
        pub customer_lastname: Option<String>,
        pub customer_middlename: Option<String>,
        pub customer_group_id: Option<i64>,
        pub customer_is_guest: Option<i64>,
        pub customer_note_notify: Option<i64>,
        pub quote_id: Option<i64>,
        pub email_sent: Option<i64>,
        pub send_email: Option<i64>,
        pub is_virtual: Option<i64>,
        pub base_currency_code: Option<String>,
        pub global_currency_code: Option<String>,
        pub order_currency_code: Option<String>,
        pub store_currency_code: Option<String>,
        pub store_name: Option<String>,
        pub base_to_global_rate: Option<Amount>,
        pub base_to_order_rate: Option<Amount>,
        pub store_to_base_rate: Option<Amount>,
        pub store_to_order_rate: Option<Amount>,
        pub shipping_method: Option<String>,
        pub shipping_description: Option<String>,
        pub discount_description: Option<String>,
        pub applied_rule_ids: Option<String>,
        pub protect_code: Option<String>,
        pub remote_ip: Option<String>,
        pub hold_before_state: Option<String>,
        pub hold_before_status: Option<String>,
        pub ext_order_id: Option<String>,
        pub billing_address_id: Option<i64>,
        pub shipping_address_id: Option<i64>,
        pub total_item_count: Option<i64>,
        pub total_qty_ordered: Option<Amount>,
        pub weight: Option<Amount>,
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
        pub shipping_discount_amount: Option<Amount>,
        pub base_shipping_discount_amount: Option<Amount>,
        pub tax_amount: Option<Amount>,
        pub base_tax_amount: Option<Amount>,
        pub discount_tax_compensation_amount: Option<Amount>,
        pub base_discount_tax_compensation_amount: Option<Amount>,
        pub shipping_discount_tax_compensation_amount: Option<Amount>,
        pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
        pub grand_total: Option<Amount>,
        pub base_grand_total: Option<Amount>,
        pub total_invoiced: Option<Amount>,
        pub base_total_invoiced: Option<Amount>,
        pub base_total_invoiced_cost: Option<Amount>,
        pub subtotal_invoiced: Option<Amount>,
        pub base_subtotal_invoiced: Option<Amount>,
        pub tax_invoiced: Option<Amount>,
        pub base_tax_invoiced: Option<Amount>,
        pub discount_invoiced: Option<Amount>,
        pub base_discount_invoiced: Option<Amount>,
        pub shipping_invoiced: Option<Amount>,
        pub base_shipping_invoiced: Option<Amount>,
        pub shipping_tax_invoiced: Option<Amount>,
        pub base_shipping_tax_invoiced: Option<Amount>,
        pub discount_tax_compensation_invoiced: Option<Amount>,
        pub base_discount_tax_compensation_invoiced: Option<Amount>,
        pub total_paid: Option<Amount>,
        pub base_total_paid: Option<Amount>,
        pub total_refunded: Option<Amount>,
        pub base_total_refunded: Option<Amount>,
        pub total_canceled: Option<Amount>,
        pub base_total_canceled: Option<Amount>,
        pub created_at: String,
        pub updated_at: String,
        pub subtotal_canceled: Option<Amount>,
        pub base_subtotal_canceled: Option<Amount>,
        pub tax_canceled: Option<Amount>,
        pub base_tax_canceled: Option<Amount>,
        pub shipping_canceled: Option<Amount>,
        pub base_shipping_canceled: Option<Amount>,
        pub discount_canceled: Option<Amount>,
        pub base_discount_canceled: Option<Amount>,
        pub coupon_code: Option<String>,
        pub customer_dob: Option<String>,
        pub customer_prefix: Option<String>,
        pub customer_suffix: Option<String>,
        pub customer_taxvat: Option<String>,
        pub original_increment_id: Option<String>,
        pub relation_child_id: Option<String>,
        pub relation_child_real_id: Option<String>,
        pub relation_parent_id: Option<String>,
        pub relation_parent_real_id: Option<String>,
        pub customer_gender: Option<i64>,
        pub edit_increment: Option<i64>,
        pub adjustment_negative: Option<Amount>,
        pub adjustment_positive: Option<Amount>,
        pub base_adjustment_negative: Option<Amount>,
        pub base_adjustment_positive: Option<Amount>,
        pub base_discount_refunded: Option<Amount>,
        pub base_discount_tax_compensation_refunded: Option<Amount>,
        pub base_shipping_refunded: Option<Amount>,
        pub base_shipping_tax_refunded: Option<Amount>,
        pub base_subtotal_refunded: Option<Amount>,
        pub base_tax_refunded: Option<Amount>,
        pub base_total_offline_refunded: Option<Amount>,
        pub base_total_online_refunded: Option<Amount>,
        pub discount_refunded: Option<Amount>,
        pub discount_tax_compensation_refunded: Option<Amount>,
        pub shipping_refunded: Option<Amount>,
        pub shipping_tax_refunded: Option<Amount>,
        pub subtotal_refunded: Option<Amount>,
        pub tax_refunded: Option<Amount>,
        pub total_offline_refunded: Option<Amount>,
        pub total_online_refunded: Option<Amount>,
        pub base_total_qty_ordered: Option<Amount>,
        pub can_ship_partially: Option<i64>,
        pub can_ship_partially_item: Option<i64>,
        pub customer_note: Option<String>,
        pub ext_customer_id: Option<String>,
        pub forced_shipment_with_invoice: Option<i64>,
        pub payment_auth_expiration: Option<i64>,
        pub payment_authorization_amount: Option<Amount>,
        pub quote_address_id: Option<i64>,
        pub x_forwarded_for: Option<String>,
        /// Magento_GiftMessage's column: the order's message (the cart's, at placement).
        pub gift_message_id: Option<i64>,
    }
}

row_struct! {
    /// `sales_order_item`.
    pub struct OrderItem {
        pub item_id: i64,
        pub order_id: i64,
        pub parent_item_id: Option<i64>,
        pub quote_item_id: Option<i64>,
        pub store_id: Option<i64>,
        pub product_id: Option<i64>,
        pub product_type: Option<String>,
        pub sku: String,
        pub name: Option<String>,
        pub description: Option<String>,
        pub applied_rule_ids: Option<String>,
        pub is_virtual: Option<i64>,
        pub is_qty_decimal: Option<i64>,
        pub no_discount: Option<i64>,
        pub locked_do_invoice: Option<i64>,
        pub locked_do_ship: Option<i64>,
        pub weight: Option<Amount>,
        pub row_weight: Option<Amount>,
        pub qty_ordered: Amount,
        pub qty_invoiced: Amount,
        pub qty_shipped: Amount,
        pub qty_refunded: Amount,
        pub qty_canceled: Amount,
        pub qty_backordered: Option<Amount>,
        pub base_cost: Option<Amount>,
        pub price: Amount,
        pub base_price: Amount,
        pub original_price: Option<Amount>,
        pub base_original_price: Option<Amount>,
        pub price_incl_tax: Option<Amount>,
        pub base_price_incl_tax: Option<Amount>,
        pub row_total: Amount,
        pub base_row_total: Amount,
        pub row_total_incl_tax: Option<Amount>,
        pub base_row_total_incl_tax: Option<Amount>,
        pub row_invoiced: Amount,
        pub base_row_invoiced: Amount,
        pub discount_percent: Option<Amount>,
        pub discount_amount: Option<Amount>,
        pub base_discount_amount: Option<Amount>,
        pub discount_invoiced: Amount,
        pub base_discount_invoiced: Amount,
        pub tax_percent: Option<Amount>,
        pub tax_amount: Option<Amount>,
        pub base_tax_amount: Option<Amount>,
        pub tax_invoiced: Amount,
        pub base_tax_invoiced: Amount,
        pub discount_tax_compensation_amount: Option<Amount>,
        pub base_discount_tax_compensation_amount: Option<Amount>,
        /// NULL until an invoice sets it, as in Magento's `sales_order_item`.
        pub discount_tax_compensation_invoiced: Option<Amount>,
        pub base_discount_tax_compensation_invoiced: Option<Amount>,
        pub amount_refunded: Amount,
        pub base_amount_refunded: Amount,
        pub weee_tax_applied: Option<String>,
        pub tax_refunded: Option<Amount>,
        pub base_tax_refunded: Option<Amount>,
        pub discount_refunded: Option<Amount>,
        pub base_discount_refunded: Option<Amount>,
        pub discount_tax_compensation_refunded: Option<Amount>,
        pub base_discount_tax_compensation_refunded: Option<Amount>,
        /// NULL until a cancel (`Order\Item::cancel()`) or an import sets them.
        pub tax_canceled: Option<Amount>,
        pub discount_tax_compensation_canceled: Option<Amount>,
        pub free_shipping: Option<i64>,
        pub product_options: Option<String>,
        pub created_at: String,
        pub updated_at: String,
        /// Magento_GiftMessage's columns: the line's message, and whether messages were
        /// allowed for it when it was ordered (NULL: the store's config decides on reading).
        pub gift_message_id: Option<i64>,
        pub gift_message_available: Option<i64>,
    }
}

row_struct! {
    /// `sales_order_address`.
    pub struct OrderAddress {
        pub entity_id: i64,
        pub parent_id: i64,
        pub address_type: String,
        pub customer_address_id: Option<i64>,
        pub customer_id: Option<i64>,
        pub quote_address_id: Option<i64>,
        pub region_id: Option<i64>,
        pub region: Option<String>,
        pub region_code: Option<String>,
        pub firstname: Option<String>,
        pub middlename: Option<String>,
        pub lastname: Option<String>,
        pub prefix: Option<String>,
        pub suffix: Option<String>,
        pub company: Option<String>,
        pub street: Option<String>,
        pub city: Option<String>,
        pub postcode: Option<String>,
        pub country_id: Option<String>,
        pub telephone: Option<String>,
        pub fax: Option<String>,
        pub email: Option<String>,
        pub vat_id: Option<String>,
    }
}

row_struct! {
    /// `sales_order_payment`.
    pub struct OrderPayment {
        pub entity_id: i64,
        pub parent_id: i64,
        pub method: String,
        pub account_status: Option<String>,
        pub additional_information: Option<String>,
        pub amount_ordered: Option<Amount>,
        pub base_amount_ordered: Option<Amount>,
        pub shipping_amount: Option<Amount>,
        pub base_shipping_amount: Option<Amount>,
        pub amount_paid: Option<Amount>,
        pub base_amount_paid: Option<Amount>,
        pub base_amount_paid_online: Option<Amount>,
        pub shipping_captured: Option<Amount>,
        pub base_shipping_captured: Option<Amount>,
        pub amount_refunded: Option<Amount>,
        pub base_amount_refunded: Option<Amount>,
        pub base_amount_refunded_online: Option<Amount>,
        pub shipping_refunded: Option<Amount>,
        pub base_shipping_refunded: Option<Amount>,
        pub cc_last4: Option<String>,
        pub po_number: Option<String>,
        pub last_trans_id: Option<String>,
        pub cc_type: Option<String>,
        pub cc_owner: Option<String>,
        pub cc_exp_month: Option<String>,
        pub cc_exp_year: Option<String>,
        pub cc_trans_id: Option<String>,
        pub cc_approval: Option<String>,
        pub cc_avs_status: Option<String>,
        pub cc_cid_status: Option<String>,
        pub cc_status: Option<String>,
        pub cc_status_description: Option<String>,
        pub amount_authorized: Option<Amount>,
        pub base_amount_authorized: Option<Amount>,
    }
}

row_struct! {
    /// `sales_order_status_history`.
    pub struct StatusHistory {
        pub entity_id: i64,
        pub parent_id: i64,
        pub comment: Option<String>,
        pub status: Option<String>,
        pub entity_name: Option<String>,
        pub is_customer_notified: Option<i64>,
        pub is_visible_on_front: i64,
        pub created_at: String,
    }
}

row_struct! {
    /// `sales_invoice`.
    pub struct Invoice {
        pub entity_id: i64,
        pub increment_id: String,
        pub order_id: i64,
        pub store_id: Option<i64>,
        pub state: Option<i64>,
        pub can_void_flag: Option<i64>,
        pub email_sent: Option<i64>,
        pub send_email: Option<i64>,
        pub is_used_for_refund: Option<i64>,
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
        pub discount_description: Option<String>,
        pub transaction_id: Option<String>,
        pub total_qty: Amount,
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
        pub base_total_refunded: Option<Amount>,
        pub base_cost: Option<Amount>,
        pub created_at: String,
        pub updated_at: String,
    }
}

row_struct! {
    /// `sales_invoice_item`.
    pub struct InvoiceItem {
        pub entity_id: i64,
        pub parent_id: i64,
        pub order_item_id: i64,
        pub product_id: Option<i64>,
        pub sku: String,
        pub name: Option<String>,
        pub description: Option<String>,
        pub additional_data: Option<String>,
        pub qty: Amount,
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
    }
}

row_struct! {
    /// `sales_shipment`.
    pub struct Shipment {
        pub entity_id: i64,
        pub increment_id: String,
        pub order_id: i64,
        pub store_id: Option<i64>,
        pub customer_id: Option<i64>,
        pub billing_address_id: Option<i64>,
        pub shipping_address_id: Option<i64>,
        pub email_sent: Option<i64>,
        pub send_email: Option<i64>,
        pub shipment_status: Option<i64>,
        pub total_qty: Option<Amount>,
        pub total_weight: Option<Amount>,
        pub shipping_label: Option<String>,
        pub customer_note: Option<String>,
        pub customer_note_notify: Option<i64>,
        pub created_at: String,
        pub updated_at: String,
    }
}

row_struct! {
    /// `sales_shipment_item`.
    pub struct ShipmentItem {
        pub entity_id: i64,
        pub parent_id: i64,
        pub order_item_id: i64,
        pub product_id: Option<i64>,
        pub sku: Option<String>,
        pub name: Option<String>,
        pub description: Option<String>,
        pub additional_data: Option<String>,
        pub price: Option<Amount>,
        pub weight: Option<Amount>,
        pub row_total: Option<Amount>,
        pub qty: Option<Amount>,
    }
}

row_struct! {
    /// `sales_shipment_track`.
    pub struct ShipmentTrack {
        pub entity_id: i64,
        pub parent_id: i64,
        pub order_id: i64,
        pub track_number: Option<String>,
        pub title: Option<String>,
        pub carrier_code: Option<String>,
        pub description: Option<String>,
        pub qty: Option<Amount>,
        pub weight: Option<Amount>,
        pub created_at: String,
        pub updated_at: String,
    }
}

/// A shipment with its items, tracks, comments and the source it left from.
#[derive(Debug, Clone, Default)]
pub struct FullShipment {
    pub shipment: Shipment,
    pub items: Vec<ShipmentItem>,
    pub tracks: Vec<ShipmentTrack>,
    pub comments: Vec<ShipmentComment>,
    pub source_code: Option<String>,
}

row_struct! {
    /// A document's comment: `sales_invoice_comment`, `sales_shipment_comment` and
    /// `sales_creditmemo_comment` have the same columns.
    pub struct CommentRow {
        pub entity_id: i64,
        pub parent_id: i64,
        pub comment: Option<String>,
        pub is_customer_notified: Option<i64>,
        pub is_visible_on_front: i64,
        pub created_at: String,
        /// Who wrote it ([`Author`]); never shown (the comment interfaces have no getter).
        pub user_id: i64,
        pub user_type: i64,
    }
}

impl CommentRow {
    /// Stamps `author` on the comment, as each comment resource model's `_beforeSave` does
    /// with the caller (`setUserDetailsToComment`).
    pub fn by(mut self, author: Author) -> CommentRow {
        self.user_id = author.user_id;
        self.user_type = author.user_type;
        self
    }
}

/// Who writes a document comment: the caller's id and type as `UserContextInterface` gives
/// them, which 2.4.8 keeps in the comment tables' `user_id` and `user_type` so that only the
/// comment's author may edit it (`SalesEntityCommentValidator::isEditCommentAllowed`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Author {
    pub user_id: i64,
    pub user_type: i64,
}

impl Author {
    /// The admin user 1 (`UserContextInterface::USER_TYPE_ADMIN`).
    pub const ADMIN: Author = Author {
        user_id: 1,
        user_type: 2,
    };
    /// The store's integration 1 (`UserContextInterface::USER_TYPE_INTEGRATION`).
    pub const INTEGRATION: Author = Author {
        user_id: 1,
        user_type: 1,
    };
}

/// `sales_invoice_comment`.
pub type InvoiceComment = CommentRow;
/// `sales_shipment_comment`.
pub type ShipmentComment = CommentRow;
/// `sales_creditmemo_comment`.
pub type CreditmemoComment = CommentRow;

row_struct! {
    /// `sales_order_tax`: one applied tax rate of an order.
    pub struct OrderTax {
        pub tax_id: i64,
        pub order_id: i64,
        pub code: Option<String>,
        pub title: Option<String>,
        pub percent: Option<Amount>,
        pub amount: Option<Amount>,
        pub priority: Option<i64>,
        pub position: Option<i64>,
        pub base_amount: Option<Amount>,
        pub process: Option<i64>,
        pub base_real_amount: Option<Amount>,
    }
}

row_struct! {
    /// `sales_order_tax_item`: a tax rate on one taxable (an item, or its associated shipping,
    /// wrapping...). NOT NULL columns are `Option` here, as posted: the save fills a missing
    /// one as Magento's does (`sales::order_tax`).
    pub struct OrderTaxItem {
        pub tax_item_id: i64,
        pub tax_id: i64,
        pub item_id: Option<i64>,
        pub tax_percent: Option<Amount>,
        pub amount: Option<Amount>,
        pub base_amount: Option<Amount>,
        pub real_amount: Option<Amount>,
        pub real_base_amount: Option<Amount>,
        pub associated_item_id: Option<i64>,
        pub taxable_item_type: Option<String>,
    }
}

/// An order with everything that belongs to it.
#[derive(Debug, Clone, Default)]
pub struct FullOrder {
    pub order: Order,
    pub items: Vec<OrderItem>,
    pub addresses: Vec<OrderAddress>,
    pub payment: Option<OrderPayment>,
    pub status_histories: Vec<StatusHistory>,
    /// `sales_order_tax` rows, by tax id.
    pub taxes: Vec<OrderTax>,
    /// Their `sales_order_tax_item` rows, by tax item id.
    pub tax_items: Vec<OrderTaxItem>,
    /// `inventory_pickup_location_order`: the In-Store Pickup location checkout placed it for.
    pub pickup_location_code: Option<String>,
    /// The messages the order and its lines point at, with the config that decides which of
    /// them a read shows (read only when some `gift_message_id` is set).
    pub gift_messages: Vec<crate::db::gift_messages::GiftMessageRow>,
    pub gift_config: GiftConfig,
}

/// Magento_GiftMessage's settings at the default scope, as stored (`None`: no row, so
/// config.xml's default, which leaves messages off).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GiftConfig {
    /// `sales/gift_options/allow_order`.
    pub allow_order: Option<String>,
    /// `sales/gift_options/allow_items`.
    pub allow_items: Option<String>,
}

impl FullOrder {
    pub fn billing_address(&self) -> Option<&OrderAddress> {
        self.addresses.iter().find(|a| a.address_type == "billing")
    }
    pub fn shipping_address(&self) -> Option<&OrderAddress> {
        self.addresses.iter().find(|a| a.address_type == "shipping")
    }
}

/// An invoice with its items and comments.
#[derive(Debug, Clone, Default)]
pub struct FullInvoice {
    pub invoice: Invoice,
    pub items: Vec<InvoiceItem>,
    pub comments: Vec<InvoiceComment>,
}

row_struct! {
    /// `inventory_source_item` as the API shows it.
    pub struct SourceItem {
        pub source_item_id: i64,
        pub sku: String,
        pub source_code: String,
        pub quantity: Amount,
        pub status: i64,
    }
}

row_struct! {
    /// What an order's earlier invoices tell a new one (`sales_invoice` columns).
    pub struct EarlierInvoice {
        pub state: Option<i64>,
        pub discount_amount: Option<Amount>,
        pub shipping_amount: Option<Amount>,
    }
}

row_struct! {
    /// `sales_payment_transaction`.
    pub struct Transaction {
        pub transaction_id: i64,
        pub parent_id: Option<i64>,
        pub order_id: i64,
        pub payment_id: i64,
        pub txn_id: Option<String>,
        pub parent_txn_id: Option<String>,
        pub txn_type: Option<String>,
        pub is_closed: i64,
        pub additional_information: Option<String>,
        pub created_at: String,
    }
}
