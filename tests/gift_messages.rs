//! Gift messages on carts and cart lines (`GiftMessage/etc/webapi.xml`) through the real router:
//! off until `PUT /magemu/config` turns them on (a fresh Magento's state), the save's checks in
//! Magento's order with nothing written on a refusal, the message's way to the order placed
//! from the cart, and what `GET /V1/orders/{id}` shows of it as the settings change.

use crate::common;

use common::{fixture, spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const JANE: (&str, &str) = ("jdoe@example.com", "Password1");
const ALLOW_ORDER: &str = "sales/gift_options/allow_order";
const ALLOW_ITEMS: &str = "sales/gift_options/allow_items";
/// The other setting the listing shows (checkout agreements).
const AGREEMENTS: &str = "checkout/options/enable_agreements";
/// And the integration's access token as a bearer token.
const BEARER: &str = "oauth/consumer/enable_integration_as_bearer";

async fn configure(app: &TestApp, settings: Value) -> common::Reply {
    app.send(
        Method::PUT,
        "/magemu/config",
        None,
        Some("application/json"),
        Some(settings.to_string()),
    )
    .await
}

async fn anonymous_get(app: &TestApp, path: &str) -> common::Reply {
    app.send(Method::GET, path, None, None, None).await
}

/// Every message row, and each cart's and cart line's pointer with its `updated_at`: what a
/// refused save must leave as it was.
async fn stored(app: &TestApp) -> Vec<String> {
    let db = &app.state.db.read;
    let mut out: Vec<String> = sqlx::query_as::<_, (i64, i64, Option<String>, Option<String>, Option<String>)>(
        "SELECT gift_message_id, customer_id, sender, recipient, message FROM gift_message ORDER BY 1",
    )
    .fetch_all(db)
    .await
    .expect("messages")
    .into_iter()
    .map(|r| format!("{r:?}"))
    .collect();
    let pointers: Vec<(String, i64, Option<i64>, String)> = sqlx::query_as(
        "SELECT 'quote', entity_id, gift_message_id, updated_at FROM quote
         UNION ALL SELECT 'quote_item', item_id, gift_message_id, updated_at FROM quote_item
         ORDER BY 1, 2",
    )
    .fetch_all(db)
    .await
    .expect("pointers");
    out.extend(pointers.into_iter().map(|r| format!("{r:?}")));
    out
}

/// Rows of `table` (`SELECT COUNT(*)`).
async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.state.db.read)
        .await
        .expect("count")
}

fn message(id: i64, customer: i64, sender: &str, recipient: &str, text: &str) -> Value {
    json!({
        "gift_message_id": id, "customer_id": customer,
        "sender": sender, "recipient": recipient, "message": text
    })
}

/// Magento's error body; `parameters` only when the phrase has some.
fn error(text: &str, parameters: Value) -> Value {
    if parameters == json!([]) {
        json!({ "message": text })
    } else {
        json!({ "message": text, "parameters": parameters })
    }
}

