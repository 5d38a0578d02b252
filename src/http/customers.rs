//! Customers (`Customer/etc/webapi.xml`): create an account (anonymous), read by id, search,
//! `me` (a customer token), groups; and `POST /V1/integration/customer/token` (anonymous).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;

use crate::customer;
use crate::error::Result;
use crate::http::extract::{
    Admin, Body, CustomerGroupView, CustomerView, PathParams, Search, SelfCustomer,
};
use crate::http::reply::{json_response, search_results};
use crate::wire::customer::{self as wire, CustomerData, GroupData};
use crate::wire::input::path_int;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/customers", post(create))
        .route("/rest/V1/customers/me", get(me))
        .route("/rest/V1/customers/search", get(search))
        .route("/rest/V1/customers/{customerId}", get(read))
        .route("/rest/V1/customerGroups/default", get(default_group))
        .route("/rest/V1/customerGroups/{id}", get(group))
        .route("/rest/V1/integration/customer/token", post(token))
}

/// `AccountManagement::createAccount`: anonymous, the saved customer as the reply.
async fn create(State(state): State<AppState>, Body(body): Body) -> Result<Response> {
    let (input, password) = wire::parse_create(&body)?;
    let id = customer::create_account(&state.db, input, password).await?;
    let customer = customer::get(&state.db, id).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

async fn read(
    _: Admin<CustomerView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let customer = customer::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

async fn me(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    let customer = customer::get(&state.db, id).await?;
    Ok(json_response(
        StatusCode::OK,
        &CustomerData::from(&customer),
    ))
}

async fn search(
    _: Admin<CustomerView>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (customers, total) = customer::list(&state.db, &criteria).await?;
    Ok(search_results(
        customers.iter().map(CustomerData::from).collect(),
        criteria,
        total,
    ))
}

async fn group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let group = customer::group(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&group)))
}

/// `GroupManagement::getDefaultGroup`: `customer/create_account/default_group` (1, General).
async fn default_group(
    _: Admin<CustomerGroupView>,
    State(state): State<AppState>,
) -> Result<Response> {
    let group = customer::group(&state.db, customer::DEFAULT_GROUP_ID).await?;
    Ok(json_response(StatusCode::OK, &GroupData::from(&group)))
}

/// The token as a bare JSON string.
async fn token(State(state): State<AppState>, Body(body): Body) -> Result<Response> {
    let (username, password) = crate::wire::auth::credentials(&body)?;
    let token = customer::create_token(&state.db, username, password).await?;
    Ok(json_response(StatusCode::OK, &token))
}
