//! `PUT /V1/customers/me/password` (`AccountManagementInterface::changePasswordById`): the
//! current password checked (wrong ones counted, ten lock the account), the new one checked
//! (not the e-mail, then its strength), then saved; the customer's token stays good. And
//! `POST /V1/integration/customer/revoke-customer-token`.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PATH: &str = "/rest/V1/customers/me/password";

fn change(current: &str, new: &str) -> Value {
    json!({"currentPassword": current, "newPassword": new})
}

fn mismatch() -> Value {
    json!({"message": "The password doesn't match this account. Verify the password and try again."})
}

/// Jane changes her password: `true`; the old one no longer signs in, the new one does, and
/// the token she changed it with still reads her account.
#[tokio::test]
async fn a_customer_changes_her_password() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let r = app
        .put(
            PATH,
            &jane,
            &json!({"current_password": "Password1", "new_password": "Better-Pass9"}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let old = app
        .post(
            "/rest/V1/integration/customer/token",
            "",
            &json!({"username": "jdoe@example.com", "password": "Password1"}),
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED, "{:?}", old.body);
    let new = app.customer_token("jdoe@example.com", "Better-Pass9").await;
    assert!(!new.is_empty());
    let r = app.get("/rest/V1/customers/me", &jane).await;
    assert_eq!(
        (r.status, &r.body["email"]),
        (StatusCode::OK, &json!("jdoe@example.com"))
    );
}

/// What the route refuses, in Magento's order and words; a refused new password changes
/// nothing (the old password still works).
#[tokio::test]
async fn refused_password_changes() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let required = |field: &str| {
        json!({"message": "\"%fieldName\" is required. Enter and try again.",
               "parameters": {"fieldName": field}})
    };
    let cases = [
        (
            json!({"newPassword": "Better-Pass9"}),
            StatusCode::BAD_REQUEST,
            required("currentPassword"),
        ),
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.",
                   "errors": [
                       {"message": "\"%fieldName\" is required. Enter and try again.",
                        "parameters": {"fieldName": "currentPassword"}},
                       {"message": "\"%fieldName\" is required. Enter and try again.",
                        "parameters": {"fieldName": "newPassword"}}]}),
        ),
        (
            change("Password1", "JDOE@example.com"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password can't be the same as the email address. Create a new password and try again."}),
        ),
        (
            change("Password1", "Short1!"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password needs at least %1 characters. Create a new password and try again.",
                "parameters": ["8"]}),
        ),
        (
            change("Password1", ""),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password needs at least %1 characters. Create a new password and try again.",
                "parameters": ["8"]}),
        ),
        (
            change("Password1", " Spaced-Pass9 "),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password can't begin or end with a space. Verify the password and try again."}),
        ),
        (
            change("Password1", "alllowercase"),
            StatusCode::BAD_REQUEST,
            json!({"message": "Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.",
                "parameters": ["3"]}),
        ),
        (
            change("wrong", "Better-Pass9"),
            StatusCode::UNAUTHORIZED,
            mismatch(),
        ),
    ];
    for (body, status, expected) in cases {
        let r = app.put(PATH, &jane, &body).await;
        assert_eq!((r.status, &r.body), (status, &expected), "{body}");
    }
    let r = app
        .put(PATH, "", &change("Password1", "Better-Pass9"))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                   "parameters": {"resources": "self"}})
        )
    );
    // Nothing changed: the old password signs in.
    assert!(!app
        .customer_token("jdoe@example.com", "Password1")
        .await
        .is_empty());
}

/// Ten wrong current passwords in a row lock the account (`customer/password/lockout_failures`):
/// the tenth answer is `The account is locked.`, and so is the next wrong one; the failures are
/// kept although each request failed.
#[tokio::test]
async fn ten_wrong_passwords_lock_the_account() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let locked = json!({"message": "The account is locked."});
    for n in 1..=11 {
        let r = app.put(PATH, &jane, &change("wrong", "Better-Pass9")).await;
        let expected = if n < 10 { mismatch() } else { locked.clone() };
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, expected),
            "attempt {n}"
        );
    }
    // A locked account signs in with no password, the right one included
    // (`AccountManagement::authenticate` looks at the lock first).
    let r = app
        .post(
            "/rest/V1/integration/customer/token",
            "",
            &json!({"username": "jdoe@example.com", "password": "Password1"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{:?}", r.body);
}

/// Wrong passwords at sign-in count on the customer too (until the sign-in throttle stops
/// looking, after 6): six of them and four wrong current passwords lock the account.
#[tokio::test]
async fn wrong_sign_ins_count_toward_the_lock() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    for _ in 0..8 {
        let r = app
            .post(
                "/rest/V1/integration/customer/token",
                "",
                &json!({"username": "jdoe@example.com", "password": "nope"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    for n in 7..=10 {
        let r = app.put(PATH, &jane, &change("wrong", "Better-Pass9")).await;
        let expected = if n < 10 {
            mismatch()
        } else {
            json!({"message": "The account is locked."})
        };
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, expected),
            "failure {n}"
        );
    }
}

/// `POST /V1/integration/customer/revoke-customer-token`: `true`, and every token of hers
/// (the one used included) is refused afterwards with the `self` 401; a new sign-in works.
#[tokio::test]
async fn a_customer_revokes_her_tokens() {
    let app = spawn_app().await;
    let first = app.customer_token("jdoe@example.com", "Password1").await;
    let second = app.customer_token("jdoe@example.com", "Password1").await;
    let path = "/rest/V1/integration/customer/revoke-customer-token";
    let r = app.post(path, &first, &json!({})).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let refused = json!({"message": "The consumer isn't authorized to access %resources.",
                         "parameters": {"resources": "self"}});
    for token in [&first, &second] {
        let r = app.get("/rest/V1/customers/me", token).await;
        assert_eq!((r.status, &r.body), (StatusCode::UNAUTHORIZED, &refused));
    }
    let r = app.post(path, &first, &json!({})).await;
    assert_eq!((r.status, r.body), (StatusCode::UNAUTHORIZED, refused));
    let third = app.customer_token("jdoe@example.com", "Password1").await;
    let r = app.get("/rest/V1/customers/me", &third).await;
    assert_eq!(r.status, StatusCode::OK);
}
