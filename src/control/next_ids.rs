//! The id counters (`GET` and `PUT /magemu/next-ids`): the next entity id of every table with
//! an AUTOINCREMENT key (Magento's auto_increment), and the next number of every increment-id
//! sequence, named as Magento names its sequence tables (`sequence_order_1`: the order
//! increment ids of store 1).
//!
//! A suite moves them to line ids up with recorded replies, as the tutorial's step 14 needs
//! (its author's store had made two more carts and orders: quote 6, order 6). Like MySQL's
//! `AUTO_INCREMENT = n`, a counter never goes at or below an id already taken: such a request
//! is refused, and a refused request moves nothing. A sequence goes no further than
//! [`LARGEST_SEQUENCE_VALUE`]: Magento's sequence tables count in an `int(10) unsigned` column
//! (`sequence_value`, `Magento/SalesSequence/Model/Builder.php`), and magemu's counter is the
//! number plus 1 (at `i64::MAX` that sum overflowed: the next invoice panicked the writer and
//! the next order answered 500). A table's next id may go up to `i64::MAX`: past it, the
//! document is refused as Magento refuses a row its auto_increment cannot number
//! (`db::sales::row_ids`).

use std::collections::BTreeMap;

use sqlx::SqliteConnection;

use super::ControlError;
use crate::db::{self, Db};

/// The largest number a sales sequence may be moved to: MySQL's `int(10) unsigned`.
pub const LARGEST_SEQUENCE_VALUE: i64 = 4_294_967_295;

/// `table → next id`, then `sequence_<type>_<store> → next number`.
pub async fn list(db: &Db) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let mut conn = db.read.acquire().await?;
    let mut out = BTreeMap::new();
    for table in counted_tables(&mut conn).await? {
        let next = next_id(&mut conn, &table).await?;
        out.insert(table, next);
    }
    let sequences: Vec<(String, i64, i64)> =
        sqlx::query_as("SELECT entity_type, store_id, next_value FROM sales_sequence")
            .fetch_all(&mut *conn)
            .await?;
    for (kind, store, next) in sequences {
        out.insert(format!("sequence_{kind}_{store}"), next);
    }
    Ok(out)
}

/// Moves the counters named in `wanted`, all or none; returns them all afterwards.
pub async fn set(
    db: &Db,
    wanted: BTreeMap<String, i64>,
) -> Result<BTreeMap<String, i64>, ControlError> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let tables = counted_tables(&mut *conn).await?;
                for (name, &next) in &wanted {
                    if tables.contains(name) {
                        let taken: i64 = sqlx::query_scalar(&format!(
                            "SELECT COALESCE(MAX(rowid), 0) FROM \"{name}\""
                        ))
                        .fetch_one(&mut *conn)
                        .await?;
                        if next <= taken {
                            return Err(ControlError::Refused(format!(
                                "The next id of {name} must be above {taken}, its largest id."
                            )));
                        }
                        db::set_next_id(&mut *conn, name, next).await?;
                    } else if let Some((kind, store)) = sequence(name) {
                        set_sequence(&mut *conn, name, kind, store, next).await?;
                    } else {
                        return Err(ControlError::Refused(format!(
                            "\"{name}\" is no id counter (GET /magemu/next-ids lists them)."
                        )));
                    }
                }
                Ok(())
            })
        })
        .await?;
    Ok(list(db).await?)
}

/// `sequence_order_1` → `("order", 1)`.
fn sequence(name: &str) -> Option<(&str, i64)> {
    let rest = name.strip_prefix("sequence_")?;
    let (kind, store) = rest.rsplit_once('_')?;
    Some((kind, store.parse().ok()?))
}

async fn set_sequence(
    conn: &mut SqliteConnection,
    name: &str,
    kind: &str,
    store: i64,
    next: i64,
) -> Result<(), ControlError> {
    let current: Option<i64> = sqlx::query_scalar(
        "SELECT next_value FROM sales_sequence WHERE entity_type = ? AND store_id = ?",
    )
    .bind(kind)
    .bind(store)
    .fetch_optional(&mut *conn)
    .await?;
    match current {
        None => Err(ControlError::Refused(format!(
            "\"{name}\" is no id counter (GET /magemu/next-ids lists them)."
        ))),
        Some(current) if next < current => Err(ControlError::Refused(format!(
            "The next number of {name} must be at least {current}: lower ones may be taken."
        ))),
        Some(_) if next > LARGEST_SEQUENCE_VALUE => Err(ControlError::Refused(format!(
            "The next number of {name} must be at most {LARGEST_SEQUENCE_VALUE}: Magento's \
             sequence tables count in an int(10) unsigned column."
        ))),
        Some(_) => {
            sqlx::query(
                "UPDATE sales_sequence SET next_value = ? WHERE entity_type = ? AND store_id = ?",
            )
            .bind(next)
            .bind(kind)
            .bind(store)
            .execute(&mut *conn)
            .await?;
            Ok(())
        }
    }
}

/// The tables whose key is AUTOINCREMENT.
async fn counted_tables(conn: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'
         ORDER BY name",
    )
    .fetch_all(conn)
    .await
}

async fn next_id(conn: &mut SqliteConnection, table: &str) -> Result<i64, sqlx::Error> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM sqlite_sequence WHERE name = ?")
        .bind(table)
        .fetch_optional(&mut *conn)
        .await?;
    let taken: i64 =
        sqlx::query_scalar(&format!("SELECT COALESCE(MAX(rowid), 0) FROM \"{table}\""))
            .fetch_one(&mut *conn)
            .await?;
    Ok(seq.unwrap_or(0).max(taken) + 1)
}

#[cfg(test)]
mod tests {
    use super::sequence;

    #[test]
    fn sequence_names() {
        assert_eq!(sequence("sequence_order_1"), Some(("order", 1)));
        assert_eq!(sequence("sequence_creditmemo_0"), Some(("creditmemo", 0)));
        assert_eq!(sequence("sequence_order"), None);
        assert_eq!(sequence("quote"), None);
    }
}
