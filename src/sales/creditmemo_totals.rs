//! Credit memo totals: Magento's `order_creditmemo` total collectors, as pure functions.
//!
//! Sources (module-sales 2.4.6-p1 to 2.4.8-p1): `etc/sales.xml` (collector order: subtotal 50,
//! weee 100, discount 150, shipping 200, tax 250, cost_total 300, grand_total 400),
//! `Model/Order/Creditmemo/Total/{Subtotal,Discount,Shipping,Tax,Cost,Grand}.php`,
//! `Model/Order/Creditmemo/Item.php::calcRowTotal`, `processQty`, `isLast`,
//! `Model/Order/Creditmemo.php::roundPrice` (one running delta per type per credit memo, shared
//! by rows and discounts), `Model/Order/CreditmemoFactory::initData`, module-weee's
//! `Model/Total/Creditmemo/Weee.php`. See ../shared/spec/creditmemo.md.
//!
//! Proration is over what was *invoiced* and is not yet refunded; a line that takes everything
//! left of its item takes the exact remainder. Everything is exact decimal arithmetic.

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::creditmemos::InvoiceRefunded;
use crate::db::model::{Invoice, Order, OrderItem};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::totals::{RoundType, Rounder};

/// One credit memo line: the order item and the quantity as `processQty` leaves it.
#[derive(Debug, Clone)]
pub struct RefundLine<'a> {
    pub item: &'a OrderItem,
    pub qty: Amount,
}

impl RefundLine<'_> {
    /// `Creditmemo\Item::isLast`: this line refunds everything left of its item.
    pub fn is_last(&self) -> bool {
        self.qty == self.item.qty_to_refund()
    }
}

/// What `CreditmemoCreationArgumentsInterface` asks, in base currency.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RefundArguments {
    pub shipping_amount: Option<Amount>,
    pub adjustment_positive: Option<Amount>,
    pub adjustment_negative: Option<Amount>,
}

/// A line's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineTotals {
    pub row_total: Amount,
    pub base_row_total: Amount,
    pub row_total_incl_tax: Option<Amount>,
    pub base_row_total_incl_tax: Option<Amount>,
    /// Set only for items with an invoiced discount (positive on the item).
    pub discount_amount: Option<Amount>,
    pub base_discount_amount: Option<Amount>,
    /// `Total\Tax`: the line's share of its item's invoiced tax (0 for an item nothing was
    /// invoiced of).
    pub tax_amount: Amount,
    pub base_tax_amount: Amount,
    pub discount_tax_compensation_amount: Amount,
    pub base_discount_tax_compensation_amount: Amount,
}

/// The credit memo's figures after every collector.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefundTotals {
    pub lines: Vec<LineTotals>,
    pub subtotal: Amount,
    pub base_subtotal: Amount,
    pub subtotal_incl_tax: Amount,
    pub base_subtotal_incl_tax: Amount,
    /// Negative on the credit memo.
    pub discount_amount: Amount,
    pub base_discount_amount: Amount,
    pub shipping_amount: Amount,
    pub base_shipping_amount: Amount,
    pub shipping_incl_tax: Amount,
    pub base_shipping_incl_tax: Amount,
    pub adjustment_positive: Option<Amount>,
    pub base_adjustment_positive: Option<Amount>,
    pub adjustment_negative: Option<Amount>,
    pub base_adjustment_negative: Option<Amount>,
    pub adjustment: Amount,
    pub base_adjustment: Amount,
    pub grand_total: Amount,
    pub base_grand_total: Amount,
    /// `Total\Cost`: what the refunded units cost (no column on the credit memo).
    pub base_cost: Amount,
    pub tax_amount: Amount,
    pub base_tax_amount: Amount,
    pub shipping_tax_amount: Amount,
    pub base_shipping_tax_amount: Amount,
    pub discount_tax_compensation_amount: Amount,
    pub base_discount_tax_compensation_amount: Amount,
}

fn round2(value: Decimal) -> Amount {
    Amount::new(Amount::round_price(value))
}

