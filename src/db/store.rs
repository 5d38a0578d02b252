//! Queries on the store tables.

use sqlx::SqliteConnection;

use crate::wire::store::{GroupData, StoreConfigRow, StoreViewData, WebsiteData};

/// Codes that may stand in a URL: every store view but the admin store, as
/// `StoreManager::getStores(false, true)` lists them (the admin store is reached as `all`).
pub async fn store_codes(conn: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT code FROM store WHERE store_id <> 0 ORDER BY store_id")
        .fetch_all(conn)
        .await
}

pub async fn websites(conn: &mut SqliteConnection) -> Result<Vec<WebsiteData>, sqlx::Error> {
    sqlx::query_as(
        "SELECT website_id AS id, code, name, default_group_id FROM store_website ORDER BY website_id",
    )
    .fetch_all(conn)
    .await
}

pub async fn groups(conn: &mut SqliteConnection) -> Result<Vec<GroupData>, sqlx::Error> {
    sqlx::query_as(
        "SELECT group_id AS id, website_id, root_category_id, default_store_id, name, code
         FROM store_group ORDER BY group_id",
    )
    .fetch_all(conn)
    .await
}

pub async fn views(conn: &mut SqliteConnection) -> Result<Vec<StoreViewData>, sqlx::Error> {
    sqlx::query_as(
        "SELECT store_id AS id, code, name, website_id, group_id AS store_group_id, is_active
         FROM store ORDER BY store_id",
    )
    .fetch_all(conn)
    .await
}

/// Configuration of every store view but the admin store.
pub async fn configs(conn: &mut SqliteConnection) -> Result<Vec<StoreConfigRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.store_id AS id, s.code, s.website_id, c.locale, c.base_currency_code,
                c.default_display_currency_code, c.timezone, c.weight_unit
         FROM store s JOIN store_config c ON c.store_id = s.store_id
         WHERE s.store_id <> 0 ORDER BY s.store_id",
    )
    .fetch_all(conn)
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
