//! `Magento\InventoryApi\Api\Data\*Interface` as JSON.

use serde::Serialize;

use crate::amount::Amount;
use crate::inventory::{SelectionItem, SelectionResult, SourceItem};

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

/// `SourceSelectionAlgorithmInterface`: `{"code","title","description"}`.
#[derive(Debug, Serialize)]
pub struct AlgorithmData {
    pub code: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

/// `SourceSelectionItemInterface`, keys in the tutorial's documented order.
#[derive(Debug, Serialize)]
pub struct SelectionItemData {
    pub source_code: String,
    pub sku: String,
    pub qty_to_deduct: Amount,
    pub qty_available: Amount,
}

/// `SourceSelectionResultInterface`: `isShippable()` is written `shippable`.
#[derive(Debug, Serialize)]
pub struct SelectionResultData {
    pub source_selection_items: Vec<SelectionItemData>,
    pub shippable: bool,
}

impl From<&SelectionItem> for SelectionItemData {
    fn from(s: &SelectionItem) -> Self {
        SelectionItemData {
            source_code: s.source_code.clone(),
            sku: s.sku.clone(),
            qty_to_deduct: s.qty_to_deduct,
            qty_available: s.qty_available,
        }
    }
}

impl From<&SelectionResult> for SelectionResultData {
    fn from(r: &SelectionResult) -> Self {
        SelectionResultData {
            source_selection_items: r.items.iter().map(SelectionItemData::from).collect(),
            shippable: r.shippable,
        }
    }
}
