//! Low-quantity notification settings, in-store pickup, the distance lookups and the legacy
//! stock routes through the router.

use crate::common;

use common::spawn_app;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn low_quantity_notifications() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/V1/inventory/low-quantity-notification";
    let r = app.get(&format!("{path}/ne_wh/24-WB01"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"source_code": "ne_wh", "notify_stock_qty": 1, "sku": "24-WB01"})
        )
    );
    let r = app.get(&format!("{path}/nowhere/24-WB01"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Wrong input data"})
        )
    );
    let r = app
        .post(path, &token, &json!({"sourceItemConfigurations": []}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Input data is empty"})
        )
    );
    let r = app
        .post(path, &token, &json!({"sourceItemConfigurations": [{"source_code": "ne_wh", "sku": "24-WB01", "notify_stock_qty": 7.5}]}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    let r = app.get(&format!("{path}/ne_wh/24-WB01"), &token).await;
    assert_eq!(r.body["notify_stock_qty"], 7.5);
    let r = app
        .post(
            "/rest/V1/inventory/low-quantity-notifications-delete",
            &token,
            &json!({"sourceItems": [{"source_code": "ne_wh", "sku": "24-WB01"}]}),
        )
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
    assert_eq!(
        app.get(&format!("{path}/ne_wh/24-WB01"), &token).await.body["notify_stock_qty"],
        1
    );
}

#[tokio::test]
async fn pickup_locations_and_notify() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Anonymous; New York pickup locations carrying 24-WB01 (huntington has 0 of it: assignment
    // decides), in the tutorial's order.
    let q = "searchRequest[scopeCode]=base&searchRequest[filters][region][value]=New%20York\
             &searchRequest[sort][0][field]=postcode&searchRequest[sort][0][direction]=ASC\
             &searchRequest[extensionAttributes][productsInfo][0][sku]=24-WB01";
    let r = app
        .send(
            Method::GET,
            &format!("/rest/default/V1/inventory/in-store-pickup/pickup-locations/?{q}"),
            None,
            None,
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // The tutorial's recording names each location by its source name; 2.4.8's mapper
    // (module-inventory-in-store-pickup/etc/di.xml) maps `frontend_name` to `name`, as the same
    // recording's step-14 shipping description does.
    let mut expected = common::fixture("tutorial/step14-pickup-locations-response.json");
    let frontend = [
        "Manhattan (Greenwich Village) Store",
        "Brooklyn (Williamsburg) Store",
        "Long Island (Huntington) Store",
    ];
    for (item, name) in expected["items"]
        .as_array_mut()
        .expect("items")
        .iter_mut()
        .zip(frontend)
    {
        item["name"] = json!(name);
    }
    assert_eq!(r.body["items"], expected["items"]);
    assert_eq!(r.body["total_count"], 3);
    assert_eq!(
        r.body["search_request"],
        json!({"filters": {"region": {"value": "New York", "condition_type": "eq"}}, "current_page": 1,
               "scope_type": "website", "scope_code": "base", "sort": [{"field": "postcode", "direction": "ASC"}],
               "extension_attributes": {"products_info": [{"sku": "24-WB01"}]}})
    );
    // An area needs a distance provider; without one no source is in it.
    let q = "searchRequest[area][radius]=50&searchRequest[area][searchTerm]=New%20York&searchRequest[scopeCode]=base";
    let r = app
        .send(
            Method::GET,
            &format!("/rest/V1/inventory/in-store-pickup/pickup-locations?{q}"),
            None,
            None,
            None,
        )
        .await;
    assert_eq!(r.body["total_count"], 0);
    let r = app
        .get("/rest/V1/inventory/get-distance-provider-code", &token)
        .await;
    assert_eq!(r.body, json!("google"));
    let r = app.get("/rest/V1/inventory/get-latlng-from-address?address[country]=US&address[postcode]=10011", &token).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app
        .post(
            "/rest/V1/order/notify-orders-are-ready-for-pickup",
            &token,
            &json!({"orderIds": [3, 99]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"successful": false, "errors": [
                {"id": 3, "message": "The order is not ready for pickup"},
                {"id": 99, "message": "The entity that was requested doesn't exist. Verify the entity and try again."}
            ]})
        )
    );
}

#[tokio::test]
async fn legacy_stock_routes_map_onto_the_default_source() {
    let app = spawn_app_none_products().await;
    let token = app.token().await;
    let r = app.get("/rest/V1/stockItems/24-WB01", &token).await;
    assert_eq!(
        r.body,
        json!({"item_id": 8, "product_id": 8, "stock_id": 1, "qty": 100, "is_in_stock": true, "is_qty_decimal": false,
               "show_default_notification_message": false, "use_config_min_qty": true, "min_qty": 0,
               "use_config_min_sale_qty": 1, "min_sale_qty": 1, "use_config_max_sale_qty": true, "max_sale_qty": 10000,
               "use_config_backorders": true, "backorders": 0, "use_config_notify_stock_qty": true, "notify_stock_qty": 1,
               "use_config_qty_increments": true, "qty_increments": 0, "use_config_enable_qty_inc": true,
               "enable_qty_increments": false, "use_config_manage_stock": true, "manage_stock": true,
               "low_stock_date": null, "is_decimal_divided": false, "stock_status_changed_auto": 0})
    );
    let r = put_stock_item(
        &app,
        &token,
        "1",
        json!({"stockItem": {"qty": 7, "is_in_stock": true}}),
    )
    .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(8)));
    let r = app.get("/rest/V1/stockStatuses/24-WB01", &token).await;
    assert_eq!(
        (r.body["qty"].clone(), r.body["stock_status"].clone()),
        (json!(7), json!(1))
    );
    // The default source feeds the default stock (website base in this world).
    assert_eq!(app.salable(&token, "24-WB01", 1).await, json!(7));
    // MSI's AdaptGetStockStatusBySkuPlugin: the status's qty and flag are the salable ones (an
    // out-of-stock threshold of 3 leaves 4), the item keeps the source's quantity.
    let r = put_stock_item(
        &app,
        &token,
        "1",
        json!({"stockItem": {"use_config_min_qty": false, "min_qty": 3}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = app.get("/rest/V1/stockStatuses/24-WB01", &token).await;
    assert_eq!(
        (
            r.body["qty"].clone(),
            r.body["stock_status"].clone(),
            r.body["stock_item"]["qty"].clone()
        ),
        (json!(4), json!(1), json!(7))
    );
    let r = put_stock_item(
        &app,
        &token,
        "1",
        json!({"stockItem": {"use_config_min_qty": true}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let low = |query: &'static str| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .get(&format!("/rest/V1/stockItems/lowStock/?{query}"), token)
                .await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            let ids: Vec<i64> = r.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["product_id"].as_i64().unwrap())
                .collect();
            (
                ids,
                r.body["total_count"].clone(),
                r.body["search_criteria"].clone(),
            )
        }
    };
    // 24-WB01 at 7; 24-WB03 and 240-LV06 hold 100 on the default source. At most `qty`, a
    // page of `pageSize` (0, the default, is 1), items of website 0 only.
    let (ids, total, criteria) = low("scopeId=0&qty=10&pageSize=10").await;
    assert_eq!((ids, total), (vec![8], json!(1)));
    assert_eq!(
        criteria,
        json!({"mapper_interface_name": "Magento\\CatalogInventory\\Model\\ResourceModel\\Stock\\Item\\StockItemCriteriaMapper",
            "criteria_list": [], "filters": [], "orders": [], "limit": ["1", "10"]})
    );
    let (ids, total, _) = low("scopeId=0&qty=100&pageSize=10").await;
    assert_eq!((ids, total), (vec![8, 12, 47], json!(3)));
    let (ids, total, _) = low("scopeId=0&qty=100").await;
    assert_eq!((ids, total), (vec![8], json!(3)));
    let (ids, total, _) = low("scopeId=0&qty=100&pageSize=2&currentPage=2").await;
    assert_eq!((ids, total), (vec![47], json!(3)));
    let (ids, total, _) = low("scopeId=1&qty=100&pageSize=10").await;
    assert_eq!((ids, total), (vec![], json!(0)));
    let r = app.get("/rest/V1/stockItems/nope", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The Product with the \"%1\" SKU doesn't exist.", "parameters": ["nope"]})
        )
    );
}

