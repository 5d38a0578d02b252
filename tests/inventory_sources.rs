//! MSI master data through the router: the tutorial's steps 2 to 5 on a fresh Luma world, then
//! sources, stocks and links with Magento's replies and refusals (whole bodies, nothing changed).

use crate::common;

use common::{fixture, spawn_app, spawn_luma_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const SOURCES: [&str; 8] = [
    "ne_wh",
    "west_wh",
    "brooklyn",
    "huntington",
    "manhattan",
    "berkeley",
    "sausalito",
    "hq",
];

async fn put(app: &TestApp, path: &str, token: &str, body: &Value) -> common::Reply {
    app.send(
        Method::PUT,
        path,
        Some(token),
        Some("application/json"),
        Some(body.to_string()),
    )
    .await
}

/// Posts `body` to `path` and expects the save refused with `message` (400, no parameters).
async fn save_refused(app: &TestApp, token: &str, path: &str, body: Value, message: &str) {
    let r = app.post(path, token, &body).await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, json!({ "message": message }))
    );
}

/// Steps 2 to 5 posted in order, each answering what the tutorial prints.
async fn replay_steps_2_to_5(app: &TestApp, token: &str) {
    for code in SOURCES {
        let body = fixture(&format!("tutorial/step02-source-{code}-request.json"));
        let r = app
            .post("/rest/default/V1/inventory/sources", token, &body)
            .await;
        assert_eq!(
            (r.status, &r.body),
            (
                StatusCode::OK,
                &fixture("tutorial/step02-source-response.json")
            ),
            "{code}"
        );
    }
    let r = app
        .post(
            "/rest/default/V1/inventory/stocks",
            token,
            &fixture("tutorial/step03-stock-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step03-stock-response.json")
        )
    );
    let r = app
        .post(
            "/rest/default/V1/inventory/stock-source-links",
            token,
            &fixture("tutorial/step04-stock-source-links-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step04-stock-source-links-response.json")
        )
    );
    let r = app
        .post(
            "/rest/default/V1/inventory/source-items-delete",
            token,
            &fixture("tutorial/step05-source-items-delete-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step05-source-items-delete-response.json")
        )
    );
    let r = app
        .post(
            "/rest/default/V1/inventory/source-items",
            token,
            &fixture("tutorial/step05-source-items-request.json"),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            fixture("tutorial/step05-source-items-response.json")
        )
    );
}

#[tokio::test]
async fn tutorial_steps_2_to_5_build_the_world() {
    let app = spawn_luma_app().await;
    let token = app.token().await;
    replay_steps_2_to_5(&app, &token).await;

    let r = app.get("/rest/V1/inventory/sources/brooklyn", &token).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.body,
        json!({
            "source_code": "brooklyn", "name": "Brooklyn Store", "contact_name": "Tai Hozie",
            "enabled": true, "latitude": 40.71007, "longitude": -73.95716, "country_id": "US",
            "region_id": 43, "region": "New York", "city": "Brooklyn", "street": "263 S 4th St",
            "postcode": "11211", "phone": "555 737-8088", "use_default_carrier_config": true,
            "carrier_links": [],
            "extension_attributes": {
                "is_pickup_location_active": true,
                "frontend_name": "Brooklyn (Williamsburg) Store",
                "frontend_description": "Williamsburg, Brooklyn"
            }
        })
    );
    // A source without the pickup extension: frontend_name falls back to the name.
    let r = app.get("/rest/V1/inventory/sources/hq", &token).await;
    assert_eq!(
        r.body["extension_attributes"],
        json!({"is_pickup_location_active": false, "frontend_name": "HQ"})
    );
    let r = app.get("/rest/V1/inventory/sources/default", &token).await;
    assert_eq!(
        r.body,
        json!({
            "source_code": "default", "name": "Default Source", "enabled": true,
            "description": "Default Source", "latitude": 0, "longitude": 0, "country_id": "US",
            "postcode": "00000", "use_default_carrier_config": true, "carrier_links": [],
            "extension_attributes": {"is_pickup_location_active": false, "frontend_name": ""}
        })
    );

    // Step 3: website base moved from the default stock to stock 2.
    let r = app.get("/rest/V1/inventory/stocks", &token).await;
    assert_eq!(
        r.body,
        json!({
            "items": [
                {"stock_id": 1, "name": "Default Stock", "extension_attributes": {"sales_channels": []}},
                {"stock_id": 2, "name": "US Stock", "extension_attributes": {"sales_channels": [{"type": "website", "code": "base"}]}}
            ],
            "search_criteria": {"filter_groups": []},
            "total_count": 2
        })
    );
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/base", &token)
        .await;
    assert_eq!(r.body["stock_id"], 2);

    // Step 4: the sources of stock 2 by priority.
    let r = app
        .get(
            "/rest/V1/inventory/get-sources-assigned-to-stock-ordered-by-priority/2",
            &token,
        )
        .await;
    let codes: Vec<&str> = r
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source_code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "ne_wh",
            "west_wh",
            "brooklyn",
            "manhattan",
            "huntington",
            "berkeley",
            "sausalito",
            "hq"
        ]
    );

    // Step 5: quantities per source, nothing left on default, the salable quantities of step 7.
    let q = "?searchCriteria[filter_groups][0][filters][0][field]=source_code\
             &searchCriteria[filter_groups][0][filters][0][value]=default";
    let r = app
        .get(&format!("/rest/V1/inventory/source-items{q}"), &token)
        .await;
    assert_eq!(r.body["total_count"], 0);
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(100));
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(100));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9999));
    assert_eq!(app.salable(&token, "24-WB01", 1).await, json!(0));
}

