//! State lives in the SQLite file: a restart on the same file keeps everything, and the seed is
//! not loaded twice.

use crate::common;

use common::{fixture, spawn_app_at, without};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn state_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");

    let first = spawn_app_at(&path).await;
    let token = first.token().await;
    assert_eq!(
        first
            .invoice(&token, 3, &json!({"capture": true, "notify": true}))
            .await
            .body,
        json!("3")
    );
    let invoice_before = first.get("/rest/V1/invoices/3", &token).await.body;
    let snapshot_before = first.snapshot().await;
    first.stop().await;

    let second = spawn_app_at(&path).await;
    // The token issued before the restart is still valid: tokens are stored.
    let invoice_after = second.get("/rest/V1/invoices/3", &token).await;
    assert_eq!(invoice_after.status, StatusCode::OK);
    assert_eq!(invoice_after.body, invoice_before);
    assert_eq!(
        without(&invoice_after.body, &["created_at", "updated_at"]),
        without(
            &fixture("step10-invoice-response.json"),
            &["created_at", "updated_at"]
        )
    );
    assert_eq!(second.snapshot().await, snapshot_before);
    let order = second.get("/rest/V1/orders/3", &token).await.body;
    assert_eq!(order["status"], "processing");
    assert_eq!(second.salable(&token, "240-LV06", 2).await, json!(9998));
    // Counters go on from where they were.
    let again = second.invoice(&token, 3, &json!({})).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    second.stop().await;
}
