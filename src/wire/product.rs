//! `Magento\Catalog\Api\Data\ProductInterface` in both directions, with the downloadable links
//! of `extension_attributes` (`Magento\Downloadable\Api\Data\LinkInterface`).
//!
//! Reply shape (module-catalog/Model/Category/Link/ReadHandler.php,
//! module-downloadable/Model/Link/ReadHandler.php): `category_links` appears only when the
//! product has some (`category_id` a string, as the link interface types it); downloadable
//! products carry `downloadable_product_links` and `downloadable_product_samples`, others not.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::amount::Amount;
use crate::catalog::{LinkInput, Product, ProductInput, SampleInput};
use crate::db::catalog::{DownloadableLinkRow, DownloadableSampleRow};
use crate::error::Result;
use crate::inventory::legacy::LegacyUpdate;
use crate::wire::input::{self, list, param, to_int, At, Obj};

/// `StockRegistryInterface::updateStockItemBySku`'s required `stockItem`.
pub fn parse_stock_item_save(body: &Map<String, Value>) -> Result<LegacyUpdate> {
    let value = crate::wire::inventory_master::required(body, "stock_item", "stockItem")?;
    stock_item_update(value)
}

const PRODUCT_FIELDS: &[&str] = &[
    "id",
    "sku",
    "name",
    "attribute_set_id",
    "price",
    "status",
    "visibility",
    "type_id",
    "created_at",
    "updated_at",
    "weight",
    "extension_attributes",
    "product_links",
    "options",
    "media_gallery_entries",
    "tier_prices",
    "custom_attributes",
];
const EXTENSION_FIELDS: &[&str] = &[
    "website_ids",
    "category_links",
    "stock_item",
    "discounts",
    "bundle_product_options",
    "downloadable_product_links",
    "downloadable_product_samples",
    "giftcard_amounts",
    "configurable_product_options",
    "configurable_product_links",
];
/// `StockItemInterface`'s fields (also what `PUT /V1/products/{sku}/stockItems/{itemId}` takes).
/// A posted `StockItemInterface` (`extension_attributes.stock_item` of a product save, the
/// body of `PUT /V1/products/{sku}/stockItems/{id}`): the fields it sets.
pub fn stock_item_update(value: &Value) -> Result<LegacyUpdate> {
    let o = Obj::new(value, STOCK_ITEM_FIELDS)?;
    Ok(LegacyUpdate {
        qty: o.amount("qty")?,
        is_in_stock: o.bool("is_in_stock"),
        use_config_min_qty: o.bool("use_config_min_qty"),
        min_qty: o.amount("min_qty")?,
        use_config_min_sale_qty: o.int("use_config_min_sale_qty")?.map(|v| v != 0),
        min_sale_qty: o.amount("min_sale_qty")?,
        use_config_max_sale_qty: o.bool("use_config_max_sale_qty"),
        max_sale_qty: o.amount("max_sale_qty")?,
        use_config_backorders: o.bool("use_config_backorders"),
        backorders: o.int("backorders")?,
        use_config_notify_stock_qty: o.bool("use_config_notify_stock_qty"),
        // `addData` copies a posted null too, which the item then reads as `(float)null`, 0
        // (`Stock\Item::getNotifyStockQty` once its config flag is off).
        notify_stock_qty: match o.amount("notify_stock_qty")? {
            None if o.has("notify_stock_qty") => Some(Amount::ZERO),
            posted => posted,
        },
        use_config_qty_increments: o.bool("use_config_qty_increments"),
        qty_increments: o.amount("qty_increments")?,
        use_config_enable_qty_inc: o.bool("use_config_enable_qty_inc"),
        enable_qty_increments: o.bool("enable_qty_increments"),
        use_config_manage_stock: o.bool("use_config_manage_stock"),
        manage_stock: o.bool("manage_stock"),
        is_qty_decimal: o.bool("is_qty_decimal"),
    })
}

