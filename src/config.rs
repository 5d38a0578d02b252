//! Command line and environment: every setting, its variable and its default, in one place.

use clap::{Parser, ValueEnum};

/// What to load into an empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// The world of Adobe's tutorial just before step 10 (order 3, its stock, sources, products).
    Tutorial,
    /// Nothing but the store structure Magento always has.
    None,
}

/// magemu: Magento 2.4's sales REST API (orders, invoices, MSI) on an embedded SQLite file.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "MAGEMU_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// SQLite database URL, created if missing (`sqlite://magemu.db`, `sqlite:///abs/path.db`).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://magemu.db")]
    pub database_url: String,

    /// Data loaded into an empty database at start (never into one that holds data).
    #[arg(long, env = "MAGEMU_SEED", value_enum, default_value = "tutorial")]
    pub seed: Seed,

    /// Admin user name accepted by POST /V1/integration/admin/token.
    #[arg(long, env = "MAGEMU_ADMIN_USERNAME", default_value = "admin")]
    pub admin_username: String,

    /// Admin password accepted by POST /V1/integration/admin/token.
    #[arg(
        long,
        env = "MAGEMU_ADMIN_PASSWORD",
        default_value = "admin123",
        hide_env_values = true
    )]
    pub admin_password: String,

    /// Admin token lifetime in hours (Magento's oauth/access_token_lifetime/admin).
    #[arg(long, env = "MAGEMU_ADMIN_TOKEN_LIFETIME", default_value_t = 4)]
    pub admin_token_lifetime_hours: i64,
}

impl Config {
    /// The defaults, with the database at `database_url` (for tests and tools).
    pub fn for_database(database_url: &str) -> Config {
        let mut config = Config::parse_from(["magemu"]);
        config.database_url = database_url.to_owned();
        config
    }
}
