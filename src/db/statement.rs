//! A prepared statement on a connection's raw handle: what [`crate::db::batch`] runs its
//! statements with, instead of rusqlite's `Statement`.
//!
//! Why not rusqlite's: it reads a column with three or four calls of SQLite's API
//! (`sqlite3_column_count` to check the index, `sqlite3_column_type`, then
//! `sqlite3_column_int64`, or `sqlite3_column_text` and `sqlite3_column_bytes`), and each
//! `sqlite3_column_*` call looks the result column up again and enters and leaves the
//! connection's mutex (`columnMem`, `columnMallocFailure`). A durable invoice reads about 600
//! columns (an order's row alone has 136): callgrind counted about 37,000 of the writer's
//! 540,000 instructions an invoice in those calls (README Performance, session 51). Here a
//! column is one `sqlite3_column_value` and the `sqlite3_value_*` accessors of the value it
//! returns, which neither look it up nor take a mutex.
//!
//! SQLite documents the value `sqlite3_column_value` returns as "unprotected": reading it with
//! `sqlite3_value_*` is not thread-safe, i.e. it takes no mutex. Nothing else uses a connection
//! while a batch runs on it (the writer holds its handle locked, a reader connection belongs to
//! one request at a time, and every connection is opened `SQLITE_OPEN_NOMUTEX`, so the mutex
//! the other calls take is a no-op anyway), and the value is read before the next step.
//!
//! Errors are rusqlite's (`SqliteFailure` with SQLite's extended code and message), so
//! [`crate::db::batch::failure`] keeps their kind.

use std::ffi::{c_char, c_int, CStr};
use std::ptr::NonNull;

use rusqlite::ffi;
use rusqlite::types::Value;

use crate::db::SqlValue;

/// A statement prepared on a connection's handle, finalized when dropped. It must be dropped
/// before that connection closes (SQLite refuses to close a handle that still has statements).
pub(crate) struct Prepared {
    /// `None`: the text held no statement (only white space or a comment); it runs as nothing.
    ptr: Option<NonNull<ffi::sqlite3_stmt>>,
}

/// What one run of a [`Prepared`] gave: its rows (every column, in order) and how many rows it
/// changed (0 for a statement with result columns).
#[derive(Default)]
pub(crate) struct Ran {
    pub(crate) rows: Vec<Vec<Value>>,
    pub(crate) changed: u64,
}

impl Prepared {
    /// Prepares `sql`, one statement, on `db`.
    ///
    /// # Safety
    /// `db` is an open connection's handle that no other thread uses meanwhile, and it stays
    /// open until the statement is dropped.
    pub(crate) unsafe fn prepare(db: *mut ffi::sqlite3, sql: &str) -> rusqlite::Result<Prepared> {
        let len = c_len(sql.len())?;
        let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        let mut tail: *const c_char = std::ptr::null();
        // SAFETY: `sql` is valid for `len` bytes (SQLite reads no further); `stmt` and `tail`
        // are out-pointers SQLite writes. The caller vouches for `db`.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr().cast::<c_char>(),
                len,
                0,
                &mut stmt,
                &mut tail,
            )
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: as above; on failure SQLite set `stmt` to NULL (nothing to finalize).
            return Err(unsafe { error(db, rc) });
        }
        let prepared = Prepared {
            ptr: NonNull::new(stmt),
        };
        // One statement only (rusqlite's `MultipleStatement`): what follows it may be only
        // white space or `;`.
        let used = (tail as usize).saturating_sub(sql.as_ptr() as usize);
        if !tail.is_null()
            && sql.get(used..).is_some_and(|rest| {
                !rest
                    .trim_matches(|c: char| c.is_whitespace() || c == ';')
                    .is_empty()
            })
        {
            return Err(rusqlite::Error::MultipleStatement);
        }
        Ok(prepared)
    }

    /// The names of the result columns, in order (none for a statement without).
    pub(crate) fn column_names(&self) -> Vec<Box<str>> {
        let Some(stmt) = self.ptr else {
            return Vec::new();
        };
        // SAFETY: `stmt` is a live statement (`prepare`'s caller keeps its connection open).
        let width = unsafe { ffi::sqlite3_column_count(stmt.as_ptr()) };
        (0..width)
            .map(|at| {
                // SAFETY: `at` is below the column count; the name SQLite returns is a
                // NUL-terminated UTF-8 string valid until the statement is finalized or the
                // name asked again, and it is copied at once. NULL only when out of memory.
                let name = unsafe { ffi::sqlite3_column_name(stmt.as_ptr(), at) };
                if name.is_null() {
                    return Box::from("");
                }
                Box::from(unsafe { CStr::from_ptr(name) }.to_string_lossy().as_ref())
            })
            .collect()
    }

    /// Binds `values` to the parameters in order (any parameter past them is `NULL`, as on a
    /// new statement: a statement run again still holds its last run's values), steps it to
    /// the end and resets it, keeping every row. An amount must already be an integer (see
    /// `Batch::run_on`); left an amount, it is bound as its stored integer here.
    pub(crate) fn run(&mut self, values: &[SqlValue]) -> rusqlite::Result<Ran> {
        let Some(stmt) = self.ptr else {
            return Ok(Ran::default());
        };
        let stmt = stmt.as_ptr();
        // SAFETY (every call below): `stmt` is a live statement on a connection only this
        // thread uses (`prepare`'s contract), and `db` is its connection.
        let db = unsafe { ffi::sqlite3_db_handle(stmt) };
        let ran = unsafe { bind(stmt, values) }.and_then(|()| unsafe { step_all(db, stmt) });
        // Reset even after a failure: a statement left mid-way would keep its read open.
        // Its code repeats the failing step's, already reported.
        unsafe { ffi::sqlite3_reset(stmt) };
        ran
    }
}

