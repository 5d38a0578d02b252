//! Order state rules: `Order::canInvoice`, `canShip`, `canCreditmemo`, `canUnhold` and
//! `Order\StateResolver::getStateForOrder` (app/code/Magento/Sales/Model/Order.php,
//! Model/Order/StateResolver.php), as pure functions of the stored figures.

use crate::amount::Amount;
use crate::db::model::{Order, OrderItem};

/// Order states (`Magento\Sales\Model\Order::STATE_*`).
pub const NEW: &str = "new";
pub const PENDING_PAYMENT: &str = "pending_payment";
pub const PROCESSING: &str = "processing";
pub const COMPLETE: &str = "complete";
pub const CLOSED: &str = "closed";
pub const CANCELED: &str = "canceled";
pub const HOLDED: &str = "holded";
pub const PAYMENT_REVIEW: &str = "payment_review";

/// `Order\Config::getStateDefaultStatus` for a stock 2.4 install.
pub fn default_status(state: &str) -> &str {
    match state {
        NEW => "pending",
        other => other,
    }
}

/// Invoice states (`Magento\Sales\Model\Order\Invoice::STATE_*`).
pub mod invoice_state {
    pub const OPEN: i64 = 1;
    pub const PAID: i64 = 2;
    pub const CANCELED: i64 = 3;
}

fn state_is(order: &Order, s: &str) -> bool {
    order.state.as_deref() == Some(s)
}

/// `Order::canUnhold`.
pub fn can_unhold(order: &Order) -> bool {
    state_is(order, HOLDED)
}

fn is_payment_review(order: &Order) -> bool {
    state_is(order, PAYMENT_REVIEW)
}

/// `Order::isCanceled`.
pub fn is_canceled(order: &Order) -> bool {
    state_is(order, CANCELED)
}

/// `Order::canInvoice`.
pub fn can_invoice(order: &Order, items: &[OrderItem]) -> bool {
    if can_unhold(order) || is_payment_review(order) || is_canceled(order) {
        return false;
    }
    if state_is(order, COMPLETE) || state_is(order, CLOSED) {
        return false;
    }
    items
        .iter()
        .any(|i| i.qty_to_invoice() > Amount::ZERO && !i.locked_do_invoice())
}

/// `Order::canShip`.
pub fn can_ship(order: &Order, items: &[OrderItem]) -> bool {
    if can_unhold(order) || is_payment_review(order) || is_canceled(order) {
        return false;
    }
    if order.is_virtual.unwrap_or(0) != 0 {
        return false;
    }
    items.iter().any(|i| {
        i.qty_to_ship() > Amount::ZERO
            && !i.is_virtual()
            && !i.locked_do_ship()
            && i.qty_refunded < i.qty_ordered
    })
}

/// `Order::canCreditmemo`, without the forced flag: something paid is not yet refunded.
pub fn can_creditmemo(order: &Order) -> bool {
    if can_unhold(order) || is_payment_review(order) || is_canceled(order) {
        return false;
    }
    if state_is(order, CLOSED) {
        return false;
    }
    let paid = order.total_paid.unwrap_or_default();
    let refunded = order.total_refunded.unwrap_or_default();
    let epsilon = rust_decimal::Decimal::new(1, 4);
    if (paid - refunded).decimal().abs() < epsilon {
        return false;
    }
    // What is left is only the fee a refund kept (the accumulated adjustment_negative): nothing
    // to refund any more.
    let kept = order.adjustment_negative.unwrap_or_default();
    !(kept > Amount::ZERO && (paid - refunded - kept).decimal().abs() < epsilon)
}

/// `Order::canHold`.
pub fn can_hold(order: &Order) -> bool {
    let blocked = [PAYMENT_REVIEW, CANCELED, COMPLETE, CLOSED, HOLDED];
    !order.state.as_deref().is_some_and(|s| blocked.contains(&s))
}

/// `Order::canCancel`: not held or in payment review, something left to invoice, and not
/// canceled, complete or closed.
pub fn can_cancel(order: &Order, items: &[OrderItem]) -> bool {
    if can_unhold(order) || is_payment_review(order) {
        return false;
    }
    if items.iter().all(|i| i.qty_to_invoice() <= Amount::ZERO) {
        return false;
    }
    !(is_canceled(order) || state_is(order, COMPLETE) || state_is(order, CLOSED))
}

/// `StateResolver::getStateForOrder($order, [IN_PROGRESS])`, the call `InvoiceOrder` and
/// `ShipOrder` make. A `new` order always ends `processing`, even when nothing is left to do
/// (an all-virtual order fully invoiced in one call): Magento's own quirk, kept on purpose.
pub fn state_after_document(order: &Order, items: &[OrderItem]) -> String {
    resolved_state(order, items, true)
}

/// `StateResolver::getStateForOrder`: once nothing can be invoiced or shipped, `complete` while
/// money is left to refund (or the order is free), else `closed` when something was refunded.
/// `in_progress` is the `IN_PROGRESS` argument documents pass: a `new` order moves on to
/// `processing`. `RefundOrder` passes none.
pub fn resolved_state(order: &Order, items: &[OrderItem], in_progress: bool) -> String {
    let mut s = order.state.clone().unwrap_or_else(|| NEW.to_owned());
    if in_progress {
        s = if state_is(order, PROCESSING) {
            PROCESSING
        } else {
            NEW
        }
        .to_owned();
    }
    if !is_canceled(order)
        && !can_unhold(order)
        && !can_invoice(order, items)
        && !can_ship(order, items)
    {
        if order.base_grand_total.unwrap_or_default().is_zero() || can_creditmemo(order) {
            s = COMPLETE.to_owned();
        } else if !order.total_refunded.unwrap_or_default().is_zero() {
            s = CLOSED.to_owned();
        }
    }
    if in_progress && state_is(order, NEW) {
        s = PROCESSING.to_owned();
    }
    s
}

