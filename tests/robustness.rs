//! Requests an attacker or a careless client sends (issue 7's defects): none may stop the
//! server, leave a pooled connection broken, or change anything.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LIST_ROUTES: [&str; 4] = [
    "/rest/V1/orders",
    "/rest/default/V1/invoices",
    "/rest/V1/shipments",
    "/rest/V1/inventory/source-items",
];

/// Defect 1: 10,000 levels of brackets used to overflow the stack and abort the process. PHP
/// drops a variable nested past `max_input_nesting_level` (64), so searchCriteria is missing.
#[tokio::test]
async fn deeply_nested_search_criteria_is_dropped_as_php_drops_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    let deep = "[]".repeat(10_000);
    for route in LIST_ROUTES {
        let reply = app
            .get(&format!("{route}?searchCriteria{deep}=1"), &token)
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "\"%fieldName\" is required. Enter and try again.",
                       "parameters": {"fieldName": "searchCriteria"}})
            ),
            "{route}"
        );
        // A later, shallow pair still counts.
        let reply = app
            .get(
                &format!("{route}?searchCriteria{deep}=1&searchCriteria[pageSize]=1"),
                &token,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{route}: {:?}", reply.body);
        assert_eq!(
            reply.body["search_criteria"],
            json!({"filter_groups": [], "page_size": 1})
        );
    }
}

/// The `fields` filter nests as deep as it is written; parsing and dropping it must not recurse.
#[tokio::test]
async fn a_deeply_nested_fields_filter_is_harmless() {
    let app = spawn_app().await;
    let token = app.token().await;
    // 20,000 levels: a 60 KB query, near the longest URI the http crate takes (65,534 bytes).
    let levels = 20_000;
    let fields = format!("increment_id,{}{}", "a[".repeat(levels), "]".repeat(levels));
    let reply = app
        .get(&format!("/rest/V1/orders/3?fields={fields}"), &token)
        .await;
    assert_eq!(
        (reply.status, reply.body),
        (StatusCode::OK, json!({"increment_id": "000000003"}))
    );
}

/// Sends raw bytes on a fresh connection and returns the reply's head, lower-cased.
async fn raw_head(addr: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.expect("read");
        assert!(n > 0, "connection closed before a reply");
        head.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&head).to_lowercase()
}

/// Defect 2: a reply sent before the body was read must say that the connection ends.
#[tokio::test]
async fn a_refusal_before_the_body_is_read_closes_the_connection_openly() {
    let app = spawn_app().await;
    let token = app.token().await;
    let addr = app.base.trim_start_matches("http://").to_owned();
    // A bad token, a body announced and never sent: 401 at once, and the connection ends.
    let head = raw_head(
        &addr,
        "POST /rest/V1/order/3/invoice HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n\
         Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n",
    )
    .await;
    assert!(head.starts_with("http/1.1 401"), "{head}");
    assert!(head.contains("\r\nconnection: close\r\n"), "{head}");
    // A body sent whole but never read (no route): the same.
    let body = "x".repeat(100_000);
    let head = raw_head(
        &addr,
        &format!(
            "POST /rest/V1/nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
    .await;
    assert!(head.starts_with("http/1.1 404"), "{head}");
    assert!(head.contains("\r\nconnection: close\r\n"), "{head}");
    // A body the handler reads keeps the connection open, and so does a refusal with no body.
    let payload = "{}";
    let head = raw_head(
        &addr,
        &format!(
            "POST /rest/V1/orders/3/hold HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{payload}",
            payload.len()
        ),
    )
    .await;
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(!head.contains("connection: close"), "{head}");
    let head = raw_head(&addr, "GET /rest/V1/orders/3 HTTP/1.1\r\nHost: x\r\n\r\n").await;
    assert!(head.starts_with("http/1.1 401"), "{head}");
    assert!(!head.contains("connection: close"), "{head}");
}

/// A pooled client sees no failed request when refusals with big bodies come one after another.
#[tokio::test]
async fn a_pooled_client_survives_refusals_with_bodies() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    let body = "y".repeat(100_000);
    for _ in 0..100 {
        let reply = client
            .post(app.url("/rest/V1/order/3/invoice"))
            .bearer_auth("expired-or-wrong")
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .expect("every request gets its reply");
        assert_eq!(reply.status(), StatusCode::UNAUTHORIZED);
    }
}

/// Magento is also reached through index.php: every route answers there as under `/rest`.
#[tokio::test]
async fn routes_answer_under_index_php_too() {
    let app = spawn_app().await;
    let token = app.token().await;
    let direct = app.get("/rest/default/V1/orders/3", &token).await;
    for path in [
        "/index.php/rest/default/V1/orders/3",
        "/index.php/rest/V1/orders/3",
    ] {
        let reply = app.get(path, &token).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::OK, &direct.body),
            "{path}"
        );
    }
    let token_reply = app
        .post(
            "/index.php/rest/V1/integration/admin/token",
            "",
            &json!({"username": "admin", "password": "admin123"}),
        )
        .await;
    assert_eq!(token_reply.status, StatusCode::OK, "{:?}", token_reply.body);
}

