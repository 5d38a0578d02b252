//! The mail outbox (`/magemu/outbox`, `magemu outbox ...`): each route that makes Magento send
//! an e-mail records exactly that e-mail (template, recipient, entity), in the transaction of
//! the use case; the others record none; reset and snapshots treat it as part of the world.

use crate::common;

use common::{fixture, spawn_app, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const T: &str = "2020-07-23 16:59:20";
const JANE: (&str, &str) = ("jdoe@example.com", "Jane Doe");

async fn control(
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(body) = body {
        req = req.json(&body);
    }
    let resp = req.send().await.expect("control call");
    let status = resp.status();
    let text = resp.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The app with its clock fixed at `T`, and an admin token.
async fn app_at_t() -> (TestApp, String) {
    let app = spawn_app().await;
    let (status, _) = control(&app, Method::PUT, "/magemu/clock", Some(json!({"time": T}))).await;
    assert_eq!(status, StatusCode::OK);
    let token = app.token().await;
    (app, token)
}

async fn outbox(app: &TestApp, query: &str) -> Value {
    let (status, body) = control(app, Method::GET, &format!("/magemu/outbox{query}"), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// The outbox's mails since the `seen` first ones, without their ids.
async fn new_mails(app: &TestApp, seen: &mut usize) -> Vec<Value> {
    let all = outbox(app, "").await;
    let all = all.as_array().expect("a list").clone();
    let new = all[*seen..]
        .iter()
        .map(|m| common::without(m, &["id"]))
        .collect();
    *seen = all.len();
    new
}

/// A mail about one of Jane's documents of the seeded order 3.
fn to_jane(
    template: &str,
    entity_type: &str,
    entity_id: i64,
    increment_id: &str,
    comment: Option<&str>,
) -> Value {
    json!({"time": T, "template": template, "to": JANE.0, "name": JANE.1, "store_id": 1,
           "entity_type": entity_type, "entity_id": entity_id, "increment_id": increment_id,
           "order_id": 3, "comment": comment})
}

fn id_of(reply: &common::Reply) -> i64 {
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body.as_str().expect("id").parse().expect("number")
}

async fn increment_id(app: &TestApp, token: &str, path: &str) -> String {
    let doc = app.get(path, token).await.body;
    doc["increment_id"]
        .as_str()
        .expect("increment_id")
        .to_owned()
}

fn ne_wh() -> Value {
    json!({"extension_attributes": {"source_code": "ne_wh"}})
}

#[tokio::test]
async fn each_sending_route_records_its_mail() {
    let (app, token) = app_at_t().await;
    let mut seen = 0;

    // Tutorial step 10: capture and notify; the invoice says its e-mail went out.
    let invoice = id_of(
        &app.invoice(&token, 3, &fixture("step10-invoice-request.json"))
            .await,
    );
    let invoice_path = format!("/rest/V1/invoices/{invoice}");
    let inc = increment_id(&app, &token, &invoice_path).await;
    assert_eq!(
        app.get(&invoice_path, &token).await.body["email_sent"],
        json!(1)
    );
    assert_eq!(
        new_mails(&app, &mut seen).await,
        [to_jane(
            "sales_email_invoice_template",
            "invoice",
            invoice,
            &inc,
            None
        )]
    );

    // A shipment with an appended comment carries it.
    let ship = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 5}], "notify": true, "appendComment": true,
                    "comment": {"comment": "On its way", "is_visible_on_front": 1},
                    "arguments": ne_wh()}),
        )
        .await;
    let shipment = id_of(&ship);
    let shipment_path = format!("/rest/V1/shipment/{shipment}");
    let inc_s = increment_id(&app, &token, &shipment_path).await;
    assert_eq!(
        new_mails(&app, &mut seen).await,
        [to_jane(
            "sales_email_shipment_template",
            "shipment",
            shipment,
            &inc_s,
            Some("On its way")
        )]
    );

    // A refund that notifies without appending its comment: the mail has none.
    let refund = app
        .post(
            "/rest/V1/order/3/refund",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}], "notify": true,
                    "comment": {"comment": "Kept to ourselves", "is_visible_on_front": 0}}),
        )
        .await;
    let creditmemo = id_of(&refund);
    let creditmemo_path = format!("/rest/V1/creditmemo/{creditmemo}");
    let inc_c = increment_id(&app, &token, &creditmemo_path).await;
    assert_eq!(
        new_mails(&app, &mut seen).await,
        [to_jane(
            "sales_email_creditmemo_template",
            "creditmemo",
            creditmemo,
            &inc_c,
            None
        )]
    );

    // The notify routes: each document's own e-mail again.
    for (path, expected) in [
        (
            "/rest/V1/orders/3/emails".to_owned(),
            to_jane("sales_email_order_template", "order", 3, "000000003", None),
        ),
        (
            format!("{invoice_path}/emails"),
            to_jane(
                "sales_email_invoice_template",
                "invoice",
                invoice,
                &inc,
                None,
            ),
        ),
        (
            // ShipmentSender: the note the customer was to be told, kept on the shipment.
            format!("{shipment_path}/emails"),
            to_jane(
                "sales_email_shipment_template",
                "shipment",
                shipment,
                &inc_s,
                Some("On its way"),
            ),
        ),
        (
            format!("{creditmemo_path}/emails"),
            to_jane(
                "sales_email_creditmemo_template",
                "creditmemo",
                creditmemo,
                &inc_c,
                None,
            ),
        ),
    ] {
        let reply = app.post(&path, &token, &json!({})).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::OK, &json!(true)),
            "{path}"
        );
        assert_eq!(new_mails(&app, &mut seen).await, [expected], "{path}");
    }

    // Comments that notify the customer: the comment e-mails, with the comment.
    let order_comment = app
        .post(
            "/rest/V1/orders/3/comments",
            &token,
            &json!({"statusHistory": {"comment": " <b>Packed</b> ", "is_customer_notified": 1}}),
        )
        .await;
    assert_eq!(
        order_comment.status,
        StatusCode::OK,
        "{:?}",
        order_comment.body
    );
    assert_eq!(
        new_mails(&app, &mut seen).await,
        [to_jane(
            "sales_email_order_comment_template",
            "order",
            3,
            "000000003",
            Some("Packed")
        )]
    );
    for (path, parent, template, entity_type, inc) in [
        (
            "/rest/V1/invoices/comments".to_owned(),
            invoice,
            "sales_email_invoice_comment_template",
            "invoice",
            &inc,
        ),
        (
            format!("{shipment_path}/comments"),
            shipment,
            "sales_email_shipment_comment_template",
            "shipment",
            &inc_s,
        ),
        (
            format!("{creditmemo_path}/comments"),
            creditmemo,
            "sales_email_creditmemo_comment_template",
            "creditmemo",
            &inc_c,
        ),
    ] {
        let reply = app
            .post(
                &path,
                &token,
                &json!({"entity": {"parent_id": parent, "comment": "Thanks", "is_customer_notified": 1,
                                   "is_visible_on_front": 1}}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
        assert_eq!(
            new_mails(&app, &mut seen).await,
            [to_jane(template, entity_type, parent, inc, Some("Thanks"))],
            "{path}"
        );
    }
}

#[tokio::test]
async fn calls_that_do_not_notify_record_nothing() {
    let (app, token) = app_at_t().await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "ann@example.com", "customer_firstname": "Ann",
                "customer_lastname": "Lee",
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 2, "price": 32}],
                "billing_address": {"firstname": "Ann", "lastname": "Lee", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "checkmo"}}),
        )
        .await;
    let invoice = id_of(
        &app.invoice(
            &token,
            id,
            &json!({"notify": false, "appendComment": true,
        "comment": {"comment": "quiet"}}),
        )
        .await,
    );
    let mut ship = ne_wh();
    ship = json!({"arguments": ship, "appendComment": true, "comment": {"comment": "quiet"}});
    let shipment = id_of(
        &app.post(&format!("/rest/V1/order/{id}/ship"), &token, &ship)
            .await,
    );
    let creditmemo = id_of(
        &app.post(
            &format!("/rest/V1/order/{id}/refund"),
            &token,
            &json!({"notify": false}),
        )
        .await,
    );
    let order_comment = app
        .post(
            &format!("/rest/V1/orders/{id}/comments"),
            &token,
            &json!({"statusHistory": {"comment": "internal", "is_customer_notified": 0}}),
        )
        .await;
    assert_eq!(order_comment.status, StatusCode::OK);
    for (path, parent) in [
        ("/rest/V1/invoices/comments".to_owned(), invoice),
        (format!("/rest/V1/shipment/{shipment}/comments"), shipment),
        (
            format!("/rest/V1/creditmemo/{creditmemo}/comments"),
            creditmemo,
        ),
    ] {
        let reply = app
            .post(
                &path,
                &token,
                &json!({"entity": {"parent_id": parent, "comment": "note",
                                                     "is_visible_on_front": 0}}),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    }
    let doc = app
        .get(&format!("/rest/V1/invoices/{invoice}"), &token)
        .await
        .body;
    assert!(doc.get("email_sent").is_none_or(Value::is_null), "{doc}");
    assert_eq!(outbox(&app, "").await, json!([]));
}

