//! Inventory read-back: source items with searchCriteria, salable quantity, and their errors.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

const ITEMS: &str = "/rest/V1/inventory/source-items";

#[tokio::test]
async fn source_items_filtered_sorted_and_paged() {
    let app = spawn_app().await;
    let token = app.token().await;
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=sku\
             &searchCriteria[filter_groups][0][filters][0][value]=24-WB03\
             &searchCriteria[filter_groups][1][filters][0][field]=quantity\
             &searchCriteria[filter_groups][1][filters][0][value]=10\
             &searchCriteria[filter_groups][1][filters][0][condition_type]=gteq\
             &searchCriteria[sortOrders][0][field]=quantity&searchCriteria[sortOrders][0][direction]=asc\
             &searchCriteria[pageSize]=2&searchCriteria[currentPage]=1";
    let reply = app.get(&format!("{ITEMS}{q}"), &token).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.body,
        json!({
            "items": [
                {"sku": "24-WB03", "source_code": "west_wh", "quantity": 10, "status": 1},
                {"sku": "24-WB03", "source_code": "berkeley", "quantity": 20, "status": 1}
            ],
            "search_criteria": {
                "filter_groups": [
                    {"filters": [{"field": "sku", "value": "24-WB03", "condition_type": "eq"}]},
                    {"filters": [{"field": "quantity", "value": "10", "condition_type": "gteq"}]}
                ],
                "sort_orders": [{"field": "quantity", "direction": "ASC"}],
                "page_size": 2,
                "current_page": 1
            },
            "total_count": 4
        })
    );
    // Filters in one group are OR'ed; a page past the end holds nothing (2.4's getCurPage).
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=source_code\
             &searchCriteria[filter_groups][0][filters][0][value]=hq\
             &searchCriteria[filter_groups][0][filters][1][field]=source_code\
             &searchCriteria[filter_groups][0][filters][1][value]=ne_wh\
             &searchCriteria[pageSize]=2&searchCriteria[currentPage]=9";
    let reply = app.get(&format!("{ITEMS}{q}"), &token).await.body;
    assert_eq!(reply["total_count"], 3);
    assert_eq!(reply["items"], json!([]));
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=sku\
             &searchCriteria[filter_groups][0][filters][0][value]=24-WB0%25\
             &searchCriteria[filter_groups][0][filters][0][condition_type]=like";
    assert_eq!(
        app.get(&format!("{ITEMS}{q}"), &token).await.body["total_count"],
        14
    );
}

#[tokio::test]
async fn source_item_errors() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.get(ITEMS, &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "searchCriteria"}})
        )
    );
    let r = app
        .get(&format!("{ITEMS}?searchCriteria[pageSize]=x"), &token)
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"pageSize\" processing. The \"x\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    let r = app.get(&format!("{ITEMS}?searchCriteria[filterGroups][0][filters][0][field]=colour&searchCriteria[filterGroups][0][filters][0][value]=red"), &token).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    let message = r.body["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "Internal Error. Details are available in Magento log file. Report ID: webapi-"
        ),
        "{message}"
    );
    assert_eq!(r.body.as_object().unwrap().len(), 1);
    let r = app.get(&format!("{ITEMS}?searchCriteria[sortOrders][0][field]=sku&searchCriteria[sortOrders][0][direction]=sideways"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The sort order has to be specified as %1 for ascending order or %2 for descending order.", "parameters": ["ASC", "DESC"]})
        )
    );
}

#[tokio::test]
async fn salable_quantity_answers_and_errors() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    // None of the tutorial SKUs is on stock 1 any more.
    assert_eq!(app.salable(&token, "24-WB01", 1).await, json!(0));
    let path = |sku: &str, stock: &str| {
        format!("/rest/V1/inventory/get-product-salable-quantity/{sku}/{stock}")
    };
    // A SKU the catalog lacks passes MSI's cached type check (a null type): the default
    // stock then looks its product id up (404 naming it), another stock's index has no row
    // (0), a stock that does not exist has no index table.
    let r = app.get(&path("nope", "2"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(0)));
    let r = app.get(&path("nope", "1"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Following products with requested skus were not found: %1", "parameters": ["nope"]})
        )
    );
    let r = app.get(&path("nope", "99"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not receive Stock Item data"})
        )
    );
    let r = app.get(&path("24-WB01", "99"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not receive Stock Item data"})
        )
    );
    let r = app.get(&path("24-WB01", "two"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"two\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    let r = app
        .send(
            reqwest::Method::GET,
            &path("24-WB01", "2"),
            None,
            None,
            None,
        )
        .await;
    assert_eq!(
        r.body["parameters"]["resources"],
        "Magento_InventorySalesApi::stock"
    );
}

/// `SourceDeductionService` skips a SKU whose stock is not managed, whatever the letters of
/// its SKU: one with a capital past ASCII (`ÉTOILE-1`) was kept in a shipment's deductions
/// (the unmanaged list came back through SQLite's ASCII-only `LOWER` and was compared with
/// Rust's Unicode lower case), so it was deducted though unmanaged.
#[tokio::test]
async fn a_sku_with_a_capital_past_ascii_and_unmanaged_stock_is_not_deducted() {
    let app = spawn_app().await;
    let db = &app.state.db;
    db.writer
        .write(|conn| {
            Box::pin(async move {
                for (sku, managed) in [("ÉTOILE-1", 0), ("ÉTOILE-2", 1)] {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO catalog_product_entity (type_id, sku, name, price)
                         VALUES ('simple', ?, ?, 10000) RETURNING entity_id",
                    )
                    .bind(sku)
                    .bind(sku)
                    .fetch_one(&mut *conn)
                    .await?;
                    sqlx::query(
                        "INSERT INTO cataloginventory_stock_item
                           (product_id, use_config_manage_stock, manage_stock)
                         VALUES (?, 0, ?)",
                    )
                    .bind(id)
                    .bind(managed)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok::<_, magemu::error::Error>(())
            })
        })
        .await
        .unwrap();
    let one = magemu::amount::Amount::from_ten_thousandths(10000);
    let mut deductions = vec![
        ("ÉTOILE-1".to_owned(), one),
        ("ÉTOILE-2".to_owned(), one),
        ("24-wb01".to_owned(), one),
    ];
    let mut conn = db.read.acquire().await.unwrap();
    magemu::db::inventory::drop_not_managed(&mut conn, &mut deductions)
        .await
        .unwrap();
    assert_eq!(
        deductions,
        [("ÉTOILE-2".to_owned(), one), ("24-wb01".to_owned(), one)]
    );
}
