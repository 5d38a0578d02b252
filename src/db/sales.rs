//! Queries on the sales tables.

use std::sync::LazyLock;

use sqlx::SqliteConnection;

use crate::db::batch::{Change, Output};
use crate::db::inventory::Deduction;
use crate::db::memo;
use crate::db::model::{
    EarlierInvoice, FullInvoice, FullOrder, Invoice, InvoiceComment, InvoiceItem, Order,
    OrderAddress, OrderItem, OrderPayment, OrderTax, OrderTaxItem, SourceItem, StatusHistory,
};
use crate::db::SaveError;
use crate::db::{Batch, SqlValue};

/// An order with what a document (invoice, shipment) changes: its items and its payment.
pub type OrderForUpdate = (Order, Vec<OrderItem>, Option<OrderPayment>);

/// Loads an order, its items (in item-id order) and its payment.
pub async fn load_order_for_update(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<OrderForUpdate>, sqlx::Error> {
    let mut out = order_reads(&FULL_ORDER_READS[..3], order_id)
        .run(conn)
        .await?;
    decode_order_for_update(&mut out)
}

/// The order, items and payment read by the first three of [`FULL_ORDER_READS`].
fn decode_order_for_update(out: &mut [Output]) -> Result<Option<OrderForUpdate>, sqlx::Error> {
    let Some(order) = out[0].decode::<Order>()?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some((
        order,
        out[1].decode()?,
        out[2].decode()?.into_iter().next(),
    )))
}

/// The reads of a whole order (the order's row types' own column lists, so that decoding finds
/// each column where it looks first); [`load_order_for_update`] runs the first three.
static FULL_ORDER_READS: LazyLock<[(String, usize); 8]> = LazyLock::new(|| {
    [
        (order_row_sql(), 1),
        (order_items_sql(), 1),
        (order_payment_sql(), 1),
        (
            format!(
                "SELECT {} FROM sales_order_address WHERE parent_id = ? ORDER BY entity_id",
                OrderAddress::column_list()
            ),
            1,
        ),
        (
            format!(
                // `Order::getStatusHistoryCollection`: newest first.
                "SELECT {} FROM sales_order_status_history WHERE parent_id = ?
                 ORDER BY created_at DESC, entity_id DESC",
                StatusHistory::column_list()
            ),
            1,
        ),
        (
            format!(
                "SELECT {} FROM sales_order_tax WHERE order_id = ? ORDER BY tax_id",
                OrderTax::column_list()
            ),
            1,
        ),
        (
            format!(
                "SELECT {} FROM sales_order_tax_item
                 WHERE tax_id IN (SELECT tax_id FROM sales_order_tax WHERE order_id = ?)
                 ORDER BY tax_item_id",
                OrderTaxItem::column_list()
            ),
            1,
        ),
        // The In-Store Pickup location checkout placed the order for.
        (
            "SELECT pickup_location_code FROM inventory_pickup_location_order WHERE order_id = ?"
                .to_owned(),
            1,
        ),
    ]
});

/// A whole order from the outputs of [`FULL_ORDER_READS`].
fn decode_full_order(mut out: Vec<Output>) -> Result<Option<FullOrder>, sqlx::Error> {
    let Some((order, items, payment)) = decode_order_for_update(&mut out)? else {
        return Ok(None);
    };
    Ok(Some(FullOrder {
        order,
        items,
        addresses: out[3].decode()?,
        payment,
        status_histories: out[4].decode()?,
        taxes: out[5].decode()?,
        tax_items: out[6].decode()?,
        pickup_location_code: out[7].scalar::<Option<String>>()?.flatten(),
        ..Default::default()
    }))
}

/// [`load_full_order`] on one of `db::readers`' connections, in one read transaction.
pub fn read_full_order(
    db: &crate::db::batch::ReadConn,
    order_id: i64,
) -> Result<Option<FullOrder>, sqlx::Error> {
    crate::db::batch::read_transaction(db, |db| {
        let mut full = decode_full_order(order_reads(&*FULL_ORDER_READS, order_id).read_on(db)?)?;
        if let Some(full) = full.as_mut() {
            if let Some(reads) = gift_message_reads(full) {
                add_gift_messages(full, reads.read_on(db)?)?;
            }
        }
        Ok(full)
    })
}

