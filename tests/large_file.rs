//! A large database file is read through a memory map (`db::is_large`); a small one is not.

use magemu::db::Db;

async fn reader_mmap_size(db: &Db) -> i64 {
    sqlx::query_scalar("PRAGMA mmap_size")
        .fetch_one(&db.read)
        .await
        .unwrap()
}

#[tokio::test]
async fn readers_map_a_file_of_256_mib_or_more() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("big.db").display());
    let db = Db::open(&url).await.unwrap();
    assert_eq!(reader_mmap_size(&db).await, 0, "a new database is small");
    // 260 MiB of zeros, written through SQLite so the file stays a valid database.
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query("CREATE TABLE filler (b BLOB)")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 260)
         INSERT INTO filler SELECT zeroblob(1048576) FROM n",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    db.close().await;

    let db = Db::open(&url).await.unwrap();
    // SQLite caps the map at its SQLITE_MAX_MMAP_SIZE (0x7fff0000 on this build).
    assert_eq!(reader_mmap_size(&db).await, 0x7fff_0000);
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM filler WHERE length(b) = 1048576")
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(rows, 260);
    let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sales_order")
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(orders, 0);
    db.close().await;
}
