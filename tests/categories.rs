//! `GET /V1/categories/{id}` and the tree `GET /V1/categories`: the Luma categories the seed's
//! products sit in, per store scope, with product counts that follow the products.

use crate::common;

use common::{fixture, spawn_app, spawn_app_with};
use magemu::config::Seed;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_tree_of_a_store_starts_at_its_root_category() {
    let app = spawn_app().await;
    let token = app.token().await;
    for prefix in ["/rest/V1", "/rest/default/V1"] {
        let r = app.get(&format!("{prefix}/categories"), &token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, fixture("categories-tree-default.json")),
            "{prefix}"
        );
    }
    // The admin scope starts at the top-level category.
    let r = app.get("/rest/all/V1/categories", &token).await;
    assert_eq!(
        (
            r.body["id"].clone(),
            r.body["name"].clone(),
            r.body["level"].clone()
        ),
        (json!(1), json!("Root Catalog"), json!(0))
    );
    assert_eq!(
        r.body["children_data"][0],
        fixture("categories-tree-default.json")
    );
    // rootCategoryId and depth.
    let r = app
        .get("/rest/V1/categories?rootCategoryId=3&depth=0", &token)
        .await;
    assert_eq!(
        r.body,
        json!({"id": 3, "parent_id": 2, "name": "Gear", "is_active": true, "position": 4,
               "level": 2, "product_count": 2, "children_data": []})
    );
    let r = app
        .get("/rest/V1/categories?rootCategoryId=77", &token)
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue", "parameters": {"fieldName": "id", "fieldValue": 77}})
        )
    );
}

#[tokio::test]
async fn a_category_by_id() {
    let app = spawn_app().await;
    let token = app.token().await;
    for prefix in ["/rest/V1", "/rest/default/V1"] {
        let r = app.get(&format!("{prefix}/categories/3"), &token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, fixture("category-3.json"))
        );
    }
    let r = app.get("/rest/V1/categories/2", &token).await;
    assert_eq!(r.body["children"], "3,9");
    let r = app.get("/rest/V1/categories/99", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue", "parameters": {"fieldName": "id", "fieldValue": 99}})
        )
    );
    let r = app.get("/rest/V1/categories/abc", &token).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn product_counts_follow_the_products() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "mat", "name": "Yoga Mat", "price": 20,
                "extension_attributes": {"category_links": [{"position": 2, "category_id": "3"}]}}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let tree = app.get("/rest/V1/categories", &token).await.body;
    assert_eq!(tree["product_count"], 4);
    assert_eq!(tree["children_data"][0]["product_count"], 3);
    assert_eq!(
        tree["children_data"][0]["children_data"][0]["product_count"],
        2
    );
    app.delete("/rest/V1/products/24-WB01", &token).await;
    let tree = app.get("/rest/V1/categories", &token).await.body;
    assert_eq!(tree["children_data"][0]["product_count"], 2);
}

#[tokio::test]
async fn an_empty_world_has_the_two_roots() {
    let app = spawn_app_with(|c| c.seed = Seed::None).await;
    let token = app.token().await;
    let r = app.get("/rest/all/V1/categories", &token).await;
    assert_eq!(
        r.body,
        json!({"id": 1, "parent_id": 0, "name": "Root Catalog", "is_active": true, "position": 0,
            "level": 0, "product_count": 0, "children_data": [
                {"id": 2, "parent_id": 1, "name": "Default Category", "is_active": true,
                 "position": 1, "level": 1, "product_count": 0, "children_data": []}]})
    );
}

/// `GET /V1/categories/list` (`CategoryList::getList`): the categories matching the criteria,
/// each as the read by id shows it, and the count of them all.
#[tokio::test]
async fn the_category_list_reads_each_match_as_by_id() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .get(
            "/rest/V1/categories/list?searchCriteria[filter_groups][0][filters][0][field]=parent_id\
             &searchCriteria[filter_groups][0][filters][0][value]=2\
             &searchCriteria[sortOrders][0][field]=name&searchCriteria[sortOrders][0][direction]=ASC\
             &searchCriteria[pageSize]=1",
            &token,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let first = &r.body["items"][0];
    let id = first["id"].as_i64().expect("an id");
    let by_id = app.get(&format!("/rest/V1/categories/{id}"), &token).await;
    assert_eq!(first, &by_id.body);
    assert!(r.body["total_count"].as_i64().unwrap() >= 1);
    let all = app
        .get(
            "/rest/V1/categories/list?searchCriteria[pageSize]=100",
            &token,
        )
        .await;
    let ids: Vec<i64> = all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        ids.first(),
        Some(&1),
        "the tree's root is listed too: {ids:?}"
    );
    assert_eq!(all.body["total_count"], json!(ids.len()));
    let missing = app.get("/rest/V1/categories/list", &token).await;
    assert_eq!(
        (missing.status, missing.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "searchCriteria"}})
        )
    );
}

