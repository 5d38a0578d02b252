//! Salability as `InventorySalesApi` answers it: is-product-salable, for a requested quantity,
//! their list forms, and the stock exports.
//!
//! Read from magento/inventory 2.4.8-p1:
//! - `InventorySales/Model/IsProductSalableForRequestedQtyCondition/IsProductSalableForRequestedQtyConditionChain.php`:
//!   the required conditions (`is_correct_qty`, `is_any_source_item_in_stock`) first, their
//!   errors alone when they fail; then the sufficient ones (back order, manage stock, salable
//!   with reservations), salable at the first that holds, else all three errors in order. A SKU
//!   not assigned to a stock other than the default one gives the single
//!   `requested-sku-is-not-assigned-to-given-stock` error (`GetStockItemConfiguration`).
//! - `IsCorrectQtyCondition.php`: min sale qty (`The fewest you may purchase is %1.`, rendered),
//!   max sale qty, qty increments (only when enabled), decimal quantities.
//! - `IsSalableWithReservationsCondition.php`: "enough" is `bccomp(salable, requested, 4) >= 0`;
//!   no stock row is `is_salable_with_reservations-no_data`.
//! - `IsProductSalable`: an in-stock source item of the stock and (backorders, manage stock off,
//!   or a positive salable quantity).
//!
//! Deliberate deviation: an unknown SKU makes Magento's requested-qty chain read an undefined
//! array key (a 500); magemu answers 404 `The product that was requested doesn't exist.`
//! instead. (`GetProductSalableQty` itself takes an unknown SKU: see
//! `inventory::salable_qty`.)

use rust_decimal::Decimal;

use crate::amount::Amount;
use crate::db::inventory_master::{self as store, LegacyStockItem, Product};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};
use sqlx::SqliteConnection;

/// `ProductSalabilityErrorInterface`.
#[derive(Debug, Clone, PartialEq)]
pub struct SalabilityError {
    pub code: &'static str,
    pub message: String,
}

/// The stock item configuration that matters to salability (`StockItemConfiguration`), from
/// the legacy settings row or the config defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct StockItemConfig {
    pub manage_stock: bool,
    pub backorders: bool,
    pub min_qty: Decimal,
    pub min_sale_qty: Decimal,
    pub max_sale_qty: Decimal,
    pub qty_increments: Decimal,
    pub is_qty_decimal: bool,
}

/// The effective settings of a legacy row (a `use_config_*` flag means the store default).
pub fn config_of(row: Option<&LegacyStockItem>, is_qty_decimal: bool) -> StockItemConfig {
    let d = LegacyStockItem {
        use_config_min_qty: 1,
        use_config_min_sale_qty: 1,
        use_config_max_sale_qty: 1,
        use_config_backorders: 1,
        use_config_qty_increments: 1,
        use_config_enable_qty_inc: 1,
        use_config_manage_stock: 1,
        ..Default::default()
    };
    let r = row.unwrap_or(&d);
    let pick = |use_config: i64, own: Amount, config: i64| {
        if use_config != 0 {
            Decimal::from(config)
        } else {
            own.decimal()
        }
    };
    let increments_on = r.use_config_enable_qty_inc == 0 && r.enable_qty_increments != 0;
    StockItemConfig {
        manage_stock: r.use_config_manage_stock != 0 || r.manage_stock != 0,
        backorders: r.use_config_backorders == 0 && r.backorders != 0,
        min_qty: pick(r.use_config_min_qty, r.min_qty, 0),
        min_sale_qty: pick(r.use_config_min_sale_qty, r.min_sale_qty, 1),
        max_sale_qty: pick(r.use_config_max_sale_qty, r.max_sale_qty, 10000),
        qty_increments: if increments_on {
            pick(r.use_config_qty_increments, r.qty_increments, 1)
        } else {
            Decimal::ZERO
        },
        is_qty_decimal,
    }
}

async fn product_or_404(conn: &mut SqliteConnection, sku: &str) -> Result<Product> {
    store::product(conn, sku)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::plain(e::PRODUCT_DOES_NOT_EXIST)))
}

fn without_source_items(type_id: &str) -> bool {
    matches!(type_id, "configurable" | "bundle" | "grouped")
}

/// Whether an in-stock source item of the SKU sits at an enabled source of the stock, and
/// whether the SKU is assigned to the stock at all.
async fn stock_presence(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
) -> Result<(bool, bool), sqlx::Error> {
    let (assigned, in_stock): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(CASE WHEN si.status = 1 AND s.enabled = 1 THEN 1 ELSE 0 END)
         FROM inventory_source_item si
         JOIN inventory_source_stock_link l ON l.source_code = si.source_code AND l.stock_id = ?
         JOIN inventory_source s ON s.source_code = si.source_code
         WHERE si.sku = ?",
    )
    .bind(stock_id)
    .bind(sku)
    .fetch_one(conn)
    .await?;
    Ok((assigned > 0, in_stock == Some(1)))
}

