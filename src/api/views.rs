//! The web page at `/`: one HTML file, a script and a style sheet, embedded in the
//! binary (no CDN, no build step). The page calls the JSON API from the browser.

use super::ApiError;
use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("../../assets/ui/index.html");
const APP_JS: &str = include_str!("../../assets/ui/app.js");
const APP_CSS: &str = include_str!("../../assets/ui/app.css");
const FAVICON_SVG: &str = include_str!("../../assets/ui/favicon.svg");

/// Only our own files: no inline script or style, no third-party requests.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn with_type(body: &'static str, content_type: &'static str, cache: &'static str) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// The web page: analyse an article, search quotes, browse actors.
#[utoipa::path(get, path = "/", operation_id = "page", tag = "page",
    responses((status = 200, description = "The web page (HTML); no key needed", body = String, content_type = "text/html")))]
pub async fn index() -> Response {
    let mut res = with_type(INDEX_HTML, "text/html; charset=utf-8", "no-cache");
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// The page's script, style sheet and icon.
#[utoipa::path(get, path = "/assets/{file}", tag = "page",
    params(("file" = String, Path, description = "app.js, app.css or favicon.svg")),
    responses(
        (status = 200, description = "The page's script, style sheet or icon; no key needed",
            content((String = "text/javascript"), (String = "text/css"), (String = "image/svg+xml"))),
        (status = 404, description = "not_found", body = super::error::ErrorBody)))]
pub async fn asset(Path(file): Path<String>) -> Result<Response, ApiError> {
    let cache = "no-cache";
    match file.as_str() {
        "app.js" => Ok(with_type(APP_JS, "text/javascript; charset=utf-8", cache)),
        "app.css" => Ok(with_type(APP_CSS, "text/css; charset=utf-8", cache)),
        "favicon.svg" => Ok(with_type(FAVICON_SVG, "image/svg+xml", cache)),
        _ => Err(ApiError::NotFound(format!("no asset {file:?}"))),
    }
}

/// Whether a path is the page or one of its files (served without an API key: they
/// hold no data; the page asks for a key when the API wants one).
pub fn is_public(path: &str) -> bool {
    path == "/" || path.starts_with("/assets/")
}
