//! Test helpers: the real app on a fresh database, served on a random port, driven over HTTP.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use magemu::config::Seed;
use magemu::{app, AppState, Config};
use reqwest::StatusCode;
use serde_json::{Map, Value};
use sqlx::{Column, Row};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const ADMIN: (&str, &str) = ("admin", "admin123");

/// A running magemu and a client for it.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub state: AppState,
    pub db_path: PathBuf,
    _dir: Option<tempfile::TempDir>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
}

/// A reply: status and JSON body (`Value::Null` when the body is not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub body: Value,
    pub content_type: Option<String>,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// A header of the reply as text (names compare without case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The app on a fresh database with the tutorial seed.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The app on a fresh database, with the config adjusted by `tweak`.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("magemu.db");
    let mut app = start(&path, tweak).await;
    app._dir = Some(dir);
    app
}

/// The app on the database file at `path` (kept between runs by the caller).
pub async fn spawn_app_at(path: &Path) -> TestApp {
    start(path, |_| {}).await
}

async fn start(path: &Path, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = Config::for_database(&format!("sqlite://{}", path.display()));
    config.seed = Seed::Tutorial;
    tweak(&mut config);
    let state = AppState::open(config).await.expect("open app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = oneshot::channel::<()>();
    let router = app(state.clone());
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = stopped.await;
        })
        .await
        .expect("serve");
    });
    TestApp {
        base: format!("http://{addr}"),
        client: reqwest::Client::new(),
        state,
        db_path: path.to_owned(),
        _dir: None,
        stop: Some(stop),
        server: Some(server),
    }
}

/// The app on the world of the tutorial's step 2 (`--seed tutorial-start`): the three Luma
/// products at 100 on the `default` source, its sources, stock and links still to be created.
pub async fn spawn_luma_app() -> TestApp {
    spawn_app_with(|c| c.seed = Seed::TutorialStart).await
}

/// A fixture from tests/fixtures.
pub fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `v` without the given top-level keys (timestamps).
pub fn without(v: &Value, keys: &[&str]) -> Value {
    let mut v = v.clone();
    if let Some(map) = v.as_object_mut() {
        for k in keys {
            map.shift_remove(*k);
        }
    }
    v
}

