//! Products (simple, virtual, downloadable) and categories, as `ProductRepository` and
//! `CategoryManagement` keep them.
//!
//! Sources (magento2 2.4.8, vendor/magento/...):
//! - `module-catalog/Model/ProductRepository.php::save`: an empty SKU is refused first
//!   (`CouldNotSaveException`, 400, `["sku"]`); the product is then looked up by `id` or else
//!   by SKU, and **an existing SKU is updated, whether by POST or PUT** (a PUT of an unknown
//!   SKU creates it). The posted data is laid over the stored product (`initializeProductData`);
//!   when the posted `extension_attributes` are empty the stored website and category links stay.
//!   Then the EAV validation (`Eav/Model/Entity/AbstractEntity::validate`, first failing
//!   attribute only, message rendered without parameters): `The "Product Name" attribute value
//!   is empty. ...`, then `The "Price" ...`.
//! - `assignProductToWebsites`: a new product goes to every website (admin scope) or the current
//!   store's website; magemu has one store per website and strips the store code before routing,
//!   so a new product without `website_ids` gets every website but the admin one.
//! - URL rewrites: a visible product whose `url_key` (posted, else the name formatted as
//!   `Filter/FilterManager::translitUrl`) is another product's gets
//!   `URL key for specified store already exists.` (UrlAlreadyExistsException, 400); two
//!   products named alike collide, as in Magento.
//! - `delete`/`deleteById`: 404 for an unknown SKU, `true` otherwise. MSI then removes the SKU's
//!   source items (`module-inventory-catalog/Plugin/Catalog/Model/ResourceModel/Product/
//!   DeleteSourceItemsPlugin.php` publishes `inventory.source.items.cleanup`, whose consumer
//!   `DeleteSourceItemsBySkus` deletes them); magemu runs the consumer's work at once.
//! - Downloadable links and samples: [`downloadable`].
//! - Stock on save: CatalogInventory saves the legacy stock item from
//!   `extension_attributes.stock_item`, and MSI's `UpdateSourceItemAtLegacyStockItemSavePlugin`
//!   aligns the **default source** item with it when the item is in stock, has a non-zero qty,
//!   or a default source item already exists (`shouldAlignDefaultSourceWithLegacy`). A product
//!   saved without `stock_item` gets no source item. A SKU change copies the old SKU's source
//!   items and low-stock settings to the new one ([`copy_stock_to_new_sku`]); SKU or type
//!   changes do not clean up source items (`ProcessSourceItemsPlugin` only does when
//!   `synchronize_with_catalog` is on; default off).
//! - `extension_attributes.stock_item` (`CatalogInventory/Model/Plugin/AfterProductLoad.php`):
//!   the legacy stock item every product gets on save, which MSI keeps equal to the default
//!   source item (`SetDataToLegacyCatalogInventoryAtSourceItemsSavePlugin`, and qty 0 / out of
//!   stock when it is deleted); the other fields are what was posted (merged over the stored
//!   item, `inventory::legacy::apply`) or the `cataloginventory/item_options` defaults. magemu
//!   renders qty and status from the default source item.

pub mod category;
pub mod downloadable;
pub mod prices;

pub use downloadable::{FileContent, LinkInput, SampleInput};

use serde_json::Value;
use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::catalog::{self as store, CategoryLink, DownloadableLinkRow, ProductEntityRow};
use crate::db::{self, Db};
use crate::error::{self as e, Error, Phrase, Result};

/// `Product\Attribute\Backend\Sku::SKU_MAX_LENGTH`.
pub const SKU_MAX_LENGTH: usize = 64;
/// Product types magemu keeps.
pub const TYPES: [&str; 3] = ["simple", "virtual", "downloadable"];

/// The product types a fresh Open Source install declares (`etc/product_types.xml` of
/// Catalog, Downloadable, Bundle, GroupedProduct and ConfigurableProduct), code and label, in
/// the order their configuration merges: the modules' load order
/// (`src/http/modules-2.4.8-p4.txt`), each file's types in turn; `ProductTypeList` lists
/// them so, whether or not magemu keeps products of the type. Magento's api-functional
/// `ProductTypeListTest` checks five of the six labels.
pub const INSTALLED_TYPES: [(&str, &str); 6] = [
    ("simple", "Simple Product"),
    ("virtual", "Virtual Product"),
    ("downloadable", "Downloadable Product"),
    ("bundle", "Bundle Product"),
    ("grouped", "Grouped Product"),
    ("configurable", "Configurable Product"),
];

