//! Request body → an article ready for the pipeline: JSON, plain text or an HTML page.
//! Pure functions; the HTML extraction and the pipeline run on the pipeline threads
//! ([`pool::PipelinePool`]).

pub mod pool;

pub use pool::{PipelinePool, PoolError};

use crate::pipeline::html;
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

/// The JSON form of an article (`POST /articles`, one line of `POST /articles/batch`):
/// `text` or `html` (the body is extracted from the page). For text and HTML bodies the
/// metadata comes as query parameters of the same names.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema, utoipa::IntoParams)]
#[schema(as = ArticleIn)]
#[into_params(parameter_in = Query)]
pub struct ArticleRequest {
    /// The article text (taken over `html` when both are given).
    #[param(ignore)]
    pub text: Option<String>,
    /// A web page: the article body, and the metadata not given, are extracted from it.
    #[param(ignore)]
    pub html: Option<String>,
    /// Else the HTML page's, or a plain-text body's first line when a blank line follows it.
    pub title: Option<String>,
    /// Unique: posting a stored URL again answers 200 `duplicate`.
    pub url: Option<String>,
    pub source: Option<String>,
    /// RFC 3339 or YYYY-MM-DD.
    pub published_at: Option<String>,
    pub language: Option<String>,
    pub byline: Option<String>,
}

/// An article with a body to analyse and checked metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedArticle {
    pub body: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// ISO 8601 UTC, to the second.
    pub published_at: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    #[error("the body is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("{0}")]
    InvalidField(String),
    #[error("the body is not valid UTF-8")]
    InvalidUtf8,
    #[error("{0}")]
    InvalidDate(String),
    #[error("unsupported content type {0:?}; send application/json, text/plain or text/html")]
    UnsupportedMediaType(String),
    #[error("the article text is empty")]
    EmptyArticle,
    #[error("no article body could be extracted from the HTML page")]
    NoArticleBody,
}

/// The body formats the service reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    Json,
    Text,
    Html,
    Ndjson,
}

/// Reads the media type of a `Content-Type` header, ignoring parameters and case.
pub fn body_format(content_type: Option<&str>) -> Result<BodyFormat, IngestError> {
    let raw = content_type.unwrap_or("");
    let essence = raw
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/json" => Ok(BodyFormat::Json),
        "text/plain" => Ok(BodyFormat::Text),
        "text/html" | "application/xhtml+xml" => Ok(BodyFormat::Html),
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => {
            Ok(BodyFormat::Ndjson)
        }
        "" => Err(IngestError::UnsupportedMediaType("(none)".into())),
        _ => Err(IngestError::UnsupportedMediaType(raw.to_owned())),
    }
}

pub fn utf8(bytes: &[u8]) -> Result<&str, IngestError> {
    std::str::from_utf8(bytes).map_err(|_| IngestError::InvalidUtf8)
}

/// Parses the JSON form; syntax errors and type errors get different codes.
pub fn parse_json(bytes: &[u8]) -> Result<ArticleRequest, IngestError> {
    let text = utf8(bytes)?;
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            IngestError::InvalidField(format!("a field has the wrong type or shape: {e}"))
        }
        _ => IngestError::InvalidJson(e.to_string()),
    })
}

/// `text/plain`: the first line is the title when a blank line follows it.
pub fn split_plain_text(text: &str) -> (Option<String>, String) {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let second = lines.next();
    let title = first.trim();
    match second {
        Some(blank) if blank.trim().is_empty() && !title.is_empty() && title.len() <= 500 => {
            let rest = &text[first.len()..];
            (
                Some(title.to_owned()),
                rest.trim_start_matches(['\n', '\r', ' ', '\t']).to_owned(),
            )
        }
        _ => (None, text.to_owned()),
    }
}

/// A date as the service stores it: RFC 3339 (any offset) or a bare `YYYY-MM-DD`,
/// turned into UTC `YYYY-MM-DDTHH:MM:SSZ`. A bare date is the start of that day, or
/// its last second when `end_of_day` (for `until=`).
pub fn parse_date(s: &str, end_of_day: bool) -> Result<String, IngestError> {
    let s = s.trim();
    let bad = || {
        IngestError::InvalidDate(format!(
            "{s:?} is not a date; use RFC 3339 (2024-01-26T10:00:00Z) or YYYY-MM-DD"
        ))
    };
    if let Ok(dt) = OffsetDateTime::parse(s, &Rfc3339) {
        return Ok(iso(dt.to_offset(UtcOffset::UTC)));
    }
    let date = Date::parse(s, format_description!("[year]-[month]-[day]")).map_err(|_| bad())?;
    let time = if end_of_day {
        time::macros::time!(23:59:59)
    } else {
        time::Time::MIDNIGHT
    };
    Ok(iso(date.with_time(time).assume_utc()))
}

