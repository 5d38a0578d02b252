//! Load benchmark: prints figures, asserts nothing about speed.
//!
//! Starts the release `magemu` binary on a new database in a temporary folder, on a free
//! loopback port, and measures, with the load generator on the same machine:
//! 1. time from process start to the first answered request (migrations and seed included);
//! 2. `GET /V1/invoices/{id}` requests/s and latency percentiles;
//! 3. `POST /V1/orders` then `POST /V1/order/{id}/invoice` over many fresh orders, per second;
//! 4. the server's peak RSS (`VmHWM`).
//!
//! Run: `cargo bench --bench load`. Knobs: `LOAD_SECONDS` (GET phase, default 10),
//! `LOAD_CONNECTIONS` (default 32), `LOAD_ORDERS` (default 5000).

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    sender: SendRequest<Full<Bytes>>,
}

impl Conn {
    async fn open(addr: &str) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(std::io::Error::other)?;
        tokio::spawn(connection);
        Ok(Conn { sender })
    }

    async fn send(
        &mut self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&Bytes>,
    ) -> (StatusCode, Bytes) {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1");
        if !token.is_empty() {
            builder = builder.header("authorization", format!("Bearer {token}"));
        }
        if body.is_some() {
            builder = builder.header("content-type", "application/json");
        }
        let request = builder
            .body(Full::new(body.cloned().unwrap_or_default()))
            .expect("request");
        self.sender.ready().await.expect("connection ready");
        let response = self.sender.send_request(request).await.expect("response");
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (status, bytes)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

/// Runs `per_connection` on `connections` connections until each returns; collects latencies
/// and the count of unexpected answers.
async fn run_load<F, Fut>(
    addr: &str,
    connections: usize,
    per_connection: F,
) -> (Vec<Duration>, usize)
where
    F: Fn(Conn) -> Fut,
    Fut: std::future::Future<Output = (Vec<Duration>, usize)> + Send + 'static,
{
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let conn = Conn::open(addr).await.expect("connect");
        tasks.push(tokio::spawn(per_connection(conn)));
    }
    let mut latencies = Vec::new();
    let mut failures = 0;
    for task in tasks {
        let (l, f) = task.await.expect("load task");
        latencies.extend(l);
        failures += f;
    }
    latencies.sort();
    (latencies, failures)
}

fn report(name: &str, unit: &str, latencies: &[Duration], elapsed: Duration, failures: usize) {
    println!(
        "{name}: {:.0} {unit}/s ({} in {:.2} s), latency p50 {:.2} ms, p99 {:.2} ms, non-200 answers: {failures}",
        latencies.len() as f64 / elapsed.as_secs_f64(),
        latencies.len(),
        elapsed.as_secs_f64(),
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
    );
}

