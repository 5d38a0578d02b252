//! Magento-flavoured extractors: admin authorization per route, the JSON body with Magento's
//! answers to bad bodies, and `searchCriteria` from the query string.

use std::marker::PhantomData;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use serde_json::{Map, Value};

use crate::db::model::Author;
use crate::error::{self as e, Error, Phrase};
use crate::search::SearchCriteria;
use crate::AppState;

/// An ACL resource of `webapi.xml`.
pub trait Acl {
    const RESOURCE: &'static str;
}

macro_rules! acl {
    ($($name:ident => $resource:literal),* $(,)?) => {
        $(
            #[doc = concat!("`", $resource, "`")]
            pub struct $name;
            impl Acl for $name {
                const RESOURCE: &'static str = $resource;
            }
        )*
    };
}

acl! {
    SalesView => "Magento_Sales::actions_view",
    SalesSales => "Magento_Sales::sales",
    SalesCreate => "Magento_Sales::api_actions",
    SalesOrderCreate => "Magento_Sales::create",
    SalesInvoice => "Magento_Sales::invoice",
    SalesInvoiceView => "Magento_Sales::sales_invoice",
    SalesShip => "Magento_Sales::ship",
    SalesHold => "Magento_Sales::hold",
    SalesUnhold => "Magento_Sales::unhold",
    SalesCancel => "Magento_Sales::cancel",
    SalesShipment => "Magento_Sales::shipment",
    SalesCreditmemo => "Magento_Sales::creditmemo",
    TaxManage => "Magento_Tax::manage_tax",
    SalesComment => "Magento_Sales::comment",
    SalesEmails => "Magento_Sales::emails",
    SalesTransactions => "Magento_Sales::transactions_fetch",
    SalesCreditmemoView => "Magento_Sales::sales_creditmemo",
    StoreView => "Magento_Backend::store",
    BackendAdmin => "Magento_Backend::admin",
    InventorySourceItem => "Magento_InventoryApi::source",
    SourceSelectionList => "Magento_InventorySourceSelectionApi::source_selection_algorithm",
    SourceSelectionRun => "Magento_InventorySourceSelectionApi::source_selection_algorithm_post",
    InventorySourceEdit => "Magento_InventoryApi::source_edit",
    InventoryStock => "Magento_InventoryApi::stock",
    InventoryStockEdit => "Magento_InventoryApi::stock_edit",
    InventoryStockDelete => "Magento_InventoryApi::stock_delete",
    InventoryStockSourceLink => "Magento_InventoryApi::stock_source_link",
    InventorySourceItemAssign => "Magento_InventoryApi::stock_source_item_assign",
    InventorySalesStock => "Magento_InventorySalesApi::stock",
    Catalog => "Magento_Catalog::catalog",
    CatalogProducts => "Magento_Catalog::products",
    CatalogInventory => "Magento_CatalogInventory::cataloginventory",
    LowQuantityNotification => "Magento_InventoryLowQuantityNotificationApi::low_quantity_notification",
    LowQuantityNotificationSave => "Magento_InventoryLowQuantityNotificationApi::stock_create_low_quantity_notification",
    LowQuantityNotificationDelete => "Magento_InventoryLowQuantityNotificationApi::stock_delete_low_quantity_notification",
    NotifyPickup => "Magento_InventoryInStorePickupApi::notify_orders_are_ready_for_pickup",
    CatalogCategories => "Magento_Catalog::categories",
    DownloadableLinks => "Magento_Downloadable::downloadable",
    CustomerView => "Magento_Customer::customer",
    CustomerManage => "Magento_Customer::manage",
    CustomerDelete => "Magento_Customer::delete",
    CustomerGroupView => "Magento_Customer::group",
    CartManage => "Magento_Cart::manage",
    SalesRuleQuote => "Magento_SalesRule::quote",
    BulkOperations => "Magento_Logging::system_magento_logging_bulk_operations",
}

/// Proof that the request's caller may use the route's resource `R`: an admin token (magemu's
/// admin role is "all") or the store's integration (its resources are "all" too: a call signed
/// with its OAuth keys, or its access token as a bearer token where that is allowed); otherwise
/// the answer is Magento's 401 naming `R`'s resource, or the OAuth check's own refusal. Listed
/// first in a handler, it runs before the body is read: no token and a broken body is 401.
pub struct Admin<R: Acl>(Author, PhantomData<R>);

