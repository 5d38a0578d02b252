//! Admin tokens: `POST /V1/integration/admin/token` and the check every admin route makes.
//!
//! Sources (magento/magento2, 2.4): `Integration/Model/AdminTokenService.php`,
//! `Integration/Model/CredentialsValidator.php`, `Integration/Model/Oauth/Token/RequestThrottler.php`,
//! `Integration/etc/config.xml` (max failures 6, lock 1800 s, admin token lifetime 4 h).

pub mod oauth;

use std::collections::HashMap;
use std::sync::RwLock;

use rand::distr::{Alphanumeric, SampleString};

use crate::config::Config;
use crate::db::Db;
use crate::db::{self, tokens};
use crate::error::{Error, Result};

/// Admin tokens seen so far and when they expire, so a request does not need a query to be
/// authorized. Tokens are only created by this process, so the cache cannot go stale.
#[derive(Debug, Default)]
pub struct TokenCache(RwLock<HashMap<String, i64>>);

impl TokenCache {
    pub fn lookup(&self, token: &str) -> Option<i64> {
        self.0.read().ok()?.get(token).copied()
    }
    pub fn remember(&self, token: &str, expires_at: i64) {
        if let Ok(mut map) = self.0.write() {
            map.insert(token.to_owned(), expires_at);
        }
    }
}

/// `oauth/authentication_lock/max_failures_count`.
pub const MAX_FAILURES: i64 = 6;
/// `oauth/authentication_lock/timeout`, seconds.
pub const LOCK_SECONDS: i64 = 1800;
/// `UserContextInterface::USER_TYPE_ADMIN`.
pub const USER_TYPE_ADMIN: i64 = 2;

/// What a sign-in attempt comes to. A refusal is an `Ok` of the use case, so the failure it
/// counts is committed while the request fails.
enum SignIn {
    Accepted(String, i64),
    Refused,
}

/// `AdminTokenService::createAdminAccessToken` on credentials the input layer accepted: the
/// lock check, the failure count and the new token, as one use case on the writer.
pub async fn create_admin_token(
    db: &Db,
    config: &Config,
    tokens: &TokenCache,
    username: String,
    password: String,
) -> Result<String> {
    // The failure log keys on the name as Magento's varchar(255) column holds it: a longer name
    // (never the admin's) cannot fill the database row by row.
    let logged_name = tokens::log_name(&username);
    // `User::authenticate`: `admin/security/use_case_sensitive_login` is off by default, so the
    // user is whoever `loadByUsername` finds, `username = ?` under MySQL's `utf8_general_ci`
    // (any case, trailing spaces not counted).
    let as_mysql = |name: &str| name.trim_end_matches(' ').to_lowercase();
    let valid = as_mysql(&username) == as_mysql(&config.admin_username)
        && password == config.admin_password;
    let lifetime_hours = config.admin_token_lifetime_hours;
    let outcome = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let now = db::unix_now();
                let failures = tokens::failures(conn, &logged_name, USER_TYPE_ADMIN, now).await?;
                if failures >= MAX_FAILURES {
                    return Ok::<_, Error>(SignIn::Refused);
                }
                if !valid {
                    tokens::log_failure(conn, &logged_name, USER_TYPE_ADMIN, now, LOCK_SECONDS)
                        .await?;
                    return Ok(SignIn::Refused);
                }
                tokens::reset_failures(conn, &logged_name, USER_TYPE_ADMIN).await?;
                let token = Alphanumeric
                    .sample_string(&mut rand::rng(), 32)
                    .to_lowercase();
                let expires_at = expiry(now, lifetime_hours);
                tokens::insert(conn, &token, USER_TYPE_ADMIN, &username, now, expires_at).await?;
                Ok(SignIn::Accepted(token, expires_at))
            })
        })
        .await?;
    match outcome {
        SignIn::Accepted(token, expires_at) => {
            tokens.remember(&token, expires_at);
            Ok(token)
        }
        SignIn::Refused => Err(Error::Authentication),
    }
}

/// When a token made at `now` expires: `TokenUserContext::isTokenExpired` takes an empty
/// lifetime (0) for tokens that never expire; a lifetime past the clock's range is as good as
/// never (it overflowed).
fn expiry(now: i64, lifetime_hours: i64) -> i64 {
    match lifetime_hours {
        0 => i64::MAX,
        hours => now.saturating_add(hours.saturating_mul(3600)),
    }
}

/// Whether `token` is a known, unexpired admin token (memory first, then the database, so
/// tokens survive a restart).
pub async fn is_valid_admin_token(db: &Db, tokens: &TokenCache, token: &str) -> Result<bool> {
    let now = db::unix_now();
    if let Some(expires_at) = tokens.lookup(token) {
        return Ok(expires_at > now);
    }
    let mut conn = db.read.acquire().await?;
    match tokens::expiry(&mut conn, token, USER_TYPE_ADMIN).await? {
        Some(expires_at) => {
            tokens.remember(token, expires_at);
            Ok(expires_at > now)
        }
        None => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::expiry;

    #[test]
    fn lifetimes() {
        assert_eq!(expiry(1_000, 4), 1_000 + 4 * 3600);
        assert_eq!(
            expiry(1_000, 0),
            i64::MAX,
            "an empty lifetime never expires"
        );
        assert_eq!(expiry(1_000, i64::MAX / 2), i64::MAX, "once an overflow");
    }
}
