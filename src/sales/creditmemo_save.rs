//! A credit memo the client built: `CreditmemoRepositoryInterface::save` (`POST /V1/creditmemo`)
//! stores it as it is; `CreditmemoManagementInterface::refund` (`POST /V1/creditmemo/refund`)
//! registers it on its order and stores it. Neither collects totals: every figure of the memo
//! is the client's. Read from module-sales 2.4.6-p1 to 2.4.8-p1, module-sales-inventory and
//! module-inventory-sales (paths under `Magento/Sales/Model` unless noted).
//!
//! The body (`ServiceInputProcessor::_createFromArray` on `Order\Creditmemo`): each key calls its
//! setter in body order, null included (a later null wipes an earlier value: `invoiceId: 4`
//! then `invoice_id: null` leaves none). Two setters do more (`Order/Creditmemo.php`
//! `setAdjustmentPositive`, `setAdjustmentNegative`): they set the base figure to the value
//! rounded to cents (0 for null) and the order-currency figure to that times the order's
//! `base_to_order_rate`, rounded; asking for the order there keeps it (`getOrder()` caches
//! `_order`): loaded by `order_id` when that was set before (404 when it does not exist, in the
//! middle of the parsing), else an empty order whose rate is null, so the order-currency figure
//! is 0 and the memo keeps that empty order from then on. A client that sorts its keys sends
//! `adjustment_*` before `order_id` and gets exactly that.
//!
//! `POST /V1/creditmemo` (`Order/CreditmemoRepository::save`, `ResourceModel/Order/Creditmemo`,
//! `ResourceModel/EntityAbstract`, `Framework/Model/ResourceModel/Db/AbstractDb::save`,
//! `ResourceModel/Order/Creditmemo/Relation`, and the `DeductSourceItemQuantityOnRefundPlugin`
//! magento/inventory puts around the repository's save):
//! - no `order_id` (or 0): the resource's `_beforeSave` calls `getBillingAddress()->getId()` on
//!   an empty order, a PHP fatal error (an `\Error` no layer catches: `Bootstrap::terminate`
//!   answers 500 in plain text, "An error has happened during application run. See exception
//!   log for details."); nothing saved (the open transaction dies with the request). Every
//!   "500" below is that answer;
//! - a new memo (no `entity_id`) without an `increment_id` takes the next one of the credit memo
//!   sequence of its order's store (`getStore()` loads the order: one that does not exist is a
//!   400 with the repository's "doesn't exist" message; the empty order of the adjustment
//!   setters gives the default store);
//! - the row holds exactly the fields set (unset ones NULL; an empty string NULL, as
//!   `prepareColumnValue` makes it of a nullable text column; every figure with the columns'
//!   four decimals, which magemu's reply shows too where Magento echoes the float as sent);
//!   `created_at` as given (`formatDate`), else now;
//!   `updated_at` now. A memo with an `entity_id` is an update of the fields set (a null for a
//!   column that cannot be null is left out; magemu's `increment_id` is one of them, Magento's
//!   is not); an id with no row updates nothing;
//! - an unknown order, store or (magemu's own foreign key, Magento has none) invoice: "The
//!   credit memo couldn't be saved."; a taken (increment_id, store_id): "Unique constraint
//!   violation found";
//! - the `sales_order_creditmemo_save_after` observer (module-sales-inventory
//!   `RefundOrderInventoryObserver`) loads the order: 400 "doesn't exist" when it does not;
//!   items cannot ask for `back_to_stock` over REST, so it returns nothing to stock;
//! - the items are saved with `parent_id` the memo (an item with an `entity_id` updates that
//!   row); the comments as sent, `parent_id` included: the comment validator wants a non-empty
//!   `parent_id` and `comment` ("Cannot save comment:\n..."), and an `entity_id` of a comment
//!   that is not this parent's, or was written by another caller (its `user_id`/`user_type`),
//!   is "User is not authorized to edit comment."; a comment saved is stamped with its caller;
//! - after the save commits, the MSI plugin, for a new memo only, loads each item's order item
//!   by `order_item_id` (of any order): an id that names none makes `GetSkuFromOrderItem` fail
//!   (a PHP TypeError), so the memo stays saved and the reply is a 500. Otherwise each item
//!   of a catalog product of a source-managed type, with qty > 0, not virtual, is processed as
//!   a refund (inventory.md 3.4) with `processedQty = qty_invoiced − qty_refunded + qty`: as
//!   nothing was registered, already-shipped units are written off their sources a second
//!   time. The order, its items and its payment are not touched;
//! - the reply is the saved object: the fields set, `entity_id`, `increment_id`, `created_at`
//!   and `updated_at` as stored; the items as sent with `parent_id` and `entity_id`; without
//!   items (or with `[]`), the memo's stored ones (`getItems()` loads them), likewise comments.
//!
//! `POST /V1/creditmemo/refund` (`Service/CreditmemoService::refund`, `RefundAdapter`,
//! `Order/Creditmemo/RefundOperation::execute`, `Order/Creditmemo/Item::register`,
//! `Order/Payment::refund`, `OrderRepository::save`, `ResourceModel/Order/Handler/State`):
//! - `validateForRefund`: an `entity_id` with a state other than 1 (open): "We cannot register
//!   an existing credit memo."; no `order_id`: 404 "We found an invalid order to refund."; the
//!   order (404 when missing); `round(base_total_refunded + base_grand_total) >
//!   round(base_total_paid)`: "The most money available to refund is %1." with `base_total_paid
//!   − base_total_refunded` currency-formatted (`formatTxt`: `$100.00`);
//! - the memo becomes state 2, then in one transaction (any failure rolls all back and answers
//!   400 with the failure's message, a PHP fatal error 500):
//!   - with an `invoice_id` and `offlineRequested` false, the invoice gets `is_used_for_refund`
//!     and `base_total_refunded += base_grand_total` (an invoice id that names none: 500);
//!   - `RefundOperation`, only when the memo's order is the one `getOrder()` holds: each item
//!     with qty > 0 is registered on its order item (`processQty`: an int unless the item takes
//!     decimals, at most `qty_invoiced − qty_refunded`, else "We found an invalid quantity to
//!     refund item \"%1\"." with the memo item's own name; an id that is no item of the order:
//!     500), items with qty ≤ 0 are dropped unsaved (one with an `entity_id` deletes that row);
//!     the order's refunded totals grow by the memo's figures (`total_refunded` rounded); the
//!     online totals when `offlineRequested` is false, whatever the payment method, the
//!     offline ones otherwise;
//!   - `Payment::refund`: a method that refunds online (braintree, paypal_express), asked to
//!     (`offlineRequested` false), with the memo's invoice: the gateway refunds it (a `refund`
//!     transaction `"{capture}-refund"`, the memo's `transaction_id`, the payment's
//!     `last_trans_id` and `base_amount_refunded_online`, "We refunded $X online. Transaction
//!     ID: ..."; an invoice without a capture transaction:
//!     "If the invoice was created offline, try creating an offline credit memo."; a refund the
//!     gateway declines, `payment::gateway_refund`: "Transaction has been declined. Please try
//!     again later.", everything rolled back); otherwise
//!     "We refunded $X offline."; the payment's refunded figures (a null figure skipped). The
//!     history line (`entity_name` creditmemo, as `Creditmemo::getOrder()` renames it, notified
//!     as the order's `customer_note_notify` says) takes the status of the state
//!     `StateResolver` gives (the current one when it belongs to it, else its default), which
//!     the order takes too;
//!   - the memo is saved as by the repository (above), with the MSI plugin inside the
//!     transaction and seeing the registered order items: units invoiced and never shipped are
//!     written off their sources, as a refund by order does;
//!   - the order is saved, and `Handler\State::check` closes it (nothing left to refund or ship)
//!     or completes it (processing, nothing to ship); 2.4.8's version of it (2.4.7 also
//!     completes a partly refunded order whose other units all shipped, and leaves the status
//!     of a closed virtual order alone).
//! - nothing is notified; the reply is the memo, as for the repository save, state 2, items
//!   dropped for qty 0 still listed (no `entity_id`).
//! - When `getOrder()` holds the empty order of the adjustment setters, the refund check
//!   compares with nothing paid ("The most money available to refund is $0.00." for a positive
//!   total), `RefundOperation` does nothing and `OrderRepository::save` is handed that empty
//!   order (read from the source only: it looks like it inserts a blank order); magemu saves
//!   the memo and leaves the orders alone.

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::{
    Author, Creditmemo, CreditmemoComment, CreditmemoItem, Invoice, OrderItem, StatusHistory,
};
use crate::db::sales::OrderForUpdate;
use crate::db::{self, Columns, Db, Fields, SaveError, SqlValue};
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory::refund::RefundedLine;
use crate::sales::comments::state_statuses;
use crate::sales::creditmemo::{creditmemo_state, refund_stock};
use crate::sales::creditmemo_document::{refund_payment, register};
use crate::sales::creditmemo_totals::format_currency;
use crate::sales::payment;
use crate::sales::state::{self, resolved_state};

