//! `GET /V1/attributeMetadata/customer[...]` and `/customerAddress[...]`
//! (`CustomerMetadataInterface`, `AddressMetadataInterface`, Magento_Customer::customer): a
//! fresh install's attributes with their options. The single bodies are those Magento's
//! api-functional `CustomerMetadataTest` and `AddressMetadataTest` (2.4.7) assert.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|a| a["attribute_code"].as_str().expect("a code"))
        .collect()
}

#[tokio::test]
async fn single_attributes_read_as_magentos_tests_expect() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let get = |path: &str| {
        let (app, admin) = (&app, &admin);
        let path = format!("/rest/V1/attributeMetadata/{path}");
        async move { app.get(&path, admin).await }
    };
    let r = get("customer/attribute/firstname").await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"frontend_input": "text", "input_filter": "trim", "store_label": "First Name",
                "validation_rules": [{"name": "max_text_length", "value": "255"},
                                     {"name": "min_text_length", "value": "1"}],
                "multiline_count": 0, "visible": true, "required": true, "data_model": "",
                "options": [], "frontend_class": "required-entry", "user_defined": false,
                "sort_order": 40, "frontend_label": "First Name", "note": "", "system": true,
                "backend_type": "static", "is_used_in_grid": false, "is_visible_in_grid": false,
                "is_filterable_in_grid": false, "is_searchable_in_grid": false,
                "attribute_code": "firstname"})
        )
    );
    // A code without case prints as asked; a number is an attribute id of the entity.
    let mut shouted = get("customer/attribute/firstname").await.body;
    shouted["attribute_code"] = json!("FIRSTNAME");
    assert_eq!(get("customer/attribute/FIRSTNAME").await.body, shouted);
    assert_eq!(
        get("customer/attribute/1").await.body,
        get("customer/attribute/website_id").await.body
    );
    assert_eq!(
        get("customerAddress/attribute/1").await.status,
        StatusCode::NOT_FOUND
    );
    let gender = get("customer/attribute/gender").await.body;
    assert_eq!(
        gender["options"],
        json!([{"label": " ", "value": ""}, {"label": "Male", "value": "1"},
               {"label": "Female", "value": "2"}, {"label": "Not Specified", "value": "3"}])
    );
    assert_eq!(
        (
            &gender["frontend_input"],
            &gender["visible"],
            &gender["sort_order"]
        ),
        (&json!("select"), &json!(false), &json!(110))
    );
    let website = get("customer/attribute/website_id").await.body;
    assert_eq!(
        website["options"],
        json!([{"label": "Main Website", "value": "1"}])
    );
    let store = get("customer/attribute/store_id").await.body;
    let nbsp = "\u{a0}\u{a0}\u{a0}\u{a0}";
    assert_eq!(
        store["options"],
        json!([{"label": "Main Website", "options": []},
               {"label": format!("{nbsp}Main Website Store"),
                "options": [{"label": format!("{nbsp}Default Store View"), "value": "1"}]}])
    );
    let hash = get("customer/attribute/password_hash").await.body;
    assert_eq!(
        (
            &hash["store_label"],
            &hash["frontend_label"],
            &hash["system"]
        ),
        (&Value::Null, &Value::Null, &json!(true))
    );
    let postcode = get("customerAddress/attribute/postcode").await.body;
    assert_eq!(
        postcode,
        json!({"frontend_input": "text", "input_filter": "", "store_label": "Zip/Postal Code",
            "validation_rules": [], "multiline_count": 0, "visible": true, "required": false,
            "data_model": "Magento\\Customer\\Model\\Attribute\\Data\\Postcode", "options": [],
            "frontend_class": "", "user_defined": false, "sort_order": 110,
            "frontend_label": "Zip/Postal Code", "note": "", "system": true,
            "backend_type": "static", "is_used_in_grid": true, "is_visible_in_grid": true,
            "is_filterable_in_grid": true, "is_searchable_in_grid": true,
            "attribute_code": "postcode"})
    );
    // An attribute of the other entity, an unknown one: 404 naming both.
    for (path, entity, code) in [
        ("customer/attribute/street", "customer", "street"),
        (
            "customerAddress/attribute/email",
            "customer_address",
            "email",
        ),
        (
            "customer/attribute/wrong_attribute_code",
            "customer",
            "wrong_attribute_code",
        ),
    ] {
        let r = get(path).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
                       "parameters": {"fieldName": "entityType", "fieldValue": entity,
                                      "field2Name": "attributeCode", "field2Value": code}})
            )
        );
    }
}

