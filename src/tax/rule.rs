//! Tax rules (`Magento\Tax\Api\TaxRuleRepositoryInterface`): save, read, delete and search.
//!
//! Sources: magento2 2.4 app/code/Magento/Tax `Model/TaxRuleRepository.php`,
//! `Model/Calculation/Rule.php` (the id getters, saveCalculationData),
//! `Model/Calculation/Rule/Validator.php`, `Model/Calculation/TaxRuleRegistry.php`,
//! `Model/ClassModelRegistry.php`, lib `Model/AbstractModel::validateBeforeSave`, and the
//! api-functional test `Tax/Api/TaxRuleRepositoryInterfaceTest.php`. In save's order:
//! 1. a posted `id` (not 0) must exist: 404 `No such entity with taxRuleId = <id>`;
//! 2. the validator: its messages are keyed by field (a later one for the same field replaces
//!    the earlier where it stood), rendered, and joined by a newline into one 400 message
//!    without parameters (`CouldNotSaveException(__($e->getMessage()))`). A position below 0
//!    (a missing one is 0), a priority missing (`The priority value of "" must be greater than
//!    or equal to 0.`: PHP 8 finds `'' > -1` false) or below 0, a blank code, then the class
//!    lists: missing or empty (required), an unknown class (`No such entity with class_id =
//!    <id>`, one message for all of them) or one of the other type (`No such entity with
//!    customer_tax_class_ids = %fieldValue`, the placeholder left as is: the validator passes
//!    the id as `value`), then the rate ids (required; not looked up);
//! 3. the unique code: `%1 already exists.`, `["Code"]`;
//! 4. the row, then one `tax_calculation` row per (customer class, product class, rate): an
//!    unknown rate id fails the foreign key, a 500, and nothing is saved.
//!
//! On an update, a class or rate list not posted is the rule's present one (the getters load
//! it), so it is kept; a position or `calculate_subtotal` not posted stays as it was. The
//! reply is the saved model: the lists as posted.

use crate::db::tax::{self as classes};
use crate::db::tax_rates::{self as store, Coded, RuleLinks, RuleWrite, TaxRuleRow};
use crate::db::Db;
use crate::error::{Error, Phrase, Result, FIELD_REQUIRED};
use crate::php::{blank, trim as php_trim};
use crate::search::SearchCriteria;
use crate::tax::class::{CUSTOMER, PRODUCT};

pub const BELOW_ZERO: &str =
    "The %fieldName value of \"%value\" must be greater than or equal to %minValue.";
pub const WRONG_CLASS: &str = "No such entity with %fieldName = %fieldValue";

/// The `rule` of a save.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleInput {
    pub id: Option<i64>,
    pub code: Option<String>,
    pub priority: Option<i64>,
    pub position: Option<i64>,
    pub customer_tax_class_ids: Option<Vec<i64>>,
    pub product_tax_class_ids: Option<Vec<i64>>,
    pub tax_rate_ids: Option<Vec<i64>>,
    pub calculate_subtotal: Option<bool>,
}

/// A rule as `TaxRuleInterface` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleView {
    pub id: i64,
    pub code: String,
    pub priority: i64,
    pub position: i64,
    pub customer_tax_class_ids: Vec<i64>,
    pub product_tax_class_ids: Vec<i64>,
    pub tax_rate_ids: Vec<i64>,
    pub calculate_subtotal: bool,
}

impl RuleView {
    fn stored(row: TaxRuleRow, links: RuleLinks) -> Self {
        RuleView {
            id: row.tax_calculation_rule_id,
            code: row.code,
            priority: row.priority,
            position: row.position,
            customer_tax_class_ids: links.customer_tax_class_ids,
            product_tax_class_ids: links.product_tax_class_ids,
            tax_rate_ids: links.tax_rate_ids,
            calculate_subtotal: row.calculate_subtotal != 0,
        }
    }
}

/// The validator's messages, keyed by field in the order first added.
#[derive(Default)]
struct Messages(Vec<(String, String)>);

impl Messages {
    fn add(&mut self, key: &str, text: String) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = text,
            None => self.0.push((key.to_owned(), text)),
        }
    }

    fn required(&mut self, field: &str) {
        self.add(field, FIELD_REQUIRED.replace("%fieldName", field));
    }

    fn below_zero(&mut self, field: &str, value: &str) {
        let text = BELOW_ZERO
            .replace("%fieldName", field)
            .replace("%value", value)
            .replace("%minValue", "0");
        self.add(field, text);
    }
}

