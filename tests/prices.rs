//! `POST /V1/products/base-prices-information` and `POST /V1/products/base-prices`
//! (`BasePriceStorageInterface`, `Magento_Catalog::catalog`): Magento's api-functional
//! `BasePriceStorageTest` (testGet, testUpdate, testUpdateWithInvalidParameters,
//! testUpdateLastUpdatedAt), with what the storage's code does besides: unknown SKUs left out of
//! a read, SKUs matched without case, the good prices of an update saved beside the bad ones,
//! a store view's price saved for store 0 under the global price scope.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

const READ: &str = "/rest/V1/products/base-prices-information";
const UPDATE: &str = "/rest/V1/products/base-prices";

#[tokio::test]
async fn a_read_gives_the_known_products_in_id_order() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            READ,
            &token,
            &json!({"skus": ["240-LV06", "nope", "24-wb03", "24-WB01", " 24-WB03 "]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([
                {"price": 32, "store_id": 0, "sku": "24-WB01"},
                {"price": 36, "store_id": 0, "sku": "24-wb03"},
                {"price": 22, "store_id": 0, "sku": "240-LV06"}
            ])
        )
    );
    let r = app.post(READ, &token, &json!({"skus": ["nope"]})).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
}

#[tokio::test]
async fn an_update_saves_the_good_prices_and_names_the_bad_ones() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.get("/rest/V1/products/24-WB01", &token).await.body;
    // A store view's price goes to store 0 (global price scope); the bad row is reported.
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [
                {"price": 29.5, "store_id": 1, "sku": "24-wb01", "extension_attributes": {}},
                {"price": -1, "store_id": 0, "sku": "24-WB03"}
            ]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([{"message": "Invalid attribute %fieldName = %fieldValue.",
                    "parameters": ["Price", "-1"]}])
        )
    );
    let r = app
        .post(READ, &token, &json!({"skus": ["24-WB01", "24-WB03"]}))
        .await;
    assert_eq!(
        r.body,
        json!([
            {"price": 29.5, "store_id": 0, "sku": "24-WB01"},
            {"price": 36, "store_id": 0, "sku": "24-WB03"}
        ])
    );
    let after = app.get("/rest/V1/products/24-WB01", &token).await.body;
    assert_eq!(after["price"], json!(29.5));
    assert!(after["updated_at"].as_str() > before["updated_at"].as_str());
    let untouched = app.get("/rest/V1/products/24-WB03", &token).await.body;
    assert_eq!(untouched["updated_at"], before["updated_at"]);
    // A cart takes the new price.
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let cart = app
        .post("/rest/V1/carts/mine", &jane, &json!({}))
        .await
        .body;
    let r = app
        .post(
            "/rest/V1/carts/mine/items",
            &jane,
            &json!({"cartItem": {"sku": "24-WB01", "qty": 2, "quote_id": cart}}),
        )
        .await;
    assert_eq!(r.body["price"], json!(29.5), "{:?}", r.body);
    // All good: `[]`.
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [{"price": 0, "store_id": 0, "sku": "24-WB03"}]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
}

/// testUpdateWithInvalidParameters, and nothing changed.
#[tokio::test]
async fn every_check_a_price_fails_is_named() {
    let app = spawn_app().await;
    let token = app.token().await;
    let products = || async {
        app.get("/rest/V1/products?searchCriteria[pageSize]=50", &token)
            .await
            .body
    };
    let before = products().await;
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [{"sku": "not_existing_sku", "price": -9999, "store_id": 9999}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([
                {"message": "Invalid attribute %fieldName = %fieldValue.",
                 "parameters": ["SKU", "not_existing_sku"]},
                {"message": "Invalid attribute %fieldName = %fieldValue.",
                 "parameters": ["Price", "-9999"]},
                {"message": "Requested store is not found. Row ID: SKU = not_existing_sku, Store ID: 9999.",
                 "parameters": ["not_existing_sku", "9999"]}
            ])
        )
    );
    assert_eq!(products().await, before);
}

/// SOAP's `item` node around one data object: the one price (`_removeSoapItemNode` wraps an
/// associative item as a one-element list).
#[tokio::test]
async fn one_price_inside_an_item_node_is_saved() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": {"item": {"sku": "24-WB01", "price": 33, "store_id": 0}}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let read = app.post(READ, &token, &json!({"skus": ["24-WB01"]})).await;
    assert_eq!(
        read.body,
        json!([{"price": 33, "store_id": 0, "sku": "24-WB01"}])
    );
}

