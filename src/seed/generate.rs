//! `magemu generate`: a large world of completed orders, each with its invoice and shipment, on
//! top of the seed, written straight into the database file.
//!
//! Every order is built as `POST /V1/orders` would store it: the rows the import's parser
//! (`wire::order_import::parse_order`) makes of its entity (a test holds the two equal), completed
//! by `sales::order::complete`, then the pure rules of invoicing and shipping run on it as
//! `InvoiceOrder` and `ShipOrder` run them
//! (`sales::invoice::{prepare, build_invoice, register}`, `sales::totals::collect`,
//! `sales::shipment::{prepare, register}`, `sales::state::state_after_document`). So the order
//! and its items carry the invoiced, paid and shipped figures and end `complete`, and the
//! invoice's totals are the collectors' own.
//!
//! Speed: the rows are built on a thread of their own while the previous batch is written; each
//! batch (10,000 orders by default) is one transaction of multi-row INSERTs with explicit ids
//! on one connection, with `synchronous = OFF` (a crash of the process loses no committed batch;
//! a power cut may) and the file locked for the run. No index is created or dropped.
//!
//! What it leaves out on purpose: source deductions and reservations (the generated shipments
//! took nothing from `inventory_source_item`; the generated orders, like imported ones, placed
//! no reservation), status-history rows and invoice/shipment comments.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rust_decimal::Decimal;
#[cfg(test)]
use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::amount::Amount;
use crate::config::Seed;
use crate::db::model::{FullOrder, Shipment, ShipmentItem, ShipmentTrack};
use crate::db::sales::format_increment_id;
use crate::db::{self, Columns, Db, SqlValue};
use crate::sales::{invoice, order, shipment, state, totals};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many orders (each with one invoice and one shipment).
    pub orders: u64,
    /// Orders per transaction.
    pub batch_size: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            orders: 1_000_000,
            batch_size: 10_000,
        }
    }
}

/// What a run wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub orders: u64,
    /// First and last generated order id (`None` when nothing was generated).
    pub order_ids: Option<(i64, i64)>,
    pub invoices: u64,
    pub shipments: u64,
    /// Rows written, all tables together.
    pub rows: u64,
    pub elapsed: Duration,
}

fn fail(cause: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Protocol(format!("generate: {cause}"))
}

/// Opens the database at `database_url` as the server does (migrations, then the `seed` when the
/// database is empty), then appends `options.orders` completed orders with their invoices and
/// shipments. `progress` is called after each committed batch with the orders written so far.
/// The server must not run on the same file meanwhile: the file is locked for the run.
pub async fn generate(
    database_url: &str,
    seed: &Seed,
    options: &Options,
    mut progress: impl FnMut(u64),
) -> Result<Summary, sqlx::Error> {
    let started = Instant::now();
    {
        // As the server seeds: a seed file is built in a scratch database and the empty live one
        // is set to its image, so a file refused halfway leaves the live database empty (it
        // was seeded entry by entry, and the next run took the half-seeded world as seeded).
        let db = Db::open(database_url).await?;
        let seeded = match super::is_empty(&db).await {
            Ok(true) => crate::state::seed_image(&db, seed)
                .await
                .map(drop)
                .map_err(fail),
            Ok(false) => Ok(()),
            Err(e) => Err(e),
        };
        db.close().await;
        seeded?;
    }
    let mut conn = SqliteConnectOptions::from_str(database_url)?
        .journal_mode(SqliteJournalMode::Wal)
        // Only for this connection and this run: the server opens the file with FULL again.
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(true)
        .locking_mode(sqlx::sqlite::SqliteLockingMode::Exclusive)
        .busy_timeout(Duration::from_secs(10))
        .pragma("cache_size", "-131072")
        .pragma("temp_store", "MEMORY")
        .connect()
        .await?;
    let world = World::read(&mut conn).await?;
    let mut next = Counters::read(&mut conn, world.store_id).await?;
    let first_order_id = next.order;

    let batch_size = options.batch_size.max(1);
    let total = options.orders;
    let (sender, mut batches) = tokio::sync::mpsc::channel::<Result<Rows, String>>(1);
    let producer = {
        let mut next = next.clone();
        std::thread::Builder::new()
            .name("magemu-generate".into())
            .spawn(move || {
                let mut rng = StdRng::seed_from_u64(0x6d61_6765 ^ next.order as u64);
                let clock = Clock::new(total);
                let mut done = 0;
                while done < total {
                    let n = batch_size.min(total - done);
                    let batch = build_batch(&world, &mut next, &clock, &mut rng, done, n);
                    let failed = batch.is_err();
                    if sender.blocking_send(batch).is_err() || failed {
                        return;
                    }
                    done += n;
                }
            })
            .map_err(fail)?
    };

    let mut sql = SqlCache::default();
    let mut done = 0;
    let mut rows = 0;
    while let Some(batch) = batches.recv().await {
        let batch = batch.map_err(fail)?;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        rows += write_batch(&mut tx, &mut sql, &batch).await?;
        tx.commit().await?;
        done += batch.orders;
        next = batch.next;
        progress(done);
    }
    drop(batches);
    producer
        .join()
        .map_err(|_| fail("the row builder panicked"))?;
    if done != total {
        return Err(fail(format!("{done} of {total} orders were built")));
    }
    // Back to the server's durability, then fold the WAL into the file (synced), so that the
    // world is on disk when this returns and the server starts on an empty WAL.
    sqlx::query("PRAGMA synchronous = FULL")
        .execute(&mut conn)
        .await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(Summary {
        orders: done,
        order_ids: (done > 0).then(|| (first_order_id, next.order - 1)),
        invoices: done,
        shipments: done,
        rows,
        elapsed: started.elapsed(),
    })
}

