//! Invoice totals: Magento's `order_invoice` total collectors, as pure functions.
//!
//! Sources (magento/magento2, 2.4): `app/code/Magento/Sales/etc/sales.xml` (collector order:
//! subtotal 50, discount 100, shipping 150, tax 200, cost 250, grand 350),
//! `Model/Order/Invoice/Total/{Subtotal,Discount,Shipping,Tax,Cost}.php`,
//! `Model/Order/Invoice/Item.php::calcRowTotal` / `isLast`, `Model/Order/Invoice.php::roundPrice`
//! / `isLast`, `lib/internal/Magento/Framework/Math/Calculator.php::deltaRound`.
//!
//! Everything is exact decimal arithmetic. PHP computes in floats; the only place the two can part
//! is an exact half-cent tie reached through float noise carried in a rounding delta (see
//! README, "Where magemu knowingly differs").

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::model::{EarlierInvoice, Order, OrderItem};
use crate::sales::state::invoice_state;

/// The four per-invoice rounders of `Invoice::roundPrice`.
#[derive(Debug, Clone, Copy)]
pub enum RoundType {
    Regular = 0,
    Base = 1,
    Including = 2,
    IncludingBase = 3,
}

/// `Invoice::roundPrice` with its running deltas (`Calculator::deltaRound`), one per type.
#[derive(Debug, Default)]
pub struct Rounder {
    deltas: [Decimal; 4],
}

impl Rounder {
    /// Rounds to two decimals, half away from zero, carrying the rounding error of earlier calls
    /// of the same type into this one. Zero comes back untouched (PHP's `if (!$price)`).
    pub fn round(&mut self, price: Decimal, ty: RoundType, negative: bool) -> Decimal {
        if price.is_zero() {
            return price;
        }
        let delta = &mut self.deltas[ty as usize];
        if negative {
            *delta = -*delta;
        }
        let p = price + *delta;
        let rounded = Amount::round_price(p);
        *delta = p - rounded;
        if negative {
            *delta = -*delta;
        }
        rounded
    }
}

/// What earlier invoices of the order decide for this one.
#[derive(Debug, Clone, Copy, Default)]
pub struct EarlierInvoices {
    /// Some earlier invoice (canceled ones included) has a non-null `discount_amount`: the
    /// shipping discount was already taken (`Discount::isShippingDiscount`; a stored "0.0000"
    /// is truthy in PHP, so in practice: any earlier invoice at all).
    pub discount_taken: bool,
    /// Some earlier, non-canceled invoice has a non-null `shipping_amount`: shipping and its tax
    /// went on that one (`Shipping::collect`, `Tax::_canIncludeShipping`).
    pub shipping_taken: bool,
}

/// One invoice line: the order item and the quantity this invoice takes of it.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub item: &'a OrderItem,
    pub qty: Amount,
    /// `Order\Item::isDummy()`: the collectors (subtotal, discount, tax) and
    /// `Invoice::isLast` pass it by; it takes its quantity and no figures.
    pub dummy: bool,
}

impl Line<'_> {
    /// `Invoice\Item::isLast`: this invoice takes everything left of the line.
    pub fn is_last(&self) -> bool {
        self.qty == self.item.qty_to_invoice()
    }

    /// ordered − invoiced: the quantity a remainder is spread over when prorating.
    fn available_qty(&self) -> Decimal {
        (self.item.qty_ordered - self.item.qty_invoiced).decimal()
    }

    fn prorate(&self, remainder: Decimal) -> Decimal {
        let available = self.available_qty();
        if available.is_zero() {
            return Decimal::ZERO;
        }
        remainder / available * self.qty.decimal()
    }
}

/// The figures the collectors give one invoice item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineTotals {
    pub row_total: Amount,
    pub base_row_total: Amount,
    pub row_total_incl_tax: Option<Amount>,
    pub base_row_total_incl_tax: Option<Amount>,
    /// Positive on items; `None` when the order item has no discount.
    pub discount_amount: Option<Amount>,
    pub base_discount_amount: Option<Amount>,
    pub tax_amount: Option<Amount>,
    pub base_tax_amount: Option<Amount>,
    pub discount_tax_compensation_amount: Option<Amount>,
    pub base_discount_tax_compensation_amount: Option<Amount>,
}

