//! `GET /rest/<store>/schema`: the Swagger 2.0 description of the REST API, built from the
//! route table (`crate::http::routes`) the router is built from, so it lists exactly the
//! operations magemu serves (less those Magento does not have).
//!
//! What Magento does (2.4.8-p1, module-webapi):
//! - `Controller/Rest/SchemaRequestProcessor`: any path starting with `schema` after the store
//!   code; `services=all`, or no `services` at all, is every service the caller may use
//!   (`Generator::getListOfServices`); else a comma list matching
//!   `^[a-zA-Z\d]*V\d+(,[a-zA-Z\d]*V\d+)*$` (`Framework/Webapi/Request::getRequestedServices`),
//!   anything else being the 400 "Incorrect format of request URI or Requested services are
//!   missing.". A well-formed name of no service is a `RuntimeException` in
//!   `ServiceMetadata::getRouteMetadata`, so the masked 500 of any internal fault.
//! - `Model/AbstractSchemaGenerator::getAllowedServicesMetadata`: each requested service keeps
//!   the methods the caller's ACL allows (`Framework/Webapi/Authorization::isAllowed`: every
//!   resource of the route). `anonymous` is allowed to anyone (`Webapi/Model/Plugin/
//!   GuestAuthorization`), `self` to a customer (`Customer/Model/Plugin/CustomerAuthorization`)
//!   and to an admin whose role has every resource (`Framework/Authorization/Policy/Acl::
//!   isAllowed` falls back to the root resource for one the ACL does not know); a service with
//!   no method left is dropped. magemu's admin role is "all", so an admin sees everything, a
//!   customer token the anonymous and `self` routes, anyone else the anonymous ones.
//! - `Model/Rest/Swagger/Generator::generateSchema` and `Model/Rest/Swagger`:
//!   `securityDefinitions` (`api_key` header), `swagger` "2.0", `info` (`version` = major.minor
//!   of the product version, `title` = product name + edition: "2.4", "Magento Community"),
//!   `host` (the request's Host), `basePath` (the request URI up to `/schema`: `/rest/default`),
//!   `schemes` (the request's), `tags` (one per service: its name, `salesOrderRepositoryV1`
//!   from `ServiceMetadata::getServiceName`, and the interface's description), `paths`, then
//!   `definitions` (the `error-*` ones first).
//! - `Generator::generatePathInfo`: each operation has `tags` [service name], `description`
//!   (the method's doc block), `operationId` = the HTTP verb + the path with its parameters'
//!   braces dropped and each segment capitalized, `/` and `-` removed (`GetV1OrdersId`),
//!   `consumes`/`produces` JSON and XML, `parameters` (path parameters typed as the PHP
//!   parameter; for GET the other parameters as query parameters, complex ones expanded to
//!   `searchCriteria[filterGroups][0][filters][0][field]` and so on; else one body parameter
//!   `<operationId>Body`, an object with the method's parameters as properties, the required
//!   ones listed), `responses`: 200 with the return type's schema ("200 Success."), 401 when a
//!   resource is not `anonymous`, one per declared exception (`NoSuchEntityException` 404,
//!   `AuthenticationException`/`AuthorizationException` 401, another `LocalizedException`
//!   subclass 400, anything else - `LocalizedException` itself included, `is_subclass_of` -
//!   500), and `default` "Unexpected error", all errors as `#/definitions/error-response`.
//! - Data types are `definitions` named `TypeProcessor::translateTypeName` lower-dashed
//!   (`Magento\Sales\Api\Data\OrderInterface` is `sales-data-order-interface`).
//!
//! The brief this was built from expected `salesOrderRepositoryV1GetListGet` as operationId
//! (Magento 2.0-2.3's generator); 2.4's (all three branches read) builds `GetV1Orders`, the
//! form Adobe's published 2.4.9 schema shows too, and that is what magemu serves.
//!
//! The data types' definitions (`shapes`): each interface an operation takes or returns is
//! described by magemu's own Rust shape of it, so the schema cannot drift from what magemu
//! sends. The reply structs of src/wire (and a few of src/http) derive `schemars::JsonSchema`
//! under Magento's definition names, so their nested types are Magento's nested definitions
//! (`sales-data-invoice-item-interface`, `sales-data-order-extension-interface`, ...); a reply
//! built as JSON (carts, totals, sales rules, pickup locations, the legacy stock status) has
//! its schema written next to its builder, a request-only interface (the creation
//! interfaces, `InventoryRequestInterface`) next to its parser. schemars' JSON Schema is turned
//! into Swagger 2.0 (`shapes::swagger`): property types as magemu sends them (a JSON number
//! for money and quantities, an integer for ids, a string for dates), `required` = what magemu
//! always sends, `x-nullable` on what it sends as `null` (a getter Magento declares without
//! `|null`), no `anyOf`/`oneOf`/`allOf`, no `null` type. The search results are described
//! here (`items` of the interface `getItems` returns, the criteria or request echoed,
//! `total_count`). An interface with no Rust shape would fall back to an open object
//! (`{"type": "object"}` with its name); tests/schema.rs fails on any such definition.
//!
//! What differs from a live store, and why:
//! - A definition lists the fields magemu sends, not every getter of the interface: what
//!   magemu does not store (gift messages, negotiable quotes, company attributes, ...) is not
//!   in it, and Adobe Commerce's extension attributes magemu does send (the cart totals'
//!   `reward_*`, a segment's `gw_*`) are. `required` is what magemu always sends, which is not
//!   Magento's list of getters without `|null`; one definition describes every reply of its
//!   interface (`POST /V1/orders` answers the posted object, with its nulls), and a few
//!   fields have no fixed shape and are left open (`product_option` of an order item, a
//!   condition's `value`, a product's empty `product_links`...). Property descriptions are
//!   not carried (magemu's doc comments are written for its readers); a definition's is its
//!   interface's short name.
//! - Request bodies take each interface's input form (`shapes::input_form`): the property
//!   names and nesting without types or `required`, because the input conversion accepts
//!   more than a reply sends (a numeric string for a number, any scalar for a string, null
//!   for absent, camelCase keys), and a schema must not refuse what magemu accepts. A
//!   definition no reply uses is replaced by its input form; one a reply uses keeps its reply
//!   form and the body refers to `<name>-input` (Magento refers to the one definition from
//!   both sides). The body's own parameters are in their input form too (a `capture` of
//!   `"1"` is accepted) and stay required as the method declares them.
//! - Scalar results are described as magemu sends them (a created invoice's id is the JSON
//!   string `"4"`, as Magento's REST layer sends the id its repository returns as a string,
//!   though the PHP signature says `int`; a `void` method's `[]`).
//! - The export of salable quantities lists `ProductStockIndexDataInterface` items (Magento's
//!   schema says Framework's `ExtensibleDataInterface`, its `getItems` having no doc block).
//! - `error-parameters` has no type: Magento's says a list of objects, while Magento (and
//!   magemu) send a list of values or an object keyed by parameter name.
//! - Only the operations magemu serves are listed: a live store lists every installed module's.
//! - The schema is rebuilt for every request (Magento caches it per service list and ACL).
//! - `basePath` is `/rest/<code>` or `/rest` even when the request came through `/index.php`.

