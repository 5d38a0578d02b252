//! Step 10 of Adobe's tutorial "Order processing with Inventory Management", verbatim.

use crate::common;

use common::{fixture, keys, spawn_app, without};
use reqwest::StatusCode;
use serde_json::{json, Value};

const TIMESTAMPS: &[&str] = &["created_at", "updated_at"];

fn source_items(v: &Value) -> Vec<(String, String, String)> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["sku"].as_str().unwrap().to_owned(),
                i["source_code"].as_str().unwrap().to_owned(),
                i["quantity"].to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn step_10_invoice_order_3_and_read_invoice_3() {
    let app = spawn_app().await;
    let token = app.token().await;
    let all_items = "/rest/default/V1/inventory/source-items?searchCriteria=";
    let before = app.get(all_items, &token).await.body;
    assert_eq!(before["total_count"], 15);
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(80));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));

    // POST /rest/default/V1/order/3/invoice {"capture": true, "notify": true}
    let created = app
        .invoice(&token, 3, &fixture("step10-invoice-request.json"))
        .await;
    assert_eq!(created.status, StatusCode::OK);
    // The tutorial prints a bare 3; Magento sends the id as a JSON string (sales.md 10.1).
    assert_eq!(fixture("step10-invoice-create-response.json"), json!(3));
    assert_eq!(created.body, json!("3"));
    assert_eq!(
        created.content_type.as_deref(),
        Some("application/json; charset=utf-8")
    );

    // GET /rest/default/V1/invoices/3: the documented invoice, field for field, in order.
    let invoice = app.get("/rest/default/V1/invoices/3", &token).await;
    assert_eq!(invoice.status, StatusCode::OK);
    let expected = fixture("step10-invoice-response.json");
    assert_eq!(
        without(&invoice.body, TIMESTAMPS),
        without(&expected, TIMESTAMPS)
    );
    assert_eq!(keys(&invoice.body), keys(&expected));
    for (got, want) in invoice.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(expected["items"].as_array().unwrap())
    {
        assert_eq!(keys(got), keys(want));
    }
    assert_eq!(invoice.body["grand_total"].to_string(), "1917.6");
    assert_eq!(invoice.body["shipping_amount"].to_string(), "300");

    // The order moved to processing, paid and invoiced in full.
    let order = app.get("/rest/default/V1/orders/3", &token).await.body;
    assert_eq!(
        (order["state"].as_str(), order["status"].as_str()),
        (Some("processing"), Some("processing"))
    );
    for (key, value) in [
        ("total_invoiced", "1917.6"),
        ("total_paid", "1917.6"),
        ("total_due", "0"),
        ("subtotal_invoiced", "2022"),
        ("discount_invoiced", "-404.4"),
        ("shipping_invoiced", "300"),
    ] {
        assert_eq!(order[key].to_string(), value, "{key}");
    }
    let invoiced: Vec<String> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["qty_invoiced"].to_string())
        .collect();
    assert_eq!(invoiced, ["20", "40", "1"]);
    assert_eq!(order["payment"]["amount_paid"].to_string(), "1917.6");
    assert_eq!(order["payment"]["shipping_captured"].to_string(), "300");

    // Only the downloadable line left its source; physical items wait for the shipment.
    let after = app.get(all_items, &token).await.body;
    let mut expected_items = source_items(&before);
    for item in &mut expected_items {
        if item.0 == "240-LV06" && item.1 == "hq" {
            assert_eq!(item.2, "9999");
            item.2 = "9998".into();
        }
    }
    assert_eq!(source_items(&after), expected_items);
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(80));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));

    // The compensating reservation, with Magento's metadata.
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT sku, quantity, metadata FROM inventory_reservation ORDER BY reservation_id",
    )
    .fetch_all(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[3],
        (
            "240-LV06".to_owned(),
            10_000,
            r#"{"event_type":"invoice_created","object_type":"order","object_id":"3","object_increment_id":"000000003"}"#.to_owned()
        )
    );
}

#[tokio::test]
async fn capture_false_on_an_offline_method_pays_all_the_same() {
    let app = spawn_app().await;
    let token = app.token().await;
    let created = app.invoice(&token, 3, &json!({"capture": false})).await;
    assert_eq!(created.body, json!("3"));
    let invoice = app.get("/rest/V1/invoices/3", &token).await.body;
    // Same invoice as the tutorial's, except that no e-mail was asked for.
    let expected = without(
        &fixture("step10-invoice-response.json"),
        &["created_at", "updated_at", "email_sent"],
    );
    assert_eq!(without(&invoice, &["created_at", "updated_at"]), expected);
    assert_eq!(invoice["state"], 2);
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["total_paid"].to_string(), "1917.6");
    assert_eq!(order["state"], "processing");
}

#[tokio::test]
async fn every_store_prefix_reaches_the_same_endpoint() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let a = app.get("/rest/V1/invoices/3", &token).await;
    let b = app.get("/rest/default/V1/invoices/3", &token).await;
    let c = app.get("/rest/all/V1/invoices/3/", &token).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.body, b.body);
    assert_eq!(a.body, c.body);
}

#[tokio::test]
async fn store_endpoints_answer_with_the_stores() {
    let app = spawn_app().await;
    let token = app.token().await;
    let websites = app.get("/rest/V1/store/websites", &token).await;
    assert_eq!(
        websites.body,
        json!([
            {"id": 0, "code": "admin", "name": "Admin", "default_group_id": 0},
            {"id": 1, "code": "base", "name": "Main Website", "default_group_id": 1}
        ])
    );
    let views = app
        .get("/rest/default/V1/store/storeViews", &token)
        .await
        .body;
    assert_eq!(
        views[1],
        json!({"id": 1, "code": "default", "name": "Default Store View", "website_id": 1, "store_group_id": 1, "is_active": 1})
    );
    let groups = app.get("/rest/V1/store/storeGroups", &token).await.body;
    assert_eq!(groups[1]["code"], "main_website_store");
    let configs = app.get("/rest/V1/store/storeConfigs", &token).await.body;
    assert_eq!(configs.as_array().unwrap().len(), 1);
    assert_eq!(configs[0]["base_currency_code"], "USD");
    assert_eq!(configs[0]["base_url"], format!("{}/", app.base));
    // `storeCodes` is a string[]: a list picks views, a scalar is the array type's error.
    let picked = app
        .get("/rest/V1/store/storeConfigs?storeCodes[]=default", &token)
        .await;
    assert_eq!(picked.body, configs);
    let none = app
        .get("/rest/V1/store/storeConfigs?storeCodes[0]=nowhere", &token)
        .await;
    assert_eq!(none.body, json!([]));
    let scalar = app
        .get("/rest/V1/store/storeConfigs?storeCodes=default", &token)
        .await;
    assert_eq!(
        (scalar.status, scalar.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"string\" value's type is invalid. The \"string[]\" type was expected. Verify and try again."})
        )
    );
}
