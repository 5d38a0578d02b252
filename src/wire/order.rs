//! `Magento\Sales\Api\Data\OrderInterface` and its items, addresses, payment, status history
//! and shipping assignments as JSON.

use serde::Serialize;

use crate::amount::Amount;
use crate::db::model::{FullOrder, OrderAddress, OrderPayment, StatusHistory};
use crate::wire::order_item::{order_items, OrderItemData};
use crate::wire::order_tax::{
    AppliedTaxData, ItemAppliedTaxesData, OrderTaxData, OrderTaxItemData,
};

/// `OrderInterface` (sales.md 6.5), scalar getters in declaration order
/// (app/code/Magento/Sales/Api/Data/OrderInterface.php). The getters Magento declares without
/// `|null` (`base_grand_total`, `customer_email`, `grand_total`) and, since 2.4.8, `state` and
/// `status` are always written, as `null` when empty (`#[serialize_always]`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct OrderScalars {
    pub adjustment_negative: Option<Amount>,
    pub adjustment_positive: Option<Amount>,
    pub applied_rule_ids: Option<String>,
    pub base_adjustment_negative: Option<Amount>,
    pub base_adjustment_positive: Option<Amount>,
    pub base_currency_code: Option<String>,
    pub base_discount_amount: Option<Amount>,
    pub base_discount_canceled: Option<Amount>,
    pub base_discount_invoiced: Option<Amount>,
    pub base_discount_refunded: Option<Amount>,
    #[serialize_always]
    pub base_grand_total: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
    pub base_discount_tax_compensation_invoiced: Option<Amount>,
    pub base_discount_tax_compensation_refunded: Option<Amount>,
    pub base_shipping_amount: Option<Amount>,
    pub base_shipping_canceled: Option<Amount>,
    pub base_shipping_discount_amount: Option<Amount>,
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    pub base_shipping_incl_tax: Option<Amount>,
    pub base_shipping_invoiced: Option<Amount>,
    pub base_shipping_refunded: Option<Amount>,
    pub base_shipping_tax_amount: Option<Amount>,
    pub base_shipping_tax_refunded: Option<Amount>,
    pub base_subtotal: Option<Amount>,
    pub base_subtotal_canceled: Option<Amount>,
    pub base_subtotal_incl_tax: Option<Amount>,
    pub base_subtotal_invoiced: Option<Amount>,
    pub base_subtotal_refunded: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub base_tax_canceled: Option<Amount>,
    pub base_tax_invoiced: Option<Amount>,
    pub base_tax_refunded: Option<Amount>,
    pub base_total_canceled: Option<Amount>,
    pub base_total_due: Option<Amount>,
    pub base_total_invoiced: Option<Amount>,
    pub base_total_invoiced_cost: Option<Amount>,
    pub base_total_offline_refunded: Option<Amount>,
    pub base_total_online_refunded: Option<Amount>,
    pub base_total_paid: Option<Amount>,
    pub base_total_qty_ordered: Option<Amount>,
    pub base_total_refunded: Option<Amount>,
    pub base_to_global_rate: Option<Amount>,
    pub base_to_order_rate: Option<Amount>,
    pub billing_address_id: Option<i64>,
    pub can_ship_partially: Option<i64>,
    pub can_ship_partially_item: Option<i64>,
    pub coupon_code: Option<String>,
    pub created_at: Option<String>,
    pub customer_dob: Option<String>,
    #[serialize_always]
    pub customer_email: Option<String>,
    pub customer_firstname: Option<String>,
    pub customer_gender: Option<i64>,
    pub customer_group_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub customer_is_guest: Option<i64>,
    pub customer_lastname: Option<String>,
    pub customer_middlename: Option<String>,
    pub customer_note: Option<String>,
    pub customer_note_notify: Option<i64>,
    pub customer_prefix: Option<String>,
    pub customer_suffix: Option<String>,
    pub customer_taxvat: Option<String>,
    pub discount_amount: Option<Amount>,
    pub discount_canceled: Option<Amount>,
    pub discount_description: Option<String>,
    pub discount_invoiced: Option<Amount>,
    pub discount_refunded: Option<Amount>,
    pub edit_increment: Option<i64>,
    pub email_sent: Option<i64>,
    pub entity_id: Option<i64>,
    pub ext_customer_id: Option<String>,
    pub ext_order_id: Option<String>,
    pub forced_shipment_with_invoice: Option<i64>,
    pub global_currency_code: Option<String>,
    #[serialize_always]
    pub grand_total: Option<Amount>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub discount_tax_compensation_invoiced: Option<Amount>,
    pub discount_tax_compensation_refunded: Option<Amount>,
    pub hold_before_state: Option<String>,
    pub hold_before_status: Option<String>,
    pub increment_id: Option<String>,
    pub is_virtual: Option<i64>,
    pub order_currency_code: Option<String>,
    pub original_increment_id: Option<String>,
    pub payment_authorization_amount: Option<Amount>,
    pub payment_auth_expiration: Option<i64>,
    pub protect_code: Option<String>,
    pub quote_address_id: Option<i64>,
    pub quote_id: Option<i64>,
    pub relation_child_id: Option<String>,
    pub relation_child_real_id: Option<String>,
    pub relation_parent_id: Option<String>,
    pub relation_parent_real_id: Option<String>,
    pub remote_ip: Option<String>,
    pub shipping_amount: Option<Amount>,
    pub shipping_canceled: Option<Amount>,
    pub shipping_description: Option<String>,
    pub shipping_discount_amount: Option<Amount>,
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    pub shipping_incl_tax: Option<Amount>,
    pub shipping_invoiced: Option<Amount>,
    pub shipping_refunded: Option<Amount>,
    pub shipping_tax_amount: Option<Amount>,
    pub shipping_tax_refunded: Option<Amount>,
    /// `string|null` (`OrderInterface::getState`/`getStatus`): left out when null.
    pub state: Option<String>,
    pub status: Option<String>,
    pub store_currency_code: Option<String>,
    pub store_id: Option<i64>,
    pub store_name: Option<String>,
    pub store_to_base_rate: Option<Amount>,
    pub store_to_order_rate: Option<Amount>,
    pub subtotal: Option<Amount>,
    pub subtotal_canceled: Option<Amount>,
    pub subtotal_incl_tax: Option<Amount>,
    pub subtotal_invoiced: Option<Amount>,
    pub subtotal_refunded: Option<Amount>,
    pub tax_amount: Option<Amount>,
    pub tax_canceled: Option<Amount>,
    pub tax_invoiced: Option<Amount>,
    pub tax_refunded: Option<Amount>,
    pub total_canceled: Option<Amount>,
    pub total_due: Option<Amount>,
    pub total_invoiced: Option<Amount>,
    pub total_item_count: Option<i64>,
    pub total_offline_refunded: Option<Amount>,
    pub total_online_refunded: Option<Amount>,
    pub total_paid: Option<Amount>,
    pub total_qty_ordered: Option<Amount>,
    pub total_refunded: Option<Amount>,
    pub updated_at: Option<String>,
    pub weight: Option<Amount>,
    pub x_forwarded_for: Option<String>,
}