/// The quantity left to sell: in-stock quantity at the stock + reservations − min_qty; `None`
/// without any stock row.
async fn qty_left(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
    min_qty: Decimal,
) -> Result<Option<Decimal>, sqlx::Error> {
    let Some(on_hand) = db::inventory::stock_quantity(conn, sku, stock_id).await? else {
        return Ok(None);
    };
    let reserved = db::inventory::reservations(conn, sku, stock_id).await?;
    Ok(Some((on_hand + reserved).decimal() - min_qty))
}

async fn config(conn: &mut SqliteConnection, product: &Product) -> Result<StockItemConfig> {
    let row = store::legacy_stock_item(conn, product.entity_id).await?;
    Ok(config_of(row.as_ref(), product.is_qty_decimal != 0))
}

/// `IsProductSalableInterface::execute`.
pub async fn is_salable(conn: &mut SqliteConnection, sku: &str, stock_id: i64) -> Result<bool> {
    let Some(product) = store::product(conn, sku).await? else {
        return Ok(false);
    };
    if without_source_items(&product.type_id) {
        return Ok(false);
    }
    let (assigned, in_stock) = stock_presence(conn, sku, stock_id).await?;
    if stock_id != crate::inventory::master::DEFAULT_STOCK && !assigned {
        return Ok(false);
    }
    let cfg = config(conn, &product).await?;
    if !cfg.manage_stock {
        return Ok(true);
    }
    if !in_stock {
        return Ok(false);
    }
    if cfg.backorders && cfg.min_qty >= Decimal::ZERO {
        return Ok(true);
    }
    Ok(qty_left(conn, sku, stock_id, cfg.min_qty)
        .await?
        .is_some_and(|q| q > Decimal::ZERO))
}

/// `GetProductSalableQtyInterface::execute` once the product and the stock are known: 0 when
/// the stock index holds no salable row for the SKU (the index's conditions are
/// [`is_salable`]'s), else in-stock quantity at the stock + reservations − `min_qty`, the
/// Out-of-Stock Threshold (inventory.md 4.1). Not floored: reservations past a backordered
/// quantity read negative, as MSI returns them.
pub async fn salable_qty(conn: &mut SqliteConnection, sku: &str, stock_id: i64) -> Result<Decimal> {
    if !is_salable(conn, sku, stock_id).await? {
        return Ok(Decimal::ZERO);
    }
    let product = product_or_404(conn, sku).await?;
    let cfg = config(conn, &product).await?;
    Ok(qty_left(conn, sku, stock_id, cfg.min_qty)
        .await?
        .unwrap_or(Decimal::ZERO))
}

fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

/// `IsProductSalableForRequestedQtyInterface::execute`: the errors (none when salable).
pub async fn salable_for_qty(
    conn: &mut SqliteConnection,
    sku: &str,
    stock_id: i64,
    requested: Decimal,
) -> Result<Vec<SalabilityError>> {
    let product = product_or_404(conn, sku).await?;
    if without_source_items(&product.type_id) {
        return Err(Error::input(e::NO_SOURCE_ITEMS_SUPPORT));
    }
    let (assigned, in_stock) = stock_presence(conn, sku, stock_id).await?;
    if stock_id != crate::inventory::master::DEFAULT_STOCK && !assigned {
        return Ok(vec![SalabilityError {
            code: "requested-sku-is-not-assigned-to-given-stock",
            message: "The requested sku is not assigned to given stock.".into(),
        }]);
    }
    let cfg = config(conn, &product).await?;
    let mut required = Vec::new();
    if cfg.min_sale_qty != Decimal::ZERO && requested < cfg.min_sale_qty {
        required.push(SalabilityError {
            code: "is_correct_qty-min_sale_qty",
            message: format!(
                "The fewest you may purchase is {}.",
                number(cfg.min_sale_qty)
            ),
        });
    } else if cfg.max_sale_qty != Decimal::ZERO && requested > cfg.max_sale_qty {
        required.push(SalabilityError {
            code: "is_correct_qty-max_sale_qty",
            message: "The requested qty exceeds the maximum qty allowed in shopping cart".into(),
        });
    } else if cfg.qty_increments != Decimal::ZERO
        && (requested % cfg.qty_increments) != Decimal::ZERO
    {
        required.push(SalabilityError {
            code: "is_correct_qty-qty_increment",
            message: format!(
                "You can buy this product only in quantities of {} at a time.",
                number(cfg.qty_increments)
            ),
        });
    } else if !cfg.is_qty_decimal && requested.fract() != Decimal::ZERO {
        required.push(SalabilityError {
            code: "is_correct_qty-is_qty_decimal",
            message: "You cannot use decimal quantity for this product.".into(),
        });
    }
    if cfg.manage_stock && !in_stock {
        required.push(SalabilityError {
            code: "is_any_source_item_in_stock-no_source_items_in_stock",
            message: "There are no source items with the in stock status".into(),
        });
    }
    if !required.is_empty() {
        return Ok(required);
    }
    // BackOrderCondition: backorders count only with a threshold of 0 or more (a negative one
    // is how far below 0 the stock may be sold, which the salable quantity then carries).
    if (cfg.backorders && cfg.min_qty >= Decimal::ZERO) || !cfg.manage_stock {
        return Ok(Vec::new());
    }
    let mut errors = vec![
        SalabilityError {
            code: "back_order-disabled",
            message: "Backorders are disabled".into(),
        },
        SalabilityError {
            code: "manage_stock-enabled",
            message: "Manage stock is enabled".into(),
        },
    ];
    match qty_left(conn, sku, stock_id, cfg.min_qty).await? {
        None => errors.push(SalabilityError {
            code: "is_salable_with_reservations-no_data",
            message: "The requested sku is not assigned to given stock".into(),
        }),
        Some(left) if left.round_dp(4) >= requested.round_dp(4) => return Ok(Vec::new()),
        Some(_) => errors.push(SalabilityError {
            code: "is_salable_with_reservations-not_enough_qty",
            message: "Not enough items for sale".into(),
        }),
    }
    Ok(errors)
}

