//! `/V1/products`: the seeded Luma products as Magento renders them (per store too), a user's
//! own simple, virtual and downloadable products, updates, deletes with MSI's source item
//! cleanup, lists, and ProductRepository's refusals (nothing written).

use crate::common;

use common::{fixture, spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const NOT_FOUND: &str =
    "The product that was requested doesn't exist. Verify the product and try again.";
const TIMES: [&str; 2] = ["created_at", "updated_at"];

async fn source_items(app: &TestApp, token: &str, sku: &str) -> Value {
    let q = format!(
        "searchCriteria[filter_groups][0][filters][0][field]=sku\
         &searchCriteria[filter_groups][0][filters][0][value]={sku}"
    );
    let r = app
        .get(&format!("/rest/V1/inventory/source-items?{q}"), token)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["items"].clone()
}

#[tokio::test]
async fn seeded_products_read_as_magento_renders_them_in_every_scope() {
    let app = spawn_app().await;
    let token = app.token().await;
    for prefix in [
        "/rest/V1",
        "/rest/default/V1",
        "/rest/all/V1",
        "/index.php/rest/default/V1",
    ] {
        let r = app.get(&format!("{prefix}/products/24-WB01"), &token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, fixture("product-24-WB01.json")),
            "{prefix}"
        );
    }
    let r = app.get("/rest/default/V1/products/240-LV06", &token).await;
    assert_eq!(r.body, fixture("product-240-LV06.json"));
    // SKUs compare without case, as MySQL's collation does.
    let r = app.get("/rest/V1/products/24-wb01", &token).await;
    assert_eq!(r.body["sku"], "24-WB01");
    let r = app
        .get("/rest/V1/products/240-LV06/downloadable-links", &token)
        .await;
    assert_eq!(
        r.body,
        fixture("product-240-LV06.json")["extension_attributes"]["downloadable_product_links"]
    );
    let r = app
        .get("/rest/V1/products/24-WB01/downloadable-links", &token)
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let r = app.get("/rest/V1/products/nope", &token).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, json!({"message": NOT_FOUND}))
    );
}

#[tokio::test]
async fn a_new_simple_product_with_stock_gets_its_default_source_item() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/all/V1/products",
            &token,
            &fixture("product-sp1-request.json"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        without(&r.body, &TIMES),
        without(&fixture("product-sp1-response.json"), &TIMES)
    );
    assert_eq!(r.body["created_at"], r.body["updated_at"]);
    let read = app.get("/rest/default/V1/products/sp1", &token).await;
    assert_eq!(read.body, r.body);
    // MySQL's PAD SPACE collation: a trailing space finds the same product.
    let padded = app.get("/rest/default/V1/products/SP1%20", &token).await;
    assert_eq!(padded.body, r.body);
    // CatalogInventory's stock item, aligned to the default source by MSI.
    assert_eq!(
        source_items(&app, &token, "sp1").await,
        json!([{"sku": "sp1", "source_code": "default", "quantity": 100, "status": 1}])
    );
    // In the list, and in the category tree.
    let q = "searchCriteria[filter_groups][0][filters][0][field]=sku\
             &searchCriteria[filter_groups][0][filters][0][value]=sp%25\
             &searchCriteria[filter_groups][0][filters][0][condition_type]=like";
    let list = app.get(&format!("/rest/V1/products?{q}"), &token).await;
    assert_eq!(list.body["total_count"], 1);
    // A list's items carry no stock item: only a product load attaches it (AfterProductLoad).
    assert_eq!(list.body["items"][0], without_stock_item(r.body.clone()));
}

/// A product as `getList` shows it: no `extension_attributes.stock_item`.
fn without_stock_item(mut product: Value) -> Value {
    if let Some(ext) = product["extension_attributes"].as_object_mut() {
        ext.remove("stock_item");
    }
    product
}

#[tokio::test]
async fn a_product_without_stock_item_gets_no_source_item() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "vp1", "name": "Gold Club Membership", "price": 20,
                "type_id": "virtual", "weight": 3}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // Defaults of a new product; a virtual product keeps no weight.
    assert_eq!(r.body["attribute_set_id"], 4);
    assert_eq!(r.body["status"], 1);
    assert_eq!(r.body["visibility"], 4);
    assert_eq!(r.body["extension_attributes"]["website_ids"], json!([1]));
    // The legacy stock item every product has: empty and out of stock.
    let stock = &r.body["extension_attributes"]["stock_item"];
    assert_eq!(
        (stock["qty"].clone(), stock["is_in_stock"].clone()),
        (json!(0), json!(false))
    );
    assert!(r.body.get("weight").is_none());
    assert_eq!(source_items(&app, &token, "vp1").await, json!([]));
}

