//! Downloadable samples (`/V1/products/{sku}/downloadable-links/samples`, SampleRepository) and
//! a downloadable product's links and samples through the product save, ported from Magento's
//! api-functional `Downloadable/Api/SampleRepositoryTest` and `ProductRepositoryTest`
//! (2.4.8-p1): every refusal changes nothing, and an update writes only the columns Magento's
//! model save writes.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const SAMPLES: &str = "/rest/V1/products/240-LV06/downloadable-links/samples";
/// A JPEG's first bytes, base64: `File\ContentValidator` only needs them to decode.
const JPEG: &str = "/9j/4AAQSkZJRg==";

fn content(name: &str) -> Value {
    json!({"file_data": JPEG, "name": name})
}

async fn add_sample(app: &TestApp, token: &str, sample: Value) -> i64 {
    let r = app.post(SAMPLES, token, &json!({ "sample": sample })).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body.as_i64().expect("a bare id")
}

#[tokio::test]
async fn samples_are_added_listed_updated_and_deleted() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.get(SAMPLES, &token).await.body, json!([]));
    let url = add_sample(
        &app,
        &token,
        json!({"title": "Trailer", "sort_order": 2, "sample_type": "url",
            "sample_url": "http://www.example.com/trailer.mp4"}),
    )
    .await;
    // testCreateUploadsProvidedFileContent: the file goes where the uploader puts it.
    let file = add_sample(
        &app,
        &token,
        json!({"title": "Title", "sort_order": 1, "sample_type": "file",
            "sample_file_content": content("image.jpg")}),
    )
    .await;
    let listed = app.get(SAMPLES, &token).await;
    assert_eq!(
        (listed.status, listed.body),
        (
            StatusCode::OK,
            json!([
                {"id": file, "title": "Title", "sort_order": 1, "sample_type": "file",
                 "sample_file": "/i/m/image.jpg"},
                {"id": url, "title": "Trailer", "sort_order": 2, "sample_type": "url",
                 "sample_url": "http://www.example.com/trailer.mp4"}
            ])
        )
    );
    // The product carries them too, and the reply's shape is the list's.
    let product = app.get("/rest/V1/products/240-LV06", &token).await.body;
    assert_eq!(
        product["extension_attributes"]["downloadable_product_samples"],
        app.get(SAMPLES, &token).await.body
    );
    // testUpdate: the path id names the sample.
    let r = app
        .put(
            &format!("{SAMPLES}/{url}"),
            &token,
            &json!({"isGlobalScopeContent": false, "sample": {"id": url, "title": "Updated Title",
                "sort_order": 0, "sample_type": "url", "sample_url": "http://www.example.com/t2.mp4"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(url)));
    let r = app
        .put(
            &format!("{SAMPLES}/{url}"),
            &token,
            &json!({"sample": {"title": "Path id", "sort_order": 0, "sample_type": "url",
                "sample_url": "http://www.example.com/t2.mp4"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(url)));
    assert_eq!(
        app.get(SAMPLES, &token).await.body[0],
        json!({"id": url, "title": "Path id", "sort_order": 0, "sample_type": "url",
            "sample_url": "http://www.example.com/t2.mp4"})
    );
    // testGetList of a product without samples, and of a simple product.
    let r = app
        .get(
            "/rest/V1/products/24-WB01/downloadable-links/samples",
            &token,
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    // testDelete, then testDeleteThrowsExceptionIfThereIsNoDownloadableSampleWithGivenId.
    let delete = format!("/rest/V1/products/downloadable-links/samples/{file}");
    let r = app.delete(&delete, &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.delete(&delete, &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No downloadable sample with the provided ID was found. Verify the ID and try again."})
        )
    );
    assert_eq!(
        app.get(SAMPLES, &token).await.body.as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn sample_refusals_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let ours = add_sample(
        &app,
        &token,
        json!({"title": "Ours", "sort_order": 1, "sample_type": "url",
            "sample_url": "http://www.example.com/a.mp4"}),
    )
    .await;
    // A sample of another downloadable product.
    let r = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "other-ebook", "name": "Other", "price": 1,
                "type_id": "downloadable", "extension_attributes": {"downloadable_product_samples": [
                    {"title": "Theirs", "sort_order": 1, "sample_type": "url",
                     "sample_url": "http://www.example.com/b.mp4"}]}}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let theirs = r.body["extension_attributes"]["downloadable_product_samples"][0]["id"]
        .as_i64()
        .expect("their sample");
    let good = json!({"title": "Title", "sort_order": 1, "sample_type": "url",
        "sample_url": "http://www.example.com/x.mp4"});
    let with = |extra: Value| {
        let mut s = good.clone();
        for (k, v) in extra.as_object().unwrap() {
            s[k] = v.clone();
        }
        json!({ "sample": s, "isGlobalScopeContent": false })
    };
    let before = app.snapshot().await;
    let bad = StatusCode::BAD_REQUEST;
    let cases = [
        (
            "/rest/V1/products/24-WB01/downloadable-links/samples".to_owned(),
            with(json!({})),
            bad,
            "The product needs to be the downloadable type. Verify the product and try again.",
        ),
        (
            "/rest/V1/products/wrong-sku/downloadable-links/samples".to_owned(),
            with(json!({})),
            StatusCode::NOT_FOUND,
            "The product that was requested doesn't exist. Verify the product and try again.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sample_type": "invalid"})),
            bad,
            "The sample type is invalid. Verify the sample type and try again.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sample_type": "file", "sample_file": "/n/o/nexistfile.png"})),
            bad,
            "Sample file not found. Please try again.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sample_type": "file",
                "sample_file_content": {"file_data": "not_a_base64_encoded_content", "name": "x.jpg"}})),
            bad,
            "Provided content must be valid base64 encoded data.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sample_type": "file",
                "sample_file_content": content("name/with|forbidden{characters")})),
            bad,
            "Provided file name contains forbidden characters.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sample_url": "http://example<.>com/"})),
            bad,
            "Sample URL must have valid format.",
        ),
        (
            SAMPLES.to_owned(),
            with(json!({"sort_order": -1})),
            bad,
            "Sort order must be a positive integer.",
        ),
        (
            SAMPLES.to_owned(),
            json!({"sample": {"title": "T", "sample_type": "url",
                "sample_url": "http://www.example.com/x.mp4"}}),
            bad,
            "Sort order must be a positive integer.",
        ),
        // PHP's empty(): "0" is no title.
        (
            SAMPLES.to_owned(),
            with(json!({"title": "0"})),
            bad,
            "The sample title is empty. Enter the title and try again.",
        ),
        (
            format!("{SAMPLES}/9999"),
            with(json!({"id": 9999})),
            StatusCode::NOT_FOUND,
            "No downloadable sample with the provided ID was found. Verify the ID and try again.",
        ),
        (
            format!("{SAMPLES}/{theirs}"),
            with(json!({"id": theirs})),
            bad,
            "The downloadable sample isn't related to the product. Verify the link and try again.",
        ),
        (
            format!("{SAMPLES}/{ours}"),
            with(json!({"id": ours, "sort_order": -1})),
            bad,
            "Sort order must be a positive integer.",
        ),
        (
            "/rest/V1/products/wrong-sku/downloadable-links/samples/1".to_owned(),
            with(json!({"id": 1})),
            StatusCode::NOT_FOUND,
            "The product that was requested doesn't exist. Verify the product and try again.",
        ),
    ];
    for (path, body, status, message) in cases {
        let r = if path.ends_with("/samples") {
            app.post(&path, &token, &body).await
        } else {
            app.put(&path, &token, &body).await
        };
        assert_eq!(
            (r.status, r.body),
            (status, json!({"message": message})),
            "{path} {body}"
        );
    }
    let r = app
        .post(SAMPLES, &token, &json!({"isGlobalScopeContent": true}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            bad,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                "parameters": {"fieldName": "sample"}})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// `ProductRepositoryTest::createDownloadableProduct`: two links and two samples, a file and a
