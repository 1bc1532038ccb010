//! `/actors`: actors by name (or all), one actor, and an actor's quotes.

use super::error::ErrorBody;
use super::extract::{json_bytes, path_id, query, QueryParams, Result};
use super::params::{self, ActorQuery, DateRange, PageParams, QuoteQuery};
use super::quotes::quote_filter;
use super::{ApiError, AppState};
use crate::store::model::{ActorView, Page, QuoteView};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

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
        .actors_json(name.as_deref(), page.limit()?, page.offset()?)
        .await?;
    Ok(json_bytes(found))
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
