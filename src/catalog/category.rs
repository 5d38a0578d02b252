//! Categories: `CategoryRepository::get` and `CategoryManagement::getTree`.
//!
//! Sources (magento2 2.4.8): `module-catalog/Model/CategoryRepository.php::get` (unknown id:
//! `NoSuchEntityException::singleField('id', $id)`, 404); `Model/CategoryManagement.php::getTree`
//! (no root asked: the admin store (`/rest/all/`) starts at the top-level category, a store view
//! at its store group's root category); `Model/Category/Tree.php` (`product_count` of the tree
//! nodes; Luma's categories are anchors, so a node counts the distinct products of its subtree).

use std::collections::{BTreeSet, HashMap};

use crate::db::catalog::{self as store, CategoryRow};
use crate::db::Db;
use crate::error::{Error, Result};

/// One node of `GET /V1/categories`.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeNode {
    pub row: CategoryRow,
    pub product_count: i64,
    pub children: Vec<TreeNode>,
}

/// A category with the ids of its direct children (`getChildren()`: comma-separated).
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub row: CategoryRow,
    pub children: Vec<i64>,
    /// `children_count`: every category below it.
    pub children_count: i64,
}

/// `CategoryRepository::get`.
pub async fn get(db: &Db, id: i64) -> Result<Category> {
    let mut conn = db.read.acquire().await?;
    load(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("id", id))
}

/// `CategoryList::getList`: the categories matching `criteria` (their columns; the tree's
/// root included), each read as `CategoryRepository::get` reads it, and the count of all.
///
/// The category collection is an EAV collection (alias `e`): a filter on a name no attribute
/// has is 400 `The "%1" attribute name is invalid.` (`_getAttributeConditionSql`). No attribute
/// code holds a dot, so `main_table.name` is refused so, and a filter without a field too (with
/// a null parameter); a code of Magento's that magemu keeps no column for stays the database's
/// 500.
pub async fn list(
    db: &Db,
    criteria: &crate::search::SearchCriteria,
) -> Result<(Vec<Category>, i64)> {
    let refused = criteria
        .filter_groups
        .iter()
        .flat_map(|g| &g.filters)
        .find(|f| f.field.as_deref().is_none_or(|name| name.contains('.')));
    if let Some(f) = refused {
        return Err(crate::error::invalid_attribute_name_of(f.field.as_deref()));
    }
    let criteria = &crate::search::SearchCriteria {
        eav: true,
        ..criteria.clone()
    };
    let mut conn = db.read.acquire().await?;
    let (ids, total) = crate::db::search::documents::<CategoryRow, _>(
        &mut conn,
        "catalog_category_entity",
        "entity_id",
        criteria,
        async |_, id| Ok(Some(id)),
    )
    .await?;
    // The tree is read once for the page (each item counts what lies below it).
    let all = store::categories(&mut conn).await?;
    Ok((
        ids.into_iter().filter_map(|id| of(&all, id)).collect(),
        total,
    ))
}

/// Category `id` with its children and the count of all below it (`None`: no such category).
async fn load(conn: &mut sqlx::SqliteConnection, id: i64) -> Result<Option<Category>, sqlx::Error> {
    let all = store::categories(conn).await?;
    Ok(of(&all, id))
}

/// Category `id` of the tree `all`, with its children and the count of all below it.
fn of(all: &[CategoryRow], id: i64) -> Option<Category> {
    let row = all.iter().find(|c| c.entity_id == id)?.clone();
    let mut children: Vec<&CategoryRow> = all.iter().filter(|c| c.parent_id == id).collect();
    children.sort_by_key(|c| (c.position, c.entity_id));
    let prefix = format!("{}/", row.path);
    let children_count = all.iter().filter(|c| c.path.starts_with(&prefix)).count() as i64;
    Some(Category {
        children: children.iter().map(|c| c.entity_id).collect(),
        children_count,
        row,
    })
}

/// `CategoryManagement::getTree($rootCategoryId, $depth)`: `root` is the asked category or
/// the scope's root (`None` when the store has none).
pub async fn tree(db: &Db, root: i64, depth: Option<i64>) -> Result<TreeNode> {
    let mut conn = db.read.acquire().await?;
    let all = store::categories(&mut conn).await?;
    let root_row = all
        .iter()
        .find(|c| c.entity_id == root)
        .cloned()
        .ok_or_else(|| Error::no_such_entity("id", root))?;
    let links: Vec<(i64, i64)> =
        sqlx::query_as("SELECT category_id, product_id FROM catalog_category_product")
            .fetch_all(&mut *conn)
            .await?;
    let mut products: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for (category, product) in links {
        products.entry(category).or_default().insert(product);
    }
    let mut by_parent: HashMap<i64, Vec<&CategoryRow>> = HashMap::new();
    for c in &all {
        by_parent.entry(c.parent_id).or_default().push(c);
    }
    for list in by_parent.values_mut() {
        list.sort_by_key(|c| (c.position, c.entity_id));
    }
    Ok(build(&root_row, &all, &products, &by_parent, depth, 0))
}

