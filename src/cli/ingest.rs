//! `verbatim ingest PATH...`: load files and folders of articles into the database (or
//! into a running service with `--server`), in parallel, with a progress bar.
//!
//! Files by extension: `.txt`/`.text` (plain text; a first line followed by a blank line is
//! the title), `.html`/`.htm` (a web page), `.json` (one article object, as for
//! `POST /articles`), `.jsonl`/`.ndjson` (one article object per line). Folders are walked
//! recursively; other files in them are ignored.

use crate::ingest::{self, ArticleRequest, PipelinePool};
use crate::pipeline::Pipeline;
use crate::store::{Ingested, Store};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, clap::Args)]
pub struct IngestArgs {
    /// Files and folders (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// SQLite database file (created and migrated if needed).
    #[arg(long, env = "VERBATIM_DB", default_value = crate::config::DEFAULT_DB)]
    pub db: PathBuf,
    /// Post to a running service instead (e.g. http://127.0.0.1:8080).
    #[arg(long)]
    pub server: Option<String>,
    /// Bearer key for `--server` when it guards writes.
    #[arg(long, env = "VERBATIM_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,
    /// Articles analysed (or posted) at once; default: the number of cores.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Source for articles that do not name one.
    #[arg(long)]
    pub source: Option<String>,
    /// No progress bar (it is also hidden when standard error is not a terminal).
    #[arg(long)]
    pub quiet: bool,
}

/// What kind of file, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Json,
    Lines,
}

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Kind::Text),
        "html" | "htm" => Some(Kind::Html),
        "json" => Some(Kind::Json),
        "jsonl" | "ndjson" => Some(Kind::Lines),
        _ => None,
    }
}

/// Every file to read, in a stable order: named files as given, folders walked sorted.
fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<(PathBuf, Kind)>> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Kind)>) -> anyhow::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("reading the folder {}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out)?;
            } else if let Some(kind) = kind_of(&path) {
                out.push((path, kind));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.is_file() {
            match kind_of(path) {
                Some(kind) => out.push((path.clone(), kind)),
                None => anyhow::bail!(
                    "{}: unknown file type (use .txt, .html, .json, .jsonl or .ndjson)",
                    path.display()
                ),
            }
        } else {
            anyhow::bail!("{}: no such file or folder", path.display());
        }
    }
    Ok(out)
}

/// One article to load, or why it cannot be read; `place` is `path` or `path:line`.
struct Item {
    place: String,
    request: Result<ArticleRequest, String>,
}

fn items_of(path: &Path, kind: Kind, source: Option<&str>) -> Vec<Item> {
    let place = path.display().to_string();
    let raw = match std::fs::read(path) {
        Ok(raw) => raw,
        Err(e) => {
            return vec![Item {
                place,
                request: Err(format!("cannot read: {e}")),
            }]
        }
    };
    let with_source = |mut r: ArticleRequest| {
        if r.source.is_none() {
            r.source = source.map(str::to_owned);
        }
        r
    };
    let text = match ingest::utf8(&raw) {
        Ok(t) => t,
        Err(e) => {
            return vec![Item {
                place,
                request: Err(e.to_string()),
            }]
        }
    };
    match kind {
        Kind::Text => {
            let (title, body) = ingest::split_plain_text(text);
            vec![Item {
                place,
                request: Ok(with_source(ArticleRequest {
                    text: Some(body),
                    title,
                    ..Default::default()
                })),
            }]
        }
        Kind::Html => vec![Item {
            place,
            request: Ok(with_source(ArticleRequest {
                html: Some(text.to_owned()),
                ..Default::default()
            })),
        }],
        Kind::Json => vec![Item {
            place,
            request: ingest::parse_json(text.as_bytes())
                .map(with_source)
                .map_err(|e| e.to_string()),
        }],
        Kind::Lines => text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, line)| Item {
                place: format!("{place}:{}", i + 1),
                request: ingest::parse_json(line.as_bytes())
                    .map(with_source)
                    .map_err(|e| e.to_string()),
            })
            .collect(),
    }
}

/// How many articles a file holds, without keeping it in memory.
fn count_items(path: &Path, kind: Kind) -> u64 {
    use std::io::BufRead;
    if kind != Kind::Lines {
        return 1;
    }
    match std::fs::File::open(path) {
        Ok(f) => std::io::BufReader::new(f)
            .split(b'\n')
            .filter(|l| l.as_ref().map_or(true, |l| !l.trim_ascii().is_empty()))
            .count() as u64,
        Err(_) => 1,
    }
}

