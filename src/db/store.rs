//! Queries on the store tables.

use sqlx::SqliteConnection;

use serde::Deserialize;

use crate::db::row_struct;

// `store_website`, `store_group`, `store` and `store_config` rows (also what the seed files hold).
/// The default store view (`default`, website `base`): the store of a `/rest/V1/...` call.
pub const DEFAULT_STORE_ID: i64 = 1;

row_struct! {
    #[derive(Deserialize)]
    /// `store_website`.
    pub struct WebsiteRow { pub website_id: i64, pub code: String, pub name: String, pub default_group_id: i64 }
}
row_struct! {
    #[derive(Deserialize)]
    /// `store_group`.
    pub struct GroupRow {
        pub group_id: i64, pub website_id: i64, pub name: String, pub root_category_id: i64,
        pub default_store_id: i64, pub code: String,
    }
}
row_struct! {
    #[derive(Deserialize)]
    /// `store`.
    pub struct StoreRow {
        pub store_id: i64, pub code: String, pub website_id: i64, pub group_id: i64,
        pub name: String, pub is_active: i64,
    }
}
row_struct! {
    #[derive(Deserialize)]
    /// `store_config`: what `/V1/store/storeConfigs` tells of a store view.
    pub struct StoreConfigRow {
        pub store_id: i64, pub locale: String, pub base_currency_code: String,
        pub default_display_currency_code: String, pub timezone: String, pub weight_unit: String,
    }
}

/// Codes that may stand in a URL: every store view but the admin store, as
/// `StoreManager::getStores(false, true)` lists them (the admin store is reached as `all`).
pub async fn store_codes(conn: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT code FROM store WHERE store_id <> 0 ORDER BY store_id")
        .fetch_all(conn)
        .await
}

/// Whether store `id` exists (the admin store 0 included, as a foreign key sees it).
pub async fn store_exists(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT store_id FROM store WHERE store_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

pub async fn websites(conn: &mut SqliteConnection) -> Result<Vec<WebsiteRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM store_website ORDER BY website_id")
        .fetch_all(conn)
        .await
}

pub async fn groups(conn: &mut SqliteConnection) -> Result<Vec<GroupRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM store_group ORDER BY group_id")
        .fetch_all(conn)
        .await
}

/// Store `store_id`'s website and the stock of that website's sales channel (1, the default
/// stock, when none is linked; `(1, 1)` for an unknown store).
pub async fn website_and_stock(
    conn: &mut SqliteConnection,
    store_id: i64,
) -> Result<(i64, i64), sqlx::Error> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT s.website_id, COALESCE((SELECT c.stock_id FROM inventory_stock_sales_channel c
                 JOIN store_website w ON w.code = c.code AND c.type = 'website'
                 WHERE w.website_id = s.website_id), 1)
         FROM store s WHERE s.store_id = ?",
    )
    .bind(store_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.unwrap_or((1, 1)))
}

pub async fn views(conn: &mut SqliteConnection) -> Result<Vec<StoreRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM store ORDER BY store_id")
        .fetch_all(conn)
        .await
}

/// Every store view but the admin store, with its configuration.
pub async fn configs(
    conn: &mut SqliteConnection,
) -> Result<Vec<(StoreRow, StoreConfigRow)>, sqlx::Error> {
    let stores: Vec<StoreRow> =
        sqlx::query_as("SELECT * FROM store WHERE store_id <> 0 ORDER BY store_id")
            .fetch_all(&mut *conn)
            .await?;
    let configs: Vec<StoreConfigRow> = sqlx::query_as("SELECT * FROM store_config")
        .fetch_all(&mut *conn)
        .await?;
    Ok(stores
        .into_iter()
        .filter_map(|s| {
            let config = configs.iter().find(|c| c.store_id == s.store_id)?.clone();
            Some((s, config))
        })
        .collect())
}

/// The configuration of the store view `code` names (`None` and `all`: the default website's
/// default store view, where `/rest/V1` lands; the admin store's currencies are the global
/// ones, which the store views keep by default).
pub async fn view_config(
    conn: &mut SqliteConnection,
    code: Option<&str>,
) -> Result<Option<StoreConfigRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.* FROM store_config c JOIN store s ON s.store_id = c.store_id
         WHERE s.store_id <> 0 AND (s.code = ?1 OR (?1 IS NULL AND s.store_id = (
             SELECT g.default_store_id FROM store_website w
             JOIN store_group g ON g.group_id = w.default_group_id
             WHERE w.website_id <> 0 ORDER BY w.website_id LIMIT 1)))",
    )
    .bind(code.filter(|c| *c != "all"))
    .fetch_optional(conn)
    .await
}

