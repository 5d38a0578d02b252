//! Cart price rules as the discount collector sees them, and their conditions.
//!
//! A rule's conditions and actions are kept as Magento serializes them
//! (`Rule\Condition\Combine::asArray()` as JSON: `type`, `attribute`, `operator`, `value`,
//! `is_value_processed`, `aggregator`, `conditions`) and evaluated here on facts of the cart:
//!
//! - conditions (`Rule::validate($address)`, `Utility::canProcessRule`, once per address):
//!   `Rule\Condition\Combine` (ALL/ANY, TRUE/FALSE: `(bool)value`, so a combine posted with
//!   `"value": null` means "all FALSE", as in Magento), `Rule\Condition\Address`
//!   (`base_subtotal`, `base_subtotal_with_discount` and `base_subtotal_total_incl_tax` - all the
//!   base subtotal when validated, no tax -, `total_qty`, `weight`, `payment_method`,
//!   `shipping_method`, `postcode`, `region`, `region_id`, `country_id`),
//!   `Rule\Condition\Product\Found` (its odd FOUND / NOT FOUND loop kept) and
//!   `Rule\Condition\Product\Subselect` (`qty`, `base_row_total`, `base_row_total_incl_tax`
//!   summed over the visible items whose product conditions pass, the running total truncated to
//!   an int between items as the `int $total` parameter of `getBaseRowTotalForChildrenProduct`
//!   does);
//! - actions (`$rule->getActions()->validate($item)`): `Rule\Condition\Product\Combine` and
//!   `Rule\Condition\Product` on `sku`, `name`, `type_id`, `price`, `weight`,
//!   `attribute_set_id`, `category_ids` (the product's own category links, `==`/`!=` read as
//!   `{}`/`!{}` as `AbstractProduct::getOperatorForValidate` does), `quote_item_qty`,
//!   `quote_item_price`, `quote_item_row_total`, and any other attribute from the product's
//!   custom attributes (absent: null).
//!
//! The comparison is `AbstractCondition::validateAttribute` with PHP 8's loose comparisons
//! (numeric strings compare as numbers, other strings byte-wise; `_compareValues` matches
//! case-insensitively). Not evaluated (the condition is false): date and multiselect product
//! attributes, product conditions on the children of composite items (magemu carts hold none),
//! and condition classes other than the ones above (Magento's `ConditionFactory` drops unknown
//! classes when the rule is saved, so they cannot be stored).

use rust_decimal::Decimal;
use serde_json::Value;

/// The condition classes magemu evaluates (`Magento\SalesRule\Model\Rule\Condition\...`).
pub const COMBINE: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Combine";
pub const ADDRESS: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Address";
pub const PRODUCT_COMBINE: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product\\Combine";
pub const PRODUCT: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product";
pub const FOUND: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product\\Found";
pub const SUBSELECT: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product\\Subselect";

/// The classes a rule may hold (`ConditionFactory::create` refuses others).
pub const KNOWN: &[&str] = &[COMBINE, ADDRESS, PRODUCT_COMBINE, PRODUCT, FOUND, SUBSELECT];

/// The combine classes (`Rule\Condition\Combine` and its children).
pub fn is_combine(class: &str) -> bool {
    matches!(class, c if c == COMBINE || c == PRODUCT_COMBINE || c == FOUND || c == SUBSELECT)
}