/// The reads of the messages an order and its lines point at, and of the settings that say
/// which a read shows; none when nothing points at a message (so an order without one,
/// nearly every order, costs no more to read).
fn gift_message_reads(full: &FullOrder) -> Option<Batch> {
    let points = |id: Option<i64>| id.is_some_and(|id| id != 0);
    if !points(full.order.gift_message_id) && !full.items.iter().any(|i| points(i.gift_message_id))
    {
        return None;
    }
    let mut batch = Batch::default();
    batch.push(
        &GIFT_MESSAGES_OF_ORDER_SQL,
        [SqlValue::from(full.order.entity_id)],
    );
    for path in [
        crate::db::store::GIFT_ALLOW_ORDER,
        crate::db::store::GIFT_ALLOW_ITEMS,
    ] {
        batch.push(
            crate::db::store::DEFAULT_CONFIG_SQL,
            [SqlValue::from(path.to_owned())],
        );
    }
    Some(batch)
}

/// The messages an order (`?1`) and its lines point at.
static GIFT_MESSAGES_OF_ORDER_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM gift_message WHERE gift_message_id IN (
             SELECT gift_message_id FROM sales_order WHERE entity_id = ?1
             UNION SELECT gift_message_id FROM sales_order_item WHERE order_id = ?1)
         ORDER BY gift_message_id",
        crate::db::gift_messages::GiftMessageRow::column_list()
    )
});

fn add_gift_messages(full: &mut FullOrder, mut out: Vec<Output>) -> Result<(), sqlx::Error> {
    full.gift_messages = out[0].decode()?;
    full.gift_config = crate::db::model::GiftConfig {
        allow_order: out[1].scalar::<Option<String>>()?.flatten(),
        allow_items: out[2].scalar::<Option<String>>()?.flatten(),
    };
    Ok(())
}

/// The customer of an order: `None` when there is no such order, `Some(None)` for a guest's.
pub async fn customer_of_order(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<Option<i64>>, sqlx::Error> {
    sqlx::query_scalar("SELECT customer_id FROM sales_order WHERE entity_id = ?")
        .bind(order_id)
        .fetch_optional(conn)
        .await
}

/// One order address by id.
pub async fn load_address(
    conn: &mut SqliteConnection,
    address_id: i64,
) -> Result<Option<OrderAddress>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM sales_order_address WHERE entity_id = ?")
        .bind(address_id)
        .fetch_optional(conn)
        .await
}

/// One order item by id.
pub async fn load_order_item(
    conn: &mut SqliteConnection,
    item_id: i64,
) -> Result<Option<OrderItem>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM sales_order_item WHERE item_id = ?")
        .bind(item_id)
        .fetch_optional(conn)
        .await
}

/// Loads an order with its items (in item-id order), addresses, payment and status history.
pub async fn load_full_order(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<FullOrder>, sqlx::Error> {
    decode_full_order(order_reads(&*FULL_ORDER_READS, order_id).run(conn).await?)
}

/// The stock of a store's website (`inventory_stock_sales_channel`), the default stock 1 when
/// the website is linked to none; `store` is the SQL giving the store's id.
pub(crate) fn stock_of_store_sql(store: &str) -> String {
    format!(
        "SELECT COALESCE((SELECT c.stock_id FROM store s
           JOIN store_website w ON w.website_id = s.website_id
           JOIN inventory_stock_sales_channel c ON c.type = 'website' AND c.code = w.code
           WHERE s.store_id = {store}), 1)"
    )
}

/// [`stock_of_store_sql`] of the store whose id is bound.
pub(crate) static STORE_STOCK_SQL: LazyLock<String> = LazyLock::new(|| stock_of_store_sql("?"));

/// The id the next row of an AUTOINCREMENT `table` gets.
/// At the end of the id range the sum would turn to a REAL: the CAST keeps it an integer,
/// `i64::MAX`, which [`row_ids`] then refuses.
pub(crate) fn next_id_sql(table: &str, key: &str) -> String {
    format!(
        "CAST(MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),
             COALESCE((SELECT MAX({key}) FROM {table}), 0)) + 1 AS INTEGER)"
    )
}