impl Drop for Prepared {
    fn drop(&mut self) {
        if let Some(stmt) = self.ptr {
            // SAFETY: the statement is live and finalized once; its connection is still open
            // (`prepare`'s contract).
            unsafe { ffi::sqlite3_finalize(stmt.as_ptr()) };
        }
    }
}

/// Binds `values` to `stmt`'s parameters in order, `NULL` to the rest.
///
/// # Safety
/// `stmt` is a live statement used by this thread only.
unsafe fn bind(stmt: *mut ffi::sqlite3_stmt, values: &[SqlValue]) -> rusqlite::Result<()> {
    // SAFETY: the caller vouches for `stmt`.
    let count = unsafe { ffi::sqlite3_bind_parameter_count(stmt) };
    let count = usize::try_from(count).unwrap_or(0);
    if values.len() > count {
        return Err(rusqlite::Error::InvalidParameterCount(values.len(), count));
    }
    for at in 0..count {
        let index = c_int::try_from(at + 1).unwrap_or(c_int::MAX);
        // SAFETY: `index` is a parameter of `stmt`; a text is copied by SQLite before the call
        // returns (SQLITE_TRANSIENT), so it need not outlive the call.
        let rc = unsafe {
            match values.get(at) {
                Some(SqlValue::Int(Some(v))) => ffi::sqlite3_bind_int64(stmt, index, *v),
                Some(SqlValue::Amount(Some(a))) => {
                    ffi::sqlite3_bind_int64(stmt, index, crate::db::batch::stored_amount(a)?)
                }
                Some(SqlValue::Text(Some(v))) => ffi::sqlite3_bind_text(
                    stmt,
                    index,
                    v.as_ptr().cast::<c_char>(),
                    c_len(v.len())?,
                    ffi::SQLITE_TRANSIENT(),
                ),
                _ => ffi::sqlite3_bind_null(stmt, index),
            }
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: as above.
            return Err(unsafe { error(ffi::sqlite3_db_handle(stmt), rc) });
        }
    }
    Ok(())
}

/// Steps `stmt` until it is done, keeping its rows; the rows changed when it has no columns.
///
/// # Safety
/// `stmt` is a live statement on `db`, both used by this thread only.
unsafe fn step_all(db: *mut ffi::sqlite3, stmt: *mut ffi::sqlite3_stmt) -> rusqlite::Result<Ran> {
    // SAFETY (every call below): the caller vouches for `stmt` and `db`.
    let width = unsafe { ffi::sqlite3_column_count(stmt) };
    let mut rows = Vec::new();
    loop {
        match unsafe { ffi::sqlite3_step(stmt) } {
            ffi::SQLITE_ROW if width > 0 => {
                // Sized up front: an order's row has 136 columns.
                let mut row = Vec::with_capacity(width as usize);
                for at in 0..width {
                    row.push(unsafe { column(stmt, at) }?);
                }
                rows.push(row);
            }
            // A statement without columns that still gives rows (a PRAGMA) gives them to no
            // one, as rusqlite's `execute` does not.
            ffi::SQLITE_ROW => {}
            ffi::SQLITE_DONE => break,
            rc => return Err(unsafe { error(db, rc) }),
        }
    }
    let changed = if width == 0 {
        u64::try_from(unsafe { ffi::sqlite3_changes64(db) }).unwrap_or(0)
    } else {
        0
    };
    Ok(Ran { rows, changed })
}

