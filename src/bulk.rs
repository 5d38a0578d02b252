//! Magento's asynchronous and bulk Web API (Magento_WebapiAsync, Magento_AsynchronousOperations).
//!
//! `POST|PUT|DELETE /rest/<store>/async/V1/...` schedules one call of a REST route, and
//! `/rest/<store>/async/bulk/V1/...` one call per element of the posted JSON list; each is an
//! operation of a new bulk. The answer is 202 with the bulk's uuid and one accepted item per
//! operation. Magento's consumer (`async.operations.all`) runs the operations later; magemu runs
//! them right after answering, through the same router, as the caller. `GET
//! /V1/bulk/{uuid}/status`, `/detailed-status` and `/operation-status/{status}` report them.
//!
//! Sources (magento2 2.4):
//! - `WebapiAsync/Controller/Rest/AsynchronousRequestProcessor`: GET is never asynchronous
//!   (`canProcess`), the path loses its `/async` or `/async/bulk` prefix and is routed as the
//!   synchronous call; the reply is 202 with `AsyncResponseInterface`.
//! - `AsynchronousOperations/Model/MassSchedule::publishMass`: a bulk described `Topic <topic>`,
//!   one operation per entity with status 4 (open), `serialized_data` =
//!   `{"entity_id":null,"entity_link":"","meta_information":<the encoded parameters>}`,
//!   request items `{"id": <key>, "status": "accepted"}`.
//! - `WebapiAsync/Model/Config::generateTopicNameByRouteData`: the topic is `async.` + the
//!   route's URL parts (`:` dropped) joined by dots + `.` + the HTTP method
//!   (`async.V1.orders.POST`).
//! - `AsynchronousOperations/Model/OperationProcessor`: a call that returns is status 1
//!   (complete), `result_message` `Service execution success <class>::<method>`,
//!   `result_serialized_data` the JSON of its output, `serialized_data` cleared; one that
//!   throws is status 3 (not retriably failed), `error_code` the exception's code (0 for
//!   Magento's own), `result_message` its rendered message, `serialized_data` kept.
//! - `AsynchronousOperations/etc/db_schema.xml`: `result_message` is `varchar(255)`, and
//!   `Framework/DB/Adapter/Pdo/Mysql::_connect` runs `SET SQL_MODE=''`, so MySQL keeps the first
//!   255 characters of a longer message instead of refusing it; magemu stores the same cut.
//!
//! Differences, on purpose: but for products and source items (`http::bulk::check_inputs`),
//! the body of each call is converted and checked when it runs, not when it is scheduled
//! (Magento's `ServiceInputProcessor` refuses a malformed entity with a 400 for the whole
//! request); `<class>` in the success message is derived from the interface
//! (`Api\FooInterface` -> `Model\Foo`), without the `\Interceptor` Magento adds where plugins
//! are.

use axum::http::Method;
use serde_json::{json, Value};

use crate::db::bulk::{self as store, BulkRow, OperationRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};

/// `OperationInterface::STATUS_TYPE_COMPLETE`.
pub const COMPLETE: i64 = 1;
/// `OperationInterface::STATUS_TYPE_RETRIABLY_FAILED`.
pub const RETRIABLY_FAILED: i64 = 2;
/// `OperationInterface::STATUS_TYPE_NOT_RETRIABLY_FAILED`.
pub const NOT_RETRIABLY_FAILED: i64 = 3;
/// `OperationInterface::STATUS_TYPE_OPEN`.
pub const OPEN: i64 = 4;
/// `OperationInterface::STATUS_TYPE_REJECTED`.
pub const REJECTED: i64 = 5;

/// `UserContextInterface::USER_TYPE_ADMIN` / `USER_TYPE_CUSTOMER` / `USER_TYPE_GUEST`.
pub const USER_TYPE_ADMIN: i64 = 2;
pub const USER_TYPE_CUSTOMER: i64 = 3;
pub const USER_TYPE_GUEST: i64 = 4;

/// `BulkStatus::getBulkDetailedStatus` and friends: `NoSuchEntityException`, 404.
pub const BULK_NOT_FOUND: &str = "Bulk uuid %bulkUuid not exist";

/// Who scheduled a bulk (`magento_bulk.user_id`, `user_type`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct User {
    pub id: Option<i64>,
    pub kind: i64,
}

/// One call to schedule: the method, the synchronous path (`/rest/V1/...`, query included),
/// the body it is replayed with, and the entity's input as the client sent it.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub method: Method,
    pub path: String,
    pub body: String,
    pub entity: Value,
}

/// `WebapiAsync/Model/Config`'s topic of a route: `async.` + the service interface (`\` as
/// `.`), its method and the HTTP method, all lower case
/// (`async.magento.sales.api.orderrepositoryinterface.save.post`).
pub fn topic_name(service: &str, method: &Method) -> String {
    let (interface, name) = service.split_once("::").unwrap_or((service, ""));
    format!(
        "async.{}.{name}.{}",
        interface.replace('\\', "."),
        method.as_str()
    )
    .to_lowercase()
}

