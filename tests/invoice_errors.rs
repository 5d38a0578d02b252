//! Every refusal of `POST /V1/order/{id}/invoice` and `GET /V1/invoices/{id}`: status, whole body,
//! and a database left exactly as it was.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const NO_PRODUCTS: &str =
    "The invoice can't be created without products. Add products and try again.";

/// Sends the request, checks status and body, and checks that nothing was written.
async fn refused(
    app: &TestApp,
    token: Option<&str>,
    path: &str,
    ct: Option<&str>,
    body: Option<&str>,
    status: StatusCode,
    expected: Value,
) {
    let before = app.snapshot().await;
    let reply = app
        .send(Method::POST, path, token, ct, body.map(str::to_owned))
        .await;
    assert_eq!(
        (reply.status, &reply.body),
        (status, &expected),
        "{path} {body:?}"
    );
    assert_eq!(
        app.snapshot().await,
        before,
        "{path} {body:?} changed the database"
    );
}

async fn refused_json(
    app: &TestApp,
    token: &str,
    order_id: &str,
    body: Value,
    status: StatusCode,
    expected: Value,
) {
    let path = format!("/rest/default/V1/order/{order_id}/invoice");
    refused(
        app,
        Some(token),
        &path,
        Some("application/json"),
        Some(&body.to_string()),
        status,
        expected,
    )
    .await;
}

fn validation(messages: &[&str]) -> Value {
    json!({ "message": format!("Invoice Document Validation Error(s):\n{}", messages.join("\n")) })
}

/// An order of two simple lines in the given state, through POST /V1/orders.
async fn order_in_state(app: &TestApp, token: &str, state: &str, status: &str) -> i64 {
    app.create_order(
        token,
        json!({
            "state": state, "status": status, "customer_email": "x@example.com",
            "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 32}],
            "payment": {"method": "checkmo"}
        }),
    )
    .await
}

#[tokio::test]
async fn authorization_failures() {
    let app = spawn_app().await;
    let unauthorized = |resource: &str| json!({"message": "The consumer isn't authorized to access %resources.", "parameters": {"resources": resource}});
    let path = "/rest/default/V1/order/3/invoice";
    let body = Some(r#"{"capture": true}"#);
    refused(
        &app,
        None,
        path,
        Some("application/json"),
        body,
        StatusCode::UNAUTHORIZED,
        unauthorized("Magento_Sales::invoice"),
    )
    .await;
    refused(
        &app,
        Some("not-a-token"),
        path,
        Some("application/json"),
        body,
        StatusCode::UNAUTHORIZED,
        unauthorized("Magento_Sales::invoice"),
    )
    .await;
    // No token and a broken body: authorization is checked first.
    refused(
        &app,
        None,
        path,
        Some("application/json"),
        Some("{nope"),
        StatusCode::UNAUTHORIZED,
        unauthorized("Magento_Sales::invoice"),
    )
    .await;
    let get = app
        .send(Method::GET, "/rest/V1/invoices/3", None, None, None)
        .await;
    assert_eq!(
        (get.status, get.body),
        (
            StatusCode::UNAUTHORIZED,
            unauthorized("Magento_Sales::sales_invoice")
        )
    );
    let get = app
        .send(Method::GET, "/rest/V1/orders/3", Some("Bearer"), None, None)
        .await;
    assert_eq!(
        (get.status, get.body),
        (
            StatusCode::UNAUTHORIZED,
            unauthorized("Magento_Sales::actions_view")
        )
    );
}

/// A token is refused once its lifetime (4 hours by default) has passed by the clock; a
/// lifetime of 0 is Magento's empty one: tokens that never expire
/// (`TokenUserContext::isTokenExpired`).
#[tokio::test]
async fn expired_tokens_are_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let advance = |seconds: i64| {
        let body = json!({ "advance_seconds": seconds });
        let app = &app;
        async move { app.put("/magemu/clock", "", &body).await }
    };
    assert_eq!(advance(4 * 3600 - 5).await.status, StatusCode::OK);
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    assert_eq!(advance(10).await.status, StatusCode::OK);
    let reply = app.get("/rest/V1/invoices/3", &token).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        reply.body["parameters"]["resources"],
        "Magento_Sales::sales_invoice"
    );

    let app = common::spawn_app_with(|c| c.admin_token_lifetime_hours = 0).await;
    let token = app.token().await;
    let reply = app
        .put(
            "/magemu/clock",
            "",
            &json!({ "advance_seconds": 100 * 365 * 86400i64 }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK,
        "never expires"
    );
}

