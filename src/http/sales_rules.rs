//! Cart price rules and coupons (`SalesRule/etc/webapi.xml`, every route
//! `Magento_SalesRule::quote`): the rule repository, the coupon repository and coupon
//! management (generate, delete by ids or codes).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::Value;

use crate::checkout::sales_rule as service;
use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesRuleQuote, Search};
use crate::http::reply::{json_response, search_results};
use crate::wire::input::path_int;
use crate::wire::sales_rule as wire;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rest/V1/salesRules", post(save_rule))
        .route("/rest/V1/salesRules/search", get(list_rules))
        .route(
            "/rest/V1/salesRules/{ruleId}",
            get(get_rule).put(put_rule).delete(delete_rule),
        )
        .route("/rest/V1/coupons", post(save_coupon))
        .route("/rest/V1/coupons/search", get(list_coupons))
        .route("/rest/V1/coupons/generate", post(generate))
        .route("/rest/V1/coupons/deleteByIds", post(delete_by_ids))
        .route("/rest/V1/coupons/deleteByCodes", post(delete_by_codes))
        .route(
            "/rest/V1/coupons/{couponId}",
            get(get_coupon).put(put_coupon).delete(delete_coupon),
        )
}

async fn save_rule(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let saved = service::save_rule(&s.db, wire::parse_rule(&body, None)?).await?;
    Ok(json_response(StatusCode::OK, &wire::rule(&saved)))
}

async fn put_rule(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let saved = service::save_rule(&s.db, wire::parse_rule(&body, Some(&id))?).await?;
    Ok(json_response(StatusCode::OK, &wire::rule(&saved)))
}

async fn get_rule(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let rule = service::get_rule(&s.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &wire::rule(&rule)))
}

async fn delete_rule(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    service::delete_rule(&s.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn list_rules(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (rules, total) = service::list_rules(&s.db, &criteria).await?;
    let items: Vec<Value> = rules.iter().map(wire::rule).collect();
    Ok(search_results(items, criteria, total))
}

async fn save_coupon(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let saved = service::save_coupon(&s.db, wire::parse_coupon(&body, None)?).await?;
    Ok(json_response(StatusCode::OK, &wire::saved_coupon(&saved)))
}

async fn put_coupon(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let saved = service::save_coupon(&s.db, wire::parse_coupon(&body, Some(&id))?).await?;
    Ok(json_response(StatusCode::OK, &wire::saved_coupon(&saved)))
}

async fn get_coupon(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let coupon = service::get_coupon(&s.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &wire::coupon(&coupon)))
}

async fn delete_coupon(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    service::delete_coupon(&s.db, path_int(&id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn list_coupons(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (coupons, total) = service::list_coupons(&s.db, &criteria).await?;
    let items: Vec<Value> = coupons.iter().map(wire::coupon).collect();
    Ok(search_results(items, criteria, total))
}

/// `CouponManagementInterface::generate`: the codes, a JSON list of strings.
async fn generate(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let codes = service::generate(&s.db, wire::parse_spec(&body)?).await?;
    Ok(json_response(StatusCode::OK, &codes))
}

async fn delete_by_ids(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (ids, ignore) = wire::parse_mass_delete(&body, false)?;
    let result = service::mass_delete(&s.db, ids, false, ignore).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::mass_delete_result(&result),
    ))
}

async fn delete_by_codes(
    _: Admin<SalesRuleQuote>,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let (codes, ignore) = wire::parse_mass_delete(&body, true)?;
    let result = service::mass_delete(&s.db, codes, true, ignore).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::mass_delete_result(&result),
    ))
}
