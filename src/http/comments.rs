//! The comment and e-mail routes every document has, whatever its resource file: list, save,
//! notify. The handlers in each resource file name the ACL and the document and call these.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Map, Value};

use crate::db::model::{Author, CommentRow};
use crate::error::Result;
use crate::http::reply::{comment_list, json_response};
use crate::sales::comments::{self, Document};
use crate::wire::comment::DocumentCommentData;
use crate::wire::creditmemo::CreditmemoCommentData;
use crate::wire::input::path_int;
use crate::AppState;

/// A comment as its document's interface writes it.
fn comment_json(kind: Document, row: &CommentRow) -> Value {
    let data = match kind {
        Document::Creditmemo => serde_json::to_value(CreditmemoCommentData::from(row)),
        _ => serde_json::to_value(DocumentCommentData::from(row)),
    };
    data.unwrap_or(Value::Null)
}

/// `*ManagementInterface::getCommentsList`.
pub async fn list(state: &AppState, id: &str, kind: Document) -> Result<Response> {
    let id = path_int(id)?;
    let rows = comments::list_comments(&state.db, kind, id).await?;
    let items = rows.iter().map(|r| comment_json(kind, r)).collect();
    Ok(comment_list(items, id))
}

/// `*CommentRepositoryInterface::save`: the saved comment as the repository returns it, the
/// object it was given with its new id. `EntityAbstract::_afterSave` reads `created_at` back
/// (2.4.8's comment tables also have `updated_at`, which the interfaces do not show), so it is
/// the stored time; `is_visible_on_front` is what was posted (`null` when not: the column's 0
/// is the database's default, seen on a later read).
pub async fn save(
    state: &AppState,
    body: &Map<String, Value>,
    kind: Document,
    author: Author,
) -> Result<Response> {
    let request = crate::wire::comment::parse_comment(body)?;
    let posted_visible = request.is_visible_on_front;
    let saved = comments::save_comment(&state.db, kind, request, author).await?;
    let mut reply = comment_json(kind, &saved);
    if let Value::Object(map) = &mut reply {
        map.insert(
            "is_visible_on_front".into(),
            posted_visible.map_or(Value::Null, Value::from),
        );
    }
    Ok(json_response(StatusCode::OK, &reply))
}

/// `*ManagementInterface::notify`: `true`.
pub async fn notify(state: &AppState, id: &str, kind: Document) -> Result<Response> {
    let done = comments::notify(&state.db, kind, path_int(id)?).await?;
    Ok(json_response(StatusCode::OK, &done))
}