/// The value of result column `at` of the row `stmt` stands on, owned. A text that is not
/// UTF-8 (written into the file by another program) is an error, not a panic.
///
/// # Safety
/// `stmt` is a live statement on a row, used by this thread only, and `at` is below its
/// column count.
unsafe fn column(stmt: *mut ffi::sqlite3_stmt, at: c_int) -> rusqlite::Result<Value> {
    // SAFETY: the caller vouches for `stmt` and `at`. The value is the statement's own,
    // valid until the next step, reset or finalize; it is read here and copied. Asking for
    // the text before its length is SQLite's documented order.
    unsafe {
        let value = ffi::sqlite3_column_value(stmt, at);
        Ok(match ffi::sqlite3_value_type(value) {
            ffi::SQLITE_INTEGER => Value::Integer(ffi::sqlite3_value_int64(value)),
            ffi::SQLITE_FLOAT => Value::Real(ffi::sqlite3_value_double(value)),
            ffi::SQLITE_TEXT => {
                // NULL only when SQLite ran out of memory converting it (an empty text is a
                // pointer to ""): an error, not an empty text.
                let text = ffi::sqlite3_value_text(value);
                if text.is_null() {
                    return Err(out_of_memory());
                }
                let len = usize::try_from(ffi::sqlite3_value_bytes(value)).unwrap_or(0);
                let bytes = if len == 0 {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(text, len)
                };
                Value::Text(
                    std::str::from_utf8(bytes)
                        .map_err(rusqlite::Error::Utf8Error)?
                        .to_owned(),
                )
            }
            ffi::SQLITE_BLOB => {
                let blob = ffi::sqlite3_value_blob(value).cast::<u8>();
                let len = usize::try_from(ffi::sqlite3_value_bytes(value)).unwrap_or(0);
                if len == 0 {
                    // An empty blob's pointer is NULL.
                    Value::Blob(Vec::new())
                } else if blob.is_null() {
                    return Err(out_of_memory());
                } else {
                    Value::Blob(std::slice::from_raw_parts(blob, len).to_vec())
                }
            }
            _ => Value::Null,
        })
    }
}

/// SQLite's "out of memory", for a value it could not hand out.
fn out_of_memory() -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(ffi::Error::new(ffi::SQLITE_NOMEM), None)
}

/// A length SQLite takes (a C int), or its "too big" error.
fn c_len(len: usize) -> rusqlite::Result<c_int> {
    c_int::try_from(len)
        .ok()
        .filter(|&n| n < c_int::MAX)
        .ok_or(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_TOOBIG),
            None,
        ))
}

/// SQLite's error `rc` on `db`, with its message, as rusqlite reports it.
///
/// # Safety
/// `db` is an open connection's handle used by this thread only.
unsafe fn error(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Error {
    // SAFETY: the caller vouches for `db`; the message is copied at once.
    let message = unsafe {
        let text = ffi::sqlite3_errmsg(db);
        (!text.is_null()).then(|| CStr::from_ptr(text).to_string_lossy().into_owned())
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(db: &rusqlite::Connection, sql: &str, values: &[SqlValue]) -> rusqlite::Result<Ran> {
        // SAFETY: `db` is open, used by this thread only, and outlives the statement.
        let mut statement = unsafe { Prepared::prepare(db.handle(), sql) }?;
        statement.run(values)
    }

    #[test]
    fn every_type_of_value_reads_back_as_stored() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        let ran = run(
            &db,
            "SELECT ?, ?, 1.5, x'00ff', x'', '', NULL, 'été'",
            &[SqlValue::from(-7_i64), SqlValue::from("a".to_owned())],
        )
        .unwrap();
        assert_eq!(
            ran.rows,
            vec![vec![
                Value::Integer(-7),
                Value::Text("a".into()),
                Value::Real(1.5),
                Value::Blob(vec![0, 255]),
                Value::Blob(Vec::new()),
                Value::Text(String::new()),
                Value::Null,
                Value::Text("été".into()),
            ]]
        );
    }

    #[test]
    fn a_second_statement_in_the_text_is_refused_not_dropped() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        assert!(matches!(
            run(&db, "SELECT 1; SELECT 2", &[]),
            Err(rusqlite::Error::MultipleStatement)
        ));
        // A trailing `;` and white space are no second statement; a text with none runs as
        // nothing.
        assert_eq!(run(&db, "SELECT 1 ;\n ", &[]).unwrap().rows.len(), 1);
        assert!(run(&db, "  ", &[]).unwrap().rows.is_empty());
    }

    #[test]
    fn a_statement_runs_again_after_a_failure_and_counts_its_changes() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        run(
            &db,
            "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)",
            &[],
        )
        .unwrap();
        // SAFETY: as in `run`.
        let mut insert =
            unsafe { Prepared::prepare(db.handle(), "INSERT INTO t (k, v) VALUES (?, ?)") }
                .unwrap();
        let row = |k: i64| [SqlValue::from(k), SqlValue::from(format!("v{k}"))];
        assert_eq!(insert.run(&row(1)).unwrap().changed, 1);
        let taken = insert.run(&row(1)).err().unwrap();
        assert!(matches!(
            taken,
            rusqlite::Error::SqliteFailure(e, Some(ref message))
                if e.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    && message.contains("UNIQUE constraint failed: t.k")
        ));
        // Fewer values than parameters: the rest are NULL, not the last run's.
        let null = insert.run(&[SqlValue::from(2_i64)]).err().unwrap();
        assert!(matches!(
            null,
            rusqlite::Error::SqliteFailure(e, _) if e.extended_code == ffi::SQLITE_CONSTRAINT_NOTNULL
        ));
        assert_eq!(insert.run(&row(3)).unwrap().changed, 1);
        let count = run(&db, "SELECT count(*) FROM t", &[]).unwrap();
        assert_eq!(count.rows, vec![vec![Value::Integer(2)]]);
    }
}