/// One setter call on the credit memo, as `ServiceInputProcessor` makes them, in body order.
#[derive(Debug, Clone)]
pub enum CreditmemoSet {
    /// A plain setter: the field and its value, converted to the getter's type (null kept).
    Field(&'static str, SqlValue),
    /// `setAdjustmentPositive` / `setAdjustmentNegative` (`field` names which).
    Adjustment {
        field: &'static str,
        value: Option<Amount>,
    },
    /// `setItems`: `None` when the value was no list (null or a scalar).
    Items(Option<Vec<Fields>>),
    /// `setComments`.
    Comments(Option<Vec<Fields>>),
}

/// The parsed `CreditmemoInterface`: the setter calls up to the first failing key, and that
/// key's error (raised once the calls before it have run: an adjustment setter's order lookup
/// comes first).
#[derive(Debug, Default)]
pub struct CreditmemoInput {
    pub sets: Vec<CreditmemoSet>,
    pub error: Option<Error>,
}

/// A saved comment and its `is_visible_on_front` as the object holds it (null when the client
/// set none; the row has the column's default 0).
#[derive(Debug, Clone)]
pub struct SavedComment {
    pub row: CreditmemoComment,
    pub is_visible_on_front: Option<i64>,
}

/// The credit memo object after the save, as the reply renders it.
#[derive(Debug, Clone)]
pub struct SavedCreditmemo {
    pub creditmemo: Creditmemo,
    pub items: Vec<CreditmemoItem>,
    pub comments: Vec<SavedComment>,
}

/// What `Creditmemo::getOrder()` holds once asked (`_order`).
enum CachedOrder {
    Unasked,
    /// `OrderFactory::create()`: no `order_id` was set when it was asked.
    Empty,
    Loaded(Box<OrderForUpdate>),
}

/// The credit memo object as the setters left it.
struct Entity {
    fields: Fields,
    items: Option<Vec<Fields>>,
    comments: Option<Vec<Fields>>,
    order: CachedOrder,
    /// The caller, whom the comments it saves name as their author.
    author: Author,
}

fn truthy(v: Option<i64>) -> Option<i64> {
    v.filter(|&i| i != 0)
}

impl Entity {
    fn id(&self) -> Option<i64> {
        truthy(self.fields.int("entity_id"))
    }

