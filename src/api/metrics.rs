//! `GET /metrics` in the Prometheus text format: requests by route, method and status, a
//! latency histogram per route, articles and quotes ingested, pipeline time per article,
//! and the size of the database.
//!
//! The counters are process-wide (like Prometheus' default registry): the middleware and
//! the ingestion path record into one static registry; `/metrics` renders it.

use super::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Upper bounds (seconds) of the latency buckets.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Debug, Clone, Default)]
struct Histogram {
    /// Non-cumulative counts per bucket, plus one for +Inf.
    counts: [u64; LATENCY_BUCKETS.len() + 1],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, secs: f64) {
        let i = LATENCY_BUCKETS
            .iter()
            .position(|&le| secs <= le)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.counts[i] += 1;
        self.sum += secs;
        self.count += 1;
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        let mut cumulative = 0;
        for (i, le) in LATENCY_BUCKETS.iter().enumerate() {
            cumulative += self.counts[i];
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels}{sep}le=\"{le}\"}} {cumulative}"
            );
        }
        let _ = writeln!(
            out,
            "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {}",
            self.count
        );
        let braces = |s: &str| {
            if s.is_empty() {
                String::new()
            } else {
                format!("{{{s}}}")
            }
        };
        let _ = writeln!(out, "{name}_sum{} {}", braces(labels), self.sum);
        let _ = writeln!(out, "{name}_count{} {}", braces(labels), self.count);
    }
}

#[derive(Default)]
struct Registry {
    /// (route, method, status) → requests.
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    /// route → latency.
    latency: Mutex<BTreeMap<String, Histogram>>,
    pipeline: Mutex<Histogram>,
    articles: AtomicU64,
    quotes: AtomicU64,
    duplicates: AtomicU64,
}

fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(Registry::default)
}

/// Records how long the pipeline took on one article.
pub fn observe_pipeline(elapsed: Duration) {
    if let Ok(mut h) = registry().pipeline.lock() {
        h.observe(elapsed.as_secs_f64());
    }
}

/// Records a stored article and its quotes.
pub fn article_stored(quotes: usize) {
    let r = registry();
    r.articles.fetch_add(1, Ordering::Relaxed);
    r.quotes.fetch_add(quotes as u64, Ordering::Relaxed);
}

/// Records an article skipped as a duplicate.
pub fn article_duplicate() {
    registry().duplicates.fetch_add(1, Ordering::Relaxed);
}

/// One routed request being counted by its route template (not the raw path, so ids do
/// not explode the label set) and timed: started before the route's handler, finished
/// with its status (the routes' layer, `api::RouteGuard`).
pub struct Tracked {
    route: String,
    method: String,
    started: Instant,
}

impl Tracked {
    pub fn start(req: &Request) -> Self {
        let route = req
            .extensions()
            .get::<MatchedPath>()
            .map_or_else(|| "(unmatched)".to_owned(), |p| p.as_str().to_owned());
        Tracked {
            route,
            method: req.method().as_str().to_owned(),
            started: Instant::now(),
        }
    }

    pub fn finish(self, status: axum::http::StatusCode) {
        let Tracked {
            route,
            method,
            started,
        } = self;
        let secs = started.elapsed().as_secs_f64();
        let r = registry();
        if let Ok(mut m) = r.requests.lock() {
            *m.entry((route.clone(), method, status.as_u16()))
                .or_default() += 1;
        }
        if let Ok(mut m) = r.latency.lock() {
            m.entry(route).or_default().observe(secs);
        }
    }
}

