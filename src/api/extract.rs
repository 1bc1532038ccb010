//! What every handler shares: the extractors' errors turned into `ApiError`s, and the
//! JSON responses.

use super::ApiError;
use crate::store::model::Page;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

pub(super) type Result<T> = std::result::Result<T, ApiError>;
/// A query struct as extracted: its fields are all text, so only a malformed or repeated
/// parameter fails here (invalid_field); the values are checked one by one after.
pub(super) type QueryParams<T> = std::result::Result<Query<T>, QueryRejection>;

pub(super) fn query<T>(q: QueryParams<T>) -> Result<T> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::InvalidField(format!("bad query string: {}", e.body_text())))
}

pub(super) fn path_id(p: std::result::Result<Path<i64>, PathRejection>) -> Result<i64> {
    p.map(|Path(id)| id)
        .map_err(|_| ApiError::InvalidField("the id in the path must be an integer".into()))
}

pub(super) fn body(b: std::result::Result<Bytes, BytesRejection>, max: usize) -> Result<Bytes> {
    b.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::BodyTooLarge(max)
        } else {
            ApiError::InvalidBody(e.body_text())
        }
    })
}

pub(super) fn page_json<T: Serialize>(page: Page<T>) -> Response {
    Json(page).into_response()
}

/// A JSON body already written (what `Json` answers for the same value).
pub(super) fn json_bytes(body: Vec<u8>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            axum::http::HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}
