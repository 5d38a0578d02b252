//! Tax rates and rules: `tax_calculation_rate` (with its titles), `tax_calculation_rule` and
//! `tax_calculation`, the (rate, customer class, product class) combinations of each rule.

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::row_struct;
use crate::db::search::{Field, Kind};
use crate::search::SearchCriteria;

row_struct! {
    /// `tax_calculation_rate`: one rate, with its region's code (`region_table.code` of the
    /// rate collection's join; `None` for every region, 0, or an unknown one).
    pub struct TaxRateRow {
        pub tax_calculation_rate_id: i64,
        pub tax_country_id: String,
        pub tax_region_id: i64,
        pub region_name: Option<String>,
        pub tax_postcode: Option<String>,
        pub code: String,
        pub rate: Amount,
        pub zip_is_range: Option<i64>,
        pub zip_from: Option<i64>,
        pub zip_to: Option<i64>,
    }
}

/// What a rate save writes.
#[derive(Debug, Clone, PartialEq)]
pub struct RateWrite {
    pub tax_country_id: String,
    pub tax_region_id: i64,
    pub tax_postcode: String,
    pub code: String,
    pub rate: Amount,
    pub zip_is_range: Option<i64>,
    pub zip_from: Option<i64>,
    pub zip_to: Option<i64>,
}

const RATE_FROM: &str = "tax_calculation_rate main_table
    LEFT JOIN directory_country_region region_table
    ON region_table.region_id = main_table.tax_region_id";
const RATE_COLUMNS: &str = "main_table.tax_calculation_rate_id, main_table.tax_country_id,
    main_table.tax_region_id, region_table.code AS region_name, main_table.tax_postcode,
    main_table.code, main_table.rate, main_table.zip_is_range, main_table.zip_from,
    main_table.zip_to";

pub async fn rate(conn: &mut SqliteConnection, id: i64) -> Result<Option<TaxRateRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {RATE_COLUMNS} FROM {RATE_FROM} WHERE main_table.tax_calculation_rate_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Whether `id` is a rate.
pub async fn rate_exists(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM tax_calculation_rate WHERE tax_calculation_rate_id = ?)",
    )
    .bind(id)
    .fetch_one(conn)
    .await
}

/// The titles of rate `id` as (store id, title), in the order they were saved.
pub async fn titles(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT store_id, value FROM tax_calculation_rate_title
         WHERE tax_calculation_rate_id = ? ORDER BY tax_calculation_rate_title_id",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

/// The tables whose rows have a unique `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coded {
    Rate,
    Rule,
}

/// Whether another row of `table` than `except` has the code `code` (`AbstractDb::_checkUnique`,
/// given the value PHP trimmed: compared without case and without trailing spaces, as MySQL's
/// PAD SPACE collation does; its accent folding is not emulated).
pub async fn code_taken(
    conn: &mut SqliteConnection,
    table: Coded,
    code: &str,
    except: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let sql = match table {
        Coded::Rate => {
            "SELECT EXISTS (SELECT 1 FROM tax_calculation_rate WHERE rtrim(code, ' ') = rtrim(?1, ' ')
             COLLATE NOCASE AND tax_calculation_rate_id IS NOT ?2)"
        }
        Coded::Rule => {
            "SELECT EXISTS (SELECT 1 FROM tax_calculation_rule WHERE rtrim(code, ' ') = rtrim(?1, ' ')
             COLLATE NOCASE AND tax_calculation_rule_id IS NOT ?2)"
        }
    };
    sqlx::query_scalar(sql)
        .bind(code)
        .bind(except)
        .fetch_one(conn)
        .await
}

