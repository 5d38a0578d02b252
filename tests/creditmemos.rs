//! `POST /V1/order/{orderId}/refund`, `GET /V1/creditmemo/{id}`, `GET /V1/creditmemos`
//! (creditmemo.md; inventory.md 3.4).

use crate::common;

use common::{spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn refund(app: &TestApp, token: &str, order_id: i64, body: &Value) -> common::Reply {
    app.post(&format!("/rest/V1/order/{order_id}/refund"), token, body)
        .await
}

async fn order(app: &TestApp, token: &str, fields: &str) -> Value {
    app.get(&format!("/rest/V1/orders/3?fields={fields}"), token)
        .await
        .body
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

#[tokio::test]
async fn a_full_refund_of_the_tutorial_order_closes_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let reply = refund(&app, &token, 3, &json!({"notify": true})).await;
    assert_eq!((reply.status, &reply.body), (StatusCode::OK, &json!("1")));
    let memo = app.get("/rest/default/V1/creditmemo/1", &token).await.body;
    assert_eq!(
        without(&memo, &["created_at", "updated_at", "items"]),
        json!({
            "adjustment": 0, "base_adjustment": 0, "base_currency_code": "USD",
            "base_discount_amount": -404.4, "base_grand_total": 1917.6,
            "base_discount_tax_compensation_amount": 0, "base_shipping_amount": 300,
            "base_shipping_incl_tax": 300, "base_shipping_tax_amount": 0, "base_subtotal": 2022,
            "base_subtotal_incl_tax": 2022, "base_tax_amount": 0, "base_to_global_rate": 1,
            "base_to_order_rate": 1, "billing_address_id": 6, "discount_amount": -404.4,
            "discount_description": "", "email_sent": 1, "entity_id": 1,
            "global_currency_code": "USD", "grand_total": 1917.6,
            "discount_tax_compensation_amount": 0, "increment_id": "000000001",
            "order_currency_code": "USD", "order_id": 3, "shipping_address_id": 5,
            "shipping_amount": 300, "shipping_incl_tax": 300, "shipping_tax_amount": 0,
            "state": 2, "store_currency_code": "USD", "store_id": 1, "store_to_base_rate": 0,
            "store_to_order_rate": 0, "subtotal": 2022, "subtotal_incl_tax": 2022,
            "tax_amount": 0, "comments": []
        })
    );
    assert_eq!(
        without(&memo["items"][0], &[]),
        json!({
            "base_cost": null, "base_discount_amount": 144,
            "base_discount_tax_compensation_amount": 0, "base_price": 36, "base_row_total": 720,
            "base_row_total_incl_tax": 720, "base_tax_amount": 0,
            "base_weee_tax_row_disposition": 0, "discount_amount": 144, "entity_id": 1,
            "discount_tax_compensation_amount": 0, "name": "Driven Backpack",
            "order_item_id": 3, "parent_id": 1, "price": 36, "product_id": 12, "qty": 20,
            "row_total": 720, "row_total_incl_tax": 720, "sku": "24-WB03", "tax_amount": 0,
            "weee_tax_applied": "[]", "weee_tax_applied_row_amount": 0,
            "weee_tax_row_disposition": 0
        })
    );
    assert_eq!(
        order(&app, &token, "state,status,total_refunded,total_offline_refunded,subtotal_refunded,shipping_refunded,discount_refunded,adjustment_positive,adjustment_negative,customer_note_notify,items[qty_refunded,amount_refunded,discount_refunded],payment[amount_refunded,base_amount_refunded,shipping_refunded],status_histories[comment,status,is_customer_notified]").await,
        json!({
            "adjustment_negative": 0, "adjustment_positive": 0, "customer_note_notify": 1,
            "discount_refunded": -404.4, "shipping_refunded": 300, "state": "closed",
            "status": "closed", "subtotal_refunded": 2022, "total_offline_refunded": 1917.6,
            "total_refunded": 1917.6,
            "items": [{"amount_refunded": 720, "discount_refunded": 144, "qty_refunded": 20},
                      {"amount_refunded": 1280, "discount_refunded": 256, "qty_refunded": 40},
                      {"amount_refunded": 22, "discount_refunded": 4.4, "qty_refunded": 1}],
            "payment": {"amount_refunded": 1917.6, "base_amount_refunded": 1917.6,
                        "shipping_refunded": 300},
            "status_histories": [{"comment": "We refunded $1,917.60 offline.", "status": "closed",
                                  "is_customer_notified": 1}]
        })
    );
    // Refunded without return, never shipped: the bags are written off their sources by
    // priority (ne_wh first) and their reservations closed; the salable quantity stays.
    assert_eq!(
        sources(&app, "24-WB03").await,
        vec![
            ("berkeley".to_owned(), 20),
            ("ne_wh".to_owned(), 30),
            ("sausalito".to_owned(), 20),
            ("west_wh".to_owned(), 10)
        ]
    );
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(80));
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));
    // Nothing is left to refund.
    let before = app.snapshot().await;
    let again = refund(&app, &token, 3, &json!({})).await;
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Creditmemo Document Validation Error(s):\nA creditmemo can not be created when an order has a status of closed"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let list = app
        .get(
            "/rest/V1/creditmemos?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]=3",
            &token,
        )
        .await;
    assert_eq!(list.body["total_count"], json!(1));
    assert_eq!(list.body["items"][0]["grand_total"], json!(1917.6));
}

