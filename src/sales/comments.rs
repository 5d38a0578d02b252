//! What a connector does to documents after the fact: comments on orders, invoices, shipments
//! and credit memos, their e-mails, and shipment tracks.
//!
//! Read from module-sales 2.4.8-p1: `Model/Service/OrderService.php` (`getCommentsList`,
//! `addComment`), `Model/Order/{Invoice,Shipment,Creditmemo}/CommentRepository.php`,
//! `Model/Order/*/Comment/Validator.php`, `Model/AbstractNotifier.php`,
//! `Model/Order/Shipment/TrackRepository.php`, `Model/Order/Shipment/Track/Validator.php`.
//! - A comments list filters on `parent_id` only: an order or document that does not exist
//!   gives an empty list, as there.
//! - `addComment` (2.4.8): a posted status must be one of the order state's statuses, and then
//!   becomes the order's status; without one the comment takes the order's status.
//! - A comment save fails as a whole with "Could not save the <kind> comment." (no parent, no
//!   text, an unknown parent); the URL's id plays no part, `parent_id` comes from the body. A
//!   comment posted with an `entity_id` is an edit (2.4.8's `getCommentById` then
//!   `SalesEntityCommentValidator::isEditCommentAllowed`): of a comment of that parent written
//!   by the same caller (its `user_id`/`user_type`, stamped on every comment saved), an UPDATE
//!   of the posted columns; of any other id, or another caller's comment, refused the same way. A posted
//!   `created_at` is stored (`formatDate`; one it cannot read fails the save).
//! - `addComment` with an entry that has an `entity_id` adds nothing
//!   (`Order::addStatusHistory`: `if (!$history->getId())`); the status still changes, the
//!   e-mail still goes, the reply is still `true`.
//! - `notify` sends the document's e-mail (`sales::email`): `email_sent` and `send_email` become
//!   1, the newest history entry of that kind not yet notified is marked notified, the reply is
//!   `true`.
//! - A comment (order history entry or document comment) with `is_customer_notified` set sends
//!   the comment e-mail (`OrderService::addComment`, `*CommentRepository::save` through the
//!   `*CommentSender`s); without it, none.
//! - A track needs its shipment to belong to the given order, a number and a carrier code,
//!   else "Could not save the shipment tracking."; deleting a track that does not exist is
//!   `true` as well (Magento deletes `WHERE entity_id = NULL`).

use crate::db::model::{Author, CommentRow, StatusHistory};
use crate::db::{self, Db, SqlValue};
use crate::error::{self as e, Error, Phrase, Result};
use crate::sales::email::{self, SalesEmail};
use crate::sales::shipment_save::{SavedTrack, TrackSave};
use crate::sales::state;

/// A posted comment or status-history entry, as the comment interfaces' setters take it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommentRequest {
    /// A comment that exists: its row is updated (document comments) or nothing is added
    /// (order history entries, see [`add_order_comment`]).
    pub entity_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub comment: Option<String>,
    pub is_customer_notified: Option<i64>,
    /// Whether the body named `is_customer_notified` (a null included): an edit writes it then
    /// (`_prepareDataForTable` writes a null into the nullable column).
    pub is_customer_notified_held: bool,
    pub is_visible_on_front: Option<i64>,
    /// Status-history entries only.
    pub entity_name: Option<String>,
    pub status: Option<String>,
    /// As posted: stored as `formatDate` reads it (`AbstractDb::_prepareDataForTable` writes
    /// every column the object holds), the time of the save when not posted.
    pub created_at: Option<String>,
}

/// The documents that carry comments and e-mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Order,
    Invoice,
    Shipment,
    Creditmemo,
}