pub mod services;
pub mod shapes;

use std::collections::BTreeSet;

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};
use crate::http::routes::{self, Operation, ANONYMOUS, SELF};
use crate::http::StoreScope;
use crate::AppState;

/// A parameter of a service method, as its PHP signature and doc block declare it.
pub struct Param {
    pub name: &'static str,
    pub ty: &'static str,
    pub required: bool,
    pub doc: &'static str,
}

/// A service method, as its PHP interface declares it.
pub struct ServiceMethod {
    /// `Interface::method`.
    pub service: &'static str,
    pub doc: &'static str,
    pub params: &'static [Param],
    /// The return type and its description (`None`: `void`).
    pub returns: Option<(&'static str, &'static str)>,
    /// The short names of the exceptions the doc block declares.
    pub throws: &'static [&'static str],
}

/// What magemu answers where the PHP return type says otherwise: the JSON type it sends, or
/// `""` for no fixed type.
const RETURNS_SENT: &[(&str, &str)] = &[
    // The selected payment: the payment, or `[]` for none (PHP's null, as REST renders it).
    (
        r"Magento\Quote\Api\PaymentMethodManagementInterface::get",
        "",
    ),
    (
        r"Magento\Quote\Api\GuestPaymentMethodManagementInterface::get",
        "",
    ),
    // The payment's id as PDO gives it: a PHP string, `"4"` on the wire.
    (
        r"Magento\Quote\Api\PaymentMethodManagementInterface::set",
        "string",
    ),
    (
        r"Magento\Quote\Api\GuestPaymentMethodManagementInterface::set",
        "string",
    ),
    // A cart (line) without a gift message: the service's null, sent as `[]`; else the
    // message.
    (r"Magento\GiftMessage\Api\CartRepositoryInterface::get", ""),
    (
        r"Magento\GiftMessage\Api\GuestCartRepositoryInterface::get",
        "",
    ),
    (r"Magento\GiftMessage\Api\ItemRepositoryInterface::get", ""),
    (
        r"Magento\GiftMessage\Api\GuestItemRepositoryInterface::get",
        "",
    ),
    // A cart without a coupon: PHP's null, which Magento's REST renderer (and magemu) send as
    // `[]`; else the code as a string.
    (r"Magento\Quote\Api\CouponManagementInterface::get", ""),
    (r"Magento\Quote\Api\GuestCouponManagementInterface::get", ""),
    // The id comes from the database as a PHP string: `"4"` on the wire.
    (
        r"Magento\Sales\Api\InvoiceOrderInterface::execute",
        "string",
    ),
    (r"Magento\Sales\Api\ShipOrderInterface::execute", "string"),
    (r"Magento\Sales\Api\RefundOrderInterface::execute", "string"),
    (
        r"Magento\Sales\Api\RefundInvoiceInterface::execute",
        "string",
    ),
    (
        r"Magento\Quote\Api\CartManagementInterface::placeOrder",
        "string",
    ),
    (
        r"Magento\Quote\Api\GuestCartManagementInterface::placeOrder",
        "string",
    ),
    (
        r"Magento\Checkout\Api\PaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder",
        "string",
    ),
    (
        r"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder",
        "string",
    ),
    (
        r"Magento\Quote\Api\CartManagementInterface::createEmptyCart",
        "string",
    ),
];

