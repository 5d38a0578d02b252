//! Low-quantity notification settings per source item (`InventoryLowQuantityNotification`).
//!
//! Read from magento/inventory 2.4.8-p1, `InventoryLowQuantityNotification/Model/SourceItemConfiguration/*.php`:
//! - Get: an unknown source or product (or an empty code) is 400 `Wrong input data`; a row
//!   without a `notify_stock_qty` counts as none, and none answers the config default
//!   (`cataloginventory/item_options/notify_stock_qty`, 1).
//! - Save: `Input data is empty` for no items; insert or update `notify_stock_qty` per
//!   (source, sku); the table has no foreign keys, so any source code is kept.
//! - Delete: by (source, sku), missing pairs are no-ops, an empty list too.
//! - After a save, `UpdateLegacyStockItemConfigurationAtSourceItemConfigurationSavePlugin`
//!   (outside single-source mode) writes the settings of the `default` source (compared with
//!   case, `!==`) into the legacy stock item of stock 1: `notify_stock_qty` (1 for none) and
//!   `use_config_notify_stock_qty` (0 when a non-zero quantity is set, else 1). A SKU there that
//!   no product has is 404 `Following products with requested skus were not found: %1`
//!   (`GetProductIdsBySkus`, found without case). Magento has saved the settings by then;
//!   magemu refuses the whole save, as every refused write here changes nothing.

use crate::amount::Amount;
use crate::db::inventory_master::{self as store, NotificationConfig};
use crate::db::Db;
use crate::error::{Error, Result};

pub const WRONG_INPUT: &str = "Wrong input data";
/// The store default of `cataloginventory/item_options/notify_stock_qty`.
pub const DEFAULT_NOTIFY_QTY: i64 = 1;

/// `GetSourceItemConfigurationInterface::execute`.
pub async fn get(db: &Db, source_code: &str, sku: &str) -> Result<NotificationConfig> {
    let mut conn = db.read.acquire().await?;
    let known = !source_code.is_empty()
        && !sku.is_empty()
        && store::source(&mut conn, source_code).await?.is_some()
        && store::product(&mut conn, sku).await?.is_some();
    if !known {
        return Err(Error::input(WRONG_INPUT));
    }
    let row = store::notification_config(&mut conn, source_code, sku)
        .await?
        .filter(|r| r.notify_stock_qty.is_some());
    Ok(row.unwrap_or(NotificationConfig {
        source_code: source_code.to_owned(),
        sku: sku.to_owned(),
        notify_stock_qty: Some(Amount::from_int(DEFAULT_NOTIFY_QTY)),
    }))
}

/// `SourceItemConfigurationsSaveInterface::execute`.
pub async fn save(db: &Db, mut rows: Vec<NotificationConfig>) -> Result<()> {
    if rows.is_empty() {
        return Err(Error::input(crate::inventory::master::INPUT_EMPTY));
    }
    // DECIMAL(12,4): clipped as Magento's MySQL stores it (`Amount::clip_qty`).
    for row in &mut rows {
        row.notify_stock_qty = row.notify_stock_qty.map(Amount::clip_qty);
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for row in &rows {
                    // The SKU, a varchar(64), cut as MySQL without strict mode stores it (the
                    // legacy update below looks the product up by the SKU as sent).
                    let stored = NotificationConfig {
                        sku: crate::inventory::master::varchar(&row.sku, 64),
                        ..row.clone()
                    };
                    store::save_notification_config(conn, &stored).await?;
                }
                update_legacy_stock_items(conn, &rows).await
            })
        })
        .await
}

/// `DeleteSourceItemsConfigurationInterface::execute` on `(source_code, sku)` pairs.
pub async fn delete(db: &Db, pairs: Vec<(String, String)>) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for (code, sku) in &pairs {
                    store::delete_notification_config(conn, code, sku).await?;
                }
                Ok(())
            })
        })
        .await
}

/// The `default` source's settings of `rows` into the legacy stock items (see the module doc).
async fn update_legacy_stock_items(
    conn: &mut sqlx::SqliteConnection,
    rows: &[NotificationConfig],
) -> Result<()> {
    let defaults: Vec<&NotificationConfig> = rows
        .iter()
        .filter(|r| r.source_code == crate::inventory::master::DEFAULT_SOURCE)
        .collect();
    if defaults.is_empty() || crate::db::shipments::single_source_mode(conn).await? {
        return Ok(());
    }
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for row in defaults {
        match store::product(conn, &row.sku).await? {
            Some(product) => found.push((product.entity_id, row.notify_stock_qty)),
            None => missing.push(row.sku.clone()),
        }
    }
    if !missing.is_empty() {
        return Err(Error::NotFound(crate::error::Phrase::positional(
            PRODUCTS_NOT_FOUND,
            vec![missing.join(", ")],
        )));
    }
    for (product_id, notify) in found {
        let use_config = i64::from(notify.is_none_or(Amount::is_zero));
        let notify = notify.unwrap_or(Amount::from_int(DEFAULT_NOTIFY_QTY));
        store::set_legacy_notify_stock_qty(conn, product_id, notify, use_config).await?;
    }
    Ok(())
}

/// `GetProductIdsBySkus`'s refusal.
pub const PRODUCTS_NOT_FOUND: &str = "Following products with requested skus were not found: %1";
