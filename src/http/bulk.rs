//! Magento's asynchronous and bulk Web API at the web edge (`crate::bulk` has the rules):
//! `POST|PUT|DELETE /rest/<store>/async/V1/...` and `/rest/<store>/async/bulk/V1/...` schedule
//! calls of the REST routes and answer 202; the calls then run through the same router, in
//! order, as the caller (a task of their own). `GET /V1/bulk/{bulkUuid}/status`,
//! `/detailed-status` and `/operation-status/{status}` (`AsynchronousOperations/etc/webapi.xml`)
//! report them.

use std::sync::Arc;

use axum::body::{Body as HttpBody, Bytes};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use serde_json::{Map, Value};
use tower::ServiceExt;

use crate::bulk::{self, Call, User};
use crate::error::{self as e, Error, Result};
use crate::http::extract::{
    bearer_token, check_content_type, staff, Admin, BodyFormat, BulkOperations, IntegrationReplay,
    PathParams, QueueConsumer, Search, Staff,
};
use crate::http::reply::{json_response, search_results};
use crate::http::routes::{Operation, ANONYMOUS, SELF};
use crate::http::StoreScope;
use crate::wire::bulk::{BulkStatusData, DetailedBulkStatusData, OperationData};
use crate::AppState;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::get(
            "/V1/bulk",
            r"Magento\AsynchronousOperations\Api\OperationRepositoryInterface::getList",
            &["Magento_Logging::system_magento_logging_bulk_operations"],
            search,
        ),
        Operation::get(
            "/V1/bulk/{bulkUuid}/status",
            r"Magento\AsynchronousOperations\Api\BulkStatusInterface::getBulkShortStatus",
            &["Magento_Logging::system_magento_logging_bulk_operations"],
            short_status,
        ),
        Operation::get(
            "/V1/bulk/{bulkUuid}/detailed-status",
            r"Magento\AsynchronousOperations\Api\BulkStatusInterface::getBulkDetailedStatus",
            &["Magento_Logging::system_magento_logging_bulk_operations"],
            detailed_status,
        ),
        Operation::get(
            "/V1/bulk/{bulkUuid}/operation-status/{status}",
            r"Magento\AsynchronousOperations\Api\BulkStatusInterface::getOperationsCountByBulkIdAndStatus",
            &["Magento_Logging::system_magento_logging_bulk_operations"],
            count_by_status,
        ),
    ]
}

/// `OperationRepository::getList`: operations (each as the detailed status lists it), filtered
/// on their columns and their bulk's `start_time`.
async fn search(
    _: Admin<BulkOperations>,
    State(state): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (operations, total) = bulk::list(&state.db, &criteria).await?;
    Ok(search_results(
        operations.into_iter().map(OperationData::listed).collect(),
        criteria,
        total,
    ))
}

/// `getBulkShortStatus`: each operation's key, status, message and error code.
async fn short_status(
    _: Admin<BulkOperations>,
    State(state): State<AppState>,
    PathParams(uuid): PathParams<String>,
) -> Result<Response> {
    let (bulk, operations) = bulk::read(&state.db, &uuid).await?;
    Ok(json_response(
        StatusCode::OK,
        &BulkStatusData::new(bulk, operations),
    ))
}

/// `getBulkDetailedStatus`: each operation whole (`OperationInterface`).
async fn detailed_status(
    _: Admin<BulkOperations>,
    State(state): State<AppState>,
    PathParams(uuid): PathParams<String>,
) -> Result<Response> {
    let (bulk, operations) = bulk::read(&state.db, &uuid).await?;
    Ok(json_response(
        StatusCode::OK,
        &DetailedBulkStatusData::new(bulk, operations),
    ))
}

/// `getOperationsCountByBulkIdAndStatus`: a count of the bulk's operations in that status (0
/// for an unknown bulk: the collection is counted, nothing is looked up).
async fn count_by_status(
    _: Admin<BulkOperations>,
    State(state): State<AppState>,
    PathParams((uuid, status)): PathParams<(String, String)>,
) -> Result<Response> {
    let status = crate::wire::input::path_int(&status)?;
    let count = bulk::count_by_status(&state.db, &uuid, status).await?;
    Ok(json_response(StatusCode::OK, &count))
}

/// A route of the table as the asynchronous entry matches it.
struct Route {
    method: Method,
    /// webapi.xml's path (`/V1/orders/{id}`), trailing slash trimmed, split.
    segments: Vec<&'static str>,
    service: &'static str,
    resources: &'static [&'static str],
    input: Option<crate::http::routes::InputCheck>,
    /// The path's segments that are the service method's `int` parameters.
    int_params: Vec<usize>,
}

