//! Command line and environment: every setting, its variable and its default, in one place.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What to load into an empty database: a built-in world or a seed file of the user's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seed {
    /// The world of Adobe's tutorial just before step 10 (order 3, its stock, sources, products).
    Tutorial,
    /// The world just before the tutorial's step 2: the Luma products on the default source,
    /// cart rule 3, and counters such that replaying steps 2 to 14 returns the tutorial's ids.
    TutorialStart,
    /// Nothing but the store structure Magento always has.
    None,
    /// A seed file of Magento entities (see the README, "Seed files").
    File(PathBuf),
}

impl FromStr for Seed {
    type Err = String;

    /// `tutorial`, `tutorial-start`, `none`, or the path of a seed file (`./none` for a file
    /// named like a built-in seed).
    fn from_str(s: &str) -> Result<Seed, String> {
        Ok(match s {
            "tutorial" => Seed::Tutorial,
            "tutorial-start" => Seed::TutorialStart,
            "none" => Seed::None,
            path if Path::new(path).is_file() => Seed::File(PathBuf::from(path)),
            other => {
                return Err(format!(
                    "\"{other}\" is neither a built-in seed (tutorial, tutorial-start, none) nor a seed file"
                ))
            }
        })
    }
}

impl fmt::Display for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seed::Tutorial => f.write_str("tutorial"),
            Seed::TutorialStart => f.write_str("tutorial-start"),
            Seed::None => f.write_str("none"),
            Seed::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// An online payment method magemu's gateway emulates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlineMethod {
    #[value(name = "braintree")]
    Braintree,
    #[value(name = "paypal_express")]
    PaypalExpress,
}

/// A method's payment action (`MethodInterface::getConfigPaymentAction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaymentAction {
    /// `authorize`: the order is authorized at placement and captured by a later invoice.
    #[value(name = "authorize")]
    Authorize,
    /// `authorize_capture`: the order is invoiced and captured at placement.
    #[value(name = "authorize_capture")]
    AuthorizeCapture,
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

    /// Data loaded into an empty database at start (never into one that holds data), and what
    /// a reset goes back to: `tutorial` (just before the tutorial's step 10), `tutorial-start`
    /// (just before its step 2), `none`, or the path of a seed file.
    #[arg(
        long,
        env = "MAGEMU_SEED",
        default_value = "tutorial",
        value_parser = Seed::from_str,
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

    /// The consumer key of the store's integration (System > Extensions > Integrations; 32
    /// characters), for clients that sign calls with OAuth 1.0a.
    #[arg(long, env = "MAGEMU_INTEGRATION_CONSUMER_KEY", default_value = "magemuintegrationconsumerkey0001",
          value_parser = integration_key)]
    pub integration_consumer_key: String,

    /// The consumer secret of the store's integration.
    #[arg(long, env = "MAGEMU_INTEGRATION_CONSUMER_SECRET", default_value = "magemuintegrationconsumersecret1",
          hide_env_values = true, value_parser = integration_key)]
    pub integration_consumer_secret: String,

    /// The access token of the store's integration (also a bearer token where
    /// `oauth/consumer/enable_integration_as_bearer` is on).
    #[arg(long, env = "MAGEMU_INTEGRATION_ACCESS_TOKEN", default_value = "magemuintegrationaccesstoken0001",
          value_parser = integration_key)]
    pub integration_access_token: String,

    /// The access token secret of the store's integration.
    #[arg(long, env = "MAGEMU_INTEGRATION_ACCESS_TOKEN_SECRET", default_value = "magemuintegrationtokensecret0001",
          hide_env_values = true, value_parser = integration_key)]
    pub integration_access_token_secret: String,

    /// Admin token lifetime in hours (Magento's oauth/access_token_lifetime/admin; 0: tokens
    /// never expire, as Magento takes an empty lifetime).
    #[arg(long, env = "MAGEMU_ADMIN_TOKEN_LIFETIME", default_value_t = 4,
          value_parser = clap::value_parser!(i64).range(0..))]
    pub admin_token_lifetime_hours: i64,

    /// Start with the clock stopped at this time (UTC `2020-07-23 16:59:20` or RFC 3339): every
    /// timestamp and token expiry follows it. Change it later with `PUT /magemu/clock`.
    #[arg(long, env = "MAGEMU_CLOCK", value_parser = parse_clock)]
    pub clock: Option<time::OffsetDateTime>,

    /// Online payment methods active on the emulated store (Magento's `payment/<code>/active`),
    /// comma separated: braintree, paypal_express. None by default: Magento ships both inactive
    /// and they need the merchant's credentials, so carts offer only checkmo and banktransfer,
    /// as the tutorial's replies show. An active method is a sandbox store's: it answers as
    /// `sales::payment`'s emulated gateway.
    #[arg(
        long,
        env = "MAGEMU_ONLINE_PAYMENT_METHODS",
        value_enum,
        value_delimiter = ','
    )]
    pub online_payment_methods: Vec<OnlineMethod>,

    /// `payment/braintree/payment_action`: authorize (Braintree's default) or authorize_capture.
    #[arg(
        long,
        env = "MAGEMU_BRAINTREE_PAYMENT_ACTION",
        value_enum,
        default_value = "authorize"
    )]
    pub braintree_payment_action: PaymentAction,

    /// `payment/paypal_express/payment_action`: authorize (PayPal's `Authorization`, its
    /// default) or authorize_capture (`Sale`).
    #[arg(
        long,
        env = "MAGEMU_PAYPAL_EXPRESS_PAYMENT_ACTION",
        value_enum,
        default_value = "authorize"
    )]
    pub paypal_express_payment_action: PaymentAction,
}

