//! The writer: one OS thread that owns the only writing connection (rusqlite, with
//! cached prepared statements: a statement costs microseconds, not a channel round
//! trip per query). It takes every request waiting, applies them in ONE transaction,
//! commits, and only then answers (group commit).
//!
//! The batch runs without savepoints: a savepoint per article made FTS5 flush its
//! pending terms into a new segment for every article, and most of the writer's time
//! went there. When one request of a batch fails (an error or a panic), the whole
//! transaction is rolled back and the batch runs again with a savepoint per request, so
//! that one failure does not sink the others. WAL checkpoints run on a second thread
//! with its own connection, not between the writer's commits.

use super::fold::word_count;
use super::prepare::{EntitiesJson, Placed, PreparedActor, PreparedArticle};
use super::{StoreError, WriteOp, WriteOutcome, WriteRequest, MAX_BATCH};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc as std_mpsc;
use std::time::Duration;
use tokio::sync::mpsc;

/// Writer page cache: 32 MB (the default 2 MB spilled to the WAL mid-transaction).
const WRITER_CACHE_KIB: i64 = 32 * 1024;

/// The writer checkpoints itself only when the WAL reaches this many pages (~256 MB).
/// The checkpoint thread's PASSIVE checkpoints copy the frames back but, with the writer
/// always appending, rarely catch up with it, and only a checkpoint that has caught up
/// lets the next transaction restart the WAL from its start: the writer's own checkpoint
/// (right after a commit) does, finding most frames already copied. At 16,000 pages
/// (~64 MB) that came every quarter second at full ingest, with its two `fsync`s on the
/// writer's thread: 64,000 pages gave +12% articles/s and half the p95 latency (README
/// "Performance", session 13). The WAL file keeps its largest size until shutdown, when
/// it is truncated.
const WRITER_AUTOCHECKPOINT_PAGES: i64 = 64_000;

/// The checkpoint thread runs at most this often, and only after a commit.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(200);

/// What the writer knows is already stored, so it need not ask SQLite again: actors by
/// folded name and kind, aliases and attributes already recorded. Only what was read
/// from or written to the database goes in; everything is forgotten after a rollback
/// (it may name rows that are gone), a delete (cascades), or when it grows large.
#[derive(Default)]
pub(super) struct Known {
    actors: FxHashMap<(String, &'static str), (i64, String)>,
    aliases: FxHashSet<(i64, String)>,
    attributes: FxHashSet<(i64, &'static str, String)>,
    /// (folded mention text, actor) pairs in `mention_names`.
    mention_names: FxHashSet<(String, i64)>,
}

impl Known {
    const MAX_ENTRIES: usize = 200_000;

    fn clear(&mut self) {
        self.actors.clear();
        self.aliases.clear();
        self.attributes.clear();
        self.mention_names.clear();
    }

    fn trim(&mut self) {
        if self.actors.len() + self.aliases.len() + self.attributes.len() + self.mention_names.len()
            > Self::MAX_ENTRIES
        {
            self.clear();
        }
    }
}

/// Opens the writing connection with the same settings as the readers (`bulk`: see
/// `StoreOptions::bulk`).
pub(super) fn open(path: &Path, full_sync: bool, bulk: bool) -> Result<Connection, StoreError> {
    // The WAL's writes are gathered only under `synchronous = NORMAL` (or `OFF`):
    // see `walbuf.rs` for why not under `FULL`.
    let conn = if !full_sync && super::walbuf::register() {
        Connection::open_with_flags_and_vfs(path, OpenFlags::default(), super::walbuf::VFS_NAME)?
    } else {
        Connection::open(path)?
    };
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.execute_batch(if full_sync {
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
    } else {
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
    })?;
    conn.execute_batch(&format!(
        "PRAGMA cache_size = -{WRITER_CACHE_KIB}; \
         PRAGMA wal_autocheckpoint = {WRITER_AUTOCHECKPOINT_PAGES};"
    ))?;
    if bulk {
        conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")?;
    }
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

/// Copies committed WAL frames back into the database file (PASSIVE: never waits for
/// the writer or the readers) at most every [`CHECKPOINT_EVERY`], after commits.
/// Ends when `commits` is closed.
fn run_checkpointer(path: PathBuf, commits: std_mpsc::Receiver<()>) {
    let conn = match Connection::open(&path) {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %e, "no checkpoint connection; the writer checkpoints itself");
            return;
        }
    };
    let _ = conn.busy_timeout(Duration::from_secs(1));
    // A PASSIVE checkpoint that has not caught up with the writer writes pages into the
    // database file without syncing it; the writer's own checkpoint, the one that lets
    // the WAL restart, then had all of them to `fsync` on its thread (0.8 s in 20,000
    // articles). Synced here as they are written, that wait is mostly gone from the writer.
    let db_file = std::fs::File::open(&path).ok();
    // This connection writes nothing, so it never checkpoints on its own.
    while commits.recv().is_ok() {
        std::thread::sleep(CHECKPOINT_EVERY);
        while commits.try_recv().is_ok() {}
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::debug!(error = %e, "checkpoint skipped");
        }
        if let Some(file) = &db_file {
            let _ = file.sync_data();
        }
    }
}

