//! `POST /V1/creditmemo` (`CreditmemoRepositoryInterface::save`) and `POST /V1/creditmemo/refund`
//! (`CreditmemoManagementInterface::refund`): a credit memo the client built, saved as it is or
//! refunded as it is (see src/sales/creditmemo_save.rs).

use crate::common;

use common::{keys, spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Magento's `Magento/Sales/_files/order.php` then `invoice.php`, the fixture of both ported
/// api-functional tests: a processing checkmo order, one simple product ordered twice at 10 with
/// a row total of 10 but an order subtotal and grand total of 100, fully invoiced. magemu's
/// catalog has no "simple" product: the Voyage Yoga Bag stands in.
async fn fixture_order(app: &TestApp, token: &str) -> i64 {
    numbered_fixture_order(app, token, "100000001").await
}

async fn numbered_fixture_order(app: &TestApp, token: &str, increment_id: &str) -> i64 {
    let address = json!({
        "region": "CA", "region_id": "12", "postcode": "11111", "company": "Test Company",
        "lastname": "lastname", "firstname": "firstname", "street": ["street"],
        "city": "Los Angeles", "email": "admin@example.com", "telephone": "11111111",
        "country_id": "US"
    });
    let id = app
        .create_order(
            token,
            json!({
                "increment_id": increment_id, "state": "processing", "status": "processing",
                "subtotal": 100, "grand_total": 100, "base_subtotal": 100, "base_grand_total": 100,
                "order_currency_code": "USD", "base_currency_code": "USD",
                "customer_is_guest": 1, "customer_email": "customer@example.com", "store_id": 1,
                "billing_address": address,
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_type": "simple",
                           "product_id": 8, "qty_ordered": 2, "price": 10, "base_price": 10,
                           "row_total": 10}],
                "payment": {"method": "checkmo"}
            }),
        )
        .await;
    let reply = app.invoice(token, id, &json!({})).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    id
}

async fn order(app: &TestApp, token: &str, id: i64, fields: &str) -> Value {
    app.get(&format!("/rest/V1/orders/{id}?fields={fields}"), token)
        .await
        .body
}

/// The two timestamps are the stored ones; the rest is compared whole.
fn stamped(body: &Value) -> Value {
    for key in ["created_at", "updated_at"] {
        let at = body[key].as_str().unwrap_or_default();
        assert_eq!(at.len(), 19, "{key} of {body}");
    }
    without(body, &["created_at", "updated_at"])
}

