//! Queries on `sales_payment_transaction`.

use sqlx::SqliteConnection;

use crate::db::model::Transaction;

/// One transaction by id.
pub async fn load(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM sales_payment_transaction WHERE transaction_id = ?")
        .bind(transaction_id)
        .fetch_optional(conn)
        .await
}

/// A transaction with its children (`getChildTransactions`), in id order.
pub async fn load_with_children(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<Option<(Transaction, Vec<Transaction>)>, sqlx::Error> {
    let Some(transaction) = load(&mut *conn, transaction_id).await? else {
        return Ok(None);
    };
    let children = sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE parent_id = ? ORDER BY transaction_id",
    )
    .bind(transaction_id)
    .fetch_all(conn)
    .await?;
    Ok(Some((transaction, children)))
}

/// The newest transaction of a payment with this gateway id.
pub async fn by_txn_id(
    conn: &mut SqliteConnection,
    payment_id: i64,
    txn_id: &str,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE payment_id = ? AND txn_id = ?
         ORDER BY transaction_id DESC LIMIT 1",
    )
    .bind(payment_id)
    .bind(txn_id)
    .fetch_optional(conn)
    .await
}

/// `Payment::getAuthorizationTransaction` for a payment without a parent transaction id: its
/// first `authorization`, open or not.
pub async fn authorization(
    conn: &mut SqliteConnection,
    payment_id: i64,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE payment_id = ? AND txn_type = 'authorization'
         ORDER BY transaction_id LIMIT 1",
    )
    .bind(payment_id)
    .fetch_optional(conn)
    .await
}

/// Whether the transaction has children (`Transaction::canVoidAuthorizationCompletely` is
/// their absence).
pub async fn has_children(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sales_payment_transaction WHERE parent_id = ?)",
    )
    .bind(transaction_id)
    .fetch_one(conn)
    .await
}
