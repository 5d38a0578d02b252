//! `GET /V1/inventory/source-items`, `GET /V1/inventory/get-product-salable-quantity/{sku}/{stockId}`
//! and the source selection algorithms (`InventorySourceSelectionApi/etc/webapi.xml`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::db;
use crate::error::Result;
use crate::http::extract::{
    Admin, Body, InventorySalesStock, InventorySourceItem, PathParams, Search, SourceSelectionList,
    SourceSelectionRun,
};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::inventory::{self, ALGORITHMS};
use crate::wire::input::path_int;
use crate::wire::inventory::{self as wire, AlgorithmData, SelectionResultData, SourceItemData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/inventory/source-items",
            r"Magento\InventoryApi\Api\SourceItemRepositoryInterface::getList",
            &["Magento_InventoryApi::source"],
            source_items,
        ),
        Operation::get(
            "/V1/inventory/get-product-salable-quantity/{sku}/{stockId}",
            r"Magento\InventorySalesApi\Api\GetProductSalableQtyInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            salable_qty,
        ),
        Operation::get(
            "/V1/inventory/source-selection-algorithm-list",
            r"Magento\InventorySourceSelectionApi\Api\GetSourceSelectionAlgorithmListInterface::execute",
            &["Magento_InventorySourceSelectionApi::source_selection_algorithm"],
            algorithm_list,
        ),
        Operation::post(
            "/V1/inventory/source-selection-algorithm-result",
            r"Magento\InventorySourceSelectionApi\Api\SourceSelectionServiceInterface::execute",
            &["Magento_InventorySourceSelectionApi::source_selection_algorithm_post"],
            select_sources,
        )
        .input(crate::wire::inventory::check_selection_request),
    ]
}

async fn source_items(
    _: Admin<InventorySourceItem>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let (items, total) = db::inventory::search_source_items(&mut conn, &criteria).await?;
    Ok(search_results(
        items.iter().map(SourceItemData::from).collect(),
        criteria,
        total,
    ))
}

/// A bare JSON number, e.g. `9998`.
async fn salable_qty(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    PathParams((sku, stock_id)): PathParams<(String, String)>,
) -> Result<Response> {
    let qty = crate::inventory::salable_qty(&state.db, &sku, path_int(&stock_id)?).await?;
    Ok(json_response(StatusCode::OK, &qty))
}

async fn algorithm_list(_: Admin<SourceSelectionList>) -> Response {
    let list: Vec<AlgorithmData> = ALGORITHMS
        .iter()
        .map(|&(code, title, description)| AlgorithmData {
            code,
            title,
            description,
        })
        .collect();
    json_response(StatusCode::OK, &list)
}

/// Step 11 of the tutorial: `{"inventoryRequest": {...}, "algorithmCode": "priority"}`. Reads
/// only; nothing is reserved or deducted.
async fn select_sources(
    _: Admin<SourceSelectionRun>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (request, algorithm) = wire::parse_selection_request(&body)?;
    let result = inventory::select_sources(&state.db, &request, &algorithm).await?;
    Ok(json_response(
        StatusCode::OK,
        &SelectionResultData::from(&result),
    ))
}