#[tokio::test]
async fn partial_refunds_with_arguments_and_return_to_stock() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    // Ship 10 of the 20 backpacks from ne_wh, then refund 12 with return: as magento/inventory
    // counts it, the 10 never shipped come first (back to the salable quantity through a
    // reservation) and 2 of the shipped ones go back to ne_wh. No shipping refunded, a fee kept
    // and a bonus given.
    let shipped = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 10}],
                    "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(shipped.body, json!("3"));
    let reply = refund(
        &app,
        &token,
        3,
        &json!({
            "items": [{"order_item_id": 3, "qty": 12}],
            "appendComment": true, "notify": true,
            "comment": {"comment": "Returned by the customer", "is_visible_on_front": 1},
            "arguments": {"shipping_amount": 0, "adjustment_positive": 5.53, "adjustment_negative": 10,
                          "extension_attributes": {"return_to_stock_items": [3]}}
        }),
    )
    .await;
    assert_eq!(reply.body, json!("1"));
    let memo = app.get("/rest/V1/creditmemo/1", &token).await.body;
    // 720 / 20 × 12 = 432; discount 144 / 20 × 12 = 86.4; 432 − 86.4 + 5.53 − 10 = 341.13.
    for (key, value) in [
        ("subtotal", json!(432)),
        ("discount_amount", json!(-86.4)),
        ("shipping_amount", json!(0)),
        ("adjustment_positive", json!(5.53)),
        ("adjustment_negative", json!(10)),
        ("adjustment", json!(-4.47)),
        ("grand_total", json!(341.13)),
    ] {
        assert_eq!(memo[key], value, "{key}");
    }
    assert_eq!(
        without(&memo["comments"][0], &["created_at"]),
        json!({"comment": "Returned by the customer", "entity_id": 1, "is_customer_notified": 1,
               "is_visible_on_front": 1, "parent_id": 1})
    );
    assert_eq!(
        order(&app, &token, "state,total_refunded,adjustment_negative").await,
        json!({"adjustment_negative": 10, "state": "processing", "total_refunded": 341.13})
    );
    assert_eq!(
        sources(&app, "24-WB03").await,
        vec![
            ("berkeley".to_owned(), 20),
            ("ne_wh".to_owned(), 42),
            ("sausalito".to_owned(), 20),
            ("west_wh".to_owned(), 10)
        ]
    );
    // The customer keeps 8 shipped backpacks: 100 − 8 are salable.
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(92));
}

