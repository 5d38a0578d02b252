//! Whole-database images: a copy of the database in a file of its own (`VACUUM INTO`), and the
//! live database set back to such a copy, for the control API's reset and snapshots.
//!
//! A restore does not swap files (the pools and the readers' WAL snapshots hold the live one
//! open): it attaches the image and, in one `BEGIN IMMEDIATE` transaction on the write
//! connection, empties every table and copies the image's rows in, `sqlite_sequence` last, so
//! the next ids are the image's (in its rows' order: `db::counters`). Readers see the old
//! world or the new one, never a mix. On the tutorial seed this is a few hundred rows: a few
//! milliseconds.

use std::path::Path;

use sqlx::SqliteConnection;

/// `oauth_token.user_type` of admin tokens (`UserContextInterface::USER_TYPE_ADMIN`).
const USER_TYPE_ADMIN: i64 = 2;

/// Writes a consistent copy of the live database to `path` (which must not exist). Run outside
/// any transaction.
pub async fn save(conn: &mut SqliteConnection, path: &Path) -> Result<(), sqlx::Error> {
    sqlx::query("VACUUM INTO ?")
        .bind(path.to_string_lossy().into_owned())
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets the live database back to the image at `path`, in one transaction. Admin tokens are kept
/// (a suite's token stays good across resets); every other row, customer tokens and sign-in
/// failures included, is the image's. Run outside any transaction.
pub async fn restore(conn: &mut SqliteConnection, path: &Path) -> Result<(), sqlx::Error> {
    sqlx::query("ATTACH DATABASE ? AS image")
        .bind(path.to_string_lossy().into_owned())
        .execute(&mut *conn)
        .await?;
    let copied = copy_from_image(conn).await;
    if copied.is_err() {
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
    }
    let checked = sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await;
    let detached = sqlx::query("DETACH DATABASE image")
        .execute(&mut *conn)
        .await;
    copied?;
    checked?;
    detached.map(|_| ())
}

async fn copy_from_image(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let script = restore_script(&tables);
    sqlx::Executor::execute(&mut *conn, script.as_str()).await?;
    Ok(())
}

/// The statements of a restore: one transaction, every table emptied before any is filled (so
/// no row copied is touched again). Foreign keys are off meanwhile (the pragma only takes
/// outside a transaction; the caller turns them back on): the image is consistent by
/// construction, and SQLite's deferred-key counter does not balance when whole tables are
/// emptied parents first (its commit then fails with no violation left).
fn restore_script(tables: &[String]) -> String {
    let mut sql = String::from("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n");
    let quoted = |table: &String| table.replace('"', "\"\"");
    for table in tables {
        let t = quoted(table);
        if table == "oauth_token" {
            sql.push_str(&format!(
                "DELETE FROM main.\"{t}\" WHERE user_type <> {USER_TYPE_ADMIN};\n"
            ));
        } else {
            sql.push_str(&format!("DELETE FROM main.\"{t}\";\n"));
        }
    }
    for table in tables {
        let t = quoted(table);
        // Admin tokens kept from the live side win over the image's copies of them.
        let or_ignore = if table == "oauth_token" {
            " OR IGNORE"
        } else {
            ""
        };
        sql.push_str(&format!(
            "INSERT{or_ignore} INTO main.\"{t}\" SELECT * FROM image.\"{t}\";\n"
        ));
    }
    sql.push_str(
        "DELETE FROM main.sqlite_sequence;\n\
         INSERT INTO main.sqlite_sequence SELECT * FROM image.sqlite_sequence ORDER BY rowid;\nCOMMIT;\n",
    );
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_is_one_transaction_with_the_counters_last() {
        let script = restore_script(&["oauth_token".into(), "sales_order".into()]);
        assert!(script.starts_with("PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\n"));
        assert!(script.contains("DELETE FROM main.\"oauth_token\" WHERE user_type <> 2;"));
        assert!(script.contains(
            "DELETE FROM main.\"sales_order\";\nINSERT OR IGNORE INTO main.\"oauth_token\" SELECT * FROM image.\"oauth_token\";\nINSERT INTO main.\"sales_order\" SELECT * FROM image.\"sales_order\";"
        ));
        assert!(script.ends_with(
            "INSERT INTO main.sqlite_sequence SELECT * FROM image.sqlite_sequence ORDER BY rowid;\nCOMMIT;\n"
        ));
    }
}
