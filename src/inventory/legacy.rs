//! The legacy CatalogInventory stock routes connectors still call, mapped onto the `default`
//! source as MSI maps them.
//!
//! Read from 2.4.8-p1: `module-catalog-inventory/Model/StockRegistry.php` (an unknown SKU is
//! 404 `The Product with the "%1" SKU doesn't exist.`; the update merges the posted fields
//! over the stored item, the path's item id plays no part, the answer is the item id),
//! `module-inventory-catalog/Plugin/CatalogInventory/UpdateSourceItemAtLegacyStockItemSavePlugin.php`
//! and `Model/UpdateSourceItemBasedOnLegacyStockItem.php` (after the save, the `default` source
//! item takes `qty` and `is_in_stock` as its quantity and status, created when missing, unless
//! the item is out of stock with qty 0 and has no default source item), and the source item
//! plugins that keep the legacy `qty`/`is_in_stock` equal to the default source item (0 and out
//! of stock once it is unassigned). magemu reads them from the default source item directly.
//! The legacy item id is the product id (as on an install whose items were created with the
//! products); the settings live in `cataloginventory_stock_item` once written.

use crate::amount::Amount;
use crate::db::inventory_master::{self as store, LegacyStockItem, Product};
use crate::db::Db;
use crate::error::{Error, Phrase, Result};
use crate::inventory::master::DEFAULT_SOURCE;

pub const PRODUCT_SKU_MISSING: &str = "The Product with the \"%1\" SKU doesn't exist.";

/// A legacy stock item: its settings and the default source item's quantity and status.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyItem {
    pub settings: LegacyStockItem,
    pub qty: Amount,
    pub is_in_stock: bool,
    pub is_qty_decimal: bool,
}

/// The settings of a product never written: the config defaults.
pub fn default_settings(product_id: i64) -> LegacyStockItem {
    LegacyStockItem {
        item_id: product_id,
        product_id,
        stock_id: 1,
        use_config_min_qty: 1,
        use_config_min_sale_qty: 1,
        min_sale_qty: Amount::from_int(1),
        use_config_max_sale_qty: 1,
        max_sale_qty: Amount::from_int(10000),
        use_config_backorders: 1,
        use_config_notify_stock_qty: 1,
        notify_stock_qty: Amount::from_int(1),
        use_config_qty_increments: 1,
        use_config_enable_qty_inc: 1,
        use_config_manage_stock: 1,
        manage_stock: 1,
        ..Default::default()
    }
}

async fn product(conn: &mut sqlx::SqliteConnection, sku: &str) -> Result<Product> {
    store::product(conn, sku).await?.ok_or_else(|| {
        Error::NotFound(Phrase::positional(
            PRODUCT_SKU_MISSING,
            vec![sku.to_owned()],
        ))
    })
}

async fn load(conn: &mut sqlx::SqliteConnection, product: &Product) -> Result<LegacyItem> {
    let settings = store::legacy_stock_item(conn, product.entity_id)
        .await?
        .unwrap_or_else(|| default_settings(product.entity_id));
    let source_item = store::source_item(conn, DEFAULT_SOURCE, &product.sku).await?;
    Ok(LegacyItem {
        settings,
        qty: source_item.as_ref().map(|s| s.quantity).unwrap_or_default(),
        is_in_stock: source_item.is_some_and(|s| s.status == 1),
        is_qty_decimal: product.is_qty_decimal != 0,
    })
}

/// `StockRegistryInterface::getStockItemBySku` (and `getStockStatusBySku`'s item).
pub async fn get(db: &Db, sku: &str) -> Result<(Product, LegacyItem)> {
    let mut conn = db.read.acquire().await?;
    let product = product(&mut conn, sku).await?;
    let item = load(&mut conn, &product).await?;
    Ok((product, item))
}

