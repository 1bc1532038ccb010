//! Route handlers: parse, call ingest/pipeline/store, shape the JSON.

use super::params::Params;
use super::{ApiError, AppState};
use crate::ingest::{self, ArticleRequest, BodyFormat};
use crate::pipeline::ArticleInput;
use crate::store::model::Page;
use crate::store::{ArticleFilter, EntityFilter, Ingested, NewArticle, QuoteFilter};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::{json, Value};

type Result<T> = std::result::Result<T, ApiError>;

fn query(q: std::result::Result<Query<Params>, QueryRejection>) -> Result<Params> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::InvalidField(format!("bad query string: {}", e.body_text())))
}

fn path_id(p: std::result::Result<Path<i64>, PathRejection>) -> Result<i64> {
    p.map(|Path(id)| id)
        .map_err(|_| ApiError::InvalidField("the id in the path must be an integer".into()))
}

fn body(b: std::result::Result<Bytes, BytesRejection>, max: usize) -> Result<Bytes> {
    b.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::BodyTooLarge(max)
        } else {
            ApiError::InvalidBody(e.body_text())
        }
    })
}

fn page_json<T: Serialize>(page: Page<T>) -> Response {
    Json(page).into_response()
}

pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

pub async fn health() -> Json<Value> {
    Json(json!({"status": "ok"}))
}

pub async fn ready(State(state): State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(true) => Json(json!({"status": "ready"})).into_response(),
        Ok(false) => ApiError::Unavailable("migrations are not all applied".into()).into_response(),
        Err(e) => {
            ApiError::Unavailable(format!("the database does not answer: {e}")).into_response()
        }
    }
}

/// What one article ingestion came to.
enum Outcome {
    Created(Box<crate::store::model::ArticleView>),
    Duplicate(i64),
}

/// Articles analysed at once: one per core. More would only take turns on the same
/// cores (each with its own working set, and glibc malloc arenas); the others wait here,
/// asleep on the async side, without a blocking thread each.
static PIPELINE_SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> =
    std::sync::LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    });

/// Extracts (HTML) and analyses on the blocking pool.
async fn analyse(state: &AppState, req: ArticleRequest) -> Result<NewArticle> {
    let pipeline = state.pipeline.clone();
    let _slot = PIPELINE_SLOTS
        .acquire()
        .await
        .map_err(|_| ApiError::Internal)?;
    let (prepared, analysis) = tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        let prepared = ingest::prepare(req)?;
        let analysis = pipeline.analyze(&ArticleInput {
            text: &prepared.body,
            title: prepared.title.as_deref(),
            url: prepared.url.as_deref(),
            published_at: prepared.published_at.as_deref(),
        });
        super::metrics::observe_pipeline(started.elapsed());
        Ok::<_, ingest::IngestError>((prepared, analysis))
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "pipeline task failed");
        ApiError::Internal
    })??;
    if analysis.text.trim().is_empty() {
        return Err(ApiError::EmptyArticle);
    }
    Ok(NewArticle {
        analysis,
        url: prepared.url,
        source: prepared.source,
        byline: prepared.byline,
        language: prepared.language,
        published_at: prepared.published_at,
    })
}

fn outcome(stored: Ingested) -> Outcome {
    match stored {
        Ingested::Created(view) => {
            super::metrics::article_stored(view.quotes.len());
            Outcome::Created(view)
        }
        Ingested::Duplicate { id } => {
            super::metrics::article_duplicate();
            Outcome::Duplicate(id)
        }
    }
}

/// An article whose URL is already stored needs no analysis.
async fn known_url(state: &AppState, req: &ArticleRequest) -> Result<Option<i64>> {
    match req.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) => Ok(state.store.article_id_by_url(url).await?),
        None => Ok(None),
    }
}

/// Analyses, then stores through the writer (answers after COMMIT).
async fn ingest_one(state: &AppState, req: ArticleRequest) -> Result<Outcome> {
    if let Some(id) = known_url(state, &req).await? {
        super::metrics::article_duplicate();
        return Ok(Outcome::Duplicate(id));
    }
    let article = analyse(state, req).await?;
    Ok(outcome(state.store.insert(article).await?))
}