/// URL of each.
async fn create_downloadable_product(app: &TestApp, token: &str) -> Value {
    let product = json!({"product": {"sku": "downloadable-product", "name": "downloadable-product",
        "type_id": "downloadable", "price": 10, "attribute_set_id": 4, "extension_attributes": {
        "downloadable_product_links": [
            {"title": "link1", "sort_order": 10, "is_shareable": 1, "price": 2.0,
             "number_of_downloads": 0, "link_type": "file",
             "link_file_content": content("link1_content.jpg"), "sample_type": "file",
             "sample_file_content": content("link1_sample.jpg")},
            {"title": "link2", "sort_order": 20, "is_shareable": 0, "price": 3.0,
             "number_of_downloads": 100, "link_type": "url",
             "link_url": "http://www.example.com/link2.jpg", "sample_type": "url",
             "sample_url": "http://www.example.com/link2.jpg"}],
        "downloadable_product_samples": [
            {"title": "sample1", "sort_order": 10, "sample_type": "url",
             "sample_url": "http://www.example.com/sample1.jpg"},
            {"title": "sample2", "sort_order": 20, "sample_type": "file",
             "sample_file_content": content("sample2.jpg")}]}}});
    let r = app.post("/rest/V1/products", token, &product).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

fn samples_of(product: &Value) -> Value {
    product["extension_attributes"]["downloadable_product_samples"].clone()
}

fn ids_of(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_i64().expect("an id"))
        .collect()
}