pub(super) fn run_writer(
    mut conn: Connection,
    path: PathBuf,
    mut rx: mpsc::Receiver<WriteRequest>,
) {
    let (notify, commits) = std_mpsc::sync_channel::<()>(1);
    let checkpointer = std::thread::Builder::new()
        .name("verbatim-checkpoint".into())
        .spawn(move || run_checkpointer(path, commits))
        .ok();
    if checkpointer.is_none() {
        // No second thread: the writer checkpoints as SQLite does by default.
        let _ = conn.execute_batch("PRAGMA wal_autocheckpoint = 1000;");
    }
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut known = Known::default();
    let mut foreign_keys = ForeignKeys::On;
    let mut data_version = None;
    while let Some(first) = rx.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(req) => batch.push(req),
                Err(_) => break,
            }
        }
        forget_after_other_writers(&conn, &mut known, &mut data_version);
        match foreign_keys.set(&conn, &batch) {
            Ok(()) => commit_batch(&mut conn, &mut known, &mut batch),
            Err(msg) => fail_all(&mut batch, msg),
        }
        known.trim();
        let _ = notify.try_send(());
    }
    drop(notify);
    if let Some(handle) = checkpointer {
        let _ = handle.join();
    }
    // Every sender is gone: fold the WAL back so the file is whole on its own.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
}

/// Forgets what the writer knows when another connection has committed since the last
/// batch (an operator's `sqlite3`, a maintenance tool): it may have deleted rows that
/// `known` names, and insert-only batches no longer fail on such ids (see
/// [`ForeignKeys`]). `PRAGMA data_version` changes only with other connections' commits.
fn forget_after_other_writers(conn: &Connection, known: &mut Known, seen: &mut Option<i64>) {
    let now = conn
        .query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))
        .ok();
    if now.is_none() || now != *seen {
        known.clear();
        *seen = now;
    }
}

/// Whether the writer's connection enforces foreign keys, set per batch.
///
/// A batch of inserts only runs without them: every id those rows refer to is one the
/// writer inserted in this transaction or read from the database, and holds in `known`
/// only until a delete, a rollback, a trim, or another connection's commit
/// ([`forget_after_other_writers`]) clears it. Enforcing them there cost a parent look-up
/// per row and a statement journal per insert (9% of the writer's instructions on the load
/// test's articles). A batch with a delete turns them on, because deletes rely on `ON
/// DELETE CASCADE` (each switch re-prepares the cached statements: a cost for batches with
/// deletes only). `tests/actor_counters.rs` runs `PRAGMA foreign_key_check` after
/// ingests, deletes and writes from another connection.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ForeignKeys {
    On,
    Off,
}