pub const STOCK_ITEM_FIELDS: &[&str] = &[
    "item_id",
    "product_id",
    "stock_id",
    "qty",
    "is_in_stock",
    "is_qty_decimal",
    "show_default_notification_message",
    "use_config_min_qty",
    "min_qty",
    "use_config_min_sale_qty",
    "min_sale_qty",
    "use_config_max_sale_qty",
    "max_sale_qty",
    "use_config_backorders",
    "backorders",
    "use_config_notify_stock_qty",
    "notify_stock_qty",
    "use_config_qty_increments",
    "qty_increments",
    "use_config_enable_qty_inc",
    "enable_qty_increments",
    "use_config_manage_stock",
    "manage_stock",
    "low_stock_date",
    "is_decimal_divided",
    "stock_status_changed_auto",
    "extension_attributes",
];
const LINK_FIELDS: &[&str] = &[
    "id",
    "title",
    "sort_order",
    "is_shareable",
    "price",
    "number_of_downloads",
    "link_type",
    "link_file",
    "link_file_content",
    "link_url",
    "sample_type",
    "sample_file",
    "sample_file_content",
    "sample_url",
    "extension_attributes",
];
const SAMPLE_FIELDS: &[&str] = &[
    "id",
    "title",
    "sort_order",
    "sample_type",
    "sample_file",
    "sample_file_content",
    "sample_url",
    "extension_attributes",
];

/// The body of `POST /V1/products` / `PUT /V1/products/{sku}`: `product` is required.
/// `path_sku` is the SKU of a PUT's path: `ParamsOverrider::overrideRequestBodyIdWithPathParam`
/// writes it into `product.sku` only when `product` is the body's single top-level key (with
/// `saveOptions` beside it, the path SKU lands at the top level and is ignored).
pub fn parse_save(body: &Map<String, Value>, path_sku: Option<&str>) -> Result<ProductInput> {
    let product = param(body, "product").ok_or_else(|| crate::error::Error::required("product"))?;
    let mut input = parse_product(product)?;
    if let Some(sku) = path_sku {
        if body.len() == 1 && product.is_object() {
            input.sku = Some(sku.to_owned());
        }
    }
    Ok(input)
}

fn parse_product(v: &Value) -> Result<ProductInput> {
    let o = Obj::new(v, PRODUCT_FIELDS)?;
    let mut input = ProductInput {
        id: o.int("id")?,
        sku: o.string("sku")?,
        name: o.string("name")?,
        attribute_set_id: o.int("attribute_set_id")?,
        price: o.amount("price")?,
        status: o.int("status")?,
        visibility: o.int("visibility")?,
        type_id: o.string("type_id")?,
        weight: o.amount("weight")?,
        ..Default::default()
    };
    if let Some((_, ext)) = o.get("extension_attributes") {
        let e = Obj::new(ext, EXTENSION_FIELDS)?;
        input.has_extension_attributes = ext.as_object().is_some_and(|m| !m.is_empty());
        if let Some((key, ids)) = e.get("website_ids") {
            let mut out = Vec::new();
            for id in list(ids)? {
                out.push(to_int(id, At::Field(key))?);
            }
            input.website_ids = Some(out);
        }
        if let Some((_, links)) = e.get("category_links") {
            let mut out = Vec::new();
            for link in list(links)? {
                let l = Obj::new(
                    link,
                    &["sku", "position", "category_id", "extension_attributes"],
                )?;
                let category = l.string("category_id")?.unwrap_or_default();
                let category = input::to_int(&Value::String(category), At::Field("category_id"))?;
                out.push((category, l.int("position")?.unwrap_or(0)));
            }
            input.category_links = Some(out);
        }
        if let Some((_, stock)) = e.get("stock_item") {
            input.stock_item = Some(stock_item_update(stock)?);
        }
        if let Some((_, links)) = e.get("downloadable_product_links") {
            let mut out = Vec::new();
            for link in list(links)? {
                out.push(parse_link(link)?);
            }
            input.links = Some(out);
        }
        if let Some((_, samples)) = e.get("downloadable_product_samples") {
            let mut out = Vec::new();
            for sample in list(samples)? {
                out.push(parse_sample(sample)?);
            }
            input.samples = Some(out);
        }
    }
    if let Some((_, attrs)) = o.get("custom_attributes") {
        input.custom_attributes = custom_attributes(attrs)?;
    }
    Ok(input)
}

