//! Cart price rules and coupons as data (`Magento\SalesRule`, 2.4.8): the rule repository
//! (`Model/RuleRepository.php` with `Converter/ToModel.php` / `ToDataModel.php`), the coupon
//! repository (`Model/CouponRepository.php`), coupon generation and mass deletion
//! (`Model/Service/CouponManagementService.php`, `Coupon/Massgenerator.php`), the cart's coupon
//! (`Quote/Model/CouponManagement.php`), the rules a cart's collect reads
//! (`Validator::initFromQuote` / `getRules`, `ValidateCouponCode`) and the usage counted when an
//! order is placed (`Plugin/CouponUsagesIncrement.php`, `Coupon/Usage/Processor.php`).
//!
//! What Magento does, kept on purpose:
//! - Saving a rule: `ToModel::toModel` loads the rule for an id (`No such entity.`, 404), merges
//!   the posted fields over the stored ones, then `Rule\AbstractModel::validateData`: "End Date
//!   must follow Start Date." (both dates known), "Please specify a website." / "Please specify
//!   Customer Groups." (an empty list posted); all of them in one message, each followed by `"; "`.
//!   Then `beforeSave`: "Please choose a valid discount amount." when `(int)discount_amount < 0`.
//!   A new rule's dates are reformatted (`new \DateTime`), an unparsable one is PHP's uncaught
//!   exception (500). Unknown website, group or store ids fail the foreign keys (500).
//! - Conditions: the posted tree is loaded into the rule's root combine and serialized back
//!   (`dataModelToArray` → `Combine::loadArray` → `asArray`): the root's class is always the
//!   rule's (`Rule\Condition\Combine`, actions `Rule\Condition\Product\Combine`) whatever was
//!   posted; a combine's value falls back to its operator and its aggregator to its attribute;
//!   a leaf's missing attribute, operator or value become `false`; classes magemu does not know
//!   are dropped (Magento's `ConditionFactory` throws and the combine logs and skips them). A rule
//!   posted without conditions gets the empty root (`value` true, aggregator `all`).
//! - The reply: `ToDataModel` over the reloaded rule, so `uses_per_coupon` 0 without
//!   auto-generation shows the primary coupon's `usage_limit` (`Rule::loadCouponCode`, PHP's
//!   `"0" == null`), which is `null` when the rule has no primary coupon (REST cannot make one:
//!   `RuleInterface` has no coupon code); `discount_qty` 0 is stored NULL (omitted); the
//!   `store_labels` of a save reply are the posted ones when labels were posted (the model keeps
//!   them), the stored ones otherwise; labels are added or replaced, an empty label deletes one.
//! - Coupons (`CouponRepository::save`): the rule must exist and allow the coupon's kind, else
//!   "Error occurred when saving coupon: %1" with the cause; `usage_limit` and
//!   `usage_per_customer` are always the rule's; a code taken by another coupon is
//!   "%1 already exists." with "Coupon with the same code" (codes compare case-insensitively, as
//!   MySQL's collation does).
//! - The cart's coupon: an empty cart is 404 `The "%1" Cart doesn't contain products.`; a code no
//!   coupon rule applies with is 404 "The coupon code isn't valid. Verify the code and try
//!   again." - after the quote was saved with its coupon cleared, so a refused code also removes
//!   the coupon the cart had (Magento saves before it compares).
//! - Usage: placing an order with applied rules counts the coupon (`times_used`, refused with
//!   "%s coupon exceeds usage limit." at the limit), the customer's use of each rule and of the
//!   coupon, and each rule's `times_used` (Magento counts the last through a message queue
//!   consumer, magemu at once).
//! - The date a rule must be valid on is today's UTC date (Magento: the store's timezone).

use std::collections::HashSet;

use rand::Rng;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::checkout::rules::{self, Rule, KNOWN, NO_COUPON, PRODUCT, SPECIFIC_COUPON, SUBSELECT};
use crate::db::sales_rules::{self as store, CouponRow, SalesRuleRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};
use crate::search::SearchCriteria;

/// `NoSuchEntityException()` without a phrase.
pub const NO_SUCH_ENTITY: &str = "No such entity.";
/// `Rule\Model\AbstractModel::validateData`.
pub const END_DATE_BEFORE_START: &str = "End Date must follow Start Date.";
pub const SPECIFY_WEBSITE: &str = "Please specify a website.";
pub const SPECIFY_GROUPS: &str = "Please specify Customer Groups.";
/// `Rule\Model\AbstractModel::beforeSave`.
pub const INVALID_DISCOUNT_AMOUNT: &str = "Please choose a valid discount amount.";
/// `CouponRepository::save`.
pub const COUPON_SAVE_ERROR: &str = "Error occurred when saving coupon: %1";
pub const RULE_NO_COUPONS: &str = "Specified rule does not allow coupons";
pub const RULE_ONLY_GENERATED: &str = "Specified rule only allows auto generated coupons";
pub const RULE_NO_GENERATED: &str = "Specified rule does not allow auto generated coupons";
/// `AbstractDb::_checkUnique` with `ResourceModel\Coupon`'s unique field title.
pub const ALREADY_EXISTS: &str = "%1 already exists.";
pub const SAME_CODE: &str = "Coupon with the same code";
/// `CouponManagementService::generate`.
pub const GENERATE_ERROR: &str = "Error occurred when generating coupons: %1";
pub const NO_AUTO_GENERATION: &str = "Specified rule does not allow automatic coupon generation";
/// `Massgenerator::generatePool`.
pub const CANNOT_GENERATE_QTY: &str =
    "We cannot create the requested Coupon Qty. Please check your settings and try again.";
