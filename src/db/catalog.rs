//! Products, their websites, category links and downloadable links; categories.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::row_struct;
use crate::db::search::{json_list, operator, Bind, CustomFilter, Kind};

row_struct! {
    /// `catalog_product_entity` with the attributes magemu keeps as columns.
    pub struct ProductEntityRow {
        pub entity_id: i64,
        pub attribute_set_id: i64,
        pub type_id: String,
        pub sku: String,
        pub name: String,
        pub price: Amount,
        pub status: i64,
        pub visibility: i64,
        pub weight: Option<Amount>,
        pub is_qty_decimal: i64,
        pub custom_attributes: String,
        pub links_title: Option<String>,
        pub created_at: String,
        pub updated_at: String,
    }
}

row_struct! {
    /// `downloadable_link` (title and price folded in).
    #[derive(serde::Deserialize)]
    pub struct DownloadableLinkRow {
        #[serde(default)] pub link_id: i64,
        #[serde(default)] pub product_id: i64,
        #[serde(default)] pub title: Option<String>,
        #[serde(default)] pub sort_order: i64,
        #[serde(default)] pub is_shareable: i64,
        #[serde(default)] pub price: Amount,
        #[serde(default)] pub number_of_downloads: Option<i64>,
        #[serde(default)] pub link_type: Option<String>,
        #[serde(default)] pub link_file: Option<String>,
        #[serde(default)] pub link_url: Option<String>,
        #[serde(default)] pub sample_type: Option<String>,
        #[serde(default)] pub sample_file: Option<String>,
        #[serde(default)] pub sample_url: Option<String>,
    }
}

row_struct! {
    /// `downloadable_sample` (its title folded in).
    pub struct DownloadableSampleRow {
        pub sample_id: i64,
        pub product_id: i64,
        pub title: Option<String>,
        pub sort_order: i64,
        pub sample_type: Option<String>,
        pub sample_file: Option<String>,
        pub sample_url: Option<String>,
    }
}

row_struct! {
    /// `catalog_category_entity` with its name, is_active, include_in_menu and url_key.
    #[derive(serde::Deserialize)]
    pub struct CategoryRow {
        pub entity_id: i64,
        #[serde(default = "default_category_set")] pub attribute_set_id: i64,
        pub parent_id: i64,
        pub path: String,
        pub position: i64,
        pub level: i64,
        pub name: String,
        #[serde(default = "one")] pub is_active: i64,
        #[serde(default = "one")] pub include_in_menu: i64,
        #[serde(default)] pub url_key: Option<String>,
        pub created_at: String,
        pub updated_at: String,
    }
}

fn default_category_set() -> i64 {
    3
}
fn one() -> i64 {
    1
}

/// A category link of a product: `(category_id, position)`.
pub type CategoryLink = (i64, i64);

/// `ResourceModel\Product::getIdBySku`: `sku = ?` under MySQL's `utf8_general_ci`, which
/// ignores case (the column's NOCASE) and trailing spaces (`PAD SPACE`; stored SKUs have none,
/// `Sku::beforeSave` trims them).
pub async fn product_by_sku(
    conn: &mut SqliteConnection,
    sku: &str,
) -> Result<Option<ProductEntityRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM catalog_product_entity WHERE sku = ?")
        .bind(sku.trim_end_matches(' '))
        .fetch_optional(conn)
        .await
}