#[tokio::test]
async fn unknown_and_bad_order_ids() {
    let app = spawn_app().await;
    let token = app.token().await;
    let not_found = json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."});
    refused_json(
        &app,
        &token,
        "999",
        json!({}),
        StatusCode::NOT_FOUND,
        not_found.clone(),
    )
    .await;
    refused_json(
        &app,
        &token,
        "-3",
        json!({}),
        StatusCode::NOT_FOUND,
        not_found,
    )
    .await;
    refused_json(
        &app,
        &token,
        "0",
        json!({}),
        StatusCode::BAD_REQUEST,
        json!({"message": "An ID is needed. Set the ID and try again."}),
    )
    .await;
    refused_json(&app, &token, "abc", json!({}), StatusCode::BAD_REQUEST,
        json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})).await;
}

#[tokio::test]
async fn quantity_and_item_refusals() {
    let app = spawn_app().await;
    let token = app.token().await;
    // An item the order does not have: never visited, so nothing to invoice.
    refused_json(
        &app,
        &token,
        "3",
        json!({"items": [{"order_item_id": 999, "qty": 1}]}),
        StatusCode::BAD_REQUEST,
        validation(&[NO_PRODUCTS]),
    )
    .await;
    // Too much of a line: named by the item's name, not its SKU.
    refused_json(&app, &token, "3", json!({"items": [{"order_item_id": 3, "qty": 21}]}), StatusCode::BAD_REQUEST,
        json!({"message": "We found an invalid quantity to invoice item \"%1\".", "parameters": ["Driven Backpack"]})).await;
    // Zero of a line.
    refused_json(
        &app,
        &token,
        "3",
        json!({"items": [{"order_item_id": 3, "qty": 0}]}),
        StatusCode::BAD_REQUEST,
        validation(&[NO_PRODUCTS]),
    )
    .await;
}

#[tokio::test]
async fn nothing_left_to_invoice() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    refused_json(
        &app,
        &token,
        "3",
        json!({"capture": true}),
        StatusCode::BAD_REQUEST,
        validation(&[
            NO_PRODUCTS,
            "The order does not allow an invoice to be created.",
        ]),
    )
    .await;
}

#[tokio::test]
async fn canceled_and_held_orders() {
    let app = spawn_app().await;
    let token = app.token().await;
    let canceled = order_in_state(&app, &token, "canceled", "canceled").await;
    // A canceled order still has quantities to invoice on its lines here, so only the status speaks.
    refused_json(
        &app,
        &token,
        &canceled.to_string(),
        json!({}),
        StatusCode::BAD_REQUEST,
        validation(&["An invoice cannot be created when an order has a status of canceled"]),
    )
    .await;
    let held = order_in_state(&app, &token, "holded", "holded").await;
    refused_json(
        &app,
        &token,
        &held.to_string(),
        json!({}),
        StatusCode::BAD_REQUEST,
        validation(&["An invoice cannot be created when an order has a status of holded"]),
    )
    .await;
    let complete = order_in_state(&app, &token, "complete", "complete").await;
    refused_json(
        &app,
        &token,
        &complete.to_string(),
        json!({}),
        StatusCode::BAD_REQUEST,
        validation(&["An invoice cannot be created when an order has a status of complete"]),
    )
    .await;
}

#[tokio::test]
async fn canceled_lines_leave_nothing_to_invoice() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "state": "canceled", "status": "canceled", "customer_email": "x@example.com",
                "items": [{"sku": "24-WB01", "qty_ordered": 2, "qty_canceled": 2, "price": 32}],
                "payment": {"method": "checkmo"}
            }),
        )
        .await;
    refused_json(
        &app,
        &token,
        &id.to_string(),
        json!({}),
        StatusCode::BAD_REQUEST,
        validation(&[
            NO_PRODUCTS,
            "An invoice cannot be created when an order has a status of canceled",
        ]),
    )
    .await;
}