/// PHP 8 `is_numeric` as far as conditions need it: surrounding whitespace, a decimal or
/// scientific number.
fn numeric(s: &str) -> Option<Decimal> {
    let t = s.trim_matches(|c: char| c == ' ' || ('\t'..='\r').contains(&c));
    if t.is_empty() || t.starts_with("0x") {
        return None;
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.contains(['e', 'E']) {
        Decimal::from_scientific(t).ok()
    } else {
        t.parse::<Decimal>().ok()
    }
}

/// `Rule::COUPON_TYPE_NO_COUPON`, `COUPON_TYPE_SPECIFIC`, `COUPON_TYPE_AUTO`.
pub const NO_COUPON: i64 = 1;
pub const SPECIFIC_COUPON: i64 = 2;
pub const AUTO_COUPON: i64 = 3;
/// `OfflineShipping\Model\SalesRule\Rule::FREE_SHIPPING_ITEM` / `FREE_SHIPPING_ADDRESS`.
pub const FREE_SHIPPING_ITEM: i64 = 1;
pub const FREE_SHIPPING_ADDRESS: i64 = 2;

/// An active rule as the collectors use it (`Validator::getRules` for the cart's website,
/// customer group, date and coupon, in `sort_order`).
#[derive(Debug, Clone, Default)]
pub struct Rule {
    pub rule_id: i64,
    /// `getStoreLabel($store)`: the store's label, else the admin (0) one.
    pub label: Option<String>,
    pub description: Option<String>,
    pub coupon_type: i64,
    /// The coupon the rule was selected by (coupon rules only).
    pub coupon_code: Option<String>,
    pub simple_action: String,
    pub discount_amount: Decimal,
    pub discount_qty: Option<Decimal>,
    pub discount_step: i64,
    pub apply_to_shipping: bool,
    pub stop_rules_processing: bool,
    pub simple_free_shipping: i64,
    /// The serialized conditions (`Rule\Condition\Combine`) and actions
    /// (`Rule\Condition\Product\Combine`).
    pub conditions: Value,
    pub actions: Value,
    /// `Utility::canProcessRule`: the customer already used the rule `uses_per_customer` times.
    pub used_up: bool,
}

impl Rule {
    /// `RulesApplier::getRuleLabel`: the store label; else, for a rule applied by a coupon, its
    /// description or the code; else nothing.
    pub fn description_label(&self) -> Option<String> {
        if let Some(l) = self.label.as_ref().filter(|l| !l.is_empty()) {
            return Some(l.clone());
        }
        if self.coupon_type == NO_COUPON {
            return None;
        }
        let code = self.coupon_code.as_ref().filter(|c| !c.is_empty())?;
        match self.description.as_ref().filter(|d| !d.is_empty()) {
            Some(d) => Some(d.clone()),
            None => Some(code.clone()),
        }
    }
}

/// The facts of the address a rule's conditions are validated on.
#[derive(Debug, Clone, Default)]
pub struct AddressFacts {
    pub base_subtotal: Decimal,
    pub total_qty: Decimal,
    pub weight: Decimal,
    pub payment_method: Option<String>,
    pub shipping_method: Option<String>,
    pub postcode: Option<String>,
    pub region: Option<String>,
    pub region_id: Option<i64>,
    pub country_id: Option<String>,
}

/// The facts of one cart line (its product, qty and prices) for product conditions.
#[derive(Debug, Clone, Default)]
pub struct ItemFacts {
    pub sku: String,
    pub name: Option<String>,
    pub type_id: String,
    pub attribute_set_id: i64,
    pub product_price: Decimal,
    pub weight: Option<Decimal>,
    pub category_ids: Vec<i64>,
    /// The product's custom attributes, `(code, value)`.
    pub attributes: Vec<(String, Value)>,
    pub qty: Decimal,
    pub price: Decimal,
    pub row_total: Decimal,
    /// The product's stock item takes decimal quantities (`Quote\Item::setProduct` copies it
    /// onto the line, and the order item inherits it).
    pub is_qty_decimal: bool,
}

/// A value as PHP holds it while validating.
#[derive(Debug, Clone, PartialEq)]
enum V {
    Null,
    Num(Decimal),
    Str(String),
    List(Vec<String>),
}

impl V {
    fn of_json(v: &Value) -> V {
        match v {
            Value::Null => V::Null,
            Value::Bool(true) => V::Str("1".into()),
            Value::Bool(false) => V::Str(String::new()),
            Value::Number(n) => n
                .to_string()
                .parse::<Decimal>()
                .map(V::Num)
                .unwrap_or_else(|_| V::Str(n.to_string())),
            Value::String(s) => V::Str(s.clone()),
            Value::Array(a) => V::List(a.iter().map(|x| V::of_json(x).text()).collect()),
            Value::Object(_) => V::Null,
        }
    }

    /// PHP's `(string)`.
    fn text(&self) -> String {
        match self {
            V::Null => String::new(),
            V::Num(d) => d.normalize().to_string(),
            V::Str(s) => s.clone(),
            V::List(_) => "Array".into(),
        }
    }

    fn number(&self) -> Option<Decimal> {
        match self {
            V::Num(d) => Some(*d),
            V::Str(s) => numeric(s),
            _ => None,
        }
    }

    fn is_scalar(&self) -> bool {
        matches!(self, V::Num(_) | V::Str(_))
    }

    fn truthy(&self) -> bool {
        match self {
            V::Null => false,
            V::Num(d) => !d.is_zero(),
            V::Str(s) => !s.is_empty() && s != "0",
            V::List(l) => !l.is_empty(),
        }
    }
}

/// PHP's `(bool)` of a JSON value (a combine's TRUE/FALSE).
pub fn php_bool(v: &Value) -> bool {
    V::of_json(v).truthy()
}

/// PHP 8's `$a <=> $b` for the scalars of a condition.
fn cmp(a: &V, b: &V) -> std::cmp::Ordering {
    match (a.number(), b.number()) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.text().cmp(&b.text()),
    }
}

