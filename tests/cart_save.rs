//! `PUT /V1/carts/mine` (`CartRepositoryInterface::save`, `quote.id` forced to the customer's
//! active cart): Magento's api-functional `CartRepositoryTest::testSaveQuote` (the customer's
//! names and e-mail onto the quote) and `testSaveQuoteException` (another customer id, or
//! none: `Invalid state change requested`), and the items, billing address and shipping
//! assignment `SaveHandler` saves. A refused save changes nothing.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn quote_names(app: &TestApp) -> Vec<(i64, Option<String>, Option<String>, i64)> {
    sqlx::query_as(
        "SELECT entity_id, customer_firstname, customer_email, is_active FROM quote
         WHERE customer_id = 2 ORDER BY entity_id",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("quotes")
}

fn address() -> Value {
    json!({"firstname": "Jane", "lastname": "Doe", "street": ["123 Oak Ave"],
           "city": "Purchase", "region_id": 43, "postcode": "10577", "country_id": "US",
           "telephone": "512-555-1111", "email": "jdoe@example.com"})
}

#[tokio::test]
async fn a_customer_saves_her_cart() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    // Order 3 used her last cart: the save makes her a new one.
    let before: Vec<_> = quote_names(&app).await;
    assert!(before.iter().all(|q| q.3 == 0));
    let body = json!({"quote": {"id": 1, "store_id": 1,
        "customer": {"id": 2, "firstname": "Firstname_Test", "middlename": "Middlename_Test",
                     "lastname": "Lastname_Test", "email": "customer@test.com"},
        "items": [{"sku": "24-WB01", "qty": 2}],
        "billing_address": address()}});
    let r = app.put("/rest/default/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let quotes = quote_names(&app).await;
    let new = quotes.last().expect("a quote").clone();
    assert_eq!(quotes.len(), before.len() + 1);
    assert_eq!(
        (new.1.as_deref(), new.2.as_deref(), new.3),
        (Some("Firstname_Test"), Some("customer@test.com"), 1)
    );
    let cart = app.get("/rest/default/V1/carts/mine", &jane).await.body;
    assert_eq!(cart["id"], json!(new.0));
    assert_eq!(
        (&cart["items"][0]["sku"], &cart["items"][0]["qty"]),
        (&json!("24-WB01"), &json!(2))
    );
    assert_eq!(cart["billing_address"]["city"], json!("Purchase"));
    // A second save updates the line by id, adds the shipping address and method, merges the
    // billing address (a posted city, the rest kept) and, with the customer's id alone, clears
    // the quote's names and e-mail (Quote::setCustomer copies the posted customer's whole
    // `customer_account` fieldset, absent fields as NULL).
    let item = cart["items"][0]["item_id"].clone();
    let body = json!({"quote": {"customer": {"id": 2},
        "items": [{"item_id": item, "qty": 3}],
        "billing_address": {"city": "Rye"},
        "extension_attributes": {"shipping_assignments": [
            {"shipping": {"address": address(), "method": "flatrate_flatrate"}, "items": []}]}}});
    let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let cart = app.get("/rest/default/V1/carts/mine", &jane).await.body;
    assert_eq!(cart["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(cart["items"][0]["qty"], json!(3));
    assert_eq!(
        (
            &cart["billing_address"]["city"],
            &cart["billing_address"]["street"]
        ),
        (&json!("Rye"), &json!(["123 Oak Ave"]))
    );
    let shipping = &cart["extension_attributes"]["shipping_assignments"][0]["shipping"];
    assert_eq!(shipping["method"], json!("flatrate_flatrate"));
    assert_eq!(
        quote_names(&app)
            .await
            .last()
            .map(|q| (q.1.clone(), q.2.clone())),
        Some((None, None))
    );
    let totals = app
        .get("/rest/default/V1/carts/mine/totals", &jane)
        .await
        .body;
    assert_eq!(totals["subtotal"], json!(96));
}

#[tokio::test]
async fn refused_saves_change_nothing() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let created = app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    assert_eq!(created.status, StatusCode::OK);
    let before = app.snapshot().await;
    let invalid = json!({"message": "Invalid state change requested"});
    for customer in [
        json!({"id": 999}),
        json!({"id": null}),
        json!({"id": "25"}),
        Value::Null,
    ] {
        let body =
            json!({"quote": {"customer": customer, "items": [{"sku": "24-WB01", "qty": 1}]}});
        let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
        assert_eq!((r.status, &r.body), (StatusCode::BAD_REQUEST, &invalid));
    }
    let me = json!({"id": 2, "firstname": "Changed"});
    let refused = [
        (
            json!({}),
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                            "parameters": {"fieldName": "quote"}}),
        ),
        (
            json!({"quote": {"customer": me, "shipping_address": {}}}),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                "parameters": {"fieldName": "ShippingAddress"}}),
        ),
        (
            json!({"quote": {"customer": me, "is_virtual": true}}),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                "parameters": {"fieldName": "IsVirtual"}}),
        ),
        (
            json!({"quote": {"customer": me, "items": [{"sku": "24-WB01", "qty": 1}],
                          "extension_attributes": {"shipping_assignments": [
                              {"shipping": {"method": "flatrate_flatrate"}},
                              {"shipping": {"method": "flatrate_flatrate"}}]}}}),
            json!({"message": "Only 1 shipping assignment can be set"}),
        ),
        (
            json!({"quote": {"customer": me, "items": [{"sku": "24-WB01", "qty": 1},
                                                     {"sku": "no-such-sku", "qty": 1}]}}),
            json!({"message": "The product that was requested doesn't exist. Verify the product and try again."}),
        ),
        (
            json!({"quote": {"customer": me, "billing_address": {"country_id": "ZZ"}}}),
            json!({"message": "Invalid country code"}),
        ),
        (
            json!({"quote": {"customer": me, "store_id": 5}}),
            json!({"message": "The store that was requested wasn't found. Verify the store and try again."}),
        ),
    ];
    for (body, expected) in refused {
        let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
        assert_eq!(r.body, expected);
        assert!(r.status.is_client_error(), "{}", r.status);
    }
    assert_eq!(app.snapshot().await, before);
    let admin = app.token().await;
    let r = app
        .put(
            "/rest/V1/carts/mine",
            &admin,
            &json!({"quote": {"customer": {"id": 2}}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                   "parameters": {"resources": "self"}})
        )
    );
}

