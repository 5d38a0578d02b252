//! A forgotten password: the reset link asked for (`PUT /V1/customers/password`), checked
//! (`GET /V1/customers/{customerId}/password/resetLinkToken/{token}`) and used
//! (`POST /V1/customers/resetPassword`).
//!
//! Sources (magento2 2.4, `module-customer/Model/AccountManagement.php`, `module-security`):
//! - `initiatePasswordReset($email, $template, $websiteId = null)`: Magento_Security's plugin
//!   (`Plugin/AccountManagement::beforeInitiatePasswordReset` ->
//!   `SecurityManager::performSecurityCheck`) runs first: `SecurityChecker/Frequency` (another
//!   request within `customer/password/min_time_between_password_reset_requests`, 10 minutes),
//!   then `Quantity` (`max_number_password_reset_requests`, 5, within the hour), both counted by
//!   client address or e-mail (`password_reset_protection_type` 1), each the same
//!   `SecurityViolationException` (400) naming `contact/email/recipient_email`; a request that
//!   passes is recorded (`password_reset_request_event`), whatever follows. Then the customer by
//!   e-mail on the website (the current store's when none is given): 404 `No such entity with
//!   email = ..., websiteId = ...` for none. Then a new token (`Random::getUniqueHash`, 32 hex
//!   digits) is saved with its time, and only then is the template looked at: `email_reminder`
//!   and `email_reset` send their e-mail, anything else is 400 (the token stays changed: Magento
//!   has saved the customer by then). The answer is `true`.
//! - `resetPassword($email, $resetToken, $newPassword)`: an empty e-mail is `"email" is
//!   required`; the customer by e-mail on the current store's website (404 as above); the token
//!   checked (`validateResetPasswordToken`); the new password not the e-mail, then
//!   `checkPasswordStrength`; saved with the token cleared and the lockout counters reset (so a
//!   locked account opens again). The customer's API tokens stay good (no plugin revokes them).
//! - `validateResetPasswordLinkToken($customerId, $token)`: only reads: `customerId` 0 is
//!   `Invalid value of "0" provided for the customerId field.`, an unknown id 404, then the same
//!   token checks.
//! - `validateResetPasswordToken`: an empty token is `"resetPasswordLinkToken" is required`, a
//!   token that is not the customer's (none saved included) `The password token is mismatched.
//!   Reset and try again.`, one made in the future or `customer/password/reset_link_expiration_period`
//!   (2) whole hours ago or more `The password token is expired. Reset and try again.`
//!
//! magemu keeps Magento's default settings for all of these (`etc/config.xml` of
//! module-customer and module-security); the emulated clock (control API) moves past the
//! waits. The reset e-mail goes to the outbox with its link, `customer/account/createPassword/?token=...`
//! (the path of Magento's template), which is where a client finds the token to finish a reset.

use sqlx::SqliteConnection;
use time::{Duration, OffsetDateTime};

use crate::customer::{
    check_password_strength, customer_by_email, password_hash, send_customer_mail,
    PASSWORD_IS_EMAIL,
};
use crate::db::customers as store;
use crate::db::Db;
use crate::error::{Error, Phrase, Result};

/// `AccountManagement::EMAIL_REMINDER` and `EMAIL_RESET`, the templates a client may ask for.
pub const EMAIL_REMINDER: &str = "email_reminder";
pub const EMAIL_RESET: &str = "email_reset";
/// `customer/password/remind_email_template` and `customer/password/forgot_email_template`.
pub const REMIND_TEMPLATE: &str = "customer_password_remind_email_template";
pub const FORGOT_TEMPLATE: &str = "customer_password_forgot_email_template";

