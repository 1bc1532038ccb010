//! `GET /openapi.json`: the API described in OpenAPI 3.1 (utoipa + utoipa-axum).
//!
//! Nothing is described here twice: each handler carries its own `#[utoipa::path]`, the
//! JSON shapes are the real types (`ToSchema` on the store's views, the ingest request and
//! the API's own answers; `IntoParams` on the query structs the handlers read), and
//! `super::api_routes` registers every route with `routes!`, so the router and this
//! document come from the same list. This module adds the title, the general description
//! and the tags. `tests/api_openapi.rs` checks the rest: routes against the document, real
//! answers against the schemas, and a snapshot (`docs/openapi.json`) for review.

use axum::http::{header, HeaderValue, Method};
use axum::response::{IntoResponse, Response};
use std::sync::OnceLock;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};

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

/// Errors that come from the layers around the handlers, added to every operation where
/// its handler does not list them: the key check (401 `unauthorized`, on the paths that
/// take a key), a handler that panicked or a store error (500 `internal`), the
/// whole-request time limit (503 `timeout`) and, on the data routes, a store shutting
/// down (503 `unavailable`).
struct AnyRouteErrors;

impl Modify for AnyRouteErrors {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        for (path, item) in doc.paths.paths.iter_mut() {
            let operations = [
                (Method::GET, &mut item.get),
                (Method::PUT, &mut item.put),
                (Method::POST, &mut item.post),
                (Method::DELETE, &mut item.delete),
                (Method::OPTIONS, &mut item.options),
                (Method::HEAD, &mut item.head),
                (Method::PATCH, &mut item.patch),
                (Method::TRACE, &mut item.trace),
            ];
            for (method, op) in operations {
                let Some(op) = op else { continue };
                let reads_store = op
                    .tags
                    .iter()
                    .flatten()
                    .all(|t| t != "service" && t != "page");
                let answers = &mut op.responses.responses;
                if !super::needs_no_key(path) {
                    answers.entry("401".into()).or_insert_with(|| {
                        error(if super::is_read(&method) {
                            "unauthorized (when a read key is set)"
                        } else {
                            "unauthorized (when an API key is set)"
                        })
                    });
                }
                answers
                    .entry("500".into())
                    .or_insert_with(|| error("internal"));
                answers.entry("503".into()).or_insert_with(|| {
                    error(if reads_store {
                        "timeout, unavailable (shutting down)"
                    } else {
                        "timeout"
                    })
                });
            }
        }
    }
}

/// The document as JSON text (what `/openapi.json` serves), built once from the routes.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc = super::api_routes().into_openapi();
        AnyRouteErrors.modify(&mut doc);
        doc.to_json().unwrap_or_else(|e| {
            tracing::error!(error = %e, "the OpenAPI document does not serialise");
            "{}".to_owned()
        })
    })
}

/// This document: the API in OpenAPI 3.1.
#[utoipa::path(get, path = "/openapi.json", operation_id = "openapi_json", tag = "service",
    responses(
        (status = 200, description = "This document (OpenAPI 3.1)", body = Object, content_type = "application/json")))]
pub async fn serve() -> Response {
    let mut res = document().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}
