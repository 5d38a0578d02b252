//! Online payments through the emulated gateway (braintree, paypal_express): capture at invoice
//! time with a transaction, capture false, declines by Braintree's sandbox amounts.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn online_order(app: &TestApp, token: &str, method: &str, price: &str) -> i64 {
    app.create_order(
        token,
        json!({
            "customer_email": "card@example.com",
            "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": price}],
            "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
            "payment": {"method": method, "cc_type": "VI", "cc_last4": "1111"}
        }),
    )
    .await
}

async fn order(app: &TestApp, token: &str, id: i64, fields: &str) -> Value {
    app.get(&format!("/rest/V1/orders/{id}?fields={fields}"), token)
        .await
        .body
}

#[tokio::test]
async fn capture_true_goes_through_the_gateway_and_records_a_transaction() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = online_order(&app, &token, "braintree", "32").await;
    let reply = app.invoice(&token, id, &json!({"capture": true})).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let invoice_id: i64 = reply.body.as_str().expect("id").parse().expect("number");
    let invoice = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &token)
        .await
        .body;
    let txn_id = invoice["transaction_id"]
        .as_str()
        .expect("a transaction id")
        .to_owned();
    assert_eq!(txn_id.len(), 8);
    assert_eq!(invoice["state"], json!(2));
    assert_eq!(
        order(
            &app,
            &token,
            id,
            "state,total_paid,payment[last_trans_id,base_amount_paid_online,amount_paid]"
        )
        .await,
        json!({"state": "processing", "total_paid": 32,
               "payment": {"amount_paid": 32, "base_amount_paid_online": 32, "last_trans_id": txn_id}})
    );
    let history = order(&app, &token, id, "status_histories[comment,entity_name]").await;
    assert_eq!(
        history["status_histories"][0],
        json!({"comment": format!("Captured amount of $32.00 online. Transaction ID: \"{txn_id}\""),
               "entity_name": "invoice"})
    );
    let transactions = app
        .get(
            &format!("/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={id}"),
            &token,
        )
        .await
        .body;
    assert_eq!(transactions["total_count"], json!(1));
    let t = &transactions["items"][0];
    assert_eq!(
        (
            &t["txn_id"],
            &t["txn_type"],
            &t["is_closed"],
            &t["parent_txn_id"]
        ),
        (&json!(txn_id), &json!("capture"), &json!(1), &json!(null))
    );
}