/// What the asynchronous entry needs: the app, the synchronous router it replays calls
/// through, and the table's routes.
#[derive(Clone)]
struct Async {
    state: AppState,
    sync: Router,
    routes: Arc<Vec<Route>>,
    /// Bulks replayed at once; the others wait their turn in order (Magento's consumer is one
    /// process taking one message at a time). Without a bound every posted bulk was a task of
    /// its own, all running at once.
    replays: Arc<tokio::sync::Semaphore>,
}

/// How many bulks run their operations at the same time.
const REPLAYS_AT_ONCE: usize = 4;

/// The asynchronous entry, in front of `sync` (the REST router, store code already taken off).
pub fn router(state: AppState, sync: Router) -> Router {
    let routes = crate::http::routes::table()
        .iter()
        .map(|op| Route {
            method: op.method.clone(),
            segments: op.path.trim_end_matches('/').split('/').collect(),
            service: op.service,
            resources: op.resources,
            input: op.input,
            int_params: crate::http::schema::int_path_params(op),
        })
        .collect();
    let entry = Async {
        state,
        // The replay runs outside the server's middleware: it catches a handler's panic itself,
        // so the operation records the 500 and the bulk goes on.
        sync: sync
            .clone()
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(
                super::panic_response,
            )),
        routes: Arc::new(routes),
        replays: Arc::new(tokio::sync::Semaphore::new(REPLAYS_AT_ONCE)),
    };
    Router::new()
        .route("/rest/async/{*path}", any(schedule))
        .with_state(entry)
        .fallback_service(sync)
}

/// How a route's parameters are given: in the path (a single call) or, for a bulk, each as
/// `by<Name>` in the path and its value in every element (`BulkServiceConfig`).
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Single,
    Bulk,
}

/// The route `path` (below `/rest`, `/V1/...`) names for `method`, the most literal one; with
/// the parameters' names in path order for a bulk.
fn find<'r>(routes: &'r [Route], method: &Method, path: &str, form: Form) -> Option<&'r Route> {
    let asked: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    routes
        .iter()
        .filter(|r| r.method == *method && r.segments.len() == asked.len())
        .filter_map(|r| {
            let mut literals = 0;
            for (pattern, segment) in r.segments.iter().zip(&asked) {
                match pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                    Some(name) if form == Form::Bulk => {
                        if *segment != format!("by{}", upper_first(name)) {
                            return None;
                        }
                    }
                    Some(_) => {
                        if segment.is_empty() {
                            return None;
                        }
                    }
                    None if pattern == segment => literals += 1,
                    None => return None,
                }
            }
            Some((literals, r))
        })
        .max_by_key(|(literals, _)| *literals)
        .map(|(_, r)| r)
}

fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A path segment as a URL carries it (every byte but the unreserved ones escaped).
fn path_segment(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Who the request's token says the caller is, checked against the route's resources as
/// `RequestValidator::validate` does (Magento's 401 otherwise). A signed call's refusal is the
/// answer whatever the route (`MassSchedule` asks the user context even on anonymous routes).
async fn caller(state: &AppState, parts: &Parts, route: &Route) -> Result<User> {
    let token = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token);
    let customer = match token {
        Some(token) => crate::customer::token_customer(&state.db, token).await?,
        None => None,
    };
    let staff = match customer {
        Some(_) => None,
        None => staff(parts, state).await?,
    };
    let user = match (customer, staff) {
        (Some(id), _) => User {
            id: Some(id),
            kind: bulk::USER_TYPE_CUSTOMER,
        },
        (None, Some(Staff::Admin)) => User {
            id: Some(1),
            kind: bulk::USER_TYPE_ADMIN,
        },
        (None, Some(Staff::Integration)) => User {
            id: Some(crate::auth::oauth::INTEGRATION_ID),
            kind: crate::auth::oauth::USER_TYPE_INTEGRATION,
        },
        // `GuestUserContext::getUserId` is 0.
        (None, None) => User {
            id: Some(0),
            kind: bulk::USER_TYPE_GUEST,
        },
    };
    if route.resources.contains(&ANONYMOUS) {
        Ok(user)
    } else if route.resources.contains(&SELF) {
        customer.map(|_| user).ok_or(Error::Unauthorized(SELF))
    } else {
        staff.map(|_| user).ok_or(Error::Unauthorized(
            route.resources.first().copied().unwrap_or(""),
        ))
    }
}

