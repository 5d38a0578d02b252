//! The rest of MSI's routes: low-quantity notification settings
//! (`InventoryLowQuantityNotificationApi/etc/webapi.xml`), in-store pickup
//! (`InventoryInStorePickupApi`, `InventoryInStorePickupSalesApi`), the distance lookups
//! (`InventoryDistanceBasedSourceSelectionApi`), and the legacy stock routes
//! (`CatalogInventory/etc/webapi.xml`).

use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::amount::Amount;
use crate::error::{Error, Result};
use crate::http::extract::{
    Admin, Body, CatalogInventory, InventorySourceItem, LowQuantityNotification,
    LowQuantityNotificationDelete, LowQuantityNotificationSave, NotifyPickup, PathParams,
};
use crate::http::reply::json_response;
use crate::http::routes::{Operation, ANONYMOUS};
use crate::inventory::legacy::{self, LegacyItem};
use crate::inventory::{low_quantity, pickup};
use crate::wire::input::{self, param, to_int, At};
use crate::wire::inventory_master::required;
use crate::wire::pickup as pickup_wire;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/inventory/low-quantity-notification/{sourceCode}/{sku}",
            r"Magento\InventoryLowQuantityNotificationApi\Api\GetSourceItemConfigurationInterface::execute",
            &["Magento_InventoryLowQuantityNotificationApi::low_quantity_notification"],
            get_notification,
        ),
        Operation::post(
            "/V1/inventory/low-quantity-notification",
            r"Magento\InventoryLowQuantityNotificationApi\Api\SourceItemConfigurationsSaveInterface::execute",
            &["Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification"],
            save_notifications,
        )
        .input(|body| crate::wire::inventory_master::parse_notification_configs(body).map(|_| ())),
        Operation::post(
            "/V1/inventory/low-quantity-notifications-delete",
            r"Magento\InventoryLowQuantityNotificationApi\Api\DeleteSourceItemsConfigurationInterface::execute",
            &["Magento_InventoryLowQuantityNotificationApi::stock_delete_low_quantity_notification"],
            delete_notifications,
        )
        .input(|body| crate::wire::inventory_master::parse_source_items(body).map(|_| ())),
        Operation::get(
            "/V1/inventory/in-store-pickup/pickup-locations/",
            r"Magento\InventoryInStorePickupApi\Api\GetPickupLocationsInterface::execute",
            &[ANONYMOUS],
            pickup_locations_get,
        ),
        Operation::post(
            "/V1/inventory/in-store-pickup/pickup-locations/",
            r"Magento\InventoryInStorePickupApi\Api\GetPickupLocationsInterface::execute",
            &[ANONYMOUS],
            pickup_locations_post,
        )
        .input(|body| crate::wire::pickup::parse_search_params(body).map(|_| ())),
        Operation::post(
            "/V1/order/notify-orders-are-ready-for-pickup",
            r"Magento\InventoryInStorePickupSalesApi\Api\NotifyOrdersAreReadyForPickupInterface::execute",
            &["Magento_InventoryInStorePickupApi::notify_orders_are_ready_for_pickup"],
            notify_pickup,
        )
        .input(|body| crate::wire::inventory_master::parse_order_ids(body).map(|_| ())),
        Operation::get(
            "/V1/inventory/get-distance-provider-code",
            r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceProviderCodeInterface::execute",
            &["Magento_InventoryApi::source"],
            distance_provider,
        ),
        Operation::get(
            "/V1/inventory/get-distance",
            r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetDistanceInterface::execute",
            &["Magento_InventoryApi::source"],
            geo_lookup,
        ),
        Operation::get(
            "/V1/inventory/get-latlng-from-address",
            r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatLngFromAddressInterface::execute",
            &["Magento_InventoryApi::source"],
            geo_lookup,
        ),
        Operation::get(
            "/V1/inventory/get-latslngs-from-address",
            r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\GetLatsLngsFromAddressInterface::execute",
            &["Magento_InventoryApi::source"],
            geo_lookup,
        ),
        Operation::get(
            "/V1/stockItems/lowStock/",
            r"Magento\CatalogInventory\Api\StockRegistryInterface::getLowStockItems",
            &["Magento_Catalog::catalog_inventory"],
            low_stock,
        ),
        Operation::get(
            "/V1/stockItems/{productSku}",
            r"Magento\CatalogInventory\Api\StockRegistryInterface::getStockItemBySku",
            &["Magento_Catalog::catalog_inventory"],
            stock_item,
        ),
        Operation::get(
            "/V1/stockStatuses/{productSku}",
            r"Magento\CatalogInventory\Api\StockRegistryInterface::getStockStatusBySku",
            &["Magento_Catalog::catalog_inventory"],
            stock_status,
        ),
        Operation::put(
            "/V1/products/{productSku}/stockItems/{itemId}",
            r"Magento\CatalogInventory\Api\StockRegistryInterface::updateStockItemBySku",
            &["Magento_Catalog::catalog_inventory"],
            update_stock_item,
        )
        .input(|body| crate::wire::product::parse_stock_item_save(body).map(|_| ())),
    ]
}