fn dec(value: Option<Amount>) -> Decimal {
    value.unwrap_or_default().decimal()
}

/// `Item::processQty`: the quantity cast to an integer unless the item takes decimals, never
/// below 0, and at most what is left to refund (else Magento's error, naming the item).
pub fn process_qty(item: &OrderItem, requested: Amount) -> Result<Amount> {
    let qty = if item.is_qty_decimal() {
        requested
    } else {
        requested.trunc()
    }
    .max(Amount::ZERO);
    if qty > item.qty_to_refund() {
        return Err(Error::Input(Phrase::positional(
            e::INVALID_QTY_TO_REFUND,
            vec![item.name.clone().unwrap_or_default()],
        )));
    }
    Ok(qty)
}

/// `PriceCurrency::format` of a base amount for messages: `$6.00`, `$1,917.60`.
pub fn format_currency(code: Option<&str>, amount: Decimal) -> String {
    let symbol = match code.unwrap_or("USD") {
        "USD" => "$".to_owned(),
        "EUR" => "€".to_owned(),
        "GBP" => "£".to_owned(),
        other => format!("{other} "),
    };
    let rounded = Amount::round_price(amount);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "-"
    } else {
        ""
    };
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{symbol}{grouped}.{frac}")
}

/// Every collector of `order_creditmemo`, in Magento's order; `invoice` is the invoice a refund
/// goes through (`Creditmemo::getInvoice`), whose shipping tax the tax collector prorates.
pub fn collect(
    order: &Order,
    lines: &[RefundLine<'_>],
    args: RefundArguments,
    invoice: Option<(&Invoice, &InvoiceRefunded)>,
) -> Result<RefundTotals> {
    let mut r = Rounder::default();
    let mut t = RefundTotals::default();
    // Subtotal (Item::calcRowTotal on every line, then the sums).
    for line in lines {
        let oi = line.item;
        let qty = line.qty.decimal();
        let mut row = (oi.row_invoiced - oi.amount_refunded).decimal();
        let mut base_row = (oi.base_row_invoiced - oi.base_amount_refunded).decimal();
        if !line.is_last() && oi.qty_invoiced > Amount::ZERO {
            let available = (oi.qty_invoiced - oi.qty_refunded).decimal();
            row = r.round(row / available * qty, RoundType::Regular, false);
            base_row = r.round(base_row / available * qty, RoundType::Base, false);
        }
        let (incl, base_incl) = (dec(oi.row_total_incl_tax), dec(oi.base_row_total_incl_tax));
        let ordered = oi.qty_ordered.decimal();
        let (row_incl, base_row_incl) =
            if !incl.is_zero() && !base_incl.is_zero() && !ordered.is_zero() {
                (
                    Some(Amount::new(r.round(
                        incl / ordered * qty,
                        RoundType::Including,
                        false,
                    ))),
                    Some(Amount::new(r.round(
                        base_incl / ordered * qty,
                        RoundType::IncludingBase,
                        false,
                    ))),
                )
            } else {
                (None, None)
            };
        t.subtotal += Amount::new(row);
        t.base_subtotal += Amount::new(base_row);
        t.subtotal_incl_tax += row_incl.unwrap_or_default();
        t.base_subtotal_incl_tax += base_row_incl.unwrap_or_default();
        t.lines.push(LineTotals {
            row_total: Amount::new(row),
            base_row_total: Amount::new(base_row),
            row_total_incl_tax: row_incl,
            base_row_total_incl_tax: base_row_incl,
            ..Default::default()
        });
    }
    // Discount. Without a shipping argument the shipping base is what the order's shipping
    // incl. tax minus its tax comes to, so the order's whole shipping discount is deducted again
    // on every refund: Magento's behaviour, kept.
    let base_shipping_for_discount = match args.shipping_amount {
        Some(given) if !given.decimal().is_zero() => given.decimal(),
        Some(_) => Decimal::ZERO,
        None => dec(order.base_shipping_incl_tax) - dec(order.base_shipping_tax_amount),
    };
    let order_base_shipping = dec(order.base_shipping_amount);
    if !base_shipping_for_discount.is_zero() && order_base_shipping <= Decimal::ZERO {
        return Err(Error::input(e::NO_SHIPPING_TO_REFUND));
    }
    let mut discount = Decimal::ZERO;
    let mut base_discount = Decimal::ZERO;
    if !base_shipping_for_discount.is_zero() {
        let base_shipping_discount = base_shipping_for_discount
            * dec(order.base_shipping_discount_amount)
            / order_base_shipping;
        discount += dec(order.shipping_amount) * base_shipping_discount / order_base_shipping;
        base_discount += base_shipping_discount;
    }
    for (line, lt) in lines.iter().zip(t.lines.iter_mut()) {
        let oi = line.item;
        let item_discount = oi.discount_invoiced.decimal();
        if item_discount.is_zero() || oi.qty_invoiced.decimal().is_zero() {
            continue;
        }
        let mut d = item_discount - dec(oi.discount_refunded);
        let mut base_d = oi.base_discount_invoiced.decimal() - dec(oi.base_discount_refunded);
        if !line.is_last() {
            let available = (oi.qty_invoiced - oi.qty_refunded).decimal();
            let qty = line.qty.decimal();
            d = r.round(d / available * qty, RoundType::Regular, true);
            base_d = r.round(base_d / available * qty, RoundType::Base, true);
        }
        lt.discount_amount = Some(Amount::new(d));
        lt.base_discount_amount = Some(Amount::new(base_d));
        discount += d;
        base_discount += base_d;
    }
    t.discount_amount = Amount::new(-discount);
    t.base_discount_amount = Amount::new(-base_discount);
    // Shipping: all that is not refunded yet, or the amount asked (rounded, at most what is
    // left), prorated over the order's shipping.
    let allowed = dec(order.shipping_amount) - dec(order.shipping_refunded);
    let base_allowed = order_base_shipping - dec(order.base_shipping_refunded);
    let allowed_tax = dec(order.shipping_tax_amount) - dec(order.shipping_tax_refunded);
    let base_allowed_tax =
        dec(order.base_shipping_tax_amount) - dec(order.base_shipping_tax_refunded);
    match args.shipping_amount {
        Some(given) => {
            let desired = Amount::round_price(given.decimal());
            if desired >= base_allowed + Decimal::new(1, 4) {
                let shown = format_currency(order.base_currency_code.as_deref(), base_allowed);
                return Err(Error::Input(Phrase::positional(
                    e::MAX_SHIPPING_TO_REFUND,
                    vec![shown],
                )));
            }
            let ratio = if order_base_shipping > Decimal::ZERO {
                desired / order_base_shipping
            } else {
                Decimal::ZERO
            };
            if desired > base_allowed - Decimal::new(1, 4) {
                t.shipping_amount = Amount::new(allowed);
                t.base_shipping_amount = Amount::new(base_allowed);
            } else {
                t.shipping_amount = round2(dec(order.shipping_amount) * ratio);
                t.base_shipping_amount = round2(order_base_shipping * ratio);
            }
            t.shipping_incl_tax = round2(dec(order.shipping_incl_tax) * ratio);
            t.base_shipping_incl_tax = round2(dec(order.base_shipping_incl_tax) * ratio);
        }
        None => {
            t.shipping_amount = Amount::new(allowed);
            t.base_shipping_amount = Amount::new(base_allowed);
            t.shipping_incl_tax = round2(allowed + allowed_tax);
            t.base_shipping_incl_tax = round2(base_allowed + base_allowed_tax);
        }
    }
    tax(order, invoice, lines, &mut t, &mut r);
    // Cost.
    t.base_cost = lines
        .iter()
        .map(|l| Amount::new(dec(l.item.base_cost) * l.qty.decimal()))
        .sum();
    // Grand (initData sets the adjustments only when given: base rounded, order currency
    // through base_to_order_rate).
    let rate = order
        .base_to_order_rate
        .map_or(Decimal::ONE, Amount::decimal);
    let adjust = |v: Option<Amount>| v.map(|a| (round2(a.decimal()), round2(a.decimal() * rate)));
    let positive = adjust(args.adjustment_positive);
    let negative = adjust(args.adjustment_negative);
    t.base_adjustment_positive = positive.map(|p| p.0);
    t.adjustment_positive = positive.map(|p| p.1);
    t.base_adjustment_negative = negative.map(|n| n.0);
    t.adjustment_negative = negative.map(|n| n.1);
    let z = Amount::ZERO;
    t.adjustment = t.adjustment_positive.unwrap_or(z) - t.adjustment_negative.unwrap_or(z);
    t.base_adjustment =
        t.base_adjustment_positive.unwrap_or(z) - t.base_adjustment_negative.unwrap_or(z);
    t.grand_total = t.subtotal
        + t.discount_amount
        + t.shipping_amount
        + t.adjustment
        + t.tax_amount
        + t.discount_tax_compensation_amount;
    t.base_grand_total = t.base_subtotal
        + t.base_discount_amount
        + t.base_shipping_amount
        + t.base_adjustment
        + t.base_tax_amount
        + t.base_discount_tax_compensation_amount;
    Ok(t)
}

/// `Creditmemo\Total\Tax::collect`: each line's share of what its item invoiced and has not
/// refunded (all of it for a line taking its item's last units); the shipping's tax, through an
/// invoice the invoice's shipping tax in the part of the order's shipping this memo refunds,
/// otherwise the order's in the part of what is left; then at most what the order invoiced and
/// has not refunded, or exactly that when every line takes its last units and the shipping is
/// not refunded in part. Through an invoice (RefundInvoice), what is allowed is the invoice's
/// tax less what its earlier memos refunded (2.4.8's `calculateAllowedTax` and kin), not the
/// order's: an invoice's memo takes no tax of another invoice.
fn tax(
    order: &Order,
    invoice: Option<(&Invoice, &InvoiceRefunded)>,
    lines: &[RefundLine<'_>],
    t: &mut RefundTotals,
    r: &mut Rounder,
) {
    let (mut total, mut base_total) = (Decimal::ZERO, Decimal::ZERO);
    let (mut comp, mut base_comp) = (Decimal::ZERO, Decimal::ZERO);
    for (line, lt) in lines.iter().zip(t.lines.iter_mut()) {
        let oi = line.item;
        let invoiced = oi.qty_invoiced.decimal();
        if line.qty <= Amount::ZERO || invoiced.is_zero() {
            continue;
        }
        let mut tax = oi.tax_invoiced.decimal() - dec(oi.tax_refunded);
        let mut base_tax = oi.base_tax_invoiced.decimal() - dec(oi.base_tax_refunded);
        let mut c =
            dec(oi.discount_tax_compensation_invoiced) - dec(oi.discount_tax_compensation_refunded);
        let mut base_c = dec(oi.base_discount_tax_compensation_invoiced)
            - dec(oi.base_discount_tax_compensation_refunded);
        if !line.is_last() {
            let available = invoiced - oi.qty_refunded.decimal();
            let qty = line.qty.decimal();
            if !available.is_zero() {
                tax = r.round(tax / available * qty, RoundType::Regular, false);
                base_tax = r.round(base_tax / available * qty, RoundType::Base, false);
                c = r.round(c / available * qty, RoundType::Regular, false);
                base_c = r.round(base_c / available * qty, RoundType::Base, false);
            }
        }
        lt.tax_amount = Amount::new(tax);
        lt.base_tax_amount = Amount::new(base_tax);
        lt.discount_tax_compensation_amount = Amount::new(c);
        lt.base_discount_tax_compensation_amount = Amount::new(base_c);
        total += tax;
        base_total += base_tax;
        comp += c;
        base_comp += base_c;
    }
    let order_shipping = dec(order.shipping_amount);
    let base_order_shipping = dec(order.base_shipping_amount);
    let delta = base_order_shipping - dec(order.base_shipping_refunded);
    let refunded_shipping = t.base_shipping_amount.decimal();
    let (mut shipping_tax, mut base_shipping_tax) = (Decimal::ZERO, Decimal::ZERO);
    let (mut shipping_comp, mut base_shipping_comp) = (Decimal::ZERO, Decimal::ZERO);
    let mut partial_shipping = false;
    if let Some((invoice, _)) = invoice {
        if !base_order_shipping.is_zero() {
            let factor = refunded_shipping / base_order_shipping;
            let invoice_tax = dec(invoice.shipping_tax_amount);
            shipping_tax = r.round(invoice_tax * factor, RoundType::Regular, false);
            base_shipping_tax = r.round(
                dec(invoice.base_shipping_tax_amount) * factor,
                RoundType::Base,
                false,
            );
            // The shipping's compensation joins the lines' before one rounding of the sum.
            comp = r.round(
                comp + dec(invoice.shipping_discount_tax_compensation_amount) * factor,
                RoundType::Regular,
                false,
            );
            base_comp = r.round(
                base_comp + dec(invoice.base_shipping_discount_tax_compensation_amnt) * factor,
                RoundType::Base,
                false,
            );
            partial_shipping = factor < Decimal::ONE && invoice_tax > Decimal::ZERO;
        }
    } else if delta > refunded_shipping
        && !order_shipping.is_zero()
        && !base_order_shipping.is_zero()
    {
        let part = t.shipping_amount.decimal() / order_shipping;
        let base_part = refunded_shipping / base_order_shipping;
        shipping_tax = r.round(
            dec(order.shipping_tax_amount) * part,
            RoundType::Regular,
            false,
        );
        base_shipping_tax = r.round(
            dec(order.base_shipping_tax_amount) * base_part,
            RoundType::Base,
            false,
        );
        shipping_comp = r.round(
            dec(order.shipping_discount_tax_compensation_amount) * part,
            RoundType::Regular,
            false,
        );
        base_shipping_comp = r.round(
            dec(order.base_shipping_discount_tax_compensation_amnt) * base_part,
            RoundType::Base,
            false,
        );
        partial_shipping = part < Decimal::ONE && dec(order.shipping_tax_amount) > Decimal::ZERO;
    } else if delta == refunded_shipping {
        shipping_tax = dec(order.shipping_tax_amount) - dec(order.shipping_tax_refunded);
        base_shipping_tax =
            dec(order.base_shipping_tax_amount) - dec(order.base_shipping_tax_refunded);
        shipping_comp = dec(order.shipping_discount_tax_compensation_amount);
        base_shipping_comp = dec(order.base_shipping_discount_tax_compensation_amnt);
    }
    total += shipping_tax;
    base_total += base_shipping_tax;
    comp += shipping_comp;
    base_comp += base_shipping_comp;
    let (allowed, base_allowed, allowed_comp, base_allowed_comp) = match invoice {
        Some((invoice, done)) => (
            dec(invoice.tax_amount) - done.tax.decimal(),
            dec(invoice.base_tax_amount) - done.base_tax.decimal(),
            dec(invoice.discount_tax_compensation_amount)
                + dec(invoice.shipping_discount_tax_compensation_amount)
                - done.comp.decimal()
                - done.shipping_comp.decimal(),
            dec(invoice.base_discount_tax_compensation_amount)
                + dec(invoice.base_shipping_discount_tax_compensation_amnt)
                - done.base_comp.decimal()
                - done.base_shipping_comp.decimal(),
        ),
        None => (
            dec(order.tax_invoiced) - dec(order.tax_refunded),
            dec(order.base_tax_invoiced) - dec(order.base_tax_refunded),
            dec(order.discount_tax_compensation_invoiced)
                + dec(order.shipping_discount_tax_compensation_amount)
                - dec(order.discount_tax_compensation_refunded),
            dec(order.base_discount_tax_compensation_invoiced)
                + dec(order.base_shipping_discount_tax_compensation_amnt)
                - dec(order.base_discount_tax_compensation_refunded),
        ),
    };
    let memo_is_last = lines.iter().all(RefundLine::is_last);
    if memo_is_last && !partial_shipping {
        (total, base_total, comp, base_comp) =
            (allowed, base_allowed, allowed_comp, base_allowed_comp);
    } else {
        total = total.min(allowed);
        base_total = base_total.min(base_allowed);
        comp = comp.min(allowed_comp);
        base_comp = base_comp.min(base_allowed_comp);
    }
    t.tax_amount = Amount::new(total);
    t.base_tax_amount = Amount::new(base_total);
    t.discount_tax_compensation_amount = Amount::new(comp);
    t.base_discount_tax_compensation_amount = Amount::new(base_comp);
    t.shipping_tax_amount = Amount::new(shipping_tax);
    t.base_shipping_tax_amount = Amount::new(base_shipping_tax);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        Amount::parse(s).unwrap()
    }

    /// The tutorial's order 3 fully invoiced: 20 × 36 (discount 144), 40 × 32 (256), 1 × 22
    /// (4.4), shipping 300.
    fn invoiced_order() -> (Order, Vec<OrderItem>) {
        let item = |id: i64, name: &str, qty: &str, price: &str, disc: &str| OrderItem {
            item_id: id,
            name: Some(name.into()),
            qty_ordered: a(qty),
            qty_invoiced: a(qty),
            price: a(price),
            row_invoiced: a(qty).checked_mul(a(price)).unwrap(),
            base_row_invoiced: a(qty).checked_mul(a(price)).unwrap(),
            row_total_incl_tax: a(qty).checked_mul(a(price)),
            base_row_total_incl_tax: a(qty).checked_mul(a(price)),
            discount_invoiced: a(disc),
            base_discount_invoiced: a(disc),
            ..Default::default()
        };
        let order = Order {
            shipping_amount: Some(a("300")),
            base_shipping_amount: Some(a("300")),
            shipping_incl_tax: Some(a("300")),
            base_shipping_incl_tax: Some(a("300")),
            shipping_tax_amount: Some(a("0")),
            base_shipping_tax_amount: Some(a("0")),
            base_shipping_discount_amount: Some(a("0")),
            total_paid: Some(a("1917.6")),
            base_total_paid: Some(a("1917.6")),
            ..Default::default()
        };
        let items = vec![
            item(3, "Driven Backpack", "20", "36", "144"),
            item(4, "Voyage Yoga Bag", "40", "32", "256"),
            item(5, "Yoga Adventure", "1", "22", "4.4"),
        ];
        (order, items)
    }

    #[test]
    fn a_full_refund_gives_back_the_grand_total() {
        let (order, items) = invoiced_order();
        let lines: Vec<RefundLine> = items
            .iter()
            .map(|i| RefundLine {
                item: i,
                qty: i.qty_to_refund(),
            })
            .collect();
        let t = collect(&order, &lines, RefundArguments::default(), None).unwrap();
        assert_eq!(t.subtotal, a("2022"));
        assert_eq!(t.discount_amount, a("-404.4"));
        assert_eq!(t.shipping_amount, a("300"));
        assert_eq!(t.grand_total, a("1917.6"));
        assert_eq!(t.adjustment, a("0"));
        assert_eq!(t.lines[0].discount_amount, Some(a("144")));
    }

    #[test]
    fn partial_refunds_prorate_over_what_was_invoiced_and_check_shipping() {
        let (order, items) = invoiced_order();
        let lines = vec![RefundLine {
            item: &items[0],
            qty: a("3"),
        }];
        let args = RefundArguments {
            shipping_amount: Some(a("10.004")),
            adjustment_positive: Some(a("5.53")),
            adjustment_negative: Some(a("1")),
        };
        let t = collect(&order, &lines, args, None).unwrap();
        // 720 / 20 × 3 = 108; discount 144 / 20 × 3 = 21.6.
        assert_eq!(t.subtotal, a("108"));
        assert_eq!(t.discount_amount, a("-21.6"));
        assert_eq!(t.shipping_amount, a("10"));
        assert_eq!(t.adjustment, a("4.53"));
        assert_eq!(t.grand_total, a("100.93"));
        let too_much = RefundArguments {
            shipping_amount: Some(a("300.01")),
            ..Default::default()
        };
        assert_eq!(
            collect(&order, &lines, too_much, None).unwrap_err().body(),
            serde_json::json!({"message": e::MAX_SHIPPING_TO_REFUND, "parameters": ["$300.00"]})
        );
    }

    /// `Total\Tax` through an invoice: the invoice's shipping tax in the part of the order's
    /// shipping refunded (none when the invoice carried none), where without one the order's
    /// shipping tax is what is left of it.
    #[test]
    fn shipping_tax_through_an_invoice_is_the_invoices() {
        let (mut order, mut items) = invoiced_order();
        items.truncate(1);
        items[0].tax_invoiced = a("57.6");
        items[0].base_tax_invoiced = a("57.6");
        order.shipping_tax_amount = Some(a("24"));
        order.base_shipping_tax_amount = Some(a("24"));
        order.tax_invoiced = Some(a("81.6"));
        order.base_tax_invoiced = Some(a("81.6"));
        let carried = Invoice {
            shipping_tax_amount: Some(a("24")),
            base_shipping_tax_amount: Some(a("24")),
            tax_amount: Some(a("81.6")),
            base_tax_amount: Some(a("81.6")),
            ..Default::default()
        };
        let none = InvoiceRefunded::default();
        let lines = vec![RefundLine {
            item: &items[0],
            qty: a("5"),
        }];
        let half = || RefundArguments {
            shipping_amount: Some(a("150")),
            ..Default::default()
        };
        // 57.6 / 20 × 5 = 14.4, and half of the invoice's 24.
        let t = collect(&order, &lines, half(), Some((&carried, &none))).unwrap();
        assert_eq!((t.tax_amount, t.shipping_tax_amount), (a("26.4"), a("12")));
        // The invoice's tax less what its earlier memos refunded caps it.
        let earlier = InvoiceRefunded {
            tax: a("71.6"),
            base_tax: a("71.6"),
            ..Default::default()
        };
        let t = collect(&order, &lines, half(), Some((&carried, &earlier))).unwrap();
        assert_eq!(t.tax_amount, a("10"));
        // Without an invoice the order's shipping tax, prorated the same here.
        let t = collect(&order, &lines, half(), None).unwrap();
        assert_eq!((t.tax_amount, t.shipping_tax_amount), (a("26.4"), a("12")));
        // An invoice that carried no shipping refunds the shipping without its tax.
        let whole = RefundArguments {
            shipping_amount: Some(a("300")),
            ..Default::default()
        };
        let lines_only = Invoice {
            tax_amount: Some(a("57.6")),
            base_tax_amount: Some(a("57.6")),
            ..Default::default()
        };
        let t = collect(&order, &lines, whole, Some((&lines_only, &none))).unwrap();
        assert_eq!((t.tax_amount, t.shipping_tax_amount), (a("14.4"), a("0")));
        let t = collect(&order, &lines, whole, None).unwrap();
        assert_eq!((t.tax_amount, t.shipping_tax_amount), (a("38.4"), a("24")));
    }

    #[test]
    fn quantities_are_cast_and_capped() {
        let (_, items) = invoiced_order();
        assert_eq!(process_qty(&items[0], a("2.7")).unwrap(), a("2"));
        assert_eq!(process_qty(&items[0], a("-1")).unwrap(), a("0"));
        assert_eq!(
            process_qty(&items[0], a("21")).unwrap_err().body(),
            serde_json::json!({"message": e::INVALID_QTY_TO_REFUND, "parameters": ["Driven Backpack"]})
        );
    }

    #[test]
    fn currency_as_magento_formats_it() {
        assert_eq!(format_currency(Some("USD"), Decimal::new(6, 0)), "$6.00");
        assert_eq!(format_currency(None, Decimal::new(191760, 2)), "$1,917.60");
        assert_eq!(
            format_currency(Some("USD"), Decimal::new(123456789, 1)),
            "$12,345,678.90"
        );
    }
}
