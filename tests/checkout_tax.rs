//! A cart taxed by a rule created over REST (Magento_Tax's quote collectors, `crate::checkout::tax`):
//! the totals' tax, the order's tax rows and the invoice that captures them.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn tut(name: &str) -> Value {
    common::fixture(&format!("tutorial/{name}"))
}

/// The retail customer class (every stock group's, guests' too) pays New York's 8.375 % on
/// taxable goods.
async fn new_york_rule(app: &TestApp, admin: &str) {
    let r = app
        .post(
            "/rest/V1/taxRules",
            admin,
            &json!({"rule": {"code": "NY", "priority": 0, "customer_tax_class_ids": [3],
                "product_tax_class_ids": [2], "tax_rate_ids": [2]}}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
}

/// A guest cart with `qty` backpacks (24-WB03, 36 each): its path.
async fn backpacks(app: &TestApp, qty: i64) -> String {
    let mask = app
        .post_anonymous("/rest/V1/guest-carts", &json!({}))
        .await
        .body
        .as_str()
        .expect("masked id")
        .to_owned();
    let base = format!("/rest/V1/guest-carts/{mask}");
    let added = app
        .post_anonymous(
            &format!("{base}/items"),
            &json!({"cartItem": {"sku": "24-WB03", "qty": qty}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    base
}

/// A guest's ten backpacks (36 each) shipped to New York: 360 × 8.375 % = 30.15 of tax, shipping
/// untaxed (no shipping tax class); the totals' `grand_total` holds the tax as 2.4.5's and later
/// CartTotalRepository copies it (CartTotalRepositoryTest::testGetGrandTotalsWithIncludedTax...),
/// the order keeps it; the invoice captures it.
#[tokio::test]
async fn a_new_york_cart_pays_new_york_tax() {
    let app = spawn_app().await;
    let admin = app.token().await;
    new_york_rule(&app, &admin).await;
    let base = backpacks(&app, 10).await;
    let info = app
        .post_anonymous(
            &format!("{base}/shipping-information"),
            &tut("step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let t = &info.body["totals"];
    assert_eq!(
        (
            &t["grand_total"],
            &t["base_grand_total"],
            &t["tax_amount"],
            &t["subtotal_incl_tax"]
        ),
        (
            &json!(440.15),
            &json!(440.15),
            &json!(30.15),
            &json!(390.15)
        )
    );
    let line = &t["items"][0];
    assert_eq!(
        [
            &line["tax_amount"],
            &line["tax_percent"],
            &line["price_incl_tax"],
            &line["row_total_incl_tax"]
        ],
        [&json!(30.15), &json!(8.375), &json!(39.02), &json!(390.15)]
    );
    let segments = t["total_segments"].as_array().expect("segments");
    let tax = segments
        .iter()
        .find(|s| s["code"] == "tax")
        .expect("a tax segment");
    assert_eq!(
        tax,
        &json!({"code": "tax", "title": "Tax", "value": 30.15,
            "extension_attributes": {"tax_grandtotal_details": [{"amount": 30.15,
                "rates": [{"percent": "8.375", "title": "US-NY-*-Rate 1"}], "group_id": 1}]}})
    );
    let grand = segments
        .iter()
        .find(|s| s["code"] == "grand_total")
        .expect("a grand total");
    assert_eq!(grand["value"], json!(440.15));
    let mut pay = tut("step09-payment-information-request.json");
    pay["email"] = json!("guest@example.com");
    let placed = app
        .post_anonymous(&format!("{base}/payment-information"), &pay)
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    let id = placed.body.as_str().expect("order id").to_owned();
    let order = app.get(&format!("/rest/V1/orders/{id}"), &admin).await.body;
    assert_eq!(
        (
            &order["tax_amount"],
            &order["subtotal_incl_tax"],
            &order["grand_total"]
        ),
        (&json!(30.15), &json!(390.15), &json!(440.15))
    );
    let item = &order["items"][0];
    assert_eq!(
        [
            &item["tax_amount"],
            &item["tax_percent"],
            &item["price_incl_tax"],
            &item["row_total_incl_tax"]
        ],
        [&json!(30.15), &json!(8.375), &json!(39.02), &json!(390.15)]
    );
    let applied = json!({"code": "US-NY-*-Rate 1", "title": "US-NY-*-Rate 1", "percent": 8.375,
        "amount": 30.15, "base_amount": 30.15});
    let ext = &order["extension_attributes"];
    assert_eq!(ext["applied_taxes"], json!([applied]));
    assert_eq!(
        ext["item_applied_taxes"],
        json!([{"type": "product", "item_id": item["item_id"], "applied_taxes": [applied]}])
    );
    assert_eq!(
        ext["taxes"],
        json!([{"tax_id": 1, "order_id": order["entity_id"], "code": "US-NY-*-Rate 1",
            "title": "US-NY-*-Rate 1", "percent": 8.375, "amount": 30.15, "base_amount": 30.15,
            "base_real_amount": 30.15, "priority": 0, "position": 0, "process": 0}])
    );
    let invoiced = app
        .post(
            &format!("/rest/V1/order/{id}/invoice"),
            &admin,
            &json!({"capture": true}),
        )
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let invoice_id = invoiced.body.as_str().expect("invoice id").to_owned();
    let invoice = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &admin)
        .await
        .body;
    assert_eq!(
        (&invoice["tax_amount"], &invoice["grand_total"]),
        (&json!(30.15), &json!(440.15))
    );
    // Credit memos refund the tax with the goods (Creditmemo\Total\Tax): 3 backpacks without
    // shipping take 30.15 / 10 × 3 = 9.045, 9.05; the rest takes what is left, 21.10, and the
    // order, refunded whole, closes.
    let item_id = order["items"][0]["item_id"].clone();
    let first = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &admin,
            &json!({"items": [{"order_item_id": item_id, "qty": 3}],
                "arguments": {"shipping_amount": 0}}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let memo = app
        .get(
            &format!("/rest/V1/creditmemo/{}", first.body.as_str().expect("id")),
            &admin,
        )
        .await
        .body;
    assert_eq!(
        (
            &memo["subtotal"],
            &memo["tax_amount"],
            &memo["grand_total"],
            &memo["items"][0]["tax_amount"]
        ),
        (&json!(108), &json!(9.05), &json!(117.05), &json!(9.05))
    );
    let rest = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &admin,
            &json!({"items": [{"order_item_id": item_id, "qty": 7}]}),
        )
        .await;
    assert_eq!(rest.status, StatusCode::OK, "{:?}", rest.body);
    let memo = app
        .get(
            &format!("/rest/V1/creditmemo/{}", rest.body.as_str().expect("id")),
            &admin,
        )
        .await
        .body;
    assert_eq!(
        (
            &memo["tax_amount"],
            &memo["shipping_amount"],
            &memo["grand_total"]
        ),
        (&json!(21.1), &json!(50), &json!(323.1))
    );
    let order = app.get(&format!("/rest/V1/orders/{id}"), &admin).await.body;
    assert_eq!(
        (
            &order["state"],
            &order["tax_refunded"],
            &order["total_refunded"]
        ),
        (&json!("closed"), &json!(30.15), &json!(440.15))
    );
}

/// No rule matches: another state's rate, another product class, or a cart without an
/// address (the store's default, the US with no region) pay nothing.
#[tokio::test]
async fn a_cart_outside_the_rules_pays_no_tax() {
    let app = spawn_app().await;
    let admin = app.token().await;
    new_york_rule(&app, &admin).await;
    let base = backpacks(&app, 1).await;
    let totals = app.get(&format!("{base}/totals"), "").await.body;
    assert_eq!(
        (&totals["tax_amount"], &totals["grand_total"]),
        (&json!(0), &json!(36))
    );
    let mut california = tut("step08-shipping-information-request.json");
    for kind in ["shipping_address", "billing_address"] {
        let a = &mut california["addressInformation"][kind];
        a["region_id"] = json!(12);
        a["region"] = json!("California");
        a["region_code"] = json!("CA");
        a["postcode"] = json!("90210");
    }
    let info = app
        .post_anonymous(&format!("{base}/shipping-information"), &california)
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let t = &info.body["totals"];
    assert_eq!(
        (&t["tax_amount"], &t["grand_total"]),
        (&json!(0), &json!(41))
    );
    let tax = t["total_segments"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["code"] == "tax"))
        .cloned();
    assert_eq!(
        tax,
        Some(json!({"code": "tax", "title": "Tax", "value": 0,
            "extension_attributes": {"tax_grandtotal_details": []}}))
    );
}
