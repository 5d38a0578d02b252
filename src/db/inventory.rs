//! Queries on the MSI tables.

use std::sync::LazyLock;

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::SourceItem;
use crate::search::SearchCriteria;

/// What a document takes from one source: the quantity column of the source item goes down by
/// `qty`, and a reservation of `+qty` compensates the one placed with the order.
#[derive(Debug, Clone, PartialEq)]
pub struct Deduction {
    pub source_code: String,
    pub sku: String,
    pub qty: Amount,
}

/// `SourceDeductionService` for one source item: its quantity column goes down by the first
/// parameter, never below 0 (binds: qty, source_code, sku, qty). Changes no row when the source
/// item is missing or holds too little, which each caller turns into its error.
pub(crate) const DEDUCT_SOURCE_ITEM_SQL: &str =
    "UPDATE inventory_source_item SET quantity = quantity - ?
     WHERE source_code = ? AND sku = ? AND quantity >= ?";

/// One row of `inventory_reservation` (binds: stock_id, sku, quantity, metadata), none for a
/// SKU whose stock is not managed (MSI's `PreventAppendReservationOnNotManageItemsInStockPlugin`:
/// [`not_managed_sql`]). Every path that appends a reservation (placement, cancel, credit memo,
/// seed files) goes through it, but a source deduction's, whose SKU is already known to be
/// managed ([`APPEND_DEDUCTION_RESERVATION_SQL`]); until migration 0040 a trigger on the table
/// dropped the row instead. A snapshot's restore (`db::image`) copies the rows as they were
/// saved, past this rule on purpose.
///
/// `OR FAIL`: a NOT NULL failure ends the statement without undoing what it wrote, which for
/// one row is nothing, as `ABORT` would; but with `ABORT` SQLite copies every page an
/// `INSERT ... SELECT` changes into a statement journal first, to be able to undo it.
pub(crate) static APPEND_RESERVATION_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT OR FAIL INTO inventory_reservation (stock_id, sku, quantity, metadata)
         SELECT r.stock_id, r.sku, r.quantity, r.metadata
         FROM (SELECT ? AS stock_id, ? AS sku, ? AS quantity, ? AS metadata) r
         WHERE NOT {}",
        not_managed_sql("r.sku")
    )
});

/// The reservation that compensates a source deduction (same binds as
/// [`APPEND_RESERVATION_SQL`]), without its check: a deduction's SKU is managed, read so in the
/// same transaction (an invoice deducts from source items that query leaves unmanaged SKUs out
/// of, `not_managed_sql`; a shipment drops them first, [`drop_not_managed`]). The check's two
/// lookups and the `INSERT ... SELECT` were about 2 us of the writer's time a deduction.
pub(crate) const APPEND_DEDUCTION_RESERVATION_SQL: &str =
    "INSERT INTO inventory_reservation (stock_id, sku, quantity, metadata) VALUES (?, ?, ?, ?)";

/// Appends one row to `inventory_reservation`.
pub async fn append_reservation(
    conn: &mut SqliteConnection,
    stock_id: i64,
    sku: &str,
    quantity: Amount,
    metadata: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(&APPEND_RESERVATION_SQL)
        .bind(stock_id)
        .bind(sku)
        .bind(quantity)
        .bind(metadata)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether the SKU `sku` (an SQL expression) names a product whose stock is not managed: its
/// legacy stock item says `manage_stock` 0 without the config flag. MSI's
/// `SourceDeductionService` skips such SKUs (`if (!$stockItemConfiguration->isManageStock())
/// continue;`) and no reservation is appended for them (the same test in
/// [`APPEND_RESERVATION_SQL`]).
pub(crate) fn not_managed_sql(sku: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM catalog_product_entity p
           JOIN cataloginventory_stock_item s ON s.product_id = p.entity_id
           WHERE p.sku = {sku} AND s.use_config_manage_stock = 0 AND s.manage_stock = 0)"
    )
}

