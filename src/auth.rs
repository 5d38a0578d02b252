//! Admin tokens: `POST /V1/integration/admin/token` and the check every admin route makes.
//!
//! Sources (magento/magento2, 2.4): `Integration/Model/AdminTokenService.php`,
//! `Integration/Model/CredentialsValidator.php`, `Integration/Model/Oauth/Token/RequestThrottler.php`,
//! `Integration/etc/config.xml` (max failures 6, lock 1800 s, admin token lifetime 4 h).

use rand::distr::{Alphanumeric, SampleString};
use serde_json::{Map, Value};

use crate::db::{self, tokens};
use crate::error::{self as e, Error, Phrase, Result};
use crate::http::input::{to_string, At};
use crate::AppState;

/// `oauth/authentication_lock/max_failures_count`.
pub const MAX_FAILURES: i64 = 6;
/// `oauth/authentication_lock/timeout`, seconds.
pub const LOCK_SECONDS: i64 = 1800;
/// `UserContextInterface::USER_TYPE_ADMIN`.
pub const USER_TYPE_ADMIN: i64 = 2;

/// The credentials of the body, as the input layer and `CredentialsValidator` check them.
fn credentials(body: &Map<String, Value>) -> Result<(String, String)> {
    let field = |name: &str| -> Result<Option<String>> {
        match body.get(name).filter(|v| !v.is_null()) {
            Some(v) => to_string(v, At::Top).map(Some),
            None => Ok(None),
        }
    };
    let (username, password) = (field("username")?, field("password")?);
    let missing: Vec<Phrase> = [("username", &username), ("password", &password)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(name, _)| Phrase::named(e::FIELD_REQUIRED, "fieldName", name))
        .collect();
    if !missing.is_empty() {
        return Err(Error::aggregate(missing));
    }
    let (username, password) = (username.unwrap_or_default(), password.unwrap_or_default());
    let empty: Vec<Phrase> = [("username", &username), ("password", &password)]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(name, _)| Phrase::named(e::FIELD_REQUIRED, "fieldName", name))
        .collect();
    if !empty.is_empty() {
        return Err(Error::aggregate(empty));
    }
    Ok((username, password))
}

/// `AdminTokenService::createAdminAccessToken`.
pub async fn create_admin_token(state: &AppState, body: &Map<String, Value>) -> Result<String> {
    let (username, password) = credentials(body)?;
    // The failure log keys on the name as Magento's varchar(255) column holds it: a longer name
    // (never the admin's) cannot fill the database row by row.
    let logged_name: String = username.chars().take(255).collect();
    let now = db::unix_now();
    let mut tx = state.db.begin_write().await?;
    let failures = tokens::failures(&mut tx, &logged_name, USER_TYPE_ADMIN, now).await?;
    if failures >= MAX_FAILURES {
        tx.commit().await?;
        return Err(Error::Authentication);
    }
    let config = &state.config;
    if username != config.admin_username || password != config.admin_password {
        tokens::log_failure(&mut tx, &logged_name, USER_TYPE_ADMIN, now, LOCK_SECONDS).await?;
        tx.commit().await?;
        return Err(Error::Authentication);
    }
    tokens::reset_failures(&mut tx, &logged_name, USER_TYPE_ADMIN).await?;
    let token = Alphanumeric
        .sample_string(&mut rand::rng(), 32)
        .to_lowercase();
    let expires_at = now + config.admin_token_lifetime_hours * 3600;
    tokens::insert(&mut tx, &token, USER_TYPE_ADMIN, &username, now, expires_at).await?;
    tx.commit().await?;
    state.tokens.remember(&token, expires_at);
    Ok(token)
}

/// Whether `token` is a known, unexpired admin token (memory first, then the database, so
/// tokens survive a restart).
pub async fn is_valid_admin_token(state: &AppState, token: &str) -> Result<bool> {
    let now = db::unix_now();
    if let Some(expires_at) = state.tokens.lookup(token) {
        return Ok(expires_at > now);
    }
    let mut conn = state.db.read.acquire().await?;
    match tokens::expiry(&mut conn, token, USER_TYPE_ADMIN).await? {
        Some(expires_at) => {
            state.tokens.remember(token, expires_at);
            Ok(expires_at > now)
        }
        None => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn credential_errors() {
        let err = credentials(&body(json!({"password": "x"}))).unwrap_err();
        assert_eq!(
            err.body(),
            json!({"message": e::FIELD_REQUIRED, "parameters": {"fieldName": "username"}})
        );
        let err = credentials(&body(json!({}))).unwrap_err();
        assert_eq!(err.body()["message"], e::INPUT_EXCEPTIONS);
        assert_eq!(err.body()["errors"].as_array().unwrap().len(), 2);
        let err = credentials(&body(json!({"username": "", "password": "x"}))).unwrap_err();
        assert_eq!(err.body()["parameters"], json!({"fieldName": "username"}));
        let err = credentials(&body(json!({"username": ["a"], "password": "x"}))).unwrap_err();
        assert_eq!(
            err.body(),
            crate::error::Error::invalid_type(None, "array", "string").body()
        );
        assert_eq!(
            credentials(&body(json!({"username": 123, "password": true}))).unwrap(),
            ("123".into(), "1".into())
        );
    }
}