#[tokio::test]
async fn a_downloadable_product_with_its_links() {
    let app = spawn_app().await;
    let token = app.token().await;
    let link = json!({"title": "Chapter 1", "sort_order": 1, "is_shareable": 0, "price": 0,
        "number_of_downloads": 3, "link_type": "url", "link_url": "https://example.com/ch1.pdf",
        "sample_type": "url", "sample_url": "https://example.com/ch1-sample.pdf"});
    let body = json!({"product": {"sku": "ebook", "name": "An e-book", "price": 9.99,
        "type_id": "downloadable",
        "extension_attributes": {"downloadable_product_links": [link]}}});
    let r = app.post("/rest/V1/products", &token, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let links = &r.body["extension_attributes"]["downloadable_product_links"];
    let id = links[0]["id"].as_i64().expect("link id");
    assert_eq!(
        links,
        &json!([{"id": id, "title": "Chapter 1", "sort_order": 1, "is_shareable": 0, "price": 0,
            "number_of_downloads": 3, "link_type": "url", "link_url": "https://example.com/ch1.pdf",
            "sample_type": "url", "sample_url": "https://example.com/ch1-sample.pdf"}])
    );
    assert_eq!(
        r.body["extension_attributes"]["downloadable_product_samples"],
        json!([])
    );
    // The posted list replaces the stored one: the link kept by id, a second one added.
    let body = json!({"product": {"sku": "ebook", "extension_attributes": {
        "downloadable_product_links": [
            {"id": id, "title": "Chapter One", "sort_order": 1, "is_shareable": 0, "price": 0,
             "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/ch1.pdf"},
            {"title": "Chapter 2", "sort_order": 2, "is_shareable": 0, "price": 1,
             "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/ch2.pdf"}]}}});
    let r = app.put("/rest/V1/products/ebook", &token, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let links = &r.body["extension_attributes"]["downloadable_product_links"];
    assert_eq!(links[0]["id"], id);
    assert_eq!(links[0]["title"], "Chapter One");
    assert_eq!(links[1]["title"], "Chapter 2");
    assert_eq!(links.as_array().map(Vec::len), Some(2));
    assert_eq!(r.body["price"], 9.99);
}

#[tokio::test]
async fn put_and_post_of_an_existing_sku_update_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .put(
            "/rest/default/V1/products/24-WB01",
            &token,
            &json!({"product": {"price": 30, "name": "Voyage Yoga Bag II"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let mut expected = fixture("product-24-WB01.json");
    expected["price"] = json!(30);
    expected["name"] = json!("Voyage Yoga Bag II");
    assert_eq!(
        without(&r.body, &["updated_at"]),
        without(&expected, &["updated_at"])
    );
    assert_ne!(r.body["updated_at"], expected["updated_at"]);
    // POST with the SKU of an existing product saves that product too (ProductRepository::save
    // looks the SKU up first).
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "24-WB01", "status": 2}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        (r.body["id"].clone(), r.body["status"].clone()),
        (json!(8), json!(2))
    );
    assert_eq!(r.body["price"], 30);
    // A PUT body with a second top-level key keeps its own SKU: the path SKU is not written
    // into `product` (ParamsOverrider), so this saves product "24-WB03".
    let r = app
        .put(
            "/rest/V1/products/24-WB01",
            &token,
            &json!({"product": {"sku": "24-WB03", "price": 40}, "saveOptions": true}),
        )
        .await;
    assert_eq!(
        (r.body["id"].clone(), r.body["price"].clone()),
        (json!(12), json!(40))
    );
    // A PUT of an unknown SKU creates it.
    let r = app
        .put(
            "/rest/V1/products/brand-new",
            &token,
            &json!({"product": {"name": "Brand New", "price": 1}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(r.body["sku"], "brand-new");
}

#[tokio::test]
async fn saving_by_id_under_a_taken_sku_makes_the_sku_unique() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Sku::_generateUniqueSku: product 8 renamed to product 12's SKU becomes "24-WB03-1".
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"id": 8, "sku": "24-WB03"}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        (r.body["id"].clone(), r.body["sku"].clone()),
        (json!(8), json!("24-WB03-1"))
    );
    let r = app.get("/rest/V1/products/24-WB03", &token).await;
    assert_eq!(r.body["id"], 12);
    // A suffix already at PHP_INT_MAX: `++$increment` makes it a float, printed as PHP prints
    // one (this once overflowed an i64 and panicked).
    let r = app
        .put(
            "/rest/V1/products/24-WB03-9223372036854775807",
            &token,
            &json!({"product": {"name": "Last Suffix", "price": 1}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"id": 8, "sku": "24-WB03"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body["sku"].clone()),
        (StatusCode::OK, json!("24-WB03-9.2233720368548E+18"))
    );
    // The old SKU's source items stay (synchronize_with_catalog is off by default).
    assert_eq!(
        source_items(&app, &token, "24-WB01")
            .await
            .as_array()
            .map(Vec::len),
        Some(7)
    );
}

#[tokio::test]
async fn delete_removes_the_product_and_its_source_items() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.delete("/rest/V1/products/24-WB03", &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.get("/rest/V1/products/24-WB03", &token).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, json!({"message": NOT_FOUND}))
    );
    assert_eq!(source_items(&app, &token, "24-WB03").await, json!([]));
    let before = app.snapshot().await;
    let r = app.delete("/rest/V1/products/24-WB03", &token).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::NOT_FOUND, json!({"message": NOT_FOUND}))
    );
    assert_eq!(app.snapshot().await, before);
    // Ids are never reused.
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "after", "name": "After", "price": 1}}),
        )
        .await;
    assert_eq!(r.body["id"], 48);
}

#[tokio::test]
async fn lists_filter_sort_and_page() {
    let app = spawn_app().await;
    let token = app.token().await;
    let q = "searchCriteria[filter_groups][0][filters][0][field]=type_id\
             &searchCriteria[filter_groups][0][filters][0][value]=downloadable";
    let r = app.get(&format!("/rest/V1/products?{q}"), &token).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        r.body,
        json!({
            "items": [without_stock_item(fixture("product-240-LV06.json"))],
            "search_criteria": {"filter_groups": [{"filters": [
                {"field": "type_id", "value": "downloadable", "condition_type": "eq"}]}]},
            "total_count": 1
        })
    );
    let q = "searchCriteria[sortOrders][0][field]=price\
             &searchCriteria[sortOrders][0][direction]=DESC&searchCriteria[pageSize]=2";
    let r = app.get(&format!("/rest/V1/products?{q}"), &token).await;
    let skus: Vec<&str> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["sku"].as_str())
        .collect();
    assert_eq!(
        (skus, r.body["total_count"].clone()),
        (vec!["24-WB03", "24-WB01"], json!(3))
    );
    let r = app.get("/rest/V1/products", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "searchCriteria"}})
        )
    );
}

