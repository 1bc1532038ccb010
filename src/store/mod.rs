//! All SQL lives here. One writer thread owns the only writing connection (rusqlite,
//! cached statements): requests queue on a channel, the writer takes every request
//! waiting, applies them inside ONE transaction (when one fails, the batch is redone
//! with a savepoint per request, so one failure does not sink the others), commits, and
//! only then answers each caller (group commit). A second thread checkpoints the WAL.
//! Reads go through a separate sqlx pool; WAL lets them run while the writer writes.
//! Migrations run through sqlx (`migrations/`) before the writer starts.

pub mod cursor;
pub mod fold;
pub mod json;
pub mod model;
mod pagecache;
mod prepare;
mod read;
pub mod stats;
mod walbuf;
mod write;

pub use cursor::{BadCursor, Cursor};
pub use read::{fts_query, ArticleFilter, EntityFilter, QuoteFilter};

use crate::pipeline::Analysis;
use model::{ActorView, ArticleSummary, ArticleView, EntityAggregate, Page, QuoteView};
use prepare::{Placed, PreparedArticle};
use rusqlite::OptionalExtension;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Most requests one transaction takes; more wait for the next commit.
const MAX_BATCH: usize = 512;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "the database at {path} was written by a newer version of verbatim (it has migration \
         {version}, which this binary does not know); refusing to open it so it is not damaged"
    )]
    NewerSchema { path: String, version: i64 },
    #[error("migrating the database failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the transaction could not be committed: {0}")]
    Commit(String),
    #[error("the store is shutting down")]
    Closed,
    #[error("encoding JSON failed: {0}")]
    Json(#[from] serde_json::Error),
}

/// The answer to an insert, put together outside the writer from what it placed.
fn ingested(prepared: Arc<PreparedArticle>, placed: Placed) -> Ingested {
    match placed {
        Placed::Duplicate { id } => Ingested::Duplicate { id },
        Placed::Created {
            article_id,
            actors,
            quote_ids,
        } => {
            // The writer lets go of its reference before it answers (`write::send_all`).
            let prepared = Arc::try_unwrap(prepared).unwrap_or_else(|shared| (*shared).clone());
            Ingested::Created(Box::new(prepared.view(article_id, actors, quote_ids)))
        }
    }
}

/// [`ingested`] with the 201 body written from the prepared article.
fn ingested_json(prepared: &PreparedArticle, outcome: WriteOutcome) -> IngestedJson {
    match outcome {
        WriteOutcome::Inserted(Placed::Duplicate { id }) => IngestedJson::Duplicate { id },
        WriteOutcome::Inserted(Placed::Created {
            article_id,
            actors,
            quote_ids,
        }) => IngestedJson::Created {
            id: article_id,
            quotes: prepared.quotes.len().min(quote_ids.len()),
            body: prepared.created_json(article_id, &actors, &quote_ids),
        },
        WriteOutcome::Deleted(_) => unreachable!("insert answered as delete"),
    }
}

/// An analysed article and its metadata, ready to store.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub analysis: Analysis,
    pub url: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// ISO 8601 UTC ('YYYY-MM-DDTHH:MM:SSZ'), already validated.
    pub published_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Ingested {
    Created(Box<ArticleView>),
    /// Same URL or same normalised text as an article already stored.
    Duplicate {
        id: i64,
    },
}

/// [`Ingested`] with the new article as the JSON of `POST /articles`' 201 answer: the
/// bytes `json::article(&view, Some(false))` writes for the view [`Ingested::Created`]
/// holds.
#[derive(Debug, Clone, PartialEq)]
pub enum IngestedJson {
    Created {
        id: i64,
        /// Quotes stored (`view.quotes.len()`).
        quotes: usize,
        body: Vec<u8>,
    },
    Duplicate {
        id: i64,
    },
}

enum WriteOp {
    /// Shared with the caller, who builds the response from it after the commit.
    Insert(Arc<PreparedArticle>),
    Delete(i64),
}

enum WriteOutcome {
    Inserted(Placed),
    Deleted(bool),
}

struct WriteRequest {
    op: WriteOp,
    reply: oneshot::Sender<Result<WriteOutcome, StoreError>>,
}

/// How the store opens its database.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoreOptions {
    /// `synchronous=FULL` on the writer: each group commit is fsynced, so an
    /// acknowledged article also survives a power loss (one fsync per batch, not per
    /// article). Default `NORMAL`: survives a process crash, not an OS crash.
    pub full_sync: bool,
    /// For filling a database in bulk (`verbatim seed-demo`): a 256 MB writer page cache
    /// and `synchronous = OFF` (a crash may lose the last commits). Not for the service.
    pub bulk: bool,
}