/// Places Jane's cart as the tutorial's steps 8 and 9 do (shipping, then payment information).
async fn place_janes_order(app: &TestApp, jane: &str) {
    for (path, name) in [
        (
            "shipping-information",
            "step08-shipping-information-request.json",
        ),
        (
            "payment-information",
            "step09-payment-information-request.json",
        ),
    ] {
        let reply = app
            .post(
                &format!("/rest/V1/carts/mine/{path}"),
                jane,
                &fixture(&format!("tutorial/{name}")),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    }
}

/// Jane's new cart (quote 4) with the tutorial's lines of `lines` (ids from 8, in order); her
/// token and customer id.
async fn janes_cart(app: &TestApp, lines: &[&str]) -> (String, i64) {
    let jane = app.customer_token(JANE.0, JANE.1).await;
    let cart = app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    assert_eq!(cart.body, json!(4));
    for sku in lines {
        let request = fixture(&format!("tutorial/step07-cart-item-{sku}-request.json"));
        let added = app.post("/rest/V1/carts/mine/items", &jane, &request).await;
        assert_eq!(added.status, StatusCode::OK, "{sku}: {:?}", added.body);
    }
    let me = app.get("/rest/V1/customers/me", &jane).await.body;
    (jane, me["id"].as_i64().expect("customer id"))
}

#[tokio::test]
async fn the_settings_start_unset_and_take_yes_no_values_only() {
    let app = spawn_app().await;
    // The tutorial's world has In-Store Pickup on (its section 5.2).
    let unset = json!({ AGREEMENTS: null, ALLOW_ITEMS: null, ALLOW_ORDER: null,
        "carriers/instore/active": "1", BEARER: null });
    let listed = anonymous_get(&app, "/magemu/config").await;
    assert_eq!(
        (listed.status, listed.body),
        (StatusCode::OK, unset.clone())
    );

    for (body, text) in [
        (
            json!({ ALLOW_ORDER: "1", "sales/gift_options/allow_everything": "1" }),
            "\"sales/gift_options/allow_everything\" is not a setting magemu reads (GET /magemu/config lists them).",
        ),
        (
            json!({ ALLOW_ORDER: "yes" }),
            "\"sales/gift_options/allow_order\" is a Yes/No setting: give \"1\", \"0\" (or true, false, 1, 0), or null to remove it.",
        ),
    ] {
        let refused = configure(&app, body).await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, json!({ "message": text }))
        );
    }
    assert_eq!(anonymous_get(&app, "/magemu/config").await.body, unset);

    let set = configure(&app, json!({ ALLOW_ORDER: true, ALLOW_ITEMS: 0 })).await;
    assert_eq!(
        (set.status, set.body),
        (
            StatusCode::OK,
            json!({ AGREEMENTS: null, ALLOW_ITEMS: "0", ALLOW_ORDER: "1",
                "carriers/instore/active": "1", BEARER: null })
        )
    );
    let removed = configure(&app, json!({ ALLOW_ITEMS: null })).await;
    assert_eq!(
        removed.body,
        json!({ AGREEMENTS: null, ALLOW_ITEMS: null, ALLOW_ORDER: "1",
            "carriers/instore/active": "1", BEARER: null })
    );
    // The settings are part of the world: a reset goes back to the seed's.
    let reset = app
        .send(Method::POST, "/magemu/reset", None, None, None)
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!(anonymous_get(&app, "/magemu/config").await.body, unset);
    app.stop().await;
}

