//! `/V1/products` (`Catalog/etc/webapi.xml`, ProductRepositoryInterface) and the downloadable
//! links of a product (`Downloadable/etc/webapi.xml`). Reads also answer under a store code
//! (`/rest/default/V1/products/{sku}`); magemu keeps no per-store attribute values, so every
//! store reads the same product.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{delete, get, put};
use axum::Router;

use crate::catalog;
use crate::error::Result;
use crate::http::extract::{Admin, Body, CatalogProducts, DownloadableLinks, PathParams, Search};
use crate::http::reply::{json_response, search_results};
use crate::wire::product::{self as wire, LinkData, ProductData};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/products", get(list).post(create))
        .route(
            "/rest/V1/products/{sku}",
            get(read).put(update).delete(delete_product),
        )
        .route(
            "/rest/V1/products/{sku}/downloadable-links",
            get(downloadable_links).post(add_link),
        )
        .route(
            "/rest/V1/products/{sku}/downloadable-links/{id}",
            put(update_link),
        )
        .route(
            "/rest/V1/products/downloadable-links/{id}",
            delete(delete_link),
        )
}

async fn read(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    let product = catalog::get(&state.db, &sku).await?;
    Ok(json_response(StatusCode::OK, &ProductData::from(&product)))
}

async fn list(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (products, total) = catalog::list(&state.db, &criteria).await?;
    Ok(search_results(
        products.iter().map(ProductData::from).collect(),
        criteria,
        total,
    ))
}

/// `ProductRepository::save`: the saved product as `get` reads it back.
async fn create(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_save(&body, None)?;
    let sku = catalog::save(&state.db, input).await?;
    let product = catalog::get(&state.db, &sku).await?;
    Ok(json_response(StatusCode::OK, &ProductData::from(&product)))
}

async fn update(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_save(&body, Some(&sku))?;
    let sku = catalog::save(&state.db, input).await?;
    let product = catalog::get(&state.db, &sku).await?;
    Ok(json_response(StatusCode::OK, &ProductData::from(&product)))
}

/// `ProductRepository::deleteById`: a bare `true`.
async fn delete_product(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    catalog::delete(&state.db, sku).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `LinkRepository::getList($sku)`: the links of a downloadable product, `[]` for others.
async fn downloadable_links(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    let product = catalog::get(&state.db, &sku).await?;
    let links: Vec<LinkData> = if product.row.type_id == "downloadable" {
        product.links.iter().map(LinkData::from).collect()
    } else {
        Vec::new()
    };
    Ok(json_response(StatusCode::OK, &links))
}

/// `LinkRepository::save` of a new link: its id, a bare number.
async fn add_link(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let link = wire::parse_link_save(&body, None)?;
    let id = catalog::save_link(&state.db, sku, link).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn update_link(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams((sku, id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    let link = wire::parse_link_save(&body, Some(&id))?;
    let id = catalog::save_link(&state.db, sku, link).await?;
    Ok(json_response(StatusCode::OK, &id))
}

/// `LinkRepository::delete`: a bare `true`.
async fn delete_link(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    catalog::delete_link(&state.db, crate::wire::input::path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}
