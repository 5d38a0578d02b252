//! Customer groups (`GroupRepositoryInterface`, `GroupManagementInterface`,
//! `CustomerGroupConfigInterface`): create, update, delete, search, whether a group is
//! read-only, a store's default group and setting the default group.
//!
//! Sources: 2.4-develop's (2.4.9) app/code/Magento/Customer, read for this module:
//! `Model/ResourceModel/GroupRepository.php`, `Model/ResourceModel/Group.php`,
//! `Model/Group.php`, `Model/GroupManagement.php`, `Model/CustomerGroupConfig.php`, the
//! excluded-website plugins in `Model/Plugin/`, and the api-functional tests
//! `GroupRepositoryTest`, `GroupManagementTest` and `CustomerGroupConfigTest`.
//!
//! - `GroupRepository::save`: the code is required (`_validate`: `"%fieldName" is required.
//!   Enter and try again.`, before anything else); a posted id, 0 included, makes it an update;
//!   a new group without a tax class (or with 0) takes 3 (`DEFAULT_TAX_CLASS_ID`); the tax class
//!   must exist and be of type `CUSTOMER` (`_verifyTaxClassModel`: `InputException::
//!   invalidFieldValue('taxClassId', <the posted value>)`), checked before the group is looked
//!   up on an update, which has no default (so an update must name its tax class); an unknown
//!   id is 404 `No such entity with id = <id>` (`GroupRegistry::retrieve`).
//!   `ResourceModel/Group::_beforeSave` cuts the code to 32 characters, silently
//!   (`Group::GROUP_CODE_MAX_LENGTH`; `mb_substr` in 2.4.9, bytes in 2.4.7-2.4.8), then
//!   `_checkUnique` refuses the trimmed code when another group has it (MySQL's `_ci`
//!   collation: without case) with `Customer Group already exists.` (400, no parameters).
//!   The reply echoes a posted `extension_attributes` and, on an update, a posted
//!   `tax_class_name` (see [`Saved`], [`save`]).
//! - `SaveCustomerGroupExcludedWebsite::afterSave`: posted `exclude_website_ids` that are
//!   websites (not the admin one) replace the group's; group 0 keeps none. `getById` and
//!   `getList` show them as `extension_attributes` when there are some.
//! - `deleteById`: 404 first, then a group `<= 0` or one some store view uses as its default
//!   (`Model\Group::usesAsDefault`: `customer/create_account/default_group` in any store's
//!   scope) is `Cannot delete group.` (400); `ResourceModel/Group::_afterDelete` moves its
//!   customers to their store's default group; rule links and excluded websites go with it.
//! - `GroupManagement::isReadonly`: 404 `No such entity with groupId = <id>`, then `true` for
//!   group 0 and a default group; `getDefaultGroup($storeId)`: an unknown store is 404
//!   `No such entity with storeId = <id>`.
//! - `CustomerGroupConfig::setDefaultCustomerGroup`: 404 `No such entity with id = <id>` for
//!   an unknown group (0 is accepted), then the path saved at the default scope; the reply is
//!   the id.
//! - `getList`: `code`, `id` and `tax_class_name` stand for `customer_group_code`,
//!   `customer_group_id` and `class_name` (`GroupCollectionProcessor`); sorted by id.

use std::borrow::Cow;

use sqlx::SqliteConnection;

use crate::db::customers::{self as store, GroupRow};
use crate::db::search::{Field, Kind};
use crate::db::Db;
use crate::error::{Error, Phrase, Result};
use crate::search::SearchCriteria;

use super::DEFAULT_GROUP_ID;
use crate::db::store::{self as stores, DEFAULT_STORE_ID};

/// `GroupRepository::DEFAULT_TAX_CLASS_ID`.
pub const DEFAULT_TAX_CLASS_ID: i64 = 3;
/// `Group::GROUP_CODE_MAX_LENGTH`.
pub const CODE_MAX_LENGTH: usize = 32;
/// `GroupRepository::_validate` (an `InputException` of one error).
pub const CODE_REQUIRED: &str = "\"%fieldName\" is required. Enter and try again.";
/// `AbstractDb::_checkUnique` through `GroupRepository::save`.
pub const GROUP_EXISTS: &str = "Customer Group already exists.";
/// `GroupRepository::deleteById`.
pub const CANNOT_DELETE: &str = "Cannot delete group.";

/// `GroupManagement::XML_PATH_DEFAULT_ID`: the default group's config path.
pub const DEFAULT_GROUP_PATH: &str = "customer/create_account/default_group";

/// A posted `GroupInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupInput {
    pub id: Option<i64>,
    pub code: Option<String>,
    pub tax_class_id: Option<i64>,
    pub tax_class_name: Option<String>,
    /// `extension_attributes.exclude_website_ids`, when posted (not null).
    pub exclude_website_ids: Option<Vec<i64>>,
}

