//! The single writer: use cases that share a batch are isolated by their savepoints, replies
//! come after the commit, and a panicking use case does not stop the writer.

use magemu::db::batch::Batch;
use std::future::Future;

use magemu::db::writer::Isolation;
use magemu::db::{Db, SqlValue};
use magemu::error::Error;

async fn open() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&format!("sqlite://{}", dir.path().join("w.db").display()))
        .await
        .unwrap();
    (dir, db)
}

async fn insert_sequence(
    db: &Db,
    name: &'static str,
    fail_after_write: bool,
) -> Result<i64, Error> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                sqlx::query("INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, 1, 1)")
                    .bind(name)
                    .execute(&mut *conn)
                    .await?;
                if fail_after_write {
                    return Err(Error::input("refused after writing"));
                }
                Ok(1)
            })
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_use_case_rolls_back_only_itself() {
    let (_dir, db) = open().await;
    let generation = db.generation();
    let mut tasks = Vec::new();
    for (i, name) in ["a", "b", "c", "d", "e", "f"].into_iter().enumerate() {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            insert_sequence(&db, name, i % 2 == 1).await
        }));
    }
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap().is_ok());
    }
    assert_eq!(results, [true, false, true, false, true, false]);
    let names: Vec<String> =
        sqlx::query_scalar("SELECT entity_type FROM sales_sequence ORDER BY entity_type")
            .fetch_all(&db.read)
            .await
            .unwrap();
    assert_eq!(names, ["a", "c", "e"]);
    assert!(db.generation() > generation);
}

#[tokio::test]
async fn a_panicking_use_case_fails_alone() {
    let (_dir, db) = open().await;
    let panicked: Result<i64, Error> = db
        .writer
        .write(|_conn| Box::pin(async move { panic!("boom") }))
        .await;
    assert!(matches!(panicked, Err(Error::Sqlx(_))));
    // The writer is still there.
    assert_eq!(insert_sequence(&db, "after", false).await.unwrap(), 1);
}

/// How a test use case writes its row.
#[derive(Clone, Copy)]
enum Way {
    /// One `Batch`: runs on the handle the writer holds for the group commit.
    Batch,
    /// Through sqlx: the writer releases the handle while the use case waits for sqlx.
    Sqlx,
    /// A batch, a query through sqlx, then a batch again.
    Mixed,
}

async fn insert_by(db: &Db, name: String, way: Way, fail: bool) -> Result<i64, Error> {
    const INSERT: &str =
        "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, ?, 1)";
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let batch = |store: i64| {
                    let mut batch = Batch::default();
                    batch.push(INSERT, [SqlValue::from(name.clone()), store.into()]);
                    batch
                };
                match way {
                    Way::Batch => {
                        batch(1).run(&mut *conn).await?;
                    }
                    Way::Sqlx => {
                        sqlx::query(INSERT)
                            .bind(&name)
                            .bind(1)
                            .execute(&mut *conn)
                            .await?;
                    }
                    Way::Mixed => {
                        batch(1).run(&mut *conn).await?;
                        sqlx::query(INSERT)
                            .bind(&name)
                            .bind(2)
                            .execute(&mut *conn)
                            .await?;
                        batch(3).run(&mut *conn).await?;
                    }
                }
                if fail {
                    return Err(Error::input("refused after writing"));
                }
                Ok(1)
            })
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn use_cases_that_run_batches_and_ones_that_query_through_sqlx_share_a_commit() {
    let (_dir, db) = open().await;
    let ways = [Way::Batch, Way::Sqlx, Way::Mixed];
    let mut tasks = Vec::new();
    for i in 0..36 {
        let db = db.clone();
        let (way, fail) = (ways[i % 3], i % 4 == 3);
        tasks.push(tokio::spawn(async move {
            (i, fail, insert_by(&db, format!("t{i:02}"), way, fail).await)
        }));
    }
    let mut expected = Vec::new();
    for t in tasks {
        let (i, fail, result) = t.await.unwrap();
        assert_eq!(result.is_ok(), !fail, "use case {i}");
        if !fail {
            let stores: &[i64] = match ways[i % 3] {
                Way::Mixed => &[1, 2, 3],
                _ => &[1],
            };
            expected.extend(stores.iter().map(|s| (format!("t{i:02}"), *s)));
        }
    }
    expected.sort();
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT entity_type, store_id FROM sales_sequence WHERE entity_type LIKE 't%'
         ORDER BY entity_type, store_id",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    assert_eq!(rows, expected);
    // The write connection is usable through sqlx after the group commits (its handle was
    // given back), and a new one starts cleanly.
    assert_eq!(
        insert_by(&db, "after".into(), Way::Mixed, false)
            .await
            .unwrap(),
        1
    );
}

