//! The route table: every REST operation magemu serves, declared once with what Magento's
//! `etc/webapi.xml` says of it (HTTP method, path, the service interface and method the route
//! is bound to, its ACL resources) and the handler that answers it. The axum router
//! ([`router`]) and the Swagger schema (`crate::http::schema`) are both built from it, so the
//! schema never lists a route that is not served. Each resource module declares its own part
//! (`operations()`); [`table`] joins them.
//!
//! Paths are Magento's as webapi.xml spells them (`:id` written `{id}`, trailing slashes kept:
//! `/V1/invoices/`), which is also what the schema lists. The router derives axum's path from
//! it: `/rest` prefixed, trailing slash trimmed (the store-code middleware trims it from
//! requests, as Magento's REST router does), and each parameter renamed by its position
//! (`{p1}`, `{p2}`), because axum wants one parameter name per position and Magento names the
//! same position differently on different routes (`/V1/orders/{id}` and the address save's
//! `/V1/orders/{parent_id}`). Handlers read path parameters by position, never by name.
//!
//! Magento's REST router picks the route by HTTP method first and then by path
//! (`Webapi/Controller/Rest/Router::match` walks `Webapi/Model/Rest/Config::getRestRoutes`,
//! the routes of the request's method), while axum picks the path first: a literal path
//! (`/V1/creditmemo/refund`, POST only) would hide `GET /V1/creditmemo/{id}` for the id
//! `refund`. [`router`] therefore also serves, on each path, the methods it does not declare
//! but a parameter route covering it does, with that route's handler.

use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{self, MethodFilter, MethodRouter};
use axum::Router;

use crate::AppState;

/// Anyone may call the route (`<resource ref="anonymous"/>`).
pub const ANONYMOUS: &str = "anonymous";
/// Only the customer the token belongs to (`<resource ref="self"/>`).
pub const SELF: &str = "self";

/// A service's input conversion alone (`ServiceInputProcessor::process` of a body: required
/// parameters, unknown fields, types), without the database: what the asynchronous entry runs
/// on every call before it schedules any (`crate::http::bulk`).
pub type InputCheck = fn(&serde_json::Map<String, serde_json::Value>) -> crate::error::Result<()>;

/// One REST operation: a route of webapi.xml and the handler that serves it.
#[derive(Clone)]
pub struct Operation {
    /// The HTTP method.
    pub method: Method,
    /// Magento's path below `/rest/<store>` (`/V1/orders/{id}`).
    pub path: &'static str,
    /// The service interface and method webapi.xml binds
    /// (`Magento\Sales\Api\OrderRepositoryInterface::get`).
    pub service: &'static str,
    /// The route's ACL resources (all are required).
    pub resources: &'static [&'static str],
    /// Parameters webapi.xml fills in itself (`<parameter force="true">`, the `mine` routes'
    /// `cartId`/`customerId`): not the caller's, so not in the schema.
    pub forced: &'static [&'static str],
    /// The body's input conversion, when magemu has it apart from the handler.
    pub input: Option<InputCheck>,
    handler: MethodRouter<AppState>,
}

macro_rules! verbs {
    ($($name:ident => $method:ident),* $(,)?) => {
        $(
            #[doc = concat!("A `", stringify!($method), "` operation.")]
            pub fn $name<H, T>(
                path: &'static str,
                service: &'static str,
                resources: &'static [&'static str],
                handler: H,
            ) -> Self
            where
                H: Handler<T, AppState>,
                T: 'static,
            {
                Operation {
                    method: Method::$method,
                    path,
                    service,
                    resources,
                    forced: &[],
                    input: None,
                    handler: routing::$name(handler),
                }
            }
        )*
    };
}

impl Operation {
    verbs! { get => GET, post => POST, put => PUT, delete => DELETE }

    /// The parameters webapi.xml forces on this route.
    pub fn forced(mut self, params: &'static [&'static str]) -> Self {
        self.forced = params;
        self
    }

    /// The body's input conversion, run apart from the handler by the asynchronous entry.
    pub fn input(mut self, check: InputCheck) -> Self {
        self.input = Some(check);
        self
    }

    /// The service interface (`Magento\Sales\Api\OrderRepositoryInterface`).
    pub fn interface(&self) -> &'static str {
        self.service
            .split_once("::")
            .map_or(self.service, |(i, _)| i)
    }

    /// The service method (`get`).
    pub fn service_method(&self) -> &'static str {
        self.service.split_once("::").map_or("", |(_, m)| m)
    }

    /// The path axum routes: `/rest` + the path, trailing slash trimmed, parameters named by
    /// position.
    pub fn axum_path(&self) -> String {
        axum_path(self.path)
    }
}

fn axum_path(path: &str) -> String {
    let mut n = 0;
    let segments: Vec<String> = path
        .trim_end_matches('/')
        .split('/')
        .map(|s| {
            if s.starts_with('{') {
                n += 1;
                format!("{{p{n}}}")
            } else {
                s.to_owned()
            }
        })
        .collect();
    format!("/rest{}", segments.join("/"))
}

