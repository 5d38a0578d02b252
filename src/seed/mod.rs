//! Seed data. The built-in seeds are data files built into the binary, loaded into an empty
//! database in one transaction: `base.json` (what every Magento 2.4 + MSI install has), then for
//! both tutorial seeds `luma.json` (the Luma products the tutorial uses), then `tutorial.json`
//! (the world just before the tutorial's step 10) or `tutorial_start.json` (just before its
//! step 2). A seed file of the user's own (`--seed PATH`) is loaded on `base.json` by
//! [`file`], through the same code as the REST calls it stands for.

pub mod file;
pub mod generate;

use std::collections::BTreeMap;

use serde::Deserialize;
use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::config::Seed;
use crate::db::catalog::{CategoryRow, DownloadableLinkRow, ProductEntityRow};
use crate::db::row_struct;
use crate::db::store::{GroupRow, StoreConfigRow, StoreRow, WebsiteRow};
use crate::db::{self, Db};

const BASE: &str = include_str!("base.json");
const LUMA: &str = include_str!("luma.json");
const TUTORIAL: &str = include_str!("tutorial.json");
const TUTORIAL_START: &str = include_str!("tutorial_start.json");

row_struct! {
    #[derive(Deserialize)]
    pub struct SourceRow {
        pub source_code: String,
        pub name: String,
        pub enabled: i64,
        #[serde(default)] pub description: Option<String>,
        #[serde(default)] pub contact_name: Option<String>,
        #[serde(default)] pub email: Option<String>,
        #[serde(default)] pub latitude: Option<String>,
        #[serde(default)] pub longitude: Option<String>,
        pub country_id: String,
        #[serde(default)] pub region_id: Option<i64>,
        #[serde(default)] pub region: Option<String>,
        #[serde(default)] pub city: Option<String>,
        #[serde(default)] pub street: Option<String>,
        pub postcode: String,
        #[serde(default)] pub phone: Option<String>,
        #[serde(default)] pub fax: Option<String>,
        #[serde(default)] pub is_pickup_location_active: i64,
        #[serde(default)] pub frontend_name: Option<String>,
        #[serde(default)] pub frontend_description: Option<String>,
    }
}
row_struct! {
    #[derive(Deserialize)]
    pub struct StockRow { pub stock_id: i64, pub name: String }
}
#[derive(Debug, Deserialize)]
struct SalesChannelRow {
    r#type: String,
    code: String,
    stock_id: i64,
}
row_struct! {
    #[derive(Deserialize)]
    pub struct LinkRow { pub stock_id: i64, pub source_code: String, pub priority: i64 }
}
/// A product of a seed file: the entity's columns, its websites, category links
/// (`[category_id, position]`) and downloadable links.
#[derive(Debug, Deserialize)]
pub struct ProductRow {
    pub entity_id: i64,
    pub sku: String,
    pub name: String,
    pub type_id: String,
    pub price: Amount,
    #[serde(default = "default_attribute_set")]
    pub attribute_set_id: i64,
    #[serde(default = "one")]
    pub status: i64,
    #[serde(default = "four")]
    pub visibility: i64,
    #[serde(default)]
    pub weight: Option<Amount>,
    /// `[[attribute_code, value], ...]`.
    #[serde(default)]
    pub custom_attributes: Vec<(String, serde_json::Value)>,
    #[serde(default)]
    pub links_title: Option<String>,
    #[serde(default = "seed_time")]
    pub created_at: String,
    #[serde(default = "seed_time")]
    pub updated_at: String,
    #[serde(default = "main_website")]
    pub website_ids: Vec<i64>,
    #[serde(default)]
    pub category_links: Vec<(i64, i64)>,
    #[serde(default)]
    pub downloadable_links: Vec<DownloadableLinkRow>,
}

fn default_attribute_set() -> i64 {
    4
}
fn one() -> i64 {
    1
}
fn four() -> i64 {
    4
}
fn seed_time() -> String {
    "2020-07-22 00:00:00".into()
}
fn main_website() -> Vec<i64> {
    vec![1]
}
row_struct! {
    #[derive(Deserialize)]
    pub struct SourceItemRow { pub sku: String, pub source_code: String, pub quantity: Amount, pub status: i64 }
}

