//! Cart price rules on the wire: `RuleInterface`, `RuleLabelInterface`, `ConditionInterface`,
//! `CouponInterface`, `CouponGenerationSpecInterface`, `CouponMassDeleteResultInterface`
//! (`Magento/SalesRule/Api/Data/*`), parsed as `ServiceInputProcessor` reads them and written as
//! `DataObjectProcessor::buildOutputDataArray` does: getters in interface order, a null left out
//! unless the getter's type is not nullable (`ConditionInterface::getOperator` / `getValue`,
//! `CouponInterface::getTimesUsed` / `getIsPrimary`, `RuleInterface::getUsesPerCoupon`: then
//! `null` is written), values cast to the getter's type (`is_active` 1 → `true`).

use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::checkout::sales_rule::{
    coupon_type_name, ConditionInput, CouponInput, CouponSpec, MassDeleteResult, RuleInput,
    RuleRecord, SavedCoupon,
};
use crate::db::sales_rules::CouponRow;
use crate::error::{Error, Result};
use crate::wire::input::{self, to_int, At, Obj};
use crate::wire::shape::{list, named};

const RULE_KEYS: &[&str] = &[
    "rule_id",
    "name",
    "store_labels",
    "description",
    "website_ids",
    "customer_group_ids",
    "from_date",
    "to_date",
    "uses_per_customer",
    "is_active",
    "condition",
    "action_condition",
    "stop_rules_processing",
    "is_advanced",
    "product_ids",
    "sort_order",
    "simple_action",
    "discount_amount",
    "discount_qty",
    "discount_step",
    "apply_to_shipping",
    "times_used",
    "is_rss",
    "coupon_type",
    "use_auto_generation",
    "uses_per_coupon",
    "simple_free_shipping",
    "extension_attributes",
];

const CONDITION_KEYS: &[&str] = &[
    "condition_type",
    "conditions",
    "aggregator_type",
    "operator",
    "attribute_name",
    "value",
    "extension_attributes",
];

const COUPON_KEYS: &[&str] = &[
    "coupon_id",
    "rule_id",
    "code",
    "usage_limit",
    "usage_per_customer",
    "times_used",
    "expiration_date",
    "is_primary",
    "created_at",
    "type",
    "extension_attributes",
];

const SPEC_KEYS: &[&str] = &[
    "rule_id",
    "format",
    "quantity",
    "length",
    "prefix",
    "suffix",
    "delimiter_at_every",
    "delimiter",
    "extension_attributes",
];

fn parse_condition(v: &Value) -> Result<ConditionInput> {
    let o = Obj::new(v, CONDITION_KEYS)?;
    let conditions = match o.get("conditions") {
        Some((_, list)) => Some(
            input::list(list)?
                .into_iter()
                .map(parse_condition)
                .collect::<Result<Vec<_>>>()?,
        ),
        None => None,
    };
    Ok(ConditionInput {
        condition_type: o.string("condition_type")?,
        conditions,
        aggregator_type: o.string("aggregator_type")?,
        operator: o.string("operator")?,
        attribute_name: o.string("attribute_name")?,
        value: o
            .get("value")
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Null),
    })
}

/// The `rule` parameter of `RuleRepositoryInterface::save`; on PUT the path's `ruleId` wins
/// (`ParamsOverrider::overrideRequestBodyIdWithPathParam`, converted inside the object).
pub fn parse_rule(body: &Map<String, Value>, path_id: Option<&str>) -> Result<RuleInput> {
    let v = input::param(body, "rule").ok_or_else(|| Error::required("rule"))?;
    let o = Obj::new(v, RULE_KEYS)?;
    let store_labels = match o.get("store_labels") {
        Some((_, list)) => {
            let mut out = Vec::new();
            for label in input::list(list)? {
                let l = Obj::new(label, &["store_id", "store_label", "extension_attributes"])?;
                out.push((
                    l.int("store_id")?.unwrap_or(0),
                    l.string("store_label")?.unwrap_or_default(),
                ));
            }
            Some(out)
        }
        None => None,
    };
    let mut rule = RuleInput {
        rule_id: o.int("rule_id")?,
        name: o.string("name")?,
        store_labels,
        description: o.string("description")?,
        website_ids: o.int_list("website_ids")?,
        customer_group_ids: o.int_list("customer_group_ids")?,
        from_date: o.string("from_date")?,
        to_date: o.string("to_date")?,
        uses_per_customer: o.int("uses_per_customer")?,
        is_active: o.bool("is_active"),
        condition: o
            .get("condition")
            .map(|(_, c)| parse_condition(c))
            .transpose()?,
        action_condition: o
            .get("action_condition")
            .map(|(_, c)| parse_condition(c))
            .transpose()?,
        stop_rules_processing: o.bool("stop_rules_processing"),
        is_advanced: o.bool("is_advanced"),
        product_ids: o.int_list("product_ids")?,
        sort_order: o.int("sort_order")?,
        simple_action: o.string("simple_action")?,
        discount_amount: o.amount("discount_amount")?,
        discount_qty: o.amount("discount_qty")?,
        discount_step: o.int("discount_step")?,
        apply_to_shipping: o.bool("apply_to_shipping"),
        times_used: o.int("times_used")?,
        is_rss: o.bool("is_rss"),
        coupon_type: o.string("coupon_type")?,
        use_auto_generation: o.bool("use_auto_generation"),
        uses_per_coupon: o.int("uses_per_coupon")?,
        simple_free_shipping: o.string("simple_free_shipping")?,
    };
    if let Some(raw) = path_id {
        rule.rule_id = Some(to_int(
            &Value::String(raw.to_owned()),
            At::Field("rule_id"),
        )?);
    }
    Ok(rule)
}

