//! Durable before seen: the writer's group commits end without waiting for their fsync, and no
//! response leaves the server before every commit it could have seen is on disk.
//!
//! At `synchronous = FULL` SQLite syncs the WAL inside `COMMIT`, so the writer thread, which
//! runs every write use case one after the other, sat idle for each group commit's fsync before
//! it could start the next group. Now the writer commits its groups at `NORMAL` (in WAL mode:
//! the frames are written, not synced; checkpoints still sync the WAL first and the database
//! file after) and hands the commit to a thread of its own that syncs the WAL file (what FULL
//! does at the end of `COMMIT`: one `fdatasync`), while the writer goes on with the next group.
//!
//! What a client can observe stays what FULL gives, through one rule at the HTTP edge
//! ([`Durability::fence`], run on every response before it is sent):
//! - the writer *seals* a commit (a number, [`Durability::seal`]) before its `COMMIT` can make
//!   anything visible to a reader;
//! - when a handler has built its response, everything it read came from commits sealed by now;
//!   the response waits until the sync thread has synced at least up to the latest seal.
//!
//! So a write is acknowledged only once it is on disk (as with FULL), and no read, list, error
//! or cached document shows data a power cut could still take back (PostgreSQL, and MySQL with
//! its binary log, likewise make a commit visible only once it is flushed). A use case of a
//! later group may read an unsynced commit inside the writer, but its own commit comes after
//! it in the same WAL, which is synced as a prefix, so it cannot outlive what it read. A killed
//! process loses nothing either way: the frames are in the operating system's cache. Every
//! other commit on the write connection (start-up seeding, the control API's exclusive jobs)
//! stays at FULL.
//!
//! When the sync fails the process stops: the commits it covered are already visible to the
//! next transactions and cannot be taken back, and after a failed fsync Linux may drop the
//! dirty pages and report the next fsync clean (PostgreSQL stops for the same reason). SQLite
//! recovers the file at the next start from what reached the disk; nothing acknowledged is
//! missing from it.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;

use tokio::sync::watch;

/// How a commit is made durable: the sync thread's one job.
pub type SyncJob = Box<dyn FnMut() -> io::Result<()> + Send>;

/// The seals, the sync thread and what it has synced (see the module documentation).
#[derive(Debug)]
pub struct Durability {
    /// The latest commit sealed (0: none yet).
    sealed: AtomicU64,
    /// The latest commit known on disk.
    durable: watch::Receiver<u64>,
    /// Commits whose `COMMIT` has returned, to sync (sent when their [`Seal`] drops).
    committed: mpsc::Sender<u64>,
    /// Held by the sync thread during each sync; [`Durability::pause_syncs`] holds it instead.
    gate: Arc<tokio::sync::Mutex<()>>,
}

impl Durability {
    /// Starts the sync thread for the database whose WAL file is `wal` (the name SQLite gives
    /// it; `None`: nothing to sync, such as an in-memory database).
    pub fn start(wal: Option<PathBuf>) -> io::Result<Arc<Durability>> {
        let mut file = wal.map(WalFile::new);
        Durability::start_with(Box::new(move || match &mut file {
            Some(file) => file.sync(),
            None => Ok(()),
        }))
    }

    /// Starts the sync thread with `sync` as its job (tests count and hold the syncs).
    pub fn start_with(mut sync: SyncJob) -> io::Result<Arc<Durability>> {
        let (committed, queue) = mpsc::channel::<u64>();
        let (synced, durable) = watch::channel(0u64);
        let gate = Arc::new(tokio::sync::Mutex::new(()));
        let open = gate.clone();
        std::thread::Builder::new()
            .name("magemu-sync".into())
            .spawn(move || {
                while let Ok(mut upto) = queue.recv() {
                    let _open = open.blocking_lock();
                    // Every commit that returned meanwhile is covered by the same sync.
                    while let Ok(later) = queue.try_recv() {
                        upto = upto.max(later);
                    }
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(&mut sync))
                        .unwrap_or_else(|_| Err(io::Error::other("the sync panicked")));
                    if let Err(e) = result {
                        stop(&e);
                    }
                    synced.send_if_modified(|durable| {
                        let moved = upto > *durable;
                        *durable = (*durable).max(upto);
                        moved
                    });
                }
            })?;
        Ok(Arc::new(Durability {
            sealed: AtomicU64::new(0),
            durable,
            committed,
            gate,
        }))
    }

    /// Holds every sync until the returned guard drops (once a sync under way has ended): for
    /// tests that show a response waiting for the sync of what it may have seen.
    pub async fn pause_syncs(&self) -> tokio::sync::OwnedMutexGuard<()> {
        self.gate.clone().lock_owned().await
    }

    /// Seals the next commit, before its `COMMIT` runs: from now on a response waits for it.
    /// The commit is handed to the sync thread when the returned seal is dropped, after the
    /// `COMMIT` has returned (whatever it gave, or if it panicked).
    pub fn seal(&self) -> Seal<'_> {
        Seal {
            durability: self,
            n: self.sealed.fetch_add(1, Ordering::SeqCst) + 1,
        }
    }

    /// Waits until every commit sealed so far is on disk. At once when nothing is being
    /// committed.
    pub async fn fence(&self) {
        let sealed = self.sealed.load(Ordering::SeqCst);
        if self.durable() >= sealed {
            return;
        }
        let mut durable = self.durable.clone();
        // An error means the sync thread is gone, which it is only when the process ends
        // (a failed or panicking sync stops the process).
        let _ = durable.wait_for(|d| *d >= sealed).await;
    }

    /// The latest commit known on disk.
    pub fn durable(&self) -> u64 {
        *self.durable.borrow()
    }
}

