//! Cart price rules: `salesrule` with its websites, customer groups and store labels,
//! `salesrule_coupon`, and the usage counters (`salesrule_coupon_usage`, `salesrule_customer`).

use sqlx::SqliteConnection;

use crate::amount::Amount;
use crate::db::{row_struct, Columns, SqlValue};
use crate::search::SearchCriteria;

row_struct! {
    /// `salesrule`: the rule's own columns (`conditions_serialized` / `actions_serialized` hold
    /// Magento's `asArray()` JSON).
    pub struct SalesRuleRow {
        pub rule_id: i64,
        pub name: Option<String>,
        pub description: Option<String>,
        pub from_date: Option<String>,
        pub to_date: Option<String>,
        pub uses_per_customer: i64,
        pub is_active: i64,
        pub conditions_serialized: Option<String>,
        pub actions_serialized: Option<String>,
        pub stop_rules_processing: i64,
        pub is_advanced: i64,
        pub product_ids: Option<String>,
        pub sort_order: i64,
        pub simple_action: Option<String>,
        pub discount_amount: Amount,
        pub discount_qty: Option<Amount>,
        pub discount_step: i64,
        pub apply_to_shipping: i64,
        pub times_used: i64,
        pub is_rss: i64,
        pub coupon_type: i64,
        pub use_auto_generation: i64,
        pub uses_per_coupon: i64,
        pub simple_free_shipping: Option<i64>,
    }
}

/// `salesrule_coupon` (written by hand: its `type` column is a Rust keyword).
#[derive(Debug, Clone, Default, PartialEq, sqlx::FromRow)]
pub struct CouponRow {
    pub coupon_id: i64,
    pub rule_id: i64,
    pub code: Option<String>,
    pub usage_limit: Option<i64>,
    pub usage_per_customer: Option<i64>,
    pub times_used: i64,
    pub expiration_date: Option<String>,
    pub is_primary: Option<i64>,
    pub created_at: Option<String>,
    #[sqlx(rename = "type")]
    pub kind: Option<i64>,
}

impl Columns for CouponRow {
    fn columns(&self) -> Vec<(&'static str, SqlValue)> {
        vec![
            ("coupon_id", self.coupon_id.into()),
            ("rule_id", self.rule_id.into()),
            ("code", self.code.clone().into()),
            ("usage_limit", self.usage_limit.into()),
            ("usage_per_customer", self.usage_per_customer.into()),
            ("times_used", self.times_used.into()),
            ("expiration_date", self.expiration_date.clone().into()),
            ("is_primary", self.is_primary.into()),
            ("created_at", self.created_at.clone().into()),
            ("type", self.kind.into()),
        ]
    }
}

pub async fn rule(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<SalesRuleRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM salesrule WHERE rule_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn website_ids(
    conn: &mut SqliteConnection,
    rule_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT website_id FROM salesrule_website WHERE rule_id = ? ORDER BY website_id",
    )
    .bind(rule_id)
    .fetch_all(conn)
    .await
}

pub async fn customer_group_ids(
    conn: &mut SqliteConnection,
    rule_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT customer_group_id FROM salesrule_customer_group WHERE rule_id = ?
         ORDER BY customer_group_id",
    )
    .bind(rule_id)
    .fetch_all(conn)
    .await
}

/// `(store_id, label)` pairs, by store (the unique index's order, as `fetchPairs` reads them).
pub async fn store_labels(
    conn: &mut SqliteConnection,
    rule_id: i64,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT store_id, COALESCE(label, '') FROM salesrule_label WHERE rule_id = ? ORDER BY store_id",
    )
    .bind(rule_id)
    .fetch_all(conn)
    .await
}

