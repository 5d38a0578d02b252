//! Comments as JSON: `InvoiceCommentInterface` and `ShipmentCommentInterface` (their own getters
//! first, then `CommentInterface`'s and `EntityInterface`'s, as PHP's reflection lists an
//! interface's methods), `OrderStatusHistoryInterface`, and the bodies that post them.
//! Read from module-sales 2.4.8-p1 `Api/Data/*.php`; a getter declared without `|null`
//! (`comment`, `is_customer_notified`, ...) is written even when null.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::db::model::CommentRow;
use crate::error::{Error, Result};
use crate::sales::comments::CommentRequest;
use crate::wire::input::{self, Obj};

/// `InvoiceCommentInterface`, `ShipmentCommentInterface`.
#[serde_with::skip_serializing_none]
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sales-data-invoice-comment-interface")]
pub struct DocumentCommentData {
    #[serialize_always]
    pub is_customer_notified: Option<i64>,
    pub parent_id: i64,
    #[serialize_always]
    pub comment: Option<String>,
    /// Null only in the reply of a shipment save that posted none (the column's 0 is the
    /// database's default, not the object's).
    #[serialize_always]
    pub is_visible_on_front: Option<i64>,
    pub created_at: Option<String>,
    pub entity_id: Option<i64>,
}

impl From<&CommentRow> for DocumentCommentData {
    fn from(c: &CommentRow) -> Self {
        DocumentCommentData {
            is_customer_notified: c.is_customer_notified,
            parent_id: c.parent_id,
            comment: c.comment.clone(),
            is_visible_on_front: Some(c.is_visible_on_front),
            created_at: Some(c.created_at.clone()),
            entity_id: Some(c.entity_id),
        }
    }
}

/// The `entity` of `POST /V1/invoices/comments`, `/V1/shipment/{id}/comments`,
/// `/V1/creditmemo/{id}/comments` (the comment interfaces' setters).
pub fn parse_comment(body: &Map<String, Value>) -> Result<CommentRequest> {
    let entity = input::param(body, "entity").ok_or_else(|| Error::required("entity"))?;
    let o = Obj::new(
        entity,
        &[
            "comment",
            "created_at",
            "entity_id",
            "is_customer_notified",
            "is_visible_on_front",
            "parent_id",
            "extension_attributes",
        ],
    )?;
    Ok(CommentRequest {
        entity_id: o.int("entity_id")?,
        parent_id: o.int("parent_id")?,
        comment: o.string("comment")?,
        is_customer_notified: o.int("is_customer_notified")?,
        is_customer_notified_held: o.has("is_customer_notified"),
        is_visible_on_front: o.int("is_visible_on_front")?,
        entity_name: None,
        status: None,
        created_at: o.string("created_at")?,
    })
}

/// The `statusHistory` of `POST /V1/orders/{id}/comments` (`OrderStatusHistoryInterface`).
pub fn parse_status_history(body: &Map<String, Value>) -> Result<CommentRequest> {
    let history =
        input::param(body, "status_history").ok_or_else(|| Error::required("statusHistory"))?;
    let o = Obj::new(
        history,
        &[
            "comment",
            "created_at",
            "entity_id",
            "entity_name",
            "is_customer_notified",
            "is_visible_on_front",
            "parent_id",
            "status",
            "extension_attributes",
        ],
    )?;
    Ok(CommentRequest {
        entity_id: o.int("entity_id")?,
        parent_id: o.int("parent_id")?,
        comment: o.string("comment")?,
        is_customer_notified: o.int("is_customer_notified")?,
        is_customer_notified_held: o.has("is_customer_notified"),
        is_visible_on_front: o.int("is_visible_on_front")?,
        entity_name: o.string("entity_name")?,
        status: o.string("status")?,
        created_at: o.string("created_at")?,
    })
}
