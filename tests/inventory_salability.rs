//! Salability checks, stock exports and the bulk transfers of the tutorial's step 13.

use crate::common;

use common::{fixture, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn salability_answers() {
    let app = spawn_app().await;
    let token = app.token().await;
    let get = |path: String| {
        let app = &app;
        let token = &token;
        async move { app.get(&path, token).await }
    };
    assert_eq!(
        get("/rest/V1/inventory/is-product-salable/24-WB01/2".into())
            .await
            .body,
        json!(true)
    );
    assert_eq!(
        get("/rest/V1/inventory/is-product-salable/24-WB01/1".into())
            .await
            .body,
        json!(false)
    );
    let r =
        get("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/2/60".into()).await;
    assert_eq!(r.body, json!({"salable": true, "errors": []}));
    let r =
        get("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/2/61".into()).await;
    assert_eq!(
        r.body,
        json!({"salable": false, "errors": [
            {"code": "back_order-disabled", "message": "Backorders are disabled"},
            {"code": "manage_stock-enabled", "message": "Manage stock is enabled"},
            {"code": "is_salable_with_reservations-not_enough_qty", "message": "Not enough items for sale"}
        ]})
    );
    let r =
        get("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/2/1.5".into()).await;
    assert_eq!(
        r.body,
        json!({"salable": false, "errors": [{"code": "is_correct_qty-is_qty_decimal", "message": "You cannot use decimal quantity for this product."}]})
    );
    let r =
        get("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/2/0.5".into()).await;
    assert_eq!(
        r.body["errors"],
        json!([{"code": "is_correct_qty-min_sale_qty", "message": "The fewest you may purchase is 1."}])
    );
    let r = get("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/1/1".into()).await;
    assert_eq!(
        r.body,
        json!({"salable": false, "errors": [{"code": "is_any_source_item_in_stock-no_source_items_in_stock", "message": "There are no source items with the in stock status"}]})
    );
    let r = get(
        "/rest/V1/inventory/are-products-salable?skus[]=24-WB01&skus[]=24-WB03&stockId=2".into(),
    )
    .await;
    assert_eq!(
        r.body,
        json!([{"sku": "24-WB01", "stock_id": 2, "salable": true}, {"sku": "24-WB03", "stock_id": 2, "salable": true}])
    );
    let r = get("/rest/V1/inventory/are-product-salable-for-requested-qty/?skuRequests[0][sku]=24-WB03&skuRequests[0][qty]=1&stockId=3".into()).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = get("/rest/V1/inventory/are-product-salable-for-requested-qty/?skuRequests[0][sku]=240-LV06&skuRequests[0][qty]=2&stockId=2".into()).await;
    assert_eq!(
        r.body,
        json!([{"sku": "240-LV06", "stock_id": 2, "salable": true, "errors": []}])
    );
    let r = get("/rest/V1/inventory/are-products-salable?stockId=2".into()).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "skus"}})
        )
    );
    let r = get("/rest/V1/inventory/dump-stock-index-data/website/base".into()).await;
    assert_eq!(
        r.body,
        json!([
            {"sku": "24-WB01", "qty": 100, "is_salable": true},
            {"sku": "24-WB03", "qty": 100, "is_salable": true},
            {"sku": "240-LV06", "qty": 9999, "is_salable": true}
        ])
    );
    let r = get("/rest/V1/inventory/export-stock-salable-qty/website/base?searchCriteria[pageSize]=1&searchCriteria[currentPage]=2".into()).await;
    assert_eq!(
        r.body,
        json!({"items": [{"sku": "24-WB03", "qty": 80, "is_salable": true}], "search_criteria": {"filter_groups": [], "page_size": 1, "current_page": 2}, "total_count": 1})
    );
    // ExportStockSalableQtyBySalesChannel: the catalog's page by the criteria (filters and
    // sort orders as GET /V1/products takes them), total_count the rows of that page.
    let r = get("/rest/V1/inventory/export-stock-salable-qty/website/base?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-WB01&searchCriteria[filter_groups][0][filters][1][field]=sku&searchCriteria[filter_groups][0][filters][1][value]=240-LV06&searchCriteria[sortOrders][0][field]=sku&searchCriteria[sortOrders][0][direction]=DESC".into()).await;
    assert_eq!(
        (r.body["items"].clone(), r.body["total_count"].clone()),
        (
            json!([{"sku": "240-LV06", "qty": 9998, "is_salable": true},
                {"sku": "24-WB01", "qty": 60, "is_salable": true}]),
            json!(2)
        )
    );
}

