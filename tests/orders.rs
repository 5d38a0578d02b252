//! `POST /V1/orders` (import) and `GET /V1/orders/{id}`.

use crate::common;

use common::{fixture, keys, spawn_app, without};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sqlx::Connection;

#[tokio::test]
async fn the_seeded_order_reads_as_magento_writes_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    let order = app.get("/rest/default/V1/orders/3", &token).await;
    assert_eq!(order.status, StatusCode::OK);
    let expected = fixture("order-3-before-invoice.json");
    assert_eq!(order.body, expected);
    assert_eq!(keys(&order.body), keys(&expected));
}

#[tokio::test]
async fn an_import_derives_totals_from_the_items() {
    let app = spawn_app().await;
    let token = app.token().await;
    let entity = json!({
        "customer_email": "erp@example.com",
        "customer_firstname": "Erp",
        "customer_lastname": "Import",
        "items": [
            {"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_id": 8, "qty_ordered": "3", "price": "32.50", "discount_amount": 9.75},
            {"sku": "240-LV06", "name": "Yoga Adventure", "product_id": 47, "product_type": "downloadable", "qty_ordered": 1, "price": 22}
        ],
        "shipping_amount": 15,
        "billing_address": {"firstname": "Erp", "lastname": "Import", "street": ["1 Main St", "Suite 2"], "city": "Austin",
            "region": "Texas", "region_id": 57, "postcode": "78701", "country_id": "US", "telephone": "512-555-0100", "email": "other@example.com"},
        "payment": {"method": "checkmo"},
        "extension_attributes": {"shipping_assignments": [{"shipping": {"method": "flatrate_flatrate",
            "address": {"firstname": "Erp", "lastname": "Import", "street": ["1 Main St"], "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"}}}]}
    });
    let reply = app
        .post("/rest/V1/orders", &token, &json!({ "entity": entity }))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let o = &reply.body;
    assert_eq!(o["entity_id"], 4);
    assert_eq!(o["increment_id"], "000000004");
    assert_eq!(
        (o["state"].as_str(), o["status"].as_str()),
        (Some("new"), Some("pending"))
    );
    for (key, value) in [
        ("subtotal", "119.5"),
        ("discount_amount", "-9.75"),
        ("shipping_amount", "15"),
        ("tax_amount", "0"),
        ("grand_total", "124.75"),
        ("total_qty_ordered", "4"),
        ("total_due", "124.75"),
        ("total_item_count", "2"),
        ("is_virtual", "0"),
        ("customer_is_guest", "1"),
    ] {
        assert_eq!(o[key].to_string(), value, "{key}");
    }
    // Stored 97.5; REST shows it net of the line's 9.75 discount (ChangeOutputArray).
    assert_eq!(o["items"][0]["row_total"].to_string(), "87.75");
    assert_eq!(o["items"][0]["is_virtual"], 0);
    assert_eq!(o["items"][1]["is_virtual"], 1);
    // Addresses: shipping saved first (7), then billing (8); both carry the order's e-mail.
    assert_eq!(o["billing_address_id"], 8);
    assert_eq!(o["billing_address"]["email"], "erp@example.com");
    assert_eq!(
        o["billing_address"]["street"],
        json!(["1 Main St", "Suite 2"])
    );
    let shipping = &o["extension_attributes"]["shipping_assignments"][0]["shipping"];
    assert_eq!(shipping["method"], "flatrate_flatrate");
    assert_eq!(shipping["address"]["entity_id"], 7);
    assert_eq!(o["payment"]["amount_ordered"].to_string(), "124.75");
    // An import places no reservation (OrderRepository::save is not OrderManagement::place).
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    // GET returns what POST returned.
    let read = app.get("/rest/V1/orders/4", &token).await.body;
    assert_eq!(read, reply.body);

    // And it can be invoiced: the downloadable line leaves hq (9999 -> 9998). Magento appends the
    // compensating +1 reservation all the same, although the import reserved nothing, so the
    // salable quantity does not move (9998 = 9998 on hand - 1 for order 3 + 1): Magento's quirk.
    assert_eq!(app.invoice(&token, 4, &json!({})).await.body, json!("3"));
    let invoice = app.get("/rest/V1/invoices/3", &token).await.body;
    assert_eq!(invoice["grand_total"].to_string(), "124.75");
    let hq = app.get("/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=240-LV06", &token).await.body;
    assert_eq!(hq["items"][0]["quantity"], json!(9998));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9998));
}

