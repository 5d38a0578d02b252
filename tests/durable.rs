//! Durable before seen (`db::durable`): the writer's group commits do not wait for their fsync,
//! and no response leaves before every commit it may have seen is synced.

use crate::common::*;
use serde_json::json;
use std::time::Duration;

/// Whether `task` is still waiting after a while.
async fn still_waiting<T>(task: &tokio::task::JoinHandle<T>) -> bool {
    tokio::time::sleep(Duration::from_millis(300)).await;
    !task.is_finished()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_and_a_read_of_it_are_answered_only_once_its_commit_is_synced() {
    let app = std::sync::Arc::new(spawn_app().await);
    let token = app.token().await;
    let db = &app.state.db;

    let paused = db.durability.pause_syncs().await;
    let invoice = tokio::spawn({
        let (app, token) = (app.clone(), token.clone());
        async move {
            app.invoice(&token, 3, &json!({"capture": true, "notify": true}))
                .await
        }
    });
    assert!(
        still_waiting(&invoice).await,
        "answered before its commit was synced"
    );
    // Committed all the same: SQLite shows it to a connection of its own.
    let invoices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sales_invoice WHERE order_id = 3")
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(invoices, 1);
    // A read through the API that may see it waits as well.
    let read = tokio::spawn({
        let (app, token) = (app.clone(), token.clone());
        async move { app.get("/rest/V1/invoices/3", &token).await }
    });
    assert!(still_waiting(&read).await, "showed a commit not yet synced");

    drop(paused);
    let invoice = tokio::time::timeout(Duration::from_secs(10), invoice)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(invoice.status, 200, "{:?}", invoice.body);
    assert_eq!(invoice.body, json!("3"));
    let read = tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.status, 200);
    assert_eq!(read.body["grand_total"], json!(1917.6));

    // Nothing under way: a read is answered at once, syncs paused or not.
    let paused = db.durability.pause_syncs().await;
    let read = tokio::time::timeout(
        Duration::from_secs(5),
        app.get("/rest/V1/invoices/3", &token),
    )
    .await
    .expect("a read waited with no commit under way");
    assert_eq!(read.status, 200);
    drop(paused);
}
