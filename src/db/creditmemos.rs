//! Queries on the credit memo tables, and what a refund gives back to the sources.

use std::collections::HashMap;
use std::sync::LazyLock;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::batch::{Change, Output};
use crate::db::inventory::Deduction;
use crate::db::model::{
    Creditmemo, CreditmemoComment, CreditmemoItem, FullCreditmemo, Order, OrderItem, OrderPayment,
    SourceItem, StatusHistory,
};
use crate::db::outbox::{Mail, OrderRecipient};
use crate::db::sales::{
    children_sql, next_id_sql, order_items_sql, order_payment_sql, order_reads, order_row_sql,
    push_order_changes, push_sequence, row_by_id_sql, store_sequence_value_sql, STORE_STOCK_SQL,
};
use crate::db::{Batch, SaveError, SqlValue};

/// What refunding an order reads: the order, its items (in item-id order)
/// and its payment; the order item SKU of each requested `return_to_stock_items` id (of any
/// order, as `OrderItemRepository::get` finds it); the catalog type of the order's SKUs; the
/// stock of the order's website, what the order's shipments took from each source and the
/// in-stock source items of the order's SKUs on that stock (what the MSI refund plugins read);
/// the ids the new rows get, the next value of the store's credit memo sequence and who the
/// credit memo e-mail goes to.
pub struct RefundContext {
    pub order: Order,
    pub items: Vec<OrderItem>,
    pub payment: Option<OrderPayment>,
    pub return_skus: HashMap<i64, String>,
    /// Keyed by the order item's spelling of the SKU; a SKU the catalog lacks is absent.
    pub catalog_types: HashMap<String, String>,
    pub stock_id: i64,
    pub shipped: Vec<Deduction>,
    pub source_items: Vec<SourceItem>,
    pub next_creditmemo_id: i64,
    pub next_item_id: i64,
    pub next_comment_id: i64,
    pub next_increment: i64,
    pub recipient: Option<OrderRecipient>,
}

/// [`shipped_per_source`]'s statement, the stock given as an SQL expression, the order's id
/// bound after it.
fn shipped_per_source_sql(stock: &str) -> String {
    format!(
        "SELECT ss.source_code, oi.sku, SUM(COALESCE(si.qty, 0)) FROM sales_shipment s
         JOIN sales_shipment_item si ON si.parent_id = s.entity_id
         JOIN sales_order_item oi ON oi.item_id = si.order_item_id
         JOIN inventory_shipment_source ss ON ss.shipment_id = s.entity_id
         LEFT JOIN inventory_source_stock_link l
           ON l.source_code = ss.source_code AND l.stock_id = {stock}
         WHERE s.order_id = ?
         GROUP BY ss.source_code, oi.sku
         ORDER BY COALESCE(l.priority, 1000000), ss.source_code"
    )
}

/// The order item SKUs of the ids in the JSON array bound.
const ORDER_ITEM_SKUS_SQL: &str = "SELECT item_id, sku FROM sales_order_item
     WHERE item_id IN (SELECT value FROM json_each(?))";

/// The reads of [`load_for_refund`] binding only the order's id, written once; the return
/// SKUs' statement comes after them.
static REFUND_READS: LazyLock<[(String, usize); 6]> = LazyLock::new(|| {
    let next_ids = format!(
        "SELECT {}, {}, {}",
        next_id_sql("sales_creditmemo", "entity_id"),
        next_id_sql("sales_creditmemo_item", "entity_id"),
        next_id_sql("sales_creditmemo_comment", "entity_id")
    );
    [
        (order_row_sql(), 1),
        (order_items_sql(), 1),
        (order_payment_sql(), 1),
        // The catalog compares SKUs without case (its UNIQUE NOCASE column, the left operand).
        (
            "SELECT oi.sku, p.type_id FROM sales_order_item oi
             JOIN catalog_product_entity p ON p.sku = oi.sku WHERE oi.order_id = ?"
                .to_owned(),
            1,
        ),
        (next_ids, 0),
        (crate::db::outbox::BILLING_NAME_SQL.clone(), 1),
    ]
});

/// The reads of [`load_for_refund`] by the order's store: the stock of its website and the
/// store's credit memo sequence.
static REFUND_STORE_READS: LazyLock<[(String, usize); 2]> = LazyLock::new(|| {
    [
        (STORE_STOCK_SQL.clone(), 1),
        (store_sequence_value_sql("creditmemo"), 1),
    ]
});

