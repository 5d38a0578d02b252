//! Quote totals, as Magento's `quote/totals` collectors compute them for the carts magemu holds
//! (checkout.md 5): subtotal (100), discount (300, cart price rules), shipping (350, flat rate),
//! tax (450, the tax rules' rates: [`crate::checkout::tax`]), grand total (550).
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

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::checkout::rules::{
    validate_address, validate_item, AddressFacts, ItemFacts, Rule, FREE_SHIPPING_ADDRESS,
    FREE_SHIPPING_ITEM, NO_COUPON,
};
use crate::checkout::tax::{self, AppliedRow, LineBase, LineTax, RateCandidate, TaxAddress};
use crate::db::quotes::QuoteItemRow;

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
    /// `(rule id, label, amount)` per applied rule: `extension_attributes.discounts`.
    pub discounts: Vec<(i64, String, Amount)>,
    pub applied_rule_ids: Option<String>,
    /// `free_shipping` of the line (a rule's "for matching items only" free shipping).
    pub free_shipping: bool,
    /// The line's tax ([`tax::line_taxes`]).
    pub tax: LineTax,
}

/// The collected totals of a cart's (shipping, or for a virtual cart billing) address.
#[derive(Debug, Clone)]
pub struct Totals {
    pub lines: Vec<LineTotals>,
    pub subtotal: Amount,
    /// Negative, as Magento stores it; the shipping discount included.
    pub discount: Amount,
    pub shipping: Amount,
    /// Positive (`shipping_discount_amount`).
    pub shipping_discount: Amount,
    pub shipping_description: Option<String>,
    /// The flat rate's price for this cart (free boxes taken off), what estimation offers.
    pub flat_rate: Amount,
    pub grand_total: Amount,
    pub items_qty: Amount,
    pub shippable_qty: Amount,
    pub is_virtual: bool,
    pub applied_rule_ids: Option<String>,
    /// `discount_description`: the applied rules' labels, `", "`-joined ("" when none).
    pub discount_description: String,
    /// The coupon a coupon rule applied with (the address's coupon code).
    pub coupon_code: Option<String>,
    /// The lines' tax (shipping is not taxed: its tax class is 0).
    pub tax: Amount,
    /// The lines' `row_total_incl_tax` summed (before discount, as Magento's).
    pub subtotal_incl_tax: Amount,
    /// The address's applied taxes: each group with the lines' tax of it.
    pub applied_taxes: Vec<(AppliedRow, Decimal)>,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Flat rate for `units` shippable units (type `I`).
pub fn flat_rate(units: Amount) -> Amount {
    Amount::new(units.decimal() * Decimal::from(FLAT_RATE_PRICE))
}

/// What a collect needs besides the lines: the cart's active rules, the facts their
/// conditions read, the shipping method and the coupon asked for.
#[derive(Debug, Clone, Default)]
pub struct CollectInput<'a> {
    pub items: &'a [QuoteItemRow],
    /// One per item, same order.
    pub facts: &'a [ItemFacts],
    pub rules: &'a [Rule],
    /// The address's own facts; subtotal, qty and weight are filled in by the collect.
    pub address: AddressFacts,
    pub method: Option<&'a str>,
    /// The tax rules' rates for the cart's customer class.
    pub tax_rates: &'a [RateCandidate],
    /// Where the tax is computed for.
    pub tax_address: TaxAddress,
    /// One per item: its product tax class.
    pub product_classes: &'a [i64],
}

/// `DeltaPriceRound::round`: the remainder of each rounding carried to the next of `kind`.
fn delta_round(deltas: &mut HashMap<String, Decimal>, kind: &str, price: Decimal) -> Decimal {
    if price.is_zero() {
        return price;
    }
    let delta = deltas
        .get(kind)
        .copied()
        .unwrap_or_else(|| Decimal::new(1, 6));
    let price = price + delta;
    let rounded = round2(price);
    deltas.insert(kind.to_owned(), price - rounded);
    rounded
}

