//! Route handlers: parse, call ingest/pipeline/store, shape the JSON.

use super::error::{ErrorBody, ErrorDetail};
use super::params::{
    self, ActorQuery, ArticleQuery, DateRange, EntityQuery, PageParams, QuoteQuery,
};
use super::{ApiError, AppState};
use crate::ingest::{self, ArticleRequest, BodyFormat};
use crate::pipeline::ArticleInput;
use crate::store::model::{
    ActorView, ArticleSummary, ArticleView, EntityAggregate, Page, QuoteView,
};
use crate::store::{ArticleFilter, EntityFilter, Ingested, NewArticle, QuoteFilter};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

type Result<T> = std::result::Result<T, ApiError>;
/// A query struct as extracted: its fields are all text, so only a malformed or repeated
/// parameter fails here (invalid_field); the values are checked one by one after.
pub(super) type QueryParams<T> = std::result::Result<Query<T>, QueryRejection>;

pub(super) fn query<T>(q: QueryParams<T>) -> Result<T> {
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

/// A JSON body already written (what `Json` answers for the same value).
fn json_bytes(body: Vec<u8>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

/// The answer of `/health` and `/ready`.
#[derive(Serialize, ToSchema)]
pub struct Status {
    /// `ok` (health) or `ready`.
    pub status: &'static str,
}

/// A new article as stored, with `duplicate: false`.
#[derive(Serialize, ToSchema)]
pub struct Created {
    #[serde(flatten)]
    pub article: Box<ArticleView>,
    /// Always `false`.
    pub duplicate: bool,
}

/// The answer when the article was already stored (same URL or same normalised text).
#[derive(Serialize, ToSchema)]
pub struct Duplicate {
    pub id: i64,
    /// Always `true`.
    pub duplicate: bool,
    /// Where the stored article is: `/articles/{id}`.
    pub url: String,
}

/// One line of a batch, in input order.
#[derive(Serialize, ToSchema)]
pub struct BatchLine {
    /// 1-based line number.
    pub line: usize,
    /// 201 stored, 200 duplicate, or the error's status.
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<bool>,
    /// Quotes found (new articles only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes: Option<usize>,
    /// Entities found (new articles only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDetail>,
}

#[derive(Serialize, ToSchema)]
pub struct BatchResults {
    pub items: Vec<BatchLine>,
}

/// Liveness: the process is up.
#[utoipa::path(get, path = "/health", tag = "service",
    responses((status = 200, description = "The process is up", body = Status)))]
pub async fn health() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// Readiness: the database answers and every migration is applied.
#[utoipa::path(get, path = "/ready", tag = "service",
    responses(
        (status = 200, description = "The database answers and is migrated", body = Status),
        (status = 503, description = "timeout, unavailable", body = ErrorBody)))]
pub async fn ready(State(state): State<AppState>) -> Response {
    match state.store.ready().await {
        Ok(true) => Json(Status { status: "ready" }).into_response(),
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
        Outcome::Created(article) => {
            let id = article.id;
            let created = Created {
                article,
                duplicate: false,
            };
            let mut res = (StatusCode::CREATED, Json(created)).into_response();
            if let Ok(loc) = format!("/articles/{id}").parse() {
                res.headers_mut().insert(header::LOCATION, loc);
            }
            res
        }
        Outcome::Duplicate(id) => (
            StatusCode::OK,
            Json(Duplicate {
                id,
                duplicate: true,
                url: format!("/articles/{id}"),
            }),
        )
            .into_response(),
    }
}

/// Analyse one article (JSON, plain text or HTML) and store it with its quotes, entities and actors.
#[utoipa::path(post, path = "/articles", tag = "articles", params(ArticleRequest),
    request_body(description = "JSON, plain text (a first line followed by a blank line is the title) or an HTML page",
        content((ArticleRequest = "application/json"), (String = "text/plain"), (String = "text/html"))),
    responses(
        (status = 201, description = "Analysed and stored (committed)", body = Created,
            headers(("location" = String, description = "`/articles/{id}` of the new article"))),
        (status = 200, description = "Already stored", body = Duplicate),
        (status = 400, description = "invalid_json, invalid_field, invalid_date, invalid_utf8, invalid_body", body = ErrorBody),
        (status = 413, description = "body_too_large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "empty_article, no_article_body", body = ErrorBody),
        (status = 503, description = "timeout, unavailable", body = ErrorBody)))]
