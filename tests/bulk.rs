//! Magento's asynchronous and bulk Web API: `POST /rest/<store>/async/V1/...`,
//! `/async/bulk/V1/...` (202, the bulk's uuid and accepted items; the calls then run through
//! the same routes) and `GET /V1/bulk/{uuid}/status|detailed-status|operation-status/{n}`.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{spawn_app, TestApp};

/// The bulk's detailed status once no operation is open (status 4) any more.
async fn settled(app: &TestApp, token: &str, uuid: &str) -> Value {
    for _ in 0..500 {
        let r = app
            .get(&format!("/rest/V1/bulk/{uuid}/detailed-status"), token)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
        let open = r.body["operations_list"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["status"] == 4);
        if !open {
            return r.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("bulk {uuid} never settled");
}

/// A 202 reply's uuid, after checking the reply's shape: `n` accepted items with their hashes.
fn accepted(reply: &crate::common::Reply, n: usize) -> String {
    assert_eq!(reply.status, StatusCode::ACCEPTED, "{:?}", reply.body);
    let uuid = reply.body["bulk_uuid"]
        .as_str()
        .expect("bulk_uuid")
        .to_owned();
    assert_eq!(uuid.len(), 36, "a UUID: {uuid}");
    let items = reply.body["request_items"].as_array().unwrap();
    assert_eq!(items.len(), n);
    for (i, item) in items.iter().enumerate() {
        let hash = item["data_hash"].as_str().unwrap();
        assert_eq!(hash.len(), 64);
        assert_eq!(
            item,
            &json!({"id": i, "data_hash": hash, "status": "accepted"})
        );
    }
    assert_eq!(reply.body["errors"], false);
    uuid
}

/// Tutorial step 10, asynchronously: the invoice is made by the operation, which records the
/// call's reply (the invoice id) and Magento's success message.
#[tokio::test]
async fn an_async_invoice_runs_and_reports_its_reply() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/default/async/V1/order/3/invoice",
            &token,
            &json!({"capture": true, "notify": true}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    let start_time = status["start_time"].clone();
    assert_eq!(
        status,
        json!({
            "operations_list": [{
                "id": 0,
                "bulk_uuid": uuid,
                "topic_name": "async.magento.sales.api.invoiceorderinterface.execute.post",
                "serialized_data": null,
                "result_serialized_data": "\"3\"",
                "status": 1,
                "result_message": "Service execution success Magento\\Sales\\Model\\InvoiceOrder::execute",
                "error_code": null
            }],
            "user_type": 2,
            "bulk_id": uuid,
            "description": "Topic async.magento.sales.api.invoiceorderinterface.execute.post",
            "start_time": start_time,
            "user_id": 1,
            "operation_count": 1
        })
    );
    let invoice = app.get("/rest/default/V1/invoices/3", &token).await;
    assert_eq!(invoice.body["grand_total"], json!(1917.6));
    let order = app.get("/rest/default/V1/orders/3", &token).await;
    assert_eq!(order.body["state"], "processing");
    let short = app
        .get(&format!("/rest/V1/bulk/{uuid}/status"), &token)
        .await;
    assert_eq!(
        short.body["operations_list"],
        json!([{
            "id": 0,
            "status": 1,
            "result_message": "Service execution success Magento\\Sales\\Model\\InvoiceOrder::execute",
            "error_code": null
        }])
    );
}

/// A bulk: one call per element, each route parameter given as `by<Name>` in the path and its
/// value in the element. A call that fails is status 3 with its rendered message; the
/// serialized data it ran from stays.
#[tokio::test]
async fn a_bulk_runs_each_element_and_counts_them_by_status() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post(
            "/rest/async/bulk/V1/order/byOrderId/invoice",
            &token,
            &json!([{"orderId": 3, "capture": true}, {"orderId": 3}, {"orderId": "999"}]),
        )
        .await;
    let uuid = accepted(&r, 3);
    let status = settled(&app, &token, &uuid).await;
    let ops = status["operations_list"].as_array().unwrap();
    assert_eq!(
        ops.iter()
            .map(|o| (o["status"].clone(), o["result_message"].clone()))
            .collect::<Vec<_>>(),
        vec![
            (json!(1), json!("Service execution success Magento\\Sales\\Model\\InvoiceOrder::execute")),
            (
                json!(3),
                json!("Invoice Document Validation Error(s):\nThe invoice can't be created without products. Add products and try again.\nThe order does not allow an invoice to be created.")
            ),
            (json!(3), json!("The entity that was requested doesn't exist. Verify the entity and try again.")),
        ]
    );
    assert_eq!(ops[1]["error_code"], 0);
    assert_eq!(
        ops[1]["serialized_data"],
        r#"{"entity_id":null,"entity_link":"","meta_information":"{\"orderId\":3}","store_id":1}"#
    );
    assert_eq!(status["operation_count"], 3);
    // `GET /V1/bulk`: the operations by their columns and their bulk's start_time.
    let f = |field: &str, value: &str, cond: &str| {
        format!(
            "/rest/V1/bulk?searchCriteria[filter_groups][0][filters][0][field]={field}\
             &searchCriteria[filter_groups][0][filters][0][value]={value}\
             &searchCriteria[filter_groups][0][filters][0][condition_type]={cond}"
        )
    };
    let r = app.get(&f("bulk_uuid", &uuid, "eq"), &token).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.body);
    // Each as the detailed status lists it, with its bulk's start time joined in first
    // (Adobe's "Search for the status of a bulk operation" example).
    let start_time = status["start_time"]
        .as_str()
        .expect("start_time")
        .to_owned();
    let listed: Vec<Value> = status["operations_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| {
            let mut item = serde_json::Map::new();
            item.insert(
                "extension_attributes".into(),
                json!({ "start_time": start_time }),
            );
            item.extend(op.as_object().unwrap().clone());
            Value::Object(item)
        })
        .collect();
    assert_eq!(r.body["items"], json!(listed));
    assert_eq!(
        r.body["items"][0]
            .as_object()
            .unwrap()
            .keys()
            .next()
            .map(String::as_str),
        Some("extension_attributes")
    );
    assert_eq!(r.body["total_count"], 3);
    for (q, count) in [
        (f("status", "3", "eq"), 2),
        (f("start_time", "2010-10-10 00:00:00", "lteq"), 0),
        (f("start_time", "2010-10-10 00:00:00", "gteq"), 3),
    ] {
        let r = app.get(&q, &token).await;
        assert_eq!(
            (r.status, r.body["total_count"].clone()),
            (StatusCode::OK, json!(count)),
            "{q}"
        );
    }
    for (n, expected) in [(1, 1), (3, 2), (4, 0), (5, 0)] {
        let r = app
            .get(
                &format!("/rest/V1/bulk/{uuid}/operation-status/{n}"),
                &token,
            )
            .await;
        assert_eq!((r.status, r.body), (StatusCode::OK, json!(expected)), "{n}");
    }
}