#[tokio::test]
async fn import_refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let cases = [
        (
            json!({}),
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "entity"}}),
        ),
        (
            json!({"entity": {"items": [{"sku": "A", "qty_ordered": 1}], "colour": "red"}}),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
        ),
        (
            json!({"entity": {"items": [{"sku": "A", "qty_ordered": "many"}]}}),
            json!({"message": "Error occurred during \"qty_ordered\" processing. The \"many\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        // Magento's api-functional OrderCreationValidationTest (2.4.9's OrderRepositoryPlugin):
        // a billing address with both names, then a visible item; then the payment and its
        // method (sales_order_save_before).
        (
            json!({"entity": {"payment": {"method": "cashondelivery"}}}),
            json!({"message": "Please provide billing address for the order."}),
        ),
        (
            json!({"entity": {}}),
            json!({"message": "Please provide billing address for the order."}),
        ),
        (
            json!({"entity": {"billing_address": null, "items": [{"sku": "A"}], "payment": {"method": "checkmo"}}}),
            json!({"message": "Please provide billing address for the order."}),
        ),
        (
            json!({"entity": {"billing_address": {"city": "Test City"}, "items": [{"sku": "A"}], "payment": {"method": "checkmo"}}}),
            json!({"message": "Please provide billing address for the order."}),
        ),
        (
            json!({"entity": {"billing_address": {"firstname": "John", "lastname": "0"}, "items": [{"sku": "A"}]}}),
            json!({"message": "Please provide billing address for the order."}),
        ),
        (
            json!({"entity": {"billing_address": {"firstname": "John", "lastname": "Smith"}, "items": [], "payment": {"method": "checkmo"}}}),
            json!({"message": "Please specify order items."}),
        ),
        (
            json!({"entity": {"billing_address": {"firstname": "John", "lastname": "Smith"}, "items": [{"sku": "A"}]}}),
            json!({"message": "Please provide payment for the order."}),
        ),
        (
            json!({"entity": {"billing_address": {"firstname": "John", "lastname": "Smith"}, "items": [{"sku": "A"}], "payment": {}}}),
            json!({"message": "The payment method you requested is not available."}),
        ),
        (
            json!({"entity": {"billing_address": {"firstname": "John", "lastname": "Smith"}, "items": [{"sku": "A"}], "payment": {"method": ""}}}),
            json!({"message": "The payment method you requested is not available."}),
        ),
        (
            json!({"entity": {"items": [{"qty_ordered": 1}]}}),
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "sku"}}),
        ),
    ];
    for (body, expected) in cases {
        let before = app.snapshot().await;
        let reply = app.post("/rest/V1/orders", &token, &body).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::BAD_REQUEST, &expected),
            "{body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    let r = app
        .send(
            Method::POST,
            "/rest/V1/orders",
            None,
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(
        r.body["parameters"]["resources"],
        "Magento_Sales::api_actions"
    );
    let r = app.get("/rest/V1/orders/77", &token).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = app.get("/rest/V1/orders/x", &token).await;
    assert_eq!(
        r.body,
        json!({"message": "The \"x\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
    );
    assert_eq!(without(&r.body, &[]), r.body);
}

#[tokio::test]
async fn state_after_invoicing_follows_the_state_resolver() {
    let app = spawn_app().await;
    let token = app.token().await;
    // All-virtual, new, fully invoiced in one call: processing, not complete (Magento's quirk).
    let virtual_only = app
        .create_order(&token, json!({"customer_email": "v@example.com", "is_virtual": 1,
            "items": [{"sku": "240-LV06", "name": "Yoga Adventure", "product_type": "downloadable", "qty_ordered": 1, "price": 22}],
            "payment": {"method": "checkmo"}}))
        .await;
    assert_eq!(
        app.invoice(&token, virtual_only, &json!({})).await.status,
        StatusCode::OK
    );
    let order = app
        .get(&format!("/rest/V1/orders/{virtual_only}"), &token)
        .await
        .body;
    assert_eq!(
        (order["state"].as_str(), order["status"].as_str()),
        (Some("processing"), Some("processing"))
    );

    // Already processing and already shipped: the last invoice completes it.
    let shipped = app
        .create_order(&token, json!({"customer_email": "s@example.com", "state": "processing", "status": "processing",
            "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "qty_shipped": 2, "price": 32}],
            "payment": {"method": "checkmo"}}))
        .await;
    let first = app
        .invoice(
            &token,
            shipped,
            &json!({"items": [{"order_item_id": 7, "qty": 1}]}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    assert_eq!(
        app.get(&format!("/rest/V1/orders/{shipped}"), &token)
            .await
            .body["state"],
        "processing"
    );
    assert_eq!(
        app.invoice(&token, shipped, &json!({})).await.status,
        StatusCode::OK
    );
    let order = app
        .get(&format!("/rest/V1/orders/{shipped}"), &token)
        .await
        .body;
    assert_eq!(
        (order["state"].as_str(), order["status"].as_str()),
        (Some("complete"), Some("complete"))
    );
    assert_eq!(order["total_paid"], json!(64));
}

#[tokio::test]
async fn required_getters_are_written_even_when_empty() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({"items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 32}]}),
        )
        .await;
    // An import needs an e-mail (its addresses take it); a save by id can clear it.
    let cleared = app
        .post(
            "/rest/V1/orders",
            &token,
            &json!({"entity": {"entity_id": id, "customer_email": null}}),
        )
        .await;
    assert_eq!(cleared.status, StatusCode::OK, "{:?}", cleared.body);
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    // customer_email is declared without |null in OrderInterface: present, as null.
    assert_eq!(order.get("customer_email"), Some(&json!(null)));
    assert_eq!(order["grand_total"], json!(32));
    // A nullable getter that is empty is left out.
    assert!(order.get("customer_firstname").is_none());
    assert!(order.get("coupon_code").is_none());
}

/// A minimal importable order for the store given.
fn small_order(store_id: serde_json::Value, increment_id: Option<&str>) -> serde_json::Value {
    let mut entity = json!({
        "store_id": store_id,
        "customer_email": "erp@example.com",
        "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}],
        "billing_address": {"firstname": "Erp", "lastname": "Import", "street": ["1 Main St"],
            "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
        "payment": {"method": "checkmo"}
    });
    if let Some(id) = increment_id {
        entity["increment_id"] = json!(id);
    }
    json!({ "entity": entity })
}

/// Issue 7, defects 4 and 5: what AbstractDb::save and StoreRepository::getById answer.
#[tokio::test]
async fn duplicate_increment_ids_and_unknown_stores_are_refused_as_magento_refuses_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Order 3 of store 1 is 000000003: the UNIQUE (increment_id, store_id) index refuses it.
    let before = app.snapshot().await;
    let dup = app
        .post(
            "/rest/V1/orders",
            &token,
            &small_order(json!(1), Some("000000003")),
        )
        .await;
    assert_eq!(
        (dup.status, dup.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Unique constraint violation found"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    for store in [json!(5), json!(-1), json!(i64::MAX), json!("7")] {
        let reply = app
            .post("/rest/V1/orders", &token, &small_order(store.clone(), None))
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The store that was requested wasn't found. Verify the store and try again."})
            ),
            "store {store}"
        );
        assert_eq!(app.snapshot().await, before, "store {store}");
    }
    // The same increment id in another store is another order; store 0 (admin) is a store,
    // named after the store of the request as Order::getStore() does for a falsy id.
    let admin = app
        .post(
            "/rest/V1/orders",
            &token,
            &small_order(json!(0), Some("000000003")),
        )
        .await;
    assert_eq!(admin.status, StatusCode::OK, "{:?}", admin.body);
    assert_eq!(
        (
            &admin.body["store_id"],
            &admin.body["increment_id"],
            &admin.body["store_name"]
        ),
        (
            &json!(0),
            &json!("000000003"),
            &json!("Main Website\nMain Website Store\nDefault Store View")
        )
    );
    // Whatever store_name is posted, a new order is named after its store.
    let mut named = small_order(json!(1), None);
    named["entity"]["store_name"] = json!("Elsewhere");
    let reply = app.post("/rest/V1/orders", &token, &named).await;
    assert_eq!(
        reply.body["store_name"],
        json!("Main Website\nMain Website Store\nDefault Store View")
    );
}

/// Magento's order save has no validator for quantities or prices and its columns are signed
/// (Sales/etc/db_schema.xml, `unsigned="false"`): zero, negative and fractional quantities and
/// negative prices are stored as given. A connector replaying odd ERP data sees the same here.
#[tokio::test]
async fn odd_quantities_and_prices_are_stored_as_magento_stores_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = small_order(json!(1), None);
    body["entity"]["items"] = json!([
        {"sku": "24-WB01", "qty_ordered": 0, "price": 32},
        {"sku": "24-WB03", "qty_ordered": -2, "price": 36},
        {"sku": "240-LV06", "qty_ordered": 2.5, "price": -4, "product_type": "downloadable"}
    ]);
    let reply = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let items: Vec<_> = reply.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["qty_ordered"].clone(),
                i["price"].clone(),
                i["row_total"].clone(),
            )
        })
        .collect();
    assert_eq!(
        items,
        vec![
            (json!(0), json!(32), json!(0)),
            (json!(-2), json!(36), json!(0)),
            (json!(2.5), json!(-4), json!(0))
        ]
    );
    // The rows are stored as -72 and -10 (their sum is the subtotal); REST floors an order
    // item's row totals at 0 (ChangeOutputArray::round, Magento 2.4.8).
    assert_eq!(reply.body["subtotal"], json!(-82));
}

