//! Paragraphs, sentences and tokens, each with byte spans into the text.
//!
//! Written here rather than taken from a crate: the later stages need quote marks as
//! tokens of their own (with a guess at whether each opens or closes), possessives and
//! clitics split the way CoNLL tokenises them (the NER model is trained on that), and
//! sentence breaks that know a closing quote belongs to the sentence before it and that
//! "U.S.", "Gen.", "R-Wis." and "No. 2" end nothing. The sentence-splitting crates
//! (sentencize, sentencex) return strings without those token classes; one linear pass
//! here does all three.

use super::lexicon;
use super::Span;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteSide {
    Open,
    Close,
    /// A straight mark whose direction the context does not settle.
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QuoteMark {
    /// Double (“ ” " « » „) rather than single (‘ ’ ' ‹ ›).
    pub double: bool,
    pub side: QuoteSide,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, dots or ampersands ("U.S.", "NATO-Russia").
    Word,
    /// A split-off clitic or possessive ("'s", "n't", "'re").
    Clitic,
    Number,
    /// Sentence-final punctuation: . ! ? …
    Terminal,
    /// Any other punctuation or symbol, one character (dashes: a run of them).
    Punct,
    Quote(QuoteMark),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word | TokenKind::Clitic | TokenKind::Number
        )
    }
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into [`Doc::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
}

/// A segmented text.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
}

impl Doc {
    pub fn token_text<'a>(&self, text: &'a str, i: usize) -> &'a str {
        self.tokens[i].span.text(text)
    }
    /// The sentence holding token `i` (binary search).
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
    /// The first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}

/// Abbreviations that keep their period and never end a sentence: titles, months,
/// states, and words that take a number ("No. 2").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "cpl", "pvt", "pres", "sec", "secy", "amb", "atty", "hon", "rev", "fr",
    "st", "sr", "jr", "messrs", "supt", "insp", "det", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "approx", "est",
    "inc", "corp", "ltd", "co", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "mt", "ft",
    "vs", "v", "etc", "al", "cf", "ca", "ala", "ariz", "ark", "calif", "colo", "conn", "del",
    "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss",
    "mo", "mont", "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo", "e.g", "i.e", "a.m", "p.m", "sens", "reps", "govs", "gens", "drs", "profs",
];

/// Abbreviations after which a capitalised word still continues the sentence: a person's
/// title ("Sen. Paul Ryan"), and "St.", "No.", "vs." and the like.
fn never_ends_sentence(lower: &str) -> bool {
    lexicon::is_person_title_abbreviation(lower)
        || matches!(
            lower,
            "st" | "messrs" | "no" | "nos" | "vol" | "p" | "pp" | "fig" | "vs" | "cf"
            // a case's name: "Roe v. Wade"
            | "v"
            // Plural titles before a list of names: "Sens. Jon Tester and David Vitter".
            | "sens" | "reps" | "govs" | "gens" | "drs" | "profs"
        )
}

fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 8];
    let n = word.len();
    for (i, b) in word.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..n]).unwrap_or("");
    ABBREVIATION_SET.contains(lower)
}

/// [`ABBREVIATIONS`] as a hash set: asked for most words before a period, where a scan of
/// the list cost ~700 instructions a word.
static ABBREVIATION_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// Words that commonly start a sentence; after "U.S." or an initial they mark a break.
fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "If"
            | "When"
            | "While"
            | "As"
            | "After"
            | "Before"
            | "However"
            | "Still"
            | "Yet"
            | "So"
            | "For"
            | "Now"
            | "Then"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Some"
            | "Many"
            | "Most"
            | "Officials"
            | "Meanwhile"
    )
}

fn is_letter(c: char) -> bool {
    // (no ASCII character is a combining mark, and the mark table is a hash probe)
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if is_general_punctuation(c) {
        false
    } else {
        c.is_alphabetic() || c.is_mark()
    }
}

/// `char::is_numeric`, without the binary search of the Unicode tables for the quotation
/// marks, dashes and ellipses of news text.
fn is_numeric(c: char) -> bool {
    !is_general_punctuation(c) && c.is_numeric()
}

/// The General Punctuation block (U+2000–U+206F: curly quotes, dashes, the ellipsis, odd
/// spaces). It holds no letter, combining mark or number, and after ASCII it is where
/// most characters of news text come from; asking the Unicode tables about each of its
/// characters (several times each: peeks at the characters around a quote mark) is a
/// binary search.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

trait CharExt {
    fn is_mark(&self) -> bool;
}
impl CharExt for char {
    fn is_mark(&self) -> bool {
        unicode_normalization::char::is_combining_mark(*self)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn quote_mark(c: char) -> Option<QuoteMark> {
    let (double, side) = match c {
        '\u{201c}' | '\u{201e}' | '\u{00ab}' | '\u{201f}' => (true, QuoteSide::Open),
        '\u{201d}' | '\u{00bb}' => (true, QuoteSide::Close),
        '"' | '\u{ff02}' => (true, QuoteSide::Either),
        '\u{2018}' | '\u{201a}' | '\u{2039}' => (false, QuoteSide::Open),
        '\u{2019}' | '\u{203a}' => (false, QuoteSide::Close),
        '\'' | '`' | '\u{00b4}' => (false, QuoteSide::Either),
        _ => return None,
    };
    Some(QuoteMark { double, side })
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// No sentence is longer than this many tokens; real ones almost never come close.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Splits `text` into tokens (one linear pass).
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    let char_at = |i: usize| text[i..].chars().next();
    let prev_char = |i: usize| text[..i].chars().next_back();
    // An open single quote waiting for its close: then "yes’" closes it rather than
    // being a plural possessive.
    let mut single_open = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' {
                single_open = false;
            }
            continue;
        }
        if is_letter(c) || c.is_ascii_digit() || is_numeric(c) {
            // A word or number: letters/digits, with inner . - & / ' kept when a
            // letter or digit follows them.
            let mut end = start + c.len_utf8();
            let mut has_letter = is_letter(c);
            let mut has_inner_dot = false;
            while let Some(&(i, d)) = chars.peek() {
                let letter = is_letter(d);
                if letter || is_numeric(d) {
                    has_letter |= letter;
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                let next = char_at(i + d.len_utf8());
                let next_alnum = next.is_some_and(|n| is_letter(n) || is_numeric(n));
                // A Latin-1 sign or C1 control between letters is a UTF-8 letter read as
                // Latin-1 by a scraper ("SarukhÃÂ¡n", "GuantÃ¡namo", "FranÃ\u{83}Â§ois"):
                // the name stays one word.
                if ('\u{80}'..='\u{bf}').contains(&d)
                    && d != '\u{a0}'
                    && quote_mark(d).is_none()
                    && next.is_some_and(is_letter)
                    && text[..i].ends_with(super::normalize::is_lead_byte_read_as_latin1)
                {
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                // An apostrophe inside a name ("O’Malley", "D’Souza") when what follows is
                // not a clitic ("’s", "n’t", "’re", …).
                if is_apostrophe(d) && next.is_some_and(is_letter) {
                    let after = &text[i + d.len_utf8()..];
                    let tail: String = after.chars().take_while(|c| is_letter(*c)).collect();
                    let clitic = matches!(
                        tail.to_ascii_lowercase().as_str(),
                        "s" | "re" | "ll" | "ve" | "d" | "m" | "t"
                    );
                    if !clitic {
                        end = i + d.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                if matches!(
                    d,
                    '.' | '-' | '&' | '/' | '\u{2010}' | '\u{2011}' | ',' | ':' | '@' | '_'
                ) && next_alnum
                {
                    // "3,000" and "3:30" only between digits; commas never inside words.
                    if matches!(d, ',' | ':')
                        && !(text[start..i]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                            && next.is_some_and(|n| n.is_ascii_digit()))
                    {
                        break;
                    }
                    if d == '.' {
                        has_inner_dot = true;
                    }
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                break;
            }
            // Clitics: split "n't" and "'s", "'re", … off the word.
            let word = &text[start..end];
            let mut word_end = end;
            if has_letter && word.len() >= 3 && word.ends_with("n") {
                if let Some(&(i, d)) = chars.peek() {
                    if is_apostrophe(d) && char_at(i + d.len_utf8()) == Some('t') {
                        let after = i + d.len_utf8() + 1;
                        if !char_at(after).is_some_and(is_letter) {
                            // "doesn" + "'t" → "does" + "n't"
                            word_end = end - 1;
                            tokens.push(Token {
                                span: Span::new(start, word_end),
                                kind: TokenKind::Word,
                            });
                            tokens.push(Token {
                                span: Span::new(word_end, after),
                                kind: TokenKind::Clitic,
                            });
                            chars.next();
                            chars.next();
                            continue;
                        }
                    }
                }
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            // Abbreviations keep their period: "Mr.", "U.S.", "J.", "R-Wis.".
            let mut with_period = false;
            if has_letter && bytes.get(end) == Some(&b'.') {
                let last_part = word.rsplit(['-', '.']).next().unwrap_or(word);
                // ("Neither do I.", "more than I.": the pronoun after an auxiliary or
                // "than" is no initial; "designed by I. M. Pei" has one)
                let pronoun_i = word == "I"
                    && tokens.last().is_some_and(|t: &Token| {
                        let prev = t.span.text(text);
                        t.kind == TokenKind::Word
                            && (matches!(prev, "than" | "do" | "did" | "am" | "so")
                                || lexicon::is_auxiliary_or_modal(prev))
                    });
                let single_cap = word.chars().count() == 1 && c.is_uppercase() && !pronoun_i;
                if has_inner_dot
                    || single_cap
                    || is_abbreviation(word)
                    || word.contains('-') && is_abbreviation(last_part)
                {
                    with_period = true;
                }
            }
            if with_period {
                chars.next();
                tokens.push(Token {
                    span: Span::new(start, end + 1),
                    kind,
                });
            } else {
                tokens.push(Token {
                    span: Span::new(start, word_end),
                    kind,
                });
            }
            continue;
        }
        if let Some(mark) = quote_mark(c) {
            let end = start + c.len_utf8();
            let before = prev_char(start);
            let after = char_at(end);
            // An apostrophe that opens a clitic: "'s", "'re", "'ll", "'ve", "'d", "'m".
            if is_apostrophe(c) && before.is_some_and(|b| is_letter(b) || b.is_ascii_digit()) {
                let rest = &text[end..];
                let clitic_len = [
                    "s", "re", "ll", "ve", "d", "m", "S", "RE", "LL", "VE", "D", "M",
                ]
                .iter()
                .filter(|cl| rest.starts_with(**cl))
                .map(|cl| cl.len())
                .find(|&n| {
                    !rest[n..]
                        .chars()
                        .next()
                        .is_some_and(|x| is_letter(x) || x.is_ascii_digit())
                });
                if let Some(n) = clitic_len {
                    tokens.push(Token {
                        span: Span::new(start, end + n),
                        kind: TokenKind::Clitic,
                    });
                    for _ in 0..n {
                        chars.next();
                    }
                    continue;
                }
                // "o'clock"-style inner apostrophes were handled as word breaks; a plural
                // possessive ("allies’ ") reads as a clitic of its own.
                if before == Some('s') && !after.is_some_and(is_letter) && c != '`' && !single_open
                {
                    tokens.push(Token {
                        span: Span::new(start, end),
                        kind: TokenKind::Clitic,
                    });
                    continue;
                }
            }
            let side = match mark.side {
                QuoteSide::Either => {
                    let space_before = before.is_none_or(|b| {
                        b.is_whitespace() || "([{—–-/".contains(b) || quote_mark(b).is_some()
                    });
                    let space_after =
                        after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}—–".contains(a));
                    match (space_before, space_after) {
                        (true, false) => QuoteSide::Open,
                        (false, true) => QuoteSide::Close,
                        _ if c == '`' => QuoteSide::Open,
                        _ => QuoteSide::Either,
                    }
                }
                // A curly double mark the wrong way round for where it stands ("not,“ he
                // said", German „…“ closing with “) takes the side its context gives it.
                s if mark.double => {
                    let glued_before = before.is_some_and(|b| is_letter(b) || ".,;:!?".contains(b));
                    let glued_after = after.is_some_and(is_letter);
                    let free_before = before.is_none_or(char::is_whitespace);
                    let free_after = after.is_none_or(|a| a.is_whitespace());
                    match s {
                        QuoteSide::Open if glued_before && free_after => QuoteSide::Close,
                        QuoteSide::Close if free_before && glued_after => QuoteSide::Open,
                        s => s,
                    }
                }
                s => s,
            };
            if !mark.double {
                single_open = side == QuoteSide::Open;
            }
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Quote(QuoteMark {
                    double: mark.double,
                    side,
                }),
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            while let Some(&(i, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | '\u{2026}') {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Terminal
        } else {
            if is_dash(c) {
                while let Some(&(i, d)) = chars.peek() {
                    if is_dash(d) {
                        end = i + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
            }
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
    tokens
}

fn is_closer(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Quote(m) => m.side != QuoteSide::Open,
        TokenKind::Punct => matches!(t.span.text(text), ")" | "]" | "}"),
        _ => false,
    }
}

/// Segments `text` into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Doc {
    let tokens = tokenize(text);
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut sent_start = 0usize;
    let mut para_start_tok = 0usize;
    let mut para_start_sent = 0usize;
    let n = tokens.len();

    let close_sentence = |sentences: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        if to > from {
            sentences.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
                paragraph: para,
            });
        }
    };

    let mut i = 0;
    while i < n {
        let t = tokens[i];
        let next = tokens.get(i + 1);
        // Paragraph break: a blank line, or a line break unless the line visibly runs on
        // (no final punctuation and the next line starts in lower case).
        let gap = next.map(|nx| &text[t.span.end..nx.span.start]);
        let para_break = match gap {
            None => true,
            // (most gaps are "" or " ": a byte scan, not a substring search, settles them)
            Some(g) if !g.as_bytes().contains(&b'\n') => false,
            Some(g) if g.contains("\n\n") => true,
            Some(g) if g.contains('\n') => {
                let ends_open = matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Clitic
                ) || (t.kind == TokenKind::Punct
                    && matches!(t.span.text(text), "," | ";"));
                let nx = next.unwrap();
                let starts_lower = nx
                    .span
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase());
                !(ends_open && starts_lower)
            }
            _ => false,
        };
        let sent_break = para_break;
        // A run-on "sentence" (a list, a table, garbage) is cut so that every later stage's
        // per-sentence work stays bounded and the whole pipeline linear in the input.
        if !sent_break && i + 1 - sent_start >= MAX_SENTENCE_TOKENS {
            close_sentence(&mut sentences, sent_start, i + 1, paragraphs.len());
            sent_start = i + 1;
            i += 1;
            continue;
        }
        if !sent_break {
            let word = t.span.text(text);
            let is_terminal = t.kind == TokenKind::Terminal
                || (t.kind == TokenKind::Word && word.ends_with('.') && {
                    let stem = word.trim_end_matches('.');
                    let last = stem.rsplit('-').next().unwrap_or(stem).to_ascii_lowercase();
                    !never_ends_sentence(&last)
                });
            if is_terminal {
                // Take closing quotes and brackets along.
                let mut j = i + 1;
                while j < n
                    && is_closer(text, &tokens[j])
                    && !text[tokens[j - 1].span.end..tokens[j].span.start].contains('\n')
                {
                    j += 1;
                }
                let follower = tokens.get(j);
                let breaks = match follower {
                    None => true,
                    Some(f) => {
                        let ftext = f.span.text(text);
                        let first = ftext.chars().next().unwrap_or(' ');
                        // (a quote mark opens a sentence unless a lower-case word follows
                        // it: "the U.S. “clearly” needed" goes on)
                        let quote_opens = matches!(f.kind, TokenKind::Quote(_))
                            && tokens.get(j + 1).is_none_or(|g| {
                                !g.span.text(text).starts_with(|c: char| c.is_lowercase())
                            });
                        let upper_start = first.is_uppercase()
                            || first.is_ascii_digit()
                            || quote_opens
                            || ftext == "("
                            || is_dash(first);
                        if t.kind == TokenKind::Terminal {
                            // "…?" he asked: a lower-case follower continues.
                            upper_start
                        } else {
                            // An abbreviation or initial ends a sentence only before a
                            // word that plainly starts one.
                            upper_start && (is_sentence_starter(ftext) || quote_opens)
                        }
                    }
                };
                if breaks {
                    // closers between i and j stay with this sentence
                    let gap_has_newline = follower
                        .is_some_and(|f| text[tokens[j - 1].span.end..f.span.start].contains('\n'));
                    close_sentence(&mut sentences, sent_start, j, paragraphs.len());
                    sent_start = j;
                    i = j;
                    if gap_has_newline || follower.is_none() {
                        // paragraph ends here too
                        let last = j - 1;
                        let gap2 = tokens
                            .get(j)
                            .map(|nx| &text[tokens[last].span.end..nx.span.start]);
                        let is_para = gap2.is_none_or(|g| g.contains('\n'));
                        if is_para {
                            paragraphs.push(Paragraph {
                                span: Span::new(
                                    tokens[para_start_tok].span.start,
                                    tokens[last].span.end,
                                ),
                                sentences: para_start_sent..sentences.len(),
                                tokens: para_start_tok..j,
                            });
                            para_start_tok = j;
                            para_start_sent = sentences.len();
                        }
                    }
                    continue;
                }
            }
        }
        if sent_break {
            close_sentence(&mut sentences, sent_start, i + 1, paragraphs.len());
            sent_start = i + 1;
            paragraphs.push(Paragraph {
                span: Span::new(tokens[para_start_tok].span.start, t.span.end),
                sentences: para_start_sent..sentences.len(),
                tokens: para_start_tok..i + 1,
            });
            para_start_tok = i + 1;
            para_start_sent = sentences.len();
        }
        i += 1;
    }
    Doc {
        tokens,
        sentences,
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The General Punctuation shortcut of `is_letter` and `is_numeric` agrees with the
    /// Unicode tables at every code point.
    #[test]
    fn letter_and_number_shortcuts_agree_with_the_unicode_tables() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let letter = if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                c.is_alphabetic() || c.is_mark()
            };
            assert_eq!(is_letter(c), letter, "{:?}", c);
            assert_eq!(is_numeric(c), c.is_numeric(), "{:?}", c);
        }
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn a_letter_garbled_into_latin_1_stays_inside_its_word() {
        assert_eq!(
            toks("Arturo Sarukh\u{c3}\u{c2}\u{a1}n said Guant\u{c3}\u{a1}namo \u{a1}Hola!"),
            vec![
                "Arturo",
                "Sarukh\u{c3}\u{c2}\u{a1}n",
                "said",
                "Guant\u{c3}\u{a1}namo",
                "\u{a1}",
                "Hola",
                "!"
            ]
        );
    }

    #[test]
    fn tokens_split_clitics_and_keep_abbreviations() {
        assert_eq!(
            toks("Russia’s demand doesn't faze the U.S. and Mr. Blinken."),
            [
                "Russia", "’s", "demand", "does", "n't", "faze", "the", "U.S.", "and", "Mr.",
                "Blinken", "."
            ]
        );
        // three-letter stems too: "don’t", "can't", "won’t"
        assert_eq!(
            toks("If you don’t, we can't and they won’t."),
            ["If", "you", "do", "n’t", ",", "we", "ca", "n't", "and", "they", "wo", "n’t", "."]
        );
        assert_eq!(
            toks("100,000 troops, 3.5% of NATO-Russia"),
            ["100,000", "troops", ",", "3.5", "%", "of", "NATO-Russia"]
        );
        assert_eq!(
            toks("Paul Ryan, R-Wis., said"),
            ["Paul", "Ryan", ",", "R-Wis.", ",", "said"]
        );
        // the pronoun "I" after an auxiliary, "do" or "than" ends its sentence; an "I."
        // after a name or a preposition is an initial
        assert_eq!(toks("Neither do I."), ["Neither", "do", "I", "."]);
        assert_eq!(toks("Henry I. Miller"), ["Henry", "I.", "Miller"]);
        assert_eq!(
            sents("“Neither do I.” He left."),
            ["“Neither do I.”", "He left."]
        );
    }

    #[test]
    fn quote_marks_get_sides() {
        let text = "He said \"no,\" and ‘yes’ in “Europe,” the allies’ view.";
        let d = tokenize(text);
        let sides: Vec<(&str, QuoteSide)> = d
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(m) => Some((t.span.text(text), m.side)),
                _ => None,
            })
            .collect();
        assert_eq!(
            sides,
            [
                ("\"", QuoteSide::Open),
                ("\"", QuoteSide::Close),
                ("‘", QuoteSide::Open),
                ("’", QuoteSide::Close),
                ("“", QuoteSide::Open),
                ("”", QuoteSide::Close)
            ]
        );
        assert!(toks(text).contains(&"’"));
        // marks standing the wrong way round: a typo'd closer, German „…“
        let text = "“Apparently not,“ he said. Er sagte „nein“ dazu.";
        let sides: Vec<QuoteSide> = tokenize(text)
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(m) => Some(m.side),
                _ => None,
            })
            .collect();
        assert_eq!(
            sides,
            [
                QuoteSide::Open,
                QuoteSide::Close,
                QuoteSide::Open,
                QuoteSide::Close
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sents("Sen. Paul Ryan, R-Wis., met Gen. Milley on Jan. 5 in the U.S. Senate. He left."),
            [
                "Sen. Paul Ryan, R-Wis., met Gen. Milley on Jan. 5 in the U.S. Senate.",
                "He left."
            ]
        );
        assert_eq!(
            sents("It is No. 2 on the list. It was in the U.S. The end."),
            ["It is No. 2 on the list.", "It was in the U.S.", "The end."]
        );
        assert_eq!(
            sents("Their claims led Sens. Jon Tester and David Vitter to ask. He left."),
            [
                "Their claims led Sens. Jon Tester and David Vitter to ask.",
                "He left."
            ]
        );
        assert_eq!(
            sents("The judge said Roe v. Wade was settled law. He left."),
            ["The judge said Roe v. Wade was settled law.", "He left."]
        );
        assert_eq!(
            sents("She said the U.S. “clearly” needed more. “Yes.”"),
            ["She said the U.S. “clearly” needed more.", "“Yes.”"]
        );
        // (a state's abbreviation may end a sentence: "Del." is Delaware, no title)
        assert_eq!(
            sents("The company moved to Wilmington, Del. The company said profits rose."),
            [
                "The company moved to Wilmington, Del.",
                "The company said profits rose."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“We will respond. NATO is vigilant.” She left. “Go!” he said."),
            [
                "“We will respond.",
                "NATO is vigilant.”",
                "She left.",
                "“Go!” he said."
            ]
        );
    }

    #[test]
    fn paragraphs_from_blank_lines() {
        let text = "Headline here\n\nFirst para. Second sentence.\n\nThird para";
        let d = segment(text);
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(
            d.paragraphs[1].span.text(text),
            "First para. Second sentence."
        );
        assert_eq!(d.paragraphs[1].sentences.len(), 2);
        assert_eq!(d.sentences.len(), 4);
    }

    #[test]
    fn wrapped_lines_stay_one_paragraph() {
        let text = "The minister said the plan\nwould go ahead.\nA new line.";
        let d = segment(text);
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn run_on_sentences_are_cut() {
        let text = "word ".repeat(1000);
        let d = segment(&text);
        assert_eq!(d.sentences.len(), 3);
        assert!(d
            .sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.paragraphs[0].sentences, 0..3);
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(segment("").tokens.is_empty());
        assert!(segment("   \n\n ").sentences.is_empty());
        let d = segment("\"\"\"''' ... !!! ---");
        assert!(!d.tokens.is_empty());
    }
}
