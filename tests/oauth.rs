//! The store's integration: calls signed with OAuth 1.0a (HMAC-SHA256, as Magento 2.4.4+ takes
//! them) with its consumer key and access token, each of the checks' refusals, and its access
//! token as a bearer token where `oauth/consumer/enable_integration_as_bearer` allows it.
//!
//! The signatures here are made as RFC 5849 and the clients that follow it make them (the
//! query's pairs decoded, percent-encoded again, sorted), not by magemu's code.

use crate::common;

use base64::Engine;
use common::{spawn_app, TestApp};
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;

const CONSUMER_KEY: &str = "magemuintegrationconsumerkey0001";
const CONSUMER_SECRET: &str = "magemuintegrationconsumersecret1";
const ACCESS_TOKEN: &str = "magemuintegrationaccesstoken0001";
const TOKEN_SECRET: &str = "magemuintegrationtokensecret0001";

/// RFC 3986 percent-encoding, as OAuth 1.0a wants it.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The protocol parameters of one signed call; each test changes what it needs.
#[derive(Clone)]
struct Oauth {
    consumer_key: String,
    consumer_secret: String,
    token: String,
    token_secret: String,
    method: String,
    timestamp: String,
    nonce: String,
    version: Option<String>,
    /// Left out of the header (not of the signature's parameters).
    omit: Vec<&'static str>,
}

impl Oauth {
    fn new() -> Self {
        Oauth {
            consumer_key: CONSUMER_KEY.into(),
            consumer_secret: CONSUMER_SECRET.into(),
            token: ACCESS_TOKEN.into(),
            token_secret: TOKEN_SECRET.into(),
            method: "HMAC-SHA256".into(),
            timestamp: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
                .to_string(),
            nonce: format!("{:032x}", rand::random::<u128>()),
            version: Some("1.0".into()),
            omit: Vec::new(),
        }
    }

    /// The `Authorization` header for `method url` (its query signed, a JSON body not).
    fn header(&self, method: &Method, url: &str) -> String {
        let parsed = reqwest::Url::parse(url).unwrap();
        let mut oauth: Vec<(String, String)> = vec![
            ("oauth_consumer_key".into(), self.consumer_key.clone()),
            ("oauth_nonce".into(), self.nonce.clone()),
            ("oauth_signature_method".into(), self.method.clone()),
            ("oauth_timestamp".into(), self.timestamp.clone()),
            ("oauth_token".into(), self.token.clone()),
        ];
        if let Some(v) = &self.version {
            oauth.push(("oauth_version".into(), v.clone()));
        }
        let mut params: Vec<(String, String)> = oauth
            .iter()
            .chain(
                parsed
                    .query_pairs()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .map(|(k, v)| (enc(k), enc(v)))
            .collect();
        params.sort();
        let joined: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let base_url = format!(
            "{}://{}{}",
            parsed.scheme(),
            &url[parsed.scheme().len() + 3..].split('/').next().unwrap(),
            parsed.path()
        );
        let base = format!(
            "{}&{}&{}",
            method.as_str(),
            enc(&base_url),
            enc(&joined.join("&"))
        );
        let key = format!("{}&{}", enc(&self.consumer_secret), enc(&self.token_secret));
        let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
        mac.update(base.as_bytes());
        let signature =
            base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
        oauth.push(("oauth_signature".into(), signature));
        let pieces: Vec<String> = oauth
            .iter()
            .filter(|(k, _)| !self.omit.contains(&k.as_str()))
            .map(|(k, v)| format!("{k}=\"{}\"", enc(v)))
            .collect();
        format!("OAuth {}", pieces.join(", "))
    }
}

/// `method path` signed with `oauth`, with a JSON body when given.
async fn signed(
    app: &TestApp,
    oauth: &Oauth,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> common::Reply {
    let url = app.url(path);
    let header = oauth.header(&method, &url);
    signed_with(app, method, path, &header, body).await
}

async fn signed_with(
    app: &TestApp,
    method: Method,
    path: &str,
    header: &str,
    body: Option<Value>,
) -> common::Reply {
    let mut req = app
        .client
        .request(method, app.url(path))
        .header(reqwest::header::AUTHORIZATION, header);
    if let Some(body) = body {
        req = req
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
    }
    TestApp::reply(req.send().await.unwrap()).await
}

#[tokio::test]
async fn signed_calls_act_as_the_integration() {
    let app = spawn_app().await;
    let admin = app.token().await;
    // A read, as the admin reads it.
    let order = signed(&app, &Oauth::new(), Method::GET, "/rest/V1/orders/3", None).await;
    assert_eq!(order.status, StatusCode::OK, "{:?}", order.body);
    assert_eq!(order.body, app.get("/rest/V1/orders/3", &admin).await.body);
    // The query is signed: searchCriteria brackets, a store code, index.php.
    for path in [
        "/rest/default/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=increment_id&searchCriteria[filter_groups][0][filters][0][value]=000000003&fields=items[entity_id],total_count",
        "/index.php/rest/all/V1/orders?searchCriteria[pageSize]=1&searchCriteria[currentPage]=1&fields=total_count",
    ] {
        let list = signed(&app, &Oauth::new(), Method::GET, path, None).await;
        assert_eq!(list.status, StatusCode::OK, "{path}: {:?}", list.body);
    }
    // A write with a JSON body (not signed): the tutorial's invoice.
    let invoice = signed(
        &app,
        &Oauth::new(),
        Method::POST,
        "/rest/default/V1/order/3/invoice",
        Some(json!({"capture": true, "notify": true})),
    )
    .await;
    assert_eq!((invoice.status, invoice.body), (StatusCode::OK, json!("3")));
    // Its own route shows the caller's ACL: every resource.
    let schema = signed(
        &app,
        &Oauth::new(),
        Method::GET,
        "/rest/all/schema?services=all",
        None,
    )
    .await;
    assert_eq!(schema.status, StatusCode::OK);
    assert_eq!(
        schema.body["paths"].as_object().map(|p| p.len()),
        app.get("/rest/all/schema?services=all", &admin).await.body["paths"]
            .as_object()
            .map(|p| p.len())
    );
    // A `self` route: the integration is no customer (the forced customerId is missing).
    let me = signed(
        &app,
        &Oauth::new(),
        Method::GET,
        "/rest/V1/customers/me",
        None,
    )
    .await;
    assert_eq!(
        (me.status, me.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "customerId"}})
        )
    );
}

