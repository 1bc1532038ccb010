//! The service's own routes: liveness, readiness and the fallback.

use super::error::ErrorBody;
use super::{ApiError, AppState};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

/// The answer of `/health` and `/ready`.
#[derive(Serialize, ToSchema)]
pub struct Status {
    /// `ok` (health) or `ready`.
    pub status: &'static str,
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
