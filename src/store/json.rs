//! JSON written straight into a byte buffer, for the hottest pages (`GET /quotes`): the
//! same bytes `serde_json` writes for the views in `model`, without building the views
//! (one `String` per text column) first. Numbers go through `serde_json` itself; strings
//! through [`string`], which escapes exactly as `serde_json` does but skips runs of
//! plain bytes eight at a time.

use super::model::{ArticleView, EntityView, QuoteView};

/// What `serde_json` writes after a backslash for a byte, or 0 for a byte written as is
/// (`u`: `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes may need escaping (a control byte, `"` or `\`). Never
/// false when one does; bytes ≥ 0x80 (UTF-8 beyond ASCII) are never flagged.
#[inline]
fn may_escape(x: u64) -> bool {
    let zero_in = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    (control | zero_in(x ^ (LO * b'"' as u64)) | zero_in(x ^ (LO * b'\\' as u64))) != 0
}

/// `s` as a JSON string, byte for byte as `serde_json` writes it.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        while i + 8 <= bytes.len() {
            let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
            if may_escape(u64::from_le_bytes(chunk)) {
                break;
            }
            i += 8;
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let esc = ESCAPE[b as usize];
            if esc != 0 {
                out.extend_from_slice(&bytes[start..i]);
                if esc == b'u' {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(b >> 4) as usize],
                        HEX[(b & 0xf) as usize],
                    ]);
                } else {
                    out.extend_from_slice(&[b'\\', esc]);
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A string or `null`.
pub fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An integer, through `serde_json` itself (`itoa`).
pub fn int(out: &mut Vec<u8>, n: i64) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &n);
}

/// An integer or `null`.
pub fn opt_int(out: &mut Vec<u8>, n: Option<i64>) {
    match n {
        Some(n) => int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// A float through `serde_json` itself (its shortest round-trip form; `null` when not
/// finite).
pub fn float(out: &mut Vec<u8>, x: f64) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &x);
}

/// A float or `null`.
pub fn opt_float(out: &mut Vec<u8>, x: Option<f64>) {
    match x {
        Some(x) => float(out, x),
        None => out.extend_from_slice(b"null"),
    }
}

/// `,"name":` before a field after the first (field names are plain ASCII).
fn key(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// An article as `serde_json` writes an [`ArticleView`], with `"duplicate":false` last
/// when `duplicate` is given (the ingest answer, `Created`, flattens the view). Written
/// here because serde's `flatten` goes through its map serializer, and escaping the
/// article text byte by byte was a tenth of an ingest request's work on the async side.
pub fn article(out: &mut Vec<u8>, a: &ArticleView, duplicate: Option<bool>) {
    // text + a guess for the analysis; grows if needed.
    out.reserve(a.text.len() + 256 * (a.quotes.len() + 1) + 64 * a.entities.len());
    out.extend_from_slice(b"{\"id\":");
    int(out, a.id);
    key(out, "url");
    opt_string(out, a.url.as_deref());
    key(out, "source");
    opt_string(out, a.source.as_deref());
    key(out, "title");
    opt_string(out, a.title.as_deref());
    key(out, "byline");
    opt_string(out, a.byline.as_deref());
    key(out, "language");
    opt_string(out, a.language.as_deref());
    key(out, "published_at");
    opt_string(out, a.published_at.as_deref());
    key(out, "ingested_at");
    string(out, &a.ingested_at);
    key(out, "text");
    string(out, &a.text);
    key(out, "entities");
    out.push(b'[');
    for (n, e) in a.entities.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        entity(out, e);
    }
    out.push(b']');
    key(out, "quotes");
    out.push(b'[');
    for (n, q) in a.quotes.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        quote(out, q);
    }
    out.push(b']');
    key(out, "actors");
    out.push(b'[');
    for (n, r) in a.actors.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        int(out, r.id);
        key(out, "canonical_name");
        string(out, &r.canonical_name);
        key(out, "type");
        string(out, &r.kind);
        out.push(b'}');
    }
    out.push(b']');
    if let Some(d) = duplicate {
        key(out, "duplicate");
        out.extend_from_slice(if d { b"true" } else { b"false" });
    }
    out.push(b'}');
}

fn entity(out: &mut Vec<u8>, e: &EntityView) {
    out.extend_from_slice(b"{\"start\":");
    int(out, e.start);
    key(out, "end");
    int(out, e.end);
    key(out, "text");
    string(out, &e.text);
    key(out, "label");
    string(out, &e.label);
    key(out, "actor_id");
    opt_int(out, e.actor_id);
    out.push(b'}');
}

