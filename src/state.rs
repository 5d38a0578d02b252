//! What every handler can reach, and how it is opened: the database (migrated and seeded),
//! the token cache, the response cache, the store codes, the clock and the control API's state.

use std::sync::Arc;

use crate::auth::TokenCache;
use crate::clock::{self, Clock, Setting};
use crate::config::{Config, Seed};
use crate::control::{Control, ControlError};
use crate::db::{self, Db};
use crate::{cache, seed};

/// What every handler can reach: one `Arc`, so the clones axum makes for each request (every
/// `State` extractor and stateful middleware takes one) cost one reference count, not one per
/// field (its drops were 2 % of the request threads' time per invoice).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The fields of [`AppState`].
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub tokens: Arc<TokenCache>,
    /// The store's integration's keys (`Config`), and the nonces of its signed calls
    /// (`crate::auth::oauth`).
    pub integration: crate::auth::oauth::Keys,
    pub nonces: Arc<crate::auth::oauth::Nonces>,
    /// Rendered documents, valid while nothing was written.
    pub cache: Arc<cache::ResponseCache>,
    /// Store codes that may stand after `/rest/` (besides `all`), read once at start.
    pub store_codes: Arc<Vec<String>>,
    /// The control API's state (`/magemu/`): the seed's image, snapshots, journal, faults.
    pub control: Arc<Control>,
    /// The emulated clock (`--clock`, `/magemu/clock`): every request runs in it
    /// (`crate::clock::scope`), so every timestamp written or printed follows it. A setting of
    /// the test run, not of the world: reset and snapshots leave it as it is.
    pub clock: Arc<Clock>,
}

/// Why the server could not open its state.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("{0}")]
    Seed(#[from] seed::SeedError),
    #[error("control API: {0}")]
    Control(#[from] ControlError),
}

impl AppState {
    /// Opens the database, applies the migrations, seeds an empty database, and reads the stores.
    pub async fn open(config: Config) -> Result<AppState, OpenError> {
        let clock = Arc::new(Clock::new(match config.clock {
            Some(time) => Setting::Fixed(time),
            None => Setting::Real,
        }));
        let db = Db::open(&config.database_url).await?;
        // Seeding runs in the clock too: with `--clock`, what it stamps is of that time.
        let control = clock::scope(clock.clone(), seed_image(&db, &config.seed)).await?;
        let mut conn = db.read.acquire().await?;
        let store_codes = db::store::store_codes(&mut conn).await?;
        drop(conn);
        let integration = crate::auth::oauth::Keys::of(&config);
        Ok(AppState(Arc::new(Shared {
            db,
            config: Arc::new(config),
            tokens: Arc::new(TokenCache::default()),
            integration,
            nonces: Arc::default(),
            cache: Arc::new(cache::ResponseCache::default()),
            store_codes: Arc::new(store_codes),
            control: Arc::new(control),
            clock,
        })))
    }
}

/// Seeds an empty live database and returns the control state with the image a reset goes
/// back to. A built-in seed goes straight into an empty live database (one transaction). A
/// seed file, or any seed when the live database holds earlier runs, is built in a scratch
/// database first and kept as the image; an empty live database is then set to it. So a seed
/// file refused halfway leaves the live database as it was and the server does not start.
pub(crate) async fn seed_image(db: &Db, seed: &Seed) -> Result<Control, OpenError> {
    let control = Control::open(seed.clone())?;
    let empty = seed::is_empty(db).await?;
    if empty && !matches!(seed, Seed::File(_)) {
        seed::seed_if_empty(db, seed).await?;
        control.keep_seed_image(db).await?;
        tracing::info!(%seed, "seeded an empty database");
        return Ok(control);
    }
    let fresh = Db::open(&control.scratch_url()).await?;
    let built = seed::seed_if_empty(&fresh, seed).await;
    if built.is_ok() {
        control.keep_seed_image(&fresh).await?;
    }
    fresh.close().await;
    built?;
    if empty {
        control.reset(db).await?;
        tracing::info!(%seed, "seeded an empty database");
    } else {
        // The seed was built aside, as the image a reset goes back to; said plainly, since a
        // restart that logged "seeded" read as if the data had been replaced.
        tracing::info!(%seed, "the database holds data: kept as it is (a reset loads the seed)");
    }
    Ok(control)
}