pub async fn post_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: QueryParams<ArticleRequest>,
    raw: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("(not text)"));
    let format = ingest::body_format(content_type)?;
    let params = query(q)?;
    let raw = body(raw, state.config.max_body)?;
    // Metadata for text and HTML bodies comes from the query string (the body, not).
    let meta = || ArticleRequest {
        text: None,
        html: None,
        title: params::text(&params.title),
        ..params.clone()
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

/// Analyse and store many articles, one JSON article per line (NDJSON), in one transaction.
#[utoipa::path(post, path = "/articles/batch", tag = "articles",
    request_body(description = "One ArticleIn JSON object per line", content((String = "application/x-ndjson"))),
    responses(
        (status = 200, description = "One result per line, in order", body = BatchResults),
        (status = 400, description = "invalid_utf8, invalid_body", body = ErrorBody),
        (status = 413, description = "body_too_large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 503, description = "timeout, unavailable", body = ErrorBody)))]
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
    let items = results
        .into_iter()
        .map(|(index, result)| {
            let line = BatchLine {
                line: index + 1,
                status: 0,
                id: None,
                duplicate: None,
                quotes: None,
                entities: None,
                error: None,
            };
            match result {
                Ok(Outcome::Created(view)) => BatchLine {
                    status: 201,
                    id: Some(view.id),
                    duplicate: Some(false),
                    quotes: Some(view.quotes.len()),
                    entities: Some(view.entities.len()),
                    ..line
                },
                Ok(Outcome::Duplicate(id)) => BatchLine {
                    status: 200,
                    id: Some(id),
                    duplicate: Some(true),
                    ..line
                },
                Err(e) => BatchLine {
                    status: e.status().as_u16(),
                    error: Some(e.detail()),
                    ..line
                },
            }
        })
        .collect();
    Ok(Json(BatchResults { items }).into_response())
}

/// Stored articles, newest first, with their quote and entity counts.
#[utoipa::path(get, path = "/articles", tag = "articles", params(ArticleQuery, DateRange, PageParams),
    responses(
        (status = 200, description = "Articles, newest first", body = Page<ArticleSummary>),
        (status = 400, description = "invalid_field, invalid_date, invalid_limit, invalid_cursor", body = ErrorBody)))]
pub async fn list_articles(
    State(state): State<AppState>,
    q: QueryParams<ArticleQuery>,
    dates: QueryParams<DateRange>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let (q, dates, page) = (query(q)?, query(dates)?, query(page)?);
    let f = ArticleFilter {
        source: params::text(&q.source),
        since: dates.since()?,
        until: dates.until()?,
        limit: page.limit()?,
        after: page.keyset()?,
    };
    Ok(page_json(state.store.articles(&f).await?))
}

/// One stored article with its text, entities, quotes and actors.
#[utoipa::path(get, path = "/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The article with its entities, quotes and actors", body = ArticleView),
        (status = 400, description = "invalid_field (id not an integer)", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
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

/// Delete an article with its quotes and mentions.
#[utoipa::path(delete, path = "/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 204, description = "Deleted with its quotes and mentions; actors left with nothing go too"),
        (status = 400, description = "invalid_field (id not an integer)", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 503, description = "timeout, unavailable", body = ErrorBody)))]
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

fn quote_filter(
    q: QueryParams<QuoteQuery>,
    dates: QueryParams<DateRange>,
    page: QueryParams<PageParams>,
) -> Result<QuoteFilter> {
    let (p, dates, page) = (query(q)?, query(dates)?, query(page)?);
    let kind = match params::text(&p.kind) {
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
        speaker: params::text(&p.speaker),
        actor_id: params::id("actor_id", &p.actor_id)?,
        q: params::text(&p.q),
        mentions: params::text(&p.mentions),
        kind,
        article_id: params::id("article_id", &p.article_id)?,
        source: params::text(&p.source),
        since: dates.since()?,
        until: dates.until()?,
        limit: page.limit()?,
        after: page.keyset()?,
    })
}

