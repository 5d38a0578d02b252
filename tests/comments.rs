//! Comments, e-mails and tracks after the fact (sales.md 1.2): orders, invoices, shipments,
//! credit memos; and the invoice operations an offline payment refuses.

use crate::common;

use common::{keys, spawn_app, without, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn comments(app: &TestApp, token: &str, path: &str) -> Value {
    let reply = app.get(path, token).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {:?}", reply.body);
    reply.body
}

/// Order 3's `updated_at`.
async fn updated_at(app: &TestApp, token: &str) -> Value {
    app.get("/rest/V1/orders/3?fields=updated_at", token)
        .await
        .body["updated_at"]
        .clone()
}

#[tokio::test]
async fn order_comments_add_and_list_with_magentos_status_rule() {
    let app = spawn_app().await;
    let token = app.token().await;
    let was = updated_at(&app, &token).await;
    let later = app
        .put("/magemu/clock", "", &json!({"advance_seconds": 60}))
        .await;
    assert_eq!(later.status, StatusCode::OK, "{:?}", later.body);
    let added = app
        .post(
            "/rest/V1/orders/3/comments",
            &token,
            &json!({"statusHistory": {"comment": "Called the customer", "is_customer_notified": 0,
                                      "is_visible_on_front": 1, "parent_id": 99}}),
        )
        .await;
    assert_eq!((added.status, &added.body), (StatusCode::OK, &json!(true)));
    // The status stays: the order's save writes only the history entry, and the order's
    // `updated_at` stays as it was (VersionControl's snapshot finds no column changed).
    assert_eq!(updated_at(&app, &token).await, was);
    let list = comments(&app, &token, "/rest/V1/orders/3/comments").await;
    assert_eq!(
        without(&list["items"][0], &["created_at"]),
        json!({"comment": "Called the customer", "entity_id": 1, "is_customer_notified": 0,
               "is_visible_on_front": 1, "parent_id": 3, "status": "pending"})
    );
    assert_eq!(
        list["search_criteria"],
        json!({"filter_groups": [{"filters": [{"field": "parent_id", "value": "3", "condition_type": "eq"}]}]})
    );
    assert_eq!(list["total_count"], json!(1));
    // A status of another state is refused and nothing is written.
    let before = app.snapshot().await;
    let refused = app
        .post(
            "/rest/V1/orders/3/comments",
            &token,
            &json!({"statusHistory": {"comment": "x", "status": "complete"}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Unable to add comment: The status \"%1\" is not part of the order status history.",
                   "parameters": ["complete"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // After invoicing, "fraud" belongs to the processing state: it becomes the order's status.
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let invoiced = updated_at(&app, &token).await;
    let later = app
        .put("/magemu/clock", "", &json!({"advance_seconds": 60}))
        .await;
    assert_eq!(later.status, StatusCode::OK, "{:?}", later.body);
    let fraud = app
        .post(
            "/rest/V1/orders/3/comments",
            &token,
            &json!({"statusHistory": {"comment": "Suspicious", "status": "fraud"}}),
        )
        .await;
    assert_eq!(fraud.body, json!(true));
    let order = app
        .get("/rest/V1/orders/3?fields=state,status", &token)
        .await
        .body;
    assert_eq!(order, json!({"state": "processing", "status": "fraud"}));
    // A status that changes is a column that changed: the row is written.
    assert_ne!(updated_at(&app, &token).await, invoiced);
    // An order that does not exist has no comments (the list only filters).
    let none = comments(&app, &token, "/rest/V1/orders/99/comments").await;
    assert_eq!(none["items"], json!([]));
}

/// `Rest\Request::getRequestData`: a POST's or PUT's parameters are the body's with the query
/// string's over them (a query key replaces the body's whole value); a DELETE's body is not
/// read at all.
#[tokio::test]
async fn query_parameters_over_the_body() {
    let app = spawn_app().await;
    let token = app.token().await;
    // Nothing in the body: the query string alone names the parameter.
    let empty = app
        .send(
            Method::POST,
            "/rest/V1/orders/3/comments?statusHistory[comment]=From%20the%20query&statusHistory[is_visible_on_front]=1",
            Some(&token),
            None,
            None,
        )
        .await;
    assert_eq!((empty.status, &empty.body), (StatusCode::OK, &json!(true)));
    // The query's statusHistory replaces the body's (is_customer_notified 1 is gone with it).
    let merged = app
        .post(
            "/rest/V1/orders/3/comments?statusHistory[comment]=Query%20wins",
            &token,
            &json!({"statusHistory": {"comment": "Body loses", "is_customer_notified": 1}}),
        )
        .await;
    assert_eq!(
        (merged.status, &merged.body),
        (StatusCode::OK, &json!(true))
    );
    let list = comments(&app, &token, "/rest/V1/orders/3/comments").await;
    let items: Vec<Value> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| without(c, &["created_at"]))
        .collect();
    assert_eq!(
        items,
        vec![
            json!({"comment": "From the query", "entity_id": 1, "is_customer_notified": null,
                   "is_visible_on_front": 1, "parent_id": 3, "status": "pending"}),
            json!({"comment": "Query wins", "entity_id": 2, "is_customer_notified": null,
                   "is_visible_on_front": 0, "parent_id": 3, "status": "pending"}),
        ]
    );
    // A query value is converted as a body value would be: a wrong type is the same 400, and
    // nothing is written.
    let before = app.snapshot().await;
    let refused = app
        .post(
            "/rest/V1/orders/3/comments?statusHistory[is_customer_notified][]=1",
            &token,
            &json!({"statusHistory": {"comment": "x"}}),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        refused.body
    );
    assert_eq!(app.snapshot().await, before);
    // A DELETE's body is never decoded: a malformed one is no error.
    let deleted = app
        .send(
            Method::DELETE,
            "/rest/V1/shipment/track/1",
            Some(&token),
            Some("application/json"),
            Some("{not json".to_owned()),
        )
        .await;
    assert_ne!(
        deleted.status,
        StatusCode::BAD_REQUEST,
        "{:?}",
        deleted.body
    );
}

#[tokio::test]
async fn document_comments_emails_and_tracks() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let saved = app
        .post(
            "/rest/V1/invoices/comments",
            &token,
            &json!({"entity": {"parent_id": 3, "comment": "Paid by wire", "is_customer_notified": 1,
                               "is_visible_on_front": 0}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    // The repository returns the posted object with its id and the stored created_at
    // (EntityAbstract::_afterSave reads it back: 2.4.8's comment tables have updated_at).
    assert_eq!(
        keys(&saved.body),
        [
            "is_customer_notified",
            "parent_id",
            "comment",
            "is_visible_on_front",
            "created_at",
            "entity_id"
        ]
    );
    let invoice = app.get("/rest/V1/invoices/3", &token).await.body;
    assert_eq!(invoice["comments"][0]["comment"], json!("Paid by wire"));
    let listed = comments(&app, &token, "/rest/V1/invoices/3/comments").await;
    assert!(listed["items"][0]["created_at"].is_string());
    assert_eq!(listed["items"][0], saved.body);
    // Not posted, is_visible_on_front is null in the reply and the column's 0 on a read.
    let bare = app
        .post(
            "/rest/V1/invoices/comments",
            &token,
            &json!({"entity": {"parent_id": 3, "comment": "Second"}}),
        )
        .await;
    assert_eq!(
        without(&bare.body, &["created_at"]),
        json!({"is_customer_notified": null, "parent_id": 3, "comment": "Second",
            "is_visible_on_front": null, "entity_id": 2})
    );
    let listed = comments(&app, &token, "/rest/V1/invoices/3/comments").await;
    assert_eq!(listed["items"][1]["is_visible_on_front"], json!(0));
    let before = app.snapshot().await;
    for (path, body, message) in [
        (
            "/rest/V1/invoices/comments",
            json!({"entity": {"parent_id": 77, "comment": "x"}}),
            "Could not save the invoice comment.",
        ),
        (
            "/rest/V1/invoices/comments",
            json!({"entity": {"parent_id": 3}}),
            "Could not save the invoice comment.",
        ),
        (
            "/rest/V1/creditmemo/1/comments",
            json!({"entity": {"parent_id": 1, "comment": "x"}}),
            "Could not save the creditmemo comment.",
        ),
        (
            "/rest/V1/shipment/track",
            json!({"entity": {"order_id": 3, "parent_id": 3, "track_number": "1Z"}}),
            "Could not save the shipment tracking.",
        ),
    ] {
        let reply = app.post(path, &token, &body).await;
        assert_eq!(
            (reply.status, reply.body),
            (StatusCode::BAD_REQUEST, json!({ "message": message })),
            "{path} {body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    // E-mails: true, and the flags are set.
    for path in ["/rest/V1/orders/3/emails", "/rest/V1/invoices/3/emails"] {
        let reply = app.post(path, &token, &json!({})).await;
        assert_eq!(
            (reply.status, reply.body),
            (StatusCode::OK, json!(true)),
            "{path}"
        );
    }
    let missing = app
        .post("/rest/V1/invoices/9/emails", &token, &json!({}))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    // A shipment, then a track pushed after the fact, then removed.
    let shipped = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}],
                    "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(shipped.body, json!("3"));
    let track = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"order_id": 3, "parent_id": 3, "track_number": "1Z999",
                               "carrier_code": "ups", "title": "UPS"}}),
        )
        .await;
    assert_eq!(track.status, StatusCode::OK, "{:?}", track.body);
    assert_eq!(
        without(&track.body, &["created_at", "updated_at"]),
        json!({"order_id": 3, "entity_id": 1, "parent_id": 3, "weight": null, "qty": null,
               "description": null, "track_number": "1Z999", "title": "UPS", "carrier_code": "ups"})
    );
    let shipment = app.get("/rest/V1/shipment/3", &token).await.body;
    assert_eq!(shipment["tracks"][0]["track_number"], json!("1Z999"));
    let wrong_order = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"order_id": 2, "parent_id": 3, "track_number": "1Z", "carrier_code": "ups"}}),
        )
        .await;
    assert_eq!(
        wrong_order.body,
        json!({"message": "Could not save the shipment tracking."})
    );
    let deleted = app
        .send(
            Method::DELETE,
            "/rest/V1/shipment/track/1",
            Some(&token),
            None,
            None,
        )
        .await;
    assert_eq!(
        (deleted.status, deleted.body),
        (StatusCode::OK, json!(true))
    );
    let shipment = app.get("/rest/V1/shipment/3", &token).await.body;
    assert_eq!(shipment["tracks"], json!([]));
    let again = app
        .send(
            Method::DELETE,
            "/rest/V1/shipment/track/1",
            Some(&token),
            None,
            None,
        )
        .await;
    assert_eq!(again.body, json!(true));
    let shipment_comment = app
        .post(
            "/rest/V1/shipment/3/comments",
            &token,
            &json!({"entity": {"parent_id": 3, "comment": "Left the dock"}}),
        )
        .await;
    assert_eq!(shipment_comment.body["is_customer_notified"], json!(null));
    let listed = comments(&app, &token, "/rest/V1/shipment/3/comments").await;
    assert_eq!(listed["total_count"], json!(1));
    assert_eq!(
        app.post("/rest/V1/shipment/3/emails", &token, &json!({}))
            .await
            .body,
        json!(true)
    );
}

