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

/// The control API, as `tests/outbox.rs` calls it.
async fn control(app: &common::TestApp, method: reqwest::Method, path: &str, body: Value) -> Value {
    let resp = app
        .client
        .request(method, app.url(path))
        .json(&body)
        .send()
        .await
        .expect("control call");
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.json().await.unwrap_or(Value::Null)
}

/// `POST /V1/integration/customer/token`.
async fn sign_in(app: &common::TestApp, username: &str, password: &str) -> common::Reply {
    app.post(
        "/rest/V1/integration/customer/token",
        "",
        &json!({"username": username, "password": password}),
    )
    .await
}

const RESET: &str = "/rest/V1/customers/password";
const RESET_PASSWORD: &str = "/rest/V1/customers/resetPassword";

/// The emulated clock set to `time` (control API).
async fn set_time(app: &common::TestApp, time: &str) {
    control(
        app,
        reqwest::Method::PUT,
        "/magemu/clock",
        json!({"time": time}),
    )
    .await;
}

/// The emulated clock moved on by `seconds`.
async fn advance(app: &common::TestApp, seconds: i64) {
    control(
        app,
        reqwest::Method::PUT,
        "/magemu/clock",
        json!({"advance_seconds": seconds}),
    )
    .await;
}

/// `PUT /V1/customers/password` for `email` with `template`, anonymously.
async fn ask_reset(app: &common::TestApp, email: &str, template: &str) -> common::Reply {
    app.put(RESET, "", &json!({"email": email, "template": template}))
        .await
}

/// Jane's password reset to `Better-Pass9` with `token`: `true`, and the new password signs in.
async fn resets_to_better_pass(app: &common::TestApp, token: &str) {
    let r = app
        .post(
            RESET_PASSWORD,
            "",
            &json!({"email": "jdoe@example.com", "resetToken": token, "newPassword": "Better-Pass9"}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    assert!(!app
        .customer_token("jdoe@example.com", "Better-Pass9")
        .await
        .is_empty());
}

/// The token of the newest password reset e-mail to `email`, from its link in the outbox.
async fn reset_token_of(app: &common::TestApp, email: &str) -> String {
    let mails = control(
        app,
        reqwest::Method::GET,
        &format!("/magemu/outbox?to={email}"),
        Value::Null,
    )
    .await;
    let link = mails
        .as_array()
        .and_then(|m| m.last())
        .and_then(|m| m["link"].as_str())
        .expect("a reset e-mail with a link")
        .to_owned();
    link.rsplit_once("token=").expect("a token").1.to_owned()
}

fn security(text: &str) -> Value {
    json!({"message": text, "parameters": ["hello@example.com"]})
}

/// Jane forgets her password: the reset e-mail (Magento's template, her name, a link with a
/// 32-digit token) is in the outbox; the token checks out, resets her password (`true`), and
/// is used up; the new password signs in, the old one no longer does.
#[tokio::test]
async fn a_customer_resets_a_forgotten_password() {
    let app = spawn_app().await;
    let r = ask_reset(&app, "jdoe@example.com", "email_reset").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let mails = control(
        &app,
        reqwest::Method::GET,
        "/magemu/outbox?to=jdoe@example.com",
        Value::Null,
    )
    .await;
    let mail = mails
        .as_array()
        .and_then(|m| m.last())
        .expect("a mail")
        .clone();
    let token = reset_token_of(&app, "jdoe@example.com").await;
    assert_eq!(token.len(), 32);
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        common::without(&mail, &["id", "time", "entity_id", "store_id"]),
        json!({"template": "customer_password_forgot_email_template",
            "to": "jdoe@example.com", "name": "Jane Doe", "entity_type": "customer",
            "increment_id": null, "order_id": null, "comment": null,
            "link": format!("customer/account/createPassword/?token={token}")})
    );

    let check = format!(
        "/rest/V1/customers/{}/password/resetLinkToken/{token}",
        mail["entity_id"]
    );
    let r = app.get(&check, "").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));

    resets_to_better_pass(&app, &token).await;
    let old = sign_in(&app, "jdoe@example.com", "Password1").await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);

    // Used up: the token is gone with the reset.
    let mismatched = json!({"message": "The password token is mismatched. Reset and try again."});
    let r = app.get(&check, "").await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, mismatched.clone())
    );
    let r = app
        .post(
            RESET_PASSWORD,
            "",
            &json!({"email": "jdoe@example.com", "resetToken": token, "newPassword": "Other-Pass9"}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::BAD_REQUEST, mismatched));
}

