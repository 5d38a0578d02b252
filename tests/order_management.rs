//! `POST /V1/orders/{id}/hold`, `/unhold` and `/cancel` (sales.md 1.2; inventory.md 3.2).

use crate::common;

use common::{spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn call(app: &TestApp, token: &str, id: i64, action: &str) -> common::Reply {
    app.post(
        &format!("/rest/default/V1/orders/{id}/{action}"),
        token,
        &json!({}),
    )
    .await
}

async fn order(app: &TestApp, token: &str, fields: &str) -> Value {
    app.get(&format!("/rest/V1/orders/3?fields={fields}"), token)
        .await
        .body
}

/// Imports an order of a configurable line (2), its simple (2, price 0) and a plain line (3
/// at 5), all of 24-WB03: its id and the configurable line's item id.
async fn configurable_order(app: &TestApp, token: &str) -> (i64, i64) {
    let product = app.get("/rest/V1/products/24-WB03", token).await.body;
    let parent = app.next_order_item_id(token).await;
    let id = app
        .create_order(
            token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "24-WB03", "name": "Configurable", "product_type": "configurable",
                        "product_id": 999_999, "qty_ordered": 2, "price": 10},
                       {"sku": "24-WB03", "name": "Simple", "product_type": "simple",
                        "product_id": product["id"], "qty_ordered": 2, "price": 0,
                        "parent_item_id": parent},
                       {"sku": "24-WB03", "name": "Plain", "product_type": "simple",
                        "product_id": product["id"], "qty_ordered": 3, "price": 5}]}),
        )
        .await;
    (id, parent)
}

/// Each item's `keys` of order `id`, as arrays.
async fn item_figures(app: &TestApp, token: &str, id: i64, keys: &[&str]) -> Vec<Value> {
    let order = app.get(&format!("/rest/V1/orders/{id}"), token).await.body;
    order["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| Value::Array(keys.iter().map(|k| i[*k].clone()).collect()))
        .collect()
}

#[tokio::test]
async fn hold_then_unhold_restores_the_state() {
    let app = spawn_app().await;
    let token = app.token().await;
    let held = call(&app, &token, 3, "hold").await;
    assert_eq!((held.status, held.body), (StatusCode::OK, json!(true)));
    assert_eq!(
        order(
            &app,
            &token,
            "state,status,hold_before_state,hold_before_status"
        )
        .await,
        json!({"hold_before_state": "new", "hold_before_status": "pending",
               "state": "holded", "status": "holded"})
    );
    // A held order cannot be invoiced, held again, or canceled.
    let refused = app.invoice(&token, 3, &json!({})).await;
    assert_eq!(
        refused.body,
        json!({"message": "Invoice Document Validation Error(s):\nAn invoice cannot be created when an order has a status of holded"})
    );
    let before = app.snapshot().await;
    let again = call(&app, &token, 3, "hold").await;
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "A hold action is not available."})
        )
    );
    let cancel = call(&app, &token, 3, "cancel").await;
    assert_eq!((cancel.status, cancel.body), (StatusCode::OK, json!(false)));
    assert_eq!(app.snapshot().await, before);

    let status = app.get("/rest/V1/orders/3/statuses", &token).await;
    assert_eq!(
        (status.status, status.body),
        (StatusCode::OK, json!("holded"))
    );
    let released = call(&app, &token, 3, "unhold").await;
    assert_eq!(
        (released.status, released.body),
        (StatusCode::OK, json!(true))
    );
    assert_eq!(
        order(&app, &token, "state,status,hold_before_state").await,
        json!({"state": "new", "status": "pending"})
    );
    let again = call(&app, &token, 3, "unhold").await;
    assert_eq!(
        (again.status, again.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "You cannot remove the hold."})
        )
    );
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
}

