//! Multi-Source Inventory: salable quantity, the priority source selection, and the source
//! deduction of virtual items at invoice time.
//!
//! Sources (magento/inventory): `InventorySales/Model/GetProductSalableQty.php`,
//! `InventorySourceSelection/Model/Algorithms/PriorityBasedAlgorithm.php`,
//! `InventoryShipping/Observer/VirtualSourceDeductionProcessor.php`,
//! `InventoryShipping/Model/SourceDeductionRequestsFromSourceSelectionFactory.php`,
//! `InventorySourceDeductionApi/Model/SourceDeductionService.php`. See inventory.md 3-6.

pub mod bulk;
pub mod legacy;
pub mod low_quantity;
pub mod master;
pub mod pickup;
pub mod refund;
pub mod salability;

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::amount::Amount;
use crate::db::inventory::Deduction;
use crate::db::model::Order;
pub use crate::db::model::SourceItem;
use crate::db::{self, Db};
use crate::error::{self as e, Error, Result};

/// One row of a source selection result.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectionItem {
    pub source_code: String,
    pub sku: String,
    pub qty_to_deduct: Amount,
    pub qty_available: Amount,
}

/// `PriorityBasedAlgorithm`: walk the in-stock source items in source-priority order and take
/// from each what it has until each SKU's need is met. `items` are the in-stock source items
/// already sorted by their source's priority. SKUs match case-insensitively.
pub fn select_by_priority(items: &[SourceItem], needs: &[(String, Amount)]) -> Vec<SelectionItem> {
    walk_by_priority(items, needs).0
}

/// [`select_by_priority`], also returning what is still needed of each (lower-cased) SKU.
fn walk_by_priority(
    items: &[SourceItem],
    needs: &[(String, Amount)],
) -> (Vec<SelectionItem>, HashMap<String, Decimal>) {
    let mut need: HashMap<String, Decimal> = HashMap::new();
    for (sku, qty) in needs {
        *need.entry(sku.to_lowercase()).or_default() += qty.decimal();
    }
    let mut out = Vec::new();
    for si in items {
        let Some(left) = need.get_mut(&si.sku.to_lowercase()) else {
            continue;
        };
        let available = si.quantity.decimal();
        let take = available.max(Decimal::ZERO).min(*left);
        *left -= take;
        out.push(SelectionItem {
            source_code: si.source_code.clone(),
            sku: si.sku.clone(),
            qty_to_deduct: Amount::new(take),
            qty_available: si.quantity,
        });
    }
    (out, need)
}

/// The algorithms `GET /V1/inventory/source-selection-algorithm-list` lists, in the order a
/// stock Magento 2.4 lists them (`InventorySourceSelectionApi/etc/di.xml`,
/// `InventoryDistanceBasedSourceSelection/etc/di.xml`): (code, title, description).
pub const ALGORITHMS: [(&str, &str, &str); 2] = [
    (
        "distance",
        "Distance Priority",
        "Algorithm which provides Source Selections based on shipping address distance from the source",
    ),
    (
        "priority",
        "Source Priority",
        "Algorithm which provides Source Selections based on predefined priority of Source",
    ),
];

/// `InventoryRequestInterface`: what `POST /V1/inventory/source-selection-algorithm-result` asks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InventoryRequest {
    pub stock_id: i64,
    /// (sku, qty) in request order.
    pub items: Vec<(String, Amount)>,
    /// Whether `extension_attributes.destination_address` was given (the distance algorithm's
    /// input).
    pub has_destination_address: bool,
}

/// `SourceSelectionResultInterface`.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectionResult {
    pub items: Vec<SelectionItem>,
    pub shippable: bool,
}

/// `GetDefaultSortedSourcesResult::execute` on the in-stock source items of the request's SKUs,
/// already in the sources' order. A SKU asked twice keeps its last quantity (`$itemsTdDeliver[$sku]
/// = $qty`); `shippable` when every SKU's remaining need is under 0.0000001.
pub fn default_sorted_result(
    candidates: &[SourceItem],
    request: &InventoryRequest,
) -> SelectionResult {
    let last: HashMap<String, Amount> = request
        .items
        .iter()
        .map(|(sku, qty)| (sku.to_lowercase(), *qty))
        .collect();
    let needs: Vec<(String, Amount)> = last.into_iter().collect();
    let (items, left) = walk_by_priority(candidates, &needs);
    let epsilon = Decimal::new(1, 7);
    let shippable = left.values().all(|need| *need < epsilon);
    SelectionResult { items, shippable }
}

/// `SourceSelectionServiceInterface::execute`. `priority` walks the stock's sources by link
/// priority. `distance` needs a destination address (else Magento's 400); with one, it falls
/// back to priority order, as a Magento without a configured distance provider does (every
/// source lands in `$sourcesWithoutDistance`, kept in priority order). Any other code is the
/// `\LogicException` Magento answers with a 500.
pub async fn select_sources(
    db: &Db,
    request: &InventoryRequest,
    algorithm: &str,
) -> Result<SelectionResult> {
    match algorithm {
        "priority" => {}
        "distance" if request.has_destination_address => {}
        "distance" => return Err(Error::input(e::NO_DESTINATION_ADDRESS)),
        other => {
            return Err(Error::internal(format!(
                "There is no such Source Selection Algorithm implemented: {other}"
            )))
        }
    }
    let skus: Vec<String> = request.items.iter().map(|(sku, _)| sku.clone()).collect();
    let mut conn = db.read.acquire().await?;
    let candidates =
        db::inventory::in_stock_source_items(&mut conn, request.stock_id, &skus).await?;
    Ok(default_sorted_result(&candidates, request))
}

