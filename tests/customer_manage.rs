//! The admin's customer management beside create and read: `DELETE /V1/customers/{id}`,
//! addresses by id (`GET /V1/customers/addresses/{id}`, `DELETE /V1/addresses/{id}`), the
//! default billing and shipping addresses (admin and `me`), and the account questions
//! (`isEmailAvailable`, `permissions/readonly`, `confirm`).

use crate::common;

use common::{fixture, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn no_such(field: &str, value: Value) -> Value {
    json!({"message": "No such entity with %fieldName = %fieldValue",
           "parameters": {"fieldName": field, "fieldValue": value}})
}

fn unauthorized(resource: &str) -> Value {
    json!({"message": "The consumer isn't authorized to access %resources.",
           "parameters": {"resources": resource}})
}

/// Jane's one address as `AddressInterface` prints it: her default billing and shipping.
fn janes_address() -> Value {
    fixture("step06-customer-response.json")["addresses"][0].clone()
}

/// Deleting Jane: `true`; she, her address and her token are gone, her order keeps her e-mail
/// and names without her id, and nothing else changed. A second delete, an unknown id and a
/// token without the resource are refused and change nothing.
#[tokio::test]
async fn a_deleted_customer_leaves_her_orders_without_her_id() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let before = app.snapshot().await;
    for (token, resource) in [
        (jane.as_str(), "Magento_Customer::delete"),
        ("", "Magento_Customer::delete"),
    ] {
        let r = app.delete("/rest/V1/customers/2", token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, unauthorized(resource))
        );
    }
    let r = app.delete("/rest/V1/customers/-1", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("customerId", json!(-1)))
    );
    assert!(app.snapshot().await == before, "refusals changed nothing");

    let order_before = app.get("/rest/V1/orders/3", &admin).await.body;
    let r = app.delete("/rest/V1/customers/2", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.get("/rest/V1/customers/2", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("customerId", json!(2)))
    );
    let r = app.get("/rest/V1/customers/addresses/2", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("addressId", json!(2)))
    );
    let r = app.get("/rest/V1/customers/me", &jane).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::UNAUTHORIZED, unauthorized("self"))
    );
    let mut order = app.get("/rest/V1/orders/3", &admin).await.body;
    let mut expected = order_before;
    expected.as_object_mut().unwrap().remove("customer_id");
    // What the delete changed on the order is its customer id only.
    order["updated_at"] = expected["updated_at"].clone();
    assert_eq!(order, expected);
    assert_eq!(order["customer_email"], "jdoe@example.com");
    assert_eq!(order["customer_is_guest"], 0);

    let after = app.snapshot().await;
    let r = app.delete("/rest/V1/customers/2", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("customerId", json!(2)))
    );
    assert!(
        app.snapshot().await == after,
        "a second delete changed nothing"
    );
}

/// An address by id and the defaults, for the admin and for the customer herself; deleting the
/// address takes it off her defaults, after which they are `[]` (Magento's `null`).
#[tokio::test]
async fn addresses_and_default_addresses() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    for path in [
        "/rest/V1/customers/addresses/2",
        "/rest/V1/customers/2/billingAddress",
        "/rest/V1/customers/2/shippingAddress",
    ] {
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, janes_address()),
            "{path}"
        );
        let r = app.get(path, &jane).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::UNAUTHORIZED,
                unauthorized("Magento_Customer::manage")
            ),
            "{path}"
        );
    }
    for path in [
        "/rest/V1/customers/me/billingAddress",
        "/rest/V1/customers/me/shippingAddress",
    ] {
        let r = app.get(path, &jane).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, janes_address()),
            "{path}"
        );
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, unauthorized("self")),
            "{path}"
        );
    }
    for path in [
        "/rest/V1/customers/9/billingAddress",
        "/rest/V1/customers/9/shippingAddress",
    ] {
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::NOT_FOUND, no_such("customerId", json!(9))),
            "{path}"
        );
    }
    let r = app.get("/rest/V1/customers/addresses/9", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("addressId", json!(9)))
    );
    let before = app.snapshot().await;
    let r = app.delete("/rest/V1/addresses/9", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("addressId", json!(9)))
    );
    let r = app.delete("/rest/V1/addresses/2", &jane).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(app.snapshot().await == before, "refusals changed nothing");

    let r = app.delete("/rest/V1/addresses/2", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let mut expected = fixture("step06-customer-response.json");
    let object = expected.as_object_mut().unwrap();
    object.remove("default_billing");
    object.remove("default_shipping");
    object["addresses"] = json!([]);
    let r = app.get("/rest/V1/customers/2", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, expected));
    for (path, token) in [
        ("/rest/V1/customers/2/billingAddress", &admin),
        ("/rest/V1/customers/2/shippingAddress", &admin),
        ("/rest/V1/customers/me/billingAddress", &jane),
    ] {
        let r = app.get(path, token).await;
        assert_eq!((r.status, r.body), (StatusCode::OK, json!([])), "{path}");
    }
}

/// `isEmailAvailable` is `true` for any e-mail (2.4.7+ default: guest checkout login off), after
/// Magento's input checks; `readonly` is `false` and `confirm` says no confirmation is needed,
/// for a customer that exists.
#[tokio::test]
async fn account_questions() {
    let app = spawn_app().await;
    let admin = app.token().await;
    for body in [
        json!({"customerEmail": "jdoe@example.com"}),
        json!({"customerEmail": "nobody@example.com", "websiteId": 1}),
    ] {
        let r = app
            .post_anonymous("/rest/V1/customers/isEmailAvailable", &body)
            .await;
        assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)), "{body}");
    }
    let r = app
        .post_anonymous(
            "/rest/V1/customers/isEmailAvailable",
            &json!({"websiteId": 1}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "customerEmail"}})
        )
    );
    let r = app
        .get("/rest/V1/customers/2/permissions/readonly", &admin)
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(false)));
    let r = app.get("/rest/V1/customers/2/confirm", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, json!("account_confirmation_not_required"))
    );
    for path in [
        "/rest/V1/customers/7/permissions/readonly",
        "/rest/V1/customers/7/confirm",
    ] {
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::NOT_FOUND, no_such("customerId", json!(7))),
            "{path}"
        );
    }
}