#[tokio::test]
async fn offline_invoices_refuse_capture_void_and_online_refund() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let before = app.snapshot().await;
    for (path, body, message) in [
        (
            "/rest/V1/invoices/3/capture",
            json!({}),
            "The capture action is not available.",
        ),
        (
            "/rest/V1/invoices/3/void",
            json!({}),
            "The void action is not available.",
        ),
        (
            "/rest/V1/invoice/3/refund",
            json!({"isOnline": true}),
            "Creditmemo Document Validation Error(s):\nWe can't create creditmemo for the invoice.",
        ),
        // The memo is built before it is refused: SalesInventory's return check adds its line.
        (
            "/rest/V1/invoice/3/refund",
            json!({"arguments": {"extension_attributes": {"return_to_stock_items": [123]}}}),
            "Creditmemo Document Validation Error(s):\nWe can't create creditmemo for the invoice.\nThe return to stock argument contains product item that is not part of the original order.",
        ),
        // An item of the invoice not asked for is a line of quantity 0 of the memo
        // (`createByInvoice` adds every refundable line), which `ReturnValidator` takes.
        (
            "/rest/V1/invoice/3/refund",
            json!({"items": [{"order_item_id": 3, "qty": 1}],
                "arguments": {"extension_attributes": {"return_to_stock_items": [4]}}}),
            "Creditmemo Document Validation Error(s):\nWe can't create creditmemo for the invoice.",
        ),
        // `Validation/RefundInvoice` merges every validator: the memo's, the invoice's, the
        // items'.
        (
            "/rest/V1/invoice/3/refund",
            json!({"items": [{"order_item_id": 3, "qty": 1.5}, {"order_item_id": 77, "qty": 1}]}),
            "Creditmemo Document Validation Error(s):\nWe found an invalid quantity to refund item \"24-WB03\".\nWe can't create creditmemo for the invoice.\nThe creditmemo contains product item that is not part of the original order.",
        ),
        // An item or return id of 0 is `OrderItemRepository::get`'s exception, alone.
        (
            "/rest/V1/invoice/3/refund",
            json!({"items": [{"qty": 1}]}),
            "An ID is needed. Set the ID and try again.",
        ),
        (
            "/rest/V1/invoice/3/refund",
            json!({"arguments": {"extension_attributes": {"return_to_stock_items": ["x"]}}}),
            "An ID is needed. Set the ID and try again.",
        ),
    ] {
        let reply = app.post(path, &token, &body).await;
        assert_eq!(
            (reply.status, reply.body),
            (StatusCode::BAD_REQUEST, json!({ "message": message })),
            "{path}"
        );
    }
    assert_eq!(app.snapshot().await, before);
    let missing = app
        .post("/rest/V1/invoices/8/capture", &token, &json!({}))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    // Credit memo cancel: 2.4 always refuses.
    let cancel = app
        .send(
            Method::PUT,
            "/rest/V1/creditmemo/1",
            Some(&token),
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(
        (cancel.status, cancel.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "You can not cancel Credit Memo"})
        )
    );
    // The id is converted to the service's int first.
    let not_an_id = app
        .send(
            Method::PUT,
            "/rest/V1/creditmemo/abc",
            Some(&token),
            Some("application/json"),
            Some("{}".into()),
        )
        .await;
    assert_eq!(
        (not_an_id.status, not_an_id.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."})
        )
    );
    // A credit memo's comments and e-mail.
    assert_eq!(
        app.post(
            "/rest/V1/order/3/refund",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}]})
        )
        .await
        .body,
        json!("1")
    );
    let saved = app
        .post(
            "/rest/V1/creditmemo/1/comments",
            &token,
            &json!({"entity": {"parent_id": 1, "comment": "Refund sent", "is_customer_notified": 0}}),
        )
        .await;
    assert_eq!(
        keys(&saved.body),
        [
            "comment",
            "created_at",
            "entity_id",
            "is_customer_notified",
            "is_visible_on_front",
            "parent_id"
        ]
    );
    let listed = comments(&app, &token, "/rest/V1/creditmemo/1/comments").await;
    assert_eq!(listed["items"][0]["comment"], json!("Refund sent"));
    assert_eq!(
        app.post("/rest/V1/creditmemo/1/emails", &token, &json!({}))
            .await
            .body,
        json!(true)
    );
    let memo = app.get("/rest/V1/creditmemo/1", &token).await.body;
    assert_eq!(memo["email_sent"], json!(1));
}

