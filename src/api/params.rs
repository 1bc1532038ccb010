//! Query-string parameters: typed structs (documented with `IntoParams`; a route reads
//! one or more of them from the same query string), every value taken as text and checked
//! by hand so each mistake gets its own error code.

use super::ApiError;
use crate::ingest::parse_date;
use crate::store::Cursor;
use serde::Deserialize;
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

/// `limit` and `cursor` of the paged lists.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// 1–500 (invalid_limit otherwise).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Bounds on the article date.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DateRange {
    /// RFC 3339 or YYYY-MM-DD.
    pub since: Option<String>,
    /// RFC 3339 or YYYY-MM-DD (the whole day).
    pub until: Option<String>,
}

/// `GET /articles` (with [`DateRange`] and [`PageParams`]).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArticleQuery {
    pub source: Option<String>,
}

/// `GET /quotes` and `GET /actors/{id}/quotes` (with [`DateRange`] and [`PageParams`]).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuoteQuery {
    /// Speaker name, surname or alias (case and accents ignored).
    pub speaker: Option<String>,
    /// The speaker's actor id (the path's id on `/actors/{id}/quotes`).
    #[param(value_type = Option<i64>)]
    pub actor_id: Option<String>,
    /// Words in the quote (full text; every word must match).
    pub q: Option<String>,
    /// An actor named inside the quote.
    pub mentions: Option<String>,
    /// direct, indirect or mixed.
    pub kind: Option<String>,
    #[param(value_type = Option<i64>)]
    pub article_id: Option<String>,
    pub source: Option<String>,
}

/// `GET /actors` (with [`PageParams`]).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActorQuery {
    /// Ranked exact > alias > surname > prefix > fuzzy; without it every actor by id.
    pub name: Option<String>,
}

/// `GET /entities` (with [`PageParams`]).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityQuery {
    /// PER, ORG, LOC or MISC (also person, organisation, place).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub name: Option<String>,
    #[param(value_type = Option<i64>)]
    pub article_id: Option<String>,
}

/// `GET /actors/{id}/timeline` (with [`DateRange`]).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// Weeks start on Monday.
    #[param(value_type = Option<crate::store::stats::Bucket>, default = "day")]
    pub bucket: Option<String>,
}

/// `GET /actors/{id}/network`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NetworkQuery {
    /// Per list, 1–500 (invalid_limit otherwise).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<String>,
}

/// A non-empty, trimmed text parameter.
pub fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

pub fn id(key: &str, value: &Option<String>) -> Result<Option<i64>, ApiError> {
    match text(value) {
        None => Ok(None),
        Some(s) => s
            .parse::<i64>()
            .map(Some)
            .map_err(|_| ApiError::InvalidField(format!("{key} must be an integer"))),
    }
}

pub fn limit(value: &Option<String>) -> Result<u32, ApiError> {
    match text(value) {
        None => Ok(DEFAULT_LIMIT),
        Some(s) => match s.parse::<u32>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(ApiError::InvalidLimit),
        },
    }
}

pub fn date(
    key: &str,
    value: &Option<String>,
    end_of_day: bool,
) -> Result<Option<String>, ApiError> {
    match text(value) {
        None => Ok(None),
        Some(s) => parse_date(&s, end_of_day).map(Some).map_err(|_| {
            ApiError::InvalidDate(format!(
                "{key}={s:?} is not a date; use RFC 3339 or YYYY-MM-DD"
            ))
        }),
    }
}

impl PageParams {
    pub fn limit(&self) -> Result<u32, ApiError> {
        limit(&self.limit)
    }

    fn cursor(&self) -> Result<Option<Cursor>, ApiError> {
        match text(&self.cursor) {
            None => Ok(None),
            Some(s) => Ok(Some(Cursor::decode(&s)?)),
        }
    }

    /// A keyset cursor (date-sorted lists).
    pub fn keyset(&self) -> Result<Option<(String, i64)>, ApiError> {
        Ok(match self.cursor()? {
            Some(c) => Some(c.key()?),
            None => None,
        })
    }

    /// An offset cursor (ranked lists).
    pub fn offset(&self) -> Result<u64, ApiError> {
        Ok(match self.cursor()? {
            Some(c) => c.offset()?,
            None => 0,
        })
    }
}

impl DateRange {
    /// ISO 8601 UTC, from the start of a bare day.
    pub fn since(&self) -> Result<Option<String>, ApiError> {
        date("since", &self.since, false)
    }

    /// ISO 8601 UTC, to the end of a bare day.
    pub fn until(&self) -> Result<Option<String>, ApiError> {
        date("until", &self.until, true)
    }
}
