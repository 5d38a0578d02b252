//! Customer groups: create, update, delete, search, read-only, a store's default group
//! (`GroupRepositoryInterface`, `GroupManagementInterface`).

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn no_such(field: &str, value: Value) -> Value {
    json!({"message": "No such entity with %fieldName = %fieldValue",
           "parameters": {"fieldName": field, "fieldValue": value}})
}

fn group(id: i64, code: &str) -> Value {
    json!({"id": id, "code": code, "tax_class_id": 3, "tax_class_name": "Retail Customer"})
}

/// A group created, renamed, found, and deleted with its customers moved to General.
#[tokio::test]
async fn a_group_is_created_renamed_searched_and_deleted() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let r = app
        .post(
            "/rest/V1/customerGroups",
            &admin,
            &json!({"group": {"code": "Trade"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, group(4, "Trade")));
    // A code longer than 32 characters is cut (`Group::GROUP_CODE_MAX_LENGTH`).
    let long = "x".repeat(40);
    let r = app
        .put(
            "/rest/V1/customerGroups/4",
            &admin,
            &json!({"group": {"id": 9, "code": long, "tax_class_id": 3}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, group(4, &"x".repeat(32)))
    );
    let q = "searchCriteria[filter_groups][0][filters][0][field]=code\
             &searchCriteria[filter_groups][0][filters][0][value]=%25x%25\
             &searchCriteria[filter_groups][0][filters][0][condition_type]=like";
    let r = app
        .get(&format!("/rest/V1/customerGroups/search?{q}"), &admin)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["items"], json!([group(4, &"x".repeat(32))]));
    assert_eq!(r.body["total_count"], 1);
    let r = app
        .get(
            "/rest/V1/customerGroups/search?searchCriteria[sortOrders][0][field]=id&searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=2",
            &admin,
        )
        .await;
    let ids: Vec<&Value> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| &g["id"])
        .collect();
    assert_eq!(
        (ids, &r.body["total_count"]),
        (vec![&json!(4), &json!(3)], &json!(5))
    );

    // Jane moves to the new group; deleting it moves her back to General.
    let r = app
        .put(
            "/rest/V1/customers/2",
            &admin,
            &json!({"customer": {"group_id": 4}}),
        )
        .await;
    assert_eq!(r.body["group_id"], 4, "{:?}", r.body);
    for (path, expected) in [
        ("/rest/V1/customerGroups/4/permissions", json!(false)),
        ("/rest/V1/customerGroups/1/permissions", json!(true)),
        ("/rest/V1/customerGroups/0/permissions", json!(true)),
    ] {
        let r = app.get(path, &admin).await;
        assert_eq!((r.status, r.body), (StatusCode::OK, expected), "{path}");
    }
    let r = app.delete("/rest/V1/customerGroups/4", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.get("/rest/V1/customerGroups/4", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, no_such("id", json!(4)))
    );
    let jane = app.get("/rest/V1/customers/2", &admin).await.body;
    assert_eq!(jane["group_id"], 1);
    let r = app.get("/rest/V1/customerGroups/default/1", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, group(1, "General")));
}

/// What the group routes refuse, with Magento's bodies, and nothing written.
#[tokio::test]
async fn group_refusals_change_nothing() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let before = app.snapshot().await;
    let required = |field: &str| {
        json!({"message": "\"%fieldName\" is required. Enter and try again.",
               "parameters": {"fieldName": field}})
    };
    let invalid_tax = |value: Value| {
        json!({"message": "Invalid value of \"%value\" provided for the %fieldName field.",
               "parameters": {"fieldName": "taxClassId", "value": value}})
    };
    let cases = [
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({}),
            StatusCode::BAD_REQUEST,
            required("group"),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"tax_class_id": 3}}),
            StatusCode::BAD_REQUEST,
            required("code"),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "general"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Customer Group already exists."}),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "New", "tax_class_id": 2}}),
            StatusCode::BAD_REQUEST,
            invalid_tax(json!(2)),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "New", "tax_class_id": 99}}),
            StatusCode::BAD_REQUEST,
            invalid_tax(json!(99)),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "New", "colour": 1}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
        ),
        (
            "PUT",
            "/rest/V1/customerGroups/2",
            json!({"group": {"code": "Wholesalers"}}),
            StatusCode::BAD_REQUEST,
            invalid_tax(Value::Null),
        ),
        (
            "PUT",
            "/rest/V1/customerGroups/2",
            json!({"group": {"code": "Retailer", "tax_class_id": 3}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Customer Group already exists."}),
        ),
        (
            "PUT",
            "/rest/V1/customerGroups/42",
            json!({"group": {"code": "X", "tax_class_id": 3}}),
            StatusCode::NOT_FOUND,
            no_such("id", json!(42)),
        ),
        (
            "DELETE",
            "/rest/V1/customerGroups/42",
            Value::Null,
            StatusCode::NOT_FOUND,
            no_such("id", json!(42)),
        ),
        (
            "DELETE",
            "/rest/V1/customerGroups/1",
            Value::Null,
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot delete group."}),
        ),
        (
            "DELETE",
            "/rest/V1/customerGroups/0",
            Value::Null,
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot delete group."}),
        ),
        (
            "GET",
            "/rest/V1/customerGroups/42/permissions",
            Value::Null,
            StatusCode::NOT_FOUND,
            no_such("groupId", json!(42)),
        ),
        (
            "GET",
            "/rest/V1/customerGroups/default/9",
            Value::Null,
            StatusCode::NOT_FOUND,
            no_such("storeId", json!(9)),
        ),
    ];
    for (method, path, body, status, expected) in cases {
        let r = match method {
            "POST" => app.post(path, &admin, &body).await,
            "PUT" => app.put(path, &admin, &body).await,
            "DELETE" => app.delete(path, &admin).await,
            _ => app.get(path, &admin).await,
        };
        assert_eq!(
            (r.status, &r.body),
            (status, &expected),
            "{method} {path} {body}"
        );
    }
    let r = app
        .post(
            "/rest/V1/customerGroups",
            "",
            &json!({"group": {"code": "New"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.",
                   "parameters": {"resources": "Magento_Customer::group"}})
        )
    );
    assert!(app.snapshot().await == before, "refusals changed nothing");
}
