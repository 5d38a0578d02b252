//! Storage: the SQLite pools, migrations, and small helpers shared by the query modules.
//!
//! Query functions take a `&mut SqliteConnection` so that a service can compose several of them
//! in one transaction. The db layer never calls up into services or HTTP.

pub mod admin;
pub mod agreements;
pub mod baseline;
pub mod batch;
pub mod bulk;
pub mod catalog;
pub mod comments;
pub mod counters;
pub mod creditmemos;
pub mod customers;
pub mod directory;
pub mod durable;
pub mod fields;
pub mod gift_messages;
pub mod image;
pub mod inventory;
pub mod inventory_master;
pub mod mapped;
pub mod memo;
pub mod model;
pub mod order_update;
pub mod outbox;
pub mod quotes;
pub mod readers;
pub mod sales;
pub mod sales_rules;
pub mod search;
pub mod shipments;
mod statement;
pub mod store;
pub mod tax;
pub mod tax_rates;
pub mod tokens;
pub mod transactions;
pub mod writer;

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, SqliteConnection, Transaction};

pub use batch::{Batch, Output};
pub use fields::{Fields, FromSqlValue};

use crate::amount::Amount;

/// Embedded migrations (migrations/*.sql), so the binary runs from any folder.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The two pools: many readers (WAL lets them run beside the writer) and exactly one writer
/// connection, so that writers queue in-process instead of failing with SQLITE_BUSY.
#[derive(Clone, Debug)]
pub struct Db {
    pub read: SqlitePool,
    /// Connections of our own for the reads of one document by id (see `readers`).
    pub readers: Arc<readers::Readers>,
    /// The one write connection. Close it through [`Db::close`] only: the writer keeps
    /// statements prepared on it between group commits, and sqlx cannot close a handle that
    /// still has statements (its worker thread panics); `Db::close` has the writer finalize them
    /// first.
    pub write: SqlitePool,
    /// The queue every write use case goes through (group commit, see `writer`).
    pub writer: writer::Writer,
    /// The writer's commits and their sync: every response waits at the HTTP edge for the
    /// commits it may have seen to be on disk (see `durable`).
    pub durability: Arc<durable::Durability>,
    /// Bumped after every committed write: a value read before a query and still current
    /// afterwards proves nothing changed in between (see `crate::cache`).
    generation: Arc<AtomicU64>,
}

/// A write transaction. Committing it bumps the database generation; dropping it rolls back.
pub struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    generation: Arc<AtomicU64>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await?;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }
}

