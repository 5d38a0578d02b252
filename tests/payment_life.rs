//! A payment's whole life, step by step, with every money figure of the order and its payment
//! asserted after each step: online (braintree) with a capture through the gateway, a capture
//! false, an online and an offline partial refund, a void and a second capture refused; an
//! invoice saved open and captured later (paypal_express); declines; an offline method.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const FIGURES: &str = "state,total_invoiced,total_paid,total_refunded,total_online_refunded,\
total_offline_refunded,payment[amount_paid,base_amount_paid_online,amount_refunded,\
base_amount_refunded_online,last_trans_id]";

async fn order_of(
    app: &TestApp,
    token: &str,
    method: &str,
    qty: u32,
    price: u32,
    shipping: u32,
) -> i64 {
    app.create_order(
        token,
        json!({
            "customer_email": "life@example.com",
            "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": qty, "price": price}],
            "shipping_amount": shipping,
            "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
            "payment": {"method": method}
        }),
    )
    .await
}

async fn figures(app: &TestApp, token: &str, id: i64) -> Value {
    app.get(&format!("/rest/V1/orders/{id}?fields={FIGURES}"), token)
        .await
        .body
}

async fn item_id(app: &TestApp, token: &str, id: i64) -> i64 {
    app.get(&format!("/rest/V1/orders/{id}"), token).await.body["items"][0]["item_id"]
        .as_i64()
        .expect("item id")
}

fn id_of(reply: &common::Reply) -> i64 {
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    match &reply.body {
        Value::String(s) => s.parse().expect("number"),
        other => other["entity_id"].as_i64().expect("entity_id"),
    }
}

async fn txn_of(app: &TestApp, token: &str, invoice: i64) -> String {
    app.get(&format!("/rest/V1/invoices/{invoice}"), token)
        .await
        .body["transaction_id"]
        .as_str()
        .expect("transaction id")
        .to_owned()
}

