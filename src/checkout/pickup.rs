//! In-Store Pickup in checkout (the tutorial's step 14), read from magento/inventory 2.4.8-p1:
//!
//! - the carrier (`module-inventory-in-store-pickup-shipping-api/Model/Carrier/InStorePickup.php`,
//!   `etc/config.xml`): code `instore`, method `pickup` (`instore_pickup`), title "In-Store
//!   Pickup Delivery", method name "Pick in Store", price 0. It is offered only when a pickup
//!   location can serve the whole cart (`Carrier/Validation/PickupLocationsAvailabilityValidator`:
//!   a location of the website's stock with a source item of every SKU; assignment decides, not
//!   quantity) — so the tutorial's step-8 cart, whose downloadable line sits only on `hq`, is
//!   offered flat rate alone. The tutorial turns the carrier on (its section 5.2).
//! - the shipping address carries `extension_attributes.pickup_location_code`
//!   (`ManageAssignmentOfPickupLocationToQuoteAddress` keeps it in
//!   `inventory_pickup_location_quote_address`); the totals' shipping description becomes
//!   "In-Store Pickup Delivery - {location name}" (`Plugin/Quote/Address/SetShippingDescription`),
//!   the location name being the source's `frontend_name` (the pickup location mapper of
//!   `module-inventory-in-store-pickup/etc/di.xml` maps `frontend_name` to `name`).
//! - placing the order (`Model/Quote/ValidationRule/InStorePickupQuoteValidationRule.php`)
//!   refuses a pickup cart without a location ("Quote does not have Pickup Location
//!   assigned.") or whose shipping address is not the location's (country, region, city,
//!   street, postcode: `IsPickupLocationShippingAddress`); the order keeps the location
//!   (`SetPickupLocationToOrder`, `inventory_pickup_location_order`) and shows it as
//!   `extension_attributes.pickup_location_code`.

use sqlx::SqliteConnection;

use super::Cart;
use crate::db::inventory_master::Source;
use crate::db::quotes::QuoteAddressRow;
use crate::error::Result;

pub const CARRIER: &str = "instore";
pub const METHOD: &str = "pickup";
/// The quote's and the order's `shipping_method`.
pub const CODE: &str = "instore_pickup";
pub const CARRIER_TITLE: &str = "In-Store Pickup Delivery";
pub const METHOD_TITLE: &str = "Pick in Store";
pub const NO_LOCATION: &str = "Quote does not have Pickup Location assigned.";
pub const ADDRESS_MISMATCH: &str =
    "Pickup Location Address does not match Shipping Address for In-Store Pickup Quote.";

/// The SKUs a pickup location must carry for the cart: every line (no configurable parents
/// in magemu's carts).
fn skus(cart: &Cart) -> Vec<String> {
    let mut skus: Vec<String> = cart.items.iter().map(|i| i.sku.clone()).collect();
    skus.dedup();
    skus
}

/// Whether the carrier is offered for `cart`: turned on (`carriers/instore/active`, off by
/// default) and some pickup location of its stock carries every SKU of it.
pub async fn offered(conn: &mut SqliteConnection, cart: &Cart) -> Result<bool> {
    if cart.items.is_empty()
        || !crate::db::store::flag(&mut *conn, crate::db::store::INSTORE_PICKUP_ACTIVE).await?
    {
        return Ok(false);
    }
    let skus = skus(cart);
    Ok(
        !crate::inventory::pickup::locations(conn, cart.stock_id, Some(&skus))
            .await?
            .is_empty(),
    )
}

/// The pickup location `code` of stock `stock_id` (the cart's website's), if it is one
/// (enabled, pickup-active, linked to the stock; `GetPickupLocation`) — whatever it carries.
pub async fn location(
    conn: &mut SqliteConnection,
    stock_id: i64,
    code: &str,
) -> Result<Option<Source>> {
    Ok(crate::inventory::pickup::locations(conn, stock_id, None)
        .await?
        .into_iter()
        .find(|s| s.source_code == code))
}

/// `GetPickupLocation::execute`'s refusal of a code that is no pickup location of the
/// website's stock (`%1` the code, `%2` the channel type, `%3` its code).
pub const NO_SUCH_LOCATION: &str =
    "Can not find Pickup Location with code %1 for %2 Sales Channel \"%3\".";