/// A reserved order number an order already has is not reused at placement
/// (`Quote::reserveOrderId`, `isOrderIncrementIdUsed`): the order takes the next number.
#[tokio::test]
async fn a_used_reserved_number_is_not_reused() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let body = json!({"quote": {"customer": {"id": 2}, "reserved_order_id": "000000003",
        "items": [{"sku": "24-WB01", "qty": 1}], "billing_address": address(),
        "extension_attributes": {"shipping_assignments": [
            {"shipping": {"address": address(), "method": "flatrate_flatrate"}}]}}});
    let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let payment = json!({"paymentMethod": {"method": "checkmo"}, "billingAddress": address()});
    let place = || app.post("/rest/V1/carts/mine/payment-information", &jane, &payment);
    // The customer's id alone left the cart without an e-mail, which the order's addresses
    // take (SubmitQuoteValidator): placing it fails, and changes nothing.
    let before = app.snapshot().await;
    let refused = place().await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Failed address validation:\nEmail has a wrong format"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // PUT .../order lets SubmitQuoteValidator's exception through: the phrase and its parameter.
    let refused = app
        .put(
            "/rest/V1/carts/mine/order",
            &jane,
            &json!({"paymentMethod": {"method": "checkmo"}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Failed address validation:\n%1",
                   "parameters": ["Email has a wrong format"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let body = json!({"quote": {"customer": {"id": 2, "email": "jdoe@example.com"}}});
    let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let placed = place().await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let admin = app.token().await;
    let order = app
        .get(
            &format!(
                "/rest/V1/orders/{}",
                placed.body.as_str().unwrap_or_default()
            ),
            &admin,
        )
        .await
        .body;
    assert_eq!(order["increment_id"], json!("000000004"));
}

/// The lines of one save are saved in turn on what the earlier ones left: a product posted
/// twice is one line with both quantities (`Quote::addProduct` finds the line the first made),
/// and a line updated by id after a new one keeps the new one.
#[tokio::test]
async fn the_lines_of_one_save_build_on_each_other() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let body = json!({"quote": {"customer": {"id": 2},
        "items": [{"sku": "24-WB01", "qty": 2}]}});
    let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    let first = cart["items"][0]["item_id"].clone();
    let body = json!({"quote": {"customer": {"id": 2},
        "items": [{"sku": "24-WB03", "qty": 1}, {"sku": "24-WB03", "qty": 4},
                  {"item_id": first, "qty": 5}, {"sku": "24-WB01", "qty": 1}]}});
    let r = app.put("/rest/V1/carts/mine", &jane, &body).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    let lines: Vec<_> = cart["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| (i["sku"].clone(), i["qty"].clone()))
        .collect();
    assert_eq!(
        lines,
        [(json!("24-WB01"), json!(6)), (json!("24-WB03"), json!(5))]
    );
    assert_eq!(cart["items_qty"], json!(11));
}

/// `ValidateQuoteOrigOrder` (2.4.7-p1 and later): a posted `orig_order_id` names an order that
/// exists (else OrderRepository's 404) and is the customer's (else `Please check input
/// parameters.`, 404, for another customer's or a guest's); 0 is not checked. A refused save
/// changes nothing.
#[tokio::test]
async fn an_original_order_must_be_the_customers_own() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let created = app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    assert_eq!(created.status, StatusCode::OK);
    let save = |orig: Value| {
        json!({"quote": {"customer": {"id": 2, "firstname": "Changed"}, "orig_order_id": orig,
                         "items": [{"sku": "24-WB01", "qty": 1}]}})
    };
    let before = app.snapshot().await;
    let r = app
        .put("/rest/V1/carts/mine", &jane, &save(json!(999)))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // A guest's order: the tutorial's order 3 is Jane's, so import one without a customer.
    let admin = app.token().await;
    let mut entity = common::fixture("order-import-tutorial-copy.json")["entity"].clone();
    entity["increment_id"] = json!("GUEST-1");
    entity["customer_is_guest"] = json!(1);
    entity.as_object_mut().map(|e| e.remove("customer_id"));
    let guest_order = app.create_order(&admin, entity).await;
    let before = app.snapshot().await;
    let r = app
        .put("/rest/V1/carts/mine", &jane, &save(json!(guest_order)))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Please check input parameters."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    for own in [json!(3), json!(0)] {
        let r = app.put("/rest/V1/carts/mine", &jane, &save(own)).await;
        assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    }
}

/// A posted `customer.group_id` no group has: an empty cart keeps it (no totals collector asks
/// for the group), while a cart with lines, old or posted, fails the save's totals collection
/// (`Quote::getCustomerTaxClassId` → `GroupRepository::getById`): 404, nothing saved.
#[tokio::test]
async fn an_unknown_customer_group_stops_the_save_of_a_cart_with_lines() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let created = app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    assert_eq!(created.status, StatusCode::OK);
    let group = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT customer_group_id FROM quote WHERE customer_id = 2 AND is_active = 1",
        )
        .fetch_one(&app.state.db.read)
        .await
        .expect("group")
    };
    let customer = json!({"id": 2, "group_id": 999, "email": "jdoe@example.com"});
    let r = app
        .put(
            "/rest/V1/carts/mine",
            &jane,
            &json!({"quote": {"customer": customer}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    assert_eq!(group().await, 999);
    let refused = json!({"message": "No such entity with %fieldName = %fieldValue",
                         "parameters": {"fieldName": "id", "fieldValue": 999}});
    let before = app.snapshot().await;
    let r = app
        .put(
            "/rest/V1/carts/mine",
            &jane,
            &json!({"quote": {"customer": customer, "items": [{"sku": "24-WB01", "qty": 1}]}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::NOT_FOUND, refused.clone()));
    assert_eq!(app.snapshot().await, before);
    // A known group on the same save goes through; then the unknown one is refused for the
    // line the cart now has.
    let known = json!({"id": 2, "group_id": 1, "email": "jdoe@example.com"});
    let r = app
        .put(
            "/rest/V1/carts/mine",
            &jane,
            &json!({"quote": {"customer": known, "items": [{"sku": "24-WB01", "qty": 1}]}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    assert_eq!(group().await, 1);
    let before = app.snapshot().await;
    let r = app
        .put(
            "/rest/V1/carts/mine",
            &jane,
            &json!({"quote": {"customer": customer}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::NOT_FOUND, refused));
    assert_eq!(app.snapshot().await, before);
}

/// `DataObjectProcessor` prints the null of a getter declared `string`/`int`/`string[]` and
/// leaves out a nullable one's: a cart's address always shows region, country, street (`[""]`
/// for none: `Quote\Address::getStreet`), telephone, postcode, city, names and e-mail.
#[tokio::test]
async fn an_address_prints_its_unset_required_getters_as_null() {
    let app = spawn_app().await;
    let mask = app.post("/rest/V1/guest-carts", "", &json!({})).await.body;
    let mask = mask.as_str().expect("a mask");
    let cart = app
        .get(&format!("/rest/V1/guest-carts/{mask}"), "")
        .await
        .body;
    assert_eq!(
        cart["billing_address"],
        json!({"id": 0, "region": null, "region_id": null, "region_code": null,
            "country_id": null, "street": [""], "telephone": null, "postcode": null,
            "city": null, "firstname": null, "lastname": null, "email": null,
            "same_as_billing": 0, "save_in_address_book": 0})
    );
    let r = app
        .post(
            &format!("/rest/V1/guest-carts/{mask}/billing-address"),
            "",
            &json!({"address": {"firstname": "Jane", "lastname": "Doe", "street": ["1 Main St"],
                "city": "Paris", "postcode": "75001", "country_id": "FR",
                "telephone": "0102030405", "email": "jane@example.com"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let address = app
        .get(&format!("/rest/V1/guest-carts/{mask}/billing-address"), "")
        .await
        .body;
    let id = address["id"].as_i64().expect("an address id");
    assert_eq!(
        address,
        json!({"id": id, "region": null, "region_id": null, "region_code": null,
            "country_id": "FR", "street": ["1 Main St"], "telephone": "0102030405",
            "postcode": "75001", "city": "Paris", "firstname": "Jane", "lastname": "Doe",
            "email": "jane@example.com", "same_as_billing": 0, "save_in_address_book": 0})
    );
}

/// `Quote\Address::getEmail`: an address without an e-mail shows the cart's `customer_email`
/// (a customer's cart carries the customer's).
#[tokio::test]
async fn an_address_without_email_shows_the_carts() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let r = app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let mut posted = address();
    posted.as_object_mut().unwrap().remove("email");
    let r = app
        .post(
            "/rest/V1/carts/mine/billing-address",
            &jane,
            &json!({ "address": posted }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let address = app
        .get("/rest/V1/carts/mine/billing-address", &jane)
        .await
        .body;
    assert_eq!(address["email"], "jdoe@example.com", "{address}");
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    assert_eq!(cart["billing_address"]["email"], "jdoe@example.com");
}

/// `quote_address` keeps no region code: `getRegionId` finds the country's region by the
/// region text's (else the posted) code, and `getRegionCode` is the region id's code, the text
/// without one. A region id alone reads back with its name and code; a posted code that
/// contradicts the id is the id's.
#[tokio::test]
async fn a_cart_address_region_is_worked_out_from_the_directory() {
    let app = spawn_app().await;
    let mask = app.post("/rest/V1/guest-carts", "", &json!({})).await.body;
    let mask = mask.as_str().expect("a mask").to_owned();
    let path = format!("/rest/V1/guest-carts/{mask}/billing-address");
    let base = json!({"firstname": "Jane", "lastname": "Doe", "street": ["1 Main St"],
        "city": "Los Angeles", "postcode": "90001", "country_id": "US",
        "telephone": "5551234", "email": "jane@example.com"});
    for (region, expected) in [
        (
            json!({"region_id": 12}),
            json!({"region": "California", "region_id": 12, "region_code": "CA"}),
        ),
        (
            json!({"region": "CA"}),
            json!({"region": "CA", "region_id": 12, "region_code": "CA"}),
        ),
        (
            json!({"region_id": 12, "region_code": "XX"}),
            json!({"region": "California", "region_id": 12, "region_code": "CA"}),
        ),
        (
            json!({"region_code": "TX"}),
            json!({"region": null, "region_id": 57, "region_code": "TX"}),
        ),
        (
            json!({"region": "Somewhere"}),
            json!({"region": "Somewhere", "region_id": null, "region_code": "Somewhere"}),
        ),
    ] {
        let mut address = base.clone();
        for (k, v) in region.as_object().unwrap() {
            address[k] = v.clone();
        }
        let r = app.post(&path, "", &json!({ "address": address })).await;
        assert_eq!(r.status, StatusCode::OK, "{region}: {:?}", r.body);
        let got = app.get(&path, "").await.body;
        assert_eq!(
            json!({"region": got["region"], "region_id": got["region_id"],
                "region_code": got["region_code"]}),
            expected,
            "{region}"
        );
    }
}
