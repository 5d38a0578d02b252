//! Queries on the credit memo tables, and what a refund gives back to the sources.

use sqlx::SqliteConnection;

use crate::db::inventory::Deduction;
use crate::db::model::{
    Creditmemo, CreditmemoComment, CreditmemoItem, FullCreditmemo, Order, OrderItem, OrderPayment,
    StatusHistory,
};
use crate::db::sales::next_increment_id;
use crate::db::{children, insert, update, SaveError};

/// Everything a refund writes. Ids of new rows are 0: SQLite assigns them.
pub struct CreditmemoWrites<'a> {
    pub creditmemo: Creditmemo,
    pub items: Vec<CreditmemoItem>,
    pub comment: Option<CreditmemoComment>,
    /// The payment's "We refunded ... offline." entry of the order's history.
    pub history: StatusHistory,
    pub order: &'a Order,
    pub order_items: &'a [OrderItem],
    pub payment: &'a OrderPayment,
    /// The source movements and `creditmemo_created` reservations.
    pub stock: &'a StockWrites,
    /// An online refund's transaction id: a `refund` transaction, child of the invoice's capture.
    pub refund_txn: Option<&'a str>,
    /// The invoice an offline refund through it marks (`base_total_refunded`,
    /// `is_used_for_refund`).
    pub invoice_refunded: Option<i64>,
}

/// What a refund does to the stock (magento/inventory's refund plugins, inventory.md 3.4).
#[derive(Debug, Default)]
pub struct StockWrites {
    /// Units put back into a source (a negative deduction, `SourceDeductionService` with −qty).
    pub returns: Vec<Deduction>,
    /// Units written off a source (refunded without return, invoiced but never shipped).
    pub write_offs: Vec<Deduction>,
    /// (sku, qty) of the `creditmemo_created` reservations.
    pub reservations: Vec<(String, crate::amount::Amount)>,
    pub stock_id: i64,
    pub reservation_metadata: String,
}

/// Writes a credit memo and its effects: the next credit memo increment id, the memo and its
/// rows, the order's, items' and payment's refunded figures, the source movements and the
/// `creditmemo_created` reservations. Returns the new credit memo id. The caller's savepoint
/// rolls all of it back on an error.
pub async fn save_creditmemo(
    conn: &mut SqliteConnection,
    mut w: CreditmemoWrites<'_>,
) -> Result<i64, SaveError> {
    w.creditmemo.increment_id = next_increment_id(conn, "creditmemo", w.order.store_id).await?;
    let id = insert(conn, "sales_creditmemo", "entity_id", &w.creditmemo).await?;
    for item in &mut w.items {
        item.parent_id = id;
        insert(conn, "sales_creditmemo_item", "entity_id", item).await?;
    }
    if let Some(comment) = &mut w.comment {
        comment.parent_id = id;
        insert(conn, "sales_creditmemo_comment", "entity_id", comment).await?;
    }
    insert(conn, "sales_order_status_history", "entity_id", &w.history).await?;
    if let Some(txn) = w.refund_txn {
        insert_refund_transaction(
            conn,
            w.payment.entity_id,
            w.order.entity_id,
            txn,
            &w.creditmemo.created_at,
        )
        .await?;
    }
    if let Some(invoice_id) = w.invoice_refunded {
        mark_invoice_refunded(
            conn,
            invoice_id,
            w.creditmemo.base_grand_total.unwrap_or_default(),
        )
        .await?;
    }
    update(conn, "sales_order", "entity_id", w.order).await?;
    for item in w.order_items {
        update(conn, "sales_order_item", "item_id", item).await?;
    }
    update(conn, "sales_order_payment", "entity_id", w.payment).await?;
    write_stock(conn, w.stock).await?;
    Ok(id)
}

