//! Placing an order through checkout with an online method (checkout::payment): which methods
//! carts are offered by configuration, the authorization at placement and its capture by a later
//! invoice, authorize_capture invoicing at placement, the sandbox declines, a guest cart.
//!
//! The seed holds orders 1 to 3 and no payment transaction: the first order placed here is 4,
//! its payment 4, its first transaction 1.

use crate::common;

use common::{fixture, spawn_app, spawn_app_with, TestApp};
use magemu::config::{OnlineMethod, PaymentAction};
use reqwest::StatusCode;
use serde_json::{json, Value};

const JANE: (&str, &str) = ("jdoe@example.com", "Password1");
const NONCE: &str = "fake-valid-nonce";
const TAKEN: &str =
    "Your payment could not be taken. Please try again or use a different payment method.";

/// A sandbox store with both online methods on, braintree with `braintree_action`.
async fn sandbox(braintree_action: PaymentAction) -> TestApp {
    spawn_app_with(|c| {
        c.online_payment_methods = vec![OnlineMethod::Braintree, OnlineMethod::PaypalExpress];
        c.braintree_payment_action = braintree_action;
    })
    .await
}

fn billing() -> Value {
    fixture("tutorial/step09-payment-information-request.json")["billing_address"].clone()
}

fn pay(method: &str, additional_data: Value) -> Value {
    json!({"paymentMethod": {"method": method, "additional_data": additional_data},
           "billing_address": billing()})
}

/// Adds `qty` of `sku` to the customer's cart.
async fn add(app: &TestApp, token: &str, sku: &str, qty: i64) {
    let added = app
        .post(
            "/rest/V1/carts/mine/items",
            token,
            &json!({"cartItem": {"sku": sku, "qty": qty}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
}

/// Jane's cart with `qty` of `sku`, shipped by flat rate: the shipping-information reply.
async fn jane_cart(app: &TestApp, sku: &str, qty: i64) -> (String, Value) {
    let jane = app.customer_token(JANE.0, JANE.1).await;
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    add(app, &jane, sku, qty).await;
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    (jane, info.body)
}

async fn place(app: &TestApp, token: &str, body: &Value) -> common::Reply {
    app.post("/rest/V1/carts/mine/payment-information", token, body)
        .await
}

async fn fields(app: &TestApp, token: &str, path: &str, fields: &str) -> Value {
    app.get(&format!("{path}?fields={fields}"), token)
        .await
        .body
}

/// `v` without its `created_at` keys, at any depth.
fn untimed(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| *k != "created_at")
                .map(|(k, v)| (k.clone(), untimed(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(untimed).collect()),
        other => other.clone(),
    }
}

async fn transactions_of(app: &TestApp, token: &str, order_id: i64) -> Value {
    let list = app
        .get(
            &format!("/rest/V1/transactions?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]={order_id}"),
            token,
        )
        .await;
    assert_eq!(list.status, StatusCode::OK, "{:?}", list.body);
    untimed(&list.body["items"])
}

fn string_at(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} in {v}"))
        .to_owned()
}

#[tokio::test]
async fn configuration_decides_which_methods_carts_are_offered() {
    // By default, the tutorial's store: checkmo and banktransfer only, as its replies show.
    let app = spawn_app().await;
    let (jane, info) = jane_cart(&app, "24-WB03", 2).await;
    let offline = json!([{"code": "checkmo", "title": "Check / Money order"},
                         {"code": "banktransfer", "title": "Bank Transfer Payment"}]);
    assert_eq!(info["payment_methods"], offline);
    let before = app.snapshot().await;
    let refused = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The requested Payment Method is not available."})
        )
    );
    assert_eq!(app.snapshot().await, before);

    // A sandbox store: the online methods after the offline ones, in config order.
    let app = sandbox(PaymentAction::Authorize).await;
    let (jane, info) = jane_cart(&app, "24-WB03", 2).await;
    let all = json!([{"code": "checkmo", "title": "Check / Money order"},
                     {"code": "banktransfer", "title": "Bank Transfer Payment"},
                     {"code": "paypal_express", "title": "PayPal Express Checkout"},
                     {"code": "braintree", "title": "Credit Card"}]);
    assert_eq!(info["payment_methods"], all);
    let listed = app.get("/rest/V1/carts/mine/payment-methods", &jane).await;
    assert_eq!(listed.body, all);
    // An offline method still places a pending order with no transaction.
    let placed = place(&app, &jane, &pay("checkmo", json!({}))).await;
    assert_eq!(placed.body, json!("4"));
    let admin = app.token().await;
    assert_eq!(
        fields(&app, &admin, "/rest/V1/orders/4", "state,status").await,
        json!({"state": "new", "status": "pending"})
    );
    assert_eq!(transactions_of(&app, &admin, 4).await, json!([]));
}

