//! The `magemu` binary itself: configuration from flags and the environment, running from any
//! folder, a relative and an absolute database URL, and a clean stop on SIGTERM.
#![cfg(unix)]

use std::path::Path;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

/// A started binary: its base URL and every log line it printed so far.
struct Running {
    child: Child,
    base: String,
    lines: mpsc::UnboundedReceiver<String>,
    log: Vec<String>,
}

/// Starts the binary in `cwd` with `args` and `envs` (and only those `MAGEMU_*` variables) and
/// waits for the "listening on" line, which gives the address it bound.
async fn start(cwd: &Path, args: &[&str], envs: &[(&str, &str)]) -> Running {
    let mut command = Command::new(env!("CARGO_BIN_EXE_magemu"));
    command
        .current_dir(cwd)
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("MAGEMU_LISTEN")
        .env_remove("MAGEMU_SEED")
        .env_remove("MAGEMU_ADMIN_USERNAME")
        .env_remove("MAGEMU_ADMIN_PASSWORD")
        .env_remove("MAGEMU_ADMIN_TOKEN_LIFETIME")
        .env("RUST_LOG", "magemu=info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (k, v) in envs {
        command.env(k, v);
    }
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
    let mut log = Vec::new();
    let base = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            let line = lines.recv().await.expect("magemu exited before listening");
            let found = line
                .split_once("listening on ")
                .map(|(_, url)| url.trim().to_owned());
            log.push(line);
            if let Some(url) = found {
                return url;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("no 'listening on' line in 30 s: {log:?}"));
    assert!(
        log.iter().all(|l| !l.contains('\u{1b}')),
        "logs to a pipe are plain text: {log:?}"
    );
    Running {
        child,
        base,
        lines,
        log,
    }
}

impl Running {
    async fn token(&self, password: &str) -> reqwest::Response {
        reqwest::Client::new()
            .post(format!("{}/rest/V1/integration/admin/token", self.base))
            .json(&json!({"username": "admin", "password": password}))
            .send()
            .await
            .expect("token request")
    }

    async fn admin_token(&self, password: &str) -> String {
        let reply = self.token(password).await;
        assert_eq!(reply.status(), 200);
        reply.json::<String>().await.expect("token string")
    }

    async fn get(&self, token: &str, path: &str) -> (u16, Value) {
        let reply = reqwest::Client::new()
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET");
        (reply.status().as_u16(), reply.json().await.expect("JSON"))
    }

    /// Sends SIGTERM and waits for the process to end; returns its status and whole log.
    async fn terminate(mut self) -> (ExitStatus, Vec<String>) {
        let pid = self.child.id().expect("pid").to_string();
        let killed = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .await
            .expect("kill");
        assert!(killed.success());
        let status = tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("magemu stops within 30 s of SIGTERM")
            .expect("wait");
        while let Some(line) = self.lines.recv().await {
            self.log.push(line);
        }
        (status, self.log)
    }
}

#[tokio::test]
async fn runs_from_any_folder_reads_the_environment_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A relative database URL, resolved against the folder the binary runs in; configuration
    // from the environment only.
    let app = start(
        dir.path(),
        &[],
        &[
            ("MAGEMU_LISTEN", "127.0.0.1:0"),
            ("DATABASE_URL", "sqlite://emulator.db"),
            ("MAGEMU_ADMIN_PASSWORD", "s3cret-Pass"),
        ],
    )
    .await;
    assert_eq!(app.token("admin123").await.status(), 401);
    let token = app.admin_token("s3cret-Pass").await;

    // The tutorial seed was loaded (the binary carries it), so step 10 works as documented.
    let reply = reqwest::Client::new()
        .post(format!("{}/rest/default/V1/order/3/invoice", app.base))
        .bearer_auth(&token)
        .json(&json!({"capture": true, "notify": true}))
        .send()
        .await
        .expect("invoice");
    assert_eq!(reply.status(), 200);
    assert_eq!(reply.json::<Value>().await.expect("JSON"), json!("3"));

    let (status, log) = app.terminate().await;
    assert!(status.success(), "exit status {status:?}; log: {log:?}");
    assert!(log.iter().any(|l| l.contains("shutting down")), "{log:?}");
    assert!(log.iter().any(|l| l.contains("magemu stopped")), "{log:?}");
    let db = dir.path().join("emulator.db");
    assert!(db.exists(), "the database is created in the working folder");
    // A closed SQLite database in WAL mode checkpoints and removes its -wal file.
    assert!(
        !dir.path().join("emulator.db-wal").exists(),
        "the -wal file is left; log: {log:?}"
    );

    // Again, from another folder, with flags and an absolute URL to the same file: the state is
    // there and the seed is not loaded a second time.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", db.display());
    let app = start(
        elsewhere.path(),
        &["--listen", "127.0.0.1:0", "--database-url", &url],
        &[],
    )
    .await;
    let token = app.admin_token("admin123").await;
    let (status, invoice) = app.get(&token, "/rest/all/V1/invoices/3").await;
    assert_eq!(status, 200);
    assert_eq!(invoice["grand_total"], json!(1917.6));
    let (_, order) = app.get(&token, "/rest/V1/orders/3").await;
    assert_eq!(order["state"], json!("processing"));
    assert_eq!(order["total_paid"], json!(1917.6));
    let (status, log) = app.terminate().await;
    assert!(status.success());
    assert!(!elsewhere.path().join("magemu.db").exists());
    // The log says so: the data was kept, nothing was seeded into it.
    assert!(
        log.iter()
            .any(|l| l.contains("the database holds data: kept as it is")),
        "{log:?}"
    );
    assert!(!log.iter().any(|l| l.contains("seeded")), "{log:?}");
}