#[tokio::test]
async fn cancel_releases_the_reservations_and_records_the_canceled_figures() {
    let app = spawn_app().await;
    let token = app.token().await;
    let canceled = call(&app, &token, 3, "cancel").await;
    assert_eq!(
        (canceled.status, canceled.body),
        (StatusCode::OK, json!(true))
    );
    assert_eq!(
        order(&app, &token, "state,status,subtotal_canceled,discount_canceled,shipping_canceled,total_canceled,items[qty_canceled]").await,
        json!({
            "discount_canceled": 404.4,
            "shipping_canceled": 300,
            "state": "canceled",
            "status": "canceled",
            "subtotal_canceled": 2022,
            "total_canceled": 1917.6,
            "items": [{"qty_canceled": 20}, {"qty_canceled": 40}, {"qty_canceled": 1}]
        })
    );
    // The order_placed reservations are compensated: everything on hand is salable again.
    assert_eq!(app.salable(&token, "24-WB01", 2).await, json!(100));
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(100));
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9999));

    let before = app.snapshot().await;
    let again = call(&app, &token, 3, "cancel").await;
    assert_eq!((again.status, again.body), (StatusCode::OK, json!(false)));
    let invoice = app.invoice(&token, 3, &json!({})).await;
    assert_eq!(invoice.status, StatusCode::BAD_REQUEST);
    let hold = call(&app, &token, 3, "hold").await;
    assert_eq!(hold.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn a_partly_invoiced_order_is_canceled_for_the_rest_only() {
    let app = spawn_app().await;
    let token = app.token().await;
    let invoice = app
        .invoice(
            &token,
            3,
            &json!({"items": [{"order_item_id": 3, "qty": 10}]}),
        )
        .await;
    assert_eq!(invoice.body, json!("3"));
    let paid = order(&app, &token, "total_paid").await["total_paid"].clone();
    assert_eq!(call(&app, &token, 3, "cancel").await.body, json!(true));
    let after = order(
        &app,
        &token,
        "state,total_canceled,discount_canceled,items[qty_canceled]",
    )
    .await;
    // abs(-404.4) - abs(-72): the discount not invoiced (Order::registerCancellation).
    assert_eq!(after["discount_canceled"], json!(332.4));
    // Ten backpacks are paid and still to ship: the order stays processing.
    assert_eq!(after["state"], json!("processing"));
    assert_eq!(
        after["items"],
        json!([{"qty_canceled": 10}, {"qty_canceled": 40}, {"qty_canceled": 1}])
    );
    // Canceled + paid = grand total, exactly.
    let dec = |v: &Value| {
        v.to_string()
            .parse::<rust_decimal::Decimal>()
            .expect("a number")
    };
    assert_eq!(
        dec(&after["total_canceled"]) + dec(&paid),
        "1917.6".parse::<rust_decimal::Decimal>().unwrap()
    );
    // 24-WB03: 10 of the 20 reserved units are given back.
    assert_eq!(app.salable(&token, "24-WB03", 2).await, json!(90));
}

#[tokio::test]
async fn management_calls_need_their_acl_and_an_existing_order() {
    let app = spawn_app().await;
    let token = app.token().await;
    for (action, resource) in [
        ("hold", "Magento_Sales::hold"),
        ("unhold", "Magento_Sales::unhold"),
        ("cancel", "Magento_Sales::cancel"),
    ] {
        let reply = app
            .send(
                reqwest::Method::POST,
                &format!("/rest/V1/orders/3/{action}"),
                None,
                None,
                None,
            )
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::UNAUTHORIZED,
                json!({"message": "The consumer isn't authorized to access %resources.",
                       "parameters": {"resources": resource}})
            )
        );
        let missing = call(&app, &token, 99, action).await;
        assert_eq!(
            (missing.status, missing.body),
            (
                StatusCode::NOT_FOUND,
                json!({"message": "The entity that was requested doesn't exist. Verify the entity and try again."})
            )
        );
    }
}

