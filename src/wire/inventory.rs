//! `Magento\InventoryApi\Api\Data\*Interface` as JSON.

use serde::Serialize;

use crate::amount::Amount;
use crate::inventory::SourceItem;

/// `SourceItemInterface`: `{"sku","source_code","quantity","status"}`.
#[derive(Debug, Serialize)]
pub struct SourceItemData {
    pub sku: String,
    pub source_code: String,
    pub quantity: Amount,
    pub status: i64,
}

impl From<&SourceItem> for SourceItemData {
    fn from(s: &SourceItem) -> Self {
        SourceItemData {
            sku: s.sku.clone(),
            source_code: s.source_code.clone(),
            quantity: s.quantity,
            status: s.status,
        }
    }
}
