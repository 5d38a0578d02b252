//! `POST /V1/order/{orderId}/invoice` and `GET /V1/invoices/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{
    Admin, Body, CacheUse, PathParams, SalesInvoice, SalesInvoiceView, Search,
};
use crate::http::reply::{converted_results, json_response};
use crate::http::routes::Operation;
use crate::sales::comments::Document;
use crate::sales::{invoice, invoice_payment, invoice_save};
use crate::wire::input::path_int;
use crate::wire::invoice::{self as wire, InvoiceData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/order/{orderId}/invoice",
            r"Magento\Sales\Api\InvoiceOrderInterface::execute",
            &["Magento_Sales::invoice"],
            create,
        )
        .input(|body| crate::wire::invoice::parse_request(body).map(|_| ())),
        Operation::get(
            "/V1/invoices/{id}",
            r"Magento\Sales\Api\InvoiceRepositoryInterface::get",
            &["Magento_Sales::sales_invoice"],
            show,
        ),
        Operation::get(
            "/V1/invoices",
            r"Magento\Sales\Api\InvoiceRepositoryInterface::getList",
            &["Magento_Sales::sales_invoice"],
            list,
        ),
        Operation::post(
            "/V1/invoices/",
            r"Magento\Sales\Api\InvoiceRepositoryInterface::save",
            &["Magento_Sales::sales_invoice"],
            save,
        )
        .input(|body| crate::wire::invoice::parse_entity(body).map(|_| ())),
        Operation::get(
            "/V1/invoices/{id}/comments",
            r"Magento\Sales\Api\InvoiceManagementInterface::getCommentsList",
            &["Magento_Sales::sales_invoice"],
            list_comments,
        ),
        Operation::post(
            "/V1/invoices/comments",
            r"Magento\Sales\Api\InvoiceCommentRepositoryInterface::save",
            &["Magento_Sales::sales_invoice"],
            save_comment,
        )
        .input(|body| crate::wire::comment::parse_comment(body).map(|_| ())),
        Operation::post(
            "/V1/invoices/{id}/emails",
            r"Magento\Sales\Api\InvoiceManagementInterface::notify",
            &["Magento_Sales::sales_invoice"],
            emails,
        ),
        Operation::post(
            "/V1/invoices/{id}/capture",
            r"Magento\Sales\Api\InvoiceManagementInterface::setCapture",
            &["Magento_Sales::sales_invoice"],
            capture,
        ),
        Operation::post(
            "/V1/invoices/{id}/void",
            r"Magento\Sales\Api\InvoiceManagementInterface::setVoid",
            &["Magento_Sales::sales_invoice"],
            void,
        ),
        Operation::post(
            "/V1/invoice/{invoiceId}/refund",
            r"Magento\Sales\Api\RefundInvoiceInterface::execute",
            &["Magento_Sales::sales_invoice"],
            refund,
        )
        .input(|body| crate::wire::creditmemo::parse_request(body).map(|_| ())),
    ]
}

async fn create(
    caller: Admin<SalesInvoice>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = wire::parse_request(&body)?;
    let id = invoice::invoice_order(&state.db, order_id, request, caller.author()).await?;
    // Magento returns the new id as PDO gives it: a string.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

async fn list(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (invoices, total) = invoice::list_invoices(&state.db, &criteria).await?;
    Ok(converted_results(
        &invoices,
        InvoiceData::from,
        criteria,
        total,
    ))
}

async fn show(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    cache: CacheUse,
) -> Result<Response> {
    let id = path_int(&id)?;
    crate::http::cached_document(&state, ("invoice", id), cache, async {
        let full = invoice::get_invoice(&state.db, id).await?;
        Ok(InvoiceData::from(&full))
    })
    .await
}

/// `InvoiceManagementInterface::getCommentsList`.
async fn list_comments(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    crate::http::comments::list(&state, &id, Document::Invoice).await
}

/// `InvoiceCommentRepositoryInterface::save`: the saved comment.
async fn save_comment(
    caller: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    crate::http::comments::save(&state, &body, Document::Invoice, caller.author()).await
}

/// `InvoiceManagementInterface::notify`: `true`.
async fn emails(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    crate::http::comments::notify(&state, &id, Document::Invoice).await
}

/// `InvoiceManagementInterface::setCapture`: `true` once the gateway captured (see
/// `sales::invoice_payment`).
async fn capture(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    let done = invoice_payment::capture(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &done))
}

/// `InvoiceManagementInterface::setVoid`: `true`, and nothing saved.
async fn void(
    _: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    let done = invoice_payment::void(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &done))
}

/// `InvoiceRepositoryInterface::save`: the invoice as saved (see `sales::invoice_save`).
async fn save(
    caller: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let entity = wire::parse_entity(&body)?;
    let saved = invoice_save::save_invoice(&state.db, entity, caller.author()).await?;
    Ok(json_response(StatusCode::OK, &InvoiceData::from(&saved)))
}

/// `RefundInvoiceInterface::execute`.
async fn refund(
    caller: Admin<SalesInvoiceView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let id = path_int(&id)?;
    let request = crate::wire::creditmemo::parse_request(&body)?;
    let online =
        crate::wire::input::param(&body, "is_online").is_some_and(crate::wire::input::to_bool);
    let memo =
        crate::sales::creditmemo::refund_invoice(&state.db, id, request, online, caller.author())
            .await?;
    Ok(json_response(StatusCode::OK, &memo.to_string()))
}
