//! The single writer: every write use case runs on one connection, one after the other, and
//! use cases that queue up meanwhile share one transaction and one commit (group commit).
//!
//! Each use case runs inside its own `SAVEPOINT`: when it fails, only its own writes are rolled
//! back and the others of the batch go on. A use case that makes every check before its first
//! write may run without one ([`Isolation::ChecksFirst`]: invoice creation), which spares
//! SQLite copying each page it changes into the savepoint's journal. Replies are delivered after
//! the `COMMIT` succeeds, and the database generation is bumped then. The fsync of the WAL is
//! paid once per group instead of once per request, which is what lets a durable SQLite take
//! thousands of invoices a second; and it is paid on a thread of its own while the writer runs
//! the next group (`db::durable`): the group commits at `synchronous = NORMAL`, and the HTTP
//! edge sends no response (a write's 200, or a read of what it wrote) before that sync, so a
//! 200 is never sent for data that is not on disk.
//!
//! Inside a group the writer keeps a memo (`db::memo`) of what one invoice leaves for the next
//! (the ids its rows take, the store's stock and invoice number): open from the group's `BEGIN`
//! to its end, forgotten before and after any use case that does not keep it true
//! ([`Writer::write_keeping_memo`]) and after any use case that fails.
//!
//! [`Writer::exclusive`] runs a job alone on the connection, outside any transaction (the control
//! API's reset and snapshots: `ATTACH` and `VACUUM INTO` cannot run inside one). Holding the only
//! write connection, it sees no write half done and no write starts before it ends.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use futures_util::FutureExt;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::SqlitePool;
use sqlx::Sqlite;
use sqlx::SqliteConnection;
use tokio::sync::{mpsc, oneshot};

use crate::db::batch::HeldHandle;
use crate::db::durable::Durability;

/// Most use cases committed together.
const MAX_BATCH: usize = 128;

/// A boxed future borrowing the connection.
pub type BoxFuture<'c, T> = Pin<Box<dyn Future<Output = T> + Send + 'c>>;

/// Hands a use case's result to its caller once the batch's fate is known (`None`: committed).
type Deliver = Box<dyn FnOnce(Option<&sqlx::Error>) + Send>;
/// A queued use case: runs on the connection, says whether it succeeded, and how to deliver.
type Job =
    Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, (bool, Deliver)> + Send>;

/// How a use case's writes are undone when it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// In a savepoint of its own: a failure rolls back its writes only, at any point.
    Savepoint,
    /// Without a savepoint, for a use case that reads, checks and computes everything first and
    /// then writes, so that once it writes it fails only on a database error. SQLite then copies
    /// none of the pages it changes into a savepoint's journal: a sixth of the writer thread's
    /// time per invoice (five alternating rounds of 5,000 invoices: 224-260 us, mean 239, with
    /// a savepoint; 158-216 us, mean 198, without). A failure before its first write leaves the group
    /// commit untouched; a failure after it (the connection's change count moved) cannot be
    /// undone alone, so the whole group commit rolls back: the use case gets its own error and
    /// the others of the group the one a failed COMMIT gives them (nothing of theirs is written).
    ChecksFirst,
}

/// A queued use case, how it is isolated, and whether it keeps the memo (`db::memo`) true.
struct UseCase {
    job: Job,
    isolation: Isolation,
    keeps_memo: bool,
}

/// A job run alone on the connection, outside any transaction; the generation is bumped after.
type ExclusiveJob = Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, ()> + Send>;

/// What the queue carries.
enum Queued {
    UseCase(UseCase),
    Exclusive(ExclusiveJob),
}

/// The handle every request uses to queue a write.
#[derive(Debug, Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Queued>,
}