/// What `GroupRepository::save` answers: the saved row, with the posted
/// `extension_attributes.exclude_website_ids` echoed as sent (`$groupDataObject->
/// setExtensionAttributes($group->getExtensionAttributes())`), not as stored.
#[derive(Debug, Clone)]
pub struct Saved {
    pub group: GroupRow,
    pub exclude_website_ids: Option<Vec<i64>>,
}

/// The search fields of `getList` and the columns they stand for.
pub const FIELDS: [Field; 7] = [
    Field {
        name: "id",
        column: Cow::Borrowed("g.customer_group_id"),
        kind: Kind::Int,
    },
    Field {
        name: "customer_group_id",
        column: Cow::Borrowed("g.customer_group_id"),
        kind: Kind::Int,
    },
    Field {
        name: "code",
        column: Cow::Borrowed("g.customer_group_code"),
        kind: Kind::Text,
    },
    Field {
        name: "customer_group_code",
        column: Cow::Borrowed("g.customer_group_code"),
        kind: Kind::Text,
    },
    Field {
        name: "tax_class_id",
        column: Cow::Borrowed("g.tax_class_id"),
        kind: Kind::Int,
    },
    Field {
        name: "tax_class_name",
        column: Cow::Borrowed("t.class_name"),
        kind: Kind::Text,
    },
    Field {
        name: "class_name",
        column: Cow::Borrowed("t.class_name"),
        kind: Kind::Text,
    },
];

/// `GroupRepository::getList`.
pub async fn list(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<GroupRow>, i64)> {
    let mut conn = db.read.acquire().await?;
    crate::db::search::joined_rows(
        &mut conn,
        store::GROUP_FROM,
        store::GROUP_COLUMNS,
        &FIELDS,
        "g.customer_group_id ASC",
        criteria,
    )
    .await
}

fn invalid_tax_class(input: &GroupInput) -> Error {
    Error::Input(Phrase::values(
        crate::error::INVALID_FIELD_VALUE,
        vec![
            ("fieldName", "taxClassId".into()),
            // The group's getter: the posted id (an int), or null.
            ("value", input.tax_class_id.into()),
        ],
    ))
}

/// `_verifyTaxClassModel`: a tax class of type `CUSTOMER`.
async fn check_tax_class(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    input: &GroupInput,
) -> Result<i64> {
    let Some(id) = id else {
        return Err(invalid_tax_class(input));
    };
    match store::tax_class_type(conn, id).await? {
        Some(kind) if kind == "CUSTOMER" => Ok(id),
        _ => Err(invalid_tax_class(input)),
    }
}

/// `GroupRepository::save`: the saved group.
pub async fn save(db: &Db, input: GroupInput) -> Result<Saved> {
    let echo_name = input.tax_class_name.clone().filter(|n| !n.is_empty());
    let exclude_website_ids = input.exclude_website_ids.clone();
    let (id, updated) = db
        .writer
        .write(move |conn| Box::pin(async move { save_in(conn, input).await }))
        .await?;
    let mut conn = db.read.acquire().await?;
    let mut group = store::group(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("id", id))?;
    // An update sets every posted field on the model, `tax_class_name` too, and
    // `Model\Group::getTaxClassName` answers a name it holds before loading the class's.
    if updated && echo_name.is_some() {
        group.class_name = echo_name;
    }
    Ok(Saved {
        group,
        exclude_website_ids,
    })
}

/// The code as `_checkUnique` compares it: trimmed, without case (MySQL's `_ci` collation,
/// which also ignores trailing spaces of the stored code).
fn same_code(stored: &str, posted: &str) -> bool {
    stored.trim_end().to_lowercase() == posted.trim().to_lowercase()
}

/// The group's id and whether it was an update.
async fn save_in(conn: &mut SqliteConnection, input: GroupInput) -> Result<(i64, bool)> {
    let code = input.code.clone().unwrap_or_default();
    if code.trim().is_empty() {
        return Err(Error::Input(Phrase::named(
            CODE_REQUIRED,
            "fieldName",
            "code",
        )));
    }
    // 2.4.9's `ResourceModel\Group::_beforeSave` cuts with `mb_substr` (characters); 2.4.7 and
    // 2.4.8 used `substr`, 32 bytes (magento/magento2#39342).
    let code: String = code.chars().take(CODE_MAX_LENGTH).collect();
    // `$group->getId() || (string)$group->getId() === '0'`: any posted id, 0 included, is an
    // update.
    let (id, tax_class_id) = match input.id {
        Some(id) => {
            let tax_class_id = check_tax_class(conn, input.tax_class_id, &input).await?;
            if store::group(conn, id).await?.is_none() {
                return Err(Error::no_such_entity("id", id));
            }
            (Some(id), tax_class_id)
        }
        None => {
            let tax = input
                .tax_class_id
                .filter(|t| *t != 0)
                .or(Some(DEFAULT_TAX_CLASS_ID));
            (None, check_tax_class(conn, tax, &input).await?)
        }
    };
    if store::group_codes(conn)
        .await?
        .iter()
        .any(|(other, stored)| Some(*other) != id && same_code(stored, &code))
    {
        return Err(Error::input(GROUP_EXISTS));
    }
    let saved = store::save_group(conn, id, &code, tax_class_id).await?;
    // `SaveCustomerGroupExcludedWebsite::afterSave`: the posted websites that exist (the admin
    // website is not one), in website order; never for group 0.
    if let Some(wanted) = input.exclude_website_ids.as_ref().filter(|_| saved != 0) {
        let kept: Vec<i64> = stores::websites(conn)
            .await?
            .iter()
            .map(|w| w.website_id)
            .filter(|w| *w != 0 && wanted.contains(w))
            .collect();
        store::set_excluded_websites(conn, saved, &kept).await?;
    }
    Ok((saved, id.is_some()))
}

