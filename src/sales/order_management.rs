//! `OrderManagementInterface::hold`, `unHold` and `cancel` (app/code/Magento/Sales/Model/
//! Service/OrderService.php over `Model/Order.php`), each one transaction on the single writer.
//!
//! `cancel` is `Order::registerCancellation`: every item's `qty_canceled` becomes what is neither
//! invoiced nor shipped, the order's canceled figures are its totals minus what was invoiced
//! (`total_canceled` = grand total − paid), and the state is `canceled`, or `processing` /
//! `complete` when an item was already invoiced (and still has / has nothing left to ship).
//! magento/inventory's `CancelOrderItemObserver` appends an `order_canceled` reservation giving
//! back what was not invoiced or shipped. A call Magento cannot honour answers `false`, no error.
//!
//! Before that, `Order::cancel` calls `Payment::cancel` (module-sales 2.4, `Model/Order/Payment`):
//! when the method can void (`canVoid`: the method's flag, braintree's `CanVoidHandler`: nothing
//! paid, or less than authorized; paypal_express always) and the payment has an open
//! `authorization` transaction, `_void` goes online through the method's `cancel` command (a
//! gateway void of the authorization): the `void` transaction `<auth>-void` (child of the
//! authorization, closed), the authorization closed, `last_trans_id` the void's, and through
//! `setOrderStateProcessing` the history entry `Canceled order online Amount: $X. Transaction
//! ID: "<auth>-void"` with status `processing` and no notification flag (the amount only when
//! the authorization covers the whole order and has no children). A gateway refusal aborts the
//! cancel with the 400 `GatewayCommand` throws, nothing saved; the sandbox refuses the void of
//! 4001.00-4001.99 (`payment::gateway_void`, the order's base grand total). Without an open
//! authorization, or a method that cannot void, the cancel is offline: no call, no entry
//! (magento/magento2#36565 is about the `processing` status of that entry; kept).

use std::collections::HashMap;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::{Order, OrderItem, OrderPayment, Transaction};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory;
use crate::php;
use crate::sales::item::{Dummy, Family};
use crate::sales::state::{can_cancel, can_hold, can_unhold, state_after_document};
use crate::sales::{creditmemo_totals, payment, state};

/// Which management call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Hold,
    Unhold,
    Cancel,
}

/// Runs `action` on the order; `Ok(false)` when Magento's `cancel` declines.
#[tracing::instrument(skip(db))]
pub async fn manage_order(db: &Db, order_id: i64, action: Action) -> Result<bool> {
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(manage_in(conn, order_id, action))
    })
    .await
}

async fn manage_in(conn: &mut SqliteConnection, order_id: i64, action: Action) -> Result<bool> {
    let (mut order, mut items, payment) = db::sales::load_order_for_update(conn, order_id)
        .await?
        .ok_or_else(Error::entity_not_found)?;
    let now = db::now_timestamp();
    let mut releases = Vec::new();
    match action {
        Action::Hold => hold(&mut order)?,
        Action::Unhold => unhold(&mut order)?,
        Action::Cancel => {
            if !can_cancel(&order, &items) {
                return Ok(false);
            }
            if let Some(payment) = &payment {
                void_authorization(conn, &order, payment, &now).await?;
            }
            // GetSkuFromOrderItem: the reservation names the catalog SKU of the item's product
            // (looked up by id), the line's own SKU when the product is gone.
            let product_ids: Vec<i64> = items.iter().filter_map(|i| i.product_id).collect();
            let products = db::inventory::products_by_ids(conn, &product_ids).await?;
            let sku_of = |item: &OrderItem| {
                item.product_id
                    .and_then(|id| products.get(&id))
                    .map_or_else(|| item.sku.clone(), |p| p.sku.clone())
            };
            releases = cancel(&mut order, &mut items, &now, &sku_of);
            for item in &items {
                db::update(conn, "sales_order_item", "item_id", item).await?;
            }
            // SalesRule's CouponUsagesDecrement plugin on the cancel that answered true. The
            // coupon stays counted when the order had one (`getOrigData('coupon_code') !==
            // null`) and its status is not `canceled` after the cancel.
            if let Some(ids) = order
                .applied_rule_ids
                .as_deref()
                .filter(|ids| php::truthy(ids))
            {
                let already_applied =
                    order.coupon_code.is_some() && order.status.as_deref() != Some(state::CANCELED);
                db::sales_rules::give_back_usage(
                    conn,
                    ids,
                    order.coupon_code.as_deref().unwrap_or(""),
                    order.customer_id.unwrap_or(0),
                    already_applied,
                )
                .await?;
            }
        }
    }
    order.updated_at = now;
    db::update(conn, "sales_order", "entity_id", &order).await?;
    if !releases.is_empty() {
        let stock_id = db::shipments::order_stock(conn, order_id).await?;
        let metadata = inventory::sales_event("order_canceled", &order)?;
        for (sku, qty) in &releases {
            db::inventory::append_reservation(conn, stock_id, sku, *qty, &metadata).await?;
        }
    }
    Ok(true)
}