/// `InputException` without a phrase.
pub const INPUT_EXCEPTIONS: &str = "One or more input exceptions have occurred.";
/// `CouponManagementService::massDelete` with `ignoreInvalidCoupons` false.
pub const SOME_COUPONS_INVALID: &str = "Some coupons are invalid.";
/// `Quote\Model\CouponManagement::set` / `remove`.
pub const CART_WITHOUT_PRODUCTS: &str = "The \"%1\" Cart doesn't contain products.";
pub const COUPON_NOT_VALID: &str = "The coupon code isn't valid. Verify the code and try again.";
/// `Coupon\Usage\Processor::lockLoadedCoupon` (`sprintf('%s %s', code, ...)`).
pub const COUPON_EXCEEDS_LIMIT: &str = "coupon exceeds usage limit.";
/// `NoSuchEntityException::singleField` text as `getMessage()` renders it.
const NO_SUCH_ENTITY_WITH: &str = "No such entity with %1 = %2";

/// A `ConditionInterface` as posted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConditionInput {
    pub condition_type: Option<String>,
    pub conditions: Option<Vec<ConditionInput>>,
    pub aggregator_type: Option<String>,
    pub operator: Option<String>,
    pub attribute_name: Option<String>,
    pub value: Value,
}

/// A `RuleInterface` as posted: `None` for what was not sent (or sent as null).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleInput {
    pub rule_id: Option<i64>,
    pub name: Option<String>,
    pub store_labels: Option<Vec<(i64, String)>>,
    pub description: Option<String>,
    pub website_ids: Option<Vec<i64>>,
    pub customer_group_ids: Option<Vec<i64>>,
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub uses_per_customer: Option<i64>,
    pub is_active: Option<bool>,
    pub condition: Option<ConditionInput>,
    pub action_condition: Option<ConditionInput>,
    pub stop_rules_processing: Option<bool>,
    pub is_advanced: Option<bool>,
    pub product_ids: Option<Vec<i64>>,
    pub sort_order: Option<i64>,
    pub simple_action: Option<String>,
    pub discount_amount: Option<Amount>,
    pub discount_qty: Option<Amount>,
    pub discount_step: Option<i64>,
    pub apply_to_shipping: Option<bool>,
    pub times_used: Option<i64>,
    pub is_rss: Option<bool>,
    pub coupon_type: Option<String>,
    pub use_auto_generation: Option<bool>,
    pub uses_per_coupon: Option<i64>,
    pub simple_free_shipping: Option<String>,
}

/// A stored rule with what `ToDataModel` adds: its labels, websites and groups, and
/// `uses_per_coupon` as `loadCouponCode` leaves it.
#[derive(Debug, Clone, Default)]
pub struct RuleRecord {
    pub row: SalesRuleRow,
    pub store_labels: Vec<(i64, String)>,
    pub website_ids: Vec<i64>,
    pub customer_group_ids: Vec<i64>,
    pub uses_per_coupon: Option<i64>,
}

/// A `CouponInterface` as posted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CouponInput {
    pub coupon_id: Option<i64>,
    pub rule_id: Option<i64>,
    pub code: Option<String>,
    pub usage_limit: Option<i64>,
    pub usage_per_customer: Option<i64>,
    pub times_used: Option<i64>,
    pub expiration_date: Option<String>,
    pub is_primary: Option<bool>,
    pub created_at: Option<String>,
    pub kind: Option<i64>,
}

/// What `CouponRepository::save` returns: the saved model, not reloaded (a new coupon's
/// `times_used` and `type` are what was posted, `null` / absent when not).
#[derive(Debug, Clone, Default)]
pub struct SavedCoupon {
    pub row: CouponRow,
    pub times_used: Option<i64>,
    pub kind: Option<i64>,
}

/// A `CouponGenerationSpecInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CouponSpec {
    pub rule_id: Option<i64>,
    pub format: Option<String>,
    pub quantity: Option<i64>,
    pub length: Option<i64>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub delimiter_at_every: Option<i64>,
    pub delimiter: Option<String>,
}

/// `CouponMassDeleteResultInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MassDeleteResult {
    pub failed_items: Vec<String>,
    pub missing_items: Vec<String>,
}

fn no_such_entity() -> Error {
    Error::NotFound(Phrase::plain(NO_SUCH_ENTITY))
}

/// `ToModel::mapCouponType`: the interface's names to the stored number; a number stays; any
/// other text is `''`, stored as 0 by MySQL.
fn coupon_type_number(v: &str) -> i64 {
    match v {
        "NO_COUPON" => 1,
        "SPECIFIC_COUPON" => 2,
        "AUTO" => 3,
        other => mysql_int(other),
    }
}

/// `ToDataModel::mapCouponType`: 1, 2, 3 by name; 0 is falsy and stays `"0"`; others `""`.
pub fn coupon_type_name(n: i64) -> String {
    match n {
        0 => "0".into(),
        1 => "NO_COUPON".into(),
        2 => "SPECIFIC_COUPON".into(),
        3 => "AUTO".into(),
        _ => String::new(),
    }
}

/// A string stored into an integer column by MySQL outside strict mode: its leading integer.
fn mysql_int(s: &str) -> i64 {
    let t = s.trim_start();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, t.strip_prefix('+').unwrap_or(t)),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse::<i64>().map(|n| sign * n).unwrap_or(0)
}