/// 2.4.8's comment saves: an `entity_id` is an edit of that comment of the same document (its
/// resource model's `getCommentById`, then `SalesEntityCommentValidator::isEditCommentAllowed`),
/// any other id is refused; a posted `created_at` is stored as `formatDate` reads it; an order
/// history entry posted with an id is not added (`Order::addStatusHistory`).
#[tokio::test]
async fn comments_are_edited_by_id_and_keep_a_posted_date() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let post = |path: &'static str, body: Value| {
        let (app, token) = (&app, &token);
        async move { app.post(path, token, &body).await }
    };
    let first = post(
        "/rest/V1/invoices/comments",
        json!({"entity": {"parent_id": 3, "comment": "Paid by wire", "is_visible_on_front": 1,
                          "is_customer_notified": 0}}),
    )
    .await;
    assert_eq!(first.body["entity_id"], json!(1));
    let edited = post(
        "/rest/V1/invoices/comments",
        json!({"entity": {"entity_id": 1, "parent_id": 3, "comment": "Paid by card",
                          "created_at": "2020-01-02T03:04:05Z"}}),
    )
    .await;
    assert_eq!(
        (edited.status, edited.body),
        (
            StatusCode::OK,
            json!({"is_customer_notified": null, "parent_id": 3, "comment": "Paid by card",
                   "is_visible_on_front": null, "created_at": "2020-01-02 03:04:05",
                   "entity_id": 1})
        )
    );
    let listed = comments(&app, &token, "/rest/V1/invoices/3/comments").await;
    assert_eq!(
        listed["items"],
        json!([{"is_customer_notified": 0, "parent_id": 3, "comment": "Paid by card",
                "is_visible_on_front": 1, "created_at": "2020-01-02 03:04:05", "entity_id": 1}])
    );
    // A posted null is written (the column is nullable).
    let nulled = post(
        "/rest/V1/invoices/comments",
        json!({"entity": {"entity_id": 1, "parent_id": 3, "comment": "Paid by card",
                          "is_customer_notified": null}}),
    )
    .await;
    assert_eq!(nulled.status, StatusCode::OK, "{:?}", nulled.body);
    let listed = comments(&app, &token, "/rest/V1/invoices/3/comments").await;
    assert_eq!(listed["items"][0]["is_customer_notified"], json!(null));
    // A comment of another invoice is not this one's to edit.
    let other_order = app
        .create_order(
            &token,
            json!({"items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 32}]}),
        )
        .await;
    let other_invoice = app.invoice(&token, other_order, &json!({})).await.body;
    let other_invoice: i64 = other_invoice.as_str().unwrap().parse().unwrap();
    let other = post(
        "/rest/V1/invoices/comments",
        json!({"entity": {"parent_id": other_invoice, "comment": "Theirs"}}),
    )
    .await;
    assert_eq!(other.body["entity_id"], json!(2));
    // Refused, nothing written: an id no comment of this invoice has, a comment PHP's
    // `empty()` takes for none, a date `new \DateTime()` cannot read.
    let before = app.snapshot().await;
    for body in [
        json!({"entity": {"entity_id": 77, "parent_id": 3, "comment": "x"}}),
        json!({"entity": {"entity_id": 2, "parent_id": 3, "comment": "x"}}),
        json!({"entity": {"parent_id": 3, "comment": "0"}}),
        json!({"entity": {"parent_id": 3, "comment": "x", "created_at": "sometime"}}),
    ] {
        let reply = post("/rest/V1/invoices/comments", body.clone()).await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Could not save the invoice comment."})
            ),
            "{body}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    // An order history entry with an id adds nothing, and still answers true; one with a
    // date keeps it.
    let with_id = post(
        "/rest/V1/orders/3/comments",
        json!({"statusHistory": {"entity_id": 1, "comment": "ignored"}}),
    )
    .await;
    assert_eq!(
        (with_id.status, with_id.body),
        (StatusCode::OK, json!(true))
    );
    let history = comments(&app, &token, "/rest/V1/orders/3/comments").await;
    assert_eq!(history["total_count"], json!(0));
    let dated = post(
        "/rest/V1/orders/3/comments",
        json!({"statusHistory": {"comment": "Backfilled", "created_at": "2019-05-05 05:05:05"}}),
    )
    .await;
    assert_eq!(dated.body, json!(true));
    let history = comments(&app, &token, "/rest/V1/orders/3/comments").await;
    assert_eq!(
        (
            &history["items"][0]["comment"],
            &history["items"][0]["created_at"]
        ),
        (&json!("Backfilled"), &json!("2019-05-05 05:05:05"))
    );
    // Nothing wraps the order save: an unreadable date is PHP's exception, a 500.
    let before = app.snapshot().await;
    let bad_date = post(
        "/rest/V1/orders/3/comments",
        json!({"statusHistory": {"comment": "x", "created_at": "sometime"}}),
    )
    .await;
    assert_eq!(bad_date.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(app.snapshot().await, before);
}

/// `ShipmentTrackRepositoryInterface::save` with an `entity_id` updates the posted columns of
/// that track only (the others keep their values); an id no track has writes nothing, and the
/// reply echoes the posted object.
#[tokio::test]
async fn a_track_saved_by_id_updates_what_was_posted() {
    let app = spawn_app().await;
    let token = app.token().await;
    let shipped = app
        .post(
            "/rest/V1/order/3/ship",
            &token,
            &json!({"items": [{"order_item_id": 3, "qty": 1}],
                    "tracks": [{"track_number": "1Z1", "title": "UPS", "carrier_code": "ups"}],
                    "arguments": {"extension_attributes": {"source_code": "ne_wh"}}}),
        )
        .await;
    assert_eq!(shipped.body, json!("3"));
    let track_updated_at = |shipment: &Value| shipment["tracks"][0]["updated_at"].clone();
    let shipped_at = track_updated_at(&app.get("/rest/V1/shipment/3", &token).await.body);
    let later = app
        .put("/magemu/clock", "", &json!({"advance_seconds": 60}))
        .await;
    assert_eq!(later.status, StatusCode::OK, "{:?}", later.body);
    // The same values again: MySQL's `ON UPDATE CURRENT_TIMESTAMP` moves `updated_at` only
    // when a value changes.
    let same = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"entity_id": 1, "order_id": 3, "parent_id": 3,
                               "track_number": "1Z1", "carrier_code": "ups"}}),
        )
        .await;
    assert_eq!(same.body["updated_at"], shipped_at, "{:?}", same.body);
    let edited = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"entity_id": 1, "order_id": 3, "parent_id": 3,
                               "track_number": "1Z2", "carrier_code": "ups", "weight": 2}}),
        )
        .await;
    assert_eq!(
        without(&edited.body, &["created_at", "updated_at"]),
        json!({"order_id": 3, "entity_id": 1, "parent_id": 3, "weight": 2, "qty": null,
               "description": null, "track_number": "1Z2", "title": null, "carrier_code": "ups"})
    );
    let shipment = app.get("/rest/V1/shipment/3", &token).await.body;
    assert_eq!(
        without(&shipment["tracks"][0], &["created_at", "updated_at"]),
        json!({"order_id": 3, "entity_id": 1, "parent_id": 3, "weight": 2, "qty": null,
               "description": null, "track_number": "1Z2", "title": "UPS", "carrier_code": "ups"})
    );
    assert_ne!(track_updated_at(&shipment), shipped_at);
    assert_eq!(edited.body["updated_at"], track_updated_at(&shipment));
    // A blank title is stored as NULL (`prepareColumnValue`); the reply shows what was posted.
    let blank = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"entity_id": 1, "order_id": 3, "parent_id": 3,
                               "track_number": "1Z2", "carrier_code": "ups", "title": ""}}),
        )
        .await;
    assert_eq!(blank.body["title"], json!(""), "{:?}", blank.body);
    let shipment = app.get("/rest/V1/shipment/3", &token).await.body;
    assert_eq!(shipment["tracks"][0]["title"], Value::Null);
    let before = app.snapshot().await;
    let unknown = app
        .post(
            "/rest/V1/shipment/track",
            &token,
            &json!({"entity": {"entity_id": 77, "order_id": 3, "parent_id": 3,
                               "track_number": "1Z9", "carrier_code": "ups"}}),
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.body),
        (
            StatusCode::OK,
            json!({"order_id": 3, "entity_id": 77, "parent_id": 3, "weight": null, "qty": null,
                   "description": null, "track_number": "1Z9", "title": null,
                   "carrier_code": "ups"})
        )
    );
    assert_eq!(app.snapshot().await, before);
}

