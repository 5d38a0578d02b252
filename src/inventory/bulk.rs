//! `InventoryCatalogApi`'s bulk operations: assign and unassign products to sources, move a
//! product's whole quantity between sources, move part of it (tutorial step 13).
//!
//! Read from magento/inventory 2.4.8-p1 (`InventoryCatalog/Model/Bulk*.php`,
//! `Model/ResourceModel/{BulkSourceAssign,BulkSourceUnassign,BulkInventoryTransfer,TransferInventoryPartially}.php`,
//! `Model/Source/Validator/{Bulk/*,PartialTransfer*}.php`):
//! - Only SKUs of the catalog whose type has source items are assigned or transferred (a
//!   configurable, bundle or grouped product is skipped); unassign deletes whatever pairs match.
//! - A SKU the catalog does not have as written (unknown, or spelled in another case) stops
//!   assign and transfer with a PHP TypeError, the plain-text 500 (see [`managed_skus`]).
//! - Assign inserts `quantity 0, out of stock` for each new pair and answers how many it
//!   inserted; unassign answers how many it deleted.
//! - Whole transfer: the destination gets origin + destination quantity and the origin's status;
//!   the origin goes to 0 and out of stock (or is removed with `unassignFromOrigin`). As written
//!   there, a destination item with no origin item is left alone (the `elseif`).
//!   Refusals: `Validation Error: Select different sources for origin and destination.`.
//! - Partial transfer: each item must exist at both sources and the origin must hold the qty;
//!   origin −qty, destination +qty and in stock. Refusals: `Transfer validation failed`.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::amount::Amount;
use crate::db::inventory_master as store;
use crate::db::Db;
use crate::error::{Error, Phrase, Result};
use sqlx::SqliteConnection;

pub const SOURCE_MISSING: &str = "Source %sourceCode does not exist";
pub const ORIGIN_MISSING: &str = "Origin source %sourceCode does not exist";
pub const DESTINATION_MISSING: &str = "Destination source %sourceCode does not exist";
pub const SAME_SOURCE: &str = "Cannot transfer a source on itself";
pub const TRANSFER_REFUSED: &str =
    "Validation Error: Select different sources for origin and destination.";
pub const PARTIAL_REFUSED: &str = "Transfer validation failed";
pub const NOT_AVAILABLE: &str = "Requested transfer amount for sku %sku is not available";

fn validation(message: &str, errors: Vec<Phrase>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(Phrase::plain(message), errors))
    }
}

/// One error per code of `codes` that names no source, in request order (a code given twice
/// is refused twice, as the validators' loop refuses it); each code is looked up once.
async fn missing_sources(
    conn: &mut SqliteConnection,
    codes: &[String],
) -> Result<Vec<Phrase>, sqlx::Error> {
    let mut known: HashMap<&str, bool> = HashMap::new();
    let mut errors = Vec::new();
    for code in codes {
        let exists = match known.get(code.as_str()) {
            Some(&exists) => exists,
            None => {
                let exists = store::source(conn, code).await?.is_some();
                known.insert(code, exists);
                exists
            }
        };
        if !exists {
            errors.push(Phrase::named(SOURCE_MISSING, "sourceCode", code.clone()));
        }
    }
    Ok(errors)
}

/// `values` once each, in first-seen order.
fn distinct(values: &[String]) -> Vec<&str> {
    let mut seen = HashSet::new();
    values
        .iter()
        .map(String::as_str)
        .filter(|v| seen.insert(*v))
        .collect()
}