#[tokio::test]
async fn step_13_transfers_move_stock_and_keep_salable_quantity() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/default/V1/inventory/bulk-product-source-transfer",
            &token,
            &fixture("tutorial/step13-bulk-product-source-transfer-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step13-bulk-product-source-transfer-response.json")
        )
    );
    let r = app
        .post(
            "/rest/default/V1/inventory/bulk-partial-source-transfer",
            &token,
            &fixture("tutorial/step13-bulk-partial-source-transfer-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step13-bulk-partial-source-transfer-response.json")
        )
    );
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-WB01&searchCriteria[sortOrders][0][field]=source_code&searchCriteria[sortOrders][0][direction]=ASC";
    let r = app
        .get(&format!("/rest/V1/inventory/source-items{q}"), &token)
        .await;
    // The seed is the world before step 10 (nothing shipped from ne_wh yet: 35 + 10).
    assert_eq!(
        r.body["items"],
        json!([
            {"sku": "24-WB01", "source_code": "berkeley", "quantity": 10, "status": 1},
            {"sku": "24-WB01", "source_code": "brooklyn", "quantity": 10, "status": 1},
            {"sku": "24-WB01", "source_code": "huntington", "quantity": 0, "status": 0},
            {"sku": "24-WB01", "source_code": "manhattan", "quantity": 10, "status": 1},
            {"sku": "24-WB01", "source_code": "ne_wh", "quantity": 45, "status": 1},
            {"sku": "24-WB01", "source_code": "sausalito", "quantity": 5, "status": 1},
            {"sku": "24-WB01", "source_code": "west_wh", "quantity": 20, "status": 1}
        ])
    );
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
}

#[tokio::test]
async fn bulk_refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let r = app
        .post("/rest/V1/inventory/bulk-partial-source-transfer", &token, &json!({"originSourceCode": "sausalito", "destinationSourceCode": "sausalito", "items": [{"sku": "24-WB01", "qty": 11}, {"sku": "24-WB01", "qty": 1}]}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Transfer validation failed", "errors": [
                {"message": "Cannot transfer a source on itself", "parameters": []},
                {"message": "Requested transfer amount for sku %sku is not available", "parameters": {"sku": "24-WB01"}}
            ]})
        )
    );
    let r = app
        .post("/rest/V1/inventory/bulk-partial-source-transfer", &token, &json!({"originSourceCode": "eu-1", "destinationSourceCode": "hq", "items": [{"sku": "24-WB01", "qty": 1}]}))
        .await;
    assert_eq!(
        r.body,
        json!({"message": "Transfer validation failed", "errors": [
            {"message": "Origin source %sourceCode does not exist", "parameters": {"sourceCode": "eu-1"}},
            {"message": "%message", "parameters": {"message": "Source item for 24-WB01 and eu-1 does not exist"}}
        ]})
    );
    let r = app
        .post("/rest/V1/inventory/bulk-product-source-transfer", &token, &json!({"skus": ["24-WB01"], "originSource": "hq", "destinationSource": "hq", "unassignFromOrigin": false}))
        .await;
    assert_eq!(
        r.body,
        json!({"message": "Validation Error: Select different sources for origin and destination.", "errors": [{"message": "Cannot transfer a source on itself", "parameters": []}]})
    );
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB01"], "sourceCodes": ["nowhere"]}),
        )
        .await;
    assert_eq!(
        r.body,
        json!({"message": "Validation Failed", "errors": [{"message": "Source %sourceCode does not exist", "parameters": {"sourceCode": "nowhere"}}]})
    );
    // `skus` and `sourceCodes` are `string[]`: a scalar is refused by its PHP type.
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB01"], "sourceCodes": "hq"}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"string\" value's type is invalid. The \"string[]\" type was expected. Verify and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // Assign counts new pairs only; unassign counts what it removed.
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB01", "240-LV06"], "sourceCodes": ["hq", "ne_wh"]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(2)));
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-unassign",
            &token,
            &json!({"skus": ["24-WB01", "240-LV06"], "sourceCodes": ["hq"]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(2)));
}