row_struct! {
    #[derive(Deserialize)]
    pub struct CustomerRow {
        pub entity_id: i64, pub website_id: i64, pub email: String, pub group_id: i64,
        pub store_id: i64, pub created_in: String, pub firstname: String, pub lastname: String,
        pub default_billing: Option<i64>, pub default_shipping: Option<i64>,
        pub disable_auto_group_change: i64, pub created_at: String, pub updated_at: String,
        /// `Encryptor::getHash` format, `hash:salt:1` (see `crate::customer`).
        #[serde(default)] pub password_hash: Option<String>,
    }
}
row_struct! {
    #[derive(Deserialize)]
    pub struct CustomerAddressRow {
        pub entity_id: i64, pub parent_id: i64, pub firstname: String, pub lastname: String,
        pub street: String, pub city: String, pub region: Option<String>, pub region_id: Option<i64>,
        pub region_code: Option<String>, pub postcode: Option<String>, pub country_id: String,
        pub telephone: Option<String>,
    }
}

#[derive(Debug, Deserialize)]
struct SequenceRow {
    entity_type: String,
    store_id: i64,
    next_value: i64,
}

#[derive(Debug, Deserialize)]
struct ReservationRow {
    stock_id: i64,
    sku: String,
    quantity: Amount,
    metadata: serde_json::Value,
}

/// One built-in seed file; every section may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SeedFile {
    websites: Vec<WebsiteRow>,
    groups: Vec<GroupRow>,
    stores: Vec<StoreRow>,
    store_configs: Vec<StoreConfigRow>,
    sources: Vec<SourceRow>,
    stocks: Vec<StockRow>,
    sales_channels: Vec<SalesChannelRow>,
    links: Vec<LinkRow>,
    categories: Vec<CategoryRow>,
    products: Vec<ProductRow>,
    source_items: Vec<SourceItemRow>,
    customers: Vec<CustomerRow>,
    customer_addresses: Vec<CustomerAddressRow>,
    counters: BTreeMap<String, i64>,
    sequences: Vec<SequenceRow>,
    /// Order entities in the body shape of `POST /V1/orders`.
    orders: Vec<serde_json::Value>,
    reservations: Vec<ReservationRow>,
    /// Cart price rules as `POST /V1/salesRules` takes them (`RuleInterface`, ids included).
    #[serde(default)]
    sales_rules: Vec<serde_json::Value>,
    /// Store settings at the default scope (`core_config_data`), `path → value`.
    #[serde(default)]
    config: BTreeMap<String, String>,
}

/// Why a seed could not be loaded: the database, or a seed file's entry.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    /// A seed file that cannot be read or parsed, or one of its entries that was refused.
    #[error("seed file {path}: {message}")]
    File { path: String, message: String },
}

/// Whether the database holds no store yet (only the migrations ran).
pub async fn is_empty(db: &Db) -> Result<bool, sqlx::Error> {
    let mut conn = db.read.acquire().await?;
    let stores: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM store")
        .fetch_one(&mut *conn)
        .await?;
    Ok(stores == 0)
}

