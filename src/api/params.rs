//! Query-string parameters, parsed by hand so each mistake gets its own error code.

use super::ApiError;
use crate::ingest::parse_date;
use crate::store::Cursor;
use std::collections::HashMap;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

/// Raw query parameters (last value wins).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Params(pub HashMap<String, String>);

impl Params {
    /// A non-empty, trimmed text parameter.
    pub fn text(&self, key: &str) -> Option<String> {
        self.0
            .get(key)
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    pub fn id(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.text(key) {
            None => Ok(None),
            Some(s) => s
                .parse::<i64>()
                .map(Some)
                .map_err(|_| ApiError::InvalidField(format!("{key} must be an integer"))),
        }
    }

    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.text("limit") {
            None => Ok(DEFAULT_LIMIT),
            Some(s) => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
                _ => Err(ApiError::InvalidLimit),
            },
        }
    }

    pub fn date(&self, key: &str, end_of_day: bool) -> Result<Option<String>, ApiError> {
        match self.text(key) {
            None => Ok(None),
            Some(s) => parse_date(&s, end_of_day).map(Some).map_err(|_| {
                ApiError::InvalidDate(format!(
                    "{key}={s:?} is not a date; use RFC 3339 or YYYY-MM-DD"
                ))
            }),
        }
    }

    pub fn cursor(&self) -> Result<Option<Cursor>, ApiError> {
        match self
            .0
            .get("cursor")
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) => Ok(Some(Cursor::decode(s)?)),
        }
    }

    pub fn keyset(&self) -> Result<Option<(String, i64)>, ApiError> {
        Ok(match self.cursor()? {
            Some(c) => Some(c.key()?),
            None => None,
        })
    }

    pub fn offset(&self) -> Result<u64, ApiError> {
        Ok(match self.cursor()? {
            Some(c) => c.offset()?,
            None => 0,
        })
    }
}
