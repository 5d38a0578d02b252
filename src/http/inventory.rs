//! `GET /V1/inventory/source-items` and `GET /V1/inventory/get-product-salable-quantity/{sku}/{stockId}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use crate::db;
use crate::http::error::{json_response, Result};
use crate::http::extract::{Admin, InventorySalableQty, InventorySourceItem, PathParams, Search};
use crate::http::input::path_int;
use crate::search::SearchResults;
use crate::wire::inventory::SourceItemData;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/inventory/source-items", get(source_items))
        .route(
            "/rest/V1/inventory/get-product-salable-quantity/{sku}/{stockId}",
            get(salable_qty),
        )
}

async fn source_items(
    _: Admin<InventorySourceItem>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let (items, total) = db::inventory::search_source_items(&mut conn, &criteria).await?;
    let results = SearchResults {
        items: items.iter().map(SourceItemData::from).collect(),
        search_criteria: criteria,
        total_count: total,
    };
    Ok(json_response(StatusCode::OK, &results))
}

/// A bare JSON number, e.g. `9998`.
async fn salable_qty(
    _: Admin<InventorySalableQty>,
    State(state): State<AppState>,
    PathParams((sku, stock_id)): PathParams<(String, String)>,
) -> Result<Response> {
    let qty = crate::inventory::salable_qty(&state.db, &sku, path_int(&stock_id)?).await?;
    Ok(json_response(StatusCode::OK, &qty))
}
