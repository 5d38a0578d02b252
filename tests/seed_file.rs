//! `--seed PATH`: a world of the user's own, in Magento's entity shapes, loaded through the same
//! code as the REST calls; a bad file names the entry and the field and starts nothing.

use crate::common;

use std::path::{Path, PathBuf};

use common::spawn_app_with;
use magemu::config::{Config, Seed};
use magemu::AppState;
use serde_json::{json, Value};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds/example-shop.json")
}

#[tokio::test]
async fn the_example_file_builds_its_world() {
    let app = spawn_app_with(|c| c.seed = Seed::File(example())).await;
    let token = app.token().await;

    let sources = app
        .get("/rest/V1/inventory/sources?searchCriteria=", &token)
        .await
        .body;
    let codes: Vec<&str> = sources["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["source_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["berlin_wh", "default", "munich_shop"]);
    // Its `config` section: order gift messages on, as `PUT /magemu/config` would set them.
    let settings = app
        .send(reqwest::Method::GET, "/magemu/config", None, None, None)
        .await
        .body;
    assert_eq!(
        settings,
        json!({"carriers/instore/active": null, "checkout/options/enable_agreements": null,
               "oauth/consumer/enable_integration_as_bearer": null,
               "sales/gift_options/allow_items": null, "sales/gift_options/allow_order": "1"})
    );
    let stock = app.get("/rest/V1/inventory/stocks/2", &token).await.body;
    assert_eq!(
        stock,
        json!({"stock_id": 2, "name": "Shop Stock", "extension_attributes": {
            "sales_channels": [{"type": "website", "code": "base"}]}})
    );

    // The orders were placed through checkout: their reservations hold salable quantity back.
    assert_eq!(app.salable(&token, "MUG-01", 2).await, json!(41));
    assert_eq!(app.salable(&token, "TEE-M", 2).await, json!(10));
    assert_eq!(app.salable(&token, "GIFT-25", 2).await, json!(999));

    let first = app.get("/rest/V1/orders/1", &token).await.body;
    assert_eq!(
        (
            &first["increment_id"],
            &first["customer_email"],
            &first["state"],
            &first["subtotal"],
            &first["shipping_amount"],
            &first["grand_total"],
            &first["total_qty_ordered"],
        ),
        (
            &json!("000000001"),
            &json!("anna@example.com"),
            &json!("new"),
            &json!(75),
            &json!(20),
            &json!(95),
            &json!(5)
        ),
        "4 mugs at 12.5 and a virtual gift card; flat rate 5 for each of the 4 shipped units"
    );
    let second = app.get("/rest/V1/orders/2", &token).await.body;
    assert_eq!(second["customer_is_guest"], json!(1));
    assert_eq!(second["payment"]["method"], json!("banktransfer"));
    // 2 tees at 24 with the coupon's 10 % off, flat rate 10.
    assert_eq!(
        (
            &second["coupon_code"],
            &second["discount_amount"],
            &second["grand_total"]
        ),
        (&json!("TEE10"), &json!(-4.8), &json!(53.2))
    );

    // The customers can sign in with their passwords; Anna's address is her default.
    let anna = app.customer_token("anna@example.com", "Password1").await;
    let me = app.get("/rest/V1/customers/me", &anna).await.body;
    assert_eq!(me["id"], json!(1));
    assert_eq!(me["addresses"][0]["city"], json!("Berlin"));
    assert_eq!(me["default_billing"], json!("1"));

    // A reset goes back to this world.
    app.invoice(&token, 1, &json!({})).await;
    let reset = app.post("/magemu/reset", "", &json!({})).await;
    assert_eq!(reset.body["seed"], json!(example().display().to_string()));
    assert_eq!(
        app.get("/rest/V1/orders/1", &token).await.body["state"],
        json!("new")
    );
}

/// Starts magemu on `file` (written to a temp dir) and returns its error message and whether
/// the database was left empty.
async fn refused(file: Value) -> (String, i64) {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed.json");
    std::fs::write(&seed, file.to_string()).unwrap();
    let url = format!("sqlite://{}", dir.path().join("magemu.db").display());
    let mut config = Config::for_database(&url);
    config.seed = Seed::File(seed.clone());
    let message = match AppState::open(config).await {
        Ok(_) => panic!("{file} was accepted"),
        Err(e) => e.to_string(),
    };
    let message = message.replace(&seed.display().to_string(), "seed.json");
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let rows: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM store) + (SELECT COUNT(*) FROM inventory_source)
              + (SELECT COUNT(*) FROM catalog_product_entity)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    (message, rows)
}