/// An anonymous `POST` under a guest cart.
async fn guest(app: &TestApp, base: &str, path: &str, body: Value) -> common::Reply {
    app.send(
        Method::POST,
        &format!("{base}{path}"),
        None,
        Some("application/json"),
        Some(body.to_string()),
    )
    .await
}

#[tokio::test]
async fn checkouts_mail_the_order_to_guests_and_customers() {
    let (app, _) = app_at_t().await;
    // A guest (the tutorial's addresses, Jane's name on them, another e-mail).
    let created = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = created.body.as_str().expect("masked id").to_owned();
    let base = format!("/rest/V1/guest-carts/{mask}");
    let added = guest(
        &app,
        &base,
        "/items",
        json!({"cartItem": {"sku": "24-WB03", "qty": 1, "quote_id": mask}}),
    )
    .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    let info = guest(
        &app,
        &base,
        "/shipping-information",
        fixture("tutorial/step08-shipping-information-request.json"),
    )
    .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let mut pay = fixture("tutorial/step09-payment-information-request.json");
    pay["email"] = json!("guest@example.com");
    pay["billing_address"]["firstname"] = json!("Gwen");
    let placed = guest(&app, &base, "/payment-information", pay).await;
    let order_id = id_of(&placed);
    assert_eq!(
        outbox(&app, "").await,
        json!([{"id": 1, "time": T, "template": "sales_email_order_guest_template",
                "to": "guest@example.com", "name": "Gwen Doe", "store_id": 1,
                "entity_type": "order", "entity_id": order_id, "increment_id": "000000004",
                "order_id": order_id, "comment": null}])
    );

    // Jane, signed in: the customer's template and her name on the order.
    let jane = app.jane_with_cart("24-WB03", 1).await;
    let info = app
        .post(
            "/rest/V1/carts/mine/shipping-information",
            &jane,
            &fixture("tutorial/step08-shipping-information-request.json"),
        )
        .await;
    assert_eq!(info.status, StatusCode::OK, "{:?}", info.body);
    let placed = app
        .post(
            "/rest/V1/carts/mine/payment-information",
            &jane,
            &fixture("tutorial/step09-payment-information-request.json"),
        )
        .await;
    let order_id = id_of(&placed);
    let mails = outbox(&app, "?to=JDOE@example.com").await;
    assert_eq!(
        mails,
        json!([{"id": 2, "time": T, "template": "sales_email_order_template",
                "to": "jdoe@example.com", "name": "Jane Doe", "store_id": 1,
                "entity_type": "order", "entity_id": order_id, "increment_id": "000000005",
                "order_id": order_id, "comment": null}])
    );
}

