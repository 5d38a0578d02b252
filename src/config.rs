//! Command line and environment: every setting, its variable and its default, in one place.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What to load into an empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Seed {
    /// The world of Adobe's tutorial just before step 10 (order 3, its stock, sources, products).
    Tutorial,
    /// Nothing but the store structure Magento always has.
    None,
}

/// magemu: Magento 2.4's sales REST API (orders, invoices, MSI) on an embedded SQLite file.
/// Without a command it serves the API.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Config {
    /// What to do instead of serving the API.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address to listen on.
    #[arg(long, env = "MAGEMU_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// SQLite database URL, created if missing (`sqlite://magemu.db`, `sqlite:///abs/path.db`).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://magemu.db",
        global = true
    )]
    pub database_url: String,

    /// Data loaded into an empty database at start (never into one that holds data).
    #[arg(
        long,
        env = "MAGEMU_SEED",
        value_enum,
        default_value = "tutorial",
        global = true
    )]
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

/// The commands besides serving.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Build a large world in the database: completed orders, each with its invoice and
    /// shipment, on top of the seed (loaded first into an empty database). Stop the server
    /// on the same file first.
    Generate(GenerateArgs),
}

/// `magemu generate`'s flags.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// How many orders to add (each invoiced and shipped in full).
    #[arg(long, env = "MAGEMU_GENERATE_ORDERS", default_value_t = 1_000_000)]
    pub orders: u64,

    /// Orders written per transaction.
    #[arg(
        long,
        env = "MAGEMU_GENERATE_BATCH_SIZE",
        default_value_t = 10_000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub batch_size: u64,
}

impl Config {
    /// The defaults, with the database at `database_url` (for tests and tools).
    pub fn for_database(database_url: &str) -> Config {
        let mut config = Config::parse_from(["magemu"]);
        config.database_url = database_url.to_owned();
        config
    }
}