fn main() {
    let seconds = env_or("LOAD_SECONDS", 10) as u64;
    let connections = env_or("LOAD_CONNECTIONS", 32);
    let orders = env_or("LOAD_ORDERS", 5000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");

    let dir = std::env::temp_dir().join(format!("magemu-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let addr = format!("127.0.0.1:{port}");

    // 1. Ready time on a new database.
    let started = Instant::now();
    let mut server = Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args([
            "--listen",
            &addr,
            "--database-url",
            &format!("sqlite://{}/bench.db", dir.display()),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start magemu");
    let credentials = Bytes::from_static(br#"{"username":"admin","password":"admin123"}"#);
    let token = runtime.block_on(async {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(mut conn) = Conn::open(&addr).await {
                let (status, body) = conn
                    .send(
                        Method::POST,
                        "/rest/V1/integration/admin/token",
                        "",
                        Some(&credentials),
                    )
                    .await;
                if status == StatusCode::OK {
                    return String::from_utf8_lossy(&body).trim_matches('"').to_owned();
                }
            }
            assert!(
                Instant::now() < deadline,
                "magemu did not answer within 10 s"
            );
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
    println!(
        "ready (new database, migrations + seed, first answer): {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    runtime.block_on(async {
        let token: Arc<str> = token.into();
        let mut conn = Conn::open(&addr).await.expect("connect");
        let (status, _) = conn.send(Method::POST, "/rest/V1/order/3/invoice", &token, Some(&Bytes::from_static(b"{}"))).await;
        assert_eq!(status, StatusCode::OK, "invoice order 3");

        // 2. GET /V1/invoices/3 for a fixed time.
        let until = Instant::now() + Duration::from_secs(seconds);
        let begin = Instant::now();
        let t = token.clone();
        let (latencies, failures) = run_load(&addr, connections, move |mut conn| {
            let token = t.clone();
            async move {
                let mut latencies = Vec::new();
                let mut failures = 0;
                while Instant::now() < until {
                    let sent = Instant::now();
                    let (status, _) = conn.send(Method::GET, "/rest/V1/invoices/3", &token, None).await;
                    latencies.push(sent.elapsed());
                    failures += usize::from(status != StatusCode::OK);
                }
                (latencies, failures)
            }
        })
        .await;
        report("GET /V1/invoices/3 (same document, response cache)", "requests", &latencies, begin.elapsed(), failures);

        // 3. Fresh orders, then one invoice each.
        let entity = Bytes::from_static(
            br#"{"entity":{"customer_email":"bench@example.com","items":[{"sku":"24-WB01","name":"Voyage Yoga Bag","product_id":8,"qty_ordered":2,"price":32,"discount_amount":6.4},{"sku":"240-LV06","name":"Yoga Adventure","product_id":47,"product_type":"downloadable","qty_ordered":1,"price":22}],"shipping_amount":10,"payment":{"method":"checkmo"}}}"#,
        );
        let ids = Arc::new(std::sync::Mutex::new(Vec::with_capacity(orders)));
        let next = Arc::new(AtomicUsize::new(0));
        let begin = Instant::now();
        let (t, created, n) = (token.clone(), ids.clone(), next.clone());
        let (latencies, failures) = run_load(&addr, connections, move |mut conn| {
            let (token, created, next, entity) = (t.clone(), created.clone(), n.clone(), entity.clone());
            async move {
                let mut latencies = Vec::new();
                let mut failures = 0;
                while next.fetch_add(1, Ordering::Relaxed) < orders {
                    let sent = Instant::now();
                    let (status, body) = conn.send(Method::POST, "/rest/V1/orders", &token, Some(&entity)).await;
                    latencies.push(sent.elapsed());
                    if status != StatusCode::OK {
                        failures += 1;
                        continue;
                    }
                    let order: serde_json::Value = serde_json::from_slice(&body).expect("order JSON");
                    let id = order["entity_id"].as_i64().expect("entity_id");
                    created.lock().expect("ids").push(id);
                }
                (latencies, failures)
            }
        })
        .await;
        report("POST /V1/orders", "orders", &latencies, begin.elapsed(), failures);

        let ids: Arc<Vec<i64>> = Arc::new(std::mem::take(&mut *ids.lock().expect("ids")));
        let next = Arc::new(AtomicUsize::new(0));
        let body = Bytes::from_static(br#"{"capture":true,"notify":true}"#);
        let begin = Instant::now();
        let t = token.clone();
        let (latencies, failures) = run_load(&addr, connections, move |mut conn| {
            let (token, ids, next, body) = (t.clone(), ids.clone(), next.clone(), body.clone());
            async move {
                let mut latencies = Vec::new();
                let mut failures = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(id) = ids.get(i) else { break };
                    let sent = Instant::now();
                    let (status, _) =
                        conn.send(Method::POST, &format!("/rest/V1/order/{id}/invoice"), &token, Some(&body)).await;
                    latencies.push(sent.elapsed());
                    failures += usize::from(status != StatusCode::OK);
                }
                (latencies, failures)
            }
        })
        .await;
        report("POST /V1/order/{id}/invoice (durable: WAL, synchronous=FULL)", "invoices", &latencies, begin.elapsed(), failures);

        // 5. GET over every invoice just made: far more documents than the response cache
        // holds, so this is the SQLite read path.
        let count = orders as i64;
        let until = Instant::now() + Duration::from_secs(seconds);
        let begin = Instant::now();
        let next = Arc::new(AtomicUsize::new(0));
        let t = token.clone();
        let (latencies, failures) = run_load(&addr, connections, move |mut conn| {
            let (token, next) = (t.clone(), next.clone());
            async move {
                let mut latencies = Vec::new();
                let mut failures = 0;
                while Instant::now() < until {
                    let id = 4 + (next.fetch_add(1, Ordering::Relaxed) as i64 % count);
                    let sent = Instant::now();
                    let (status, _) =
                        conn.send(Method::GET, &format!("/rest/V1/invoices/{id}"), &token, None).await;
                    latencies.push(sent.elapsed());
                    failures += usize::from(status != StatusCode::OK);
                }
                (latencies, failures)
            }
        })
        .await;
        report("GET /V1/invoices/{id} over all invoices (uncached)", "requests", &latencies, begin.elapsed(), failures);
    });

    // 4. Peak memory of the server process.
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.id())).unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or("VmHWM: unknown");
    println!(
        "peak RSS (VmHWM): {}",
        peak.trim_start_matches("VmHWM:").trim()
    );
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