/// The ids `count` new rows of an AUTOINCREMENT table get from `first` (read with
/// [`next_id_sql`]) on; `None` when they would reach `i64::MAX`, where SQLite's AUTOINCREMENT
/// fails the insert (`SQLITE_FULL`) and the document is not saved (the very last id is
/// refused too: one short of SQLite, at the end of a range of 9.2e18). Only the control API's
/// `PUT /magemu/next-ids` can bring a table there.
pub fn row_ids(first: i64, count: usize) -> Option<std::ops::Range<i64>> {
    let end = first.checked_add(i64::try_from(count).ok()?)?;
    Some(first..end)
}

/// An order's `sales_order_tax` rows (by tax id) and their items (by tax item id).
pub async fn load_order_taxes(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<(Vec<OrderTax>, Vec<OrderTaxItem>), sqlx::Error> {
    let taxes: Vec<OrderTax> =
        sqlx::query_as("SELECT * FROM sales_order_tax WHERE order_id = ? ORDER BY tax_id")
            .bind(order_id)
            .fetch_all(&mut *conn)
            .await?;
    if taxes.is_empty() {
        return Ok((taxes, Vec::new()));
    }
    let items: Vec<OrderTaxItem> = sqlx::query_as(
        "SELECT i.* FROM sales_order_tax_item i JOIN sales_order_tax t ON t.tax_id = i.tax_id
         WHERE t.order_id = ? ORDER BY i.tax_item_id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    Ok((taxes, items))
}

/// Everything creating an invoice reads ([`load_for_invoice`]).
pub struct InvoiceContext {
    pub order: Order,
    pub items: Vec<OrderItem>,
    pub payment: Option<OrderPayment>,
    /// The order's invoices so far.
    pub earlier: Vec<EarlierInvoice>,
    /// The stock of the order's website.
    pub stock_id: i64,
    /// In-stock source items of the order's virtual SKUs on that stock, in priority order.
    pub virtual_source_items: Vec<SourceItem>,
    pub next_invoice_id: i64,
    pub next_invoice_item_id: i64,
    pub next_invoice_comment_id: i64,
    /// Next value of the store's invoice sequence.
    pub next_increment: i64,
    /// Who the invoice e-mail goes to.
    pub recipient: Option<crate::db::outbox::OrderRecipient>,
}

/// A batch of reads about one order, document or store: each statement with the number of
/// times it binds the id.
pub(crate) fn order_reads(reads: &[(String, usize)], order_id: i64) -> Batch {
    let mut batch = Batch::default();
    for (sql, binds) in reads {
        batch.push(sql, std::iter::repeat_n(SqlValue::from(order_id), *binds));
    }
    batch
}

/// `SELECT` of an order's row by its id (`?`), in [`Order`]'s column order.
pub(crate) fn order_row_sql() -> String {
    format!(
        "SELECT {} FROM sales_order WHERE entity_id = ?",
        Order::column_list()
    )
}

/// `SELECT` of an order's items by its id (`?`), in item-id order, in [`OrderItem`]'s column
/// order.
pub(crate) fn order_items_sql() -> String {
    format!(
        "SELECT {} FROM sales_order_item WHERE order_id = ? ORDER BY item_id",
        OrderItem::column_list()
    )
}

/// `SELECT` of an order's payment by the order's id (`?1`), in [`OrderPayment`]'s column order.
///
/// An order has one payment, made with it, so the two tables' ids move together and a
/// payment's id is its order's (in Magento's tables as in magemu's). The payment is looked up
/// by that key first, one B-tree descent where the order's id goes through the `parent_id`
/// index and then the table: on the million-order world each is a page no request touched
/// lately (about 1 us a read by id). `LIMIT 1` stops SQLite before the second arm, which finds
/// a payment whose id differs (an order imported or placed while the counters were apart).
pub(crate) fn order_payment_sql() -> String {
    let columns = OrderPayment::column_list();
    format!(
        "SELECT {columns} FROM (
             SELECT {columns} FROM sales_order_payment WHERE entity_id = ?1 AND parent_id = ?1
             UNION ALL
             SELECT {columns} FROM sales_order_payment WHERE parent_id = ?1
         ) LIMIT 1"
    )
}

/// The next value of the `entity_type` sequence of the store whose id is bound.
pub(crate) fn store_sequence_value_sql(entity_type: &str) -> String {
    format!(
        "SELECT COALESCE((SELECT next_value FROM sales_sequence WHERE entity_type = '{entity_type}'
           AND store_id = ?), 1)"
    )
}

