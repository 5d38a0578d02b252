//! Replies: Magento's status and body for an [`Error`], and JSON replies with Magento's
//! content type (`Webapi/Rest/Response.php`, `ErrorProcessor::maskException`).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::Error;
use crate::search::{SearchCriteria, SearchResults};

/// Where Magento's checkout page goes back to after a refused placement
/// (`errorRedirectAction`, see [`Error::QuoteInvalid`]).
const SHIPPING_STEP: &str = "#shipping";

/// The status Magento's `ErrorProcessor` gives each kind of failure.
pub fn status(error: &Error) -> StatusCode {
    match error {
        Error::NoRoute | Error::NotFound(_) => StatusCode::NOT_FOUND,
        Error::Unauthorized(_) | Error::Authentication | Error::AuthenticationPhrase(_) => {
            StatusCode::UNAUTHORIZED
        }
        Error::Input(_) | Error::QuoteInvalid(_) | Error::Aggregate(_) | Error::Validation(..) => {
            StatusCode::BAD_REQUEST
        }
        Error::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Error::MethodNotSupported(_) => StatusCode::METHOD_NOT_ALLOWED,
        Error::Internal(_) | Error::Sqlx(_) | Error::Fatal(_) | Error::Shutdown(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let status = status(&self);
        let body = self.body();
        match &self {
            Error::Internal(cause) => {
                tracing::error!(report = %body["message"], %cause, "internal error")
            }
            Error::Sqlx(cause) => {
                tracing::error!(report = %body["message"], %cause, "database error")
            }
            Error::Shutdown(cause) => {
                tracing::error!(report = %body["messages"], %cause, "PHP fatal error emulated");
                // Written by `ErrorProcessor::renderErrorMessage`, not by a renderer.
                let message = body["messages"]["error"][0]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                let mut reply = crate::http::accept::error_processor_reply(status, &message, false);
                reply
                    .extensions_mut()
                    .insert(crate::http::accept::ErrorProcessorReply { message });
                return reply;
            }
            Error::Fatal(cause) => {
                tracing::error!(%cause, "PHP fatal error emulated");
                return (
                    status,
                    [(header::CONTENT_TYPE, "text/plain")],
                    crate::error::FATAL_ERROR,
                )
                    .into_response();
            }
            Error::TooLarge => {
                let mut reply = json_response(status, &body);
                reply
                    .extensions_mut()
                    .insert(crate::http::accept::WebServerReply);
                return reply;
            }
            Error::QuoteInvalid(_) => {
                let mut reply = json_response(status, &body);
                reply.headers_mut().insert(
                    header::HeaderName::from_static("errorredirectaction"),
                    header::HeaderValue::from_static(SHIPPING_STEP),
                );
                return reply;
            }
            _ => {}
        }
        json_response(status, &body)
    }
}

/// The content type of Magento's JSON replies (`Webapi\Response::setMimeType`).
pub const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// A JSON reply with Magento's content type.
pub fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => json_bytes(status, bytes.into()),
        Err(e) => Error::internal(e).into_response(),
    }
}

/// A reply whose JSON is already rendered.
pub fn json_bytes(status: StatusCode, body: axum::body::Bytes) -> Response {
    (status, [(header::CONTENT_TYPE, JSON_CONTENT_TYPE)], body).into_response()
}

/// A comments list: the comments, the `parent_id` filter echoed, their count.
pub fn comment_list<T: serde::Serialize>(items: Vec<T>, parent_id: i64) -> Response {
    let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
    search_results(items, SearchCriteria::by_parent(parent_id), total)
}

/// Items written as a list, each converted (`convert`) only as it is written: a page of
/// documents is then held once as read, not twice (a page of 10,000 orders is about 100 MB of
/// rows; their wire form would be as much again).
pub struct Converted<'a, S, T> {
    pub items: &'a [S],
    pub convert: fn(&'a S) -> T,
}

impl<'a, S, T: serde::Serialize> serde::Serialize for Converted<'a, S, T> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        use serde::ser::SerializeSeq;
        let mut list = serializer.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            list.serialize_element(&(self.convert)(item))?;
        }
        list.end()
    }
}

/// A repository's `getList` reply: the page of items, the criteria echoed, the count of all
/// matches.
pub fn search_results<T: serde::Serialize>(
    items: Vec<T>,
    search_criteria: SearchCriteria,
    total_count: i64,
) -> Response {
    page(items, search_criteria, total_count, Processor::Framework)
}

/// [`search_results`] of an EAV collection's list (customers, products, categories), whose
/// `FilterProcessor` leaves a `fulltext` filter's value as sent.
pub fn eav_search_results<T: serde::Serialize>(
    items: Vec<T>,
    search_criteria: SearchCriteria,
    total_count: i64,
) -> Response {
    page(items, search_criteria, total_count, Processor::Eav)
}

/// The `FilterProcessor` that read the criteria.
#[derive(PartialEq)]
enum Processor {
    Framework,
    Eav,
}

/// [`search_results`] of documents as read, each converted to its wire form (`convert`) only
/// as it is written ([`Converted`]).
pub fn converted_results<'a, S, T: serde::Serialize>(
    items: &'a [S],
    convert: fn(&'a S) -> T,
    search_criteria: SearchCriteria,
    total_count: i64,
) -> Response {
    page(
        Converted { items, convert },
        search_criteria,
        total_count,
        Processor::Framework,
    )
}

fn page<I: serde::Serialize>(
    items: I,
    mut search_criteria: SearchCriteria,
    total_count: i64,
    processor: Processor,
) -> Response {
    // The framework's FilterProcessor turns a `fulltext` filter into a LIKE by setting the
    // filter's value to `%value%` on the very criteria the repository then echoes.
    for filter in search_criteria
        .filter_groups
        .iter_mut()
        .flat_map(|g| g.filters.iter_mut())
        .filter(|f| processor == Processor::Framework && f.condition_type == "fulltext")
    {
        filter.value = Some(format!("%{}%", filter.value.as_deref().unwrap_or_default()));
    }
    let results = SearchResults {
        items,
        search_criteria,
        total_count,
    };
    json_response(StatusCode::OK, &results)
}