/// `OrderAddressInterface`; `street` is a list of lines.
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-address-interface",
    transform = crate::wire::order_saved::posted_address
)]
pub struct OrderAddressData {
    pub address_type: String,
    pub city: Option<String>,
    pub company: Option<String>,
    pub country_id: Option<String>,
    pub customer_address_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub email: Option<String>,
    pub entity_id: Option<i64>,
    pub fax: Option<String>,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub middlename: Option<String>,
    pub parent_id: Option<i64>,
    pub postcode: Option<String>,
    pub prefix: Option<String>,
    pub region: Option<String>,
    pub region_code: Option<String>,
    pub region_id: Option<i64>,
    pub street: Option<Vec<String>>,
    pub suffix: Option<String>,
    pub telephone: Option<String>,
    pub vat_id: Option<String>,
}

/// `OrderPaymentInterface`. `account_status` and `cc_last4` are declared without `|null` and
/// so are written as `null` when empty, as real replies show.
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-payment-interface",
    transform = crate::wire::order_saved::posted_payment
)]
pub struct OrderPaymentData {
    #[serialize_always]
    pub account_status: Option<String>,
    pub additional_information: Option<Vec<String>>,
    pub amount_authorized: Option<Amount>,
    pub amount_ordered: Option<Amount>,
    pub amount_paid: Option<Amount>,
    pub amount_refunded: Option<Amount>,
    pub base_amount_authorized: Option<Amount>,
    pub base_amount_ordered: Option<Amount>,
    pub base_amount_paid: Option<Amount>,
    pub base_amount_paid_online: Option<Amount>,
    pub base_amount_refunded: Option<Amount>,
    pub base_amount_refunded_online: Option<Amount>,
    pub base_shipping_amount: Option<Amount>,
    pub base_shipping_captured: Option<Amount>,
    pub base_shipping_refunded: Option<Amount>,
    pub cc_approval: Option<String>,
    pub cc_avs_status: Option<String>,
    pub cc_cid_status: Option<String>,
    pub cc_exp_month: Option<String>,
    pub cc_exp_year: Option<String>,
    #[serialize_always]
    pub cc_last4: Option<String>,
    pub cc_owner: Option<String>,
    pub cc_status: Option<String>,
    pub cc_status_description: Option<String>,
    pub cc_trans_id: Option<String>,
    pub cc_type: Option<String>,
    pub entity_id: Option<i64>,
    pub last_trans_id: Option<String>,
    pub method: String,
    pub parent_id: Option<i64>,
    pub po_number: Option<String>,
    pub shipping_amount: Option<Amount>,
    pub shipping_captured: Option<Amount>,
    pub shipping_refunded: Option<Amount>,
}

