//! The admin's customer and address management beside create and read: delete a customer,
//! read and delete an address, the default billing and shipping addresses, and the small
//! account questions (`isEmailAvailable`, `isReadonly`, `getConfirmationStatus`).
//!
//! Sources (magento2 2.4.9, app/code/Magento/Customer):
//! - `Model/ResourceModel/CustomerRepository.php::deleteById`: `CustomerRegistry::retrieve`
//!   (404 `customerId`), the model's delete, `true`. The schema's foreign keys do the rest:
//!   `customer_address_entity.parent_id` cascades, `sales_order.customer_id` is `SET NULL`
//!   (Sales/etc/db_schema.xml: the order keeps its customer's e-mail, names and group, and
//!   `customer_is_guest` stays 0), `oauth_token.customer_id` cascades (the customer's tokens
//!   stop working); `quote.customer_id` has no foreign key and nothing in Magento_Quote
//!   listens to the delete, so the customer's carts stay as they are.
//! - `Model/ResourceModel/AddressRepository.php::getById` / `deleteById`:
//!   `AddressRegistry::retrieve` (404 `addressId`); a deleted default address is no longer the
//!   customer's default (`ResourceModel/Address/DeleteRelation`).
//! - `Model/AccountManagement.php::getDefaultBillingAddress` / `getDefaultShippingAddress`:
//!   the customer (404 `customerId`), then the address whose id is the default, or `null`,
//!   which `Framework/Webapi/ServiceOutputProcessor::convertValue` turns into `[]`: the reply of
//!   a customer without that default is `[]`, a 200.
//! - `AccountManagement::isEmailAvailable`: `true` without looking when
//!   `checkout/options/enable_guest_checkout_login` is off, its default since 2.4.7 (it stops
//!   e-mail enumeration); magemu has that default.
//! - `AccountManagement::isReadonly`: `!CustomerSecure::getDeleteable()`, `false` for every
//!   customer (`Customer::isDeleteable` is true unless a module says otherwise); 404 first.
//! - `AccountManagement::getConfirmationStatus`: `account_confirmation_not_required` while
//!   `customer/create_account/confirm` is off (the default); 404 first.

use sqlx::SqliteConnection;

use crate::db::customers::{self as store, AddressEntityRow};
use crate::db::Db;
use crate::error::{Error, Result};

/// `AccountManagementInterface::ACCOUNT_CONFIRMATION_NOT_REQUIRED`.
pub const CONFIRMATION_NOT_REQUIRED: &str = "account_confirmation_not_required";

/// An address with its customer's defaults, as `AddressInterface` prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    pub row: AddressEntityRow,
    pub default_billing: Option<i64>,
    pub default_shipping: Option<i64>,
}

/// Which default address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultAddress {
    Billing,
    Shipping,
}

async fn customer_exists(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    match store::customer(conn, id).await? {
        Some(_) => Ok(()),
        None => Err(Error::no_such_entity("customerId", id)),
    }
}

/// `CustomerRepository::deleteById`.
pub async fn delete_customer(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                customer_exists(conn, id).await?;
                store::delete_customer(conn, id).await?;
                Ok(())
            })
        })
        .await
}

/// `AddressRepository::getById`.
pub async fn address(db: &Db, id: i64) -> Result<Address> {
    let mut conn = db.read.acquire().await?;
    let row = store::address(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("addressId", id))?;
    let customer = store::customer(&mut conn, row.parent_id).await?;
    Ok(Address {
        default_billing: customer.as_ref().and_then(|c| c.default_billing),
        default_shipping: customer.as_ref().and_then(|c| c.default_shipping),
        row,
    })
}

/// `AddressRepository::deleteById`.
pub async fn delete_address(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let row = store::address(conn, id)
                    .await?
                    .ok_or_else(|| Error::no_such_entity("addressId", id))?;
                store::delete_address(conn, row.parent_id, id).await?;
                Ok(())
            })
        })
        .await
}

/// `AccountManagement::getDefaultBillingAddress` / `getDefaultShippingAddress`: `None` when the
/// customer has no such default.
pub async fn default_address(
    db: &Db,
    customer_id: i64,
    which: DefaultAddress,
) -> Result<Option<Address>> {
    let mut conn = db.read.acquire().await?;
    let customer = store::customer(&mut conn, customer_id)
        .await?
        .ok_or_else(|| Error::no_such_entity("customerId", customer_id))?;
    let id = match which {
        DefaultAddress::Billing => customer.default_billing,
        DefaultAddress::Shipping => customer.default_shipping,
    };
    let Some(id) = id else {
        return Ok(None);
    };
    // `getAddressById` looks among the customer's own addresses.
    let row = store::address(&mut conn, id)
        .await?
        .filter(|a| a.parent_id == customer_id);
    Ok(row.map(|row| Address {
        row,
        default_billing: customer.default_billing,
        default_shipping: customer.default_shipping,
    }))
}

/// `AccountManagement::isReadonly`: no customer is read-only.
pub async fn is_readonly(db: &Db, customer_id: i64) -> Result<bool> {
    let mut conn = db.read.acquire().await?;
    customer_exists(&mut conn, customer_id).await?;
    Ok(false)
}

/// `AccountManagement::getConfirmationStatus`.
pub async fn confirmation_status(db: &Db, customer_id: i64) -> Result<&'static str> {
    let mut conn = db.read.acquire().await?;
    customer_exists(&mut conn, customer_id).await?;
    Ok(CONFIRMATION_NOT_REQUIRED)
}