#[tokio::test]
async fn refusals_answer_as_magento_and_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let cases = [
        (
            3,
            json!({}),
            StatusCode::BAD_REQUEST,
            // Nothing invoiced: nothing to refund, and the shipping the collector offers by
            // default is more than was paid. (CanRefund lets an order with nothing paid
            // through while `allow_zero_grandtotal` is on, its default.)
            json!({"message": "Creditmemo Document Validation Error(s):\nThe most money available to refund is 0."}),
        ),
        (
            99,
            json!({}),
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."}),
        ),
        (
            0,
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "An ID is needed. Set the ID and try again."}),
        ),
    ];
    for (id, body, status, expected) in &cases {
        let reply = refund(&app, &token, *id, body).await;
        assert_eq!(
            (reply.status, &reply.body),
            (*status, expected),
            "{id} {body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    assert_eq!(
        app.invoice(
            &token,
            3,
            &json!({"items": [{"order_item_id": 3, "qty": 5}]})
        )
        .await
        .body,
        json!("3")
    );
    let before = app.snapshot().await;
    let cases = [
        (
            json!({"items": [{"order_item_id": 3, "qty": 6}]}),
            json!({"message": "We found an invalid quantity to refund item \"%1\".", "parameters": ["Driven Backpack"]}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"shipping_amount": 301}}),
            json!({"message": "Maximum shipping amount allowed to refund is: %1", "parameters": ["$300.00"]}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}, {"order_item_id": 77, "qty": 1}]}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe creditmemo contains product item that is not part of the original order."}),
        ),
        (
            json!({"items": [{"order_item_id": 4, "qty": 1}]}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe quantity to refund must not be greater than the unrefunded quantity."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"adjustment_positive": 1000}}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe most money available to refund is 444."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"extension_attributes": {"return_to_stock_items": [4]}}}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe \"24-WB01\" product is not part of the current creditmemo."}),
        ),
        // An `int[]` inside `extension_attributes`: a scalar is refused under both keys.
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"extension_attributes": {"return_to_stock_items": 3}}}),
            json!({"message": "Error occurred during \"extension_attributes\" processing. Error occurred during \"return_to_stock_items\" processing. The \"integer\" value's type is invalid. The \"int[]\" type was expected. Verify and try again."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"extension_attributes": {"return_to_stock_items": [999]}}}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe return to stock argument contains product item that is not part of the original order."}),
        ),
        // `OrderItemRepository::get` of an item id 0 or none (CreationQuantityValidator) or of
        // a return id 0 reached first (ReturnValidator): its exception, not a validation line.
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}, {"qty": 1}, {"order_item_id": 77, "qty": 1}]}),
            json!({"message": "An ID is needed. Set the ID and try again."}),
        ),
        (
            json!({"items": [{"order_item_id": 0, "qty": 1}]}),
            json!({"message": "An ID is needed. Set the ID and try again."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"extension_attributes": {"return_to_stock_items": [3, 0]}}}),
            json!({"message": "An ID is needed. Set the ID and try again."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "arguments": {"extension_attributes": {"return_to_stock_items": [999, 0]}}}),
            json!({"message": "Creditmemo Document Validation Error(s):\nThe return to stock argument contains product item that is not part of the original order."}),
        ),
        // QuantityValidator (2.4.8): a fraction of a whole-unit item, named by its SKU.
        (
            json!({"items": [{"order_item_id": 3, "qty": 1.5}]}),
            json!({"message": "Creditmemo Document Validation Error(s):\nWe found an invalid quantity to refund item \"24-WB03\"."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": "x"}]}),
            json!({"message": "Error occurred during \"qty\" processing. The \"x\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
    ];
    for (body, expected) in cases {
        let reply = refund(&app, &token, 3, &body).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::BAD_REQUEST, &expected),
            "{body}"
        );
        assert_eq!(app.snapshot().await, before, "{body}");
    }
    let unauthorized = app
        .send(
            reqwest::Method::POST,
            "/rest/V1/order/3/refund",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(
        unauthorized.body["parameters"]["resources"],
        json!("Magento_Sales::creditmemo")
    );
    let missing = app.get("/rest/V1/creditmemo/5", &token).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

/// CanRefund lets an order with nothing paid through (`allow_zero_grandtotal`, on by default):
/// with no shipping asked, the uninvoiced tutorial order gets an empty credit memo of 0, and
/// its state stays.
#[tokio::test]
async fn an_order_with_nothing_paid_takes_an_empty_credit_memo() {
    let app = spawn_app().await;
    let token = app.token().await;
    let fields = "state,status,total_refunded,base_total_refunded";
    let before = order(&app, &token, fields).await;
    let reply = refund(
        &app,
        &token,
        3,
        &json!({"arguments": {"shipping_amount": 0}}),
    )
    .await;
    assert_eq!((reply.status, &reply.body), (StatusCode::OK, &json!("1")));
    let memo = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(
        (&memo["grand_total"], &memo["items"], &memo["order_id"]),
        (&json!(0), &json!([]), &json!(3))
    );
    // RefundOperation sets the refunded totals (0 + 0), the state stays.
    assert_eq!(before, json!({"state": "new", "status": "pending"}));
    assert_eq!(
        order(&app, &token, fields).await,
        json!({"state": "new", "status": "pending", "total_refunded": 0, "base_total_refunded": 0})
    );
}

/// QuantityValidator: quantities that add up below zero, with no shipping left to refund, are
/// a memo without products (a negative quantity was taken as an empty memo).
#[tokio::test]
async fn a_negative_quantity_without_shipping_left_is_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    // The shipping refunded alone first (quantities of 0 add up to 0: allowed).
    let shipping = refund(
        &app,
        &token,
        3,
        &json!({"items": [{"order_item_id": 3, "qty": 0}], "arguments": {"shipping_amount": 300}}),
    )
    .await;
    assert_eq!(shipping.status, StatusCode::OK, "{:?}", shipping.body);
    let before = app.snapshot().await;
    let reply = refund(
        &app,
        &token,
        3,
        &json!({"items": [{"order_item_id": 3, "qty": -1}], "arguments": {"shipping_amount": 0}}),
    )
    .await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Creditmemo Document Validation Error(s):\nYou can't create a creditmemo without products."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}
