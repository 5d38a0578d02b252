//! `GET /V1/categories/{id}` (CategoryRepositoryInterface::get), `GET /V1/categories/list`
//! (CategoryListInterface::getList) and `GET /V1/categories` (CategoryManagementInterface::getTree,
//! optional `rootCategoryId` and `depth`).

use std::collections::HashMap;

use axum::extract::{RawQuery, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use axum::Extension;

use crate::catalog::category;
use crate::error::Result;
use crate::http::extract::{Admin, Body, CatalogCategories, PathParams, Search};
use crate::http::reply::{eav_search_results, json_response};
use crate::http::routes::Operation;
use crate::http::StoreScope;
use crate::wire::category::{
    parse_product_link, CategoryData, CategoryProductLinkData, CategoryTreeData,
};
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
        Operation::get(
            "/V1/categories/{categoryId}/products",
            r"Magento\Catalog\Api\CategoryLinkManagementInterface::getAssignedProducts",
            &["Magento_Catalog::categories"],
            assigned_products,
        ),
        Operation::post(
            "/V1/categories/{categoryId}/products",
            r"Magento\Catalog\Api\CategoryLinkRepositoryInterface::save",
            &["Magento_Catalog::categories"],
            save_link,
        )
        .input(|body| parse_product_link(body, None).map(|_| ())),
        Operation::put(
            "/V1/categories/{categoryId}/products",
            r"Magento\Catalog\Api\CategoryLinkRepositoryInterface::save",
            &["Magento_Catalog::categories"],
            save_link,
        )
        .input(|body| parse_product_link(body, None).map(|_| ())),
        Operation::delete(
            "/V1/categories/{categoryId}/products/{sku}",
            r"Magento\Catalog\Api\CategoryLinkRepositoryInterface::deleteByIds",
            &["Magento_Catalog::categories"],
            delete_link,
        ),
    ]
}

/// `CategoryLinkManagement::getAssignedProducts` in the request's store (`/rest/all/`: the
/// admin store).
async fn assigned_products(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    scope: Option<Extension<StoreScope>>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let id = path_int(&id)?;
    let scope = scope.map(|Extension(s)| s);
    let store_id = crate::http::scope_store_id(&state, scope.as_ref()).await?;
    let (category, links) = category::assigned_products(&state.db, id, store_id).await?;
    let category_id = category.row.entity_id.to_string();
    let links: Vec<CategoryProductLinkData> = links
        .into_iter()
        .map(|(sku, position)| CategoryProductLinkData {
            sku,
            position,
            category_id: category_id.clone(),
        })
        .collect();
    Ok(json_response(StatusCode::OK, &links))
}

/// `CategoryLinkRepository::save`: a POST names the category in the object
/// (`productLink.category_id`; the path's is not read), a PUT by the path. `true`.
async fn save_link(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    method: Method,
    PathParams(path_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let put = method == Method::PUT;
    let link = parse_product_link(&body, put.then_some(path_id.as_str()))?;
    // `Category::load($id)`: MySQL reads the string as a number (none for `abc`).
    let (category_id, shown) = match link.category_id {
        Some(id) => (
            crate::wire::input::path_int(id.trim()).unwrap_or(0),
            serde_json::Value::String(id),
        ),
        None => (0, serde_json::Value::Null),
    };
    category::save_link(
        &state.db,
        category_id,
        shown,
        link.sku.as_deref().unwrap_or(""),
        link.position,
    )
    .await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `CategoryLinkRepository::deleteByIds`. `true`.
async fn delete_link(
    _: Admin<CatalogCategories>,
    State(state): State<AppState>,
    PathParams((id, sku)): PathParams<(String, String)>,
) -> Result<Response> {
    category::delete_link(&state.db, path_int(&id)?, &sku).await?;
    Ok(json_response(StatusCode::OK, &true))
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
    Ok(eav_search_results(
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
