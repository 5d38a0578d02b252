//! Rendered JSON of documents read by id (`GET /V1/invoices/{id}`, `GET /V1/orders/{id}`),
//! reused while the database has not changed.
//!
//! Each entry is stamped with the database generation read *before* the queries that built it;
//! every committed write bumps the generation, so an entry is served only if no write has
//! committed since it was read. No invalidation to forget: a new writer is covered by
//! construction. The cache is small and bounded in entries and bytes (it is emptied when full).

use std::collections::HashMap;
use std::sync::RwLock;

use axum::body::Bytes;

/// Most entries kept (~4 KB each for an invoice).
const CAPACITY: usize = 1024;
/// Most bytes kept in all; the cache is emptied when a new entry would pass it.
const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Larger documents (orders of thousands of lines) are not kept at all.
const MAX_ENTRY_BYTES: usize = 256 * 1024;

/// What a cached reply is: the document kind and its id.
pub type Key = (&'static str, i64);

#[derive(Debug, Default)]
pub struct ResponseCache {
    entries: RwLock<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    map: HashMap<Key, (u64, Bytes)>,
    bytes: usize,
    /// The newest generation an entry was kept for: older entries can never be served again.
    newest: u64,
}

impl ResponseCache {
    /// The body for `key` if it was built at `generation`, the current one.
    pub fn get(&self, key: Key, generation: u64) -> Option<Bytes> {
        let entries = self.entries.read().ok()?;
        match entries.map.get(&key) {
            Some((stamp, body)) if *stamp == generation => Some(body.clone()),
            _ => None,
        }
    }

    /// Keeps `body`, built from reads that started at `generation`.
    pub fn put(&self, key: Key, generation: u64, body: Bytes) {
        if body.len() > MAX_ENTRY_BYTES {
            return;
        }
        if let Ok(mut entries) = self.entries.write() {
            if generation < entries.newest {
                // Built from reads a write has overtaken: stale before it is kept.
                return;
            }
            // A write committed since the kept entries were built: none of them will be served
            // again, so they go now rather than hold memory until the cache fills (under a
            // steady write load that was the whole 8 MiB).
            let outdated = generation > entries.newest;
            entries.newest = generation;
            if outdated || entries.map.len() >= CAPACITY || entries.bytes + body.len() > MAX_BYTES {
                entries.map.clear();
                entries.bytes = 0;
            }
            entries.bytes += body.len();
            if let Some((_, old)) = entries.map.insert(key, (generation, body)) {
                entries.bytes -= old.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_with_the_generation() {
        let cache = ResponseCache::default();
        cache.put(("invoice", 3), 7, Bytes::from_static(b"{}"));
        assert_eq!(
            cache.get(("invoice", 3), 7),
            Some(Bytes::from_static(b"{}"))
        );
        assert_eq!(cache.get(("invoice", 3), 8), None);
        assert_eq!(cache.get(("order", 3), 7), None);
    }

    #[test]
    fn memory_is_bounded_in_bytes() {
        let cache = ResponseCache::default();
        let big = Bytes::from(vec![b' '; MAX_ENTRY_BYTES + 1]);
        cache.put(("order", 1), 1, big);
        assert_eq!(cache.get(("order", 1), 1), None, "too large to keep");
        let chunk = Bytes::from(vec![b' '; MAX_ENTRY_BYTES]);
        for id in 0..100 {
            cache.put(("order", id), 1, chunk.clone());
            assert!(cache.entries.read().unwrap().bytes <= MAX_BYTES);
        }
        cache.put(("order", 5), 1, Bytes::from_static(b"{}"));
        cache.put(("order", 5), 1, Bytes::from_static(b"{}"));
        assert!(cache.get(("order", 5), 1).is_some());
    }

    #[test]
    fn a_write_drops_what_was_kept_before_it() {
        let cache = ResponseCache::default();
        cache.put(("order", 1), 1, Bytes::from_static(b"{\"a\":1}"));
        cache.put(("order", 2), 2, Bytes::from_static(b"{}"));
        let entries = cache.entries.read().unwrap();
        assert_eq!((entries.map.len(), entries.bytes), (1, 2));
        drop(entries);
        // Built before the newest write: not kept.
        cache.put(("order", 3), 1, Bytes::from_static(b"{}"));
        assert_eq!(cache.get(("order", 3), 1), None);
        assert_eq!(cache.get(("order", 2), 2), Some(Bytes::from_static(b"{}")));
    }
}