    fn order_id(&self) -> Option<i64> {
        truthy(self.fields.int("order_id"))
    }

    /// `Creditmemo::getOrder()`: loaded by `order_id` the first time (404 when missing), or an
    /// empty order when none is set yet; kept from then on.
    async fn ask_order(&mut self, conn: &mut SqliteConnection) -> Result<()> {
        if matches!(self.order, CachedOrder::Unasked) {
            self.order = match self.order_id() {
                Some(id) => CachedOrder::Loaded(Box::new(
                    db::sales::load_order_for_update(conn, id)
                        .await?
                        .ok_or_else(Error::entity_not_found)?,
                )),
                None => CachedOrder::Empty,
            };
        }
        Ok(())
    }

    /// A list set to `[]` reads as unset (`getData(ITEMS) == null` holds for an empty array).
    fn given(list: &Option<Vec<Fields>>) -> Option<&Vec<Fields>> {
        list.as_ref().filter(|l| !l.is_empty())
    }
}

/// Replays the setter calls on a new credit memo object; the parse error, if any, after them.
async fn replay(
    conn: &mut SqliteConnection,
    input: CreditmemoInput,
    author: Author,
) -> Result<Entity> {
    let mut entity = Entity {
        fields: Fields::default(),
        items: None,
        comments: None,
        order: CachedOrder::Unasked,
        author,
    };
    for set in input.sets {
        match set {
            CreditmemoSet::Field(name, value) => entity.fields.set(name, value),
            CreditmemoSet::Adjustment { field, value } => {
                entity.ask_order(conn).await?;
                let rate = match &entity.order {
                    CachedOrder::Loaded(o) => o.0.base_to_order_rate.unwrap_or_default(),
                    _ => Amount::ZERO,
                };
                let base = Amount::round_price(value.unwrap_or_default().decimal());
                let amount = base
                    .checked_mul(rate.decimal())
                    .map(Amount::round_price)
                    // Past any decimal: past storage too, the repository's "couldn't be saved".
                    .ok_or_else(|| Error::input(e::CREDITMEMO_NOT_SAVED))?;
                let base_field = if field == "adjustment_positive" {
                    "base_adjustment_positive"
                } else {
                    "base_adjustment_negative"
                };
                entity
                    .fields
                    .set(base_field, SqlValue::Amount(Some(Amount::new(base))));
                entity
                    .fields
                    .set(field, SqlValue::Amount(Some(Amount::new(amount))));
            }
            CreditmemoSet::Items(items) => entity.items = items,
            CreditmemoSet::Comments(comments) => entity.comments = comments,
        }
    }
    match input.error {
        Some(err) => Err(err),
        None => Ok(entity),
    }
}

/// `POST /V1/creditmemo`: the saved memo. A failure after the commit (an item naming no order
/// item) still leaves the memo saved.
pub async fn save_creditmemo(
    db: &Db,
    input: CreditmemoInput,
    author: Author,
) -> Result<SavedCreditmemo> {
    let (saved, after_commit) = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let mut entity = replay(conn, input, author).await?;
                repository_save(conn, &mut entity, None).await
            })
        })
        .await?;
    match after_commit {
        Some(err) => Err(err),
        None => Ok(saved),
    }
}