/// A product as stored, with everything its JSON shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub row: ProductEntityRow,
    pub website_ids: Vec<i64>,
    pub category_links: Vec<CategoryLink>,
    pub links: Vec<DownloadableLinkRow>,
    pub samples: Vec<store::DownloadableSampleRow>,
    /// `(attribute_code, value)` besides the columns, in stored order.
    pub custom_attributes: Vec<(String, Value)>,
    /// The default source item's `(quantity, status)`, which the legacy stock item mirrors.
    pub default_source: Option<(Amount, i64)>,
    /// The legacy stock item's settings, once written (`None`: the config defaults).
    pub stock_settings: Option<crate::db::inventory_master::LegacyStockItem>,
}

/// A posted `ProductInterface`: only what the client sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductInput {
    pub id: Option<i64>,
    pub sku: Option<String>,
    pub name: Option<String>,
    pub attribute_set_id: Option<i64>,
    pub price: Option<Amount>,
    pub status: Option<i64>,
    pub visibility: Option<i64>,
    pub type_id: Option<String>,
    pub weight: Option<Amount>,
    /// Whether `extension_attributes` held anything.
    pub has_extension_attributes: bool,
    pub website_ids: Option<Vec<i64>>,
    pub category_links: Option<Vec<CategoryLink>>,
    /// `extension_attributes.stock_item`: what the save's `SaveInventoryDataObserver` merges
    /// over the product's stock item.
    pub stock_item: Option<crate::inventory::legacy::LegacyUpdate>,
    pub links: Option<Vec<LinkInput>>,
    pub samples: Option<Vec<SampleInput>>,
    pub custom_attributes: Vec<(String, Value)>,
}

/// `ProductRepository::get` (404 for an unknown SKU).
pub const PRODUCT_NOT_FOUND: &str = e::PRODUCT_DOES_NOT_EXIST;
/// `ProductRepository::save`: no SKU (argument: `sku`).
pub const ATTRIBUTE_EMPTY: &str = e::ATTRIBUTE_EMPTY;
/// `Framework/Exception/UrlAlreadyExistsException` default phrase.
pub const URL_KEY_EXISTS: &str = "URL key for specified store already exists.";
/// `ProductRepository::saveProduct`: any other failure of the save.
pub const PRODUCT_NOT_SAVED: &str = "The product was unable to be saved. Please try again.";
/// `ProductRepository::save`'s refusal of what `ResourceModel\Product::validate` found.
pub const INVALID_PRODUCT_DATA: &str = "Invalid product data: %1";
/// magemu's own: a type it does not keep (Magento has configurable, bundle, grouped, ...).
pub const TYPE_NOT_KEPT: &str =
    "magemu keeps simple, virtual and downloadable products only; \"%1\" is not one of them.";

/// The attributes every new product gets (`catalog_eav_attribute` defaults as a REST-created
/// product shows them), in the order Magento lists them.
fn default_custom_attributes(url_key: &str) -> Vec<(String, Value)> {
    vec![
        ("options_container".into(), "container2".into()),
        ("url_key".into(), url_key.into()),
        ("msrp_display_actual_price_type".into(), "0".into()),
        ("required_options".into(), "0".into()),
        ("has_options".into(), "0".into()),
        ("tax_class_id".into(), "2".into()),
    ]
}

/// `Framework/Filter/TranslitUrl::filter` for ASCII text: lower case, runs of anything but
/// letters and digits become one dash, no dash at either end.
pub fn format_url_key(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

fn custom_attribute<'a>(attrs: &'a [(String, Value)], code: &str) -> Option<&'a Value> {
    attrs.iter().find(|(c, _)| c == code).map(|(_, v)| v)
}

/// Sets each of `given` on `attrs`: a code already there keeps its place and takes the new
/// value, a new one goes last (the first of a code given twice takes the place, the last its
/// value).
fn set_custom_attributes(attrs: &mut Vec<(String, Value)>, given: &[(String, Value)]) {
    crate::keyed::merge_by_key(attrs, given.iter().cloned(), |kept, new| *kept = new);
}

/// A custom attribute's value as its EAV table keeps it, and so as a read shows it: a decimal
/// attribute's (`special_price`, `cost`, `msrp`, ...) in `catalog_product_entity_decimal`'s
/// `DECIMAL(20,6)`, which PDO reads back as text with six decimals (`"5.000000"`), rounded half
/// away from zero as MySQL stores it. The posted value is a number by then (`ServiceInputProcessor`
/// made it a double); one past the column's range is left as posted.
fn stored_value(code: &str, value: &Value) -> Value {
    if store::attribute_kind(code) != Some(crate::db::search::Kind::Amount) {
        return value.clone();
    }
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return value.clone(),
    };
    let parsed = text
        .parse::<rust_decimal::Decimal>()
        .or_else(|_| rust_decimal::Decimal::from_scientific(&text));
    match parsed {
        Ok(d) => {
            let d =
                d.round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            if d.abs() >= rust_decimal::Decimal::from(100_000_000_000_000_i64) {
                return value.clone();
            }
            Value::String(format!("{d:.6}"))
        }
        Err(_) => value.clone(),
    }
}