#[tokio::test]
async fn capture_false_pays_without_the_gateway_and_offline_methods_never_call_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    let online = online_order(&app, &token, "paypal_express", "32").await;
    let reply = app
        .invoice(&token, online, &json!({"capture": false}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let offline = online_order(&app, &token, "checkmo", "32").await;
    let reply = app
        .invoice(&token, offline, &json!({"capture": true}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    for id in [online, offline] {
        assert_eq!(
            order(&app, &token, id, "total_paid,payment[last_trans_id]").await,
            // Nothing left of `payment` after the filter: PHP's empty array, `[]`.
            json!({"total_paid": 32, "payment": []})
        );
    }
    let none: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sales_payment_transaction")
        .fetch_one(&app.state.db.read)
        .await
        .expect("count");
    assert_eq!(none, 0);
}

#[tokio::test]
async fn sandbox_amounts_decline_and_nothing_is_written() {
    let app = spawn_app().await;
    let token = app.token().await;
    for price in ["2500", "3000.5", "5001"] {
        let id = online_order(&app, &token, "braintree", price).await;
        let before = app.snapshot().await;
        let reply = app.invoice(&token, id, &json!({"capture": true})).await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Could not save an invoice, see error log for details"})
            ),
            "{price}"
        );
        assert_eq!(app.snapshot().await, before, "{price}");
        // Paid without the gateway, the same order invoices.
        let paid = app.invoice(&token, id, &json!({"capture": false})).await;
        assert_eq!(paid.status, StatusCode::OK, "{price}: {:?}", paid.body);
    }
}

#[tokio::test]
async fn refunds_through_the_invoice_online_and_offline() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "card@example.com",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 3, "price": 32}],
                "shipping_amount": 15,
                "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "braintree"}
            }),
        )
        .await;
    let invoice: i64 = app
        .invoice(&token, id, &json!({"capture": true}))
        .await
        .body
        .as_str()
        .expect("id")
        .parse()
        .expect("number");
    let capture = app
        .get(&format!("/rest/V1/invoices/{invoice}"), &token)
        .await
        .body["transaction_id"]
        .as_str()
        .expect("txn")
        .to_owned();
    // One bag through the gateway; by default the invoice's shipping goes with it.
    let online = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item_id(&app, &token, id).await, "qty": 1}], "isOnline": true}),
        )
        .await;
    assert_eq!(online.status, StatusCode::OK, "{:?}", online.body);
    let memo = app.get("/rest/V1/creditmemo/1", &token).await.body;
    let refund_txn = format!("{capture}-refund");
    assert_eq!(
        (
            &memo["invoice_id"],
            &memo["transaction_id"],
            &memo["grand_total"]
        ),
        (&json!(invoice), &json!(refund_txn), &json!(47))
    );
    assert_eq!(
        order(
            &app,
            &token,
            id,
            "total_refunded,total_online_refunded,payment[base_amount_refunded_online]"
        )
        .await,
        json!({"total_online_refunded": 47, "total_refunded": 47,
               "payment": {"base_amount_refunded_online": 47}})
    );
    let refund = app
        .get(
            "/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=txn_type&searchCriteria[filter_groups][0][filters][0][value]=refund",
            &token,
        )
        .await
        .body;
    assert_eq!(refund["items"][0]["txn_id"], json!(refund_txn));
    assert_eq!(refund["items"][0]["parent_txn_id"], json!(capture));
    let history = order(&app, &token, id, "status_histories[comment]").await;
    assert!(
        history["status_histories"]
            .as_array()
            .expect("histories")
            .iter()
            .any(|h| h["comment"]
                == json!(format!(
                    "We refunded $47.00 online. Transaction ID: \"{refund_txn}\""
                ))),
        "{history}"
    );
    // The rest offline through the same invoice: no transaction, the invoice marked refunded.
    let offline = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(offline.body, json!("2"));
    let invoice_row = app
        .get(&format!("/rest/V1/invoices/{invoice}"), &token)
        .await
        .body;
    assert_eq!(invoice_row["base_total_refunded"], json!(64));
    assert_eq!(
        order(
            &app,
            &token,
            id,
            "state,total_refunded,total_offline_refunded,total_paid"
        )
        .await,
        json!({"state": "closed", "total_offline_refunded": 64, "total_paid": 111,
               "total_refunded": 111})
    );
    // Nothing is left on the invoice.
    let again = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        again.body,
        json!({"message": "Creditmemo Document Validation Error(s):\nA creditmemo can not be created when an order has a status of closed\nWe can't create creditmemo for the invoice."})
    );
}

/// The credit memo whose id the refund `reply` answered.
async fn memo_of(app: &TestApp, token: &str, reply: &common::Reply) -> Value {
    let id = reply.body.as_str().expect("a credit memo id");
    app.get(&format!("/rest/V1/creditmemo/{id}"), token)
        .await
        .body
}

async fn item_id(app: &TestApp, token: &str, order_id: i64) -> i64 {
    order(app, token, order_id, "items[item_id]").await["items"][0]["item_id"]
        .as_i64()
        .expect("item id")
}

