//! The store's integration (System > Extensions > Integrations): a REST call signed with its
//! consumer key and access token (`Authorization: OAuth oauth_consumer_key="...",
//! oauth_token="...", oauth_signature_method="HMAC-SHA256", ...`), checked as Magento 2.4.8
//! checks it, and the same access token as a bearer token where
//! `oauth/consumer/enable_integration_as_bearer` allows it.
//!
//! Sources (2.4.8-p1; research notes /tmp/research/oauth-44.md of session 44):
//! - `Webapi/Model/Authorization/OauthUserContext::getUserId`: only a request whose
//!   `Authorization` header holds `oauth ` (any case) is an OAuth request; the caller is the
//!   integration (user type 1, its id). Its exceptions are not caught: each check's refusal is
//!   the request's answer (an `Oauth\Exception` 401, an `OauthInputException` 400).
//! - `Framework/Oauth/Helper/Request.php`: `_processHeader` (pieces split at `,`, trimmed, cut at
//!   the first `=`; a name matching `/oauth_[a-z_-]+/` kept, name and value `rawurldecode`d, the
//!   value's quotes trimmed), `_extractQueryStringParams` (the raw query cut at `&`, then at every
//!   `=`: a pair of exactly two parts whose name is no protocol parameter, `rawurldecode`d),
//!   `getRequestUrl` (scheme, the `Host` header as sent, the raw request URI), `prepareRequest`
//!   (every value but the signature `rawurlencode`d).
//! - `Framework/Oauth/Oauth.php`: `validateAccessTokenRequest` and `_validateProtocolParams`
//!   (the version, the required parameters, the token's length, the signature method: only
//!   HMAC-SHA256 since 2.4.4, the consumer, the nonce), `processNonRequiredParams` (every value
//!   but the key, token and signature `urldecode`d back), `_validateSignature`.
//! - `Integration/Model/Oauth/Token/Provider.php` (`getConsumerByKey`,
//!   `validateAccessTokenRequest`), `Integration/Model/Oauth/Nonce/Generator::validateNonce`
//!   (a timestamp up to 600 s ahead, no lower bound; the nonce saved before the token and the
//!   signature are checked).
//! - `Framework/Oauth/Helper/Signature/Hmac.php`: the base string (`METHOD&url&params`, the URL
//!   without its query, the parameters: the header's and the query's, `parse_str` of the query
//!   merged over them, nested arrays removed, sorted by name, each `rawurlencode`d), the key
//!   `rawurlencode(consumer secret)&rawurlencode(token secret)`.
//!
//! magemu's store has one integration, active, with access to every resource (its keys are
//! settings: `Config`); the timestamp is checked against the machine's time, not the emulated
//! clock, so a stopped clock does not refuse clients that sign with the real time. Nonces are
//! kept in memory for two hours (Magento's `oauth_nonce` table, cleaned of rows older than
//! that). A form-encoded body's parameters, which Magento would sign too, are not read: the
//! REST API refuses that content type anyway.

use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::{self as e, Error, Phrase, Result};

/// `UserContextInterface::USER_TYPE_INTEGRATION`.
pub const USER_TYPE_INTEGRATION: i64 = 1;
/// The id of magemu's one integration (`integration.integration_id`).
pub const INTEGRATION_ID: i64 = 1;
/// The id of its consumer (`oauth_consumer.entity_id`), named by the nonce refusal.
const CONSUMER_ID: i64 = 1;
/// `Oauth::SIGNATURE_SHA256`, the one method `getSupportedSignatureMethods` lists.
const SHA256: &str = "HMAC-SHA256";
/// `Helper\Oauth::LENGTH_TOKEN`, `LENGTH_CONSUMER_KEY`.
pub const KEY_LENGTH: usize = 32;
/// `Nonce\Generator::TIME_DEVIATION`: how far ahead of the server's time a timestamp may be.
const TIME_DEVIATION: i64 = 600;
/// `oauth/cleanup/expiration_period` (120 minutes): how long a nonce is remembered.
const NONCE_SECONDS: i64 = 7200;
/// `oauth_nonce.nonce` is a varchar(32): a longer nonce is cut when it is saved.
const NONCE_LENGTH: usize = 32;
/// How many nonces magemu remembers at most (Magento's table has no bound): past it the oldest
/// is forgotten first, so a flood of signed calls cannot fill the memory.
const MAX_NONCES: usize = 100_000;

