//! Magento_AsynchronousOperations' tables: a bulk (`magento_bulk`) and its operations
//! (`magento_operation`), as `POST /rest/<store>/async[/bulk]/V1/...` schedules them.

use sqlx::SqliteConnection;

use crate::db::row_struct;
use crate::db::search::{json_list, operator, Bind, CustomFilter, Kind};

row_struct! {
    /// `magento_bulk`.
    pub struct BulkRow {
        pub id: i64,
        pub uuid: String,
        pub user_id: Option<i64>,
        pub user_type: Option<i64>,
        pub description: Option<String>,
        pub operation_count: i64,
        pub start_time: String,
    }
}

row_struct! {
    /// `magento_operation`, with what magemu replays (`http_method`, `sync_path`).
    pub struct OperationRow {
        pub id: i64,
        pub bulk_uuid: String,
        pub operation_key: i64,
        pub topic_name: String,
        pub serialized_data: Option<String>,
        pub result_serialized_data: Option<String>,
        pub status: i64,
        pub error_code: Option<i64>,
        pub result_message: Option<String>,
        pub started_at: Option<String>,
        pub http_method: String,
        pub sync_path: String,
        pub body: String,
    }
}

row_struct! {
    /// `magento_operation`'s columns as Magento has them: what `GET /V1/bulk` filters and
    /// sorts on (magemu's replay columns are not searchable).
    pub struct OperationColumns {
        pub id: i64,
        pub bulk_uuid: String,
        pub operation_key: i64,
        pub topic_name: String,
        pub serialized_data: Option<String>,
        pub result_serialized_data: Option<String>,
        pub status: i64,
        pub error_code: Option<i64>,
        pub result_message: Option<String>,
        pub started_at: Option<String>,
    }
}

/// `OperationRepository::getList`'s filter on its bulk's `start_time` (the collection joins
/// `magento_bulk`).
pub const OPERATION_FILTERS: &[CustomFilter] = &[CustomFilter {
    name: "start_time",
    term: start_time_term,
}];

fn start_time_term(cond: &str, value: &str, binds: &mut Vec<Bind>) -> String {
    let bulks = "SELECT uuid FROM magento_bulk WHERE start_time";
    let term = match cond {
        "null" => format!("{bulks} IS NULL"),
        "notnull" => format!("{bulks} IS NOT NULL"),
        "in" | "nin" => {
            binds.push(json_list(Kind::Text, value.split(',')));
            let not = if cond == "nin" { "NOT " } else { "" };
            format!("{bulks} {not}IN (SELECT value FROM json_each(?))")
        }
        other => {
            binds.push(Bind::Text(value.to_owned()));
            format!("{bulks} {} ?", operator(other))
        }
    };
    format!("(bulk_uuid IN ({term}))")
}

/// The operation of row id `id`.
pub async fn operation(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<OperationRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM magento_operation WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// An operation with its bulk's `start_time`, as `OperationRepository::getList`'s collection
/// joins it (`extension_attributes.xml`: `magento_bulk` on `bulk_uuid`, a left join).
pub async fn operation_with_start_time(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<(OperationRow, Option<String>)>, sqlx::Error> {
    let Some(operation) = operation(&mut *conn, id).await? else {
        return Ok(None);
    };
    let start_time = sqlx::query_scalar("SELECT start_time FROM magento_bulk WHERE uuid = ?")
        .bind(&operation.bulk_uuid)
        .fetch_optional(conn)
        .await?;
    Ok(Some((operation, start_time)))
}

/// Records `bulk` and its `operations` (their ids and the bulk's are given by the table).
pub async fn insert(
    conn: &mut SqliteConnection,
    bulk: &BulkRow,
    operations: &[OperationRow],
) -> Result<(), sqlx::Error> {
    crate::db::insert(conn, "magento_bulk", "id", bulk).await?;
    crate::db::insert_all(conn, "magento_operation", "id", operations).await
}

/// The bulk of `uuid`, if any.
pub async fn bulk(conn: &mut SqliteConnection, uuid: &str) -> Result<Option<BulkRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM magento_bulk WHERE uuid = ?")
        .bind(uuid)
        .fetch_optional(conn)
        .await
}

/// The operations of the bulk `uuid`, in the request's order.
pub async fn operations(
    conn: &mut SqliteConnection,
    uuid: &str,
) -> Result<Vec<OperationRow>, sqlx::Error> {
    sqlx::query_as("SELECT * FROM magento_operation WHERE bulk_uuid = ? ORDER BY operation_key")
        .bind(uuid)
        .fetch_all(conn)
        .await
}

/// Up to `limit` open operations of the bulk `uuid` after `after_key`, in the request's order.
pub async fn open_operations(
    conn: &mut SqliteConnection,
    uuid: &str,
    after_key: i64,
    limit: i64,
) -> Result<Vec<OperationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT * FROM magento_operation WHERE bulk_uuid = ? AND status = 4 AND operation_key > ?
         ORDER BY operation_key LIMIT ?",
    )
    .bind(uuid)
    .bind(after_key)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// How many operations of the bulk `uuid` are in `status`.
pub async fn count_by_status(
    conn: &mut SqliteConnection,
    uuid: &str,
    status: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM magento_operation WHERE bulk_uuid = ? AND status = ?")
        .bind(uuid)
        .bind(status)
        .fetch_one(conn)
        .await
}

/// `OperationManagement::changeOperationStatus`: the operation's outcome, on the operation of
/// that bulk while it is still open (never on a row of another world that took its id).
pub async fn finish(
    conn: &mut SqliteConnection,
    operation: &OperationRow,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE magento_operation SET status = ?, error_code = ?, result_message = ?,
                serialized_data = ?, result_serialized_data = ?, started_at = ?
         WHERE id = ? AND bulk_uuid = ? AND status = 4",
    )
    .bind(operation.status)
    .bind(operation.error_code)
    .bind(&operation.result_message)
    .bind(&operation.serialized_data)
    .bind(&operation.result_serialized_data)
    .bind(&operation.started_at)
    .bind(operation.id)
    .bind(&operation.bulk_uuid)
    .execute(conn)
    .await
    .map(drop)
}
