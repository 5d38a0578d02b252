//! The bulk status replies of Magento_AsynchronousOperations (`Api/Data/*Interface.php`): a
//! bulk's summary with its operations, short or whole. Getters Magento declares without
//! `|null` are always sent, `null` when unset.

use serde::Serialize;

use crate::db::bulk::{BulkRow, OperationRow};

/// `SummaryOperationStatusInterface`: an operation of `GET /V1/bulk/{uuid}/status`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "asynchronous-operations-data-summary-operation-status-interface")]
pub struct ShortOperationData {
    /// The operation's key in its bulk (the request item's id).
    pub id: i64,
    pub status: i64,
    pub result_message: Option<String>,
    pub error_code: Option<i64>,
}

/// `OperationInterface`: an operation of `GET /V1/bulk/{uuid}/detailed-status`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "asynchronous-operations-data-operation-interface")]
pub struct OperationData {
    /// `start_time` of its bulk, joined by `OperationRepository::getList` only (the status
    /// routes read operations without the join processor). First: the interface's own getter
    /// comes before those it inherits from `Framework\Bulk\OperationInterface`, as Adobe's
    /// "Search for the status of a bulk operation" example shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_attributes: Option<OperationExtensionData>,
    pub id: i64,
    pub bulk_uuid: String,
    pub topic_name: String,
    pub serialized_data: Option<String>,
    pub result_serialized_data: Option<String>,
    pub status: i64,
    pub result_message: Option<String>,
    pub error_code: Option<i64>,
}

/// `BulkSummaryInterface`'s fields, after the operations in both status replies.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct BulkSummaryData {
    pub user_type: Option<i64>,
    pub bulk_id: String,
    pub description: Option<String>,
    pub start_time: String,
    pub user_id: Option<i64>,
    pub operation_count: i64,
}

impl From<BulkRow> for BulkSummaryData {
    fn from(bulk: BulkRow) -> Self {
        BulkSummaryData {
            user_type: bulk.user_type,
            bulk_id: bulk.uuid,
            description: bulk.description,
            start_time: bulk.start_time,
            user_id: bulk.user_id,
            operation_count: bulk.operation_count,
        }
    }
}

/// `BulkOperationsStatusInterface` (`GET /V1/bulk/{uuid}/status`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "asynchronous-operations-data-bulk-operations-status-interface")]
pub struct BulkStatusData {
    pub operations_list: Vec<ShortOperationData>,
    #[serde(flatten)]
    pub summary: BulkSummaryData,
}

/// `DetailedBulkOperationsStatusInterface` (`GET /V1/bulk/{uuid}/detailed-status`).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "asynchronous-operations-data-detailed-bulk-operations-status-interface")]
pub struct DetailedBulkStatusData {
    pub operations_list: Vec<OperationData>,
    #[serde(flatten)]
    pub summary: BulkSummaryData,
}

/// `OperationExtensionInterface` (`start_time` joined from `magento_bulk`; its ACL resource,
/// `Magento_Logging::...`, is unknown to Magento Open Source, so an admin is allowed it).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "asynchronous-operations-data-operation-extension-interface")]
pub struct OperationExtensionData {
    pub start_time: String,
}

impl OperationData {
    /// An operation as `GET /V1/bulk` lists it, with its bulk's start time.
    pub fn listed((operation, start_time): (OperationRow, Option<String>)) -> Self {
        OperationData {
            extension_attributes: start_time
                .map(|start_time| OperationExtensionData { start_time }),
            ..OperationData::from(operation)
        }
    }
}

impl From<OperationRow> for OperationData {
    fn from(o: OperationRow) -> Self {
        OperationData {
            extension_attributes: None,
            id: o.operation_key,
            bulk_uuid: o.bulk_uuid,
            topic_name: o.topic_name,
            serialized_data: o.serialized_data,
            result_serialized_data: o.result_serialized_data,
            status: o.status,
            result_message: o.result_message,
            error_code: o.error_code,
        }
    }
}

impl BulkStatusData {
    pub fn new(bulk: BulkRow, operations: Vec<OperationRow>) -> Self {
        BulkStatusData {
            operations_list: operations
                .into_iter()
                .map(|o| ShortOperationData {
                    id: o.operation_key,
                    status: o.status,
                    result_message: o.result_message,
                    error_code: o.error_code,
                })
                .collect(),
            summary: bulk.into(),
        }
    }
}

impl DetailedBulkStatusData {
    pub fn new(bulk: BulkRow, operations: Vec<OperationRow>) -> Self {
        DetailedBulkStatusData {
            operations_list: operations.into_iter().map(OperationData::from).collect(),
            summary: bulk.into(),
        }
    }
}