/// Issue 7, defect 3: a second cancel must not revive an item the first one canceled wholly.
/// `Order\Item::cancel()` skips an item whose `getStatusId()` is STATUS_CANCELED; items in
/// another status are reset to `getQtyToCancel()` as Magento does (see `sales::order_management::cancel`).
#[tokio::test]
async fn a_second_cancel_leaves_a_wholly_canceled_item_alone() {
    let app = spawn_app().await;
    let token = app.token().await;
    let shipped = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 4, "qty": 9}],
                    "arguments": {"extension_attributes": {"source_code": "west_wh"}}}),
        )
        .await;
    assert_eq!(shipped.body, json!("3"));
    let invoiced = app
        .invoice(
            &token,
            3,
            &json!({"items": [{"order_item_id": 3, "qty": 10}]}),
        )
        .await;
    assert_eq!(invoiced.body, json!("3"));
    assert_eq!(call(&app, &token, 3, "cancel").await.body, json!(true));
    assert_eq!(
        order(&app, &token, "state,items[qty_canceled]").await,
        json!({"state": "processing",
               "items": [{"qty_canceled": 10}, {"qty_canceled": 31}, {"qty_canceled": 1}]})
    );
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9999));

    // Nine shipped yoga bags are still to invoice, so Magento lets the order be canceled again.
    assert_eq!(call(&app, &token, 3, "cancel").await.body, json!(true));
    let items = order(&app, &token, "items[sku,qty_canceled]").await;
    assert_eq!(
        items["items"][2],
        json!({"sku": "240-LV06", "qty_canceled": 1}),
        "the wholly canceled download stays canceled"
    );
    // Magento's own quirk, kept: the two partly processed items are not in status "canceled",
    // so cancel() sets them to getQtyToCancel(), which is 0 for both by now.
    assert_eq!(
        items["items"],
        json!([{"sku": "24-WB03", "qty_canceled": 0}, {"sku": "24-WB01", "qty_canceled": 0},
               {"sku": "240-LV06", "qty_canceled": 1}])
    );
    // The canceled download cannot be invoiced, and its units stay salable exactly once.
    let before = app.snapshot().await;
    let refused = app
        .invoice(
            &token,
            3,
            &json!({"items": [{"order_item_id": 5, "qty": 1}]}),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        refused.body
    );
    assert_eq!(app.snapshot().await, before);
    assert_eq!(app.salable(&token, "240-LV06", 2).await, json!(9999));
}

/// The cancel's `order_canceled` reservation names the catalog SKU of the line's product
/// (`GetSkuFromOrderItem` looks it up by product id), not the SKU the line was imported with.
#[tokio::test]
async fn a_cancel_gives_back_the_catalog_skus_units() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = app.get("/rest/V1/products/24-WB01", &token).await.body;
    let id = app
        .create_order(
            &token,
            json!({
                "customer_email": "xl@example.com",
                "items": [{"sku": "24-WB01-XL", "name": "Voyage Yoga Bag XL", "product_id": product["id"],
                           "product_type": "simple", "qty_ordered": 2, "price": 32}],
                "billing_address": {"firstname": "X", "lastname": "L", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "checkmo"}
            }),
        )
        .await;
    let before = app.salable(&token, "24-WB01", 2).await;
    assert_eq!(call(&app, &token, id, "cancel").await.body, json!(true));
    let after = app.salable(&token, "24-WB01", 2).await;
    assert_eq!(
        after.as_f64().unwrap() - before.as_f64().unwrap(),
        2.0,
        "{before} -> {after}"
    );
}

/// A configurable's simple is a dummy both ways (`Order\Item::isDummy`: its parent has no
/// `product_calculations` of 0 and is not shipped separately), so `getQtyToCancel` is 0 for it:
/// a cancel leaves its `qty_canceled` at 0 while the configurable line and a plain line are
/// canceled. And once the configurable line and the plain line are invoiced, nothing is left
/// to invoice (the simple's own figures do not count): `canCancel` refuses, `cancel` answers
/// false and changes nothing.
#[tokio::test]
async fn a_configurables_simple_is_never_canceled_itself() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (id, _) = configurable_order(&app, &token).await;
    let r = call(&app, &token, id, "cancel").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let order = app.get(&format!("/rest/V1/orders/{id}"), &token).await.body;
    assert_eq!(order["state"], json!("canceled"));
    assert_eq!(
        item_figures(&app, &token, id, &["qty_invoiced", "qty_canceled"]).await,
        vec![json!([0, 2]), json!([0, 0]), json!([0, 3])]
    );

    let (id, parent) = configurable_order(&app, &token).await;
    let invoiced = app
        .invoice(
            &token,
            id,
            &json!({"items": [{"order_item_id": parent, "qty": 2},
                              {"order_item_id": parent + 2, "qty": 3}]}),
        )
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let before = app.snapshot().await;
    let r = call(&app, &token, id, "cancel").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(false)));
    assert_eq!(app.snapshot().await, before);
}