fn outcome_response(outcome: Outcome) -> Response {
    match outcome {
        Outcome::Created(view) => {
            let id = view.id;
            let mut v = serde_json::to_value(&*view).unwrap_or(Value::Null);
            v["duplicate"] = Value::Bool(false);
            let mut res = (StatusCode::CREATED, Json(v)).into_response();
            if let Ok(loc) = format!("/articles/{id}").parse() {
                res.headers_mut().insert(header::LOCATION, loc);
            }
            res
        }
        Outcome::Duplicate(id) => (
            StatusCode::OK,
            Json(json!({"id": id, "duplicate": true, "url": format!("/articles/{id}")})),
        )
            .into_response(),
    }
}

pub async fn post_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: std::result::Result<Query<Params>, QueryRejection>,
    raw: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("(not text)"));
    let format = ingest::body_format(content_type)?;
    let params = query(q)?;
    let raw = body(raw, state.config.max_body)?;
    // Metadata for text and HTML bodies comes from the query string.
    let meta = || ArticleRequest {
        title: params.text("title"),
        url: params.text("url"),
        source: params.text("source"),
        published_at: params.text("published_at"),
        language: params.text("language"),
        byline: params.text("byline"),
        ..Default::default()
    };
    let req = match format {
        BodyFormat::Json => ingest::parse_json(&raw)?,
        BodyFormat::Text => {
            let text = ingest::utf8(&raw)?;
            let (title, body) = ingest::split_plain_text(text);
            let mut req = meta();
            req.title = req.title.or(title);
            req.text = Some(body);
            req
        }
        BodyFormat::Html => {
            let mut req = meta();
            req.html = Some(ingest::utf8(&raw)?.to_owned());
            req
        }
        BodyFormat::Ndjson => {
            return Err(ApiError::UnsupportedMediaType(
                "send application/x-ndjson to POST /articles/batch".into(),
            ))
        }
    };
    Ok(outcome_response(ingest_one(&state, req).await?))
}

pub async fn post_batch(
    State(state): State<AppState>,
    headers: HeaderMap,
    raw: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("(not text)"));
    if ingest::body_format(content_type)? != BodyFormat::Ndjson {
        return Err(ApiError::UnsupportedMediaType(
            "POST /articles/batch takes application/x-ndjson, one JSON article per line".into(),
        ));
    }
    let raw = body(raw, state.config.max_body)?;
    let text = ingest::utf8(&raw)?;
    // Analyse the lines in parallel, then store them in line order, in one go.
    let mut tasks = tokio::task::JoinSet::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let state = state.clone();
        let line = line.to_owned();
        tasks.spawn(async move {
            let analysed = match ingest::parse_json(line.as_bytes()) {
                Ok(req) => analyse(&state, req).await,
                Err(e) => Err(e.into()),
            };
            (index, analysed)
        });
    }
    let mut analysed: Vec<(usize, Result<NewArticle>)> = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        analysed.push(joined.map_err(|_| ApiError::Internal)?);
    }
    analysed.sort_by_key(|(i, _)| *i);
    let (ok, failed): (Vec<_>, Vec<_>) = analysed.into_iter().partition(|(_, r)| r.is_ok());
    let (ok_lines, articles): (Vec<usize>, Vec<NewArticle>) = ok
        .into_iter()
        .filter_map(|(i, r)| r.ok().map(|a| (i, a)))
        .unzip();
    let stored = state.store.insert_many(articles).await;
    let mut results: Vec<(usize, Result<Outcome>)> = ok_lines
        .into_iter()
        .zip(stored)
        .map(|(i, r)| (i, r.map(outcome).map_err(ApiError::from)))
        .chain(
            failed
                .into_iter()
                .filter_map(|(i, r)| r.err().map(|e| (i, Err(e)))),
        )
        .collect();
    results.sort_by_key(|(i, _)| *i);
    let results: Vec<(usize, Value)> = results
        .into_iter()
        .map(|(index, result)| {
            let line = index + 1;
            let v = match result {
                Ok(Outcome::Created(view)) => json!({
                    "line": line, "status": 201, "id": view.id, "duplicate": false,
                    "quotes": view.quotes.len(), "entities": view.entities.len(),
                }),
                Ok(Outcome::Duplicate(id)) => {
                    json!({"line": line, "status": 200, "id": id, "duplicate": true})
                }
                Err(e) => json!({
                    "line": line, "status": e.status().as_u16(),
                    "error": {"code": e.code(), "message": e.to_string()},
                }),
            };
            (index, v)
        })
        .collect();
    let items: Vec<Value> = results.into_iter().map(|(_, v)| v).collect();
    Ok(Json(json!({ "items": items })).into_response())
}