#[tokio::test]
async fn a_save_is_checked_in_magentos_order_and_a_refusal_writes_nothing() {
    let app = spawn_app().await;
    let (jane, jane_id) = janes_cart(&app, &[]).await;
    let cart = "/rest/V1/carts/mine/gift-message";
    let hello = json!({"giftMessage": {"sender": "Jane", "recipient": "John", "message": "Hello"}});

    // No message yet: the service's null is rendered as an empty array.
    let none = app.get(cart, &jane).await;
    assert_eq!((none.status, none.body), (StatusCode::OK, json!([])));

    let before = stored(&app).await;
    let refused = app.post(cart, &jane, &hello).await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "Gift messages can't be used for an empty cart. Add an item and try again.",
                json!([])
            )
        )
    );
    assert_eq!(stored(&app).await, before);

    // A cart of one downloadable line is virtual, at cart level and at that line's.
    let request = fixture("tutorial/step07-cart-item-240-LV06-request.json");
    assert_eq!(
        app.post("/rest/V1/carts/mine/items", &jane, &request)
            .await
            .status,
        StatusCode::OK
    );
    let before = stored(&app).await;
    let virtual_products = error(
        "Gift messages can't be used for virtual products.",
        json!([]),
    );
    for path in [cart.to_owned(), format!("{cart}/8")] {
        let refused = app.post(&path, &jane, &hello).await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, virtual_products.clone()),
            "{path}"
        );
    }
    assert_eq!(stored(&app).await, before);
    // Lines: a read of one the cart lacks, and a save to it, each with Magento's words.
    let unknown = app.get(&format!("{cart}/99"), &jane).await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::NOT_FOUND,
            error(
                "No item with the provided ID was found in the Cart. Verify the ID and try again.",
                json!([])
            )
        )
    );
    let unknown = app.post(&format!("{cart}/99"), &jane, &hello).await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::NOT_FOUND,
            error(
                "No product with the \"%1\" itemId exists in the Cart. Verify your information and try again.",
                json!([99])
            )
        )
    );

    // With a physical line the cart can take a message, but messages are off.
    let request = fixture("tutorial/step07-cart-item-24-WB03-request.json");
    assert_eq!(
        app.post("/rest/V1/carts/mine/items", &jane, &request)
            .await
            .status,
        StatusCode::OK
    );
    let before = stored(&app).await;
    let not_available = error("The gift message isn't available.", json!([]));
    for path in [cart.to_owned(), format!("{cart}/9")] {
        let refused = app.post(&path, &jane, &hello).await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, not_available.clone()),
            "{path}"
        );
    }
    // No message at all is a removal (`GiftMessageManager::setMessage` checks `=== null`
    // before it trims), which needs no setting: nothing to remove here.
    for body in [
        json!({"giftMessage": {"sender": "Jane"}}),
        json!({"giftMessage": {"message": null}}),
        json!({"giftMessage": "hello"}),
    ] {
        let nothing = app.post(cart, &jane, &body).await;
        assert_eq!(
            (nothing.status, nothing.body),
            (StatusCode::OK, json!(true)),
            "{body}"
        );
    }
    // The body is converted before the service runs: a missing giftMessage or an unknown
    // field is refused even for a cart that does not exist.
    let refused = app
        .post_anonymous("/rest/V1/guest-carts/nope/gift-message", &json!({}))
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "\"%fieldName\" is required. Enter and try again.",
                json!({"fieldName": "giftMessage"})
            )
        )
    );
    let refused = app
        .post_anonymous(
            "/rest/V1/guest-carts/nope/gift-message",
            &json!({"giftMessage": {"note": "x"}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "\"%fieldName\" is not supported. Correct the field name and try again.",
                json!({"fieldName": "Note"})
            )
        )
    );
    assert_eq!(stored(&app).await, before);

    // An empty message is a removal, which needs no setting; "0" is false to PHP, so it
    // skips the setting's check and is saved.
    let empty = app
        .post(cart, &jane, &json!({"giftMessage": {"message": ""}}))
        .await;
    assert_eq!((empty.status, empty.body), (StatusCode::OK, json!(true)));
    assert_eq!(stored(&app).await, before);
    let zero = app
        .post(cart, &jane, &json!({"giftMessage": {"message": "0"}}))
        .await;
    assert_eq!((zero.status, zero.body), (StatusCode::OK, json!(true)));
    let shown = app.get(cart, &jane).await.body;
    // getSender and getRecipient are declared `string`: a null one is written as null.
    assert_eq!(
        shown,
        json!({"gift_message_id": 1, "customer_id": jane_id, "sender": null, "recipient": null, "message": "0"})
    );
    // A save without a message removes it, messages off or on.
    let removed = app
        .post(cart, &jane, &json!({"giftMessage": {"sender": "Jane"}}))
        .await;
    assert_eq!(
        (removed.status, removed.body),
        (StatusCode::OK, json!(true))
    );
    assert_eq!(app.get(cart, &jane).await.body, json!([]));
    assert_eq!(count(&app, "gift_message").await, 0);
    app.stop().await;
}