/// The value a store's sequence moves to once `used` is taken. At the very end of the range
/// it stays: the next document's increment id is then one already taken, which its UNIQUE
/// refuses (nothing saved), instead of a number wrapped to a negative one.
pub(crate) fn sequence_after(used: i64) -> i64 {
    used.saturating_add(1)
}

/// Queues the store's `entity_type` sequence moving past `used` ([`sequence_after`]).
pub(crate) fn push_sequence(
    batch: &mut Batch,
    entity_type: &'static str,
    store_id: i64,
    used: i64,
) {
    batch.push(
        "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, ?)
         ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = excluded.next_value",
        [
            entity_type.to_owned().into(),
            store_id.into(),
            sequence_after(used).into(),
        ],
    );
}

/// Queues the UPDATEs of an order and its items, each in only the columns that changed: the
/// order's list indexes (state, status, customer, dates) are left alone when their columns did
/// not. `items` are as read and as written, in the same order.
pub(crate) fn push_order_changes(
    batch: &mut Batch,
    order: Change<'_, Order>,
    (before, after): (&[OrderItem], &[OrderItem]),
) {
    batch.update_changed("sales_order", ("entity_id", order.after.entity_id), order);
    debug_assert_eq!(before.len(), after.len());
    for (before, after) in before.iter().zip(after) {
        batch.update_changed(
            "sales_order_item",
            ("item_id", after.item_id),
            Change { before, after },
        );
    }
}

/// Queues the source deductions (`SourceDeductionService`: only the quantity column, never
/// below 0) and their compensating reservations on `stock_id`: two statements a deduction, the
/// UPDATE first (the layout [`short_deduction`] reads). Returns where they start in the batch.
/// The deductions' SKUs are managed ones (see
/// [`crate::db::inventory::APPEND_DEDUCTION_RESERVATION_SQL`]).
pub(crate) fn push_deductions(
    batch: &mut Batch,
    deductions: &[Deduction],
    stock_id: i64,
    metadata: &str,
) -> usize {
    let first = batch.len();
    for d in deductions {
        batch.push(
            crate::db::inventory::DEDUCT_SOURCE_ITEM_SQL,
            [
                d.qty.into(),
                d.source_code.clone().into(),
                d.sku.clone().into(),
                d.qty.into(),
            ],
        );
        batch.push(
            crate::db::inventory::APPEND_DEDUCTION_RESERVATION_SQL,
            [
                stock_id.into(),
                d.sku.clone().into(),
                d.qty.into(),
                metadata.to_owned().into(),
            ],
        );
    }
    first
}

/// The first deduction queued by [`push_deductions`] at `first` that took nothing (its source
/// item missing or holding too little): the outputs from `first` on alternate its UPDATEs and
/// reservations.
pub(crate) fn short_deduction<'d>(
    out: &[Output],
    first: usize,
    deductions: &'d [Deduction],
) -> Option<&'d Deduction> {
    deductions
        .iter()
        .zip(out[first..].iter().step_by(2))
        .find(|(_, o)| o.rows_affected != 1)
        .map(|(d, _)| d)
}

/// The reads of [`load_for_invoice`] by the order's id, written once: the order's row types'
/// own column lists (not `*`), so decoding finds each column where it looks first.
static INVOICE_READS: LazyLock<[(String, usize); 6]> = LazyLock::new(|| {
    let next_ids = format!(
        "SELECT {}, {}, {}",
        next_id_sql("sales_invoice", "entity_id"),
        next_id_sql("sales_invoice_item", "entity_id"),
        next_id_sql("sales_invoice_comment", "entity_id")
    );
    [
        (order_row_sql(), 1),
        (order_items_sql(), 1),
        (order_payment_sql(), 1),
        (
            "SELECT state, discount_amount, shipping_amount FROM sales_invoice WHERE order_id = ?"
                .to_owned(),
            1,
        ),
        (crate::db::outbox::BILLING_NAME_SQL.clone(), 1),
        // Last: left out when the writer's memo has them (`db::memo`).
        (next_ids, 0),
    ]
});