/// `new \DateTime($date)` as far as dates go: `Y-m-d`, optionally with a time; the date part.
fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    let date = t.get(..10)?;
    let rest = &t[10..];
    let ok_rest = rest.is_empty()
        || ((rest.starts_with('T') || rest.starts_with(' '))
            && rest[1..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.'));
    let format = time::macros::format_description!("[year]-[month]-[day]");
    (ok_rest && time::Date::parse(date, &format).is_ok()).then(|| date.to_owned())
}

fn date_or_fatal(text: &str) -> Result<String> {
    parse_date(text).ok_or_else(|| {
        Error::internal(format!(
            "DateTime::__construct(): Failed to parse time string ({text})"
        ))
    })
}

fn bool_int(b: bool) -> i64 {
    b as i64
}

/// The JSON `asArray()` keeps of a leaf's attribute, operator or value: `false` when unset.
fn or_false(v: Option<Value>) -> Value {
    match v {
        Some(Value::Null) | None => Value::Bool(false),
        Some(v) => v,
    }
}

fn opt_text(v: &Option<String>) -> Value {
    v.clone().map(Value::String).unwrap_or(Value::Null)
}

/// `AbstractProduct::loadArray`: with any operator (`in_array($op, ['()', '!()', true])` is
/// loose), a string value's commas lose their surrounding spaces.
fn product_value(v: &Value, operator: &Option<String>) -> Value {
    if operator.as_deref().is_none_or(str::is_empty) {
        return v.clone();
    }
    let squeeze = |s: &str| s.split(',').map(str::trim).collect::<Vec<_>>().join(",");
    match v {
        Value::String(s) => {
            // preg_replace('/\s*,\s*/', ','): only the spaces around commas.
            if s.contains(',') {
                let parts: Vec<&str> = s.split(',').collect();
                let last = parts.len() - 1;
                let joined: Vec<String> = parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let p = if i > 0 { p.trim_start() } else { p };
                        let p = if i < last { p.trim_end() } else { p };
                        p.to_owned()
                    })
                    .collect();
                Value::String(joined.join(","))
            } else {
                v.clone()
            }
        }
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(if *b { "1".into() } else { String::new() }),
        Value::Array(a) => Value::Array(
            a.iter()
                .map(|x| match x {
                    Value::String(s) => Value::String(squeeze(s)),
                    other => other.clone(),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A child condition as `Combine::loadArray` creates and loads it, serialized (`asArray`);
/// `None` when its class is not one Magento would create.
fn child_condition(c: &ConditionInput) -> Option<Value> {
    let class = c.condition_type.clone().unwrap_or_default();
    if !KNOWN.contains(&class.as_str()) {
        return None;
    }
    if rules::is_combine(&class) {
        let (attribute, operator) = if class == SUBSELECT {
            (opt_text(&c.attribute_name), opt_text(&c.operator))
        } else {
            (Value::Null, Value::Null)
        };
        Some(combine_json(&class, attribute, operator, c))
    } else {
        let value = if class == PRODUCT {
            product_value(&c.value, &c.operator)
        } else {
            c.value.clone()
        };
        let mut m = Map::new();
        m.insert("type".into(), Value::String(class));
        m.insert(
            "attribute".into(),
            or_false(c.attribute_name.clone().map(Value::String)),
        );
        m.insert(
            "operator".into(),
            or_false(c.operator.clone().map(Value::String)),
        );
        m.insert("value".into(), or_false(Some(value)));
        m.insert("is_value_processed".into(), Value::Bool(false));
        Some(Value::Object(m))
    }
}

/// A combine of `class` loaded from `c` (`Combine::loadArray`) and serialized.
fn combine_json(class: &str, attribute: Value, operator: Value, c: &ConditionInput) -> Value {
    let aggregator = c
        .aggregator_type
        .clone()
        .filter(|a| !a.is_empty())
        .or_else(|| c.attribute_name.clone());
    let value = match &c.value {
        Value::Null => opt_text(&c.operator),
        v => v.clone(),
    };
    let mut m = Map::new();
    m.insert("type".into(), Value::String(class.to_owned()));
    m.insert("attribute".into(), attribute);
    m.insert("operator".into(), operator);
    m.insert("value".into(), value);
    m.insert("is_value_processed".into(), Value::Null);
    m.insert("aggregator".into(), opt_text(&aggregator));
    let children: Vec<Value> = c
        .conditions
        .iter()
        .flatten()
        .filter_map(child_condition)
        .collect();
    if !children.is_empty() {
        m.insert("conditions".into(), Value::Array(children));
    }
    Value::Object(m)
}

/// The serialized root of a rule's conditions (`class` `Rule\Condition\Combine`) or actions
/// (`Product\Combine`), posted or the empty default.
pub fn serialize_root(class: &str, posted: Option<&ConditionInput>) -> String {
    let root = match posted {
        Some(c) => combine_json(class, Value::Null, Value::Null, c),
        None => json!({"type": class, "attribute": null, "operator": null, "value": true,
                       "is_value_processed": null, "aggregator": "all"}),
    };
    root.to_string()
}

/// `Rule::loadCouponCode`'s `uses_per_coupon`.
async fn uses_per_coupon(conn: &mut SqliteConnection, row: &SalesRuleRow) -> Result<Option<i64>> {
    if row.uses_per_coupon == 0 && row.use_auto_generation == 0 {
        let primary = store::primary_coupon(&mut *conn, row.rule_id).await?;
        return Ok(primary.and_then(|c| c.usage_limit));
    }
    Ok(Some(row.uses_per_coupon))
}

/// The rule `id` as `RuleRepository::getById` loads it.
pub async fn load_rule(conn: &mut SqliteConnection, id: i64) -> Result<Option<RuleRecord>> {
    let Some(row) = store::rule(&mut *conn, id).await? else {
        return Ok(None);
    };
    Ok(Some(RuleRecord {
        store_labels: store::store_labels(&mut *conn, id).await?,
        website_ids: store::website_ids(&mut *conn, id).await?,
        customer_group_ids: store::customer_group_ids(&mut *conn, id).await?,
        uses_per_coupon: uses_per_coupon(&mut *conn, &row).await?,
        row,
    }))
}

/// `RuleRepository::getById`.
pub async fn get_rule(db: &Db, id: i64) -> Result<RuleRecord> {
    let mut conn = db.read.acquire().await?;
    load_rule(&mut conn, id).await?.ok_or_else(no_such_entity)
}

/// `RuleRepository::getList`.
pub async fn list_rules(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<RuleRecord>, i64)> {
    let mut conn = db.read.acquire().await?;
    let (rows, total) = store::list_rules(&mut conn, criteria).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.extend(load_rule(&mut conn, row.rule_id).await?);
    }
    Ok((out, total))
}

/// `RuleRepository::deleteById`.
pub async fn delete_rule(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if store::delete_rule(conn, id).await? == 0 {
                    return Err(no_such_entity());
                }
                Ok(())
            })
        })
        .await
}

