//! `POST /V1/order/{orderId}/refund`, `POST /V1/creditmemo` (the repository's save),
//! `POST /V1/creditmemo/refund` (`CreditmemoManagementInterface::refund`),
//! `GET /V1/creditmemo/{id}` and `GET /V1/creditmemos`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::{self as e, Error, Result};
use crate::http::extract::{
    Admin, Body, CacheUse, PathParams, SalesCreditmemo, SalesCreditmemoView, Search,
};
use crate::http::reply::{converted_results, json_response};
use crate::http::routes::Operation;
use crate::sales::comments::Document;
use crate::sales::{creditmemo, creditmemo_save};
use crate::wire::creditmemo::{self as wire, CreditmemoData};
use crate::wire::input::path_int;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/order/{orderId}/refund",
            r"Magento\Sales\Api\RefundOrderInterface::execute",
            &["Magento_Sales::creditmemo"],
            refund,
        )
        .input(|body| crate::wire::creditmemo::parse_request(body).map(|_| ())),
        Operation::post(
            "/V1/creditmemo",
            r"Magento\Sales\Api\CreditmemoRepositoryInterface::save",
            &["Magento_Sales::sales_creditmemo"],
            save,
        )
        .input(|body| {
            crate::wire::creditmemo::parse_save_request(body)?
                .error
                .map_or(Ok(()), Err)
        }),
        Operation::post(
            "/V1/creditmemo/refund",
            r"Magento\Sales\Api\CreditmemoManagementInterface::refund",
            &["Magento_Sales::sales_creditmemo"],
            refund_creditmemo,
        )
        .input(|body| {
            crate::wire::creditmemo::parse_refund_request(body)?
                .0
                .error
                .map_or(Ok(()), Err)
        }),
        Operation::get(
            "/V1/creditmemo/{id}",
            r"Magento\Sales\Api\CreditmemoRepositoryInterface::get",
            &["Magento_Sales::sales_creditmemo"],
            show,
        ),
        Operation::put(
            "/V1/creditmemo/{id}",
            r"Magento\Sales\Api\CreditmemoManagementInterface::cancel",
            &["Magento_Sales::sales_creditmemo"],
            cancel,
        ),
        Operation::get(
            "/V1/creditmemo/{id}/comments",
            r"Magento\Sales\Api\CreditmemoManagementInterface::getCommentsList",
            &["Magento_Sales::sales_creditmemo"],
            list_comments,
        ),
        Operation::post(
            "/V1/creditmemo/{id}/comments",
            r"Magento\Sales\Api\CreditmemoCommentRepositoryInterface::save",
            &["Magento_Sales::sales_creditmemo"],
            save_comment,
        )
        .input(|body| crate::wire::comment::parse_comment(body).map(|_| ())),
        Operation::post(
            "/V1/creditmemo/{id}/emails",
            r"Magento\Sales\Api\CreditmemoManagementInterface::notify",
            &["Magento_Sales::sales_creditmemo"],
            emails,
        ),
        Operation::get(
            "/V1/creditmemos",
            r"Magento\Sales\Api\CreditmemoRepositoryInterface::getList",
            &["Magento_Sales::sales_creditmemo"],
            list,
        ),
    ]
}

async fn refund(
    caller: Admin<SalesCreditmemo>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = wire::parse_request(&body)?;
    let id = creditmemo::refund_order(&state.db, order_id, request, caller.author()).await?;
    // The new id as PDO gives it: a string, as for invoices and shipments.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

/// `CreditmemoRepositoryInterface::save`: the saved memo as the object holds it.
async fn save(
    caller: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_save_request(&body)?;
    let saved = creditmemo_save::save_creditmemo(&state.db, input, caller.author()).await?;
    Ok(json_response(StatusCode::OK, &CreditmemoData::echo(&saved)))
}

/// `CreditmemoManagementInterface::refund`: the refunded memo.
async fn refund_creditmemo(
    caller: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (input, offline) = wire::parse_refund_request(&body)?;
    let saved =
        creditmemo_save::refund_creditmemo(&state.db, input, offline, caller.author()).await?;
    Ok(json_response(StatusCode::OK, &CreditmemoData::echo(&saved)))
}

async fn show(
    _: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    cache: CacheUse,
) -> Result<Response> {
    show_by_id(&state, &id, cache).await
}

async fn show_by_id(state: &AppState, id: &str, cache: CacheUse) -> Result<Response> {
    let id = path_int(id)?;
    crate::http::cached_document(state, ("creditmemo", id), cache, async {
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
    Ok(converted_results(
        &memos,
        CreditmemoData::from,
        criteria,
        total,
    ))
}

/// `CreditmemoManagementInterface::cancel`: 2.4 refuses it, before looking the memo up.
async fn cancel(
    _: Admin<SalesCreditmemoView>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    // The input processor converts the id to the service's int before the service runs.
    path_int(&id)?;
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
    caller: Admin<SalesCreditmemoView>,
    State(state): State<AppState>,
    PathParams(_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    crate::http::comments::save(&state, &body, Document::Creditmemo, caller.author()).await
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