impl ForeignKeys {
    /// Sets enforcement for `batch`; an error only when a delete cannot have it on.
    fn set(&mut self, conn: &Connection, batch: &[WriteRequest]) -> Result<(), String> {
        let want = if batch.iter().any(|r| matches!(r.op, WriteOp::Delete(_))) {
            ForeignKeys::On
        } else {
            ForeignKeys::Off
        };
        if want == *self {
            return Ok(());
        }
        // (The pragma does nothing inside a transaction, and says nothing either.)
        if !conn.is_autocommit() {
            return match want {
                ForeignKeys::Off => Ok(()),
                ForeignKeys::On => {
                    Err("a transaction is open: foreign keys stay as they are".into())
                }
            };
        }
        let sql = match want {
            ForeignKeys::On => "PRAGMA foreign_keys = ON",
            ForeignKeys::Off => "PRAGMA foreign_keys = OFF",
        };
        match conn.execute_batch(sql) {
            Ok(()) => {
                *self = want;
                Ok(())
            }
            // Still on: inserts are only slower.
            Err(e) if want == ForeignKeys::Off => {
                tracing::warn!(error = %e, "could not turn foreign key enforcement off");
                Ok(())
            }
            Err(e) => Err(format!("could not turn foreign key enforcement on: {e}")),
        }
    }
}

fn fail_all(batch: &mut Vec<WriteRequest>, msg: String) {
    for req in batch.drain(..) {
        let _ = req.reply.send(Err(StoreError::Commit(msg.clone())));
    }
}

/// One request, with a panic (a bug: an inconsistent prepared article, a broken
/// invariant) turned into its error
/// so that it cannot kill the writer.
fn apply(
    conn: &Connection,
    known: &mut Known,
    fts: &mut PendingFts,
    op: &WriteOp,
) -> Result<WriteOutcome, StoreError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match op {
        WriteOp::Insert(p) => insert_article(conn, known, fts, p).map(WriteOutcome::Inserted),
        WriteOp::Delete(id) => {
            known.clear();
            // The delete trigger removes FTS entries: those pending must be in first.
            fts.flush(conn)?;
            delete_article(conn, *id).map(WriteOutcome::Deleted)
        }
    }))
    .unwrap_or_else(|_| {
        tracing::error!("a write panicked; its request fails, the others go on");
        Err(StoreError::Commit("the write failed".into()))
    })
}

/// Answers each request; the article goes first, so that the caller usually holds the
/// only reference to it and can move its strings into the response.
fn send_all(batch: &mut Vec<WriteRequest>, results: Vec<Result<WriteOutcome, StoreError>>) {
    for (WriteRequest { op, reply }, result) in batch.drain(..).zip(results) {
        drop(op);
        let _ = reply.send(result);
    }
}

/// One transaction for every request in `batch`; answers go out after COMMIT.
fn commit_batch(conn: &mut Connection, known: &mut Known, batch: &mut Vec<WriteRequest>) {
    // Fast path: no savepoints. `None`: a request failed and everything was rolled back.
    let fast = (|| -> Result<Option<Vec<_>>, rusqlite::Error> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut results = Vec::with_capacity(batch.len());
        let mut fts = PendingFts::default();
        for req in batch.iter() {
            match apply(&tx, known, &mut fts, &req.op) {
                Ok(outcome) => results.push(Ok(outcome)),
                Err(_) => {
                    // (A failed statement may have ended the transaction already.)
                    let _ = tx.rollback();
                    return Ok(None);
                }
            }
        }
        if fts.flush(&tx).is_err() {
            let _ = tx.rollback();
            return Ok(None);
        }
        tx.commit()?;
        Ok(Some(results))
    })();
    match fast {
        Ok(Some(results)) => send_all(batch, results),
        Ok(None) => {
            known.clear();
            commit_batch_isolated(conn, known, batch);
        }
        Err(e) => {
            known.clear();
            tracing::error!(error = %e, "commit failed; the batch is rolled back");
            fail_all(batch, e.to_string());
        }
    }
}

