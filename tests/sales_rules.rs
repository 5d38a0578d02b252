//! Cart price rules as data: the rule and coupon repositories (`/V1/salesRules`, `/V1/coupons`)
//! with Magento's bodies and refusals, cart coupons through checkout and the usage an order
//! counts, and the discount figures of `by_fixed`, `cart_fixed` and free shipping worked out by
//! hand from Magento's formulas (`SalesRule/Model/Rule/Action/Discount/*`).

use crate::common;

use common::{fixture, keys, spawn_app, without, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

const JANE: (&str, &str) = ("jdoe@example.com", "Password1");
const COMBINE: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Combine";
const PRODUCT_COMBINE: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product\\Combine";
const PRODUCT: &str = "Magento\\SalesRule\\Model\\Rule\\Condition\\Product";

fn rules_fixture(name: &str) -> Value {
    fixture(&format!("sales_rules/{name}"))
}

/// A rule for Jane (group 1, website 1) with `fields` over plain defaults.
fn rule_body(fields: Value) -> Value {
    let mut rule = json!({
        "name": "test rule", "website_ids": [1], "customer_group_ids": [1],
        "is_active": true, "stop_rules_processing": false, "coupon_type": "NO_COUPON",
        "simple_action": "by_percent", "discount_amount": 10,
    });
    if let (Some(m), Value::Object(f)) = (rule.as_object_mut(), fields) {
        m.extend(f);
    }
    json!({ "rule": rule })
}

async fn create_rule(app: &TestApp, admin: &str, fields: Value) -> i64 {
    let reply = app
        .post("/rest/V1/salesRules", admin, &rule_body(fields))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body["rule_id"].as_i64().expect("rule_id")
}

/// Jane's cart with `lines` (`(sku, qty)`), and the flat rate chosen.
async fn jane_cart(app: &TestApp, lines: &[(&str, i64)]) -> String {
    let jane = app.customer_token(JANE.0, JANE.1).await;
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    for (sku, qty) in lines {
        let added = app
            .post(
                "/rest/V1/carts/mine/items",
                &jane,
                &json!({"cartItem": {"sku": sku, "qty": qty}}),
            )
            .await;
        assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    }
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    jane
}

fn payment() -> Value {
    json!({"paymentMethod": {"method": "checkmo"}, "billing_address":
        fixture("tutorial/step09-payment-information-request.json")["billing_address"].clone()})
}

/// The figures of the cart's totals worth comparing here.
async fn figures(app: &TestApp, token: &str) -> Value {
    let t = app.get("/rest/V1/carts/mine/totals", token).await.body;
    let lines: Vec<Value> = t["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["discount_amount"].clone())
        .collect();
    json!({"subtotal": t["subtotal"], "discount": t["discount_amount"],
        "shipping": t["shipping_amount"], "shipping_discount": t["shipping_discount_amount"],
        "grand_total": t["grand_total"], "lines": lines})
}

#[tokio::test]
async fn seeded_luma_rules_read_as_magento_writes_them() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let rule = app.get("/rest/V1/salesRules/3", &admin).await;
    assert_eq!(rule.status, StatusCode::OK);
    let expected = rules_fixture("rule-3.json");
    assert_eq!(rule.body, expected);
    assert_eq!(
        keys(&rule.body),
        keys(&expected),
        "RuleInterface getter order"
    );
    let two = app.get("/rest/V1/salesRules/2", &admin).await.body;
    assert_eq!(two["is_active"], json!(false));
    assert_eq!(two["simple_free_shipping"], json!("2"));
    let active = app
        .get(
            "/rest/V1/salesRules/search?searchCriteria[filter_groups][0][filters][0][field]=is_active\
             &searchCriteria[filter_groups][0][filters][0][value]=1",
            &admin,
        )
        .await;
    assert_eq!(active.status, StatusCode::OK, "{:?}", active.body);
    assert_eq!(
        active.body,
        json!({"items": [expected], "search_criteria": {"filter_groups": [{"filters": [
            {"field": "is_active", "value": "1", "condition_type": "eq"}]}]}, "total_count": 1})
    );
    // The ACL resource of every route.
    let anonymous = app
        .send(
            reqwest::Method::GET,
            "/rest/V1/salesRules/3",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        anonymous.body,
        json!({"message": "The consumer isn't authorized to access %resources.",
               "parameters": {"resources": "Magento_SalesRule::quote"}})
    );
}

#[tokio::test]
async fn rule_crud_round_trip() {
    let app = spawn_app().await;
    let admin = app.token().await;
    // Magento's own api-functional data (RuleRepositoryTest::getSalesRuleData).
    let created = app
        .post(
            "/rest/V1/salesRules",
            &admin,
            &rules_fixture("create-request.json"),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    let expected = rules_fixture("create-response.json");
    assert_eq!(created.body, expected);
    assert_eq!(keys(&created.body), keys(&expected));
    let read = app.get("/rest/V1/salesRules/4", &admin).await;
    assert_eq!(read.body, expected);
    let found = app
        .get(
            "/rest/V1/salesRules/search?searchCriteria[filter_groups][0][filters][0][field]=rule_id\
             &searchCriteria[filter_groups][0][filters][0][value]=4\
             &searchCriteria[current_page]=1&searchCriteria[page_size]=2",
            &admin,
        )
        .await;
    assert_eq!(found.body["total_count"], json!(1));
    assert_eq!(found.body["items"], json!([expected]));

    // PUT: the path's id wins; what is not sent keeps its value; labels not sent are the
    // stored ones.
    let update = json!({"rule": {"rule_id": 99, "discount_amount": 30, "times_used": 2,
        "customer_group_ids": [1], "is_active": false}});
    let updated = app.put("/rest/V1/salesRules/4", &admin, &update).await;
    assert_eq!(updated.status, StatusCode::OK, "{:?}", updated.body);
    let mut after = expected.clone();
    after["discount_amount"] = json!(30);
    after["times_used"] = json!(2);
    after["customer_group_ids"] = json!([1]);
    after["is_active"] = json!(false);
    assert_eq!(updated.body, after);
    assert_eq!(app.get("/rest/V1/salesRules/4", &admin).await.body, after);

    let deleted = app.delete("/rest/V1/salesRules/4", &admin).await;
    assert_eq!(
        (deleted.status, deleted.body),
        (StatusCode::OK, json!(true))
    );
    let gone = app.get("/rest/V1/salesRules/4", &admin).await;
    assert_eq!(
        (gone.status, gone.body),
        (StatusCode::NOT_FOUND, json!({"message": "No such entity."}))
    );
    let again = app.delete("/rest/V1/salesRules/4", &admin).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_rule_posted_bare_gets_magentos_defaults() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let reply = app
        .post(
            "/rest/V1/salesRules",
            &admin,
            &json!({"rule": {"name": "bare"}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    // No websites or groups posted: no error (validateData checks only lists sent), and the
    // empty root combines (value true, aggregator all).
    assert_eq!(
        reply.body,
        json!({"rule_id": 4, "name": "bare", "store_labels": [], "website_ids": [],
            "customer_group_ids": [], "uses_per_customer": 0, "is_active": false,
            "condition": {"condition_type": COMBINE, "aggregator_type": "all", "operator": null,
                "value": true},
            "action_condition": {"condition_type": PRODUCT_COMBINE, "aggregator_type": "all",
                "operator": null, "value": true},
            "stop_rules_processing": true, "is_advanced": true, "sort_order": 0,
            "discount_amount": 0, "discount_step": 0, "apply_to_shipping": false,
            "times_used": 0, "is_rss": false, "coupon_type": "NO_COUPON",
            "use_auto_generation": false, "uses_per_coupon": null})
    );
}

#[tokio::test]
async fn rule_refusals_change_nothing() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let before = app.snapshot().await;
    let cases: Vec<(Value, StatusCode, Value)> = vec![
        (
            // Rule\Model\AbstractModel::validateData: every message followed by "; ".
            json!({"rule": {"name": "x", "website_ids": [], "customer_group_ids": []}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Please specify a website.; Please specify Customer Groups.; "}),
        ),
        (
            json!({"rule": {"name": "x", "from_date": "2022-09-25", "to_date": "2022-04-22"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "End Date must follow Start Date.; "}),
        ),
        (
            // Rule\Model\AbstractModel::beforeSave.
            json!({"rule": {"name": "x", "discount_amount": -5}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Please choose a valid discount amount."}),
        ),
        (
            // ToModel::toModel: a rule id that names no rule.
            json!({"rule": {"rule_id": 99, "name": "x"}}),
            StatusCode::NOT_FOUND,
            json!({"message": "No such entity."}),
        ),
        (
            json!({}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                   "parameters": {"fieldName": "rule"}}),
        ),
        (
            json!({"rule": {"name": "x", "coupon_code": "ABC"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                   "parameters": {"fieldName": "CouponCode"}}),
        ),
        (
            // An `int[]` that is no array (its elements are cast by a bare settype, which
            // never fails: `["one"]` would be website 0).
            json!({"rule": {"name": "x", "website_ids": "one"}}),
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"website_ids\" processing. The \"string\" value's type is invalid. The \"int[]\" type was expected. Verify and try again."}),
        ),
    ];
    for (body, status, expected) in cases {
        let reply = app.post("/rest/V1/salesRules", &admin, &body).await;
        assert_eq!((reply.status, &reply.body), (status, &expected), "{body}");
    }
    let put = app
        .put(
            "/rest/V1/salesRules/99",
            &admin,
            &json!({"rule": {"name": "x"}}),
        )
        .await;
    assert_eq!(
        (put.status, put.body),
        (StatusCode::NOT_FOUND, json!({"message": "No such entity."}))
    );
    let bad_date = app
        .post(
            "/rest/V1/salesRules",
            &admin,
            &json!({"rule": {"name": "x", "from_date": "someday"}}),
        )
        .await;
    assert_eq!(bad_date.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.snapshot().await, before, "refusals write nothing");
}

#[tokio::test]
async fn coupon_repository_bodies_and_refusals() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let rule = create_rule(
        &app,
        &admin,
        json!({"coupon_type": "SPECIFIC_COUPON", "uses_per_coupon": 1}),
    )
    .await;
    let created = app
        .post(
            "/rest/V1/coupons",
            &admin,
            &json!({"coupon": {"rule_id": rule, "code": "SAVE10", "usage_limit": 99,
                "is_primary": false}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{:?}", created.body);
    let created_at = created.body["created_at"].clone();
    assert!(
        created_at.as_str().is_some_and(|s| s.len() == 19),
        "{created_at}"
    );
    // The saved model, not reloaded: times_used as posted (null), is_primary null, no type;
    // the limits are the rule's whatever was posted.
    assert_eq!(
        created.body,
        json!({"coupon_id": 1, "rule_id": rule, "code": "SAVE10", "usage_limit": 1,
            "usage_per_customer": 0, "times_used": null, "is_primary": null,
            "created_at": created_at})
    );
    let read = app.get("/rest/V1/coupons/1", &admin).await;
    let stored = json!({"coupon_id": 1, "rule_id": rule, "code": "SAVE10", "usage_limit": 1,
        "usage_per_customer": 0, "times_used": 0, "is_primary": null,
        "created_at": created_at, "type": 0});
    assert_eq!(read.body, stored);
    let listed = app
        .get(
            &format!(
                "/rest/V1/coupons/search?searchCriteria[filter_groups][0][filters][0][field]=rule_id\
                 &searchCriteria[filter_groups][0][filters][0][value]={rule}"
            ),
            &admin,
        )
        .await;
    assert_eq!(listed.body["items"], json!([stored]));

    let before = app.snapshot().await;
    let refusals = [
        (
            json!({"coupon": {"rule_id": 3, "code": "X"}}),
            json!({"message": "Error occurred when saving coupon: %1",
                   "parameters": ["Specified rule does not allow coupons"]}),
        ),
        (
            json!({"coupon": {"rule_id": 99, "code": "X"}}),
            json!({"message": "Error occurred when saving coupon: %1",
                   "parameters": ["No such entity with rule_id = 99"]}),
        ),
        (
            json!({"coupon": {"rule_id": rule, "code": "X", "type": 1}}),
            json!({"message": "Error occurred when saving coupon: %1",
                   "parameters": ["Specified rule does not allow auto generated coupons"]}),
        ),
        (
            // AbstractDb::_checkUnique (MySQL compares codes case-insensitively).
            json!({"coupon": {"rule_id": rule, "code": "save10"}}),
            json!({"message": "%1 already exists.", "parameters": ["Coupon with the same code"]}),
        ),
    ];
    for (body, expected) in refusals {
        let reply = app.post("/rest/V1/coupons", &admin, &body).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::BAD_REQUEST, &expected),
            "{body}"
        );
    }
    let missing = app.get("/rest/V1/coupons/77", &admin).await;
    assert_eq!(
        (missing.status, missing.body),
        (StatusCode::NOT_FOUND, json!({"message": "No such entity."}))
    );
    assert_eq!(app.snapshot().await, before);

    let deleted = app.delete("/rest/V1/coupons/1", &admin).await;
    assert_eq!(deleted.body, json!(true));
    assert_eq!(
        app.get("/rest/V1/coupons/1", &admin).await.status,
        StatusCode::NOT_FOUND
    );

    // A rule's one primary coupon (unique key rule_id + is_primary): a second is the save's
    // AlreadyExistsException. A coupon without a code: `_checkUnique` looks `code IS NULL` up,
    // so a second one is refused as a duplicate code.
    let primary = app
        .post(
            "/rest/V1/coupons",
            &admin,
            &json!({"coupon": {"rule_id": rule, "code": "PRIM", "is_primary": true}}),
        )
        .await;
    assert_eq!(primary.status, StatusCode::OK, "{:?}", primary.body);
    let codeless = app
        .post(
            "/rest/V1/coupons",
            &admin,
            &json!({"coupon": {"rule_id": rule}}),
        )
        .await;
    assert_eq!(codeless.status, StatusCode::OK, "{:?}", codeless.body);
    assert_eq!(codeless.body.get("code"), None);
    let before = app.snapshot().await;
    for (body, expected) in [
        (
            json!({"coupon": {"rule_id": rule, "code": "PRIM2", "is_primary": true}}),
            json!({"message": "Unique constraint violation found"}),
        ),
        (
            json!({"coupon": {"rule_id": rule}}),
            json!({"message": "%1 already exists.", "parameters": ["Coupon with the same code"]}),
        ),
    ] {
        let reply = app.post("/rest/V1/coupons", &admin, &body).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::BAD_REQUEST, &expected),
            "{body}"
        );
    }
    let id = primary.body["coupon_id"].clone();
    let moved = app
        .put(
            &format!("/rest/V1/coupons/{}", codeless.body["coupon_id"]),
            &admin,
            &json!({"coupon": {"rule_id": rule, "code": "LATE", "is_primary": true}}),
        )
        .await;
    assert_eq!(
        (moved.status, moved.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Unique constraint violation found"})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // massDelete strikes what it found from the request by the stored code (PHP's keys are
    // exact): a code asked in another case is deleted and still listed missing.
    let by_code = app
        .post(
            "/rest/V1/coupons/deleteByCodes",
            &admin,
            &json!({"codes": ["prim"]}),
        )
        .await;
    assert_eq!(
        by_code.body,
        json!({"failed_items": [], "missing_items": ["prim"]})
    );
    assert_eq!(
        app.get(&format!("/rest/V1/coupons/{id}"), &admin)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn generated_coupons_and_mass_deletes() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let rule = create_rule(
        &app,
        &admin,
        json!({"coupon_type": "AUTO", "use_auto_generation": true, "uses_per_coupon": 2}),
    )
    .await;
    let spec = json!({"couponSpec": {"rule_id": rule, "format": "num", "quantity": 3,
        "length": 6, "prefix": "P-", "delimiter_at_every": 3}});
    let generated = app.post("/rest/V1/coupons/generate", &admin, &spec).await;
    assert_eq!(generated.status, StatusCode::OK, "{:?}", generated.body);
    let codes: Vec<String> = generated
        .body
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("code").to_owned())
        .collect();
    assert_eq!(codes.len(), 3);
    for code in &codes {
        // Massgenerator::generateCode: prefix, then digits with "-" every 3.
        let digits = code.strip_prefix("P-").expect("prefix");
        assert_eq!(digits.len(), 7, "{code}");
        assert_eq!(&digits[3..4], "-", "{code}");
        assert!(digits.replace('-', "").chars().all(|c| c.is_ascii_digit()));
    }
    let first = app
        .get(
            &format!(
                "/rest/V1/coupons/search?searchCriteria[filter_groups][0][filters][0][field]=code\
                 &searchCriteria[filter_groups][0][filters][0][value]={}",
                codes[0]
            ),
            &admin,
        )
        .await;
    let item = &first.body["items"][0];
    assert_eq!(
        without(item, &["coupon_id", "created_at"]),
        json!({"rule_id": rule, "code": codes[0], "usage_limit": 2, "usage_per_customer": 0,
               "times_used": 0, "is_primary": null, "type": 1})
    );

    let refused = app
        .post(
            "/rest/V1/coupons/generate",
            &admin,
            &json!({"couponSpec": {"rule_id": 3, "format": "num", "quantity": 1, "length": 4}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred when generating coupons: %1",
                   "parameters": ["Specified rule does not allow automatic coupon generation"]})
        )
    );
    let invalid = app
        .post(
            "/rest/V1/coupons/generate",
            &admin,
            &json!({"couponSpec": {"rule_id": rule, "format": "num", "quantity": 0, "length": 4}}),
        )
        .await;
    assert_eq!(
        (invalid.status, invalid.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "One or more input exceptions have occurred."})
        )
    );

    // Codes past what one generation may build (a huge length, or a huge delimiter at every
    // character): generatePool's refusal, at once, and nothing written.
    let before = app.snapshot().await;
    for spec in [
        json!({"rule_id": rule, "quantity": 1, "length": 10_000_000_000i64}),
        json!({"rule_id": rule, "quantity": 1_000_000_000, "length": 4}),
        json!({"rule_id": rule, "quantity": 2, "length": 100, "delimiter_at_every": 1,
               "delimiter": "-".repeat(1_000_000)}),
    ] {
        let r = app
            .post(
                "/rest/V1/coupons/generate",
                &admin,
                &json!({ "couponSpec": spec }),
            )
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Error occurred when generating coupons: %1",
                       "parameters": ["We cannot create the requested Coupon Qty. Please check your settings and try again."]})
            )
        );
        assert_eq!(app.snapshot().await, before);
    }

    let by_codes = app
        .post(
            "/rest/V1/coupons/deleteByCodes",
            &admin,
            &json!({"codes": [codes[0], "NOPE"]}),
        )
        .await;
    assert_eq!(
        by_codes.body,
        json!({"failed_items": [], "missing_items": ["NOPE"]})
    );
    let strict = app
        .post(
            "/rest/V1/coupons/deleteByCodes",
            &admin,
            &json!({"codes": [codes[1], "NOPE"], "ignoreInvalidCoupons": false}),
        )
        .await;
    assert_eq!(
        (strict.status, strict.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Some coupons are invalid."})
        )
    );
    // `codes` and `ids` are simple array types: any other value is refused by its PHP type,
    // and nothing is deleted.
    for (path, body, php_type, ty) in [
        (
            "deleteByCodes",
            json!({"codes": codes[1]}),
            "string",
            "string[]",
        ),
        ("deleteByIds", json!({"ids": 1.5}), "double", "int[]"),
        ("deleteByIds", json!({"ids": 1}), "integer", "int[]"),
    ] {
        let before = app.snapshot().await;
        let r = app
            .post(&format!("/rest/V1/coupons/{path}"), &admin, &body)
            .await;
        assert_eq!(
            (r.status, r.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": format!("The \"{php_type}\" value's type is invalid. The \"{ty}\" type was expected. Verify and try again.")})
            ),
            "{body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    // The elements of an `int[]` go through a bare settype, which never fails: "abc" is 0 and
    // "7x" is 7, both missing here.
    let before = app.snapshot().await;
    let cast = app
        .post(
            "/rest/V1/coupons/deleteByIds",
            &admin,
            &json!({"ids": ["abc", "7x"]}),
        )
        .await;
    assert_eq!(
        (cast.status, cast.body),
        (
            StatusCode::OK,
            json!({"failed_items": [], "missing_items": ["0", "7"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let ids: Vec<i64> = sqlx::query_scalar("SELECT coupon_id FROM salesrule_coupon ORDER BY 1")
        .fetch_all(&app.state.db.read)
        .await
        .expect("ids");
    assert_eq!(ids.len(), 2);
    // 100,000 ids, repeats among them: each missing one once, in request order (a search a
    // value made this quadratic: minutes of the writer).
    let mut many: Vec<Value> = vec![json!(999), json!(ids[0]), json!(999)];
    many.extend((0..100_000).map(|i| json!(1_000_000 + i)));
    many.push(json!(ids[1]));
    let by_ids = app
        .post(
            "/rest/V1/coupons/deleteByIds",
            &admin,
            &json!({ "ids": many }),
        )
        .await;
    assert_eq!(by_ids.status, StatusCode::OK);
    let missing = by_ids.body["missing_items"].as_array().unwrap();
    assert_eq!(missing.len(), 100_001);
    assert_eq!(
        (&missing[0], &missing[1], &missing[100_000]),
        (&json!("999"), &json!("1000000"), &json!("1099999"))
    );
    assert_eq!(by_ids.body["failed_items"], json!([]));
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM salesrule_coupon")
        .fetch_one(&app.state.db.read)
        .await
        .expect("count");
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_coupon_applies_to_the_cart_is_carried_to_the_order_and_counted() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let rule = create_rule(
        &app,
        &admin,
        json!({"name": "Ten off", "description": "Ten percent with SAVE10",
            "coupon_type": "SPECIFIC_COUPON", "uses_per_coupon": 1, "uses_per_customer": 1}),
    )
    .await;
    let coupon = app
        .post(
            "/rest/V1/coupons",
            &admin,
            &json!({"coupon": {"rule_id": rule, "code": "SAVE10"}}),
        )
        .await;
    assert_eq!(coupon.status, StatusCode::OK, "{:?}", coupon.body);
    // 2 × 32 = 64: under rule 3's 200.
    let jane = jane_cart(&app, &[("24-WB01", 2)]).await;
    let none = app.get("/rest/V1/carts/mine/coupons", &jane).await;
    assert_eq!(
        none.body,
        json!([]),
        "no coupon: a null result is written []"
    );

    let wrong = app
        .put("/rest/V1/carts/mine/coupons/NOPE", &jane, &json!({}))
        .await;
    assert_eq!(
        (wrong.status, wrong.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "The coupon code isn't valid. Verify the code and try again."})
        )
    );
    let set = app
        .put("/rest/V1/carts/mine/coupons/save10", &jane, &json!({}))
        .await;
    assert_eq!((set.status, set.body), (StatusCode::OK, json!(true)));
    let code = app.get("/rest/V1/carts/mine/coupons", &jane).await;
    assert_eq!(
        code.body,
        json!("save10"),
        "the code as set (MySQL matched it)"
    );
    let totals = app.get("/rest/V1/carts/mine/totals", &jane).await.body;
    assert_eq!(totals["coupon_code"], json!("save10"));
    // 10 % of 64; shipping 2 × 5.
    assert_eq!(totals["discount_amount"], json!(-6.4));
    assert_eq!(totals["grand_total"], json!(67.6));
    let segment = totals["total_segments"]
        .as_array()
        .expect("segments")
        .iter()
        .find(|s| s["code"] == "discount")
        .cloned();
    assert_eq!(
        segment,
        Some(
            json!({"code": "discount", "title": "Discount (Ten percent with SAVE10)",
                    "value": -6.4})
        )
    );
    assert_eq!(
        totals["items"][0]["discount_percent"],
        json!(10),
        "by_percent sets the line's percent"
    );

    let placed = app
        .post("/rest/V1/carts/mine/payment-information", &jane, &payment())
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let order = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(order["coupon_code"], json!("save10"));
    assert_eq!(
        order["discount_description"],
        json!("Ten percent with SAVE10")
    );
    assert_eq!(order["applied_rule_ids"], json!(rule.to_string()));
    assert_eq!(order["discount_amount"], json!(-6.4));
    // Coupon\Usage\Processor: the coupon, the rule, the customer's uses.
    assert_eq!(
        app.get("/rest/V1/coupons/1", &admin).await.body["times_used"],
        json!(1)
    );
    assert_eq!(
        app.get(&format!("/rest/V1/salesRules/{rule}"), &admin)
            .await
            .body["times_used"],
        json!(1)
    );
    let usage: Vec<(i64, i64)> =
        sqlx::query_as("SELECT customer_id, times_used FROM salesrule_coupon_usage")
            .fetch_all(&app.state.db.read)
            .await
            .expect("usage");
    assert_eq!(usage, vec![(2, 1)]);

    // The coupon's one use is spent: a new cart cannot take it.
    let jane = jane_cart(&app, &[("24-WB01", 2)]).await;
    let spent = app
        .put("/rest/V1/carts/mine/coupons/SAVE10", &jane, &json!({}))
        .await;
    assert_eq!(spent.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/rest/V1/carts/mine/coupons", &jane).await.body,
        json!(""),
        "a refused code leaves the coupon cleared"
    );

    // SalesRule's CouponUsagesDecrement plugin: canceling the order gives the uses back (the
    // coupon's, the customer's, the rule's), so the coupon applies again.
    let canceled = app
        .post("/rest/V1/orders/4/cancel", &admin, &json!({}))
        .await;
    assert_eq!(canceled.body, json!(true));
    assert_eq!(
        app.get("/rest/V1/coupons/1", &admin).await.body["times_used"],
        json!(0)
    );
    assert_eq!(
        app.get(&format!("/rest/V1/salesRules/{rule}"), &admin)
            .await
            .body["times_used"],
        json!(0)
    );
    let usage: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT customer_id, times_used FROM salesrule_coupon_usage
         UNION ALL SELECT customer_id, times_used FROM salesrule_customer",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("usage");
    assert_eq!(usage, vec![(2, 0), (2, 0)]);
    let again = app
        .put("/rest/V1/carts/mine/coupons/SAVE10", &jane, &json!({}))
        .await;
    assert_eq!((again.status, again.body), (StatusCode::OK, json!(true)));
    // A cancel that answers false (nothing left to cancel) gives nothing back again.
    let twice = app
        .post("/rest/V1/orders/4/cancel", &admin, &json!({}))
        .await;
    assert_eq!(twice.body, json!(false));
    assert_eq!(
        app.get("/rest/V1/coupons/1", &admin).await.body["times_used"],
        json!(0)
    );
}

#[tokio::test]
async fn a_coupon_used_up_meanwhile_refuses_the_second_order() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let rule = create_rule(
        &app,
        &admin,
        json!({"coupon_type": "SPECIFIC_COUPON", "uses_per_coupon": 1}),
    )
    .await;
    app.post(
        "/rest/V1/coupons",
        &admin,
        &json!({"coupon": {"rule_id": rule, "code": "ONCE"}}),
    )
    .await;
    let guest = |mask: &str| format!("/rest/V1/guest-carts/{mask}");
    let mut masks = Vec::new();
    for _ in 0..3 {
        let mask = app
            .post_anonymous("/rest/V1/guest-carts", &json!({}))
            .await
            .body
            .as_str()
            .expect("mask")
            .to_owned();
        let added = app
            .post_anonymous(
                &format!("{}/items", guest(&mask)),
                &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
            )
            .await;
        assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
        let info = app
            .post_anonymous(
                &format!("{}/shipping-information", guest(&mask)),
                &fixture("tutorial/step08-shipping-information-request.json"),
            )
            .await;
        assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
        masks.push(mask);
    }
    // Rule for group 1 only: guests (group 0) get nothing, the coupon does not apply.
    let refused = app
        .send(
            reqwest::Method::PUT,
            &format!("{}/coupons/ONCE", guest(&masks[0])),
            None,
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let widen = app
        .put(
            &format!("/rest/V1/salesRules/{rule}"),
            &admin,
            &json!({"rule": {"customer_group_ids": [0, 1]}}),
        )
        .await;
    assert_eq!(widen.status, StatusCode::OK, "{:?}", widen.body);
    for mask in &masks {
        let set = app
            .send(
                reqwest::Method::PUT,
                &format!("{}/coupons/ONCE", guest(mask)),
                None,
                Some("application/json"),
                Some("{}".into()),
            )
            .await;
        assert_eq!((set.status, set.body), (StatusCode::OK, json!(true)));
    }
    let mut pay = payment();
    pay["email"] = json!("guest@example.com");
    let first = app
        .post_anonymous(&format!("{}/payment-information", guest(&masks[0])), &pay)
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let before = app.snapshot().await;
    // PUT .../order with a payment method places from the totals as they were:
    // Coupon\Usage\Processor refuses the spent coupon.
    let direct = app
        .send(
            reqwest::Method::PUT,
            &format!("{}/order", guest(&masks[1])),
            None,
            Some("application/json"),
            Some(json!({"paymentMethod": {"method": "checkmo"}}).to_string()),
        )
        .await;
    assert_eq!(
        (direct.status, direct.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "ONCE coupon exceeds usage limit."})
        )
    );
    // payment-information collects first: the coupon is gone, CouponUsagesIncrement refuses.
    let collected = app
        .post_anonymous(&format!("{}/payment-information", guest(&masks[2])), &pay)
        .await;
    assert_eq!(
        (collected.status, collected.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The coupon code isn't valid. Verify the code and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn cart_coupon_refusals() {
    let app = spawn_app().await;
    let jane = app.customer_token(JANE.0, JANE.1).await;
    let none = app.get("/rest/V1/carts/mine/coupons", &jane).await;
    assert_eq!(
        (none.status, none.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Current customer does not have an active cart."})
        )
    );
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    let before = app.snapshot().await;
    let empty = app
        .put("/rest/V1/carts/mine/coupons/ANY", &jane, &json!({}))
        .await;
    let expected = json!({"message": "The \"%1\" Cart doesn't contain products.",
                          "parameters": ["4"]});
    assert_eq!(
        (empty.status, &empty.body),
        (StatusCode::NOT_FOUND, &expected)
    );
    let removed = app.delete("/rest/V1/carts/mine/coupons", &jane).await;
    assert_eq!(
        (removed.status, removed.body),
        (StatusCode::NOT_FOUND, expected)
    );
    assert_eq!(app.snapshot().await, before);
    let admin = app.token().await;
    let by_id = app.get("/rest/V1/carts/4/coupons", &admin).await;
    assert_eq!((by_id.status, by_id.body), (StatusCode::OK, json!([])));
    let guest = app
        .send(
            reqwest::Method::GET,
            "/rest/V1/guest-carts/nope/coupons",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(guest.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn by_fixed_cart_fixed_and_free_shipping_figures() {
    let app = spawn_app().await;
    let admin = app.token().await;
    // 2 × 24-WB01 (32) and 1 × 24-WB03 (36): subtotal 100, under rule 3's 200; flat rate 3 × 5.
    let lines = [("24-WB01", 2), ("24-WB03", 1)];

    // by_fixed 5: min(row − discount, 5 × qty) per line → 10 and 5.
    let fixed = create_rule(
        &app,
        &admin,
        json!({"simple_action": "by_fixed", "discount_amount": 5}),
    )
    .await;
    let jane = jane_cart(&app, &lines).await;
    assert_eq!(
        figures(&app, &jane).await,
        json!({"subtotal": 100, "discount": -15, "shipping": 15, "shipping_discount": 0,
               "grand_total": 100, "lines": [10, 5]})
    );
    app.delete(&format!("/rest/V1/salesRules/{fixed}"), &admin)
        .await;

    // cart_fixed 10 over rows 64 and 36: 10 × 64 / 100 = 6.4 (+0.000001 carried), then the
    // last line 3.6, capped at what is left (3.6).
    let cart = create_rule(
        &app,
        &admin,
        json!({"simple_action": "cart_fixed", "discount_amount": 10}),
    )
    .await;
    assert_eq!(
        figures(&app, &jane).await,
        json!({"subtotal": 100, "discount": -10, "shipping": 15, "shipping_discount": 0,
               "grand_total": 105, "lines": [6.4, 3.6]})
    );
    // With apply_to_shipping: the items share 10 × row / (100 + 15) (5.57 and 3.13, the
    // rounding carried), the shipping 10 × 15 / 115 = 1.30.
    app.put(
        &format!("/rest/V1/salesRules/{cart}"),
        &admin,
        &json!({"rule": {"apply_to_shipping": true}}),
    )
    .await;
    assert_eq!(
        figures(&app, &jane).await,
        json!({"subtotal": 100, "discount": -10, "shipping": 15, "shipping_discount": 1.3,
               "grand_total": 105, "lines": [5.57, 3.13]})
    );
    app.delete(&format!("/rest/V1/salesRules/{cart}"), &admin)
        .await;

    // Free shipping for matching items only (24-WB01): its 2 units are free boxes of the flat
    // rate, (3 − 2) × 5.
    create_rule(
        &app,
        &admin,
        json!({"discount_amount": 0, "simple_free_shipping": "1",
            "action_condition": {"condition_type": PRODUCT_COMBINE, "aggregator_type": "all",
                "value": "1", "conditions": [{"condition_type": PRODUCT,
                "attribute_name": "sku", "operator": "==", "value": "24-WB01"}]}}),
    )
    .await;
    assert_eq!(
        figures(&app, &jane).await,
        json!({"subtotal": 100, "discount": 0, "shipping": 5, "shipping_discount": 0,
               "grand_total": 105, "lines": [0, 0]})
    );
    let estimate = app
        .post(
            "/rest/V1/carts/mine/estimate-shipping-methods",
            &jane,
            &fixture("tutorial/step08-estimate-shipping-request.json"),
        )
        .await;
    assert_eq!(estimate.body[0]["amount"], json!(5));
    let placed = app
        .post("/rest/V1/carts/mine/payment-information", &jane, &payment())
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let order = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(order["shipping_amount"], json!(5));
    assert_eq!(order["items"][0]["free_shipping"], json!(1));
    assert_eq!(order["items"][1]["free_shipping"], json!(0));
}

#[tokio::test]
async fn the_tutorial_rule_is_data() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = jane_cart(&app, &[("24-WB03", 20), ("24-WB01", 40), ("240-LV06", 1)]).await;
    let before = figures(&app, &jane).await;
    assert_eq!(
        before,
        json!({"subtotal": 2022, "discount": -404.4, "shipping": 300, "shipping_discount": 0,
               "grand_total": 1917.6, "lines": [144, 256, 4.4]})
    );
    // Rule 3 switched off through the repository: the same cart has no discount.
    let off = app
        .put(
            "/rest/V1/salesRules/3",
            &admin,
            &json!({"rule": {"is_active": false}}),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK, "{:?}", off.body);
    assert_eq!(
        figures(&app, &jane).await,
        json!({"subtotal": 2022, "discount": 0, "shipping": 300, "shipping_discount": 0,
               "grand_total": 2322, "lines": [0, 0, 0]})
    );
}

#[tokio::test]
async fn set_payment_information_and_cart_search() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let jane = app.customer_token(JANE.0, JANE.1).await;
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    app.post(
        "/rest/V1/carts/mine/items",
        &jane,
        &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
    )
    .await;
    let path = "/rest/V1/carts/mine/set-payment-information";
    let before = app.snapshot().await;
    let no_address = app.post(path, &jane, &payment()).await;
    assert_eq!(
        (no_address.status, no_address.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The shipping address is missing. Set the address and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let jane = jane_cart(&app, &[]).await;
    let bad = app
        .post(
            path,
            &jane,
            &json!({"paymentMethod": {"method": "cashondelivery"}}),
        )
        .await;
    assert_eq!(
        (bad.status, bad.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The requested Payment Method is not available."})
        )
    );
    let saved = app.post(path, &jane, &payment()).await;
    assert_eq!((saved.status, saved.body), (StatusCode::OK, json!(true)));
    // placeOrder without a method takes the quote's.
    let placed = app
        .put("/rest/V1/carts/mine/order", &jane, &json!({}))
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let order = app.get("/rest/V1/orders/4", &admin).await.body;
    assert_eq!(order["payment"]["method"], json!("checkmo"));

    let found = app
        .get(
            "/rest/V1/carts/search?searchCriteria[filter_groups][0][filters][0][field]=customer_id\
             &searchCriteria[filter_groups][0][filters][0][value]=2",
            &admin,
        )
        .await;
    assert_eq!(found.status, StatusCode::OK, "{:?}", found.body);
    assert_eq!(found.body["total_count"], json!(1));
    let cart = &found.body["items"][0];
    assert_eq!(cart["id"], json!(4));
    assert_eq!(cart["is_active"], json!(false));
    assert_eq!(cart["customer"]["email"], json!("jdoe@example.com"));
    let unauthorized = app
        .get("/rest/V1/carts/search?searchCriteria=", &jane)
        .await;
    assert_eq!(unauthorized.status, StatusCode::UNAUTHORIZED);
}

/// Store labels are keyed by store, as the model's array: a store named twice keeps its first
/// place and its last label (an empty one deletes the store's row); thousands of emptied
/// stores are one delete.
#[tokio::test]
async fn store_labels_are_keyed_by_store() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let label = |store: i64, text: &str| json!({"store_id": store, "store_label": text});
    let mut labels = vec![label(1, "One"), label(0, "Zero"), label(1, "Uno")];
    let rule = create_rule(
        &app,
        &admin,
        json!({"name": "Labelled", "store_labels": labels}),
    )
    .await;
    let read = app
        .get(&format!("/rest/V1/salesRules/{rule}"), &admin)
        .await;
    assert_eq!(
        read.body["store_labels"],
        json!([label(0, "Zero"), label(1, "Uno")])
    );
    labels = (2..20_000).map(|s| label(s, "")).collect();
    labels.push(label(0, ""));
    let mut body = read.body.clone();
    body["store_labels"] = json!(labels);
    let saved = app
        .put(
            &format!("/rest/V1/salesRules/{rule}"),
            &admin,
            &json!({ "rule": body }),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let read = app
        .get(&format!("/rest/V1/salesRules/{rule}"), &admin)
        .await;
    assert_eq!(read.body["store_labels"], json!([label(1, "Uno")]));
}

/// `ParamsOverrider::overrideRequestBodyIdWithPathParam`: a PUT's path id goes into the body's
/// object only when the body is that object alone; beside other keys it is a top-level value no
/// one reads, so the object's own id decides, and without one the save makes a new entity
/// (RuleRepositoryTest::updateRule posts `rule_id` beside `rule`, with the id in both).
#[tokio::test]
async fn a_put_path_id_reaches_the_object_only_when_it_is_the_whole_body() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let first = create_rule(&app, &admin, json!({})).await;
    let second = create_rule(&app, &admin, json!({})).await;
    let renamed = app
        .put(
            &format!("/rest/V1/salesRules/{second}"),
            &admin,
            &json!({"rule_id": second, "rule": {"rule_id": first, "name": "first, renamed"}}),
        )
        .await;
    assert_eq!(renamed.body["rule_id"], json!(first), "{:?}", renamed.body);
    let made = app
        .put(
            &format!("/rest/V1/salesRules/{second}"),
            &admin,
            &json!({"rule_id": second, "rule": {"name": "a new one", "website_ids": [1],
                "customer_group_ids": [0], "uses_per_customer": 0, "is_active": true,
                "stop_rules_processing": false, "is_advanced": true, "sort_order": 0,
                "discount_amount": 0, "discount_step": 0, "apply_to_shipping": false,
                "times_used": 0, "is_rss": false, "coupon_type": "NO_COUPON",
                "use_auto_generation": false, "uses_per_coupon": 0}}),
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{:?}", made.body);
    assert!(
        made.body["rule_id"].as_i64() > Some(second),
        "{:?}",
        made.body
    );
    let kept = app
        .get(&format!("/rest/V1/salesRules/{second}"), &admin)
        .await;
    assert_ne!(kept.body["name"], json!("a new one"));
    // The body alone: the path's id wins.
    let alone = app
        .put(
            &format!("/rest/V1/salesRules/{second}"),
            &admin,
            &json!({"rule": {"rule_id": first, "name": "second, renamed"}}),
        )
        .await;
    assert_eq!(alone.body["rule_id"], json!(second));
    let class = app
        .put(
            "/rest/V1/taxClasses/3",
            &admin,
            &json!({"taxClass": {"class_name": "Brand New", "class_type": "CUSTOMER"},
                "classId": 3}),
        )
        .await;
    assert_eq!(class.status, StatusCode::OK, "{:?}", class.body);
    let read = app.get("/rest/V1/taxClasses/3", &admin).await;
    assert_ne!(read.body["class_name"], json!("Brand New"));
}
