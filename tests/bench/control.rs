//! Control API benchmark: prints how long reset, snapshot save and snapshot restore take (median
//! and max over `CONTROL_RUNS` runs, default 20), asserts nothing about speed.
//!
//! Two worlds, each served by the release `magemu` binary on a database of its own in a
//! temporary folder: the tutorial seed as the server makes it, and a world of
//! `CONTROL_ORDERS` orders (default 10,000, each invoiced and shipped) made by `magemu generate`
//! on the tutorial seed. One run is: save the live world as a snapshot, reset to the seed,
//! restore the snapshot; so each operation always works on the world named (the reset drops
//! that world, the restore brings it back). Each time is the client's (request sent to reply
//! read, over a kept-alive loopback connection) beside the server's own `took_ms`. Then, on
//! each world, the time of a few admin pages (`/magemu/admin/`: the orders grid's first and
//! last page, order 3, the invoices and products grids).
//!
//! Run: `cargo bench --bench control`. Knobs: `CONTROL_RUNS`, `CONTROL_ORDERS`.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn free_addr() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    format!("127.0.0.1:{port}")
}

/// The release binary on the database file `db`, killed on drop.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

async fn start(db: &Path, client: &reqwest::Client) -> Server {
    let addr = free_addr();
    let child = Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args([
            "--listen",
            &addr,
            "--database-url",
            &format!("sqlite://{}", db.display()),
        ])
        .env_remove("MAGEMU_SEED")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start magemu");
    let server = Server {
        child,
        base: format!("http://{addr}"),
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let health = client
            .get(format!("{}/magemu/health", server.base))
            .send()
            .await;
        if health.is_ok_and(|r| r.status().is_success()) {
            return server;
        }
        assert!(
            Instant::now() < deadline,
            "magemu did not answer within 60 s"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// POSTs `body` to `path`; the client's time and the server's `took_ms`.
async fn timed(client: &reqwest::Client, base: &str, path: &str, body: Value) -> (f64, f64) {
    let started = Instant::now();
    let reply = client
        .post(format!("{base}{path}"))
        .json(&body)
        .send()
        .await
        .expect("control call");
    let status = reply.status();
    let answer: Value = reply.json().await.expect("JSON");
    let wall = started.elapsed().as_secs_f64() * 1000.0;
    assert!(status.is_success(), "{path}: {status} {answer}");
    (wall, answer["took_ms"].as_f64().unwrap_or(f64::NAN))
}

/// Median and max of `values` (ms).
fn summary(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(|a, b| a.total_cmp(b));
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    (median, values[n - 1])
}

async fn measure(world: &str, db: &Path, runs: usize) {
    let client = reqwest::Client::new();
    let server = start(db, &client).await;
    let base = &server.base;
    // The database and its write-ahead log (a new database's rows are still in the log).
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|ext| std::fs::metadata(format!("{}{ext}", db.display())).ok())
        .map(|m| m.len())
        .sum();
    let health: Value = client
        .get(format!("{base}/magemu/health"))
        .send()
        .await
        .expect("health")
        .json()
        .await
        .expect("JSON");
    println!(
        "\n== {world}: {} orders, {} invoices, {} shipments; database {:.2} MiB ==",
        health["counts"]["orders"],
        health["counts"]["invoices"],
        health["counts"]["shipments"],
        size as f64 / (1024.0 * 1024.0)
    );
    let mut times: [(Vec<f64>, Vec<f64>); 3] = Default::default();
    for _ in 0..runs {
        let calls = [
            ("/magemu/snapshots", json!({"name": "bench"})),
            ("/magemu/reset", json!({})),
            ("/magemu/snapshots/bench/restore", json!({})),
        ];
        for (i, (path, body)) in calls.into_iter().enumerate() {
            let (wall, took) = timed(&client, base, path, body).await;
            times[i].0.push(wall);
            times[i].1.push(took);
        }
    }
    println!(
        "{:<18} {:>12} {:>10} {:>20} {:>10}",
        "operation", "median (ms)", "max (ms)", "server median (ms)", "max (ms)"
    );
    for (name, (wall, took)) in ["snapshot save", "reset", "snapshot restore"]
        .iter()
        .zip(times.iter_mut())
    {
        let (median, max) = summary(wall);
        let (server_median, server_max) = summary(took);
        println!("{name:<18} {median:>12.1} {max:>10.1} {server_median:>20.1} {server_max:>10.1}");
    }

    // The admin pages read the restored world: the first and the last page of a grid.
    let orders = health["counts"]["orders"].as_i64().unwrap_or(1);
    let last = (orders + 19) / 20;
    println!(
        "{:<34} {:>12} {:>10}",
        "admin page (GET)", "median (ms)", "max (ms)"
    );
    for path in [
        "/magemu/admin/orders".to_owned(),
        format!("/magemu/admin/orders?page={last}"),
        "/magemu/admin/orders/3".to_owned(),
        "/magemu/admin/invoices".to_owned(),
        "/magemu/admin/products".to_owned(),
    ] {
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            let reply = client
                .get(format!("{base}{path}"))
                .send()
                .await
                .expect("admin page");
            let status = reply.status();
            let _ = reply.bytes().await.expect("page");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(status.is_success(), "{path}: {status}");
        }
        let (median, max) = summary(&mut times);
        println!("{path:<34} {median:>12.1} {max:>10.1}");
    }
    drop(server);
}

fn main() {
    let runs = env_or("CONTROL_RUNS", 20).max(1);
    let orders = env_or("CONTROL_ORDERS", 10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    println!("control API timings, {runs} runs (save, reset, restore)");

    runtime.block_on(measure(
        "the tutorial seed",
        &dir.path().join("seed.db"),
        runs,
    ));

    let large = dir.path().join("large.db");
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args([
            "generate",
            "--orders",
            &orders.to_string(),
            "--database-url",
        ])
        .arg(format!("sqlite://{}", large.display()))
        .env_remove("MAGEMU_SEED")
        .stderr(Stdio::inherit())
        .output()
        .expect("run magemu generate");
    assert!(output.status.success(), "magemu generate failed");
    println!(
        "\nmagemu generate --orders {orders}: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    runtime.block_on(measure(
        &format!("a world of {orders} generated orders"),
        &large,
        runs,
    ));
}