/// The reads of [`load_for_invoice`] by the order's store: the stock of its website and the
/// store's invoice sequence.
static INVOICE_STORE_READS: LazyLock<[(String, usize); 2]> = LazyLock::new(|| {
    [
        (STORE_STOCK_SQL.clone(), 1),
        (store_sequence_value_sql("invoice"), 1),
    ]
});

/// In-stock source items of the virtual SKUs of an order on a stock (the stock's id bound
/// first, the order's next), in priority order; none for a SKU whose stock is not managed,
/// which `SourceDeductionService` skips (so the invoice deducts nothing of it).
static VIRTUAL_SOURCE_ITEMS_ON_STOCK_SQL: LazyLock<String> = LazyLock::new(|| {
    crate::db::inventory::in_stock_source_items_of_lines_sql(
        "?",
        &format!(
            "oi.order_id = ? AND oi.is_virtual = 1 AND NOT {}",
            crate::db::inventory::not_managed_sql("si.sku")
        ),
    )
});

/// Reads an order and what invoicing it needs; `None` when the order does not exist.
///
/// The order's row is read once: what depends on its store (the stock, the store's invoice
/// sequence) is read after it by the store's id, and the e-mail's recipient is made of it and
/// the billing address's name, instead of statements that look the order's row up again
/// (each of those opened a cursor on `sales_order`, a table of 136 columns, and walked to the
/// row: README Performance, session 49). The reads run inside the writer's transaction, one
/// after the other, as before. The next invoice ids and what is read by the store come from the
/// writer's memo when an invoice saved earlier in the same group commit left them there
/// (`db::memo`).
pub async fn load_for_invoice(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<InvoiceContext>, sqlx::Error> {
    let remembered_ids = memo::next_invoice_ids();
    let reads = match remembered_ids {
        Some(_) => &INVOICE_READS[..INVOICE_READS.len() - 1],
        None => &INVOICE_READS[..],
    };
    let mut out = order_reads(reads, order_id).run(conn).await?;
    let Some(order) = out[0].decode::<Order>()?.into_iter().next() else {
        return Ok(None);
    };
    let (next_invoice_id, next_invoice_item_id, next_invoice_comment_id) = match remembered_ids {
        Some(ids) => (ids.invoice, ids.item, ids.comment),
        None => out[5]
            .decode::<(i64, i64, i64)>()?
            .into_iter()
            .next()
            .ok_or_else(|| sqlx::Error::RowNotFound)?,
    };
    let items: Vec<OrderItem> = out[1].decode()?;
    let memo::StoreInvoicing {
        stock_id,
        next_increment,
    } = match memo::store_invoicing(order.store_id) {
        Some(remembered) => remembered,
        None => {
            let mut by_store = order_reads(&*INVOICE_STORE_READS, order.store_id)
                .run(conn)
                .await?;
            memo::StoreInvoicing {
                stock_id: by_store[0].scalar()?.unwrap_or(1),
                next_increment: by_store[1].scalar()?.unwrap_or(1),
            }
        }
    };
    // Only an order with a virtual item deducts anything at invoice time.
    let virtual_source_items = if items.iter().any(|item| item.is_virtual == Some(1)) {
        let mut virtual_reads = Batch::default();
        virtual_reads.push(
            &VIRTUAL_SOURCE_ITEMS_ON_STOCK_SQL,
            [SqlValue::from(stock_id), SqlValue::from(order_id)],
        );
        crate::db::inventory::one_of_each(virtual_reads.run(conn).await?[0].decode()?)
    } else {
        Vec::new()
    };
    let recipient =
        crate::db::outbox::OrderRecipient::of(&order, out[4].decode()?.into_iter().next());
    Ok(Some(InvoiceContext {
        order,
        items,
        payment: out[2].decode()?.into_iter().next(),
        earlier: out[3].decode()?,
        stock_id,
        virtual_source_items,
        next_invoice_id,
        next_invoice_item_id,
        next_invoice_comment_id,
        next_increment,
        recipient: Some(recipient),
    }))
}

/// Everything creating an invoice writes.
pub struct InvoiceWrites<'a> {
    /// With its id and increment id set.
    pub invoice: &'a Invoice,
    pub items: &'a [InvoiceItem],
    pub comment: Option<&'a InvoiceComment>,
    pub order: Change<'a, Order>,
    /// As read and as written, in the same order.
    pub order_items: (&'a [OrderItem], &'a [OrderItem]),
    pub payment: Change<'a, OrderPayment>,
    /// The invoice sequence value used, and the store it belongs to.
    pub increment: (i64, i64),
    /// The ids the next invoice's rows take (told to the writer's memo, `db::memo`).
    pub next_ids: crate::db::memo::NextInvoiceIds,
    /// Source deductions of virtual items, with the stock and metadata of their reservation.
    pub deductions: &'a [Deduction],
    pub stock_id: i64,
    pub reservation_metadata: &'a str,
    /// An online capture: its transaction and the order history entry.
    pub capture: Option<CaptureWrites<'a>>,
    /// The invoice e-mail, when the request asked to notify the customer.
    pub mail: Option<&'a crate::db::outbox::Mail>,
}

