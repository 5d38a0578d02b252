//! The order's tax extension attributes (Magento 2.4.8 module-tax): `taxes`,
//! `additional_itemized_taxes` and the items' `itemized_taxes`, written by `POST /V1/orders`
//! (import and save by id) and read back, with `applied_taxes` / `item_applied_taxes` built from
//! them.

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn taxed_order() -> Value {
    json!({"entity": {
        "customer_email": "tax@example.com",
        "shipping_amount": 5, "tax_amount": 1.09, "grand_total": 16.09,
        "items": [
            {"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 10,
             "tax_amount": 0.84, "tax_percent": 8.375,
             "extension_attributes": {"itemized_taxes": [
                {"tax_code": "US-NY-*-Rate 1", "tax_percent": 8.375, "amount": 0.84,
                 "base_amount": 0.84, "real_amount": 0.84, "real_base_amount": 0.84,
                 "taxable_item_type": "product"}]}}
        ],
        "billing_address": {"firstname": "T", "lastname": "Ax", "street": ["1 Main St"],
            "city": "New York", "postcode": "10001", "country_id": "US", "telephone": "1"},
        "payment": {"method": "checkmo"},
        "extension_attributes": {
            "taxes": [{"code": "US-NY-*-Rate 1", "title": "US-NY-*-Rate 1", "percent": 8.375,
                       "amount": 1.09, "base_amount": 1.09, "base_real_amount": 1.09,
                       "priority": 0, "position": 0, "process": 0}],
            "additional_itemized_taxes": [
                {"tax_code": "US-NY-*-Rate 1", "tax_percent": 8.375, "amount": 0.25,
                 "base_amount": 0.25, "real_amount": 0.25, "real_base_amount": 0.25,
                 "taxable_item_type": "shipping"}]
        }
    }})
}

async fn order(app: &TestApp, token: &str, id: i64) -> Value {
    let r = app.get(&format!("/rest/V1/orders/{id}"), token).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    r.body
}

#[tokio::test]
async fn an_imported_order_reads_its_taxes_back() {
    let app = spawn_app().await;
    let token = app.token().await;
    let reply = app.post("/rest/V1/orders", &token, &taxed_order()).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let id = reply.body["entity_id"].as_i64().expect("id");
    let o = order(&app, &token, id).await;
    let item_id = o["items"][0]["item_id"].as_i64().expect("item id");
    let ext = &o["extension_attributes"];
    let tax_id = ext["taxes"][0]["tax_id"].clone();
    assert_eq!(
        ext["taxes"],
        json!([{"tax_id": tax_id, "order_id": id, "code": "US-NY-*-Rate 1",
                "title": "US-NY-*-Rate 1", "percent": 8.375, "amount": 1.09, "base_amount": 1.09,
                "base_real_amount": 1.09, "priority": 0, "position": 0, "process": 0}])
    );
    let shipping_item = ext["additional_itemized_taxes"][0]["tax_item_id"].clone();
    assert_eq!(
        ext["additional_itemized_taxes"],
        json!([{"tax_item_id": shipping_item, "tax_id": tax_id, "tax_code": "US-NY-*-Rate 1",
                "tax_percent": 8.375, "amount": 0.25, "base_amount": 0.25, "real_amount": 0.25,
                "real_base_amount": 0.25, "taxable_item_type": "shipping"}])
    );
    let product_item =
        o["items"][0]["extension_attributes"]["itemized_taxes"][0]["tax_item_id"].clone();
    assert_eq!(
        o["items"][0]["extension_attributes"],
        json!({"itemized_taxes": [{"tax_item_id": product_item, "tax_id": tax_id,
            "item_id": item_id, "tax_code": "US-NY-*-Rate 1", "tax_percent": 8.375,
            "amount": 0.84, "base_amount": 0.84, "real_amount": 0.84, "real_base_amount": 0.84,
            "taxable_item_type": "product"}]})
    );
    // TaxManagement::getOrderTaxDetails: per taxable, then per code over the order.
    assert_eq!(
        ext["applied_taxes"],
        json!([{"code": "US-NY-*-Rate 1", "title": "US-NY-*-Rate 1", "percent": 8.375,
                "amount": 1.09, "base_amount": 1.09}])
    );
    assert_eq!(
        ext["item_applied_taxes"],
        json!([
            {"type": "product", "item_id": item_id, "applied_taxes": [
                {"code": "US-NY-*-Rate 1", "title": "US-NY-*-Rate 1", "percent": 8.375,
                 "amount": 0.84, "base_amount": 0.84}]},
            {"type": "shipping", "applied_taxes": [
                {"code": "US-NY-*-Rate 1", "title": "US-NY-*-Rate 1", "percent": 8.375,
                 "amount": 0.25, "base_amount": 0.25}]}
        ])
    );
}

