//! `POST /V1/invoices/`: `InvoiceRepositoryInterface::save`, the route migration imports use to
//! write invoices as they were, and the way to leave an invoice open (state 1) for a later
//! `POST /V1/invoices/{id}/capture`.
//!
//! What Magento does (module-sales 2.4.8-p1; `Order/InvoiceRepository::save` is
//! `$this->metadata->getMapper()->save($entity)` with no try/catch):
//! - The REST layer builds a fresh invoice object holding only the fields sent; the resource
//!   writes those fields and nothing else (`AbstractDb::prepareDataForUpdate` keeps the fields
//!   the object has). No totals are collected and `Invoice::register()` is not called: the
//!   order's items and invoiced totals, its paid totals and its state are left as they were.
//! - `ResourceModel/Order/Invoice::_beforeSave` reads `$invoice->getOrder()` when no `order_id`
//!   is given, and `getBillingAddress()->getId()` of the empty order fails (a PHP error, 500).
//!   An `order_id` with no order fails on the foreign key (500). The increment id, when not
//!   given, is the next value of the order's store invoice sequence
//!   (`ResourceModel/EntityAbstract::_beforeSave`, new objects only); `created_at` and
//!   `updated_at` come from the table's defaults and are read back (`_afterSave`). A duplicate
//!   `increment_id` in the same store is `Unique constraint violation found`.
//! - With an `entity_id` the object is not new: its given fields are UPDATEd; when no invoice
//!   has that id, nothing is updated and the object comes back as sent (items or comments then
//!   fail on their foreign key, 500).
//! - `ResourceModel/Order/Invoice/Relation` saves each item with `parent_id` set to the invoice
//!   and `order_item_id` set from the order item loaded by id; comments are saved as sent, each
//!   through `ResourceModel/Order/Invoice/Comment::_beforeSave` and its validator first: a
//!   `parent_id` and a `comment` given and not empty, and a comment with an `entity_id` only
//!   that caller's own comment of that invoice (`SalesEntityCommentValidator`). Its refusal,
//!   `Cannot save comment:\n%1` with the validator's messages, is a LocalizedException nothing
//!   catches (400), and the invoice's save rolls back with it. The caller is stamped on the
//!   comments it writes (`user_id`, `user_type`).
//! - magento/inventory `VirtualSourceDeductionProcessor` (`sales_order_invoice_save_after`)
//!   takes an object without original data for a new invoice, so every save with virtual items
//!   deducts them from the sources (priority selection) and writes the `invoice_created`
//!   reservations, as `POST /V1/order/{id}/invoice` does.
//!
//! magemu differs in three corners, because its tables keep NOT NULL where Magento's allow NULL:
//! an invoice without `total_qty` is stored with 0, an item without `sku` or `qty` with "" or 0,
//! and an item whose `order_item_id` names no order item (Magento stores NULL there) fails as a
//! 500 that writes nothing. Items of another order's items are saved but deduct nothing.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::{Author, FullInvoice, Invoice, InvoiceComment, InvoiceItem};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory;