impl<R: Acl> Admin<R> {
    /// The caller as the comments it writes name their author: the staff caller, or nobody for
    /// a replay of an asynchronous call ([`QueueConsumer`]).
    pub fn author(&self) -> Author {
        self.0
    }
}

impl<R: Acl + Send + Sync> FromRequestParts<AppState> for Admin<R> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        match staff(parts, state).await? {
            Some(staff) => {
                let author = match parts.extensions.get::<QueueConsumer>() {
                    Some(_) => Author::default(),
                    None => staff.author(),
                };
                Ok(Admin(author, PhantomData))
            }
            None => Err(Error::Unauthorized(R::RESOURCE)),
        }
    }
}

/// The callers that hold every resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staff {
    /// An admin user's token (`USER_TYPE_ADMIN`, the user 1).
    Admin,
    /// The store's integration (`USER_TYPE_INTEGRATION`, the integration 1).
    Integration,
}

impl Staff {
    /// `UserContextInterface`'s user id and type of the caller.
    pub fn author(self) -> Author {
        match self {
            Staff::Admin => Author::ADMIN,
            Staff::Integration => Author::INTEGRATION,
        }
    }
}

/// A replay of an asynchronous call the store's integration scheduled: its signature was checked
/// when the call was scheduled (`crate::http::bulk`), and the replay, made inside the server,
/// carries no header to sign. Only the server sets it: no client can put an extension on a
/// request.
#[derive(Debug, Clone, Copy)]
pub struct IntegrationReplay;

/// A replay of an asynchronous call, as Magento's queue consumer runs it: in the `global` area,
/// where `CompositeUserContext` has no user context, so the user id and type are null. The
/// call passes the ACL as its scheduler did (magemu replays it through the router), but the
/// comments it writes have no author (0, 0) and it edits none (`isEditCommentAllowed`
/// compares the stored author with null). Only the server sets it.
#[derive(Debug, Clone, Copy)]
pub struct QueueConsumer;

/// Who the request's `Authorization` header says the caller is, as `CompositeUserContext` asks
/// its contexts in turn: a bearer token (`TokenUserContext`: an admin token, or the
/// integration's access token where `oauth/consumer/enable_integration_as_bearer` is on), else
/// a header holding `oauth ` (`OauthUserContext`: the signed call's checks, whose refusal is
/// the request's answer). `None` for anyone else (a customer, a guest, an unknown token).
pub async fn staff(parts: &Parts, state: &AppState) -> Result<Option<Staff>, Error> {
    if parts.extensions.get::<IntegrationReplay>().is_some() {
        return Ok(Some(Staff::Integration));
    }
    let header = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if let Some(token) = bearer_token(header) {
        if crate::auth::is_valid_admin_token(&state.db, &state.tokens, token).await? {
            return Ok(Some(Staff::Admin));
        }
        // `OpaqueToken\Reader::getUserId`: the integration's token (`loadByToken`, compared
        // as MySQL compares) counts only where the setting allows it.
        if token.eq_ignore_ascii_case(&state.integration.access_token) {
            let mut conn = state.db.read.acquire().await?;
            let allowed =
                crate::db::store::flag(&mut conn, crate::db::store::INTEGRATION_AS_BEARER).await?;
            return Ok(allowed.then_some(Staff::Integration));
        }
        return Ok(None);
    }
    let target = parts
        .extensions
        .get::<crate::http::RequestTarget>()
        .map(|t| t.0.clone())
        .unwrap_or_else(|| parts.uri.to_string());
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| parts.uri.authority().map(|a| a.as_str()))
        .unwrap_or("");
    // `Request::isSecure` behind `web/secure/offloader_header` (X-Forwarded-Proto).
    let secure = parts
        .headers
        .get("x-forwarded-proto")
        .is_some_and(|v| v.as_bytes() == b"https");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let request = crate::auth::oauth::Request {
        method: parts.method.as_str(),
        scheme: if secure { "https" } else { "http" },
        host,
        target: &target,
        authorization: header,
        now,
    };
    Ok(
        crate::auth::oauth::authenticate(&state.integration, &state.nonces, &request)?
            .map(|_| Staff::Integration),
    )
}

/// The bearer token of the request's `Authorization` header.
fn request_token(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token)
}

