//! The data types' definitions: which Rust shape describes each PHP data interface the served
//! operations take or return ([`shape`]), and the conversion of schemars' JSON Schema into
//! Swagger 2.0's subset ([`swagger`]) and into the lenient form request bodies get
//! ([`input_form`]).
//!
//! A reply struct derives `schemars::JsonSchema` (src/wire/*.rs, `crate::search`), renamed to
//! Magento's definition name, so its nested types land under Magento's names too; a reply built
//! as a `serde_json::Value` has its schema written beside its builder (`wire::cart::
//! cart_schema`, ...). What schemars writes and Swagger 2.0 lacks is turned into what Swagger
//! has: `"type": ["number", "null"]` is `"type": "number"`, with `"x-nullable": true` when the
//! property is always sent (a getter Magento declares without `|null`, written as `null`), and
//! without it when magemu leaves the key out instead; `anyOf` of a type and null is the type;
//! `const` is a one-value `enum`; formats Swagger 2.0 does not define (`uint`, ...) go;
//! `true` (any value) is `{}`; titles and doc comments are not carried over.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use crate::http::{inventory_extra, inventory_sales};
use crate::search::SearchCriteria;
use crate::wire;

/// Builds a data interface's definition (its body; nested types go to the generator's
/// definitions under their own names).
pub type Build = fn(&mut SchemaGenerator) -> Schema;

