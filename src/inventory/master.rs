//! MSI master data as Magento 2.4 saves it: sources, stocks with their sales channels,
//! stock-source links and source items, each save validated by Magento's validator chains and
//! written in one writer transaction (a refusal writes nothing).
//!
//! Read from magento/inventory 2.4.8-p1 (vendor/magento/module-inventory*):
//! - Validator chains (`Inventory/etc/di.xml`, plus `InventoryCatalog`, `InventoryInStorePickup`,
//!   `InventoryShipping` and `InventorySales` di.xml) run every validator and keep every error:
//!   400 `Validation Failed` with `errors` (`Framework/Validation/ValidationException`). The
//!   extra source validators are taken in module order catalog, in-store pickup, shipping.
//! - `Inventory/Model/Validators/*`: "can not be empty" is `trim($v) === ''`; "whitespaces" is
//!   any `\s`; a `${...}` template pattern (`/\$[:]*{(.)*}/`) is a bare `Validation Failed`.
//! - `Source::isUseDefaultCarrierConfig()` always answers true, so `CarrierLinksValidator`
//!   refuses any non-empty `carrier_links` ("you have chosen Global Shipping configuration"):
//!   over REST a source never gets carrier links, and GET shows `carrier_links: []`.
//! - `DefaultSourceDisableValidator` refuses the default source unless `enabled` is true: a
//!   save of `default` without `enabled` is refused too (`isEnabled()` is null there).
//! - Saving goes through `PredefinedId`: POST of an existing code (or PUT of an unknown one)
//!   updates (creates). Only the fields the request holds are written (`AbstractDb` saves the
//!   object's data keys); a duplicate `name` is MySQL's UNIQUE error, `Could not save Source`.
//! - `SaveInStorePickupPlugin` writes the pickup columns on every save: `frontend_name` is the
//!   extension's or else the source `name`, the flag and description are the extension's (a
//!   save without them clears them).
//! - Stocks (`Inventory/Model/Stock/Command/*`, `InventorySales/Plugin/.../SaveSalesChannelsLinksPlugin.php`):
//!   saving replaces the stock's sales channels; the websites it loses go back to the default
//!   stock. The default stock and stocks with sales channels cannot be deleted.
//! - Links (`Inventory/Model/StockSourceLink/*`, `InventoryCatalog/.../AssignToDefaultStockDefaultSourceValidator.php`):
//!   priority must be > 0 ("greater then", sic); nothing may touch stock 1 or `default` but the
//!   link default→1; an unknown stock or source is the foreign key's `Could not save
//!   StockSourceLinks`; a pair already linked gets its new priority.
//! - Source items (`SourceItemsSaveHandler`): `Validation Failed: <first error, rendered>`;
//!   negative quantities and unknown SKUs pass; an unknown source is `Could not save Source Item`.

use rust_decimal::Decimal;
use serde_json::Value;
use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::inventory_master::{self as store, Link, Source, Stock};
use crate::db::Db;
use crate::error::{Error, Phrase, Result};

pub const DEFAULT_SOURCE: &str = "default";
pub const DEFAULT_STOCK: i64 = 1;

pub const VALIDATION_FAILED: &str = "Validation Failed";
pub const EMPTY: &str = "\"%field\" can not be empty.";
pub const WHITESPACES: &str = "\"%field\" can not contain whitespaces.";
pub const LEADING_TRAILING: &str = "\"%field\" can not contain leading or trailing spaces.";
pub const NOT_NUMERIC: &str = "\"%field\" should be numeric.";
pub const UNKNOWN_STATUS: &str = "\"%field\" should a known status.";
pub const PRIORITY: &str = "\"%field\" should be greater then 0.";
pub const DEFAULT_SOURCE_DISABLED: &str = "Default source can not be disabled.";
pub const PICKUP_EMPTY: &str = "\"%field\" can not be empty for Pickup Location.";
pub const DEFAULT_SOURCE_PICKUP: &str =
    "The Default Source can not be used for In-Store Pickup Delivery.";
pub const CARRIER_LINKS_GLOBAL: &str =
    "You can't configure \"%field\" because you have chosen Global Shipping configuration.";