/// Loads `seed` into an empty database; a database that already holds stores is left alone.
/// Returns whether it seeded. The built-in seeds load in one transaction; a seed file loads
/// entry by entry (see [`file`]), so a caller that must not keep half of a bad file loads it
/// into a scratch database first, as the server does (`crate::state`).
pub async fn seed_if_empty(db: &Db, seed: &Seed) -> Result<bool, SeedError> {
    if !is_empty(db).await? {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    load(&mut tx, BASE).await?;
    match seed {
        Seed::Tutorial | Seed::TutorialStart => {
            load(&mut tx, LUMA).await?;
            let world = if *seed == Seed::Tutorial {
                TUTORIAL
            } else {
                TUTORIAL_START
            };
            load(&mut tx, world).await?;
        }
        Seed::None | Seed::File(_) => {}
    }
    tx.commit().await?;
    if let Seed::File(path) = seed {
        file::load(db, path).await?;
    }
    // Before the seed's image is taken: a reset and a snapshot keep the order.
    db::counters::put_in_order(&mut *db.write.acquire().await?).await;
    tracing::debug!(%seed, "loaded the seed");
    Ok(true)
}

fn bad_seed(cause: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(format!("seed data: {cause}"))
}

async fn insert_all<R: db::Columns>(
    conn: &mut SqliteConnection,
    table: &str,
    rows: &[R],
) -> Result<(), sqlx::Error> {
    for row in rows {
        // Seed rows carry their own keys: no column is left to SQLite.
        db::insert(conn, table, "", row).await?;
    }
    Ok(())
}

async fn load(conn: &mut SqliteConnection, text: &str) -> Result<(), sqlx::Error> {
    let seed: SeedFile = serde_json::from_str(text).map_err(bad_seed)?;
    insert_all(conn, "store_website", &seed.websites).await?;
    insert_all(conn, "store_group", &seed.groups).await?;
    insert_all(conn, "store", &seed.stores).await?;
    insert_all(conn, "store_config", &seed.store_configs).await?;
    for (path, value) in &seed.config {
        db::store::set_default_config(&mut *conn, path, value).await?;
    }
    insert_all(conn, "inventory_source", &seed.sources).await?;
    insert_all(conn, "inventory_stock", &seed.stocks).await?;
    for channel in &seed.sales_channels {
        // A sales channel belongs to one stock: assigning it moves it.
        sqlx::query(
            "INSERT INTO inventory_stock_sales_channel (type, code, stock_id) VALUES (?, ?, ?)
             ON CONFLICT (type, code) DO UPDATE SET stock_id = excluded.stock_id",
        )
        .bind(&channel.r#type)
        .bind(&channel.code)
        .bind(channel.stock_id)
        .execute(&mut *conn)
        .await?;
    }
    insert_all(conn, "inventory_source_stock_link", &seed.links).await?;
    insert_all(conn, "catalog_category_entity", &seed.categories).await?;
    for p in &seed.products {
        let row = ProductEntityRow {
            entity_id: p.entity_id,
            attribute_set_id: p.attribute_set_id,
            type_id: p.type_id.clone(),
            sku: p.sku.clone(),
            name: p.name.clone(),
            price: p.price,
            status: p.status,
            visibility: p.visibility,
            weight: p.weight,
            is_qty_decimal: 0,
            custom_attributes: serde_json::to_string(&p.custom_attributes).map_err(bad_seed)?,
            links_title: p.links_title.clone(),
            created_at: p.created_at.clone(),
            updated_at: p.updated_at.clone(),
        };
        db::insert(conn, "catalog_product_entity", "", &row).await?;
        db::catalog::set_websites(conn, p.entity_id, &p.website_ids).await?;
        db::catalog::set_category_links(conn, p.entity_id, &p.category_links).await?;
        for link in &p.downloadable_links {
            let link = DownloadableLinkRow {
                product_id: p.entity_id,
                ..link.clone()
            };
            db::insert(conn, "downloadable_link", "link_id", &link).await?;
        }
    }
    insert_all(conn, "inventory_source_item", &seed.source_items).await?;
    insert_all(conn, "customer_entity", &seed.customers).await?;
    insert_all(conn, "customer_address_entity", &seed.customer_addresses).await?;
    for (table, next_id) in &seed.counters {
        db::set_next_id(conn, table, *next_id).await?;
    }
    for s in &seed.sequences {
        sqlx::query(
            "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, ?)
             ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = excluded.next_value",
        )
        .bind(&s.entity_type)
        .bind(s.store_id)
        .bind(s.next_value)
        .execute(&mut *conn)
        .await?;
    }
    for body in &seed.orders {
        let entity = body
            .get("entity")
            .ok_or_else(|| bad_seed("order without entity"))?;
        let order =
            crate::wire::order_import::parse_order(entity).map_err(|e| bad_seed(e.body()))?;
        crate::sales::order::save_new_order(conn, order, Default::default())
            .await
            .map_err(|e| bad_seed(e.body()))?;
    }
    for rule in &seed.sales_rules {
        // The rule repository's own save; the row is created with the seed's id first.
        let input =
            crate::wire::sales_rule::parse_rule_object(rule).map_err(|e| bad_seed(e.body()))?;
        if let Some(id) = input.rule_id {
            sqlx::query("INSERT INTO salesrule (rule_id) VALUES (?)")
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        crate::checkout::sales_rule::save_rule_on(conn, input)
            .await
            .map_err(|e| bad_seed(e.body()))?;
    }
    for r in &seed.reservations {
        let metadata = serde_json::to_string(&r.metadata).map_err(bad_seed)?;
        db::inventory::append_reservation(conn, r.stock_id, &r.sku, r.quantity, &metadata).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_files_parse() {
        let base: SeedFile = serde_json::from_str(BASE).unwrap();
        assert_eq!(base.stores.len(), 2);
        let luma: SeedFile = serde_json::from_str(LUMA).unwrap();
        assert_eq!(luma.products.len(), 3);
        let start: SeedFile = serde_json::from_str(TUTORIAL_START).unwrap();
        assert_eq!(start.source_items.len(), 3);
        let tutorial: SeedFile = serde_json::from_str(TUTORIAL).unwrap();
        assert_eq!(tutorial.sources.len(), 8);
        assert_eq!(tutorial.source_items.len(), 15);
        for order in &tutorial.orders {
            crate::wire::order_import::parse_order(&order["entity"]).unwrap();
        }
    }
}
