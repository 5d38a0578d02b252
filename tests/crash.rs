//! Crash safety of the real binary: a concurrent write load (order imports, full and partial
//! invoices, shipments from the tutorial's warehouses), SIGKILL at a random moment, a restart on
//! the same SQLite file, and then the checks that nothing acknowledged was lost and nothing is
//! half-written:
//!
//! - `PRAGMA integrity_check` is `ok` and `PRAGMA foreign_key_check` finds nothing;
//! - every order, invoice and shipment answered with a 200 is there (API and table);
//! - every invoice and shipment has its items, its `total_qty` is their sum, every shipment has
//!   its source; the order items' `qty_invoiced` / `qty_shipped` are the sums of the documents'
//!   quantities; an order's `total_paid` and `total_invoiced` are the sum of its invoices'
//!   grand totals, which is the order's grand total once everything is invoiced;
//! - inventory: every source quantity went down by exactly what was shipped from it (plus, for
//!   the downloadable SKU, what was invoiced), none is negative, the reservations moved by the
//!   same amounts, so the salable quantities did not move at all (imports reserve nothing);
//! - the increment id sequences are ahead of every increment id in use.
//!
//! The run prints its seed; `MAGEMU_CRASH_SEED=<seed>` replays the same requests (the moments
//! of the kills depend on the machine's speed all the same).
#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::SqlitePool;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

/// Kill / restart cycles.
const CYCLES: usize = 8;
/// Concurrent clients of the load.
const WORKERS: usize = 12;
/// The tutorial's website sells from stock 2.
const STOCK: i64 = 2;
/// Quantities and amounts are stored as ten-thousandths.
const UNIT: i64 = 10_000;
/// The downloadable product: it leaves its source (hq, the only one holding it) at invoice time.
const VIRTUAL_SKU: &str = "240-LV06";
/// The products of the tutorial world: sku, name, price, product type.
/// SKU, name, price, type and the tutorial catalog's product id (an imported line deducts from
/// the sources only through its `product_id`: MSI's `GetItemsToDeductFromShipment`).
const PRODUCTS: [(&str, &str, &str, &str, i64); 3] = [
    ("24-WB01", "Voyage Yoga Bag", "32.50", "simple", 8),
    ("24-WB03", "Driven Backpack", "36", "simple", 12),
    (VIRTUAL_SKU, "Yoga Adventure", "22", "downloadable", 47),
];
const COULD_NOT_SAVE: &str = "Could not save a shipment, see error log for details";
const NOTHING_TO_SHIP: &str = "You can't create a shipment without products.";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_sigkill_and_nothing_is_half_written() {
    let seed = std::env::var("MAGEMU_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .expect("clock")
                .as_nanos() as u64
        });
    println!("crash test seed: MAGEMU_CRASH_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let began = Instant::now();

    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("crash.db");
    let url = format!("sqlite://{}", db_path.display());

    let mut server = start(dir.path(), &url).await;
    let token = admin_token(&server.base).await;
    let initial = Snapshot::read(&db_path).await;
    let salable_before = salable(&server.base, &token).await;
    assert_eq!(
        salable_before,
        [json!(60), json!(80), json!(9998)],
        "the tutorial world"
    );

    let mut acked = Tally::default();
    let mut report = Vec::new();
    for cycle in 1..=CYCLES {
        // Load, then SIGKILL at a random moment in it.
        let estimate = Snapshot::read(&db_path).await.sources;
        let ctx = Arc::new(Ctx {
            client: client(),
            base: server.base.clone(),
            token: token.clone(),
            stop: AtomicBool::new(false),
            stock: Mutex::new(estimate),
        });
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| tokio::spawn(worker(ctx.clone(), StdRng::seed_from_u64(rng.random()))))
            .collect();
        let delay = Duration::from_millis(rng.random_range(50..=500));
        tokio::time::sleep(delay).await;
        server.sigkill().await;
        ctx.stop.store(true, Ordering::SeqCst);
        let mut tally = Tally::default();
        for w in workers {
            tally.merge(w.await.expect("worker"));
        }
        report.push(format!(
            "cycle {cycle}: killed after {delay:?}; acknowledged {} orders, {} invoices, {} shipments; {:?}",
            tally.orders.len(),
            tally.invoices.len(),
            tally.shipments.len(),
            tally.counts
        ));
        let faults = std::mem::take(&mut tally.faults);
        acked.merge(tally);

        // Restart on the same file: everything acknowledged is there, nothing is torn.
        let killed_log = server.log.clone();
        server = start(dir.path(), &url).await;
        let mut problems = faults;
        problems.extend(check(&server.base, &token, &db_path, &acked, &initial).await);
        let salable_after = salable(&server.base, &token).await;
        if salable_after != salable_before {
            problems.push(format!(
                "salable quantities of {:?} on stock {STOCK} moved: {salable_before:?} -> {salable_after:?}",
                PRODUCTS.map(|p| p.0)
            ));
        }
        if !problems.is_empty() {
            let killed = killed_log.lock().expect("log").clone();
            let log = server.log.lock().expect("log").clone();
            panic!(
                "after restart {cycle} (MAGEMU_CRASH_SEED={seed}):\n  {}\nload so far:\n  {}\nlog of the killed server: {killed:#?}\nlog of the restarted server: {log:#?}",
                problems.join("\n  "),
                report.join("\n  ")
            );
        }
    }
    server.sigkill().await;
    println!(
        "{} in {:?}; {} orders, {} invoices, {} shipments acknowledged in all",
        report.join("\n"),
        began.elapsed(),
        acked.orders.len(),
        acked.invoices.len(),
        acked.shipments.len()
    );
    assert!(
        !acked.orders.is_empty() && !acked.invoices.is_empty(),
        "the load wrote nothing: {report:#?}"
    );
}