/// One simple leaf of a complex query parameter: (suffix, type, description).
type QueryLeaf = (&'static str, &'static str, &'static str);

/// How Magento expands a complex GET parameter into query parameters
/// (`Generator::getQueryParamNames`, one entry per simple leaf of the type's getters):
/// (suffix after the parameter name, type, description).
const QUERY_EXPANSIONS: &[(&str, &[QueryLeaf])] = &[
    (
        // Framework/Api/SearchCriteriaInterface, Search/FilterGroup, Filter, SortOrder.
        r"Magento\Framework\Api\SearchCriteriaInterface",
        &[
            ("[filterGroups][0][filters][0][field]", "string", "Field"),
            ("[filterGroups][0][filters][0][value]", "string", "Value"),
            (
                "[filterGroups][0][filters][0][conditionType]",
                "string",
                "Condition type",
            ),
            ("[sortOrders][0][field]", "string", "Sorting field."),
            ("[sortOrders][0][direction]", "string", "Sorting direction."),
            ("[pageSize]", "integer", "Page size."),
            ("[currentPage]", "integer", "Current page."),
        ],
    ),
    (
        // module-inventory-distance-based-source-selection-api/Api/Data/LatLngInterface.php
        r"Magento\InventoryDistanceBasedSourceSelectionApi\Api\Data\LatLngInterface",
        &[
            ("[lat]", "number", "Get latitude"),
            ("[lng]", "number", "Get longitude"),
        ],
    ),
    (
        // module-inventory-source-selection-api/Api/Data/AddressInterface.php
        r"Magento\InventorySourceSelectionApi\Api\Data\AddressInterface",
        &[
            ("[country]", "string", "Requested shipping country"),
            ("[postcode]", "string", "Requested shipping postcode"),
            ("[street]", "string", "Requested shipping street address"),
            ("[region]", "string", "Requested shipping region"),
            ("[city]", "string", "Requested shipping city"),
        ],
    ),
    (
        // module-inventory-sales-api/Api/Data/IsProductSalableForRequestedQtyRequestInterface.php
        r"Magento\InventorySalesApi\Api\Data\IsProductSalableForRequestedQtyRequestInterface[]",
        &[
            ("[0][sku]", "string", "Retrieve product sku."),
            ("[0][qty]", "number", "Retrieve product quantity."),
        ],
    ),
    (
        // module-inventory-in-store-pickup-api/Api/Data/SearchRequestInterface.php (its
        // scalar getters and the area; the filters' leaves are left out).
        r"Magento\InventoryInStorePickupApi\Api\Data\SearchRequestInterface",
        &[
            ("[area][radius]", "integer", "Get Radius."),
            ("[area][searchTerm]", "string", "Get search term."),
            ("[pageSize]", "integer", "Get page size."),
            ("[currentPage]", "integer", "Get current page."),
            ("[scopeType]", "string", "Get Sales Channel Type."),
            ("[scopeCode]", "string", "Get Sales Channel code."),
            ("[sort][0][field]", "string", "Sorting field."),
            ("[sort][0][direction]", "string", "Sorting direction."),
        ],
    ),
];

const ERROR_SCHEMA: &str = "#/definitions/error-response";

/// Who asks: the schema lists what their ACL allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Customer,
    Admin,
}

impl Caller {
    /// `Framework/Webapi/Authorization::isAllowed`: every resource must be allowed.
    fn allows(self, resources: &[&str]) -> bool {
        resources.iter().all(|r| {
            *r == ANONYMOUS
                || match self {
                    Caller::Admin => true,
                    Caller::Customer => *r == SELF,
                    Caller::Anonymous => false,
                }
        })
    }
}

