//! The control API's state and use cases (served under `/magemu/` by `http::control`): health,
//! reset to the seed, named snapshots, the request journal, fault injection, the clock and the
//! mail outbox.
//!
//! Nothing here is Magento's: it is what test suites need from an emulator (LocalStack's health
//! and reset, WireMock's journal and faults, DDEV's snapshots, Mailpit's list of mails). Reset
//! and snapshots are database images (`db::image`): the seed's image is made once at start (by
//! `state`, which seeds), in a temporary folder that also holds the snapshots and goes away with
//! the server (or, when it was killed, with the next server's start: [`sweep_stale_folders`]).
//! The outbox is a table, so reset empties it and a snapshot brings back the mails it held. The
//! clock (`crate::clock`, in `AppState`) is a setting of the test run, not a part of the world:
//! reset and snapshots leave it as it is (a suite that fixed the time keeps it across resets;
//! `DELETE /magemu/clock` goes back to real time).

pub mod admin;
pub mod client;
pub mod config;
pub mod faults;
pub mod journal;
pub mod next_ids;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::clock::{self, Clock, ClockError};
use crate::config::Seed;
use crate::db::outbox::{self, Filter, Mail};
use crate::db::{self, image, Db};

/// A saved snapshot, as listed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SnapshotInfo {
    pub name: String,
    pub created_at: String,
    pub bytes: u64,
}

/// Why a control call failed.
#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("Snapshot names are 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'.")]
    BadName,
    #[error("Snapshot \"{0}\" does not exist.")]
    NoSnapshot(String),
    /// A request the control API refuses, with what to say.
    #[error("{0}")]
    Refused(String),
    #[error("Give one of \"time\", \"offset_seconds\" or \"advance_seconds\".")]
    ClockChange,
    #[error(transparent)]
    Clock(#[from] ClockError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// How many snapshots a server keeps at most (each is a whole copy of the database).
pub const MAX_SNAPSHOTS: usize = 100;

/// The control API's state: the images folder, the snapshots, the journal and the fault rules.
#[derive(Debug)]
pub struct Control {
    pub started: Instant,
    pub seed: Seed,
    dir: PathBuf,
    /// Held across every snapshot's file work (save, restore, delete), so two calls on one
    /// name never meet half-way (two saves of one name shared a `.partial` file: one answered
    /// 500).
    files: tokio::sync::Mutex<()>,
    /// The snapshots by name, each lock brief: health and the list read it while a save of a
    /// large world runs.
    snapshots: Mutex<BTreeMap<String, SnapshotInfo>>,
    pub journal: journal::Journal,
    pub faults: faults::Faults,
    /// Which world the database holds: counted up by every reset and snapshot restore, which
    /// hold it for writing while they swap the database. Work begun in one world and carried on
    /// after its request answered (a bulk's operations) holds it for reading around each step
    /// and stops when the count moved: it never writes into the world that replaced its own.
    world: tokio::sync::RwLock<u64>,
    /// `<dir>.lock`, held only for its lock, which lasts as long as this server (see
    /// [`sweep_stale_folders`]) and is released when the file is dropped.
    _owner: File,
}

impl Drop for Control {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        // The lock goes with `_owner`, after the files.
        let _ = std::fs::remove_file(lock_path(&self.dir));
    }
}

/// What the images folders of this process and of earlier ones are called in the temporary
/// folder: `magemu-control-<process id>-<n>`, each beside its `.lock` file.
const FOLDER_PREFIX: &str = "magemu-control-";

fn lock_path(dir: &Path) -> PathBuf {
    let mut name = dir.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Creates the file at `path`, replacing whatever is there, without following a link in its
/// place: the name is guessable (a process id) and the temporary folder may be shared.
fn create_new(path: &Path) -> std::io::Result<File> {
    let open = || File::options().write(true).create_new(true).open(path);
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            open()
        }
        other => other,
    }
}

/// The lock file at `path`, created and locked for this server. Another server's sweep
/// ([`sweep_stale_folders`]) can see the file between its creation and its lock: it then takes
/// the lock itself for a moment and removes the file. So the lock is waited for (the sweep
/// holds it only while it removes), and the file is made again when the one locked is no
/// longer the one at `path`. (A `try_lock` here failed a server starting beside another one:
/// the test suite's parallel starts did, about once in ten runs.)
fn locked_owner(path: &Path) -> std::io::Result<File> {
    loop {
        let owner = create_new(path)?;
        if lock_if_still_at(&owner, path)? {
            return Ok(owner);
        }
    }
}

