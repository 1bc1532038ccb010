//! Shared helpers for the API tests: the real router on a temporary SQLite file.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;
use verbatim::api::{self, ApiConfig, AppState};
use verbatim::ingest::PipelinePool;
use verbatim::pipeline::normalize::OffsetMap;
use verbatim::pipeline::{
    ActorKind, Analysis, EntityLabel, LocalActor, Mention, Pipeline, Quote, QuoteKind, Span,
    Speaker, SpeakerSource,
};
use verbatim::store::{NewArticle, Store};

pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/eval/fixtures/nato-romania-bulgaria.txt"
);

/// The seed article, or `None` (with a message) when `../shared` is absent.
pub fn seed_article() -> Option<String> {
    match std::fs::read_to_string(SEED) {
        Ok(s) => Some(s),
        Err(_) => {
            eprintln!("skipping: the seed article {SEED} is not here");
            None
        }
    }
}

pub fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    P.get_or_init(|| Arc::new(Pipeline::load())).clone()
}

pub struct TestApp {
    pub router: Router,
    pub store: Arc<Store>,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl Reply {
    /// The `error.code` of an error body (panics with the body when there is none).
    pub fn code(&self) -> &str {
        self.json["error"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error body: {}", self.json))
    }
}

pub async fn app() -> TestApp {
    app_with(ApiConfig::default()).await
}

pub async fn app_with(config: ApiConfig) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    app_in(dir, config).await
}

/// The app on `dir/test.db`, which may hold a database already (migrated on open).
pub async fn app_in(dir: tempfile::TempDir, config: ApiConfig) -> TestApp {
    let store = Arc::new(
        Store::open(&dir.path().join("test.db"))
            .await
            .expect("open store"),
    );
    let router = api::router(AppState {
        store: store.clone(),
        pipeline: PipelinePool::new(pipeline(), 2).expect("pipeline threads"),
        config: Arc::new(config),
    });
    TestApp { router, store, dir }
}

impl TestApp {
    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{status}: body is not JSON ({e}): {:?}",
                    String::from_utf8_lossy(&bytes[..bytes.len().min(300)])
                )
            })
        };
        Reply {
            status,
            headers,
            json,
        }
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.send(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn delete(&self, uri: &str) -> Reply {
        self.send(Request::delete(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn post(&self, uri: &str, content_type: &str, body: impl Into<Body>) -> Reply {
        self.send(
            Request::post(uri)
                .header(header::CONTENT_TYPE, content_type)
                .body(body.into())
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, uri: &str, body: &Value) -> Reply {
        self.post(uri, "application/json", body.to_string()).await
    }

    /// Stores a hand-built analysis directly (tests of storage and queries, not extraction).
    pub async fn store_analysis(&self, analysis: Analysis, url: &str, date: &str) -> i64 {
        match self
            .store
            .insert(NewArticle {
                analysis,
                url: Some(url.to_owned()),
                source: Some("test-wire".to_owned()),
                byline: None,
                language: Some("en".into()),
                published_at: Some(verbatim::ingest::parse_date(date, false).expect("a date")),
            })
            .await
            .expect("insert")
        {
            verbatim::store::Ingested::Created(view) => view.id,
            other => panic!("expected a new article, got {other:?}"),
        }
    }
}

/// Builds an `Analysis` by naming substrings of the text (storage tests only).
pub struct Built {
    pub analysis: Analysis,
}

pub fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

impl Built {
    pub fn new(text: &str) -> Self {
        Built {
            analysis: Analysis {
                text: text.to_owned(),
                title: Some(text.split('.').next().unwrap_or("").to_owned()),
                body_end: text.len(),
                entities: Vec::new(),
                quotes: Vec::new(),
                actors: Vec::new(),
                offsets: OffsetMap::identity(text),
            },
        }
    }

    /// Adds an actor and an entity mention for each of `mentions` (substrings).
    pub fn actor(
        mut self,
        canonical: &str,
        kind: ActorKind,
        aliases: &[&str],
        mentions: &[(&str, EntityLabel)],
    ) -> Self {
        let id = self.analysis.actors.len();
        let mut spans = Vec::new();
        for (m, label) in mentions {
            let span = span_of(&self.analysis.text, m);
            spans.push(span);
            self.analysis.entities.push(Mention {
                span,
                label: *label,
                actor: Some(id),
            });
        }
        self.analysis.actors.push(LocalActor {
            id,
            canonical: canonical.to_owned(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: spans,
        });
        self
    }

    pub fn role(mut self, actor: usize, role: &str, affiliation: &str) -> Self {
        self.analysis.actors[actor].roles.push(role.to_owned());
        self.analysis.actors[actor]
            .affiliations
            .push(affiliation.to_owned());
        self
    }

    /// Adds a quote (`quote` and `speaker_mention` are substrings of the text).
    pub fn quote(
        mut self,
        quote: &str,
        kind: QuoteKind,
        cue: &str,
        speaker_mention: &str,
        actor: usize,
    ) -> Self {
        let text = &self.analysis.text;
        let a = &self.analysis.actors[actor];
        let q = Quote {
            span: span_of(text, quote),
            kind,
            cue: Some(span_of(text, cue)),
            speaker: Some(Speaker {
                mention: span_of(text, speaker_mention),
                name: a.canonical.clone(),
                actor: Some(actor),
                role: a.roles.first().cloned(),
                affiliation: a.affiliations.first().cloned(),
                how: SpeakerSource::Named,
                confidence: 0.9,
            }),
            confidence: 0.9,
        };
        self.analysis.quotes.push(q);
        self
    }

    /// Adds a quote whose speaker the pipeline did not resolve to an actor.
    pub fn quote_unresolved(mut self, quote: &str, cue: &str, speaker_mention: &str) -> Self {
        let text = &self.analysis.text;
        let q = Quote {
            span: span_of(text, quote),
            kind: QuoteKind::Indirect,
            cue: Some(span_of(text, cue)),
            speaker: Some(Speaker {
                mention: span_of(text, speaker_mention),
                name: speaker_mention.to_owned(),
                actor: None,
                role: None,
                affiliation: None,
                how: SpeakerSource::Guess,
                confidence: 0.4,
            }),
            confidence: 0.6,
        };
        self.analysis.quotes.push(q);
        self
    }

    pub fn done(self) -> Analysis {
        self.analysis
    }
}

/// FTS5's own integrity check of `quotes_fts` against the quotes table: "ok", or the
/// error SQLite gave.
/// `text` with Oana Lungescu (a person, one PER mention) saying “"We are ready,"”: the
/// article the writer tests store again and again.
pub fn lungescu_ready(text: &str) -> Built {
    Built::new(text)
        .actor(
            "Oana Lungescu",
            ActorKind::Person,
            &[],
            &[("Oana Lungescu", EntityLabel::Per)],
        )
        .quote(
            "\"We are ready,\"",
            QuoteKind::Direct,
            "said",
            "Oana Lungescu",
            0,
        )
}

pub fn fts_integrity(conn: &rusqlite::Connection) -> String {
    conn.query_row(
        "INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check') RETURNING 'ok'",
        [],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| format!("{e}"))
}

/// Runs `f` on a store opened on a fresh `seed-demo` database of `quotes` quotes and
/// `actors` actors (its own temporary file and multi-thread runtime), for the tests that
/// compare the JSON written from rows with the views serialised.
pub fn on_seeded_store<F, Fut>(quotes: usize, actors: usize, seed: u64, f: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("seeded.db");
    verbatim::cli::seed_demo::run(db.clone(), quotes, actors, seed).unwrap();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async { f(Store::open(&db).await.unwrap()).await });
}

/// `GET /entities` as it was answered before `migrations/0011_article_entities.sql`:
/// the old statement, run over a `mentions` table rebuilt (as a temporary table of
/// `conn`) from the articles' stored JSON, one row per mention.
pub struct OldEntities {
    conn: rusqlite::Connection,
}

impl OldEntities {
    /// A snapshot of the store at `db`, taken now.
    pub fn new(db: &std::path::Path) -> Self {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch(
            "CREATE TEMP TABLE mentions AS
             SELECT e.article_id, j.value ->> 4 AS actor_id, j.value ->> 0 AS start,
                 j.value ->> 1 AS \"end\", j.value ->> 3 AS label, j.value ->> 2 AS text,
                 j.value ->> 5 AS folded
             FROM article_entities e, json_each(e.entities) j ORDER BY e.article_id, j.key;",
        )
        .unwrap();
        Self { conn }
    }

    /// A snapshot of the `mentions` table of a database not yet at 0011.
    pub fn before_0011(db: &std::path::Path) -> Self {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch(
            "CREATE TEMP TABLE mentions AS
             SELECT article_id, actor_id, start, \"end\", label, text, folded
             FROM main.mentions ORDER BY id;",
        )
        .unwrap();
        Self { conn }
    }

    /// Folded texts and canonical names to search `entities?name=` with.
    pub fn names(&self) -> Vec<String> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT folded FROM temp.mentions
                 UNION SELECT canonical_name FROM actors
                 UNION SELECT surname FROM actors WHERE surname IS NOT NULL ORDER BY 1",
            )
            .unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|n| !n.is_empty() && n.trim() == n)
            .collect()
    }

    pub fn article_ids(&self) -> Vec<i64> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM articles ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    /// One page (items as the API writes them) and whether another follows.
    pub fn page(
        &self,
        label: Option<&str>,
        name: Option<&str>,
        article_id: Option<i64>,
        limit: u32,
        offset: u64,
    ) -> (Vec<Value>, bool) {
        let mut sql = String::from(
            "SELECT m.actor_id, COALESCE(a.canonical_name, MIN(m.text)) AS name, m.label,
                a.kind AS actor_type, COUNT(DISTINCT m.article_id) AS article_count,
                COUNT(*) AS mention_count
             FROM temp.mentions m LEFT JOIN actors a ON a.id = m.actor_id WHERE 1 = 1",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(label) = label {
            sql.push_str(" AND m.label = ?");
            args.push(label.to_owned().into());
        }
        if let Some(id) = article_id {
            sql.push_str(" AND m.article_id = ?");
            args.push(id.into());
        }
        if let Some(name) = name {
            let f = verbatim::store::fold::fold(name);
            sql.push_str(
                " AND ((m.actor_id IS NULL AND m.folded = ?1f) OR (m.folded = ?1f
                   AND m.actor_id IN (SELECT actor_id FROM mention_names WHERE folded = ?1f))
                   OR (?1f <> '' AND m.actor_id IN (
                       SELECT id FROM actors WHERE folded_name = ?1f
                       UNION SELECT actor_id FROM actor_aliases WHERE folded = ?1f
                       UNION SELECT id FROM actors WHERE surname = ?1f LIMIT 500)))",
            );
            let n = args.len() + 1;
            sql = sql.replace("?1f", &format!("?{n}"));
            args.push(f.into());
        }
        sql.push_str(&format!(
            " GROUP BY COALESCE(m.actor_id, -1), CASE WHEN m.actor_id IS NULL THEN m.folded END,
              m.label
              ORDER BY article_count DESC, mention_count DESC, name LIMIT {} OFFSET {offset}",
            i64::from(limit) + 1
        ));
        // (Numbered and plain `?` do not mix: number them all.)
        let mut numbered = String::new();
        let mut k = 0;
        let mut chars = sql.chars().peekable();
        while let Some(c) = chars.next() {
            numbered.push(c);
            if c == '?' && !chars.peek().is_some_and(|d| d.is_ascii_digit()) {
                k += 1;
                numbered.push_str(&k.to_string());
            }
        }
        let mut stmt = self.conn.prepare(&numbered).unwrap();
        let mut items: Vec<Value> = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(serde_json::json!({
                    "actor_id": r.get::<_, Option<i64>>(0)?,
                    "name": r.get::<_, String>(1)?,
                    "type": r.get::<_, String>(2)?,
                    "actor_type": r.get::<_, Option<String>>(3)?,
                    "article_count": r.get::<_, i64>(4)?,
                    "mention_count": r.get::<_, i64>(5)?,
                }))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let more = items.len() > limit as usize;
        items.truncate(limit as usize);
        (items, more)
    }
}

