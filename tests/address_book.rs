//! `save_in_address_book` on cart addresses: stored per address, and the customer's address
//! book filled from it at payment-information (`processShippingAddress`) and at placement
//! (`QuoteManagement::_prepareCustomerQuote`), as Magento 2.4.8 does.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn mineola(extra: Value) -> Value {
    let mut a = json!({"region": "New York", "region_id": 43, "region_code": "NY",
        "country_id": "US", "street": ["160 1st St."], "postcode": "11501", "city": "Mineola",
        "firstname": "Rita", "lastname": "Rival", "email": "rival@example.com",
        "telephone": "516-555-1111"});
    if let (Some(a), Value::Object(extra)) = (a.as_object_mut(), extra) {
        a.extend(extra);
    }
    a
}

fn albany(extra: Value) -> Value {
    let mut a = mineola(extra);
    a["street"] = json!(["1 State St.", "Floor 2"]);
    a["city"] = json!("Albany");
    a["postcode"] = json!("12207");
    a
}

/// A new customer (no address book) with a cart of one 24-WB01.
async fn customer_with_cart(app: &TestApp) -> String {
    let body = json!({"customer": {"email": "rival@example.com", "firstname": "Rita",
        "lastname": "Rival"}, "password": "Password1"});
    let created = app.post_anonymous("/rest/V1/customers", &body).await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    let token = app.customer_token("rival@example.com", "Password1").await;
    app.post("/rest/V1/carts/mine", &token, &json!({})).await;
    let added = app
        .post(
            "/rest/V1/carts/mine/items",
            &token,
            &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    token
}

async fn shipping_information(app: &TestApp, token: &str, shipping: Value, billing: Value) {
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            token,
            &json!({"addressInformation": {"shipping_address": shipping,
                "billing_address": billing,
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}}),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
}

/// Her address book: (id, city, default billing, default shipping) of each entry, and the
/// account's default ids.
async fn book(app: &TestApp, token: &str) -> (Vec<(i64, String, bool, bool)>, Value) {
    let me = app.get("/rest/V1/customers/me", token).await.body;
    let entries = me["addresses"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap_or_default(),
                a["city"].as_str().unwrap_or_default().to_owned(),
                a["default_billing"] == json!(true),
                a["default_shipping"] == json!(true),
            )
        })
        .collect();
    let defaults = json!({"billing": me["default_billing"], "shipping": me["default_shipping"]});
    (entries, defaults)
}

/// The order's (billing, shipping) `customer_address_id`.
async fn order_address_ids(app: &TestApp, order_id: &str) -> (Value, Value) {
    let admin = app.token().await;
    let order = app
        .get(&format!("/rest/V1/orders/{order_id}"), &admin)
        .await
        .body;
    let shipping = &order["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"];
    (
        order["billing_address"]["customer_address_id"].clone(),
        shipping["customer_address_id"].clone(),
    )
}