impl Writer {
    /// Starts the writer on `pool` (one connection), on a thread of its own: the chain of
    /// statements of a batch then never waits behind request handling for a worker.
    pub fn start(
        pool: SqlitePool,
        generation: Arc<AtomicU64>,
        durability: Arc<Durability>,
    ) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel::<Queued>(1024);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("magemu-writer".into())
            .spawn(move || runtime.block_on(run(pool, queue, generation, durability)))?;
        Ok(Writer { jobs })
    }

    /// Runs `use_case` in a write transaction (possibly shared with other use cases, each in its
    /// own savepoint) and returns its result once committed. An `Err` rolls back only this use
    /// case's writes.
    pub async fn write<T, E, F>(&self, use_case: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        self.write_with(Isolation::Savepoint, use_case).await
    }

    /// [`Writer::write`], with the use case's writes undone on failure as `isolation` says.
    pub async fn write_with<T, E, F>(&self, isolation: Isolation, use_case: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        self.queue(isolation, false, use_case).await
    }

    /// [`Writer::write_with`] for a use case that keeps the writer's memo (`db::memo`) true:
    /// whatever it writes to what the memo remembers, it tells the memo when it succeeds (a
    /// failure makes the writer forget the memo). Any other use case runs with the memo
    /// forgotten before and after it.
    pub async fn write_keeping_memo<T, E, F>(
        &self,
        isolation: Isolation,
        use_case: F,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        self.queue(isolation, true, use_case).await
    }

    async fn queue<T, E, F>(
        &self,
        isolation: Isolation,
        keeps_memo: bool,
        use_case: F,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<sqlx::Error> + Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T, E>> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel::<Result<T, E>>();
        // The use case tells the time by the clock of the request that queued it.
        let clock = crate::clock::current();
        let job: Job = Box::new(move |conn| {
            Box::pin(async move {
                let result = crate::clock::within(clock, use_case(conn)).await;
                let ok = result.is_ok();
                let deliver: Deliver = Box::new(move |commit_error| {
                    let result = match commit_error {
                        None => result,
                        Some(e) => Err(E::from(sqlx::Error::Protocol(format!(
                            "commit failed: {e}"
                        )))),
                    };
                    let _ = reply.send(result);
                });
                (ok, deliver)
            })
        });
        let stopped = || E::from(sqlx::Error::PoolClosed);
        self.jobs
            .send(Queued::UseCase(UseCase {
                job,
                isolation,
                keeps_memo,
            }))
            .await
            .map_err(|_| stopped())?;
        // The job went but no answer came back: the use case panicked (`run_job` logs it) or
        // the writer stopped before running it; either way not a closed pool, which the log
        // used to say after a panic.
        answer
            .await
            .map_err(|_| E::from(sqlx::Error::WorkerCrashed))?
    }

    /// Runs `job` alone on the write connection, with no transaction open: the writes queued
    /// before it have committed, those queued after wait for it. The job opens and ends its own
    /// transactions; the generation is bumped after it (whatever it did, cached replies go).
    pub async fn exclusive<T, F>(&self, job: F) -> Result<T, sqlx::Error>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T, sqlx::Error>>
            + Send
            + 'static,
    {
        let (reply, answer) = oneshot::channel::<Result<T, sqlx::Error>>();
        let queued: ExclusiveJob = Box::new(move |conn| {
            Box::pin(async move {
                let _ = reply.send(job(conn).await);
            })
        });
        self.jobs
            .send(Queued::Exclusive(queued))
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answer.await.map_err(|_| sqlx::Error::WorkerCrashed)?
    }
}

async fn exec(conn: &mut SqliteConnection, sql: &str) -> Result<(), sqlx::Error> {
    sqlx::query(sql).execute(conn).await.map(|_| ())
}