/// PHP's `==` for scalars (numeric strings as numbers).
fn loose_eq(a: &V, b: &V) -> bool {
    match (a.number(), b.number()) {
        (Some(x), Some(y)) => x == y,
        _ => a.text() == b.text(),
    }
}

/// `AbstractCondition::_compareValues`: numbers by value, otherwise `$value` matched against the
/// pattern of `$validated` (`~^...$~iu` when strict, anywhere when not).
fn compare_values(validated: &V, value: &V, strict: bool) -> bool {
    if strict {
        if let (Some(x), Some(y)) = (validated.number(), value.number()) {
            return x == y;
        }
    }
    let pattern = validated.text().to_lowercase();
    let subject = value.text().to_lowercase();
    if strict {
        pattern == subject
    } else {
        subject.contains(&pattern)
    }
}

/// One leaf condition ready to validate: operator and parsed value.
struct Leaf {
    operator: String,
    value: V,
    array_operator: bool,
}

impl Leaf {
    /// `getValueParsed` and `isArrayOperatorType` (`array_input`: the attribute's input type is
    /// an array type, `category` for `category_ids`).
    fn new(cond: &Value, array_input: bool) -> Leaf {
        let operator = match cond.get("operator") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let array_operator = operator == "()" || operator == "!()" || array_input;
        let mut value = V::of_json(cond.get("value").unwrap_or(&Value::Null));
        if let V::List(l) = &value {
            if l.len() == 1 {
                value = V::Str(l[0].clone());
            }
        }
        if !matches!(value, V::List(_)) && array_operator && value.truthy() {
            let parts: Vec<String> = value
                .text()
                .split([',', ';'])
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect();
            value = V::List(parts);
        }
        Leaf {
            operator,
            value,
            array_operator,
        }
    }