/// What is refused when the bulk is asked for: nothing scheduled, Magento's errors.
#[tokio::test]
async fn refusals_schedule_nothing() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let not_processed = json!({"message": "Specified request cannot be processed."});
    let no_route = json!({"message": "Request does not match any route."});
    let r = app.get("/rest/default/async/V1/orders/3", &token).await;
    assert_eq!((r.status, r.body), (StatusCode::BAD_REQUEST, not_processed));
    for path in [
        "/rest/async/V1/nowhere",
        // A bulk names each parameter `by<Name>`; a value in its place matches no route.
        "/rest/async/bulk/V1/order/3/invoice",
        "/rest/async/bulk/V1/order/byId/invoice",
    ] {
        let r = app.post(path, &token, &json!([])).await;
        assert_eq!(
            (r.status, &r.body),
            (StatusCode::NOT_FOUND, &no_route),
            "{path}"
        );
    }
    let r = app
        .post(
            "/rest/async/bulk/V1/order/byOrderId/invoice",
            &token,
            &json!([{"capture": true}]),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "orderId"}})
        )
    );
    let r = app
        .post("/rest/async/V1/order/3/invoice", "not-a-token", &json!({}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::UNAUTHORIZED,
            json!({"message": "The consumer isn't authorized to access %resources.", "parameters": {"resources": "Magento_Sales::invoice"}})
        )
    );
    assert_eq!(app.snapshot().await, before);
    let r = app
        .get(
            "/rest/V1/bulk/00000000-0000-0000-0000-000000000000/status",
            &token,
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::NOT_FOUND,
            json!({"message": "Bulk uuid %bulkUuid not exist", "parameters": {"bulkUuid": "00000000-0000-0000-0000-000000000000"}})
        )
    );
    let r = app
        .get("/rest/V1/bulk/nope/operation-status/4", &token)
        .await;
    assert_eq!((r.status, r.body), (StatusCode::OK, json!(0)));
    let r = app.get("/rest/V1/bulk/nope/status", "bad").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// An empty bulk is a bulk of no operations.