/// Bulk assign and unassign take each SKU and each source once, in one statement each, as
/// Magento's resource models: repeats count once, and a request of thousands of SKUs by
/// thousands of source codes answers at once (it was one statement a pair, for hours).
#[tokio::test]
async fn bulk_assign_and_unassign_take_each_pair_once() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB01", "24-WB01", "240-LV06"],
                "sourceCodes": ["hq", "hq", "ne_wh", "hq"]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(2)));
    let again = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB01", "240-LV06"], "sourceCodes": ["hq", "ne_wh"]}),
        )
        .await;
    assert_eq!((again.status, again.body), (StatusCode::OK, json!(0)));
    let r = app
        .get(
            "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=source_code&searchCriteria[filter_groups][0][filters][0][value]=hq",
            &token,
        )
        .await;
    let hq: Vec<_> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["sku"].clone(), i["quantity"].clone(), i["status"].clone()))
        .collect();
    assert_eq!(
        hq,
        [
            // The seed's, left as it was; then the new pair.
            (json!("240-LV06"), json!(9999), json!(1)),
            (json!("24-WB01"), json!(0), json!(0))
        ]
    );

    let mut skus: Vec<String> = vec!["24-WB01".into(); 5000];
    skus.push("240-LV06".into());
    let sources = vec!["hq"; 2000];
    let before = app.snapshot().await;
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": skus, "sourceCodes": sources}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(0)));
    assert_eq!(app.snapshot().await, before);
    // A SKU the catalog does not have as written (unknown, or in another case) leaves a null
    // product type, which MSI's type check refuses with a PHP TypeError: the plain-text 500
    // of Bootstrap, for assign and transfer alike; nothing is written.
    let mut unknown: Vec<String> = (0..5000).map(|i| format!("nothing-{i}")).collect();
    unknown.push("24-WB01".into());
    for (path, body) in [
        (
            "bulk-product-source-assign",
            json!({"skus": ["24-WB01", "24-wb01"], "sourceCodes": ["ne_wh"]}),
        ),
        (
            "bulk-product-source-assign",
            json!({"skus": unknown, "sourceCodes": ["ne_wh"]}),
        ),
        (
            "bulk-product-source-transfer",
            json!({"skus": ["24-WB01", "unknown"], "originSource": "hq",
                "destinationSource": "ne_wh", "unassignFromOrigin": false}),
        ),
    ] {
        let r = app
            .client
            .post(app.url(&format!("/rest/V1/inventory/{path}")))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = r.status();
        let text = r.text().await.expect("text");
        assert_eq!(
            (status, text.as_str()),
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "An error has happened during application run. See exception log for details.\n"
            ),
            "{path}"
        );
        assert_eq!(app.snapshot().await, before, "{path}");
    }
    // Unassign takes any SKU: what matches is removed.
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-unassign",
            &token,
            &json!({"skus": unknown, "sourceCodes": sources}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(1)));
}

/// The Out-of-Stock Threshold (`min_qty`) in `GetProductSalableQty` (in stock + reservations
/// − min_qty, 0 when the index row is not salable) and in the requested-qty chain, where
/// backorders count only with a threshold of 0 or more (MSI's `BackOrderCondition`).
#[tokio::test]
async fn the_out_of_stock_threshold_counts_in_the_salable_quantity_and_caps_backorders() {
    let app = spawn_app().await;
    let token = app.token().await;
    let set = |item: serde_json::Value| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .put(
                    "/rest/V1/products/24-WB01/stockItems/1",
                    token,
                    &json!({ "stockItem": item }),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        }
    };
    let requested = |qty: i64| {
        let app = &app;
        let token = &token;
        async move {
            app.get(
                &format!("/rest/V1/inventory/is-product-salable-for-requested-qty/24-WB01/2/{qty}"),
                token,
            )
            .await
            .body["salable"]
                .clone()
        }
    };
    // 100 in stock at stock 2's sources, 40 reserved by order 3.
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
    set(json!({"use_config_min_qty": false, "min_qty": 10})).await;
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(50));
    assert_eq!(requested(50).await, json!(true));
    assert_eq!(requested(51).await, json!(false));
    // A threshold above what is left: the index row is not salable, the answer 0.
    set(json!({"use_config_min_qty": false, "min_qty": 70})).await;
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(0));
    // Backorders with a negative threshold sell that far below 0, no further.
    set(
        json!({"use_config_min_qty": false, "min_qty": -3, "use_config_backorders": false,
        "backorders": 1}),
    )
    .await;
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(63));
    assert_eq!(requested(63).await, json!(true));
    assert_eq!(requested(64).await, json!(false));
    // With a threshold of 0, backorders take any quantity.
    set(
        json!({"use_config_min_qty": false, "min_qty": 0, "use_config_backorders": false,
        "backorders": 1}),
    )
    .await;
    assert_eq!(requested(1000).await, json!(true));
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(60));
}