#[tokio::test]
async fn a_bad_file_names_the_entry_and_the_field_and_starts_nothing() {
    let product = |sku: &str, price: Value| json!({"sku": sku, "name": sku, "attribute_set_id": 4, "price": price, "type_id": "simple"});
    let cases = [
        (
            json!({"products": [product("A", json!(1)), product("B", json!("cheap"))]}),
            "seed file seed.json: products[1] (sku \"B\"): Error occurred during \"price\" processing. \
             The \"cheap\" value's type is invalid. The \"float\" type was expected. Verify and try again.",
        ),
        (
            json!({"sources": [{"source_code": "wh", "name": "WH", "enabled": true, "country_id": "US"}]}),
            "seed file seed.json: sources[0] (source_code \"wh\"): Validation Failed \
             \"postcode\" can not be empty.",
        ),
        (
            json!({"products": [product("A", json!(1))],
                   "source_items": [{"sku": "A", "source_code": "nowhere", "quantity": 1, "status": 1}]}),
            "seed file seed.json: source_items[0] (A on nowhere): ",
        ),
        (
            json!({"orders": [{"customer": "nobody@example.com", "items": []}]}),
            "seed file seed.json: orders[0] (customer \"nobody@example.com\"): \
             No such entity with email = nobody@example.com",
        ),
        (
            json!({"prodcts": []}),
            "seed file seed.json: unknown section \"prodcts\" (known: config, sources, stocks, \
             stock_source_links, products, source_items, customers, sales_rules, coupons, \
             tax_rates, tax_rules, checkout_agreements, orders)",
        ),
        (
            json!({"config": [{"path": "sales/gift_options/allow_order", "value": "yes"}]}),
            "seed file seed.json: config[0] (path \"sales/gift_options/allow_order\"): \
             \"sales/gift_options/allow_order\" is a Yes/No setting: give \"1\", \"0\" (or true, \
             false, 1, 0), or null to remove it.",
        ),
        (
            json!({"config": [{"path": "web/secure/use_in_frontend", "value": "1"}]}),
            "seed file seed.json: config[0] (path \"web/secure/use_in_frontend\"): \
             \"web/secure/use_in_frontend\" is not a setting magemu reads",
        ),
        (
            json!({"config": [{"path": "sales/gift_options/allow_order", "Value": "1"}]}),
            "seed file seed.json: config[0] (path \"sales/gift_options/allow_order\"): \
             \"Value\" is not supported. Correct the field name and try again.",
        ),
        (
            json!([1, 2]),
            "seed file seed.json: expected a JSON object of sections",
        ),
        (
            json!({"tax_rules": [{"code": "Retail", "priority": 0, "customer_tax_class_ids": [2],
                "product_tax_class_ids": [2], "tax_rate_ids": [1]}]}),
            "seed file seed.json: tax_rules[0] (code \"Retail\"): No such entity with \
             customer_tax_class_ids = %fieldValue",
        ),
    ];
    for (file, expected) in cases {
        let (message, rows) = refused(file.clone()).await;
        assert!(
            message.starts_with(expected),
            "{file}\n got: {message}\nwant: {expected}"
        );
        assert_eq!(rows, 0, "{file}: the live database stays empty");
    }
}

#[tokio::test]
async fn an_order_beyond_the_salable_quantity_is_refused_as_checkout_refuses_it() {
    let mut file: Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    file["orders"][0]["items"][0]["qty"] = json!(46);
    let (message, rows) = refused(file).await;
    assert_eq!(
        message,
        "seed file seed.json: orders[0] (customer \"anna@example.com\"): Not enough items for sale"
    );
    assert_eq!(rows, 0);
}

/// `tax_rates` and `tax_rules` sections: the world starts with its tax, and the seed's orders
/// pay it.
#[tokio::test]
async fn a_seed_files_tax_rules_tax_its_orders() {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed.json");
    let address = json!({"firstname": "Ann", "lastname": "Lee", "street": ["1 Main St."],
        "city": "Austin", "region_id": 57, "postcode": "78701", "country_id": "US",
        "telephone": "512-555-0000", "email": "ann@example.com"});
    let file = json!({
        "products": [{"sku": "MUG", "name": "Mug", "attribute_set_id": 4, "price": 12.99,
            "type_id": "simple", "weight": 1, "status": 1, "visibility": 4,
            "extension_attributes": {"website_ids": [1]}}],
        "source_items": [{"sku": "MUG", "source_code": "default", "quantity": 10, "status": 1}],
        "tax_rates": [{"tax_country_id": "US", "tax_region_id": 57, "tax_postcode": "*",
            "rate": 6.25, "code": "US-TX"}],
        "tax_rules": [{"code": "Texas", "priority": 0, "customer_tax_class_ids": [3],
            "product_tax_class_ids": [2], "tax_rate_ids": [3]}],
        "orders": [{"email": "ann@example.com", "items": [{"sku": "MUG", "qty": 2}],
            "addressInformation": {"shipping_address": address, "billing_address": address,
                "shipping_carrier_code": "flatrate", "shipping_method_code": "flatrate"},
            "paymentMethod": {"method": "checkmo"}}]
    });
    std::fs::write(&seed, file.to_string()).unwrap();
    let app = spawn_app_with(|c| c.seed = Seed::File(seed.clone())).await;
    let token = app.token().await;
    let rule = app.get("/rest/V1/taxRules/1", &token).await.body;
    assert_eq!(rule["tax_rate_ids"], json!([3]));
    let orders = app
        .get("/rest/V1/orders?searchCriteria=", &token)
        .await
        .body;
    // 2 × 12.99 = 25.98 at 6.25 %: 1.62375, 1.62; shipping 10, untaxed.
    let order = &orders["items"][0];
    assert_eq!(
        (
            &order["subtotal"],
            &order["tax_amount"],
            &order["grand_total"]
        ),
        (&json!(25.98), &json!(1.62), &json!(37.6)),
        "{order}"
    );
}