/// `OrderStatusHistoryInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-status-history-interface",
    transform = crate::wire::order_saved::posted_history
)]
pub struct StatusHistoryData {
    #[serialize_always]
    pub comment: Option<String>,
    pub created_at: Option<String>,
    pub entity_id: Option<i64>,
    pub entity_name: Option<String>,
    #[serialize_always]
    pub is_customer_notified: Option<i64>,
    pub is_visible_on_front: i64,
    pub parent_id: i64,
    pub status: Option<String>,
}

/// `ShippingInterface::getTotal` (`Magento\Sales\Api\Data\TotalInterface`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-total-interface")]
pub struct ShippingTotalData {
    pub base_shipping_amount: Option<Amount>,
    pub base_shipping_discount_amount: Option<Amount>,
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    pub base_shipping_incl_tax: Option<Amount>,
    pub base_shipping_invoiced: Option<Amount>,
    pub base_shipping_tax_amount: Option<Amount>,
    pub shipping_amount: Option<Amount>,
    pub shipping_discount_amount: Option<Amount>,
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    pub shipping_incl_tax: Option<Amount>,
    pub shipping_invoiced: Option<Amount>,
    pub shipping_tax_amount: Option<Amount>,
}

/// `ShippingInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-shipping-interface",
    transform = crate::wire::order_saved::posted_shipping
)]
pub struct ShippingData {
    pub address: Option<OrderAddressData>,
    pub method: Option<String>,
    pub total: ShippingTotalData,
}

/// `ShippingAssignmentInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-shipping-assignment-interface",
    transform = crate::wire::order_saved::posted_assignment
)]
pub struct ShippingAssignmentData {
    pub shipping: ShippingData,
    pub items: Vec<OrderItemData>,
}

/// `{"key", "value"}` of `payment_additional_info`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "payment-data-payment-additional-info-interface")]
pub struct KeyValueData {
    pub key: String,
    pub value: String,
}

