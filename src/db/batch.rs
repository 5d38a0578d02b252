//! Several statements sent to SQLite in one go: a use case's reads (or writes) in one round trip
//! to the database thread instead of one per statement.

use sqlx::{Sqlite, SqliteConnection};

use crate::db::{bind, Columns, SqlValue};

/// Several statements sent to SQLite as one query: one round trip to the database thread
/// instead of one per statement. Binds are consumed by the statements in order.
#[derive(Debug, Default)]
pub struct Batch {
    sql: String,
    binds: Vec<SqlValue>,
    statements: usize,
    /// After each statement: where its SQL ends and how many binds came so far.
    ends: Vec<(usize, usize)>,
}

/// Statements sent to SQLite in one go. sqlx prepares a multi-statement query piece by piece
/// and its cost grows much faster than the number of statements (an invoice of a 30,000-line
/// order took minutes in one piece), so long batches go in chunks of this size, still on the
/// same connection and inside the same transaction.
const STATEMENTS_PER_ROUND_TRIP: usize = 64;

/// What one statement of a [`Batch`] gave: its rows and how many rows it changed.
#[derive(Default)]
pub struct Output {
    pub rows: Vec<sqlx::sqlite::SqliteRow>,
    pub rows_affected: u64,
}

impl Output {
    /// The rows decoded as `T`.
    pub fn decode<T>(&self) -> Result<Vec<T>, sqlx::Error>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
    {
        self.rows.iter().map(T::from_row).collect()
    }

    /// The first column of the first row, if any.
    pub fn scalar<T>(&self) -> Result<Option<T>, sqlx::Error>
    where
        T: for<'r> sqlx::Decode<'r, Sqlite> + sqlx::Type<Sqlite>,
    {
        use sqlx::Row;
        self.rows.first().map(|r| r.try_get::<T, _>(0)).transpose()
    }
}

impl Batch {
    /// Adds one statement (no trailing `;`) and its binds.
    pub fn push(&mut self, sql: &str, binds: impl IntoIterator<Item = SqlValue>) -> &mut Self {
        self.sql.push_str(sql);
        self.sql.push_str(";\n");
        self.binds.extend(binds);
        self.statements += 1;
        self.ends.push((self.sql.len(), self.binds.len()));
        self
    }

    /// How many statements the batch holds.
    pub fn len(&self) -> usize {
        self.statements
    }

    pub fn is_empty(&self) -> bool {
        self.statements == 0
    }

    /// `INSERT INTO table (every column) VALUES (...)`, the key included.
    pub fn insert(&mut self, table: &str, row: &impl Columns) -> &mut Self {
        let columns = row.columns();
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        let marks = vec!["?"; names.len()].join(", ");
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({marks})",
            names.join(", ")
        );
        self.push(&sql, columns.into_iter().map(|(_, v)| v))
    }

    /// `UPDATE table SET (every other column) WHERE key = ?`.
    pub fn update(&mut self, table: &str, key: &str, row: &impl Columns) -> &mut Self {
        let mut columns = row.columns();
        let key_value = match columns.iter().position(|(n, _)| *n == key) {
            Some(pos) => columns.remove(pos).1,
            None => SqlValue::Int(None),
        };
        let sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
        let sql = format!("UPDATE {table} SET {} WHERE {key} = ?", sets.join(", "));
        let binds: Vec<SqlValue> = columns
            .into_iter()
            .map(|(_, v)| v)
            .chain([key_value])
            .collect();
        self.push(&sql, binds)
    }

    /// Runs every statement, in order, and returns what each gave.
    pub async fn run(self, conn: &mut SqliteConnection) -> Result<Vec<Output>, sqlx::Error> {
        let mut outputs = Vec::with_capacity(self.statements);
        let mut binds = self.binds.into_iter();
        let (mut sql_from, mut binds_from) = (0, 0);
        for chunk in self.ends.chunks(STATEMENTS_PER_ROUND_TRIP) {
            let Some(&(sql_to, binds_to)) = chunk.last() else {
                continue;
            };
            let chunk_binds: Vec<SqlValue> = binds.by_ref().take(binds_to - binds_from).collect();
            outputs.extend(
                run_statements(
                    &mut *conn,
                    &self.sql[sql_from..sql_to],
                    chunk_binds,
                    chunk.len(),
                )
                .await?,
            );
            (sql_from, binds_from) = (sql_to, binds_to);
        }
        Ok(outputs)
    }
}

/// Runs `statements` statements of `sql` as one prepared query and returns what each gave.
async fn run_statements(
    conn: &mut SqliteConnection,
    sql: &str,
    binds: Vec<SqlValue>,
    statements: usize,
) -> Result<Vec<Output>, sqlx::Error> {
    use futures_util::TryStreamExt;
    let mut query = sqlx::query(sql);
    for value in binds {
        query = bind(query, value);
    }
    let mut outputs = Vec::with_capacity(statements);
    let mut current = Output::default();
    // Several statements in one prepared query is SQLite-only in sqlx and deprecated there
    // (launchbadge/sqlx#3108), but it is what saves the round trips; it is pinned by
    // Cargo.lock (sqlx 0.8.6), and the batch tests fail loudly if it ever stops working.
    #[allow(deprecated)]
    let mut stream = query.fetch_many(conn);
    while let Some(step) = stream.try_next().await? {
        match step {
            sqlx::Either::Left(done) => {
                current.rows_affected = done.rows_affected();
                outputs.push(std::mem::take(&mut current));
            }
            sqlx::Either::Right(row) => current.rows.push(row),
        }
    }
    if outputs.len() != statements {
        return Err(sqlx::Error::Protocol(format!(
            "batch ran {} of {statements} statements",
            outputs.len()
        )));
    }
    Ok(outputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection;

    #[tokio::test]
    async fn a_long_batch_runs_in_chunks_and_keeps_every_output_in_order() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        let mut batch = Batch::default();
        let n = STATEMENTS_PER_ROUND_TRIP * 3 + 5;
        for i in 0..n {
            batch.push(
                "INSERT INTO t (id, v) VALUES (?, ?)",
                [SqlValue::from(i as i64), SqlValue::from(format!("v{i}"))],
            );
        }
        batch.push(
            "SELECT COUNT(*) FROM t WHERE v = ?",
            [SqlValue::from("v7".to_owned())],
        );
        batch.push(
            "UPDATE t SET v = 'x' WHERE id >= ?",
            [SqlValue::from(10_i64)],
        );
        let out = batch.run(&mut conn).await.unwrap();
        assert_eq!(out.len(), n + 2);
        assert!(out[..n].iter().all(|o| o.rows_affected == 1));
        assert_eq!(out[n].scalar::<i64>().unwrap(), Some(1));
        assert_eq!(out[n + 1].rows_affected, (n - 10) as u64);
    }
}
