//! `POST /V1/order/{orderId}/invoice` and `GET /V1/invoices/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesInvoice, SalesInvoiceView, Search};
use crate::http::reply::json_response;
use crate::sales::invoice::{self, InvoiceCommentRequest, InvoiceItemRequest, InvoiceRequest};
use crate::search::SearchResults;
use crate::wire::input::{self, param, path_int, Obj};
use crate::wire::invoice::InvoiceData;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/order/{orderId}/invoice", post(create))
        .route("/rest/V1/invoices/{id}", get(show))
        .route("/rest/V1/invoices", get(list))
}

/// The body of `InvoiceOrderInterface::execute`, converted as Magento's input layer does.
pub fn parse_request(body: &Map<String, Value>) -> Result<InvoiceRequest> {
    let flag = |name: &str| param(body, name).map(input::to_bool).unwrap_or(false);
    let mut request = InvoiceRequest {
        capture: flag("capture"),
        notify: flag("notify"),
        append_comment: flag("append_comment"),
        ..Default::default()
    };
    if let Some(items) = param(body, "items") {
        for (order_item_id, qty) in input::line_items(items)? {
            request
                .items
                .push(InvoiceItemRequest { order_item_id, qty });
        }
    }
    if let Some(comment) = param(body, "comment") {
        let (comment, is_visible_on_front) = input::document_comment(comment)?;
        request.comment = Some(InvoiceCommentRequest {
            comment,
            is_visible_on_front,
        });
    }
    if let Some(arguments) = param(body, "arguments") {
        Obj::new(arguments, &["extension_attributes"])?;
    }
    Ok(request)
}

async fn create(
    _: Admin<SalesInvoice>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = parse_request(&body)?;
    let id = invoice::invoice_order(&state.db, order_id, request).await?;
    // Magento returns the new id as PDO gives it: a string.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

async fn list(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (invoices, total) = invoice::list_invoices(&state.db, &criteria).await?;
    let results = SearchResults {
        items: invoices.iter().map(InvoiceData::from).collect(),
        search_criteria: criteria,
        total_count: total,
    };
    Ok(json_response(StatusCode::OK, &results))
}

async fn show(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    crate::http::cached_document(&state, ("invoice", id), async {
        let full = invoice::get_invoice(&state.db, id).await?;
        Ok(InvoiceData::from(&full))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::amount::Amount;
    use serde_json::json;

    fn parse(v: Value) -> Result<InvoiceRequest> {
        parse_request(v.as_object().unwrap())
    }

    #[test]
    fn magento_type_conversion() {
        let r = parse(
            json!({"capture": "yes", "notify": 1, "append_comment": true,
            "items": [{"order_item_id": "3", "qty": "2.0000"}],
            "comment": {"comment": "hi", "is_visible_on_front": "1"}}),
        )
        .unwrap();
        assert!(r.capture && r.notify && r.append_comment);
        assert_eq!(
            r.items,
            vec![InvoiceItemRequest {
                order_item_id: Some(3),
                qty: Some(Amount::from_int(2))
            }]
        );
        assert_eq!(
            r.comment,
            Some(InvoiceCommentRequest {
                comment: Some("hi".into()),
                is_visible_on_front: 1
            })
        );
        assert_eq!(
            parse(json!({"capture": "off", "unknown": 1})).unwrap(),
            InvoiceRequest::default()
        );
    }

    #[test]
    fn bad_inputs() {
        let msg = |v: Value| parse(v).unwrap_err().body();
        assert_eq!(
            msg(json!({"items": 5})),
            json!({"message": "Not all parameters valid."})
        );
        assert_eq!(
            msg(json!({"items": [{"order_item_id": 3, "qty": "x"}]})),
            json!({"message": "Error occurred during \"qty\" processing. The \"x\" value's type is invalid. The \"float\" type was expected. Verify and try again."})
        );
        assert_eq!(
            msg(json!({"items": [{"order_item_id": 3, "qty": 1, "price": 2}]})),
            json!({"message": "\"%fieldName\" is not supported. Correct the field name and try again.", "parameters": {"fieldName": "Price"}})
        );
    }
}