/// `POST /V1/creditmemo/refund`: the refunded memo.
pub async fn refund_creditmemo(
    db: &Db,
    input: CreditmemoInput,
    offline_requested: bool,
    author: Author,
) -> Result<SavedCreditmemo> {
    db.writer
        .write(move |conn| Box::pin(refund_in(conn, input, offline_requested, author)))
        .await
}

/// The `created_at` a client set, as stored; `None` when unset or null (the column's default).
fn given_created_at(fields: &Fields) -> Result<Option<String>> {
    match fields.get("created_at") {
        // `Stdlib\DateTime::formatDate` into the `timestamp` column; what it cannot store (an
        // empty value in the NOT NULL column, text `new \DateTime()` cannot read) is the
        // repository's "couldn't be saved".
        Some(SqlValue::Text(Some(t))) => crate::php::format_date(t, crate::clock::now())
            .map(Some)
            .ok_or_else(|| Error::input(e::CREDITMEMO_NOT_SAVED)),
        _ => Ok(None),
    }
}

/// A row built from the fields set (as the object holds them, for the reply).
fn row_from<R: Default>(fields: &Fields, set: impl Fn(&mut R, &str, SqlValue) -> bool) -> R {
    let mut row = R::default();
    for (name, value) in fields.iter() {
        set(&mut row, name, value.clone());
    }
    row
}

/// Maps a failed write the way the repository reports it.
fn save_failure(err: sqlx::Error) -> Error {
    match &err {
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::input(e::UNIQUE_CONSTRAINT),
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
            tracing::info!(error = %err, "credit memo refused by a foreign key");
            Error::input(e::CREDITMEMO_NOT_SAVED)
        }
        _ => Error::from(err),
    }
}

/// `UPDATE table SET <the fields set> WHERE key = id`, leaving out `skip` and nulls for the
/// columns that cannot be null; `extra` columns are written too. Returns whether a row matched.
async fn update_fields(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    fields: &Fields,
    not_null: &[&str],
    extra: &[(&str, SqlValue)],
) -> std::result::Result<bool, sqlx::Error> {
    let mut sets: Vec<(&str, SqlValue)> = Vec::new();
    for (name, value) in fields.iter() {
        let value = db::column_value(value);
        let null = matches!(
            value,
            SqlValue::Int(None) | SqlValue::Text(None) | SqlValue::Amount(None)
        );
        let replaced = extra.iter().any(|(n, _)| n == name);
        if *name == "entity_id"
            || *name == "updated_at"
            || replaced
            || (null && not_null.contains(name))
        {
            continue;
        }
        sets.push((name, value));
    }
    sets.extend(extra.iter().cloned());
    if sets.is_empty() {
        let found: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT entity_id FROM {table} WHERE entity_id = ?"
        ))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        return Ok(found.is_some());
    }
    let assignments: Vec<String> = sets.iter().map(|(n, _)| format!("{n} = ?")).collect();
    let sql = format!(
        "UPDATE {table} SET {} WHERE entity_id = ?",
        assignments.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (_, value) in sets {
        query = db::bind(query, value);
    }
    query = db::bind(query, SqlValue::Int(Some(id)));
    Ok(query.execute(&mut *conn).await?.rows_affected() > 0)
}

/// The timestamps `EntityAbstract::_afterSave` reads back into the memo.
async fn stored_times(
    conn: &mut SqliteConnection,
    memo_id: i64,
) -> std::result::Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT created_at, updated_at FROM sales_creditmemo WHERE entity_id = ?")
        .bind(memo_id)
        .fetch_optional(conn)
        .await
}