/// `AbstractResource::bindRuleToEntity`: the rule's rows of `table` become exactly `ids`.
pub async fn bind_entities(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
    rule_id: i64,
    ids: &[i64],
) -> Result<(), sqlx::Error> {
    let list = serde_json::Value::from(ids.to_vec()).to_string();
    sqlx::query(&format!(
        "DELETE FROM {table} WHERE rule_id = ? AND {column} NOT IN (SELECT value FROM json_each(?))"
    ))
    .bind(rule_id)
    .bind(&list)
    .execute(&mut *conn)
    .await?;
    for id in ids {
        sqlx::query(&format!(
            "INSERT INTO {table} (rule_id, {column}) VALUES (?, ?) ON CONFLICT DO NOTHING"
        ))
        .bind(rule_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// `ResourceModel\Rule::saveStoreLabels`: labels are inserted or replaced; the stores given an
/// empty label lose their row, in one delete; stores not named keep theirs. `labels` names
/// each store once.
pub async fn save_store_labels(
    conn: &mut SqliteConnection,
    rule_id: i64,
    labels: &[(i64, String)],
) -> Result<(), sqlx::Error> {
    let emptied: Vec<i64> = labels
        .iter()
        .filter(|(_, label)| label.is_empty())
        .map(|(store_id, _)| *store_id)
        .collect();
    if !emptied.is_empty() {
        sqlx::query(
            "DELETE FROM salesrule_label
             WHERE rule_id = ? AND store_id IN (SELECT value FROM json_each(?))",
        )
        .bind(rule_id)
        .bind(serde_json::Value::from(emptied).to_string())
        .execute(&mut *conn)
        .await?;
    }
    for (store_id, label) in labels.iter().filter(|(_, label)| !label.is_empty()) {
        sqlx::query(
            "INSERT INTO salesrule_label (rule_id, store_id, label) VALUES (?, ?, ?)
             ON CONFLICT (rule_id, store_id) DO UPDATE SET label = excluded.label",
        )
        .bind(rule_id)
        .bind(store_id)
        .bind(label)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn delete_rule(conn: &mut SqliteConnection, id: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM salesrule WHERE rule_id = ?")
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected())
}

/// The active rules of `website_id` and `group_id` valid on `today` (`Y-m-d`), with the coupon
/// code each was selected by: rules without coupon, and coupon rules one of `codes` belongs to
/// (`ResourceModel\Rule\Collection::setValidationFilter`), by `sort_order`.
pub async fn active_rules(
    conn: &mut SqliteConnection,
    website_id: i64,
    group_id: i64,
    today: &str,
    codes: &[String],
) -> Result<Vec<(SalesRuleRow, Option<String>)>, sqlx::Error> {
    const SCOPE: &str = "JOIN salesrule_website w ON w.rule_id = r.rule_id AND w.website_id = ?1
        JOIN salesrule_customer_group g ON g.rule_id = r.rule_id AND g.customer_group_id = ?2";
    const VALID: &str = "r.is_active = 1
        AND (r.from_date IS NULL OR r.from_date <= ?3)
        AND (r.to_date IS NULL OR r.to_date >= ?3)";
    // The coupon branch: a code asked for, of an auto rule's generated coupons, or of a specific
    // rule's own kind (generated when it auto-generates, manual otherwise).
    let sql = format!(
        "SELECT r.*, NULL AS code FROM salesrule r {SCOPE}
         WHERE {VALID} AND r.coupon_type = 1
         UNION ALL
         SELECT r.*, c.code AS code FROM salesrule r {SCOPE}
         JOIN salesrule_coupon c ON c.rule_id = r.rule_id AND r.coupon_type <> 1
             AND c.code IN (SELECT value FROM json_each(?4))
         WHERE {VALID}
           AND ((r.coupon_type = 3 AND c.type = 1)
             OR (r.coupon_type = 2 AND ((r.use_auto_generation = 1 AND c.type = 1)
                                     OR (r.use_auto_generation = 0 AND c.type = 0))))
         ORDER BY sort_order, rule_id"
    );
    let list = serde_json::Value::from(codes.to_vec()).to_string();
    let rows: Vec<RuleWithCode> = sqlx::query_as(&sql)
        .bind(website_id)
        .bind(group_id)
        .bind(today)
        .bind(&list)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.rule, r.code)).collect())
}

#[derive(sqlx::FromRow)]
struct RuleWithCode {
    #[sqlx(flatten)]
    rule: SalesRuleRow,
    code: Option<String>,
}

/// One page of rules (every `salesrule` column searchable) and the count of all matches.
pub async fn list_rules(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<SalesRuleRow>, i64)> {
    crate::db::search::rows(conn, "salesrule", "rule_id", criteria).await
}

pub async fn coupon(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<CouponRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM salesrule_coupon WHERE coupon_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn coupon_by_code(
    conn: &mut SqliteConnection,
    code: &str,
) -> Result<Option<CouponRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM salesrule_coupon WHERE code = ?")
        .bind(code)
        .fetch_optional(conn)
        .await
}

/// `ResourceModel\Coupon::loadPrimaryByRule`.
pub async fn primary_coupon(
    conn: &mut SqliteConnection,
    rule_id: i64,
) -> Result<Option<CouponRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM salesrule_coupon WHERE rule_id = ? AND is_primary = 1")
        .bind(rule_id)
        .fetch_optional(conn)
        .await
}

