//! Adobe's tutorial "Order processing with Inventory Management" replayed from its step 2 on
//! `--seed tutorial-start`, with the tutorial's own payloads: after each step the documented
//! ids and replies, the quantity of the three SKUs at every source, the salable quantities on
//! stock 2 and the order's state (shared spec tutorial/README.md section 3).

use crate::common;

use common::{fixture, spawn_app_with, without, TestApp};
use magemu::config::Seed;
use reqwest::StatusCode;
use serde_json::{json, Value};

const SOURCES: &[&str] = &[
    "ne_wh",
    "west_wh",
    "brooklyn",
    "manhattan",
    "huntington",
    "berkeley",
    "sausalito",
];
const TIMESTAMPS: &[&str] = &["created_at", "updated_at"];

fn tut(name: &str) -> Value {
    fixture(&format!("tutorial/{name}"))
}

/// `24-WB01 / 24-WB03` at each of [`SOURCES`], then 240-LV06 at hq, as section 3's table
/// prints them ("-" where the SKU is not on the source).
async fn quantities(app: &TestApp, token: &str) -> Vec<String> {
    let reply = app
        .get("/rest/V1/inventory/source-items?searchCriteria=", token)
        .await;
    let items = reply.body["items"].as_array().expect("items").clone();
    let qty = |sku: &str, source: &str| {
        items
            .iter()
            .find(|i| i["sku"] == sku && i["source_code"] == source)
            .map_or("-".to_owned(), |i| i["quantity"].to_string())
    };
    let mut row: Vec<String> = SOURCES
        .iter()
        .map(|s| format!("{} / {}", qty("24-WB01", s), qty("24-WB03", s)))
        .collect();
    row.push(qty("240-LV06", "hq"));
    row
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

async fn salable(app: &TestApp, token: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for sku in ["24-WB01", "24-WB03", "240-LV06"] {
        out.push(app.salable(token, sku, 2).await);
    }
    out
}

async fn order_state(app: &TestApp, token: &str, id: i64) -> (Value, Value) {
    let order = app
        .get(&format!("/rest/default/V1/orders/{id}"), token)
        .await
        .body;
    (order["state"].clone(), order["status"].clone())
}

async fn ok(reply: common::Reply, expected: Value, what: &str) {
    assert_eq!(
        (reply.status, reply.body),
        (StatusCode::OK, expected),
        "{what}"
    );
}

#[tokio::test]
async fn steps_2_to_14_from_the_tutorial_start() {
    let app = spawn_app_with(|c| c.seed = Seed::TutorialStart).await;
    let admin = app.token().await;
    // The baseline: the Luma products on the default source, nothing on stock 2 yet.
    assert_eq!(app.salable(&admin, "24-WB01", 1).await, json!(100));

    // Step 2: eight sources.
    for code in [
        "ne_wh",
        "west_wh",
        "brooklyn",
        "huntington",
        "manhattan",
        "berkeley",
        "sausalito",
        "hq",
    ] {
        let body = tut(&format!("step02-source-{code}-request.json"));
        let reply = app
            .post("/rest/default/V1/inventory/sources", &admin, &body)
            .await;
        ok(reply, tut("step02-source-response.json"), code).await;
    }

    // Step 3: the stock is 2.
    let reply = app
        .post(
            "/rest/default/V1/inventory/stocks",
            &admin,
            &tut("step03-stock-request.json"),
        )
        .await;
    ok(reply, tut("step03-stock-response.json"), "stock").await;

    // Step 4: links.
    let reply = app
        .post(
            "/rest/default/V1/inventory/stock-source-links",
            &admin,
            &tut("step04-stock-source-links-request.json"),
        )
        .await;
    ok(
        reply,
        tut("step04-stock-source-links-response.json"),
        "links",
    )
    .await;

    // Step 5: off the default source, onto the new ones.
    let reply = app
        .post(
            "/rest/default/V1/inventory/source-items-delete",
            &admin,
            &tut("step05-source-items-delete-request.json"),
        )
        .await;
    ok(reply, tut("step05-source-items-delete-response.json"), "5a").await;
    let reply = app
        .post(
            "/rest/default/V1/inventory/source-items",
            &admin,
            &tut("step05-source-items-request.json"),
        )
        .await;
    ok(reply, tut("step05-source-items-response.json"), "5b").await;
    let after_5 = row(&[
        "35 / 50", "15 / 10", "10 / 0", "10 / 0", "10 / 0", "10 / 20", "10 / 20", "9999",
    ]);
    assert_eq!(quantities(&app, &admin).await, after_5);
    assert_eq!(
        salable(&app, &admin).await,
        [json!(100), json!(100), json!(9999)]
    );

    // Step 6: Jane is customer 2.
    let reply = app
        .post(
            "/rest/default/V1/customers",
            &admin,
            &fixture("step06-customer-request.json"),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        without(&reply.body, TIMESTAMPS),
        without(&fixture("step06-customer-response.json"), TIMESTAMPS)
    );
    let login = app
        .post_anonymous(
            "/rest/default/V1/integration/customer/token",
            &fixture("step06-customer-token-request.json"),
        )
        .await;
    assert_eq!(login.status, StatusCode::OK);
    let jane = login.body.as_str().expect("token").to_owned();

    // Step 7: cart 3 with lines 5, 6, 7.
    let reply = app
        .post("/rest/default/V1/carts/mine", &jane, &json!({}))
        .await;
    ok(reply, tut("step07-cart-response.json"), "cart").await;
    for sku in ["24-WB03", "24-WB01", "240-LV06"] {
        let reply = app
            .post(
                "/rest/default/V1/carts/mine/items",
                &jane,
                &tut(&format!("step07-cart-item-{sku}-request.json")),
            )
            .await;
        ok(
            reply,
            tut(&format!("step07-cart-item-{sku}-response.json")),
            sku,
        )
        .await;
    }
    for sku in ["24-WB01", "24-WB03"] {
        assert_eq!(
            app.salable(&admin, sku, 2).await,
            tut(&format!("step07-salable-qty-{sku}-response.json"))
        );
    }

    // Step 8: the estimate and the shipping information (the downloadable line keeps the id
    // step 7 gave it: 7, where the tutorial's step 8 prints 9; inconsistency 3).
    let reply = app
        .post(
            "/rest/default/V1/carts/mine/estimate-shipping-methods",
            &jane,
            &tut("step08-estimate-shipping-request.json"),
        )
        .await;
    ok(reply, tut("step08-estimate-shipping-response.json"), "8a").await;
    let reply = app
        .post(
            "/rest/default/V1/carts/mine/shipping-information",
            &jane,
            &tut("step08-shipping-information-request.json"),
        )
        .await;
    let mut expected = tut("step08-shipping-information-response.json");
    assert_eq!(expected["totals"]["items"][2]["item_id"], json!(9));
    expected["totals"]["items"][2]["item_id"] = json!(7);
    ok(reply, expected, "8b").await;

    // Step 9: order 3, pending, its reservations.
    let reply = app
        .post(
            "/rest/default/V1/carts/mine/payment-information",
            &jane,
            &tut("step09-payment-information-request.json"),
        )
        .await;
    assert_eq!(tut("step09-payment-information-response.json"), json!(3));
    ok(reply, json!("3"), "order id, a JSON string").await;
    assert_eq!(
        order_state(&app, &admin, 3).await,
        (json!("new"), json!("pending"))
    );
    assert_eq!(quantities(&app, &admin).await, after_5);
    assert_eq!(
        salable(&app, &admin).await,
        [json!(60), json!(80), json!(9998)]
    );

    // Step 10: invoice 3, the documented invoice, processing; the downloadable unit leaves hq.
    let reply = app
        .invoice(&admin, 3, &fixture("step10-invoice-request.json"))
        .await;
    ok(reply, json!("3"), "invoice id").await;
    let invoice = app.get("/rest/default/V1/invoices/3", &admin).await;
    assert_eq!(
        without(&invoice.body, TIMESTAMPS),
        without(&fixture("step10-invoice-response.json"), TIMESTAMPS)
    );
    assert_eq!(
        order_state(&app, &admin, 3).await,
        (json!("processing"), json!("processing"))
    );
    let after_10 = row(&[
        "35 / 50", "15 / 10", "10 / 0", "10 / 0", "10 / 0", "10 / 20", "10 / 20", "9998",
    ]);
    assert_eq!(quantities(&app, &admin).await, after_10);
    assert_eq!(
        salable(&app, &admin).await,
        [json!(60), json!(80), json!(9998)]
    );

    // Step 11: the source selection algorithms and their advice.
    let reply = app
        .get(
            "/rest/default/V1/inventory/source-selection-algorithm-list",
            &admin,
        )
        .await;
    ok(reply, fixture("step11-ssa-list-response.json"), "11a").await;
    let reply = app
        .post(
            "/rest/default/V1/inventory/source-selection-algorithm-result",
            &admin,
            &fixture("step11-ssa-request.json"),
        )
        .await;
    ok(reply, fixture("step11-ssa-response.json"), "11b").await;
    assert_eq!(quantities(&app, &admin).await, after_10);

    // Step 12: shipment 3 from ne_wh; the printed 12b refused and changing nothing; the
    // corrected one is shipment 4, and the order is complete.
    let reply = app
        .post(
            "/rest/default/V1/order/3/ship",
            &admin,
            &fixture("step12-ship-ne_wh-request.json"),
        )
        .await;
    ok(reply, json!("3"), "12a").await;
    let before = app.snapshot().await;
    let printed = app
        .post(
            "/rest/default/V1/order/3/ship",
            &admin,
            &fixture("step12-ship-west_wh-request.json"),
        )
        .await;
    assert_eq!(
        (printed.status, printed.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nYou can't create a shipment without products."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let reply = app
        .post(
            "/rest/default/V1/order/3/ship",
            &admin,
            &fixture("step12-ship-west_wh-request.corrected.json"),
        )
        .await;
    ok(reply, json!("4"), "12b corrected").await;
    assert_eq!(
        quantities(&app, &admin).await,
        row(&["0 / 30", "10 / 10", "10 / 0", "10 / 0", "10 / 0", "10 / 20", "10 / 20", "9998"])
    );
    assert_eq!(
        salable(&app, &admin).await,
        [json!(60), json!(80), json!(9998)]
    );
    assert_eq!(
        order_state(&app, &admin, 3).await,
        (json!("complete"), json!("complete"))
    );

    // Step 13: the bulk transfers.
    let reply = app
        .post(
            "/rest/default/V1/inventory/bulk-product-source-transfer",
            &admin,
            &tut("step13-bulk-product-source-transfer-request.json"),
        )
        .await;
    ok(
        reply,
        tut("step13-bulk-product-source-transfer-response.json"),
        "13a",
    )
    .await;
    let reply = app
        .post(
            "/rest/default/V1/inventory/bulk-partial-source-transfer",
            &admin,
            &tut("step13-bulk-partial-source-transfer-request.json"),
        )
        .await;
    ok(
        reply,
        tut("step13-bulk-partial-source-transfer-response.json"),
        "13b",
    )
    .await;
    let after_13 = row(&[
        "10 / 30", "15 / 10", "10 / 0", "10 / 0", "0 / 0", "10 / 20", "5 / 20", "9998",
    ]);
    assert_eq!(quantities(&app, &admin).await, after_13);
    assert_eq!(
        salable(&app, &admin).await,
        [json!(60), json!(80), json!(9998)]
    );

    step_14(&app, &admin, &jane).await;
}

/// Step 14: a second order, collected in Brooklyn. The tutorial's ids (quote 6, line 11,
/// order 6) come from the author's instance, which had two more carts and orders in between
/// (inconsistency 18): the replay moves the counters there through the control API first.
async fn step_14(app: &TestApp, admin: &str, jane: &str) {
    let reply = app
        .put(
            "/magemu/next-ids",
            "",
            &json!({"quote": 6, "quote_item": 11, "sales_order": 6, "sequence_order_1": 6}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);

    let reply = app
        .post("/rest/default/V1/carts/mine", jane, &json!({}))
        .await;
    ok(reply, tut("step14-cart-response.json"), "14a").await;
    let reply = app
        .post(
            "/rest/default/V1/carts/mine/items",
            jane,
            &tut("step14-cart-item-request.json"),
        )
        .await;
    ok(reply, tut("step14-cart-item-response.json"), "14b").await;

    // 14c: the area search needs a distance provider; magemu answers as a store without one
    // (no location found), so the step's documented list is not compared.
    let search = "/rest/default/V1/inventory/in-store-pickup/pickup-locations/?searchRequest[area][radius]=50\
                  &searchRequest[area][searchTerm]=New%20York&searchRequest[scopeCode]=base\
                  &searchRequest[extensionAttributes][productsInfo][0][sku]=24-WB01";
    let reply = app
        .send(reqwest::Method::GET, search, None, None, None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["total_count"], json!(0));
    // The tutorial's billing address is `{"id": 2}`, meant as her saved address 2; the API
    // reads it as a quote address id, and 2.4.8's QuoteAddress plugin refuses one that is not
    // the cart's (the tutorial was recorded on a 2.4 without it). Posted as what it meant,
    // `customer_address_id`, the step answers as the tutorial shows.
    let mut request = tut("step14-shipping-information-request.json");
    let path = "/rest/default/V1/carts/mine/shipping-information";
    let before = app.snapshot().await;
    let reply = app.post(path, jane, &request).await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The shipping information was unable to be saved. Error: \"%message\"",
                   "parameters": {"message": "Invalid quote address id 2"}})
        ),
        "14d as documented"
    );
    assert_eq!(app.snapshot().await, before, "14d refused");
    request["addressInformation"]["billing_address"] = json!({"customer_address_id": 2});
    let reply = app.post(path, jane, &request).await;
    ok(
        reply,
        tut("step14-shipping-information-response.json"),
        "14d",
    )
    .await;
    let reply = app
        .post(
            "/rest/default/V1/carts/mine/payment-information",
            jane,
            &tut("step14-payment-information-request.json"),
        )
        .await;
    assert_eq!(tut("step14-payment-information-response.json"), json!(6));
    ok(reply, json!("6"), "14e").await;
    assert_eq!(
        salable(app, admin).await,
        [json!(58), json!(80), json!(9998)]
    );
    let order = app.get("/rest/default/V1/orders/6", admin).await.body;
    assert_eq!(
        order["extension_attributes"]["shipping_assignments"][0]["shipping"]["method"],
        json!("instore_pickup")
    );
    assert_eq!(
        order["shipping_description"],
        json!("In-Store Pickup Delivery - Brooklyn (Williamsburg) Store")
    );
    assert_eq!(
        (&order["increment_id"], &order["state"], &order["status"]),
        (&json!("000000006"), &json!("new"), &json!("pending"))
    );
    assert_eq!(
        order["extension_attributes"]["pickup_location_code"],
        json!("brooklyn")
    );

    let reply = app
        .post(
            "/rest/default/V1/order/notify-orders-are-ready-for-pickup",
            admin,
            &tut("step14-notify-pickup-request.json"),
        )
        .await;
    // Magento 2.4's ResultInterface has `successful` and `errors`; the tutorial prints an older
    // `failed` key (the published 2.4.9 schema agrees with the code).
    assert_eq!(
        tut("step14-notify-pickup-response.json"),
        json!({"successful": true, "failed": []})
    );
    ok(reply, json!({"successful": true, "errors": []}), "14f").await;
    // Shipped from Brooklyn; AddStorePickupAttributesToOrder's odd pair: nothing left to ship
    // but all to invoice gives the status complete on a processing order.
    let order = app.get("/rest/default/V1/orders/6", admin).await.body;
    assert_eq!(
        (&order["state"], &order["status"]),
        (&json!("processing"), &json!("complete"))
    );
    let note = &order["status_histories"][0];
    assert!(
        note["comment"]
            .as_str()
            .is_some_and(|c| c.starts_with("Order notified for pickup at: ")),
        "{note}"
    );
    assert_eq!(note["is_customer_notified"], json!(1));
    let mails = app.get("/magemu/outbox?entity_id=6", "").await.body;
    let templates: Vec<&Value> = mails
        .as_array()
        .map(|m| m.iter().map(|m| &m["template"]).collect())
        .unwrap_or_default();
    assert_eq!(
        templates,
        [
            &json!("sales_email_order_template"),
            &json!("sales_email_order_ready_for_pickup_template")
        ],
        "{mails}"
    );
    let shipments = app
        .get(
            "/rest/default/V1/shipments?searchCriteria[filter_groups][0][filters][0][field]=order_id\
             &searchCriteria[filter_groups][0][filters][0][value]=6",
            admin,
        )
        .await
        .body;
    assert_eq!(shipments["total_count"], json!(1));
    assert_eq!(
        shipments["items"][0]["extension_attributes"]["source_code"],
        json!("brooklyn")
    );
    assert_eq!(
        quantities(app, admin).await,
        row(&["10 / 30", "15 / 10", "8 / 0", "10 / 0", "0 / 0", "10 / 20", "5 / 20", "9998"])
    );
    assert_eq!(
        salable(app, admin).await,
        [json!(58), json!(80), json!(9998)]
    );
}
