//! The HTTP layer: thin handlers over `ingest`, `pipeline` and `store`.

mod actors;
mod articles;
mod entities;
pub mod error;
mod extract;
mod insights;
mod metrics;
mod openapi;
mod params;
mod quotes;
mod service;
mod views;

pub use error::ApiError;

use crate::ingest::PipelinePool;
use crate::store::Store;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Whole-request time limit.
    pub timeout: Duration,
    /// When set, POST and DELETE need `Authorization: Bearer <key>`.
    pub api_key: Option<String>,
    /// When set, reads need this key (or the write key).
    pub read_key: Option<String>,
    /// Origins allowed to call the API from a browser (CORS); empty: CORS off.
    pub cors_origins: Vec<String>,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            max_body: 5 * 1024 * 1024,
            timeout: Duration::from_secs(60),
            api_key: None,
            read_key: None,
            cors_origins: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    /// The threads that run the pipeline (one per core).
    pub pipeline: PipelinePool,
    pub config: Arc<ApiConfig>,
}

/// Every route, each with its OpenAPI operation (the handler's `#[utoipa::path]`): the
/// router and `/openapi.json` are both made from this list. One `routes!` per path.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(service::health))
        .routes(routes!(service::ready))
        .routes(routes!(articles::list_articles, articles::post_article))
        .routes(routes!(articles::post_batch))
        .routes(routes!(articles::get_article, articles::delete_article))
        .routes(routes!(quotes::list_quotes))
        .routes(routes!(quotes::get_quote))
        .routes(routes!(actors::list_actors))
        .routes(routes!(actors::get_actor))
        .routes(routes!(actors::actor_quotes))
        .routes(routes!(insights::timeline))
        .routes(routes!(insights::network))
        .routes(routes!(entities::list_entities))
        .routes(routes!(metrics::render))
        .routes(routes!(openapi::serve))
        .routes(routes!(views::index))
        .routes(routes!(views::asset))
}

/// The OpenAPI document of [`router`], as `/openapi.json` serves it.
pub fn openapi_json() -> &'static str {
    openapi::document()
}

/// The whole service as a router, ready for `axum::serve` or `oneshot` in tests.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body;
    let timeout = state.config.timeout;
    let cors = cors_layer(&state.config.cors_origins);
    // The document of the same routes is `openapi::document`, built once.
    let routes = Router::from(api_routes())
        .fallback(service::not_found)
        .layer(RouteGuard {
            config: state.config.clone(),
        })
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state);
    // CORS sits outside the key check so browsers' preflight requests get an answer.
    let routes = match cors {
        Some(cors) => routes.layer(cors),
        None => routes,
    };
    with_service_layers(routes, max_body, timeout)
}

/// `None` (CORS off) unless origins are configured; `*` allows any origin.
fn cors_layer(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<&str> = origins
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .collect();
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.contains(&"*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| o.parse::<HeaderValue>().ok()))
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST, Method::DELETE])
            .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION])
            .expose_headers([header::HeaderName::from_static("x-request-id")]),
    )
}

/// The layers around every route: request id, tracing, catch-panic (JSON 500), JSON
/// error bodies for layer-made errors, timeout, body limit, compression.
pub fn with_service_layers(routes: Router, max_body: usize, timeout: Duration) -> Router {
    routes
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(JsonErrors { max_body })
        .layer(CatchPanicLayer::custom(|_panic: Box<dyn std::any::Any + Send>| {
            tracing::error!("a handler panicked");
            ApiError::Internal.into_response()
        }))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req
                .headers()
                .get("x-request-id")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("request", method = %req.method(), uri = %req.uri(), request_id = %id)
        })
        // One access line per request (status, latency), inside the span: with the request id.
        .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

/// The future of the two hand-written layers below: the route's answer, never an error.
type LayerFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

/// Every error leaves as the JSON error body, even those made by layers and by axum
/// itself (body limit, timeout, unknown method): a non-JSON error body is replaced.
/// A service written out, not `middleware::from_fn`, which cloned the route's boxed
/// services inside it for every request.
#[derive(Clone)]
struct JsonErrors {
    max_body: usize,
}

impl<S> tower::Layer<S> for JsonErrors {
    type Service = JsonErrorsService<S>;

    fn layer(&self, inner: S) -> JsonErrorsService<S> {
        JsonErrorsService {
            inner,
            max_body: self.max_body,
        }
    }
}

#[derive(Clone)]
struct JsonErrorsService<S> {
    inner: S,
    max_body: usize,
}

impl<S> tower::Service<Request> for JsonErrorsService<S>
where
    S: tower::Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = LayerFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let routed = self.inner.call(req);
        let max_body = self.max_body;
        Box::pin(async move {
            let Ok(res) = routed.await;
            Ok(json_errors(res, max_body))
        })
    }
}

/// `res`, or the JSON error body of its status when it is an error without one.
fn json_errors(res: Response, max_body: usize) -> Response {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return res;
    }
    let mut replaced = ApiError::from_status(status, max_body).into_response();
    *replaced.status_mut() = status;
    for (name, value) in res.headers() {
        if name == header::ALLOW || name == "x-request-id" {
            replaced.headers_mut().insert(name.clone(), value.clone());
        }
    }
    replaced
}

/// Paths served without a key: /health, /ready, the page and its files.
fn needs_no_key(path: &str) -> bool {
    path == "/health" || path == "/ready" || views::is_public(path)
}

/// Reads take the read key (when one is set); the rest take the API key.
fn is_read(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Bearer keys: `api_key` guards writes (POST, DELETE); reads stay open unless
/// `read_key` is set, then they take either key. /health and /ready stay open.
fn authorized(cfg: &ApiConfig, req: &Request) -> bool {
    if needs_no_key(req.uri().path()) {
        return true;
    }
    let allowed: Vec<&str> = if is_read(req.method()) {
        match &cfg.read_key {
            Some(read) => std::iter::once(read.as_str())
                .chain(cfg.api_key.as_deref())
                .collect(),
            None => return true,
        }
    } else {
        match &cfg.api_key {
            Some(key) => vec![key.as_str()],
            None => return true,
        }
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    given.is_some_and(|given| {
        allowed
            .iter()
            .any(|k| constant_time_eq(k.as_bytes(), given.as_bytes()))
    })
}

/// The routes' layer: every routed request counted and timed (`metrics::Tracked`),
/// around the key check ([`authorized`]; 401 without calling the route). One service
/// written out rather than two `middleware::from_fn`s: each of those cloned the
/// route's boxed services for every request, and each layer on the router is one more
/// level of boxed services that the router clones for every request.
#[derive(Clone)]
struct RouteGuard {
    config: Arc<ApiConfig>,
}

impl<S> tower::Layer<S> for RouteGuard {
    type Service = Guarded<S>;

    fn layer(&self, inner: S) -> Guarded<S> {
        Guarded {
            inner,
            config: self.config.clone(),
        }
    }
}

#[derive(Clone)]
struct Guarded<S> {
    inner: S,
    config: Arc<ApiConfig>,
}

impl<S> tower::Service<Request> for Guarded<S>
where
    S: tower::Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = LayerFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let tracked = metrics::Tracked::start(&req);
        let routed = authorized(&self.config, &req).then(|| self.inner.call(req));
        Box::pin(async move {
            let res = match routed {
                Some(routed) => {
                    let Ok(res) = routed.await;
                    res
                }
                None => ApiError::Unauthorized.into_response(),
            };
            tracked.finish(res.status());
            Ok(res)
        })
    }
}

/// Compares two secrets in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares_keys() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
        assert!(constant_time_eq(b"", b""));
    }
}