pub const WEBSITE_MISSING: &str = "The website with code \"%code\" does not exist.";
pub const DEFAULT_LINK: &str = "Can not save link related to Default Source or Default Stock";
pub const DEFAULT_LINK_DELETE: &str =
    "Can not delete link related to Default Source or Default Stock";
pub const INPUT_EMPTY: &str = "Input data is empty";
pub const SOURCE_NOT_FOUND: &str = "Source with code \"%value\" does not exist.";
pub const STOCK_NOT_FOUND: &str = "Stock with id \"%value\" does not exist.";
pub const NO_STOCK_FOR_FIELD: &str =
    "There is no stock with \"%fieldValue\" for \"%fieldName\". Verify and try again.";
pub const DEFAULT_STOCK_DELETE: &str = "Default Stock could not be deleted.";
pub const STOCK_HAS_CHANNELS: &str =
    "Stock has at least one sale channel and could not be deleted.";
pub const COULD_NOT_SAVE_SOURCE: &str = "Could not save Source";
pub const COULD_NOT_SAVE_STOCK: &str = "Could not save Stock";
pub const COULD_NOT_SAVE_LINKS: &str = "Could not save StockSourceLinks";
pub const COULD_NOT_SAVE_SOURCE_ITEM: &str = "Could not save Source Item";
pub const NO_LINKED_STOCK: &str = "No linked stock found";

fn field_error(text: &str, field: &str) -> Phrase {
    Phrase::named(text, "field", field)
}

/// `NotAnEmptyString`.
fn not_empty(errors: &mut Vec<Phrase>, field: &str, value: &str) {
    // PHP's `trim`: a no-break space is no white space to it, a NUL is.
    if crate::php::trim(value).is_empty() {
        errors.push(field_error(EMPTY, field));
    }
}

/// `NoWhitespaceInString` (PCRE `\s`).
fn no_whitespace(errors: &mut Vec<Phrase>, field: &str, value: &str) {
    if value
        .chars()
        .any(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'))
    {
        errors.push(field_error(WHITESPACES, field));
    }
}

/// `NoSpecialCharsInString`: `/\$[:]*{(.)*}/`.
fn no_template(errors: &mut Vec<Phrase>, value: &str) {
    let bytes = value.as_bytes();
    let found = bytes.iter().enumerate().any(|(i, b)| {
        if *b != b'$' {
            return false;
        }
        let mut j = i + 1;
        while bytes.get(j) == Some(&b':') {
            j += 1;
        }
        bytes.get(j) == Some(&b'{')
            && value[j + 1..]
                .split('\n')
                .next()
                .is_some_and(|l| l.contains('}'))
    });
    if found {
        errors.push(Phrase::plain(VALIDATION_FAILED));
    }
}

fn validation(errors: Vec<Phrase>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(Phrase::plain(VALIDATION_FAILED), errors))
    }
}

/// In-Store Pickup's source extension attributes as posted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PickupInput {
    pub is_pickup_location_active: Option<bool>,
    pub frontend_name: Option<String>,
    pub frontend_description: Option<String>,
}

/// A posted `SourceInterface`; `None` is a field the request does not hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceInput {
    pub source_code: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub contact_name: Option<String>,
    pub enabled: Option<bool>,
    pub description: Option<String>,
    pub latitude_raw: Option<Decimal>,
    pub longitude_raw: Option<Decimal>,
    pub country_id: Option<String>,
    pub region_id: Option<i64>,
    pub region: Option<String>,
    pub city: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub use_default_carrier_config: Option<bool>,
    /// `carrier_links` as `(carrier_code, position)`.
    pub carrier_links: Option<Vec<(Option<String>, Option<i64>)>>,
    pub pickup: PickupInput,
}

