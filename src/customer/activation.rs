//! Account confirmation: `AccountManagement::activate` (by e-mail), `activateById` (the
//! customer's own token) and `resendConfirmation`.
//!
//! Sources: 2.4.8's `module-customer/Model/AccountManagement.php` (`activateCustomer`,
//! `resendConfirmation`) and `etc/webapi.xml`. A customer is waiting for confirmation while
//! her `confirmation` key is set. Magento sets a random key only where
//! `customer/create_account/confirm` is on (off by default, as in magemu, so
//! `GET /V1/customers/{id}/confirm` says `account_confirmation_not_required`), but keeps a key a
//! client posts with the customer (a migration importing unconfirmed accounts; Magento's own
//! api-functional tests create their customer with one). Without a key, activating answers
//! `The account is already active.` and resending `Confirmation isn't needed.`
//! (`InvalidTransitionException`, 400); a wrong key is `InputMismatchException` (400). Activating
//! clears the key, sends the `confirmed` welcome e-mail and answers the customer; resending sends
//! the `confirmation` e-mail and answers `true`.

use crate::customer::{customer_by_email, load, send_customer_mail, Customer};
use crate::db::{self, Db};
use crate::error::{Error, Result};

pub const ALREADY_ACTIVE: &str = "The account is already active.";
pub const NOT_NEEDED: &str = "Confirmation isn't needed.";
pub const TOKEN_INVALID: &str =
    "The confirmation token is invalid. Verify the token and try again.";
/// `customer/create_account/email_confirmed_template`.
pub const CONFIRMED_TEMPLATE: &str = "customer_create_account_email_confirmed_template";
/// `customer/create_account/email_confirmation_template`.
pub const CONFIRMATION_TEMPLATE: &str = "customer_create_account_email_confirmation_template";

/// Whom an activation names.
#[derive(Debug, Clone)]
pub enum Who {
    /// `activate($email, ...)`: the customer of the e-mail on the current store's website.
    Email(String),
    /// `activateById($customerId, ...)`.
    Id(i64),
}

/// `AccountManagement::activateCustomer`: the key must be hers; it is cleared, the `confirmed`
/// e-mail sent (magemu keeps no sign-in log, so every customer counts as never signed in), and
/// the customer answered.
pub async fn activate(db: &Db, who: Who, key: String) -> Result<Customer> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let mut row = match &who {
                    Who::Email(email) => customer_by_email(&mut *conn, email, None).await?,
                    Who::Id(id) => db::customers::customer(&mut *conn, *id)
                        .await?
                        .ok_or_else(|| Error::no_such_entity("customerId", *id))?,
                };
                let Some(stored) = row.confirmation.clone() else {
                    return Err(Error::input(ALREADY_ACTIVE));
                };
                if stored != key {
                    return Err(Error::input(TOKEN_INVALID));
                }
                row.confirmation = None;
                row.updated_at = db::now_timestamp();
                db::update(&mut *conn, "customer_entity", "entity_id", &row).await?;
                let at = row.updated_at.clone();
                send_customer_mail(conn, row.entity_id, &row, CONFIRMED_TEMPLATE, &at, None)
                    .await?;
                load(conn, row.entity_id)
                    .await?
                    .ok_or_else(|| Error::no_such_entity("customerId", row.entity_id))
            })
        })
        .await
}

/// `AccountManagement::resendConfirmation($email, $websiteId, $redirectUrl)`: the
/// `confirmation` e-mail to a customer who has a key.
pub async fn resend_confirmation(db: &Db, email: String, website_id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let row = customer_by_email(&mut *conn, &email, Some(website_id)).await?;
                if row.confirmation.is_none() {
                    return Err(Error::input(NOT_NEEDED));
                }
                let at = db::now_timestamp();
                send_customer_mail(conn, row.entity_id, &row, CONFIRMATION_TEMPLATE, &at, None)
                    .await
            })
        })
        .await
}