/// Port of Magento's `Sales/Service/V1/CreditmemoCreateTest::testInvoke`: the entity with every
/// field null but `order_id` and the items (keyed by order item id, as the PHP array is), in
/// the test's key order (alphabetical: the adjustment setters ask for the order before
/// `order_id` is set).
#[tokio::test]
async fn creditmemo_create_test_saves_the_entity_as_given() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let item_id = 6;
    let mut data = serde_json::Map::new();
    for key in [
        "adjustment",
        "adjustment_negative",
        "adjustment_positive",
        "base_adjustment",
        "base_adjustment_negative",
        "base_adjustment_positive",
        "base_currency_code",
        "base_discount_amount",
        "base_grand_total",
        "base_discount_tax_compensation_amount",
        "base_shipping_amount",
        "base_shipping_discount_tax_compensation_amnt",
        "base_shipping_incl_tax",
        "base_shipping_tax_amount",
        "base_subtotal",
        "base_subtotal_incl_tax",
        "base_tax_amount",
        "base_to_global_rate",
        "base_to_order_rate",
        "billing_address_id",
        "created_at",
        "creditmemo_status",
        "discount_amount",
        "discount_description",
        "email_sent",
        "entity_id",
        "global_currency_code",
        "grand_total",
        "discount_tax_compensation_amount",
        "increment_id",
        "invoice_id",
        "order_currency_code",
    ] {
        data.insert(key.to_owned(), Value::Null);
    }
    data.insert("order_id".to_owned(), json!(id));
    for key in [
        "shipping_address_id",
        "shipping_amount",
        "shipping_discount_tax_compensation_amount",
        "shipping_incl_tax",
        "shipping_tax_amount",
        "state",
        "store_currency_code",
        "store_id",
        "store_to_base_rate",
        "store_to_order_rate",
        "subtotal",
        "subtotal_incl_tax",
        "tax_amount",
        "transaction_id",
        "updated_at",
    ] {
        data.insert(key.to_owned(), Value::Null);
    }
    data.insert(
        "items".to_owned(),
        json!({ item_id.to_string(): {"order_item_id": item_id, "qty": 2} }),
    );
    let reply = app
        .post("/rest/V1/creditmemo", &token, &json!({ "entity": data }))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    // The object as the save left it: the adjustment setters' zeros (the empty order's rate
    // is null), the base ones nulled again by the later keys, the ids and the timestamps.
    let expected = json!({
        "adjustment_negative": 0, "adjustment_positive": 0, "entity_id": 1,
        "increment_id": "000000001", "order_id": id,
        "items": [{"base_cost": null, "base_price": null, "entity_id": 1, "order_item_id": 6,
                   "parent_id": 1, "qty": 2}],
        "comments": []
    });
    assert_eq!(stamped(&reply.body), expected);
    assert_eq!(
        keys(&reply.body),
        [
            "adjustment_negative",
            "adjustment_positive",
            "created_at",
            "entity_id",
            "increment_id",
            "order_id",
            "updated_at",
            "items",
            "comments"
        ]
    );
    // Read back as stored.
    let stored = app.get("/rest/V1/creditmemo/1", &token).await;
    assert_eq!(stored.body, reply.body);
    // Nothing registered on the order: a repository save collects and refunds nothing.
    assert_eq!(
        order(
            &app,
            &token,
            id,
            "state,status,total_refunded,items[qty_refunded]"
        )
        .await,
        json!({"state": "processing", "status": "processing", "items": [{"qty_refunded": 0}]})
    );
}

/// Port of Magento's `Sales/Service/V1/CreditMemoCreateRefundTest::testInvoke` (REST): the
/// client's totals and items, `offline_requested` true; the order ends closed.
#[tokio::test]
async fn creditmemo_create_refund_test_refunds_and_closes_the_order() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let mut data = serde_json::Map::new();
    for (key, value) in [
        ("order_id", json!(id)),
        ("subtotal", json!(100)),
        ("grand_total", json!(100)),
        ("base_grand_total", json!(100)),
        ("base_shipping_amount", json!(0)),
        // `$order->getShippigAddressId()`: the test's typo, a magic getter giving null.
        ("shipping_address_id", Value::Null),
        ("billing_address_id", json!(7)),
        ("invoiceId", json!(4)),
    ] {
        data.insert(key.to_owned(), value);
    }
    for key in [
        "adjustment",
        "adjustment_negative",
        "adjustment_positive",
        "base_adjustment",
        "base_adjustment_negative",
        "base_adjustment_positive",
        "base_currency_code",
        "base_discount_amount",
        "base_discount_tax_compensation_amount",
        "base_shipping_discount_tax_compensation_amnt",
        "base_shipping_incl_tax",
        "base_shipping_tax_amount",
        "base_subtotal",
        "base_subtotal_incl_tax",
        "base_tax_amount",
        "base_to_global_rate",
        "base_to_order_rate",
        "created_at",
        "creditmemo_status",
        "discount_amount",
        "discount_description",
        "email_sent",
        "entity_id",
        "global_currency_code",
        "discount_tax_compensation_amount",
        "increment_id",
        "invoice_id",
        "order_currency_code",
        "shipping_amount",
        "shipping_discount_tax_compensation_amount",
        "shipping_incl_tax",
        "shipping_tax_amount",
        "state",
        "store_currency_code",
        "store_id",
        "store_to_base_rate",
        "store_to_order_rate",
        "subtotal_incl_tax",
        "tax_amount",
        "transaction_id",
        "updated_at",
    ] {
        data.insert(key.to_owned(), Value::Null);
    }
    data.insert(
        "items".to_owned(),
        json!([{"order_item_id": 6, "qty": 2, "price": 10, "row_total": 10, "entity_id": null}]),
    );
    let reply = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": data, "offline_requested": true}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let expected = json!({
        "adjustment_negative": 0, "adjustment_positive": 0, "base_grand_total": 100,
        "base_shipping_amount": 0, "billing_address_id": 7, "entity_id": 1, "grand_total": 100,
        "increment_id": "000000001", "order_id": id, "state": 2, "subtotal": 100,
        "items": [{"base_cost": null, "base_price": null, "entity_id": 1, "order_item_id": 6,
                   "parent_id": 1, "price": 10, "qty": 2, "row_total": 10}],
        "comments": []
    });
    assert_eq!(stamped(&reply.body), expected);
    assert_eq!(
        app.get("/rest/V1/creditmemo/1", &token).await.body,
        reply.body
    );
    assert_eq!(
        order(&app, &token, id, "state,status,total_refunded,base_total_refunded,subtotal_refunded,base_subtotal_refunded,total_offline_refunded,total_online_refunded,adjustment_positive,adjustment_negative,items[qty_refunded,amount_refunded,base_amount_refunded],payment[amount_refunded,base_amount_refunded,shipping_refunded,base_shipping_refunded],status_histories[comment,status,entity_name,is_customer_notified]").await,
        json!({
            "state": "closed", "status": "closed", "total_refunded": 100,
            "base_total_refunded": 100, "subtotal_refunded": 100, "base_subtotal_refunded": 0,
            "total_offline_refunded": 100, "adjustment_positive": 0, "adjustment_negative": 0,
            "items": [{"qty_refunded": 2, "amount_refunded": 10, "base_amount_refunded": 0}],
            "payment": {"amount_refunded": 100, "base_amount_refunded": 100,
                        "base_shipping_refunded": 0},
            "status_histories": [{"comment": "We refunded $100.00 offline.", "status": "closed",
                                  "entity_name": "creditmemo", "is_customer_notified": null}]
        })
    );
}

