//! `Magento\Tax\Api\Data\TaxClassInterface` as JSON, and the body of a tax class save.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::tax::TaxClassRow;
use crate::error::{Error, Result};
use crate::tax::TaxClassInput;
use crate::wire::input::{param, Obj};

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