/// Posts `body` and checks Magento's 400 and that nothing changed.
async fn refused(app: &TestApp, token: &str, body: Value, expected: Value) {
    let before = app.snapshot().await;
    let r = app.post("/rest/V1/products", token, &body).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, expected),
        "{body}"
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn save_refusals_write_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    refused(
        &app,
        &token,
        json!({"product": {"name": "No SKU", "price": 1}}),
        json!({"message": "The \"%1\" attribute value is empty. Set the attribute and try again.", "parameters": ["sku"]}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "price": 1}}),
        json!({"message": "The \"Product Name\" attribute value is empty. Set the attribute and try again."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X"}}),
        json!({"message": "The \"Price\" attribute value is empty. Set the attribute and try again."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "Voyage Yoga Bag", "price": 1}}),
        json!({"message": "URL key for specified store already exists."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X", "price": 1, "colour": "red"}}),
        json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X", "price": "cheap"}}),
        json!({"message": "Error occurred during \"price\" processing. The \"cheap\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X", "price": 1,
            "extension_attributes": {"category_links": [{"category_id": "999"}]}}}),
        json!({"message": "The product was unable to be saved. Please try again."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X", "price": 1, "type_id": "downloadable",
            "extension_attributes": {"downloadable_product_links": [
                {"title": "L", "sort_order": 1, "is_shareable": 0, "price": -1, "link_type": "url",
                 "number_of_downloads": 0, "link_url": "https://example.com/l"}]}}}),
        json!({"message": "Link price must have numeric positive value."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "x", "name": "X", "price": 1, "type_id": "downloadable",
            "extension_attributes": {"downloadable_product_links": [
                {"title": "L", "sort_order": 1, "is_shareable": 0, "price": 0, "link_type": "url",
                 "number_of_downloads": 0, "link_url": "not a url"}]}}}),
        json!({"message": "Link URL must have valid format."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "s".repeat(65), "name": "X", "price": 1}}),
        json!({"message": "SKU length should be 64 characters maximum."}),
    )
    .await;
    // The length is measured as posted, before the save trims the SKU.
    refused(
        &app,
        &token,
        json!({"product": {"sku": format!("{} ", "s".repeat(64)), "name": "X", "price": 1}}),
        json!({"message": "SKU length should be 64 characters maximum."}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({}),
        json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "product"}}),
    )
    .await;
}