/// `SourceItemConfigurationInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "inventory-low-quantity-notification-api-data-source-item-configuration-interface"
)]
pub(crate) struct NotificationData {
    source_code: String,
    notify_stock_qty: Option<Amount>,
    sku: String,
}

async fn get_notification(
    _: Admin<LowQuantityNotification>,
    State(state): State<AppState>,
    PathParams((code, sku)): PathParams<(String, String)>,
) -> Result<Response> {
    let row = low_quantity::get(&state.db, &code, &sku).await?;
    Ok(json_response(
        StatusCode::OK,
        &NotificationData {
            source_code: row.source_code,
            notify_stock_qty: row.notify_stock_qty,
            sku: row.sku,
        },
    ))
}

/// `{"sourceItemConfigurations": [{"source_code","sku","notify_stock_qty"}]}` → `[]`.
async fn save_notifications(
    _: Admin<LowQuantityNotificationSave>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let rows = crate::wire::inventory_master::parse_notification_configs(&body)?;
    low_quantity::save(&state.db, rows).await?;
    Ok(json_response(StatusCode::OK, &json!([])))
}

/// `{"sourceItems": [{"sku","source_code"}]}` → `[]`.
async fn delete_notifications(
    _: Admin<LowQuantityNotificationDelete>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let items = crate::wire::inventory_master::parse_source_items(&body)?;
    let pairs = items
        .into_iter()
        .map(|i| (i.source_code.unwrap_or_default(), i.sku.unwrap_or_default()))
        .collect();
    low_quantity::delete(&state.db, pairs).await?;
    Ok(json_response(StatusCode::OK, &json!([])))
}

async fn pickup_locations_get(State(state): State<AppState>, uri: Uri) -> Result<Response> {
    let params = crate::http::search::query_params(uri.query().unwrap_or(""));
    pickup_locations(&state, &params).await
}

async fn pickup_locations_post(
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    pickup_locations(&state, &body).await
}

/// An anonymous route: `searchRequest` with area, filters, scope, paging and products.
async fn pickup_locations(state: &AppState, params: &Map<String, Value>) -> Result<Response> {
    let request = pickup_wire::parse_search_params(params)?;
    let result = pickup::search(&state.db, &request).await?;
    Ok(json_response(
        StatusCode::OK,
        &pickup_wire::result_json(&request, &result),
    ))
}

/// `{"orderIds": [...]}` → `{"successful": bool, "errors": [{"id","message"}]}`.
async fn notify_pickup(
    _: Admin<NotifyPickup>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let ids = crate::wire::inventory_master::parse_order_ids(&body)?;
    let errors = crate::sales::pickup::notify_orders(&state.db, &ids).await?;
    let errors: Vec<Value> = errors
        .into_iter()
        .map(|(id, message)| json!({"id": id, "message": message}))
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({"successful": errors.is_empty(), "errors": errors}),
    ))
}

/// `GetDistanceProviderCodeInterface`: the configured provider, `google` by default
/// (`InventoryDistanceBasedSourceSelection/etc/config.xml`).
async fn distance_provider(_: Admin<InventorySourceItem>) -> Response {
    json_response(StatusCode::OK, &pickup::DISTANCE_PROVIDER)
}

/// The Google provider without an API key: every lookup fails with Google's refusal, which
/// the provider throws as a `LocalizedException` (400).
async fn geo_lookup(_: Admin<InventorySourceItem>) -> Result<Response> {
    Err(Error::input(pickup::NO_API_KEY))
}

/// `StockStatusInterface` as [`stock_status`] writes it, for the schema.
pub(crate) fn stock_status_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let item = g.subschema_for::<crate::wire::product::StockItemData>();
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "product_id": { "type": "integer" },
            "stock_id": { "type": "integer" },
            "qty": { "type": "integer" },
            "stock_status": { "type": "integer" },
            "stock_item": item
        },
        "required": ["product_id", "stock_id", "qty", "stock_status", "stock_item"]
    })
}

/// `StockItemCollectionInterface` as [`low_stock`] writes it, for the schema.
pub(crate) fn stock_item_collection_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let item = g.subschema_for::<crate::wire::product::StockItemData>();
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "items": { "type": "array", "items": item },
            "search_criteria": {
                "type": "object",
                "properties": {
                    "mapper_interface_name": { "type": "string" },
                    "criteria_list": { "type": "array", "items": {} },
                    "filters": { "type": "array", "items": { "type": "string" } },
                    "orders": { "type": "array", "items": { "type": "string" } },
                    "limit": { "type": "array", "items": { "type": "string" } }
                },
                "required": ["mapper_interface_name", "criteria_list", "filters", "orders", "limit"]
            },
            "total_count": { "type": "integer" }
        },
        "required": ["items", "search_criteria", "total_count"]
    })
}

