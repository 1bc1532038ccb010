//! The writer's WAL writes, gathered into a few large writes a commit.
//!
//! SQLite writes each WAL frame with two system calls (its 24-byte header, then the
//! page), so a batch of the ingest load test (~340 frames: new actors and quotes land on
//! pages of a dozen indexes) cost ~700 `pwrite`s, and the kernel's side of them was a
//! third of the writer thread's CPU (README "Performance", session 13). This module is a
//! VFS that is the system's default VFS in every respect but one: the frames a
//! transaction appends to its WAL are gathered in memory (up to 1 MB) and handed to the
//! kernel in writes of up to 124 KiB, at the latest when the transaction's commit frame
//! is complete, before SQLite publishes the commit to readers. What reaches the file, and when it is visible, is what the
//! default VFS gives under `synchronous = NORMAL` (no `fsync` at commit): a commit is in
//! the operating system's cache when `COMMIT` returns, and a crash before that loses
//! only a transaction that was never acknowledged.
//!
//! Only the writer's connection opens files through it, and only its `-wal` file is
//! wrapped: the database file, the shared-memory index and every other file use the
//! default VFS's own methods unchanged. Under `synchronous = FULL` the writer does not
//! use it: SQLite then syncs at each commit and may pad the last frames to a sector,
//! splitting a write around the sync; the argument below is made for `NORMAL` and `OFF`
//! only, and under `FULL` the `fsync` costs far more than the writes.
//!
//! Why gathering cannot reorder or lose a write (the argument the tests check):
//! - Writes are applied to the gathered run in order: a write that extends the run or
//!   falls wholly inside it is copied there (a later write over an earlier one wins, as
//!   in the file); any other write first flushes the run. So after a flush the file holds
//!   exactly what the writes would have left in it one by one.
//! - Every other method on the WAL (read, size, truncate, sync, file control, lock,
//!   close) flushes first, so SQLite never reads a file that lacks its own writes.
//! - A commit: SQLite writes the commit frame's header (a 24-byte write whose "database
//!   size" field is not zero) and then its page; the run is flushed right after that
//!   page, inside `walFrames`, before the WAL index header that makes the commit visible
//!   is written. When the header is not an append to the run (a single-frame commit, a
//!   commit over frames of a rolled-back transaction, or SQLite rewriting checksums of a
//!   transaction that overwrote one of its own frames — each rewrite follows a read, so
//!   the run is empty), it is flushed at once and the next write is flushed too.

use rusqlite::ffi;
use std::ffi::{c_int, c_void, CStr};
use std::sync::OnceLock;

/// The name the writer opens its connection with.
pub(super) const VFS_NAME: &CStr = c"verbatim-walbuf";

/// A run this large is written out even before its commit (a big batch, or a
/// transaction that spills). Writing a run costs one `pwrite` per [`MAX_WRITE`] however
/// it is cut, so a small bound loses nothing; a batch of 30 articles is ~5 MB of frames,
/// and gathering all of it cost ~24 MB of peak RSS (the buffer, and its copies as it grew).
const MAX_RUN: usize = 1 << 20;

/// The run's buffer, allocated once: a run ends at most one write (a page of at most
/// 64 KiB, or a frame header) past [`MAX_RUN`].
const RUN_CAPACITY: usize = MAX_RUN + 65_536;

/// The most one call to the default VFS's `xWrite` takes: the unix VFS masks a write's
/// length to 17 bits (`nBuf &= 0x1ffff` in `seekAndWriteFd`; SQLite itself never writes
/// more than a page), so a run goes out in pieces of 31 pages of 4 KiB.
const MAX_WRITE: usize = 31 * 4096;

const FRAME_HEADER: usize = 24;

/// The WAL file as SQLite sees it: our methods first, then the default VFS's own file
/// object, which SQLite allocates for us after this header (`szOsFile`).
#[repr(C)]
struct GatheringWal {
    base: ffi::sqlite3_file,
    real: *mut ffi::sqlite3_file,
    run: Vec<u8>,
    run_start: i64,
    flush_next: bool,
}

const HEADER: usize = (std::mem::size_of::<GatheringWal>() + 15) & !15;

