//! The emulated clock (`/magemu/clock`, `--clock`, `magemu clock ...`): every timestamp magemu
//! writes follows it, and so does token expiry; reset and snapshots leave it alone.

use crate::common;

use common::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

const T: &str = "2020-07-23 16:59:20";

async fn control(
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

async fn set_clock(app: &TestApp, body: Value) -> Value {
    let (status, reply) = control(app, reqwest::Method::PUT, "/magemu/clock", Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    reply
}

async fn clock(app: &TestApp) -> Value {
    control(app, reqwest::Method::GET, "/magemu/clock", None)
        .await
        .1
}

fn order(email: &str, method: &str) -> Value {
    json!({"customer_email": email, "customer_firstname": "Ann", "customer_lastname": "Lee",
        "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 32}],
        "billing_address": {"firstname": "Ann", "lastname": "Lee", "street": ["1 Main St"],
            "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
        "payment": {"method": method}})
}

fn id_of(reply: &common::Reply) -> i64 {
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body.as_str().expect("id").parse().expect("number")
}

/// An order invoiced (captured online), shipped and refunded; the ids of the order and its
/// documents.
async fn documents(app: &TestApp, token: &str) -> (i64, i64, i64, i64) {
    let id = app
        .create_order(token, order("ann@example.com", "braintree"))
        .await;
    let invoice = id_of(&app.invoice(token, id, &json!({"capture": true})).await);
    let ship = app
        .post(
            &format!("/rest/V1/order/{id}/ship"),
            token,
            &json!({"arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    let shipment = id_of(&ship);
    let refund = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            token,
            &json!({}),
        )
        .await;
    let creditmemo = id_of(&refund);
    (id, invoice, shipment, creditmemo)
}

/// Every timestamp of the order and its documents, with where it was read.
async fn stamps(app: &TestApp, token: &str, ids: (i64, i64, i64, i64)) -> Vec<(String, Value)> {
    let (order, invoice, shipment, creditmemo) = ids;
    let mut out = Vec::new();
    let mut keep = |what: &str, v: &Value, keys: &[&str]| {
        for k in keys {
            out.push((format!("{what}.{k}"), v[*k].clone()));
        }
    };
    let o = app
        .get(&format!("/rest/V1/orders/{order}"), token)
        .await
        .body;
    keep("order", &o, &["created_at", "updated_at"]);
    for (n, h) in o["status_histories"]
        .as_array()
        .expect("histories")
        .iter()
        .enumerate()
    {
        keep(&format!("order.status_histories[{n}]"), h, &["created_at"]);
    }
    for (n, i) in o["items"].as_array().expect("items").iter().enumerate() {
        keep(
            &format!("order.items[{n}]"),
            i,
            &["created_at", "updated_at"],
        );
    }
    let i = app
        .get(&format!("/rest/V1/invoices/{invoice}"), token)
        .await
        .body;
    keep("invoice", &i, &["created_at", "updated_at"]);
    let s = app
        .get(&format!("/rest/V1/shipment/{shipment}"), token)
        .await
        .body;
    keep("shipment", &s, &["created_at", "updated_at"]);
    let c = app
        .get(&format!("/rest/V1/creditmemo/{creditmemo}"), token)
        .await
        .body;
    keep("creditmemo", &c, &["created_at", "updated_at"]);
    let t = app
        .get(
            &format!(
                "/rest/V1/transactions?searchCriteria[filterGroups][0][filters][0][field]=order_id&searchCriteria[filterGroups][0][filters][0][value]={order}"
            ),
            token,
        )
        .await
        .body;
    let txns = t["items"].as_array().expect("transactions");
    assert!(!txns.is_empty(), "the online capture's transaction: {t}");
    for (n, txn) in txns.iter().enumerate() {
        keep(&format!("transactions[{n}]"), txn, &["created_at"]);
    }
    out
}

fn parse(stamp: &Value) -> OffsetDateTime {
    let text = stamp
        .as_str()
        .unwrap_or_else(|| panic!("a timestamp: {stamp}"));
    PrimitiveDateTime::parse(
        text,
        format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
    )
    .unwrap_or_else(|e| panic!("{text}: {e}"))
    .assume_utc()
}

#[tokio::test]
async fn a_fixed_clock_stamps_every_new_entity_with_its_time() {
    let app = spawn_app().await;
    assert_eq!(clock(&app).await["mode"], json!("real"));
    let reply = set_clock(&app, json!({"time": T})).await;
    assert_eq!(
        reply,
        json!({"mode": "fixed", "time": T, "rfc3339": "2020-07-23T16:59:20Z",
               "unix": 1_595_523_560})
    );
    let token = app.token().await;
    let ids = documents(&app, &token).await;
    for (what, stamp) in stamps(&app, &token, ids).await {
        assert_eq!(stamp, json!(T), "{what}");
    }

    let customer = app
        .post_anonymous(
            "/rest/V1/customers",
            &json!({"customer": {"email": "new@example.com", "firstname": "New",
                                 "lastname": "Customer"}, "password": "Password1"}),
        )
        .await;
    assert_eq!(customer.status, StatusCode::OK, "{:?}", customer.body);
    assert_eq!(
        (&customer.body["created_at"], &customer.body["updated_at"]),
        (&json!(T), &json!(T))
    );

    // A comment and a cart in the clock too; the request journal keeps real time.
    let commented = app
        .post(
            &format!("/rest/V1/orders/{}/comments", ids.0),
            &token,
            &json!({"statusHistory": {"comment": "later", "is_customer_notified": 0}}),
        )
        .await;
    assert_eq!(commented.status, StatusCode::OK, "{:?}", commented.body);
    let histories = app
        .get(&format!("/rest/V1/orders/{}/comments", ids.0), &token)
        .await
        .body;
    assert!(
        histories["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|h| h["created_at"] == json!(T)),
        "{histories}"
    );
    let (_, journal) = control(&app, reqwest::Method::GET, "/magemu/requests", None).await;
    let year = OffsetDateTime::now_utc().year().to_string();
    assert!(
        journal[0]["time"]
            .as_str()
            .is_some_and(|t| t.starts_with(&year)),
        "{}",
        journal[0]
    );
}

#[tokio::test]
async fn an_offset_clock_shifts_the_stamps_from_real_time() {
    let app = spawn_app().await;
    let reply = set_clock(&app, json!({"offset_seconds": -86_400})).await;
    assert_eq!(reply["mode"], json!("offset"));
    assert_eq!(reply["offset_seconds"], json!(-86_400));
    let token = app.token().await;
    let before = OffsetDateTime::now_utc() - time::Duration::days(1);
    let ids = documents(&app, &token).await;
    let after = OffsetDateTime::now_utc() - time::Duration::days(1);
    let window = before.replace_nanosecond(0).expect("whole")..=after;
    for (what, stamp) in stamps(&app, &token, ids).await {
        assert!(
            window.contains(&parse(&stamp)),
            "{what}: {stamp} not a day ago"
        );
    }
    // Advancing an offset clock adds to the offset; DELETE goes back to real time.
    let reply = set_clock(&app, json!({"advance_seconds": 86_400})).await;
    assert_eq!(
        (&reply["mode"], &reply["offset_seconds"]),
        (&json!("offset"), &json!(0))
    );
    let (status, reply) = control(&app, reqwest::Method::DELETE, "/magemu/clock", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reply["mode"], json!("real"));
    assert!(reply.get("offset_seconds").is_none(), "{reply}");
}

#[tokio::test]
async fn tokens_expire_by_the_clock() {
    let app = spawn_app().await;
    set_clock(&app, json!({"time": T})).await;
    let admin = app.token().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let unauthorized = json!({"message": "The consumer isn't authorized to access %resources.",
                              "parameters": {"resources": "Magento_Sales::actions_view"}});

    // The admin token lives 4 hours, the customer token 1 hour, counted from T.
    set_clock(&app, json!({"advance_seconds": 3599})).await;
    assert_eq!(
        app.get("/rest/V1/orders/3", &admin).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/rest/V1/customers/me", &jane).await.status,
        StatusCode::OK
    );
    set_clock(&app, json!({"advance_seconds": 1})).await;
    let me = app.get("/rest/V1/customers/me", &jane).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        me.body,
        json!({"message": "The consumer isn't authorized to access %resources.",
               "parameters": {"resources": "self"}})
    );
    set_clock(&app, json!({"advance_seconds": 3 * 3600 - 1})).await;
    assert_eq!(
        app.get("/rest/V1/orders/3", &admin).await.status,
        StatusCode::OK
    );
    set_clock(&app, json!({"advance_seconds": 1})).await;
    let expired = app.get("/rest/V1/orders/3", &admin).await;
    assert_eq!(
        (expired.status, &expired.body),
        (StatusCode::UNAUTHORIZED, &unauthorized)
    );

    // Back in 2020 the token is good again; a token issued in 2020 is long expired in real time.
    set_clock(&app, json!({"time": T})).await;
    assert_eq!(
        app.get("/rest/V1/orders/3", &admin).await.status,
        StatusCode::OK
    );
    control(&app, reqwest::Method::DELETE, "/magemu/clock", None).await;
    let real = app.get("/rest/V1/orders/3", &admin).await;
    assert_eq!(
        (real.status, &real.body),
        (StatusCode::UNAUTHORIZED, &unauthorized)
    );
    let fresh = app.token().await;
    assert_eq!(
        app.get("/rest/V1/orders/3", &fresh).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn bad_settings_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let fixed = set_clock(&app, json!({"time": "2020-07-23T18:59:20+02:00"})).await;
    assert_eq!(fixed["time"], json!(T), "RFC 3339, converted to UTC");
    let cases = [
        (
            json!({"time": "yesterday"}),
            "\"time\" must be \"YYYY-MM-DD HH:MM:SS\" (UTC) or RFC 3339, e.g. \"2020-07-23 16:59:20\" or \"2020-07-23T16:59:20Z\"; got \"yesterday\".",
        ),
        (
            json!({}),
            "Give one of \"time\", \"offset_seconds\" or \"advance_seconds\".",
        ),
        (
            json!({"time": T, "offset_seconds": 5}),
            "Give one of \"time\", \"offset_seconds\" or \"advance_seconds\".",
        ),
        (
            json!({"advance_seconds": -1}),
            "\"advance_seconds\" moves the clock forward: it must be 0 or more.",
        ),
        (
            json!({"time": "1960-01-01 00:00:00"}),
            "The clock must stay between 1970-01-01 00:00:00 and 9999-12-31 23:59:59 (UTC).",
        ),
        (
            json!({"offset_seconds": -4_000_000_000_i64}),
            "The clock must stay between 1970-01-01 00:00:00 and 9999-12-31 23:59:59 (UTC).",
        ),
    ];
    for (body, message) in cases {
        let (status, reply) = control(
            &app,
            reqwest::Method::PUT,
            "/magemu/clock",
            Some(body.clone()),
        )
        .await;
        assert_eq!(
            (status, &reply),
            (StatusCode::BAD_REQUEST, &json!({"message": message})),
            "{body}"
        );
        assert_eq!(clock(&app).await, fixed, "{body}");
    }
    for body in [
        json!({"when": T}),
        json!({"offset_seconds": "x"}),
        json!([1]),
    ] {
        let (status, reply) = control(
            &app,
            reqwest::Method::PUT,
            "/magemu/clock",
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(reply["message"].is_string(), "{reply}");
        assert_eq!(clock(&app).await, fixed, "{body}");
    }
}

#[tokio::test]
async fn reset_and_snapshots_leave_the_clock_alone() {
    let app = spawn_app().await;
    set_clock(&app, json!({"time": T})).await;
    let (status, saved) = control(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "in-2020"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(saved["created_at"], json!(T), "stamped by the clock");
    let later = set_clock(&app, json!({"time": "2021-01-01 00:00:00"})).await;
    let (status, _) = control(
        &app,
        reqwest::Method::POST,
        "/magemu/snapshots/in-2020/restore",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(clock(&app).await, later);
    let (status, _) = control(&app, reqwest::Method::POST, "/magemu/reset", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(clock(&app).await, later);
    let token = app.token().await;
    let id = app
        .create_order(&token, order("ann@example.com", "checkmo"))
        .await;
    let created = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(created["created_at"], json!("2021-01-01 00:00:00"));
}

#[tokio::test]
async fn the_clock_flag_starts_the_clock_fixed() {
    let time = OffsetDateTime::from_unix_timestamp(1_595_523_560).expect("time");
    let app = spawn_app_with(|c| c.clock = Some(time)).await;
    assert_eq!(
        clock(&app).await,
        json!({"mode": "fixed", "time": T, "rfc3339": "2020-07-23T16:59:20Z",
               "unix": 1_595_523_560})
    );
    let token = app.token().await;
    let id = app
        .create_order(&token, order("ann@example.com", "checkmo"))
        .await;
    let created = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(created["created_at"], json!(T));

    let refused = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args(["--clock", "soon"])
        .output()
        .await
        .expect("run magemu");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("--clock") && stderr.contains("got \"soon\""),
        "{stderr}"
    );
}

async fn cli(app: &TestApp, args: &[&str]) -> (bool, Value) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args(args)
        .args(["--server", &app.base])
        .output()
        .await
        .expect("run magemu");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (
        out.status.success(),
        serde_json::from_str(stdout.trim()).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn the_clock_subcommands_talk_to_the_server() {
    let app = spawn_app().await;
    let (ok, reply) = cli(&app, &["clock", "set", T]).await;
    assert!(ok, "{reply}");
    assert_eq!(reply["time"], json!(T));
    let (ok, reply) = cli(&app, &["clock", "advance", "60"]).await;
    assert!(ok);
    assert_eq!(reply["time"], json!("2020-07-23 17:00:20"));
    let (ok, reply) = cli(&app, &["clock", "get"]).await;
    assert!(ok);
    assert_eq!(reply["mode"], json!("fixed"));
    let (ok, reply) = cli(&app, &["clock", "offset", "-3600"]).await;
    assert!(ok, "{reply}");
    assert_eq!(reply["offset_seconds"], json!(-3600));
    let (ok, reply) = cli(&app, &["clock", "set", "noon"]).await;
    assert!(!ok, "a refusal fails the command");
    assert!(reply["message"].is_string(), "{reply}");
    let (ok, reply) = cli(&app, &["clock", "reset"]).await;
    assert!(ok);
    assert_eq!(reply["mode"], json!("real"));
}