/// Sets a product's `price` (store 0's, the only one under the global price scope) and its
/// `updated_at`.
pub async fn set_price(
    conn: &mut SqliteConnection,
    product_id: i64,
    price: crate::amount::Amount,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE catalog_product_entity SET price = ?, updated_at = ? WHERE entity_id = ?")
        .bind(price)
        .bind(now)
        .bind(product_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn product_by_id(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<ProductEntityRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM catalog_product_entity WHERE entity_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// One of product `id`'s `custom_attributes` (stored as `[code, value]` pairs) by code, as text (a number as PHP prints it; null,
/// absent or no such product: `None`).
pub async fn custom_attribute(
    conn: &mut SqliteConnection,
    id: i64,
    code: &str,
) -> Result<Option<String>, sqlx::Error> {
    let value: Option<Option<String>> = sqlx::query_scalar(
        "SELECT CASE json_type(a.value, '$[1]')
                    WHEN 'true' THEN '1' WHEN 'false' THEN ''
                    ELSE CAST(json_extract(a.value, '$[1]') AS TEXT) END
         FROM catalog_product_entity p, json_each(p.custom_attributes) a
         WHERE p.entity_id = ? AND json_extract(a.value, '$[0]') = ?",
    )
    .bind(id)
    .bind(code)
    .fetch_optional(conn)
    .await?;
    Ok(value.flatten())
}

pub async fn website_ids(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT website_id FROM catalog_product_website WHERE product_id = ? ORDER BY website_id",
    )
    .bind(product_id)
    .fetch_all(conn)
    .await
}

pub async fn category_links(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<Vec<CategoryLink>, sqlx::Error> {
    sqlx::query_as(
        "SELECT category_id, position FROM catalog_category_product WHERE product_id = ?
         ORDER BY category_id",
    )
    .bind(product_id)
    .fetch_all(conn)
    .await
}

pub async fn downloadable_links(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<Vec<DownloadableLinkRow>, sqlx::Error> {
    sqlx::query_as(
        // `Link\Collection::addTitleToResult`: by sort order, then title.
        "SELECT * FROM downloadable_link WHERE product_id = ? ORDER BY sort_order, title COLLATE NOCASE, link_id",
    )
    .bind(product_id)
    .fetch_all(conn)
    .await
}

/// `Type::getSamples`: `Sample\Collection::addTitleToResult` orders by sort order, then title.
pub async fn downloadable_samples(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<Vec<DownloadableSampleRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM downloadable_sample WHERE product_id = ? ORDER BY sort_order, title COLLATE NOCASE, sample_id",
    )
    .bind(product_id)
    .fetch_all(conn)
    .await
}

pub async fn set_websites(
    conn: &mut SqliteConnection,
    product_id: i64,
    websites: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM catalog_product_website WHERE product_id = ?")
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    for w in websites {
        sqlx::query(
            "INSERT OR IGNORE INTO catalog_product_website (product_id, website_id) VALUES (?, ?)",
        )
        .bind(product_id)
        .bind(w)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn set_category_links(
    conn: &mut SqliteConnection,
    product_id: i64,
    links: &[CategoryLink],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM catalog_category_product WHERE product_id = ?")
        .bind(product_id)
        .execute(&mut *conn)
        .await?;
    for &(category_id, position) in links {
        set_category_link(conn, category_id, product_id, position).await?;
    }
    Ok(())
}

/// Puts a product in a category at `position` (or moves it there).
pub async fn set_category_link(
    conn: &mut SqliteConnection,
    category_id: i64,
    product_id: i64,
    position: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO catalog_category_product (category_id, product_id, position) VALUES (?, ?, ?)
         ON CONFLICT (category_id, product_id) DO UPDATE SET position = excluded.position",
    )
    .bind(category_id)
    .bind(product_id)
    .bind(position)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes a product out of a category; whether it was in it.
pub async fn delete_category_link(
    conn: &mut SqliteConnection,
    category_id: i64,
    product_id: i64,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "DELETE FROM catalog_category_product WHERE category_id = ? AND product_id = ?",
    )
    .bind(category_id)
    .bind(product_id)
    .execute(conn)
    .await?;
    Ok(removed.rows_affected() > 0)
}

/// The products `assigned_products` lists for a category (`path` its tree path), `(sku,
/// position)` by product id: in the admin store (`website` `None`) every product linked to it
/// or below it at its smallest position there; in a store view (its website and root
/// category) what the category product index holds (see `catalog::category::assigned_products`).
pub async fn category_products(
    conn: &mut SqliteConnection,
    category_id: i64,
    path: &str,
    website: Option<(i64, i64)>,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let subtree = format!("{path}/%");
    let Some((website_id, root)) = website else {
        return sqlx::query_as(
            "SELECT p.sku, MIN(l.position) FROM catalog_product_entity p
             JOIN catalog_category_product l ON l.product_id = p.entity_id
             JOIN catalog_category_entity c ON c.entity_id = l.category_id
             WHERE c.entity_id = ? OR c.path LIKE ?
             GROUP BY p.entity_id ORDER BY p.entity_id",
        )
        .bind(category_id)
        .bind(&subtree)
        .fetch_all(conn)
        .await;
    };
    // `Visibility::getVisibleInSiteIds`: catalog, search, both.
    let indexed = "p.status = 1 AND p.visibility IN (2, 3, 4) AND EXISTS (
             SELECT 1 FROM catalog_product_website w
             WHERE w.product_id = p.entity_id AND w.website_id = ?)";
    if category_id == root {
        return sqlx::query_as(&format!(
            "SELECT p.sku, COALESCE((SELECT MIN(l.position) FROM catalog_category_product l
                 WHERE l.product_id = p.entity_id), 10000)
             FROM catalog_product_entity p WHERE {indexed} ORDER BY p.entity_id"
        ))
        .bind(website_id)
        .fetch_all(conn)
        .await;
    }
    sqlx::query_as(&format!(
        "SELECT p.sku, COALESCE(
             (SELECT l.position FROM catalog_category_product l
              WHERE l.product_id = p.entity_id AND l.category_id = ?),
             (SELECT MIN(l.position) + 10000 FROM catalog_category_product l
              JOIN catalog_category_entity c ON c.entity_id = l.category_id
              WHERE l.product_id = p.entity_id AND c.path LIKE ?))
         FROM catalog_product_entity p
         WHERE {indexed} AND EXISTS (
             SELECT 1 FROM catalog_category_product l
             JOIN catalog_category_entity c ON c.entity_id = l.category_id
             WHERE l.product_id = p.entity_id AND (c.entity_id = ? OR c.path LIKE ?))
         ORDER BY p.entity_id"
    ))
    .bind(category_id)
    .bind(&subtree)
    .bind(website_id)
    .bind(category_id)
    .bind(&subtree)
    .fetch_all(conn)
    .await
}

