//! Queries. Every list is sorted on an indexed key and paged with a cursor.

use super::cursor::Cursor;
use super::fold::{edit_distance, fold, surname};
use super::json;
use super::model::{
    ActorRef, ActorView, ArticleSummary, ArticleView, CueView, EntityAggregate, EntityView, Page,
    QuoteView, SpeakerView,
};
use super::prepare::EntitiesJson;
use super::write;
use super::StoreError;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use rustc_hash::FxHashMap;
use sqlx::sqlite::{Sqlite, SqlitePool};
use sqlx::QueryBuilder;

// Most actor ids a name filter expands to: 500, written into the SQL as `LIMIT 500`.
//
// No `LIMIT ?` anywhere in this file: SQLite (3.47 on) plans with a bound LIMIT's
/// value, so every new binding expires the statement and each execution is parsed and
// planned again (measured: a third of the read CPU under load). Limits are integers
// from Rust, written into the SQL text instead; the few distinct texts stay cached.

#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Speaker name, matched folded on full name, alias or surname.
    pub speaker: Option<String>,
    pub actor_id: Option<i64>,
    /// Full-text words; compiled into a safe FTS5 query here.
    pub q: Option<String>,
    /// An actor named inside the quote.
    pub mentions: Option<String>,
    pub kind: Option<String>,
    pub article_id: Option<i64>,
    pub source: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: u32,
    pub after: Option<(String, i64)>,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub source: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: u32,
    pub after: Option<(String, i64)>,
}

#[derive(Debug, Clone, Default)]
pub struct EntityFilter {
    /// PER, ORG, LOC or MISC.
    pub label: Option<String>,
    pub name: Option<String>,
    pub article_id: Option<i64>,
    pub limit: u32,
    pub offset: u64,
}

/// User words → an FTS5 query that can only mean "all these words": every word is
/// quoted as a phrase, so `"`, `*`, `NEAR(`, `AND`, `OR` are plain words.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[derive(sqlx::FromRow)]
struct QuoteRow {
    id: i64,
    article_id: i64,
    start: i64,
    end: i64,
    text: String,
    kind: String,
    cue_start: Option<i64>,
    cue_end: Option<i64>,
    cue_text: Option<String>,
    speaker_actor_id: Option<i64>,
    speaker_name: Option<String>,
    speaker_text: Option<String>,
    speaker_start: Option<i64>,
    speaker_end: Option<i64>,
    speaker_how: Option<String>,
    speaker_confidence: Option<f64>,
    role: Option<String>,
    affiliation: Option<String>,
    confidence: f64,
    dated_at: String,
    source: Option<String>,
    speaker_canonical: Option<String>,
    article_title: Option<String>,
    article_url: Option<String>,
}

impl From<QuoteRow> for QuoteView {
    fn from(r: QuoteRow) -> Self {
        let cue = match (r.cue_start, r.cue_end, r.cue_text) {
            (Some(start), Some(end), Some(text)) => Some(CueView { start, end, text }),
            _ => None,
        };
        let has_speaker = r.speaker_name.is_some() || r.speaker_actor_id.is_some();
        let speaker = has_speaker.then_some(SpeakerView {
            text: r.speaker_text,
            start: r.speaker_start,
            end: r.speaker_end,
            name: r.speaker_name,
            actor_id: r.speaker_actor_id,
            canonical_name: r.speaker_canonical,
            role: r.role,
            affiliation: r.affiliation,
            how: r.speaker_how,
            confidence: r.speaker_confidence,
        });
        QuoteView {
            id: r.id,
            article_id: r.article_id,
            start: r.start,
            end: r.end,
            text: r.text,
            kind: r.kind,
            cue,
            speaker,
            confidence: r.confidence,
            source: r.source,
            date: r.dated_at,
            article_title: r.article_title,
            article_url: r.article_url,
        }
    }
}

const QUOTE_SELECT: &str = "SELECT q.id, q.article_id, q.start, q.\"end\", q.text, q.kind,
        q.cue_start, q.cue_end, q.cue_text, q.speaker_actor_id, q.speaker_name, q.speaker_text,
        q.speaker_start, q.speaker_end, q.speaker_how, q.speaker_confidence, q.role,
        q.affiliation, q.confidence, q.dated_at, q.source,
        sa.canonical_name AS speaker_canonical, ar.title AS article_title, ar.url AS article_url
    FROM quotes q
    JOIN articles ar ON ar.id = q.article_id
    LEFT JOIN actors sa ON sa.id = q.speaker_actor_id";

const NAME_IDS_SQL: &str = "SELECT id FROM actors WHERE folded_name = ?1
         UNION SELECT actor_id FROM actor_aliases WHERE folded = ?1
         UNION SELECT id FROM actors WHERE surname = ?1
         LIMIT 500";

/// `EXPLAIN QUERY PLAN` of the name → actor ids lookup.
pub async fn name_ids_plan(pool: &SqlitePool) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "EXPLAIN QUERY PLAN {NAME_IDS_SQL}"
    )))
    .bind("blinken")
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.3).collect())
}

/// Actor ids a name refers to: folded full name, alias, or (people) surname.
async fn actor_ids_for_name(pool: &SqlitePool, name: &str) -> Result<Vec<i64>, StoreError> {
    let f = fold(name);
    if f.is_empty() {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_scalar(NAME_IDS_SQL)
        .bind(&f)
        .fetch_all(pool)
        .await?)
}

/// The three branches of [`NAME_IDS_SQL`], each read in id order. Run one by one and
/// merged here: the `UNION` built a temporary b-tree for every request (its page cache
/// allocated and freed each time), 7% of a `speaker=` request's CPU.
const NAME_IDS_BRANCHES: [&str; 3] = [
    // (at most one actor per kind: no order needed)
    "SELECT id FROM actors WHERE folded_name = ?1",
    "SELECT actor_id FROM actor_aliases WHERE folded = ?1 ORDER BY actor_id LIMIT 500",
    "SELECT id FROM actors WHERE surname = ?1 ORDER BY id LIMIT 500",
];

/// Actor ids a name refers to, on a rusqlite reader (see [`Readers`]): the same ids as
/// [`NAME_IDS_SQL`] (the 500 smallest distinct ones, ascending).
fn name_ids(conn: &Connection, name: &str) -> Result<Vec<i64>, StoreError> {
    let f = fold(name);
    if f.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = Vec::new();
    for sql in NAME_IDS_BRANCHES {
        let mut stmt = conn.prepare_cached(sql)?;
        let mut rows = stmt.query([&f])?;
        while let Some(row) = rows.next()? {
            ids.push(row.get(0)?);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids.truncate(500);
    Ok(ids)
}

/// SQL text and its bound values, for rusqlite (the subset of sqlx's `QueryBuilder`
/// the quote filters use).
struct Qb {
    sql: String,
    args: Vec<Value>,
}

impl Qb {
    fn new(sql: impl Into<String>) -> Self {
        Qb {
            sql: sql.into(),
            args: Vec::new(),
        }
    }
    fn push(&mut self, sql: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.sql, "{sql}");
        self
    }
    fn push_bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.args.push(value.into());
        let n = self.args.len();
        self.push(format_args!("?{n}"))
    }
}

fn push_id_list(qb: &mut Qb, ids: &[i64]) {
    qb.push("(");
    for (n, id) in ids.iter().enumerate() {
        if n > 0 {
            qb.push(", ");
        }
        qb.push_bind(*id);
    }
    qb.push(")");
}

/// Read connections of their own (rusqlite, cached statements) for the hottest
/// queries, `GET /quotes` with its filters, run on the blocking pool. Through sqlx every
/// row crosses a channel between threads, and that cost more than the query itself.
pub(super) struct Readers {
    path: std::path::PathBuf,
    idle: std::sync::Mutex<Vec<Connection>>,
    slots: std::sync::Arc<tokio::sync::Semaphore>,
}

impl Readers {
    pub(super) fn new(path: &std::path::Path, size: usize) -> Readers {
        Readers {
            path: path.to_owned(),
            idle: std::sync::Mutex::new(Vec::new()),
            slots: std::sync::Arc::new(tokio::sync::Semaphore::new(size.max(1))),
        }
    }

    fn open(&self) -> Result<Connection, StoreError> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // Pages are read through a memory map rather than copied out by pread: a tenth of
        // a query's CPU went to those copies on a 1M-quote database.
        // The map covers the whole file up to SQLite's limit (2 GB): pages past the end of
        // a smaller map were still read with pread, 10% of a query's CPU at 1.1 GB.
        conn.execute_batch(
            "PRAGMA query_only = ON; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 2147418112;",
        )?;
        // `speaker=` merges keep up to 64 branch statements open at once.
        conn.set_prepared_statement_cache_capacity(256);
        Ok(conn)
    }

    /// Closes the idle readers (the others close when their job ends).
    pub(super) fn close_idle(&self) {
        if let Ok(mut v) = self.idle.lock() {
            v.clear();
        }
    }

    /// Runs `job` on an idle reader (or a new one) on the blocking pool.
    pub(super) async fn run<T: Send + 'static>(
        self: &std::sync::Arc<Self>,
        job: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let permit = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| StoreError::Closed)?;
        let me = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            me.with_conn(job)
        })
        .await
        .map_err(|e| StoreError::Commit(format!("a read task failed: {e}")))?
    }

    /// Runs `job` on an idle reader right here, on the async worker thread: for the
    /// requests whose work is small and bounded (a page of ids read by key, an actor
    /// search whose every stage has a LIMIT; ~0.1–0.5 ms). Handing them to the blocking
    /// pool cost a thread hop each way (a futex wake, a context switch, the task moved
    /// between threads): ~25% of a `speaker=` request's CPU. Anything that may scan
    /// (other quote filters, aggregates) goes through [`Readers::run`].
    pub(super) async fn run_here<T>(
        &self,
        job: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let _permit = self.slots.acquire().await.map_err(|_| StoreError::Closed)?;
        self.with_conn(job)
    }

    /// `job` inside one read transaction on an idle reader (or a new one), which goes back
    /// to the idle list after.
    fn with_conn<T>(
        &self,
        job: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let conn = match idle {
            Some(c) => c,
            None => self.open()?,
        };
        // One read transaction for the whole job: every statement of a page (ids, then
        // each row by id) reads the same snapshot, and the WAL read lock (fcntl on the
        // -shm file, a check of the WAL header) is taken once per request instead of
        // once per statement (~50 a page). BEGIN and COMMIT are cached statements too.
        conn.prepare_cached("BEGIN")?.execute([])?;
        let result = job(&conn);
        let committed = conn
            .prepare_cached("COMMIT")
            .and_then(|mut s| s.execute([]));
        if committed.is_err() || !conn.is_autocommit() {
            // Not returned to the pool: a connection stuck in a transaction would pin
            // an old snapshot (and the WAL) for good.
            return result;
        }
        if let Ok(mut v) = self.idle.lock() {
            v.push(conn);
        }
        result
    }
}