/// 2.4.8 keeps each document comment's author (`user_id`, `user_type`: the caller, stamped by
/// the comment resource's `_beforeSave`) and lets only that author edit it
/// (`SalesEntityCommentValidator::isEditCommentAllowed`): the admin cannot edit the
/// integration's comment, nor the integration the admin's, whichever route saves it (the
/// comment repositories, the document repositories' comment lists). Each refusal writes
/// nothing.
#[tokio::test]
async fn a_comment_is_edited_only_by_its_author() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let integration = app.integration_bearer().await;
    // The admin's comment, written with the invoice.
    let invoiced = app
        .invoice(
            &admin,
            3,
            &json!({"comment": {"comment": "Invoiced", "is_visible_on_front": 0}}),
        )
        .await;
    assert_eq!(invoiced.body, json!("3"));
    // The integration's comment on the same invoice.
    let theirs = app
        .post(
            "/rest/V1/invoices/comments",
            integration,
            &json!({"entity": {"parent_id": 3, "comment": "Synced to the ERP"}}),
        )
        .await;
    assert_eq!(theirs.body["entity_id"], json!(2), "{:?}", theirs.body);
    let authors: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT entity_id, user_id, user_type FROM sales_invoice_comment ORDER BY entity_id",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("authors");
    // The admin user 1 (USER_TYPE_ADMIN 2) and the integration 1 (USER_TYPE_INTEGRATION 1).
    assert_eq!(authors, vec![(1, 1, 2), (2, 1, 1)]);

    let edit =
        |id: i64, text: &str| json!({"entity": {"entity_id": id, "parent_id": 3, "comment": text}});
    let before = app.snapshot().await;
    for (token, id) in [(integration, 1), (admin.as_str(), 2)] {
        let reply = app
            .post("/rest/V1/invoices/comments", token, &edit(id, "Not yours"))
            .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "Could not save the invoice comment."})
            ),
            "comment {id}"
        );
        assert_eq!(app.snapshot().await, before);
    }
    // The invoice repository saves its comments through the same resource: its validator's
    // refusal is a LocalizedException nothing catches, and the invoice's save rolls back.
    let saved = app
        .post(
            "/rest/V1/invoices",
            integration,
            &json!({"entity": {"entity_id": 3, "order_id": 3,
                               "comments": [{"entity_id": 1, "parent_id": 3,
                                             "comment": "Not yours"}]}}),
        )
        .await;
    assert_eq!(
        (saved.status, saved.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\n%1",
                   "parameters": ["User is not authorized to edit comment."]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // A refused edit whose text is empty too: the validator's comment message takes the
    // refusal's place (one PHP array key).
    let saved = app
        .post(
            "/rest/V1/invoices",
            integration,
            &json!({"entity": {"entity_id": 3, "order_id": 3,
                               "comments": [{"entity_id": 1, "parent_id": 3, "comment": ""}]}}),
        )
        .await;
    assert_eq!(
        (saved.status, saved.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\n%1",
                   "parameters": ["Comment can not be empty"]})
        )
    );
    assert_eq!(app.snapshot().await, before);
    // Its validator's required fields, in its order.
    let saved = app
        .post(
            "/rest/V1/invoices",
            &admin,
            &json!({"entity": {"entity_id": 3, "order_id": 3,
                               "comments": [{"comment": "0"}]}}),
        )
        .await;
    assert_eq!(
        (saved.status, saved.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\n%1",
                   "parameters": ["\"Parent Invoice Id\" is required. Enter and try again.\nComment can not be empty"]})
        )
    );
    assert_eq!(app.snapshot().await, before);

    // Each author edits their own, through either route.
    let own = app
        .post(
            "/rest/V1/invoices/comments",
            integration,
            &edit(2, "Synced again"),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK, "{:?}", own.body);
    let own = app
        .post(
            "/rest/V1/invoices",
            &admin,
            &json!({"entity": {"entity_id": 3, "order_id": 3,
                               "comments": [{"entity_id": 1, "parent_id": 3,
                                             "comment": "Invoiced, edited"}]}}),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK, "{:?}", own.body);
    let listed = comments(&app, &admin, "/rest/V1/invoices/3/comments").await;
    let texts: Vec<&Value> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["comment"])
        .collect();
    assert_eq!(texts, vec!["Invoiced, edited", "Synced again"]);
    // The author is never shown.
    assert!(listed["items"][0].get("user_id").is_none(), "{listed}");

    // A shipment's comment, written by the admin with the shipment.
    let order = app
        .create_order(
            &admin,
            json!({"items": [{"sku": "24-WB01", "qty_ordered": 1, "price": 32}]}),
        )
        .await;
    let shipped = app
        .post(
            &format!("/rest/V1/order/{order}/ship"),
            &admin,
            &json!({"comment": {"comment": "Packed", "is_visible_on_front": 0}}),
        )
        .await;
    assert_eq!(shipped.status, StatusCode::OK, "{:?}", shipped.body);
    let shipment: i64 = shipped.body.as_str().unwrap().parse().unwrap();
    let before = app.snapshot().await;
    let reply = app
        .post(
            &format!("/rest/V1/shipment/{shipment}/comments"),
            integration,
            &json!({"entity": {"entity_id": 1, "parent_id": shipment, "comment": "Not yours"}}),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save the shipment comment."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let reply = app
        .post(
            "/rest/V1/shipment/",
            integration,
            &json!({"entity": {"entity_id": shipment, "order_id": order,
                               "comments": [{"entity_id": 1, "parent_id": shipment,
                                             "comment": "Not yours"}]}}),
        )
        .await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The shipment couldn't be saved."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let reply = app
        .post(
            &format!("/rest/V1/shipment/{shipment}/comments"),
            &admin,
            &json!({"entity": {"entity_id": 1, "parent_id": shipment, "comment": "Packed twice"}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
}

/// A credit memo's comments keep their author on every path that writes one (the refund, the
/// comment repository, the credit memo repository's save), and only that author edits them.
#[tokio::test]
async fn credit_memo_comments_keep_their_author() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let integration = app.integration_bearer().await;
    assert_eq!(app.invoice(&admin, 3, &json!({})).await.body, json!("3"));
    let refunded = app
        .post(
            "/rest/V1/order/3/refund",
            &admin,
            &json!({"items": [{"order_item_id": 3, "qty": 1}],
                    "comment": {"comment": "Refunded", "is_visible_on_front": 0}}),
        )
        .await;
    assert_eq!(refunded.body, json!("1"), "{:?}", refunded.body);
    let theirs = app
        .post(
            "/rest/V1/creditmemo/1/comments",
            integration,
            &json!({"entity": {"parent_id": 1, "comment": "Booked in the ERP"}}),
        )
        .await;
    assert_eq!(theirs.body["entity_id"], json!(2), "{:?}", theirs.body);
    let saved = app
        .post(
            "/rest/V1/creditmemo",
            integration,
            &json!({"entity": {"entity_id": 1, "order_id": 3,
                               "comments": [{"parent_id": 1, "comment": "Saved with the memo"}]}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{:?}", saved.body);
    let authors: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT entity_id, user_id, user_type FROM sales_creditmemo_comment ORDER BY entity_id",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("authors");
    assert_eq!(authors, vec![(1, 1, 2), (2, 1, 1), (3, 1, 1)]);
    let before = app.snapshot().await;
    let refused = app
        .post(
            "/rest/V1/creditmemo/1/comments",
            integration,
            &json!({"entity": {"entity_id": 1, "parent_id": 1, "comment": "Not yours"}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save the creditmemo comment."})
        )
    );
    let refused = app
        .post(
            "/rest/V1/creditmemo",
            &admin,
            &json!({"entity": {"entity_id": 1, "order_id": 3,
                               "comments": [{"entity_id": 2, "parent_id": 1, "comment": "Not yours"}]}}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Cannot save comment:\nUser is not authorized to edit comment."})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let own = app
        .post(
            "/rest/V1/creditmemo/1/comments",
            &admin,
            &json!({"entity": {"entity_id": 1, "parent_id": 1, "comment": "Refunded, edited"}}),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK, "{:?}", own.body);
}