/// What `PUT /V1/customers/password` refuses, in Magento's order: missing fields; then the
/// security checks (a second request within ten minutes, from the same address or for the
/// same e-mail; a sixth within the hour, in the same words); an unknown e-mail (404, the request still counted); an
/// unknown template (400, after the token was changed: Magento saved it first).
#[tokio::test]
async fn refused_reset_requests() {
    let app = spawn_app().await;
    let r = app.put(RESET, "", &json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "email"}},
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "template"}}]})
        )
    );
    set_time(&app, "2026-03-01 10:00:00").await;

    // An unknown e-mail: 404 with the website as given (or the current store's, a string).
    let r = app
        .put(
            RESET,
            "",
            &json!({"email": "nobody@example.com", "template": "email_reset", "websiteId": 0}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
                "parameters": {"fieldName": "email", "fieldValue": "nobody@example.com",
                    "field2Name": "websiteId", "field2Value": 0}})
        )
    );
    // Counted all the same: the next request from this address within ten minutes is refused.
    let before = app.snapshot().await;
    let r = ask_reset(&app, "jdoe@example.com", "email_reset").await;
    let too_frequent = security(
        "We received too many requests for password resets. Please wait and try again later or contact %1.",
    );
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, too_frequent.clone())
    );
    assert_eq!(
        app.snapshot().await,
        before,
        "a refused request changes nothing"
    );

    // Ten minutes later: an unknown template is refused after the token was saved.
    advance(&app, 600).await;
    let r = ask_reset(&app, "jdoe@example.com", "email_welcome").await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Invalid value of \"%value\" provided for the %fieldName field. Possible values: %template1 or %template2.",
                "parameters": {"value": "email_welcome", "fieldName": "template",
                    "template1": "email_reminder", "template2": "email_reset"}})
        )
    );
    // 9 minutes 59 seconds after that one: still too soon.
    advance(&app, 599).await;
    let r = ask_reset(&app, "jdoe@example.com", "email_reminder").await;
    assert_eq!((r.status, r.body), (StatusCode::BAD_REQUEST, too_frequent));
    // Ten minutes after each: the third, fourth and fifth of the hour pass, the sixth is one
    // too many (the first was 30 minutes before the last).
    for n in 3..=6 {
        let seconds = if n == 3 { 1 } else { 600 };
        advance(&app, seconds).await;
        let r = ask_reset(&app, "jdoe@example.com", "email_reminder").await;
        if n < 6 {
            assert_eq!(
                (r.status, r.body),
                (StatusCode::OK, json!(true)),
                "request {n}"
            );
        } else {
            assert_eq!(
                (r.status, r.body),
                (
                    StatusCode::BAD_REQUEST,
                    security(
                        "We received too many requests for password resets. Please wait and try again later or contact %1.",
                    )
                ),
                "request {n}"
            );
        }
    }
}

/// What the token check and the reset refuse: customer 0, an unknown customer, a wrong token,
/// a token two hours old; a missing field, an empty e-mail or token, an unknown e-mail, the
/// e-mail as the new password, a weak one. None of them changes anything.
#[tokio::test]
async fn refused_tokens_and_resets() {
    let app = spawn_app().await;
    set_time(&app, "2026-03-01 10:00:00").await;
    let r = ask_reset(&app, "jdoe@example.com", "email_reset").await;
    assert_eq!(r.status, StatusCode::OK);
    let token = reset_token_of(&app, "jdoe@example.com").await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let id = app.get("/rest/V1/customers/me", &jane).await.body["id"].clone();
    let link =
        |id: &str, token: &str| format!("/rest/V1/customers/{id}/password/resetLinkToken/{token}");
    let before = app.snapshot().await;

    let cases = [
        (
            link("0", &token),
            StatusCode::BAD_REQUEST,
            json!({"message": "Invalid value of \"%value\" provided for the %fieldName field.",
                "parameters": {"value": 0, "fieldName": "customerId"}}),
        ),
        (
            link("999", &token),
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "customerId", "fieldValue": 999}}),
        ),
        (
            link(&id.to_string(), "0123456789abcdef0123456789abcdef"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password token is mismatched. Reset and try again."}),
        ),
    ];
    for (path, status, body) in cases {
        let r = app.get(&path, "").await;
        assert_eq!((r.status, r.body), (status, body), "{path}");
    }

    let required = |field: &str| {
        json!({"message": "\"%fieldName\" is required. Enter and try again.",
            "parameters": {"fieldName": field}})
    };
    let reset = |email: &str, token: &str, new: &str| json!({"email": email, "resetToken": token, "newPassword": new});
    let posts = [
        (
            json!({"email": "jdoe@example.com", "resetToken": token}),
            StatusCode::BAD_REQUEST,
            required("newPassword"),
        ),
        (
            reset("", &token, "Better-Pass9"),
            StatusCode::BAD_REQUEST,
            required("email"),
        ),
        (
            reset("jdoe@example.com", "", "Better-Pass9"),
            StatusCode::BAD_REQUEST,
            required("resetPasswordLinkToken"),
        ),
        (
            reset("nobody@example.com", &token, "Better-Pass9"),
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
                "parameters": {"fieldName": "email", "fieldValue": "nobody@example.com",
                    "field2Name": "websiteId", "field2Value": "1"}}),
        ),
        (
            reset("jdoe@example.com", &token, "JDOE@example.com"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password can't be the same as the email address. Create a new password and try again."}),
        ),
        (
            reset("jdoe@example.com", &token, "short"),
            StatusCode::BAD_REQUEST,
            json!({"message": "The password needs at least %1 characters. Create a new password and try again.",
                "parameters": ["8"]}),
        ),
    ];
    for (body, status, expected) in posts {
        let r = app.post(RESET_PASSWORD, "", &body).await;
        assert_eq!((r.status, r.body), (status, expected), "{body}");
    }
    assert_eq!(
        app.snapshot().await,
        before,
        "refused checks and resets change nothing"
    );

    // Two hours on, the token has expired.
    advance(&app, 7200).await;
    let expired = json!({"message": "The password token is expired. Reset and try again."});
    let r = app.get(&link(&id.to_string(), &token), "").await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, expired.clone())
    );
    let r = app
        .post(
            RESET_PASSWORD,
            "",
            &reset("jdoe@example.com", &token, "Better-Pass9"),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::BAD_REQUEST, expired));
}

