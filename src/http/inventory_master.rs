//! MSI master data routes (`InventoryApi/etc/webapi.xml`): sources, stocks, stock-source links,
//! source item saves and deletes, and the stock resolver (`InventorySalesApi/etc/webapi.xml`).
//! Void service methods answer `[]`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::db::inventory_master as store;
use crate::error::Result;
use crate::http::extract::{
    Admin, InventorySalesStock, InventorySourceEdit, InventorySourceItem,
    InventorySourceItemAssign, InventoryStock, InventoryStockDelete, InventoryStockEdit,
    InventoryStockSourceLink, Params, PathParams, Search,
};
use crate::http::reply::{json_response, search_results};
use crate::inventory::master;
use crate::search::SearchCriteria;
use crate::wire::input::path_int;
use crate::wire::inventory_master::{self as wire, LinkData, SourceData, StockData};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/rest/V1/inventory/sources",
            get(list_sources).post(post_source),
        )
        .route(
            "/rest/V1/inventory/sources/{sourceCode}",
            get(get_source).put(put_source),
        )
        .route(
            "/rest/V1/inventory/stocks",
            get(list_stocks).post(post_stock),
        )
        .route(
            "/rest/V1/inventory/stocks/{stockId}",
            get(get_stock).put(put_stock).delete(delete_stock),
        )
        .route(
            "/rest/V1/inventory/stock-source-links",
            get(list_links).post(save_links),
        )
        .route(
            "/rest/V1/inventory/stock-source-links-delete",
            post(delete_links),
        )
        .route(
            "/rest/V1/inventory/get-sources-assigned-to-stock-ordered-by-priority/{stockId}",
            get(sources_of_stock),
        )
        .route("/rest/V1/inventory/source-items", post(save_source_items))
        .route(
            "/rest/V1/inventory/source-items-delete",
            post(delete_source_items),
        )
        .route(
            "/rest/V1/inventory/stock-resolver/{type}/{code}",
            get(stock_resolver),
        )
}

fn void() -> Response {
    json_response(StatusCode::OK, &json!([]))
}

/// `searchCriteria` is optional on the repositories' getList: none lists everything.
fn optional_criteria(uri: &axum::http::Uri) -> Result<SearchCriteria> {
    Ok(crate::http::search::from_query(uri.query().unwrap_or(""))?.unwrap_or_default())
}

async fn list_sources(
    _: Admin<InventorySourceItem>,
    State(state): State<AppState>,
    uri: axum::http::Uri,
) -> Result<Response> {
    let criteria = optional_criteria(&uri)?;
    let mut conn = state.db.read.acquire().await?;
    let (rows, total) = store::search_sources(&mut conn, &criteria).await?;
    Ok(search_results(
        rows.iter().map(SourceData::from).collect(),
        criteria,
        total,
    ))
}

async fn get_source(
    _: Admin<InventorySourceItem>,
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Response> {
    let source = master::get_source(&state.db, &code).await?;
    Ok(json_response(StatusCode::OK, &SourceData::from(&source)))
}

async fn post_source(
    _: Admin<InventorySourceEdit>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    let input = wire::parse_source(&body, None)?;
    master::save_source(&state.db, input).await?;
    Ok(void())
}

async fn put_source(
    _: Admin<InventorySourceEdit>,
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
    Params(body): Params,
) -> Result<Response> {
    let input = wire::parse_source(&body, Some(&code))?;
    master::save_source(&state.db, input).await?;
    Ok(void())
}

async fn list_stocks(
    _: Admin<InventoryStock>,
    State(state): State<AppState>,
    uri: axum::http::Uri,
) -> Result<Response> {
    let criteria = optional_criteria(&uri)?;
    let mut conn = state.db.read.acquire().await?;
    let (rows, total) = store::search_stocks(&mut conn, &criteria).await?;
    let mut items = Vec::with_capacity(rows.len());
    for stock in rows {
        items.push(StockData::from(
            &master::with_channels(&mut conn, stock).await?,
        ));
    }
    Ok(search_results(items, criteria, total))
}

async fn get_stock(
    _: Admin<InventoryStock>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let stock = master::get_stock(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &StockData::from(&stock)))
}

/// The saved stock's id, a bare JSON integer.
async fn post_stock(
    _: Admin<InventoryStockEdit>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    let input = wire::parse_stock(&body, None)?;
    let id = master::save_stock(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn put_stock(
    _: Admin<InventoryStockEdit>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Params(body): Params,
) -> Result<Response> {
    let id = path_int(&id)?;
    let input = wire::parse_stock(&body, Some(id))?;
    let id = master::save_stock(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn delete_stock(
    _: Admin<InventoryStockDelete>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    master::delete_stock(&state.db, path_int(&id)?).await?;
    Ok(void())
}

async fn list_links(
    _: Admin<InventoryStockSourceLink>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let (rows, total) = store::search_links(&mut conn, &criteria).await?;
    Ok(search_results(
        rows.iter().map(LinkData::from).collect(),
        criteria,
        total,
    ))
}

async fn save_links(
    _: Admin<InventoryStockSourceLink>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    master::save_links(&state.db, wire::parse_links(&body)?).await?;
    Ok(void())
}

async fn delete_links(
    _: Admin<InventoryStockSourceLink>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    master::delete_links(&state.db, wire::parse_links(&body)?).await?;
    Ok(void())
}

/// `[]` for a stock that does not exist.
async fn sources_of_stock(
    _: Admin<InventorySourceItem>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    let mut conn = state.db.read.acquire().await?;
    let sources = store::sources_of_stock(&mut conn, id).await?;
    let data: Vec<SourceData> = sources.iter().map(SourceData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

async fn save_source_items(
    _: Admin<InventorySourceItemAssign>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    master::save_source_items(&state.db, wire::parse_source_items(&body)?).await?;
    Ok(void())
}

async fn delete_source_items(
    _: Admin<InventorySourceItemAssign>,
    State(state): State<AppState>,
    Params(body): Params,
) -> Result<Response> {
    master::delete_source_items(&state.db, wire::parse_source_items(&body)?).await?;
    Ok(void())
}

async fn stock_resolver(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    PathParams((kind, code)): PathParams<(String, String)>,
) -> Result<Response> {
    let stock = master::resolve_stock(&state.db, &kind, &code).await?;
    Ok(json_response(StatusCode::OK, &StockData::from(&stock)))
}