/// Locks `file` (waiting for a sweep holding it) and says whether it is still at `path`.
fn lock_if_still_at(file: &File, path: &Path) -> std::io::Result<bool> {
    file.lock()?;
    Ok(still_at(file, path))
}

/// Whether `file` is the file at `path` (not one removed from it since it was opened).
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Removes the images folders of servers that are gone without removing their own: a server
/// killed with SIGKILL (by a test harness, a CI job's timeout, the OOM killer) never runs its
/// `Drop`, and its folder (the seed's image, every snapshot: gigabytes on a generated world)
/// stayed in the temporary folder for good. A live server holds an exclusive lock on its
/// folder's `.lock` file, which the kernel releases when the process dies however it dies; a
/// folder whose lock can be taken has no owner. Locks rather than process ids: two containers
/// sharing a temporary folder do not see each other's processes. Folders without a `.lock` file
/// (of a server just creating one, or of versions before the lock) are left alone.
pub(crate) fn sweep_stale_folders(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(folder) = name
            .strip_prefix(FOLDER_PREFIX)
            .and_then(|rest| rest.strip_suffix(".lock"))
            .map(|id| temp.join(format!("{FOLDER_PREFIX}{id}")))
        else {
            continue;
        };
        let Ok(lock) = File::options().write(true).open(entry.path()) else {
            continue;
        };
        // Locked and still the file at that name: a server that started meanwhile under the
        // same name (a reused process id) made a new lock file, which this one is not.
        if lock.try_lock().is_ok() && still_at(&lock, &entry.path()) {
            let _ = std::fs::remove_dir_all(&folder);
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Control {
    /// The control state, with an empty folder for its images (see [`Control::keep_seed_image`]).
    pub fn open(seed: Seed) -> Result<Control, ControlError> {
        static FOLDERS: AtomicU64 = AtomicU64::new(0);
        let temp = std::env::temp_dir();
        sweep_stale_folders(&temp);
        let dir = temp.join(format!(
            "{FOLDER_PREFIX}{}-{}",
            std::process::id(),
            FOLDERS.fetch_add(1, Ordering::Relaxed)
        ));
        // The lock first, then the folder: a sweep never sees a folder of a live server without
        // its lock held.
        let owner = locked_owner(&lock_path(&dir))?;
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snapshots"))?;
        Ok(Control {
            started: Instant::now(),
            seed,
            dir,
            files: Default::default(),
            snapshots: Default::default(),
            journal: journal::Journal::default(),
            faults: faults::Faults::default(),
            world: tokio::sync::RwLock::new(0),
            _owner: owner,
        })
    }

    /// Where to build the seed in a database of its own, when the live one holds data of
    /// earlier runs (which a reset drops).
    pub fn scratch_url(&self) -> String {
        format!("sqlite://{}", self.dir.join("seed-build.db").display())
    }

    /// Keeps `db`, just seeded, as the image a reset goes back to.
    pub async fn keep_seed_image(&self, db: &Db) -> Result<(), ControlError> {
        Ok(save(db, self.pristine()).await?)
    }

    fn pristine(&self) -> PathBuf {
        self.dir.join("seed.db")
    }

    fn snapshot_path(&self, name: &str) -> PathBuf {
        self.dir.join("snapshots").join(format!("{name}.db"))
    }

    /// Which world the database holds, held until the guard goes (see [`Control::world`]'s
    /// field): a reset or restore waits for it.
    pub async fn world(&self) -> tokio::sync::RwLockReadGuard<'_, u64> {
        self.world.read().await
    }

    /// Replaces the world from the image at `path`, counting a new world even when the restore
    /// failed half-way.
    async fn replace_world(&self, db: &Db, path: PathBuf) -> Result<(), ControlError> {
        let mut world = self.world.write().await;
        let restored = restore(db, path).await;
        *world += 1;
        Ok(restored?)
    }

    /// Sets the database back to the seed, ids included; returns how long it took.
    pub async fn reset(&self, db: &Db) -> Result<Duration, ControlError> {
        let started = Instant::now();
        self.replace_world(db, self.pristine()).await?;
        Ok(started.elapsed())
    }

    /// Saves the live database as `name` (replacing a snapshot of that name).
    pub async fn save_snapshot(
        &self,
        db: &Db,
        name: &str,
    ) -> Result<(SnapshotInfo, Duration), ControlError> {
        check_name(name)?;
        let _files = self.files.lock().await;
        let (count, replaces) = self
            .snapshots
            .lock()
            .map(|s| (s.len(), s.contains_key(name)))
            .unwrap_or((0, false));
        if count >= MAX_SNAPSHOTS && !replaces {
            return Err(ControlError::Refused(format!(
                "magemu keeps at most {MAX_SNAPSHOTS} snapshots: delete one first."
            )));
        }
        let started = Instant::now();
        let path = self.snapshot_path(name);
        let partial = self.dir.join("snapshots").join(format!(".{name}.partial"));
        let _ = std::fs::remove_file(&partial);
        save(db, partial.clone()).await?;
        std::fs::rename(&partial, &path)?;
        let took = started.elapsed();
        let info = SnapshotInfo {
            name: name.to_owned(),
            // By the emulated clock (the caller's request runs in it), like the world's stamps.
            created_at: db::now_timestamp(),
            bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
        };
        if let Ok(mut snapshots) = self.snapshots.lock() {
            snapshots.insert(name.to_owned(), info.clone());
        }
        Ok((info, took))
    }

    /// The snapshots, by name.
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        self.snapshots
            .lock()
            .map(|s| s.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Sets the database back to the snapshot `name`; returns how long it took.
    pub async fn restore_snapshot(&self, db: &Db, name: &str) -> Result<Duration, ControlError> {
        let _files = self.files.lock().await;
        self.known(name)?;
        let started = Instant::now();
        self.replace_world(db, self.snapshot_path(name)).await?;
        Ok(started.elapsed())
    }

    /// Forgets the snapshot `name`.
    pub async fn delete_snapshot(&self, name: &str) -> Result<(), ControlError> {
        let _files = self.files.lock().await;
        self.known(name)?;
        if let Ok(mut snapshots) = self.snapshots.lock() {
            snapshots.remove(name);
        }
        let _ = std::fs::remove_file(self.snapshot_path(name));
        Ok(())
    }

    fn known(&self, name: &str) -> Result<(), ControlError> {
        let known = self
            .snapshots
            .lock()
            .map(|s| s.contains_key(name))
            .unwrap_or(false);
        if known {
            Ok(())
        } else {
            Err(ControlError::NoSnapshot(name.to_owned()))
        }
    }
}

/// A snapshot name doubles as a file name: kept to a safe alphabet.
fn check_name(name: &str) -> Result<(), ControlError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(ControlError::BadName)
    }
}