/// A posted `category_ids` value (`Product::setCategoryIds`: a list, or a comma-separated
/// text; empty entries left out), each id read as PHP's `(int)` reads it.
fn category_ids(value: &Value) -> Vec<i64> {
    let texts: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| crate::php::php_string(v).unwrap_or_default())
            .collect(),
        Value::String(s) => s.split(',').map(str::to_owned).collect(),
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    };
    texts
        .iter()
        .filter(|t| crate::php::truthy(t))
        .map(|t| crate::php::php_int(&Value::String(t.clone())))
        .collect()
}

/// `Category\Link\SaveHandler::execute`: the links the product is saved with. Its categories
/// (`getCategoryIds`: the posted `category_ids`, else the ones it has) each keep the position
/// they have (0 for a new one); posted `category_links` then go over them
/// (`mergeCategoryLinks`: a posted category takes the posted position, the others stay), an
/// empty list removing every link.
fn category_links(
    current: &[(i64, i64)],
    posted_ids: Option<Vec<i64>>,
    posted_links: Option<&[(i64, i64)]>,
) -> Vec<(i64, i64)> {
    let mut links: Vec<(i64, i64)> = match posted_ids {
        Some(ids) => {
            let had: std::collections::HashMap<i64, i64> = current.iter().copied().collect();
            let mut out: Vec<(i64, i64)> = Vec::new();
            crate::keyed::merge_by_key(
                &mut out,
                ids.into_iter()
                    .map(|id| (id, had.get(&id).copied().unwrap_or(0))),
                |_, _| {},
            );
            out
        }
        None => current.to_vec(),
    };
    match posted_links {
        None => links,
        Some([]) => Vec::new(),
        Some(posted) => {
            crate::keyed::merge_by_key(&mut links, posted.iter().copied(), |kept, new| *kept = new);
            links
        }
    }
}

fn is_blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Loads a product whole.
pub async fn load(
    conn: &mut SqliteConnection,
    row: ProductEntityRow,
) -> Result<Product, sqlx::Error> {
    let id = row.entity_id;
    let custom_attributes: Vec<(String, Value)> =
        serde_json::from_str::<Vec<(String, Value)>>(&row.custom_attributes).unwrap_or_default();
    let default_source: Option<(Amount, i64)> = sqlx::query_as(
        "SELECT quantity, status FROM inventory_source_item WHERE source_code = 'default' AND sku = ?",
    )
    .bind(&row.sku)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Product {
        default_source,
        stock_settings: crate::db::inventory_master::legacy_stock_item(conn, id).await?,
        website_ids: store::website_ids(conn, id).await?,
        category_links: store::category_links(conn, id).await?,
        links: store::downloadable_links(conn, id).await?,
        samples: store::downloadable_samples(conn, id).await?,
        custom_attributes,
        row,
    })
}

/// `Product\Attribute\Backend\Price::validate`.
pub const PRICE_NEGATIVE: &str = "Please enter a number 0 or greater in this field.";

/// `ProductRepository::get`.
pub async fn get(db: &Db, sku: &str) -> Result<Product> {
    let mut conn = db.read.acquire().await?;
    let row = store::product_by_sku(&mut conn, sku)
        .await?
        .ok_or_else(not_found)?;
    Ok(load(&mut conn, row).await?)
}

/// `ProductRepository::getList`.
pub async fn list(
    db: &Db,
    criteria: &crate::search::SearchCriteria,
) -> Result<(Vec<Product>, i64)> {
    let mut conn = db.read.acquire().await?;
    let (criteria, fields) = list_fields(criteria)?;
    let criteria = &scope_filters(&mut conn, &criteria).await?;
    db::search::documents_over(
        &mut conn,
        "catalog_product_entity",
        "entity_id",
        &fields,
        db::catalog::PRODUCT_FILTERS,
        criteria,
        async |conn, id| match store::product_by_id(conn, id).await? {
            Some(row) => load(conn, row).await.map(Some),
            None => Ok(None),
        },
    )
    .await
}