/// A document's rows whose ids would pass `i64::MAX` (a table moved there through
/// `PUT /magemu/next-ids`) are not saved, as SQLite's AUTOINCREMENT refuses them: the use case
/// answers its "could not save" error and writes nothing. The ids used to wrap round to
/// negative numbers in a release build.
#[tokio::test]
async fn document_rows_past_the_last_id_are_refused_and_change_nothing() {
    let cases = [
        (
            "sales_invoice_item",
            "/rest/V1/order/3/invoice",
            json!({}),
            "Could not save an invoice, see error log for details",
        ),
        (
            "sales_shipment_item",
            "/rest/V1/order/3/ship",
            json!({}),
            "Could not save a shipment, see error log for details",
        ),
        (
            "sales_shipment_track",
            "/rest/V1/order/3/ship",
            json!({"tracks": [
                {"track_number": "1", "title": "A", "carrier_code": "custom"},
                {"track_number": "2", "title": "B", "carrier_code": "custom"}
            ]}),
            "Could not save a shipment, see error log for details",
        ),
        (
            "sales_invoice",
            "/rest/V1/order/3/invoice",
            json!({}),
            "Could not save an invoice, see error log for details",
        ),
        (
            "sales_invoice_comment",
            "/rest/V1/order/3/invoice",
            json!({"comment": {"comment": "x", "is_visible_on_front": 0}}),
            "Could not save an invoice, see error log for details",
        ),
        (
            "sales_shipment",
            "/rest/V1/order/3/ship",
            json!({}),
            "Could not save a shipment, see error log for details",
        ),
        (
            "sales_creditmemo",
            "/rest/V1/order/3/refund",
            json!({}),
            "Could not save a Creditmemo, see error log for details",
        ),
        (
            "sales_creditmemo_item",
            "/rest/V1/order/3/refund",
            json!({}),
            "Could not save a Creditmemo, see error log for details",
        ),
    ];
    for (table, path, body, message) in cases {
        // The top id for every table (the sum in `next_id_sql` would overflow past it), and one
        // below it for the tables the document writes two rows or more to.
        let several = table.ends_with("_item") || table.ends_with("_track");
        let lasts: &[i64] = if several {
            &[i64::MAX - 1, i64::MAX]
        } else {
            &[i64::MAX]
        };
        for &last in lasts {
            check_last_id(table, last, path, &body, message).await;
        }
    }
}

/// One case of [`document_rows_past_the_last_id_are_refused_and_change_nothing`].
async fn check_last_id(
    table: &str,
    last: i64,
    path: &str,
    body: &serde_json::Value,
    message: &str,
) {
    let app = spawn_app().await;
    let token = app.token().await;
    if path.ends_with("refund") {
        let reply = app.invoice(&token, 3, &json!({})).await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    }
    let reply = app
        .put("/magemu/next-ids", "", &json!({ table: last }))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{table} {last}: {:?}",
        reply.body
    );
    let before = app.snapshot().await;
    let reply = app.post(path, &token, body).await;
    assert_eq!(
        (reply.status, reply.body),
        (StatusCode::BAD_REQUEST, json!({ "message": message })),
        "{table} {last}"
    );
    assert_eq!(app.snapshot().await, before, "{table} {last}");
}