/// The SKUs of `skus` whose product type keeps source items, once each, in request order; one
/// statement, however many SKUs.
///
/// Assign and transfer read the types through `GetProductTypesBySkusCache` (InventoryCatalog's
/// preference for `GetProductTypesBySkusInterface`), which sets every asked SKU to `null`
/// first and then fills in what `GetProductTypesBySkus` found, keyed by the *catalog's*
/// spelling. A SKU the catalog lacks, or has in another case or without the asked trailing
/// spaces, keeps its `null`, which `IsSourceItemManagementAllowedForProductType::execute(string
/// $productType)` refuses with a PHP TypeError: an `\Error` no layer of the web API catches,
/// Bootstrap's plain-text 500 (2.4.2 and later; MSI's integration tests swap in the uncached
/// class, which skips them). Magento's assign has inserted the SKUs before the bad one by
/// then; magemu writes nothing, as for every refused request.
async fn managed_skus(conn: &mut SqliteConnection, skus: &[String]) -> Result<Vec<String>> {
    let found: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT j.value, p.sku, p.type_id FROM json_each(?) j
         LEFT JOIN catalog_product_entity p ON p.sku = j.value ORDER BY j.key",
    )
    .bind(Value::from(skus).to_string())
    .fetch_all(conn)
    .await?;
    let mut seen = HashSet::new();
    let mut managed = Vec::new();
    for (asked, sku, type_id) in found {
        if sku.as_deref() != Some(asked.as_str()) {
            return Err(Error::fatal(format!(
                "TypeError: IsSourceItemManagementAllowedForProductType::execute(): Argument #1 \
                 ($productType) must be of type string, null given (SKU {asked:?})"
            )));
        }
        let kept = !matches!(
            type_id.as_deref(),
            Some("configurable" | "bundle" | "grouped")
        );
        if kept && seen.insert(asked.clone()) {
            managed.push(asked);
        }
    }
    Ok(managed)
}

fn json_list(values: &[&str]) -> String {
    Value::from(values.to_vec()).to_string()
}

/// `BulkSourceAssignInterface::execute`: how many assignments were made. As
/// `ResourceModel/BulkSourceAssign`, one insert of every (SKU, source) pair that is not there
/// yet (`quantity 0`, out of stock), SKU by SKU. The pairs there are left out of the insert
/// rather than ignored by it: an ignored row would still use up an id.
pub async fn assign(db: &Db, skus: Vec<String>, sources: Vec<String>) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                validation("Validation Failed", missing_sources(conn, &sources).await?)?;
                let skus = managed_skus(conn, &skus).await?;
                let (sku_list, source_list) = (
                    Value::from(skus.clone()).to_string(),
                    Value::from(sources.clone()).to_string(),
                );
                let inserted = sqlx::query(
                    "INSERT INTO inventory_source_item (source_code, sku, quantity, status)
                     SELECT s.value, k.value, 0, 0 FROM json_each(?1) k, json_each(?2) s
                     WHERE NOT EXISTS (SELECT 1 FROM inventory_source_item i
                                       WHERE i.source_code = s.value AND i.sku = k.value)
                     ORDER BY k.key, s.key",
                )
                .bind(&sku_list)
                .bind(json_list(&distinct(&sources)))
                .execute(&mut *conn)
                .await?;
                // InventoryLowQuantityNotification's BulkSourceAssignInterfacePlugin.
                store::assign_notification_configs(conn, &sku_list, &source_list).await?;
                Ok(inserted.rows_affected() as i64)
            })
        })
        .await
}

/// `BulkSourceUnassignInterface::execute`: how many assignments were removed, in one delete
/// as `ResourceModel/BulkSourceUnassign` (it was one statement a pair: 300 SKUs by 300
/// sources held the writer for seconds, a full body of them for hours).
pub async fn unassign(db: &Db, skus: Vec<String>, sources: Vec<String>) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                validation("Validation Failed", missing_sources(conn, &sources).await?)?;
                let (source_list, sku_list) =
                    (json_list(&distinct(&sources)), json_list(&distinct(&skus)));
                let deleted = sqlx::query(
                    "DELETE FROM inventory_source_item
                     WHERE source_code IN (SELECT value FROM json_each(?1))
                       AND sku IN (SELECT value FROM json_each(?2))",
                )
                .bind(&source_list)
                .bind(&sku_list)
                .execute(&mut *conn)
                .await?;
                // InventoryLowQuantityNotification's BulkSourceUnassignInterfacePlugin.
                store::unassign_notification_configs(conn, &sku_list, &source_list).await?;
                Ok(deleted.rows_affected() as i64)
            })
        })
        .await
}

async fn transfer_sources_errors(
    conn: &mut SqliteConnection,
    origin: &str,
    destination: &str,
) -> Result<Vec<Phrase>, sqlx::Error> {
    let mut errors = Vec::new();
    if store::source(conn, origin).await?.is_none() {
        errors.push(Phrase::named(ORIGIN_MISSING, "sourceCode", origin));
    }
    if store::source(conn, destination).await?.is_none() {
        errors.push(Phrase::named(
            DESTINATION_MISSING,
            "sourceCode",
            destination,
        ));
    }
    if origin == destination {
        errors.push(Phrase::plain(SAME_SOURCE));
    }
    Ok(errors)
}