/// A sealed commit (see [`Durability::seal`]): dropping it hands the commit to the sync thread.
#[derive(Debug)]
pub struct Seal<'a> {
    durability: &'a Durability,
    n: u64,
}

impl Seal<'_> {
    /// The commit's number (the unit tests wait for it).
    #[cfg(test)]
    fn number(&self) -> u64 {
        self.n
    }
}

impl Drop for Seal<'_> {
    fn drop(&mut self) {
        // The sync thread ends only with the process.
        let _ = self.durability.committed.send(self.n);
    }
}

/// Stops the process after a failed sync of the WAL (see the module documentation).
fn stop(e: &io::Error) -> ! {
    tracing::error!(
        error = %e,
        "cannot sync the WAL: stopping, so that no commit it holds is acknowledged (SQLite \
         recovers the file at the next start)"
    );
    eprintln!("magemu: cannot sync the WAL ({e}); stopping");
    std::process::exit(74)
}

/// The WAL file, kept open between syncs: a write-back error is reported to every descriptor
/// that was open when it happened, while one opened afterwards may not hear of an error
/// SQLite's own descriptor already consumed. It is opened again when the file at the path is
/// another one (SQLite removes the WAL when the last connection closes, and makes it again).
struct WalFile {
    path: PathBuf,
    open: Option<(std::fs::File, (u64, u64))>,
}

impl WalFile {
    fn new(path: PathBuf) -> WalFile {
        WalFile { path, open: None }
    }

    /// Syncs the data of the WAL (`fdatasync`, as SQLite syncs it at FULL). A missing WAL
    /// holds no commit: SQLite removes it only after checkpointing it into the database file
    /// and syncing that.
    fn sync(&mut self) -> io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        let identity = match std::fs::metadata(&self.path) {
            Ok(meta) => (meta.dev(), meta.ino()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.open = None;
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let file = match self.open.take() {
            Some((file, known)) if known == identity => file,
            _ => match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&self.path)
            {
                Ok(file) => file,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
                Err(e) => return Err(e),
            },
        };
        let synced = file.sync_data();
        self.open = Some((file, identity));
        synced
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    /// A sync that waits for one go-ahead of the test each time (each `()` sent on the
    /// returned sender lets one sync through) and counts the syncs it made.
    fn held_sync() -> (SyncJob, mpsc::Sender<()>, Arc<AtomicUsize>) {
        let (go, wait) = mpsc::channel::<()>();
        let count = Arc::new(AtomicUsize::new(0));
        let c = count.clone();
        let sync: SyncJob = Box::new(move || {
            let _ = wait.recv();
            c.fetch_add(1, Ordering::SeqCst);
            Ok(())
        });
        (sync, go, count)
    }

    #[tokio::test]
    async fn a_fence_waits_for_the_sync_of_every_sealed_commit() {
        let (sync, go, count) = held_sync();
        let durability = Durability::start_with(sync).unwrap();
        // Nothing sealed: no wait.
        tokio::time::timeout(Duration::from_secs(5), durability.fence())
            .await
            .unwrap();

        let n = durability.seal().number();
        let fence = tokio::spawn({
            let d = durability.clone();
            async move { d.fence().await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(
            !fence.is_finished(),
            "answered before the commit was synced"
        );
        assert_eq!(durability.durable(), 0);
        go.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), fence)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(durability.durable(), n);
        assert_eq!(count.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_seal_whose_commit_has_not_returned_holds_the_fence() {
        let (sync, go, count) = held_sync();
        let durability = Durability::start_with(sync).unwrap();
        go.send(()).unwrap();
        let seal = durability.seal();
        let fence = tokio::spawn({
            let d = durability.clone();
            async move { d.fence().await }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!fence.is_finished(), "answered before the COMMIT returned");
        assert_eq!(count.load(Ordering::SeqCst), 0);
        drop(seal);
        tokio::time::timeout(Duration::from_secs(5), fence)
            .await
            .unwrap()
            .unwrap();
    }

    #[tokio::test]
    async fn commits_that_return_together_share_one_sync() {
        let (sync, go, count) = held_sync();
        let durability = Durability::start_with(sync).unwrap();
        // The first sync is under way (waiting for its go-ahead); three more commits return
        // meanwhile.
        drop(durability.seal());
        tokio::time::sleep(Duration::from_millis(20)).await;
        for _ in 0..3 {
            drop(durability.seal());
        }
        go.send(()).unwrap();
        go.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), durability.fence())
            .await
            .unwrap();
        assert_eq!(durability.durable(), 4);
        assert_eq!(
            count.load(Ordering::SeqCst),
            2,
            "one sync for the three later commits"
        );
    }

    #[test]
    fn the_wal_is_synced_through_one_descriptor_until_it_is_another_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db-wal");
        let mut wal = WalFile::new(path.clone());
        // No WAL: nothing to sync.
        assert!(wal.sync().is_ok());
        assert!(wal.open.is_none());
        std::fs::write(&path, b"frames").unwrap();
        wal.sync().unwrap();
        let first = wal.open.as_ref().map(|(_, id)| *id).unwrap();
        wal.sync().unwrap();
        assert_eq!(wal.open.as_ref().map(|(_, id)| *id), Some(first));
        // Removed and made again: the new file is opened (the descriptor held keeps the old
        // file's inode from being given to the new one).
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"frames again").unwrap();
        wal.sync().unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            wal.open.as_ref().map(|(_, id)| *id),
            Some((meta.dev(), meta.ino()))
        );
        std::fs::remove_file(&path).unwrap();
        assert!(wal.sync().is_ok());
        assert!(wal.open.is_none());
    }
}
