//! `GET /V1/inventory/source-items`, `GET /V1/inventory/get-product-salable-quantity/{sku}/{stockId}`
//! and the source selection algorithms (`InventorySourceSelectionApi/etc/webapi.xml`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{Map, Value};

use crate::db;
use crate::error::{self as e, Error, Phrase, Result};
use crate::http::extract::{
    Admin, Body, InventorySalableQty, InventorySourceItem, PathParams, Search, SourceSelectionList,
    SourceSelectionRun,
};
use crate::http::reply::json_response;
use crate::inventory::{self, InventoryRequest, ALGORITHMS};
use crate::search::SearchResults;
use crate::wire::input::{self, param, path_int, At, Obj};
use crate::wire::inventory::{AlgorithmData, SelectionResultData, SourceItemData};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/inventory/source-items", get(source_items))
        .route(
            "/rest/V1/inventory/get-product-salable-quantity/{sku}/{stockId}",
            get(salable_qty),
        )
        .route(
            "/rest/V1/inventory/source-selection-algorithm-list",
            get(algorithm_list),
        )
        .route(
            "/rest/V1/inventory/source-selection-algorithm-result",
            post(select_sources),
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
    let (request, algorithm) = parse_selection_request(&body)?;
    let result = inventory::select_sources(&state.db, &request, &algorithm).await?;
    Ok(json_response(
        StatusCode::OK,
        &SelectionResultData::from(&result),
    ))
}

/// `ServiceInputProcessor` on `SourceSelectionServiceInterface::execute(InventoryRequestInterface
/// $inventoryRequest, string $algorithmCode)`.
///
/// `InventorySourceSelection/Model/Request/InventoryRequest` takes `stockId` and `items` in its
/// constructor (`int $stockId, array $items`), which Magento fills only from those exact keys:
/// without them the object manager throws (`Missing required argument`), a 500. Items are
/// `ItemRequest`s (`?string $sku, ?float $qty`), type-checked at conversion; one without a
/// `sku` or `qty` fails later, when the algorithm reads it (a PHP TypeError, a 500 too). Other
/// keys go through setters: only `extension_attributes` (`destination_address`) is known.
pub fn parse_selection_request(body: &Map<String, Value>) -> Result<(InventoryRequest, String)> {
    let mut missing = Vec::new();
    let request = match param(body, "inventory_request") {
        Some(value) => Some(parse_inventory_request(value)?),
        None => {
            missing.push(Phrase::named(
                e::FIELD_REQUIRED,
                "fieldName",
                "inventoryRequest",
            ));
            None
        }
    };
    let algorithm = match param(body, "algorithm_code") {
        Some(value) => Some(input::to_string(value, At::Top)?),
        None => {
            missing.push(Phrase::named(
                e::FIELD_REQUIRED,
                "fieldName",
                "algorithmCode",
            ));
            None
        }
    };
    match (request, algorithm) {
        (Some(request), Some(algorithm)) => {
            check_item_fields(&request, &algorithm)?;
            Ok((request.request, algorithm))
        }
        _ => Err(Error::aggregate(missing)),
    }
}

/// The request as converted, and whether every item had its `sku` and `qty`.
struct Converted {
    request: InventoryRequest,
    items_complete: bool,
}

const INVENTORY_REQUEST: &str =
    "Magento\\InventorySourceSelection\\Model\\Request\\InventoryRequest";

fn parse_inventory_request(value: &Value) -> Result<Converted> {
    let empty = Map::new();
    let map = value.as_object().unwrap_or(&empty);
    let constructor_arg = |name: &str| {
        map.get(name).filter(|v| !v.is_null()).ok_or_else(|| {
            Error::internal(format!(
                "Missing required argument ${name} of {INVENTORY_REQUEST}."
            ))
        })
    };
    let stock_id = input::to_int(constructor_arg("stockId")?, At::Top)?;
    let items_value = constructor_arg("items")?;
    let items = match items_value {
        Value::Array(_) | Value::Object(_) => input::list(items_value)?,
        _ => {
            return Err(Error::internal(format!(
                "{INVENTORY_REQUEST}::__construct(): Argument #7 ($items) must be of type array, null given"
            )))
        }
    };
    let mut request = InventoryRequest {
        stock_id,
        ..Default::default()
    };
    let mut items_complete = true;
    for item in items {
        let empty = Map::new();
        let fields = item.as_object().unwrap_or(&empty);
        let present = |name: &str| fields.get(name).filter(|v| !v.is_null());
        let sku = present("sku")
            .map(|v| input::to_string(v, At::Top))
            .transpose()?;
        let qty = present("qty")
            .map(|v| input::to_amount(v, At::Top))
            .transpose()?;
        Obj::new(item, &["sku", "qty", "extension_attributes"])?;
        match (sku, qty) {
            (Some(sku), Some(qty)) => request.items.push((sku, qty)),
            _ => items_complete = false,
        }
    }
    // The setter pass: every other key must name a field of the interface.
    let obj = Obj::new(value, &["stock_id", "items", "extension_attributes"])?;
    if let Some((_, extension)) = obj.get("extension_attributes") {
        let extension = Obj::new(extension, &["destination_address"])?;
        if let Some((_, address)) = extension.get("destination_address") {
            Obj::new(
                address,
                &["country", "postcode", "street", "region", "city"],
            )?;
            request.has_destination_address = true;
        }
    }
    Ok(Converted {
        request,
        items_complete,
    })
}

/// What Magento only finds out while running: an unknown algorithm (`\LogicException`) and
/// then, for the algorithms that read the items, an item without `sku` or `qty`
/// (`ItemRequest::getSku(): Return value must be of type string, null returned`). The distance
/// algorithm's missing address is checked in between, by the service.
fn check_item_fields(converted: &Converted, algorithm: &str) -> Result<()> {
    let known = ALGORITHMS.iter().any(|(code, _, _)| *code == algorithm);
    let stops_before_items = algorithm == "distance" && !converted.request.has_destination_address;
    if known && !stops_before_items && !converted.items_complete {
        return Err(Error::internal(
            "ItemRequest::getSku(): Return value must be of type string, null returned",
        ));
    }
    Ok(())
}