/// Magento's service name of an interface (`ServiceMetadata::getServiceName`, version `V1`):
/// `Magento\Sales\Api\OrderRepositoryInterface` is `salesOrderRepositoryV1`; an interface of
/// the older `<Vendor>\<Module>\Service\V<n>\...Interface` form (`Config::SERVICE_CLASS_PATTERN`)
/// takes its own version: `Magento\Backend\Service\V1\ModuleServiceInterface` is
/// `backendModuleServiceV1`.
pub fn service_name(interface: &str) -> String {
    let parts: Vec<&str> = interface.split('\\').collect();
    let versioned = parts.iter().position(|p| *p == "Service").filter(|&s| {
        s >= 2
            && parts.len() > s + 2
            && parts[s + 1].len() > 1
            && parts[s + 1].starts_with('V')
            && parts[s + 1][1..].bytes().all(|b| b.is_ascii_digit())
            && interface.ends_with("Interface")
    });
    let (api, version) = match versioned {
        Some(s) => (s + 1, parts[s + 1].to_owned()),
        None => match parts.iter().position(|p| *p == "Api") {
            Some(api) => (api, "V1".to_owned()),
            None => return interface.to_owned(),
        },
    };
    let module_end = if versioned.is_some() { api - 1 } else { api };
    let namespace = if parts[0] == "Magento" { "" } else { parts[0] };
    let module = parts[1..module_end].join("");
    let mut rest: Vec<String> = parts[api + 1..].iter().map(|s| s.to_string()).collect();
    if let Some(last) = rest.last_mut() {
        if let Some(stripped) = last.strip_suffix("Interface") {
            if !stripped.is_empty() {
                *last = stripped.to_owned();
            }
        }
    }
    let first = rest.first().cloned().unwrap_or_default();
    let module = if module == first {
        String::new()
    } else {
        module
    };
    let head = format!("{namespace}{module}{first}");
    let name: String = std::iter::once(head)
        .chain(rest.into_iter().skip(1))
        .chain(std::iter::once(version))
        .collect();
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => name,
    }
}

/// `Generator::generatePathInfo`'s operationId: `GET /V1/orders/{id}` is `GetV1OrdersId`.
pub fn operation_id(method: &Method, path: &str) -> String {
    let verb = method.as_str().to_ascii_lowercase();
    let mut id = ucfirst(&verb);
    let uri = path
        .replace("/{", "/")
        .replace("}/", "/")
        .replace(['{', '}'], "/");
    for segment in uri.split('/') {
        id.push_str(&ucfirst(segment).replace('-', ""));
    }
    id
}

fn ucfirst(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `TypeProcessor::translateTypeName` lower-dashed: the name of a data type's definition.
pub fn definition_name(ty: &str) -> String {
    let parts: Vec<&str> = ty.split('\\').collect();
    let name = match parts.iter().position(|p| *p == "Api" || *p == "Service") {
        Some(api) if api >= 2 => {
            let namespace = if parts[0] == "Magento" {
                String::new()
            } else {
                parts[..api - 1].join("")
            };
            let module = parts[api - 1];
            let mut tail = parts[api + 1..].join("\\");
            // `\2?`: a type namespaced again under its module's name drops the repeat.
            if let Some(t) = tail.strip_prefix(module) {
                tail = t.to_owned();
            }
            ucfirst(&format!("{namespace}{module}{}", tail.replace('\\', "")))
        }
        _ => ty.to_owned(),
    };
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn simple_type(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "bool" | "boolean" => "boolean",
        "int" | "integer" => "integer",
        "double" | "float" | "number" => "number",
        "string" | "mixed" | "anyType" => "string",
        _ => return None,
    })
}

/// The service method a route binds.
fn method_of(op: &Operation) -> Option<&'static ServiceMethod> {
    services::METHODS.iter().find(|m| m.service == op.service)
}

/// The positions (in the path split at `/`) of a route's path parameters that are its service
/// method's `int` parameters (`/V1/orders/{id}/comments`: `addComment($id, ...)`), which
/// `ServiceInputProcessor` converts with the body (not webapi.xml's forced ones).
pub fn int_path_params(op: &Operation) -> Vec<usize> {
    let Some(method) = method_of(op) else {
        return Vec::new();
    };
    op.path
        .trim_end_matches('/')
        .split('/')
        .enumerate()
        .filter_map(|(i, segment)| {
            let name = segment.strip_prefix('{')?.strip_suffix('}')?;
            method
                .params
                .iter()
                .any(|p| p.name == name && p.ty == "int" && !op.forced.contains(&name))
                .then_some(i)
        })
        .collect()
}

/// The description of an interface (`ClassReflector::extractClassDescription`).
fn interface_description(interface: &str) -> &'static str {
    services::INTERFACES
        .iter()
        .find(|(i, _)| *i == interface)
        .map_or("", |(_, d)| d)
}

/// The schema, built as `Generator::generateSchema` builds it.
struct Builder {
    definitions: Map<String, Value>,
    /// Builds the data types' definitions from their Rust shapes (`shapes`).
    generator: schemars::SchemaGenerator,
}

impl Builder {
    /// `Generator::getObjectSchema`.
    fn object_schema(&mut self, ty: &str, description: &str) -> Value {
        if let Some(simple) = simple_type(ty) {
            let mut s = json!({ "type": simple });
            if !description.is_empty() {
                s["description"] = json!(description);
            }
            return s;
        }
        let trimmed = ty.trim_end_matches("[]");
        if let Some(simple) = simple_type(trimmed) {
            let mut s = json!({ "type": "array" });
            if !description.is_empty() {
                s["description"] = json!(description);
            }
            s["items"] = json!({ "type": simple });
            s
        } else if ty.ends_with("[]") {
            let mut s = json!({ "type": "array" });
            if !description.is_empty() {
                s["description"] = json!(description);
            }
            s["items"] = json!({ "$ref": self.reference(trimmed) });
            s
        } else {
            json!({ "$ref": self.reference(trimmed) })
        }
    }

