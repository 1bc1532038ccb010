//! SQLite's own page cache, with one wasted scan a commit taken out.
//!
//! At the end of every transaction SQLite drops the cached pages past the end of the
//! database (`xTruncate`). Its default cache (`pcache1`) does that cheaply only when it
//! knows no page lies far past the end: it keeps the largest key it has seen since the
//! last truncation (`iMaxKey`), and when that is more than a hash table's length past
//! the limit it walks *every* hash bucket and every cached page. And whenever a b-tree
//! page splits, SQLite renumbers the new pages into ascending order by swapping two
//! page numbers through a temporary one: the locking page, 1 GiB into the file (page
//! 262,145 at 4 KiB). That page number is never stored, the page is moved on at once,
//! but `iMaxKey` keeps it, so the next commit's truncation walks the whole cache: with
//! the writer's ~8,000 cached pages that walk was ~8% of the writer thread's samples in
//! the ingest load test (`perf`, session 15), on most commits, to drop nothing.
//!
//! This wrapper is the default cache in every respect (each method calls the default's)
//! except that it keeps its own bound on the keys in the cache, which leaves the
//! temporary swap key out while no page is parked on it, and it skips a truncation
//! when that bound says no page can be at or past the limit. Why that cannot keep a
//! page SQLite means to drop:
//! - Pages enter the cache only through `xFetch` with a create flag and change key
//!   only through `xRekey`; the bound is raised by every such key (created or not),
//!   except a rekey *to* the swap key, which is counted as parked instead.
//! - A truncation is skipped only when nothing is parked and its limit is above the
//!   bound, so every cached key is below the limit and the default would drop nothing.
//! - Otherwise the default truncates, and afterwards every key left is below the limit,
//!   so the bound becomes the limit − 1.
//!
//! Installed once per process, before SQLite is initialised (`sqlite3_config` is
//! refused afterwards, and then the default cache is used unchanged).

use rusqlite::ffi;
use std::ffi::{c_int, c_uint, c_void};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// SQLite's default page cache methods, as `SQLITE_CONFIG_GETPCACHE2` gave them.
struct DefaultMethods(ffi::sqlite3_pcache_methods2);

// SAFETY: the methods are plain function pointers and SQLite's own argument pointer,
// which SQLite itself shares between all threads; they are only read after being set.
unsafe impl Send for DefaultMethods {}
unsafe impl Sync for DefaultMethods {}

static DEFAULT: OnceLock<DefaultMethods> = OnceLock::new();

/// Truncations skipped and passed on, for tests and the load probes.
static SKIPPED: AtomicU64 = AtomicU64::new(0);
static PASSED: AtomicU64 = AtomicU64::new(0);

/// SQLite's `PENDING_BYTE` (never changed outside SQLite's own test builds).
const PENDING_BYTE: u64 = 0x4000_0000;

/// One cache: the default's, and the bound on its keys.
struct Cache {
    inner: *mut ffi::sqlite3_pcache,
    /// Every key in `inner`, except one parked on `swap_key`, is at most this.
    max_key: c_uint,
    /// The page number `balance_nonroot` swaps through: the locking page.
    swap_key: c_uint,
    /// Pages now keyed by `swap_key` (0, or 1 between two of a swap's rekeys).
    parked: u32,
}

fn default() -> &'static ffi::sqlite3_pcache_methods2 {
    // Only reachable through the methods installed below, which are installed only
    // after DEFAULT is set.
    &DEFAULT
        .get()
        .expect("page cache methods used before they were read")
        .0
}

/// Installs the wrapper as SQLite's page cache. Returns false (and changes nothing)
/// when SQLite was already initialised or refused either call.
pub(super) fn install() -> bool {
    let mut methods: ffi::sqlite3_pcache_methods2 = unsafe { std::mem::zeroed() };
    // SAFETY: GETPCACHE2 fills the struct it is given; it is refused (not unsafe) once
    // SQLite is initialised.
    let rc = unsafe {
        ffi::sqlite3_config(
            ffi::SQLITE_CONFIG_GETPCACHE2,
            &mut methods as *mut ffi::sqlite3_pcache_methods2,
        )
    };
    if rc != ffi::SQLITE_OK || methods.xCreate.is_none() || methods.xTruncate.is_none() {
        return false;
    }
    if DEFAULT.set(DefaultMethods(methods)).is_err() {
        return false;
    }
    let wrapper = ffi::sqlite3_pcache_methods2 {
        iVersion: 1,
        pArg: std::ptr::null_mut(),
        xInit: Some(init),
        xShutdown: Some(shutdown),
        xCreate: Some(create),
        xCachesize: Some(cachesize),
        xPagecount: Some(pagecount),
        xFetch: Some(fetch),
        xUnpin: Some(unpin),
        xRekey: Some(rekey),
        xTruncate: Some(truncate),
        xDestroy: Some(destroy),
        xShrink: Some(shrink),
    };
    // SAFETY: PCACHE2 copies the struct; every method is defined below.
    let rc = unsafe {
        ffi::sqlite3_config(
            ffi::SQLITE_CONFIG_PCACHE2,
            &wrapper as *const ffi::sqlite3_pcache_methods2,
        )
    };
    rc == ffi::SQLITE_OK
}

