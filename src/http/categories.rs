//! `GET /V1/categories/{id}` (CategoryRepositoryInterface::get), `GET /V1/categories/list`
//! (CategoryListInterface::getList) and `GET /V1/categories` (CategoryManagementInterface::getTree,
//! optional `rootCategoryId` and `depth`).

use std::collections::HashMap;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;

use crate::catalog::category;
use crate::error::Result;
use crate::http::extract::{Admin, CatalogCategories, PathParams, Search};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::Operation;
use crate::http::StoreScope;
use crate::wire::category::{CategoryData, CategoryTreeData};
use crate::wire::input::path_int;
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/categories",
            r"Magento\Catalog\Api\CategoryManagementInterface::getTree",
            &["Magento_Catalog::categories"],
            tree,
        ),
        Operation::get(
            "/V1/categories/list",
            r"Magento\Catalog\Api\CategoryListInterface::getList",
            &["Magento_Catalog::categories"],
            list,
        ),
        Operation::get(
            "/V1/categories/{categoryId}",
            r"Magento\Catalog\Api\CategoryRepositoryInterface::get",
            &["Magento_Catalog::categories"],
            read,
        ),
    ]
}

async fn read(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let category = category::get(&state.db, path_int(&id)?).await?;
    Ok(json_response(
        StatusCode::OK,
        &CategoryData::from(&category),
    ))
}

/// `CategoryListInterface::getList`: each category as a read by id shows it.
async fn list(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (categories, total) = category::list(&state.db, &criteria).await?;
    Ok(search_results(
        categories.iter().map(CategoryData::from).collect(),
        criteria,
        total,
    ))
}

async fn tree(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    scope: Option<Extension<StoreScope>>,
    RawQuery(query): RawQuery,
) -> Result<Response> {
    let params: HashMap<String, String> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or("")).unwrap_or_default();
    let int = |name: &str| params.get(name).map(|v| path_int(v)).transpose();
    let (root, depth) = (int("rootCategoryId")?, int("depth")?);
    let root = match root {
        Some(id) => id,
        None => {
            let code = scope.and_then(|Extension(StoreScope(code))| code);
            category::scope_root(&state.db, code.as_deref()).await?
        }
    };
    let tree = category::tree(&state.db, root, depth).await?;
    Ok(json_response(
        StatusCode::OK,
        &CategoryTreeData::from(&tree),
    ))
}