/// `Order\Item::cancel()`: `tax_canceled` gains the line's *base* tax times the share canceled
/// (Magento's own line, base figure in the non-base column) and
/// `discount_tax_compensation_canceled` the same share of the compensation; both stay null
/// until a cancel, then are numbers (0 on the tutorial's untaxed lines).
#[tokio::test]
async fn a_cancel_records_each_lines_canceled_tax() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = app.get("/rest/V1/products/24-WB03", &token).await.body;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com",
                   "items": [
                       {"sku": "24-WB03", "name": "Taxed", "product_type": "simple",
                        "product_id": product["id"], "qty_ordered": 3, "price": 10,
                        "tax_amount": 10, "base_tax_amount": 8,
                        "discount_tax_compensation_amount": 0.5,
                        "base_discount_tax_compensation_amount": 0.4},
                       {"sku": "24-WB03", "name": "Untaxed", "product_type": "simple",
                        "product_id": product["id"], "qty_ordered": 1, "price": 5}]}),
        )
        .await;
    let taxes = |order: &Value| -> Vec<Value> {
        order["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                json!([
                    i.get("tax_canceled"),
                    i.get("discount_tax_compensation_canceled")
                ])
            })
            .collect()
    };
    let path = format!("/rest/V1/orders/{id}");
    let order = app.get(&path, &token).await.body;
    assert_eq!(
        taxes(&order),
        vec![json!([null, null]), json!([null, null])]
    );
    let first = order["items"][0]["item_id"].as_i64().unwrap();
    let invoiced = app
        .invoice(
            &token,
            id,
            &json!({"items": [{"order_item_id": first, "qty": 1}]}),
        )
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let r = call(&app, &token, id, "cancel").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let order = app.get(&path, &token).await.body;
    // Two of three units canceled: 8 × 2/3 and 0.5 × 2/3, at four places.
    assert_eq!(taxes(&order), vec![json!([5.3333, 0.3333]), json!([0, 0])]);
    let r = call(&app, &token, 3, "cancel").await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let order = app.get("/rest/V1/orders/3", &token).await.body;
    assert!(taxes(&order).iter().all(|t| *t == json!([0, 0])), "{order}");
}

/// `InvoiceService::prepareInvoice` with named lines: the configurable's simple, not named,
/// takes its parent's quantity (`prepareItemsQty`), so the invoice holds it and its
/// `qty_invoiced` follows the parent's. A line without an order item id is PHP's `""` key,
/// which `isset($qtys[$item->getParentItemId()])` finds for every line without a parent: each
/// such line not named takes that quantity.
#[tokio::test]
async fn an_invoice_gives_a_configurables_simple_its_parents_quantity() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (id, parent) = configurable_order(&app, &token).await;
    let invoiced = app
        .invoice(
            &token,
            id,
            &json!({"items": [{"order_item_id": parent, "qty": 1}]}),
        )
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let invoice_id = invoiced.body.as_str().unwrap().to_owned();
    let invoice = app
        .get(&format!("/rest/V1/invoices/{invoice_id}"), &token)
        .await
        .body;
    let lines: Vec<Value> = invoice["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!([i["order_item_id"], i["qty"]]))
        .collect();
    // (The plain line's quantity 0 is no line of the saved invoice.)
    assert_eq!(lines, vec![json!([parent, 1]), json!([parent + 1, 1])]);
    assert_eq!(
        item_figures(&app, &token, id, &["qty_invoiced"]).await,
        vec![json!([1]), json!([1]), json!([0])]
    );

    // A line without an id: the configurable (no parent) and the plain line take its 1, the
    // simple its parent's.
    let invoiced = app
        .invoice(&token, id, &json!({"items": [{"qty": 1}]}))
        .await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    assert_eq!(
        item_figures(&app, &token, id, &["qty_invoiced"]).await,
        vec![json!([2]), json!([2]), json!([1])]
    );
}

