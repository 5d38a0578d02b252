//! Customer groups (`GroupRepositoryInterface`, `GroupManagementInterface`): create, update,
//! delete, search, whether a group is read-only, and a store's default group.
//!
//! Sources (app/code/Magento/Customer). Read: `GroupRepository.php` in the index's
//! magento/magento2 copies (2.2-era, `@since 2.0.0`; the save, delete, tax-class and
//! collection logic below). From memory of 2.4, not re-read this session: the empty-code text
//! (2.2's was `%fieldName is a required field.`; 2.4's message pass made it the usual
//! `"%fieldName" is required. Enter and try again.`), the 32-character cut in
//! `ResourceModel/Group::_beforeSave`, `_afterDelete` moving customers, and
//! `GroupManagement::isReadonly` / `getDefaultGroup`'s 404 fields. A research pass over 2.4.9's
//! own files was started (helper report `groups.md`) and had not come back when this landed:
//! check these points against it.
//!
//! - `Model/ResourceModel/GroupRepository::save`: the code is required (`_validate`); a new
//!   group without a tax class takes 3 (`DEFAULT_TAX_CLASS_ID`); the tax class must exist and
//!   be of type `CUSTOMER` (`_verifyTaxClassModel`: `InputException::invalidFieldValue
//!   ('taxClassId', <the posted value>)`), checked before the group is looked up on an update
//!   (so an update must name its tax class); an unknown id is 404 `No such entity with id =
//!   <id>` (`GroupRegistry::retrieve`); an update writes the fields posted (null ones are
//!   skipped by `buildOutputDataArray`). `ResourceModel/Group::_beforeSave` cuts the code to
//!   32 characters (`Group::GROUP_CODE_MAX_LENGTH`), then `_checkUnique` refuses a code another
//!   group has (MySQL's collation: without case) with `Customer Group already exists.`.
//! - `deleteById`: 404 first, then a group `<= 0` or used as a store's default group
//!   (`customer/create_account/default_group`, 1) is `Cannot delete group.` (400);
//!   `ResourceModel/Group::_afterDelete` moves its customers to their store's default group;
//!   the rule links go with the group (foreign keys).
//! - `Model/GroupManagement::isReadonly`: 404 `No such entity with groupId = <id>`, then
//!   `true` for group 0 and a default group; `getDefaultGroup($storeId)`: an unknown store is
//!   404 `No such entity with storeId = <id>`.
//! - `getList`: `code`, `id` and `tax_class_name` stand for `customer_group_code`,
//!   `customer_group_id` and `class_name` (`GroupCollectionProcessor`); sorted by id.

use sqlx::SqliteConnection;

use crate::db::customers::{self as store, GroupRow};
use crate::db::search::{Field, Kind};
use crate::db::Db;
use crate::error::{Error, Phrase, Result};
use crate::search::SearchCriteria;

use super::DEFAULT_GROUP_ID;

/// `GroupRepository::DEFAULT_TAX_CLASS_ID`.
pub const DEFAULT_TAX_CLASS_ID: i64 = 3;
/// `Group::GROUP_CODE_MAX_LENGTH`.
pub const CODE_MAX_LENGTH: usize = 32;
/// `GroupRepository::_validate` (an `InputException` of one error).
pub const CODE_REQUIRED: &str = "\"%fieldName\" is required. Enter and try again.";
/// `InputException::invalidFieldValue`.
pub const INVALID_FIELD_VALUE: &str =
    "Invalid value of \"%value\" provided for the %fieldName field.";
/// `AbstractDb::_checkUnique` through `GroupRepository::save`.
pub const GROUP_EXISTS: &str = "Customer Group already exists.";
/// `GroupRepository::deleteById`.
pub const CANNOT_DELETE: &str = "Cannot delete group.";

/// A posted `GroupInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupInput {
    pub id: Option<i64>,
    pub code: Option<String>,
    pub tax_class_id: Option<i64>,
}

/// The search fields of `getList` and the columns they stand for.
pub const FIELDS: [Field; 7] = [
    Field {
        name: "id",
        column: "g.customer_group_id",
        kind: Kind::Int,
    },
    Field {
        name: "customer_group_id",
        column: "g.customer_group_id",
        kind: Kind::Int,
    },
    Field {
        name: "code",
        column: "g.customer_group_code",
        kind: Kind::Text,
    },
    Field {
        name: "customer_group_code",
        column: "g.customer_group_code",
        kind: Kind::Text,
    },
    Field {
        name: "tax_class_id",
        column: "g.tax_class_id",
        kind: Kind::Int,
    },
    Field {
        name: "tax_class_name",
        column: "t.class_name",
        kind: Kind::Text,
    },
    Field {
        name: "class_name",
        column: "t.class_name",
        kind: Kind::Text,
    },
];

/// `GroupRepository::getList`.
pub async fn list(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<GroupRow>, i64)> {
    let mut conn = db.read.acquire().await?;
    crate::db::search::joined_rows(
        &mut conn,
        "customer_group g LEFT JOIN tax_class t ON t.class_id = g.tax_class_id",
        "g.customer_group_id, g.customer_group_code, g.tax_class_id, t.class_name",
        &FIELDS,
        "g.customer_group_id ASC",
        criteria,
    )
    .await
}

fn invalid_tax_class(input: &GroupInput) -> Error {
    Error::Input(Phrase::values(
        INVALID_FIELD_VALUE,
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
pub async fn save(db: &Db, input: GroupInput) -> Result<GroupRow> {
    let id = db
        .writer
        .write(move |conn| Box::pin(async move { save_in(conn, input).await }))
        .await?;
    let mut conn = db.read.acquire().await?;
    store::group(&mut conn, id)
        .await?
        .ok_or_else(|| Error::no_such_entity("id", id))
}

async fn save_in(conn: &mut SqliteConnection, input: GroupInput) -> Result<i64> {
    let code = input.code.clone().unwrap_or_default();
    if code.trim().is_empty() {
        return Err(Error::Input(Phrase::named(
            CODE_REQUIRED,
            "fieldName",
            "code",
        )));
    }
    let code: String = code.chars().take(CODE_MAX_LENGTH).collect();
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
    if store::group_by_code(conn, &code)
        .await?
        .is_some_and(|other| Some(other) != id)
    {
        return Err(Error::input(GROUP_EXISTS));
    }
    Ok(store::save_group(conn, id, &code, tax_class_id).await?)
}

/// `GroupRepository::deleteById`.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                if store::group(conn, id).await?.is_none() {
                    return Err(Error::no_such_entity("id", id));
                }
                if id <= 0 || id == DEFAULT_GROUP_ID {
                    return Err(Error::input(CANNOT_DELETE));
                }
                store::delete_group(conn, id, DEFAULT_GROUP_ID).await?;
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
    Ok(id == 0 || id == DEFAULT_GROUP_ID)
}

/// `GroupManagement::getDefaultGroup($storeId)`: the store's default group (every store's is
/// `customer/create_account/default_group`, 1).
pub async fn default_for_store(db: &Db, store_id: i64) -> Result<GroupRow> {
    let mut conn = db.read.acquire().await?;
    let stores = crate::db::store::views(&mut conn).await?;
    if !stores.iter().any(|s| s.store_id == store_id) {
        return Err(Error::no_such_entity("storeId", store_id));
    }
    store::group(&mut conn, DEFAULT_GROUP_ID)
        .await?
        .ok_or_else(|| Error::no_such_entity("id", DEFAULT_GROUP_ID))
}