#[tokio::test]
async fn a_message_is_kept_updated_removed_and_reaches_the_order() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let (jane, jane_id) = janes_cart(&app, &["24-WB03", "240-LV06"]).await;
    configure(&app, json!({ ALLOW_ORDER: "1", ALLOW_ITEMS: "1" })).await;
    let cart = "/rest/V1/carts/mine/gift-message";

    let saved = app
        .post(
            cart,
            &jane,
            &json!({"giftMessage": {"sender": "Jane", "recipient": "John", "message": "Happy birthday",
                "gift_message_id": 77, "customer_id": 5}}),
        )
        .await;
    assert_eq!((saved.status, saved.body), (StatusCode::OK, json!(true)));
    let first = message(1, jane_id, "Jane", "John", "Happy birthday");
    assert_eq!(app.get(cart, &jane).await.body, first);
    // The admin route reads the same cart by id.
    assert_eq!(
        app.get("/rest/V1/carts/4/gift-message", &admin).await.body,
        first
    );

    // A second save rewrites the same message.
    app.post(
        cart,
        &jane,
        &json!({"giftMessage": {"sender": "Jane Doe", "recipient": "John", "message": "Many happy returns"}}),
    )
    .await;
    let updated = message(1, jane_id, "Jane Doe", "John", "Many happy returns");
    assert_eq!(app.get(cart, &jane).await.body, updated);

    // A line's message (line 8, the physical one), through the admin route.
    let line = app
        .post(
            "/rest/V1/carts/4/gift-message/8",
            &admin,
            &json!({"giftMessage": {"sender": "Jane", "recipient": "Jim", "message": "For the trip"}}),
        )
        .await;
    assert_eq!((line.status, line.body), (StatusCode::OK, json!(true)));
    let line_message = message(2, jane_id, "Jane", "Jim", "For the trip");
    assert_eq!(
        app.get(&format!("{cart}/8"), &jane).await.body,
        line_message
    );
    assert_eq!(app.get(&format!("{cart}/9"), &jane).await.body, json!([]));

    // A message that trims to nothing removes it (the cart keeps id 0).
    let removed = app
        .post(
            &format!("{cart}/8"),
            &jane,
            &json!({"giftMessage": {"message": " \n"}}),
        )
        .await;
    assert_eq!(removed.body, json!(true));
    assert_eq!(app.get(&format!("{cart}/8"), &jane).await.body, json!([]));
    app.post(
        &format!("{cart}/8"),
        &jane,
        &json!({"giftMessage": {"sender": "Jane", "recipient": "Jim", "message": "For the trip"}}),
    )
    .await;
    let line_message = message(3, jane_id, "Jane", "Jim", "For the trip");

    // Place the order (the tutorial's steps 8 and 9): order 4 points at both messages.
    place_janes_order(&app, &jane).await;
    let order = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(order["extension_attributes"]["gift_message"], updated);
    assert_eq!(
        order["items"][0]["extension_attributes"],
        json!({ "gift_message": line_message })
    );
    assert_eq!(order["items"][1].get("extension_attributes"), None);
    // The line read by id carries it too (Plugin\OrderItemGet).
    let item_id = order["items"][0]["item_id"].as_i64().expect("item id");
    let item = app
        .get(&format!("/rest/V1/orders/items/{item_id}"), &admin)
        .await
        .body;
    assert_eq!(
        item["extension_attributes"],
        json!({ "gift_message": line_message })
    );
    let other = order["items"][1]["item_id"].as_i64().expect("item id");
    let item = app
        .get(&format!("/rest/V1/orders/items/{other}"), &admin)
        .await
        .body;
    assert_eq!(item.get("extension_attributes"), None);
    // The list shows the same (the plugin's afterGetList).
    let listed = app
        .get(
            "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=entity_id&searchCriteria[filter_groups][0][filters][0][value]=4",
            &admin,
        )
        .await
        .body;
    assert_eq!(listed["items"][0], order);

    // Order messages off: the order's is no longer shown; the line kept "allowed" when it
    // was ordered, so its message still is.
    configure(&app, json!({ ALLOW_ORDER: "0", ALLOW_ITEMS: "0" })).await;
    let order_now = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(order_now["extension_attributes"].get("gift_message"), None);
    assert_eq!(
        order_now["items"][0]["extension_attributes"]["gift_message"],
        line_message
    );
    // Everything else is as before.
    let mut expected = order.clone();
    expected["extension_attributes"]
        .as_object_mut()
        .expect("object")
        .remove("gift_message");
    assert_eq!(order_now, expected);
    // An order without a message shows none.
    let seeded = app.get("/rest/V1/orders/3", &admin).await.body;
    assert_eq!(seeded["extension_attributes"].get("gift_message"), None);
    app.stop().await;
}