#[tokio::test]
async fn malformed_bodies() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/default/V1/order/3/invoice";
    let t = Some(token.as_str());
    refused(
        &app,
        t,
        path,
        Some("application/json"),
        Some("{\"capture\": tru"),
        StatusCode::BAD_REQUEST,
        json!({"message": "Decoding error."}),
    )
    .await;
    refused(
        &app,
        t,
        path,
        None,
        Some("{\"capture\": true}"),
        StatusCode::BAD_REQUEST,
        json!({"message": "Content-Type header is empty."}),
    )
    .await;
    refused(&app, t, path, Some("text/plain"), Some("{}"), StatusCode::BAD_REQUEST,
        json!({"message": "Server cannot understand Content-Type HTTP header media type text/plain"})).await;
    refused(
        &app,
        t,
        path,
        Some("application/json; charset=latin1"),
        Some("{}"),
        StatusCode::BAD_REQUEST,
        json!({"message": "UTF-8 is the only supported charset."}),
    )
    .await;
    let big = format!(
        "{{\"comment\": {{\"comment\": \"{}\"}}}}",
        "x".repeat(2 * 1024 * 1024)
    );
    refused(
        &app,
        t,
        path,
        Some("application/json"),
        Some(&big),
        StatusCode::PAYLOAD_TOO_LARGE,
        json!({"message": "Request body is too large."}),
    )
    .await;
}

#[tokio::test]
async fn wrong_types_and_unknown_fields() {
    let app = spawn_app().await;
    let token = app.token().await;
    refused_json(&app, &token, "3", json!({"items": [{"order_item_id": 3, "qty": "ten"}]}), StatusCode::BAD_REQUEST,
        json!({"message": "Error occurred during \"qty\" processing. The \"ten\" value's type is invalid. The \"float\" type was expected. Verify and try again."})).await;
    refused_json(&app, &token, "3", json!({"items": [{"order_item_id": [3], "qty": 1}]}), StatusCode::BAD_REQUEST,
        json!({"message": "Error occurred during \"order_item_id\" processing. The \"array\" value's type is invalid. The \"int\" type was expected. Verify and try again."})).await;
    refused_json(&app, &token, "3", json!({"items": [{"order_item_id": 3, "qty": 1, "sku": "24-WB03"}]}), StatusCode::BAD_REQUEST,
        json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Sku"}})).await;
    refused_json(&app, &token, "3", json!({"comment": {"comment": "x", "is_visible": 1}}), StatusCode::BAD_REQUEST,
        json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "IsVisible"}})).await;
    refused_json(
        &app,
        &token,
        "3",
        json!({"items": "all"}),
        StatusCode::BAD_REQUEST,
        json!({"message": "Not all parameters valid."}),
    )
    .await;
}

#[tokio::test]
async fn numeric_strings_and_camel_case_are_accepted() {
    let app = spawn_app().await;
    let token = app.token().await;
    let reply = app
        .invoice(&token, 3, &json!({"items": [{"orderItemId": "3", "qty": "2.0000"}], "appendComment": "1", "notify": "yes",
            "comment": {"comment": "Paid by bank transfer", "is_visible_on_front": 1}}))
        .await;
    assert_eq!(reply.body, json!("3"));
    let invoice = app.get("/rest/V1/invoices/3", &token).await.body;
    assert_eq!(invoice["total_qty"], json!(2));
    assert_eq!(invoice["email_sent"], json!(1));
    let comment = &invoice["comments"][0];
    assert_eq!(
        common::without(comment, &["created_at"]),
        json!({"comment": "Paid by bank transfer", "entity_id": 1, "is_customer_notified": 1, "is_visible_on_front": 1, "parent_id": 3})
    );
}

