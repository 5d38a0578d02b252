//! `magemu generate`: the binary builds a world of completed orders in a new database; the
//! server then reads them back consistently (orders, invoices, shipments, lists with
//! searchCriteria) and goes on creating orders, invoices and shipments after them; a second run
//! appends after everything.
#![cfg(unix)]

use crate::common;

use std::path::Path;
use std::str::FromStr;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

const ORDERS: i64 = 2000;

/// Runs `magemu generate` with `args` on the database at `db`; returns what it printed.
async fn generate(db: &Path, args: &[&str]) -> String {
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .arg("generate")
        .args(args)
        .args(["--database-url", &format!("sqlite://{}", db.display())])
        .env_remove("DATABASE_URL")
        .env_remove("MAGEMU_SEED")
        .env_remove("MAGEMU_GENERATE_ORDERS")
        .env_remove("MAGEMU_GENERATE_BATCH_SIZE")
        .env("RUST_LOG", "magemu=info")
        .output()
        .await
        .expect("run magemu generate");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    stdout
}

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(&v.to_string()).unwrap_or_else(|_| panic!("not a number: {v}"))
}

/// `searchCriteria` with one `field = value` filter, and a page size.
fn filter(path: &str, field: &str, value: &str, page_size: usize) -> String {
    format!(
        "{path}?searchCriteria[filter_groups][0][filters][0][field]={field}\
         &searchCriteria[filter_groups][0][filters][0][value]={value}\
         &searchCriteria[pageSize]={page_size}"
    )
}

/// The one document of `list` whose `order_id` is `order_id`.
async fn only_document_of(app: &common::TestApp, token: &str, list: &str, order_id: i64) -> Value {
    let reply = app
        .get(&filter(list, "order_id", &order_id.to_string(), 10), token)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    assert_eq!(
        reply.body["total_count"],
        json!(1),
        "{list}: {:?}",
        reply.body
    );
    reply.body["items"][0].clone()
}

