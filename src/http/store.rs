//! `GET /V1/store/websites`, `/storeGroups`, `/storeViews`, `/storeConfigs` (Magento_Backend::store),
//! and `GET /V1/directory/currency`, `/V1/directory/countries` and `/countries/{countryId}`
//! (anonymous), and `GET /V1/modules` (Magento_Backend::admin).

use axum::extract::{Extension, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::Response;

use crate::db::{directory, store};
use crate::error::{Error, Phrase, Result};
use crate::http::extract::{Admin, BackendAdmin, PathParams, StoreView};
use crate::http::reply::json_response;
use crate::http::routes::{Operation, ANONYMOUS};
use crate::http::StoreScope;
use crate::wire::directory::CountryInformationData;
use crate::wire::store::{
    CurrencyInformationData, GroupData, StoreConfigData, StoreViewData, WebsiteData,
};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/store/websites",
            r"Magento\Store\Api\WebsiteRepositoryInterface::getList",
            &["Magento_Backend::store"],
            websites,
        ),
        Operation::get(
            "/V1/store/storeGroups",
            r"Magento\Store\Api\GroupRepositoryInterface::getList",
            &["Magento_Backend::store"],
            groups,
        ),
        Operation::get(
            "/V1/store/storeViews",
            r"Magento\Store\Api\StoreRepositoryInterface::getList",
            &["Magento_Backend::store"],
            views,
        ),
        Operation::get(
            "/V1/store/storeConfigs",
            r"Magento\Store\Api\StoreConfigManagerInterface::getStoreConfigs",
            &["Magento_Backend::store"],
            configs,
        ),
        Operation::get(
            "/V1/directory/currency",
            r"Magento\Directory\Api\CurrencyInformationAcquirerInterface::getCurrencyInfo",
            &[ANONYMOUS],
            currency,
        ),
        Operation::get(
            "/V1/directory/countries",
            r"Magento\Directory\Api\CountryInformationAcquirerInterface::getCountriesInfo",
            &[ANONYMOUS],
            countries,
        ),
        Operation::get(
            "/V1/directory/countries/{countryId}",
            r"Magento\Directory\Api\CountryInformationAcquirerInterface::getCountryInfo",
            &[ANONYMOUS],
            country,
        ),
        Operation::get(
            "/V1/modules",
            r"Magento\Backend\Service\V1\ModuleServiceInterface::getModules",
            &["Magento_Backend::admin"],
            modules,
        ),
    ]
}

/// The modules a fresh Magento Open Source 2.4.8-p4 install enables, in the order its module
/// loader gives them (`app/etc/config.php` as `setup:install` writes it, from a stock
/// install's: github samsteele/magento-2-4-8 at 99a4c5d, 365 modules), less the two that
/// magemu's stores do not run: `Magento_TwoFactorAuth` and `Magento_AdminAdobeImsTwoFactorAuth`
/// (enabled, they refuse `POST /V1/integration/admin/token` with "Please use the 2fa
/// provider-specific endpoints to obtain a token.", which magemu answers; test setups disable
/// them for that reason).
const MODULES: &str = include_str!("modules-2.4.8-p4.txt");

/// `ModuleService::getModules`: `ModuleList::getNames()`, the enabled modules' names.
async fn modules(_: Admin<BackendAdmin>) -> Result<Response> {
    let names: Vec<&str> = MODULES.lines().filter(|l| !l.is_empty()).collect();
    Ok(json_response(StatusCode::OK, &names))
}

/// `CountryInformationAcquirer::getCountriesInfo`: every allowed country, in key order.
async fn countries(State(state): State<AppState>) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let countries = directory::countries(&mut conn, None).await?;
    let regions = directory::regions_of(&mut conn, None).await?;
    let data: Vec<CountryInformationData> = countries
        .into_iter()
        .map(|c| CountryInformationData::new(c, &regions))
        .collect();
    Ok(json_response(StatusCode::OK, &data))
}

/// `CountryInformationAcquirer::getCountryInfo`: the id as it is (`us` is not `US`), else
/// 404 `The country isn't available.` (2.4.4 to 2.4.8; 2.3 said "Requested country is not
/// available.").
async fn country(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let country = directory::countries(&mut conn, Some(&id))
        .await?
        .pop()
        .ok_or_else(|| Error::NotFound(Phrase::plain(crate::error::COUNTRY_NOT_AVAILABLE)))?;
    let regions = directory::regions_of(&mut conn, Some(&id)).await?;
    Ok(json_response(
        StatusCode::OK,
        &CountryInformationData::new(country, &regions),
    ))
}

/// `CurrencyInformationAcquirer::getCurrencyInfo` for the store the path names.
async fn currency(
    State(state): State<AppState>,
    scope: Option<Extension<StoreScope>>,
) -> Result<Response> {
    let code = scope.and_then(|Extension(StoreScope(code))| code);
    let mut conn = state.db.read.acquire().await?;
    let config = store::view_config(&mut conn, code.as_deref())
        .await?
        .ok_or_else(|| crate::error::Error::internal("the store view has no configuration"))?;
    Ok(json_response(
        StatusCode::OK,
        &CurrencyInformationData::new(&config),
    ))
}

async fn websites(_: Admin<StoreView>, State(state): State<AppState>) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let rows = store::websites(&mut conn).await?;
    let data: Vec<WebsiteData> = rows.into_iter().map(WebsiteData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

async fn groups(_: Admin<StoreView>, State(state): State<AppState>) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let rows = store::groups(&mut conn).await?;
    let data: Vec<GroupData> = rows.into_iter().map(GroupData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

async fn views(_: Admin<StoreView>, State(state): State<AppState>) -> Result<Response> {
    let mut conn = state.db.read.acquire().await?;
    let rows = store::views(&mut conn).await?;
    let data: Vec<StoreViewData> = rows.into_iter().map(StoreViewData::from).collect();
    Ok(json_response(StatusCode::OK, &data))
}

/// One entry per store view (admin excluded), optionally only those of `storeCodes[]`; the URLs
/// are those of this server as the client reached it.
async fn configs(
    _: Admin<StoreView>,
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let base = format!("http://{host}/");
    // `storeCodes` is a `string[]` parameter: read as PHP reads the query string, and a scalar
    // is the array type's error (`TypeProcessor::processSimpleAndAnyType`).
    let params = crate::http::search::query_params(uri.query().unwrap_or(""));
    let codes: Vec<String> = match crate::wire::input::param(&params, "storeCodes") {
        Some(v) => crate::wire::input::string_list(v, &[])?,
        None => Vec::new(),
    };
    let mut conn = state.db.read.acquire().await?;
    let rows = store::configs(&mut conn).await?;
    let data: Vec<StoreConfigData> = rows
        .into_iter()
        .filter(|(s, _)| codes.is_empty() || codes.contains(&s.code))
        .map(|(s, c)| StoreConfigData::new(s, c, &base))
        .collect();
    Ok(json_response(StatusCode::OK, &data))
}