/// The reads of [`load_for_refund`] on the order's stock (bound first) and of the order (bound
/// next): what its shipments took from each source, and the in-stock source items of its SKUs.
static REFUND_STOCK_READS: LazyLock<[String; 2]> = LazyLock::new(|| {
    [
        shipped_per_source_sql("?"),
        crate::db::inventory::in_stock_source_items_sql(
            "?",
            "SELECT sku FROM sales_order_item WHERE order_id = ?",
        ),
    ]
});

/// Reads an order and what refunding it needs (see [`RefundContext`]); `None` when the order
/// does not exist. The order's row is read once, what depends on its store and stock after it
/// (as `db::sales::load_for_invoice` does).
pub async fn load_for_refund(
    conn: &mut SqliteConnection,
    order_id: i64,
    return_to_stock_items: &[i64],
) -> Result<Option<RefundContext>, sqlx::Error> {
    let mut batch = order_reads(&*REFUND_READS, order_id);
    let ids = serde_json::to_string(return_to_stock_items)
        .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    batch.push(ORDER_ITEM_SKUS_SQL, [ids.into()]);
    let mut out = batch.run(conn).await?;
    let Some(order) = out[0].decode::<Order>()?.into_iter().next() else {
        return Ok(None);
    };
    let (next_creditmemo_id, next_item_id, next_comment_id) = out[4]
        .decode::<(i64, i64, i64)>()?
        .into_iter()
        .next()
        .ok_or(sqlx::Error::RowNotFound)?;
    let mut by_store = order_reads(&*REFUND_STORE_READS, order.store_id)
        .run(conn)
        .await?;
    let stock_id = by_store[0].scalar()?.unwrap_or(1);
    let mut on_stock = Batch::default();
    for sql in REFUND_STOCK_READS.iter() {
        on_stock.push(sql, [SqlValue::from(stock_id), SqlValue::from(order_id)]);
    }
    let mut on_stock = on_stock.run(conn).await?;
    let recipient = OrderRecipient::of(&order, out[5].decode()?.into_iter().next());
    Ok(Some(RefundContext {
        order,
        items: out[1].decode()?,
        payment: out[2].decode()?.into_iter().next(),
        catalog_types: out[3].decode::<(String, String)>()?.into_iter().collect(),
        stock_id,
        shipped: deductions(on_stock[0].decode()?),
        source_items: on_stock[1].decode()?,
        next_creditmemo_id,
        next_item_id,
        next_comment_id,
        next_increment: by_store[1].scalar()?.unwrap_or(1),
        recipient: Some(recipient),
        return_skus: out[6].decode::<(i64, String)>()?.into_iter().collect(),
    }))
}

fn deductions(rows: Vec<(String, String, Amount)>) -> Vec<Deduction> {
    rows.into_iter()
        .map(|(source_code, sku, qty)| Deduction {
            source_code,
            sku,
            qty,
        })
        .collect()
}

/// Everything a refund writes, the ids of its rows set (the history entry's is SQLite's).
pub struct CreditmemoWrites<'a> {
    pub creditmemo: &'a Creditmemo,
    pub items: &'a [CreditmemoItem],
    pub comment: Option<&'a CreditmemoComment>,
    /// The payment's "We refunded ... offline." entry of the order's history.
    pub history: &'a StatusHistory,
    pub order: Change<'a, Order>,
    /// As read and as written, in the same order.
    pub order_items: (&'a [OrderItem], &'a [OrderItem]),
    pub payment: Change<'a, OrderPayment>,
    /// The credit memo sequence value used.
    pub increment: i64,
    /// The source movements and `creditmemo_created` reservations.
    pub stock: &'a StockWrites,
    /// An online refund's transaction id: a `refund` transaction, child of the invoice's capture.
    pub refund_txn: Option<&'a str>,
    /// The invoice an offline refund through it marks (`base_total_refunded`,
    /// `is_used_for_refund`).
    pub invoice_refunded: Option<i64>,
    /// The credit memo e-mail, when the request asked to notify the customer.
    pub mail: Option<&'a Mail>,
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