/// `BulkInventoryTransferInterface::execute`: `true`.
pub async fn transfer(
    db: &Db,
    skus: Vec<String>,
    origin: String,
    destination: String,
    unassign_from_origin: bool,
) -> Result<bool> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let errors = transfer_sources_errors(conn, &origin, &destination).await?;
                validation(TRANSFER_REFUSED, errors)?;
                let processed = managed_skus(conn, &skus).await?;
                // InventoryLowQuantityNotification's BulkConfigurationTransferInterfacePlugin,
                // around the transfer: the settings first follow the SKUs...
                for sku in &processed {
                    store::transfer_notification_config(conn, sku, &origin, &destination).await?;
                }
                for sku in &processed {
                    let from = store::source_item(conn, &origin, sku).await?;
                    let to = store::source_item(conn, &destination, sku).await?;
                    // `transferInventory` reads the status of the destination's item when the
                    // origin has none (its `elseif ($dstSourceItemQty !== null)` always holds):
                    // with no item at either source, PHP 8's warning on the null's offset,
                    // which Magento's ErrorHandler throws, undoing the transfer (a 500).
                    if from.is_none() && to.is_none() {
                        return Err(Error::internal(format!(
                            "Warning: Trying to access array offset on value of type null \
                             (BulkInventoryTransfer::transferInventory, SKU {sku:?})"
                        )));
                    }
                    let total = from.as_ref().map(|s| s.quantity).unwrap_or_default()
                        + to.as_ref().map(|s| s.quantity).unwrap_or_default();
                    let status = from.as_ref().or(to.as_ref()).map(|s| s.status).unwrap_or(0);
                    if to.is_none() || from.is_some() {
                        store::save_source_item(conn, &destination, sku, total, status).await?;
                    }
                }
                for sku in &processed {
                    if unassign_from_origin {
                        store::delete_source_item(conn, &origin, sku).await?;
                    } else if store::source_item(conn, &origin, sku).await?.is_some() {
                        store::save_source_item(conn, &origin, sku, Amount::ZERO, 0).await?;
                    }
                }
                // ... and, unassigned from the origin, leave it (`BulkConfigurationUnassign` of
                // every SKU asked for).
                if unassign_from_origin {
                    let skus: Vec<&str> = skus.iter().map(String::as_str).collect();
                    store::unassign_notification_configs(
                        conn,
                        &json_list(&skus),
                        &json_list(&[origin.as_str()]),
                    )
                    .await?;
                }
                Ok(true)
            })
        })
        .await
}

/// `PartialInventoryTransferItemInterface`.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialItem {
    pub sku: String,
    pub qty: Amount,
}

/// `BulkPartialInventoryTransferInterface::execute`.
pub async fn partial_transfer(
    db: &Db,
    origin: String,
    destination: String,
    items: Vec<PartialItem>,
) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut errors = transfer_sources_errors(conn, &origin, &destination).await?;
                for item in &items {
                    let missing = |code: &str| {
                        Phrase::values(
                            "%message",
                            vec![(
                                "message",
                                Value::from(format!(
                                    "Source item for {} and {} does not exist",
                                    item.sku, code
                                )),
                            )],
                        )
                    };
                    let Some(from) = store::source_item(conn, &origin, &item.sku).await? else {
                        errors.push(missing(&origin));
                        continue;
                    };
                    if from.quantity < item.qty {
                        errors.push(Phrase::named(NOT_AVAILABLE, "sku", item.sku.clone()));
                    }
                    if store::source_item(conn, &destination, &item.sku)
                        .await?
                        .is_none()
                    {
                        errors.push(missing(&destination));
                    }
                }
                validation(PARTIAL_REFUSED, errors)?;
                for item in &items {
                    for (code, sign) in [(&origin, -1i64), (&destination, 1)] {
                        let Some(si) = store::source_item(conn, code, &item.sku).await? else {
                            continue;
                        };
                        let qty = if sign < 0 {
                            si.quantity - item.qty
                        } else {
                            si.quantity + item.qty
                        };
                        let status = if sign < 0 { si.status } else { 1 };
                        store::save_source_item(conn, code, &item.sku, qty, status).await?;
                    }
                }
                Ok(())
            })
        })
        .await
}