/// `Sales/Model/ResourceModel/Order::_beforeSave`'s `store_name` of a store: website, group and
/// store names, one a line. `None` when there is no such store. Store 0 stands for the store of
/// the request, which Magento's `Order::getStore()` takes for a falsy id: here the default
/// website's default store view, where `/rest/V1` and `/rest/default/V1` land.
pub async fn store_name(
    conn: &mut SqliteConnection,
    store_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT w.name || char(10) || g.name || char(10) || s.name
         FROM store s JOIN store_group g ON g.group_id = s.group_id
         JOIN store_website w ON w.website_id = s.website_id
         WHERE s.store_id = CASE WHEN ?1 <> 0 THEN ?1 ELSE (
             SELECT g2.default_store_id FROM store_website w2
             JOIN store_group g2 ON g2.group_id = w2.default_group_id
             WHERE w2.website_id <> 0 ORDER BY w2.website_id LIMIT 1) END",
    )
    .bind(store_id)
    .fetch_optional(conn)
    .await
}

/// `core_config_data`'s value of `path` as each store view sees it (the admin store included):
/// its own, else its website's, else the default scope's; `None` where no scope has a row
/// (config.xml's default applies), as `ScopeConfig::getValue($path, 'store', $id)` resolves.
pub async fn config_by_store(
    conn: &mut SqliteConnection,
    path: &str,
) -> Result<Vec<(i64, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.store_id, COALESCE(
             (SELECT value FROM core_config_data WHERE path = ?1 AND scope = 'stores' AND scope_id = s.store_id),
             (SELECT value FROM core_config_data WHERE path = ?1 AND scope = 'websites' AND scope_id = s.website_id),
             (SELECT value FROM core_config_data WHERE path = ?1 AND scope = 'default' AND scope_id = 0))
         FROM store s ORDER BY s.store_id",
    )
    .bind(path)
    .fetch_all(conn)
    .await
}

/// `sales/gift_options/allow_order` (Magento_GiftMessage's `Helper\Message`): messages on
/// whole orders.
pub const GIFT_ALLOW_ORDER: &str = "sales/gift_options/allow_order";
/// `sales/gift_options/allow_items`: messages on order lines.
pub const GIFT_ALLOW_ITEMS: &str = "sales/gift_options/allow_items";

/// `checkout/options/enable_agreements` (Magento_CheckoutAgreements' `AgreementsProvider`):
/// the agreements are listed and checked at checkout; config.xml's default is 0.
pub const CHECKOUT_AGREEMENTS: &str = "checkout/options/enable_agreements";

/// `carriers/instore/active` (Magento_InventoryInStorePickupShippingApi `etc/config.xml`: 0):
/// In-Store Pickup is offered only where it is turned on; the tutorial's world has it on (its
/// section 5.2).
pub const INSTORE_PICKUP_ACTIVE: &str = "carriers/instore/active";

/// `oauth/consumer/enable_integration_as_bearer` (Magento_Integration, no default in 2.4.8's
/// config.xml: off): an integration's access token also works as a bearer token.
pub const INTEGRATION_AS_BEARER: &str = "oauth/consumer/enable_integration_as_bearer";

/// The value of the path bound to `?` at the default scope (no row: none).
pub(crate) const DEFAULT_CONFIG_SQL: &str =
    "SELECT value FROM core_config_data WHERE scope = 'default' AND scope_id = 0 AND path = ?";

/// `path`'s value at the default scope: what every store sees while magemu sets values only
/// there (`None`: no row, config.xml's default applies).
pub async fn default_config(
    conn: &mut SqliteConnection,
    path: &str,
) -> Result<Option<String>, sqlx::Error> {
    let found: Option<Option<String>> = sqlx::query_scalar(DEFAULT_CONFIG_SQL)
        .bind(path)
        .fetch_optional(conn)
        .await?;
    Ok(found.flatten())
}