/// A product's own "Allow Gift Message" (`gift_message_available`) decides for its lines
/// before the store's `allow_items` (`Helper\Message::_getDependenceFromStoreConfig`; 2 and
/// no value defer to the store), for a line's save (any line of the cart allowing is enough)
/// and for what the ordered line keeps.
#[tokio::test]
async fn a_products_own_gift_message_setting_goes_before_the_stores() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let (jane, _) = janes_cart(&app, &["24-WB03"]).await;
    let own = |value: &str| {
        json!({"product": {"sku": "24-WB03",
            "custom_attributes": [{"attribute_code": "gift_message_available", "value": value}]}})
    };
    let set_own = |value: &'static str| {
        let app = &app;
        let admin = &admin;
        let body = own(value);
        async move {
            let saved = app.put("/rest/V1/products/24-WB03", admin, &body).await;
            assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
        }
    };
    let line = "/rest/V1/carts/mine/gift-message/8";
    let hello = json!({"giftMessage": {"message": "for the line"}});
    let not_available = (
        StatusCode::BAD_REQUEST,
        error("The gift message isn't available.", json!([])),
    );

    set_own("1").await;
    configure(&app, json!({ ALLOW_ITEMS: "0" })).await;
    let saved = app.post(line, &jane, &hello).await;
    assert_eq!((saved.status, saved.body), (StatusCode::OK, json!(true)));

    set_own("0").await;
    configure(&app, json!({ ALLOW_ITEMS: "1" })).await;
    let refused = app.post(line, &jane, &hello).await;
    assert_eq!((refused.status, refused.body), not_available.clone());

    set_own("2").await;
    let saved = app.post(line, &jane, &hello).await;
    assert_eq!((saved.status, saved.body), (StatusCode::OK, json!(true)));
    configure(&app, json!({ ALLOW_ITEMS: "0" })).await;
    let refused = app.post(line, &jane, &hello).await;
    assert_eq!((refused.status, refused.body), not_available);

    // Ordered with the product's yes and the store's no, the line keeps its yes.
    set_own("1").await;
    place_janes_order(&app, &jane).await;
    let order = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(
        order["items"][0]["extension_attributes"]["gift_message"]["message"],
        json!("for the line")
    );
    app.stop().await;
}

#[tokio::test]
async fn guest_carts_and_who_may_call_each_route() {
    let app = spawn_app().await;
    let admin = app.token().await;
    configure(&app, json!({ ALLOW_ORDER: "1" })).await;
    let cart = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = cart.body.as_str().expect("masked id").to_owned();
    let base = format!("/rest/V1/guest-carts/{mask}");
    let added = app
        .post_anonymous(
            &format!("{base}/items"),
            &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    let line = added.body["item_id"].as_i64().expect("line id");
    let saved = app
        .post_anonymous(
            &format!("{base}/gift-message"),
            &json!({"giftMessage": {"sender": "A friend", "recipient": "Sam", "message": "Enjoy"}}),
        )
        .await;
    assert_eq!((saved.status, saved.body), (StatusCode::OK, json!(true)));
    // A guest cart's message has customer 0 (the column's default).
    let expected = message(1, 0, "A friend", "Sam", "Enjoy");
    assert_eq!(
        anonymous_get(&app, &format!("{base}/gift-message"))
            .await
            .body,
        expected
    );
    let quote_id: i64 = sqlx::query_scalar("SELECT entity_id FROM quote WHERE masked_id = ?")
        .bind(&mask)
        .fetch_one(&app.state.db.read)
        .await
        .expect("quote");
    assert_eq!(
        app.get(&format!("/rest/V1/carts/{quote_id}/gift-message"), &admin)
            .await
            .body,
        expected
    );
    // Items are off: the line's message is refused.
    let refused = app
        .post_anonymous(
            &format!("{base}/gift-message/{line}"),
            &json!({"giftMessage": {"message": "Enjoy"}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error("The gift message isn't available.", json!([]))
        )
    );

    // An unknown masked id loads quote null; an unknown or inactive cart id is getActive's 404.
    let unknown = anonymous_get(&app, "/rest/V1/guest-carts/nope/gift-message").await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::NOT_FOUND,
            error(
                "No such entity with %fieldName = %fieldValue",
                json!({"fieldName": "cartId", "fieldValue": null})
            )
        )
    );
    let unknown = app.get("/rest/V1/carts/999/gift-message", &admin).await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::NOT_FOUND,
            error(
                "No such entity with %fieldName = %fieldValue",
                json!({"fieldName": "cartId", "fieldValue": 999})
            )
        )
    );
    // A customer without an active cart.
    let jane = app.customer_token(JANE.0, JANE.1).await;
    let no_cart = app.get("/rest/V1/carts/mine/gift-message", &jane).await;
    assert_eq!(
        (no_cart.status, no_cart.body),
        (
            StatusCode::NOT_FOUND,
            error("Current customer does not have an active cart.", json!([]))
        )
    );
    // The admin routes want Magento_Sales::create; `mine` wants a customer.
    let other = app
        .get(&format!("/rest/V1/carts/{quote_id}/gift-message"), &jane)
        .await;
    assert_eq!(other.status, StatusCode::UNAUTHORIZED);
    let anonymous = anonymous_get(&app, "/rest/V1/carts/mine/gift-message").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let bad_id = app.get("/rest/V1/carts/abc/gift-message", &admin).await;
    assert_eq!(
        (bad_id.status, bad_id.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again.",
                json!([])
            )
        )
    );
    app.stop().await;
}