/// `CreditmemoRepository::save` with the MSI plugin around it. `registered`: the order items
/// as `RefundOperation` left them, when it ran (the plugin reads those); else the plugin loads
/// each item's order item afresh. Returns the saved memo and, apart, a failure of the plugin
/// (which runs after the repository's commit).
async fn repository_save(
    conn: &mut SqliteConnection,
    entity: &mut Entity,
    registered: Option<&[OrderItem]>,
) -> Result<(SavedCreditmemo, Option<Error>)> {
    let is_new = entity.id().is_none();
    // ResourceModel\Order\Creditmemo::_beforeSave.
    let Some(order_id) = entity.order_id() else {
        return Err(Error::fatal(
            "credit memo without order_id: getBillingAddress()->getId() on null",
        ));
    };
    let now = db::now_timestamp();
    // EntityAbstract::_beforeSave: the increment id of a new memo.
    let mut increment_id = entity
        .fields
        .text("increment_id")
        .map(str::to_owned)
        .unwrap_or_default();
    if is_new && increment_id.is_empty() {
        let store_id = match &entity.order {
            CachedOrder::Empty => 1,
            CachedOrder::Loaded(o) => o.0.store_id,
            CachedOrder::Unasked => {
                entity.ask_order(conn).await.map_err(|err| match err {
                    // CouldNotSaveException keeps the message, as a 400.
                    Error::NotFound(p) => Error::Input(p),
                    other => other,
                })?;
                match &entity.order {
                    CachedOrder::Loaded(o) => o.0.store_id,
                    _ => 1,
                }
            }
        };
        increment_id = db::sales::next_increment_id(conn, "creditmemo", store_id).await?;
    }
    let created_at = given_created_at(&entity.fields)?;
    // The store's foreign key (magemu has none on the column): checked on the row written, so
    // not for an id that names no row.
    let written = match entity.id() {
        None => true,
        Some(id) => db::comments::exists(conn, "sales_creditmemo", id).await?,
    };
    if let (Some(store_id), true) = (entity.fields.int("store_id"), written) {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT store_id FROM store WHERE store_id = ?")
                .bind(store_id)
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            return Err(Error::input(e::CREDITMEMO_NOT_SAVED));
        }
    }
    // The row.
    let mut stored = {
        let mut normalized = Fields::default();
        for (name, value) in entity.fields.iter() {
            normalized.set(name, db::column_value(value));
        }
        row_from::<Creditmemo>(&normalized, |r, n, v| r.set_column(n, v))
    };
    let memo_id = if is_new {
        stored.entity_id = 0;
        stored.increment_id = increment_id.clone();
        stored.created_at = created_at.clone().unwrap_or_else(|| now.clone());
        stored.updated_at = now.clone();
        db::insert(conn, "sales_creditmemo", "entity_id", &stored)
            .await
            .map_err(save_failure)?
    } else {
        let id = entity.id().unwrap_or_default();
        let mut extra = vec![("updated_at", SqlValue::Text(Some(now.clone())))];
        if let Some(at) = &created_at {
            extra.push(("created_at", SqlValue::Text(Some(at.clone()))));
        }
        let fields: Fields = {
            let mut f = Fields::default();
            for (name, value) in entity.fields.iter() {
                if *name != "created_at" {
                    f.set(name, value.clone());
                }
            }
            f
        };
        // magemu's increment_id cannot be null: a null (or empty) one keeps the stored one,
        // where Magento would store NULL.
        let not_null = ["order_id", "increment_id"];
        update_fields(conn, "sales_creditmemo", id, &fields, &not_null, &extra)
            .await
            .map_err(save_failure)?;
        id
    };
    let times = stored_times(conn, memo_id).await?;
    // sales_order_creditmemo_save_after: RefundOrderInventoryObserver loads the order.
    if !db::comments::exists(conn, "sales_order", order_id).await? {
        return Err(Error::input(e::ENTITY_DOES_NOT_EXIST));
    }
    // Relation: the items, then the comments.
    let items = match Entity::given(&entity.items) {
        Some(list) => {
            let mut out = Vec::new();
            for item in list {
                let qty = item.amount("qty").unwrap_or_default();
                let item_id = truthy(item.int("entity_id"));
                let mut echo = row_from::<CreditmemoItem>(item, |r, n, v| r.set_column(n, v));
                echo.parent_id = memo_id;
                echo.entity_id = item_id.unwrap_or(0);
                if registered.is_some() && qty <= Amount::ZERO {
                    // RefundOperation marked it deleted: the save deletes it (by id, if any).
                    if let Some(id) = item_id {
                        sqlx::query("DELETE FROM sales_creditmemo_item WHERE entity_id = ?")
                            .bind(id)
                            .execute(&mut *conn)
                            .await?;
                    }
                    out.push(echo);
                    continue;
                }
                match item_id {
                    Some(id) => {
                        update_fields(
                            conn,
                            "sales_creditmemo_item",
                            id,
                            item,
                            &["parent_id"],
                            &[("parent_id", SqlValue::Int(Some(memo_id)))],
                        )
                        .await
                        .map_err(save_failure)?;
                    }
                    None => {
                        let mut normalized = Fields::default();
                        for (name, value) in item.iter() {
                            normalized.set(name, db::column_value(value));
                        }
                        let mut row =
                            row_from::<CreditmemoItem>(&normalized, |r, n, v| r.set_column(n, v));
                        row.entity_id = 0;
                        row.parent_id = memo_id;
                        echo.entity_id =
                            db::insert(conn, "sales_creditmemo_item", "entity_id", &row)
                                .await
                                .map_err(save_failure)?;
                    }
                }
                out.push(echo);
            }
            out
        }
        None => db::children(conn, "sales_creditmemo_item", memo_id).await?,
    };
    let comments = match Entity::given(&entity.comments) {
        Some(list) => {
            let mut out = Vec::new();
            for comment in list {
                out.push(save_comment(conn, comment, &now, entity.author).await?);
            }
            out
        }
        None => {
            let rows: Vec<CreditmemoComment> =
                db::children(conn, "sales_creditmemo_comment", memo_id).await?;
            // `setCreatedAtOrder()`: newest first.
            rows.into_iter()
                .rev()
                .map(|row| SavedComment {
                    is_visible_on_front: Some(row.is_visible_on_front),
                    row,
                })
                .collect()
        }
    };
    // The object as the reply renders it.
    let mut creditmemo = row_from::<Creditmemo>(&entity.fields, |r, n, v| r.set_column(n, v));
    creditmemo.entity_id = memo_id;
    creditmemo.order_id = order_id;
    creditmemo.increment_id = if is_new {
        increment_id
    } else {
        entity
            .fields
            .text("increment_id")
            .unwrap_or_default()
            .to_owned()
    };
    if let Some((created, updated)) = times {
        creditmemo.created_at = created;
        creditmemo.updated_at = updated;
    }
    let saved = SavedCreditmemo {
        creditmemo,
        items,
        comments,
    };
    // DeductSourceItemQuantityOnRefundPlugin, after the save, for a new memo.
    let mut after_commit = None;
    if is_new {
        match plugin_lines(conn, &saved.items, registered).await? {
            Some(lines) => {
                let order = db::sales::load_order_for_update(conn, order_id)
                    .await?
                    .ok_or_else(Error::entity_not_found)?
                    .0;
                let refs: Vec<RefundedLine<'_>> = lines
                    .iter()
                    .map(|(item, qty)| {
                        let processed = item.qty_invoiced - item.qty_refunded + *qty;
                        (item, *qty, processed, false)
                    })
                    .collect();
                let stock = refund_stock(conn, &order, &refs).await?;
                db::creditmemos::write_stock(conn, &stock)
                    .await
                    .map_err(|err| match err {
                        SaveError::Db(d) => Error::from(d),
                        other => Error::input(other.to_string()),
                    })?;
            }
            None => {
                after_commit = Some(Error::fatal(
                    "GetSkuFromOrderItem on an order item that does not exist",
                ));
            }
        }
    }
    Ok((saved, after_commit))
}

