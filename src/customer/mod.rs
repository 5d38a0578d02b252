//! Customers: accounts (`AccountManagement::createAccount`), reads (`CustomerRepository`),
//! groups, and customer tokens (`CustomerTokenService`).
//!
//! Sources (magento2 2.4.8, vendor/magento/...):
//! - `module-customer/Model/AccountManagement.php::createAccount`: a null e-mail is refused
//!   first (`The email address is required to create a customer account.`), then the password
//!   (`checkPasswordStrength`: at most 256 characters, at least
//!   `customer/password/minimum_password_length` = 8, no leading or trailing space, at least
//!   `required_character_classes_number` = 3 of lower, upper, digit, other; then not equal to
//!   the e-mail). `createAccountWithPasswordHash`: store 1 when none is given (the current
//!   store is reset to the default one), the store's website, `created_in` = the store's name.
//! - `Model/ResourceModel/CustomerRepository.php::save`: an unknown `group_id` is refused
//!   (`The specified customer group id does not exist.`) before the resource model runs.
//! - `module-customer/Model/ResourceModel/Customer.php::_beforeSave`: an empty e-mail
//!   (`The customer email is missing. ...`), then the e-mail already on the website
//!   (AlreadyExistsException, turned into the InputMismatchException `A customer with the same
//!   email address already exists in an associated website.`), then the EAV validators
//!   (`etc/validation.xml` group `save`): `"First Name" is a required value.`, `"Last Name" ...`,
//!   `"Email" is not a valid email address.`, joined by a newline into one message without
//!   parameters (`Framework/Validator/Exception`; 2.4.8 has no aggregating plugin).
//! - Addresses are saved after the customer; an `InputException` of the address validators
//!   (`Model/Address/Validator/General.php`, `Country.php`: `"%fieldName" is required. Enter and
//!   try again.` for firstname, lastname, street, city, telephone, postcode, countryId, and
//!   regionId for a country that requires a region) deletes the customer again, so nothing is
//!   left. The defaults come from the addresses' `default_billing`/`default_shipping` flags.
//! - The account's welcome e-mail goes to the outbox after the addresses (see [`welcome`]).
//! - Passwords are kept as Magento's `Encryptor::getHash($password, true)` format
//!   `hash:salt:version`, version 1 (SHA-256 of salt + password).
//! - `module-integration/Model/CustomerTokenService.php::createCustomerAccessToken`: the same
//!   credential checks and throttle as the admin token (user type 3), any failure the 401
//!   sign-in message.

pub mod activation;
pub mod groups;
pub mod manage;
pub mod metadata;
pub mod patterns;
pub mod reset;
pub mod update;
pub mod validate;

use rand::distr::{Alphanumeric, SampleString};
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

use crate::db::customers::{self as store, AddressEntityRow, CustomerEntityRow, GroupRow};
use crate::db::directory::{RegionRow, STATE_REQUIRED};
use crate::db::outbox::Mail;
use crate::db::store::DEFAULT_STORE_ID;
use crate::db::{self, tokens, Db};
use crate::error::{Error, Phrase, Result};

/// `customer/create_account/email_template` (module-customer `etc/config.xml`).
pub const NEW_ACCOUNT_TEMPLATE: &str = "customer_create_account_email_template";
/// `customer/create_account/email_no_password_template`.
pub const NEW_ACCOUNT_NO_PASSWORD_TEMPLATE: &str =
    "customer_create_account_email_no_password_template";
/// `customer/create_account/default_group`.
pub const DEFAULT_GROUP_ID: i64 = 1;
/// `UserContextInterface::USER_TYPE_CUSTOMER`.
pub const USER_TYPE_CUSTOMER: i64 = 3;
/// `oauth/authentication_lock/max_failures_count` and `.../timeout` (seconds): the same
/// throttle settings as the admin token's (`crate::auth`), counted per user type.
pub const MAX_FAILURES: i64 = 6;
pub const LOCK_SECONDS: i64 = 1800;
/// `oauth/access_token_lifetime/customer`, hours.
pub const TOKEN_LIFETIME_HOURS: i64 = 1;
/// `AccountManagement::MAX_PASSWORD_LENGTH`.
pub const MAX_PASSWORD_LENGTH: usize = 256;
/// `customer/password/minimum_password_length`.
pub const MIN_PASSWORD_LENGTH: usize = 8;
/// `customer/password/required_character_classes_number`.
pub const REQUIRED_CHARACTER_CLASSES: usize = 3;

pub const EMAIL_REQUIRED: &str = "The email address is required to create a customer account.";
/// `Customer\Model\Validator\Dob` (the customer validators of 2.4.7+).
pub const DOB_IN_FUTURE: &str = "The Date of Birth should not be greater than today.";
pub const EMAIL_MISSING: &str = "The customer email is missing. Enter and try again.";
pub const PASSWORD_TOO_LONG: &str = "Please enter a password with at most %1 characters.";
pub const PASSWORD_TOO_SHORT: &str =
    "The password needs at least %1 characters. Create a new password and try again.";
pub const PASSWORD_SPACES: &str =
    "The password can't begin or end with a space. Verify the password and try again.";
pub const PASSWORD_CLASSES: &str = "Minimum of different classes of characters in password is %1. Classes of characters: Lower Case, Upper Case, Digits, Special Characters.";
pub const PASSWORD_IS_EMAIL: &str =
    "The password can't be the same as the email address. Create a new password and try again.";
/// `AccountManagement::validateCustomerStoreIdByWebsiteId`.
pub const STORE_NOT_IN_WEBSITE: &str = "The store view is not in the associated website.";
pub const GROUP_NOT_FOUND: &str = "The specified customer group id does not exist.";
pub const EMAIL_EXISTS: &str =
    "A customer with the same email address already exists in an associated website.";
pub const FIELD_REQUIRED: &str = crate::error::FIELD_REQUIRED;

/// A posted address (`AddressInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddressInput {
    /// The address to update (`PUT /V1/customers/...`); a new one without.
    pub id: Option<i64>,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub middlename: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub company: Option<String>,
    pub street: Vec<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub region_id: Option<i64>,
    pub region_code: Option<String>,
    pub postcode: Option<String>,
    pub country_id: Option<String>,
    pub telephone: Option<String>,
    pub fax: Option<String>,
    pub vat_id: Option<String>,
    pub default_billing: bool,
    pub default_shipping: bool,
}