/// Assigning a guest cart to a customer merges her active cart into it; a line's message goes
/// with the line, copied or merged (`Plugin\MergeQuoteItems`).
#[tokio::test]
async fn a_merged_cart_keeps_its_lines_messages() {
    let app = spawn_app().await;
    configure(&app, json!({ ALLOW_ITEMS: "1" })).await;
    // Jane's cart 4: 24-WB03 (line 8) and 24-WB01 (line 9), each with a message.
    let (jane, jane_id) = janes_cart(&app, &["24-WB03", "24-WB01"]).await;
    for (line, text) in [(8, "For the bottles"), (9, "For the bag")] {
        let saved = app
            .post(
                &format!("/rest/V1/carts/mine/gift-message/{line}"),
                &jane,
                &json!({"giftMessage": {"sender": "Jane", "recipient": "Jim", "message": text}}),
            )
            .await;
        assert_eq!(saved.body, json!(true));
    }
    // A guest cart with 24-WB03 already in it (line 10), then given to Jane.
    let cart = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = cart.body.as_str().expect("masked id").to_owned();
    let added = app
        .post_anonymous(
            &format!("/rest/V1/guest-carts/{mask}/items"),
            &json!({"cartItem": {"sku": "24-WB03", "qty": 1}}),
        )
        .await;
    assert_eq!(added.body["item_id"], json!(10));
    let assigned = app
        .put(
            &format!("/rest/V1/guest-carts/{mask}"),
            &jane,
            &json!({"customerId": jane_id, "storeId": 1}),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{:?}", assigned.body);
    let lines = app.get("/rest/V1/carts/mine/items", &jane).await.body;
    let ids: Vec<(String, i64)> = lines
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap_or("").to_owned(),
                l["item_id"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(ids, vec![("24-WB03".into(), 10), ("24-WB01".into(), 11)]);
    assert_eq!(
        app.get("/rest/V1/carts/mine/gift-message/10", &jane)
            .await
            .body,
        message(1, jane_id, "Jane", "Jim", "For the bottles")
    );
    assert_eq!(
        app.get("/rest/V1/carts/mine/gift-message/11", &jane)
            .await
            .body,
        message(2, jane_id, "Jane", "Jim", "For the bag")
    );
    let cart_id = app.get("/rest/V1/carts/mine", &jane).await.body["id"].clone();
    assert_ne!(cart_id, json!(4));
    app.stop().await;
}

/// `POST /V1/orders` with `extension_attributes.gift_message` on the order and on a line:
/// Magento_GiftMessage's `Plugin\OrderSave` saves them once the order is saved, through the
/// module's order (item) repository, whose refusals come back wrapped while the order stays.
#[tokio::test]
async fn an_imported_order_takes_its_messages_after_the_order_is_saved() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let mut entity = fixture("order-import-tutorial-copy.json")["entity"].clone();
    entity["extension_attributes"]["gift_message"] =
        json!({"customer_id": 2, "sender": "Jane", "recipient": "John", "message": "Enjoy"});
    entity["items"][1]["extension_attributes"] =
        json!({"gift_message": {"sender": "Jane", "recipient": "Jim", "message": "For the bag"}});
    let body = json!({ "entity": entity });
    let orders = count(&app, "sales_order").await;

    // Messages off: the order is saved, the reply is the plugin's 400, nothing else kept.
    let refused = app.post("/rest/V1/orders", &admin, &body).await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "The gift message couldn't be added to the \"%1\" order.",
                json!(["The gift message isn't available."])
            )
        )
    );
    let saved_anyway = count(&app, "sales_order").await;
    assert_eq!(
        saved_anyway,
        orders + 1,
        "the order is saved before the plugin runs"
    );
    let messages = count(&app, "gift_message").await;
    assert_eq!(messages, 0);

    // Order messages on, line messages off: the order's is kept, then the line's refused.
    configure(&app, json!({ ALLOW_ORDER: "1" })).await;
    let refused = app.post("/rest/V1/orders", &admin, &body).await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            error(
                "The gift message couldn't be added to the \"%1\" order item.",
                json!(["The gift message isn't available."])
            )
        )
    );
    let second: i64 = sqlx::query_scalar("SELECT MAX(entity_id) FROM sales_order")
        .fetch_one(&app.state.db.read)
        .await
        .expect("id");
    let order = app
        .get(&format!("/rest/V1/orders/{second}"), &admin)
        .await
        .body;
    assert_eq!(
        order["extension_attributes"]["gift_message"],
        message(1, 2, "Jane", "John", "Enjoy")
    );
    assert_eq!(order["items"][1].get("extension_attributes"), None);

    // Both on: the reply is the saved order with both messages.
    configure(&app, json!({ ALLOW_ITEMS: "1" })).await;
    let saved = app.post("/rest/V1/orders", &admin, &body).await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    assert_eq!(
        saved.body["extension_attributes"]["gift_message"],
        message(2, 2, "Jane", "John", "Enjoy")
    );
    assert_eq!(
        saved.body["items"][1]["extension_attributes"],
        json!({"gift_message": message(3, 0, "Jane", "Jim", "For the bag")})
    );
    assert_eq!(saved.body["items"][0].get("extension_attributes"), None);
    let id = saved.body["entity_id"].as_i64().expect("id");
    assert_eq!(
        app.get(&format!("/rest/V1/orders/{id}"), &admin).await.body,
        saved.body
    );

    // A type error in a message refuses the whole body before anything is saved.
    let before = count(&app, "sales_order").await;
    let mut bad = body.clone();
    bad["entity"]["extension_attributes"]["gift_message"]["customer_id"] = json!("x");
    let refused = app.post("/rest/V1/orders", &admin, &bad).await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        refused.body
    );
    let after = count(&app, "sales_order").await;
    assert_eq!(after, before);

    // An order of the virtual line alone: "virtual products", wrapped.
    let mut virtual_only = fixture("order-import-tutorial-copy.json")["entity"].clone();
    let line = virtual_only["items"][2].clone();
    virtual_only["items"] = json!([line]);
    virtual_only["is_virtual"] = json!(1);
    virtual_only["total_item_count"] = json!(1);
    virtual_only["extension_attributes"] = json!({"gift_message": {"message": "Hi"}});
    let refused = app
        .post(
            "/rest/V1/orders",
            &admin,
            &json!({ "entity": virtual_only }),
        )
        .await;
    assert_eq!(
        refused.body,
        error(
            "The gift message couldn't be added to the \"%1\" order.",
            json!(["Gift messages can't be used for virtual products."])
        )
    );
    app.stop().await;
}