/// A store view's website and its group's root category.
pub async fn store_website_and_root(
    conn: &mut SqliteConnection,
    store_id: i64,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.website_id, g.root_category_id FROM store s
         JOIN store_group g ON g.group_id = s.group_id WHERE s.store_id = ?",
    )
    .bind(store_id)
    .fetch_optional(conn)
    .await
}

/// Which of `ids` are no category.
pub async fn missing_categories(
    conn: &mut SqliteConnection,
    ids: &[i64],
) -> Result<Vec<i64>, sqlx::Error> {
    let mut missing = Vec::new();
    for id in ids {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT entity_id FROM catalog_category_entity WHERE entity_id = ?")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            missing.push(*id);
        }
    }
    Ok(missing)
}

pub async fn delete_product(
    conn: &mut SqliteConnection,
    product_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM catalog_product_entity WHERE entity_id = ?")
        .bind(product_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn category(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<CategoryRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM catalog_category_entity WHERE entity_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Every category, parents before children, siblings by position.
pub async fn categories(conn: &mut SqliteConnection) -> Result<Vec<CategoryRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM catalog_category_entity ORDER BY level, position, entity_id")
        .fetch_all(conn)
        .await
}

/// How many products each category holds directly: `(category_id, count)`.
pub async fn product_counts(conn: &mut SqliteConnection) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT category_id, COUNT(*) FROM catalog_category_product GROUP BY category_id",
    )
    .fetch_all(conn)
    .await
}