    fn reference(&mut self, ty: &str) -> String {
        let name = definition_name(ty);
        if !self.definitions.contains_key(&name) {
            // Placed first, as `getObjectSchema` does, so a type refers to itself safely.
            self.definitions.insert(name.clone(), Value::Null);
            let definition = self.definition(ty);
            self.definitions.insert(name.clone(), definition);
        }
        format!("#/definitions/{name}")
    }

    /// A data interface's definition. A search result is what `reply::search_results` (and
    /// the comment lists) send: `items` of the interface its `getItems` returns, the
    /// `search_criteria` echoed and `total_count`. Any other interface is an open object
    /// (see the module doc).
    fn definition(&mut self, ty: &str) -> Value {
        let short = ty.rsplit('\\').next().unwrap_or(ty);
        if let Some(build) = shapes::shape(ty) {
            let (mut definition, _) = shapes::swagger(&build(&mut self.generator).to_value());
            definition["description"] = json!(short);
            return definition;
        }
        let Some((item, echo, echo_type)) = search_result_item(ty) else {
            return json!({ "type": "object", "description": short });
        };
        let items = self.reference(&item);
        let echoed = self.reference(echo_type);
        let mut properties = Map::new();
        properties.insert(
            "items".into(),
            json!({ "type": "array", "description": "Items.", "items": { "$ref": items } }),
        );
        properties.insert(echo.into(), json!({ "$ref": echoed }));
        properties.insert(
            "total_count".into(),
            json!({ "type": "integer", "description": "Total count." }),
        );
        json!({
            "type": "object",
            "description": short,
            "properties": properties,
            "required": ["items", echo, "total_count"]
        })
    }

    fn path_info(&mut self, op: &Operation, method: &ServiceMethod) -> Value {
        let operation_id = operation_id(&op.method, op.path);
        let mut info = Map::new();
        info.insert("tags".into(), json!([service_name(op.interface())]));
        info.insert("description".into(), json!(method.doc));
        info.insert("operationId".into(), json!(operation_id));
        info.insert(
            "consumes".into(),
            json!(["application/json", "application/xml"]),
        );
        info.insert(
            "produces".into(),
            json!(["application/json", "application/xml"]),
        );
        let parameters = self.parameters(op, method, &operation_id);
        if !parameters.is_empty() {
            info.insert("parameters".into(), Value::Array(parameters));
        }
        info.insert("responses".into(), self.responses(op, method));
        Value::Object(info)
    }

    /// `Generator::generateMethodParameters`.
    fn parameters(
        &mut self,
        op: &Operation,
        method: &ServiceMethod,
        operation_id: &str,
    ) -> Vec<Value> {
        let mut parameters = Vec::new();
        let mut body = Map::new();
        let mut body_required = Vec::new();
        for param in method.params {
            if op.forced.contains(&param.name) {
                continue;
            }
            if op.path.contains(&format!("{{{}}}", param.name)) {
                let mut p = json!({
                    "name": param.name,
                    "in": "path",
                    "type": simple_type(param.ty).unwrap_or("string"),
                    "required": true,
                });
                if !param.doc.is_empty() {
                    p["description"] = json!(param.doc);
                }
                parameters.push(p);
            } else if op.method == Method::GET {
                match QUERY_EXPANSIONS.iter().find(|(ty, _)| *ty == param.ty) {
                    Some((_, leaves)) => {
                        for (suffix, ty, doc) in leaves.iter() {
                            parameters.push(json!({
                                "name": format!("{}{suffix}", param.name),
                                "in": "query",
                                "type": ty,
                                "description": doc,
                            }));
                        }
                    }
                    None => {
                        let mut p = json!({ "name": param.name, "in": "query" });
                        if let (Value::Object(p), Value::Object(s)) =
                            (&mut p, self.object_schema(param.ty, param.doc))
                        {
                            p.extend(s);
                        }
                        p["required"] = json!(param.required);
                        parameters.push(p);
                    }
                }
            } else {
                if param.required {
                    body_required.push(json!(param.name));
                }
                body.insert(param.name.into(), self.object_schema(param.ty, param.doc));
            }
        }
        for segment in op.path.split('/') {
            if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                if !method.params.iter().any(|p| p.name == name) {
                    parameters.push(json!({
                        "name": name,
                        "in": "path",
                        "type": "string",
                        "required": true,
                    }));
                }
            }
        }
        if !body.is_empty() {
            let mut schema = Map::new();
            if !body_required.is_empty() {
                schema.insert("required".into(), Value::Array(body_required));
            }
            schema.insert("properties".into(), Value::Object(body));
            schema.insert("type".into(), json!("object"));
            schema.insert("xml".into(), json!({ "name": "request" }));
            parameters.push(json!({
                "name": format!("{operation_id}Body"),
                "in": "body",
                "schema": schema,
            }));
        }
        parameters
    }

    /// `Generator::generateMethodResponses`.
    fn responses(&mut self, op: &Operation, method: &ServiceMethod) -> Value {
        let mut responses = Map::new();
        if let Some((ty, doc)) = method.returns {
            let ty = RETURNS_SENT
                .iter()
                .find(|(s, _)| *s == op.service)
                .map_or(ty, |(_, t)| t);
            let schema = if ty.is_empty() {
                json!({ "description": doc })
            } else {
                self.object_schema(ty, doc)
            };
            responses.insert(
                "200".into(),
                json!({ "description": "200 Success.", "schema": schema }),
            );
        } else {
            // Magento lists no 200 for a `void` method; magemu answers `[]` (as Magento's
            // REST renderer does for a null result), so the schema says so.
            responses.insert(
                "200".into(),
                json!({ "description": "200 Success.", "schema": { "type": "array", "items": { "type": "string" } } }),
            );
        }
        let error = |description: &str| json!({ "description": description, "schema": { "$ref": ERROR_SCHEMA } });
        if op.resources.iter().any(|r| *r != ANONYMOUS) {
            responses.insert("401".into(), error("401 Unauthorized"));
        }
        for exception in method.throws {
            let (code, description) = match *exception {
                "NoSuchEntityException" => ("404", "404 Not Found"),
                "AuthorizationException"
                | "AuthenticationException"
                | "EmailNotConfirmedException" => ("401", "401 Unauthorized"),
                "InputException"
                | "CouldNotSaveException"
                | "CouldNotDeleteException"
                | "StateException"
                | "ValidationException"
                | "AlreadyExistsException"
                | "InvalidEmailOrPasswordException"
                | "InputMismatchException" => ("400", "400 Bad Request"),
                _ => ("500", "Internal Server error"),
            };
            responses.insert(code.into(), error(description));
        }
        responses.insert("default".into(), error("Unexpected error"));
        Value::Object(responses)
    }
}