// ----- the binary -------------------------------------------------------------------------

/// A running binary: its base URL and every log line it printed so far.
struct Server {
    child: Child,
    base: String,
    log: Arc<Mutex<Vec<String>>>,
}

/// Starts the binary on the database `url` with a free port and waits for its "listening on"
/// line, which gives the address it bound.
async fn start(cwd: &Path, url: &str) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_magemu"));
    command
        .current_dir(cwd)
        .args([
            "--listen",
            "127.0.0.1:0",
            "--database-url",
            url,
            "--seed",
            "tutorial",
        ])
        .env_remove("DATABASE_URL")
        .env_remove("MAGEMU_LISTEN")
        .env_remove("MAGEMU_SEED")
        .env_remove("MAGEMU_ADMIN_USERNAME")
        .env_remove("MAGEMU_ADMIN_PASSWORD")
        .env_remove("MAGEMU_ADMIN_TOKEN_LIFETIME")
        .env("RUST_LOG", "magemu=info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = command.spawn().expect("spawn magemu");
    let log = Arc::new(Mutex::new(Vec::new()));
    let (tx, mut lines) = mpsc::unbounded_channel::<String>();
    for stream in [
        Box::new(child.stdout.take().expect("stdout"))
            as Box<dyn tokio::io::AsyncRead + Send + Unpin>,
        Box::new(child.stderr.take().expect("stderr")),
    ] {
        let (tx, log) = (tx.clone(), log.clone());
        tokio::spawn(async move {
            let mut reader = BufReader::new(stream).lines();
            while let Ok(Some(line)) = reader.next_line().await {
                log.lock().expect("log").push(line.clone());
                let _ = tx.send(line);
            }
        });
    }
    drop(tx);
    let base = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.recv().await {
            if let Some((_, url)) = line.split_once("listening on ") {
                return Some(url.trim().to_owned());
            }
        }
        None
    })
    .await;
    match base {
        Ok(Some(base)) => Server { child, base, log },
        Ok(None) => panic!(
            "magemu exited before listening ({:?}): {:#?}",
            child.wait().await,
            log.lock().expect("log")
        ),
        Err(_) => panic!(
            "no 'listening on' line in 30 s: {:#?}",
            log.lock().expect("log")
        ),
    }
}

