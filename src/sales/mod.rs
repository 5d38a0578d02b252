//! The business: orders, invoices, shipments. Pure functions for the arithmetic and state rules;
//! services that run one use case in one transaction.

pub mod comments;
pub mod creditmemo;
pub mod creditmemo_document;
pub mod creditmemo_save;
pub mod creditmemo_totals;
pub mod email;
pub mod gift_message;
pub mod invoice;
pub mod invoice_payment;
pub mod invoice_save;
pub mod item;
pub mod order;
pub mod order_management;
pub mod order_tax;
pub mod order_update;
pub mod payment;
pub mod payment_info;
pub mod pickup;
pub mod shipment;
pub mod shipment_save;
pub mod state;
pub mod totals;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::writer::{BoxFuture, Isolation};
use crate::db::Db;
use crate::error::{self as e, Error, Result};

/// A repository's `get`: id 0 is Magento's "An ID is needed" (`OrderRepository::get` and its
/// siblings), a missing row its "doesn't exist" 404.
pub(crate) async fn get_document<T>(
    db: &Db,
    id: i64,
    load: impl AsyncFnOnce(&mut SqliteConnection, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<T> {
    if id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    let mut conn = db.read.acquire().await?;
    load(&mut conn, id)
        .await?
        .ok_or_else(Error::entity_not_found)
}

/// [`get_document`] on `db::readers`' connections: `read` runs the document's reads in one
/// read transaction.
pub(crate) async fn read_document<T>(
    db: &Db,
    id: i64,
    read: fn(&crate::db::batch::ReadConn, i64) -> Result<Option<T>, sqlx::Error>,
) -> Result<T> {
    if id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    db.readers
        .read(|conn| read(conn, id))
        .await?
        .ok_or_else(Error::entity_not_found)
}

/// A write use case on one order, on the single writer in its own savepoint: everything it
/// writes commits together or not at all, and racing requests on one order run one after the
/// other. Order id 0 is refused first, as the services' `OrderRepository::get` refuses it.
pub(crate) async fn write_on_order<T, F>(db: &Db, order_id: i64, use_case: F) -> Result<T>
where
    T: Send + 'static,
    F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T>> + Send + 'static,
{
    refuse_order_id_0(order_id)?;
    db.writer.write(use_case).await
}

/// [`write_on_order`] for a use case that keeps the writer's memo true (`db::memo`: invoice
/// creation), its writes undone on failure as `isolation` says.
pub(crate) async fn write_on_order_keeping_memo<T, F>(
    db: &Db,
    order_id: i64,
    isolation: Isolation,
    use_case: F,
) -> Result<T>
where
    T: Send + 'static,
    F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T>> + Send + 'static,
{
    refuse_order_id_0(order_id)?;
    db.writer.write_keeping_memo(isolation, use_case).await
}

fn refuse_order_id_0(order_id: i64) -> Result<()> {
    if order_id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    Ok(())
}

/// `LineItemInterface` (what `InvoiceItemCreationInterface` and `ShipmentItemCreationInterface`
/// extend): an order item and a quantity. A null id or qty is kept: Magento keys its quantity
/// array by it all the same (a null id matches no order item; a null qty is 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineItem {
    pub order_item_id: Option<i64>,
    pub qty: Option<Amount>,
}

/// `CommentInterface` as a document's creation takes it (`InvoiceCommentCreationInterface`,
/// `ShipmentCommentCreationInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentComment {
    pub comment: Option<String>,
    pub is_visible_on_front: i64,
}