/// (skipped, passed on) truncations so far in this process.
pub fn truncations() -> (u64, u64) {
    (
        SKIPPED.load(Ordering::Relaxed),
        PASSED.load(Ordering::Relaxed),
    )
}

unsafe fn cache<'a>(p: *mut ffi::sqlite3_pcache) -> &'a mut Cache {
    // SAFETY (callers): `p` came from `create` and SQLite calls a cache's methods
    // under that cache's mutex, one at a time.
    unsafe { &mut *(p as *mut Cache) }
}

unsafe extern "C" fn init(_arg: *mut c_void) -> c_int {
    let d = default();
    match d.xInit {
        Some(f) => unsafe { f(d.pArg) },
        None => ffi::SQLITE_OK,
    }
}

unsafe extern "C" fn shutdown(_arg: *mut c_void) {
    let d = default();
    if let Some(f) = d.xShutdown {
        unsafe { f(d.pArg) }
    }
}

unsafe extern "C" fn create(
    sz_page: c_int,
    sz_extra: c_int,
    purgeable: c_int,
) -> *mut ffi::sqlite3_pcache {
    let Some(f) = default().xCreate else {
        return std::ptr::null_mut();
    };
    let inner = unsafe { f(sz_page, sz_extra, purgeable) };
    if inner.is_null() {
        return inner;
    }
    let swap_key = match u64::try_from(sz_page) {
        Ok(size) if size > 0 => c_uint::try_from(PENDING_BYTE / size + 1).unwrap_or(c_uint::MAX),
        _ => c_uint::MAX,
    };
    Box::into_raw(Box::new(Cache {
        inner,
        max_key: 0,
        swap_key,
        parked: 0,
    })) as *mut ffi::sqlite3_pcache
}

unsafe extern "C" fn cachesize(p: *mut ffi::sqlite3_pcache, n: c_int) {
    let c = unsafe { cache(p) };
    if let Some(f) = default().xCachesize {
        unsafe { f(c.inner, n) }
    }
}

unsafe extern "C" fn pagecount(p: *mut ffi::sqlite3_pcache) -> c_int {
    let c = unsafe { cache(p) };
    match default().xPagecount {
        Some(f) => unsafe { f(c.inner) },
        None => 0,
    }
}

unsafe extern "C" fn fetch(
    p: *mut ffi::sqlite3_pcache,
    key: c_uint,
    create_flag: c_int,
) -> *mut ffi::sqlite3_pcache_page {
    let c = unsafe { cache(p) };
    if create_flag != 0 && key > c.max_key {
        c.max_key = key;
    }
    match default().xFetch {
        Some(f) => unsafe { f(c.inner, key, create_flag) },
        None => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn unpin(
    p: *mut ffi::sqlite3_pcache,
    page: *mut ffi::sqlite3_pcache_page,
    discard: c_int,
) {
    let c = unsafe { cache(p) };
    if let Some(f) = default().xUnpin {
        unsafe { f(c.inner, page, discard) }
    }
}

unsafe extern "C" fn rekey(
    p: *mut ffi::sqlite3_pcache,
    page: *mut ffi::sqlite3_pcache_page,
    old_key: c_uint,
    new_key: c_uint,
) {
    let c = unsafe { cache(p) };
    if old_key == c.swap_key {
        c.parked = c.parked.saturating_sub(1);
    }
    if new_key == c.swap_key {
        c.parked += 1;
    } else if new_key > c.max_key {
        c.max_key = new_key;
    }
    if let Some(f) = default().xRekey {
        unsafe { f(c.inner, page, old_key, new_key) }
    }
}

unsafe extern "C" fn truncate(p: *mut ffi::sqlite3_pcache, limit: c_uint) {
    let c = unsafe { cache(p) };
    if c.parked == 0 && limit > c.max_key {
        SKIPPED.fetch_add(1, Ordering::Relaxed);
        return;
    }
    PASSED.fetch_add(1, Ordering::Relaxed);
    if let Some(f) = default().xTruncate {
        unsafe { f(c.inner, limit) }
    }
    // Every key left is below the limit; a parked page at or past it was dropped.
    if c.swap_key >= limit {
        c.parked = 0;
    }
    c.max_key = c.max_key.min(limit.saturating_sub(1));
}

unsafe extern "C" fn destroy(p: *mut ffi::sqlite3_pcache) {
    // SAFETY: `p` came from `Box::into_raw` in `create`; SQLite destroys a cache once.
    let c = unsafe { Box::from_raw(p as *mut Cache) };
    if let Some(f) = default().xDestroy {
        unsafe { f(c.inner) }
    }
}

unsafe extern "C" fn shrink(p: *mut ffi::sqlite3_pcache) {
    let c = unsafe { cache(p) };
    if let Some(f) = default().xShrink {
        unsafe { f(c.inner) }
    }
}