/// Drops from `deductions` (SKU, quantity) the SKUs whose stock is not managed
/// ([`not_managed_sql`]): one statement on the connection's handle, none for an empty list.
pub async fn drop_not_managed(
    conn: &mut SqliteConnection,
    deductions: &mut Vec<(String, Amount)>,
) -> Result<(), sqlx::Error> {
    if deductions.is_empty() {
        return Ok(());
    }
    let skus: Vec<&str> = deductions.iter().map(|(sku, _)| sku.as_str()).collect();
    let mut batch = crate::db::batch::Batch::default();
    batch.push(
        &format!(
            "SELECT value FROM json_each(?) WHERE {}",
            not_managed_sql("value")
        ),
        [serde_json::Value::from(skus).to_string().into()],
    );
    let unmanaged: std::collections::HashSet<String> = batch
        .run(conn)
        .await?
        .remove(0)
        .decode::<(String,)>()?
        .into_iter()
        .map(|(sku,)| sku)
        .collect();
    // Each SKU as sent: the statement matched it to the catalog already (its `sku` column
    // compares ASCII letters without case, as `not_managed_sql` does for every caller). Lower
    // cased here, an SKU with a capital past ASCII (`ÉTOILE`) missed SQLite's ASCII-only
    // `LOWER` and stayed in the list: deducted, and since session 50 reserved, though its stock
    // is not managed.
    deductions.retain(|(sku, _)| !unmanaged.contains(sku));
    Ok(())
}

pub async fn product_type(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT type_id FROM catalog_product_entity WHERE sku = ?")
        .bind(sku)
        .fetch_optional(conn)
        .await
}

/// A catalog product as the shipment's source deduction sees it: its SKU and type.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogProduct {
    pub sku: String,
    pub type_id: String,
}

/// The catalog products of `ids` (`ProductRepository::getById` for each order item), one query.
pub async fn products_by_ids(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, CatalogProduct>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let ids = serde_json::to_string(ids).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT entity_id, sku, type_id FROM catalog_product_entity
         WHERE entity_id IN (SELECT value FROM json_each(?))",
    )
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, sku, type_id)| (id, CatalogProduct { sku, type_id }))
        .collect())
}

pub async fn stock_exists(conn: &mut SqliteConnection, stock_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT stock_id FROM inventory_stock WHERE stock_id = ?")
            .bind(stock_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Σ in-stock quantity of the SKU at enabled sources linked to the stock; `None` when the SKU
/// has no source item there at all (no stock index row).
pub async fn stock_quantity(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
) -> Result<Option<Amount>, sqlx::Error> {
    let (rows, qty): (i64, Option<Amount>) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN si.status = 1 THEN si.quantity ELSE 0 END)
         FROM inventory_source_item si
         JOIN inventory_source_stock_link l ON l.source_code = si.source_code AND l.stock_id = ?
         JOIN inventory_source s ON s.source_code = si.source_code AND s.enabled = 1
         WHERE si.sku = ?",
    )
    .bind(stock_id)
    .bind(sku)
    .fetch_one(conn)
    .await?;
    Ok((rows > 0).then(|| qty.unwrap_or_default()))
}

/// `GetReservationsQuantity`: Σ reservations of the SKU on the stock (0 without rows).
pub async fn reservations(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
) -> Result<Amount, sqlx::Error> {
    let sum: Option<Amount> = sqlx::query_scalar(
        "SELECT SUM(quantity) FROM inventory_reservation WHERE sku = ? AND stock_id = ?",
    )
    .bind(sku)
    .bind(stock_id)
    .fetch_one(conn)
    .await?;
    Ok(sum.unwrap_or_default())
}

