//! `--seed none`: only what every Magento has; the seed is never loaded over data.

mod common;

use common::spawn_app_with;
use magemu::config::Seed;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn seed_none_has_the_stores_and_the_default_stock_only() {
    let app = spawn_app_with(|c| c.seed = Seed::None).await;
    let token = app.token().await;
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/rest/V1/store/websites", &token).await.body[1]["code"],
        "base"
    );
    let items = app
        .get("/rest/V1/inventory/source-items?searchCriteria", &token)
        .await
        .body;
    assert_eq!(items["total_count"], 0);
    // An imported order is order 1 / 000000001, invoice 1 / 000000001.
    let id = app
        .create_order(&token, json!({"customer_email": "a@example.com", "items": [{"sku": "X", "qty_ordered": 1, "price": 5}], "payment": {"method": "checkmo"}}))
        .await;
    assert_eq!(id, 1);
    assert_eq!(app.invoice(&token, 1, &json!({})).await.body, json!("1"));
    let invoice = app.get("/rest/V1/invoices/1", &token).await.body;
    assert_eq!(invoice["increment_id"], "000000001");
    assert_eq!(invoice["grand_total"], json!(5));
}