#[tokio::test]
async fn source_validation_errors_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let post = |body: Value| {
        let app = &app;
        let token = &token;
        async move { app.post("/rest/V1/inventory/sources", token, &body).await }
    };
    let r = post(json!({"source": {"source_code": " "}})).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        r.body,
        json!({"message": "Validation Failed", "errors": [
            {"message": "\"%field\" can not be empty.", "parameters": {"field": "name"}},
            {"message": "\"%field\" can not be empty.", "parameters": {"field": "source_code"}},
            {"message": "\"%field\" can not contain whitespaces.", "parameters": {"field": "source_code"}},
            {"message": "\"%field\" can not be empty.", "parameters": {"field": "postcode"}},
            {"message": "\"%field\" can not be empty.", "parameters": {"field": "country_id"}}
        ]})
    );
    // The default source can be neither disabled nor left without `enabled`, nor a pickup place.
    let r = put(
        &app,
        "/rest/V1/inventory/sources/default",
        &token,
        &json!({"source": {"name": "Default Source", "country_id": "US", "postcode": "00000",
            "extension_attributes": {"is_pickup_location_active": true, "frontend_name": "x"}}}),
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Validation Failed", "errors": [
                {"message": "Default source can not be disabled.", "parameters": []},
                {"message": "\"%field\" can not be empty for Pickup Location.", "parameters": {"field": "city"}},
                {"message": "\"%field\" can not be empty for Pickup Location.", "parameters": {"field": "street"}},
                {"message": "\"%field\" can not be empty for Pickup Location.", "parameters": {"field": "phone"}},
                {"message": "The Default Source can not be used for In-Store Pickup Delivery.", "parameters": []}
            ]})
        )
    );
    // Carrier links with the global configuration (always, over REST); a template pattern.
    let r = post(
        json!({"source": {"source_code": "x${y}", "name": "X", "country_id": "US", "postcode": "1",
        "carrier_links": [{"carrier_code": "flatrate", "position": 1}]}}),
    )
    .await;
    assert_eq!(
        r.body,
        json!({"message": "Validation Failed", "errors": [
            {"message": "Validation Failed", "parameters": []},
            {"message": "You can't configure \"%field\" because you have chosen Global Shipping configuration.", "parameters": {"field": "carrier_links"}}
        ]})
    );
    // A name another source has: the unique index.
    let r = post(json!({"source": {"source_code": "nyc", "name": "HQ", "country_id": "US", "postcode": "1"}})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save Source"})
        )
    );
    let r = post(json!({"source": {"source_code": "nyc", "name": "NYC", "country_id": "US", "postcode": "1", "latitude": "north"}})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"latitude\" processing. The \"north\" value's type is invalid. The \"float\" type was expected. Verify and try again."})
        )
    );
    let r = post(json!({"source": {"source_code": "nyc", "name": "NYC", "country_id": "US", "postcode": "1", "colour": "red"}})).await;
    assert_eq!(
        r.body,
        json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Colour"}})
    );
    let r = post(json!({})).await;
    assert_eq!(
        r.body,
        json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "source"}})
    );
    assert_eq!(app.snapshot().await, before);
    let r = app.get("/rest/V1/inventory/sources/xyz", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Source with code \"%value\" does not exist.", "parameters": {"value": "xyz"}})
        )
    );
}