/// `StockRegistry::getStockStatusBySku` with MSI's `AdaptGetStockStatusBySkuPlugin`: the
/// product, its legacy item, and what the plugin puts over the legacy status, for the stock of
/// the current (default) store's website: whether the product is salable there
/// (`AreProductsSalable`) and its salable quantity (`GetProductSalableQty`, 0 where that
/// refuses the product), which `StockStatusInterface::getQty` (`@return int`) prints as an
/// int.
pub async fn stock_status(db: &Db, sku: &str) -> Result<(Product, LegacyItem, bool, i64)> {
    let (product, item) = get(db, sku).await?;
    let stock_id = {
        let mut conn = db.read.acquire().await?;
        crate::db::store::website_and_stock(&mut conn, crate::db::store::DEFAULT_STORE_ID)
            .await?
            .1
    };
    let salable = {
        let mut conn = db.read.acquire().await?;
        crate::inventory::salability::is_salable(&mut conn, &product.sku, stock_id).await?
    };
    let qty = match crate::inventory::salable_qty(db, &product.sku, stock_id).await {
        Ok(qty) => i64::try_from(qty.trunc().decimal()).unwrap_or(0),
        Err(Error::Input(_)) => 0,
        Err(other) => return Err(other),
    };
    Ok((product, item, salable, qty))
}

/// What a PUT may change: the posted fields, `None` where absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LegacyUpdate {
    pub qty: Option<Amount>,
    pub is_in_stock: Option<bool>,
    pub use_config_min_qty: Option<bool>,
    pub min_qty: Option<Amount>,
    pub use_config_min_sale_qty: Option<bool>,
    pub min_sale_qty: Option<Amount>,
    pub use_config_max_sale_qty: Option<bool>,
    pub max_sale_qty: Option<Amount>,
    pub use_config_backorders: Option<bool>,
    pub backorders: Option<i64>,
    pub use_config_notify_stock_qty: Option<bool>,
    pub notify_stock_qty: Option<Amount>,
    pub use_config_qty_increments: Option<bool>,
    pub qty_increments: Option<Amount>,
    pub use_config_enable_qty_inc: Option<bool>,
    pub enable_qty_increments: Option<bool>,
    pub use_config_manage_stock: Option<bool>,
    pub manage_stock: Option<bool>,
    /// Kept on the product row (magemu's one place for it; Magento's stock item column).
    pub is_qty_decimal: Option<bool>,
}

/// `StockRegistryInterface::updateStockItemBySku`: the item id.
pub async fn update(db: &Db, sku: String, u: LegacyUpdate) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let product = product(conn, &sku).await?;
                apply(conn, &product, &u).await
            })
        })
        .await
}

/// `StockRegistry::updateStockItemBySku`'s work on a connection (also the product save's,
/// `SaveInventoryDataObserver`): the posted fields merged over the stored item (`addData`),
/// the item saved, then MSI's `UpdateSourceItemAtLegacyStockItemSavePlugin` aligns the
/// `default` source item. The item id.
pub async fn apply(
    conn: &mut sqlx::SqliteConnection,
    product: &Product,
    u: &LegacyUpdate,
) -> Result<i64> {
    let sku = &product.sku;
    let current = load(conn, product).await?;
    let mut s = current.settings.clone();
    let flag = |v: Option<bool>, old: i64| v.map(i64::from).unwrap_or(old);
    // DECIMAL(12,4) columns, clipped as Magento's MySQL stores them.
    let qty = |v: Option<Amount>, old: Amount| v.map(Amount::clip_qty).unwrap_or(old);
    s.use_config_min_qty = flag(u.use_config_min_qty, s.use_config_min_qty);
    s.min_qty = qty(u.min_qty, s.min_qty);
    s.use_config_min_sale_qty = flag(u.use_config_min_sale_qty, s.use_config_min_sale_qty);
    s.min_sale_qty = qty(u.min_sale_qty, s.min_sale_qty);
    s.use_config_max_sale_qty = flag(u.use_config_max_sale_qty, s.use_config_max_sale_qty);
    s.max_sale_qty = qty(u.max_sale_qty, s.max_sale_qty);
    s.use_config_backorders = flag(u.use_config_backorders, s.use_config_backorders);
    s.backorders = u.backorders.unwrap_or(s.backorders);
    s.use_config_notify_stock_qty =
        flag(u.use_config_notify_stock_qty, s.use_config_notify_stock_qty);
    s.notify_stock_qty = qty(u.notify_stock_qty, s.notify_stock_qty);
    s.use_config_qty_increments = flag(u.use_config_qty_increments, s.use_config_qty_increments);
    s.qty_increments = qty(u.qty_increments, s.qty_increments);
    s.use_config_enable_qty_inc = flag(u.use_config_enable_qty_inc, s.use_config_enable_qty_inc);
    s.enable_qty_increments = flag(u.enable_qty_increments, s.enable_qty_increments);
    s.use_config_manage_stock = flag(u.use_config_manage_stock, s.use_config_manage_stock);
    s.manage_stock = flag(u.manage_stock, s.manage_stock);
    let qty = qty(u.qty, current.qty);
    let mut in_stock = u.is_in_stock.unwrap_or(current.is_in_stock);
    let managed = !matches!(
        product.type_id.as_str(),
        "configurable" | "bundle" | "grouped"
    );
    if managed {
        in_stock = update_stock_status(&mut s, qty, in_stock, current.is_in_stock);
        // `StockItemRepository::save`: the low stock date is cleared, then set to now (GMT)
        // when `StockStateProvider::verifyNotification` holds: the quantity below the notify
        // quantity (the config's 1, or the item's own).
        let notify = if s.use_config_notify_stock_qty != 0 {
            Amount::from_int(1)
        } else {
            s.notify_stock_qty
        };
        s.low_stock_date = (qty < notify).then(crate::db::now_timestamp);
    }
    store::save_legacy_stock_item(conn, &s).await?;
    if let Some(decimal) = u.is_qty_decimal {
        store::set_qty_decimal(conn, product.entity_id, decimal).await?;
    }
    let has_default = store::source_item(conn, DEFAULT_SOURCE, sku)
        .await?
        .is_some();
    if managed && (in_stock || !qty.is_zero() || has_default) {
        store::save_source_item(conn, DEFAULT_SOURCE, sku, qty, i64::from(in_stock)).await?;
    }
    Ok(s.item_id)
}

