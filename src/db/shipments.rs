//! Queries on the shipment tables and the source deduction a shipment makes.

use std::collections::HashMap;
use std::sync::LazyLock;

use sqlx::SqliteConnection;

use crate::db::batch::{Change, Output};
use crate::db::inventory::{CatalogProduct, Deduction};
use crate::db::model::{
    FullShipment, Order, OrderItem, Shipment, ShipmentComment, ShipmentItem, ShipmentTrack,
};
use crate::db::outbox::{Mail, OrderRecipient};
use crate::db::sales::{
    children_sql, next_id_sql, order_items_sql, order_reads, order_row_sql, push_deductions,
    push_order_changes, push_sequence, row_by_id_sql, short_deduction, stock_of_store_sql,
    store_sequence_value_sql, STORE_STOCK_SQL,
};
use crate::db::{Batch, SaveError};

/// The stock of an order's website (`inventory_stock_sales_channel`; the default stock 1 when
/// the website is linked to none).
pub async fn order_stock(conn: &mut SqliteConnection, order_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&stock_of_store_sql(
        "(SELECT store_id FROM sales_order WHERE entity_id = ?)",
    ))
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// What creating a shipment reads: the order and its items, the stock of the order's website
/// and, when exactly one source is linked to it, that source (`AssignSourceCodeToShipmentPlugin`),
/// the In-Store Pickup location checkout placed the order for, the ids the new rows get, the
/// next value of the store's shipment sequence and who the shipment e-mail goes to.
pub struct ShipmentContext {
    pub order: Order,
    /// In item-id order.
    pub items: Vec<OrderItem>,
    pub stock_id: i64,
    pub single_source: Option<String>,
    pub pickup_location: Option<String>,
    pub next_shipment_id: i64,
    pub next_item_id: i64,
    pub next_track_id: i64,
    pub next_comment_id: i64,
    pub next_increment: i64,
    pub recipient: Option<OrderRecipient>,
    /// The catalog products the order's items name (`Order\Item::getProduct`, by `product_id`).
    pub products: HashMap<i64, CatalogProduct>,
}

/// The reads of [`load_for_shipment`] by the order's id, written once.
static SHIPMENT_READS: LazyLock<[(String, usize); 6]> = LazyLock::new(|| {
    let next_ids = format!(
        "SELECT {}, {}, {}, {}",
        next_id_sql("sales_shipment", "entity_id"),
        next_id_sql("sales_shipment_item", "entity_id"),
        next_id_sql("sales_shipment_track", "entity_id"),
        next_id_sql("sales_shipment_comment", "entity_id")
    );
    [
        (order_row_sql(), 1),
        (order_items_sql(), 1),
        (
            "SELECT pickup_location_code FROM inventory_pickup_location_order WHERE order_id = ?"
                .to_owned(),
            1,
        ),
        (next_ids, 0),
        (crate::db::outbox::BILLING_NAME_SQL.clone(), 1),
        (
            "SELECT entity_id, sku, type_id FROM catalog_product_entity
             WHERE entity_id IN (SELECT product_id FROM sales_order_item WHERE order_id = ?)"
                .to_owned(),
            1,
        ),
    ]
});

/// The reads of [`load_for_shipment`] by the order's store, written once: the stock of its
/// website, that stock's sources and the store's shipment sequence.
static SHIPMENT_STORE_READS: LazyLock<[(String, usize); 3]> = LazyLock::new(|| {
    [
        (STORE_STOCK_SQL.clone(), 1),
        (
            format!(
                "SELECT source_code FROM inventory_source_stock_link
                 WHERE stock_id = ({})",
                *STORE_STOCK_SQL
            ),
            1,
        ),
        (store_sequence_value_sql("shipment"), 1),
    ]
});

