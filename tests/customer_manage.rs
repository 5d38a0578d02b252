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
        // An admin passes the `self` check; the forced customerId is then null.
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "\"%fieldName\" is required. Enter and try again.",
                    "parameters": {"fieldName": "customerId"}})
            ),
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

/// Jane as `GET /V1/customers/2` prints her, `updated_at` taken from `actual` (the save's
/// clock) after checking it moved.
fn jane_with(actual: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let mut expected = fixture("step06-customer-response.json");
    change(&mut expected);
    assert_ne!(
        actual["updated_at"], expected["updated_at"],
        "updated_at moves"
    );
    expected["updated_at"] = actual["updated_at"].clone();
    expected
}

/// The admin's PUT lays the body over the stored customer: one field changes one field,
/// addresses and defaults stay; a posted list of addresses replaces hers (an `id` updates that
/// address, an entry without one is new, her flags set the defaults).
#[tokio::test]
async fn an_admin_update_changes_what_the_body_sets() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let r = app
        .put(
            "/rest/V1/customers/2",
            &admin,
            &json!({"customer": {"lastname": "Roe", "middlename": null, "created_at": "2001-01-01 00:00:00"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let expected = jane_with(&r.body, |j| j["lastname"] = json!("Roe"));
    assert_eq!(r.body, expected);
    assert_eq!(app.get("/rest/V1/customers/2", &admin).await.body, expected);
    // Her password is the one she had.
    app.customer_token("jdoe@example.com", "Password1").await;

    let r = app
        .put(
            "/rest/V1/customers/2",
            &admin,
            &json!({"customer": {"addresses": [
                {"id": 2, "city": "Albany", "postcode": "12207"},
                {"firstname": "Jane", "lastname": "Roe", "street": ["1 Main St."], "city": "Austin",
                 "region_id": 57, "region": {"region_code": "TX", "region": "Texas"},
                 "postcode": "78701", "country_id": "US", "telephone": "512-555-0000",
                 "default_billing": true}
            ]}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let expected = jane_with(&r.body, |j| {
        j["lastname"] = json!("Roe");
        j["default_billing"] = json!("3");
        let mut albany = janes_address();
        albany["city"] = json!("Albany");
        albany["postcode"] = json!("12207");
        albany.as_object_mut().unwrap().remove("default_billing");
        j["addresses"] = json!([albany, {
            "id": 3, "customer_id": 2,
            "region": {"region_code": "TX", "region": "Texas", "region_id": 57}, "region_id": 57,
            "country_id": "US", "street": ["1 Main St."], "telephone": "512-555-0000",
            "postcode": "78701", "city": "Austin", "firstname": "Jane", "lastname": "Roe",
            "default_billing": true
        }]);
    });
    assert_eq!(r.body, expected);

    // An empty list deletes them all, and the defaults with them.
    let r = app
        .put(
            "/rest/V1/customers/2",
            &admin,
            &json!({"customer": {"addresses": []}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["addresses"], json!([]));
    assert_eq!(r.body.get("default_billing"), None);
    assert_eq!(r.body.get("default_shipping"), None);
}

/// What the admin's PUT refuses, each with Magento's status and body, and nothing written.
#[tokio::test]
async fn an_admin_update_refuses_as_magento_does() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let other = app
        .post_anonymous(
            "/rest/V1/customers",
            &json!({"customer": {"email": "pat@example.com", "firstname": "Pat", "lastname": "Roe"}}),
        )
        .await;
    assert_eq!(other.status, StatusCode::OK, "{:?}", other.body);
    let before = app.snapshot().await;
    let input = |message: &str| json!({"message": message});
    let cases = [
        (
            "/rest/V1/customers/-1",
            json!({"customer": {"lastname": "Roe"}}),
            StatusCode::NOT_FOUND,
            no_such("customerId", json!(-1)),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"id": 77, "email": "x@example.com"}}),
            StatusCode::NOT_FOUND,
            no_such("customerId", json!(77)),
        ),
        (
            "/rest/V1/customers/2",
            json!({"passwordHash": "x"}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "customer"}}),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"default_billing": "99"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The %fieldName value is invalid. Set the correct value and try again.",
                   "parameters": {"fieldName": "default_billing"}}),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"group_id": 99}}),
            StatusCode::BAD_REQUEST,
            input("The specified customer group id does not exist."),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"email": "PAT@example.com"}}),
            StatusCode::BAD_REQUEST,
            input(
                "A customer with the same email address already exists in an associated website.",
            ),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"firstname": " ", "email": "not-an-email"}}),
            StatusCode::BAD_REQUEST,
            input("\"First Name\" is a required value.\n\"Email\" is not a valid email address."),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"addresses": [{"id": 99, "city": "Albany"}]}}),
            StatusCode::NOT_FOUND,
            no_such("addressId", json!(99)),
        ),
        (
            "/rest/V1/customers/2",
            json!({"customer": {"addresses": [{"id": 2, "city": ""}]}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "city"}}),
        ),
    ];
    for (path, body, status, expected) in cases {
        let r = app.put(path, &admin, &body).await;
        assert_eq!((r.status, &r.body), (status, &expected), "{body}");
    }
    let r = app
        .put(
            "/rest/V1/customers/2",
            &jane,
            &json!({"customer": {"lastname": "Roe"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            unauthorized("Magento_Customer::manage")
        )
    );
    assert!(app.snapshot().await == before, "refusals changed nothing");
}

/// `PUT /V1/customers/me`: the token's customer, whatever id, group or website the body names;
/// the body is the customer (no stored one under it), so the e-mail and names must be there.
#[tokio::test]
async fn a_customer_updates_herself() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let before = app.snapshot().await;
    for (body, message) in [
        (
            json!({"customer": {"firstname": "Janet", "lastname": "Doe"}}),
            "The customer email is missing. Enter and try again.",
        ),
        (
            json!({"customer": {"email": "jdoe@example.com", "lastname": "Doe"}}),
            "\"First Name\" is a required value.",
        ),
    ] {
        let r = app.put("/rest/V1/customers/me", &jane, &body).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::BAD_REQUEST, json!({"message": message})),
            "{body}"
        );
    }
    let r = app
        .put(
            "/rest/V1/customers/me",
            &admin,
            &json!({"customer": {"email": "jdoe@example.com", "firstname": "Janet", "lastname": "Doe"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::UNAUTHORIZED, unauthorized("self"))
    );
    assert!(app.snapshot().await == before, "refusals changed nothing");

    let r = app
        .put(
            "/rest/V1/customers/me",
            &jane,
            &json!({"customer": {"id": 7, "group_id": 3, "website_id": 9, "store_id": 9,
                    "email": "jdoe@example.com", "firstname": "Janet", "lastname": "Doe",
                    "gender": 2}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let expected = jane_with(&r.body, |j| {
        j["firstname"] = json!("Janet");
        j["gender"] = json!(2);
    });
    let order: Vec<&String> = r.body.as_object().unwrap().keys().collect();
    assert_eq!(r.body, expected, "keys in order: {order:?}");
    let me = app.get("/rest/V1/customers/me", &jane).await;
    assert_eq!(me.body, expected);
}

/// `PUT /V1/customers/validate` (`AccountManagement::validate`): only required attributes
/// without a value fail, in the validator's order, as rendered messages; Magento's
/// api-functional `testValidateCustomerData` (Jane without her names) and integration
/// `ValidateTest::testValidateFields` (an empty customer; a whole one). Malformed values that
/// a save would refuse are valid here; a body without `customer` or with a mistyped field is
/// the input processor's 400; nothing is ever written.
#[tokio::test]
async fn validate_reports_only_missing_required_attributes() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let before = app.snapshot().await;
    let validate = |body: Value| {
        let (app, admin) = (&app, &admin);
        async move { app.put("/rest/V1/customers/validate", admin, &body).await }
    };
    let empty = |label: &str| {
        format!("The \"{label}\" attribute value is empty. Set the attribute and try again.")
    };
    let mut jane = fixture("step06-customer-response.json");
    jane["firstname"] = Value::Null;
    jane["lastname"] = json!("");
    let r = validate(json!({"customer": jane})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"valid": false, "messages": [empty("First Name"), empty("Last Name")]})
        )
    );
    let r = validate(json!({"customer": {}})).await;
    assert_eq!(
        r.body,
        json!({"valid": false, "messages": [empty("Associate to Website"), empty("Group"),
                                            empty("First Name"), empty("Last Name"),
                                            empty("Email")]})
    );
    let whole = json!({"customer": {"website_id": 1, "group_id": 1, "firstname": "Jane",
                                    "lastname": "Doe", "email": "janedoe@example.com"}});
    let r = validate(whole).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, json!({"valid": true, "messages": []}))
    );
    let odd = json!({"customer": {"id": 999, "website_id": 0, "group_id": 0, "firstname": " ",
                                  "lastname": "Doe", "email": "no e-mail", "dob": "yesterday",
                                  "gender": 99}});
    assert_eq!(
        validate(odd).await.body,
        json!({"valid": true, "messages": []})
    );
    let r = validate(json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "customer"}})
        )
    );
    let r = validate(json!({"customer": {"gender": "abc"}})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
    // Of two mistyped fields, the one posted first is named (the input processor's order).
    for (body, named) in [
        (
            json!({"customer": {"website_id": "", "group_id": ""}}),
            "website_id",
        ),
        (
            json!({"customer": {"group_id": "", "website_id": ""}}),
            "group_id",
        ),
    ] {
        let r = validate(body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.to_string().contains(named), "{:?}", r.body);
    }
    let r = validate(json!({"customer": {"favourite_colour": "red"}})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
    let jane_token = app.customer_token("jdoe@example.com", "Password1").await;
    for token in ["", jane_token.as_str()] {
        let r = app
            .put(
                "/rest/V1/customers/validate",
                token,
                &json!({"customer": {}}),
            )
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::UNAUTHORIZED,
                unauthorized("Magento_Customer::manage")
            )
        );
    }
    assert_eq!(app.snapshot().await, before);
}
