//! `POST /V1/order/{orderId}/refund`, `POST /V1/creditmemo` (the repository's save),
//! `POST /V1/creditmemo/refund` (`CreditmemoManagementInterface::refund`),
//! `GET /V1/creditmemo/{id}` and `GET /V1/creditmemos`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

use crate::error::{self as e, Error, Result};
use crate::http::extract::{Admin, Body, PathParams, SalesCreditmemo, SalesCreditmemoView, Search};
use crate::http::reply::{json_response, search_results};
use crate::sales::comments::Document;
use crate::sales::{creditmemo, creditmemo_save};
use crate::wire::creditmemo::{self as wire, CreditmemoData};
use crate::wire::input::path_int;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/order/{orderId}/refund", post(refund))
        .route("/rest/V1/creditmemo", post(save))
        // Magento matches `/V1/creditmemo/:id` for GET and PUT on this path (id "refund").
        .route(
            "/rest/V1/creditmemo/refund",
            post(refund_creditmemo).get(show_refund).put(cancel_refund),
        )
        .route("/rest/V1/creditmemo/{id}", get(show).put(cancel))
        .route(
            "/rest/V1/creditmemo/{id}/comments",
            get(list_comments).post(save_comment),
        )
        .route("/rest/V1/creditmemo/{id}/emails", post(emails))
        .route("/rest/V1/creditmemos", get(list))
}

async fn refund(
    _: Admin<SalesCreditmemo>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = wire::parse_request(&body)?;
    let id = creditmemo::refund_order(&state.db, order_id, request).await?;
    // The new id as PDO gives it: a string, as for invoices and shipments.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

/// `CreditmemoRepositoryInterface::save`: the saved memo as the object holds it.
async fn save(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_save_request(&body)?;
    let saved = creditmemo_save::save_creditmemo(&state.db, input).await?;
    Ok(json_response(StatusCode::OK, &CreditmemoData::echo(&saved)))
}

/// `CreditmemoManagementInterface::refund`: the refunded memo.
async fn refund_creditmemo(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (input, offline) = wire::parse_refund_request(&body)?;
    let saved = creditmemo_save::refund_creditmemo(&state.db, input, offline).await?;
    Ok(json_response(StatusCode::OK, &CreditmemoData::echo(&saved)))
}

async fn show_refund(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
) -> Result<Response> {
    show_by_id(&state, "refund").await
}

async fn cancel_refund(_: Admin<SalesCreditmemoView>, _: Body) -> Result<Response> {
    Err(Error::input(e::CANNOT_CANCEL_CREDITMEMO))
}

async fn show(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    show_by_id(&state, &id).await
}

async fn show_by_id(state: &AppState, id: &str) -> Result<Response> {
    let id = path_int(id)?;
    crate::http::cached_document(state, ("creditmemo", id), async {
        let full = creditmemo::get_creditmemo(&state.db, id).await?;
        Ok(CreditmemoData::from(&full))
    })
    .await
}

async fn list(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (memos, total) = creditmemo::list_creditmemos(&state.db, &criteria).await?;
    let items = memos.iter().map(CreditmemoData::from).collect();
    Ok(search_results(items, criteria, total))
}

/// `CreditmemoManagementInterface::cancel`: 2.4 refuses it, before looking the memo up.
async fn cancel(
    _: Admin<SalesCreditmemoView>,
    PathParams(_id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    Err(Error::input(e::CANNOT_CANCEL_CREDITMEMO))
}

/// `CreditmemoManagementInterface::getCommentsList`.
async fn list_comments(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    crate::http::comments::list(&state, &id, Document::Creditmemo).await
}

/// `CreditmemoCommentRepositoryInterface::save`: `parent_id` from the body, as in Magento.
async fn save_comment(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    crate::http::comments::save(&state, &body, Document::Creditmemo).await
}

/// `CreditmemoManagementInterface::notify`: `true`.
async fn emails(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    crate::http::comments::notify(&state, &id, Document::Creditmemo).await
}