/// A posted customer (`CustomerInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerInput {
    /// The posted `id`: on a new account, `createAccountWithPasswordHash`'s "existing customer
    /// added to another store" branch.
    pub id: Option<i64>,
    pub email: Option<String>,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub middlename: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub dob: Option<String>,
    pub taxvat: Option<String>,
    pub gender: Option<i64>,
    pub group_id: Option<i64>,
    pub store_id: Option<i64>,
    pub website_id: Option<i64>,
    pub disable_auto_group_change: Option<i64>,
    pub addresses: Vec<AddressInput>,
    /// `extension_attributes.is_subscribed` (Magento_Newsletter's `CustomerPlugin::afterSave`
    /// subscribes the customer).
    pub is_subscribed: Option<bool>,
    /// `created_at` as posted: a new account keeps it (its `Backend\Time\Created` sets now only
    /// when none is given); a saved one keeps its own (`CustomerRepository::save`).
    pub created_at: Option<String>,
    /// `confirmation`: a key a client posts is kept (an empty one is none).
    pub confirmation: Option<String>,
}

/// A posted `created_at` as MySQL's `timestamp` column stores the text Magento hands it: a date,
/// optionally with a time (`T` or a space; minutes or seconds), else, without strict mode
/// (Magento's connections run with an empty `sql_mode`), the zero date.
fn stored_timestamp(text: &str) -> String {
    crate::clock::db_datetime(text).unwrap_or_else(|| "0000-00-00 00:00:00".to_owned())
}

/// A customer with its addresses.
#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub row: CustomerEntityRow,
    pub addresses: Vec<AddressEntityRow>,
}