/// The item interface of a search result interface (what its `getItems` returns) and the
/// interface it echoes the request as: `OrderSearchResultInterface` lists `OrderInterface`
/// with its `search_criteria`, as the data interfaces name them, but for the two whose names do
/// not say it.
fn search_result_item(ty: &str) -> Option<(String, &'static str, &'static str)> {
    const CRITERIA: (&str, &str) = (
        "search_criteria",
        r"Magento\Framework\Api\SearchCriteriaInterface",
    );
    match ty {
        // module-inventory-in-store-pickup-api/Api/Data/SearchResultInterface.php: the items
        // and the search request it answers.
        r"Magento\InventoryInStorePickupApi\Api\Data\SearchResultInterface" => Some((
            r"Magento\InventoryInStorePickupApi\Api\Data\PickupLocationInterface".to_owned(),
            "search_request",
            r"Magento\InventoryInStorePickupApi\Api\Data\SearchRequestInterface",
        )),
        // Its getItems has no doc block of its own, so Magento's schema lists Framework's
        // `ExtensibleDataInterface`; what it (and magemu) sends are the stock index rows.
        r"Magento\InventoryExportStockApi\Api\Data\ExportStockSalableQtySearchResultInterface" => {
            Some((
                r"Magento\InventoryExportStockApi\Api\Data\ProductStockIndexDataInterface"
                    .to_owned(),
                CRITERIA.0,
                CRITERIA.1,
            ))
        }
        _ => ["SearchResultInterface", "SearchResultsInterface"]
            .iter()
            .find_map(|suffix| ty.strip_suffix(suffix))
            .filter(|stem| !stem.ends_with('\\'))
            .map(|stem| (format!("{stem}Interface"), CRITERIA.0, CRITERIA.1)),
    }
}