/// `Rule\Validator::isValid` over the lists to save, with `class_type` the type of each class
/// (`None`: no such class).
fn validate(
    input: &RuleInput,
    links: &ListsToSave,
    class_type: impl Fn(i64) -> Option<String>,
) -> Result<()> {
    let mut m = Messages::default();
    let position = input.position.unwrap_or(0);
    if position <= -1 {
        m.below_zero("position", &position.to_string());
    }
    match input.priority {
        None => {
            m.required("priority");
            m.below_zero("priority", "");
        }
        Some(p) if p <= -1 => m.below_zero("priority", &p.to_string()),
        Some(_) => {}
    }
    if input.code.as_deref().is_none_or(|c| blank(php_trim(c))) {
        m.required("code");
    }
    for (field, list, kind) in [
        ("customer_tax_class_ids", &links.customer, CUSTOMER),
        ("product_tax_class_ids", &links.product, PRODUCT),
    ] {
        match list.as_deref() {
            None | Some([]) => m.required(field),
            Some(ids) => {
                for id in ids {
                    match class_type(*id) {
                        None => m.add("class_id", format!("No such entity with class_id = {id}")),
                        Some(t) if t != kind => {
                            m.add(field, WRONG_CLASS.replace("%fieldName", field))
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    if links.rates.as_deref().is_none_or(|r| r.is_empty()) {
        m.required("tax_rate_ids");
    }
    if m.0.is_empty() {
        Ok(())
    } else {
        let joined: Vec<String> = m.0.into_iter().map(|(_, text)| text).collect();
        Err(Error::input(joined.join("\n")))
    }
}

/// The lists a save writes: the posted ones, or on an update the rule's present ones.
struct ListsToSave {
    customer: Option<Vec<i64>>,
    product: Option<Vec<i64>>,
    rates: Option<Vec<i64>>,
}

/// `ids` without repeats, in the order first seen.
fn distinct(ids: &[i64]) -> Vec<i64> {
    let mut out: Vec<i64> = Vec::with_capacity(ids.len());
    for id in ids {
        if !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// Each list to save: the posted one, else the stored one (`_getUniqueValues` of no rows is
/// null).
fn lists_to_save(input: &RuleInput, present: Option<&RuleLinks>) -> ListsToSave {
    fn kept(posted: &Option<Vec<i64>>, stored: Option<&Vec<i64>>) -> Option<Vec<i64>> {
        posted
            .clone()
            .or_else(|| stored.filter(|s| !s.is_empty()).cloned())
    }
    ListsToSave {
        customer: kept(
            &input.customer_tax_class_ids,
            present.map(|p| &p.customer_tax_class_ids),
        ),
        product: kept(
            &input.product_tax_class_ids,
            present.map(|p| &p.product_tax_class_ids),
        ),
        rates: kept(&input.tax_rate_ids, present.map(|p| &p.tax_rate_ids)),
    }
}

impl ListsToSave {
    /// Every class id of both lists.
    fn class_ids(&self) -> Vec<i64> {
        let customer = self.customer.iter().flatten();
        customer
            .chain(self.product.iter().flatten())
            .copied()
            .collect()
    }
}

fn not_found(id: i64) -> Error {
    Error::no_such_entity("taxRuleId", id)
}

/// `TaxRuleRepository::save`: the rule as the reply shows it.
pub async fn save(db: &Db, input: RuleInput) -> Result<RuleView> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let id = input.id.filter(|id| *id != 0);
                let present = match id {
                    Some(id) => {
                        store::rule(conn, id).await?.ok_or_else(|| not_found(id))?;
                        Some(store::rule_links(conn, id).await?)
                    }
                    None => None,
                };
                let lists = lists_to_save(&input, present.as_ref());
                let mut types: Vec<(i64, Option<String>)> = Vec::new();
                for id in lists.class_ids() {
                    if types.iter().any(|(seen, _)| *seen == id) {
                        continue;
                    }
                    let class = classes::get(conn, id).await?;
                    types.push((id, class.map(|c| c.class_type)));
                }
                validate(&input, &lists, |id| {
                    types
                        .iter()
                        .find(|(k, _)| *k == id)
                        .and_then(|(_, t)| t.clone())
                })?;
                let code = input.code.clone().unwrap_or_default();
                if store::code_taken(conn, Coded::Rule, php_trim(&code), id).await? {
                    return Err(Error::Input(Phrase::positional(
                        crate::tax::rate::ALREADY_EXISTS,
                        vec!["Code".into()],
                    )));
                }
                let write = RuleWrite {
                    code: code.chars().take(255).collect(),
                    priority: input.priority.unwrap_or(0),
                    position: input.position,
                    calculate_subtotal: input.calculate_subtotal,
                };
                let saved = store::save_rule(conn, id, &write).await?;
                let links = RuleLinks {
                    customer_tax_class_ids: lists.customer.unwrap_or_default(),
                    product_tax_class_ids: lists.product.unwrap_or_default(),
                    tax_rate_ids: lists.rates.unwrap_or_default(),
                };
                // One row a combination: the posted lists' repeats would only write rows no
                // read tells apart (a GET lists each value once), and a few hundred repeats of
                // each would write millions.
                let stored_links = RuleLinks {
                    customer_tax_class_ids: distinct(&links.customer_tax_class_ids),
                    product_tax_class_ids: distinct(&links.product_tax_class_ids),
                    tax_rate_ids: distinct(&links.tax_rate_ids),
                };
                for rate in &stored_links.tax_rate_ids {
                    if !store::rate_exists(conn, *rate).await? {
                        return Err(Error::internal(format!(
                            "Integrity constraint violation: 1452 Cannot add or update a child \
                             row: a foreign key constraint fails (tax_calculation_rate_id {rate})"
                        )));
                    }
                }
                store::replace_links(conn, saved, &stored_links).await?;
                Ok(RuleView {
                    id: saved,
                    code,
                    priority: write.priority,
                    position: input.position.unwrap_or(0),
                    customer_tax_class_ids: links.customer_tax_class_ids,
                    product_tax_class_ids: links.product_tax_class_ids,
                    tax_rate_ids: links.tax_rate_ids,
                    calculate_subtotal: input.calculate_subtotal.unwrap_or(false),
                })
            })
        })
        .await
}

/// `TaxRuleRepository::get`.
pub async fn get(db: &Db, id: i64) -> Result<RuleView> {
    let mut conn = db.read.acquire().await?;
    let row = store::rule(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let links = store::rule_links(&mut conn, id).await?;
    Ok(RuleView::stored(row, links))
}

/// `TaxRuleRepository::deleteById`: its combinations go with it, its rates stay.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                store::rule(conn, id).await?.ok_or_else(|| not_found(id))?;
                store::delete_rule(conn, id).await.map_err(Error::from)
            })
        })
        .await
}

