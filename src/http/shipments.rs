//! `POST /V1/order/{orderId}/ship`, `GET /V1/shipment/{id}` and `GET /V1/shipments`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesShip, SalesShipment, Search};
use crate::http::reply::json_response;
use crate::sales::shipment::{
    self, ShipCommentRequest, ShipItemRequest, ShipRequest, TrackRequest,
};
use crate::search::SearchResults;
use crate::wire::input::{self, param, path_int, Obj};
use crate::wire::shipment::ShipmentData;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/order/{orderId}/ship", post(create))
        .route("/rest/V1/shipment/{id}", get(show))
        .route("/rest/V1/shipments", get(list))
}

/// The body of `ShipOrderInterface::execute`, converted as Magento's input layer does.
/// `packages` (`ShipmentPackageCreationInterface[]`) is checked and then ignored, as Magento's
/// `ShipmentDocumentFactory` ignores it.
pub fn parse_request(body: &Map<String, Value>) -> Result<ShipRequest> {
    let flag = |name: &str| param(body, name).map(input::to_bool).unwrap_or(false);
    let mut request = ShipRequest {
        notify: flag("notify"),
        append_comment: flag("append_comment"),
        ..Default::default()
    };
    if let Some(items) = param(body, "items") {
        for (order_item_id, qty) in input::line_items(items)? {
            request.items.push(ShipItemRequest { order_item_id, qty });
        }
    }
    if let Some(comment) = param(body, "comment") {
        let (comment, is_visible_on_front) = input::document_comment(comment)?;
        request.comment = Some(ShipCommentRequest {
            comment,
            is_visible_on_front,
        });
    }
    if let Some(tracks) = param(body, "tracks") {
        for track in input::list(tracks)? {
            let o = Obj::new(
                track,
                &[
                    "track_number",
                    "title",
                    "carrier_code",
                    "extension_attributes",
                ],
            )?;
            request.tracks.push(TrackRequest {
                track_number: o.string("track_number")?,
                title: o.string("title")?,
                carrier_code: o.string("carrier_code")?,
            });
        }
    }
    if let Some(packages) = param(body, "packages") {
        for package in input::list(packages)? {
            Obj::new(package, &["extension_attributes"])?;
        }
    }
    if let Some(arguments) = param(body, "arguments") {
        let o = Obj::new(arguments, &["extension_attributes"])?;
        if let Some((_, extension)) = o.get("extension_attributes") {
            let ext = Obj::new(extension, &["source_code"])?;
            request.source_code = ext.string("source_code")?;
        }
    }
    Ok(request)
}

async fn create(
    _: Admin<SalesShip>,
    State(state): State<AppState>,
    PathParams(order_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let order_id = path_int(&order_id)?;
    let request = parse_request(&body)?;
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
    let results = SearchResults {
        items: shipments.iter().map(ShipmentData::from).collect(),
        search_criteria: criteria,
        total_count: total,
    };
    Ok(json_response(StatusCode::OK, &results))
}
