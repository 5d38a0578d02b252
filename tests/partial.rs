//! Partial invoices: prorated figures, shipping on the first invoice only, the exact remainder on
//! the last (sales.md 5.4), and Magento's running rounding deltas.

use crate::common;

use common::{fixture, spawn_app, without};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn ten_backpacks_then_the_rest() {
    let app = spawn_app().await;
    let token = app.token().await;
    // The tutorial's own invoice takes id 3 first.
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    // A copy of the tutorial order, imported: order 4 with items 6 (24-WB03), 7, 8.
    let reply = app
        .post(
            "/rest/V1/orders",
            &token,
            &fixture("order-import-tutorial-copy.json"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let order_id = reply.body["entity_id"].as_i64().unwrap();
    assert_eq!(order_id, 4);

    let a = app
        .invoice(
            &token,
            order_id,
            &json!({"items": [{"order_item_id": 6, "qty": 10}]}),
        )
        .await;
    assert_eq!(a.body, json!("4"));
    let invoice_a = app.get("/rest/V1/invoices/4", &token).await.body;
    assert_eq!(
        without(&invoice_a, &["created_at", "updated_at"]),
        fixture("partial-invoice-a-10-backpacks.json")
    );

    let order = app.get("/rest/V1/orders/4", &token).await.body;
    for (key, value) in [
        ("total_invoiced", "588"),
        ("subtotal_invoiced", "360"),
        ("discount_invoiced", "-72"),
        ("shipping_invoiced", "300"),
        ("total_paid", "588"),
        ("total_due", "1329.6"),
    ] {
        assert_eq!(order[key].to_string(), value, "{key}");
    }
    assert_eq!(order["state"], "processing");
    assert_eq!(order["items"][0]["row_invoiced"].to_string(), "360");
    assert_eq!(order["items"][0]["discount_invoiced"].to_string(), "72");

    let b = app.invoice(&token, order_id, &json!({})).await;
    assert_eq!(b.body, json!("5"));
    let invoice_b = app.get("/rest/V1/invoices/5", &token).await.body;
    assert_eq!(
        without(&invoice_b, &["created_at", "updated_at"]),
        fixture("partial-invoice-b-the-rest.json")
    );
    // Shipping went on the first invoice: the second has no shipping keys at all.
    assert!(invoice_b.get("shipping_amount").is_none());
    assert!(invoice_b.get("shipping_tax_amount").is_none());

    let order = app.get("/rest/V1/orders/4", &token).await.body;
    for (key, value) in [
        ("total_invoiced", "1917.6"),
        ("subtotal_invoiced", "2022"),
        ("discount_invoiced", "-404.4"),
        ("total_paid", "1917.6"),
        ("total_due", "0"),
    ] {
        assert_eq!(order[key].to_string(), value, "{key}");
    }
    assert_eq!(order["payment"]["amount_paid"].to_string(), "1917.6");
    // The downloadable line was invoiced with B: one more 240-LV06 left hq (9999 - 1 - 1).
    let hq = app.get("/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=source_code&searchCriteria[filter_groups][0][filters][0][value]=hq", &token).await.body;
    assert_eq!(hq["items"][0]["quantity"], json!(9997));
}

#[tokio::test]
async fn one_third_at_a_time_carries_the_rounding() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(&token, json!({
            "customer_email": "x@example.com",
            "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 3, "price": 10, "discount_amount": 10}],
            "payment": {"method": "checkmo"}
        }))
        .await;
    let mut discounts = Vec::new();
    let mut grands = Vec::new();
    for _ in 0..3 {
        let reply = app
            .invoice(
                &token,
                id,
                &json!({"items": [{"order_item_id": 6, "qty": 1}]}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        let invoice = app
            .get(
                &format!("/rest/V1/invoices/{}", reply.body.as_str().unwrap()),
                &token,
            )
            .await
            .body;
        discounts.push(invoice["items"][0]["discount_amount"].to_string());
        grands.push(invoice["grand_total"].to_string());
    }
    // 10/3 = 3.33; then 6.67/2 = 3.335 rounds half away from zero to 3.34; the last takes 3.33.
    assert_eq!(discounts, ["3.33", "3.34", "3.33"]);
    assert_eq!(grands, ["6.67", "6.66", "6.67"]);
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(order["total_invoiced"], json!(20));
    assert_eq!(order["discount_invoiced"], json!(-10));
}
