//! Normalisation that never loses an offset.
//!
//! The output text is what the service stores and what every span points into. It is NFC,
//! with one space for any run of horizontal white space (no-break and other Unicode spaces
//! included), `\n` line ends, no control or zero-width characters (bar the C1 controls of
//! a garbled letter, "FranÃ\u{83}Â§ois", kept as the page has them), at most one blank line
//! between paragraphs, and typeset ``…'' quote pairs turned into “…”. Quote marks are
//! otherwise left as written: `segment` classifies them, so the stored text stays the
//! article as published.
//!
//! [`OffsetMap`] maps every byte offset of the output back to a code-point offset of the
//! input, which is what `analyze --jsonl` and the evaluation files use.

use unicode_normalization::char::{compose, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Output byte offset → input code-point offset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// One entry per output byte, plus one for the end of the text. Entries inside a
    /// multi-byte character repeat the character's start.
    to_input_char: Vec<u32>,
    /// Per output byte: the input code-point offset just after the character it belongs
    /// to, so that span ends map past what the span covers and no further.
    to_input_end: Vec<u32>,
}

impl OffsetMap {
    /// The input code-point offset of an output byte offset (clamped to the text).
    pub fn input_char(&self, byte: usize) -> usize {
        match self.to_input_char.get(byte) {
            Some(&c) => c as usize,
            None => self.to_input_char.last().copied().unwrap_or(0) as usize,
        }
    }
    /// The input code-point offset for an output byte offset that ends a span: just after
    /// the input characters of the span's last character (so "Padilla\u{a0}\n" does not
    /// pull the no-break space into a name ending before it).
    pub fn input_end(&self, byte: usize) -> usize {
        if byte == 0 || self.to_input_end.is_empty() {
            return self.input_char(byte);
        }
        let i = (byte - 1).min(self.to_input_end.len() - 1);
        self.to_input_end[i] as usize
    }
    /// The map for a text that was not changed at all.
    pub fn identity(text: &str) -> Self {
        let to_input_char = char_offsets(text);
        let to_input_end = to_input_char[..text.len()].iter().map(|c| c + 1).collect();
        OffsetMap {
            to_input_char,
            to_input_end,
        }
    }
}

/// Normalised text plus the way back to the input.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    pub map: OffsetMap,
}

fn is_horizontal_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Characters dropped outright: controls (but line ends), zero-width marks, soft hyphens, BOMs.
fn is_dropped(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fffe}'
    ) || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// "Â" to "Å": the Latin-1 reading of the lead byte of a two-byte UTF-8 letter, which a
/// scraper's garbled text puts before the letter's second byte ("Ã\u{83}", "Â¡"). The
/// normaliser and the tokenizer both read a garbled letter by it.
pub(crate) fn is_lead_byte_read_as_latin1(c: char) -> bool {
    ('\u{c2}'..='\u{c5}').contains(&c)
}

/// A C1 control between Latin-1 letters and signs is a byte of a UTF-8 letter that a
/// scraper read as Latin-1 ("FranÃ\u{83}Â§ois" for "François"); dropping it would change
/// the name from the one the page (and anyone searching it) has.
fn garbled_letter_part(c: char, prev: Option<char>, next: Option<char>) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
        // (after the Latin-1 reading of a UTF-8 lead byte, "Â" to "Å": not after any
        // accented letter, where a C1 control is a Windows-1252 mark read wrong)
        && prev.is_some_and(is_lead_byte_read_as_latin1)
        // (the letter after may be decomposed: "A" and a combining circumflex)
        && next.is_some_and(|n| n.is_alphabetic() || ('\u{80}'..='\u{ff}').contains(&n))
}

struct Builder {
    text: String,
    map: Vec<u32>,
    ends: Vec<u32>,
    /// Newlines pending since the last visible character.
    newlines: u32,
    space: bool,
    space_at: u32,
    newline_at: u32,
}

