//! A cart's tax (Magento_Tax's quote collectors) on a stock store's configuration: the rates
//! of the rules that match each line, and the line's tax after discount.
//!
//! Configuration (Tax/etc/config.xml, not changeable in magemu): `TOTAL_BASE_CALCULATION`,
//! prices and shipping excluding tax, tax after discount, discount on prices excluding tax,
//! based on the shipping address (a virtual cart's billing one), shipping tax class 0 (shipping
//! is never taxed), products of class 2 unless their `tax_class_id` says otherwise.
//!
//! - The rates ([`applied_rows`]): `ResourceModel/Calculation::_getRates`: the combinations of
//!   the customer's class and the line's product class whose rate is in the address's country
//!   (without case, as MySQL compares), in region 0 or the address's region, and whose postcode
//!   is empty, `*`, the address's postcode or one of its prefixes followed by `*`
//!   (`_createSearchPostCodeTemplates`, at most 10 characters), or whose ZIP range holds a
//!   numeric postcode; ordered by priority, rule, then country, region, postcode and rate
//!   descending, one row per rate. `getCalculationProcess`: a rule gives only its first rate;
//!   the rates of one priority add up; each priority's group compounds on the ones before
//!   (`(100 + total) × rate / 100`) unless its rule has `calculate_subtotal`. A group's id is
//!   its rates' codes joined; the line's `tax_percent` is the groups' sum.
//! - The amounts ([`line_taxes`]): `AbstractAggregateCalculator::calculateWithTaxNotInPrice`
//!   through `TotalBaseCalculator`: per group, the row total's tax before discount and the tax
//!   of the row total less the line's discount, each rounded to cents with the remainder carried
//!   to the next line of the same group (`deltaRound`, separate remainders for the two, starting
//!   at 0.000001). The line's tax is the after-discount one; `row_total_incl_tax` adds the
//!   before-discount one, and `price_incl_tax` is that over the quantity, rounded.
//!
//! Sources: magento2 2.4 app/code/Magento/Tax `Model/ResourceModel/Calculation.php`,
//! `Model/Calculation.php`, `Model/Calculation/AbstractAggregateCalculator.php`,
//! `AbstractCalculator.php`, `TotalBaseCalculator.php`, `Model/Sales/Total/Quote/
//! CommonTaxCollector.php`, and the integration scenarios `Tax/_files/scenarios/
//! excluding_tax_*.php`, `multi_tax_rule_*.php` (/tmp/research/taxcalc.md of session 35).

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::model::{OrderTax, OrderTaxItem};
use crate::sales::order_tax::{PostedTaxes, TaxItemRequest};

/// One (rule, rate) combination for the cart's customer class.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RateCandidate {
    pub rule_id: i64,
    pub priority: i64,
    pub calculate_subtotal: bool,
    pub product_class_id: i64,
    pub rate_id: i64,
    pub code: String,
    /// The rate's title in the cart's store, else its code.
    pub title: String,
    pub value: Decimal,
    pub country: String,
    pub region_id: i64,
    pub postcode: Option<String>,
    pub zip_is_range: bool,
    pub zip_from: Option<i64>,
    pub zip_to: Option<i64>,
}

/// Where the tax is computed for: the address's country, region and postcode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaxAddress {
    pub country: Option<String>,
    pub region_id: Option<i64>,
    pub postcode: Option<String>,
}

/// One rate of an applied group.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedRate {
    pub code: String,
    pub title: String,
    pub percent: Decimal,
}

/// One group of `getAppliedRates`: the rates of one priority.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedRow {
    pub id: String,
    pub percent: Decimal,
    pub rates: Vec<AppliedRate>,
}

/// The longest postcode prefix a rate is looked up by (`Tax\Helper\Data::getPostCodeSubStringLength`).
const POSTCODE_LENGTH: usize = 10;