/// The class `OperationProcessor` names in its success message, from the service interface:
/// `Magento\Sales\Api\OrderRepositoryInterface` -> `Magento\Sales\Model\OrderRepository`.
pub fn service_class(interface: &str) -> String {
    let class = interface.replacen("\\Api\\", "\\Model\\", 1);
    class
        .strip_suffix("Interface")
        .map(str::to_owned)
        .unwrap_or(class)
}

/// JSON as PHP's `json_encode` writes it by default: `/` escaped, and every character past
/// ASCII as `\uXXXX` (UTF-16).
fn php_json(value: &Value) -> String {
    let mut out = String::new();
    for c in value.to_string().chars() {
        match c {
            '/' => out.push_str("\\/"),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out
}

/// `WebapiAsync/Model/OperationRepository::create`'s `serialized_data` of an operation: the
/// entity's input as a JSON string, and the store it was scheduled in.
fn serialized_data(entity: &Value, store_id: i64) -> String {
    let data = json!({
        "entity_id": null,
        "entity_link": "",
        "meta_information": php_json(entity),
        "store_id": store_id,
    });
    php_json(&data)
}

/// `MassSchedule`'s `data_hash` of an accepted item: the SHA-256 of its `serialized_data`.
fn data_hash(serialized: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(serialized.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Records a new bulk of `calls` of the operation `service` (`Interface::method`), every
/// operation open; the bulk's uuid and each call's `data_hash`.
pub async fn schedule(
    db: &Db,
    user: User,
    service: &str,
    method: &Method,
    store_id: i64,
    calls: Vec<Call>,
) -> Result<(String, Vec<String>)> {
    let uuid = uuid::Uuid::new_v4().to_string();
    let topic = topic_name(service, method);
    let bulk = BulkRow {
        id: 0,
        uuid: uuid.clone(),
        user_id: user.id,
        user_type: Some(user.kind),
        description: Some(format!("Topic {topic}")),
        operation_count: i64::try_from(calls.len()).unwrap_or(i64::MAX),
        start_time: db::now_timestamp(),
    };
    let mut hashes = Vec::with_capacity(calls.len());
    let mut operations = Vec::with_capacity(calls.len());
    for (key, call) in calls.into_iter().enumerate() {
        let serialized = serialized_data(&call.entity, store_id);
        hashes.push(data_hash(&serialized));
        operations.push(OperationRow {
            id: 0,
            bulk_uuid: uuid.clone(),
            operation_key: i64::try_from(key).unwrap_or(i64::MAX),
            topic_name: topic.clone(),
            serialized_data: Some(serialized),
            result_serialized_data: None,
            status: OPEN,
            error_code: None,
            result_message: None,
            started_at: None,
            http_method: call.method.as_str().to_owned(),
            sync_path: call.path,
            body: call.body,
        });
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                store::insert(conn, &bulk, &operations).await?;
                Ok::<_, Error>(())
            })
        })
        .await?;
    Ok((uuid, hashes))
}

/// What one call answered, as the operation records it.
pub fn outcome(
    mut operation: OperationRow,
    status: u16,
    body: &[u8],
    service: &str,
) -> OperationRow {
    operation.started_at = Some(db::now_timestamp());
    if (200..300).contains(&status) {
        let (interface, method) = service.split_once("::").unwrap_or((service, ""));
        operation.status = COMPLETE;
        operation.error_code = None;
        operation.result_message = Some(format!(
            "Service execution success {}::{method}",
            service_class(interface)
        ));
        operation.serialized_data = None;
        operation.result_serialized_data = Some(String::from_utf8_lossy(body).into_owned());
    } else {
        operation.status = NOT_RETRIABLY_FAILED;
        operation.error_code = Some(0);
        operation.result_message = Some(column_cut(rendered_message(body)));
    }
    operation
}

/// Characters `magento_operation.result_message` (`varchar(255)`) keeps.
const RESULT_MESSAGE_CHARS: usize = 255;

/// The first [`RESULT_MESSAGE_CHARS`] characters, as non-strict MySQL stores a longer value.
fn column_cut(mut message: String) -> String {
    if let Some((at, _)) = message.char_indices().nth(RESULT_MESSAGE_CHARS) {
        message.truncate(at);
    }
    message
}

/// The message of a Magento error body with its parameters put in (`%1`, `%name`), as the
/// exception's `getMessage()` renders it.
pub fn rendered_message(body: &[u8]) -> String {
    let Ok(Value::Object(error)) = serde_json::from_slice::<Value>(body) else {
        return String::from_utf8_lossy(body).into_owned();
    };
    let message = match error.get("message") {
        Some(Value::String(m)) => m.clone(),
        // Magento's masked 500 body: `{"messages":{"error":[{"message": ...}]}}`.
        _ => error
            .get("messages")
            .and_then(|m| m["error"][0]["message"].as_str())
            .unwrap_or_default()
            .to_owned(),
    };
    let parameters = error.get("parameters").cloned().unwrap_or(Value::Null);
    crate::error::render(&serde_json::json!({"message": message, "parameters": parameters}))
}

/// Records what an operation came to.
pub async fn finish(db: &Db, operation: OperationRow) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                store::finish(conn, &operation).await?;
                Ok::<_, Error>(())
            })
        })
        .await
}

