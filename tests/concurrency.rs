//! Racing invoice requests on one order serialize: exactly one wins.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_full_invoices_at_once_make_one_invoice() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let app = app.clone();
            let token = token.clone();
            tokio::spawn(async move {
                app.invoice(&token, 3, &json!({"capture": true, "notify": true}))
                    .await
            })
        })
        .collect();
    let mut ok = Vec::new();
    let mut refused = Vec::new();
    for t in tasks {
        let reply = t.await.expect("task");
        match reply.status {
            StatusCode::OK => ok.push(reply.body),
            _ => refused.push((reply.status, reply.body)),
        }
    }
    assert_eq!(ok, vec![json!("3")]);
    assert_eq!(refused.len(), 19);
    let expected = json!({"message": "Invoice Document Validation Error(s):\nThe invoice can't be created without products. Add products and try again.\nThe order does not allow an invoice to be created."});
    for (status, body) in refused {
        assert_eq!((status, body), (StatusCode::BAD_REQUEST, expected.clone()));
    }
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    for item in order["items"].as_array().unwrap() {
        assert_eq!(item["qty_invoiced"], item["qty_ordered"]);
    }
    assert_eq!(order["total_invoiced"].to_string(), "1917.6");
    let invoices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sales_invoice")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(invoices, 1);
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_partial_invoices_never_exceed_the_ordered_quantity() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    // 40 bags ordered; 30 requests of 3 bags each race for them.
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let app = app.clone();
            let token = token.clone();
            tokio::spawn(async move {
                app.invoice(
                    &token,
                    3,
                    &json!({"items": [{"order_item_id": 4, "qty": 3}]}),
                )
                .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let reply = t.await.expect("task");
        if reply.status == StatusCode::OK {
            ok += 1;
        } else {
            assert_eq!(
                reply.body,
                json!({"message": "We found an invalid quantity to invoice item \"%1\".", "parameters": ["Voyage Yoga Bag"]})
            );
        }
    }
    assert_eq!(ok, 13);
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["items"][1]["qty_invoiced"], json!(39));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_shipments_never_ship_or_deduct_twice() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    let body = json!({"items": [{"order_item_id": 3, "qty": 20}],
                      "arguments": {"extension_attributes": {"source_code": "ne_wh"}}});
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let (app, token, body) = (app.clone(), token.clone(), body.clone());
            tokio::spawn(async move { app.post("/rest/V1/order/3/ship", &token, &body).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let reply = t.await.expect("task");
        match reply.status {
            StatusCode::OK => ok += 1,
            _ => assert_eq!(
                (reply.status, reply.body),
                (
                    StatusCode::BAD_REQUEST,
                    json!({"message": "Shipment Document Validation Error(s):\nYou can't create a shipment without products."})
                )
            ),
        }
    }
    assert_eq!(ok, 1);
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["items"][0]["qty_shipped"], json!(20));
    let left: i64 = sqlx::query_scalar(
        "SELECT quantity / 10000 FROM inventory_source_item WHERE source_code = 'ne_wh' AND sku = '24-WB03'",
    )
    .fetch_one(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!(left, 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_refunds_never_refund_more_than_was_paid() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    // 40 bags invoiced; 16 refunds of 3 bags each (no shipping) race for them.
    let body =
        json!({"items": [{"order_item_id": 4, "qty": 3}], "arguments": {"shipping_amount": 0}});
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let (app, token, body) = (app.clone(), token.clone(), body.clone());
            tokio::spawn(async move { app.post("/rest/V1/order/3/refund", &token, &body).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let reply = t.await.expect("task");
        match reply.status {
            StatusCode::OK => ok += 1,
            _ => assert_eq!(
                reply.body,
                json!({"message": "We found an invalid quantity to refund item \"%1\".", "parameters": ["Voyage Yoga Bag"]})
            ),
        }
    }
    assert_eq!(ok, 13);
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["items"][1]["qty_refunded"], json!(39));
    let memos: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sales_creditmemo")
        .fetch_one(&app.state.db.read)
        .await
        .unwrap();
    assert_eq!(memos, 13);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_online_refunds_of_one_invoice_refund_once() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "card@example.com",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 32}],
                "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "braintree"}
            }),
        )
        .await;
    let invoice = app
        .invoice(&token, id, &json!({"capture": true}))
        .await
        .body;
    let invoice = invoice.as_str().expect("id").to_owned();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (app, token, invoice) = (app.clone(), token.clone(), invoice.clone());
            tokio::spawn(async move {
                app.post(
                    &format!("/rest/V1/invoice/{invoice}/refund"),
                    &token,
                    &json!({"isOnline": true}),
                )
                .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let reply = t.await.expect("task");
        if reply.status == StatusCode::OK {
            ok += 1;
        } else {
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{:?}", reply.body);
        }
    }
    assert_eq!(ok, 1);
    let refunds: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sales_payment_transaction WHERE txn_type = 'refund'",
    )
    .fetch_one(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!(refunds, 1);
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(order["total_refunded"], json!(64));
}

/// An open invoice (saved through `POST /V1/invoices/`) captured by ten callers at once is
/// captured once: one capture transaction, paid once; the others get Braintree's answer to a
/// second capture.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_captures_of_one_open_invoice_capture_once() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "card@example.com",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 32}],
                "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "braintree"}
            }),
        )
        .await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    let item = order["items"][0]["item_id"].clone();
    let saved = app
        .post(
            "/rest/V1/invoices/",
            &token,
            &json!({"entity": {"order_id": id, "state": 1, "total_qty": 2,
                    "grand_total": 64, "base_grand_total": 64,
                    "items": [{"order_item_id": item, "qty": 2, "sku": "24-WB01"}]}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let invoice = saved.body["entity_id"].as_i64().expect("entity_id");
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let (app, token) = (app.clone(), token.clone());
            tokio::spawn(async move {
                app.post(
                    &format!("/rest/V1/invoices/{invoice}/capture"),
                    &token,
                    &json!({}),
                )
                .await
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        let reply = t.await.expect("task");
        if reply.status == StatusCode::OK {
            ok += 1;
        } else {
            assert_eq!(
                (reply.status, reply.body),
                (
                    StatusCode::BAD_REQUEST,
                    json!({"message": "The Payment Token is not available to perform the request."})
                )
            );
        }
    }
    assert_eq!(ok, 1);
    let captures: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sales_payment_transaction WHERE txn_type = 'capture'",
    )
    .fetch_one(&app.state.db.read)
    .await
    .unwrap();
    assert_eq!(captures, 1);
    let order = app
        .get(
            &format!("/rest/V1/orders/{id}?fields=total_paid,payment[base_amount_paid_online]"),
            &token,
        )
        .await
        .body;
    assert_eq!(
        order,
        json!({"total_paid": 64, "payment": {"base_amount_paid_online": 64}})
    );
}