/// Whether an anonymous route's caller holds every resource (an admin token, the store's
/// integration): what `AuthorizationInterface::isAllowed` answers a service that asks for
/// itself. Not a refusal by itself: an anonymous route answers whatever the header holds
/// (`GuestAuthorization`); only a service that asks ([`IsAdmin::asked`]) meets a signed
/// call's refusal, as the user context is read only then.
pub struct IsAdmin(Result<bool, Error>);

impl IsAdmin {
    /// The answer, or the refusal of the signed call the question read.
    pub fn asked(self) -> Result<bool, Error> {
        self.0
    }
}

impl FromRequestParts<AppState> for IsAdmin {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        Ok(IsAdmin(staff(parts, state).await.map(|s| s.is_some())))
    }
}

/// The customer of a `self` route (`/V1/customers/me...`, `/V1/carts/mine...`): the request
/// must carry a valid customer token (`Customer/Model/Customer/Authorization.php`). Without
/// one it is the 401 naming `self` (checkout.md 1.3), except for an admin token: `self` is no
/// ACL resource, and `Authorization\Policy\Acl::isAllowed` answers an unknown resource with the
/// role's global rule, which the admin's `Magento_Backend::all` allows. The route's forced
/// parameter (`%customer_id%`, `%cart_id%`) then resolves to null for a user who is no
/// customer (`ParamOverriderCustomerId`, `ParamOverriderCartId`), and the input processor
/// refuses it as missing ([`forced_parameter`]; magento/magento2#24812, #5695); the same for the
/// store's integration. Admin routes in turn never accept a customer token: `Admin` looks up
/// admin tokens and the integration only.
pub struct SelfCustomer(pub i64);

impl FromRequestParts<AppState> for SelfCustomer {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Error> {
        if let Some(token) = request_token(parts) {
            if let Some(id) = crate::customer::token_customer(&state.db, token).await? {
                return Ok(SelfCustomer(id));
            }
        }
        // An admin's or the integration's role allows `self` (its global rule); a signed call's
        // refusal is the answer.
        if staff(parts, state).await?.is_some() {
            if let Some(field) = forced_parameter(&parts.method, parts.uri.path()) {
                return Err(Error::required(field));
            }
        }
        Err(Error::Unauthorized("self"))
    }
}

/// The parameter a `self` route's `webapi.xml` forces from the caller, as the input processor
/// names it once it is null: `customerId` (`/V1/customers/me...`, the token revocation,
/// `POST`/`GET /V1/carts/mine`), `quoteId` (a cart line's save reads `cartItem.quote_id`,
/// `Quote\Item\Repository::save`), `cartId` (every other `/V1/carts/mine...` route). `None`
/// for `PUT /V1/customers/me` and `PUT /V1/carts/mine`, whose forced fields sit inside the
/// posted object, which Magento then saves as a new customer or cart: magemu keeps the 401.
fn forced_parameter(method: &axum::http::Method, path: &str) -> Option<&'static str> {
    use axum::http::Method;
    let route = &path[path.find("/V1/")?..];
    let route = route.trim_end_matches('/');
    match route {
        "/V1/customers/me" | "/V1/carts/mine" if method == Method::PUT => None,
        "/V1/carts/mine" => Some("customerId"),
        "/V1/integration/customer/revoke-customer-token" => Some("customerId"),
        r if r.starts_with("/V1/customers/me") => Some("customerId"),
        r if (r == "/V1/carts/mine/items" && method == Method::POST)
            || (r.starts_with("/V1/carts/mine/items/") && method == Method::PUT) =>
        {
            Some("quoteId")
        }
        r if r.starts_with("/V1/carts/mine/") => Some("cartId"),
        _ => None,
    }
}

/// The client's address, as Magento's `RemoteAddress::getRemoteAddress` gives it (the
/// connection's peer; no forwarding header is trusted by default): empty when the router runs
/// without connection information (tests that drive it in-process).
pub struct ClientIp(pub String);

impl<S: Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
                .unwrap_or_default(),
        ))
    }
}

/// `TokenUserContext::processRequest`: exactly `<type> <token>`, type `bearer` in any case.
pub(crate) fn bearer_token(header: &str) -> Option<&str> {
    let mut pieces = header.split(' ');
    let (kind, token) = (pieces.next()?, pieces.next()?);
    (pieces.next().is_none() && kind.eq_ignore_ascii_case("bearer") && !token.is_empty())
        .then_some(token)
}