impl Server {
    /// SIGKILL (what `Child::kill` sends on unix), and the proof it was still running then.
    async fn sigkill(&mut self) {
        self.child.start_kill().expect("SIGKILL");
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("the killed process ends")
            .expect("wait");
        assert_eq!(
            status.signal(),
            Some(9),
            "magemu had stopped by itself before the kill ({status:?}): {:#?}",
            self.log.lock().expect("log")
        );
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// What a request came to: a whole reply, or nothing (the server died under it).
enum Outcome {
    Reply(u16, Value),
    Lost,
}

async fn call(client: &reqwest::Client, url: &str, token: &str, body: Option<&Value>) -> Outcome {
    let request = match body {
        Some(body) => client.post(url).json(body),
        None => client.get(url),
    };
    let Ok(reply) = request.bearer_auth(token).send().await else {
        return Outcome::Lost;
    };
    let status = reply.status().as_u16();
    match reply.text().await {
        Ok(text) => Outcome::Reply(status, serde_json::from_str(&text).unwrap_or(Value::Null)),
        Err(_) => Outcome::Lost,
    }
}

async fn admin_token(base: &str) -> String {
    let reply = client()
        .post(format!("{base}/rest/V1/integration/admin/token"))
        .json(&json!({"username": "admin", "password": "admin123"}))
        .send()
        .await
        .expect("token request");
    assert_eq!(reply.status(), 200);
    reply.json::<String>().await.expect("token string")
}

/// The salable quantity of each product on stock 2, through the API.
async fn salable(base: &str, token: &str) -> [Value; 3] {
    let client = client();
    let mut out = [Value::Null, Value::Null, Value::Null];
    for (slot, (sku, ..)) in out.iter_mut().zip(PRODUCTS) {
        let url = format!("{base}/rest/V1/inventory/get-product-salable-quantity/{sku}/{STOCK}");
        *slot = match call(&client, &url, token, None).await {
            Outcome::Reply(200, v) => v,
            Outcome::Reply(status, v) => json!({"status": status, "body": v}),
            Outcome::Lost => json!("no reply"),
        };
    }
    out
}

// ----- the load ---------------------------------------------------------------------------

/// What one client of the load shares with the others.
struct Ctx {
    client: reqwest::Client,
    base: String,
    token: String,
    stop: AtomicBool,
    /// What the sources hold, as far as the acknowledged shipments tell (ten-thousandths): the
    /// load picks a source that can ship an order, so that shipments go on succeeding.
    stock: Mutex<HashMap<(String, String), i64>>,
}

/// What the load was told: acknowledged documents, counts of replies, and replies that no
/// correct server gives (a 500, a refused import or invoice of a fresh order).
#[derive(Default)]
struct Tally {
    orders: Vec<i64>,
    /// (invoice id, order id)
    invoices: Vec<(i64, i64)>,
    /// (shipment id, order id)
    shipments: Vec<(i64, i64)>,
    counts: BTreeMap<&'static str, usize>,
    faults: Vec<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.orders.extend(other.orders);
        self.invoices.extend(other.invoices);
        self.shipments.extend(other.shipments);
        for (k, n) in other.counts {
            *self.counts.entry(k).or_default() += n;
        }
        self.faults.extend(other.faults);
    }

    fn count(&mut self, what: &'static str) {
        *self.counts.entry(what).or_default() += 1;
    }
}

/// An order line as the import answered it.
struct Line {
    item_id: i64,
    sku: String,
    qty: i64,
    is_virtual: bool,
}

/// One client: import an order, invoice it (in one or two steps), ship it, again and again,
/// until the server dies under it.
async fn worker(ctx: Arc<Ctx>, mut rng: StdRng) -> Tally {
    let mut tally = Tally::default();
    let url = |path: String| format!("{}{path}", ctx.base);
    while !ctx.stop.load(Ordering::SeqCst) {
        let order = order_entity(&mut rng);
        let (order_id, lines) = match call(
            &ctx.client,
            &url("/rest/V1/orders".into()),
            &ctx.token,
            Some(&json!({ "entity": order })),
        )
        .await
        {
            Outcome::Lost => {
                tally.count("cut by the kill");
                break;
            }
            Outcome::Reply(200, body) => {
                let Some(id) = body["entity_id"].as_i64() else {
                    tally
                        .faults
                        .push(format!("order import answered 200 {body}"));
                    continue;
                };
                tally.orders.push(id);
                tally.count("order");
                (id, order_lines(&body))
            }
            Outcome::Reply(status, body) => {
                tally
                    .faults
                    .push(format!("order import answered {status} {body}"));
                continue;
            }
        };

        let invoice = rng.random_bool(0.85);
        let ship = rng.random_bool(0.6);
        let ship_first = rng.random_bool(0.2);
        for step in 0..2 {
            let invoicing = (step == 0) != ship_first;
            let alive = if invoicing {
                !invoice || invoice_order(&ctx, &mut rng, &mut tally, order_id, &lines).await
            } else {
                !ship || ship_order(&ctx, &mut rng, &mut tally, order_id, &lines).await
            };
            if !alive {
                tally.count("cut by the kill");
                return tally;
            }
        }
    }
    tally
}

/// Invoices everything, sometimes one unit of a line first. False when the server died.
async fn invoice_order(
    ctx: &Ctx,
    rng: &mut StdRng,
    tally: &mut Tally,
    order_id: i64,
    lines: &[Line],
) -> bool {
    let url = format!("{}/rest/V1/order/{order_id}/invoice", ctx.base);
    let mut bodies = Vec::new();
    if let Some(line) = lines.iter().find(|l| l.qty > UNIT) {
        if rng.random_bool(0.5) {
            bodies.push(json!({"items": [{"order_item_id": line.item_id, "qty": 1}]}));
        }
    }
    bodies.push(json!({"capture": true}));
    for body in bodies {
        match call(&ctx.client, &url, &ctx.token, Some(&body)).await {
            Outcome::Lost => return false,
            Outcome::Reply(200, id) => match id.as_str().and_then(|s| s.parse().ok()) {
                Some(id) => {
                    tally.invoices.push((id, order_id));
                    tally.count("invoice");
                }
                None => tally
                    .faults
                    .push(format!("invoice of order {order_id} answered 200 {id}")),
            },
            Outcome::Reply(status, reply) => tally.faults.push(format!(
                "invoice {body} of order {order_id} answered {status} {reply}"
            )),
        }
    }
    true
}

/// Ships everything physical from a source that (as far as we know) holds it; now and then
/// from any source, or an order with nothing to ship, to exercise the refusals' rollback.
/// False when the server died.
async fn ship_order(
    ctx: &Ctx,
    rng: &mut StdRng,
    tally: &mut Tally,
    order_id: i64,
    lines: &[Line],
) -> bool {
    let need: Vec<(&str, i64)> = lines
        .iter()
        .filter(|l| !l.is_virtual)
        .map(|l| (l.sku.as_str(), l.qty))
        .collect();
    let wild = rng.random_bool(0.1);
    if need.is_empty() && !wild {
        return true;
    }
    let source = {
        let mut stock = ctx.stock.lock().expect("stock");
        let sources: Vec<String> = stock
            .keys()
            .map(|(source, _)| source.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let able: Vec<&String> = sources
            .iter()
            .filter(|s| {
                need.iter().all(|(sku, qty)| {
                    stock
                        .get(&((*s).clone(), sku.to_string()))
                        .copied()
                        .unwrap_or(0)
                        >= *qty
                })
            })
            .collect();
        if wild || able.is_empty() {
            if !wild {
                return true;
            }
            sources[rng.random_range(0..sources.len())].clone()
        } else {
            let source = able[rng.random_range(0..able.len())].clone();
            for (sku, qty) in &need {
                *stock.entry((source.clone(), sku.to_string())).or_default() -= qty;
            }
            source
        }
    };
    let body = json!({"notify": true,
        "arguments": {"extension_attributes": {"source_code": source}}});
    let url = format!("{}/rest/V1/order/{order_id}/ship", ctx.base);
    let give_back = || {
        if !wild {
            let mut stock = ctx.stock.lock().expect("stock");
            for (sku, qty) in &need {
                *stock.entry((source.clone(), sku.to_string())).or_default() += qty;
            }
        }
    };
    match call(&ctx.client, &url, &ctx.token, Some(&body)).await {
        Outcome::Lost => return false,
        Outcome::Reply(200, id) => match id.as_str().and_then(|s| s.parse().ok()) {
            Some(id) => {
                tally.shipments.push((id, order_id));
                tally.count("shipment");
            }
            None => tally
                .faults
                .push(format!("shipment of order {order_id} answered 200 {id}")),
        },
        Outcome::Reply(400, reply)
            if reply["message"]
                .as_str()
                .is_some_and(|m| m == COULD_NOT_SAVE || m.ends_with(NOTHING_TO_SHIP)) =>
        {
            give_back();
            tally.count("shipment refused");
        }
        Outcome::Reply(status, reply) => {
            give_back();
            tally.faults.push(format!(
                "shipment {body} of order {order_id} ({} physical lines) answered {status} {reply}",
                need.len()
            ));
        }
    }
    true
}

/// A small order of one or two of the three products, one or two units each, sometimes with a
/// discount whose proration has cents to round.
fn order_entity(rng: &mut StdRng) -> Value {
    let first = rng.random_range(0..PRODUCTS.len());
    let mut picks = vec![first];
    if rng.random_bool(0.5) {
        picks.push((first + rng.random_range(1..PRODUCTS.len())) % PRODUCTS.len());
    }
    let items: Vec<Value> = picks
        .into_iter()
        .map(|p| {
            let (sku, name, price, product_type, product_id) = PRODUCTS[p];
            let mut item = json!({"sku": sku, "name": name, "product_type": product_type,
                "product_id": product_id, "qty_ordered": rng.random_range(1..=2), "price": price});
            if rng.random_bool(0.3) {
                item["discount_amount"] = json!("3.33");
            }
            item
        })
        .collect();
    json!({
        "customer_email": "crash@example.com",
        "customer_firstname": "Crash",
        "customer_lastname": "Test",
        "items": items,
        "shipping_amount": 5,
        "billing_address": {"firstname": "Crash", "lastname": "Test", "street": ["1 Main St"],
            "city": "Austin", "region": "Texas", "region_id": 57, "postcode": "78701",
            "country_id": "US", "telephone": "512-555-0100"},
        "payment": {"method": "checkmo"},
        "extension_attributes": {"shipping_assignments": [{"shipping": {"method": "flatrate_flatrate",
            "address": {"firstname": "Crash", "lastname": "Test", "street": ["1 Main St"],
                "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"}}}]}
    })
}

/// The lines of an imported order's reply, quantities in ten-thousandths.
fn order_lines(order: &Value) -> Vec<Line> {
    order["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| Line {
                    item_id: i["item_id"].as_i64().unwrap_or_default(),
                    sku: i["sku"].as_str().unwrap_or_default().to_owned(),
                    qty: (i["qty_ordered"].as_f64().unwrap_or_default() * UNIT as f64).round()
                        as i64,
                    is_virtual: i["is_virtual"].as_i64() == Some(1),
                })
                .collect()
        })
        .unwrap_or_default()
}

