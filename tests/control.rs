//! The control API under /magemu/: health, reset, snapshots, the request journal and faults,
//! through the real router.

use crate::common;

use std::time::{Duration, Instant};

use common::{spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(body) = body {
        req = req.json(&body);
    }
    let resp = req.send().await.expect("control call");
    let status = resp.status();
    let text = resp.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn order(email: &str) -> Value {
    json!({"customer_email": email,
        "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}],
        "billing_address": {"firstname": "Ann", "lastname": "Lee", "street": ["1 Main St"],
            "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
        "payment": {"method": "checkmo"}})
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

#[tokio::test]
async fn health_tells_version_database_seed_and_counts() {
    let app = spawn_app().await;
    let (status, body) = call(&app, reqwest::Method::GET, "/magemu/health", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["uptime_seconds"].is_u64(), "{body}");
    assert_eq!(
        body["database"],
        json!(format!("sqlite://{}", app.db_path.display()))
    );
    assert_eq!(
        without(&body, &["uptime_seconds", "database"]),
        json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "seed": "tutorial",
            "counts": {"creditmemos": 0, "customers": 1, "invoices": 0, "orders": 1,
                "products": 3, "shipments": 0, "sources": 9},
            "snapshots": 0,
            "journal_entries": 0,
            "fault_rules": 0
        })
    );
}

#[tokio::test]
async fn reset_undoes_writes_and_ids_start_over() {
    let app = spawn_app().await;
    let token = app.token().await;
    let seeded = app.snapshot().await;
    let first = app.create_order(&token, order("a@example.com")).await;
    let invoice = app.invoice(&token, first, &json!({})).await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    assert_ne!(app.snapshot().await, seeded);

    let (status, body) = call(&app, reqwest::Method::POST, "/magemu/reset", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["seed"], json!("tutorial"));
    assert_eq!(app.snapshot().await, seeded, "the seed's world again");
    // The admin token survives; the next order takes the first one's id.
    let again = app.create_order(&token, order("b@example.com")).await;
    assert_eq!(again, first);
    let read = app.get(&format!("/rest/V1/orders/{again}"), &token).await;
    assert_eq!(
        read.body["customer_email"],
        json!("b@example.com"),
        "no stale cached reply"
    );

    // Resets one after another each answer with the server's own measure (how fast they are is
    // the control benchmark's to print, tests/bench/control.rs, not a test's to assert).
    let mut server = Vec::new();
    let mut round_trip = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let (status, body) = call(&app, reqwest::Method::POST, "/magemu/reset", None).await;
        round_trip.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(status, StatusCode::OK);
        server.push(body["took_ms"].as_f64().expect("took_ms"));
    }
    let (server, round_trip) = (median(server), median(round_trip));
    println!("reset on the tutorial seed: median {server:.2} ms in the server, {round_trip:.2} ms round trip");
}

#[tokio::test]
async fn a_restored_snapshot_answers_as_when_saved() {
    let app = spawn_app().await;
    let token = app.token().await;
    let id = app.create_order(&token, order("saved@example.com")).await;
    let (status, saved) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "prepared"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    assert_eq!(saved["name"], json!("prepared"));
    let order_then = app.get(&format!("/rest/V1/orders/{id}"), &token).await;
    let list_then = app
        .get("/rest/V1/orders?searchCriteria[pageSize]=50", &token)
        .await;
    let world_then = app.snapshot().await;

    let invoice = app.invoice(&token, id, &json!({})).await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    let later = app.create_order(&token, order("later@example.com")).await;
    assert_eq!(later, id + 1);

    let mut took = Vec::new();
    for _ in 0..10 {
        let (status, body) = call(
            &app,
            reqwest::Method::POST,
            "/magemu/snapshots/prepared/restore",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        took.push(body["took_ms"].as_f64().expect("took_ms"));
    }
    println!(
        "snapshot restore on the tutorial seed (+1 order): median {:.2} ms; save took {} ms",
        median(took),
        saved["took_ms"]
    );
    assert_eq!(
        app.get(&format!("/rest/V1/orders/{id}"), &token).await.body,
        order_then.body
    );
    assert_eq!(
        app.get("/rest/V1/orders?searchCriteria[pageSize]=50", &token)
            .await
            .body,
        list_then.body
    );
    assert_eq!(app.snapshot().await, world_then);
    assert_eq!(
        app.create_order(&token, order("again@example.com")).await,
        id + 1
    );

    let (status, list) = call(&app, reqwest::Method::GET, "/magemu/snapshots", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        without(&list[0], &["created_at", "bytes"]),
        json!({"name": "prepared"})
    );
    assert_eq!(list.as_array().map(Vec::len), Some(1));

    let (status, _) = call(
        &app,
        reqwest::Method::DELETE,
        "/magemu/snapshots/prepared",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots/prepared/restore",
        None,
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Snapshot \"prepared\" does not exist."})
        )
    );
    let (status, body) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "../x"})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// Saves of one name at once (32) all succeed, the last one standing (they shared a `.partial`