async fn sources(app: &TestApp, sku: &str) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT source_code, quantity / 10000 FROM inventory_source_item WHERE sku = ?
         AND quantity > 0 ORDER BY source_code",
    )
    .bind(sku)
    .fetch_all(&app.state.db.read)
    .await
    .expect("sources")
}

async fn reservations(app: &TestApp, sku: &str) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT quantity / 10000, metadata FROM inventory_reservation WHERE sku = ?
         AND metadata LIKE '%creditmemo_created%' ORDER BY reservation_id",
    )
    .bind(sku)
    .fetch_all(&app.state.db.read)
    .await
    .expect("reservations")
}

/// An open memo saved as it is, edited through the repository, then registered by
/// `refund` with its id and state 1; a second registration is refused.
#[tokio::test]
async fn an_open_memo_is_saved_edited_then_refunded() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let ne_wh_before = sources(&app, "24-WB01").await;
    let saved = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {
                "order_id": id, "state": 1, "store_id": 1, "base_grand_total": 20,
                "grand_total": 20, "subtotal": "20", "base_currency_code": "USD",
                "discount_description": "",
                "items": [{"order_item_id": 6, "qty": 2, "row_total": 10, "base_row_total": 20,
                           "sku": "24-WB01", "name": "Voyage Yoga Bag", "price": 10}]
            }}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(
        stamped(&saved.body),
        json!({
            "base_currency_code": "USD", "base_grand_total": 20, "discount_description": "",
            "entity_id": 1, "grand_total": 20, "increment_id": "000000001", "order_id": id,
            "state": 1, "store_id": 1, "subtotal": 20,
            "items": [{"base_cost": null, "base_price": null, "base_row_total": 20,
                       "entity_id": 1, "name": "Voyage Yoga Bag", "order_item_id": 6,
                       "parent_id": 1, "price": 10, "qty": 2, "row_total": 10, "sku": "24-WB01"}],
            "comments": []
        })
    );
    // Stored as Magento stores it: the empty description is NULL, so the read-back lacks it.
    let stored = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(stored, without(&saved.body, &["discount_description"]));
    // The MSI plugin took the save for a refund: processedQty 2 − 0 + 2 against nothing
    // shipped writes the two bags off the first source and closes their reservation.
    assert_eq!(
        reservations(&app, "24-WB01").await,
        vec![(2, format!("{{\"event_type\":\"creditmemo_created\",\"object_type\":\"order\",\"object_id\":\"{id}\",\"object_increment_id\":\"100000001\"}}"))]
    );
    let after = sources(&app, "24-WB01").await;
    assert_ne!(after, ne_wh_before);
    assert_eq!(
        after.iter().map(|(_, q)| q).sum::<i64>() + 2,
        ne_wh_before.iter().map(|(_, q)| q).sum::<i64>()
    );
    // An edit: only what is sent is written and echoed; the stored items come back.
    let edited = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"entity_id": 1, "order_id": id, "transaction_id": "offline-1",
                               "increment_id": null}}),
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{:?}", edited.body);
    assert_eq!(
        stamped(&edited.body),
        json!({"entity_id": 1, "order_id": id, "transaction_id": "offline-1",
               "items": stored["items"], "comments": []})
    );
    let stored = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(stored["transaction_id"], json!("offline-1"));
    assert_eq!(stored["increment_id"], json!("000000001"));
    assert_eq!(stored["grand_total"], json!(20));
    // No second write-off for an edit.
    assert_eq!(reservations(&app, "24-WB01").await.len(), 1);
    // Registered now: the stored items, the memo's own figures.
    let refunded = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"entity_id": 1, "state": 1, "order_id": id,
                                   "base_grand_total": 20, "grand_total": 20},
                    "offlineRequested": true}),
        )
        .await;
    assert_eq!(refunded.status, StatusCode::OK, "{:?}", refunded.body);
    assert_eq!(
        stamped(&refunded.body),
        json!({"base_grand_total": 20, "entity_id": 1, "grand_total": 20, "order_id": id,
               "state": 2, "items": stored["items"], "comments": []})
    );
    assert_eq!(
        app.get("/rest/V1/creditmemo/1", &token).await.body["state"],
        json!(2)
    );
    // Both bags refunded, 80 of the 100 paid left: complete (not closed).
    assert_eq!(
        order(&app, &token, id, "state,status,total_refunded,total_offline_refunded,items[qty_refunded,amount_refunded,base_amount_refunded]").await,
        json!({"state": "complete", "status": "complete", "total_refunded": 20,
               "total_offline_refunded": 20,
               "items": [{"qty_refunded": 2, "amount_refunded": 10, "base_amount_refunded": 20}]})
    );
    assert_eq!(reservations(&app, "24-WB01").await.len(), 1);
    // Registering it again: the client says open, the items have nothing left to refund.
    let before = app.snapshot().await;
    let again = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"entity_id": 1, "state": 1, "order_id": id}}),
        )
        .await;
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "We found an invalid quantity to refund item \"Voyage Yoga Bag\"."})
        )
    );
    let existing = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"entity_id": 1, "order_id": id}}),
        )
        .await;
    assert_eq!(
        (existing.status, existing.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "We cannot register an existing credit memo."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// `offlineRequested` false (its default) puts the refund in the order's online totals even
/// for checkmo, while the payment, which cannot refund online, writes "offline".
#[tokio::test]
async fn a_partial_refund_then_the_rest() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let first = app
        .post(
            "/rest/default/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "base_grand_total": 40, "grand_total": 40,
                                   "adjustment_negative": "10",
                                   "items": [{"order_item_id": 6, "qty": 1, "row_total": 5},
                                             {"order_item_id": 6, "qty": 0}]}}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    // The adjustment setter, with the order known: base and order figures; the dropped line is
    // still in the reply, without an id.
    assert_eq!(
        stamped(&first.body),
        json!({
            "adjustment_negative": 10, "base_adjustment_negative": 10, "base_grand_total": 40,
            "entity_id": 1, "grand_total": 40, "increment_id": "000000001", "order_id": id,
            "state": 2,
            "items": [{"base_cost": null, "base_price": null, "entity_id": 1, "order_item_id": 6,
                       "parent_id": 1, "qty": 1, "row_total": 5},
                      {"base_cost": null, "base_price": null, "entity_id": null,
                       "order_item_id": 6, "parent_id": 1, "qty": 0}],
            "comments": []
        })
    );
    let stored = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(stored["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        order(&app, &token, id, "state,status,total_refunded,total_online_refunded,total_offline_refunded,adjustment_negative,items[qty_refunded],payment[amount_refunded,base_amount_refunded,base_amount_refunded_online],status_histories[comment,status]").await,
        json!({"state": "processing", "status": "processing", "total_refunded": 40,
               "total_online_refunded": 40, "adjustment_negative": 10,
               "items": [{"qty_refunded": 1}],
               "payment": {"amount_refunded": 40, "base_amount_refunded": 40},
               "status_histories": [{"comment": "We refunded $40.00 offline.",
                                     "status": "processing"}]})
    );
    // More than is left: 100 paid, 40 refunded.
    let before = app.snapshot().await;
    let too_much = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "base_grand_total": 60.01}}),
        )
        .await;
    assert_eq!(
        (too_much.status, too_much.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The most money available to refund is %1.", "parameters": ["$60.00"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let rest = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "base_grand_total": 60, "grand_total": 60,
                                   "items": [{"order_item_id": 6, "qty": 1}]},
                    "offline_requested": "1"}),
        )
        .await;
    assert_eq!(rest.status, StatusCode::OK, "{:?}", rest.body);
    assert_eq!(rest.body["increment_id"], json!("000000002"));
    assert_eq!(
        order(&app, &token, id, "state,status,total_refunded,total_online_refunded,total_offline_refunded,items[qty_refunded]").await,
        json!({"state": "closed", "status": "closed", "total_refunded": 100,
               "total_online_refunded": 40, "total_offline_refunded": 60,
               "items": [{"qty_refunded": 2}]})
    );
    let list = app
        .get(
            &format!("/rest/V1/creditmemos?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={id}"),
            &token,
        )
        .await
        .body;
    assert_eq!(list["total_count"], json!(2));
    assert_eq!(
        list["items"][1],
        app.get("/rest/V1/creditmemo/2", &token).await.body
    );
}