/// The control folders (`magemu-control-<pid>-<n>` and its `.lock`) in `temp`.
fn control_folders(temp: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(temp)
        .expect("read temp")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("magemu-control-"))
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_server_killed_with_sigkill_leaves_no_folder_behind_once_another_starts() {
    // The server's temporary folder (seed image, snapshots) is its own TMPDIR here.
    let temp = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let tmpdir = temp.path().to_str().expect("utf-8 path");
    let envs = [("MAGEMU_LISTEN", "127.0.0.1:0"), ("TMPDIR", tmpdir)];
    let mut killed = start(data.path(), &[], &envs).await;
    let pid = killed.child.id().expect("pid");
    let own = [
        format!("magemu-control-{pid}-0"),
        format!("magemu-control-{pid}-0.lock"),
    ];
    assert_eq!(control_folders(temp.path()), own);
    killed.child.kill().await.expect("SIGKILL");
    // Dead without its Drop: the folder stays until a server starts.
    assert_eq!(control_folders(temp.path()), own);

    let next = start(data.path(), &[], &envs).await;
    let next_pid = next.child.id().expect("pid");
    assert_eq!(
        control_folders(temp.path()),
        [
            format!("magemu-control-{next_pid}-0"),
            format!("magemu-control-{next_pid}-0.lock"),
        ]
    );
    // SIGTERM right after the "listening" line stops it cleanly (the handlers are installed
    // before that line is printed), and the folder goes with it.
    let (status, log) = next.terminate().await;
    assert!(status.success(), "{status:?} {log:?}");
    assert_eq!(control_folders(temp.path()), Vec::<String>::new());
}

#[tokio::test]
async fn seed_none_and_the_token_lifetime_come_from_flags() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = start(
        dir.path(),
        &[
            "--listen",
            "127.0.0.1:0",
            "--seed",
            "none",
            "--admin-username",
            "integrator",
            "--admin-token-lifetime-hours",
            "1",
        ],
        &[],
    )
    .await;
    let reply = reqwest::Client::new()
        .post(format!("{}/rest/V1/integration/admin/token", app.base))
        .json(&json!({"username": "integrator", "password": "admin123"}))
        .send()
        .await
        .expect("token");
    assert_eq!(reply.status(), 200);
    let token: String = reply.json().await.expect("token");
    let (status, body) = app.get(&token, "/rest/V1/orders/3").await;
    assert_eq!(status, 404, "no tutorial order with --seed none: {body}");
    let (status, _) = app.terminate().await;
    assert!(status.success());
    let db = dir.path().join("magemu.db");
    assert!(db.exists(), "the default URL");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("open the database");
    let (username, lifetime): (String, i64) =
        sqlx::query_as("SELECT username, expires_at - created_at FROM oauth_token WHERE token = ?")
            .bind(&token)
            .fetch_one(&pool)
            .await
            .expect("the token is stored");
    assert_eq!((username.as_str(), lifetime), ("integrator", 3600));
    pool.close().await;
}

#[tokio::test]
async fn a_bad_flag_is_refused_before_anything_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_magemu"))
        .current_dir(dir.path())
        .args(["--seed", "everything"])
        .output()
        .await
        .expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--seed"), "{stderr}");
    assert!(
        !dir.path().join("magemu.db").exists(),
        "nothing was created"
    );
}