/// `PasswordResetRequestEvent::CUSTOMER_PASSWORD_RESET_REQUEST`.
const CUSTOMER_REQUEST: i64 = 0;
/// `customer/password/password_reset_protection_type`: by client address or e-mail.
const PROTECTION_TYPE: i64 = 1;
/// `customer/password/min_time_between_password_reset_requests` (minutes, in seconds).
const MIN_SECONDS_BETWEEN: i64 = 10 * 60;
/// `customer/password/max_number_password_reset_requests`, within
/// `Security\Model\Config::getLimitationTimePeriod` (an hour).
const MAX_REQUESTS: i64 = 5;
const LIMITATION_SECONDS: i64 = 3600;
/// `contact/email/recipient_email`, named by the security messages.
const CUSTOMER_SERVICE_EMAIL: &str = "hello@example.com";
/// `customer/password/reset_link_expiration_period`, hours.
const RESET_LINK_HOURS: i64 = 2;

pub const TOO_FREQUENT: &str = "We received too many requests for password resets. \
     Please wait and try again later or contact %1.";
pub const TOKEN_MISMATCHED: &str = "The password token is mismatched. Reset and try again.";
pub const TOKEN_EXPIRED: &str = "The password token is expired. Reset and try again.";
const UNKNOWN_TEMPLATE: &str = "Invalid value of \"%value\" provided for the %fieldName field. \
     Possible values: %template1 or %template2.";

/// The body of `PUT /V1/customers/password`.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub email: String,
    pub template: String,
    pub website_id: Option<i64>,
}

/// `AccountManagement::initiatePasswordReset` behind Magento_Security's checks; `ip` is the
/// client's address (`RemoteAddress::getRemoteAddress`).
///
/// The two refusals after the security checks keep what was written (the request's record,
/// and for a bad template the new token): the write answers them as `Ok(Some(refusal))`, so
/// that it commits.
pub async fn initiate(db: &Db, request: Request, ip: String) -> Result<()> {
    let refused = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let now = crate::clock::now();
                security_check(conn, &request.email, &ip, now).await?;
                let customer =
                    match customer_by_email(conn, &request.email, request.website_id).await {
                        Ok(customer) => customer,
                        Err(e @ Error::NotFound(_)) => return Ok::<_, Error>(Some(e)),
                        Err(e) => return Err(e),
                    };
                let token = new_token();
                store::set_reset_token(
                    conn,
                    customer.entity_id,
                    &token,
                    &crate::clock::format(now),
                )
                .await?;
                let template = match request.template.as_str() {
                    EMAIL_REMINDER => REMIND_TEMPLATE,
                    EMAIL_RESET => FORGOT_TEMPLATE,
                    other => {
                        return Ok(Some(Error::Input(Phrase::values(
                            UNKNOWN_TEMPLATE,
                            vec![
                                ("value", other.into()),
                                ("fieldName", "template".into()),
                                ("template1", EMAIL_REMINDER.into()),
                                ("template2", EMAIL_RESET.into()),
                            ],
                        ))))
                    }
                };
                let (id, at) = (customer.entity_id, crate::clock::format(now));
                let link = Some(link(&token));
                send_customer_mail(conn, id, &customer, template, &at, link).await?;
                Ok(None)
            })
        })
        .await?;
    refused.map_or(Ok(()), Err)
}

/// `Random::getUniqueHash`: 32 hexadecimal digits.
pub fn new_token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// The link of the e-mails that carry a reset token: the path of `customer/account/createPassword`
/// with the token, as Magento's templates build it (magemu has no storefront base URL).
pub fn link(token: &str) -> String {
    format!("customer/account/createPassword/?token={token}")
}

/// `SecurityManager::performSecurityCheck` for a customer's reset request: `Frequency`, then
/// `Quantity`, then the request recorded.
async fn security_check(
    conn: &mut SqliteConnection,
    email: &str,
    ip: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let since = crate::clock::format(now - Duration::seconds(LIMITATION_SECONDS));
    let (recent, newest) =
        store::reset_requests_since(conn, CUSTOMER_REQUEST, PROTECTION_TYPE, email, ip, &since)
            .await?;
    // `Frequency::check`: `$limit > now - last`, so a request exactly the limit later passes.
    let too_soon = crate::clock::format(now - Duration::seconds(MIN_SECONDS_BETWEEN));
    if newest.is_some_and(|last| last > too_soon) {
        return Err(security_violation(TOO_FREQUENT));
    }
    // `Quantity::check`: 2.4 words it as the frequency check does (the 2.1-2.2 text, "Too many
    // password reset requests...", is only left in the module's i18n file).
    if recent >= MAX_REQUESTS {
        return Err(security_violation(TOO_FREQUENT));
    }
    store::log_reset_request(
        conn,
        CUSTOMER_REQUEST,
        email,
        ip,
        &crate::clock::format(now),
    )
    .await?;
    Ok(())
}

