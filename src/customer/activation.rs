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

use crate::customer::reset::{no_customer_with_email, CURRENT_WEBSITE};
use crate::db::customers as store;
use crate::db::Db;
use crate::error::{Error, Result};

pub const ALREADY_ACTIVE: &str = "The account is already active.";
pub const NOT_NEEDED: &str = "Confirmation isn't needed.";

/// `AccountManagement::activate($email, $confirmationKey)`: the customer by e-mail on the
/// current store's website.
pub async fn activate_by_email(db: &Db, email: &str) -> Result<Infallible> {
    let mut conn = db.read.acquire().await?;
    if store::customer_by_email(&mut conn, email, CURRENT_WEBSITE)
        .await?
        .is_none()
    {
        return Err(no_customer_with_email(
            email,
            CURRENT_WEBSITE.to_string().into(),
        ));
    }
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
    if store::customer_by_email(&mut conn, email, website_id)
        .await?
        .is_none()
    {
        return Err(no_customer_with_email(email, website_id.into()));
    }
    Err(Error::input(NOT_NEEDED))
}
