//! `CustomerRepository::save` of an existing customer: `PUT /V1/customers/{customerId}` (admin)
//! and `PUT /V1/customers/me` (the customer herself).
//!
//! Sources (magento2 2.4.9, app/code/Magento/Customer):
//! - `Model/Plugin/UpdateCustomer::beforeSave` (webapi_rest only): on the admin route the
//!   stored customer of the path's `customerId` (404 first) is the base, and every field the
//!   body sets is laid over it, so a body of one field is an update of that field. The body's
//!   `id`, when it differs, is the customer saved (Magento does not refuse the mismatch: the
//!   path customer's fields and addresses are written onto the body's customer).
//! - `etc/webapi.xml`: `/me` forces `customer.id`, `group_id`, `website_id` and `store_id` to
//!   the token's customer's own; there is no merge, so `email`, `firstname` and `lastname`
//!   must be in the body.
//! - `Model/ResourceModel/CustomerRepository::save`, in order: the stored customer (404
//!   `customerId`); `created_at` kept; a non-empty `default_billing`/`default_shipping` must
//!   be one of the stored addresses when there are any (400 `The %fieldName value is invalid.
//!   Set the correct value and try again.`); an unknown group (400); the password hash kept
//!   unless `passwordHash` is given; without an `addresses` key the defaults are kept.
//!   `ResourceModel/Customer::_beforeSave`: no e-mail (400), the e-mail of another customer
//!   of the website (400), then the attribute validators (`"First Name" is a required
//!   value.`, ... joined by a newline). Then the addresses: a posted list replaces the stored
//!   set (an entry with `id` updates that address, 404 `addressId` when unknown; one without
//!   is new; stored ones left out are deleted); each goes through the address validators.
//! - `Framework/Reflection/DataObjectProcessor::buildOutputDataArray` leaves out null
//!   getters, so a field posted as null, like one not posted, keeps its stored value.
//! - The reply is the saved customer as `GET /V1/customers/{id}` prints it.

use sqlx::SqliteConnection;

use super::{
    address_row, blank, check_attributes, directory_region, load, validated_address, AddressInput,
    Customer, CustomerInput, EMAIL_EXISTS, EMAIL_MISSING, GROUP_NOT_FOUND,
};
use crate::db::customers::{self as store, AddressEntityRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};

/// `"The %fieldName value is invalid. Set the correct value and try again."`.
pub const DEFAULT_ADDRESS_INVALID: &str =
    "The %fieldName value is invalid. Set the correct value and try again.";

/// What a PUT posts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerUpdate {
    pub customer: CustomerInput,
    /// The body's `customer.id`.
    pub id: Option<i64>,
    pub default_billing: Option<String>,
    pub default_shipping: Option<String>,
    /// Whether `customer.addresses` was posted (an empty list included).
    pub addresses_posted: bool,
    /// `passwordHash`, kept as given.
    pub password_hash: Option<String>,
}

/// Who saves: the admin route with its path id, or the customer of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saver {
    Admin { customer_id: i64 },
    Me { customer_id: i64 },
}

/// Saves the customer; the id of the customer saved.
pub async fn save(db: &Db, saver: Saver, update: CustomerUpdate) -> Result<i64> {
    db.writer
        .write(move |conn| Box::pin(async move { save_in(conn, saver, update).await }))
        .await
}

async fn stored(conn: &mut SqliteConnection, id: i64) -> Result<Customer> {
    load(conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("customerId", id))
}

