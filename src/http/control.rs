//! The control API under `/magemu/` (outside Magento's URL space, no Magento token): health,
//! reset, snapshots, id counters, store settings, the request journal, fault rules, the clock
//! and the mail outbox; and the middleware that journals REST calls and applies the fault
//! rules to them.
//!
//! Who may call it: whoever can reach the port. It is meant for the local machine and CI, where
//! the emulator runs beside the suite that drives it (as LocalStack's and WireMock's admin
//! APIs are); it asks for no token so a suite can reset before it has signed in, and it is
//! always on. Do not expose magemu on a network you do not trust: a reset drops everything.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use http_body::{Frame, SizeHint};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::clock::{self, Clock, Setting};
use crate::control::faults::{Outcome, RuleSpec};
use crate::control::journal::{self, Entry, Filter, KeptBody};
use crate::control::{self, ClockChange, Control, ControlError};
use crate::db::outbox;
use crate::http::reply::json_response;
use crate::AppState;

/// The control routes, to be nested under `/magemu`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/reset", post(reset))
        .route("/next-ids", get(next_ids).put(set_next_ids))
        .route("/config", get(config).put(set_config))
        .route("/snapshots", post(save_snapshot).get(list_snapshots))
        .route("/snapshots/{name}/restore", post(restore_snapshot))
        .route("/snapshots/{name}", delete(delete_snapshot))
        .route("/requests", get(list_requests).delete(clear_requests))
        .route(
            "/faults",
            post(add_fault).get(list_faults).delete(clear_faults),
        )
        .route("/faults/{id}", delete(delete_fault))
        .route("/clock", get(show_clock).put(set_clock).delete(reset_clock))
        .route("/outbox", get(list_outbox).delete(clear_outbox))
        .fallback(|| async { message(StatusCode::NOT_FOUND, "No such control call.") })
}

fn message(status: StatusCode, text: impl Into<String>) -> Response {
    json_response(status, &json!({ "message": text.into() }))
}