/// What an online capture writes beside the invoice.
pub struct CaptureWrites<'a> {
    pub txn_id: &'a str,
    /// `Captured amount of $X online. Transaction ID: "..."`.
    pub comment: &'a str,
    pub status: Option<&'a str>,
    pub now: &'a str,
    /// The capture takes what the order still owes (`Payment::isCaptureFinal`): the
    /// authorization it is made on is closed.
    pub close_authorization: bool,
}

/// Writes an invoice and its effects in one round trip. Fails when a source no longer holds
/// what is deducted from it (which the checks before it rule out, see `sales::invoice`).
///
/// The invoice row goes first: its UNIQUE (increment_id, store_id) refuses a number the store's
/// sequence reaches that an invoice saved with its own increment id already holds, and refused
/// there the batch has written nothing (invoice creation runs without a savepoint:
/// `db::writer::Isolation::ChecksFirst`).
pub async fn save_invoice(
    conn: &mut SqliteConnection,
    w: InvoiceWrites<'_>,
) -> Result<(), SaveError> {
    let mut batch = Batch::default();
    let (increment, store_id) = w.increment;
    batch.insert("sales_invoice", w.invoice);
    push_sequence(&mut batch, "invoice", store_id, increment);
    for item in w.items {
        batch.insert("sales_invoice_item", item);
    }
    if let Some(comment) = w.comment {
        batch.insert("sales_invoice_comment", comment);
    }
    push_order_changes(&mut batch, w.order, w.order_items);
    batch.update_changed(
        "sales_order_payment",
        ("entity_id", w.payment.after.entity_id),
        w.payment,
    );
    if let Some(c) = &w.capture {
        push_capture(
            &mut batch,
            w.order.after.entity_id,
            w.payment.after.entity_id,
            c,
        );
    }
    if let Some(mail) = w.mail {
        batch.insert_new("magemu_outbox", "mail_id", mail);
    }
    let first_deduction =
        push_deductions(&mut batch, w.deductions, w.stock_id, w.reservation_metadata);
    let out = batch.run(conn).await?;
    // SourceDeductionService: "Not all of your products are available in the requested quantity."
    if short_deduction(&out, first_deduction, w.deductions).is_some() {
        return Err(SaveError::NotEnough);
    }
    // What the next invoice of the group commit would read (see `load_for_invoice`): the
    // sequence as `push_sequence` left it.
    memo::invoice_saved(
        w.next_ids,
        store_id,
        memo::StoreInvoicing {
            stock_id: w.stock_id,
            next_increment: sequence_after(increment),
        },
    );
    Ok(())
}

