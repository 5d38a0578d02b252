//! The business: orders, invoices, shipments. Pure functions for the arithmetic and state rules;
//! services that run one use case in one transaction.

pub mod invoice;
pub mod item;
pub mod manage;
pub mod order;
pub mod shipment;
pub mod state;
pub mod totals;

use crate::amount::Amount;

/// `LineItemInterface` (what `InvoiceItemCreationInterface` and `ShipmentItemCreationInterface`
/// extend): an order item and a quantity. A null id or qty is kept: Magento keys its quantity
/// array by it all the same (a null id matches no order item; a null qty is 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineItem {
    pub order_item_id: Option<i64>,
    pub qty: Option<Amount>,
}

/// `CommentInterface` as a document's creation takes it (`InvoiceCommentCreationInterface`,
/// `ShipmentCommentCreationInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentComment {
    pub comment: Option<String>,
    pub is_visible_on_front: i64,
}