/// The sign is checked on the double PHP holds, not on the amount stored: `-0.00001` is
/// negative (it would round to 0), and the parameter is PHP's `(string)` of the double.
#[tokio::test]
async fn a_price_is_checked_and_shown_as_the_posted_double() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [
                {"sku": "24-WB01", "price": -0.00001, "store_id": 0},
                {"sku": "24-WB01", "price": "-0.123456", "store_id": 0}
            ]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([
                {"message": "Invalid attribute %fieldName = %fieldValue.",
                 "parameters": ["Price", "-1.0E-5"]},
                {"message": "Invalid attribute %fieldName = %fieldValue.",
                 "parameters": ["Price", "-0.123456"]}
            ])
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_body_without_its_list_is_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.post(READ, &token, &json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "skus"}})
        )
    );
    let r = app.post(UPDATE, &token, &json!({"prices": null})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "prices"}})
        )
    );
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [{"sku": "24-WB01", "price": "abc"}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.body);
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [{"sku": "24-WB01", "cost": 1}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                   "parameters": {"fieldName": "Cost"}})
        )
    );
}

/// `skus` is `string[]`, a simple type to `TypeProcessor::processSimpleAndAnyType`: an object is
/// a PHP array too (its values are read), any other value is refused naming its PHP type
/// (`gettype()`), not the value.
#[tokio::test]
async fn skus_are_read_as_php_reads_a_string_array() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(READ, &token, &json!({"skus": {"first": "24-WB01"}}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([{"price": 32, "store_id": 0, "sku": "24-WB01"}])
        )
    );
    // SOAP's `item` node, which the input layer removes for REST too: its array, or its one
    // scalar as a list.
    for skus in [
        json!({"item": ["24-WB01"]}),
        json!({"item": "24-WB01", "other": "24-WB03"}),
    ] {
        let r = app.post(READ, &token, &json!({ "skus": skus })).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::OK,
                json!([{"price": 32, "store_id": 0, "sku": "24-WB01"}])
            ),
            "{skus}"
        );
    }
    for (skus, php_type) in [
        (json!("24-WB01"), "string"),
        (json!(7), "integer"),
        (json!(7.5), "double"),
        (json!(true), "boolean"),
    ] {
        let r = app.post(READ, &token, &json!({ "skus": skus })).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": format!("The \"{php_type}\" value's type is invalid. The \"string[]\" type was expected. Verify and try again.")})
            ),
            "{skus}"
        );
    }
}

/// `ProductIdLocator` asks the database for each SKU as posted (MySQL's `*_general_ci`: no
/// case, trailing spaces ignored) and then knows the products found by `strtolower(trim())`:
/// a SKU with a leading space or a trailing tab is found only through another spelling of the
/// same request; on an update, alone, it is an unknown SKU and nothing is saved.
#[tokio::test]
async fn skus_are_found_as_mysql_and_the_locator_find_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            READ,
            &token,
            &json!({"skus": [" 24-WB01", "24-WB03\t", "24-wb03 "]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([{"price": 36, "store_id": 0, "sku": "24-WB03\t"}])
        )
    );
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [
                {"sku": " 24-WB01", "price": 1, "store_id": 0},
                {"sku": "24-WB01  ", "price": 2, "store_id": 0}
            ]}),
        )
        .await;
    // The second spelling finds the product for both, the last price wins.
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let before = app.snapshot().await;
    let r = app
        .post(
            UPDATE,
            &token,
            &json!({"prices": [{"sku": "\t24-WB03", "price": 5, "store_id": 0}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!([{"message": "Invalid attribute %fieldName = %fieldValue.",
                    "parameters": ["SKU", "\t24-WB03"]}])
        )
    );
    assert_eq!(app.snapshot().await, before);
    let r = app
        .post(READ, &token, &json!({"skus": ["24-WB01", "24-WB03"]}))
        .await;
    assert_eq!(
        r.body,
        json!([
            {"price": 2, "store_id": 0, "sku": "24-WB01"},
            {"price": 36, "store_id": 0, "sku": "24-WB03"}
        ])
    );
}