/// Counts shown on the bar and in the summary.
#[derive(Default)]
struct Tally {
    stored: AtomicU64,
    duplicates: AtomicU64,
    failed: AtomicU64,
    quotes: AtomicU64,
    entities: AtomicU64,
}

impl Tally {
    fn message(&self) -> String {
        format!(
            "{} quotes · {} duplicates · {} failed",
            self.quotes.load(Ordering::Relaxed),
            self.duplicates.load(Ordering::Relaxed),
            self.failed.load(Ordering::Relaxed)
        )
    }
}

/// What loading one article came to.
enum Loaded {
    Stored { quotes: usize, entities: usize },
    Duplicate,
}

/// Where articles go: the local database, or a running service.
enum Sink {
    Local {
        store: Arc<Store>,
        pipeline: PipelinePool,
    },
    Remote(Box<Remote>),
}

impl Sink {
    async fn load(&self, req: ArticleRequest) -> Result<Loaded, String> {
        match self {
            Sink::Local { store, pipeline } => load_local(store, pipeline, req).await,
            Sink::Remote(remote) => remote.post(req).await,
        }
    }
}

async fn load_local(
    store: &Store,
    pipeline: &PipelinePool,
    req: ArticleRequest,
) -> Result<Loaded, String> {
    if let Some(url) = req.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        if store
            .article_id_by_url(url)
            .await
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Ok(Loaded::Duplicate);
        }
    }
    let article = pipeline
        .run(move |pipeline, _| {
            let prepared = ingest::prepare(req).map_err(|e| e.to_string())?;
            ingest::analyse(pipeline, prepared).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| format!("the analysis failed: {e}"))??;
    match store.insert(article).await.map_err(|e| e.to_string())? {
        Ingested::Created(view) => Ok(Loaded::Stored {
            quotes: view.quotes.len(),
            entities: view.entities.len(),
        }),
        Ingested::Duplicate { .. } => Ok(Loaded::Duplicate),
    }
}

/// A plain HTTP/1.1 client for `--server`.
struct Remote {
    client: hyper_util::client::legacy::Client<
        hyper_util::client::legacy::connect::HttpConnector,
        http_body_util::Full<bytes::Bytes>,
    >,
    articles: http::Uri,
    api_key: Option<String>,
}

impl Remote {
    fn new(base: &str, api_key: Option<String>) -> anyhow::Result<Remote> {
        let base = base.trim().trim_end_matches('/');
        if !base.starts_with("http://") {
            anyhow::bail!("--server must be an http:// URL (for https, put a proxy in front)");
        }
        let articles: http::Uri = format!("{base}/articles")
            .parse()
            .with_context(|| format!("--server {base:?} is not a URL"))?;
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http();
        Ok(Remote {
            client,
            articles,
            api_key: api_key.filter(|k| !k.is_empty()),
        })
    }