/// In-Store Pickup's `ResultInterface` as [`notify_pickup`] writes it, for the schema.
pub(crate) fn notify_result_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "successful": { "type": "boolean" },
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": { "type": "integer" },
                        "message": { "type": "string" }
                    },
                    "required": ["id", "message"]
                }
            }
        },
        "required": ["successful", "errors"]
    })
}

/// `LatLngInterface`: what [`geo_lookup`] would answer (it refuses, as the keyless Google
/// provider does) and what the distance service takes, for the schema.
pub(crate) fn lat_lng_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "properties": { "lat": { "type": "number" }, "lng": { "type": "number" } },
        "required": ["lat", "lng"]
    })
}

/// `StockItemInterface` as the legacy API prints it.
fn stock_item_json(item: &LegacyItem) -> Value {
    serde_json::to_value(crate::wire::product::StockItemData::of_legacy(item)).unwrap_or_default()
}

async fn stock_item(
    _: Admin<CatalogInventory>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    let (_, item) = legacy::get(&state.db, &sku).await?;
    Ok(json_response(StatusCode::OK, &stock_item_json(&item)))
}

/// `StockStatusInterface`: product, stock 1 (the legacy status row's), MSI's salable quantity
/// and salability for the website (`legacy::stock_status`), the legacy item.
async fn stock_status(
    _: Admin<CatalogInventory>,
    State(state): State<AppState>,
    PathParams(sku): PathParams<String>,
) -> Result<Response> {
    let (product, item, salable, qty) = legacy::stock_status(&state.db, &sku).await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "product_id": product.entity_id,
            "stock_id": 1,
            "qty": qty,
            "stock_status": i64::from(salable),
            "stock_item": stock_item_json(&item)
        }),
    ))
}

/// `?scopeId=0&qty=10&currentPage=1&pageSize=0`.
async fn low_stock(
    _: Admin<CatalogInventory>,
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Response> {
    let params = crate::http::search::query_params(uri.query().unwrap_or(""));
    let mut missing = Vec::new();
    for (name, shown) in [("scope_id", "scopeId"), ("qty", "qty")] {
        if param(&params, name).is_none() {
            missing.push(crate::error::Phrase::named(
                crate::error::FIELD_REQUIRED,
                "fieldName",
                shown,
            ));
        }
    }
    if !missing.is_empty() {
        return Err(Error::aggregate(missing));
    }
    let scope_id = to_int(required(&params, "scope_id", "scopeId")?, At::Top)?;
    let qty = input::to_amount(required(&params, "qty", "qty")?, At::Top)?;
    let page = param(&params, "current_page")
        .map(|v| to_int(v, At::Top))
        .transpose()?
        .unwrap_or(1);
    let size = param(&params, "page_size")
        .map(|v| to_int(v, At::Top))
        .transpose()?
        .unwrap_or(0);
    let (items, total) = legacy::low_stock(&state.db, scope_id, qty, page, size).await?;
    let items: Vec<Value> = items.iter().map(stock_item_json).collect();
    // `StockItemCollectionInterface::getSearchCriteria`: the `StockItemCriteria` through its
    // getters (`CriteriaInterface`), the limit as the route's page and size, as strings.
    let criteria = json!({
        "mapper_interface_name": r"Magento\CatalogInventory\Model\ResourceModel\Stock\Item\StockItemCriteriaMapper",
        "criteria_list": [],
        "filters": [],
        "orders": [],
        "limit": [page.to_string(), size.to_string()],
    });
    Ok(json_response(
        StatusCode::OK,
        &json!({"items": items, "search_criteria": criteria, "total_count": total}),
    ))
}

/// `{"stockItem": {...}}` → the item id.
async fn update_stock_item(
    _: Admin<CatalogInventory>,
    State(state): State<AppState>,
    PathParams((sku, item_id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    // `ParamsOverrider`: the path's last parameter goes into `stockItem.item_id` when the body
    // is that object alone (a failure under the field's name); otherwise it is a top-level
    // `itemId`, which `updateStockItemBySku` has no parameter for: never read.
    if crate::wire::input::path_id_goes_inside(&body) {
        to_int(&Value::String(item_id), At::Field("item_id"))?;
    }
    let update = crate::wire::product::parse_stock_item_save(&body)?;
    let id = legacy::update(&state.db, sku, update).await?;
    Ok(json_response(StatusCode::OK, &id))
}
