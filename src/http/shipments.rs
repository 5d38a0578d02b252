//! `POST /V1/order/{orderId}/ship`, `POST /V1/shipment/` (the repository's save),
//! `GET /V1/shipment/{id}`, `GET /V1/shipments` and the shipment's comments, e-mails, label
//! and tracks.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{Admin, Body, CacheUse, PathParams, SalesShip, SalesShipment, Search};
use crate::http::reply::{converted_results, json_response};
use crate::http::routes::Operation;
use crate::sales::comments::{self, Document};
use crate::sales::{shipment, shipment_save};
use crate::wire::input::path_int;
use crate::wire::shipment::{self as wire, ShipmentData, ShipmentTrackData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/order/{orderId}/ship",
            r"Magento\Sales\Api\ShipOrderInterface::execute",
            &["Magento_Sales::ship"],
            create,
        )
        .input(|body| crate::wire::shipment::parse_request(body).map(|_| ())),
        Operation::post(
            "/V1/shipment/",
            r"Magento\Sales\Api\ShipmentRepositoryInterface::save",
            &["Magento_Sales::shipment"],
            save,
        )
        .input(|body| crate::wire::shipment::parse_save(body).map(|_| ())),
        Operation::get(
            "/V1/shipment/{id}",
            r"Magento\Sales\Api\ShipmentRepositoryInterface::get",
            &["Magento_Sales::shipment"],
            show,
        ),
        Operation::get(
            "/V1/shipments",
            r"Magento\Sales\Api\ShipmentRepositoryInterface::getList",
            &["Magento_Sales::shipment"],
            list,
        ),
        Operation::get(
            "/V1/shipment/{id}/comments",
            r"Magento\Sales\Api\ShipmentManagementInterface::getCommentsList",
            &["Magento_Sales::shipment"],
            list_comments,
        ),
        Operation::post(
            "/V1/shipment/{id}/comments",
            r"Magento\Sales\Api\ShipmentCommentRepositoryInterface::save",
            &["Magento_Sales::shipment"],
            save_comment,
        )
        .input(|body| crate::wire::comment::parse_comment(body).map(|_| ())),
        Operation::post(
            "/V1/shipment/{id}/emails",
            r"Magento\Sales\Api\ShipmentManagementInterface::notify",
            &["Magento_Sales::shipment"],
            emails,
        ),
        Operation::get(
            "/V1/shipment/{id}/label",
            r"Magento\Sales\Api\ShipmentManagementInterface::getLabel",
            &["Magento_Sales::shipment"],
            label,
        ),
        Operation::post(
            "/V1/shipment/track",
            r"Magento\Sales\Api\ShipmentTrackRepositoryInterface::save",
            &["Magento_Sales::shipment"],
            save_track,
        )
        .input(|body| crate::wire::shipment::parse_track(body).map(|_| ())),
        Operation::delete(
            "/V1/shipment/track/{id}",
            r"Magento\Sales\Api\ShipmentTrackRepositoryInterface::deleteById",
            &["Magento_Sales::shipment"],
            delete_track,
        ),
    ]
}

async fn create(
    caller: Admin<SalesShip>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    RawQuery(query): RawQuery,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let mut request: shipment::ShipRequest = wire::parse_request(&body)?;
    // InventoryShipping's AssignSourceCodeToShipmentPlugin takes `sourceCode` from the
    // request's parameters (on REST, the URL's query) unless it is PHP-empty; the body's
    // `arguments.extension_attributes.source_code` is applied over it.
    let param = crate::http::search::query_params(query.as_deref().unwrap_or(""))
        .get("sourceCode")
        .and_then(|v| v.as_str().map(str::to_owned))
        .filter(|code| !crate::php::empty(Some(code)));
    if request.source_code.is_none() {
        request.source_code = param;
    }
    let id = shipment::ship_order(&state.db, order_id, request, caller.author()).await?;
    // The new id as PDO gives it: a string, as for invoices.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

/// `ShipmentRepositoryInterface::save`: the saved shipment, as the object stands after the save
/// (see `sales::shipment_save`).
async fn save(
    caller: Admin<SalesShipment>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let request = wire::parse_save(&body)?;
    let saved = shipment_save::save_shipment(&state.db, request, caller.author()).await?;
    Ok(json_response(StatusCode::OK, &ShipmentData::from(&saved)))
}

async fn show(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    cache: CacheUse,
) -> Result<Response> {
    let id = path_int(&id)?;
    crate::http::cached_document(&state, ("shipment", id), cache, async {
        let full = shipment::get_shipment(&state.db, id).await?;
        Ok(ShipmentData::loaded(&full))
    })
    .await
}

async fn list(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (shipments, total) = shipment::list_shipments(&state.db, &criteria).await?;
    Ok(converted_results(
        &shipments,
        ShipmentData::loaded,
        criteria,
        total,
    ))
}

/// `ShipmentManagementInterface::getCommentsList`.
async fn list_comments(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    crate::http::comments::list(&state, &id, Document::Shipment).await
}

/// `ShipmentCommentRepositoryInterface::save`: the URL's id is not a parameter of the service;
/// `parent_id` comes from the body, as in Magento.
async fn save_comment(
    caller: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    crate::http::comments::save(&state, &body, Document::Shipment, caller.author()).await
}

/// `ShipmentManagementInterface::notify`: `true`.
async fn emails(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: Body,
) -> Result<Response> {
    crate::http::comments::notify(&state, &id, Document::Shipment).await
}

/// `ShipmentTrackRepositoryInterface::save`: the saved track.
async fn save_track(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (parent_id, track) = wire::parse_track(&body)?;
    let saved = comments::save_track(&state.db, parent_id, track).await?;
    Ok(json_response(
        StatusCode::OK,
        &ShipmentTrackData::from(&saved),
    ))
}

/// `ShipmentTrackRepositoryInterface::deleteById`: `true`.
async fn delete_track(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let done = comments::delete_track(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &done))
}

/// `ShipmentManagementInterface::getLabel`: the stored label as a string, `""` without one;
/// base64-encoded, as the repository's `get` it goes through is (`ShippingLabelConverter`).
async fn label(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let full = shipment::get_shipment(&state.db, path_int(&id)?).await?;
    let label = full
        .shipment
        .shipping_label
        .as_deref()
        .map(wire::base64)
        .unwrap_or_default();
    Ok(json_response(StatusCode::OK, &label))
}