#[tokio::test]
async fn unknown_invoices_and_routes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.get("/rest/V1/invoices/42", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
        )
    );
    let r = app.get("/rest/V1/invoices/0", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "An ID is needed. Set the ID and try again."})
        )
    );
    // No request processor takes a path whose store code is unknown (`PathProcessor` leaves
    // it on; `admin` is not among the stores it looks in): 400.
    for path in ["/rest/nosuch/V1/invoices/3", "/rest/admin/V1/invoices/3"] {
        let r = app.get(path, &token).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Specified request cannot be processed."})
            ),
            "{path}"
        );
    }
    let no_route = json!({"message": "Request does not match any route."});
    for (method, path) in [
        (Method::DELETE, "/rest/V1/invoices/3"),
        (Method::GET, "/rest/V2/invoices/3"),
        (Method::GET, "/V1/invoices/3"),
        (Method::GET, "/rest/default/V1/order/3/invoice"),
    ] {
        let r = app
            .send(method.clone(), path, Some(&token), None, None)
            .await;
        assert_eq!(
            (r.status, &r.body),
            (StatusCode::NOT_FOUND, &no_route),
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn figures_beyond_any_real_order_are_refused_not_crashed() {
    let app = spawn_app().await;
    let token = app.token().await;
    // qty × cost past what Decimal holds (a panic in the arithmetic), and qty × cost that
    // Decimal holds but storage does not: both are Magento's save failure, and nothing changes.
    for cost in ["900000000000000", "100000000000"] {
        let id = app
            .create_order(
                &token,
                json!({"items": [{"sku": "x", "qty_ordered": 900000000000000_i64, "base_cost": cost}],
                       "payment": {"method": "checkmo"}}),
            )
            .await;
        refused_json(
            &app,
            &token,
            &id.to_string(),
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save an invoice, see error log for details"}),
        )
        .await;
    }
    // The writer survived: the tutorial's invoice still goes through.
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
}

/// `Rest::dispatch`: after the store code, `RequestMethodValidator` takes GET, POST, PUT and
/// DELETE only (405 naming the method, a HEAD too), then `RequestProcessorPool` needs a
/// processor for the path (400), then the router a route (404).
#[tokio::test]
async fn methods_and_paths_before_the_router() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    for method in ["PATCH", "OPTIONS", "HEAD", "PROPFIND"] {
        for path in [
            "/rest/V1/invoices/3",
            "/rest/default/V1/order/3/invoice",
            "/rest/x",
        ] {
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            let r = app
                .send(method.clone(), path, Some(&token), None, None)
                .await;
            let expected = if method == Method::HEAD {
                Value::Null
            } else {
                json!({"message": format!("The {method} HTTP method is not supported.")})
            };
            assert_eq!(
                (r.status, r.body),
                (StatusCode::METHOD_NOT_ALLOWED, expected),
                "{method} {path}"
            );
        }
    }
    let not_processed = json!({"message": "Specified request cannot be processed."});
    let no_route = json!({"message": "Request does not match any route."});
    for (method, path, expected) in [
        (Method::GET, "/rest/v1/invoices/3", &not_processed),
        (Method::GET, "/rest/whatever", &not_processed),
        (Method::GET, "/rest/", &not_processed),
        (Method::POST, "/rest/async/whatever", &not_processed),
        (Method::POST, "/rest/async/bulk/whatever", &not_processed),
        (Method::POST, "/rest/default/async/V", &not_processed),
        (Method::GET, "/rest/V1/nothing", &no_route),
        (Method::GET, "/rest/V12/invoices/3", &no_route),
        (Method::POST, "/rest/async/V1/nothing", &no_route),
        (Method::GET, "/nothing", &no_route),
    ] {
        let r = app
            .send(
                method.clone(),
                path,
                Some(&token),
                Some("application/json"),
                Some("{}".into()),
            )
            .await;
        let status = if expected == &no_route {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::BAD_REQUEST
        };
        assert_eq!((r.status, &r.body), (status, expected), "{method} {path}");
    }
    // Laminas upper-cases the method; a HEAD's 405 goes out without a body or its length;
    // `/rest` alone is the REST area, `/restx` is not.
    let r = app
        .send(
            Method::from_bytes(b"get").unwrap(),
            "/rest/V1/orders/3",
            Some(&token),
            None,
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let head = app
        .client
        .head(app.url("/rest/V1/invoices/3"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("HEAD");
    assert_eq!(head.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        head.headers()
            .get(reqwest::header::CONTENT_LENGTH)
            .map(|v| v.as_bytes()),
        Some(&b"0"[..])
    );
    for (method, path, status) in [
        (Method::PATCH, "/rest", StatusCode::METHOD_NOT_ALLOWED),
        (Method::GET, "/rest", StatusCode::BAD_REQUEST),
        (Method::GET, "/index.php/rest", StatusCode::BAD_REQUEST),
        (Method::GET, "/restx/V1/invoices/3", StatusCode::NOT_FOUND),
        (Method::PATCH, "/restx/V1/invoices/3", StatusCode::NOT_FOUND),
    ] {
        let r = app
            .send(method.clone(), path, Some(&token), None, None)
            .await;
        assert_eq!(r.status, status, "{method} {path}");
    }
    assert_eq!(app.snapshot().await, before);
}