#[tokio::test]
async fn downloadable_link_routes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let link = json!({"title": "Bonus", "sort_order": 2, "is_shareable": 0, "price": 0,
        "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/bonus.mp4"});
    let r = app
        .post(
            "/rest/V1/products/240-LV06/downloadable-links",
            &token,
            &json!({"link": link}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let id = r.body.as_i64().expect("a bare id");
    let list = app
        .get("/rest/V1/products/240-LV06/downloadable-links", &token)
        .await;
    assert_eq!(list.body.as_array().map(Vec::len), Some(2));
    assert_eq!(list.body[1]["title"], "Bonus");
    // PUT: the path id names the link.
    let mut renamed = link.clone();
    renamed["title"] = json!("Bonus track");
    let r = app
        .put(
            &format!("/rest/V1/products/240-LV06/downloadable-links/{id}"),
            &token,
            &json!({"link": renamed}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(id)));
    let list = app
        .get("/rest/V1/products/240-LV06/downloadable-links", &token)
        .await;
    assert_eq!(list.body[1]["title"], "Bonus track");

    // Refusals, nothing written.
    let before = app.snapshot().await;
    for (path, body, status, message) in [
        (
            "/rest/V1/products/24-WB01/downloadable-links",
            json!({"link": link}),
            StatusCode::BAD_REQUEST,
            "The product needs to be the downloadable type. Verify the product and try again.",
        ),
        (
            "/rest/V1/products/nope/downloadable-links",
            json!({"link": link}),
            StatusCode::NOT_FOUND,
            NOT_FOUND,
        ),
        (
            "/rest/V1/products/240-LV06/downloadable-links",
            json!({"link": {"title": "T", "sort_order": 1, "price": 0, "number_of_downloads": 0, "link_type": "ftp"}}),
            StatusCode::BAD_REQUEST,
            "The link type is invalid. Verify and try again.",
        ),
        (
            "/rest/V1/products/240-LV06/downloadable-links",
            json!({"link": {"title": "T", "sort_order": 1, "price": 0, "link_type": "url", "link_url": "https://example.com/x"}}),
            StatusCode::BAD_REQUEST,
            "Number of downloads must be a positive integer.",
        ),
        (
            "/rest/V1/products/240-LV06/downloadable-links",
            json!({"link": {"sort_order": 1, "price": 0, "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/x"}}),
            StatusCode::BAD_REQUEST,
            "The link title is empty. Enter the link title and try again.",
        ),
        (
            "/rest/V1/products/240-LV06/downloadable-links",
            json!({"link": {"id": 999, "title": "T"}}),
            StatusCode::NOT_FOUND,
            "No downloadable link with the provided ID was found. Verify the ID and try again.",
        ),
    ] {
        let r = app.post(path, &token, &body).await;
        assert_eq!(
            (r.status, r.body),
            (status, json!({"message": message})),
            "{body}"
        );
    }
    assert_eq!(app.snapshot().await, before);

    let r = app
        .delete(
            &format!("/rest/V1/products/downloadable-links/{id}"),
            &token,
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app
        .delete(
            &format!("/rest/V1/products/downloadable-links/{id}"),
            &token,
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No downloadable link with the provided ID was found. Verify the ID and try again."})
        )
    );
    let list = app
        .get("/rest/V1/products/240-LV06/downloadable-links", &token)
        .await;
    assert_eq!(
        list.body,
        fixture("product-240-LV06.json")["extension_attributes"]["downloadable_product_links"]
    );
}

/// URL keys collide whichever way a product holds its key: its own `url_key` (any text, one
/// that JSON escapes included), or its name's key when its `url_key` is empty.
#[tokio::test]
async fn url_keys_collide_by_attribute_or_by_name() {
    let app = spawn_app().await;
    let token = app.token().await;
    let post = |product: Value| {
        let app = &app;
        let token = token.clone();
        async move {
            app.post("/rest/V1/products", &token, &json!({ "product": product }))
                .await
        }
    };
    let key = |k: &str| json!([{"attribute_code": "url_key", "value": k}]);
    let taken = json!({"message": "URL key for specified store already exists."});
    for (first, second) in [
        (
            json!({"sku": "k1", "name": "One", "price": 1, "custom_attributes": key("my-key")}),
            json!({"sku": "k2", "name": "Two", "price": 1, "custom_attributes": key("my-key")}),
        ),
        (
            json!({"sku": "q1", "name": "Q1", "price": 1, "custom_attributes": key("a\"b\\c")}),
            json!({"sku": "q2", "name": "Q2", "price": 1, "custom_attributes": key("a\"b\\c")}),
        ),
        (
            json!({"sku": "b1", "name": "Blank Key", "price": 1, "custom_attributes": key("")}),
            json!({"sku": "b2", "name": "Blank  key!", "price": 1}),
        ),
        // No url_key value, and another attribute whose list reads like a url_key pair.
        (
            json!({"sku": "n1", "name": "Nested Shirt", "price": 1, "custom_attributes": [
                {"attribute_code": "url_key", "value": null},
                {"attribute_code": "x", "value": ["url_key", "zz"]}]}),
            json!({"sku": "n2", "name": "Nested Shirt", "price": 1}),
        ),
    ] {
        let r = post(first).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let before = app.snapshot().await;
        let r = post(second).await;
        assert_eq!((r.status, r.body), (StatusCode::BAD_REQUEST, taken.clone()));
        assert_eq!(app.snapshot().await, before);
    }
    // Not visible: no URL, no collision.
    let r = post(
        json!({"sku": "k3", "name": "Three", "price": 1, "visibility": 1,
        "custom_attributes": key("my-key")}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

/// `Product\Attribute\Backend\Price::validate`: a negative price, special price or cost is
/// refused, and nothing is saved.
#[tokio::test]
async fn negative_prices_are_refused_as_the_price_backend_refuses_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    for product in [
        json!({"sku": "neg-1", "name": "Neg 1", "type_id": "simple", "price": -5, "attribute_set_id": 4}),
        json!({"sku": "neg-2", "name": "Neg 2", "type_id": "simple", "price": 5, "attribute_set_id": 4,
            "custom_attributes": [{"attribute_code": "special_price", "value": "-1"}]}),
        json!({"sku": "neg-3", "name": "Neg 3", "type_id": "simple", "price": 5, "attribute_set_id": 4,
            "custom_attributes": [{"attribute_code": "cost", "value": -0.5}]}),
    ] {
        let r = app
            .post("/rest/V1/products", &token, &json!({ "product": product }))
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Please enter a number 0 or greater in this field."})
            ),
            "{product}"
        );
    }
    assert_eq!(app.snapshot().await, before);
    let zero = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "zero-1", "name": "Zero 1", "type_id": "simple", "price": 0,
                "attribute_set_id": 4}}),
        )
        .await;
    assert_eq!(zero.status, StatusCode::OK, "{:?}", zero.body);
}

/// The SKUs and total of `GET /V1/products?{q}` (pageSize 20 added).
async fn listed(app: &TestApp, token: &str, q: &str) -> (StatusCode, Value) {
    let r = app
        .get(
            &format!("/rest/V1/products?searchCriteria[pageSize]=20&{q}"),
            token,
        )
        .await;
    if r.status != StatusCode::OK {
        return (r.status, r.body);
    }
    let skus: Vec<Value> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["sku"].clone())
        .collect();
    (
        r.status,
        json!({"skus": skus, "total_count": r.body["total_count"]}),
    )
}