/// A save of an existing order (`entity_id` posted) takes the order's message too.
#[tokio::test]
async fn a_saved_order_takes_its_message() {
    let app = spawn_app().await;
    let admin = app.token().await;
    configure(&app, json!({ ALLOW_ORDER: "1" })).await;
    let before = app.get("/rest/V1/orders/3", &admin).await.body;
    let saved = app
        .post(
            "/rest/V1/orders",
            &admin,
            &json!({"entity": {"entity_id": 3, "extension_attributes": {
                "gift_message": {"sender": "Jane", "recipient": "John", "message": "Enjoy"}}}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let after = app.get("/rest/V1/orders/3", &admin).await.body;
    assert_eq!(
        after["extension_attributes"]["gift_message"],
        message(1, 0, "Jane", "John", "Enjoy")
    );
    // An empty message removes it again.
    let removed = app
        .post(
            "/rest/V1/orders",
            &admin,
            &json!({"entity": {"entity_id": 3, "extension_attributes": {
                "gift_message": {"message": ""}}}}),
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{:?}", removed.body);
    let after = app.get("/rest/V1/orders/3", &admin).await.body;
    assert_eq!(after["extension_attributes"].get("gift_message"), None);
    assert_eq!(
        after["extension_attributes"],
        before["extension_attributes"]
    );
    app.stop().await;
}
