//! `POST /V1/invoices/` (InvoiceRepositoryInterface::save) and what comes after an invoice saved
//! open: `POST /V1/invoices/{id}/capture` and `/void` (InvoiceManagementInterface).

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const ADDRESS: &str = r#"{"firstname": "Card", "lastname": "Holder", "street": ["1 Main St"],
    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"}"#;

/// An order of one Voyage Yoga Bag (and, when asked, one downloadable 240-LV06) paid by `method`.
async fn order(app: &TestApp, token: &str, method: &str, price: &str, downloadable: bool) -> i64 {
    let mut items = vec![
        json!({"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1,
                                "price": price, "product_type": "simple"}),
    ];
    if downloadable {
        items.push(
            json!({"sku": "240-LV06", "name": "Yoga Adventure", "qty_ordered": 2,
                          "price": 22, "product_type": "downloadable"}),
        );
    }
    let address: Value = serde_json::from_str(ADDRESS).expect("address");
    app.create_order(
        token,
        json!({"customer_email": "card@example.com", "items": items,
               "billing_address": address, "payment": {"method": method}}),
    )
    .await
}

async fn order_items(app: &TestApp, token: &str, id: i64) -> Vec<Value> {
    let o = app.get(&format!("/rest/V1/orders/{id}"), token).await.body;
    o["items"].as_array().expect("items").clone()
}

/// The open invoice a migration would write for the whole order.
fn open_invoice(order_id: i64, items: &[Value], grand_total: &str) -> Value {
    let items: Vec<Value> = items
        .iter()
        .map(|i| {
            json!({"order_item_id": i["item_id"], "sku": i["sku"], "qty": i["qty_ordered"],
                   "price": i["price"], "row_total": i["row_total"]})
        })
        .collect();
    json!({"entity": {
        "order_id": order_id, "state": 1, "store_id": 1, "total_qty": items.len(),
        "grand_total": grand_total, "base_grand_total": grand_total,
        "subtotal": grand_total, "base_subtotal": grand_total,
        "base_currency_code": "USD", "order_currency_code": "USD",
        "items": items
    }})
}

async fn save(app: &TestApp, token: &str, body: &Value) -> common::Reply {
    app.post("/rest/V1/invoices/", token, body).await
}

/// What all sources hold of `sku`.
async fn source_qty(app: &TestApp, sku: &str) -> Value {
    let q: f64 = sqlx::query_scalar(
        "SELECT SUM(quantity) / 10000.0 FROM inventory_source_item WHERE sku = ?",
    )
    .bind(sku)
    .fetch_one(&app.state.db.read)
    .await
    .expect("source item");
    json!(q)
}

/// Magento's api-functional `InvoiceCreateTest::testInvoke`: a payload of nulls, camelCase item
/// keys and a made-up SKU is saved and answered.
#[tokio::test]
async fn magento_invoice_create_test() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order(&app, &token, "checkmo", "32", false).await;
    let items = order_items(&app, &token, id).await;
    let mut entity = serde_json::Map::new();
    for key in [
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
        "base_total_refunded",
        "base_to_global_rate",
        "base_to_order_rate",
        "billing_address_id",
        "can_void_flag",
        "created_at",
        "discount_amount",
        "discount_description",
        "email_sent",
        "entity_id",
        "global_currency_code",
        "grand_total",
        "discount_tax_compensation_amount",
        "increment_id",
        "is_used_for_refund",
        "order_currency_code",
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
        entity.insert(key.into(), Value::Null);
    }
    entity.insert("order_id".into(), json!(id));
    entity.insert("total_qty".into(), json!("1"));
    entity.insert(
        "items".into(),
        json!([{"orderItemId": items[0]["item_id"], "qty": 2, "additionalData": null,
                "baseCost": null, "basePrice": null, "name": null, "entity_id": null,
                "parentId": null, "price": null, "productId": null, "sku": "sku5f1e2a",
                "taxAmount": null}]),
    );
    let before = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    let reply = save(&app, &token, &json!({ "entity": entity })).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let invoice_id = reply.body["entity_id"].as_i64().expect("entity_id");
    let created = reply.body["created_at"].clone();
    let item_id = reply.body["items"][0]["entity_id"].clone();
    assert_eq!(
        reply.body,
        json!({"created_at": created, "entity_id": invoice_id, "increment_id": "000000003",
               "order_id": id, "total_qty": 1, "updated_at": created,
               "items": [{"entity_id": item_id, "parent_id": invoice_id, "sku": "sku5f1e2a",
                          "order_item_id": items[0]["item_id"], "qty": 2}],
               "comments": []})
    );
    let read = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &token)
        .await;
    assert_eq!(read.body, reply.body);
    // A repository save registers nothing on the order.
    let after = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(after, before);
}