async fn run(
    pool: SqlitePool,
    mut queue: mpsc::Receiver<Queued>,
    generation: Arc<AtomicU64>,
    durability: Arc<Durability>,
) {
    // Batches keep the statements they prepare on this thread (`db::batch`) from one group
    // commit to the next; an exclusive job and the end of the writer finalize them.
    crate::db::batch::keep_prepared();
    // An exclusive job met while a batch was gathered: it runs right after that batch.
    let mut held: Option<Queued> = None;
    // The connection and its handle, kept locked from one group commit to the next while
    // writes keep coming (see [`Kept`]).
    let mut kept: Option<Kept> = None;
    loop {
        let first = match held.take() {
            Some(queued) => queued,
            None => match queue.try_recv() {
                Ok(queued) => queued,
                Err(_) => {
                    // Nothing waiting: the connection goes back to sqlx before the writer
                    // waits, so start-up work and `Db::close` can have it.
                    drop(kept.take());
                    match queue.recv().await {
                        Some(queued) => queued,
                        None => break,
                    }
                }
            },
        };
        let first = match first {
            Queued::UseCase(use_case) => use_case,
            Queued::Exclusive(job) => {
                drop(kept.take());
                run_exclusive(&pool, job, &generation).await;
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(Queued::UseCase(use_case)) => batch.push(use_case),
                Ok(exclusive) => {
                    held = Some(exclusive);
                    break;
                }
                Err(_) => break,
            }
        }
        let mut connection = match kept.take() {
            Some(connection) => connection,
            None => match Kept::take(&pool).await {
                Ok(connection) => connection,
                Err(e) => {
                    // Dropping the jobs unanswered: their callers get an internal error.
                    tracing::error!(error = %e, jobs = batch.len(), "writer cannot lock its connection");
                    continue;
                }
            },
        };
        let Kept { handle, pooled } = &mut connection;
        commit_group(pooled, handle, batch, &generation, &durability).await;
        if handle.is_held() {
            kept = Some(connection);
        }
    }
    drop(kept);
    crate::db::batch::forget_prepared();
}

/// The write connection with its handle locked on the writer's thread ([`HeldHandle`]), kept
/// from one group commit to the next for as long as writes keep coming. Taking the lock is a
/// round trip to sqlx's worker thread (it must wake up and park), and under load that thread
/// waits for a core behind the request handlers: taken once a group commit, the writer sat
/// idle for it between groups. So while writes keep coming nothing else gets the write pool's
/// one connection: code that takes it directly (start-up seeding and counters, before any
/// request) would wait for the queue to empty; anything that runs while the server serves goes
/// through [`Writer::exclusive`] (review-46 LOW-1).
struct Kept {
    /// Declared first: the handle is unlocked before the connection goes back to the pool.
    handle: HeldHandle,
    /// Boxed: the handle is marked held for the connection at this address, which must not
    /// move while it is.
    pooled: Box<PoolConnection<Sqlite>>,
}

impl Kept {
    async fn take(pool: &SqlitePool) -> Result<Kept, sqlx::Error> {
        let mut pooled = Box::new(pool.acquire().await?);
        let handle = HeldHandle::lock(&mut pooled).await?;
        Ok(Kept { handle, pooled })
    }
}