/// A date of birth as PHP's `new \DateTime($value)` reads the usual forms: `1980-12-14` (with
/// or without a time), `14-12-1980`, `12/14/1980`. `None` for anything else (not checked).
fn dob_date(text: &str) -> Option<time::Date> {
    use time::macros::format_description;
    let text = text.trim();
    let head = text.get(..10).unwrap_or(text);
    time::Date::parse(head, format_description!("[year]-[month]-[day]"))
        .or_else(|_| time::Date::parse(head, format_description!("[day]-[month]-[year]")))
        .or_else(|_| time::Date::parse(head, format_description!("[month]/[day]/[year]")))
        .ok()
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// `AccountManagement::checkPasswordStrength`.
pub fn check_password_strength(password: &str) -> Result<()> {
    let length = password.chars().count();
    if length > MAX_PASSWORD_LENGTH {
        return Err(Error::Input(Phrase::positional(
            PASSWORD_TOO_LONG,
            vec![MAX_PASSWORD_LENGTH.to_string()],
        )));
    }
    if length < MIN_PASSWORD_LENGTH {
        return Err(Error::Input(Phrase::positional(
            PASSWORD_TOO_SHORT,
            vec![MIN_PASSWORD_LENGTH.to_string()],
        )));
    }
    let trimmed = crate::php::trim(password);
    if trimmed.chars().count() != length {
        return Err(Error::input(PASSWORD_SPACES));
    }
    let classes = [
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| c.is_ascii_uppercase()),
        password.chars().any(|c| c.is_ascii_lowercase()),
        password.chars().any(|c| !c.is_ascii_alphanumeric()),
    ];
    if classes.iter().filter(|c| **c).count() < REQUIRED_CHARACTER_CLASSES {
        return Err(Error::Input(Phrase::positional(
            PASSWORD_CLASSES,
            vec![REQUIRED_CHARACTER_CLASSES.to_string()],
        )));
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `Encryptor::getHash($password, true)` with version 1: `sha256(salt . password):salt:1`.
pub fn password_hash(password: &str) -> String {
    let salt = Alphanumeric.sample_string(&mut rand::rng(), 32);
    format!(
        "{}:{salt}:1",
        hex(&Sha256::digest(format!("{salt}{password}")))
    )
}

/// `Encryptor::isValidHash` for version-1 hashes.
pub fn password_matches(password: &str, hash: &str) -> bool {
    let mut parts = hash.split(':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(h), Some(salt), Some("1")) => hex(&Sha256::digest(format!("{salt}{password}"))) == h,
        _ => false,
    }
}

/// The `save` group's validators (`ResourceModel/Customer::_validate`): the EAV check (the names
/// required, the e-mail well formed), the names' pattern ([`patterns::name_messages`]), the date
/// of birth not after today; every message, joined by a newline into one message without
/// parameters (`Framework/Validator/Exception`).
fn check_attributes(
    firstname: &Option<String>,
    lastname: &Option<String>,
    middlename: Option<&str>,
    email: &str,
    dob: Option<&str>,
) -> Result<()> {
    let mut messages = Vec::new();
    if blank(firstname) {
        messages.push("\"First Name\" is a required value.");
    }
    if blank(lastname) {
        messages.push("\"Last Name\" is a required value.");
    }
    let email_messages = email_messages(email);
    messages.extend(email_messages.iter().map(String::as_str));
    messages.extend(patterns::name_messages(
        firstname.as_deref(),
        lastname.as_deref(),
        middlename,
    ));
    if dob
        .and_then(dob_date)
        .is_some_and(|d| d > crate::clock::now().date())
    {
        messages.push(DOB_IN_FUTURE);
    }
    if messages.is_empty() {
        Ok(())
    } else {
        Err(Error::input(messages.join("\n")))
    }
}

/// The EAV `email` input rule's messages (`Eav/Model/Attribute/Data/AbstractData.php`
/// `_validateInputRule`, 2.4.8): laminas' `EmailAddress` with a message of Magento's set for
/// each of its keys and most of its hostname validator's (`%value%` the hostname), the rest
/// laminas' own; `array_unique`, so the local part's three keys give one message.
fn email_messages(email: &str) -> Vec<String> {
    use crate::email_address::{HostRefusal, Refusal};
    let check = crate::email_address::check(email);
    let host = &check.hostname;
    let mut messages: Vec<String> = Vec::new();
    for refusal in &check.refusals {
        let message = match refusal {
            Refusal::Format | Refusal::LocalPart => {
                "\"Email\" is not a valid email address.".into()
            }
            Refusal::Length => "\"Email\" uses too many characters.".into(),
            Refusal::Hostname => "\"Email\" is not a valid hostname.".into(),
            Refusal::Host(HostRefusal::IpAddressNotAllowed) => {
                format!("'{host}' looks like an IP address, which is not an acceptable format.")
            }
            // Magento sets none for this key: laminas' own template.
            Refusal::Host(HostRefusal::InvalidHostname) => {
                "The input does not match the expected structure for a DNS hostname".into()
            }
            Refusal::Host(HostRefusal::InvalidDash) => format!(
                "'{host}' looks like a DNS hostname but contains a dash in an invalid position."
            ),
            Refusal::Host(HostRefusal::InvalidHostnameSchema { tld }) => format!(
                "'{host}' looks like a DNS hostname but we cannot match it against the hostname \
                 schema for TLD '{tld}'."
            ),
            Refusal::Host(HostRefusal::UndecipherableTld) => {
                format!("'{host}' looks like a DNS hostname but cannot extract TLD part.")
            }
            Refusal::Host(HostRefusal::InvalidLocalName) => {
                format!("'{host}' does not look like a valid local network name.")
            }
            Refusal::Host(HostRefusal::LocalNameNotAllowed) => format!(
                "'{host}' looks like a local network name, which is not an acceptable format."
            ),
            Refusal::Host(HostRefusal::CannotDecodePunycode) => format!(
                "'{host}' appears to be a DNS hostname, but the given punycode notation cannot \
                 be decoded."
            ),
        };
        if !messages.contains(&message) {
            messages.push(message);
        }
    }
    messages
}

/// The address validators (`General`, then `Country`), as phrases; `regions` the country's
/// ([`regions_of`]).
fn address_errors(a: &AddressInput, regions: Option<&[RegionRow]>) -> Vec<Phrase> {
    let required = |name: &str| Phrase::named(FIELD_REQUIRED, "fieldName", name);
    let mut errors = Vec::new();
    if blank(&a.firstname) {
        errors.push(required("firstname"));
    }
    if blank(&a.lastname) {
        errors.push(required("lastname"));
    }
    if a.street.first().is_none_or(|s| s.trim().is_empty()) {
        errors.push(required("street"));
    }
    if blank(&a.city) {
        errors.push(required("city"));
    }
    if blank(&a.telephone) {
        errors.push(required("telephone"));
    }
    // `general/country/optional_zip_countries` (Directory/etc/config.xml).
    let optional_zip = ["HK", "IE", "MO", "PA", "GB"];
    if !a
        .country_id
        .as_deref()
        .is_some_and(|c| optional_zip.contains(&c))
        && blank(&a.postcode)
    {
        errors.push(required("postcode"));
    }
    match (a.country_id.as_deref(), regions) {
        (_, _) if blank(&a.country_id) => errors.push(required("countryId")),
        (Some(country), None) => errors.push(Phrase::invalid_escaped("countryId", country)),
        (Some(country), Some(regions)) => {
            // `Validator\Country::validateRegion`. The customer address model casts its
            // region id to an int, so a missing one is "0", which is not empty: "regionId" is
            // never required here (Magento's own tests leave that case out, MC-31031), and 0
            // is not checked against the list.
            let state_required = STATE_REQUIRED.contains(&country);
            let region_id = a.region_id.unwrap_or(0);
            if state_required && regions.is_empty() && blank(&a.region) {
                errors.push(required("region"));
            } else if region_id != 0
                && !regions.is_empty()
                && !regions.iter().any(|r| r.region_id == region_id)
            {
                errors.push(Phrase::invalid_escaped("regionId", &region_id.to_string()));
            }
        }
        (None, _) => errors.push(required("countryId")),
    }
    errors
}

/// An address as `AddressRepository::save` checks it, the regions of its country as the
/// answer: `Address::validate` (the required fields and the country, [`address_errors`]: one
/// `InputException` of every error), then the model's save, whose `customer_address` `save`
/// group adds the pattern validators ([`patterns::address_messages`]: a `Validator\Exception`,
/// its messages joined by newlines).
async fn validated_address(
    conn: &mut SqliteConnection,
    a: &AddressInput,
) -> Result<Option<Vec<RegionRow>>> {
    let regions = regions_of(&mut *conn, a).await?;
    let errors = address_errors(a, regions.as_deref());
    if !errors.is_empty() {
        return Err(Error::aggregate(errors));
    }
    let messages = patterns::address_messages(
        a.firstname.as_deref(),
        a.lastname.as_deref(),
        a.middlename.as_deref(),
        &a.street,
        a.city.as_deref(),
        a.telephone.as_deref(),
    );
    if !messages.is_empty() {
        return Err(Error::input(messages.join("\n")));
    }
    Ok(regions)
}

/// The regions of an address's country, `None` for a country not in the directory (nothing
/// read for a blank one).
async fn regions_of(
    conn: &mut SqliteConnection,
    a: &AddressInput,
) -> Result<Option<Vec<RegionRow>>> {
    match a.country_id.as_deref() {
        Some(c) if !c.trim().is_empty() => Ok(db::directory::country_regions(conn, c).await?),
        _ => Ok(Some(Vec::new())),
    }
}

/// `AccountManagement::createAccountWithPasswordHash` given the id of a customer already in the
/// store.
pub const CUSTOMER_IN_STORE: &str = "This customer already exists in this store.";

/// `AccountManagement::createAccount`: the new customer's id.
pub async fn create_account(
    db: &Db,
    input: CustomerInput,
    password: Option<String>,
) -> Result<i64> {
    let Some(email) = input.email.clone() else {
        return Err(Error::input(EMAIL_REQUIRED));
    };
    let hash = match &password {
        Some(p) => {
            check_password_strength(p)?;
            if p.eq_ignore_ascii_case(&email) {
                return Err(Error::input(PASSWORD_IS_EMAIL));
            }
            Some(password_hash(p))
        }
        None => None,
    };
    db.writer
        .write(move |conn| Box::pin(async move { create_in(conn, input, email, hash).await }))
        .await
}

/// `AccountManagement::createAccountWithPasswordHash`'s store and website: without a store, the
/// website's default store (`StoreManager::getWebsite`: an unknown website is a 404), or the
/// default store view without a website either; without a website, the store's
/// (`getStore`: an unknown store is a 404); then `validateCustomerStoreIdByWebsiteId` (accounts
/// shared per website, Magento's default): a store of another website is refused.
async fn store_and_website(
    conn: &mut SqliteConnection,
    input: &CustomerInput,
) -> Result<(i64, i64, Option<db::store::StoreRow>)> {
    let stores = db::store::views(conn).await?;
    let websites = db::store::websites(conn).await?;
    let groups = db::store::groups(conn).await?;
    let website = |id: i64| {
        websites.iter().find(|w| w.website_id == id).ok_or_else(|| {
            Error::NotFound(Phrase::positional(
                crate::error::WEBSITE_ID_NOT_FOUND,
                vec![id.to_string()],
            ))
        })
    };
    let store_of = |id: i64| {
        stores
            .iter()
            .find(|s| s.store_id == id)
            .cloned()
            .ok_or_else(|| Error::NotFound(Phrase::plain(crate::error::STORE_NOT_FOUND)))
    };
    let given_website = input.website_id.filter(|w| *w != 0);
    let store = match (input.store_id.filter(|s| *s != 0), given_website) {
        (Some(s), _) => store_of(s)?,
        (None, Some(w)) => {
            let default_group = website(w)?.default_group_id;
            let default_store = groups
                .iter()
                .find(|g| g.group_id == default_group)
                .map(|g| g.default_store_id)
                .unwrap_or(DEFAULT_STORE_ID);
            store_of(default_store)?
        }
        (None, None) => store_of(DEFAULT_STORE_ID)?,
    };
    let website_id = given_website.unwrap_or(store.website_id);
    website(website_id)?;
    if store.website_id != website_id {
        return Err(Error::input(STORE_NOT_IN_WEBSITE));
    }
    Ok((store.store_id, website_id, Some(store)))
}

async fn create_in(
    conn: &mut SqliteConnection,
    input: CustomerInput,
    email: String,
    hash: Option<String>,
) -> Result<i64> {
    // "This logic allows an existing customer to be added to a different store": with an id,
    // the customer of the e-mail on the current website is loaded (404 without one) and, being
    // in a store of her website (accounts shared per website), refused. magemu has one store
    // per website, so a found customer is always in it (a customer without a store would go on
    // to save the loaded account: refused here as well).
    if input.id.is_some_and(|id| id != 0) {
        customer_by_email(&mut *conn, &email, None).await?;
        return Err(Error::input(CUSTOMER_IN_STORE));
    }
    let (store_id, website_id, store) = store_and_website(conn, &input).await?;
    let created_in = store.map(|s| s.name.clone());
    // `CustomerRepository::validateGroupId`, before the resource model's checks.
    if let Some(group_id) = input.group_id.filter(|g| *g != 0) {
        if store::group(conn, group_id).await?.is_none() {
            return Err(Error::input(GROUP_NOT_FOUND));
        }
    }
    if email.trim().is_empty() {
        return Err(Error::input(EMAIL_MISSING));
    }
    if store::customer_by_email(conn, &email, website_id)
        .await?
        .is_some()
    {
        return Err(Error::input(EMAIL_EXISTS));
    }
    check_attributes(
        &input.firstname,
        &input.lastname,
        input.middlename.as_deref(),
        &email,
        input.dob.as_deref(),
    )?;
    // `Customer::getGroupId`: without a group, the store's `customer/create_account/default_group`.
    let group_id = match input.group_id {
        Some(group) => group,
        None => groups::default_group_id(conn, store_id)
            .await?
            .unwrap_or(DEFAULT_GROUP_ID),
    };
    let now = db::now_timestamp();
    let row = CustomerEntityRow {
        entity_id: 0,
        website_id: Some(website_id),
        email,
        group_id,
        store_id: Some(store_id),
        created_in,
        firstname: input.firstname.clone().unwrap_or_default(),
        lastname: input.lastname.clone().unwrap_or_default(),
        middlename: input.middlename.clone(),
        prefix: input.prefix.clone(),
        suffix: input.suffix.clone(),
        dob: input.dob.clone(),
        taxvat: input.taxvat.clone(),
        gender: input.gender,
        default_billing: None,
        default_shipping: None,
        password_hash: hash,
        disable_auto_group_change: input.disable_auto_group_change.unwrap_or(0),
        created_at: input
            .created_at
            .as_deref()
            .map(stored_timestamp)
            .unwrap_or_else(|| now.clone()),
        updated_at: now,
        is_subscribed: i64::from(input.is_subscribed.unwrap_or(false)),
        // ResourceModel\Customer::_beforeSave: `if (!$customer->getConfirmation())` null.
        confirmation: input.confirmation.clone().filter(|k| crate::php::truthy(k)),
    };
    let id = db::insert(conn, "customer_entity", "entity_id", &row).await?;
    let (mut billing, mut shipping) = (None, None);
    for a in &input.addresses {
        // A refusal deletes the customer again (the writer's savepoint undoes it all).
        let regions = validated_address(&mut *conn, a).await?;
        let address = directory_region(address_row(a, 0, id), regions.as_deref());
        let address_id = db::insert(conn, "customer_address_entity", "entity_id", &address).await?;
        if a.default_billing {
            billing = Some(address_id);
        }
        if a.default_shipping {
            shipping = Some(address_id);
        }
    }
    if billing.is_some() || shipping.is_some() {
        store::set_defaults(conn, id, billing, shipping).await?;
    }
    // `createAccountWithPasswordHash`: every new account is given a reset token
    // (`changeResetPasswordLinkToken`), which the welcome e-mail of an account without a
    // password links to for setting one (`resetPassword`).
    let token = reset::new_token();
    // Both at the time of the save (`updated_at`), not a `created_at` the client gave.
    store::set_reset_token(conn, id, &token, &row.updated_at).await?;
    welcome(conn, id, &row, &token).await?;
    Ok(id)
}

/// `AddressRepository::save` of a new address of customer `customer_id`, as checkout saves a
/// cart address into her address book: validated as every customer address (the model's
/// `validate()`, each failure an error of one `InputException`), the region read from the
/// directory; `default_billing` / `default_shipping` make it her default of that kind
/// (`Address\Relation`). The new address's id.
pub async fn add_address(
    conn: &mut SqliteConnection,
    customer_id: i64,
    a: &AddressInput,
) -> Result<i64> {
    let regions = validated_address(&mut *conn, a).await?;
    let address = directory_region(address_row(a, 0, customer_id), regions.as_deref());
    let id = db::insert(conn, "customer_address_entity", "entity_id", &address).await?;
    if a.default_billing || a.default_shipping {
        let Some(row) = store::customer(&mut *conn, customer_id).await? else {
            return Err(Error::internal(format!("customer {customer_id} vanished")));
        };
        let billing = if a.default_billing {
            Some(id)
        } else {
            row.default_billing
        };
        let shipping = if a.default_shipping {
            Some(id)
        } else {
            row.default_shipping
        };
        store::set_defaults(conn, customer_id, billing, shipping).await?;
    }
    Ok(id)
}

/// The row of a posted address of customer `customer_id` (`entity_id` 0: a new one).
/// `AbstractAddress::getRegion` / `getRegionCode` on save: a region id of the address's own
/// country names the region (its directory name replaces the posted text) and its code.
/// `region_code` is no attribute of a customer address: Magento keeps no posted code, and
/// reads one back only from such a region (or, without an id, from the region text).
fn directory_region(mut row: AddressEntityRow, regions: Option<&[RegionRow]>) -> AddressEntityRow {
    let found = row
        .region_id
        .filter(|id| *id != 0)
        .and_then(|id| regions?.iter().find(|r| r.region_id == id));
    match found {
        Some(r) => {
            row.region = r.default_name.clone();
            row.region_code = r.code.clone();
        }
        None => row.region_code = None,
    }
    row
}

fn address_row(a: &AddressInput, entity_id: i64, customer_id: i64) -> AddressEntityRow {
    AddressEntityRow {
        entity_id,
        parent_id: customer_id,
        firstname: a.firstname.clone().unwrap_or_default(),
        lastname: a.lastname.clone().unwrap_or_default(),
        middlename: a.middlename.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        company: a.company.clone(),
        street: a.street.join("\n"),
        city: a.city.clone().unwrap_or_default(),
        region: a.region.clone(),
        region_id: a.region_id,
        region_code: a.region_code.clone(),
        postcode: a.postcode.clone(),
        country_id: a.country_id.clone().unwrap_or_default(),
        telephone: a.telephone.clone(),
        fax: a.fax.clone(),
        vat_id: a.vat_id.clone(),
    }
}

/// `AccountManagement::sendEmailConfirmation` → `EmailNotification::newAccount`: the welcome
/// e-mail, recorded in the outbox. With a password the `registered` template, without one
/// `registered_no_password` (`customer/create_account/confirm` is 0, so never the
/// confirmation one); to the account's e-mail, named by `Helper/View::getCustomerName`
/// (prefix, middle name and suffix are not visible attributes by default: first and last name),
/// in the account's store. The one without a password links to setting one with the account's
/// reset token.
async fn welcome(
    conn: &mut SqliteConnection,
    id: i64,
    row: &CustomerEntityRow,
    token: &str,
) -> Result<()> {
    let template = if row.password_hash.is_some() {
        NEW_ACCOUNT_TEMPLATE
    } else {
        NEW_ACCOUNT_NO_PASSWORD_TEMPLATE
    };
    let link = row.password_hash.is_none().then(|| reset::link(token));
    send_customer_mail(conn, id, row, template, &row.updated_at, link).await
}

/// The website of the REST API's current store (`default`), for a lookup by e-mail that names
/// none.
const CURRENT_WEBSITE: i64 = 1;

/// `CustomerRepository::get($email, $websiteId)`: the customer of `email` on `website_id`, or
/// on the current store's website when none is given; `CustomerRegistry::retrieveByEmail`'s
/// 404 otherwise, naming the website as given (an int) or as the store's row holds it (a
/// string).
pub(crate) async fn customer_by_email(
    conn: &mut SqliteConnection,
    email: &str,
    website_id: Option<i64>,
) -> Result<CustomerEntityRow> {
    let website = website_id.unwrap_or(CURRENT_WEBSITE);
    if let Some(customer) = store::customer_by_email(conn, email, website).await? {
        return Ok(customer);
    }
    let shown = match website_id {
        Some(id) => serde_json::Value::from(id),
        None => CURRENT_WEBSITE.to_string().into(),
    };
    Err(Error::NotFound(Phrase::values(
        "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
        vec![
            ("fieldName", "email".into()),
            ("fieldValue", email.into()),
            ("field2Name", "websiteId".into()),
            ("field2Value", shown),
        ],
    )))
}

/// An `EmailNotification` e-mail about customer `id` (`row`), recorded in the outbox: to her
/// address, named by `Helper/View::getCustomerName` (first and last name), in her store.
pub(crate) async fn send_customer_mail(
    conn: &mut SqliteConnection,
    id: i64,
    row: &CustomerEntityRow,
    template: &str,
    at: &str,
    link: Option<String>,
) -> Result<()> {
    let mail = Mail {
        mail_id: 0,
        created_at: at.to_owned(),
        template_id: template.to_owned(),
        to_email: row.email.clone(),
        to_name: Some(format!("{} {}", row.firstname, row.lastname)),
        store_id: row.store_id,
        entity_type: "customer".to_owned(),
        entity_id: id,
        increment_id: None,
        order_id: None,
        comment: None,
        link,
    };
    db::outbox::insert(conn, &mail).await?;
    Ok(())
}

/// `CustomerRepository::getById` (404 `No such entity with customerId = ...`).
pub async fn get(db: &Db, id: i64) -> Result<Customer> {
    let mut conn = db.read.acquire().await?;
    load(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("customerId", id))
}

pub async fn load(conn: &mut SqliteConnection, id: i64) -> Result<Option<Customer>, sqlx::Error> {
    let Some(row) = store::customer(conn, id).await? else {
        return Ok(None);
    };
    Ok(Some(Customer {
        addresses: store::addresses(conn, id).await?,
        row,
    }))
}

/// `CustomerRepository::getList`.
pub async fn list(
    db: &Db,
    criteria: &crate::search::SearchCriteria,
) -> Result<(Vec<Customer>, i64)> {
    let mut fields = db::search::fields_of(&CustomerEntityRow::default());
    fields.extend(list_expressions());
    let criteria = eav_criteria(criteria, &fields)?;
    let mut conn = db.read.acquire().await?;
    db::search::documents_over(
        &mut conn,
        "customer_entity",
        "entity_id",
        &fields,
        &[],
        &criteria,
        async |conn, id| load(conn, id).await,
    )
    .await
}

/// The fields `CustomerRepository::getList` adds to its collection besides the attributes:
/// `name` (`Collection::addNameToSelect`: prefix, first, middle, last name and suffix, each
/// trimmed, the empty ones left out) and the default billing address's postcode, city,
/// telephone, region, country and company (`joinAttribute('billing_...', 'customer_address/...',
/// 'default_billing', null, 'left')`).
fn list_expressions() -> Vec<db::search::Field> {
    let part = |column: &str, before: &str, after: &str| {
        format!(
            "(CASE WHEN {column} IS NOT NULL AND {column} != '' \
             THEN {before}trim({column}){after} ELSE '' END)"
        )
    };
    let name = format!(
        "({} || trim(firstname) || ' ' || {} || trim(lastname) || {})",
        part("prefix", "", " || ' '"),
        part("middlename", "", " || ' '"),
        part("suffix", "' ' || ", ""),
    );
    let billing = |column: &str| {
        format!(
            "(SELECT a.{column} FROM customer_address_entity a \
             WHERE a.entity_id = customer_entity.default_billing)"
        )
    };
    let text = |name: &'static str, column: String| db::search::Field {
        name,
        column: column.into(),
        kind: db::search::Kind::Text,
    };
    vec![
        text("name", name),
        text("billing_postcode", billing("postcode")),
        text("billing_city", billing("city")),
        text("billing_telephone", billing("telephone")),
        text("billing_region", billing("region")),
        text("billing_country_id", billing("country_id")),
        text("billing_company", billing("company")),
    ]
}

/// The customer collection is an EAV collection: a filter on a code no attribute (nor column
/// of `customer_entity`) has is 400 `The "%1" attribute name is invalid.`
/// (`AbstractCollection::_addAttributeJoin`), a sort on one is left out (`addAttributeToSort`
/// does nothing without an attribute). Codes are found without case, as `loadByCode` finds them
/// in MySQL.
fn eav_criteria(
    criteria: &crate::search::SearchCriteria,
    fields: &[db::search::Field],
) -> Result<crate::search::SearchCriteria> {
    let known = |name: &str| db::search::field_of(fields, name).is_ok();
    for f in criteria.filter_groups.iter().flat_map(|g| &g.filters) {
        if !f.field.as_deref().is_some_and(known) {
            return Err(crate::error::invalid_attribute_name_of(f.field.as_deref()));
        }
    }
    let mut criteria = criteria.clone();
    if let Some(sorts) = &mut criteria.sort_orders {
        sorts.retain(|s| s.field.as_deref().is_none_or(known));
    }
    criteria.eav = true;
    Ok(criteria)
}

/// `GroupRepository::getById` (404 `No such entity with id = ...`).
pub async fn group(db: &Db, id: i64) -> Result<GroupRow> {
    let mut conn = db.read.acquire().await?;
    store::group(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("id", id))
}

enum SignIn {
    Accepted(String),
    Refused,
}

/// `CustomerTokenService::createCustomerAccessToken` on credentials the input layer accepted.
pub async fn create_token(db: &Db, username: String, password: String) -> Result<String> {
    let logged_name = tokens::log_name(&username);
    let outcome = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let now = db::unix_now();
                let failures =
                    tokens::failures(conn, &logged_name, USER_TYPE_CUSTOMER, now).await?;
                if failures >= MAX_FAILURES {
                    return Ok::<_, Error>(SignIn::Refused);
                }
                // `Authenticate::execute`: the customer of the default website by e-mail.
                let customer = store::customer_by_email(conn, &username, 1).await?;
                // `AccountManagement::authenticate`: a locked account is refused before its
                // password is looked at; a wrong password counts a failure on the customer
                // (`Authentication::authenticate`) as well as the sign-in throttle's.
                let mut valid = None;
                if let Some(c) = &customer {
                    if let Some(stored) = store::credentials(conn, c.entity_id).await? {
                        let open = !is_locked(&stored, crate::clock::now());
                        if open
                            && authenticate(conn, c.entity_id, stored, &password).await?
                                == Authenticated::Yes
                        {
                            valid = Some(c.entity_id);
                        }
                    }
                }
                let Some(customer_id) = valid else {
                    tokens::log_failure(conn, &logged_name, USER_TYPE_CUSTOMER, now, LOCK_SECONDS)
                        .await?;
                    return Ok(SignIn::Refused);
                };
                tokens::reset_failures(conn, &logged_name, USER_TYPE_CUSTOMER).await?;
                let token = Alphanumeric
                    .sample_string(&mut rand::rng(), 32)
                    .to_lowercase();
                store::insert_token(
                    conn,
                    &token,
                    USER_TYPE_CUSTOMER,
                    &username,
                    customer_id,
                    now,
                    now + TOKEN_LIFETIME_HOURS * 3600,
                )
                .await?;
                Ok(SignIn::Accepted(token))
            })
        })
        .await?;
    match outcome {
        SignIn::Accepted(token) => Ok(token),
        SignIn::Refused => Err(Error::Authentication),
    }
}