/// Magento's api-functional `OrderItemGetTest::testGetOrderWithDiscount`: REST shows an order
/// item's four row totals net of its discount (`Order\Webapi\ChangeOutputArray`), wherever
/// the item is rendered; what is stored (and what an invoice takes) stays the row total.
#[tokio::test]
async fn order_item_row_totals_read_net_of_their_discount_as_magentos_rest_shows_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = small_order(json!(1), None);
    body["entity"]["items"] = json!([{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2,
        "price": 10, "base_price": 10, "row_total": 10, "base_row_total": 10,
        "discount_amount": 2, "base_discount_amount": 2, "tax_amount": 1, "base_tax_amount": 1}]);
    let saved = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let order_id = saved.body["entity_id"].as_i64().expect("id");
    let item_id = saved.body["items"][0]["item_id"].as_i64().expect("item id");
    let totals = |item: &serde_json::Value| {
        json!([
            item["row_total"],
            item["base_row_total"],
            item["row_total_incl_tax"],
            item["base_row_total_incl_tax"]
        ])
    };
    let net = json!([8, 8, 9, 9]);
    assert_eq!(totals(&saved.body["items"][0]), net);
    let item = app
        .get(&format!("/rest/V1/orders/items/{item_id}"), &token)
        .await;
    assert_eq!(item.status, StatusCode::OK);
    assert_eq!(totals(&item.body), net);
    let order = app
        .get(&format!("/rest/V1/orders/{order_id}"), &token)
        .await;
    assert_eq!(totals(&order.body["items"][0]), net);
    let list = app
        .get(
            &format!("/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=entity_id&searchCriteria[filter_groups][0][filters][0][value]={order_id}"),
            &token,
        )
        .await;
    assert_eq!(totals(&list.body["items"][0]["items"][0]), net);
    // The invoice takes the stored row total: 10 of subtotal, 2 of discount.
    let invoice_id = app
        .post(
            &format!("/rest/V1/order/{order_id}/invoice"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(invoice_id.status, StatusCode::OK, "{:?}", invoice_id.body);
    let invoice = app
        .get(
            &format!(
                "/rest/V1/invoices/{}",
                invoice_id.body.as_str().expect("id")
            ),
            &token,
        )
        .await;
    assert_eq!(
        (
            &invoice.body["subtotal"],
            &invoice.body["items"][0]["row_total"]
        ),
        (&json!(10), &json!(10))
    );
    let after = app
        .get(&format!("/rest/V1/orders/{order_id}"), &token)
        .await;
    assert_eq!(after.body["items"][0]["row_invoiced"], json!(10));
    assert_eq!(totals(&after.body["items"][0]), net);
}

/// `extension_attributes.payment_additional_info` lists every key of the payment's additional
/// information (`OrderRepository::setPaymentAdditionalInfo`): a posted list is keyed 0, 1, ...
/// (api-functional `OrderGetTest` reads its fixture's keys back), an object keeps its keys, and
/// bank transfer's save observer adds `instructions`.
#[tokio::test]
async fn payment_additional_info_lists_each_key_of_the_additional_information() {
    let app = spawn_app().await;
    let token = app.token().await;
    let info = |body: &serde_json::Value| {
        (
            body["payment"]["additional_information"].clone(),
            body["extension_attributes"]["payment_additional_info"].clone(),
        )
    };
    let mut listed = small_order(json!(1), None);
    listed["entity"]["payment"] = json!({"method": "banktransfer",
        "additional_information": ["11122", "{\"type\":\"free\",\"fraudulent\":false}"]});
    let saved = app.post("/rest/V1/orders", &token, &listed).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let id = saved.body["entity_id"].as_i64().expect("id");
    let read = app.get(&format!("/rest/V1/orders/{id}"), &token).await;
    assert_eq!(
        info(&read.body),
        (
            json!(["11122", "{\"type\":\"free\",\"fraudulent\":false}", ""]),
            json!([{"key": "0", "value": "11122"},
                {"key": "1", "value": "{\"type\":\"free\",\"fraudulent\":false}"},
                {"key": "instructions", "value": ""}])
        )
    );
    let mut keyed = small_order(json!(1), None);
    keyed["entity"]["payment"] = json!({"method": "checkmo",
        "additional_information": {"last_trans_id": "T-1", "metadata": "m"}});
    let saved = app.post("/rest/V1/orders", &token, &keyed).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let id = saved.body["entity_id"].as_i64().expect("id");
    let read = app.get(&format!("/rest/V1/orders/{id}"), &token).await;
    assert_eq!(
        info(&read.body),
        (
            json!(["T-1", "m"]),
            json!([{"key": "last_trans_id", "value": "T-1"}, {"key": "metadata", "value": "m"}])
        )
    );
}

/// The stored `OrderInterface` fields an ERP import carries (`sales_order` columns in Magento's
/// db_schema.xml): kept on import and on a save by id, read back, and filterable.
#[tokio::test]
async fn an_imports_order_comment_and_payment_fields_are_kept_read_back_and_filterable() {
    let app = spawn_app().await;
    let token = app.token().await;
    let fields = json!({"customer_note": "leave at door", "x_forwarded_for": "5.6.7.8",
        "ext_customer_id": "EC-9", "can_ship_partially": 1, "can_ship_partially_item": 0,
        "forced_shipment_with_invoice": 0, "payment_auth_expiration": 5, "quote_address_id": 4,
        "payment_authorization_amount": 3.5, "base_total_qty_ordered": 1});
    let mut body = small_order(json!(1), None);
    for (key, value) in fields.as_object().expect("object") {
        body["entity"][key] = value.clone();
    }
    let saved = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let id = saved.body["entity_id"].as_i64().expect("id");
    let read = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    for (key, value) in fields.as_object().expect("object") {
        assert_eq!(&read[key], value, "{key}");
    }
    let note = app
        .post(
            "/rest/V1/orders",
            &token,
            &json!({"entity": {"entity_id": id, "customer_note": "ring twice"}}),
        )
        .await;
    assert_eq!(note.status, StatusCode::OK, "{:?}", note.body);
    let list = app
        .get(
            "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=customer_note&searchCriteria[filter_groups][0][filters][0][value]=ring%25&searchCriteria[filter_groups][0][filters][0][condition_type]=like",
            &token,
        )
        .await;
    assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
    assert_eq!(list.body["total_count"], 1);
    assert_eq!(list.body["items"][0]["entity_id"], id);
    assert_eq!(list.body["items"][0]["customer_note"], "ring twice");
}

/// Magento's `Sales/_files/order.php` line (2 at 10, row total 10, no base row total): the
/// derived base row total is the posted row total, not base price x qty, so base and order
/// figures agree (a refund of it then reads the same in both).
#[tokio::test]
async fn a_posted_row_total_is_also_the_base_row_total_when_none_is_given() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = small_order(json!(1), None);
    body["entity"]["items"] = json!([{"sku": "24-WB01", "qty_ordered": 2, "price": 10,
        "base_price": 10, "row_total": 10}]);
    let saved = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let item = &saved.body["items"][0];
    assert_eq!(
        json!([
            item["row_total"],
            item["base_row_total"],
            item["price_incl_tax"],
            item["base_price_incl_tax"]
        ]),
        json!([10, 10, 5, 5])
    );
    assert_eq!(
        json!([saved.body["subtotal"], saved.body["base_subtotal"]]),
        json!([10, 10])
    );
}