/// The `entity` of `POST /V1/invoices/` (`InvoiceRepositoryInterface::save`), converted with
/// Magento's input rules: each row with the names of the columns the client gave (not null),
/// since a repository save writes only what its object holds.
#[derive(Debug, Clone, Default)]
pub struct InvoiceEntity {
    pub invoice: Invoice,
    pub given: Vec<&'static str>,
    pub items: Vec<(InvoiceItem, Vec<&'static str>)>,
    pub comments: Vec<(InvoiceComment, Vec<&'static str>)>,
}

/// Saves the entity and returns the invoice as stored (or, for an id that names no invoice,
/// as sent).
#[tracing::instrument(skip_all)]
pub async fn save_invoice(db: &Db, entity: InvoiceEntity, author: Author) -> Result<FullInvoice> {
    db.writer
        .write(move |conn| Box::pin(save_in(conn, entity, author)))
        .await
}

/// A failure Magento reports as its generic 500 (a PHP error or a database constraint).
fn internal(what: &str) -> Error {
    Error::internal(format!("invoice repository save: {what}"))
}

async fn save_in(
    conn: &mut SqliteConnection,
    entity: InvoiceEntity,
    author: Author,
) -> Result<FullInvoice> {
    let InvoiceEntity {
        mut invoice,
        mut given,
        items,
        comments,
    } = entity;
    if !given.contains(&"order_id") {
        return Err(internal("no order_id (getBillingAddress() on null)"));
    }
    let context = db::sales::load_for_invoice(conn, invoice.order_id)
        .await?
        .ok_or_else(|| internal("order_id names no order (foreign key)"))?;
    let now = db::now_timestamp();
    let is_new = invoice.entity_id == 0;

    if is_new {
        if !given.contains(&"increment_id") {
            invoice.increment_id =
                db::sales::format_increment_id(context.order.store_id, context.next_increment);
            sqlx::query(
                "INSERT INTO sales_sequence (entity_type, store_id, next_value)
                 VALUES ('invoice', ?, ?)
                 ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = excluded.next_value",
            )
            .bind(context.order.store_id)
            .bind(context.next_increment + 1)
            .execute(&mut *conn)
            .await?;
        }
        for (field, value) in [
            ("created_at", &mut invoice.created_at),
            ("updated_at", &mut invoice.updated_at),
        ] {
            if !given.contains(&field) {
                *value = now.clone();
            }
        }
        invoice.entity_id = db::insert(conn, "sales_invoice", "entity_id", &invoice)
            .await
            .map_err(unique_or_internal)?;
    } else {
        if !given.contains(&"updated_at") {
            invoice.updated_at = now.clone();
            given.push("updated_at");
        }
        db::update_columns(conn, "sales_invoice", "entity_id", &invoice, &given)
            .await
            .map_err(unique_or_internal)?;
    }
    let invoice_id = invoice.entity_id;

    let mut virtual_lines: Vec<(String, Amount)> = Vec::new();
    for (mut item, mut item_given) in items {
        let exists: Option<i64> =
            sqlx::query_scalar("SELECT item_id FROM sales_order_item WHERE item_id = ?")
                .bind(item.order_item_id)
                .fetch_optional(&mut *conn)
                .await?;
        if exists.is_none() {
            return Err(internal("an item's order_item_id names no order item"));
        }
        item.parent_id = invoice_id;
        item_given.extend(["parent_id", "order_item_id"]);
        if let Some(oi) = context
            .items
            .iter()
            .find(|oi| oi.item_id == item.order_item_id && oi.is_virtual())
        {
            // GetSourceSelectionResultFromInvoice: the qty as an int unless decimal, never < 0.
            let qty = if oi.is_qty_decimal() {
                item.qty
            } else {
                item.qty.trunc()
            };
            virtual_lines.push((oi.sku.clone(), qty.max(Amount::ZERO)));
        }
        if item.entity_id == 0 {
            db::insert(conn, "sales_invoice_item", "entity_id", &item)
                .await
                .map_err(|err| internal(&err.to_string()))?;
        } else {
            db::update_columns(conn, "sales_invoice_item", "entity_id", &item, &item_given)
                .await
                .map_err(|err| internal(&err.to_string()))?;
        }
    }
    for (comment, comment_given) in comments {
        check_comment(conn, &comment, &comment_given, author).await?;
        let mut comment = comment.by(author);
        if comment.entity_id == 0 {
            if !comment_given.contains(&"created_at") {
                comment.created_at = now.clone();
            }
            db::insert(conn, "sales_invoice_comment", "entity_id", &comment)
                .await
                .map_err(|err| internal(&err.to_string()))?;
        } else {
            db::update_columns(
                conn,
                "sales_invoice_comment",
                "entity_id",
                &comment,
                &comment_given,
            )
            .await
            .map_err(|err| internal(&err.to_string()))?;
        }
    }

    let deductions = inventory::virtual_deductions(&context.virtual_source_items, &virtual_lines);
    if !deductions.is_empty() {
        let metadata = inventory::sales_event("invoice_created", &context.order)?;
        for d in &deductions {
            db::shipments::deduct_source_item(conn, d)
                .await
                .map_err(|err| internal(&format!("source deduction: {err}")))?;
            db::inventory::append_reservation(conn, context.stock_id, &d.sku, d.qty, &metadata)
                .await?;
        }
    }

    match db::sales::load_full_invoice(conn, invoice_id).await? {
        Some(saved) => Ok(saved),
        // An id that names no invoice: nothing was written; the object comes back as sent.
        None => Ok(FullInvoice {
            invoice,
            items: Vec::new(),
            comments: Vec::new(),
        }),
    }
}

/// `Invoice\Comment\Validator::validate`, as the comment resource's `_beforeSave` runs it: the
/// author's check (`isEditCommentAllowed`), then each required field given (`hasData`) and
/// not `empty()`.
async fn check_comment(
    conn: &mut SqliteConnection,
    comment: &InvoiceComment,
    given: &[&'static str],
    author: Author,
) -> Result<()> {
    let edit_refused = comment.entity_id != 0
        && !db::comments::comment_of(
            conn,
            "sales_invoice_comment",
            comment.entity_id,
            given.contains(&"parent_id").then_some(comment.parent_id),
            author,
        )
        .await?;
    let text = comment.comment.as_deref().is_some_and(crate::php::truthy);
    let errors = crate::sales::comments::validator_messages(
        edit_refused,
        [
            (
                "parent_id",
                "Parent Invoice Id",
                given.contains(&"parent_id"),
                comment.parent_id != 0,
            ),
            ("comment", "Comment", given.contains(&"comment"), text),
        ],
    );
    if errors.is_empty() {
        return Ok(());
    }
    Err(Error::Input(Phrase::positional(
        e::CANNOT_SAVE_COMMENT,
        vec![errors.join("\n")],
    )))
}

fn unique_or_internal(err: sqlx::Error) -> Error {
    match &err {
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::input(e::UNIQUE_CONSTRAINT),
        _ => internal(&err.to_string()),
    }
}