/// Every page of `uri` (`limit` at a time, through the cursors) equals the old
/// statement's page at that offset; the number of pages read.
pub async fn assert_entity_pages(
    app: &TestApp,
    old: &OldEntities,
    (label, name, article_id): (Option<&str>, Option<&str>, Option<i64>),
    limit: u32,
) -> usize {
    let mut uri = format!("/entities?limit={limit}");
    if let Some(l) = label {
        uri.push_str(&format!("&type={l}"));
    }
    if let Some(n) = name {
        let mut q = String::new();
        for b in n.bytes() {
            q.push_str(&format!("%{b:02X}"));
        }
        uri.push_str(&format!("&name={q}"));
    }
    if let Some(id) = article_id {
        uri.push_str(&format!("&article_id={id}"));
    }
    let mut offset = 0u64;
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let u = match &cursor {
            Some(c) => format!("{uri}&cursor={c}"),
            None => uri.clone(),
        };
        let r = app.get(&u).await;
        assert_eq!(r.status, StatusCode::OK, "{u}: {}", r.json);
        let (items, more) = old.page(label, name, article_id, limit, offset);
        assert_eq!(r.json["items"], Value::Array(items), "{u}");
        assert_eq!(r.json["next_cursor"].is_string(), more, "{u}");
        pages += 1;
        match r.json["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return pages,
        }
        offset += u64::from(limit);
    }
}