/// `_createSearchPostCodeTemplates`: the postcode, itself with `*`, and each shorter prefix
/// with `*`.
fn postcode_templates(postcode: &str) -> Vec<String> {
    let mut end = postcode.len().min(POSTCODE_LENGTH);
    while !postcode.is_char_boundary(end) {
        end -= 1;
    }
    let pc = &postcode[..end];
    let mut templates = vec![pc.to_owned(), format!("{pc}*")];
    let cuts: Vec<usize> = pc
        .char_indices()
        .map(|(i, _)| i)
        .filter(|i| *i > 0)
        .collect();
    for cut in cuts.into_iter().rev() {
        templates.push(format!("{}*", &pc[..cut]));
    }
    templates
}

fn postcode_matches(rate: &RateCandidate, postcode: Option<&str>) -> bool {
    let pc = postcode.unwrap_or_default();
    if rate.zip_is_range {
        let numeric = !pc.is_empty() && pc.chars().all(|c| c.is_ascii_digit());
        return numeric
            && match (pc.parse::<i64>(), rate.zip_from, rate.zip_to) {
                (Ok(n), Some(from), Some(to)) => from <= n && n <= to,
                _ => false,
            };
    }
    match rate.postcode.as_deref() {
        None | Some("") | Some("*") => true,
        Some(p) => {
            !pc.is_empty()
                && postcode_templates(pc)
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(p))
        }
    }
}

/// `getAppliedRates` for a line of product class `product_class` at `address`.
pub fn applied_rows(
    candidates: &[RateCandidate],
    product_class: i64,
    address: &TaxAddress,
) -> Vec<AppliedRow> {
    // Calculation::getRate answers nothing without a country or a class.
    let Some(country) = address.country.as_deref().filter(|c| !c.is_empty()) else {
        return Vec::new();
    };
    if product_class == 0 {
        return Vec::new();
    }
    let region = address.region_id.unwrap_or(0);
    let mut rates: Vec<&RateCandidate> = candidates
        .iter()
        .filter(|r| r.product_class_id == product_class)
        .filter(|r| r.country.eq_ignore_ascii_case(country))
        .filter(|r| r.region_id == 0 || r.region_id == region)
        .filter(|r| postcode_matches(r, address.postcode.as_deref()))
        .collect();
    rates.sort_by(|a, b| {
        (a.priority, a.rule_id)
            .cmp(&(b.priority, b.rule_id))
            .then_with(|| b.country.cmp(&a.country))
            .then_with(|| b.region_id.cmp(&a.region_id))
            .then_with(|| b.postcode.cmp(&a.postcode))
            .then_with(|| b.value.cmp(&a.value))
    });
    // One row per rate (the rate is the SELECT's key), the first kept.
    let mut seen = Vec::new();
    rates.retain(|r| {
        let fresh = !seen.contains(&r.rate_id);
        seen.push(r.rate_id);
        fresh
    });
    let hundred = Decimal::from(100);
    let mut rows = Vec::new();
    let mut group: Vec<AppliedRate> = Vec::new();
    let mut current = Decimal::ZERO;
    let mut total = Decimal::ZERO;
    let mut i = 0;
    while i < rates.len() {
        let rate = rates[i];
        group.push(AppliedRate {
            code: rate.code.clone(),
            title: rate.title.clone(),
            percent: rate.value.normalize(),
        });
        while rates.get(i + 1).is_some_and(|n| n.rule_id == rate.rule_id) {
            i += 1;
        }
        current += rate.value;
        let last = &rates[i];
        if rates.get(i + 1).is_none_or(|n| n.priority != rate.priority) {
            let percent = if last.calculate_subtotal {
                current
            } else {
                (hundred + total) * current / hundred
            };
            total += percent;
            let id: String = group.iter().map(|r| r.code.as_str()).collect();
            rows.push(AppliedRow {
                id,
                percent: percent.normalize(),
                rates: std::mem::take(&mut group),
            });
            current = Decimal::ZERO;
        }
        i += 1;
    }
    rows
}