#[tokio::test]
async fn new_accounts_get_the_welcome_mail() {
    let (app, _) = app_at_t().await;
    let customer = |email: &str| {
        json!({"customer": {"email": email, "firstname": "Sam", "lastname": "Reed",
                            "middlename": "Q", "prefix": "Mr."}})
    };
    let mut with_password = customer("sam@example.com");
    with_password["password"] = json!("Password1");
    let first = app
        .post_anonymous("/rest/V1/customers", &with_password)
        .await;
    assert_eq!(first.status, StatusCode::OK, "{:?}", first.body);
    let second = app
        .post_anonymous("/rest/V1/customers", &customer("pat@example.com"))
        .await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.body);
    let seeded = app.snapshot().await;
    let again = app
        .post_anonymous("/rest/V1/customers", &with_password)
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "{:?}", again.body);
    assert_eq!(
        app.snapshot().await,
        seeded,
        "a refused account sends nothing"
    );
    // The account without a password: its e-mail links to setting one with the account's
    // reset token (a 32-digit hex token; `tests/customer_password.rs` follows it).
    let mut mails = outbox(&app, "?entity_type=customer").await;
    let link = mails[1]
        .as_object_mut()
        .and_then(|m| m.remove("link"))
        .expect("a link");
    let token = link
        .as_str()
        .and_then(|l| l.strip_prefix("customer/account/createPassword/?token="))
        .expect("the createPassword path");
    assert!(
        token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()),
        "{token}"
    );
    assert_eq!(
        mails,
        json!([
            {"id": 1, "time": T, "template": "customer_create_account_email_template",
             "to": "sam@example.com", "name": "Sam Reed", "store_id": 1, "entity_type": "customer",
             "entity_id": first.body["id"], "increment_id": null, "order_id": null, "comment": null},
            {"id": 2, "time": T, "template": "customer_create_account_email_no_password_template",
             "to": "pat@example.com", "name": "Sam Reed", "store_id": 1, "entity_type": "customer",
             "entity_id": second.body["id"], "increment_id": null, "order_id": null, "comment": null}
        ])
    );
}