/// A catalog product an order line can take.
#[derive(Debug, Clone)]
struct Product {
    id: i64,
    sku: String,
    name: String,
    type_id: String,
    price: Amount,
}

impl Product {
    fn is_virtual(&self) -> bool {
        matches!(self.type_id.as_str(), "virtual" | "downloadable")
    }
}

/// A registered customer and the address orders of theirs ship to.
#[derive(Debug, Clone, sqlx::FromRow)]
struct Customer {
    entity_id: i64,
    email: String,
    firstname: String,
    lastname: String,
    group_id: i64,
    address_id: i64,
    street: String,
    city: String,
    region: Option<String>,
    region_id: Option<i64>,
    region_code: Option<String>,
    postcode: Option<String>,
    country_id: String,
    telephone: Option<String>,
}

/// What the generated orders refer to, read once.
#[derive(Debug, Clone)]
struct World {
    store_id: i64,
    store_name: String,
    physical: Vec<Product>,
    virtuals: Vec<Product>,
    customers: Vec<Customer>,
    /// Where shipments leave from: the stock's only source, else its first by priority.
    source_code: String,
}

/// The tutorial's products, for a catalog without a physical product (`--seed none`).
fn fallback_products() -> Vec<Product> {
    let p = |id, sku: &str, name: &str, type_id: &str, price| Product {
        id,
        sku: sku.into(),
        name: name.into(),
        type_id: type_id.into(),
        price: Amount::from_int(price),
    };
    vec![
        p(8, "24-WB01", "Voyage Yoga Bag", "simple", 32),
        p(12, "24-WB03", "Driven Backpack", "simple", 36),
        p(47, "240-LV06", "Yoga Adventure", "downloadable", 22),
    ]
}

impl World {
    async fn read(conn: &mut SqliteConnection) -> Result<World, sqlx::Error> {
        // The default store view, where /rest/V1 lands.
        let store_id = 1;
        let store_name = db::store::store_name(conn, store_id)
            .await?
            .ok_or_else(|| fail("the database has no store 1"))?;
        let rows: Vec<(i64, String, String, String, Amount)> = sqlx::query_as(
            "SELECT entity_id, sku, name, type_id, price FROM catalog_product_entity
             WHERE type_id IN ('simple', 'virtual', 'downloadable') ORDER BY entity_id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let mut products: Vec<Product> = rows
            .into_iter()
            .map(|(id, sku, name, type_id, price)| Product {
                id,
                sku,
                name,
                type_id,
                price,
            })
            .collect();
        if products.iter().all(Product::is_virtual) {
            products = fallback_products();
        }
        let (virtuals, physical) = products.into_iter().partition(Product::is_virtual);
        let customers = sqlx::query_as::<_, Customer>(
            "SELECT c.entity_id, c.email, c.firstname, c.lastname, c.group_id,
                    a.entity_id AS address_id, a.street, a.city, a.region, a.region_id,
                    a.region_code, a.postcode, a.country_id, a.telephone
             FROM customer_entity c
             JOIN customer_address_entity a ON a.entity_id = c.default_shipping
             ORDER BY c.entity_id LIMIT 1000",
        )
        .fetch_all(&mut *conn)
        .await?;
        let stock_id: i64 = sqlx::query_scalar(
            "SELECT COALESCE((SELECT c.stock_id FROM store s
                JOIN store_website w ON w.website_id = s.website_id
                JOIN inventory_stock_sales_channel c ON c.type = 'website' AND c.code = w.code
                WHERE s.store_id = ?), 1)",
        )
        .bind(store_id)
        .fetch_one(&mut *conn)
        .await?;
        let source_code: Option<String> = sqlx::query_scalar(
            "SELECT source_code FROM inventory_source_stock_link WHERE stock_id = ?
             ORDER BY priority, link_id LIMIT 1",
        )
        .bind(stock_id)
        .fetch_optional(&mut *conn)
        .await?;
        Ok(World {
            store_id,
            store_name,
            physical,
            virtuals,
            customers,
            source_code: source_code.unwrap_or_else(|| "default".into()),
        })
    }
}

/// The next id of every table written, and the next value of the store's sequences.
#[derive(Debug, Clone)]
struct Counters {
    order: i64,
    order_item: i64,
    order_address: i64,
    order_payment: i64,
    invoice: i64,
    invoice_item: i64,
    shipment: i64,
    shipment_item: i64,
    shipment_track: i64,
    order_seq: i64,
    invoice_seq: i64,
    shipment_seq: i64,
}

async fn next_id(conn: &mut SqliteConnection, table: &str, key: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),
                    COALESCE((SELECT MAX({key}) FROM {table}), 0)) + 1"
    ))
    .fetch_one(conn)
    .await
}

async fn next_value(
    conn: &mut SqliteConnection,
    entity_type: &str,
    store_id: i64,
) -> Result<i64, sqlx::Error> {
    let value: Option<i64> = sqlx::query_scalar(
        "SELECT next_value FROM sales_sequence WHERE entity_type = ? AND store_id = ?",
    )
    .bind(entity_type)
    .bind(store_id)
    .fetch_optional(conn)
    .await?;
    Ok(value.unwrap_or(1))
}