/// Whether a quote filter's page is read by key alone, in small bounded work (see
/// [`Readers::run_here`]): `q=` alone, or `speaker=` alone (a name naming 64 actors or
/// more falls back to one scan and sort of their quotes, still bounded by the index
/// ranges of those actors).
pub(super) fn reads_by_key(f: &QuoteFilter) -> bool {
    (f.q.is_some() && only_words(f)) || only_speaker(f)
}

fn push_ids(qb: &mut QueryBuilder<Sqlite>, ids: &[i64]) {
    qb.push("(");
    let mut sep = qb.separated(", ");
    for id in ids {
        sep.push_bind(*id);
    }
    qb.push(")");
}

fn keyset_page<T>(mut items: Vec<T>, limit: u32, key: impl Fn(&T) -> (String, i64)) -> Page<T> {
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(|last| {
            let (date, id) = key(last);
            Cursor::Key { date, id }.encode()
        })
    } else {
        None
    };
    Page { items, next_cursor }
}

fn offset_page<T>(mut items: Vec<T>, limit: u32, offset: u64) -> Page<T> {
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        Some(Cursor::Offset(offset + u64::from(limit)).encode())
    } else {
        None
    };
    Page { items, next_cursor }
}

/// None of the filters but `speaker` and `q` is set.
fn only_speaker_or_words(f: &QuoteFilter) -> bool {
    f.actor_id.is_none()
        && f.mentions.is_none()
        && f.kind.is_none()
        && f.article_id.is_none()
        && f.source.is_none()
        && f.since.is_none()
        && f.until.is_none()
}

/// Only `q` (and a cursor) is set: the full-text match alone decides the page.
fn only_words(f: &QuoteFilter) -> bool {
    f.speaker.is_none() && only_speaker_or_words(f)
}

/// Most speaker branches (folded name + actor ids) run as separately limited index
/// scans; beyond this the filter falls back to one `OR`/`IN` scan and a sort.
const MAX_SPEAKER_BRANCHES: usize = 64;

/// A quote filter with its name and word lookups done.
struct Resolved {
    /// The folded speaker name and the actor ids it names.
    speaker: Option<(String, Vec<i64>)>,
    mention_ids: Option<Vec<i64>>,
    fts: Option<String>,
}

/// `AND …` for every condition except the speaker, on a `quotes` table aliased `q`.
fn push_conditions(qb: &mut Qb, f: &QuoteFilter, r: &Resolved) {
    if let Some(id) = f.actor_id {
        qb.push(" AND q.speaker_actor_id = ").push_bind(id);
    }
    if let Some(ids) = &r.mention_ids {
        qb.push(" AND q.id IN (SELECT quote_id FROM quote_mentions WHERE actor_id IN ");
        push_id_list(qb, ids);
        qb.push(")");
    }
    if let Some(expr) = &r.fts {
        // (`q=` alone does not come here: see `words_ids_sql`.) quotes_fts is keyed by
        // sort key (`migrations/0005_quotes_arrival_order.sql`).
        qb.push(" AND q.sort_key IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ")
            .push_bind(expr.clone());
        qb.push(")");
    }
    if let Some(kind) = &f.kind {
        qb.push(" AND q.kind = ").push_bind(kind.clone());
    }
    if let Some(id) = f.article_id {
        qb.push(" AND q.article_id = ").push_bind(id);
    }
    if let Some(source) = &f.source {
        qb.push(" AND q.source = ").push_bind(source.clone());
    }
    if let Some(since) = &f.since {
        qb.push(" AND q.dated_at >= ").push_bind(since.clone());
    }
    if let Some(until) = &f.until {
        qb.push(" AND q.dated_at <= ").push_bind(until.clone());
    }
    if let Some((date, id)) = &f.after {
        qb.push(" AND (q.dated_at, q.id) < (")
            .push_bind(date.clone())
            .push(", ")
            .push_bind(*id)
            .push(")");
    }
}

/// None of the filters with an index of their own but `source` (speaker, actor,
/// mentions, words, article).
fn no_indexed_filter_but_source(f: &QuoteFilter, r: &Resolved) -> bool {
    r.speaker.is_none()
        && r.mention_ids.is_none()
        && r.fts.is_none()
        && f.actor_id.is_none()
        && f.article_id.is_none()
}

/// No filter with an index of its own, `source` included: the page is a walk of the
/// quotes in date order.
fn date_walk(f: &QuoteFilter, r: &Resolved) -> bool {
    no_indexed_filter_but_source(f, r) && f.source.is_none()
}

/// Only `source` of the filters with an index: the page walks that source's articles.
fn source_walk(f: &QuoteFilter, r: &Resolved) -> bool {
    no_indexed_filter_but_source(f, r) && f.source.is_some()
}

/// The SQL for a quote filter, or `None` when a name or words match nothing.
///
/// The filters pick one page of ids on the quotes table alone (indexes, sort, limit);
/// only that page is joined with articles and actors. A speaker name can name many
/// actors (a surname): one `OR`/`IN` over them would read every quote of every one of
/// them and sort them all (tens of thousands for a much quoted person), so instead
/// each actor (and the unresolved folded name) is its own branch reading only its
/// newest `limit + 1` quotes from `quotes_speaker` (the other filters inside each
/// branch), and only those are merged and sorted.
fn quotes_query(
    conn: &Connection,
    f: &QuoteFilter,
    prefix: &str,
) -> Result<Option<Qb>, StoreError> {
    let speaker = match &f.speaker {
        Some(name) => {
            let folded = fold(name);
            if folded.is_empty() {
                return Ok(None);
            }
            Some((folded, name_ids(conn, name)?))
        }
        None => None,
    };
    let mention_ids = match &f.mentions {
        Some(name) => {
            let ids = name_ids(conn, name)?;
            if ids.is_empty() {
                return Ok(None);
            }
            Some(ids)
        }
        None => None,
    };
    let fts = match &f.q {
        Some(words) => match fts_query(words) {
            Some(expr) => Some(expr),
            None => return Ok(None),
        },
        None => None,
    };
    let r = Resolved {
        speaker,
        mention_ids,
        fts,
    };
    let page = i64::from(f.limit) + 1;
    let mut qb = Qb::new(format!("{prefix}{QUOTE_SELECT} JOIN ("));
    match &r.speaker {
        Some((folded, ids)) if ids.len() < MAX_SPEAKER_BRANCHES => {
            qb.push("SELECT id FROM (");
            let branches = std::iter::once(None).chain(ids.iter().copied().map(Some));
            for (n, id) in branches.enumerate() {
                if n > 0 {
                    qb.push(" UNION ALL ");
                }
                qb.push("SELECT * FROM (SELECT q.id, q.dated_at FROM quotes q WHERE ");
                match id {
                    None => qb.push("q.speaker_folded = ").push_bind(folded.clone()),
                    Some(id) => qb.push("q.speaker_actor_id = ").push_bind(id),
                };
                push_conditions(&mut qb, f, &r);
                qb.push(format!(
                    " ORDER BY q.dated_at DESC, q.id DESC LIMIT {page})"
                ));
            }
            qb.push(format!(") ORDER BY dated_at DESC, id DESC LIMIT {page}"));
        }
        None if date_walk(f, &r) => {
            // Only kind, dates and a cursor: walk `quotes_sort_key` newest first (its
            // order is (dated_at, id), see `migrations/0005_quotes_arrival_order.sql`),
            // with the dates and the cursor as a key range.
            qb.push("SELECT q.id FROM quotes q WHERE 1 = 1");
            push_conditions(&mut qb, f, &r);
            if let Some(base) = f.since.as_deref().and_then(write::sort_key_base_of) {
                qb.push(" AND q.sort_key >= ").push_bind(base);
            }
            if let Some(base) = f.until.as_deref().and_then(write::sort_key_base_of) {
                qb.push(" AND q.sort_key < ")
                    .push_bind(base + (1i64 << write::SORT_KEY_SHIFT));
            }
            if let Some((date, id)) = &f.after {
                if let Some(bound) = words_bound(conn, date, *id)? {
                    qb.push(" AND q.sort_key < ").push_bind(bound);
                }
            }
            qb.push(format!(" ORDER BY q.sort_key DESC LIMIT {page}"));
        }
        None if source_walk(f, &r) => {
            // The source's articles newest first (`articles_source_dated`), each one's
            // quotes (`quotes_article`): see `migrations/0007_drop_quotes_source.sql`.
            qb.push(
                "SELECT q.id FROM articles src_a JOIN quotes q ON q.article_id = src_a.id \
                 WHERE src_a.source = ",
            )
            .push_bind(f.source.clone().unwrap_or_default());
            if let Some(since) = &f.since {
                qb.push(" AND src_a.dated_at >= ").push_bind(since.clone());
            }
            if let Some(until) = &f.until {
                qb.push(" AND src_a.dated_at <= ").push_bind(until.clone());
            }
            if let Some((date, _)) = &f.after {
                qb.push(" AND src_a.dated_at <= ").push_bind(date.clone());
            }
            push_conditions(&mut qb, f, &r);
            qb.push(format!(
                " ORDER BY src_a.dated_at DESC, src_a.id DESC, q.id DESC LIMIT {page}"
            ));
        }
        other => {
            qb.push("SELECT q.id FROM quotes q WHERE 1 = 1");
            if let Some((folded, ids)) = other {
                // Stored actors by name, alias or surname; or a speaker no actor was
                // found for.
                qb.push(" AND (q.speaker_folded = ")
                    .push_bind(folded.clone());
                qb.push(" OR q.speaker_actor_id IN ");
                push_id_list(&mut qb, ids);
                qb.push(")");
            }
            push_conditions(&mut qb, f, &r);
            qb.push(format!(" ORDER BY q.dated_at DESC, q.id DESC LIMIT {page}"));
        }
    }
    qb.push(") page ON page.id = q.id ORDER BY q.dated_at DESC, q.id DESC");
    Ok(Some(qb))
}

/// A quote row in `QUOTE_SELECT`'s column order.
fn quote_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteRow> {
    Ok(QuoteRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        start: r.get(2)?,
        end: r.get(3)?,
        text: r.get(4)?,
        kind: r.get(5)?,
        cue_start: r.get(6)?,
        cue_end: r.get(7)?,
        cue_text: r.get(8)?,
        speaker_actor_id: r.get(9)?,
        speaker_name: r.get(10)?,
        speaker_text: r.get(11)?,
        speaker_start: r.get(12)?,
        speaker_end: r.get(13)?,
        speaker_how: r.get(14)?,
        speaker_confidence: r.get(15)?,
        role: r.get(16)?,
        affiliation: r.get(17)?,
        confidence: r.get(18)?,
        dated_at: r.get(19)?,
        source: r.get(20)?,
        speaker_canonical: r.get(21)?,
        article_title: r.get(22)?,
        article_url: r.get(23)?,
    })
}