/// `Generator::getDefinitions`' fixed error definitions.
fn error_definitions() -> Map<String, Value> {
    let value = json!({
        "error-response": {
            "type": "object",
            "properties": {
                "message": { "type": "string", "description": "Error message" },
                "errors": { "$ref": "#/definitions/error-errors" },
                "code": { "type": "integer", "description": "Error code" },
                "parameters": { "$ref": "#/definitions/error-parameters" },
                "trace": { "type": "string", "description": "Stack trace" }
            },
            "required": ["message"]
        },
        "error-errors": {
            "type": "array",
            "description": "Errors list",
            "items": { "$ref": "#/definitions/error-errors-item" }
        },
        "error-errors-item": {
            "type": "object",
            "description": "Error details",
            "properties": {
                "message": { "type": "string", "description": "Error message" },
                "parameters": { "$ref": "#/definitions/error-parameters" }
            }
        },
        // Magento says a list of `error-parameters-item`, but its renderer sends the
        // exception's parameters as they are: a list of values (`["ASC"]`) or an object
        // keyed by name (`{"fieldName": "entity"}`). magemu sends the same, so the schema
        // leaves the type open.
        "error-parameters": {
            "description": "Error parameters list"
        },
        "error-parameters-item": {
            "type": "object",
            "description": "Error parameters item",
            "properties": {
                "resources": { "type": "string", "description": "ACL resource" },
                "fieldName": { "type": "string", "description": "Missing or invalid field name" },
                "fieldValue": { "type": "string", "description": "Incorrect field value" }
            }
        }
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The services a caller may use, in the table's order (`Generator::getListOfServices`).
pub fn list_of_services(table: &[Operation], caller: Caller) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for op in table.iter() {
        let name = service_name(op.interface());
        if caller.allows(op.resources) && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The Swagger document of `services` as `caller` may see them.
pub fn generate(
    table: &[Operation],
    services: &[String],
    caller: Caller,
    host: &str,
    base_path: &str,
) -> Result<Value> {
    let mut builder = Builder {
        definitions: Map::new(),
        generator: shapes::generator(),
    };
    let mut tags = Vec::new();
    let mut paths = Map::new();
    for service in services {
        let ops: Vec<&Operation> = table
            .iter()
            .filter(|op| service_name(op.interface()) == *service)
            .collect();
        if ops.is_empty() {
            // ServiceMetadata::getRouteMetadata's RuntimeException: a masked 500.
            return Err(Error::internal(format!(
                "Requested service is not available: \"{service}\""
            )));
        }
        let allowed: Vec<&Operation> = ops
            .into_iter()
            .filter(|op| caller.allows(op.resources))
            .collect();
        let Some(first) = allowed.first() else {
            continue;
        };
        tags.push(json!({
            "name": service,
            "description": interface_description(first.interface()),
        }));
        for op in allowed {
            let Some(method) = method_of(op) else {
                return Err(Error::internal(format!("no service method {}", op.service)));
            };
            let info = builder.path_info(op, method);
            let entry = paths
                .entry(op.path.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(entry) = entry {
                entry.insert(op.method.as_str().to_ascii_lowercase(), info);
            }
        }
    }
    let mut definitions = error_definitions();
    definitions.extend(builder.definitions);
    // The nested types the Rust shapes brought along, under their own (Magento's) names.
    for (name, nested) in builder.generator.take_definitions(false) {
        if !definitions.contains_key(&name) {
            definitions.insert(name, shapes::swagger(&nested).0);
        }
    }
    input_forms(&mut paths, &mut definitions);
    let mut schema = Map::new();
    schema.insert(
        "securityDefinitions".into(),
        json!({ "api_key": { "type": "apiKey", "name": "api_key", "in": "header" } }),
    );
    schema.insert("swagger".into(), json!("2.0"));
    schema.insert(
        "info".into(),
        json!({ "version": "2.4", "title": "Magento Community" }),
    );
    schema.insert("host".into(), json!(host));
    schema.insert("basePath".into(), json!(base_path));
    schema.insert("schemes".into(), json!(["http"]));
    if !tags.is_empty() {
        schema.insert("tags".into(), Value::Array(tags));
    }
    if !paths.is_empty() {
        schema.insert("paths".into(), Value::Object(paths));
    }
    schema.insert("definitions".into(), Value::Object(definitions));
    Ok(Value::Object(schema))
}

/// Every `$ref`'s definition name in `value`.
fn referenced(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v.as_str()) {
                    ("$ref", Some(r)) => {
                        if let Some(name) = r.strip_prefix("#/definitions/") {
                            out.push(name.to_owned());
                        }
                    }
                    _ => referenced(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| referenced(v, out)),
        _ => {}
    }
}

/// The definitions `roots` refer to, directly or through other definitions.
fn closure(roots: Vec<String>, definitions: &Map<String, Value>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = roots;
    while let Some(name) = stack.pop() {
        if seen.insert(name.clone()) {
            if let Some(definition) = definitions.get(&name) {
                referenced(definition, &mut stack);
            }
        }
    }
    seen
}

/// Request bodies take the input form of their types (`shapes::input_form`: no property
/// types, nothing required below the body's own parameters), as the input conversion is more
/// lenient than what replies send. A definition no reply refers to is replaced by its input
/// form; one a reply uses keeps its reply form and the body refers to `<name>-input`.
fn input_forms(paths: &mut Map<String, Value>, definitions: &mut Map<String, Value>) {
    let mut reply_roots = Vec::new();
    let mut body_roots = Vec::new();
    for op in paths
        .values()
        .filter_map(Value::as_object)
        .flat_map(|m| m.values())
    {
        for (key, part) in op.as_object().into_iter().flatten() {
            if key != "parameters" {
                referenced(part, &mut reply_roots);
                continue;
            }
            for p in part.as_array().into_iter().flatten() {
                if p["in"] == "body" {
                    referenced(p, &mut body_roots);
                } else {
                    referenced(p, &mut reply_roots);
                }
            }
        }
    }
    let replied = closure(reply_roots, definitions);
    let rename = |name: &str| {
        if replied.contains(name) {
            format!("{name}-input")
        } else {
            name.to_owned()
        }
    };
    for name in closure(body_roots.clone(), definitions) {
        if let Some(definition) = definitions.get(&name) {
            let input = shapes::input_form(definition, &rename);
            definitions.insert(rename(&name), input);
        }
    }
    // The body parameters' own properties take any value the conversion accepts too; the
    // parameters the method requires stay required.
    for op in paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|m| m.values_mut())
    {
        let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            continue;
        };
        for p in params.iter_mut().filter(|p| p["in"] == "body") {
            if let Some(props) = p["schema"]["properties"].as_object_mut() {
                for prop in props.values_mut() {
                    *prop = shapes::input_form(prop, &rename);
                }
            }
        }
    }
}

/// `Framework/Webapi/Request::_convertRequestParamToServiceArray`.
fn requested_services(param: Option<&str>) -> Result<Option<Vec<String>>> {
    let param = param.unwrap_or("all");
    if param == "all" {
        return Ok(None);
    }
    let well_formed = !param.is_empty()
        && param.split(',').all(|s| {
            s.rfind('V').is_some_and(|v| {
                let (name, version) = (&s[..v], &s[v + 1..]);
                name.chars().all(|c| c.is_ascii_alphanumeric())
                    && !version.is_empty()
                    && version.chars().all(|c| c.is_ascii_digit())
            })
        });
    if !well_formed {
        return Err(Error::input(
            "Incorrect format of request URI or Requested services are missing.",
        ));
    }
    Ok(Some(param.split(',').map(str::to_owned).collect()))
}

/// `GET /rest/<store>/schema[?services=...]`.
pub async fn serve(State(state): State<AppState>, request: Request) -> Result<Response> {
    let (parts, body) = request.into_parts();
    let caller = caller(&state, &parts).await?;
    let request = Request::from_parts(parts, body);
    let uri: &Uri = request.uri();
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(uri.query().unwrap_or("")).unwrap_or_default();
    let services = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "services")
        .map(|(_, v)| v.as_str());
    let table = routes::table();
    let services = match requested_services(services)? {
        Some(list) => list,
        None => list_of_services(&table, caller),
    };
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let base_path = match request.extensions().get::<StoreScope>() {
        Some(StoreScope(Some(code))) => format!("/rest/{code}"),
        _ => "/rest".to_owned(),
    };
    let schema = generate(&table, &services, caller, host, &base_path)?;
    let body = serde_json::to_vec(&schema).map_err(Error::internal)?;
    // `SchemaRequestProcessor::process` sets the type without a charset.
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response())
}