impl Db {
    /// Opens (creating if missing) the database at `url` and applies the migrations.
    pub async fn open(url: &str) -> Result<Db, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit that answered 200 survives a power cut (the WAL is synced).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .statement_cache_capacity(512)
            // 1 MiB of page cache per connection (SQLite's default is 2 MiB): the whole tutorial
            // world fits many times over, and five connections stay within the memory budget.
            .pragma("cache_size", "-1024");
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            // No `ping` before each acquire (sqlx's default, for connections a server can drop):
            // an embedded connection cannot go away, and the ping is a round trip to the
            // connection's worker thread for every group commit and every read.
            .test_before_acquire(false)
            // The writer keeps statements prepared on this connection (`db::batch`): the pool
            // must not close it behind the writer's back (only `Db::close` does, after them).
            .max_lifetime(None)
            .idle_timeout(None)
            .acquire_timeout(Duration::from_secs(30))
            // Room for what the writer's statements allocate (see `LOOKASIDE_SLOTS`).
            .after_connect(|conn, _| Box::pin(async { roomy_lookaside(conn).await.map(drop) }))
            // The writer's savepoints journal the pages a use case changes (the sub-journal, a
            // temporary file by default): in memory it is a copy instead of a write() per page,
            // which the profile of invoice creation showed as a fifth of the time.
            .connect_with(options.clone().pragma("temp_store", "MEMORY"))
            .await?;
        // Each migration is a transaction of its own: at FULL every one of them syncs the WAL,
        // which made the start of a new database fsync-bound (twenty syncs). NORMAL while they
        // run: a crash can lose only the last migrations, which sqlx applies again at the next
        // start; the next commit at FULL (the seed's, on a new database) syncs them all.
        sqlx::query("PRAGMA synchronous = NORMAL")
            .execute(&write)
            .await?;
        // A new database starts from the baseline script (the migrations' result in one
        // transaction); sqlx then applies whatever is newer than it, or everything an older
        // database lacks.
        let migrated = async {
            let mut conn = write.acquire().await?;
            if baseline::is_new(&mut conn).await? {
                baseline::apply(&mut conn).await?;
            }
            drop(conn);
            MIGRATOR.run(&write).await.map_err(sqlx::Error::from)
        }
        .await;
        sqlx::query("PRAGMA synchronous = FULL")
            .execute(&write)
            .await?;
        migrated?;
        // The planner's statistics, refreshed only where they are stale (cheap on a small file;
        // on a large generated world it is what lets SQLite pick the list indexes).
        sqlx::query("PRAGMA optimize").execute(&write).await?;
        // The counters every write looks up first (a database seeded or migrated before this
        // order existed, or a generated world).
        counters::put_in_order(&mut *write.acquire().await?).await;
        // Four readers: on two cores more do not read faster. Each holds a page cache of its
        // own, a quarter of the writer's: under two minutes of mixed load SQLite's heap was 7.4
        // MB with 1 MiB each (the caches fill as the file grows) and 4.4 MB with 256 KiB, the
        // server's peak 3 MB lower, while reads over 5,000 uncached invoices answered at the
        // same rate (the pages a read misses come from the operating system's cache; the
        // B-tree interior pages that every read walks stay cached).
        let mut reader = options.read_only(true).pragma("cache_size", "-256");
        let mapped = is_large(reader.get_filename()) && mapped::register();
        if mapped {
            reader = reader
                .pragma("mmap_size", MMAP_SIZE.to_string())
                .vfs(mapped::NAME);
        }
        let readers = Arc::new(readers::Readers::new(
            reader.get_filename().to_owned(),
            mapped,
        ));
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(reader)
            .await?;
        let generation = Arc::new(AtomicU64::new(0));
        let durability = durable::Durability::start(wal_of(&write).await?)?;
        let writer = writer::Writer::start(write.clone(), generation.clone(), durability.clone())?;
        Ok(Db {
            read,
            readers,
            write,
            writer,
            durability,
            generation,
        })
    }

    /// Starts a write transaction of its own with `BEGIN IMMEDIATE` (the write lock is taken up
    /// front). Request handling goes through [`Db::writer`] instead; this is for start-up work.
    pub async fn begin_write(&self) -> Result<WriteTx, sqlx::Error> {
        let tx = self.write.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx {
            tx,
            generation: self.generation.clone(),
        })
    }

    /// How many writes have committed so far.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub async fn close(&self) {
        // The last group commits synced before the connections close.
        self.durability.fence().await;
        // The writer finalizes the statements it keeps prepared on the write connection and
        // stops keeping them (sqlx closes a handle only when no statement is left on it).
        let _ = self
            .writer
            .exclusive(|_| {
                Box::pin(async {
                    batch::forget_prepared();
                    Ok(())
                })
            })
            .await;
        self.readers.close();
        // Readers first: the last connection to close checkpoints the WAL and removes the -wal
        // file, which only a connection that may write can do.
        close_pool(&self.read).await;
        close_pool(&self.write).await;
    }
}

/// Turns SQLite's memory statistics off; the server calls it first thing in `main`, while it has
/// one thread and SQLite has not started (afterwards SQLite refuses the change, keeping them).
///
/// With them on (SQLite's default), each of SQLite's allocations and frees takes one
/// process-wide mutex to count itself: about 160 of each in a durable invoice, and the same
/// mutex for every read connection at once. magemu reads none of those statistics
/// (`sqlite3_memory_used`, `sqlite3_soft_heap_limit64`). Under callgrind
/// (`LOAD_CALLGRIND=200 cargo bench --bench load`, README Performance) SQLite's mutex calls
/// fell from about 525 a durable invoice to about 200 (its page cache's LRU lock remains).
/// Returns whether SQLite took the setting.
pub fn sqlite_without_memory_statistics() -> bool {
    // SAFETY: `sqlite3_config` must not run while another thread uses SQLite: the caller
    // calls it before any connection exists (when SQLite has started it only answers
    // SQLITE_MISUSE). SQLITE_CONFIG_MEMSTATUS takes one int argument.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_config(
            rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
            0 as std::os::raw::c_int,
        )
    };
    rc == rusqlite::ffi::SQLITE_OK
}