impl Counters {
    async fn read(conn: &mut SqliteConnection, store_id: i64) -> Result<Counters, sqlx::Error> {
        Ok(Counters {
            order: next_id(conn, "sales_order", "entity_id").await?,
            order_item: next_id(conn, "sales_order_item", "item_id").await?,
            order_address: next_id(conn, "sales_order_address", "entity_id").await?,
            order_payment: next_id(conn, "sales_order_payment", "entity_id").await?,
            invoice: next_id(conn, "sales_invoice", "entity_id").await?,
            invoice_item: next_id(conn, "sales_invoice_item", "entity_id").await?,
            shipment: next_id(conn, "sales_shipment", "entity_id").await?,
            shipment_item: next_id(conn, "sales_shipment_item", "entity_id").await?,
            shipment_track: next_id(conn, "sales_shipment_track", "entity_id").await?,
            order_seq: next_value(conn, "order", store_id).await?,
            invoice_seq: next_value(conn, "invoice", store_id).await?,
            shipment_seq: next_value(conn, "shipment", store_id).await?,
        })
    }

    fn take(counter: &mut i64) -> i64 {
        let id = *counter;
        *counter += 1;
        id
    }
}

/// When orders were placed: spread evenly over the two years before the run (ending three days
/// ago, so every shipment is in the past), in id order.
struct Clock {
    start: i64,
    step: f64,
}

impl Clock {
    const FORMAT: &[time::format_description::FormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

    fn new(total: u64) -> Clock {
        let end = db::unix_now() - 3 * 86_400;
        let start = end - 730 * 86_400;
        Clock {
            start,
            step: (end - start) as f64 / total.max(1) as f64,
        }
    }

    fn placed_at(&self, n: u64) -> i64 {
        self.start + (n as f64 * self.step) as i64
    }

    fn format(unix: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(unix)
            .ok()
            .and_then(|t| t.format(Self::FORMAT).ok())
            .unwrap_or_default()
    }
}

/// Rows of one table, flattened: `columns.len()` values a row.
#[derive(Debug, Default)]
struct TableRows {
    table: &'static str,
    columns: Vec<&'static str>,
    values: Vec<SqlValue>,
}

impl TableRows {
    fn new(table: &'static str) -> TableRows {
        TableRows {
            table,
            ..Default::default()
        }
    }

    fn push(&mut self, row: &impl Columns) {
        let columns = row.columns();
        if self.columns.is_empty() {
            self.columns = columns.iter().map(|(name, _)| *name).collect();
        }
        self.values.extend(columns.into_iter().map(|(_, v)| v));
    }