// ----- the checks -------------------------------------------------------------------------

/// The inventory side of the database: source quantities by (source, sku) and reservation sums
/// by (stock, sku), in ten-thousandths.
struct Snapshot {
    sources: HashMap<(String, String), i64>,
    reservations: HashMap<(i64, String), i64>,
}

impl Snapshot {
    async fn read(path: &Path) -> Snapshot {
        let pool = open(path).await;
        let snapshot = Snapshot::of(&pool).await;
        pool.close().await;
        snapshot
    }

    async fn of(pool: &SqlitePool) -> Snapshot {
        let sources = sqlx::query_as::<_, (String, String, i64)>(
            "SELECT source_code, sku, quantity FROM inventory_source_item",
        )
        .fetch_all(pool)
        .await
        .expect("source items")
        .into_iter()
        .map(|(source, sku, qty)| ((source, sku), qty))
        .collect();
        let reservations = sqlx::query_as::<_, (i64, String, i64)>(
            "SELECT stock_id, sku, SUM(quantity) FROM inventory_reservation GROUP BY stock_id, sku",
        )
        .fetch_all(pool)
        .await
        .expect("reservations")
        .into_iter()
        .map(|(stock, sku, qty)| ((stock, sku), qty))
        .collect();
        Snapshot {
            sources,
            reservations,
        }
    }
}

