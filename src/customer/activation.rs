//! Account confirmation: `AccountManagement::activate` (by e-mail), `activateById` (the
//! customer's own token) and `resendConfirmation`.
//!
//! Sources: 2.4's `module-customer/Model/AccountManagement.php` (`activateCustomer`,
//! `resendConfirmation`) and `etc/webapi.xml`. A customer is waiting for confirmation while
//! her `confirmation` key is set, which happens only where `customer/create_account/confirm`
//! is on; it is off by default, and magemu keeps the default: every account is active
//! (`GET /V1/customers/{id}/confirm` says `account_confirmation_not_required`). So, after the
//! customer is found (404 otherwise), activating answers `The account is already active.` and
//! resending the e-mail `Confirmation isn't needed.` (`InvalidTransitionException`, 400),
//! before any key is looked at. Hence the functions here answer nothing but errors
//! (`Infallible`).

use std::convert::Infallible;

use crate::customer::customer_by_email;
use crate::db::Db;
use crate::error::{Error, Result};

pub const ALREADY_ACTIVE: &str = "The account is already active.";
pub const NOT_NEEDED: &str = "Confirmation isn't needed.";

/// `AccountManagement::activate($email, $confirmationKey)`: the customer by e-mail on the
/// current store's website.
pub async fn activate_by_email(db: &Db, email: &str) -> Result<Infallible> {
    let mut conn = db.read.acquire().await?;
    customer_by_email(&mut conn, email, None).await?;
    Err(Error::input(ALREADY_ACTIVE))
}

/// `AccountManagement::activateById($customerId, $confirmationKey)`.
pub async fn activate_by_id(db: &Db, id: i64) -> Result<Infallible> {
    crate::customer::get(db, id).await?;
    Err(Error::input(ALREADY_ACTIVE))
}

/// `AccountManagement::resendConfirmation($email, $websiteId, $redirectUrl)`.
pub async fn resend_confirmation(db: &Db, email: &str, website_id: i64) -> Result<Infallible> {
    let mut conn = db.read.acquire().await?;
    customer_by_email(&mut conn, email, Some(website_id)).await?;
    Err(Error::input(NOT_NEEDED))
}