/// With the memo's invoice and `offlineRequested` false, a gateway method refunds online:
/// the invoice is marked, a refund transaction child of the capture is written.
#[tokio::test]
async fn an_online_refund_goes_through_the_gateway() {
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
    let item_id = order(&app, &token, id, "items[item_id]").await["items"][0]["item_id"].clone();
    let invoice = app
        .invoice(&token, id, &json!({"capture": true}))
        .await
        .body;
    let invoice: i64 = invoice.as_str().expect("id").parse().expect("number");
    let capture = app
        .get(&format!("/rest/V1/invoices/{invoice}"), &token)
        .await
        .body["transaction_id"]
        .as_str()
        .expect("txn")
        .to_owned();
    let reply = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "invoice_id": invoice, "base_grand_total": 32,
                                   "grand_total": 32,
                                   "items": [{"order_item_id": item_id, "qty": 1}]}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let refund_txn = format!("{capture}-refund");
    assert_eq!(
        stamped(&reply.body),
        json!({"base_grand_total": 32, "entity_id": 1, "grand_total": 32,
               "increment_id": "000000001", "invoice_id": invoice, "order_id": id, "state": 2,
               "transaction_id": refund_txn,
               "items": [{"base_cost": null, "base_price": null, "entity_id": 1,
                          "order_item_id": item_id, "parent_id": 1, "qty": 1}],
               "comments": []})
    );
    let inv = app
        .get(&format!("/rest/V1/invoices/{invoice}"), &token)
        .await
        .body;
    assert_eq!(
        (&inv["is_used_for_refund"], &inv["base_total_refunded"]),
        (&json!(1), &json!(32))
    );
    let mut seen = order(&app, &token, id, "state,total_online_refunded,payment[base_amount_refunded_online,last_trans_id],status_histories[comment,entity_name]").await;
    // Both history lines fall in the same second: their order is the list's tie-break.
    if let Some(list) = seen["status_histories"].as_array_mut() {
        list.sort_by_key(|h| h["comment"].to_string());
    }
    assert_eq!(
        seen,
        json!({"state": "processing", "total_online_refunded": 32,
               "payment": {"base_amount_refunded_online": 32, "last_trans_id": refund_txn},
               "status_histories": [
                   {"comment": format!("Captured amount of $64.00 online. Transaction ID: \"{capture}\""),
                    "entity_name": "invoice"},
                   {"comment": format!("We refunded $32.00 online. Transaction ID: \"{refund_txn}\""),
                    "entity_name": "creditmemo"}]})
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
}