pub struct Store {
    read: SqlitePool,
    /// rusqlite readers for `GET /quotes` (see `read::Readers`).
    readers: std::sync::Arc<read::Readers>,
    tx: Mutex<Option<mpsc::Sender<WriteRequest>>>,
    writer: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Store {
    /// Opens (creating if needed) the database, runs the migrations, starts the writer.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, StoreOptions::default()).await
    }

    /// For filling a database in bulk (`verbatim seed-demo`); see [`StoreOptions::bulk`].
    pub async fn open_bulk(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(
            path,
            StoreOptions {
                bulk: true,
                ..StoreOptions::default()
            },
        )
        .await
    }

    pub async fn open_with(path: &Path, options: StoreOptions) -> Result<Store, StoreError> {
        configure_sqlite();
        let opts = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("temp_store", "memory")
            .log_statements(tracing::log::LevelFilter::Trace);
        // A connection of its own, closed before the others open: a migration that edits
        // `sqlite_schema` in place (0009) leaves the connection that ran it with the old
        // schema in memory.
        let mut migrator_conn = opts.connect().await?;
        migrate(&mut migrator_conn, path).await?;
        migrator_conn.close().await?;
        let writer = {
            let path = path.to_owned();
            tokio::task::spawn_blocking(move || write::open(&path, options.full_sync, options.bulk))
                .await
                .map_err(|e| StoreError::Commit(e.to_string()))??
        };
        let readers = std::thread::available_parallelism()
            .map(|n| n.get() * 2)
            .unwrap_or(4)
            .clamp(4, 16) as u32;
        let read = SqlitePoolOptions::new()
            .max_connections(readers)
            .min_connections(1)
            .connect_with(opts)
            .await?;
        let (tx, rx) = mpsc::channel(4096);
        let writer_path = path.to_owned();
        let handle = std::thread::Builder::new()
            .name("verbatim-writer".into())
            .spawn(move || write::run_writer(writer, writer_path, rx))
            .map_err(|e| StoreError::Commit(format!("starting the writer thread: {e}")))?;
        Ok(Store {
            read,
            readers: std::sync::Arc::new(read::Readers::new(path, readers as usize)),
            tx: Mutex::new(Some(tx)),
            writer: Mutex::new(Some(handle)),
        })
    }

    fn writer(&self) -> Result<mpsc::Sender<WriteRequest>, StoreError> {
        self.tx
            .lock()
            .map_err(|_| StoreError::Closed)?
            .clone()
            .ok_or(StoreError::Closed)
    }

    async fn write(&self, op: WriteOp) -> Result<WriteOutcome, StoreError> {
        let (reply, rx) = oneshot::channel();
        self.writer()?
            .send(WriteRequest { op, reply })
            .await
            .map_err(|_| StoreError::Closed)?;
        rx.await.map_err(|_| StoreError::Closed)?
    }

    /// Stores an article; answers after the transaction holding it has committed.
    pub async fn insert(&self, article: NewArticle) -> Result<Ingested, StoreError> {
        let prepared = Arc::new(PreparedArticle::new(article)?);
        match self.write(WriteOp::Insert(Arc::clone(&prepared))).await? {
            WriteOutcome::Inserted(placed) => Ok(ingested(prepared, placed)),
            WriteOutcome::Deleted(_) => unreachable!("insert answered as delete"),
        }
    }

    /// Stores an article like [`Store::insert`], answering with the 201 body already
    /// written ([`IngestedJson`]) instead of the view it would be written from.
    pub async fn insert_json(&self, article: NewArticle) -> Result<IngestedJson, StoreError> {
        let prepared = Arc::new(PreparedArticle::new(article)?);
        let outcome = self.write(WriteOp::Insert(Arc::clone(&prepared))).await?;
        Ok(ingested_json(&prepared, outcome))
    }

    /// [`Store::insert_json`] from a thread outside the async runtime (a pipeline
    /// thread): the article is prepared and queued for the writer here, and the future
    /// answers after COMMIT. The server's pipeline threads hand their articles over this
    /// way, so an analysed article goes to the writer without waiting for a runtime
    /// worker to pick it up first. Blocks while the writer's queue is full; panics if
    /// called on an async runtime thread (as `blocking_send` does).
    pub fn queue_insert_json(
        &self,
        article: NewArticle,
    ) -> Result<impl Future<Output = Result<IngestedJson, StoreError>> + Send + 'static, StoreError>
    {
        let prepared = Arc::new(PreparedArticle::new(article)?);
        let (reply, rx) = oneshot::channel();
        let op = WriteOp::Insert(Arc::clone(&prepared));
        self.writer()?
            .blocking_send(WriteRequest { op, reply })
            .map_err(|_| StoreError::Closed)?;
        Ok(async move {
            let outcome = rx.await.map_err(|_| StoreError::Closed)??;
            Ok(ingested_json(&prepared, outcome))
        })
    }