#[tokio::test]
async fn an_open_invoice_is_captured_later_through_the_gateway_once() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order(&app, &token, "braintree", "32", false).await;
    let items = order_items(&app, &token, id).await;
    let reply = save(&app, &token, &open_invoice(id, &items, "32")).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["state"], json!(1));
    let invoice_id = reply.body["entity_id"].as_i64().expect("id");

    let reply = app
        .post(
            &format!("/rest/V1/invoices/{invoice_id}/capture"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!((reply.status, &reply.body), (StatusCode::OK, &json!(true)));
    let invoice = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &token)
        .await
        .body;
    let txn = invoice["transaction_id"].as_str().expect("txn").to_owned();
    assert_eq!(invoice["state"], json!(2));
    let o = app
        .get(
            &format!("/rest/V1/orders/{id}?fields=state,status,total_paid,base_total_paid,total_invoiced,payment[amount_paid,base_amount_paid_online,last_trans_id],status_histories[comment,entity_name]"),
            &token,
        )
        .await
        .body;
    assert_eq!(
        o,
        json!({"state": "processing", "status": "processing", "total_paid": 32,
               "base_total_paid": 32,
               "payment": {"amount_paid": 32, "base_amount_paid_online": 32, "last_trans_id": txn},
               "status_histories": [{"comment": format!("Captured amount of $32.00 online. Transaction ID: \"{txn}\""),
                                     "entity_name": "invoice"}]})
    );
    let t = app
        .get(
            &format!("/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={id}"),
            &token,
        )
        .await
        .body;
    assert_eq!(t["total_count"], json!(1));
    assert_eq!(t["items"][0]["txn_type"], json!("capture"));

    // Braintree sends a second capture to the vault, and magemu's payments carry no token.
    let before = app.snapshot().await;
    let reply = app
        .post(
            &format!("/rest/V1/invoices/{invoice_id}/capture"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(
        (reply.status, &reply.body),
        (
            StatusCode::BAD_REQUEST,
            &json!({"message": "The Payment Token is not available to perform the request."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn racing_captures_of_one_invoice_capture_once() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order(&app, &token, "paypal_express", "40", false).await;
    let items = order_items(&app, &token, id).await;
    let reply = save(&app, &token, &open_invoice(id, &items, "40")).await;
    let invoice_id = reply.body["entity_id"].as_i64().expect("id");
    let path = format!("/rest/V1/invoices/{invoice_id}/capture");
    let empty = json!({});
    let replies =
        futures_util::future::join_all((0..12).map(|_| app.post(&path, &token, &empty))).await;
    let ok = replies
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!(
        ok,
        1,
        "{:?}",
        replies.iter().map(|r| &r.body).collect::<Vec<_>>()
    );
    for r in replies.iter().filter(|r| r.status != StatusCode::OK) {
        assert_eq!(
            r.body,
            json!({"message": "PayPal gateway has rejected request. Authorization has already been completed (#10602: Authorization Completed)."})
        );
    }
    let o = app
        .get(
            &format!("/rest/V1/orders/{id}?fields=total_paid,payment[base_amount_paid_online]"),
            &token,
        )
        .await
        .body;
    assert_eq!(
        o,
        json!({"total_paid": 40, "payment": {"base_amount_paid_online": 40}})
    );
}

#[tokio::test]
async fn declines_offline_methods_and_void_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    // A sandbox amount declines the capture.
    let id = order(&app, &token, "braintree", "2500", false).await;
    let items = order_items(&app, &token, id).await;
    let declined = save(&app, &token, &open_invoice(id, &items, "2500"))
        .await
        .body["entity_id"]
        .as_i64()
        .expect("id");
    // An offline method can neither capture nor void.
    let id = order(&app, &token, "checkmo", "32", false).await;
    let items = order_items(&app, &token, id).await;
    let offline = save(&app, &token, &open_invoice(id, &items, "32"))
        .await
        .body["entity_id"]
        .as_i64()
        .expect("id");
    let before = app.snapshot().await;
    let cases = [
        (
            format!("/rest/V1/invoices/{declined}/capture"),
            StatusCode::BAD_REQUEST,
            json!({"message": "Transaction has been declined. Please try again later."}),
        ),
        (
            format!("/rest/V1/invoices/{offline}/capture"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The capture action is not available."}),
        ),
        (
            format!("/rest/V1/invoices/{offline}/void"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The void action is not available."}),
        ),
        // setVoid saves nothing: true, and the invoice stays open.
        (
            format!("/rest/V1/invoices/{declined}/void"),
            StatusCode::OK,
            json!(true),
        ),
        (
            "/rest/V1/invoices/999/capture".to_owned(),
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."}),
        ),
    ];
    for (path, status, body) in cases {
        let reply = app.post(&path, &token, &json!({})).await;
        assert_eq!((reply.status, &reply.body), (status, &body), "{path}");
        assert_eq!(app.snapshot().await, before, "{path}");
    }
}

#[tokio::test]
async fn virtual_items_leave_their_source_when_the_invoice_is_saved() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order(&app, &token, "checkmo", "32", true).await;
    let items = order_items(&app, &token, id).await;
    let salable_before = app.salable(&token, "240-LV06", 2).await;
    let held_before = source_qty(&app, "240-LV06").await;
    let bag_before = source_qty(&app, "24-WB01").await;
    let reply = save(&app, &token, &open_invoice(id, &items, "76")).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    // Two downloadable units leave by priority; the physical bag waits for a shipment.
    let held_after = source_qty(&app, "240-LV06").await;
    assert_eq!(
        held_after.as_f64().unwrap() + 2.0,
        held_before.as_f64().unwrap()
    );
    assert_eq!(source_qty(&app, "24-WB01").await, bag_before);
    let metadata: Vec<(i64, String)> = sqlx::query_as(
        "SELECT quantity / 10000, metadata FROM inventory_reservation WHERE sku = '240-LV06' ORDER BY reservation_id DESC LIMIT 1",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("reservations");
    let order_increment =
        app.get(&format!("/rest/V1/orders/{id}"), &token).await.body["increment_id"].clone();
    assert_eq!(
        metadata,
        vec![(2, format!("{{\"event_type\":\"invoice_created\",\"object_type\":\"order\",\"object_id\":\"{id}\",\"object_increment_id\":{order_increment}}}"))]
    );
    // The deduction and its compensation leave the salable quantity as it was.
    assert_eq!(app.salable(&token, "240-LV06", 2).await, salable_before);
}

#[tokio::test]
async fn refusals_write_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = order(&app, &token, "checkmo", "32", false).await;
    let items = order_items(&app, &token, id).await;
    let taken = save(&app, &token, &open_invoice(id, &items, "32"))
        .await
        .body["increment_id"]
        .clone();
    let internal = |body: &Value| {
        body["message"].as_str().is_some_and(|m| {
            m.starts_with("Internal Error. Details are available in Magento log file.")
        })
    };
    let before = app.snapshot().await;
    let cases: Vec<(Value, StatusCode, Option<Value>)> = vec![
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            Some(
                json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "entity"}}),
            ),
        ),
        (
            json!({"entity": {"order_id": id, "colour": "red"}}),
            StatusCode::BAD_REQUEST,
            Some(
                json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
            ),
        ),
        // Magento Open Source declares no invoice extension attributes (a bulk migration
        // collection posts `order_increment_id`, which needs a custom module).
        (
            json!({"entity": {"order_id": id, "extension_attributes": {"order_increment_id": "5"}}}),
            StatusCode::BAD_REQUEST,
            Some(
                json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "OrderIncrementId"}}),
            ),
        ),
        (
            json!({"entity": {"order_id": id, "items": [{"order_item_id": 1, "qty": 1, "extension_attributes": {"x": 1}}]}}),
            StatusCode::BAD_REQUEST,
            Some(
                json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "X"}}),
            ),
        ),
        (
            json!({"entity": {"order_id": id, "grand_total": "lots"}}),
            StatusCode::BAD_REQUEST,
            Some(
                json!({"message": "Error occurred during \"grand_total\" processing. The \"lots\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
            ),
        ),
        (
            json!({"entity": {"order_id": id, "increment_id": taken, "store_id": 1}}),
            StatusCode::BAD_REQUEST,
            Some(json!({"message": "Unique constraint violation found"})),
        ),
        // No order: Magento fails on the empty order's billing address or on the foreign key.
        (
            json!({"entity": {"total_qty": 1}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
        ),
        (
            json!({"entity": {"order_id": 999, "total_qty": 1}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
        ),
        (
            json!({"entity": {"order_id": id, "items": [{"order_item_id": 99999, "qty": 1, "sku": "x"}]}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            None,
        ),
        // The comment resource's validator runs before its insert (a LocalizedException
        // nothing catches), and the invoice saved before it rolls back.
        (
            json!({"entity": {"order_id": id, "comments": [{"comment": "no parent"}]}}),
            StatusCode::BAD_REQUEST,
            Some(json!({"message": "Cannot save comment:\n%1",
                        "parameters": ["\"Parent Invoice Id\" is required. Enter and try again."]})),
        ),
    ];
    for (body, status, expected) in cases {
        let reply = save(&app, &token, &body).await;
        assert_eq!(reply.status, status, "{body} -> {:?}", reply.body);
        match expected {
            Some(e) => assert_eq!(reply.body, e, "{body}"),
            None => assert!(internal(&reply.body), "{body} -> {:?}", reply.body),
        }
        assert_eq!(app.snapshot().await, before, "{body}");
    }
}

#[tokio::test]
async fn an_existing_invoice_is_updated_with_the_fields_given() {
    let app = spawn_app().await;
    let token = app.token().await;
    let order_id = order(&app, &token, "checkmo", "32", false).await;
    let invoice_id: i64 = app
        .invoice(&token, order_id, &json!({}))
        .await
        .body
        .as_str()
        .expect("id")
        .parse()
        .expect("number");
    // Only email_sent changes.
    let path = format!("/rest/V1/invoices/{invoice_id}");
    let before = app.get(&path, &token).await.body;
    let reply = save(
        &app,
        &token,
        &json!({"entity": {"entity_id": invoice_id, "order_id": order_id, "email_sent": 1}}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let after = app.get(&path, &token).await.body;
    assert_eq!(reply.body, after);
    let mut expected = before.clone();
    expected["email_sent"] = json!(1);
    expected["updated_at"] = after["updated_at"].clone();
    assert_eq!(after, expected);
}

/// An invoice saved with an increment id of its own may hold the number the store's sequence
/// reaches next: invoicing an order then fails as Magento's save fails on the UNIQUE key
/// (`CouldNotInvoiceException`), and nothing is written (the check comes before the writes,
/// which run without a savepoint of their own).
#[tokio::test]
async fn an_invoice_number_taken_by_a_saved_invoice_fails_the_invoice_and_writes_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let first = order(&app, &token, "checkmo", "32", false).await;
    let reply = app
        .post(
            &format!("/rest/V1/order/{first}/invoice"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    // The id comes back as Magento sends it, a JSON string.
    let invoice_id = reply.body.as_str().expect("invoice id").to_owned();
    let invoice = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &token)
        .await
        .body;
    let last: i64 = invoice["increment_id"]
        .as_str()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("increment id in {invoice}"));
    let other = order(&app, &token, "checkmo", "32", false).await;
    let items = order_items(&app, &token, other).await;
    let mut saved = open_invoice(other, &items, "32");
    saved["entity"]["increment_id"] = json!(format!("{:09}", last + 1));
    let reply = save(&app, &token, &saved).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);

    let third = order(&app, &token, "checkmo", "32", false).await;
    let before = app.snapshot().await;
    let reply = app
        .post(
            &format!("/rest/V1/order/{third}/invoice"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.body,
        json!({"message": "Could not save an invoice, see error log for details"})
    );
    assert_eq!(app.snapshot().await, before);
}

/// An order with two lines of one downloadable SKU: both lines' units leave its source at
/// invoice time as one deduction (the source items are looked up once per SKU, however many
/// lines name it). When the source holds less than both lines, what it holds leaves it and the
/// invoice is saved: Magento's `VirtualSourceDeductionProcessor` deducts what the source
/// selection (by priority) takes, without asking whether it covers the lines.
#[tokio::test]
async fn two_lines_of_one_downloadable_sku_leave_their_source_once() {
    let app = spawn_app().await;
    let token = app.token().await;
    let address: Value = serde_json::from_str(ADDRESS).expect("address");
    let two_lines = || {
        json!({"customer_email": "two@example.com", "billing_address": address.clone(),
               "payment": {"method": "checkmo"}, "items": [
            {"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32,
             "product_type": "simple"},
            {"sku": "240-LV06", "name": "Yoga Adventure", "qty_ordered": 2, "price": 22,
             "product_type": "downloadable"},
            {"sku": "240-LV06", "name": "Yoga Adventure", "qty_ordered": 3, "price": 22,
             "product_type": "downloadable"}
        ]})
    };
    let reservations = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT quantity / 10000 FROM inventory_reservation WHERE sku = '240-LV06'
             ORDER BY reservation_id",
        )
        .fetch_all(&app.state.db.read)
        .await
        .expect("reservations")
    };

    let id = app.create_order(&token, two_lines()).await;
    let held = source_qty(&app, "240-LV06").await.as_f64().unwrap();
    let before = reservations().await;
    let reply = app.invoice(&token, id, &json!({"capture": true})).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(source_qty(&app, "240-LV06").await, json!(held - 5.0));
    assert_eq!(reservations().await[before.len()..], [5]);

    // The source holds 4 of the 5.
    let reply = app
        .post(
            "/rest/V1/inventory/source-items",
            &token,
            &json!({"sourceItems": [{"sku": "240-LV06", "source_code": "hq", "quantity": 4,
                                     "status": 1}]}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let id = app.create_order(&token, two_lines()).await;
    let reply = app.invoice(&token, id, &json!({"capture": true})).await;
    assert_eq!((reply.status, reply.body), (StatusCode::OK, json!("4")));
    assert_eq!(source_qty(&app, "240-LV06").await, json!(0.0));
    assert_eq!(reservations().await[before.len()..], [5, 4]);
}
