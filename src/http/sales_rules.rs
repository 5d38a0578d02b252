//! Cart price rules and coupons (`SalesRule/etc/webapi.xml`, every route
//! `Magento_SalesRule::quote`): the rule repository, the coupon repository and coupon
//! management (generate, delete by ids or codes).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use crate::checkout::sales_rule as service;
use crate::error::Result;
use crate::http::extract::{Admin, Body, PathParams, SalesRuleQuote, Search};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::wire::input::{path_id_goes_inside, path_int};
use crate::wire::sales_rule as wire;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/salesRules",
            r"Magento\SalesRule\Api\RuleRepositoryInterface::save",
            &["Magento_SalesRule::quote"],
            save_rule,
        )
        .input(|body| crate::wire::sales_rule::parse_rule(body, None).map(|_| ())),
        Operation::get(
            "/V1/salesRules/search",
            r"Magento\SalesRule\Api\RuleRepositoryInterface::getList",
            &["Magento_SalesRule::quote"],
            list_rules,
        ),
        Operation::get(
            "/V1/salesRules/{ruleId}",
            r"Magento\SalesRule\Api\RuleRepositoryInterface::getById",
            &["Magento_SalesRule::quote"],
            get_rule,
        ),
        Operation::put(
            "/V1/salesRules/{ruleId}",
            r"Magento\SalesRule\Api\RuleRepositoryInterface::save",
            &["Magento_SalesRule::quote"],
            put_rule,
        )
        .input(|body| crate::wire::sales_rule::parse_rule(body, None).map(|_| ())),
        Operation::delete(
            "/V1/salesRules/{ruleId}",
            r"Magento\SalesRule\Api\RuleRepositoryInterface::deleteById",
            &["Magento_SalesRule::quote"],
            delete_rule,
        ),
        Operation::post(
            "/V1/coupons",
            r"Magento\SalesRule\Api\CouponRepositoryInterface::save",
            &["Magento_SalesRule::quote"],
            save_coupon,
        )
        .input(|body| crate::wire::sales_rule::parse_coupon(body, None).map(|_| ())),
        Operation::get(
            "/V1/coupons/search",
            r"Magento\SalesRule\Api\CouponRepositoryInterface::getList",
            &["Magento_SalesRule::quote"],
            list_coupons,
        ),
        Operation::post(
            "/V1/coupons/generate",
            r"Magento\SalesRule\Api\CouponManagementInterface::generate",
            &["Magento_SalesRule::quote"],
            generate,
        )
        .input(|body| crate::wire::sales_rule::parse_spec(body).map(|_| ())),
        Operation::post(
            "/V1/coupons/deleteByIds",
            r"Magento\SalesRule\Api\CouponManagementInterface::deleteByIds",
            &["Magento_SalesRule::quote"],
            delete_by_ids,
        )
        .input(|body| crate::wire::sales_rule::parse_mass_delete(body, false).map(|_| ())),
        Operation::post(
            "/V1/coupons/deleteByCodes",
            r"Magento\SalesRule\Api\CouponManagementInterface::deleteByCodes",
            &["Magento_SalesRule::quote"],
            delete_by_codes,
        )
        .input(|body| crate::wire::sales_rule::parse_mass_delete(body, true).map(|_| ())),
        Operation::get(
            "/V1/coupons/{couponId}",
            r"Magento\SalesRule\Api\CouponRepositoryInterface::getById",
            &["Magento_SalesRule::quote"],
            get_coupon,
        ),
        Operation::put(
            "/V1/coupons/{couponId}",
            r"Magento\SalesRule\Api\CouponRepositoryInterface::save",
            &["Magento_SalesRule::quote"],
            put_coupon,
        )
        .input(|body| crate::wire::sales_rule::parse_coupon(body, None).map(|_| ())),
        Operation::delete(
            "/V1/coupons/{couponId}",
            r"Magento\SalesRule\Api\CouponRepositoryInterface::deleteById",
            &["Magento_SalesRule::quote"],
            delete_coupon,
        ),
    ]
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
    let path_id = Some(id.as_str()).filter(|_| path_id_goes_inside(&body));
    let saved = service::save_rule(&s.db, wire::parse_rule(&body, path_id)?).await?;
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
    let path_id = Some(id.as_str()).filter(|_| path_id_goes_inside(&body));
    let saved = service::save_coupon(&s.db, wire::parse_coupon(&body, path_id)?).await?;
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