/// `ToQuoteAddress::convert`, which `ReplaceShippingAddressForShippingAddressManagement` puts in
/// place of a shipping address naming a pickup location (whatever the carrier): the location's
/// country, region (its directory name when the directory knows it, `loadByName`), region id,
/// city, street and postcode; the posted names, company, phone, fax, VAT id and e-mail (fieldset
/// `sales_convert_quote_address` / `to_in_store_pickup_shipping_address`); not the same as
/// billing, not for the address book, no address-book entry, method `instore_pickup`
/// (`GetShippingAddressData`). The region code is the region id's, as the address reads it.
pub async fn location_address(
    conn: &mut SqliteConnection,
    location: &Source,
    posted: &QuoteAddressRow,
) -> Result<QuoteAddressRow> {
    let regions = crate::db::directory::regions_of(&mut *conn, Some(&location.country_id)).await?;
    let by_name = location.region.as_deref().and_then(|name| {
        regions.iter().find(|r| {
            r.default_name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
    });
    let region = by_name
        .and_then(|r| r.default_name.clone())
        .or_else(|| location.region.clone());
    let region_code = location
        .region_id
        .and_then(|id| regions.iter().find(|r| r.region_id == id))
        .and_then(|r| r.code.clone());
    Ok(QuoteAddressRow {
        address_id: posted.address_id,
        quote_id: posted.quote_id,
        address_type: posted.address_type.clone(),
        customer_id: posted.customer_id,
        country_id: Some(location.country_id.clone()),
        region,
        region_id: location.region_id,
        region_code,
        city: location.city.clone(),
        street: location.street.clone(),
        postcode: Some(location.postcode.clone()),
        prefix: posted.prefix.clone(),
        firstname: posted.firstname.clone(),
        middlename: posted.middlename.clone(),
        lastname: posted.lastname.clone(),
        suffix: posted.suffix.clone(),
        company: posted.company.clone(),
        telephone: posted.telephone.clone(),
        fax: posted.fax.clone(),
        vat_id: posted.vat_id.clone(),
        email: posted.email.clone(),
        same_as_billing: 0,
        save_in_address_book: Some(0),
        customer_address_id: None,
        shipping_method: Some(CODE.to_owned()),
    })
}

/// `SetShippingDescription`: the carrier title and the location's name.
pub fn description(location: &Source) -> String {
    let name = location
        .frontend_name
        .as_deref()
        .filter(|n| !n.is_empty())
        .unwrap_or(&location.name);
    format!("{CARRIER_TITLE} - {name}")
}

/// `IsPickupLocationShippingAddress`: the address fields the location fixes. A region name
/// the request left out is the one its region id names, as Magento's address model fills it.
pub fn address_matches(location: &Source, address: &QuoteAddressRow) -> bool {
    let same = |a: Option<&str>, b: Option<&str>| a.unwrap_or("") == b.unwrap_or("");
    same(address.country_id.as_deref(), Some(&location.country_id))
        && address.region_id == location.region_id
        && (address.region.is_none() || same(address.region.as_deref(), location.region.as_deref()))
        && same(address.city.as_deref(), location.city.as_deref())
        && same(address.street.as_deref(), location.street.as_deref())
        && same(address.postcode.as_deref(), Some(&location.postcode))
}

/// The pickup location kept for a quote address.
pub async fn quote_location_code(
    conn: &mut SqliteConnection,
    address_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT pickup_location_code FROM inventory_pickup_location_quote_address WHERE address_id = ?",
    )
    .bind(address_id)
    .fetch_optional(conn)
    .await
}

/// Keeps (or with `None`, drops) the pickup location of a quote address.
pub async fn save_quote_location(
    conn: &mut SqliteConnection,
    address_id: i64,
    code: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM inventory_pickup_location_quote_address WHERE address_id = ?")
        .bind(address_id)
        .execute(&mut *conn)
        .await?;
    if let Some(code) = code {
        sqlx::query(
            "INSERT INTO inventory_pickup_location_quote_address (address_id, pickup_location_code)
             VALUES (?, ?)",
        )
        .bind(address_id)
        .bind(code)
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// `SaveOrderPickupLocation`.
pub async fn save_order_location(
    conn: &mut SqliteConnection,
    order_id: i64,
    code: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO inventory_pickup_location_order (order_id, pickup_location_code) VALUES (?, ?)",
    )
    .bind(order_id)
    .bind(code)
    .execute(conn)
    .await?;
    Ok(())
}