/// Each PHP data interface with a Rust shape. An interface not listed keeps an open object
/// definition (see the schema module's doc).
const SHAPES: &[(&str, Build)] = &[
    (
        r"Magento\AsynchronousOperations\Api\Data\OperationInterface",
        wire::bulk::OperationData::json_schema,
    ),
    (
        r"Magento\AsynchronousOperations\Api\Data\BulkOperationsStatusInterface",
        wire::bulk::BulkStatusData::json_schema,
    ),
    (
        r"Magento\AsynchronousOperations\Api\Data\DetailedBulkOperationsStatusInterface",
        wire::bulk::DetailedBulkStatusData::json_schema,
    ),
    (
        r"Magento\Framework\Api\SearchCriteriaInterface",
        SearchCriteria::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\OrderInterface",
        wire::order::OrderData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\OrderItemInterface",
        wire::order_item::OrderItemData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\OrderAddressInterface",
        wire::order::OrderAddressData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\OrderStatusHistoryInterface",
        wire::order::StatusHistoryData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\InvoiceInterface",
        wire::invoice::InvoiceData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\InvoiceCommentInterface",
        wire::comment::DocumentCommentData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentCommentInterface",
        wire::comment::DocumentCommentData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\CreditmemoInterface",
        wire::creditmemo::CreditmemoData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\CreditmemoCommentInterface",
        wire::creditmemo::CreditmemoCommentData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentInterface",
        wire::shipment::ShipmentData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentTrackInterface",
        wire::shipment::ShipmentTrackData::json_schema,
    ),
    (
        r"Magento\Sales\Api\Data\TransactionInterface",
        wire::transaction::TransactionData::json_schema,
    ),
    (
        r"Magento\CatalogInventory\Api\Data\StockItemInterface",
        wire::product::StockItemData::json_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\ProductInterface",
        wire::product::ProductData::json_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\CategoryProductLinkInterface",
        wire::category::CategoryProductLinkData::json_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\ProductTypeInterface",
        wire::product::ProductTypeData::json_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\CategoryInterface",
        wire::category::CategoryData::json_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\CategoryTreeInterface",
        wire::category::CategoryTreeData::json_schema,
    ),
    (
        r"Magento\Downloadable\Api\Data\LinkInterface",
        wire::product::LinkData::json_schema,
    ),
    (
        r"Magento\Downloadable\Api\Data\SampleInterface",
        wire::product::SampleData::json_schema,
    ),
    (
        r"Magento\Customer\Api\Data\CustomerInterface",
        wire::customer::CustomerData::json_schema,
    ),
    (
        r"Magento\Customer\Api\Data\AddressInterface",
        wire::customer::AddressData::json_schema,
    ),
    (
        r"Magento\Customer\Api\Data\AttributeMetadataInterface",
        wire::customer::AttributeMetadataData::json_schema,
    ),
    (
        r"Magento\Customer\Api\Data\ValidationResultsInterface",
        wire::customer::ValidationResultsData::json_schema,
    ),
    (
        r"Magento\Customer\Api\Data\GroupInterface",
        wire::customer::GroupData::json_schema,
    ),
    (
        r"Magento\CheckoutAgreements\Api\Data\AgreementInterface",
        wire::agreement::AgreementData::json_schema,
    ),
    (
        r"Magento\GiftMessage\Api\Data\MessageInterface",
        wire::gift_message::MessageData::json_schema,
    ),
    (
        r"Magento\Directory\Api\Data\CountryInformationInterface",
        wire::directory::CountryInformationData::json_schema,
    ),
    (
        r"Magento\Directory\Api\Data\RegionInformationInterface",
        wire::directory::RegionInformationData::json_schema,
    ),
    (
        r"Magento\Tax\Api\Data\TaxClassInterface",
        wire::tax::TaxClassData::json_schema,
    ),
    (
        r"Magento\Tax\Api\Data\TaxRateInterface",
        wire::tax::TaxRateData::json_schema,
    ),
    (
        r"Magento\Tax\Api\Data\TaxRateTitleInterface",
        wire::tax::TaxRateTitleData::json_schema,
    ),
    (
        r"Magento\Tax\Api\Data\TaxRuleInterface",
        wire::tax::TaxRuleData::json_schema,
    ),
    (
        r"Magento\InventoryApi\Api\Data\SourceInterface",
        wire::inventory_master::SourceData::json_schema,
    ),
    (
        r"Magento\InventoryApi\Api\Data\StockInterface",
        wire::inventory_master::StockData::json_schema,
    ),
    (
        r"Magento\InventoryApi\Api\Data\StockSourceLinkInterface",
        wire::inventory_master::LinkData::json_schema,
    ),
    (
        r"Magento\InventoryApi\Api\Data\SourceItemInterface",
        wire::inventory::SourceItemData::json_schema,
    ),
    (
        r"Magento\InventorySourceSelectionApi\Api\Data\SourceSelectionAlgorithmInterface",
        wire::inventory::AlgorithmData::json_schema,
    ),
    (
        r"Magento\InventorySourceSelectionApi\Api\Data\SourceSelectionResultInterface",
        wire::inventory::SelectionResultData::json_schema,
    ),
    (
        r"Magento\InventorySalesApi\Api\Data\ProductSalableResultInterface",
        inventory_sales::SalableResultData::json_schema,
    ),
    (
        r"Magento\InventorySalesApi\Api\Data\IsProductSalableResultInterface",
        inventory_sales::IsSalableData::json_schema,
    ),
    (
        r"Magento\InventorySalesApi\Api\Data\IsProductSalableForRequestedQtyResultInterface",
        inventory_sales::IsSalableForQtyData::json_schema,
    ),
    (
        r"Magento\InventoryExportStockApi\Api\Data\ProductStockIndexDataInterface",
        inventory_sales::IndexRowData::json_schema,
    ),
    (
        r"Magento\InventoryLowQuantityNotificationApi\Api\Data\SourceItemConfigurationInterface",
        inventory_extra::NotificationData::json_schema,
    ),
    (
        r"Magento\Store\Api\Data\WebsiteInterface",
        wire::store::WebsiteData::json_schema,
    ),
    (
        r"Magento\Store\Api\Data\GroupInterface",
        wire::store::GroupData::json_schema,
    ),
    (
        r"Magento\Store\Api\Data\StoreInterface",
        wire::store::StoreViewData::json_schema,
    ),
    (
        r"Magento\Store\Api\Data\StoreConfigInterface",
        wire::store::StoreConfigData::json_schema,
    ),
    (
        r"Magento\Directory\Api\Data\CurrencyInformationInterface",
        wire::store::CurrencyInformationData::json_schema,
    ),
    (
        r"Magento\Quote\Api\Data\CartInterface",
        wire::cart::cart_schema,
    ),
    (
        r"Magento\Quote\Api\Data\CartItemInterface",
        wire::cart::item_schema,
    ),
    (
        r"Magento\Quote\Api\Data\AddressInterface",
        wire::cart::address_schema,
    ),
    (
        r"Magento\Quote\Api\Data\TotalsInterface",
        wire::cart::totals_schema,
    ),
    (
        r"Magento\Quote\Api\Data\ShippingMethodInterface",
        wire::cart::shipping_method_schema,
    ),
    (
        r"Magento\Quote\Api\Data\PaymentMethodInterface",
        wire::cart::payment_method_schema,
    ),
    (
        r"Magento\Quote\Api\Data\PaymentInterface",
        wire::cart::payment_schema,
    ),
    (
        r"Magento\Checkout\Api\Data\PaymentDetailsInterface",
        wire::cart::payment_details_schema,
    ),
    (
        r"Magento\Checkout\Api\Data\ShippingInformationInterface",
        wire::cart::shipping_information_schema,
    ),
    (
        r"Magento\Checkout\Api\Data\TotalsInformationInterface",
        wire::cart::totals_information_schema,
    ),
    (
        r"Magento\Quote\Api\Data\TotalsAdditionalDataInterface",
        wire::cart::totals_additional_data_schema,
    ),
    (
        r"Magento\SalesRule\Api\Data\RuleInterface",
        wire::sales_rule::rule_schema,
    ),
    (
        r"Magento\SalesRule\Api\Data\CouponInterface",
        wire::sales_rule::coupon_schema,
    ),
    (
        r"Magento\SalesRule\Api\Data\CouponGenerationSpecInterface",
        wire::sales_rule::spec_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\BasePriceInterface",
        wire::price::base_price_schema,
    ),
    (
        r"Magento\Catalog\Api\Data\PriceUpdateResultInterface",
        wire::price::update_result_schema,
    ),
    (
        r"Magento\SalesRule\Api\Data\CouponMassDeleteResultInterface",
        wire::sales_rule::mass_delete_result_schema,
    ),
    (
        r"Magento\InventoryInStorePickupApi\Api\Data\PickupLocationInterface",
        wire::pickup::location_schema,
    ),
    (
        r"Magento\InventoryInStorePickupApi\Api\Data\SearchRequestInterface",
        wire::pickup::search_request_schema,
    ),
    (
        r"Magento\CatalogInventory\Api\Data\StockStatusInterface",
        inventory_extra::stock_status_schema,
    ),
    (
        r"Magento\CatalogInventory\Api\Data\StockItemCollectionInterface",
        inventory_extra::stock_item_collection_schema,
    ),
    (
        r"Magento\InventoryInStorePickupSalesApi\Api\Data\ResultInterface",
        inventory_extra::notify_result_schema,
    ),
    (
        r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface",
        inventory_extra::lat_lng_schema,
    ),
    (
        r"Magento\InventoryCatalogApi\Api\Data\PartialInventoryTransferItemInterface",
        inventory_sales::partial_transfer_item_schema,
    ),
    (
        r"Magento\InventorySourceSelectionApi\Api\Data\InventoryRequestInterface",
        wire::inventory::inventory_request_schema,
    ),
    (
        r"Magento\Sales\Api\Data\InvoiceItemCreationInterface",
        wire::input::item_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentItemCreationInterface",
        wire::input::item_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\CreditmemoItemCreationInterface",
        wire::input::item_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\InvoiceCommentCreationInterface",
        wire::input::comment_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentCommentCreationInterface",
        wire::input::comment_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\CreditmemoCommentCreationInterface",
        wire::input::comment_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\InvoiceCreationArgumentsInterface",
        wire::invoice::arguments_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentCreationArgumentsInterface",
        wire::shipment::arguments_schema,
    ),
    (
        r"Magento\Sales\Api\Data\CreditmemoCreationArgumentsInterface",
        wire::creditmemo::arguments_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentTrackCreationInterface",
        wire::shipment::track_creation_schema,
    ),
    (
        r"Magento\Sales\Api\Data\ShipmentPackageCreationInterface",
        wire::shipment::package_creation_schema,
    ),
];