/// The product EAV attributes of a Magento 2.4 install that magemu keeps among a product's
/// `custom_attributes` (the rest are columns of `catalog_product_entity`), each with how its
/// backend stores it: Catalog's `Setup/CategorySetup::getDefaultEntities` (`int` -> `Int`,
/// `decimal` -> `Amount`, `varchar`/`text`/`datetime` -> `Text`) and the attributes other
/// modules' data patches add (Tax `tax_class_id`, CatalogUrlRewrite `url_key`/`url_path`,
/// GiftMessage, Msrp, Downloadable, Bundle, Swatches, Catalog's layout update file). A list
/// filters and sorts on them as the EAV collection joins them.
const EAV_ATTRIBUTES: &[(&str, Kind)] = &[
    ("description", Kind::Text),
    ("short_description", Kind::Text),
    ("special_price", Kind::Amount),
    ("special_from_date", Kind::Text),
    ("special_to_date", Kind::Text),
    ("cost", Kind::Amount),
    ("manufacturer", Kind::Int),
    ("meta_title", Kind::Text),
    ("meta_keyword", Kind::Text),
    ("meta_description", Kind::Text),
    ("image", Kind::Text),
    ("small_image", Kind::Text),
    ("thumbnail", Kind::Text),
    ("media_gallery", Kind::Text),
    ("old_id", Kind::Int),
    ("color", Kind::Int),
    ("news_from_date", Kind::Text),
    ("news_to_date", Kind::Text),
    ("gallery", Kind::Text),
    ("minimal_price", Kind::Amount),
    ("custom_design", Kind::Text),
    ("custom_design_from", Kind::Text),
    ("custom_design_to", Kind::Text),
    ("custom_layout_update", Kind::Text),
    ("page_layout", Kind::Text),
    ("options_container", Kind::Text),
    ("image_label", Kind::Text),
    ("small_image_label", Kind::Text),
    ("thumbnail_label", Kind::Text),
    ("country_of_manufacture", Kind::Text),
    ("quantity_and_stock_status", Kind::Int),
    ("tax_class_id", Kind::Int),
    ("url_key", Kind::Text),
    ("url_path", Kind::Text),
    ("gift_message_available", Kind::Text),
    ("msrp", Kind::Amount),
    ("msrp_display_actual_price_type", Kind::Text),
    ("links_purchased_separately", Kind::Int),
    ("links_exist", Kind::Int),
    ("samples_title", Kind::Text),
    ("price_type", Kind::Int),
    ("sku_type", Kind::Int),
    ("weight_type", Kind::Int),
    ("price_view", Kind::Int),
    ("shipment_type", Kind::Int),
    ("swatch_image", Kind::Text),
    ("custom_layout", Kind::Text),
    ("custom_layout_update_file", Kind::Text),
    ("tier_price", Kind::Amount),
];

/// How `code`'s values are typed when posted among `custom_attributes`
/// (`Eav\Model\TypeLocator\SimpleType`: `int`, `decimal` -> `double`, the rest `string`),
/// for the attributes magemu knows ([`EAV_ATTRIBUTES`] and the column attributes); `None`:
/// any value (a static attribute, or a code no attribute has).
pub fn attribute_kind(code: &str) -> Option<Kind> {
    match code {
        // Backend `Product\Attribute\Backend\Stock`: Catalog di.xml's `ComplexType` map makes
        // it `StockItemInterface[]`, so an object is taken.
        "quantity_and_stock_status" => None,
        // A data patch makes its backend `static`: any value.
        "media_gallery" => None,
        "name" => Some(Kind::Text),
        "price" | "weight" => Some(Kind::Amount),
        "status" | "visibility" => Some(Kind::Int),
        _ => EAV_ATTRIBUTES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, kind)| *kind),
    }
}

/// A product's `custom_attributes` value of `code` as SQL over its row, stored as `kind`
/// stores it (an amount in ten-thousandths, as the columns keep amounts); NULL without one.
fn eav_value_sql(code: &str, kind: Kind) -> String {
    let raw = format!(
        "(SELECT json_extract(a.value, '$[1]') FROM json_each(catalog_product_entity.custom_attributes) a \
         WHERE json_extract(a.value, '$[0]') = '{code}')"
    );
    match kind {
        Kind::Text => format!("CAST({raw} AS TEXT)"),
        Kind::Int => format!("CAST({raw} AS INTEGER)"),
        Kind::Amount => format!("CAST(ROUND(CAST({raw} AS REAL) * 10000) AS INTEGER)"),
        Kind::Decimal => format!("CAST({raw} AS REAL)"),
    }
}