/// `ProductRepository::getList`'s reading of the criteria before the query: the fields it can
/// filter and sort on ([`db::catalog::product_fields`], `position` in the one category the
/// filters name, if they name one: `joinPositionField`), and the criteria as the collection
/// takes them:
/// - `store` is the `store_id` filter (Catalog `di.xml` maps both to `ProductStoreFilter`);
/// - a filter on a field that is no attribute is 400 `The "%1" attribute name is invalid.`
///   (`AbstractCollection::_addAttributeJoin`), except `category_ids`, a static attribute
///   with no column, whose SQL fails (500);
/// - a sort on a field that is no attribute is left out (`addAttributeToSort` ignores it).
fn list_fields(
    criteria: &crate::search::SearchCriteria,
) -> Result<(crate::search::SearchCriteria, Vec<db::search::Field>)> {
    let mut criteria = criteria.clone();
    let mut categories: Vec<String> = Vec::new();
    for f in criteria
        .filter_groups
        .iter_mut()
        .flat_map(|g| &mut g.filters)
    {
        if f.field.as_deref() == Some("store") {
            f.field = Some("store_id".into());
        }
        if f.field.as_deref() == Some("category_id") {
            for id in f.value.as_deref().unwrap_or_default().split(',') {
                if !categories.iter().any(|c| c == id) {
                    categories.push(id.to_owned());
                }
            }
        }
    }
    let category = match categories.as_slice() {
        // The join's `category_id = ?`: text that names no category joins nothing.
        [one] => Some(one.trim().parse::<i64>().unwrap_or(-1)),
        _ => None,
    };
    let fields = db::catalog::product_fields(category);
    // Attribute codes are looked up as MySQL compares them (`loadByCode`), without case.
    let known = |name: &str| fields.iter().any(|f| f.name.eq_ignore_ascii_case(name));
    let custom = |name: &str| db::catalog::PRODUCT_FILTERS.iter().any(|c| c.name == name);
    for f in criteria.filter_groups.iter().flat_map(|g| &g.filters) {
        let Some(name) = f.field.as_deref() else {
            return Err(crate::error::invalid_attribute_name_of(None));
        };
        if name == "category_ids" {
            return Err(Error::internal(
                "Unknown column 'e.category_ids' in 'where clause'",
            ));
        }
        // `position` is a field only where `joinPositionField` joined it (one category).
        let position_unjoined = name == "position" && category.is_none();
        if (!known(name) || position_unjoined) && !custom(name) && name != "store_id" {
            return Err(crate::error::invalid_attribute_name(name));
        }
    }
    if let Some(sorts) = &mut criteria.sort_orders {
        sorts.retain(|s| s.field.as_deref().is_none_or(known));
    }
    criteria.eav = true;
    Ok((criteria, fields))
}

/// The product list's `store_id` and `website_id` filters with the store or website they name
/// looked up, as `StoreManager` does before the collection is filtered:
/// - `store_id` (`ProductStoreFilter`, `Collection::addStoreFilter`): `getStore` (an id, or a
///   code; empty is the current store), 404 when unknown; the admin store (0) filters nothing;
///   any other store becomes a filter on its website.
/// - `website_id` (`ProductWebsiteFilter`, `Collection::addWebsiteFilter`): one value goes
///   through `getWebsite` (an id or a code, 404 when unknown); a list (with commas) is taken
///   as ids, unchecked.
async fn scope_filters(
    conn: &mut SqliteConnection,
    criteria: &crate::search::SearchCriteria,
) -> Result<crate::search::SearchCriteria> {
    let named = |f: &crate::search::Filter, name: &str| f.field.as_deref() == Some(name);
    let mut criteria = criteria.clone();
    if !criteria
        .filter_groups
        .iter()
        .flat_map(|g| &g.filters)
        .any(|f| named(f, "store_id") || named(f, "website_id"))
    {
        return Ok(criteria);
    }
    let stores = db::store::views(conn).await?;
    let websites = db::store::websites(conn).await?;
    let numeric = |v: &str| {
        crate::amount::Amount::parse(v.trim()).and_then(|a| i64::try_from(a.trunc().decimal()).ok())
    };
    for group in &mut criteria.filter_groups {
        let mut kept = Vec::with_capacity(group.filters.len());
        for mut f in std::mem::take(&mut group.filters) {
            let value = f.value.clone().unwrap_or_default();
            if named(&f, "store_id") {
                let store = match numeric(&value) {
                    _ if value.is_empty() => stores
                        .iter()
                        .find(|s| s.store_id == db::store::DEFAULT_STORE_ID),
                    Some(id) => stores.iter().find(|s| s.store_id == id),
                    None => stores.iter().find(|s| s.code == value),
                }
                .ok_or_else(|| Error::NotFound(Phrase::plain(crate::error::STORE_NOT_FOUND)))?;
                if store.store_id == 0 {
                    continue;
                }
                f.field = Some("website_id".into());
                f.value = Some(store.website_id.to_string());
            } else if named(&f, "website_id") && !value.contains(',') {
                let website = match numeric(&value) {
                    _ if value.is_empty() => {
                        let default = stores
                            .iter()
                            .find(|s| s.store_id == db::store::DEFAULT_STORE_ID);
                        websites
                            .iter()
                            .find(|w| default.is_some_and(|s| s.website_id == w.website_id))
                    }
                    Some(id) => websites.iter().find(|w| w.website_id == id),
                    None => websites.iter().find(|w| w.code == value),
                };
                let Some(website) = website else {
                    return Err(Error::NotFound(match numeric(&value) {
                        Some(_) => Phrase::positional(e::WEBSITE_ID_NOT_FOUND, vec![value]),
                        None => Phrase::positional(e::WEBSITE_CODE_NOT_FOUND, vec![value]),
                    }));
                };
                f.value = Some(website.website_id.to_string());
            }
            kept.push(f);
        }
        group.filters = kept;
    }
    Ok(criteria)
}