/// The integration's credentials, as its admin page shows them.
#[derive(Debug, Clone)]
pub struct Keys {
    pub consumer_key: String,
    pub consumer_secret: String,
    pub access_token: String,
    pub access_token_secret: String,
}

impl Keys {
    /// The keys the settings give the store's integration.
    pub fn of(config: &crate::config::Config) -> Keys {
        Keys {
            consumer_key: config.integration_consumer_key.clone(),
            consumer_secret: config.integration_consumer_secret.clone(),
            access_token: config.integration_access_token.clone(),
            access_token_secret: config.integration_access_token_secret.clone(),
        }
    }
}

/// The nonces seen (`oauth_nonce`, one consumer): the key as MySQL compares it (without case,
/// trailing spaces not counted), oldest first. Magento's cleanup (one save in 100) deletes the
/// rows whose client timestamp is two hours old; magemu forgets a nonce two hours after it was
/// seen (so a call signed with an old timestamp cannot be replayed right away), or sooner when
/// it holds [`MAX_NONCES`].
#[derive(Debug, Default)]
pub struct Nonces(Mutex<NonceLog>);

#[derive(Debug, Default)]
struct NonceLog {
    seen: HashMap<Vec<u8>, i64>,
    order: VecDeque<(i64, Vec<u8>)>,
}

impl Nonces {
    /// `validateNonce` after the timestamp check: refused when used before, else remembered.
    fn check_and_keep(&self, nonce: &[u8], now: i64) -> Result<()> {
        let Ok(mut log) = self.0.lock() else {
            return Err(nonce_error());
        };
        let log = &mut *log;
        while let Some((at, key)) = log.order.front() {
            if *at > now - NONCE_SECONDS && log.order.len() < MAX_NONCES {
                break;
            }
            if log.seen.get(key) == Some(at) {
                log.seen.remove(key);
            }
            log.order.pop_front();
        }
        let compared = |n: &[u8]| {
            let end = n.iter().rposition(|b| *b != b' ').map_or(0, |i| i + 1);
            n[..end].to_ascii_lowercase()
        };
        let key = compared(nonce);
        if log.seen.contains_key(&key) {
            return Err(Error::AuthenticationPhrase(Phrase::positional_values(
                "The nonce is already being used by the consumer with ID %1",
                vec![CONSUMER_ID.to_string().into()],
            )));
        }
        // A longer nonce is cut by its column: the insert then fails if the cut one is taken.
        let stored = if nonce.len() > NONCE_LENGTH {
            compared(&nonce[..NONCE_LENGTH])
        } else {
            key
        };
        if log.seen.contains_key(&stored) {
            return Err(nonce_error());
        }
        log.seen.insert(stored.clone(), now);
        log.order.push_back((now, stored));
        Ok(())
    }
}

fn nonce_error() -> Error {
    Error::AuthenticationPhrase(Phrase::plain("An error occurred validating the nonce"))
}

/// What the signature covers of a request, as it reached the server.
pub struct Request<'a> {
    /// The HTTP method.
    pub method: &'a str,
    /// `http`, or `https` behind a proxy that says so (`X-Forwarded-Proto`, Magento's
    /// `web/secure/offloader_header`).
    pub scheme: &'a str,
    /// The `Host` header as sent (with its port).
    pub host: &'a str,
    /// The request target as sent: the raw path (with the store code) and query.
    pub target: &'a str,
    /// The `Authorization` header.
    pub authorization: &'a str,
    /// The machine's time, Unix seconds.
    pub now: i64,
}

/// A PHP array of byte strings: insertion order, lookup by name.
#[derive(Debug, Default, Clone)]
struct Params(indexmap::IndexMap<Vec<u8>, Vec<u8>>);

impl Params {
    /// `$params[$name] = $value`: a new name goes last, a known one keeps its place.
    fn set(&mut self, name: Vec<u8>, value: Vec<u8>) {
        self.0.insert(name, value);
    }

    fn get(&self, name: &str) -> Option<&[u8]> {
        self.0.get(name.as_bytes()).map(Vec::as_slice)
    }
}

