//! The order of `sqlite_sequence`'s rows: the counters of the tables every write inserts into
//! come first.
//!
//! SQLite keeps each AUTOINCREMENT table's counter as a row of `sqlite_sequence`, a table it
//! cannot index. Every `INSERT` into such a table looks its counter up by walking those rows
//! from the first until the table's name matches (`sqlite3AutoincrementBegin` in SQLite's
//! `insert.c`: a loop of `OP_Column`, `OP_Ne`, `OP_Next`, left at the match), and so do the
//! scalar subqueries that read the next ids (`db::sales::next_id_sql`, a scalar subquery stops
//! at its first row). The rows stand in the order the tables were first written: in the
//! tutorial's world the catalog's and the configuration's counters first, `sales_invoice` 16th
//! of 28 and `inventory_reservation` last, so a durable invoice of two items (its three next
//! ids, the invoice, its items, a reservation, an e-mail) walked about 160 rows, at about 50 ns
//! a row, and about 50 with the order here: 744,000 -> 701,000 instructions an invoice for the
//! whole server (README, Performance). [`put_in_order`] moves the counters of [`FIRST`] to the
//! front where the database is opened and where it is seeded; every other place that writes
//! the table keeps that order (`db::set_next_id` updates a counter where it stands; a reset and
//! a snapshot copy the rows in order).

use sqlx::SqliteConnection;

/// The tables whose counters come first, the most often inserted into first: the reservation
/// and the items of every document, then the documents, the order's own rows, what fewer
/// writes add, and checkout's quotes.
pub const FIRST: &[&str] = &[
    "inventory_reservation",
    "sales_invoice_item",
    "sales_invoice",
    "magemu_outbox",
    "sales_shipment_item",
    "sales_shipment",
    "sales_order_item",
    "sales_order_address",
    "sales_order",
    "sales_order_payment",
    "sales_order_status_history",
    "sales_creditmemo_item",
    "sales_creditmemo",
    "sales_invoice_comment",
    "sales_shipment_track",
    "sales_shipment_comment",
    "sales_creditmemo_comment",
    "sales_payment_transaction",
    "sales_order_tax",
    "sales_order_tax_item",
    "quote_item",
    "quote",
    "quote_address",
];

/// `counters` (name and value, in their order in the table) with those of [`FIRST`] first, in
/// its order, the others after them as they were; `None` when they are in that order already.
/// (A table without a counter yet gets one at the end with its first insert: the next start
/// moves it. Rows at 0 added up front would change no id, but a new database would then differ
/// from what the migrations build.)
pub fn in_order(counters: &[(String, i64)]) -> Option<Vec<(String, i64)>> {
    let rank = |name: &str| {
        FIRST
            .iter()
            .position(|first| *first == name)
            .unwrap_or(FIRST.len())
    };
    let mut ordered = counters.to_vec();
    // Stable: the tables outside FIRST keep their order.
    ordered.sort_by_key(|(name, _)| rank(name));
    (ordered != counters).then_some(ordered)
}

/// Rewrites `sqlite_sequence` in the order of [`in_order`] when it is not in it yet (no
/// counter's value changes). The order only saves time: a failure (another process holding
/// the file's write lock past the busy timeout) is logged and leaves the table as it was.
pub async fn put_in_order(conn: &mut SqliteConnection) {
    if let Err(e) = rewrite(conn).await {
        tracing::warn!(
            error = %e,
            "sqlite_sequence's counters are left in their order (inserts are only slower)"
        );
    }
}

/// [`put_in_order`]'s read and rewrite, in one write transaction (`BEGIN IMMEDIATE`, so that no
/// other connection to the file moves a counter between them).
async fn rewrite(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let exists: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
            .fetch_one(&mut *conn)
            .await?;
    if exists == 0 {
        return Ok(());
    }
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    let counters: Vec<(String, i64)> =
        sqlx::query_as("SELECT name, seq FROM sqlite_sequence ORDER BY rowid")
            .fetch_all(&mut *tx)
            .await?;
    let Some(ordered) = in_order(&counters) else {
        return tx.rollback().await;
    };
    sqlx::query("DELETE FROM sqlite_sequence")
        .execute(&mut *tx)
        .await?;
    for (name, seq) in ordered {
        sqlx::query("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")
            .bind(name)
            .bind(seq)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counters(names: &[&str]) -> Vec<(String, i64)> {
        names
            .iter()
            .enumerate()
            .map(|(i, name)| (name.to_string(), i as i64 * 10))
            .collect()
    }

    #[test]
    fn the_tables_written_most_come_first_and_the_others_keep_their_order() {
        let before = counters(&[
            "catalog_category_entity",
            "sales_invoice",
            "tax_class",
            "inventory_reservation",
            "customer_group",
            "sales_order",
        ]);
        let after = in_order(&before).expect("out of order");
        assert_eq!(
            after,
            vec![
                ("inventory_reservation".to_string(), 30),
                ("sales_invoice".to_string(), 10),
                ("sales_order".to_string(), 50),
                ("catalog_category_entity".to_string(), 0),
                ("tax_class".to_string(), 20),
                ("customer_group".to_string(), 40),
            ]
        );
        assert_eq!(in_order(&after), None, "in order: nothing to rewrite");
    }

    #[test]
    fn no_counter_is_lost_or_changed() {
        let before = counters(&["quote", "salesrule", "sales_order_item", "customer_entity"]);
        let mut after = in_order(&before).expect("out of order");
        after.sort();
        let mut expected = before.clone();
        expected.sort();
        assert_eq!(after, expected);
    }
}