/// The product row of `sku` (`ProductRepository::get`'s lookup), or its 404.
pub async fn product_row(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<store::ProductEntityRow> {
    store::product_by_sku(conn, sku)
        .await?
        .ok_or_else(not_found)
}

pub fn not_found() -> Error {
    Error::NotFound(Phrase::plain(PRODUCT_NOT_FOUND))
}

/// `ProductRepository::save` on a parsed product: creates or updates, in one writer use case.
/// Returns the saved product's SKU.
pub async fn save(db: &Db, input: ProductInput) -> Result<String> {
    if is_blank(&input.sku) {
        return Err(Error::Input(Phrase::positional(
            ATTRIBUTE_EMPTY,
            vec!["sku".into()],
        )));
    }
    db.writer
        .write(move |conn| Box::pin(async move { save_in(conn, input).await }))
        .await
}

async fn save_in(conn: &mut SqliteConnection, input: ProductInput) -> Result<String> {
    let sku = input.sku.clone().unwrap_or_default();
    let existing = match input.id {
        Some(id) if id != 0 => store::product_by_id(conn, id).await?,
        // `ProductRepository::get($sku)`: MySQL's PAD SPACE collation ignores trailing spaces.
        _ => store::product_by_sku(conn, sku.trim_end_matches(' ')).await?,
    };
    let existing = match existing {
        Some(row) => Some(load(conn, row).await?),
        None => None,
    };
    let now = db::now_timestamp();
    let is_new = existing.is_none();
    let mut product = match existing.clone() {
        Some(p) => p,
        None => Product {
            row: ProductEntityRow {
                attribute_set_id: 4,
                type_id: "simple".into(),
                status: 1,
                visibility: 4,
                created_at: now.clone(),
                ..Default::default()
            },
            website_ids: all_websites(conn)
                .await?
                .into_iter()
                .filter(|w| *w != 0)
                .collect(),
            category_links: Vec::new(),
            links: Vec::new(),
            samples: Vec::new(),
            custom_attributes: Vec::new(),
            default_source: None,
            stock_settings: None,
        },
    };
    // The posted data over the stored product.
    let row = &mut product.row;
    // `Product\Attribute\Backend\Sku::beforeSave` trims it with PHP's trim, after
    // `validate` measured it as posted.
    row.sku = crate::php::trim(&sku).to_owned();
    if let Some(v) = &input.name {
        row.name = v.clone();
    }
    if let Some(v) = input.attribute_set_id {
        row.attribute_set_id = v;
    }
    if let Some(v) = input.status {
        row.status = v;
    }
    if let Some(v) = input.visibility {
        row.visibility = v;
    }
    if let Some(v) = &input.type_id {
        row.type_id = v.clone();
    }
    if input.weight.is_some() {
        row.weight = input.weight;
    }
    if !TYPES.contains(&row.type_id.as_str()) {
        return Err(Error::Input(Phrase::positional(
            TYPE_NOT_KEPT,
            vec![row.type_id.clone()],
        )));
    }
    // `ResourceModel\Product::validate`: first the attribute set, which must be one of the
    // product entity type. magemu keeps no attribute sets: it refuses the ones that are other
    // entity types' in every install (none is 0, 1-3 the customer's, its address's and the
    // category's, 5-8 the sales documents'), and takes any other.
    if row.attribute_set_id <= 0 || matches!(row.attribute_set_id, 1..=3 | 5..=8) {
        return Err(Error::Input(Phrase::positional(
            INVALID_PRODUCT_DATA,
            vec!["Invalid attribute set entity type".into()],
        )));
    }
    // EAV validation, the first failing attribute only (`Product\Attribute\Backend\Sku::validate`,
    // then the required name and price).
    if sku.chars().count() > SKU_MAX_LENGTH {
        return Err(Error::input(format!(
            "SKU length should be {SKU_MAX_LENGTH} characters maximum."
        )));
    }
    if row.name.trim().is_empty() {
        return Err(Error::input(
            "The \"Product Name\" attribute value is empty. Set the attribute and try again.",
        ));
    }
    match input.price {
        Some(p) => row.price = p,
        None if is_new => {
            return Err(Error::input(
                "The \"Price\" attribute value is empty. Set the attribute and try again.",
            ))
        }
        None => {}
    }
    // Product\Attribute\Backend\Price::validate on the price attributes (`price`,
    // `special_price`, `cost`), run by ProductRepository::save's `resourceModel->validate`.
    // (The custom attributes are kept as posted; only their sign is read here.)
    let negative_custom = input.custom_attributes.iter().any(|(code, value)| {
        matches!(code.as_str(), "special_price" | "cost")
            && match value {
                Value::Number(n) => n.as_f64().is_some_and(|f| f < 0.0),
                Value::String(t) => t.trim().parse::<f64>().is_ok_and(|f| f < 0.0),
                _ => false,
            }
    });
    if row.price.decimal().is_sign_negative() && !row.price.is_zero() || negative_custom {
        return Err(Error::input(PRICE_NEGATIVE));
    }
    if row.type_id != "simple" {
        // Virtual and downloadable products have no weight (`Type\AbstractType::beforeSave`).
        row.weight = None;
    }
    if is_new {
        let url_key = format_url_key(&row.name);
        product.custom_attributes = default_custom_attributes(&url_key);
        if row.type_id == "downloadable" {
            product
                .custom_attributes
                .push(("links_purchased_separately".into(), "1".into()));
            product
                .custom_attributes
                .push(("links_title".into(), "Links".into()));
        }
    }
    let posted: Vec<(String, Value)> = input
        .custom_attributes
        .iter()
        .map(|(code, value)| (code.clone(), stored_value(code, value)))
        .collect();
    set_custom_attributes(&mut product.custom_attributes, &posted);
    // `Observer\SetSpecialPriceStartDate` (catalog_product_save_before): a special price PHP
    // finds true with no start date starts today, at midnight (magemu's day is UTC's).
    // (The decimal attribute's value is a double by then: "0.00" is false.)
    let special_price = custom_attribute(&product.custom_attributes, "special_price")
        .and_then(crate::php::php_string)
        .is_some_and(|p| p.trim().parse::<f64>().is_ok_and(|d| d != 0.0));
    let has_start = custom_attribute(&product.custom_attributes, "special_from_date")
        .is_some_and(|v| !v.is_null());
    if special_price && !has_start {
        let today = crate::clock::now().date();
        set_custom_attributes(
            &mut product.custom_attributes,
            &[(
                "special_from_date".into(),
                format!("{today} 00:00:00").into(),
            )],
        );
    }
    // The product's categories are its links (shown as `category_ids` when it has some).
    let posted_category_ids = custom_attribute(&product.custom_attributes, "category_ids")
        .filter(|_| custom_attribute(&input.custom_attributes, "category_ids").is_some())
        .map(category_ids);
    // `quantity_and_stock_status` posted (an object, as CatalogInventory's api tests post it)
    // is not kept: the stock is `extension_attributes.stock_item`'s.
    product
        .custom_attributes
        .retain(|(code, _)| code != "category_ids" && code != "quantity_and_stock_status");
    if let Some(Value::String(title)) = custom_attribute(&product.custom_attributes, "links_title")
    {
        product.row.links_title = Some(title.clone());
    }
    let posted_links = if input.has_extension_attributes {
        if let Some(w) = &input.website_ids {
            product.website_ids = w.clone();
        }
        input.category_links.as_deref()
    } else {
        None
    };
    product.category_links =
        category_links(&product.category_links, posted_category_ids, posted_links);
    // URL rewrites of visible products.
    let url_key = match custom_attribute(&product.custom_attributes, "url_key") {
        Some(Value::String(k)) if !k.is_empty() => k.clone(),
        _ => format_url_key(&product.row.name),
    };
    if product.row.visibility != 1 && url_key_taken(conn, &url_key, product.row.entity_id).await? {
        return Err(Error::input(URL_KEY_EXISTS));
    }
    if !store::missing_categories(
        conn,
        &product
            .category_links
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>(),
    )
    .await?
    .is_empty()
    {
        // The category link insert fails on its foreign key; saveProduct wraps any failure.
        return Err(Error::input(PRODUCT_NOT_SAVED));
    }
    let websites = all_websites(conn).await?;
    if product.website_ids.iter().any(|w| !websites.contains(w)) {
        return Err(Error::input(PRODUCT_NOT_SAVED));
    }

    product.row.updated_at = now;
    product.row.custom_attributes =
        serde_json::to_string(&product.custom_attributes).map_err(Error::internal)?;
    if !is_new {
        product.row.sku = unique_sku(conn, &product.row.sku, product.row.entity_id).await?;
    }
    let id = if is_new {
        db::insert(conn, "catalog_product_entity", "entity_id", &product.row).await?
    } else {
        db::update(conn, "catalog_product_entity", "entity_id", &product.row).await?;
        product.row.entity_id
    };
    if let Some(orig) = existing.as_ref().filter(|o| o.row.sku != product.row.sku) {
        copy_stock_to_new_sku(conn, &orig.row.sku, &product.row.sku).await?;
    }
    store::set_websites(conn, id, &product.website_ids).await?;
    store::set_category_links(conn, id, &product.category_links).await?;
    if product.row.type_id == "downloadable" {
        product.row.entity_id = id;
        let posted = downloadable::Posted {
            links: input.links.as_deref(),
            samples: input.samples.as_deref(),
        };
        downloadable::save_for_product(conn, &product.row, posted, is_new).await?;
    }
    if let Some(stock) = &input.stock_item {
        let saved = crate::db::inventory_master::Product {
            entity_id: id,
            sku: product.row.sku.clone(),
            type_id: product.row.type_id.clone(),
            is_qty_decimal: product.row.is_qty_decimal,
        };
        crate::inventory::legacy::apply(conn, &saved, stock).await?;
    }
    Ok(product.row.sku)
}

/// A SKU changed on save: MSI's `CreateSourceItemsPlugin` (InventoryCatalog) and
/// `CreateSourceItemConfigurationPlugin` (InventoryLowQuantityNotification) give the new SKU
/// the old one's source items and low-stock settings at every source but `default` (which the
/// legacy stock item covers). The old SKU's rows stay: `ProcessSourceItemsPlugin` cleans them
/// up only with `synchronize_with_catalog`, off by default.
async fn copy_stock_to_new_sku(conn: &mut SqliteConnection, old: &str, new: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO inventory_source_item (source_code, sku, quantity, status)
         SELECT source_code, ?, quantity, status FROM inventory_source_item
         WHERE sku = ? AND source_code != 'default'
         ON CONFLICT (source_code, sku) DO UPDATE SET
           quantity = excluded.quantity, status = excluded.status",
    )
    .bind(new)
    .bind(old)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO inventory_low_stock_notification_configuration
           (source_code, sku, notify_stock_qty)
         SELECT source_code, ?, notify_stock_qty FROM inventory_low_stock_notification_configuration
         WHERE sku = ? AND source_code != 'default'
         ON CONFLICT (source_code, sku) DO UPDATE SET notify_stock_qty = excluded.notify_stock_qty",
    )
    .bind(new)
    .bind(old)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `Product\Attribute\Backend\Sku::_generateUniqueSku`: a product saved by id under another
