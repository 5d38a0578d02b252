//! Queries on MSI's master data: sources, stocks and their sales channels, stock-source links,
//! source item writes, low-quantity notification settings and the legacy stock item settings.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::model::SourceItem;
use crate::db::row_struct;
use crate::db::search::{fields_of, Field, Kind};
use crate::error::Result;
use crate::search::SearchCriteria;

row_struct! {
    /// `inventory_source` (with In-Store Pickup's three columns).
    pub struct Source {
        pub source_code: String,
        pub name: String,
        pub enabled: i64,
        pub description: Option<String>,
        pub contact_name: Option<String>,
        pub email: Option<String>,
        pub latitude: Option<String>,
        pub longitude: Option<String>,
        pub country_id: String,
        pub region_id: Option<i64>,
        pub region: Option<String>,
        pub city: Option<String>,
        pub street: Option<String>,
        pub postcode: String,
        pub phone: Option<String>,
        pub fax: Option<String>,
        pub is_pickup_location_active: i64,
        pub frontend_name: Option<String>,
        pub frontend_description: Option<String>,
        /// What a save posted (default 1); `isUseDefaultCarrierConfig()` answers true anyway.
        pub use_default_carrier_config: i64,
    }
}

row_struct! {
    /// `inventory_stock`.
    pub struct Stock { pub stock_id: i64, pub name: String }
}

row_struct! {
    /// `inventory_source_stock_link` without its hidden `link_id`.
    pub struct Link { pub stock_id: i64, pub source_code: String, pub priority: i64 }
}

row_struct! {
    /// `inventory_low_stock_notification_configuration`.
    pub struct NotificationConfig {
        pub source_code: String,
        pub sku: String,
        pub notify_stock_qty: Option<Amount>,
    }
}

row_struct! {
    /// `cataloginventory_stock_item`: the legacy settings (quantities stay in MSI).
    pub struct LegacyStockItem {
        pub item_id: i64,
        pub product_id: i64,
        pub stock_id: i64,
        pub use_config_min_qty: i64,
        pub min_qty: Amount,
        pub use_config_min_sale_qty: i64,
        pub min_sale_qty: Amount,
        pub use_config_max_sale_qty: i64,
        pub max_sale_qty: Amount,
        pub use_config_backorders: i64,
        pub backorders: i64,
        pub use_config_notify_stock_qty: i64,
        pub notify_stock_qty: Amount,
        pub use_config_qty_increments: i64,
        pub qty_increments: Amount,
        pub use_config_enable_qty_inc: i64,
        pub enable_qty_increments: i64,
        pub use_config_manage_stock: i64,
        pub manage_stock: i64,
        pub low_stock_date: Option<String>,
        pub is_decimal_divided: i64,
        pub stock_status_changed_auto: i64,
    }
}

/// A catalog product as MSI sees it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Product {
    pub entity_id: i64,
    pub sku: String,
    pub type_id: String,
    pub is_qty_decimal: i64,
}

pub async fn source(
    conn: &mut SqliteConnection,
    code: &str,
) -> Result<Option<Source>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM inventory_source WHERE source_code = ?")
        .bind(code)
        .fetch_optional(conn)
        .await
}