/// Prometheus label values: backslash, quote and newline escaped.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Prometheus metrics: requests by route and status, latency, ingestion, pipeline time, database size.
#[utoipa::path(get, path = "/metrics", operation_id = "metrics", tag = "service",
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4")))]
pub async fn render(State(state): State<AppState>) -> Response {
    let r = registry();
    let mut out = String::with_capacity(4096);
    out.push_str(
        "# HELP verbatim_http_requests_total HTTP requests by route template, method and status.\n\
         # TYPE verbatim_http_requests_total counter\n",
    );
    if let Ok(m) = r.requests.lock() {
        for ((route, method, status), n) in m.iter() {
            let _ = writeln!(
                out,
                "verbatim_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {n}",
                label(route),
                label(method)
            );
        }
    }
    out.push_str(
        "# HELP verbatim_http_request_duration_seconds Time to answer, by route template.\n\
         # TYPE verbatim_http_request_duration_seconds histogram\n",
    );
    if let Ok(m) = r.latency.lock() {
        for (route, h) in m.iter() {
            h.render(
                &mut out,
                "verbatim_http_request_duration_seconds",
                &format!("route=\"{}\"", label(route)),
            );
        }
    }
    out.push_str(
        "# HELP verbatim_pipeline_seconds Analysis time per article (extraction, entities, quotes).\n\
         # TYPE verbatim_pipeline_seconds histogram\n",
    );
    if let Ok(h) = r.pipeline.lock() {
        h.render(&mut out, "verbatim_pipeline_seconds", "");
    }
    let _ = write!(
        out,
        "# HELP verbatim_articles_ingested_total Articles stored since the process started.\n\
         # TYPE verbatim_articles_ingested_total counter\n\
         verbatim_articles_ingested_total {}\n\
         # HELP verbatim_quotes_ingested_total Quotes stored since the process started.\n\
         # TYPE verbatim_quotes_ingested_total counter\n\
         verbatim_quotes_ingested_total {}\n\
         # HELP verbatim_articles_duplicate_total Articles skipped as duplicates since the process started.\n\
         # TYPE verbatim_articles_duplicate_total counter\n\
         verbatim_articles_duplicate_total {}\n",
        r.articles.load(Ordering::Relaxed),
        r.quotes.load(Ordering::Relaxed),
        r.duplicates.load(Ordering::Relaxed),
    );
    let db: Result<(i64, i64, i64), sqlx::Error> = sqlx::query_as(
        "SELECT (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()),
                (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quotes)",
    )
    .fetch_one(state.store.read_pool())
    .await;
    match db {
        Ok((bytes, articles, quotes)) => {
            let _ = write!(
                out,
                "# HELP verbatim_database_bytes Size of the SQLite database (pages in use, without the WAL).\n\
                 # TYPE verbatim_database_bytes gauge\n\
                 verbatim_database_bytes {bytes}\n\
                 # HELP verbatim_articles_stored Articles in the database.\n\
                 # TYPE verbatim_articles_stored gauge\n\
                 verbatim_articles_stored {articles}\n\
                 # HELP verbatim_quotes_stored Quotes in the database.\n\
                 # TYPE verbatim_quotes_stored gauge\n\
                 verbatim_quotes_stored {quotes}\n"
            );
        }
        Err(e) => tracing::warn!(error = %e, "metrics: the database did not answer"),
    }
    let mut res = out.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::Histogram;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let mut h = Histogram::default();
        for s in [0.0005, 0.003, 0.003, 0.2, 30.0] {
            h.observe(s);
        }
        let mut out = String::new();
        h.render(&mut out, "x", "route=\"/a\"");
        assert!(out.contains("x_bucket{route=\"/a\",le=\"0.001\"} 1\n"));
        assert!(out.contains("x_bucket{route=\"/a\",le=\"0.005\"} 3\n"));
        assert!(out.contains("x_bucket{route=\"/a\",le=\"0.1\"} 3\n"));
        assert!(out.contains("x_bucket{route=\"/a\",le=\"0.25\"} 4\n"));
        assert!(out.contains("x_bucket{route=\"/a\",le=\"10\"} 4\n"));
        assert!(out.contains("x_bucket{route=\"/a\",le=\"+Inf\"} 5\n"));
        assert!(out.contains("x_count{route=\"/a\"} 5\n"));
        let mut out = String::new();
        h.render(&mut out, "y", "");
        assert!(out.contains("y_bucket{le=\"+Inf\"} 5\n") && out.contains("y_count 5\n"));
    }
}