fn iso(dt: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        dt.year(),
        u8::from(dt.month()),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

fn clean(field: Option<String>) -> Option<String> {
    field.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A prepared article analysed: what the store takes. One whose analysed text is empty
/// (the page held only junk) is `EmptyArticle`. Runs the pipeline: call it on the blocking
/// pool.
pub fn analyse(
    pipeline: &crate::pipeline::Pipeline,
    prepared: PreparedArticle,
) -> Result<crate::store::NewArticle, IngestError> {
    let analysis = pipeline.analyze(&crate::pipeline::ArticleInput {
        text: &prepared.body,
        title: prepared.title.as_deref(),
        url: prepared.url.as_deref(),
        published_at: prepared.published_at.as_deref(),
    });
    if analysis.text.trim().is_empty() {
        return Err(IngestError::EmptyArticle);
    }
    Ok(crate::store::NewArticle {
        analysis,
        url: prepared.url,
        source: prepared.source,
        byline: prepared.byline,
        language: prepared.language,
        published_at: prepared.published_at,
    })
}

/// Checks the metadata and produces the body text (extracting it from HTML).
/// May take a while on a big page: call it off the async workers.
pub fn prepare(req: ArticleRequest) -> Result<PreparedArticle, IngestError> {
    let published_at = match clean(req.published_at) {
        Some(d) => Some(parse_date(&d, false)?),
        None => None,
    };
    let mut title = clean(req.title);
    let mut byline = clean(req.byline);
    let mut published_at = published_at;
    let mut url = clean(req.url);
    let body = match (req.text, req.html) {
        (Some(text), _) => text,
        (None, Some(page)) => {
            let page = html::extract(&page).map_err(|_| IngestError::NoArticleBody)?;
            if page.body.trim().is_empty() {
                return Err(IngestError::NoArticleBody);
            }
            title = title.or(clean(page.title));
            byline = byline.or(clean(page.byline));
            url = url.or(clean(page.url));
            if published_at.is_none() {
                published_at = clean(page.published_at).and_then(|d| parse_date(&d, false).ok());
            }
            page.body
        }
        (None, None) => {
            return Err(IngestError::InvalidField(
                "the article needs a \"text\" or an \"html\" field".into(),
            ))
        }
    };
    if body.trim().is_empty() {
        return Err(IngestError::EmptyArticle);
    }
    Ok(PreparedArticle {
        body,
        title,
        byline,
        url,
        source: clean(req.source),
        published_at,
        language: clean(req.language),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(
            body_format(Some("application/json; charset=utf-8")),
            Ok(BodyFormat::Json)
        );
        assert_eq!(body_format(Some("Text/Plain")), Ok(BodyFormat::Text));
        assert_eq!(body_format(Some("text/html")), Ok(BodyFormat::Html));
        assert_eq!(
            body_format(Some("application/x-ndjson")),
            Ok(BodyFormat::Ndjson)
        );
        assert!(matches!(
            body_format(Some("text/csv")),
            Err(IngestError::UnsupportedMediaType(_))
        ));
        assert!(matches!(
            body_format(None),
            Err(IngestError::UnsupportedMediaType(_))
        ));
    }

    #[test]
    fn plain_text_title() {
        let (t, b) = split_plain_text("A title\n\nFirst paragraph.\n\nSecond.");
        assert_eq!(t.as_deref(), Some("A title"));
        assert_eq!(b, "First paragraph.\n\nSecond.");
        let (t, b) = split_plain_text("No title here.\nStill the body.");
        assert_eq!(t, None);
        assert_eq!(b, "No title here.\nStill the body.");
        let (t, b) = split_plain_text("One line only");
        assert_eq!(t, None);
        assert_eq!(b, "One line only");
        let (t, _) = split_plain_text("Title\r\n\r\nBody");
        assert_eq!(t.as_deref(), Some("Title"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-01-26", false).unwrap(),
            "2024-01-26T00:00:00Z"
        );
        assert_eq!(
            parse_date("2024-01-26", true).unwrap(),
            "2024-01-26T23:59:59Z"
        );
        assert_eq!(
            parse_date("2024-01-26T12:30:00+02:00", false).unwrap(),
            "2024-01-26T10:30:00Z"
        );
        for bad in ["yesterday", "2024-13-01", "2024-01-26T25:00:00Z", ""] {
            assert!(
                matches!(parse_date(bad, false), Err(IngestError::InvalidDate(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn json_errors_are_classified() {
        assert!(matches!(
            parse_json(b"{\"text\": "),
            Err(IngestError::InvalidJson(_))
        ));
        assert!(matches!(
            parse_json(b"{\"text\": 5}"),
            Err(IngestError::InvalidField(_))
        ));
        assert!(matches!(
            parse_json(b"[1,2]"),
            Err(IngestError::InvalidField(_))
        ));
        assert!(matches!(
            parse_json(b"{\"text\": \"\xff\"}"),
            Err(IngestError::InvalidUtf8)
        ));
    }

    #[test]
    fn prepare_checks_body_and_date() {
        let empty = ArticleRequest {
            text: Some("  \n\t ".into()),
            ..Default::default()
        };
        assert_eq!(prepare(empty), Err(IngestError::EmptyArticle));
        let bad_date = ArticleRequest {
            text: Some("Words.".into()),
            published_at: Some("soon".into()),
            ..Default::default()
        };
        assert!(matches!(
            prepare(bad_date),
            Err(IngestError::InvalidDate(_))
        ));
        let neither = ArticleRequest::default();
        assert!(matches!(
            prepare(neither),
            Err(IngestError::InvalidField(_))
        ));
        let ok = prepare(ArticleRequest {
            text: Some("Words.".into()),
            title: Some("  T ".into()),
            published_at: Some("2024-01-26".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.title.as_deref(), Some("T"));
        assert_eq!(ok.published_at.as_deref(), Some("2024-01-26T00:00:00Z"));
    }
}