/// Reads an order and what shipping it needs; `None` when the order does not exist. The
/// order's row is read once, what depends on its store after it by the store's id (as
/// `db::sales::load_for_invoice` does).
pub async fn load_for_shipment(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<ShipmentContext>, sqlx::Error> {
    let mut out = order_reads(&*SHIPMENT_READS, order_id).run(conn).await?;
    let Some(order) = out[0].decode::<Order>()?.into_iter().next() else {
        return Ok(None);
    };
    let mut by_store = order_reads(&*SHIPMENT_STORE_READS, order.store_id)
        .run(conn)
        .await?;
    let sources: Vec<String> = by_store[1]
        .decode::<(String,)>()?
        .into_iter()
        .map(|(s,)| s)
        .collect();
    let (next_shipment_id, next_item_id, next_track_id, next_comment_id) = out[3]
        .decode::<(i64, i64, i64, i64)>()?
        .into_iter()
        .next()
        .ok_or(sqlx::Error::RowNotFound)?;
    let recipient = OrderRecipient::of(&order, out[4].decode()?.into_iter().next());
    Ok(Some(ShipmentContext {
        order,
        items: out[1].decode()?,
        stock_id: by_store[0].scalar()?.unwrap_or(1),
        single_source: match <[String; 1]>::try_from(sources) {
            Ok([code]) => Some(code),
            Err(_) => None,
        },
        pickup_location: out[2].scalar()?,
        next_shipment_id,
        next_item_id,
        next_track_id,
        next_comment_id,
        next_increment: by_store[2].scalar()?.unwrap_or(1),
        recipient: Some(recipient),
        products: out[5]
            .decode::<(i64, String, String)>()?
            .into_iter()
            .map(|(id, sku, type_id)| (id, CatalogProduct { sku, type_id }))
            .collect(),
    }))
}

/// Everything creating a shipment writes, the ids of its rows set.
pub struct ShipmentWrites<'a> {
    pub shipment: &'a Shipment,
    pub items: &'a [ShipmentItem],
    pub tracks: &'a [ShipmentTrack],
    pub comment: Option<&'a ShipmentComment>,
    pub source_code: &'a str,
    pub order: Change<'a, Order>,
    /// As read and as written, in the same order.
    pub order_items: (&'a [OrderItem], &'a [OrderItem]),
    /// The shipment sequence value used.
    pub increment: i64,
    /// What to take from the source, summed per SKU.
    pub deductions: &'a [Deduction],
    pub stock_id: i64,
    pub reservation_metadata: &'a str,
    /// The shipment e-mail, when the request asked to notify the customer.
    pub mail: Option<&'a Mail>,
}

/// Writes a shipment and its effects in one round trip: the shipment and its rows, the store's
/// shipment sequence, the order's shipped quantities and state (only the columns that changed),
/// the source deduction (only the quantity column, never below 0: `SourceDeductionService`),
/// the compensating `shipment_created` reservations and the e-mail. The caller's savepoint
/// rolls all of it back on an error (a source holding too little is found after the batch).
/// The e-mail is a row of the outbox written with the rest, so a database error writing it
/// fails the shipment too (Magento sends it after ShipOrder's transaction; only a broken
/// database tells the two apart).
pub async fn save_shipment(
    conn: &mut SqliteConnection,
    w: ShipmentWrites<'_>,
) -> Result<(), SaveError> {
    let mut batch = Batch::default();
    batch.insert("sales_shipment", w.shipment);
    push_sequence(&mut batch, "shipment", w.order.after.store_id, w.increment);
    for item in w.items {
        batch.insert("sales_shipment_item", item);
    }
    for track in w.tracks {
        batch.insert("sales_shipment_track", track);
    }
    if let Some(comment) = w.comment {
        batch.insert("sales_shipment_comment", comment);
    }
    batch.push(
        "INSERT INTO inventory_shipment_source (shipment_id, source_code) VALUES (?, ?)",
        [w.shipment.entity_id.into(), w.source_code.to_owned().into()],
    );
    push_order_changes(&mut batch, w.order, w.order_items);
    let first_deduction =
        push_deductions(&mut batch, w.deductions, w.stock_id, w.reservation_metadata);
    if let Some(mail) = w.mail {
        batch.insert_new("magemu_outbox", "mail_id", mail);
    }
    let out = batch.run(conn).await?;
    match short_deduction(&out, first_deduction, w.deductions) {
        // Only to say why in the log: a missing source item or too little in it.
        Some(d) => Err(short_source(conn, d).await?),
        None => Ok(()),
    }
}