/// Whether another coupon than `except` has `code` (`AbstractDb::_checkUnique`, trimmed).
pub async fn code_taken(
    conn: &mut SqliteConnection,
    code: Option<&str>,
    except: i64,
) -> Result<bool, sqlx::Error> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM salesrule_coupon WHERE code IS ? AND coupon_id <> ?",
    )
    .bind(code.map(str::trim))
    .bind(except)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

pub async fn delete_coupon(conn: &mut SqliteConnection, id: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM salesrule_coupon WHERE coupon_id = ?")
            .bind(id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

/// One page of coupons and the count of all matches.
pub async fn list_coupons(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<CouponRow>, i64)> {
    crate::db::search::rows(conn, "salesrule_coupon", "coupon_id", criteria).await
}

/// `ResourceModel\Coupon\Usage::loadByCustomerCoupon`: how often `customer_id` used the coupon.
pub async fn coupon_usage(
    conn: &mut SqliteConnection,
    coupon_id: i64,
    customer_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT times_used FROM salesrule_coupon_usage WHERE coupon_id = ? AND customer_id = ?",
    )
    .bind(coupon_id)
    .bind(customer_id)
    .fetch_optional(conn)
    .await
}

/// `Usage::updateCustomerCouponTimesUsed` (increment).
pub async fn add_coupon_usage(
    conn: &mut SqliteConnection,
    coupon_id: i64,
    customer_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO salesrule_coupon_usage (coupon_id, customer_id, times_used) VALUES (?, ?, 1)
         ON CONFLICT (coupon_id, customer_id) DO UPDATE SET times_used = times_used + 1",
    )
    .bind(coupon_id)
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// `Rule\Customer::loadByCustomerRule`: how often `customer_id` used the rule.
pub async fn customer_rule_usage(
    conn: &mut SqliteConnection,
    rule_id: i64,
    customer_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT times_used FROM salesrule_customer WHERE rule_id = ? AND customer_id = ?
         ORDER BY rule_customer_id LIMIT 1",
    )
    .bind(rule_id)
    .bind(customer_id)
    .fetch_optional(conn)
    .await
}

/// `Processor::updateCustomerRuleUsages` (increment): the row's count + 1, or a new row of 1.
pub async fn add_customer_rule_usage(
    conn: &mut SqliteConnection,
    rule_id: i64,
    customer_id: i64,
) -> Result<(), sqlx::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT rule_customer_id FROM salesrule_customer WHERE rule_id = ? AND customer_id = ?
         ORDER BY rule_customer_id LIMIT 1",
    )
    .bind(rule_id)
    .bind(customer_id)
    .fetch_optional(&mut *conn)
    .await?;
    match id {
        Some(id) => {
            sqlx::query(
                "UPDATE salesrule_customer SET times_used = times_used + 1 WHERE rule_customer_id = ?",
            )
            .bind(id)
            .execute(conn)
            .await?;
        }
        None => {
            sqlx::query(
                "INSERT INTO salesrule_customer (rule_id, customer_id, times_used) VALUES (?, ?, 1)",
            )
            .bind(rule_id)
            .bind(customer_id)
            .execute(conn)
            .await?;
        }
    }
    Ok(())
}

