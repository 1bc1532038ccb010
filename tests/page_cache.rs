//! The page cache that skips needless truncations (`src/store/pagecache.rs`): it is the
//! one SQLite uses once a store is open, it skips most end-of-transaction truncations
//! of a writer whose b-trees split, and the database is the same as under the default
//! cache: every committed row there, every rolled-back row gone, integrity intact.
//!
//! Its own test binary: the cache is installed only before SQLite is first
//! initialised in a process, which is what opening the store does here first.

use proptest::prelude::*;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use verbatim::store::{page_cache_truncations, Store};

/// Opens (and closes) a store once in this process, so the wrapper is installed.
fn installed() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let store = Store::open(&dir.path().join("first.db")).await.unwrap();
            drop(store);
        });
    });
}

fn open(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;
         CREATE TABLE IF NOT EXISTS t (k BLOB PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
         CREATE INDEX IF NOT EXISTS t_v ON t (v);",
    )
    .unwrap();
    conn
}

/// A key that lands anywhere in the index, so pages split all over it.
fn key(n: u64) -> Vec<u8> {
    n.wrapping_mul(0x9E37_79B9_7F4A_7C15).to_be_bytes().to_vec()
}

fn rows(conn: &Connection) -> BTreeMap<Vec<u8>, String> {
    let mut stmt = conn.prepare("SELECT k, v FROM t").unwrap();
    let out = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out
}

fn integrity(conn: &Connection) -> String {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn splitting_writers_skip_truncations_and_keep_every_commit() {
    installed();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("splits.db");
    let (skipped_before, _) = page_cache_truncations();
    let mut conn = open(&path);
    let mut model = BTreeMap::new();
    for batch in 0..60u64 {
        let tx = conn.transaction().unwrap();
        for i in 0..200u64 {
            let n = batch * 200 + i;
            let v = format!("value {n} {}", "x".repeat((n % 50) as usize));
            tx.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", params![key(n), v])
                .unwrap();
            model.insert(key(n), v);
        }
        tx.commit().unwrap();
    }
    let (skipped, _) = page_cache_truncations();
    // Each of the 60 commits split pages (200 random keys into two b-trees), and
    // without the wrapper each would have truncated; most are skipped now.
    assert!(
        skipped - skipped_before >= 30,
        "only {} truncations skipped",
        skipped - skipped_before
    );
    assert_eq!(integrity(&conn), "ok");
    drop(conn);
    // Another connection (its own cache) reads exactly what was committed.
    let conn = open(&path);
    assert_eq!(rows(&conn), model);
}

#[test]
fn a_rolled_back_growth_leaves_no_page_behind() {
    installed();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rollback.db");
    let mut conn = open(&path);
    let tx = conn.transaction().unwrap();
    for n in 0..2_000u64 {
        tx.execute("INSERT INTO t (k, v) VALUES (?1, 'kept')", params![key(n)])
            .unwrap();
    }
    tx.commit().unwrap();
    let before = rows(&conn);
    let pages_before: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // Grow the file by many pages, then roll back: the cached pages past the old end
    // must be dropped (the truncation is passed on), or the next growth would reuse
    // stale pages.
    let (_, passed_before) = page_cache_truncations();
    let tx = conn.transaction().unwrap();
    for n in 10_000..14_000u64 {
        let v = "y".repeat(300);
        tx.execute("INSERT INTO t (k, v) VALUES (?1, ?2)", params![key(n), v])
            .unwrap();
    }
    tx.rollback().unwrap();
    let (_, passed) = page_cache_truncations();
    assert!(
        passed > passed_before,
        "the rollback's truncation was skipped"
    );
    assert_eq!(rows(&conn), before);
    let pages_after: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pages_after, pages_before);
    // Grow again over the same page numbers, commit, and read it back elsewhere.
    let tx = conn.transaction().unwrap();
    for n in 20_000..22_000u64 {
        tx.execute("INSERT INTO t (k, v) VALUES (?1, 'again')", params![key(n)])
            .unwrap();
    }
    tx.commit().unwrap();
    assert_eq!(integrity(&conn), "ok");
    let other = open(&path);
    assert_eq!(rows(&other), rows(&conn));
    assert_eq!(rows(&other).len(), 4_000);
}

#[derive(Debug, Clone)]
enum Op {
    Insert(u64, u16),
    Delete(u64, u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u64..5_000, 0u16..400).prop_map(|(k, len)| Op::Insert(k, len)),
        1 => (0u64..5_000, 1u64..300).prop_map(|(k, n)| Op::Delete(k, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Random transactions of inserts and range deletes, each committed or rolled
    /// back: the database always holds exactly the committed ones.
    #[test]
    fn random_transactions_match_a_model(
        txs in prop::collection::vec((prop::collection::vec(op(), 1..120), any::<bool>()), 1..25)
    ) {
        installed();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.db");
        let mut conn = open(&path);
        let mut model: BTreeMap<Vec<u8>, String> = BTreeMap::new();
        for (ops, commit) in txs {
            let mut next = model.clone();
            let tx = conn.transaction().unwrap();
            for op in ops {
                match op {
                    Op::Insert(k, len) => {
                        let v = format!("{k}:{}", "z".repeat(len as usize));
                        tx.execute(
                            "INSERT OR REPLACE INTO t (k, v) VALUES (?1, ?2)",
                            params![key(k), v],
                        )
                        .unwrap();
                        next.insert(key(k), v);
                    }
                    Op::Delete(from, n) => {
                        for k in from..from + n {
                            tx.execute("DELETE FROM t WHERE k = ?1", params![key(k)]).unwrap();
                            next.remove(&key(k));
                        }
                    }
                }
            }
            if commit {
                tx.commit().unwrap();
                model = next;
            } else {
                tx.rollback().unwrap();
            }
            prop_assert_eq!(rows(&conn), model.clone());
        }
        prop_assert_eq!(integrity(&conn), "ok");
        let other = open(&path);
        prop_assert_eq!(rows(&other), model);
    }
}
