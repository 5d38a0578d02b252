//! `Magento\Catalog\Api\Data\CategoryInterface` and `CategoryTreeInterface` as JSON.

use serde::Serialize;

use crate::catalog::category::{Category, TreeNode};
use crate::wire::product::CustomAttributeData;

/// `CategoryInterface`, getters in order (`available_sort_by` an empty list when unset,
/// `is_active`/`include_in_menu` booleans, `children` the child ids joined by commas).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-category-interface")]
pub struct CategoryData {
    pub id: i64,
    pub parent_id: i64,
    pub name: String,
    pub is_active: bool,
    pub position: i64,
    pub level: i64,
    pub children: String,
    pub created_at: String,
    pub updated_at: String,
    pub path: String,
    pub available_sort_by: Vec<String>,
    pub include_in_menu: bool,
    pub custom_attributes: Vec<CustomAttributeData>,
}

impl From<&Category> for CategoryData {
    fn from(c: &Category) -> Self {
        let r = &c.row;
        let attr = |code: &str, value: String| CustomAttributeData {
            attribute_code: code.into(),
            value: value.into(),
        };
        let mut custom_attributes = vec![
            attr("path", r.path.clone()),
            attr("children_count", c.children_count.to_string()),
        ];
        if let Some(url_key) = &r.url_key {
            custom_attributes.push(attr("url_key", url_key.clone()));
        }
        custom_attributes.push(attr("is_anchor", "1".into()));
        CategoryData {
            id: r.entity_id,
            parent_id: r.parent_id,
            name: r.name.clone(),
            is_active: r.is_active != 0,
            position: r.position,
            level: r.level,
            children: c
                .children
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(","),
            created_at: r.created_at.clone(),
            updated_at: r.updated_at.clone(),
            path: r.path.clone(),
            available_sort_by: Vec::new(),
            include_in_menu: r.include_in_menu != 0,
            custom_attributes,
        }
    }
}

/// `CategoryTreeInterface`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-category-tree-interface")]
pub struct CategoryTreeData {
    pub id: i64,
    pub parent_id: i64,
    pub name: String,
    pub is_active: bool,
    pub position: i64,
    pub level: i64,
    pub product_count: i64,
    pub children_data: Vec<CategoryTreeData>,
}

impl From<&TreeNode> for CategoryTreeData {
    fn from(n: &TreeNode) -> Self {
        CategoryTreeData {
            id: n.row.entity_id,
            parent_id: n.row.parent_id,
            name: n.row.name.clone(),
            is_active: n.row.is_active != 0,
            position: n.row.position,
            level: n.row.level,
            product_count: n.product_count,
            children_data: n.children.iter().map(CategoryTreeData::from).collect(),
        }
    }
}

/// `CategoryProductLinkInterface` of `GET /V1/categories/{id}/products`, getters in order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "catalog-data-category-product-link-interface")]
pub struct CategoryProductLinkData {
    pub sku: String,
    pub position: i64,
    pub category_id: String,
}

/// A posted `CategoryProductLinkInterface` (`{"productLink": {...}}`), as
/// `ServiceInputProcessor` converts it: no field is required there (a missing `category_id`
/// is the repository's 404, a missing `sku` its product 404).
#[derive(Debug, Clone, PartialEq)]
pub struct ProductLinkInput {
    pub sku: Option<String>,
    pub position: Option<i64>,
    pub category_id: Option<String>,
}

/// `CategoryLinkRepositoryInterface::save`'s input; on a PUT, `path_id` (the path's
/// `categoryId`) replaces the object's `category_id` where `overrideRequestBodyIdWithPathParam`
/// puts it (the body the object alone).
pub fn parse_product_link(
    body: &serde_json::Map<String, serde_json::Value>,
    path_id: Option<&str>,
) -> crate::error::Result<ProductLinkInput> {
    use crate::wire::input::{param, path_id_goes_inside, Obj};
    let value =
        param(body, "productLink").ok_or_else(|| crate::error::Error::required("productLink"))?;
    let link = Obj::new(
        value,
        &["sku", "position", "category_id", "extension_attributes"],
    )?;
    let mut input = ProductLinkInput {
        sku: link.string("sku")?,
        position: link.int("position")?,
        category_id: link.string("category_id")?,
    };
    if let Some(id) = path_id.filter(|_| path_id_goes_inside(body)) {
        input.category_id = Some(id.to_owned());
    }
    Ok(input)
}