/// Quantities past Magento's `DECIMAL(12,4)` columns: a source item's or an imported order's
/// is stored clipped to 99,999,999.9999, as Magento's MySQL (`SQL_MODE=''`) stores it, so the
/// salable quantity's sums never overflow; a cart line that large is refused and changes
/// nothing. (Each once answered 500 for good: a sum overflowed, or a row total did.)
#[tokio::test]
async fn quantities_past_decimal_12_4_are_clipped_or_refused_and_every_read_still_answers() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/inventory/source-items",
            &token,
            &json!({"sourceItems": [
                {"sku": "24-WB03", "source_code": "ne_wh", "quantity": 900000000000000u64, "status": 1},
                {"sku": "24-WB03", "source_code": "west_wh", "quantity": 900000000000000u64, "status": 1}
            ]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let f = "searchCriteria[filter_groups][0][filters][0]";
    let r = app
        .get(
            &format!("/rest/V1/inventory/source-items?{f}[field]=sku&{f}[value]=24-WB03"),
            &token,
        )
        .await;
    let clipped: Vec<_> = r.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["source_code"] == "ne_wh" || i["source_code"] == "west_wh")
        .map(|i| i["quantity"].clone())
        .collect();
    assert_eq!(clipped, [json!(99999999.9999), json!(99999999.9999)]);
    let salable = app.salable(&token, "24-WB03", 2).await;
    assert!(salable.as_f64().is_some_and(|q| q > 1.9e8), "{salable}");
    for path in [
        "/rest/V1/inventory/is-product-salable/24-WB03/2",
        "/rest/V1/inventory/export-stock-salable-qty/website/base?searchCriteria[pageSize]=50",
    ] {
        let r = app.get(path, &token).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {:?}", r.body);
    }

    // Two imported orders of an absurd quantity, both canceled: their +qty reservations are
    // of the clipped quantity and add up.
    for email in ["a@example.com", "b@example.com"] {
        let id = app
            .create_order(
                &token,
                json!({"customer_email": email,
                       "items": [{"sku": "24-WB01", "qty_ordered": 922337203685477u64, "price": 0}]}),
            )
            .await;
        let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await;
        assert_eq!(order.body["items"][0]["qty_ordered"], json!(99999999.9999));
        let r = app
            .post(&format!("/rest/V1/orders/{id}/cancel"), &token, &json!({}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    }
    app.salable(&token, "24-WB01", 2).await;

    // A guest cart line past the column (the product's stock unmanaged, its sale maximum
    // clipped to the column's).
    let r = app
        .put(
            "/rest/V1/products/24-WB03/stockItems/12",
            &token,
            &json!({"stockItem": {"use_config_manage_stock": false, "manage_stock": false,
                                  "use_config_max_sale_qty": false,
                                  "max_sale_qty": 900000000000000u64}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app.get("/rest/V1/stockItems/24-WB03", &token).await;
    assert_eq!(r.body["max_sale_qty"], json!(99999999.9999));
    let mask = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = mask.body.as_str().expect("masked id").to_owned();
    let before = app.snapshot().await;
    for qty in [json!(100000000000000u64), json!(100000000)] {
        let r = app
            .post_anonymous(
                &format!("/rest/V1/guest-carts/{mask}/items"),
                &json!({"cartItem": {"sku": "24-WB03", "qty": qty, "quote_id": mask}}),
            )
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Invalid value of \"%value\" provided for the %fieldName field.",
                       "parameters": {"fieldName": "qty", "value": qty}})
            )
        );
        assert_eq!(app.snapshot().await, before);
    }
    let r = app
        .post_anonymous(
            &format!("/rest/V1/guest-carts/{mask}/items"),
            &json!({"cartItem": {"sku": "24-WB03", "qty": 99999999, "quote_id": mask}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app
        .get(&format!("/rest/V1/guest-carts/{mask}/totals"), "")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

/// Figures whose sums pass what magemu stores (an i64 of ten-thousandths, ~9.2e14; Magento's
/// DECIMAL(20,4) goes further): the request is refused with a 400 that names the limit and
/// changes nothing, instead of a 500 (each once answered the masked 500, the second refund
/// on every later try).
#[tokio::test]
async fn sums_past_storage_are_refused_with_the_limit_and_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let refund = json!({"creditmemo": {"order_id": 3, "base_grand_total": 1, "grand_total": 1,
                                       "subtotal": 922337203685477u64,
                                       "base_subtotal": 922337203685477u64}});
    let invoiced = app.invoice(&token, 3, &json!({"capture": true})).await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let first = app
        .post("/rest/V1/creditmemo/refund", &token, &refund)
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let before = app.snapshot().await;
    let again = app
        .post("/rest/V1/creditmemo/refund", &token, &refund)
        .await;
    // The order's total_refunded would be twice the subtotal.
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"%value\" amount is more than magemu can store (at most %max).",
                   "parameters": {"value": "1844674407370954", "max": "922337203685477.5807"}})
        )
    );
    assert_eq!(app.snapshot().await, before);

    // An adjustment that the order's rate takes past storage.
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "r@example.com", "base_to_order_rate": 1000,
                   "items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 1}]}),
        )
        .await;
    let before = app.snapshot().await;
    let r = app
        .post(
            "/rest/V1/creditmemo",
            &token,
            &json!({"entity": {"order_id": id, "adjustment_positive": 1000000000000u64}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
    assert_eq!(app.snapshot().await, before);
}
