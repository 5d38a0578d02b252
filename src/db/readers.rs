//! Read connections for the reads of the sales documents (one by id: an order with its items,
//! addresses, payment and history, an invoice or a credit memo with its items and comments, a
//! shipment with its items, tracks, comments and source; and their lists): a handful of
//! rusqlite connections of our own, each keeping its prepared statements, used right on the
//! request's thread for one document, on a blocking thread for a list.
//!
//! Why not sqlx's read pool, which every other read still uses: sqlx runs each
//! connection on a worker thread and hands every statement, every row and every value across a
//! channel to the caller, copying each value (`sqlite3_value_dup`) on the way. The profile of
//! `GET /V1/orders/{id}` read from the database (load benchmark, world comparison) put that
//! hand-off and those copies at about half the server's CPU per request, SQLite's own work at a
//! sixth. A [`Batch`](crate::db::Batch) of the document's reads run here costs one lock of an
//! idle connection; its statements stay prepared on that connection for the next request.
//!
//! A document's reads run in one read transaction (`BEGIN` ... `COMMIT`): they see one state
//! of the database, never a write committed between the order's row and its items. A list's
//! count, keys and documents run in one too (`db::search::read_documents`).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::OpenFlags;
use tokio::sync::Semaphore;

use crate::db::batch::ReadConn;

/// Most connections open at once: one a core is all that reads faster on two cores, and each
/// holds a page cache.
const MAX_READERS: usize = 2;
/// Statements each connection keeps prepared (a document's reads are a few each).
const KEPT_STATEMENTS: usize = 32;

/// The read connections of one database file.
#[derive(Debug)]
pub struct Readers {
    path: PathBuf,
    /// Whether the file is read through a memory map (see `db::is_large`).
    mapped: bool,
    idle: Mutex<Vec<ReadConn>>,
    permits: Arc<Semaphore>,
}

impl Readers {
    pub fn new(path: PathBuf, mapped: bool) -> Readers {
        Readers {
            path,
            mapped,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(MAX_READERS)),
        }
    }

    /// Runs `read` on an idle connection (opened on first use), once one of the
    /// [`MAX_READERS`] is free. `read` runs on the caller's thread: a document's reads take
    /// a fraction of a millisecond.
    pub async fn read<T>(
        &self,
        read: impl FnOnce(&ReadConn) -> Result<T, sqlx::Error>,
    ) -> Result<T, sqlx::Error> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        self.on_idle(read)
    }

    /// [`Readers::read`] for reads that may take long (a page of a list: every match when the
    /// client asks for no page size): `read` runs on tokio's blocking threads, so the threads
    /// serving other requests go on meanwhile.
    pub async fn read_blocking<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&ReadConn) -> Result<T, sqlx::Error> + Send + 'static,
    ) -> Result<T, sqlx::Error> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let readers = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            readers.on_idle(read)
        })
        .await;
        // A panic in `read` (none is known) reaches the caller as a failed read, a 500.
        result.unwrap_or(Err(sqlx::Error::WorkerCrashed))
    }

    /// `read` on an idle connection, opened when none is; the connection goes back to the idle
    /// ones unless `read` left it inside a transaction (a failed COMMIT).
    fn on_idle<T>(
        &self,
        read: impl FnOnce(&ReadConn) -> Result<T, sqlx::Error>,
    ) -> Result<T, sqlx::Error> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match idle {
            Some(conn) => conn,
            None => self.open().map_err(crate::db::batch::failure)?,
        };
        let result = read(&conn);
        if conn.is_autocommit() {
            if let Ok(mut idle) = self.idle.lock() {
                idle.push(conn);
            }
        }
        result
    }

    fn open(&self) -> rusqlite::Result<ReadConn> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // A mapped file is read through the process's one map of it (`db::mapped`).
        let conn = if self.mapped {
            rusqlite::Connection::open_with_flags_and_vfs(
                &self.path,
                flags,
                crate::db::mapped::NAME,
            )?
        } else {
            rusqlite::Connection::open_with_flags(&self.path, flags)?
        };
        conn.busy_timeout(Duration::from_secs(10))?;
        // rusqlite's own cache holds only a read transaction's BEGIN and COMMIT: batches keep
        // theirs in the `ReadConn`.
        conn.set_prepared_statement_cache_capacity(2);
        // The page cache and memory map of sqlx's readers (`Db::open`).
        conn.pragma_update(None, "cache_size", -256)?;
        if self.mapped {
            conn.pragma_update(None, "mmap_size", crate::db::MMAP_SIZE as i64)?;
        }
        Ok(ReadConn::new(conn, KEPT_STATEMENTS))
    }

    /// Closes every connection and refuses new reads (`Db::close`).
    pub fn close(&self) {
        self.permits.close();
        if let Ok(mut idle) = self.idle.lock() {
            idle.clear();
        }
    }
}
