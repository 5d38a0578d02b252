//! Checkout agreements (Magento_CheckoutAgreements) through the real router: the two lists,
//! off until `checkout/options/enable_agreements` is on, and the check before
//! `payment-information` places an order, which refuses without changing anything.

use crate::common;

use common::{fixture, spawn_app, TestApp};
use magemu::db::agreements::AgreementRow;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const JANE: (&str, &str) = ("jdoe@example.com", "Password1");
const NOT_AGREED: &str = "The order wasn't placed. First, agree to the terms and conditions, then try placing your order again.";

/// Three agreements, as a seed file's `checkout_agreements` adds them: 1 manual for every
/// store, 2 automatic for the default store view, 3 manual but inactive.
async fn agreements(app: &TestApp) {
    let row = |name: &str, active: i64, mode: i64| AgreementRow {
        name: Some(name.into()),
        content: Some(format!("{name}: the terms.")),
        checkbox_text: Some(format!("I accept the {name}")),
        is_active: active,
        mode,
        ..Default::default()
    };
    for (agreement, stores) in [
        (row("Terms", 1, 1), vec![0]),
        (row("Privacy", 1, 0), vec![1]),
        (row("Old terms", 0, 1), vec![0]),
    ] {
        magemu::checkout::agreements::add(&app.state.db, agreement, stores)
            .await
            .expect("agreement");
    }
}

fn shown(id: i64, name: &str, active: bool, mode: i64) -> Value {
    json!({"agreement_id": id, "name": name, "content": format!("{name}: the terms."),
           "checkbox_text": format!("I accept the {name}"), "is_active": active,
           "is_html": false, "mode": mode})
}