/// Magento makes an integration's keys of 32 letters and digits (`Helper\Oauth::LENGTH_TOKEN`,
/// `LENGTH_CONSUMER_KEY`); its checks refuse a key or token of any other length.
fn integration_key(text: &str) -> Result<String, String> {
    const LENGTH: usize = 32;
    if text.len() == LENGTH && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(text.to_owned())
    } else {
        Err(format!("must be {LENGTH} letters and digits"))
    }
}

fn parse_clock(text: &str) -> Result<time::OffsetDateTime, String> {
    crate::clock::parse_time(text).map_err(|e| e.to_string())
}

/// The commands besides serving.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Build a large world in the database: completed orders, each with its invoice and
    /// shipment, on top of the seed (loaded first into an empty database). Stop the server
    /// on the same file first.
    Generate(GenerateArgs),
    /// Ask a running magemu for its health (`GET /magemu/health`).
    Health(ServerArgs),
    /// Set a running magemu back to its seed (`POST /magemu/reset`).
    Reset(ServerArgs),
    /// Save, list, restore or delete a running magemu's named snapshots.
    Snapshot {
        #[command(subcommand)]
        action: SnapshotAction,
        #[command(flatten)]
        server: ServerArgs,
    },
    /// List (filtered) or clear a running magemu's request journal.
    Requests {
        /// Only calls of this method.
        #[arg(long)]
        method: Option<String>,
        /// Only calls whose path matches (a prefix, or a glob with `*`).
        #[arg(long)]
        path: Option<String>,
        /// Only calls answered with this status (0: dropped by a fault rule).
        #[arg(long)]
        status: Option<u16>,
        /// Clear the journal instead of listing it.
        #[arg(long)]
        clear: bool,
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Add, list, delete or clear a running magemu's fault rules.
    Faults {
        #[command(subcommand)]
        action: FaultsAction,
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Read or set a running magemu's clock.
    Clock {
        #[command(subcommand)]
        action: ClockAction,
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Show or change a running magemu's store settings (`core_config_data`, default scope).
    Config {
        #[command(subcommand)]
        action: ConfigAction,
        #[command(flatten)]
        server: ServerArgs,
    },
    /// List (filtered) or clear the e-mails a running magemu would have sent.
    Outbox {
        #[command(subcommand)]
        action: OutboxAction,
        #[command(flatten)]
        server: ServerArgs,
    },
}

/// Where the control commands find the running server.
#[derive(Debug, Clone, Args)]
pub struct ServerArgs {
    /// The running magemu's base URL.
    #[arg(
        long,
        env = "MAGEMU_SERVER",
        default_value = "http://127.0.0.1:8080",
        global = true
    )]
    pub server: String,
}

