//! The JSON behind the actor page: `GET /actors/{id}/timeline` and `GET /actors/{id}/network`.

use super::error::ErrorBody;
use super::extract::{query, QueryParams};
use super::params::{self, DateRange, NetworkQuery, TimelineQuery};
use super::{ApiError, AppState};
use crate::store::stats::{Bucket, Network, TimelinePoint};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

type Result<T> = std::result::Result<T, ApiError>;

/// Quotes spoken per bucket.
#[derive(Serialize, ToSchema)]
pub struct Timeline {
    pub actor_id: i64,
    pub bucket: Bucket,
    /// Oldest first; empty buckets are left out.
    pub items: Vec<TimelinePoint>,
}

/// The actor id from the path, checked to exist.
async fn actor_id(
    state: &AppState,
    p: std::result::Result<Path<i64>, PathRejection>,
) -> Result<i64> {
    let id = p
        .map(|Path(id)| id)
        .map_err(|_| ApiError::InvalidField("the id in the path must be an integer".into()))?;
    match state.store.actor(id).await? {
        Some(_) => Ok(id),
        None => Err(ApiError::NotFound(format!("no actor with id {id}"))),
    }
}

/// Quotes an actor spoke per day, week or month, oldest first; empty buckets are left out.
#[utoipa::path(get, path = "/actors/{id}/timeline", operation_id = "actor_timeline", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), TimelineQuery, DateRange),
    responses(
        (status = 200, description = "Quotes spoken per bucket", body = Timeline),
        (status = 400, description = "invalid_field (id, bucket), invalid_date", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
pub async fn timeline(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: QueryParams<TimelineQuery>,
    dates: QueryParams<DateRange>,
) -> Result<Response> {
    let (p, dates) = (query(q)?, query(dates)?);
    let bucket = match params::text(&p.bucket) {
        None => Bucket::Day,
        Some(b) => Bucket::parse(&b)
            .ok_or_else(|| ApiError::InvalidField("bucket must be day, week or month".into()))?,
    };
    let since = dates.since()?;
    let until = dates.until()?;
    let id = actor_id(&state, id).await?;
    let items = state
        .store
        .timeline(id, bucket, since.as_deref(), until.as_deref())
        .await?;
    Ok(Json(Timeline {
        actor_id: id,
        bucket,
        items,
    })
    .into_response())
}

/// The actors this actor names in quotes, and the speakers whose quotes name this actor,
/// with quote counts.
#[utoipa::path(get, path = "/actors/{id}/network", operation_id = "actor_network", tag = "actors",
    params(("id" = i64, Path, description = "Actor id"), NetworkQuery),
    responses(
        (status = 200, description = "Who this actor names in quotes, and who names them", body = Network),
        (status = 400, description = "invalid_field (id), invalid_limit", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody)))]
pub async fn network(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: QueryParams<NetworkQuery>,
) -> Result<Response> {
    let limit = params::limit(&query(q)?.limit)?;
    let id = actor_id(&state, id).await?;
    Ok(Json(state.store.network(id, limit).await?).into_response())
}