/// The keys of a JSON object, in order.
pub fn keys(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn reply(resp: reqwest::Response) -> Reply {
        let status = resp.status();
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            body,
            content_type,
            headers,
        }
    }

    /// Sends a request with an optional token, content type and raw body.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&str>,
        body: Option<String>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(ct) = content_type {
            req = req.header(reqwest::header::CONTENT_TYPE, ct);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        Self::reply(req.send().await.expect("request")).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.send(reqwest::Method::GET, path, Some(token), None, None)
            .await
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.send(
            reqwest::Method::POST,
            path,
            Some(token),
            Some("application/json"),
            Some(body.to_string()),
        )
        .await
    }

    /// The store integration's access token as a bearer token, once this has turned
    /// `oauth/consumer/enable_integration_as_bearer` on.
    pub async fn integration_bearer(&self) -> &'static str {
        let set = self
            .put(
                "/magemu/config",
                "",
                &serde_json::json!({"oauth/consumer/enable_integration_as_bearer": true}),
            )
            .await;
        assert_eq!(set.status, reqwest::StatusCode::OK, "{:?}", set.body);
        "magemuintegrationaccesstoken0001"
    }

    pub async fn put(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.send(
            reqwest::Method::PUT,
            path,
            Some(token),
            Some("application/json"),
            Some(body.to_string()),
        )
        .await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.send(reqwest::Method::DELETE, path, Some(token), None, None)
            .await
    }

    /// `POST` without a token (the anonymous routes).
    pub async fn post_anonymous(&self, path: &str, body: &Value) -> Reply {
        self.send(
            reqwest::Method::POST,
            path,
            None,
            Some("application/json"),
            Some(body.to_string()),
        )
        .await
    }

    /// A customer token for `username`/`password` (`POST /V1/integration/customer/token`).
    pub async fn customer_token(&self, username: &str, password: &str) -> String {
        let body = serde_json::json!({ "username": username, "password": password });
        let reply = self
            .post_anonymous("/rest/default/V1/integration/customer/token", &body)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        reply.body.as_str().expect("token string").to_owned()
    }

    /// Jane's (`jdoe@example.com`, the seed's customer) token, with a new cart holding `qty`
    /// of `sku`.
    pub async fn jane_with_cart(&self, sku: &str, qty: i64) -> String {
        let jane = self.customer_token("jdoe@example.com", "Password1").await;
        self.post("/rest/V1/carts/mine", &jane, &serde_json::json!({}))
            .await;
        let added = self
            .post(
                "/rest/V1/carts/mine/items",
                &jane,
                &serde_json::json!({"cartItem": {"sku": sku, "qty": qty}}),
            )
            .await;
        assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
        jane
    }

    /// `POST /V1/integration/admin/token` with the given credentials.
    pub async fn login(&self, username: &str, password: &str) -> Reply {
        let body = serde_json::json!({ "username": username, "password": password });
        self.send(
            reqwest::Method::POST,
            "/rest/V1/integration/admin/token",
            None,
            Some("application/json"),
            Some(body.to_string()),
        )
        .await
    }

    /// A valid admin token.
    pub async fn token(&self) -> String {
        let reply = self.login(ADMIN.0, ADMIN.1).await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        reply.body.as_str().expect("token string").to_owned()
    }

    /// `POST /rest/default/V1/order/{id}/invoice`.
    pub async fn invoice(&self, token: &str, order_id: i64, body: &Value) -> Reply {
        self.post(
            &format!("/rest/default/V1/order/{order_id}/invoice"),
            token,
            body,
        )
        .await
    }

    /// The id the next order line will get (the largest so far, plus one), as a client of
    /// Magento works out the `parent_item_id` of a child line it imports with its parent: the
    /// import stores that number as an item id.
    pub async fn next_order_item_id(&self, token: &str) -> i64 {
        let r = self
            .get(
                "/rest/V1/orders/items?searchCriteria[sortOrders][0][field]=item_id&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=1",
                token,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        r.body["items"][0]["item_id"].as_i64().unwrap_or(0) + 1
    }

    /// Creates an order through `POST /V1/orders` and returns its id. An entity without a
    /// billing address or a payment gets a plain one of each (Magento 2.4.9 saves no order
    /// without them: `OrderRepositoryPlugin`, `sales_order_save_before`).
    pub async fn create_order(&self, token: &str, mut entity: Value) -> i64 {
        if let Some(map) = entity.as_object_mut() {
            map.entry("billing_address").or_insert_with(|| {
                serde_json::json!({"firstname": "Test", "lastname": "Buyer",
                    "street": ["1 Main St"], "city": "Austin", "postcode": "78701",
                    "country_id": "US", "telephone": "1"})
            });
            map.entry("payment")
                .or_insert_with(|| serde_json::json!({"method": "checkmo"}));
            // The addresses take it, and their save wants one (`Order\Address\Validator`).
            map.entry("customer_email")
                .or_insert_with(|| serde_json::json!("buyer@example.com"));
        }
        let reply = self
            .post(
                "/rest/V1/orders",
                token,
                &serde_json::json!({ "entity": entity }),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        reply.body["entity_id"].as_i64().expect("entity_id")
    }

    pub async fn salable(&self, token: &str, sku: &str, stock: i64) -> Value {
        let r = self
            .get(
                &format!("/rest/V1/inventory/get-product-salable-quantity/{sku}/{stock}"),
                token,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        r.body
    }

    /// Every row of the tables a write can touch, as JSON: compare before and after a refused
    /// request to prove nothing changed.
    pub async fn snapshot(&self) -> Value {
        let tables = [
            "sales_order",
            "sales_order_item",
            "sales_order_address",
            "sales_order_payment",
            "sales_order_status_history",
            "sales_invoice",
            "sales_invoice_item",
            "sales_invoice_comment",
            "sales_shipment",
            "sales_shipment_item",
            "sales_shipment_track",
            "sales_shipment_comment",
            "inventory_shipment_source",
            "sales_creditmemo",
            "sales_creditmemo_item",
            "sales_creditmemo_comment",
            "sales_payment_transaction",
            "sales_sequence",
            "inventory_source",
            "inventory_stock",
            "inventory_stock_sales_channel",
            "inventory_source_stock_link",
            "inventory_source_item",
            "inventory_reservation",
            "inventory_low_stock_notification_configuration",
            "inventory_source_carrier_link",
            "cataloginventory_stock_item",
            "catalog_product_entity",
            "catalog_product_website",
            "catalog_category_product",
            "catalog_category_entity",
            "downloadable_link",
            "downloadable_sample",
            "customer_entity",
            "customer_address_entity",
            "quote",
            "quote_item",
            "quote_address",
            "salesrule",
            "salesrule_website",
            "salesrule_customer_group",
            "salesrule_label",
            "salesrule_coupon",
            "salesrule_coupon_usage",
            "salesrule_customer",
            "magemu_outbox",
            "sqlite_sequence",
        ];
        let mut out = Map::new();
        for table in tables {
            // The counters by table: the order of their rows is `db::counters`' (a restart may
            // move one), not state.
            let order = if table == "sqlite_sequence" {
                " ORDER BY name"
            } else {
                ""
            };
            let rows = sqlx::query(&format!("SELECT * FROM {table}{order}"))
                .fetch_all(&self.state.db.read)
                .await
                .expect("snapshot query");
            let rows: Vec<Value> = rows
                .iter()
                .map(|row| {
                    let mut m = Map::new();
                    for (i, col) in row.columns().iter().enumerate() {
                        let v = row
                            .try_get::<Option<i64>, _>(i)
                            .map(|v| v.map(Value::from).unwrap_or(Value::Null))
                            .or_else(|_| {
                                row.try_get::<Option<String>, _>(i)
                                    .map(|v| v.map(Value::from).unwrap_or(Value::Null))
                            })
                            .unwrap_or(Value::Null);
                        m.insert(col.name().to_owned(), v);
                    }
                    Value::Object(m)
                })
                .collect();
            out.insert(table.to_owned(), Value::Array(rows));
        }
        Value::Object(out)
    }

    /// Stops the server (in-flight requests finish) and closes the database.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
        self.state.db.close().await;
    }
}
