//! Tax classes (`tax_class`).

use sqlx::SqliteConnection;

use crate::db::row_struct;
use crate::search::SearchCriteria;

row_struct! {
    /// `tax_class`: one tax class.
    pub struct TaxClassRow {
        pub class_id: i64,
        pub class_name: String,
        pub class_type: String,
    }
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<TaxClassRow>, sqlx::Error> {
    sqlx::query_as("SELECT class_id, class_name, class_type FROM tax_class WHERE class_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Whether another class than `except` of `class_type` has the name `name` (MySQL's `_ci`
/// collation: without case; the posted values trimmed, as `AbstractDb::_checkUnique` does).
pub async fn name_taken(
    conn: &mut SqliteConnection,
    class_type: &str,
    name: &str,
    except: Option<i64>,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM tax_class WHERE class_type = trim(?1)
         AND class_name = trim(?2) COLLATE NOCASE AND class_id IS NOT ?3)",
    )
    .bind(class_type)
    .bind(name)
    .bind(except)
    .fetch_one(conn)
    .await
}

/// A new class; its id.
pub async fn insert(
    conn: &mut SqliteConnection,
    name: &str,
    class_type: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO tax_class (class_name, class_type) VALUES (?, ?) RETURNING class_id",
    )
    .bind(name)
    .bind(class_type)
    .fetch_one(conn)
    .await
}

pub async fn rename(conn: &mut SqliteConnection, id: i64, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tax_class SET class_name = ? WHERE class_id = ?")
        .bind(name)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM tax_class WHERE class_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether a tax rule combines class `id` (as its customer class when `customer`, else as its
/// product class).
pub async fn used_by_rules(
    conn: &mut SqliteConnection,
    id: i64,
    customer: bool,
) -> Result<bool, sqlx::Error> {
    let sql = if customer {
        "SELECT EXISTS (SELECT 1 FROM tax_calculation WHERE customer_tax_class_id = ?)"
    } else {
        "SELECT EXISTS (SELECT 1 FROM tax_calculation WHERE product_tax_class_id = ?)"
    };
    sqlx::query_scalar(sql).bind(id).fetch_one(conn).await
}

/// Whether a customer group pays tax by class `id`.
pub async fn used_by_groups(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM customer_group WHERE tax_class_id = ?)")
        .bind(id)
        .fetch_one(conn)
        .await
}

/// Whether a product has class `id` as its `tax_class_id` attribute (kept among its custom
/// attributes, as `[code, value]` pairs).
pub async fn used_by_products(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM catalog_product_entity p, json_each(p.custom_attributes) a
         WHERE json_extract(a.value, '$[0]') = 'tax_class_id'
           AND CAST(json_extract(a.value, '$[1]') AS TEXT) = ?)",
    )
    .bind(id.to_string())
    .fetch_one(conn)
    .await
}

/// One page of classes matching `criteria`, and how many match.
pub async fn list(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<TaxClassRow>, i64)> {
    crate::db::search::rows(conn, "tax_class", "class_id", criteria).await
}