/// `Utility::mergeIds`: `a` then the ids of `b` it lacks.
fn merge_ids(a: &mut Vec<i64>, b: i64) {
    if !a.contains(&b) {
        a.push(b);
    }
}

fn joined(ids: &[i64]) -> Option<String> {
    (!ids.is_empty()).then(|| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
}

/// The figures of `initTotals` for a `cart_fixed` rule.
#[derive(Debug, Clone, Default)]
struct CartFixedTotals {
    items_price: Decimal,
    items_count: i64,
    affected: Vec<usize>,
    existing_discount: Option<Decimal>,
}

/// Collects the totals of a cart (checkout.md 5): subtotal (100), shipping (350, with the
/// rules' item free shipping), discount (300, `Quote\Discount`), shipping discount (400,
/// `Quote\Address\Total\ShippingDiscount`), grand total (550).
///
/// Discount, as `Model/Quote/Discount.php::collect` runs it in 2.4.8: lines sorted by rule
/// priority (`Validator::sortItemsByPriority`), then rule by rule, line by line:
/// `discount_step` above the qty skips the line; `Utility::canProcessRule` (uses per customer,
/// the address conditions) and the actions filter the line; the action computes the amount
/// (`Rule/Action/Discount/ByPercent.php`, `ByFixed.php`, `CartFixed.php` with
/// `Helper/CartFixedDiscount.php` and `DeltaPriceRound`), `Utility::deltaRoundingFix` carries the
/// rounding remainder by the line's discount percent, `Utility::minFix` caps the line's total
/// discount at price × qty; `stop_rules_processing` takes the line out of later rules once the
/// rule applied to it. `buy_x_get_y`, `to_percent` and `to_fixed` rules are not applied.
/// Shipping discount (`Validator::processShippingAmount`): rules with `apply_to_shipping` that
/// pass the address conditions, `by_percent`, `by_fixed` and `cart_fixed`, capped at the
/// shipping amount, added to the discount total (so `subtotal_with_discount` includes it, as in
/// Magento).
///
/// Free shipping (`OfflineShipping/Model/Quote/Address/FreeShipping.php`,
/// `SalesRule/Calculator::processFreeShipping`): a rule with `simple_free_shipping` 1 ("for
/// matching items only") makes its lines' units free boxes of the flat rate (`Flatrate.php`:
/// `(qty - free boxes) × price`, 0 when every unit is free); 2 ("for shipment with matching
/// items") only sets the address flag, which the flat rate ignores in 2.4.8 (only the Free
/// Shipping carrier, inactive here, reads it).
/// `Quote::isVirtual`: a cart with lines, every one of them virtual (an empty cart is not).
pub fn is_virtual(items: &[QuoteItemRow]) -> bool {
    !items.is_empty() && items.iter().all(|i| i.is_virtual != 0)
}

pub fn collect(input: &CollectInput<'_>) -> Totals {
    let items = input.items;
    let n = items.len();
    let facts = |i: usize| input.facts.get(i).cloned().unwrap_or_default();
    let mut lines: Vec<LineTotals> = items
        .iter()
        .map(|i| LineTotals {
            row_total: Amount::new(round2(i.price.decimal() * i.qty.decimal())),
            discount: Amount::ZERO,
            discount_percent: Amount::ZERO,
            discounts: Vec::new(),
            applied_rule_ids: None,
            free_shipping: false,
            tax: LineTax::default(),
        })
        .collect();
    let subtotal: Amount = lines.iter().map(|l| l.row_total).sum();
    let items_qty: Amount = items.iter().map(|i| i.qty).sum();
    let shippable_qty: Amount = items
        .iter()
        .filter(|i| i.is_virtual == 0)
        .map(|i| i.qty)
        .sum();
    let is_virtual = is_virtual(items);
    let mut address = input.address.clone();
    address.base_subtotal = subtotal.decimal();
    address.total_qty = items_qty.decimal();
    address.weight = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.is_virtual == 0)
        .map(|(n, i)| facts(n).weight.unwrap_or_default() * i.qty.decimal())
        .sum();
    let all_facts: Vec<ItemFacts> = (0..n).map(facts).collect();
    let rules = input.rules;
    // canProcessRule, once per address.
    let valid: Vec<bool> = rules
        .iter()
        .map(|r| !r.used_up && validate_address(&r.conditions, &address, &all_facts))
        .collect();
    let acts = |r: &Rule, i: usize| validate_item(&r.actions, &all_facts[i]);

    // Shipping (350) with the rules' free shipping.
    let mut address_free = false;
    for (i, line) in lines.iter_mut().enumerate() {
        for (r, ok) in rules.iter().zip(&valid) {
            if !ok || !acts(r, i) {
                continue;
            }
            match r.simple_free_shipping {
                FREE_SHIPPING_ITEM => line.free_shipping = true,
                FREE_SHIPPING_ADDRESS => address_free = true,
                _ => {}
            }
            if r.stop_rules_processing {
                break;
            }
        }
        if address_free {
            break;
        }
    }
    let free_boxes: Decimal = items
        .iter()
        .zip(&lines)
        .filter(|(i, l)| i.is_virtual == 0 && l.free_shipping)
        .map(|(i, _)| i.qty.decimal())
        .sum();
    let flat = if shippable_qty.decimal() == free_boxes {
        Amount::ZERO
    } else {
        Amount::new((shippable_qty.decimal() - free_boxes) * Decimal::from(FLAT_RATE_PRICE))
    };
    let (shipping, shipping_description) = match input.method {
        Some(FLAT_RATE_CODE) if !is_virtual && n > 0 => (
            flat,
            Some(format!(
                "{FLAT_RATE_CARRIER_TITLE} - {FLAT_RATE_METHOD_TITLE}"
            )),
        ),
        _ => (Amount::ZERO, None),
    };

    // Discount (300).
    let mut applied: Vec<i64> = Vec::new();
    let mut descriptions: Vec<(i64, String)> = Vec::new();
    let mut address_coupon: Option<String> = None;
    let mut note_rule =
        |r: &Rule, applied: &mut Vec<i64>, descriptions: &mut Vec<(i64, String)>| {
            merge_ids(applied, r.rule_id);
            if let Some(label) = r.description_label() {
                match descriptions.iter_mut().find(|(id, _)| *id == r.rule_id) {
                    Some(d) => d.1 = label,
                    None => descriptions.push((r.rule_id, label)),
                }
            }
            if r.coupon_type != NO_COUPON {
                address_coupon = r.coupon_code.clone();
            }
        };
    if n > 0 {
        let mut order: Vec<usize> = Vec::new();
        let mut rest: Vec<usize> = (0..n).collect();
        for r in rules {
            rest.retain(|&i| {
                let hit = acts(r, i);
                if hit {
                    order.push(i);
                }
                !hit
            });
        }
        order.extend(rest);
        let price = |i: usize| items[i].price.decimal();
        let item_qty = |r: &Rule, i: usize| {
            let qty = items[i].qty.decimal();
            match r.discount_qty.filter(|q| !q.is_zero()) {
                Some(max) => qty.min(max),
                None => qty,
            }
        };
        let mut cart_fixed: HashMap<i64, CartFixedTotals> = HashMap::new();
        for (r, ok) in rules.iter().zip(&valid) {
            if r.simple_action != "cart_fixed" || !ok {
                continue;
            }
            let mut t = CartFixedTotals::default();
            for i in 0..n {
                if acts(r, i) {
                    t.items_price += price(i) * item_qty(r, i);
                    t.items_count += 1;
                    t.affected.push(i);
                }
            }
            cart_fixed.insert(r.rule_id, t);
        }
        let mut percent_deltas: HashMap<String, Decimal> = HashMap::new();
        let mut price_deltas: HashMap<String, Decimal> = HashMap::new();
        let mut available: HashMap<i64, Decimal> = HashMap::new();
        let mut to_apply = order;
        for (ri, r) in rules.iter().enumerate() {
            let step = Decimal::from(r.discount_step);
            for i in to_apply.clone() {
                let qty_all = items[i].qty.decimal();
                match r.simple_action.as_str() {
                    "by_percent" | "by_fixed" if step > qty_all => continue,
                    "buy_x_get_y" if step >= qty_all => continue,
                    _ => {}
                }
                if !valid[ri] || !acts(r, i) {
                    continue;
                }
                let mut qty = item_qty(r, i);
                if matches!(r.simple_action.as_str(), "by_percent" | "by_fixed") && !step.is_zero()
                {
                    qty = (qty / step).floor() * step;
                }
                let line_discount = lines[i].discount.decimal();
                let amount = match r.simple_action.as_str() {
                    "by_percent" => {
                        let pct = r.discount_amount.min(Decimal::ONE_HUNDRED);
                        if r.discount_qty.is_none_or(|q| q.is_zero() || q >= qty) {
                            let dp = (lines[i].discount_percent.decimal() + pct)
                                .min(Decimal::ONE_HUNDRED);
                            lines[i].discount_percent = Amount::new(dp);
                        }
                        (qty * price(i) - line_discount) * pct / Decimal::ONE_HUNDRED
                    }
                    "by_fixed" => (price(i) * qty_all - line_discount).min(r.discount_amount * qty),
                    "cart_fixed" => {
                        let kind = format!("CartFixed{}", r.rule_id);
                        let left = *available.entry(r.rule_id).or_insert(r.discount_amount);
                        let Some(t) = cart_fixed.get_mut(&r.rule_id) else {
                            continue;
                        };
                        if left <= Decimal::ZERO {
                            Decimal::ZERO
                        } else {
                            let rule_totals = if r.apply_to_shipping && input.method.is_some() {
                                t.items_price + flat.decimal()
                            } else {
                                t.items_price
                            };
                            let row = price(i) * qty;
                            let base = if r.apply_to_shipping {
                                let ratio = if rule_totals.is_zero() {
                                    Decimal::ZERO
                                } else {
                                    row / rule_totals
                                };
                                delta_round(&mut price_deltas, &kind, r.discount_amount * ratio)
                            } else {
                                let existing = *t.existing_discount.get_or_insert_with(|| {
                                    t.affected
                                        .iter()
                                        .map(|&a| lines[a].discount.decimal())
                                        .sum()
                                });
                                let rest = rule_totals - existing;
                                let ratio = if rest.is_zero() {
                                    Decimal::ZERO
                                } else {
                                    ((row - line_discount) / rest).min(Decimal::ONE)
                                };
                                delta_round(&mut price_deltas, &kind, r.discount_amount * ratio)
                            };
                            let raw = base;
                            let mut base = row.min(base);
                            if t.items_count <= 1 {
                                price_deltas.remove(&kind);
                                base = base.min(left);
                            } else {
                                t.items_count -= 1;
                            }
                            let base = round2(base);
                            let left = left - base;
                            available.insert(r.rule_id, left);
                            if left <= Decimal::ZERO {
                                price_deltas.remove(&kind);
                            }
                            round2(row.min(raw))
                        }
                    }
                    // buy_x_get_y, to_percent, to_fixed: not emulated (see the doc).
                    _ => continue,
                };
                // Utility::deltaRoundingFix, keyed by the line's discount percent.
                let mut amount = amount;
                let percent = lines[i].discount_percent.decimal().normalize();
                if !percent.is_zero() && lines[i].row_total.decimal() > Decimal::ZERO {
                    let key = percent.to_string();
                    amount += percent_deltas.get(&key).copied().unwrap_or_default();
                    percent_deltas.insert(key, amount - round2(amount));
                }
                if percent == Decimal::ONE_HUNDRED {
                    let over = lines[i].row_total.decimal() - amount;
                    if over < Decimal::ZERO {
                        amount += over;
                    }
                }
                let amount = round2(amount);
                let line = &mut lines[i];
                if amount > Decimal::ZERO {
                    let label = r.label.clone().filter(|l| !l.is_empty());
                    let label = label.unwrap_or_else(|| "Discount".into());
                    match line.discounts.iter_mut().find(|d| d.0 == r.rule_id) {
                        Some(d) => d.2 = Amount::new(amount),
                        None => line.discounts.push((r.rule_id, label, Amount::new(amount))),
                    }
                }
                // Utility::minFix: the line's whole discount, at most price × qty.
                let total = (line_discount + amount).min(price(i) * qty_all);
                line.discount = Amount::new(total);
                let mut ids: Vec<i64> = line
                    .applied_rule_ids
                    .as_deref()
                    .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
                    .unwrap_or_default();
                merge_ids(&mut ids, r.rule_id);
                line.applied_rule_ids = joined(&ids);
                note_rule(r, &mut applied, &mut descriptions);
                if r.stop_rules_processing {
                    to_apply.retain(|&x| x != i);
                }
            }
        }
    }
    let mut discount = -lines.iter().map(|l| l.discount).sum::<Amount>();

    // Shipping discount (400).
    let mut shipping_discount = Decimal::ZERO;
    if n > 0 && !shipping.is_zero() {
        let ship = shipping.decimal();
        for (r, ok) in rules.iter().zip(&valid) {
            if !r.apply_to_shipping || !ok {
                continue;
            }
            let amount = match r.simple_action.as_str() {
                "by_percent" => {
                    let pct = r.discount_amount.min(Decimal::ONE_HUNDRED);
                    (ship - shipping_discount) * pct / Decimal::ONE_HUNDRED
                }
                "by_fixed" => r.discount_amount,
                "cart_fixed" if r.discount_amount > Decimal::ZERO => {
                    let whole = subtotal.decimal() + ship;
                    if whole.is_zero() {
                        Decimal::ZERO
                    } else {
                        round2(r.discount_amount * ship / whole)
                    }
                }
                _ => Decimal::ZERO,
            };
            shipping_discount = round2((shipping_discount + amount).min(ship));
            note_rule(r, &mut applied, &mut descriptions);
            if r.stop_rules_processing {
                break;
            }
        }
        discount -= Amount::new(shipping_discount);
    }
    // Tax (450), after the discount, on the lines only; the rates found once a product class.
    let mut rates_of_class: HashMap<i64, Vec<AppliedRow>> = HashMap::new();
    let bases: Vec<LineBase> = items
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(n, (item, line))| {
            let class = input.product_classes.get(n).copied().unwrap_or(2);
            LineBase {
                price: item.price.decimal(),
                qty: item.qty.decimal(),
                row_total: line.row_total.decimal(),
                discount: line.discount.decimal(),
                rows: rates_of_class
                    .entry(class)
                    .or_insert_with(|| {
                        tax::applied_rows(input.tax_rates, class, &input.tax_address)
                    })
                    .clone(),
            }
        })
        .collect();
    let line_taxes = tax::line_taxes(&bases);
    let applied_taxes = tax::address_applied(&line_taxes);
    for (line, t) in lines.iter_mut().zip(line_taxes) {
        line.tax = t;
    }
    let tax_total = Amount::new(lines.iter().map(|l| l.tax.tax_amount).sum());
    let subtotal_incl_tax = Amount::new(lines.iter().map(|l| l.tax.row_total_incl_tax).sum());
    let grand_total = subtotal + discount + shipping + tax_total;
    let mut labels: Vec<&str> = Vec::new();
    for (_, l) in &descriptions {
        if !labels.contains(&l.as_str()) {
            labels.push(l);
        }
    }
    Totals {
        lines,
        subtotal,
        discount,
        shipping,
        shipping_discount: Amount::new(shipping_discount),
        shipping_description,
        flat_rate: flat,
        grand_total,
        items_qty,
        shippable_qty,
        is_virtual,
        applied_rule_ids: joined(&applied),
        discount_description: labels.join(", "),
        coupon_code: address_coupon,
        tax: tax_total,
        subtotal_incl_tax,
        applied_taxes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkout::rules::{ADDRESS, COMBINE, PRODUCT, PRODUCT_COMBINE};
    use serde_json::{json, Value};

    fn line(price: i64, qty: i64, is_virtual: i64) -> QuoteItemRow {
        QuoteItemRow {
            price: price.into(),
            qty: qty.into(),
            is_virtual,
            ..Default::default()
        }
    }

    fn facts(sku: &str) -> ItemFacts {
        ItemFacts {
            sku: sku.into(),
            ..Default::default()
        }
    }

    fn conditions(children: Vec<Value>) -> Value {
        json!({"type": COMBINE, "attribute": null, "operator": null, "value": "1",
               "is_value_processed": null, "aggregator": "all", "conditions": children})
    }

    fn actions(children: Vec<Value>) -> Value {
        json!({"type": PRODUCT_COMBINE, "attribute": null, "operator": null, "value": "1",
               "is_value_processed": null, "aggregator": "all", "conditions": children})
    }

    fn rule(id: i64, action: &str, amount: i64) -> Rule {
        Rule {
            rule_id: id,
            coupon_type: NO_COUPON,
            simple_action: action.into(),
            discount_amount: amount.into(),
            conditions: conditions(vec![]),
            actions: actions(vec![]),
            ..Default::default()
        }
    }

    /// Luma's rule 3: 20 % when the base subtotal is at least 200.
    fn rule3() -> Rule {
        Rule {
            conditions: conditions(vec![json!({"type": ADDRESS, "attribute": "base_subtotal",
                "operator": ">=", "value": "200", "is_value_processed": false})]),
            ..rule(3, "by_percent", 20)
        }
    }

    fn run(items: &[QuoteItemRow], rules: &[Rule], method: Option<&str>) -> Totals {
        let f: Vec<ItemFacts> = items.iter().map(|_| facts("x")).collect();
        collect(&CollectInput {
            items,
            facts: &f,
            rules,
            address: AddressFacts::default(),
            method,
            ..CollectInput::default()
        })
    }

    fn text(a: Amount) -> String {
        a.decimal().normalize().to_string()
    }

    #[test]
    fn tutorial_cart() {
        let items = [line(36, 20, 0), line(32, 40, 0), line(22, 1, 1)];
        let t = run(&items, &[rule3()], Some(FLAT_RATE_CODE));
        assert_eq!(text(t.subtotal), "2022");
        assert_eq!(text(t.discount), "-404.4");
        assert_eq!(text(t.shipping), "300");
        assert_eq!(text(t.grand_total), "1917.6");
        assert_eq!(t.applied_rule_ids.as_deref(), Some("3"));
        assert_eq!(t.discount_description, "");
        let l: Vec<String> = t.lines.iter().map(|l| text(l.discount)).collect();
        assert_eq!(l, ["144", "256", "4.4"]);
    }

    #[test]
    fn under_threshold_no_discount() {
        let t = run(&[line(32, 2, 0)], &[rule3()], None);
        assert!(t.discount.is_zero());
        assert!(t.lines[0].discounts.is_empty());
        assert_eq!(t.applied_rule_ids, None);
    }

    #[test]
    fn by_fixed_per_unit_capped_at_the_row() {
        // ByFixed: min(price × qty − discount so far, amount × qty) per line.
        let t = run(
            &[line(36, 3, 0), line(4, 2, 0)],
            &[rule(7, "by_fixed", 5)],
            None,
        );
        let l: Vec<String> = t.lines.iter().map(|l| text(l.discount)).collect();
        assert_eq!(l, ["15", "8"]);
        assert_eq!(text(t.discount), "-23");
    }

    #[test]
    fn by_fixed_with_discount_step_and_qty() {
        // step 2 floors qty 5 to 4; discount_qty 3 caps it first: min(5, 3) = 3 → 2.
        let r = Rule {
            discount_step: 2,
            discount_qty: Some(3.into()),
            ..rule(7, "by_fixed", 1)
        };
        let t = run(&[line(10, 5, 0)], &[r], None);
        assert_eq!(text(t.lines[0].discount), "2");
    }

    #[test]
    fn cart_fixed_spread_by_row_share_with_the_rounding_carried() {
        // 10 over rows 10, 10, 10: 3.333334 → 3.33 (carry .003334), 3.336668 → 3.34 (carry
        // −.003332), 3.330001 → 3.33 on the last line (then the delta is reset and the amount
        // capped at what is left, 3.33).
        let t = run(
            &[line(10, 1, 0), line(10, 1, 0), line(10, 1, 0)],
            &[rule(9, "cart_fixed", 10)],
            None,
        );
        let l: Vec<String> = t.lines.iter().map(|l| text(l.discount)).collect();
        assert_eq!(l, ["3.33", "3.34", "3.33"]);
        assert_eq!(text(t.discount), "-10");
    }

    #[test]
    fn cart_fixed_after_a_percent_rule_takes_the_discounted_rows() {
        // Rule 3 first (20 % of 100 and 150), then 50 fixed over what is left: 80 and 120 of
        // 200 → 20 and 30.
        let r = rule(9, "cart_fixed", 50);
        let t = run(&[line(100, 1, 0), line(150, 1, 0)], &[rule3(), r], None);
        let l: Vec<String> = t.lines.iter().map(|l| text(l.discount)).collect();
        assert_eq!(l, ["40", "60"]);
        assert_eq!(t.applied_rule_ids.as_deref(), Some("3,9"));
    }

    #[test]
    fn stop_rules_processing_keeps_later_rules_off_the_line() {
        let first = Rule {
            stop_rules_processing: true,
            ..rule(4, "by_percent", 10)
        };
        let t = run(&[line(50, 1, 0)], &[first, rule(5, "by_fixed", 1)], None);
        assert_eq!(text(t.lines[0].discount), "5");
        assert_eq!(t.applied_rule_ids.as_deref(), Some("4"));
    }

    #[test]
    fn free_shipping_for_matching_items_only() {
        let mut r = rule(2, "by_percent", 0);
        r.simple_free_shipping = FREE_SHIPPING_ITEM;
        r.actions = actions(vec![json!({"type": PRODUCT, "attribute": "sku",
            "operator": "==", "value": "free", "is_value_processed": false})]);
        let items = [line(10, 3, 0), line(10, 2, 0)];
        let f = [facts("free"), facts("paid")];
        let t = collect(&CollectInput {
            items: &items,
            facts: &f,
            rules: &[r.clone()],
            address: AddressFacts::default(),
            method: Some(FLAT_RATE_CODE),
            ..CollectInput::default()
        });
        // 5 units, 3 free boxes: (5 − 3) × 5.
        assert_eq!(text(t.shipping), "10");
        assert!(t.lines[0].free_shipping && !t.lines[1].free_shipping);
        // Every unit free: 0.
        let f = [facts("free"), facts("free")];
        let t = collect(&CollectInput {
            items: &items,
            facts: &f,
            rules: &[r],
            address: AddressFacts::default(),
            method: Some(FLAT_RATE_CODE),
            ..CollectInput::default()
        });
        assert_eq!(text(t.shipping), "0");
    }

    #[test]
    fn shipping_discounts() {
        let items = [line(10, 4, 0)];
        // by_percent 50 with apply_to_shipping: 20 off the items, 10 off the 20 of shipping.
        let r = Rule {
            apply_to_shipping: true,
            ..rule(6, "by_percent", 50)
        };
        let t = run(&items, &[r], Some(FLAT_RATE_CODE));
        assert_eq!(text(t.shipping_discount), "10");
        assert_eq!(text(t.discount), "-30");
        assert_eq!(text(t.grand_total), "30");
        // cart_fixed 12 with apply_to_shipping over 40 of items and 20 of shipping: the items
        // take 12 × 40 / 60 = 8, the shipping 12 × 20 / 60 = 4.
        let r = Rule {
            apply_to_shipping: true,
            ..rule(8, "cart_fixed", 12)
        };
        let t = run(&items, &[r], Some(FLAT_RATE_CODE));
        assert_eq!(text(t.lines[0].discount), "8");
        assert_eq!(text(t.shipping_discount), "4");
        assert_eq!(text(t.grand_total), "48");
    }
}