#[tokio::test]
async fn online_capture_capture_false_refunds_void_and_a_second_capture() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Three bags at 32 and 15 of shipping: 111.
    let id = order_of(&app, &token, "braintree", 3, 32, 15).await;
    let item = item_id(&app, &token, id).await;
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "new", "payment": []})
    );

    // Two bags captured through the gateway; the first invoice takes the shipping: 79.
    let first = id_of(
        &app.invoice(
            &token,
            id,
            &json!({"capture": true, "items": [{"order_item_id": item, "qty": 2}]}),
        )
        .await,
    );
    let txn = txn_of(&app, &token, first).await;
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "processing", "total_invoiced": 79, "total_paid": 79,
               "payment": {"amount_paid": 79, "base_amount_paid_online": 79, "last_trans_id": txn}})
    );

    // The last bag paid without the gateway: nothing more online.
    let second = id_of(&app.invoice(&token, id, &json!({"capture": false})).await);
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "processing", "total_invoiced": 111, "total_paid": 111,
               "payment": {"amount_paid": 111, "base_amount_paid_online": 79, "last_trans_id": txn}})
    );

    // One bag back through the first invoice, online; its shipping goes with it: 47.
    let reply = app
        .post(
            &format!("/rest/V1/invoice/{first}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 1}], "isOnline": true}),
        )
        .await;
    id_of(&reply);
    let refund_txn = format!("{txn}-refund");
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "processing", "total_invoiced": 111, "total_paid": 111,
               "total_refunded": 47, "total_online_refunded": 47,
               "payment": {"amount_paid": 111, "base_amount_paid_online": 79,
                           "amount_refunded": 47, "base_amount_refunded_online": 47,
                           "last_trans_id": refund_txn}})
    );

    // One more bag back by the order, offline: 32.
    let reply = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 1}]}),
        )
        .await;
    id_of(&reply);
    let after_refunds = json!({"state": "processing", "total_invoiced": 111, "total_paid": 111,
        "total_refunded": 79, "total_online_refunded": 47, "total_offline_refunded": 32,
        "payment": {"amount_paid": 111, "base_amount_paid_online": 79, "amount_refunded": 79,
                    "base_amount_refunded_online": 47, "last_trans_id": refund_txn}});
    assert_eq!(figures(&app, &token, id).await, after_refunds);

    // A void saves nothing; a second online capture has no vault token to go through.
    let before = app.snapshot().await;
    let void = app
        .post(
            &format!("/rest/V1/invoices/{first}/void"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!((void.status, void.body), (StatusCode::OK, json!(true)));
    let capture = app
        .post(
            &format!("/rest/V1/invoices/{second}/capture"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        (capture.status, capture.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The Payment Token is not available to perform the request."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    assert_eq!(figures(&app, &token, id).await, after_refunds);
}

#[tokio::test]
async fn an_open_invoice_is_voided_then_captured_later() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order_of(&app, &token, "paypal_express", 1, 40, 0).await;
    let item = item_id(&app, &token, id).await;
    let before = figures(&app, &token, id).await;
    let reply = app
        .post(
            "/rest/V1/invoices/",
            &token,
            &json!({"entity": {"order_id": id, "state": 1, "total_qty": 1, "grand_total": 40,
                    "base_grand_total": 40, "subtotal": 40, "base_subtotal": 40,
                    "items": [{"order_item_id": item, "qty": 1, "sku": "24-WB01", "price": 40}]}}),
        )
        .await;
    let invoice = id_of(&reply);
    // Saved open: the order is as it was (a repository save registers nothing).
    assert_eq!(figures(&app, &token, id).await, before);
    let snapshot = app.snapshot().await;
    let void = app
        .post(
            &format!("/rest/V1/invoices/{invoice}/void"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!((void.status, void.body), (StatusCode::OK, json!(true)));
    assert_eq!(app.snapshot().await, snapshot);

    let capture = app
        .post(
            &format!("/rest/V1/invoices/{invoice}/capture"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        (capture.status, capture.body),
        (StatusCode::OK, json!(true))
    );
    let txn = txn_of(&app, &token, invoice).await;
    assert_eq!(txn.len(), 17);
    // Paid, but still not invoiced on the order: Magento's capture does not register.
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "processing", "total_paid": 40,
               "payment": {"amount_paid": 40, "base_amount_paid_online": 40, "last_trans_id": txn}})
    );
}

#[tokio::test]
async fn declines_write_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Braintree's sandbox declines 2000.00-2999.99.
    let id = order_of(&app, &token, "braintree", 1, 2500, 0).await;
    let item = item_id(&app, &token, id).await;
    let before = app.snapshot().await;
    let reply = app.invoice(&token, id, &json!({"capture": true})).await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save an invoice, see error log for details"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let open = id_of(
        &app.post(
            "/rest/V1/invoices/",
            &token,
            &json!({"entity": {"order_id": id, "state": 1, "total_qty": 1,
                    "grand_total": 2500, "base_grand_total": 2500,
                    "items": [{"order_item_id": item, "qty": 1, "sku": "24-WB01"}]}}),
        )
        .await,
    );
    let before = app.snapshot().await;
    let capture = app
        .post(
            &format!("/rest/V1/invoices/{open}/capture"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        (capture.status, capture.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Transaction has been declined. Please try again later."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn an_offline_method_pays_on_the_spot_and_refunds_offline() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order_of(&app, &token, "checkmo", 2, 32, 10).await;
    let invoice = id_of(&app.invoice(&token, id, &json!({"capture": true})).await);
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "processing", "total_invoiced": 74, "total_paid": 74,
               "payment": {"amount_paid": 74}})
    );
    let before = app.snapshot().await;
    for (action, message) in [
        ("capture", "The capture action is not available."),
        ("void", "The void action is not available."),
    ] {
        let reply = app
            .post(
                &format!("/rest/V1/invoices/{invoice}/{action}"),
                &token,
                &json!({}),
            )
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (StatusCode::BAD_REQUEST, json!({"message": message}))
        );
    }
    // Through the invoice online: an offline invoice cannot.
    let reply = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({"isOnline": true}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{:?}", reply.body);
    assert_eq!(app.snapshot().await, before);
    // The whole order back offline: closed.
    id_of(
        &app.post(&format!("/rest/V1/order/{id}/refund"), &token, &json!({}))
            .await,
    );
    assert_eq!(
        figures(&app, &token, id).await,
        json!({"state": "closed", "total_invoiced": 74, "total_paid": 74, "total_refunded": 74,
               "total_offline_refunded": 74, "payment": {"amount_paid": 74, "amount_refunded": 74}})
    );
}

/// Refunds and voids the gateway refuses (Braintree's sandbox amounts: a refund of
/// 2000.00-2999.99, a void of a 4001.00-4001.99 transaction) answer each service's error and
/// write nothing; a refund the gateway accepts then goes through.
#[tokio::test]
async fn gateway_declines_at_refund_and_void_write_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order_of(&app, &token, "braintree", 2, 1250, 1000).await;
    let item = item_id(&app, &token, id).await;
    let invoice = id_of(&app.invoice(&token, id, &json!({"capture": true})).await);
    let before = app.snapshot().await;
    // 2 × 1250 and no shipping: 2500 through the gateway, declined; RefundInvoice masks it.
    let refund = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 2}], "isOnline": true,
                    "arguments": {"shipping_amount": 0}}),
        )
        .await;
    assert_eq!(
        (refund.status, refund.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save a Creditmemo, see error log for details"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // CreditmemoService::refund passes the gateway's message through, and rolls back the
    // invoice's refund marks.
    let refund = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "invoice_id": invoice,
                                   "base_grand_total": 2500, "grand_total": 2500,
                                   "items": [{"order_item_id": item, "qty": 2}]}}),
        )
        .await;
    assert_eq!(
        (refund.status, refund.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Transaction has been declined. Please try again later."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // One bag, 1250, the gateway accepts.
    let accepted = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 1}], "isOnline": true,
                    "arguments": {"shipping_amount": 0}}),
        )
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{:?}", accepted.body);
    assert_eq!(
        figures(&app, &token, id).await["total_online_refunded"],
        json!(1250)
    );

    // 4001: captured, then settlement declined by the sandbox; it cannot be voided.
    let id = order_of(&app, &token, "braintree", 1, 4001, 0).await;
    let invoice = id_of(&app.invoice(&token, id, &json!({"capture": true})).await);
    let before = app.snapshot().await;
    let void = app
        .post(
            &format!("/rest/V1/invoices/{invoice}/void"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        (void.status, void.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Transaction has been declined. Please try again later."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}
