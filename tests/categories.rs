//! `GET /V1/categories/{id}` and the tree `GET /V1/categories`: the Luma categories the seed's
//! products sit in, per store scope, with product counts that follow the products.

use crate::common;

use common::{fixture, spawn_app, spawn_app_with};
use magemu::config::Seed;
use reqwest::StatusCode;
use serde_json::json;

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