fn build(
    row: &CategoryRow,
    all: &[CategoryRow],
    products: &HashMap<i64, BTreeSet<i64>>,
    by_parent: &HashMap<i64, Vec<&CategoryRow>>,
    depth: Option<i64>,
    level: i64,
) -> TreeNode {
    let prefix = format!("{}/", row.path);
    let subtree: BTreeSet<i64> = all
        .iter()
        .filter(|c| c.entity_id == row.entity_id || c.path.starts_with(&prefix))
        .flat_map(|c| products.get(&c.entity_id).into_iter().flatten().copied())
        .collect();
    let children = if depth.is_some_and(|d| level >= d) {
        Vec::new()
    } else {
        by_parent
            .get(&row.entity_id)
            .map(|kids| {
                kids.iter()
                    .map(|k| build(k, all, products, by_parent, depth, level + 1))
                    .collect()
            })
            .unwrap_or_default()
    };
    TreeNode {
        row: row.clone(),
        product_count: subtree.len() as i64,
        children,
    }
}

/// The category `GET /V1/categories` starts from: the top-level category (the one without a
/// parent) for the admin scope, else the root category of the store's group.
pub async fn scope_root(db: &Db, store_code: Option<&str>) -> Result<i64> {
    let mut conn = db.read.acquire().await?;
    let root: Option<i64> = match store_code {
        Some("all") => {
            sqlx::query_scalar(
                "SELECT entity_id FROM catalog_category_entity WHERE parent_id = 0
                 ORDER BY entity_id LIMIT 1",
            )
            .fetch_optional(&mut *conn)
            .await?
        }
        code => {
            // `/rest/V1/...` is the default store view.
            sqlx::query_scalar(
                "SELECT g.root_category_id FROM store s JOIN store_group g ON g.group_id = s.group_id
                 WHERE s.code = ? OR (? IS NULL AND s.store_id = (
                     SELECT default_store_id FROM store_group WHERE group_id = (
                         SELECT default_group_id FROM store_website WHERE website_id = 1)))
                 LIMIT 1",
            )
            .bind(code)
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?
        }
    };
    Ok(root.unwrap_or(1))
}

/// `CategoryLinkManagement::getAssignedProducts`: the category's products with their
/// positions (`Category::getProductCollection`, by product id). Luma's categories are anchors,
/// so a category holds its subtree's products:
/// - in the admin scope (`/rest/all/`, store 0: `_applyZeroStoreProductLimitations`), every
///   product linked to the category or below it, at its smallest position there;
/// - in a store view, the category product index of that store (`Indexer\Category\Product\
///   AbstractAction`, read as current, "Update on Save"): only enabled products visible in the
///   catalog or search and assigned to the store's website; the store's root category holds
///   every such product (at its smallest position in any category, 10000 when it is in none),
///   any other category those linked to it (at that position) or below it (their smallest
///   position there + 10000).
pub async fn assigned_products(
    db: &Db,
    category_id: i64,
    store_id: i64,
) -> Result<(Category, Vec<(String, i64)>)> {
    let category = get(db, category_id).await?;
    let mut conn = db.read.acquire().await?;
    let website = if store_id == 0 {
        None
    } else {
        Some(
            store::store_website_and_root(&mut conn, store_id)
                .await?
                .unwrap_or((0, 0)),
        )
    };
    let rows =
        store::category_products(&mut conn, category_id, &category.row.path, website).await?;
    Ok((category, rows))
}

/// `CategoryLinkRepository::save`: the category (404 `No such entity with id = ...`, `shown_id`
/// naming it), the
/// product (404), then the category saved with the product at `position` (an absent one is
/// written as 0, the `(int)` of null). `true`.
pub async fn save_link(
    db: &Db,
    category_id: i64,
    shown_id: serde_json::Value,
    sku: &str,
    position: Option<i64>,
) -> Result<()> {
    // The posted id is a string (`getCategoryId`): the 404 names it as posted.
    get(db, category_id)
        .await
        .map_err(|_| Error::no_such_entity("id", shown_id))?;
    let sku = sku.to_owned();
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let product = crate::catalog::product_row(conn, &sku).await?;
                store::set_category_link(
                    conn,
                    category_id,
                    product.entity_id,
                    position.unwrap_or(0),
                )
                .await?;
                Ok::<_, Error>(())
            })
        })
        .await
}

/// `CategoryLinkRepository::deleteByIds`: the category (404), the product (404), then 400
/// `The category doesn't contain the specified product.` unless it does. `true`.
pub async fn delete_link(db: &Db, category_id: i64, sku: &str) -> Result<()> {
    get(db, category_id).await?;
    let sku = sku.to_owned();
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let product = crate::catalog::product_row(conn, &sku).await?;
                if !store::delete_category_link(conn, category_id, product.entity_id).await? {
                    return Err(Error::input(
                        "The category doesn't contain the specified product.",
                    ));
                }
                Ok(())
            })
        })
        .await
}
