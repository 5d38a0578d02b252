//! Tax classes, rates and rules (`Tax/etc/webapi.xml`: `TaxClassRepositoryInterface`,
//! `TaxRateRepositoryInterface`, `TaxRuleRepositoryInterface`), all `Magento_Tax::manage_tax`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, Search, TaxManage};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::tax::class::{self as tax, Saved};
use crate::tax::{rate, rule};
use crate::wire::input::{path_id_goes_inside, path_int};
use crate::wire::tax::{
    parse_tax_class, parse_tax_rate, parse_tax_rule, TaxClassData, TaxRateData, TaxRuleData,
};
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
        )
        .input(|body| crate::wire::tax::parse_tax_class(body).map(|_| ())),
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
        .input(|body| crate::wire::tax::parse_tax_class(body).map(|_| ()))
        .forced(&["taxClass.class_id"]),
        Operation::delete(
            "/V1/taxClasses/{taxClassId}",
            r"Magento\Tax\Api\TaxClassRepositoryInterface::deleteById",
            &[ACL],
            delete,
        ),
        Operation::post(
            "/V1/taxRates",
            r"Magento\Tax\Api\TaxRateRepositoryInterface::save",
            &[ACL],
            save_rate,
        )
        .input(|body| crate::wire::tax::parse_tax_rate(body).map(|_| ())),
        Operation::put(
            "/V1/taxRates",
            r"Magento\Tax\Api\TaxRateRepositoryInterface::save",
            &[ACL],
            save_rate,
        )
        .input(|body| crate::wire::tax::parse_tax_rate(body).map(|_| ())),
        Operation::get(
            "/V1/taxRates/search",
            r"Magento\Tax\Api\TaxRateRepositoryInterface::getList",
            &[ACL],
            search_rates,
        ),
        Operation::get(
            "/V1/taxRates/{rateId}",
            r"Magento\Tax\Api\TaxRateRepositoryInterface::get",
            &[ACL],
            read_rate,
        ),
        Operation::delete(
            "/V1/taxRates/{rateId}",
            r"Magento\Tax\Api\TaxRateRepositoryInterface::deleteById",
            &[ACL],
            delete_rate,
        ),
        Operation::post(
            "/V1/taxRules",
            r"Magento\Tax\Api\TaxRuleRepositoryInterface::save",
            &[ACL],
            save_rule,
        )
        .input(|body| crate::wire::tax::parse_tax_rule(body).map(|_| ())),
        Operation::put(
            "/V1/taxRules",
            r"Magento\Tax\Api\TaxRuleRepositoryInterface::save",
            &[ACL],
            save_rule,
        )
        .input(|body| crate::wire::tax::parse_tax_rule(body).map(|_| ())),
        Operation::get(
            "/V1/taxRules/search",
            r"Magento\Tax\Api\TaxRuleRepositoryInterface::getList",
            &[ACL],
            search_rules,
        ),
        Operation::get(
            "/V1/taxRules/{ruleId}",
            r"Magento\Tax\Api\TaxRuleRepositoryInterface::get",
            &[ACL],
            read_rule,
        ),
        Operation::delete(
            "/V1/taxRules/{ruleId}",
            r"Magento\Tax\Api\TaxRuleRepositoryInterface::deleteById",
            &[ACL],
            delete_rule,
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

/// `ParamsOverrider::overrideRequestBodyIdWithPathParam`: the path's id wins over the body's
/// when the body is the tax class alone ([`path_id_goes_inside`]).
async fn update(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let mut input = parse_tax_class(&body)?;
    if path_id_goes_inside(&body) {
        input.class_id = Some(path_int(&id)?);
    }
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

/// `POST` and `PUT /V1/taxRates`: the same save (an `id` in the body updates).
async fn save_rate(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let saved = rate::save(&state.db, parse_tax_rate(&body)?).await?;
    Ok(json_response(StatusCode::OK, &TaxRateData::from(saved)))
}

async fn read_rate(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let found = rate::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &TaxRateData::from(found)))
}

async fn delete_rate(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    rate::delete(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn search_rates(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (found, total) = rate::list(&state.db, &criteria).await?;
    Ok(search_results(
        found.into_iter().map(TaxRateData::from).collect(),
        criteria,
        total,
    ))
}

/// `POST` and `PUT /V1/taxRules`: the same save (an `id` in the body updates).
async fn save_rule(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let saved = rule::save(&state.db, parse_tax_rule(&body)?).await?;
    Ok(json_response(StatusCode::OK, &TaxRuleData::from(saved)))
}

async fn read_rule(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let found = rule::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &TaxRuleData::from(found)))
}

async fn delete_rule(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    rule::delete(&state.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn search_rules(
    _: Admin<TaxManage>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (found, total) = rule::list(&state.db, &criteria).await?;
    Ok(search_results(
        found.into_iter().map(TaxRuleData::from).collect(),
        criteria,
        total,
    ))
}
