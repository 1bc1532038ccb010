//! `GET /openapi.json`: the API described in OpenAPI 3.1 (utoipa).
//!
//! The handlers parse their parameters by hand (each mistake has its own error code), so
//! the description lives here: one documented stub per route and one schema per JSON shape.
//! `tests/api_openapi.rs` keeps it honest: every documented operation is routed, every
//! route is documented, the JSON the service really sends has exactly the documented fields,
//! and a snapshot (`docs/openapi.json`) shows every change in review.
#![allow(dead_code)]

use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa::{IntoParams, OpenApi, ToSchema};

// ---------- schemas ----------

/// The body of every error.
#[derive(ToSchema, serde::Serialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// `code` is stable: invalid_json, invalid_field, invalid_date, invalid_limit,
/// invalid_cursor, invalid_utf8, invalid_body (400), unauthorized (401), not_found (404),
/// method_not_allowed (405), body_too_large (413), unsupported_media_type (415),
/// empty_article, no_article_body (422), internal (500), timeout, unavailable (503).
#[derive(ToSchema, serde::Serialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Status {
    /// `ok` (health) or `ready`.
    pub status: String,
}

/// An article to analyse: `text` or `html` (the body is extracted from the page).
#[derive(ToSchema, serde::Serialize)]
pub struct ArticleIn {
    pub text: Option<String>,
    pub html: Option<String>,
    pub title: Option<String>,
    /// Unique: posting a stored URL again answers 200 `duplicate`.
    pub url: Option<String>,
    pub source: Option<String>,
    /// RFC 3339 or YYYY-MM-DD.
    pub published_at: Option<String>,
    pub language: Option<String>,
    pub byline: Option<String>,
}

/// A stored article with its analysis. Offsets are Unicode code points into `text`.
#[derive(ToSchema, serde::Serialize)]
pub struct Article {
    pub id: i64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// ISO 8601 UTC.
    pub published_at: Option<String>,
    pub ingested_at: String,
    /// The normalised text the offsets point into.
    pub text: String,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// The stored actors this article names, by id.
    pub actors: Vec<ArticleActor>,
    /// Only in `POST /articles` answers: `false` (a new article).
    pub duplicate: Option<bool>,
}

