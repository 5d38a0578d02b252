//! Tax rates and rules (`/V1/taxRates`, `/V1/taxRules`): a fresh install's two rates, saves
//! through POST and PUT (an `id` in the body updates), reads, searches, deletes, and Magento's
//! refusals, none of which changes anything.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const RATES: &str = "/rest/V1/taxRates";
const RULES: &str = "/rest/V1/taxRules";

fn required(field: &str) -> Value {
    json!({"message": "\"%fieldName\" is required. Enter and try again.",
        "parameters": {"fieldName": field}})
}

fn rate_1() -> Value {
    json!({"id": 1, "tax_country_id": "US", "tax_region_id": 12, "region_name": "CA",
        "tax_postcode": "*", "rate": 8.25, "code": "US-CA-*-Rate 1", "titles": []})
}

fn rate_2() -> Value {
    json!({"id": 2, "tax_country_id": "US", "tax_region_id": 43, "region_name": "NY",
        "tax_postcode": "*", "rate": 8.375, "code": "US-NY-*-Rate 1", "titles": []})
}

/// Every rate, as the search answers without criteria.
async fn all_rates(app: &TestApp, token: &str) -> Value {
    let r = app
        .get(&format!("{RATES}/search?searchCriteria="), token)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["items"].clone()
}

async fn all_rules(app: &TestApp, token: &str) -> Value {
    let r = app
        .get(&format!("{RULES}/search?searchCriteria="), token)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body["items"].clone()
}

/// A fresh install has rates 1 and 2 (California and New York) and no rules; the list finds
/// a rate by its region's code.
#[tokio::test]
async fn a_fresh_install_has_two_rates() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.get(&format!("{RATES}/1"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, rate_1()));
    let r = app.get(&format!("{RATES}/2"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, rate_2()));
    let r = app
        .get(
            &format!(
                "{RATES}/search?searchCriteria[filterGroups][0][filters][0][field]=region_name\
                 &searchCriteria[filterGroups][0][filters][0][value]=NY"
            ),
            &token,
        )
        .await;
    assert_eq!(
        r.body,
        json!({"items": [rate_2()], "search_criteria": {"filter_groups": [{"filters": [
            {"field": "region_name", "value": "NY", "condition_type": "eq"}]}]},
            "total_count": 1})
    );
    assert_eq!(all_rules(&app, &token).await, json!([]));
    let r = app.get(&format!("{RATES}/9"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "taxRateId", "fieldValue": 9}})
        )
    );
    let r = app.get(&format!("{RATES}/1"), "").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// A rate with titles is created, updated through PUT without titles (they are kept), turned
/// into a ZIP range, then deleted.
#[tokio::test]
async fn a_rate_is_saved_updated_and_deleted() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            RATES,
            &token,
            &json!({"taxRate": {"tax_country_id": "US", "tax_region_id": 12,
                "tax_postcode": "90001-90099-X", "rate": "9.5", "code": "LA",
                "titles": [{"store_id": "1", "value": "LA tax"}, {"store_id": "0", "value": ""},
                    {"store_id": "0"}]}}),
        )
        .await;
    let created = json!({"id": 3, "tax_country_id": "US", "tax_region_id": 12,
        "region_name": "CA", "tax_postcode": "90001-9009", "rate": 9.5, "code": "LA",
        "titles": [{"store_id": "1", "value": "LA tax"}, {"store_id": "0", "value": ""},
            {"store_id": "0", "value": null}]});
    assert_eq!((r.status, r.body), (StatusCode::OK, created));
    // One title a store, the last posted for it: store 0's without a value is saved empty
    // (MySQL without strict mode fills the NOT NULL column).
    let stored = json!({"id": 3, "tax_country_id": "US", "tax_region_id": 12,
        "region_name": "CA", "tax_postcode": "90001-9009", "rate": 9.5, "code": "LA",
        "titles": [{"store_id": "1", "value": "LA tax"}, {"store_id": "0", "value": ""}]});
    let r = app.get(&format!("{RATES}/3"), &token).await;
    assert_eq!(r.body, stored);

    // PUT with the id in the body; no titles: the rate keeps its own (getTitles loads them).
    let r = app
        .put(
            RATES,
            &token,
            &json!({"tax_rate": {"id": 3, "tax_country_id": "US", "tax_region_id": 12,
                "zip_is_range": 1, "zip_from": 90001, "zip_to": 90099, "rate": 9.75,
                "code": "LA"}}),
        )
        .await;
    let ranged = json!({"id": 3, "tax_country_id": "US", "tax_region_id": 12,
        "region_name": "CA", "tax_postcode": "90001-90099", "zip_is_range": 1,
        "zip_from": 90001, "zip_to": 90099, "rate": 9.75, "code": "LA",
        "titles": [{"store_id": "1", "value": "LA tax"}, {"store_id": "0", "value": ""}]});
    assert_eq!((r.status, &r.body), (StatusCode::OK, &ranged));
    // The titles were loaded and saved again, and saveTitles skips empty values: the reply
    // shows the loaded ones, the rate keeps those with a value.
    let mut kept = ranged.clone();
    kept["titles"] = json!([{"store_id": "1", "value": "LA tax"}]);
    let r = app.get(&format!("{RATES}/3"), &token).await;
    assert_eq!(r.body, kept);

    // A region of another country is dropped: every region (0), no region name.
    let r = app
        .post(
            RATES,
            &token,
            &json!({"taxRate": {"tax_country_id": "DE", "tax_region_id": 12,
                "tax_postcode": "*", "rate": 19, "code": "DE"}}),
        )
        .await;
    assert_eq!(
        r.body,
        json!({"id": 4, "tax_country_id": "DE", "tax_region_id": 0, "tax_postcode": "*",
            "rate": 19, "code": "DE", "titles": []})
    );

    let r = app.delete(&format!("{RATES}/3"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.delete(&format!("{RATES}/3"), &token).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let codes: Vec<Value> = all_rates(&app, &token)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].clone())
        .collect();
    assert_eq!(
        codes,
        vec![
            json!("US-CA-*-Rate 1"),
            json!("US-NY-*-Rate 1"),
            json!("DE")
        ]
    );
}