/// Writes a credit memo and its effects in one round trip: the memo and its rows, the store's
/// credit memo sequence, the order's history entry, an online refund's transaction or the
/// invoice an offline one goes through, the order's, items' and payment's refunded figures
/// (only the columns that changed), the source movements, the `creditmemo_created`
/// reservations and the e-mail. The caller's savepoint rolls all of it back on an error (a
/// source too short for a write-off is found after the batch).
pub async fn save_creditmemo(
    conn: &mut SqliteConnection,
    w: CreditmemoWrites<'_>,
) -> Result<(), SaveError> {
    let mut batch = Batch::default();
    batch.insert("sales_creditmemo", w.creditmemo);
    push_sequence(
        &mut batch,
        "creditmemo",
        w.order.after.store_id,
        w.increment,
    );
    for item in w.items {
        batch.insert("sales_creditmemo_item", item);
    }
    if let Some(comment) = w.comment {
        batch.insert("sales_creditmemo_comment", comment);
    }
    batch.insert_new("sales_order_status_history", "entity_id", w.history);
    if let Some(txn) = w.refund_txn {
        batch.push(
            REFUND_TRANSACTION_SQL,
            refund_transaction_binds(
                w.payment.after.entity_id,
                w.order.after.entity_id,
                txn,
                &w.creditmemo.created_at,
            ),
        );
    }
    if let Some(invoice_id) = w.invoice_refunded {
        batch.push(
            INVOICE_REFUNDED_SQL,
            [
                w.creditmemo.base_grand_total.unwrap_or_default().into(),
                crate::db::now_timestamp().into(),
                invoice_id.into(),
            ],
        );
    }
    push_order_changes(&mut batch, w.order, w.order_items);
    batch.update_changed(
        "sales_order_payment",
        ("entity_id", w.payment.after.entity_id),
        w.payment,
    );
    let write_offs = push_stock(&mut batch, w.stock);
    if let Some(mail) = w.mail {
        batch.insert_new("magemu_outbox", "mail_id", mail);
    }
    let out = batch.run(conn).await?;
    check_write_offs(&out, write_offs)
}

/// The `refund` transaction, child of the payment's capture: binds of
/// [`REFUND_TRANSACTION_SQL`].
fn refund_transaction_binds(
    payment_id: i64,
    order_id: i64,
    txn: &str,
    created_at: &str,
) -> [SqlValue; 7] {
    let capture = txn.strip_suffix("-refund").unwrap_or(txn);
    [
        payment_id.into(),
        capture.to_owned().into(),
        order_id.into(),
        payment_id.into(),
        txn.to_owned().into(),
        capture.to_owned().into(),
        created_at.to_owned().into(),
    ]
}

const REFUND_TRANSACTION_SQL: &str = "INSERT INTO sales_payment_transaction
       (parent_id, order_id, payment_id, txn_id, parent_txn_id, txn_type, is_closed, created_at)
     VALUES ((SELECT transaction_id FROM sales_payment_transaction
              WHERE payment_id = ? AND txn_id = ? ORDER BY transaction_id LIMIT 1),
             ?, ?, ?, ?, 'refund', 1, ?)
     ON CONFLICT (order_id, payment_id, txn_id) DO NOTHING";

const INVOICE_REFUNDED_SQL: &str = "UPDATE sales_invoice SET is_used_for_refund = 1,
       base_total_refunded = COALESCE(base_total_refunded, 0) + ?,
       updated_at = ? WHERE entity_id = ?";

/// The `refund` transaction `txn` (`"{capture}-refund"`), child of the payment's capture.
pub async fn insert_refund_transaction(
    conn: &mut SqliteConnection,
    payment_id: i64,
    order_id: i64,
    txn: &str,
    created_at: &str,
) -> Result<(), sqlx::Error> {
    let mut batch = Batch::default();
    batch.push(
        REFUND_TRANSACTION_SQL,
        refund_transaction_binds(payment_id, order_id, txn, created_at),
    );
    batch.run(conn).await?;
    Ok(())
}

/// An invoice a refund went through: `is_used_for_refund` and `base_total_refunded`.
pub async fn mark_invoice_refunded(
    conn: &mut SqliteConnection,
    invoice_id: i64,
    base_grand_total: crate::amount::Amount,
) -> Result<(), sqlx::Error> {
    let mut batch = Batch::default();
    batch.push(
        INVOICE_REFUNDED_SQL,
        [
            base_grand_total.into(),
            crate::db::now_timestamp().into(),
            invoice_id.into(),
        ],
    );
    batch.run(conn).await?;
    Ok(())
}

/// Queues a refund's source movements and reservations; returns where its write-offs start
/// and how many there are (each must change its source item: [`check_write_offs`]).
fn push_stock(batch: &mut Batch, w: &StockWrites) -> (usize, usize) {
    for d in &w.returns {
        batch.push(
            "UPDATE inventory_source_item SET quantity = quantity + ?
             WHERE source_code = ? AND sku = ?",
            [
                d.qty.into(),
                d.source_code.clone().into(),
                d.sku.clone().into(),
            ],
        );
    }
    let first = batch.len();
    for d in &w.write_offs {
        batch.push(
            crate::db::inventory::DEDUCT_SOURCE_ITEM_SQL,
            [
                d.qty.into(),
                d.source_code.clone().into(),
                d.sku.clone().into(),
                d.qty.into(),
            ],
        );
    }
    for (sku, qty) in &w.reservations {
        batch.push(
            &crate::db::inventory::APPEND_RESERVATION_SQL,
            [
                w.stock_id.into(),
                sku.clone().into(),
                (*qty).into(),
                w.reservation_metadata.clone().into(),
            ],
        );
    }
    (first, w.write_offs.len())
}