/// An invoice paid without the gateway (capture false) cannot be refunded through it.
#[tokio::test]
async fn an_online_refund_of_an_offline_invoice_is_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "card@example.com",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}],
                "payment": {"method": "braintree"}
            }),
        )
        .await;
    let invoice = app
        .invoice(&token, id, &json!({"capture": false}))
        .await
        .body;
    let invoice: i64 = invoice.as_str().expect("id").parse().expect("number");
    let before = app.snapshot().await;
    let reply = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "invoice_id": invoice, "base_grand_total": 32}}),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "If the invoice was created offline, try creating an offline credit memo."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// A PHP fatal error in Magento (a call on null, a TypeError) reaches `Bootstrap::terminate`:
/// a plain-text 500.
async fn assert_fatal(app: &TestApp, path: &str, body: &Value) {
    let token = app.token().await;
    let reply = app
        .send(
            reqwest::Method::POST,
            path,
            Some(&token),
            Some("application/json"),
            Some(body.to_string()),
        )
        .await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    assert_eq!(reply.content_type.as_deref(), Some("text/plain"), "{body}");
    let text = app
        .client
        .post(app.url(path))
        .bearer_auth(&token)
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    assert_eq!(
        text,
        "An error has happened during application run. See exception log for details.\n"
    );
}