/// The bulk of `uuid` and its operations (404 when there is none).
pub async fn read(db: &Db, uuid: &str) -> Result<(BulkRow, Vec<OperationRow>)> {
    let mut conn = db.read.acquire().await?;
    let bulk = store::bulk(&mut conn, uuid)
        .await?
        .ok_or_else(|| Error::NotFound(Phrase::named(BULK_NOT_FOUND, "bulkUuid", uuid)))?;
    let operations = store::operations(&mut conn, uuid).await?;
    Ok((bulk, operations))
}

/// The next open operations of the bulk `uuid` after `after_key` (a page: a bulk may hold
/// hundreds of thousands).
pub async fn open_operations(db: &Db, uuid: &str, after_key: i64) -> Result<Vec<OperationRow>> {
    let mut conn = db.read.acquire().await?;
    Ok(store::open_operations(&mut conn, uuid, after_key, OPERATIONS_PAGE).await?)
}

/// Operations a replay reads at a time.
const OPERATIONS_PAGE: i64 = 256;

/// `getOperationsCountByBulkIdAndStatus`.
pub async fn count_by_status(db: &Db, uuid: &str, status: i64) -> Result<i64> {
    let mut conn = db.read.acquire().await?;
    Ok(store::count_by_status(&mut conn, uuid, status).await?)
}

/// `OperationRepository::getList`: a page of operations and the count of all matches.
pub async fn list(
    db: &Db,
    criteria: &crate::search::SearchCriteria,
) -> Result<(Vec<(OperationRow, Option<String>)>, i64)> {
    let mut conn = db.read.acquire().await?;
    db::search::documents_with::<store::OperationColumns, _>(
        &mut conn,
        "magento_operation",
        "id",
        store::OPERATION_FILTERS,
        criteria,
        async |conn, id| store::operation_with_start_time(conn, id).await,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_as_webapi_async_names_them() {
        assert_eq!(
            topic_name(
                r"Magento\Sales\Api\OrderRepositoryInterface::save",
                &Method::POST
            ),
            "async.magento.sales.api.orderrepositoryinterface.save.post"
        );
        assert_eq!(
            topic_name(
                r"Magento\Sales\Api\InvoiceOrderInterface::execute",
                &Method::POST
            ),
            "async.magento.sales.api.invoiceorderinterface.execute.post"
        );
    }

    #[test]
    fn serialized_data_as_php_encodes_it() {
        let entity = json!({"entity": {"url": "a/b", "name": "Zoë"}});
        assert_eq!(
            serialized_data(&entity, 1),
            r#"{"entity_id":null,"entity_link":"","meta_information":"{\"entity\":{\"url\":\"a\\\/b\",\"name\":\"Zo\\u00eb\"}}","store_id":1}"#
        );
        assert_eq!(data_hash("abc").len(), 64);
    }

    #[test]
    fn classes_from_interfaces() {
        assert_eq!(
            service_class(r"Magento\Sales\Api\OrderRepositoryInterface"),
            r"Magento\Sales\Model\OrderRepository"
        );
        assert_eq!(
            service_class(r"Magento\Sales\Api\InvoiceOrderInterface"),
            r"Magento\Sales\Model\InvoiceOrder"
        );
    }

    #[test]
    fn messages_rendered_with_their_parameters() {
        let body = br#"{"message":"The website with id %1 was not found.","parameters":["5"]}"#;
        assert_eq!(
            rendered_message(body),
            "The website with id 5 was not found."
        );
        let body = br#"{"message":"\"%fieldName\" is required.","parameters":{"fieldName":"sku"}}"#;
        assert_eq!(rendered_message(body), "\"sku\" is required.");
        let body = br#"{"message":"Plain."}"#;
        assert_eq!(rendered_message(body), "Plain.");
        // One pass, as `strtr`: a parameter holding `%1` is not filled again.
        let body = br#"{"message":"Carrier with such method not found: %1, %2","parameters":["AB","%1%1"]}"#;
        assert_eq!(
            rendered_message(body),
            "Carrier with such method not found: AB, %1%1"
        );
        let body = br#"{"message":"%a %ab","parameters":{"a":"%ab","ab":"x"}}"#;
        assert_eq!(rendered_message(body), "%ab x");
    }

    #[test]
    fn long_messages_cut_as_the_column_does() {
        assert_eq!(column_cut("é".repeat(300)), "é".repeat(255));
        assert_eq!(column_cut("short".into()), "short");
    }
}
