//! Partial responses with `?fields=` (Magento's `Webapi/Rest/Response/FieldsFilter`), on reads,
//! on lists and on errors, against the real router.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn fields_keep_only_the_named_parts_of_a_reply() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));

    let invoice = app
        .get(
            "/rest/default/V1/invoices/3?fields=increment_id,grand_total,items[sku,qty],comments[comment]",
            &token,
        )
        .await;
    assert_eq!(invoice.status, StatusCode::OK);
    assert_eq!(
        invoice.body,
        json!({
            "grand_total": 1917.6,
            "increment_id": "000000003",
            "items": [
                {"sku": "24-WB03", "qty": 20},
                {"sku": "24-WB01", "qty": 40},
                {"sku": "240-LV06", "qty": 1}
            ],
            // No comments: Magento's filter turns the empty list into null.
            "comments": null
        })
    );

    let order = app
        .get(
            "/rest/V1/orders/3?fields=state,status,payment[method,amount_paid],billing_address[city]",
            &token,
        )
        .await;
    assert_eq!(
        order.body,
        json!({
            "state": "processing",
            "status": "processing",
            "billing_address": {"city": "Mineola"},
            "payment": {"amount_paid": 1917.6, "method": "banktransfer"}
        })
    );

    let list = app
        .get(
            "/rest/V1/orders?searchCriteria[pageSize]=5&fields=items%5Bentity_id%2Cincrement_id%5D,total_count",
            &token,
        )
        .await;
    assert_eq!(
        list.body,
        json!({"items": [{"entity_id": 3, "increment_id": "000000003"}], "total_count": 1})
    );

    // The whole document is still served (and cached) unfiltered.
    let whole = app.get("/rest/V1/invoices/3", &token).await.body;
    assert_eq!(whole["items"].as_array().map(Vec::len), Some(3));
    assert!(whole.get("order_id").is_some());
}

#[tokio::test]
async fn odd_filters_answer_as_magento_does() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Characters outside letters, digits, `_`, `[`, `]` and `,`, or an unclosed bracket: `[]`.
    for bad in ["grand_total%20", "items[sku", "grand-total"] {
        let reply = app
            .get(&format!("/rest/V1/orders/3?fields={bad}"), &token)
            .await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::OK, &json!([])),
            "{bad}"
        );
    }
    // Nothing named exists: an empty PHP array.
    let none = app.get("/rest/V1/orders/3?fields=nope", &token).await;
    assert_eq!(none.body, json!([]));
    // Empty or "0" is falsy in PHP: the whole reply.
    for falsy in ["", "0"] {
        let reply = app
            .get(&format!("/rest/V1/orders/3?fields={falsy}"), &token)
            .await;
        assert_eq!(reply.body["entity_id"], json!(3), "{falsy:?}");
    }
    // Errors are never filtered.
    let missing = app.get("/rest/V1/orders/99?fields=message", &token).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        missing.body,
        json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
    );
    // A POST's scalar reply is returned as is, and the filter is not read as input.
    let id = app
        .post(
            "/rest/V1/order/3/invoice?fields=entity_id",
            &token,
            &json!({"capture": true}),
        )
        .await;
    assert_eq!((id.status, id.body), (StatusCode::OK, json!("3")));
}