/// Every refusal answers Magento's body and writes nothing.
#[tokio::test]
async fn refusals_answer_as_magento_and_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let not_found = json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."});
    let cases: Vec<(&str, Value, StatusCode, Value)> = vec![
        // The parameters.
        (
            "/rest/V1/creditmemo",
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "entity"}}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": null, "offlineRequested": true}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "creditmemo"}}),
        ),
        // Unknown keys, at any depth.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "foo_bar": 1}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "FooBar"}}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "items": [{"back_to_stock": true}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "BackToStock"}}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "extension_attributes": {"x": 1}}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "X"}}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": [{"order_id": id}]}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "0"}}),
        ),
        // Types, wrapped once per enclosing key.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": "abc"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"order_id\" processing. The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "items": [{"qty": "x"}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"items\" processing. Error occurred during \"qty\" processing. The \"x\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "adjustment_positive": "5%"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"adjustment_positive\" processing. The \"5%\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        // The adjustment setter looks the order up while parsing: before a later bad key.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": 999, "adjustment_positive": 1, "grand_total": "x"}}),
            StatusCode::NOT_FOUND,
            not_found.clone(),
        ),
        // The repository: an unknown order (its 404 turned into the save's 400), or one the
        // foreign key refuses (the adjustment setter held an empty order: no lookup).
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": 999}}),
            StatusCode::BAD_REQUEST,
            not_found.clone(),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"adjustment_positive": 1, "order_id": 999}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The credit memo couldn't be saved."}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "store_id": 7}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The credit memo couldn't be saved."}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "created_at": "soon"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The credit memo couldn't be saved."}),
        ),
        // An id with no row updates nothing; the observer then looks the order up.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"entity_id": 50, "order_id": 999}}),
            StatusCode::BAD_REQUEST,
            not_found.clone(),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"entity_id": 50, "order_id": id, "items": [{"qty": 1}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The credit memo couldn't be saved."}),
        ),
        // Comments as sent: the validator wants a parent and a text.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "comments": [{"comment": "x"}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\n\"Parent Creditmemo Id\" is required. Enter and try again."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "comments": [{"parent_id": 0, "comment": ""}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\nParent Creditmemo Id can not be empty\nComment can not be empty"}),
        ),
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"order_id": id, "comments": [{"parent_id": 77, "comment": "x"}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The credit memo couldn't be saved."}),
        ),
        // No order at all: a PHP fatal error in the resource model.
        (
            "/rest/V1/creditmemo",
            json!({"entity": {"grand_total": 1}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
        // validateForRefund.
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"entity_id": 3, "order_id": id}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "We cannot register an existing credit memo."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"grand_total": 1}}),
            StatusCode::NOT_FOUND,
            json!({"message": "We found an invalid order to refund."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": 999}}),
            StatusCode::NOT_FOUND,
            not_found.clone(),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "base_grand_total": 100.01}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The most money available to refund is %1.", "parameters": ["$100.00"]}),
        ),
        // Keys sorted: the adjustment setter asked for the order before order_id was set, so the
        // check compares with the empty order's nothing paid.
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"adjustment_positive": 0, "base_grand_total": 1, "order_id": id}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The most money available to refund is %1.", "parameters": ["$0.00"]}),
        ),
        // RefundOperation.
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "items": [{"order_item_id": 6, "qty": 3, "name": "Bag"}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "We found an invalid quantity to refund item \"Bag\"."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "items": [{"order_item_id": 6, "qty": 3.7}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "We found an invalid quantity to refund item \"\"."}),
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "items": [{"order_item_id": 1, "qty": 1}]}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "items": [{"order_item_id": 999, "qty": 0}]}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
        // An invoice id that names none, asked to refund online: saving the empty invoice fails.
        (
            "/rest/V1/creditmemo/refund",
            json!({"creditmemo": {"order_id": id, "invoice_id": 999}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
    ];
    for (path, body, status, expected) in cases {
        let before = app.snapshot().await;
        let reply = app.post(path, &token, &body).await;
        assert_eq!(reply.status, status, "{path} {body}: {:?}", reply.body);
        if status == StatusCode::INTERNAL_SERVER_ERROR {
            assert_fatal(&app, path, &body).await;
        } else {
            assert_eq!(reply.body, expected, "{path} {body}");
        }
        assert_eq!(app.snapshot().await, before, "{path} {body}");
    }
    // A taken increment id in the same store.
    let first = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id, "increment_id": "CM-1", "store_id": 1}}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let before = app.snapshot().await;
    let taken = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id, "increment_id": "CM-1", "store_id": 1}}),
        )
        .await;
    assert_eq!(
        (taken.status, taken.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Unique constraint violation found"})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// An item whose `order_item_id` names no order item: the memo is committed, then the MSI
/// plugin fails on it (Magento's 500 after the save); nothing moves in the stock.
#[tokio::test]
async fn an_item_of_no_order_item_is_saved_then_answers_500() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let stock = sources(&app, "24-WB01").await;
    let reply = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id, "items": [{"order_item_id": 6, "qty": 1},
                                                         {"order_item_id": 999, "qty": 1}]}}),
        )
        .await;
    assert_eq!(
        (reply.status, reply.content_type.as_deref()),
        (StatusCode::INTERNAL_SERVER_ERROR, Some("text/plain"))
    );
    let stored = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(
        stamped(&stored),
        json!({"entity_id": 1, "increment_id": "000000001", "order_id": id,
               "items": [{"base_cost": null, "base_price": null, "entity_id": 1,
                          "order_item_id": 6, "parent_id": 1, "qty": 1},
                         {"base_cost": null, "base_price": null, "entity_id": 2,
                          "order_item_id": 999, "parent_id": 1, "qty": 1}],
               "comments": []})
    );
    assert_eq!(sources(&app, "24-WB01").await, stock);
    assert!(reservations(&app, "24-WB01").await.is_empty());
}

