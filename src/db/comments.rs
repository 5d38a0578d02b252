//! Comments, e-mail flags and tracks: the small writes on a document after the fact.

use sqlx::SqliteConnection;

use crate::db::model::{Author, StatusHistory};

/// Whether a row with this id exists in `table` (keyed by `entity_id`).
pub async fn exists(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT entity_id FROM {table} WHERE entity_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Whether `author` may edit the comment row `id` of `table` as a comment of document
/// `parent_id`: 2.4.8's comment resource models look the row up by both ids (`getCommentById`)
/// and take its `user_id` and `user_type`, which `SalesEntityCommentValidator::
/// isEditCommentAllowed` then compares with the caller's. So only a comment of that document
/// written by that caller may be edited; another document's comment, a missing one (its author
/// left unset: PHP's `null != 1`) and one written by another user (an admin's comment for the
/// integration, and the other way round; a comment from before the columns existed belongs to
/// nobody) may not. A caller with no user (`Author::default()`: a queue consumer replaying an
/// asynchronous call) may edit none: the stored author, fetched as a string, is never equal to
/// its null (`"0" != null`). (Magento lets such a caller through where no comment of that id and
/// parent exists, `null != null` being false, and its UPDATE then moves another document's
/// comment of that id; magemu refuses that too.)
pub async fn comment_of(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    parent_id: Option<i64>,
    author: Author,
) -> Result<bool, sqlx::Error> {
    if author == Author::default() {
        return Ok(false);
    }
    let found: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT entity_id FROM {table}
         WHERE entity_id = ? AND parent_id = ? AND user_id = ? AND user_type = ?"
    ))
    .bind(id)
    .bind(parent_id)
    .bind(author.user_id)
    .bind(author.user_type)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The stored `created_at` of row `id` of a comment `table`.
pub async fn created_at(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT created_at FROM {table} WHERE entity_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The order's status history, in row order.
pub async fn order_history(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Vec<StatusHistory>, sqlx::Error> {
    crate::db::children(conn, "sales_order_status_history", order_id).await
}

/// `email_sent` and `send_email` set on a document after its e-mail went out.
pub async fn mark_email_sent(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE {table} SET email_sent = 1, send_email = 1 WHERE entity_id = ?"
    ))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// `History::getUnnotifiedForInstance` then `setIsCustomerNotified(1)`: the newest history row
/// of the order written for this kind of document and not yet notified.
pub async fn mark_history_notified(
    conn: &mut SqliteConnection,
    order_id: i64,
    entity_name: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sales_order_status_history SET is_customer_notified = 1 WHERE entity_id = (
           SELECT entity_id FROM sales_order_status_history
           WHERE parent_id = ? AND entity_name = ? AND is_customer_notified = 0
           ORDER BY created_at DESC, entity_id DESC LIMIT 1)",
    )
    .bind(order_id)
    .bind(entity_name)
    .execute(conn)
    .await?;
    Ok(())
}

/// The order a document belongs to.
pub async fn order_of(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT order_id FROM {table} WHERE entity_id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Whether shipment `parent_id` belongs to order `order_id` (`TrackRepository::save`'s check).
pub async fn shipment_of_order(
    conn: &mut SqliteConnection,
    parent_id: i64,
    order_id: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT entity_id FROM sales_shipment WHERE entity_id = ? AND order_id = ?",
    )
    .bind(parent_id)
    .bind(order_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Deletes a track; deleting one that does not exist deletes nothing.
pub async fn delete_track(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sales_shipment_track WHERE entity_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// `Order::addStatusHistoryComment($comment)` saved with the order: an `order` entry in
/// `status`, notification flag `notified` (null: not set), not visible on the storefront.
pub async fn add_order_comment(
    conn: &mut SqliteConnection,
    order_id: i64,
    comment: String,
    status: Option<String>,
    notified: Option<i64>,
    now: &str,
) -> Result<(), sqlx::Error> {
    let history = crate::db::model::StatusHistory {
        parent_id: order_id,
        comment: Some(comment),
        status,
        entity_name: Some("order".into()),
        is_customer_notified: notified,
        is_visible_on_front: 0,
        created_at: now.to_owned(),
        ..Default::default()
    };
    crate::db::insert(conn, "sales_order_status_history", "entity_id", &history).await?;
    Ok(())
}
