//! Magento_Tax's data interfaces as JSON (`TaxClassInterface`, `TaxRateInterface`,
//! `TaxRuleInterface`) and the bodies of their saves.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::db::tax::TaxClassRow;
use crate::error::{Error, Result};
use crate::tax::class::TaxClassInput;
use crate::tax::rate::{RateInput, RateView, TitleInput};
use crate::tax::rule::{RuleInput, RuleView};
use crate::wire::input::{list, param, Obj};

/// `TaxClassInterface` (`class_id` cast to an int by the getter's type).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-tax-class-interface")]
pub struct TaxClassData {
    pub class_id: i64,
    pub class_name: String,
    pub class_type: String,
}

impl From<&TaxClassRow> for TaxClassData {
    fn from(c: &TaxClassRow) -> Self {
        TaxClassData {
            class_id: c.class_id,
            class_name: c.class_name.clone(),
            class_type: c.class_type.clone(),
        }
    }
}

/// `{"taxClass": {...}}` of `POST /V1/taxClasses` and `PUT /V1/taxClasses/{classId}`.
pub fn parse_tax_class(body: &Map<String, Value>) -> Result<TaxClassInput> {
    let class = param(body, "taxClass").ok_or_else(|| Error::required("taxClass"))?;
    let o = Obj::new(
        class,
        &[
            "class_id",
            "class_name",
            "class_type",
            "extension_attributes",
        ],
    )?;
    Ok(TaxClassInput {
        class_id: o.int("class_id")?,
        class_name: o.string("class_name")?,
        class_type: o.string("class_type")?,
    })
}

/// `TaxRateTitleInterface` (`store_id` a string, as the getter is declared).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-tax-rate-title-interface")]
pub struct TaxRateTitleData {
    pub store_id: Option<String>,
    pub value: Option<String>,
}

/// `TaxRateInterface`: the getters declared nullable are left out when null; `titles` is
/// always there (`getTitles` loads them: `[]` for none).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-tax-rate-interface")]
pub struct TaxRateData {
    pub id: i64,
    pub tax_country_id: String,
    pub tax_region_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_postcode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_is_range: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_from: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_to: Option<i64>,
    pub rate: Amount,
    pub code: String,
    pub titles: Vec<TaxRateTitleData>,
}

impl From<RateView> for TaxRateData {
    fn from(r: RateView) -> Self {
        TaxRateData {
            id: r.id,
            tax_country_id: r.tax_country_id,
            tax_region_id: r.tax_region_id,
            region_name: r.region_name,
            tax_postcode: r.tax_postcode,
            zip_is_range: r.zip_is_range,
            zip_from: r.zip_from,
            zip_to: r.zip_to,
            rate: r.rate,
            code: r.code,
            titles: r
                .titles
                .into_iter()
                .map(|t| TaxRateTitleData {
                    store_id: t.store_id,
                    value: t.value,
                })
                .collect(),
        }
    }
}

/// `{"taxRate": {...}}` of `POST` and `PUT /V1/taxRates`.
pub fn parse_tax_rate(body: &Map<String, Value>) -> Result<RateInput> {
    let rate = param(body, "taxRate").ok_or_else(|| Error::required("taxRate"))?;
    let o = Obj::new(
        rate,
        &[
            "id",
            "tax_country_id",
            "tax_region_id",
            "region_name",
            "tax_postcode",
            "zip_is_range",
            "zip_from",
            "zip_to",
            "rate",
            "code",
            "titles",
            "extension_attributes",
        ],
    )?;
    let titles = match o.get("titles") {
        None => None,
        Some((_, v)) => {
            let mut parsed = Vec::new();
            for t in list(v)? {
                let t = Obj::new(t, &["store_id", "value", "extension_attributes"])?;
                parsed.push(TitleInput {
                    store_id: t.string("store_id")?,
                    value: t.string("value")?,
                });
            }
            Some(parsed)
        }
    };
    Ok(RateInput {
        id: o.int("id")?,
        tax_country_id: o.string("tax_country_id")?,
        tax_region_id: o.int("tax_region_id")?,
        region_name: o.string("region_name")?,
        tax_postcode: o.string("tax_postcode")?,
        zip_is_range: o.int("zip_is_range")?,
        zip_from: o.int("zip_from")?,
        zip_to: o.int("zip_to")?,
        rate: o.amount("rate")?,
        code: o.string("code")?,
        titles,
    })
}

/// `TaxRuleInterface` (`priority`, `position` ints, `calculate_subtotal` a bool).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "tax-data-tax-rule-interface")]
pub struct TaxRuleData {
    pub id: i64,
    pub code: String,
    pub priority: i64,
    pub position: i64,
    pub customer_tax_class_ids: Vec<i64>,
    pub product_tax_class_ids: Vec<i64>,
    pub tax_rate_ids: Vec<i64>,
    pub calculate_subtotal: bool,
}

impl From<RuleView> for TaxRuleData {
    fn from(r: RuleView) -> Self {
        TaxRuleData {
            id: r.id,
            code: r.code,
            priority: r.priority,
            position: r.position,
            customer_tax_class_ids: r.customer_tax_class_ids,
            product_tax_class_ids: r.product_tax_class_ids,
            tax_rate_ids: r.tax_rate_ids,
            calculate_subtotal: r.calculate_subtotal,
        }
    }
}

/// `{"rule": {...}}` of `POST` and `PUT /V1/taxRules`.
pub fn parse_tax_rule(body: &Map<String, Value>) -> Result<RuleInput> {
    let rule = param(body, "rule").ok_or_else(|| Error::required("rule"))?;
    let o = Obj::new(
        rule,
        &[
            "id",
            "code",
            "priority",
            "position",
            "customer_tax_class_ids",
            "product_tax_class_ids",
            "tax_rate_ids",
            "calculate_subtotal",
            "extension_attributes",
        ],
    )?;
    Ok(RuleInput {
        id: o.int("id")?,
        code: o.string("code")?,
        priority: o.int("priority")?,
        position: o.int("position")?,
        customer_tax_class_ids: o.int_list("customer_tax_class_ids")?,
        product_tax_class_ids: o.int_list("product_tax_class_ids")?,
        tax_rate_ids: o.int_list("tax_rate_ids")?,
        calculate_subtotal: o.bool("calculate_subtotal"),
    })
}
