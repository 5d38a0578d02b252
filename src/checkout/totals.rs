//! Quote totals, as Magento's `quote/totals` collectors compute them for the carts magemu holds
//! (checkout.md 5): subtotal (100), discount (300, cart price rules), shipping (350, flat rate),
//! tax (450, no tax rule: 0), grand total (550).
//!
//! - subtotal: `row_total = round(price × qty, 2)` per line, summed
//!   (`module-quote/Model/Quote/Address/Total/Subtotal.php`, `Quote/Item/AbstractItem::calcRowTotal`).
//! - discount: `module-sales-rule/Model/Quote/Discount.php` → `RulesApplier::applyRules` →
//!   `Rule/Action/Discount/ByPercent.php`: `(qty × price − discount so far) × pct`, the rounding
//!   remainder carried to the next line of the same rule (`Utility::deltaRoundingFix`), the
//!   line's `discount_percent` += the rule's percent. The address condition (subtotal ≥ 200 for
//!   Luma rule 3) is checked once per address on the base subtotal (`Utility::canProcessRule`).
//! - shipping: `module-offline-shipping/Model/Carrier/Flatrate.php` with type `I` (per item):
//!   price × the shippable units; virtual and downloadable lines are not shipped
//!   (`Quote/Address/Total/Shipping.php` skips `isVirtual()` products).

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::quotes::QuoteItemRow;

/// A cart price rule (`salesrule`), held as data. Only `by_percent` rules without coupon and
/// with a base-subtotal address condition are modelled.
#[derive(Debug, Clone)]
pub struct CartRule {
    pub rule_id: i64,
    pub name: &'static str,
    /// The store label; `None` prints "Discount" in `discounts[].rule_label` (2.4.0
    /// `RulesApplier::setDiscountBreakdown`: `getStoreLabel($store) ?: __('Discount')`).
    pub store_label: Option<&'static str>,
    pub percent: i64,
    pub min_base_subtotal: i64,
    pub customer_group_ids: &'static [i64],
    pub website_ids: &'static [i64],
}

/// The active rules of the tutorial world (tutorial/README.md 5.7): Luma's rule 3.
pub const RULES: &[CartRule] = &[CartRule {
    rule_id: 3,
    name: "20% OFF Every $200-plus purchase!",
    store_label: None,
    percent: 20,
    min_base_subtotal: 200,
    customer_group_ids: &[1],
    website_ids: &[1],
}];

/// `carriers/flatrate`: active, type `I`, price 5, title "Flat Rate", method name "Fixed".
pub const FLAT_RATE_PRICE: i64 = 5;
pub const FLAT_RATE_CODE: &str = "flatrate_flatrate";
pub const FLAT_RATE_CARRIER_TITLE: &str = "Flat Rate";
pub const FLAT_RATE_METHOD_TITLE: &str = "Fixed";

/// The active offline payment methods, in config order (checkout.md 7.3).
pub const PAYMENT_METHODS: &[(&str, &str)] = &[
    ("checkmo", "Check / Money order"),
    ("banktransfer", "Bank Transfer Payment"),
];