impl Document {
    fn table(self) -> &'static str {
        match self {
            Document::Order => "sales_order",
            Document::Invoice => "sales_invoice",
            Document::Shipment => "sales_shipment",
            Document::Creditmemo => "sales_creditmemo",
        }
    }

    fn comment_table(self) -> &'static str {
        match self {
            Document::Order => "sales_order_status_history",
            Document::Invoice => "sales_invoice_comment",
            Document::Shipment => "sales_shipment_comment",
            Document::Creditmemo => "sales_creditmemo_comment",
        }
    }

    /// The `entity_name` of the history entries written for this kind of document.
    fn entity_name(self) -> &'static str {
        match self {
            Document::Order => "order",
            Document::Invoice => "invoice",
            Document::Shipment => "shipment",
            Document::Creditmemo => "creditmemo",
        }
    }

    /// The document's own e-mail (`*Sender`, sent by `notify`).
    fn email(self) -> SalesEmail {
        match self {
            Document::Order => SalesEmail::Order,
            Document::Invoice => SalesEmail::Invoice,
            Document::Shipment => SalesEmail::Shipment,
            Document::Creditmemo => SalesEmail::Creditmemo,
        }
    }

    /// The e-mail of a comment on the document (`*CommentSender`).
    fn comment_email(self) -> SalesEmail {
        match self {
            Document::Order => SalesEmail::OrderComment,
            Document::Invoice => SalesEmail::InvoiceComment,
            Document::Shipment => SalesEmail::ShipmentComment,
            Document::Creditmemo => SalesEmail::CreditmemoComment,
        }
    }

    fn could_not_save(self) -> &'static str {
        match self {
            Document::Invoice => e::COULD_NOT_SAVE_INVOICE_COMMENT,
            Document::Shipment => e::COULD_NOT_SAVE_SHIPMENT_COMMENT,
            _ => e::COULD_NOT_SAVE_CREDITMEMO_COMMENT,
        }
    }
}

/// The rows of a comments list: a document's comments, filtered on `parent_id` only.
pub async fn list_comments(db: &Db, kind: Document, parent_id: i64) -> Result<Vec<CommentRow>> {
    let mut conn = db.read.acquire().await?;
    Ok(db::children(&mut conn, kind.comment_table(), parent_id).await?)
}

/// `OrderManagementInterface::getCommentsList`.
pub async fn list_order_comments(db: &Db, order_id: i64) -> Result<Vec<StatusHistory>> {
    let mut conn = db.read.acquire().await?;
    Ok(db::comments::order_history(&mut conn, order_id).await?)
}

/// The statuses a state may show (`sales_order_status_state` of a stock 2.4).
pub fn state_statuses(state_code: &str) -> &'static [&'static str] {
    match state_code {
        state::NEW => &["pending"],
        state::PENDING_PAYMENT => &["pending_payment"],
        state::PROCESSING => &["processing", "fraud"],
        state::COMPLETE => &["complete"],
        state::CLOSED => &["closed"],
        state::CANCELED => &["canceled"],
        state::HOLDED => &["holded"],
        state::PAYMENT_REVIEW => &["payment_review", "fraud"],
        _ => &[],
    }
}

/// `OrderManagementInterface::addComment` (2.4.8): appends the entry and answers `true`.
pub async fn add_order_comment(db: &Db, order_id: i64, request: CommentRequest) -> Result<bool> {
    crate::sales::write_on_order(db, order_id, move |conn| {
        Box::pin(async move {
            let (mut order, _, _) = db::sales::load_order_for_update(conn, order_id)
                .await?
                .ok_or_else(Error::entity_not_found)?;
            let mut status = order.status.clone();
            if let Some(posted) = request.status.filter(|s| !s.is_empty()) {
                let current = order.state.clone().unwrap_or_default();
                if !state_statuses(&current).contains(&posted.as_str()) {
                    return Err(Error::Input(Phrase::positional(
                        e::STATUS_NOT_IN_HISTORY,
                        vec![posted],
                    )));
                }
                status = Some(posted);
            }
            let now = db::now_timestamp();
            // The order's save writes its row only when a column changed (a status posted
            // that differs): `VersionControl\AbstractDb::save` compares the loaded snapshot of
            // the table's columns, and otherwise saves only the relations (the history entry),
            // so `updated_at` stays as it was.
            let status_changed = order.status != status;
            order.status = status.clone();
            order.updated_at = now.clone();
            let mail = email::order_comment_text(request.comment.as_deref());
            // Order::addStatusHistory: an entry with an id is not added to the order.
            if request.entity_id.is_none_or(|id| id == 0) {
                // A date `formatDate` cannot read fails the order's save, which nothing
                // wraps: PHP's exception, the 500 of an internal error.
                let created_at =
                    posted_created_at(request.created_at.as_deref()).ok_or_else(|| {
                        Error::internal(format!(
                            "status history created_at {:?}",
                            request.created_at
                        ))
                    })?;
                let history = StatusHistory {
                    parent_id: order_id,
                    comment: request.comment,
                    status,
                    entity_name: request.entity_name,
                    is_customer_notified: request.is_customer_notified,
                    is_visible_on_front: request.is_visible_on_front.unwrap_or(0),
                    created_at: created_at.unwrap_or_else(|| now.clone()),
                    ..Default::default()
                };
                db::insert(conn, "sales_order_status_history", "entity_id", &history).await?;
            }
            if status_changed {
                db::update(conn, "sales_order", "entity_id", &order).await?;
            }
            if notifies(request.is_customer_notified) {
                email::send(conn, SalesEmail::OrderComment, order_id, mail).await?;
            }
            Ok(true)
        })
    })
    .await
}