/// A `RuleInterface` JSON object (the seed's rules) as `parse_rule` reads it.
pub fn parse_rule_object(v: &Value) -> Result<RuleInput> {
    let mut body = Map::new();
    body.insert("rule".into(), v.clone());
    parse_rule(&body, None)
}

/// `ToDataModel::arrayToConditionDataModel` of a serialized condition, as JSON.
fn condition_json(c: &Value) -> Value {
    let get = |k: &str| c.get(k);
    let text = |v: &Value| match v {
        Value::Null => Value::Null,
        Value::String(s) => Value::String(s.clone()),
        Value::Bool(true) => Value::String("1".into()),
        Value::Bool(false) => Value::String(String::new()),
        Value::Number(n) => Value::String(n.to_string()),
        other => Value::String(other.to_string()),
    };
    let mut m = Map::new();
    m.insert(
        "condition_type".into(),
        get("type").map(text).unwrap_or(Value::Null),
    );
    if let Some(Value::Array(children)) = get("conditions") {
        m.insert(
            "conditions".into(),
            Value::Array(children.iter().map(condition_json).collect()),
        );
    }
    if let Some(a) = get("aggregator").filter(|a| !a.is_null()) {
        m.insert("aggregator_type".into(), text(a));
    }
    m.insert(
        "operator".into(),
        get("operator").map(text).unwrap_or(Value::Null),
    );
    if let Some(a) = get("attribute").filter(|a| !a.is_null()) {
        m.insert("attribute_name".into(), text(a));
    }
    // `mixed`: as stored; an array is written as its JSON text (TypeCaster).
    let value = match get("value") {
        Some(Value::Array(a)) => Value::String(Value::Array(a.clone()).to_string()),
        Some(v) => v.clone(),
        None => Value::Null,
    };
    m.insert("value".into(), value);
    Value::Object(m)
}

fn serialized(text: &Option<String>) -> Option<Value> {
    text.as_deref()
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .map(|v| condition_json(&v))
}

/// `RuleInterface` of a stored rule.
pub fn rule(r: &RuleRecord) -> Value {
    let row = &r.row;
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        if !v.is_null() {
            m.insert(k.into(), v);
        }
    };
    put("rule_id", json!(row.rule_id));
    put("name", json!(row.name));
    put(
        "store_labels",
        Value::Array(
            r.store_labels
                .iter()
                .map(|(s, l)| json!({"store_id": s, "store_label": l}))
                .collect(),
        ),
    );
    put("description", json!(row.description));
    put("website_ids", json!(r.website_ids));
    put("customer_group_ids", json!(r.customer_group_ids));
    put("from_date", json!(row.from_date));
    put("to_date", json!(row.to_date));
    put("uses_per_customer", json!(row.uses_per_customer));
    put("is_active", json!(row.is_active != 0));
    put(
        "condition",
        serialized(&row.conditions_serialized).unwrap_or(Value::Null),
    );
    put(
        "action_condition",
        serialized(&row.actions_serialized).unwrap_or(Value::Null),
    );
    put(
        "stop_rules_processing",
        json!(row.stop_rules_processing != 0),
    );
    put("is_advanced", json!(row.is_advanced != 0));
    put("product_ids", json!(row.product_ids));
    put("sort_order", json!(row.sort_order));
    put("simple_action", json!(row.simple_action));
    put("discount_amount", json!(row.discount_amount));
    put("discount_qty", json!(row.discount_qty));
    put("discount_step", json!(row.discount_step));
    put("apply_to_shipping", json!(row.apply_to_shipping != 0));
    put("times_used", json!(row.times_used));
    put("is_rss", json!(row.is_rss != 0));
    put("coupon_type", json!(coupon_type_name(row.coupon_type)));
    put("use_auto_generation", json!(row.use_auto_generation != 0));
    // Not nullable: a null is written.
    m.insert("uses_per_coupon".into(), json!(r.uses_per_coupon));
    if let Some(s) = row.simple_free_shipping {
        m.insert("simple_free_shipping".into(), json!(s.to_string()));
    }
    Value::Object(m)
}