/// Inserts the rate (`id` None) or writes every column of rate `id`; its id.
pub async fn save_rate(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    r: &RateWrite,
) -> Result<i64, sqlx::Error> {
    let sql = match id {
        None => {
            "INSERT INTO tax_calculation_rate (tax_country_id, tax_region_id, tax_postcode, code,
                 rate, zip_is_range, zip_from, zip_to, tax_calculation_rate_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING tax_calculation_rate_id"
        }
        Some(_) => {
            "UPDATE tax_calculation_rate SET tax_country_id = ?, tax_region_id = ?,
                 tax_postcode = ?, code = ?, rate = ?, zip_is_range = ?, zip_from = ?, zip_to = ?
             WHERE tax_calculation_rate_id = ? RETURNING tax_calculation_rate_id"
        }
    };
    sqlx::query_scalar(sql)
        .bind(&r.tax_country_id)
        .bind(r.tax_region_id)
        .bind(&r.tax_postcode)
        .bind(&r.code)
        .bind(r.rate)
        .bind(r.zip_is_range)
        .bind(r.zip_from)
        .bind(r.zip_to)
        .bind(id)
        .fetch_one(conn)
        .await
}

/// `Rate::saveTitles`: the rate's titles are replaced by `titles` (store id, title).
pub async fn replace_titles(
    conn: &mut SqliteConnection,
    id: i64,
    titles: &[(i64, String)],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM tax_calculation_rate_title WHERE tax_calculation_rate_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (store, value) in titles {
        sqlx::query(
            "INSERT INTO tax_calculation_rate_title (tax_calculation_rate_id, store_id, value)
             VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(store)
        .bind(value)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Whether a rule uses rate `id` (`ResourceModel\Calculation\Rate::isInRule`).
pub async fn rate_in_rule(conn: &mut SqliteConnection, id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM tax_calculation WHERE tax_calculation_rate_id = ?)",
    )
    .bind(id)
    .fetch_one(conn)
    .await
}

pub async fn delete_rate(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM tax_calculation_rate WHERE tax_calculation_rate_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

const fn field(name: &'static str, column: &'static str, kind: Kind) -> Field {
    Field {
        name,
        column: std::borrow::Cow::Borrowed(column),
        kind,
    }
}

/// The rate list's fields (Tax/etc/di.xml, `TaxRateFilterProcessor`'s and
/// `TaxRateSortOrderProcessor`'s field mapping: the columns of `main_table`, `region_name` the
/// region's code). `id` is not a column: Magento's SQL fails on it.
const RATE_FIELDS: [Field; 10] = [
    field(
        "tax_calculation_rate_id",
        "main_table.tax_calculation_rate_id",
        Kind::Int,
    ),
    field("tax_country_id", "main_table.tax_country_id", Kind::Text),
    field("tax_region_id", "main_table.tax_region_id", Kind::Int),
    field("region_name", "region_table.code", Kind::Text),
    field("tax_postcode", "main_table.tax_postcode", Kind::Text),
    field("code", "main_table.code", Kind::Text),
    field("rate", "main_table.rate", Kind::Amount),
    field("zip_is_range", "main_table.zip_is_range", Kind::Int),
    field("zip_from", "main_table.zip_from", Kind::Int),
    field("zip_to", "main_table.zip_to", Kind::Int),
];

/// One page of rates matching `criteria`, and how many match.
pub async fn rates(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<TaxRateRow>, i64)> {
    crate::db::search::joined_rows(
        conn,
        RATE_FROM,
        RATE_COLUMNS,
        &RATE_FIELDS,
        "main_table.tax_calculation_rate_id ASC",
        criteria,
    )
    .await
}

row_struct! {
    /// `tax_calculation_rule`: one rule.
    pub struct TaxRuleRow {
        pub tax_calculation_rule_id: i64,
        pub code: String,
        pub priority: i64,
        pub position: i64,
        pub calculate_subtotal: i64,
    }
}

/// What a rule save writes; `None`: the column is left as it is (as a new rule, its default).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleWrite {
    pub code: String,
    pub priority: i64,
    pub position: Option<i64>,
    pub calculate_subtotal: Option<bool>,
}

/// A rule's classes and rates, each list in the order its values were first saved
/// (`Calculation::getCustomerTaxClasses` and the others: `SELECT DISTINCT` over the rule's rows).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleLinks {
    pub customer_tax_class_ids: Vec<i64>,
    pub product_tax_class_ids: Vec<i64>,
    pub tax_rate_ids: Vec<i64>,
}