pub async fn list_articles(
    State(state): State<AppState>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = query(q)?;
    let f = ArticleFilter {
        source: p.text("source"),
        since: p.date("since", false)?,
        until: p.date("until", true)?,
        limit: p.limit()?,
        after: p.keyset()?,
    };
    Ok(page_json(state.store.articles(&f).await?))
}

pub async fn get_article(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
) -> Result<Response> {
    let id = path_id(id)?;
    match state.store.article(id).await? {
        Some(a) => Ok(Json(a).into_response()),
        None => Err(ApiError::NotFound(format!("no article with id {id}"))),
    }
}

pub async fn delete_article(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
) -> Result<Response> {
    let id = path_id(id)?;
    if state.store.delete_article(id).await? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::NotFound(format!("no article with id {id}")))
    }
}

fn quote_filter(p: &Params) -> Result<QuoteFilter> {
    let kind = match p.text("kind") {
        None => None,
        Some(k) => {
            let k = k.to_ascii_lowercase();
            if crate::pipeline::QuoteKind::parse(&k).is_none() {
                return Err(ApiError::InvalidField(
                    "kind must be direct, indirect or mixed".into(),
                ));
            }
            Some(k)
        }
    };
    Ok(QuoteFilter {
        speaker: p.text("speaker"),
        actor_id: p.id("actor_id")?,
        q: p.text("q"),
        mentions: p.text("mentions"),
        kind,
        article_id: p.id("article_id")?,
        source: p.text("source"),
        since: p.date("since", false)?,
        until: p.date("until", true)?,
        limit: p.limit()?,
        after: p.keyset()?,
    })
}

pub async fn list_quotes(
    State(state): State<AppState>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let f = quote_filter(&query(q)?)?;
    Ok(page_json(state.store.quotes(&f).await?))
}

pub async fn get_quote(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
) -> Result<Response> {
    let id = path_id(id)?;
    match state.store.quote(id).await? {
        Some(quote) => Ok(Json(quote).into_response()),
        None => Err(ApiError::NotFound(format!("no quote with id {id}"))),
    }
}

pub async fn list_actors(
    State(state): State<AppState>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = query(q)?;
    let name = p.text("name");
    let page = state
        .store
        .actors(name.as_deref(), p.limit()?, p.offset()?)
        .await?;
    Ok(page_json(page))
}

pub async fn get_actor(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
) -> Result<Response> {
    let id = path_id(id)?;
    match state.store.actor(id).await? {
        Some(actor) => Ok(Json(actor).into_response()),
        None => Err(ApiError::NotFound(format!("no actor with id {id}"))),
    }
}

pub async fn actor_quotes(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let id = path_id(id)?;
    let mut f = quote_filter(&query(q)?)?;
    if state.store.actor(id).await?.is_none() {
        return Err(ApiError::NotFound(format!("no actor with id {id}")));
    }
    f.actor_id = Some(id);
    Ok(page_json(state.store.quotes(&f).await?))
}

pub async fn list_entities(
    State(state): State<AppState>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = query(q)?;
    let label = match p.text("type") {
        None => None,
        Some(t) => {
            let upper = t.to_ascii_uppercase();
            let label = match upper.as_str() {
                "PERSON" => "PER".to_owned(),
                "ORGANISATION" | "ORGANIZATION" => "ORG".to_owned(),
                "PLACE" | "LOCATION" => "LOC".to_owned(),
                _ => upper,
            };
            if crate::pipeline::EntityLabel::parse(&label).is_none() {
                return Err(ApiError::InvalidField(
                    "type must be PER, ORG, LOC or MISC".into(),
                ));
            }
            Some(label)
        }
    };
    let f = EntityFilter {
        label,
        name: p.text("name"),
        article_id: p.id("article_id")?,
        limit: p.limit()?,
        offset: p.offset()?,
    };
    Ok(page_json(state.store.entities(&f).await?))
}
