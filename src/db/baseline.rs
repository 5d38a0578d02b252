//! A new database starts from one script, `baseline.sql`: the schema and rows the migrations
//! leave, dumped from a database they built, with sqlx's `_sqlx_migrations` rows saying they
//! ran. Running the migrations one by one costs a new database most of its start time:
//! every `ALTER TABLE ... RENAME` of a table rebuild makes SQLite re-check the whole schema, and
//! each migration is a transaction of its own. The script creates the same tables, indexes,
//! triggers and rows in one transaction.
//!
//! An existing database is migrated as before (sqlx applies what it lacks). A migration newer
//! than the baseline is applied on top of it by the same `Migrator::run`, so a stale baseline
//! costs time, never correctness; tests/migrations.rs fails while it is stale and writes a fresh
//! one with `MAGEMU_WRITE_BASELINE=1 cargo test --test api migrations::`.

use sqlx::{Row, SqliteConnection};

/// The dump of a freshly migrated database (see the module doc).
pub const BASELINE: &str = include_str!("baseline.sql");

/// Whether the database holds nothing yet: not a table, not sqlx's bookkeeping.
pub async fn is_new(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    let objects: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master")
        .fetch_one(&mut *conn)
        .await?;
    Ok(objects == 0)
}

/// Runs the baseline script in one transaction.
pub async fn apply(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    sqlx::raw_sql(BASELINE).execute(&mut *tx).await?;
    tx.commit().await
}

/// The schema and every row of a database as SQL that rebuilds them: tables (in creation
/// order), their rows, `sqlite_sequence`'s counters, then indexes, triggers and views.
/// `_sqlx_migrations` keeps its checksums; its times are written as constants, so two dumps of
/// the same migrations are equal.
pub async fn dump(conn: &mut SqliteConnection) -> Result<String, sqlx::Error> {
    let objects = sqlx::query(
        "SELECT type, name, sql FROM sqlite_master
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut tables = Vec::new();
    let mut others = Vec::new();
    for row in &objects {
        let kind: String = row.get("type");
        let name: String = row.get("name");
        let sql: String = row.get("sql");
        if kind == "table" {
            tables.push((name, sql));
        } else {
            others.push(sql);
        }
    }
    let mut out = String::new();
    for (name, sql) in &tables {
        out.push_str(sql);
        out.push_str(";\n");
        for insert in rows_of(conn, name).await? {
            out.push_str(&insert);
            out.push('\n');
        }
    }
    let has_sequence: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")
            .fetch_one(&mut *conn)
            .await?;
    if has_sequence > 0 {
        let counters: Vec<(String, i64)> =
            sqlx::query_as("SELECT name, seq FROM sqlite_sequence ORDER BY name")
                .fetch_all(&mut *conn)
                .await?;
        // Inserting the rows above set some counters already: they are written whole.
        out.push_str("DELETE FROM sqlite_sequence;\n");
        for (name, seq) in counters {
            out.push_str(&format!(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('{}', {seq});\n",
                name.replace('\'', "''")
            ));
        }
    }
    for sql in others {
        out.push_str(&sql);
        out.push_str(";\n");
    }
    Ok(out)
}

/// `INSERT` statements for every row of `table`, values rendered by SQLite's own `quote()`.
async fn rows_of(conn: &mut SqliteConnection, table: &str) -> Result<Vec<String>, sqlx::Error> {
    let quoted = format!("\"{}\"", table.replace('"', "\"\""));
    let columns: Vec<String> = sqlx::query(&format!("PRAGMA table_info({quoted})"))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.get::<String, _>("name"))
        .collect();
    let values: Vec<String> = columns
        .iter()
        .map(|c| match (table, c.as_str()) {
            ("_sqlx_migrations", "installed_on") => "'''2026-01-01 00:00:00'''".to_owned(),
            ("_sqlx_migrations", "execution_time") => "'0'".to_owned(),
            _ => format!("quote(\"{}\")", c.replace('"', "\"\"")),
        })
        .collect();
    let names: Vec<String> = columns
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect();
    let select = format!(
        "SELECT 'INSERT INTO {quoted} ({}) VALUES (' || {} || ');' FROM {quoted} ORDER BY rowid",
        names.join(", ").replace('\'', "''"),
        values.join(" || ', ' || ")
    );
    sqlx::query_scalar(&select).fetch_all(&mut *conn).await
}