/// Only `speaker` (and a cursor) is set: the page is a merge of per-speaker index scans.
fn only_speaker(f: &QuoteFilter) -> bool {
    f.speaker.is_some() && f.q.is_none() && only_speaker_or_words(f)
}

/// One branch of a `speaker=` merge: the speaker's quotes, newest first, read lazily from
/// `quotes_speaker` (an actor) or `quotes_unresolved_speaker` (a folded name). `slot`
/// only makes the SQL text distinct, so that every open branch has its own cached
/// statement.
fn speaker_branch_sql(actor: bool, after: bool, slot: usize) -> String {
    let column = if actor {
        "speaker_actor_id"
    } else {
        "speaker_folded"
    };
    let after = if after {
        " AND (dated_at, id) < (?2, ?3)"
    } else {
        ""
    };
    format!(
        "SELECT dated_at, id FROM quotes WHERE {column} = ?1{after} \
         ORDER BY dated_at DESC, id DESC -- branch {slot}"
    )
}

/// Which key a page's quotes are read by: their ids, or their sort keys (the rowids of
/// `quotes_fts`, see `migrations/0005_quotes_arrival_order.sql`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    Id,
    SortKey,
}

/// A quote by id (or sort key), in `QUOTE_SELECT`'s columns.
fn quote_by_id_sql(by: By) -> String {
    match by {
        By::Id => format!("{QUOTE_SELECT} WHERE q.id = ?1"),
        By::SortKey => format!("{QUOTE_SELECT} WHERE q.sort_key = ?1"),
    }
}

/// The ids of a `speaker=`-only page, newest first (at most `limit + 1`): every actor the
/// name names, and the unresolved folded name, is a lazily stepped index scan; a k-way
/// merge takes the newest rows across them, so each branch reads only as many index
/// entries as it contributes (plus one), instead of `limit + 1` each followed by a sort
/// of them all (a surname names ~20 actors: ~1,000 rows read and sorted for 51).
fn speaker_page_ids(
    conn: &Connection,
    folded: &str,
    ids: &[i64],
    f: &QuoteFilter,
) -> Result<Vec<i64>, StoreError> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let after = f.after.is_some();
    let mut stmts = Vec::with_capacity(ids.len() + 1);
    stmts.push(conn.prepare_cached(&speaker_branch_sql(false, after, 0))?);
    for slot in 1..=ids.len() {
        stmts.push(conn.prepare_cached(&speaker_branch_sql(true, after, slot))?);
    }
    let mut branches = Vec::with_capacity(stmts.len());
    for (n, stmt) in stmts.iter_mut().enumerate() {
        let key: Value = match n {
            0 => Value::Text(folded.to_owned()),
            n => Value::Integer(ids[n - 1]),
        };
        let rows = match &f.after {
            Some((date, id)) => stmt.query(rusqlite::params![key, date, id])?,
            None => stmt.query(rusqlite::params![key])?,
        };
        branches.push(rows);
    }
    // Max-heap on (date, id); `Reverse(n)` keeps ties (impossible: ids are unique) stable.
    let mut heap: BinaryHeap<(String, i64, Reverse<usize>)> = BinaryHeap::new();
    for (n, rows) in branches.iter_mut().enumerate() {
        if let Some(row) = rows.next()? {
            heap.push((row.get(0)?, row.get(1)?, Reverse(n)));
        }
    }
    let want = f.limit as usize + 1;
    let mut page = Vec::with_capacity(want);
    while page.len() < want {
        let Some((_, id, Reverse(n))) = heap.pop() else {
            break;
        };
        page.push(id);
        if let Some(row) = branches[n].next()? {
            heap.push((row.get(0)?, row.get(1)?, Reverse(n)));
        }
    }
    Ok(page)
}

/// A speaker name folded, with the actor ids it names; `None` when it folds to nothing.
type Speaker = Option<(String, Vec<i64>)>;

/// The folded speaker name and its actor ids, when the merge path applies to `f`.
fn speaker_merge(conn: &Connection, f: &QuoteFilter) -> Result<Option<Speaker>, StoreError> {
    if !only_speaker(f) {
        return Ok(None);
    }
    let name = f.speaker.as_deref().unwrap_or_default();
    let folded = fold(name);
    if folded.is_empty() {
        return Ok(Some(None));
    }
    let ids = name_ids(conn, name)?;
    if ids.len() >= MAX_SPEAKER_BRANCHES {
        return Ok(None);
    }
    Ok(Some(Some((folded, ids))))
}

/// The FTS5 statement of a `q=`-only page: quotes_fts is keyed by sort key, so the
/// newest matches are the highest rowids, read backwards (`?2`: [`words_bound`]).
fn words_ids_sql(f: &QuoteFilter) -> String {
    let after = if f.after.is_some() {
        " AND rowid < ?2"
    } else {
        ""
    };
    format!(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1{after} \
         ORDER BY rowid DESC LIMIT {}",
        i64::from(f.limit) + 1
    )
}

/// The sort keys of a `q=`-only page after the cursor `(date, id)`: every quote before
/// it in (date, id) order has a lower sort key than this bound, every other quote a
/// higher or equal one. Within the cursor's second sort keys follow ids, so the bound
/// is the lowest key of that second whose id is not below the cursor's (or the end of
/// the second); earlier seconds have lower keys, later ones higher.
/// `None` when the cursor's date is not a date (cursors this service wrote always are).
fn words_bound(conn: &Connection, date: &str, id: i64) -> Result<Option<i64>, StoreError> {
    let Some(base) = write::sort_key_base_of(date) else {
        return Ok(None);
    };
    let end = base + (1i64 << write::SORT_KEY_SHIFT);
    let bound: Option<i64> = conn
        .prepare_cached(
            "SELECT MIN(sort_key) FROM quotes WHERE sort_key >= ?1 AND sort_key < ?2 AND id >= ?3",
        )?
        .query_row(rusqlite::params![base, end, id], |r| r.get(0))?;
    Ok(Some(bound.unwrap_or(end)))
}

/// The page of a `q=`-only filter: the sort keys of its newest matches (at most
/// `limit + 1`), from FTS5.
fn words_page_keys(conn: &Connection, f: &QuoteFilter, expr: &str) -> Result<Vec<i64>, StoreError> {
    Ok(match &f.after {
        Some((date, id)) => {
            // (No bound: every match, the cursor is applied to the rows read.)
            let bound = words_bound(conn, date, *id)?.unwrap_or(i64::MAX);
            column(conn, &words_ids_sql(f), rusqlite::params![expr, bound])?
        }
        None => column(conn, &words_ids_sql(f), [expr])?,
    })
}

/// Quotes by id (or sort key), each through one cached statement, newest first; `after`
/// drops those not before the cursor.
fn quotes_by_ids(
    conn: &Connection,
    by: By,
    ids: impl IntoIterator<Item = i64>,
    after: Option<&(String, i64)>,
) -> Result<Vec<QuoteView>, StoreError> {
    let mut stmt = conn.prepare_cached(&quote_by_id_sql(by))?;
    let mut items = Vec::new();
    for id in ids {
        // (A quote deleted between the two reads is skipped.)
        if let Some(q) = stmt
            .query_row([id], |r| quote_row(r).map(QuoteView::from))
            .optional()?
        {
            if after.is_none_or(|(date, id)| (&q.date, q.id) < (date, *id)) {
                items.push(q);
            }
        }
    }
    items.sort_by(|a, b| (&b.date, b.id).cmp(&(&a.date, a.id)));
    Ok(items)
}

/// A quote row alone, in the order [`write_quote`] reads it; its article and speaker are
/// looked up once per page each ([`QuotePage`]): a `speaker=` page of 50 quotes holds
/// ~10 articles and 1–20 speakers, so the joined statement (three b-tree descents a
/// row) did most of its lookups again.
const QUOTE_ALONE_SQL: &str = "SELECT id, article_id, start, \"end\", text, kind, cue_start,
        cue_end, cue_text, speaker_actor_id, speaker_name, speaker_text, speaker_start,
        speaker_end, speaker_how, speaker_confidence, role, affiliation, confidence, dated_at,
        source
    FROM quotes WHERE id = ?1";

/// [`QUOTE_ALONE_SQL`] by sort key.
const QUOTE_ALONE_BY_SORT_KEY_SQL: &str = "SELECT id, article_id, start, \"end\", text, kind,
        cue_start, cue_end, cue_text, speaker_actor_id, speaker_name, speaker_text,
        speaker_start, speaker_end, speaker_how, speaker_confidence, role, affiliation,
        confidence, dated_at, source
    FROM quotes WHERE sort_key = ?1";

/// A text column as `&str` (no copy), `None` when NULL.
fn text_ref<'a>(r: &'a rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'a str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

/// One page of quotes written as JSON while the rows are read, for pages whose ids are
/// known: each quote's object goes into `objects`, then the objects are put in page order
/// (newest first) and joined.
/// A range of one of [`QuotePage`]'s buffers.
type Span = (usize, usize);

#[derive(Default)]
struct QuotePage {
    objects: Vec<u8>,
    /// Sort keys: the quote's date (a range of `dates`), its id, its object's range.
    parts: Vec<(Span, i64, Span)>,
    dates: Vec<u8>,
    /// Article id → `,"article_title":…,"article_url":…` (a range of `tails`), or `None`
    /// when there is no such article (the joined query's inner join drops the quote).
    articles: FxHashMap<i64, Option<Span>>,
    tails: Vec<u8>,
    /// Actor id → its canonical name as a JSON value (a range of `names`), `null` when
    /// there is no such actor (the joined query's left join).
    actors: FxHashMap<i64, Span>,
    names: Vec<u8>,
}