/// When a test use case fails.
#[derive(Clone, Copy, PartialEq)]
enum Fails {
    Never,
    BeforeWriting,
    AfterWriting,
}

/// A use case that inserts the sequence `name` (in a batch), failing as `fails` says.
async fn write_row(
    db: Db,
    name: &'static str,
    isolation: Isolation,
    fails: Fails,
) -> Result<i64, Error> {
    db.writer
        .write_with(isolation, move |conn| {
            Box::pin(async move {
                if fails == Fails::BeforeWriting {
                    return Err(Error::input("refused before writing"));
                }
                let mut batch = Batch::default();
                batch.push(
                    "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES (?, 1, 1)",
                    [SqlValue::from(name.to_owned())],
                );
                batch.run(&mut *conn).await?;
                if fails == Fails::AfterWriting {
                    return Err(Error::input("refused after writing"));
                }
                Ok(1)
            })
        })
        .await
}

/// Runs `rows` as one group commit (see [`as_one_group`]).
async fn one_group(db: &Db, rows: &[(&'static str, Isolation, Fails)]) -> Vec<Result<i64, Error>> {
    let writes = rows
        .iter()
        .map(|&(name, isolation, fails)| {
            Box::pin(write_row(db.clone(), name, isolation, fails)) as Write
        })
        .collect();
    as_one_group(db, writes).await
}

/// A write use case's call, not yet polled.
type Write = std::pin::Pin<Box<dyn Future<Output = Result<i64, Error>> + Send>>;

/// Runs `writes` as one group commit: they are queued, in this order, behind a use case that
/// waits for them, so the writer takes them all together when it is done.
async fn as_one_group(db: &Db, writes: Vec<Write>) -> Vec<Result<i64, Error>> {
    let (go, wait) = tokio::sync::oneshot::channel::<()>();
    let (started, running) = tokio::sync::oneshot::channel::<()>();
    let blocker = {
        let db = db.clone();
        tokio::spawn(async move {
            db.writer
                .write(move |_conn| {
                    Box::pin(async move {
                        let _ = started.send(());
                        let _ = wait.await;
                        Ok::<_, Error>(0)
                    })
                })
                .await
        })
    };
    running.await.unwrap();
    let mut queued = Vec::new();
    for (at, mut write) in writes.into_iter().enumerate() {
        // Its first poll puts the use case on the writer's queue.
        let first =
            std::future::poll_fn(|cx| std::task::Poll::Ready(write.as_mut().poll(cx))).await;
        assert!(
            first.is_pending(),
            "write {at} answered before its group ran"
        );
        queued.push(write);
    }
    go.send(()).unwrap();
    assert_eq!(blocker.await.unwrap().unwrap(), 0);
    let mut results = Vec::new();
    for row in queued {
        results.push(row.await);
    }
    results
}

async fn sequences(db: &Db) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT entity_type FROM sales_sequence WHERE entity_type LIKE 'r%' ORDER BY entity_type",
    )
    .fetch_all(&db.read)
    .await
    .unwrap()
}