impl Builder {
    /// The space or line ends waiting before the next visible character.
    fn flush_pending(&mut self) {
        if self.newlines > 0 {
            if !self.text.is_empty() {
                let n = self.newlines.min(2);
                for _ in 0..n {
                    self.map.push(self.newline_at);
                    self.ends.push(self.newline_at + 1);
                    self.text.push('\n');
                }
            }
            self.newlines = 0;
            self.space = false;
        } else if self.space {
            if !self.text.is_empty() {
                self.map.push(self.space_at);
                self.ends.push(self.space_at + 1);
                self.text.push(' ');
            }
            self.space = false;
        }
    }

    fn push(&mut self, c: char, input_char: u32, input_end: u32) {
        self.flush_pending();
        for _ in 0..c.len_utf8() {
            self.map.push(input_char);
            self.ends.push(input_end);
        }
        self.text.push(c);
    }

    /// A run of ASCII characters that stay as they are, the first at `input_char`.
    fn push_ascii(&mut self, run: &str, input_char: u32) {
        self.flush_pending();
        let n = run.len() as u32;
        self.text.push_str(run);
        self.map.extend(input_char..input_char + n);
        self.ends.extend(input_char + 1..input_char + n + 1);
    }
}

/// ASCII bytes copied as they are, in runs: every visible character (not the space) but
/// the two marks of typeset quotes. Most of an article is such runs, and copying them
/// whole (with their offsets as two ranges) is what keeps this stage cheap.
fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii_graphic() && b != b'`' && b != b'\''
}

/// Normalises `input`; see the module docs for what changes.
pub fn normalize(input: &str) -> Normalized {
    normalize_runs::<true>(input)
}

/// [`normalize`]; with `SPACED_RUNS` a single space between two plain characters is
/// copied inside their run (what `flush_pending` would write for it, at its own offset),
/// so a run is a stretch of prose rather than a word. `false` is the word-by-word form the
/// tests compare it with.
fn normalize_runs<const SPACED_RUNS: bool>(input: &str) -> Normalized {
    let nfc = input.is_ascii() || is_nfc_quick(input.chars()) == IsNormalized::Yes;
    let mut b = Builder {
        text: String::with_capacity(input.len()),
        map: Vec::with_capacity(input.len() + 1),
        ends: Vec::with_capacity(input.len()),
        newlines: 0,
        space: false,
        space_at: 0,
        newline_at: 0,
    };
    let bytes = input.as_bytes();
    // `pos` is a byte offset into `input`, `at` the code-point offset of the same place.
    let mut pos = 0;
    let mut at: u32 = 0;
    while pos < bytes.len() {
        if is_plain_ascii(bytes[pos]) {
            let start = pos;
            while pos < bytes.len()
                && (is_plain_ascii(bytes[pos])
                    || SPACED_RUNS
                        && bytes[pos] == b' '
                        && bytes.get(pos + 1).is_some_and(|&b| is_plain_ascii(b)))
            {
                pos += 1;
            }
            let run = &input[start..pos];
            b.push_ascii(run, at);
            at += run.len() as u32;
            continue;
        }
        let rest = &input[pos..];
        let mut ahead = rest.chars();
        let Some(c) = ahead.next() else { break };
        let next = ahead.next();
        pos += c.len_utf8();
        let this = at;
        at += 1;
        if c == '\n' || c == '\r' {
            if c == '\r' && next == Some('\n') {
                pos += 1;
                at += 1;
            }
            if b.newlines == 0 {
                b.newline_at = this;
            }
            b.newlines += 1;
            b.space = false;
            continue;
        }
        if is_horizontal_space(c) {
            if b.newlines == 0 && !b.space {
                b.space = true;
                b.space_at = this;
            }
            continue;
        }
        if is_dropped(c) && !garbled_letter_part(c, b.text.chars().next_back(), next) {
            continue;
        }
        // Typeset quotes: `` opens, '' closes (two characters become one).
        if (c == '`' || c == '\'') && next == Some(c) {
            // '' also opens quotes in some newsrooms' text (''Like this,'' she said): it
            // opens after a space or line start when a word follows.
            let after_space = b.newlines > 0
                || b.space
                || b.text
                    .chars()
                    .next_back()
                    .is_none_or(|p| "([{\u{2014}\u{2013}-".contains(p));
            let word_next = ahead
                .next()
                .is_some_and(|n| n.is_alphanumeric() || matches!(n, '[' | '(' | '.' | '$'));
            let opens = c == '`' || after_space && word_next;
            b.push(if opens { '\u{201c}' } else { '\u{201d}' }, this, this + 2);
            pos += 1;
            at += 1;
            continue;
        }
        if !nfc && is_combining_mark(c) {
            if let Some(prev) = b.text.chars().next_back() {
                if b.newlines == 0 && !b.space {
                    if let Some(composed) = compose(prev, c) {
                        let prev_at = b.map[b.text.len() - prev.len_utf8()];
                        let keep = b.text.len() - prev.len_utf8();
                        b.text.truncate(keep);
                        b.map.truncate(keep);
                        b.ends.truncate(keep);
                        for _ in 0..composed.len_utf8() {
                            b.map.push(prev_at);
                            b.ends.push(this + 1);
                        }
                        b.text.push(composed);
                        continue;
                    }
                }
            }
        }
        b.push(c, this, this + 1);
    }
    b.map.push(at);
    Normalized {
        text: b.text,
        map: OffsetMap {
            to_input_char: b.map,
            to_input_end: b.ends,
        },
    }
}