#[tokio::test]
async fn an_empty_bulk_has_no_operations() {
    let app = spawn_app().await;
    let token = app.token().await;
    let r = app
        .post("/rest/async/bulk/V1/orders/byId/cancel", &token, &json!([]))
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{:?}", r.body);
    assert_eq!(r.body["request_items"], json!([]));
    let uuid = r.body["bulk_uuid"].as_str().unwrap();
    let status = settled(&app, &token, uuid).await;
    assert_eq!(
        (
            status["operations_list"].clone(),
            status["operation_count"].clone()
        ),
        (json!([]), json!(0))
    );
}

/// A failed call's message is rendered once, as Magento's `strtr` does (a parameter holding
/// `%1` is not filled again), and stored as its `varchar(255)` column keeps it: the first 255
/// characters. Before, a 24 KB anonymous call grew a 40 MB message.
#[tokio::test]
async fn a_failed_call_message_is_rendered_once_and_cut_to_its_column() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mask = app.post_anonymous("/rest/V1/guest-carts", &json!({})).await;
    let mask = mask.body.as_str().expect("masked id").to_owned();
    let added = app
        .post_anonymous(
            &format!("/rest/V1/guest-carts/{mask}/items"),
            &json!({"cartItem": {"sku": "24-WB03", "qty": 1, "quote_id": mask}}),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{:?}", added.body);
    let address = json!({"region_code": "TX", "country_id": "US", "street": ["1 Main"],
        "postcode": "78701", "city": "Austin", "firstname": "A", "lastname": "B",
        "telephone": "5125551234"});
    let (carrier, method) = ("AB".repeat(10), "%1".repeat(2_000));
    let r = app
        .post_anonymous(
            &format!("/rest/async/V1/guest-carts/{mask}/shipping-information"),
            &json!({"addressInformation": {"shipping_address": address,
                "billing_address": address, "shipping_carrier_code": carrier,
                "shipping_method_code": method}}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    let op = &status["operations_list"][0];
    assert_eq!(op["status"], 3, "{op}");
    let message = op["result_message"].as_str().unwrap();
    let whole = format!("Carrier with such method not found: {carrier}, {method}");
    assert_eq!(message, &whole[..255]);
    // A guest's bulk: GuestUserContext's user type 4 and id 0.
    assert_eq!(
        (status["user_type"].clone(), status["user_id"].clone()),
        (json!(4), json!(0))
    );
}

/// `webapi_async.xml`'s route aliases: `POST asyncProducts` is `async/V1/products`, `PUT
/// async/bulk/V1/products` is `async/bulk/V1/products/bySku` (`Plugin\ControllerRest`).
#[tokio::test]
async fn the_async_route_aliases_reach_their_routes() {
    let app = spawn_app().await;
    let token = app.token().await;
    let product = json!({"sku": "alias-1", "name": "Alias one", "price": 3, "attribute_set_id": 4});
    let r = app
        .post(
            "/rest/default/asyncProducts",
            &token,
            &json!({ "product": product }),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(status["operations_list"][0]["status"], 1, "{status}");
    let r = app
        .send(
            reqwest::Method::PUT,
            "/rest/async/bulk/V1/products",
            Some(&token),
            Some("application/json"),
            Some(json!([{"sku": "alias-1", "product": {"name": "Renamed by alias"}}]).to_string()),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(status["operations_list"][0]["status"], 1, "{status}");
    let read = app.get("/rest/V1/products/alias-1", &token).await;
    assert_eq!(read.body["name"], "Renamed by alias");
}

/// A reset in the middle of a bulk ends the bulk: none of its remaining calls runs in the new
/// world (before, they went on against the seed's order 3 and invoiced it), and a bulk posted
/// after the reset runs as usual.
#[tokio::test]
async fn a_reset_stops_the_bulk_it_interrupts() {
    let app = spawn_app().await;
    let token = app.token().await;
    let seeded = app.snapshot().await;
    let elements: Vec<Value> = (0..300)
        .map(|_| json!({"orderId": 3, "capture": true}))
        .collect();
    let r = app
        .post(
            "/rest/async/bulk/V1/order/byOrderId/invoice",
            &token,
            &Value::Array(elements),
        )
        .await;
    let old = accepted(&r, 300);
    let reset = app.post_anonymous("/magemu/reset", &json!({})).await;
    assert_eq!(reset.status, StatusCode::OK, "{:?}", reset.body);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        app.snapshot().await == seeded,
        "something ran after the reset"
    );
    let gone = app
        .get(&format!("/rest/V1/bulk/{old}/status"), &token)
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let r = app
        .post(
            "/rest/async/bulk/V1/order/byOrderId/invoice",
            &token,
            &json!([{"orderId": 3, "capture": true}]),
        )
        .await;
    let new = accepted(&r, 1);
    let status = settled(&app, &token, &new).await;
    assert_eq!(status["operations_list"][0]["status"], 1, "{status}");
}

/// `AsynchronousRequestProcessor` resolves the input of every call before it schedules any:
/// a bulk of products with one malformed element is the whole request's 400 and creates
/// nothing (AsyncBulkScheduleTest::testAsyncScheduleBulkWrongEntity), as is a single call.
#[tokio::test]
async fn malformed_product_input_is_refused_before_anything_is_scheduled() {
    let app = spawn_app().await;
    let token = app.token().await;
    let before = app.snapshot().await;
    let product = |sku: &str| json!({"sku": sku, "name": sku, "price": 3, "attribute_set_id": 4});
    let r = app
        .post(
            "/rest/async/bulk/V1/products",
            &token,
            &json!([{"product": product("wrong-1")}, {"product": product("wrong-2")},
                {"product": {"sku": "wrong-3", "wrong_attribute": "simple"}}]),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
                "parameters": {"fieldName": "WrongAttribute"}})
        )
    );
    for body in [json!({}), json!({"product": {"sku": "x", "price": "abc"}})] {
        let r = app.post("/rest/async/V1/products", &token, &body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {:?}", r.body);
    }
    assert!(
        app.snapshot().await == before,
        "nothing scheduled, nothing created"
    );
    let good = app
        .post(
            "/rest/async/V1/products",
            &token,
            &json!({ "product": product("fine-1") }),
        )
        .await;
    accepted(&good, 1);
}

/// The same holds for every route whose input conversion magemu has apart from its handler
/// (`Operation::input`): customers, customer groups, invoices, shipments, source items, tax,
/// sales rules, ... A malformed call schedules nothing; the query string's parameters are
/// converted over the body's, as `Rest\Request::getRequestData` merges them.
#[tokio::test]
async fn malformed_input_of_other_services_is_refused_at_schedule_time() {
    let app = spawn_app().await;
    let token = app.token().await;
    let bulks = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM magento_bulk")
            .fetch_one(&app.state.db.read)
            .await
            .expect("bulks")
    };
    let mask = app.post("/rest/V1/guest-carts", "", &json!({})).await.body;
    let mask = mask.as_str().expect("a mask").to_owned();
    let before = (app.snapshot().await, bulks().await);
    let not_supported = |field: &str| {
        json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.",
            "parameters": {"fieldName": field}})
    };
    for (path, body, expected) in [
        (
            "/rest/async/V1/customers",
            json!({"customer": {"email": "a@example.com", "firstname": "A", "lastname": "B",
                "shoe_size": 9}}),
            not_supported("ShoeSize"),
        ),
        (
            "/rest/async/bulk/V1/customerGroups",
            json!([{"group": {"code": "Fine", "tax_class_id": 3}},
                {"group": {"code": "Bad", "tax_class_id": 3, "colour": "red"}}]),
            not_supported("Colour"),
        ),
        (
            "/rest/async/V1/order/3/invoice",
            json!({"capture": true, "items": [{"order_item_id": 1, "qty": 1, "size": 2}]}),
            not_supported("Size"),
        ),
        (
            "/rest/async/V1/orders",
            json!({"entity": {"customer_email": "a@example.com",
                "items": [{"sku": "x", "qty_ordered": 1, "flavour": "mint"}]}}),
            not_supported("Flavour"),
        ),
        (
            "/rest/async/V1/orders",
            json!({"entity": {"items": [{"sku": "x", "qty_ordered": "many"}]}}),
            json!({"message": "Error occurred during \"qty_ordered\" processing. The \"many\" value's type is invalid. The \"float\" type was expected. Verify and try again."}),
        ),
        (
            "/rest/async/V1/taxClasses",
            json!({}),
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                "parameters": {"fieldName": "taxClass"}}),
        ),
        (
            "/rest/async/V1/inventory/source-items-delete?sourceItems[0][sku]=24-WB01&sourceItems[0][source_code]=default&sourceItems[0][bin]=3",
            json!({}),
            not_supported("Bin"),
        ),
        (
            "/rest/async/V1/inventory/bulk-product-source-assign",
            json!({"skus": ["24-WB01"], "sourceCodes": "default"}),
            json!({"message": "The \"string\" value's type is invalid. The \"string[]\" type was expected. Verify and try again."}),
        ),
        (
            "/rest/async/V1/integration/admin/token",
            json!({"username": "admin"}),
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                "parameters": {"fieldName": "password"}}),
        ),
        (
            &format!("/rest/async/V1/guest-carts/{mask}/billing-address"),
            json!({"address": {"city": "Paris", "planet": "Earth"}}),
            not_supported("Planet"),
        ),
    ] {
        let r = app.post(path, &token, &body).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::BAD_REQUEST, expected),
            "{path}"
        );
    }
    // A path parameter that is the method's int (`addComment($id, ...)`) is converted too,
    // in a single call's path and a bulk element alike.
    let not_int = json!({"message": "The \"abc\" value's type is invalid. The \"int\" type was expected. Verify and try again."});
    let comment = json!({"comment": "c", "is_customer_notified": 0, "is_visible_on_front": 0,
        "parent_id": 3});
    let r = app
        .post(
            "/rest/async/V1/orders/abc/comments",
            &token,
            &json!({ "statusHistory": comment }),
        )
        .await;
    assert_eq!((r.status, &r.body), (StatusCode::BAD_REQUEST, &not_int));
    let r = app
        .post(
            "/rest/async/bulk/V1/orders/byId/comments",
            &token,
            &json!([{"id": 3, "statusHistory": comment}, {"id": "abc", "statusHistory": comment}]),
        )
        .await;
    assert_eq!((r.status, &r.body), (StatusCode::BAD_REQUEST, &not_int));
    let r = app
        .put(
            &format!("/rest/async/V1/guest-carts/{mask}/collect-totals"),
            "",
            &json!({"shippingCarrierCode": "flatrate"}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.",
                "parameters": {"fieldName": "paymentMethod"}})
        )
    );
    assert!(
        (app.snapshot().await, bulks().await) == before,
        "nothing scheduled, nothing written"
    );
    // Well-formed calls are scheduled (and a business refusal is the operation's: an order
    // without a billing address is converted, then refused when it runs).
    let r = app
        .post(
            "/rest/async/V1/orders",
            &token,
            &json!({"entity": {"items": [{"sku": "x", "qty_ordered": 1}]}}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(
        (
            &status["operations_list"][0]["status"],
            &status["operations_list"][0]["result_message"]
        ),
        (
            &json!(3),
            &json!("Please provide billing address for the order.")
        ),
        "{status}"
    );
    // The query string's parameters are over the body's on every route: its `group` replaces
    // the body's, and is converted (and refused) before anything is scheduled.
    let bulks_before = bulks().await;
    let r = app
        .post(
            "/rest/async/V1/customerGroups?group[colour]=red",
            &token,
            &json!({"group": {"code": "Queried", "tax_class_id": 3}}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (StatusCode::BAD_REQUEST, not_supported("Colour"))
    );
    assert_eq!(bulks().await, bulks_before);
    let r = app
        .post(
            "/rest/async/V1/customerGroups?group[code]=From%20the%20query&group[tax_class_id]=3",
            &token,
            &json!({}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(status["operations_list"][0]["status"], 1, "{status}");
    let r = app
        .post(
            "/rest/async/V1/order/3/invoice",
            &token,
            &json!({"items": [{"order_item_id": 999, "qty": 1}]}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(status["operations_list"][0]["status"], 3, "{status}");
}

/// Magento's queue consumer runs its replays with no user (`CompositeUserContext` has no
/// context in the `global` area): a comment an asynchronous call writes has no author (0, 0),
/// and an asynchronous edit of a comment is refused, even of the scheduler's own, as is a
/// later edit of the replay's comment by anyone.
#[tokio::test]
async fn async_comments_have_no_author() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let own = app
        .post(
            "/rest/V1/invoices/comments",
            &token,
            &json!({"entity": {"parent_id": 3, "comment": "The admin's"}}),
        )
        .await;
    assert_eq!(own.body["entity_id"], json!(1), "{:?}", own.body);
    let r = app
        .post(
            "/rest/async/V1/invoices/comments",
            &token,
            &json!({"entity": {"parent_id": 3, "comment": "Queued"}}),
        )
        .await;
    let uuid = accepted(&r, 1);
    assert_eq!(
        settled(&app, &token, &uuid).await["operations_list"][0]["status"],
        1
    );
    let authors: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT entity_id, comment, user_id, user_type FROM sales_invoice_comment ORDER BY 1",
    )
    .fetch_all(&app.state.db.read)
    .await
    .expect("comments");
    assert_eq!(
        authors,
        vec![
            (1, "The admin's".to_owned(), 1, 2),
            (2, "Queued".to_owned(), 0, 0)
        ]
    );
    // The queue edits no comment: the scheduler's own is refused (operation status 3)...
    let r = app
        .post(
            "/rest/async/V1/invoices/comments",
            &token,
            &json!({"entity": {"entity_id": 1, "parent_id": 3, "comment": "Edited later"}}),
        )
        .await;
    let uuid = accepted(&r, 1);
    let status = settled(&app, &token, &uuid).await;
    assert_eq!(status["operations_list"][0]["status"], 3, "{status}");
    let texts: Vec<String> =
        sqlx::query_scalar("SELECT comment FROM sales_invoice_comment ORDER BY entity_id")
            .fetch_all(&app.state.db.read)
            .await
            .expect("comments");
    assert_eq!(texts, ["The admin's", "Queued"]);
    // ... and the queue's comment is nobody's to edit.
    let before = app.snapshot().await;
    let edit = app
        .post(
            "/rest/V1/invoices/comments",
            &token,
            &json!({"entity": {"entity_id": 2, "parent_id": 3, "comment": "Mine now"}}),
        )
        .await;
    assert_eq!(
        (edit.status, edit.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "Could not save the invoice comment."})
        )
    );
    assert_eq!(app.snapshot().await, before);
}
