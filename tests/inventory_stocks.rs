//! Stocks, sales channels, stock-source links and source item pushes through the router:
//! Magento's replies, its refusals with whole bodies, and nothing changed after a refusal.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<&Value>,
) -> common::Reply {
    app.send(
        method,
        path,
        Some(token),
        Some("application/json"),
        body.map(|b| b.to_string()),
    )
    .await
}

#[tokio::test]
async fn stock_lifecycle_and_channels() {
    let app = spawn_app().await;
    let token = app.token().await;
    // The tutorial seed has stock 2 on website base; a new stock takes base and gets id 3.
    let r = app
        .post("/rest/V1/inventory/stocks", &token, &json!({"stock": {"name": "EU Stock", "extension_attributes": {"sales_channels": [{"type": "website", "code": "base"}]}}}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(3)));
    let r = app.get("/rest/V1/inventory/stocks/2", &token).await;
    assert_eq!(
        r.body,
        json!({"stock_id": 2, "name": "US Stock", "extension_attributes": {"sales_channels": []}})
    );
    // PUT without channels: base goes back to the default stock.
    let r = send(
        &app,
        Method::PUT,
        "/rest/V1/inventory/stocks/3",
        &token,
        Some(&json!({"stock": {"name": "EU Stock 2"}})),
    )
    .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(3)));
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/base", &token)
        .await;
    assert_eq!(
        r.body,
        json!({"stock_id": 1, "name": "Default Stock", "extension_attributes": {"sales_channels": [{"type": "website", "code": "base"}]}})
    );
    // PUT to an unknown id creates it with that id.
    let r = send(
        &app,
        Method::PUT,
        "/rest/V1/inventory/stocks/10",
        &token,
        Some(&json!({"stock": {"name": "Ten"}})),
    )
    .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(10)));
    let r = send(
        &app,
        Method::DELETE,
        "/rest/V1/inventory/stocks/10",
        &token,
        None,
    )
    .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let r = app.get("/rest/V1/inventory/stocks/10", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Stock with id \"%value\" does not exist.", "parameters": {"value": 10}})
        )
    );
    // The admin website's stock is the default one, linked or not
    // (AdaptStockResolverToAdminWebsitePlugin); its export too. `ADMIN` is just unknown.
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/admin", &token)
        .await;
    let default = app.get("/rest/V1/inventory/stocks/1", &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, default.body));
    let r = app
        .get(
            "/rest/V1/inventory/export-stock-salable-qty/website/admin?searchCriteria[pageSize]=1",
            &token,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/ADMIN", &token)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/nowhere", &token)
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No linked stock found"})
        )
    );
    let r = app
        .get("/rest/V1/inventory/stocks?searchCriteria[filter_groups][0][filters][0][field]=name&searchCriteria[filter_groups][0][filters][0][value]=US%25&searchCriteria[filter_groups][0][filters][0][condition_type]=like", &token)
        .await;
    assert_eq!(r.body["total_count"], 1);
    assert_eq!(r.body["items"][0]["stock_id"], 2);
}

