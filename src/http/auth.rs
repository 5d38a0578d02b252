//! `POST /V1/integration/admin/token` (anonymous).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;

use crate::error::Result;
use crate::http::extract::Body;
use crate::http::reply::json_response;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/rest/V1/integration/admin/token", post(create_admin_token))
}

/// Replies with the token as a bare JSON string.
async fn create_admin_token(State(state): State<AppState>, Body(body): Body) -> Result<Response> {
    let (username, password) = crate::wire::auth::credentials(&body)?;
    let token = crate::auth::create_admin_token(
        &state.db,
        &state.config,
        &state.tokens,
        username,
        password,
    )
    .await?;
    Ok(json_response(StatusCode::OK, &token))
}