/// product's SKU silently becomes `<sku>-<n>`, `n` one past the highest such suffix in use.
async fn unique_sku(conn: &mut SqliteConnection, sku: &str, own_id: i64) -> Result<String> {
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT entity_id FROM catalog_product_entity WHERE sku = ? AND entity_id != ?",
    )
    .bind(sku)
    .bind(own_id)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_none() {
        return Ok(sku.to_owned());
    }
    let similar: Vec<String> =
        sqlx::query_scalar("SELECT sku FROM catalog_product_entity WHERE sku LIKE ? || '-%'")
            .bind(sku)
            .fetch_all(&mut *conn)
            .await?;
    let prefix = format!("{}-", sku.to_lowercase());
    let last = similar
        .iter()
        .filter_map(|s| s.to_lowercase().strip_prefix(&prefix)?.parse::<i64>().ok())
        .max()
        .unwrap_or(0);
    // `++$increment` past PHP_INT_MAX turns the integer into a float, which PHP prints with
    // 14 significant digits.
    Ok(match last.checked_add(1) {
        Some(next) => format!("{sku}-{next}"),
        None => format!("{sku}-9.2233720368548E+18"),
    })
}

async fn all_websites(conn: &mut SqliteConnection) -> Result<Vec<i64>> {
    Ok(db::store::websites(conn)
        .await?
        .into_iter()
        .map(|w| w.website_id)
        .collect())
}