/// A generated order, its invoice and its shipment agree with each other and with what invoicing
/// and shipping in full leave.
async fn check_generated_order(app: &common::TestApp, token: &str, id: i64, source: &str) {
    let order = app.get(&format!("/rest/V1/orders/{id}"), token).await;
    assert_eq!(order.status, StatusCode::OK, "{:?}", order.body);
    let o = &order.body;
    assert_eq!(o["state"], json!("complete"), "order {id}");
    assert_eq!(o["status"], json!("complete"));
    assert_eq!(o["increment_id"], json!(format!("{id:09}")));
    let grand = dec(&o["grand_total"]);
    assert!(grand > Decimal::ZERO);
    for field in ["total_invoiced", "total_paid", "base_total_paid"] {
        assert_eq!(dec(&o[field]), grand, "order {id} {field}");
    }
    assert_eq!(dec(&o["payment"]["amount_paid"]), grand);
    assert_eq!(
        dec(&o["subtotal"])
            + dec(&o["discount_amount"])
            + dec(&o["shipping_amount"])
            + dec(&o["tax_amount"]),
        grand
    );
    let items = o["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let mut physical = Decimal::ZERO;
    for item in items {
        let ordered = dec(&item["qty_ordered"]);
        assert_eq!(dec(&item["qty_invoiced"]), ordered, "{item}");
        // REST shows an order item's row total net of its discount (ChangeOutputArray).
        assert_eq!(
            dec(&item["row_invoiced"]),
            dec(&item["row_total"]) + dec(&item["discount_amount"]),
            "{item}"
        );
        if item["is_virtual"] == json!(1) {
            assert_eq!(dec(&item["qty_shipped"]), Decimal::ZERO, "{item}");
        } else {
            assert_eq!(dec(&item["qty_shipped"]), ordered, "{item}");
            physical += ordered;
        }
    }

    let invoice = only_document_of(app, token, "/rest/V1/invoices", id).await;
    assert_eq!(invoice["state"], json!(2), "paid");
    assert_eq!(dec(&invoice["grand_total"]), grand);
    assert_eq!(invoice["subtotal"], o["subtotal"]);
    assert_eq!(invoice["discount_amount"], o["discount_amount"]);
    assert_eq!(invoice["shipping_amount"], o["shipping_amount"]);
    assert_eq!(invoice["tax_amount"], o["tax_amount"]);
    let invoice_qty: Decimal = invoice["items"]
        .as_array()
        .expect("invoice items")
        .iter()
        .map(|i| dec(&i["qty"]))
        .sum();
    assert_eq!(invoice_qty, dec(&o["total_qty_ordered"]));
    assert_eq!(dec(&invoice["total_qty"]), invoice_qty);
    let by_id = app
        .get(
            &format!("/rest/V1/invoices/{}", invoice["entity_id"]),
            token,
        )
        .await;
    assert_eq!(by_id.status, StatusCode::OK);
    assert_eq!(by_id.body["increment_id"], invoice["increment_id"]);
    assert_eq!(by_id.body["grand_total"], invoice["grand_total"]);

    let shipment = only_document_of(app, token, "/rest/V1/shipments", id).await;
    assert_eq!(dec(&shipment["total_qty"]), physical);
    let shipped: Decimal = shipment["items"]
        .as_array()
        .expect("shipment items")
        .iter()
        .map(|i| dec(&i["qty"]))
        .sum();
    assert_eq!(shipped, physical);
    assert_eq!(shipment["tracks"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        shipment["extension_attributes"]["source_code"],
        json!(source),
        "the first source of the store's stock"
    );
    let by_id = app
        .get(
            &format!("/rest/V1/shipment/{}", shipment["entity_id"]),
            token,
        )
        .await;
    assert_eq!(by_id.status, StatusCode::OK);
    assert_eq!(by_id.body["increment_id"], shipment["increment_id"]);
}

#[tokio::test]
async fn a_generated_world_reads_back_consistently_and_the_server_goes_on_after_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("world.db");
    let printed = generate(&db, &["--orders", &ORDERS.to_string()]).await;
    assert!(
        printed.contains("generated 2000 orders (order ids 4 to 2003)"),
        "{printed}"
    );

    let app = common::spawn_app_at(&db).await;
    let token = app.token().await;
    // The tutorial's order is still there, untouched.
    let tutorial = app.get("/rest/V1/orders/3", &token).await;
    assert_eq!(tutorial.body["state"], json!("new"));
    for id in [4, 5, 777, 1500, 2003] {
        check_generated_order(&app, &token, id, "ne_wh").await;
    }

    // Lists with searchCriteria count every generated document.
    for (list, field, value) in [
        ("/rest/V1/orders", "state", "complete"),
        ("/rest/V1/invoices", "state", "2"),
        ("/rest/V1/shipments", "store_id", "1"),
    ] {
        let reply = app.get(&filter(list, field, value, 5), &token).await;
        assert_eq!(reply.status, StatusCode::OK, "{list}: {:?}", reply.body);
        assert_eq!(reply.body["total_count"], json!(ORDERS), "{list}");
        assert_eq!(reply.body["items"].as_array().map(Vec::len), Some(5));
    }
    let reply = app
        .get(
            &filter("/rest/V1/orders", "increment_id", "000001234", 20),
            &token,
        )
        .await;
    assert_eq!(reply.body["total_count"], json!(1));
    assert_eq!(reply.body["items"][0]["entity_id"], json!(1234));

    // Documents as the import, invoicing and shipping store them, in the database itself.
    let pool = &app.state.db.read;
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sales_order o WHERE o.entity_id > 3 AND (
             o.total_paid IS NOT (SELECT SUM(grand_total) FROM sales_invoice WHERE order_id = o.entity_id)
          OR o.total_qty_ordered IS NOT (SELECT SUM(qty_ordered) FROM sales_order_item WHERE order_id = o.entity_id)
          OR (SELECT SUM(qty_shipped) FROM sales_order_item WHERE order_id = o.entity_id) IS NOT
             (SELECT total_qty FROM sales_shipment WHERE order_id = o.entity_id)
          OR o.billing_address_id NOT IN (SELECT entity_id FROM sales_order_address WHERE parent_id = o.entity_id)
          OR o.shipping_address_id NOT IN (SELECT entity_id FROM sales_order_address WHERE parent_id = o.entity_id))",
    )
    .fetch_one(pool)
    .await
    .expect("consistency query");
    assert_eq!(mismatched, 0);
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(pool)
        .await
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let foreign: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(pool)
        .await
        .expect("foreign_key_check");
    assert!(foreign.is_empty(), "{foreign:?}");

    // The server goes on after the generated world: a new order, its invoice and its shipment
    // take the next ids and increment ids.
    let order_id = app
        .create_order(
            &token,
            json!({
                "customer_email": "after@example.com",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "product_id": 8,
                           "qty_ordered": 2, "price": 32}],
                "shipping_amount": 10,
                "payment": {"method": "checkmo"}
            }),
        )
        .await;
    assert_eq!(order_id, ORDERS + 4);
    let invoiced = app
        .invoice(&token, order_id, &json!({"capture": true}))
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    assert_eq!(invoiced.body, json!((ORDERS + 3).to_string()));
    let shipped = app
        .post(
            &format!("/rest/V1/order/{order_id}/ship"),
            &token,
            &json!({"arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(shipped.status, StatusCode::OK, "{:?}", shipped.body);
    assert_eq!(shipped.body, json!((ORDERS + 3).to_string()));
    let order = app
        .get(&format!("/rest/V1/orders/{order_id}"), &token)
        .await;
    assert_eq!(
        order.body["increment_id"],
        json!(format!("{:09}", ORDERS + 4))
    );
    assert_eq!(order.body["state"], json!("complete"));
    assert_eq!(order.body["total_paid"], json!(74));
    let invoice = app
        .get(&format!("/rest/V1/invoices/{}", ORDERS + 3), &token)
        .await;
    assert_eq!(
        invoice.body["increment_id"],
        json!(format!("{:09}", ORDERS + 3))
    );
    assert_eq!(invoice.body["order_id"], json!(order_id));
    let shipment = app
        .get(&format!("/rest/V1/shipment/{}", ORDERS + 3), &token)
        .await;
    assert_eq!(
        shipment.body["increment_id"],
        json!(format!("{:09}", ORDERS + 3))
    );
    assert_eq!(shipment.body["order_id"], json!(order_id));
    app.stop().await;

    // A second run appends after everything, the server's documents included.
    let printed = generate(&db, &["--orders", "5", "--batch-size", "2"]).await;
    let (first, last) = (ORDERS + 5, ORDERS + 9);
    assert!(
        printed.contains(&format!("generated 5 orders (order ids {first} to {last})")),
        "{printed}"
    );
    let app = common::spawn_app_at(&db).await;
    let token = app.token().await;
    check_generated_order(&app, &token, last, "ne_wh").await;
    let reply = app
        .get(&filter("/rest/V1/orders", "state", "complete", 1), &token)
        .await;
    assert_eq!(reply.body["total_count"], json!(ORDERS + 1 + 5));
    let sequences: Vec<(String, i64)> = sqlx::query_as(
        "SELECT entity_type, next_value FROM sales_sequence WHERE store_id = 1 ORDER BY entity_type",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("sequences");
    assert_eq!(
        sequences,
        vec![
            ("creditmemo".to_owned(), 1),
            ("invoice".to_owned(), ORDERS + 9),
            ("order".to_owned(), ORDERS + 10),
            ("shipment".to_owned(), ORDERS + 9),
        ]
    );
    app.stop().await;
}

#[tokio::test]
async fn generate_seeds_an_empty_database_first_and_none_keeps_it_bare() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bare.db");
    let printed = generate(&db, &["--orders", "3", "--seed", "none"]).await;
    assert!(
        printed.contains("generated 3 orders (order ids 1 to 3)"),
        "{printed}"
    );
    let app = common::spawn_app_at(&db).await;
    let token = app.token().await;
    check_generated_order(&app, &token, 1, "default").await;
    check_generated_order(&app, &token, 3, "default").await;
    app.stop().await;
}

/// A seed file refused halfway leaves the database unseeded, as the server leaves it: the
/// file is built in a scratch database first (it was loaded into the live one entry by entry,
/// and the next run took the half-seeded world as seeded). Fixed, the next run seeds it whole.
#[tokio::test]
async fn a_seed_file_refused_halfway_leaves_the_database_unseeded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("seeded.db");
    let seed = dir.path().join("seed.json");
    let product = |sku: &str, price: Value| {
        json!({"sku": sku, "name": sku, "attribute_set_id": 4, "type_id": "simple",
            "price": price, "status": 1, "visibility": 4})
    };
    std::fs::write(
        &seed,
        json!({"products": [product("GOOD-1", json!(10)), product("BAD-2", json!("ten"))]})
            .to_string(),
    )
    .unwrap();
    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args(["generate", "--orders", "1", "--seed"])
        .arg(&seed)
        .args(["--database-url", &format!("sqlite://{}", db.display())])
        .env_remove("DATABASE_URL")
        .env_remove("MAGEMU_SEED")
        .output()
        .await
        .expect("run magemu generate");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("products[1]"), "{stderr}");
    let stores = || async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM store")
            .fetch_one(&pool)
            .await
            .unwrap();
        let products: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM catalog_product_entity")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        (n, products)
    };
    assert_eq!(stores().await, (0, 0), "nothing of the file was kept");

    std::fs::write(
        &seed,
        json!({"products": [product("GOOD-1", json!(10)), product("GOOD-2", json!(12))]})
            .to_string(),
    )
    .unwrap();
    let printed = generate(&db, &["--orders", "1", "--seed", seed.to_str().unwrap()]).await;
    assert!(printed.contains("generated 1 orders"), "{printed}");
    let (stores, products) = stores().await;
    assert!(stores > 0);
    assert_eq!(products, 2);
}