    fn push_values(
        &mut self,
        columns: &[&'static str],
        values: impl IntoIterator<Item = SqlValue>,
    ) {
        if self.columns.is_empty() {
            self.columns = columns.to_vec();
        }
        self.values.extend(values);
    }

    fn rows(&self) -> usize {
        self.values
            .len()
            .checked_div(self.columns.len())
            .unwrap_or(0)
    }
}

/// One transaction's worth of rows, tables in the order their foreign keys need.
struct Rows {
    orders: u64,
    tables: Vec<TableRows>,
    /// The counters after this batch (its sequences are written with it).
    next: Counters,
    store_id: i64,
}

const ORDER: usize = 0;
const ORDER_ITEM: usize = 1;
const ORDER_ADDRESS: usize = 2;
const ORDER_PAYMENT: usize = 3;
const INVOICE: usize = 4;
const INVOICE_ITEM: usize = 5;
const SHIPMENT: usize = 6;
const SHIPMENT_ITEM: usize = 7;
const SHIPMENT_TRACK: usize = 8;
const SHIPMENT_SOURCE: usize = 9;

fn build_batch(
    world: &World,
    next: &mut Counters,
    clock: &Clock,
    rng: &mut StdRng,
    first: u64,
    count: u64,
) -> Result<Rows, String> {
    let mut tables: Vec<TableRows> = [
        "sales_order",
        "sales_order_item",
        "sales_order_address",
        "sales_order_payment",
        "sales_invoice",
        "sales_invoice_item",
        "sales_shipment",
        "sales_shipment_item",
        "sales_shipment_track",
        "inventory_shipment_source",
    ]
    .into_iter()
    .map(TableRows::new)
    .collect();
    for n in first..first + count {
        build_order(world, next, clock.placed_at(n), rng, &mut tables)?;
    }
    Ok(Rows {
        orders: count,
        tables,
        next: next.clone(),
        store_id: world.store_id,
    })
}

const FIRST_NAMES: &[&str] = &[
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Elijah",
    "Sophia",
    "James",
    "Isabella",
    "William",
    "Mia",
    "Benjamin",
    "Charlotte",
    "Lucas",
    "Amelia",
    "Henry",
    "Harper",
    "Alexander",
    "Evelyn",
    "Daniel",
    "Abigail",
    "Michael",
    "Emily",
    "Mateo",
    "Ella",
    "Jackson",
    "Scarlett",
    "Sebastian",
    "Grace",
    "Jack",
    "Chloe",
    "Owen",
    "Victoria",
    "Samuel",
    "Riley",
    "Matthew",
    "Aria",
    "Joseph",
    "Lily",
    "David",
];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
];
const STREETS: &[&str] = &[
    "Main St.",
    "Oak Ave.",
    "Maple Dr.",
    "Cedar Ln.",
    "Park Ave.",
    "Elm St.",
    "Washington Blvd.",
    "Lake Rd.",
    "Hill St.",
    "Sunset Blvd.",
    "2nd Ave.",
    "Pine St.",
];

/// City, region, region id (Magento's directory), region code, postcode, telephone area code,
/// and the tax rate of Magento's sample rules (`US-CA-*-Rate 1`, `US-NY-*-Rate 1`), in percent.
type City = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
const CITIES: &[City] = &[
    ("New York", "New York", 43, "NY", "10011", "212", "8.375"),
    ("Mineola", "New York", 43, "NY", "11501", "516", "8.375"),
    (
        "Los Angeles",
        "California",
        12,
        "CA",
        "90012",
        "213",
        "8.25",
    ),
    (
        "San Francisco",
        "California",
        12,
        "CA",
        "94103",
        "415",
        "8.25",
    ),
    ("Austin", "Texas", 57, "TX", "78701", "512", "0"),
    ("Chicago", "Illinois", 23, "IL", "60601", "312", "0"),
    ("Seattle", "Washington", 62, "WA", "98101", "206", "0"),
    ("Miami", "Florida", 18, "FL", "33130", "305", "0"),
    ("Boston", "Massachusetts", 32, "MA", "02108", "617", "0"),
    ("Jersey City", "New Jersey", 41, "NJ", "07306", "201", "0"),
    (
        "Philadelphia",
        "Pennsylvania",
        51,
        "PA",
        "19103",
        "215",
        "0",
    ),
    ("Atlanta", "Georgia", 19, "GA", "30303", "404", "0"),
    ("Denver", "Colorado", 13, "CO", "80202", "303", "0"),
    ("Portland", "Oregon", 49, "OR", "97205", "503", "0"),
];

fn round2(d: Decimal) -> Amount {
    Amount::new(Amount::round_price(d))
}

/// Who places an order: a registered customer or a guest, and where it is billed and shipped.
#[derive(Debug, Clone)]
struct Buyer {
    customer_id: Option<i64>,
    email: String,
    firstname: String,
    lastname: String,
    group_id: i64,
    address_id: Option<i64>,
    street: Vec<String>,
    city: String,
    region: Option<String>,
    region_id: Option<i64>,
    region_code: Option<String>,
    postcode: Option<String>,
    country_id: String,
    telephone: Option<String>,
    /// Tax rate of the ship-to region, in percent.
    tax_rate: Decimal,
}

/// A registered customer (one order in ten, when the database has any) or a guest.
fn buyer(world: &World, rng: &mut StdRng) -> Buyer {
    let rate = |code: Option<&str>| {
        CITIES
            .iter()
            .find(|city| Some(city.3) == code)
            .and_then(|city| Decimal::from_str(city.6).ok())
            .unwrap_or_default()
    };
    if !world.customers.is_empty() && rng.random_ratio(1, 10) {
        let c = &world.customers[rng.random_range(0..world.customers.len())];
        return Buyer {
            customer_id: Some(c.entity_id),
            email: c.email.clone(),
            firstname: c.firstname.clone(),
            lastname: c.lastname.clone(),
            group_id: c.group_id,
            address_id: Some(c.address_id),
            street: c.street.split('\n').map(str::to_owned).collect(),
            city: c.city.clone(),
            region: c.region.clone(),
            region_id: c.region_id,
            region_code: c.region_code.clone(),
            postcode: c.postcode.clone(),
            country_id: c.country_id.clone(),
            telephone: c.telephone.clone(),
            tax_rate: rate(c.region_code.as_deref()),
        };
    }
    let first = FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.random_range(0..LAST_NAMES.len())];
    let city = CITIES[rng.random_range(0..CITIES.len())];
    Buyer {
        customer_id: None,
        email: format!(
            "{}.{}{}@example.com",
            first.to_lowercase(),
            last.to_lowercase(),
            rng.random_range(1..=500)
        ),
        firstname: first.into(),
        lastname: last.into(),
        group_id: 0,
        address_id: None,
        street: vec![format!(
            "{} {}",
            rng.random_range(1..=9999),
            STREETS[rng.random_range(0..STREETS.len())]
        )],
        city: city.0.into(),
        region: Some(city.1.into()),
        region_id: Some(city.2),
        region_code: Some(city.3.into()),
        postcode: Some(city.4.into()),
        country_id: "US".into(),
        telephone: Some(format!("{}-555-{:04}", city.5, rng.random_range(0..10_000))),
        tax_rate: rate(Some(city.3)),
    }
}

/// 1 most of the time, sometimes 2 to 5.
fn quantity(rng: &mut StdRng) -> i64 {
    match rng.random_range(0..100) {
        0..60 => 1,
        60..85 => 2,
        _ => rng.random_range(3..=5),
    }
}

/// One order line as posted.
#[derive(Debug, Clone)]
struct LineSpec {
    product: Product,
    qty: i64,
    /// Of the cart rule, when the order has one.
    discount: Option<Amount>,
    tax: Amount,
}

/// One order as an integration would post it: one to three lines (at least one physical), a
/// 20 % cart rule on a quarter of the orders, the sample tax rates in New York and California,
/// flat-rate ($5 an item) or free shipping, an offline payment method.
#[derive(Debug, Clone)]
struct OrderSpec {
    store_id: i64,
    created_at: String,
    buyer: Buyer,
    lines: Vec<LineSpec>,
    discounted: bool,
    shipping_method: &'static str,
    shipping_description: &'static str,
    shipping_amount: Amount,
    payment_method: &'static str,
    payment_information: &'static [(&'static str, &'static str)],
}