/// Lines that belong to the page around an article, not to the article.
const JUNK_LINE_STARTS: &[&str] = &[
    "please enter your comment",
    "please enter your name",
    "please enter your email",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "you must be logged in",
    "read the rest here",
    "read the rest of",
    "read more",
    "continue reading",
    "click here",
    "share this",
    "share on",
    "share:",
    "tweet",
    "subscribe",
    "sign up for",
    "sign up to",
    "follow us",
    "related:",
    "related articles",
    "related stories",
    "also on",
    "advertisement",
    "copyright ©",
    "© ",
    "all rights reserved",
    "save my name",
    "comments",
    "tags:",
    // a WordPress comment form, line by line
    "your email address will not be published",
    "required fields are marked",
    "cancel reply",
    "notify me of",
    "this site uses akismet",
    "post comment",
    "you may also like",
    "more from",
    "most read",
];

/// Whole lines that are a page's form fields or share buttons ("Name *", "Email",
/// "Facebook"): junk only as the entire line, since they start real sentences too.
const JUNK_LINES: &[&str] = &[
    "name",
    "email",
    "e-mail",
    "website",
    "comment",
    "δ",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "copy link",
    "share",
];

fn is_junk_line(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    if lower.is_empty() {
        return false;
    }
    // Long lines are prose, whatever they start with.
    if lower.len() > 160 {
        return false;
    }
    let field = lower.trim_end_matches(['*', ':', ' ']);
    JUNK_LINES.contains(&field) || JUNK_LINE_STARTS.iter().any(|p| lower.starts_with(p))
}

/// Lines after which a page holds no more of its article: the comments, the related
/// links, the wire service's credits. Whole short lines only; "Sign up to …" is left out
/// because newsletter boxes also sit in the middle of articles.
const END_OF_ARTICLE_STARTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments are closed",
    "posted in ",
    "related topics",
    "related articles",
    "related stories",
    "more on this story",
    "explore more on these topics",
    "you may also like",
    "most read",
    "reuse this content",
    "(reporting by",
];

fn is_end_of_article(line: &str) -> bool {
    // (a prose paragraph is turned down before it is lowered: lowering leaves a character
    // at least a third of its bytes, so a line over 360 bytes stays over 120)
    if line.trim().len() > 360 {
        return false;
    }
    let lower = line.trim().to_lowercase();
    if lower.is_empty() || lower.len() > 120 {
        return false;
    }
    if END_OF_ARTICLE_STARTS.iter().any(|p| lower.starts_with(p)) {
        // ("Posted in World | Tagged …", not "Posted in Kyiv since 2019, she said …")
        return !lower.starts_with("posted in ") || lower.contains('|');
    }
    // "3 Comments", "12 thoughts on “…”" ("Read more:" boxes also sit mid-article)
    let rest = lower.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.trim();
    rest.len() < lower.len()
        && (matches!(rest, "comment" | "comments" | "responses" | "replies")
            || ["thought on ", "thoughts on ", "responses to "]
                .iter()
                .any(|w| rest.starts_with(w)))
}