/// Slots of SQLite's lookaside allocator on the writer's connection.
///
/// SQLite serves a connection's small allocations (cursors, parsed expressions, records being
/// built) from a lookaside buffer of its own before it calls `malloc`. The default buffer
/// (`SQLITE_DEFAULT_LOOKASIDE`, 1,200 x 40 bytes, which SQLite splits into 30 slots of 1,200
/// bytes and 93 of 128) runs out while a group commit's statements run: about 175 `malloc` and
/// `free` pairs a durable invoice went past it. With 500 slots (600 KB: 378 of 1,200 bytes and
/// 1,143 of 128) 43 remain (the larger allocations), and one invoice cost the whole server
/// 625,275 instructions instead of 662,958 (`LOAD_CALLGRIND=1000 LOAD_CALLGRIND_CONNECTIONS=32`,
/// README Performance); given to every connection, 1,000 slots gained nothing more than 500
/// (626,324 against 627,891), 400 slots of 2,048 bytes less (639,521). In time the gain is
/// inside the machine's noise (the small blocks glibc then served came from its thread cache).
/// Preparing the writer's kept statements `SQLITE_PREPARE_PERSISTENT` (so that they hold no
/// slot) changed nothing (662,861). Only the writer's connection gets it: SQLite writes every
/// slot when it sets a buffer up, so each reader's would be 600 KB more memory in use.
const LOOKASIDE_SLOT: i32 = 1200;
const LOOKASIDE_SLOTS: i32 = 500;

/// Gives a newly opened writer connection [`LOOKASIDE_SLOTS`] lookaside slots. SQLite refuses a
/// new buffer while a slot of the current one is in use, so the statements sqlx keeps are
/// finalized first (none should hold one: sqlx prepares them `SQLITE_PREPARE_PERSISTENT`); a
/// refusal only costs speed, and is logged. Returns whether SQLite took the new buffer.
async fn roomy_lookaside(conn: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    use sqlx::Connection as _;
    conn.clear_cached_statements().await?;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: the handle is locked, so no other thread uses the connection. The call takes a
    // buffer pointer (null: SQLite allocates the buffer) and two ints, the slot size and count.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_db_config(
            db,
            rusqlite::ffi::SQLITE_DBCONFIG_LOOKASIDE,
            std::ptr::null_mut::<std::os::raw::c_void>(),
            LOOKASIDE_SLOT as std::os::raw::c_int,
            LOOKASIDE_SLOTS as std::os::raw::c_int,
        )
    };
    if rc != rusqlite::ffi::SQLITE_OK {
        tracing::warn!(rc, "SQLite kept the writer connection's default lookaside");
    }
    Ok(rc == rusqlite::ffi::SQLITE_OK)
}

/// The WAL file of the write connection's database, as SQLite names it
/// (`sqlite3_filename_wal`); `None` for an in-memory database.
async fn wal_of(write: &SqlitePool) -> Result<Option<std::path::PathBuf>, sqlx::Error> {
    use std::os::unix::ffi::OsStrExt;
    let mut conn = write.acquire().await?;
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: the handle is locked (no other thread uses it); the names SQLite returns live as
    // long as the connection and are copied out before the lock drops.
    let wal = unsafe {
        let main = rusqlite::ffi::sqlite3_db_filename(db, c"main".as_ptr());
        if main.is_null() || *main == 0 {
            return Ok(None);
        }
        let wal = rusqlite::ffi::sqlite3_filename_wal(main);
        if wal.is_null() || *wal == 0 {
            return Ok(None);
        }
        std::ffi::CStr::from_ptr(wal).to_bytes().to_vec()
    };
    Ok(Some(std::ffi::OsStr::from_bytes(&wal).into()))
}