/// `RuleRepository::save` on the writer.
pub async fn save_rule(db: &Db, input: RuleInput) -> Result<RuleRecord> {
    db.writer
        .write(move |conn| Box::pin(async move { save_rule_on(conn, input).await }))
        .await
}

/// `RuleRepository::save` inside the caller's transaction (the seed's too).
pub async fn save_rule_on(conn: &mut SqliteConnection, input: RuleInput) -> Result<RuleRecord> {
    let existing = match input.rule_id.filter(|id| *id != 0) {
        Some(id) => Some(
            store::rule(&mut *conn, id)
                .await?
                .ok_or_else(no_such_entity)?,
        ),
        None => None,
    };
    let is_new = existing.is_none();
    let old = existing.clone().unwrap_or(SalesRuleRow {
        stop_rules_processing: 1,
        is_advanced: 1,
        coupon_type: NO_COUPON,
        ..Default::default()
    });
    // A new rule's dates go through `new \DateTime` first (ToModel::formattingDate).
    let mut from_date = input.from_date.clone();
    let mut to_date = input.to_date.clone();
    if is_new {
        for d in [&mut from_date, &mut to_date] {
            if let Some(text) = d.as_ref().filter(|t| !t.is_empty()) {
                *d = Some(date_or_fatal(text)?);
            }
        }
    }
    // validateData on the merged data.
    let mut errors: Vec<&str> = Vec::new();
    let merged_from = from_date.clone().or(old.from_date.clone());
    let merged_to = to_date.clone().or(old.to_date.clone());
    let dates_known = !is_new || (from_date.is_some() && to_date.is_some());
    if let (true, Some(f), Some(t)) = (dates_known, &merged_from, &merged_to) {
        if !f.is_empty() && !t.is_empty() && date_or_fatal(f)? > date_or_fatal(t)? {
            errors.push(END_DATE_BEFORE_START);
        }
    }
    if input.website_ids.as_ref().is_some_and(Vec::is_empty) {
        errors.push(SPECIFY_WEBSITE);
    }
    if input.customer_group_ids.as_ref().is_some_and(Vec::is_empty) {
        errors.push(SPECIFY_GROUPS);
    }
    if !errors.is_empty() {
        let text: String = errors.iter().map(|e| format!("{e}; ")).collect();
        return Err(Error::input(text));
    }
    let discount_amount = input.discount_amount.unwrap_or(old.discount_amount);
    if discount_amount.decimal().trunc() < Decimal::ZERO {
        return Err(Error::input(INVALID_DISCOUNT_AMOUNT));
    }
    let coupon_type = input
        .coupon_type
        .as_deref()
        .map(coupon_type_number)
        .unwrap_or(old.coupon_type);
    let discount_qty = input
        .discount_qty
        .map(Some)
        .unwrap_or(old.discount_qty)
        .filter(|q| !q.is_zero());
    let mut row = SalesRuleRow {
        rule_id: old.rule_id,
        name: input.name.clone().or(old.name.clone()),
        description: input.description.clone().or(old.description.clone()),
        from_date: match from_date {
            Some(d) if d.is_empty() => None,
            Some(d) => Some(date_or_fatal(&d)?),
            None => old.from_date.clone(),
        },
        to_date: match to_date {
            Some(d) if d.is_empty() => None,
            Some(d) => Some(date_or_fatal(&d)?),
            None => old.to_date.clone(),
        },
        uses_per_customer: input.uses_per_customer.unwrap_or(old.uses_per_customer),
        is_active: input.is_active.map(bool_int).unwrap_or(old.is_active),
        conditions_serialized: match (&input.condition, &old.conditions_serialized) {
            (None, Some(kept)) => Some(kept.clone()),
            (posted, _) => Some(serialize_root(rules::COMBINE, posted.as_ref())),
        },
        actions_serialized: match (&input.action_condition, &old.actions_serialized) {
            (None, Some(kept)) => Some(kept.clone()),
            (posted, _) => Some(serialize_root(rules::PRODUCT_COMBINE, posted.as_ref())),
        },
        stop_rules_processing: input
            .stop_rules_processing
            .map(bool_int)
            .unwrap_or(old.stop_rules_processing),
        is_advanced: input.is_advanced.map(bool_int).unwrap_or(old.is_advanced),
        product_ids: match &input.product_ids {
            Some(ids) => Some(ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
            None => old.product_ids.clone(),
        },
        // Unsigned columns take a negative number as 0 (MySQL outside strict mode).
        sort_order: input.sort_order.unwrap_or(old.sort_order).max(0),
        simple_action: input.simple_action.clone().or(old.simple_action.clone()),
        discount_amount,
        discount_qty,
        discount_step: input.discount_step.unwrap_or(old.discount_step).max(0),
        apply_to_shipping: input
            .apply_to_shipping
            .map(bool_int)
            .unwrap_or(old.apply_to_shipping),
        times_used: input.times_used.unwrap_or(old.times_used),
        is_rss: input.is_rss.map(bool_int).unwrap_or(old.is_rss),
        coupon_type,
        use_auto_generation: input
            .use_auto_generation
            .map(bool_int)
            .unwrap_or(old.use_auto_generation),
        uses_per_coupon: input.uses_per_coupon.unwrap_or(old.uses_per_coupon),
        simple_free_shipping: match &input.simple_free_shipping {
            Some(s) => Some(mysql_int(s).max(0)),
            None => old.simple_free_shipping,
        },
    };
    if is_new {
        row.rule_id = db::insert(&mut *conn, "salesrule", "rule_id", &row).await?;
    } else {
        db::update(&mut *conn, "salesrule", "rule_id", &row).await?;
    }
    let id = row.rule_id;
    let labels = input.store_labels.as_deref().map(by_store);
    if let Some(labels) = &labels {
        store::save_store_labels(&mut *conn, id, labels).await?;
    }
    if let Some(ids) = &input.website_ids {
        store::bind_entities(&mut *conn, "salesrule_website", "website_id", id, ids).await?;
    }
    if let Some(ids) = &input.customer_group_ids {
        store::bind_entities(
            &mut *conn,
            "salesrule_customer_group",
            "customer_group_id",
            id,
            ids,
        )
        .await?;
    }
    // Rule::afterSave: the primary coupon follows a specific rule's limits, or goes.
    if let Some(mut primary) = store::primary_coupon(&mut *conn, id).await? {
        if row.coupon_type == SPECIFIC_COUPON && row.use_auto_generation == 0 {
            primary.usage_limit = Some(row.uses_per_coupon.max(0));
            primary.usage_per_customer = Some(row.uses_per_customer.max(0));
            db::update(&mut *conn, "salesrule_coupon", "coupon_id", &primary).await?;
        } else {
            store::delete_coupon(&mut *conn, primary.coupon_id).await?;
        }
    }
    // ResourceModel\Rule::_afterSave → Coupon::updateSpecificCoupons for auto rules.
    if !is_new && (row.use_auto_generation == 1 || row.coupon_type == rules::AUTO_COUPON) {
        let type_changed = row.coupon_type != old.coupon_type;
        if type_changed || row.uses_per_coupon != old.uses_per_coupon {
            sqlx::query("UPDATE salesrule_coupon SET usage_limit = ? WHERE rule_id = ?")
                .bind(row.uses_per_coupon)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        if type_changed || row.uses_per_customer != old.uses_per_customer {
            sqlx::query("UPDATE salesrule_coupon SET usage_per_customer = ? WHERE rule_id = ?")
                .bind(row.uses_per_customer)
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    }
    let mut record = load_rule(&mut *conn, id)
        .await?
        .ok_or_else(no_such_entity)?;
    if let Some(labels) = labels {
        // The saved model keeps the posted labels, keyed by store.
        record.store_labels = labels;
    }
    Ok(record)
}

/// The posted labels keyed by store, as the model's array holds them: a store named twice
/// keeps its first place and its last label.
fn by_store(labels: &[(i64, String)]) -> Vec<(i64, String)> {
    let mut kept = Vec::with_capacity(labels.len());
    crate::keyed::merge_by_key(&mut kept, labels.iter().cloned(), |kept, new| *kept = new);
    kept
}

/// `CouponRepository::getById`.
pub async fn get_coupon(db: &Db, id: i64) -> Result<CouponRow> {
    let mut conn = db.read.acquire().await?;
    store::coupon(&mut conn, id)
        .await?
        .ok_or_else(no_such_entity)
}

/// `CouponRepository::getList`.
pub async fn list_coupons(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<CouponRow>, i64)> {
    let mut conn = db.read.acquire().await?;
    store::list_coupons(&mut conn, criteria).await
}

/// `CouponRepository::deleteById`.
pub async fn delete_coupon(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if store::delete_coupon(conn, id).await? == 0 {
                    return Err(no_such_entity());
                }
                Ok(())
            })
        })
        .await
}

