//! `--seed none`: only what every Magento has; the seed is never loaded over data.

use crate::common;

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

#[tokio::test]
async fn tutorial_seed_counters_stand_where_section_5_9_says() {
    let app = common::spawn_app().await;
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT name, seq + 1 FROM sqlite_sequence ORDER BY name")
            .fetch_all(&app.state.db.read)
            .await
            .unwrap();
    let next = |table: &str| rows.iter().find(|(n, _)| n == table).map(|(_, v)| *v);
    for (table, expected) in [
        ("sales_order", 4),
        ("sales_order_item", 6),
        ("sales_order_address", 7),
        ("sales_invoice", 3),
        ("sales_invoice_item", 3),
        ("customer_entity", 3),
        ("customer_address_entity", 3),
        ("inventory_stock", 3),
    ] {
        assert_eq!(next(table), Some(expected), "{table}");
    }
    let jane: (i64, String, Option<i64>) =
        sqlx::query_as("SELECT entity_id, email, default_billing FROM customer_entity")
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!(jane, (2, "jdoe@example.com".to_owned(), Some(2)));
    let sequences: Vec<(String, i64)> =
        sqlx::query_as("SELECT entity_type, next_value FROM sales_sequence WHERE store_id = 1 ORDER BY entity_type")
            .fetch_all(&app.state.db.read)
            .await
            .unwrap();
    assert!(sequences.contains(&("invoice".to_owned(), 3)));
    assert!(sequences.contains(&("shipment".to_owned(), 3)));
    assert!(sequences.contains(&("order".to_owned(), 4)));
}
