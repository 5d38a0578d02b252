//! `POST /V1/orders` with `entity.entity_id`: `OrderRepositoryInterface::save` of an existing
//! order (sales::order_update), as connectors move an order's state and status.

use crate::common;

use common::{fixture, keys, spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Map, Value};

async fn save(app: &TestApp, token: &str, entity: Value) -> common::Reply {
    app.post("/rest/V1/orders", token, &json!({ "entity": entity }))
        .await
}

async fn order(app: &TestApp, token: &str, id: i64) -> Value {
    let reply = app.get(&format!("/rest/V1/orders/{id}"), token).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body
}

/// The address of Magento's fixture `Magento/Sales/_files/address_data.php`.
fn fixture_address() -> Value {
    json!({"region": "CA", "region_id": "12", "postcode": "11111", "company": "Test Company",
        "lastname": "lastname", "firstname": "firstname", "street": "street", "city": "Los Angeles",
        "email": "admin@example.com", "telephone": "11111111", "country_id": "US"})
}

/// Magento's fixture `Magento/Sales/_files/order.php` (increment 100000001, processing, one
/// simple line of 2 at 10, checkmo), posted as an import; a catalog SKU of the tutorial world
/// stands for its product `simple`.
async fn magento_fixture_order(app: &TestApp, token: &str) -> i64 {
    app.create_order(
        token,
        json!({"increment_id": "100000001", "state": "processing", "status": "processing",
            "subtotal": 100, "grand_total": 100, "base_subtotal": 100, "base_grand_total": 100,
            "order_currency_code": "USD", "base_currency_code": "USD", "customer_is_guest": 1,
            "customer_email": "customer@example.com", "store_id": 1,
            "billing_address": fixture_address(),
            "extension_attributes": {"shipping_assignments": [{"shipping": {"address": fixture_address(), "method": "flatrate_flatrate"}}]},
            "items": [{"product_id": 8, "qty_ordered": 2, "base_price": 10, "price": 10, "row_total": 10,
                "product_type": "simple", "name": "Simple Product", "sku": "24-WB01"}],
            "payment": {"method": "checkmo"}}),
    )
    .await
}

fn increment_id(order: &Value) -> &str {
    order["increment_id"].as_str().unwrap_or_default()
}