fn millis(took: Duration) -> f64 {
    (took.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        let status = match &self {
            ControlError::BadName
            | ControlError::Refused(_)
            | ControlError::ClockChange
            | ControlError::Clock(_) => StatusCode::BAD_REQUEST,
            ControlError::NoSnapshot(_) => StatusCode::NOT_FOUND,
            ControlError::Db(_) | ControlError::Io(_) => {
                tracing::error!(error = %self, "control call failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        message(status, self.to_string())
    }
}

/// A JSON body, or what to say in the 400.
fn parse<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| e.to_string())
}

async fn health(State(state): State<AppState>) -> Response {
    let counts = match control::counts(&state.db).await {
        Ok(counts) => counts,
        Err(e) => return ControlError::Db(e).into_response(),
    };
    let control = &state.control;
    json_response(
        StatusCode::OK,
        &json!({
            "status": "ok",
            "version": env!("CARGO_PKG_VERSION"),
            "uptime_seconds": control.started.elapsed().as_secs(),
            "database": state.config.database_url,
            "seed": control.seed.to_string(),
            "counts": counts,
            "snapshots": control.snapshots().len(),
            "journal_entries": control.journal.count(),
            "fault_rules": control.faults.count(),
        }),
    )
}

async fn next_ids(State(state): State<AppState>) -> Response {
    match control::next_ids::list(&state.db).await {
        Ok(all) => json_response(StatusCode::OK, &all),
        Err(e) => ControlError::Db(e).into_response(),
    }
}

/// `{"quote": 6, "sales_order": 6, "sequence_order_1": 6}`: the counters to move.
async fn set_next_ids(State(state): State<AppState>, body: Bytes) -> Response {
    let wanted = match parse(&body) {
        Ok(wanted) => wanted,
        Err(e) => return message(StatusCode::BAD_REQUEST, e),
    };
    match control::next_ids::set(&state.db, wanted).await {
        Ok(all) => json_response(StatusCode::OK, &all),
        Err(e) => e.into_response(),
    }
}

async fn config(State(state): State<AppState>) -> Response {
    match control::config::list(&state.db).await {
        Ok(all) => json_response(StatusCode::OK, &all),
        Err(e) => ControlError::Db(e).into_response(),
    }
}

/// `{"sales/gift_options/allow_order": "1", ...}`: the settings to set (null: remove).
async fn set_config(State(state): State<AppState>, body: Bytes) -> Response {
    let wanted = match parse(&body) {
        Ok(wanted) => wanted,
        Err(e) => return message(StatusCode::BAD_REQUEST, e),
    };
    match control::config::set(&state.db, wanted).await {
        Ok(all) => json_response(StatusCode::OK, &all),
        Err(e) => e.into_response(),
    }
}

async fn reset(State(state): State<AppState>) -> Response {
    match state.control.reset(&state.db).await {
        Ok(took) => json_response(
            StatusCode::OK,
            &json!({
                "seed": state.control.seed.to_string(),
                "took_ms": millis(took),
            }),
        ),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotName {
    name: String,
}

async fn save_snapshot(State(state): State<AppState>, body: Bytes) -> Response {
    let SnapshotName { name } = match parse(&body) {
        Ok(v) => v,
        Err(why) => return message(StatusCode::BAD_REQUEST, why),
    };
    match state.control.save_snapshot(&state.db, &name).await {
        Ok((info, took)) => {
            let mut reply = serde_json::to_value(info).unwrap_or(Value::Null);
            reply["took_ms"] = json!(millis(took));
            json_response(StatusCode::CREATED, &reply)
        }
        Err(e) => e.into_response(),
    }
}

async fn list_snapshots(State(state): State<AppState>) -> Response {
    json_response(StatusCode::OK, &state.control.snapshots())
}

async fn restore_snapshot(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    match state.control.restore_snapshot(&state.db, &name).await {
        Ok(took) => json_response(
            StatusCode::OK,
            &json!({ "name": name, "took_ms": millis(took) }),
        ),
        Err(e) => e.into_response(),
    }
}

async fn delete_snapshot(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    match state.control.delete_snapshot(&name).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    }
}

async fn list_requests(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let given = |key: &str| query.get(key).filter(|v| !v.is_empty()).cloned();
    let status = match given("status").map(|s| s.parse::<u16>()) {
        None => None,
        Some(Ok(status)) => Some(status),
        Some(Err(_)) => return message(StatusCode::BAD_REQUEST, "\"status\" must be a number."),
    };
    let filter = Filter {
        method: given("method"),
        path: given("path"),
        status,
    };
    json_response(StatusCode::OK, &state.control.journal.list(&filter))
}

async fn clear_requests(State(state): State<AppState>) -> Response {
    state.control.journal.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn add_fault(State(state): State<AppState>, body: Bytes) -> Response {
    let spec: RuleSpec = match parse(&body) {
        Ok(v) => v,
        Err(why) => return message(StatusCode::BAD_REQUEST, why),
    };
    match state.control.faults.add(spec) {
        Ok(rule) => json_response(StatusCode::CREATED, &rule),
        Err(why) => message(StatusCode::BAD_REQUEST, why),
    }
}

async fn list_faults(State(state): State<AppState>) -> Response {
    json_response(StatusCode::OK, &state.control.faults.list())
}

async fn delete_fault(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    match id.parse::<u64>() {
        Ok(id) if state.control.faults.remove(id) => StatusCode::NO_CONTENT.into_response(),
        _ => message(
            StatusCode::NOT_FOUND,
            format!("Fault rule \"{id}\" does not exist."),
        ),
    }
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    state.control.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

/// The clock as the control API shows it: how it runs and the time it tells.
fn clock_reply(clock: &Clock) -> Response {
    let (setting, now) = clock.reading();
    let mode = match setting {
        Setting::Real => "real",
        Setting::Fixed(_) => "fixed",
        Setting::Offset(_) => "offset",
    };
    let mut body = json!({
        "mode": mode,
        "time": clock::format(now),
        "rfc3339": clock::format_rfc3339(now),
        "unix": now.unix_timestamp(),
    });
    if let Setting::Offset(seconds) = setting {
        body["offset_seconds"] = json!(seconds);
    }
    json_response(StatusCode::OK, &body)
}

async fn show_clock(State(state): State<AppState>) -> Response {
    clock_reply(&state.clock)
}

async fn set_clock(State(state): State<AppState>, body: Bytes) -> Response {
    let change: ClockChange = match parse(&body) {
        Ok(v) => v,
        Err(why) => return message(StatusCode::BAD_REQUEST, why),
    };
    match control::change_clock(&state.clock, change) {
        Ok(()) => clock_reply(&state.clock),
        Err(e) => e.into_response(),
    }
}

async fn reset_clock(State(state): State<AppState>) -> Response {
    state.clock.reset();
    clock_reply(&state.clock)
}

async fn list_outbox(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let given = |key: &str| query.get(key).filter(|v| !v.is_empty()).cloned();
    let entity_id = match given("entity_id").map(|s| s.parse::<i64>()) {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(_)) => return message(StatusCode::BAD_REQUEST, "\"entity_id\" must be a number."),
    };
    let filter = outbox::Filter {
        to: given("to"),
        template: given("template"),
        entity_type: given("entity_type"),
        entity_id,
    };
    match control::outbox(&state.db, &filter).await {
        Ok(mails) => json_response(StatusCode::OK, &mails),
        Err(e) => e.into_response(),
    }
}

async fn clear_outbox(State(state): State<AppState>) -> Response {
    match control::clear_outbox(&state.db).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => e.into_response(),
    }
}

/// Where a REST path's store code stands: `Some(None)` for `/rest/V1/...`, `Some(Some(code))`
/// for `/rest/<code>/...`, `None` for a path outside REST (not journaled, no faults).
fn rest_store(path: &str) -> Option<Option<String>> {
    let rest = path
        .strip_prefix("/rest/")
        .or_else(|| path.strip_prefix("/index.php/rest/"))?;
    let first = rest.trim_start_matches('/').split('/').next().unwrap_or("");
    Some((first != "V1" && !first.is_empty()).then(|| first.to_owned()))
}

/// The middleware: applies the first matching fault rule to a REST call, runs it, and keeps it
/// in the journal.
pub async fn journal_and_faults(
    State(control): State<Arc<Control>>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let Some(store_code) = rest_store(&path) else {
        return next.run(request).await;
    };
    let started = Instant::now();
    // The journal keeps real time (when the call reached magemu), whatever the emulated clock.
    let time = clock::format(time::OffsetDateTime::now_utc());
    let method = request.method().as_str().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let (parts, body) = request.into_parts();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let request = Request::from_parts(
        parts,
        Body::new(Tee {
            inner: body,
            seen: seen.clone(),
        }),
    );
    let action = control.faults.decide(&method, &path, rand::random::<f64>);
    if let Some(action) = &action {
        if action.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(action.latency_ms)).await;
        }
    }
    let mut entry = Entry {
        id: 0,
        time,
        method,
        path,
        query,
        store_code,
        status: 0,
        duration_ms: 0.0,
        request_body: KeptBody::default(),
        response_body: KeptBody::default(),
        fault: action.as_ref().map(|a| a.rule),
    };
    let response = match action.map(|a| a.outcome) {
        Some(Outcome::Drop) => {
            entry.duration_ms = millis(started.elapsed());
            entry.request_body = seen_body(&seen);
            control.journal.record(entry);
            return Response::new(Body::new(Dropped));
        }
        Some(Outcome::Status(status, text)) => message(
            StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
            text,
        ),
        Some(Outcome::Pass) | None => next.run(request).await,
    };
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    entry.status = parts.status.as_u16();
    entry.duration_ms = millis(started.elapsed());
    entry.request_body = seen_body(&seen);
    entry.response_body = KeptBody::new(&bytes, true);
    control.journal.record(entry);
    Response::from_parts(parts, Body::from(bytes))
}