/// Largest body accepted (Magento sits behind a web server that caps bodies; 413 past it).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The request's parameters as `Rest\Request::getRequestData` gives them to the service: on a
/// POST or PUT, the decoded body with the query string's parameters over it
/// (`array_merge($bodyParams, $this->getParams())`: a query key replaces the body's key of the
/// same name, new keys go last); on a GET or DELETE, the query string's alone (the body is not
/// read as parameters, so a malformed one is no error). An empty body is no parameters; a body
/// that decodes to anything but an object (a scalar, null, a list) yields no named parameters,
/// as PHP's `(array)` cast. MSI's own tests send the links and source items to delete in the
/// query of a POST with body `[]`; `POST /V1/order/3/invoice?capture=1` captures.
pub struct Body(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = Error;

    async fn from_request(req: Request, state: &S) -> Result<Self, Error> {
        let method = req.method().clone();
        let query = req.uri().query().map(crate::http::search::query_params);
        let content_type = req.headers().get(header::CONTENT_TYPE).cloned();
        // Read even when it is not used, so the connection stays usable.
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Error::TooLarge
            } else {
                Error::input(e::DECODING_ERROR)
            }
        })?;
        let mut params = if method == Method::POST || method == Method::PUT {
            body_params(&bytes, content_type.as_ref())?
        } else {
            Map::new()
        };
        // Path parameters are not among them: handlers take those from the path, which
        // `getParams` puts over both.
        if let Some(query) = query {
            for (key, value) in query {
                params.insert(key, value);
            }
        }
        crate::wire::input::check_script_values(&params)?;
        Ok(Body(params))
    }
}

/// `Rest\Request::getBodyParams`: the body decoded as its content type says; anything but
/// an object is no parameter (PHP's `(array)` cast of a scalar or a list keeps no named member).
fn body_params(
    bytes: &[u8],
    content_type: Option<&header::HeaderValue>,
) -> Result<Map<String, Value>, Error> {
    if bytes.is_empty() {
        return Ok(Map::new());
    }
    let raw = content_type
        .map(|v| v.to_str().unwrap_or("\u{0}"))
        .unwrap_or("");
    match check_content_type(raw)?.decode(bytes)? {
        Value::Object(map) => Ok(map),
        _ => Ok(Map::new()),
    }
}

/// A request body's format, by its content type: `DeserializerFactory`'s deserializers
/// (`app/etc/di.xml`: `application/json` and `application/xml`, compared exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    Json,
    Xml,
}

impl BodyFormat {
    /// The body as its deserializer reads it: any JSON value, or an XML body's parameters.
    pub fn decode(self, bytes: &[u8]) -> Result<Value, Error> {
        match self {
            BodyFormat::Json => {
                serde_json::from_slice(bytes).map_err(|_| Error::input(e::DECODING_ERROR))
            }
            BodyFormat::Xml => crate::http::xml_body::params(bytes).map(Value::Object),
        }
    }
}

/// `Rest/Request::getContentType` then `DeserializerFactory::get` (sales.md 3.3).
pub(crate) fn check_content_type(raw: &str) -> Result<BodyFormat, Error> {
    if raw.is_empty() {
        return Err(Error::input(e::CONTENT_TYPE_EMPTY));
    }
    // ~^([a-z\d/\-+.]+)(?:; *charset=(.+))?$~Ui
    let (media, charset) = match raw.split_once(';') {
        Some((media, rest)) => {
            let rest = rest.trim_start_matches(' ');
            match rest.get(..8).filter(|p| p.eq_ignore_ascii_case("charset=")) {
                Some(_) if rest.len() > 8 => (media, Some(&rest[8..])),
                _ => return Err(Error::input(e::CONTENT_TYPE_INVALID)),
            }
        }
        None => (raw, None),
    };
    let media_ok = !media.is_empty()
        && media
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-+.".contains(c));
    if !media_ok {
        return Err(Error::input(e::CONTENT_TYPE_INVALID));
    }
    if charset.is_some_and(|c| !c.eq_ignore_ascii_case("utf-8")) {
        return Err(Error::input(e::UTF8_ONLY));
    }
    match media {
        "application/json" => Ok(BodyFormat::Json),
        "application/xml" => Ok(BodyFormat::Xml),
        _ => {
            // A Webapi\Exception: the phrase is rendered, no parameters.
            let phrase = Phrase::positional(e::MEDIA_TYPE_NOT_UNDERSTOOD, vec![media.to_owned()]);
            Err(Error::input(phrase.render()))
        }
    }
}

