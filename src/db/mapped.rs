//! One memory map of a large database file for every read connection of the process, kept
//! across writes: a SQLite VFS ([`NAME`]) that is the operating system's own VFS with the
//! memory-map methods (`xFetch`, `xUnfetch`) replaced.
//!
//! Why: the readers of a world of a million orders (2.2 GB) read B-tree pages nobody touched
//! lately, and through a memory map each is a memory access where `pread` is a system call and
//! a copy (`db::is_large`). SQLite's own map (`PRAGMA mmap_size`) wastes most of that:
//! - each connection maps the file for itself, and the first touch of every page of every
//!   connection's map is a page fault;
//! - in WAL mode a read transaction that finds the database changed since the connection's
//!   last one unmaps the whole file (`pagerBeginReadTransaction`: `pager_reset` then
//!   `sqlite3OsUnfetch(fd, 0, 0)`), so after any write (a token signed in is one) every
//!   reader starts faulting pages in again;
//! - the map stops at `SQLITE_MAX_MMAP_SIZE`, 2 GiB in the bundled build: past it every page
//!   is a `pread`.
//!
//! The load benchmark's world comparison measured it on the million-order world, GET
//! /V1/orders/{id} over ids all over it: 0.7 page faults a request and the kernel's read path
//! for the pages past 2 GiB in the profile, 16 us of CPU a request more than the same reads in
//! a world of 10 orders (see README, Performance).
//!
//! Here the file is mapped once per process and file (read-only, shared, from a descriptor of
//! its own that stays open: closing one would drop the process's locks), its page tables
//! filled up front on a thread of its own (`MADV_POPULATE_READ`), and every connection
//! opened with [`NAME`] is handed pages of that map; a connection's "unmap everything" is a
//! moment to look whether the file grew well past the map (then a larger map replaces it for
//! the connections that ask next; the old one lives on while any connection holds it). Pages
//! past the map are read as before (`xRead`, the page cache). The map shows the file's
//! current contents (`MAP_SHARED`), exactly as SQLite's own does, and SQLite asks it only for
//! pages the WAL does not hold. The file must not shrink below a map while the server runs:
//! magemu never shrinks it (no `VACUUM` on the live file, `auto_vacuum` off, a reset deletes
//! and inserts rows); SQLite never asks for a page past the database's end either.

use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::{Path, PathBuf};
use std::ptr;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use rusqlite::ffi;

/// The VFS's name, for `Connection::open_with_flags_and_vfs` and `SqliteConnectOptions::vfs`.
pub const NAME: &str = "magemu-mapped";
const NAME_C: &CStr = c"magemu-mapped";

/// A file grown past its map by this much (or an eighth of the map, if more) is mapped again.
const REMAP_GROWTH: u64 = 64 * 1024 * 1024;

/// A read-only shared map of a whole file.
#[derive(Debug)]
struct Mapping {
    ptr: *mut u8,
    len: usize,
}

// The map is read-only memory that lives until the last `Arc` goes: any thread may read it.
unsafe impl Send for Mapping {}
unsafe impl Sync for Mapping {}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are what `mmap` returned; no page of it is handed out any more
        // (every connection holding one holds the `Arc`).
        unsafe {
            libc::munmap(self.ptr.cast(), self.len);
        }
    }
}