/// A default address id as posted: an empty value is no default given.
fn posted_default(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

async fn save_in(conn: &mut SqliteConnection, saver: Saver, update: CustomerUpdate) -> Result<i64> {
    let (base, target_id, me) = match saver {
        Saver::Admin { customer_id } => {
            let base = stored(conn, customer_id).await?;
            (base, update.id.unwrap_or(customer_id), false)
        }
        Saver::Me { customer_id } => (stored(conn, customer_id).await?, customer_id, true),
    };
    let target = if target_id == base.row.entity_id {
        base.clone()
    } else {
        stored(conn, target_id).await?
    };
    let input = &update.customer;

    // The posted defaults must name one of the stored addresses.
    let stored_ids: Vec<i64> = target.addresses.iter().map(|a| a.entity_id).collect();
    let mut defaults = [None, None];
    for (i, (field, value)) in [
        ("default_billing", &update.default_billing),
        ("default_shipping", &update.default_shipping),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(value) = posted_default(value) else {
            continue;
        };
        let id = value.parse::<i64>().ok();
        if !stored_ids.is_empty() && !id.is_some_and(|id| stored_ids.contains(&id)) {
            return Err(Error::Input(Phrase::named(
                DEFAULT_ADDRESS_INVALID,
                "fieldName",
                field,
            )));
        }
        defaults[i] = id;
    }

    // The row: the base with what the body sets (null keeps), the forced fields of `/me`.
    let mut row = base.row.clone();
    row.entity_id = target_id;
    row.created_at = target.row.created_at.clone();
    row.password_hash = update
        .password_hash
        .clone()
        .or_else(|| target.row.password_hash.clone());
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            field.clone_from(v);
        }
    };
    set(&mut row.email, &input.email);
    set(&mut row.firstname, &input.firstname);
    set(&mut row.lastname, &input.lastname);
    let keep = |field: &mut Option<String>, value: &Option<String>| {
        if value.is_some() {
            field.clone_from(value);
        }
    };
    keep(&mut row.middlename, &input.middlename);
    keep(&mut row.prefix, &input.prefix);
    keep(&mut row.suffix, &input.suffix);
    keep(&mut row.dob, &input.dob);
    keep(&mut row.taxvat, &input.taxvat);
    row.gender = input.gender.or(row.gender);
    if let Some(v) = input.disable_auto_group_change {
        row.disable_auto_group_change = v;
    }
    if let Some(v) = input.is_subscribed {
        row.is_subscribed = i64::from(v);
    }
    keep(&mut row.confirmation, &input.confirmation);
    if !row.confirmation.as_deref().is_some_and(crate::php::truthy) {
        row.confirmation = None;
    }
    if me {
        row.group_id = target.row.group_id;
        row.website_id = target.row.website_id;
        row.store_id = target.row.store_id;
    } else {
        row.group_id = input.group_id.unwrap_or(row.group_id);
        row.website_id = input.website_id.or(row.website_id);
        row.store_id = input.store_id.or(row.store_id);
    }

    if row.group_id != 0 && store::group(conn, row.group_id).await?.is_none() {
        return Err(Error::input(GROUP_NOT_FOUND));
    }
    // `/me` has no stored customer under the body: what it lacks is missing.
    let (email, firstname, lastname) = if me {
        (
            input.email.clone(),
            input.firstname.clone(),
            input.lastname.clone(),
        )
    } else {
        (
            Some(row.email.clone()),
            Some(row.firstname.clone()),
            Some(row.lastname.clone()),
        )
    };
    if blank(&email) {
        return Err(Error::input(EMAIL_MISSING));
    }
    if let Some(website) = row.website_id {
        let other = store::customer_by_email(conn, &row.email, website).await?;
        if other.is_some_and(|o| o.entity_id != target_id) {
            return Err(Error::input(EMAIL_EXISTS));
        }
    }
    check_attributes(
        &firstname,
        &lastname,
        row.middlename.as_deref(),
        &row.email,
        row.dob.as_deref(),
    )?;

    // The defaults: the posted ones, else the stored ones; an address's own flags win below.
    let [mut billing, mut shipping] = defaults;
    billing = billing.or(row.default_billing);
    shipping = shipping.or(row.default_shipping);
    row.updated_at = db::now_timestamp();
    db::update(conn, "customer_entity", "entity_id", &row).await?;
    // `CustomerRepository::populateCustomerWithSecureData`: a posted password hash or a new
    // e-mail ends a pending password reset (a link sent to the old address must not work).
    if update.password_hash.is_some() || row.email != target.row.email {
        store::clear_reset_token(conn, target_id).await?;
    }

    // The addresses: the posted list, or on the admin route the base's own (unchanged when the
    // base is the customer saved); `/me` without a list keeps them.
    let list: Option<Vec<AddressInput>> = if update.addresses_posted {
        Some(input.addresses.clone())
    } else if !me && base.row.entity_id != target_id {
        Some(
            base.addresses
                .iter()
                .map(|a| stored_input(a, base.row.default_billing, base.row.default_shipping))
                .collect(),
        )
    } else {
        None
    };
    if let Some(list) = list {
        let mut kept = Vec::new();
        for a in &list {
            let (merged, existing) = match a.id {
                Some(id) => {
                    let old = store::address(conn, id)
                        .await?
                        .ok_or_else(|| Error::no_such_entity("addressId", id))?;
                    (over(a, &old), id)
                }
                None => (a.clone(), 0),
            };
            let regions = validated_address(&mut *conn, &merged).await?;
            let address = directory_region(
                address_row(&merged, existing, target_id),
                regions.as_deref(),
            );
            let id = if existing == 0 {
                db::insert(conn, "customer_address_entity", "entity_id", &address).await?
            } else {
                db::update(conn, "customer_address_entity", "entity_id", &address).await?;
                existing
            };
            if a.default_billing {
                billing = Some(id);
            }
            if a.default_shipping {
                shipping = Some(id);
            }
            kept.push(id);
        }
        for old in &target.addresses {
            if !kept.contains(&old.entity_id) {
                store::delete_address(conn, target_id, old.entity_id).await?;
            }
        }
    }
    // A default that is not one of the customer's addresses any more is none.
    let now: Vec<i64> = store::addresses(conn, target_id)
        .await?
        .iter()
        .map(|a| a.entity_id)
        .collect();
    let billing = billing.filter(|id| now.contains(id));
    let shipping = shipping.filter(|id| now.contains(id));
    store::set_defaults(conn, target_id, billing, shipping).await?;
    Ok(target_id)
}