/// The default VFS (a `*mut sqlite3_vfs` that lives as long as the process).
static DEFAULT_VFS: OnceLock<usize> = OnceLock::new();
static REGISTERED: OnceLock<c_int> = OnceLock::new();

/// Registers the VFS (once a process). Returns false when SQLite would not: the writer
/// then opens its connection with the default VFS.
pub(super) fn register() -> bool {
    *REGISTERED.get_or_init(|| {
        // SAFETY: `sqlite3_vfs_find(NULL)` returns the default VFS, which SQLite keeps
        // for the life of the process; the copy we register is leaked, so it does too.
        // Its methods other than `xOpen` are the default VFS's own and get our copy as
        // their first argument: it has the same `mxPathname` and `pAppData`, the only
        // fields of it they read (the unix VFS's `xOpen`, which reads more, is always
        // called with the default VFS itself).
        unsafe {
            let default = ffi::sqlite3_vfs_find(std::ptr::null());
            if default.is_null() {
                return ffi::SQLITE_ERROR;
            }
            let _ = DEFAULT_VFS.set(default as usize);
            let mut vfs = *default;
            vfs.szOsFile = HEADER as c_int + (*default).szOsFile;
            vfs.pNext = std::ptr::null_mut();
            vfs.zName = VFS_NAME.as_ptr();
            vfs.xOpen = Some(open);
            ffi::sqlite3_vfs_register(Box::leak(Box::new(vfs)), 0)
        }
    }) == ffi::SQLITE_OK
}

fn default_vfs() -> *mut ffi::sqlite3_vfs {
    *DEFAULT_VFS.get().expect("registered before any open") as *mut ffi::sqlite3_vfs
}

static WAL_METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 1,
    xClose: Some(close),
    xRead: Some(read),
    xWrite: Some(write),
    xTruncate: Some(truncate),
    xSync: Some(sync),
    xFileSize: Some(file_size),
    xLock: Some(lock),
    xUnlock: Some(unlock),
    xCheckReservedLock: Some(check_reserved_lock),
    xFileControl: Some(file_control),
    xSectorSize: Some(sector_size),
    xDeviceCharacteristics: Some(device_characteristics),
    xShmMap: None,
    xShmLock: None,
    xShmBarrier: None,
    xShmUnmap: None,
    xFetch: None,
    xUnfetch: None,
};

unsafe extern "C" fn open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let default = default_vfs();
    let Some(default_open) = (*default).xOpen else {
        return ffi::SQLITE_ERROR;
    };
    if flags & ffi::SQLITE_OPEN_WAL == 0 {
        // Not a WAL: the default VFS's file object and methods, as they are.
        return default_open(default, name, file, flags, out_flags);
    }
    let real = file.cast::<u8>().add(HEADER).cast::<ffi::sqlite3_file>();
    (*real).pMethods = std::ptr::null();
    let rc = default_open(default, name, real, flags, out_flags);
    if rc != ffi::SQLITE_OK {
        if let Some(close) = (*real).pMethods.as_ref().and_then(|m| m.xClose) {
            close(real);
        }
        (*file).pMethods = std::ptr::null();
        return rc;
    }
    file.cast::<GatheringWal>().write(GatheringWal {
        base: ffi::sqlite3_file {
            pMethods: &WAL_METHODS,
        },
        real,
        run: Vec::with_capacity(RUN_CAPACITY),
        run_start: 0,
        flush_next: false,
    });
    ffi::SQLITE_OK
}

/// # Safety
/// `file` is a WAL opened by [`open`] and not yet closed.
unsafe fn wal<'a>(file: *mut ffi::sqlite3_file) -> &'a mut GatheringWal {
    &mut *file.cast::<GatheringWal>()
}

fn methods(w: &GatheringWal) -> &ffi::sqlite3_io_methods {
    // SAFETY: `real` was opened successfully by the default VFS, which set its methods.
    unsafe { &*(*w.real).pMethods }
}