/// `*CommentRepositoryInterface::save`: the saved comment, written by `author`. A comment
/// posted with an `entity_id` is an edit of that comment of the same document, which only its
/// author may make (`SalesEntityCommentValidator::isEditCommentAllowed`).
pub async fn save_comment(
    db: &Db,
    kind: Document,
    request: CommentRequest,
    author: Author,
) -> Result<CommentRow> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let refuse = || Error::input(kind.could_not_save());
                let (Some(parent_id), Some(comment)) = (request.parent_id, request.comment) else {
                    return Err(refuse());
                };
                // The validator's `empty()`: "" and "0" are no comment.
                if !crate::php::truthy(&comment)
                    || !db::comments::exists(conn, kind.table(), parent_id).await?
                {
                    return Err(refuse());
                }
                let entity_id = request.entity_id.unwrap_or(0);
                if entity_id != 0
                    && !db::comments::comment_of(
                        conn,
                        kind.comment_table(),
                        entity_id,
                        Some(parent_id),
                        author,
                    )
                    .await?
                {
                    return Err(refuse());
                }
                let created_at =
                    posted_created_at(request.created_at.as_deref()).ok_or_else(refuse)?;
                let mut row = CommentRow {
                    entity_id,
                    parent_id,
                    comment: Some(comment),
                    is_customer_notified: request.is_customer_notified,
                    is_visible_on_front: request.is_visible_on_front.unwrap_or(0),
                    created_at: created_at.clone().unwrap_or_else(db::now_timestamp),
                    ..Default::default()
                }
                .by(author);
                if entity_id == 0 {
                    row.entity_id =
                        db::insert(conn, kind.comment_table(), "entity_id", &row).await?;
                } else {
                    // The UPDATE of the columns the object holds (a null in a NOT NULL one
                    // left out).
                    let mut columns: Vec<(&'static str, SqlValue)> = vec![
                        ("parent_id", SqlValue::from(parent_id)),
                        ("comment", SqlValue::from(row.comment.clone())),
                    ];
                    if request.is_customer_notified_held {
                        columns.push((
                            "is_customer_notified",
                            SqlValue::from(request.is_customer_notified),
                        ));
                    }
                    if let Some(v) = request.is_visible_on_front {
                        columns.push(("is_visible_on_front", SqlValue::from(v)));
                    }
                    if let Some(at) = created_at {
                        columns.push(("created_at", SqlValue::from(at)));
                    }
                    db::update_posted(conn, kind.comment_table(), entity_id, columns).await?;
                }
                // EntityAbstract::_afterSave reads the stored timestamps back (2.4.8's comment
                // tables have `updated_at`).
                if let Some(stored) =
                    db::comments::created_at(conn, kind.comment_table(), row.entity_id).await?
                {
                    row.created_at = stored;
                }
                if notifies(row.is_customer_notified) {
                    let mail = kind.comment_email();
                    email::send(conn, mail, parent_id, row.comment.clone()).await?;
                }
                Ok(row)
            })
        })
        .await
}

/// `*ManagementInterface::notify`: the document's e-mail is "sent"; `true`.
pub async fn notify(db: &Db, kind: Document, id: i64) -> Result<bool> {
    if id == 0 {
        return Err(Error::input(e::ID_REQUIRED));
    }
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let order_id = match kind {
                    Document::Order => db::comments::exists(conn, kind.table(), id)
                        .await?
                        .then_some(id),
                    _ => db::comments::order_of(conn, kind.table(), id).await?,
                };
                let order_id = order_id.ok_or_else(Error::entity_not_found)?;
                // ShipmentSender / CreditmemoSender: the document's customer note when it was
                // to be told (`customer_note_notify`); OrderSender has none, and magemu keeps no
                // customer note on invoices.
                let note = match kind {
                    Document::Shipment | Document::Creditmemo => {
                        db::outbox::customer_note(conn, kind.table(), id).await?
                    }
                    Document::Order | Document::Invoice => None,
                };
                email::send(conn, kind.email(), id, note).await?;
                db::comments::mark_email_sent(conn, kind.table(), id).await?;
                db::comments::mark_history_notified(conn, order_id, kind.entity_name()).await?;
                Ok(true)
            })
        })
        .await
}