/// A stored address as the data object Magento re-saves (its default flags from its customer).
fn stored_input(a: &AddressEntityRow, billing: Option<i64>, shipping: Option<i64>) -> AddressInput {
    AddressInput {
        id: Some(a.entity_id),
        default_billing: billing == Some(a.entity_id),
        default_shipping: shipping == Some(a.entity_id),
        ..over(&AddressInput::default(), a)
    }
}

/// The stored address `old` with what `a` sets (`AddressRepository::save`: `updateData` of the
/// non-null fields).
fn over(a: &AddressInput, old: &AddressEntityRow) -> AddressInput {
    let pick = |new: &Option<String>, old: &Option<String>| new.clone().or_else(|| old.clone());
    AddressInput {
        id: a.id,
        firstname: a.firstname.clone().or_else(|| Some(old.firstname.clone())),
        lastname: a.lastname.clone().or_else(|| Some(old.lastname.clone())),
        middlename: pick(&a.middlename, &old.middlename),
        prefix: pick(&a.prefix, &old.prefix),
        suffix: pick(&a.suffix, &old.suffix),
        company: pick(&a.company, &old.company),
        street: if a.street.is_empty() {
            old.street.split('\n').map(str::to_owned).collect()
        } else {
            a.street.clone()
        },
        city: a.city.clone().or_else(|| Some(old.city.clone())),
        region: pick(&a.region, &old.region),
        region_id: a.region_id.or(old.region_id),
        region_code: pick(&a.region_code, &old.region_code),
        postcode: pick(&a.postcode, &old.postcode),
        country_id: a
            .country_id
            .clone()
            .or_else(|| Some(old.country_id.clone())),
        telephone: pick(&a.telephone, &old.telephone),
        fax: pick(&a.fax, &old.fax),
        vat_id: pick(&a.vat_id, &old.vat_id),
        default_billing: a.default_billing,
        default_shipping: a.default_shipping,
    }
}
