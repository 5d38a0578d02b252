//! MSI master data routes (`InventoryApi/etc/webapi.xml`): sources, stocks, stock-source links,
//! source item saves and deletes, and the stock resolver (`InventorySalesApi/etc/webapi.xml`).
//! Void service methods answer `[]`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use crate::db::inventory_master as store;
use crate::error::Result;
use crate::http::extract::{
    Admin, Body, InventorySalesStock, InventorySourceEdit, InventorySourceItem,
    InventorySourceItemAssign, InventoryStock, InventoryStockDelete, InventoryStockEdit,
    InventoryStockSourceLink, PathParams, Search,
};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::inventory::master;
use crate::search::SearchCriteria;
use crate::wire::input::path_int;
use crate::wire::inventory_master::{self as wire, LinkData, SourceData, StockData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/inventory/sources",
            r"Magento\InventoryApi\Api\SourceRepositoryInterface::getList",
            &["Magento_InventoryApi::source"],
            list_sources,
        ),
        Operation::post(
            "/V1/inventory/sources",
            r"Magento\InventoryApi\Api\SourceRepositoryInterface::save",
            &["Magento_InventoryApi::source_edit"],
            post_source,
        )
        .input(|body| crate::wire::inventory_master::parse_source(body, None).map(|_| ())),
        Operation::get(
            "/V1/inventory/sources/{sourceCode}",
            r"Magento\InventoryApi\Api\SourceRepositoryInterface::get",
            &["Magento_InventoryApi::source"],
            get_source,
        ),
        Operation::put(
            "/V1/inventory/sources/{sourceCode}",
            r"Magento\InventoryApi\Api\SourceRepositoryInterface::save",
            &["Magento_InventoryApi::source_edit"],
            put_source,
        )
        .input(|body| crate::wire::inventory_master::parse_source(body, None).map(|_| ())),
        Operation::get(
            "/V1/inventory/stocks",
            r"Magento\InventoryApi\Api\StockRepositoryInterface::getList",
            &["Magento_InventoryApi::stock"],
            list_stocks,
        ),
        Operation::post(
            "/V1/inventory/stocks",
            r"Magento\InventoryApi\Api\StockRepositoryInterface::save",
            &["Magento_InventoryApi::stock_edit"],
            post_stock,
        )
        .input(|body| crate::wire::inventory_master::parse_stock(body, None).map(|_| ())),
        Operation::get(
            "/V1/inventory/stocks/{stockId}",
            r"Magento\InventoryApi\Api\StockRepositoryInterface::get",
            &["Magento_InventoryApi::stock"],
            get_stock,
        ),
        Operation::put(
            "/V1/inventory/stocks/{stockId}",
            r"Magento\InventoryApi\Api\StockRepositoryInterface::save",
            &["Magento_InventoryApi::stock_edit"],
            put_stock,
        )
        .input(|body| crate::wire::inventory_master::parse_stock(body, None).map(|_| ())),
        Operation::delete(
            "/V1/inventory/stocks/{stockId}",
            r"Magento\InventoryApi\Api\StockRepositoryInterface::deleteById",
            &["Magento_InventoryApi::stock_delete"],
            delete_stock,
        ),
        Operation::get(
            "/V1/inventory/stock-source-links",
            r"Magento\InventoryApi\Api\GetStockSourceLinksInterface::execute",
            &["Magento_InventoryApi::stock_source_link"],
            list_links,
        ),
        Operation::post(
            "/V1/inventory/stock-source-links",
            r"Magento\InventoryApi\Api\StockSourceLinksSaveInterface::execute",
            &["Magento_InventoryApi::stock_source_link"],
            save_links,
        )
        .input(|body| crate::wire::inventory_master::parse_links(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/stock-source-links-delete",
            r"Magento\InventoryApi\Api\StockSourceLinksDeleteInterface::execute",
            &["Magento_InventoryApi::stock_source_link"],
            delete_links,
        )
        .input(|body| crate::wire::inventory_master::parse_links(body).map(|_| ())),
        Operation::get(
            "/V1/inventory/get-sources-assigned-to-stock-ordered-by-priority/{stockId}",
            r"Magento\InventoryApi\Api\GetSourcesAssignedToStockOrderedByPriorityInterface::execute",
            &["Magento_InventoryApi::source"],
            sources_of_stock,
        ),
        Operation::post(
            "/V1/inventory/source-items",
            r"Magento\InventoryApi\Api\SourceItemsSaveInterface::execute",
            &["Magento_InventoryApi::stock_source_item_assign"],
            save_source_items,
        )
        .input(|body| wire::parse_source_items(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/source-items-delete",
            r"Magento\InventoryApi\Api\SourceItemsDeleteInterface::execute",
            &["Magento_InventoryApi::stock_source_item_assign"],
            delete_source_items,
        )
        .input(|body| crate::wire::inventory_master::parse_source_items(body).map(|_| ())),
        Operation::get(
            "/V1/inventory/stock-resolver/{type}/{code}",
            r"Magento\InventorySalesApi\Api\StockResolverInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            stock_resolver,
        ),
    ]
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
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_source(&body, None)?;
    master::save_source(&state.db, input).await?;
    Ok(void())
}

async fn put_source(
    _: Admin<InventorySourceEdit>,
    State(state): State<AppState>,
    PathParams(code): PathParams<String>,
    Body(body): Body,
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
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_stock(&body, None)?;
    let id = master::save_stock(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn put_stock(
    _: Admin<InventoryStockEdit>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
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
    Body(body): Body,
) -> Result<Response> {
    master::save_links(&state.db, wire::parse_links(&body)?).await?;
    Ok(void())
}

async fn delete_links(
    _: Admin<InventoryStockSourceLink>,
    State(state): State<AppState>,
    Body(body): Body,
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
    Body(body): Body,
) -> Result<Response> {
    master::save_source_items(&state.db, wire::parse_source_items(&body)?).await?;
    Ok(void())
}

async fn delete_source_items(
    _: Admin<InventorySourceItemAssign>,
    State(state): State<AppState>,
    Body(body): Body,
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