/// `Payment::cancel` → `_void` when the method can void an open authorization (see the module
/// doc); nothing otherwise.
async fn void_authorization(
    conn: &mut SqliteConnection,
    order: &Order,
    payment: &OrderPayment,
    now: &str,
) -> Result<()> {
    let method = payment::method(&payment.method);
    if method.offline || !method.can_void || !payment::can_void_authorization(method, payment) {
        return Ok(());
    }
    let Some(auth) = db::transactions::authorization(conn, payment.entity_id).await? else {
        return Ok(());
    };
    if auth.is_closed != 0 {
        return Ok(());
    }
    let auth_txn = auth.txn_id.clone().unwrap_or_default();
    let base_total = order.base_grand_total.unwrap_or_default();
    payment::gateway_void(base_total).map_err(|decline| {
        tracing::warn!(order_id = order.entity_id, %decline, "the gateway refused the void");
        Error::input(crate::sales::invoice_payment::TRANSACTION_DECLINED)
    })?;
    let void_txn = format!("{auth_txn}-void");
    // `_void` also wants the payment's `base_amount_canceled` at 0, which nothing magemu emulates
    // sets (no column).
    let whole = payment.base_amount_authorized == order.base_grand_total
        && !db::transactions::has_children(conn, auth.transaction_id).await?;
    let mut message = e::CANCELED_ONLINE.to_owned();
    if whole {
        let shown = creditmemo_totals::format_currency(
            order.base_currency_code.as_deref(),
            base_total.decimal(),
        );
        message.push(' ');
        message.push_str(&Phrase::positional(e::VOID_AMOUNT, vec![shown]).render());
    }
    message.push(' ');
    message.push_str(&Phrase::positional(e::TRANSACTION_ID, vec![void_txn.clone()]).render());
    let void = Transaction {
        parent_id: Some(auth.transaction_id),
        order_id: order.entity_id,
        payment_id: payment.entity_id,
        txn_id: Some(void_txn.clone()),
        parent_txn_id: auth.txn_id.clone(),
        txn_type: Some("void".into()),
        is_closed: 1,
        created_at: now.to_owned(),
        ..Default::default()
    };
    db::insert(
        &mut *conn,
        "sales_payment_transaction",
        "transaction_id",
        &void,
    )
    .await?;
    sqlx::query("UPDATE sales_payment_transaction SET is_closed = 1 WHERE transaction_id = ?")
        .bind(auth.transaction_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE sales_order_payment SET last_trans_id = ? WHERE entity_id = ?")
        .bind(&void_txn)
        .bind(payment.entity_id)
        .execute(&mut *conn)
        .await?;
    let processing = state::default_status(state::PROCESSING).to_owned();
    db::comments::add_order_comment(conn, order.entity_id, message, Some(processing), None, now)
        .await?;
    Ok(())
}

/// `Order::hold`.
pub fn hold(order: &mut Order) -> Result<()> {
    if !can_hold(order) {
        return Err(Error::input(e::HOLD_NOT_AVAILABLE));
    }
    order.hold_before_state = order.state.take();
    order.hold_before_status = order.status.take();
    order.state = Some(state::HOLDED.to_owned());
    order.status = Some(state::HOLDED.to_owned());
    Ok(())
}

/// `Order::unHold`.
pub fn unhold(order: &mut Order) -> Result<()> {
    if !can_unhold(order) {
        return Err(Error::input(e::CANNOT_REMOVE_HOLD));
    }
    order.state = order.hold_before_state.take();
    order.status = order.hold_before_status.take();
    Ok(())
}

/// `Order::registerCancellation` on an order `can_cancel` accepted. Returns what goes back to
/// the salable quantity, per SKU (`GetItemsToCancelFromOrderItem`: ordered − max(shipped,
/// invoiced) − canceled, for items that carry stock themselves).
pub fn cancel(
    order: &mut Order,
    items: &mut [OrderItem],
    now: &str,
    sku_of: &dyn Fn(&OrderItem) -> String,
) -> Vec<(String, Amount)> {
    let mut new_state = state::CANCELED;
    let mut releases: Vec<(String, Amount)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // `Order\Item::isDummy` reads the order's items, which the loop changes: read it first.
    let dummies: Vec<Dummy> = {
        let family = Family::new(items);
        items.iter().map(|i| family.dummy(i)).collect()
    };
    for (item, dummy) in items.iter_mut().zip(dummies) {
        if new_state != state::PROCESSING && dummy.qty_to_refund(item) > Amount::ZERO {
            // Order\Item::isProcessingAvailable
            new_state = if dummy.qty_to_ship(item) > dummy.qty_to_cancel(item) {
                state::PROCESSING
            } else {
                state::COMPLETE
            };
        }
        // Order\Item::cancel() does nothing (no event, so no reservation either) for an item
        // already wholly canceled; without this guard a second cancel would set its qty_canceled
        // back to qty_to_cancel(), which is 0 by then. Magento keeps the rest of its quirk: a
        // partly invoiced item canceled once (status "invoiced", not "canceled") is reset again.
        if item.is_status_canceled() {
            continue;
        }
        let carries_stock = !matches!(
            item.product_type.as_deref(),
            Some("configurable" | "bundle" | "grouped")
        );
        let back = item.qty_ordered - item.qty_shipped.max(item.qty_invoiced) - item.qty_canceled;
        if carries_stock && back > Amount::ZERO {
            let sku = sku_of(item);
            match index.get(&sku) {
                Some(&n) => releases[n].1 += back,
                None => {
                    index.insert(sku.clone(), releases.len());
                    releases.push((sku, back));
                }
            }
        }
        item.qty_canceled = dummy.qty_to_cancel(item);
        // `tax_canceled += base_tax_amount × qty_canceled / qty_ordered` (the base tax, in the
        // column without `base_`: Magento's own line), and the same share of the discount tax
        // compensation; a null figure counts 0, so both are numbers from now on. An item
        // ordered 0 times is PHP's DivisionByZeroError in Magento: its figures are left alone.
        let share = |canceled: Option<Amount>, of: Option<Amount>| {
            let z = rust_decimal::Decimal::ZERO;
            let part = of
                .unwrap_or_default()
                .decimal()
                .checked_mul(item.qty_canceled.decimal())?
                .checked_div(item.qty_ordered.decimal())?;
            let sum = canceled.map_or(z, Amount::decimal).checked_add(part)?;
            Some(Amount::new(sum)).filter(|a| a.is_storable())
        };
        if let (Some(tax), Some(compensation)) = (
            share(item.tax_canceled, item.base_tax_amount),
            share(
                item.discount_tax_compensation_canceled,
                item.discount_tax_compensation_amount,
            ),
        ) {
            item.tax_canceled = Some(tax);
            item.discount_tax_compensation_canceled = Some(compensation);
        }
        item.updated_at = now.to_owned();
    }
    let z = Amount::ZERO;
    let less = |a: Option<Amount>, b: Option<Amount>| Some(a.unwrap_or(z) - b.unwrap_or(z));
    let abs = |a: Option<Amount>| a.map(|v| v.max(z - v));
    order.subtotal_canceled = less(order.subtotal, order.subtotal_invoiced);
    order.base_subtotal_canceled = less(order.base_subtotal, order.base_subtotal_invoiced);
    order.tax_canceled = less(order.tax_amount, order.tax_invoiced);
    order.base_tax_canceled = less(order.base_tax_amount, order.base_tax_invoiced);
    order.shipping_canceled = less(order.shipping_amount, order.shipping_invoiced);
    order.base_shipping_canceled = less(order.base_shipping_amount, order.base_shipping_invoiced);
    // `abs(discount_amount) - abs(discount_invoiced)`: both are stored negative.
    order.discount_canceled = less(abs(order.discount_amount), abs(order.discount_invoiced));
    order.base_discount_canceled = less(
        abs(order.base_discount_amount),
        abs(order.base_discount_invoiced),
    );
    order.total_canceled = less(order.grand_total, order.total_paid);
    order.base_total_canceled = less(order.base_grand_total, order.base_total_paid);
    order.state = Some(new_state.to_owned());
    order.status = Some(state::default_status(new_state).to_owned());
    // ResourceModel/Order/Handler/State::check on save.
    if new_state != state::CANCELED {
        let checked = state_after_document(order, items);
        order.status = Some(state::default_status(&checked).to_owned());
        order.state = Some(checked);
    }
    releases
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, sku: &str, ordered: i64, invoiced: i64, shipped: i64) -> OrderItem {
        OrderItem {
            item_id: id,
            sku: sku.into(),
            qty_ordered: ordered.into(),
            qty_invoiced: invoiced.into(),
            qty_shipped: shipped.into(),
            ..Default::default()
        }
    }

    fn order(st: &str) -> Order {
        Order {
            state: Some(st.into()),
            status: Some(state::default_status(st).into()),
            grand_total: Amount::parse("100"),
            subtotal: Amount::parse("90"),
            shipping_amount: Amount::parse("10"),
            discount_amount: Amount::parse("-5"),
            ..Default::default()
        }
    }

    #[test]
    fn hold_and_unhold_keep_the_state_they_interrupted() {
        let mut o = order("processing");
        hold(&mut o).unwrap();
        assert_eq!(
            (o.state.as_deref(), o.hold_before_state.as_deref()),
            (Some("holded"), Some("processing"))
        );
        assert_eq!(
            hold(&mut o).unwrap_err().body(),
            serde_json::json!({"message": e::HOLD_NOT_AVAILABLE})
        );
        unhold(&mut o).unwrap();
        assert_eq!(
            (o.state.as_deref(), o.status.as_deref()),
            (Some("processing"), Some("processing"))
        );
        assert_eq!(o.hold_before_state, None);
        assert_eq!(
            unhold(&mut o).unwrap_err().body(),
            serde_json::json!({"message": e::CANNOT_REMOVE_HOLD})
        );
    }

    #[test]
    fn the_canceled_discount_is_the_discount_not_invoiced() {
        let mut o = order("processing");
        o.discount_amount = Amount::parse("-404.4");
        o.base_discount_amount = Amount::parse("-404.4");
        o.discount_invoiced = Amount::parse("-72");
        o.base_discount_invoiced = Amount::parse("-72");
        let mut items = vec![item(1, "A", 5, 0, 0)];
        cancel(&mut o, &mut items, "now", &|i| i.sku.clone());
        assert_eq!(o.discount_canceled, Amount::parse("332.4"));
        assert_eq!(o.base_discount_canceled, Amount::parse("332.4"));
    }

    #[test]
    fn cancel_gives_back_what_was_not_invoiced_or_shipped() {
        let mut o = order("new");
        let mut items = vec![
            item(1, "A", 5, 0, 0),
            item(2, "B", 3, 0, 0),
            item(3, "A", 1, 0, 0),
        ];
        assert!(can_cancel(&o, &items));
        let back = cancel(&mut o, &mut items, "now", &|i| i.sku.clone());
        assert_eq!(
            back,
            vec![("A".to_owned(), 6.into()), ("B".to_owned(), 3.into())]
        );
        assert_eq!(o.state.as_deref(), Some("canceled"));
        assert_eq!(o.total_canceled, Amount::parse("100"));
        assert_eq!(o.discount_canceled, Amount::parse("5"));
        assert!(items.iter().all(|i| i.qty_canceled == i.qty_ordered));
        assert!(
            !can_cancel(&o, &items),
            "a canceled order cannot be canceled again"
        );
    }

    #[test]
    fn a_partly_invoiced_order_stays_open_for_what_was_paid() {
        let mut o = order("processing");
        o.total_paid = Amount::parse("40");
        let mut items = vec![item(1, "A", 10, 4, 0)];
        let back = cancel(&mut o, &mut items, "now", &|i| i.sku.clone());
        assert_eq!(back, vec![("A".to_owned(), 6.into())]);
        assert_eq!(items[0].qty_canceled, Amount::from_int(6));
        // Four invoiced units are still to ship.
        assert_eq!(o.state.as_deref(), Some("processing"));
        assert_eq!(o.total_canceled, Amount::parse("60"));
        // Fully invoiced: nothing to cancel.
        let done = vec![item(1, "A", 10, 10, 0)];
        assert!(!can_cancel(&order("processing"), &done));
    }
}