/// `SourceValidatorChain` on the posted source.
pub fn validate_source(s: &SourceInput) -> Vec<Phrase> {
    let mut errors = Vec::new();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let name = text(&s.name);
    not_empty(&mut errors, "name", &name);
    no_template(&mut errors, &name);
    let code = text(&s.source_code);
    not_empty(&mut errors, "source_code", &code);
    no_whitespace(&mut errors, "source_code", &code);
    no_template(&mut errors, &code);
    not_empty(&mut errors, "postcode", &text(&s.postcode));
    not_empty(&mut errors, "country_id", &text(&s.country_id));
    if code == DEFAULT_SOURCE && s.enabled != Some(true) {
        errors.push(Phrase::plain(DEFAULT_SOURCE_DISABLED));
    }
    let pickup = s.pickup.is_pickup_location_active == Some(true);
    // MSI's PhoneValidator reads the city, not the phone (`$value = (string)$source->getCity()`
    // in InventoryInStorePickup/Model/Source/Validator/PhoneValidator.php, unchanged since
    // 2019): a pickup place without a phone saves, and one without a city gets both errors.
    for (field, value) in [("city", &s.city), ("street", &s.street), ("phone", &s.city)] {
        if pickup && crate::php::trim(&text(value)).is_empty() {
            errors.push(field_error(PICKUP_EMPTY, field));
        }
    }
    if code == DEFAULT_SOURCE && pickup {
        errors.push(Phrase::plain(DEFAULT_SOURCE_PICKUP));
    }
    if s.carrier_links.as_ref().is_some_and(|l| !l.is_empty()) {
        errors.push(field_error(CARRIER_LINKS_GLOBAL, "carrier_links"));
    }
    errors
}

// Magento's connection runs `SET SQL_MODE=''` (`Framework/DB/Adapter/Pdo/Mysql::_connect`):
// MySQL stores a value its column cannot hold clipped, with a warning, where strict mode would
// refuse the row. The MSI tables' columns (`Inventory/etc/db_schema.xml`) are kept so.

/// decimal(8,6) / decimal(9,6) as Magento writes them and MySQL stores them: the PHP float
/// printed with 6 decimals (`Pdo/Mysql::prepareColumnValue`, `sprintf('%F')`, which rounds the
/// binary double: 40.1234565 is 40.123457), and past the range its nearest end (a latitude
/// of 100 is 99.999999).
fn coordinate(value: Decimal, integer_digits: u32) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let limit = Decimal::from(10i64.pow(integer_digits)) - Decimal::new(1, 6);
    let printed = value
        .to_f64()
        .map(|f| format!("{f:.6}"))
        .and_then(|t| t.parse::<Decimal>().ok())
        .unwrap_or_else(|| value.round_dp(6));
    format!("{:.6}", printed.clamp(-limit, limit))
}

/// A `varchar(len)`: cut to `len` characters (`country_id`, 2: `USA` is `US`).
pub(crate) fn varchar(value: &str, len: usize) -> String {
    value.chars().take(len).collect()
}

/// [`varchar`] of a field a save may leave out.
fn varchar_of(value: &Option<String>, len: usize) -> Option<String> {
    value.as_deref().map(|v| varchar(v, len))
}

/// An `int unsigned` / `smallint unsigned` column: a negative value is 0, a larger one the
/// column's largest.
fn unsigned(value: i64, max: i64) -> i64 {
    value.clamp(0, max)
}

const INT_UNSIGNED_MAX: i64 = 4_294_967_295;
const SMALLINT_UNSIGNED_MAX: i64 = 65_535;

/// `SourceRepositoryInterface::save`.
pub async fn save_source(db: &Db, input: SourceInput) -> Result<()> {
    validation(validate_source(&input))?;
    db.writer
        .write(move |conn| Box::pin(async move { write_source(conn, input).await }))
        .await
}