/// `ServiceInputProcessor::convertCustomAttributeValue` of a product's `custom_attributes`: a
/// list of `{attribute_code, value}` or an object of `code: value` (an entry that is no object
/// is the value of the code its key names), each entry checked by `processCustomAttribute`
/// and its value converted to the attribute's type ([`db::catalog::attribute_kind`]); a
/// failure is 400 `Error occurred during "custom_attributes" processing. ...`, rendered.
fn custom_attributes(attrs: &Value) -> Result<Vec<(String, Value)>> {
    let refuse = |details: String| {
        crate::error::Error::Input(crate::error::Phrase::plain(format!(
            "Error occurred during \"custom_attributes\" processing. {details}"
        )))
    };
    let entries = input::array_entries(attrs).ok_or_else(|| {
        crate::error::Error::invalid_type(Some("custom_attributes"), "string", "array")
    })?;
    let mut out = Vec::with_capacity(entries.len());
    for (key, entry) in entries {
        let (code, value) = match entry {
            Value::Object(m) => {
                let code = input::key(entry, "attribute_code").filter(|c| !c.is_null());
                let code = code.map(|c| crate::wire::input::php_string(c).unwrap_or_default());
                let code = code.filter(|c| crate::php::truthy(c));
                let value = m.get("value");
                match (code, value) {
                    (None, None | Some(Value::Null)) => {
                        return Err(refuse(
                            "An empty custom attribute is specified. Enter the attribute and try again."
                                .into(),
                        ))
                    }
                    (None, _) => {
                        return Err(refuse("A custom attribute is specified with a missing attribute code. Verify the code and try again.".into()))
                    }
                    (Some(code), None) => {
                        return Err(refuse(format!(
                            "The \"{code}\" attribute code doesn't have a value set. Enter the value and try again."
                        )))
                    }
                    (Some(code), Some(value)) => (code, value.clone()),
                }
            }
            // `[attribute_code => $key, value => $entry]`: a list's first index, 0, is no code.
            scalar => {
                if !crate::php::truthy(&key) {
                    return Err(refuse(if scalar.is_null() {
                        "An empty custom attribute is specified. Enter the attribute and try again."
                            .into()
                    } else {
                        "A custom attribute is specified with a missing attribute code. Verify the code and try again.".into()
                    }));
                }
                (key, scalar.clone())
            }
        };
        let value = attribute_value(&code, value).map_err(|details| {
            refuse(format!("Attribute \"{code}\" has invalid value. {details}"))
        })?;
        out.push((code, value));
    }
    Ok(out)
}

/// `TypeProcessor::processSimpleAndAnyType` of a custom attribute's value for its type, kept as
/// magemu stores values (text; a list of texts for any type): the failure's details.
fn attribute_value(code: &str, value: Value) -> std::result::Result<Value, String> {
    use crate::db::search::Kind;
    let invalid = |shown: &str, ty: &str| {
        format!("The \"{shown}\" value's type is invalid. The \"{ty}\" type was expected. Verify and try again.")
    };
    let text = |v: &Value| crate::wire::input::php_string(v).unwrap_or_default();
    match (crate::db::catalog::attribute_kind(code), value) {
        (_, Value::Null) => Ok(Value::Null),
        (None, Value::Array(items)) => Ok(Value::Array(
            items.iter().map(|i| Value::String(text(i))).collect(),
        )),
        (None, Value::Object(map)) => Ok(Value::Array(
            map.values().map(|i| Value::String(text(i))).collect(),
        )),
        (None, v) => Ok(Value::String(text(&v))),
        (Some(kind), Value::Array(_) | Value::Object(_)) => Err(invalid(
            "array",
            match kind {
                Kind::Text => "string",
                Kind::Int => "int",
                Kind::Amount | Kind::Decimal => "double",
            },
        )),
        (Some(Kind::Text), v) => Ok(Value::String(text(&v))),
        // settype($v, 'int') after is_numeric: "2.5" is 2; anything else (a bool too) fails.
        (Some(Kind::Int), v) => {
            let shown = text(&v);
            if v.is_boolean() || !input::is_numeric(&shown) {
                return Err(invalid(&shown, "int"));
            }
            let n = to_int(&v, At::Top).map_err(|_| invalid(&shown, "int"))?;
            Ok(Value::String(n.to_string()))
        }
        // settype($v, 'double') never fails: what is not numeric is its numeric prefix or 0.
        (Some(Kind::Amount | Kind::Decimal), v) => {
            let shown = text(&v);
            Ok(Value::String(if input::is_numeric(&shown) {
                shown
            } else {
                crate::php::float_to_string(input::to_double(&v))
            }))
        }
    }
}