#[tokio::test]
async fn each_check_refuses_as_magento_does() {
    let app = spawn_app().await;
    let before = app.snapshot().await;
    let path = "/rest/V1/order/3/invoice";
    let body = Some(json!({}));
    let post = |oauth: Oauth| {
        let app = &app;
        let body = body.clone();
        async move { signed(app, &oauth, Method::POST, path, body).await }
    };
    let refused = |status: StatusCode, body: Value| (status, body);
    let input = |body: Value| refused(StatusCode::BAD_REQUEST, body);
    let auth = |message: &str| refused(StatusCode::UNAUTHORIZED, json!({ "message": message }));

    let cases: Vec<(Oauth, (StatusCode, Value))> = vec![
        (
            Oauth {
                version: Some("1.1".into()),
                ..Oauth::new()
            },
            input(
                json!({"message": "The \"%1\" Oauth version isn't supported.", "parameters": ["1.1"]}),
            ),
        ),
        (
            Oauth {
                omit: vec!["oauth_nonce"],
                ..Oauth::new()
            },
            input(
                json!({"message": "\"%fieldName\" is required. Enter and try again.",
                         "parameters": {"fieldName": "oauth_nonce"}}),
            ),
        ),
        (
            Oauth {
                omit: vec!["oauth_signature", "oauth_token"],
                ..Oauth::new()
            },
            input(
                json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "oauth_signature"}},
                {"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "oauth_token"}}]}),
            ),
        ),
        (
            Oauth {
                token: "short".into(),
                ..Oauth::new()
            },
            input(
                json!({"message": "The token length is invalid. Check the length and try again."}),
            ),
        ),
        (
            Oauth {
                method: "HMAC-SHA1".into(),
                ..Oauth::new()
            },
            input(
                json!({"message": "Signature method %1 is not supported", "parameters": ["HMAC-SHA1"]}),
            ),
        ),
        (
            Oauth {
                consumer_key: "short".into(),
                ..Oauth::new()
            },
            auth("Consumer key is not the correct length"),
        ),
        (
            Oauth {
                consumer_key: "x".repeat(32),
                ..Oauth::new()
            },
            auth("A consumer having the specified key does not exist"),
        ),
        (
            Oauth {
                timestamp: "9999999999".into(),
                ..Oauth::new()
            },
            auth("An error occurred validating the nonce"),
        ),
        (
            Oauth {
                token: "y".repeat(32),
                ..Oauth::new()
            },
            auth("Specified token does not exist"),
        ),
        (
            Oauth {
                consumer_secret: "wrong".into(),
                ..Oauth::new()
            },
            auth("The signature is invalid. Verify and try again."),
        ),
        (
            Oauth {
                token_secret: "wrong".into(),
                ..Oauth::new()
            },
            auth("The signature is invalid. Verify and try again."),
        ),
    ];
    for (oauth, expected) in cases {
        let reply = post(oauth).await;
        assert_eq!((reply.status, reply.body), expected);
    }
    // A nonce is used once, even by a call whose signature then failed; an old timestamp is
    // no refusal.
    let once = Oauth {
        timestamp: "1000".into(),
        ..Oauth::new()
    };
    let first = signed(
        &app,
        &once,
        Method::GET,
        "/rest/V1/orders/3?fields=entity_id",
        None,
    )
    .await;
    assert_eq!(
        (first.status, first.body),
        (StatusCode::OK, json!({"entity_id": 3}))
    );
    let again = signed(
        &app,
        &once,
        Method::GET,
        "/rest/V1/orders/3?fields=entity_id",
        None,
    )
    .await;
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The nonce is already being used by the consumer with ID %1", "parameters": ["1"]})
        )
    );
    // A signature over another URL (the query changed after signing).
    let oauth = Oauth::new();
    let header = oauth.header(&Method::GET, &app.url("/rest/V1/orders/3?fields=entity_id"));
    let tampered = signed_with(
        &app,
        Method::GET,
        "/rest/V1/orders/3?fields=state",
        &header,
        None,
    )
    .await;
    assert_eq!(
        (tampered.status, tampered.body),
        auth("The signature is invalid. Verify and try again.")
    );
    // No refusal wrote anything.
    assert_eq!(app.snapshot().await, before);
    // An anonymous route answers whatever the header holds, until the service asks who the
    // caller is (a sign-up choosing its group asks for Magento_Customer::manage).
    let bad = || Oauth {
        consumer_secret: "wrong".into(),
        ..Oauth::new()
    };
    let country = signed(
        &app,
        &bad(),
        Method::GET,
        "/rest/V1/directory/countries/US",
        None,
    )
    .await;
    assert_eq!(country.status, StatusCode::OK, "{:?}", country.body);
    let customer = |email: &str, group: Option<i64>| {
        let mut c = json!({"email": email, "firstname": "Oa", "lastname": "Uth"});
        if let Some(g) = group {
            c["group_id"] = json!(g);
        }
        Some(json!({"customer": c, "password": "Password1"}))
    };
    let asked = signed(
        &app,
        &bad(),
        Method::POST,
        "/rest/V1/customers",
        customer("oauth.asked@example.com", Some(1)),
    )
    .await;
    assert_eq!(
        (asked.status, asked.body),
        auth("The signature is invalid. Verify and try again.")
    );
    let chosen = signed(
        &app,
        &Oauth::new(),
        Method::POST,
        "/rest/V1/customers",
        customer("oauth.chosen@example.com", Some(2)),
    )
    .await;
    assert_eq!(chosen.status, StatusCode::OK, "{:?}", chosen.body);
    assert_eq!(chosen.body["group_id"], json!(2));
    let unasked = signed(
        &app,
        &bad(),
        Method::POST,
        "/rest/V1/customers",
        customer("oauth.unasked@example.com", None),
    )
    .await;
    assert_eq!(unasked.status, StatusCode::OK, "{:?}", unasked.body);
}