async fn write_source(conn: &mut SqliteConnection, s: SourceInput) -> Result<()> {
    let code = s.source_code.clone().unwrap_or_default();
    let could_not_save = || Error::input(COULD_NOT_SAVE_SOURCE);
    let existing = store::source(conn, &code).await?;
    let mut row = existing.clone().unwrap_or(Source {
        source_code: code.clone(),
        enabled: 1,
        use_default_carrier_config: 1,
        ..Default::default()
    });
    let set = |target: &mut Option<String>, value: &Option<String>| {
        if value.is_some() {
            target.clone_from(value);
        }
    };
    if let Some(name) = &s.name {
        row.name = varchar(name, 255);
    }
    if let Some(enabled) = s.enabled {
        row.enabled = i64::from(enabled);
    }
    set(&mut row.email, &varchar_of(&s.email, 255));
    set(&mut row.contact_name, &varchar_of(&s.contact_name, 255));
    set(&mut row.description, &s.description);
    if let Some(lat) = s.latitude_raw {
        row.latitude = Some(coordinate(lat, 2));
    }
    if let Some(lng) = s.longitude_raw {
        row.longitude = Some(coordinate(lng, 3));
    }
    if let Some(country) = &s.country_id {
        row.country_id = varchar(country, 2);
    }
    if let Some(region_id) = s.region_id {
        row.region_id = Some(unsigned(region_id, INT_UNSIGNED_MAX));
    }
    set(&mut row.region, &varchar_of(&s.region, 255));
    set(&mut row.city, &varchar_of(&s.city, 255));
    set(&mut row.street, &varchar_of(&s.street, 255));
    if let Some(postcode) = &s.postcode {
        row.postcode = varchar(postcode, 255);
    }
    set(&mut row.phone, &varchar_of(&s.phone, 255));
    set(&mut row.fax, &varchar_of(&s.fax, 255));
    if let Some(use_default) = s.use_default_carrier_config {
        row.use_default_carrier_config = i64::from(use_default);
    }
    // SaveInStorePickupPlugin::beforeSave (a varchar(255) too).
    row.frontend_name = Some(varchar(
        &s.pickup
            .frontend_name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| row.name.clone()),
        255,
    ));
    // Not posted, the flag is null, and `_prepareDataForTable` leaves a null out of a NOT NULL
    // column: an update keeps the stored flag, a new source takes the column's default (0).
    if let Some(active) = s.pickup.is_pickup_location_active {
        row.is_pickup_location_active = i64::from(active);
    }
    row.frontend_description
        .clone_from(&s.pickup.frontend_description);
    if store::source_name_taken(conn, &row.name, &code).await? {
        return Err(could_not_save());
    }
    store::save_source(conn, &row).await?;
    Ok(())
}

/// `SourceRepositoryInterface::get`.
pub async fn get_source(db: &Db, code: &str) -> Result<Source> {
    let mut conn = db.read.acquire().await?;
    store::source(&mut conn, code)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::named(SOURCE_NOT_FOUND, "value", code)))
}

/// A posted `StockInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StockInput {
    pub stock_id: Option<i64>,
    pub name: Option<String>,
    /// `extension_attributes.sales_channels` as `(type, code)`.
    pub sales_channels: Option<Vec<(Option<String>, Option<String>)>>,
}

/// A stock with its sales channels, as the repository answers it.
#[derive(Debug, Clone, PartialEq)]
pub struct StockWithChannels {
    pub stock: Stock,
    pub sales_channels: Vec<(String, String)>,
}

/// `StockRepositoryInterface::save`: the stock id.
pub async fn save_stock(db: &Db, input: StockInput) -> Result<i64> {
    db.writer
        .write(move |conn| Box::pin(async move { write_stock(conn, input).await }))
        .await
}

async fn write_stock(conn: &mut SqliteConnection, s: StockInput) -> Result<i64> {
    let mut errors = Vec::new();
    let name = s.name.clone().unwrap_or_default();
    not_empty(&mut errors, "name", &name);
    for (kind, code) in s.sales_channels.iter().flatten() {
        let kind = kind.clone().unwrap_or_default();
        let code = code.clone().unwrap_or_default();
        not_empty(&mut errors, "type", &kind);
        not_empty(&mut errors, "code", &code);
        if kind == "website" && !store::website_exists(conn, &code).await? {
            errors.push(Phrase::named(WEBSITE_MISSING, "code", code));
        }
    }
    validation(errors)?;
    let name = varchar(&name, 255);
    if store::stock_name_taken(conn, &name, s.stock_id).await? {
        return Err(Error::input(COULD_NOT_SAVE_STOCK));
    }
    let id = store::save_stock(conn, s.stock_id, &name).await?;
    // SaveSalesChannelsLinksPlugin::afterSave.
    let channels: Vec<(String, String)> = s
        .sales_channels
        .iter()
        .flatten()
        .map(|(t, c)| (t.clone().unwrap_or_default(), c.clone().unwrap_or_default()))
        .collect();
    let new_websites: Vec<&str> = channels
        .iter()
        .filter(|(t, _)| t == "website")
        .map(|(_, c)| c.as_str())
        .collect();
    let unassigned: Vec<(String, String)> = store::sales_channels(conn, id)
        .await?
        .into_iter()
        .filter(|(t, c)| t == "website" && !new_websites.contains(&c.as_str()))
        .collect();
    store::replace_sales_channels(conn, id, &channels).await?;
    if !unassigned.is_empty() {
        let mut merged = unassigned;
        merged.extend(store::sales_channels(conn, DEFAULT_STOCK).await?);
        store::replace_sales_channels(conn, DEFAULT_STOCK, &merged).await?;
    }
    Ok(id)
}