/// The fields a product list filters and sorts on: the product's columns that are attributes,
/// its EAV attributes ([`EAV_ATTRIBUTES`]), `required_options` and `has_options` (static
/// columns, 0 for magemu's products, which have no options) and `position`: the product's
/// position in `category` when the list filters on exactly that one category
/// (`ProductRepository::joinPositionField`), else its id (`Product\Collection::addAttributeToSort`
/// without the join).
pub fn product_fields(category: Option<i64>) -> Vec<crate::db::search::Field> {
    use crate::db::search::{fields_of, Field};
    use std::borrow::Cow;
    let mut fields: Vec<Field> = fields_of(&ProductEntityRow::default())
        .into_iter()
        .filter(|f| !matches!(f.name, "custom_attributes" | "is_qty_decimal"))
        .collect();
    fields.extend(EAV_ATTRIBUTES.iter().map(|(code, kind)| Field {
        name: code,
        column: Cow::Owned(eav_value_sql(code, *kind)),
        kind: *kind,
    }));
    for name in ["required_options", "has_options"] {
        fields.push(Field {
            name,
            column: Cow::Borrowed("0"),
            kind: Kind::Int,
        });
    }
    fields.push(Field {
        name: "position",
        column: match category {
            Some(id) => Cow::Owned(format!(
                "(SELECT position FROM catalog_category_product \
                 WHERE category_id = {id} AND product_id = catalog_product_entity.entity_id)"
            )),
            None => Cow::Borrowed("entity_id"),
        },
        kind: Kind::Int,
    });
    fields
}

/// The product list's own filters (Catalog `di.xml`'s `ProductFilterProcessor`): `category_id`
/// and `website_id`. (`store_id` is resolved to its website first: `catalog::list`.)
pub const PRODUCT_FILTERS: &[CustomFilter] = &[
    CustomFilter {
        name: "category_id",
        term: category_term,
    },
    CustomFilter {
        name: "website_id",
        term: website_term,
    },
];

/// `ProductCategoryFilter::apply` and `Product\Collection::addCategoriesFilter`: the products
/// linked to the categories listed (`in`/`nin` split a value at commas; without a condition
/// type, `in`), as `entity_id IN (SELECT product_id ...)`, with `eq`/`neq` read as `in`/`nin`
/// (`mapConditionType`). Any other condition compares `entity_id` with that sub-select as
/// MySQL does with a scalar sub-query (MySQL refuses it when more than one product is linked;
/// SQLite takes the first).
fn category_term(cond: &str, value: &str, binds: &mut Vec<Bind>) -> String {
    let cond = if cond.is_empty() { "in" } else { cond };
    let values: Vec<&str> = match cond {
        "in" | "nin" => value.split(',').collect(),
        _ => vec![value],
    };
    let linked = "SELECT product_id FROM catalog_category_product \
                  WHERE category_id IN (SELECT value FROM json_each(?))";
    let term = match cond {
        "null" => return "(entity_id IS NULL)".into(),
        "notnull" => return "(entity_id IS NOT NULL)".into(),
        "in" | "eq" => format!("entity_id IN ({linked})"),
        "nin" | "neq" => format!("entity_id NOT IN ({linked})"),
        other => format!("entity_id {} ({linked})", operator(other)),
    };
    binds.push(json_list(Kind::Int, values));
    format!("({term})")
}

/// `ProductWebsiteFilter::apply` and `Product\Collection::addWebsiteFilter`: the products
/// assigned to the websites listed (a value with commas is a list); the condition type is not
/// read.
fn website_term(_cond: &str, value: &str, binds: &mut Vec<Bind>) -> String {
    binds.push(json_list(Kind::Int, value.split(',')));
    "(entity_id IN (SELECT product_id FROM catalog_product_website \
     WHERE website_id IN (SELECT value FROM json_each(?))))"
        .into()
}