/// Queues what an online capture writes beside its invoice: the capture transaction (child of
/// the order's authorization, when checkout left one, which a final capture closes) and the
/// order history entry.
pub fn push_capture(batch: &mut Batch, order_id: i64, payment_id: i64, c: &CaptureWrites<'_>) {
    // The order's authorization, when checkout left one, is the capture's parent. (Plain `?`
    // only: a batch numbers its binds across all its statements.)
    let payment_id = || SqlValue::from(payment_id);
    batch.push(
        "INSERT INTO sales_payment_transaction
           (parent_id, order_id, payment_id, txn_id, parent_txn_id, txn_type, is_closed, created_at)
         SELECT (SELECT transaction_id FROM sales_payment_transaction
                 WHERE payment_id = ? AND txn_type = 'authorization' ORDER BY transaction_id LIMIT 1),
                ?, ?, ?,
                (SELECT txn_id FROM sales_payment_transaction
                 WHERE payment_id = ? AND txn_type = 'authorization' ORDER BY transaction_id LIMIT 1),
                'capture', 1, ?",
        [
            payment_id(),
            order_id.into(),
            payment_id(),
            c.txn_id.to_owned().into(),
            payment_id(),
            c.now.to_owned().into(),
        ],
    );
    if c.close_authorization {
        batch.push(
            "UPDATE sales_payment_transaction SET is_closed = 1
             WHERE transaction_id = (SELECT transaction_id FROM sales_payment_transaction
                 WHERE payment_id = ? AND txn_type = 'authorization' ORDER BY transaction_id LIMIT 1)",
            [payment_id()],
        );
    }
    batch.push(
        "INSERT INTO sales_order_status_history
           (parent_id, comment, status, entity_name, is_customer_notified, is_visible_on_front, created_at)
         VALUES (?, ?, ?, 'invoice', 0, 0, ?)",
        [
            order_id.into(),
            c.comment.to_owned().into(),
            c.status.map(str::to_owned).into(),
            c.now.to_owned().into(),
        ],
    );
}

/// Takes the next value of the store's `entity_type` sequence and formats it as Magento's
/// increment id: 9 digits, zero-padded, prefixed by the store id for stores other than 0 and 1
/// (Magento_SalesSequence's default profile).
pub async fn next_increment_id(
    conn: &mut SqliteConnection,
    entity_type: &str,
    store_id: i64,
) -> Result<String, sqlx::Error> {
    let value: i64 = sqlx::query_scalar(
        "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, 2)
         ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = next_value + 1
         RETURNING next_value - 1",
    )
    .bind(entity_type)
    .bind(store_id)
    .fetch_one(conn)
    .await?;
    Ok(format_increment_id(store_id, value))
}

/// `000000003` in store 1, `2000000001` in store 2.
pub fn format_increment_id(store_id: i64, value: i64) -> String {
    if store_id > 1 {
        format!("{store_id}{value:09}")
    } else {
        format!("{value:09}")
    }
}

/// Loads an invoice with its items and comments.
pub async fn load_full_invoice(
    conn: &mut SqliteConnection,
    invoice_id: i64,
) -> Result<Option<FullInvoice>, sqlx::Error> {
    decode_full_invoice(
        order_reads(&*FULL_INVOICE_READS, invoice_id)
            .run(conn)
            .await?,
    )
}

/// [`load_full_invoice`] on one of `db::readers`' connections, in one read transaction.
pub fn read_full_invoice(
    db: &crate::db::batch::ReadConn,
    invoice_id: i64,
) -> Result<Option<FullInvoice>, sqlx::Error> {
    decode_full_invoice(order_reads(&*FULL_INVOICE_READS, invoice_id).read_on(db)?)
}

/// The reads of an invoice by its id: its row, items and comments (in id order).
static FULL_INVOICE_READS: LazyLock<[(String, usize); 3]> = LazyLock::new(|| {
    [
        (row_by_id_sql("sales_invoice", Invoice::column_list()), 1),
        (
            children_sql("sales_invoice_item", InvoiceItem::column_list()),
            1,
        ),
        (
            children_sql("sales_invoice_comment", InvoiceComment::column_list()),
            1,
        ),
    ]
});

/// `SELECT columns FROM table WHERE entity_id = ?`: a document's row by its id.
pub(crate) fn row_by_id_sql(table: &str, columns: &str) -> String {
    format!("SELECT {columns} FROM {table} WHERE entity_id = ?")
}