/// `OrderUpdateTest::testOrderUpdate`: save the order by id, then ship, invoice and refund it;
/// its increment id never changes. Magento's test invoices and refunds through the repository
/// saves `POST /V1/invoices` and `POST /V1/creditmemo`, which magemu does not route: the
/// document calls stand for them.
#[tokio::test]
async fn magento_order_update_test_keeps_the_increment_id_through_ship_invoice_refund() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = magento_fixture_order(&app, &token).await;
    let item_id = order(&app, &token, id).await["items"][0]["item_id"].clone();

    let reply = save(
        &app,
        &token,
        json!({"entity_id": id, "state": "processing", "status": "processing"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert!(reply.body.as_object().map(Map::len).unwrap_or(0) > 1);
    assert_eq!(increment_id(&order(&app, &token, id).await), "100000001");

    let shipped = app
        .post(
            &format!("/rest/V1/order/{id}/ship"),
            &token,
            &json!({"items": [{"order_item_id": item_id, "qty": 2}],
                "comment": {"comment": "Test Comment", "is_visible_on_front": 1},
                "tracks": [{"track_number": "TEST_TRACK_0001", "title": "Simple shipment track", "carrier_code": "UPS"}],
                // The tutorial world keeps 24-WB01 in its warehouses, not in `default`.
                "arguments": {"extension_attributes": {"source_code": "west_wh"}}}),
        )
        .await;
    assert_eq!(shipped.status, StatusCode::OK, "{:?}", shipped.body);
    assert_eq!(increment_id(&order(&app, &token, id).await), "100000001");

    let invoiced = app.invoice(&token, id, &json!({})).await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    assert_eq!(increment_id(&order(&app, &token, id).await), "100000001");

    let refunded = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &token,
            &json!({"items": [{"order_item_id": item_id, "qty": 2}]}),
        )
        .await;
    assert_eq!(refunded.status, StatusCode::OK, "{:?}", refunded.body);
    assert_eq!(increment_id(&order(&app, &token, id).await), "100000001");
}

/// `OrderUpdateTest::testOrderStatusUpdate`: complete/complete on the processing fixture order,
/// whose line is still to ship, stays as posted.
#[tokio::test]
async fn magento_order_status_update_test() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = magento_fixture_order(&app, &token).await;
    let reply = save(
        &app,
        &token,
        json!({"entity_id": id, "state": "complete", "status": "complete"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert!(reply.body.as_object().map(Map::len).unwrap_or(0) > 1);
    let read = order(&app, &token, id).await;
    assert_eq!(increment_id(&read), "100000001");
    assert_eq!(
        (&read["state"], &read["status"]),
        (&json!("complete"), &json!("complete"))
    );
}

/// `OrderUpdateTest::testOrderNoAttributesProvidedUpdate`: only the id. Nothing is written:
/// the UPDATE has no column, the address ids are the stored ones, `updated_at` stays.
#[tokio::test]
async fn magento_order_no_attributes_provided_update_test() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = magento_fixture_order(&app, &token).await;
    let before = app.snapshot().await;
    let reply = save(&app, &token, json!({ "entity_id": id })).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert!(reply.body.as_object().map(Map::len).unwrap_or(0) > 1);
    assert_eq!(increment_id(&order(&app, &token, id).await), "100000001");
    assert_eq!(app.snapshot().await, before);
    // The reply is the object as saved: the id, the timestamps read back, the billing address
    // id the address handler set, the computed dues, the getters without |null as null (not
    // state and status: `string|null`, left out), and the children the getters loaded.
    let stored = order(&app, &token, id).await;
    let mut expected = json!({
        "base_grand_total": null, "base_total_due": 0, "billing_address_id": stored["billing_address_id"],
        "created_at": stored["created_at"], "customer_email": null, "entity_id": id,
        "grand_total": null, "total_due": 0, "updated_at": stored["updated_at"],
    });
    for key in ["items", "billing_address", "payment", "status_histories"] {
        expected[key] = stored[key].clone();
    }
    assert_eq!(reply.body, expected);
    assert_eq!(keys(&reply.body), keys(&expected));
}

/// The connector's call: complete/complete on the tutorial order. The reply is the saved
/// object; GET shows the new state and status, and nothing else moved: totals, items,
/// addresses, payment, stock and reservations.
#[tokio::test]
async fn a_state_and_status_change_reads_back_and_changes_nothing_else() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = order(&app, &token, 3).await;
    let rows_before = app.snapshot().await;
    let salable_before = app.salable(&token, "24-WB01", 2).await;

    let reply = save(
        &app,
        &token,
        json!({"entity_id": 3, "state": "complete", "status": "complete"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let expected = fixture("order-update-3-complete.json");
    assert_eq!(without(&reply.body, &["updated_at"]), expected);
    assert_eq!(
        keys(&without(&reply.body, &["updated_at"])),
        keys(&expected)
    );

    let after = order(&app, &token, 3).await;
    assert_eq!(
        (&after["state"], &after["status"]),
        (&json!("complete"), &json!("complete"))
    );
    assert_eq!(reply.body["updated_at"], after["updated_at"]);
    assert_eq!(
        without(&after, &["state", "status", "updated_at"]),
        without(&before, &["state", "status", "updated_at"])
    );
    // Every other table as it was; sales_order only moved state, status and updated_at.
    let rows_after = app.snapshot().await;
    for (table, rows) in rows_before.as_object().expect("tables") {
        if table == "sales_order" {
            let strip = |v: &Value| -> Vec<Value> {
                v.as_array()
                    .expect("rows")
                    .iter()
                    .map(|r| without(r, &["state", "status", "updated_at"]))
                    .collect()
            };
            assert_eq!(strip(&rows_after[table]), strip(rows));
        } else {
            assert_eq!(&rows_after[table], rows, "{table}");
        }
    }
    assert_eq!(app.salable(&token, "24-WB01", 2).await, salable_before);

    // The same state and status again change no value: MySQL's ON UPDATE leaves updated_at.
    let again = app.snapshot().await;
    let reply = save(
        &app,
        &token,
        json!({"entity_id": 3, "state": "complete", "status": "complete"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(app.snapshot().await, again);
}

/// Handler\State::check runs on the posted fields (no totals), with the stored items:
/// processing on an order with nothing left to invoice or ship becomes complete, and complete
/// on a fully refunded one becomes closed.
#[tokio::test]
async fn the_state_check_moves_what_is_posted() {
    let app = spawn_app().await;
    let token = app.token().await;
    let done = app
        .create_order(
            &token,
            json!({"customer_email": "d@example.com", "state": "new",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "qty_invoiced": 2, "qty_shipped": 2, "price": 32}],
                "payment": {"method": "checkmo"}}),
        )
        .await;
    let reply = save(
        &app,
        &token,
        json!({"entity_id": done, "state": "processing", "status": "processing"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        (&reply.body["state"], &reply.body["status"]),
        (&json!("complete"), &json!("complete"))
    );
    let read = order(&app, &token, done).await;
    assert_eq!(
        (&read["state"], &read["status"]),
        (&json!("complete"), &json!("complete"))
    );

    // The tutorial order invoiced and refunded in full is closed; posting complete closes it
    // again (nothing refundable, nothing to ship, a credit memo exists).
    assert_eq!(
        app.invoice(&token, 3, &json!({})).await.status,
        StatusCode::OK
    );
    let refund = app
        .post("/rest/V1/order/3/refund", &token, &json!({}))
        .await;
    assert_eq!(refund.status, StatusCode::OK, "{:?}", refund.body);
    assert_eq!(order(&app, &token, 3).await["state"], "closed");
    let reply = save(
        &app,
        &token,
        json!({"entity_id": 3, "state": "complete", "status": "complete"}),
    )
    .await;
    assert_eq!(
        (&reply.body["state"], &reply.body["status"]),
        (&json!("closed"), &json!("closed"))
    );
    let read = order(&app, &token, 3).await;
    assert_eq!(
        (&read["state"], &read["status"]),
        (&json!("closed"), &json!("closed"))
    );
}

/// A custom status, a shipping method through the shipping assignment, an item renamed by
/// id: the reply holds what was posted; the posted shipping address is dropped (the order has
/// one); GET shows the new status, method and name, and the same totals.
#[tokio::test]
async fn a_custom_status_a_shipping_method_and_an_item_by_id() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = order(&app, &token, 3).await;
    let reply = save(
        &app,
        &token,
        json!({"entity_id": 3, "status": "my_status",
            "items": [{"item_id": 4, "name": "Voyage Yoga Bag (blue)", "qty_ordered": "40.0000"}],
            "extension_attributes": {"shipping_assignments": [{"shipping": {"method": "tablerate_bestway",
                "address": {"city": "Queens"}}}]}}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let after = order(&app, &token, 3).await;
    let item = &after["items"][1];
    let mut expected = json!({
        "base_grand_total": null, "base_total_due": 0, "billing_address_id": 6,
        "created_at": "2020-07-23 16:58:05", "customer_email": null, "entity_id": 3,
        "grand_total": null, "status": "my_status", "total_due": 0,
        "updated_at": after["updated_at"],
        "items": [{"created_at": "2020-07-23 16:58:05", "item_id": 4, "name": "Voyage Yoga Bag (blue)",
            "order_id": 3, "qty_ordered": 40, "sku": null, "updated_at": item["updated_at"],
            // ChangeOutputArray sets the four row totals of every order item it renders: a
            // posted item without them shows 0.
            "row_total": 0, "base_row_total": 0, "row_total_incl_tax": 0, "base_row_total_incl_tax": 0}],
        "billing_address": before["billing_address"],
        "payment": before["payment"],
        "status_histories": [],
        "extension_attributes": {"shipping_assignments": [{"shipping": {
            "address": {"address_type": "shipping", "city": "Queens", "country_id": null, "entity_id": 5,
                "firstname": null, "lastname": null, "parent_id": 3, "postcode": null, "telephone": null},
            "method": "tablerate_bestway"}, "items": null}]},
    });
    assert_eq!(reply.body, expected);
    assert_eq!(keys(&reply.body), keys(&expected));

    assert_eq!(
        (&after["state"], &after["status"]),
        (&json!("new"), &json!("my_status"))
    );
    assert_eq!(item["name"], "Voyage Yoga Bag (blue)");
    let shipping = &after["extension_attributes"]["shipping_assignments"][0]["shipping"];
    assert_eq!(shipping["method"], "tablerate_bestway");
    assert_eq!(shipping["address"]["city"], "Mineola");
    for key in [
        "grand_total",
        "subtotal",
        "total_qty_ordered",
        "total_item_count",
    ] {
        assert_eq!(after[key], before[key], "{key}");
    }
    expected = before["items"][1].clone();
    expected["name"] = json!("Voyage Yoga Bag (blue)");
    expected["updated_at"] = item["updated_at"].clone();
    assert_eq!(item, &expected);
}

/// An item without id is a new row of the order with what was posted and the table's
/// defaults; the order's totals are not recomputed.
#[tokio::test]
async fn an_item_without_id_is_a_new_row_and_the_totals_stay() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = order(&app, &token, 3).await;
    let reply = save(
        &app,
        &token,
        json!({"entity_id": 3, "items": [{"sku": "24-WB03", "name": "Extra", "qty_ordered": 1, "price": 36}]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let after = order(&app, &token, 3).await;
    let added = &after["items"][3];
    assert_eq!(
        reply.body["items"],
        json!([{"created_at": added["created_at"], "item_id": 6, "name": "Extra", "order_id": 3,
            "price": 36, "qty_ordered": 1, "sku": "24-WB03", "updated_at": added["updated_at"],
            "row_total": 0, "base_row_total": 0, "row_total_incl_tax": 0, "base_row_total_incl_tax": 0}])
    );
    assert_eq!(
        without(added, &["created_at", "updated_at"]),
        json!({"amount_refunded": 0, "base_amount_refunded": 0, "base_cost": 0, "base_discount_amount": 0,
            "base_discount_invoiced": 0, "base_price": 0,
            "base_row_invoiced": 0, "base_row_total": 0, "base_row_total_incl_tax": 0,
            "base_tax_amount": 0, "base_tax_invoiced": 0,
            "discount_amount": 0, "discount_invoiced": 0, "discount_percent": 0,
            "item_id": 6, "name": "Extra", "no_discount": 0,
            "order_id": 3, "price": 36, "qty_backordered": 0, "qty_canceled": 0, "qty_invoiced": 0,
            "qty_ordered": 1, "qty_refunded": 0, "qty_shipped": 0, "row_invoiced": 0, "row_total": 0,
            "row_total_incl_tax": 0, "row_weight": 0, "sku": "24-WB03", "tax_amount": 0, "tax_invoiced": 0, "tax_percent": 0,
            "weight": 0})
    );
    assert_eq!(after["items"].as_array().map(Vec::len), Some(4));
    for key in [
        "grand_total",
        "subtotal",
        "total_qty_ordered",
        "total_item_count",
        "state",
    ] {
        assert_eq!(after[key], before[key], "{key}");
    }
}

/// A billing address posted to an order that has one is dropped (every order has one: 2.4.9's
/// `OrderRepositoryPlugin` saves no new order without it).
#[tokio::test]
async fn a_billing_address_posted_to_an_order_that_has_one_is_dropped() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "n@example.com", "billing_address": fixture_address(),
                "items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 32}], "payment": {"method": "checkmo"}}),
        )
        .await;
    let before = app.snapshot().await;
    let mut other = fixture_address();
    other["city"] = json!("Elsewhere");
    let reply = save(
        &app,
        &token,
        json!({"entity_id": id, "billing_address": other}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["billing_address"]["city"], "Los Angeles");
    assert_eq!(app.snapshot().await, before);
}

/// Refusals: Magento's bodies, and nothing written.
#[tokio::test]
async fn refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    // An order holding increment id X-1, for the duplicate below.
    app.create_order(
        &token,
        json!({"increment_id": "X-1", "customer_email": "b@example.com",
            "items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 32}], "payment": {"method": "checkmo"}}),
    )
    .await;
    let cases = [
        (
            json!({"entity_id": 99, "state": "complete", "status": "complete"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Please provide payment for the order."}),
        ),
        (
            json!({"entity_id": 3, "payment": {"entity_id": 3, "cc_last4": "1111"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The payment method you requested is not available."}),
        ),
        (
            json!({"entity_id": 3, "increment_id": "X-1"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Unique constraint violation found"}),
        ),
        (
            json!({"entity_id": 3, "grand_total": "abc"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"grand_total\" processing. The \"abc\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        (
            json!({"entity_id": 3, "colour": "red"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
        ),
        (
            json!({"entity_id": 3, "items": [{"name": "No SKU"}]}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "sku"}}),
        ),
        (
            json!({"entity_id": 3, "payment": {"method": "checkmo"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "magemu keeps one payment per order: post the order's payment with its entity_id to change it."}),
        ),
    ];
    for (entity, status, expected) in cases {
        let before = app.snapshot().await;
        let reply = save(&app, &token, entity.clone()).await;
        assert_eq!((reply.status, &reply.body), (status, &expected), "{entity}");
        assert_eq!(app.snapshot().await, before, "{entity}");
    }
    // PHP errors (500): a first shipping assignment without shipping, a row pointed at an
    // order that does not exist (the foreign key).
    for entity in [
        json!({"entity_id": 3, "extension_attributes": {"shipping_assignments": [{"items": []}]}}),
        json!({"entity_id": 99, "payment": {"method": "checkmo"}}),
    ] {
        let before = app.snapshot().await;
        let reply = save(&app, &token, entity.clone()).await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{entity}");
        assert_eq!(app.snapshot().await, before, "{entity}");
    }
}
