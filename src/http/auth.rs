//! `POST /V1/integration/admin/token` (anonymous).
//!
//! module-integration's etc/webapi.xml binds it to `Integration\Api\AdminTokenServiceInterface`;
//! module-two-factor-auth's rebinds the same route to its own `AdminTokenServiceInterface`,
//! which refuses a token until 2FA is set up. magemu answers as a store with 2FA disabled, so
//! the route table (and the schema) name Integration's service (`integrationAdminTokenServiceV1`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::Body;
use crate::http::reply::json_response;
use crate::http::routes::{Operation, ANONYMOUS};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![Operation::post(
        "/V1/integration/admin/token",
        r"Magento\Integration\Api\AdminTokenServiceInterface::createAdminAccessToken",
        &[ANONYMOUS],
        create_admin_token,
    )
    .input(|body| crate::wire::auth::convert_credentials(body).map(|_| ()))]
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