/// From this size on, a database file is read through a memory map.
const LARGE_FILE: u64 = 256 * 1024 * 1024;
/// The `mmap_size` a large file's readers ask for. With [`mapped`]'s VFS any value above 0 only
/// turns SQLite's use of `xFetch` on: the VFS maps the whole file whatever it says (SQLite's own
/// map would stop at `SQLITE_MAX_MMAP_SIZE`, 2 GiB in the bundled build).
pub(crate) const MMAP_SIZE: u64 = 4 * 1024 * 1024 * 1024;

/// Whether the database at `path` is large enough to read through a memory map: a world of a
/// million orders (`magemu generate`, 2.2 GB) does not fit any page cache, and a read by id or
/// an indexed list there misses most B-tree pages below the root. Through `pread` each miss is a
/// system call and a 4 KiB copy out of the operating system's cache; through the map it is a
/// memory access (one map for the whole process, kept across writes: [`mapped`]). Measured
/// outside the server on that world: an indexed list's queries took 78
/// us on a small file, 162 us on the large one read with `pread`, 112 us memory-mapped. Small
/// files (the tutorial world, a test suite's, two minutes of mixed load) stay on `pread` with
/// the page cache: mapped pages a process touched count in its resident memory, and there the
/// cache already holds what is read.
fn is_large(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() >= LARGE_FILE)
}

/// Closes `pool` with every connection it has, once nothing uses it any more.
///
/// sqlx 0.8.6's `Pool::close` can leave a connection open: it looks for idle connections once
/// per permit (`PoolInner::close`), and a connection whose return to the pool was already under
/// way when the close began (dropping a `PoolConnection` returns it from a spawned task) goes
/// back idle after the last look and stays open until the process exits. The writer's one
/// connection did so in about one stop in fifteen on a busy machine (the reply of `close`'s own
/// writer job arrives before the writer has put its connection back), and an open connection
/// keeps SQLite from checkpointing and removing the -wal file at exit. So wait (briefly: no
/// request is left running when this is called) until every connection is idle first.
async fn close_pool(pool: &SqlitePool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while pool.num_idle() < pool.size() as usize && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    pool.close().await;
}

/// `prepareColumnValue` on a text column that may be null (Magento's MySQL adapter): an empty
/// string is stored as NULL.
pub fn column_value(value: &SqlValue) -> SqlValue {
    match value {
        SqlValue::Text(Some(s)) if s.is_empty() => SqlValue::Text(None),
        other => other.clone(),
    }
}

/// A value bound into a generated INSERT or UPDATE.
#[derive(Debug, Clone)]
pub enum SqlValue {
    Int(Option<i64>),
    Text(Option<String>),
    Amount(Option<Amount>),
}

impl From<i64> for SqlValue {
    fn from(v: i64) -> Self {
        SqlValue::Int(Some(v))
    }
}
impl From<Option<i64>> for SqlValue {
    fn from(v: Option<i64>) -> Self {
        SqlValue::Int(v)
    }
}
impl From<String> for SqlValue {
    fn from(v: String) -> Self {
        SqlValue::Text(Some(v))
    }
}
impl From<Option<String>> for SqlValue {
    fn from(v: Option<String>) -> Self {
        SqlValue::Text(v)
    }
}
impl From<Amount> for SqlValue {
    fn from(v: Amount) -> Self {
        SqlValue::Amount(Some(v))
    }
}
impl From<Option<Amount>> for SqlValue {
    fn from(v: Option<Amount>) -> Self {
        SqlValue::Amount(v)
    }
}

/// Why saving a document (invoice, shipment) failed, for the log: the client gets Magento's
/// generic "Could not save" message. A business failure, never dressed up as a `sqlx::Error`.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("Source item not found by source code: {0} and sku: {1}.")]
    NoSourceItem(String, String),
    #[error("Not all of your products are available in the requested quantity.")]
    NotEnough,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A row type whose columns can be listed for a generated INSERT/UPDATE.
