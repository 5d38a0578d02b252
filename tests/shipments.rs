//! Step 12 of the tutorial: shipping order 3 from two sources, and the shipment refusals.

use crate::common;

use common::{fixture, keys, spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn ship(app: &TestApp, token: &str, order_id: i64, body: &Value) -> common::Reply {
    app.post(
        &format!("/rest/default/V1/order/{order_id}/ship"),
        token,
        body,
    )
    .await
}

/// Source quantities of a SKU, by source code.
async fn sources(app: &TestApp, token: &str, sku: &str) -> Vec<(String, Value)> {
    let reply = app
        .get(
            &format!(
                "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku\
                 &searchCriteria[filter_groups][0][filters][0][value]={sku}"
            ),
            token,
        )
        .await;
    let mut out: Vec<(String, Value)> = reply.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["source_code"].as_str().unwrap_or_default().to_owned(),
                i["quantity"].clone(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn pairs(list: &[(&str, i64)]) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = list
        .iter()
        .map(|(s, q)| (s.to_string(), json!(q)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[tokio::test]
async fn step_12_ships_order_3_from_two_warehouses() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(
        app.invoice(&token, 3, &fixture("step10-invoice-request.json"))
            .await
            .body,
        json!("3")
    );

    let first = ship(&app, &token, 3, &fixture("step12-ship-ne_wh-request.json")).await;
    assert_eq!((first.status, &first.body), (StatusCode::OK, &json!("3")));
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(
        (order["state"].clone(), order["status"].clone()),
        (json!("processing"), json!("processing"))
    );

    // The tutorial's 12b as printed asks for item 3 again, which is fully shipped: Magento
    // drops it silently and finds nothing to ship. Nothing changes.
    let before = app.snapshot().await;
    let printed = ship(
        &app,
        &token,
        3,
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

    let second = ship(
        &app,
        &token,
        3,
        &fixture("step12-ship-west_wh-request.corrected.json"),
    )
    .await;
    assert_eq!((second.status, &second.body), (StatusCode::OK, &json!("4")));

    // Everything invoiced and shipped: complete.
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(
        (order["state"].clone(), order["status"].clone()),
        (json!("complete"), json!("complete"))
    );
    let shipped: Vec<Value> = order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["qty_shipped"].clone())
        .collect();
    assert_eq!(shipped, vec![json!(20), json!(40), json!(0)]);

    // The tutorial's table after step 12.
    assert_eq!(
        sources(&app, &token, "24-WB01").await,
        pairs(&[
            ("ne_wh", 0),
            ("west_wh", 10),
            ("brooklyn", 10),
            ("manhattan", 10),
            ("huntington", 10),
            ("berkeley", 10),
            ("sausalito", 10)
        ])
    );
    assert_eq!(
        sources(&app, &token, "24-WB03").await,
        pairs(&[
            ("ne_wh", 30),
            ("west_wh", 10),
            ("brooklyn", 0),
            ("manhattan", 0),
            ("huntington", 0),
            ("berkeley", 20),
            ("sausalito", 20)
        ])
    );
    assert_eq!(
        sources(&app, &token, "240-LV06").await,
        pairs(&[("hq", 9998)])
    );
    // Shipping turns reservations into deductions: salable quantities do not move.
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(80));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));
    // The source item that reached 0 keeps its status: only the quantity column is written.
    let ne_wh = app
        .get("/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=source_code\
              &searchCriteria[filter_groups][0][filters][0][value]=ne_wh", &token)
        .await
        .body;
    assert!(ne_wh["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["status"] == json!(1)));

    let shipment = app.get("/rest/default/V1/shipment/3", &token).await;
    assert_eq!(shipment.status, StatusCode::OK);
    let expected = json!({
        "billing_address_id": 6,
        "customer_id": 2,
        "email_sent": 1,
        "entity_id": 3,
        "increment_id": "000000003",
        "order_id": 3,
        "packages": [],
        "shipping_address_id": 5,
        "store_id": 1,
        "total_qty": 55,
        "items": [
            {"entity_id": 3, "name": "Driven Backpack", "parent_id": 3, "price": 36, "product_id": 12,
             "sku": "24-WB03", "order_item_id": 3, "qty": 20},
            {"entity_id": 4, "name": "Voyage Yoga Bag", "parent_id": 3, "price": 32, "product_id": 8,
             "sku": "24-WB01", "order_item_id": 4, "qty": 35}
        ],
        "tracks": [],
        "comments": [
            {"is_customer_notified": 0, "parent_id": 3, "comment": "Shipment from the Northeast warehouse",
             "is_visible_on_front": 0, "entity_id": 1}
        ],
        "extension_attributes": {"source_code": "ne_wh"}
    });
    let mut body = without(&shipment.body, &["created_at", "updated_at"]);
    for comment in body["comments"].as_array_mut().unwrap() {
        comment.as_object_mut().unwrap().remove("created_at");
    }
    assert_eq!(body, expected);
    assert_eq!(
        keys(&shipment.body),
        [
            "billing_address_id",
            "created_at",
            "customer_id",
            "email_sent",
            "entity_id",
            "increment_id",
            "order_id",
            "packages",
            "shipping_address_id",
            "store_id",
            "total_qty",
            "updated_at",
            "items",
            "tracks",
            "comments",
            "extension_attributes"
        ]
    );

    let list = app
        .get("/rest/V1/shipments?searchCriteria[filter_groups][0][filters][0][field]=order_id\
              &searchCriteria[filter_groups][0][filters][0][value]=3&fields=items[increment_id,extension_attributes],total_count", &token)
        .await;
    assert_eq!(
        list.body,
        json!({"items": [
            {"increment_id": "000000003", "extension_attributes": {"source_code": "ne_wh"}},
            {"increment_id": "000000004", "extension_attributes": {"source_code": "west_wh"}}
        ], "total_count": 2})
    );

    // Nothing is left: Magento's two messages.
    let again = ship(&app, &token, 3, &json!({})).await;
    assert_eq!(
        again.body,
        json!({"message": "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.\nYou can't create a shipment without products."})
    );
    let missing = app.get("/rest/V1/shipment/99", &token).await;
    assert_eq!(
        (missing.status, missing.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
        )
    );
}

#[tokio::test]
async fn shipping_before_invoicing_with_tracks_and_a_notified_comment() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Too much is capped at what is left; an unknown item is dropped.
    let reply = ship(
        &app,
        &token,
        3,
        &json!({
            "items": [{"order_item_id": 4, "qty": 9}, {"order_item_id": 77, "qty": 1}],
            "notify": "1", "appendComment": true,
            "comment": {"comment": "Left the dock", "is_visible_on_front": 1},
            "tracks": [{"track_number": "1Z999", "title": "United Parcel Service", "carrier_code": "ups"}],
            "arguments": {"extension_attributes": {"source_code": "west_wh"}}
        }),
    )
    .await;
    assert_eq!((reply.status, &reply.body), (StatusCode::OK, &json!("3")));
    let shipment = app.get("/rest/V1/shipment/3", &token).await.body;
    assert_eq!(shipment["total_qty"], json!(9));
    assert_eq!(
        without(&shipment["tracks"][0], &["created_at", "updated_at"]),
        // weight, qty and description are getters without `|null`: written as null.
        json!({"order_id": 3, "entity_id": 1, "parent_id": 3, "weight": null, "qty": null,
               "description": null, "track_number": "1Z999",
               "title": "United Parcel Service", "carrier_code": "ups"})
    );
    assert_eq!(shipment["comments"][0]["is_customer_notified"], json!(1));
    assert_eq!(shipment["comments"][0]["is_visible_on_front"], json!(1));
    // A new order moves to processing on its first document; it is not invoiced, so it stays there.
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["state"], json!("processing"));
    assert_eq!(order["items"][1]["qty_shipped"], json!(9));
    let west = sources(&app, &token, "24-WB01").await;
    assert!(west.contains(&("west_wh".to_owned(), json!(6))), "{west:?}");
    // The list filters on `packages`, which the shipment resource saved as `[]`.
    let f = "searchCriteria[filter_groups][0][filters][0]";
    for (cond, value, count) in [("notnull", "", 1), ("null", "", 0), ("eq", "[]", 1)] {
        let list = app
            .get(
                &format!(
                    "/rest/V1/shipments?{f}[field]=packages&{f}[condition_type]={cond}\
                     &{f}[value]={value}&fields=total_count"
                ),
                &token,
            )
            .await;
        assert_eq!(
            (list.status, list.body),
            (StatusCode::OK, json!({"total_count": count})),
            "{cond}"
        );
    }
}

#[tokio::test]
async fn refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let no_token = app
        .send(
            reqwest::Method::POST,
            "/rest/V1/order/3/ship",
            None,
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(
        (no_token.status, no_token.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                                          "parameters": {"resources": "Magento_Sales::ship"}})
        )
    );
    let could_not = json!({"message": "Could not save a shipment, see error log for details"});
    let before = app.snapshot().await;
    let cases = [
        // west_wh holds 15 of 24-WB01: the deduction fails and the whole shipment rolls back.
        (
            json!({"items": [{"order_item_id": 4, "qty": 40}],
                   "arguments": {"extension_attributes": {"source_code": "west_wh"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        // hq has no source item for the bags.
        (
            json!({"arguments": {"extension_attributes": {"source_code": "hq"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        // Several sources on stock 2 and none given: Magento falls back to "default", which
        // holds nothing of these SKUs.
        (json!({}), StatusCode::BAD_REQUEST, could_not.clone()),
        (
            json!({"tracks": [{"title": "UPS", "carrier_code": "ups"}, {"track_number": ""}]}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nPlease enter a tracking number.\nPlease enter a tracking number."}),
        ),
        (
            json!({"tracks": [{"track_number": "1Z"}], "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        // PHP's falsy "0": no tracking number (TrackValidator), no carrier code (the track's
        // save validator), no comment text (the comment's).
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "tracks": [{"track_number": "0", "carrier_code": "ups"}],
                   "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nPlease enter a tracking number."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "tracks": [{"track_number": "1Z", "carrier_code": "0"}],
                   "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "comment": {"comment": ""},
                   "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1}], "comment": {"is_visible_on_front": 1},
                   "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            could_not.clone(),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": "0.5"}]}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nYou can't create a shipment without products."}),
        ),
        (
            json!({"items": [{"order_item_id": 3, "qty": 1, "sku": "x"}]}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Sku"}}),
        ),
        (
            json!({"arguments": {"extension_attributes": {"warehouse": "ne_wh"}}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Warehouse"}}),
        ),
    ];
    for (body, status, expected) in cases {
        let reply = ship(&app, &token, 3, &body).await;
        assert_eq!((reply.status, &reply.body), (status, &expected), "{body}");
    }
    let unknown = ship(&app, &token, 42, &json!({})).await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// ShipOrderTest::testValidationShipTogetherWithBundleShippedTogether: a child of a bundle
/// shipped together (no `shipment_type` 1 in its options) cannot be shipped on its own; Bundle's
/// items validator adds its line after the quantity validator's. Nothing is written.
#[tokio::test]
async fn the_child_of_a_bundle_shipped_together_is_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let parent = app.next_order_item_id(&token).await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com", "payment": {"method": "checkmo"},
                   "items": [
                       {"sku": "bundle-product", "name": "Bundle", "product_type": "bundle",
                        "qty_ordered": 1, "price": 10},
                       {"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_type": "simple",
                        "qty_ordered": 1, "price": 0, "parent_item_id": parent}]}),
        )
        .await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    let child = order["items"][1]["item_id"].clone();
    let before = app.snapshot().await;
    let r = app
        .post(
            &format!("/rest/V1/order/{id}/ship"),
            &token,
            &json!({"items": [{"order_item_id": child, "qty": 1}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nYou can't create a shipment without products.\nCannot create shipment as bundle product \"bundle-product\" has shipment type \"Together\". Bundle product itself should be shipped instead."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // ShipOrderTest's last call: the bundle itself ships. Its line names no catalog product
    // (`Order\Item::getProduct()` is null), so GetItemsToDeductFromShipment skips it and its
    // children: no source gives anything.
    let bag = sources(&app, &token, "24-WB01").await;
    let bundle = order["items"][0]["item_id"].clone();
    let r = app
        .post(
            &format!("/rest/V1/order/{id}/ship"),
            &token,
            &json!({"items": [{"order_item_id": bundle, "qty": 1}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(sources(&app, &token, "24-WB01").await, bag);
}

/// A line deducts by its catalog product (`GetSkuFromOrderItem`), not by the SKU it carries,
/// and a line whose `product_id` names nothing in the catalog ships without a deduction
/// (magento/inventory `InventoryShipping/Model/GetItemsToDeductFromShipment.php`).
#[tokio::test]
async fn lines_deduct_their_catalog_product_and_unknown_products_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = app.get("/rest/V1/products/24-WB03", &token).await.body;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "ghost-sku", "name": "Not in the catalog", "product_type": "simple",
                        "product_id": 999_999, "qty_ordered": 1, "price": 10},
                       {"sku": "custom-design", "name": "Its catalog SKU is 24-WB03",
                        "product_type": "simple", "product_id": product["id"],
                        "qty_ordered": 2, "price": 10}]}),
        )
        .await;
    let before = sources(&app, &token, "24-WB03").await;
    let r = ship(
        &app,
        &token,
        id,
        &json!({"arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let after = sources(&app, &token, "24-WB03").await;
    let mut expected = before.clone();
    for (code, qty) in &mut expected {
        if code == "ne_wh" {
            *qty = json!(qty.as_i64().unwrap() - 2);
        }
    }
    assert_eq!(after, expected);
}

/// The simple child of a configurable line is a dummy for shipping (`Order\Item::isDummy(true)`:
/// its parent is not shipped separately), so `getQtyToShip` is 0: once the configurable line is
/// shipped the order is complete, and another ship call meets `CanShip` too.
#[tokio::test]
async fn a_configurable_order_is_complete_once_its_parent_line_shipped() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = app.get("/rest/V1/products/24-WB03", &token).await.body;
    let parent = app.next_order_item_id(&token).await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "24-WB03", "name": "Configurable", "product_type": "configurable",
                        "product_id": 999_999, "qty_ordered": 2, "price": 10},
                       {"sku": "24-WB03", "name": "Simple", "product_type": "simple",
                        "product_id": product["id"], "qty_ordered": 2, "price": 0,
                        "parent_item_id": parent}]}),
        )
        .await;
    assert_eq!(
        app.invoice(&token, id, &json!({})).await.status,
        StatusCode::OK
    );
    let r = ship(&app, &token, id, &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(
        (&order["state"], &order["status"]),
        (&json!("complete"), &json!("complete"))
    );
    assert_eq!(
        (
            &order["items"][0]["qty_shipped"],
            &order["items"][1]["qty_shipped"]
        ),
        (&json!(2), &json!(0))
    );
    let before = app.snapshot().await;
    let r = ship(&app, &token, id, &json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.\nYou can't create a shipment without products."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// ShipOrder resolves the state of a `new` order only: an imported `pending_payment` order
/// keeps its state and status when shipped (the resolver would take it back to `new`).
#[tokio::test]
async fn a_shipment_leaves_an_order_that_is_not_new_in_its_state() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "wait@example.com", "state": "pending_payment", "status": "pending_payment",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_type": "simple", "qty_ordered": 2, "price": 32}],
                "billing_address": {"firstname": "Pay", "lastname": "Later", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "checkmo"}
            }),
        )
        .await;
    let item =
        app.get(&format!("/rest/V1/orders/{id}"), &token).await.body["items"][0]["item_id"].clone();
    let r = ship(
        &app,
        &token,
        id,
        &json!({"items": [{"order_item_id": item, "qty": 1}],
                "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let order = app
        .get(&format!("/rest/V1/orders/{id}?fields=state,status"), &token)
        .await
        .body;
    assert_eq!(
        order,
        json!({"state": "pending_payment", "status": "pending_payment"})
    );
}

/// InventoryShipping's `AssignSourceCodeToShipmentPlugin` reads `sourceCode` from the request's
/// parameters, on REST the URL's query: `?sourceCode=west_wh` ships from there when the body
/// names no source; the body's `arguments.extension_attributes.source_code` wins over it, and a
/// PHP-empty value ("0") is none (the stock has several sources: the default source, which
/// holds none of the SKU).
#[tokio::test]
async fn a_source_code_in_the_query_is_the_shipments_source() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let line = |qty: i64| json!({"items": [{"order_item_id": 4, "qty": qty}]});
    let source_of = |id: i64| {
        let app = &app;
        let token = &token;
        async move {
            app.get(&format!("/rest/V1/shipment/{id}"), token)
                .await
                .body["extension_attributes"]["source_code"]
                .clone()
        }
    };
    let shipped = app
        .post("/rest/V1/order/3/ship?sourceCode=west_wh", &token, &line(5))
        .await;
    assert_eq!(shipped.body, json!("3"));
    assert_eq!(source_of(3).await, json!("west_wh"));
    let left: Vec<(String, Value)> = sources(&app, &token, "24-WB01").await;
    // 15 at west_wh before (the tutorial's table), ne_wh untouched.
    assert!(
        left.contains(&("west_wh".to_owned(), json!(10))),
        "{left:?}"
    );
    assert!(left.contains(&("ne_wh".to_owned(), json!(35))), "{left:?}");

    let mut body = line(5);
    body["arguments"] = json!({"extension_attributes": {"source_code": "ne_wh"}});
    let shipped = app
        .post("/rest/V1/order/3/ship?sourceCode=west_wh", &token, &body)
        .await;
    assert_eq!(shipped.body, json!("4"));
    assert_eq!(source_of(4).await, json!("ne_wh"));

    // The default source holds none of the SKU: the deduction fails the save, as without a
    // source anywhere.
    let before = app.snapshot().await;
    for path in [
        "/rest/V1/order/3/ship?sourceCode=0",
        "/rest/V1/order/3/ship",
    ] {
        let refused = app.post(path, &token, &line(5)).await;
        assert_eq!(
            (refused.status, refused.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Could not save a shipment, see error log for details"})
            )
        );
    }
    assert_eq!(app.snapshot().await, before);
}
