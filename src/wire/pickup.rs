//! In-Store Pickup as JSON: the `searchRequest` (`SearchRequestInterface`, from the query
//! string or a body) and the `PickupLocationInterface` search result.

use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::error::{Error, Phrase, Result, FIELD_NOT_SUPPORTED};
use crate::inventory::pickup::{PickupFilter, SearchRequest, SearchResult};
use crate::wire::input::{self, Obj};

const FILTERS: [(&str, &str); 8] = [
    ("country", "country"),
    ("postcode", "postcode"),
    ("region", "region"),
    ("region_id", "regionId"),
    ("city", "city"),
    ("street", "street"),
    ("name", "name"),
    ("pickup_location_code", "pickupLocationCode"),
];

/// PHP's `empty()` of a request value.
fn php_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty() || s == "0",
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

/// `value` with the snake_case spellings of `camel` (constructor arguments of more than one
/// word) taken out. The pickup request's data objects have no setters: `_createFromArray`
/// passes a key to the constructor only under the argument's own name (`scopeCode`), and for
/// any other spelling looks for a setter, skips the key when its value is `empty()` and
/// otherwise refuses it as `"%fieldName" is not supported.` (framework
/// `Webapi/ServiceInputProcessor.php::_createFromArray`, `getConstructorData`).
fn constructor_keys_only(value: &Value, camel: &[&str]) -> Result<Value> {
    let Some(map) = value.as_object() else {
        return Ok(value.clone());
    };
    let mut kept = Map::new();
    for (key, v) in map {
        let other_spelling = camel.iter().any(|c| key != c && input::same_key(key, c));
        if !other_spelling {
            kept.insert(key.clone(), v.clone());
        } else if !php_empty(v) {
            return Err(Error::Input(Phrase::named(
                FIELD_NOT_SUPPORTED,
                "fieldName",
                input::upper_camel(key),
            )));
        }
    }
    Ok(Value::Object(kept))
}

/// `GetPickupLocationsInterface::execute`'s required `searchRequest`.
pub fn parse_search_params(params: &Map<String, Value>) -> Result<SearchRequest> {
    parse_search_request(crate::wire::inventory_master::required(
        params,
        "search_request",
        "searchRequest",
    )?)
}

/// `searchRequest[...]`.
pub fn parse_search_request(value: &Value) -> Result<SearchRequest> {
    let value = &constructor_keys_only(
        value,
        &["scopeType", "scopeCode", "pageSize", "currentPage"],
    )?;
    let o = Obj::new(
        value,
        &[
            "area",
            "filters",
            "page_size",
            "current_page",
            "scope_type",
            "scope_code",
            "sort",
            "extension_attributes",
        ],
    )?;
    let mut r = SearchRequest {
        page_size: o.int("page_size")?,
        current_page: o.int("current_page")?.unwrap_or(1),
        scope_type: o.string("scope_type")?.unwrap_or_else(|| "website".into()),
        scope_code: o.string("scope_code")?.unwrap_or_default(),
        ..Default::default()
    };
    if let Some((_, area)) = o.get("area") {
        let area = &constructor_keys_only(area, &["searchTerm"])?;
        let a = Obj::new(area, &["radius", "search_term"])?;
        r.area = Some((
            a.int("radius")?.unwrap_or(0),
            a.string("search_term")?.unwrap_or_default(),
        ));
    }
    if let Some((_, filters)) = o.get("filters") {
        let names: Vec<&str> = FILTERS.iter().map(|(n, _)| *n).collect();
        let filters = &constructor_keys_only(filters, &["regionId", "pickupLocationCode"])?;
        let f = Obj::new(filters, &names)?;
        for (name, _) in FILTERS {
            if let Some((_, filter)) = f.get(name) {
                let filter = &constructor_keys_only(filter, &["conditionType"])?;
                let v = Obj::new(filter, &["value", "condition_type"])?;
                r.filters.push(PickupFilter {
                    field: name,
                    value: v.string("value")?.unwrap_or_default(),
                    condition_type: v.string("condition_type")?.unwrap_or_else(|| "eq".into()),
                });
            }
        }
    }
    if let Some((_, sort)) = o.get("sort") {
        for s in input::list(sort)? {
            let s = Obj::new(s, &["field", "direction"])?;
            let direction = s.string("direction")?;
            let checked = crate::search::sort_order(s.string("field")?, direction.as_deref())?;
            r.sort
                .push((checked.field.unwrap_or_default(), checked.direction));
        }
    }
    if let Some((_, ext)) = o.get("extension_attributes") {
        let e = Obj::new(ext, &["products_info"])?;
        if let Some((_, infos)) = e.get("products_info") {
            let mut skus = Vec::new();
            for info in input::list(infos)? {
                let i = Obj::new(info, &["sku", "extension_attributes"])?;
                skus.push(i.string("sku")?.unwrap_or_default());
            }
            r.skus = Some(skus);
        }
    }
    Ok(r)
}