/// `Model/Authentication`'s lockout: `customer/password/lockout_failures` (10) failures in a
/// row lock the account for `customer/password/lockout_threshold` (10 minutes).
pub const LOCKOUT_FAILURES: i64 = 10;
pub const LOCKOUT_SECONDS: i64 = 600;
/// `AccountManagement::changePasswordForCustomer` (an `InvalidEmailOrPasswordException`).
pub const PASSWORD_MISMATCH: &str =
    "The password doesn't match this account. Verify the password and try again.";
/// `Authentication::authenticate` (a `UserLockedException`).
pub const ACCOUNT_LOCKED: &str = "The account is locked.";

/// `Authentication::authenticate`'s outcome. A wrong password is counted before the answer
/// (Magento saves the customer, then throws), so the write that reports it commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Authenticated {
    Yes,
    Mismatch,
    /// Wrong, and the account is locked now (`UserLockedException`).
    Locked,
}

/// `Authentication::isLocked`: a lock that has not run out.
fn is_locked(c: &store::Credentials, now: time::OffsetDateTime) -> bool {
    c.lock_expires
        .as_deref()
        .is_some_and(|lock| lock > crate::clock::format(now).as_str())
}

/// `Authentication::authenticate`: whether `password` is customer `id`'s; a wrong one is
/// counted ([`count_failure`]), and answers [`Authenticated::Locked`] once that locks the
/// account.
async fn authenticate(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
    stored: store::Credentials,
    password: &str,
) -> Result<Authenticated> {
    let matches = stored
        .password_hash
        .as_deref()
        .is_some_and(|h| password_matches(password, h));
    if matches {
        return Ok(Authenticated::Yes);
    }
    let now = crate::clock::now();
    let counted = count_failure(stored, now);
    store::set_failures(conn, id, &counted).await?;
    Ok(if is_locked(&counted, now) {
        Authenticated::Locked
    } else {
        Authenticated::Mismatch
    })
}