/// Magento's api-functional `OrderUpdateTest::testUpdateTaxesExtensionAttributes`: the order as
/// GET gave it, with a tax's code and percent changed and the itemized taxes replaced, saved
/// by id; amounts are not recomputed; saved again without the tax attributes, they stay.
#[tokio::test]
async fn magento_update_taxes_extension_attributes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let reply = app.post("/rest/V1/orders", &token, &taxed_order()).await;
    let id = reply.body["entity_id"].as_i64().expect("id");
    let mut data = order(&app, &token, id).await;
    data["extension_attributes"]["taxes"][0]["code"] = json!("US-NY-*-Rate");
    data["extension_attributes"]["taxes"][0]["percent"] = json!(5);
    let item = &mut data["extension_attributes"]["additional_itemized_taxes"][0];
    item["tax_percent"] = json!(5);
    item["amount"] = json!(0.25);
    item["base_amount"] = json!(0.25);
    item["real_amount"] = json!(0.25);
    data["items"][0]["extension_attributes"]["itemized_taxes"] = json!([{
        "tax_percent": 5, "tax_code": "US-NY-*-Rate", "amount": 0.5, "base_amount": 0.5,
        "real_amount": 0.5, "real_base_amount": 0.5, "taxable_item_type": "product"}]);
    let saved = app
        .post("/rest/V1/orders", &token, &json!({ "entity": data }))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let result = order(&app, &token, id).await;
    let taxes = result["extension_attributes"]["taxes"].clone();
    assert_eq!(taxes.as_array().map(Vec::len), Some(1));
    assert_eq!(taxes[0]["code"], json!("US-NY-*-Rate"));
    assert_eq!(taxes[0]["percent"], json!(5));
    assert_eq!(
        taxes[0]["amount"],
        data["extension_attributes"]["taxes"][0]["amount"]
    );
    let additional = result["extension_attributes"]["additional_itemized_taxes"].clone();
    assert_eq!(additional.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (
            &additional[0]["taxable_item_type"],
            &additional[0]["tax_percent"],
            &additional[0]["amount"],
            &additional[0]["base_amount"],
            &additional[0]["real_amount"]
        ),
        (
            &json!("shipping"),
            &json!(5),
            &json!(0.25),
            &json!(0.25),
            &json!(0.25)
        )
    );
    let itemized = result["items"][0]["extension_attributes"]["itemized_taxes"].clone();
    assert_eq!(itemized.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (
            &itemized[0]["taxable_item_type"],
            &itemized[0]["tax_percent"],
            &itemized[0]["amount"],
            &itemized[0]["item_id"]
        ),
        (
            &json!("product"),
            &json!(5),
            &json!(0.5),
            &result["items"][0]["item_id"]
        )
    );

    // Saved again without the tax attributes: the stored ones stay as they are.
    let mut data = result.clone();
    let ext = data["extension_attributes"].as_object_mut().expect("ext");
    ext.remove("taxes");
    ext.remove("additional_itemized_taxes");
    let saved = app
        .post("/rest/V1/orders", &token, &json!({ "entity": data }))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let again = order(&app, &token, id).await;
    assert_eq!(again["extension_attributes"]["taxes"], taxes);
    assert_eq!(
        again["extension_attributes"]["additional_itemized_taxes"],
        additional
    );
    assert_eq!(
        again["items"][0]["extension_attributes"]["itemized_taxes"],
        itemized
    );
}

/// `_prepareDataForTable` leaves a null for a NOT NULL column out of the statement, and
/// Magento's MySQL connection runs with `SQL_MODE=''`: an insert stores the implicit 0 or '',
/// an update keeps the stored value.
#[tokio::test]
async fn a_tax_without_its_not_null_columns_saves_zero_or_keeps_them() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut body = taxed_order();
    let taxes = &mut body["entity"]["extension_attributes"];
    for key in ["priority", "position", "process"] {
        taxes["taxes"][0].as_object_mut().expect("tax").remove(key);
    }
    let shipping = taxes["additional_itemized_taxes"][0]
        .as_object_mut()
        .expect("tax item");
    for key in ["amount", "base_amount", "taxable_item_type"] {
        shipping.remove(key);
    }
    let reply = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let id = reply.body["entity_id"].as_i64().expect("id");
    let o = order(&app, &token, id).await;
    let ext = &o["extension_attributes"];
    let tax = &ext["taxes"][0];
    assert_eq!(
        (&tax["priority"], &tax["position"], &tax["process"]),
        (&json!(0), &json!(0), &json!(0))
    );
    let item = &ext["additional_itemized_taxes"][0];
    assert_eq!(
        (
            &item["amount"],
            &item["base_amount"],
            &item["taxable_item_type"],
            &item["real_amount"]
        ),
        (&json!(0), &json!(0), &json!(""), &json!(0.25))
    );
    // Saved again by id with priority 2, then with it null: the stored 2 stays.
    let mut save =
        json!({"entity": {"entity_id": id, "extension_attributes": {"taxes": [tax.clone()]}}});
    save["entity"]["extension_attributes"]["taxes"][0]["priority"] = json!(2);
    let reply = app.post("/rest/V1/orders", &token, &save).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    save["entity"]["extension_attributes"]["taxes"][0]["priority"] = Value::Null;
    let reply = app.post("/rest/V1/orders", &token, &save).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let o = order(&app, &token, id).await;
    assert_eq!(o["extension_attributes"]["taxes"][0]["priority"], json!(2));
}

