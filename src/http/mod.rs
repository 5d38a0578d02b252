//! The web edge: routing under Magento's `/rest/<store>/V1` prefix, one module per resource.

pub mod accept;
pub mod admin;
pub mod agreements;
pub mod auth;
pub mod bulk;
pub mod carts;
pub mod categories;
pub mod comments;
pub mod connection;
pub mod control;
pub mod creditmemos;
pub mod customers;
pub mod extract;
pub mod fields;
pub mod gift_messages;
pub mod inventory;
pub mod inventory_extra;
pub mod inventory_master;
pub mod inventory_sales;
pub mod invoices;
pub mod orders;
pub mod products;
pub mod reply;
pub mod routes;
pub mod sales_rules;
pub mod schema;
pub mod search;
pub mod shipments;
pub mod store;
pub mod tax;
pub mod transactions;
pub mod xml;
pub mod xml_body;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::error::{self, Error};
use crate::AppState;

/// The whole application: what `main` serves and what the tests drive.
///
/// The outer middleware is stacked around the routers as one service (`ServiceBuilder`), not
/// with `Router::layer`, which wraps every route in it, each level boxed again: a request then
/// cloned a boxed service at every level on its way in (about 50 allocations a request). Same
/// order, same requests seen: the first layer listed is the outermost. The `fields` filter stays
/// a route layer (axum's own HEAD answer around each route no longer matters: a REST HEAD is
/// Magento's 405, [`rest_methods_only`]).
pub fn app(state: AppState) -> Router {
    let api = routes::router(&routes::table(), &state)
        .fallback(no_route)
        .method_not_allowed_fallback(no_route)
        .layer(DefaultBodyLimit::max(extract::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(fields::filter_fields))
        .with_state(state.clone());
    // `/rest/<store>/async[/bulk]/V1/...` in front: it replays its calls through `api`.
    let api = bulk::router(state.clone(), api);
    let control = state.control.clone();
    let clock = state.clock.clone();
    let durability = state.db.durability.clone();
    let magemu = control::router()
        .merge(admin::router())
        .with_state(state.clone());
    // The store code is taken off the path before routing, as Magento's PathProcessor does,
    // then the method is checked (`Rest::dispatch` runs its `RequestMethodValidator` next).
    // The renderer first: Magento picks it (or fails) while building its front controller.
    let api = tower::ServiceBuilder::new()
        .layer(axum::middleware::from_fn(accept::render_as_accepted))
        // A panic under the renderer answers its 500 as Magento's dispatch answers an
        // exception: through the request's renderer (XML for an XML client). The outer
        // catcher stays for the control routes and the layers around this one.
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(axum::middleware::map_request_with_state(
            state,
            strip_store_code,
        ))
        .layer(axum::middleware::from_fn(rest_methods_only))
        .service(api);
    let routed = Router::new().nest("/magemu", magemu).fallback_service(api);
    let served = tower::ServiceBuilder::new()
        .layer(TraceLayer::new_for_http())
        .layer(axum::middleware::from_fn_with_state(
            durability,
            durable_first,
        ))
        .layer(axum::middleware::from_fn_with_state(clock, in_clock))
        .layer(axum::middleware::from_fn(connection::close_if_body_unread))
        // Outside the panic catcher, so a panic is journaled as the 500 it answers.
        .layer(axum::middleware::from_fn_with_state(
            control,
            control::journal_and_faults,
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .service(routed);
    Router::new().fallback_service(served)
}

/// Runs the request in the app's clock: whatever it stamps, and every write it queues, tells
/// the time by it (`crate::clock`).
async fn in_clock(
    State(clock): State<std::sync::Arc<crate::clock::Clock>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    crate::clock::scope(clock, next.run(request)).await
}

/// Sends the response only once every commit it may have seen is on disk
/// (`crate::db::durable`): a write's own acknowledgment, and any read of what another write
/// committed, wait for the sync of the WAL that FULL made inside `COMMIT`. At once when no
/// commit is under way.
async fn durable_first(
    State(durability): State<std::sync::Arc<crate::db::durable::Durability>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let response = next.run(request).await;
    durability.fence().await;
    response
}

/// A document read by id, served from the response cache while nothing was written since it
/// was rendered (`crate::cache`), unless the request refuses it, else loaded, rendered and kept
/// (unless the request says `no-store`).
pub async fn cached_document<T, F>(
    state: &AppState,
    key: crate::cache::Key,
    cache: extract::CacheUse,
    load: F,
) -> error::Result<Response>
where
    T: serde::Serialize,
    F: std::future::Future<Output = error::Result<T>>,
{
    let generation = state.db.generation();
    if let Some(body) = cache
        .read
        .then(|| state.cache.get(key, generation))
        .flatten()
    {
        return Ok(reply::json_bytes(axum::http::StatusCode::OK, body));
    }
    let document = load.await?;
    let body = axum::body::Bytes::from(serde_json::to_vec(&document).map_err(Error::internal)?);
    if cache.store {
        state.cache.put(key, generation, body.clone());
    }
    Ok(reply::json_bytes(axum::http::StatusCode::OK, body))
}

/// A handler that panics answers like any internal fault: Magento's 500 body, cause logged.
pub(crate) fn panic_response(cause: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let cause = cause
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| cause.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".into());
    Error::internal(format!("panic: {cause}")).into_response()
}

/// `Framework\Webapi\Rest\RequestMethodValidator`: a REST request is a GET, POST, PUT or
/// DELETE (`Request::getHttpMethod`), anything else 405 naming the method, a HEAD too (axum
/// would answer a HEAD as the GET without its body; Magento's `App\Http` does that only for a
/// 200, which a REST HEAD never reaches).
async fn rest_methods_only(mut request: Request, next: axum::middleware::Next) -> Response {
    if rest_tail(request.uri().path()).is_none() {
        return next.run(request).await;
    }
    // Laminas' `Request::setMethod` upper-cases the method it is given.
    let method = request.method().as_str().to_ascii_uppercase();
    match Method::from_bytes(method.as_bytes()) {
        Ok(m) if [Method::GET, Method::POST, Method::PUT, Method::DELETE].contains(&m) => {
            *request.method_mut() = m;
            next.run(request).await
        }
        _ if method == "HEAD" => {
            // `App\Http::launch` clears a HEAD's body and announces its length only for a
            // 200; the 405 goes out with neither.
            let mut response = Error::MethodNotSupported(method).into_response();
            *response.body_mut() = axum::body::Body::empty();
            response.headers_mut().insert(
                axum::http::header::CONTENT_LENGTH,
                axum::http::HeaderValue::from_static("0"),
            );
            response
        }
        _ => Error::MethodNotSupported(method).into_response(),
    }
}

/// The path below the REST area's front name (`/rest`, or `/index.php/rest` on a store without
/// URL rewrites): `None` for a path outside it.
pub(crate) fn rest_tail(path: &str) -> Option<&str> {
    let tail = path
        .strip_prefix("/rest")
        .or_else(|| path.strip_prefix("/index.php/rest"))?;
    (tail.is_empty() || tail.starts_with('/')).then_some(tail)
}

/// Magento answers every unmatched request, a wrong method included, with this 404, once a
/// request processor took its path ([`processor_takes`]); a REST path none takes is 400.
async fn no_route(uri: Uri) -> Response {
    if processor_takes(uri.path()) {
        Error::NoRoute.into_response()
    } else {
        Error::input(error::REQUEST_NOT_PROCESSED).into_response()
    }
}

/// `RequestProcessorPool::getProcessor` on a REST path whose store code is off
/// ([`strip_store_code`]): the schema processors take `schema...`, `async/schema...` and
/// `async/bulk/schema...`, the asynchronous ones `/async(/bulk)/V...` (a GET there is
/// `bulk::router`'s 400), the synchronous one `^/V\d+` (case counts: `/v1/` is none's). Any
/// other path under `/rest/` (an unknown store code's `/rest/nostore/V1/orders` among them:
/// `PathProcessor` keeps a code it does not know, and the admin store's `admin` is not among
/// the stores it looks in) is `Webapi\Exception` 400 `Specified request cannot be
/// processed.`. Paths outside `/rest/` are not the REST area's and keep the 404.
fn processor_takes(path: &str) -> bool {
    let Some(tail) = rest_tail(path) else {
        return true;
    };
    let versioned = |s: &str| {
        s.strip_prefix("/V")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    };
    let asynchronous = |s: &str| {
        s.strip_prefix("/async")
            .map(|r| r.strip_prefix("/bulk").unwrap_or(r))
            .and_then(|r| r.strip_prefix("/V"))
            .is_some_and(|v| !v.is_empty())
    };
    let relative = tail.trim_start_matches('/');
    versioned(tail)
        || asynchronous(tail)
        || ["schema", "async/schema", "async/bulk/schema"]
            .iter()
            .any(|p| relative.starts_with(p))
}

/// The store code the request named after `/rest/` (`None` for `/rest/V1/...`), kept for the
/// handlers whose answer depends on the store (`StoreManager::getStore()` in Magento).
#[derive(Debug, Clone, Default)]
pub struct StoreScope(pub Option<String>);

/// The store view a request runs in (`Webapi/Controller/PathProcessor::process` sets it): the
/// URL's store code's, the admin store (0) for `all`, the default store without a code.
pub async fn scope_store_id(state: &AppState, scope: Option<&StoreScope>) -> error::Result<i64> {
    let code = match scope {
        Some(StoreScope(Some(code))) if code != "all" => code.clone(),
        Some(StoreScope(Some(_))) => return Ok(0),
        _ => return Ok(crate::db::store::DEFAULT_STORE_ID),
    };
    let mut conn = state.db.read.acquire().await?;
    let stores = crate::db::store::views(&mut conn).await?;
    Ok(stores
        .iter()
        .find(|s| s.code == code)
        .map_or(crate::db::store::DEFAULT_STORE_ID, |s| s.store_id))
}

/// The route aliases of `webapi_async.xml` (WebapiAsync's and Catalog's), which
/// `WebapiAsync/Plugin/ControllerRest::beforeDispatch` puts in place of the store-less path:
/// `POST asyncProducts` is `async/V1/products`, `PUT async/bulk/V1/products` is
/// `async/bulk/V1/products/bySku`.
fn async_alias(method: &axum::http::Method, path: &str) -> Option<String> {
    use axum::http::Method;
    match (path.strip_prefix("/rest/")?, method) {
        ("asyncProducts", &Method::POST) => Some("/rest/async/V1/products".into()),
        ("async/bulk/V1/products", &Method::PUT) => {
            Some("/rest/async/bulk/V1/products/bySku".into())
        }
        _ => None,
    }
}

/// The REST request's target (path and query) as the client sent it, before the store code
/// and the router's rewriting: `Request::getRequestUri`.
#[derive(Debug, Clone)]
pub struct RequestTarget(pub String);

/// `Webapi/Controller/PathProcessor::process`: `/rest/<code>/V1/...` (or `/index.php/rest/...`)
/// becomes `/rest/V1/...` when
/// `<code>` is a store code or `all`; anything else is left as is (and matches no route).
/// Leading and trailing slashes are trimmed, as the REST router does.
async fn strip_store_code(State(state): State<AppState>, mut req: Request) -> Request {
    let path = req.uri().path().to_owned();
    // What an integration's OAuth signature covers: the request URI as sent.
    let target = req
        .uri()
        .path_and_query()
        .map_or_else(|| path.clone(), |t| t.as_str().to_owned());
    req.extensions_mut().insert(RequestTarget(target));
    // Magento's front controller is also reached through index.php (stores without URL
    // rewrites; connectors recorded against them call every route that way).
    let Some(rest) = rest_tail(&path).and_then(|tail| tail.strip_prefix('/')) else {
        return req;
    };
    let rest = rest.trim_matches('/');
    let mut scope = None;
    let new_path = match rest.split_once('/') {
        Some((code, tail))
            if code != "V1" && (code == "all" || state.store_codes.iter().any(|c| c == code)) =>
        {
            scope = Some(code.to_owned());
            format!("/rest/{}", tail.trim_matches('/'))
        }
        _ => format!("/rest/{rest}"),
    };
    let new_path = async_alias(req.method(), &new_path).unwrap_or(new_path);
    // `Rest\Router\Route::match` takes each path parameter through PHP's `urldecode`, which
    // reads `+` as a space (`/V1/products/A+B` is the SKU `A B`; a literal plus is `%2B`); the
    // router's own percent-decoding does the rest. No literal segment holds a `+`.
    let new_path = if new_path.contains('+') {
        new_path.replace('+', "%20")
    } else {
        new_path
    };
    req.extensions_mut().insert(StoreScope(scope));
    if new_path != path {
        let uri = match req.uri().query() {
            Some(q) => format!("{new_path}?{q}"),
            None => new_path,
        };
        if let Ok(uri) = uri.parse::<Uri>() {
            *req.uri_mut() = uri;
        }
    }
    req
}