/// Whether another visible product has `url_key` (its first `url_key` attribute when that is
/// non-empty text, else its name's key). SQLite narrows the catalog first to the products whose
/// stored attributes hold the key's JSON text, and those whose first `url_key` pair is not
/// non-empty text (their name decides); only those are parsed here. Parsing every product's
/// attributes in Rust made each product save cost the whole catalog.
async fn url_key_taken(conn: &mut SqliteConnection, url_key: &str, own_id: i64) -> Result<bool> {
    let quoted = Value::from(url_key).to_string();
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        r#"SELECT entity_id, name, custom_attributes FROM catalog_product_entity
         WHERE entity_id != ? AND visibility != 1
           AND (instr(custom_attributes, ?) > 0
                OR NOT json_valid(custom_attributes)
                OR NOT coalesce((
                    SELECT json_type(a.value, '$[1]') = 'text'
                           AND json_extract(a.value, '$[1]') != ''
                    FROM json_each(custom_attributes) a
                    WHERE json_type(a.value) = 'array'
                      AND json_extract(a.value, '$[0]') = 'url_key'
                    ORDER BY a.key LIMIT 1), 0))"#,
    )
    .bind(own_id)
    .bind(&quoted)
    .fetch_all(conn)
    .await?;
    Ok(rows.iter().any(|(_, name, attrs)| {
        let attrs: Vec<(String, Value)> = serde_json::from_str(attrs).unwrap_or_default();
        let key = match custom_attribute(&attrs, "url_key") {
            Some(Value::String(k)) if !k.is_empty() => k.clone(),
            _ => format_url_key(name),
        };
        key == url_key
    }))
}

