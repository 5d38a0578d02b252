//! magemu: an emulator of Magento 2.4's sales REST API (orders, invoices, Multi-Source Inventory)
//! that keeps its state in SQLite.

pub mod amount;
pub mod auth;
pub mod cache;
pub mod config;
pub mod db;
pub mod error;
pub mod http;
pub mod inventory;
pub mod sales;
pub mod search;
pub mod seed;
pub mod wire;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

pub use config::Config;
pub use http::app;

use db::Db;

/// Admin tokens seen so far and when they expire, so a request does not need a query to be
/// authorized. Tokens are only created by this process, so the cache cannot go stale.
#[derive(Debug, Default)]
pub struct TokenCache(RwLock<HashMap<String, i64>>);

impl TokenCache {
    pub fn lookup(&self, token: &str) -> Option<i64> {
        self.0.read().ok()?.get(token).copied()
    }
    pub fn remember(&self, token: &str, expires_at: i64) {
        if let Ok(mut map) = self.0.write() {
            map.insert(token.to_owned(), expires_at);
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub tokens: Arc<TokenCache>,
    /// Rendered documents, valid while nothing was written.
    pub cache: Arc<cache::ResponseCache>,
    /// Store codes that may stand after `/rest/` (besides `all`), read once at start.
    pub store_codes: Arc<Vec<String>>,
}

impl AppState {
    /// Opens the database, applies the migrations, seeds an empty database, and reads the stores.
    pub async fn open(config: Config) -> Result<AppState, sqlx::Error> {
        let db = Db::open(&config.database_url).await?;
        seed::seed_if_empty(&db, config.seed).await?;
        let mut conn = db.read.acquire().await?;
        let store_codes = db::store::store_codes(&mut conn).await?;
        drop(conn);
        Ok(AppState {
            db,
            config: Arc::new(config),
            tokens: Arc::new(TokenCache::default()),
            cache: Arc::new(cache::ResponseCache::default()),
            store_codes: Arc::new(store_codes),
        })
    }
}
