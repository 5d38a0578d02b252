//! Step 11 of the tutorial: the source selection algorithms (inventory.md 1.3 and 6), read-only.

use crate::common;

use common::{fixture, keys, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const RESULT: &str = "/rest/default/V1/inventory/source-selection-algorithm-result";

async fn select(app: &TestApp, token: &str, body: &Value) -> common::Reply {
    app.post(RESULT, token, body).await
}

fn priority_request(items: Value) -> Value {
    json!({"inventoryRequest": {"stockId": 2, "items": items}, "algorithmCode": "priority"})
}

/// `(source_code, sku, qty_to_deduct)` of the rows that deduct something.
fn deductions(reply: &Value) -> Vec<(String, String, Value)> {
    reply["source_selection_items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["qty_to_deduct"] != json!(0))
        .map(|i| {
            (
                i["source_code"].as_str().unwrap_or_default().to_owned(),
                i["sku"].as_str().unwrap_or_default().to_owned(),
                i["qty_to_deduct"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn step_11_lists_the_algorithms_and_runs_priority_as_documented() {
    let app = spawn_app().await;
    let token = app.token().await;
    // The tutorial runs step 11 after step 10's invoice: physical items have not moved.
    assert_eq!(
        app.invoice(&token, 3, &json!({"capture": true})).await.body,
        json!("3")
    );

    let list = app
        .get(
            "/rest/default/V1/inventory/source-selection-algorithm-list",
            &token,
        )
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body, fixture("step11-ssa-list-response.json"));

    let before = app.snapshot().await;
    let reply = select(&app, &token, &fixture("step11-ssa-request.json")).await;
    assert_eq!(reply.status, StatusCode::OK);
    let documented = fixture("step11-ssa-response.json");
    assert_eq!(reply.body, documented);
    assert_eq!(keys(&reply.body), keys(&documented));
    for (got, want) in reply.body["source_selection_items"]
        .as_array()
        .into_iter()
        .flatten()
        .zip(
            documented["source_selection_items"]
                .as_array()
                .into_iter()
                .flatten(),
        )
    {
        assert_eq!(keys(got), keys(want), "key order of {got}");
    }
    assert_eq!(
        app.snapshot().await,
        before,
        "running an algorithm changes nothing"
    );
}

#[tokio::test]
async fn priority_corners() {
    let app = spawn_app().await;
    let token = app.token().await;

    // More than the stock's sources hold: what there is, and not shippable. 24-WB03 on stock 2:
    // ne_wh 50 + west_wh 10 + berkeley 20 + sausalito 20 = 100 in stock.
    let short = select(
        &app,
        &token,
        &priority_request(json!([{"sku": "24-WB03", "qty": 150}])),
    )
    .await;
    assert_eq!(short.status, StatusCode::OK);
    assert_eq!(short.body["shippable"], json!(false));
    assert_eq!(
        deductions(&short.body),
        vec![
            ("ne_wh".into(), "24-WB03".into(), json!(50)),
            ("west_wh".into(), "24-WB03".into(), json!(10)),
            ("berkeley".into(), "24-WB03".into(), json!(20)),
            ("sausalito".into(), "24-WB03".into(), json!(20)),
        ]
    );

    // SKUs match case-insensitively; a SKU asked twice keeps its last quantity; numeric
    // strings are read as Magento reads them; the reply names the SKU as the source item has it.
    let twice = select(
        &app,
        &token,
        &priority_request(json!([{"sku": "24-wb01", "qty": 1}, {"sku": "24-WB01", "qty": "36.5"}])),
    )
    .await;
    assert_eq!(twice.body["shippable"], json!(true));
    assert_eq!(
        deductions(&twice.body),
        vec![
            ("ne_wh".into(), "24-WB01".into(), json!(35)),
            ("west_wh".into(), "24-WB01".into(), json!(1.5)),
        ]
    );

    // An unknown stock has no sources: nothing found, not shippable; nothing asked: shippable.
    let nowhere = json!({"inventoryRequest": {"stockId": 99, "items": [{"sku": "24-WB01", "qty": 1}]},
                         "algorithmCode": "priority"});
    assert_eq!(
        select(&app, &token, &nowhere).await.body,
        json!({"source_selection_items": [], "shippable": false})
    );
    assert_eq!(
        select(&app, &token, &priority_request(json!([])))
            .await
            .body,
        json!({"source_selection_items": [], "shippable": true})
    );

    // The distance algorithm needs a destination address; with one, and no distance provider
    // configured, Magento keeps the priority order.
    let mut distance = fixture("step11-ssa-request.json");
    distance["algorithmCode"] = json!("distance");
    let refused = select(&app, &token, &distance).await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "No destination address was provided in the request"})
        )
    );
    distance["inventoryRequest"]["extension_attributes"] = json!({"destination_address": {
        "country": "US", "postcode": "11501", "street": "160 1st St.", "region": "New York", "city": "Mineola"}});
    let by_distance = select(&app, &token, &distance).await;
    assert_eq!(by_distance.status, StatusCode::OK);
    assert_eq!(by_distance.body, fixture("step11-ssa-response.json"));
}

#[tokio::test]
async fn bad_requests_get_magentos_answers() {
    let app = spawn_app().await;
    let token = app.token().await;

    let no_token = app
        .send(
            reqwest::Method::POST,
            RESULT,
            None,
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(no_token.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        no_token.body,
        json!({"message": "The consumer isn't authorized to access %resources.",
               "parameters": {"resources": "Magento_InventorySourceSelectionApi::source_selection_algorithm_post"}})
    );

    let cases = [
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "inventoryRequest"}},
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "algorithmCode"}}
            ]}),
        ),
        (
            json!({"inventoryRequest": {"stockId": 2, "items": []}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "algorithmCode"}}),
        ),
        (
            priority_request(json!([{"sku": "24-WB01", "qty": "lots"}])),
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"lots\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        (
            priority_request(json!([{"sku": "24-WB01", "qty": 1, "source": "hq"}])),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Source"}}),
        ),
        (
            json!({"inventoryRequest": {"stockId": 2, "items": [], "websiteId": 1}, "algorithmCode": "priority"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "WebsiteId"}}),
        ),
        (
            json!({"inventoryRequest": {"stockId": "two", "items": []}, "algorithmCode": "priority"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"two\" value's type is invalid. The \"int\" type was expected. Verify and try again."}),
        ),
    ];
    let before = app.snapshot().await;
    for (body, status, expected) in cases {
        let reply = select(&app, &token, &body).await;
        assert_eq!((reply.status, &reply.body), (status, &expected), "{body}");
    }

    // What Magento itself fails on with a PHP error: its masked 500.
    for body in [
        json!({"inventoryRequest": {"stockId": 2, "items": []}, "algorithmCode": "nearest"}),
        json!({"inventoryRequest": {"stock_id": 2, "items": []}, "algorithmCode": "priority"}),
        json!({"inventoryRequest": {"stockId": 2}, "algorithmCode": "priority"}),
        priority_request(json!([{"qty": 1}])),
    ] {
        let reply = select(&app, &token, &body).await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
        let message = reply.body["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(
                "Internal Error. Details are available in Magento log file. Report ID: webapi-"
            ),
            "{message}"
        );
    }
    assert_eq!(app.snapshot().await, before);
}