/// `SourceDeductionService` for one SKU: the source item's quantity column goes down by `qty`
/// (never below 0; the status is left as it is); a missing source item or too little in it is
/// the error Magento logs.
pub async fn deduct_source_item(
    conn: &mut SqliteConnection,
    d: &Deduction,
) -> Result<(), SaveError> {
    let deducted = sqlx::query(crate::db::inventory::DEDUCT_SOURCE_ITEM_SQL)
        .bind(d.qty)
        .bind(&d.source_code)
        .bind(&d.sku)
        .bind(d.qty)
        .execute(&mut *conn)
        .await?;
    if deducted.rows_affected() == 1 {
        return Ok(());
    }
    Err(short_source(conn, d).await?)
}

/// Why a source deduction took nothing: the source item is missing, or holds too little.
async fn short_source(
    conn: &mut SqliteConnection,
    d: &Deduction,
) -> Result<SaveError, sqlx::Error> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM inventory_source_item WHERE source_code = ? AND sku = ?")
            .bind(&d.source_code)
            .bind(&d.sku)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match exists {
        Some(_) => SaveError::NotEnough,
        None => SaveError::NoSourceItem(d.source_code.clone(), d.sku.clone()),
    })
}

/// Loads a shipment with its items, tracks and comments (in id order) and its source.
pub async fn load_full_shipment(
    conn: &mut SqliteConnection,
    shipment_id: i64,
) -> Result<Option<FullShipment>, sqlx::Error> {
    decode_full_shipment(
        order_reads(&*FULL_SHIPMENT_READS, shipment_id)
            .run(conn)
            .await?,
    )
}

/// [`load_full_shipment`] on one of `db::readers`' connections, in one read transaction.
pub fn read_full_shipment(
    db: &crate::db::batch::ReadConn,
    shipment_id: i64,
) -> Result<Option<FullShipment>, sqlx::Error> {
    decode_full_shipment(order_reads(&*FULL_SHIPMENT_READS, shipment_id).read_on(db)?)
}

/// The reads of a shipment by its id.
static FULL_SHIPMENT_READS: LazyLock<[(String, usize); 5]> = LazyLock::new(|| {
    [
        (row_by_id_sql("sales_shipment", Shipment::column_list()), 1),
        (
            children_sql("sales_shipment_item", ShipmentItem::column_list()),
            1,
        ),
        (
            children_sql("sales_shipment_track", ShipmentTrack::column_list()),
            1,
        ),
        (
            children_sql("sales_shipment_comment", ShipmentComment::column_list()),
            1,
        ),
        (
            "SELECT source_code FROM inventory_shipment_source WHERE shipment_id = ?".to_owned(),
            1,
        ),
    ]
});

fn decode_full_shipment(mut out: Vec<Output>) -> Result<Option<FullShipment>, sqlx::Error> {
    let Some(shipment) = out[0].decode::<Shipment>()?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(FullShipment {
        shipment,
        items: out[1].decode()?,
        tracks: out[2].decode()?,
        comments: out[3].decode()?,
        source_code: out[4].scalar::<Option<String>>()?.flatten(),
    }))
}

/// `created_at` and `updated_at` of a row, as `EntityAbstract::_afterSave` reads them back.
pub async fn timestamps(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT created_at, updated_at FROM {table} WHERE entity_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// `SaveShipmentSource`: the shipment's source, inserted or replaced (`insertOnDuplicate`).
pub async fn set_source(
    conn: &mut SqliteConnection,
    shipment_id: i64,
    source_code: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_shipment_source (shipment_id, source_code) VALUES (?, ?)
         ON CONFLICT (shipment_id) DO UPDATE SET source_code = excluded.source_code",
    )
    .bind(shipment_id)
    .bind(source_code)
    .execute(conn)
    .await?;
    Ok(())
}

/// `IsSingleSourceMode`: fewer than two enabled sources.
pub async fn single_source_mode(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    let enabled: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM inventory_source WHERE enabled = 1")
            .fetch_one(conn)
            .await?;
    Ok(enabled < 2)
}

/// Whether the store exists (`sales_shipment.store_id` is a foreign key in Magento).
pub async fn store_exists(conn: &mut SqliteConnection, store_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT store_id FROM store WHERE store_id = ?")
        .bind(store_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}