/// The slow path after a failure: each request in its own savepoint inside one
/// transaction, so the failing ones are rolled back alone.
fn commit_batch_isolated(conn: &mut Connection, known: &mut Known, batch: &mut Vec<WriteRequest>) {
    let mut tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return fail_all(batch, e.to_string()),
    };
    let mut results = Vec::with_capacity(batch.len());
    for req in batch.iter() {
        let result = match tx.savepoint() {
            Ok(mut sp) => {
                let mut fts = PendingFts::default();
                let r = apply(&sp, known, &mut fts, &req.op)
                    .and_then(|outcome| fts.flush(&sp).map(|()| outcome));
                let end = if r.is_ok() {
                    sp.commit()
                } else {
                    known.clear();
                    sp.rollback().and_then(|()| sp.commit())
                };
                if end.is_err() {
                    // (The savepoint is rolled back: its rows, new actors included, are gone.)
                    known.clear();
                }
                end.map_err(StoreError::from).and(r)
            }
            Err(e) => Err(e.into()),
        };
        results.push(result);
    }
    match tx.commit() {
        Ok(()) => send_all(batch, results),
        Err(e) => {
            known.clear();
            tracing::error!(error = %e, "commit failed; the batch is rolled back");
            fail_all(batch, e.to_string());
        }
    }
}

fn existing_article(
    conn: &Connection,
    url: Option<&str>,
    hash: &[u8],
) -> Result<Option<i64>, StoreError> {
    if let Some(url) = url {
        let id = conn
            .prepare_cached("SELECT id FROM articles WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        if id.is_some() {
            return Ok(id);
        }
    }
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([hash], |r| r.get(0))
        .optional()?)
}

/// Quote texts waiting to go into `quotes_fts`, by sort key. FTS5 starts a new segment
/// whenever a rowid is not above the previous one written, and sort keys follow the
/// articles' dates, not their arrival: written as they come, the quotes of a batch made
/// one segment per article or so (then merges). Sorted and written at the end of the
/// batch, inside its transaction, they make one.
#[derive(Default)]
pub(super) struct PendingFts(Vec<(i64, String)>);

impl PendingFts {
    fn flush(&mut self, conn: &Connection) -> Result<(), StoreError> {
        if self.0.is_empty() {
            return Ok(());
        }
        self.0.sort_unstable_by_key(|e| e.0);
        // Not a trigger: see `migrations/0002_actor_counters_fts.sql`.
        let mut stmt =
            conn.prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)")?;
        for (key, text) in self.0.drain(..) {
            stmt.execute(params![key, text])?;
        }
        Ok(())
    }
}