    /// `AbstractCondition::validateAttribute`.
    fn validate(&self, validated: &V, operator: &str) -> bool {
        let value = &self.value;
        let value_is_array = matches!(value, V::List(_));
        if self.array_operator != value_is_array {
            return false;
        }
        let result = match operator {
            "==" | "!=" => match (value, validated) {
                (V::List(vs), V::List(ws)) => vs.iter().any(|v| ws.contains(v)),
                (V::List(_), _) => return false,
                (_, V::List(ws)) => ws.len() == 1 && loose_eq(&V::Str(ws[0].clone()), value),
                _ => compare_values(validated, value, true),
            },
            "<=" | ">" => {
                if !validated.is_scalar() {
                    return false;
                }
                cmp(validated, value).is_le()
            }
            ">=" | "<" => {
                if !validated.is_scalar() {
                    return false;
                }
                cmp(validated, value).is_ge()
            }
            "{}" | "!{}" => match (value, validated) {
                (V::List(vs), w) if w.is_scalar() => {
                    let w = w.text().to_lowercase();
                    vs.iter().any(|v| w.contains(&v.to_lowercase()))
                }
                (V::List(vs), V::List(ws)) => {
                    if ws.is_empty() {
                        return false;
                    }
                    vs.iter().any(|v| ws.contains(v))
                }
                (V::List(_), _) => return false,
                (_, V::List(ws)) => ws.iter().any(|w| loose_eq(&V::Str(w.clone()), value)),
                _ => compare_values(value, validated, false),
            },
            "()" | "!()" => {
                let items: Vec<String> = match value {
                    V::List(vs) => vs.clone(),
                    V::Null => Vec::new(),
                    other => vec![other.text()],
                };
                match validated {
                    V::List(ws) => ws.iter().any(|w| items.contains(w)),
                    w => items
                        .iter()
                        .any(|i| compare_values(w, &V::Str(i.clone()), true)),
                }
            }
            _ => false,
        };
        if matches!(operator, "!=" | ">" | "<" | "!{}" | "!()") {
            !result
        } else {
            result
        }
    }
}

fn kind(cond: &Value) -> &str {
    cond.get("type").and_then(Value::as_str).unwrap_or("")
}

fn attribute(cond: &Value) -> &str {
    cond.get("attribute").and_then(Value::as_str).unwrap_or("")
}