/// A write-off that changed no source item (missing, or holding too little) fails the refund.
fn check_write_offs(out: &[Output], (first, count): (usize, usize)) -> Result<(), SaveError> {
    if out[first..first + count]
        .iter()
        .any(|o| o.rows_affected != 1)
    {
        return Err(SaveError::NotEnough);
    }
    Ok(())
}

/// The source movements and reservations of a refund, in one round trip.
pub async fn write_stock(conn: &mut SqliteConnection, w: &StockWrites) -> Result<(), SaveError> {
    let mut batch = Batch::default();
    let write_offs = push_stock(&mut batch, w);
    let out = batch.run(conn).await?;
    check_write_offs(&out, write_offs)
}

/// Loads a credit memo with its items and comments (in id order).
pub async fn load_full_creditmemo(
    conn: &mut SqliteConnection,
    creditmemo_id: i64,
) -> Result<Option<FullCreditmemo>, sqlx::Error> {
    decode_full_creditmemo(
        order_reads(&*FULL_CREDITMEMO_READS, creditmemo_id)
            .run(conn)
            .await?,
    )
}

/// [`load_full_creditmemo`] on one of `db::readers`' connections, in one read transaction.
pub fn read_full_creditmemo(
    db: &crate::db::batch::ReadConn,
    creditmemo_id: i64,
) -> Result<Option<FullCreditmemo>, sqlx::Error> {
    decode_full_creditmemo(order_reads(&*FULL_CREDITMEMO_READS, creditmemo_id).read_on(db)?)
}

/// The reads of a credit memo by its id.
static FULL_CREDITMEMO_READS: LazyLock<[(String, usize); 3]> = LazyLock::new(|| {
    [
        (
            row_by_id_sql("sales_creditmemo", Creditmemo::column_list()),
            1,
        ),
        (
            children_sql("sales_creditmemo_item", CreditmemoItem::column_list()),
            1,
        ),
        (
            children_sql("sales_creditmemo_comment", CreditmemoComment::column_list()),
            1,
        ),
    ]
});

fn decode_full_creditmemo(mut out: Vec<Output>) -> Result<Option<FullCreditmemo>, sqlx::Error> {
    let Some(creditmemo) = out[0].decode::<Creditmemo>()?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(FullCreditmemo {
        creditmemo,
        items: out[1].decode()?,
        comments: out[2].decode()?,
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
    let rows = sqlx::query_as(&shipped_per_source_sql("?"))
        .bind(stock_id)
        .bind(order_id)
        .fetch_all(conn)
        .await?;
    Ok(deductions(rows))
}

/// What earlier credit memos through this invoice refunded, per order item.
/// What the credit memos of an invoice refunded so far, as `ResourceModel\Order\Invoice::
/// calculateRefundedAmount` sums each field over `sales_creditmemo` by `invoice_id`: tax,
/// discount tax compensation and shipping discount tax compensation, each with its base.
#[derive(Debug, Clone, Copy, Default, PartialEq, sqlx::FromRow)]
pub struct InvoiceRefunded {
    pub tax: crate::amount::Amount,
    pub base_tax: crate::amount::Amount,
    pub comp: crate::amount::Amount,
    pub base_comp: crate::amount::Amount,
    pub shipping_comp: crate::amount::Amount,
    pub base_shipping_comp: crate::amount::Amount,
}

pub async fn invoice_refunded_amounts(
    conn: &mut SqliteConnection,
    invoice_id: i64,
) -> Result<InvoiceRefunded, sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(tax_amount), 0) AS tax, COALESCE(SUM(base_tax_amount), 0) AS base_tax,
                COALESCE(SUM(discount_tax_compensation_amount), 0) AS comp,
                COALESCE(SUM(base_discount_tax_compensation_amount), 0) AS base_comp,
                COALESCE(SUM(shipping_discount_tax_compensation_amount), 0) AS shipping_comp,
                COALESCE(SUM(base_shipping_discount_tax_compensation_amnt), 0) AS base_shipping_comp
         FROM sales_creditmemo WHERE invoice_id = ?",
    )
    .bind(invoice_id)
    .fetch_one(conn)
    .await
}

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