fn parse_link(v: &Value) -> Result<LinkInput> {
    let l = Obj::new(v, LINK_FIELDS)?;
    Ok(LinkInput {
        id: l.int("id")?,
        title: l.string("title")?,
        sort_order: l.int("sort_order")?,
        is_shareable: l.int("is_shareable")?,
        price: l.amount("price")?,
        number_of_downloads: l.int("number_of_downloads")?,
        link_type: l.string("link_type")?,
        link_file: l.string("link_file")?,
        link_url: l.string("link_url")?,
        sample_type: l.string("sample_type")?,
        sample_file: l.string("sample_file")?,
        sample_url: l.string("sample_url")?,
        link_file_content: file_content(&l, "link_file_content")?,
        sample_file_content: file_content(&l, "sample_file_content")?,
        store_view_scope: false,
    })
}

fn parse_sample(v: &Value) -> Result<SampleInput> {
    let l = Obj::new(v, SAMPLE_FIELDS)?;
    Ok(SampleInput {
        id: l.int("id")?,
        title: l.string("title")?,
        sort_order: l.int("sort_order")?,
        sample_type: l.string("sample_type")?,
        sample_file: l.string("sample_file")?,
        sample_url: l.string("sample_url")?,
        sample_file_content: file_content(&l, "sample_file_content")?,
        store_view_scope: false,
    })
}

/// `link_file_content` / `sample_file_content`: `{"file_data": base64, "name": ...}`.
fn file_content(l: &Obj<'_>, key: &str) -> Result<Option<crate::catalog::FileContent>> {
    let Some((_, v)) = l.get(key) else {
        return Ok(None);
    };
    let c = Obj::new(v, &["file_data", "name", "extension_attributes"])?;
    Ok(Some(crate::catalog::FileContent {
        file_data: c.string("file_data")?.unwrap_or_default(),
        name: c.string("name")?.unwrap_or_default(),
    }))
}

/// The body of `POST /V1/products/{sku}/downloadable-links` (and its PUT with `path_id`):
/// `{"link": LinkInterface, "isGlobalScopeContent": bool?}`.
pub fn parse_link_save(body: &Map<String, Value>, path_id: Option<&str>) -> Result<LinkInput> {
    let (link, path_id) = repository_save(body, "link", path_id)?;
    let mut input = parse_link(link)?;
    if let Some(id) = path_id {
        input.id = Some(input::path_int(id)?);
    }
    input.store_view_scope = store_view_scope(body);
    Ok(input)
}

/// The body of `POST /V1/products/{sku}/downloadable-links/samples` (and its PUT with
/// `path_id`): `{"sample": SampleInterface, "isGlobalScopeContent": bool?}`.
pub fn parse_sample_save(body: &Map<String, Value>, path_id: Option<&str>) -> Result<SampleInput> {
    let (sample, path_id) = repository_save(body, "sample", path_id)?;
    let mut input = parse_sample(sample)?;
    if let Some(id) = path_id {
        input.id = Some(input::path_int(id)?);
    }
    input.store_view_scope = store_view_scope(body);
    Ok(input)
}

