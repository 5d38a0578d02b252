//! Replies as the `Accept` header asks: JSON, XML (Magento's `Renderer\Xml`), and the error
//! page of a header no renderer takes (see `src/http/accept.rs`).

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Status, content type and body text of a request sent with `accept` (`None`: no header),
/// its body JSON.
async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    accept: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, String, String) {
    let body = body.map(|b| ("application/json", b.to_string()));
    call_with(app, method, path, token, accept, body).await
}

/// [`call`] with a body of any content type.
async fn call_with(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    accept: Option<&str>,
    body: Option<(&str, String)>,
) -> (StatusCode, String, String) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(accept) = accept {
        req = req.header(reqwest::header::ACCEPT, accept);
    }
    if let Some((content_type, body)) = body {
        req = req
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body);
    }
    let resp = req.send().await.expect("request");
    let status = resp.status();
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, content_type, resp.text().await.expect("body"))
}

const XML: &str = "application/xml; charset=utf-8";
const JSON: &str = "application/json; charset=utf-8";

#[tokio::test]
async fn replies_in_xml_when_asked() {
    let app = spawn_app().await;
    let token = app.token().await;
    // The invoice's id, as `Renderer\Xml` writes a scalar reply.
    let (status, content_type, body) = call(
        &app,
        Method::POST,
        "/rest/default/V1/order/3/invoice",
        Some(&token),
        Some("application/xml"),
        Some(&json!({"capture": true})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(content_type, XML);
    let id: i64 = body
        .strip_prefix("<?xml version=\"1.0\"?>\n<response>")
        .and_then(|b| b.strip_suffix("</response>\n"))
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{body}"));

    // A document, cut down by `fields`: members in the reply's order, lists as `<item>`,
    // numbers as PHP writes them, `null` empty.
    let path = format!(
        "/rest/default/V1/invoices/{id}?fields=entity_id,order_id,grand_total,subtotal,\
         discount_amount,shipping_amount,total_qty,items[sku,qty,price]"
    );
    let (status, content_type, body) = call(
        &app,
        Method::GET,
        &path,
        Some(&token),
        Some("text/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(content_type, XML);
    let expected = format!(
        r#"<?xml version="1.0"?>
<response>
  <discount_amount>-404.4</discount_amount>
  <entity_id>{id}</entity_id>
  <grand_total>1917.6</grand_total>
  <order_id>3</order_id>
  <shipping_amount>300</shipping_amount>
  <subtotal>2022</subtotal>
  <total_qty>61</total_qty>
  <items>
    <item>
      <price>36</price>
      <sku>24-WB03</sku>
      <qty>20</qty>
    </item>
    <item>
      <price>32</price>
      <sku>24-WB01</sku>
      <qty>40</qty>
    </item>
    <item>
      <price>22</price>
      <sku>240-LV06</sku>
      <qty>1</qty>
    </item>
  </items>
</response>
"#
    );
    assert_eq!(body, expected);
    // The same in JSON, for the same request without the header: the XML holds what it holds.
    let (_, content_type, json_body) =
        call(&app, Method::GET, &path, Some(&token), None, None).await;
    assert_eq!(content_type, JSON);
    let data: Value = serde_json::from_str(&json_body).unwrap();
    assert_eq!(data["grand_total"], json!(1917.6));
    assert_eq!(data["items"].as_array().map(Vec::len), Some(3));
    app.stop().await;
}

#[tokio::test]
async fn which_header_gets_which_renderer() {
    let app = spawn_app().await;
    let token = app.token().await;
    let cases = [
        (None, JSON),
        (Some("*/*"), JSON),
        (Some("application/json"), JSON),
        (Some("application/json, text/plain, */*"), JSON),
        (Some("application/*"), JSON),
        (Some("not a media type"), JSON),
        (Some("application/xml"), XML),
        (Some("text/xml"), XML),
        (Some("application/xhtml+xml"), XML),
        (Some("text/*"), XML),
        (Some("application/json;q=0.5, application/xml"), XML),
        // A browser's.
        (
            Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            XML,
        ),
    ];
    for (accept, content_type) in cases {
        let (status, got, body) = call(
            &app,
            Method::GET,
            "/rest/default/V1/orders/3?fields=entity_id",
            Some(&token),
            accept,
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{accept:?}: {body}");
        assert_eq!(got, content_type, "{accept:?}");
        let expected = if content_type == XML {
            "<?xml version=\"1.0\"?>\n<response>\n  <entity_id>3</entity_id>\n</response>\n"
        } else {
            r#"{"entity_id":3}"#
        };
        assert_eq!(body, expected, "{accept:?}");
    }
    app.stop().await;
}

#[tokio::test]
async fn errors_in_xml() {
    let app = spawn_app().await;
    let token = app.token().await;
    // A service's refusal, with its parameters.
    let (status, content_type, body) = call(
        &app,
        Method::GET,
        "/rest/default/V1/orders/3",
        None,
        Some("application/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(content_type, XML);
    assert_eq!(
        body,
        "<?xml version=\"1.0\"?>\n<response>\n  \
         <message>The consumer isn't authorized to access %resources.</message>\n  \
         <parameters>\n    <resources>Magento_Sales::actions_view</resources>\n  \
         </parameters>\n</response>\n"
    );
    // An input error's list of errors.
    let (status, content_type, body) = call(
        &app,
        Method::POST,
        "/rest/default/V1/orders/3/comments",
        Some(&token),
        Some("application/xml"),
        Some(&json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(content_type, XML);
    assert_eq!(
        body,
        "<?xml version=\"1.0\"?>\n<response>\n  \
         <message>\"%fieldName\" is required. Enter and try again.</message>\n  \
         <parameters>\n    <fieldName>statusHistory</fieldName>\n  </parameters>\n</response>\n"
    );
    // A route that does not exist, and a method that does not: the renderer's too.
    let (status, content_type, body) = call(
        &app,
        Method::GET,
        "/rest/default/V1/nowhere",
        Some(&token),
        Some("text/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(content_type, XML);
    assert_eq!(
        body,
        "<?xml version=\"1.0\"?>\n<response>\n  \
         <message>Request does not match any route.</message>\n</response>\n"
    );
    let (status, content_type, body) = call(
        &app,
        Method::PATCH,
        "/rest/default/V1/orders/3",
        Some(&token),
        Some("text/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(content_type, XML);
    assert_eq!(
        body,
        "<?xml version=\"1.0\"?>\n<response>\n  \
         <message>The PATCH HTTP method is not supported.</message>\n</response>\n"
    );
    app.stop().await;
}

/// No renderer takes `text/html` alone: Magento fails building its front controller, and its
/// bootstrap answers the error page, before it reads the token or runs the service.
#[tokio::test]
async fn a_header_no_renderer_takes_is_the_error_page_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    for (accept, path, method) in [
        (
            "text/html",
            "/rest/default/V1/order/3/invoice",
            Method::POST,
        ),
        ("text/plain", "/rest/default/V1/orders/3", Method::GET),
        ("Application/JSON", "/rest/V1/orders/3", Method::GET),
        ("text/html", "/rest/default/schema", Method::GET),
        (
            "text/html",
            "/rest/default/async/V1/orders/3/comments",
            Method::POST,
        ),
        (
            "image/png, text/html",
            "/rest/default/V1/nowhere",
            Method::PATCH,
        ),
    ] {
        for with_token in [Some(token.as_str()), None] {
            let body = json!({"capture": true});
            let (status, content_type, page) = call(
                &app,
                method.clone(),
                path,
                with_token,
                Some(accept),
                Some(&body),
            )
            .await;
            assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{accept} {path}");
            assert_eq!(content_type, "text/html; charset=UTF-8", "{accept} {path}");
            assert!(
                page.contains("<h1>There has been an error processing your request</h1>")
                    && page.contains("Exception printing is disabled by default")
                    && page.contains("Error log record number: "),
                "{page}"
            );
        }
    }
    assert_eq!(app.snapshot().await, before);
    // Outside the REST area the header means nothing.
    let (status, _, _) = call(
        &app,
        Method::GET,
        "/magemu/health",
        None,
        Some("text/html"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    app.stop().await;
}

/// The status line and body of `POST /rest/V1/orders/3/comments` sent raw with `body`
/// chunked (no length; reqwest always sends one).
async fn chunked(app: &TestApp, token: &str, accept: Option<&str>, body: &str) -> (String, String) {
    let encoded = format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len());
    chunked_raw(app, token, accept, &encoded).await
}

/// [`chunked`] with the chunked encoding as given (`encoded`, sent as it is).
async fn chunked_raw(
    app: &TestApp,
    token: &str,
    accept: Option<&str>,
    encoded: &str,
) -> (String, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let accept = accept
        .map(|a| format!("Accept: {a}\r\n"))
        .unwrap_or_default();
    let mut request = format!(
        "POST /rest/V1/orders/3/comments HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n{accept}\
         Transfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    request.extend_from_slice(encoded.as_bytes());
    // The server may stop reading at the limit and answer: a failed write is no failure.
    let _ = stream.write_all(&request).await;
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply).await;
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let status_line = head.lines().next().unwrap_or_default().to_owned();
    (status_line, body.to_owned())
}

/// A body past the size limit is the web server's 413, answered before Magento picks a
/// renderer: the same reply whatever the `Accept` header (review-45 LOW-5), announced by its
/// length or found while it is read (a chunked body).
#[tokio::test]
async fn the_web_servers_413_comes_before_the_renderer() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let big = json!({"statusHistory": {"comment": "x".repeat(1024 * 1024 + 1)}}).to_string();
    let too_large = (
        StatusCode::PAYLOAD_TOO_LARGE,
        JSON.to_owned(),
        json!({"message": "Request body is too large."}).to_string(),
    );
    for accept in [
        None,
        Some("text/html"),
        Some("application/xml"),
        Some("*/*"),
    ] {
        let announced = call_with(
            &app,
            Method::POST,
            "/rest/V1/orders/3/comments",
            Some(&token),
            accept,
            Some(("application/json", big.clone())),
        )
        .await;
        assert_eq!(announced, too_large, "{accept:?}");
        let (status_line, body) = chunked(&app, &token, accept, &big).await;
        assert!(
            status_line.starts_with("HTTP/1.1 413"),
            "{accept:?}: {status_line}"
        );
        assert_eq!(body, too_large.2, "{accept:?}");
    }
    // A malformed chunk is no body: the extractor's 400, not the 413.
    let (status_line, body) = chunked_raw(&app, &token, None, "zz\r\n{}\r\n0\r\n\r\n").await;
    assert!(status_line.starts_with("HTTP/1.1 400"), "{status_line}");
    assert_eq!(body, json!({"message": "Decoding error."}).to_string());
    assert_eq!(app.snapshot().await, before);
    app.stop().await;
}

#[tokio::test]
async fn the_schema_is_json_and_the_async_reply_is_rendered() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (status, content_type, body) = call(
        &app,
        Method::GET,
        "/rest/default/schema?services=salesInvoiceRepositoryV1",
        None,
        Some("application/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/json");
    let schema: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(schema["swagger"], json!("2.0"));

    let (status, content_type, body) = call(
        &app,
        Method::POST,
        "/rest/default/async/V1/orders/3/comments",
        Some(&token),
        Some("application/xml"),
        Some(&json!({"statusHistory": {"comment": "by XML", "parent_id": 3}})),
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert_eq!(content_type, XML);
    // The bulk's id and the operation's hash vary: blank them, compare the rest whole.
    let blanked: Vec<String> = body
        .lines()
        .map(|line| {
            for tag in ["bulk_uuid", "data_hash"] {
                let open = format!("<{tag}>");
                if let Some(at) = line.find(&open) {
                    return format!("{}{open}..</{tag}>", &line[..at]);
                }
            }
            line.to_owned()
        })
        .collect();
    assert_eq!(
        blanked.join("\n"),
        "<?xml version=\"1.0\"?>\n<response>\n  <bulk_uuid>..</bulk_uuid>\n  \
         <request_items>\n    <item>\n      <id>0</id>\n      <data_hash>..</data_hash>\n      \
         <status>accepted</status>\n    </item>\n  </request_items>\n  <errors>false</errors>\n\
         </response>"
    );
    app.stop().await;
}

/// What libxml2 cannot write makes the renderer fail, as Magento's error handler turns its
/// warning into an exception: a service's reply becomes the renderer's 500, an error's reply
/// `ErrorProcessor`'s.
#[tokio::test]
async fn a_reply_the_renderer_cannot_write() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/orders/3/comments",
            &token,
            &json!({"statusHistory": {"comment": "a\u{1}b"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let (status, content_type, body) = call(
        &app,
        Method::GET,
        "/rest/V1/orders/3/comments",
        Some(&token),
        Some("application/xml"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(content_type, XML);
    let report = body
        .strip_prefix(
            "<?xml version=\"1.0\"?>\n<response>\n  <message>Internal Error. Details are \
             available in Magento log file. Report ID: webapi-",
        )
        .and_then(|rest| rest.strip_suffix("</message>\n</response>\n"));
    assert!(report.is_some_and(|id| id.len() == 13), "{body}");
    // In JSON the same reply is fine.
    let (status, _, _) = call(
        &app,
        Method::GET,
        "/rest/V1/orders/3/comments",
        Some(&token),
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // An error naming what cannot be written: rendered in `sendResponse`, so `ErrorProcessor`.
    let (status, content_type, body) = call(
        &app,
        Method::POST,
        "/rest/V1/orders/3/comments",
        Some(&token),
        Some("application/xml"),
        Some(&json!({"statusHistory": {"comment": "x", "f\u{1}": 1}})),
    )
    .await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(content_type, "application/xml; charset=UTF-8");
    assert!(
        body.starts_with(
            "<?xml version=\"1.0\"?><error><messages><error><data_item><code>500</code>\
             <message><![CDATA[Internal Error. Details are available in Magento log file."
        ),
        "{body}"
    );
    app.stop().await;
}

/// An `Accept` header of hundreds of kilobytes is read in one pass (it used to take seconds of
/// CPU before the token was even looked at).
#[tokio::test]
async fn a_huge_accept_header() {
    let app = spawn_app().await;
    let token = app.token().await;
    let quotes = "\"\\".repeat(150_000);
    let types: String = (0..12_000).map(|i| format!("a/{i};q=0.{i},")).collect();
    for accept in [quotes.as_str(), types.as_str()] {
        let (status, content_type, body) = call(
            &app,
            Method::GET,
            "/rest/V1/orders/3?fields=entity_id",
            Some(&token),
            Some(accept),
            None,
        )
        .await;
        if accept.starts_with('"') {
            // Nothing Magento can read: JSON.
            assert_eq!(
                (status, content_type.as_str()),
                (StatusCode::OK, JSON),
                "{body}"
            );
        } else {
            // Types no renderer takes.
            assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
    app.stop().await;
}

/// Request bodies in XML (`Content-Type: application/xml`), as `Deserializer\Xml` reads them:
/// the root element's children are the parameters, lists are repeated `item` elements.
#[tokio::test]
async fn request_bodies_in_xml() {
    let app = spawn_app().await;
    let send = |path: &'static str, token: Option<String>, xml: &'static str| {
        let app = &app;
        async move {
            let body = Some(("application/xml", xml.to_owned()));
            call_with(app, Method::POST, path, token.as_deref(), None, body).await
        }
    };
    let (status, _, token) = send(
        "/rest/V1/integration/admin/token",
        None,
        "<?xml version=\"1.0\"?><request><username>admin</username>\
         <password>admin123</password></request>",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{token}");
    let token: String = serde_json::from_str(&token).expect("a JSON string");

    let before = app.snapshot().await;
    // Each refused: nothing written.
    let refusals = [
        // Not XML.
        (
            "<request><capture>1</capture>",
            StatusCode::BAD_REQUEST,
            r#"{"message":"Decoding error."}"#,
        ),
        // A DTD.
        (
            "<!DOCTYPE r [<!ENTITY e \"x\">]><r><capture>&e;</capture></r>",
            StatusCode::BAD_REQUEST,
            r#"{"message":"Decoding error."}"#,
        ),
        // A text before an element: PHP's Error in `Xml\Parser`, the bootstrap's plain 500.
        (
            "<request>text<capture>1</capture></request>",
            StatusCode::INTERNAL_SERVER_ERROR,
            "An error has happened during application run. See exception log for details.\n",
        ),
    ];
    for (xml, status, body) in refusals {
        let (got, _, text) = send("/rest/V1/order/3/invoice", Some(token.clone()), xml).await;
        assert_eq!((got, text.as_str()), (status, body), "{xml}");
    }
    assert_eq!(app.snapshot().await, before);

    // Values are text, read as JSON strings are; a list is its `item` elements.
    let (status, _, id) = send(
        "/rest/V1/order/3/invoice",
        Some(token.clone()),
        "<request><capture>true</capture><items><item><order_item_id>5</order_item_id>\
         <qty>1</qty></item></items><comment><comment>By XML &amp; co</comment>\
         <is_visible_on_front>1</is_visible_on_front></comment></request>",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{id}");
    let id: String = serde_json::from_str(&id).expect("the invoice id");
    let invoice = app.get(&format!("/rest/V1/invoices/{id}"), &token).await;
    assert_eq!(invoice.body["total_qty"], json!(1));
    assert_eq!(invoice.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(invoice.body["comments"][0]["comment"], json!("By XML & co"));
    assert_eq!(invoice.body["comments"][0]["is_visible_on_front"], json!(1));

    // Through the async entry too: scheduled, then run as its JSON.
    let (status, _, reply) = send(
        "/rest/async/V1/orders/3/comments",
        Some(token.clone()),
        "<request><statusHistory><comment>Scheduled in XML</comment></statusHistory></request>",
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{reply}");
    let mut comments = Value::Null;
    for _ in 0..50 {
        comments = app.get("/rest/V1/orders/3/comments", &token).await.body;
        let found = comments["items"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["comment"] == json!("Scheduled in XML")));
        if found {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        comments["items"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["comment"] == json!("Scheduled in XML"))),
        "{comments}"
    );
    // `text/xml` has no deserializer.
    let r = app
        .send(
            Method::POST,
            "/rest/V1/orders/3/comments",
            Some(&token),
            Some("text/xml"),
            Some("<r/>".into()),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.body,
        json!({"message": "Server cannot understand Content-Type HTTP header media type text/xml"})
    );
    app.stop().await;
}