/// `OrderItemRepositoryInterface`: `GET /V1/orders/items/{id}` and `GET /V1/orders/items`.
#[tokio::test]
async fn order_items_read_alone_as_in_their_order() {
    let app = spawn_app().await;
    let token = app.token().await;
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    let item = app.get("/rest/V1/orders/items/4", &token).await;
    assert_eq!(item.status, StatusCode::OK);
    assert_eq!(item.body, order["items"][1]);
    let list = app
        .get(
            "/rest/V1/orders/items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-WB%25&searchCriteria[filter_groups][0][filters][0][condition_type]=like",
            &token,
        )
        .await;
    assert_eq!(list.body["total_count"], json!(2));
    assert_eq!(list.body["items"][0], order["items"][0]);
    assert_eq!(
        app.get("/rest/V1/orders/items/0", &token).await.body,
        json!({"message": "An ID is needed. Set the ID and try again."})
    );
    let missing = app.get("/rest/V1/orders/items/99", &token).await;
    assert_eq!(
        (missing.status, missing.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
        )
    );
}

/// A child line read alone carries its parent (`ItemRepository::addParentItem` calls `get` on
/// it), as in its order; in a list only when the parent is on the same page (the item
/// collection's `_afterLoad`).
#[tokio::test]
async fn a_child_line_read_alone_carries_its_parent() {
    let app = spawn_app().await;
    let token = app.token().await;
    let parent = app.next_order_item_id(&token).await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "bundle-product", "name": "Bundle", "product_type": "bundle",
                        "qty_ordered": 1, "price": 10},
                       {"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_type": "simple",
                        "qty_ordered": 1, "price": 5, "parent_item_id": parent}]}),
        )
        .await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    let child = &order["items"][1];
    assert_eq!(child["parent_item"]["sku"], "bundle-product");
    let item = app
        .get(
            &format!("/rest/V1/orders/items/{}", child["item_id"]),
            &token,
        )
        .await;
    assert_eq!((item.status, &item.body), (StatusCode::OK, child));
    let by_order = format!(
        "/rest/V1/orders/items?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={id}"
    );
    let list = app.get(&by_order, &token).await.body;
    assert_eq!(list["items"], order["items"]);
    // The child alone on its page: no parent to give it.
    let list = app
        .get(
            &format!("{by_order}&searchCriteria[pageSize]=1&searchCriteria[currentPage]=2"),
            &token,
        )
        .await
        .body;
    assert_eq!(list["items"][0]["item_id"], child["item_id"]);
    assert!(list["items"][0].get("parent_item").is_none());
}