/// A reset opens a locked account: ten wrong current passwords lock it, the reset clears the
/// count, and the new password signs in.
#[tokio::test]
async fn a_reset_unlocks_the_account() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    for _ in 0..10 {
        app.put(PATH, &jane, &change("wrong", "Better-Pass9")).await;
    }
    let r = sign_in(&app, "jdoe@example.com", "Password1").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "locked");
    let r = ask_reset(&app, "jdoe@example.com", "email_reset").await;
    assert_eq!(r.status, StatusCode::OK);
    let token = reset_token_of(&app, "jdoe@example.com").await;
    resets_to_better_pass(&app, &token).await;
}

/// An account made without a password: its welcome e-mail links to setting one with the
/// account's reset token (`createAccountWithPasswordHash` gives every new account one), which
/// `resetPassword` takes; then she signs in.
#[tokio::test]
async fn an_account_without_a_password_sets_one_from_its_welcome_e_mail() {
    let app = spawn_app().await;
    let r = app
        .post(
            "/rest/V1/customers",
            "",
            &json!({"customer": {"email": "kim@example.com", "firstname": "Kim", "lastname": "Lee"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let token = reset_token_of(&app, "kim@example.com").await;
    let check = format!(
        "/rest/V1/customers/{}/password/resetLinkToken/{token}",
        r.body["id"]
    );
    let r = app.get(&check, "").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app
        .post(
            RESET_PASSWORD,
            "",
            &json!({"email": "kim@example.com", "resetToken": token, "newPassword": "First-Pass1"}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    assert!(!app
        .customer_token("kim@example.com", "First-Pass1")
        .await
        .is_empty());
}

/// Account confirmation is off (Magento's default), so every account is active: activating
/// (by e-mail, or her own with her token) is `The account is already active.` and resending the
/// confirmation `Confirmation isn't needed.`, once the customer is found and the body holds
/// what the route requires. Nothing changes.
#[tokio::test]
async fn accounts_need_no_confirmation() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let before = app.snapshot().await;
    let active = json!({"message": "The account is already active."});
    let no_such = |email: &str, website: Value| {
        json!({"message": "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
            "parameters": {"fieldName": "email", "fieldValue": email,
                "field2Name": "websiteId", "field2Value": website}})
    };
    let key = json!({"confirmationKey": "abc"});
    let cases = [
        (
            "/rest/V1/customers/me/activate",
            &jane,
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                "parameters": {"fieldName": "confirmationKey"}}),
        ),
        (
            "/rest/V1/customers/me/activate",
            &jane,
            key.clone(),
            StatusCode::BAD_REQUEST,
            active.clone(),
        ),
        (
            "/rest/V1/customers/jdoe@example.com/activate",
            &admin,
            key.clone(),
            StatusCode::BAD_REQUEST,
            active.clone(),
        ),
        (
            "/rest/V1/customers/nobody@example.com/activate",
            &admin,
            key.clone(),
            StatusCode::NOT_FOUND,
            no_such("nobody@example.com", json!("1")),
        ),
        (
            "/rest/V1/customers/jdoe@example.com/activate",
            &jane,
            key.clone(),
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                "parameters": {"resources": "Magento_Customer::manage"}}),
        ),
    ];
    for (path, token, body, status, expected) in cases {
        let r = app.put(path, token, &body).await;
        assert_eq!((r.status, r.body), (status, expected), "{path} {body}");
    }
    let resends = [
        (
            json!({"email": "jdoe@example.com", "websiteId": 1}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Confirmation isn't needed."}),
        ),
        (
            json!({"email": "jdoe@example.com", "websiteId": 2}),
            StatusCode::NOT_FOUND,
            no_such("jdoe@example.com", json!(2)),
        ),
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "email"}},
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "websiteId"}}]}),
        ),
    ];
    for (body, status, expected) in resends {
        let r = app.post("/rest/V1/customers/confirm", &admin, &body).await;
        assert_eq!((r.status, r.body), (status, expected), "{body}");
    }
    assert_eq!(app.snapshot().await, before);
}