#[tokio::test]
async fn a_tax_of_a_bad_type_writes_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    // A bad type in a tax is the input layer's error.
    let mut body = taxed_order();
    body["entity"]["extension_attributes"]["taxes"][0]["percent"] = json!("many");
    let reply = app.post("/rest/V1/orders", &token, &body).await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Error occurred during \"percent\" processing. The \"many\" value's type is invalid. The \"float\" type was expected. Verify and try again."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn orders_without_taxes_keep_their_replies() {
    let app = spawn_app().await;
    let token = app.token().await;
    // The tutorial's order 3 (no tax rows): no taxes keys, items without extension attributes.
    let o = order(&app, &token, 3).await;
    assert!(o["extension_attributes"].get("taxes").is_none());
    assert!(o["items"][0].get("extension_attributes").is_none());
    assert_eq!(o["extension_attributes"]["applied_taxes"], json!([]));
}

/// `OrderItemInterface::getParentItem`: a child line carries its whole parent on GET
/// (`Order::getItemsCollection` sets it from `parent_item_id`).
#[tokio::test]
async fn a_child_line_reads_back_with_its_parent_item() {
    let app = spawn_app().await;
    let token = app.token().await;
    let parent = app.next_order_item_id(&token).await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com", "payment": {"method": "checkmo"},
                   "items": [
                       {"sku": "MH01-XS-Black", "name": "Chaz Kangeroo Hoodie",
                        "product_type": "configurable", "qty_ordered": 1, "price": 52},
                       {"sku": "MH01-XS-Black", "name": "Chaz Kangeroo Hoodie-XS-Black",
                        "product_type": "simple", "qty_ordered": 1, "price": 0,
                        "parent_item_id": parent}]}),
        )
        .await;
    let o = order(&app, &token, id).await;
    let parent = o["items"][0].clone();
    assert!(parent.get("parent_item").is_none());
    assert_eq!(o["items"][1]["parent_item_id"], parent["item_id"]);
    assert_eq!(o["items"][1]["parent_item"], parent);
}

/// `Creditmemo\Total\Tax` through an invoice: the shipping's tax is the invoice's in the part
/// of the order's shipping refunded, so a memo by the invoice that carried no shipping refunds
/// the shipping without its tax; the memo by the order refunds what is left of it.
#[tokio::test]
async fn a_refund_by_invoice_takes_that_invoices_shipping_tax() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut entity = taxed_order();
    let e = &mut entity["entity"];
    e["items"][0]["qty_ordered"] = json!(2);
    e["items"][0]["tax_amount"] = json!(1.68);
    e["shipping_tax_amount"] = json!(0.42);
    e["base_shipping_tax_amount"] = json!(0.42);
    e["tax_amount"] = json!(2.10);
    e["base_tax_amount"] = json!(2.10);
    // A method that refunds by invoice (an offline one's `canRefund` is false).
    e["payment"] = json!({"method": "braintree"});
    let reply = app.post("/rest/V1/orders", &token, &entity).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    let id = reply.body["entity_id"].as_i64().expect("id");
    let item = reply.body["items"][0]["item_id"].clone();
    let one = json!({"capture": true, "items": [{"order_item_id": item, "qty": 1}]});
    let first = app.invoice(&token, id, &one).await;
    let second = app.invoice(&token, id, &one).await;
    assert_eq!(
        (first.status, second.status),
        (StatusCode::OK, StatusCode::OK)
    );
    let invoice = |n: &Value| {
        let n = n.as_str().expect("invoice id").to_owned();
        let (app, token) = (&app, &token);
        async move { app.get(&format!("/rest/V1/invoices/{n}"), token).await.body }
    };
    let (a, b) = (invoice(&first.body).await, invoice(&second.body).await);
    assert_eq!(
        (&a["shipping_tax_amount"], &a["tax_amount"]),
        (&json!(0.42), &json!(1.26))
    );
    assert_eq!(
        (b.get("shipping_tax_amount"), &b["tax_amount"]),
        (None, &json!(0.84))
    );
    // By the second invoice, with the whole shipping: its line's tax, no shipping tax.
    let memo = app
        .post(
            &format!(
                "/rest/V1/invoice/{}/refund",
                second.body.as_str().expect("id")
            ),
            &token,
            &json!({"items": [{"order_item_id": item, "qty": 1}],
                    "arguments": {"shipping_amount": 5}}),
        )
        .await;
    assert_eq!(memo.status, StatusCode::OK, "{:?}", memo.body);
    let m = app
        .get(
            &format!("/rest/V1/creditmemo/{}", memo.body.as_str().expect("id")),
            &token,
        )
        .await
        .body;
    assert_eq!(
        (
            &m["tax_amount"],
            &m["shipping_tax_amount"],
            &m["shipping_amount"],
            &m["grand_total"]
        ),
        (&json!(0.84), &json!(0), &json!(5), &json!(15.84))
    );
}