/// `ResourceModel\Order\Handler\State::check`, what every order save runs first: an order
/// with nothing left to invoice (and no open invoice still owing money) is closed when it was
/// processing or complete, cannot be refunded any more nor shipped, and is not virtual (a
/// virtual one when its status already says closed); else a processing order that cannot ship
/// is complete. Each move takes the state's default status. (The `new` + `is_in_process` move
/// to processing needs a flag only invoicing sets, so it has no place here.)
pub fn check_on_save(order: &mut Order, items: &[OrderItem], has_open_invoice: bool) {
    let current = order.state.clone();
    let grand = order.grand_total.unwrap_or_default().decimal();
    let paid = order.total_paid.unwrap_or_default().decimal();
    // `(int) Order::getTotalDue()`: grand total − paid, rounded, never below 0.
    let total_due = Amount::round_price(grand - paid).max(rust_decimal::Decimal::ZERO);
    if is_canceled(order)
        || can_unhold(order)
        || can_invoice(order, items)
        || (has_open_invoice && total_due.trunc() > rust_decimal::Decimal::ZERO)
    {
        return;
    }
    let virtual_order = order.is_virtual.unwrap_or(0) != 0;
    let open = matches!(current.as_deref(), Some(PROCESSING) | Some(COMPLETE));
    let closed = (open && !can_creditmemo(order) && !can_ship(order, items) && !virtual_order)
        || (virtual_order && order.status.as_deref() == Some(CLOSED));
    if closed {
        order.state = Some(CLOSED.to_owned());
        order.status = Some(default_status(CLOSED).to_owned());
    } else if current.as_deref() == Some(PROCESSING) && !can_ship(order, items) {
        order.state = Some(COMPLETE.to_owned());
        order.status = Some(default_status(COMPLETE).to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(ordered: i64, invoiced: i64, shipped: i64, virt: bool) -> OrderItem {
        OrderItem {
            qty_ordered: ordered.into(),
            qty_invoiced: invoiced.into(),
            qty_shipped: shipped.into(),
            is_virtual: Some(virt as i64),
            ..Default::default()
        }
    }

    fn order(st: &str, paid: i64) -> Order {
        Order {
            state: Some(st.into()),
            base_grand_total: Some(100.into()),
            total_paid: Some(paid.into()),
            ..Default::default()
        }
    }

    #[test]
    fn table() {
        // (state, items, expected)
        let cases: Vec<(&str, Vec<OrderItem>, &str)> = vec![
            // first invoice of a new order: processing
            ("new", vec![item(2, 2, 0, false)], "processing"),
            // quirk: all-virtual, fully invoiced, new: processing, not complete
            ("new", vec![item(1, 1, 0, true)], "processing"),
            // processing, everything invoiced and shipped, paid: complete
            (
                "processing",
                vec![item(2, 2, 2, false), item(1, 1, 0, true)],
                "complete",
            ),
            // processing, physical items left to ship: stays
            ("processing", vec![item(2, 2, 0, false)], "processing"),
            // processing, something left to invoice: stays
            ("processing", vec![item(2, 1, 2, false)], "processing"),
        ];
        for (st, items, expected) in cases {
            let o = order(st, 100);
            assert_eq!(state_after_document(&o, &items), expected, "{st} {items:?}");
        }
    }

    #[test]
    fn state_check_on_save() {
        // (state, status, virtual, paid, refunded, items, expected state, status)
        let full = |o: &mut Order, refunded: i64| {
            o.total_refunded = Some(refunded.into());
        };
        let mut o = order("processing", 100);
        o.grand_total = Some(100.into());
        full(&mut o, 100);
        let mut refunded = item(2, 2, 0, false);
        refunded.qty_refunded = 2.into();
        check_on_save(&mut o, &[refunded.clone()], false);
        assert_eq!(
            (o.state.as_deref(), o.status.as_deref()),
            (Some("closed"), Some("closed"))
        );
        // Part refunded, the rest shipped: complete.
        let mut o = order("processing", 100);
        o.grand_total = Some(100.into());
        full(&mut o, 10);
        check_on_save(&mut o, &[item(2, 2, 2, false)], false);
        assert_eq!(o.state.as_deref(), Some("complete"));
        // Something left to ship: stays.
        let mut o = order("processing", 100);
        full(&mut o, 10);
        check_on_save(&mut o, &[item(2, 2, 0, false)], false);
        assert_eq!(o.state.as_deref(), Some("processing"));
        // Something left to invoice: stays, even with nothing to refund.
        let mut o = order("processing", 0);
        check_on_save(&mut o, &[item(2, 0, 0, false)], false);
        assert_eq!(o.state.as_deref(), Some("processing"));
        // A virtual order whose status says closed.
        let mut o = order("complete", 100);
        o.is_virtual = Some(1);
        o.status = Some("closed".into());
        full(&mut o, 100);
        check_on_save(&mut o, &[item(1, 1, 0, true)], false);
        assert_eq!(o.state.as_deref(), Some("closed"));
    }

    #[test]
    fn can_invoice_rules() {
        let items = vec![item(2, 0, 0, false)];
        assert!(can_invoice(&order("new", 0), &items));
        for st in ["holded", "canceled", "complete", "closed", "payment_review"] {
            assert!(!can_invoice(&order(st, 0), &items), "{st}");
        }
        assert!(!can_invoice(
            &order("processing", 0),
            &[item(2, 2, 0, false)]
        ));
    }
}