#[tokio::test]
async fn posting_an_existing_code_updates_only_what_it_holds() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "hq", "name": "Head Office", "country_id": "US", "postcode": "10022", "enabled": false, "email": "hq@example.com"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let hq = app.get("/rest/V1/inventory/sources/hq", &token).await.body;
    assert_eq!(hq["name"], "Head Office");
    assert_eq!(hq["enabled"], false);
    assert_eq!(hq["email"], "hq@example.com");
    // Fields the request did not hold keep their values.
    assert_eq!(hq["city"], "New York");
    assert_eq!(hq["latitude"], 40.7571);
    // PUT to an unknown code creates it, the path's code winning over the body's.
    let r = put(
        &app,
        "/rest/V1/inventory/sources/queens",
        &token,
        &json!({"source": {"source_code": "other", "name": "Queens", "country_id": "US", "postcode": "11101"}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let q = app
        .get("/rest/V1/inventory/sources/queens", &token)
        .await
        .body;
    assert_eq!(q["enabled"], true);
    assert_eq!(
        app.get("/rest/V1/inventory/sources/other", &token)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The list with searchCriteria, and without.
    let r = app
        .get("/rest/V1/inventory/sources?searchCriteria[filter_groups][0][filters][0][field]=enabled&searchCriteria[filter_groups][0][filters][0][value]=0", &token)
        .await;
    assert_eq!(r.body["total_count"], 1);
    assert_eq!(r.body["items"][0]["source_code"], "hq");
    let r = app.get("/rest/V1/inventory/sources", &token).await;
    assert_eq!(r.body["total_count"], 10);
}

/// MSI's `PhoneValidator` reads the city, not the phone: a pickup place with a city and no
/// phone saves (magento/inventory `InventoryInStorePickup/Model/Source/Validator/PhoneValidator.php`).
#[tokio::test]
async fn a_pickup_place_without_a_phone_saves_as_msis_phone_check_reads_the_city() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "pk1", "name": "Pickup 1", "postcode": "10001",
                "country_id": "US", "city": "New York", "street": "1 Main St",
                "extension_attributes": {"is_pickup_location_active": true, "frontend_name": "Pickup 1"}}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let read = app.get("/rest/V1/inventory/sources/pk1", &token).await.body;
    assert_eq!(
        read["extension_attributes"]["is_pickup_location_active"],
        json!(true)
    );
    // An update that does not post the flag keeps it: a null is left out of the NOT NULL
    // column's UPDATE (`_prepareDataForTable`); the other fields change as posted.
    let r = app
        .put(
            "/rest/V1/inventory/sources/pk1",
            &token,
            &json!({"source": {"name": "Pickup One", "postcode": "10001", "country_id": "US",
                "city": "New York", "street": "1 Main St", "enabled": false}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let after = app.get("/rest/V1/inventory/sources/pk1", &token).await.body;
    let mut expected = read.clone();
    expected["name"] = json!("Pickup One");
    expected["enabled"] = json!(false);
    expected["extension_attributes"]["frontend_name"] = json!("Pickup One");
    assert_eq!(after, expected);
}

/// The MSI tables compare codes, names and SKUs without case, as MySQL's `*_general_ci`
/// collation does for Magento (migration 0034): look-ups and filters find another case, a save
/// in another case updates the stored row and keeps its spelling, a name another source or stock
/// holds in another case is refused, and reservations of every case of a SKU add up.
#[tokio::test]
async fn the_msi_tables_compare_codes_names_and_skus_without_case() {
    let app = spawn_app().await;
    let token = app.token().await;
    let hq = app.get("/rest/V1/inventory/sources/hq", &token).await;
    assert_eq!(hq.status, StatusCode::OK);
    let r = app.get("/rest/V1/inventory/sources/HQ", &token).await;
    assert_eq!((r.status, &r.body), (StatusCode::OK, &hq.body));
    let r = app
        .get("/rest/V1/inventory/stock-resolver/website/BASE", &token)
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"stock_id": 2, "name": "US Stock", "extension_attributes": {"sales_channels": [{"type": "website", "code": "base"}]}})
        )
    );
    let by_sku = "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-wb03&searchCriteria[filter_groups][0][filters][0][condition_type]=eq";
    let before = app.get(by_sku, &token).await.body;
    assert_eq!(before["total_count"], 7);
    assert!(before["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["sku"] == "24-WB03"));

    // SaveMultiple: `sku-1` at `NE_WH` is the stored `24-WB03` at `ne_wh` (ON DUPLICATE KEY
    // UPDATE quantity, status): its quantity changes, its spelling stays, no row is added.
    let r = app
        .post(
            "/rest/V1/inventory/source-items",
            &token,
            &json!({"sourceItems": [{"sku": "24-wb03", "source_code": "NE_WH", "quantity": 7, "status": 1}]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let after = app.get(by_sku, &token).await.body;
    let mut expected = before["items"].clone();
    assert_eq!(expected[0]["source_code"], "ne_wh");
    expected[0]["quantity"] = json!(7);
    assert_eq!(after["items"], expected);

    // AbstractDb::updateObject on source `HQ` updates `hq`, its key not written.
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "HQ", "name": "Head Office", "country_id": "US", "postcode": "10022"}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let r = app.get("/rest/V1/inventory/sources/hq", &token).await;
    assert_eq!(
        (&r.body["source_code"], &r.body["name"]),
        (&json!("hq"), &json!("Head Office"))
    );
    let r = app.get("/rest/V1/inventory/sources", &token).await;
    assert_eq!(r.body["total_count"], 9);

    // `_checkUnique`: names held in another case are taken.
    let snapshot = app.snapshot().await;
    save_refused(
        &app,
        &token,
        "/rest/V1/inventory/sources",
        json!({"source": {"source_code": "queens", "name": "HEAD OFFICE", "country_id": "US", "postcode": "11101"}}),
        "Could not save Source",
    )
    .await;
    save_refused(
        &app,
        &token,
        "/rest/V1/inventory/stocks",
        json!({"stock": {"name": "us stock"}}),
        "Could not save Stock",
    )
    .await;
    assert_eq!(app.snapshot().await, snapshot);

    // An order imported with the SKU in lower case (no reservation at import) shipped from
    // `NE_WH`: the source `ne_wh` gives 2 and the shipment's reservation gives them back to the
    // SKU's salable quantity, which sums the reservations of every case of the SKU asked.
    let salable = app.salable(&token, "24-WB03", 2).await;
    let order = app
        .create_order(
            &token,
            json!({"customer_email": "a@example.com", "items": [{"sku": "24-wb03", "product_id": 12, "qty_ordered": 2, "price": 10, "product_type": "simple"}]}),
        )
        .await;
    let r = app
        .post(
            &format!("/rest/V1/order/{order}/ship"),
            &token,
            &json!({"arguments": {"extension_attributes": {"source_code": "NE_WH"}}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        app.get(by_sku, &token).await.body["items"][0]["quantity"],
        5
    );
    assert_eq!(app.salable(&token, "24-WB03", 2).await, salable);
    assert_eq!(app.salable(&token, "24-wb03", 2).await, salable);
}

/// `AbstractDb::_checkUnique` looks a source's or stock's name up PHP-trimmed, and MySQL
/// compares it without trailing spaces: a name another holds but for spaces is refused, and
/// nothing is written.
#[tokio::test]
async fn a_name_taken_but_for_spaces_is_refused() {
    let app = spawn_app().await;
    let token = app.token().await;
    let hq = app.get("/rest/V1/inventory/sources/hq", &token).await.body;
    let name = hq["name"].as_str().unwrap_or_default().to_owned();
    assert!(!name.is_empty());
    let before = app.snapshot().await;
    save_refused(
        &app,
        &token,
        "/rest/V1/inventory/sources",
        json!({"source": {"source_code": "t7", "name": format!("  {name}\t"),
                "country_id": "US", "postcode": "1"}}),
        "Could not save Source",
    )
    .await;
    save_refused(
        &app,
        &token,
        "/rest/V1/inventory/stocks",
        json!({"stock": {"name": " us stock "}}),
        "Could not save Stock",
    )
    .await;
    assert_eq!(app.snapshot().await, before);
    // A name with spaces around it, saved once, is refused the second time (400, not the
    // UNIQUE index's 500).
    let spaced = json!({"source": {"source_code": "s1", "name": " Dup", "country_id": "US", "postcode": "1"}});
    let r = app
        .post("/rest/V1/inventory/sources", &token, &spaced)
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let mut again = spaced.clone();
    again["source"]["source_code"] = json!("s2");
    let r = app.post("/rest/V1/inventory/sources", &token, &again).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save Source"})
        )
    );
}

/// The lists filter and sort on every column of their tables: a source's coordinates
/// (`decimal(8,6)`, compared and sorted as numbers), its `use_default_carrier_config` (stored as
/// posted, answered true whatever it holds), a link's hidden `link_id`.
#[tokio::test]
async fn source_and_link_lists_take_every_column() {
    let app = spawn_app().await;
    let token = app.token().await;
    let f = "searchCriteria[filter_groups][0][filters][0]";
    let codes = |query: String| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .get(&format!("/rest/V1/inventory/sources?{query}"), token)
                .await;
            assert_eq!(r.status, StatusCode::OK, "{query}: {:?}", r.body);
            r.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["source_code"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let all = app.get("/rest/V1/inventory/sources", &token).await.body["items"]
        .as_array()
        .unwrap()
        .clone();
    let placed: Vec<(String, f64, f64)> = all
        .iter()
        .filter(|s| s["latitude"].is_number())
        .map(|s| {
            (
                s["source_code"].as_str().unwrap().to_owned(),
                s["latitude"].as_f64().unwrap(),
                s["longitude"].as_f64().unwrap(),
            )
        })
        .collect();
    assert!(placed.iter().any(|p| p.2 < 0.0), "{placed:?}");
    let mut by_longitude = placed.clone();
    by_longitude.sort_by(|a, b| a.2.total_cmp(&b.2));
    let sorted = codes(format!(
        "{f}[field]=longitude&{f}[condition_type]=notnull\
         &searchCriteria[sortOrders][0][field]=longitude&searchCriteria[sortOrders][0][direction]=ASC"
    ))
    .await;
    assert_eq!(
        sorted,
        by_longitude.iter().map(|p| p.0.clone()).collect::<Vec<_>>()
    );
    // Qualified with the alias too; a LIKE reads the decimal as MySQL writes it.
    let qualified = codes(format!(
        "{f}[field]=main_table.longitude&{f}[condition_type]=notnull\
         &searchCriteria[sortOrders][0][field]=longitude&searchCriteria[sortOrders][0][direction]=ASC"
    ))
    .await;
    assert_eq!(qualified, sorted);
    let six_places = codes(format!(
        "{f}[field]=latitude&{f}[value]=%25.______&{f}[condition_type]=like"
    ))
    .await;
    assert_eq!(six_places.len(), placed.len());
    let (code, latitude, _) = &placed[0];
    assert_eq!(
        &codes(format!("{f}[field]=latitude&{f}[value]={latitude}")).await,
        std::slice::from_ref(code)
    );
    let above: Vec<String> = placed
        .iter()
        .filter(|p| p.1 > 40.0)
        .map(|p| p.0.clone())
        .collect();
    let mut found = codes(format!(
        "{f}[field]=latitude&{f}[value]=40.0&{f}[condition_type]=gt"
    ))
    .await;
    found.sort();
    let mut expected = above.clone();
    expected.sort();
    assert_eq!(found, expected);

    let every: Vec<String> = all
        .iter()
        .map(|s| s["source_code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        codes(format!(
            "{f}[field]=use_default_carrier_config&{f}[value]=1"
        ))
        .await,
        every
    );
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "nocarrier", "name": "No carrier", "country_id": "US",
                               "postcode": "10001", "use_default_carrier_config": false}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        codes(format!(
            "{f}[field]=use_default_carrier_config&{f}[value]=0"
        ))
        .await,
        ["nocarrier"]
    );
    let saved = app
        .get("/rest/V1/inventory/sources/nocarrier", &token)
        .await
        .body;
    assert_eq!(saved["use_default_carrier_config"], true);
    // A save without it, or with null, keeps what is stored.
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "nocarrier", "name": "No carrier", "country_id": "US",
                               "postcode": "10001", "use_default_carrier_config": null}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        codes(format!(
            "{f}[field]=use_default_carrier_config&{f}[value]=0"
        ))
        .await,
        ["nocarrier"]
    );

    let links = |query: String| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .get(
                    &format!("/rest/V1/inventory/stock-source-links?{query}"),
                    token,
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{query}: {:?}", r.body);
            r.body
        }
    };
    let first = links(format!("{f}[field]=link_id&{f}[value]=1")).await;
    assert_eq!(first["total_count"], 1, "{first:?}");
    assert!(first["items"][0].get("link_id").is_none());
    let all_links = links("searchCriteria[pageSize]=100".into()).await;
    let mut reversed = all_links["items"].as_array().unwrap().clone();
    reversed.reverse();
    let descending = links(
        "searchCriteria[sortOrders][0][field]=link_id&searchCriteria[sortOrders][0][direction]=DESC".into(),
    )
    .await;
    assert_eq!(descending["items"], json!(reversed));
}