const RULE_COLUMNS: &str = "main_table.tax_calculation_rule_id, main_table.code,
    main_table.priority, main_table.position, main_table.calculate_subtotal";

pub async fn rule(conn: &mut SqliteConnection, id: i64) -> Result<Option<TaxRuleRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {RULE_COLUMNS} FROM tax_calculation_rule main_table
         WHERE tax_calculation_rule_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Inserts the rule (`id` None) or writes the given columns of rule `id`; its id.
pub async fn save_rule(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    r: &RuleWrite,
) -> Result<i64, sqlx::Error> {
    let subtotal = r.calculate_subtotal.map(i64::from);
    match id {
        None => {
            sqlx::query_scalar(
                "INSERT INTO tax_calculation_rule (code, priority, position, calculate_subtotal)
                 VALUES (?, ?, coalesce(?, 0), coalesce(?, 0)) RETURNING tax_calculation_rule_id",
            )
            .bind(&r.code)
            .bind(r.priority)
            .bind(r.position)
            .bind(subtotal)
            .fetch_one(conn)
            .await
        }
        Some(id) => {
            sqlx::query(
                "UPDATE tax_calculation_rule SET code = ?, priority = ?,
                     position = coalesce(?, position),
                     calculate_subtotal = coalesce(?, calculate_subtotal)
                 WHERE tax_calculation_rule_id = ?",
            )
            .bind(&r.code)
            .bind(r.priority)
            .bind(r.position)
            .bind(subtotal)
            .bind(id)
            .execute(conn)
            .await?;
            Ok(id)
        }
    }
}

/// The classes and rates rule `id` combines.
pub async fn rule_links(conn: &mut SqliteConnection, id: i64) -> Result<RuleLinks, sqlx::Error> {
    let distinct = |column: &str| {
        format!(
            "SELECT {column} FROM tax_calculation WHERE tax_calculation_rule_id = ?
             GROUP BY {column} ORDER BY min(tax_calculation_id)"
        )
    };
    let mut links = RuleLinks::default();
    for (column, list) in [
        ("customer_tax_class_id", &mut links.customer_tax_class_ids),
        ("product_tax_class_id", &mut links.product_tax_class_ids),
        ("tax_calculation_rate_id", &mut links.tax_rate_ids),
    ] {
        *list = sqlx::query_scalar(&distinct(column))
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    }
    Ok(links)
}