/// Comments go where their `parent_id` says; the memo's comments route reads them back, as
/// the list does the memos.
#[tokio::test]
async fn comments_and_lists_read_the_saved_memos_back() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let first = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id}}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let second = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id, "comments": [
                {"parent_id": 1, "comment": "Refund agreed by phone", "is_customer_notified": 0}
            ]}}),
        )
        .await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.body);
    let comment = &second.body["comments"][0];
    assert_eq!(
        without(comment, &["created_at"]),
        json!({"comment": "Refund agreed by phone", "entity_id": 1, "is_customer_notified": 0,
               "is_visible_on_front": null, "parent_id": 1})
    );
    // The comment belongs to memo 1; the new memo 2 has none stored.
    assert_eq!(
        app.get("/rest/V1/creditmemo/2", &token).await.body["comments"],
        json!([])
    );
    let listed = app.get("/rest/V1/creditmemo/1/comments", &token).await.body;
    assert_eq!(listed["total_count"], json!(1));
    assert_eq!(
        without(&listed["items"][0], &["created_at"]),
        json!({"comment": "Refund agreed by phone", "entity_id": 1, "is_customer_notified": 0,
               "is_visible_on_front": 0, "parent_id": 1})
    );
    let list = app
        .get(
            &format!("/rest/V1/creditmemos?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={id}"),
            &token,
        )
        .await
        .body;
    assert_eq!(list["total_count"], json!(2));
    assert_eq!(
        list["items"][0],
        app.get("/rest/V1/creditmemo/1", &token).await.body
    );
}

