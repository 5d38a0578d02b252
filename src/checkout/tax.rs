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
    /// The code of the rate's region (none for every region).
    pub region_code: Option<String>,
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
    /// The region's code and text, which `AbstractAddress::getRegionId` falls back on when the
    /// address has no region id.
    pub region_code: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
}

impl TaxAddress {
    /// Whether the address is in `rate`'s region: every region, or the address's region as
    /// `AbstractAddress::getRegionId` finds it: its id; else a numeric region text, as a code
    /// of the country or else as an id; else the code `getRegionCode` gives (a region text
    /// wins over the posted `region_code`), looked up in the country without case
    /// (`Region::loadByCode`; here among the rates' regions, all that can match).
    fn in_region_of(&self, rate: &RateCandidate) -> bool {
        if rate.region_id == 0 {
            return true;
        }
        if let Some(id) = self.region_id.filter(|id| *id != 0) {
            return id == rate.region_id;
        }
        let code_matches = |code: &str| {
            rate.region_code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(code))
        };
        match self.region.as_deref() {
            Some(text) if php_numeric(text).is_some() => {
                code_matches(text) || text.trim().parse::<i64>().ok() == Some(rate.region_id)
            }
            Some(text) => code_matches(text),
            None => self.region_code.as_deref().is_some_and(code_matches),
        }
    }
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

/// PHP's `is_numeric` of a postcode (digits with an optional sign, fraction and exponent,
/// leading white space allowed).
fn php_numeric(s: &str) -> Option<Decimal> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    if t.is_empty() || t.ends_with(char::is_whitespace) && t.trim_end().is_empty() {
        return None;
    }
    let t = t.trim_end_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let plain = body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|c| *c == '.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if plain {
        t.parse::<Decimal>().ok()
    } else {
        Decimal::from_scientific(t).ok()
    }
}

/// The postcode part of `_getRates`' request, as it reads the address's postcode.
#[derive(Debug, Clone, PartialEq)]
enum PostcodeQuery {
    /// `*`: no postcode condition on the plain rates, no range rate.
    Any,
    /// A postcode: the plain rates whose postcode is empty, `*` or one of its templates; the
    /// range rates holding it when it is numeric.
    Code {
        templates: Vec<String>,
        numeric: Option<Decimal>,
    },
    /// `from-to` (but a US ZIP+4 or a Portuguese code): the plain rates of that very postcode,
    /// the range rates inside it.
    Range {
        whole: String,
        from: String,
        to: String,
    },
}

impl PostcodeQuery {
    fn of(country: &str, postcode: Option<&str>) -> Self {
        let pc = postcode.unwrap_or_default();
        let dashed = pc
            .split_once('-')
            .filter(|(a, b)| !a.is_empty() && !b.is_empty());
        if let Some((first, second)) = dashed {
            let digits = second.chars().all(|c| c.is_ascii_digit());
            let zip4 = country.eq_ignore_ascii_case("US") && digits && second.len() == 4;
            let pt = country.eq_ignore_ascii_case("PT") && digits && second.len() == 3;
            if zip4 || pt {
                let mut templates = postcode_templates(first);
                templates.push(pc.to_owned());
                return PostcodeQuery::Code {
                    templates,
                    numeric: php_numeric(first),
                };
            }
            return PostcodeQuery::Range {
                whole: pc.to_owned(),
                from: first.to_owned(),
                to: second.to_owned(),
            };
        }
        if pc == "*" {
            return PostcodeQuery::Any;
        }
        PostcodeQuery::Code {
            templates: if pc.is_empty() {
                Vec::new()
            } else {
                postcode_templates(pc)
            },
            numeric: php_numeric(pc),
        }
    }

    fn matches(&self, rate: &RateCandidate) -> bool {
        let plain = |values: &[&str]| match rate.postcode.as_deref() {
            None | Some("") | Some("*") => true,
            Some(p) => values.iter().any(|t| t.eq_ignore_ascii_case(p)),
        };
        let (from, to) = (
            rate.zip_from.map(Decimal::from),
            rate.zip_to.map(Decimal::from),
        );
        match self {
            PostcodeQuery::Any => !rate.zip_is_range,
            PostcodeQuery::Code { templates, numeric } => {
                if rate.zip_is_range {
                    matches!((numeric, from, to), (Some(n), Some(f), Some(t)) if f <= *n && *n <= t)
                } else {
                    let refs: Vec<&str> = templates.iter().map(String::as_str).collect();
                    plain(&refs)
                }
            }
            PostcodeQuery::Range {
                whole,
                from: a,
                to: b,
            } => {
                if rate.zip_is_range {
                    match (php_numeric(a), php_numeric(b), from, to) {
                        (Some(a), Some(b), Some(f), Some(t)) => f >= a && t <= b,
                        _ => false,
                    }
                } else {
                    plain(&[whole.as_str()])
                }
            }
        }
    }
}