impl QuotePage {
    /// Appends the quote `id` (skipped when it is gone, or not before `after`).
    fn add(
        &mut self,
        stmts: &mut [rusqlite::CachedStatement<'_>; 3],
        id: i64,
        after: Option<&(String, i64)>,
    ) -> Result<(), StoreError> {
        let [quote_stmt, article_stmt, actor_stmt] = stmts;
        let mut rows = quote_stmt.query([id])?;
        let Some(r) = rows.next()? else {
            return Ok(());
        };
        let id: i64 = r.get(0)?;
        let date = text_ref(r, 19)?.ok_or(rusqlite::Error::InvalidColumnType(
            19,
            "dated_at".into(),
            rusqlite::types::Type::Null,
        ))?;
        if after.is_some_and(|(d, i)| (date, id) >= (d.as_str(), *i)) {
            return Ok(());
        }
        let article_id: i64 = r.get(1)?;
        let tail = match self.articles.get(&article_id) {
            Some(t) => *t,
            None => {
                let start = self.tails.len();
                let mut rows = article_stmt.query([article_id])?;
                let t = match rows.next()? {
                    Some(a) => {
                        let out = &mut self.tails;
                        out.extend_from_slice(b",\"article_title\":");
                        json::opt_string(out, text_ref(a, 0)?);
                        out.extend_from_slice(b",\"article_url\":");
                        json::opt_string(out, text_ref(a, 1)?);
                        Some((start, out.len()))
                    }
                    None => None,
                };
                self.articles.insert(article_id, t);
                t
            }
        };
        let Some(tail) = tail else {
            return Ok(());
        };
        let speaker_actor_id: Option<i64> = r.get(9)?;
        let canonical = match speaker_actor_id {
            None => None,
            Some(aid) => Some(match self.actors.get(&aid) {
                Some(n) => *n,
                None => {
                    let start = self.names.len();
                    let mut rows = actor_stmt.query([aid])?;
                    match rows.next()? {
                        Some(a) => json::opt_string(&mut self.names, text_ref(a, 0)?),
                        None => self.names.extend_from_slice(b"null"),
                    }
                    let n = (start, self.names.len());
                    self.actors.insert(aid, n);
                    n
                }
            }),
        };
        let out = &mut self.objects;
        let start = out.len();
        out.extend_from_slice(b"{\"id\":");
        json::int(out, id);
        out.extend_from_slice(b",\"article_id\":");
        json::int(out, article_id);
        out.extend_from_slice(b",\"start\":");
        json::int(out, r.get(2)?);
        out.extend_from_slice(b",\"end\":");
        json::int(out, r.get(3)?);
        out.extend_from_slice(b",\"text\":");
        json::string(out, text_ref(r, 4)?.unwrap_or_default_checked(4)?);
        out.extend_from_slice(b",\"kind\":");
        json::string(out, text_ref(r, 5)?.unwrap_or_default_checked(5)?);
        out.extend_from_slice(b",\"cue\":");
        match (
            r.get::<_, Option<i64>>(6)?,
            r.get::<_, Option<i64>>(7)?,
            text_ref(r, 8)?,
        ) {
            (Some(s), Some(e), Some(t)) => {
                out.extend_from_slice(b"{\"start\":");
                json::int(out, s);
                out.extend_from_slice(b",\"end\":");
                json::int(out, e);
                out.extend_from_slice(b",\"text\":");
                json::string(out, t);
                out.push(b'}');
            }
            _ => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"speaker\":");
        let speaker_name = text_ref(r, 10)?;
        if speaker_name.is_some() || speaker_actor_id.is_some() {
            out.extend_from_slice(b"{\"text\":");
            json::opt_string(out, text_ref(r, 11)?);
            out.extend_from_slice(b",\"start\":");
            json::opt_int(out, r.get(12)?);
            out.extend_from_slice(b",\"end\":");
            json::opt_int(out, r.get(13)?);
            out.extend_from_slice(b",\"name\":");
            json::opt_string(out, speaker_name);
            out.extend_from_slice(b",\"actor_id\":");
            json::opt_int(out, speaker_actor_id);
            out.extend_from_slice(b",\"canonical_name\":");
            match canonical {
                Some((s, e)) => out.extend_from_slice(&self.names[s..e]),
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"role\":");
            json::opt_string(out, text_ref(r, 16)?);
            out.extend_from_slice(b",\"affiliation\":");
            json::opt_string(out, text_ref(r, 17)?);
            out.extend_from_slice(b",\"how\":");
            json::opt_string(out, text_ref(r, 14)?);
            out.extend_from_slice(b",\"confidence\":");
            json::opt_float(out, r.get(15)?);
            out.push(b'}');
        } else {
            out.extend_from_slice(b"null");
        }
        out.extend_from_slice(b",\"confidence\":");
        json::float(out, r.get(18)?);
        out.extend_from_slice(b",\"source\":");
        json::opt_string(out, text_ref(r, 20)?);
        out.extend_from_slice(b",\"date\":");
        json::string(out, date);
        out.extend_from_slice(&self.tails[tail.0..tail.1]);
        out.push(b'}');
        let d = self.dates.len();
        self.dates.extend_from_slice(date.as_bytes());
        self.parts
            .push(((d, self.dates.len()), id, (start, self.objects.len())));
        Ok(())
    }

    /// `{"items":[…],"next_cursor":…}`: newest first, at most `limit` items, with the
    /// cursor when there were more (as `keyset_page`).
    fn finish(mut self, limit: u32) -> Vec<u8> {
        let dates = &self.dates;
        let date = |r: Span| &dates[r.0..r.1];
        self.parts
            .sort_by(|a, b| (date(b.0), b.1).cmp(&(date(a.0), a.1)));
        let more = self.parts.len() > limit as usize;
        self.parts.truncate(limit as usize);
        // (The brackets, the cursor's key and its base64, with room to spare: a page that
        // outgrew its buffer by a few bytes was copied whole once more.)
        let mut out = Vec::with_capacity(self.objects.len() + self.parts.len() + 160);
        out.extend_from_slice(b"{\"items\":[");
        for (n, (_, _, (s, e))) in self.parts.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&self.objects[*s..*e]);
        }
        out.extend_from_slice(b"],\"next_cursor\":");
        match self.parts.last().filter(|_| more) {
            Some(&(d, id, _)) => {
                let cursor = Cursor::Key {
                    date: String::from_utf8_lossy(date(d)).into_owned(),
                    id,
                }
                .encode();
                json::string(&mut out, &cursor);
            }
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
        out
    }
}

/// A NOT NULL text column.
trait Required<'a> {
    fn unwrap_or_default_checked(self, i: usize) -> rusqlite::Result<&'a str>;
}

impl<'a> Required<'a> for Option<&'a str> {
    fn unwrap_or_default_checked(self, i: usize) -> rusqlite::Result<&'a str> {
        self.ok_or(rusqlite::Error::InvalidColumnType(
            i,
            String::new(),
            rusqlite::types::Type::Null,
        ))
    }
}

/// The quotes `ids` (newest first, at most `limit`) as a page of JSON.
fn quote_page_json(
    conn: &Connection,
    by: By,
    ids: impl IntoIterator<Item = i64>,
    after: Option<&(String, i64)>,
    limit: u32,
) -> Result<Vec<u8>, StoreError> {
    let mut stmts = [
        conn.prepare_cached(match by {
            By::Id => QUOTE_ALONE_SQL,
            By::SortKey => QUOTE_ALONE_BY_SORT_KEY_SQL,
        })?,
        conn.prepare_cached("SELECT title, url FROM articles WHERE id = ?1")?,
        conn.prepare_cached("SELECT canonical_name FROM actors WHERE id = ?1")?,
    ];
    let ids = ids.into_iter();
    // A quote's object is ~600 bytes: room for the page up front, not grown by doubling
    // (each time copying what was written: a few percent of a page's instructions).
    let mut page = QuotePage {
        objects: Vec::with_capacity(ids.size_hint().0 * 1024),
        ..QuotePage::default()
    };
    for id in ids {
        page.add(&mut stmts, id, after)?;
    }
    Ok(page.finish(limit))
}

const EMPTY_PAGE: &[u8] = b"{\"items\":[],\"next_cursor\":null}";

/// [`quotes`] as JSON, byte for byte what `serde_json` writes for its page.
pub(super) fn quotes_json(conn: &Connection, f: &QuoteFilter) -> Result<Vec<u8>, StoreError> {
    if f.q.is_some() && only_words(f) {
        let Some(expr) = f.q.as_deref().and_then(fts_query) else {
            return Ok(EMPTY_PAGE.to_vec());
        };
        let keys = words_page_keys(conn, f, &expr)?;
        return quote_page_json(conn, By::SortKey, keys, f.after.as_ref(), f.limit);
    }
    if let Some(merge) = speaker_merge(conn, f)? {
        let ids = match merge {
            Some((folded, ids)) => speaker_page_ids(conn, &folded, &ids, f)?,
            None => Vec::new(),
        };
        return quote_page_json(conn, By::Id, ids, None, f.limit);
    }
    Ok(serde_json::to_vec(&quotes(conn, f)?)?)
}