fn insert_article(
    conn: &Connection,
    known: &mut Known,
    fts: &mut PendingFts,
    p: &PreparedArticle,
) -> Result<Placed, StoreError> {
    if let Some(id) = existing_article(conn, p.url.as_deref(), &p.hash)? {
        return Ok(Placed::Duplicate { id });
    }
    conn.prepare_cached(
        "INSERT INTO articles (url, content_hash, source, title, byline, language, text,
                               published_at, ingested_at, dated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        p.url,
        &p.hash[..],
        p.source,
        p.title,
        p.byline,
        p.language,
        p.text,
        p.published_at,
        p.ingested_at,
        p.dated_at,
    ])?;
    let article_id = conn.last_insert_rowid();

    // Article-local actors → stored actors.
    let mut stored: Vec<(i64, String)> = Vec::with_capacity(p.actors.len());
    // What this article adds to each actor's counters.
    let mut counts: FxHashMap<i64, Counts> = FxHashMap::default();
    for pa in &p.actors {
        let (id, canonical) = join_actor(conn, known, pa)?;
        if record_actor(conn, known, id, pa, article_id)? {
            counts.entry(id).or_default().articles += 1;
        }
        stored.push((id, canonical));
    }
    let ids: Vec<i64> = stored.iter().map(|s| s.0).collect();
    let global = p.actor_index(&ids);
    let actor_of = |local: Option<usize>| local.and_then(|l| global.get(&l).copied());

    // `migrations/0011_article_entities.sql`: the article's mentions as one JSON row,
    // what they add to `entity_counts`, and a row each for those of no actor.
    if !p.entities.is_empty() {
        let mut unlinked_stmt = conn.prepare_cached(
            "INSERT INTO unlinked_mentions (article_id, label, text, folded)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut name_stmt = conn.prepare_cached(
            "INSERT OR IGNORE INTO mention_names (folded, actor_id) VALUES (?1, ?2)",
        )?;
        // (actor, label, mentions): a few distinct entities an article.
        let mut entities: Vec<(i64, &'static str, i64)> = Vec::new();
        for m in &p.entities {
            let Some(id) = actor_of(m.actor) else {
                unlinked_stmt.execute(params![article_id, m.label, m.text, m.folded])?;
                continue;
            };
            counts.entry(id).or_default().mentions += 1;
            match entities.iter_mut().find(|e| e.0 == id && e.1 == m.label) {
                Some(e) => e.2 += 1,
                None => entities.push((id, m.label, 1)),
            }
            // `migrations/0006_mention_names.sql`
            let key = (m.folded.clone(), id);
            if !known.mention_names.contains(&key) {
                name_stmt.execute(params![key.0, id])?;
                known.mention_names.insert(key);
            }
        }
        conn.prepare_cached(
            "INSERT INTO article_entities (article_id, entity_count, entities)
             VALUES (?1, ?2, ?3)",
        )?
        .execute(params![
            article_id,
            p.entities.len() as i64,
            p.entities_json.with_actors(actor_of)
        ])?;
        let mut count_stmt = conn.prepare_cached(
            "INSERT INTO entity_counts (actor_id, label, article_count, mention_count)
             VALUES (?1, ?2, 1, ?3)
             ON CONFLICT (actor_id, label) DO UPDATE SET
                 article_count = article_count + 1,
                 mention_count = mention_count + excluded.mention_count",
        )?;
        entities.sort_unstable();
        for (id, label, mentions) in entities {
            count_stmt.execute(params![id, label, mentions])?;
        }
    }

    let mut quote_ids = Vec::with_capacity(p.quotes.len());
    let mut insert_quote = conn.prepare_cached(
        "INSERT INTO quotes (article_id, start, \"end\", text, kind, cue_start, cue_end,
             cue_text, speaker_actor_id, speaker_name, speaker_text, speaker_start,
             speaker_end, speaker_how, speaker_confidence, role, affiliation, confidence,
             dated_at, source, speaker_folded, sort_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22)",
    )?;
    let mut insert_about = conn.prepare_cached(
        "INSERT OR IGNORE INTO quote_mentions (actor_id, quote_id) VALUES (?1, ?2)",
    )?;
    // Every quote of the article has its date: one look-up for the first free sort key.
    // (The id is SQLite's next rowid: rows are appended in arrival order.)
    let first_key = if p.quotes.is_empty() {
        0
    } else {
        next_sort_key(conn, p.sort_key_base)?
    };
    let mut about: Vec<i64> = Vec::new();
    for (sort_key, q) in (first_key..).zip(&p.quotes) {
        let sp = q.speaker.as_ref();
        let speaker_actor = sp.and_then(|s| actor_of(s.actor));
        if let Some(id) = speaker_actor {
            counts.entry(id).or_default().quotes += 1;
        }
        insert_quote.execute(params![
            article_id,
            q.start,
            q.end,
            q.text,
            q.kind,
            q.cue.as_ref().map(|c| c.start),
            q.cue.as_ref().map(|c| c.end),
            q.cue.as_ref().map(|c| c.text.as_str()),
            speaker_actor,
            sp.map(|s| s.name.as_str()),
            sp.map(|s| s.text.as_str()),
            sp.map(|s| s.start),
            sp.map(|s| s.end),
            sp.and_then(|s| s.how.as_deref()),
            sp.map(|s| s.confidence),
            sp.and_then(|s| s.role.as_deref()),
            sp.and_then(|s| s.affiliation.as_deref()),
            q.confidence,
            p.dated_at,
            p.source,
            sp.and_then(|s| s.unresolved.as_deref()),
            sort_key,
        ])?;
        let quote_id = conn.last_insert_rowid();
        fts.0.push((sort_key, q.text.clone()));

        // Actors named inside the quote ("about"): named entities and actor mentions.
        about.clear();
        about.extend(q.about.iter().filter_map(|&l| actor_of(Some(l))));
        about.sort_unstable();
        about.dedup();
        for actor_id in &about {
            insert_about.execute(params![actor_id, quote_id])?;
        }
        quote_ids.push(quote_id);
    }

    add_counts(conn, &counts, &p.dated_at)?;

    Ok(Placed::Created {
        article_id,
        actors: stored,
        quote_ids,
    })
}