/// `magemu snapshot ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum SnapshotAction {
    /// Save the world as NAME (replacing a snapshot of that name).
    Save { name: String },
    /// List the snapshots.
    List,
    /// Set the world back to the snapshot NAME.
    Restore { name: String },
    /// Delete the snapshot NAME.
    Delete { name: String },
}

/// `magemu faults ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum FaultsAction {
    /// Add a rule given as JSON, e.g. '{"path": "/V1/orders", "status": 503, "times": 2}'.
    Add { rule: String },
    /// List the rules.
    List,
    /// Delete the rule ID.
    Delete { id: u64 },
    /// Delete every rule.
    Clear,
}

/// `magemu clock ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum ClockAction {
    /// Show the emulated time and how the clock runs.
    Get,
    /// Stop the clock at TIME (UTC `2020-07-23 16:59:20` or RFC 3339).
    Set { time: String },
    /// Run the clock SECONDS away from real time (negative: in the past).
    Offset {
        #[arg(allow_negative_numbers = true)]
        seconds: i64,
    },
    /// Move the clock SECONDS forward.
    Advance { seconds: i64 },
    /// Back to real time.
    Reset,
}

/// `magemu config ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum ConfigAction {
    /// List the settings magemu reads, with their values (null: config.xml's default).
    Get,
    /// Set PATH to VALUE (`magemu config set sales/gift_options/allow_order 1`).
    Set { path: String, value: String },
    /// Remove PATH's value: config.xml's default applies again.
    Unset { path: String },
}

/// `magemu outbox ...`.
#[derive(Debug, Clone, Subcommand)]
pub enum OutboxAction {
    /// List the e-mails, oldest first.
    List {
        /// Only e-mails to this address.
        #[arg(long)]
        to: Option<String>,
        /// Only e-mails of this template (`sales_email_invoice_template`, ...).
        #[arg(long)]
        template: Option<String>,
        /// Only e-mails about this kind of entity (order, invoice, shipment, creditmemo,
        /// customer).
        #[arg(long)]
        entity_type: Option<String>,
        /// Only e-mails about the entity of this id.
        #[arg(long)]
        entity_id: Option<i64>,
    },
    /// Forget every e-mail.
    Clear,
}