/// The caller: an admin or the store's integration (every resource), a customer, or anyone (a
/// token that is neither is anyone, as Magento's token user context leaves the user a guest).
async fn caller(state: &AppState, parts: &axum::http::request::Parts) -> Result<Caller> {
    if crate::http::extract::staff(parts, state).await?.is_some() {
        return Ok(Caller::Admin);
    }
    let token = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(crate::http::extract::bearer_token);
    if let Some(token) = token {
        if crate::customer::token_customer(&state.db, token)
            .await?
            .is_some()
        {
            return Ok(Caller::Customer);
        }
    }
    Ok(Caller::Anonymous)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_magento_makes_them() {
        for (interface, name) in [
            (
                r"Magento\Sales\Api\OrderRepositoryInterface",
                "salesOrderRepositoryV1",
            ),
            (
                r"Magento\Customer\Api\CustomerRepositoryInterface",
                "customerCustomerRepositoryV1",
            ),
            (
                r"Magento\InventoryApi\Api\SourceItemRepositoryInterface",
                "inventoryApiSourceItemRepositoryV1",
            ),
            (
                r"Magento\Backend\Service\V1\ModuleServiceInterface",
                "backendModuleServiceV1",
            ),
        ] {
            assert_eq!(service_name(interface), name);
        }
        assert_eq!(
            operation_id(&Method::GET, "/V1/orders/{id}"),
            "GetV1OrdersId"
        );
        assert_eq!(
            operation_id(&Method::POST, "/V1/inventory/source-items"),
            "PostV1InventorySourceitems"
        );
        assert_eq!(
            operation_id(&Method::POST, "/V1/invoices/"),
            "PostV1Invoices"
        );
        assert_eq!(
            definition_name(r"Magento\Sales\Api\Data\OrderInterface"),
            "sales-data-order-interface"
        );
        assert_eq!(
            definition_name(r"Magento\Framework\Api\SearchCriteriaInterface"),
            "framework-search-criteria-interface"
        );
    }

    #[test]
    fn services_parameter_as_magento_reads_it() {
        assert_eq!(requested_services(None).ok(), Some(None));
        assert_eq!(requested_services(Some("all")).ok(), Some(None));
        assert!(requested_services(Some("salesOrderRepositoryV1,fooV2")).is_ok());
        assert!(requested_services(Some("")).is_err());
        assert!(requested_services(Some("salesOrderRepository")).is_err());
        assert!(requested_services(Some("sales-orderV1")).is_err());
    }
}