/// What [`line_taxes`] needs of a line.
#[derive(Debug, Clone, Default)]
pub struct LineBase {
    pub price: Decimal,
    pub qty: Decimal,
    pub row_total: Decimal,
    /// The line's discount (positive).
    pub discount: Decimal,
    pub rows: Vec<AppliedRow>,
}

/// A line's tax figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineTax {
    pub tax_percent: Decimal,
    pub tax_amount: Decimal,
    pub price_incl_tax: Decimal,
    pub row_total_incl_tax: Decimal,
    /// Per applied group: the group and the line's tax of it.
    pub applied: Vec<(AppliedRow, Decimal)>,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// `deltaRound`: `amount` rounded to cents with the remainder of the last rounding of `key`.
fn delta_round(deltas: &mut HashMap<String, Decimal>, key: String, amount: Decimal) -> Decimal {
    if amount.is_zero() {
        return amount;
    }
    let delta = deltas
        .get(&key)
        .copied()
        .unwrap_or_else(|| Decimal::new(1, 6));
    let amount = amount + delta;
    let rounded = round2(amount);
    deltas.insert(key, amount - rounded);
    rounded
}

/// The tax of each line, in order (one `calculateTax` call: the remainders run across lines).
pub fn line_taxes(lines: &[LineBase]) -> Vec<LineTax> {
    let hundred = Decimal::from(100);
    let mut deltas = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let row_total_for_tax = round2(line.price) * line.qty;
            let mut tax = LineTax::default();
            let mut before_discount = Decimal::ZERO;
            for row in &line.rows {
                let before = delta_round(
                    &mut deltas,
                    format!("tax_before_discount\u{0}{}", row.id),
                    row_total_for_tax * row.percent / hundred,
                );
                let taxable = (row_total_for_tax - line.discount).max(Decimal::ZERO);
                let after = delta_round(
                    &mut deltas,
                    format!("regular\u{0}{}", row.id),
                    taxable * row.percent / hundred,
                );
                before_discount += before;
                tax.tax_amount += after;
                tax.tax_percent += row.percent;
                tax.applied.push((row.clone(), after));
            }
            tax.tax_percent = tax.tax_percent.normalize();
            tax.row_total_incl_tax = line.row_total + before_discount;
            tax.price_incl_tax = if line.qty.is_zero() {
                Decimal::ZERO
            } else {
                round2(tax.row_total_incl_tax / line.qty)
            };
            tax
        })
        .collect()
}

/// `_saveAppliedTaxes` over the lines: each group once, in the order first applied, with the
/// lines' amounts summed (groups of percent 0 left out, groups whose amounts stay 0 dropped).
pub fn address_applied(lines: &[LineTax]) -> Vec<(AppliedRow, Decimal)> {
    let mut applied: Vec<(AppliedRow, Decimal)> = Vec::new();
    for (row, amount) in lines.iter().flat_map(|l| l.applied.iter()) {
        if row.percent.is_zero() {
            continue;
        }
        match applied.iter_mut().find(|(r, _)| r.id == row.id) {
            Some(slot) => slot.1 += *amount,
            None => applied.push((row.clone(), *amount)),
        }
    }
    applied.retain(|(_, amount)| !amount.is_zero());
    applied
}

/// A rate's share of its group's amount (`amount / group percent × rate percent`).
fn share(amount: Decimal, row: &AppliedRow, rate: &AppliedRate) -> Decimal {
    if row.percent.is_zero() {
        amount
    } else {
        amount / row.percent * rate.percent
    }
}