/// `StockItemRepository::save`'s `updateStockStatus` for a type with quantities: a managed item
/// that fails `StockStateProvider::verifyStock` (no backorders and a quantity at or below the
/// minimum) goes out of stock on its own (`stock_status_changed_auto` 1); one that passes is
/// put back in stock when it went out that way, and a status changed by hand clears the flag.
/// Stock not managed clears it. The in-stock status to save.
fn update_stock_status(
    s: &mut LegacyStockItem,
    qty: Amount,
    in_stock: bool,
    was_in_stock: bool,
) -> bool {
    let manage = s.use_config_manage_stock != 0 || s.manage_stock != 0;
    if !manage {
        s.stock_status_changed_auto = 0;
        return in_stock;
    }
    let backorders = s.use_config_backorders == 0 && s.backorders != 0;
    let min_qty = if s.use_config_min_qty != 0 {
        Amount::ZERO
    } else {
        s.min_qty
    };
    if !backorders && qty <= min_qty {
        if in_stock {
            s.stock_status_changed_auto = 1;
        }
        return false;
    }
    if was_in_stock != in_stock {
        s.stock_status_changed_auto = 0;
    }
    in_stock || s.stock_status_changed_auto != 0
}

/// `StockRegistry::getLowStockItems` (`StockItemCriteria`, `StockItemCriteriaMapper`): the
/// stock items of website `scope_id` (every legacy item is saved with website 0,
/// `Configuration::getDefaultScopeId`, so any other scope finds none: magento/magento2#7605)
/// whose quantity is at most `qty` (`setQtyFilter('<=')`), managed or not and of any type, and
/// the count of them all. The page is `limitPage($currentPage, $pageSize)`'s: a page or a
/// size below 1 is 1 (Zend's `Select::limitPage`), so the route's default size 0 gives one
/// item.
pub async fn low_stock(
    db: &Db,
    scope_id: i64,
    qty: Amount,
    page: i64,
    size: i64,
) -> Result<(Vec<LegacyItem>, i64)> {
    let mut conn = db.read.acquire().await?;
    let mut out = Vec::new();
    if scope_id == 0 {
        for product in store::products(&mut conn).await? {
            let item = load(&mut conn, &product).await?;
            if item.qty <= qty {
                out.push(item);
            }
        }
    }
    let total = i64::try_from(out.len()).unwrap_or(i64::MAX);
    let (page, size) = (page.max(1), size.max(1));
    let skip = usize::try_from((page - 1).saturating_mul(size)).unwrap_or(usize::MAX);
    let out = out
        .into_iter()
        .skip(skip)
        .take(usize::try_from(size).unwrap_or(usize::MAX))
        .collect();
    Ok((out, total))
}