#[tokio::test]
async fn refused_requests_record_nothing() {
    let (app, token) = app_at_t().await;
    let before = app.snapshot().await;
    let refusals = [
        (
            "/rest/V1/order/3/invoice",
            json!({"notify": true, "items": [{"order_item_id": 3, "qty": 999}]}),
        ),
        (
            "/rest/V1/order/3/ship",
            json!({"notify": true, "items": [{"order_item_id": 3, "qty": 999}]}),
        ),
        ("/rest/V1/order/3/refund", json!({"notify": true})),
        ("/rest/V1/orders/99/emails", json!({})),
        ("/rest/V1/invoices/99/emails", json!({})),
        (
            "/rest/V1/orders/3/comments",
            json!({"statusHistory": {"comment": "x", "status": "closed",
                                                                "is_customer_notified": 1}}),
        ),
        (
            "/rest/V1/invoices/comments",
            json!({"entity": {"parent_id": 99, "comment": "x",
                                                          "is_customer_notified": 1}}),
        ),
    ];
    for (path, body) in refusals {
        let reply = app.post(path, &token, &body).await;
        assert!(reply.status.is_client_error(), "{path}: {:?}", reply.body);
        assert_eq!(app.snapshot().await, before, "{path}");
    }
    assert_eq!(outbox(&app, "").await, json!([]));
}