/// `StockRepositoryInterface::get` with `LoadSalesChannelsOnGetPlugin`.
pub async fn get_stock(db: &Db, id: i64) -> Result<StockWithChannels> {
    let mut conn = db.read.acquire().await?;
    let stock = store::stock(&mut conn, id).await?.ok_or_else(|| {
        Error::NotFound(Phrase::values(
            STOCK_NOT_FOUND,
            vec![("value", Value::from(id))],
        ))
    })?;
    with_channels(&mut conn, stock).await
}

pub async fn with_channels(conn: &mut SqliteConnection, stock: Stock) -> Result<StockWithChannels> {
    let sales_channels = store::sales_channels(conn, stock.stock_id).await?;
    Ok(StockWithChannels {
        stock,
        sales_channels,
    })
}

/// `StockRepositoryInterface::deleteById` behind `PreventDeleting\DefaultStockPlugin` and
/// `PreventDeletingAssignedToSalesChannelsStockPlugin`.
pub async fn delete_stock(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if id == DEFAULT_STOCK {
                    return Err(Error::input(DEFAULT_STOCK_DELETE));
                }
                if !store::sales_channels(conn, id).await?.is_empty() {
                    return Err(Error::input(STOCK_HAS_CHANNELS));
                }
                if store::stock(conn, id).await?.is_none() {
                    return Err(Error::NotFound(Phrase::values(
                        NO_STOCK_FOR_FIELD,
                        vec![
                            ("fieldName", Value::from("stock_id")),
                            ("fieldValue", Value::from(id)),
                        ],
                    )));
                }
                store::delete_stock(conn, id).await?;
                Ok(())
            })
        })
        .await
}

/// `GetStockBySalesChannelInterface::execute`: the stock a channel is linked to; the admin
/// website's is always the default stock (InventoryCatalog's
/// `AdaptStockResolverToAdminWebsitePlugin`, `website` and `admin` compared with case), whatever
/// a stock saved with such a channel says.
pub async fn stock_of_channel(
    conn: &mut sqlx::SqliteConnection,
    kind: &str,
    code: &str,
) -> Result<Option<i64>> {
    if kind == "website" && code == "admin" {
        return Ok(Some(DEFAULT_STOCK));
    }
    Ok(store::stock_of_channel(conn, kind, code).await?)
}

/// `StockResolverInterface::execute` (`GetStockBySalesChannel`).
pub async fn resolve_stock(db: &Db, kind: &str, code: &str) -> Result<StockWithChannels> {
    let mut conn = db.read.acquire().await?;
    let stock = match stock_of_channel(&mut conn, kind, code).await? {
        Some(id) => store::stock(&mut conn, id).await?,
        None => None,
    };
    let stock = stock.ok_or_else(|| Error::NotFound(Phrase::plain(NO_LINKED_STOCK)))?;
    with_channels(&mut conn, stock).await
}

/// A posted `StockSourceLinkInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkInput {
    pub stock_id: Option<i64>,
    pub source_code: Option<String>,
    pub priority: Option<i64>,
}

fn validate_link(errors: &mut Vec<Phrase>, link: &LinkInput) {
    let code = link.source_code.clone().unwrap_or_default();
    not_empty(errors, "source_code", &code);
    no_whitespace(errors, "source_code", &code);
    let stock = link.stock_id.map(|id| id.to_string()).unwrap_or_default();
    not_empty(errors, "stock_id", &stock);
    if link.priority.unwrap_or(0) <= 0 {
        errors.push(field_error(PRIORITY, "priority"));
    }
    let initial = link.stock_id == Some(DEFAULT_STOCK) && code == DEFAULT_SOURCE;
    let touches_default = link.stock_id == Some(DEFAULT_STOCK) || code == DEFAULT_SOURCE;
    if touches_default && !initial {
        errors.push(Phrase::plain(DEFAULT_LINK));
    }
}