/// A quote's sort key (`migrations/0005_quotes_arrival_order.sql`): `unix seconds of
/// dated_at << 20`, plus a sequence inside that second. So sort-key order is date order
/// (then arrival), and "newest first" over a full-text match is FTS5's own rowid order
/// (quotes_fts is keyed by sort key), read backwards with a LIMIT instead of sorting
/// every match.
pub(super) const SORT_KEY_SHIFT: u32 = 20;

pub(super) fn sort_key_base(dated_at: &str) -> i64 {
    sort_key_base_of(dated_at).unwrap_or(0)
}

/// The first sort key of `date`'s second; `None` when it is not RFC 3339.
pub(super) fn sort_key_base_of(date: &str) -> Option<i64> {
    time::OffsetDateTime::parse(date, &time::format_description::well_known::Rfc3339)
        .ok()
        .map(|t| t.unix_timestamp() << SORT_KEY_SHIFT)
}

fn next_sort_key(conn: &Connection, base: i64) -> Result<i64, StoreError> {
    let key: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(MAX(sort_key) + 1, ?1) FROM quotes
             WHERE sort_key >= ?1 AND sort_key < ?1 + ?2",
        )?
        .query_row(params![base, 1i64 << SORT_KEY_SHIFT], |r| r.get(0))?;
    Ok(key)
}