async fn save(db: &Db, path: PathBuf) -> Result<(), sqlx::Error> {
    db.writer
        .exclusive(move |conn| Box::pin(async move { image::save(conn, &path).await }))
        .await
}

async fn restore(db: &Db, path: PathBuf) -> Result<(), sqlx::Error> {
    db.writer
        .exclusive(move |conn| Box::pin(async move { image::restore(conn, &path).await }))
        .await
}

/// A change of the clock, as `PUT /magemu/clock` takes it: exactly one of the three.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockChange {
    /// Stop the clock at this time (`YYYY-MM-DD HH:MM:SS` UTC, or RFC 3339).
    pub time: Option<String>,
    /// Run the clock this many seconds away from real time.
    pub offset_seconds: Option<i64>,
    /// Move the clock this many seconds forward.
    pub advance_seconds: Option<i64>,
}

/// Applies `change` to `clock`; a refused change leaves the clock as it was.
pub fn change_clock(clock: &Clock, change: ClockChange) -> Result<(), ControlError> {
    match (change.time, change.offset_seconds, change.advance_seconds) {
        (Some(time), None, None) => clock.set_fixed(clock::parse_time(&time)?)?,
        (None, Some(seconds), None) => clock.set_offset(seconds)?,
        (None, None, Some(seconds)) => clock.advance(seconds)?,
        _ => return Err(ControlError::ClockChange),
    }
    Ok(())
}

/// An e-mail of the outbox, as listed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OutboxMail {
    pub id: i64,
    /// When it was sent, by the emulated clock.
    pub time: String,
    pub template: String,
    pub to: String,
    pub name: Option<String>,
    pub store_id: Option<i64>,
    pub entity_type: String,
    pub entity_id: i64,
    pub increment_id: Option<String>,
    pub order_id: Option<i64>,
    pub comment: Option<String>,
    /// The link the e-mail carries (the password reset e-mail's), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl From<Mail> for OutboxMail {
    fn from(m: Mail) -> Self {
        OutboxMail {
            id: m.mail_id,
            time: m.created_at,
            template: m.template_id,
            to: m.to_email,
            name: m.to_name,
            store_id: m.store_id,
            entity_type: m.entity_type,
            entity_id: m.entity_id,
            increment_id: m.increment_id,
            order_id: m.order_id,
            comment: m.comment,
            link: m.link,
        }
    }
}