impl OrderSpec {
    fn random(world: &World, created_at: String, rng: &mut StdRng) -> OrderSpec {
        let buyer = buyer(world, rng);
        let discounted = rng.random_ratio(1, 4);
        let mut products: Vec<&Product> =
            vec![&world.physical[rng.random_range(0..world.physical.len())]];
        let wanted = rng.random_range(1..=3);
        let pool_size = world.physical.len() + world.virtuals.len();
        while products.len() < wanted.min(pool_size) {
            let pick = rng.random_range(0..pool_size);
            let p = world
                .physical
                .get(pick)
                .unwrap_or_else(|| &world.virtuals[pick - world.physical.len()]);
            if products.iter().all(|l| l.sku != p.sku) {
                products.push(p);
            }
        }
        let lines: Vec<LineSpec> = products
            .into_iter()
            .map(|p| {
                let qty = quantity(rng);
                let row_total = p.price.decimal() * Decimal::from(qty);
                let discount = discounted.then(|| round2(row_total * Decimal::new(2, 1)));
                let taxable = row_total - discount.unwrap_or_default().decimal();
                LineSpec {
                    product: p.clone(),
                    qty,
                    discount,
                    tax: round2(taxable * buyer.tax_rate / Decimal::from(100)),
                }
            })
            .collect();
        let physical_qty: i64 = lines
            .iter()
            .filter(|l| !l.product.is_virtual())
            .map(|l| l.qty)
            .sum();
        let (shipping_method, shipping_description, shipping) = if rng.random_ratio(1, 4) {
            ("freeshipping_freeshipping", "Free Shipping - Free", 0)
        } else {
            ("flatrate_flatrate", "Flat Rate - Fixed", 5 * physical_qty)
        };
        // As checkout keys them (sales::payment_info): the title, and bank transfer's
        // instructions.
        let (payment_method, payment_information): (&str, &[(&str, &str)]) = if rng.random_bool(0.5)
        {
            ("checkmo", &[("method_title", "Check / Money order")])
        } else {
            (
                "banktransfer",
                &[
                    ("method_title", "Bank Transfer Payment"),
                    ("instructions", ""),
                ],
            )
        };
        OrderSpec {
            store_id: world.store_id,
            created_at,
            buyer,
            lines,
            discounted,
            shipping_method,
            shipping_description,
            shipping_amount: Amount::from_int(shipping),
            payment_method,
            payment_information,
        }
    }

    /// The entity of `POST /V1/orders` for this order.
    #[cfg(test)]
    fn entity(&self) -> Value {
        let b = &self.buyer;
        let address = |address_type: &str| {
            let mut a = json!({
                "address_type": address_type, "firstname": b.firstname, "lastname": b.lastname,
                "street": b.street, "city": b.city, "region": b.region, "region_id": b.region_id,
                "region_code": b.region_code, "postcode": b.postcode, "country_id": b.country_id,
                "telephone": b.telephone, "email": b.email,
            });
            if let Some(id) = b.customer_id {
                a["customer_id"] = json!(id);
                a["customer_address_id"] = json!(b.address_id);
            }
            a
        };
        let items: Vec<Value> = self
            .lines
            .iter()
            .map(|l| {
                let p = &l.product;
                let mut item = json!({
                    "sku": p.sku, "name": p.name, "product_id": p.id, "product_type": p.type_id,
                    "qty_ordered": l.qty, "price": p.price, "base_price": p.price,
                    "original_price": p.price, "base_original_price": p.price,
                    "tax_percent": Amount::new(b.tax_rate), "tax_amount": l.tax, "base_tax_amount": l.tax,
                    "discount_tax_compensation_amount": 0, "base_discount_tax_compensation_amount": 0,
                    "is_qty_decimal": 0, "no_discount": 0, "free_shipping": 0,
                });
                if let Some(discount) = l.discount {
                    item["discount_percent"] = json!(20);
                    item["discount_amount"] = json!(discount);
                    item["base_discount_amount"] = json!(discount);
                    item["applied_rule_ids"] = json!("3");
                }
                item
            })
            .collect();
        let mut entity = json!({
            "store_id": self.store_id,
            "customer_email": b.email, "customer_firstname": b.firstname,
            "customer_lastname": b.lastname, "customer_group_id": b.group_id,
            "customer_is_guest": i64::from(b.customer_id.is_none()),
            "customer_note_notify": 1, "email_sent": 1,
            "base_currency_code": "USD", "global_currency_code": "USD",
            "order_currency_code": "USD", "store_currency_code": "USD",
            "base_to_global_rate": 1, "base_to_order_rate": 1,
            "store_to_base_rate": 0, "store_to_order_rate": 0,
            "shipping_description": self.shipping_description,
            "shipping_amount": self.shipping_amount, "base_shipping_amount": self.shipping_amount,
            "shipping_tax_amount": 0, "base_shipping_tax_amount": 0,
            "shipping_discount_amount": 0, "base_shipping_discount_amount": 0,
            "created_at": self.created_at, "updated_at": self.created_at,
            "items": items,
            "billing_address": address("billing"),
            "payment": {"method": self.payment_method, "additional_information": self.payment_information
                .iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect::<serde_json::Map<_, _>>()},
            "extension_attributes": {"shipping_assignments": [{"shipping": {
                "address": address("shipping"), "method": self.shipping_method}}]},
        });
        if let Some(id) = b.customer_id {
            entity["customer_id"] = json!(id);
        }
        if self.discounted {
            entity["applied_rule_ids"] = json!("3");
            entity["discount_description"] = json!("20% OFF");
        }
        entity
    }