/// The figures the collectors give the invoice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InvoiceTotals {
    pub subtotal: Amount,
    pub base_subtotal: Amount,
    pub subtotal_incl_tax: Amount,
    pub base_subtotal_incl_tax: Amount,
    /// Negative on the invoice.
    pub discount_amount: Amount,
    pub base_discount_amount: Amount,
    pub shipping_amount: Option<Amount>,
    pub base_shipping_amount: Option<Amount>,
    pub shipping_incl_tax: Option<Amount>,
    pub base_shipping_incl_tax: Option<Amount>,
    pub shipping_tax_amount: Option<Amount>,
    pub base_shipping_tax_amount: Option<Amount>,
    pub shipping_discount_tax_compensation_amount: Option<Amount>,
    pub base_shipping_discount_tax_compensation_amnt: Option<Amount>,
    pub tax_amount: Amount,
    pub base_tax_amount: Amount,
    pub discount_tax_compensation_amount: Amount,
    pub base_discount_tax_compensation_amount: Amount,
    pub grand_total: Amount,
    pub base_grand_total: Amount,
    pub base_cost: Amount,
    pub lines: Vec<LineTotals>,
}

fn val(a: Option<Amount>) -> Decimal {
    a.map(Amount::decimal).unwrap_or_default()
}

fn amt(d: Decimal) -> Amount {
    Amount::new(d)
}

/// What the order's earlier invoices decide for a new one (`Total\Discount::collect` and
/// `Total\Shipping::collect` look at them).
pub fn summarize(earlier: &[EarlierInvoice]) -> EarlierInvoices {
    EarlierInvoices {
        discount_taken: earlier.iter().any(|i| i.discount_amount.is_some()),
        shipping_taken: earlier
            .iter()
            .any(|i| i.shipping_amount.is_some() && i.state != Some(invoice_state::CANCELED)),
    }
}