    /// Stores several articles, applied in the order given (so of two equal articles
    /// the first is stored and the second is its duplicate); one result per article.
    pub async fn insert_many(
        &self,
        articles: Vec<NewArticle>,
    ) -> Vec<Result<Ingested, StoreError>> {
        let tx = match self.writer() {
            Ok(tx) => tx,
            Err(_) => return articles.iter().map(|_| Err(StoreError::Closed)).collect(),
        };
        let mut replies = Vec::with_capacity(articles.len());
        for article in articles {
            let (reply, rx) = oneshot::channel();
            let prepared = match PreparedArticle::new(article) {
                Ok(p) => Arc::new(p),
                Err(e) => {
                    replies.push(Err(e));
                    continue;
                }
            };
            let op = WriteOp::Insert(Arc::clone(&prepared));
            replies.push(match tx.send(WriteRequest { op, reply }).await {
                Ok(()) => Ok((prepared, rx)),
                Err(_) => Err(StoreError::Closed),
            });
        }
        let mut out = Vec::with_capacity(replies.len());
        for rx in replies {
            out.push(match rx {
                Ok((prepared, rx)) => match rx.await {
                    Ok(Ok(WriteOutcome::Inserted(placed))) => Ok(ingested(prepared, placed)),
                    Ok(Ok(WriteOutcome::Deleted(_))) => unreachable!("insert answered as delete"),
                    Ok(Err(e)) => Err(e),
                    Err(_) => Err(StoreError::Closed),
                },
                Err(e) => Err(e),
            });
        }
        out
    }

    /// Deletes an article with its quotes and mentions, and actors left with nothing.
    /// `false` when there is no such article.
    pub async fn delete_article(&self, id: i64) -> Result<bool, StoreError> {
        match self.write(WriteOp::Delete(id)).await? {
            WriteOutcome::Deleted(found) => Ok(found),
            WriteOutcome::Inserted(_) => unreachable!("delete answered as insert"),
        }
    }