/// `Rule::saveCalculationData`: the rule's rows are replaced by one for every (customer class,
/// product class, rate), in that nesting.
pub async fn replace_links(
    conn: &mut SqliteConnection,
    id: i64,
    links: &RuleLinks,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM tax_calculation WHERE tax_calculation_rule_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for c in &links.customer_tax_class_ids {
        for p in &links.product_tax_class_ids {
            for r in &links.tax_rate_ids {
                sqlx::query(
                    "INSERT INTO tax_calculation (tax_calculation_rule_id, tax_calculation_rate_id,
                         customer_tax_class_id, product_tax_class_id) VALUES (?, ?, ?, ?)",
                )
                .bind(id)
                .bind(r)
                .bind(c)
                .bind(p)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

pub async fn delete_rule(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM tax_calculation_rule WHERE tax_calculation_rule_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

const RULE_FROM: &str = "tax_calculation_rule main_table
    LEFT JOIN tax_calculation cd
    ON cd.tax_calculation_rule_id = main_table.tax_calculation_rule_id";

/// The rule list's fields (Tax/etc/di.xml, the `TaxRule*Processor` field mappings: `id` is the
/// rule's id, the class ids and `tax_calculation_rate_id` filter through the rule's
/// combinations (joined as `cd`, the rules grouped). `sort_order` is `position` only in the
/// repository's deprecated `translateField`, which the collection processor does not call:
/// Magento's SQL fails on it, as magemu's does (an unknown column). `tax_rate_ids` maps to a bare `tax_calculation_rate_id`, which Magento's SQL finds only
/// when a class filter has joined `cd`: left out (an unknown column).
const RULE_FIELDS: [Field; 9] = [
    field("id", "main_table.tax_calculation_rule_id", Kind::Int),
    field(
        "tax_calculation_rule_id",
        "main_table.tax_calculation_rule_id",
        Kind::Int,
    ),
    field("code", "main_table.code", Kind::Text),
    field("priority", "main_table.priority", Kind::Int),
    field("position", "main_table.position", Kind::Int),
    field(
        "calculate_subtotal",
        "main_table.calculate_subtotal",
        Kind::Int,
    ),
    field(
        "customer_tax_class_ids",
        "cd.customer_tax_class_id",
        Kind::Int,
    ),
    field(
        "product_tax_class_ids",
        "cd.product_tax_class_id",
        Kind::Int,
    ),
    field(
        "tax_calculation_rate_id",
        "cd.tax_calculation_rate_id",
        Kind::Int,
    ),
];

/// One page of rules matching `criteria`, and how many match.
pub async fn rules(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<TaxRuleRow>, i64)> {
    crate::db::search::grouped_rows(
        conn,
        RULE_FROM,
        RULE_COLUMNS,
        &RULE_FIELDS,
        "main_table.tax_calculation_rule_id",
        "main_table.tax_calculation_rule_id ASC",
        criteria,
    )
    .await
}

/// One (rule, rate) combination a cart's line may be taxed by, with the rate's title in the
/// store (`ResourceModel/Calculation::_getRates`' select, its filters left to the caller).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RuleRateRow {
    pub tax_calculation_rule_id: i64,
    pub priority: i64,
    pub calculate_subtotal: i64,
    pub product_tax_class_id: i64,
    pub tax_calculation_rate_id: i64,
    pub code: String,
    pub title: String,
    pub rate: Amount,
    pub tax_country_id: String,
    pub tax_region_id: i64,
    pub region_code: Option<String>,
    pub tax_postcode: Option<String>,
    pub zip_is_range: Option<i64>,
    pub zip_from: Option<i64>,
    pub zip_to: Option<i64>,
}

/// The combinations of the customer tax class `customer_class`, titles of store `store_id`.
pub async fn rule_rates(
    conn: &mut SqliteConnection,
    customer_class: i64,
    store_id: i64,
) -> Result<Vec<RuleRateRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.tax_calculation_rule_id, r.priority, r.calculate_subtotal,
                c.product_tax_class_id, rate.tax_calculation_rate_id, rate.code,
                coalesce(t.value, rate.code) AS title, rate.rate, rate.tax_country_id,
                rate.tax_region_id, region.code AS region_code, rate.tax_postcode,
                rate.zip_is_range, rate.zip_from, rate.zip_to
         FROM tax_calculation c
         JOIN tax_calculation_rule r ON r.tax_calculation_rule_id = c.tax_calculation_rule_id
         JOIN tax_calculation_rate rate
           ON rate.tax_calculation_rate_id = c.tax_calculation_rate_id
         LEFT JOIN tax_calculation_rate_title t
           ON t.tax_calculation_rate_id = rate.tax_calculation_rate_id AND t.store_id = ?2
         LEFT JOIN directory_country_region region ON region.region_id = rate.tax_region_id
         WHERE c.customer_tax_class_id = ?1
         ORDER BY c.tax_calculation_id",
    )
    .bind(customer_class)
    .bind(store_id)
    .fetch_all(conn)
    .await
}

/// The tax class of customer group `group_id` (`None` for an unknown group).
pub async fn group_tax_class(
    conn: &mut SqliteConnection,
    group_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT tax_class_id FROM customer_group WHERE customer_group_id = ?")
        .bind(group_id)
        .fetch_optional(conn)
        .await
}
