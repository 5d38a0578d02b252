//! `POST /V1/order/{orderId}/ship`, `GET /V1/shipment/{id}` and `GET /V1/shipments`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesShip, SalesShipment, Search};
use crate::http::reply::{json_response, search_results};
use crate::sales::shipment;
use crate::wire::input::path_int;
use crate::wire::shipment::{self as wire, ShipmentData};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/order/{orderId}/ship", post(create))
        .route("/rest/V1/shipment/{id}", get(show))
        .route("/rest/V1/shipments", get(list))
}

async fn create(
    _: Admin<SalesShip>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = wire::parse_request(&body)?;
    let id = shipment::ship_order(&state.db, order_id, request).await?;
    // The new id as PDO gives it: a string, as for invoices.
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

async fn show(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    crate::http::cached_document(&state, ("shipment", id), async {
        let full = shipment::get_shipment(&state.db, id).await?;
        Ok(ShipmentData::from(&full))
    })
    .await
}

async fn list(
    _: Admin<SalesShipment>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (shipments, total) = shipment::list_shipments(&state.db, &criteria).await?;
    Ok(search_results(
        shipments.iter().map(ShipmentData::from).collect(),
        criteria,
        total,
    ))
}