/// A new e-mail (or a posted password hash) ends a pending reset: the link sent to the old
/// address no longer works (`CustomerRepository::populateCustomerWithSecureData`).
#[tokio::test]
async fn a_new_e_mail_ends_a_pending_reset() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let r = ask_reset(&app, "jdoe@example.com", "email_reset").await;
    assert_eq!(r.status, StatusCode::OK);
    let token = reset_token_of(&app, "jdoe@example.com").await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let id = app.get("/rest/V1/customers/me", &jane).await.body["id"].clone();
    let check = format!("/rest/V1/customers/{id}/password/resetLinkToken/{token}");
    // A save that keeps the e-mail keeps the reset.
    let r = app
        .put(
            &format!("/rest/V1/customers/{id}"),
            &admin,
            &json!({"customer": {"firstname": "Janet"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(app.get(&check, "").await.body, json!(true));
    let r = app
        .put(
            &format!("/rest/V1/customers/{id}"),
            &admin,
            &json!({"customer": {"email": "janet@example.com"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app.get(&check, "").await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The password token is mismatched. Reset and try again."})
        )
    );
}

/// A confirmation key posted with the customer is kept (AccountManagementTest's sample customer
/// carries `a4fg7h893e39d`): the sign-up's reply hides it (AccountManagementApi), the customer
/// shows it, resending answers `true` with the confirmation e-mail, a wrong key is refused, the
/// right one activates (the key cleared, the `confirmed` e-mail sent, the customer answered),
/// by e-mail or with her own token.
#[tokio::test]
async fn a_posted_confirmation_key_awaits_activation() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let sign_up = |email: &str| {
        json!({"customer": {"email": email, "firstname": "Kay", "lastname": "Key",
            "confirmation": "a4fg7h893e39d"}, "password": "Password1"})
    };
    let made = app
        .post_anonymous("/rest/V1/customers", &sign_up("kay@example.com"))
        .await;
    assert_eq!(made.status, StatusCode::OK, "{:?}", made.body);
    assert_eq!(made.body.get("confirmation"), None);
    let id = made.body["id"].as_i64().expect("id");
    let read = app.get(&format!("/rest/V1/customers/{id}"), &admin).await;
    assert_eq!(read.body["confirmation"], json!("a4fg7h893e39d"));
    let resent = app
        .post(
            "/rest/V1/customers/confirm",
            &admin,
            &json!({"email": "kay@example.com", "websiteId": 1}),
        )
        .await;
    assert_eq!((resent.status, resent.body), (StatusCode::OK, json!(true)));
    let before = app.snapshot().await;
    let wrong = app
        .put(
            "/rest/V1/customers/kay@example.com/activate",
            &admin,
            &json!({"confirmationKey": "nope"}),
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The confirmation token is invalid. Verify the token and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let activated = app
        .put(
            "/rest/V1/customers/kay@example.com/activate",
            &admin,
            &json!({"confirmationKey": "a4fg7h893e39d"}),
        )
        .await;
    assert_eq!(activated.status, StatusCode::OK, "{:?}", activated.body);
    assert_eq!(activated.body["id"], json!(id));
    assert_eq!(activated.body.get("confirmation"), None);
    let again = app
        .put(
            "/rest/V1/customers/kay@example.com/activate",
            &admin,
            &json!({"confirmationKey": "a4fg7h893e39d"}),
        )
        .await;
    assert_eq!(
        again.body,
        json!({"message": "The account is already active."})
    );
    let mails = app.get("/magemu/outbox?to=kay@example.com", "").await.body;
    let templates: Vec<&str> = mails
        .as_array()
        .map(|m| m.iter().filter_map(|x| x["template"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        templates,
        [
            "customer_create_account_email_template",
            "customer_create_account_email_confirmation_template",
            "customer_create_account_email_confirmed_template"
        ]
    );
    // Her own token activates her too.
    app.post_anonymous("/rest/V1/customers", &sign_up("kim2@example.com"))
        .await;
    let kim = app.customer_token("kim2@example.com", "Password1").await;
    let mine = app
        .put(
            "/rest/V1/customers/me/activate",
            &kim,
            &json!({"confirmationKey": "a4fg7h893e39d"}),
        )
        .await;
    assert_eq!(
        (mine.status, &mine.body["email"]),
        (StatusCode::OK, &json!("kim2@example.com"))
    );
}