/// The `coupon` parameter of `CouponRepositoryInterface::save`; on PUT the path's id wins.
pub fn parse_coupon(body: &Map<String, Value>, path_id: Option<&str>) -> Result<CouponInput> {
    let v = input::param(body, "coupon").ok_or_else(|| Error::required("coupon"))?;
    let o = Obj::new(v, COUPON_KEYS)?;
    let mut c = CouponInput {
        coupon_id: o.int("coupon_id")?,
        rule_id: o.int("rule_id")?,
        code: o.string("code")?,
        usage_limit: o.int("usage_limit")?,
        usage_per_customer: o.int("usage_per_customer")?,
        times_used: o.int("times_used")?,
        expiration_date: o.string("expiration_date")?,
        is_primary: o.bool("is_primary"),
        created_at: o.string("created_at")?,
        kind: o.int("type")?,
    };
    if let Some(raw) = path_id {
        c.coupon_id = Some(to_int(
            &Value::String(raw.to_owned()),
            At::Field("coupon_id"),
        )?);
    }
    Ok(c)
}

/// `CouponInterface` of a stored coupon.
pub fn coupon(c: &CouponRow) -> Value {
    coupon_shown(c, Some(c.times_used), c.kind)
}

/// `CouponInterface` of the model `CouponRepository::save` returns (not reloaded: a new
/// coupon's `times_used` and `type` are what was posted).
pub fn saved_coupon(s: &SavedCoupon) -> Value {
    coupon_shown(&s.row, s.times_used, s.kind)
}

fn coupon_shown(c: &CouponRow, times_used: Option<i64>, kind: Option<i64>) -> Value {
    let mut m = Map::new();
    m.insert("coupon_id".into(), json!(c.coupon_id));
    m.insert("rule_id".into(), json!(c.rule_id));
    if let Some(code) = &c.code {
        m.insert("code".into(), json!(code));
    }
    if let Some(v) = c.usage_limit {
        m.insert("usage_limit".into(), json!(v));
    }
    if let Some(v) = c.usage_per_customer {
        m.insert("usage_per_customer".into(), json!(v));
    }
    m.insert("times_used".into(), json!(times_used));
    if let Some(v) = &c.expiration_date {
        m.insert("expiration_date".into(), json!(v));
    }
    m.insert("is_primary".into(), json!(c.is_primary.map(|p| p != 0)));
    if let Some(v) = &c.created_at {
        m.insert("created_at".into(), json!(v));
    }
    if let Some(v) = kind {
        m.insert("type".into(), json!(v));
    }
    Value::Object(m)
}

/// The `couponSpec` parameter of `CouponManagementInterface::generate`.
pub fn parse_spec(body: &Map<String, Value>) -> Result<CouponSpec> {
    let v = input::param(body, "couponSpec").ok_or_else(|| Error::required("couponSpec"))?;
    let o = Obj::new(v, SPEC_KEYS)?;
    Ok(CouponSpec {
        rule_id: o.int("rule_id")?,
        format: o.string("format")?,
        quantity: o.int("quantity")?,
        length: o.int("length")?,
        prefix: o.string("prefix")?,
        suffix: o.string("suffix")?,
        delimiter_at_every: o.int("delimiter_at_every")?,
        delimiter: o.string("delimiter")?,
    })
}

/// `deleteByIds(ids, ignoreInvalidCoupons)` / `deleteByCodes(codes, ...)`: the values as text
/// (ids converted to int first) and the flag (default true).
pub fn parse_mass_delete(body: &Map<String, Value>, by_code: bool) -> Result<(Vec<String>, bool)> {
    let name = if by_code { "codes" } else { "ids" };
    let v = input::param(body, name).ok_or_else(|| Error::required(name))?;
    let values = if by_code {
        input::string_list(v, &[])?
    } else {
        let ids = input::int_list(v, &[])?;
        ids.iter().map(i64::to_string).collect()
    };
    let ignore = input::param(body, "ignoreInvalidCoupons")
        .map(input::to_bool)
        .unwrap_or(true);
    Ok((values, ignore))
}