fn quote(out: &mut Vec<u8>, q: &QuoteView) {
    out.extend_from_slice(b"{\"id\":");
    int(out, q.id);
    key(out, "article_id");
    int(out, q.article_id);
    key(out, "start");
    int(out, q.start);
    key(out, "end");
    int(out, q.end);
    key(out, "text");
    string(out, &q.text);
    key(out, "kind");
    string(out, &q.kind);
    key(out, "cue");
    match &q.cue {
        Some(c) => {
            out.extend_from_slice(b"{\"start\":");
            int(out, c.start);
            key(out, "end");
            int(out, c.end);
            key(out, "text");
            string(out, &c.text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    key(out, "speaker");
    match &q.speaker {
        Some(s) => {
            out.extend_from_slice(b"{\"text\":");
            opt_string(out, s.text.as_deref());
            key(out, "start");
            opt_int(out, s.start);
            key(out, "end");
            opt_int(out, s.end);
            key(out, "name");
            opt_string(out, s.name.as_deref());
            key(out, "actor_id");
            opt_int(out, s.actor_id);
            key(out, "canonical_name");
            opt_string(out, s.canonical_name.as_deref());
            key(out, "role");
            opt_string(out, s.role.as_deref());
            key(out, "affiliation");
            opt_string(out, s.affiliation.as_deref());
            key(out, "how");
            opt_string(out, s.how.as_deref());
            key(out, "confidence");
            opt_float(out, s.confidence);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    key(out, "confidence");
    float(out, q.confidence);
    key(out, "source");
    opt_string(out, q.source.as_deref());
    key(out, "date");
    string(out, &q.date);
    key(out, "article_title");
    opt_string(out, q.article_title.as_deref());
    key(out, "article_url");
    opt_string(out, q.article_url.as_deref());
    out.push(b'}');
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut every_byte = String::new();
        for c in 0u8..=0x7f {
            every_byte.push(c as char);
        }
        for s in [
            "",
            "plain",
            "exactly8",
            "“Quoted,” he said — à la «française» 😀",
            "tab\there\nnew \"line\" back\\slash \u{1f} \u{7f}",
            "12345678\"12345678\\1234567\n",
            &every_byte,
            &every_byte.repeat(3),
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for n in [0, 1, -1, 9, 10, 1_786_767_149_629_552, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            int(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
        for x in [0.0, 0.9, 0.8999999761581421, 1.0, -2.5e-8, f64::NAN] {
            let mut out = Vec::new();
            float(&mut out, x);
            assert_eq!(out, serde_json::to_vec(&x).unwrap());
        }
    }

    proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in any::<String>()) {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn articles_are_written_as_serde_json_writes_them(a in article_view()) {
            let mut out = Vec::new();
            article(&mut out, &a, None);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&a).unwrap());
            // The ingest answer: the view flattened, then `duplicate`.
            #[derive(serde::Serialize)]
            struct Flattened<'a> {
                #[serde(flatten)]
                article: &'a ArticleView,
                duplicate: bool,
            }
            for duplicate in [false, true] {
                let mut out = Vec::new();
                article(&mut out, &a, Some(duplicate));
                let serde = serde_json::to_string(&Flattened { article: &a, duplicate }).unwrap();
                prop_assert_eq!(String::from_utf8(out).unwrap(), serde);
            }
        }
    }

    /// Article views with every optional field present or not, any text, any numbers.
    pub(crate) fn article_view() -> impl Strategy<Value = ArticleView> {
        use crate::store::model::{ActorRef, CueView, SpeakerView};
        let text = || any::<String>();
        let opt_text = || proptest::option::of(any::<String>());
        let num = || any::<i64>();
        let float = || prop_oneof![any::<f64>(), (0u32..=1000).prop_map(|n| n as f64 / 1000.0)];
        let entity = (num(), num(), text(), text(), proptest::option::of(num())).prop_map(
            |(start, end, text, label, actor_id)| EntityView {
                start,
                end,
                text,
                label,
                actor_id,
            },
        );
        let cue =
            (num(), num(), text()).prop_map(|(start, end, text)| CueView { start, end, text });
        let speaker = (
            (
                opt_text(),
                proptest::option::of(num()),
                proptest::option::of(num()),
                opt_text(),
            ),
            (
                proptest::option::of(num()),
                opt_text(),
                opt_text(),
                opt_text(),
            ),
            (opt_text(), proptest::option::of(float())),
        )
            .prop_map(
                |(
                    (text, start, end, name),
                    (actor_id, canonical_name, role, affiliation),
                    (how, confidence),
                )| {
                    SpeakerView {
                        text,
                        start,
                        end,
                        name,
                        actor_id,
                        canonical_name,
                        role,
                        affiliation,
                        how,
                        confidence,
                    }
                },
            );
        let quote = (
            (num(), num(), num(), num(), text(), text()),
            (
                proptest::option::of(cue),
                proptest::option::of(speaker),
                float(),
            ),
            (opt_text(), text(), opt_text(), opt_text()),
        )
            .prop_map(
                |(
                    (id, article_id, start, end, text, kind),
                    (cue, speaker, confidence),
                    (source, date, article_title, article_url),
                )| {
                    QuoteView {
                        id,
                        article_id,
                        start,
                        end,
                        text,
                        kind,
                        cue,
                        speaker,
                        confidence,
                        source,
                        date,
                        article_title,
                        article_url,
                    }
                },
            );
        let actor = (num(), text(), text()).prop_map(|(id, canonical_name, kind)| ActorRef {
            id,
            canonical_name,
            kind,
        });
        (
            (
                num(),
                opt_text(),
                opt_text(),
                opt_text(),
                opt_text(),
                opt_text(),
            ),
            (opt_text(), text(), text()),
            (
                proptest::collection::vec(entity, 0..4),
                proptest::collection::vec(quote, 0..4),
                proptest::collection::vec(actor, 0..3),
            ),
        )
            .prop_map(
                |(
                    (id, url, source, title, byline, language),
                    (published_at, ingested_at, text),
                    (entities, quotes, actors),
                )| {
                    ArticleView {
                        id,
                        url,
                        source,
                        title,
                        byline,
                        language,
                        published_at,
                        ingested_at,
                        text,
                        entities,
                        quotes,
                        actors,
                    }
                },
            )
    }
}
