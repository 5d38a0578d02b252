//! The credit memo document a refund writes and what it registers on the order, its items and
//! its payment: the order-to-credit-memo fieldset (`Convert/Order::toCreditmemo`, `fieldset.xml`
//! `to_cm`, `to_cm_item`), `Creditmemo\Item::register`, `Creditmemo\RefundOperation::execute`
//! and `Payment::refund` (module-sales 2.4.6-p1 to 2.4.8-p1).

use crate::amount::Amount;
use crate::db::model::{Creditmemo, CreditmemoItem, Order, OrderItem, OrderPayment};
use crate::sales::creditmemo::creditmemo_state;
use crate::sales::creditmemo_totals::{RefundLine, RefundTotals};

/// The credit memo row and its items (the order-to-credit-memo fieldset plus the collectors'
/// figures). Lines of qty 0 are dropped, as `RefundOperation` drops them.
pub fn build_creditmemo(
    order: &Order,
    lines: &[RefundLine<'_>],
    t: &RefundTotals,
    notify: bool,
    now: &str,
) -> (Creditmemo, Vec<CreditmemoItem>) {
    let zero = Some(Amount::ZERO);
    let creditmemo = Creditmemo {
        order_id: order.entity_id,
        store_id: Some(order.store_id),
        state: Some(creditmemo_state::REFUNDED),
        email_sent: notify.then_some(1),
        send_email: notify.then_some(1),
        billing_address_id: order.billing_address_id,
        shipping_address_id: order.shipping_address_id,
        base_currency_code: order.base_currency_code.clone(),
        global_currency_code: order.global_currency_code.clone(),
        order_currency_code: order.order_currency_code.clone(),
        store_currency_code: order.store_currency_code.clone(),
        base_to_global_rate: order.base_to_global_rate,
        base_to_order_rate: order.base_to_order_rate,
        store_to_base_rate: order.store_to_base_rate,
        store_to_order_rate: order.store_to_order_rate,
        discount_description: order.discount_description.clone(),
        adjustment: Some(t.adjustment),
        base_adjustment: Some(t.base_adjustment),
        adjustment_positive: t.adjustment_positive,
        base_adjustment_positive: t.base_adjustment_positive,
        adjustment_negative: t.adjustment_negative,
        base_adjustment_negative: t.base_adjustment_negative,
        subtotal: Some(t.subtotal),
        base_subtotal: Some(t.base_subtotal),
        subtotal_incl_tax: Some(t.subtotal_incl_tax),
        base_subtotal_incl_tax: Some(t.base_subtotal_incl_tax),
        discount_amount: Some(t.discount_amount),
        base_discount_amount: Some(t.base_discount_amount),
        shipping_amount: Some(t.shipping_amount),
        base_shipping_amount: Some(t.base_shipping_amount),
        shipping_incl_tax: Some(t.shipping_incl_tax),
        base_shipping_incl_tax: Some(t.base_shipping_incl_tax),
        shipping_tax_amount: Some(t.shipping_tax_amount),
        base_shipping_tax_amount: Some(t.base_shipping_tax_amount),
        tax_amount: Some(t.tax_amount),
        base_tax_amount: Some(t.base_tax_amount),
        discount_tax_compensation_amount: Some(t.discount_tax_compensation_amount),
        base_discount_tax_compensation_amount: Some(t.base_discount_tax_compensation_amount),
        grand_total: Some(t.grand_total),
        base_grand_total: Some(t.base_grand_total),
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        ..Default::default()
    };
    let items = lines
        .iter()
        .zip(&t.lines)
        .filter(|(line, _)| line.qty > Amount::ZERO)
        .map(|(line, lt)| {
            let oi = line.item;
            CreditmemoItem {
                order_item_id: Some(oi.item_id),
                product_id: oi.product_id,
                sku: Some(oi.sku.clone()),
                name: oi.name.clone(),
                description: oi.description.clone(),
                qty: Some(line.qty),
                base_cost: oi.base_cost,
                price: Some(oi.price),
                base_price: Some(oi.base_price),
                row_total: Some(lt.row_total),
                base_row_total: Some(lt.base_row_total),
                row_total_incl_tax: lt.row_total_incl_tax,
                base_row_total_incl_tax: lt.base_row_total_incl_tax,
                discount_amount: lt.discount_amount,
                base_discount_amount: lt.base_discount_amount,
                tax_amount: Some(lt.tax_amount),
                base_tax_amount: Some(lt.base_tax_amount),
                discount_tax_compensation_amount: Some(lt.discount_tax_compensation_amount),
                base_discount_tax_compensation_amount: Some(
                    lt.base_discount_tax_compensation_amount,
                ),
                weee_tax_applied: Some("[]".to_owned()),
                weee_tax_applied_row_amount: zero,
                weee_tax_row_disposition: zero,
                base_weee_tax_row_disposition: zero,
                ..Default::default()
            }
        })
        .collect();
    (creditmemo, items)
}

fn add(a: Option<Amount>, b: Option<Amount>) -> Option<Amount> {
    Some(a.unwrap_or_default() + b.unwrap_or_default())
}

/// `Creditmemo\Item::register` on each refunded order item and `RefundOperation::execute` on
/// the order (`online`: its `$online` argument, which picks the online or offline refunded
/// total). Each item's `qty` is the one `processQty` left. What PHP adds to a null counts as 0,
/// so every figure ends set.
pub fn register(
    order: &mut Order,
    items: &mut [OrderItem],
    cm: &Creditmemo,
    cm_items: &[CreditmemoItem],
    base_cost: Amount,
    online: bool,
) {
    for ci in cm_items {
        let Some(oi) = items
            .iter_mut()
            .find(|i| Some(i.item_id) == ci.order_item_id)
        else {
            continue;
        };
        oi.qty_refunded += ci.qty.unwrap_or_default();
        oi.tax_refunded = add(oi.tax_refunded, ci.tax_amount);
        oi.base_tax_refunded = add(oi.base_tax_refunded, ci.base_tax_amount);
        oi.discount_tax_compensation_refunded = add(
            oi.discount_tax_compensation_refunded,
            ci.discount_tax_compensation_amount,
        );
        oi.base_discount_tax_compensation_refunded = add(
            oi.base_discount_tax_compensation_refunded,
            ci.base_discount_tax_compensation_amount,
        );
        oi.amount_refunded += ci.row_total.unwrap_or_default();
        oi.base_amount_refunded += ci.base_row_total.unwrap_or_default();
        oi.discount_refunded = add(oi.discount_refunded, ci.discount_amount);
        oi.base_discount_refunded = add(oi.base_discount_refunded, ci.base_discount_amount);
    }
    let round = |a: Option<Amount>| a.map(|v| Amount::new(Amount::round_price(v.decimal())));
    order.total_refunded = round(add(order.total_refunded, cm.grand_total));
    order.base_total_refunded = round(add(order.base_total_refunded, cm.base_grand_total));
    order.subtotal_refunded = add(order.subtotal_refunded, cm.subtotal);
    order.base_subtotal_refunded = add(order.base_subtotal_refunded, cm.base_subtotal);
    order.tax_refunded = add(order.tax_refunded, cm.tax_amount);
    order.base_tax_refunded = add(order.base_tax_refunded, cm.base_tax_amount);
    order.discount_tax_compensation_refunded = add(
        order.discount_tax_compensation_refunded,
        cm.discount_tax_compensation_amount,
    );
    order.base_discount_tax_compensation_refunded = add(
        order.base_discount_tax_compensation_refunded,
        cm.base_discount_tax_compensation_amount,
    );
    order.shipping_refunded = add(order.shipping_refunded, cm.shipping_amount);
    order.base_shipping_refunded = add(order.base_shipping_refunded, cm.base_shipping_amount);
    order.shipping_tax_refunded = add(order.shipping_tax_refunded, cm.shipping_tax_amount);
    order.base_shipping_tax_refunded = add(
        order.base_shipping_tax_refunded,
        cm.base_shipping_tax_amount,
    );
    order.adjustment_positive = add(order.adjustment_positive, cm.adjustment_positive);
    order.base_adjustment_positive =
        add(order.base_adjustment_positive, cm.base_adjustment_positive);
    order.adjustment_negative = add(order.adjustment_negative, cm.adjustment_negative);
    order.base_adjustment_negative =
        add(order.base_adjustment_negative, cm.base_adjustment_negative);
    order.discount_refunded = add(order.discount_refunded, cm.discount_amount);
    order.base_discount_refunded = add(order.base_discount_refunded, cm.base_discount_amount);
    if online {
        order.total_online_refunded = add(order.total_online_refunded, cm.grand_total);
        order.base_total_online_refunded =
            add(order.base_total_online_refunded, cm.base_grand_total);
    } else {
        order.total_offline_refunded = add(order.total_offline_refunded, cm.grand_total);
        order.base_total_offline_refunded =
            add(order.base_total_offline_refunded, cm.base_grand_total);
    }
    order.base_total_invoiced_cost =
        Some(order.base_total_invoiced_cost.unwrap_or_default() - base_cost);
}

/// `Payment::refund`'s `_updateTotals`: a null figure of the credit memo is skipped (PHP's
/// `null !== $amount`), the base amount is always added (`formatAmount` rounds a null to 0), and
/// `base_amount_refunded_online` only when the gateway refunded (`$isOnline`: a gateway that
/// refunds, asked to, with the credit memo's invoice).
pub fn refund_payment(payment: &mut OrderPayment, cm: &Creditmemo, gateway_online: bool) {
    let round =
        |a: Option<Amount>| Amount::new(Amount::round_price(a.unwrap_or_default().decimal()));
    let base = round(cm.base_grand_total);
    let plus = |was: Option<Amount>, amount: Option<Amount>| match amount {
        Some(v) => Some(was.unwrap_or_default() + v),
        None => was,
    };
    payment.amount_refunded = plus(payment.amount_refunded, cm.grand_total);
    payment.base_amount_refunded = plus(payment.base_amount_refunded, Some(base));
    if gateway_online {
        payment.base_amount_refunded_online = plus(payment.base_amount_refunded_online, Some(base));
    }
    payment.shipping_refunded = plus(payment.shipping_refunded, cm.shipping_amount);
    payment.base_shipping_refunded = plus(payment.base_shipping_refunded, cm.base_shipping_amount);
}