pub trait Columns {
    /// `(column, value)` for every column, the primary key included.
    fn columns(&self) -> Vec<(&'static str, SqlValue)>;
}

/// A row type that can tell which of its columns differ from an earlier copy of itself, for an
/// UPDATE that sets only those (SQLite then leaves alone the indexes of the columns that did
/// not change, which an UPDATE of every column rewrites).
pub trait Changes {
    /// `(column, new value)` for every column whose value differs from `before`'s.
    fn changed_columns(&self, before: &Self) -> Vec<(&'static str, SqlValue)>;
}

/// Declares a row struct (readable with `sqlx::FromRow`) and its [`Columns`] in one place, so the
/// column list is written once.
macro_rules! row_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, sqlx::FromRow)]
        pub struct $name { $($(#[$fmeta])* pub $field: $ty),* }
        impl $crate::db::batch::FromCells for $name {
            const FIELDS: Option<&'static [&'static str]> = Some(Self::COLUMN_NAMES);

            fn from_cells(row: &$crate::db::batch::CellRow<'_>) -> Result<Self, sqlx::Error> {
                Ok($name { $($field: row.get(stringify!($field))?),* })
            }
        }
        impl $crate::db::Columns for $name {
            fn columns(&self) -> Vec<(&'static str, $crate::db::SqlValue)> {
                vec![$((stringify!($field), $crate::db::SqlValue::from(self.$field.clone()))),*]
            }
        }
        impl $crate::db::Changes for $name {
            fn changed_columns(&self, before: &Self) -> Vec<(&'static str, $crate::db::SqlValue)> {
                // Sized for a document's changes to an order's row (about twenty columns) and
                // its items' without growing.
                let mut changed = Vec::with_capacity(32);
                $(
                    if self.$field != before.$field {
                        changed.push((stringify!($field), $crate::db::SqlValue::from(self.$field.clone())));
                    }
                )*
                changed
            }
        }
        impl $name {
            /// Its columns in field order.
            #[allow(dead_code)]
            pub const COLUMN_NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Its columns in field order, comma separated: the list to select instead of `*`
            /// for a [`FromCells`](crate::db::batch::FromCells) read, whose name lookups then
            /// find every column where they look first (`CellRow::get`), and which leaves out
            /// the columns the struct does not hold.
            #[allow(dead_code)]
            pub fn column_list() -> &'static str {
                static LIST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                LIST.get_or_init(|| Self::COLUMN_NAMES.join(", "))
            }

            /// Sets the column `name` from a value of its type (a data object's setter); false
            /// when the row has no such column or the value's type is not the column's.
            #[allow(dead_code)]
            pub fn set_column(&mut self, name: &str, value: $crate::db::SqlValue) -> bool {
                match name {
                    $(stringify!($field) => match $crate::db::FromSqlValue::from_sql_value(value) {
                        Some(v) => {
                            self.$field = v;
                            true
                        }
                        None => false,
                    },)*
                    _ => false,
                }
            }
        }
    };
}
pub(crate) use row_struct;

pub(crate) fn bind<'q>(
    query: sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    value: SqlValue,
) -> sqlx::query::Query<'q, Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    match value {
        SqlValue::Int(v) => query.bind(v),
        SqlValue::Text(v) => query.bind(v),
        SqlValue::Amount(v) => query.bind(v),
    }
}

/// Fails with [`crate::amount::OutOfRange`] when an amount is past storage, before anything is
/// bound: sqlx would fail the bind too, but with only the error's text, which reached the
/// client as a 500 (`error::Error`'s `From<sqlx::Error>` answers the typed one with a 400).
fn storable(columns: &[(&str, SqlValue)]) -> Result<(), sqlx::Error> {
    for (_, value) in columns {
        if let SqlValue::Amount(Some(a)) = value {
            a.stored()
                .map_err(|out| sqlx::Error::Encode(Box::new(out)))?;
        }
    }
    Ok(())
}