/// A newsletter box that ends at `end` ("Sign up to First Edition" … "after newsletter
/// promotion"): the start of its first line, found within a few lines.
fn newsletter_box_before(text: &str, end: usize) -> Option<usize> {
    let last = text[..end].rfind('\n').map_or(0, |n| n + 1);
    if !text[last..end]
        .trim()
        .eq_ignore_ascii_case("after newsletter promotion")
    {
        return None;
    }
    let mut line_end = last.checked_sub(1)?;
    for _ in 0..8 {
        let start = text[..line_end].rfind('\n').map_or(0, |n| n + 1);
        let lower = text[start..line_end].trim().to_lowercase();
        if lower.starts_with("sign up to") || lower.starts_with("sign up for") {
            return Some(start);
        }
        line_end = start.checked_sub(1)?;
    }
    None
}

/// Byte offset at which trailing page junk starts: the first line that ends an article
/// ([`is_end_of_article`]) once past the first 30% of the text, and before it the last run
/// of lines that are all junk or blank, provided the run holds at least one junk line.
/// Returns `text.len()` when the article ends cleanly.
pub fn body_end(text: &str) -> usize {
    let mut end = text.len();
    let mut seen_junk = false;
    // (a marker near the top is more likely a page's header than its end)
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at * 10 >= text.len() * 3 && is_end_of_article(line) {
            end = at;
            seen_junk = true;
            break;
        }
        at += line.len();
    }
    let mut cut = end;
    while end > 0 {
        let start = text[..end].rfind('\n').map_or(0, |n| n + 1);
        let line = &text[start..end];
        if line.trim().is_empty() {
            // blank line: keep scanning
        } else if is_junk_line(line) {
            seen_junk = true;
            cut = start;
        } else if let Some(box_start) = newsletter_box_before(text, end) {
            // the box's promise ("Our morning email breaks down …") is no prose either
            seen_junk = true;
            cut = box_start;
            end = box_start;
            if box_start == 0 {
                break;
            }
            end -= 1;
            continue;
        } else {
            break;
        }
        if start == 0 {
            break;
        }
        end = start - 1;
    }
    if !seen_junk {
        return text.len();
    }
    // Give the cut back the blank lines before it.
    text[..cut].trim_end().len()
}

/// One code-point offset per byte of `text`, plus one for its end; the bytes inside a
/// multi-byte character repeat the character's offset.
fn char_offsets(text: &str) -> Vec<u32> {
    let mut offsets = Vec::with_capacity(text.len() + 1);
    let mut chars = 0u32;
    for &b in text.as_bytes() {
        let continues = b & 0xC0 == 0x80;
        offsets.push(if continues { chars - 1 } else { chars });
        if !continues {
            chars += 1;
        }
    }
    offsets.push(chars);
    offsets
}

/// Byte offset → code-point offset for one text, built once and shared.
///
/// For a text beyond ASCII it keeps the number of characters that start before each
/// eight-byte word, and counts inside the word at each look-up: building a table of
/// every byte's offset (`char_offsets`) cost ~37K instructions for a 3 KB article on the
/// ingest path, for the ~160 offsets an article asks for.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// `None` for an ASCII text, where the two offsets are one. Else the characters that
    /// start before each eight-byte word, then the text's length in characters.
    word_starts: Option<Vec<u32>>,
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// 1 in each byte lane of `x` that holds a UTF-8 continuation byte (`10xxxxxx`), else 0.
#[inline]
fn continuation_lanes(x: u64) -> u64 {
    // Bit 7 set and bit 6 clear (`x << 1` brings each byte's bit 6 to bit 7).
    (x & !(x << 1) & HI) >> 7
}

