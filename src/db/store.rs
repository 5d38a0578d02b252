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

pub async fn store_exists(conn: &mut SqliteConnection, store_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT store_id FROM store WHERE store_id = ?")
        .bind(store_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}
