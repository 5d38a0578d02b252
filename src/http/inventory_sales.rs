//! Salability (`InventorySalesApi/etc/webapi.xml`), the stock exports
//! (`InventoryExportStockApi/etc/webapi.xml`) and the bulk operations
//! (`InventoryCatalogApi/etc/webapi.xml`).

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};
use crate::http::extract::{
    Admin, Body, CatalogProducts, InventorySalesStock, InventoryStock, PathParams,
};
use crate::http::reply::{eav_search_results, json_response};
use crate::http::routes::Operation;
use crate::inventory::bulk;
use crate::inventory::salability::{self, SalabilityError, StockIndexRow};
use crate::search::SearchCriteria;
use crate::wire::input::{self, param, path_int, to_int, At, Obj};
use crate::wire::inventory_master::{self as inventory_wire, required};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/inventory/is-product-salable/{sku}/{stockId}",
            r"Magento\InventorySalesApi\Api\IsProductSalableInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            is_salable,
        ),
        Operation::get(
            "/V1/inventory/is-product-salable-for-requested-qty/{sku}/{stockId}/{requestedQty}",
            r"Magento\InventorySalesApi\Api\IsProductSalableForRequestedQtyInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            is_salable_for_qty,
        ),
        Operation::get(
            "/V1/inventory/are-products-salable",
            r"Magento\InventorySalesApi\Api\AreProductsSalableInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            are_salable,
        ),
        Operation::get(
            "/V1/inventory/are-product-salable-for-requested-qty/",
            r"Magento\InventorySalesApi\Api\AreProductsSalableForRequestedQtyInterface::execute",
            &["Magento_InventorySalesApi::stock"],
            are_salable_for_qty,
        ),
        Operation::get(
            "/V1/inventory/export-stock-salable-qty/{salesChannelType}/{salesChannelCode}",
            r"Magento\InventoryExportStockApi\Api\ExportStockSalableQtyInterface::execute",
            &["Magento_InventoryApi::stock"],
            export_salable_qty,
        ),
        Operation::get(
            "/V1/inventory/dump-stock-index-data/{salesChannelType}/{salesChannelCode}",
            r"Magento\InventoryExportStockApi\Api\ExportStockIndexDataInterface::execute",
            &["Magento_InventoryApi::stock"],
            dump_stock_index,
        ),
        Operation::post(
            "/V1/inventory/bulk-product-source-assign",
            r"Magento\InventoryCatalogApi\Api\BulkSourceAssignInterface::execute",
            &["Magento_Catalog::products"],
            bulk_assign,
        )
        .input(|body| crate::wire::inventory_master::parse_bulk_assign(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/bulk-product-source-unassign",
            r"Magento\InventoryCatalogApi\Api\BulkSourceUnassignInterface::execute",
            &["Magento_Catalog::products"],
            bulk_unassign,
        )
        .input(|body| crate::wire::inventory_master::parse_bulk_assign(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/bulk-product-source-transfer",
            r"Magento\InventoryCatalogApi\Api\BulkInventoryTransferInterface::execute",
            &["Magento_Catalog::products"],
            bulk_transfer,
        )
        .input(|body| crate::wire::inventory_master::parse_bulk_transfer(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/bulk-partial-source-transfer",
            r"Magento\InventoryCatalogApi\Api\BulkPartialInventoryTransferInterface::execute",
            &["Magento_Catalog::products"],
            bulk_partial_transfer,
        )
        .input(|body| crate::wire::inventory_master::parse_partial_transfer(body).map(|_| ())),
    ]
}

/// `ProductSalabilityErrorInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-sales-api-data-product-salability-error-interface")]
pub(crate) struct ErrorData {
    code: &'static str,
    message: String,
}

fn errors_data(errors: Vec<SalabilityError>) -> Vec<ErrorData> {
    errors
        .into_iter()
        .map(|e| ErrorData {
            code: e.code,
            message: e.message,
        })
        .collect()
}

/// `ProductSalableResultInterface`: `isSalable()` prints as `salable`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-sales-api-data-product-salable-result-interface")]
pub(crate) struct SalableResultData {
    salable: bool,
    errors: Vec<ErrorData>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-sales-api-data-is-product-salable-result-interface")]
pub(crate) struct IsSalableData {
    sku: String,
    stock_id: i64,
    salable: bool,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "inventory-sales-api-data-is-product-salable-for-requested-qty-result-interface"
)]
pub(crate) struct IsSalableForQtyData {
    sku: String,
    stock_id: i64,
    salable: bool,
    errors: Vec<ErrorData>,
}

fn query_of(uri: &Uri) -> Map<String, Value> {
    crate::http::search::query_params(uri.query().unwrap_or(""))
}

async fn is_salable(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    PathParams((sku, stock)): PathParams<(String, String)>,
) -> Result<Response> {
    let stock = path_int(&stock)?;
    let mut conn = state.db.read.acquire().await?;
    let salable = salability::is_salable(&mut conn, &sku, stock).await?;
    Ok(json_response(StatusCode::OK, &salable))
}

fn path_qty(raw: &str) -> Result<Decimal> {
    Ok(input::to_amount(&Value::String(raw.to_owned()), At::Top)?.decimal())
}

async fn is_salable_for_qty(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    PathParams((sku, stock, qty)): PathParams<(String, String, String)>,
) -> Result<Response> {
    let stock = path_int(&stock)?;
    let qty = path_qty(&qty)?;
    let mut conn = state.db.read.acquire().await?;
    let errors = salability::salable_for_qty(&mut conn, &sku, stock, qty).await?;
    Ok(json_response(
        StatusCode::OK,
        &SalableResultData {
            salable: errors.is_empty(),
            errors: errors_data(errors),
        },
    ))
}

/// `?skus[]=A&skus[]=B&stockId=N`.
async fn are_salable(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Response> {
    let params = query_of(&uri);
    let skus = param(&params, "skus");
    let stock = param(&params, "stock_id");
    let (Some(skus), Some(stock)) = (skus, stock) else {
        let mut missing = Vec::new();
        if param(&params, "skus").is_none() {
            missing.push(crate::error::Phrase::named(
                crate::error::FIELD_REQUIRED,
                "fieldName",
                "skus",
            ));
        }
        if param(&params, "stock_id").is_none() {
            missing.push(crate::error::Phrase::named(
                crate::error::FIELD_REQUIRED,
                "fieldName",
                "stockId",
            ));
        }
        return Err(Error::aggregate(missing));
    };
    let stock_id = to_int(stock, At::Top)?;
    let skus_list = input::string_list(skus, &[])?;
    let mut conn = state.db.read.acquire().await?;
    let mut out = Vec::new();
    for sku in skus_list {
        let salable = salability::is_salable(&mut conn, &sku, stock_id).await?;
        out.push(IsSalableData {
            sku,
            stock_id,
            salable,
        });
    }
    Ok(json_response(StatusCode::OK, &out))
}

/// `?skuRequests[0][sku]=A&skuRequests[0][qty]=1&stockId=N`.
async fn are_salable_for_qty(
    _: Admin<InventorySalesStock>,
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Response> {
    let params = query_of(&uri);
    let requests = required(&params, "sku_requests", "skuRequests")?;
    let stock_id = to_int(required(&params, "stock_id", "stockId")?, At::Top)?;
    let mut asked = Vec::new();
    for request in input::list(requests)? {
        let o = Obj::new(request, &["sku", "qty", "extension_attributes"])?;
        let sku = o.string("sku")?.unwrap_or_default();
        let qty = o.amount("qty")?.unwrap_or_default().decimal();
        asked.push((sku, qty));
    }
    let mut conn = state.db.read.acquire().await?;
    let mut out = Vec::new();
    for (sku, qty) in asked {
        let errors = salability::salable_for_qty(&mut conn, &sku, stock_id, qty).await?;
        out.push(IsSalableForQtyData {
            sku,
            stock_id,
            salable: errors.is_empty(),
            errors: errors_data(errors),
        });
    }
    Ok(json_response(StatusCode::OK, &out))
}

/// `ProductStockIndexDataInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-export-stock-api-data-product-stock-index-data-interface")]
pub(crate) struct IndexRowData {
    sku: String,
    qty: crate::amount::Amount,
    is_salable: bool,
}

fn index_data(rows: Vec<StockIndexRow>) -> Vec<IndexRowData> {
    rows.into_iter()
        .map(|r| IndexRowData {
            sku: r.sku,
            qty: r.qty,
            is_salable: r.is_salable,
        })
        .collect()
}

/// `ExportStockSalableQtyBySalesChannel::execute`: the catalog's products as
/// `ProductRepository::getList` pages them by `searchCriteria` (its filters, sort orders and
/// page), each with its salable quantity at the channel's stock; `total_count` is the number
/// of rows on the page (`setTotalCount(count($items))`).
async fn export_salable_qty(
    _: Admin<InventoryStock>,
    State(state): State<AppState>,
    PathParams((kind, code)): PathParams<(String, String)>,
    uri: Uri,
) -> Result<Response> {
    let criteria: SearchCriteria = crate::http::search::from_query(uri.query().unwrap_or(""))?
        .ok_or_else(|| Error::required("searchCriteria"))?;
    let stock_id = salability::channel_stock(&state.db, &kind, &code).await?;
    let (products, _) = crate::catalog::list(&state.db, &criteria).await?;
    let skus: Vec<String> = products.into_iter().map(|p| p.row.sku).collect();
    let items = index_data(salability::export_rows(&state.db, stock_id, &skus).await?);
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    // The products' criteria, as ProductRepository's EAV processor left them.
    Ok(eav_search_results(items, criteria, total))
}

async fn dump_stock_index(
    _: Admin<InventoryStock>,
    State(state): State<AppState>,
    PathParams((kind, code)): PathParams<(String, String)>,
) -> Result<Response> {
    let rows = salability::stock_index(&state.db, &kind, &code).await?;
    Ok(json_response(StatusCode::OK, &index_data(rows)))
}

/// `{"skus": [...], "sourceCodes": [...]}`: the number of assignments made.
async fn bulk_assign(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (skus, sources) = inventory_wire::parse_bulk_assign(&body)?;
    let count = bulk::assign(&state.db, skus, sources).await?;
    Ok(json_response(StatusCode::OK, &count))
}

async fn bulk_unassign(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (skus, sources) = inventory_wire::parse_bulk_assign(&body)?;
    let count = bulk::unassign(&state.db, skus, sources).await?;
    Ok(json_response(StatusCode::OK, &count))
}

/// Step 13a: `{"skus", "originSource", "destinationSource", "unassignFromOrigin"}` → `true`.
async fn bulk_transfer(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let t = inventory_wire::parse_bulk_transfer(&body)?;
    let done = bulk::transfer(&state.db, t.skus, t.origin, t.destination, t.unassign).await?;
    Ok(json_response(StatusCode::OK, &done))
}

/// `PartialInventoryTransferItemInterface` as [`bulk_partial_transfer`] reads it, for the
/// schema.
pub(crate) fn partial_transfer_item_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": { "sku": { "type": "string" }, "qty": { "type": "number" } }
    })
}

/// Step 13b: `{"originSourceCode", "destinationSourceCode", "items": [{"sku","qty"}]}` → `[]`.
async fn bulk_partial_transfer(
    _: Admin<CatalogProducts>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (origin, destination, items) = inventory_wire::parse_partial_transfer(&body)?;
    bulk::partial_transfer(&state.db, origin, destination, items).await?;
    Ok(json_response(StatusCode::OK, &json!([])))
}