/// `GET /entities` answers as before 0011, for every label, `limit` 1 and 50, names
/// (every mention's folded text, every canonical name and surname, up to `max_names`)
/// and articles (up to `max_articles`, with and without a name).
pub async fn assert_entities_as_before(
    app: &TestApp,
    max_names: usize,
    max_articles: usize,
    when: &str,
) {
    let old = OldEntities::new(&app.dir.path().join("test.db"));
    assert_entities_as(app, &old, max_names, max_articles, when).await;
}

/// [`assert_entities_as_before`] against the answers of `old`.
pub async fn assert_entities_as(
    app: &TestApp,
    old: &OldEntities,
    max_names: usize,
    max_articles: usize,
    when: &str,
) {
    let labels = [None, Some("PER"), Some("ORG"), Some("LOC"), Some("MISC")];
    for label in labels {
        for limit in [1, 7, 50] {
            assert_entity_pages(app, old, (label, None, None), limit).await;
        }
    }
    let names = old.names();
    let step = names.len().div_ceil(max_names.max(1)).max(1);
    for name in names.iter().step_by(step) {
        assert_entity_pages(app, old, (None, Some(name), None), 2).await;
        assert_entity_pages(app, old, (Some("PER"), Some(name), None), 50).await;
    }
    let ids = old.article_ids();
    let step = ids.len().div_ceil(max_articles.max(1)).max(1);
    for id in ids.iter().step_by(step) {
        assert_entity_pages(app, old, (None, None, Some(*id)), 3).await;
        assert_entity_pages(app, old, (Some("ORG"), None, Some(*id)), 50).await;
        for name in names.iter().step_by(step.max(7)).take(5) {
            assert_entity_pages(app, old, (None, Some(name), Some(*id)), 50).await;
        }
    }
    eprintln!(
        "{when}: entities as before ({} names, {} articles)",
        names.len(),
        ids.len()
    );
}