/// A list page of more than 10,000 documents (no `pageSize` on a large world) is answered as
/// Magento's REST API answers PHP running out of memory: the shutdown function's 500, in its
/// own shape. Pages of a size answer as before, however far in.
#[tokio::test]
async fn a_page_past_ten_thousand_documents_is_the_out_of_memory_500() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("big.db");
    generate(&db, &["--orders", "10001", "--seed", "none"]).await;
    let app = common::spawn_app_at(&db).await;
    let token = app.token().await;
    for list in ["orders", "invoices", "shipments"] {
        let r = app
            .get(&format!("/rest/V1/{list}?searchCriteria"), &token)
            .await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{list}");
        let message = r.body["messages"]["error"][0]["message"]
            .as_str()
            .unwrap_or_default();
        assert!(
            message.starts_with("Server internal error. See details in report api/"),
            "{list}: {}",
            r.body
        );
        assert_eq!(r.body["messages"]["error"][0]["code"], json!(500));
        // Written by `ErrorProcessor::renderErrorMessage`, not by a renderer: its own charset,
        // and XML whenever the `Accept` header contains `xml` (`text/*`, which the XML
        // renderer takes, does not).
        assert_eq!(
            r.content_type.as_deref(),
            Some("application/json; charset=UTF-8")
        );
        for (accept, xml) in [("application/xml", true), ("text/*", false)] {
            let resp = app
                .client
                .get(app.url(&format!("/rest/V1/{list}?searchCriteria")))
                .bearer_auth(&token)
                .header(reqwest::header::ACCEPT, accept)
                .send()
                .await
                .expect("request");
            assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
            let content_type = resp.headers()[reqwest::header::CONTENT_TYPE].clone();
            let body = resp.text().await.expect("body");
            if xml {
                assert_eq!(content_type, "application/xml; charset=UTF-8");
                let id = body
                    .strip_prefix(
                        "<?xml version=\"1.0\"?><error><messages><error><data_item>\
                         <code>500</code><message><![CDATA[Server internal error. See details \
                         in report api/",
                    )
                    .and_then(|rest| {
                        rest.strip_suffix("]]></message></data_item></error></messages></error>")
                    });
                assert!(id.is_some_and(|id| id.parse::<i64>().is_ok()), "{body}");
            } else {
                assert_eq!(content_type, "application/json; charset=UTF-8");
                assert!(
                    body.starts_with(r#"{"messages":{"error":[{"code":500,"#),
                    "{body}"
                );
            }
        }
        let r = app
            .get(
                &format!(
                    "/rest/V1/{list}?searchCriteria[pageSize]=100&searchCriteria[currentPage]=101"
                ),
                &token,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{list}");
        assert_eq!(r.body["total_count"], json!(10001));
        assert_eq!(r.body["items"].as_array().map(Vec::len), Some(1));
    }
    app.stop().await;
}
