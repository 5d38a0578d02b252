//! schemathesis (PyPI) against the real binary and the schema it serves at
//! `/rest/all/schema?services=all`: no 5xx, no reply that breaks the schema. Without
//! schemathesis the run is skipped outside CI and fails in CI (`CI` set), where `.ci/run`
//! installs it; `SCHEMATHESIS` names the program when it is not `schemathesis` on the PATH.
#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

/// Cases per operation and phase: enough to reach every operation's answers, small enough
/// for CI (the whole run stays within a few minutes on two cores).
const MAX_EXAMPLES: &str = "5";
/// The run's time budget in seconds (schemathesis stops generating past it).
const MAX_TIME: &str = "180";
/// Where a 500 is Magento's own answer (see the file).
const CONFIG: &str = "tests/schemathesis.toml";

fn program() -> String {
    std::env::var("SCHEMATHESIS").unwrap_or_else(|_| "schemathesis".to_owned())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The started binary and the lines it logs (kept for a failure message).
struct Server {
    _child: Child,
    base: String,
    lines: mpsc::UnboundedReceiver<String>,
}

async fn start_server(dir: &Path) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_magemu"));
    command
        .current_dir(dir)
        .env_remove("MAGEMU_SEED")
        .env_remove("MAGEMU_ADMIN_USERNAME")
        .env_remove("MAGEMU_ADMIN_PASSWORD")
        .env_remove("MAGEMU_ADMIN_TOKEN_LIFETIME")
        .env("MAGEMU_LISTEN", "127.0.0.1:0")
        .env("DATABASE_URL", "sqlite://schemathesis.db")
        .env("RUST_LOG", "magemu=info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let mut child = command.spawn().expect("spawn magemu");
    let (tx, mut lines) = mpsc::unbounded_channel();
    for stream in [
        Box::new(child.stdout.take().expect("stdout"))
            as Box<dyn tokio::io::AsyncRead + Send + Unpin>,
        Box::new(child.stderr.take().expect("stderr")),
    ] {
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut reader = BufReader::new(stream).lines();
            while let Ok(Some(line)) = reader.next_line().await {
                let _ = tx.send(line);
            }
        });
    }
    let base = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            let line = lines.recv().await.expect("magemu exited before listening");
            if let Some((_, url)) = line.split_once("listening on ") {
                return url.trim().to_owned();
            }
        }
    })
    .await
    .expect("a 'listening on' line within 30 s");
    Server {
        _child: child,
        base,
        lines,
    }
}

async fn version() -> Option<String> {
    let out = Command::new(program())
        .arg("--version")
        .output()
        .await
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[tokio::test]
async fn schemathesis_finds_no_server_error_and_no_reply_off_the_schema() {
    let Some(version) = version().await else {
        assert!(
            !in_ci(),
            "CI is set but schemathesis is not installed: .ci/run installs it (pip install schemathesis)"
        );
        let _ = std::io::stderr().write_all(
            b"SKIPPED tests/schemathesis.rs: schemathesis is not installed, the schema was not \
              fuzzed (pip install schemathesis, or bash .ci/run, which installs it)\n",
        );
        return;
    };
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::Builder::new()
            .prefix("magemu-schemathesis")
            .tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let mut server = start_server(dir.path()).await;
    let client = reqwest::Client::new();
    let token: String = client
        .post(format!("{}/rest/V1/integration/admin/token", server.base))
        .json(&serde_json::json!({"username": "admin", "password": "admin123"}))
        .send()
        .await
        .expect("token request")
        .json()
        .await
        .expect("a token");
    // The `self` routes' token (tests/schemathesis.toml): the seed's customer.
    let customer_token: String = client
        .post(format!(
            "{}/rest/V1/integration/customer/token",
            server.base
        ))
        .json(&serde_json::json!({"username": "jdoe@example.com", "password": "Password1"}))
        .send()
        .await
        .expect("customer token request")
        .json()
        .await
        .expect("a customer token");
    let schema = client
        .get(format!("{}/rest/all/schema?services=all", server.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("schema request")
        .text()
        .await
        .expect("the schema");
    let schema_path = dir.path().join("schema.json");
    std::fs::write(&schema_path, schema).expect("write the schema");
    let report = Path::new(env!("CARGO_TARGET_TMPDIR")).join("schemathesis.log");
    let started = Instant::now();
    let out = tokio::time::timeout(
        Duration::from_secs(420),
        Command::new(program())
            .current_dir(dir.path())
            .arg("--config-file")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG))
            .arg("run")
            .arg(&schema_path)
            .args(["--url", &format!("{}/rest/all", server.base)])
            .args(["--header", &format!("Authorization: Bearer {token}")])
            .args(["--checks", "not_a_server_error,response_schema_conformance"])
            .args(["--max-examples", MAX_EXAMPLES])
            .args(["--max-time", MAX_TIME])
            .args(["--seed", "11"])
            .args(["--workers", "2"])
            .args(["--phases", "examples,coverage,fuzzing"])
            .args(["--generation-database", "none"])
            .args(["--request-timeout", "30"])
            .env("NO_COLOR", "1")
            .env("MAGEMU_CUSTOMER_TOKEN", &customer_token)
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("schemathesis finishes within 7 minutes")
    .expect("run schemathesis");
    let took = started.elapsed();
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::write(&report, &output);
    if !out.status.success() {
        let mut log = Vec::new();
        while let Ok(line) = server.lines.try_recv() {
            log.push(line);
        }
        let tail: String = output
            .lines()
            .rev()
            .take(200)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n");
        panic!(
            "{version} failed ({}); whole run in {}:\n{tail}\nserver log:\n{}",
            out.status,
            report.display(),
            log.join("\n")
        );
    }
    println!("{version}: no server error, no reply off the schema, in {took:.1?}");
}
