//! Queries on `sales_payment_transaction`.

use std::borrow::Cow;
use std::sync::LazyLock;

use sqlx::SqliteConnection;

use crate::db::model::{Order, OrderPayment, Transaction};
use crate::db::search::{fields_of, Field};
use crate::error::Error;
use crate::search::SearchCriteria;

/// One transaction by id.
pub async fn load(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM sales_payment_transaction WHERE transaction_id = ?")
        .bind(transaction_id)
        .fetch_optional(conn)
        .await
}

/// A transaction with its children (`getChildTransactions`), in id order.
pub async fn load_with_children(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<Option<(Transaction, Vec<Transaction>)>, sqlx::Error> {
    let Some(transaction) = load(&mut *conn, transaction_id).await? else {
        return Ok(None);
    };
    let children = sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE parent_id = ? ORDER BY transaction_id",
    )
    .bind(transaction_id)
    .fetch_all(conn)
    .await?;
    Ok(Some((transaction, children)))
}

/// The newest transaction of a payment with this gateway id.
pub async fn by_txn_id(
    conn: &mut SqliteConnection,
    payment_id: i64,
    txn_id: &str,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE payment_id = ? AND txn_id = ?
         ORDER BY transaction_id DESC LIMIT 1",
    )
    .bind(payment_id)
    .bind(txn_id)
    .fetch_optional(conn)
    .await
}

/// `Payment::getAuthorizationTransaction` for a payment without a parent transaction id: its
/// first `authorization`, open or not.
pub async fn authorization(
    conn: &mut SqliteConnection,
    payment_id: i64,
) -> Result<Option<Transaction>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM sales_payment_transaction WHERE payment_id = ? AND txn_type = 'authorization'
         ORDER BY transaction_id LIMIT 1",
    )
    .bind(payment_id)
    .fetch_optional(conn)
    .await
}

/// Whether the transaction has children (`Transaction::canVoidAuthorizationCompletely` is
/// their absence).
pub async fn has_children(
    conn: &mut SqliteConnection,
    transaction_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sales_payment_transaction WHERE parent_id = ?)",
    )
    .bind(transaction_id)
    .fetch_one(conn)
    .await
}

/// What `Transaction\Repository::getList` selects from: its collection joins each transaction
/// to its payment and its order (`addPaymentInformation(['method'])`,
/// `addOrderInformation(['increment_id'])`, `Transaction\Collection::_renderFiltersBefore`,
/// inner joins), so a transaction whose order or payment is gone is not listed.
const LIST_FROM: &str = "sales_payment_transaction AS main_table
    JOIN sales_order_payment AS sop ON main_table.payment_id = sop.entity_id
    JOIN sales_order AS so ON main_table.order_id = so.entity_id";

/// The fields of the transaction list, and the names a filter finds ambiguous.
///
/// A filter or a sort names its column unqualified, so MySQL looks it up in all three
/// tables: the transaction's own columns (`main_table`), then any other column of the
/// payment (`sop`: `method`, `cc_type`, ...) or of the order (`so`: `increment_id`,
/// `customer_email`, `status`, ...). A name in more than one table is MySQL's 500 `Column '%s'
/// in where clause is ambiguous` in a filter: `parent_id` (the payment has one),
/// `additional_information`, `entity_id` and the amounts both the payment and the order keep
/// (`shipping_amount`, ...); `created_at` is not, as the collection maps it to
/// `main_table.created_at` (`addFilterToMap`). A sort resolves the names of the SELECT's columns
/// first (`main_table.*`), so a sort on `parent_id` is the transaction's, while one on a name
/// both the payment and the order have (`entity_id`) is ambiguous there too: no field.
/// Qualified by its table's alias (`sop.entity_id`, `so.increment_id`, `main_table.txn_id`),
/// any column of the three is a filter's (`_translateCondition` quotes the dotted name as
/// `` `so`.`increment_id` ``); the alias compares with case, the column without.
struct ListFields {
    fields: Vec<Field>,
    ambiguous_in_filters: Vec<&'static str>,
}