/// `StockSourceLinksSaveInterface::execute`.
pub async fn save_links(db: &Db, links: Vec<LinkInput>) -> Result<()> {
    if links.is_empty() {
        return Err(Error::input(INPUT_EMPTY));
    }
    let mut errors = Vec::new();
    for link in &links {
        validate_link(&mut errors, link);
    }
    validation(errors)?;
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for link in &links {
                    let row = Link {
                        stock_id: link.stock_id.unwrap_or_default(),
                        source_code: link.source_code.clone().unwrap_or_default(),
                        priority: unsigned(
                            link.priority.unwrap_or_default(),
                            SMALLINT_UNSIGNED_MAX,
                        ),
                    };
                    let known = store::stock(conn, row.stock_id).await?.is_some()
                        && store::source(conn, &row.source_code).await?.is_some();
                    if !known {
                        return Err(Error::input(COULD_NOT_SAVE_LINKS));
                    }
                    store::save_link(conn, &row).await?;
                }
                Ok(())
            })
        })
        .await
}

/// `StockSourceLinksDeleteInterface::execute` behind `PreventDeleteDefaultStockLinksPlugin`.
pub async fn delete_links(db: &Db, links: Vec<LinkInput>) -> Result<()> {
    for link in &links {
        if link.stock_id == Some(DEFAULT_STOCK)
            || link.source_code.as_deref() == Some(DEFAULT_SOURCE)
        {
            return Err(Error::input(DEFAULT_LINK_DELETE));
        }
    }
    if links.is_empty() {
        return Err(Error::input(INPUT_EMPTY));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for link in &links {
                    store::delete_link(conn, link.stock_id, link.source_code.as_deref()).await?;
                }
                Ok(())
            })
        })
        .await
}

/// A posted `SourceItemInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceItemInput {
    pub sku: Option<String>,
    pub source_code: Option<String>,
    pub quantity: Option<Amount>,
    pub status: Option<i64>,
}

fn validate_source_item(errors: &mut Vec<Phrase>, item: &SourceItemInput) {
    let sku = item.sku.clone().unwrap_or_default();
    not_empty(errors, "sku", &sku);
    if crate::php::trim(&sku) != sku {
        errors.push(field_error(LEADING_TRAILING, "sku"));
    }
    let code = item.source_code.clone().unwrap_or_default();
    not_empty(errors, "source_code", &code);
    no_whitespace(errors, "source_code", &code);
    if item.quantity.is_none() {
        errors.push(field_error(NOT_NUMERIC, "quantity"));
    }
    if item.status.is_none() {
        errors.push(field_error(NOT_NUMERIC, "status"));
    }
    if !matches!(item.status.unwrap_or(0), 0 | 1) {
        errors.push(field_error(UNKNOWN_STATUS, "status"));
    }
}

/// `SourceItemsSaveInterface::execute` (the ERP stock push).
pub async fn save_source_items(db: &Db, items: Vec<SourceItemInput>) -> Result<()> {
    if items.is_empty() {
        return Err(Error::input(INPUT_EMPTY));
    }
    let mut errors = Vec::new();
    for item in &items {
        validate_source_item(&mut errors, item);
    }
    if let Some(first) = errors.first() {
        let message = Phrase::plain(format!("{VALIDATION_FAILED}: {}", first.render()));
        return Err(Error::Validation(message, errors));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for item in &items {
                    let code = item.source_code.clone().unwrap_or_default();
                    // DECIMAL(12,4): clipped as Magento's MySQL stores it (`Amount::clip_qty`).
                    let quantity = item.quantity.unwrap_or_default().clip_qty();
                    if store::source(conn, &code).await?.is_none() {
                        return Err(Error::input(COULD_NOT_SAVE_SOURCE_ITEM));
                    }
                    // `inventory_source_item.sku` is a varchar(64).
                    let sku = varchar(item.sku.as_deref().unwrap_or_default(), 64);
                    let status = item.status.unwrap_or_default();
                    store::save_source_item(conn, &code, &sku, quantity, status).await?;
                }
                Ok(())
            })
        })
        .await
}