impl Command {
    /// The control call a client command makes: server, method, path and body (`None` for
    /// the commands that are not control calls).
    pub fn control_call(&self) -> Option<(&str, &'static str, String, Option<String>)> {
        let call = match self {
            Command::Generate(_) => return None,
            Command::Health(s) => (&s.server, "GET", "/magemu/health".into(), None),
            Command::Reset(s) => (&s.server, "POST", "/magemu/reset".into(), None),
            Command::Snapshot { action, server } => {
                let s = &server.server;
                match action {
                    SnapshotAction::Save { name } => (
                        s,
                        "POST",
                        "/magemu/snapshots".into(),
                        Some(serde_json::json!({ "name": name }).to_string()),
                    ),
                    SnapshotAction::List => (s, "GET", "/magemu/snapshots".into(), None),
                    SnapshotAction::Restore { name } => (
                        s,
                        "POST",
                        format!("/magemu/snapshots/{}/restore", encode(name)),
                        None,
                    ),
                    SnapshotAction::Delete { name } => (
                        s,
                        "DELETE",
                        format!("/magemu/snapshots/{}", encode(name)),
                        None,
                    ),
                }
            }
            Command::Requests {
                method,
                path,
                status,
                clear,
                server,
            } => {
                if *clear {
                    (&server.server, "DELETE", "/magemu/requests".into(), None)
                } else {
                    let query = serde_urlencoded::to_string([
                        ("method", method.clone()),
                        ("path", path.clone()),
                        ("status", status.map(|s| s.to_string())),
                    ])
                    .unwrap_or_default();
                    (
                        &server.server,
                        "GET",
                        format!("/magemu/requests?{query}"),
                        None,
                    )
                }
            }
            Command::Faults { action, server } => {
                let s = &server.server;
                match action {
                    FaultsAction::Add { rule } => {
                        (s, "POST", "/magemu/faults".into(), Some(rule.clone()))
                    }
                    FaultsAction::List => (s, "GET", "/magemu/faults".into(), None),
                    FaultsAction::Delete { id } => {
                        (s, "DELETE", format!("/magemu/faults/{id}"), None)
                    }
                    FaultsAction::Clear => (s, "DELETE", "/magemu/faults".into(), None),
                }
            }
            Command::Clock { action, server } => {
                let s = &server.server;
                let put = |body: serde_json::Value| {
                    (s, "PUT", "/magemu/clock".into(), Some(body.to_string()))
                };
                match action {
                    ClockAction::Get => (s, "GET", "/magemu/clock".into(), None),
                    ClockAction::Set { time } => put(serde_json::json!({ "time": time })),
                    ClockAction::Offset { seconds } => {
                        put(serde_json::json!({ "offset_seconds": seconds }))
                    }
                    ClockAction::Advance { seconds } => {
                        put(serde_json::json!({ "advance_seconds": seconds }))
                    }
                    ClockAction::Reset => (s, "DELETE", "/magemu/clock".into(), None),
                }
            }
            Command::Config { action, server } => {
                let s = &server.server;
                let put = |path: &str, value: serde_json::Value| {
                    let body = serde_json::json!({ path: value }).to_string();
                    (s, "PUT", "/magemu/config".into(), Some(body))
                };
                match action {
                    ConfigAction::Get => (s, "GET", "/magemu/config".into(), None),
                    ConfigAction::Set { path, value } => put(path, value.as_str().into()),
                    ConfigAction::Unset { path } => put(path, serde_json::Value::Null),
                }
            }
            Command::Outbox { action, server } => {
                let s = &server.server;
                match action {
                    OutboxAction::List {
                        to,
                        template,
                        entity_type,
                        entity_id,
                    } => {
                        let query = serde_urlencoded::to_string([
                            ("to", to.clone()),
                            ("template", template.clone()),
                            ("entity_type", entity_type.clone()),
                            ("entity_id", entity_id.map(|i| i.to_string())),
                        ])
                        .unwrap_or_default();
                        let path = if query.is_empty() {
                            "/magemu/outbox".to_owned()
                        } else {
                            format!("/magemu/outbox?{query}")
                        };
                        (s, "GET", path, None)
                    }
                    OutboxAction::Clear => (s, "DELETE", "/magemu/outbox".into(), None),
                }
            }
        };
        Some((call.0.as_str(), call.1, call.2, call.3))
    }
}