/// QuoteManagementTest::testCustomerAddressIdAfterPlacingOrder's path: the shipping address
/// asks to be saved and is the billing one; payment-information marks it `same_as_billing`,
/// saves it into her (empty) book as both defaults, and both order addresses name the entry.
#[tokio::test]
async fn payment_information_saves_a_shipping_address_that_is_the_billing_one() {
    let app = spawn_app().await;
    let rita = customer_with_cart(&app).await;
    shipping_information(
        &app,
        &rita,
        mineola(json!({"save_in_address_book": 1})),
        mineola(json!({})),
    )
    .await;
    let cart = app.get("/rest/V1/carts/mine", &rita).await.body;
    let shipping = &cart["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"];
    assert_eq!(shipping["save_in_address_book"], json!(1));
    assert_eq!(shipping["same_as_billing"], json!(0));
    assert_eq!(cart["billing_address"]["save_in_address_book"], json!(0));
    assert_eq!(book(&app, &rita).await.0, vec![]);
    let placed = app
        .post(
            "/rest/V1/carts/mine/payment-information",
            &rita,
            &json!({"paymentMethod": {"method": "checkmo"}, "billing_address": mineola(json!({}))}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let (entries, defaults) = book(&app, &rita).await;
    let id = entries.first().map(|e| e.0).expect("one entry");
    assert_eq!(entries, vec![(id, "Mineola".to_owned(), true, true)]);
    assert_eq!(
        defaults,
        json!({"billing": id.to_string(), "shipping": id.to_string()})
    );
    let order_id = placed.body.as_str().expect("order id").to_owned();
    assert_eq!(
        order_address_ids(&app, &order_id).await,
        (json!(id), json!(id))
    );
}

/// At placement a shipping address that is not the billing one and a billing address that
/// both ask to be saved become two new entries; defaults go only where the customer has none
/// (the billing's own flag keeps the shipping entry from being the default billing).
#[tokio::test]
async fn placement_saves_each_address_that_asks_as_a_new_entry() {
    let app = spawn_app().await;
    let rita = customer_with_cart(&app).await;
    shipping_information(
        &app,
        &rita,
        mineola(json!({"save_in_address_book": 1})),
        albany(json!({"save_in_address_book": "1"})),
    )
    .await;
    let placed = app
        .put(
            "/rest/V1/carts/mine/order",
            &rita,
            &json!({"paymentMethod": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let (entries, _) = book(&app, &rita).await;
    let [(shipping_id, shipping_city, false, true), (billing_id, billing_city, true, false)] =
        entries.as_slice()
    else {
        panic!("two entries, shipping then billing: {entries:?}");
    };
    assert_eq!(
        (shipping_city.as_str(), billing_city.as_str()),
        ("Mineola", "Albany")
    );
    let order_id = placed.body.as_str().expect("order id").to_owned();
    assert_eq!(
        order_address_ids(&app, &order_id).await,
        (json!(billing_id), json!(shipping_id))
    );
    let admin = app.token().await;
    let address = app
        .get(
            &format!("/rest/V1/customers/addresses/{billing_id}"),
            &admin,
        )
        .await
        .body;
    assert_eq!(address["street"], json!(["1 State St.", "Floor 2"]));
    assert_eq!(address["region"]["region_code"], json!("NY"));
}

/// Jane has an address book with both defaults: a billing address naming her entry and
/// asking to be saved is saved again as a new entry (Magento's duplicate), her defaults kept.
#[tokio::test]
async fn a_customer_with_defaults_keeps_them_and_gets_the_duplicate_magento_makes() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    app.post(
        "/rest/V1/carts/mine/items",
        &jane,
        &json!({"cartItem": {"sku": "24-WB03", "qty": 1}}),
    )
    .await;
    let posted = json!({"customer_address_id": 2, "save_in_address_book": 1});
    let assigned = app
        .post(
            "/rest/V1/carts/mine/billing-address",
            &jane,
            &json!({"address": posted, "useForShipping": true}),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{:?}", assigned.body);
    let set = app
        .put(
            "/rest/V1/carts/mine/selected-payment-method",
            &jane,
            &json!({"method": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{:?}", set.body);
    let method = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &json!({"addressInformation": {
                // validateAddress wants a country even with an address-book id.
                "shipping_address": {"customer_address_id": 2, "country_id": "US"},
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}}),
        )
        .await;
    assert_eq!(method.status, StatusCode::OK, "{:?}", method.body);
    let placed = app
        .put("/rest/V1/carts/mine/order", &jane, &json!({}))
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let (entries, defaults) = book(&app, &jane).await;
    assert_eq!(
        entries,
        vec![
            (2, "Mineola".to_owned(), true, true),
            (3, "Mineola".to_owned(), false, false)
        ]
    );
    assert_eq!(defaults, json!({"billing": "2", "shipping": "2"}));
    let order_id = placed.body.as_str().expect("order id").to_owned();
    assert_eq!(
        order_address_ids(&app, &order_id).await,
        (json!(3), json!(2))
    );
}

/// The repository's persisters store the flag as 0 or 1; set-payment-information's
/// `$quote->save()` keeps the posted integer. A guest's flags save nothing.
#[tokio::test]
async fn the_flag_is_stored_as_each_route_stores_it() {
    let app = spawn_app().await;
    let rita = customer_with_cart(&app).await;
    let assigned = app
        .post(
            "/rest/V1/carts/mine/billing-address",
            &rita,
            &json!({"address": albany(json!({"save_in_address_book": 7}))}),
        )
        .await;
    assert_eq!(assigned.status, StatusCode::OK, "{:?}", assigned.body);
    let read = app.get("/rest/V1/carts/mine/billing-address", &rita).await;
    assert_eq!(read.body["save_in_address_book"], json!(1));
    shipping_information(&app, &rita, mineola(json!({})), json!({"city": "Albany"})).await;
    // The billing address posted without the flag keeps the stored one (addData).
    let read = app.get("/rest/V1/carts/mine/billing-address", &rita).await;
    assert_eq!(read.body["save_in_address_book"], json!(1));
    let set = app
        .post(
            "/rest/V1/carts/mine/set-payment-information",
            &rita,
            &json!({"paymentMethod": {"method": "checkmo"},
                "billingAddress": albany(json!({"save_in_address_book": 2}))}),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{:?}", set.body);
    let read = app.get("/rest/V1/carts/mine/billing-address", &rita).await;
    assert_eq!(read.body["save_in_address_book"], json!(2));
    assert_eq!(book(&app, &rita).await.0, vec![]);

    // A guest's order saves no address anywhere.
    let cart = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let base = format!("/rest/V1/guest-carts/{}", cart.body.as_str().expect("mask"));
    app.post_anonymous(
        &format!("{base}/items"),
        &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
    )
    .await;
    let info = app
        .post_anonymous(
            &format!("{base}/shipping-information"),
            &json!({"addressInformation": {
                "shipping_address": albany(json!({"save_in_address_book": 1})),
                "billing_address": albany(json!({"save_in_address_book": 1})),
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}}),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let before = app.snapshot().await;
    let placed = app
        .post_anonymous(
            &format!("{base}/payment-information"),
            &json!({"email": "guest@example.com", "paymentMethod": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    assert_eq!(
        app.snapshot().await["customer_address_entity"],
        before["customer_address_entity"]
    );
}

/// A flag that is no integer is refused as Magento's input processor refuses it, and a
/// placement refused after the entries would be made leaves the address book as it was.
#[tokio::test]
async fn bad_flags_and_refused_placements_change_nothing() {
    let app = spawn_app().await;
    let rita = customer_with_cart(&app).await;
    let before = app.snapshot().await;
    for (flag, shown) in [(json!(true), "1"), (json!("yes"), "yes")] {
        let refused = app
            .post(
                "/rest/V1/carts/mine/billing-address",
                &rita,
                &json!({"address": albany(json!({"save_in_address_book": flag}))}),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::BAD_REQUEST,
            "{:?}",
            refused.body
        );
        assert_eq!(
            refused.body["message"],
            json!(format!(
                "Error occurred during \"save_in_address_book\" processing. The \"{shown}\" value's type is invalid. The \"int\" type was expected. Verify and try again."
            )),
            "{flag}"
        );
    }
    assert_eq!(app.snapshot().await, before);
    shipping_information(
        &app,
        &rita,
        mineola(json!({"save_in_address_book": 1})),
        albany(json!({"save_in_address_book": 1})),
    )
    .await;
    // The bag sold out meanwhile: MSI refuses the order after the entries are made; all of it
    // is undone.
    let admin = app.token().await;
    let held = app
        .get(
            "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-WB01",
            &admin,
        )
        .await
        .body;
    let sold_out: Vec<Value> = held["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut item| {
            item["quantity"] = json!(0);
            item["status"] = json!(0);
            item
        })
        .collect();
    assert!(!sold_out.is_empty());
    let saved = app
        .post(
            "/rest/V1/inventory/source-items",
            &admin,
            &json!({"sourceItems": sold_out}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let before = app.snapshot().await;
    let refused = app
        .put(
            "/rest/V1/carts/mine/order",
            &rita,
            &json!({"paymentMethod": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        refused.body
    );
    assert_eq!(app.snapshot().await, before);
    assert_eq!(book(&app, &rita).await.0, vec![]);
}
