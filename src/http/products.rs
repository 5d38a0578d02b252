//! `/V1/products` (`Catalog/etc/webapi.xml`, ProductRepositoryInterface) and the downloadable
//! links and samples of a product (`Downloadable/etc/webapi.xml`). Reads also answer under a store code
//! (`/rest/default/V1/products/{sku}`); magemu keeps no per-store attribute values, so every
//! store reads the same product.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::catalog;
use crate::error::Result;
use crate::http::extract::{
    Admin, Body, Catalog, CatalogProducts, DownloadableLinks, PathParams, Search,
};
use crate::http::reply::{eav_search_results, json_response};
use crate::http::routes::Operation;
use crate::wire::price::{self, BasePriceData};
use crate::wire::product::{self as wire, LinkData, ProductData, SampleData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/products",
            r"Magento\Catalog\Api\ProductRepositoryInterface::getList",
            &["Magento_Catalog::products"],
            list,
        ),
        Operation::post(
            "/V1/products",
            r"Magento\Catalog\Api\ProductRepositoryInterface::save",
            &["Magento_Catalog::products"],
            create,
        )
        .input(|body| wire::parse_save(body, None).map(|_| ())),
        Operation::get(
            "/V1/products/types",
            r"Magento\Catalog\Api\ProductTypeListInterface::getProductTypes",
            &["Magento_Catalog::products"],
            types,
        ),
        Operation::get(
            "/V1/products/{sku}",
            r"Magento\Catalog\Api\ProductRepositoryInterface::get",
            &["Magento_Catalog::products"],
            read,
        ),
        Operation::put(
            "/V1/products/{sku}",
            r"Magento\Catalog\Api\ProductRepositoryInterface::save",
            &["Magento_Catalog::products"],
            update,
        )
        .input(|body| wire::parse_save(body, None).map(|_| ())),
        Operation::delete(
            "/V1/products/{sku}",
            r"Magento\Catalog\Api\ProductRepositoryInterface::deleteById",
            &["Magento_Catalog::products"],
            delete_product,
        ),
        Operation::post(
            "/V1/products/base-prices-information",
            r"Magento\Catalog\Api\BasePriceStorageInterface::get",
            &["Magento_Catalog::catalog"],
            base_prices,
        )
        .input(|body| crate::wire::price::parse_skus(body).map(|_| ())),
        Operation::post(
            "/V1/products/base-prices",
            r"Magento\Catalog\Api\BasePriceStorageInterface::update",
            &["Magento_Catalog::catalog"],
            update_base_prices,
        )
        .input(|body| crate::wire::price::parse_base_prices(body).map(|_| ())),
        Operation::get(
            "/V1/products/{sku}/downloadable-links",
            r"Magento\Downloadable\Api\LinkRepositoryInterface::getList",
            &["Magento_Downloadable::downloadable"],
            downloadable_links,
        ),
        Operation::post(
            "/V1/products/{sku}/downloadable-links",
            r"Magento\Downloadable\Api\LinkRepositoryInterface::save",
            &["Magento_Downloadable::downloadable"],
            add_link,
        )
        .input(|body| crate::wire::product::parse_link_save(body, None).map(|_| ())),
        Operation::put(
            "/V1/products/{sku}/downloadable-links/{id}",
            r"Magento\Downloadable\Api\LinkRepositoryInterface::save",
            &["Magento_Downloadable::downloadable"],
            update_link,
        )
        .input(|body| crate::wire::product::parse_link_save(body, None).map(|_| ())),
        Operation::delete(
            "/V1/products/downloadable-links/{id}",
            r"Magento\Downloadable\Api\LinkRepositoryInterface::delete",
            &["Magento_Downloadable::downloadable"],
            delete_link,
        ),
        Operation::get(
            "/V1/products/{sku}/downloadable-links/samples",
            r"Magento\Downloadable\Api\SampleRepositoryInterface::getList",
            &["Magento_Downloadable::downloadable"],
            samples,
        ),
        Operation::post(
            "/V1/products/{sku}/downloadable-links/samples",
            r"Magento\Downloadable\Api\SampleRepositoryInterface::save",
            &["Magento_Downloadable::downloadable"],
            add_sample,
        )
        .input(|body| crate::wire::product::parse_sample_save(body, None).map(|_| ())),
        Operation::put(
            "/V1/products/{sku}/downloadable-links/samples/{id}",
            r"Magento\Downloadable\Api\SampleRepositoryInterface::save",
            &["Magento_Downloadable::downloadable"],
            update_sample,
        )
        .input(|body| crate::wire::product::parse_sample_save(body, None).map(|_| ())),
        Operation::delete(
            "/V1/products/downloadable-links/samples/{id}",
            r"Magento\Downloadable\Api\SampleRepositoryInterface::delete",
            &["Magento_Downloadable::downloadable"],
            delete_sample,
        ),
    ]
}

/// `ProductTypeList::getProductTypes`: the installed product types.
async fn types(_: Admin<CatalogProducts>) -> Response {
    let data: Vec<wire::ProductTypeData> = catalog::INSTALLED_TYPES
        .iter()
        .map(|&(name, label)| wire::ProductTypeData { name, label })
        .collect();
    json_response(StatusCode::OK, &data)
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
    Ok(eav_search_results(
        products.iter().map(ProductData::listed).collect(),
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

/// `BasePriceStorage::get`: `BasePriceInterface[]` of the known SKUs.
async fn base_prices(
    _: Admin<Catalog>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let skus = price::parse_skus(&body)?;
    let prices = catalog::prices::get(&state.db, skus).await?;
    let data: Vec<BasePriceData> = prices.iter().map(BasePriceData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

/// `BasePriceStorage::update`: `PriceUpdateResultInterface[]` of the prices not saved, `[]`
/// when every one was.
async fn update_base_prices(
    _: Admin<Catalog>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let prices = price::parse_base_prices(&body)?;
    let failures = catalog::prices::update(&state.db, prices).await?;
    let data: Vec<_> = failures.iter().map(price::update_result).collect();
    Ok(json_response(StatusCode::OK, &data))
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
    let id = catalog::downloadable::save_link(&state.db, sku, link).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn update_link(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams((sku, id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    let link = wire::parse_link_save(&body, Some(&id))?;
    let id = catalog::downloadable::save_link(&state.db, sku, link).await?;
    Ok(json_response(StatusCode::OK, &id))
}

/// `LinkRepository::delete`: a bare `true`.
async fn delete_link(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    catalog::downloadable::delete_link(&state.db, crate::wire::input::path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `SampleRepository::getList($sku)`: the product's samples (`Type::getSamples`, whatever its
/// type).
async fn samples(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    let product = catalog::get(&state.db, &sku).await?;
    let samples: Vec<SampleData> = product.samples.iter().map(SampleData::from).collect();
    Ok(json_response(StatusCode::OK, &samples))
}

/// `SampleRepository::save` of a new sample: its id, a bare number.
async fn add_sample(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let sample = wire::parse_sample_save(&body, None)?;
    let id = catalog::downloadable::save_sample(&state.db, sku, sample).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn update_sample(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams((sku, id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    let sample = wire::parse_sample_save(&body, Some(&id))?;
    let id = catalog::downloadable::save_sample(&state.db, sku, sample).await?;
    Ok(json_response(StatusCode::OK, &id))
}

/// `SampleRepository::delete`: a bare `true`.
async fn delete_sample(
    _: Admin<DownloadableLinks>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    catalog::downloadable::delete_sample(&state.db, crate::wire::input::path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}