/// Magento's connection runs without strict mode: MySQL stores what a column cannot hold
/// clipped (a latitude past 99.999999, a three-letter country, a negative region id, a priority
/// past 65535, a SKU past 64 characters) where strict mode would refuse the row.
#[tokio::test]
async fn values_past_their_columns_are_stored_clipped() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/V1/inventory/sources",
            &token,
            &json!({"source": {"source_code": "far", "name": "Far away", "country_id": "USA",
                               "postcode": "99999", "latitude": 100, "longitude": -1000.5,
                               "region_id": -5}}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let far = app.get("/rest/V1/inventory/sources/far", &token).await.body;
    assert_eq!(
        (
            &far["latitude"],
            &far["longitude"],
            &far["country_id"],
            &far["region_id"]
        ),
        (
            &json!(99.999999),
            &json!(-999.999999),
            &json!("US"),
            &json!(0)
        )
    );
    let r = app
        .post(
            "/rest/V1/inventory/stock-source-links",
            &token,
            &json!({"links": [{"stock_id": 2, "source_code": "far", "priority": 70000}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let links = app
        .get(
            "/rest/V1/inventory/stock-source-links?searchCriteria[filter_groups][0][filters][0][field]=source_code\
             &searchCriteria[filter_groups][0][filters][0][value]=far",
            &token,
        )
        .await
        .body;
    assert_eq!(
        links["items"],
        json!([{"stock_id": 2, "source_code": "far", "priority": 65535}])
    );
    let long_sku = "S".repeat(70);
    let r = app
        .post(
            "/rest/V1/inventory/source-items",
            &token,
            &json!({"sourceItems": [{"sku": long_sku, "source_code": "far", "quantity": 3, "status": 1}]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let items = app
        .get(
            "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=source_code\
             &searchCriteria[filter_groups][0][filters][0][value]=far",
            &token,
        )
        .await
        .body;
    assert_eq!(items["items"][0]["sku"], json!("S".repeat(64)));
}
