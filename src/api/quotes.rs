//! `/quotes`: quotes across all articles by speaker, text, mentioned actor, kind, source or
//! date, and one quote by id.

use super::error::ErrorBody;
use super::extract::{json_bytes, path_id, query, QueryParams, Result};
use super::params::{self, DateRange, PageParams, QuoteQuery};
use super::{ApiError, AppState};
use crate::store::model::{Page, QuoteView};
use crate::store::QuoteFilter;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

pub(super) fn quote_filter(
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