pub(super) fn quotes(conn: &Connection, f: &QuoteFilter) -> Result<Page<QuoteView>, StoreError> {
    if f.q.is_some() && only_words(f) {
        // `q=` alone: the page's ids straight from FTS5, then each row by id (the same
        // rows and order as the joined query, without its temporary tables).
        let Some(expr) = f.q.as_deref().and_then(fts_query) else {
            return Ok(Page {
                items: Vec::new(),
                next_cursor: None,
            });
        };
        let keys = words_page_keys(conn, f, &expr)?;
        let items = quotes_by_ids(conn, By::SortKey, keys, f.after.as_ref())?;
        return Ok(keyset_page(items, f.limit, |q: &QuoteView| {
            (q.date.clone(), q.id)
        }));
    }
    if let Some(merge) = speaker_merge(conn, f)? {
        let mut items = Vec::new();
        if let Some((folded, ids)) = merge {
            let page = speaker_page_ids(conn, &folded, &ids, f)?;
            items = quotes_by_ids(conn, By::Id, page, None)?;
        }
        return Ok(keyset_page(items, f.limit, |q: &QuoteView| {
            (q.date.clone(), q.id)
        }));
    }
    let Some(qb) = quotes_query(conn, f, "")? else {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    };
    let mut stmt = conn.prepare_cached(&qb.sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(qb.args.iter()), |r| {
            quote_row(r).map(QuoteView::from)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(keyset_page(items, f.limit, |q: &QuoteView| {
        (q.date.clone(), q.id)
    }))
}

/// `EXPLAIN QUERY PLAN` of the query a quote filter runs (the `detail` column).
pub(super) fn quotes_plan(conn: &Connection, f: &QuoteFilter) -> Result<Vec<String>, StoreError> {
    let words = f.q.is_some() && only_words(f);
    let merge = if words { None } else { speaker_merge(conn, f)? };
    if words || merge.is_some() {
        // The statements these paths run: the FTS5 ids or one branch of each kind, then
        // the row by id.
        let mut plan = Vec::new();
        let sqls = if words {
            vec![words_ids_sql(f), quote_by_id_sql(By::SortKey)]
        } else if merge.flatten().is_some() {
            let after = f.after.is_some();
            vec![
                speaker_branch_sql(false, after, 0),
                speaker_branch_sql(true, after, 1),
                quote_by_id_sql(By::Id),
            ]
        } else {
            Vec::new()
        };
        {
            for sql in sqls {
                let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let n = stmt.parameter_count();
                let args: Vec<Value> = (0..n).map(|_| Value::Integer(0)).collect();
                let lines = stmt
                    .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                        r.get::<_, String>(3)
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                plan.extend(lines);
            }
        }
        return Ok(plan);
    }
    let Some(qb) = quotes_query(conn, f, "EXPLAIN QUERY PLAN ")? else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare(&qb.sql)?;
    let plan = stmt
        .query_map(rusqlite::params_from_iter(qb.args.iter()), |r| {
            r.get::<_, String>(3)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(plan)
}

pub async fn quote(pool: &SqlitePool, id: i64) -> Result<Option<QuoteView>, StoreError> {
    let mut qb = QueryBuilder::<Sqlite>::new(QUOTE_SELECT);
    qb.push(" WHERE q.id = ").push_bind(id);
    let row: Option<QuoteRow> = qb.build_query_as().fetch_optional(pool).await?;
    Ok(row.map(Into::into))
}

#[derive(sqlx::FromRow)]
struct ArticleRow {
    id: i64,
    url: Option<String>,
    source: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    language: Option<String>,
    published_at: Option<String>,
    ingested_at: String,
    text: String,
}

pub async fn article(pool: &SqlitePool, id: i64) -> Result<Option<ArticleView>, StoreError> {
    let row: Option<ArticleRow> = sqlx::query_as(
        "SELECT id, url, source, title, byline, language, published_at, ingested_at, text
         FROM articles WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    // `migrations/0011_article_entities.sql`: already ordered by start, then arrival.
    let stored: Option<String> =
        sqlx::query_scalar("SELECT entities FROM article_entities WHERE article_id = ?1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    let entities: Vec<EntityView> = match stored {
        Some(json) => EntitiesJson::parse(&json)?
            .into_iter()
            .map(|(start, end, text, label, actor_id, _)| EntityView {
                start,
                end,
                text,
                label,
                actor_id,
            })
            .collect(),
        None => Vec::new(),
    };
    let mut qb = QueryBuilder::<Sqlite>::new(QUOTE_SELECT);
    qb.push(" WHERE q.article_id = ")
        .push_bind(id)
        .push(" ORDER BY q.start, q.id");
    let quotes: Vec<QuoteRow> = qb.build_query_as().fetch_all(pool).await?;
    let actors: Vec<ActorRef> = sqlx::query_as(
        "SELECT a.id, a.canonical_name, a.kind FROM article_actors aa
         JOIN actors a ON a.id = aa.actor_id WHERE aa.article_id = ?1 ORDER BY a.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(Some(ArticleView {
        id: r.id,
        url: r.url,
        source: r.source,
        title: r.title,
        byline: r.byline,
        language: r.language,
        published_at: r.published_at,
        ingested_at: r.ingested_at,
        text: r.text,
        entities,
        quotes: quotes.into_iter().map(Into::into).collect(),
        actors,
    }))
}

pub async fn articles(
    pool: &SqlitePool,
    f: &ArticleFilter,
) -> Result<Page<ArticleSummary>, StoreError> {
    let mut qb = QueryBuilder::<Sqlite>::new(
        "SELECT a.id, a.url, a.source, a.title, a.published_at, a.ingested_at, a.dated_at,
            (SELECT COUNT(*) FROM quotes WHERE article_id = a.id) AS quote_count,
            COALESCE((SELECT entity_count FROM article_entities WHERE article_id = a.id), 0)
                AS entity_count
         FROM articles a WHERE 1 = 1",
    );
    if let Some(source) = &f.source {
        qb.push(" AND a.source = ").push_bind(source.clone());
    }
    if let Some(since) = &f.since {
        qb.push(" AND a.dated_at >= ").push_bind(since.clone());
    }
    if let Some(until) = &f.until {
        qb.push(" AND a.dated_at <= ").push_bind(until.clone());
    }
    if let Some((date, id)) = &f.after {
        qb.push(" AND (a.dated_at, a.id) < (")
            .push_bind(date.clone())
            .push(", ")
            .push_bind(*id)
            .push(")");
    }
    qb.push(format!(
        " ORDER BY a.dated_at DESC, a.id DESC LIMIT {}",
        i64::from(f.limit) + 1
    ));
    let rows: Vec<ArticleSummary> = qb.build_query_as().fetch_all(pool).await?;
    Ok(keyset_page(rows, f.limit, |a: &ArticleSummary| {
        (a.dated_at.clone(), a.id)
    }))
}

/// One actor's row: its counts are the writer's counters on `actors`
/// (`migrations/0002_actor_counters_fts.sql`); its aliases, roles and affiliations are the
/// JSON arrays the triggers of `migrations/0008_actor_lists.sql` keep on the row (one row
/// read per actor; reading them from `actor_aliases` and `actor_attributes` took two more
/// primary-key ranges per actor, about a third of a name search's CPU).
const ACTOR_BY_ID_SQL: &str = "SELECT id, canonical_name, kind, quote_count, mention_count,
        article_count, first_seen, last_seen, alias_list, role_list, affiliation_list
    FROM actors WHERE id = ?1";

/// An actor from a row of [`ACTOR_BY_ID_SQL`]: aliases without the canonical name, longest
/// first; roles and affiliations sorted; each list without repeats.
fn actor_view(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorView> {
    let list = |i: usize| -> rusqlite::Result<Vec<String>> {
        let text = text_ref(r, i)?.unwrap_or("[]");
        serde_json::from_str(text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    };
    let canonical_name: String = r.get(1)?;
    let mut aliases = list(8)?;
    aliases.retain(|alias| *alias != canonical_name);
    let mut view = ActorView {
        id: r.get(0)?,
        canonical_name,
        kind: r.get(2)?,
        aliases,
        roles: list(9)?,
        affiliations: list(10)?,
        quote_count: r.get(3)?,
        mention_count: r.get(4)?,
        article_count: r.get(5)?,
        first_seen: r.get(6)?,
        last_seen: r.get(7)?,
        matched: None,
    };
    view.aliases.sort();
    view.aliases.dedup();
    view.aliases
        .sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    view.roles.sort();
    view.roles.dedup();
    view.affiliations.sort();
    view.affiliations.dedup();
    Ok(view)
}

/// Full descriptions of several actors, in the order of `ids` (ids with no actor are
/// skipped).
fn actors_by_ids(conn: &Connection, ids: &[i64]) -> Result<Vec<ActorView>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut actor_stmt = conn.prepare_cached(ACTOR_BY_ID_SQL)?;
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(view) = actor_stmt.query_row([id], actor_view).optional()? {
            out.push(view);
        }
    }
    Ok(out)
}

/// The strings of a list column as SQLite's JSON functions write it (`["a","b"]`: no
/// spaces), borrowed from the row; `None` for any other text (a string with an escape or
/// a control character, spaces), which only `serde_json` reads. Whenever this returns
/// `Some`, `serde_json` reads the same strings from the text.
fn plain_json_list(text: &str) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    let inner = b.strip_prefix(b"[")?.strip_suffix(b"]")?;
    let mut out = Vec::new();
    if inner.is_empty() {
        return Some(out);
    }
    let mut i = 1;
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let start = i + 1;
        let end = start
            + b[start..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        if b[end] != b'"' {
            return None;
        }
        out.push(&text[start..end]);
        i = end + 1;
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b']') if i + 1 == b.len() => return Some(out),
            _ => return None,
        }
    }
}

/// One actor of a row of [`ACTOR_BY_ID_SQL`] as JSON, byte for byte what `serde_json`
/// writes for its [`actor_view`] with `matched` set. The lists are read in place and
/// written back without building the view (its seven `String`s and the three lists
/// parsed by `serde_json`, then serialised again: half a name search's CPU).
fn actor_json(
    out: &mut Vec<u8>,
    r: &rusqlite::Row<'_>,
    matched: Option<&'static str>,
) -> rusqlite::Result<()> {
    let list = |i: usize| -> rusqlite::Result<Option<Vec<&str>>> {
        Ok(plain_json_list(text_ref(r, i)?.unwrap_or("[]")))
    };
    let (Some(mut aliases), Some(mut roles), Some(mut affiliations)) =
        (list(8)?, list(9)?, list(10)?)
    else {
        let mut view = actor_view(r)?;
        view.matched = matched;
        return serde_json::to_writer(&mut *out, &view)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()));
    };
    let canonical = text_ref(r, 1)?.unwrap_or_default_checked(1)?;
    aliases.retain(|alias| *alias != canonical);
    // (Equal strings are the only ties: any sort gives the same list.)
    aliases.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    aliases.dedup();
    roles.sort_unstable();
    roles.dedup();
    affiliations.sort_unstable();
    affiliations.dedup();
    let strings = |out: &mut Vec<u8>, list: &[&str]| {
        out.push(b'[');
        for (n, s) in list.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            json::string(out, s);
        }
        out.push(b']');
    };
    out.extend_from_slice(b"{\"id\":");
    json::int(out, r.get(0)?);
    out.extend_from_slice(b",\"canonical_name\":");
    json::string(out, canonical);
    out.extend_from_slice(b",\"type\":");
    json::string(out, text_ref(r, 2)?.unwrap_or_default_checked(2)?);
    out.extend_from_slice(b",\"aliases\":");
    strings(out, &aliases);
    out.extend_from_slice(b",\"roles\":");
    strings(out, &roles);
    out.extend_from_slice(b",\"affiliations\":");
    strings(out, &affiliations);
    out.extend_from_slice(b",\"quote_count\":");
    json::int(out, r.get(3)?);
    out.extend_from_slice(b",\"mention_count\":");
    json::int(out, r.get(4)?);
    out.extend_from_slice(b",\"article_count\":");
    json::int(out, r.get(5)?);
    out.extend_from_slice(b",\"first_seen\":");
    json::opt_string(out, text_ref(r, 6)?);
    out.extend_from_slice(b",\"last_seen\":");
    json::opt_string(out, text_ref(r, 7)?);
    if let Some(m) = matched {
        out.extend_from_slice(b",\"matched\":");
        json::string(out, m);
    }
    out.push(b'}');
    Ok(())
}

pub(super) fn actor(conn: &Connection, id: i64) -> Result<Option<ActorView>, StoreError> {
    Ok(actors_by_ids(conn, &[id])?.into_iter().next())
}

/// The first column of every row of `sql` with these parameters.
fn column<T: rusqlite::types::FromSql>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let v = stmt
        .query_map(params, |r| r.get(0))?
        .collect::<Result<Vec<T>, _>>()?;
    Ok(v)
}