fn coupon_error(cause: String) -> Error {
    Error::Input(Phrase::positional(COUPON_SAVE_ERROR, vec![cause]))
}

/// `CouponRepository::save`.
pub async fn save_coupon(db: &Db, input: CouponInput) -> Result<SavedCoupon> {
    db.writer
        .write(move |conn| Box::pin(async move { save_coupon_on(conn, input).await }))
        .await
}

async fn save_coupon_on(conn: &mut SqliteConnection, input: CouponInput) -> Result<SavedCoupon> {
    let existing = match input.coupon_id.filter(|id| *id != 0) {
        Some(id) => Some(
            store::coupon(&mut *conn, id)
                .await?
                .ok_or_else(no_such_entity)?,
        ),
        None => None,
    };
    let (shown_times_used, shown_kind) = match &existing {
        Some(c) => (
            Some(input.times_used.unwrap_or(c.times_used)),
            input.kind.or(c.kind),
        ),
        None => (input.times_used, input.kind),
    };
    let mut coupon = existing.unwrap_or_default();
    if let Some(v) = input.rule_id {
        coupon.rule_id = v;
    }
    if input.code.is_some() {
        coupon.code = input.code.clone();
    }
    if let Some(v) = input.times_used {
        coupon.times_used = v;
    }
    if input.expiration_date.is_some() {
        coupon.expiration_date = input.expiration_date.clone();
    }
    if let Some(p) = input.is_primary {
        coupon.is_primary = Some(p as i64);
    }
    if input.created_at.is_some() {
        coupon.created_at = input.created_at.clone();
    }
    if input.kind.is_some() {
        coupon.kind = input.kind;
    }
    // The rule decides (every failure wrapped in "Error occurred when saving coupon: %1").
    let rule = match store::rule(&mut *conn, coupon.rule_id).await? {
        Some(r) if coupon.rule_id != 0 => r,
        _ => {
            let shown = match input.rule_id {
                Some(id) => id.to_string(),
                None => String::new(),
            };
            return Err(coupon_error(
                Phrase::positional(NO_SUCH_ENTITY_WITH, vec!["rule_id".into(), shown]).render(),
            ));
        }
    };
    if rule.coupon_type == NO_COUPON {
        return Err(coupon_error(RULE_NO_COUPONS.into()));
    }
    let kind = coupon.kind.unwrap_or(0);
    if rule.use_auto_generation == 1 && kind == 0 {
        return Err(coupon_error(RULE_ONLY_GENERATED.into()));
    }
    if rule.use_auto_generation == 0 && kind == 1 {
        return Err(coupon_error(RULE_NO_GENERATED.into()));
    }
    coupon.usage_limit = Some(uses_per_coupon(&mut *conn, &rule).await?.unwrap_or(0));
    coupon.usage_per_customer = Some(rule.uses_per_customer);
    // ResourceModel\Coupon::_beforeSave.
    coupon.is_primary = coupon.is_primary.filter(|p| *p != 0).map(|_| 1);
    if coupon.created_at.is_none() {
        coupon.created_at = Some(db::now_timestamp());
    }
    // `_checkUnique` on `code`: a coupon without one is looked up `code IS NULL`, so a second
    // codeless coupon is refused too.
    if store::code_taken(&mut *conn, coupon.code.as_deref(), coupon.coupon_id).await? {
        return Err(Error::Input(Phrase::positional(
            ALREADY_EXISTS,
            vec![SAME_CODE.into()],
        )));
    }
    // The unique key (rule_id, is_primary): a second primary coupon of a rule is the save's
    // AlreadyExistsException.
    if coupon.coupon_id == 0 {
        // The column's default for a type not posted.
        let stored = CouponRow {
            kind: coupon.kind.or(Some(0)),
            ..coupon.clone()
        };
        coupon.coupon_id = db::insert(&mut *conn, "salesrule_coupon", "coupon_id", &stored)
            .await
            .map_err(Error::from_save)?;
    } else {
        db::update(&mut *conn, "salesrule_coupon", "coupon_id", &coupon)
            .await
            .map_err(Error::from_save)?;
    }
    Ok(SavedCoupon {
        row: coupon,
        times_used: shown_times_used,
        kind: shown_kind,
    })
}

