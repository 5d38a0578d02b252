//! `oauth_token` and `oauth_token_request_log`.

use sqlx::SqliteConnection;

/// The failure log's key for a user name as sent: the first 255 characters (the column is a
/// `varchar(255)`), lower-cased, trailing spaces dropped. Magento's `RequestLog` reader and
/// writer look the row up with `user_name = ?` under MySQL's `utf8_general_ci` (`PAD SPACE`), so
/// the failures of `jdoe@example.com` lock `JDOE@example.com` too
/// (`Integration/Model/Oauth/Token/RequestThrottler.php`, `etc/db_schema.xml`).
pub fn log_name(username: &str) -> String {
    let cut: String = username.chars().take(255).collect();
    cut.trim_end_matches(' ').to_lowercase()
}

/// Recent failures of a user: counted only while the lock window is open.
pub async fn failures(
    conn: &mut SqliteConnection,
    username: &str,
    user_type: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let count: Option<i64> = sqlx::query_scalar(
        "SELECT failures_count FROM oauth_token_request_log
         WHERE user_name = ? AND user_type = ? AND lock_expires_at > ?",
    )
    .bind(username)
    .bind(user_type)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(count.unwrap_or(0))
}

/// `RequestLogWriter::incrementFailuresCount`: count one more failure and (re)open the lock
/// window. A row whose window already closed starts again at 1, as after Magento's cleanup cron.
pub async fn log_failure(
    conn: &mut SqliteConnection,
    username: &str,
    user_type: i64,
    now: i64,
    lock_seconds: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO oauth_token_request_log (user_name, user_type, failures_count, lock_expires_at)
         VALUES (?1, ?2, 1, ?3 + ?4)
         ON CONFLICT (user_name, user_type) DO UPDATE SET
           failures_count = CASE WHEN lock_expires_at > ?3 THEN failures_count + 1 ELSE 1 END,
           lock_expires_at = ?3 + ?4",
    )
    .bind(username)
    .bind(user_type)
    .bind(now)
    .bind(lock_seconds)
    .execute(conn)
    .await?;
    Ok(())
}

/// `RequestLogWriter::resetFailuresCount`.
pub async fn reset_failures(
    conn: &mut SqliteConnection,
    username: &str,
    user_type: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM oauth_token_request_log WHERE user_name = ? AND user_type = ?")
        .bind(username)
        .bind(user_type)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert(
    conn: &mut SqliteConnection,
    token: &str,
    user_type: i64,
    username: &str,
    created_at: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO oauth_token (token, user_type, username, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token)
    .bind(user_type)
    .bind(username)
    .bind(created_at)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the token expires, if it exists.
pub async fn expiry(
    conn: &mut SqliteConnection,
    token: &str,
    user_type: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT expires_at FROM oauth_token WHERE token = ? AND user_type = ?")
        .bind(token)
        .bind(user_type)
        .fetch_optional(conn)
        .await
}