pub async fn search_sources(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> Result<(Vec<Source>, i64)> {
    crate::db::search::rows_over(
        conn,
        "inventory_source",
        "source_code",
        &SOURCE_FIELDS,
        criteria,
    )
    .await
}

/// The columns of `inventory_source`, its `decimal(8,6)`/`decimal(9,6)` coordinates (kept as
/// their text) compared and sorted as numbers, as MySQL compares them.
static SOURCE_FIELDS: std::sync::LazyLock<Vec<Field>> = std::sync::LazyLock::new(|| {
    let mut fields = fields_of(&Source::default());
    for f in &mut fields {
        if matches!(f.name, "latitude" | "longitude") {
            f.column = format!("CAST({} AS REAL)", f.name).into();
            f.kind = Kind::Decimal;
        }
    }
    fields
});

/// Whether another source already has this name: `AbstractDb::_checkUnique` looks it up
/// PHP-trimmed, and MySQL compares without case or trailing spaces; or the very name, which
/// the column's UNIQUE index would refuse.
pub async fn source_name_taken(
    conn: &mut SqliteConnection,
    name: &str,
    code: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT source_code FROM inventory_source \
         WHERE (rtrim(name, ' ') = ? COLLATE NOCASE OR name = ?) AND source_code != ?",
    )
    .bind(crate::php::trim(name).trim_end_matches(' '))
    .bind(name)
    .bind(code)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Inserts or replaces the whole row of `source.source_code`.
pub async fn save_source(conn: &mut SqliteConnection, row: &Source) -> Result<(), sqlx::Error> {
    if source(conn, &row.source_code).await?.is_some() {
        crate::db::update(conn, "inventory_source", "source_code", row).await
    } else {
        crate::db::insert(conn, "inventory_source", "source_code", row)
            .await
            .map(|_| ())
    }
}

pub async fn stock(conn: &mut SqliteConnection, id: i64) -> Result<Option<Stock>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM inventory_stock WHERE stock_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn search_stocks(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> Result<(Vec<Stock>, i64)> {
    crate::db::search::rows(conn, "inventory_stock", "stock_id", criteria).await
}

/// Whether another stock already has this name (as [`source_name_taken`]).
pub async fn stock_name_taken(
    conn: &mut SqliteConnection,
    name: &str,
    id: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT stock_id FROM inventory_stock \
         WHERE (rtrim(name, ' ') = ? COLLATE NOCASE OR name = ?) AND stock_id IS NOT ?",
    )
    .bind(crate::php::trim(name).trim_end_matches(' '))
    .bind(name)
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Inserts the stock (with its id when given, as `PredefinedId` does) or renames it; the id.
pub async fn save_stock(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    name: &str,
) -> Result<i64, sqlx::Error> {
    if let Some(id) = id {
        if stock(conn, id).await?.is_some() {
            sqlx::query("UPDATE inventory_stock SET name = ? WHERE stock_id = ?")
                .bind(name)
                .bind(id)
                .execute(conn)
                .await?;
            return Ok(id);
        }
    }
    let result = sqlx::query("INSERT INTO inventory_stock (stock_id, name) VALUES (?, ?)")
        .bind(id)
        .bind(name)
        .execute(conn)
        .await?;
    Ok(result.last_insert_rowid())
}

pub async fn delete_stock(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM inventory_stock WHERE stock_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The stock's sales channels `(type, code)`, in insertion order.
pub async fn sales_channels(
    conn: &mut SqliteConnection,
    stock_id: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT type, code FROM inventory_stock_sales_channel WHERE stock_id = ? ORDER BY rowid",
    )
    .bind(stock_id)
    .fetch_all(conn)
    .await
}

/// `ReplaceSalesChannelsDataForStock`: delete the stock's channels, then insert the given ones
/// "on duplicate" (a channel of another stock moves here).
pub async fn replace_sales_channels(
    conn: &mut SqliteConnection,
    stock_id: i64,
    channels: &[(String, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM inventory_stock_sales_channel WHERE stock_id = ?")
        .bind(stock_id)
        .execute(&mut *conn)
        .await?;
    for (kind, code) in channels {
        sqlx::query(
            "INSERT INTO inventory_stock_sales_channel (type, code, stock_id) VALUES (?, ?, ?)
             ON CONFLICT (type, code) DO UPDATE SET stock_id = excluded.stock_id",
        )
        .bind(kind)
        .bind(code)
        .bind(stock_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The stock a sales channel belongs to.
pub async fn stock_of_channel(
    conn: &mut SqliteConnection,
    kind: &str,
    code: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT stock_id FROM inventory_stock_sales_channel WHERE type = ? AND code = ?",
    )
    .bind(kind)
    .bind(code)
    .fetch_optional(conn)
    .await
}

pub async fn website_exists(conn: &mut SqliteConnection, code: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT website_id FROM store_website WHERE code = ?")
            .bind(code)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

pub async fn search_links(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> Result<(Vec<Link>, i64)> {
    crate::db::search::rows_over(
        conn,
        "inventory_source_stock_link",
        "link_id",
        &LINK_FIELDS,
        criteria,
    )
    .await
}

/// The columns of `inventory_source_stock_link`: those of [`Link`] and the hidden `link_id`,
/// which a filter or sort may name though the reply leaves it out.
static LINK_FIELDS: std::sync::LazyLock<Vec<Field>> = std::sync::LazyLock::new(|| {
    let mut fields = fields_of(&Link::default());
    fields.push(Field {
        name: "link_id",
        column: "link_id".into(),
        kind: Kind::Int,
    });
    fields
});

/// `SaveMultiple`: insert, or on a (stock, source) already linked update its priority.
pub async fn save_link(conn: &mut SqliteConnection, link: &Link) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_source_stock_link (stock_id, source_code, priority) VALUES (?, ?, ?)
         ON CONFLICT (stock_id, source_code) DO UPDATE SET priority = excluded.priority",
    )
    .bind(link.stock_id)
    .bind(&link.source_code)
    .bind(link.priority)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_link(
    conn: &mut SqliteConnection,
    stock_id: Option<i64>,
    source_code: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM inventory_source_stock_link WHERE source_code = ? AND stock_id = ?")
        .bind(source_code)
        .bind(stock_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// `GetSourcesAssignedToStockOrderedByPriority`: the stock's sources (disabled ones too), by
/// link priority.
pub async fn sources_of_stock(
    conn: &mut SqliteConnection,
    stock_id: i64,
) -> Result<Vec<Source>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.* FROM inventory_source s
         JOIN inventory_source_stock_link l ON l.source_code = s.source_code
         WHERE l.stock_id = ? ORDER BY l.priority, l.link_id",
    )
    .bind(stock_id)
    .fetch_all(conn)
    .await
}

pub async fn source_item(
    conn: &mut SqliteConnection,
    source_code: &str,
    sku: &str,
) -> Result<Option<SourceItem>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM inventory_source_item WHERE source_code = ? AND sku = ?")
        .bind(source_code)
        .bind(sku)
        .fetch_optional(conn)
        .await
}

/// Every source item of a SKU, in row order.
pub async fn source_items_of_sku(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Vec<SourceItem>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM inventory_source_item WHERE sku = ? ORDER BY source_item_id")
        .bind(sku)
        .fetch_all(conn)
        .await
}

/// `SaveMultiple` of source items: insert, or update quantity and status of the existing pair.
pub async fn save_source_item(
    conn: &mut SqliteConnection,
    source_code: &str,
    sku: &str,
    quantity: Amount,
    status: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_source_item (source_code, sku, quantity, status) VALUES (?, ?, ?, ?)
         ON CONFLICT (source_code, sku) DO UPDATE SET quantity = excluded.quantity,
             status = excluded.status",
    )
    .bind(source_code)
    .bind(sku)
    .bind(quantity)
    .bind(status)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the pair; how many rows went.
pub async fn delete_source_item(
    conn: &mut SqliteConnection,
    source_code: &str,
    sku: &str,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM inventory_source_item WHERE source_code = ? AND sku = ?")
            .bind(source_code)
            .bind(sku)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

pub async fn product(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Option<Product>, sqlx::Error> {
    sqlx::query_as(
        "SELECT entity_id, sku, type_id, is_qty_decimal FROM catalog_product_entity WHERE sku = ?",
    )
    .bind(sku)
    .fetch_optional(conn)
    .await
}

pub async fn notification_config(
    conn: &mut SqliteConnection,
    source_code: &str,
    sku: &str,
) -> Result<Option<NotificationConfig>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM inventory_low_stock_notification_configuration
         WHERE source_code = ? AND sku = ?",
    )
    .bind(source_code)
    .bind(sku)
    .fetch_optional(conn)
    .await
}

pub async fn save_notification_config(
    conn: &mut SqliteConnection,
    row: &NotificationConfig,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_low_stock_notification_configuration (source_code, sku, notify_stock_qty)
         VALUES (?, ?, ?)
         ON CONFLICT (source_code, sku) DO UPDATE SET notify_stock_qty = excluded.notify_stock_qty",
    )
    .bind(&row.source_code)
    .bind(&row.sku)
    .bind(row.notify_stock_qty)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_notification_config(
    conn: &mut SqliteConnection,
    source_code: &str,
    sku: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM inventory_low_stock_notification_configuration WHERE source_code = ? AND sku = ?",
    )
    .bind(source_code)
    .bind(sku)
    .execute(conn)
    .await?;
    Ok(())
}

/// `BulkConfigurationAssign`: a setting without a value (the config default) for every pair of
/// `skus` and `sources` (JSON lists) that has none.
pub async fn assign_notification_configs(
    conn: &mut SqliteConnection,
    skus: &str,
    sources: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_low_stock_notification_configuration (source_code, sku, notify_stock_qty)
         SELECT s.value, k.value, NULL FROM json_each(?1) k, json_each(?2) s WHERE true
         ORDER BY k.key, s.key
         ON CONFLICT (source_code, sku) DO NOTHING",
    )
    .bind(skus)
    .bind(sources)
    .execute(conn)
    .await?;
    Ok(())
}

/// `BulkConfigurationUnassign`: the settings of every pair of `skus` and `sources` (JSON lists).
pub async fn unassign_notification_configs(
    conn: &mut SqliteConnection,
    skus: &str,
    sources: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM inventory_low_stock_notification_configuration
         WHERE sku IN (SELECT value FROM json_each(?1))
           AND source_code IN (SELECT value FROM json_each(?2))",
    )
    .bind(skus)
    .bind(sources)
    .execute(conn)
    .await?;
    Ok(())
}

/// `BulkConfigurationTransfer` for one SKU: unless `destination` has a setting for it, it gets
/// `origin`'s (its value, or none when `origin` has no setting either).
pub async fn transfer_notification_config(
    conn: &mut SqliteConnection,
    sku: &str,
    origin: &str,
    destination: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_low_stock_notification_configuration (source_code, sku, notify_stock_qty)
         SELECT ?3, ?1, (SELECT notify_stock_qty FROM inventory_low_stock_notification_configuration
                         WHERE source_code = ?2 AND sku = ?1)
         WHERE NOT EXISTS (SELECT 1 FROM inventory_low_stock_notification_configuration
                           WHERE source_code = ?3 AND sku = ?1)",
    )
    .bind(sku)
    .bind(origin)
    .bind(destination)
    .execute(conn)
    .await?;
    Ok(())
}

/// `DeleteSourceItemsConfigurationPlugin` on the source items of `sku` about to be deleted
/// (`DeleteSourceItemsBySkus`, a product's deletion): the settings of those pairs.
pub async fn delete_notification_configs_of_items(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM inventory_low_stock_notification_configuration
         WHERE sku = ?1 AND source_code IN (SELECT source_code FROM inventory_source_item WHERE sku = ?1)",
    )
    .bind(sku)
    .execute(conn)
    .await?;
    Ok(())
}

/// The legacy stock item of `product_id` on stock 1 takes `notify_stock_qty` and
/// `use_config_notify_stock_qty` (made with the columns' defaults when missing: the plugin's
/// `INSERT ... ON DUPLICATE KEY UPDATE`).
pub async fn set_legacy_notify_stock_qty(
    conn: &mut SqliteConnection,
    product_id: i64,
    notify_stock_qty: Amount,
    use_config_notify_stock_qty: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO cataloginventory_stock_item
           (stock_id, product_id, notify_stock_qty, use_config_notify_stock_qty)
         VALUES (1, ?, ?, ?)
         ON CONFLICT (product_id) DO UPDATE SET notify_stock_qty = excluded.notify_stock_qty,
             use_config_notify_stock_qty = excluded.use_config_notify_stock_qty",
    )
    .bind(product_id)
    .bind(notify_stock_qty)
    .bind(use_config_notify_stock_qty)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn legacy_stock_item(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<Option<LegacyStockItem>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM cataloginventory_stock_item WHERE product_id = ?")
        .bind(product_id)
        .fetch_optional(conn)
        .await
}

pub async fn save_legacy_stock_item(
    conn: &mut SqliteConnection,
    row: &LegacyStockItem,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM cataloginventory_stock_item WHERE product_id = ?")
        .bind(row.product_id)
        .execute(&mut *conn)
        .await?;
    crate::db::insert(conn, "cataloginventory_stock_item", "", row)
        .await
        .map(|_| ())
}

/// Every product (id order), for the low-stock list.
pub async fn products(conn: &mut SqliteConnection) -> Result<Vec<Product>, sqlx::Error> {
    sqlx::query_as(
        "SELECT entity_id, sku, type_id, is_qty_decimal FROM catalog_product_entity ORDER BY entity_id",
    )
    .fetch_all(conn)
    .await
}

/// The product's `is_qty_decimal` (the legacy stock item's, kept on the product row).
pub async fn set_qty_decimal(
    conn: &mut SqliteConnection,
    product_id: i64,
    decimal: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE catalog_product_entity SET is_qty_decimal = ? WHERE entity_id = ?")
        .bind(i64::from(decimal))
        .bind(product_id)
        .execute(conn)
        .await?;
    Ok(())
}