/// The order's extension attributes as `OrderRepository::get` fills them in a stock 2.4; the
/// 2.4.8 `taxes` and `additional_itemized_taxes` when the order has tax rows
/// (`sales::order_tax`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-extension-interface",
    transform = crate::wire::order_saved::posted_extension
)]
pub struct OrderExtensionData {
    pub shipping_assignments: Vec<ShippingAssignmentData>,
    pub payment_additional_info: Vec<KeyValueData>,
    pub applied_taxes: Vec<AppliedTaxData>,
    pub item_applied_taxes: Vec<ItemAppliedTaxesData>,
    pub converting_from_quote: bool,
    pub taxes: Option<Vec<OrderTaxData>>,
    pub additional_itemized_taxes: Option<Vec<OrderTaxItemData>>,
    /// Magento_GiftMessage's `Plugin\OrderGet`: the order's message while order messages
    /// are allowed.
    pub gift_message: Option<crate::wire::gift_message::MessageData>,
    /// In-Store Pickup's `GetPickupLocationForOrderPlugin`: only on pickup orders. The keys
    /// follow the generated `OrderExtensionInterface`'s getters (a 2.4.7-p1 install's
    /// generated/code: ..., taxes, additional_itemized_taxes, gift_message,
    /// pickup_location_code), the order `ExtensionAttributesProcessor` writes them in.
    pub pickup_location_code: Option<String>,
}

