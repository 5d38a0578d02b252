//! Customer groups: create, update, delete, search, read-only, a store's default group and
//! setting it (`GroupRepositoryInterface`, `GroupManagementInterface`,
//! `CustomerGroupConfigInterface`).

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
        (
            "PUT",
            "/rest/V1/customerGroups/default/42",
            json!({}),
            StatusCode::NOT_FOUND,
            no_such("id", json!(42)),
        ),
        (
            "PUT",
            "/rest/V1/customerGroups/default/abc",
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."}),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "  GENERAL "}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Customer Group already exists."}),
        ),
        (
            "POST",
            "/rest/V1/customerGroups",
            json!({"group": {"code": "New", "extension_attributes": {"colour": 1}}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
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

/// `PUT /V1/customerGroups/default/{id}`: the new default group is every store's default, is
/// protected from deletion, takes new customers and those of a deleted group; the old one can
/// go.
#[tokio::test]
async fn the_default_group_can_be_changed() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let r = app
        .put("/rest/V1/customerGroups/default/2", &admin, &json!({}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(2)));
    for path in [
        "/rest/V1/customerGroups/default",
        "/rest/V1/customerGroups/default/0",
        "/rest/V1/customerGroups/default/1",
    ] {
        let r = app.get(path, &admin).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, group(2, "Wholesale")),
            "{path}"
        );
    }
    for (id, readonly) in [(0, true), (1, false), (2, true), (3, false)] {
        let r = app
            .get(&format!("/rest/V1/customerGroups/{id}/permissions"), &admin)
            .await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, json!(readonly)),
            "{id}"
        );
    }
    let r = app.delete("/rest/V1/customerGroups/2", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot delete group."})
        )
    );
    // A customer created without a group takes the default one.
    let r = app
        .post(
            "/rest/V1/customers",
            &admin,
            &json!({"customer": {"email": "new@example.com", "firstname": "N", "lastname": "C"}}),
        )
        .await;
    assert_eq!((r.status, &r.body["group_id"]), (StatusCode::OK, &json!(2)));
    // General can go now; its customers move to the default group of their store.
    let general: Vec<i64> = app
        .get(
            "/rest/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=group_id&searchCriteria[filter_groups][0][filters][0][value]=1",
            &admin,
        )
        .await
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert!(!general.is_empty(), "the seed has customers in General");
    let r = app.delete("/rest/V1/customerGroups/1", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    for id in general {
        let c = app
            .get(&format!("/rest/V1/customers/{id}"), &admin)
            .await
            .body;
        assert_eq!(c["group_id"], 2, "customer {id}");
    }
    // Group 0 may be the default too (no check against it).
    let r = app
        .put("/rest/V1/customerGroups/default/0", &admin, &Value::Null)
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(0)));
    let r = app.get("/rest/V1/customerGroups/default", &admin).await;
    assert_eq!(
        (r.status, &r.body["code"]),
        (StatusCode::OK, &json!("NOT LOGGED IN"))
    );
}

/// `extension_attributes.exclude_website_ids`: stored for websites that exist, shown by reads
/// when there are some; the save's reply echoes what was posted. An update's posted
/// `tax_class_name` is echoed too (and not stored); a posted id 0 updates NOT LOGGED IN.
#[tokio::test]
async fn excluded_websites_and_echoed_fields() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let with_ext = |id: i64, code: &str, ids: Value| {
        let mut g = group(id, code);
        g["extension_attributes"] = json!({"exclude_website_ids": ids});
        g
    };
    let r = app
        .post(
            "/rest/V1/customerGroups",
            &admin,
            &json!({"group": {"code": "B2B", "tax_class_name": "Made up",
                    "extension_attributes": {"exclude_website_ids": [1, 7, "1"]}}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, with_ext(4, "B2B", json!([1, 7, 1])))
    );
    let r = app.get("/rest/V1/customerGroups/4", &admin).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, with_ext(4, "B2B", json!([1])))
    );
    let r = app
        .get(
            "/rest/V1/customerGroups/search?searchCriteria[filter_groups][0][filters][0][field]=id&searchCriteria[filter_groups][0][filters][0][value]=1&searchCriteria[filter_groups][0][filters][0][condition_type]=gt",
            &admin,
        )
        .await;
    assert_eq!(
        r.body["items"],
        json!([
            group(2, "Wholesale"),
            group(3, "Retailer"),
            with_ext(4, "B2B", json!([1]))
        ])
    );
    // An update: the posted tax class name is the reply's; an empty list clears the websites.
    let r = app
        .put(
            "/rest/V1/customerGroups/4",
            &admin,
            &json!({"group": {"code": "B2B", "tax_class_id": 3, "tax_class_name": "Made up",
                    "extension_attributes": {"exclude_website_ids": []}}}),
        )
        .await;
    let mut expected = with_ext(4, "B2B", json!([]));
    expected["tax_class_name"] = json!("Made up");
    assert_eq!((r.status, r.body), (StatusCode::OK, expected));
    let r = app.get("/rest/V1/customerGroups/4", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, group(4, "B2B")));
    // Group 0 takes a posted id of 0 as an update and never keeps excluded websites.
    let r = app
        .post(
            "/rest/V1/customerGroups",
            &admin,
            &json!({"group": {"id": 0, "code": "Guests", "tax_class_id": 3,
                    "extension_attributes": {"exclude_website_ids": [1]}}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::OK, with_ext(0, "Guests", json!([1])))
    );
    let r = app.get("/rest/V1/customerGroups/0", &admin).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, group(0, "Guests")));
    // A scalar where the `int[]` is expected: refused under both keys, nothing saved.
    let before = app.snapshot().await;
    let r = app
        .post(
            "/rest/V1/customerGroups",
            &admin,
            &json!({"group": {"code": "B2C", "tax_class_id": 3,
                    "extensionAttributes": {"exclude_website_ids": "1"}}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"extensionAttributes\" processing. Error occurred during \"exclude_website_ids\" processing. The \"string\" value's type is invalid. The \"int[]\" type was expected. Verify and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}