#[tokio::test]
async fn lists_forms_and_custom_attributes() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let get = |path: &str| {
        let (app, admin) = (&app, &admin);
        let path = format!("/rest/default/V1/attributeMetadata/{path}");
        async move { app.get(&path, admin).await }
    };
    let customer = get("customer").await.body;
    assert_eq!(
        codes(&customer),
        [
            "website_id",
            "store_id",
            "created_in",
            "group_id",
            "prefix",
            "firstname",
            "middlename",
            "lastname",
            "suffix",
            "email",
            "password_hash",
            "default_billing",
            "default_shipping",
            "confirmation",
            "created_at",
            "updated_at",
            "dob",
            "taxvat",
            "failures_num",
            "gender",
            "first_failure",
            "rp_token",
            "rp_token_created_at",
            "lock_expires",
            "disable_auto_group_change"
        ]
    );
    // Each list entry is the single route's body.
    let single = get("customer/attribute/taxvat").await.body;
    assert_eq!(customer[17], single);
    let address = get("customerAddress").await.body;
    assert_eq!(codes(&address).len(), 19);
    assert_eq!(codes(&address)[..3], ["prefix", "firstname", "middlename"]);
    assert_eq!(get("customer/custom").await.body, json!([]));
    assert_eq!(
        get("customerAddress/custom?dataInterfaceName=x").await.body,
        json!([])
    );
    assert_eq!(
        codes(&get("customer/form/adminhtml_customer").await.body),
        [
            "created_at",
            "website_id",
            "created_in",
            "group_id",
            "disable_auto_group_change",
            "prefix",
            "firstname",
            "middlename",
            "lastname",
            "suffix",
            "email",
            "dob",
            "taxvat",
            "gender"
        ]
    );
    assert_eq!(
        codes(&get("customer/form/customer_account_create").await.body),
        [
            "created_at",
            "prefix",
            "firstname",
            "middlename",
            "lastname",
            "suffix",
            "email",
            "dob",
            "taxvat",
            "gender"
        ]
    );
    let edit = get("customerAddress/form/customer_address_edit").await.body;
    assert_eq!(codes(&edit).len(), 15);
    assert_eq!(
        codes(&edit)[7..11],
        ["country_id", "region", "region_id", "city"]
    );
    for (path, form) in [
        ("customer/form/checkout_register", "checkout_register"),
        (
            "customerAddress/form/adminhtml_customer",
            "adminhtml_customer",
        ),
    ] {
        let r = get(path).await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "No such entity with %fieldName = %fieldValue",
                       "parameters": {"fieldName": "formCode", "fieldValue": form}})
            )
        );
    }
    let refused = json!({"message": "The consumer isn't authorized to access %resources.",
                         "parameters": {"resources": "Magento_Customer::customer"}});
    let jane = app.customer_token("jdoe@example.com", "Password1").await;
    for token in ["", jane.as_str()] {
        let r = app.get("/rest/V1/attributeMetadata/customer", token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, refused.clone())
        );
    }
}

/// The options that come from the store's data: customer groups as they are now (by code), every named
/// country by its English name in glibc's `en_US` order, every region of every country by
/// name (each country's in the order the directory route gives them).
#[tokio::test]
async fn options_follow_groups_countries_and_regions() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let created = app
        .post(
            "/rest/V1/customerGroups",
            &admin,
            &json!({"group": {"code": "Trade", "tax_class_id": 3}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    let id = created.body["id"].as_i64().expect("id").to_string();
    let group = app
        .get(
            "/rest/V1/attributeMetadata/customer/attribute/group_id",
            &admin,
        )
        .await
        .body;
    assert_eq!(
        group["options"],
        json!([{"label": "General", "value": "1"}, {"label": "Retailer", "value": "3"},
               {"label": "Trade", "value": id}, {"label": "Wholesale", "value": "2"}])
    );
    let country = app
        .get(
            "/rest/V1/attributeMetadata/customerAddress/attribute/country_id",
            &admin,
        )
        .await
        .body;
    let countries = country["options"].as_array().expect("options");
    assert_eq!(countries.len(), 249);
    assert_eq!(
        countries[..4],
        [
            json!({"label": " ", "value": ""}),
            json!({"label": "Afghanistan", "value": "AF"}),
            json!({"label": "Åland Islands", "value": "AX"}),
            json!({"label": "Albania", "value": "AL"})
        ]
    );
    assert!(
        countries.iter().all(|c| c["value"] != "AN"),
        "no name, no option"
    );
    let region = app
        .get(
            "/rest/V1/attributeMetadata/customerAddress/attribute/region_id",
            &admin,
        )
        .await
        .body;
    let regions = region["options"].as_array().expect("options");
    assert_eq!(
        regions[0],
        json!({"label": "Please select a region, state or province.", "value": ""})
    );
    assert_eq!(regions.len(), 1157);
    let directory = app.get("/rest/V1/directory/countries", "").await.body;
    for c in directory.as_array().expect("countries") {
        let Some(own) = c["available_regions"].as_array() else {
            continue;
        };
        let ids: Vec<&Value> = own.iter().map(|r| &r["id"]).collect();
        let in_options: Vec<&Value> = regions
            .iter()
            .map(|r| &r["value"])
            .filter(|v| ids.contains(v))
            .collect();
        assert_eq!(in_options, ids, "{}", c["id"]);
    }
}