fn flush(w: &mut GatheringWal) -> c_int {
    if w.run.is_empty() {
        return ffi::SQLITE_OK;
    }
    let Some(write) = methods(w).xWrite else {
        return ffi::SQLITE_IOERR_WRITE;
    };
    let mut rc = ffi::SQLITE_OK;
    let mut offset = w.run_start;
    for chunk in w.run.chunks(MAX_WRITE) {
        // SAFETY: `real` is open; `chunk` is a live slice of at most MAX_WRITE bytes.
        rc = unsafe {
            write(
                w.real,
                chunk.as_ptr().cast::<c_void>(),
                chunk.len() as c_int,
                offset,
            )
        };
        if rc != ffi::SQLITE_OK {
            break;
        }
        offset += chunk.len() as i64;
    }
    w.run.clear();
    if w.run.capacity() > RUN_CAPACITY {
        w.run = Vec::with_capacity(RUN_CAPACITY);
    }
    rc
}

/// What a write does to the run; see the module's comment for why it is safe.
fn gather(w: &mut GatheringWal, bytes: &[u8], offset: i64) -> c_int {
    let end = w.run_start + w.run.len() as i64;
    let appended = !w.run.is_empty() && offset == end;
    if appended {
        w.run.extend_from_slice(bytes);
    } else if !w.run.is_empty() && offset >= w.run_start && offset + bytes.len() as i64 <= end {
        let at = (offset - w.run_start) as usize;
        w.run[at..at + bytes.len()].copy_from_slice(bytes);
    } else {
        let rc = flush(w);
        if rc != ffi::SQLITE_OK {
            return rc;
        }
        w.run_start = offset;
        w.run.extend_from_slice(bytes);
    }
    if is_commit_frame_header(bytes) {
        #[cfg(test)]
        if !appended {
            tests::LONE_COMMIT_HEADERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        let rc = if appended { ffi::SQLITE_OK } else { flush(w) };
        w.flush_next = true;
        return rc;
    }
    if w.flush_next || w.run.len() >= MAX_RUN {
        w.flush_next = false;
        return flush(w);
    }
    ffi::SQLITE_OK
}

/// A frame header whose "database size after commit" field is set.
fn is_commit_frame_header(bytes: &[u8]) -> bool {
    bytes.len() == FRAME_HEADER && bytes[4..8] != [0, 0, 0, 0]
}

unsafe extern "C" fn write(
    file: *mut ffi::sqlite3_file,
    data: *const c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    let w = wal(file);
    let Ok(len) = usize::try_from(amount) else {
        return ffi::SQLITE_IOERR_WRITE;
    };
    gather(
        w,
        std::slice::from_raw_parts(data.cast::<u8>(), len),
        offset,
    )
}

unsafe extern "C" fn close(file: *mut ffi::sqlite3_file) -> c_int {
    let w = wal(file);
    let rc = flush(w);
    let closed = match methods(w).xClose {
        Some(close) => close(w.real),
        None => ffi::SQLITE_OK,
    };
    std::ptr::drop_in_place(&mut w.run);
    (*file).pMethods = std::ptr::null();
    if rc != ffi::SQLITE_OK {
        rc
    } else {
        closed
    }
}

/// Flushes the run, then calls the default VFS's method `$m` with the rest of the
/// arguments.
macro_rules! flush_then {
    ($file:ident, $m:ident, $($arg:expr),*) => {{
        let w = wal($file);
        let rc = flush(w);
        if rc != ffi::SQLITE_OK {
            return rc;
        }
        match methods(w).$m {
            Some(f) => f(w.real, $($arg),*),
            None => ffi::SQLITE_ERROR,
        }
    }};
}

unsafe extern "C" fn read(
    file: *mut ffi::sqlite3_file,
    buf: *mut c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    flush_then!(file, xRead, buf, amount, offset)
}

unsafe extern "C" fn truncate(file: *mut ffi::sqlite3_file, size: ffi::sqlite3_int64) -> c_int {
    flush_then!(file, xTruncate, size)
}

unsafe extern "C" fn sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    flush_then!(file, xSync, flags)
}

unsafe extern "C" fn file_size(
    file: *mut ffi::sqlite3_file,
    size: *mut ffi::sqlite3_int64,
) -> c_int {
    flush_then!(file, xFileSize, size)
}

unsafe extern "C" fn lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    flush_then!(file, xLock, level)
}