/// The characters of each code format (`SalesRule/etc/di.xml`, `Helper\Coupon`).
fn charset(format: &str) -> &'static str {
    match format {
        "alpha" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "num" => "0123456789",
        _ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    }
}

/// Most characters one generation may produce (its codes, their prefixes, delimiters and
/// suffixes): Magento sets no bound, and PHP stops at its `memory_limit` with a fatal error;
/// magemu answers `generatePool`'s refusal instead of building codes past its memory (an
/// allocation failure aborts the whole server) while every other write waits.
const MAX_GENERATED_CHARS: u64 = 64 * 1024 * 1024;

/// How many characters `qty` codes of `length` make with the spec's prefix, suffix and
/// delimiters (saturating: any spec far past [`MAX_GENERATED_CHARS`] is just past it).
fn generated_chars(spec: &CouponSpec, qty: i64, length: i64) -> u64 {
    let len = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() as u64);
    let length = length.max(1) as u64;
    let delimiters = match spec.delimiter_at_every.unwrap_or(0) {
        split if split > 0 => (length - 1) / split as u64,
        _ => 0,
    };
    let delimiter = spec.delimiter.as_ref().map_or(1, |d| d.len() as u64);
    let code = len(&spec.prefix)
        .saturating_add(length)
        .saturating_add(delimiters.saturating_mul(delimiter))
        .saturating_add(len(&spec.suffix));
    (qty.max(0) as u64).saturating_mul(code)
}

/// `Massgenerator::generateCode`.
fn generate_code(spec: &CouponSpec, length: i64, format: &str) -> String {
    let chars: Vec<char> = charset(format).chars().collect();
    let split = spec.delimiter_at_every.unwrap_or(0).max(0);
    let delimiter = spec.delimiter.clone().unwrap_or_else(|| "-".into());
    let mut rng = rand::rng();
    let mut code = String::new();
    for i in 0..length.max(1) {
        if split > 0 && i % split == 0 && i != 0 {
            code.push_str(&delimiter);
        }
        code.push(chars[rng.random_range(0..chars.len())]);
    }
    format!(
        "{}{code}{}",
        spec.prefix.clone().unwrap_or_default(),
        spec.suffix.clone().unwrap_or_default()
    )
}