fn coordinate(text: &Option<String>) -> Value {
    text.as_deref()
        .and_then(|t| t.parse::<rust_decimal::Decimal>().ok())
        .map(|d| serde_json::from_str(&d.normalize().to_string()).unwrap_or(Value::Null))
        .unwrap_or(Value::Null)
}

/// `SearchResultInterface`: the locations, the request echoed, the count.
pub fn result_json(request: &SearchRequest, result: &SearchResult) -> Value {
    let items: Vec<Value> = result
        .items
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("pickup_location_code".into(), json!(s.source_code));
            // The pickup location mapper (module-inventory-in-store-pickup/etc/di.xml):
            // `frontend_name` is the location's name.
            m.insert("name".into(), json!(s.frontend_name));
            let mut opt = |k: &str, v: Value| {
                if !v.is_null() {
                    m.insert(k.into(), v);
                }
            };
            opt("email", json!(s.email));
            opt("fax", json!(s.fax));
            opt("contact_name", json!(s.contact_name));
            opt("description", json!(s.frontend_description));
            opt("latitude", coordinate(&s.latitude));
            opt("longitude", coordinate(&s.longitude));
            opt("country_id", json!(s.country_id));
            opt("region_id", json!(s.region_id));
            opt("region", json!(s.region));
            opt("city", json!(s.city));
            opt("street", json!(s.street));
            opt("postcode", json!(s.postcode));
            opt("phone", json!(s.phone));
            Value::Object(m)
        })
        .collect();
    let mut echo = Map::new();
    if let Some((radius, term)) = &request.area {
        echo.insert(
            "area".into(),
            json!({"radius": radius, "search_term": term}),
        );
    }
    if !request.filters.is_empty() {
        let filters: Map<String, Value> = request
            .filters
            .iter()
            .map(|f| {
                (
                    f.field.to_owned(),
                    json!({"value": f.value, "condition_type": f.condition_type}),
                )
            })
            .collect();
        echo.insert("filters".into(), Value::Object(filters));
    }
    if let Some(size) = request.page_size {
        echo.insert("page_size".into(), json!(size));
    }
    echo.insert("current_page".into(), json!(request.current_page));
    echo.insert("scope_type".into(), json!(request.scope_type));
    echo.insert("scope_code".into(), json!(request.scope_code));
    if !request.sort.is_empty() {
        let sort: Vec<Value> = request
            .sort
            .iter()
            .map(|(f, d)| json!({"field": f, "direction": d}))
            .collect();
        echo.insert("sort".into(), Value::Array(sort));
    }
    if let Some(skus) = &request.skus {
        let infos: Vec<Value> = skus.iter().map(|s| json!({"sku": s})).collect();
        echo.insert(
            "extension_attributes".into(),
            json!({"products_info": infos}),
        );
    }
    json!({"items": items, "search_request": echo, "total_count": result.total_count})
}

/// `PickupLocationInterface` as [`result_json`] writes it (nulls left out).
pub fn location_schema(_: &mut SchemaGenerator) -> Schema {
    let mut properties = Map::new();
    for key in [
        "pickup_location_code",
        "name",
        "email",
        "fax",
        "contact_name",
        "description",
        "country_id",
        "region",
        "city",
        "street",
        "postcode",
        "phone",
    ] {
        properties.insert(key.into(), json!({ "type": "string" }));
    }
    properties.insert("latitude".into(), json!({ "type": "number" }));
    properties.insert("longitude".into(), json!({ "type": "number" }));
    properties.insert("region_id".into(), json!({ "type": "integer" }));
    json_schema!({
        "type": "object",
        "properties": properties,
        "required": ["pickup_location_code", "name"]
    })
}

/// `SearchRequestInterface` as [`result_json`] echoes it (and [`parse_search_request`]
/// reads it).
pub fn search_request_schema(_: &mut SchemaGenerator) -> Schema {
    let filter = json!({
        "type": "object",
        "properties": {
            "value": { "type": "string" },
            "condition_type": { "type": "string" }
        },
        "required": ["value", "condition_type"]
    });
    let filters: Map<String, Value> = FILTERS
        .iter()
        .map(|(name, _)| ((*name).to_owned(), filter.clone()))
        .collect();
    json_schema!({
        "type": "object",
        "properties": {
            "area": {
                "type": "object",
                "properties": {
                    "radius": { "type": "integer" },
                    "search_term": { "type": "string" }
                },
                "required": ["radius", "search_term"]
            },
            "filters": { "type": "object", "properties": filters },
            "page_size": { "type": "integer" },
            "current_page": { "type": "integer" },
            "scope_type": { "type": "string" },
            "scope_code": { "type": "string" },
            "sort": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "field": { "type": "string" },
                        "direction": { "type": "string" }
                    },
                    "required": ["field", "direction"]
                }
            },
            "extension_attributes": {
                "type": "object",
                "properties": { "products_info": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": { "sku": { "type": "string" } },
                        "required": ["sku"]
                    }
                } }
            }
        },
        "required": ["current_page", "scope_type", "scope_code"]
    })
}