    /// The rows `wire::order_import::parse_order` makes of [`OrderSpec::entity`], built directly
    /// (the import's parser is made for one request, not a million): the test
    /// `rows_are_what_the_import_parses` holds the two equal.
    fn rows(&self) -> FullOrder {
        let b = &self.buyer;
        let z = Some(Amount::ZERO);
        let some = |s: &str| Some(s.to_owned());
        let order = crate::db::model::Order {
            store_id: self.store_id,
            customer_id: b.customer_id,
            customer_email: Some(b.email.clone()),
            customer_firstname: Some(b.firstname.clone()),
            customer_lastname: Some(b.lastname.clone()),
            customer_group_id: Some(b.group_id),
            customer_is_guest: Some(i64::from(b.customer_id.is_none())),
            customer_note_notify: Some(1),
            email_sent: Some(1),
            base_currency_code: some("USD"),
            global_currency_code: some("USD"),
            order_currency_code: some("USD"),
            store_currency_code: some("USD"),
            base_to_global_rate: Some(Amount::from_int(1)),
            base_to_order_rate: Some(Amount::from_int(1)),
            store_to_base_rate: z,
            store_to_order_rate: z,
            shipping_method: some(self.shipping_method),
            shipping_description: some(self.shipping_description),
            discount_description: self.discounted.then(|| "20% OFF".to_owned()),
            applied_rule_ids: self.discounted.then(|| "3".to_owned()),
            shipping_amount: Some(self.shipping_amount),
            base_shipping_amount: Some(self.shipping_amount),
            shipping_tax_amount: z,
            base_shipping_tax_amount: z,
            shipping_discount_amount: z,
            base_shipping_discount_amount: z,
            created_at: self.created_at.clone(),
            updated_at: self.created_at.clone(),
            ..Default::default()
        };
        let items = self
            .lines
            .iter()
            .map(|l| {
                let p = &l.product;
                let qty = Amount::from_int(l.qty);
                let row_total = order::row_total(p.price, qty).unwrap_or_default();
                let rule = l.discount.is_some();
                crate::db::model::OrderItem {
                    product_id: Some(p.id),
                    product_type: Some(p.type_id.clone()),
                    sku: p.sku.clone(),
                    name: Some(p.name.clone()),
                    applied_rule_ids: rule.then(|| "3".to_owned()),
                    is_qty_decimal: Some(0),
                    no_discount: Some(0),
                    qty_ordered: qty,
                    price: p.price,
                    base_price: p.price,
                    original_price: Some(p.price),
                    base_original_price: Some(p.price),
                    row_total,
                    base_row_total: row_total,
                    discount_percent: rule.then(|| Amount::from_int(20)),
                    discount_amount: l.discount,
                    base_discount_amount: l.discount,
                    tax_percent: Some(Amount::new(b.tax_rate)),
                    tax_amount: Some(l.tax),
                    base_tax_amount: Some(l.tax),
                    discount_tax_compensation_amount: z,
                    base_discount_tax_compensation_amount: z,
                    free_shipping: Some(0),
                    ..Default::default()
                }
            })
            .collect();
        let address = |address_type: &str| crate::db::model::OrderAddress {
            address_type: address_type.to_owned(),
            customer_address_id: b.customer_id.and(b.address_id),
            customer_id: b.customer_id,
            region_id: b.region_id,
            region: b.region.clone(),
            region_code: b.region_code.clone(),
            firstname: Some(b.firstname.clone()),
            lastname: Some(b.lastname.clone()),
            street: order::street_lines(&b.street),
            city: Some(b.city.clone()),
            postcode: b.postcode.clone(),
            country_id: Some(b.country_id.clone()),
            telephone: b.telephone.clone(),
            email: Some(b.email.clone()),
            ..Default::default()
        };
        let payment = crate::db::model::OrderPayment {
            method: self.payment_method.to_owned(),
            additional_information: crate::sales::payment_info::write(
                &self
                    .payment_information
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            ),
            ..Default::default()
        };
        FullOrder {
            order,
            items,
            // The import keeps the shipping address (from the shipping assignment) first.
            addresses: vec![address("shipping"), address("billing")],
            payment: Some(payment),
            status_histories: Vec::new(),
            ..Default::default()
        }
    }
}