/// `UpdateCouponUsages::execute`'s rule ids: `array_filter(array_map('intval',
/// array_unique(explode(',', $ids))))` (unique as strings, then PHP's `(int)`, zeros dropped).
pub fn applied_rule_ids(ids: &str) -> Vec<i64> {
    let mut seen: Vec<&str> = Vec::new();
    for part in ids.split(',') {
        if !seen.contains(&part) {
            seen.push(part);
        }
    }
    seen.into_iter()
        .map(|s| crate::php::php_int(&serde_json::Value::String(s.to_owned())))
        .filter(|id| *id != 0)
        .collect()
}

/// `Plugin\CouponUsagesDecrement::afterCancel`, after a cancel that answered true:
/// `UpdateCouponUsages::execute($order, false)` on an order with `applied_rule_ids`. For a
/// customer (`customer_id` not 0): each existing rule's customer usage − 1 while above 0, and
/// the coupon's customer usage − 1 (`Processor::updateCustomerRulesUsages`); the coupon's
/// `times_used` − 1 while above 0 unless `coupon_already_applied` (the order had a coupon and
/// its status after the cancel is not `canceled`: a partial cancel keeps the coupon counted);
/// each existing rule's `times_used` − 1 (the `sales.rule.update.coupon.usage` consumer, which
/// magemu runs at once, as it counts a placed order's usage). The counters are MySQL's
/// unsigned ints, which a value below 0 leaves at 0 without strict mode.
pub async fn give_back_usage(
    conn: &mut SqliteConnection,
    applied_rule_ids: &str,
    coupon_code: &str,
    customer_id: i64,
    coupon_already_applied: bool,
) -> Result<(), sqlx::Error> {
    let mut rules = Vec::new();
    for id in self::applied_rule_ids(applied_rule_ids) {
        if rule(&mut *conn, id).await?.is_some() {
            rules.push(id);
        }
    }
    let coupon = match coupon_code {
        "" => None,
        code => coupon_by_code(&mut *conn, code).await?,
    };
    if customer_id != 0 {
        for id in &rules {
            sqlx::query(
                "UPDATE salesrule_customer SET times_used = times_used - 1
                 WHERE rule_customer_id = (SELECT rule_customer_id FROM salesrule_customer
                     WHERE rule_id = ?1 AND customer_id = ?2 ORDER BY rule_customer_id LIMIT 1)
                   AND times_used > 0",
            )
            .bind(id)
            .bind(customer_id)
            .execute(&mut *conn)
            .await?;
        }
        if let Some(c) = &coupon {
            sqlx::query(
                "UPDATE salesrule_coupon_usage SET times_used = MAX(times_used - 1, 0)
                 WHERE coupon_id = ? AND customer_id = ?",
            )
            .bind(c.coupon_id)
            .bind(customer_id)
            .execute(&mut *conn)
            .await?;
        }
    }
    if let Some(c) = coupon.filter(|_| !coupon_already_applied) {
        sqlx::query(
            "UPDATE salesrule_coupon SET times_used = times_used - 1
             WHERE coupon_id = ? AND times_used > 0",
        )
        .bind(c.coupon_id)
        .execute(&mut *conn)
        .await?;
    }
    for id in &rules {
        sqlx::query("UPDATE salesrule SET times_used = MAX(times_used - 1, 0) WHERE rule_id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn applied_rule_ids_read_as_php_reads_them() {
        assert_eq!(super::applied_rule_ids("3,4,3"), vec![3, 4]);
        // Unique as strings first: "03" is another string, then the same id.
        assert_eq!(super::applied_rule_ids("3,03, 5,x,0,"), vec![3, 3, 5]);
        assert_eq!(super::applied_rule_ids(""), Vec::<i64>::new());
    }
}