/// The `refund` transaction `txn` (`"{capture}-refund"`), child of the payment's capture.
pub async fn insert_refund_transaction(
    conn: &mut SqliteConnection,
    payment_id: i64,
    order_id: i64,
    txn: &str,
    created_at: &str,
) -> Result<(), sqlx::Error> {
    let capture = txn.strip_suffix("-refund").unwrap_or(txn);
    sqlx::query(
        "INSERT INTO sales_payment_transaction
           (parent_id, order_id, payment_id, txn_id, parent_txn_id, txn_type, is_closed, created_at)
         VALUES ((SELECT transaction_id FROM sales_payment_transaction
                  WHERE payment_id = ? AND txn_id = ? ORDER BY transaction_id LIMIT 1),
                 ?, ?, ?, ?, 'refund', 1, ?)",
    )
    .bind(payment_id)
    .bind(capture)
    .bind(order_id)
    .bind(payment_id)
    .bind(txn)
    .bind(capture)
    .bind(created_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An invoice a refund went through: `is_used_for_refund` and `base_total_refunded`.
pub async fn mark_invoice_refunded(
    conn: &mut SqliteConnection,
    invoice_id: i64,
    base_grand_total: crate::amount::Amount,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sales_invoice SET is_used_for_refund = 1,
           base_total_refunded = COALESCE(base_total_refunded, 0) + ?,
           updated_at = ? WHERE entity_id = ?",
    )
    .bind(base_grand_total)
    .bind(crate::db::now_timestamp())
    .bind(invoice_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The source movements and reservations of a refund.
pub async fn write_stock(conn: &mut SqliteConnection, w: &StockWrites) -> Result<(), SaveError> {
    for d in &w.returns {
        sqlx::query(
            "UPDATE inventory_source_item SET quantity = quantity + ?
             WHERE source_code = ? AND sku = ?",
        )
        .bind(d.qty)
        .bind(&d.source_code)
        .bind(&d.sku)
        .execute(&mut *conn)
        .await?;
    }
    for d in &w.write_offs {
        let done = sqlx::query(
            "UPDATE inventory_source_item SET quantity = quantity - ?
             WHERE source_code = ? AND sku = ? AND quantity >= ?",
        )
        .bind(d.qty)
        .bind(&d.source_code)
        .bind(&d.sku)
        .bind(d.qty)
        .execute(&mut *conn)
        .await?;
        if done.rows_affected() != 1 {
            return Err(SaveError::NotEnough);
        }
    }
    for (sku, qty) in &w.reservations {
        crate::db::inventory::append_reservation(
            conn,
            w.stock_id,
            sku,
            *qty,
            &w.reservation_metadata,
        )
        .await?;
    }
    Ok(())
}

/// Loads a credit memo with its items and comments.
pub async fn load_full_creditmemo(
    conn: &mut SqliteConnection,
    creditmemo_id: i64,
) -> Result<Option<FullCreditmemo>, sqlx::Error> {
    let Some(creditmemo) =
        sqlx::query_as::<_, Creditmemo>("SELECT * FROM sales_creditmemo WHERE entity_id = ?")
            .bind(creditmemo_id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    Ok(Some(FullCreditmemo {
        creditmemo,
        items: children(conn, "sales_creditmemo_item", creditmemo_id).await?,
        comments: children(conn, "sales_creditmemo_comment", creditmemo_id).await?,
    }))
}

/// Per source, how much of each SKU the order's shipments took from it, in the sources'
/// priority order on the stock (`GetShippedItemsPerSourceByPriority`). The SKU is the order
/// item's, as `GetItemsToDeductFromShipment` takes it: a shipment item saved through
/// `POST /V1/shipment` may have no `sku` (nor `qty`, counted as 0) of its own.
pub async fn shipped_per_source(
    conn: &mut SqliteConnection,
    order_id: i64,
    stock_id: i64,
) -> Result<Vec<Deduction>, sqlx::Error> {
    let rows: Vec<(String, String, crate::amount::Amount)> = sqlx::query_as(
        "SELECT ss.source_code, oi.sku, SUM(COALESCE(si.qty, 0)) FROM sales_shipment s
         JOIN sales_shipment_item si ON si.parent_id = s.entity_id
         JOIN sales_order_item oi ON oi.item_id = si.order_item_id
         JOIN inventory_shipment_source ss ON ss.shipment_id = s.entity_id
         LEFT JOIN inventory_source_stock_link l
           ON l.source_code = ss.source_code AND l.stock_id = ?
         WHERE s.order_id = ?
         GROUP BY ss.source_code, oi.sku
         ORDER BY COALESCE(l.priority, 1000000), ss.source_code",
    )
    .bind(stock_id)
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(source_code, sku, qty)| Deduction {
            source_code,
            sku,
            qty,
        })
        .collect())
}

/// The SKU of each of `item_ids` that names an order item (of any order), as
/// `OrderItemRepository::get` finds it; one query for the whole list.
pub async fn order_item_skus(
    conn: &mut SqliteConnection,
    item_ids: &[i64],
) -> Result<std::collections::HashMap<i64, String>, sqlx::Error> {
    if item_ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let ids = serde_json::to_string(item_ids).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT item_id, sku FROM sales_order_item
         WHERE item_id IN (SELECT value FROM json_each(?))",
    )
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().collect())
}

/// What earlier credit memos through this invoice refunded, per order item.
pub async fn refunded_of_invoice(
    conn: &mut SqliteConnection,
    invoice_id: i64,
) -> Result<std::collections::HashMap<i64, crate::amount::Amount>, sqlx::Error> {
    let rows: Vec<(i64, crate::amount::Amount)> = sqlx::query_as(
        "SELECT ci.order_item_id, COALESCE(SUM(ci.qty), 0) FROM sales_creditmemo_item ci
         JOIN sales_creditmemo c ON c.entity_id = ci.parent_id
         WHERE c.invoice_id = ? AND ci.order_item_id IS NOT NULL GROUP BY ci.order_item_id",
    )
    .bind(invoice_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().collect())
}