/// One order, as the import stores it, then invoiced in full and shipped in full.
fn build_order(
    world: &World,
    next: &mut Counters,
    placed_at: i64,
    rng: &mut StdRng,
    tables: &mut [TableRows],
) -> Result<(), String> {
    let take = Counters::take;
    let created_at = Clock::format(placed_at);
    let mut full = OrderSpec::random(world, created_at.clone(), rng).rows();

    // sales::order::save_new_order, with the ids given here instead of by SQLite.
    order::complete(&mut full, &created_at);
    order::check_storable(&full).map_err(|e| e.body().to_string())?;
    full.order.store_name = Some(world.store_name.clone());
    full.order.increment_id = format_increment_id(world.store_id, take(&mut next.order_seq));
    let order_id = take(&mut next.order);
    full.order.entity_id = order_id;
    for item in &mut full.items {
        item.order_id = order_id;
        item.item_id = take(&mut next.order_item);
    }
    full.addresses
        .sort_by_key(|a| if a.address_type == "shipping" { 0 } else { 1 });
    for address in &mut full.addresses {
        address.parent_id = order_id;
        address.entity_id = take(&mut next.order_address);
        match address.address_type.as_str() {
            "shipping" => full.order.shipping_address_id = Some(address.entity_id),
            _ => full.order.billing_address_id = Some(address.entity_id),
        }
    }
    let mut payment = full.payment.take().ok_or("an order without payment")?;
    payment.parent_id = order_id;
    payment.entity_id = take(&mut next.order_payment);

    // sales::invoice::invoice_in: everything, captured, notify.
    let invoiced_at = Clock::format(placed_at + rng.random_range(60..7_200));
    let (mut inv, mut inv_items) = {
        let prepared = invoice::prepare(&full.items, &[]).map_err(|e| e.body().to_string())?;
        let messages = invoice::validate(&full.order, &full.items, &prepared);
        if !messages.is_empty() {
            return Err(messages.join("; "));
        }
        let t = totals::collect(&full.order, &prepared.lines, totals::summarize(&[]));
        invoice::build_invoice(&full.order, &prepared, &t, true, &invoiced_at)
    };
    invoice::register(
        &mut full.order,
        &mut full.items,
        &mut payment,
        &inv,
        &inv_items,
        false,
    );
    let after_invoice = state::state_after_document(&full.order, &full.items);
    full.order.status = Some(state::default_status(&after_invoice).to_owned());
    full.order.state = Some(after_invoice);
    full.order.updated_at = invoiced_at.clone();
    for item in &mut full.items {
        item.updated_at = invoiced_at.clone();
    }
    inv.entity_id = take(&mut next.invoice);
    inv.increment_id = format_increment_id(world.store_id, take(&mut next.invoice_seq));
    for ii in &mut inv_items {
        ii.entity_id = take(&mut next.invoice_item);
        ii.parent_id = inv.entity_id;
    }

    // sales::shipment::ship_in: everything physical, from the stock's first source, one track.
    let shipped_at_unix = placed_at + rng.random_range(7_200..259_200);
    let shipped_at = Clock::format(shipped_at_unix);
    let shipment_id = take(&mut next.shipment);
    let (ship, ship_items, shipped) = {
        let lines = shipment::prepare(&full.items, &[]);
        let messages = shipment::validate(&full.order, &full.items, &lines, &[], &[]);
        if !messages.is_empty() {
            return Err(messages.join("; "));
        }
        let ship = Shipment {
            entity_id: shipment_id,
            increment_id: format_increment_id(world.store_id, take(&mut next.shipment_seq)),
            order_id,
            store_id: Some(full.order.store_id),
            customer_id: full.order.customer_id,
            billing_address_id: full.order.billing_address_id,
            shipping_address_id: full.order.shipping_address_id,
            email_sent: Some(1),
            send_email: Some(1),
            total_qty: Some(lines.iter().map(|l| l.qty).sum()),
            created_at: shipped_at.clone(),
            updated_at: shipped_at.clone(),
            ..Default::default()
        };
        let items: Vec<ShipmentItem> = lines
            .iter()
            .filter(|l| l.qty > Amount::ZERO)
            .map(|l| ShipmentItem {
                entity_id: take(&mut next.shipment_item),
                parent_id: shipment_id,
                order_item_id: l.item.item_id,
                product_id: l.item.product_id,
                sku: Some(l.item.sku.clone()),
                name: l.item.name.clone(),
                price: Some(l.item.price),
                weight: l.item.weight,
                qty: Some(l.qty),
                ..Default::default()
            })
            .collect();
        let shipped: Vec<(i64, Amount)> = lines.iter().map(|l| (l.item.item_id, l.qty)).collect();
        (ship, items, shipped)
    };
    shipment::register(&mut full.items, &shipped, &shipped_at);
    let after_shipment = state::state_after_document(&full.order, &full.items);
    if full.order.state.as_deref() != Some(after_shipment.as_str()) {
        full.order.status = Some(state::default_status(&after_shipment).to_owned());
        full.order.state = Some(after_shipment);
    }
    full.order.updated_at = shipped_at.clone();
    let track = ShipmentTrack {
        entity_id: take(&mut next.shipment_track),
        parent_id: shipment_id,
        order_id,
        track_number: Some(format!(
            "1Z{:06X}{:010}",
            rng.random_range(0..0x100_0000),
            rng.random_range(0..10_000_000_000_i64)
        )),
        title: Some("United Parcel Service".into()),
        carrier_code: Some("ups".into()),
        created_at: shipped_at.clone(),
        updated_at: shipped_at,
        ..Default::default()
    };

    tables[ORDER].push(&full.order);
    for item in &full.items {
        tables[ORDER_ITEM].push(item);
    }
    for address in &full.addresses {
        tables[ORDER_ADDRESS].push(address);
    }
    tables[ORDER_PAYMENT].push(&payment);
    tables[INVOICE].push(&inv);
    for ii in &inv_items {
        tables[INVOICE_ITEM].push(ii);
    }
    tables[SHIPMENT].push(&ship);
    for si in &ship_items {
        tables[SHIPMENT_ITEM].push(si);
    }
    tables[SHIPMENT_TRACK].push(&track);
    tables[SHIPMENT_SOURCE].push_values(
        &["shipment_id", "source_code"],
        [
            SqlValue::from(shipment_id),
            SqlValue::from(world.source_code.clone()),
        ],
    );
    Ok(())
}

/// SQLite's default cap on bound values in one statement is 32,766.
const MAX_BINDS: usize = 32_000;
/// Rows in one INSERT at most.
const MAX_ROWS: usize = 500;

