//! Checkout agreements (`CheckoutAgreements/etc/webapi.xml`): the active list and the search
//! list, both for an admin (`Magento_Sales::sales`). The rules are in
//! `crate::checkout::agreements`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;

use crate::checkout::agreements;
use crate::error::Result;
use crate::http::extract::{Admin, SalesSales, Search};
use crate::http::reply::json_response;
use crate::http::routes::Operation;
use crate::http::StoreScope;
use crate::wire::agreement::AgreementData;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/carts/licence",
            r"Magento\CheckoutAgreements\Api\CheckoutAgreementsRepositoryInterface::getList",
            &["Magento_Sales::sales"],
            active,
        ),
        Operation::get(
            "/V1/carts/licence/list",
            r"Magento\CheckoutAgreements\Api\CheckoutAgreementsListInterface::getList",
            &["Magento_Sales::sales"],
            list,
        ),
    ]
}

/// A plain list (`AgreementInterface[]`), `[]` while agreements are off; those of the URL's
/// store view (`ActiveStoreAgreementsFilter`: for `/rest/all/`, the admin store 0's).
async fn active(
    _: Admin<SalesSales>,
    State(state): State<AppState>,
    scope: Option<Extension<StoreScope>>,
) -> Result<Response> {
    let scope = scope.map(|Extension(s)| s);
    let store_id = crate::http::scope_store_id(&state, scope.as_ref()).await?;
    let found = agreements::active(&state.db, store_id).await?;
    let data: Vec<AgreementData> = found.iter().map(AgreementData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

/// Also a plain list: the service returns the items alone, no search result object.
async fn list(
    _: Admin<SalesSales>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (found, _) = agreements::search(&state.db, &criteria).await?;
    let data: Vec<AgreementData> = found.iter().map(AgreementData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}