/// The Rust shape of a PHP data interface, if it has one.
pub fn shape(ty: &str) -> Option<Build> {
    SHAPES.iter().find(|(t, _)| *t == ty).map(|(_, b)| *b)
}

/// Every PHP data interface with a Rust shape.
pub fn shaped() -> impl Iterator<Item = &'static str> {
    SHAPES.iter().map(|(t, _)| *t)
}

/// The generator the definitions are built with: what magemu sends (serde's serialize side),
/// definitions under `#/definitions/`.
pub fn generator() -> SchemaGenerator {
    SchemaSettings::draft07()
        .with(|s| {
            s.meta_schema = None;
            s.transforms.clear();
        })
        .for_serialize()
        .into_generator()
}

/// The formats Swagger 2.0 defines.
const FORMATS: &[&str] = &[
    "int32",
    "int64",
    "float",
    "double",
    "byte",
    "binary",
    "date",
    "date-time",
    "password",
];

/// A schemars schema as Swagger 2.0 writes it, and whether it allowed null.
pub fn swagger(schema: &Value) -> (Value, bool) {
    let Value::Object(obj) = schema else {
        // `true` (any value) and, should one appear, `false`: no such thing in Swagger 2.0.
        return (Value::Object(Map::new()), false);
    };
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(variants)) = obj.get(key) {
            let (nulls, rest): (Vec<&Value>, Vec<&Value>) =
                variants.iter().partition(|v| v["type"] == "null");
            let nullable = !nulls.is_empty();
            return match rest.as_slice() {
                [one] => {
                    let (s, n) = swagger(one);
                    (s, n || nullable)
                }
                // Several shapes: Swagger 2.0 has no union, the value is left open.
                _ => (Value::Object(Map::new()), nullable),
            };
        }
    }
    if let Some(Value::Array(parts)) = obj.get("allOf") {
        if let [one] = parts.as_slice() {
            return swagger(one);
        }
        return (Value::Object(Map::new()), false);
    }
    let mut out = Map::new();
    let mut nullable = false;
    let required: Vec<&str> = obj
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (key, value) in obj {
        match key.as_str() {
            "$ref" | "enum" | "minimum" | "maximum" | "x-nullable" => {
                out.insert(key.clone(), value.clone());
            }
            "type" => match value {
                Value::Array(types) => {
                    let kept: Vec<&Value> = types.iter().filter(|t| *t != "null").collect();
                    nullable = kept.len() < types.len();
                    if let [one] = kept.as_slice() {
                        out.insert("type".into(), (*one).clone());
                    }
                }
                Value::String(t) if t == "null" => nullable = true,
                _ => {
                    out.insert("type".into(), value.clone());
                }
            },
            "format" if value.as_str().is_some_and(|f| FORMATS.contains(&f)) => {
                out.insert(key.clone(), value.clone());
            }
            "const" => {
                out.insert("enum".into(), Value::Array(vec![value.clone()]));
            }
            "properties" => {
                let mut props = Map::new();
                for (name, p) in value.as_object().into_iter().flatten() {
                    let (mut p, n) = swagger(p);
                    if n && required.contains(&name.as_str()) {
                        p["x-nullable"] = Value::Bool(true);
                    }
                    props.insert(name.clone(), p);
                }
                out.insert(key.clone(), Value::Object(props));
            }
            "items" => {
                let (mut items, n) = swagger(value);
                if n {
                    items["x-nullable"] = Value::Bool(true);
                }
                out.insert(key.clone(), items);
            }
            "additionalProperties" => {
                let converted = match value {
                    Value::Bool(b) => Value::Bool(*b),
                    other => swagger(other).0,
                };
                out.insert(key.clone(), converted);
            }
            "required" if !required.is_empty() => {
                out.insert(key.clone(), value.clone());
            }
            // `$schema`, `default`, `examples`, `$defs`: not Swagger's; `title` and
            // `description`: the doc comments of the Rust code, written for its readers.
            _ => {}
        }
    }
    (Value::Object(out), nullable)
}