/// Catalog's `ProductFilterProcessor` custom filters: `category_id` (links; `eq`/`neq` as
/// `in`/`nin`, ANDed whatever its group), `website_id` and `store_id` (the store's website).
#[tokio::test]
async fn lists_filter_on_category_website_and_store() {
    let app = spawn_app().await;
    let token = app.token().await;
    let f = |i: usize, field: &str, value: &str, cond: &str| {
        let mut q = format!(
            "searchCriteria[filter_groups][{i}][filters][0][field]={field}\
             &searchCriteria[filter_groups][{i}][filters][0][value]={value}"
        );
        if !cond.is_empty() {
            q += &format!("&searchCriteria[filter_groups][{i}][filters][0][condition_type]={cond}");
        }
        q
    };
    let ok = |skus: &[&str]| {
        (
            StatusCode::OK,
            json!({"skus": skus, "total_count": skus.len()}),
        )
    };
    let bags = ["24-WB01", "24-WB03"];
    let all = ["24-WB01", "24-WB03", "240-LV06"];
    for (q, expected) in [
        (f(0, "category_id", "4", ""), ok(&bags)),
        (f(0, "category_id", "4", "eq"), ok(&bags)),
        (f(0, "category_id", "9,10", "in"), ok(&["240-LV06"])),
        (f(0, "category_id", "4", "neq"), ok(&["240-LV06"])),
        (f(0, "category_id", "3,9", "nin"), ok(&[])),
        (f(0, "category_id", "99", "eq"), ok(&[])),
        (
            f(0, "category_id", "4", "eq") + "&" + &f(1, "price", "35", "gt"),
            ok(&["24-WB03"]),
        ),
        (f(0, "website_id", "1", ""), ok(&all)),
        (f(0, "website_id", "base", ""), ok(&all)),
        (f(0, "website_id", "1,5", "in"), ok(&all)),
        (f(0, "website_id", "0,5", "in"), ok(&[])),
        (f(0, "store_id", "1", ""), ok(&all)),
        (f(0, "store_id", "default", ""), ok(&all)),
        (f(0, "store_id", "0", ""), ok(&all)),
        (
            f(0, "website_id", "5", ""),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The website with id %1 that was requested wasn't found. Verify the website and try again.", "parameters": ["5"]}),
            ),
        ),
        (
            f(0, "website_id", "nowhere", ""),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The website with code %1 that was requested wasn't found. Verify the website and try again.", "parameters": ["nowhere"]}),
            ),
        ),
        (
            f(0, "store_id", "99", ""),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The store that was requested wasn't found. Verify the store and try again."}),
            ),
        ),
    ] {
        assert_eq!(listed(&app, &token, &q).await, expected, "{q}");
    }
    // In one group with another filter, the category filter is still ANDed: Magento's
    // FilterProcessor applies a custom filter to the collection and ORs only the others.
    let one_group = "searchCriteria[filter_groups][0][filters][0][field]=category_id\
                     &searchCriteria[filter_groups][0][filters][0][value]=4\
                     &searchCriteria[filter_groups][0][filters][1][field]=type_id\
                     &searchCriteria[filter_groups][0][filters][1][value]=downloadable";
    assert_eq!(listed(&app, &token, one_group).await, ok(&[]));
    // The search_criteria echoed back is the request's, store_id included.
    let r = app
        .get(
            &format!("/rest/V1/products?{}", f(0, "store_id", "default", "")),
            &token,
        )
        .await;
    assert_eq!(
        r.body["search_criteria"],
        json!({"filter_groups": [{"filters": [
            {"field": "store_id", "value": "default", "condition_type": "eq"}]}]})
    );
}

/// `ProductRepository::getList` sorts on `position` in the one category the filters name
/// (`joinPositionField`; else by id), filters and sorts on EAV attributes, leaves out a sort
/// on a field no attribute has and refuses a filter on one; `store` is `store_id`.
#[tokio::test]
async fn lists_sort_by_position_and_attributes() {
    let app = spawn_app().await;
    let token = app.token().await;
    for (sku, position, title) in [
        ("24-WB01", 20, "b"),
        ("24-WB03", 10, "a"),
        ("240-LV06", 0, "c"),
    ] {
        let mut product = json!({"sku": sku,
            "custom_attributes": [{"attribute_code": "meta_title", "value": title}]});
        if position > 0 {
            product["extension_attributes"] =
                json!({"category_links": [{"category_id": "4", "position": position}]});
        }
        let saved = app
            .put(
                &format!("/rest/V1/products/{sku}"),
                &token,
                &json!({ "product": product }),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    }
    let sort = |field: &str, direction: &str| {
        format!(
            "searchCriteria[sortOrders][0][field]={field}&searchCriteria[sortOrders][0][direction]={direction}"
        )
    };
    let filter = |field: &str, value: &str| {
        format!(
            "searchCriteria[filter_groups][0][filters][0][field]={field}\
             &searchCriteria[filter_groups][0][filters][0][value]={value}"
        )
    };
    let ok = |skus: &[&str]| {
        (
            StatusCode::OK,
            json!({"skus": skus, "total_count": skus.len()}),
        )
    };
    let in_4 = filter("category_id", "4");
    for (q, expected) in [
        (
            format!("{in_4}&{}", sort("position", "ASC")),
            ok(&["24-WB03", "24-WB01"]),
        ),
        (
            format!("{in_4}&{}", sort("position", "DESC")),
            ok(&["24-WB01", "24-WB03"]),
        ),
        (
            sort("position", "DESC"),
            ok(&["240-LV06", "24-WB03", "24-WB01"]),
        ),
        (
            sort("meta_title", "ASC"),
            ok(&["24-WB03", "24-WB01", "240-LV06"]),
        ),
        (
            sort("nothing_of_that_name", "DESC"),
            ok(&["24-WB01", "24-WB03", "240-LV06"]),
        ),
        (filter("meta_title", "A"), ok(&["24-WB03"])),
        // With one category named, its positions can be filtered on too.
        (
            format!(
                "{in_4}&searchCriteria[filter_groups][1][filters][0][field]=position\
                 &searchCriteria[filter_groups][1][filters][0][value]=15\
                 &searchCriteria[filter_groups][1][filters][0][condition_type]=gt"
            ),
            ok(&["24-WB01"]),
        ),
        (
            filter("store", "default"),
            ok(&["24-WB01", "24-WB03", "240-LV06"]),
        ),
        (
            filter("store", "99"),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The store that was requested wasn't found. Verify the store and try again."}),
            ),
        ),
        (
            filter("nothing_of_that_name", "1"),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "The \"%1\" attribute name is invalid. Reset the name and try again.",
                    "parameters": ["nothing_of_that_name"]}),
            ),
        ),
    ] {
        assert_eq!(listed(&app, &token, &q).await, expected, "{q}");
    }
    let (status, _) = listed(&app, &token, &filter("category_ids", "4")).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
}

