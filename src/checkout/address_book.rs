//! Cart addresses into the customer's address book: `save_in_address_book`.
//!
//! Magento 2.4.8 (research: /tmp/research/save-in-address-book.md, session 41):
//! - the flag is a nullable smallint on `quote_address` (default 0), never copied to the order;
//!   the repository's persisters (`BillingAddressPersister`, `ShippingAddressManagement::assign`)
//!   store it as `? 1 : 0` ([`normalize`]), while payment-information's `$quote->save()` and
//!   totals-information's address save keep the posted integer;
//! - `PaymentInformationManagement::savePaymentInformation` on a customer's cart
//!   ([`payment_billing`]) gives a posted billing address without `customer_address_id` the
//!   cart billing address's when the two are the same (`updateCustomerBillingAddressId`), marks
//!   the shipping address `same_as_billing` when it is the same as the billing one, and then
//!   (`processShippingAddress`) saves a shipping address that is the billing one and asks to be
//!   saved into the book at once, both cart addresses naming the new entry;
//! - placing a customer's order ([`prepare_customer_quote`], `QuoteManagement::
//!   _prepareCustomerQuote`) saves the shipping address (when not the billing one) and the
//!   billing address whose flag is set, each as a *new* entry even when the cart address already
//!   names one (Magento's own duplicate, magento/magento2#41209), defaults only where the
//!   customer has none; the order addresses name the entries (`customer_address_id`).
//!
//! A guest's cart saves nothing. magemu reads a quote address's `customer_id` as always set on
//! a customer's cart (Magento's address save copies the quote's), so the flag alone decides.

use sqlx::SqliteConnection;

use crate::customer::AddressInput;
use crate::db::quotes::{self, QuoteAddressRow};
use crate::error::Result;

/// The flag as the repository's persisters store it: `getSaveInAddressBook() ? 1 : 0`.
pub(crate) fn normalize(address: &mut QuoteAddressRow) {
    address.save_in_address_book = Some(i64::from(wanted(address)));
}

/// Whether the address asks to be saved into the address book (PHP truthiness of an int).
fn wanted(address: &QuoteAddressRow) -> bool {
    address.save_in_address_book.unwrap_or(0) != 0
}

/// `Checkout\Model\AddressComparator::isEqual(stored, posted)`: by `customer_address_id` when
/// both name one; else every field both addresses hold compared as text (`strcmp` of PHP's
/// string casts, a missing stored value being ""), except `address_type`, `region_code`,
/// `save_in_address_book` and `customer_address_id`. The posted address holds what was posted
/// (and the `customer_id` the cart gives it); a stored one holds every column. magemu cannot
/// tell a posted `same_as_billing` from none and leaves it out.
pub(crate) fn same_address(stored: &QuoteAddressRow, posted: &QuoteAddressRow) -> bool {
    if let (Some(a), Some(b)) = (stored.customer_address_id, posted.customer_address_id) {
        return a == b;
    }
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let int = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let pairs: [(String, Option<String>); 17] = [
        (text(&stored.email), posted.email.clone()),
        (text(&stored.firstname), posted.firstname.clone()),
        (text(&stored.lastname), posted.lastname.clone()),
        (text(&stored.company), posted.company.clone()),
        (text(&stored.street), posted.street.clone()),
        (text(&stored.city), posted.city.clone()),
        (text(&stored.region), posted.region.clone()),
        (
            int(stored.region_id),
            posted.region_id.map(|n| n.to_string()),
        ),
        (text(&stored.postcode), posted.postcode.clone()),
        (text(&stored.country_id), posted.country_id.clone()),
        (text(&stored.telephone), posted.telephone.clone()),
        (text(&stored.middlename), posted.middlename.clone()),
        (text(&stored.prefix), posted.prefix.clone()),
        (text(&stored.suffix), posted.suffix.clone()),
        (text(&stored.fax), posted.fax.clone()),
        (text(&stored.vat_id), posted.vat_id.clone()),
        (
            int(stored.customer_id),
            posted.customer_id.map(|n| n.to_string()),
        ),
    ];
    pairs
        .iter()
        .all(|(kept, posted)| posted.as_ref().is_none_or(|p| p == kept))
}

