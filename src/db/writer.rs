//! The single writer: every write use case runs on one connection, one after the other, and
//! use cases that queue up meanwhile share one transaction and one commit (group commit).
//!
//! Each use case runs inside its own `SAVEPOINT`: when it fails, only its own writes are rolled
//! back and the others of the batch go on. Replies are delivered after the `COMMIT` succeeds (so
//! a 200 is never sent for data that is not on disk), and the database generation is bumped
//! then. With `synchronous = FULL`, the fsync of the WAL is paid once per batch instead of once
//! per request, which is what lets a durable SQLite take thousands of invoices a second.
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
use sqlx::sqlite::SqlitePool;
use sqlx::SqliteConnection;
use tokio::sync::{mpsc, oneshot};

use crate::db::batch::HeldHandle;

/// Most use cases committed together.
const MAX_BATCH: usize = 128;

/// A boxed future borrowing the connection.
pub type BoxFuture<'c, T> = Pin<Box<dyn Future<Output = T> + Send + 'c>>;

/// Hands a use case's result to its caller once the batch's fate is known (`None`: committed).
type Deliver = Box<dyn FnOnce(Option<&sqlx::Error>) + Send>;
/// A queued use case: runs on the connection, says whether it succeeded, and how to deliver.
type Job =
    Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, (bool, Deliver)> + Send>;

/// A job run alone on the connection, outside any transaction; the generation is bumped after.
type ExclusiveJob = Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, ()> + Send>;

/// What the queue carries.
enum Queued {
    UseCase(Job),
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
    pub fn start(pool: SqlitePool, generation: Arc<AtomicU64>) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel::<Queued>(1024);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("magemu-writer".into())
            .spawn(move || runtime.block_on(run(pool, queue, generation)))?;
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
            .send(Queued::UseCase(job))
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
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
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn exec(conn: &mut SqliteConnection, sql: &str) -> Result<(), sqlx::Error> {
    sqlx::query(sql).execute(conn).await.map(|_| ())
}

async fn run(pool: SqlitePool, mut queue: mpsc::Receiver<Queued>, generation: Arc<AtomicU64>) {
    // Batches keep the statements they prepare on this thread (`db::batch`) from one group
    // commit to the next; an exclusive job and the end of the writer finalize them.
    crate::db::batch::keep_prepared();
    // An exclusive job met while a batch was gathered: it runs right after that batch.
    let mut held: Option<Queued> = None;
    loop {
        let first = match held.take() {
            Some(queued) => queued,
            None => match queue.recv().await {
                Some(queued) => queued,
                None => break,
            },
        };
        let first = match first {
            Queued::UseCase(job) => job,
            Queued::Exclusive(job) => {
                run_exclusive(&pool, job, &generation).await;
                continue;
            }
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(Queued::UseCase(job)) => batch.push(job),
                Ok(exclusive) => {
                    held = Some(exclusive);
                    break;
                }
                Err(_) => break,
            }
        }
        let mut pooled = match pool.acquire().await {
            Ok(conn) => conn,
            Err(e) => {
                // Dropping the jobs unanswered: their callers get an internal error.
                tracing::error!(error = %e, jobs = batch.len(), "writer cannot get its connection");
                continue;
            }
        };
        commit_group(&mut pooled, batch, &generation).await;
    }
    crate::db::batch::forget_prepared();
}

/// Runs `batch` in one transaction on the write connection, each use case in its own savepoint,
/// and delivers every result once the transaction's fate is known.
///
/// The connection's handle stays locked on this thread from BEGIN to COMMIT ([`HeldHandle`]):
/// the savepoint steps run on it directly and a use case's batches run at once, so a group
/// commit of invoices costs one hand-off to sqlx's worker thread instead of three per invoice.
/// Each use case is polled once with the handle held; one that awaits anything then (a query
/// through sqlx, which waits for the lock) finishes with the handle released and it is taken
/// again after it.
async fn commit_group(conn: &mut SqliteConnection, batch: Vec<Job>, generation: &AtomicU64) {
    let jobs = batch.len();
    let mut held = match HeldHandle::lock(conn).await {
        Ok(held) => held,
        Err(e) => {
            tracing::error!(error = %e, jobs, "writer cannot lock its connection");
            return;
        }
    };
    // One savepoint per use case, released once it has run: rolling back to it undoes only
    // that use case, and releasing it lets SQLite drop the pages it journaled (the sub-journal
    // holds what one use case changed, not a whole batch). The last one ends with the COMMIT
    // (which releases it).
    if let Err(e) = held.execute("BEGIN IMMEDIATE; SAVEPOINT use_case") {
        tracing::error!(error = %e, jobs, "writer cannot begin");
        let _ = held.execute("ROLLBACK");
        return;
    }
    let mut delivers = Vec::with_capacity(jobs);
    let mut broken: Option<sqlx::Error> = None;
    let mut jobs = batch.into_iter().peekable();
    let mut last_ok = true;
    while let Some(job) = jobs.next() {
        let (ok, deliver, lost) = run_job(job, conn, &mut held).await;
        delivers.push(deliver);
        if let Some(e) = lost {
            broken = Some(e);
            break;
        }
        if jobs.peek().is_none() {
            last_ok = ok;
            break;
        }
        let next = if ok {
            "RELEASE use_case; SAVEPOINT use_case"
        } else {
            "ROLLBACK TO use_case; RELEASE use_case; SAVEPOINT use_case"
        };
        if let Err(e) = held.execute(next) {
            broken = Some(e);
            break;
        }
    }
    let outcome = match broken {
        Some(e) => Err(e),
        None if last_ok => held.execute("COMMIT"),
        None => held.execute("ROLLBACK TO use_case; COMMIT"),
    };
    match outcome {
        Ok(()) => {
            drop(held);
            generation.fetch_add(1, Ordering::SeqCst);
            for deliver in delivers {
                deliver(None);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "write batch failed; rolled back");
            if held.is_held() {
                let _ = held.execute("ROLLBACK");
            } else {
                // The handle could not be taken again after a use case that released it: roll
                // back through sqlx.
                drop(held);
                let _ = exec(conn, "ROLLBACK").await;
            }
            for deliver in delivers {
                deliver(Some(&e));
            }
        }
    }
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