/// `SourceItemsDeleteInterface::execute`: pairs that do not exist are no-ops.
pub async fn delete_source_items(db: &Db, items: Vec<SourceItemInput>) -> Result<()> {
    if items.is_empty() {
        return Err(Error::input(INPUT_EMPTY));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                for item in &items {
                    if let (Some(code), Some(sku)) = (&item.source_code, &item.sku) {
                        store::delete_source_item(conn, code, sku).await?;
                        // InventoryLowQuantityNotification's SourceItemsDeleteInterfacePlugin:
                        // the pair's low-quantity setting goes too.
                        store::delete_notification_config(conn, code, sku).await?;
                    }
                }
                Ok(())
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_pattern() {
        let mut e = Vec::new();
        no_template(&mut e, "a${b}");
        no_template(&mut e, "$::{x}");
        assert_eq!(e.len(), 2);
        let mut e = Vec::new();
        no_template(&mut e, "price $5 {x}");
        no_template(&mut e, "${");
        assert!(e.is_empty());
    }

    #[test]
    fn the_validators_trim_as_php_does() {
        let empty_name = |name: &str| {
            validate_source(&SourceInput {
                name: Some(name.into()),
                ..Default::default()
            })
            .iter()
            .any(|p| p.text == EMPTY && p.params_json() == serde_json::json!({"field": "name"}))
        };
        assert!(empty_name(" \t\n\r\0\x0b"));
        assert!(!empty_name("\u{a0}"));
        assert!(!empty_name("\u{2003}"));
        let sku_errors = |sku: &str| {
            let mut errors = Vec::new();
            validate_source_item(
                &mut errors,
                &SourceItemInput {
                    sku: Some(sku.into()),
                    source_code: Some("default".into()),
                    quantity: Some(Amount::ZERO),
                    status: Some(1),
                },
            );
            errors.into_iter().map(|p| p.text).collect::<Vec<_>>()
        };
        assert_eq!(sku_errors("a\u{a0}"), Vec::<String>::new());
        assert_eq!(sku_errors("a\0"), vec![LEADING_TRAILING.to_owned()]);
        assert_eq!(sku_errors("\u{a0}"), Vec::<String>::new());
    }

    #[test]
    fn source_validation_order() {
        let errors = validate_source(&SourceInput {
            source_code: Some(" ".into()),
            ..Default::default()
        });
        let texts: Vec<(String, String)> = errors
            .iter()
            .map(|p| (p.text.clone(), p.params_json().to_string()))
            .collect();
        assert_eq!(
            texts,
            vec![
                (EMPTY.into(), r#"{"field":"name"}"#.into()),
                (EMPTY.into(), r#"{"field":"source_code"}"#.into()),
                (WHITESPACES.into(), r#"{"field":"source_code"}"#.into()),
                (EMPTY.into(), r#"{"field":"postcode"}"#.into()),
                (EMPTY.into(), r#"{"field":"country_id"}"#.into()),
            ]
        );
    }

    #[test]
    fn coordinates_round_and_clip() {
        assert_eq!(coordinate(Decimal::new(4073379, 5), 2), "40.733790");
        assert_eq!(coordinate(Decimal::new(1000, 1), 2), "99.999999");
        assert_eq!(coordinate(Decimal::new(-9999999999, 8), 2), "-99.999999");
        assert_eq!(coordinate(Decimal::new(-1213199, 4), 3), "-121.319900");
        assert_eq!(coordinate(Decimal::new(5000, 0), 3), "999.999999");
        // PHP's `sprintf('%.6F')` of the double, not the decimal's half-even rounding.
        assert_eq!(coordinate(Decimal::new(401234565, 7), 2), "40.123457");
    }

    #[test]
    fn columns_clip_as_mysql_without_strict_mode() {
        assert_eq!(varchar("USA", 2), "US");
        assert_eq!(varchar("ÉÉÉ", 2), "ÉÉ");
        assert_eq!(varchar(&"x".repeat(70), 64), "x".repeat(64));
        assert_eq!(unsigned(-5, INT_UNSIGNED_MAX), 0);
        assert_eq!(unsigned(70_000, SMALLINT_UNSIGNED_MAX), 65_535);
        assert_eq!(unsigned(12, SMALLINT_UNSIGNED_MAX), 12);
    }
}