/// `CouponManagementService::generate`: the new codes.
pub async fn generate(db: &Db, spec: CouponSpec) -> Result<Vec<String>> {
    // Massgenerator::validateData: qty, rule id and length positive, a format.
    let valid = spec.quantity.is_some_and(|q| q > 0)
        && spec.rule_id.is_some_and(|r| r > 0)
        && spec.length.is_some_and(|l| l > 0);
    if !valid {
        return Err(Error::input(INPUT_EXCEPTIONS));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let rule_id = spec.rule_id.unwrap_or_default();
                let fail =
                    |cause: String| Error::Input(Phrase::positional(GENERATE_ERROR, vec![cause]));
                let Some(rule) = store::rule(&mut *conn, rule_id).await? else {
                    return Err(fail(
                        Phrase::positional(
                            NO_SUCH_ENTITY_WITH,
                            vec!["rule_id".into(), rule_id.to_string()],
                        )
                        .render(),
                    ));
                };
                if rule.use_auto_generation == 0 && rule.coupon_type != rules::AUTO_COUPON {
                    return Err(fail(NO_AUTO_GENERATION.into()));
                }
                let format = spec
                    .format
                    .clone()
                    .filter(|f| !f.is_empty())
                    .unwrap_or_else(|| "alphanum".into());
                let qty = spec.quantity.unwrap_or(1);
                // increaseLength: at most a 1-in-4 chance of guessing a code.
                let chars = charset(&format).len() as f64;
                let mut length = spec.length.unwrap_or(1);
                while qty as f64 / chars.powi(length.min(64) as i32) > 0.25 {
                    length += 1;
                }
                if generated_chars(&spec, qty, length) > MAX_GENERATED_CHARS {
                    return Err(fail(CANNOT_GENERATE_QTY.into()));
                }
                let now = db::now_timestamp();
                let mut codes = Vec::new();
                for _ in 0..qty {
                    let mut attempt = 0;
                    let code = loop {
                        if attempt >= 10 {
                            return Err(fail(CANNOT_GENERATE_QTY.into()));
                        }
                        attempt += 1;
                        let code = generate_code(&spec, length, &format);
                        if !store::code_taken(&mut *conn, Some(&code), 0).await? {
                            break code;
                        }
                    };
                    let row = CouponRow {
                        rule_id,
                        code: Some(code.clone()),
                        usage_limit: Some(rule.uses_per_coupon),
                        usage_per_customer: Some(rule.uses_per_customer),
                        created_at: Some(now.clone()),
                        kind: Some(1),
                        ..Default::default()
                    };
                    db::insert(&mut *conn, "salesrule_coupon", "coupon_id", &row).await?;
                    codes.push(code);
                }
                Ok(codes)
            })
        })
        .await
}

/// `CouponManagementService::deleteByIds` / `deleteByCodes` (`by_code`).
pub async fn mass_delete(
    db: &Db,
    values: Vec<String>,
    by_code: bool,
    ignore_invalid: bool,
) -> Result<MassDeleteResult> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let column = if by_code { "code" } else { "coupon_id" };
                let list = if by_code {
                    Value::from(values.clone())
                } else {
                    Value::from(
                        values
                            .iter()
                            .filter_map(|v| v.parse::<i64>().ok())
                            .collect::<Vec<_>>(),
                    )
                }
                .to_string();
                let found: Vec<CouponRow> = sqlx::query_as(&format!(
                    "SELECT * FROM salesrule_coupon
                     WHERE {column} IN (SELECT value FROM json_each(?)) ORDER BY coupon_id"
                ))
                .bind(&list)
                .fetch_all(&mut *conn)
                .await?;
                if !ignore_invalid && found.len() != values.len() {
                    return Err(Error::input(SOME_COUPONS_INVALID));
                }
                // The filter finds a code in any case (MySQL's collation), but what was found
                // is struck from the request by its stored value (`array_flip` and `unset` in
                // `CouponManagementService::massDelete`, PHP's keys exact): a code asked in
                // another case is deleted and still listed missing. The rest of the request,
                // once each in request order, is missing (linear, as there; a search a value
                // made it quadratic, minutes of the writer for 140,000 ids).
                let mut deleted = HashSet::with_capacity(found.len());
                for coupon in &found {
                    store::delete_coupon(&mut *conn, coupon.coupon_id).await?;
                    deleted.insert(match by_code {
                        true => coupon.code.clone().unwrap_or_default(),
                        false => coupon.coupon_id.to_string(),
                    });
                }
                let mut seen = HashSet::with_capacity(values.len());
                let missing: Vec<String> = values
                    .into_iter()
                    .filter(|v| seen.insert(v.clone()) && !deleted.contains(v))
                    .collect();
                Ok(MassDeleteResult {
                    failed_items: Vec::new(),
                    missing_items: missing,
                })
            })
        })
        .await
}

/// Today as the rules' date filter compares it (`Y-m-d`).
fn today() -> String {
    db::now_timestamp().chars().take(10).collect()
}

/// `ValidateCouponCode::execute` for one code: the stored coupon when it may still be used by
/// `customer_id`.
async fn usable_coupon(
    conn: &mut SqliteConnection,
    code: &str,
    customer_id: Option<i64>,
) -> Result<Option<CouponRow>> {
    let Some(coupon) = store::coupon_by_code(&mut *conn, code).await? else {
        return Ok(None);
    };
    let limit = coupon.usage_limit.unwrap_or(0);
    if limit > 0 && coupon.times_used >= limit {
        return Ok(None);
    }
    let per_customer = coupon.usage_per_customer.unwrap_or(0);
    if let (Some(customer), true) = (customer_id, per_customer > 0) {
        let used = store::coupon_usage(&mut *conn, coupon.coupon_id, customer).await?;
        if used.is_some_and(|u| u >= per_customer) {
            return Ok(None);
        }
    }
    Ok(Some(coupon))
}

