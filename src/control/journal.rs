//! The request journal: the last REST calls (method, path, store code, status, bodies,
//! duration), bounded in entries and in body bytes, filterable by method, path and status.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::body::Bytes;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::faults::path_matches;

/// Most entries kept; older ones are dropped first.
pub const CAPACITY: usize = 1000;
/// Most bytes of a request or reply body kept.
pub const MAX_BODY: usize = 4096;
/// Most bytes kept over all entries (bodies, paths and queries: a path may be 64 KiB): under a
/// steady load the journal stays within 1 MiB of the server's memory (the oldest entries go
/// first).
pub const MAX_KEPT_BYTES: usize = 1024 * 1024;

/// One REST call.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    pub id: u64,
    /// When the call arrived, UTC (`YYYY-MM-DD HH:MM:SS`).
    pub time: String,
    pub method: String,
    /// The path as the client sent it (store code included).
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The store code after `/rest/` (`None` for `/rest/V1/...`).
    pub store_code: Option<String>,
    /// The reply's status; 0 when a fault rule dropped the connection.
    pub status: u16,
    pub duration_ms: f64,
    /// The body as JSON when it is JSON and whole, else as text (cut at [`MAX_BODY`] bytes).
    pub request_body: KeptBody,
    pub response_body: KeptBody,
    /// The fault rule that acted on the call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<u64>,
}

/// A body's first [`MAX_BODY`] bytes as kept (turned into JSON only when listed, so a call
/// pays a copy, not a parse).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeptBody {
    bytes: Bytes,
    whole: bool,
}

impl KeptBody {
    /// Keeps the first [`MAX_BODY`] bytes of `bytes`; `complete`: nothing came after them.
    pub fn new(bytes: &Bytes, complete: bool) -> KeptBody {
        let whole = complete && bytes.len() <= MAX_BODY;
        let bytes = if bytes.len() <= MAX_BODY {
            bytes.clone()
        } else {
            // A copy: a slice would hold the whole reply in memory.
            Bytes::copy_from_slice(&bytes[..MAX_BODY])
        };
        KeptBody { bytes, whole }
    }
}

impl Serialize for KeptBody {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        body_value(&self.bytes, self.whole).serialize(serializer)
    }
}

/// `GET /magemu/requests`'s filters: all given must hold.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    pub method: Option<String>,
    /// A path pattern as fault rules take it ([`path_matches`]).
    pub path: Option<String>,
    pub status: Option<u16>,
}

impl Filter {
    fn accepts(&self, entry: &Entry) -> bool {
        self.method
            .as_ref()
            .is_none_or(|m| m.eq_ignore_ascii_case(&entry.method))
            && self
                .path
                .as_ref()
                .is_none_or(|p| path_matches(p, &entry.path))
            && self.status.is_none_or(|s| s == entry.status)
    }
}

/// The journal itself.
#[derive(Debug, Default)]
pub struct Journal {
    /// The last id given, the entries, and the body bytes they keep.
    entries: Mutex<(u64, VecDeque<Entry>, usize)>,
}

impl Entry {
    fn kept_bytes(&self) -> usize {
        self.request_body.bytes.len()
            + self.response_body.bytes.len()
            + self.path.len()
            + self.query.as_ref().map_or(0, String::len)
    }
}

impl Journal {
    /// Keeps `entry` under the next id (dropping the oldest when full).
    pub fn record(&self, mut entry: Entry) {
        if let Ok(mut guard) = self.entries.lock() {
            let (last, entries, kept) = &mut *guard;
            *last += 1;
            entry.id = *last;
            *kept += entry.kept_bytes();
            entries.push_back(entry);
            while entries.len() > CAPACITY || (*kept > MAX_KEPT_BYTES && entries.len() > 1) {
                match entries.pop_front() {
                    Some(old) => *kept -= old.kept_bytes(),
                    None => break,
                }
            }
        }
    }

    /// The entries `filter` accepts, oldest first.
    pub fn list(&self, filter: &Filter) -> Vec<Entry> {
        self.entries
            .lock()
            .map(|g| g.1.iter().filter(|e| filter.accepts(e)).cloned().collect())
            .unwrap_or_default()
    }

    /// How many entries are kept.
    pub fn count(&self) -> usize {
        self.entries.lock().map(|g| g.1.len()).unwrap_or(0)
    }