/// `searchCriteria` from the query string, required (`"%fieldName" is required.` when absent).
pub struct Search(pub SearchCriteria);

impl<S: Send + Sync> FromRequestParts<S> for Search {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Error> {
        let query = parts.uri.query().unwrap_or("");
        crate::http::search::from_query(query)?
            .map(Search)
            .ok_or_else(|| Error::required("searchCriteria"))
    }
}

/// How a document read by id may use the response cache (`crate::cache`). By default its reply
/// comes from the cache when the cache holds it, and is kept there when rendered. A request
/// that says `Cache-Control: no-cache` (RFC 9111 5.2.1.4) gets a reply rendered from the
/// database, which is kept (a stored reply may be refreshed, not served unvalidated); one that
/// says `no-store` (5.2.1.5) gets one rendered from the database too, and nothing of it is kept.
/// The body is the same every way (the cache never serves a document a write has changed); only
/// the time differs, which is what the benchmark compares between a small world and a large
/// one. Magento has no response cache on its REST API (full-page caching covers storefront
/// pages only), so it answers them all alike too.
#[derive(Debug, Clone, Copy)]
pub struct CacheUse {
    /// The reply may come from the cache.
    pub read: bool,
    /// The rendered reply may be kept.
    pub store: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for CacheUse {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut cache = CacheUse {
            read: true,
            store: true,
        };
        let directives = parts
            .headers
            .get_all(header::CACHE_CONTROL)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(|directive| directive.trim());
        for directive in directives {
            if directive.eq_ignore_ascii_case("no-cache") {
                cache.read = false;
            } else if directive.eq_ignore_ascii_case("no-store") {
                cache = CacheUse {
                    read: false,
                    store: false,
                };
            }
        }
        Ok(cache)
    }
}

/// Path parameters as raw strings; Magento converts their types after the body is read, so the
/// handler parses them (`input::path_int`). A path axum cannot decode matches no route.
pub struct PathParams<T>(pub T);

impl<T, S> FromRequestParts<S> for PathParams<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Error> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| PathParams(p.0))
            .map_err(|_| Error::NoRoute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer() {
        assert_eq!(bearer_token("Bearer abc"), Some("abc"));
        assert_eq!(bearer_token("bearer abc"), Some("abc"));
        assert_eq!(bearer_token("Bearer  abc"), None);
        assert_eq!(bearer_token("Basic abc"), None);
        assert_eq!(bearer_token("Bearer"), None);
    }

    #[test]
    fn content_types() {
        assert_eq!(
            check_content_type("application/xml").ok(),
            Some(BodyFormat::Xml)
        );
        assert_eq!(
            check_content_type("application/json").ok(),
            Some(BodyFormat::Json)
        );
        let msg = |r: Result<BodyFormat, Error>| {
            r.err()
                .map(|e| e.body()["message"].as_str().unwrap().to_owned())
        };
        assert_eq!(msg(check_content_type("application/json")), None);
        assert_eq!(
            msg(check_content_type("application/json; charset=UTF-8")),
            None
        );
        assert_eq!(
            msg(check_content_type("application/json;charset=utf-8")),
            None
        );
        assert_eq!(
            msg(check_content_type("")).as_deref(),
            Some(e::CONTENT_TYPE_EMPTY)
        );
        assert_eq!(
            msg(check_content_type("application/json; charset=latin1")).as_deref(),
            Some(e::UTF8_ONLY)
        );
        assert_eq!(
            msg(check_content_type("what ever")).as_deref(),
            Some(e::CONTENT_TYPE_INVALID)
        );
        assert_eq!(
            msg(check_content_type("text/plain")).as_deref(),
            Some("Server cannot understand Content-Type HTTP header media type text/plain")
        );
        assert_eq!(
            msg(check_content_type("text/xml")).as_deref(),
            Some("Server cannot understand Content-Type HTTP header media type text/xml")
        );
    }
}