/// `SELECT columns FROM table WHERE parent_id = ? ORDER BY entity_id`: a document's items,
/// comments or tracks, in id order.
pub(crate) fn children_sql(table: &str, columns: &str) -> String {
    format!("SELECT {columns} FROM {table} WHERE parent_id = ? ORDER BY entity_id")
}

fn decode_full_invoice(mut out: Vec<Output>) -> Result<Option<FullInvoice>, sqlx::Error> {
    let Some(invoice) = out[0].decode::<Invoice>()?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(FullInvoice {
        invoice,
        items: out[1].decode()?,
        comments: out[2].decode()?,
    }))
}

/// The `customer_email` of an order (`None`: no such order; `Some(None)`: it has none).
pub async fn customer_email(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    sqlx::query_scalar("SELECT customer_email FROM sales_order WHERE entity_id = ?")
        .bind(order_id)
        .fetch_optional(conn)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of a query on the baseline schema, one line per step.
    async fn plan(sql: &str, binds: &[&str]) -> Vec<String> {
        use sqlx::{Connection, Row};
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        crate::db::baseline::apply(&mut conn).await.unwrap();
        let text = format!("EXPLAIN QUERY PLAN {sql}");
        let mut query = sqlx::query(&text);
        for bind in binds {
            query = query.bind(*bind);
        }
        query
            .fetch_all(&mut conn)
            .await
            .unwrap()
            .iter()
            .map(|row| row.get::<String, _>("detail"))
            .collect()
    }

    /// The source items of an invoice's virtual SKUs and of a shipment's SKUs are looked up by
    /// SKU, never by reading every source item of the stock's sources (which cost 30 ms an
    /// invoice on a catalog of 20,000 SKUs in nine sources).
    #[tokio::test]
    async fn source_items_are_found_by_sku() {
        for (sql, binds) in [
            (&*VIRTUAL_SOURCE_ITEMS_ON_STOCK_SQL, vec!["1", "3"]),
            (
                &*crate::db::inventory::IN_STOCK_SOURCE_ITEMS_SQL,
                vec!["1", r#"["24-MB01"]"#],
            ),
        ] {
            let plan = plan(sql, &binds).await;
            // The invoice's reads start from the order's lines, by their index.
            let from_lines = plan.first().map(String::as_str)
                == Some("SEARCH oi USING INDEX sales_order_item_order_id (order_id=?)");
            let by_sku = plan.iter().position(|step| {
                step == "SEARCH si USING INDEX inventory_source_item_sku_lower (<expr>=?)"
            });
            assert_eq!(by_sku, Some(usize::from(from_lines)), "{plan:#?}");
            // The only table read whole is the bound list of SKUs.
            assert!(
                plan.iter()
                    .all(|step| !step.starts_with("SCAN") || step.starts_with("SCAN json_each")),
                "{plan:#?}"
            );
        }
    }

    /// The payment read by its order's id: by key when the ids agree, through `parent_id`
    /// when they do not, and nothing for an order without one.
    #[tokio::test]
    async fn payments_are_found_by_key_or_by_order() {
        use sqlx::{Connection, Row};
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        crate::db::baseline::apply(&mut conn).await.unwrap();
        sqlx::query("PRAGMA foreign_keys = OFF")
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO sales_order_payment (entity_id, parent_id, method)
             VALUES (5, 5, 'checkmo'), (6, 9, 'checkmo'), (9, 11, 'checkmo')",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        let sql = order_payment_sql();
        for (order, payment) in [
            (5, Some(5)),
            (9, Some(6)),
            (11, Some(9)),
            (6, None),
            (7, None),
        ] {
            let found: Option<i64> = sqlx::query(&sql)
                .bind(order)
                .fetch_optional(&mut conn)
                .await
                .unwrap()
                .map(|row| row.get("entity_id"));
            assert_eq!(found, payment, "order {order}");
        }
        let plan = plan(&sql, &["5"]).await;
        assert!(
            plan.iter()
                .any(|step| step.contains("USING INTEGER PRIMARY KEY (rowid=?)")),
            "{plan:#?}"
        );
    }

    #[test]
    fn increment_ids() {
        assert_eq!(format_increment_id(1, 3), "000000003");
        assert_eq!(format_increment_id(0, 3), "000000003");
        assert_eq!(format_increment_id(2, 1), "2000000001");
    }
}
