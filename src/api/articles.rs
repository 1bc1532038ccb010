//! `/articles`: ingest one article or a batch (analyse, then store through the writer),
//! list, read and delete them.

use super::error::{ErrorBody, ErrorDetail};
use super::extract::{body, json_bytes, page_json, path_id, query, QueryParams, Result};
use super::params::{self, ArticleQuery, DateRange, PageParams};
use super::{ApiError, AppState};
use crate::ingest::{self, ArticleRequest, BodyFormat, PoolError};
use crate::pipeline::Pipeline;
use crate::store::model::{ArticleSummary, ArticleView, Page};
use crate::store::{json, ArticleFilter, Ingested, IngestedJson, NewArticle};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

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

/// What one article ingestion came to.
enum Outcome {
    Created(Box<crate::store::model::ArticleView>),
    Duplicate(i64),
}

/// Extracts (HTML) and analyses on a pipeline thread.
async fn analyse(state: &AppState, req: ArticleRequest) -> Result<NewArticle> {
    state
        .pipeline
        .run(move |pipeline, _| analyse_here(pipeline, req))
        .await
        .map_err(pipeline_failed)?
}

/// Extracts and analyses on the calling thread (a pipeline thread).
fn analyse_here(pipeline: &Pipeline, req: ArticleRequest) -> Result<NewArticle> {
    let started = std::time::Instant::now();
    let prepared = ingest::prepare(req)?;
    let article = ingest::analyse(pipeline, prepared);
    super::metrics::observe_pipeline(started.elapsed());
    Ok(article?)
}

fn pipeline_failed(e: PoolError) -> ApiError {
    tracing::error!(error = %e, "pipeline task failed");
    ApiError::Internal
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
async fn ingest_one(state: &AppState, req: ArticleRequest) -> Result<Response> {
    if let Some(id) = known_url(state, &req).await? {
        super::metrics::article_duplicate();
        return Ok(duplicate_response(id));
    }
    // The pipeline thread queues the article for the writer itself (see
    // `Store::queue_insert_json`) unless the request is over by then (the client hung up,
    // or it ran past its timeout and was answered 503): nobody would be told it was stored.
    // (The store's error comes back as it is, to be turned into the answer here, in the
    // request's span.)
    let store = state.store.clone();
    let queued = state
        .pipeline
        .run(move |pipeline, caller| {
            let article = analyse_here(pipeline, req)?;
            if caller.is_gone() {
                return Ok(None);
            }
            Ok::<_, ApiError>(Some(store.queue_insert_json(article)))
        })
        .await
        .map_err(pipeline_failed)??;
    // (`None` only reaches a caller that is gone)
    let stored = queued.ok_or(ApiError::Internal)??;
    Ok(match stored.await? {
        IngestedJson::Created { id, quotes, body } => {
            super::metrics::article_stored(quotes);
            created_response(id, body)
        }
        IngestedJson::Duplicate { id } => {
            super::metrics::article_duplicate();
            duplicate_response(id)
        }
    })
}

/// 201 with the body `Json(Created { article, duplicate: false })` would write (the
/// store writes it: `IngestedJson`).
fn created_response(id: i64, body: Vec<u8>) -> Response {
    let mut res = json_bytes(body);
    *res.status_mut() = StatusCode::CREATED;
    if let Ok(loc) = format!("/articles/{id}").parse() {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    res
}

fn duplicate_response(id: i64) -> Response {
    (
        StatusCode::OK,
        Json(Duplicate {
            id,
            duplicate: true,
            url: format!("/articles/{id}"),
        }),
    )
        .into_response()
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
    ingest_one(&state, req).await
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
        Some(a) => {
            let mut body = Vec::new();
            json::article(&mut body, &a, None);
            Ok(json_bytes(body))
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The 201 body is what `Json(Created { .. })` writes: the `Created` the API
        /// description shows, field for field.
        #[test]
        fn created_bodies_are_the_created_schema(a in crate::store::json::tests::article_view()) {
            let mut ours = Vec::new();
            json::article(&mut ours, &a, Some(false));
            let serde = serde_json::to_vec(&Created { article: Box::new(a), duplicate: false }).unwrap();
            prop_assert_eq!(ours, serde);
        }
    }
}