/// The rules a cart's collect applies (`Validator::initFromQuote` + `getRules`): active, of the
/// website and customer group, valid today, without coupon or of the cart's usable coupon.
pub async fn rules_for_cart(
    conn: &mut SqliteConnection,
    website_id: i64,
    group_id: i64,
    store_id: i64,
    customer_id: Option<i64>,
    coupon_code: Option<&str>,
) -> Result<Vec<Rule>> {
    let mut codes: Vec<String> = Vec::new();
    if let Some(code) = coupon_code.filter(|c| !c.is_empty()) {
        if let Some(c) = usable_coupon(&mut *conn, code, customer_id).await? {
            codes.push(c.code.unwrap_or_default());
            if !codes.iter().any(|x| x == code) {
                codes.push(code.to_owned());
            }
        }
    }
    let rows = store::active_rules(&mut *conn, website_id, group_id, &today(), &codes).await?;
    let mut out = Vec::with_capacity(rows.len());
    for (row, code) in rows {
        let labels = store::store_labels(&mut *conn, row.rule_id).await?;
        let label = labels
            .iter()
            .find(|(s, _)| *s == store_id)
            .or_else(|| labels.iter().find(|(s, l)| *s == 0 && !l.is_empty()))
            .map(|(_, l)| l.clone());
        let used_up = match customer_id {
            Some(customer) if row.uses_per_customer > 0 => {
                store::customer_rule_usage(&mut *conn, row.rule_id, customer)
                    .await?
                    .is_some_and(|u| u >= row.uses_per_customer)
            }
            _ => false,
        };
        let parse = |s: &Option<String>| {
            s.as_deref()
                .and_then(|t| serde_json::from_str::<Value>(t).ok())
                .unwrap_or(Value::Null)
        };
        out.push(Rule {
            rule_id: row.rule_id,
            label,
            description: row.description.clone(),
            coupon_type: row.coupon_type,
            // The quote's code, as maintainAddressCouponCode keeps it.
            coupon_code: code.and(coupon_code.map(str::to_owned)),
            simple_action: row.simple_action.clone().unwrap_or_default(),
            discount_amount: row.discount_amount.decimal(),
            discount_qty: row.discount_qty.map(Amount::decimal),
            discount_step: row.discount_step,
            apply_to_shipping: row.apply_to_shipping != 0,
            stop_rules_processing: row.stop_rules_processing != 0,
            simple_free_shipping: row.simple_free_shipping.unwrap_or(0),
            conditions: parse(&row.conditions_serialized),
            actions: parse(&row.actions_serialized),
            used_up,
        });
    }
    Ok(out)
}

/// `UpdateCouponUsages::execute($quote, true)` and the rule-usage consumer, when an order is
/// placed with `applied_rule_ids`: the coupon's `times_used` (refused at its limit), the
/// customer's rule and coupon usage, each rule's `times_used`.
pub async fn count_usage(
    conn: &mut SqliteConnection,
    applied_rule_ids: &str,
    coupon_code: Option<&str>,
    customer_id: Option<i64>,
) -> Result<()> {
    let ids = store::applied_rule_ids(applied_rule_ids);
    if ids.is_empty() {
        return Ok(());
    }
    let coupon = match coupon_code.filter(|c| !c.is_empty()) {
        Some(code) => store::coupon_by_code(&mut *conn, code).await?,
        None => None,
    };
    if let Some(c) = &coupon {
        let limit = c.usage_limit.unwrap_or(0);
        if limit > 0 && c.times_used >= limit {
            let code = c.code.clone().unwrap_or_default();
            return Err(Error::input(format!("{code} {COUPON_EXCEEDS_LIMIT}")));
        }
        sqlx::query("UPDATE salesrule_coupon SET times_used = times_used + 1 WHERE coupon_id = ?")
            .bind(c.coupon_id)
            .execute(&mut *conn)
            .await?;
    }
    for id in &ids {
        if store::rule(&mut *conn, *id).await?.is_none() {
            continue;
        }
        if let Some(customer) = customer_id {
            store::add_customer_rule_usage(&mut *conn, *id, customer).await?;
        }
        sqlx::query("UPDATE salesrule SET times_used = times_used + 1 WHERE rule_id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    if let (Some(c), Some(customer)) = (&coupon, customer_id) {
        store::add_coupon_usage(&mut *conn, c.coupon_id, customer).await?;
    }
    Ok(())
}

/// Whether the stored coupon `code` has reached its usage limit (what `lockLoadedCoupon`
/// refuses when an order is placed from totals collected before).
pub async fn coupon_exhausted(conn: &mut SqliteConnection, code: &str) -> Result<Option<String>> {
    let Some(c) = store::coupon_by_code(&mut *conn, code).await? else {
        return Ok(None);
    };
    let limit = c.usage_limit.unwrap_or(0);
    Ok((limit > 0 && c.times_used >= limit).then(|| c.code.unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mysql_ints_and_dates() {
        assert_eq!(mysql_int("2"), 2);
        assert_eq!(mysql_int("NONE"), 0);
        assert_eq!(mysql_int(" 12abc"), 12);
        assert_eq!(coupon_type_number("SPECIFIC_COUPON"), 2);
        assert_eq!(coupon_type_number("3"), 3);
        assert_eq!(coupon_type_number("bogus"), 0);
        assert_eq!(parse_date("2022-04-22").as_deref(), Some("2022-04-22"));
        assert_eq!(
            parse_date("2022-04-22T10:00:00").as_deref(),
            Some("2022-04-22")
        );
        assert_eq!(parse_date("22/04/2022"), None);
    }

    #[test]
    fn conditions_serialize_as_magento_loads_them() {
        let posted = ConditionInput {
            condition_type: Some("anything".into()),
            aggregator_type: Some("all".into()),
            conditions: Some(vec![
                ConditionInput {
                    condition_type: Some(rules::ADDRESS.into()),
                    operator: Some(">".into()),
                    attribute_name: Some("base_subtotal".into()),
                    value: json!(800),
                    ..Default::default()
                },
                ConditionInput {
                    condition_type: Some("Not\\A\\Class".into()),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        };
        let s: Value =
            serde_json::from_str(&serialize_root(rules::COMBINE, Some(&posted))).unwrap();
        assert_eq!(
            s,
            json!({"type": rules::COMBINE, "attribute": null, "operator": null, "value": null,
                "is_value_processed": null, "aggregator": "all", "conditions": [
                    {"type": rules::ADDRESS, "attribute": "base_subtotal", "operator": ">",
                     "value": 800, "is_value_processed": false}]})
        );
        let product = ConditionInput {
            condition_type: Some(PRODUCT.into()),
            operator: Some("()".into()),
            attribute_name: Some("sku".into()),
            value: json!("a , b,c "),
            ..Default::default()
        };
        assert_eq!(child_condition(&product).unwrap()["value"], json!("a,b,c "));
    }
}
