//! JSON written straight into a byte buffer, for the hottest pages (`GET /quotes`): the
//! same bytes `serde_json` writes for the views in `model`, without building the views
//! (one `String` per text column) first. Numbers go through `serde_json` itself; strings
//! through [`string`], which escapes exactly as `serde_json` does but skips runs of
//! plain bytes eight at a time.

use super::model::{ArticleView, QuoteView};

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

/// Bit 7 of each of the eight bytes that may need escaping (a control byte, `"` or `\`).
/// Never clear for a byte that does, and the lowest bit set is exact: a false one comes
/// only from a borrow, above a byte that needs escaping. Bytes ≥ 0x80 (UTF-8 beyond
/// ASCII) are never flagged on their own.
#[inline]
fn escape_mask(x: u64) -> u64 {
    let zero_in = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let control = x.wrapping_sub(LO * 0x20) & !x & HI;
    control | zero_in(x ^ (LO * b'"' as u64)) | zero_in(x ^ (LO * b'\\' as u64))
}

/// The first byte of `bytes` at or after `from` that needs escaping, eight at a time
/// (the last few padded with spaces, which need none).
#[inline]
fn next_escape(bytes: &[u8], mut from: usize) -> Option<usize> {
    while from + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[from..from + 8].try_into().expect("eight bytes");
        let mask = escape_mask(u64::from_le_bytes(chunk));
        if mask != 0 {
            return Some(from + (mask.trailing_zeros() / 8) as usize);
        }
        from += 8;
    }
    let rest = bytes.len() - from;
    if rest == 0 {
        return None;
    }
    // The last 1–7 bytes as the low bytes of a word, the others spaces (no `memcpy`).
    const SPACES: u64 = LO * b' ' as u64;
    let word = if bytes.len() >= 8 {
        let last: [u8; 8] = bytes[bytes.len() - 8..].try_into().expect("eight bytes");
        u64::from_le_bytes(last) >> (8 * (8 - rest))
    } else {
        bytes[from..]
            .iter()
            .rev()
            .fold(0u64, |w, &b| (w << 8) | u64::from(b))
    };
    let mask = escape_mask(word | (SPACES << (8 * rest)));
    (mask != 0).then(|| from + (mask.trailing_zeros() / 8) as usize)
}

/// `s` as a JSON string, byte for byte as `serde_json` writes it. Plain runs are copied
/// whole; each byte to escape is found eight bytes at a time, at its exact position.
pub fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Bytes before `start` are written.
    let mut start = 0;
    let mut from = 0;
    while let Some(at) = next_escape(bytes, from) {
        let b = bytes[at];
        let esc = ESCAPE[b as usize];
        if esc != 0 {
            out.extend_from_slice(&bytes[start..at]);
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
            start = at + 1;
        }
        from = at + 1;
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
pub(super) fn key(out: &mut Vec<u8>, name: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// An article as `serde_json` writes an [`ArticleView`], with `"duplicate":false` last
/// when `duplicate` is given (the ingest answer, `Created`, flattens the view). Written
/// here because serde's `flatten` goes through its map serializer, and escaping the
/// article text byte by byte was a tenth of an ingest request's work on the async side.
pub fn article(out: &mut Vec<u8>, a: &ArticleView, duplicate: Option<bool>) {
    // Room for all of it at once (growing a ~17 KB answer copied it, and again): the
    // strings with some room for escapes, plus the keys and numbers around them.
    out.reserve(article_size_guess(a));
    article_head(
        out,
        &ArticleHead {
            id: a.id,
            url: a.url.as_deref(),
            source: a.source.as_deref(),
            title: a.title.as_deref(),
            byline: a.byline.as_deref(),
            language: a.language.as_deref(),
            published_at: a.published_at.as_deref(),
            ingested_at: &a.ingested_at,
            text: &a.text,
        },
    );
    for (n, e) in a.entities.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        entity(out, e.start, e.end, &e.text, &e.label, e.actor_id);
    }
    out.push(b']');
    key(out, "quotes");
    out.push(b'[');
    // Where the last quote's source, date, title and URL were written: every quote of
    // an article repeats its article's, copied rather than escaped again.
    let mut tail: QuoteTail = None;
    for (n, q) in a.quotes.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        quote_head(out, &QuoteHead::of(q));
        if let Some((seen, at)) = &tail {
            if seen.source == q.source
                && seen.date == q.date
                && seen.article_title == q.article_title
                && seen.article_url == q.article_url
            {
                out.extend_from_within(at.clone());
                continue;
            }
        }
        let from = out.len();
        quote_tail(
            out,
            q.source.as_deref(),
            &q.date,
            q.article_title.as_deref(),
            q.article_url.as_deref(),
        );
        tail = Some((q, from..out.len()));
    }
    out.push(b']');
    key(out, "actors");
    out.push(b'[');
    for (n, r) in a.actors.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        actor_ref(out, r.id, &r.canonical_name, &r.kind);
    }
    out.push(b']');
    article_end(out, duplicate);
}