#[tokio::test]
async fn the_outbox_filters_clears_and_follows_reset_and_snapshots() {
    let (app, token) = app_at_t().await;
    let invoice = id_of(&app.invoice(&token, 3, &json!({"notify": true})).await);
    let notified = app
        .post("/rest/V1/orders/3/emails", &token, &json!({}))
        .await;
    assert_eq!(notified.status, StatusCode::OK);
    let all = outbox(&app, "").await;
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let ids = |v: &Value| -> Vec<i64> {
        v.as_array()
            .expect("list")
            .iter()
            .map(|m| m["id"].as_i64().expect("id"))
            .collect()
    };
    assert_eq!(ids(&all), [1, 2], "oldest first");
    assert_eq!(
        ids(&outbox(&app, "?template=sales_email_order_template").await),
        [2]
    );
    assert_eq!(ids(&outbox(&app, "?entity_type=invoice").await), [1]);
    assert_eq!(
        ids(&outbox(&app, &format!("?entity_type=invoice&entity_id={invoice}")).await),
        [1]
    );
    assert_eq!(
        ids(&outbox(&app, &format!("?entity_id={invoice}")).await),
        [1, 2],
        "invoice {invoice} and order 3 share the id"
    );
    assert_eq!(
        ids(&outbox(&app, "?to=nobody@example.com").await),
        Vec::<i64>::new()
    );
    let (status, body) = control(&app, Method::GET, "/magemu/outbox?entity_id=x", None).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"entity_id\" must be a number."})
        )
    );

    // A snapshot keeps the mails; a restore brings them back; a reset empties the outbox.
    let (status, _) = control(
        &app,
        Method::POST,
        "/magemu/snapshots",
        Some(json!({"name": "mailed"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = control(&app, Method::DELETE, "/magemu/outbox", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(outbox(&app, "").await, json!([]));
    let (status, _) = control(&app, Method::POST, "/magemu/snapshots/mailed/restore", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(outbox(&app, "").await, all);
    let (status, _) = control(&app, Method::POST, "/magemu/reset", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(outbox(&app, "").await, json!([]));
    let again = app
        .post("/rest/V1/orders/3/emails", &token, &json!({}))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        ids(&outbox(&app, "").await),
        [1],
        "ids start over with the seed"
    );
}

async fn cli(app: &TestApp, args: &[&str]) -> (bool, Value) {
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_magemu"))
        .args(args)
        .args(["--server", &app.base])
        .output()
        .await
        .expect("run magemu");
    let stdout = String::from_utf8_lossy(&out.stdout);
    (
        out.status.success(),
        serde_json::from_str(stdout.trim()).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn the_outbox_subcommands_talk_to_the_server() {
    let (app, token) = app_at_t().await;
    app.post("/rest/V1/orders/3/emails", &token, &json!({}))
        .await;
    app.invoice(&token, 3, &json!({"notify": true})).await;
    let (ok, listed) = cli(&app, &["outbox", "list"]).await;
    assert!(ok);
    assert_eq!(listed, outbox(&app, "").await);
    let (ok, listed) = cli(
        &app,
        &[
            "outbox",
            "list",
            "--template",
            "sales_email_invoice_template",
        ],
    )
    .await;
    assert!(ok);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert_eq!(listed[0]["entity_type"], json!("invoice"));
    let (ok, listed) = cli(
        &app,
        &[
            "outbox",
            "list",
            "--entity-type",
            "order",
            "--entity-id",
            "3",
            "--to",
            JANE.0,
        ],
    )
    .await;
    assert!(ok);
    assert_eq!(listed[0]["template"], json!("sales_email_order_template"));
    let (ok, _) = cli(&app, &["outbox", "clear"]).await;
    assert!(ok);
    assert_eq!(outbox(&app, "").await, json!([]));
}

#[tokio::test]
async fn an_invoice_shipment_and_refund_mail_a_guest_by_the_billing_name() {
    let (app, token) = app_at_t().await;
    let id = app
        .create_order(
            &token,
            json!({"customer_email": "card@example.com", "customer_is_guest": 1,
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}],
                "billing_address": {"firstname": "Card", "middlename": "T", "lastname": "Holder",
                    "street": ["1 Main St"], "city": "Austin", "postcode": "78701",
                    "country_id": "US", "telephone": "1"},
                "payment": {"method": "braintree", "cc_type": "VI", "cc_last4": "1111"}}),
        )
        .await;
    // The invoice's and the shipment's recipients are made of the order they read and its
    // billing address's name (db::outbox::OrderRecipient::of).
    let invoice = id_of(
        &app.invoice(&token, id, &json!({"capture": true, "notify": true}))
            .await,
    );
    let inc_i = increment_id(&app, &token, &format!("/rest/V1/invoices/{invoice}")).await;
    let shipment = id_of(
        &app.post(
            &format!("/rest/V1/order/{id}/ship"),
            &token,
            &json!({"notify": true, "arguments": ne_wh()}),
        )
        .await,
    );
    let inc_s = increment_id(&app, &token, &format!("/rest/V1/shipment/{shipment}")).await;
    let refund = app
        .post(
            &format!("/rest/V1/invoice/{invoice}/refund"),
            &token,
            &json!({"isOnline": true, "notify": true, "appendComment": true,
                    "comment": {"comment": "Refunded to your card", "is_visible_on_front": 1}}),
        )
        .await;
    let creditmemo = id_of(&refund);
    let inc = increment_id(&app, &token, &format!("/rest/V1/creditmemo/{creditmemo}")).await;
    assert_eq!(
        outbox(&app, "").await,
        json!([{"id": 1, "time": T, "template": "sales_email_invoice_guest_template",
                "to": "card@example.com", "name": "Card T Holder", "store_id": 1,
                "entity_type": "invoice", "entity_id": invoice, "increment_id": inc_i,
                "order_id": id, "comment": null},
               {"id": 2, "time": T, "template": "sales_email_shipment_guest_template",
                "to": "card@example.com", "name": "Card T Holder", "store_id": 1,
                "entity_type": "shipment", "entity_id": shipment, "increment_id": inc_s,
                "order_id": id, "comment": null},
               {"id": 3, "time": T, "template": "sales_email_creditmemo_guest_template",
                "to": "card@example.com", "name": "Card T Holder", "store_id": 1,
                "entity_type": "creditmemo", "entity_id": creditmemo, "increment_id": inc,
                "order_id": id, "comment": "Refunded to your card"}])
    );
    // The order e-mail of a registered order without a first name is to "Guest"
    // (`Order::getCustomerName`).
    let registered = app
        .create_order(
            &token,
            json!({"customer_email": "nameless@example.com", "customer_is_guest": 0,
                "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}],
                "billing_address": {"firstname": "Bill", "lastname": "Payer", "street": ["1 Main St"],
                    "city": "Austin", "postcode": "78701", "country_id": "US", "telephone": "1"},
                "payment": {"method": "checkmo"}}),
        )
        .await;
    let sent = app
        .post(
            &format!("/rest/V1/orders/{registered}/emails"),
            &token,
            &json!({}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    let mails = outbox(&app, "?to=nameless@example.com").await;
    assert_eq!(
        (&mails[0]["template"], &mails[0]["name"]),
        (&json!("sales_email_order_template"), &json!("Guest"))
    );
}