/// The sum of eight lanes of 0 or 1.
#[inline]
fn lane_sum(lanes: u64) -> u32 {
    (lanes.wrapping_mul(LO) >> 56) as u32
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let word_starts = (!text.is_ascii()).then(|| {
            let mut starts = Vec::with_capacity(bytes.len() / 8 + 2);
            let mut chars = 0u32;
            let mut words = bytes.chunks_exact(8);
            for w in &mut words {
                starts.push(chars);
                let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
                chars += 8 - lane_sum(continuation_lanes(x));
            }
            let rest = words.remainder();
            if !rest.is_empty() {
                starts.push(chars);
                chars += rest.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
            }
            starts.push(chars);
            starts
        });
        CharIndex {
            text: bytes,
            word_starts,
        }
    }

    /// The code-point offset of `byte` (of the character it is part of); past the end,
    /// the text's length in code points.
    pub fn char_at(&self, byte: usize) -> usize {
        match &self.word_starts {
            None => byte.min(self.text.len()),
            Some(starts) if byte >= self.text.len() => starts.last().copied().unwrap_or(0) as usize,
            Some(starts) => {
                let word = byte / 8;
                let from = word * 8;
                // Bytes `from..=byte`: 1 to 8.
                let upto = byte + 1 - from;
                let continuing = match self.text.get(from..from + 8) {
                    Some(w) => {
                        let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
                        let keep = u64::MAX >> (8 * (8 - upto));
                        lane_sum(continuation_lanes(x) & keep)
                    }
                    None => self.text[from..=byte]
                        .iter()
                        .filter(|&&b| b & 0xC0 == 0x80)
                        .count() as u32,
                };
                // The characters starting at or before `byte`, less one.
                (starts[word] + upto as u32 - continuing) as usize - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn ascii_runs_keep_offsets_in_order_and_in_the_input(
            parts in proptest::collection::vec(
                "[a-z]{1,6}|[A-Z. ,;:!?()\\-]|[ \t]{1,3}|\r\n|\n{1,3}|\r|``|''|'|`|\"|\u{a0}|\u{200b}|\u{301}|e\u{301}|\u{2014}|[\u{201c}\u{201d}\u{2019}]|\u{7}|\u{1F600}|é",
                0..40,
            )
        ) {
            let input: String = parts.concat();
            // (The character-at-a-time normalize these runs replaced was the reference
            // here for a session, byte-identical on PolNeAR and random slices; the
            // offsets are still checked against a count made a character at a time.)
            let n = normalize(&input);
            let chars = input.chars().count() as u32;
            proptest::prop_assert_eq!(n.map.to_input_char.len(), n.text.len() + 1);
            proptest::prop_assert!(n.map.to_input_char.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert_eq!(n.map.to_input_char.last().copied(), Some(chars));
            proptest::prop_assert_eq!(n.map.to_input_end.len(), n.text.len());
            for (start, end) in n.map.to_input_char.iter().zip(&n.map.to_input_end) {
                proptest::prop_assert!(start < end && *end <= chars, "{start}..{end}");
            }
            let mut by_chars = Vec::new();
            for (n, ch) in input.chars().enumerate() {
                by_chars.extend(std::iter::repeat_n(n as u32, ch.len_utf8()));
            }
            by_chars.push(input.chars().count() as u32);
            let ix = CharIndex::new(&input);
            let at: Vec<u32> = (0..=input.len()).map(|b| ix.char_at(b) as u32).collect();
            proptest::prop_assert_eq!(&at, &by_chars);
            proptest::prop_assert_eq!(ix.char_at(input.len() + 7), chars as usize);
            proptest::prop_assert_eq!(&OffsetMap::identity(&input).to_input_char, &by_chars);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The block index answers what the table of every byte's offset
        /// (`char_offsets`, the slow path it replaced) answers, for texts of many blocks.
        #[test]
        fn char_index_matches_the_table(
            parts in proptest::collection::vec(
                "[a-z ]{1,70}|\"|\u{a0}|\u{301}|é|\u{2014}|[\u{201c}\u{201d}\u{2019}]|\u{1F600}|[^\u{0}-\u{7f}]{1,9}",
                0..60,
            )
        ) {
            let input: String = parts.concat();
            let table = char_offsets(&input);
            let ix = CharIndex::new(&input);
            for b in 0..input.len() + 70 {
                let want = table.get(b).or(table.last()).copied().unwrap_or(0) as usize;
                proptest::prop_assert_eq!(ix.char_at(b), want, "byte {}", b);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        // Spaces copied inside runs change nothing: same text, same offsets.
        #[test]
        fn spaced_runs_equal_word_runs(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(" "), proptest::strategy::Just("  "),
                    proptest::strategy::Just("a"), proptest::strategy::Just("Bc"),
                    proptest::strategy::Just("''"), proptest::strategy::Just("``"),
                    proptest::strategy::Just("'"), proptest::strategy::Just("\n"),
                    proptest::strategy::Just("\r\n"), proptest::strategy::Just("\t"),
                    proptest::strategy::Just("\u{a0}"), proptest::strategy::Just("e\u{301}"),
                    proptest::strategy::Just("\u{301}"), proptest::strategy::Just("\u{200b}"),
                    proptest::strategy::Just("."), proptest::strategy::Just("("),
                    proptest::strategy::Just("\u{2014}"), proptest::strategy::Just("é"),
                ],
                0..40,
            )
        ) {
            let input: String = parts.concat();
            let a = normalize_runs::<true>(&input);
            let b = normalize_runs::<false>(&input);
            proptest::prop_assert_eq!(&a.text, &b.text);
            proptest::prop_assert_eq!(&a.map.to_input_char, &b.map.to_input_char);
            proptest::prop_assert_eq!(&a.map.to_input_end, &b.map.to_input_end);
        }
    }

    fn back(input: &str, n: &Normalized, start: usize, end: usize) -> String {
        let s = n.map.input_char(start);
        let e = n.map.input_end(end);
        input.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn keeps_the_control_of_a_garbled_letter_and_drops_the_others() {
        let input = "Fran\u{c3}\u{83}\u{c2}\u{a7}ois said\u{85} no\u{7}.";
        let n = normalize(input);
        assert_eq!(n.text, "Fran\u{c3}\u{83}\u{c2}\u{a7}ois said no.");
        let at = n.text.find("said").unwrap();
        assert_eq!(back(input, &n, at, at + 4), "said");
        // (after an accented letter a control is no part of a garbled one)
        assert_eq!(
            normalize("Jos\u{e9}\u{92}s lawyer").text,
            "Jos\u{e9}s lawyer"
        );
        // (decomposed, as some pages have it)
        let n = normalize("FranA\u{303}\u{83}A\u{302}\u{a7}ois");
        assert_eq!(n.text, "Fran\u{c3}\u{83}\u{c2}\u{a7}ois");
    }

    #[test]
    fn collapses_spaces_and_keeps_offsets() {
        let input = "the NATO  spokesperson\u{a0}said";
        let n = normalize(input);
        assert_eq!(n.text, "the NATO spokesperson said");
        let at = n.text.find("spokesperson").unwrap();
        assert_eq!(
            back(input, &n, at, at + "spokesperson".len()),
            "spokesperson"
        );
        let at = n.text.find("said").unwrap();
        assert_eq!(back(input, &n, at, at + 4), "said");
    }

    #[test]
    fn span_ends_stop_before_dropped_white_space() {
        let input = "Pamela Padilla\u{a0}\nsaid so.";
        let n = normalize(input);
        assert_eq!(n.text, "Pamela Padilla\nsaid so.");
        assert_eq!(back(input, &n, 0, "Pamela Padilla".len()), "Pamela Padilla");
        let at = n.text.find("said").unwrap();
        assert_eq!(back(input, &n, at, n.text.len()), "said so.");
    }

    #[test]
    fn typeset_quotes_become_curly() {
        let input = "He said ``no way'' today.";
        let n = normalize(input);
        assert_eq!(n.text, "He said \u{201c}no way\u{201d} today.");
        let s = n.text.find('\u{201c}').unwrap();
        let e = n.text.find('\u{201d}').unwrap() + '\u{201d}'.len_utf8();
        assert_eq!(back(input, &n, s, e), "``no way''");
    }

    #[test]
    fn doubled_apostrophes_open_and_close() {
        let n = normalize("''Bernie seemed more transparent,'' said Rachel. ''Yes.''");
        assert_eq!(
            n.text,
            "\u{201c}Bernie seemed more transparent,\u{201d} said Rachel. \u{201c}Yes.\u{201d}"
        );
    }

    #[test]
    fn nfc_composes_and_maps() {
        let input = "Jose\u{301} said, cafe\u{301}.";
        let n = normalize(input);
        assert_eq!(n.text, "Jos\u{e9} said, caf\u{e9}.");
        let at = n.text.find("said").unwrap();
        assert_eq!(back(input, &n, at, at + 4), "said");
        assert_eq!(back(input, &n, 0, "Jos\u{e9}".len()), "Jose\u{301}");
    }

    #[test]
    fn blank_lines_and_crlf() {
        let input = "Title\r\n\r\n\r\n\r\nFirst para.  \r\nSecond line\u{200b}.";
        let n = normalize(input);
        assert_eq!(n.text, "Title\n\nFirst para.\nSecond line.");
    }

    #[test]
    fn trailing_comment_form_is_junk() {
        let text = "NATO said no.\n\n Russia wants NATO forces out\n\nPlease enter your comment!\nPlease enter your name here";
        let end = body_end(text);
        assert_eq!(
            &text[..end],
            "NATO said no.\n\n Russia wants NATO forces out"
        );
        assert_eq!(body_end("Just an article."), "Just an article.".len());
        assert_eq!(
            body_end("Clinton said so.\n\nRead the rest here."),
            "Clinton said so.".len()
        );
    }

    #[test]
    fn a_wordpress_comment_form_is_junk() {
        // (the form past the first 30% of the text, where page ends are looked for)
        let article = "The Kremlin declined to comment. ".repeat(12);
        let article = article.trim_end();
        let text = format!(
            "{article}\n\nLeave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\n\nComment *\n\nName *\n\nEmail *\n\nWebsite\n\nSave my name, email, and website in this browser for the next time I comment.\n\nΔ"
        );
        assert_eq!(&text[..body_end(&text)], article);
        // a field's name that starts a sentence is prose
        let prose = "Name the day, the minister said.\n\nEmail is how they talk.";
        assert_eq!(body_end(prose), prose.len());
    }

    #[test]
    fn comments_related_links_and_credits_end_the_article() {
        let article = "“It is a start,” Landsbergis said.\n\n“We need to close the loopholes,” he said. “They know how to wait.”";
        for tail in [
            "(Reporting by Sabine Siebold; Editing by Alex Richardson)",
            "Posted in World | Tagged Japan | 3 Comments\n3 thoughts on “Talks resume”\nJohn K says:\nAbout time. “Better late than never,” as my father used to say.\nReply",
            "Related Topics\nWater\nPollution\nShare this page\nMore on this story\nSewage spills hit record high, figures show",
            "12 Comments\nGreat piece, the senator said it all.",
            "Sign up to First Edition\nFree daily newsletter\nOur morning email breaks down the key stories of the day, telling you what's happening and why it matters\nPrivacy Notice: Newsletters may contain info about charities.\nafter newsletter promotion\nExplore more on these topics\nLabour\nShare",
        ] {
            let text = format!("{article}\n\n{tail}");
            assert_eq!(&text[..body_end(&text)], article, "{tail}");
        }
        // near the top, such a line is the page's header, not the article's end
        let text = format!("Related topics\n\n{article} {article} {article}");
        assert_eq!(body_end(&text), text.len());
        // a link box in the middle, or prose that starts like a marker, ends nothing
        for middle in [
            "Read more:\nTrump leads in Iowa\n\n“We will win,” Haley said.",
            "Posted in Kyiv since 2019, she said the war had changed her.",
            "Reporting by the Post showed the deal was off.",
        ] {
            let text = format!("{article}\n\n{middle}");
            assert_eq!(body_end(&text), text.len(), "{middle}");
        }
        // and prose that starts with a number is prose
        let text = format!("{article}\n\n3 comments from the minister angered the opposition.");
        assert_eq!(body_end(&text), text.len());
    }

    #[test]
    fn long_lines_are_never_junk() {
        let prose = format!(
            "Comments {}",
            "were made by the senator at length. ".repeat(10)
        );
        assert_eq!(body_end(&prose), prose.len());
    }
}
