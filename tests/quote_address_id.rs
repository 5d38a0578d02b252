//! A posted cart address `id` must name an address of that cart: Magento 2.4.8's REST-only
//! plugin `Quote\Plugin\QuoteAddress` runs `QuoteAddressValidator::validateWithExistingAddress`
//! before every `Quote::setBillingAddress` / `setShippingAddress`, and each route answers the
//! refusal its own way (research helper-101): billing-address, payment-information,
//! set-payment-information, totals-information and `PUT /V1/carts/mine` as the 404 itself,
//! shipping-information inside its "unable to be saved" 400. A refusal changes nothing.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn address(extra: Value) -> Value {
    let mut a = json!({"region": "New York", "region_id": 43, "region_code": "NY",
        "country_id": "US", "street": ["160 1st St."], "postcode": "11501", "city": "Mineola",
        "firstname": "Jane", "lastname": "Doe", "email": "jdoe@example.com",
        "telephone": "516-555-1111"});
    if let (Some(a), Value::Object(extra)) = (a.as_object_mut(), extra) {
        a.extend(extra);
    }
    a
}

/// Jane's new cart with one 24-WB01, its shipping and billing addresses saved: her token and
/// the cart's (billing, shipping) address ids.
async fn cart_with_addresses(app: &TestApp) -> (String, i64, i64) {
    let jane = app.jane_with_cart("24-WB01", 1).await;
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &json!({"addressInformation": {"shipping_address": address(json!({})),
                "billing_address": address(json!({})),
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}}),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    let billing = cart["billing_address"]["id"]
        .as_i64()
        .expect("a billing id");
    let shipping = cart["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"]
        ["id"]
        .as_i64()
        .expect("a shipping id");
    (jane, billing, shipping)
}

/// A guest cart's billing address id (an address of another cart).
async fn guest_billing_id(app: &TestApp) -> i64 {
    let mask = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = mask.body.as_str().expect("a masked id").to_owned();
    let base = format!("/rest/V1/guest-carts/{mask}");
    let set = app
        .post_anonymous(
            &format!("{base}/billing-address"),
            &json!({"address": address(json!({"city": "Albany"}))}),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{:?}", set.body);
    set.body.as_i64().expect("the new billing id")
}

fn not_the_carts(id: i64) -> Value {
    json!({"message": "Invalid quote address id %1", "parameters": [id]})
}

#[tokio::test]
async fn billing_address_routes_take_only_an_id_of_the_carts_own_addresses() {
    let app = spawn_app().await;
    let (jane, billing, _) = cart_with_addresses(&app).await;
    let foreign = guest_billing_id(&app).await;
    let path = "/rest/V1/carts/mine/billing-address";
    let before = app.snapshot().await;
    for id in [999_999, foreign, -3] {
        let r = app
            .post(path, &jane, &json!({"address": address(json!({"id": id}))}))
            .await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::NOT_FOUND, not_the_carts(id)),
            "{id}"
        );
    }
    // A numeric string is the same id (the input processor makes it an int).
    let r = app
        .post(
            path,
            &jane,
            &json!({"address": address(json!({"id": "999999"}))}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, not_the_carts(999_999))
    );
    assert_eq!(app.snapshot().await, before);
    // The admin's route and a guest's refuse it the same way.
    let admin = app.token().await;
    let cart_id = app.get("/rest/V1/carts/mine", &jane).await.body["id"].clone();
    let r = app
        .post(
            &format!("/rest/V1/carts/{cart_id}/billing-address"),
            &admin,
            &json!({"address": address(json!({"id": 999_999}))}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, not_the_carts(999_999))
    );
    let mask = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = mask.body.as_str().expect("a masked id").to_owned();
    let r = app
        .post_anonymous(
            &format!("/rest/V1/guest-carts/{mask}/billing-address"),
            &json!({"address": address(json!({"id": billing}))}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, not_the_carts(billing))
    );
    // Her own billing id passes (what Magento then does with the fields on this route, which
    // removes the cart's billing address first, is left alone: README).
    let r = app
        .post(
            path,
            &jane,
            &json!({"address": address(json!({"id": billing}))}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

#[tokio::test]
async fn shipping_information_refuses_it_inside_its_own_message() {
    let app = spawn_app().await;
    let (jane, billing, shipping) = cart_with_addresses(&app).await;
    let before = app.snapshot().await;
    let info = |shipping_id: i64, billing_id: i64| {
        json!({"addressInformation": {
            "shipping_address": address(json!({"id": shipping_id, "city": "Rye"})),
            "billing_address": address(json!({"id": billing_id, "city": "Rye"})),
            "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"}})
    };
    let path = "/rest/V1/carts/mine/shipping-information";
    // The billing address is checked first.
    for (shipping_id, billing_id, named) in [
        (999_998, 999_999, 999_999),
        (shipping, 999_999, 999_999),
        (999_998, billing, 999_998),
    ] {
        let r = app.post(path, &jane, &info(shipping_id, billing_id)).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "The shipping information was unable to be saved. Error: \"%message\"",
                       "parameters": {"message": format!("Invalid quote address id {named}")}})
            ),
            "{shipping_id} {billing_id}"
        );
    }
    assert_eq!(app.snapshot().await, before);
    let r = app.post(path, &jane, &info(shipping, billing)).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