/// Refused rate saves: every validation error at once, one alone, an unknown country or
/// region, a bad country code, a duplicate code (trimmed as PHP trims, without case), a
/// reversed range, an unknown id, a title of an unknown store (the foreign key's 500). None
/// changes the rates.
#[tokio::test]
async fn refused_rate_saves_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = all_rates(&app, &token).await;
    let cases = [
        (
            json!({"taxRate": {}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                required("country_id"), required("percentage_rate"), required("code"),
                required("postcode")]}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "US", "tax_postcode": "*", "rate": -1,
                "code": "X"}}),
            StatusCode::BAD_REQUEST,
            required("percentage_rate"),
        ),
        (
            json!({"taxRate": {"tax_country_id": "ZZ", "tax_region_id": 99999,
                "tax_postcode": "*", "rate": 1, "code": "X"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred.", "errors": [
                {"message": "Invalid value of \"%value\" provided for the %fieldName field.",
                 "parameters": {"fieldName": "country_id", "value": "ZZ"}},
                {"message": "Invalid value of \"%value\" provided for the %fieldName field.",
                 "parameters": {"fieldName": "region_id", "value": 99999}}]}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "U", "tax_postcode": "*", "rate": 1,
                "code": "X"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Please correct the country code: %1.", "parameters": ["U"]}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "US", "tax_postcode": "*", "rate": 1,
                "code": " us-ca-*-rate 1\t"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "%1 already exists.", "parameters": ["Code"]}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "US", "zip_is_range": 1, "zip_from": 20,
                "zip_to": 10, "rate": 1, "code": "X"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Range To should be equal or greater than Range From."}),
        ),
        (
            json!({"taxRate": {"id": 77, "tax_country_id": "US", "tax_postcode": "*",
                "rate": 1, "code": "X"}}),
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "taxRateId", "fieldValue": 77}}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "US", "tax_postcode": "*", "rate": "high",
                "code": "X"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"rate\" processing. The \"high\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        (
            json!({"taxRate": {"tax_country_id": "US", "tax_postcode": "*", "rate": 1,
                "code": "X", "titles": [{"store_id": "99", "value": "T"}]}}),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
        (json!({}), StatusCode::BAD_REQUEST, required("taxRate")),
    ];
    for (body, status, expected) in cases {
        let r = app.post(RATES, &token, &body).await;
        assert_eq!(r.status, status, "{body} -> {:?}", r.body);
        if !expected.is_null() {
            assert_eq!(r.body, expected, "{body}");
        }
    }
    assert_eq!(all_rates(&app, &token).await, before);
}

/// The validator's messages of the first refused rule, joined as Magento joins them.
fn rule_errors() -> String {
    [
        "The position value of \"-1\" must be greater than or equal to 0.",
        "The priority value of \"\" must be greater than or equal to 0.",
        "\"code\" is required. Enter and try again.",
        "No such entity with customer_tax_class_ids = %fieldValue",
        "No such entity with class_id = 42",
        "\"product_tax_class_ids\" is required. Enter and try again.",
        "\"tax_rate_ids\" is required. Enter and try again.",
    ]
    .join("\n")
}

fn rule(code: &str, rates: Value) -> Value {
    json!({"rule": {"code": code, "priority": 1, "position": 2,
        "customer_tax_class_ids": [3], "product_tax_class_ids": [2], "tax_rate_ids": rates,
        "calculate_subtotal": true}})
}

