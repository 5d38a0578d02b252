//! `Magento\CheckoutAgreements\Api\Data\AgreementInterface` as JSON, and a seed file's
//! agreement.

use serde::Serialize;
use serde_json::Value;

use crate::db::agreements::AgreementRow;
use crate::error::Result;
use crate::wire::input::Obj;

/// `AgreementInterface`, getters in declaration order: only `getContentHeight` is declared
/// nullable, so it alone is left out when null; the flags are bools, `mode` an int.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "checkout-agreements-data-agreement-interface")]
pub struct AgreementData {
    pub agreement_id: i64,
    #[serialize_always]
    pub name: Option<String>,
    #[serialize_always]
    pub content: Option<String>,
    pub content_height: Option<String>,
    #[serialize_always]
    pub checkbox_text: Option<String>,
    pub is_active: bool,
    pub is_html: bool,
    pub mode: i64,
}

impl From<&AgreementRow> for AgreementData {
    fn from(a: &AgreementRow) -> Self {
        AgreementData {
            agreement_id: a.agreement_id,
            name: a.name.clone(),
            content: a.content.clone(),
            content_height: a.content_height.clone(),
            checkbox_text: a.checkbox_text.clone(),
            is_active: a.is_active != 0,
            is_html: a.is_html != 0,
            mode: a.mode,
        }
    }
}

/// A seed file's agreement: `AgreementInterface`'s fields (the id is the new row's) and
/// `stores`, the store view ids it is shown in (default `[0]`, all of them).
pub fn parse_seed_agreement(v: &Value) -> Result<(AgreementRow, Vec<i64>)> {
    let o = Obj::new(
        v,
        &[
            "name",
            "content",
            "content_height",
            "checkbox_text",
            "is_active",
            "is_html",
            "mode",
            "stores",
        ],
    )?;
    crate::wire::input::require_all([
        ("name", o.has("name")),
        ("content", o.has("content")),
        ("checkbox_text", o.has("checkbox_text")),
    ])?;
    let row = AgreementRow {
        agreement_id: 0,
        name: o.string("name")?,
        content: o.string("content")?,
        content_height: o.string("content_height")?,
        checkbox_text: o.string("checkbox_text")?,
        is_active: o.bool("is_active").unwrap_or(false) as i64,
        is_html: o.bool("is_html").unwrap_or(false) as i64,
        mode: o.int("mode")?.unwrap_or(0),
    };
    let stores = o.int_list("stores")?.unwrap_or_else(|| vec![0]);
    Ok((row, stores))
}