/// The columns an INSERT of `row` writes: all but the key `key` when it is 0 or null (SQLite
/// assigns it), each amount checked to fit storage.
fn insert_columns(
    row: &impl Columns,
    key: &str,
) -> Result<Vec<(&'static str, SqlValue)>, sqlx::Error> {
    let columns: Vec<(&'static str, SqlValue)> = row
        .columns()
        .into_iter()
        .filter(|(name, value)| {
            *name != key || !matches!(value, SqlValue::Int(Some(0)) | SqlValue::Int(None))
        })
        .collect();
    storable(&columns)?;
    Ok(columns)
}

/// Inserts `row` into `table`, leaving out the key column `key` so SQLite assigns it (when the
/// row's key is 0) and returns the new key.
pub async fn insert(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    row: &impl Columns,
) -> Result<i64, sqlx::Error> {
    let columns = insert_columns(row, key)?;
    let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
    let marks = vec!["?"; names.len()].join(", ");
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({marks})",
        names.join(", ")
    );
    let mut query = sqlx::query(&sql);
    for (_, value) in columns {
        query = bind(query, value);
    }
    Ok(query.execute(conn).await?.last_insert_rowid())
}

/// Bound values one statement of [`insert_all`] takes at most (SQLite's limit is 32,766).
const VALUES_PER_STATEMENT: usize = 8_000;

