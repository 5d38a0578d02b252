//! Rendered JSON of documents read by id (`GET /V1/invoices/{id}`, `GET /V1/orders/{id}`),
//! reused while the database has not changed.
//!
//! Each entry is stamped with the database generation read *before* the queries that built it;
//! every committed write bumps the generation, so an entry is served only if no write has
//! committed since it was read. No invalidation to forget: a new writer is covered by
//! construction. The cache is small and bounded (it is emptied when full).

use std::collections::HashMap;
use std::sync::RwLock;

use axum::body::Bytes;

/// Most entries kept (~4 KB each for an invoice).
const CAPACITY: usize = 1024;

/// What a cached reply is: the document kind and its id.
pub type Key = (&'static str, i64);

#[derive(Debug, Default)]
pub struct ResponseCache {
    entries: RwLock<HashMap<Key, (u64, Bytes)>>,
}

impl ResponseCache {
    /// The body for `key` if it was built at `generation`, the current one.
    pub fn get(&self, key: Key, generation: u64) -> Option<Bytes> {
        let entries = self.entries.read().ok()?;
        match entries.get(&key) {
            Some((stamp, body)) if *stamp == generation => Some(body.clone()),
            _ => None,
        }
    }

    /// Keeps `body`, built from reads that started at `generation`.
    pub fn put(&self, key: Key, generation: u64, body: Bytes) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(key, (generation, body));
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
}