#[tokio::test]
async fn braintree_authorizes_at_placement_and_the_invoice_captures_it() {
    let app = sandbox(PaymentAction::Authorize).await;
    let admin = app.token().await;
    // Two bags at 36 (under rule 3's 200) and 2 × 5 of flat rate: 82.
    let (jane, info) = jane_cart(&app, "24-WB03", 2).await;
    assert_eq!(info["totals"]["grand_total"], json!(82));
    let placed = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(placed.status, StatusCode::OK, "{:?}", placed.body);
    assert_eq!(placed.body, json!("4"));

    // The authorization: one open transaction with the gateway's id.
    let transactions = transactions_of(&app, &admin, 4).await;
    let auth = string_at(&transactions, "/0/txn_id");
    assert_eq!(auth.len(), 8);
    assert_eq!(
        transactions,
        json!([{"transaction_id": 1, "order_id": 4, "payment_id": 4, "txn_id": auth,
                "parent_txn_id": null, "txn_type": "authorization", "is_closed": 0, "additional_information": [],
                "child_transactions": []}])
    );
    assert_eq!(
        fields(
            &app,
            &admin,
            "/rest/V1/orders/4",
            "state,status,total_due,total_paid,total_invoiced,payment"
        )
        .await,
        json!({"state": "processing", "status": "processing", "total_due": 82,
               "payment": {"account_status": null, "additional_information": ["Credit Card"],
                   "amount_authorized": 82, "amount_ordered": 82, "base_amount_authorized": 82,
                   "base_amount_ordered": 82, "base_shipping_amount": 10, "cc_last4": null,
                   "cc_trans_id": auth, "entity_id": 4, "last_trans_id": auth,
                   "method": "braintree", "parent_id": 4, "shipping_amount": 10}})
    );
    assert_eq!(
        untimed(&fields(&app, &admin, "/rest/V1/orders/4", "status_histories").await),
        json!({"status_histories": [{"comment":
                   format!("Authorized amount of $82.00. Transaction ID: \"{auth}\""),
               "entity_id": 1, "entity_name": "order", "is_customer_notified": null,
               "is_visible_on_front": 0, "parent_id": 4, "status": "processing"}]})
    );

    // An invoice with capture true captures the authorization, which it closes.
    let invoice = app.invoice(&admin, 4, &json!({"capture": true})).await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    let invoice_id = string_at(&invoice.body, "");
    let capture = string_at(
        &app.get(&format!("/rest/V1/invoices/{invoice_id}"), &admin)
            .await
            .body,
        "/transaction_id",
    );
    assert_ne!(capture, auth);
    let one = app.get("/rest/V1/transactions/1", &admin).await;
    assert_eq!(
        untimed(&one.body),
        json!({"transaction_id": 1, "order_id": 4, "payment_id": 4, "txn_id": auth,
               "parent_txn_id": null, "txn_type": "authorization", "is_closed": 1, "additional_information": [],
               "child_transactions": [{"transaction_id": 2, "parent_id": 1, "order_id": 4,
                   "payment_id": 4, "txn_id": capture, "parent_txn_id": auth,
                   "txn_type": "capture", "is_closed": 1, "additional_information": [], "child_transactions": []}]})
    );
    assert_eq!(
        fields(
            &app,
            &admin,
            "/rest/V1/orders/4",
            "state,total_paid,total_due,payment[amount_paid,amount_authorized,base_amount_paid_online,last_trans_id,cc_trans_id]"
        )
        .await,
        json!({"state": "processing", "total_due": 0, "total_paid": 82,
               "payment": {"amount_authorized": 82, "amount_paid": 82,
                   "base_amount_paid_online": 82, "cc_trans_id": auth,
                   "last_trans_id": capture}})
    );

    // Void answers true and saves nothing; an online refund is the capture's child.
    let before = app.snapshot().await;
    let void = app
        .post(
            &format!("/rest/V1/invoices/{invoice_id}/void"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(void.body, json!(true));
    assert_eq!(app.snapshot().await, before);
    let refund = app
        .post(
            &format!("/rest/V1/invoice/{invoice_id}/refund"),
            &admin,
            &json!({"isOnline": true}),
        )
        .await;
    assert_eq!(refund.status, StatusCode::OK, "{:?}", refund.body);
    let refunded = app.get("/rest/V1/transactions/2", &admin).await;
    assert_eq!(
        untimed(&refunded.body["child_transactions"]),
        json!([{"transaction_id": 3, "parent_id": 2, "order_id": 4, "payment_id": 4,
                "txn_id": format!("{capture}-refund"), "parent_txn_id": capture,
                "txn_type": "refund", "is_closed": 1, "additional_information": [], "child_transactions": []}])
    );
}

#[tokio::test]
async fn authorize_capture_invoices_and_captures_at_placement() {
    let app = sandbox(PaymentAction::AuthorizeCapture).await;
    let admin = app.token().await;
    let (jane, _) = jane_cart(&app, "24-WB03", 2).await;
    let placed = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(placed.body, json!("4"));
    let transactions = transactions_of(&app, &admin, 4).await;
    let capture = string_at(&transactions, "/0/txn_id");
    assert_eq!(
        transactions,
        json!([{"transaction_id": 1, "order_id": 4, "payment_id": 4, "txn_id": capture,
                "parent_txn_id": null, "txn_type": "capture", "is_closed": 1, "additional_information": [],
                "child_transactions": []}])
    );
    let invoices = app
        .get(
            "/rest/V1/invoices?searchCriteria[filter_groups][0][filters][0][field]=order_id&searchCriteria[filter_groups][0][filters][0][value]=4&fields=total_count,items[entity_id,state,grand_total,transaction_id,email_sent]",
            &admin,
        )
        .await;
    assert_eq!(
        invoices.body,
        json!({"items": [{"email_sent": 1, "entity_id": 3, "grand_total": 82,
                          "state": 2, "transaction_id": capture}],
               "total_count": 1})
    );
    assert_eq!(
        fields(
            &app,
            &admin,
            "/rest/V1/orders/4",
            "state,status,total_invoiced,total_paid,total_due,payment[amount_authorized,base_amount_authorized,amount_paid,base_amount_paid_online,shipping_captured,last_trans_id,cc_trans_id]"
        )
        .await,
        json!({"state": "processing", "status": "processing", "total_due": 0,
               "total_invoiced": 82, "total_paid": 82,
               "payment": {"amount_authorized": 82, "amount_paid": 82,
                   "base_amount_authorized": 82, "base_amount_paid_online": 82,
                   "cc_trans_id": capture, "last_trans_id": capture,
                   "shipping_captured": 10}})
    );
    assert_eq!(
        fields(
            &app,
            &admin,
            "/rest/V1/orders/4",
            "status_histories[comment,entity_name,status]"
        )
        .await,
        json!({"status_histories": [{"comment":
                   format!("Captured amount of $82.00 online. Transaction ID: \"{capture}\""),
               "entity_name": "invoice", "status": "processing"}]})
    );
    // Nothing is left to capture: a second invoice is refused as for any invoiced order.
    let again = app.invoice(&admin, 4, &json!({"capture": true})).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);

    // A virtual cart, invoiced in full and with nothing to ship, ends complete
    // (ResourceModel\Order\Handler\State::check on the order's save).
    let rival = app
        .post_anonymous(
            "/rest/V1/customers",
            &json!({"customer": {"email": "rival@example.com", "firstname": "Rita",
                    "lastname": "Rival"}, "password": "Password1"}),
        )
        .await;
    assert_eq!(rival.status, StatusCode::OK, "{:?}", rival.body);
    let rita = app.customer_token("rival@example.com", "Password1").await;
    app.post("/rest/V1/carts/mine", &rita, &json!({})).await;
    app.post(
        "/rest/V1/carts/mine/items",
        &rita,
        &json!({"cartItem": {"sku": "240-LV06", "qty": 1}}),
    )
    .await;
    let placed = place(
        &app,
        &rita,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(placed.body, json!("5"), "{:?}", placed.body);
    assert_eq!(
        fields(&app, &admin, "/rest/V1/orders/5", "state,status,total_paid").await,
        json!({"state": "complete", "status": "complete", "total_paid": 22})
    );
}

#[tokio::test]
async fn declines_refuse_the_placement_and_write_nothing() {
    let app = sandbox(PaymentAction::Authorize).await;
    // 13 backpacks and 51 bags: 2100 less rule 3's 20 % plus 64 × 5 of shipping = 2000, which
    // Braintree's sandbox declines with processor response 2000.
    let (jane, _) = jane_cart(&app, "24-WB03", 13).await;
    add(&app, &jane, "24-WB01", 51).await;
    let totals = app.get("/rest/V1/carts/mine/totals", &jane).await;
    assert_eq!(totals.body["grand_total"], json!(2000));
    let before = app.snapshot().await;
    for (body, message) in [
        (
            pay("braintree", json!({"payment_method_nonce": NONCE})),
            format!("{TAKEN} Do Not Honor"),
        ),
        (
            pay("braintree", json!({})),
            format!("{TAKEN} Cannot determine payment method."),
        ),
        (
            pay("paypal_express", json!({})),
            "PayPal gateway has rejected request. Express Checkout token is missing (#10408: Missing token).".to_owned(),
        ),
    ] {
        let refused = place(&app, &jane, &body).await;
        assert_eq!(
            (refused.status, refused.body),
            (StatusCode::BAD_REQUEST, json!({"message": message}))
        );
        assert_eq!(app.snapshot().await, before, "{message}");
    }
    // PUT .../order answers the gateway's refusal itself, with the same body.
    let refused = app
        .put(
            "/rest/V1/carts/mine/order",
            &jane,
            &json!({"paymentMethod": {"method": "braintree",
                    "additional_data": {"payment_method_nonce": NONCE}}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": format!("{TAKEN} Do Not Honor")})
        )
    );
    assert_eq!(app.snapshot().await, before);

    // 36 backpacks, 56 bags and 4 downloadables: 3000.8, a failed authorization.
    add(&app, &jane, "24-WB03", 23).await;
    add(&app, &jane, "24-WB01", 5).await;
    add(&app, &jane, "240-LV06", 4).await;
    let totals = app.get("/rest/V1/carts/mine/totals", &jane).await;
    assert_eq!(totals.body["grand_total"], json!(3000.8));
    let before = app.snapshot().await;
    let refused = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(
        refused.body,
        json!({"message": format!("{TAKEN} Processor Network Unavailable - Try Again")})
    );
    assert_eq!(app.snapshot().await, before);

    // The cart is still active and places with an offline method.
    let cart = app.get("/rest/V1/carts/mine", &jane).await;
    assert_eq!(cart.body["is_active"], json!(true));
    let placed = place(&app, &jane, &pay("checkmo", json!({}))).await;
    assert_eq!(placed.body, json!("4"));
}

#[tokio::test]
async fn guest_cart_with_an_online_method() {
    let app = sandbox(PaymentAction::Authorize).await;
    let admin = app.token().await;
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
            &json!({"cartItem": {"sku": "24-WB03", "qty": 2, "quote_id": mask}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    let info = app
        .post_anonymous(
            &format!("{base}/shipping-information"),
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(
        info.body["payment_methods"][2],
        json!({"code": "paypal_express", "title": "PayPal Express Checkout"})
    );
    let mut body = pay(
        "paypal_express",
        json!({"paypal_express_checkout_token": "EC-5UA12345AB678901C",
               "paypal_express_checkout_payer_id": "ABCDEFGHIJKLM"}),
    );
    body["email"] = json!("guest@example.com");
    let placed = app
        .post_anonymous(&format!("{base}/payment-information"), &body)
        .await;
    assert_eq!(placed.body, json!("4"), "{:?}", placed.body);
    let transactions = transactions_of(&app, &admin, 4).await;
    let auth = string_at(&transactions, "/0/txn_id");
    assert_eq!(auth.len(), 17, "PayPal's ids");
    assert_eq!(
        transactions,
        json!([{"transaction_id": 1, "order_id": 4, "payment_id": 4, "txn_id": auth,
                "parent_txn_id": null, "txn_type": "authorization", "is_closed": 0, "additional_information": [],
                "child_transactions": []}])
    );
    assert_eq!(
        fields(
            &app,
            &admin,
            "/rest/V1/orders/4",
            "state,customer_is_guest,customer_email,payment[method,amount_authorized,last_trans_id,cc_trans_id],status_histories[comment]"
        )
        .await,
        json!({"customer_email": "guest@example.com", "customer_is_guest": 1,
               "state": "processing",
               "payment": {"amount_authorized": 82, "last_trans_id": auth,
                   "method": "paypal_express"},
               "status_histories": [{"comment":
                   format!("Authorized amount of $82.00. Transaction ID: \"{auth}\"")}]})
    );
    // The invoice captures the authorization as for a customer's order.
    let invoice = app.invoice(&admin, 4, &json!({"capture": true})).await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    let one = app.get("/rest/V1/transactions/1", &admin).await.body;
    assert_eq!(
        (
            &one["is_closed"],
            &one["child_transactions"][0]["parent_txn_id"]
        ),
        (&json!(1), &json!(auth))
    );
}

const FIGURES: &str = "state,total_invoiced,total_paid,total_due,payment[amount_authorized,\
amount_paid,base_amount_paid_online,last_trans_id]";

#[tokio::test]
async fn a_paypal_authorization_captured_in_two_invoices() {
    let app = sandbox(PaymentAction::Authorize).await;
    let admin = app.token().await;
    // Three backpacks at 36 and 3 × 5 of shipping: 123.
    let (jane, _) = jane_cart(&app, "24-WB03", 3).await;
    let placed = place(
        &app,
        &jane,
        &pay(
            "paypal_express",
            json!({"paypal_express_checkout_token": "EC-5UA12345AB678901C"}),
        ),
    )
    .await;
    assert_eq!(placed.body, json!("4"), "{:?}", placed.body);
    let auth = string_at(&transactions_of(&app, &admin, 4).await, "/0/txn_id");
    let figures = || fields(&app, &admin, "/rest/V1/orders/4", FIGURES);
    assert_eq!(
        figures().await,
        json!({"state": "processing", "total_due": 123,
               "payment": {"amount_authorized": 123, "last_trans_id": auth}})
    );
    let item = fields(&app, &admin, "/rest/V1/orders/4", "items[item_id]").await["items"][0]
        ["item_id"]
        .clone();

    // Two backpacks and the shipping (87): not what the order owes, the authorization stays open.
    let first = app
        .invoice(
            &admin,
            4,
            &json!({"capture": true, "items": [{"order_item_id": item, "qty": 2}]}),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let one = untimed(&app.get("/rest/V1/transactions/1", &admin).await.body);
    let capture = string_at(&one, "/child_transactions/0/txn_id");
    assert_eq!(
        (
            &one["is_closed"],
            &one["child_transactions"][0]["parent_txn_id"]
        ),
        (&json!(0), &json!(auth))
    );
    assert_eq!(
        figures().await,
        json!({"state": "processing", "total_due": 36, "total_invoiced": 87, "total_paid": 87,
               "payment": {"amount_authorized": 123, "amount_paid": 87,
                   "base_amount_paid_online": 87, "last_trans_id": capture}})
    );

    // The last backpack (36) is what the order owes: the authorization closes.
    let second = app.invoice(&admin, 4, &json!({"capture": true})).await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.body);
    let one = untimed(&app.get("/rest/V1/transactions/1", &admin).await.body);
    let last = string_at(&one, "/child_transactions/1/txn_id");
    assert_eq!(
        (
            &one["is_closed"],
            one["child_transactions"].as_array().map(Vec::len)
        ),
        (&json!(1), Some(2))
    );
    assert_eq!(
        figures().await,
        json!({"state": "processing", "total_due": 0, "total_invoiced": 123, "total_paid": 123,
               "payment": {"amount_authorized": 123, "amount_paid": 123,
                   "base_amount_paid_online": 123, "last_trans_id": last}})
    );
}

/// Canceling an order whose payment is only authorized voids the authorization online
/// (`Payment::cancel` → `_void`): the `<auth>-void` transaction under the closed authorization,
/// `last_trans_id`, Magento's `processing` history entry with the amount, then the order
/// canceled. A second cancel answers `false` and changes nothing.
#[tokio::test]
async fn canceling_an_authorized_order_voids_the_authorization() {
    let app = sandbox(PaymentAction::Authorize).await;
    let admin = app.token().await;
    let (jane, _) = jane_cart(&app, "24-WB03", 2).await;
    let placed = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(placed.body, json!("4"), "{:?}", placed.body);
    let auth = string_at(&transactions_of(&app, &admin, 4).await, "/0/txn_id");
    let r = app
        .post("/rest/V1/orders/4/cancel", &admin, &json!({}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let void = format!("{auth}-void");
    assert_eq!(
        transactions_of(&app, &admin, 4).await,
        json!([
            {"transaction_id": 1, "order_id": 4, "payment_id": 4, "txn_id": auth,
             "parent_txn_id": null, "txn_type": "authorization", "is_closed": 1, "additional_information": [],
             "child_transactions": [{"transaction_id": 2, "parent_id": 1, "order_id": 4,
                 "payment_id": 4, "txn_id": void, "parent_txn_id": auth, "txn_type": "void",
                 "is_closed": 1, "additional_information": [], "child_transactions": []}]},
            {"transaction_id": 2, "parent_id": 1, "order_id": 4, "payment_id": 4, "txn_id": void,
             "parent_txn_id": auth, "txn_type": "void", "is_closed": 1, "additional_information": [], "child_transactions": []}
        ])
    );
    let order = fields(
        &app,
        &admin,
        "/rest/V1/orders/4",
        "state,status,total_canceled,payment[last_trans_id,amount_authorized],status_histories[comment,status,entity_name,is_customer_notified]",
    )
    .await;
    assert_eq!(
        order,
        json!({"state": "canceled", "status": "canceled", "total_canceled": 82,
        "payment": {"amount_authorized": 82, "last_trans_id": void},
        "status_histories": [
            {"comment": format!("Canceled order online Amount: $82.00. Transaction ID: \"{void}\""),
             "entity_name": "order", "is_customer_notified": null, "status": "processing"},
            {"comment": format!("Authorized amount of $82.00. Transaction ID: \"{auth}\""),
             "entity_name": "order", "is_customer_notified": null, "status": "processing"}
        ]})
    );
    let before = app.snapshot().await;
    let r = app
        .post("/rest/V1/orders/4/cancel", &admin, &json!({}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(false)));
    assert!(app.snapshot().await == before);
}

/// A partly captured authorization is voided for the rest, without an amount in the entry
/// (the authorization has a child); an order the gateway will not void (the sandbox's
/// 4001.00-4001.99) is not canceled at all: `GatewayCommand`'s 400, nothing written.
#[tokio::test]
async fn a_partly_captured_order_voids_the_rest_and_a_refused_void_cancels_nothing() {
    let app = sandbox(PaymentAction::Authorize).await;
    let admin = app.token().await;
    let (jane, _) = jane_cart(&app, "24-WB03", 2).await;
    let placed = place(
        &app,
        &jane,
        &pay(
            "paypal_express",
            json!({"paypal_express_checkout_token": "EC-1"}),
        ),
    )
    .await;
    assert_eq!(placed.body, json!("4"), "{:?}", placed.body);
    let auth = string_at(&transactions_of(&app, &admin, 4).await, "/0/txn_id");
    let item = app.get("/rest/V1/orders/4", &admin).await.body["items"][0]["item_id"].clone();
    let invoice = app
        .invoice(
            &admin,
            4,
            &json!({"capture": true, "items": [{"order_item_id": item, "qty": 1}]}),
        )
        .await;
    assert_eq!(invoice.status, StatusCode::OK, "{:?}", invoice.body);
    let r = app
        .post("/rest/V1/orders/4/cancel", &admin, &json!({}))
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(true)));
    let order = fields(
        &app,
        &admin,
        "/rest/V1/orders/4",
        "state,payment[last_trans_id],status_histories[comment,status]",
    )
    .await;
    let void = format!("{auth}-void");
    assert_eq!(
        order["state"], "processing",
        "one bag invoiced, still to ship"
    );
    assert_eq!(order["payment"]["last_trans_id"], json!(void));
    assert_eq!(
        order["status_histories"][0],
        json!({"comment": format!("Canceled order online Transaction ID: \"{void}\""),
               "status": "processing"})
    );

    // 103 bags and 17 yoga bags: 4001.60, a total the sandbox will not void.
    let stock = app
        .post(
            "/rest/V1/inventory/source-items",
            &admin,
            &json!({"sourceItems": [{"sku": "24-WB03", "source_code": "ne_wh", "quantity": 500, "status": 1}]}),
        )
        .await;
    assert_eq!(stock.status, StatusCode::OK, "{:?}", stock.body);
    app.post("/rest/V1/carts/mine", &jane, &json!({})).await;
    add(&app, &jane, "24-WB03", 103).await;
    add(&app, &jane, "24-WB01", 17).await;
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(
        info.body["totals"]["grand_total"],
        json!(4001.6),
        "{:?}",
        info.body
    );
    let placed = place(
        &app,
        &jane,
        &pay("braintree", json!({"payment_method_nonce": NONCE})),
    )
    .await;
    assert_eq!(placed.body, json!("5"), "{:?}", placed.body);
    let before = app.snapshot().await;
    let r = app
        .post("/rest/V1/orders/5/cancel", &admin, &json!({}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Transaction has been declined. Please try again later."})
        )
    );
    assert!(app.snapshot().await == before, "nothing written");
}
