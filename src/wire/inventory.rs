//! `Magento\InventoryApi\Api\Data\*Interface` as JSON, and the body of
//! `POST /V1/inventory/source-selection-algorithm-result`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::error::{self as e, Error, Phrase, Result};
use crate::inventory::{InventoryRequest, SelectionItem, SelectionResult, SourceItem, ALGORITHMS};
use crate::wire::input::{self, param, At, Obj};

/// `SourceItemInterface`: `{"sku","source_code","quantity","status"}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-api-data-source-item-interface")]
pub struct SourceItemData {
    pub sku: String,
    pub source_code: String,
    pub quantity: Amount,
    pub status: i64,
}

impl From<&SourceItem> for SourceItemData {
    fn from(s: &SourceItem) -> Self {
        SourceItemData {
            sku: s.sku.clone(),
            source_code: s.source_code.clone(),
            quantity: s.quantity,
            status: s.status,
        }
    }
}

/// `SourceSelectionAlgorithmInterface`: `{"code","title","description"}`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-source-selection-api-data-source-selection-algorithm-interface")]
pub struct AlgorithmData {
    pub code: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

/// `SourceSelectionItemInterface`, keys in the tutorial's documented order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-source-selection-api-data-source-selection-item-interface")]
pub struct SelectionItemData {
    pub source_code: String,
    pub sku: String,
    pub qty_to_deduct: Amount,
    pub qty_available: Amount,
}

/// `SourceSelectionResultInterface`: `isShippable()` is written `shippable`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "inventory-source-selection-api-data-source-selection-result-interface")]
pub struct SelectionResultData {
    pub source_selection_items: Vec<SelectionItemData>,
    pub shippable: bool,
}

impl From<&SelectionItem> for SelectionItemData {
    fn from(s: &SelectionItem) -> Self {
        SelectionItemData {
            source_code: s.source_code.clone(),
            sku: s.sku.clone(),
            qty_to_deduct: s.qty_to_deduct,
            qty_available: s.qty_available,
        }
    }
}

impl From<&SelectionResult> for SelectionResultData {
    fn from(r: &SelectionResult) -> Self {
        SelectionResultData {
            source_selection_items: r.items.iter().map(SelectionItemData::from).collect(),
            shippable: r.shippable,
        }
    }
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
    let (request, algorithm) = convert_selection_request(body)?;
    check_item_fields(&request, &algorithm)?;
    Ok((request.request, algorithm))
}

/// [`parse_selection_request`]'s input conversion alone, without the check of each item's
/// `sku` and `qty` that Magento meets only when the algorithm runs.
pub fn check_selection_request(body: &Map<String, Value>) -> Result<()> {
    convert_selection_request(body).map(|_| ())
}

fn convert_selection_request(body: &Map<String, Value>) -> Result<(Converted, String)> {
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
        (Some(request), Some(algorithm)) => Ok((request, algorithm)),
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

/// `InventoryRequestInterface` as `parse_inventory_request` reads it, for the schema.
pub fn inventory_request_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let address: Vec<(&str, Value)> = ["country", "postcode", "street", "region", "city"]
        .iter()
        .map(|k| (*k, serde_json::json!({ "type": "string" })))
        .collect();
    let address: Map<String, Value> = address
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    schemars::json_schema!({
        "type": "object",
        "properties": {
            "stock_id": { "type": "integer" },
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "sku": { "type": "string" },
                        "qty": { "type": "number" },
                        "extension_attributes": { "type": "object" }
                    },
                    "required": ["sku", "qty"]
                }
            },
            "extension_attributes": {
                "type": "object",
                "properties": { "destination_address": {
                    "type": "object", "properties": address
                } }
            }
        },
        "required": ["stock_id", "items"]
    })
}