/// Multi-row INSERT texts, built once per table and row count (sqlx then keeps them prepared).
#[derive(Default)]
struct SqlCache {
    texts: HashMap<(&'static str, usize), String>,
}

impl SqlCache {
    fn insert(&mut self, rows: &TableRows, count: usize) -> &str {
        self.texts.entry((rows.table, count)).or_insert_with(|| {
            let one = format!("({})", vec!["?"; rows.columns.len()].join(", "));
            format!(
                "INSERT INTO {} ({}) VALUES {}",
                rows.table,
                rows.columns.join(", "),
                vec![one; count].join(", ")
            )
        })
    }
}

/// Writes one batch (the caller's transaction) and advances the store's sequences; returns the
/// rows written.
async fn write_batch(
    conn: &mut SqliteConnection,
    sql: &mut SqlCache,
    batch: &Rows,
) -> Result<u64, sqlx::Error> {
    let mut written = 0;
    for rows in &batch.tables {
        let width = rows.columns.len();
        if width == 0 {
            continue;
        }
        let per_statement = (MAX_BINDS / width).clamp(1, MAX_ROWS);
        for chunk in rows.values.chunks(per_statement * width) {
            let count = chunk.len() / width;
            let mut query = sqlx::query(sql.insert(rows, count));
            for value in chunk {
                query = db::bind(query, value.clone());
            }
            query.execute(&mut *conn).await?;
        }
        written += rows.rows() as u64;
    }
    for (entity_type, value) in [
        ("order", batch.next.order_seq),
        ("invoice", batch.next.invoice_seq),
        ("shipment", batch.next.shipment_seq),
    ] {
        sqlx::query(
            "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, ?)
             ON CONFLICT (entity_type, store_id) DO UPDATE SET next_value = excluded.next_value",
        )
        .bind(entity_type)
        .bind(batch.store_id)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn world() -> World {
        let (virtuals, physical) = fallback_products()
            .into_iter()
            .partition(Product::is_virtual);
        World {
            store_id: 1,
            store_name: "Main Website\nMain Website Store\nDefault Store View".into(),
            physical,
            virtuals,
            customers: Vec::new(),
            source_code: "ne_wh".into(),
        }
    }

    fn counters() -> Counters {
        Counters {
            order: 4,
            order_item: 3,
            order_address: 5,
            order_payment: 3,
            invoice: 3,
            invoice_item: 3,
            shipment: 3,
            shipment_item: 3,
            shipment_track: 1,
            order_seq: 4,
            invoice_seq: 3,
            shipment_seq: 3,
        }
    }

    #[test]
    fn rows_are_what_the_import_parses() {
        let mut world = world();
        world.customers.push(Customer {
            entity_id: 2,
            email: "jdoe@example.com".into(),
            firstname: "Jane".into(),
            lastname: "Doe".into(),
            group_id: 1,
            address_id: 2,
            street: "160 1st St.".into(),
            city: "Mineola".into(),
            region: Some("New York".into()),
            region_id: Some(43),
            region_code: Some("NY".into()),
            postcode: Some("11501".into()),
            country_id: "US".into(),
            telephone: Some("516-555-1111".into()),
        });
        let mut rng = StdRng::seed_from_u64(11);
        let mut registered = 0;
        for n in 0..400 {
            let at = format!("2025-01-01 00:{:02}:{:02}", n / 60, n % 60);
            let spec = OrderSpec::random(&world, at, &mut rng);
            registered += usize::from(spec.buyer.customer_id.is_some());
            let parsed = crate::wire::order_import::parse_order(&spec.entity()).unwrap();
            let built = spec.rows();
            assert_eq!(built.order, parsed.order);
            assert_eq!(built.items, parsed.items);
            assert_eq!(built.addresses, parsed.addresses);
            assert_eq!(built.payment, parsed.payment);
            assert_eq!(built.status_histories, parsed.status_histories);
        }
        assert!(registered > 0, "some orders are the registered customer's");
    }

    #[test]
    fn every_order_is_complete_and_its_documents_add_up() {
        let world = world();
        let mut next = counters();
        let clock = Clock::new(500);
        let mut rng = StdRng::seed_from_u64(7);
        let batch = build_batch(&world, &mut next, &clock, &mut rng, 0, 500).unwrap();
        assert_eq!(batch.orders, 500);
        assert_eq!(batch.tables[ORDER].rows(), 500);
        assert_eq!(batch.tables[INVOICE].rows(), 500);
        assert_eq!(batch.tables[SHIPMENT].rows(), 500);
        assert_eq!(batch.tables[ORDER_ADDRESS].rows(), 1000);
        assert_eq!(next.order, 504);
        assert_eq!(next.order_seq, 504);
        assert_eq!(next.invoice, 503);
        assert_eq!(next.shipment_seq, 503);
        let value = |t: &TableRows, row: usize, column: &str| {
            let at = t.columns.iter().position(|c| *c == column).unwrap();
            t.values[row * t.columns.len() + at].clone()
        };
        let amount = |v: SqlValue| match v {
            SqlValue::Amount(a) => a.unwrap_or_default(),
            other => panic!("{other:?}"),
        };
        for row in 0..500 {
            let o = &batch.tables[ORDER];
            let i = &batch.tables[INVOICE];
            let text = |v: SqlValue| match v {
                SqlValue::Text(t) => t.unwrap_or_default(),
                other => panic!("{other:?}"),
            };
            assert_eq!(text(value(o, row, "state")), "complete");
            assert_eq!(text(value(o, row, "status")), "complete");
            let grand = amount(value(o, row, "grand_total"));
            assert!(grand > Amount::ZERO);
            assert_eq!(amount(value(o, row, "total_invoiced")), grand);
            assert_eq!(amount(value(o, row, "total_paid")), grand);
            assert_eq!(amount(value(i, row, "grand_total")), grand);
            assert!(text(value(o, row, "created_at")) < text(value(o, row, "updated_at")));
        }
        let items = &batch.tables[ORDER_ITEM];
        for row in 0..items.rows() {
            let ordered = amount(value(items, row, "qty_ordered"));
            assert_eq!(amount(value(items, row, "qty_invoiced")), ordered);
            let shipped = amount(value(items, row, "qty_shipped"));
            let is_virtual = matches!(value(items, row, "is_virtual"), SqlValue::Int(Some(1)));
            assert_eq!(shipped, if is_virtual { Amount::ZERO } else { ordered });
        }
    }
}