/// `CouponMassDeleteResultInterface`.
pub fn mass_delete_result(r: &MassDeleteResult) -> Value {
    json!({"failed_items": r.failed_items, "missing_items": r.missing_items})
}

// The shapes of the JSON above, for the schema's definitions (`crate::wire::shape`).

/// `ConditionInterface` as `condition_json` writes it (`value` is `mixed`: as stored).
fn condition_schema(g: &mut SchemaGenerator) -> Schema {
    let condition = named(g, "sales-rule-data-condition-interface", condition_schema);
    json_schema!({
        "type": "object",
        "properties": {
            "condition_type": { "type": ["string", "null"] },
            "conditions": list(condition),
            "aggregator_type": { "type": "string" },
            "operator": { "type": ["string", "null"] },
            "attribute_name": { "type": "string" },
            "value": true
        },
        "required": ["condition_type", "operator", "value"]
    })
}

/// `RuleInterface` as [`rule`] writes it (nulls left out but `uses_per_coupon`).
pub fn rule_schema(g: &mut SchemaGenerator) -> Schema {
    let label = named(g, "sales-rule-data-rule-label-interface", |_| {
        json_schema!({
            "type": "object",
            "properties": {
                "store_id": { "type": "integer" },
                "store_label": { "type": "string" }
            },
            "required": ["store_id", "store_label"]
        })
    });
    let condition = named(g, "sales-rule-data-condition-interface", condition_schema);
    let ids = json!({ "type": "array", "items": { "type": "integer" } });
    json_schema!({
        "type": "object",
        "properties": {
            "rule_id": { "type": "integer" },
            "name": { "type": "string" },
            "store_labels": list(label),
            "description": { "type": "string" },
            "website_ids": ids,
            "customer_group_ids": ids,
            "from_date": { "type": "string" },
            "to_date": { "type": "string" },
            "uses_per_customer": { "type": "integer" },
            "is_active": { "type": "boolean" },
            "condition": condition,
            "action_condition": condition,
            "stop_rules_processing": { "type": "boolean" },
            "is_advanced": { "type": "boolean" },
            "product_ids": { "type": "string" },
            "sort_order": { "type": "integer" },
            "simple_action": { "type": "string" },
            "discount_amount": { "type": "number" },
            "discount_qty": { "type": "number" },
            "discount_step": { "type": "integer" },
            "apply_to_shipping": { "type": "boolean" },
            "times_used": { "type": "integer" },
            "is_rss": { "type": "boolean" },
            "coupon_type": { "type": "string" },
            "use_auto_generation": { "type": "boolean" },
            "uses_per_coupon": { "type": ["integer", "null"] },
            "simple_free_shipping": { "type": "string" }
        },
        "required": ["rule_id", "store_labels", "website_ids", "customer_group_ids",
            "uses_per_customer", "is_active", "stop_rules_processing", "is_advanced",
            "sort_order", "discount_amount", "discount_step", "apply_to_shipping", "times_used",
            "is_rss", "coupon_type", "use_auto_generation", "uses_per_coupon"]
    })
}

/// `CouponInterface` as `coupon_shown` writes it.
pub fn coupon_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "coupon_id": { "type": "integer" },
            "rule_id": { "type": "integer" },
            "code": { "type": "string" },
            "usage_limit": { "type": "integer" },
            "usage_per_customer": { "type": "integer" },
            "times_used": { "type": ["integer", "null"] },
            "expiration_date": { "type": "string" },
            "is_primary": { "type": ["boolean", "null"] },
            "created_at": { "type": "string" },
            "type": { "type": "integer" }
        },
        "required": ["coupon_id", "rule_id", "times_used", "is_primary"]
    })
}

/// `CouponGenerationSpecInterface` as [`parse_spec`] reads it.
pub fn spec_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "properties": {
            "rule_id": { "type": "integer" },
            "format": { "type": "string" },
            "quantity": { "type": "integer" },
            "length": { "type": "integer" },
            "prefix": { "type": "string" },
            "suffix": { "type": "string" },
            "delimiter_at_every": { "type": "integer" },
            "delimiter": { "type": "string" },
            "extension_attributes": { "type": "object" }
        }
    })
}

/// `CouponMassDeleteResultInterface` as [`mass_delete_result`] writes it.
pub fn mass_delete_result_schema(_: &mut SchemaGenerator) -> Schema {
    let codes = json!({ "type": "array", "items": { "type": "string" } });
    json_schema!({
        "type": "object",
        "properties": { "failed_items": codes, "missing_items": codes },
        "required": ["failed_items", "missing_items"]
    })
}
