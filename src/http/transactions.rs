//! `GET /V1/transactions/{id}` and `GET /V1/transactions` (TransactionRepositoryInterface).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use crate::error::Result;
use crate::http::extract::{Admin, PathParams, SalesTransactions, Search};
use crate::http::reply::{json_response, search_results};
use crate::sales::payment;
use crate::wire::input::path_int;
use crate::wire::transaction::TransactionData;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/transactions/{id}", get(show))
        .route("/rest/V1/transactions", get(list))
}

async fn show(
    _: Admin<SalesTransactions>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let (transaction, children) = payment::get_transaction(&state.db, path_int(&id)?).await?;
    let data = TransactionData::new(&transaction, &children);
    Ok(json_response(StatusCode::OK, &data))
}

async fn list(
    _: Admin<SalesTransactions>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (rows, total) = payment::list_transactions(&state.db, &criteria).await?;
    let items = rows
        .iter()
        .map(|(t, c)| TransactionData::new(t, c))
        .collect();
    Ok(search_results(items, criteria, total))
}