/// RefundInvoice as 2.4.8 has it: a second online refund of an invoice reuses its refund
/// transaction (`Transaction\Builder::build`), an invoice captured offline cannot be refunded
/// online, the order takes its state's default status, each invoice's memo takes its own
/// invoice's tax (`Total\Tax::calculateAllowedTax`), and a memo comment without text is the
/// save's masked refusal, changing nothing.
#[tokio::test]
async fn invoice_refunds_reuse_the_transaction_and_take_their_invoices_tax() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "card@example.com",
                "items": [
                    {"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 100, "tax_amount": 20, "base_tax_amount": 20},
                    {"sku": "24-WB03", "name": "Driven Backpack", "qty_ordered": 1, "price": 50, "tax_amount": 5, "base_tax_amount": 5}],
                "tax_amount": 25, "base_tax_amount": 25,
                "billing_address": {"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "braintree"}
            }),
        )
        .await;
    let items = order(&app, &token, id, "items[item_id]").await;
    let (bag, pack) = (
        items["items"][0]["item_id"].as_i64().unwrap(),
        items["items"][1]["item_id"].as_i64().unwrap(),
    );
    let invoice = |item: i64, capture: bool| {
        let app = &app;
        let token = &token;
        async move {
            let qty = if item == bag { 2 } else { 1 };
            let r = app
                .invoice(
                    token,
                    id,
                    &json!({"capture": capture, "items": [{"order_item_id": item, "qty": qty}]}),
                )
                .await;
            r.body.as_str().expect("invoice id").parse::<i64>().unwrap()
        }
    };
    let bags = invoice(bag, true).await;
    // Both invoiced before any refund: the order's tax left is 25, the bags' invoice's 20.
    let packs = invoice(pack, false).await;
    let refund = |invoice: i64, body: Value| {
        let app = &app;
        let token = &token;
        async move {
            app.post(&format!("/rest/V1/invoice/{invoice}/refund"), token, &body)
                .await
        }
    };
    // A comment without text: nothing is saved.
    let before = app.snapshot().await;
    let r = refund(
        bags,
        json!({"items": [{"order_item_id": bag, "qty": 1}], "comment": {"comment": ""}}),
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save a Creditmemo, see error log for details"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // Two online refunds of the same invoice, one bag each: the second reuses the refund
    // transaction. Each takes half of the bags' invoiced tax.
    for n in 1..=2 {
        let r = refund(
            bags,
            json!({"items": [{"order_item_id": bag, "qty": 1}], "isOnline": true}),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "refund {n}: {:?}", r.body);
        let memo = memo_of(&app, &token, &r).await;
        assert_eq!(
            (&memo["tax_amount"], &memo["grand_total"]),
            (&json!(10), &json!(110)),
            "refund {n}"
        );
    }
    let refunds = app
        .get(
            "/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=txn_type\
             &searchCriteria[filter_groups][0][filters][0][value]=refund&fields=total_count",
            &token,
        )
        .await
        .body;
    assert_eq!(refunds, json!({"total_count": 1}));
    // The backpack's invoice, captured offline: no online refund; offline, its own tax only.
    let before = app.snapshot().await;
    let r = refund(packs, json!({"isOnline": true})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save a Creditmemo, see error log for details"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let r = refund(packs, json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let memo = memo_of(&app, &token, &r).await;
    assert_eq!(
        (&memo["tax_amount"], &memo["grand_total"]),
        (&json!(5), &json!(55))
    );
    assert_eq!(
        order(&app, &token, id, "state,status").await,
        json!({"state": "closed", "status": "closed"})
    );
}

/// RefundInvoice refunds at most what is left of the invoice's line (`CreditmemoFactory::
/// createByInvoice` takes the smaller of the asked quantity and the invoice's): two units asked
/// of an invoice of one refund one.
#[tokio::test]
async fn an_invoice_refund_takes_at_most_the_invoices_units() {
    let app = spawn_app().await;
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
    let item = item_id(&app, &token, id).await;
    let mut invoices = Vec::new();
    for _ in 0..2 {
        let r = app
            .invoice(
                &token,
                id,
                &json!({"capture": true, "items": [{"order_item_id": item, "qty": 1}]}),
            )
            .await;
        invoices.push(r.body.as_str().expect("invoice id").to_owned());
    }
    let r = app
        .post(
            &format!("/rest/V1/invoice/{}/refund", invoices[0]),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 2}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let memo = memo_of(&app, &token, &r).await;
    assert_eq!(
        (&memo["items"][0]["qty"], &memo["grand_total"]),
        (&json!(1), &json!(32))
    );
    assert_eq!(
        order(&app, &token, id, "items[qty_refunded]").await,
        json!({"items": [{"qty_refunded": 1}]})
    );
}
