//! Tax classes (`/V1/taxClasses`, `TaxClassRepositoryInterface`): create (the id as a string),
//! rename (the id as a number; the type cannot change), read, search, delete (not while a
//! customer group or a product uses the class), and Magento's refusals, none of which changes
//! anything.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PATH: &str = "/rest/V1/taxClasses";

fn class(name: &str, class_type: &str) -> Value {
    json!({"taxClass": {"class_name": name, "class_type": class_type}})
}

fn required(field: &str) -> Value {
    json!({"message": "\"%fieldName\" is required. Enter and try again.",
        "parameters": {"fieldName": field}})
}

/// A wholesale customer class is created (`"4"`), read, renamed through PUT (`4`; the path's
/// id wins over the body's), found by a search, then deleted (`true`; then 404).
#[tokio::test]
async fn a_tax_class_lives_and_goes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(PATH, &token, &class("Wholesale", "CUSTOMER"))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!("4")));
    let r = app.get(&format!("{PATH}/4"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"class_id": 4, "class_name": "Wholesale", "class_type": "CUSTOMER"})
        )
    );
    let r = app
        .put(
            &format!("{PATH}/4"),
            &token,
            &json!({"taxClass": {"class_id": 2, "class_name": "Trade", "class_type": "CUSTOMER"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(4)));
    let r = app
        .get(
            &format!(
                "{PATH}/search?searchCriteria[filter_groups][0][filters][0][field]=class_type\
                 &searchCriteria[filter_groups][0][filters][0][value]=CUSTOMER\
                 &searchCriteria[sortOrders][0][field]=class_name\
                 &searchCriteria[sortOrders][0][direction]=DESC"
            ),
            &token,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        (&r.body["items"], &r.body["total_count"]),
        (
            &json!([
                {"class_id": 4, "class_name": "Trade", "class_type": "CUSTOMER"},
                {"class_id": 3, "class_name": "Retail Customer", "class_type": "CUSTOMER"}
            ]),
            &json!(2)
        )
    );
    // Product class 2 is untouched by the PUT that named it in its body.
    let r = app.get(&format!("{PATH}/2"), &token).await;
    assert_eq!(r.body["class_name"], json!("Taxable Goods"));

    let r = app.delete(&format!("{PATH}/4"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.get(&format!("{PATH}/4"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "class_id", "fieldValue": 4}})
        )
    );
}

/// Magento's refusals in its order and words; none changes anything.
#[tokio::test]
async fn refused_saves_and_deletes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let classes_before = app
        .get(
            &format!("{PATH}/search?searchCriteria[pageSize]=50"),
            &token,
        )
        .await
        .body;
    let not_found = |id: i64| {
        json!({"message": "No such entity with %fieldName = %fieldValue",
            "parameters": {"fieldName": "class_id", "fieldValue": id}})
    };
    let posts = [
        (json!({}), StatusCode::BAD_REQUEST, required("taxClass")),
        (
            json!({"taxClass": {}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "class_name"}},
                {"message": "\"%fieldName\" is required. Enter and try again.",
                 "parameters": {"fieldName": "class_type"}}]}),
        ),
        (
            class(" ", "PRODUCT"),
            StatusCode::BAD_REQUEST,
            required("class_name"),
        ),
        (
            class("Food", "product"),
            StatusCode::BAD_REQUEST,
            json!({"message": "Invalid value of \"%value\" provided for the %fieldName field.",
                "parameters": {"fieldName": "class_type", "value": "product"}}),
        ),
        (
            class("taxable goods", "PRODUCT"),
            StatusCode::BAD_REQUEST,
            json!({"message": "A class with the same name already exists for ClassType %1.",
                "parameters": ["PRODUCT"]}),
        ),
        (
            json!({"taxClass": {"class_id": 3, "class_name": "Retail", "class_type": "PRODUCT"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Updating classType is not allowed."}),
        ),
        (
            json!({"taxClass": {"class_id": 3, "class_name": "Retail"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Updating classType is not allowed."}),
        ),
        (
            json!({"taxClass": {"class_id": 99, "class_name": "X", "class_type": "PRODUCT"}}),
            StatusCode::NOT_FOUND,
            not_found(99),
        ),
    ];
    for (body, status, expected) in posts {
        let r = app.post(PATH, &token, &body).await;
        assert_eq!((r.status, r.body), (status, expected), "{body}");
    }
    let deletes = [
        (
            3,
            StatusCode::BAD_REQUEST,
            json!({"message": "You cannot delete this tax class because it is used in existing %1(s).",
                "parameters": ["customer group"]}),
        ),
        (
            2,
            StatusCode::BAD_REQUEST,
            json!({"message": "You cannot delete this tax class because it is used in existing %1(s).",
                "parameters": ["product"]}),
        ),
        (99, StatusCode::NOT_FOUND, not_found(99)),
    ];
    for (id, status, expected) in deletes {
        let r = app.delete(&format!("{PATH}/{id}"), &token).await;
        assert_eq!((r.status, r.body), (status, expected), "delete {id}");
    }
    assert_eq!(app.snapshot().await, before);
    let classes_after = app
        .get(
            &format!("{PATH}/search?searchCriteria[pageSize]=50"),
            &token,
        )
        .await
        .body;
    assert_eq!(
        classes_after, classes_before,
        "the classes are as they were"
    );

    // The same name is free in the other type; a customer token is not an admin's.
    let r = app
        .post(PATH, &token, &class("Taxable Goods", "CUSTOMER"))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!("4")));
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    let r = app.get(&format!("{PATH}/2"), &jane).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                "parameters": {"resources": "Magento_Tax::manage_tax"}})
        )
    );
}
