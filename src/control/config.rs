//! Store configuration (`GET` and `PUT /magemu/config`): the settings magemu reads from
//! `core_config_data`, which a Magento admin changes in Stores > Configuration or with
//! `bin/magento config:set` / `config:delete`. Only the default scope: every store sees the
//! value (the settings listed are shown at default and website scope in Magento's admin, never
//! per store view).
//!
//! A setting with no value takes config.xml's default (`null` in the listing). Like
//! `config:set`, a path magemu does not know is refused (Magento: "The "%1" path doesn't
//! exist."), and so is a value the setting's source model does not offer; a request that is
//! refused changes nothing. The values are part of the world: a reset or a snapshot restore
//! brings back the ones it held.

use std::collections::BTreeMap;

use serde_json::Value;

use super::ControlError;
use crate::db::{self, Db};

/// Every setting magemu reads and lets a client write, with its admin label; each is a Yes/No
/// setting (`Magento\Config\Model\Config\Source\Yesno`: "1" or "0").
pub const SETTINGS: &[(&str, &str)] = &[
    (
        db::store::GIFT_ALLOW_ORDER,
        "Sales > Sales > Gift Options > Allow Gift Messages on Order Level",
    ),
    (
        db::store::GIFT_ALLOW_ITEMS,
        "Sales > Sales > Gift Options > Allow Gift Messages for Order Items",
    ),
];

/// `path → value` (null: no value, config.xml's default) for every setting.
pub async fn list(db: &Db) -> Result<BTreeMap<String, Option<String>>, sqlx::Error> {
    let mut conn = db.read.acquire().await?;
    let mut out = BTreeMap::new();
    for (path, _) in SETTINGS {
        let value = db::store::default_config(&mut conn, path).await?;
        out.insert((*path).to_owned(), value);
    }
    Ok(out)
}

/// Sets (or, for null, removes) each named setting, all or none; returns them all afterwards.
pub async fn set(
    db: &Db,
    wanted: BTreeMap<String, Value>,
) -> Result<BTreeMap<String, Option<String>>, ControlError> {
    let mut changes = Vec::with_capacity(wanted.len());
    for (path, value) in wanted {
        if !SETTINGS.iter().any(|(known, _)| *known == path) {
            return Err(ControlError::Refused(format!(
                "\"{path}\" is not a setting magemu reads (GET /magemu/config lists them)."
            )));
        }
        let value = yes_no(&value).ok_or_else(|| {
            ControlError::Refused(format!(
                "\"{path}\" is a Yes/No setting: give \"1\", \"0\" (or true, false, 1, 0), or null to remove it."
            ))
        })?;
        changes.push((path, value));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for (path, value) in &changes {
                    match value {
                        Some(v) => db::store::set_default_config(&mut *conn, path, v).await?,
                        None => db::store::delete_default_config(&mut *conn, path).await?,
                    }
                }
                Ok::<(), ControlError>(())
            })
        })
        .await?;
    Ok(list(db).await?)
}

/// A Yes/No value as Magento stores it; `Some(None)` for null (remove the value), `None` for
/// anything else.
fn yes_no(value: &Value) -> Option<Option<&'static str>> {
    match value {
        Value::Null => Some(None),
        Value::Bool(b) => Some(Some(if *b { "1" } else { "0" })),
        Value::Number(n) => match n.as_i64() {
            Some(1) => Some(Some("1")),
            Some(0) => Some(Some("0")),
            _ => None,
        },
        Value::String(s) => match s.as_str() {
            "1" => Some(Some("1")),
            "0" => Some(Some("0")),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yes_no_takes_what_a_client_would_send() {
        assert_eq!(yes_no(&json!("1")), Some(Some("1")));
        assert_eq!(yes_no(&json!(0)), Some(Some("0")));
        assert_eq!(yes_no(&json!(true)), Some(Some("1")));
        assert_eq!(yes_no(&Value::Null), Some(None));
        for bad in [json!("yes"), json!(2), json!(1.5), json!([1]), json!("")] {
            assert_eq!(yes_no(&bad), None, "{bad}");
        }
    }
}