/// Runs the collectors, in Magento's order, for an invoice made of `lines`.
pub fn collect(order: &Order, lines: &[Line<'_>], earlier: EarlierInvoices) -> InvoiceTotals {
    let mut rounder = Rounder::default();
    let mut t = InvoiceTotals {
        lines: vec![LineTotals::default(); lines.len()],
        ..Default::default()
    };
    let invoice_is_last = lines.iter().filter(|l| !l.dummy).all(Line::is_last);

    // Subtotal (50): Invoice\Item::calcRowTotal, then the invoice sums.
    let (mut sum, mut base_sum, mut incl_sum, mut base_incl_sum) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (line, lt) in lines.iter().zip(t.lines.iter_mut()) {
        if line.dummy {
            continue;
        }
        let item = line.item;
        let mut row = (item.row_total - item.row_invoiced).decimal();
        let mut base_row = (item.base_row_total - item.base_row_invoiced).decimal();
        if !line.is_last() {
            row = rounder.round(line.prorate(row), RoundType::Regular, false);
            base_row = rounder.round(line.prorate(base_row), RoundType::Base, false);
        }
        lt.row_total = amt(row);
        lt.base_row_total = amt(base_row);
        if let (Some(incl), Some(base_incl)) =
            (item.row_total_incl_tax, item.base_row_total_incl_tax)
        {
            let ordered = item.qty_ordered.decimal();
            if !ordered.is_zero() {
                let qty = line.qty.decimal();
                let incl =
                    rounder.round(incl.decimal() / ordered * qty, RoundType::Including, false);
                let base_incl = rounder.round(
                    base_incl.decimal() / ordered * qty,
                    RoundType::IncludingBase,
                    false,
                );
                lt.row_total_incl_tax = Some(amt(incl));
                lt.base_row_total_incl_tax = Some(amt(base_incl));
                incl_sum += incl;
                base_incl_sum += base_incl;
            }
        }
        sum += row;
        base_sum += base_row;
    }
    let allowed = val(order.subtotal) - val(order.subtotal_invoiced);
    let base_allowed = val(order.base_subtotal) - val(order.base_subtotal_invoiced);
    let (subtotal, base_subtotal) = if invoice_is_last {
        (allowed, base_allowed)
    } else {
        (allowed.min(sum), base_allowed.min(base_sum))
    };
    t.subtotal = amt(subtotal);
    t.base_subtotal = amt(base_subtotal);
    t.subtotal_incl_tax = amt(incl_sum);
    t.base_subtotal_incl_tax = amt(base_incl_sum);
    let mut grand = subtotal;
    let mut base_grand = base_subtotal;

    // Discount (100).
    let (mut discount, mut base_discount) = (Decimal::ZERO, Decimal::ZERO);
    if !earlier.discount_taken {
        discount += val(order.shipping_discount_amount);
        base_discount += val(order.base_shipping_discount_amount);
    }
    for (line, lt) in lines.iter().zip(t.lines.iter_mut()) {
        let item = line.item;
        if line.dummy || val(item.discount_amount).is_zero() || item.qty_ordered.is_zero() {
            continue;
        }
        let mut d = val(item.discount_amount) - item.discount_invoiced.decimal();
        let mut base_d = val(item.base_discount_amount) - item.base_discount_invoiced.decimal();
        if !line.is_last() {
            d = rounder.round(line.prorate(d), RoundType::Regular, true);
            base_d = rounder.round(line.prorate(base_d), RoundType::Base, true);
        }
        lt.discount_amount = Some(amt(d));
        lt.base_discount_amount = Some(amt(base_d));
        discount += d;
        base_discount += base_d;
    }
    t.discount_amount = amt(-discount);
    t.base_discount_amount = amt(-base_discount);
    grand = zero_if_tiny(grand - discount);
    base_grand = zero_if_tiny(base_grand - base_discount);

    // Shipping (150): all of it on the first non-canceled invoice.
    if order.shipping_amount.is_some() && !earlier.shipping_taken {
        t.shipping_amount = order.shipping_amount;
        t.base_shipping_amount = order.base_shipping_amount;
        t.shipping_incl_tax = order.shipping_incl_tax;
        t.base_shipping_incl_tax = order.base_shipping_incl_tax;
        grand += val(order.shipping_amount);
        base_grand += val(order.base_shipping_amount);
    }

    // Tax (200).
    let (mut tax, mut base_tax, mut dtc, mut base_dtc) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for (line, lt) in lines.iter().zip(t.lines.iter_mut()) {
        let item = line.item;
        if line.dummy || line.qty.is_zero() || item.qty_ordered.is_zero() {
            continue;
        }
        if item.tax_amount.is_none() && item.discount_tax_compensation_amount.is_none() {
            continue;
        }
        let mut item_tax = val(item.tax_amount) - item.tax_invoiced.decimal();
        let mut item_base_tax = val(item.base_tax_amount) - item.base_tax_invoiced.decimal();
        let mut item_dtc = val(item.discount_tax_compensation_amount)
            - val(item.discount_tax_compensation_invoiced);
        let mut item_base_dtc = val(item.base_discount_tax_compensation_amount)
            - val(item.base_discount_tax_compensation_invoiced);
        if !line.is_last() {
            item_tax = rounder.round(line.prorate(item_tax), RoundType::Regular, false);
            item_base_tax = rounder.round(line.prorate(item_base_tax), RoundType::Base, false);
            item_dtc = rounder.round(line.prorate(item_dtc), RoundType::Regular, false);
            item_base_dtc = rounder.round(line.prorate(item_base_dtc), RoundType::Base, false);
        }
        lt.tax_amount = Some(amt(item_tax));
        lt.base_tax_amount = Some(amt(item_base_tax));
        lt.discount_tax_compensation_amount = Some(amt(item_dtc));
        lt.base_discount_tax_compensation_amount = Some(amt(item_base_dtc));
        tax += item_tax;
        base_tax += item_base_tax;
        dtc += item_dtc;
        base_dtc += item_base_dtc;
    }
    let (items_dtc, items_base_dtc) = (dtc, base_dtc);
    let mut allowed_dtc =
        val(order.discount_tax_compensation_amount) - val(order.discount_tax_compensation_invoiced);
    let mut base_allowed_dtc = val(order.base_discount_tax_compensation_amount)
        - val(order.base_discount_tax_compensation_invoiced);
    if !earlier.shipping_taken {
        tax += val(order.shipping_tax_amount);
        base_tax += val(order.base_shipping_tax_amount);
        dtc += val(order.shipping_discount_tax_compensation_amount);
        base_dtc += val(order.base_shipping_discount_tax_compensation_amnt);
        allowed_dtc += val(order.shipping_discount_tax_compensation_amount);
        base_allowed_dtc += val(order.base_shipping_discount_tax_compensation_amnt);
        t.shipping_tax_amount = order.shipping_tax_amount;
        t.base_shipping_tax_amount = order.base_shipping_tax_amount;
        t.shipping_discount_tax_compensation_amount =
            order.shipping_discount_tax_compensation_amount;
        t.base_shipping_discount_tax_compensation_amnt =
            order.base_shipping_discount_tax_compensation_amnt;
    }
    let allowed_tax = val(order.tax_amount) - val(order.tax_invoiced);
    let base_allowed_tax = val(order.base_tax_amount) - val(order.base_tax_invoiced);
    if invoice_is_last {
        tax = allowed_tax;
        base_tax = base_allowed_tax;
        dtc = allowed_dtc;
        base_dtc = base_allowed_dtc;
    } else {
        tax = allowed_tax.min(tax);
        base_tax = base_allowed_tax.min(base_tax);
        dtc = allowed_dtc.min(dtc);
        base_dtc = base_allowed_dtc.min(base_dtc);
    }
    t.tax_amount = amt(tax);
    t.base_tax_amount = amt(base_tax);
    t.discount_tax_compensation_amount = amt(items_dtc);
    t.base_discount_tax_compensation_amount = amt(items_base_dtc);
    grand += tax + dtc;
    base_grand += base_tax + base_dtc;

    // Cost (250): base cost of what is invoiced; not shown over REST.
    t.base_cost = lines
        .iter()
        .map(|l| amt(val(l.item.base_cost) * l.qty.decimal()))
        .sum();

    // Grand (350) adds nothing of its own.
    t.grand_total = amt(grand);
    t.base_grand_total = amt(base_grand);
    t
}

/// `Discount::collect`: a grand total within 0.0001 of zero is zero.
fn zero_if_tiny(v: Decimal) -> Decimal {
    if v.abs() < Decimal::new(1, 4) {
        Decimal::ZERO
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn a(s: &str) -> Amount {
        Amount::new(d(s))
    }

    /// The tutorial's order 3 (sales.md 5.3).
    pub(crate) fn tutorial_order() -> (Order, Vec<OrderItem>) {
        let order = Order {
            entity_id: 3,
            subtotal: Some(a("2022")),
            base_subtotal: Some(a("2022")),
            discount_amount: Some(a("-404.4")),
            base_discount_amount: Some(a("-404.4")),
            shipping_amount: Some(a("300")),
            base_shipping_amount: Some(a("300")),
            shipping_incl_tax: Some(a("300")),
            base_shipping_incl_tax: Some(a("300")),
            shipping_tax_amount: Some(a("0")),
            base_shipping_tax_amount: Some(a("0")),
            shipping_discount_amount: Some(a("0")),
            base_shipping_discount_amount: Some(a("0")),
            shipping_discount_tax_compensation_amount: Some(a("0")),
            base_shipping_discount_tax_compensation_amnt: Some(a("0")),
            tax_amount: Some(a("0")),
            base_tax_amount: Some(a("0")),
            grand_total: Some(a("1917.6")),
            base_grand_total: Some(a("1917.6")),
            ..Default::default()
        };
        let item = |id: i64, qty: &str, price: &str, row: &str, disc: &str, virt: i64| OrderItem {
            item_id: id,
            order_id: 3,
            qty_ordered: a(qty),
            price: a(price),
            base_price: a(price),
            row_total: a(row),
            base_row_total: a(row),
            row_total_incl_tax: Some(a(row)),
            base_row_total_incl_tax: Some(a(row)),
            discount_amount: Some(a(disc)),
            base_discount_amount: Some(a(disc)),
            tax_amount: Some(a("0")),
            base_tax_amount: Some(a("0")),
            discount_tax_compensation_amount: Some(a("0")),
            base_discount_tax_compensation_amount: Some(a("0")),
            is_virtual: Some(virt),
            ..Default::default()
        };
        let items = vec![
            item(3, "20", "36", "720", "144", 0),
            item(4, "40", "32", "1280", "256", 0),
            item(5, "1", "22", "22", "4.4", 1),
        ];
        (order, items)
    }

    #[test]
    fn full_invoice_of_the_tutorial_order() {
        let (order, items) = tutorial_order();
        let lines: Vec<Line> = items
            .iter()
            .map(|i| Line {
                item: i,
                qty: i.qty_ordered,
                dummy: false,
            })
            .collect();
        let t = collect(&order, &lines, EarlierInvoices::default());
        assert_eq!(t.subtotal, a("2022"));
        assert_eq!(t.subtotal_incl_tax, a("2022"));
        assert_eq!(t.discount_amount, a("-404.4"));
        assert_eq!(t.shipping_amount, Some(a("300")));
        assert_eq!(t.tax_amount, a("0"));
        assert_eq!(t.grand_total, a("1917.6"));
        assert_eq!(t.base_grand_total, a("1917.6"));
        assert_eq!(t.lines[2].discount_amount, Some(a("4.4")));
        assert_eq!(t.lines[0].tax_amount, Some(a("0")));
    }

    #[test]
    fn partial_then_rest_matches_sales_md_5_4() {
        let (order, items) = tutorial_order();
        let lines = vec![
            Line {
                item: &items[0],
                qty: a("10"),
                dummy: false,
            },
            Line {
                item: &items[1],
                qty: a("0"),
                dummy: false,
            },
            Line {
                item: &items[2],
                qty: a("0"),
                dummy: false,
            },
        ];
        let t = collect(&order, &lines, EarlierInvoices::default());
        assert_eq!(t.subtotal, a("360"));
        assert_eq!(t.discount_amount, a("-72"));
        assert_eq!(t.grand_total, a("588"));
        assert_eq!(t.lines[1].discount_amount, Some(a("0")));
    }

    #[test]
    fn delta_rounding_carries_between_calls() {
        // sales.md 5.4 "Where rounding bites": 10 / 3 one unit at a time.
        let mut r = Rounder::default();
        assert_eq!(
            r.round(d("10") / d("3"), RoundType::Regular, false),
            d("3.33")
        );
        // The 0.00333... left over tips the next third up.
        assert_eq!(
            r.round(d("10") / d("3"), RoundType::Regular, false),
            d("3.34")
        );
        // A fresh rounder: 6.67 / 2 = 3.335 rounds half away from zero.
        let mut r = Rounder::default();
        assert_eq!(r.round(d("3.335"), RoundType::Regular, false), d("3.34"));
        assert_eq!(r.round(d("0"), RoundType::Regular, false), d("0"));
    }

    #[test]
    fn negative_rounding_flips_the_delta() {
        let mut r = Rounder::default();
        assert_eq!(r.round(d("1.005"), RoundType::Regular, true), d("1.01"));
        // delta was -0.005, stored flipped: the next negative call sees -0.005 + ... as Magento.
        assert_eq!(r.round(d("1.005"), RoundType::Regular, true), d("1.00"));
    }
}