/// Every REST operation, module by module.
pub fn table() -> Vec<Operation> {
    use crate::http::*;
    [
        auth::operations(),
        bulk::operations(),
        store::operations(),
        orders::operations(),
        invoices::operations(),
        shipments::operations(),
        creditmemos::operations(),
        transactions::operations(),
        inventory::operations(),
        inventory_master::operations(),
        inventory_extra::operations(),
        inventory_sales::operations(),
        products::operations(),
        categories::operations(),
        customers::operations(),
        carts::operations(),
        agreements::operations(),
        gift_messages::operations(),
        sales_rules::operations(),
        tax::operations(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What axum serves: (method, axum path, the operation answering it), the declared routes and,
/// on literal paths, the methods a covering parameter route adds (see the module doc).
pub fn served(table: &[Operation]) -> Vec<(Method, String, &Operation)> {
    let mut served: Vec<(Method, String, &Operation)> = table
        .iter()
        .map(|op| (op.method.clone(), op.axum_path(), op))
        .collect();
    // Each operation's axum path is written once and looked up by (method, path): the search
    // below meets every operation for every path and method (a few hundred of each), and
    // writing the paths and splitting them again there took 90 million of the 190 million
    // instructions a server's start and stop cost under callgrind (100 million now).
    let declared: std::collections::HashSet<(&Method, &str)> =
        served.iter().map(|(m, p, _)| (m, p.as_str())).collect();
    // A pattern covers only paths of as many segments: counted once, compared first.
    let depth = |path: &str| path.bytes().filter(|&b| b == b'/').count();
    let depths: Vec<usize> = served.iter().map(|(_, p, _)| depth(p)).collect();
    let mut paths: Vec<&str> = served.iter().map(|(_, p, _)| p.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut added = Vec::new();
    for path in paths {
        for method in [Method::GET, Method::POST, Method::PUT, Method::DELETE] {
            if declared.contains(&(&method, path)) {
                continue;
            }
            let path_depth = depth(path);
            let covering = served
                .iter()
                .zip(&depths)
                .filter(|((m, _, _), d)| *m == method && **d == path_depth)
                .filter_map(|((_, pattern, op), _)| {
                    covers(pattern, path).map(|literals| (literals, *op))
                })
                .max_by_key(|(literals, _)| *literals);
            if let Some((_, op)) = covering {
                added.push((method, path.to_owned(), op));
            }
        }
    }
    served.extend(added);
    served
}

/// Whether `pattern` matches every request `path` matches (same length, each segment a
/// parameter or the same literal), and if so how many literal segments it has.
fn covers(pattern: &str, path: &str) -> Option<usize> {
    if pattern == path {
        return None;
    }
    let (mut patterns, mut segments) = (pattern.split('/'), path.split('/'));
    let mut literals = 0;
    loop {
        match (patterns.next(), segments.next()) {
            (None, None) => return Some(literals),
            (Some(p), Some(s)) => {
                if p.starts_with('{') {
                    continue;
                }
                if p != s {
                    return None;
                }
                literals += 1;
            }
            // Not the same number of segments.
            _ => return None,
        }
    }
}

/// The REST router built from the table. A method a literal path gets from a covering
/// parameter route is served by that route on a router of its own, where the path reaches it
/// with its parameters (the literal path has none to give the handler).
pub fn router(table: &[Operation], state: &AppState) -> Router<AppState> {
    let mut by_path: Vec<(String, MethodRouter<AppState>)> = Vec::new();
    for (method, path, op) in served(table) {
        let pattern = op.axum_path();
        let handler = if pattern == path {
            op.handler.clone()
        } else {
            let filter = MethodFilter::try_from(method).unwrap_or(MethodFilter::GET);
            let own = Router::new()
                .route(&pattern, op.handler.clone())
                .with_state(state.clone());
            routing::on_service(filter, own)
        };
        // `served` lists each (method, path) once, so the merges never overlap.
        match by_path.iter_mut().find(|(p, _)| *p == path) {
            Some((_, existing)) => {
                let merged = std::mem::take(existing).merge(handler);
                *existing = merged;
            }
            None => by_path.push((path, handler)),
        }
    }
    by_path
        .into_iter()
        .fold(Router::new(), |router, (path, methods)| {
            router.route(&path, methods)
        })
        .route(SCHEMA_PATH, routing::get(crate::http::schema::serve))
}

/// Where the schema is served (`/rest/<store>/schema` once the store code is taken off).
pub const SCHEMA_PATH: &str = "/rest/schema";

/// Every (method, axum path) the REST router answers: the table's and the schema's, each with
/// whether it is declared (`false`: a method a covering parameter route adds to a literal path).
pub fn served_routes() -> Vec<(Method, String, bool)> {
    let table = table();
    let mut routes: Vec<(Method, String, bool)> = served(&table)
        .into_iter()
        .map(|(method, path, op)| {
            let declared = op.axum_path() == path;
            (method, path, declared)
        })
        .collect();
    routes.push((Method::GET, SCHEMA_PATH.to_owned(), true));
    routes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axum_paths_name_parameters_by_position() {
        assert_eq!(axum_path("/V1/invoices/"), "/rest/V1/invoices");
        assert_eq!(
            axum_path("/V1/products/{productSku}/stockItems/{itemId}"),
            "/rest/V1/products/{p1}/stockItems/{p2}"
        );
    }

    #[test]
    fn a_parameter_route_covers_a_literal_path() {
        assert_eq!(
            covers("/rest/V1/creditmemo/{p1}", "/rest/V1/creditmemo/refund"),
            Some(4)
        );
        assert_eq!(
            covers("/rest/V1/creditmemo/{p1}", "/rest/V1/creditmemo/{p1}"),
            None
        );
        assert_eq!(
            covers("/rest/V1/creditmemo/{p1}", "/rest/V1/invoices/refund"),
            None
        );
        assert_eq!(
            covers(
                "/rest/V1/creditmemo/{p1}/emails",
                "/rest/V1/creditmemo/refund"
            ),
            None
        );
    }
}