/// Ranks of a name match, best first.
const MATCHES: [&str; 5] = ["exact", "alias", "surname", "prefix", "fuzzy"];

/// Runs `sql` and hands `each` the rows one by one (no `Vec` of them).
fn each_row(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    mut each: impl FnMut(&rusqlite::Row<'_>) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        each(row)?;
    }
    Ok(())
}

/// Most rows a fuzzy stage's statement reads (its `LIMIT`).
const FUZZY_ROWS: usize = 5000;

/// Candidate actor ids for `name`, each with its best rank (index into [`MATCHES`]).
/// Stops early once `needed` actors are found: later stages only rank lower.
///
/// No statement here builds a temporary b-tree: `x IN (a, b, …)` (the lengths of the
/// fuzzy stages, the close surnames) and `UNION` (the prefix stage) each had SQLite build,
/// fill and free one per execution, four a request; each list item or branch is now a
/// cached statement of its own, read in the order the single statement read them, so
/// that its `LIMIT` keeps the same rows.
fn rank_candidates(
    conn: &Connection,
    f: &str,
    needed: usize,
) -> Result<Vec<(i64, usize)>, StoreError> {
    let mut best: FxHashMap<i64, usize> = FxHashMap::default();
    fn ranked(best: FxHashMap<i64, usize>) -> Vec<(i64, usize)> {
        let mut ranked: Vec<(i64, usize)> = best.into_iter().collect();
        // (Ids are unique: no ties.)
        ranked.sort_unstable_by_key(|&(id, rank)| (rank, id));
        ranked
    }
    let ids = |best: &mut FxHashMap<i64, usize>,
               sql: &str,
               params: &[&dyn rusqlite::ToSql],
               rank: usize|
     -> Result<usize, StoreError> {
        let mut n = 0;
        each_row(conn, sql, params, |r| {
            note(best, r.get(0)?, rank);
            n += 1;
            Ok(())
        })?;
        Ok(n)
    };
    ids(
        &mut best,
        "SELECT id FROM actors WHERE folded_name = ?1",
        &[&f],
        0,
    )?;
    if best.len() >= needed {
        return Ok(ranked(best));
    }
    ids(
        &mut best,
        "SELECT actor_id FROM actor_aliases WHERE folded = ?1 LIMIT 500",
        &[&f],
        1,
    )?;
    if best.len() >= needed {
        return Ok(ranked(best));
    }
    let with_surname_f = ids(
        &mut best,
        "SELECT id FROM actors WHERE surname = ?1 LIMIT 500",
        &[&f],
        2,
    )?;
    if best.len() >= needed {
        return Ok(ranked(best));
    }
    // Prefix: index range scans on folded names, aliases and surnames. '{' sorts after 'z'.
    let hi = format!("{f}{{");
    for sql in [
        "SELECT id FROM actors WHERE folded_name >= ?1 AND folded_name < ?2 LIMIT 500",
        "SELECT actor_id FROM actor_aliases WHERE folded >= ?1 AND folded < ?2 LIMIT 500",
        "SELECT id FROM actors WHERE surname >= ?1 AND surname < ?2 LIMIT 500",
    ] {
        ids(&mut best, sql, &[&f, &hi], 3)?;
    }
    if best.len() >= needed {
        return Ok(ranked(best));
    }
    // Fuzzy: a small edit distance, compared in Rust on names read from two index ranges
    // per length within the bound (covering indexes):
    // - surnames sharing the query's last word's first letter, against that word;
    // - full names against the whole query: sharing its first letter for a one-word
    //   query, else its first word and the next word's first letter (a typo in a first
    //   name is found through the surname, like a typo in a surname).
    let last = surname(f).unwrap_or(f);
    let max_edits = if last.chars().count() <= 4 { 1 } else { 2 };
    let lengths = |s: &str| {
        let n = s.chars().count() as i64;
        (n - max_edits as i64)..=(n + max_edits as i64)
    };
    if let Some(first) = last.chars().next() {
        // Surnames are shared: the distinct ones first (dozens, not thousands of rows),
        // then the actors of those that are close. The distinct surnames have a table of
        // their own (`actor_surnames`, migration 0004): read with DISTINCT from
        // `actors_surname`, every person with such a surname was read (~1,900 index
        // entries for ~85 surnames with 50,000 actors).
        let (lo, hi) = (first.to_string(), format!("{first}{{"));
        let mut close: Vec<String> = Vec::new();
        let mut read = 0;
        for length in lengths(last) {
            each_row(
                conn,
                "SELECT surname FROM actor_surnames
                 WHERE length = ?3 AND surname >= ?1 AND surname < ?2 LIMIT 5000",
                rusqlite::params![lo, hi, length],
                |r| {
                    if read < FUZZY_ROWS {
                        read += 1;
                        let sur = text_ref(r, 0)?.unwrap_or_default_checked(0)?;
                        if edit_distance(last, sur, max_edits).is_some() {
                            close.push(sur.to_owned());
                        }
                    }
                    Ok(())
                },
            )?;
        }
        // A one-word query's own surname: the surname stage read all its actors, unless
        // its limit cut.
        let known = (last == f && with_surname_f < 500).then_some((f, with_surname_f));
        let wanted = needed - best.len();
        close_surnames(conn, &mut best, &close, known, wanted)?;
    }
    let name_prefix: Option<String> = match f.split_once(' ') {
        Some((word, rest)) => rest.chars().next().map(|c| format!("{word} {c}")),
        None => f.chars().next().map(String::from),
    };
    if let Some(lo) = name_prefix {
        let hi = format!("{lo}{{");
        let mut read = 0;
        for length in lengths(f) {
            each_row(
                conn,
                "SELECT id, folded_name FROM actors
                 WHERE length(folded_name) = ?3 AND folded_name >= ?1 AND folded_name < ?2
                 LIMIT 5000",
                rusqlite::params![lo, hi, length],
                |r| {
                    if read < FUZZY_ROWS {
                        read += 1;
                        let name = text_ref(r, 1)?.unwrap_or_default_checked(1)?;
                        if edit_distance(f, name, max_edits).is_some() {
                            note(&mut best, r.get(0)?, 4);
                        }
                    }
                    Ok(())
                },
            )?;
        }
    }
    Ok(ranked(best))
}

/// Notes `id` with `rank`, or keeps its better rank.
fn note(best: &mut FxHashMap<i64, usize>, id: i64, rank: usize) {
    best.entry(id)
        .and_modify(|r| *r = (*r).min(rank))
        .or_insert(rank);
}

/// Notes the actors whose surname is one of `close` (distinct) as fuzzy matches: those
/// of the rows `SELECT id FROM actors WHERE surname IN (close…) LIMIT 5000` reads that
/// can be on the page. `known`: a surname whose actors are all noted already (with a
/// better rank) and how many they are; they are not read again. `wanted`: how many
/// actors the page still lacks.
///
/// Every fuzzy match ranks below the actors noted so far, and fuzzy matches rank among
/// themselves by id: only the `wanted` smallest new ids can be on the page. Each close
/// surname's actors are read in id order and merged, stopping there (a request read
/// ~190 actors of ~9 surnames for ~30 places). Whether the statement's limit would cut is
/// told by counting each surname's actors first (in the index, without a row each).
fn close_surnames(
    conn: &Connection,
    best: &mut FxHashMap<i64, usize>,
    close: &[String],
    known: Option<(&str, usize)>,
    wanted: usize,
) -> Result<(), StoreError> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut total = 0;
    let mut others: Vec<&str> = Vec::with_capacity(close.len());
    for sur in close {
        match known {
            Some((name, n)) if name == sur => total += n,
            _ => {
                let n: i64 = conn
                    .prepare_cached("SELECT count(*) FROM actors WHERE surname = ?1")?
                    .query_row([sur], |r| r.get(0))?;
                total += n as usize;
                others.push(sur);
            }
        }
        if total >= FUZZY_ROWS {
            // As many as the limit or more: the rows the single statement keeps.
            let mut qb = Qb::new("SELECT id FROM actors WHERE surname IN (");
            for (n, sur) in close.iter().enumerate() {
                if n > 0 {
                    qb.push(", ");
                }
                qb.push_bind(sur.clone());
            }
            qb.push(") LIMIT 5000");
            return each_row(
                conn,
                &qb.sql,
                rusqlite::params_from_iter(qb.args.iter()),
                |r| {
                    note(best, r.get(0)?, 4);
                    Ok(())
                },
            );
        }
    }
    if others.len() > MAX_CLOSE_BRANCHES {
        // (Every row is one of the statement's: its limit does not cut.)
        for sur in others {
            each_row(
                conn,
                "SELECT id FROM actors WHERE surname = ?1 LIMIT 5000",
                [sur],
                |r| {
                    note(best, r.get(0)?, 4);
                    Ok(())
                },
            )?;
        }
        return Ok(());
    }
    let mut stmts = Vec::with_capacity(others.len());
    for slot in 0..others.len() {
        stmts.push(conn.prepare_cached(&format!(
            "SELECT id FROM actors WHERE surname = ?1 ORDER BY id -- close {slot}"
        ))?);
    }
    let mut branches = Vec::with_capacity(stmts.len());
    for (stmt, sur) in stmts.iter_mut().zip(&others) {
        branches.push(stmt.query([sur])?);
    }
    let mut heap: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::with_capacity(branches.len());
    for (n, rows) in branches.iter_mut().enumerate() {
        if let Some(row) = rows.next()? {
            heap.push(Reverse((row.get(0)?, n)));
        }
    }
    let mut got = 0;
    while got < wanted {
        let Some(Reverse((id, n))) = heap.pop() else {
            break;
        };
        if !best.contains_key(&id) {
            note(best, id, 4);
            got += 1;
        }
        if let Some(row) = branches[n].next()? {
            heap.push(Reverse((row.get(0)?, n)));
        }
    }
    Ok(())
}

/// Most close surnames merged as branches (each an open statement of its own); beyond,
/// every actor of every close surname is read.
const MAX_CLOSE_BRANCHES: usize = 32;

/// The ids of a page of actors (at most `limit + 1`), each with how its name matched;
/// `None` when the name folds to nothing.
#[allow(clippy::type_complexity)]
fn actor_page_ids(
    conn: &Connection,
    name: Option<&str>,
    limit: u32,
    offset: u64,
) -> Result<Option<Vec<(i64, Option<&'static str>)>>, StoreError> {
    Ok(Some(match name {
        Some(name) => {
            let f = fold(name);
            if f.is_empty() {
                return Ok(None);
            }
            let needed = offset as usize + limit as usize + 1;
            rank_candidates(conn, &f, needed)?
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize + 1)
                .map(|(id, rank)| (id, Some(MATCHES[rank])))
                .collect()
        }
        None => {
            let ids: Vec<i64> = column(
                conn,
                &format!(
                    "SELECT id FROM actors ORDER BY id LIMIT {} OFFSET ?1",
                    i64::from(limit) + 1
                ),
                [offset as i64],
            )?;
            ids.into_iter().map(|id| (id, None)).collect()
        }
    }))
}