/// A posted `created_at` as the row stores it: `Some(None)` when none was posted (the save's
/// time then), `None` when `formatDate` cannot read it (the save fails).
fn posted_created_at(raw: Option<&str>) -> Option<Option<String>> {
    match raw {
        None => Some(None),
        Some(raw) => crate::php::format_date(raw, crate::clock::now()).map(Some),
    }
}

/// A document comment validator's messages (`Invoice\Comment\Validator::validate`, the credit
/// memo's alike), in the order of its PHP array: the author's refusal (`edit_refused`) under the
/// key `comment`, then each required field's, `(key, label, given, filled)`, a later message
/// under a key taking the earlier one's place (so a refused edit with an empty comment says
/// only that the comment is empty).
pub(crate) fn validator_messages(
    edit_refused: bool,
    fields: [(&'static str, &str, bool, bool); 2],
) -> Vec<String> {
    let mut errors: Vec<(&str, String)> = Vec::new();
    let mut set =
        |key: &'static str, message: String| match errors.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = message,
            None => errors.push((key, message)),
        };
    if edit_refused {
        set("comment", e::COMMENT_EDIT_NOT_ALLOWED.to_owned());
    }
    for (key, label, given, filled) in fields {
        if !given {
            set(key, e::COMMENT_FIELD_REQUIRED.replace("%s", label));
        } else if !filled {
            set(key, e::COMMENT_FIELD_EMPTY.replace("%s", label));
        }
    }
    errors.into_iter().map(|(_, message)| message).collect()
}

/// `NotifySender::checkAndSend`'s `if ($notify)` on the posted `is_customer_notified`.
fn notifies(is_customer_notified: Option<i64>) -> bool {
    is_customer_notified.is_some_and(|n| n != 0)
}

/// `ShipmentTrackRepositoryInterface::save`: the track as the save returns it (the posted
/// object, `created_at`/`updated_at` read back when its row exists). The shipment must be the
/// posted order's (`TrackRepository::save` looks it up by both posted ids); then the track is
/// saved as a shipment save saves its tracks: an `entity_id` updates the posted columns of
/// that row only, and one no row has writes nothing (Magento's UPDATE matches no row) while
/// the reply echoes it. Any failure is "Could not save the shipment tracking."
pub async fn save_track(db: &Db, parent_id: Option<i64>, track: TrackSave) -> Result<SavedTrack> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let refuse = |why: String| {
                    tracing::warn!(cause = %why, "track save refused");
                    Error::input(e::COULD_NOT_SAVE_TRACK)
                };
                let (Some(order_id), Some(parent_id)) = (track.order_id.flatten(), parent_id)
                else {
                    return Err(refuse("The shipment doesn't belong to the order.".into()));
                };
                if !db::comments::shipment_of_order(conn, parent_id, order_id).await? {
                    return Err(refuse("The shipment doesn't belong to the order.".into()));
                }
                let now_at = crate::clock::now();
                let now = crate::clock::format(now_at);
                let saved = crate::sales::shipment_save::save_tracks(
                    conn,
                    parent_id,
                    std::slice::from_ref(&track),
                    (now_at, &now),
                    refuse,
                )
                .await?;
                saved
                    .into_iter()
                    .next()
                    .ok_or_else(|| Error::internal("no track saved"))
            })
        })
        .await
}

/// `ShipmentTrackRepositoryInterface::deleteById`: `true`, whether or not the track existed.
pub async fn delete_track(db: &Db, id: i64) -> Result<bool> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                db::comments::delete_track(conn, id).await?;
                Ok::<_, Error>(true)
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::validator_messages;

    #[test]
    fn validator_messages_in_the_php_arrays_order() {
        let fields = |parent: (bool, bool), comment: (bool, bool)| {
            [
                ("parent_id", "Parent Invoice Id", parent.0, parent.1),
                ("comment", "Comment", comment.0, comment.1),
            ]
        };
        let ok = (true, true);
        assert!(validator_messages(false, fields(ok, ok)).is_empty());
        assert_eq!(
            validator_messages(true, fields(ok, ok)),
            ["User is not authorized to edit comment."]
        );
        // The comment's own message takes the refusal's place.
        assert_eq!(
            validator_messages(true, fields(ok, (true, false))),
            ["Comment can not be empty"]
        );
        assert_eq!(
            validator_messages(true, fields((false, false), ok)),
            [
                "User is not authorized to edit comment.",
                "\"Parent Invoice Id\" is required. Enter and try again."
            ]
        );
        assert_eq!(
            validator_messages(false, fields((false, false), (false, false))),
            [
                "\"Parent Invoice Id\" is required. Enter and try again.",
                "\"Comment\" is required. Enter and try again."
            ]
        );
    }
}