/// `GET/POST/PUT /V1/categories/{id}/products`, `DELETE .../products/{sku}`
/// (`CategoryLinkManagement::getAssignedProducts`, `CategoryLinkRepository::save`,
/// `deleteByIds`): a POST names the category in the object, a PUT by the path; a store view
/// lists what its category index holds (an anchor's subtree, positions below it + 10000), the
/// admin store the links themselves; refusals write nothing.
#[tokio::test]
async fn product_links_of_a_category() {
    let app = spawn_app().await;
    let token = app.token().await;
    let assigned = |path: &str| {
        let app = &app;
        let token = &token;
        let path = path.to_owned();
        async move {
            let reply = app.get(&path, token).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
            reply.body
        }
    };
    assert_eq!(
        assigned("/rest/V1/categories/4/products").await,
        json!([{"sku": "24-WB01", "position": 0, "category_id": "4"},
               {"sku": "24-WB03", "position": 0, "category_id": "4"}])
    );
    // A POST: the category is the object's (the path's is not read).
    let saved = app
        .post(
            "/rest/V1/categories/4/products",
            &token,
            &json!({"productLink": {"sku": "24-WB01", "position": 7, "category_id": "9"}}),
        )
        .await;
    assert_eq!((saved.status, &saved.body), (StatusCode::OK, &json!(true)));
    // A PUT: the path's category goes into the object.
    let put = app
        .put(
            "/rest/V1/categories/10/products",
            &token,
            &json!({"productLink": {"sku": "24-WB03", "position": 3}}),
        )
        .await;
    assert_eq!((put.status, &put.body), (StatusCode::OK, &json!(true)));
    assert_eq!(
        assigned("/rest/V1/categories/9/products").await,
        json!([{"sku": "24-WB01", "position": 7, "category_id": "9"},
               {"sku": "24-WB03", "position": 10003, "category_id": "9"},
               {"sku": "240-LV06", "position": 0, "category_id": "9"}])
    );
    assert_eq!(
        assigned("/rest/all/V1/categories/9/products").await,
        json!([{"sku": "24-WB01", "position": 7, "category_id": "9"},
               {"sku": "24-WB03", "position": 3, "category_id": "9"},
               {"sku": "240-LV06", "position": 0, "category_id": "9"}])
    );
    let product = app
        .get(
            "/rest/V1/products/24-WB03?fields=extension_attributes[category_links]",
            &token,
        )
        .await;
    assert_eq!(
        product.body["extension_attributes"]["category_links"],
        json!([{"position": 0, "category_id": "3"}, {"position": 0, "category_id": "4"},
               {"position": 3, "category_id": "10"}])
    );
    // Refusals, in the repository's order; none writes.
    let before = app.snapshot().await;
    let no_such = |value: Value| {
        json!({"message": "No such entity with %fieldName = %fieldValue",
               "parameters": {"fieldName": "id", "fieldValue": value}})
    };
    let product_missing = json!({"message": "The product that was requested doesn't exist. Verify the product and try again."});
    for (body, status, expected) in [
        (
            json!({"productLink": {"sku": "24-WB01"}}),
            StatusCode::NOT_FOUND,
            no_such(Value::Null),
        ),
        (
            json!({"productLink": {"sku": "24-WB01", "category_id": "999"}}),
            StatusCode::NOT_FOUND,
            no_such(json!("999")),
        ),
        (
            json!({"productLink": {"sku": "nope", "category_id": "9"}}),
            StatusCode::NOT_FOUND,
            product_missing.clone(),
        ),
        (
            json!({"productLink": {"sku": "24-WB01", "category_id": "9", "colour": 1}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
        ),
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "productLink"}}),
        ),
    ] {
        let reply = app
            .post("/rest/V1/categories/9/products", &token, &body)
            .await;
        assert_eq!((reply.status, reply.body), (status, expected), "{body}");
    }
    let not_linked = app
        .delete("/rest/V1/categories/9/products/24-WB03", &token)
        .await;
    assert_eq!(
        (not_linked.status, not_linked.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The category doesn't contain the specified product."})
        )
    );
    let unknown = app
        .delete("/rest/V1/categories/999/products/24-WB01", &token)
        .await;
    assert_eq!(
        (unknown.status, unknown.body),
        (StatusCode::NOT_FOUND, no_such(json!(999)))
    );
    assert_eq!(app.snapshot().await, before);
    // The link goes; the product stays in its other categories.
    let deleted = app
        .delete("/rest/V1/categories/9/products/24-WB01", &token)
        .await;
    assert_eq!(
        (deleted.status, deleted.body),
        (StatusCode::OK, json!(true))
    );
    assert_eq!(
        assigned("/rest/all/V1/categories/9/products").await,
        json!([{"sku": "24-WB03", "position": 3, "category_id": "9"},
               {"sku": "240-LV06", "position": 0, "category_id": "9"}])
    );
}