#[tokio::test]
async fn payment_and_totals_routes_refuse_it_as_it_is() {
    let app = spawn_app().await;
    let (jane, _, _) = cart_with_addresses(&app).await;
    let before = app.snapshot().await;
    let paying = json!({"paymentMethod": {"method": "checkmo"},
        "billing_address": address(json!({"id": 999_999}))});
    for path in [
        "/rest/V1/carts/mine/payment-information",
        "/rest/V1/carts/mine/set-payment-information",
    ] {
        let r = app.post(path, &jane, &paying).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::NOT_FOUND, not_the_carts(999_999)),
            "{path}"
        );
    }
    let totals = "/rest/V1/carts/mine/totals-information";
    let r = app
        .post(
            totals,
            &jane,
            &json!({"addressInformation": {"address": address(json!({"id": 999_999}))}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, not_the_carts(999_999))
    );
    // No order, no payment, no address changed.
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn cart_save_checks_the_billing_id_as_it_reads_the_quote() {
    let app = spawn_app().await;
    let (jane, billing, shipping) = cart_with_addresses(&app).await;
    let path = "/rest/V1/carts/mine";
    let before = app.snapshot().await;
    // The cart's own billing id, but the body sets the billing address before the quote's id
    // (or has no id): Magento checks it against a quote without one. The check comes before
    // the customer's (another customer id would be 400 Invalid state change requested).
    for body in [
        json!({"quote": {"customer": {"id": 2},
            "billing_address": {"id": billing, "city": "Rye"}}}),
        json!({"quote": {"billing_address": {"id": billing, "city": "Rye"}, "id": 1,
            "customer": {"id": 99}}}),
        json!({"quote": {"id": 1, "customer": {"id": 2},
            "billing_address": {"id": 999_999, "city": "Rye"}}}),
    ] {
        let id = body["quote"]["billing_address"]["id"]
            .as_i64()
            .expect("an id");
        let r = app.put(path, &jane, &body).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::NOT_FOUND, not_the_carts(id)),
            "{body}"
        );
    }
    // A shipping assignment's address is checked in the save, after the billing address.
    let assigned = |id: i64| {
        json!({"quote": {"id": 1, "customer": {"id": 2},
            "billing_address": {"id": billing, "city": "Rye"},
            "extension_attributes": {"shipping_assignments": [{"shipping": {
                "address": address(json!({"id": id, "city": "Rye"})),
                "method": "flatrate_flatrate"}, "items": []}]}}})
    };
    let r = app.put(path, &jane, &assigned(999_998)).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, not_the_carts(999_998))
    );
    assert_eq!(app.snapshot().await, before);
    // With the quote's id first, her own ids pass and the fields are saved.
    let r = app.put(path, &jane, &assigned(shipping)).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let cart = app.get(path, &jane).await.body;
    assert_eq!(cart["billing_address"]["city"], json!("Rye"));
    assert_eq!(
        cart["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"]["city"],
        json!("Rye")
    );
}