/// Finds the global actor an article-local actor is, or creates it.
///
/// 1. same folded canonical name and kind;
/// 2. else exactly one actor of that kind known by one of its names (an alias) — for
///    people only through multi-word names, or by promoting a bare-surname actor
///    ("Blinken" stored, "Antony Blinken" arrives: same actor, fuller name);
/// 3. else, for a bare one-word person name, the one person with that surname, if
///    exactly one exists;
/// 4. else a new actor.
fn join_actor(
    conn: &Connection,
    known: &mut Known,
    pa: &PreparedActor,
) -> Result<(i64, String), StoreError> {
    let kind = pa.kind;
    let key = (pa.folded.clone(), kind);
    if let Some(found) = known.actors.get(&key) {
        return Ok(found.clone());
    }
    let folded = &pa.folded;
    let canonical = &pa.canonical;
    let by_name: Option<(i64, String)> = conn
        .prepare_cached(
            "SELECT id, canonical_name FROM actors WHERE folded_name = ?1 AND kind = ?2",
        )?
        .query_row(params![folded, kind], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some(found) = by_name {
        known.actors.insert(key, found.clone());
        return Ok(found);
    }
    let is_person = pa.is_person;
    let mut candidates: Vec<(i64, String, String)> = Vec::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT a.id, a.canonical_name, a.folded_name FROM actor_aliases al
             JOIN actors a ON a.id = al.actor_id
             WHERE al.folded = ?1 AND a.kind = ?2 LIMIT 3",
        )?;
        for name in &pa.lookup {
            let rows = stmt.query_map(params![name, kind], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let row = row?;
                let usable = !is_person || word_count(name) >= 2 || row.2 == *name;
                if usable && !candidates.iter().any(|c| c.0 == row.0) {
                    candidates.push(row);
                }
            }
        }
    }
    if candidates.len() == 1 {
        let (id, old_canonical, old_folded) = candidates.remove(0);
        if is_person && word_count(folded) > word_count(&old_folded) {
            let updated = conn
                .prepare_cached(
                    "UPDATE OR IGNORE actors SET canonical_name = ?1, folded_name = ?2,
                     surname = ?3 WHERE id = ?4",
                )?
                .execute(params![canonical, folded, pa.surname, id])?;
            if updated == 1 {
                note_surname(conn, pa.surname.as_deref())?;
                known.actors.remove(&(old_folded, kind));
                known.actors.insert(key, (id, canonical.clone()));
                return Ok((id, canonical.clone()));
            }
        }
        return Ok((id, old_canonical));
    }

    if is_person && word_count(folded) == 1 {
        let mut stmt = conn.prepare_cached(
            "SELECT id, canonical_name FROM actors WHERE surname = ?1 AND kind = 'person' LIMIT 2",
        )?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([folded], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        if rows.len() == 1 {
            return Ok(rows.into_iter().next().expect("one row"));
        }
    }

    conn.prepare_cached(
        "INSERT INTO actors (canonical_name, folded_name, kind, surname) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![canonical, folded, kind, pa.surname])?;
    let id = conn.last_insert_rowid();
    note_surname(conn, pa.surname.as_deref())?;
    known.actors.insert(key, (id, canonical.clone()));
    Ok((id, canonical.clone()))
}

/// Records a person's surname in `actor_surnames` (`migrations/0004_actor_surnames.sql`).
fn note_surname(conn: &Connection, surname: Option<&str>) -> Result<(), StoreError> {
    if let Some(surname) = surname {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO actor_surnames (length, surname) VALUES (length(?1), ?1)",
        )?
        .execute([surname])?;
    }
    Ok(())
}

/// What one article adds to its actors' counters (`migrations/0002_actor_counters_fts.sql`).
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    quotes: i64,
    mentions: i64,
    articles: i64,
}

/// Adds an article's counts to its actors; `dated_at` widens their first/last seen.
/// One statement per actor of the article.
fn add_counts(
    conn: &Connection,
    counts: &FxHashMap<i64, Counts>,
    dated_at: &str,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE actors SET quote_count = quote_count + ?2, mention_count = mention_count + ?3,
             article_count = article_count + ?4,
             first_seen = CASE WHEN ?4 > 0 AND (first_seen IS NULL OR ?5 < first_seen)
                          THEN ?5 ELSE first_seen END,
             last_seen = CASE WHEN ?4 > 0 AND (last_seen IS NULL OR ?5 > last_seen)
                         THEN ?5 ELSE last_seen END
         WHERE id = ?1",
    )?;
    for (id, c) in counts {
        stmt.execute(params![id, c.quotes, c.mentions, c.articles, dated_at])?;
    }
    Ok(())
}

/// Counts these actors' quotes, mentions and articles again from the tables (after a
/// delete; a few actors, each through its own indexes).
fn recount(conn: &Connection, ids: &[i64]) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(
        "UPDATE actors SET
            quote_count = (SELECT COUNT(*) FROM quotes WHERE speaker_actor_id = ?1),
            mention_count = (SELECT COALESCE(SUM(mention_count), 0) FROM entity_counts
                             WHERE actor_id = ?1),
            article_count = (SELECT COUNT(*) FROM article_actors WHERE actor_id = ?1),
            first_seen = (SELECT MIN(ar.dated_at) FROM article_actors aa
                          JOIN articles ar ON ar.id = aa.article_id WHERE aa.actor_id = ?1),
            last_seen = (SELECT MAX(ar.dated_at) FROM article_actors aa
                         JOIN articles ar ON ar.id = aa.article_id WHERE aa.actor_id = ?1)
         WHERE id = ?1",
    )?;
    for id in ids {
        stmt.execute([id])?;
    }
    Ok(())
}