/// `AsynchronousRequestProcessor::process`: the calls scheduled as one bulk, 202 with its
/// uuid and the accepted items; the calls then run in a task of their own.
async fn schedule(State(entry): State<Async>, request: Request) -> Result<Response> {
    let method = request.method().clone();
    // `canProcess`: never a GET; no other processor takes the path either.
    if method == Method::GET || method == Method::HEAD {
        return Err(Error::input(e::REQUEST_NOT_PROCESSED));
    }
    let path = request.uri().path().to_owned();
    let query = request
        .uri()
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    // `canProcess`: `^/async/bulk(/V.+)` or `^/async(/V.+)`; a path neither takes is
    // `RequestProcessorPool`'s 400.
    let (form, sync_path) = match path.strip_prefix("/rest/async/bulk/V") {
        Some(rest) if !rest.is_empty() => (Form::Bulk, format!("/V{rest}")),
        _ => match path.strip_prefix("/rest/async/V") {
            Some(rest) if !rest.is_empty() => (Form::Single, format!("/V{rest}")),
            _ => return Err(Error::input(e::REQUEST_NOT_PROCESSED)),
        },
    };
    let route = find(&entry.routes, &method, &sync_path, form).ok_or(Error::NoRoute)?;
    let scope = request.extensions().get::<StoreScope>().cloned();
    let (parts, body) = request.into_parts();
    let user = caller(&entry.state, &parts, route).await?;
    // The calls run as the caller: with its token, or (the integration, whose signature
    // covered this request alone) marked as the integration's.
    let replay_as = if user.kind == crate::auth::oauth::USER_TYPE_INTEGRATION {
        ReplayAs::Integration
    } else {
        ReplayAs::Token(parts.headers.get(header::AUTHORIZATION).cloned())
    };
    let request = Request::from_parts(parts, body);
    let format = if method != Method::DELETE {
        let raw = request
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap_or("\u{0}"))
            .unwrap_or("");
        check_content_type(raw)?
    } else {
        BodyFormat::Json
    };
    let bytes = axum::body::to_bytes(request.into_body(), crate::http::extract::MAX_BODY_BYTES)
        .await
        .map_err(|_| Error::TooLarge)?;
    let posted: Value = if bytes.is_empty() {
        Value::Object(Map::new())
    } else {
        format.decode(&bytes)?
    };
    // The calls are replayed in JSON (`replay`): an XML body as its parameters.
    let body = match format {
        BodyFormat::Json => String::from_utf8_lossy(&bytes).into_owned(),
        BodyFormat::Xml => posted.to_string(),
    };
    let calls = match form {
        Form::Single => vec![Call {
            method: method.clone(),
            path: format!("/rest{sync_path}{query}"),
            body,
            entity: posted,
        }],
        Form::Bulk => bulk_calls(route, &method, &query, posted)?,
    };
    check_inputs(route, &calls)?;
    // The store the calls were scheduled in (`store_id` of `serialized_data`).
    let store_id = super::scope_store_id(&entry.state, scope.as_ref()).await?;
    let (uuid, hashes) = bulk::schedule(
        &entry.state.db,
        user,
        route.service,
        &method,
        store_id,
        calls,
    )
    .await?;
    let items: Vec<AcceptedItem<'_>> = hashes
        .iter()
        .enumerate()
        .map(|(id, data_hash)| AcceptedItem {
            id,
            data_hash,
            status: "accepted",
        })
        .collect();
    let service = route.service;
    tokio::spawn(crate::clock::scope(
        entry.state.clock.clone(),
        run(entry.clone(), uuid.clone(), service, scope, replay_as),
    ));
    Ok(json_response(
        StatusCode::ACCEPTED,
        &Accepted {
            bulk_uuid: &uuid,
            request_items: items,
            errors: false,
        },
    ))
}

/// `AsynchronousRequestProcessor::process` resolves every call's input before it publishes
/// anything (`InputParamsResolver::resolve`, `resolveBulkItemParams`: `ServiceInputProcessor`),
/// so a malformed body (an unknown field, a missing parameter, a wrong type, a `<script>`
/// value) is the whole request's 400 and nothing is scheduled. magemu runs the `<script>` check
/// on every call, the service method's int path parameters, and the route's own input
/// conversion (`Operation::input`: every write route with a body).
fn check_inputs(route: &Route, calls: &[Call]) -> Result<()> {
    for call in calls {
        let mut body = match serde_json::from_str::<Value>(&call.body) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        let (path, query) = call.path.split_once('?').unwrap_or((&call.path, ""));
        // `Rest\Request::getRequestData`: the query string's parameters over the body's (a
        // DELETE's body is not read), as the `Body` extractor gives them to the handler.
        if route.method == Method::DELETE {
            body.clear();
        }
        body.extend(crate::http::search::query_params(query));
        // The method's int parameters the path carries, converted as the body's are (a value
        // with an escape is left to the call: the router decodes it then).
        let segments: Vec<&str> = path
            .trim_start_matches("/rest")
            .trim_end_matches('/')
            .split('/')
            .collect();
        for &i in &route.int_params {
            if let Some(value) = segments.get(i).filter(|v| !v.contains('%')) {
                crate::wire::input::path_int(value)?;
            }
        }
        crate::wire::input::check_script_values(&body)?;
        if let Some(check) = route.input {
            check(&body)?;
        }
    }
    Ok(())
}

