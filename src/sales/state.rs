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
    any_left_to_invoice(items)
}

/// Whether an item has something left to invoice (`getQtyToInvoice`, 0 for a dummy) and is
/// not locked: `Order::canInvoice`'s loop.
pub fn any_left_to_invoice(items: &[OrderItem]) -> bool {
    let family = crate::sales::item::Family::new(items);
    items
        .iter()
        .any(|i| family.qty_to_invoice(i) > Amount::ZERO && !i.locked_do_invoice())
}

/// `Order::canShip`.
pub fn can_ship(order: &Order, items: &[OrderItem]) -> bool {
    if can_unhold(order) || is_payment_review(order) || is_canceled(order) {
        return false;
    }
    if order.is_virtual.unwrap_or(0) != 0 {
        return false;
    }
    items_left_to_ship(items).any(|(i, left)| left > Amount::ZERO && i.qty_refunded < i.qty_ordered)
}

/// `Order::checkItemShipping`'s items, each with the quantity it counts as left to ship:
/// `getSimpleQtyToShip` for the child of a bundle, otherwise `getQtyToShip`, which is 0 for a
/// dummy (`Order\Item::isDummy(true)`): a parent shipped separately, or the child of a parent
/// shipped together (a configurable's simple, which never ships itself). Virtual and locked
/// items are left out.
pub fn items_left_to_ship(items: &[OrderItem]) -> impl Iterator<Item = (&OrderItem, Amount)> {
    // By maps: an imported order of 30,000 lines searched per line took seconds.
    let family = crate::sales::item::Family::new(items);
    items
        .iter()
        .filter(|i| !i.is_virtual() && !i.locked_do_ship())
        .map(move |i| {
            let bundle_child = family
                .parent_of(i)
                .is_some_and(|p| p.product_type.as_deref() == Some("bundle"));
            let dummy = !bundle_child && family.is_dummy(i, true);
            (i, if dummy { Amount::ZERO } else { i.qty_to_ship() })
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
    // `getQtyToInvoice`, 0 for a dummy: a configurable's simple is never left to invoice.
    let family = crate::sales::item::Family::new(items);
    if items
        .iter()
        .all(|i| family.qty_to_invoice(i) <= Amount::ZERO)
    {
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

/// What `ResourceModel\Order\Handler\State::check` reads besides the order and its items:
/// whether an invoice is still open and how many credit memos the order has.
#[derive(Debug, Clone, Copy, Default)]
pub struct SaveContext {
    pub has_open_invoice: bool,
    pub creditmemo_count: i64,
}

/// PHP's `$a <= $b` on two nullable floats: numbers compare as numbers; null against a number
/// compares both as booleans (PHP 8 comparison table), so `null <= x` always holds.
fn php_le(a: Option<Amount>, b: Option<Amount>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a <= b,
        (a, b) => a.is_none_or(|v| v.is_zero()) || b.is_some_and(|v| !v.is_zero()),
    }
}

/// PHP's `$a == $b` on two nullable floats (null equals 0 and null).
fn php_eq(a: Option<Amount>, b: Option<Amount>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        (a, b) => a.unwrap_or_default().is_zero() && b.unwrap_or_default().is_zero(),
    }
}

/// `Order::canCreditmemo` in full, as it runs on whatever figures the order object holds (an
/// order saved over REST holds only what was posted: its totals are null). With a grand total
/// of 0 (or none) it is `canCreditmemoForZeroTotal`: an invoiced, unrefunded item is enough;
/// otherwise refused when something is still to invoice and the paid amount is within the
/// grand total, or when the refunded amount equals the paid one and a credit memo exists.
/// Otherwise `canCreditmemoForZeroTotalRefunded`: refused when nothing paid is left to refund
/// or what is left is the kept `adjustment_negative`.
pub fn can_creditmemo_full(order: &Order, items: &[OrderItem], creditmemo_count: i64) -> bool {
    if can_unhold(order) || is_payment_review(order) || is_canceled(order) {
        return false;
    }
    if state_is(order, CLOSED) {
        return false;
    }
    let epsilon = rust_decimal::Decimal::new(1, 4);
    let paid = order.total_paid;
    let refundable = Amount::new(Amount::round_price(paid.unwrap_or_default().decimal()))
        - order.total_refunded.unwrap_or_default();
    let kept = order.adjustment_negative.unwrap_or_default();
    let grand = order.grand_total;
    if grand.unwrap_or_default().decimal().abs() < epsilon {
        let family = crate::sales::item::Family::new(items);
        if items
            .iter()
            .any(|i| family.dummy(i).qty_to_refund(i) > Amount::ZERO)
        {
            return true;
        }
        let within = php_le(paid, grand);
        let due = can_invoice(order, items) && within;
        let refunded_all = php_eq(order.total_refunded, paid) && creditmemo_count > 0;
        let only_fee_left = !within && (refundable - kept).decimal().abs() < epsilon;
        return !(due || refunded_all || only_fee_left);
    }
    let nothing = refundable.decimal().abs() < epsilon;
    let fee = (refundable - kept).decimal().abs() < epsilon;
    !(nothing || fee)
}

/// `ResourceModel\Order\Handler\State::check`, which `ResourceModel\Order::save` runs before
/// every order save, on the order object as it is (for a REST save, only the posted fields;
/// `items` are the posted items or, when none were posted, the stored ones that
/// `Order::getItems` loads). Returns the new (state, status) when it moves the order:
/// - nothing while the order is canceled, held, can still be invoiced, or has an open invoice
///   with a whole unit still due (`(int) getTotalDue() > 0`);
/// - `closed` when the state is processing or complete, nothing can be refunded or shipped and
///   `is_virtual` is not set; or when `is_virtual` is set and the status is `closed`;
/// - `complete` when the state is processing and nothing can be shipped.
///
/// The status is the state's default status. The `new` + `is_in_process` step never applies
/// to a REST save (`is_in_process` is no field of `OrderInterface`).
pub fn check_on_save(
    order: &Order,
    items: &[OrderItem],
    context: SaveContext,
) -> Option<(String, String)> {
    let due = due_whole_units(order.grand_total, order.total_paid);
    if is_canceled(order)
        || can_unhold(order)
        || can_invoice(order, items)
        || (context.has_open_invoice && due > 0)
    {
        return None;
    }
    let virtual_flag = order.is_virtual.unwrap_or(0) != 0;
    let in_progress = state_is(order, PROCESSING) || state_is(order, COMPLETE);
    let closed = (in_progress
        && !can_creditmemo_full(order, items, context.creditmemo_count)
        && !can_ship(order, items)
        && !virtual_flag)
        || (virtual_flag && order.status.as_deref() == Some(CLOSED));
    if closed {
        return Some((CLOSED.to_owned(), default_status(CLOSED).to_owned()));
    }
    if state_is(order, PROCESSING) && !can_ship(order, items) {
        return Some((COMPLETE.to_owned(), default_status(COMPLETE).to_owned()));
    }
    None
}

/// `(int) Order::getTotalDue()`: max(round(grand_total − total_paid, 2), 0), truncated.
fn due_whole_units(grand: Option<Amount>, paid: Option<Amount>) -> i64 {
    let due = Amount::round_price(
        grand.unwrap_or_default().decimal() - paid.unwrap_or_default().decimal(),
    );
    i64::try_from(due.max(rust_decimal::Decimal::ZERO).trunc()).unwrap_or(i64::MAX)
}

/// [`check_on_save`] applied to `order` in place, for a save of an order magemu loaded (the
/// credit memo refund path, whose memo is saved with it, so the order has at least one).
pub fn apply_check_on_save(order: &mut Order, items: &[OrderItem], has_open_invoice: bool) {
    let context = SaveContext {
        has_open_invoice,
        creditmemo_count: 1,
    };
    if let Some((state, status)) = check_on_save(order, items, context) {
        order.state = Some(state);
        order.status = Some(status);
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
        apply_check_on_save(&mut o, &[refunded.clone()], false);
        assert_eq!(
            (o.state.as_deref(), o.status.as_deref()),
            (Some("closed"), Some("closed"))
        );
        // Part refunded, the rest shipped: complete.
        let mut o = order("processing", 100);
        o.grand_total = Some(100.into());
        full(&mut o, 10);
        apply_check_on_save(&mut o, &[item(2, 2, 2, false)], false);
        assert_eq!(o.state.as_deref(), Some("complete"));
        // Something left to ship: stays.
        let mut o = order("processing", 100);
        full(&mut o, 10);
        apply_check_on_save(&mut o, &[item(2, 2, 0, false)], false);
        assert_eq!(o.state.as_deref(), Some("processing"));
        // Something left to invoice: stays, even with nothing to refund.
        let mut o = order("processing", 0);
        apply_check_on_save(&mut o, &[item(2, 0, 0, false)], false);
        assert_eq!(o.state.as_deref(), Some("processing"));
        // A virtual order whose status says closed.
        let mut o = order("complete", 100);
        o.is_virtual = Some(1);
        o.status = Some("closed".into());
        full(&mut o, 100);
        apply_check_on_save(&mut o, &[item(1, 1, 0, true)], false);
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

    #[test]
    fn check_on_save_of_a_posted_order() {
        let posted = |st: Option<&str>| Order {
            state: st.map(str::to_owned),
            ..Default::default()
        };
        let item = |ordered: i64, invoiced: i64, shipped: i64, refunded: i64| OrderItem {
            qty_ordered: ordered.into(),
            qty_invoiced: invoiced.into(),
            qty_shipped: shipped.into(),
            qty_refunded: refunded.into(),
            ..Default::default()
        };
        let none = SaveContext::default();
        let memo = SaveContext {
            creditmemo_count: 1,
            ..Default::default()
        };
        let moved = |s: &str| Some((s.to_owned(), s.to_owned()));
        // (order, items, context, expected)
        type Case = (Order, Vec<OrderItem>, SaveContext, Option<(String, String)>);
        let cases: Vec<Case> = vec![
            // complete with something left to ship: as posted
            (posted(Some(COMPLETE)), vec![item(2, 2, 0, 0)], none, None),
            // processing, all invoiced and shipped, refundable: complete
            (
                posted(Some(PROCESSING)),
                vec![item(2, 2, 2, 0)],
                none,
                moved(COMPLETE),
            ),
            // complete, all refunded, a credit memo: closed
            (
                posted(Some(COMPLETE)),
                vec![item(2, 2, 2, 2)],
                memo,
                moved(CLOSED),
            ),
            // complete, nothing invoiced nor refundable, no memo: stays (zero-total rule)
            (posted(Some(COMPLETE)), vec![item(2, 0, 2, 0)], none, None),
            // no state posted: nothing to check against
            (posted(None), vec![item(2, 2, 2, 2)], memo, None),
            // held, or something still to invoice: as posted
            (posted(Some(HOLDED)), vec![item(2, 2, 2, 0)], none, None),
            (posted(Some(PROCESSING)), vec![item(2, 1, 2, 0)], none, None),
        ];
        for (order, items, context, expected) in cases {
            assert_eq!(
                check_on_save(&order, &items, context),
                expected,
                "{:?} {items:?}",
                order.state
            );
        }
        // A virtual order posted with status closed closes, whatever its state.
        let virtual_closed = Order {
            is_virtual: Some(1),
            status: Some(CLOSED.into()),
            ..Default::default()
        };
        assert_eq!(check_on_save(&virtual_closed, &[], none), moved(CLOSED));
        // An open invoice holds the order while a whole unit is due: (int) getTotalDue() > 0.
        let open = SaveContext {
            has_open_invoice: true,
            ..Default::default()
        };
        let mut due = posted(Some(PROCESSING));
        due.grand_total = Some(Amount::parse("10").unwrap());
        assert_eq!(check_on_save(&due, &[item(2, 2, 2, 0)], open), None);
        // Half a unit due does not hold it; with a grand total posted and no total_paid,
        // nothing counts as refundable (canCreditmemoForZeroTotalRefunded): closed.
        due.grand_total = Some(Amount::parse("0.5").unwrap());
        assert_eq!(
            check_on_save(&due, &[item(2, 2, 2, 0)], open),
            moved(CLOSED)
        );
    }
}