/// Each memo item's order item as the MSI plugin finds it and the item's qty; `None` when one
/// names no order item (the plugin's PHP TypeError).
async fn plugin_lines(
    conn: &mut SqliteConnection,
    items: &[CreditmemoItem],
    registered: Option<&[OrderItem]>,
) -> Result<Option<Vec<(OrderItem, Amount)>>> {
    let by_id: HashMap<i64, &OrderItem> = registered
        .unwrap_or_default()
        .iter()
        .map(|i| (i.item_id, i))
        .collect();
    let mut lines = Vec::new();
    for item in items {
        let found = match (registered, item.order_item_id) {
            (_, None) => None,
            (Some(_), Some(id)) => by_id.get(&id).map(|i| (*i).clone()),
            (None, Some(id)) => db::sales::load_order_item(conn, id).await?,
        };
        let Some(order_item) = found else {
            return Ok(None);
        };
        lines.push((order_item, item.qty.unwrap_or_default()));
    }
    Ok(Some(lines))
}

/// A comment of the memo, saved as sent: `ResourceModel\Order\Creditmemo\Comment::_beforeSave`
/// and its validator first.
async fn save_comment(
    conn: &mut SqliteConnection,
    comment: &Fields,
    now: &str,
    author: Author,
) -> Result<SavedComment> {
    let comment_id = truthy(comment.int("entity_id"));
    let parent_id = comment.int("parent_id");
    // getCommentById: the row of this id under this parent carries its author.
    let edit_refused = match comment_id {
        Some(id) => {
            !db::comments::comment_of(
                &mut *conn,
                "sales_creditmemo_comment",
                id,
                parent_id,
                author,
            )
            .await?
        }
        None => false,
    };
    let filled = |name: &str| match comment.get(name) {
        Some(SqlValue::Int(Some(v))) => *v != 0,
        Some(SqlValue::Text(Some(t))) => !t.is_empty() && t != "0",
        _ => false,
    };
    let field = |name: &'static str, label| (name, label, comment.has(name), filled(name));
    let errors = crate::sales::comments::validator_messages(
        edit_refused,
        [
            field("parent_id", "Parent Creditmemo Id"),
            field("comment", "Comment"),
        ],
    );
    if !errors.is_empty() {
        return Err(Error::input(
            e::CANNOT_SAVE_COMMENT.replace("%1", &errors.join("\n")),
        ));
    }
    let created_at = given_created_at(comment)?;
    let id = match comment_id {
        Some(id) => {
            let mut extra = Vec::new();
            if let Some(at) = &created_at {
                extra.push(("created_at", SqlValue::Text(Some(at.clone()))));
            }
            let mut f = Fields::default();
            for (name, value) in comment.iter() {
                if *name != "created_at" {
                    f.set(name, value.clone());
                }
            }
            update_fields(
                conn,
                "sales_creditmemo_comment",
                id,
                &f,
                &["parent_id", "is_visible_on_front"],
                &extra,
            )
            .await
            .map_err(save_failure)?;
            id
        }
        None => {
            let mut normalized = Fields::default();
            for (name, value) in comment.iter() {
                normalized.set(name, db::column_value(value));
            }
            let mut row =
                row_from::<CreditmemoComment>(&normalized, |r, n, v| r.set_column(n, v)).by(author);
            row.entity_id = 0;
            row.created_at = created_at.unwrap_or_else(|| now.to_owned());
            db::insert(conn, "sales_creditmemo_comment", "entity_id", &row)
                .await
                .map_err(save_failure)?
        }
    };
    let mut row = row_from::<CreditmemoComment>(comment, |r, n, v| r.set_column(n, v));
    row.entity_id = id;
    if let Some(created) =
        db::comments::created_at(&mut *conn, "sales_creditmemo_comment", id).await?
    {
        row.created_at = created;
    }
    Ok(SavedComment {
        row,
        is_visible_on_front: comment.int("is_visible_on_front"),
    })
}