/// The e-mails matching `filter`, oldest first.
pub async fn outbox(db: &Db, filter: &Filter) -> Result<Vec<OutboxMail>, ControlError> {
    let mut conn = db.read.acquire().await?;
    let mails = outbox::list(&mut conn, filter).await?;
    Ok(mails.into_iter().map(OutboxMail::from).collect())
}

/// Empties the outbox.
pub async fn clear_outbox(db: &Db) -> Result<(), ControlError> {
    db.writer
        .write(|conn| Box::pin(async move { outbox::clear(conn).await }))
        .await?;
    Ok(())
}

/// The counts `GET /magemu/health` shows: (name, table).
pub const COUNTED: [(&str, &str); 7] = [
    ("orders", "sales_order"),
    ("invoices", "sales_invoice"),
    ("shipments", "sales_shipment"),
    ("creditmemos", "sales_creditmemo"),
    ("products", "catalog_product_entity"),
    ("customers", "customer_entity"),
    ("sources", "inventory_source"),
];

/// How many rows each of the main entities has, read in one snapshot.
pub async fn counts(db: &Db) -> Result<BTreeMap<&'static str, i64>, sqlx::Error> {
    let sql = COUNTED
        .iter()
        .map(|(_, table)| format!("(SELECT COUNT(*) FROM {table})"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut conn = db.read.acquire().await?;
    let row = sqlx::query(&format!("SELECT {sql}"))
        .fetch_one(&mut *conn)
        .await?;
    let mut counts = BTreeMap::new();
    for (i, (name, _)) in COUNTED.iter().enumerate() {
        counts.insert(*name, sqlx::Row::try_get::<i64, _>(&row, i)?);
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sweep that opens a new server's lock file before the server locks it, locks it and
    /// removes it: the server waits for the lock, sees its file gone and makes a new one (it
    /// answered "locked by another process" and did not start).
    #[test]
    fn a_lock_file_swept_before_it_was_locked_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let created = create_new(&path).unwrap();
        let sweeper = File::options().write(true).open(&path).unwrap();
        sweeper.try_lock().unwrap();
        let swept = path.clone();
        let sweep = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            std::fs::remove_file(&swept).unwrap();
            drop(sweeper);
        });
        assert!(
            !lock_if_still_at(&created, &path).unwrap(),
            "waited, and found it gone"
        );
        sweep.join().unwrap();
        let owner = locked_owner(&path).unwrap();
        assert!(still_at(&owner, &path));
        let other = File::options().write(true).open(&path).unwrap();
        assert!(other.try_lock().is_err(), "the file at the path is locked");
    }

    #[test]
    fn snapshot_names_are_file_safe() {
        for good in ["a", "before-invoice", "step_10.2", &"x".repeat(64)] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in ["", ".hidden", "../etc", "a/b", "a b", "é", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_replaces_a_link_in_its_place_without_following_it() {
        let temp = tempfile::tempdir().unwrap();
        let target = temp.path().join("precious");
        std::fs::write(&target, b"keep me").unwrap();
        let path = temp.path().join("magemu-control-1-0.lock");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        create_new(&path).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"keep me");
        assert!(std::fs::symlink_metadata(&path).unwrap().is_file());
    }

    #[test]
    fn a_sweep_removes_the_folders_of_servers_that_are_gone_and_only_those() {
        let temp = tempfile::tempdir().unwrap();
        let folder = |id: &str| temp.path().join(format!("{FOLDER_PREFIX}{id}"));
        for id in ["1-0", "2-0", "3-0"] {
            std::fs::create_dir_all(folder(id).join("snapshots")).unwrap();
            std::fs::write(folder(id).join("seed.db"), b"image").unwrap();
        }
        // 1-0: a killed server's (its lock file is there, nobody holds it).
        File::create(lock_path(&folder("1-0"))).unwrap();
        // 2-0: a live server's (the lock is held).
        let live = File::create(lock_path(&folder("2-0"))).unwrap();
        live.try_lock().unwrap();
        // 3-0: no lock file (a server between its lock and its folder, or an older version).
        std::fs::write(temp.path().join("other.lock"), b"").unwrap();

        sweep_stale_folders(temp.path());

        assert!(!folder("1-0").exists());
        assert!(!lock_path(&folder("1-0")).exists());
        assert!(folder("2-0").join("seed.db").exists());
        assert!(lock_path(&folder("2-0")).exists());
        assert!(folder("3-0").join("seed.db").exists());
        assert!(temp.path().join("other.lock").exists());

        // Once the live one is gone (its lock released), the next sweep takes its folder too.
        drop(live);
        sweep_stale_folders(temp.path());
        assert!(!folder("2-0").exists());
        assert!(folder("3-0").exists());
    }
}