impl Mapping {
    /// Maps the whole of `file`, `None` when it is empty or cannot be mapped; its page tables
    /// are filled on a thread of its own.
    fn new(file: &std::fs::File) -> Option<Arc<Mapping>> {
        use std::os::fd::AsRawFd;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        if len == 0 {
            return None;
        }
        // SAFETY: a fresh read-only shared map of an open file; the map outlives the fd.
        let ptr = unsafe {
            libc::mmap(
                ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_SHARED,
                file.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            tracing::warn!(error = %std::io::Error::last_os_error(), "cannot map the database file");
            return None;
        }
        let mapping = Arc::new(Mapping {
            ptr: ptr.cast(),
            len,
        });
        let filled = Arc::clone(&mapping);
        let spawned = std::thread::Builder::new()
            .name("magemu-map".into())
            .spawn(move || filled.fill());
        if let Err(e) = spawned {
            tracing::warn!(error = %e, "no thread to fill the map's page tables");
        }
        Some(mapping)
    }

    /// Fills the map's page tables, so that no read faults a page in: `MADV_POPULATE_READ`
    /// (Linux 5.14), or, where the kernel does not know it (`EINVAL`), one read a page. Any
    /// other failure (`EFAULT`: a page past the file's end, where a read would be `SIGBUS`)
    /// leaves the pages to fault in when read.
    fn fill(&self) {
        let started = std::time::Instant::now();
        // SAFETY: the range is this map, alive while `self` is.
        let done = unsafe { libc::madvise(self.ptr.cast(), self.len, libc::MADV_POPULATE_READ) };
        let error = (done != 0).then(std::io::Error::last_os_error);
        if error.as_ref().and_then(std::io::Error::raw_os_error) == Some(libc::EINVAL) {
            let mut sum = 0u8;
            for at in (0..self.len).step_by(4096) {
                // SAFETY: `at` is inside the map, and the file (which magemu never shrinks)
                // was this long when mapped.
                sum = sum.wrapping_add(unsafe { ptr::read_volatile(self.ptr.add(at)) });
            }
            std::hint::black_box(sum);
        } else if let Some(e) = error {
            tracing::warn!(error = %e, "filling the database map's page tables");
        }
        tracing::debug!(
            bytes = self.len,
            ms = started.elapsed().as_millis() as u64,
            "database map filled"
        );
    }

    /// The `len` bytes at `offset`, if the map holds them and 256 bytes more: SQLite may read
    /// a little past a page of a corrupt database (`unixFetch` keeps the same margin), which
    /// past the map's end would be a segmentation fault instead of `SQLITE_CORRUPT`.
    fn at(&self, offset: i64, len: c_int) -> Option<*mut u8> {
        const SLACK: usize = 256;
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        // SAFETY: `start <= end + SLACK <= self.len`: inside the map.
        (end.checked_add(SLACK)? <= self.len).then(|| unsafe { self.ptr.add(start) })
    }
}

/// A file by device and inode: what a map is of (a path may come to name another file).
type FileKey = (u64, u64);

fn key_of(meta: &std::fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The process's own descriptor of each mapped file, opened once and never closed: closing any
/// descriptor of a file drops every POSIX lock the process holds on it, SQLite's included
/// (its unix VFS keeps descriptors it is done with open for the same reason), and a WAL
/// database whose locks are gone can have its WAL checkpointed and deleted under the server by
/// another process.
fn kept_file(path: &Path) -> Option<(FileKey, &'static std::fs::File)> {
    static FILES: OnceLock<Mutex<HashMap<FileKey, &'static std::fs::File>>> = OnceLock::new();
    let key = key_of(&std::fs::metadata(path).ok()?);
    let mut files = FILES.get_or_init(Default::default).lock().ok()?;
    if let Some(file) = files.get(&key) {
        return Some((key, *file));
    }
    let file = std::fs::File::open(path).ok()?;
    if key_of(&file.metadata().ok()?) != key {
        // Replaced between the two looks: keep this descriptor open all the same (see above),
        // map nothing.
        std::mem::forget(file);
        return None;
    }
    let file: &'static std::fs::File = Box::leak(Box::new(file));
    files.insert(key, file);
    Some((key, file))
}

/// The process's maps, by file.
fn maps() -> &'static Mutex<HashMap<FileKey, Weak<Mapping>>> {
    static MAPS: OnceLock<Mutex<HashMap<FileKey, Weak<Mapping>>>> = OnceLock::new();
    MAPS.get_or_init(Default::default)
}

/// The map of `file` connections share: the current one, or a new one when there is none or
/// the file grew well past it (`REMAP_GROWTH`).
fn shared(key: FileKey, file: &std::fs::File) -> Option<Arc<Mapping>> {
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut maps = maps().lock().ok()?;
    if let Some(current) = maps.get(&key).and_then(Weak::upgrade) {
        let len = current.len as u64;
        if size <= len + REMAP_GROWTH.max(len / 8) {
            return Some(current);
        }
    }
    let mapping = Mapping::new(file)?;
    maps.retain(|_, m| m.strong_count() > 0);
    maps.insert(key, Arc::downgrade(&mapping));
    Some(mapping)
}

/// What this VFS keeps of a main database file, after the operating system VFS's own file.
struct Trailer {
    /// The file's own methods (the operating system VFS's).
    own: *const ffi::sqlite3_io_methods,
    key: FileKey,
    file: &'static std::fs::File,
    map: Option<Arc<Mapping>>,
}

/// The operating system's VFS, and where a [`Trailer`] sits in a file of this VFS.
struct Base {
    vfs: *mut ffi::sqlite3_vfs,
    trailer_at: usize,
}

// The base VFS is SQLite's static, thread-safe default VFS.
unsafe impl Send for Base {}
unsafe impl Sync for Base {}

static BASE: OnceLock<Option<Base>> = OnceLock::new();

// The trailer sits at a multiple of its alignment, and SQLite's allocations of a file are
// 8-byte aligned (`ROUND8`, `sqlite3MallocZero`).
const _: () = assert!(std::mem::align_of::<Trailer>() <= 8);

/// Registers the VFS (once); false when SQLite has no default VFS to build it on.
pub fn register() -> bool {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    *REGISTERED.get_or_init(|| {
        let Some(base) = base() else {
            return false;
        };
        // SAFETY: SQLite's VFS registry; the VFS struct is leaked, so it lives as long as
        // SQLite may use it.
        unsafe {
            let mut vfs: ffi::sqlite3_vfs = ptr::read(base.vfs);
            let Ok(size) = c_int::try_from(base.trailer_at + std::mem::size_of::<Trailer>()) else {
                return false;
            };
            vfs.szOsFile = size;
            vfs.zName = NAME_C.as_ptr();
            vfs.pNext = ptr::null_mut();
            vfs.xOpen = Some(open);
            let vfs = Box::leak(Box::new(vfs));
            ffi::sqlite3_vfs_register(vfs, 0) == ffi::SQLITE_OK
        }
    })
}

/// The operating system's VFS (found before this one is registered, so `open` always sees it).
fn base() -> Option<&'static Base> {
    BASE.get_or_init(|| {
        // SAFETY: SQLite's own initialisation and VFS lookup.
        unsafe {
            if ffi::sqlite3_initialize() != ffi::SQLITE_OK {
                return None;
            }
            let vfs = ffi::sqlite3_vfs_find(ptr::null());
            if vfs.is_null() {
                return None;
            }
            let align = std::mem::align_of::<Trailer>();
            let trailer_at = ((*vfs).szOsFile as usize).div_ceil(align) * align;
            Some(Base { vfs, trailer_at })
        }
    })
    .as_ref()
}