/// A snapshot name in a path (the server refuses names outside a safe alphabet anyway).
fn encode(name: &str) -> String {
    serde_urlencoded::to_string([("", name)])
        .map(|s| s.trim_start_matches('=').replace('+', "%20"))
        .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn call(args: &[&str]) -> (String, &'static str, String, Option<String>) {
        let config = Config::parse_from(args);
        let command = config.command.expect("a command");
        let (server, method, path, body) = command.control_call().expect("a control call");
        (server.to_owned(), method, path, body)
    }

    #[test]
    fn online_payment_methods_and_actions() {
        let config = Config::parse_from(["magemu"]);
        assert!(config.online_payment_methods.is_empty());
        assert_eq!(config.braintree_payment_action, PaymentAction::Authorize);
        let config = Config::parse_from([
            "magemu",
            "--online-payment-methods",
            "braintree,paypal_express",
            "--braintree-payment-action",
            "authorize_capture",
        ]);
        assert_eq!(
            config.online_payment_methods,
            [OnlineMethod::Braintree, OnlineMethod::PaypalExpress]
        );
        assert_eq!(
            config.braintree_payment_action,
            PaymentAction::AuthorizeCapture
        );
        assert_eq!(
            config.paypal_express_payment_action,
            PaymentAction::Authorize
        );
    }

    #[test]
    fn control_subcommands_name_their_call() {
        let local = "http://127.0.0.1:8080".to_owned();
        assert_eq!(
            call(&["magemu", "reset"]),
            (local.clone(), "POST", "/magemu/reset".into(), None)
        );
        assert_eq!(
            call(&[
                "magemu",
                "snapshot",
                "save",
                "prepared",
                "--server",
                "http://h:1"
            ]),
            (
                "http://h:1".into(),
                "POST",
                "/magemu/snapshots".into(),
                Some("{\"name\":\"prepared\"}".into())
            )
        );
        assert_eq!(
            call(&["magemu", "snapshot", "restore", "a b"]).2,
            "/magemu/snapshots/a%20b/restore"
        );
        assert_eq!(
            call(&["magemu", "requests", "--method", "POST", "--status", "400"]).2,
            "/magemu/requests?method=POST&status=400"
        );
        assert_eq!(call(&["magemu", "requests", "--clear"]).1, "DELETE");
        assert_eq!(
            call(&["magemu", "faults", "delete", "3"]),
            (local.clone(), "DELETE", "/magemu/faults/3".into(), None)
        );
        assert_eq!(
            call(&["magemu", "clock", "set", "2020-07-23 16:59:20"]),
            (
                local.clone(),
                "PUT",
                "/magemu/clock".into(),
                Some(r#"{"time":"2020-07-23 16:59:20"}"#.into())
            )
        );
        assert_eq!(
            call(&["magemu", "clock", "offset", "-86400"]).3,
            Some(r#"{"offset_seconds":-86400}"#.into())
        );
        assert_eq!(
            call(&["magemu", "clock", "advance", "60"]).3,
            Some(r#"{"advance_seconds":60}"#.into())
        );
        assert_eq!(call(&["magemu", "clock", "reset"]).1, "DELETE");
        assert_eq!(call(&["magemu", "clock", "get"]).2, "/magemu/clock");
        assert_eq!(
            call(&[
                "magemu",
                "outbox",
                "list",
                "--template",
                "t",
                "--entity-id",
                "3"
            ])
            .2,
            "/magemu/outbox?template=t&entity_id=3"
        );
        assert_eq!(call(&["magemu", "outbox", "list"]).2, "/magemu/outbox");
        assert_eq!(
            call(&[
                "magemu",
                "config",
                "set",
                "sales/gift_options/allow_order",
                "1"
            ]),
            (
                local.clone(),
                "PUT",
                "/magemu/config".into(),
                Some(r#"{"sales/gift_options/allow_order":"1"}"#.into())
            )
        );
        assert_eq!(
            call(&[
                "magemu",
                "config",
                "unset",
                "sales/gift_options/allow_items"
            ])
            .3,
            Some(r#"{"sales/gift_options/allow_items":null}"#.into())
        );
        assert_eq!(
            call(&["magemu", "outbox", "clear"]),
            (local, "DELETE", "/magemu/outbox".into(), None)
        );
    }

    #[test]
    fn the_clock_flag_takes_a_time_or_refuses_to_start() {
        let config = Config::parse_from(["magemu", "--clock", "2020-07-23T16:59:20Z"]);
        assert_eq!(
            config.clock.map(crate::clock::format),
            Some("2020-07-23 16:59:20".into())
        );
        assert!(Config::try_parse_from(["magemu", "--clock", "soon"]).is_err());
    }

    #[test]
    fn the_token_lifetime_is_zero_or_more_hours() {
        let hours = |h: &str| {
            Config::try_parse_from(["magemu", "--admin-token-lifetime-hours", h])
                .map(|c| c.admin_token_lifetime_hours)
        };
        assert_eq!(hours("0").ok(), Some(0));
        assert_eq!(hours("9223372036854775807").ok(), Some(i64::MAX));
        assert!(hours("-1").is_err());
    }
}