    async fn post(&self, req: ArticleRequest) -> Result<Loaded, String> {
        use http_body_util::BodyExt;
        let body = serde_json::json!({
            "text": req.text, "html": req.html, "title": req.title, "url": req.url,
            "source": req.source, "published_at": req.published_at,
            "language": req.language, "byline": req.byline,
        });
        let body: serde_json::Map<String, serde_json::Value> = body
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut request = http::Request::post(self.articles.clone())
            .header(http::header::CONTENT_TYPE, "application/json");
        if let Some(key) = &self.api_key {
            request = request.header(http::header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let request = request
            .body(http_body_util::Full::new(bytes::Bytes::from(
                serde_json::to_vec(&body).map_err(|e| e.to_string())?,
            )))
            .map_err(|e| e.to_string())?;
        let res = self
            .client
            .request(request)
            .await
            .map_err(|e| format!("the server did not answer: {e}"))?;
        let status = res.status();
        let bytes = res
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("reading the answer: {e}"))?
            .to_bytes();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        let count = |k: &str| json[k].as_array().map_or(0, Vec::len);
        match status.as_u16() {
            201 => Ok(Loaded::Stored {
                quotes: count("quotes"),
                entities: count("entities"),
            }),
            200 if json["duplicate"] == true => Ok(Loaded::Duplicate),
            _ => Err(format!(
                "{status}: {}",
                json["error"]["message"]
                    .as_str()
                    .unwrap_or_else(|| std::str::from_utf8(&bytes).unwrap_or("(not text)"))
            )),
        }
    }
}

pub fn run(args: IngestArgs) -> anyhow::Result<()> {
    let files = collect(&args.paths)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(jobs.max(2))
        .build()?;
    runtime.block_on(ingest_all(args, files, jobs))
}

async fn ingest_all(
    args: IngestArgs,
    files: Vec<(PathBuf, Kind)>,
    jobs: usize,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let (sink, store) = match &args.server {
        Some(url) => (
            Sink::Remote(Box::new(Remote::new(url, args.api_key.clone())?)),
            None,
        ),
        None => {
            let pipeline = tokio::task::spawn_blocking(Pipeline::load);
            let store = Store::open(&args.db)
                .await
                .with_context(|| format!("opening the database {}", args.db.display()))?;
            let store = Arc::new(store);
            let pipeline = PipelinePool::new(Arc::new(pipeline.await?), jobs)
                .context("starting the pipeline threads")?;
            (
                Sink::Local {
                    store: store.clone(),
                    pipeline,
                },
                Some(store),
            )
        }
    };
    let sink = Arc::new(sink);

    // A first pass counts the articles for the bar (one line of JSONL = one article); then
    // files are read one at a time, feeding a short queue, so memory stays bounded.
    let counted = {
        let files = files.clone();
        tokio::task::spawn_blocking(move || files.iter().map(|(p, k)| count_items(p, *k)).sum())
            .await?
    };
    let (feed, mut items) = tokio::sync::mpsc::channel::<Item>(jobs * 4);
    let source = args.source.clone();
    let reader = tokio::task::spawn_blocking(move || {
        for (path, kind) in &files {
            for item in items_of(path, *kind, source.as_deref()) {
                if feed.blocking_send(item).is_err() {
                    return;
                }
            }
        }
    });

    let bar = ProgressBar::with_draw_target(
        Some(counted),
        if args.quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        },
    );
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} articles · {rate} · {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.1} articles/s", state.per_sec());
            },
        ),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let tally = Arc::new(Tally::default());
    bar.set_message(tally.message());

    let permits = Arc::new(tokio::sync::Semaphore::new(jobs));
    let mut tasks = tokio::task::JoinSet::new();
    let mut total = 0u64;
    while let Some(item) = items.recv().await {
        total += 1;
        let permit = permits.clone().acquire_owned().await?;
        let (sink, tally, bar) = (sink.clone(), tally.clone(), bar.clone());
        tasks.spawn(async move {
            let result = match item.request {
                Ok(req) => sink.load(req).await,
                Err(e) => Err(e),
            };
            drop(permit);
            match result {
                Ok(Loaded::Stored { quotes, entities }) => {
                    tally.stored.fetch_add(1, Ordering::Relaxed);
                    tally.quotes.fetch_add(quotes as u64, Ordering::Relaxed);
                    tally.entities.fetch_add(entities as u64, Ordering::Relaxed);
                }
                Ok(Loaded::Duplicate) => {
                    tally.duplicates.fetch_add(1, Ordering::Relaxed);
                }
                Err(e) => {
                    tally.failed.fetch_add(1, Ordering::Relaxed);
                    bar.suspend(|| eprintln!("{}: {e}", item.place));
                }
            }
            bar.inc(1);
            bar.set_message(tally.message());
        });
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
    reader.await?;
    bar.finish_and_clear();
    if let Some(store) = store {
        store.close().await;
    }

    let secs = started.elapsed().as_secs_f64();
    let stored = tally.stored.load(Ordering::Relaxed);
    let failed = tally.failed.load(Ordering::Relaxed);
    println!(
        "{stored} articles stored ({} quotes, {} entities), {} duplicates skipped, {failed} failed, \
         {total} read in {secs:.1} s ({:.1} articles/s){}",
        tally.quotes.load(Ordering::Relaxed),
        tally.entities.load(Ordering::Relaxed),
        tally.duplicates.load(Ordering::Relaxed),
        total as f64 / secs.max(1e-9),
        match &args.server {
            Some(url) => format!(" → {url}"),
            None => format!(" → {}", args.db.display()),
        }
    );
    if failed > 0 {
        anyhow::bail!("{failed} of {total} articles could not be loaded (listed above)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind_of(Path::new("a/b.TXT")), Some(Kind::Text));
        assert_eq!(kind_of(Path::new("b.htm")), Some(Kind::Html));
        assert_eq!(kind_of(Path::new("b.json")), Some(Kind::Json));
        assert_eq!(kind_of(Path::new("b.ndjson")), Some(Kind::Lines));
        assert_eq!(kind_of(Path::new("b.jsonl")), Some(Kind::Lines));
        assert_eq!(kind_of(Path::new("README.md")), None);
        assert_eq!(kind_of(Path::new("noext")), None);
    }
}
