//! Queries on the shipment tables and the source deduction a shipment makes.

use sqlx::SqliteConnection;

use crate::db::inventory::Deduction;
use crate::db::model::{
    FullShipment, Order, OrderItem, Shipment, ShipmentComment, ShipmentItem, ShipmentTrack,
};
use crate::db::sales::{next_increment_id, ORDER_STOCK_SQL};
use crate::db::{bind, insert, update, SaveError, SqlValue};

/// The stock of an order's website and, when exactly one source is linked to it, that source
/// (`AssignSourceCodeToShipmentPlugin`'s single-source case).
pub async fn order_stock(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<(i64, Option<String>), sqlx::Error> {
    let stock_id: i64 = sqlx::query_scalar(&format!("SELECT {ORDER_STOCK_SQL}"))
        .bind(order_id)
        .fetch_one(&mut *conn)
        .await?;
    let sources: Vec<(String,)> =
        sqlx::query_as("SELECT source_code FROM inventory_source_stock_link WHERE stock_id = ?")
            .bind(stock_id)
            .fetch_all(&mut *conn)
            .await?;
    let single = match sources.as_slice() {
        [(code,)] => Some(code.clone()),
        _ => None,
    };
    Ok((stock_id, single))
}

/// Everything creating a shipment writes. Ids of new rows are 0: SQLite assigns them.
pub struct ShipmentWrites<'a> {
    pub shipment: Shipment,
    pub items: Vec<ShipmentItem>,
    pub tracks: Vec<ShipmentTrack>,
    pub comment: Option<ShipmentComment>,
    pub source_code: &'a str,
    pub order: &'a Order,
    pub order_items: &'a [OrderItem],
    /// What to take from the source, summed per SKU.
    pub deductions: &'a [Deduction],
    pub stock_id: i64,
    pub reservation_metadata: &'a str,
}

/// Writes a shipment and its effects: the next shipment increment id, the shipment and its
/// rows, the order's shipped quantities and state, the source deduction (only the quantity
/// column, never below 0: `SourceDeductionService`) and the compensating `shipment_created`
/// reservations. Returns the new shipment id. The caller's savepoint rolls all of it back on
/// an error.
pub async fn save_shipment(
    conn: &mut SqliteConnection,
    mut w: ShipmentWrites<'_>,
) -> Result<i64, SaveError> {
    w.shipment.increment_id = next_increment_id(conn, "shipment", w.order.store_id).await?;
    let id = insert(conn, "sales_shipment", "entity_id", &w.shipment).await?;
    for item in &mut w.items {
        item.parent_id = id;
        insert(conn, "sales_shipment_item", "entity_id", item).await?;
    }
    for track in &mut w.tracks {
        track.parent_id = id;
        insert(conn, "sales_shipment_track", "entity_id", track).await?;
    }
    if let Some(comment) = &mut w.comment {
        comment.parent_id = id;
        insert(conn, "sales_shipment_comment", "entity_id", comment).await?;
    }
    sqlx::query("INSERT INTO inventory_shipment_source (shipment_id, source_code) VALUES (?, ?)")
        .bind(id)
        .bind(w.source_code)
        .execute(&mut *conn)
        .await?;
    update(conn, "sales_order", "entity_id", w.order).await?;
    for item in w.order_items {
        update(conn, "sales_order_item", "item_id", item).await?;
    }
    for d in w.deductions {
        deduct_source_item(conn, d).await?;
        crate::db::inventory::append_reservation(
            conn,
            w.stock_id,
            &d.sku,
            d.qty,
            w.reservation_metadata,
        )
        .await?;
    }
    Ok(id)
}

/// `SourceDeductionService` for one SKU: the source item's quantity column goes down by `qty`
/// (never below 0; the status is left as it is); a missing source item or too little in it is
/// the error Magento logs.
pub async fn deduct_source_item(
    conn: &mut SqliteConnection,
    d: &Deduction,
) -> Result<(), SaveError> {
    let deducted = sqlx::query(
        "UPDATE inventory_source_item SET quantity = quantity - ?
         WHERE source_code = ? AND sku = ? AND quantity >= ?",
    )
    .bind(d.qty)
    .bind(&d.source_code)
    .bind(&d.sku)
    .bind(d.qty)
    .execute(&mut *conn)
    .await?;
    if deducted.rows_affected() == 1 {
        return Ok(());
    }
    // Only to say why in the log: a missing source item or too little in it.
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM inventory_source_item WHERE source_code = ? AND sku = ?")
            .bind(&d.source_code)
            .bind(&d.sku)
            .fetch_optional(&mut *conn)
            .await?;
    Err(match exists {
        Some(_) => SaveError::NotEnough,
        None => SaveError::NoSourceItem(d.source_code.clone(), d.sku.clone()),
    })
}

/// Loads a shipment with its items, tracks, comments and source.
pub async fn load_full_shipment(
    conn: &mut SqliteConnection,
    shipment_id: i64,
) -> Result<Option<FullShipment>, sqlx::Error> {
    let Some(shipment) =
        sqlx::query_as::<_, Shipment>("SELECT * FROM sales_shipment WHERE entity_id = ?")
            .bind(shipment_id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let items: Vec<ShipmentItem> =
        crate::db::children(&mut *conn, "sales_shipment_item", shipment_id).await?;
    let tracks: Vec<ShipmentTrack> =
        crate::db::children(&mut *conn, "sales_shipment_track", shipment_id).await?;
    let comments: Vec<ShipmentComment> =
        crate::db::children(&mut *conn, "sales_shipment_comment", shipment_id).await?;
    let source_code = sqlx::query_scalar(
        "SELECT source_code FROM inventory_shipment_source WHERE shipment_id = ?",
    )
    .bind(shipment_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Some(FullShipment {
        shipment,
        items,
        tracks,
        comments,
        source_code,
    }))
}

/// `UPDATE <table> SET <columns> WHERE entity_id = ?`, only the given columns, as
/// `EntityAbstract::updateObject` writes only the fields the object holds. Returns how many rows
/// matched (0 when the id names no row: Magento's update then writes nothing, silently).
pub async fn update_posted(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    columns: Vec<(&'static str, SqlValue)>,
) -> Result<u64, sqlx::Error> {
    if columns.is_empty() {
        return Ok(0);
    }
    let sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
    let sql = format!("UPDATE {table} SET {} WHERE entity_id = ?", sets.join(", "));
    let mut query = sqlx::query(&sql);
    for (_, value) in columns {
        query = bind(query, value);
    }
    Ok(query.bind(id).execute(conn).await?.rows_affected())
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

/// The `sales_shipment_comment` row `id` of shipment `parent_id`
/// (`ResourceModel\Order\Shipment\Comment::getCommentById`).
pub async fn comment_of(
    conn: &mut SqliteConnection,
    id: i64,
    parent_id: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT entity_id FROM sales_shipment_comment WHERE entity_id = ? AND parent_id = ?",
    )
    .bind(id)
    .bind(parent_id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The In-Store Pickup location checkout placed the order for (`inventory_pickup_location_order`).
pub async fn pickup_location(
    conn: &mut SqliteConnection,
    order_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT pickup_location_code FROM inventory_pickup_location_order WHERE order_id = ?",
    )
    .bind(order_id)
    .fetch_optional(conn)
    .await
}