/// `isGlobalScopeContent` (bool, default true: a null is not set) posted false.
fn store_view_scope(body: &Map<String, Value>) -> bool {
    param(body, "isGlobalScopeContent").is_some_and(|v| !v.is_null() && !input::to_bool(v))
}

/// A repository save's body: the required object `key`, and the path id when it goes into
/// the object's `id`: as for products, only when `key` is the body's single top-level key
/// (`ParamsOverrider::overrideRequestBodyIdWithPathParam`).
fn repository_save<'a, 'p>(
    body: &'a Map<String, Value>,
    key: &str,
    path_id: Option<&'p str>,
) -> Result<(&'a Value, Option<&'p str>)> {
    let value = param(body, key).ok_or_else(|| crate::error::Error::required(key))?;
    Ok((
        value,
        path_id.filter(|_| body.len() == 1 && value.is_object()),
    ))
}

/// `ProductTypeInterface` of `GET /V1/products/types`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-product-type-interface")]
pub struct ProductTypeData {
    pub name: &'static str,
    pub label: &'static str,
}

/// `CategoryProductLinkInterface` in a product reply.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-category-link-interface")]
pub struct CategoryLinkData {
    pub position: i64,
    pub category_id: String,
}

/// `LinkInterface`, getters in order, nulls left out but where the getter is declared a plain
/// `string` (`getLinkType`, `getSampleType`), which `DataObjectProcessor` prints null.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "downloadable-data-link-interface")]
pub struct LinkData {
    pub id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub sort_order: i64,
    pub is_shareable: i64,
    pub price: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_downloads: Option<i64>,
    pub link_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_url: Option<String>,
    pub sample_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_url: Option<String>,
}

impl From<&DownloadableLinkRow> for LinkData {
    fn from(l: &DownloadableLinkRow) -> Self {
        LinkData {
            id: l.link_id,
            title: l.title.clone(),
            sort_order: l.sort_order,
            is_shareable: l.is_shareable,
            price: l.price,
            number_of_downloads: l.number_of_downloads,
            link_type: l.link_type.clone(),
            link_file: l.link_file.clone(),
            link_url: l.link_url.clone(),
            sample_type: l.sample_type.clone(),
            sample_file: l.sample_file.clone(),
            sample_url: l.sample_url.clone(),
        }
    }
}

/// `SampleInterface`, getters in order: `title` and `sample_type` are declared plain `string`
/// and printed even when null, the nullable file and URL left out.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "downloadable-data-sample-interface")]
pub struct SampleData {
    pub id: i64,
    pub title: Option<String>,
    pub sort_order: i64,
    pub sample_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_url: Option<String>,
}

impl From<&DownloadableSampleRow> for SampleData {
    fn from(s: &DownloadableSampleRow) -> Self {
        SampleData {
            id: s.sample_id,
            title: s.title.clone(),
            sort_order: s.sort_order,
            sample_type: s.sample_type.clone(),
            sample_file: s.sample_file.clone(),
            sample_url: s.sample_url.clone(),
        }
    }
}

/// `Magento\CatalogInventory\Api\Data\StockItemInterface`, getters in order, values cast to
/// the declared types (`use_config_min_sale_qty` an int, `backorders` an int); the legacy stock
/// item of the default stock, its settings as stored or the `cataloginventory/item_options`
/// defaults (CatalogInventory/etc/config.xml). `low_stock_date` is printed null too: its getter
/// is declared `string`, which `DataObjectProcessor` keeps.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-inventory-data-stock-item-interface")]
pub struct StockItemData {
    pub item_id: i64,
    pub product_id: i64,
    pub stock_id: i64,
    pub qty: Amount,
    pub is_in_stock: bool,
    pub is_qty_decimal: bool,
    pub show_default_notification_message: bool,
    pub use_config_min_qty: bool,
    pub min_qty: Amount,
    pub use_config_min_sale_qty: i64,
    pub min_sale_qty: Amount,
    pub use_config_max_sale_qty: bool,
    pub max_sale_qty: Amount,
    pub use_config_backorders: bool,
    pub backorders: i64,
    pub use_config_notify_stock_qty: bool,
    pub notify_stock_qty: Amount,
    pub use_config_qty_increments: bool,
    pub qty_increments: Amount,
    pub use_config_enable_qty_inc: bool,
    pub enable_qty_increments: bool,
    pub use_config_manage_stock: bool,
    pub manage_stock: bool,
    #[schemars(extend("x-nullable" = true))]
    pub low_stock_date: Option<String>,
    pub is_decimal_divided: bool,
    pub stock_status_changed_auto: i64,
}