/// A `SecurityViolationException` (400) naming the customer service's address.
fn security_violation(text: &str) -> Error {
    Error::Input(Phrase::positional(
        text,
        vec![CUSTOMER_SERVICE_EMAIL.to_owned()],
    ))
}

/// `AccountManagement::validateResetPasswordToken` on customer `id` (which exists).
async fn check_token(conn: &mut SqliteConnection, id: i64, token: &str) -> Result<()> {
    if !crate::php::truthy(token) {
        return Err(Error::required("resetPasswordLinkToken"));
    }
    let Some((saved, created_at)) = store::reset_token(conn, id).await? else {
        return Err(Error::no_such_entity("customerId", id));
    };
    // `Security::compareStrings`: no saved token matches nothing.
    if saved.as_deref() != Some(token) {
        return Err(Error::input(TOKEN_MISMATCHED));
    }
    if is_expired(created_at.as_deref(), crate::clock::now()) {
        return Err(Error::input(TOKEN_EXPIRED));
    }
    Ok(())
}

/// `isResetPasswordLinkTokenExpired`: no time, a time in the future, or
/// [`RESET_LINK_HOURS`] whole hours ago or more.
fn is_expired(created_at: Option<&str>, now: OffsetDateTime) -> bool {
    let Some(created) = created_at.and_then(|s| crate::clock::parse_time(s).ok()) else {
        return true;
    };
    let seconds = (now - created).whole_seconds();
    seconds < 0 || seconds / 3600 >= RESET_LINK_HOURS
}

/// `AccountManagement::resetPassword`: `[email, resetToken, newPassword]`.
pub async fn reset(db: &Db, [email, token, new]: [String; 3]) -> Result<()> {
    if !crate::php::truthy(&email) {
        return Err(Error::required("email"));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let customer = customer_by_email(conn, &email, None).await?;
                check_token(conn, customer.entity_id, &token).await?;
                // `checkPasswordDifferentFromEmail` with the e-mail of the request.
                if new.eq_ignore_ascii_case(&email) {
                    return Err(Error::input(PASSWORD_IS_EMAIL));
                }
                check_password_strength(&new)?;
                store::reset_password(conn, customer.entity_id, &password_hash(&new)).await?;
                Ok(())
            })
        })
        .await
}

/// `AccountManagement::validateResetPasswordLinkToken`: whether `token` is customer `id`'s
/// live reset token (an error saying why not).
pub async fn validate_link(db: &Db, id: i64, token: &str) -> Result<()> {
    if id == 0 {
        return Err(Error::Input(Phrase::values(
            crate::error::INVALID_FIELD_VALUE,
            vec![("value", 0.into()), ("fieldName", "customerId".into())],
        )));
    }
    let mut conn = db.read.acquire().await?;
    check_token(&mut conn, id, token).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stamp: &str) -> OffsetDateTime {
        crate::clock::parse_time(stamp).expect("a stamp")
    }

    #[test]
    fn a_token_lives_two_whole_hours() {
        let made = Some("2026-01-01 10:00:00");
        assert!(!is_expired(made, at("2026-01-01 10:00:00")));
        assert!(!is_expired(made, at("2026-01-01 11:59:59")));
        assert!(is_expired(made, at("2026-01-01 12:00:00")));
        // Made in the future, or never: expired.
        assert!(is_expired(made, at("2026-01-01 09:59:59")));
        assert!(is_expired(None, at("2026-01-01 10:00:00")));
    }
}