#[tokio::test]
async fn the_access_token_is_a_bearer_token_only_where_the_setting_allows_it() {
    let app = spawn_app().await;
    let off = app
        .get("/rest/V1/orders/3?fields=entity_id", ACCESS_TOKEN)
        .await;
    assert_eq!(
        (off.status, off.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                   "parameters": {"resources": "Magento_Sales::actions_view"}})
        )
    );
    let set = app
        .put(
            "/magemu/config",
            "",
            &json!({"oauth/consumer/enable_integration_as_bearer": true}),
        )
        .await;
    assert_eq!(set.status, StatusCode::OK, "{:?}", set.body);
    let on = app
        .get("/rest/V1/orders/3?fields=entity_id", ACCESS_TOKEN)
        .await;
    assert_eq!(
        (on.status, on.body),
        (StatusCode::OK, json!({"entity_id": 3}))
    );
}

#[tokio::test]
async fn an_asynchronous_call_runs_as_the_integration() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let reply = signed(
        &app,
        &Oauth::new(),
        Method::POST,
        "/rest/async/V1/orders/3/comments",
        Some(json!({"statusHistory": {"comment": "From the ERP"}})),
    )
    .await;
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{:?}", reply.body);
    let uuid = reply.body["bulk_uuid"].as_str().unwrap().to_owned();
    let mut status = Value::Null;
    for _ in 0..500 {
        status = app
            .get(&format!("/rest/V1/bulk/{uuid}/detailed-status"), &admin)
            .await
            .body;
        if status["operations_list"][0]["status"] != 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(status["operations_list"][0]["status"], 1, "{status}");
    let comments = app.get("/rest/V1/orders/3/comments", &admin).await.body;
    assert_eq!(comments["items"][0]["comment"], "From the ERP");
    let (user_type, user_id): (i64, i64) =
        sqlx::query_as("SELECT user_type, user_id FROM magento_bulk WHERE uuid = ?")
            .bind(&uuid)
            .fetch_one(&app.state.db.read)
            .await
            .unwrap();
    assert_eq!((user_type, user_id), (1, 1));
}