#[tokio::test]
async fn stock_refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let r = app
        .post("/rest/V1/inventory/stocks", &token, &json!({"stock": {"name": " ", "extension_attributes": {"sales_channels": [{"type": "website", "code": ""}, {"type": "website", "code": "NotExistingWebsite"}]}}}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Validation Failed", "errors": [
                {"message": "\"%field\" can not be empty.", "parameters": {"field": "name"}},
                {"message": "\"%field\" can not be empty.", "parameters": {"field": "code"}},
                {"message": "The website with code \"%code\" does not exist.", "parameters": {"code": ""}},
                {"message": "The website with code \"%code\" does not exist.", "parameters": {"code": "NotExistingWebsite"}}
            ]})
        )
    );
    let r = app
        .post(
            "/rest/V1/inventory/stocks",
            &token,
            &json!({"stock": {"name": "US Stock"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save Stock"})
        )
    );
    let r = send(
        &app,
        Method::DELETE,
        "/rest/V1/inventory/stocks/1",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Default Stock could not be deleted."})
        )
    );
    let r = send(
        &app,
        Method::DELETE,
        "/rest/V1/inventory/stocks/2",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Stock has at least one sale channel and could not be deleted."})
        )
    );
    let r = send(
        &app,
        Method::DELETE,
        "/rest/V1/inventory/stocks/99",
        &token,
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "There is no stock with \"%fieldValue\" for \"%fieldName\". Verify and try again.", "parameters": {"fieldName": "stock_id", "fieldValue": 99}})
        )
    );
    let r = app.get("/rest/V1/inventory/stocks/abc", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn links_save_update_delete_and_refusals() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let links = "/rest/V1/inventory/stock-source-links";
    let r = app.post(links, &token, &json!({"links": []})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Input data is empty"})
        )
    );
    let r = app
        .post(
            links,
            &token,
            &json!({"links": [
                {"source_code": "a b", "stock_id": 2, "priority": 0},
                {"source_code": "ne_wh", "stock_id": 1, "priority": 1},
                {"source_code": "", "priority": 1}
            ]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Validation Failed", "errors": [
                {"message": "\"%field\" can not contain whitespaces.", "parameters": {"field": "source_code"}},
                {"message": "\"%field\" should be greater then 0.", "parameters": {"field": "priority"}},
                {"message": "Can not save link related to Default Source or Default Stock", "parameters": []},
                {"message": "\"%field\" can not be empty.", "parameters": {"field": "source_code"}},
                {"message": "\"%field\" can not be empty.", "parameters": {"field": "stock_id"}}
            ]})
        )
    );
    let r = app
        .post(
            links,
            &token,
            &json!({"links": [{"source_code": "nowhere", "stock_id": 2, "priority": 9}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save StockSourceLinks"})
        )
    );
    let r = app
        .post(
            &format!("{links}-delete"),
            &token,
            &json!({"links": [{"source_code": "default", "stock_id": 1}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Can not delete link related to Default Source or Default Stock"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // A pair already linked gets its new priority; a delete through the query string.
    let r = app
        .post(
            links,
            &token,
            &json!({"links": [{"source_code": "hq", "stock_id": "2", "priority": "9"}]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=source_code&searchCriteria[filter_groups][0][filters][0][value]=hq";
    let r = app.get(&format!("{links}{q}"), &token).await;
    assert_eq!(
        r.body["items"],
        json!([{"stock_id": 2, "source_code": "hq", "priority": 9}])
    );
    let r = app
        .post(
            &format!("{links}-delete?links[0][source_code]=hq&links[0][stock_id]=2"),
            &token,
            &json!([]),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    assert_eq!(
        app.get(&format!("{links}{q}"), &token).await.body["total_count"],
        0
    );
    let r = app.get(links, &token).await;
    assert_eq!(r.body["parameters"], json!({"fieldName": "searchCriteria"}));
}

#[tokio::test]
async fn source_item_push_refusals_and_salable_quantities() {
    let app = spawn_app().await;
    let token = app.token().await;
    let items = "/rest/V1/inventory/source-items";
    let before = app.snapshot().await;
    let r = app.post(items, &token, &json!({"sourceItems": []})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Input data is empty"})
        )
    );
    let r = app
        .post(
            items,
            &token,
            &json!({"sourceItems": [{"sku": " ", "source_code": "ne wh", "status": 999999}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Validation Failed: \"sku\" can not be empty.", "errors": [
                {"message": "\"%field\" can not be empty.", "parameters": {"field": "sku"}},
                {"message": "\"%field\" can not contain leading or trailing spaces.", "parameters": {"field": "sku"}},
                {"message": "\"%field\" can not contain whitespaces.", "parameters": {"field": "source_code"}},
                {"message": "\"%field\" should be numeric.", "parameters": {"field": "quantity"}},
                {"message": "\"%field\" should a known status.", "parameters": {"field": "status"}}
            ]})
        )
    );
    let r = app.post(items, &token, &json!({"sourceItems": [{"sku": "24-WB01", "source_code": "ne_wh", "quantity": "test", "status": 1}]})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"quantity\" processing. The \"test\" value's type is invalid. The \"float\" type was expected. Verify and try again."})
        )
    );
    let r = app
        .post(
            items,
            &token,
            &json!({"sourceItems": [
                {"sku": "24-WB01", "source_code": "ne_wh", "quantity": 1, "status": 1},
                {"sku": "24-WB01", "source_code": "eu-999", "quantity": 1, "status": 1}
            ]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save Source Item"})
        )
    );
    assert_eq!(app.snapshot().await, before);

    // The ERP push: quantities replace, salable quantity follows (reservations of order 3 kept).
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    let r = app
        .post(
            items,
            &token,
            &json!({"sourceItems": [
                {"sku": "24-WB01", "source_code": "ne_wh", "quantity": 50, "status": 1},
                {"sku": "24-WB01", "source_code": "brooklyn", "quantity": 3, "status": 0},
                {"sku": "NEW-SKU", "source_code": "hq", "quantity": -2.5, "status": 1}
            ]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    // 100 - 35 + 50 - 10 (brooklyn out of stock) - 40 reserved.
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(65));
    let r = app.get(&format!("{items}?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=NEW-SKU"), &token).await;
    assert_eq!(
        r.body["items"],
        json!([{"sku": "NEW-SKU", "source_code": "hq", "quantity": -2.5, "status": 1}])
    );
    let r = app.post(&format!("{items}-delete"), &token, &json!({"sourceItems": [{"sku": "NEW-SKU", "source_code": "hq"}, {"sku": "nope", "source_code": "hq"}]})).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
}