impl StockItemData {
    /// The legacy stock item of `product`: its stored settings (or the config defaults), qty
    /// and status mirroring its default source item.
    pub fn of(product: &Product) -> Self {
        let (qty, status) = product.default_source.unwrap_or_default();
        let id = product.row.entity_id;
        let stored = product
            .stock_settings
            .clone()
            .unwrap_or_else(|| crate::inventory::legacy::default_settings(id));
        Self::from_settings(&stored, qty, status == 1, product.row.is_qty_decimal != 0)
    }

    /// The item of the legacy routes (`GET /V1/stockItems/{sku}`, `/lowStock`, the status's
    /// `stock_item`).
    pub fn of_legacy(item: &crate::inventory::legacy::LegacyItem) -> Self {
        Self::from_settings(
            &item.settings,
            item.qty,
            item.is_in_stock,
            item.is_qty_decimal,
        )
    }

    /// The stored settings read through the `use_config_*` flags.
    fn from_settings(
        s: &crate::db::inventory_master::LegacyStockItem,
        qty: Amount,
        is_in_stock: bool,
        is_qty_decimal: bool,
    ) -> Self {
        let config = crate::inventory::salability::config_of(Some(s), is_qty_decimal);
        let on = |v: i64| v != 0;
        StockItemData {
            item_id: s.item_id,
            product_id: s.product_id,
            stock_id: s.stock_id,
            qty,
            is_in_stock,
            is_qty_decimal,
            show_default_notification_message: false,
            use_config_min_qty: on(s.use_config_min_qty),
            min_qty: Amount::new(config.min_qty),
            use_config_min_sale_qty: s.use_config_min_sale_qty,
            min_sale_qty: Amount::new(config.min_sale_qty),
            use_config_max_sale_qty: on(s.use_config_max_sale_qty),
            max_sale_qty: Amount::new(config.max_sale_qty),
            use_config_backorders: on(s.use_config_backorders),
            backorders: if on(s.use_config_backorders) {
                0
            } else {
                s.backorders
            },
            use_config_notify_stock_qty: on(s.use_config_notify_stock_qty),
            notify_stock_qty: if on(s.use_config_notify_stock_qty) {
                Amount::from_int(1)
            } else {
                s.notify_stock_qty
            },
            use_config_qty_increments: on(s.use_config_qty_increments),
            qty_increments: Amount::new(config.qty_increments),
            use_config_enable_qty_inc: on(s.use_config_enable_qty_inc),
            enable_qty_increments: !on(s.use_config_enable_qty_inc) && on(s.enable_qty_increments),
            use_config_manage_stock: on(s.use_config_manage_stock),
            manage_stock: config.manage_stock,
            low_stock_date: s.low_stock_date.clone(),
            is_decimal_divided: on(s.is_decimal_divided),
            stock_status_changed_auto: s.stock_status_changed_auto,
        }
    }
}

/// `ProductExtensionInterface` as magemu fills it.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-product-extension-interface")]
pub struct ProductExtensionData {
    pub website_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_links: Option<Vec<CategoryLinkData>>,
    /// Attached by CatalogInventory's `AfterProductLoad` plugin on `Product::load` (a read by
    /// SKU, a save's reply), not to a list's items (magento/magento2#36533).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stock_item: Option<StockItemData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub downloadable_product_links: Option<Vec<LinkData>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub downloadable_product_samples: Option<Vec<SampleData>>,
}