/// One line's collected figures.
#[derive(Debug, Clone)]
pub struct LineTotals {
    pub row_total: Amount,
    pub discount: Amount,
    pub discount_percent: Amount,
    /// `(rule, amount)` per applied rule: `extension_attributes.discounts`.
    pub discounts: Vec<(i64, &'static str, Amount)>,
    pub applied_rule_ids: Option<String>,
}

/// The collected totals of a cart's (shipping, or for a virtual cart billing) address.
#[derive(Debug, Clone)]
pub struct Totals {
    pub lines: Vec<LineTotals>,
    pub subtotal: Amount,
    /// Negative, as Magento stores it.
    pub discount: Amount,
    pub shipping: Amount,
    pub shipping_description: Option<String>,
    pub grand_total: Amount,
    pub items_qty: Amount,
    pub shippable_qty: Amount,
    pub is_virtual: bool,
    pub applied_rule_ids: Option<String>,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Flat rate for `units` shippable units (type `I`).
pub fn flat_rate(units: Amount) -> Amount {
    Amount::new(units.decimal() * Decimal::from(FLAT_RATE_PRICE))
}

/// Collects the totals of `items` for a customer of `group_id` on `website_id`, with the
/// shipping method `method` (`carrier_method`) when one is set.
pub fn collect(
    items: &[QuoteItemRow],
    group_id: i64,
    website_id: i64,
    method: Option<&str>,
) -> Totals {
    let mut lines: Vec<LineTotals> = items
        .iter()
        .map(|i| LineTotals {
            row_total: Amount::new(round2(i.price.decimal() * i.qty.decimal())),
            discount: Amount::ZERO,
            discount_percent: Amount::ZERO,
            discounts: Vec::new(),
            applied_rule_ids: None,
        })
        .collect();
    let subtotal: Amount = lines.iter().map(|l| l.row_total).sum();
    let mut applied: Vec<i64> = Vec::new();
    for rule in RULES {
        let applies = rule.customer_group_ids.contains(&group_id)
            && rule.website_ids.contains(&website_id)
            && subtotal.decimal() >= Decimal::from(rule.min_base_subtotal);
        if !applies || items.is_empty() {
            continue;
        }
        let pct = Decimal::from(rule.percent.min(100)) / Decimal::from(100);
        let mut delta = Decimal::ZERO;
        for line in &mut lines {
            let raw = (line.row_total.decimal() - line.discount.decimal()) * pct + delta;
            let amount = round2(raw);
            delta = raw - amount;
            let amount = Amount::new(amount).min(line.row_total - line.discount);
            line.discount += amount;
            let percent = (line.discount_percent.decimal() + Decimal::from(rule.percent))
                .min(Decimal::from(100));
            line.discount_percent = Amount::new(percent);
            line.discounts
                .push((rule.rule_id, rule.store_label.unwrap_or("Discount"), amount));
            let ids = match line.applied_rule_ids.take() {
                Some(s) => format!("{s},{}", rule.rule_id),
                None => rule.rule_id.to_string(),
            };
            line.applied_rule_ids = Some(ids);
        }
        applied.push(rule.rule_id);
    }
    let discount = -lines.iter().map(|l| l.discount).sum::<Amount>();
    let items_qty: Amount = items.iter().map(|i| i.qty).sum();
    let shippable_qty: Amount = items
        .iter()
        .filter(|i| i.is_virtual == 0)
        .map(|i| i.qty)
        .sum();
    let is_virtual = !items.is_empty() && items.iter().all(|i| i.is_virtual != 0);
    let (shipping, shipping_description) = match method {
        Some(FLAT_RATE_CODE) if !is_virtual => (
            flat_rate(shippable_qty),
            Some(format!(
                "{FLAT_RATE_CARRIER_TITLE} - {FLAT_RATE_METHOD_TITLE}"
            )),
        ),
        _ => (Amount::ZERO, None),
    };
    let grand_total = subtotal + discount + shipping;
    let applied_rule_ids = (!applied.is_empty()).then(|| {
        applied
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    });
    Totals {
        lines,
        subtotal,
        discount,
        shipping,
        shipping_description,
        grand_total,
        items_qty,
        shippable_qty,
        is_virtual,
        applied_rule_ids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(price: i64, qty: i64, is_virtual: i64) -> QuoteItemRow {
        QuoteItemRow {
            price: price.into(),
            qty: qty.into(),
            is_virtual,
            ..Default::default()
        }
    }

    #[test]
    fn tutorial_cart() {
        let items = [line(36, 20, 0), line(32, 40, 0), line(22, 1, 1)];
        let t = collect(&items, 1, 1, Some(FLAT_RATE_CODE));
        assert_eq!(t.subtotal.decimal().normalize().to_string(), "2022");
        assert_eq!(t.discount.decimal().normalize().to_string(), "-404.4");
        assert_eq!(t.shipping.decimal().normalize().to_string(), "300");
        assert_eq!(t.grand_total.decimal().normalize().to_string(), "1917.6");
        assert_eq!(t.applied_rule_ids.as_deref(), Some("3"));
    }

    #[test]
    fn under_threshold_no_discount() {
        let t = collect(&[line(32, 2, 0)], 1, 1, None);
        assert!(t.discount.is_zero());
        assert!(t.lines[0].discounts.is_empty());
    }
}