fn children(cond: &Value) -> &[Value] {
    cond.get("conditions")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn aggregator_all(cond: &Value) -> bool {
    cond.get("aggregator").and_then(Value::as_str) == Some("all")
}

fn combine_true(cond: &Value) -> bool {
    php_bool(cond.get("value").unwrap_or(&Value::Null))
}

/// `Combine::_isValid` over `validate` for each child.
fn combine(cond: &Value, mut validate: impl FnMut(&Value) -> bool) -> bool {
    let conditions = children(cond);
    if conditions.is_empty() {
        return true;
    }
    let all = aggregator_all(cond);
    let truth = combine_true(cond);
    for c in conditions {
        let validated = validate(c);
        if all && validated != truth {
            return false;
        } else if !all && validated == truth {
            return true;
        }
    }
    all
}

/// `Rule::validate($address)`: the rule's conditions on the address (and its items for the
/// product found / subselect conditions).
pub fn validate_address(cond: &Value, address: &AddressFacts, items: &[ItemFacts]) -> bool {
    match kind(cond) {
        COMBINE => combine(cond, |c| validate_address(c, address, items)),
        ADDRESS => validate_address_attribute(cond, address),
        FOUND => found(cond, items),
        SUBSELECT => subselect(cond, items),
        _ => false,
    }
}

fn validate_address_attribute(cond: &Value, a: &AddressFacts) -> bool {
    let text = |s: &Option<String>| s.clone().map(V::Str).unwrap_or(V::Null);
    let validated = match attribute(cond) {
        "base_subtotal" | "base_subtotal_with_discount" | "base_subtotal_total_incl_tax" => {
            V::Num(a.base_subtotal)
        }
        "total_qty" => V::Num(a.total_qty),
        "weight" => V::Num(a.weight),
        "payment_method" => text(&a.payment_method),
        "shipping_method" => text(&a.shipping_method),
        "postcode" => text(&a.postcode),
        "region" => text(&a.region),
        "region_id" => a.region_id.map(|i| V::Num(i.into())).unwrap_or(V::Null),
        "country_id" => text(&a.country_id),
        _ => V::Null,
    };
    let leaf = Leaf::new(cond, false);
    leaf.validate(&validated, &leaf.operator.clone())
}

/// `Product\Found::validate`.
fn found(cond: &Value, items: &[ItemFacts]) -> bool {
    let all = aggregator_all(cond);
    let truth = combine_true(cond);
    let mut valid = false;
    for item in items {
        let validated = validate_item(cond, item);
        if !truth && !validated {
            valid = false;
            break;
        }
        if !all && validated {
            valid = true;
            break;
        }
        if all && truth && validated {
            valid = true;
            break;
        }
        if all && !truth && validated {
            valid = true;
        }
    }
    valid
}

/// `Product\Subselect::validate` (single address: the quote's visible items).
fn subselect(cond: &Value, items: &[ItemFacts]) -> bool {
    if children(cond).is_empty() {
        return false;
    }
    let attr = attribute(cond);
    let mut total = Decimal::ZERO;
    for item in items {
        // `int $total`: PHP truncates the running float total on every call.
        total = total.trunc();
        if validate_item(cond, item) {
            total += match attr {
                "qty" => item.qty,
                "base_row_total" | "base_row_total_incl_tax" => item.row_total,
                _ => Decimal::ZERO,
            };
        }
    }
    let leaf = Leaf::new(cond, false);
    leaf.validate(&V::Num(total), &leaf.operator.clone())
}

/// `$rule->getActions()->validate($item)` (and a product combine's children).
pub fn validate_item(cond: &Value, item: &ItemFacts) -> bool {
    match kind(cond) {
        PRODUCT_COMBINE | FOUND | SUBSELECT | COMBINE => combine(cond, |c| validate_item(c, item)),
        PRODUCT => validate_product_attribute(cond, item),
        _ => false,
    }
}

fn validate_product_attribute(cond: &Value, item: &ItemFacts) -> bool {
    let attr = attribute(cond);
    let validated = match attr {
        "category_ids" => V::List(item.category_ids.iter().map(i64::to_string).collect()),
        "sku" => V::Str(item.sku.clone()),
        "name" => item.name.clone().map(V::Str).unwrap_or(V::Null),
        "type_id" => V::Str(item.type_id.clone()),
        "attribute_set_id" => V::Num(item.attribute_set_id.into()),
        "price" => V::Num(item.product_price),
        "weight" => item.weight.map(V::Num).unwrap_or(V::Null),
        "quote_item_qty" => V::Num(item.qty),
        "quote_item_price" => V::Num(item.price),
        "quote_item_row_total" => V::Num(item.row_total),
        other => item
            .attributes
            .iter()
            .find(|(code, _)| code == other)
            .map(|(_, v)| V::of_json(v))
            .unwrap_or(V::Null),
    };
    let category = attr == "category_ids";
    let leaf = Leaf::new(cond, category);
    let operator = match (category, leaf.operator.as_str()) {
        (true, "==") => "{}".to_owned(),
        (true, "!=") => "!{}".to_owned(),
        (_, op) => op.to_owned(),
    };
    leaf.validate(&validated, &operator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn address(subtotal: i64) -> AddressFacts {
        AddressFacts {
            base_subtotal: subtotal.into(),
            country_id: Some("US".into()),
            region_id: Some(43),
            ..Default::default()
        }
    }

    fn leaf(attribute: &str, operator: &str, value: Value) -> Value {
        json!({"type": ADDRESS, "attribute": attribute, "operator": operator, "value": value,
               "is_value_processed": false})
    }

    fn root(value: Value, aggregator: &str, conditions: Vec<Value>) -> Value {
        json!({"type": COMBINE, "attribute": null, "operator": null, "value": value,
               "is_value_processed": null, "aggregator": aggregator, "conditions": conditions})
    }

    #[test]
    fn address_conditions_as_magento_compares() {
        let cases = [
            (leaf("base_subtotal", ">=", json!("200")), 200, true),
            (leaf("base_subtotal", ">=", json!("200")), 199, false),
            (leaf("base_subtotal", ">", json!(800)), 801, true),
            (leaf("base_subtotal", "<", json!("10")), 9, true),
            (leaf("country_id", "==", json!("us")), 0, true),
            (leaf("country_id", "!=", json!("US")), 0, false),
            (leaf("region_id", "()", json!("12, 43")), 0, true),
            (leaf("region_id", "!()", json!("12;44")), 0, true),
            (leaf("postcode", "==", json!("11501")), 0, false),
            (leaf("postcode", "!=", json!("11501")), 0, true),
            (leaf("country_id", "{}", json!("U")), 0, true),
            // an array operator with a scalar-only value is false, negation included
            (leaf("country_id", "()", json!("")), 0, false),
        ];
        for (cond, subtotal, expected) in cases {
            let got = validate_address(
                &root(json!("1"), "all", vec![cond.clone()]),
                &address(subtotal),
                &[],
            );
            assert_eq!(got, expected, "{cond}");
        }
    }

    #[test]
    fn combines_all_any_true_false() {
        let over = leaf("base_subtotal", ">=", json!("200"));
        let us = leaf("country_id", "==", json!("US"));
        let a = address(100);
        assert!(!validate_address(
            &root(json!("1"), "all", vec![over.clone(), us.clone()]),
            &a,
            &[]
        ));
        assert!(validate_address(
            &root(json!("1"), "any", vec![over.clone(), us.clone()]),
            &a,
            &[]
        ));
        // FALSE: every child must be false (a null value reads as FALSE).
        assert!(validate_address(
            &root(json!(null), "all", vec![over.clone()]),
            &a,
            &[]
        ));
        assert!(!validate_address(
            &root(json!("0"), "all", vec![us]),
            &a,
            &[]
        ));
        assert!(validate_address(&root(json!(true), "all", vec![]), &a, &[]));
    }

    fn item(sku: &str, qty: i64, price: i64, categories: &[i64]) -> ItemFacts {
        ItemFacts {
            sku: sku.into(),
            qty: qty.into(),
            price: price.into(),
            row_total: (qty * price).into(),
            category_ids: categories.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn product_found_and_subselect() {
        let product = |attr: &str, op: &str, v: &str| {
            json!({"type": PRODUCT, "attribute": attr, "operator": op, "value": v,
                   "is_value_processed": false})
        };
        let found = json!({"type": FOUND, "attribute": null, "operator": null, "value": "1",
            "is_value_processed": null, "aggregator": "all",
            "conditions": [product("category_ids", "==", "4, 9")]});
        let items = [item("24-WB01", 2, 32, &[3, 4]), item("24-UG06", 1, 7, &[5])];
        assert!(validate_address(
            &root(json!("1"), "all", vec![found.clone()]),
            &address(0),
            &items
        ));
        assert!(!validate_address(
            &root(json!("1"), "all", vec![found]),
            &address(0),
            &items[1..]
        ));
        let sub = json!({"type": SUBSELECT, "attribute": "qty", "operator": ">=", "value": "3",
            "is_value_processed": null, "aggregator": "all",
            "conditions": [product("sku", "()", "24-wb01,24-UG06")]});
        assert!(validate_address(
            &root(json!("1"), "all", vec![sub.clone()]),
            &address(0),
            &items
        ));
        assert!(!validate_address(
            &root(json!("1"), "all", vec![sub]),
            &address(0),
            &items[..1]
        ));
        let actions = json!({"type": PRODUCT_COMBINE, "attribute": null, "operator": null,
            "value": "0", "aggregator": "all",
            "conditions": [product("category_ids", "==", "6"), product("sale", "==", "1")]});
        assert!(
            validate_item(&actions, &items[0]),
            "neither watches nor on sale"
        );
    }
}