/// `TaxRuleRepository::getList`.
pub async fn list(db: &Db, criteria: &SearchCriteria) -> Result<(Vec<RuleView>, i64)> {
    let mut conn = db.read.acquire().await?;
    let (rows, total) = store::rules(&mut conn, criteria).await?;
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let links = store::rule_links(&mut conn, row.tax_calculation_rule_id).await?;
        views.push(RuleView::stored(row, links));
    }
    Ok((views, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(c: Option<Vec<i64>>, p: Option<Vec<i64>>, r: Option<Vec<i64>>) -> ListsToSave {
        ListsToSave {
            customer: c,
            product: p,
            rates: r,
        }
    }

    fn types(id: i64) -> Option<String> {
        match id {
            2 => Some(PRODUCT.into()),
            3 => Some(CUSTOMER.into()),
            _ => None,
        }
    }

    fn message(input: &RuleInput, l: &ListsToSave) -> String {
        validate(input, l, types).unwrap_err().body()["message"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn a_valid_rule_passes() {
        let input = RuleInput {
            code: Some("Rule".into()),
            priority: Some(0),
            ..RuleInput::default()
        };
        let l = lists(Some(vec![3]), Some(vec![2]), Some(vec![1]));
        assert!(validate(&input, &l, types).is_ok());
    }

    #[test]
    fn messages_are_keyed_by_field_and_joined() {
        let empty = RuleInput::default();
        assert_eq!(
            message(&empty, &lists(None, Some(vec![]), None)),
            [
                "The priority value of \"\" must be greater than or equal to 0.",
                "\"code\" is required. Enter and try again.",
                "\"customer_tax_class_ids\" is required. Enter and try again.",
                "\"product_tax_class_ids\" is required. Enter and try again.",
                "\"tax_rate_ids\" is required. Enter and try again.",
            ]
            .join("\n")
        );
        let wrong = RuleInput {
            code: Some("Rule".into()),
            priority: Some(-1),
            position: Some(-5),
            ..RuleInput::default()
        };
        let l = lists(Some(vec![2, 98]), Some(vec![99, 3]), Some(vec![1]));
        assert_eq!(
            message(&wrong, &l),
            [
                "The position value of \"-5\" must be greater than or equal to 0.",
                "The priority value of \"-1\" must be greater than or equal to 0.",
                "No such entity with customer_tax_class_ids = %fieldValue",
                "No such entity with class_id = 99",
                "No such entity with product_tax_class_ids = %fieldValue",
            ]
            .join("\n")
        );
    }
}
