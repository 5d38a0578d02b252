//! Queries of an order saved with its id (`POST /V1/orders` with `entity.entity_id`): the
//! partial UPDATEs Magento's resource models write, and what `Handler\State::check` reads.

use sqlx::SqliteConnection;

use crate::db::{bind, SqlValue};

/// `UPDATE table SET <columns> WHERE key = id`, the UPDATE `EntityAbstract::updateObject`
/// writes: only the columns the object holds, nothing when it holds none. `touch` names an
/// `updated_at` column MySQL keeps `ON UPDATE CURRENT_TIMESTAMP`: it takes `now` only when a
/// written value differs from the stored one (MySQL leaves a row whose values did not change
/// as it was). Returns the rows matched (0 for an id no row has: Magento's UPDATE just
/// matches nothing).
pub async fn update_columns(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    id: i64,
    columns: &[(&'static str, SqlValue)],
    touch: Option<(&str, &str)>,
) -> Result<u64, sqlx::Error> {
    if columns.is_empty() {
        return Ok(0);
    }
    let mut sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
    if let Some((column, _)) = touch {
        // The right-hand sides of an UPDATE see the row's old values.
        let changed: Vec<String> = columns
            .iter()
            .map(|(n, _)| format!("{n} IS NOT ?"))
            .collect();
        sets.push(format!(
            "{column} = CASE WHEN {} THEN ? ELSE {column} END",
            changed.join(" OR ")
        ));
    }
    let sql = format!("UPDATE {table} SET {} WHERE {key} = ?", sets.join(", "));
    let mut query = sqlx::query(&sql);
    for (_, value) in columns {
        query = bind(query, value.clone());
    }
    if let Some((_, now)) = touch {
        for (_, value) in columns {
            query = bind(query, value.clone());
        }
        query = query.bind(now.to_owned());
    }
    Ok(query.bind(id).execute(conn).await?.rows_affected())
}

/// Whether the order has an open invoice, and how many credit memos it has.
pub async fn save_context(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<(bool, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM sales_invoice WHERE order_id = ?1 AND state = 1),
                (SELECT COUNT(*) FROM sales_creditmemo WHERE order_id = ?1)",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// `Order\Invoice\Plugin\AddressUpdate::afterProcess`: the order's invoices that have no
/// billing (shipping) address id take the order's.
pub async fn invoices_take_addresses(
    conn: &mut SqliteConnection,
    order_id: i64,
    billing: Option<i64>,
    shipping: Option<i64>,
    now: &str,
) -> Result<(), sqlx::Error> {
    for (column, id) in [
        ("billing_address_id", billing),
        ("shipping_address_id", shipping),
    ] {
        let Some(id) = id else { continue };
        sqlx::query(&format!(
            "UPDATE sales_invoice SET {column} = ?, updated_at = ?
             WHERE order_id = ? AND COALESCE({column}, 0) = 0"
        ))
        .bind(id)
        .bind(now)
        .bind(order_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// `created_at` and `updated_at` of one row, as `EntityAbstract::_afterSave` reads them back.
pub async fn timestamps(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT created_at, updated_at FROM {table} WHERE {key} = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}
