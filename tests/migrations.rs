//! Migration 0020 rebuilds `sales_order_item` (a NOT NULL dropped): on a database with orders,
//! invoices, shipments and order taxes it keeps every row, every link and every counter.

use crate::common;

use common::spawn_app_at;
use serde_json::json;
use sqlx::Row;

const REBUILD: &str = include_str!("../migrations/0020_order_item_dtc_invoiced_nullable.sql");

async fn census(pool: &sqlx::SqlitePool) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "sales_order_item",
        "sales_invoice_item",
        "sales_shipment_item",
        "sales_order_tax_item",
    ] {
        let rows = sqlx::query(&format!("SELECT * FROM {table} ORDER BY rowid"))
            .fetch_all(pool)
            .await
            .unwrap();
        for row in rows {
            let cells: Vec<String> = (0..row.len())
                .map(|i| {
                    row.try_get::<Option<String>, _>(i)
                        .ok()
                        .flatten()
                        .or_else(|| {
                            row.try_get::<Option<i64>, _>(i)
                                .ok()
                                .flatten()
                                .map(|n| n.to_string())
                        })
                        .unwrap_or_else(|| "NULL".into())
                })
                .collect();
            out.push(format!("{table}: {}", cells.join("|")));
        }
    }
    let seq: Vec<(String, i64)> =
        sqlx::query_as("SELECT name, seq FROM sqlite_sequence ORDER BY name")
            .fetch_all(pool)
            .await
            .unwrap();
    out.extend(seq.into_iter().map(|(n, s)| format!("seq {n}: {s}")));
    out
}

#[tokio::test]
async fn rebuilding_the_order_items_keeps_every_row_link_and_counter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("magemu.db");
    let app = spawn_app_at(&path).await;
    let token = app.token().await;
    // Order 3 invoiced and shipped, and an imported order with taxes on its items.
    app.invoice(&token, 3, &json!({"capture": true})).await;
    let ship = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &common::fixture("step12-ship-ne_wh-request.json"),
        )
        .await;
    assert_eq!(ship.body, json!("3"));
    let taxed = common::fixture("order-import-tutorial-copy.json");
    let id = app.create_order(&token, taxed["entity"].clone()).await;
    let before_reply = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    let order3 = app.get("/rest/V1/orders/3", &token).await.body;
    app.stop().await;

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rw", path.display()))
        .await
        .unwrap();
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&pool)
        .await
        .unwrap();
    let before = census(&pool).await;
    assert!(before.iter().any(|r| r.starts_with("sales_invoice_item")));
    // The rebuild meets the table it was written for: the columns later migrations added
    // (0030's gift message columns, 0042's canceled tax columns, NULL on these rows) come off
    // first and go back after.
    let mut tx = pool.begin().await.unwrap();
    sqlx::raw_sql(
        "ALTER TABLE sales_order_item DROP COLUMN discount_tax_compensation_canceled;
         ALTER TABLE sales_order_item DROP COLUMN tax_canceled;
         ALTER TABLE sales_order_item DROP COLUMN gift_message_available;
         ALTER TABLE sales_order_item DROP COLUMN gift_message_id;",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::raw_sql(REBUILD).execute(&mut *tx).await.unwrap();
    sqlx::raw_sql(
        "ALTER TABLE sales_order_item ADD COLUMN gift_message_id INTEGER;
         ALTER TABLE sales_order_item ADD COLUMN gift_message_available INTEGER;
         ALTER TABLE sales_order_item ADD COLUMN tax_canceled INTEGER;
         ALTER TABLE sales_order_item ADD COLUMN discount_tax_compensation_canceled INTEGER;",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(census(&pool).await, before);
    let problems: Vec<sqlx::sqlite::SqliteRow> = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(problems.is_empty());
    pool.close().await;

    let app = spawn_app_at(&path).await;
    let token = app.token().await;
    assert_eq!(
        app.get(&format!("/rest/V1/orders/{id}"), &token).await.body,
        before_reply
    );
    assert_eq!(app.get("/rest/V1/orders/3", &token).await.body, order3);
    app.stop().await;
}

#[tokio::test]
async fn an_order_item_shows_no_discount_tax_compensation_invoiced_before_an_invoice() {
    let app = common::spawn_app().await;
    let token = app.token().await;
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert!(
        order["items"][0]
            .get("discount_tax_compensation_invoiced")
            .is_none(),
        "{}",
        order["items"][0]
    );
    app.invoice(&token, 3, &json!({"capture": true})).await;
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(
        order["items"][0]["discount_tax_compensation_invoiced"],
        json!(0)
    );
    assert_eq!(
        order["items"][0]["base_discount_tax_compensation_invoiced"],
        json!(0)
    );
}

/// The dump of a database built by running every migration, one by one.
async fn migrated_dump(dir: &std::path::Path) -> String {
    let url = format!("sqlite://{}?mode=rwc", dir.join("migrated.db").display());
    let pool = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .unwrap();
    magemu::db::MIGRATOR.run(&pool).await.unwrap();
    let mut conn = pool.acquire().await.unwrap();
    let dump = magemu::db::baseline::dump(&mut conn).await.unwrap();
    drop(conn);
    pool.close().await;
    dump
}

/// src/db/baseline.sql is what the migrations build; `MAGEMU_WRITE_BASELINE=1` rewrites it
/// after a migration is added.
#[tokio::test]
async fn the_baseline_is_what_the_migrations_build() {
    let dir = tempfile::tempdir().unwrap();
    let dump = migrated_dump(dir.path()).await;
    if std::env::var_os("MAGEMU_WRITE_BASELINE").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/baseline.sql");
        std::fs::write(&path, &dump).unwrap();
    }
    assert!(
        dump == magemu::db::baseline::BASELINE,
        "src/db/baseline.sql is stale: run `MAGEMU_WRITE_BASELINE=1 cargo test --test api migrations::` \
         and rebuild"
    );
}

/// A new database opened by magemu (from the baseline) holds exactly what the migrations
/// build, and sqlx counts every migration as applied.
#[tokio::test]
async fn a_new_database_from_the_baseline_equals_a_migrated_one() {
    let dir = tempfile::tempdir().unwrap();
    let expected = migrated_dump(dir.path()).await;
    let url = format!("sqlite://{}", dir.path().join("new.db").display());
    let db = magemu::db::Db::open(&url).await.unwrap();
    let mut conn = db.write.acquire().await.unwrap();
    let dump = magemu::db::baseline::dump(&mut conn).await.unwrap();
    drop(conn);
    assert_eq!(dump, expected);
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(applied, magemu::db::MIGRATOR.iter().count() as i64);
    db.close().await;
}