/// `CreditmemoService::refund`.
async fn refund_in(
    conn: &mut SqliteConnection,
    input: CreditmemoInput,
    offline_requested: bool,
    author: Author,
) -> Result<SavedCreditmemo> {
    let mut entity = replay(conn, input, author).await?;
    // validateForRefund.
    if entity.id().is_some() && entity.fields.int("state") != Some(creditmemo_state::OPEN) {
        return Err(Error::input(e::CANNOT_REGISTER_EXISTING_CREDITMEMO));
    }
    let Some(order_id) = entity.order_id() else {
        return Err(Error::NotFound(Phrase::plain(e::INVALID_ORDER_TO_REFUND)));
    };
    entity.ask_order(conn).await?;
    let base_grand_total = entity.fields.amount("base_grand_total").unwrap_or_default();
    let (refunded, paid, currency) = match &entity.order {
        CachedOrder::Loaded(o) => (
            o.0.base_total_refunded.unwrap_or_default(),
            o.0.base_total_paid.unwrap_or_default(),
            o.0.base_currency_code.clone(),
        ),
        _ => (Amount::ZERO, Amount::ZERO, None),
    };
    let after = Amount::round_price((refunded + base_grand_total).decimal());
    if after > Amount::round_price(paid.decimal()) {
        let available = format_currency(currency.as_deref(), (paid - refunded).decimal());
        return Err(Error::Input(Phrase::positional(
            e::MOST_MONEY_TO_REFUND,
            vec![available],
        )));
    }
    entity
        .fields
        .set("state", SqlValue::Int(Some(creditmemo_state::REFUNDED)));
    let now = db::now_timestamp();
    // The invoice, when asked to refund online.
    let invoice_id = truthy(entity.fields.int("invoice_id"));
    let invoice: Option<Invoice> = match invoice_id {
        Some(id) => {
            let found =
                sqlx::query_as::<_, Invoice>("SELECT * FROM sales_invoice WHERE entity_id = ?")
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
            if found.is_none() && !offline_requested {
                return Err(Error::fatal(
                    "saving an empty invoice: getBillingAddress()->getId() on null",
                ));
            }
            found
        }
        None => None,
    };
    if let (Some(inv), false) = (&invoice, offline_requested) {
        db::creditmemos::mark_invoice_refunded(conn, inv.entity_id, base_grand_total).await?;
    }
    // RefundOperation, only on the order getOrder() holds when it is the memo's.
    let CachedOrder::Loaded(held) = std::mem::replace(&mut entity.order, CachedOrder::Empty) else {
        let (saved, failure) = repository_save(conn, &mut entity, None).await?;
        return match failure {
            Some(err) => Err(err),
            None => Ok(saved),
        };
    };
    let (mut order, mut order_items, payment) = *held;
    if order.entity_id != order_id {
        entity.order = CachedOrder::Loaded(Box::new((order, order_items, payment)));
        let (saved, failure) = repository_save(conn, &mut entity, None).await?;
        return match failure {
            Some(err) => Err(err),
            None => Ok(saved),
        };
    }
    // getItems(): the items sent, else those stored under the memo's id (which the save then
    // writes back, deleting those of qty 0).
    if Entity::given(&entity.items).is_none() {
        if let Some(id) = entity.id() {
            entity.items = Some(stored_item_fields(conn, id).await?);
        }
    }
    let memo_items: Vec<Fields> = entity.items.clone().unwrap_or_default();
    let online = !offline_requested;
    let by_id: HashMap<i64, &OrderItem> = order_items.iter().map(|i| (i.item_id, i)).collect();
    let mut figures_items = Vec::new();
    for item in &memo_items {
        let qty = item.amount("qty").unwrap_or_default();
        if qty <= Amount::ZERO {
            // Dropped: the MSI plugin still asks for its order item, after the save.
            continue;
        }
        let order_item = truthy(item.int("order_item_id")).and_then(|id| by_id.get(&id).copied());
        let Some(order_item) = order_item else {
            return Err(Error::fatal(
                "credit memo item of no order item: processQty on null",
            ));
        };
        // Item::processQty.
        let processed = if order_item.is_qty_decimal() {
            qty
        } else {
            qty.trunc()
        }
        .max(Amount::ZERO);
        if processed > order_item.qty_to_refund() {
            let name = item.text("name").unwrap_or_default().to_owned();
            return Err(Error::input(
                Phrase::positional(e::INVALID_QTY_TO_REFUND, vec![name]).render(),
            ));
        }
        let mut figures = row_from::<CreditmemoItem>(item, |r, n, v| r.set_column(n, v));
        figures.qty = Some(processed);
        figures_items.push(figures);
    }
    let Some(mut payment) = payment else {
        return Err(Error::fatal("order without payment: refund() on null"));
    };
    let figures = row_from::<Creditmemo>(&entity.fields, |r, n, v| r.set_column(n, v));
    register(
        &mut order,
        &mut order_items,
        &figures,
        &figures_items,
        Amount::ZERO,
        online,
    );
    // Payment::refund.
    let method = payment::method(&payment.method);
    let through_gateway = method.can_refund && online && invoice.is_some();
    let mut refund_txn = None;
    if through_gateway {
        let capture = invoice
            .as_ref()
            .and_then(|i| i.transaction_id.clone())
            .filter(|t| !t.is_empty());
        let Some(capture) = capture else {
            return Err(Error::input(e::REFUND_INVOICE_CREATED_OFFLINE));
        };
        // The gateway's refund: CreditmemoService::refund passes a decline's message through.
        if let Err(decline) = payment::gateway_refund(base_grand_total) {
            tracing::warn!(order_id, %decline, "the gateway refused the refund");
            return Err(Error::input(
                crate::sales::invoice_payment::TRANSACTION_DECLINED,
            ));
        }
        let txn = format!("{capture}-refund");
        entity
            .fields
            .set("transaction_id", SqlValue::Text(Some(txn.clone())));
        // Transaction\Builder::build: the payment's last transaction.
        payment.last_trans_id = Some(txn.clone());
        refund_txn = Some(txn);
    }
    refund_payment(&mut payment, &figures, through_gateway);
    let amount = format_currency(
        order.base_currency_code.as_deref(),
        Amount::round_price(base_grand_total.decimal()),
    );
    let message = match &refund_txn {
        Some(txn) => Phrase::positional(e::REFUNDED_ONLINE, vec![amount, txn.clone()]),
        None => Phrase::positional(e::REFUNDED_OFFLINE, vec![amount]),
    };
    let resolved = resolved_state(&order, &order_items, false);
    let current = order.status.clone().unwrap_or_default();
    let status = if state_statuses(&resolved).contains(&current.as_str()) {
        current
    } else {
        state::default_status(&resolved).to_owned()
    };
    order.status = Some(status.clone());
    let history = StatusHistory {
        parent_id: order.entity_id,
        comment: Some(message.render()),
        status: Some(status),
        entity_name: Some("creditmemo".to_owned()),
        is_customer_notified: order.customer_note_notify,
        is_visible_on_front: 0,
        created_at: now.clone(),
        ..Default::default()
    };
    // The memo, with the MSI plugin seeing the registered order items.
    let (saved, failure) = repository_save(conn, &mut entity, Some(&order_items)).await?;
    if let Some(err) = failure {
        return Err(err);
    }
    if let Some(txn) = &refund_txn {
        db::creditmemos::insert_refund_transaction(
            conn,
            payment.entity_id,
            order.entity_id,
            txn,
            &now,
        )
        .await?;
    }
    // OrderRepository::save: Handler\State::check, then the order and what changed with it.
    let open_invoice: Option<i64> =
        sqlx::query_scalar("SELECT entity_id FROM sales_invoice WHERE order_id = ? AND state = ?")
            .bind(order.entity_id)
            .bind(state::invoice_state::OPEN)
            .fetch_optional(&mut *conn)
            .await?;
    state::apply_check_on_save(&mut order, &order_items, open_invoice.is_some());
    order.updated_at = now.clone();
    let touched: HashSet<i64> = figures_items
        .iter()
        .filter_map(|i| i.order_item_id)
        .collect();
    for item in &mut order_items {
        if touched.contains(&item.item_id) {
            item.updated_at = now.clone();
            db::update(conn, "sales_order_item", "item_id", item).await?;
        }
    }
    db::update(conn, "sales_order", "entity_id", &order).await?;
    db::update(conn, "sales_order_payment", "entity_id", &payment).await?;
    db::insert(conn, "sales_order_status_history", "entity_id", &history).await?;
    Ok(saved)
}

/// The stored items of a memo as data objects (what `getItems()` loads for an existing one).
async fn stored_item_fields(conn: &mut SqliteConnection, memo_id: i64) -> Result<Vec<Fields>> {
    let rows: Vec<CreditmemoItem> = db::children(conn, "sales_creditmemo_item", memo_id).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let mut f = Fields::default();
            for (name, value) in row.columns() {
                f.set(name, value);
            }
            f
        })
        .collect())
}
