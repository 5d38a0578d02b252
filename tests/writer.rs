//! The single writer: use cases that share a batch are isolated by their savepoints, replies
//! come after the commit, and a panicking use case does not stop the writer.

use magemu::db::Db;
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