/// `ServiceInputProcessor::convertCustomAttributeValue`: each entry must name a code and give a
/// value, which must fit the attribute's backend type (`SimpleType`); a refusal saves nothing.
#[tokio::test]
async fn custom_attributes_are_checked_as_the_input_processor_checks_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let wrapped = |details: &str| json!({"message": format!("Error occurred during \"custom_attributes\" processing. {details}")});
    let typed = |code: &str, shown: &str, ty: &str| {
        wrapped(&format!(
            "Attribute \"{code}\" has invalid value. The \"{shown}\" value's type is invalid. The \"{ty}\" type was expected. Verify and try again."
        ))
    };
    for (attrs, expected) in [
        (json!([{}]), wrapped("An empty custom attribute is specified. Enter the attribute and try again.")),
        (json!([{"value": "x"}]), wrapped("A custom attribute is specified with a missing attribute code. Verify the code and try again.")),
        (json!([{"attribute_code": "description"}]), wrapped("The \"description\" attribute code doesn't have a value set. Enter the value and try again.")),
        (json!(["x"]), wrapped("A custom attribute is specified with a missing attribute code. Verify the code and try again.")),
        (json!([{"attribute_code": "meta_title", "value": [1, 2, 3]}]), typed("meta_title", "array", "string")),
        (json!([{"attribute_code": "tax_class_id", "value": "abc"}]), typed("tax_class_id", "abc", "int")),
        (json!([{"attribute_code": "tax_class_id", "value": true}]), typed("tax_class_id", "1", "int")),
    ] {
        refused(
            &app,
            &token,
            json!({"product": {"sku": "typed", "name": "Typed", "price": 1, "custom_attributes": attrs}}),
            expected,
        )
        .await;
    }
    // 2.4.8-p1's validateParamsValue: a property holding a <script> element is refused,
    // wherever it sits; a custom attribute's value is not looked at.
    refused(
        &app,
        &token,
        json!({"product": {"sku": "typed", "name": "<SCRIPT type=\"x\">alert(1)\n</script>", "price": 1}}),
        json!({"message": "\"%field_name\" does not contains valid value.", "parameters": {"field_name": "name"}}),
    )
    .await;
    refused(
        &app,
        &token,
        json!({"product": {"sku": "typed", "name": "Typed", "price": 1,
            "extension_attributes": {"downloadable_product_links": [{"title": "<script></script>"}]}}}),
        json!({"message": "\"%field_name\" does not contains valid value.", "parameters": {"field_name": "title"}}),
    )
    .await;
    // The attribute set must be the product entity type's (1 is the customer's).
    for set in [1, 0, 7] {
        refused(
            &app,
            &token,
            json!({"product": {"sku": "typed", "name": "Typed", "price": 1, "attribute_set_id": set}}),
            json!({"message": "Invalid product data: %1", "parameters": ["Invalid attribute set entity type"]}),
        )
        .await;
    }
    // An int is truncated, a decimal takes any scalar (and reads back as its DECIMAL(20,6)
    // column gives it), an object lists code: value pairs.
    let saved = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "typed", "name": "Typed", "price": 1,
                "custom_attributes": {"tax_class_id": "2.5", "cost": "abc", "msrp": 7.25,
                    "description": "<script>kept</script>",
                    "3": {"attribute_code": "quantity_and_stock_status",
                        "value": {"is_in_stock": true, "qty": 1234}}}}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let attrs = saved.body["custom_attributes"].as_array().unwrap();
    let value = |code: &str| {
        attrs
            .iter()
            .find(|a| a["attribute_code"] == code)
            .map(|a| a["value"].clone())
    };
    assert_eq!(value("msrp"), Some(json!("7.250000")));
    assert_eq!(
        (value("tax_class_id"), value("cost"), value("description")),
        (
            Some(json!("2")),
            Some(json!("0.000000")),
            Some(json!("<script>kept</script>"))
        )
    );
    assert_eq!(value("quantity_and_stock_status"), None);
}