/// `Authentication::processAuthenticationFailure`: one more failure; the first of a run (or
/// the first after a lock ran out) starts the count again; the count reaching the limit locks
/// the account.
fn count_failure(mut c: store::Credentials, now: time::OffsetDateTime) -> store::Credentials {
    let stamp = crate::clock::format(now);
    let lock_expired = c
        .lock_expires
        .as_deref()
        .is_some_and(|lock| stamp.as_str() > lock);
    let failures = c.failures_num + 1;
    if failures == 1 || c.first_failure.is_none() || lock_expired {
        c.first_failure = Some(stamp);
        c.failures_num = 1;
        c.lock_expires = None;
    } else {
        c.failures_num = failures;
        if failures >= LOCKOUT_FAILURES {
            c.lock_expires = Some(crate::clock::format(
                now + time::Duration::seconds(LOCKOUT_SECONDS),
            ));
        }
    }
    c
}

/// `AccountManagement::changePasswordById`: the current password checked
/// (`Authentication::authenticate`: a wrong one counts a failure, and once the count locks the
/// account the answer is `The account is locked.`), then the new one (not the e-mail, then
/// `checkPasswordStrength`), then saved. The customer's tokens stay good (no plugin revokes
/// them on a password change; `session_cutoff` only ends storefront sessions).
pub async fn change_password(
    db: &Db,
    customer_id: i64,
    current: String,
    new: String,
) -> Result<()> {
    let outcome = db
        .writer
        .write(move |conn| {
            Box::pin(async move {
                let Some(stored) = store::credentials(conn, customer_id).await? else {
                    return Err(Error::no_such_entity("customerId", customer_id));
                };
                let email = stored.email.clone();
                let outcome = authenticate(conn, customer_id, stored, &current).await?;
                if outcome != Authenticated::Yes {
                    return Ok(outcome);
                }
                if new.eq_ignore_ascii_case(&email) {
                    return Err(Error::input(PASSWORD_IS_EMAIL));
                }
                check_password_strength(&new)?;
                store::set_password(conn, customer_id, &password_hash(&new)).await?;
                Ok(Authenticated::Yes)
            })
        })
        .await?;
    match outcome {
        Authenticated::Yes => Ok(()),
        Authenticated::Mismatch => Err(Error::AuthenticationPhrase(Phrase::plain(
            PASSWORD_MISMATCH,
        ))),
        Authenticated::Locked => Err(Error::AuthenticationPhrase(Phrase::plain(ACCOUNT_LOCKED))),
    }
}