/// `updateCustomer{Shipping,Billing}AddressId` (ShippingInformationManagement and
/// PaymentInformationManagement alike): a posted address without an address-book id that is
/// the same as the cart's `stored` one, which has an id, takes that id.
pub(crate) fn take_book_id(stored: Option<&QuoteAddressRow>, posted: &mut QuoteAddressRow) {
    if posted.customer_address_id.is_some_and(|id| id != 0) {
        return;
    }
    if let Some(stored) = stored
        .filter(|s| s.customer_address_id.is_some_and(|id| id != 0) && same_address(s, posted))
    {
        posted.customer_address_id = stored.customer_address_id;
    }
}

/// `Quote\Address::exportCustomerAddress` (fieldset `sales_convert_quote_address` /
/// `to_customer_address`): the names, company, street lines, city, region text and id,
/// postcode, country, telephone, fax and VAT id; not the e-mail (a customer address has none)
/// nor the region code.
fn export(a: &QuoteAddressRow) -> AddressInput {
    AddressInput {
        id: None,
        firstname: a.firstname.clone(),
        lastname: a.lastname.clone(),
        middlename: a.middlename.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        company: a.company.clone(),
        street: a
            .street
            .as_deref()
            .map(|s| s.split('\n').map(str::to_owned).collect())
            .unwrap_or_default(),
        city: a.city.clone(),
        region: a.region.clone(),
        region_id: a.region_id,
        region_code: None,
        postcode: a.postcode.clone(),
        country_id: a.country_id.clone(),
        telephone: a.telephone.clone(),
        fax: a.fax.clone(),
        vat_id: a.vat_id.clone(),
        default_billing: false,
        default_shipping: false,
    }
}

/// The customer's (default billing, default shipping) as `(bool)` reads them.
async fn has_defaults(conn: &mut SqliteConnection, customer_id: i64) -> Result<(bool, bool)> {
    let row = crate::db::customers::customer(conn, customer_id).await?;
    Ok(row.map_or((false, false), |c| {
        (
            c.default_billing.is_some_and(|id| id != 0),
            c.default_shipping.is_some_and(|id| id != 0),
        )
    }))
}

/// `savePaymentInformation`'s work on a customer's cart before the posted `billing` address
/// replaces the cart's: `updateCustomerBillingAddressId`, then `processShippingAddress` (which
/// may save the cart's shipping address into her book and writes the cart's shipping address
/// when it changes). `billing` carries the cart's `customer_id`.
pub(crate) async fn payment_billing(
    conn: &mut SqliteConnection,
    quote_id: i64,
    customer_id: i64,
    billing: &mut QuoteAddressRow,
) -> Result<()> {
    if billing.customer_address_id.is_none_or(|id| id == 0) {
        let stored = quotes::address(&mut *conn, quote_id, "billing").await?;
        take_book_id(stored.as_ref(), billing);
    }
    let Some(mut shipping) = quotes::address(&mut *conn, quote_id, "shipping").await? else {
        return Ok(());
    };
    let mut changed = false;
    if shipping.same_as_billing == 0 && same_address(&shipping, billing) {
        shipping.same_as_billing = 1;
        changed = true;
    }
    if shipping.same_as_billing != 0
        && wanted(&shipping)
        && shipping.customer_address_id.is_none_or(|id| id == 0)
    {
        let (has_billing, has_shipping) = has_defaults(&mut *conn, customer_id).await?;
        let mut entry = export(&shipping);
        if !has_shipping {
            entry.default_shipping = true;
            entry.default_billing = !has_billing && !wanted(billing);
        }
        let id = crate::customer::add_address(&mut *conn, customer_id, &entry).await?;
        shipping.customer_address_id = Some(id);
        billing.customer_address_id = Some(id);
        changed = true;
    }
    if changed {
        quotes::save_address(&mut *conn, shipping).await?;
    }
    Ok(())
}