/// Quotes across all articles, newest first, by speaker, text, mentioned actor, kind, source or date.
#[utoipa::path(get, path = "/quotes", tag = "quotes", params(QuoteQuery, DateRange, PageParams),
    responses(
        (status = 200, description = "Quotes, newest first", body = Page<QuoteView>),
        (status = 400, description = "invalid_field, invalid_date, invalid_limit, invalid_cursor", body = ErrorBody)))]
pub async fn list_quotes(
    State(state): State<AppState>,
    q: QueryParams<QuoteQuery>,
    dates: QueryParams<DateRange>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let f = quote_filter(q, dates, page)?;
    Ok(json_bytes(state.store.quotes_json(&f).await?))
}

/// One quote with its speaker, cue and article.
#[utoipa::path(get, path = "/quotes/{id}", tag = "quotes",
    params(("id" = i64, Path, description = "Quote id")),
    responses(
        (status = 200, description = "One quote", body = QuoteView),
        (status = 400, description = "invalid_field (id not an integer)", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
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

/// Actors (people, organisations, places, groups), by name or all by id.
#[utoipa::path(get, path = "/actors", tag = "actors", params(ActorQuery, PageParams),
    responses(
        (status = 200, description = "Actors, best match first", body = Page<ActorView>),
        (status = 400, description = "invalid_field, invalid_limit, invalid_cursor", body = ErrorBody)))]
pub async fn list_actors(
    State(state): State<AppState>,
    q: QueryParams<ActorQuery>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let (q, page) = (query(q)?, query(page)?);
    let name = params::text(&q.name);
    let found = state
        .store
        .actors(name.as_deref(), page.limit()?, page.offset()?)
        .await?;
    Ok(page_json(found))
}

/// One actor: aliases, roles, affiliations and counts.
#[utoipa::path(get, path = "/actors/{id}", tag = "actors",
    params(("id" = i64, Path, description = "Actor id")),
    responses(
        (status = 200, description = "One actor", body = ActorView),
        (status = 400, description = "invalid_field (id not an integer)", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
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

/// An actor's quotes, newest first (the filters of `/quotes`).
#[utoipa::path(get, path = "/actors/{id}/quotes", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), QuoteQuery, DateRange, PageParams),
    responses(
        (status = 200, description = "Their quotes, newest first (same filters as /quotes)", body = Page<QuoteView>),
        (status = 400, description = "invalid_field, invalid_date, invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
pub async fn actor_quotes(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: QueryParams<QuoteQuery>,
    dates: QueryParams<DateRange>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let id = path_id(id)?;
    let mut f = quote_filter(q, dates, page)?;
    if state.store.actor(id).await?.is_none() {
        return Err(ApiError::NotFound(format!("no actor with id {id}")));
    }
    f.actor_id = Some(id);
    Ok(json_bytes(state.store.quotes_json(&f).await?))
}

/// Named entities aggregated by actor (or name) and type, most articles first.
#[utoipa::path(get, path = "/entities", tag = "entities", params(EntityQuery, PageParams),
    responses(
        (status = 200, description = "Entities by actor (or name) and type, most articles first", body = Page<EntityAggregate>),
        (status = 400, description = "invalid_field, invalid_limit, invalid_cursor", body = ErrorBody)))]
pub async fn list_entities(
    State(state): State<AppState>,
    q: QueryParams<EntityQuery>,
    page: QueryParams<PageParams>,
) -> Result<Response> {
    let (p, page) = (query(q)?, query(page)?);
    let label = match params::text(&p.kind) {
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
        name: params::text(&p.name),
        article_id: params::id("article_id", &p.article_id)?,
        limit: page.limit()?,
        offset: page.offset()?,
    };
    Ok(page_json(state.store.entities(&f).await?))
}
