//! `POST /V1/integration/admin/token`: credentials, input errors, lockout, persistence.

use crate::common;

use common::{spawn_app, ADMIN};
use reqwest::{Method, StatusCode};
use serde_json::json;

const SIGN_IN: &str = "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.";

#[tokio::test]
async fn a_token_opens_admin_routes() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(token.len(), 32);
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    // A second token works beside the first.
    let other = app.token().await;
    assert_ne!(token, other);
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn wrong_credentials_are_401() {
    let app = spawn_app().await;
    for (user, password) in [("admin", "wrong"), ("nobody", "admin123")] {
        let r = app.login(user, password).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, json!({"message": SIGN_IN}))
        );
    }
}

#[tokio::test]
async fn six_failures_lock_the_account() {
    let app = spawn_app().await;
    for _ in 0..6 {
        assert_eq!(
            app.login(ADMIN.0, "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // The seventh attempt is refused even with the right password.
    let r = app.login(ADMIN.0, ADMIN.1).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::UNAUTHORIZED, json!({"message": SIGN_IN}))
    );
    // Other users are not locked.
    assert_eq!(
        app.login("other", "x").await.status,
        StatusCode::UNAUTHORIZED
    );
}

/// Magento finds users and their failure log under MySQL's `utf8_general_ci`: the admin signs in
/// as `ADMIN ` (`admin/security/use_case_sensitive_login` is off by default), and failures under
/// one spelling of a name lock every spelling, customers' e-mails included.
#[tokio::test]
async fn user_names_are_compared_without_case_as_magentos_columns() {
    let app = spawn_app().await;
    let upper = app.login("ADMIN ", ADMIN.1).await;
    assert_eq!(upper.status, StatusCode::OK, "{:?}", upper.body);
    for _ in 0..6 {
        assert_eq!(
            app.login("Admin", "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.login(ADMIN.0, ADMIN.1).await.status,
        StatusCode::UNAUTHORIZED
    );
    let customer = |user: &'static str, password: &'static str| {
        app.send(
            Method::POST,
            "/rest/V1/integration/customer/token",
            None,
            Some("application/json"),
            Some(json!({"username": user, "password": password}).to_string()),
        )
    };
    for _ in 0..6 {
        assert_eq!(
            customer("jdoe@example.com", "wrong").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = customer("JDOE@example.com", "Password1").await;
    assert_eq!(
        (locked.status, locked.body),
        (StatusCode::UNAUTHORIZED, json!({"message": SIGN_IN}))
    );
}

#[tokio::test]
async fn a_long_user_name_is_logged_as_magentos_column_holds_it() {
    let app = spawn_app().await;
    let long = "u".repeat(100_000);
    for _ in 0..3 {
        assert_eq!(app.login(&long, "x").await.status, StatusCode::UNAUTHORIZED);
    }
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT LENGTH(user_name), failures_count FROM oauth_token_request_log")
            .fetch_all(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!(rows, vec![(255, 3)]);
}

#[tokio::test]
async fn success_resets_the_failure_count() {
    let app = spawn_app().await;
    for _ in 0..5 {
        app.login(ADMIN.0, "wrong").await;
    }
    app.token().await;
    for _ in 0..5 {
        app.login(ADMIN.0, "wrong").await;
    }
    app.token().await;
}

#[tokio::test]
async fn input_errors() {
    let app = spawn_app().await;
    let required = |f: &str| json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": f}});
    let post = |body: &str| {
        app.send(
            Method::POST,
            "/rest/V1/integration/admin/token",
            None,
            Some("application/json"),
            Some(body.to_owned()),
        )
    };
    let r = post(r#"{"password": "admin123"}"#).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, required("username"))
    );
    let r = post(r#"{"username": "", "password": "admin123"}"#).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, required("username"))
    );
    let r = post(r#"{"username": "admin", "password": null}"#).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, required("password"))
    );
    let r = post("{}").await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "username"}},
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "password"}}
            ]})
        )
    );
    let r = post(r#"{"username": ["admin"], "password": "x"}"#).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"array\" value's type is invalid. The \"string\" type was expected. Verify and try again."})
        )
    );
    let r = post("not json").await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Decoding error."})
        )
    );
}

#[tokio::test]
async fn store_routes_need_a_token() {
    let app = spawn_app().await;
    let r = app
        .send(Method::GET, "/rest/V1/store/websites", None, None, None)
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.", "parameters": {"resources": "Magento_Backend::store"}})
        )
    );
}
