//! Tax classes (`Tax/etc/webapi.xml`, `TaxClassRepositoryInterface`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, Search, TaxManage};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::tax::{self, Saved};
use crate::wire::input::path_int;
use crate::wire::tax::{parse_tax_class, TaxClassData};
use crate::AppState;

const ACL: &str = "Magento_Tax::manage_tax";

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/taxClasses",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::save",
            &[ACL],
            create,
        ),
        Operation::get(
            "/V1/taxClasses/search",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::getList",
            &[ACL],
            search,
        ),
        Operation::get(
            "/V1/taxClasses/{taxClassId}",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::get",
            &[ACL],
            read,
        ),
        Operation::put(
            "/V1/taxClasses/{classId}",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::save",
            &[ACL],
            update,
        )
        .forced(&["taxClass.class_id"]),
        Operation::delete(
            "/V1/taxClasses/{taxClassId}",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::deleteById",
            &[ACL],
            delete,
        ),
    ]
}

/// The id a save answers: a new class's as a string, an updated one's as a number.
fn saved_reply(saved: Saved) -> Response {
    match saved {
        Saved::Created(id) => json_response(StatusCode::OK, &id.to_string()),
        Saved::Updated(id) => json_response(StatusCode::OK, &id),
    }
}

async fn create(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = parse_tax_class(&body)?;
    Ok(saved_reply(tax::save(&state.db, input).await?))
}

/// `ParamsOverrider::overrideRequestBodyIdWithPathParam`: the path's id wins over the body's.
async fn update(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let id = path_int(&id)?;
    let mut input = parse_tax_class(&body)?;
    input.class_id = Some(id);
    Ok(saved_reply(tax::save(&state.db, input).await?))
}

async fn read(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let class = tax::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &TaxClassData::from(&class)))
}

async fn delete(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    tax::delete(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn search(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (found, total) = tax::list(&state.db, &criteria).await?;
    Ok(search_results(
        found.iter().map(TaxClassData::from).collect(),
        criteria,
        total,
    ))
}