/// An article's fields before its entities, as [`article`] writes them.
pub(super) struct ArticleHead<'a> {
    pub id: i64,
    pub url: Option<&'a str>,
    pub source: Option<&'a str>,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub language: Option<&'a str>,
    pub published_at: Option<&'a str>,
    pub ingested_at: &'a str,
    pub text: &'a str,
}

/// `{"id":…` up to and including the `[` that opens `"entities"`.
pub(super) fn article_head(out: &mut Vec<u8>, a: &ArticleHead) {
    out.extend_from_slice(b"{\"id\":");
    int(out, a.id);
    key(out, "url");
    opt_string(out, a.url);
    key(out, "source");
    opt_string(out, a.source);
    key(out, "title");
    opt_string(out, a.title);
    key(out, "byline");
    opt_string(out, a.byline);
    key(out, "language");
    opt_string(out, a.language);
    key(out, "published_at");
    opt_string(out, a.published_at);
    key(out, "ingested_at");
    string(out, a.ingested_at);
    key(out, "text");
    string(out, a.text);
    key(out, "entities");
    out.push(b'[');
}

/// An actor of `"actors"`.
pub(super) fn actor_ref(out: &mut Vec<u8>, id: i64, canonical_name: &str, kind: &str) {
    out.extend_from_slice(b"{\"id\":");
    int(out, id);
    key(out, "canonical_name");
    string(out, canonical_name);
    key(out, "type");
    string(out, kind);
    out.push(b'}');
}

/// After `"actors"`: `"duplicate"` when given, and the closing brace.
pub(super) fn article_end(out: &mut Vec<u8>, duplicate: Option<bool>) {
    if let Some(d) = duplicate {
        key(out, "duplicate");
        out.extend_from_slice(if d { b"true" } else { b"false" });
    }
    out.push(b'}');
}

/// About the bytes [`article`] writes for `a`: its strings' lengths (plus a sixteenth
/// for escapes) and a generous allowance for the keys and numbers of each part. A guess
/// for `reserve`: the buffer grows when it is short.
fn article_size_guess(a: &ArticleView) -> usize {
    let len = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let mut strings = a.text.len()
        + len(&a.url)
        + len(&a.source)
        + len(&a.title)
        + len(&a.byline)
        + len(&a.language)
        + len(&a.published_at)
        + a.ingested_at.len();
    let mut fixed = 256;
    for q in &a.quotes {
        fixed += 400;
        strings += q.text.len()
            + q.kind.len()
            + q.cue.as_ref().map_or(0, |c| c.text.len())
            + len(&q.source)
            + q.date.len()
            + len(&q.article_title)
            + len(&q.article_url);
        if let Some(s) = &q.speaker {
            strings += len(&s.text)
                + len(&s.name)
                + len(&s.canonical_name)
                + len(&s.role)
                + len(&s.affiliation)
                + len(&s.how);
        }
    }
    for e in &a.entities {
        fixed += 80;
        strings += e.text.len() + e.label.len();
    }
    for r in &a.actors {
        fixed += 64;
        strings += r.canonical_name.len() + r.kind.len();
    }
    strings + strings / 16 + fixed
}

/// An entity of `"entities"`.
pub(super) fn entity(
    out: &mut Vec<u8>,
    start: i64,
    end: i64,
    text: &str,
    label: &str,
    actor_id: Option<i64>,
) {
    out.extend_from_slice(b"{\"start\":");
    int(out, start);
    key(out, "end");
    int(out, end);
    key(out, "text");
    string(out, text);
    key(out, "label");
    string(out, label);
    key(out, "actor_id");
    opt_int(out, actor_id);
    out.push(b'}');
}

/// The end of a quote written before (from `,"source":` to its closing brace) and where
/// it is in the output.
type QuoteTail<'a> = Option<(&'a QuoteView, std::ops::Range<usize>)>;

/// A quote's fields before its article's (source, date, title, URL), borrowed.
pub(super) struct QuoteHead<'a> {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub text: &'a str,
    pub kind: &'a str,
    /// start, end, text.
    pub cue: Option<(i64, i64, &'a str)>,
    pub speaker: Option<SpeakerHead<'a>>,
    pub confidence: f64,
}

/// A quote's speaker, borrowed: [`SpeakerView`](super::model::SpeakerView)'s fields.
pub(super) struct SpeakerHead<'a> {
    pub text: Option<&'a str>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub name: Option<&'a str>,
    pub actor_id: Option<i64>,
    pub canonical_name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub affiliation: Option<&'a str>,
    pub how: Option<&'a str>,
    pub confidence: Option<f64>,
}

