//! Tax classes (`Magento\Tax\Api\TaxClassRepositoryInterface`): create, rename, read, delete
//! and search the customer and product tax classes.
//!
//! Sources: magento2 2.4 app/code/Magento/Tax (`Model/TaxClass/Repository.php`,
//! `Model/ClassModel.php`, `Model/ClassModelRegistry.php`, `Model/ResourceModel/TaxClass.php`,
//! `Model/TaxClass/Type/{Customer,Product}.php`, `etc/webapi.xml`) and the integration test
//! `Model/TaxClass/RepositoryTest.php`, which asserts the messages below.
//! - `save`: a posted `class_id` (not 0) makes it an update: 404 `No such entity with class_id
//!   = <id>` for an unknown one, then `Updating classType is not allowed.` when the posted
//!   type is not exactly the stored one (a missing type included: this comes before the field
//!   checks). Then `validateTaxClassData`, every error collected: a name empty once trimmed and
//!   a missing or blank type are `"%fieldName" is required.`, a type other than exactly
//!   `CUSTOMER` or `PRODUCT` is `Invalid value of "%value" provided for the %fieldName field.`.
//!   Then `_checkUnique` (name and type, without case, trimmed; the class itself left out): `A
//!   class with the same name already exists for ClassType %1.`. The name is stored as posted.
//!   The reply is the id: a string for a new class (PDO's `lastInsertId`), the posted int for
//!   an update (`ServiceOutputProcessor` leaves scalars as they are).
//! - `deleteById`: 404, then `ClassModel::checkClassCanBeDeleted`: a class a tax rule uses
//!   (`AbstractType::getAssignedToRules`, the rule collection's `setClassTypeFilter`: the column
//!   of the class's own type) is [`IN_RULES`]; then one a customer group (`CUSTOMER`) or a
//!   product (`PRODUCT`) uses: `You cannot delete this tax class because it is used in existing
//!   %1(s).` (400, `customer group` / `product`).
//! - `getList`: every column filters and sorts (`class_id`, `class_name`, `class_type`).

use crate::db::tax::{self as store, TaxClassRow};
use crate::db::Db;
use crate::error::{Error, Phrase, Result};
use crate::search::SearchCriteria;

/// `ClassModel::TAX_CLASS_TYPE_CUSTOMER` and `TAX_CLASS_TYPE_PRODUCT`.
pub const CUSTOMER: &str = "CUSTOMER";
pub const PRODUCT: &str = "PRODUCT";
pub const TYPE_CHANGE: &str = "Updating classType is not allowed.";
pub const DUPLICATE: &str = "A class with the same name already exists for ClassType %1.";
pub const IN_USE: &str = "You cannot delete this tax class because it is used in existing %1(s).";
pub const IN_RULES: &str = "You cannot delete this tax class because it is used in Tax Rules. You have to delete the rules it is used in first.";

/// The `taxClass` of a save.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaxClassInput {
    pub class_id: Option<i64>,
    pub class_name: Option<String>,
    pub class_type: Option<String>,
}

/// What a save answers: the id, as Magento's reply types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// A new class: `"4"`.
    Created(i64),
    /// An update: `4`.
    Updated(i64),
}

/// `ClassModelRegistry::retrieve`'s 404.
fn not_found(id: i64) -> Error {
    Error::no_such_entity("class_id", id)
}

/// `Repository::validateTaxClassData`: every error of the name and the type.
fn validate(input: &TaxClassInput) -> Result<(String, String)> {
    let mut errors = Vec::new();
    let name = input.class_name.clone().unwrap_or_default();
    if name.trim().is_empty() {
        errors.push(Phrase::named(
            crate::error::FIELD_REQUIRED,
            "fieldName",
            "class_name",
        ));
    }
    let class_type = input.class_type.clone().unwrap_or_default();
    if class_type.trim().is_empty() {
        errors.push(Phrase::named(
            crate::error::FIELD_REQUIRED,
            "fieldName",
            "class_type",
        ));
    } else if class_type != CUSTOMER && class_type != PRODUCT {
        errors.push(Phrase::values(
            crate::error::INVALID_FIELD_VALUE,
            vec![
                ("fieldName", "class_type".into()),
                ("value", class_type.clone().into()),
            ],
        ));
    }
    if errors.is_empty() {
        Ok((name, class_type))
    } else {
        Err(Error::aggregate(errors))
    }
}

/// `TaxClassRepository::save`.
pub async fn save(db: &Db, input: TaxClassInput) -> Result<Saved> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let existing = match input.class_id.filter(|id| *id != 0) {
                    Some(id) => {
                        let stored = store::get(conn, id).await?.ok_or_else(|| not_found(id))?;
                        if input.class_type.as_deref() != Some(stored.class_type.as_str()) {
                            return Err(Error::input(TYPE_CHANGE));
                        }
                        Some(id)
                    }
                    None => None,
                };
                let (name, class_type) = validate(&input)?;
                if store::name_taken(conn, &class_type, &name, existing).await? {
                    return Err(Error::Input(Phrase::positional(
                        DUPLICATE,
                        vec![class_type.trim().to_owned()],
                    )));
                }
                match existing {
                    Some(id) => {
                        store::rename(conn, id, &name).await?;
                        Ok(Saved::Updated(id))
                    }
                    None => Ok(Saved::Created(
                        store::insert(conn, &name, &class_type).await?,
                    )),
                }
            })
        })
        .await
}

/// `TaxClassRepository::get`.
pub async fn get(db: &Db, id: i64) -> Result<TaxClassRow> {
    let mut conn = db.read.acquire().await?;
    store::get(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))
}

/// `TaxClassRepository::deleteById`.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let class = store::get(conn, id).await?.ok_or_else(|| not_found(id))?;
                if store::used_by_rules(conn, id, class.class_type == CUSTOMER).await? {
                    return Err(Error::input(IN_RULES));
                }
                let used_by = if class.class_type == CUSTOMER {
                    store::used_by_groups(conn, id)
                        .await?
                        .then_some("customer group")
                } else {
                    store::used_by_products(conn, id)
                        .await?
                        .then_some("product")
                };
                if let Some(what) = used_by {
                    return Err(Error::Input(Phrase::positional(
                        IN_USE,
                        vec![what.to_owned()],
                    )));
                }
                store::delete(conn, id).await?;
                Ok(())
            })
        })
        .await
}

/// `TaxClassRepository::getList`.
pub async fn list(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<TaxClassRow>, i64)> {
    let mut conn = db.read.acquire().await?;
    store::list(&mut conn, criteria).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: Option<&str>, class_type: Option<&str>) -> TaxClassInput {
        TaxClassInput {
            class_id: None,
            class_name: name.map(str::to_owned),
            class_type: class_type.map(str::to_owned),
        }
    }

    #[test]
    fn names_and_types_are_checked_together() {
        assert!(validate(&input(Some("Wholesale"), Some("CUSTOMER"))).is_ok());
        assert!(validate(&input(Some("Food"), Some("PRODUCT"))).is_ok());
        let both = validate(&input(Some("  "), None)).unwrap_err();
        assert_eq!(
            both.body()["message"],
            "One or more input exceptions have occurred."
        );
        let lower = validate(&input(Some("Food"), Some("product"))).unwrap_err();
        assert_eq!(
            lower.body()["parameters"],
            serde_json::json!({"fieldName": "class_type", "value": "product"})
        );
    }
}