/// A definition as a request body takes it: what the input conversion accepts is wider than
/// what a reply sends (a numeric string for a number, any scalar for a string, null for
/// absent, a key in camelCase), so the types, formats, `required` and nullability go and the
/// property names and nesting stay; `rename` gives the name of each referenced definition's
/// own input form.
pub fn input_form(schema: &Value, rename: &dyn Fn(&str) -> String) -> Value {
    match schema {
        Value::Object(obj) => {
            let mut out = Map::new();
            for (key, value) in obj {
                match key.as_str() {
                    "type" | "format" | "required" | "x-nullable" | "enum" | "minimum"
                    | "maximum" => {}
                    "$ref" => {
                        let target = value
                            .as_str()
                            .and_then(|r| r.strip_prefix(wire::shape::DEFINITIONS))
                            .unwrap_or_default();
                        out.insert(
                            key.clone(),
                            Value::String(format!(
                                "{}{}",
                                wire::shape::DEFINITIONS,
                                rename(target)
                            )),
                        );
                    }
                    "properties" => {
                        let props = value
                            .as_object()
                            .into_iter()
                            .flatten()
                            .map(|(k, v)| (k.clone(), input_form(v, rename)))
                            .collect();
                        out.insert(key.clone(), Value::Object(props));
                    }
                    "items" => {
                        out.insert(key.clone(), input_form(value, rename));
                    }
                    _ => {
                        out.insert(key.clone(), value.clone());
                    }
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_schema_becomes_swagger_2() {
        for (schemars, swagger_2) in [
            // Any value.
            (json!(true), json!({})),
            // An always-sent Option: nullable; a left-out one: just its type.
            (
                json!({"type": "object", "properties": {
                    "a": {"type": ["number", "null"]},
                    "b": {"type": ["string", "null"], "format": "uint32", "minimum": 0},
                    "c": {"anyOf": [{"$ref": "#/definitions/x"}, {"type": "null"}]},
                    "d": {"const": "flatrate"}
                }, "required": ["a"], "title": "T", "description": "doc", "$schema": "s"}),
                json!({"type": "object", "properties": {
                    "a": {"type": "number", "x-nullable": true},
                    "b": {"type": "string", "minimum": 0},
                    "c": {"$ref": "#/definitions/x"},
                    "d": {"enum": ["flatrate"]}
                }, "required": ["a"]}),
            ),
            // Lists, their nullable items, formats Swagger has.
            (
                json!({"type": "array", "items": {"type": ["integer", "null"], "format": "int64"}}),
                json!({"type": "array", "items": {"type": "integer", "format": "int64", "x-nullable": true}}),
            ),
            // No union in Swagger 2.0: left open.
            (
                json!({"oneOf": [{"type": "string"}, {"type": "integer"}]}),
                json!({}),
            ),
        ] {
            assert_eq!(swagger(&schemars).0, swagger_2, "{schemars}");
        }
    }

    #[test]
    fn input_forms_take_any_value() {
        let reply = json!({"type": "object", "properties": {
            "qty": {"type": "number", "x-nullable": true},
            "items": {"type": "array", "items": {"$ref": "#/definitions/item"}}
        }, "required": ["qty"], "description": "OrderInterface"});
        let rename = |name: &str| format!("{name}-input");
        assert_eq!(
            input_form(&reply, &rename),
            json!({"properties": {
                "qty": {},
                "items": {"items": {"$ref": "#/definitions/item-input"}}
            }, "description": "OrderInterface"})
        );
    }

    #[test]
    fn every_shape_builds() {
        let mut generator = generator();
        for ty in shaped() {
            let build = shape(ty).expect("a shape");
            let (definition, _) = swagger(&build(&mut generator).to_value());
            assert!(definition.get("properties").is_some(), "{ty}: {definition}");
        }
    }
}
