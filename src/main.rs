//! Parse the config, start tracing, open the database, serve; or, with `generate`, build a
//! large world in the database and stop.

use std::io::IsTerminal;
use std::str::FromStr;

use clap::Parser;
use magemu::config::{Command, GenerateArgs};
use magemu::seed::generate;
use magemu::{app, AppState, Config};
use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    limit_malloc_arenas();
    // Before any thread exists and before SQLite starts (see the function).
    magemu::db::sqlite_without_memory_statistics();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("magemu: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    runtime.block_on(run())
}

/// glibc gives every thread that meets contention an arena of its own (up to 8 per core) and
/// keeps what is freed in it: under the mixed-load benchmark that held a few MB more than the
/// server uses (33.9 MB peak RSS, 28.2 MB with `MALLOC_ARENA_MAX=2`). Two arenas, set before the
/// runtime's threads exist; a `MALLOC_ARENA_MAX` in the environment still wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets an allocator parameter; it is called before any other
        // thread exists, and a refusal (return 0) leaves glibc's default in place.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

/// Once a second, glibc gives the free pages inside its arenas back to the system
/// (`malloc_trim`): freed memory between live blocks otherwise stays resident, and under the
/// mixed-load benchmark the heap (two arenas, 16 MB after 40 s) kept growing with the work done.
/// A pass over a heap of this size takes well under a millisecond, on a blocking thread.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
async fn trim_malloc_heap() {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        // SAFETY: malloc_trim only returns free memory to the system; it takes the arenas'
        // locks itself and may run beside any other allocation.
        let _ = tokio::task::spawn_blocking(|| unsafe { libc::malloc_trim(0) }).await;
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
async fn trim_malloc_heap() {}

async fn run() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("magemu=info")),
        )
        // Colours only on a terminal: logs captured by CI or a file stay plain text.
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    let config = Config::parse();
    let result = match config.command.clone() {
        Some(Command::Generate(args)) => generate_world(&config, &args).await,
        Some(command) => control(&command),
        None => serve(config).await,
    };
    // The cause as a sentence (a seed file's entry and field, a busy port), not a Debug dump.
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("magemu: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// A control subcommand (`magemu reset`, `magemu snapshot save NAME`, ...): one call to the
/// running server; its answer on stdout, and a failure exit status when it refused.
fn control(command: &Command) -> Result<(), Box<dyn std::error::Error>> {
    let Some((server, method, path, body)) = command.control_call() else {
        return Ok(());
    };
    let (status, answer) = magemu::control::client::call(server, method, &path, body.as_deref())
        .map_err(|e| format!("{server}: {e}"))?;
    if !answer.is_empty() {
        println!("{answer}");
    }
    if status >= 400 {
        return Err(format!("{method} {path}: HTTP {status}").into());
    }
    Ok(())
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let listen = config.listen.clone();
    let state = AppState::open(config).await?;
    let db = state.db.clone();
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let shutdown = shutdown_signal()?;
    tracing::info!("magemu listening on http://{}", listener.local_addr()?);
    tokio::spawn(trim_malloc_heap());
    // `into_make_service`: each connection gets a clone of the router's `Arc`. Served as a
    // plain `Router`, axum 0.8 calls `Router::with_state(())` on a clone per connection, which
    // rebuilds every route (the `Arc` is shared, so it copies the route table and boxes each
    // endpoint again): about 200,000 instructions a connection under callgrind, a sixth of a
    // durable invoice for a client that connects per request (README Performance). `app`
    // already turned every handler into a route once (`with_state(())`). With the connection's
    // peer address for the handlers that look at it (`http::extract::ClientIp`).
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    db.close().await;
    tracing::info!("magemu stopped");
    Ok(())
}

/// `magemu generate`: a progress bar on a terminal (a log line every tenth elsewhere), then what
/// was written and how large the database is.
async fn generate_world(
    config: &Config,
    args: &GenerateArgs,
) -> Result<(), Box<dyn std::error::Error>> {
    let bar = indicatif::ProgressBar::new(args.orders);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {human_pos}/{human_len} orders, {per_sec}, {eta} left",
        )?
        .progress_chars("=> "),
    );
    let options = generate::Options {
        orders: args.orders,
        batch_size: args.batch_size,
    };
    let mut logged = 0;
    let result = generate::generate(&config.database_url, &config.seed, &options, |done| {
        bar.set_position(done);
        let tenth = done * 10 / args.orders.max(1);
        if bar.is_hidden() && tenth > logged {
            logged = tenth;
            tracing::info!("generated {done} of {} orders", args.orders);
        }
    })
    .await;
    bar.finish_and_clear();
    let summary = result.map_err(|e| -> Box<dyn std::error::Error> {
        match &e {
            sqlx::Error::Database(d) if d.message().contains("locked") => format!(
                "{e}: is magemu serving {}? Stop it first.",
                config.database_url
            )
            .into(),
            _ => e.into(),
        }
    })?;
    let file = sqlx::sqlite::SqliteConnectOptions::from_str(&config.database_url)?
        .get_filename()
        .to_owned();
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let seconds = summary.elapsed.as_secs_f64();
    let ids = summary
        .order_ids
        .map(|(first, last)| format!(" (order ids {first} to {last})"))
        .unwrap_or_default();
    println!(
        "generated {} orders{ids}, {} invoices, {} shipments ({} rows) in {seconds:.1} s ({:.0} orders/s); {}: {:.1} MiB",
        summary.orders,
        summary.invoices,
        summary.shipments,
        summary.rows,
        summary.orders as f64 / seconds.max(1e-9),
        file.display(),
        size as f64 / (1024.0 * 1024.0),
    );
    Ok(())
}

/// Installs the Ctrl-C and SIGTERM handlers now and returns what resolves on either; in-flight
/// requests then finish before the server returns. Installed before the server says it listens:
/// a handler installed on the future's first poll left a moment after that line in which a
/// supervisor's SIGTERM killed the process outright (exit by signal, the -wal file left).
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::interrupt())?,
            signal(SignalKind::terminate())?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down");
    })
}
