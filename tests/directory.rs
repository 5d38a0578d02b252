//! `GET /V1/directory/currency` (`CurrencyInformationAcquirerInterface::getCurrencyInfo`,
//! anonymous): the store view's base and display currencies, their symbols, the codes it allows
//! and the base currency's rates, for the store the path names.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

/// The tutorial's store works in US dollars: the same answer without a store code, for
/// `default` and for `all`, to a guest and to an admin; an unknown store code matches no route.
#[tokio::test]
async fn the_store_currency_answers_anonymously() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let expected = json!({
        "base_currency_code": "USD",
        "base_currency_symbol": "$",
        "default_display_currency_code": "USD",
        "default_display_currency_symbol": "$",
        "available_currency_codes": ["USD"],
        "exchange_rates": [{"currency_to": "USD", "rate": 1}]
    });
    for (path, token) in [
        ("/rest/V1/directory/currency", ""),
        ("/rest/default/V1/directory/currency", ""),
        ("/rest/all/V1/directory/currency", admin.as_str()),
    ] {
        let r = app.get(path, token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, expected.clone()),
            "{path}"
        );
    }
    // An unknown store code stays on the path, which no request processor takes.
    let r = app.get("/rest/nowhere/V1/directory/currency", "").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

/// `GET /V1/directory/countries` (anonymous): every country of a fresh install in key order,
/// each with its ISO codes, its English name (ICU's) and, when it has regions, those regions
/// in name order with string ids.
#[tokio::test]
async fn the_countries_list_every_country_and_its_regions() {
    let app = spawn_app().await;
    let r = app.get("/rest/V1/directory/countries", "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let countries = r.body.as_array().expect("a list");
    assert_eq!(countries.len(), 249);
    // Magento's api-functional test: Andorra first, no regions.
    assert_eq!(
        countries[0],
        json!({"id": "AD", "two_letter_abbreviation": "AD", "three_letter_abbreviation": "AND",
            "full_name_locale": "Andorra", "full_name_english": "Andorra"})
    );
    let ids: Vec<&str> = countries
        .iter()
        .map(|c| c["id"].as_str().expect("an id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    let by_id = |id: &str| {
        countries
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} listed"))
    };
    // ICU has no name for the Netherlands Antilles: Magento shows null.
    assert_eq!(
        by_id("AN"),
        json!({"id": "AN", "two_letter_abbreviation": "AN", "three_letter_abbreviation": "ANT",
            "full_name_locale": null, "full_name_english": null})
    );
    assert_eq!(by_id("CI")["full_name_english"], "Côte d’Ivoire");
    assert_eq!(by_id("XK")["three_letter_abbreviation"], "XKX");
    let gb = by_id("GB");
    assert!(gb.get("available_regions").is_none(), "{gb}");
    // The list's countries are the ones GET /countries/{id} answers.
    let r = app.get("/rest/default/V1/directory/countries/CH", "").await;
    assert_eq!((r.status, &r.body), (StatusCode::OK, &by_id("CH")));
}

/// One country with its regions: the US (ids 1-65, California 12, New York 43), Switzerland
/// and Poland in the region collection's name order (not their ids'); an id in another case
/// or unknown is Magento's 404.
#[tokio::test]
async fn a_country_answers_its_regions_in_name_order() {
    let app = spawn_app().await;
    let region_ids = |body: &serde_json::Value| -> Vec<i64> {
        body["available_regions"]
            .as_array()
            .expect("regions")
            .iter()
            .map(|r| {
                r["id"]
                    .as_str()
                    .expect("a string id")
                    .parse()
                    .expect("a number")
            })
            .collect()
    };
    let us = app.get("/rest/V1/directory/countries/US", "").await.body;
    assert_eq!(us["full_name_english"], "United States");
    assert_eq!(us["three_letter_abbreviation"], "USA");
    assert_eq!(region_ids(&us), (1..=65).collect::<Vec<_>>());
    assert_eq!(
        us["available_regions"][11],
        json!({"id": "12", "code": "CA", "name": "California"})
    );
    assert_eq!(
        us["available_regions"][42],
        json!({"id": "43", "code": "NY", "name": "New York"})
    );
    let ch = app.get("/rest/V1/directory/countries/CH", "").await.body;
    assert_eq!(
        region_ids(&ch),
        vec![
            104, 106, 105, 108, 109, 107, 110, 111, 112, 113, 114, 115, 116, 117, 118, 120, 122,
            121, 119, 123, 124, 125, 126, 127, 128, 129
        ]
    );
    assert_eq!(
        ch["available_regions"][6],
        json!({"id": "110", "code": "FR", "name": "Friburg"})
    );
    let pl = app.get("/rest/V1/directory/countries/PL", "").await.body;
    let last = pl["available_regions"]
        .as_array()
        .and_then(|r| r.last())
        .cloned();
    assert_eq!(
        last,
        Some(json!({"id": "1022", "code": "PL-10", "name": "łódzkie"}))
    );
    for id in ["us", "ZZ", "USA"] {
        let r = app
            .get(&format!("/rest/V1/directory/countries/{id}"), "")
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The country isn't available."})
            ),
            "{id}"
        );
    }
}

/// `GET /V1/modules` (`ModuleServiceInterface::getModules`, Magento_Backend::admin): a fresh
/// 2.4.8-p4 install's enabled modules in its module loader's order, without the two-factor
/// modules magemu does not run; a guest or a customer gets the 401 naming the resource.
#[tokio::test]
async fn the_enabled_modules_are_a_fresh_installs() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let r = app.get("/rest/V1/modules", &admin).await;
    assert_eq!(r.status, StatusCode::OK);
    let names: Vec<&str> = r
        .body
        .as_array()
        .expect("an array")
        .iter()
        .map(|n| n.as_str().expect("a string"))
        .collect();
    assert_eq!(names.len(), 363);
    assert_eq!(
        &names[..4],
        [
            "Magento_Csp",
            "Magento_Store",
            "Magento_AdminAnalytics",
            "Magento_Directory"
        ]
    );
    assert_eq!(names.last(), Some(&"PayPal_BraintreeReward"));
    let at = |m: &str| names.iter().position(|n| *n == m);
    // A module comes after the modules its `<sequence>` names.
    assert!(at("Magento_Sales") < at("Magento_Inventory"));
    assert!(at("Magento_Inventory") < at("Magento_InventorySales"));
    assert_eq!(at("Magento_TwoFactorAuth"), None);
    let mut seen = std::collections::HashSet::new();
    assert!(names.iter().all(|n| seen.insert(*n)), "no name twice");
    assert_eq!(
        app.get("/rest/default/V1/modules", &admin).await.body,
        r.body
    );
    // Its service, in Magento's older `Service\V1` form, names itself with its version.
    let schema = app
        .get(
            "/rest/default/schema?services=backendModuleServiceV1",
            &admin,
        )
        .await;
    assert_eq!(schema.status, StatusCode::OK);
    assert_eq!(
        schema.body["paths"]
            .as_object()
            .map(|p| p.keys().map(String::as_str).collect::<Vec<_>>()),
        Some(vec!["/V1/modules"])
    );
    assert_eq!(
        schema.body["tags"],
        json!([{"name": "backendModuleServiceV1", "description": "Interface for module service."}])
    );
    let refused = json!({"message": "The consumer isn't authorized to access %resources.",
                         "parameters": {"resources": "Magento_Backend::admin"}});
    let customer = app.customer_token("jdoe@example.com", "Password1").await;
    for token in ["", customer.as_str()] {
        let r = app.get("/rest/V1/modules", token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::UNAUTHORIZED, refused.clone())
        );
    }
}