    /// Forgets every entry (ids go on).
    pub fn clear(&self) {
        if let Ok(mut guard) = self.entries.lock() {
            guard.1.clear();
            guard.2 = 0;
        }
    }
}

/// A body as the journal keeps it: JSON when it parses whole, else text cut at [`MAX_BODY`].
pub fn body_value(bytes: &[u8], complete: bool) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    if complete && bytes.len() <= MAX_BODY {
        if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
            return v;
        }
    }
    let cut = &bytes[..bytes.len().min(MAX_BODY)];
    Value::String(String::from_utf8_lossy(cut).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, path: &str, status: u16) -> Entry {
        Entry {
            id: 0,
            time: String::new(),
            method: method.into(),
            path: path.into(),
            query: None,
            store_code: None,
            status,
            duration_ms: 0.0,
            request_body: KeptBody::default(),
            response_body: KeptBody::default(),
            fault: None,
        }
    }

    #[test]
    fn filters_combine_and_ids_go_on() {
        let journal = Journal::default();
        journal.record(entry("GET", "/rest/V1/orders/1", 200));
        journal.record(entry("POST", "/rest/default/V1/orders", 400));
        journal.record(entry("POST", "/rest/V1/invoices", 200));
        let by = |method: Option<&str>, path: Option<&str>, status: Option<u16>| {
            journal
                .list(&Filter {
                    method: method.map(Into::into),
                    path: path.map(Into::into),
                    status,
                })
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(by(None, None, None), [1, 2, 3]);
        assert_eq!(by(Some("post"), None, None), [2, 3]);
        assert_eq!(by(Some("POST"), None, Some(200)), [3]);
        assert_eq!(by(None, Some("/V1/orders"), None), [1, 2]);
        assert_eq!(by(None, Some("/rest/*/V1/orders"), None), [2]);
        journal.clear();
        assert_eq!(by(None, None, None), Vec::<u64>::new());
        journal.record(entry("GET", "/rest/V1/orders/1", 200));
        assert_eq!(by(None, None, None), [4]);
    }

    #[test]
    fn the_journal_is_bounded() {
        let journal = Journal::default();
        for _ in 0..CAPACITY + 5 {
            journal.record(entry("GET", "/rest/V1/orders/1", 200));
        }
        let all = journal.list(&Filter::default());
        assert_eq!(all.len(), CAPACITY);
        assert_eq!(all[0].id, 6);
        // And in bytes: 4 KB bodies both ways keep 127 entries in 1 MiB (with their paths).
        let body = Bytes::from(vec![b'x'; MAX_BODY]);
        let path = "/rest/V1/orders";
        for _ in 0..300 {
            let mut e = entry("POST", path, 200);
            e.request_body = KeptBody::new(&body, true);
            e.response_body = KeptBody::new(&body, true);
            journal.record(e);
        }
        let all = journal.list(&Filter::default());
        assert_eq!(all.len(), MAX_KEPT_BYTES / (2 * MAX_BODY + path.len()));
        assert_eq!(all.last().map(|e| e.id), Some((CAPACITY + 5 + 300) as u64));
        // Paths count too: 64 KiB ones (what a client may send) keep 16 entries, not 1,000.
        let long = format!("/rest/V1/orders/{}", "a".repeat(64 * 1024 - 16));
        for _ in 0..CAPACITY {
            journal.record(entry("GET", &long, 404));
        }
        assert_eq!(journal.list(&Filter::default()).len(), 16);
    }

    #[test]
    fn bodies_are_json_when_whole_else_cut_text() {
        assert_eq!(body_value(b"", true), Value::Null);
        assert_eq!(body_value(b"{\"a\":1}", true), serde_json::json!({"a": 1}));
        assert_eq!(
            body_value(b"{\"a\":", true),
            Value::String("{\"a\":".into())
        );
        let long = vec![b'x'; MAX_BODY + 10];
        assert_eq!(
            body_value(&long, false),
            Value::String("x".repeat(MAX_BODY))
        );
        let kept = KeptBody::new(&Bytes::from(long), true);
        assert_eq!(
            serde_json::to_value(&kept).unwrap(),
            Value::String("x".repeat(MAX_BODY))
        );
        let json = KeptBody::new(&Bytes::from_static(b"[1]"), true);
        assert_eq!(serde_json::to_value(&json).unwrap(), serde_json::json!([1]));
    }
}