/// file: one of them answered 500); a hundred snapshots is the most a server keeps, and a
/// refused save leaves the list as it was.
#[tokio::test]
async fn snapshots_of_one_name_at_once_and_the_most_a_server_keeps() {
    let app = spawn_app().await;
    let saves = (0..32).map(|_| {
        call(
            &app,
            reqwest::Method::POST,
            "/magemu/snapshots",
            Some(json!({"name": "same"})),
        )
    });
    for (status, body) in futures_util::future::join_all(saves).await {
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (_, list) = call(&app, reqwest::Method::GET, "/magemu/snapshots", None).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");

    for i in 1..100 {
        let (status, body) = call(
            &app,
            reqwest::Method::POST,
            "/magemu/snapshots",
            Some(json!({ "name": format!("s{i}") })),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{i}: {body}");
    }
    let (_, full) = call(&app, reqwest::Method::GET, "/magemu/snapshots", None).await;
    assert_eq!(full.as_array().map(Vec::len), Some(100));
    let (status, body) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "one-more"})),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "magemu keeps at most 100 snapshots: delete one first."})
        )
    );
    let (_, list) = call(&app, reqwest::Method::GET, "/magemu/snapshots", None).await;
    assert_eq!(list, full, "a refused save adds nothing");
    // Replacing one that exists is still a save.
    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "same"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = call(&app, reqwest::Method::DELETE, "/magemu/snapshots/s1", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "one-more"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn the_journal_keeps_rest_calls_and_filters_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (status, _) = call(&app, reqwest::Method::DELETE, "/magemu/requests", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/rest/default/V1/orders/999", &token).await.status,
        StatusCode::NOT_FOUND
    );
    let refused = app
        .post(
            "/index.php/rest/all/V1/orders",
            &token,
            &json!({"entity": {"items": "x"}}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);

    let (_, all) = call(&app, reqwest::Method::GET, "/magemu/requests", None).await;
    assert_eq!(
        all.as_array().map(Vec::len),
        Some(3),
        "control calls are not journaled: {all}"
    );
    let (_, missing) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?status=404",
        None,
    )
    .await;
    assert_eq!(
        without(&missing[0], &["id", "time", "duration_ms"]),
        json!({"method": "GET", "path": "/rest/default/V1/orders/999", "store_code": "default",
            "status": 404, "request_body": null,
            "response_body": {"message": "The entity that was requested doesn't exist. Verify the entity and try again."}})
    );
    let (_, posted) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?method=post&path=/V1/orders",
        None,
    )
    .await;
    assert_eq!(posted.as_array().map(Vec::len), Some(1));
    assert_eq!(posted[0]["store_code"], json!("all"));
    assert_eq!(posted[0]["request_body"], json!({"entity": {"items": "x"}}));
    assert_eq!(posted[0]["response_body"], refused.body);
    let (_, gets) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?method=GET&path=/rest/V1/*",
        None,
    )
    .await;
    assert_eq!(
        gets.as_array()
            .map(|a| a.iter().map(|e| e["path"].clone()).collect::<Vec<_>>()),
        Some(vec![json!("/rest/V1/orders/3")])
    );
    let (status, _) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?status=abc",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    call(&app, reqwest::Method::DELETE, "/magemu/requests", None).await;
    let (_, none) = call(&app, reqwest::Method::GET, "/magemu/requests", None).await;
    assert_eq!(none, json!([]));
}

#[tokio::test]
async fn a_fault_rule_fails_twice_then_lets_calls_pass() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (status, rule) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/faults",
        Some(json!({"method": "GET", "path": "/V1/orders/3", "status": 503, "times": 2})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{rule}");
    assert_eq!(
        rule,
        json!({"id": 1, "method": "GET", "path": "/V1/orders/3", "status": 503, "drop": false, "times": 2, "hits": 0})
    );
    for _ in 0..2 {
        let reply = app.get("/rest/default/V1/orders/3", &token).await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"message": "Service Unavailable"})
            )
        );
    }
    assert_eq!(
        app.get("/rest/default/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    let (_, rules) = call(&app, reqwest::Method::GET, "/magemu/faults", None).await;
    assert_eq!(rules, json!([]), "used up");
    let (_, faulted) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?status=503",
        None,
    )
    .await;
    assert_eq!(
        faulted
            .as_array()
            .map(|a| a.iter().map(|e| e["fault"].clone()).collect::<Vec<_>>()),
        Some(vec![json!(1), json!(1)])
    );

    let (status, body) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/faults",
        Some(json!({"path": "/V1/orders"})),
    )
    .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "A rule needs \"latency_ms\", \"status\" or \"drop\"."})
        )
    );
    let (status, _) = call(&app, reqwest::Method::DELETE, "/magemu/faults/99", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_latency_rule_slows_calls_until_removed() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (_, rule) = call(
        &app,
        reqwest::Method::POST,
        "/magemu/faults",
        Some(json!({"path": "/rest/*/V1/orders/*", "latency_ms": 300})),
    )
    .await;
    let started = Instant::now();
    assert_eq!(
        app.get("/rest/default/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    let slow = started.elapsed();
    assert!(slow >= Duration::from_millis(300), "{slow:?}");
    let (status, _) = call(
        &app,
        reqwest::Method::DELETE,
        &format!("/magemu/faults/{}", rule["id"]),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let started = Instant::now();
    assert_eq!(
        app.get("/rest/default/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    println!(
        "latency rule: {slow:?} with it, {:?} without",
        started.elapsed()
    );
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn a_drop_rule_closes_the_connection_without_an_answer() {
    let app = spawn_app().await;
    let token = app.token().await;
    call(
        &app,
        reqwest::Method::POST,
        "/magemu/faults",
        Some(json!({"path": "/V1/orders/3", "drop": true, "times": 1})),
    )
    .await;
    let sent = app
        .client
        .get(app.url("/rest/V1/orders/3"))
        .bearer_auth(&token)
        .send()
        .await;
    let error = sent.expect_err("no answer");
    assert!(!error.is_status(), "{error:?}");
    assert_eq!(
        app.get("/rest/V1/orders/3", &token).await.status,
        StatusCode::OK
    );
    let (_, dropped) = call(
        &app,
        reqwest::Method::GET,
        "/magemu/requests?status=0",
        None,
    )
    .await;
    assert_eq!(dropped[0]["fault"], json!(1));
    let (status, _) = call(&app, reqwest::Method::DELETE, "/magemu/faults", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

async fn cli(app: &TestApp, args: &[&str]) -> (bool, String) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args(args)
        .args(["--server", &app.base])
        .output()
        .await
        .expect("run magemu");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[tokio::test]
async fn every_control_call_is_a_subcommand_talking_to_the_server() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (ok, out) = cli(&app, &["snapshot", "save", "from-cli"]).await;
    assert!(ok, "{out}");
    let saved: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(saved["name"], json!("from-cli"));
    let id = app.create_order(&token, order("cli@example.com")).await;
    let (ok, out) = cli(&app, &["snapshot", "restore", "from-cli"]).await;
    assert!(ok, "{out}");
    assert_eq!(
        app.create_order(&token, order("cli@example.com")).await,
        id,
        "restored ids"
    );
    let (ok, out) = cli(&app, &["snapshot", "list"]).await;
    assert!(ok && out.contains("from-cli"), "{out}");
    let (ok, _) = cli(&app, &["reset"]).await;
    assert!(ok);
    let (ok, out) = cli(&app, &["health"]).await;
    let health: Value = serde_json::from_str(&out).expect("json");
    assert!(ok);
    assert_eq!(health["counts"]["orders"], json!(1));
    let (ok, out) = cli(
        &app,
        &[
            "faults",
            "add",
            r#"{"path": "/V1/orders", "status": 500, "times": 1}"#,
        ],
    )
    .await;
    assert!(ok, "{out}");
    let (ok, out) = cli(
        &app,
        &["requests", "--method", "POST", "--path", "/V1/orders"],
    )
    .await;
    assert!(ok);
    let posted: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(posted.as_array().map(Vec::len), Some(2));
    let (ok, _) = cli(&app, &["faults", "clear"]).await;
    assert!(ok);
    let (ok, out) = cli(&app, &["snapshot", "restore", "missing"]).await;
    assert!(!ok, "a refusal fails the command");
    assert_eq!(
        out.trim(),
        r#"{"message":"Snapshot \"missing\" does not exist."}"#
    );
}

#[tokio::test]
async fn reset_after_a_restart_goes_back_to_the_seed_not_to_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("kept.db");
    let app = common::spawn_app_at(&path).await;
    let token = app.token().await;
    let first = app.create_order(&token, order("kept@example.com")).await;
    app.stop().await;

    let app = common::spawn_app_at(&path).await;
    let (_, health) = call(&app, reqwest::Method::GET, "/magemu/health", None).await;
    assert_eq!(
        health["counts"]["orders"],
        json!(2),
        "the file kept its order"
    );
    let (status, _) = call(&app, reqwest::Method::POST, "/magemu/reset", None).await;
    assert_eq!(status, StatusCode::OK);
    let (_, health) = call(&app, reqwest::Method::GET, "/magemu/health", None).await;
    assert_eq!(health["counts"]["orders"], json!(1));
    let token = app.token().await;
    assert_eq!(
        app.create_order(&token, order("new@example.com")).await,
        first
    );
    app.stop().await;
}

/// `db::counters`: the AUTOINCREMENT counters the writes look up stand first in
/// `sqlite_sequence` (an insert walks its rows from the first to its table's), in the order of
/// `db::counters::FIRST`, from the first start on; moving one through `PUT /magemu/next-ids`
/// leaves it where it stands, a reset keeps the order, and no id changes (the tutorial's next
/// invoice is still 3).
#[tokio::test]
async fn the_counters_the_writes_look_up_come_first() {
    let app = spawn_app().await;
    let token = app.token().await;
    let names = || async {
        sqlx::query_scalar::<_, String>("SELECT name FROM sqlite_sequence ORDER BY rowid")
            .fetch_all(&app.state.db.read)
            .await
            .unwrap()
    };
    let seeded = names().await;
    let front: Vec<String> = magemu::db::counters::FIRST
        .iter()
        .filter(|t| seeded.iter().any(|name| name == *t))
        .map(|t| t.to_string())
        .collect();
    assert!(front.len() >= 10, "{seeded:?}");
    assert_eq!(seeded[..front.len()], front[..], "{seeded:?}");

    let reply = app
        .put("/magemu/next-ids", "", &json!({ "sales_order": 500 }))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(names().await, seeded, "moved where it stands");
    assert_eq!(app.create_order(&token, order("c@example.com")).await, 500);

    let (status, body) = call(&app, reqwest::Method::POST, "/magemu/reset", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(names().await, seeded, "the seed's order again");
    let invoice = app
        .invoice(&token, 3, &json!({ "capture": true, "notify": true }))
        .await;
    assert_eq!((invoice.status, invoice.body), (StatusCode::OK, json!("3")));
}

/// A sales sequence moves no further than Magento's `int(10) unsigned` `sequence_value`: past
/// it the request is refused and nothing moves (at `i64::MAX` the next invoice panicked the
/// writer, the next order answered 500); at it, the documents are numbered and saved.
#[tokio::test]
async fn sequences_move_no_further_than_magentos_sequence_column() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    for (name, next) in [
        ("sequence_invoice_1", i64::MAX),
        ("sequence_order_1", i64::MAX),
        ("sequence_shipment_1", 4_294_967_296),
        ("sequence_creditmemo_1", 4_294_967_296),
    ] {
        let reply = app
            .put("/magemu/next-ids", "", &json!({ name: next }))
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({ "message": format!(
                    "The next number of {name} must be at most 4294967295: Magento's sequence \
                     tables count in an int(10) unsigned column."
                ) })
            )
        );
    }
    assert_eq!(app.snapshot().await, before, "a refused move moves nothing");

    let reply = app
        .put(
            "/magemu/next-ids",
            "",
            &json!({ "sequence_invoice_1": 4_294_967_295i64, "sequence_order_1": 4_294_967_295i64 }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let invoice = app.invoice(&token, 3, &json!({ "capture": true })).await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    let id = invoice.body.as_str().unwrap();
    let read = app.get(&format!("/rest/V1/invoices/{id}"), &token).await;
    assert_eq!(read.body["increment_id"], json!("4294967295"));
    let order = app.create_order(&token, order("big@example.com")).await;
    let read = app.get(&format!("/rest/V1/orders/{order}"), &token).await;
    assert_eq!(read.body["increment_id"], json!("4294967295"));
}