/// `ProductRepository::deleteById`, then MSI's source item cleanup of the SKU.
pub async fn delete(db: &Db, sku: String) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let row = product_row(conn, &sku).await?;
                store::delete_product(conn, row.entity_id).await?;
                // DeleteSourceItemsBySkus through the source item resource's DeleteMultiple,
                // whose plugin deletes the items' low-quantity settings.
                crate::db::inventory_master::delete_notification_configs_of_items(conn, &row.sku)
                    .await?;
                sqlx::query("DELETE FROM inventory_source_item WHERE sku = ?")
                    .bind(&row.sku)
                    .execute(&mut *conn)
                    .await?;
                Ok::<_, Error>(())
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_attributes_are_kept_with_six_decimals() {
        let v = |s: &str| stored_value("special_price", &Value::from(s));
        assert_eq!(v("5"), Value::from("5.000000"));
        assert_eq!(v("5.5"), Value::from("5.500000"));
        assert_eq!(v("0"), Value::from("0.000000"));
        assert_eq!(v("1e3"), Value::from("1000.000000"));
        assert_eq!(v("0.0000005"), Value::from("0.000001"));
        assert_eq!(v("-0.0000005"), Value::from("-0.000001"));
        assert_eq!(
            stored_value("cost", &serde_json::json!(12.25)),
            Value::from("12.250000")
        );
        // Not a decimal attribute, or past DECIMAL(20,6): as posted.
        assert_eq!(
            stored_value("meta_title", &Value::from("5")),
            Value::from("5")
        );
        assert_eq!(v("1e20"), Value::from("1e20"));
    }

    #[test]
    fn url_keys() {
        assert_eq!(format_url_key("Voyage Yoga Bag"), "voyage-yoga-bag");
        assert_eq!(
            format_url_key("  Gold Club -- Membership! "),
            "gold-club-membership"
        );
        assert_eq!(format_url_key("SP 1"), "sp-1");
    }

    #[test]
    fn custom_attributes_keep_their_place() {
        let pair = |c: &str, v: &str| (c.to_owned(), Value::from(v));
        let mut attrs = vec![pair("url_key", "a"), pair("tax_class_id", "2")];
        set_custom_attributes(
            &mut attrs,
            &[
                pair("color", "red"),
                pair("url_key", "b"),
                pair("color", "blue"),
            ],
        );
        assert_eq!(
            attrs,
            [
                pair("url_key", "b"),
                pair("tax_class_id", "2"),
                pair("color", "blue")
            ]
        );
        // The review's case, once seconds on the writer.
        let many: Vec<_> = (0..25_000).map(|i| pair(&format!("c{i}"), "x")).collect();
        set_custom_attributes(&mut attrs, &many);
        assert_eq!(attrs.len(), 25_003);
    }
}