/// `CreditmemoFactory::createByOrder` with named lines: the configurable's simple, not named,
/// is refunded with its parent's quantity (`canRefundDummyItemWithParent`,
/// `calculateProductOptions`), and naming the simple itself is `CreationQuantityValidator`'s
/// refusal of a dummy.
#[tokio::test]
async fn a_refund_gives_a_configurables_simple_its_parents_quantity() {
    let app = spawn_app().await;
    let token = app.token().await;
    let (id, parent) = configurable_order(&app, &token).await;
    let invoiced = app.invoice(&token, id, &json!({})).await;
    assert_eq!(invoiced.status, StatusCode::OK, "{:?}", invoiced.body);
    let before = app.snapshot().await;
    let refused = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &token,
            &json!({"items": [{"order_item_id": parent + 1, "qty": 1}]}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Creditmemo Document Validation Error(s):\nThe creditmemo contains incorrect product items."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let refunded = app
        .post(
            &format!("/rest/V1/order/{id}/refund"),
            &token,
            &json!({"items": [{"order_item_id": parent, "qty": 1}],
                    "arguments": {"shipping_amount": 0}}),
        )
        .await;
    assert_eq!(refunded.status, StatusCode::OK, "{:?}", refunded.body);
    assert_eq!(
        item_figures(&app, &token, id, &["qty_invoiced", "qty_refunded"]).await,
        vec![json!([2, 1]), json!([2, 1]), json!([3, 0])]
    );
}

/// A bundle its children calculate (`product_calculations` 0) is a dummy for invoicing: the
/// collectors pass it by (`Invoice\Total\Subtotal`, `Discount`, `Tax`, `Invoice::isLast`), so
/// an invoice of one child bills that child's row only, and the next one the other's.
#[tokio::test]
async fn an_invoice_bills_a_dynamic_bundles_children_not_the_bundle() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = app.get("/rest/V1/products/24-WB03", &token).await.body;
    let parent = app.next_order_item_id(&token).await;
    let child = |name: &str, row: i64| {
        json!({"sku": "24-WB03", "name": name, "product_type": "simple",
               "product_id": product["id"], "qty_ordered": 1, "price": row,
               "base_price": row, "row_total": row, "base_row_total": row,
               "parent_item_id": parent})
    };
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "c@example.com", "subtotal": 100, "base_subtotal": 100,
                   "grand_total": 100, "base_grand_total": 100,
                   "items": [
                       {"sku": "24-WB03", "name": "Bundle", "product_type": "bundle",
                        "product_id": 999_999, "qty_ordered": 1, "price": 100,
                        "base_price": 100, "row_total": 100, "base_row_total": 100,
                        "product_option": {"product_calculations": 0}},
                       child("A", 60),
                       child("B", 40)]}),
        )
        .await;
    let subtotal_of = |reply: common::Reply| {
        let app = &app;
        let token = &token;
        async move {
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            let invoice = reply.body.as_str().unwrap().to_owned();
            app.get(&format!("/rest/V1/invoices/{invoice}"), token)
                .await
                .body["subtotal"]
                .clone()
        }
    };
    let first = app
        .invoice(
            &token,
            id,
            &json!({"items": [{"order_item_id": parent + 1, "qty": 1}]}),
        )
        .await;
    assert_eq!(subtotal_of(first).await, json!(60));
    let second = app
        .invoice(
            &token,
            id,
            &json!({"items": [{"order_item_id": parent + 2, "qty": 1}]}),
        )
        .await;
    assert_eq!(subtotal_of(second).await, json!(40));
}