/// `OauthUserContext::getUserId`: `Ok(None)` for a request that is no OAuth request, the
/// integration's id for one that passes every check, a check's refusal otherwise.
pub fn authenticate(keys: &Keys, nonces: &Nonces, request: &Request) -> Result<Option<i64>> {
    let Some(mut params) = header_params(request.authorization) else {
        return Ok(None);
    };
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((request.target, ""));
    for (name, value) in query_pairs(query) {
        params.set(name, value);
    }
    // `prepareRequest`: what the checks see, every value but the signature `rawurlencode`d.
    let checked = |name: &str| {
        params.get(name).map(|v| {
            if name == "oauth_signature" {
                String::from_utf8_lossy(v).into_owned()
            } else {
                rawurlencode(v)
            }
        })
    };
    if let Some(version) = checked("oauth_version") {
        if !php_loose_equals("1.0", &version) {
            return Err(Error::Input(Phrase::positional_values(
                "The \"%1\" Oauth version isn't supported.",
                vec![version.into()],
            )));
        }
    }
    let mut missing: Vec<Phrase> = [
        "oauth_consumer_key",
        "oauth_signature",
        "oauth_signature_method",
        "oauth_nonce",
        "oauth_timestamp",
        "oauth_token",
    ]
    .into_iter()
    .filter(|name| params.get(name).is_none())
    .map(|name| Phrase::named(e::FIELD_REQUIRED, "fieldName", name))
    .collect();
    match missing.len() {
        0 => {}
        1 => return Err(Error::Input(missing.remove(0))),
        _ => return Err(Error::Aggregate(missing)),
    }
    let field = |name: &str| checked(name).unwrap_or_default();
    let token = field("oauth_token");
    if token.len() != KEY_LENGTH {
        return Err(Error::input(
            "The token length is invalid. Check the length and try again.",
        ));
    }
    let method = field("oauth_signature_method");
    if method != SHA256 {
        return Err(Error::Input(Phrase::positional_values(
            "Signature method %1 is not supported",
            vec![method.into()],
        )));
    }
    let consumer_key = field("oauth_consumer_key");
    check_consumer(keys, &consumer_key)?;
    let timestamp = php_int(&field("oauth_timestamp"));
    if timestamp <= 0 || timestamp > request.now.saturating_add(TIME_DEVIATION) {
        return Err(nonce_error());
    }
    nonces.check_and_keep(field("oauth_nonce").as_bytes(), request.now)?;
    // `getConsumerByKey` again, then the token (`loadByToken`, compared as MySQL compares).
    check_consumer(keys, &consumer_key)?;
    if !token.eq_ignore_ascii_case(&keys.access_token) {
        return Err(Error::AuthenticationPhrase(Phrase::plain(
            "Specified token does not exist",
        )));
    }
    // `processNonRequiredParams` decodes every value back but the key, token and signature.
    let mut signed = params.clone();
    for name in ["oauth_consumer_key", "oauth_token"] {
        if let Some(value) = signed.0.get_mut(name.as_bytes()) {
            *value = rawurlencode(value).into_bytes();
        }
    }
    let expected = signature(
        request.method,
        &format!("{}://{}{path}", request.scheme, request.host),
        query,
        signed,
        &keys.consumer_secret,
        &keys.access_token_secret,
    );
    let given = params.get("oauth_signature").unwrap_or_default();
    // `Security::compareStrings` (hash_equals): in constant time.
    if !constant_time_eq(expected.as_bytes(), given) {
        return Err(Error::AuthenticationPhrase(Phrase::plain(
            "The signature is invalid. Verify and try again.",
        )));
    }
    Ok(Some(INTEGRATION_ID))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `Provider::getConsumerByKey`: a key of another length than 32 (but not an empty one) is
/// refused first; then the consumer must exist (`loadByKey`, without case as MySQL compares).
fn check_consumer(keys: &Keys, key: &str) -> Result<()> {
    if !key.is_empty() && key.len() != KEY_LENGTH {
        return Err(Error::AuthenticationPhrase(Phrase::plain(
            "Consumer key is not the correct length",
        )));
    }
    if !key.eq_ignore_ascii_case(&keys.consumer_key) {
        return Err(Error::AuthenticationPhrase(Phrase::plain(
            "A consumer having the specified key does not exist",
        )));
    }
    Ok(())
}

/// `Request::_processHeader`: `None` when the header holds no `oauth ` (any case).
fn header_params(header: &str) -> Option<Params> {
    let at = header.to_ascii_lowercase().find("oauth ")?;
    let mut params = Params::default();
    for piece in header[at + 6..].split(',') {
        let Some((name, value)) = piece.trim_matches(PHP_TRIM).split_once('=') else {
            continue;
        };
        if is_protocol_parameter(name.as_bytes()) {
            params.set(rawurldecode(name), rawurldecode(value.trim_matches('"')));
        }
    }
    Some(params)
}

/// The characters PHP's `trim` takes off by default.
const PHP_TRIM: &[char] = &[' ', '\t', '\n', '\r', '\0', '\u{0B}'];

/// `_isProtocolParameter`: `/oauth_[a-z_-]+/`, anywhere in the name.
fn is_protocol_parameter(name: &[u8]) -> bool {
    name.windows(7).any(|w| {
        w.starts_with(b"oauth_") && (w[6].is_ascii_lowercase() || w[6] == b'_' || w[6] == b'-')
    })
}

/// `_extractQueryStringParams`: pairs of exactly one `=` whose name is no protocol parameter.
fn query_pairs(query: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    if query.is_empty() {
        return Vec::new();
    }
    query
        .split('&')
        .filter_map(|item| {
            let mut parts = item.split('=');
            let (name, value) = (parts.next()?, parts.next()?);
            (parts.next().is_none() && !is_protocol_parameter(name.as_bytes()))
                .then(|| (rawurldecode(name), rawurldecode(value)))
        })
        .collect()
}

/// `Hmac::sign` with HMAC-SHA256: `url` is scheme, host and raw path; `query` the raw query.
fn signature(
    method: &str,
    url: &str,
    query: &str,
    mut all: Params,
    consumer_secret: &str,
    token_secret: &str,
) -> String {
    // `buildRequestParams`: `parse_str` of the query merged over the parameters, then
    // `removeNestedArrays` and `isValidValue`: what `parse_str` made an array never counts.
    for (name, value) in parse_str(query) {
        match value {
            Some(value) => all.set(name, value),
            None => {
                all.0.shift_remove(&name);
            }
        }
    }
    all.0.shift_remove(b"oauth_signature".as_slice());
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = all.0.into_iter().collect();
    pairs.sort_by(|(a, _), (b, _)| php_key_order(a, b));
    let normalized: Vec<String> = pairs
        .iter()
        .map(|(n, v)| format!("{}={}", rawurlencode(n), rawurlencode(v)))
        .collect();
    let base = format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        rawurlencode(url.as_bytes()),
        rawurlencode(normalized.join("&").as_bytes())
    );
    let key = format!(
        "{}&{}",
        rawurlencode(consumer_secret.as_bytes()),
        rawurlencode(token_secret.as_bytes())
    );
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(base.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// PHP's `parse_str` at the top level, in order: each name with its value (`urldecode`d), or
/// `None` for a name whose value is an array (`a[b]=1` makes `a` one). A name ends at a NUL and
/// loses its leading spaces; before any `[`, spaces and dots become `_`; a `[` without its `]`
/// becomes `_`. The last of a name wins.
fn parse_str(query: &str) -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
    let mut out: indexmap::IndexMap<Vec<u8>, Option<Vec<u8>>> = indexmap::IndexMap::new();
    for item in query.split('&').filter(|i| !i.is_empty()) {
        let (raw_name, raw_value) = item.split_once('=').unwrap_or((item, ""));
        let mut name = urldecode(raw_name);
        if let Some(nul) = name.iter().position(|b| *b == 0) {
            name.truncate(nul);
        }
        let start = name.iter().position(|b| *b != b' ').unwrap_or(name.len());
        let name = &name[start..];
        if name.is_empty() {
            continue;
        }
        let flat = |s: &[u8]| -> Vec<u8> {
            s.iter()
                .map(|b| if *b == b' ' || *b == b'.' { b'_' } else { *b })
                .collect()
        };
        let (base, is_array) = match name.iter().position(|b| *b == b'[') {
            // An empty name before the bracket: nothing is set.
            Some(0) => continue,
            Some(open) if name[open + 1..].contains(&b']') => (flat(&name[..open]), true),
            Some(open) => {
                let mut base = flat(&name[..open]);
                base.push(b'_');
                base.extend_from_slice(&name[open + 1..]);
                (base, false)
            }
            None => (flat(name), false),
        };
        out.insert(base, (!is_array).then(|| urldecode(raw_value)));
    }
    out.into_iter().collect()
}

/// `ksort`'s order (PHP 8, `SORT_REGULAR`): two numeric names by value, any other pair by bytes.
fn php_key_order(a: &[u8], b: &[u8]) -> Ordering {
    match (php_number(a), php_number(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => a.cmp(b),
    }
}

/// PHP 8's `is_numeric` text as a number: white space around, a sign, digits with a fraction,
/// an exponent.
fn php_number(s: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(s).ok()?;
    let t = text.trim_matches([' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}']);
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let numeric = !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    numeric.then(|| t.parse::<f64>().ok()).flatten()
}

/// PHP's `'1.0' != $version` is false for any numeric text worth 1 (`1`, `1.00`).
fn php_loose_equals(a: &str, b: &str) -> bool {
    match (php_number(a.as_bytes()), php_number(b.as_bytes())) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// PHP's `(int)` of a string: its leading number (`12abc` 12, `1e3` 1000, `1.9` 1), 0 without
/// one; past the int range, the nearest end.
fn php_int(s: &str) -> i64 {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}']);
    let bytes = t.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let digits_from = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let int_end = digits_from(end);
    let mut num_end = int_end;
    if bytes.get(num_end) == Some(&b'.') {
        num_end = digits_from(num_end + 1);
    }
    if int_end == end && num_end <= int_end + 1 {
        return 0;
    }
    if matches!(bytes.get(num_end), Some(b'e' | b'E')) {
        let mut exp = num_end + 1;
        if matches!(bytes.get(exp), Some(b'+' | b'-')) {
            exp += 1;
        }
        let exp_end = digits_from(exp);
        if exp_end > exp {
            num_end = exp_end;
        }
    }
    let text = &t[..num_end];
    if num_end == int_end {
        if let Ok(n) = text.parse::<i64>() {
            return n;
        }
    }
    // `as` saturates at the int range's ends (PHP 8 on a 64-bit build).
    text.parse::<f64>().map_or(0, |f| f as i64)
}

/// PHP's `rawurlencode` (RFC 3986: all but `A-Za-z0-9-_.~`).
pub fn rawurlencode(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// PHP's `rawurldecode`: `%XX` (two hex digits) decoded, anything else as it is.
fn rawurldecode(s: &str) -> Vec<u8> {
    percent_decode(s, false)
}

/// PHP's `urldecode`: `rawurldecode` that also reads `+` as a space.
fn urldecode(s: &str) -> Vec<u8> {
    percent_decode(s, true)
}

fn percent_decode(s: &str, plus: bool) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys {
            consumer_key: "ck".into(),
            consumer_secret: "cs".into(),
            access_token: "at".into(),
            access_token_secret: "ts".into(),
        }
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        let mut p = Params::default();
        for (a, b) in pairs {
            p.set(a.as_bytes().to_vec(), b.as_bytes().to_vec());
        }
        p
    }

    const OAUTH: [(&str, &str); 6] = [
        ("oauth_consumer_key", "ck"),
        ("oauth_nonce", "n"),
        ("oauth_signature_method", "HMAC-SHA256"),
        ("oauth_timestamp", "1700000000"),
        ("oauth_token", "at"),
        ("oauth_version", "1.0"),
    ];

    /// Signatures computed by Magento's own `Hmac.php` (PHP 8.2, /tmp/oauth44/php/harness.php
    /// of session 44), over the query's parameters as `_extractQueryStringParams` gives them.
    #[test]
    fn magentos_signatures() {
        let k = keys();
        let sign = |query: &str| {
            let mut p = params(&OAUTH);
            for (n, v) in query_pairs(query) {
                p.set(n, v);
            }
            signature(
                "GET",
                "http://127.0.0.1:18944/rest/V1/products",
                query,
                p,
                &k.consumer_secret,
                &k.access_token_secret,
            )
        };
        assert_eq!(
            sign("searchCriteria[pageSize]=1"),
            "CJ7Tm/Z8wC2pmeoJfp7kFX2cJg3pCmdWCud1+9ZfiT4="
        );
        // `+` as a space, `.` and a space in a name also signed as `_`, a bare name, a bracketed
        // pair with a second `=` left out, a Latin-1 byte.
        assert_eq!(
            sign("a=b+c&x.y=1&a%20b=2&flag&s[v]=a=b&k=v%E9"),
            "DDK1BRPZqEcfavUZ5d1KrCJ1EjeOADJ6KYmv8KFoUdw="
        );
        // Names sorted after decoding (`[10]` before `[1]`), the last of two equal names.
        assert_eq!(
            sign("searchCriteria[filter_groups][10][filters][0][field]=sku&searchCriteria[filter_groups][1][filters][0][field]=name&d=1&d=2"),
            "baif5AGEgWMACAzIcMblpey57o2bG2A9+V5+WyNii2E="
        );
    }

    #[test]
    fn header_and_query_parameters() {
        assert!(header_params("Bearer x").is_none());
        let header = header_params(
            r#"OAuth realm="x", oauth_consumer_key="a%20b", oauth_nonce=n,junk, oauth_Upper="1""#,
        )
        .unwrap();
        assert_eq!(
            header.0.into_iter().collect::<Vec<_>>(),
            vec![
                (b"oauth_consumer_key".to_vec(), b"a b".to_vec()),
                (b"oauth_nonce".to_vec(), b"n".to_vec()),
            ]
        );
        assert_eq!(
            query_pairs("a=1&b=x=y&c&oauth_x=1&s%5Bk%5D=v%2B&l=%E9"),
            vec![
                (b"a".to_vec(), b"1".to_vec()),
                (b"s[k]".to_vec(), b"v+".to_vec()),
                (b"l".to_vec(), vec![0xE9]),
            ]
        );
        let s = |v: &str| Some(v.as_bytes().to_vec());
        assert_eq!(
            parse_str("a=b+c&s[k]=1&x.y=2&A[=3&a=d&n%00x=4"),
            vec![
                (b"a".to_vec(), s("d")),
                (b"s".to_vec(), None),
                (b"x_y".to_vec(), s("2")),
                (b"A_".to_vec(), s("3")),
                (b"n".to_vec(), s("4")),
            ]
        );
    }

    #[test]
    fn php_conversions() {
        assert!(php_loose_equals("1.0", "1"));
        assert!(php_loose_equals("1.0", "1.00"));
        assert!(!php_loose_equals("1.0", "%201.0"));
        assert!(!php_loose_equals("1.0", "1.1"));
        assert!(!php_loose_equals("1.0", "one"));
        assert_eq!(php_int("1700000000"), 1_700_000_000);
        assert_eq!(php_int("12abc"), 12);
        assert_eq!(php_int("1e3"), 1000);
        assert_eq!(php_int("1.9"), 1);
        assert_eq!(php_int("abc"), 0);
        assert_eq!(php_int("-5"), -5);
        assert_eq!(php_int("99999999999999999999"), i64::MAX);
        assert_eq!(rawurlencode(b"a b+c~[]"), "a%20b%2Bc~%5B%5D");
        assert_eq!(urldecode("a+b%2B%zz%+5"), b"a b+%zz% 5".to_vec());
        assert_eq!(
            rawurldecode("a+b%20%e9"),
            vec![b'a', b'+', b'b', b' ', 0xE9]
        );
        assert_eq!(
            php_key_order(b"s[10]", b"s[1]"),
            Ordering::Less,
            "decoded names by bytes"
        );
        assert_eq!(php_key_order(b"10", b"9"), Ordering::Greater);
    }

    #[test]
    fn nonces_are_used_once() {
        let nonces = Nonces::default();
        assert!(nonces.check_and_keep(b"abc", 200).is_ok());
        assert!(nonces.check_and_keep(b"ABC ", 300).is_err());
        assert!(nonces.check_and_keep(b"abd", 300).is_ok());
        // A nonce past 32 characters is cut: another with the same first 32 cannot be saved.
        let long = "n".repeat(40);
        assert!(nonces.check_and_keep(long.as_bytes(), 300).is_ok());
        assert!(nonces
            .check_and_keep(format!("{}x", "n".repeat(32)).as_bytes(), 300)
            .is_err());
        // Two hours later the first is forgotten.
        assert!(nonces.check_and_keep(b"abc", 200 + NONCE_SECONDS).is_ok());
    }

    #[test]
    fn the_nonce_log_is_bounded() {
        let nonces = Nonces::default();
        for i in 0..MAX_NONCES + 10 {
            assert!(nonces
                .check_and_keep(format!("n{i}").as_bytes(), 100)
                .is_ok());
        }
        let log = nonces.0.lock().unwrap();
        assert!(log.order.len() <= MAX_NONCES && log.seen.len() <= MAX_NONCES);
    }
}
