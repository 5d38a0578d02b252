//! `Magento\Sales\Api\Data\TransactionInterface` as JSON (getters in declaration order; all but
//! `parent_id` and the extension attributes are written even when null; module-sales 2.4.8-p1
//! `Api/Data/TransactionInterface.php`). `additional_information` is never null:
//! `Payment\Transaction::getAdditionalInformation` gives `[]` for what is unset or empty.

use serde::Serialize;

use crate::db::model::Transaction;

/// `TransactionInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-transaction-interface")]
pub struct TransactionData {
    pub transaction_id: i64,
    pub parent_id: Option<i64>,
    pub order_id: i64,
    pub payment_id: i64,
    #[serialize_always]
    pub txn_id: Option<String>,
    #[serialize_always]
    pub parent_txn_id: Option<String>,
    #[serialize_always]
    pub txn_type: Option<String>,
    pub is_closed: i64,
    pub additional_information: serde_json::Value,
    pub created_at: String,
    pub child_transactions: Vec<TransactionData>,
}

impl TransactionData {
    /// A transaction and its children.
    pub fn new(t: &Transaction, children: &[Transaction]) -> Self {
        let mut data = TransactionData::from(t);
        data.child_transactions = children.iter().map(TransactionData::from).collect();
        data
    }
}

impl From<&Transaction> for TransactionData {
    fn from(t: &Transaction) -> Self {
        TransactionData {
            transaction_id: t.transaction_id,
            parent_id: t.parent_id,
            order_id: t.order_id,
            payment_id: t.payment_id,
            txn_id: t.txn_id.clone(),
            parent_txn_id: t.parent_txn_id.clone(),
            txn_type: t.txn_type.clone(),
            is_closed: t.is_closed,
            additional_information: t
                .additional_information
                .as_deref()
                .and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
                // PHP's `!$info`: null, an empty array, "", "0", 0 and false read as `[]`.
                .filter(|v| {
                    !matches!(v, serde_json::Value::Null | serde_json::Value::Bool(false))
                        && v.as_f64() != Some(0.0)
                        && v.as_array().is_none_or(|a| !a.is_empty())
                        && v.as_object().is_none_or(|o| !o.is_empty())
                        && v.as_str().is_none_or(|s| !s.is_empty() && s != "0")
                })
                .unwrap_or_else(|| serde_json::Value::Array(Vec::new())),
            created_at: t.created_at.clone(),
            child_transactions: Vec::new(),
        }
    }
}
