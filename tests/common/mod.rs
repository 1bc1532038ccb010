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

fn pipeline() -> Arc<Pipeline> {
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
        pipeline: pipeline(),
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
