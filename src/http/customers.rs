//! Customers (`Customer/etc/webapi.xml`): create an account (anonymous), read by id, search,
//! `me` (a customer token), groups; and `POST /V1/integration/customer/token` (anonymous).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::customer;
use crate::error::Result;
use crate::http::extract::{
    Admin, Body, CustomerGroupView, CustomerView, PathParams, Search, SelfCustomer,
};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::{Operation, ANONYMOUS, SELF};
use crate::wire::customer::{self as wire, CustomerData, GroupData};
use crate::wire::input::path_int;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/customers",
            r"Magento\Customer\Api\AccountManagementInterface::createAccount",
            &[ANONYMOUS],
            create,
        ),
        Operation::get(
            "/V1/customers/me",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getById",
            &[SELF],
            me,
        )
        .forced(&["customerId"]),
        Operation::get(
            "/V1/customers/search",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getList",
            &["Magento_Customer::customer"],
            search,
        ),
        Operation::get(
            "/V1/customers/{customerId}",
            r"Magento\Customer\Api\CustomerRepositoryInterface::getById",
            &["Magento_Customer::customer"],
            read,
        ),
        Operation::get(
            "/V1/customerGroups/default",
            r"Magento\Customer\Api\GroupManagementInterface::getDefaultGroup",
            &["Magento_Customer::group"],
            default_group,
        ),
        Operation::get(
            "/V1/customerGroups/{id}",
            r"Magento\Customer\Api\GroupRepositoryInterface::getById",
            &["Magento_Customer::group"],
            group,
        ),
        Operation::post(
            "/V1/integration/customer/token",
            r"Magento\Integration\Api\CustomerTokenServiceInterface::createCustomerAccessToken",
            &[ANONYMOUS],
            token,
        ),
    ]
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