/// Reservation metadata (`SalesEventToArrayConverter`): always these four keys in this order.
#[derive(Debug, Serialize)]
pub struct SalesEvent<'a> {
    pub event_type: &'a str,
    pub object_type: &'a str,
    pub object_id: String,
    pub object_increment_id: String,
}

/// `VirtualSourceDeductionProcessor` + `SourceDeductionRequestsFromSourceSelectionFactory`: what
/// to deduct, per source, for the invoiced virtual/downloadable `lines` (sku, qty), given the
/// in-stock source items of the order's stock in priority order. Selections under 0.000001 are
/// dropped. Each deduction is compensated by an `invoice_created` reservation of the same qty.
pub fn virtual_deductions(candidates: &[SourceItem], lines: &[(String, Amount)]) -> Vec<Deduction> {
    let lines: Vec<(String, Amount)> = lines
        .iter()
        .filter(|(_, q)| *q > Amount::ZERO)
        .cloned()
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let threshold = Amount::new(Decimal::new(1, 6));
    select_by_priority(candidates, &lines)
        .into_iter()
        .filter(|s| s.qty_to_deduct >= threshold)
        .map(|s| Deduction {
            source_code: s.source_code,
            sku: s.sku,
            qty: s.qty_to_deduct,
        })
        .collect()
}

/// The reservation metadata of a sales event (`invoice_created`, `shipment_created`,
/// `order_canceled`, ...) on `order`.
pub fn sales_event(event_type: &str, order: &Order) -> Result<String> {
    serde_json::to_string(&SalesEvent {
        event_type,
        object_type: "order",
        object_id: order.entity_id.to_string(),
        object_increment_id: order.increment_id.clone(),
    })
    .map_err(Error::internal)
}

/// `GetProductSalableQtyInterface::execute`: the product's type and the stock checked, then
/// `salability::salable_qty`.
///
/// A SKU the catalog does not have passes the type check: `GetProductTypesBySkusCache` (MSI's
/// preference since 2.4.2) keeps every asked SKU as a key, with a null type, and
/// `validateProductType` refuses only a missing key. `GetStockItemData` then looks the product
/// up by id for the default stock, through `GetProductIdsBySkus` (404 `Following products
/// with requested skus were not found: %1`), and reads any other stock's index by SKU, where
/// it finds no row: 0.
pub async fn salable_qty(db: &Db, sku: &str, stock_id: i64) -> Result<Amount> {
    let mut conn = db.read.acquire().await?;
    let type_id = db::inventory::product_type(&mut conn, sku).await?;
    if type_id
        .as_deref()
        .is_some_and(|t| matches!(t, "configurable" | "bundle" | "grouped"))
    {
        return Err(Error::input(e::NO_SOURCE_ITEMS_SUPPORT));
    }
    if type_id.is_none() && stock_id == master::DEFAULT_STOCK {
        return Err(Error::NotFound(crate::error::Phrase::positional(
            e::SKUS_NOT_FOUND,
            vec![sku.to_owned()],
        )));
    }
    if !db::inventory::stock_exists(&mut conn, stock_id).await? {
        return Err(Error::input(e::COULD_NOT_RECEIVE_STOCK_ITEM));
    }
    if type_id.is_none() {
        return Ok(Amount::ZERO);
    }
    Ok(Amount::new(
        salability::salable_qty(&mut conn, sku, stock_id).await?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn si(source: &str, sku: &str, qty: i64) -> SourceItem {
        SourceItem {
            source_item_id: 0,
            sku: sku.into(),
            source_code: source.into(),
            quantity: qty.into(),
            status: 1,
        }
    }

    #[test]
    fn priority_takes_in_order_and_lists_every_item() {
        let items = vec![
            si("ne_wh", "24-WB01", 35),
            si("west_wh", "24-WB01", 15),
            si("brooklyn", "24-WB01", 10),
        ];
        let got = select_by_priority(&items, &[("24-wb01".into(), 40.into())]);
        let deduct: Vec<(String, Amount)> = got
            .iter()
            .map(|s| (s.source_code.clone(), s.qty_to_deduct))
            .collect();
        assert_eq!(
            deduct,
            vec![
                ("ne_wh".into(), 35.into()),
                ("west_wh".into(), 5.into()),
                ("brooklyn".into(), 0.into())
            ]
        );
    }

    #[test]
    fn metadata_key_order() {
        let m = serde_json::to_string(&SalesEvent {
            event_type: "invoice_created",
            object_type: "order",
            object_id: "3".into(),
            object_increment_id: "000000003".into(),
        })
        .unwrap();
        assert_eq!(
            m,
            r#"{"event_type":"invoice_created","object_type":"order","object_id":"3","object_increment_id":"000000003"}"#
        );
    }
}