/// Runs `batch` in one transaction on the write connection, each use case in its own savepoint
/// (or none: [`Isolation::ChecksFirst`]), and delivers every result once the transaction's fate
/// is known.
///
/// The connection's handle is locked on this thread ([`HeldHandle`], kept locked by [`run`]
/// between group commits while writes keep coming): BEGIN, the savepoint steps, a use case's
/// batches and COMMIT run on it directly, with no hand-off to sqlx's worker thread. Each use
/// case is polled once with the handle held; one that awaits anything then (a query through
/// sqlx, which waits for the lock) finishes with the handle released and it is taken again
/// after it.
async fn commit_group(
    conn: &mut SqliteConnection,
    held: &mut HeldHandle,
    batch: Vec<UseCase>,
    generation: &AtomicU64,
    durability: &Durability,
) {
    let jobs = batch.len();
    if !held.is_held() {
        if let Err(e) = held.relock(conn).await {
            tracing::error!(error = %e, jobs, "writer cannot lock its connection");
            return;
        }
    }
    // The group commits at NORMAL (see [`commit`]); SQLite takes the setting only outside a
    // transaction, so it is set before BEGIN and set back to FULL after the transaction ends,
    // whichever way it ends.
    if let Err(e) = held.execute("PRAGMA synchronous = NORMAL; BEGIN IMMEDIATE") {
        tracing::error!(error = %e, jobs, "writer cannot begin");
        let _ = held.execute("ROLLBACK");
        full_again(held.execute(FULL));
        return;
    }
    // Closed (dropped) when the group ends, whichever way.
    let _memo = crate::db::memo::open();
    let mut delivers = Vec::with_capacity(jobs);
    let mut broken: Option<sqlx::Error> = None;
    // The use case (its place in `delivers`) that failed after writing without a savepoint: it
    // gets its own error when the group rolls back.
    let mut breaker = None;
    for use_case in batch {
        let keeps_memo = use_case.keeps_memo;
        if !keeps_memo {
            crate::db::memo::forget();
        }
        match run_isolated(use_case, conn, held, &mut delivers).await {
            Ok(true) if keeps_memo => {}
            Ok(_) => crate::db::memo::forget(),
            Err(e) => {
                if matches!(e, Broken::FailedAfterWriting) {
                    breaker = Some(delivers.len() - 1);
                }
                broken = Some(e.into());
                break;
            }
        }
    }
    let outcome = match broken {
        Some(e) => Err(e),
        None => commit(held, durability),
    };
    match outcome {
        Ok(()) => {
            full_again(held.execute(FULL));
            generation.fetch_add(1, Ordering::SeqCst);
            for deliver in delivers {
                deliver(None);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "write batch failed; rolled back");
            if held.is_held() {
                let _ = held.execute("ROLLBACK");
                full_again(held.execute(FULL));
            } else {
                // The handle could not be taken again after a use case that released it: roll
                // back through sqlx.
                held.release();
                let _ = exec(conn, "ROLLBACK").await;
                full_again(exec(conn, FULL).await);
            }
            for (at, deliver) in delivers.into_iter().enumerate() {
                deliver((breaker != Some(at)).then_some(&e));
            }
        }
    }
}

/// Commits the group's transaction, begun at `synchronous = NORMAL`: sealed first and handed to
/// the sync thread after (`db::durable`), so the writer goes on with the next group while the
/// WAL is synced, and the HTTP edge holds every response until it is.
fn commit(held: &HeldHandle, durability: &Durability) -> Result<(), sqlx::Error> {
    // Handed to the sync thread when dropped, after the COMMIT returned.
    let _seal = durability.seal();
    held.execute("COMMIT")
}

/// The write connection's setting outside the writer's group commits: every other commit made
/// on it (start-up seeding, exclusive jobs) syncs inside its `COMMIT`.
const FULL: &str = "PRAGMA synchronous = FULL";

/// Logs a failure to set the connection back to [`FULL`] (a pragma that does no I/O).
fn full_again(set: Result<(), sqlx::Error>) {
    if let Err(e) = set {
        tracing::error!(error = %e, "writer cannot set its connection back to synchronous = FULL");
    }
}

/// Why a group commit cannot go on.
enum Broken {
    /// A use case failed after it had written, with no savepoint to undo it alone (or its
    /// failure ended the transaction).
    FailedAfterWriting,
    /// A savepoint step failed, or the handle could not be taken again.
    Database(sqlx::Error),
}

impl From<Broken> for sqlx::Error {
    fn from(broken: Broken) -> sqlx::Error {
        match broken {
            Broken::FailedAfterWriting => sqlx::Error::Protocol(
                "a use case failed after writing, with no savepoint to undo it alone; its group commit is rolled back"
                    .into(),
            ),
            Broken::Database(e) => e,
        }
    }
}