/// An imported line's `parent_item_id` is stored as the item id it names (`ItemRepository::save`),
/// and 0 is no parent (PHP's falsy `getParentItemId()`): two lines posted with 0 are two lines
/// that ship, and the order completes.
#[tokio::test]
async fn an_imported_parent_item_id_is_an_item_id_and_0_is_none() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_type": "simple",
                        "product_id": 8, "qty_ordered": 1, "price": 10},
                       {"sku": "24-WB03", "name": "Driven Backpack", "product_type": "simple",
                        "product_id": 12, "qty_ordered": 1, "price": 10, "parent_item_id": 0}]}),
        )
        .await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(order["items"][1]["parent_item_id"], json!(0));
    assert!(order["items"][1].get("parent_item").is_none());
    assert_eq!(
        app.invoice(&token, id, &json!({})).await.status,
        StatusCode::OK
    );
    let r = app
        .post(
            &format!("/rest/V1/order/{id}/ship"),
            &token,
            &json!({"arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(order["state"], "complete");
    assert_eq!(
        (
            &order["items"][0]["qty_shipped"],
            &order["items"][1]["qty_shipped"]
        ),
        (&json!(1), &json!(1))
    );
}

/// `PUT /V1/orders/{parent_id}`: `OrderAddressRepositoryInterface::save`.
#[tokio::test]
async fn an_order_address_is_updated_whole_or_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    let mut address = order["billing_address"].clone();
    assert_eq!(address["entity_id"], json!(6));
    address["city"] = json!("Brooklyn");
    address["postcode"] = json!("11201");
    let reply = app
        .send(
            Method::PUT,
            "/rest/V1/orders/3",
            Some(&token),
            Some("application/json"),
            Some(json!({ "entity": address }).to_string()),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["city"], json!("Brooklyn"));
    let after = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(after["billing_address"], reply.body);
    // An optional field the body does not name keeps its stored value; one posted as null is
    // cleared (the model holds the null, and `_prepareDataForTable` writes it).
    let put = |entity: Value| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .send(
                    Method::PUT,
                    "/rest/V1/orders/3",
                    Some(token),
                    Some("application/json"),
                    Some(json!({ "entity": entity }).to_string()),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            app.get("/rest/V1/orders/3", token).await.body["billing_address"].clone()
        }
    };
    address["company"] = json!("ACME");
    assert_eq!(put(address.clone()).await["company"], json!("ACME"));
    let region_id = address["region_id"].clone();
    assert!(region_id.is_number(), "{address}");
    let mut unnamed = address.clone();
    unnamed.as_object_mut().unwrap().remove("company");
    let kept = put(unnamed).await;
    assert_eq!(
        (&kept["company"], &kept["region_id"]),
        (&json!("ACME"), &region_id)
    );
    let mut nulls = address.clone();
    nulls["company"] = Value::Null;
    nulls["region_id"] = Value::Null;
    let cleared = put(nulls).await;
    assert_eq!(
        (&cleared["company"], &cleared["region_id"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(cleared["city"], json!("Brooklyn"));
    // The path's parent_id goes into `entity` (ParamsOverrider), over the body's or in its
    // absence.
    let mut orphan = address.clone();
    orphan.as_object_mut().unwrap().remove("parent_id");
    orphan["city"] = json!("Flushing");
    assert_eq!(put(orphan.clone()).await["city"], json!("Flushing"));
    orphan["parent_id"] = json!(999);
    orphan["city"] = json!("Astoria");
    assert_eq!(put(orphan).await["parent_id"], json!(3));
    // Magento's validator wants the whole address: a partial one is refused, nothing changes.
    let before = app.snapshot().await;
    let partial = app
        .send(
            Method::PUT,
            "/rest/V1/orders/3",
            Some(&token),
            Some("application/json"),
            Some(json!({"entity": {"entity_id": 6, "parent_id": 3, "city": "Queens"}}).to_string()),
        )
        .await;
    assert_eq!(
        (partial.status, partial.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The order address couldn't be saved."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // The validator's e-mail check (`Email has a wrong format`) refuses it the same way.
    let mut bad_email = address.clone();
    bad_email["email"] = json!("not-an-address");
    let refused = app
        .send(
            Method::PUT,
            "/rest/V1/orders/3",
            Some(&token),
            Some("application/json"),
            Some(json!({ "entity": bad_email }).to_string()),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The order address couldn't be saved."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // The validator asks only that each required field be there (`hasData`): a blank city
    // and a null last name pass, and the save stores both as NULL (`prepareColumnValue`)
    // while the reply shows what was posted.
    let mut blank = address.clone();
    blank["city"] = json!("");
    blank["lastname"] = Value::Null;
    let saved = app
        .send(
            Method::PUT,
            "/rest/V1/orders/3",
            Some(&token),
            Some("application/json"),
            Some(json!({ "entity": blank }).to_string()),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(
        (&saved.body["city"], &saved.body["lastname"]),
        (&json!(""), &Value::Null)
    );
    let stored = app.get("/rest/V1/orders/3", &token).await.body["billing_address"].clone();
    assert_eq!(
        (&stored["city"], &stored["lastname"], &stored["firstname"]),
        (&Value::Null, &Value::Null, &address["firstname"])
    );
}

/// The reply of `PUT /V1/orders/{parent_id}` is the posted object, whose `getRegionCode`
/// computes the code from its region id (or its region text) whatever was posted.
#[tokio::test]
async fn an_order_address_reply_computes_its_region_code() {
    let app = spawn_app().await;
    let token = app.token().await;
    let put = |entity: Value| {
        let app = &app;
        let token = &token;
        async move {
            app.send(
                Method::PUT,
                "/rest/V1/orders/3",
                Some(token),
                Some("application/json"),
                Some(json!({ "entity": entity }).to_string()),
            )
            .await
        }
    };
    let address = json!({"entity_id": 6, "parent_id": 3, "address_type": "billing",
        "firstname": "Jane", "lastname": "Doe", "street": ["160 1st St."], "city": "Mineola",
        "postcode": "11501", "country_id": "US", "telephone": "516-555-1111",
        "email": "jdoe@example.com", "region": "New York", "region_id": 43, "region_code": "ZZ"});
    let reply = put(address.clone()).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        reply.body,
        json!({"address_type": "billing", "city": "Mineola", "country_id": "US",
            "email": "jdoe@example.com", "entity_id": 6, "firstname": "Jane", "lastname": "Doe",
            "parent_id": 3, "postcode": "11501", "region": "New York", "region_code": "NY",
            "region_id": 43, "street": ["160 1st St."], "telephone": "516-555-1111"})
    );
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["billing_address"]["region_code"], json!("NY"));
    // No region id: the region text is the code (`is_string($this->getRegion())`).
    let mut text_only = address.clone();
    let map = text_only.as_object_mut().unwrap();
    map.remove("region_id");
    map.remove("region_code");
    map.insert("region".into(), json!("CA"));
    let reply = put(text_only).await;
    assert_eq!(reply.body["region_code"], json!("CA"), "{:?}", reply.body);
    // Posted without an e-mail, the address takes its order's (Order\Address::beforeSave).
    let mut no_email = address.clone();
    no_email.as_object_mut().unwrap().remove("email");
    let reply = put(no_email).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["email"], json!("jdoe@example.com"));
}

/// A new order's addresses are saved through `Order\Address\Validator` (2.4.8,
/// `ResourceModel/Order/Address::_beforeSave`): each takes the order's `customer_email`, so an
/// order without one, or with one that is not an address, is refused, as is an address
/// without a required field; the whole order is not saved.
#[tokio::test]
async fn a_new_orders_addresses_are_validated_as_its_save_validates_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let refused = |message: &str| json!({"message": "We can't save the address:\n%1", "parameters": [message]});
    let mut bad_email = small_order(json!(1), None);
    bad_email["entity"]["customer_email"] = json!("bad");
    let mut no_email = small_order(json!(1), None);
    no_email["entity"]
        .as_object_mut()
        .unwrap()
        .remove("customer_email");
    let mut partial = small_order(json!(1), None);
    partial["entity"]["billing_address"] = json!({"firstname": "Erp", "lastname": "Import",
        "country_id": "US", "city": null});
    let mut shipping = small_order(json!(1), None);
    shipping["entity"]["extension_attributes"] = json!({"shipping_assignments": [{"shipping": {
        "address": {"firstname": "Erp", "lastname": "Import", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US"},
        "method": "flatrate_flatrate"}}]});
    for (body, expected) in [
        (bad_email, refused("Email has a wrong format")),
        (no_email, refused("Email has a wrong format")),
        (
            partial,
            // A posted null is held (`hasData`): `city` passes, the unnamed fields do not.
            refused(
                "\"Zip code\" is required. Enter and try again.\n\"Street\" is required. Enter and try again.\n\"Phone Number\" is required. Enter and try again.",
            ),
        ),
        (
            shipping,
            refused("\"Phone Number\" is required. Enter and try again."),
        ),
    ] {
        let reply = app.post("/rest/V1/orders", &token, &body).await;
        assert_eq!(
            (reply.status, reply.body),
            (StatusCode::BAD_REQUEST, expected),
            "{body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    // `ServiceInputProcessor` converts the whole entity before the save checks anything: a
    // shipping address id that is not a number is refused before the missing billing address
    // (and before the addresses' own checks).
    let mut unconverted = small_order(json!(1), None);
    unconverted["entity"]
        .as_object_mut()
        .unwrap()
        .remove("billing_address");
    unconverted["entity"]["extension_attributes"] = json!({"shipping_assignments": [{"shipping": {
        "address": {"entity_id": "abc"}, "method": "flatrate_flatrate"}}]});
    let reply = app.post("/rest/V1/orders", &token, &unconverted).await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"entity_id\" processing. The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let accepted = app
        .post("/rest/V1/orders", &token, &small_order(json!(1), None))
        .await;
    assert_eq!(accepted.status, StatusCode::OK, "{:?}", accepted.body);
    // Without a customer_email, OrderRepository::save takes the shipping address's, and the
    // addresses take the order's.
    let mut from_shipping = small_order(json!(1), None);
    from_shipping["entity"]
        .as_object_mut()
        .unwrap()
        .remove("customer_email");
    from_shipping["entity"]["extension_attributes"] = json!({"shipping_assignments": [{"shipping": {
        "address": {"firstname": "Erp", "lastname": "Import", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1",
                    "email": "ship@example.com"},
        "method": "flatrate_flatrate"}}]});
    let reply = app.post("/rest/V1/orders", &token, &from_shipping).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        (
            &reply.body["customer_email"],
            &reply.body["billing_address"]["email"]
        ),
        (&json!("ship@example.com"), &json!("ship@example.com"))
    );
    // A virtual order takes no shipping assignment: its address is neither checked nor kept.
    let mut virtual_order = small_order(json!(1), None);
    virtual_order["entity"]["is_virtual"] = json!(1);
    virtual_order["entity"]["extension_attributes"] = json!({"shipping_assignments": [{"shipping": {
        "address": {"firstname": "Erp", "lastname": "Import"}, "method": "flatrate_flatrate"}}]});
    let reply = app.post("/rest/V1/orders", &token, &virtual_order).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let id = reply.body["entity_id"].as_i64().unwrap();
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert!(order.get("shipping_method").is_none(), "{order}");
    assert_eq!(
        order["extension_attributes"]["shipping_assignments"][0]["shipping"].get("address"),
        None,
        "{order}"
    );
}

/// `PUT /V1/orders/create` is the same repository save as `POST /V1/orders`, under
/// `Magento_Sales::create`.
#[tokio::test]
async fn put_orders_create_imports_too() {
    let app = spawn_app().await;
    let token = app.token().await;
    let body = small_order(json!(1), None).to_string();
    let reply = app
        .send(
            Method::PUT,
            "/rest/V1/orders/create",
            Some(&token),
            Some("application/json"),
            Some(body.clone()),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(reply.body["increment_id"], json!("000000004"));
    let anonymous = app
        .send(
            Method::PUT,
            "/rest/V1/orders/create",
            None,
            Some("application/json"),
            Some(body),
        )
        .await;
    assert_eq!(
        anonymous.body["parameters"]["resources"],
        json!("Magento_Sales::create")
    );
}

/// The import keeps what Magento keeps of an edited order, the customer and the card, and takes
/// a line without `qty_ordered` (Magento's column is nullable; it counts as 0).
#[tokio::test]
async fn the_import_keeps_edit_customer_and_card_fields() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = small_order(json!(1), Some("100000001-1"));
    let entity = body["entity"].as_object_mut().expect("entity");
    for (key, value) in [
        ("relation_parent_id", json!("7")),
        ("relation_parent_real_id", json!("100000001")),
        ("original_increment_id", json!("100000001")),
        ("edit_increment", json!(1)),
        ("customer_dob", json!("1980-02-03 00:00:00")),
        ("customer_gender", json!(2)),
        ("coupon_code", json!("SUMMER")),
    ] {
        entity.insert(key.into(), value);
    }
    entity["payment"] = json!({"method": "checkmo", "cc_type": "VI", "cc_exp_month": "12",
                               "cc_exp_year": "2030", "cc_last4": "1111"});
    entity["items"]
        .as_array_mut()
        .expect("items")
        .push(json!({"sku": "24-WB03", "name": "Driven Backpack", "price": 36}));
    let reply = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let read = app.get(
        &format!("/rest/V1/orders/{}?fields=relation_parent_id,relation_parent_real_id,original_increment_id,edit_increment,customer_dob,customer_gender,coupon_code,payment[cc_type,cc_exp_month,cc_exp_year,cc_last4],items[sku,qty_ordered]", reply.body["entity_id"]),
        &token,
    ).await;
    assert_eq!(
        read.body,
        json!({"coupon_code": "SUMMER", "customer_dob": "1980-02-03 00:00:00", "customer_gender": 2,
               "edit_increment": 1, "original_increment_id": "100000001",
               "relation_parent_id": "7", "relation_parent_real_id": "100000001",
               "items": [{"sku": "24-WB01", "qty_ordered": 1}, {"sku": "24-WB03", "qty_ordered": 0}],
               "payment": {"cc_exp_month": "12", "cc_exp_year": "2030", "cc_last4": "1111", "cc_type": "VI"}})
    );
}

/// `GET path` with `Cache-Control: cache_control` when given; the reply must be a 200.
async fn read_document(
    app: &common::TestApp,
    token: &str,
    path: &str,
    cache_control: Option<&str>,
) -> serde_json::Value {
    let mut request = app.client.get(app.url(path)).bearer_auth(token);
    if let Some(directive) = cache_control {
        request = request.header("Cache-Control", directive);
    }
    let reply = request.send().await.expect("request");
    assert_eq!(reply.status(), StatusCode::OK);
    reply.json().await.expect("JSON")
}

/// Runs `statements` on a connection of its own to the server's file: a change the server
/// does not see, so its response cache cannot either.
async fn change_behind_the_servers_back(app: &common::TestApp, statements: &[&str]) {
    let mut other = sqlx::SqliteConnection::connect(&format!("sqlite://{}", app.db_path.display()))
        .await
        .expect("second connection");
    for sql in statements {
        sqlx::query(sql).execute(&mut other).await.unwrap();
    }
}

/// `Cache-Control: no-store` (RFC 9111 5.2.1.5) reads the document from the database and keeps
/// nothing of the reply: the cache still serves what it held before; `no-cache` refreshes what
/// it holds. Shown by a change made behind the server's back, which the cache cannot see.
#[tokio::test]
async fn cache_control_no_store_keeps_nothing_and_no_cache_refreshes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let read = |directive| read_document(&app, &token, "/rest/V1/orders/3", directive);
    let before = read(None).await;
    change_behind_the_servers_back(
        &app,
        &["UPDATE sales_order SET customer_firstname = 'Behind' WHERE entity_id = 3"],
    )
    .await;
    let fresh = read(Some("No-Store")).await;
    assert_eq!(fresh["customer_firstname"], json!("Behind"));
    assert_eq!(
        without(&fresh, &["customer_firstname"]),
        without(&before, &["customer_firstname"])
    );
    assert_eq!(read(None).await, before, "no-store kept nothing");
    assert_eq!(read(Some("no-cache")).await, fresh);
    assert_eq!(
        read(None).await,
        fresh,
        "no-cache kept the reply it rendered"
    );
}

/// Documents read by id come from the response cache while nothing was written through the
/// server; `Cache-Control: no-cache` asks for one rendered from the database. Shown by a change
/// made behind the server's back (another connection to its file), which the cache cannot see.
#[tokio::test]
async fn cache_control_no_cache_reads_the_document_from_the_database() {
    let app = spawn_app().await;
    let token = app.token().await;
    let invoiced = app.invoice(&token, 3, &json!({"capture": true})).await;
    assert_eq!(invoiced.status, StatusCode::OK);
    let invoice_id: i64 = invoiced.body.as_str().unwrap().parse().unwrap();
    let invoice_path = format!("/rest/V1/invoices/{invoice_id}");
    let no_cache = Some("max-age=0, No-Cache");
    let order = read_document(&app, &token, "/rest/V1/orders/3", None).await;
    let invoice = read_document(&app, &token, &invoice_path, None).await;
    change_behind_the_servers_back(
        &app,
        &[
            "UPDATE sales_order SET customer_firstname = 'Behind' WHERE entity_id = 3",
            &format!("UPDATE sales_invoice SET email_sent = 7 WHERE entity_id = {invoice_id}"),
        ],
    )
    .await;
    // Cached: the same bodies as before the change.
    assert_eq!(
        read_document(&app, &token, "/rest/V1/orders/3", None).await,
        order
    );
    assert_eq!(
        read_document(&app, &token, &invoice_path, None).await,
        invoice
    );
    // Refused cache: the change shows, and nothing else differs.
    let fresh = read_document(&app, &token, "/rest/V1/orders/3", no_cache).await;
    assert_eq!(fresh["customer_firstname"], json!("Behind"));
    assert_eq!(
        without(&fresh, &["customer_firstname"]),
        without(&order, &["customer_firstname"])
    );
    let fresh = read_document(&app, &token, &invoice_path, no_cache).await;
    assert_eq!(fresh["email_sent"], json!(7));
    assert_eq!(
        without(&fresh, &["email_sent"]),
        without(&invoice, &["email_sent"])
    );
}

/// An order address's `region_code` is `Order\Address::getRegionCode`'s, computed from the
/// region id and country whatever was posted (the table keeps no code): the region's code when
/// it is of the address's country, else the region text. A cart address's region is
/// `AbstractAddress::getRegion`'s: the directory's name of its id (OrderCreateTest expects a
/// code no request sent).
#[tokio::test]
async fn order_addresses_show_the_region_code_their_region_id_names() {
    let app = common::spawn_app().await;
    let token = app.token().await;
    let mut entity = common::fixture("order-import-tutorial-copy.json")["entity"].clone();
    entity["increment_id"] = json!("REGION1");
    entity["billing_address"]["region_code"] = json!("ZZ");
    entity["billing_address"]["region"] = json!("Empire State");
    let id = app.create_order(&token, entity.clone()).await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(
        (
            &order["billing_address"]["region_code"],
            &order["billing_address"]["region"]
        ),
        (&json!("NY"), &json!("Empire State"))
    );
    // Region 12 is California's: of another country, the code is the region text.
    entity["increment_id"] = json!("REGION2");
    entity["billing_address"]["country_id"] = json!("FR");
    entity["billing_address"]["region_id"] = json!(12);
    let id = app.create_order(&token, entity).await;
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(
        order["billing_address"]["region_code"],
        json!("Empire State")
    );

    // Checkout: a billing address with only the region id, a shipping one with another text.
    let cart = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let base = format!("/rest/V1/guest-carts/{}", cart.body.as_str().expect("mask"));
    app.post_anonymous(
        &format!("{base}/items"),
        &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
    )
    .await;
    let address = |region: Value| {
        let mut a = json!({"region_id": 12, "country_id": "US", "street": ["1 Main"],
            "postcode": "90001", "city": "LA", "firstname": "Ann", "lastname": "Lee",
            "email": "ann@example.com", "telephone": "555-2"});
        if !region.is_null() {
            a["region"] = region;
        }
        a
    };
    let info = app
        .post_anonymous(
            &format!("{base}/shipping-information"),
            &json!({"addressInformation": {"shipping_address": address(json!("Calif.")),
                "billing_address": address(Value::Null),
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}}),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let billing = app
        .send(
            reqwest::Method::GET,
            &format!("{base}/billing-address"),
            None,
            None,
            None,
        )
        .await;
    assert_eq!(billing.body["region"], json!("California"));
    let placed = app
        .post_anonymous(
            &format!("{base}/payment-information"),
            &json!({"email": "ann@example.com", "paymentMethod": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let order_id = placed.body.as_str().expect("order id").to_owned();
    let order = app
        .get(&format!("/rest/V1/orders/{order_id}"), &token)
        .await
        .body;
    let shipping = &order["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"];
    for a in [&order["billing_address"], shipping] {
        assert_eq!(
            (&a["region"], &a["region_code"], &a["region_id"]),
            (&json!("California"), &json!("CA"), &json!(12))
        );
    }
}
