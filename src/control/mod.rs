//! The control API's state and use cases (served under `/magemu/` by `http::control`): health,
//! reset to the seed, named snapshots, the request journal, fault injection, the clock and the
//! mail outbox.
//!
//! Nothing here is Magento's: it is what test suites need from an emulator (LocalStack's health
//! and reset, WireMock's journal and faults, DDEV's snapshots, Mailpit's list of mails). Reset
//! and snapshots are database images (`db::image`): the seed's image is made once at start (by
//! `state`, which seeds), in a temporary folder that also holds the snapshots and goes away with
//! the server. The outbox is a table, so reset empties it and a snapshot brings back the mails
//! it held. The clock (`crate::clock`, in `AppState`) is a setting of the test run, not a part
//! of the world: reset and snapshots leave it as it is (a suite that fixed the time keeps it
//! across resets; `DELETE /magemu/clock` goes back to real time).

pub mod admin;
pub mod client;
pub mod faults;
pub mod journal;
pub mod next_ids;

use std::collections::BTreeMap;
use std::path::PathBuf;
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

/// The control API's state: the images folder, the snapshots, the journal and the fault rules.
#[derive(Debug)]
pub struct Control {
    pub started: Instant,
    pub seed: Seed,
    dir: PathBuf,
    snapshots: Mutex<BTreeMap<String, SnapshotInfo>>,
    pub journal: journal::Journal,
    pub faults: faults::Faults,
}

impl Drop for Control {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Control {
    /// The control state, with an empty folder for its images (see [`Control::keep_seed_image`]).
    pub fn open(seed: Seed) -> Result<Control, ControlError> {
        static FOLDERS: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "magemu-control-{}-{}",
            std::process::id(),
            FOLDERS.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snapshots"))?;
        Ok(Control {
            started: Instant::now(),
            seed,
            dir,
            snapshots: Mutex::default(),
            journal: journal::Journal::default(),
            faults: faults::Faults::default(),
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

    /// Sets the database back to the seed, ids included; returns how long it took.
    pub async fn reset(&self, db: &Db) -> Result<Duration, ControlError> {
        let started = Instant::now();
        restore(db, self.pristine()).await?;
        Ok(started.elapsed())
    }

    /// Saves the live database as `name` (replacing a snapshot of that name).
    pub async fn save_snapshot(
        &self,
        db: &Db,
        name: &str,
    ) -> Result<(SnapshotInfo, Duration), ControlError> {
        check_name(name)?;
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
        self.known(name)?;
        let started = Instant::now();
        restore(db, self.snapshot_path(name)).await?;
        Ok(started.elapsed())
    }

    /// Forgets the snapshot `name`.
    pub fn delete_snapshot(&self, name: &str) -> Result<(), ControlError> {
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

    #[test]
    fn snapshot_names_are_file_safe() {
        for good in ["a", "before-invoice", "step_10.2", &"x".repeat(64)] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in ["", ".hidden", "../etc", "a/b", "a b", "é", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