/// `StockItemRepository::save`'s `updateStockStatus`: a managed item at or below its minimum
/// without backorders goes out of stock on its own, whatever `is_in_stock` says
/// (`stock_status_changed_auto` 1, the default source item's status 0); stocked again, it comes
/// back in stock by itself.
#[tokio::test]
async fn a_legacy_stock_item_at_zero_goes_out_of_stock_by_itself() {
    let app = spawn_app_none_products().await;
    let token = app.token().await;
    let put = |qty: i64| {
        put_stock_item(
            &app,
            &token,
            "1",
            json!({"stockItem": {"qty": qty, "is_in_stock": true, "use_config_manage_stock": false,
                "manage_stock": true, "use_config_backorders": false, "backorders": 0}}),
        )
    };
    assert_eq!(put(0).await.status, StatusCode::OK);
    let item = app.get("/rest/V1/stockItems/24-WB01", &token).await.body;
    assert_eq!(
        (
            &item["qty"],
            &item["is_in_stock"],
            &item["stock_status_changed_auto"]
        ),
        (&json!(0), &json!(false), &json!(1))
    );
    // Below its notify quantity (the config's 1): the low stock date is the save's time.
    assert!(
        item["low_stock_date"]
            .as_str()
            .is_some_and(|d| d.len() == 19 && d.starts_with("20")),
        "{item}"
    );
    let r = app
        .get("/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]=24-WB01", &token)
        .await;
    assert_eq!(r.body["items"][0]["status"], json!(0));
    // Stocked again: back in stock by itself, the flag kept (no status changed by hand).
    let r = put_stock_item(&app, &token, "1", json!({"stockItem": {"qty": 5}})).await;
    assert_eq!(r.status, StatusCode::OK);
    let item = app.get("/rest/V1/stockItems/24-WB01", &token).await.body;
    assert_eq!(
        (
            &item["qty"],
            &item["is_in_stock"],
            &item["stock_status_changed_auto"]
        ),
        (&json!(5), &json!(true), &json!(1))
    );
    assert_eq!(item["low_stock_date"], Value::Null);
    // The path's item id goes into stockItem.item_id (ParamsOverrider): a bad one fails
    // under that name; beside another key it is never read.
    let put_at = |body: Value| put_stock_item(&app, &token, "abc", body);
    let r = put_at(json!({"stockItem": {"qty": 5}})).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"item_id\" processing. The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    let r = put_at(json!({"stockItem": {"qty": 5}, "other": 1})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // A posted null notify quantity is kept (addData), read as 0 once the item's own counts.
    let r = put_at(json!({"stockItem": {"notify_stock_qty": null}, "x": 1})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let r = put_at(json!({"stockItem": {"use_config_notify_stock_qty": false}, "x": 1})).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let item = app.get("/rest/V1/stockItems/24-WB01", &token).await.body;
    assert_eq!(item["notify_stock_qty"], json!(0));
}

/// `PUT /V1/products/24-WB01/stockItems/{item}` with `body`.
async fn put_stock_item(
    app: &common::TestApp,
    token: &str,
    item: &str,
    body: Value,
) -> common::Reply {
    app.send(
        Method::PUT,
        &format!("/rest/V1/products/24-WB01/stockItems/{item}"),
        Some(token),
        Some("application/json"),
        Some(body.to_string()),
    )
    .await
}

async fn spawn_app_none_products() -> common::TestApp {
    common::spawn_luma_app().await
}

/// The pickup locations carrying every SKU asked for are found in one statement, however many
/// SKUs (repeats included) the request names: 20,000 lines answer as the two distinct SKUs do
/// (it was one query a source and line: anonymous requests held the read pool for minutes).
#[tokio::test]
async fn pickup_locations_for_many_skus_answer_as_for_the_distinct_ones() {
    let app = spawn_app().await;
    let search = |skus: Vec<&str>| {
        let body = json!({"searchRequest": {"scopeCode": "base", "extension_attributes": {
            "products_info": skus.iter().map(|s| json!({"sku": s})).collect::<Vec<_>>()}}});
        let app = &app;
        async move {
            let r = app
                .send(
                    Method::POST,
                    "/rest/V1/inventory/in-store-pickup/pickup-locations/",
                    None,
                    Some("application/json"),
                    Some(body.to_string()),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            r.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["pickup_location_code"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let one = search(vec!["24-WB01"]).await;
    let both = search(vec!["24-WB01", "24-WB03"]).await;
    assert!(
        !both.is_empty() && both.len() <= one.len(),
        "{one:?} {both:?}"
    );
    assert!(both.iter().all(|code| one.contains(code)));
    let mut many = vec!["24-WB03"; 10_000];
    many.extend(vec!["24-WB01"; 10_000]);
    assert_eq!(search(many).await, both);
    assert_eq!(
        search(vec!["24-WB01", "nothing"]).await,
        Vec::<String>::new()
    );
}

/// A product saved with `extension_attributes.stock_item` keeps every setting it posts
/// (`SaveInventoryDataObserver` → `StockRegistry::updateStockItemBySku`: `addData` over the
/// stored item), `is_qty_decimal` included; `PUT .../stockItems/{id}` changes it too.
#[tokio::test]
async fn a_product_saves_its_whole_stock_item_and_decimal_quantities_follow_it() {
    let app = spawn_app().await;
    let token = app.token().await;
    let saved = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"sku": "AUD-1", "name": "Audit 1", "type_id": "simple",
                "attribute_set_id": 4, "price": 10, "status": 1,
                "extension_attributes": {"stock_item": {"qty": 8.5, "is_in_stock": true,
                    "is_qty_decimal": true, "use_config_min_qty": false, "min_qty": 2,
                    "use_config_backorders": false, "backorders": 1,
                    "use_config_manage_stock": false, "manage_stock": true}}}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let item = app.get("/rest/V1/stockItems/AUD-1", &token).await.body;
    // The product's own stock_item is the same object.
    let product = app.get("/rest/V1/products/AUD-1", &token).await.body;
    let mut own = product["extension_attributes"]["stock_item"].clone();
    own["low_stock_date"] = item["low_stock_date"].clone();
    assert_eq!(own, item);
    for (key, value) in [
        ("qty", json!(8.5)),
        ("is_in_stock", json!(true)),
        ("is_qty_decimal", json!(true)),
        ("use_config_min_qty", json!(false)),
        ("min_qty", json!(2)),
        ("use_config_backorders", json!(false)),
        ("backorders", json!(1)),
        ("use_config_manage_stock", json!(false)),
        ("manage_stock", json!(true)),
    ] {
        assert_eq!(item[key], value, "{key}");
    }
    let decimal = "/rest/V1/inventory/is-product-salable-for-requested-qty/AUD-1/1/1.5";
    assert_eq!(
        app.get(decimal, &token).await.body,
        json!({"salable": true, "errors": []})
    );
    // 8.5 in stock less the threshold of 2.
    assert_eq!(app.salable(&token, "AUD-1", 1).await, json!(6.5));
    let r = app
        .put(
            "/rest/V1/products/AUD-1/stockItems/1",
            &token,
            &json!({"stockItem": {"is_qty_decimal": false}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    assert_eq!(
        app.get(decimal, &token).await.body,
        json!({"salable": false, "errors": [{"code": "is_correct_qty-is_qty_decimal",
            "message": "You cannot use decimal quantity for this product."}]})
    );
    assert_eq!(
        app.get("/rest/V1/stockItems/AUD-1", &token).await.body["min_qty"],
        json!(2)
    );
}

/// MSI's `UpdateProductSkuTest`s (InventoryCatalog, InventoryLowQuantityNotification): a SKU
/// renamed on save takes the old SKU's source items and low-stock settings along (every source
/// but `default`); the old SKU's rows stay.
#[tokio::test]
async fn a_renamed_sku_takes_its_source_items_and_low_stock_settings_along() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/V1/inventory/low-quantity-notification";
    let r = app
        .post(path, &token, &json!({"sourceItemConfigurations": [{"source_code": "ne_wh", "sku": "24-WB01", "notify_stock_qty": 5.6}]}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let renamed = app
        .post(
            "/rest/V1/products",
            &token,
            &json!({"product": {"id": 8, "sku": "24-WB01-R"}}),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::OK, "{:?}", renamed.body);
    assert_eq!(renamed.body["sku"], "24-WB01-R");
    let items = |sku: &'static str| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .get(
                    &format!("/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku&searchCriteria[filter_groups][0][filters][0][value]={sku}"),
                    token,
                )
                .await;
            r.body["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| (i["source_code"].clone(), i["quantity"].clone()))
                .collect::<Vec<_>>()
        }
    };
    let old = items("24-WB01").await;
    assert_eq!(old.len(), 7);
    assert_eq!(items("24-WB01-R").await, old);
    // No reservation names the new SKU: all 100 units at stock 2's sources are salable.
    assert_eq!(app.salable(&token, "24-WB01-R", 2).await, json!(100));
    let r = app.get(&format!("{path}/ne_wh/24-WB01-R"), &token).await;
    assert_eq!(r.body["notify_stock_qty"], json!(5.6));
}

/// `ReplaceShippingAddressForShippingAddressManagement`: a shipping address naming a pickup
/// location becomes the location's (names, phone and e-mail kept; not the billing address, not
/// for the address book), so an order posted with the shopper's own address plus the code is
/// placed and ships to the store; a code that names no pickup location of the website's stock
/// (a warehouse, an unknown code), whatever the carrier, is refused by the save and changes
/// nothing (OrderCreateTest, GetPickupLocation).
#[tokio::test]
async fn a_pickup_code_puts_the_locations_address_in_place_of_the_posted_one() {
    let app = common::spawn_app().await;
    let admin = app.token().await;
    let jane = app.jane_with_cart("24-WB01", 1).await;
    let mineola = |code: &str| {
        json!({"region": "New York", "region_id": 43, "region_code": "NY", "country_id": "US",
            "street": ["160 1st St."], "postcode": "11501", "city": "Mineola",
            "firstname": "Jane", "lastname": "Doe", "email": "jdoe@example.com",
            "telephone": "516-555-1111", "same_as_billing": 1, "save_in_address_book": 1,
            "extension_attributes": {"pickup_location_code": code}})
    };
    let info = |code: &str, carrier: &str, method: &str| {
        json!({"addressInformation": {"shipping_address": mineola(code),
            "billing_address": mineola(code),
            "shipping_carrier_code": carrier, "shipping_method_code": method}})
    };
    let before = app.snapshot().await;
    for (code, carrier, method) in [
        ("ne_wh", "instore", "pickup"),
        ("nope", "flatrate", "flatrate"),
    ] {
        let refused = app
            .post(
                "/rest/V1/carts/mine/shipping-information",
                &jane,
                &info(code, carrier, method),
            )
            .await;
        assert_eq!(
            (refused.status, refused.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "The shipping information was unable to be saved. Error: \"%message\"",
                "parameters": {"message": format!(
                    "Can not find Pickup Location with code {code} for website Sales Channel \"base\"."
                )}})
            )
        );
        assert_eq!(app.snapshot().await, before);
    }
    let saved = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &info("brooklyn", "instore", "pickup"),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let brooklyn = json!({"region": "New York", "region_id": 43, "region_code": "NY",
        "country_id": "US", "street": ["263 S 4th St"], "telephone": "516-555-1111",
        "postcode": "11211", "city": "Brooklyn", "firstname": "Jane", "lastname": "Doe",
        "customer_id": 2, "email": "jdoe@example.com", "same_as_billing": 0,
        "save_in_address_book": 0});
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    let mut shipping =
        cart["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"].clone();
    if let Some(a) = shipping.as_object_mut() {
        a.remove("id");
    }
    assert_eq!(shipping, brooklyn);
    let placed = app
        .post(
            "/rest/V1/carts/mine/payment-information",
            &jane,
            // As OrderCreateTest: the billing address again, without the flag (replaced).
            &json!({"paymentMethod": {"method": "checkmo"}, "billing_address": {
                "region": "New York", "region_id": 43, "country_id": "US",
                "street": ["160 1st St."], "postcode": "11501", "city": "Mineola",
                "firstname": "Jane", "lastname": "Doe", "telephone": "516-555-1111"}}),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let order_id = placed.body.as_str().expect("order id").to_owned();
    let order = app
        .get(&format!("/rest/V1/orders/{order_id}"), &admin)
        .await
        .body;
    let address = &order["extension_attributes"]["shipping_assignments"][0]["shipping"]["address"];
    assert_eq!(
        (&address["street"], &address["city"], &address["firstname"]),
        (&json!(["263 S 4th St"]), &json!("Brooklyn"), &json!("Jane"))
    );
    assert_eq!(
        order["extension_attributes"]["pickup_location_code"],
        json!("brooklyn")
    );
    // The posted shipping address asked for the address book, but the location's does not
    // (OrderCreateTest::testPlaceOrderRegisteredCustomerNewAddressSaveInAddressBook).
    let me = app.get("/rest/V1/customers/me", &jane).await.body;
    assert_eq!(me["addresses"].as_array().map(Vec::len), Some(1));
}

/// The pickup search as `SourceRepository::getList` runs it: any condition type
/// (`fulltext` is a LIKE anywhere, `nin` the complement), `name` the `frontend_name`, no sort
/// the source codes' order, a sort on any source column, SortOrder's own refusals, and a scope
/// whose sales channel names no stock refused (GetPickupLocationsTest, GetStockBySalesChannel).
#[tokio::test]
async fn the_pickup_search_filters_sorts_and_refuses_as_magento() {
    let app = spawn_app().await;
    let search = |query: &str| {
        let path = format!("/rest/V1/inventory/in-store-pickup/pickup-locations/?searchRequest[scopeCode]=base{query}");
        let app = &app;
        async move { app.send(Method::GET, &path, None, None, None).await }
    };
    let codes = |reply: &common::Reply| -> Vec<String> {
        reply.body["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|i| {
                i["pickup_location_code"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    let all = search("").await;
    assert_eq!(all.status, StatusCode::OK, "{:?}", all.body);
    let every = codes(&all);
    let mut sorted = every.clone();
    sorted.sort();
    assert_eq!(every, sorted, "no sort: the source codes' order");
    assert!(every.contains(&"brooklyn".to_owned()), "{every:?}");
    let fulltext = search(
        "&searchRequest[filters][name][value]=Williams&searchRequest[filters][name][conditionType]=fulltext",
    )
    .await;
    assert_eq!(codes(&fulltext), ["brooklyn"]);
    let nin = search(
        "&searchRequest[filters][pickupLocationCode][value]=brooklyn&searchRequest[filters][pickupLocationCode][conditionType]=nin",
    )
    .await;
    let rest: Vec<String> = every.iter().filter(|c| *c != "brooklyn").cloned().collect();
    assert_eq!(codes(&nin), rest);
    // The source's own name is not the location's.
    let by_source_name = search("&searchRequest[filters][name][value]=Brooklyn%20Store").await;
    assert_eq!(codes(&by_source_name), Vec::<String>::new());
    let by_latitude =
        search("&searchRequest[sort][0][field]=latitude&searchRequest[sort][0][direction]=DESC")
            .await;
    let latitudes: Vec<f64> = by_latitude.body["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| i["latitude"].as_f64().unwrap_or_default())
        .collect();
    assert!(
        latitudes.windows(2).all(|w| w[0] >= w[1]) && latitudes.len() == every.len(),
        "{latitudes:?}"
    );
    for (query, expected) in [
        (
            "&searchRequest[sort][0][field]=city&searchRequest[sort][0][direction]=up",
            json!({"message": "The sort order has to be specified as %1 for ascending order or %2 for descending order.",
                "parameters": ["ASC", "DESC"]}),
        ),
        (
            "&searchRequest[sort][0][field]=a-b&searchRequest[sort][0][direction]=ASC",
            json!({"message": "Sort order field %1 contains restricted symbols", "parameters": ["a-b"]}),
        ),
    ] {
        let refused = search(query).await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, expected),
            "{query}"
        );
    }
    // MySQL's collation: a city in another case is the same city, a code with a trailing
    // space the same code, one with a leading space another (`explode(',')` keeps it).
    let city = all.body["items"][0]["city"].as_str().unwrap().to_owned();
    let first = every[0].clone();
    let by_city = search(&format!(
        "&searchRequest[filters][city][value]={}",
        city.to_lowercase().replace(' ', "%20")
    ))
    .await;
    assert!(codes(&by_city).contains(&first), "{:?}", by_city.body);
    let in_codes = |list: String| {
        format!("&searchRequest[filters][pickupLocationCode][value]={list}&searchRequest[filters][pickupLocationCode][conditionType]=in")
    };
    let trailing = search(&in_codes(format!("x,{}%20", first.to_uppercase()))).await;
    assert_eq!(codes(&trailing), vec![first.clone()]);
    let leading = search(&in_codes(format!("x,%20{first}"))).await;
    assert_eq!(codes(&leading), Vec::<String>::new());
    // The request's objects are built through their constructors: a key of two words goes
    // only by the argument's camelCase name; any other spelling is skipped when empty and
    // refused otherwise.
    let skipped = search("&searchRequest[page_size]=0&searchRequest[current_page]=").await;
    assert_eq!(skipped.status, StatusCode::OK, "{:?}", skipped.body);
    assert_eq!(codes(&skipped), every);
    for (query, field) in [
        ("&searchRequest[page_size]=1", "PageSize"),
        ("&searchRequest[scope_type]=website", "ScopeType"),
        ("&searchRequest[filters][pickup_location_code][value]=x", "PickupLocationCode"),
        ("&searchRequest[filters][city][value]=x&searchRequest[filters][city][condition_type]=like", "ConditionType"),
        ("&searchRequest[area][radius]=1&searchRequest[area][search_term]=x", "SearchTerm"),
    ] {
        let refused = search(query).await;
        assert_eq!(
            (refused.status, refused.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                    "parameters": {"fieldName": field}})
            ),
            "{query}"
        );
    }
    let no_stock = app
        .send(
            Method::GET,
            "/rest/V1/inventory/in-store-pickup/pickup-locations/?searchRequest[scopeCode]=eu_website",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(
        (no_stock.status, no_stock.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No linked stock found"})
        )
    );
}

/// In-Store Pickup is a carrier Magento ships turned off (`carriers/instore/active` 0); the
/// tutorial's world has it on. Turned off, no cart is offered it and choosing it is the
/// unknown carrier's 404.
#[tokio::test]
async fn pickup_is_offered_only_while_its_carrier_is_on() {
    let app = spawn_app().await;
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    app.post(
        "/rest/V1/carts/mine/items",
        &jane,
        &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
    )
    .await;
    let address = json!({"address": {"region_id": 43, "country_id": "US", "postcode": "11501"}});
    let carriers = |reply: &common::Reply| -> Vec<String> {
        reply
            .body
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|m| m["carrier_code"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let on = app
        .post(
            "/rest/V1/carts/mine/estimate-shipping-methods",
            &jane,
            &address,
        )
        .await;
    assert_eq!(carriers(&on), ["flatrate", "instore"]);
    let off = app
        .put(
            "/magemu/config",
            "",
            &json!({"carriers/instore/active": "0"}),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK, "{:?}", off.body);
    let estimated = app
        .post(
            "/rest/V1/carts/mine/estimate-shipping-methods",
            &jane,
            &address,
        )
        .await;
    assert_eq!(carriers(&estimated), ["flatrate"]);
    let chosen = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &json!({"addressInformation": {"shipping_address": {"region_id": 43,
                "country_id": "US", "street": ["263 S 4th St"], "postcode": "11211",
                "city": "Brooklyn", "firstname": "Jane", "lastname": "Doe",
                "telephone": "516-555-1111",
                "extension_attributes": {"pickup_location_code": "brooklyn"}},
                "shipping_carrier_code": "instore", "shipping_method_code": "pickup"}}),
        )
        .await;
    assert_eq!(
        (chosen.status, chosen.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Carrier with such method not found: %1, %2",
                "parameters": ["instore", "pickup"]})
        )
    );
}

/// InventoryLowQuantityNotification's plugins keep a source item's setting with the item:
/// deleted with it (source-items-delete, bulk unassign, the product's deletion), taken along
/// by a bulk transfer (a destination's own setting wins), made (without a value) by a bulk
/// assign.
#[tokio::test]
async fn low_quantity_settings_follow_their_source_items() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/V1/inventory/low-quantity-notification";
    let set = |code: &'static str, sku: &'static str, qty: f64| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .post(path, token, &json!({"sourceItemConfigurations": [{"source_code": code, "sku": sku, "notify_stock_qty": qty}]}))
                .await;
            assert_eq!((r.status, r.body), (StatusCode::OK, json!([])));
        }
    };
    let notify = |code: &'static str, sku: &'static str| {
        let app = &app;
        let token = &token;
        async move {
            let r = app.get(&format!("{path}/{code}/{sku}"), token).await;
            assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
            r.body["notify_stock_qty"].clone()
        }
    };
    let rows = |sku: &'static str| {
        let app = &app;
        async move {
            let mut conn = app.state.db.read.acquire().await.unwrap();
            sqlx::query_as::<_, (String, Option<i64>)>(
                "SELECT source_code, notify_stock_qty FROM inventory_low_stock_notification_configuration
                 WHERE sku = ? ORDER BY source_code",
            )
            .bind(sku)
            .fetch_all(&mut *conn)
            .await
            .unwrap()
        }
    };
    let ok =
        |r: common::Reply, what: &str| assert_eq!(r.status, StatusCode::OK, "{what}: {:?}", r.body);

    set("ne_wh", "24-WB01", 7.5).await;
    ok(
        app.post(
            "/rest/V1/inventory/source-items-delete",
            &token,
            &json!({"sourceItems": [{"source_code": "ne_wh", "sku": "24-WB01"}]}),
        )
        .await,
        "step 1",
    );
    assert_eq!(notify("ne_wh", "24-WB01").await, json!(1));

    // A transfer takes the origin's setting along, and unassigned leaves none behind.
    set("west_wh", "24-WB01", 5.0).await;
    ok(app
        .post(
            "/rest/V1/inventory/bulk-product-source-transfer",
            &token,
            &json!({"skus": ["24-WB01"], "originSource": "west_wh", "destinationSource": "hq", "unassignFromOrigin": true}),
        )
        .await, "step 2");
    assert_eq!(notify("hq", "24-WB01").await, json!(5));
    assert_eq!(notify("west_wh", "24-WB01").await, json!(1));
    // The destination's own setting wins; kept at the origin without unassigning.
    set("west_wh", "24-WB01", 2.0).await;
    set("hq", "24-WB01", 9.0).await;
    ok(app
        .post(
            "/rest/V1/inventory/bulk-product-source-transfer",
            &token,
            &json!({"skus": ["24-WB01"], "originSource": "hq", "destinationSource": "west_wh", "unassignFromOrigin": false}),
        )
        .await, "step 3");
    assert_eq!(notify("west_wh", "24-WB01").await, json!(2));
    assert_eq!(notify("hq", "24-WB01").await, json!(9));

    // Unassigning removes the setting.
    ok(
        app.post(
            "/rest/V1/inventory/bulk-product-source-unassign",
            &token,
            &json!({"skus": ["24-WB01"], "sourceCodes": ["hq"]}),
        )
        .await,
        "step 4",
    );
    assert_eq!(notify("hq", "24-WB01").await, json!(1));

    // Assigning makes a setting without a value where there is none, and keeps one there.
    let before = rows("24-WB03").await;
    ok(
        app.post(
            "/rest/V1/inventory/bulk-product-source-assign",
            &token,
            &json!({"skus": ["24-WB03"], "sourceCodes": ["hq", "west_wh"]}),
        )
        .await,
        "step 5",
    );
    let after = rows("24-WB03").await;
    for code in ["hq", "west_wh"] {
        assert!(
            after.iter().any(|(c, _)| c == code),
            "{before:?} -> {after:?}"
        );
    }
    assert!(
        before.iter().all(|row| after.contains(row)),
        "{before:?} -> {after:?}"
    );

    // Deleting the product deletes its items' settings.
    set("west_wh", "24-WB03", 4.0).await;
    assert!(!rows("24-WB03").await.is_empty());
    ok(
        app.send(
            Method::DELETE,
            "/rest/V1/products/24-WB03",
            Some(&token),
            None,
            None,
        )
        .await,
        "step 6",
    );
    assert_eq!(rows("24-WB03").await, vec![]);
}

/// Outside single-source mode, a setting of the `default` source goes into the legacy stock
/// item too (`UpdateLegacyStockItemConfigurationAtSourceItemConfigurationSavePlugin`); a SKU no
/// product has is a 404 that saves nothing.
#[tokio::test]
async fn a_default_source_setting_updates_the_legacy_stock_item() {
    let app = spawn_app().await;
    let token = app.token().await;
    let path = "/rest/V1/inventory/low-quantity-notification";
    let legacy = || {
        let app = &app;
        let token = &token;
        async move {
            let item = app.get("/rest/V1/stockItems/24-WB01", token).await.body;
            (
                item["notify_stock_qty"].clone(),
                item["use_config_notify_stock_qty"].clone(),
            )
        }
    };
    assert_eq!(legacy().await, (json!(1), json!(true)));
    for (qty, expected) in [
        (json!(3.5), (json!(3.5), json!(false))),
        // Zero is no setting (`$notifyStockQty ? 0 : 1`): the item reads the config's 1.
        (json!(0), (json!(1), json!(true))),
        (json!(null), (json!(1), json!(true))),
        (json!(4), (json!(4), json!(false))),
    ] {
        let r = app
            .post(path, &token, &json!({"sourceItemConfigurations": [{"source_code": "default", "sku": "24-WB01", "notify_stock_qty": qty}]}))
            .await;
        assert_eq!((r.status, r.body), (StatusCode::OK, json!([])), "{qty}");
        assert_eq!(legacy().await, expected, "{qty}");
    }
    // Another source's setting leaves it alone.
    let r = app
        .post(path, &token, &json!({"sourceItemConfigurations": [{"source_code": "hq", "sku": "24-WB01", "notify_stock_qty": 9}]}))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(legacy().await, (json!(4), json!(false)));
    let before = app.snapshot().await;
    let r = app
        .post(
            path,
            &token,
            &json!({"sourceItemConfigurations": [
            {"source_code": "default", "sku": "nosuch", "notify_stock_qty": 2},
            {"source_code": "default", "sku": "24-WB01", "notify_stock_qty": 5},
            {"source_code": "default", "sku": "gone", "notify_stock_qty": 2}]}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Following products with requested skus were not found: %1",
                   "parameters": ["nosuch, gone"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// A bulk transfer of a SKU that has an item at neither source is Magento's 500 (PHP's warning
/// on the missing destination item's status, thrown by its ErrorHandler), and nothing moves.
/// (Magento keeps the low-quantity settings its plugin copied before the transfer's
/// transaction began; magemu's refusal changes nothing, as every refusal does.)
#[tokio::test]
async fn a_transfer_of_a_sku_at_neither_source_is_a_500_that_changes_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let items = app
        .get(
            "/rest/V1/inventory/source-items?searchCriteria[filter_groups][0][filters][0][field]=sku\
             &searchCriteria[filter_groups][0][filters][0][value]=24-WB03",
            &token,
        )
        .await
        .body;
    let pairs: Vec<Value> = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!({"source_code": i["source_code"], "sku": i["sku"]}))
        .collect();
    if !pairs.is_empty() {
        let r = app
            .post(
                "/rest/V1/inventory/source-items-delete",
                &token,
                &json!({"sourceItems": pairs}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    }
    let before = app.snapshot().await;
    let r = app
        .post(
            "/rest/V1/inventory/bulk-product-source-transfer",
            &token,
            &json!({"skus": ["24-WB01", "24-WB03"], "originSource": "hq", "destinationSource": "west_wh", "unassignFromOrigin": false}),
        )
        .await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{:?}", r.body);
    assert_eq!(app.snapshot().await, before);
}