/// `ProductStockIndexDataInterface`: one row of a stock's index.
#[derive(Debug, Clone, PartialEq)]
pub struct StockIndexRow {
    pub sku: String,
    pub qty: Amount,
    pub is_salable: bool,
}

/// The stock of a sales channel (`GetStockBySalesChannel`), 404 when none is linked.
pub async fn channel_stock(db: &Db, kind: &str, code: &str) -> Result<i64> {
    let mut conn = db.read.acquire().await?;
    crate::inventory::master::stock_of_channel(&mut conn, kind, code)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::plain(crate::inventory::master::NO_LINKED_STOCK)))
}

/// `PreciseExportStockProcessor::execute`: a row for each of `skus` (a page of the catalog, in
/// its order) at `stock_id`. A type without source items: quantity 0 and its salability; stock
/// not managed: `GetQtyForNotManageStock` (null in InventoryExportStock's di.xml, so 0) and
/// salable; a SKU not assigned to the stock is left out; else its salable quantity
/// ([`salable_qty`]) and salability.
pub async fn export_rows(db: &Db, stock_id: i64, skus: &[String]) -> Result<Vec<StockIndexRow>> {
    let mut conn = db.read.acquire().await?;
    let mut rows = Vec::with_capacity(skus.len());
    for sku in skus {
        let Some(product) = store::product(&mut conn, sku).await? else {
            continue;
        };
        let row = |qty: Decimal, is_salable: bool| StockIndexRow {
            sku: sku.clone(),
            qty: Amount::new(qty),
            is_salable,
        };
        if without_source_items(&product.type_id) {
            rows.push(row(
                Decimal::ZERO,
                is_salable(&mut conn, sku, stock_id).await?,
            ));
            continue;
        }
        let cfg = config(&mut conn, &product).await?;
        if !cfg.manage_stock {
            rows.push(row(Decimal::ZERO, true));
            continue;
        }
        let (assigned, _) = stock_presence(&mut conn, sku, stock_id).await?;
        if stock_id != crate::inventory::master::DEFAULT_STOCK && !assigned {
            continue;
        }
        // [`salable_qty`], with the salability and the settings already in hand.
        let salable = is_salable(&mut conn, sku, stock_id).await?;
        let qty = match salable {
            true => qty_left(&mut conn, sku, stock_id, cfg.min_qty)
                .await?
                .unwrap_or(Decimal::ZERO),
            false => Decimal::ZERO,
        };
        rows.push(row(qty, salable));
    }
    Ok(rows)
}

/// The stock index of the sales channel's stock (`dump-stock-index-data`): every SKU with a
/// source item at the stock's enabled sources, its in-stock quantity and salability.
pub async fn stock_index(db: &Db, kind: &str, code: &str) -> Result<Vec<StockIndexRow>> {
    let stock_id = channel_stock(db, kind, code).await?;
    let mut conn = db.read.acquire().await?;
    let skus: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT si.sku FROM inventory_source_item si
         JOIN inventory_source_stock_link l ON l.source_code = si.source_code AND l.stock_id = ?
         JOIN inventory_source s ON s.source_code = si.source_code AND s.enabled = 1
         ORDER BY si.sku",
    )
    .bind(stock_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(skus.len());
    for (sku,) in skus {
        let qty = db::inventory::stock_quantity(&mut conn, &sku, stock_id)
            .await?
            .unwrap_or_default();
        let is_salable = is_salable(&mut conn, &sku, stock_id).await?;
        rows.push(StockIndexRow {
            sku,
            qty,
            is_salable,
        });
    }
    Ok(rows)
}
