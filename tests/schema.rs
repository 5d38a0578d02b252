//! `GET /rest/<store>/schema`: Swagger 2.0 built from the route table, as Magento's
//! `Webapi/Model/Rest/Swagger/Generator` builds it (see src/http/schema.rs).

use crate::common;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::spawn_app;

const JANE: (&str, &str) = ("jdoe@example.com", "Password1");

/// Every (METHOD, path) of a schema.
fn operations(schema: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, methods) in schema["paths"].as_object().expect("paths") {
        for method in methods.as_object().expect("methods").keys() {
            out.insert((method.to_uppercase(), path.clone()));
        }
    }
    out
}

/// Every `$ref` in a value.
fn refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "$ref" {
                    out.push(v.as_str().expect("a $ref string").to_owned());
                } else {
                    refs(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Swagger 2.0's structural rules the generator must keep (what a validator checks first).
fn assert_valid_swagger(schema: &Value) {
    assert_eq!(schema["swagger"], "2.0");
    assert!(schema["info"]["title"].is_string() && schema["info"]["version"].is_string());
    assert!(schema["basePath"]
        .as_str()
        .expect("basePath")
        .starts_with('/'));
    let definitions = schema["definitions"].as_object().expect("definitions");
    let mut all_refs = Vec::new();
    refs(schema, &mut all_refs);
    for r in &all_refs {
        let name = r
            .strip_prefix("#/definitions/")
            .expect("a local definition");
        assert!(definitions.contains_key(name), "dangling {r}");
    }
    let tags: BTreeSet<&str> = schema["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t["name"].as_str().expect("tag name"))
        .collect();
    let mut ids = BTreeSet::new();
    for (path, methods) in schema["paths"].as_object().expect("paths") {
        assert!(path.starts_with('/'), "{path}");
        let templated: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .collect();
        for (method, op) in methods.as_object().expect("methods") {
            assert!(
                ["get", "put", "post", "delete"].contains(&method.as_str()),
                "{method} {path}"
            );
            let id = op["operationId"].as_str().expect("operationId");
            assert!(ids.insert(id.to_owned()), "operationId {id} twice");
            for tag in op["tags"].as_array().expect("tags") {
                assert!(tags.contains(tag.as_str().expect("tag")), "{tag}");
            }
            assert!(op["responses"].as_object().is_some_and(|r| !r.is_empty()));
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let mut path_params = BTreeSet::new();
            let mut bodies = 0;
            for p in &params {
                match p["in"].as_str().expect("in") {
                    "path" => {
                        assert_eq!(p["required"], true, "{id} {p}");
                        assert!(p["type"].is_string(), "{id} {p}");
                        path_params.insert(p["name"].as_str().expect("name").to_owned());
                    }
                    "query" => assert!(p["type"].is_string(), "{id} {p}"),
                    "body" => {
                        bodies += 1;
                        assert!(p["schema"].is_object(), "{id} {p}");
                        assert!(method != "get", "{id}: a body on GET");
                    }
                    other => panic!("{id}: parameter in {other}"),
                }
            }
            assert!(bodies <= 1, "{id}");
            let templated: BTreeSet<String> = templated.iter().map(|s| s.to_string()).collect();
            assert_eq!(path_params, templated, "{id}: path parameters");
        }
    }
}

#[tokio::test]
async fn the_schema_lists_every_served_operation_and_only_those() {
    let app = spawn_app().await;
    let token = app.token().await;
    let reply = app.get("/rest/all/schema?services=all", &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.content_type.as_deref(), Some("application/json"));
    let schema = reply.body;
    assert_valid_swagger(&schema);
    assert_eq!(
        schema["info"],
        json!({"version": "2.4", "title": "Magento Community"})
    );
    assert_eq!(schema["basePath"], "/rest/all");
    assert_eq!(
        schema["securityDefinitions"],
        json!({"api_key": {"type": "apiKey", "name": "api_key", "in": "header"}})
    );

    // Every route of the table is in it, and nothing else.
    let table = magemu::http::routes::table();
    let expected: BTreeSet<(String, String)> = table
        .iter()
        .map(|op| (op.method.as_str().to_owned(), op.path.to_owned()))
        .collect();
    assert_eq!(operations(&schema), expected);

    // Each listed operation is served: anything but the router's 404.
    for (method, path) in operations(&schema) {
        let concrete: String = path
            .split('/')
            .map(|s| if s.starts_with('{') { "1" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let body = (method != reqwest::Method::GET).then(|| "{}".to_owned());
        let reply = app
            .send(
                method.clone(),
                &format!("/rest/default{concrete}"),
                Some(&token),
                Some("application/json"),
                body,
            )
            .await;
        assert!(
            reply.body["message"] != "Request does not match any route.",
            "{method} {path} is listed but not served"
        );
    }
}

#[tokio::test]
async fn operations_are_named_as_magento_names_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let schema = app
        .get("/rest/default/schema?services=all", &token)
        .await
        .body;
    assert_eq!(schema["basePath"], "/rest/default");
    for (method, path, id, tag) in [
        ("get", "/V1/orders", "GetV1Orders", "salesOrderRepositoryV1"),
        (
            "get",
            "/V1/orders/{id}",
            "GetV1OrdersId",
            "salesOrderRepositoryV1",
        ),
        (
            "post",
            "/V1/order/{orderId}/invoice",
            "PostV1OrderOrderIdInvoice",
            "salesInvoiceOrderV1",
        ),
        (
            "post",
            "/V1/inventory/source-items",
            "PostV1InventorySourceitems",
            "inventoryApiSourceItemsSaveV1",
        ),
        (
            "post",
            "/V1/integration/admin/token",
            "PostV1IntegrationAdminToken",
            "integrationAdminTokenServiceV1",
        ),
        (
            "post",
            "/V1/invoices/",
            "PostV1Invoices",
            "salesInvoiceRepositoryV1",
        ),
    ] {
        let op = &schema["paths"][path][method];
        assert_eq!(op["operationId"], id, "{method} {path}");
        assert_eq!(op["tags"], json!([tag]), "{method} {path}");
    }

    // getList: searchCriteria expanded into query parameters, the result a search result.
    let list = &schema["paths"]["/V1/orders"]["get"];
    let names: Vec<&str> = list["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "searchCriteria[filterGroups][0][filters][0][field]",
            "searchCriteria[filterGroups][0][filters][0][value]",
            "searchCriteria[filterGroups][0][filters][0][conditionType]",
            "searchCriteria[sortOrders][0][field]",
            "searchCriteria[sortOrders][0][direction]",
            "searchCriteria[pageSize]",
            "searchCriteria[currentPage]",
        ]
    );
    assert_eq!(
        list["responses"]["200"],
        json!({"description": "200 Success.", "schema": {"$ref": "#/definitions/sales-data-order-search-result-interface"}})
    );
    assert_eq!(
        list["responses"]["401"],
        json!({"description": "401 Unauthorized", "schema": {"$ref": "#/definitions/error-response"}})
    );

    // A search result as magemu's lists send it.
    assert_eq!(
        schema["definitions"]["sales-data-order-search-result-interface"],
        json!({
            "type": "object",
            "description": "OrderSearchResultInterface",
            "properties": {
                "items": {"type": "array", "description": "Items.", "items": {"$ref": "#/definitions/sales-data-order-interface"}},
                "search_criteria": {"$ref": "#/definitions/framework-search-criteria-interface"},
                "total_count": {"type": "integer", "description": "Total count."}
            },
            "required": ["items", "search_criteria", "total_count"]
        })
    );

    // A body parameter named after the operation, with the method's parameters; a data type
    // in its input form (the reply's definition takes no numeric string for a number).
    let create = &schema["paths"]["/V1/orders"]["post"]["parameters"];
    assert_eq!(
        create,
        &json!([{
            "name": "PostV1OrdersBody",
            "in": "body",
            "schema": {
                "required": ["entity"],
                "properties": {"entity": {"$ref": "#/definitions/sales-data-order-interface-input"}},
                "type": "object",
                "xml": {"name": "request"}
            }
        }])
    );
    // A path parameter typed as the PHP parameter.
    assert_eq!(
        schema["paths"]["/V1/orders/{id}"]["get"]["parameters"],
        json!([{"name": "id", "in": "path", "type": "integer", "required": true, "description": "The order ID."}])
    );
    // An id created by the REST layer is what magemu sends: a string.
    assert_eq!(
        schema["paths"]["/V1/order/{orderId}/invoice"]["post"]["responses"]["200"]["schema"],
        json!({"type": "string"})
    );
    // The `mine` routes leave out the parameters webapi.xml forces.
    let mine = &schema["paths"]["/V1/carts/mine/items"]["get"];
    assert!(mine.get("parameters").is_none(), "{mine}");
}

#[tokio::test]
async fn services_selects_the_services_listed() {
    let app = spawn_app().await;
    let token = app.token().await;
    let schema = app
        .get(
            "/rest/all/schema?services=salesOrderRepositoryV1,salesInvoiceOrderV1",
            &token,
        )
        .await
        .body;
    assert_valid_swagger(&schema);
    let tags: Vec<&str> = schema["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| t["name"].as_str().expect("name"))
        .collect();
    assert_eq!(tags, ["salesOrderRepositoryV1", "salesInvoiceOrderV1"]);
    assert_eq!(
        operations(&schema),
        [
            ("GET", "/V1/orders"),
            ("POST", "/V1/orders"),
            ("GET", "/V1/orders/{id}"),
            ("PUT", "/V1/orders/create"),
            ("POST", "/V1/order/{orderId}/invoice"),
        ]
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect()
    );

    // No `services` is every service, as `services=all`.
    let all = app.get("/rest/all/schema?services=all", &token).await.body;
    let none = app.get("/rest/all/schema", &token).await.body;
    assert_eq!(all, none);

    // A malformed list is Magento's 400; a well-formed name of no service its masked 500.
    for bad in ["orders", "salesOrderRepositoryV1,", "", "sales-orderV1"] {
        let reply = app
            .get(&format!("/rest/all/schema?services={bad}"), &token)
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(
            reply.body,
            json!({"message": "Incorrect format of request URI or Requested services are missing."})
        );
    }
    let reply = app.get("/rest/all/schema?services=fooBarV1", &token).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(reply.body["message"]
        .as_str()
        .expect("message")
        .starts_with("Internal Error. Details are available in Magento log file."));
}

#[tokio::test]
async fn an_anonymous_caller_sees_the_anonymous_routes_and_a_customer_its_own() {
    let app = spawn_app().await;
    let anonymous = app
        .send(
            reqwest::Method::GET,
            "/rest/default/schema",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::OK);
    let schema = anonymous.body;
    assert_valid_swagger(&schema);
    let table = magemu::http::routes::table();
    let of = |allowed: &dyn Fn(&str) -> bool| -> BTreeSet<(String, String)> {
        table
            .iter()
            .filter(|op| op.resources.iter().all(|r| allowed(r)))
            .map(|op| (op.method.as_str().to_owned(), op.path.to_owned()))
            .collect()
    };
    let anonymous_ops = of(&|r| r == "anonymous");
    assert!(anonymous_ops.contains(&("POST".into(), "/V1/integration/admin/token".into())));
    assert_eq!(operations(&schema), anonymous_ops);
    // No 401 on a route anyone may call.
    assert!(
        schema["paths"]["/V1/integration/admin/token"]["post"]["responses"]
            .get("401")
            .is_none_or(|r| r["description"] == "401 Unauthorized")
    );

    // A token that is no token is anyone.
    let junk = app.get("/rest/default/schema", "not-a-token").await.body;
    assert_eq!(operations(&junk), anonymous_ops);

    let jane = app.customer_token(JANE.0, JANE.1).await;
    let schema = app.get("/rest/default/schema", &jane).await.body;
    assert_valid_swagger(&schema);
    let customer_ops = of(&|r| r == "anonymous" || r == "self");
    assert!(customer_ops.contains(&("GET".into(), "/V1/carts/mine".into())));
    assert_eq!(operations(&schema), customer_ops);

    // An admin's may see every service; asked for one it may not use, a caller gets no tag.
    let schema = app
        .send(
            reqwest::Method::GET,
            "/rest/default/schema?services=salesOrderRepositoryV1",
            None,
            None,
            None,
        )
        .await
        .body;
    assert!(schema.get("paths").is_none(), "{schema}");
    assert!(schema.get("tags").is_none(), "{schema}");
}

#[tokio::test]
async fn every_served_rest_route_is_in_the_table() {
    // The router is built from the table: what it answers with something else than the
    // router's 404 at a path outside the table would be a route the schema misses.
    let app = spawn_app().await;
    let token = app.token().await;
    let served = magemu::http::routes::served_routes();
    let table = magemu::http::routes::table();
    for (method, path, _) in &served {
        if path == magemu::http::routes::SCHEMA_PATH {
            continue;
        }
        let declared = table
            .iter()
            .any(|op| op.method == *method && op.axum_path() == *path);
        let covered = table.iter().any(|op| {
            op.method == *method && {
                let pattern = op.axum_path();
                let (p, s): (Vec<&str>, Vec<&str>) =
                    (pattern.split('/').collect(), path.split('/').collect());
                p.len() == s.len() && p.iter().zip(&s).all(|(p, s)| p.starts_with('{') || p == s)
            }
        });
        assert!(declared || covered, "{method} {path}");
    }
    // `GET /V1/creditmemo/refund` is `GET /V1/creditmemo/{id}` with the id "refund", as in
    // Magento (routes are matched by method first), though `POST /V1/creditmemo/refund` exists.
    let reply = app.get("/rest/default/V1/creditmemo/refund", &token).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{:?}", reply.body);
}

/// The errors of `value` against a Swagger 2.0 `schema` (the subset the generator writes:
/// `$ref`, `type`, `x-nullable`, `properties`, `required`, `items`, `enum`), at `at`.
fn conform(value: &Value, schema: &Value, definitions: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.strip_prefix("#/definitions/").expect("a local $ref");
        let target = &definitions[name];
        assert!(target.is_object(), "dangling {r}");
        return conform(value, target, definitions, at, errors);
    }
    if value.is_null() {
        if schema.get("type").is_some() && schema["x-nullable"] != true {
            errors.push(format!("{at}: null where {schema} says no null"));
        }
        return;
    }
    let ok = match schema["type"].as_str() {
        None => true,
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("boolean") => value.is_boolean(),
        Some("number") => value.is_number(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some(other) => panic!("{at}: type {other}"),
    };
    if !ok {
        errors.push(format!("{at}: {value} is not {}", schema["type"]));
        return;
    }
    if let Some(allowed) = schema["enum"].as_array() {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} not in {allowed:?}"));
        }
    }
    if let Value::Object(map) = value {
        for name in schema["required"].as_array().into_iter().flatten() {
            let name = name.as_str().expect("a required name");
            if !map.contains_key(name) {
                errors.push(format!("{at}: no {name}"));
            }
        }
        if let Some(props) = schema["properties"].as_object() {
            for (key, v) in map {
                match props.get(key) {
                    Some(p) => conform(v, p, definitions, &format!("{at}.{key}"), errors),
                    None => errors.push(format!("{at}: {key} is not in the definition")),
                }
            }
        }
    }
    if let (Value::Array(items), Some(item)) = (value, schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            conform(v, item, definitions, &format!("{at}[{i}]"), errors);
        }
    }
}

/// Checks a reply against the 200 schema the document gives its operation.
fn assert_conforms(schema: &Value, method: &str, path: &str, reply: &Value) {
    let op = &schema["paths"][path][method];
    assert!(op.is_object(), "{method} {path} is not in the schema");
    let mut errors = Vec::new();
    conform(
        reply,
        &op["responses"]["200"]["schema"],
        &schema["definitions"],
        "reply",
        &mut errors,
    );
    assert!(errors.is_empty(), "{method} {path}:\n{}", errors.join("\n"));
}

/// Every value of `keyword` in a schema (a property named so is skipped: only keywords).
fn keyword_values(value: &Value, keyword: &str, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if k == keyword && !v.is_object() {
                    out.push(v.clone());
                } else if k == "properties" {
                    for p in v.as_object().into_iter().flatten().map(|(_, p)| p) {
                        keyword_values(p, keyword, out);
                    }
                } else {
                    keyword_values(v, keyword, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keyword_values(v, keyword, out)),
        _ => {}
    }
}

/// The definitions left open objects on purpose: interfaces magemu has no Rust shape for.
const OPEN_ON_PURPOSE: &[&str] = &[];

#[tokio::test]
async fn every_definition_describes_its_type() {
    let app = spawn_app().await;
    let token = app.token().await;
    let schema = app.get("/rest/all/schema?services=all", &token).await.body;
    assert_valid_swagger(&schema);
    let mut open = Vec::new();
    for (name, definition) in schema["definitions"].as_object().expect("definitions") {
        let text = definition.to_string();
        for banned in [
            "\"anyOf\"",
            "\"oneOf\"",
            "\"allOf\"",
            "\"$schema\"",
            "\"null\"",
        ] {
            assert!(!text.contains(banned), "{name}: {banned} in {text}");
        }
        let mut formats = Vec::new();
        keyword_values(definition, "format", &mut formats);
        for format in formats {
            assert!(
                [
                    "int32",
                    "int64",
                    "float",
                    "double",
                    "byte",
                    "binary",
                    "date",
                    "date-time",
                    "password"
                ]
                .contains(&format.as_str().unwrap_or_default()),
                "{name}: format {format} is not Swagger 2.0's"
            );
        }
        assert!(definition.is_object(), "{name}: {definition}");
        let base = name.strip_suffix("-input").unwrap_or(name);
        let described = definition.get("properties").is_some()
            || definition.get("items").is_some()
            || name.starts_with("error-");
        if !described && !OPEN_ON_PURPOSE.contains(&base) {
            open.push(name.clone());
        }
    }
    assert!(open.is_empty(), "open objects: {open:?}");
}

#[tokio::test]
async fn the_tutorial_replies_conform_to_their_definitions() {
    let app = spawn_app().await;
    let token = app.token().await;
    let schema = app.get("/rest/all/schema?services=all", &token).await.body;
    let check = |method: &'static str, path: &'static str, reply: Value| {
        let schema = schema.clone();
        move || assert_conforms(&schema, method, path, &reply)
    };
    // Step 10 to 12 of the tutorial on order 3: invoice, ship, refund.
    let invoiced = app
        .post(
            "/rest/V1/order/3/invoice",
            &token,
            &json!({"capture": true}),
        )
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    check("post", "/V1/order/{orderId}/invoice", invoiced.body)();
    let shipped = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}],
                    "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(shipped.status, StatusCode::OK, "{:?}", shipped.body);
    let refunded = app
        .post(
            "/rest/V1/order/3/refund",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}]}),
        )
        .await;
    assert_eq!(refunded.status, StatusCode::OK, "{:?}", refunded.body);
    for (path, template) in [
        ("/rest/V1/orders/3", "/V1/orders/{id}"),
        ("/rest/V1/orders?searchCriteria[pageSize]=50", "/V1/orders"),
        ("/rest/V1/invoices/3", "/V1/invoices/{id}"),
        (
            "/rest/V1/invoices?searchCriteria[pageSize]=50",
            "/V1/invoices",
        ),
        ("/rest/V1/shipment/3", "/V1/shipment/{id}"),
        (
            "/rest/V1/shipments?searchCriteria[pageSize]=50",
            "/V1/shipments",
        ),
        ("/rest/V1/creditmemo/1", "/V1/creditmemo/{id}"),
        (
            "/rest/V1/creditmemos?searchCriteria[pageSize]=50",
            "/V1/creditmemos",
        ),
        (
            "/rest/V1/transactions?searchCriteria[pageSize]=50",
            "/V1/transactions",
        ),
        (
            "/rest/V1/orders/items?searchCriteria[pageSize]=50",
            "/V1/orders/items",
        ),
        ("/rest/V1/orders/3/comments", "/V1/orders/{id}/comments"),
        ("/rest/V1/invoices/3/comments", "/V1/invoices/{id}/comments"),
        ("/rest/V1/shipment/3/comments", "/V1/shipment/{id}/comments"),
        (
            "/rest/V1/creditmemo/1/comments",
            "/V1/creditmemo/{id}/comments",
        ),
        (
            "/rest/V1/inventory/sources/ne_wh",
            "/V1/inventory/sources/{sourceCode}",
        ),
        (
            "/rest/V1/inventory/sources?searchCriteria[pageSize]=50",
            "/V1/inventory/sources",
        ),
        (
            "/rest/V1/inventory/stocks/2",
            "/V1/inventory/stocks/{stockId}",
        ),
        (
            "/rest/V1/inventory/source-items?searchCriteria[pageSize]=50",
            "/V1/inventory/source-items",
        ),
        ("/rest/V1/customers/2", "/V1/customers/{customerId}"),
        ("/rest/V1/products/24-WB01", "/V1/products/{sku}"),
    ] {
        let reply = app.get(path, &token).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
        check("get", template, reply.body)();
    }
    // A cart with an item, its totals.
    let cart = app
        .post("/rest/V1/customers/2/carts", &token, &json!({}))
        .await;
    assert_eq!(cart.status, StatusCode::OK, "{:?}", cart.body);
    let added = app
        .post(
            "/rest/V1/carts/4/items",
            &token,
            &json!({"cartItem": {"sku": "24-WB01", "qty": 10, "quote_id": 4}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    check("post", "/V1/carts/{quoteId}/items", added.body)();
    for (path, template) in [
        ("/rest/V1/carts/4", "/V1/carts/{cartId}"),
        ("/rest/V1/carts/4/totals", "/V1/carts/{cartId}/totals"),
        ("/rest/V1/carts/4/items", "/V1/carts/{cartId}/items"),
    ] {
        let reply = app.get(path, &token).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
        check("get", template, reply.body)();
    }
}

/// A value for each path parameter of the GET routes, over the world the test builds.
fn path_value(path: &str, name: &str, guest_cart: &str, bulk: &str) -> String {
    let value = match name {
        "id" if path.starts_with("/V1/creditmemo") => "1",
        "id" if path.starts_with("/V1/transactions") => "1",
        "id" if path.starts_with("/V1/customerGroups") => "1",
        "id" => "3",
        "sku" | "productSku" => "24-WB01",
        "stockId" => "1",
        "sourceCode" => "ne_wh",
        "type" | "salesChannelType" => "website",
        "code" | "salesChannelCode" => "base",
        "requestedQty" => "1",
        "categoryId" => "2",
        "customerId" => "2",
        "addressId" => "2",
        "storeId" => "1",
        "cartId" if path.starts_with("/V1/guest-carts") => guest_cart,
        "cartId" => "4",
        "itemId" if path.starts_with("/V1/guest-carts") => "9",
        "itemId" => "8",
        "ruleId" if path.starts_with("/V1/taxRules") => "1",
        "ruleId" => "3",
        "rateId" => "1",
        "countryId" => "CH",
        "attributeCode" => "firstname",
        "formCode" if path.contains("customerAddress") => "customer_address_edit",
        "formCode" => "adminhtml_customer",
        "couponId" => "1",
        "bulkUuid" => bulk,
        "status" => "1",
        "resetPasswordLinkToken" => "0123456789abcdef0123456789abcdef",
        "taxClassId" | "classId" => "3",
        "email" => "jdoe@example.com",
        other => panic!("no value for {{{other}}} of {path}"),
    };
    value.to_owned()
}

/// The query a GET route needs to answer.
fn query_for(path: &str, op: &Value) -> &'static str {
    let takes_criteria = op["parameters"].as_array().into_iter().flatten().any(|p| {
        p["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("searchCriteria["))
    });
    match path {
        _ if takes_criteria => "?searchCriteria[pageSize]=5",
        "/V1/inventory/in-store-pickup/pickup-locations/" => {
            "?searchRequest[scopeCode]=base&searchRequest[pageSize]=5"
        }
        "/V1/stockItems/lowStock/" => "?scopeId=0&qty=1000&pageSize=5",
        "/V1/inventory/are-products-salable" => "?skus[]=24-WB01&skus[]=24-WB03&stockId=1",
        "/V1/inventory/are-product-salable-for-requested-qty/" => {
            "?skuRequests[0][sku]=24-WB01&skuRequests[0][qty]=1&stockId=1"
        }
        "/V1/inventory/get-distance" => {
            "?source[lat]=40.7&source[lng]=-74&destination[lat]=42.3&destination[lng]=-71"
        }
        "/V1/categories" => "?rootCategoryId=1&depth=3",
        _ => "",
    }
}

#[tokio::test]
async fn every_get_reply_conforms_to_its_definition() {
    let app = spawn_app().await;
    let token = app.token().await;
    let jane = app.customer_token(JANE.0, JANE.1).await;
    // Documents of every kind on order 3, a customer's cart and a guest cart with an item.
    for (path, body) in [
        ("/rest/V1/order/3/invoice", json!({"capture": true})),
        (
            "/rest/V1/order/3/ship",
            json!({"items": [{"order_item_id": 3, "qty": 1}],
                   "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        ),
        (
            "/rest/V1/order/3/refund",
            json!({"items": [{"order_item_id": 3, "qty": 1}]}),
        ),
        ("/rest/V1/customers/2/carts", json!({})),
        (
            "/rest/V1/carts/4/items",
            json!({"cartItem": {"sku": "24-WB01", "qty": 2, "quote_id": 4}}),
        ),
    ] {
        let reply = app.post(path, &token, &body).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    }
    // A coupon rule and its coupon, whose replies conform too.
    let rule = app
        .post(
            "/rest/V1/salesRules",
            &token,
            &json!({"rule": {"name": "coupon rule", "website_ids": [1], "customer_group_ids": [1],
                "is_active": true, "coupon_type": "SPECIFIC_COUPON", "simple_action": "by_percent",
                "discount_amount": 10}}),
        )
        .await;
    assert_eq!(rule.status, StatusCode::OK, "{:?}", rule.body);
    let coupon = app
        .post(
            "/rest/V1/coupons",
            &token,
            &json!({"coupon": {"rule_id": rule.body["rule_id"], "code": "SAVE10"}}),
        )
        .await;
    assert_eq!(coupon.status, StatusCode::OK, "{:?}", coupon.body);
    // A tax rule (a fresh install has none).
    let tax_rule = app
        .post(
            "/rest/V1/taxRules",
            &token,
            &json!({"rule": {"code": "US", "priority": 0, "customer_tax_class_ids": [3],
                "product_tax_class_ids": [2], "tax_rate_ids": [1, 2]}}),
        )
        .await;
    assert_eq!(tax_rule.status, StatusCode::OK, "{:?}", tax_rule.body);
    let mask = app
        .post_anonymous("/rest/V1/guest-carts", &json!({}))
        .await
        .body;
    let mask = mask.as_str().expect("a cart mask").to_owned();
    let added = app
        .post_anonymous(
            &format!("/rest/V1/guest-carts/{mask}/items"),
            &json!({"cartItem": {"sku": "24-WB03", "qty": 1, "quote_id": mask}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    // Both carts get the tutorial's shipping address (their shipping-methods answer).
    let shipping = common::fixture("tutorial/step08-shipping-information-request.json");
    for path in [
        "/rest/V1/carts/4/shipping-information".to_owned(),
        format!("/rest/V1/guest-carts/{mask}/shipping-information"),
    ] {
        let reply = app.post(&path, &token, &shipping).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    }
    // Gift messages on both carts and their lines (cart 4's line 8, the guest cart's line 9),
    // so their reads answer a message (with none, Magento's null is `[]`).
    let on = app
        .send(
            reqwest::Method::PUT,
            "/magemu/config",
            None,
            Some("application/json"),
            Some(json!({"sales/gift_options/allow_order": "1", "sales/gift_options/allow_items": "1"}).to_string()),
        )
        .await;
    assert_eq!(on.status, StatusCode::OK, "{:?}", on.body);
    let gift = json!({"giftMessage": {"sender": "Jane", "recipient": "John", "message": "Enjoy"}});
    for path in [
        "/rest/V1/carts/4/gift-message".to_owned(),
        "/rest/V1/carts/4/gift-message/8".to_owned(),
        format!("/rest/V1/guest-carts/{mask}/gift-message"),
        format!("/rest/V1/guest-carts/{mask}/gift-message/9"),
    ] {
        let reply = app.post(&path, &token, &gift).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    }
    // A bulk of one asynchronous call, for the bulk status routes.
    let scheduled = app
        .post("/rest/async/V1/orders/3/emails", &token, &json!({}))
        .await;
    assert_eq!(
        scheduled.status,
        StatusCode::ACCEPTED,
        "{:?}",
        scheduled.body
    );
    let bulk = scheduled.body["bulk_uuid"]
        .as_str()
        .expect("a bulk uuid")
        .to_owned();

    let schema = app.get("/rest/all/schema?services=all", &token).await.body;
    assert_conforms(&schema, "post", "/V1/salesRules", &rule.body);
    assert_conforms(&schema, "post", "/V1/coupons", &coupon.body);
    let mut answered = Vec::new();
    let mut refused = Vec::new();
    for (path, methods) in schema["paths"].as_object().expect("paths") {
        let Some(op) = methods.get("get") else {
            continue;
        };
        let concrete: Vec<String> = path
            .split('/')
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => path_value(path, name, &mask, &bulk),
                    None => s.to_owned(),
                },
            )
            .collect();
        let url = format!(
            "/rest/V1{}{}",
            &concrete.join("/")[3..],
            query_for(path, op)
        );
        let caller = if path.contains("/mine") || path.contains("/me") {
            &jane
        } else {
            &token
        };
        let reply = app.get(&url, caller).await;
        if reply.status == StatusCode::OK {
            assert_conforms(&schema, "get", path, &reply.body);
            answered.push(path.clone());
        } else {
            refused.push(format!("{path}: {} {}", reply.status, reply.body));
        }
    }
    // Those that cannot answer 200 here: no payment transaction (the tutorial's bank
    // transfer makes none), the Google geocoder without its key, a password reset link
    // (random, e-mailed: tests/customer_password.rs checks one that answers `true`).
    assert_eq!(
        refused.len(),
        5,
        "answered {}, refused:\n{}",
        answered.len(),
        refused.join("\n")
    );
}

#[tokio::test]
async fn saved_orders_conform_to_the_order_definition() {
    let app = spawn_app().await;
    let token = app.token().await;
    let schema = app.get("/rest/all/schema?services=all", &token).await.body;
    // A new order (the tutorial's, copied), then saves of order 3 with what a save may hold:
    // nothing but the id, a status, an item by id, a shipping method and a partial address
    // (the getters without |null then written as null), a shipping without anything.
    let created = app
        .post(
            "/rest/V1/orders",
            &token,
            &common::fixture("order-import-tutorial-copy.json"),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    assert_conforms(&schema, "post", "/V1/orders", &created.body);
    for entity in [
        json!({"entity_id": 3}),
        json!({"entity_id": 3, "status": "my_status",
            "items": [{"item_id": 4, "name": "Voyage Yoga Bag (blue)", "qty_ordered": "40.0000"}],
            "extension_attributes": {"shipping_assignments": [{"shipping": {"method": "tablerate_bestway",
                "address": {"city": "Queens"}}}]}}),
        json!({"entity_id": 3, "extension_attributes": {"shipping_assignments": [
            {"shipping": {}, "stock_id": 2}]}}),
        json!({"entity_id": 3,
            "status_histories": [{"comment": "posted"}]}),
    ] {
        let reply = app
            .post("/rest/V1/orders", &token, &json!({ "entity": entity }))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{entity}: {:?}", reply.body);
        assert_conforms(&schema, "post", "/V1/orders", &reply.body);
    }
}