#[tokio::test]
async fn a_product_save_writes_its_samples_as_magento_does() {
    let app = spawn_app().await;
    let token = app.token().await;
    // testCreateDownloadableProduct.
    let created = create_downloadable_product(&app, &token).await;
    let links = &created["extension_attributes"]["downloadable_product_links"];
    let [l1, l2] = ids_of(links)[..] else {
        panic!("two links: {links}")
    };
    assert_eq!(
        links,
        &json!([
            {"id": l1, "title": "link1", "sort_order": 10, "is_shareable": 1, "price": 2,
             "number_of_downloads": 0, "link_type": "file",
             "link_file": "/l/i/link1_content.jpg", "sample_type": "file",
             "sample_file": "/l/i/link1_sample.jpg"},
            {"id": l2, "title": "link2", "sort_order": 20, "is_shareable": 0, "price": 3,
             "number_of_downloads": 100, "link_type": "url",
             "link_url": "http://www.example.com/link2.jpg", "sample_type": "url",
             "sample_url": "http://www.example.com/link2.jpg"}
        ])
    );
    let samples = samples_of(&created);
    let [s1, s2] = ids_of(&samples)[..] else {
        panic!("two samples: {samples}")
    };
    assert_eq!(
        samples,
        json!([
            {"id": s1, "title": "sample1", "sort_order": 10, "sample_type": "url",
             "sample_url": "http://www.example.com/sample1.jpg"},
            {"id": s2, "title": "sample2", "sort_order": 20, "sample_type": "file",
             "sample_file": "/s/a/sample2.jpg"}
        ])
    );

    // testUpdateDownloadableProductSamples: the whole product posted back, one sample by id and
    // two new ones; sample2, not posted, is deleted.
    let mut product = created.clone();
    product["extension_attributes"]["downloadable_product_samples"] = json!([
        {"id": s1, "title": "sample1_updated", "sort_order": 1, "sample_type": "url",
         "sample_url": "http://www.example.com/sample1.jpg"},
        {"title": "sample1", "sort_order": 10, "sample_type": "url",
         "sample_url": "http://www.example.com/sample1.jpg"},
        {"title": "sample2", "sort_order": 20, "sample_type": "file",
         "sample_file_content": content("sample2.jpg")}]);
    let r = app
        .put(
            "/rest/V1/products/downloadable-product",
            &token,
            &json!({ "product": product }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        r.body["extension_attributes"]["downloadable_product_links"],
        *links
    );
    let samples = samples_of(&r.body);
    let ids = ids_of(&samples);
    assert_eq!(ids[0], s1);
    assert!(ids[1] > s2 && ids[2] > s2, "{ids:?}");
    assert_eq!(
        samples,
        json!([
            {"id": s1, "title": "sample1_updated", "sort_order": 1, "sample_type": "url",
             "sample_url": "http://www.example.com/sample1.jpg"},
            {"id": ids[1], "title": "sample1", "sort_order": 10, "sample_type": "url",
             "sample_url": "http://www.example.com/sample1.jpg"},
            // The first upload's path is still sample2's (the deleted sample's file stays on
            // Magento's disk): the uploader takes the next name.
            {"id": ids[2], "title": "sample2", "sort_order": 20, "sample_type": "file",
             "sample_file": "/s/a/sample2_1.jpg"}
        ])
    );

    // An empty or absent list leaves the stored ones alone (`if ($samples && ...)`).
    for extension in [
        json!({"downloadable_product_samples": [], "downloadable_product_links": []}),
        json!({"website_ids": [1]}),
    ] {
        let r = app
            .put(
                "/rest/V1/products/downloadable-product",
                &token,
                &json!({"product": {"name": "renamed", "extension_attributes": extension}}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        assert_eq!(samples_of(&r.body), samples);
        assert_eq!(
            r.body["extension_attributes"]["downloadable_product_links"],
            *links
        );
    }
}

#[tokio::test]
async fn an_update_keeps_the_columns_it_does_not_write() {
    let app = spawn_app().await;
    let token = app.token().await;
    let created = create_downloadable_product(&app, &token).await;
    let [s1, s2] = ids_of(&samples_of(&created))[..] else {
        panic!("two samples")
    };
    let [l1, l2] = ids_of(&created["extension_attributes"]["downloadable_product_links"])[..]
    else {
        panic!("two links")
    };
    // testUpdateDownloadableProductSamplesWithNewFile: sample1 turns from a URL to a file and
    // keeps its URL (Magento's own test expects it).
    let r = app
        .put(
            "/rest/V1/products/downloadable-product",
            &token,
            &json!({"product": {"sku": "downloadable-product", "extension_attributes": {
                "downloadable_product_samples": [
                    {"id": s1, "title": "sample1_updated", "sort_order": 1, "sample_type": "file",
                     "sample_file_content": content("sample1.jpg")},
                    {"id": s2, "title": "sample2_updated", "sort_order": 2, "sample_type": "file",
                     "sample_file_content": content("sample2.jpg")}]}}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        samples_of(&r.body),
        json!([
            {"id": s1, "title": "sample1_updated", "sort_order": 1, "sample_type": "file",
             "sample_file": "/s/a/sample1.jpg", "sample_url": "http://www.example.com/sample1.jpg"},
            {"id": s2, "title": "sample2_updated", "sort_order": 2, "sample_type": "file",
             "sample_file": "/s/a/sample2_1.jpg"}
        ])
    );
    // A link turned from a file to a URL keeps its file; one posted without a sample keeps
    // its sample.
    let path = "/rest/V1/products/downloadable-product/downloadable-links";
    let r = app
        .put(
            &format!("{path}/{l1}"),
            &token,
            &json!({"link": {"title": "link1", "sort_order": 10, "is_shareable": 1, "price": 2,
                "number_of_downloads": 0, "link_type": "url",
                "link_url": "http://www.example.com/link1.jpg"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(l1)));
    let links = app.get(path, &token).await.body;
    assert_eq!(
        links[0],
        json!({"id": l1, "title": "link1", "sort_order": 10, "is_shareable": 1, "price": 2,
            "number_of_downloads": 0, "link_type": "url",
            "link_file": "/l/i/link1_content.jpg", "link_url": "http://www.example.com/link1.jpg",
            "sample_type": "file", "sample_file": "/l/i/link1_sample.jpg"})
    );
    assert_eq!(links[1]["id"], l2);
}

#[tokio::test]
async fn a_link_titled_zero_has_no_title() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let r = app
        .post(
            "/rest/V1/products/240-LV06/downloadable-links",
            &token,
            &json!({"link": {"title": "0", "sort_order": 1, "is_shareable": 0, "price": 0,
                "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/x"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The link title is empty. Enter the link title and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// review-43: a sample id of 0 is a new sample (`if ($sampleId)`); a link update without
/// `is_shareable` keeps it (a null of a NOT NULL column is not written); an upload whose
/// extension is protected or not alphanumeric is `Disallowed file type.`; an update outside
/// the global scope may leave the title empty, which keeps it.
#[tokio::test]
async fn ids_of_zero_nulls_uploads_and_scope() {
    let app = spawn_app().await;
    let token = app.token().await;
    let sample = json!({"id": 0, "title": "Zero", "sort_order": 1, "sample_type": "url",
        "sample_url": "http://www.example.com/zero.mp4"});
    let first = add_sample(&app, &token, sample.clone()).await;
    let r = app
        .put(
            &format!("{SAMPLES}/0"),
            &token,
            &json!({ "sample": sample }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert!(r.body.as_i64().expect("an id") > first);
    assert_eq!(
        app.get(SAMPLES, &token).await.body.as_array().map(Vec::len),
        Some(2)
    );

    let links = "/rest/V1/products/240-LV06/downloadable-links";
    let link = json!({"title": "Shared", "sort_order": 3, "is_shareable": 2, "price": 0,
        "number_of_downloads": 0, "link_type": "url", "link_url": "https://example.com/s"});
    let id = app.post(links, &token, &json!({ "link": link })).await.body;
    let mut renamed = link.clone();
    renamed.as_object_mut().unwrap().remove("is_shareable");
    renamed["title"] = json!("Shared, renamed");
    let r = app
        .put(
            &format!("{links}/{id}"),
            &token,
            &json!({ "link": renamed }),
        )
        .await;
    assert_eq!((r.status, &r.body), (StatusCode::OK, &id));
    let listed = app.get(links, &token).await.body;
    let stored = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == id)
        .expect("the link");
    assert_eq!(
        (&stored["title"], &stored["is_shareable"]),
        (&json!("Shared, renamed"), &json!(2))
    );

    let before = app.snapshot().await;
    for name in ["x.php", "x.PHP", "x.svg", ".htaccess", "x.tar-gz", "x.html"] {
        let r = app
            .post(
                SAMPLES,
                &token,
                &json!({"sample": {"title": "F", "sort_order": 1, "sample_type": "file",
                    "sample_file_content": content(name)}}),
            )
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Disallowed file type."})
            ),
            "{name}"
        );
    }
    let r = app
        .put(
            &format!("{SAMPLES}/{first}"),
            &token,
            &json!({"isGlobalScopeContent": true, "sample": {"id": first, "title": "", "sort_order": 1,
                "sample_type": "url", "sample_url": "http://www.example.com/zero.mp4"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The sample title is empty. Enter the title and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // Outside the global scope the store view's title is emptied and the global one stays.
    let r = app
        .put(
            &format!("{SAMPLES}/{first}"),
            &token,
            &json!({"isGlobalScopeContent": false, "sample": {"id": first, "title": "", "sort_order": 5,
                "sample_type": "url", "sample_url": "http://www.example.com/zero.mp4"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(first)));
    let listed = app.get(SAMPLES, &token).await.body;
    assert_eq!(listed[1]["id"], first);
    assert_eq!(
        (&listed[1]["title"], &listed[1]["sort_order"]),
        (&json!("Zero"), &json!(5))
    );
    // A name without an extension is taken.
    add_sample(
        &app,
        &token,
        json!({"title": "Plain", "sort_order": 9, "sample_type": "file",
            "sample_file_content": content("README")}),
    )
    .await;
}

/// `addTitleToResult` orders by sort order, then title under MySQL's case-insensitive
/// collation: "apple" before "Banana" (a byte order would put "B" first).
#[tokio::test]
async fn titles_of_one_sort_order_sort_without_case() {
    let app = spawn_app().await;
    let token = app.token().await;
    for title in ["Banana", "apple"] {
        add_sample(
            &app,
            &token,
            json!({"title": title, "sort_order": 1, "sample_type": "url",
                "sample_url": "http://www.example.com/x.mp4"}),
        )
        .await;
    }
    let titles: Vec<Value> = app
        .get(SAMPLES, &token)
        .await
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].clone())
        .collect();
    assert_eq!(titles, [json!("apple"), json!("Banana")]);
}

/// `ServiceInputProcessor::_createFromArray` walks a JSON list given for an object as a PHP
/// array: its key `0` is no field.
#[tokio::test]
async fn a_list_given_for_an_object_names_field_zero() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let zero = json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
        "parameters": {"fieldName": "0"}});
    for (path, body) in [
        (SAMPLES, json!({"sample": [{"title": "T"}]})),
        (
            SAMPLES,
            json!({"sample": {"title": "T", "sort_order": 1, "sample_type": "file",
                "sample_file_content": [1]}}),
        ),
        ("/rest/V1/products", json!({"product": [1, 2]})),
    ] {
        let r = app.post(path, &token, &body).await;
        assert_eq!(
            (r.status, &r.body),
            (StatusCode::BAD_REQUEST, &zero),
            "{body}"
        );
    }
    assert_eq!(app.snapshot().await, before);
}