async fn enable(app: &TestApp, on: bool) {
    let reply = app
        .send(
            Method::PUT,
            "/magemu/config",
            None,
            Some("application/json"),
            Some(json!({"checkout/options/enable_agreements": on}).to_string()),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
}

#[tokio::test]
async fn the_lists_follow_the_setting_and_the_criteria() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let active = app.get("/rest/V1/carts/licence", &admin).await;
    assert_eq!((active.status, active.body), (StatusCode::OK, json!([])));
    agreements(&app).await;
    // Off by default: the active list is empty; the search list ignores the setting.
    assert_eq!(
        app.get("/rest/V1/carts/licence", &admin).await.body,
        json!([])
    );
    let all = app
        .get("/rest/V1/carts/licence/list?searchCriteria=", &admin)
        .await;
    assert_eq!(
        (all.status, all.body),
        (
            StatusCode::OK,
            json!([
                shown(1, "Terms", true, 1),
                shown(2, "Privacy", true, 0),
                shown(3, "Old terms", false, 1)
            ])
        )
    );
    let f = "searchCriteria[filter_groups][0][filters][0]";
    let filtered = app
        .get(
            &format!("/rest/V1/carts/licence/list?{f}[field]=is_active&{f}[value]=0"),
            &admin,
        )
        .await;
    assert_eq!(filtered.body, json!([shown(3, "Old terms", false, 1)]));
    // The list's own store filter: linked to the store view or to all of them.
    let store =
        |id: i64| format!("/rest/V1/carts/licence/list?{f}[field]=store_id&{f}[value]={id}");
    let in_store_1 = app.get(&store(1), &admin).await.body;
    assert_eq!(
        in_store_1,
        json!([
            shown(1, "Terms", true, 1),
            shown(2, "Privacy", true, 0),
            shown(3, "Old terms", false, 1)
        ])
    );
    let in_store_2 = app.get(&store(2), &admin).await.body;
    assert_eq!(
        in_store_2,
        json!([shown(1, "Terms", true, 1), shown(3, "Old terms", false, 1)])
    );
    // On: the active ones the default store view shows, automatic and manual alike.
    enable(&app, true).await;
    assert_eq!(
        app.get("/rest/V1/carts/licence", &admin).await.body,
        json!([shown(1, "Terms", true, 1), shown(2, "Privacy", true, 0)])
    );
    assert_eq!(
        app.get("/rest/default/V1/carts/licence", &admin).await.body,
        json!([shown(1, "Terms", true, 1), shown(2, "Privacy", true, 0)])
    );
    // `/rest/all/` runs in the admin store (0): the store view's own agreement is not its.
    assert_eq!(
        app.get("/rest/all/V1/carts/licence", &admin).await.body,
        json!([shown(1, "Terms", true, 1)])
    );
    // An admin route: a customer's token is refused.
    let jane = app.customer_token(JANE.0, JANE.1).await;
    let refused = app.get("/rest/V1/carts/licence", &jane).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

/// Jane's cart (quote 4) as the tutorial's steps 7 and 8 build it; her token.
async fn janes_cart(app: &TestApp) -> String {
    let jane = app.customer_token(JANE.0, JANE.1).await;
    assert_eq!(
        app.post("/rest/V1/carts/mine", &jane, &json!({}))
            .await
            .body,
        json!(4)
    );
    for sku in ["24-WB03", "24-WB01", "240-LV06"] {
        let request = fixture(&format!("tutorial/step07-cart-item-{sku}-request.json"));
        let added = app.post("/rest/V1/carts/mine/items", &jane, &request).await;
        assert_eq!(added.status, StatusCode::OK, "{sku}: {:?}", added.body);
    }
    let shipping = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(shipping.status, StatusCode::OK, "{:?}", shipping.body);
    jane
}

async fn orders(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sales_order")
        .fetch_one(&app.state.db.read)
        .await
        .expect("count")
}

#[tokio::test]
async fn payment_information_needs_every_manual_agreement() {
    let app = spawn_app().await;
    agreements(&app).await;
    enable(&app, true).await;
    let jane = janes_cart(&app).await;
    let mut request = fixture("tutorial/step09-payment-information-request.json");
    let before = orders(&app).await;
    let cart = app.get("/rest/V1/carts/mine", &jane).await.body;
    // None sent, or only the automatic one: refused before anything is saved.
    for ids in [None, Some(json!(["2"])), Some(json!([]))] {
        if let Some(ids) = &ids {
            request["paymentMethod"]["extension_attributes"] = json!({"agreement_ids": ids});
        }
        let refused = app
            .post("/rest/V1/carts/mine/payment-information", &jane, &request)
            .await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, json!({"message": NOT_AGREED})),
            "{ids:?}"
        );
        assert_eq!(orders(&app).await, before);
        assert_eq!(app.get("/rest/V1/carts/mine", &jane).await.body, cart);
    }
    // `agreement_ids` is a `string[]` inside `extension_attributes`: a scalar is the array
    // type's error, wrapped under both keys; an element that is itself an array is PHP's
    // "Array to string conversion" warning, thrown by Magento's error handler (the masked 500).
    let snapshot = app.snapshot().await;
    request["paymentMethod"]["extension_attributes"] = json!({"agreement_ids": "1"});
    let refused = app
        .post("/rest/V1/carts/mine/payment-information", &jane, &request)
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"extension_attributes\" processing. Error occurred during \"agreement_ids\" processing. The \"string\" value's type is invalid. The \"string[]\" type was expected. Verify and try again."})
        )
    );
    request["paymentMethod"]["extension_attributes"] = json!({"agreement_ids": [["1"]]});
    let masked = app
        .post("/rest/V1/carts/mine/payment-information", &jane, &request)
        .await;
    assert_eq!(masked.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(masked.body["message"].as_str().is_some_and(
        |m| m.starts_with("Internal Error. Details are available in Magento log file.")
    ));
    assert_eq!(app.snapshot().await, snapshot);
    // The manual one (ids compared as strings; a number is converted, extra ids ignored).
    request["paymentMethod"]["extension_attributes"] = json!({"agreement_ids": [1, "99"]});
    let placed = app
        .post("/rest/V1/carts/mine/payment-information", &jane, &request)
        .await;
    assert_eq!((placed.status, placed.body), (StatusCode::OK, json!("4")));
    app.stop().await;
}

#[tokio::test]
async fn nothing_is_checked_while_off_or_without_active_agreements() {
    let app = spawn_app().await;
    agreements(&app).await;
    let jane = janes_cart(&app).await;
    // Off: the order is placed without any agreement.
    let placed = app
        .post(
            "/rest/V1/carts/mine/payment-information",
            &jane,
            &fixture("tutorial/step09-payment-information-request.json"),
        )
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    // A guest cart with agreements on is checked as well.
    enable(&app, true).await;
    let cart = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = cart.body.as_str().expect("mask").to_owned();
    let base = format!("/rest/V1/guest-carts/{mask}");
    app.post_anonymous(
        &format!("{base}/items"),
        &json!({"cartItem": {"sku": "24-WB01", "qty": 1}}),
    )
    .await;
    app.post_anonymous(
        &format!("{base}/shipping-information"),
        &fixture("tutorial/step08-shipping-information-request.json"),
    )
    .await;
    let mut request = fixture("tutorial/step09-payment-information-request.json");
    request["email"] = json!("guest@example.com");
    let refused = app
        .post_anonymous(&format!("{base}/payment-information"), &request)
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (StatusCode::BAD_REQUEST, json!({"message": NOT_AGREED}))
    );
    request["paymentMethod"]["extension_attributes"] = json!({"agreement_ids": ["1"]});
    let placed = app
        .post_anonymous(&format!("{base}/payment-information"), &request)
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    app.stop().await;
}