/// Runs one use case of a group commit (its delivery pushed to `delivers`): in a savepoint of
/// its own, released once it has run (rolling back to it undoes only that use case; releasing
/// it lets SQLite drop the pages it journaled), or without one, the connection's change count
/// telling whether a failure wrote anything. Says whether the use case succeeded.
async fn run_isolated(
    use_case: UseCase,
    conn: &mut SqliteConnection,
    held: &mut HeldHandle,
    delivers: &mut Vec<Deliver>,
) -> Result<bool, Broken> {
    let guarded = use_case.isolation == Isolation::Savepoint;
    let before = if guarded {
        held.execute("SAVEPOINT use_case")
            .map_err(Broken::Database)?;
        0
    } else {
        held.total_changes().map_err(Broken::Database)?
    };
    let (ok, deliver, lost) = run_job(use_case.job, conn, held).await;
    delivers.push(deliver);
    if let Some(e) = lost {
        return Err(Broken::Database(e));
    }
    // SQLite rolls the whole transaction back by itself after some failures (disk full, I/O):
    // the group's earlier writes are gone, and what follows would commit statement by
    // statement.
    if !held.in_transaction().map_err(Broken::Database)? {
        tracing::error!("the group commit's transaction ended inside a use case");
        return Err(if ok {
            Broken::Database(sqlx::Error::Protocol(
                "the transaction ended inside a use case".into(),
            ))
        } else {
            Broken::FailedAfterWriting
        });
    }
    if guarded {
        let end = if ok {
            "RELEASE use_case"
        } else {
            "ROLLBACK TO use_case; RELEASE use_case"
        };
        return held.execute(end).map_err(Broken::Database).map(|()| ok);
    }
    if !ok && held.total_changes().map_err(Broken::Database)? != before {
        tracing::error!("a use case without a savepoint failed after writing");
        return Err(Broken::FailedAfterWriting);
    }
    Ok(ok)
}

/// Runs one use case on `conn`, polled first with the handle held (see [`commit_group`]): whether
/// it succeeded, how to deliver its result, and the error when the handle could not be taken
/// again after it (which ends the batch; the result is then delivered with that error).
///
/// Two rules for use cases follow from the held handle, and none breaks them: never block the
/// thread on sqlx (`block_on`: sqlx's worker is parked until the writer releases the handle, so
/// that would never return), and never start a sqlx query in the first poll only to drop it
/// unfinished (it would run later, out of order).
async fn run_job(
    job: Job,
    conn: &mut SqliteConnection,
    held: &mut HeldHandle,
) -> (bool, Deliver, Option<sqlx::Error>) {
    // A use case that panics is rolled back like one that fails; its caller, whose reply
    // channel went down with it, answers 500. The writer itself carries on.
    let mut running = AssertUnwindSafe(job(conn)).catch_unwind();
    let first = std::future::poll_fn(|cx| std::task::Poll::Ready(running.poll_unpin(cx))).await;
    let (ran, lost) = match first {
        std::task::Poll::Ready(ran) => (ran, None),
        std::task::Poll::Pending => {
            held.release();
            let ran = running.await;
            (ran, held.relock(conn).await.err())
        }
    };
    match ran {
        Ok((ok, deliver)) => (ok, deliver, lost),
        Err(_) => {
            tracing::error!("a write use case panicked; rolled back");
            let nothing: Deliver = Box::new(|_: Option<&sqlx::Error>| {});
            (false, nothing, lost)
        }
    }
}

async fn run_exclusive(pool: &SqlitePool, job: ExclusiveJob, generation: &AtomicU64) {
    // No statement of ours is left on the connection while the job swaps files, attaches
    // databases or lets the pool close the connection (`Db::close` ends with one).
    crate::db::batch::forget_prepared();
    crate::db::batch::keep_prepared();
    match pool.acquire().await {
        Ok(mut conn) => {
            // A panic drops the job's reply channel: its caller answers 500.
            if AssertUnwindSafe(job(&mut conn))
                .catch_unwind()
                .await
                .is_err()
            {
                tracing::error!("an exclusive writer job panicked");
            }
        }
        Err(e) => tracing::error!(error = %e, "writer cannot get its connection"),
    }
    generation.fetch_add(1, Ordering::SeqCst);
}