/// `SourceItemRepositoryInterface::getList`: the page of matches and the total count.
pub async fn search_source_items(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> Result<(Vec<SourceItem>, i64), crate::error::Error> {
    crate::db::search::rows(conn, "inventory_source_item", "source_item_id", criteria).await
}

/// `SELECT` of the in-stock source items whose SKU (any case) is in `skus` (a subquery of
/// SKUs), at the enabled sources of the stock `stock_id` (an SQL expression), in the sources'
/// priority order, then row order. `CROSS JOIN` keeps the written join order (SQLite never
/// reorders it): the source items are found by their SKUs through the `LOWER(sku)` index
/// (migration 0021), not by reading every source item of every source of the stock.
pub(crate) fn in_stock_source_items_sql(stock_id: &str, skus: &str) -> String {
    in_stock_source_items_from(
        "inventory_source_item si",
        stock_id,
        &format!("LOWER(si.sku) IN (SELECT LOWER(sku) FROM ({skus}))"),
    )
}

/// [`in_stock_source_items_sql`] of the SKUs of an order's lines that match `lines` (a
/// condition on `oi`, a `sales_order_item`), joined line by line instead of gathered into a
/// list first: the list and its lookups were most of the statement's cost (about half of
/// it, for an order of one virtual line). A source item comes once for each line of its SKU,
/// next to each other (same priority, same id): [`one_of_each`] keeps one.
pub(crate) fn in_stock_source_items_of_lines_sql(stock_id: &str, lines: &str) -> String {
    in_stock_source_items_from(
        "sales_order_item oi
         CROSS JOIN inventory_source_item si ON LOWER(si.sku) = LOWER(oi.sku)",
        stock_id,
        lines,
    )
}

fn in_stock_source_items_from(from: &str, stock_id: &str, filter: &str) -> String {
    format!(
        "SELECT si.source_item_id, si.sku, si.source_code, si.quantity, si.status
         FROM {from}
         CROSS JOIN inventory_source_stock_link l
           ON l.source_code = si.source_code AND l.stock_id = {stock_id}
         JOIN inventory_source s ON s.source_code = si.source_code AND s.enabled = 1
         WHERE si.status = 1 AND {filter}
         ORDER BY l.priority, si.source_item_id"
    )
}

/// The rows of [`in_stock_source_items_of_lines_sql`] with each source item once.
pub(crate) fn one_of_each(mut items: Vec<SourceItem>) -> Vec<SourceItem> {
    items.dedup_by_key(|si| si.source_item_id);
    // The copies stand side by side only while the query orders by the source item's priority
    // (one per stock) and id.
    debug_assert_eq!(
        items
            .iter()
            .map(|si| si.source_item_id)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        items.len(),
        "a source item twice: the query's ORDER BY no longer puts its copies together"
    );
    items
}

/// [`in_stock_source_items_sql`] of the stock bound first and the SKUs bound next (a JSON
/// array: one parameter, whatever the number of SKUs).
pub(crate) static IN_STOCK_SOURCE_ITEMS_SQL: LazyLock<String> =
    LazyLock::new(|| in_stock_source_items_sql("?", "SELECT value AS sku FROM json_each(?)"));

/// `GetSourcesAssignedToStockOrderedByPriority` (enabled sources only) then
/// `GetInStockSourceItemsBySkusAndSortedSource`: the in-stock source items of `skus` (compared
/// case-insensitively, as MySQL's collation does) at the stock's enabled sources, in the
/// sources' priority order, then row order.
pub async fn in_stock_source_items(
    conn: &mut SqliteConnection,
    stock_id: i64,
    skus: &[String],
) -> Result<Vec<SourceItem>, sqlx::Error> {
    if skus.is_empty() {
        return Ok(Vec::new());
    }
    // One JSON parameter, whatever the number of SKUs (no bound-variable limit).
    let skus = serde_json::to_string(skus).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query_as(&IN_STOCK_SOURCE_ITEMS_SQL)
        .bind(stock_id)
        .bind(skus)
        .fetch_all(conn)
        .await
}
