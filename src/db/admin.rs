//! Reads for the admin pages (`/magemu/admin/`) that no REST use case already makes: the
//! product grid's MSI columns. Read-only.

use sqlx::SqliteConnection;

use crate::amount::Amount;

/// `GetSourceItemsBySku` joined with the sources' names, as `QuantityPerSource` lists them
/// (module-inventory-catalog-admin-ui/Ui/DataProvider/Product/Listing/Modifier/
/// QuantityPerSource.php): `(source name, quantity)` in source item order.
pub async fn quantity_per_source(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Vec<(String, Amount)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.name, i.quantity FROM inventory_source_item i
         JOIN inventory_source s ON s.source_code = i.source_code
         WHERE i.sku = ? ORDER BY i.source_item_id",
    )
    .bind(sku)
    .fetch_all(conn)
    .await
}

/// `GetAssignedStockIdsBySku` and `GetStockNamesByIds` (module-inventory-sales-admin-ui/Model/
/// ResourceModel): the stocks linked to a source holding the SKU, `(stock id, name)` by id.
pub async fn assigned_stocks(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT st.stock_id, st.name FROM inventory_source_item i
         JOIN inventory_source_stock_link l ON l.source_code = i.source_code
         JOIN inventory_stock st ON st.stock_id = l.stock_id
         WHERE i.sku = ? ORDER BY st.stock_id",
    )
    .bind(sku)
    .fetch_all(conn)
    .await
}

/// Whether only the default source exists (`IsSingleSourceMode`): the product grid then shows
/// one "Quantity" column instead of "Quantity per Source".
pub async fn single_source_mode(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    crate::db::shipments::single_source_mode(conn).await
}