/// The most a percent is taken as, and the most a line's tax is: far beyond any real rate or
/// amount, so that absurd rates (Magento takes up to 99,999,999.9999 %, compounding over
/// priorities) cannot overflow the arithmetic; an amount that large then fails where it is
/// stored, as MySQL's DECIMAL would.
const MOST_PERCENT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0); // 1e12
const MOST_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0); // 1e15

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
    let postcode = PostcodeQuery::of(country, address.postcode.as_deref());
    let mut rates: Vec<&RateCandidate> = candidates
        .iter()
        .filter(|r| r.product_class_id == product_class)
        .filter(|r| r.country.eq_ignore_ascii_case(country))
        .filter(|r| address.in_region_of(r))
        .filter(|r| postcode.matches(r))
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
    let mut seen = std::collections::HashSet::new();
    rates.retain(|r| seen.insert(r.rate_id));
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
        current = (current + rate.value).min(MOST_PERCENT);
        let last = &rates[i];
        if rates.get(i + 1).is_none_or(|n| n.priority != rate.priority) {
            let percent = if last.calculate_subtotal {
                current
            } else {
                (hundred + total)
                    .checked_mul(current)
                    .map_or(MOST_PERCENT, |p| p / hundred)
            }
            .min(MOST_PERCENT);
            total = (total + percent).min(MOST_PERCENT);
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

/// `amount × percent / 100`, at most [`MOST_AMOUNT`].
fn percent_of(amount: Decimal, percent: Decimal) -> Decimal {
    amount
        .checked_mul(percent)
        .map_or(MOST_AMOUNT, |t| t / Decimal::from(100))
        .min(MOST_AMOUNT)
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
    let mut deltas = HashMap::new();
    lines
        .iter()
        .map(|line| {
            let row_total_for_tax = round2(line.price)
                .checked_mul(line.qty)
                .unwrap_or(MOST_AMOUNT)
                .min(MOST_AMOUNT);
            let mut tax = LineTax::default();
            let mut before_discount = Decimal::ZERO;
            for row in &line.rows {
                let before = delta_round(
                    &mut deltas,
                    format!("tax_before_discount\u{0}{}", row.id),
                    percent_of(row_total_for_tax, row.percent),
                );
                let taxable = (row_total_for_tax - line.discount).max(Decimal::ZERO);
                let after = delta_round(
                    &mut deltas,
                    format!("regular\u{0}{}", row.id),
                    percent_of(taxable, row.percent),
                );
                before_discount += before;
                tax.tax_amount += after;
                tax.tax_percent += row.percent;
                tax.applied.push((row.clone(), after));
            }
            tax.tax_percent = tax.tax_percent.normalize();
            tax.row_total_incl_tax = line.row_total + before_discount;
            // `$rowTotal = $price * $quantity`, not rounded, over the quantity.
            tax.price_incl_tax = if line.qty.is_zero() {
                Decimal::ZERO
            } else {
                round2((row_total_for_tax + before_discount) / line.qty)
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
                let single = row.rates.len() == 1;
                for rate in row.rates.iter().filter(|r| !r.percent.is_zero()) {
                    // A group of one rate keeps the group's percent and whole amount; the
                    // rates of a larger group their own percent and share.
                    let (percent, real) = if single {
                        (row.percent, *line_amount)
                    } else {
                        (rate.percent, share(*line_amount, row, rate))
                    };
                    items.push(TaxItemRequest {
                        item: OrderTaxItem {
                            tax_percent: amount(percent),
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
            ..TaxAddress::default()
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

    /// A US ZIP+4 is looked up by its five digits (and itself); another dashed postcode is a
    /// range request: plain rates of that very text, range rates inside it.
    #[test]
    fn dashed_postcodes_are_read_as_magento_reads_them() {
        let mut exact = rate(1, 1, "exact", "1");
        exact.postcode = Some("79729".into());
        let mut range = rate(2, 1, "range", "2");
        range.zip_is_range = true;
        range.zip_from = Some(79000);
        range.zip_to = Some(79999);
        let candidates = [exact, range];
        let zip4 = TaxAddress {
            postcode: Some("79729-1234".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&candidates, 2, &zip4)[0].id, "exactrange");
        let asked = TaxAddress {
            postcode: Some("79000-80000".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&candidates, 2, &asked)[0].id, "range");
        let star = TaxAddress {
            postcode: Some("*".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&candidates, 2, &star)[0].id, "exact");
    }

    /// An address without a region id is in the region of its region code (or of a numeric
    /// region text).
    #[test]
    fn a_region_code_stands_for_the_region_id() {
        let mut texas = rate(1, 1, "TX", "6.25");
        texas.region_code = Some("TX".into());
        let by_code = TaxAddress {
            region_id: None,
            region_code: Some("tx".into()),
            ..tx()
        };
        let by_text_code = TaxAddress {
            region_id: None,
            region: Some("TX".into()),
            region_code: Some("CA".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&[texas.clone()], 2, &by_text_code).len(), 1);
        assert_eq!(applied_rows(&[texas.clone()], 2, &by_code).len(), 1);
        let by_text = TaxAddress {
            region_id: None,
            region: Some("57".into()),
            ..tx()
        };
        assert_eq!(applied_rows(&[texas.clone()], 2, &by_text).len(), 1);
        let elsewhere = TaxAddress {
            region_id: None,
            region_code: Some("CA".into()),
            ..tx()
        };
        assert!(applied_rows(&[texas], 2, &elsewhere).is_empty());
    }

    /// Absurd rates compounding over priorities are capped, not overflowed.
    #[test]
    fn absurd_rates_do_not_overflow() {
        assert_eq!(
            (MOST_PERCENT.to_string(), MOST_AMOUNT.to_string()),
            ("1000000000000".to_owned(), "1000000000000000".to_owned())
        );
        let candidates: Vec<RateCandidate> = (1..=6)
            .map(|n| {
                let mut r = rate(n, n, &format!("r{n}"), "99999999.9999");
                r.rate_id = n;
                r
            })
            .collect();
        let rows = applied_rows(&candidates, 2, &tx());
        let taxes = line_taxes(&[line("99999999", "1000", "0", &rows)]);
        assert!(taxes[0].tax_amount <= MOST_AMOUNT * Decimal::from(rows.len()));
    }

    /// `price_incl_tax` is the unrounded row over the quantity: 10.01 × 0.5 is 10.01 a unit.
    #[test]
    fn a_fraction_of_a_unit_keeps_its_price() {
        let taxes = line_taxes(&[LineBase {
            price: d("10.01"),
            qty: d("0.5"),
            row_total: d("5.01"),
            ..LineBase::default()
        }]);
        assert_eq!(taxes[0].price_incl_tax, d("10.01"));
    }

    /// The order's tax item of a group of one compounding rate keeps the group's percent and
    /// amount (`OrderSave::saveOrderTax`); the tax row the rate's own percent.
    #[test]
    fn a_compounding_rate_alone_keeps_its_group_figures_on_the_order() {
        let mut austin = rate(2, 2, "austin", "5.5");
        austin.rate_id = 20;
        let rows = applied_rows(&[rate(1, 1, "tx", "7.5"), austin], 2, &tx());
        let taxes = line_taxes(&[line("10", "1", "0", &rows)]);
        let order = order_taxes(&address_applied(&taxes), &taxes);
        let items = order.itemized_taxes[0].clone().unwrap_or_default();
        let austin_item = items
            .iter()
            .find(|t| t.tax_code.as_deref() == Some("austin"));
        assert_eq!(
            austin_item.map(|t| (t.item.tax_percent, t.item.real_amount)),
            Some((Amount::parse("5.9125"), Amount::parse("0.59")))
        );
        let austin_tax = order
            .taxes
            .unwrap_or_default()
            .into_iter()
            .find(|t| t.code.as_deref() == Some("austin"));
        assert_eq!(austin_tax.and_then(|t| t.percent), Amount::parse("5.5"));
    }
}