/// An actor an article names: enough to label it; `/actors/{id}` has the rest.
#[derive(ToSchema, serde::Serialize)]
pub struct ArticleActor {
    pub id: i64,
    pub canonical_name: String,
    /// `person`, `organisation`, `place` or `group`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// The answer when the article was already stored (same URL or same normalised text).
#[derive(ToSchema, serde::Serialize)]
pub struct Duplicate {
    pub id: i64,
    /// Always `true`.
    pub duplicate: bool,
    /// Where the stored article is: `/articles/{id}`.
    pub url: String,
}

#[derive(ToSchema, serde::Serialize)]
pub struct ArticleSummary {
    pub id: i64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published_at: Option<String>,
    pub ingested_at: String,
    pub quote_count: i64,
    pub entity_count: i64,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Entity {
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// PER, ORG, LOC or MISC.
    pub label: String,
    pub actor_id: Option<i64>,
}

/// The speech verb ("said", "told").
#[derive(ToSchema, serde::Serialize)]
pub struct Cue {
    pub start: i64,
    pub end: i64,
    pub text: String,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Speaker {
    /// The words naming the speaker in the text ("he", "Blinken").
    pub text: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The speaker's name as the article resolves it.
    pub name: Option<String>,
    pub actor_id: Option<i64>,
    /// The stored actor's canonical name.
    pub canonical_name: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// named, nominal, pronoun, continuation or guess.
    pub how: Option<String>,
    pub confidence: Option<f64>,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Quote {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    pub cue: Option<Cue>,
    pub speaker: Option<Speaker>,
    pub confidence: f64,
    pub source: Option<String>,
    /// The article's date (published, else ingested), ISO 8601 UTC.
    pub date: String,
    pub article_title: Option<String>,
    pub article_url: Option<String>,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Actor {
    pub id: i64,
    pub canonical_name: String,
    /// person, organisation, place or group.
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    pub quote_count: i64,
    pub mention_count: i64,
    pub article_count: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Name searches only: exact, alias, surname, prefix or fuzzy.
    pub matched: Option<String>,
}

#[derive(ToSchema, serde::Serialize)]
pub struct EntityAggregate {
    pub actor_id: Option<i64>,
    pub name: String,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub label: String,
    pub actor_type: Option<String>,
    pub article_count: i64,
    pub mention_count: i64,
}

#[derive(ToSchema, serde::Serialize)]
pub struct TimelinePoint {
    /// The bucket's first day, YYYY-MM-DD.
    pub start: String,
    pub quotes: i64,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Timeline {
    pub actor_id: i64,
    /// day, week or month.
    pub bucket: String,
    /// Oldest first; empty buckets are left out.
    pub items: Vec<TimelinePoint>,
}

#[derive(ToSchema, serde::Serialize)]
pub struct NetworkLink {
    pub actor_id: i64,
    pub canonical_name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub quotes: i64,
}

#[derive(ToSchema, serde::Serialize)]
pub struct Network {
    pub actor_id: i64,
    /// Actors named in this actor's quotes, most often first.
    pub mentions: Vec<NetworkLink>,
    /// Speakers whose quotes name this actor, most often first.
    pub mentioned_by: Vec<NetworkLink>,
}

/// One line of a batch, in input order.
#[derive(ToSchema, serde::Serialize)]
pub struct BatchLine {
    /// 1-based line number.
    pub line: i64,
    /// 201 stored, 200 duplicate, or the error's status.
    pub status: i64,
    pub id: Option<i64>,
    pub duplicate: Option<bool>,
    pub quotes: Option<i64>,
    pub entities: Option<i64>,
    pub error: Option<ErrorDetail>,
}

#[derive(ToSchema, serde::Serialize)]
pub struct BatchResults {
    pub items: Vec<BatchLine>,
}

macro_rules! page {
    ($name:ident, $item:ty) => {
        /// One page; pass `next_cursor` as `cursor` for the next (null: the last page).
        #[derive(ToSchema, serde::Serialize)]
        pub struct $name {
            pub items: Vec<$item>,
            pub next_cursor: Option<String>,
        }
    };
}
page!(QuotePage, Quote);
page!(ArticlePage, ArticleSummary);
page!(ActorPage, Actor);
page!(EntityPage, EntityAggregate);

// ---------- parameters ----------

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ArticleMeta {
    /// For text and HTML bodies (JSON bodies carry their own).
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// RFC 3339 or YYYY-MM-DD.
    pub published_at: Option<String>,
    pub language: Option<String>,
    pub byline: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ArticleQuery {
    pub source: Option<String>,
    /// RFC 3339 or YYYY-MM-DD.
    pub since: Option<String>,
    /// RFC 3339 or YYYY-MM-DD (the whole day).
    pub until: Option<String>,
    /// 1–500, default 50.
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct QuoteQuery {
    /// Speaker name, surname or alias (case and accents ignored).
    pub speaker: Option<String>,
    pub actor_id: Option<i64>,
    /// Words in the quote (full text; every word must match).
    pub q: Option<String>,
    /// An actor named inside the quote.
    pub mentions: Option<String>,
    /// direct, indirect or mixed.
    pub kind: Option<String>,
    pub article_id: Option<i64>,
    pub source: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// 1–500, default 50.
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct ActorQuery {
    /// Ranked exact > alias > surname > prefix > fuzzy; without it every actor by id.
    pub name: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct EntityQuery {
    /// PER, ORG, LOC or MISC (also person, organisation, place).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
    pub article_id: Option<i64>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// day (default), week (starting Monday) or month.
    pub bucket: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

#[derive(IntoParams, serde::Deserialize)]
#[into_params(parameter_in = Query)]
pub struct LimitQuery {
    /// Per list, 1–500, default 50.
    pub limit: Option<u32>,
}

// ---------- operations ----------

#[utoipa::path(get, path = "/health", tag = "service",
    responses((status = 200, description = "The process is up", body = Status)))]
fn health() {}

#[utoipa::path(get, path = "/ready", tag = "service",
    responses(
        (status = 200, description = "The database answers and is migrated", body = Status),
        (status = 503, description = "unavailable", body = ErrorBody)))]
fn ready() {}

#[utoipa::path(post, path = "/articles", tag = "articles", params(ArticleMeta),
    request_body(description = "JSON, plain text (a first line followed by a blank line is the title) or an HTML page",
        content((ArticleIn = "application/json"), (String = "text/plain"), (String = "text/html"))),
    responses(
        (status = 201, description = "Analysed and stored (committed)", body = Article),
        (status = 200, description = "Already stored", body = Duplicate),
        (status = 400, description = "invalid_json, invalid_field, invalid_date, invalid_utf8, invalid_body", body = ErrorBody),
        (status = 401, description = "unauthorized (when an API key is set)", body = ErrorBody),
        (status = 413, description = "body_too_large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "empty_article, no_article_body", body = ErrorBody),
        (status = 503, description = "timeout, unavailable", body = ErrorBody)))]
fn post_article() {}

#[utoipa::path(post, path = "/articles/batch", tag = "articles",
    request_body(description = "One ArticleIn JSON object per line", content((String = "application/x-ndjson"))),
    responses(
        (status = 200, description = "One result per line, in order", body = BatchResults),
        (status = 400, description = "invalid_utf8, invalid_body", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 413, description = "body_too_large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody)))]
fn post_batch() {}

#[utoipa::path(get, path = "/articles", tag = "articles", params(ArticleQuery),
    responses(
        (status = 200, description = "Articles, newest first", body = ArticlePage),
        (status = 400, description = "invalid_date, invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 401, description = "unauthorized (when a read key is set)", body = ErrorBody)))]
fn list_articles() {}

#[utoipa::path(get, path = "/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 200, description = "The article with its entities and quotes", body = Article),
        (status = 400, description = "invalid_field (id not an integer)", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn get_article() {}

#[utoipa::path(delete, path = "/articles/{id}", tag = "articles",
    params(("id" = i64, Path, description = "Article id")),
    responses(
        (status = 204, description = "Deleted with its quotes and mentions; actors left with nothing go too"),
        (status = 400, description = "invalid_field", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn delete_article() {}

#[utoipa::path(get, path = "/quotes", tag = "quotes", params(QuoteQuery),
    responses(
        (status = 200, description = "Quotes, newest first", body = QuotePage),
        (status = 400, description = "invalid_field, invalid_date, invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody)))]
fn list_quotes() {}

#[utoipa::path(get, path = "/quotes/{id}", tag = "quotes",
    params(("id" = i64, Path, description = "Quote id")),
    responses(
        (status = 200, description = "One quote", body = Quote),
        (status = 400, description = "invalid_field", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn get_quote() {}

#[utoipa::path(get, path = "/actors", tag = "actors", params(ActorQuery),
    responses(
        (status = 200, description = "Actors, best match first", body = ActorPage),
        (status = 400, description = "invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody)))]
fn list_actors() {}

#[utoipa::path(get, path = "/actors/{id}", tag = "actors",
    params(("id" = i64, Path, description = "Actor id")),
    responses(
        (status = 200, description = "One actor", body = Actor),
        (status = 400, description = "invalid_field", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn get_actor() {}

#[utoipa::path(get, path = "/actors/{id}/quotes", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), QuoteQuery),
    responses(
        (status = 200, description = "Their quotes, newest first (same filters as /quotes)", body = QuotePage),
        (status = 400, description = "invalid_field, invalid_date, invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn actor_quotes() {}

#[utoipa::path(get, path = "/actors/{id}/timeline", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), TimelineQuery),
    responses(
        (status = 200, description = "Quotes spoken per bucket", body = Timeline),
        (status = 400, description = "invalid_field (bucket), invalid_date", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn actor_timeline() {}

#[utoipa::path(get, path = "/actors/{id}/network", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), LimitQuery),
    responses(
        (status = 200, description = "Who this actor names in quotes, and who names them", body = Network),
        (status = 400, description = "invalid_field, invalid_limit", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn actor_network() {}

#[utoipa::path(get, path = "/entities", tag = "entities", params(EntityQuery),
    responses(
        (status = 200, description = "Entities by actor (or name) and type, most articles first", body = EntityPage),
        (status = 400, description = "invalid_field, invalid_limit, invalid_cursor", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody)))]
fn list_entities() {}

#[utoipa::path(get, path = "/metrics", tag = "service",
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 401, description = "unauthorized", body = ErrorBody)))]
fn metrics() {}

#[utoipa::path(get, path = "/openapi.json", tag = "service",
    responses((status = 200, description = "This document", content_type = "application/json")))]
fn openapi_json() {}

#[utoipa::path(get, path = "/", tag = "page",
    responses((status = 200, description = "The web page (HTML)", body = String, content_type = "text/html")))]
fn page() {}

#[utoipa::path(get, path = "/assets/{file}", tag = "page",
    params(("file" = String, Path, description = "app.js, app.css or favicon.svg")),
    responses(
        (status = 200, description = "The page's script, style sheet or icon", body = String),
        (status = 404, description = "not_found", body = ErrorBody)))]
fn asset() {}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Verbatim",
        description = "Who said what, about whom: quotes, speakers and entities from news articles.\n\n\
            Lists answer `{\"items\": [...], \"next_cursor\": ...}`. Errors always answer \
            `{\"error\": {\"code\", \"message\"}}` with a stable code. When `VERBATIM_API_KEY` is set, \
            POST and DELETE need `Authorization: Bearer <key>`; when `VERBATIM_READ_KEY` is set, GET \
            routes need a key too (`/health`, `/ready` and the page stay open). Every answer carries \
            `x-request-id`.",
        license(name = "MIT")
    ),
    paths(
        health, ready, post_article, post_batch, list_articles, get_article, delete_article,
        list_quotes, get_quote, list_actors, get_actor, actor_quotes, actor_timeline,
        actor_network, list_entities, metrics, openapi_json, page, asset
    ),
    components(schemas(
        ErrorBody, ErrorDetail, Status, ArticleIn, Article, ArticleActor, Duplicate, ArticleSummary, Entity,
        Cue, Speaker, Quote, Actor, EntityAggregate, TimelinePoint, Timeline, NetworkLink,
        Network, BatchLine, BatchResults, QuotePage, ArticlePage, ActorPage, EntityPage
    )),
    tags(
        (name = "articles", description = "Analyse, store, read and delete articles"),
        (name = "quotes", description = "Who said what"),
        (name = "actors", description = "People, organisations and places, and what they said"),
        (name = "entities", description = "Named entities, aggregated"),
        (name = "service", description = "Health, readiness, metrics, this document"),
        (name = "page", description = "The web page at /")
    )
)]
pub struct ApiDoc;

/// The document as JSON (what `/openapi.json` serves).
pub fn document() -> serde_json::Value {
    serde_json::to_value(ApiDoc::openapi()).unwrap_or(serde_json::Value::Null)
}

pub async fn serve() -> Response {
    Json(document()).into_response()
}