/// Each store view's default group (`customer/create_account/default_group` at store scope;
/// config.xml's 1 where no scope sets it), the admin store included.
async fn defaults_by_store(conn: &mut SqliteConnection) -> Result<Vec<(i64, i64)>> {
    Ok(stores::config_by_store(conn, DEFAULT_GROUP_PATH)
        .await?
        .into_iter()
        .map(|(store, value)| {
            // `(int)` of the stored string, as the repository's `getById` casts it.
            let group = value.map_or(DEFAULT_GROUP_ID, |v| v.trim().parse().unwrap_or(0));
            (store, group)
        })
        .collect())
}

/// The default group of store view `store_id` (`None` for a store that does not exist).
pub async fn default_group_id(conn: &mut SqliteConnection, store_id: i64) -> Result<Option<i64>> {
    Ok(defaults_by_store(conn)
        .await?
        .into_iter()
        .find(|(store, _)| *store == store_id)
        .map(|(_, group)| group))
}

/// `Model\Group::usesAsDefault`: whether some store view's default group is `id`.
async fn uses_as_default(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(defaults_by_store(conn).await?.iter().any(|(_, g)| *g == id))
}

/// `GroupRepository::deleteById`.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if store::group(conn, id).await?.is_none() {
                    return Err(Error::no_such_entity("id", id));
                }
                let defaults = defaults_by_store(conn).await?;
                if id <= 0 || defaults.iter().any(|(_, group)| *group == id) {
                    return Err(Error::input(CANNOT_DELETE));
                }
                // A customer of no store: the request's store (the default store view).
                let fallback = defaults
                    .iter()
                    .find(|(store, _)| *store == DEFAULT_STORE_ID)
                    .map_or(DEFAULT_GROUP_ID, |(_, group)| *group);
                store::delete_group(conn, id, &defaults, fallback).await?;
                Ok(())
            })
        })
        .await
}

/// `GroupManagement::isReadonly`.
pub async fn is_readonly(db: &Db, id: i64) -> Result<bool> {
    let mut conn = db.read.acquire().await?;
    if store::group(&mut conn, id).await?.is_none() {
        return Err(Error::no_such_entity("groupId", id));
    }
    Ok(id == 0 || uses_as_default(&mut conn, id).await?)
}

/// `GroupManagement::getDefaultGroup($storeId)`: the store view's default group.
pub async fn default_for_store(db: &Db, store_id: i64) -> Result<GroupRow> {
    let mut conn = db.read.acquire().await?;
    let Some(group_id) = default_group_id(&mut conn, store_id).await? else {
        return Err(Error::no_such_entity("storeId", store_id));
    };
    match store::group(&mut conn, group_id).await? {
        Some(group) => Ok(group),
        None => Err(Error::NotFound(Phrase::values(
            "No such entity with %fieldName = %fieldValue, %field2Name = %field2Value",
            vec![
                ("fieldName", "groupId".into()),
                ("fieldValue", group_id.to_string().into()),
                ("field2Name", "storeId".into()),
                ("field2Value", store_id.into()),
            ],
        ))),
    }
}

/// `CustomerGroupConfig::setDefaultCustomerGroup`: group `id` becomes the default group at the
/// default scope (a website's or store's own value, if any, still wins there); answers `id`.
pub async fn set_default(db: &Db, id: i64) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if store::group(conn, id).await?.is_none() {
                    return Err(Error::no_such_entity("id", id));
                }
                stores::set_default_config(conn, DEFAULT_GROUP_PATH, &id.to_string()).await?;
                Ok(id)
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compare_trimmed_and_without_case() {
        assert!(same_code("Wholesale", " wholesale "));
        assert!(same_code("Wholesale  ", "WHOLESALE"));
        assert!(same_code("Über", "über"));
        assert!(!same_code("Wholesale", "Wholesale2"));
        assert!(!same_code(" Wholesale", "Wholesale"));
    }
}