/// The database file, read-only, beside the running server (WAL lets both read).
async fn open(path: &Path) -> SqlitePool {
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            SqliteConnectOptions::new()
                .filename(path)
                .read_only(true)
                .busy_timeout(Duration::from_secs(10)),
        )
        .await
        .expect("open the database")
}

/// Rows of `sql` (every column an integer or text) that should not exist, as readable strings.
async fn offending(pool: &SqlitePool, sql: &str) -> Vec<String> {
    use sqlx::Row;
    sqlx::query(sql)
        .fetch_all(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    row.try_get::<Option<i64>, _>(i)
                        .map(|v| format!("{v:?}"))
                        .or_else(|_| {
                            row.try_get::<Option<String>, _>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .unwrap_or_else(|_| "?".into())
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect()
}

/// Everything the issue asks for, after a restart; the list of what is wrong.
async fn check(
    base: &str,
    token: &str,
    path: &Path,
    acked: &Tally,
    initial: &Snapshot,
) -> Vec<String> {
    let mut problems = Vec::new();
    let pool = open(path).await;

    // The file itself.
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&pool)
        .await
        .expect("integrity_check");
    if integrity != ["ok"] {
        problems.push(format!("PRAGMA integrity_check: {integrity:?}"));
    }
    let dangling = offending(&pool, "PRAGMA foreign_key_check").await;
    if !dangling.is_empty() {
        problems.push(format!("PRAGMA foreign_key_check: {dangling:?}"));
    }

    // Every acknowledged write, in the tables and through the API.
    let orders: HashSet<i64> = sqlx::query_scalar("SELECT entity_id FROM sales_order")
        .fetch_all(&pool)
        .await
        .expect("orders")
        .into_iter()
        .collect();
    let invoices: HashMap<i64, i64> =
        sqlx::query_as::<_, (i64, i64)>("SELECT entity_id, order_id FROM sales_invoice")
            .fetch_all(&pool)
            .await
            .expect("invoices")
            .into_iter()
            .collect();
    let shipments: HashMap<i64, i64> =
        sqlx::query_as::<_, (i64, i64)>("SELECT entity_id, order_id FROM sales_shipment")
            .fetch_all(&pool)
            .await
            .expect("shipments")
            .into_iter()
            .collect();
    let lost: Vec<_> = acked
        .orders
        .iter()
        .filter(|id| !orders.contains(id))
        .collect();
    if !lost.is_empty() {
        problems.push(format!(
            "acknowledged orders missing from sales_order: {lost:?}"
        ));
    }
    for (what, docs, table) in [
        ("invoices", &acked.invoices, &invoices),
        ("shipments", &acked.shipments, &shipments),
    ] {
        let lost: Vec<_> = docs
            .iter()
            .filter(|(id, order)| table.get(id) != Some(order))
            .collect();
        if !lost.is_empty() {
            problems.push(format!(
                "acknowledged {what} (id, order) missing or on another order: {lost:?}"
            ));
        }
    }
    let client = client();
    let by_api = acked
        .orders
        .iter()
        .map(|id| (format!("/rest/V1/orders/{id}"), "entity_id", *id))
        .chain(
            acked
                .invoices
                .iter()
                .map(|(id, order)| (format!("/rest/V1/invoices/{id}"), "order_id", *order)),
        )
        .chain(
            acked
                .shipments
                .iter()
                .map(|(id, order)| (format!("/rest/V1/shipment/{id}"), "order_id", *order)),
        );
    for (path, key, expected) in by_api {
        match call(&client, &format!("{base}{path}"), token, None).await {
            Outcome::Reply(200, body) if body[key].as_i64() == Some(expected) => {}
            Outcome::Reply(status, body) => {
                problems.push(format!("GET {path} answered {status} {body}"))
            }
            Outcome::Lost => problems.push(format!("GET {path}: no reply")),
        }
    }

    // No half-written order or document.
    for (what, sql) in [
        (
            "orders without items, billing address or payment",
            "SELECT entity_id FROM sales_order o
             WHERE NOT EXISTS (SELECT 1 FROM sales_order_item i WHERE i.order_id = o.entity_id)
                OR NOT EXISTS (SELECT 1 FROM sales_order_address a
                               WHERE a.parent_id = o.entity_id AND a.address_type = 'billing')
                OR NOT EXISTS (SELECT 1 FROM sales_order_payment p WHERE p.parent_id = o.entity_id)",
        ),
        (
            "orders whose total_qty_ordered is not the sum of their items",
            "SELECT o.entity_id, o.total_qty_ordered, SUM(i.qty_ordered) FROM sales_order o
             JOIN sales_order_item i ON i.order_id = o.entity_id
             GROUP BY o.entity_id HAVING o.total_qty_ordered IS NOT SUM(i.qty_ordered)",
        ),
        (
            "invoices without items or whose total_qty is not their items' sum",
            "SELECT v.entity_id, v.total_qty, SUM(i.qty) FROM sales_invoice v
             LEFT JOIN sales_invoice_item i ON i.parent_id = v.entity_id
             GROUP BY v.entity_id HAVING COUNT(i.entity_id) = 0 OR v.total_qty IS NOT SUM(i.qty)",
        ),
        (
            "shipments without items or whose total_qty is not their items' sum",
            "SELECT s.entity_id, s.total_qty, SUM(i.qty) FROM sales_shipment s
             LEFT JOIN sales_shipment_item i ON i.parent_id = s.entity_id
             GROUP BY s.entity_id HAVING COUNT(i.entity_id) = 0 OR s.total_qty IS NOT SUM(i.qty)",
        ),
        (
            "shipments without a source",
            "SELECT entity_id FROM sales_shipment s WHERE NOT EXISTS
             (SELECT 1 FROM inventory_shipment_source x WHERE x.shipment_id = s.entity_id)",
        ),
        (
            "document items of another order than their document's",
            "SELECT 'invoice', v.entity_id, i.order_item_id FROM sales_invoice v
             JOIN sales_invoice_item i ON i.parent_id = v.entity_id
             JOIN sales_order_item oi ON oi.item_id = i.order_item_id
             WHERE oi.order_id != v.order_id
             UNION ALL
             SELECT 'shipment', s.entity_id, i.order_item_id FROM sales_shipment s
             JOIN sales_shipment_item i ON i.parent_id = s.entity_id
             JOIN sales_order_item oi ON oi.item_id = i.order_item_id
             WHERE oi.order_id != s.order_id",
        ),
        (
            "order items (item, ordered, invoiced, sum invoiced, shipped, sum shipped) whose \
             qty_invoiced / qty_shipped are not their documents' sums or exceed qty_ordered",
            "SELECT item_id, qty_ordered, qty_invoiced, inv, qty_shipped, shp FROM (
               SELECT oi.item_id, oi.qty_ordered, oi.qty_invoiced, oi.qty_shipped,
                 (SELECT COALESCE(SUM(qty), 0) FROM sales_invoice_item x
                  WHERE x.order_item_id = oi.item_id) AS inv,
                 (SELECT COALESCE(SUM(qty), 0) FROM sales_shipment_item x
                  WHERE x.order_item_id = oi.item_id) AS shp
               FROM sales_order_item oi)
             WHERE qty_invoiced != inv OR qty_shipped != shp
                OR qty_invoiced > qty_ordered OR qty_shipped > qty_ordered",
        ),
        (
            "orders (id, total_paid, total_invoiced, sum of invoices) whose paid or invoiced \
             totals are not the sum of their invoices' grand totals",
            "SELECT entity_id, total_paid, total_invoiced, invoiced FROM (
               SELECT o.entity_id, COALESCE(o.total_paid, 0) AS total_paid,
                 COALESCE(o.total_invoiced, 0) AS total_invoiced,
                 (SELECT COALESCE(SUM(grand_total), 0) FROM sales_invoice v
                  WHERE v.order_id = o.entity_id) AS invoiced
               FROM sales_order o)
             WHERE total_paid != invoiced OR total_invoiced != invoiced",
        ),
        (
            "fully invoiced orders (id, grand total, sum of invoices) whose invoices do not \
             add up to the grand total",
            "SELECT o.entity_id, o.grand_total,
               (SELECT SUM(grand_total) FROM sales_invoice v WHERE v.order_id = o.entity_id) AS inv
             FROM sales_order o
             WHERE NOT EXISTS (SELECT 1 FROM sales_order_item i
                               WHERE i.order_id = o.entity_id AND i.qty_invoiced < i.qty_ordered)
               AND inv IS NOT o.grand_total",
        ),
        (
            "orders with documents still in state new (id, state)",
            "SELECT entity_id, state FROM sales_order o
             WHERE (EXISTS (SELECT 1 FROM sales_invoice v WHERE v.order_id = o.entity_id)
                 OR EXISTS (SELECT 1 FROM sales_shipment s WHERE s.order_id = o.entity_id))
               AND state NOT IN ('processing', 'complete')",
        ),
        (
            "increment id sequences (type, next value, highest in use) behind their documents",
            "SELECT q.entity_type, q.next_value, m.top FROM sales_sequence q JOIN (
               SELECT 'order' AS t, store_id, MAX(CAST(increment_id AS INTEGER)) AS top
                 FROM sales_order GROUP BY store_id
               UNION ALL SELECT 'invoice', store_id, MAX(CAST(increment_id AS INTEGER))
                 FROM sales_invoice GROUP BY store_id
               UNION ALL SELECT 'shipment', store_id, MAX(CAST(increment_id AS INTEGER))
                 FROM sales_shipment GROUP BY store_id) m
             ON m.t = q.entity_type AND m.store_id = q.store_id
             WHERE q.next_value <= m.top",
        ),
        (
            "negative source quantities",
            "SELECT source_code, sku, quantity FROM inventory_source_item WHERE quantity < 0",
        ),
    ] {
        let rows = offending(&pool, sql).await;
        if !rows.is_empty() {
            problems.push(format!("{what}: {rows:?}"));
        }
    }

    // Inventory: sources went down by what left them, reservations compensate exactly that.
    let shipped: HashMap<(String, String), i64> = sqlx::query_as::<_, (String, String, i64)>(
        "SELECT x.source_code, i.sku, SUM(i.qty) FROM sales_shipment_item i
         JOIN inventory_shipment_source x ON x.shipment_id = i.parent_id
         GROUP BY x.source_code, i.sku",
    )
    .fetch_all(&pool)
    .await
    .expect("shipped")
    .into_iter()
    .map(|(source, sku, qty)| ((source, sku), qty))
    .collect();
    let invoiced_virtual: HashMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "SELECT oi.sku, SUM(i.qty) FROM sales_invoice_item i
         JOIN sales_order_item oi ON oi.item_id = i.order_item_id
         WHERE oi.is_virtual = 1 GROUP BY oi.sku",
    )
    .fetch_all(&pool)
    .await
    .expect("invoiced virtual")
    .into_iter()
    .collect();
    let now = Snapshot::of(&pool).await;
    pool.close().await;

    let mut left: HashMap<String, i64> = HashMap::new();
    for ((source, sku), before) in &initial.sources {
        let after = now.sources.get(&(source.clone(), sku.clone())).copied();
        let mut expected = shipped
            .get(&(source.clone(), sku.clone()))
            .copied()
            .unwrap_or(0);
        if sku == VIRTUAL_SKU {
            // hq is the only source of the downloadable product.
            expected += invoiced_virtual.get(sku).copied().unwrap_or(0);
        }
        if after != Some(before - expected) {
            problems.push(format!(
                "source item {source}/{sku}: {before} before, {after:?} now, but {expected} left it \
                 (ten-thousandths)"
            ));
        }
        *left.entry(sku.clone()).or_default() += expected;
    }
    let new_items: Vec<_> = now
        .sources
        .keys()
        .filter(|k| !initial.sources.contains_key(*k))
        .collect();
    if !new_items.is_empty() {
        problems.push(format!("source items appeared: {new_items:?}"));
    }
    let stocks: HashSet<&(i64, String)> = initial
        .reservations
        .keys()
        .chain(now.reservations.keys())
        .collect();
    for key in stocks {
        let (stock, sku) = key;
        let before = initial.reservations.get(key).copied().unwrap_or(0);
        let after = now.reservations.get(key).copied().unwrap_or(0);
        let expected = if *stock == STOCK {
            left.get(sku).copied().unwrap_or(0)
        } else {
            0
        };
        if after - before != expected {
            problems.push(format!(
                "reservations of {sku} on stock {stock}: {before} before, {after} now, but {expected} \
                 left the sources (ten-thousandths)"
            ));
        }
    }
    problems
}