/// `ScopeConfig::isSetFlag($path)` with only default-scope values: the value's PHP truth (no
/// row, `""` and `"0"` are false).
pub async fn flag(conn: &mut SqliteConnection, path: &str) -> Result<bool, sqlx::Error> {
    let value = default_config(conn, path).await?;
    Ok(matches!(value.as_deref(), Some(v) if !v.is_empty() && v != "0"))
}

/// Removes `path`'s value at the default scope (`bin/magento config:delete`): config.xml's
/// default applies again.
pub async fn delete_default_config(
    conn: &mut SqliteConnection,
    path: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM core_config_data WHERE scope = 'default' AND scope_id = 0 AND path = ?",
    )
    .bind(path)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every setting magemu reads and lets a client write (`PUT /magemu/config`, a seed file's
/// `config`), with its admin label; each is a Yes/No setting
/// (`Magento\Config\Model\Config\Source\Yesno`: "1" or "0").
pub const SETTINGS: &[(&str, &str)] = &[
    (
        GIFT_ALLOW_ORDER,
        "Sales > Sales > Gift Options > Allow Gift Messages on Order Level",
    ),
    (
        GIFT_ALLOW_ITEMS,
        "Sales > Sales > Gift Options > Allow Gift Messages for Order Items",
    ),
    (
        CHECKOUT_AGREEMENTS,
        "Sales > Checkout > Checkout Options > Enable Terms and Conditions",
    ),
    (
        INSTORE_PICKUP_ACTIVE,
        "Sales > Delivery Methods > In-Store Pickup Delivery > Enabled",
    ),
    (
        INTEGRATION_AS_BEARER,
        "Services > OAuth > Consumer Settings > Allow OAuth Access Tokens to be used as standalone Bearer tokens",
    ),
];

/// A change of settings, checked: the path must be one magemu reads (as `bin/magento
/// config:set` refuses a path that does not exist) and the value one of the setting's Yes/No
/// values (magemu's own check; the admin form offers no other): each path with its stored
/// value (`None`: remove it); the refusal's text for the first that is not.
pub fn check_settings(
    wanted: impl IntoIterator<Item = (String, serde_json::Value)>,
) -> Result<Vec<(String, Option<&'static str>)>, String> {
    wanted
        .into_iter()
        .map(|(path, value)| {
            if !SETTINGS.iter().any(|(known, _)| *known == path) {
                return Err(format!(
                    "\"{path}\" is not a setting magemu reads (GET /magemu/config lists them)."
                ));
            }
            let value = yes_no(&value).ok_or_else(|| {
                format!(
                    "\"{path}\" is a Yes/No setting: give \"1\", \"0\" (or true, false, 1, 0), or null to remove it."
                )
            })?;
            Ok((path, value))
        })
        .collect()
}

/// Writes checked settings at the default scope.
pub async fn write_settings(
    conn: &mut SqliteConnection,
    changes: Vec<(String, Option<&'static str>)>,
) -> Result<(), sqlx::Error> {
    for (path, value) in &changes {
        match value {
            Some(v) => set_default_config(&mut *conn, path, v).await?,
            None => delete_default_config(&mut *conn, path).await?,
        }
    }
    Ok(())
}

/// A Yes/No value as Magento stores it; `Some(None)` for null (remove the value), `None` for
/// anything else.
fn yes_no(value: &serde_json::Value) -> Option<Option<&'static str>> {
    use serde_json::Value;
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

/// Saves `path` at the default scope (`Config::setDataByPath(...)->save()`).
pub async fn set_default_config(
    conn: &mut SqliteConnection,
    path: &str,
    value: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, ?, ?)
         ON CONFLICT (scope, scope_id, path) DO UPDATE SET value = excluded.value",
    )
    .bind(path)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn yes_no_takes_what_a_client_would_send() {
        use serde_json::{json, Value};
        assert_eq!(super::yes_no(&json!("1")), Some(Some("1")));
        assert_eq!(super::yes_no(&json!(0)), Some(Some("0")));
        assert_eq!(super::yes_no(&json!(true)), Some(Some("1")));
        assert_eq!(super::yes_no(&Value::Null), Some(None));
        for bad in [json!("yes"), json!(2), json!(1.5), json!([1]), json!("")] {
            assert_eq!(super::yes_no(&bad), None, "{bad}");
        }
    }
}
