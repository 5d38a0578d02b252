//! Store configuration (`GET` and `PUT /magemu/config`): the settings magemu reads from
//! `core_config_data`, which a Magento admin changes in Stores > Configuration or with
//! `bin/magento config:set` / `config:delete`. Only the default scope: every store sees the
//! value (the settings listed are shown at default and website scope in Magento's admin, never
//! per store view). The settings and their checks are `db::store::SETTINGS` and
//! `db::store::check_settings` (a seed file's `config` section uses them too).
//!
//! A setting with no value takes config.xml's default (`null` in the listing). Like
//! `config:set`, a path magemu does not know is refused (Magento: "The "%1" path doesn't
//! exist."); magemu also refuses a value that is not Yes/No; a request that is refused
//! changes nothing. The values are part of the world: a reset or a snapshot restore
//! brings back the ones it held.

use std::collections::BTreeMap;

use serde_json::Value;

use super::ControlError;
use crate::db::{self, Db};

/// `path → value` (null: no value, config.xml's default) for every setting.
pub async fn list(db: &Db) -> Result<BTreeMap<String, Option<String>>, sqlx::Error> {
    let mut conn = db.read.acquire().await?;
    let mut out = BTreeMap::new();
    for (path, _) in db::store::SETTINGS {
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
    let changes = db::store::check_settings(wanted).map_err(ControlError::Refused)?;
    db.writer
        .write(move |conn| Box::pin(db::store::write_settings(conn, changes)))
        .await?;
    Ok(list(db).await?)
}