/// `QuoteManagement::_prepareCustomerQuote` for customer `customer_id`'s cart about to become
/// an order: the address-book entries the flags ask for, each cart address naming its entry
/// (saved, so the order addresses made from them name it too). `shipping` is `None` for a
/// virtual cart.
pub(crate) async fn prepare_customer_quote(
    conn: &mut SqliteConnection,
    customer_id: i64,
    billing: &mut QuoteAddressRow,
    mut shipping: Option<&mut QuoteAddressRow>,
) -> Result<()> {
    let (mut has_billing, mut has_shipping) = has_defaults(&mut *conn, customer_id).await?;
    if let Some(s) = shipping.as_deref_mut() {
        if s.same_as_billing == 0 && wanted(s) {
            let mut entry = export(s);
            if !has_shipping {
                entry.default_shipping = true;
                has_shipping = true;
                if !has_billing && !wanted(billing) {
                    entry.default_billing = true;
                    has_billing = true;
                }
            }
            let id = crate::customer::add_address(&mut *conn, customer_id, &entry).await?;
            s.customer_address_id = Some(id);
            quotes::save_address(&mut *conn, s.clone()).await?;
        }
    }
    if wanted(billing) {
        let mut entry = export(billing);
        if !has_billing {
            entry.default_shipping = !has_shipping;
            entry.default_billing = true;
        }
        let id = crate::customer::add_address(&mut *conn, customer_id, &entry).await?;
        billing.customer_address_id = Some(id);
        quotes::save_address(&mut *conn, billing.clone()).await?;
        // "Admin order: Same As Billing Address": a shipping address that is the billing one
        // and names no entry names the billing's.
        if let Some(s) = shipping {
            if s.customer_address_id.is_none_or(|id| id == 0) && s.same_as_billing != 0 {
                s.customer_address_id = Some(id);
                quotes::save_address(&mut *conn, s.clone()).await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> QuoteAddressRow {
        QuoteAddressRow {
            address_id: 5,
            quote_id: 3,
            address_type: "shipping".into(),
            customer_id: Some(2),
            firstname: Some("Jane".into()),
            lastname: Some("Doe".into()),
            street: Some("160 1st St.\nApt 2".into()),
            city: Some("Mineola".into()),
            region: Some("New York".into()),
            region_id: Some(43),
            region_code: Some("NY".into()),
            postcode: Some("11501".into()),
            country_id: Some("US".into()),
            telephone: Some("516-555-1111".into()),
            save_in_address_book: Some(1),
            ..QuoteAddressRow::default()
        }
    }

    #[test]
    fn only_the_posted_fields_are_compared() {
        let posted = QuoteAddressRow {
            firstname: Some("Jane".into()),
            street: Some("160 1st St.\nApt 2".into()),
            region_id: Some(43),
            // Left out of the comparison.
            region_code: Some("ny".into()),
            save_in_address_book: Some(0),
            address_type: "billing".into(),
            ..QuoteAddressRow::default()
        };
        assert!(same_address(&stored(), &posted));
        let other_city = QuoteAddressRow {
            city: Some("Albany".into()),
            ..posted.clone()
        };
        assert!(!same_address(&stored(), &other_city));
        // A value the stored address lacks compares as "".
        let company = QuoteAddressRow {
            company: Some(String::new()),
            ..posted
        };
        assert!(same_address(&stored(), &company));
    }

    #[test]
    fn address_book_ids_decide_when_both_name_one() {
        let mut kept = stored();
        kept.customer_address_id = Some(7);
        let posted = QuoteAddressRow {
            customer_address_id: Some(7),
            city: Some("Elsewhere".into()),
            ..QuoteAddressRow::default()
        };
        assert!(same_address(&kept, &posted));
        let other = QuoteAddressRow {
            customer_address_id: Some(8),
            ..stored()
        };
        assert!(!same_address(&kept, &other));
    }

    #[test]
    fn the_flag_is_stored_as_zero_or_one() {
        for (posted, stored) in [(None, 0), (Some(0), 0), (Some(2), 1), (Some(-1), 1)] {
            let mut a = QuoteAddressRow {
                save_in_address_book: posted,
                ..QuoteAddressRow::default()
            };
            normalize(&mut a);
            assert_eq!(a.save_in_address_book, Some(stored), "{posted:?}");
        }
    }

    #[test]
    fn an_exported_address_keeps_its_lines_and_drops_the_email() {
        let mut a = stored();
        a.email = Some("jdoe@example.com".into());
        let entry = export(&a);
        assert_eq!(entry.street, vec!["160 1st St.", "Apt 2"]);
        assert_eq!(entry.region_code, None);
        assert_eq!(entry.region_id, Some(43));
        assert!(!entry.default_billing && !entry.default_shipping);
    }
}