pub(super) fn actors(
    conn: &Connection,
    name: Option<&str>,
    limit: u32,
    offset: u64,
) -> Result<Page<ActorView>, StoreError> {
    let Some(page) = actor_page_ids(conn, name, limit, offset)? else {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    };
    let ids: Vec<i64> = page.iter().map(|&(id, _)| id).collect();
    let matched: FxHashMap<i64, Option<&'static str>> = page.into_iter().collect();
    let mut items = actors_by_ids(conn, &ids)?;
    for view in &mut items {
        view.matched = matched.get(&view.id).copied().flatten();
    }
    Ok(offset_page(items, limit, offset))
}

/// [`actors`] as JSON, byte for byte what `serde_json` writes for its page.
pub(super) fn actors_json(
    conn: &Connection,
    name: Option<&str>,
    limit: u32,
    offset: u64,
) -> Result<Vec<u8>, StoreError> {
    let Some(page) = actor_page_ids(conn, name, limit, offset)? else {
        return Ok(EMPTY_PAGE.to_vec());
    };
    let mut stmt = conn.prepare_cached(ACTOR_BY_ID_SQL)?;
    let mut out = Vec::with_capacity(512 * page.len() + 64);
    out.extend_from_slice(b"{\"items\":[");
    let mut written = 0;
    let mut more = false;
    for (id, matched) in page {
        let mut rows = stmt.query([id])?;
        let Some(r) = rows.next()? else {
            continue;
        };
        let end = out.len();
        if written > 0 {
            out.push(b',');
        }
        actor_json(&mut out, r, matched)?;
        if written == limit as usize {
            // One more than the page: only tells that there is a next page (written all
            // the same, so that a row `actors` fails on fails here too).
            out.truncate(end);
            more = true;
            break;
        }
        written += 1;
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    if more {
        json::string(
            &mut out,
            &Cursor::Offset(offset + u64::from(limit)).encode(),
        );
    } else {
        out.extend_from_slice(b"null");
    }
    out.push(b'}');
    Ok(out)
}

/// `GET /entities`: mentions grouped by actor and label (or, for those of no actor, by
/// folded text and label), most articles first.
///
/// The answers are those of one `GROUP BY` over a row per mention, as before
/// `migrations/0011_article_entities.sql`: a group's name is its actor's canonical name,
/// else its least text; `name=X` takes mentions written X (of any actor, or none) and
/// every mention of the actors that X names; ties come in the old order. Without `article_id`, the groups are read from
/// `entity_counts` and `unlinked_mentions`, and from the JSON of the articles only for
/// actors that X does not name but some of whose mentions are written X.
pub async fn entities(
    pool: &SqlitePool,
    f: &EntityFilter,
) -> Result<Page<EntityAggregate>, StoreError> {
    let name = match &f.name {
        Some(name) => Some((fold(name), actor_ids_for_name(pool, name).await?)),
        None => None,
    };
    let mut qb = QueryBuilder::<Sqlite>::new(
        "SELECT actor_id, name, label, actor_type, article_count, mention_count FROM (",
    );
    if let Some(article_id) = f.article_id {
        // The article's mentions as rows, grouped as the per-mention table was.
        qb.push(
            "SELECT m.actor_id, COALESCE(a.canonical_name, MIN(m.text)) AS name, m.label,
                a.kind AS actor_type, COUNT(DISTINCT m.article_id) AS article_count,
                COUNT(*) AS mention_count, COALESCE(m.actor_id, -1) AS actor_key,
                CASE WHEN m.actor_id IS NULL THEN m.folded END AS folded_key
             FROM (SELECT e.article_id, j.value ->> 4 AS actor_id, j.value ->> 2 AS text,
                       j.value ->> 3 AS label, j.value ->> 5 AS folded
                   FROM article_entities e, json_each(e.entities) j
                   WHERE e.article_id = ",
        )
        .push_bind(article_id)
        .push(") m LEFT JOIN actors a ON a.id = m.actor_id WHERE 1 = 1");
        if let Some(label) = &f.label {
            qb.push(" AND m.label = ").push_bind(label.clone());
        }
        if let Some((folded, ids)) = &name {
            // Mentions with this folded text: without an actor, or of an actor that
            // `mention_names` lists for it (`migrations/0006_mention_names.sql`).
            qb.push(" AND ((m.actor_id IS NULL AND m.folded = ")
                .push_bind(folded.clone())
                .push(") OR (m.folded = ")
                .push_bind(folded.clone())
                .push(" AND m.actor_id IN (SELECT actor_id FROM mention_names WHERE folded = ")
                .push_bind(folded.clone())
                .push("))");
            if !ids.is_empty() {
                qb.push(" OR m.actor_id IN ");
                push_ids(&mut qb, ids);
            }
            qb.push(")");
        }
        qb.push(" GROUP BY actor_key, folded_key, m.label");
    } else {
        // Mentions of no actor.
        qb.push(
            "SELECT NULL AS actor_id, MIN(u.text) AS name, u.label, NULL AS actor_type,
                COUNT(DISTINCT u.article_id) AS article_count, COUNT(*) AS mention_count,
                -1 AS actor_key, u.folded AS folded_key
             FROM unlinked_mentions u WHERE 1 = 1",
        );
        if let Some(label) = &f.label {
            qb.push(" AND u.label = ").push_bind(label.clone());
        }
        if let Some((folded, _)) = &name {
            qb.push(" AND u.folded = ").push_bind(folded.clone());
        }
        qb.push(" GROUP BY u.folded, u.label");
        // Every mention of an actor: all actors, or those the name names.
        let ids = name.as_ref().map(|(_, ids)| ids);
        if ids.is_none_or(|ids| !ids.is_empty()) {
            qb.push(
                " UNION ALL
                 SELECT e.actor_id, a.canonical_name, e.label, a.kind, e.article_count,
                     e.mention_count, e.actor_id, NULL
                 FROM entity_counts e JOIN actors a ON a.id = e.actor_id WHERE 1 = 1",
            );
            if let Some(label) = &f.label {
                qb.push(" AND e.label = ").push_bind(label.clone());
            }
            if let Some(ids) = ids {
                qb.push(" AND e.actor_id IN ");
                push_ids(&mut qb, ids);
            }
        }
        if let Some((folded, ids)) = &name {
            // The mentions written X of the other actors that have some: read from
            // their articles.
            qb.push(
                " UNION ALL
                 SELECT m.actor_id, a.canonical_name, m.label, a.kind,
                     COUNT(DISTINCT m.article_id), COUNT(*), m.actor_id, NULL
                 FROM (SELECT n.actor_id AS owner, e.article_id, j.value ->> 4 AS actor_id,
                           j.value ->> 3 AS label, j.value ->> 5 AS folded
                       FROM mention_names n
                       JOIN article_actors aa ON aa.actor_id = n.actor_id
                       JOIN article_entities e ON e.article_id = aa.article_id,
                       json_each(e.entities) j
                       WHERE n.folded = ",
            )
            .push_bind(folded.clone());
            if !ids.is_empty() {
                qb.push(" AND n.actor_id NOT IN ");
                push_ids(&mut qb, ids);
            }
            qb.push(
                ") m JOIN actors a ON a.id = m.actor_id
                 WHERE m.actor_id = m.owner AND m.folded = ",
            )
            .push_bind(folded.clone());
            if let Some(label) = &f.label {
                qb.push(" AND m.label = ").push_bind(label.clone());
            }
            qb.push(" GROUP BY m.actor_id, m.label");
        }
    }
    // Ties as the old statement left them: its GROUP BY sorted the groups with the
    // directions of the ORDER BY's terms (actor DESC, folded text DESC, label), and its
    // sort with a LIMIT keeps equal rows in the order they came.
    qb.push(
        ") ORDER BY article_count DESC, mention_count DESC, name,
             actor_key DESC, folded_key DESC, label",
    )
    .push(format!(" LIMIT {}", i64::from(f.limit) + 1))
    .push(" OFFSET ")
    .push_bind(f.offset as i64);
    let rows: Vec<EntityAggregate> = qb.build_query_as().fetch_all(pool).await?;
    Ok(offset_page(rows, f.limit, f.offset))
}

#[cfg(test)]
mod tests {
    use super::{actor_json, actor_view, fts_query, plain_json_list, ACTOR_BY_ID_SQL};
    use proptest::prelude::*;

    /// Every list text the plain reader takes, `serde_json` reads as the same strings.
    fn same_as_serde(text: &str) -> Result<(), TestCaseError> {
        if let Some(plain) = plain_json_list(text) {
            let serde: Vec<String> = serde_json::from_str(text)
                .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(plain, serde, "{:?}", text);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn plain_lists_read_as_serde_json_reads_them(
            list in proptest::collection::vec(any::<String>(), 0..5),
            spaced in any::<bool>(),
        ) {
            let text = serde_json::to_string(&list).unwrap();
            same_as_serde(&text)?;
            if !list.iter().any(|s| s.contains(['"', '\\']) || s.contains(|c: char| c < ' ')) {
                prop_assert_eq!(plain_json_list(&text), Some(list.iter().map(String::as_str).collect()));
            }
            if spaced {
                same_as_serde(&text.replace(',', ", "))?;
            }
        }

        #[test]
        fn any_text_the_plain_reader_takes_is_json(text in r#"[\[\]",\\a ]{0,12}"#) {
            same_as_serde(&text)?;
        }
    }

    #[test]
    fn actors_as_json_are_their_views_serialised() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE actors (id INTEGER PRIMARY KEY, canonical_name TEXT, kind TEXT,
                 quote_count INTEGER, mention_count INTEGER, article_count INTEGER,
                 first_seen TEXT, last_seen TEXT, alias_list TEXT, role_list TEXT,
                 affiliation_list TEXT)",
        )
        .unwrap();
        let lists = [
            r#"[]"#,
            r#"["Oana Lungescu","Lungescu","Lungescu","O. Lungescu","Oana"]"#,
            r#"["b","a","c","a",""]"#,
            r#"[ "spaced" , "a" ]"#,
            r#"["esc\"aped","tab\t","\u00e9t\u00e9","plain"]"#,
            r#"["Zoë","Łukasz","zoe","日本"]"#,
        ];
        let mut id = 0;
        for aliases in lists {
            for roles in lists {
                id += 1;
                conn.execute(
                    "INSERT INTO actors VALUES (?1, 'Oana Lungescu', 'person', 3, 4, 5,
                         '2024-01-01T00:00:00Z', NULL, ?2, ?3, ?4)",
                    rusqlite::params![id, aliases, roles, lists[(id as usize) % lists.len()]],
                )
                .unwrap();
            }
        }
        conn.execute(
            "INSERT INTO actors VALUES (1000, 'NATO', 'organisation', 0, 0, 0, NULL, NULL,
                 NULL, NULL, NULL)",
            [],
        )
        .unwrap();
        let mut stmt = conn.prepare(ACTOR_BY_ID_SQL).unwrap();
        for id in (1..=id).chain([1000]) {
            for matched in [None, Some("fuzzy")] {
                let mut rows = stmt.query([id]).unwrap();
                let r = rows.next().unwrap().unwrap();
                let mut view = actor_view(r).unwrap();
                view.matched = matched;
                let mut ours = Vec::new();
                actor_json(&mut ours, r, matched).unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    serde_json::to_string(&view).unwrap()
                );
            }
        }
    }

    #[test]
    fn fts_input_becomes_quoted_words() {
        assert_eq!(fts_query("spheres").as_deref(), Some("\"spheres\""));
        assert_eq!(
            fts_query("\"spheres\" NEAR( influence* AND OR").as_deref(),
            Some("\"spheres\" \"NEAR\" \"influence\" \"AND\" \"OR\"")
        );
        assert_eq!(fts_query("\"*()").as_deref(), None);
        assert_eq!(fts_query("").as_deref(), None);
        assert_eq!(fts_query("Blínken's").as_deref(), Some("\"Blínken\" \"s\""));
    }

    /// The name ranking as it was before session 10 made it cheaper (`6019655`), kept
    /// as the oracle of the one in use: one statement per stage, `IN` lists and `UNION`.
    fn rank_candidates_before_session_10(
        conn: &rusqlite::Connection,
        f: &str,
        needed: usize,
    ) -> Vec<(i64, usize)> {
        use super::{column, edit_distance, surname, Qb};
        let mut best: rustc_hash::FxHashMap<i64, usize> = Default::default();
        let note = |best: &mut rustc_hash::FxHashMap<i64, usize>, ids: Vec<i64>, rank| {
            for id in ids {
                best.entry(id)
                    .and_modify(|r| *r = (*r).min(rank))
                    .or_insert(rank);
            }
        };
        let ranked = |best: rustc_hash::FxHashMap<i64, usize>| {
            let mut ranked: Vec<(i64, usize)> = best.into_iter().collect();
            ranked.sort_by_key(|&(id, rank)| (rank, id));
            ranked
        };
        let stages: [(&str, usize); 3] = [
            ("SELECT id FROM actors WHERE folded_name = ?1", 0),
            (
                "SELECT actor_id FROM actor_aliases WHERE folded = ?1 LIMIT 500",
                1,
            ),
            ("SELECT id FROM actors WHERE surname = ?1 LIMIT 500", 2),
        ];
        for (sql, rank) in stages {
            note(&mut best, column(conn, sql, [f]).unwrap(), rank);
            if best.len() >= needed {
                return ranked(best);
            }
        }
        let hi = format!("{f}{{");
        let prefix: Vec<i64> = column(
            conn,
            "SELECT id FROM (SELECT id FROM actors WHERE folded_name >= ?1 AND folded_name < ?2 LIMIT 500)
             UNION SELECT actor_id FROM (SELECT actor_id FROM actor_aliases
                                         WHERE folded >= ?1 AND folded < ?2 LIMIT 500)
             UNION SELECT id FROM (SELECT id FROM actors WHERE surname >= ?1 AND surname < ?2 LIMIT 500)",
            rusqlite::params![f, hi],
        )
        .unwrap();
        note(&mut best, prefix, 3);
        if best.len() >= needed {
            return ranked(best);
        }
        let last = surname(f).unwrap_or(f);
        let max_edits = if last.chars().count() <= 4 { 1 } else { 2 };
        let len = |s: &str| s.chars().count() as i64;
        let mut fuzzy = Vec::new();
        if let Some(first) = last.chars().next() {
            let surnames: Vec<String> = column(
                conn,
                "SELECT surname FROM actor_surnames
                 WHERE length IN (?3 - 2, ?3 - 1, ?3, ?3 + 1, ?3 + 2)
                   AND surname >= ?1 AND surname < ?2 AND abs(length - ?3) <= ?4 LIMIT 5000",
                rusqlite::params![
                    first.to_string(),
                    format!("{first}{{"),
                    len(last),
                    max_edits as i64
                ],
            )
            .unwrap();
            let close: Vec<String> = surnames
                .into_iter()
                .filter(|sur| edit_distance(last, sur, max_edits).is_some())
                .collect();
            if !close.is_empty() {
                let mut qb = Qb::new("SELECT id FROM actors WHERE surname IN (");
                for (n, sur) in close.into_iter().enumerate() {
                    if n > 0 {
                        qb.push(", ");
                    }
                    qb.push_bind(sur);
                }
                qb.push(") LIMIT 5000");
                fuzzy.extend(
                    column::<i64>(conn, &qb.sql, rusqlite::params_from_iter(qb.args.iter()))
                        .unwrap(),
                );
            }
        }
        let name_prefix: Option<String> = match f.split_once(' ') {
            Some((word, rest)) => rest.chars().next().map(|c| format!("{word} {c}")),
            None => f.chars().next().map(String::from),
        };
        if let Some(lo) = name_prefix {
            let rows: Vec<(i64, String)> = conn
                .prepare(
                    "SELECT id, folded_name FROM actors
                     WHERE length(folded_name) IN (?3 - 2, ?3 - 1, ?3, ?3 + 1, ?3 + 2)
                       AND folded_name >= ?1 AND folded_name < ?2
                       AND abs(length(folded_name) - ?3) <= ?4 LIMIT 5000",
                )
                .unwrap()
                .query_map(
                    rusqlite::params![&lo, format!("{lo}{{"), len(f), max_edits as i64],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            fuzzy.extend(
                rows.into_iter()
                    .filter(|(_, name)| edit_distance(f, name, max_edits).is_some())
                    .map(|(id, _)| id),
            );
        }
        note(&mut best, fuzzy, 4);
        ranked(best)
    }

    /// A store of people whose surnames are five letters of "abc" (most within two edits
    /// of each other: more than 32 close surnames and more than 5,000 of their actors for
    /// the common ones, the paths where the ranking in use reads differently), with
    /// aliases, and names sharing prefixes past every `LIMIT 500`.
    fn crowded_store() -> (rusqlite::Connection, Vec<String>) {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
        files.sort();
        for f in files {
            conn.execute_batch(&std::fs::read_to_string(f).unwrap())
                .unwrap();
        }
        let mut seed = 11u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        // Letters drawn a 60%, b 30%, c 10%: the surnames close to "aaaaa" hold more
        // than 5,000 actors.
        let letter = |n: u64| match n {
            0..=5 => 'a',
            6..=8 => 'b',
            _ => 'c',
        };
        let mut names = Vec::new();
        let tx = conn.unchecked_transaction().unwrap();
        for id in 1..=24_000i64 {
            let sur: String = (0..5).map(|_| letter(next(10))).collect();
            let given: String = (0..4).map(|_| (b'a' + next(6) as u8) as char).collect();
            let folded = format!("{given} {sur}");
            let added = tx
                .execute(
                    "INSERT OR IGNORE INTO actors (id, canonical_name, folded_name, kind, surname)
                     VALUES (?1, ?2, ?2, 'person', ?3)",
                    rusqlite::params![id, folded, sur],
                )
                .unwrap();
            if added == 0 {
                continue;
            }
            tx.execute(
                "INSERT OR IGNORE INTO actor_surnames (length, surname) VALUES (5, ?1)",
                [&sur],
            )
            .unwrap();
            for alias in [folded.clone(), sur.clone(), format!("{given}{sur}")] {
                tx.execute(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, folded) VALUES (?1, ?2, ?2)",
                    rusqlite::params![id, alias],
                )
                .unwrap();
            }
            if id % 97 == 0 {
                names.push(folded);
            }
        }
        tx.commit().unwrap();
        // The paths this store is for: more than 32 close surnames, more than 5,000 of
        // their actors (`FUZZY_ROWS`).
        let close: Vec<String> =
            super::column::<String>(&conn, "SELECT surname FROM actor_surnames", [])
                .unwrap()
                .into_iter()
                .filter(|s| s.starts_with('a') && super::edit_distance("aaaaa", s, 2).is_some())
                .collect();
        assert!(close.len() > 32, "{}", close.len());
        let actors: i64 = close
            .iter()
            .map(|s| {
                conn.query_row("SELECT COUNT(*) FROM actors WHERE surname = ?1", [s], |r| {
                    r.get::<_, i64>(0)
                })
                .unwrap()
            })
            .sum();
        assert!(actors > super::FUZZY_ROWS as i64, "{actors}");
        (conn, names)
    }

    /// Fails if the ranking in use puts other actors (or the same in another order) in
    /// the first `needed` places than the old statements did; checked to fail when its
    /// ids are sorted the other way round.
    #[test]
    fn names_rank_as_they_did_before_session_10() {
        let (conn, known) = crowded_store();
        let mut queries: Vec<String> = known.clone();
        queries.extend(
            known
                .iter()
                .filter_map(|n| n.split(' ').nth(1).map(str::to_owned)),
        );
        // Misspellings (one and two letters changed), prefixes, and words of no one.
        for n in known.iter().take(60) {
            let mut b = n.clone().into_bytes();
            let len = b.len();
            b[len - 1] = b'x';
            queries.push(String::from_utf8(b.clone()).unwrap());
            b[len - 3] = b'y';
            queries.push(String::from_utf8(b).unwrap());
            queries.push(n[..2].to_owned());
            queries.push(n[..6].to_owned());
        }
        queries.extend(
            [
                "a",
                "ab",
                "abc",
                "c",
                "zzz",
                "cabba",
                "bbbbb",
                "aaaaa",
                "aaaab",
                "aaa aaaaa",
            ]
            .map(String::from),
        );
        let mut compared = 0;
        for q in &queries {
            for needed in [1, 20, 100, 501, usize::MAX] {
                // Both may return more than `needed`; callers read the first `needed`.
                let now = super::rank_candidates(&conn, q, needed).unwrap();
                let before = rank_candidates_before_session_10(&conn, q, needed);
                let top = |v: &[(i64, usize)]| v[..v.len().min(needed)].to_vec();
                assert_eq!(top(&now), top(&before), "{q:?}, needed {needed}");
                compared += 1;
            }
        }
        assert!(compared > 1_000, "{compared}");
    }
}