    /// Stops taking writes, lets the writer commit what it holds, waits for it.
    pub async fn close(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            tx.take();
        }
        self.readers.close_idle();
        let handle = self.writer.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            let _ = tokio::task::spawn_blocking(move || handle.join()).await;
        }
        self.read.close().await;
    }

    /// Merges the full-text index into one segment (FTS5 `optimize`) and folds the WAL
    /// back into the database file. For after a bulk load (`verbatim seed-demo`): the
    /// writer's commits leave many FTS5 segments, and a `q=` page reads every one.
    /// Call after [`Store::close`]; nothing else may write meanwhile.
    pub fn optimize_full_text(path: &Path) -> Result<(), StoreError> {
        let conn = rusqlite::Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.execute_batch("INSERT INTO quotes_fts (quotes_fts) VALUES ('optimize');")?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The database answers and every migration this binary knows is applied.
    pub async fn ready(&self) -> Result<bool, StoreError> {
        let applied: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 1")
                .fetch_one(&self.read)
                .await?;
        Ok(applied as usize >= MIGRATOR.iter().count())
    }

    /// The id of the stored article with this URL, if any (a cheap early duplicate check;
    /// the writer checks again inside its transaction).
    pub async fn article_id_by_url(&self, url: &str) -> Result<Option<i64>, StoreError> {
        // On a rusqlite reader: through sqlx the look-up crossed to the connection's
        // worker thread and back, for every POST /articles with a URL.
        self.readers
            .run_here(|conn| {
                Ok(conn
                    .prepare_cached("SELECT id FROM articles WHERE url = ?1")?
                    .query_row([url], |r| r.get(0))
                    .optional()?)
            })
            .await
    }

    pub async fn article(&self, id: i64) -> Result<Option<ArticleView>, StoreError> {
        read::article(&self.read, id).await
    }

    pub async fn articles(&self, f: &ArticleFilter) -> Result<Page<ArticleSummary>, StoreError> {
        read::articles(&self.read, f).await
    }

    pub async fn quote(&self, id: i64) -> Result<Option<QuoteView>, StoreError> {
        read::quote(&self.read, id).await
    }

    pub async fn quotes(&self, f: &QuoteFilter) -> Result<Page<QuoteView>, StoreError> {
        let f = f.clone();
        self.readers.run(move |conn| read::quotes(conn, &f)).await
    }

    /// The same page as [`Store::quotes`], as the JSON `serde_json` writes for it. The
    /// `speaker=`-only and `q=`-only pages are written straight from the rows (no
    /// [`QuoteView`]s in between); other filters serialise the views.
    pub async fn quotes_json(&self, f: &QuoteFilter) -> Result<Vec<u8>, StoreError> {
        if read::reads_by_key(f) {
            return self
                .readers
                .run_here(|conn| read::quotes_json(conn, f))
                .await;
        }
        let f = f.clone();
        self.readers
            .run(move |conn| read::quotes_json(conn, &f))
            .await
    }

    pub async fn actor(&self, id: i64) -> Result<Option<ActorView>, StoreError> {
        self.readers.run_here(|conn| read::actor(conn, id)).await
    }

    /// Actors ranked by how well they match `name` (exact > alias > surname > prefix >
    /// fuzzy), or every actor by id when `name` is `None`.
    pub async fn actors(
        &self,
        name: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> Result<Page<ActorView>, StoreError> {
        // Every stage of a name search reads by key with a LIMIT; the list by id too.
        self.readers
            .run_here(|conn| read::actors(conn, name, limit, offset))
            .await
    }

    /// The same page as [`Store::actors`], as the JSON `serde_json` writes for it, written
    /// straight from the rows.
    pub async fn actors_json(
        &self,
        name: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<u8>, StoreError> {
        self.readers
            .run_here(|conn| read::actors_json(conn, name, limit, offset))
            .await
    }

    pub async fn entities(&self, f: &EntityFilter) -> Result<Page<EntityAggregate>, StoreError> {
        read::entities(&self.read, f).await
    }

    /// `EXPLAIN QUERY PLAN` lines of the query `quotes(f)` runs.
    pub async fn quotes_plan(&self, f: &QuoteFilter) -> Result<Vec<String>, StoreError> {
        let f = f.clone();
        self.readers
            .run(move |conn| read::quotes_plan(conn, &f))
            .await
    }

    /// `EXPLAIN QUERY PLAN` lines of the name → actor ids lookup (speaker=, mentions=).
    pub async fn name_lookup_plan(&self) -> Result<Vec<String>, StoreError> {
        read::name_ids_plan(&self.read).await
    }

    /// Direct access for tests and tools (EXPLAIN QUERY PLAN, integrity checks).
    pub fn read_pool(&self) -> &SqlitePool {
        &self.read
    }
}

/// Configures SQLite once, before it is initialised: when SQLite is already initialised
/// (another store opened first), each call is refused and nothing changes.
/// - Memory statistics off: with them, every allocation SQLite makes takes a
///   process-wide mutex (1–3% of a read's CPU, and contention between the readers and
///   the writer).
/// - The page cache of [`pagecache`]: the default one, without a scan of the writer's
///   whole cache at most commits.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; sqlite3_config is refused
        // (SQLITE_MISUSE) rather than unsafe once SQLite is initialised.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                0 as std::ffi::c_int,
            );
        }
        if !pagecache::install() {
            tracing::debug!("SQLite was initialised before the store: default page cache");
        }
    });
}

/// (skipped, passed on) page cache truncations in this process; see [`pagecache`].
pub fn page_cache_truncations() -> (u64, u64) {
    pagecache::truncations()
}

async fn migrate(conn: &mut SqliteConnection, path: &Path) -> Result<(), StoreError> {
    match MIGRATOR.run(&mut *conn).await {
        Ok(()) => Ok(()),
        Err(sqlx::migrate::MigrateError::VersionMissing(version)) => Err(StoreError::NewerSchema {
            path: path.display().to_string(),
            version,
        }),
        Err(e) => Err(e.into()),
    }
}

/// Now as ISO 8601 UTC, to the second.
pub fn now_iso() -> String {
    let now = time::OffsetDateTime::now_utc();
    now.format(&time::format_description::well_known::Rfc3339)
        .map(|s| iso_seconds(&s))
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

fn iso_seconds(rfc3339: &str) -> String {
    // "2024-01-02T03:04:05.123456Z" -> "2024-01-02T03:04:05Z"
    match rfc3339.find('.') {
        Some(dot) => format!("{}Z", &rfc3339[..dot]),
        None => rfc3339.to_owned(),
    }
}
