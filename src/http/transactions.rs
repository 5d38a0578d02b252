//! `GET /V1/transactions/{id}` and `GET /V1/transactions` (TransactionRepositoryInterface).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{Admin, PathParams, SalesTransactions, Search};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::sales::payment;
use crate::wire::input::path_int;
use crate::wire::transaction::TransactionData;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/transactions/{id}",
            r"Magento\Sales\Api\TransactionRepositoryInterface::get",
            &["Magento_Sales::transactions_fetch"],
            show,
        ),
        Operation::get(
            "/V1/transactions",
            r"Magento\Sales\Api\TransactionRepositoryInterface::getList",
            &["Magento_Sales::transactions_fetch"],
            list,
        ),
    ]
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