/// GET and PUT on /V1/creditmemo/refund are Magento's `:id` routes with the id "refund".
#[tokio::test]
async fn the_refund_path_under_other_methods_is_the_id_route() {
    let app = spawn_app().await;
    let token = app.token().await;
    let get = app.get("/rest/V1/creditmemo/refund", &token).await;
    assert_eq!(
        (get.status, get.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"refund\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    let put = app
        .send(
            reqwest::Method::PUT,
            "/rest/V1/creditmemo/refund",
            Some(&token),
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    // `cancel(int $id)`: the id is converted before the service refuses.
    assert_eq!(
        (put.status, put.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"refund\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
}

/// Shipped units: a refund registers them, so the MSI plugin leaves the sources alone; a bare
/// repository save registers nothing, so the plugin counts them as never shipped and writes
/// them off the sources a second time (Magento's own double count).
#[tokio::test]
async fn shipped_units_leave_the_sources_again_only_on_a_bare_save() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut orders = Vec::new();
    for number in ["100000001", "100000002"] {
        let id = numbered_fixture_order(&app, &token, number).await;
        let item_id =
            order(&app, &token, id, "items[item_id]").await["items"][0]["item_id"].clone();
        let shipped = app
            .post(
                &format!("/rest/V1/order/{id}/ship"),
                &token,
                &json!({"items": [{"order_item_id": item_id, "qty": 2}],
                        "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            )
            .await;
        assert_eq!(shipped.status, StatusCode::OK, "{:?}", shipped.body);
        orders.push((id, item_id));
    }
    let ne_wh = |s: Vec<(String, i64)>| s.into_iter().find(|(c, _)| c == "ne_wh").map(|(_, q)| q);
    assert_eq!(ne_wh(sources(&app, "24-WB01").await), Some(31));
    let (refunded, refunded_item) = &orders[0];
    let reply = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": refunded, "base_grand_total": 100,
                                   "items": [{"order_item_id": refunded_item, "qty": 2}]},
                    "offlineRequested": true}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(ne_wh(sources(&app, "24-WB01").await), Some(31));
    assert!(reservations(&app, "24-WB01").await.is_empty());
    let (saved, saved_item) = &orders[1];
    let reply = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": saved,
                               "items": [{"order_item_id": saved_item, "qty": 2}]}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(ne_wh(sources(&app, "24-WB01").await), Some(29));
    assert_eq!(
        reservations(&app, "24-WB01").await,
        vec![(2, format!("{{\"event_type\":\"creditmemo_created\",\"object_type\":\"order\",\"object_id\":\"{saved}\",\"object_increment_id\":\"100000002\"}}"))]
    );
}

/// `processQty` casts the quantity of an item that does not take decimals: 2.5 registers 2,
/// while the memo keeps what was sent.
#[tokio::test]
async fn a_decimal_quantity_registers_its_integer_part() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = fixture_order(&app, &token).await;
    let reply = app
        .post(
            "/rest/V1/creditmemo/refund",
            &token,
            &json!({"creditmemo": {"order_id": id, "items": [{"order_item_id": 6, "qty": 2.5}]}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        app.get("/rest/V1/creditmemo/1", &token).await.body["items"][0]["qty"],
        json!(2.5)
    );
    assert_eq!(
        order(&app, &token, id, "items[qty_refunded]").await,
        json!({"items": [{"qty_refunded": 2}]})
    );
}