fn message(result: &Result<i64, Error>) -> String {
    match result {
        Ok(n) => format!("ok {n}"),
        Err(Error::Input(phrase)) => phrase.render(),
        Err(Error::Sqlx(_)) => "database".to_owned(),
        Err(other) => format!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_use_case_without_savepoint_that_fails_before_writing_leaves_its_group_alone() {
    let (_dir, db) = open().await;
    let results = one_group(
        &db,
        &[
            ("r1", Isolation::Savepoint, Fails::Never),
            ("r2", Isolation::ChecksFirst, Fails::BeforeWriting),
            ("r3", Isolation::ChecksFirst, Fails::Never),
            ("r4", Isolation::Savepoint, Fails::AfterWriting),
            ("r5", Isolation::ChecksFirst, Fails::Never),
        ],
    )
    .await;
    let messages: Vec<String> = results.iter().map(message).collect();
    assert_eq!(
        messages,
        [
            "ok 1",
            "refused before writing",
            "ok 1",
            "refused after writing",
            "ok 1"
        ]
    );
    assert_eq!(sequences(&db).await, ["r1", "r3", "r5"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_use_case_without_savepoint_that_fails_after_writing_rolls_back_its_whole_group() {
    let (_dir, db) = open().await;
    let generation = db.generation();
    let results = one_group(
        &db,
        &[
            ("r1", Isolation::Savepoint, Fails::Never),
            ("r2", Isolation::ChecksFirst, Fails::Never),
            ("r3", Isolation::ChecksFirst, Fails::AfterWriting),
            ("r4", Isolation::Savepoint, Fails::Never),
        ],
    )
    .await;
    let messages: Vec<String> = results.iter().map(message).collect();
    // The one that failed gets its own error; the others of the group are told their write
    // did not commit (the one queued after it never ran).
    assert_eq!(
        messages,
        ["database", "database", "refused after writing", "database"]
    );
    assert_eq!(sequences(&db).await, Vec::<String>::new());
    // The blocker's group committed; the rolled-back one did not move the generation again.
    assert_eq!(db.generation(), generation + 1);
    // The writer goes on: the next use cases commit.
    let results = one_group(&db, &[("r6", Isolation::ChecksFirst, Fails::Never)]).await;
    assert_eq!(message(&results[0]), "ok 1");
    assert_eq!(sequences(&db).await, ["r6"]);
}

/// The connection's `synchronous` setting (2: FULL).
async fn synchronous(db: &Db) -> i64 {
    sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&db.write)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_commits_are_synced_by_the_sync_thread_and_leave_the_connection_at_full() {
    let (_dir, db) = open().await;
    assert_eq!(synchronous(&db).await, 2);
    // Inside a group the connection is at NORMAL: its COMMIT does not wait for the fsync.
    let inside = db
        .writer
        .write(|conn| {
            Box::pin(async move {
                let level: i64 = sqlx::query_scalar("PRAGMA synchronous")
                    .fetch_one(&mut *conn)
                    .await?;
                Ok::<_, Error>(level)
            })
        })
        .await
        .unwrap();
    assert_eq!(inside, 1);
    let durable = db.durability.durable();
    // A group that commits: its commit is handed to the sync thread, which a response waits for.
    let results = one_group(&db, &[("r1", Isolation::Savepoint, Fails::Never)]).await;
    assert_eq!(message(&results[0]), "ok 1");
    db.durability.fence().await;
    assert!(
        db.durability.durable() > durable,
        "the group's commit was not synced"
    );
    assert_eq!(synchronous(&db).await, 2, "left at NORMAL after a commit");
    // A group that rolls back.
    let results = one_group(&db, &[("r2", Isolation::ChecksFirst, Fails::AfterWriting)]).await;
    assert_eq!(message(&results[0]), "refused after writing");
    db.durability.fence().await;
    assert_eq!(synchronous(&db).await, 2, "left at NORMAL after a rollback");
    assert_eq!(sequences(&db).await, ["r1"]);
    // Start-up writes outside the writer commit at FULL, synced in their COMMIT.
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO sales_sequence (entity_type, store_id, next_value) VALUES ('r3', 1, 1)",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(sequences(&db).await, ["r1", "r3"]);
}

/// An invoice of the whole of `order_id` through the use case (not HTTP), for [`as_one_group`].
fn invoice(db: &Db, order_id: i64) -> Write {
    let db = db.clone();
    Box::pin(async move {
        magemu::sales::invoice::invoice_order(
            &db,
            order_id,
            magemu::sales::invoice::InvoiceRequest::default(),
            magemu::db::model::Author::ADMIN,
        )
        .await
    })
}

/// A write of another use case than invoicing: it moves the store's invoice numbers and the
/// invoice ids on, as `PUT /magemu/next-ids` and Magento's own sequence tables can.
fn move_invoice_numbers(db: &Db) -> Write {
    let db = db.clone();
    Box::pin(async move {
        db.writer
            .write(|conn| {
                Box::pin(async move {
                    sqlx::query(
                        "UPDATE sales_sequence SET next_value = 500 WHERE entity_type = 'invoice' AND store_id = 1",
                    )
                    .execute(&mut *conn)
                    .await?;
                    sqlx::query("UPDATE sqlite_sequence SET seq = 900 WHERE name = 'sales_invoice'")
                        .execute(&mut *conn)
                        .await?;
                    Ok::<_, Error>(0)
                })
            })
            .await
    })
}

/// Each invoice's id, increment id and store.
async fn invoices(db: &Db) -> Vec<(i64, String, i64)> {
    sqlx::query_as("SELECT entity_id, increment_id, order_id FROM sales_invoice ORDER BY entity_id")
        .fetch_all(&db.read)
        .await
        .unwrap()
}

/// Invoices that share a group commit take their ids and numbers one after the other (the
/// later ones from the writer's memo, `db::memo`), and a write of any other use case between
/// them, or an invoice refused, leaves the next invoice reading them again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoices_in_one_group_take_the_ids_and_numbers_that_writes_between_them_leave() {
    let app = crate::common::spawn_app().await;
    let token = app.token().await;
    let db = &app.state.db;
    let order = serde_json::json!({"customer_email": "ann@example.com",
        "customer_firstname": "Ann", "customer_lastname": "Lee",
        "items": [{"sku": "24-WB01", "name": "Voyage Yoga Bag", "qty_ordered": 1, "price": 32}]});
    let mut orders = Vec::new();
    for _ in 0..4 {
        orders.push(app.create_order(&token, order.clone()).await);
    }
    assert_eq!(invoices(db).await, []);
    let generation = db.generation();
    let results = as_one_group(
        db,
        vec![
            invoice(db, orders[0]),
            invoice(db, orders[1]),
            // Refused: already invoiced whole.
            invoice(db, orders[0]),
            invoice(db, orders[2]),
            move_invoice_numbers(db),
            invoice(db, orders[3]),
        ],
    )
    .await;
    // Two commits: the blocker's group, then the six together.
    assert_eq!(db.generation(), generation + 2);
    let first = *results[0].as_ref().unwrap();
    let ids: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(id) => format!("ok {id}"),
            Err(Error::Input(phrase)) => phrase.render(),
            Err(other) => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        ids,
        [
            format!("ok {first}"),
            format!("ok {}", first + 1),
            "Invoice Document Validation Error(s):\nThe invoice can't be created without products. Add products and try again.\nThe order does not allow an invoice to be created.".to_owned(),
            format!("ok {}", first + 2),
            "ok 0".to_owned(),
            "ok 901".to_owned(),
        ]
    );
    let saved = invoices(db).await;
    let number: i64 = saved[0].1.parse().unwrap();
    let width = saved[0].1.len();
    let at = |n: i64| format!("{n:0width$}");
    assert_eq!(
        saved,
        [
            (first, at(number), orders[0]),
            (first + 1, at(number + 1), orders[1]),
            (first + 2, at(number + 2), orders[2]),
            (901, at(500), orders[3]),
        ]
    );
    app.stop().await;
}