/// `Category\Link\SaveHandler`: a posted `category_ids` is the product's categories (positions
/// kept, 0 for new ones); posted `category_links` merge over them, `[]` removing them all.
#[tokio::test]
async fn category_ids_and_links_are_saved_as_the_link_handler_saves_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let links = |reply: &common::Reply| {
        (
            reply.body["extension_attributes"]["category_links"].clone(),
            reply.body["custom_attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["attribute_code"] == "category_ids")
                .map(|a| a["value"].clone()),
        )
    };
    let created = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "linked", "name": "Linked", "price": 1,
                "custom_attributes": [{"attribute_code": "category_ids", "value": ["3", "4"]}]}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    assert_eq!(
        links(&created),
        (
            json!([{"position": 0, "category_id": "3"}, {"position": 0, "category_id": "4"}]),
            Some(json!(["3", "4"]))
        )
    );
    let put = |product: Value| {
        let app = &app;
        let token = &token;
        async move {
            let reply = app
                .put(
                    "/rest/V1/products/linked",
                    token,
                    &json!({ "product": product }),
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            reply
        }
    };
    let merged = put(
        json!({"extension_attributes": {"category_links": [{"category_id": "4", "position": 5}]}}),
    )
    .await;
    assert_eq!(
        links(&merged),
        (
            json!([{"position": 0, "category_id": "3"}, {"position": 5, "category_id": "4"}]),
            Some(json!(["3", "4"]))
        )
    );
    let kept =
        put(json!({"custom_attributes": [{"attribute_code": "category_ids", "value": "4"}]})).await;
    assert_eq!(
        links(&kept),
        (
            json!([{"position": 5, "category_id": "4"}]),
            Some(json!(["4"]))
        )
    );
    let cleared = put(json!({"extension_attributes": {"category_links": []},
        "custom_attributes": [{"attribute_code": "category_ids", "value": ["4"]}]}))
    .await;
    assert_eq!(links(&cleared), (Value::Null, None));
}

/// `Link\ContentValidator`: URLs must be absolute http(s) URIs; posted file content must be
/// base64 with an allowed name and is "uploaded" under its dispersion path; a named file must
/// exist (be a path a link holds); a refusal writes nothing.
#[tokio::test]
async fn downloadable_link_files_and_urls_are_checked() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/V1/products/240-LV06/downloadable-links";
    let base = json!({"title": "File", "sort_order": 1, "is_shareable": 0, "price": 0,
        "number_of_downloads": 0});
    let with = |extra: Value| {
        let mut link = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            link[k] = v.clone();
        }
        json!({ "link": link })
    };
    let jpeg = json!({"file_data": "/9j/4AAQSkZJRg==", "name": "image.jpg"});
    let posted = app
        .post(
            path,
            &token,
            &with(json!({"link_type": "file", "link_file_content": jpeg,
                "sample_type": "file", "sample_file_content": jpeg})),
        )
        .await;
    assert_eq!(posted.status, StatusCode::OK, "{:?}", posted.body);
    let again = app
        .post(
            path,
            &token,
            &with(json!({"link_type": "file", "link_file_content": jpeg})),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.body);
    let list = app.get(path, &token).await.body;
    let files: Vec<(Value, Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["link_type"] == "file")
        .map(|l| (l["link_file"].clone(), l["sample_file"].clone()))
        .collect();
    assert_eq!(
        files,
        // By sort order, then title ("File" before "Yoga Adventure").
        vec![
            (json!("/i/m/image.jpg"), json!("/i/m/image.jpg")),
            (json!("/i/m/image_1.jpg"), Value::Null),
            (json!("/y/o/yoga-adventure.mp4"), Value::Null)
        ]
    );
    // A stored file may be named again.
    let reused = app
        .post(
            path,
            &token,
            &with(json!({"link_type": "file", "link_file": "/i/m/image_1.jpg"})),
        )
        .await;
    assert_eq!(reused.status, StatusCode::OK, "{:?}", reused.body);

    let before = app.snapshot().await;
    for (extra, message) in [
        (
            json!({"link_type": "url", "link_url": "http://example<.>com/"}),
            "Link URL must have valid format.",
        ),
        (
            json!({"link_type": "url", "link_url": "ftp://example.com/a"}),
            "Link URL must have valid format.",
        ),
        (
            json!({"link_type": "url", "link_url": "https://example.com/x", "sample_type": "url",
            "sample_url": "http://example<.>com/"}),
            "Sample URL must have valid format.",
        ),
        (
            json!({"link_type": "file", "link_file_content": {"file_data": "not_a_base64_encoded_content", "name": "a.jpg"}}),
            "Provided content must be valid base64 encoded data.",
        ),
        (
            json!({"link_type": "file", "link_file_content": {"file_data": "/9j/4AAQSkZJRg==", "name": "name/with|forbidden{characters"}}),
            "Provided file name contains forbidden characters.",
        ),
        (
            json!({"link_type": "file", "link_file": "/n/o/nexistfile.png", "sample_type": "url", "sample_url": "http://google.com"}),
            "Link file not found. Please try again.",
        ),
        (
            json!({"link_type": "file"}),
            "Link file not found. Please try again.",
        ),
        (
            json!({"link_type": "url", "link_url": "https://example.com/x", "sample_type": "file",
            "sample_file": "/n/o/nexistfile.png"}),
            "Link sample file not found. Please try again.",
        ),
    ] {
        let r = app.post(path, &token, &with(extra.clone())).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::BAD_REQUEST, json!({"message": message})),
            "{extra}"
        );
    }
    assert_eq!(app.snapshot().await, before);
    for bad in [
        "HTTP://EXAMPLE.COM/",
        "http:",
        "http://user name@example.com/",
        "http://:80/",
    ] {
        let r = app
            .post(
                path,
                &token,
                &with(json!({"link_type": "url", "link_url": bad})),
            )
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Link URL must have valid format."})
            ),
            "{bad}"
        );
    }
    // Laminas takes the path, query and fragment as they are.
    for good in [
        "http://example.com",
        "https://user:pw@example.com:8080/a/b.mp4?x=1&y=%20#top",
        "http://[::1]/x",
        "http://example.com/a b[1]/%zz#x#y",
        "http:/x",
    ] {
        let r = app
            .post(
                path,
                &token,
                &with(json!({"link_type": "url", "link_url": good})),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{good}: {:?}", r.body);
    }
}