/// `OrderInterface`: the scalars, then `items`, `billing_address`, `payment`,
/// `status_histories` and `extension_attributes`, as Magento writes them.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "sales-data-order-interface",
    transform = crate::wire::order_saved::posted_order
)]
pub struct OrderData {
    #[serde(flatten)]
    pub scalars: OrderScalars,
    pub items: Vec<OrderItemData>,
    pub billing_address: Option<OrderAddressData>,
    pub payment: Option<OrderPaymentData>,
    pub status_histories: Vec<StatusHistoryData>,
    pub extension_attributes: OrderExtensionData,
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
            base_amount_paid_online: p.base_amount_paid_online,
            cc_type: p.cc_type.clone(),
            cc_owner: p.cc_owner.clone(),
            cc_exp_month: p.cc_exp_month.clone(),
            cc_exp_year: p.cc_exp_year.clone(),
            cc_trans_id: p.cc_trans_id.clone(),
            cc_approval: p.cc_approval.clone(),
            cc_avs_status: p.cc_avs_status.clone(),
            cc_cid_status: p.cc_cid_status.clone(),
            cc_status: p.cc_status.clone(),
            cc_status_description: p.cc_status_description.clone(),
            amount_refunded: p.amount_refunded,
            base_amount_refunded: p.base_amount_refunded,
            base_amount_refunded_online: p.base_amount_refunded_online,
            shipping_refunded: p.shipping_refunded,
            base_shipping_refunded: p.base_shipping_refunded,
            account_status: p.account_status.clone(),
            additional_information: p.additional_information.as_deref().map(|stored| {
                crate::sales::payment_info::values(&crate::sales::payment_info::read(Some(stored)))
            }),
            amount_authorized: p.amount_authorized,
            base_amount_authorized: p.base_amount_authorized,
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

/// `Order::getTotalDue`: max(round(grand_total − total_paid, 2), 0).
fn due(grand: Option<Amount>, paid: Option<Amount>) -> Option<Amount> {
    let value = grand.unwrap_or_default().decimal() - paid.unwrap_or_default().decimal();
    Some(Amount::new(Amount::round_price(value)).max(Amount::ZERO))
}

impl From<&FullOrder> for OrderData {
    fn from(full: &FullOrder) -> Self {
        let o = &full.order;
        let scalars = OrderScalars {
            coupon_code: o.coupon_code.clone(),
            base_total_qty_ordered: o.base_total_qty_ordered,
            can_ship_partially: o.can_ship_partially,
            can_ship_partially_item: o.can_ship_partially_item,
            customer_note: o.customer_note.clone(),
            ext_customer_id: o.ext_customer_id.clone(),
            forced_shipment_with_invoice: o.forced_shipment_with_invoice,
            payment_authorization_amount: o.payment_authorization_amount,
            payment_auth_expiration: o.payment_auth_expiration,
            quote_address_id: o.quote_address_id,
            x_forwarded_for: o.x_forwarded_for.clone(),
            customer_dob: o.customer_dob.clone(),
            customer_prefix: o.customer_prefix.clone(),
            customer_suffix: o.customer_suffix.clone(),
            customer_taxvat: o.customer_taxvat.clone(),
            original_increment_id: o.original_increment_id.clone(),
            relation_child_id: o.relation_child_id.clone(),
            relation_child_real_id: o.relation_child_real_id.clone(),
            relation_parent_id: o.relation_parent_id.clone(),
            relation_parent_real_id: o.relation_parent_real_id.clone(),
            customer_gender: o.customer_gender,
            edit_increment: o.edit_increment,
            adjustment_negative: o.adjustment_negative,
            adjustment_positive: o.adjustment_positive,
            base_adjustment_negative: o.base_adjustment_negative,
            base_adjustment_positive: o.base_adjustment_positive,
            base_discount_refunded: o.base_discount_refunded,
            base_discount_tax_compensation_refunded: o.base_discount_tax_compensation_refunded,
            base_shipping_refunded: o.base_shipping_refunded,
            base_shipping_tax_refunded: o.base_shipping_tax_refunded,
            base_subtotal_refunded: o.base_subtotal_refunded,
            base_tax_refunded: o.base_tax_refunded,
            base_total_offline_refunded: o.base_total_offline_refunded,
            base_total_online_refunded: o.base_total_online_refunded,
            discount_refunded: o.discount_refunded,
            discount_tax_compensation_refunded: o.discount_tax_compensation_refunded,
            shipping_refunded: o.shipping_refunded,
            shipping_tax_refunded: o.shipping_tax_refunded,
            subtotal_refunded: o.subtotal_refunded,
            tax_refunded: o.tax_refunded,
            total_offline_refunded: o.total_offline_refunded,
            total_online_refunded: o.total_online_refunded,
            applied_rule_ids: o.applied_rule_ids.clone(),
            base_currency_code: o.base_currency_code.clone(),
            base_discount_amount: o.base_discount_amount,
            base_discount_invoiced: o.base_discount_invoiced,
            base_grand_total: o.base_grand_total,
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
            customer_email: o.customer_email.clone(),
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
            grand_total: o.grand_total,
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
            state: o.state.clone(),
            status: o.status.clone(),
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
        let items: Vec<OrderItemData> = order_items(full);
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
                items: order_items(full),
            }]
        } else {
            Vec::new()
        };
        // OrderRepository::setPaymentAdditionalInfo: one entry per key of the payment's
        // additional information (sales::payment_info).
        let payment_additional_info = full
            .payment
            .as_ref()
            .map(|p| crate::sales::payment_info::read(p.additional_information.as_deref()))
            .unwrap_or_default()
            .into_iter()
            .map(|(key, value)| KeyValueData { key, value })
            .collect();
        let (applied, per_item) =
            crate::sales::order_tax::tax_details(&full.taxes, &full.tax_items);
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
                applied_taxes: applied.iter().map(AppliedTaxData::from).collect(),
                item_applied_taxes: per_item.iter().map(ItemAppliedTaxesData::from).collect(),
                converting_from_quote: false,
                taxes: (!full.taxes.is_empty())
                    .then(|| full.taxes.iter().map(OrderTaxData::from).collect()),
                additional_itemized_taxes: (!full.taxes.is_empty()).then(|| {
                    full.tax_items
                        .iter()
                        .filter(|r| r.item_id.or(r.associated_item_id).is_none())
                        .map(|r| OrderTaxItemData::new(r, &full.taxes))
                        .collect()
                }),
                gift_message: crate::sales::gift_message::order_message(full)
                    .map(crate::wire::gift_message::MessageData::from),
                pickup_location_code: full.pickup_location_code.clone(),
            },
        }
    }
}