/// # Safety
/// `file` is a file of this VFS that [`open`] set a trailer in (so [`base`] is known).
unsafe fn trailer(file: *mut ffi::sqlite3_file) -> *mut Trailer {
    let at = base().map_or(0, |b| b.trailer_at);
    file.cast::<u8>().add(at).cast()
}

/// `xOpen`: the operating system VFS opens the file; a main database file gets this VFS's
/// memory-map methods and a trailer.
unsafe extern "C" fn open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let Some(base) = base() else {
        return ffi::SQLITE_CANTOPEN;
    };
    let Some(base_open) = (*base.vfs).xOpen else {
        return ffi::SQLITE_CANTOPEN;
    };
    let rc = base_open(base.vfs, name, file, flags, out_flags);
    let own = (*file).pMethods;
    if rc != ffi::SQLITE_OK
        || flags & ffi::SQLITE_OPEN_MAIN_DB == 0
        || name.is_null()
        || own.is_null()
        || (*own).iVersion < 3
    {
        return rc;
    }
    let Ok(path) = CStr::from_ptr(name).to_str().map(PathBuf::from) else {
        return rc;
    };
    let Some(methods) = methods_for(own) else {
        return rc;
    };
    let Some((key, kept)) = kept_file(&path) else {
        return rc;
    };
    let map = shared(key, kept);
    ptr::write(
        trailer(file),
        Trailer {
            own,
            key,
            file: kept,
            map,
        },
    );
    (*file).pMethods = methods;
    rc
}

/// The operating system file's methods with this VFS's `xFetch`, `xUnfetch` and `xClose`
/// (one copy per methods table, kept for the process).
fn methods_for(own: *const ffi::sqlite3_io_methods) -> Option<&'static ffi::sqlite3_io_methods> {
    static COPIES: OnceLock<Mutex<HashMap<usize, usize>>> = OnceLock::new();
    let mut copies = COPIES.get_or_init(Default::default).lock().ok()?;
    let at = *copies.entry(own as usize).or_insert_with(|| {
        // SAFETY: `own` is a live methods table of the operating system VFS (static).
        let mut methods = unsafe { ptr::read(own) };
        methods.xFetch = Some(fetch);
        methods.xUnfetch = Some(unfetch);
        methods.xClose = Some(close);
        Box::leak(Box::new(methods)) as *const ffi::sqlite3_io_methods as usize
    });
    // SAFETY: leaked above, never freed.
    Some(unsafe { &*(at as *const ffi::sqlite3_io_methods) })
}

/// `xClose`: drops the trailer (and its hold on the map), then closes the file.
unsafe extern "C" fn close(file: *mut ffi::sqlite3_file) -> c_int {
    let t = trailer(file);
    let own = (*t).own;
    ptr::drop_in_place(t);
    (*file).pMethods = own;
    match (*own).xClose {
        Some(close) => close(file),
        None => ffi::SQLITE_OK,
    }
}