/// `AsyncResponseInterface`, serialized straight from the hashes (a `Value` per item took
/// hundreds of bytes each on a bulk of 300,000).
#[derive(serde::Serialize)]
struct Accepted<'a> {
    bulk_uuid: &'a str,
    request_items: Vec<AcceptedItem<'a>>,
    errors: bool,
}

/// `ItemStatusInterface` of an accepted operation.
#[derive(serde::Serialize)]
struct AcceptedItem<'a> {
    id: usize,
    data_hash: &'a str,
    status: &'static str,
}

/// The calls of a bulk: one per element of the posted list that is an object or a list
/// (`Asynchronous\InputParamsResolver` skips the others), each route parameter taken from the
/// element (`"\"%fieldName\" is required..."` when missing) into the path.
fn bulk_calls(route: &Route, method: &Method, query: &str, posted: Value) -> Result<Vec<Call>> {
    let elements: Vec<Value> = match posted {
        Value::Array(list) => list,
        Value::Object(map) => map.into_iter().map(|(_, v)| v).collect(),
        _ => Vec::new(),
    };
    let mut calls = Vec::new();
    for element in elements {
        let mut body = match &element {
            Value::Object(map) => map.clone(),
            Value::Array(_) => Map::new(),
            _ => continue,
        };
        let mut segments = Vec::with_capacity(route.segments.len());
        for pattern in &route.segments {
            match pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) => {
                    let value = match body.remove(name) {
                        Some(Value::String(s)) => s,
                        Some(Value::Number(n)) => n.to_string(),
                        Some(Value::Bool(b)) => if b { "1" } else { "" }.to_owned(),
                        _ => return Err(Error::required(name)),
                    };
                    segments.push(path_segment(&value));
                }
                None => segments.push((*pattern).to_owned()),
            }
        }
        calls.push(Call {
            method: method.clone(),
            path: format!("/rest{}{query}", segments.join("/")),
            body: Value::Object(body).to_string(),
            entity: element,
        });
    }
    Ok(calls)
}

/// The consumer's work (`OperationProcessor::process`) for each operation of the bulk, in
/// order: the call through the synchronous router, with the caller's token and store, and its
/// outcome recorded. A bulk whose world was replaced (a reset, a snapshot restored) stops: each
/// call and its outcome run while the world cannot change, and only in the world the bulk was
/// scheduled in.
async fn run(
    entry: Async,
    uuid: String,
    service: &'static str,
    scope: Option<StoreScope>,
    replay_as: ReplayAs,
) {
    let Ok(_turn) = entry.replays.clone().acquire_owned().await else {
        return;
    };
    let control = entry.state.control.clone();
    let world = *control.world().await;
    let mut after = -1;
    loop {
        let page = {
            let now = control.world().await;
            if *now != world {
                return;
            }
            match bulk::open_operations(&entry.state.db, &uuid, after).await {
                Ok(page) if !page.is_empty() => page,
                _ => return,
            }
        };
        for operation in page {
            after = operation.operation_key;
            let now = control.world().await;
            if *now != world {
                return;
            }
            replay(&entry, operation, service, &scope, &replay_as).await;
        }
    }
}

/// Who a bulk's calls run as.
#[derive(Debug, Clone)]
enum ReplayAs {
    /// The scheduling request's `Authorization` header (a token), if it had one.
    Token(Option<header::HeaderValue>),
    /// The store's integration.
    Integration,
}

/// One operation: the call through the synchronous router and its outcome recorded.
async fn replay(
    entry: &Async,
    operation: crate::db::bulk::OperationRow,
    service: &'static str,
    scope: &Option<StoreScope>,
    replay_as: &ReplayAs,
) {
    let mut request = Request::new(HttpBody::from(operation.body.clone()));
    *request.method_mut() = operation.http_method.parse().unwrap_or(Method::POST);
    let Ok(uri) = operation.sync_path.parse() else {
        return;
    };
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    match replay_as {
        ReplayAs::Token(Some(value)) => {
            headers.insert(header::AUTHORIZATION, value.clone());
        }
        ReplayAs::Token(None) => {}
        ReplayAs::Integration => {
            request.extensions_mut().insert(IntegrationReplay);
        }
    }
    request
        .extensions_mut()
        .insert(scope.clone().unwrap_or_default());
    request.extensions_mut().insert(QueueConsumer);
    let (status, body) = match entry.sync.clone().oneshot(request).await {
        Ok(response) => {
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap_or_else(|_| Bytes::new());
            (status, body)
        }
        Err(never) => match never {},
    };
    let uuid = operation.bulk_uuid.clone();
    let finished = bulk::outcome(operation, status, &body, service);
    if let Err(error) = bulk::finish(&entry.state.db, finished).await {
        tracing::warn!(%uuid, ?error, "a bulk operation's outcome was not recorded");
    }
}