fn seen_body(seen: &Mutex<Seen>) -> KeptBody {
    seen.lock()
        .map(|s| KeptBody::new(&Bytes::copy_from_slice(&s.bytes), s.complete && !s.cut))
        .unwrap_or_default()
}

/// What passed through a request body: its first bytes, and whether it was read to its end.
#[derive(Default)]
struct Seen {
    bytes: Vec<u8>,
    cut: bool,
    complete: bool,
}

/// A request body that keeps a copy of its first [`journal::MAX_BODY`] bytes as the handler
/// reads it (the handler's own limits and reads are unchanged).
struct Tee {
    inner: Body,
    seen: Arc<Mutex<Seen>>,
}

impl HttpBody for Tee {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let poll = Pin::new(&mut self.inner).poll_frame(cx);
        if let Ok(mut seen) = self.seen.lock() {
            match &poll {
                Poll::Ready(Some(Ok(frame))) => {
                    if let Some(data) = frame.data_ref() {
                        let room = journal::MAX_BODY.saturating_sub(seen.bytes.len());
                        seen.cut |= data.len() > room;
                        seen.bytes.extend_from_slice(&data[..data.len().min(room)]);
                    }
                }
                Poll::Ready(None) => seen.complete = true,
                _ => {}
            }
            if self.inner.is_end_stream() {
                seen.complete = true;
            }
        }
        poll
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A reply body that fails at once: hyper then closes the connection without writing the reply,
/// so the client sees the connection drop.
struct Dropped;

impl HttpBody for Dropped {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Poll::Ready(Some(Err(axum::Error::new(
            "connection dropped by a fault rule",
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_paths_and_their_store_codes() {
        assert_eq!(rest_store("/rest/V1/orders"), Some(None));
        assert_eq!(
            rest_store("/rest/default/V1/orders"),
            Some(Some("default".into()))
        );
        assert_eq!(
            rest_store("/index.php/rest/all/V1/orders"),
            Some(Some("all".into()))
        );
        assert_eq!(rest_store("/magemu/health"), None);
        assert_eq!(rest_store("/V1/orders"), None);
    }
}
