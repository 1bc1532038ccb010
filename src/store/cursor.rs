//! Opaque pagination cursors: base64 (URL-safe) of the last item's sort key.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// Keyset: the (date, id) of the last item returned, lists sorted newest first.
    Key { date: String, id: i64 },
    /// Position in a ranked list (actor search, entity aggregates).
    Offset(u64),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the cursor is not one this service issued")]
pub struct BadCursor;

impl Cursor {
    pub fn encode(&self) -> String {
        let raw = match self {
            Cursor::Key { date, id } => format!("k|{id}|{date}"),
            Cursor::Offset(n) => format!("o|{n}"),
        };
        URL_SAFE_NO_PAD.encode(raw)
    }

    pub fn decode(s: &str) -> Result<Self, BadCursor> {
        let bytes = URL_SAFE_NO_PAD.decode(s.trim()).map_err(|_| BadCursor)?;
        let raw = String::from_utf8(bytes).map_err(|_| BadCursor)?;
        let mut parts = raw.splitn(3, '|');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("k"), Some(id), Some(date)) if valid_date(date) => Ok(Cursor::Key {
                id: id.parse().map_err(|_| BadCursor)?,
                date: date.to_owned(),
            }),
            (Some("o"), Some(n), None) => Ok(Cursor::Offset(n.parse().map_err(|_| BadCursor)?)),
            _ => Err(BadCursor),
        }
    }

    pub fn key(self) -> Result<(String, i64), BadCursor> {
        match self {
            Cursor::Key { date, id } => Ok((date, id)),
            Cursor::Offset(_) => Err(BadCursor),
        }
    }

    pub fn offset(self) -> Result<u64, BadCursor> {
        match self {
            Cursor::Offset(n) => Ok(n),
            Cursor::Key { .. } => Err(BadCursor),
        }
    }
}

fn valid_date(s: &str) -> bool {
    s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b":-.+".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for c in [
            Cursor::Key {
                date: "2024-01-02T03:04:05Z".into(),
                id: 42,
            },
            Cursor::Offset(100),
        ] {
            assert_eq!(Cursor::decode(&c.encode()), Ok(c));
        }
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "!!!",
            "bm9wZQ",
            "a3xhYnx4",
            &URL_SAFE_NO_PAD.encode("o|-1"),
        ] {
            assert_eq!(Cursor::decode(s), Err(BadCursor), "{s}");
        }
    }
}