/// `Observer\SetSpecialPriceStartDate`: a special price without a start date starts today.
#[tokio::test]
async fn a_special_price_starts_today_unless_given_a_start() {
    let app = spawn_app().await;
    let token = app.token().await;
    let post = |sku: &str, attrs: Value| {
        let app = &app;
        let token = &token;
        let body = json!({"product": {"sku": sku, "name": sku, "price": 3.62, "custom_attributes": attrs}});
        async move {
            let r = app.post("/rest/V1/products", token, &body).await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            r.body["custom_attributes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["attribute_code"] == "special_from_date")
                .map(|a| a["value"].clone())
        }
    };
    let today = time::OffsetDateTime::now_utc().date();
    assert_eq!(
        post(
            "sp-1",
            json!([{"attribute_code": "special_price", "value": "1"}])
        )
        .await,
        Some(json!(format!("{today} 00:00:00")))
    );
    assert_eq!(
        post(
            "sp-2",
            json!([{"attribute_code": "special_price", "value": "1"},
            {"attribute_code": "special_from_date", "value": "2030-01-01 00:00:00"}])
        )
        .await,
        Some(json!("2030-01-01 00:00:00"))
    );
    for (sku, zero) in [("sp-3", "0"), ("sp-4", "0.00")] {
        assert_eq!(
            post(
                sku,
                json!([{"attribute_code": "special_price", "value": zero}])
            )
            .await,
            None,
            "{zero}"
        );
    }
}

/// `Sku::beforeSave` trims the SKU with PHP's `trim` (space, tab, line breaks, NUL, vertical
/// tab): other white space, such as a no-break space, stays part of it.
#[tokio::test]
async fn a_new_sku_is_trimmed_as_php_trims() {
    let app = spawn_app().await;
    let token = app.token().await;
    // A SKU with trailing spaces names the stored product (MySQL ignores them when it looks
    // the SKU up): an update, not a second product.
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM catalog_product_entity")
            .fetch_one(&app.state.db.read)
            .await
            .expect("count")
    };
    let products = count().await;
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "24-WB01  ", "name": "Renamed bag", "price": 32}}),
        )
        .await;
    assert_eq!(
        (r.status, &r.body["sku"], &r.body["name"]),
        (StatusCode::OK, &json!("24-WB01"), &json!("Renamed bag"))
    );
    assert_eq!(count().await, products);
    for (posted, kept) in [("\t TRIM-1 \n", "TRIM-1"), ("TRIM-2\u{a0}", "TRIM-2\u{a0}")] {
        let r = app
            .post(
                "/rest/V1/products",
                &token,
                &json!({"product": {"sku": posted, "name": posted, "price": 1}}),
            )
            .await;
        assert_eq!(
            (r.status, &r.body["sku"]),
            (StatusCode::OK, &json!(kept)),
            "{posted:?}: {:?}",
            r.body
        );
        let stored: Vec<String> =
            sqlx::query_scalar("SELECT sku FROM catalog_product_entity WHERE name = ?")
                .bind(posted)
                .fetch_all(&app.state.db.read)
                .await
                .expect("sku");
        assert_eq!(stored, [kept]);
    }
}

/// `Rest\Router\Route::match` takes each path parameter through PHP's `urldecode`: a `+` is a
/// space (my-magento encodes SKUs with `quote_plus`), and a plus in a SKU is `%2B`.
#[tokio::test]
async fn a_plus_in_a_path_parameter_is_a_space() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = fixture("product-sp1-request.json");
    body["product"]["sku"] = json!("ERP 2");
    let created = app.post("/rest/V1/products", &token, &body).await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    let read = app.get("/rest/V1/products/ERP+2", &token).await;
    assert_eq!((read.status, &read.body), (StatusCode::OK, &created.body));
    assert_eq!(
        app.get("/rest/default/V1/products/ERP%202", &token)
            .await
            .body,
        created.body
    );
    let updated = app
        .put(
            "/rest/all/V1/products/ERP+2",
            &token,
            &json!({"product": {"name": "Renamed"}}),
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.body);
    assert_eq!(updated.body["sku"], json!("ERP 2"));
    // `ERP%2B2` is the SKU "ERP+2", which no product has.
    let plus = app.get("/rest/V1/products/ERP%2B2", &token).await;
    assert_eq!(plus.status, StatusCode::NOT_FOUND, "{:?}", plus.body);
}

/// `GET /V1/products/types`: the installed types, whatever magemu keeps, in every scope; the
/// catalog's ACL (Magento's api-functional `ProductTypeListTest`).
#[tokio::test]
async fn the_installed_product_types() {
    let app = spawn_app().await;
    let token = app.token().await;
    let expected = json!([
        {"name": "simple", "label": "Simple Product"},
        {"name": "virtual", "label": "Virtual Product"},
        {"name": "downloadable", "label": "Downloadable Product"},
        {"name": "bundle", "label": "Bundle Product"},
        {"name": "grouped", "label": "Grouped Product"},
        {"name": "configurable", "label": "Configurable Product"}
    ]);
    for path in ["/rest/V1/products/types", "/rest/default/V1/products/types"] {
        let r = app.get(path, &token).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.body, expected, "{path}");
    }
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    for caller in [jane.as_str(), "not-a-token"] {
        let r = app.get("/rest/V1/products/types", caller).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            r.body,
            json!({"message": "The consumer isn't authorized to access %resources.",
                   "parameters": {"resources": "Magento_Catalog::products"}})
        );
    }
    app.stop().await;
}