impl<'a> QuoteHead<'a> {
    fn of(q: &'a QuoteView) -> Self {
        QuoteHead {
            id: q.id,
            article_id: q.article_id,
            start: q.start,
            end: q.end,
            text: &q.text,
            kind: &q.kind,
            cue: q.cue.as_ref().map(|c| (c.start, c.end, c.text.as_str())),
            speaker: q.speaker.as_ref().map(|s| SpeakerHead {
                text: s.text.as_deref(),
                start: s.start,
                end: s.end,
                name: s.name.as_deref(),
                actor_id: s.actor_id,
                canonical_name: s.canonical_name.as_deref(),
                role: s.role.as_deref(),
                affiliation: s.affiliation.as_deref(),
                how: s.how.as_deref(),
                confidence: s.confidence,
            }),
            confidence: q.confidence,
        }
    }
}

/// A quote from `{"id":` to its `"confidence"`: all but [`quote_tail`].
pub(super) fn quote_head(out: &mut Vec<u8>, q: &QuoteHead) {
    out.extend_from_slice(b"{\"id\":");
    int(out, q.id);
    key(out, "article_id");
    int(out, q.article_id);
    key(out, "start");
    int(out, q.start);
    key(out, "end");
    int(out, q.end);
    key(out, "text");
    string(out, q.text);
    key(out, "kind");
    string(out, q.kind);
    key(out, "cue");
    match q.cue {
        Some((start, end, text)) => {
            out.extend_from_slice(b"{\"start\":");
            int(out, start);
            key(out, "end");
            int(out, end);
            key(out, "text");
            string(out, text);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    key(out, "speaker");
    match &q.speaker {
        Some(s) => {
            out.extend_from_slice(b"{\"text\":");
            opt_string(out, s.text);
            key(out, "start");
            opt_int(out, s.start);
            key(out, "end");
            opt_int(out, s.end);
            key(out, "name");
            opt_string(out, s.name);
            key(out, "actor_id");
            opt_int(out, s.actor_id);
            key(out, "canonical_name");
            opt_string(out, s.canonical_name);
            key(out, "role");
            opt_string(out, s.role);
            key(out, "affiliation");
            opt_string(out, s.affiliation);
            key(out, "how");
            opt_string(out, s.how);
            key(out, "confidence");
            opt_float(out, s.confidence);
            out.push(b'}');
        }
        None => out.extend_from_slice(b"null"),
    }
    key(out, "confidence");
    float(out, q.confidence);
}

/// A quote's article fields, `,"source":…` to the quote's closing brace.
pub(super) fn quote_tail(
    out: &mut Vec<u8>,
    source: Option<&str>,
    date: &str,
    article_title: Option<&str>,
    article_url: Option<&str>,
) {
    key(out, "source");
    opt_string(out, source);
    key(out, "date");
    string(out, date);
    key(out, "article_title");
    opt_string(out, article_title);
    key(out, "article_url");
    opt_string(out, article_url);
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

        /// Strings dense in bytes to escape, at every position of the eight-byte words.
        #[test]
        fn escape_dense_strings_escape_as_serde_json_does(
            s in "([a-z]{0,9}|\"|\\\\|[\u{0}-\u{1f}]|\u{7f}|é|\u{201c}|\u{1F600}){0,40}"
        ) {
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

    proptest! {
        /// Quotes that repeat their article's source, date, title and URL (as every
        /// stored quote does), some that do not: the copied tails are serde_json's bytes.
        #[test]
        fn repeated_quote_tails_are_written_as_serde_json_writes_them(
            mut a in article_view(),
            differ in proptest::collection::vec(any::<bool>(), 4),
        ) {
            let first = a.quotes.first().cloned();
            if let Some(first) = first {
                for (q, differ) in a.quotes.iter_mut().zip(differ) {
                    if !differ {
                        q.source = first.source.clone();
                        q.date = first.date.clone();
                        q.article_title = first.article_title.clone();
                        q.article_url = first.article_url.clone();
                    }
                }
            }
            let mut out = Vec::new();
            article(&mut out, &a, Some(false));
            #[derive(serde::Serialize)]
            struct Flattened<'a> {
                #[serde(flatten)]
                article: &'a ArticleView,
                duplicate: bool,
            }
            let serde = serde_json::to_string(&Flattened { article: &a, duplicate: false }).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde);
        }
    }

    /// Article views with every optional field present or not, any text, any numbers.
    pub(crate) fn article_view() -> impl Strategy<Value = ArticleView> {
        use crate::store::model::{ActorRef, CueView, EntityView, SpeakerView};
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