/// Aliases, roles and affiliations seen, and the article ↔ actor link; `true` when the
/// link is new (the first local actor of this article that is this global actor).
fn record_actor(
    conn: &Connection,
    known: &mut Known,
    actor_id: i64,
    pa: &PreparedActor,
    article_id: i64,
) -> Result<bool, StoreError> {
    let mut alias_stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded) VALUES (?1, ?2, ?3)",
    )?;
    for (alias, folded) in &pa.aliases {
        let key = (actor_id, folded.clone());
        if !known.aliases.contains(&key) {
            alias_stmt.execute(params![actor_id, alias, key.1])?;
            known.aliases.insert(key);
        }
    }
    let mut attr_stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO actor_attributes (actor_id, kind, value) VALUES (?1, ?2, ?3)",
    )?;
    for (kind, value) in &pa.attributes {
        let key = (actor_id, *kind, value.clone());
        if !known.attributes.contains(&key) {
            attr_stmt.execute(params![actor_id, kind, value])?;
            known.attributes.insert(key);
        }
    }
    let linked = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO article_actors (article_id, actor_id) VALUES (?1, ?2)",
        )?
        .execute(params![article_id, actor_id])?;
    Ok(linked == 1)
}

fn delete_article(conn: &Connection, id: i64) -> Result<bool, StoreError> {
    // What the article's mentions added to `entity_counts`: (actor, label) → mentions.
    let stored: Option<String> = conn
        .prepare_cached("SELECT entities FROM article_entities WHERE article_id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let mut entities: Vec<((i64, String), i64)> = Vec::new();
    for (_, _, _, label, actor, _) in EntitiesJson::parse(stored.as_deref().unwrap_or("[]"))? {
        if let Some(actor) = actor {
            match entities
                .iter_mut()
                .find(|e| e.0 .0 == actor && e.0 .1 == label)
            {
                Some(e) => e.1 += 1,
                None => entities.push(((actor, label), 1)),
            }
        }
    }
    // Every actor whose counters this article is part of.
    let mut actors: Vec<i64> = conn
        .prepare_cached(
            "SELECT actor_id FROM article_actors WHERE article_id = ?1
             UNION SELECT speaker_actor_id FROM quotes
                   WHERE article_id = ?1 AND speaker_actor_id IS NOT NULL",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    actors.extend(entities.iter().map(|e| e.0 .0));
    actors.sort_unstable();
    actors.dedup();
    let deleted = conn
        .prepare_cached("DELETE FROM articles WHERE id = ?1")?
        .execute([id])?;
    if deleted == 0 {
        return Ok(false);
    }
    let mut subtract = conn.prepare_cached(
        "UPDATE entity_counts SET article_count = article_count - 1,
             mention_count = mention_count - ?3
         WHERE actor_id = ?1 AND label = ?2",
    )?;
    let mut remove_empty = conn.prepare_cached(
        "DELETE FROM entity_counts WHERE actor_id = ?1 AND label = ?2 AND mention_count <= 0",
    )?;
    for ((actor, label), mentions) in &entities {
        subtract.execute(params![actor, label, mentions])?;
        remove_empty.execute(params![actor, label])?;
    }
    let mut stmt = conn.prepare_cached(
        "DELETE FROM actors WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?1)",
    )?;
    for actor_id in &actors {
        stmt.execute([actor_id])?;
    }
    recount(conn, &actors)?;
    Ok(true)
}
