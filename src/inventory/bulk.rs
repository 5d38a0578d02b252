//! `InventoryCatalogApi`'s bulk operations: assign and unassign products to sources, move a
//! product's whole quantity between sources, move part of it (tutorial step 13).
//!
//! Read from magento/inventory 2.4.8-p1 (`InventoryCatalog/Model/Bulk*.php`,
//! `Model/ResourceModel/{BulkSourceAssign,BulkSourceUnassign,BulkInventoryTransfer,TransferInventoryPartially}.php`,
//! `Model/Source/Validator/{Bulk/*,PartialTransfer*}.php`):
//! - Only SKUs of the catalog whose type has source items are assigned or transferred (others
//!   are skipped silently); unassign deletes whatever pairs match.
//! - Assign inserts `quantity 0, out of stock` for each new pair and answers how many it
//!   inserted; unassign answers how many it deleted.
//! - Whole transfer: the destination gets origin + destination quantity and the origin's status;
//!   the origin goes to 0 and out of stock (or is removed with `unassignFromOrigin`). As written
//!   there, a destination item with no origin item is left alone (the `elseif`).
//!   Refusals: `Validation Error: Select different sources for origin and destination.`.
//! - Partial transfer: each item must exist at both sources and the origin must hold the qty;
//!   origin −qty, destination +qty and in stock. Refusals: `Transfer validation failed`.

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

async fn missing_sources(
    conn: &mut SqliteConnection,
    codes: &[String],
) -> Result<Vec<Phrase>, sqlx::Error> {
    let mut errors = Vec::new();
    for code in codes {
        if store::source(conn, code).await?.is_none() {
            errors.push(Phrase::named(SOURCE_MISSING, "sourceCode", code.clone()));
        }
    }
    Ok(errors)
}

/// The SKUs of `skus` in the catalog whose type keeps source items, in request order.
async fn managed_skus(conn: &mut SqliteConnection, skus: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for sku in skus {
        if let Some(p) = store::product(conn, sku).await? {
            if !matches!(p.type_id.as_str(), "configurable" | "bundle" | "grouped")
                && !out.contains(&p.sku)
            {
                out.push(p.sku);
            }
        }
    }
    Ok(out)
}

/// `BulkSourceAssignInterface::execute`: how many assignments were made.
pub async fn assign(db: &Db, skus: Vec<String>, sources: Vec<String>) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                validation("Validation Failed", missing_sources(conn, &sources).await?)?;
                let mut count = 0;
                for sku in managed_skus(conn, &skus).await? {
                    for code in &sources {
                        if store::source_item(conn, code, &sku).await?.is_none() {
                            store::save_source_item(conn, code, &sku, Amount::ZERO, 0).await?;
                            count += 1;
                        }
                    }
                }
                Ok(count)
            })
        })
        .await
}

/// `BulkSourceUnassignInterface::execute`: how many assignments were removed.
pub async fn unassign(db: &Db, skus: Vec<String>, sources: Vec<String>) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                validation("Validation Failed", missing_sources(conn, &sources).await?)?;
                let mut count = 0;
                for sku in &skus {
                    for code in &sources {
                        count += store::delete_source_item(conn, code, sku).await? as i64;
                    }
                }
                Ok(count)
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
                for sku in &processed {
                    let from = store::source_item(conn, &origin, sku).await?;
                    let to = store::source_item(conn, &destination, sku).await?;
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
