//! `GET /V1/transactions/{id}` and `GET /V1/transactions` (TransactionRepositoryInterface).

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn transactions_read_with_their_children() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Offline payments leave no transaction.
    let empty = app
        .get("/rest/V1/transactions?searchCriteria[pageSize]=10", &token)
        .await;
    assert_eq!(
        (empty.status, empty.body),
        (
            StatusCode::OK,
            json!({"items": [], "search_criteria": {"filter_groups": [], "page_size": 10}, "total_count": 0})
        )
    );
    // What a gateway writes: an authorization and its capture.
    for sql in [
        "INSERT INTO sales_payment_transaction (transaction_id, order_id, payment_id, txn_id, txn_type, is_closed, created_at)
         VALUES (1, 3, 3, 'abc123', 'authorization', 0, '2026-12-01 10:00:00')",
        "INSERT INTO sales_payment_transaction (transaction_id, parent_id, order_id, payment_id, txn_id, parent_txn_id, txn_type, is_closed, created_at)
         VALUES (2, 1, 3, 3, 'abc123-capture', 'abc123', 'capture', 1, '2026-12-01 10:05:00')",
    ] {
        app.state
            .db
            .writer
            .write(move |conn| {
                Box::pin(async move {
                    sqlx::query(sql).execute(conn).await?;
                    Ok::<_, magemu::error::Error>(())
                })
            })
            .await
            .expect(sql);
    }
    let one = app.get("/rest/V1/transactions/1", &token).await;
    assert_eq!(
        one.body,
        json!({"transaction_id": 1, "order_id": 3, "payment_id": 3, "txn_id": "abc123",
               "parent_txn_id": null, "txn_type": "authorization", "is_closed": 0, "additional_information": [],
               "created_at": "2026-12-01 10:00:00",
               "child_transactions": [{"transaction_id": 2, "parent_id": 1, "order_id": 3,
                   "payment_id": 3, "txn_id": "abc123-capture", "parent_txn_id": "abc123",
                   "txn_type": "capture", "is_closed": 1, "additional_information": [], "created_at": "2026-12-01 10:05:00",
                   "child_transactions": []}]})
    );
    let list = app
        .get(
            "/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=txn_type&searchCriteria[filter_groups][0][filters][0][value]=capture",
            &token,
        )
        .await;
    assert_eq!(list.body["total_count"], json!(1));
    assert_eq!(list.body["items"][0]["txn_id"], json!("abc123-capture"));
    // The list joins each transaction's payment and order: a filter or sort may name their
    // columns, unless MySQL finds the name in two of the three tables.
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    let f = "searchCriteria[filter_groups][0][filters][0]";
    let ids = |query: String| {
        let path =
            format!("/rest/V1/transactions?{query}&fields=items[transaction_id],total_count");
        let app = &app;
        let token = &token;
        async move {
            let reply = app.get(&path, token).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
            reply.body
        }
    };
    let both = json!({"items": [{"transaction_id": 1}, {"transaction_id": 2}], "total_count": 2});
    // (`fields` on an empty list gives `null`, as Magento's FieldsFilter does.)
    let none = json!({"items": null, "total_count": 0});
    let increment_id = order["increment_id"].as_str().unwrap().to_owned();
    let method = order["payment"]["method"].as_str().unwrap().to_owned();
    let email = order["customer_email"].as_str().unwrap().to_owned();
    assert_eq!(
        ids(format!("{f}[field]=increment_id&{f}[value]={increment_id}")).await,
        both
    );
    assert_eq!(
        ids(format!("{f}[field]=method&{f}[value]={method}")).await,
        both
    );
    assert_eq!(
        ids(format!("{f}[field]=method&{f}[value]=braintree")).await,
        none
    );
    assert_eq!(
        ids(format!("{f}[field]=customer_email&{f}[value]={email}")).await,
        both
    );
    // `created_at` is the transaction's (`addFilterToMap`), not the order's.
    assert_eq!(
        ids(format!(
            "{f}[field]=created_at&{f}[value]=2026-12-01 10:01:00&{f}[condition_type]=gteq"
        ))
        .await,
        json!({"items": [{"transaction_id": 2}], "total_count": 1})
    );
    assert_eq!(
        ids(format!("{f}[field]=main_table.parent_id&{f}[value]=1")).await,
        json!({"items": [{"transaction_id": 2}], "total_count": 1})
    );
    // Qualified by the joins' aliases, every column of the three tables is a filter's: the
    // ambiguous ones too. The alias compares with case (`SO.` is no table), the column not.
    for (query, expected) in [
        (
            format!("{f}[field]=so.increment_id&{f}[value]={increment_id}"),
            &both,
        ),
        (format!("{f}[field]=sop.method&{f}[value]={method}"), &both),
        (format!("{f}[field]=so.entity_id&{f}[value]=3"), &both),
        (format!("{f}[field]=sop.Parent_Id&{f}[value]=3"), &both),
        (format!("{f}[field]=so.entity_id&{f}[value]=4"), &none),
        (
            format!("{f}[field]=main_table.txn_id&{f}[value]=abc123-capture"),
            &json!({"items": [{"transaction_id": 2}], "total_count": 1}),
        ),
    ] {
        assert_eq!(&ids(query).await, expected);
    }
    for query in [
        format!("{f}[field]=SO.increment_id&{f}[value]=1"),
        format!("{f}[field]=so.nope&{f}[value]=1"),
        format!("{f}[field]=main_table.increment_id&{f}[value]=1"),
    ] {
        let reply = app
            .get(&format!("/rest/V1/transactions?{query}"), &token)
            .await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{query}");
    }
    // A sort on `parent_id` is the selected column's; on `increment_id` the order's.
    assert_eq!(
        ids("searchCriteria[sortOrders][0][field]=parent_id&searchCriteria[sortOrders][0][direction]=DESC".into()).await,
        json!({"items": [{"transaction_id": 2}, {"transaction_id": 1}], "total_count": 2})
    );
    assert_eq!(
        ids("searchCriteria[sortOrders][0][field]=increment_id".into()).await,
        both
    );
    // Ambiguous in a filter: the payment has a `parent_id` too, both have an `entity_id`.
    for query in [
        format!("{f}[field]=parent_id&{f}[value]=1"),
        format!("{f}[field]=Entity_Id&{f}[value]=3"),
        // The map to `main_table.created_at` is found with case.
        format!("{f}[field]=Created_At&{f}[value]=2026-12-01"),
        "searchCriteria[sortOrders][0][field]=entity_id".to_owned(),
    ] {
        let reply = app
            .get(&format!("/rest/V1/transactions?{query}"), &token)
            .await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{query}");
    }
    let missing = app.get("/rest/V1/transactions/9", &token).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let anonymous = app
        .send(
            reqwest::Method::GET,
            "/rest/V1/transactions/1",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(
        anonymous.body["parameters"]["resources"],
        json!("Magento_Sales::transactions_fetch")
    );
}