unsafe extern "C" fn unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    flush_then!(file, xUnlock, level)
}

unsafe extern "C" fn check_reserved_lock(file: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    flush_then!(file, xCheckReservedLock, out)
}

unsafe extern "C" fn file_control(
    file: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    flush_then!(file, xFileControl, op, arg)
}

unsafe extern "C" fn sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    let w = wal(file);
    methods(w).xSectorSize.map_or(4096, |f| f(w.real))
}

unsafe extern "C" fn device_characteristics(file: *mut ffi::sqlite3_file) -> c_int {
    let w = wal(file);
    methods(w).xDeviceCharacteristics.map_or(0, |f| f(w.real))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rusqlite::{Connection, OpenFlags};
    use std::path::Path;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Commit frame headers written other than as an append to the run (counted so the
    /// test below can show it took that path).
    pub(super) static LONE_COMMIT_HEADERS: AtomicUsize = AtomicUsize::new(0);

    #[derive(Debug, Clone)]
    enum Step {
        /// Insert `rows` blobs of `size` bytes.
        Insert {
            rows: u8,
            size: u16,
        },
        /// Rewrite every third row with a blob of `size` bytes (pages written twice in
        /// one transaction once the cache has spilled: SQLite overwrites its own frames
        /// and rewrites their checksums at commit).
        Rewrite {
            size: u16,
        },
        Delete {
            every: u8,
        },
        Checkpoint,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (1u8..40, 1u16..9000).prop_map(|(rows, size)| Step::Insert { rows, size }),
            2 => (1u16..9000).prop_map(|size| Step::Rewrite { size }),
            1 => (2u8..6).prop_map(|every| Step::Delete { every }),
            1 => Just(Step::Checkpoint),
        ]
    }

    fn open(path: &Path, gathering: bool) -> Connection {
        let conn = if gathering {
            assert!(register());
            Connection::open_with_flags_and_vfs(path, OpenFlags::default(), VFS_NAME).unwrap()
        } else {
            Connection::open(path).unwrap()
        };
        // A tiny cache, so that big transactions spill frames into the WAL before
        // their commit.
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = 8;
             PRAGMA wal_autocheckpoint = 0;
             CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v BLOB NOT NULL);",
        )
        .unwrap();
        conn
    }

    fn digest(conn: &Connection) -> (i64, i64, i64) {
        conn.query_row(
            "SELECT count(*), coalesce(sum(length(v)), 0),
                    coalesce(sum(id * (length(v) + unicode(hex(substr(v, 1, 1))))), 0) FROM t",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
    }

    fn apply(conn: &Connection, step: &Step, n: &mut i64) {
        match *step {
            Step::Insert { rows, size } => {
                let mut stmt = conn
                    .prepare_cached("INSERT INTO t (v) VALUES (?1)")
                    .unwrap();
                for _ in 0..rows {
                    *n += 1;
                    stmt.execute([vec![(*n % 251) as u8; usize::from(size)]])
                        .unwrap();
                }
            }
            Step::Rewrite { size } => {
                conn.execute(
                    "UPDATE t SET v = zeroblob(?1) || v WHERE id % 3 = 0",
                    [i64::from(size) / 4],
                )
                .unwrap();
            }
            Step::Delete { every } => {
                conn.execute("DELETE FROM t WHERE id % ?1 = 1", [i64::from(every)])
                    .unwrap();
            }
            Step::Checkpoint => {}
        }
    }

    /// What a crash would leave: the database and WAL files as the operating system
    /// has them, opened elsewhere by the default VFS (which recovers the WAL, checking
    /// every frame's checksum, from the file alone).
    fn after_crash(path: &Path, into: &Path) -> Connection {
        let _ = std::fs::remove_file(into);
        let _ = std::fs::remove_file(into.with_extension("db-wal"));
        std::fs::copy(path, into).unwrap();
        let wal = path.with_extension("db-wal");
        if wal.exists() {
            std::fs::copy(&wal, into.with_extension("db-wal")).unwrap();
        }
        let conn = Connection::open(into).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        conn
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Every commit is whole in the files when COMMIT returns, whatever came before
        /// it: spilled frames, frames SQLite overwrote and re-checksummed, rolled-back
        /// transactions whose frames the next one writes over, WAL restarts after a
        /// checkpoint. A reader on the default VFS sees it at once.
        #[test]
        fn a_commit_is_in_the_files_when_it_returns(
            transactions in proptest::collection::vec(
                (proptest::collection::vec(step(), 1..6), any::<bool>()), 1..10)
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("w.db");
            let copy = dir.path().join("c.db");
            let conn = open(&path, true);
            let reader = open(&path, false);
            let mut n = 0;
            for (steps, commit) in &transactions {
                let before = digest(&conn);
                conn.execute_batch("BEGIN IMMEDIATE").unwrap();
                for s in steps {
                    apply(&conn, s, &mut n);
                }
                let inside = digest(&conn);
                conn.execute_batch(if *commit { "COMMIT" } else { "ROLLBACK" }).unwrap();
                let expected = if *commit { inside } else { before };
                prop_assert_eq!(digest(&conn), expected);
                prop_assert_eq!(digest(&reader), expected);
                prop_assert_eq!(digest(&after_crash(&path, &copy)), expected);
                if steps.iter().any(|s| matches!(s, Step::Checkpoint)) {
                    // A checkpoint lets the next commit restart the WAL from its start.
                    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())).unwrap();
                }
            }
            let expected = digest(&conn);
            drop(conn);
            prop_assert_eq!(digest(&reader), expected);
        }
    }

    /// A transaction that spills its pages into the WAL and then changes them again:
    /// SQLite overwrites its own frames and, at commit, rewrites the headers of every
    /// frame after the first overwritten one, the commit frame's last — a header written
    /// alone, after a read, that must reach the file before COMMIT returns.
    #[test]
    fn rewritten_checksums_reach_the_file_with_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let conn = open(&path, true);
        let mut n = 0;
        apply(&conn, &Step::Insert { rows: 5, size: 100 }, &mut n);
        let before = LONE_COMMIT_HEADERS.load(Ordering::Relaxed);
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        apply(
            &conn,
            &Step::Insert {
                rows: 60,
                size: 3000,
            },
            &mut n,
        );
        apply(&conn, &Step::Rewrite { size: 2000 }, &mut n);
        let expected = digest(&conn);
        conn.execute_batch("COMMIT").unwrap();
        assert!(LONE_COMMIT_HEADERS.load(Ordering::Relaxed) > before);
        assert_eq!(
            digest(&after_crash(&path, &dir.path().join("c.db"))),
            expected
        );
    }

    #[test]
    fn frames_gather_until_their_commit() {
        assert!(register());
        let mut file = GatheringWal {
            base: ffi::sqlite3_file {
                pMethods: std::ptr::null(),
            },
            real: std::ptr::null_mut(),
            run: Vec::new(),
            run_start: 0,
            flush_next: false,
        };
        // Frames appended, not yet committed: all gathered (no flush, so no real file
        // is needed).
        let header = [0u8; FRAME_HEADER];
        let page = [7u8; 512];
        for i in 0..4 {
            let at = 32 + i * (FRAME_HEADER + page.len()) as i64;
            assert_eq!(gather(&mut file, &header, at), ffi::SQLITE_OK);
            assert_eq!(
                gather(&mut file, &page, at + FRAME_HEADER as i64),
                ffi::SQLITE_OK
            );
        }
        assert_eq!(file.run.len(), 4 * (FRAME_HEADER + page.len()));
        // A write inside the run patches it.
        assert_eq!(gather(&mut file, &[9u8; 8], 40), ffi::SQLITE_OK);
        assert_eq!(&file.run[8..16], &[9u8; 8]);
        // The commit frame's header is gathered too and marks the next write for flushing.
        let mut commit = [0u8; FRAME_HEADER];
        commit[7] = 3;
        assert!(is_commit_frame_header(&commit));
        let at = 32 + 4 * (FRAME_HEADER + page.len()) as i64;
        assert_eq!(gather(&mut file, &commit, at), ffi::SQLITE_OK);
        assert!(file.flush_next);
        assert!(!is_commit_frame_header(&header));
    }
}