/// A rule combining the retail customer class, taxable goods and both rates: created, read,
/// found by class and by rate, updated without its lists (kept); while it lives its rates and
/// classes cannot be deleted; once deleted they can.
#[tokio::test]
async fn a_rule_ties_rates_and_classes_together() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.post(RULES, &token, &rule("US", json!([2, 1, 2]))).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::OK,
            json!({"id": 1, "code": "US", "priority": 1, "position": 2,
                "customer_tax_class_ids": [3], "product_tax_class_ids": [2],
                "tax_rate_ids": [2, 1, 2], "calculate_subtotal": true})
        )
    );
    let stored = json!({"id": 1, "code": "US", "priority": 1, "position": 2,
        "customer_tax_class_ids": [3], "product_tax_class_ids": [2], "tax_rate_ids": [2, 1],
        "calculate_subtotal": true});
    let r = app.get(&format!("{RULES}/1"), &token).await;
    assert_eq!((r.status, &r.body), (StatusCode::OK, &stored));
    for (field, value, count) in [
        ("customer_tax_class_ids", "3", 1),
        ("product_tax_class_ids", "3", 0),
        ("tax_calculation_rate_id", "1", 1),
        ("code", "US", 1),
    ] {
        let r = app
            .get(
                &format!(
                    "{RULES}/search?searchCriteria[filterGroups][0][filters][0][field]={field}\
                     &searchCriteria[filterGroups][0][filters][0][value]={value}"
                ),
                &token,
            )
            .await;
        assert_eq!(r.body["total_count"], json!(count), "{field}: {:?}", r.body);
        if count == 1 {
            assert_eq!(r.body["items"], json!([stored]));
        }
    }

    // In use: neither rate 1 nor class 3 can go.
    let r = app.delete(&format!("{RATES}/1"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The tax rate can't be removed because it exists in a tax rule."})
        )
    );
    let r = app.delete("/rest/V1/taxClasses/2", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "You cannot delete this tax class because it is used in Tax Rules. You have to delete the rules it is used in first."})
        )
    );

    // An update naming only the code, priority and id keeps the lists; position and
    // calculate_subtotal not posted: the reply shows 0 and false, the row keeps its own.
    let r = app
        .put(
            RULES,
            &token,
            &json!({"rule": {"id": 1, "code": "US taxes", "priority": 0}}),
        )
        .await;
    assert_eq!(
        r.body,
        json!({"id": 1, "code": "US taxes", "priority": 0, "position": 0,
            "customer_tax_class_ids": [3], "product_tax_class_ids": [2], "tax_rate_ids": [2, 1],
            "calculate_subtotal": false})
    );
    let r = app.get(&format!("{RULES}/1"), &token).await;
    assert_eq!(
        r.body,
        json!({"id": 1, "code": "US taxes", "priority": 0, "position": 2,
            "customer_tax_class_ids": [3], "product_tax_class_ids": [2], "tax_rate_ids": [2, 1],
            "calculate_subtotal": true})
    );

    let r = app.delete(&format!("{RULES}/1"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let r = app.get(&format!("{RULES}/1"), &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "taxRuleId", "fieldValue": 1}})
        )
    );
    let r = app.delete(&format!("{RATES}/1"), &token).await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
}

/// Refused rule saves: the validator's messages joined, a duplicate code, an unknown rate (the
/// foreign key's 500), an unknown id. None changes the rules.
#[tokio::test]
async fn refused_rule_saves_change_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app.post(RULES, &token, &rule("US", json!([1]))).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    let before = all_rules(&app, &token).await;
    let cases = [
        (
            json!({"rule": {"code": " ", "customer_tax_class_ids": [2, 42],
                "product_tax_class_ids": [], "position": -1}}),
            StatusCode::BAD_REQUEST,
            json!({ "message": rule_errors() }),
        ),
        (
            rule("us", json!([1])),
            StatusCode::BAD_REQUEST,
            json!({"message": "%1 already exists.", "parameters": ["Code"]}),
        ),
        (
            rule("Other", json!([1, 99])),
            StatusCode::INTERNAL_SERVER_ERROR,
            Value::Null,
        ),
        (
            json!({"rule": {"id": 5, "code": "X", "priority": 0}}),
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity with %fieldName = %fieldValue",
                "parameters": {"fieldName": "taxRuleId", "fieldValue": 5}}),
        ),
        (
            json!({"rule": {"code": "X", "priority": 0, "customer_tax_class_ids": "3"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"customer_tax_class_ids\" processing. The \"string\" value's type is invalid. The \"int[]\" type was expected. Verify and try again."}),
        ),
    ];
    for (body, status, expected) in cases {
        let r = app.post(RULES, &token, &body).await;
        assert_eq!(r.status, status, "{body} -> {:?}", r.body);
        if !expected.is_null() {
            assert_eq!(r.body, expected, "{body}");
        }
    }
    assert_eq!(all_rules(&app, &token).await, before);
    for field in ["tax_rate_ids", "sort_order"] {
        let r = app
            .get(
                &format!(
                    "{RULES}/search?searchCriteria[filterGroups][0][filters][0][field]={field}\
                     &searchCriteria[filterGroups][0][filters][0][value]=1"
                ),
                &token,
            )
            .await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{field}");
    }
}