/// `xFetch`: the page from the shared map, or none (SQLite then reads it with `xRead`).
unsafe extern "C" fn fetch(
    file: *mut ffi::sqlite3_file,
    offset: ffi::sqlite3_int64,
    len: c_int,
    out: *mut *mut c_void,
) -> c_int {
    let t = &*trailer(file);
    *out = t
        .map
        .as_ref()
        .and_then(|m| m.at(offset, len))
        .map_or(ptr::null_mut(), |p| p.cast());
    #[cfg(test)]
    if !(*out).is_null() {
        tests::HANDED_OUT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    ffi::SQLITE_OK
}

/// `xUnfetch`: a page handed back needs nothing; "unmap everything" (`page` null: the
/// database changed, or the pager is reset) keeps the shared map and only takes a larger one
/// if the file grew well past it.
unsafe extern "C" fn unfetch(
    file: *mut ffi::sqlite3_file,
    _offset: ffi::sqlite3_int64,
    page: *mut c_void,
) -> c_int {
    if page.is_null() {
        let t = &mut *trailer(file);
        let current = t.map.as_ref().map_or(0, |m| m.len as u64);
        let size = t.file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > current + REMAP_GROWTH.max(current / 8) || t.map.is_none() {
            // A failed map keeps the one the connection has (still good for its length).
            if let Some(map) = shared(t.key, t.file) {
                t.map = Some(map);
            }
        }
    }
    ffi::SQLITE_OK
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Pages `fetch` handed out of a map.
    pub(super) static HANDED_OUT: AtomicU64 = AtomicU64::new(0);

    fn database(rows: i64) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
             INSERT INTO t SELECT i, printf('%0200d', i) FROM n;"
        ))
        .unwrap();
        (dir, path)
    }

    fn reader(path: &Path) -> rusqlite::Connection {
        assert!(register());
        let conn = rusqlite::Connection::open_with_flags_and_vfs(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            NAME,
        )
        .unwrap();
        conn.pragma_update(None, "mmap_size", 1i64 << 32).unwrap();
        conn
    }

    fn sum(conn: &rusqlite::Connection) -> (i64, i64) {
        conn.query_row("SELECT count(*), sum(length(v)) FROM t", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
    }

    /// Readers share one map, see every write (from the WAL, then from the file once
    /// checkpointed), and read pages past the map once the file grew.
    #[test]
    fn readers_share_one_map_and_see_every_write() {
        let (_dir, path) = database(2000);
        let writer = rusqlite::Connection::open(&path).unwrap();
        let (a, b) = (reader(&path), reader(&path));
        let before = HANDED_OUT.load(Ordering::Relaxed);
        assert_eq!(sum(&a), (2000, 400_000));
        assert!(
            HANDED_OUT.load(Ordering::Relaxed) > before + 50,
            "pages came from the map"
        );
        assert_eq!(sum(&b), (2000, 400_000));
        let key = key_of(&std::fs::metadata(&path).unwrap());
        let map = maps()
            .lock()
            .unwrap()
            .get(&key)
            .and_then(Weak::upgrade)
            .unwrap();
        // The test's own handle, `a`'s and `b`'s (and the filling thread's, while it runs).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while Arc::strong_count(&map) > 3 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(Arc::strong_count(&map), 3);
        drop(map);
        writer
            .execute_batch(
                "UPDATE t SET v = 'x' WHERE id <= 10;
                 WITH RECURSIVE n(i) AS (SELECT 2001 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                 INSERT INTO t SELECT i, printf('%0200d', i) FROM n;",
            )
            .unwrap();
        let expected = (3000, 600_000 - 10 * 199);
        assert_eq!(sum(&a), expected);
        writer
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        assert_eq!(sum(&a), expected);
        assert_eq!(sum(&b), expected);
        let v: String = b
            .query_row("SELECT v FROM t WHERE id = 5", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, "x");
        drop((a, b));
        assert!(maps()
            .lock()
            .unwrap()
            .get(&key)
            .and_then(Weak::upgrade)
            .is_none());
        // The descriptor the map was made from stays open (closing it would drop the
        // process's locks on the file), and is the one the next map of it uses.
        let (again, file) = kept_file(&path).unwrap();
        assert_eq!(again, key);
        assert!(std::ptr::eq(file, kept_file(&path).unwrap().1));
    }

    #[test]
    fn a_page_past_the_map_is_not_handed_out() {
        let m = Mapping {
            ptr: ptr::NonNull::<u8>::dangling().as_ptr(),
            len: 12288,
        };
        assert!(m.at(4096, 4096).is_some());
        // The last page: not without 256 bytes after it.
        assert!(m.at(8192, 4096).is_none());
        assert!(m.at(-1, 4096).is_none());
        assert!(m.at(i64::MAX, 4096).is_none());
        std::mem::forget(m);
    }
}