/// `CustomerTokenService::revokeCustomerAccessToken`: the customer's tokens revoked (all of
/// them: magemu's tokens are opaque, Magento's OAuth tokens were revoked the same way; its JWT
/// revoker marks every token issued up to the second before).
pub async fn revoke_tokens(db: &Db, customer_id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                store::delete_tokens(conn, customer_id).await?;
                Ok(())
            })
        })
        .await
}

/// The customer of a valid, unexpired customer token.
pub async fn token_customer(db: &Db, token: &str) -> Result<Option<i64>> {
    let mut conn = db.read.acquire().await?;
    Ok(store::token_customer(&mut conn, token, USER_TYPE_CUSTOMER)
        .await?
        .filter(|(_, expires_at)| *expires_at > db::unix_now())
        .map(|(id, _)| id))
}

#[cfg(test)]
mod tests {
    /// The e-mail rule's messages, each list as laminas-validator 2.64.1 gave it under PHP 8.2
    /// with ext-intl, set up as 2.4.8's `_validateInputRule` sets it up (an empty list: valid).
    #[test]
    fn email_messages_are_laminas_with_magentos_templates() {
        let cases: &[(&str, &[&str])] = &[
            ("a@b.co", &[]),
            ("jdoe@example.com", &[]),
            ("\"a b\"@x.com", &[]),
            ("a@xn--bcher-kva.com", &[]),
            ("a@x_y.b.com", &[]),
            ("üser@x.com", &[]),
            ("a@bücher.de", &[]),
            ("a@B.COM", &[]),
            ("a@x.com\n", &[]),
            ("a@пример.рф", &[]),
            ("a@example.xn--p1ai", &[]),
            ("", &["\"Email\" is not a valid email address."]),
            ("jdoe", &["\"Email\" is not a valid email address."]),
            ("jdoe@", &["\"Email\" is not a valid email address."]),
            ("@example.com", &["\"Email\" is not a valid email address."]),
            ("a@b.c", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'b.c' looks like a local network name, which is not an acceptable format."]),
            ("a..b@x.com", &["\"Email\" is not a valid email address."]),
            (".a@x.com", &["\"Email\" is not a valid email address."]),
            ("a@-x.com", &["\"Email\" is not a valid hostname.", "'-x.com' looks like a DNS hostname but contains a dash in an invalid position.", "'-x.com' looks like a local network name, which is not an acceptable format."]),
            ("a@x-.com", &["\"Email\" is not a valid hostname.", "'x-.com' looks like a DNS hostname but contains a dash in an invalid position.", "'x-.com' looks like a local network name, which is not an acceptable format."]),
            ("a@ab--cd.com", &["\"Email\" is not a valid hostname.", "'ab--cd.com' looks like a DNS hostname but contains a dash in an invalid position.", "'ab--cd.com' looks like a local network name, which is not an acceptable format."]),
            ("a@b_c.com", &["\"Email\" is not a valid hostname.", "'b_c.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'b_c.com' does not look like a valid local network name."]),
            ("a@b_c.b_c.com", &["\"Email\" is not a valid hostname.", "'b_c.b_c.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'b_c.b_c.com' does not look like a valid local network name."]),
            ("a@_x.com", &["\"Email\" is not a valid hostname.", "'_x.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'_x.com' does not look like a valid local network name."]),
            ("a@1.2.3.4", &["\"Email\" is not a valid hostname.", "'1.2.3.4' looks like an IP address, which is not an acceptable format."]),
            ("a@1.2.3.45", &["\"Email\" is not a valid hostname.", "'1.2.3.45' looks like an IP address, which is not an acceptable format."]),
            ("a@01.02.03.04", &["\"Email\" is not a valid hostname.", "'01.02.03.04' looks like an IP address, which is not an acceptable format."]),
            ("a@[1.2.3.4]", &["\"Email\" is not a valid hostname.", "'[1.2.3.4]' looks like a DNS hostname but we cannot match it against the hostname schema for TLD '4]'.", "'[1.2.3.4]' does not look like a valid local network name."]),
            ("a@b.-x", &["\"Email\" is not a valid hostname.", "'b.-x' looks like a DNS hostname but contains a dash in an invalid position.", "'b.-x' looks like a local network name, which is not an acceptable format."]),
            ("a@localhost", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'localhost' looks like a local network name, which is not an acceptable format."]),
            ("a@b.com.", &["\"Email\" is not a valid hostname.", "'b.com.' looks like a DNS hostname but cannot extract TLD part.", "'b.com.' looks like a local network name, which is not an acceptable format."]),
            ("a(b)@x.com", &["\"Email\" is not a valid email address."]),
            ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com", &["\"Email\" uses too many characters."]),
            ("a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", &["\"Email\" is not a valid hostname.", "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com' looks like a local network name, which is not an acceptable format."]),
            ("a@xn--.com", &["\"Email\" is not a valid hostname.", "'xn--.com' appears to be a DNS hostname, but the given punycode notation cannot be decoded."]),
            ("a@xn--bcher-kva.co", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.co' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'CO'.", "'xn--bcher-kva.co' looks like a local network name, which is not an acceptable format."]),
            ("a@bücher.co", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.co' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'CO'.", "'xn--bcher-kva.co' looks like a local network name, which is not an acceptable format."]),
            ("😀@x.com", &["\"Email\" is not a valid email address."]),
            (" a@x.co", &["\"Email\" is not a valid email address."]),
            ("a@x.co ", &["\"Email\" is not a valid hostname.", "'x.co ' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'CO '.", "'x.co ' does not look like a valid local network name."]),
            ("a@@x.com", &["\"Email\" is not a valid email address."]),
            ("a b@c.de", &["\"Email\" is not a valid email address."]),
            ("a@x.y", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'x.y' looks like a local network name, which is not an acceptable format."]),
            ("a@xn--bcher-kva.com\n", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.com\n' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM\n'.", "'xn--bcher-kva.com\n' looks like a local network name, which is not an acceptable format."]),
            ("a@bücher.uk", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.uk' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'UK'.", "'xn--bcher-kva.uk' looks like a local network name, which is not an acceptable format."]),
            ("a@ab.c", &["\"Email\" is not a valid hostname.", "'ab.c' looks like a DNS hostname but cannot extract TLD part.", "'ab.c' looks like a local network name, which is not an acceptable format."]),
            ("a@0a.0b.0c.0d", &[]),
            ("a@::1", &["\"Email\" is not a valid hostname.", "'::1' looks like an IP address, which is not an acceptable format."]),
            ("a@B_C.COM", &["\"Email\" is not a valid hostname.", "'b_c.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'b_c.com' does not look like a valid local network name."]),
            ("a(b)@B_C.COM", &["\"Email\" is not a valid hostname.", "'b_c.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'b_c.com' does not look like a valid local network name.", "\"Email\" is not a valid email address."]),
            ("a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com\n", &[]),
            ("a@x.c0m.", &["\"Email\" is not a valid hostname.", "'x.c0m.' looks like a DNS hostname but cannot extract TLD part.", "'x.c0m.' looks like a local network name, which is not an acceptable format."]),
            ("a@-X.COM", &["\"Email\" is not a valid hostname.", "'-X.COM' looks like a DNS hostname but contains a dash in an invalid position.", "'-X.COM' looks like a local network name, which is not an acceptable format."]),
            ("A@XN--BCHER-KVA.CO", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.co' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'CO'.", "'xn--bcher-kva.co' looks like a local network name, which is not an acceptable format."]),
            ("a@xn--zz-.com", &[]),
            ("a@x.xn--zz", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'x.xn--zz' looks like a local network name, which is not an acceptable format."]),
            ("a@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com", &["\"Email\" uses too many characters.", "\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com' looks like a local network name, which is not an acceptable format."]),
            ("a@b c.com", &["\"Email\" is not a valid hostname.", "'b c.com' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'COM'.", "'b c.com' does not look like a valid local network name."]),
            ("a@b.c-m", &[]),
            ("a@BÜCHER.CO", &["\"Email\" is not a valid hostname.", "'xn--bcher-kva.co' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'CO'.", "'xn--bcher-kva.co' looks like a local network name, which is not an acceptable format."]),
            ("a@ÖBB.uk", &["\"Email\" is not a valid hostname.", "'xn--bb-eka.uk' looks like a DNS hostname but we cannot match it against the hostname schema for TLD 'UK'.", "'xn--bb-eka.uk' looks like a local network name, which is not an acceptable format."]),
            // A dash first in the punycode: no basic part, the digits after it.
            ("a@x.xn---zz", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'x.xn---zz' looks like a local network name, which is not an acceptable format."]),
            ("a@xn---zz.com", &["\"Email\" is not a valid hostname.", "The input does not match the expected structure for a DNS hostname", "'xn---zz.com' looks like a local network name, which is not an acceptable format."]),
        ];
        for (email, expected) in cases {
            assert_eq!(super::email_messages(email), *expected, "{email:?}");
        }
    }

    use super::*;

    fn message(r: Result<()>) -> Option<String> {
        r.err()
            .map(|e| e.body()["message"].as_str().unwrap_or("").to_owned())
    }

    /// `processAuthenticationFailure`: a run of failures counts up and locks at ten; a failure
    /// after the lock ran out starts a new run.
    #[test]
    fn failures_count_up_lock_and_start_again() {
        let at = |s: &str| {
            time::PrimitiveDateTime::parse(
                s,
                time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
            )
            .unwrap()
            .assume_utc()
        };
        let mut c = store::Credentials {
            email: "a@example.com".into(),
            password_hash: None,
            failures_num: 0,
            first_failure: None,
            lock_expires: None,
        };
        for n in 1..=9 {
            c = count_failure(c, at("2026-12-05 10:00:00"));
            assert_eq!((c.failures_num, c.lock_expires.as_deref()), (n, None));
        }
        c = count_failure(c, at("2026-12-05 10:00:30"));
        assert_eq!(c.failures_num, 10);
        assert_eq!(c.lock_expires.as_deref(), Some("2026-12-05 10:10:30"));
        assert_eq!(c.first_failure.as_deref(), Some("2026-12-05 10:00:00"));
        c = count_failure(c, at("2026-12-05 10:11:00"));
        assert_eq!(
            (
                c.failures_num,
                c.first_failure.as_deref(),
                c.lock_expires.as_deref()
            ),
            (1, Some("2026-12-05 10:11:00"), None)
        );
    }

    #[test]
    fn password_rules() {
        assert_eq!(message(check_password_strength("Password1")), None);
        assert_eq!(
            message(check_password_strength("Pass1")).as_deref(),
            Some(PASSWORD_TOO_SHORT)
        );
        assert_eq!(
            message(check_password_strength(" Password1")).as_deref(),
            Some(PASSWORD_SPACES)
        );
        assert_eq!(
            message(check_password_strength("password")).as_deref(),
            Some(PASSWORD_CLASSES)
        );
        assert_eq!(message(check_password_strength("pass word1")), None);
        let long = "Aa1".repeat(90);
        assert_eq!(
            message(check_password_strength(&long)).as_deref(),
            Some(PASSWORD_TOO_LONG)
        );
    }

    #[test]
    fn hashes() {
        let h = password_hash("Password1");
        assert!(password_matches("Password1", &h));
        assert!(!password_matches("Password2", &h));
        assert!(h.ends_with(":1"));
    }
}
