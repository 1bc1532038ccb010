//! One error type for every route: `{"error": {"code": "...", "message": "..."}}`.

use crate::ingest::IngestError;
use crate::store::{BadCursor, StoreError};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// `code` is stable: invalid_json, invalid_field, invalid_date, invalid_limit,
/// invalid_cursor, invalid_utf8, invalid_body (400), unauthorized (401), not_found (404),
/// method_not_allowed (405), body_too_large (413), unsupported_media_type (415),
/// empty_article, no_article_body (422), internal (500), timeout, unavailable (503).
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the body is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("{0}")]
    InvalidField(String),
    #[error("{0}")]
    InvalidDate(String),
    #[error("limit must be a whole number from 1 to 500")]
    InvalidLimit,
    #[error("the cursor is not one this service issued; start again without it")]
    InvalidCursor,
    #[error("the body is not valid UTF-8")]
    InvalidUtf8,
    #[error("{0}")]
    InvalidBody(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    #[error("the body is larger than the limit of {0} bytes")]
    BodyTooLarge(usize),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the article text is empty")]
    EmptyArticle,
    #[error("no article body could be extracted from the HTML page")]
    NoArticleBody,
    #[error("a valid API key is required: send `Authorization: Bearer <key>`")]
    Unauthorized,
    #[error("the request took too long")]
    Timeout,
    #[error("the service is not ready: {0}")]
    Unavailable(String),
    #[error("internal error")]
    Internal,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        use ApiError::*;
        match self {
            InvalidJson(_) | InvalidField(_) | InvalidDate(_) | InvalidLimit | InvalidCursor
            | InvalidUtf8 | InvalidBody(_) => StatusCode::BAD_REQUEST,
            Unauthorized => StatusCode::UNAUTHORIZED,
            NotFound(_) => StatusCode::NOT_FOUND,
            MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            BodyTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            EmptyArticle | NoArticleBody => StatusCode::UNPROCESSABLE_ENTITY,
            Timeout | Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        use ApiError::*;
        match self {
            InvalidJson(_) => "invalid_json",
            InvalidField(_) => "invalid_field",
            InvalidDate(_) => "invalid_date",
            InvalidLimit => "invalid_limit",
            InvalidCursor => "invalid_cursor",
            InvalidUtf8 => "invalid_utf8",
            InvalidBody(_) => "invalid_body",
            NotFound(_) => "not_found",
            MethodNotAllowed(_) => "method_not_allowed",
            BodyTooLarge(_) => "body_too_large",
            UnsupportedMediaType(_) => "unsupported_media_type",
            EmptyArticle => "empty_article",
            NoArticleBody => "no_article_body",
            Unauthorized => "unauthorized",
            Timeout => "timeout",
            Unavailable(_) => "unavailable",
            Internal => "internal",
        }
    }

    /// `{"code", "message"}`: the inside of the error body, and a failed batch line's `error`.
    pub fn detail(&self) -> ErrorDetail {
        ErrorDetail {
            code: self.code(),
            message: self.to_string(),
        }
    }

    /// The JSON body, for use where only a status is known (fallbacks, layers).
    pub fn body(&self) -> String {
        serde_json::to_string(&ErrorBody {
            error: self.detail(),
        })
        .unwrap_or_default()
    }

    /// The error a bare status from a layer (body limit, timeout, 405) stands for.
    pub fn from_status(status: StatusCode, max_body: usize) -> ApiError {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::BodyTooLarge(max_body),
            StatusCode::NOT_FOUND => ApiError::NotFound("no such route".into()),
            StatusCode::METHOD_NOT_ALLOWED => {
                ApiError::MethodNotAllowed("this route does not take that method".into())
            }
            StatusCode::UNSUPPORTED_MEDIA_TYPE => {
                ApiError::UnsupportedMediaType("unsupported content type".into())
            }
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => ApiError::Timeout,
            StatusCode::UNAUTHORIZED => ApiError::Unauthorized,
            s if s.is_client_error() => ApiError::InvalidBody(format!("bad request ({s})")),
            _ => ApiError::Internal,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::warn!(code = self.code(), "request failed: {self}");
        }
        let mut res = (status, self.body()).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if matches!(self, ApiError::Unauthorized) {
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

impl From<IngestError> for ApiError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::InvalidJson(m) => ApiError::InvalidJson(m),
            IngestError::InvalidField(m) => ApiError::InvalidField(m),
            IngestError::InvalidUtf8 => ApiError::InvalidUtf8,
            IngestError::InvalidDate(m) => ApiError::InvalidDate(m),
            e @ IngestError::UnsupportedMediaType(_) => {
                ApiError::UnsupportedMediaType(e.to_string())
            }
            IngestError::EmptyArticle => ApiError::EmptyArticle,
            IngestError::NoArticleBody => ApiError::NoArticleBody,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Closed => ApiError::Unavailable("the service is shutting down".into()),
            e => {
                tracing::error!(error = %e, "store error");
                ApiError::Internal
            }
        }
    }
}

impl From<BadCursor> for ApiError {
    fn from(_: BadCursor) -> Self {
        ApiError::InvalidCursor
    }
}