/// `AttributeInterface` of `custom_attributes`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "framework-attribute-interface")]
pub struct CustomAttributeData {
    pub attribute_code: String,
    pub value: Value,
}

/// `ProductInterface`, getters in order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-product-interface")]
pub struct ProductData {
    pub id: i64,
    pub sku: String,
    pub name: String,
    pub attribute_set_id: i64,
    pub price: Amount,
    pub status: i64,
    pub visibility: i64,
    pub type_id: String,
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Amount>,
    pub extension_attributes: ProductExtensionData,
    pub product_links: Vec<Value>,
    pub options: Vec<Value>,
    pub media_gallery_entries: Vec<Value>,
    pub tier_prices: Vec<Value>,
    pub custom_attributes: Vec<CustomAttributeData>,
}

impl ProductData {
    /// An item of `ProductRepository::getList`: the collection's products, without the stock
    /// item only a product load attaches.
    pub fn listed(p: &Product) -> Self {
        let mut data = ProductData::from(p);
        data.extension_attributes.stock_item = None;
        data
    }
}

impl From<&Product> for ProductData {
    fn from(p: &Product) -> Self {
        let r = &p.row;
        let downloadable = r.type_id == "downloadable";
        let mut custom_attributes: Vec<CustomAttributeData> = p
            .custom_attributes
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(code, value)| CustomAttributeData {
                attribute_code: code.clone(),
                value: value.clone(),
            })
            .collect();
        if !p.category_links.is_empty() {
            custom_attributes.retain(|a| a.attribute_code != "category_ids");
            custom_attributes.push(CustomAttributeData {
                attribute_code: "category_ids".into(),
                value: Value::Array(
                    p.category_links
                        .iter()
                        .map(|(c, _)| Value::String(c.to_string()))
                        .collect(),
                ),
            });
        }
        ProductData {
            id: r.entity_id,
            sku: r.sku.clone(),
            name: r.name.clone(),
            attribute_set_id: r.attribute_set_id,
            price: r.price,
            status: r.status,
            visibility: r.visibility,
            type_id: r.type_id.clone(),
            created_at: r.created_at.clone(),
            updated_at: r.updated_at.clone(),
            weight: r.weight,
            extension_attributes: ProductExtensionData {
                website_ids: p.website_ids.clone(),
                category_links: (!p.category_links.is_empty()).then(|| {
                    p.category_links
                        .iter()
                        .map(|(c, pos)| CategoryLinkData {
                            position: *pos,
                            category_id: c.to_string(),
                        })
                        .collect()
                }),
                stock_item: Some(StockItemData::of(p)),
                downloadable_product_links: downloadable
                    .then(|| p.links.iter().map(LinkData::from).collect()),
                downloadable_product_samples: downloadable
                    .then(|| p.samples.iter().map(SampleData::from).collect()),
            },
            product_links: Vec::new(),
            options: Vec::new(),
            media_gallery_entries: Vec::new(),
            tier_prices: Vec::new(),
            custom_attributes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn path_sku_only_with_one_top_level_key() {
        let one = body(json!({"product": {"sku": "a", "price": "5"}}));
        assert_eq!(
            parse_save(&one, Some("b")).unwrap().sku.as_deref(),
            Some("b")
        );
        let two = body(json!({"product": {"sku": "a"}, "saveOptions": true}));
        assert_eq!(
            parse_save(&two, Some("b")).unwrap().sku.as_deref(),
            Some("a")
        );
        assert_eq!(
            parse_save(&body(json!({})), None).unwrap_err().body(),
            json!({"message": crate::error::FIELD_REQUIRED, "parameters": {"fieldName": "product"}})
        );
    }

    #[test]
    fn unknown_field_refused() {
        let b = body(json!({"product": {"sku": "a", "colour": "red"}}));
        assert_eq!(
            parse_save(&b, None).unwrap_err().body()["parameters"],
            json!({"fieldName": "Colour"})
        );
    }
}
