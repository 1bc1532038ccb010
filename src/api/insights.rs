//! The JSON behind the actor page: `GET /actors/{id}/timeline` and `GET /actors/{id}/network`.

use super::params::Params;
use super::{ApiError, AppState};
use crate::store::stats::Bucket;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

type Result<T> = std::result::Result<T, ApiError>;

fn params(q: std::result::Result<Query<Params>, QueryRejection>) -> Result<Params> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::InvalidField(format!("bad query string: {}", e.body_text())))
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

/// `?bucket=day|week|month` (default day), `since`, `until`: quotes per bucket, oldest
/// first, empty buckets left out.
pub async fn timeline(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let p = params(q)?;
    let bucket = match p.text("bucket") {
        None => Bucket::Day,
        Some(b) => Bucket::parse(&b)
            .ok_or_else(|| ApiError::InvalidField("bucket must be day, week or month".into()))?,
    };
    let since = p.date("since", false)?;
    let until = p.date("until", true)?;
    let id = actor_id(&state, id).await?;
    let items = state
        .store
        .timeline(id, bucket, since.as_deref(), until.as_deref())
        .await?;
    Ok(Json(json!({"actor_id": id, "bucket": bucket, "items": items})).into_response())
}

/// `?limit=` (1–500, default 50) per list: the actors this actor names in quotes, and
/// the speakers whose quotes name this actor, with quote counts.
pub async fn network(
    State(state): State<AppState>,
    id: std::result::Result<Path<i64>, PathRejection>,
    q: std::result::Result<Query<Params>, QueryRejection>,
) -> Result<Response> {
    let limit = params(q)?.limit()?;
    let id = actor_id(&state, id).await?;
    Ok(Json(state.store.network(id, limit).await?).into_response())
}