/// Inserts `rows` into `table` as [`insert`] does each, several rows a statement: one round
/// trip to SQLite's thread for hundreds of rows instead of one a row (a bulk of 300,000
/// operations held the writer 18 s one by one). Rows that leave out different columns go in
/// separate statements.
pub async fn insert_all<R: Columns>(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    rows: &[R],
) -> Result<(), sqlx::Error> {
    let mut pending: Vec<Vec<(&'static str, SqlValue)>> = Vec::new();
    for row in rows {
        let columns = insert_columns(row, key)?;
        let same = pending.first().is_none_or(|first| {
            first.len() == columns.len()
                && first.iter().zip(&columns).all(|((a, _), (b, _))| a == b)
        });
        let full = (pending.len() + 1) * columns.len().max(1) > VALUES_PER_STATEMENT;
        if !same || full {
            insert_rows(conn, table, std::mem::take(&mut pending)).await?;
        }
        pending.push(columns);
    }
    insert_rows(conn, table, pending).await
}

/// One `INSERT ... VALUES (...), (...)` of rows with the same columns.
async fn insert_rows(
    conn: &mut SqliteConnection,
    table: &str,
    rows: Vec<Vec<(&'static str, SqlValue)>>,
) -> Result<(), sqlx::Error> {
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let names: Vec<&str> = first.iter().map(|(n, _)| *n).collect();
    let marks = format!("({})", vec!["?"; names.len()].join(", "));
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        names.join(", "),
        vec![marks; rows.len()].join(", ")
    );
    // Not kept among the prepared statements: its text changes with the number of rows, and
    // each new length would push out a statement that is used all the time.
    let mut query = sqlx::query(&sql).persistent(false);
    for row in rows {
        for (_, value) in row {
            query = bind(query, value);
        }
    }
    query.execute(conn).await.map(drop)
}

/// Writes every column of `row` to the row of `table` whose `key` equals the row's key.
pub async fn update(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    row: &impl Columns,
) -> Result<(), sqlx::Error> {
    let mut columns = row.columns();
    let key_pos = columns
        .iter()
        .position(|(n, _)| *n == key)
        .ok_or_else(|| sqlx::Error::ColumnNotFound(key.to_owned()))?;
    let (_, key_value) = columns.remove(key_pos);
    storable(&columns)?;
    let sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
    let sql = format!("UPDATE {table} SET {} WHERE {key} = ?", sets.join(", "));
    let mut query = sqlx::query(&sql);
    for (_, value) in columns {
        query = bind(query, value);
    }
    query = bind(query, key_value);
    query.execute(conn).await?;
    Ok(())
}

/// `UPDATE <table> SET <columns> WHERE entity_id = ?`, only the given columns, as
/// `EntityAbstract::updateObject` writes only the fields the object holds. Returns how many rows
/// matched (0 when the id names no row: Magento's update then writes nothing, silently).
pub async fn update_posted(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    columns: Vec<(&'static str, SqlValue)>,
) -> Result<u64, sqlx::Error> {
    write_posted(conn, table, id, columns, None).await
}

/// [`update_posted`] of a table whose `updated_at` MySQL moves itself (`ON UPDATE
/// CURRENT_TIMESTAMP`): to `now` when one of the columns written takes a new value, else it
/// keeps its value (SQLite evaluates every `SET` expression on the row as it was).
pub async fn update_posted_stamped(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    columns: Vec<(&'static str, SqlValue)>,
    now: &str,
) -> Result<u64, sqlx::Error> {
    write_posted(conn, table, id, columns, Some(now)).await
}

/// [`update_posted`], and with `stamp` [`update_posted_stamped`]'s `updated_at`.
async fn write_posted(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    columns: Vec<(&'static str, SqlValue)>,
    stamp: Option<&str>,
) -> Result<u64, sqlx::Error> {
    if columns.is_empty() {
        return Ok(0);
    }
    let mut sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
    if stamp.is_some() {
        let changes: Vec<String> = columns
            .iter()
            .map(|(n, _)| format!("{n} IS NOT ?"))
            .collect();
        sets.push(format!(
            "updated_at = CASE WHEN {} THEN ? ELSE updated_at END",
            changes.join(" OR ")
        ));
    }
    let sql = format!("UPDATE {table} SET {} WHERE entity_id = ?", sets.join(", "));
    let mut query = sqlx::query(&sql);
    if stamp.is_some() {
        for (_, value) in &columns {
            query = bind(query, value.clone());
        }
    }
    for (_, value) in columns {
        query = bind(query, value);
    }
    if let Some(now) = stamp {
        query = query.bind(now.to_owned());
    }
    Ok(query.bind(id).execute(conn).await?.rows_affected())
}

/// Writes only the columns `names` of `row` to the row of `table` whose `key` equals the row's
/// key, as Magento's `AbstractDb::updateObject` writes only the fields its object holds.
/// Returns how many rows it changed (0 when there is no such row, which Magento lets pass).
pub async fn update_columns(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    row: &impl Columns,
    names: &[&str],
) -> Result<u64, sqlx::Error> {
    let mut columns = row.columns();
    let key_value = columns
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, v)| v.clone())
        .ok_or_else(|| sqlx::Error::ColumnNotFound(key.to_owned()))?;
    columns.retain(|(n, _)| *n != key && names.contains(n));
    if columns.is_empty() {
        return Ok(0);
    }
    storable(&columns)?;
    let sets: Vec<String> = columns.iter().map(|(n, _)| format!("{n} = ?")).collect();
    let sql = format!("UPDATE {table} SET {} WHERE {key} = ?", sets.join(", "));
    let mut query = sqlx::query(&sql);
    for (_, value) in columns {
        query = bind(query, value);
    }
    query = bind(query, key_value);
    Ok(query.execute(conn).await?.rows_affected())
}

/// The rows of `table` that belong to the document `parent_id`, in id order (items, comments).
pub async fn children<R>(
    conn: &mut SqliteConnection,
    table: &str,
    parent_id: i64,
) -> Result<Vec<R>, sqlx::Error>
where
    R: Send + Unpin + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
{
    sqlx::query_as::<_, R>(&format!(
        "SELECT * FROM {table} WHERE parent_id = ? ORDER BY entity_id"
    ))
    .bind(parent_id)
    .fetch_all(conn)
    .await
}

/// Moves an AUTOINCREMENT counter so that the next id of `table` is `next_id`.
pub async fn set_next_id(
    conn: &mut SqliteConnection,
    table: &str,
    next_id: i64,
) -> Result<(), sqlx::Error> {
    // Where the counter stands when there is one (`db::counters`: the order of the rows is
    // what each insert walks), a new row otherwise.
    let moved = sqlx::query("UPDATE sqlite_sequence SET seq = ? WHERE name = ?")
        .bind(next_id - 1)
        .bind(table)
        .execute(&mut *conn)
        .await?;
    if moved.rows_affected() == 0 {
        sqlx::query("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")
            .bind(table)
            .bind(next_id - 1)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Now by the emulated clock (`crate::clock`), as Magento writes timestamps:
/// `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn now_timestamp() -> String {
    crate::clock::format(crate::clock::now())
}

/// Seconds since the epoch, by the emulated clock (token lifetimes and lock-outs).
pub fn unix_now() -> i64 {
    crate::clock::now().unix_timestamp()
}

#[cfg(test)]
mod tests {
    struct Pair(i64, Option<String>);

    impl Columns for Pair {
        fn columns(&self) -> Vec<(&'static str, SqlValue)> {
            vec![
                ("id", SqlValue::Int(Some(self.0))),
                ("name", SqlValue::Text(self.1.clone())),
            ]
        }
    }

    #[tokio::test]
    async fn insert_all_keeps_order_across_statements_and_column_sets() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT)")
            .execute(&mut conn)
            .await
            .unwrap();
        // 9,000 rows of two values: three statements; then a row with its own key: a fourth.
        let mut rows: Vec<Pair> = (0..9_000).map(|i| Pair(0, Some(format!("r{i}")))).collect();
        rows.push(Pair(20_000, None));
        rows.push(Pair(0, Some("after".into())));
        insert_all(&mut conn, "t", "id", &rows).await.unwrap();
        let got: Vec<(i64, Option<String>)> = sqlx::query_as("SELECT id, name FROM t ORDER BY id")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        assert_eq!(got.len(), 9_002);
        assert_eq!(got[0], (1, Some("r0".into())));
        assert_eq!(got[8_999], (9_000, Some("r8999".into())));
        assert_eq!(got[9_000], (20_000, None));
        assert_eq!(got[9_001], (20_001, Some("after".into())));
        insert_all::<Pair>(&mut conn, "t", "id", &[]).await.unwrap();
    }

    use sqlx::Connection;

    use super::*;

    /// The most lookaside slots `conn` has had in use at once
    /// (`SQLITE_DBSTATUS_LOOKASIDE_USED`'s high-water mark).
    async fn most_lookaside_in_use(conn: &mut SqliteConnection) -> i32 {
        let mut handle = conn.lock_handle().await.unwrap();
        let (mut now, mut most) = (0, 0);
        // SAFETY: the handle is locked; the two outputs are ints of this frame.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_db_status(
                handle.as_raw_handle().as_ptr(),
                rusqlite::ffi::SQLITE_DBSTATUS_LOOKASIDE_USED,
                &mut now,
                &mut most,
                0,
            )
        };
        assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
        most
    }

    /// The most lookaside slots in use at once while SQLite prepares a statement of a thousand
    /// columns (a few small objects each), on a connection with SQLite's default buffer or with
    /// the writer's.
    async fn most_in_use_preparing_a_long_statement(roomy: bool) -> i32 {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        // A statement sqlx keeps prepared, as after any query: the new buffer is still taken.
        sqlx::query("SELECT 1").fetch_one(&mut conn).await.unwrap();
        if roomy {
            assert!(roomy_lookaside(&mut conn).await.unwrap());
        }
        let sql = format!("SELECT 0{}", ", ?".repeat(1000));
        let mut query = sqlx::query(&sql).persistent(false);
        for n in 0..1000 {
            query = query.bind(n);
        }
        query.fetch_one(&mut conn).await.unwrap();
        most_lookaside_in_use(&mut conn).await
    }

    #[tokio::test]
    async fn the_writer_connection_gets_room_beyond_the_default_lookaside() {
        let (default, roomy) = (
            most_in_use_preparing_a_long_statement(false).await,
            most_in_use_preparing_a_long_statement(true).await,
        );
        // The default buffer runs out (the rest goes to malloc); the writer's holds far more.
        assert!(
            roomy > 2 * default,
            "{roomy} slots in use at most, {default} by default"
        );
    }
}