/// What the placed order keeps of the cart's tax (`Tax/Model/Plugin/OrderSave::saveOrderTax`):
/// a `sales_order_tax` row per rate of each applied group, with the group's amount and the
/// rate's share as `base_real_amount` (priority, position and process 0: the quote's groups
/// do not carry them), and per line a tax item per rate of the groups the order kept.
pub fn order_taxes(applied: &[(AppliedRow, Decimal)], lines: &[LineTax]) -> PostedTaxes {
    let amount = |d: Decimal| Some(Amount::new(d));
    let mut taxes = Vec::new();
    for (row, total) in applied {
        for rate in row.rates.iter().filter(|r| !r.percent.is_zero()) {
            taxes.push(OrderTax {
                code: Some(rate.code.clone()),
                title: Some(rate.title.clone()),
                percent: amount(rate.percent),
                amount: amount(*total),
                base_amount: amount(*total),
                base_real_amount: amount(share(*total, row, rate)),
                priority: Some(0),
                position: Some(0),
                process: Some(0),
                ..OrderTax::default()
            });
        }
    }
    let itemized = lines
        .iter()
        .map(|line| {
            let mut items = Vec::new();
            for (row, line_amount) in &line.applied {
                if !applied.iter().any(|(kept, _)| kept.id == row.id) {
                    continue;
                }
                for rate in row.rates.iter().filter(|r| !r.percent.is_zero()) {
                    let real = share(*line_amount, row, rate);
                    items.push(TaxItemRequest {
                        item: OrderTaxItem {
                            tax_percent: amount(rate.percent),
                            amount: amount(*line_amount),
                            base_amount: amount(*line_amount),
                            real_amount: amount(real),
                            real_base_amount: amount(real),
                            taxable_item_type: Some("product".into()),
                            ..OrderTaxItem::default()
                        },
                        tax_code: Some(rate.code.clone()),
                    });
                }
            }
            (!items.is_empty()).then_some(items)
        })
        .collect();
    PostedTaxes {
        converting_from_quote: false,
        taxes: (!taxes.is_empty()).then_some(taxes),
        additional_itemized_taxes: None,
        itemized_taxes: itemized,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn rate(rule_id: i64, priority: i64, code: &str, value: &str) -> RateCandidate {
        RateCandidate {
            rule_id,
            priority,
            product_class_id: 2,
            rate_id: rule_id * 10,
            code: code.into(),
            title: code.into(),
            value: d(value),
            country: "US".into(),
            region_id: 57,
            postcode: Some("*".into()),
            ..RateCandidate::default()
        }
    }

    fn tx() -> TaxAddress {
        TaxAddress {
            country: Some("US".into()),
            region_id: Some(57),
            postcode: Some("79729".into()),
        }
    }

    fn line(price: &str, qty: &str, discount: &str, rows: &[AppliedRow]) -> LineBase {
        LineBase {
            price: d(price),
            qty: d(qty),
            row_total: d(price) * d(qty),
            discount: d(discount),
            rows: rows.to_vec(),
        }
    }

    /// `excluding_tax_multi_item_total.php`: 10 and 11 at 8.25 %: 0.83 then 0.90.
    #[test]
    fn the_rounding_remainder_runs_across_lines() {
        let rows = applied_rows(&[rate(1, 1, "tax_rate_tx", "8.25")], 2, &tx());
        let taxes = line_taxes(&[line("10", "1", "0", &rows), line("11", "1", "0", &rows)]);
        assert_eq!(taxes[0].tax_amount, d("0.83"));
        assert_eq!(taxes[0].price_incl_tax, d("10.83"));
        assert_eq!(taxes[1].tax_amount, d("0.90"));
        assert_eq!(taxes[1].row_total_incl_tax, d("11.90"));
        let applied = address_applied(&taxes);
        assert_eq!(applied.len(), 1);
        assert_eq!(applied[0].1, d("1.73"));
        // `excluding_tax_total.php`: 10 × 2: 1.65, 10.83 a unit.
        let two = line_taxes(&[line("10", "2", "0", &rows)]);
        assert_eq!(
            (
                two[0].tax_amount,
                two[0].price_incl_tax,
                two[0].row_total_incl_tax
            ),
            (d("1.65"), d("10.83"), d("21.65"))
        );
    }

    /// `excluding_tax_apply_tax_after_discount.php`: 10 × 2 at 20 % with a 50 % discount: tax
    /// 2 after the discount, 24 before it.
    #[test]
    fn tax_is_taken_after_the_discount() {
        let rows = applied_rows(&[rate(1, 1, "tax_rate_tx", "20")], 2, &tx());
        let taxes = line_taxes(&[line("10", "2", "10", &rows)]);
        assert_eq!(
            (
                taxes[0].tax_amount,
                taxes[0].price_incl_tax,
                taxes[0].row_total_incl_tax
            ),
            (d("2.00"), d("12.00"), d("24.00"))
        );
        assert_eq!(taxes[0].tax_percent, d("20"));
    }

    /// `multi_tax_rule_total_calculate_subtotal_no.php` / `_yes.php`: 7.5 % then 5.5 % of a
    /// later priority compound to 13.4125 %, or add up to 13 % with calculate_subtotal.
    #[test]
    fn later_priorities_compound_unless_on_the_subtotal() {
        let mut austin = rate(2, 2, "tax_rate_austin", "5.5");
        austin.postcode = Some("79729".into());
        let candidates = [rate(1, 1, "tax_rate_tx", "7.5"), austin.clone()];
        let rows = applied_rows(&candidates, 2, &tx());
        assert_eq!(
            rows.iter()
                .map(|r| (r.id.as_str(), r.percent))
                .collect::<Vec<_>>(),
            vec![("tax_rate_tx", d("7.5")), ("tax_rate_austin", d("5.9125"))]
        );
        let taxes = line_taxes(&[line("10", "1", "0", &rows)]);
        assert_eq!(
            (
                taxes[0].tax_percent,
                taxes[0].tax_amount,
                taxes[0].price_incl_tax
            ),
            (d("13.4125"), d("1.34"), d("11.34"))
        );
        austin.calculate_subtotal = true;
        let rows = applied_rows(&[rate(1, 1, "tax_rate_tx", "7.5"), austin], 2, &tx());
        let taxes = line_taxes(&[line("10", "1", "0", &rows)]);
        assert_eq!(
            (taxes[0].tax_percent, taxes[0].tax_amount),
            (d("13"), d("1.30"))
        );
    }

    /// Rates of one priority add up in one group; a rule gives only its first rate; other
    /// places, classes and postcodes do not match.
    #[test]
    fn rates_are_matched_by_place_and_grouped_by_priority() {
        let mut la = rate(2, 1, "LA", "1");
        la.postcode = Some("797*".into());
        let mut second_of_rule_1 = rate(1, 1, "other", "3");
        second_of_rule_1.rate_id = 99;
        second_of_rule_1.region_id = 0;
        let mut elsewhere = rate(3, 1, "CA", "8.25");
        elsewhere.region_id = 12;
        let mut range = rate(4, 1, "range", "2");
        range.zip_is_range = true;
        range.zip_from = Some(79000);
        range.zip_to = Some(79999);
        let mut food = rate(5, 1, "food", "4");
        food.product_class_id = 7;
        let candidates = [
            rate(1, 1, "TX", "6.25"),
            second_of_rule_1,
            la,
            elsewhere,
            range,
            food,
        ];
        let rows = applied_rows(&candidates, 2, &tx());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "TXLArange");
        assert_eq!(rows[0].percent, d("9.25"));
        assert!(applied_rows(&candidates, 2, &TaxAddress::default()).is_empty());
        let away = TaxAddress {
            postcode: Some("10001".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&candidates, 2, &away)[0].id, "TX");
        assert_eq!(
            postcode_templates("90210"),
            vec!["90210", "90210*", "9021*", "902*", "90*", "9*"]
        );
    }
}