static LIST_FIELDS: LazyLock<ListFields> = LazyLock::new(|| {
    let own = fields_of(&Transaction::default());
    let payment = fields_of(&OrderPayment::default());
    let order = fields_of(&Order::default());
    let has = |fields: &[Field], name: &str| fields.iter().any(|f| f.name == name);
    let mut ambiguous_in_filters = Vec::new();
    let mut fields = Vec::new();
    for f in &own {
        if f.name != "created_at" && (has(&payment, f.name) || has(&order, f.name)) {
            ambiguous_in_filters.push(f.name);
        }
        fields.push(Field {
            column: Cow::Owned(format!("main_table.{}", f.name)),
            ..f.clone()
        });
    }
    // Every column of the joined tables also under its table's alias (`sop.entity_id`): a
    // name no unqualified lookup finds, leaked once for the list's life.
    let mut qualified = Vec::new();
    for (alias, joined, other) in [("sop", &payment, &order), ("so", &order, &payment)] {
        for f in joined.iter() {
            let column = format!("{alias}.{}", f.name);
            qualified.push(Field {
                name: Box::leak(column.clone().into_boxed_str()),
                column: Cow::Owned(column.clone()),
                ..f.clone()
            });
            if has(&own, f.name) || has(other, f.name) {
                if !has(&own, f.name) && !ambiguous_in_filters.contains(&f.name) {
                    ambiguous_in_filters.push(f.name);
                }
                continue;
            }
            fields.push(Field {
                column: Cow::Owned(column),
                ..f.clone()
            });
        }
    }
    fields.extend(qualified);
    ListFields {
        fields,
        ambiguous_in_filters,
    }
});

/// `TransactionRepositoryInterface::getList`: one page of transactions matching `criteria` (see
/// [`LIST_FIELDS`] for the names it takes), each with its children, and the count of all.
pub async fn list(
    conn: &mut SqliteConnection,
    criteria: &SearchCriteria,
) -> crate::error::Result<(Vec<(Transaction, Vec<Transaction>)>, i64)> {
    let list = &*LIST_FIELDS;
    let ambiguous = criteria
        .filter_groups
        .iter()
        .flat_map(|g| &g.filters)
        .filter_map(|f| f.field.as_deref())
        .find(|name| {
            // `addFilterToMap` is looked up with case (`isset`): `Created_At` reaches MySQL
            // unqualified, and the order has a `created_at` too.
            list.ambiguous_in_filters
                .iter()
                .chain(&["created_at"])
                .any(|a| a.eq_ignore_ascii_case(name))
                && *name != "created_at"
        });
    if let Some(name) = ambiguous {
        return Err(Error::internal(format!(
            "Column '{name}' in where clause is ambiguous"
        )));
    }
    let (ids, total) = crate::db::search::joined_rows::<(i64,)>(
        &mut *conn,
        LIST_FROM,
        "main_table.transaction_id",
        &list.fields,
        "main_table.transaction_id ASC",
        criteria,
    )
    .await?;
    let mut documents = Vec::with_capacity(ids.len());
    for (id,) in ids {
        documents.extend(load_with_children(&mut *conn, id).await?);
    }
    Ok((documents, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_takes_the_joined_columns_mysql_finds_once() {
        let list = &*LIST_FIELDS;
        let column = |name: &str| {
            list.fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.column.to_string())
        };
        assert_eq!(column("txn_id").as_deref(), Some("main_table.txn_id"));
        assert_eq!(column("parent_id").as_deref(), Some("main_table.parent_id"));
        assert_eq!(
            column("created_at").as_deref(),
            Some("main_table.created_at")
        );
        assert_eq!(column("method").as_deref(), Some("sop.method"));
        assert_eq!(column("increment_id").as_deref(), Some("so.increment_id"));
        assert_eq!(
            column("customer_email").as_deref(),
            Some("so.customer_email")
        );
        assert_eq!(column("entity_id"), None);
        for name in [
            "parent_id",
            "additional_information",
            "entity_id",
            "shipping_amount",
        ] {
            assert!(list.ambiguous_in_filters.contains(&name), "{name}");
        }
        for name in ["created_at", "txn_id", "method", "increment_id", "order_id"] {
            assert!(!list.ambiguous_in_filters.contains(&name), "{name}");
        }
    }
}
