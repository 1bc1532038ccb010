//! Quote spans: direct, mixed and indirect, each with its cue and the words that name
//! its speaker (resolving those words to someone is `attribution`'s job).
//!
//! Two sources of evidence meet here:
//! - quotation marks, paired across a paragraph (and across paragraphs when the next one
//!   reopens the mark), give direct quotes and the fragments of mixed ones;
//! - cue frames around speech verbs give reported speech: `X said (that) C`,
//!   `C, X said`, `C, said X`, `according to X, C`, `C, according to X`, `…, saying C`.
//!
//! A quoted fragment that no cue claims and that is not a sentence (promised “severe”
//! consequences, the show “Saturday Night Live”) is a scare quote or a title: not a quote.

use super::gazetteer;
use super::lexicon::{self, is_time_word, CueClass};
use super::segment::{Doc, QuoteSide, TokenKind};
use super::{EntityLabel, Mention, QuoteKind, Span};

/// A nationality adjective ("Chinese", "Russian"), not its plural ("Russians"): before
/// a noun it modifies it ("Chinese claims that …" is a noun phrase, no subject and verb).
fn is_demonym_adjective(word: &str) -> bool {
    gazetteer::country_of_demonym(word).is_some()
        && word
            .strip_suffix('s')
            .is_none_or(|w| gazetteer::country_of_demonym(w).is_none())
}

/// Who the quote's speaker is, as far as the words around the quote say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerSlot {
    /// The phrase naming the speaker, possibly with an appositive
    /// ("Oana Lungescu, the NATO spokesperson").
    Phrase(Span),
    /// No cue: the quote fills its paragraph and continues the previous speaker.
    Continuation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub speaker: Option<SpeakerSlot>,
    /// Belief and writing verbs are weaker evidence of a quote than speech verbs.
    pub confidence: f32,
}

impl FoundQuote {
    /// A quote whose speaker is a phrase of the text.
    fn said_by(
        span: Span,
        kind: QuoteKind,
        cue: Option<Span>,
        speaker: Span,
        confidence: f32,
    ) -> FoundQuote {
        FoundQuote {
            span,
            kind,
            cue,
            speaker: Some(SpeakerSlot::Phrase(speaker)),
            confidence,
        }
    }
}

/// A stretch of text between paired quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quoted {
    /// Token index of the opening mark.
    open: usize,
    /// Token index of the closing mark, or of the last token when the mark never closes.
    close: usize,
    closed: bool,
    span: Span,
}

/// Pairs double quotation marks paragraph by paragraph.
fn pair_quote_marks(doc: &Doc) -> Vec<Quoted> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let mut open: Option<usize> = None;
        for i in para.tokens.clone() {
            let TokenKind::Quote(mark) = doc.tokens[i].kind else {
                continue;
            };
            if !mark.double {
                continue;
            }
            match (open, mark.side) {
                (None, QuoteSide::Close) => {}
                (None, _) => open = Some(i),
                (Some(o), QuoteSide::Open) if i == o + 1 => open = Some(i),
                (Some(o), QuoteSide::Open) => {
                    // Two openers in a row: the first never closed (or a typo for a
                    // closer). Treat it as a closer when it touches the word before it.
                    let prev = doc.tokens[i - 1];
                    if prev.span.end == doc.tokens[i].span.start && prev.is_word()
                        || prev.kind == TokenKind::Terminal
                        || prev.kind == TokenKind::Punct
                    {
                        out.push(quoted(doc, o, i, true));
                        open = None;
                    } else {
                        open = Some(i);
                    }
                }
                (Some(o), _) => {
                    out.push(quoted(doc, o, i, true));
                    open = None;
                }
            }
        }
        if let Some(o) = open {
            // Runs to the end of the paragraph: a multi-paragraph quote whose next
            // paragraph reopens the mark, or a missing closer.
            let last = para.tokens.end - 1;
            if last > o {
                out.push(quoted(doc, o, last, false));
            }
        }
        // Single marks outside double ones, as headlines use them ("Ryan: ‘No Place In A
        // Campaign’"). A closer must be a real closing mark (the tokenizer has already
        // told apostrophes and possessives apart), within the sentence-sized window.
        let first_double = out.len();
        let inside_double = |i: usize, out: &[Quoted]| {
            out[..first_double]
                .iter()
                .rev()
                .take_while(|q| q.close >= para.tokens.start)
                .any(|q| q.open <= i && i <= q.close)
        };
        let mut single_open: Option<usize> = None;
        for i in para.tokens.clone() {
            let TokenKind::Quote(mark) = doc.tokens[i].kind else {
                continue;
            };
            if mark.double || inside_double(i, &out) {
                continue;
            }
            match (single_open, mark.side) {
                (None, QuoteSide::Open) => single_open = Some(i),
                (Some(o), QuoteSide::Close) if i > o + 1 && i - o <= 60 => {
                    out.push(quoted(doc, o, i, true));
                    single_open = None;
                }
                (Some(_), QuoteSide::Open) => single_open = Some(i),
                _ => {}
            }
        }
    }
    out.sort_by_key(|q| q.open);
    out
}

/// `Marcia "Cia" Price`: marks inside a person's name (the entity rules read the
/// nickname as part of it) hold no words anyone said.
fn is_nickname(entities: &[Mention], q: &Quoted) -> bool {
    let k = entities.partition_point(|m| m.span.end <= q.span.start);
    entities.get(k).is_some_and(|m| {
        m.label == EntityLabel::Per && m.span.start < q.span.start && q.span.end < m.span.end
    })
}

fn quoted(doc: &Doc, open: usize, close: usize, closed: bool) -> Quoted {
    Quoted {
        open,
        close,
        closed,
        span: Span::new(doc.tokens[open].span.start, doc.tokens[close].span.end),
    }
}

/// The text lower-cased, except an acronym the tagger named that would fold into a
/// function word ("The WHO said", "IT workers said", "the US envoy"): it keeps its
/// capitals, so no frame reads it as "who", "it" or "us". Not in a line of capitals,
/// where every word is upper case ("WHO IS TO BLAME").
fn lower_keeping_acronyms(text: &str, doc: &Doc, entities: &[Mention]) -> String {
    let mut lower = text.to_ascii_lowercase().into_bytes();
    let mut k = 0;
    for m in entities {
        while k < doc.tokens.len() && doc.tokens[k].span.end <= m.span.start {
            k += 1;
        }
        let mut i = k;
        while i < doc.tokens.len() && doc.tokens[i].span.end <= m.span.end {
            let sp = doc.tokens[i].span;
            let word = &text[sp.start..sp.end];
            let folds_into_function_word = word.len() >= 2
                && word.bytes().all(|b| b.is_ascii_uppercase())
                && matches!(
                    &*word.to_ascii_lowercase(),
                    "who"
                        | "us"
                        | "it"
                        | "is"
                        | "am"
                        | "or"
                        | "in"
                        | "me"
                        | "as"
                        | "an"
                        | "on"
                        | "no"
                        | "at"
                );
            if folds_into_function_word && !in_capitals_line(text, doc, i) {
                lower[sp.start..sp.end].copy_from_slice(word.as_bytes());
            }
            i += 1;
        }
    }
    // only ASCII bytes were swapped for ASCII bytes
    String::from_utf8(lower).unwrap_or_else(|_| text.to_ascii_lowercase())
}

/// Is token `i` among words in capitals, its neighbours' words too?
fn in_capitals_line(text: &str, doc: &Doc, i: usize) -> bool {
    let caps = |k: usize| {
        let w = doc.tokens[k].span.text(text);
        doc.tokens[k].is_word()
            && w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase)
    };
    let prev = (0..i).rev().find(|&k| doc.tokens[k].is_word());
    let next = (i + 1..doc.tokens.len()).find(|&k| doc.tokens[k].is_word());
    prev.is_some_and(caps) || next.is_some_and(caps)
}

/// What every frame reads: the text, a lower-cased view of it with identical byte
/// offsets (ASCII folding only), its tokens and entities, and its quotation marks paired.
struct Ctx<'a> {
    text: &'a str,
    lower: String,
    doc: &'a Doc,
    entities: &'a [Mention],
    /// The quoted stretches, in text order.
    quoted: Vec<Quoted>,
    /// For each token, the quoted stretch it sits in (between its marks, inclusive).
    in_quote: Vec<Option<u32>>,
    /// For each token index `k` (and one past the last token), the first token at or
    /// after `k` that opens a quoted stretch (`in_quote` names a stretch whose `open` is
    /// that token), or the token count: lets `cue_frame` skip a verb with no quotation
    /// ahead without scanning for one.
    next_open: Vec<u32>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, doc: &'a Doc, entities: &'a [Mention]) -> Self {
        let mut quoted = pair_quote_marks(doc);
        quoted.retain(|q| !is_nickname(entities, q));
        let mut in_quote: Vec<Option<u32>> = vec![None; doc.tokens.len()];
        for (qi, q) in quoted.iter().enumerate() {
            for slot in &mut in_quote[q.open..=q.close] {
                *slot = Some(qi as u32);
            }
        }
        let n = doc.tokens.len();
        let mut next_open = vec![n as u32; n + 1];
        for k in (0..n).rev() {
            let opens = in_quote[k].is_some_and(|qi| quoted[qi as usize].open == k);
            next_open[k] = if opens { k as u32 } else { next_open[k + 1] };
        }
        Ctx {
            text,
            lower: lower_keeping_acronyms(text, doc, entities),
            doc,
            entities,
            quoted,
            in_quote,
            next_open,
        }
    }
    /// Does a quoted stretch open at a token in `from..to`?
    fn quote_opens_in(&self, from: usize, to: usize) -> bool {
        (self.next_open[from] as usize) < to
    }

    fn lw(&self, i: usize) -> &str {
        let s = self.doc.tokens[i].span;
        &self.lower[s.start..s.end]
    }
    fn tx(&self, i: usize) -> &'a str {
        self.doc.tokens[i].span.text(self.text)
    }
    fn is_cap(&self, i: usize) -> bool {
        self.tx(i).chars().next().is_some_and(char::is_uppercase)
    }
    #[inline]
    fn is_punct(&self, i: usize, p: &str) -> bool {
        matches!(
            self.doc.tokens[i].kind,
            TokenKind::Punct | TokenKind::Terminal
        ) && self.tx(i) == p
    }
    fn is_quote(&self, i: usize) -> bool {
        self.doc.tokens[i].is_quote()
    }
    fn is_closing_quote(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Quote(m) if m.side != QuoteSide::Open)
    }
    /// A dash outside quote marks, or a hyphen with a space on each side standing for one
    /// ("… cut costs - although …"): where an aside opens or closes.
    fn is_unquoted_dash(&self, i: usize) -> bool {
        self.in_quote[i].is_none() && (is_dash(self.tx(i)) || is_spaced_hyphen(self, i))
    }
    /// A closing mark right after a comma inside it (`i` is the mark): "“the unique magic
    /// of Trump,” said …" ends its clause there as a comma outside the marks would.
    fn closes_on_comma(&self, i: usize) -> bool {
        i > 0 && self.is_closing_quote(i) && self.is_punct(i - 1, ",")
    }
    /// Where a short reported phrase stops: the sentence's end, or a comma, semicolon,
    /// colon, dash or spaced hyphen outside quotation marks.
    fn clause_stop(&self, k: usize) -> bool {
        self.doc.tokens[k].kind == TokenKind::Terminal
            || self.in_quote[k].is_none()
                && (self.is_punct(k, ",")
                    || self.is_punct(k, ";")
                    || self.is_punct(k, ":")
                    || is_dash(self.tx(k))
                    || is_spaced_hyphen(self, k))
    }
    fn entity_at(&self, i: usize) -> Option<&'a Mention> {
        let sp = self.doc.tokens[i].span;
        let k = self.entities.partition_point(|m| m.span.end <= sp.start);
        self.entities
            .get(k)
            .filter(|m| m.span.start <= sp.start && sp.end <= m.span.end)
    }
    /// Could token `i` start or be part of a noun phrase naming a speaker?
    fn np_word(&self, i: usize) -> bool {
        let t = self.doc.tokens[i];
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                let l = self.lw(i);
                (!lexicon::is_np_barrier(l) || l == "of")
                    && !is_discourse_adverb(l)
                    && lexicon::cue_class(l) != Some(CueClass::Speech)
            }
            // ("the pilots' union", "allies’ ": a plural possessive, straight or curly)
            TokenKind::Clitic => {
                matches!(self.lw(i), "'" | "\u{2019}") || self.lw(i).ends_with('s')
            }
            // ("47% say …": a share of people)
            TokenKind::Punct => matches!(self.tx(i), "-" | "&" | "." | "%"),
            // (the marks round a nickname: "John “Tig” Tiegen said")
            TokenKind::Quote(_) => {
                self.in_quote[i].is_none()
                    && self
                        .entity_at(i)
                        .is_some_and(|m| m.label == EntityLabel::Per)
            }
            _ => false,
        }
    }
}

/// The end of a pro-form object of "say" at `i` ("so", "yes", "no", "as much", "the same
/// (thing) (of Sanders)", "no to the war"), or None when the word opens something else:
/// "said so many things", "said no one came", "said the same technology could …".
fn pro_form_said(cx: &Ctx<'_>, i: usize, e: usize) -> Option<usize> {
    let toks = &cx.doc.tokens;
    // (what may follow a pro-form: the end, a mark, when or how it was said, the next verb)
    let closes = |k: usize| {
        k >= e
            || !toks[k].is_word()
            || matches!(
                cx.lw(k),
                "in" | "on"
                    | "at"
                    | "during"
                    | "publicly"
                    | "privately"
                    | "again"
                    | "too"
                    | "repeatedly"
                    | "then"
                    | "and"
                    | "but"
                    | "while"
                    | "when"
                    | "because"
                    | "last"
                    | "this"
            )
    };
    // the end of a phrase run to its clause's end: "no to the Iraq war", "of Sanders"
    let clause_end = |from: usize| {
        (from..e)
            .find(|&k| {
                !toks[k].is_word() && toks[k].kind != TokenKind::Clitic
                    || matches!(cx.lw(k), "and" | "but" | "while" | "in" | "last" | "this")
                    // ("said no to the war on Monday")
                    || matches!(cx.lw(k), "on" | "at" | "during")
                        && k + 1 < e
                        && is_time_word(cx.lw(k + 1))
                    || cx.in_quote[k].is_some()
            })
            .unwrap_or(e)
    };
    // (not a word before a clause of its own: "said yes, the company would cooperate")
    let alone = |k: usize| {
        closes(k)
            && !(k + 1 < e
                && cx.is_punct(k, ",")
                && (lexicon::is_subject_pronoun(cx.lw(k + 1))
                    || lexicon::is_determiner(cx.lw(k + 1)))
                && looks_like_clause(cx, k + 1, e))
    };
    match cx.lw(i) {
        "so" | "yes" | "no" if alone(i + 1) => Some(i + 1),
        // ("the candidate said no.": the abbreviation "No." of "No. 2" takes the period)
        "no." if i + 1 >= e || cx.is_cap(i + 1) || !toks[i + 1].is_word() => Some(i + 1),
        "no" if i + 2 < e && cx.lw(i + 1) == "to" && toks[i + 2].is_word() => {
            Some(clause_end(i + 2).max(i + 3))
        }
        "as" if i + 1 < e && cx.lw(i + 1) == "much" && closes(i + 2) => Some(i + 2),
        // ("Cook did not say when.": the question left open)
        "when" | "why" | "how" | "whether" | "where" | "who"
            if i + 1 >= e || toks[i + 1].kind == TokenKind::Terminal =>
        {
            Some(i + 1)
        }
        "the" if i + 1 < e && cx.lw(i + 1) == "same" => {
            let mut k = i + 2;
            if k < e && cx.lw(k) == "thing" {
                k += 1;
            }
            if k + 1 < e && matches!(cx.lw(k), "of" | "about" | "for") && toks[k + 1].is_word() {
                return Some(clause_end(k + 1).max(k + 2));
            }
            closes(k).then_some(k)
        }
        _ => None,
    }
}

/// A form of "say" or "tell", whose object may be a clause with a subject of its own
/// ("said the bill reached the floor late and did not pass").
fn says_or_tells(cue_word: &str) -> bool {
    matches!(
        cue_word,
        "said" | "says" | "say" | "saying" | "told" | "tells" | "telling"
    )
}

/// A finite verb that reports what a speaker or a document says or shows: "a letter
/// that says …", "a poll that showed …".
fn says_shows_or_finds(l: &str) -> bool {
    matches!(
        l,
        "says" | "said" | "say" | "shows" | "showed" | "finds" | "found" | "states" | "stated"
    )
}

/// A form of "tell", whose first object is who was told.
fn is_tell(l: &str) -> bool {
    matches!(l, "told" | "tell" | "tells" | "telling")
}

/// A plural noun by its shape: "supporters", "associates", "polls" (not "press", nor a
/// short word: "is", "has").
fn looks_plural(l: &str) -> bool {
    l.len() > 3 && l.ends_with('s') && !l.ends_with("ss")
}

/// A plural noun of people by its ending: "forecasters", "steelworkers", "economists",
/// "physicians" (not the things "numbers", "papers", "letters" that end the same way).
fn person_plural(l: &str) -> bool {
    l.len() > 5
        && (l.ends_with("ers") || l.ends_with("ists") || l.ends_with("ians"))
        && !matches!(
            l,
            "numbers"
                | "papers"
                | "letters"
                | "orders"
                | "matters"
                | "centers"
                | "powers"
                | "waters"
                | "answers"
                | "offers"
                | "layers"
                | "borders"
                | "chambers"
                | "headquarters"
                | "barriers"
                | "computers"
                | "filters"
                | "quarters"
                | "corners"
                | "markers"
                | "headers"
                | "folders"
                | "others"
        )
}

/// "about 140 contacts", "about a third of voters": an "about" that rounds a number,
/// not one that names a topic.
fn about_a_number(cx: &Ctx<'_>, i: usize) -> bool {
    let toks = &cx.doc.tokens;
    cx.lw(i) == "about"
        && i + 1 < toks.len()
        && (toks[i + 1].kind == TokenKind::Number
            || lexicon::is_number_word(cx.lw(i + 1))
            || i + 2 < toks.len()
                && matches!(cx.lw(i + 1), "a" | "one" | "two")
                && matches!(
                    cx.lw(i + 2),
                    "third" | "quarter" | "half" | "fifth" | "dozen" | "thirds" | "quarters"
                ))
}

fn looks_like_clause(cx: &Ctx<'_>, i: usize, e: usize) -> bool {
    // (a text may end right there)
    if i >= e || i >= cx.doc.tokens.len() {
        return false;
    }
    let first = cx.lw(i);
    if matches!(
        first,
        "that"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "it"
            | "there"
            | "you"
            | "if"
            | "whether"
            | "no"
            | "nobody"
            | "everyone"
            | "everybody"
    ) {
        return true;
    }
    if cx.is_quote(i)
        && cx
            .doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| cx.text[t.span.start..].starts_with(|c: char| c.is_uppercase()))
    {
        return true;
    }
    // "Hillary Clinton Says EgyptAir Crash Seems Like …": after a capitalised cue in a
    // Title Case headline, capitals say nothing about verbs.
    if i > 0 && cx.is_cap(i - 1) && lexicon::cue_class(cx.lw(i - 1)).is_some() {
        let words: Vec<usize> = (i..e).filter(|&k| cx.doc.tokens[k].is_word()).collect();
        if words.len() >= 3
            && words.iter().filter(|&&k| cx.is_cap(k)).count() * 10 >= words.len() * 6
        {
            return true;
        }
    }
    // ("said about 140 contacts were lost": "about" before a number is "some")
    if about_a_number(cx, i) {
        return looks_like_clause(cx, i + 1, e);
    }
    // "to …" is an infinitive, "of/about …" a topic: neither is a reported clause
    if matches!(
        first,
        "to" | "of" | "about" | "against" | "for" | "with" | "by"
    ) {
        return false;
    }
    // "reads in an article published Wednesday", "said in a statement provided to
    // POLITICO": a prepositional phrase with no clause of its own after it says where,
    // not what ("said in an interview that …" goes on to its clause)
    if matches!(first, "in" | "on" | "at" | "during")
        && !(i + 1 < e && cx.lw(i + 1) == "least")
        && !(i..e).any(|k| {
            matches!(
                cx.lw(k),
                "that"
                    | "whether"
                    | "how"
                    | "if"
                    | "why"
                    | "what"
                    | "who"
                    | "where"
                    | "when"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "it"
                    | "you"
                    | "there"
            ) || cx.is_quote(k)
        })
    {
        return false;
    }
    // "said legalizing it could put …" is a clause; "announced deploying troops" is not:
    // a gerund subject needs a finite verb after it (modals and auxiliaries only, as
    // "-ed" and "-s" words are as often part of its object).
    let gerund = first.ends_with("ing") && cx.doc.tokens[i].kind == TokenKind::Word;
    let limit = (i + 18).min(e);
    for k in i + 1..limit {
        if cx.is_punct(k, ",") || cx.is_punct(k, ";") {
            break;
        }
        let l = cx.lw(k);
        // "Obama “knows …", "the plan works": a present-tense verb after a name or noun.
        let mut p = k - 1;
        while p > i && cx.is_quote(p) {
            p -= 1;
        }
        let present_s = l.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && !l.ends_with("us")
            && !l.ends_with("ics")
            && !cx.is_cap(k)
            && cx.doc.tokens[k].kind == TokenKind::Word;
        if !gerund
            && present_s
            && (cx.is_cap(p) || matches!(cx.lw(p), "he" | "she" | "it"))
            && p + 3 > k
        {
            return true;
        }
        // "Trump’s use of social media gives his campaign …": a noun, a present-tense
        // verb, then the start of its object.
        if !gerund
            && present_s
            && k + 1 < e
            && cx.doc.tokens[p].kind == TokenKind::Word
            && !cx.is_cap(p)
            && !lexicon::is_determiner(cx.lw(p))
            && matches!(
                cx.lw(k + 1),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "that"
                    | "it"
                    | "him"
                    | "them"
                    | "no"
                    | "more"
                    | "to"
            )
        {
            return true;
        }
        if gerund && l.ends_with("ed") {
            continue;
        }
        if matches!(
            l,
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "should"
                | "must"
                | "may"
                | "might"
                | "has"
                | "have"
                | "had"
                | "did"
                | "does"
                | "do"
                | "won't"
                | "wo"
                | "ca"
                | "shall"
                | "be"
                | "isn't"
                | "isn"
                | "wasn"
                | "aren"
                | "weren"
                | "doesn"
                | "didn"
                | "hasn"
                | "haven"
                | "hadn"
                | "couldn"
                | "wouldn"
                | "shouldn"
                | "won"
                | "wasn't"
                | "aren't"
                | "weren't"
                | "'s"
                | "\u{2019}s"
                | "'re"
                | "\u{2019}re"
                | "'ll"
                | "\u{2019}ll"
                | "need"
                | "needs"
                | "wants"
                | "want"
        ) && cx.doc.tokens[k].kind != TokenKind::Clitic
            || l.len() >= 4 && l.ends_with("ed") && !cx.is_cap(k)
            || lexicon::is_irregular_past(l) && !cx.is_cap(k)
        {
            return true;
        }
    }
    false
}

/// Words that open an adjunct of the act of saying, not what was said: "shortly after 6
/// a.m.", "from the stage in Tulsa", "outside the courthouse", "moments later" (a manner
/// adverb, then a preposition; not "with": "charged with desertion").
fn adverbial_opener(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    if k >= end || cx.doc.tokens[k].kind != TokenKind::Word || cx.is_cap(k) {
        return false;
    }
    let l = cx.lw(k);
    matches!(
        l,
        "from" | "outside" | "inside" | "near" | "moments" | "minutes" | "hours"
    ) || l.len() > 4
        && l.ends_with("ly")
        && !matches!(
            l,
            "supply"
                | "family"
                | "rally"
                | "assembly"
                | "monopoly"
                | "reply"
                | "july"
                | "italy"
                | "anomaly"
                | "belly"
                | "bully"
        )
        && k + 1 < end
        && matches!(
            cx.lw(k + 1),
            "after" | "before" | "into" | "at" | "in" | "on" | "during" | "from" | "to"
        )
}

/// "last week", "this month", "earlier this year": a time phrase opening at `k`
/// (before `end`), where "this" or "last" alone would open a clause or a noun phrase.
fn time_phrase_at(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let mut k = k;
    if k + 1 < end && matches!(cx.lw(k), "earlier" | "later") {
        k += 1;
    }
    k + 1 < end
        && matches!(cx.lw(k), "last" | "this" | "next" | "that")
        && is_time_word(cx.lw(k + 1))
}

/// Sentence adverbs that never belong to a speaker's name ("However, a report found").
fn is_discourse_adverb(l: &str) -> bool {
    matches!(
        l,
        "however"
            | "meanwhile"
            | "still"
            | "instead"
            | "now"
            | "later"
            | "also"
            | "yet"
            | "indeed"
            | "moreover"
            | "separately"
            | "earlier"
            | "previously"
            | "finally"
            | "then"
            | "today"
            | "yesterday"
            | "recently"
            | "last"
            | "again"
            | "similarly"
            | "likewise"
            | "specifically"
            | "nonetheless"
            | "nevertheless"
            | "instead,"
            | "ultimately"
            | "overall"
            | "first"
            | "second"
            | "third"
            | "next"
            | "afterward"
            | "afterwards"
            | "elsewhere"
            | "regardless"
            | "additionally"
            | "furthermore"
            | "anyway"
            | "besides"
    )
}

fn is_content_start_word(l: &str) -> bool {
    matches!(
        l,
        "that"
            | "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "there"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "these"
            | "those"
            | "no"
            | "if"
            | "whether"
            | "all"
            | "some"
            | "many"
            | "most"
            | "none"
    )
}

/// Finds quote spans, their cues and speaker phrases.
pub fn find_quotes(text: &str, doc: &Doc, entities: &[Mention]) -> Vec<FoundQuote> {
    let cx = Ctx::new(text, doc, entities);
    let (quoted, in_quote) = (&cx.quoted, &cx.in_quote);
    let mut found: Vec<FoundQuote> = Vec::new();
    // Which quoted stretches a cue has claimed already.
    let mut claimed = vec![false; quoted.len()];

    for sent in &doc.sentences {
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        let mut c = s;
        while c < e {
            if in_quote[c].is_some() {
                c += 1;
                continue;
            }
            let sent_start = doc.tokens[s].span.start;
            let in_sentence = |f: &FoundQuote| {
                f.span.start >= sent_start || f.cue.is_some_and(|cu| cu.start >= sent_start)
            };
            let cue_here = found
                .last()
                .filter(|f| in_sentence(f))
                .filter(|f| f.cue.is_some_and(|cu| cu.end <= doc.tokens[c].span.start))
                // ("Mook said that the hire showed Trump was doubling down, and argued
                // that …": a report inside the last one's words is not the one a
                // coordinated cue goes on from)
                .map(|f| {
                    found
                        .iter()
                        .rev()
                        .skip(1)
                        .take(4)
                        .find(|g| {
                            in_sentence(g)
                                && f.cue.is_some_and(|cu| {
                                    g.span.start <= cu.start && cu.end <= g.span.end
                                })
                        })
                        .unwrap_or(f)
                });
            let prev_speaker = cue_here.and_then(|f| match f.speaker {
                Some(SpeakerSlot::Phrase(sp)) => Some(sp),
                _ => None,
            });
            // "X said …, but warned that …": a coordinated cue has the last speaker; so
            // has a participle after a cue ("“…,” Ackman said, adding that …").
            let coordinated = c > s + 1
                && (matches!(cx.lw(c - 1), "and" | "but")
                    && (lexicon::cue_class(cx.lw(c)).is_some()
                        || directive_verb(cx.lw(c)).is_some()
                            && !lexicon::is_participle(cx.lw(c)))
                    || (cx.is_punct(c - 1, ",")
                        // "…,” Clinton said, while arguing …"
                        || c > s + 2
                            && matches!(cx.lw(c - 1), "while" | "before" | "after" | "when")
                            && cx.is_punct(c - 2, ","))
                        && lexicon::is_content_participle(cx.lw(c))
                        // (", pointing out that …" but not ", pointing to …": a
                        // particle verb is a cue only with its particle)
                        && lexicon::needs_particle(cx.lw(c))
                            .is_none_or(|p| c + 1 < e && cx.lw(c + 1) == p)
                        && prev_speaker.is_some());
            let prev_speaker = prev_speaker.or_else(|| {
                if coordinated {
                    sentence_subject(&cx, s, c - 1)
                } else {
                    None
                }
            });
            if cx.is_punct(c, ":") {
                if let Some(fq) = headline_colon(&cx, s, e, c, &mut claimed) {
                    found.push(fq);
                    c += 1;
                    continue;
                }
            }
            if let Some(fq) = reported_question(&cx, s, e, c, &mut claimed)
                .or_else(|| reported_expectation(&cx, s, e, c, &mut claimed))
                .or_else(|| refused_to_say(&cx, s, e, c, &mut claimed))
                .or_else(|| stance_adjective(&cx, s, e, c, &mut claimed))
                .or_else(|| reportedly(&cx, s, e, c, &mut claimed))
            {
                found.push(fq);
                c += 1;
                continue;
            }
            let fq = match (coordinated, prev_speaker) {
                (true, Some(sp)) => {
                    let cue = doc.tokens[c].span;
                    let conf = if lexicon::cue_class(cx.lw(c)) == Some(CueClass::Speech) {
                        0.85
                    } else {
                        0.6
                    };
                    // ("… and accused Sanders of a “flip-flop”": when no clause follows,
                    // the cue's own frames may still read its object)
                    if c + 1 < e {
                        content_after(&cx, c + 1, e, cue, sp, conf, &mut claimed, cx.lw(c))
                    } else {
                        None
                    }
                    .or_else(|| {
                        cue_frame(&cx, s, e, c, &mut claimed)
                            .filter(|fq| fq.iter().all(|f| f.kind != QuoteKind::Indirect))
                    })
                    // ("… said that fans were angry and urged the board to back the
                    // manager": a request, with the same speaker)
                    .or_else(|| directive_frame_by(&cx, s, e, c, &mut claimed, Some(sp)))
                }
                _ => cue_frame(&cx, s, e, c, &mut claimed),
            };
            if let Some(fq) = fq {
                found.extend(fq);
            }
            c += 1;
        }
    }

    // Quoted stretches no cue claimed: whole-sentence quotes next to a cue sentence,
    // paragraph-long quotes that continue a speaker; fragments are scare quotes.
    // Quotes with a named speaker, by position, to find a neighbour's speaker in
    // O(log n); those attributed in the loop below go to a second list (also in order).
    let mut attributed: Vec<(Span, SpeakerSlot)> = found
        .iter()
        .filter_map(|f| match f.speaker {
            Some(slot @ SpeakerSlot::Phrase(_)) => Some((f.span, slot)),
            _ => None,
        })
        .collect();
    attributed.sort_by_key(|(sp, _)| (sp.start, sp.end));
    let mut attributed_here: Vec<(Span, SpeakerSlot)> = Vec::new();
    for (qi, q) in quoted.iter().enumerate() {
        if claimed[qi] {
            continue;
        }
        let words = (q.open + 1..q.close)
            .filter(|&i| doc.tokens[i].is_word())
            .count();
        let inner_first = q.open + 1;
        let starts_upper = inner_first < q.close && cx.is_cap(inner_first);
        let has_terminal =
            (q.open + 1..=q.close).any(|i| doc.tokens[i].kind == TokenKind::Terminal);
        let sentence_like = words >= 4 && (starts_upper || has_terminal)
            || words >= 3 && starts_upper && has_terminal
            || words >= 8
            // ("… had one message: “Dump Trump.”")
            || words >= 2 && starts_upper && has_terminal && q.open > 0 && cx.is_punct(q.open - 1, ":")
            // ("“There was carnage,” Bouhlel said. “Bodies everywhere.”": a quoted
            // sentence of its own right after a quote, however short)
            || words >= 2
                && starts_upper
                && has_terminal
                && q.open > 0
                && doc.sentences[doc.sentence_of(q.open)].tokens.start == q.open
                && quoted[..qi].last().is_some_and(|p| {
                    p.close + 8 > q.open
                        && doc.sentences[doc.sentence_of(p.close)].paragraph
                            == doc.sentences[doc.sentence_of(q.open)].paragraph
                });
        // ("“Why not?” Thompson asked.", "“Perpetual motion!” Thompson said of …": a
        // question or exclamation of any length before a cue sentence of its own)
        let exclaimed = || {
            let para = &doc.paragraphs[doc.sentences[doc.sentence_of(q.open)].paragraph];
            let after = q.close + 1;
            // (a capital inside the marks: at least one word before the close)
            starts_upper
                && q.closed
                && matches!(cx.tx(q.close - 1), "?" | "!")
                && after < para.tokens.end
                && trailing_cue_sentence(
                    &cx,
                    after,
                    doc.sentences[doc.sentence_of(after)]
                        .tokens
                        .end
                        .min(para.tokens.end),
                )
                .is_some()
        };
        let sentence_like = sentence_like || exclaimed();
        let chant = chanted(&cx, q).map(|(c, speaker)| FoundQuote {
            span: q.span,
            kind: QuoteKind::Direct,
            cue: Some(doc.tokens[c].span),
            speaker: speaker.map(SpeakerSlot::Phrase),
            confidence: 0.6,
        });
        if names_a_work(&cx, q) {
            found.extend(chant);
            continue;
        }
        // A quoted line in capitals is a heading, not speech.
        let inner = Span::new(doc.tokens[q.open].span.end, doc.tokens[q.close].span.start);
        let shouting = inner
            .text(text)
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if !sentence_like || shouting {
            match chant {
                Some(c) => found.push(c),
                None => found.extend(characterised_as(&cx, q, &found)),
            }
            continue;
        }
        let para_i = doc.sentences[doc.sentence_of(q.open)].paragraph;
        let para = &doc.paragraphs[para_i];
        // A cue sentence right after the quote in the same paragraph: “…” Lungescu said.
        let after = q.close + 1;
        if after < para.tokens.end {
            let sent_end = doc.sentences[doc.sentence_of(after)]
                .tokens
                .end
                .min(para.tokens.end);
            if let Some(slot) = trailing_cue_sentence(&cx, after, sent_end) {
                attributed_here.push((q.span, SpeakerSlot::Phrase(slot.0)));
                found.push(FoundQuote::said_by(
                    q.span,
                    QuoteKind::Direct,
                    Some(slot.1),
                    slot.0,
                    0.85,
                ));
                continue;
            }
        }
        if let Some(name) = signature_on_line(&cx, q, para.tokens.end) {
            attributed_here.push((q.span, SpeakerSlot::Phrase(name)));
            found.push(FoundQuote::said_by(
                q.span,
                QuoteKind::Direct,
                None,
                name,
                0.8,
            ));
            continue;
        }
        // An introducer before the quote: "Philip Bump: “…”", "Dr. Ward stated:" (then the
        // quote in the next paragraph), "Scarborough continued. “…”".
        if let Some((speaker, cue)) = introducer(&cx, q.open, para_i) {
            attributed_here.push((q.span, SpeakerSlot::Phrase(speaker)));
            found.push(FoundQuote::said_by(
                q.span,
                QuoteKind::Direct,
                cue,
                speaker,
                0.75,
            ));
            continue;
        }
        // Another quote in the same paragraph has a speaker: this one is theirs too
        // (“A,” he said. “B.”). The nearest one before wins, else the nearest after.
        let in_para = |sp: Span| sp.start >= para.span.start && sp.end <= para.span.end;
        let nearest = |v: &[(Span, SpeakerSlot)]| {
            let idx = v.partition_point(|(sp, _)| sp.start < q.span.start);
            let before = v[..idx]
                .iter()
                .rev()
                .take(4)
                .find(|(sp, _)| sp.end <= q.span.start && in_para(*sp))
                .copied();
            let after = v[idx..]
                .iter()
                .take(4)
                .find(|(sp, _)| sp.start >= q.span.end && in_para(*sp))
                .copied();
            (before, after)
        };
        let (b1, a1) = nearest(&attributed);
        let (b2, a2) = nearest(&attributed_here);
        let before = [b1, b2].into_iter().flatten().max_by_key(|(sp, _)| sp.end);
        let after = [a1, a2]
            .into_iter()
            .flatten()
            .min_by_key(|(sp, _)| sp.start);
        if let Some((_, slot)) = before.or(after) {
            let speaker = Some(slot);
            attributed_here.push((q.span, slot));
            found.push(FoundQuote {
                span: q.span,
                kind: QuoteKind::Direct,
                cue: None,
                speaker,
                confidence: 0.75,
            });
            continue;
        }
        // The quote opens its paragraph and runs to (nearly) its end: a continuation.
        // (a paragraph of a few quoted words, "''A healthy environment.''", is a
        // subheading quoting the section, not someone speaking on: up to seven words)
        let fills_para = q.open <= para.tokens.start + 1 && q.close + 2 >= para.tokens.end;
        let words = (q.open + 1..q.close)
            .filter(|&k| cx.doc.tokens[k].is_word())
            .count();
        // A signature line under it names who said it: "“…” / - Hillary Clinton."
        if fills_para && words > 3 {
            if let Some(name) = signature_line(&cx, para_i + 1) {
                attributed_here.push((q.span, SpeakerSlot::Phrase(name)));
                found.push(FoundQuote::said_by(
                    q.span,
                    QuoteKind::Direct,
                    None,
                    name,
                    0.8,
                ));
                continue;
            }
        }
        if fills_para && words > 7 {
            found.push(FoundQuote {
                span: q.span,
                kind: QuoteKind::Direct,
                cue: None,
                speaker: Some(SpeakerSlot::Continuation),
                confidence: 0.7,
            });
        } else {
            found.extend(chant);
        }
    }
    // What was said never opens with a comma or a closing bracket.
    for f in &mut found {
        let rest = &text[f.span.start..f.span.end];
        let trimmed = rest.trim_start_matches([',', ';', ')', ']', ' ', '\u{a0}']);
        if trimmed.len() < rest.len() && !trimmed.is_empty() {
            f.span.start = f.span.end - trimmed.len();
        }
    }
    for f in &mut found {
        if let Some(source) = outer_source(&cx, f) {
            f.speaker = Some(SpeakerSlot::Phrase(source));
        }
    }
    for f in &mut found {
        // (a chant is whole: "chants of “Ted! Ted!” were cut short")
        let chant = f
            .cue
            .is_some_and(|cu| is_chant_word(&cx.lower[cu.start..cu.end]).is_some());
        if f.kind == QuoteKind::Direct && !chant {
            if let Some(end) = quoted_words_run_on(&cx, f.span.end) {
                f.span.end = end;
                f.kind = QuoteKind::Mixed;
            }
        }
        if f.kind != QuoteKind::Indirect {
            if let Some(end) = quoted_list_goes_on(&cx, f.span.end) {
                f.span.end = end;
                f.kind = QuoteKind::Mixed;
            }
        }
    }
    block_quotes(&cx, &mut found, &mut claimed);
    // ("“PENCE: Well, the question really should be …”": a transcript quoted line by line
    // names its speaker in capitals after the opening mark)
    // (only a quote no cue claimed, opening its paragraph: not "“ALERT: …,” the service
    // said", nor "Trump wrote on Twitter: “CNN: Fake News …”")
    for f in &mut found {
        if f.kind == QuoteKind::Direct && f.cue.is_none() {
            if let Some(label) = transcript_label_inside(&cx, f.span) {
                f.speaker = Some(SpeakerSlot::Phrase(label));
                f.cue = None;
            }
        }
    }
    found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    found.dedup_by(|a, b| a.span == b.span);
    join_reopened_paragraphs(&cx, &mut found);
    // "Sanders said he hoped it would change": the inner report ("it would change") is
    // part of what the outer one says. Drop indirect quotes inside another reported span.
    let mut keep = Vec::with_capacity(found.len());
    let mut outer_end = 0usize;
    for f in found {
        let nested = f.kind == QuoteKind::Indirect && f.span.end <= outer_end;
        if !nested {
            if f.kind != QuoteKind::Direct {
                outer_end = outer_end.max(f.span.end);
            }
            keep.push(f);
        }
    }
    keep
}

/// "“…,” Walker said, according to an Associated Press account." / "“No comment,” The
/// Miami Herald reported.": a report of what someone said, attributed in the same
/// sentence to whoever reported it, is that source's account; the source is the speaker
/// the quote is credited to. The source's phrase, when the words after the quote (up to
/// its sentence's end, with no other quotation) end so.
fn outer_source(cx: &Ctx<'_>, f: &FoundQuote) -> Option<Span> {
    let doc = cx.doc;
    if f.cue.is_some_and(|cu| {
        let l = &cx.lower[cu.start..cu.end];
        l.starts_with("according") || l.starts_with("report")
    }) {
        return None;
    }
    let k = doc.token_at_or_after(f.span.end);
    if k == 0 || k >= doc.tokens.len() || doc.sentence_of(k) != doc.sentence_of(k - 1) {
        return None;
    }
    let sent_end = doc.sentences[doc.sentence_of(k)].tokens.end;
    // the name from `from`, without its article, up to a comma, stop, bracket or quote
    let phrase = |from: usize, to: usize| {
        let from = if from < to && matches!(cx.lw(from), "a" | "an" | "the") {
            from + 1
        } else {
            from
        };
        (from < to && (from..to).any(|i| cx.is_cap(i)))
            .then(|| Span::new(doc.tokens[from].span.start, doc.tokens[to - 1].span.end))
    };
    let mut j = k;
    while j < sent_end && j < k + 16 {
        if cx.is_quote(j) {
            return None;
        }
        // "…, according to the Las Vegas Sun."
        if j > k
            && cx.is_punct(j - 1, ",")
            && cx.lw(j) == "according"
            && j + 1 < sent_end
            && cx.lw(j + 1) == "to"
        {
            let from = j + 2;
            let mut to = from;
            while to < sent_end
                && to < from + 12
                && !cx.is_punct(to, ",")
                && !cx.is_punct(to, "(")
                && !cx.is_punct(to, ";")
                && !matches!(doc.tokens[to].kind, TokenKind::Terminal)
                && !cx.is_quote(to)
            {
                to += 1;
            }
            return phrase(from, to);
        }
        // "…,” the Orlando Sentinel reported." (the report ends the sentence)
        if matches!(cx.lw(j), "reported" | "reports")
            && (j + 1 == sent_end || matches!(doc.tokens[j + 1].kind, TokenKind::Terminal))
        {
            let mut from = j;
            while from > k && (cx.is_cap(from - 1) || cx.lw(from - 1) == "the") {
                from -= 1;
            }
            let opens = from == k || cx.is_punct(from - 1, ",");
            return if opens && from < j {
                phrase(from, j)
            } else {
                None
            };
        }
        j += 1;
    }
    None
}

/// "Trump called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”":
/// quoted words that a comma, "and" or "or" joins to more quoted words are one list of
/// what was said, to the end of the clause. The clause's end when a quote ending at byte
/// `end` (not on a stop of its own) goes on so.
fn quoted_list_goes_on(cx: &Ctx<'_>, end: usize) -> Option<usize> {
    let doc = cx.doc;
    let k = doc.token_at_or_after(end);
    if k < 3 || k >= doc.tokens.len() || !cx.is_closing_quote(k - 1) {
        return None;
    }
    if matches!(doc.tokens[k - 2].kind, TokenKind::Terminal)
        || doc.sentence_of(k) != doc.sentence_of(k - 1)
    {
        return None;
    }
    let sent_end = doc.sentences[doc.sentence_of(k)].tokens.end;
    // a comma and/or "and"/"or", perhaps an article, then the next quotation
    let mut j = k;
    // (the comma may sit inside the marks: a “nasty guy,” an “anchor baby”)
    let comma = cx.is_punct(k - 2, ",") || j < sent_end && cx.is_punct(j, ",");
    if j < sent_end && cx.is_punct(j, ",") {
        j += 1;
    }
    let conj = j < sent_end && matches!(cx.lw(j), "and" | "or");
    if conj {
        j += 1;
    }
    if j < sent_end && matches!(cx.lw(j), "a" | "an" | "the") {
        j += 1;
    }
    if !(comma || conj) || j >= sent_end || !cx.is_quote(j) {
        return None;
    }
    let next = cx.quoted[cx.in_quote[j]? as usize];
    if next.open != j || !next.closed {
        return None;
    }
    // to the clause's stop: a stop or semicolon outside the marks, or the mark closing
    // a quotation that ends on one
    let mut m = j;
    while m < sent_end && m < j + 40 {
        // ("… and “people from China love me,” he also accuses it …": a new clause)
        let new_clause = m + 1 < sent_end
            && (cx.in_quote[m].is_none() && cx.is_punct(m, ",") || cx.closes_on_comma(m))
            && (lexicon::pronoun(cx.lw(m + 1)).is_some()
                || lexicon::cue_class(cx.lw(m + 1)).is_some());
        if new_clause {
            let last = if cx.is_closing_quote(m) { m } else { m - 1 };
            return Some(doc.tokens[last].span.end);
        }
        let stop = matches!(doc.tokens[m].kind, TokenKind::Terminal) || cx.is_punct(m, ";");
        if stop {
            return match cx.in_quote[m] {
                Some(qi) => {
                    let q = cx.quoted[qi as usize];
                    (q.close == m + 1).then(|| doc.tokens[q.close].span.end)
                }
                None => Some(doc.tokens[m - 1].span.end),
            };
        }
        m += 1;
    }
    (m == sent_end).then(|| doc.tokens[m - 1].span.end)
}

/// "The lawyers said, “all command the same conclusion” that Cruz complies with the
/// requirement": quoted words that stop short of any punctuation while the clause runs on
/// in lower case are the start of what was said, not all of it. The end of the clause
/// (the next comma or stop) when a quote ending at byte `end` runs on so.
fn quoted_words_run_on(cx: &Ctx<'_>, end: usize) -> Option<usize> {
    let doc = cx.doc;
    let k = doc.token_at_or_after(end);
    if k < 3 || k >= doc.tokens.len() || !cx.is_closing_quote(k - 1) {
        return None;
    }
    let last = k - 2;
    if matches!(doc.tokens[last].kind, TokenKind::Terminal)
        || cx.is_punct(last, ",")
        || cx.is_punct(last, ";")
        || cx.is_punct(last, ":")
        || cx.is_quote(last)
    {
        return None;
    }
    // ("what lawmakers called “fraud” led senators to …": a name given in a free
    // relative ends with its marks)
    if cx.in_quote[k - 1].is_some_and(|qi| named_in_free_relative(cx, &cx.quoted[qi as usize])) {
        return None;
    }
    let sent_end = doc.sentences[doc.sentence_of(k - 1)].tokens.end;
    if doc.sentence_of(k) != doc.sentence_of(k - 1)
        || doc.tokens[k].kind != TokenKind::Word
        || cx.is_cap(k)
        // ("“…” he said", "“…” and “…”": the quote ends there)
        || lexicon::cue_class(cx.lw(k)).is_some()
        || lexicon::pronoun(cx.lw(k)).is_some()
        || matches!(cx.lw(k), "and" | "or" | "but")
        // (a new paragraph is a new clause)
        || cx.text[doc.tokens[k - 1].span.end..doc.tokens[k].span.start].contains('\n')
    {
        return None;
    }
    let mut j = k;
    while j < sent_end && j < k + 25 {
        let t = doc.tokens[j];
        if cx.is_quote(j) {
            return None;
        }
        if matches!(t.kind, TokenKind::Terminal)
            || cx.is_punct(j, ",")
            || cx.is_punct(j, ";")
            || cx.is_punct(j, ":")
            || is_dash(cx.tx(j))
            || cx.text[doc.tokens[j - 1].span.end..t.span.start].contains('\n')
        {
            break;
        }
        j += 1;
    }
    // (a clause too long to be sure of)
    if j == k || j == k + 25 {
        return None;
    }
    Some(doc.tokens[j - 1].span.end)
}

/// A quotation that runs on over paragraphs leaves each paragraph's mark open and reopens
/// it at the next one (“A. / “B. / “C.”): one quote, not three. The pieces the rules
/// found are joined (sorted `found`); the first piece's speaker and cue stand, or the
/// first speaker a later piece has.
fn join_reopened_paragraphs(cx: &Ctx<'_>, found: &mut Vec<FoundQuote>) {
    let doc = cx.doc;
    // the quoted stretch that opens each paragraph (by paragraph index)
    let mut opens_para = vec![None; doc.paragraphs.len()];
    for q in &cx.quoted {
        let p = doc.sentences[doc.sentence_of(q.open)].paragraph;
        if doc.paragraphs[p].tokens.start == q.open {
            opens_para[p] = Some(q.span.start);
        }
    }
    // ("“PENCE: Well, …": a transcript's turns each open a mark, and each is its
    // speaker's own)
    let turn = |start: usize| {
        let k = doc.token_at_or_after(start) + 1;
        (k..(k + 3).min(doc.tokens.len()))
            .find(|&j| cx.is_punct(j, ":"))
            .is_some_and(|c| c > k && (k..c).all(|j| cx.tx(j).chars().all(|ch| !ch.is_lowercase())))
    };
    let mut joined: Vec<FoundQuote> = Vec::with_capacity(found.len());
    for b in found.drain(..) {
        let continues = joined.last().is_some_and(|a| {
            a.kind != QuoteKind::Indirect
                && b.kind == QuoteKind::Direct
                && !turn(a.span.start)
                && !turn(b.span.start)
                && {
                    // (the stretches are in text order: the one ending where `a` ends, by
                    // binary search, keeps this linear in the article)
                    let at = cx.quoted.partition_point(|q| q.span.end < a.span.end);
                    cx.quoted.get(at)
                }
                .is_some_and(|q| {
                    !q.closed
                        && q.span.end == a.span.end
                        && q.span.start >= a.span.start
                        // (the same mark reopens it: a “ inside a "-quoted excerpt is
                        // another quotation)
                        && cx.tx(q.open)
                            == doc.token_text(cx.text, doc.token_at_or_after(b.span.start))
                        && {
                            let p = doc.sentences[doc.sentence_of(q.open)].paragraph;
                            doc.paragraphs[p].tokens.end == q.close + 1
                                && opens_para.get(p + 1).copied().flatten() == Some(b.span.start)
                        }
                })
        });
        match joined.last_mut() {
            Some(a) if continues => {
                a.span = Span::new(a.span.start, b.span.end);
                if !matches!(a.speaker, Some(SpeakerSlot::Phrase(_)))
                    && matches!(b.speaker, Some(SpeakerSlot::Phrase(_)))
                {
                    a.speaker = b.speaker;
                    a.cue = b.cue;
                }
            }
            _ => joined.push(b),
        }
    }
    *found = joined;
}

/// A title in Title Case (“Tales From the Crypt”), or one after a work's noun, "of",
/// "with" or "on" (“on NBC’s “Meet the Press.””), names a work: it is no speech.
fn names_a_work(cx: &Ctx<'_>, q: &Quoted) -> bool {
    let doc = cx.doc;
    let has_terminal = (q.open + 1..=q.close).any(|i| doc.tokens[i].kind == TokenKind::Terminal);
    let inner_words: Vec<&str> = (q.open + 1..q.close)
        .filter(|&i| doc.tokens[i].is_word())
        .map(|i| cx.tx(i))
        .collect();
    // a capitalised word or a title's small word
    let title_word = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || lexicon::is_title_small_word(w)
            || matches!(w, "is" | "vs." | "’s" | "'s")
    };
    let title_case =
        inner_words.len() >= 2 && !has_terminal && inner_words.iter().all(|w| title_word(w));
    // "on NBC’s “Meet the Press.”", "a memo titled “The Facts on the Race.”": a name in
    // Title Case after a title's context, even with the sentence's period inside.
    // ("a co-author of “…”", "an interview with “Fox News Sunday.”", "in his 2012
    // book, “An American Son.”")
    let title_context = q.open > 0
        && (doc.tokens[q.open - 1].kind == TokenKind::Clitic
            || lexicon::is_work_noun(cx.lw(q.open - 1))
            || q.open > 1
                && cx.is_punct(q.open - 1, ",")
                && lexicon::is_work_noun(cx.lw(q.open - 2))
            // ("proceeded to perform “Bridge Over Troubled Water.”": a song performed)
            || matches!(
                cx.lw(q.open - 1),
                "on" | "of"
                    | "with"
                    | "titled"
                    | "entitled"
                    | "called"
                    | "named"
                    | "perform"
                    | "performed"
                    | "performing"
                    | "sang"
                    | "sing"
                    | "sings"
                    | "singing"
            ));
    // ("on ABC’s “This Week with George Stephanopoulos.”")
    let loose_title =
        inner_words.len() >= 2 && inner_words.iter().all(|w| title_word(w) || w.len() <= 3);
    title_case || title_context && loose_title
}

/// A work's name where its context says so: after a possessive, "of", "on", a work's noun
/// ("host of MSNBC’s “Morning Joe,”", "the author of “Going Viral,”"), not a slogan
/// standing alone ("“Make America Great Again,” said …").
fn names_a_work_in_context(cx: &Ctx<'_>, q: &Quoted) -> bool {
    q.open > 0
        && (cx.doc.tokens[q.open - 1].kind == TokenKind::Clitic
            || lexicon::is_work_noun(cx.lw(q.open - 1))
            || matches!(cx.lw(q.open - 1), "of" | "on"))
        && names_a_work(cx, q)
}

/// "Asked whether he would run again, Sanders said …": the question put to the speaker,
/// by someone the article does not name.
fn reported_question(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    // (or in an aside on the one asked: "Obama, asked at a news conference whether he
    // would withdraw the nomination, said …", "…, he said, when asked about …")
    let opens = c == s || c == s + 1 && cx.lw(s) == "when";
    let aside = c > s + 1
        && (cx.is_punct(c - 1, ",")
            || c > s + 2 && cx.lw(c - 1) == "when" && cx.is_punct(c - 2, ","));
    // ("Hillary Clinton was asked about speeches she made …", "he has been asked whether
    // …": a passive names the one asked, not the asker; 8 of 12 in PolNeAR train are
    // attributions with no speaker)
    let passive = c > s + 1
        && (lexicon::is_be_form(cx.lw(c - 1))
            || c > s + 2
                && (cx.lw(c - 1).ends_with("ly") || matches!(cx.lw(c - 1), "also" | "then"))
                && lexicon::is_be_form(cx.lw(c - 2)));
    if cx.lw(c) != "asked" || !(opens || aside || passive) || c + 2 >= e {
        return None;
    }
    let wh = |k: usize| {
        matches!(
            cx.lw(k),
            "whether" | "if" | "what" | "how" | "why" | "which" | "who" | "whom" | "when" | "where"
        )
    };
    let q = if wh(c + 1) {
        c + 1
    } else if passive && cx.lw(c + 1) == "about" {
        c + 2
    } else if aside
        && matches!(
            cx.lw(c + 1),
            "at" | "in" | "on" | "during" | "by" | "about" | "later" | "again" | "specifically"
        )
    {
        // (a place or time before the question, or what it was about)
        // (not a relative pronoun on the adjunct's noun: "asked by reporters who had
        // gathered outside")
        let q = (c + 1..(c + 9).min(e))
            .take_while(|&k| toks[k].is_word())
            .find(|&k| {
                matches!(
                    cx.lw(k),
                    "whether" | "if" | "what" | "how" | "why" | "about"
                )
            })?;
        if cx.lw(q) == "about" {
            q + 1
        } else {
            q
        }
    } else {
        return None;
    };
    // (the question starts at `q`)
    // (up to its comma, which may sit inside a quotation that closes the question:
    // "Asked if Sanders is “realistic enough,” 72 percent said …")
    let end = (q..e).find_map(|k| {
        if cx.is_punct(k, ",") && cx.in_quote[k].is_none() || toks[k].kind == TokenKind::Terminal {
            Some(k)
        } else if cx.is_punct(k, ",")
            && k + 2 < e
            && cx.is_closing_quote(k + 1)
            && (cx.is_cap(k + 2) || toks[k + 2].kind == TokenKind::Number)
        {
            Some(k + 2)
        } else {
            None
        }
    })?;
    // (what a passive's question was about ends before when and where it was put: "was
    // asked about her emails during the debate", "… at a campaign stop in Iowa"; not at
    // "by", which may be the noun's: "the claim of credit for the attack by a gunman")
    let about = passive && cx.lw(q - 1) == "about";
    let end = if about {
        let end = object_end(cx, q, end);
        (q + 1..end)
            .find(|&k| {
                matches!(cx.lw(k), "at" | "in" | "on")
                    && k + 1 < end
                    && (cx.is_cap(k + 1) || matches!(cx.lw(k + 1), "a" | "an" | "the"))
                    && k > q + 1
            })
            .unwrap_or(end)
    } else {
        end
    };
    // (a pronoun alone asks about nothing the article says here: "was asked about it")
    if about
        && lexicon::pronoun(cx.lw(q)).is_some()
        && (q + 1..end).all(|k| !toks[k].is_word() || cx.lw(k).ends_with("ly"))
    {
        return None;
    }
    let min_words = if about { 2 } else { 3 };
    if (q..end).filter(|&k| toks[k].is_word()).count() < min_words {
        return None;
    }
    let kind = kind_of(cx, q, end, claimed);
    Some(FoundQuote {
        span: Span::new(toks[q].span.start, toks[end - 1].span.end),
        kind,
        cue: Some(toks[c].span),
        speaker: None,
        confidence: 0.5,
    })
}

/// "Trump openly admires Vladimir Putin as a “strong leader,”", "has been pounding Trump as
/// a “con artist”", "an option seen by organizers as a “lifeboat”": quoted words that a
/// verb gives its object "as" are a characterisation in someone's words, a mixed quote from
/// the object (or the "as" right after the verb) to the closing mark, as PolNeAR reads it;
/// the speaker is the verb's subject where the sentence has one.
fn characterised_as(cx: &Ctx<'_>, q: &Quoted, found: &[FoundQuote]) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    if !q.closed {
        return None;
    }
    let mut a = q.open;
    if a > 0 && matches!(cx.lw(a - 1), "a" | "an" | "the") {
        a -= 1;
    }
    if a < 2 || cx.lw(a - 1) != "as" {
        return None;
    }
    let as_i = a - 1;
    let sent_start = doc_sentence_start(cx, as_i);
    // (not a list, a comparison or a standard: "such as “…”", "as well as", "the same as",
    // "as easily weaponized as the “1960s”")
    if as_i <= sent_start
        || matches!(
            cx.lw(as_i - 1),
            "such" | "well" | "same" | "so" | "just" | "much"
        )
        || (as_i.saturating_sub(5).max(sent_start)..as_i).any(|k| cx.lw(k) == "as")
    {
        return None;
    }
    // a verb: a past tense or participle, or a present in -s before its object
    let verb_at = |k: usize| {
        let l = cx.lw(k);
        // ("described the meeting as a “disaster”": a noun after its determiner)
        let noun = k > sent_start && lexicon::is_determiner(cx.lw(k - 1));
        toks[k].is_word()
            && !cx.is_cap(k)
            && !lexicon::is_determiner(l)
            && !lexicon::is_np_barrier(l)
            && !noun
            && (is_past_tense(l)
                || l.len() > 4 && l.ends_with("ing")
                || l.len() > 3
                    && l.ends_with('s')
                    && !l.ends_with("ss")
                    && k + 1 < as_i
                    && (cx.is_cap(k + 1)
                        || lexicon::is_determiner(cx.lw(k + 1))
                        || lexicon::pronoun(cx.lw(k + 1)).is_some()))
    };
    let verb = if verb_at(as_i - 1) {
        Some(as_i - 1)
    } else {
        // the object back to its verb, a few words of a noun phrase
        let mut k = as_i - 1;
        loop {
            if verb_at(k) {
                break Some(k);
            }
            let l = cx.lw(k);
            let np = toks[k].is_word() && !lexicon::is_np_barrier(l)
                || toks[k].kind == TokenKind::Clitic
                || cx.tx(k) == ".";
            if !np || k <= sent_start || as_i - k > 6 || cx.in_quote[k].is_some() {
                break None;
            }
            k -= 1;
        }
    }?;
    let start = if verb + 1 == as_i { as_i } else { verb + 1 };
    let span = Span::new(toks[start].span.start, q.span.end);
    if found
        .iter()
        .any(|f| f.span.start < span.end && span.start < f.span.end)
    {
        return None;
    }
    // (a passive or a participle right before "as" names no one who said it: "The camp,
    // known as the “Jungle,”", "was described as a “loner” by neighbors")
    let passive = verb + 1 == as_i
        || verb > sent_start
            && (lexicon::is_be_form(cx.lw(verb - 1)) || cx.lw(verb - 1) == "being");
    let speaker = if passive {
        None
    } else {
        sentence_subject(cx, sent_start, verb)
            .filter(|sp| sp.end <= toks[verb].span.start)
            .map(SpeakerSlot::Phrase)
    };
    Some(FoundQuote {
        span,
        kind: QuoteKind::Mixed,
        cue: Some(toks[verb].span),
        speaker,
        confidence: 0.5,
    })
}

/// "Trump is expected to deliver a victory speech later tonight", "The decision is widely
/// expected to be unfavorable for Beijing": an expectation the article reports without
/// saying whose, as PolNeAR attributes it (to no one named), up to the end of its clause.
/// So is what unnamed people say of someone: "Priebus was said to be “furious”" (with the
/// quoted words theirs).
fn reported_expectation(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    let said = cx.lw(c) == "said";
    if !(said || cx.lw(c) == "expected")
        || c + 3 >= e
        || cx.lw(c + 1) != "to"
        || cx.in_quote[c].is_some()
    {
        return None;
    }
    let be = |k: usize| {
        matches!(
            cx.lw(k),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "\u{2019}s"
        )
    };
    let adverb = |k: usize| {
        matches!(
            cx.lw(k),
            "widely"
                | "also"
                | "not"
                | "generally"
                | "largely"
                | "still"
                | "now"
                | "broadly"
                | "originally"
                | "initially"
                | "only"
                | "already"
        )
    };
    let passive = c > s && be(c - 1) || c > s + 1 && adverb(c - 1) && be(c - 2);
    // ("was said to be “furious”", "is said to have pressed for …": not a listener after
    // the preposition, "What was said to reporters was not true")
    if said && !matches!(cx.lw(c + 2), "be" | "have") {
        return None;
    }
    // (a verb after "to", not a noun: "expected to the end")
    let verb = toks[c + 2].is_word()
        && !cx.is_cap(c + 2)
        && !lexicon::is_determiner(cx.lw(c + 2))
        && lexicon::pronoun(cx.lw(c + 2)).is_none();
    if !passive || !verb {
        return None;
    }
    let start = c + 1;
    let end = clause_end_from(cx, start, e);
    // (what is expected is the writer's own words: a quotation inside is somebody else's)
    // (nor a report of its own inside: "is expected to tell supporters that he will win",
    // nor a question: "Who is expected to attend?")
    if !said && (start..end).any(|k| cx.in_quote[k].is_some())
        || (start..end).filter(|&k| toks[k].is_word()).count() < 3
        || lexicon::cue_class(cx.lw(c + 2)).is_some() && (c + 3..end).any(|k| cx.lw(k) == "that")
        || cx.tx(end.min(toks.len() - 1)) == "?"
    {
        return None;
    }
    let kind = if said {
        kind_of(cx, start, end, claimed)
    } else {
        QuoteKind::Indirect
    };
    Some(FoundQuote {
        span: Span::new(toks[start].span.start, toks[end - 1].span.end),
        kind,
        cue: Some(toks[c].span),
        speaker: None,
        confidence: 0.4,
    })
}

/// The end of a short reported phrase that starts at `start`: the first
/// [`Ctx::clause_stop`], or just after a comma inside a closing mark ("refused to say the
/// words “radical Islam,” another moment …": the mark stays), or `e`.
fn clause_end_from(cx: &Ctx<'_>, start: usize, e: usize) -> usize {
    (start..e)
        .find_map(|k| {
            if k > start && cx.closes_on_comma(k) {
                return Some(k + 1);
            }
            cx.clause_stop(k).then_some(k)
        })
        .unwrap_or(e)
}

/// The noun phrase right before `c` (see [`np_before`]) as a text span.
fn np_before_span(cx: &Ctx<'_>, s: usize, c: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    np_before(cx, s, c).map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
}

/// Who does the act of the verb at `c`: a participle's subject is the sentence's ("…,
/// urging voters to …"), any other form's the noun phrase right before it.
fn verb_subject(cx: &Ctx<'_>, s: usize, c: usize) -> Option<Span> {
    if lexicon::is_participle(cx.lw(c)) {
        sentence_subject(cx, s, c)
    } else {
        np_before_span(cx, s, c)
    }
}

/// "Cook declined to say whether it was a violation", "The aide refused to discuss the
/// matter": what a speaker declines to say is theirs as PolNeAR reads it (the phrase from
/// "to" on, 15 of 19 times in train), up to the end of its clause; not "declined to
/// comment" (no object) nor "refused to elaborate on …".
fn refused_to_say(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    if !matches!(
        cx.lw(c),
        "declined" | "refused" | "declines" | "refuses" | "declining" | "refusing"
    ) || c <= s
        || c + 3 >= e
        || cx.lw(c + 1) != "to"
        || cx.in_quote[c].is_some()
        || !matches!(
            cx.lw(c + 2),
            "say"
                | "answer"
                | "discuss"
                | "confirm"
                | "specify"
                | "name"
                | "disclose"
                | "reveal"
                | "identify"
        )
        // (an object, not where or when: "refused to answer on multiple occasions")
        || !toks[c + 3].is_word() && !cx.is_quote(c + 3)
        || matches!(
            cx.lw(c + 3),
            "on" | "in" | "at" | "during" | "for" | "after" | "before" | "when" | "further"
        )
        || lexicon::is_be_form(cx.lw(c - 1))
    {
        return None;
    }
    let start = c + 1;
    let end = clause_end_from(cx, start, e);
    // ("refused to name the street after King", "to confirm Smith as chairman", "to
    // identify as a Republican": these verbs' other senses, not speech)
    if matches!(cx.lw(c + 2), "name" | "confirm" | "identify")
        && (c + 3..end).any(|k| matches!(cx.lw(k), "as" | "after"))
    {
        return None;
    }
    if end < start + 3 {
        return None;
    }
    let speaker = verb_subject(cx, s, c)?;
    let kind = kind_of(cx, start, end, claimed);
    Some(FoundQuote::said_by(
        Span::new(toks[start].span.start, toks[end - 1].span.end),
        kind,
        Some(toks[c].span),
        speaker,
        0.5,
    ))
}

/// Where a short object phrase from `start` ends before `end`: at a subordinate clause
/// ("… as it nears the end", but not "as well as" nor "as a running mate"), at when it
/// happened ("during …", "throughout …", "last week", a weekday), or at "and"/"but"
/// before the subject's next verb ("… and has refused to …").
fn object_end(cx: &Ctx<'_>, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&k| {
            let l = cx.lw(k);
            let next = if k + 1 < end { cx.lw(k + 1) } else { "" };
            cx.in_quote[k].is_none()
                && (is_subordinator(l)
                    && !(l == "as"
                        && (next == "well"
                            || cx.lw(k - 1) == "well"
                            || lexicon::is_determiner(next)))
                    || matches!(l, "during" | "throughout")
                    || time_phrase_at(cx, k, end)
                    || lexicon::is_weekday(l) && cx.is_cap(k)
                    || matches!(l, "and" | "but")
                        && k + 1 < end
                        && (lexicon::is_auxiliary_or_modal(next)
                            || lexicon::cue_class(next).is_some()
                            || is_past_tense(next) && !cx.is_cap(k + 1)))
        })
        .unwrap_or(end)
}

/// "Republicans have been critical of Clinton’s use of email", "He’s also supportive of
/// the testing program": what someone is openly critical or supportive of is their stance
/// as PolNeAR reads it (train: 13 of the reading's 15 spans are attributions; without a
/// form of "be", "a new book critical of …", it is a description). The object runs to
/// its clause's end, short of a time or a subordinate clause; the speaker is the subject
/// of "be".
fn stance_adjective(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    if !matches!(
        cx.lw(c),
        "critical" | "supportive" | "skeptical" | "sceptical" | "dismissive"
    ) || c <= s + 1
        || c + 2 >= e
        || cx.lw(c + 1) != "of"
        || cx.in_quote[c].is_some()
        || !toks[c + 2].is_word()
    {
        return None;
    }
    // adverbs between "be" and the adjective: "was especially critical of"
    let mut b = c - 1;
    while b > s
        && (cx.lw(b).ends_with("ly") && cx.lw(b).len() > 3
            || matches!(cx.lw(b), "also" | "very" | "so" | "too" | "both" | "all"))
    {
        b -= 1;
    }
    // (or its clitic after a pronoun: "They’re supportive of …", "He’s also critical of …")
    let clitic_be = matches!(cx.lw(b), "’re" | "'re" | "’s" | "'s")
        && b > s
        && lexicon::is_subject_pronoun(cx.lw(b - 1));
    // ("Trump was not critical of Putin" states no stance: "not" is no adverb skipped)
    if !(lexicon::is_be_form(cx.lw(b)) || clitic_be) {
        return None;
    }
    // the object ends at its clause's stop, short of when and of the subject's next act
    // ("… critical of Mr. Trump but on Tuesday wrote that …", "… since they both were
    // competing …", "… throughout the campaign")
    let start = c + 2;
    let end = object_end(cx, start, clause_end_from(cx, start, e));
    let end = (start + 1..end)
        .find(|&k| cx.lw(k) == "but" && k + 1 < end && matches!(cx.lw(k + 1), "on" | "in" | "at"))
        .unwrap_or(end);
    // ("the operators who had been so dismissive of Bob left the country": in a relative
    // clause on the subject the object ends at the verb of the clause it sits in)
    let relative = (s..b).any(|k| matches!(cx.lw(k), "who" | "which" | "that"));
    let end = if relative {
        (start + 1..end)
            .find(|&k| {
                (is_past_tense(cx.lw(k)) || lexicon::is_auxiliary_or_modal(cx.lw(k)))
                    && !cx.is_cap(k)
                    && cx.in_quote[k].is_none()
            })
            .unwrap_or(end)
    } else {
        end
    };
    let speaker = verb_subject(cx, s, b)?;
    let kind = kind_of(cx, start, end, claimed);
    Some(FoundQuote::said_by(
        Span::new(toks[start].span.start, toks[end - 1].span.end),
        kind,
        Some(toks[c].span),
        speaker,
        0.5,
    ))
}

/// "The FBI is reportedly making arrangements to …", "Clinton has reportedly amassed the
/// delegates": what an auxiliary's "reportedly" hedges is reported by someone the article
/// does not name (PolNeAR train: 11 of 12 such verb phrases are attributions with no
/// speaker). From the verb to its clause's end.
fn reportedly(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    if cx.lw(c) != "reportedly"
        || c <= s
        || c + 2 >= e
        || cx.in_quote[c].is_some()
        || !matches!(
            cx.lw(c - 1),
            "has" | "have" | "had" | "is" | "are" | "was" | "were"
        )
        || !toks[c + 1].is_word()
    {
        return None;
    }
    // ("Trump has reportedly said that …": the verb of saying is the cue's own)
    if lexicon::cue_class(cx.lw(c + 1)).is_some() {
        return None;
    }
    let start = c + 1;
    // (short of a closing bracket, a subordinate clause, "… and has refused to …")
    let end = clause_end_from(cx, start, e);
    let end = (start + 1..end)
        .find(|&k| cx.is_punct(k, ")"))
        .unwrap_or(end);
    let end = object_end(cx, start, end);
    if (start..end).filter(|&k| toks[k].is_word()).count() < 2 {
        return None;
    }
    let kind = kind_of(cx, start, end, claimed);
    Some(FoundQuote {
        span: Span::new(toks[start].span.start, toks[end - 1].span.end),
        kind,
        cue: Some(toks[c].span),
        speaker: None,
        confidence: 0.4,
    })
}

/// A headline that gives a speaker and what they said: "Graham: Trump’s Rhetoric
/// Destroying GOP’s Chance". The speaker is a named person or organisation opening the
/// paragraph (not a dateline in capitals, not "Update:").
fn headline_colon(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    let para = &cx.doc.paragraphs[cx.doc.sentences[cx.doc.sentence_of(c)].paragraph];
    if s != para.tokens.start {
        return None;
    }
    // ("EXCLUSIVE – Roger Stone: …": a rubric in capitals and a dash before the name)
    let s = if c > s + 2 && is_dash(cx.tx(s + 1)) && is_capitals_word(cx.tx(s)) {
        s + 2
    } else {
        s
    };
    if c == s || c - s > 5 || c + 1 >= e {
        return None;
    }
    // ("The Latest: 3 towns cast first votes", "Correction: …": a rubric names no one)
    if (s..c).any(|i| matches!(cx.lw(i), "latest" | "update" | "correction" | "breaking")) {
        return None;
    }
    // ("Paul Ryan: ‘Anti-Semitic Images’ Have ‘No Place In A Campaign.’": a headline that
    // quotes a few words and goes on is the speaker's point, said in part in their
    // words; a quotation filling the rest is theirs whole, which the quotation rules read)
    if cx.is_quote(c + 1) {
        let qi = cx.in_quote[c + 1]? as usize;
        let q = cx.quoted[qi];
        let rest = (q.close + 1..e.max(para.tokens.end))
            .filter(|&i| cx.doc.tokens[i].is_word())
            .count();
        let sentence = (q.open + 1..q.close).any(|i| cx.doc.tokens[i].kind == TokenKind::Terminal);
        if q.open != c + 1 || !q.closed || rest < 2 || sentence {
            return None;
        }
    }
    let entity = |labels: &[EntityLabel]| {
        (s..c).any(|i| cx.entity_at(i).is_some_and(|m| labels.contains(&m.label)))
    };
    if c == s + 1 && cx.tx(s) == "A" {
        return interview_answer(cx, c, e.max(para.tokens.end), claimed);
    }
    // A label in capitals is a transcript's speaker ("TAPPER:") only when it is a person;
    // otherwise it is a dateline or a rubric ("WASHINGTON:", "UPDATE:").
    let capitals = (s..c).all(|i| !cx.tx(i).chars().any(char::is_lowercase));
    // ("Poll: Trump and Clinton hold narrow leads", "Insiders: Trump will rebound", a
    // surname met later in the article, "Milbank: …")
    // (a headline is one sentence; "Superdelegates: Clinton is backed by …" opening a
    // paragraph of several is a section's label)
    let source_noun = || {
        let last = cx.lw(c - 1);
        (lexicon::speaker_noun(last) || matches!(last, "newspaper" | "insiders" | "historians"))
            && e >= para.tokens.end
    };
    let name_ok = (s..c).all(|i| cx.is_cap(i) || cx.is_punct(i, "."))
        && if capitals {
            entity(&[EntityLabel::Per])
                // ("AP: …", "CNN: …": a news agency's initials)
                || c == s + 1 && entity(&[EntityLabel::Org]) && !entity(&[EntityLabel::Loc])
                || c == s + 1
                    && surname_of_someone_named(cx, s)
                    // (a place's name in capitals is a dateline, "WASHINGTON:", unless the
                    // article is a transcript with other turns: the tagger reads "OKORO" as
                    // a place too)
                    && (!entity(&[EntityLabel::Loc]) || other_capitals_label(cx, s))
        } else {
            entity(&[EntityLabel::Per, EntityLabel::Org])
                || source_noun()
                || c == s + 1 && surname_of_someone_named(cx, s)
        };
    if !name_ok {
        return None;
    }
    // the whole paragraph: a transcript's answer runs on for several sentences
    let e = e.max(para.tokens.end);
    let mut end = e;
    while end > c + 1 && matches!(toks[end - 1].kind, TokenKind::Terminal) {
        end -= 1;
    }
    // ("Cruz: Just hang on", "Christie: A closing surge": a few words with no verb under
    // a name are a heading, not a headline quoting the name)
    let words = (c + 1..end).filter(|&i| toks[i].is_word()).count();
    if words < 3
        || words < 5 && !looks_like_clause(cx, c + 1, end) && !has_finite_verb(cx, c + 1, end)
    {
        return None;
    }
    let kind = kind_of(cx, c + 1, end, claimed);
    Some(FoundQuote::said_by(
        Span::new(toks[c + 1].span.start, toks[end - 1].span.end),
        kind,
        None,
        Span::new(toks[s].span.start, toks[c - 1].span.end),
        0.6,
    ))
}

/// "A: Because a single building cannot fix a street." in a question-and-answer
/// interview (an earlier paragraph opens with "Q:"): the interviewee's answer. The
/// interviewee is the person named most often before the first question, the way such
/// pieces introduce their guest; with no one named, the answer has no speaker.
fn interview_answer(cx: &Ctx<'_>, c: usize, e: usize, claimed: &mut [bool]) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    let first_question = cx.doc.paragraphs.iter().find(|p| {
        p.tokens.len() > 2 && cx.tx(p.tokens.start) == "Q" && cx.is_punct(p.tokens.start + 1, ":")
    })?;
    if first_question.tokens.start >= c {
        return None;
    }
    let mut end = e;
    while end > c + 1 && matches!(toks[end - 1].kind, TokenKind::Terminal) {
        end -= 1;
    }
    if !(c + 1..end).any(|i| toks[i].is_word()) {
        return None;
    }
    let before = first_question.span.start;
    let people: Vec<&Mention> = cx
        .entities
        .iter()
        .take_while(|m| m.span.end <= before)
        .filter(|m| m.label == EntityLabel::Per)
        .collect();
    let surname = |m: &Mention| {
        m.span
            .text(cx.text)
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_lowercase()
    };
    let guest = people
        .iter()
        .max_by_key(|m| {
            let last = surname(m);
            let count = people.iter().filter(|n| surname(n) == last).count();
            // most mentions, then the longest name, then the first
            (count, m.span.len(), std::cmp::Reverse(m.span.start))
        })
        .map(|m| SpeakerSlot::Phrase(m.span));
    Some(FoundQuote {
        span: Span::new(toks[c + 1].span.start, toks[end - 1].span.end),
        kind: kind_of(cx, c + 1, end, claimed),
        cue: None,
        speaker: guest,
        confidence: 0.5,
    })
}

/// A word of two letters or more in capitals ("REPORTER", "EXCLUSIVE"): a transcript's
/// label or a rubric.
fn is_capitals_word(w: &str) -> bool {
    w.chars().count() > 1
        && !w.chars().any(char::is_lowercase)
        && w.chars().any(char::is_alphabetic)
}

/// Does another paragraph open with a different label in capitals and a colon
/// ("REPORTER:") than the one at token `k`?
fn other_capitals_label(cx: &Ctx<'_>, k: usize) -> bool {
    cx.doc.paragraphs.iter().any(|p| {
        let f = p.tokens.start;
        f != k
            && p.tokens.len() > 2
            && cx.is_punct(f + 1, ":")
            && is_capitals_word(cx.tx(f))
            && cx.tx(f) != cx.tx(k)
    })
}

/// Is the word at `k` ("OKORO", "Tapper") the last word of a person's name the tagger
/// found in the article ("Health Minister Daniel Okoro took questions.")?
fn surname_of_someone_named(cx: &Ctx<'_>, k: usize) -> bool {
    let word = cx.tx(k);
    word.chars().count() > 1
        && cx.entities.iter().any(|m| {
            m.label == EntityLabel::Per
                && m.span.text(cx.text).split_whitespace().count() > 1
                && m.span
                    .text(cx.text)
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last.to_lowercase() == word.to_lowercase())
        })
}

/// The speaker's label of a transcript line quoted in marks, "“PENCE: Well, …”",
/// "“SEN. GRAYSON: …”": words in capitals right after the opening mark, then a colon,
/// that name a person (a surname of someone named in full, the tagger's person, or one
/// word that is no rubric: "“VIDEO: …”" names nobody).
fn transcript_label_inside(cx: &Ctx<'_>, span: Span) -> Option<Span> {
    let toks = &cx.doc.tokens;
    let open = cx.doc.token_at_or_after(span.start);
    if open >= toks.len() || !cx.is_quote(open) {
        return None;
    }
    let para = &cx.doc.paragraphs[cx.doc.sentences[cx.doc.sentence_of(open)].paragraph];
    if para.tokens.start != open {
        return None;
    }
    let colon = (open + 1..(open + 6).min(toks.len())).find(|&k| cx.is_punct(k, ":"))?;
    let label = open + 1..colon;
    let capitals = !label.is_empty()
        && label.clone().all(|k| {
            let t = cx.tx(k);
            t == "." || toks[k].is_word() && !t.chars().any(char::is_lowercase)
        })
        && cx.tx(colon - 1).chars().count() > 1;
    // (a single word names the person unless it is a rubric: "“VIDEO: …”")
    let person = label
        .clone()
        .any(|k| cx.entity_at(k).is_some_and(|m| m.label == EntityLabel::Per))
        || surname_of_someone_named(cx, colon - 1)
        || label.len() == 1
            && cx.tx(colon - 1).chars().count() >= 3
            && cx.entity_at(colon - 1).is_none()
            && !matches!(
                cx.lw(colon - 1),
                "video"
                    | "update"
                    | "updated"
                    | "watch"
                    | "note"
                    | "photo"
                    | "photos"
                    | "read"
                    | "breaking"
                    | "correction"
                    | "claim"
                    | "fact"
                    | "source"
                    | "related"
                    | "warning"
                    | "exclusive"
                    | "opinion"
                    | "analysis"
                    | "live"
            );
    (capitals && person && toks[colon].span.end < span.end)
        .then(|| Span::new(toks[open + 1].span.start, toks[colon - 1].span.end))
}

/// Who introduces a quote that opens at token `open`: the words before a colon that ends
/// the text right before it (in its paragraph or as the end of the previous one), or a
/// short cue sentence ("Sanders replied.") right before it in its paragraph.
fn introducer(cx: &Ctx<'_>, open: usize, para_i: usize) -> Option<(Span, Option<Span>)> {
    let toks = &cx.doc.tokens;
    let para = &cx.doc.paragraphs[para_i];
    let prev = if open > para.tokens.start {
        Some(open - 1)
    } else if para_i > 0 && open == para.tokens.start {
        let p = &cx.doc.paragraphs[para_i - 1];
        (p.tokens.end > p.tokens.start).then(|| p.tokens.end - 1)
    } else {
        None
    }?;
    let sent = &cx.doc.sentences[cx.doc.sentence_of(prev)];
    let mut s = sent.tokens.start;
    // ("- Hannah Oyelaran, Save the Valley campaign: “…”": a list's bullet is no word)
    while s + 1 < prev
        && (matches!(cx.tx(s), "-" | "•" | "*" | "·" | "‣" | "▪") || is_dash(cx.tx(s)))
    {
        s += 1;
    }
    if cx.is_punct(prev, ":") {
        // ("“Met accused of whitewashing,” by Post's Kathianne Boniello: “A Manhattan man
        // is suing …”": a byline after a quoted headline introduces an excerpt of the
        // article, which no one said)
        if (s + 2..prev).any(|k| {
            cx.lw(k) == "by"
                && cx.is_closing_quote(k - 1)
                && (cx.is_punct(k - 2, ",") || cx.is_punct(k - 2, "."))
                && !(k + 1..prev).any(|j| cx.is_quote(j))
        }) {
            return None;
        }
        // a cue in the clause before the colon: its subject ("the Washington Post use …:"
        // has none: a capitalised cue word is a name)
        if let Some(c) = (s..prev).rev().find(|&k| {
            toks[k].kind == TokenKind::Word
                && lexicon::cue_class(cx.lw(k)).is_some()
                && !(cx.is_cap(k) && k > s)
        }) {
            if let Some((a, b)) = np_before(cx, s, c) {
                return Some((
                    Span::new(toks[a].span.start, toks[b - 1].span.end),
                    Some(toks[c].span),
                ));
            }
        }
        // a name, a comma and what the name is before the colon: "Peter Dunn, Rivermouth
        // District Council:", "Malik Farooq, farmer in Lower Esk:" (the name, not the
        // organisation or place in its description)
        let lead_end = (s..prev)
            .find(|&k| !(cx.is_cap(k) || cx.tx(k) == "."))
            .unwrap_or(prev);
        if lead_end > s
            && lead_end - s <= 4
            && cx.is_punct(lead_end, ",")
            // (a name, not an opener: "However, the message is clear:")
            && !is_discourse_adverb(cx.lw(s))
            && !is_time_word(cx.lw(s))
            && (lead_end - s >= 2 || cx.entity_at(s).is_some_and(|m| m.label == EntityLabel::Per))
            && prev - lead_end <= 10
            && !matches!(
                cx.lw(s),
                "in" | "on"
                    | "at"
                    | "for"
                    | "after"
                    | "before"
                    | "during"
                    | "from"
                    | "with"
                    | "by"
                    | "as"
                    | "when"
                    | "while"
                    | "if"
                    | "but"
                    | "and"
                    | "so"
                    | "then"
            )
            && lexicon::pronoun(cx.lw(s)).is_none()
            && !(s..prev).any(|k| {
                let l = cx.lw(k);
                cx.is_quote(k)
                    || !cx.is_cap(k)
                        && is_past_tense(l)
                    || lexicon::cue_class(l).is_some() && !cx.is_cap(k)
            })
        {
            return Some((
                Span::new(toks[s].span.start, toks[lead_end - 1].span.end),
                None,
            ));
        }
        // a name right before the colon: "Philip Bump:"
        // (the run of capitalised words, at most five, that ends before `end`)
        let capitals_before = |end: usize| {
            let mut a = end;
            while a > s && (cx.is_cap(a - 1) || cx.tx(a - 1) == ".") && end - a < 5 {
                a -= 1;
            }
            a
        };
        let a = capitals_before(prev);
        if a < prev {
            // ("Trump on Tuesday: “…”", "Trump in Ohio: “…”": when or where, after the
            // name)
            let when_or_where = a > s + 1
                && matches!(cx.lw(a - 1), "on" | "in" | "at")
                && ((a..prev).all(|k| is_time_word(cx.lw(k)))
                    || cx.entity_at(a).is_some_and(|m| m.label == EntityLabel::Loc));
            if when_or_where {
                let end = a - 1;
                let b = capitals_before(end);
                if b < end {
                    return Some((Span::new(toks[b].span.start, toks[end - 1].span.end), None));
                }
            }
            return Some((Span::new(toks[a].span.start, toks[prev - 1].span.end), None));
        }
        // the subject of the clause that ends in the colon, after a comma or a dash: "That
        // is, when the moderators yielded to snark, Cruz called them on it:"
        let boundary = |m: usize| cx.is_punct(m, ",") || is_dash(cx.tx(m));
        if let Some(name) = (s..prev).rev().filter(|&m| boundary(m)).find_map(|m| {
            let first = m + 1;
            let mut k = first;
            while k < prev && k - first < 4 && toks[k].kind == TokenKind::Word && cx.is_cap(k) {
                k += 1;
            }
            let verb = |l: &str| is_past_tense(l) || lexicon::cue_class(l).is_some();
            (k > first
                && k < prev
                && toks[k].kind == TokenKind::Word
                && !cx.is_cap(k)
                && verb(cx.lw(k))
                && lexicon::pronoun(cx.lw(first)).is_none()
                && !(first..k).any(|i| is_discourse_adverb(cx.lw(i)) || is_time_word(cx.lw(i))))
            .then(|| Span::new(toks[first].span.start, toks[k - 1].span.end))
        }) {
            return Some((name, None));
        }
        let subj = sentence_subject(cx, s, prev)?;
        return Some((subj, None));
    }
    // "… and later said, “It’s not just …”": a speech verb and a comma before the quote.
    // ("As Akhil Amar … put it, “…”")
    let put_it =
        prev > s + 2 && cx.lw(prev - 1) == "it" && matches!(cx.lw(prev - 2), "put" | "puts");
    if cx.is_punct(prev, ",")
        && prev > s + 1
        && toks[prev - 1].kind == TokenKind::Word
        && (put_it
            || lexicon::cue_class(cx.lw(prev - 1)) == Some(CueClass::Speech)
                && !lexicon::is_participle(cx.lw(prev - 1)))
    {
        let c = if put_it { prev - 2 } else { prev - 1 };
        let speaker = np_before(cx, s, c)
            .map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
            .or_else(|| sentence_subject(cx, s, c))?;
        return Some((speaker, Some(toks[c].span)));
    }
    // "Scarborough continued." right before the quote, in the same paragraph; also "Sam
    // Lau, the party's spokesman, said in a statement." (a subject with an appositive, a
    // short adjunct after the cue, and nothing that was said).
    // (the cheap tests first: most quotes have no such sentence to scan)
    let speech_cue =
        (open > para.tokens.start && toks[prev].kind == TokenKind::Terminal && prev - s <= 24)
            .then(|| {
                (s..prev).find(|&k| {
                    toks[k].kind == TokenKind::Word
                        && lexicon::cue_class(cx.lw(k)) == Some(CueClass::Speech)
                })
            })
            .flatten();
    if let Some(c) = speech_cue {
        let appositive = (s..c).any(|k| cx.is_punct(k, ","));
        if c - s > 8 && !(appositive && c - s <= 16) || (s..prev).any(|k| cx.is_quote(k)) {
            return None;
        }
        let adjunct = c + 1 < prev
            && prev - c - 1 <= 6
            && matches!(
                cx.lw(c + 1),
                "in" | "on" | "to" | "at" | "during" | "via" | "later" | "earlier" | "again"
            )
            && (c + 1..prev).all(|k| {
                toks[k].is_word()
                    && lexicon::cue_class(cx.lw(k)).is_none()
                    && !matches!(cx.lw(k), "that" | "he" | "she" | "they" | "it" | "we")
            });
        if c + 1 == prev
            || c + 1 < prev && (is_time_word(cx.lw(c + 1)) || time_phrase_at(cx, c + 1, prev))
            || adjunct
        {
            let speaker = if appositive {
                sentence_subject(cx, s, c)?
            } else {
                np_before_span(cx, s, c)?
            };
            return Some((speaker, Some(toks[c].span)));
        }
    }
    action_beat(cx, s, prev, para.tokens.start)
}

/// "He smiled. “That is a question for the chairman.”": a short sentence of how one
/// person looked or moved as they spoke, right before a quote in its paragraph, names who
/// speaks. The subject is "he"/"she" or a person's name, then a verb of a speaker's
/// manner (smiled, paused, shrugged: not any deed — "Reilly bought the gun in March. “This
/// was a cold execution”" is the prosecutor's, "He opened the letter. “We regret …”" the
/// letter's) and at most four more words; nothing quoted.
fn action_beat(
    cx: &Ctx<'_>,
    s: usize,
    prev: usize,
    para_start: usize,
) -> Option<(Span, Option<Span>)> {
    let toks = &cx.doc.tokens;
    if prev <= para_start || prev <= s || !cx.is_punct(prev, ".") {
        return None;
    }
    // (after an opener and its comma: "Asked whether the Fed had cut too quickly,
    // Holloway paused before answering.")
    if (s..prev).any(|k| cx.is_quote(k)) {
        return None;
    }
    let s = (s..prev)
        .rev()
        .find(|&k| cx.is_punct(k, ","))
        .map_or(s, |k| k + 1);
    let verb = if matches!(cx.lw(s), "he" | "she") {
        s + 1
    } else {
        let m = cx.entity_at(s).filter(|m| m.label == EntityLabel::Per)?;
        cx.doc.token_at_or_after(m.span.end)
    };
    let manner =
        verb < prev && toks[verb].is_word() && lexicon::is_speaker_manner_verb(cx.lw(verb));
    if !manner || prev - verb > 5 {
        return None;
    }
    Some((Span::new(toks[s].span.start, toks[verb - 1].span.end), None))
}

/// "Perry said in a speech last July:" closing its paragraph, then the words set off as a
/// paragraph of their own with no quotation marks (a block quote): the whole next
/// paragraph is what the subject said. Not when a quote already opens that paragraph.
fn block_quotes(cx: &Ctx<'_>, found: &mut Vec<FoundQuote>, claimed: &mut [bool]) {
    let toks = &cx.doc.tokens;
    let paras = &cx.doc.paragraphs;
    for (pi, para) in paras.iter().enumerate() {
        let Some(next) = paras.get(pi + 1) else { break };
        let (s0, colon) = (para.tokens.start, para.tokens.end.saturating_sub(1));
        if colon <= s0 || !cx.is_punct(colon, ":") || next.tokens.len() < 6 {
            continue;
        }
        let first = next.tokens.start;
        if cx.is_quote(first)
            || !cx.is_cap(first)
            || found.iter().any(|f| f.span.overlaps(next.span))
        {
            continue;
        }
        // the cue closes the clause: "he said:", "Hewitt writes:", "said in a speech:"
        let s = cx.doc.sentences[cx.doc.sentence_of(colon)].tokens.start;
        let Some(c) = (s..colon).rev().take(8).find(|&k| {
            toks[k].kind == TokenKind::Word
                && !cx.is_cap(k)
                && lexicon::cue_class(cx.lw(k)).is_some_and(|cl| cl != CueClass::Belief)
                // a verb, not a noun ("Beck's remarks below:", "the statement:")
                && !(k > s
                    && (lexicon::is_determiner(cx.lw(k - 1))
                        || toks[k - 1].kind == TokenKind::Clitic))
                // nothing after it but the occasion ("said in a speech last July:")
                && (k + 1 == colon
                    || matches!(
                        cx.lw(k + 1),
                        "in" | "on" | "at" | "during" | "to" | "last" | "this" | "after" | "via"
                    ))
                && (k + 1..colon).all(|j| !cx.is_quote(j) && cx.lw(j) != "that")
        }) else {
            continue;
        };
        let Some(speaker) = np_before(cx, s, c)
            .map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
            .or_else(|| sentence_subject(cx, s, c))
        else {
            continue;
        };
        let mut end = next.tokens.end;
        while end > first + 1 && matches!(toks[end - 1].kind, TokenKind::Terminal) {
            end -= 1;
        }
        let kind = kind_of(cx, first, end, claimed);
        found.push(FoundQuote::said_by(
            Span::new(toks[first].span.start, toks[end - 1].span.end),
            kind,
            Some(toks[c].span),
            speaker,
            0.6,
        ));
    }
}

/// A paragraph that only signs what came before: a dash, then a name of up to four
/// capitalised words, then at most a short description after a comma ("- Sanders.",
/// "— Josh Bivens, Economic Policy Institute"). The name's span.
fn signature_line(cx: &Ctx<'_>, para_i: usize) -> Option<Span> {
    let para = cx.doc.paragraphs.get(para_i)?;
    signature(cx, para.tokens.start, para.tokens.end)
}

/// The same signature after the quote on its own line: "“…” ― Krystal Correa" (a
/// collection of readers' or voters' words, one to a line). The quote must open its line
/// and the dash must follow its closing mark; the signature runs to the end of the line.
fn signature_on_line(cx: &Ctx<'_>, q: &Quoted, para_end: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    let starts_line =
        |i: usize| i == 0 || cx.text[toks[i - 1].span.end..toks[i].span.start].contains('\n');
    let from = q.close + 1;
    if !starts_line(q.open) || from >= para_end || starts_line(from) {
        return None;
    }
    let end = (from + 1..para_end)
        .find(|&i| starts_line(i))
        .unwrap_or(para_end);
    signature(cx, from, end)
}

/// A dash, then a name of up to four capitalised words, then at most a short
/// description after a comma, filling `start..end`. The name's span.
fn signature(cx: &Ctx<'_>, start: usize, mut end: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    while end > start && matches!(toks[end - 1].kind, TokenKind::Terminal) {
        end -= 1;
    }
    if end <= start + 1 || end - start > 14 || !(is_dash(cx.tx(start)) || cx.tx(start) == "-") {
        return None;
    }
    let first = start + 1;
    let mut k = first;
    while k < end && k - first < 4 && toks[k].kind == TokenKind::Word && cx.is_cap(k) {
        k += 1;
    }
    let name_ends = k > first
        && (k == end || cx.is_punct(k, ",") && k + 1 < end)
        && !(first..k).any(|i| lexicon::cue_class(cx.lw(i)).is_some());
    name_ends.then(|| Span::new(toks[first].span.start, toks[k - 1].span.end))
}

/// `Lungescu said.` / `said Lungescu.` as the whole rest of a paragraph after a quote.
fn trailing_cue_sentence(cx: &Ctx<'_>, from: usize, para_end: usize) -> Option<(Span, Span)> {
    let toks = &cx.doc.tokens;
    let mut end = para_end;
    while end > from && matches!(toks[end - 1].kind, TokenKind::Terminal | TokenKind::Punct) {
        end -= 1;
    }
    // ("… Trump said of Apple in February, when the company balked at …": a subordinate
    // clause after a comma is no part of the cue's sentence, nor are its reports the
    // cue's)
    let end = (from + 1..end)
        .find(|&k| {
            cx.is_punct(k, ",")
                && k + 1 < end
                && !cx.is_cap(k + 1)
                && is_subordinator(cx.lw(k + 1))
                && cx.lw(k + 1) != "as"
        })
        .unwrap_or(end);
    if end <= from || end - from > 30 {
        return None;
    }
    // The cue: a speech or writing verb that is not a noun ("the note says").
    let lexical = (from..end).find(|&i| {
        cx.doc.tokens[i].kind == TokenKind::Word
            && lexicon::cue_class(cx.lw(i)).is_some_and(|k| k != CueClass::Belief)
            && !(i > from && lexicon::is_determiner(cx.lw(i - 1)))
    });
    // "“…,” he surmised.": after a quote that ends on a comma, a pronoun or a name and
    // one past-tense verb close the sentence; the verb is a way of saying it.
    let comma_before = from >= 2 && cx.is_closing_quote(from - 1) && cx.is_punct(from - 2, ",");
    let manner = || {
        // ("“…,” Trump shot back.": a phrasal verb's particle closes the sentence)
        let v = if end >= from + 2 && matches!(cx.lw(end - 1), "back" | "out" | "up" | "in") {
            end - 2
        } else {
            end - 1
        };
        let l = cx.lw(v);
        let said = is_past_tense(l)
            && !cx.is_cap(v)
            && v > from
            && v - from <= 4
            && (lexicon::pronoun(cx.lw(from)).is_some() && v == from + 1
                || (from..v).all(|k| cx.is_cap(k) || cx.tx(k) == ".")
                // "an angry Hollande retaliated."
                || lexicon::is_determiner(cx.lw(from)) && cx.is_cap(v - 1));
        said.then_some(v)
    };
    // ("“…,” a voice-over in the ad states.", "“…,” the Saudis state in the white
    // paper.": "states" is mostly a noun, but not as the verb that closes a subject
    // after a quote, before the sentence's end or a preposition; "“…,” remembered Roy
    // Verley." is a way of saying it there, elsewhere it takes what is remembered)
    let states = || {
        let remembered =
            (from..end).find(|&i| matches!(cx.lw(i), "remembered" | "remembers") && !cx.is_cap(i));
        remembered.or_else(|| {
            // (the subject a noun phrase with no verb of its own; "state" after a plural,
            // not a place: "… at a rally in his home state.", "… in Washington state.")
            (from + 1..end).find(|&i| {
                matches!(cx.lw(i), "states" | "state")
                    && !cx.is_cap(i)
                    && toks[i - 1].is_word()
                    && !lexicon::is_determiner(cx.lw(i - 1))
                    && !lexicon::is_number_word(cx.lw(i - 1))
                    && !matches!(cx.lw(i - 1), "of" | "and")
                    && (cx.lw(i) == "states" || looks_plural(cx.lw(i - 1)))
                    && !(from..i).any(|k| {
                        toks[k].is_word()
                            && !cx.is_cap(k)
                            && (is_past_tense(cx.lw(k)) || lexicon::is_auxiliary_or_modal(cx.lw(k)))
                    })
                    && (i + 1 == end
                        || matches!(cx.lw(i + 1), "in" | "on" | "at" | "of")
                        || cx.is_punct(i + 1, ","))
            })
        })
    };
    let c = match lexical {
        Some(c) => c,
        None if comma_before => manner().or_else(states)?,
        None => return None,
    };
    // "… Clinton remarked, alluding to the actor.": a participle after a comma is the
    // speaker's next act; the cue's own clause ends before it.
    // ("- ''He would have loved Stalin,'' Mr. Biden said twice - and …": so does the dash
    // that closes an aside the cue sentence sits in; not one before the cue: "Trump - never
    // one to hold back - said")
    let end = (c + 1..end)
        .find(|&k| {
            cx.is_punct(k, ",")
                && k + 1 < end
                && cx.lw(k + 1).len() > 4
                && cx.lw(k + 1).ends_with("ing")
                && !cx.is_cap(k + 1)
                || cx.is_unquoted_dash(k)
        })
        .unwrap_or(end);
    if c + 1 < end && c == from {
        return Some((
            Span::new(toks[c + 1].span.start, toks[end - 1].span.end),
            toks[c].span,
        ));
    }
    // "… Obama asked Republican politicians.", "… Trump said on Twitter.": a listener
    // or a short adjunct may follow the cue.
    let particle = c + 2 == end && lexical.is_none();
    let tail_ok = c + 1 >= end || particle || {
        let n = cx.lw(c + 1);
        let limit = if matches!(n, "during" | "in" | "on" | "at" | "of" | "about" | "to")
            || lexicon::takes_listener(cx.lw(c))
        {
            // "… Trump added during his appearance on Fox and Friends.", "… McDonough
            // wrote in a September 16, 2012 email to top State officials."
            16
        } else {
            5
        };
        // ("… Mr. Biden said twice.", "… she said again.")
        let adverb = end == c + 2 && (lexicon::is_aux_or_adverb(n) || n == "twice");
        // ("… recalled him saying.")
        let him_saying = end == c + 3
            && matches!(n, "him" | "her" | "them")
            && lexicon::is_participle(cx.lw(c + 2));
        him_saying
            || adverb
            || (end - c - 1) <= limit
                && !(c + 1..end).any(|i| lexicon::cue_class(cx.lw(i)).is_some())
                // (a listener may be a show in quote marks: told ABC's “Good Morning America.”)
                && (lexicon::takes_listener(cx.lw(c)) || !(c + 1..end).any(|i| cx.is_quote(i)))
                && (is_time_word(n)
                    || time_phrase_at(cx, c + 1, end)
                    || adverbial_opener(cx, c + 1, end)
                    || matches!(
                        n,
                        "on" | "in"
                            | "at"
                            | "to"
                            | "during"
                            | "after"
                            | "before"
                            | "via"
                            // "… Price shouted into a microphone."
                            | "into"
                            // "… Thompson said of the swirl.", "He tweeted when Clinton …"
                            | "of"
                            | "about"
                            | "when"
                            | "as"
                            | "while"
                    )
                    || lexicon::takes_listener(cx.lw(c))
                    || cx.lw(c) == "asked")
    };
    // ("… Nate Silver, the polling guru who founded fivethirtyeight.com, tweeted": an
    // appositive makes the subject longer)
    let appositive = (from..c).any(|k| cx.is_punct(k, ","));
    // (the words before the cue name someone: "-- and, when questioned" does not)
    let names_someone = toks[from].is_word() && !matches!(cx.lw(from), "and" | "or" | "but");
    // ("… nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's
    // Institute for Science and International Security wrote in September.": a long
    // subject of names, after at most a few words describing them, is still a subject)
    let names = || {
        let first_cap = (from..c).find(|&k| cx.is_cap(k)).unwrap_or(c);
        first_cap - from <= 3
            && (from..first_cap).all(|k| toks[k].kind == TokenKind::Word && !cx.is_cap(k))
            && (first_cap..c).all(|k| {
                cx.is_cap(k)
                    || toks[k].kind == TokenKind::Clitic
                    || matches!(cx.lw(k), "of" | "and" | "the" | "for" | "-" | ".")
            })
    };
    // (a party tag in brackets and a nickname's marks make no subject longer: "Scott's
    // niece, state Del. Marcia “Cia” Price (D-Newport News), shouted")
    let mut asides = 0;
    let mut depth = 0;
    for k in from..c {
        if cx.is_punct(k, "(") {
            depth += 1;
        }
        if depth > 0 || cx.is_quote(k) {
            asides += 1;
        }
        if cx.is_punct(k, ")") && depth > 0 {
            depth -= 1;
        }
    }
    let len = c - from - asides;
    if c > from
        && (c - from <= 8
            || appositive && len <= 16 && end - from - asides <= 18
            || c - from <= 24 && names())
        && tail_ok
        && names_someone
    {
        return Some((
            Span::new(toks[from].span.start, toks[c - 1].span.end),
            toks[c].span,
        ));
    }
    None
}

/// Verbs that give something a name: "X called Y “Z”" (see [`naming_frame`]).
const NAMING_VERBS: &[&str] = &[
    "called",
    "calls",
    "calling",
    "call",
    "labeled",
    "labelled",
    "labeling",
    "labelling",
    "labels",
    "dubbing",
    "branding",
    "dubbed",
    "branded",
    "deemed",
    "termed",
];

/// "what lawmakers called “fraud”": a quotation right after a naming verb whose object
/// is a free relative's "what" a few words before it.
fn named_in_free_relative(cx: &Ctx<'_>, q: &Quoted) -> bool {
    q.open >= 2
        && is_naming_verb(cx.lw(q.open - 1))
        && (q.open.saturating_sub(6)..q.open - 1).any(|j| cx.lw(j) == "what")
}

/// "a racially charged argument", "Britain's emotionally charged uprising", "his
/// recently revealed strategies": an -ly adverb between a determiner and the word at `c`
/// makes it an adjective, no verb.
fn adverb_makes_adjective(cx: &Ctx<'_>, c: usize) -> bool {
    if c < 2 {
        return false;
    }
    let p = cx.lw(c - 1);
    p.ends_with("ly")
        && lexicon::is_aux_or_adverb(p)
        && (lexicon::is_determiner(cx.lw(c - 2))
            && !matches!(cx.lw(c - 2), "this" | "that" | "these" | "those")
            || cx.doc.tokens[c - 2].kind == TokenKind::Clitic
                && matches!(cx.lw(c - 2), "'s" | "\u{2019}s"))
}

fn is_naming_verb(l: &str) -> bool {
    NAMING_VERBS.contains(&l)
}

/// Stems of verbs that characterise something "as" quoted words ("described the plan as
/// “reckless”").
const CHARACTERISING_STEMS: [&str; 19] = [
    "describ",
    "portray",
    "characteriz",
    "characteris",
    "hail",
    "dismiss",
    "derid",
    "depict",
    "paint",
    "cast",
    "present",
    "summ",
    "pronounc",
    "declar",
    "label",
    "brand",
    "frame",
    "tout",
    "refer",
];

/// For each first byte of a characterising stem, the second bytes that follow it, a bit
/// per byte (`byte & 31`: bytes that share a bit only let more words on to the
/// comparisons).
const STEM_OPENINGS: [u32; 256] = {
    let mut openings = [0u32; 256];
    let mut k = 0;
    while k < CHARACTERISING_STEMS.len() {
        let stem = CHARACTERISING_STEMS[k].as_bytes();
        openings[stem[0] as usize] |= 1 << (stem[1] & 31);
        k += 1;
    }
    openings
};

/// Whether `l` starts with one of the [`CHARACTERISING_STEMS`].
fn has_characterising_stem(l: &str) -> bool {
    // (no stem is shorter than four bytes, and few words open with the two bytes of one:
    // most words need no comparison)
    let b = l.as_bytes();
    b.len() >= 4
        && STEM_OPENINGS[b[0] as usize] & (1 << (b[1] & 31)) != 0
        && CHARACTERISING_STEMS.iter().any(|stem| l.starts_with(stem))
}

/// Tries every cue frame at token `c`; a speech act with only an object ("criticized
/// the bill") reports what it was about.
fn cue_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    // (most tokens are no cue of any frame: the test is cheaper than the frames' own)
    if !cue_frame_may_fire(cx, e, c) {
        return None;
    }
    every_cue_frame(cx, s, e, c, claimed)
}

/// [`cue_frame`] without its pre-test.
fn every_cue_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    if writers_aside(cx, s, c) {
        return None;
    }
    // ("No doubt, companies will pay more": an opener, no one's doubt)
    if cx.lw(c) == "doubt" && c == s + 1 && cx.lw(s) == "no" && c + 1 < e && cx.is_punct(c + 1, ",")
    {
        return None;
    }
    // ("She has assumed a newly created role as …", "when he assumed office": taking on
    // a post is no assumption)
    if matches!(cx.lw(c), "assumed" | "assumes" | "assume" | "assuming")
        && (c + 1..(c + 5).min(e))
            .take_while(|&k| {
                cx.doc.tokens[k].is_word()
                    && !cx.is_cap(k)
                    && !lexicon::is_auxiliary_or_modal(cx.lw(k))
                    && !lexicon::is_subject_pronoun(cx.lw(k))
                    && cx.lw(k) != "that"
            })
            .any(|k| {
                matches!(
                    cx.lw(k),
                    "office"
                        | "post"
                        | "role"
                        | "control"
                        | "responsibility"
                        | "command"
                        | "power"
                        | "leadership"
                        | "duties"
                        | "mantle"
                        | "position"
                        | "presidency"
                        | "chairmanship"
                )
                // ("Analysts assumed control of the House would stay Republican": the
                // noun may open an assumed clause, with a verb of its own)
                && !(k + 1..(k + 8).min(e))
                    .take_while(|&m| !cx.is_punct(m, ","))
                    .any(|m| {
                        !cx.is_cap(m)
                            && (lexicon::is_auxiliary_or_modal(cx.lw(m))
                                || is_past_tense(cx.lw(m)))
                    })
            })
    {
        return None;
    }
    // ("Washington Post Hit Piece Exploits …": a capitalised cue word inside an
    // organisation's name the tagger found, after its first word, is part of the name; a
    // person's name in a headline's capitals may run on over the verb)
    if cx.is_cap(c)
        && cx.entity_at(c).is_some_and(|m| {
            m.label == EntityLabel::Org && m.span.start < cx.doc.tokens[c].span.start
        })
    {
        return None;
    }
    // ("when an ally feels threatened, Kalnins said …", "seemed surprised": an "-ed"
    // after a verb of seeming is an adjective, no cue)
    if c > s
        && cx.lw(c).ends_with("ed")
        && matches!(
            cx.lw(c - 1),
            "feel"
                | "feels"
                | "felt"
                | "seem"
                | "seems"
                | "seemed"
                | "look"
                | "looks"
                | "looked"
                | "become"
                | "becomes"
                | "became"
                | "remain"
                | "remains"
                | "remained"
                | "sound"
                | "sounds"
                | "sounded"
        )
    {
        return None;
    }
    // ("The research, led by scientists at … and published in the journal …, followed
    // participants …": a participle in an aside on the subject, not the subject's verb)
    if c > s
        && c + 1 < e
        && matches!(cx.lw(c), "published" | "released" | "issued" | "posted")
        && (cx.lw(c - 1) == "and"
            || cx.is_punct(c - 1, ",") && !(s..c - 1).any(|k| cx.is_punct(k, ",")))
        && matches!(
            cx.lw(c + 1),
            "in" | "on" | "by" | "at" | "last" | "this" | "earlier"
        )
        // (an aside that closes with a comma before the main verb; one opened by a comma
        // is the sentence's first: "Trump, who was criticized …, posted on Twitter that
        // …" and "Omar, a freshman Democrat, posted …" are main verbs)
        && (c + 2..(c + 14).min(e)).any(|k| cx.is_punct(k, ",") && cx.in_quote[k].is_none())
    {
        return None;
    }
    // ("A video posted online shows …", "a poll released Monday found …": a participle on
    // the subject, after its noun and determiner, before the subject's own verb)
    if c > s + 1
        && c + 2 < e
        && put_online(cx.lw(c))
        && cx.lw(c + 1) == "online"
        && noun_after_determiner(cx, s, c)
        && matches!(
            cx.lw(c + 2),
            "shows" | "showed" | "says" | "said" | "found" | "finds" | "suggests" | "suggested"
        )
    {
        return None;
    }
    // ("The WHO report said …", "a Pentagon statement says …": a cue word right before
    // a finite verb of saying or finding is that verb's subject, a noun; not a verb
    // before a noun: "said states like California …", "reports notes …"; not the
    // adjectives "added", "stated", "noted": "Doctors warn added sugar …")
    if c + 1 < e && lexicon::cue_class(cx.lw(c)).is_some() {
        let l = cx.lw(c);
        let past = l.ends_with("ed") || lexicon::is_irregular_past(l);
        let next = cx.lw(c + 1);
        let finite_past = matches!(next, "said" | "found" | "showed" | "concluded" | "warned");
        let finite_present = matches!(
            next,
            "says" | "states" | "finds" | "shows" | "concludes" | "notes" | "warns"
        );
        if !past && (finite_past || finite_present && !l.ends_with('s')) {
            return None;
        }
    }
    relative_gap_frame(cx, s, e, c, claimed)
        .or_else(|| clause_frame(cx, s, e, c, claimed))
        .or_else(|| topic_frame(cx, s, e, c, claimed))
        .or_else(|| quoted_object_frame(cx, s, e, c, claimed))
}

/// "the drawdown of troops, which they say left a vacuum", "moves that he said improved
/// Indiana's economy", "a deadline that several GOP insiders said went unnoticed": in a
/// relative clause whose subject is the gap, what the speaker said is the clause's verb
/// phrase, right after the cue; the antecedent is the subject it speaks of.
fn relative_gap_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    if !matches!(cx.lw(c), "say" | "says" | "said") || c + 2 >= e || c < s + 3 {
        return None;
    }
    let v = c + 1;
    let verb = cx.lw(v);
    let finite = toks[v].is_word()
        && !cx.is_cap(v)
        && (lexicon::is_auxiliary_or_modal(verb)
            || is_past_tense(verb) && !lexicon::is_participle(verb)
            // ("which Democrats say falls short": a present tense, no plural noun)
            || looks_plural(verb)
                && v + 1 < e
                && (lexicon::is_determiner(cx.lw(v + 1))
                    || matches!(cx.lw(v + 1), "far" | "short" | "to" | "more" | "less")));
    if !finite || lexicon::pronoun(verb).is_some() || verb == "that" {
        return None;
    }
    // the relative pronoun: the subject between it and the cue is a pronoun or a short
    // noun phrase with no verb of its own
    let rel = (c.saturating_sub(7).max(s + 1)..c)
        .rev()
        .find(|&k| matches!(cx.lw(k), "that" | "which"))?;
    if rel + 1 >= c
        || !(rel + 1..c).all(|k| {
            cx.np_word(k) && lexicon::cue_class(cx.lw(k)).is_none()
                || lexicon::pronoun(cx.lw(k)).is_some()
        })
    {
        return None;
    }
    // (a noun or a comma before it: "moves that", "Iraq, which"; not "argued that …")
    let before = rel - 1;
    let antecedent = cx.is_punct(before, ",") && cx.lw(rel) == "which"
        || toks[before].is_word()
            && cx.np_word(before)
            && lexicon::cue_class(cx.lw(before)).is_none()
            && !lexicon::is_aux_or_adverb(cx.lw(before))
            && !is_past_tense(cx.lw(before));
    // (a relative clause on the sentence's subject ends at the main verb, which no word
    // test finds: "The report that he said was false came out" is left alone)
    // ("The proposed bill that Democrats say …": an "-ed" word after a determiner is the
    // noun's adjective, no verb)
    let verb_before = (s..rel).any(|k| {
        toks[k].is_word()
            && !cx.is_cap(k)
            && (lexicon::is_auxiliary_or_modal(cx.lw(k))
                || is_past_tense(cx.lw(k)) && !(k > s && lexicon::is_determiner(cx.lw(k - 1))))
    });
    // (but one set off by ", which" ends at its closing comma: "The vote, which she has
    // said was a mistake, cost her")
    let set_off = cx.is_punct(before, ",") && cx.lw(rel) == "which";
    if !antecedent || !verb_before && !set_off {
        return None;
    }
    // (to the clause's end; "and which …" opens a second clause on the antecedent)
    let mut end = v;
    while end < e
        && !(cx.is_punct(end, ",") && cx.in_quote[end].is_none()
            || cx.is_punct(end, ";")
            || is_dash(cx.tx(end))
            || toks[end].kind == TokenKind::Terminal
            || matches!(cx.lw(end), "and" | "but")
                && end + 1 < e
                && matches!(cx.lw(end + 1), "which" | "that" | "who"))
    {
        end += 1;
    }
    // (a quoted fragment in it stands alone, as the seed article's gold has it: "which
    // Moscow has said must be addressed to avoid it taking “military measures”")
    if end < v + 2
        || (v..end).any(|k| cx.in_quote[k].is_some())
        || !(verb_before || end < e && cx.is_punct(end, ","))
    {
        return None;
    }
    // ("which French officials have said was …": the auxiliary is the cue's)
    let mut subj_end = c;
    while subj_end > rel + 2 && lexicon::is_aux_or_adverb(cx.lw(subj_end - 1)) {
        subj_end -= 1;
    }
    let speaker = Span::new(toks[rel + 1].span.start, toks[subj_end - 1].span.end);
    let kind = kind_of(cx, v, end, claimed);
    Some(vec![FoundQuote::said_by(
        Span::new(toks[v].span.start, toks[end - 1].span.end),
        kind,
        Some(toks[c].span),
        speaker,
        0.6,
    )])
}

/// The participles that put a document online ("A video posted online shows …"); each
/// stage that meets the phrase (the cue loop, the cue's noun test, the subject's end)
/// reads it with this one list.
fn put_online(l: &str) -> bool {
    matches!(l, "posted" | "published" | "released")
}

/// A lower-case noun right before `c`, after a determiner ("A video posted …").
fn noun_after_determiner(cx: &Ctx<'_>, s: usize, c: usize) -> bool {
    c > s + 1
        && cx.doc.tokens[c - 1].is_word()
        && !cx.is_cap(c - 1)
        && cx.np_word(c - 1)
        && lexicon::is_determiner(cx.lw(c - 2))
}

/// The writer's own voice in a verb of saying: "It is worth noting that …", "It goes
/// without saying that …", "Having said that, …", "It should be noted that …",
/// "Needless to say, …". Nobody is reported.
fn writers_aside(cx: &Ctx<'_>, s: usize, c: usize) -> bool {
    let back = |n: usize| if c >= s + n { cx.lw(c - n) } else { "" };
    match cx.lw(c) {
        "noting" | "mentioning" | "remembering" | "recalling" | "pointing" | "stressing" => {
            back(1) == "worth"
        }
        "saying" => back(1) == "without" && matches!(back(2), "goes" | "go" | "went"),
        "said" => {
            // ("Having said that, …"; not "Having said the vote was rigged, …")
            back(1) == "having"
                && c + 2 < cx.doc.tokens.len()
                && matches!(cx.lw(c + 1), "that" | "this")
                && cx.is_punct(c + 2, ",")
                || back(1) == "be"
                    && matches!(back(2), "must" | "should" | "can" | "could")
                    && back(3) == "it"
        }
        "noted" | "stressed" | "emphasized" | "emphasised" | "mentioned" | "added" | "stated" => {
            back(1) == "be"
                && matches!(back(2), "must" | "should" | "can" | "could" | "may")
                && back(3) == "it"
        }
        "say" => {
            back(1) == "to" && matches!(back(2), "needless" | "safe" | "fair")
                || back(1) == "to" && back(2) == "it" && back(3) == "suffice"
        }
        _ => false,
    }
}

/// A necessary condition for [`cue_frame`] to find anything at token `c` (sentence end
/// `e`): every frame it tries returns `None`, and claims nothing, unless its word is one
/// of these. Each test is the first one its frame makes:
/// - `clause_frame`: "according", "clear", "that", a request verb (`directive_verb`), a
///   naming verb, a characterising stem, or a cue verb (`lexicon::cue_class`);
/// - `topic_frame`: a topic verb (`lexicon::topic_verb`);
/// - `quoted_object_frame`: a verb's shape (`may_be_quoting_verb`) and a quotation
///   opening within the 24 tokens after it that it scans.
fn cue_frame_may_fire(cx: &Ctx<'_>, e: usize, c: usize) -> bool {
    if cx.doc.tokens[c].kind != TokenKind::Word {
        return false;
    }
    let l = cx.lw(c);
    cx.quote_opens_in(c + 1, e.min(c + 25)) && may_be_quoting_verb(l)
        || FRAME_WORDS.contains(l)
        || has_characterising_stem(l)
}

/// The words of `cue_frame_may_fire`'s word tests in one set: one look-up a token
/// instead of five. Built from the same lists the frames read.
static FRAME_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut set = rustc_hash::FxHashSet::default();
        set.extend(lexicon::cue_words());
        set.extend(lexicon::topic_verbs());
        set.extend(["according", "clear", "that"]);
        // (retorts: "shot back that …")
        set.extend(lexicon::RETORT_VERBS.iter().copied());
        set.extend(NAMING_VERBS);
        for (words, _) in DIRECTIVE_VERBS {
            set.extend(words.iter());
        }
        set
    });

/// A past tense by its shape: "-ed" on a word of five letters or more ("warned", not
/// "red"), or an irregular past ("took", "said").
fn is_past_tense(l: &str) -> bool {
    l.len() > 4 && l.ends_with("ed") || lexicon::is_irregular_past(l)
}

/// The shape of a verb `quoted_object_frame` reads: a past tense ("boomed", "took") or a
/// present in -s ("calls").
fn may_be_quoting_verb(l: &str) -> bool {
    is_past_tense(l) || l.ends_with('s') && l.len() > 3
}

/// Whether a word chants, shouts or mouths words: (as a verb, as a noun).
fn is_chant_word(l: &str) -> Option<(bool, bool)> {
    let verb = matches!(
        l,
        "chant"
            | "chanted"
            | "chanting"
            | "shout"
            | "shouted"
            | "shouting"
            | "yell"
            | "yelled"
            | "yelling"
            | "scream"
            | "screamed"
            | "screaming"
            | "mouthed"
            | "mouthing"
            | "cried"
            | "crying"
    );
    let noun = matches!(
        l,
        "chants" | "chant" | "shouts" | "cries" | "chorus" | "cry" | "screams" | "yells"
    );
    (verb || noun).then_some((verb, noun))
}

/// "… protesters gathered, chanting “no contract, no peace”", "the crowd broke into chants
/// of ''Lock her up!''": words chanted, shouted or mouthed are quoted as they were said,
/// however short (a scare quote is never chanted). Returns the chanting word and, when a
/// verb does the chanting, the clause's subject; a noun ("chants of") names nobody.
fn chanted(cx: &Ctx<'_>, q: &Quoted) -> Option<(usize, Option<Span>)> {
    if !q.closed || !(q.open + 1..q.close).any(|j| cx.doc.tokens[j].is_word()) {
        return None;
    }
    let sent = &cx.doc.sentences[cx.doc.sentence_of(q.open)];
    let s = sent.tokens.start;
    // the quotation follows the word at once, or after "of", "back", a comma or colon
    let mut c = q.open;
    while c > s
        && c + 3 > q.open
        && cx.in_quote[c - 1].is_none()
        && (matches!(cx.lw(c - 1), "of" | "back")
            || cx.is_punct(c - 1, ",")
            || cx.is_punct(c - 1, ":"))
    {
        c -= 1;
    }
    if c == s {
        return None;
    }
    let c = c - 1;
    if cx.doc.tokens[c].kind != TokenKind::Word || cx.in_quote[c].is_some() {
        return None;
    }
    let (verb, noun) = is_chant_word(cx.lw(c))?;
    // ("chants of “Trump!”": a noun takes "of" to name its chant)
    let of = (c + 1..q.open).any(|j| cx.lw(j) == "of");
    if !(verb || noun && of) {
        return None;
    }
    // the chanters are the subject of the clause the word hangs off: after a leading
    // stray mark, and after ", when …" ("…, when protesters interrupted her, shouting “…”")
    let mut from = s;
    while from < c && cx.is_quote(from) {
        from += 1;
    }
    for j in from + 1..c {
        if cx.is_punct(j - 1, ",")
            && matches!(
                cx.lw(j),
                "when" | "as" | "while" | "because" | "after" | "before" | "since" | "where"
            )
        {
            from = j + 1;
        }
    }
    let speaker = if of || from >= c {
        None
    } else {
        sentence_subject(cx, from, c)
    };
    Some((c, speaker))
}

/// "Rubio bemoaned the climate in which people “literally hate each other”": a verb
/// whose object carries the subject's own words (three or more quoted words: a one- or
/// two-word scare quote, "promised “severe” consequences", is the writer's).
fn quoted_object_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let l = cx.lw(c);
    if toks[c].kind != TokenKind::Word
        || c <= s
        || cx.is_cap(c)
        || !may_be_quoting_verb(l)
        || lexicon::is_aux_or_adverb(l)
        // (words in -s that are no verb: "Capitalizing on this new formula, …")
        || matches!(
            l,
            "this" | "thus" | "his" | "hers" | "its" | "ours" | "yours" | "theirs" | "always"
                | "perhaps" | "unless" | "across" | "whereas" | "towards" | "afterwards"
                | "less" | "plus" | "was" | "does" | "is" | "yes" | "news" | "politics"
        )
        || lexicon::is_determiner(cx.lw(c - 1))
        // "Obama’s actions “…”": a possessor's noun, not a verb
        || toks[c - 1].kind == TokenKind::Clitic
        // ("Mr. Trump's more extreme pronouncements, “…”": no verb ends so)
        || ["ments", "tions", "sions", "ances", "ences"].iter().any(|x| l.ends_with(x))
        || matches!(
            cx.lw(c - 1),
            "was" | "were" | "been" | "be" | "is" | "are" | "being"
        )
    {
        return None;
    }
    // (a dash right after the verb closes the aside it sits in)
    if c + 1 < e && is_dash(cx.tx(c + 1)) {
        return None;
    }
    // the quoted words within the verb's clause, not past a comma or another verb's cue
    let mut end = c + 1;
    let mut q_found = None;
    while end < e && end - c < 25 {
        // ("took the stage and called the system “rotten to the core”": the quote is the
        // second verb's)
        // ("has shifted over time, but it is a stretch to say she supported it “…”": a
        // clause of its own after a comma)
        // (not an aside: "called the plan, while flawed, “a step forward”")
        let next_clause = cx.is_punct(end, ",")
            && end + 2 < e
            && matches!(
                cx.lw(end + 1),
                "but" | "yet" | "while" | "although" | "though" | "because" | "so"
            )
            && (cx.is_cap(end + 2)
                || lexicon::is_subject_pronoun(cx.lw(end + 2))
                || lexicon::is_determiner(cx.lw(end + 2)))
            && (end + 2..(end + 6).min(e))
                .take_while(|&k| !cx.is_punct(k, ",") && cx.in_quote[k].is_none())
                .any(|k| lexicon::is_auxiliary_or_modal(cx.lw(k)) || is_past_tense(cx.lw(k)));
        let next_verb = matches!(cx.lw(end), "and" | "but")
            && end + 1 < e
            && (cx.lw(end + 1).ends_with("ed") || lexicon::is_irregular_past(cx.lw(end + 1)));
        if cx.in_quote[end].is_none()
            && (matches!(toks[end].kind, TokenKind::Terminal)
                || cx.is_punct(end, ";")
                || cx.is_punct(end, ",") && q_found.is_some()
                || next_verb
                || next_clause
                // ("came under fire over her assertion during the debate that “…”": the
                // quote is in the noun's clause)
                || cx.lw(end) == "that"
                    && (lexicon::that_head(cx.lw(end - 1))
                        || noun_before_occasion(cx, s, end, e).is_some())
                // ("to try to understand …" is the same clause)
                || lexicon::cue_class(cx.lw(end)).is_some()
                    && !matches!(cx.lw(end - 1), "to" | "was" | "were" | "is" | "are" | "be" | "been"))
        {
            break;
        }
        if let Some(qi) = cx.in_quote[end] {
            let q = cx.quoted[qi as usize];
            if q.open == end && !claimed[qi as usize] && q.closed {
                let words = (q.open + 1..q.close).filter(|&k| toks[k].is_word()).count();
                // a title in Title Case ("hosted “Saturday Night Live”") is a work
                let title = (q.open + 1..q.close)
                    .filter(|&k| toks[k].is_word())
                    .all(|k| cx.is_cap(k) || cx.lw(k).len() <= 3);
                if words >= 3 && !title && q_found.is_none() {
                    q_found = Some(qi);
                }
            }
        }
        end += 1;
    }
    let qi = q_found?;
    // (not a quotation with a cue of its own: "asserted that France had lost its
    // identity: “France is no longer France,” he claimed")
    // (only one that a colon or comma sets off: in "Weiner admitted that they had “been
    // friends,” he claimed …" the quoted phrase is inside the clause, still the subject's)
    let open = cx.quoted[qi as usize].open;
    if (cx.is_punct(open - 1, ":") || cx.is_punct(open - 1, ","))
        && quotation_with_own_cue(cx, open)
    {
        return None;
    }
    let subj = np_before(cx, s, c)?;
    // the subject must be a name or a pronoun: "Rubio", "he" — not "the plan" — and no
    // subject opens with a preposition ("For years, Twitter has positioned itself as a
    // “global town square”", "After the Paris attacks, Trump …": a plural noun there)
    if !(subj.0..subj.1).any(|k| cx.is_cap(k) || lexicon::pronoun(cx.lw(k)).is_some())
        || is_opening_preposition(cx.lw(subj.0))
        || subj.0 == s + 1 && is_opening_preposition(cx.lw(s))
    {
        return None;
    }
    while end > c + 1
        && (cx.is_punct(end - 1, ",") || matches!(toks[end - 1].kind, TokenKind::Terminal))
    {
        end -= 1;
    }
    let q = cx.quoted[qi as usize];
    claimed[qi as usize] = true;
    // "… then leaned in and boomed: “Let’s defeat her in November.”": a quotation that a
    // colon or comma introduces, opening with a capital, is the subject's own words.
    if q.open > c + 1
        && (cx.is_punct(q.open - 1, ":") || cx.is_punct(q.open - 1, ","))
        && q.open + 1 < q.close
        && cx.is_cap(q.open + 1)
    {
        return Some(vec![FoundQuote::said_by(
            q.span,
            QuoteKind::Direct,
            Some(toks[q.open - 2].span),
            Span::new(toks[subj.0].span.start, toks[subj.1 - 1].span.end),
            0.6,
        )]);
    }
    let end_byte = toks[end - 1].span.end.max(q.span.end);
    Some(vec![FoundQuote::said_by(
        Span::new(toks[c + 1].span.start, end_byte),
        QuoteKind::Mixed,
        Some(toks[c].span),
        Span::new(toks[subj.0].span.start, toks[subj.1 - 1].span.end),
        0.5,
    )])
}

/// Prepositions that open a scene-setting phrase at the start of a sentence ("For years,",
/// "After the attacks,"), never a subject.
fn is_opening_preposition(l: &str) -> bool {
    matches!(
        l,
        "for"
            | "after"
            | "before"
            | "in"
            | "on"
            | "at"
            | "during"
            | "since"
            | "over"
            | "with"
            | "from"
            | "despite"
            | "amid"
            | "throughout"
            | "within"
            | "under"
            | "among"
            | "until"
            | "by"
    )
}

/// "Khan decried Trump’s calls to ban Muslims during a speech": the object of an
/// evaluative speech act, up to the end of its clause.
fn topic_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    if toks[c].kind != TokenKind::Word || c <= s || cx.is_cap(c) || cx.in_quote[c].is_some() {
        return None;
    }
    let preps = lexicon::topic_verb(cx.lw(c))?;
    let mut i = c + 1;
    if preps != [""] {
        // ("spoke about 20 minutes": "about" rounds a number, it names no topic)
        if i >= e || !preps.contains(&cx.lw(i)) || about_a_number(cx, i) {
            return None;
        }
        i += 1;
    }
    let mut aux = c;
    while aux > s + 1
        && (cx.lw(aux - 1).ends_with("ly") && cx.lw(aux - 1).len() > 4
            || matches!(cx.lw(aux - 1), "also" | "not" | "never" | "already"))
    {
        aux -= 1;
    }
    let p = cx.lw(aux - 1);
    // ("Gross was referring to Jim Brady": a form of "be" before an "-ing" form is the
    // subject's own act in progress)
    let progressive = cx.lw(c).ends_with("ing") && lexicon::is_be_form(p);
    // ("Trump made no mention of Jeb Bush": the noun with its verb of making names who
    // mentions what; any other quantity before the noun is no verb's)
    let quantity = matches!(p, "no" | "any" | "little" | "scant" | "brief" | "passing");
    let made_mention = cx.lw(c) == "mention"
        && quantity
        && aux >= s + 3
        && matches!(
            cx.lw(aux - 2),
            "made" | "makes" | "make" | "making" | "carried" | "included"
        )
        && i < e
        && cx.lw(i) == "of";
    if quantity && !made_mention {
        return None;
    }
    if made_mention {
        i += 1;
    }
    // nouns ("his defense"), passives ("was criticized by", "was roundly criticized"),
    // refusals ("declined to discuss") are not someone speaking about something
    if lexicon::is_determiner(p)
        || toks[c - 1].kind == TokenKind::Clitic
        || !progressive
            && matches!(
                p,
                "was" | "were" | "been" | "be" | "is" | "are" | "being" | "to" | "get" | "got"
            )
    {
        return None;
    }
    // ("… or denouncing him as a “psychopath”": a participle's subject is the sentence's)
    let subj = if cx.lw(c).ends_with("ing") {
        let sp = match absolute_subject(cx, s, c) {
            Some(sp) => sp,
            None => sentence_subject(cx, s, c)?,
        };
        let a = cx.doc.token_at_or_after(sp.start);
        (a, cx.doc.token_at_or_after(sp.end).max(a + 1))
    } else if made_mention {
        np_before(cx, s, aux - 2)?
    } else {
        np_before(cx, s, c)?
    };
    // ("The term refers to a period of slow growth": only someone refers or points to
    // something, a name or a person's pronoun; so with a form of "be" before an "-ing":
    // "The easiest response is blaming the media" is a gerund, no one's act)
    if cx.lw(c).starts_with("refer") || cx.lw(c).starts_with("point") || progressive {
        // (a name the tagger found, not any capital: "Signs pointed to a slowdown")
        let someone = (subj.0..subj.1).any(|k| {
            cx.is_cap(k)
                && cx
                    .entity_at(k)
                    .is_some_and(|m| matches!(m.label, EntityLabel::Per | EntityLabel::Org))
                || lexicon::is_subject_pronoun(cx.lw(k)) && cx.lw(k) != "it"
                // (people, named or not, act in progress: "Republicans are attacking …")
                || progressive
                    && (cx.is_cap(k) && !lexicon::is_determiner(cx.lw(k))
                        || lexicon::speaker_noun(cx.lw(k)))
        });
        if !someone {
            return None;
        }
    }
    // the object runs to the end of its clause
    let mut end = i;
    while end < e {
        let l = cx.lw(end);
        // ("a candidate who has often denounced the party's orthodoxy might achieve …":
        // with the topic verb in a relative clause, a modal after a bare noun phrase is
        // the main clause's; not "denounced the cuts Republicans would make")
        if end > i + 1
            && matches!(
                l,
                "might" | "may" | "could" | "would" | "will" | "should" | "can" | "must"
            )
            && !cx.is_cap(end)
            && cx.in_quote[end].is_none()
            && (s..c).any(|k| matches!(cx.lw(k), "who" | "that" | "which"))
            && !(i..end).any(|k| {
                matches!(
                    cx.lw(k),
                    "that"
                        | "who"
                        | "whom"
                        | "whose"
                        | "which"
                        | "whether"
                        | "if"
                        | "what"
                        | "how"
                        | "why"
                        | "when"
                        | "where"
                ) || cx.in_quote[k].is_some()
            })
        {
            break;
        }
        // "cited several causes, including the weak economy": the list is the object's
        if end > i && cx.is_punct(end, ",") && end + 1 < e && cx.lw(end + 1) == "including" {
            end += 2;
            continue;
        }
        // ("the Sept. 11, 2001, terrorist attacks": the commas of a date)
        if end > i
            && cx.is_punct(end, ",")
            && toks[end - 1].kind == TokenKind::Number
            && end + 1 < e
            && toks[end + 1].kind == TokenKind::Number
            && cx.tx(end + 1).len() == 4
        {
            end += if end + 2 < e && cx.is_punct(end + 2, ",") {
                3
            } else {
                2
            };
            continue;
        }
        // "citing low economic growth, unemployment and growing inequality": a list of
        // noun phrases to the clause's end, its last joined by "and" or "or", is the object
        // (not a name's appositive: "Jeffrey D. Feltman, a State Department official …")
        if end > i
            && cx.is_punct(end, ",")
            && cx.in_quote[end].is_none()
            && !(cx.is_cap(end - 1) && end + 1 < e && matches!(cx.lw(end + 1), "a" | "an" | "the"))
        {
            if let Some(t) = list_goes_on(cx, end + 1, e) {
                end = t;
                continue;
            }
        }
        // "blasted the governor for saying on Monday that …": the reason given runs on past
        // a participle or a time phrase right after its "for"
        if end > i
            && toks[end].is_word()
            && (end.saturating_sub(3).max(i)..end).any(|m| cx.lw(m) == "for")
        {
            end += 1;
            continue;
        }
        // ("citing “the unique magic of Trump,” said …": a comma inside a closing mark
        // ends the object as one outside would; the mark stays with it)
        if end > i + 1 && cx.closes_on_comma(end) {
            end += 1;
            break;
        }
        if cx.in_quote[end].is_none()
            && (matches!(toks[end].kind, TokenKind::Terminal)
                || cx.is_punct(end, ",")
                || cx.is_punct(end, ";")
                || cx.is_punct(end, ":")
                || cx.tx(end).starts_with(['\u{2014}', '\u{2013}'])
                || cx.tx(end) == "--"
                || matches!(
                    l,
                    "because"
                        | "after"
                        | "before"
                        | "during"
                        | "when"
                        | "while"
                        | "since"
                        | "although"
                        | "though"
                        | "but"
                        | "as"
                        | "despite"
                )
                // ("…, saying", but not "the notion that the campaign is calling the
                // former secretary of state corrupt": a verb in progress)
                || matches!(l, "saying" | "calling" | "adding" | "citing")
                    && !(end > i && lexicon::is_be_form(cx.lw(end - 1)))
                || cx.tx(end) == "-" && toks[end].span.start > toks[end - 1].span.end
                // "endorsed Cruz Wednesday", "endorsed her last summer"
                || end > i && (lexicon::is_weekday(l) || matches!(l, "yesterday" | "today"))
                || end > i && matches!(l, "last" | "this" | "next") && end + 1 < e && matches!(cx.lw(end + 1), "summer" | "spring" | "fall" | "autumn" | "winter")
                // "endorsed Cruz last week", "endorsed Trump in early June": the time
                // of the act is not its object
                || end > i && time_phrase_at(cx, end, e)
                || end > i
                    && end + 1 < e
                    && matches!(l, "in" | "on")
                    && (is_time_word(cx.lw(end + 1)) || matches!(cx.lw(end + 1), "early" | "late"))
                // "had endorsed Kasich and is slated to …": the next verb of the subject
                || end > i
                    && l == "and"
                    && end + 1 < e
                    && matches!(
                        cx.lw(end + 1),
                        "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
                    )
                // "denied the allegations and resigned", "criticized Singer and challenged
                // him": a past tense after "and" is the subject's next act
                || end > i
                    && l == "and"
                    && end + 2 < e
                    && !cx.is_cap(end + 1)
                    && !cx.lw(end + 1).contains('-')
                    && is_past_tense(cx.lw(end + 1))
                    && !lexicon::is_participle(cx.lw(end + 2)))
        {
            break;
        }
        end += 1;
    }
    // "dismissed that suggestion as a sign of a campaign in “disarray”", "assailed a
    // federal judge, Gonzalo Curiel, for his “Mexican heritage”": the characterisation
    // in the subject's words belongs to the object.
    if end < e && (cx.lw(end) == "as" || cx.is_punct(end, ",")) {
        let stop = (end + 1..e)
            .find(|&k| {
                cx.in_quote[k].is_none()
                    && (matches!(toks[k].kind, TokenKind::Terminal)
                        || cx.is_punct(k, ";")
                        || lexicon::cue_class(cx.lw(k)).is_some())
            })
            .unwrap_or(e);
        // (not over a clause of its own: "worried about a lack of passion among young
        // voters, President Obama is rolling out a new message: “…”")
        if let Some(q) = (end + 1..stop)
            .find_map(|k| cx.in_quote[k].map(|qi| cx.quoted[qi as usize]))
            .filter(|q| q.closed && q.close < stop)
            .filter(|q| cx.lw(end) == "as" || !has_finite_verb(cx, end + 1, q.open))
        {
            end = q.close + 1;
        } else if cx.lw(end) == "as"
            && end + 1 < e
            && (matches!(cx.lw(end + 1), "a" | "an" | "the")
                || toks[end + 1].kind == TokenKind::Word
                    && !cx.is_cap(end + 1)
                    && lexicon::pronoun(cx.lw(end + 1)).is_none()
                    && !matches!(
                        cx.lw(end + 1),
                        "if" | "well" | "much" | "long" | "soon" | "far" | "though" | "part"
                    ))
        {
            // "cited Alphabet as the most likely buyer": the role given to the object
            end = (end + 1..stop)
                .find(|&k| cx.is_punct(k, ",") || is_dash(cx.tx(k)))
                .unwrap_or(stop);
        }
    }
    // ("… as a debate-eve conversion and accused …": the conjunction is the next verb's)
    while end > i + 1
        && cx.in_quote[end - 1].is_none()
        && matches!(cx.lw(end - 1), "and" | "or" | "but")
    {
        end -= 1;
    }
    let words = (i..end).filter(|&k| toks[k].is_word()).count();
    // a bare pronoun or a clause ("denied that …" was the clause frame's) is no topic,
    // nor an agent ("The bill, opposed by House Republicans, …")
    if words == 0
        || words == 1 && lexicon::pronoun(cx.lw(i)).is_some()
        || matches!(
            cx.lw(i),
            "to" | "it" | "by" | "out" | "up" | "off" | "in" | "on" | "at" | "during"
        )
        // ("The account Trump retweeted was set up as a trap": the object is a gap; not
        // "praised May's handling")
        || !cx.is_cap(i)
            && (lexicon::is_be_form(cx.lw(i)) || lexicon::is_auxiliary_or_modal(cx.lw(i)))
        // ("the proposals outlined last week", "the evacuation ordered Friday": a
        // participle on a noun, then when)
        || time_phrase_at(cx, i, e)
        || lexicon::is_time_word(cx.lw(i))
            && cx.is_cap(i)
            && !(i + 1 < e && toks[i + 1].kind == TokenKind::Clitic)
        // ("dismissed that suggestion as …": "that" as a determiner is fine)
        || cx.lw(i) == "that" && looks_like_clause(cx, i + 1, end.max(i + 1))
        // "the crowd applauded loudly"
        || words == 1 && cx.lw(i).ends_with("ly")
        || cx.lw(c).starts_with("question") && questions_a_person(cx, i, e)
    {
        return None;
    }
    let kind = kind_of(cx, i, end, claimed);
    let speaker = Span::new(toks[subj.0].span.start, toks[subj.1 - 1].span.end);
    Some(vec![FoundQuote::said_by(
        Span::new(toks[i].span.start, toks[end - 1].span.end),
        kind,
        Some(Span::new(toks[c].span.start, toks[c].span.end)),
        speaker,
        0.5,
    )])
}

/// Where a list that goes on at `from` (after a comma) ends: noun phrases and commas up
/// to the clause's end (a full stop, a semicolon, a colon, a dash or `e`), with "and" or
/// "or" before its last item and no verb of its own ("…, unemployment and growing
/// inequality."). None when the words after the comma are anything else.
fn list_goes_on(cx: &Ctx<'_>, from: usize, e: usize) -> Option<usize> {
    // (", and most voters oppose …": a conjunction right after the comma opens a clause;
    // a list's comma comes after an item)
    if from >= e || matches!(cx.lw(from), "and" | "or") {
        return None;
    }
    let mut joined = false;
    let mut k = from;
    while k < e && k - from < 24 {
        let l = cx.lw(k);
        if cx.clause_stop(k) && !cx.is_punct(k, ",") {
            break;
        }
        if matches!(l, "and" | "or") {
            joined = true;
        } else if !(cx.is_punct(k, ",") || cx.np_word(k))
            || cx.in_quote[k].is_some()
            || lexicon::cue_class(l).is_some()
            || lexicon::topic_verb(l).is_some()
            || lexicon::is_auxiliary_or_modal(l)
            || lexicon::pronoun(l).is_some()
            || is_subordinator(l)
            || matches!(l, "who" | "which" | "that" | "whose")
            || !cx.is_cap(k) && is_past_tense(l)
        {
            return None;
        }
        k += 1;
    }
    let reaches_end = k >= e || cx.clause_stop(k) && !cx.is_punct(k, ",");
    (joined && reaches_end && k > from + 2).then_some(k)
}

/// The frames whose content is a clause or a quotation.
fn clause_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let l = cx.lw(c);
    if toks[c].kind != TokenKind::Word {
        return None;
    }
    // according to X
    if l == "according" && c + 1 < e && cx.lw(c + 1) == "to" {
        return according_to(cx, s, e, c, claimed);
    }
    if let Some(found) = directive_frame(cx, s, e, c, claimed) {
        return Some(found);
    }
    if is_naming_verb(l) && c > s {
        return naming_frame(cx, s, e, c, claimed);
    }
    // "described the plan as “reckless”", "hailed the vote as “fantastic”": a
    // characterisation with "as" before quoted words.
    let characterises = c > s
        && has_characterising_stem(l)
        && (c + 1..(c + 12).min(e)).any(|k| {
            // ("as a “work in progress”", "as an ISIS “co-founder”": a few words
            // of the phrase may come before the mark)
            cx.lw(k) == "as"
                && (k + 1..(k + 5).min(e)).any(|j| {
                    cx.in_quote[j].is_some_and(|qi| cx.quoted[qi as usize].open == j)
                        && (k + 1..j).all(|m| toks[m].is_word())
                })
        });
    if characterises {
        if let Some(found) = naming_frame(cx, s, e, c, claimed) {
            return Some(found);
        }
    }
    if let Some(found) = characterisation_frame(cx, s, e, c, claimed) {
        return Some(found);
    }
    // "her argument that …", "expressed concern that …", "is confident that …".
    let make = |i: usize| matches!(cx.lw(i), "made" | "make" | "makes" | "making");
    let made_clear = c >= s + 2
        && cx.lw(c - 1) == "clear"
        && (make(c - 2) || c >= s + 3 && cx.lw(c - 2) == "it" && make(c - 3));
    // "has also made clear he will seek …" (no "that")
    if l == "clear"
        && c > s
        && (make(c - 1) || c >= s + 2 && cx.lw(c - 1) == "it" && make(c - 2))
        && c + 1 < e
        && cx.lw(c + 1) != "that"
        && looks_like_clause(cx, c + 1, e)
    {
        let m = if make(c - 1) { c - 1 } else { c - 2 };
        let speaker = np_before(cx, s, m)
            .map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
            .or_else(|| sentence_subject(cx, s, m))?;
        return content_after(cx, c + 1, e, toks[c].span, speaker, 0.6, claimed, "clear");
    }
    // ("warning darkly that …": an adverb between the head and "that"; "Beck’s
    // contention was that …": a copula)
    let head = if c > s + 1
        && (cx.lw(c - 1).ends_with("ly") && cx.lw(c - 1).len() > 4
            || matches!(cx.lw(c - 1), "is" | "was") && lexicon::that_head(cx.lw(c - 2)))
    {
        c - 2
    } else {
        c.saturating_sub(1)
    };
    // ("Trump's assertion Monday that …", "her claim during the debate that …": when
    // or where the claim was made, between the noun and its clause)
    let head = if l == "that" && c > s + 1 && !lexicon::that_head(cx.lw(head)) {
        noun_before_occasion(cx, s, c, e).unwrap_or(head)
    } else {
        head
    };
    // ("a statement that said …": "that" is the relative pronoun of the verb after it;
    // the verb is the cue)
    // ("comments that compared her to …": so is a past tense with its own object right
    // after "that"; a that-clause has a subject first)
    let relative_subject = c + 1 < e
        && (says_shows_or_finds(cx.lw(c + 1))
            || c + 2 < e
                && !cx.is_cap(c + 1)
                && is_past_tense(cx.lw(c + 1))
                // (an object right after it; "claims that armed Palestinians attacked …"
                // has an adjective before its subject)
                && (matches!(cx.lw(c + 2), "him" | "her" | "them" | "me" | "us" | "it")
                    || lexicon::is_determiner(cx.lw(c + 2)) && !has_finite_verb(cx, c + 3, e))
            // ("a message that fails to scintillate": a present tense with an infinitive
            // after it right after "that"; "people to" or "immigrants from" would need a
            // verb of their own, and "-ns" ends plurals such as "citizens", not verbs)
            || c + 3 < e
                && !cx.is_cap(c + 1)
                && cx.lw(c + 1).len() > 4
                && cx.lw(c + 1).ends_with('s')
                && !cx.lw(c + 1).ends_with("ss")
                && !cx.lw(c + 1).ends_with("ns")
                && !person_plural(cx.lw(c + 1))
                && cx.lw(c + 2) == "to"
                && toks[c + 3].kind == TokenKind::Word
                && !cx.is_cap(c + 3)
                && !lexicon::is_determiner(cx.lw(c + 3))
                && !has_finite_verb(cx, c + 3, e));
    if l == "that"
        && c > s
        && (lexicon::that_head(cx.lw(head)) || made_clear)
        && c + 1 < e
        && !relative_subject
    {
        // "Bill O'Reilly's aside that …": the possessor made the remark
        // ("Trump's false claims that …": an adjective or two may come between)
        let clitic = (head.saturating_sub(3).max(s + 1)..head).rev().find(|&k| {
            toks[k].kind == TokenKind::Clitic
                && (k + 1..head).all(|m| toks[m].kind == TokenKind::Word && !cx.is_cap(m))
        });
        let possessor = clitic.filter(|&k| k > s && cx.is_cap(k - 1)).map(|k| {
            let mut a = k - 1;
            while a > s && (cx.is_cap(a - 1) || cx.tx(a - 1) == ".") && k - 1 - a < 4 {
                a -= 1;
            }
            Span::new(toks[a].span.start, toks[k - 1].span.end)
        });
        // ("rejected Chinese claims that …": whose claims they are is no subject)
        // (only before a plural noun and after a lower-case word: "The Chinese claim
        // that …" and "Dawn French claims that …" have subjects)
        if possessor.is_none()
            && head > s
            && cx.is_cap(head - 1)
            && is_demonym_adjective(cx.tx(head - 1))
            && cx.lw(head).ends_with('s')
            && (head - 1 == s || !cx.is_cap(head - 2))
        {
            return None;
        }
        // ("her assertion that …", "his repeated claims that …": a possessive pronoun)
        let pronoun_possessor = || {
            (head.saturating_sub(3).max(s)..head).rev().find(|&k| {
                // (not "its": "the missive … ridiculed for its prediction that …")
                matches!(cx.lw(k), "his" | "her" | "their")
                    && (k + 1..head).all(|m| {
                        toks[m].kind == TokenKind::Word
                            && !cx.is_cap(m)
                            && !lexicon::is_determiner(cx.lw(m))
                    })
                    // ("He gave her assurances that …", "sent her a message that …":
                    // "her" as the verb's object)
                    && !(cx.lw(k) == "her" && k > s && may_be_verb(cx, k - 1))
            })
        };
        let subject_noun = noun_is_subject(cx, s, head);
        // ("The company's claim that …": a possessor in lower case; with none, whose
        // claim it is goes unsaid: "But the position that … was not widely supported")
        let common_possessor = || {
            (s + 1..head)
                .find(|&k| toks[k].kind == TokenKind::Clitic)
                .map(|k| Span::new(toks[s].span.start, toks[k - 1].span.end))
        };
        // ("His campaign protested that …": a verb's subject, whoever owns it)
        // ("The IMF's forecasts that growth would slow": after a determiner or a
        // possessive the word is a noun, whose possessor claims)
        let that_verb = lexicon::is_that_verb(cx.lw(head));
        let verb = that_verb
            && !(head > s
                && (lexicon::is_determiner(cx.lw(head - 1))
                    || toks[head - 1].kind == TokenKind::Clitic));
        if that_verb && !verb && possessor.is_none() {
            return None;
        }
        if verb && c + 1 < e && cx.lw(c + 1) == "to" {
            return None;
        }
        let speaker = match possessor
            .filter(|_| !verb)
            .or_else(|| pronoun_possessor().filter(|_| !verb).map(|k| toks[k].span))
        {
            Some(p) => Some(p),
            // (the verb's own subject: "…, but his campaign later clarified that …")
            None if verb => {
                Some(verb_subject(cx, s, head).or_else(|| sentence_subject(cx, s, head))?)
            }
            None if subject_noun => common_possessor(),
            None => Some(sentence_subject(cx, s, c - 1)?),
        };
        // (the clause of a subject's claim ends where the sentence's own verb begins)
        let end = if subject_noun {
            subject_clause_end(cx, c, e)
        } else {
            e
        };
        if !looks_like_clause(cx, c, end) || relative_that(cx, head, c, end) {
            return None;
        }
        let cue = toks[head].span;
        let found = content_after(
            cx,
            c,
            end,
            cue,
            speaker.unwrap_or(cue),
            0.6,
            claimed,
            "that",
        );
        return match speaker {
            Some(_) => found,
            None => found.map(|v| {
                v.into_iter()
                    .map(|f| FoundQuote { speaker: None, ..f })
                    .collect()
            }),
        };
    }
    // ("shot back that …", "fired back: “…”": a retort)
    // (not "hit back, saying …": the participle reports it)
    let retort = lexicon::is_retort_verb(l)
        && c + 1 < e
        && cx.lw(c + 1) == "back"
        && !(c + 3 < e && cx.is_punct(c + 2, ",") && lexicon::is_content_participle(cx.lw(c + 3)));
    let class = lexicon::cue_class(l).or(retort.then_some(CueClass::Speech))?;
    // "The Washington Post reported": a capitalised cue word inside a sentence is a name
    // (in a Title Case headline, "Trump Says …", it is still the verb).
    if c > s && cx.is_cap(c) && !cx.is_quote(c - 1) {
        let words: Vec<usize> = (s..e)
            .filter(|&i| toks[i].kind == TokenKind::Word)
            .collect();
        let caps = words.iter().filter(|&&i| cx.is_cap(i)).count();
        if caps * 10 < words.len() * 6 {
            return None;
        }
    }
    let mut cue_end = c + 1;
    if let Some(p) = lexicon::needs_particle(l) {
        if c + 1 < e && cx.lw(c + 1) == p {
            cue_end = c + 2;
        } else {
            return None;
        }
    }
    // Nouns that look like verbs: "the said", "his claims", "Russia’s demands".
    if c > s {
        let p = cx.lw(c - 1);
        if lexicon::is_determiner(p)
            && !matches!(
                p,
                "that"
                    | "one"
                    // ("“…,” another said.": one more of the people just quoted)
                    | "another"
                    | "two"
                    | "three"
                    | "many"
                    | "some"
                    | "several"
                    | "both"
                    | "all"
                    | "most"
                    | "few"
                    | "other"
            )
            || toks[c - 1].kind == TokenKind::Clitic
                && p != "n't"
                && p != "n\u{2019}t"
                // "He's said" is "he has said", "they’ve suggested"
                && !(matches!(
                    p,
                    "'s" | "\u{2019}s" | "'ve" | "\u{2019}ve" | "'d" | "\u{2019}d" | "'ll" | "\u{2019}ll"
                )
                    && c >= s + 2
                    && lexicon::pronoun(cx.lw(c - 2)).is_some())
        {
            return None;
        }
        // "a racially charged argument", "Britain's emotionally charged uprising": an
        // adverb between a determiner and the word makes it an adjective
        if c >= s + 2 && adverb_makes_adjective(cx, c) {
            return None;
        }
        // ("The poll also finds that …": an adverb between the subject and its verb)
        let subj = if c >= s + 2 && matches!(p, "also" | "now" | "still" | "again" | "further") {
            c - 2
        } else {
            c - 1
        };
        let sp = cx.lw(subj);
        // ("Health worries have dogged …": a plural with a verb of its own right after it
        // is the subject's noun)
        if lexicon::is_noun_like_verb(l)
            && l.ends_with('s')
            // (not in a relative clause whose subject is the gap: "which the Tax Foundation
            // estimates would cost …")
            && !(c.saturating_sub(8).max(s)..c).any(|k| matches!(cx.lw(k), "which" | "that" | "who"))
            && c + 1 < e
            && matches!(
                cx.lw(c + 1),
                "have" | "are" | "were" | "will" | "would" | "could" | "can" | "may" | "might"
            )
        {
            return None;
        }
        if lexicon::is_noun_like_verb(l)
            && !(cx.is_cap(subj)
                && !lexicon::is_determiner(sp)
                && !is_demonym_adjective(cx.tx(subj))
                || lexicon::pronoun(sp).is_some()
                || lexicon::speaker_noun(sp)
                // ("Trump did post on Twitter that …": after "do" only a verb can
                // stand; after a modal it is as often a verb of finding or judging:
                // "voters would find it a good deal")
                || matches!(sp, "did" | "does" | "do") && subj == c - 1
                // "…, writing “…”": a participle after a comma is the verb
                || p == "," && lexicon::is_content_participle(l)
                // ("quoted him as writing that …")
                || p == "as" && lexicon::is_content_participle(l)
                // "O'Brien, a GOP consultant, notes that …": after an appositive
                // ("The report, titled “Broken Promises,” concludes that …": one that
                // ends in a quoted title)
                || (p == "," || titled_aside_before(cx, s, c).is_some())
                    && c + 1 < e
                    && cx.lw(c + 1) == "that"
                // ("Flying is not a right, notes Gerry Hebert of …": inverted after a
                // clause, before a name)
                || p == ","
                    && c + 1 < e
                    && cx.is_cap(c + 1)
                    && looks_like_clause(cx, s, c - 1)
                    && np_after(cx, c + 1, e).is_some_and(|np| {
                        let j = cx.doc.token_at_or_after(np.end);
                        (c + 1..j).all(|k| {
                            cx.is_cap(k)
                                || cx.is_punct(k, ".")
                                || matches!(cx.lw(k), "of" | "the" | "for" | "at" | "and")
                        })
                            && (j >= e
                            || toks[j].kind == TokenKind::Terminal
                            || cx.is_punct(j, ",")
                            || matches!(cx.lw(j), "of" | "at" | "from"))
                    })
                // ("A snap poll of debate watchers found that …": a noun before and
                // "that" after make it a verb)
                || c + 1 < e
                    && cx.lw(c + 1) == "that"
                    // (a finding's verb: not "news reports that", "weapons charges that")
                    && matches!(l, "found" | "finds" | "show" | "shows" | "showed")
                    && cx.doc.tokens[subj].kind == TokenKind::Word
                    // (any noun before a form that is no noun: "An estimate by the
                    // budget office found that", "A survey this year found that"; "game
                    // shows that" is still the noun)
                    && (looks_plural(sp) || matches!(l, "found" | "finds" | "showed"))
                    && !lexicon::is_determiner(sp)
                    && !lexicon::is_np_barrier(sp)
                // ("A video posted online shows …": after where it was put, the verb)
                || sp == "online"
                    && c >= s + 2
                    && put_online(cx.lw(c - 2)))
        {
            return None;
        }
        if p == "to"
            && c >= s + 2
            && matches!(
                cx.lw(c - 2),
                "declined" | "refused" | "wants" | "want" | "wanted"
            )
        {
            return None;
        }
    }
    let cue_span = Span::new(toks[c].span.start, toks[cue_end - 1].span.end);
    let confidence = match class {
        CueClass::Speech => 0.9,
        CueClass::Writing => 0.75,
        CueClass::Belief => 0.6,
    };

    // Inverted: "…,” said X" / "…, said X".
    // "…,” said X" / "…, said X" — but not "Sarandon, 69, told MSNBC", where the comma
    // closes an aside inside the subject.
    let prev_is_comma_or_quote = c > s
        && (cx.is_closing_quote(c - 1)
            || cx.is_punct(c - 1, ",")
                && !(c >= s + 2 && cx.doc.tokens[c - 2].kind == TokenKind::Number));
    // "…, told CBS News" is never inverted: what follows "told" is the listener.
    let listener_verb = matches!(
        l,
        "told" | "tell" | "tells" | "telling" | "informed" | "reminded" | "assured"
    );
    if prev_is_comma_or_quote
        && !listener_verb
        && class != CueClass::Belief
        && cue_end < e
        && !lexicon::is_participle(l)
    {
        // After a bare comma (no closing quote) the words before may be the subject's
        // appositive ("Harvey, a delegate from Houston, said the turmoil at …"): only a
        // name or a pronoun may then take a trailing phrase.
        let bare_comma = !cx.is_closing_quote(c - 1);
        // "Clinton, Sanders and Gov. Nixon, tweeted their approval": with a bare comma the
        // words before must be a clause (a verb outside any "who …" aside), not a subject.
        let clause_before = !bare_comma || {
            let mut ok = false;
            let mut seg = s;
            for k in s..=c - 1 {
                if k == c - 1 || cx.is_punct(k, ",") {
                    // ("Several candidates, including Trump, said …": an aside)
                    let relative = seg < k
                        && matches!(
                            cx.lw(seg),
                            "who" | "which" | "whom" | "including" | "especially" | "notably"
                        );
                    // ("“We’re extremely happy” about the decision, said RoseAnn DeMoro":
                    // a quotation opening the words before is what was said)
                    let quoted = seg < k
                        && cx.in_quote[seg].is_some_and(|qi| {
                            let q = cx.quoted[qi as usize];
                            q.open == seg && q.closed && q.close < k
                        });
                    if seg < k && !relative && (quoted || looks_like_clause(cx, seg, k)) {
                        ok = true;
                        break;
                    }
                    seg = k + 1;
                }
            }
            ok
        };
        // (a name or a pronoun somewhere in the phrase: "says political scientist Dossym
        // Satpayev in Almaty")
        let named = (cue_end..(cue_end + 5).min(e))
            .take_while(|&k| cx.np_word(k))
            .any(|k| cx.is_cap(k) || lexicon::pronoun(cx.lw(k)).is_some());
        if let Some(np) = np_after(cx, cue_end, e).filter(|np| {
            let j = cx.doc.token_at_or_after(np.end);
            // ("…,” Mr. Guerrero, who is an actor, said of Mr. Trump.": what it was about)
            // ("“the real polls” showed him winning": an object pronoun is no speaker)
            if !clause_before
                || matches!(
                    cx.lw(cue_end),
                    "of" | "about" | "to" | "him" | "them" | "me" | "us"
                )
            {
                return false;
            }
            // ("Hartwell, the author of “Line in the Sand,” said the bill would fail": a
            // noun phrase with its own auxiliary after the cue is what was said)
            if j < e && lexicon::is_auxiliary_or_modal(cx.lw(j)) {
                return false;
            }
            // ("Hemsley, the co-author of “Going Viral,” said the days when …": a work's
            // name closing an aside on the subject is no quotation; the subject says)
            if !bare_comma
                && cx.in_quote[c - 1].is_some_and(|qi| {
                    let q = cx.quoted[qi as usize];
                    // (an aside: a comma between the subject and the name; not "It’s
                    // Washington’s version of “Let’s Make a Deal,” said Sen. Flake")
                    q.close == c - 1
                        && cx.is_punct(q.close - 1, ",")
                        && q.open > s
                        && (s..q.open).any(|k| cx.is_punct(k, ","))
                        && (names_a_work_in_context(cx, &q)
                            || names_a_work(cx, &q) && !(cue_end..j).any(|k| cx.is_cap(k)))
                })
            {
                return false;
            }
            // after a closing quote the phrase after the cue is the speaker whatever
            // follows it ("…,” said Marc Elias, a lawyer who represents …)
            j >= e
                || !bare_comma
                || matches!(toks[j].kind, TokenKind::Terminal)
                || cx.is_punct(j, ",")
                // ("…, said Brad Bannon, a Democratic pollster and consultant.")
                // ("…, said lobbyist and GOP strategist Charlie Black, Manafort's former
                // partner.")
                || matches!(cx.lw(j), "and" | "or")
                    && (j + 1..e)
                        .take_while(|&m| toks[m].kind != TokenKind::Terminal)
                        .all(|m| cx.np_word(m) || cx.is_punct(m, ","))
                || named
                    && matches!(
                        cx.lw(j),
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "when"
                            | "while"
                            | "as"
                            | "to"
                            | "from"
                            | "via"
                            | "last"
                            | "this"
                            | "yesterday"
                            | "today"
                            | "("
                            // ("…, said a handful of Democrats who point to …")
                            | "who"
                            // ("…, said Grant Green, an official under Presidents …")
                            | "under"
                            | "for"
                            | "with"
                    )
                // ("…, said RoseAnn DeMoro, executive director of National Nurses United,
                // a union that has broken away …": a relative clause on the appositive)
                || named && matches!(cx.lw(j), "that" | "which") && np.text(cx.text).contains(',')
        }) {
            return content_before(cx, s, c, cue_span, np, confidence, claimed);
        }
    }
    // ("…, the race will be tight, said Dan Gerstein, director of …", "… as of 2005, said
    // Jeffrey N. Trimble, a senior official": a name right after ", said" and closed by a
    // comma or a stop is who spoke, never what was said, even when the words before are
    // too tangled to read)
    if c > s && cx.is_punct(c - 1, ",") && cue_end < e && cx.is_cap(cue_end) && !listener_verb {
        if let Some(np) = np_after(cx, cue_end, e) {
            let j = cx.doc.token_at_or_after(np.end);
            // (the name may carry its appositive: "Jeffrey N. Trimble, a senior official")
            let name_end = (cue_end..j).find(|&k| cx.is_punct(k, ",")).unwrap_or(j);
            let names = (cue_end..name_end).all(|k| cx.is_cap(k) || !toks[k].is_word());
            if names
                && (j >= e || cx.is_punct(j, ",") || matches!(toks[j].kind, TokenKind::Terminal))
            {
                // (after a clause that ends in a number, not an age between commas
                // "Sarandon, 69, said", the clause is what the name said)
                let number_ends_clause = c >= s + 3
                    && toks[c - 2].kind == TokenKind::Number
                    && !cx.is_punct(c - 3, ",")
                    && looks_like_clause(cx, s, c - 1);
                // (nor a subject with its aside: "And Trump, said Sunshine, …, doesn't
                // forgive"; a long stretch with no comma is a sentence of its own: "The
                // rejection of the treaty signals “the beginning of the end” for the EU,
                // said Geert Wilders")
                let long_clause = c >= s + 7
                    && !(s..c - 1).any(|k| cx.is_punct(k, ",") && cx.in_quote[k].is_none())
                    && (s..c - 1).any(|k| {
                        toks[k].is_word()
                            && !cx.is_cap(k)
                            && (is_past_tense(cx.lw(k))
                                || lexicon::is_auxiliary_or_modal(cx.lw(k))
                                || lexicon::cue_class(cx.lw(k)).is_some())
                    });
                if number_ends_clause || long_clause {
                    let name = Span::new(np.start, toks[name_end - 1].span.end);
                    return content_before(cx, s, c, cue_span, name, confidence, claimed);
                }
                return None;
            }
        }
    }

    // Participle: "…, saying (that) C" — the speaker is the clause's subject.
    if lexicon::is_participle(l) {
        if !lexicon::is_content_participle(l)
            || !(c > s
                && (cx.is_punct(c - 1, ",")
                    || cx.lw(c - 1) == "and"
                    || toks[c - 1].is_word()
                    // "She’s hoping …"
                    || toks[c - 1].kind == TokenKind::Clitic
                    || cx.is_closing_quote(c - 1)))
        {
            return None;
        }
        // "The agency quoted Kim, the leader's sister, as saying …": the one quoted is the
        // speaker, not the one quoting ("was quoted by X as saying" keeps the subject)
        let quoted_one = (c >= s + 3 && cx.lw(c - 1) == "as")
            .then(|| {
                (s.max(c.saturating_sub(20))..c - 2)
                    .rev()
                    .take_while(|&k| {
                        toks[k].kind != TokenKind::Terminal
                            && !cx.is_quote(k)
                            && !cx.is_punct(k, ";")
                    })
                    .find(|&k| matches!(cx.lw(k), "quoted" | "quotes" | "quoting" | "quote"))
            })
            .flatten()
            // ("was quoted by …", "was quoted on Tuesday as saying": the subject is quoted)
            .filter(|&k| {
                cx.lw(k + 1) != "by"
                    && !(k > s
                        && matches!(
                            cx.lw(k - 1),
                            "was" | "were" | "is" | "are" | "been" | "being" | "be"
                        ))
            })
            .and_then(|k| {
                let mut b = c - 1;
                while b > k + 1 && cx.is_punct(b - 1, ",") {
                    b -= 1;
                }
                (b > k + 1).then(|| Span::new(toks[k + 1].span.start, toks[b - 1].span.end))
            });
        let subj = match quoted_one.or_else(|| absolute_subject(cx, s, c)) {
            Some(sp) => sp,
            None => match sentence_subject(cx, s, c) {
                Some(sp) => sp,
                None => return opening_participle(cx, s, e, c, cue_end, confidence, claimed),
            },
        };
        return content_after(cx, cue_end, e, cue_span, subj, confidence, claimed, l);
    }

    // Subject before the cue; for a cue noun after its article ("Sanders delivered a
    // snappy retort: “…”"), the subject of the sentence that gave it.
    let verb_form = l.ends_with("ed") || l.ends_with('s') || lexicon::is_irregular_past(l);
    let noun_cue = !verb_form && cue_noun_after_article(cx, s, c);
    let subj = if noun_cue {
        sentence_subject(cx, s, c).and_then(|sp| {
            let a = cx.doc.token_at_or_after(sp.start);
            let b = cx.doc.token_at_or_after(sp.end);
            (b <= c).then_some((a, b))
        })?
    } else {
        np_before(cx, s, c)?
    };
    // ("Clinton, a top aide said, is confident": with no comma before the cue, a phrase
    // after a name's comma is no appositive but the speaker of a parenthetical cue,
    // whose comma follows it; the name is what was said about)
    let subj = match (subj.0 + 1..subj.1).find(|&m| cx.is_punct(m, ",")) {
        Some(m)
            if m + 2 < subj.1
                && subj.1 == c
                && cue_end < e
                && cx.is_punct(cue_end, ",")
                && cx.is_cap(subj.0)
                && (lexicon::is_determiner(cx.lw(m + 1))
                    || lexicon::is_number_word(cx.lw(m + 1)))
                && (m + 1..subj.1).all(|k| toks[k].kind == TokenKind::Word && !cx.is_cap(k)) =>
        {
            (m + 1, subj.1)
        }
        _ => subj,
    };
    // ("Do you think Obama is trying to tie his hands?": the writer asks the reader; a
    // question put to "you" reports nobody)
    // ("Or would you think …?": a conjunction may open the question)
    let q0 = if s + 1 < e && matches!(cx.lw(s), "or" | "and" | "but" | "so") {
        s + 1
    } else {
        s
    };
    if subj.1 <= q0 + 2
        && cx.lw(subj.1 - 1) == "you"
        && matches!(
            cx.lw(q0),
            "do" | "does" | "did" | "would" | "could" | "should" | "will" | "can"
        )
        && (s..e).any(|k| cx.tx(k) == "?")
    {
        return None;
    }
    // "…, X said." / "“…,” X said, “…”": content before the subject.
    let before_subj = subj.0;
    // (a one-word quoted title before the subject, "On “Hannity,” Gingrich said if …",
    // is not what was said)
    let closing_at = if before_subj > s && cx.is_closing_quote(before_subj - 1) {
        Some(before_subj - 1)
    } else if before_subj > s + 1
        && cx.is_punct(before_subj - 1, ",")
        && cx.is_closing_quote(before_subj - 2)
    {
        Some(before_subj - 2)
    } else {
        None
    };
    let after_quote = closing_at.is_some_and(|q| {
        cx.in_quote[q].is_none_or(|qi| {
            let qd = cx.quoted[qi as usize];
            // ("“No,” he said": a quote opening the sentence is speech however short)
            // ("… on “CBS This Morning,” Sanders said he …": a title is no speech)
            qd.open <= s
                || !names_a_work(cx, &qd)
                    && ((qd.open + 1..qd.close)
                        .filter(|&i| toks[i].is_word())
                        .count()
                        >= 3
                        || (qd.open..qd.close).any(|i| toks[i].kind == TokenKind::Terminal))
        })
    });
    let content_ends_before = before_subj > s
        && (cx.is_punct(before_subj - 1, ",") || cx.is_closing_quote(before_subj - 1));
    // "…, Fiorina said Monday.", "…, she told reporters in Ohio.": a short adjunct
    // or listener after the cue still ends the sentence.
    // ("…, Trump continues to build up his lead", "…, Germany has pledged to bolster …":
    // "to" and a verb after the cue is its infinitive, the sentence's own predicate)
    // (verbs that take an infinitive; "said to reporters" takes a listener)
    let infinitive_after = cue_end + 1 < e
        && cx.lw(cue_end) == "to"
        && (lexicon::is_commitment_verb(l)
            || matches!(
                l,
                "continue"
                    | "continues"
                    | "continued"
                    | "agree"
                    | "agrees"
                    | "agreed"
                    | "hope"
                    | "hopes"
                    | "hoped"
                    | "expect"
                    | "expects"
                    | "expected"
                    | "determined"
                    | "declined"
                    | "refused"
                    | "offered"
                    | "plans"
                    | "planned"
            ))
        && toks[cue_end + 1].kind == TokenKind::Word
        && !cx.is_cap(cue_end + 1)
        && !lexicon::is_determiner(cx.lw(cue_end + 1))
        && lexicon::pronoun(cx.lw(cue_end + 1)).is_none();
    // ("…, Smith told the committee, and the state will not borrow", "…, and then left":
    // a listener or an adjunct after the cue ends at a comma before "and" or "but"; a
    // clause after it goes on with what was said)
    let joined_after_adjunct = (cue_end + 1..e.min(cue_end + 10)).find(|&i| {
        cx.is_punct(i, ",")
            && i + 2 < e
            && matches!(cx.lw(i + 1), "and" | "but")
            && toks[i + 2].is_word()
    });
    let adjunct_only = cue_end < e
        && !infinitive_after
        && (is_time_word(cx.lw(cue_end))
            || matches!(
                cx.lw(cue_end),
                "on" | "in" | "at" | "during" | "to" | "from" | "via" | "through" | "last" | "this"
            )
            || lexicon::takes_listener(l)
            || adverbial_opener(cx, cue_end, e))
        && {
            // (up to a comma and a participle: "…, Hollande said Tuesday in Paris, noting …")
            let tail_end = (cue_end..e)
                .find(|&i| {
                    cx.is_punct(i, ",") && i + 1 < e && lexicon::is_participle(cx.lw(i + 1))
                        || Some(i) == joined_after_adjunct
                })
                .unwrap_or(e);
            // ("said in a statement issued late on Monday", "in a note sent to clients": a
            // past participle on the adjunct's noun, after its determiner, is more of it)
            let modifier = matches!(cx.lw(cue_end), "in" | "on" | "via" | "through")
                .then(|| {
                    (cue_end + 2..tail_end.min(cue_end + 6)).find(|&p| {
                        let w = cx.lw(p);
                        toks[p].is_word()
                            && !cx.is_cap(p)
                            && (w.ends_with("ed")
                                || matches!(
                                    w,
                                    "sent" | "given" | "made" | "read" | "written" | "shown"
                                ))
                            && toks[p - 1].is_word()
                            && !cx.is_cap(p - 1)
                            && !lexicon::is_determiner(cx.lw(p - 1))
                            && (cue_end + 1..p - 1).any(|d| lexicon::is_determiner(cx.lw(d)))
                    })
                })
                .flatten();
            let words = |a: usize, b: usize| (a..b).filter(|&i| toks[i].is_word()).count();
            (match modifier {
                Some(p) => words(cue_end, p) <= 6 && words(p, tail_end) <= 7,
                None => words(cue_end, tail_end) <= 6,
            }) && !(cue_end..tail_end).any(|i| {
                cx.is_quote(i)
                    || Some(i) != modifier
                        && lexicon::cue_class(cx.lw(i)).is_some()
                        // ("in a note sent to clients": a noun after its determiner; "told
                        // The Washington Post": a word of a name)
                        && !lexicon::is_determiner(cx.lw(i - 1))
                        && !cx.is_cap(i)
            })
                // ("One delegate, Kelly Schmidt, told POLITICO she was leaning …": a
                // subject pronoun after the listener starts what was told)
                && !(lexicon::takes_listener(l)
                    && (cue_end + 1..tail_end)
                        .any(|i| matches!(cx.lw(i), "he" | "she" | "they" | "we" | "i" | "it")))
                // ("Speaking in Brussels, Barnier warned that time was running out", "…
                // told reporters time was running out": a clause after the cue or its
                // listener is what was said, whatever comes before; not "that day", nor
                // a relative clause on the listener: "told reporters who had gathered")
                // (a "that" that opens a clause, not a relative one on the listener: "told
                // the committee that oversees trade"; an auxiliary, not any "-ed": "told
                // reporters gathered in Brussels")
                && !(lexicon::takes_listener(l)
                    && ((cue_end..tail_end).any(|i| {
                        cx.lw(i) == "that"
                            && i + 1 < tail_end
                            && toks[i + 1].is_word()
                            && (lexicon::is_determiner(cx.lw(i + 1))
                                || lexicon::pronoun(cx.lw(i + 1)).is_some()
                                || cx.is_cap(i + 1)
                                || i + 2 < tail_end
                                    && (lexicon::is_auxiliary_or_modal(cx.lw(i + 2))
                                        || is_past_tense(cx.lw(i + 2))))
                    }) || (cue_end + 1..tail_end).any(|i| {
                        cx.in_quote[i].is_none() && lexicon::is_auxiliary_or_modal(cx.lw(i))
                    }) && !(cue_end..tail_end)
                        .any(|i| matches!(cx.lw(i), "who" | "which" | "where" | "whom" | "that"))))
        };
    // "…, many economists say, because …": a subordinate clause after the cue is the
    // speaker's reason, not more of what they said.
    let subordinate_after = cx.is_punct(cue_end.min(e - 1), ",")
        && cue_end + 1 < e
        && matches!(
            cx.lw(cue_end + 1),
            "because"
                | "although"
                | "though"
                | "since"
                | "while"
                | "when"
                | "after"
                | "before"
                | "as"
                | "if"
                | "but"
                | "and"
                | "so"
                | "adding"
                | "noting"
                | "citing"
        );
    // ("The plan, he said, was failing.", "The deal, she said, remains alive.": an
    // auxiliary or a linking verb right after the cue's comma is the predicate of the
    // clause the cue splits, however short, not an adjunct of the cue)
    let predicate_after = content_ends_before
        && cue_end + 2 < e
        && cx.is_punct(cue_end, ",")
        && toks[cue_end + 2].is_word()
        && (lexicon::is_auxiliary_or_modal(cx.lw(cue_end + 1))
            || matches!(
                cx.lw(cue_end + 1),
                "remains" | "remained" | "seems" | "seemed" | "becomes" | "became"
            ));
    let after_cue_ends = cue_end >= e
        || matches!(toks[cue_end].kind, TokenKind::Terminal)
        // (a semicolon closes the cue's clause as a full stop does)
        || cx.is_punct(cue_end, ";")
        || adjunct_only
        || subordinate_after
        || cx.is_punct(cue_end, ",")
            && !predicate_after
            && (cue_end + 1 >= e
                || cx.is_quote(cue_end + 1)
                || sentence_rest_is_short(cx, cue_end + 1, e));
    // "A Clinton presidency, she vowed, would bring …": the cue splits one clause; both
    // pieces are what was said.
    // ("The increase was moderate, she said; in Munich a journey cost …": the words
    // before the cue are what was said, and a clause after its semicolon goes on)
    let semicolon_after =
        content_ends_before && !after_quote && cue_end + 1 < e && cx.is_punct(cue_end, ";");
    let splits_clause = semicolon_after
        || (content_ends_before
            && !after_quote
            && !after_cue_ends
            && cx.is_punct(cue_end.min(e - 1), ",")
            && cue_end + 1 < e
            // ("Like his comments about Mr. Curiel, Mr. Graham said, Mr. Trump’s jabs …":
            // a capital may follow when the words before are no clause of their own)
            && (!cx.is_cap(cue_end + 1) || !looks_like_clause(cx, s, before_subj))
            && toks[cue_end + 1].is_word()
            && lexicon::pronoun(cx.lw(cue_end + 1)).is_none());
    let speaker = Span::new(toks[subj.0].span.start, toks[subj.1 - 1].span.end);
    if splits_clause {
        let mut out = content_before(cx, s, before_subj, cue_span, speaker, confidence, claimed)
            .unwrap_or_default();
        // a two-word first piece ("He hoped, he said, that …") is still a piece
        let mut b = before_subj;
        while b > s && cx.is_punct(b - 1, ",") {
            b -= 1;
        }
        // (not an opener: "In 2008, Trump said, the foundation …", "And yet, …")
        if out.is_empty()
            && (s..b).filter(|&i| toks[i].is_word()).count() == 2
            && (s..b).all(|i| toks[i].is_word() && cx.in_quote[i].is_none())
            && !matches!(
                cx.lw(s),
                "in" | "on"
                    | "at"
                    | "and"
                    | "but"
                    | "yet"
                    | "so"
                    | "for"
                    | "by"
                    | "after"
                    | "before"
                    | "since"
                    | "with"
                    | "without"
                    | "as"
                    | "of"
            )
        {
            out.push(FoundQuote::said_by(
                Span::new(toks[s].span.start, toks[b - 1].span.end),
                QuoteKind::Indirect,
                Some(cue_span),
                speaker,
                confidence - 0.15,
            ));
        }
        let rest_words = (cue_end + 1..e).filter(|&i| toks[i].is_word()).count();
        // ("North Korea fired a missile, the government said, prompting Tokyo to send
        // alerts": a participle that is no verb of saying goes on with the writer's
        // account of what followed)
        // (a participle of consequence only: "…, he said, praising …", "…, she said,
        // including …" go on with what was said, as PolNeAR draws them)
        let writers_participle = !semicolon_after
            && matches!(
                cx.lw(cue_end + 1),
                "prompting"
                    | "forcing"
                    | "sparking"
                    | "triggering"
                    | "causing"
                    | "resulting"
                    | "fueling"
                    | "fuelling"
            );
        if (rest_words >= 3 || predicate_after && rest_words >= 2)
            && !writers_participle
            && (!semicolon_after || looks_like_clause(cx, cue_end + 1, e))
        {
            out.extend(piece_after_cue(
                cx,
                (cue_end + 1, cue_end + 1, e),
                1,
                cue_span,
                speaker,
                confidence - 0.1,
                claimed,
            ));
        }
        if !out.is_empty() {
            return Some(out);
        }
    }
    // ("But even as Trump claimed that “… far less,” one of the prosecutors said the two
    // cases were quite different": a quotation an earlier cue of the sentence has taken is
    // not this speaker's, and what follows the cue is what they said)
    // (only a clause right after the cue: not "…,” Crowley wrote in The Times last week)",
    // "…,” Susan said as she turned around", "…,” Lewandowski added, saying …")
    let quote_taken = !after_cue_ends
        && !adjunct_only
        && cue_end < e
        && (cx.doc.tokens[cue_end].is_word() || cx.is_punct(cue_end, ":"))
        && !is_subordinator(cx.lw(cue_end))
        && !is_opening_preposition(cx.lw(cue_end))
        && !matches!(cx.lw(cue_end), "yes" | "no")
        && !lexicon::takes_listener(l)
        && (cx.lw(cue_end) == "that" || looks_like_clause(cx, cue_end, e))
        && closing_at
            .and_then(|q| cx.in_quote[q])
            .is_some_and(|qi| claimed[qi as usize]);
    if content_ends_before && (after_cue_ends || after_quote) && !quote_taken {
        // "Later in the piece, Tuttle wrote, “…”": before a quotation the words ahead of
        // the subject set the scene unless they are a clause of their own.
        let quote_follows =
            cue_end + 1 < e && cx.is_punct(cue_end, ",") && cx.is_quote(cue_end + 1);
        let mut lead = s;
        while lead < before_subj && matches!(cx.lw(lead), "but" | "and" | "so") {
            lead += 1;
        }
        // ("After Beck asked him who would win, D’Souza replied, “…”": a subordinate
        // clause is scene too)
        let subordinate = matches!(
            cx.lw(lead),
            "after"
                | "before"
                | "when"
                | "while"
                | "as"
                | "if"
                | "although"
                | "though"
                | "because"
                | "since"
                | "once"
                | "until"
                | "unless"
                | "whenever"
        );
        let scene = !after_quote
            && quote_follows
            && (subordinate || !looks_like_clause(cx, lead, before_subj));
        let mut out = if scene {
            Vec::new()
        } else {
            content_before(cx, s, before_subj, cue_span, speaker, confidence, claimed)
                .unwrap_or_default()
        };
        // “A,” X said, “B.” — the second part is the same speaker's.
        if cue_end < e && cx.is_punct(cue_end, ",") && cue_end + 1 < e {
            if let Some(qi) = cx.in_quote[cue_end + 1] {
                let q = cx.quoted[qi as usize];
                if q.open == cue_end + 1 && !claimed[qi as usize] {
                    claimed[qi as usize] = true;
                    out.push(FoundQuote::said_by(
                        q.span,
                        QuoteKind::Direct,
                        Some(cue_span),
                        speaker,
                        confidence,
                    ));
                }
            }
        }
        // ("…, Strother said, but the campaign does not ask their income", "…, she said,
        // but also the flow of drugs": what follows the cue's "and" or "but" goes on with
        // what was said, a second piece from the conjunction on, as PolNeAR draws it; also
        // after the cue's listener or adjunct: "…, Smith told the committee, and …")
        let j = match joined_after_adjunct {
            Some(j) if adjunct_only && !cx.is_punct(cue_end, ",") => j,
            _ => cue_end,
        };
        let joined = j + 2 < e
            && !out.is_empty()
            && !after_quote
            && cx.is_punct(j, ",")
            && matches!(cx.lw(j + 1), "and" | "but")
            && toks[j + 2].is_word()
            && (j + 2..e).all(|k| cx.in_quote[k].is_none_or(|qi| !claimed[qi as usize]))
            && (cx.lw(j + 2) == "also"
                || opens_with_subject(cx, j + 2) && looks_like_clause(cx, j + 2, e))
            // (not "…, records show, and aviation experts say it is worth …": a report of
            // its own is found on its own; "does not ask" is no report)
            && !(j + 2..e.min(j + 8))
                .take_while(|&k| {
                    !lexicon::is_auxiliary_or_modal(cx.lw(k)) && !matches!(cx.lw(k), "not" | "to")
                })
                .any(|k| lexicon::cue_class(cx.lw(k)).is_some());
        if joined {
            out.extend(piece_after_cue(
                cx,
                (j + 1, j + 2, e),
                3,
                cue_span,
                speaker,
                confidence - 0.1,
                claimed,
            ));
        }
        return if out.is_empty() { None } else { Some(out) };
    }
    // "Lazar was charged in …": a passive cue reports nothing unless a clause follows
    // ("was told that …"); "60 pledged delegates" is a number's adjective ("4 in 10
    // say" is not).
    let mut aux = c;
    while aux > s + 1 && cx.lw(aux - 1).ends_with("ly") && cx.lw(aux - 1).len() > 4 {
        aux -= 1;
    }
    if c > s
        && (matches!(
            cx.lw(aux - 1),
            "was" | "were" | "been" | "is" | "are" | "be" | "being"
        ) && !(cue_end < e && cx.lw(cue_end) == "that")
            || toks[c - 1].kind == TokenKind::Number && l.ends_with("ed")
            // "a lead in pledged delegates": after a preposition, an adjective
            || l.ends_with("ed")
                && matches!(
                    cx.lw(c - 1),
                    "in" | "of" | "for" | "with" | "on" | "at" | "by" | "from" | "among" | "about"
                ))
    {
        return None;
    }
    if class != CueClass::Speech {
        // Belief and writing verbs: only "X thinks (that) C" with a clause after.
        let quote_next = cue_end + 1 < e
            && (cx.is_punct(cue_end, ",") || cx.is_punct(cue_end, ":"))
            && cx.is_quote(cue_end + 1);
        let clause_after = cue_end < e
            && looks_like_clause(cx, cue_end, e)
            && !matches!(l, "feel" | "feels" | "felt")
            && cx.lw(cue_end) != "by";
        // "As Breitbart News reported, even on Friday the White House was …"
        let as_reported = cx.lw(s) == "as" && cue_end + 1 < e && cx.is_punct(cue_end, ",");
        let content_after_cue = quote_next
            || clause_after
            || as_reported
            || cue_end < e && (is_content_start_word(cx.lw(cue_end)) || cx.is_cap(cue_end));
        if !content_after_cue {
            return None;
        }
    }
    content_after(cx, cue_end, e, cue_span, speaker, confidence, claimed, l)
}

/// "a snappy retort", "a new and more personal campaign message": a cue word after an
/// article and modifiers in lower case is a noun.
fn cue_noun_after_article(cx: &Ctx<'_>, s: usize, c: usize) -> bool {
    (c.saturating_sub(7).max(s)..c).rev().any(|d| {
        matches!(cx.lw(d), "a" | "an")
            && (d + 1..c).all(|k| cx.doc.tokens[k].is_word() && !cx.is_cap(k))
    })
}

/// Does a share of people with its own report start at `j`: "(and) more than 4 in 10
/// said", "(compared with) 64 percent who say", "(but) three-quarters of Republicans
/// think"? A number or a word of quantity, a few words of "in 10" or "of X", then a
/// speech or belief verb.
fn share_reports(cx: &Ctx<'_>, j: usize, e: usize) -> bool {
    let toks = &cx.doc.tokens;
    let mut j = j;
    while j < e && matches!(cx.lw(j), "and" | "but" | "while" | "whereas" | "yet") {
        j += 1;
    }
    if j + 1 < e && cx.lw(j) == "compared" && matches!(cx.lw(j + 1), "with" | "to") {
        j += 2;
    }
    while j < e
        && matches!(
            cx.lw(j),
            "the"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "around"
                | "only"
                | "just"
                | "more"
                | "fewer"
                | "less"
                | "than"
                | "another"
                | "some"
                | "a"
        )
    {
        j += 1;
    }
    let quantity = |m: usize| {
        toks[m].kind == TokenKind::Number
            || lexicon::is_number_word(cx.lw(m))
            || matches!(
                cx.lw(m),
                "half"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "quarters"
                    | "majority"
                    | "plurality"
                    | "minority"
                    | "most"
                    | "percent"
                    | "%"
            )
    };
    let head = j;
    let mut has_quantity = false;
    while j < e && j - head < 8 {
        if quantity(j) {
            has_quantity = true;
        } else if !(matches!(
            cx.lw(j),
            "in" | "of" | "-" | "who" | "have" | "has" | "had" | "all"
        ) || cx.np_word(j) && !cx.is_quote(j))
        {
            break;
        }
        j += 1;
    }
    has_quantity
        && j > head
        && j < e
        && quantity(head)
        && matches!(
            lexicon::cue_class(cx.lw(j)),
            Some(CueClass::Speech | CueClass::Belief)
        )
        && !lexicon::is_participle(cx.lw(j))
        // ("3 percentage points from 2008": "points" is a cue only with its "out")
        && lexicon::needs_particle(cx.lw(j)).is_none_or(|p| j + 1 < e && cx.lw(j + 1) == p)
}

/// "a message that should fit the times", "the arguments that could be made": after a
/// noun, a "that" followed at once by an auxiliary or a modal is a relative pronoun, the
/// subject of a clause describing the noun, not the start of what was claimed ("the
/// claim that he lied" has a subject of its own after "that"). An adjective takes no
/// relative clause ("hopeful that will change": "that" is the subject itself).
fn relative_that(cx: &Ctx<'_>, head: usize, c: usize, e: usize) -> bool {
    let adjective = lexicon::is_that_adjective(cx.lw(head));
    !adjective
        && (c + 2 < e && lexicon::is_auxiliary_or_modal(cx.lw(c + 1)) || object_gap(cx, c, e))
}

/// Does the clause opened by "that" at `c` end on a verb that always takes an object,
/// with none after it ("a claim that the office strongly disputes", "a charge that she
/// has always denied")? Then "that" is the verb's object: a relative clause about the
/// claim, not what the claim says.
fn object_gap(cx: &Ctx<'_>, c: usize, e: usize) -> bool {
    let toks = &cx.doc.tokens;
    let end = (c + 1..e)
        .find(|&k| {
            cx.in_quote[k].is_none()
                && (matches!(toks[k].kind, TokenKind::Terminal)
                    || cx.is_punct(k, ",")
                    || cx.is_punct(k, ";")
                    || is_dash(cx.tx(k)))
        })
        .unwrap_or(e);
    end >= c + 3
        && toks[end - 1].kind == TokenKind::Word
        && !cx.is_cap(end - 1)
        && cx.in_quote[end - 1].is_none()
        && lexicon::is_object_verb(cx.lw(end - 1))
        && cx.lw(end - 2) != "to"
        && !lexicon::is_determiner(cx.lw(end - 2))
        // ("that the firm settles disputes": a verb before it makes it a noun)
        && !may_be_verb(cx, end - 2)
        // ("that the charges will be dismissed", "was denied": a passive has no object)
        && !passive_before(cx, c + 1, end - 1, true)
}

/// Is there a form of "be" (or, with `get`, of "get") among the three words before `end`
/// (from `from`): the verb at `end` is a passive participle ("will be dismissed", "is ever
/// outlawed"), which takes no object?
fn passive_before(cx: &Ctx<'_>, from: usize, end: usize, get: bool) -> bool {
    (from..end).rev().take(3).any(|k| {
        let l = cx.lw(k);
        matches!(l, "be" | "been" | "being" | "is" | "was" | "are" | "were")
            || get && matches!(l, "got" | "get" | "gets")
    })
}

/// Could token `k` be a finite verb in -s or in the past, rather than a subject, an
/// adverb or an auxiliary ("settles" in "the firm settles disputes", "gave" in "gave her
/// assurances"; not "always", "has")?
fn may_be_verb(cx: &Ctx<'_>, k: usize) -> bool {
    let l = cx.lw(k);
    let s_form = l.ends_with('s')
        && !cx.is_cap(k)
        && lexicon::pronoun(l).is_none()
        && !lexicon::is_auxiliary_or_modal(l)
        && !matches!(l, "always" | "perhaps" | "does");
    s_form || is_past_tense(l) && !matches!(l, "had")
}

/// What is told rather than who is told ("told stories of …", "tells jokes they …").
fn is_thing_told(l: &str) -> bool {
    matches!(
        l,
        "story"
            | "stories"
            | "tale"
            | "tales"
            | "lie"
            | "lies"
            | "joke"
            | "jokes"
            | "anecdotes"
            | "secrets"
            | "truths"
            | "details"
            | "accounts"
            | "things"
    )
}

/// The noun a "that" clause belongs to, before words of when or where it was said:
/// "assertion" in "her assertion Monday that …", "claim" in "his claim during the
/// debate that …", "warning last week that …".
fn noun_before_occasion(cx: &Ctx<'_>, s: usize, c: usize, e: usize) -> Option<usize> {
    let toks = &cx.doc.tokens;
    let lo = c.saturating_sub(6).max(s + 1);
    let head = (lo..c).rev().find_map(|p| {
        let h = p - 1;
        if !lexicon::that_head(cx.lw(h)) || lexicon::is_that_adjective(cx.lw(h)) {
            return None;
        }
        let plain = (p..c).all(|k| {
            cx.in_quote[k].is_none()
                && matches!(toks[k].kind, TokenKind::Word | TokenKind::Number)
                && !lexicon::is_auxiliary_or_modal(cx.lw(k))
                && lexicon::cue_class(cx.lw(k)).is_none()
                && cx.lw(k) != "that"
        });
        let first = cx.lw(p);
        let time = lexicon::is_time_word(first) && c - p <= 2
            || c - p <= 3
                && matches!(first, "last" | "this" | "earlier" | "late")
                && (p + 1..c).all(|k| lexicon::is_time_word(cx.lw(k)) || cx.lw(k) == "this");
        // (not "at a time that …": the time's own clause)
        let occasion = c - p >= 2
            && c - p <= 4
            && matches!(first, "during" | "at" | "in" | "on")
            && !lexicon::is_time_word(cx.lw(c - 1))
            && !matches!(cx.lw(c - 1), "moment" | "point" | "period" | "stage")
            && (p + 1..c)
                .all(|k| !lexicon::is_np_barrier(cx.lw(k)) || lexicon::is_determiner(cx.lw(k)));
        (plain && (time || occasion)).then_some(h)
    })?;
    // the clause has a subject and keeps its verb's object: "an interview that aired
    // Sunday", "a week that saw …", "a promise last year that he later broke" are the
    // nearer noun's relative clauses
    // (after the head: most "that"s have none, and these tests scan the clause)
    if c + 1 >= e || may_be_verb(cx, c + 1) || lexicon::is_auxiliary_or_modal(cx.lw(c + 1)) {
        return None;
    }
    let clause_end = (c + 1..e)
        .find(|&k| {
            cx.in_quote[k].is_none()
                && (matches!(toks[k].kind, TokenKind::Terminal) || cx.is_punct(k, ","))
        })
        .unwrap_or(e);
    if clause_end > c + 2
        && is_past_tense(cx.lw(clause_end - 1))
        && !passive_before(cx, c + 1, clause_end - 1, false)
    {
        return None;
    }
    Some(head)
}

/// Does the noun phrase ending at `head` open its sentence, as its subject ("Mr. Trump's
/// claim that …", "The assertion that …")? No verb, preposition or comma comes before it.
fn noun_is_subject(cx: &Ctx<'_>, s: usize, head: usize) -> bool {
    // a noun: a determiner or possessor before it, an adjective or two between ("The
    // Chinese leadership fears that …" is a verb, "Cruz has been aware that …" an
    // adjective)
    let before =
        |k: usize| (k + 1..head).all(|m| cx.doc.tokens[m].kind == TokenKind::Word && !cx.is_cap(m));
    let possessed = (head.saturating_sub(3).max(s)..head).rev().any(|k| {
        (cx.doc.tokens[k].kind == TokenKind::Clitic
            || matches!(cx.lw(k), "his" | "her" | "their" | "its"))
            && before(k)
    });
    // ("The military junta fears that …": a word that is also a verb is a noun only
    // after a possessor)
    let verb_like =
        lexicon::cue_class(cx.lw(head)).is_some() || lexicon::is_noun_like_verb(cx.lw(head));
    // ("The claim that …": right after its determiner it is a noun all the same)
    let determined = !lexicon::is_that_adjective(cx.lw(head))
        && (possessed
            || head > s && lexicon::is_determiner(cx.lw(head - 1))
            || !verb_like
                && (head.saturating_sub(3).max(s)..head)
                    .rev()
                    .any(|k| lexicon::is_determiner(cx.lw(k)) && before(k)));
    determined
        && (s..head).all(|k| {
            let l = cx.lw(k);
            !cx.is_punct(k, ",")
                && cx.in_quote[k].is_none()
                && (cx.is_cap(k)
                    || cx.doc.tokens[k].kind == TokenKind::Clitic
                    || cx.tx(k) == "."
                    || (lexicon::is_determiner(l) || !lexicon::is_np_barrier(l))
                        && !is_past_tense(l)
                        && lexicon::cue_class(l).is_none())
        })
}

/// Where the clause of a subject's "that" (at `c`) ends: at the sentence's own verb, a
/// second finite verb right after a noun once the clause has had its verb ("Trump's
/// assertion that more airstrikes are needed in Iraq drew rebukes", "his claim that he
/// still has a way to win would depend on …"). A participle before "by", "from" … is a
/// description ("a wall built by …"), not that verb. `e` when there is none.
fn subject_clause_end(cx: &Ctx<'_>, c: usize, e: usize) -> usize {
    let toks = &cx.doc.tokens;
    let mut clause_verb = false;
    for k in c + 2..e {
        if cx.in_quote[k].is_some() || toks[k].kind != TokenKind::Word {
            if cx.is_punct(k, ",") || cx.is_punct(k, ";") || is_dash(cx.tx(k)) {
                return e;
            }
            continue;
        }
        let l = cx.lw(k);
        let prev = cx.lw(k - 1);
        // a clause of its own inside the claim ("that Trump won and Biden lost", "that
        // prices rose because wages rose", "and that …") has a verb of its own
        let conjunction = matches!(l, "and" | "or" | "but")
            && (k + 1..(k + 4).min(e)).any(|m| {
                cx.lw(m) == "that"
                    || !cx.is_cap(m)
                        && (lexicon::is_auxiliary_or_modal(cx.lw(m)) || is_past_tense(cx.lw(m)))
            });
        if conjunction
            || matches!(
                l,
                "because"
                    | "while"
                    | "since"
                    | "when"
                    | "if"
                    | "although"
                    | "though"
                    | "after"
                    | "before"
                    | "unless"
            )
        {
            clause_verb = false;
            continue;
        }
        let finite = lexicon::is_auxiliary_or_modal(l) || is_past_tense(l);
        if !finite || cx.is_cap(k) {
            continue;
        }
        if !clause_verb {
            clause_verb = !matches!(prev, "who" | "which" | "that");
            continue;
        }
        let after_noun = matches!(toks[k - 1].kind, TokenKind::Word | TokenKind::Number)
            && !lexicon::is_np_barrier(prev)
            && !lexicon::is_determiner(prev)
            && !lexicon::is_auxiliary_or_modal(prev)
            && !is_past_tense(prev)
            && !matches!(
                prev,
                "who" | "which" | "that" | "not" | "never" | "n't" | "been" | "being"
            )
            && !(prev.len() > 4 && prev.ends_with("ly"));
        let describes = !lexicon::is_auxiliary_or_modal(l)
            && k + 1 < e
            && matches!(
                cx.lw(k + 1),
                "by" | "from" | "to" | "in" | "on" | "at" | "for" | "with" | "into" | "as"
            );
        if after_noun && !describes {
            return k;
        }
    }
    e
}

/// Does `i..end` hold a finite verb (after an opening "that", "if", "how" …): an
/// auxiliary or modal, a negation, a past tense? "that if his son Beau" has none.
fn has_finite_verb(cx: &Ctx<'_>, i: usize, end: usize) -> bool {
    let mut i = i;
    while i < end
        && (matches!(
            cx.lw(i),
            "that" | "if" | "how" | "whether" | "why" | "what" | "when"
        ) || cx.is_punct(i, ","))
    {
        i += 1;
    }
    (i + 1..end).any(|k| {
        let l = cx.lw(k);
        cx.in_quote[k].is_none()
            && (lexicon::is_auxiliary_or_modal(l)
                || matches!(
                    l,
                    "did" | "does" | "do" | "be" | "been" | "n't" | "n\u{2019}t"
                )
                || l.len() >= 4 && l.ends_with("ed") && !cx.is_cap(k)
                || lexicon::is_irregular_past(l) && !cx.is_cap(k))
    })
}

/// Does token `k` leave its clause open, so the words after an aside go on with it
/// ("… that, according to X, …", "… because, according to X, …")?
fn ends_open(cx: &Ctx<'_>, k: usize) -> bool {
    matches!(
        cx.lw(k),
        "that"
            | "because"
            | "while"
            | "after"
            | "before"
            | "if"
            | "when"
            | "since"
            | "although"
            | "though"
            | "as"
            | "and"
            | "but"
            | "or"
            | "whether"
            | "where"
            | "whereas"
    )
}

/// What was said after a cue, from token `open` (its first token: the clause, or the
/// "and" joining it) to the sentence end `e` without the final stop or comma, when the
/// words from `from` number at least `min_words`; its kind is read from `from`.
fn piece_after_cue(
    cx: &Ctx<'_>,
    (open, from, e): (usize, usize, usize),
    min_words: usize,
    cue_span: Span,
    speaker: Span,
    confidence: f32,
    claimed: &mut [bool],
) -> Option<FoundQuote> {
    let toks = &cx.doc.tokens;
    let mut end = e;
    while end > from && (toks[end - 1].kind == TokenKind::Terminal || cx.is_punct(end - 1, ",")) {
        end -= 1;
    }
    if (from..end).filter(|&k| toks[k].is_word()).count() < min_words {
        return None;
    }
    Some(FoundQuote::said_by(
        Span::new(toks[open].span.start, toks[end - 1].span.end),
        kind_of(cx, from, end, claimed),
        Some(cue_span),
        speaker,
        confidence,
    ))
}

/// Whether the word at `i` can open a clause's subject after "and" or "but": not an
/// adverb of sequence or a past-tense verb that makes the conjunction join predicates of
/// the subject before it ("…, Smith told the committee, and then left the room").
fn opens_with_subject(cx: &Ctx<'_>, i: usize) -> bool {
    let w = cx.lw(i);
    cx.doc.tokens[i].is_word()
        && (lexicon::is_determiner(w)
            || lexicon::pronoun(w).is_some()
            || cx.is_cap(i)
            || !(w.ends_with("ly")
                || is_past_tense(w)
                || matches!(w, "then" | "later" | "soon" | "again" | "still" | "now")))
}

fn sentence_rest_is_short(cx: &Ctx<'_>, from: usize, e: usize) -> bool {
    (from..e).filter(|&i| cx.doc.tokens[i].is_word()).count() <= 3
}

/// The noun phrase right after an inverted cue: "said Oana Lungescu, the NATO spokesperson".
fn np_after(cx: &Ctx<'_>, from: usize, e: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    let mut j = from;
    while j < e && (cx.np_word(j) || cx.is_punct(j, ",") && j + 1 < e && cx.np_word(j + 1)) {
        if j - from > 14 {
            break;
        }
        // "said the Khan family deserved better": a past-tense verb after a noun ends
        // the phrase ("the newly elected senator" keeps its participle).
        let l = cx.lw(j);
        // ("…, said the United States should refuse …": a modal or auxiliary starts the
        // predicate of a clause)
        if j > from
            && matches!(
                l,
                "should"
                    | "would"
                    | "could"
                    | "will"
                    | "can"
                    | "must"
                    | "may"
                    | "might"
                    | "shall"
                    | "has"
                    | "have"
                    | "had"
                    | "does"
                    | "did"
                    | "do"
            )
        {
            break;
        }
        if j > from
            && is_past_tense(l)
            && !cx.is_cap(j)
            && !lexicon::is_determiner(cx.lw(j - 1))
            && !lexicon::is_aux_or_adverb(cx.lw(j - 1))
        {
            break;
        }
        j += 1;
    }
    while j > from && cx.is_punct(j - 1, ",") {
        j -= 1;
    }
    if j == from {
        return None;
    }
    let first = cx.lw(from);
    // A pronoun takes no modifiers: "said he expected …" starts a clause, the
    // speaker is not "he expected up".
    if lexicon::pronoun(first).is_some() {
        j = from + 1;
    }
    if !(cx.is_cap(from)
        || lexicon::is_determiner(first)
        || lexicon::pronoun(first).is_some()
        || lexicon::speaker_noun(first)
        || (from..j).any(|k| cx.is_cap(k)))
    {
        return None;
    }
    // "…, said Sunday." names a day, not a speaker
    if (from..j).all(|k| is_time_word(cx.lw(k)) || matches!(cx.lw(k), "on" | "last" | "this")) {
        return None;
    }
    Some(Span::new(toks[from].span.start, toks[j - 1].span.end))
}

/// "The report, titled “Broken Promises,” concludes …": an aside that names a work
/// right before `c`, closed by a comma inside or after its quotation marks; returns the
/// token of the comma that opens it.
fn titled_aside_before(cx: &Ctx<'_>, s: usize, c: usize) -> Option<usize> {
    if c < s + 5 {
        return None;
    }
    let close = if cx.is_closing_quote(c - 1) && cx.is_punct(c - 2, ",") {
        c - 1
    } else if cx.is_punct(c - 1, ",") && cx.is_closing_quote(c - 2) {
        c - 2
    } else {
        return None;
    };
    let q = cx.quoted[cx.in_quote[close]? as usize];
    let open = q.open;
    if open < s + 3 || q.close != close || !is_title_participle(cx.lw(open - 1)) {
        return None;
    }
    // (", titled “…”,", ", which was titled “…”,")
    let mut k = open - 2;
    while k > s + 1
        && open - k < 5
        && matches!(
            cx.lw(k),
            "which" | "that" | "is" | "was" | "been" | "has" | "also"
        )
    {
        k -= 1;
    }
    cx.is_punct(k, ",").then_some(k)
}

/// Past participles that give a work its title: "a report titled “…”".
fn is_title_participle(l: &str) -> bool {
    matches!(
        l,
        "titled" | "entitled" | "called" | "dubbed" | "headlined" | "named"
    )
}

/// The subject phrase before a cue at `c`: returns token range `[start, end)`.
fn np_before(cx: &Ctx<'_>, s: usize, c: usize) -> Option<(usize, usize)> {
    let toks = &cx.doc.tokens;
    if let Some(comma) = titled_aside_before(cx, s, c) {
        if let Some(np) = np_phrase_before(cx, s, comma).filter(|&(_, b)| b == comma) {
            return Some(np);
        }
    }
    // ("A spokesman for Mr. McConnell, Don Stewart, said": a person's name between commas
    // after a description of someone's role is who speaks, not the one the role serves)
    if c > s + 5 && cx.is_punct(c - 1, ",") {
        if let Some(open) = (c.saturating_sub(6).max(s + 2)..c - 1)
            .rev()
            .find(|&k| cx.is_punct(k, ","))
        {
            let name = open + 1..c - 1;
            let person = name.len() >= 2
                && name.clone().all(|k| cx.is_cap(k) || cx.is_punct(k, "."))
                && cx
                    .entity_at(open + 1)
                    .is_some_and(|m| m.label == EntityLabel::Per);
            let described = person
                && np_phrase_before(cx, s, open).is_some_and(|(a, b)| {
                    b == open
                        && matches!(cx.lw(a), "a" | "an" | "the")
                        && (a..b).any(|k| {
                            !cx.is_cap(k)
                                && (lexicon::speaker_noun(cx.lw(k))
                                    || lexicon::ROLES.contains(&cx.lw(k)))
                        })
                        // (someone's aide, "for"/"to" X; not a role "of" a state or
                        // body, which is the named person's own: "The US secretary of
                        // state, Antony Blinken, said" keeps its description)
                        && (a..b).any(|k| matches!(cx.lw(k), "for" | "to"))
                });
            if described {
                return Some((open + 1, c - 1));
            }
        }
    }
    // "Officials who spoke to Reuters said …": the name ends a relative clause; the
    // subject is the noun phrase the clause hangs on.
    let phrase = np_phrase_before(cx, s, c).map(|(a, b)| {
        let who = (a.saturating_sub(12).max(s)..a)
            .rev()
            .take_while(|&k| toks[k].is_word() && lexicon::cue_class(cx.lw(k)).is_none())
            .find(|&k| cx.lw(k) == "who");
        // ("Bannon who Beck called …": not when the phrase is the clause's own subject)
        who.filter(|&w| {
            !(a == w + 1 && (a..b).all(|k| cx.is_cap(k) || lexicon::pronoun(cx.lw(k)).is_some()))
        })
        .and_then(|w| {
            np_phrase_before(cx, s, w)
                .filter(|&(_, e2)| e2 == w)
                // ("In Manila, fishermen who had been chased … by Chinese coast guard
                // vessels said": the nouns after an opener's comma)
                .or_else(|| {
                    let mut a = w;
                    while a > s && cx.np_word(a - 1) && !cx.is_cap(a - 1) && w - a < 5 {
                        a -= 1;
                    }
                    (a < w && a > s && cx.is_punct(a - 1, ",")).then_some((a, w))
                })
        })
        .unwrap_or((a, b))
    });
    // "A White House official who spoke anonymously said …": a relative clause with no
    // name at its end (its verb may be a cue of its own) before the cue.
    let phrase = phrase.or_else(|| {
        let w = (c.saturating_sub(14).max(s)..c)
            .rev()
            .take_while(|&k| toks[k].is_word())
            .find(|&k| cx.lw(k) == "who")?;
        np_phrase_before(cx, s, w).filter(|&(_, e2)| e2 == w)
    });
    // ("Cruz met Trump, called him “…”": a name, a past tense and its object before the
    // cue's comma are a series of the subject's verbs; the name alone speaks)
    let phrase = phrase.map(|(a, b)| {
        if b + 1 != c || !cx.is_punct(b, ",") {
            return (a, b);
        }
        let verb = (a + 1..b.saturating_sub(1)).find(|&k| {
            toks[k].kind == TokenKind::Word
                && !cx.is_cap(k)
                && is_past_tense(cx.lw(k))
                && lexicon::cue_class(cx.lw(k)).is_none()
        });
        match verb {
            Some(k)
                if (a..k).all(|m| cx.is_cap(m) || lexicon::pronoun(cx.lw(m)).is_some())
                    && (k + 1..b).all(|m| cx.is_cap(m) || lexicon::pronoun(cx.lw(m)).is_some()) =>
            {
                (a, k)
            }
            _ => (a, b),
        }
    });
    // A personal pronoun takes no modifiers: "In 2010 she said" is said by "she".
    phrase.map(|(a, b)| {
        // ("Kasich (who has 25 delegates to date) said": the aside in brackets is no part
        // of who speaks)
        let b = match (a + 1..b).find(|&k| cx.is_punct(k, "(")) {
            Some(open) if cx.is_punct(b - 1, ")") && matches!(cx.lw(open + 1), "who" | "which") => {
                open
            }
            _ => b,
        };
        // ("Last year the mayor said", "In March the mayor said": a time phrase with no
        // comma before the subject is no part of it)
        let a = (a..b.saturating_sub(1))
            .rfind(|&k| {
                is_time_word(cx.lw(k))
                    && (k == a && lexicon::is_determiner(cx.lw(k + 1))
                        || k == a + 1
                            && matches!(cx.lw(a), "last" | "this" | "next" | "in" | "on" | "early" | "late")
                            && (lexicon::is_determiner(cx.lw(k + 1)) || cx.is_cap(k + 1)))
                    // ("April Mellody said": a name that starts with a month)
                    && cx
                        .entity_at(k)
                        .is_none_or(|m| m.span.end <= toks[k].span.end)
            })
            .map_or(a, |k| k + 1);
        if b > a + 1
            && matches!(
                lexicon::pronoun(cx.lw(b - 1)),
                Some(lexicon::Pronoun::He | lexicon::Pronoun::She | lexicon::Pronoun::They)
            )
        {
            (b - 1, b)
        } else {
            (a, b)
        }
    })
}

/// "Waverly told Fox News …", "Beverly said …": a capitalised word in -ly that opens the
/// sentence right before its verb, or that the tagger read as a person, is a name, no
/// adverb; so is a modal or a month that ends a person's name ("Prime Minister Theresa
/// May said").
fn is_name_not_adverb(cx: &Ctx<'_>, s: usize, k: usize) -> bool {
    let person = || cx.entity_at(k).filter(|m| m.label == EntityLabel::Per);
    cx.is_cap(k)
        && (cx.lw(k).ends_with("ly") && (k == s || person().is_some())
            || person().is_some_and(|m| m.span.start < cx.doc.tokens[k].span.start))
}

/// Where a time phrase that ends at `end` starts ("in July", "last week", "Friday
/// afternoon", "on Monday"); `end` when there is none.
fn before_time_phrase(cx: &Ctx<'_>, s: usize, end: usize) -> usize {
    let opener = |l: &str| matches!(l, "last" | "this" | "next" | "in" | "on" | "early" | "late");
    let mut r = end;
    let mut skipped = false;
    while r > s + 1 {
        let l = cx.lw(r - 1);
        if is_time_word(l) {
            skipped = true;
        } else if !(skipped && opener(l)) {
            break;
        }
        r -= 1;
    }
    // (opened by a preposition or "last"/"this"/"next", or a day's or a month's name; a
    // bare duration is none: "a study of teens over three years")
    let dated = |k: usize| {
        opener(cx.lw(k)) || lexicon::is_weekday(cx.lw(k)) || cx.is_cap(k) && is_time_word(cx.lw(k))
    };
    if skipped && dated(r) {
        r
    } else {
        end
    }
}

fn np_phrase_before(cx: &Ctx<'_>, s: usize, c: usize) -> Option<(usize, usize)> {
    let toks = &cx.doc.tokens;
    let mut k = c;
    while k > s
        && toks[k - 1].kind == TokenKind::Word
        && lexicon::is_aux_or_adverb(cx.lw(k - 1))
        && !is_name_not_adverb(cx, s, k - 1)
    {
        k -= 1;
    }
    // ("a letter that says …", "voters that say …": "that" after a noun is a relative
    // pronoun too; not after a verb, where it opens the verb's clause, nor as the
    // sentence's demonstrative subject: "That says a lot")
    let relative_that = || {
        k > s + 2
            && says_shows_or_finds(cx.lw(k))
            && cx.lw(k - 1) == "that"
            && toks[k - 2].is_word()
            && cx.np_word(k - 2)
            && !lexicon::is_aux_or_adverb(cx.lw(k - 2))
            && !is_past_tense(cx.lw(k - 2))
            && !lexicon::is_that_adjective(cx.lw(k - 2))
            && lexicon::pronoun(cx.lw(k - 2)).is_none()
            // ("Many Democrats believe that shows …": a cue word is a verb there, a noun
            // only after a determiner: "a post that said …", "the report that says …")
            && (lexicon::cue_class(cx.lw(k - 2)).is_none()
                || k > s + 3 && lexicon::is_determiner(cx.lw(k - 3)))
    };
    if relative_that() {
        // the antecedent is the noun phrase right before "that", back to a verb or a
        // preposition other than "of" ("a roster of donors that shows …", "passed out
        // water bottles that said …")
        // (when it was said comes off: "a letter Friday afternoon that says …", "one in
        // September that said …", "emails leaked last week that showed …")
        let mut r = before_time_phrase(cx, s, k - 1);
        if r < k - 1
            && r > s + 1
            && is_past_tense(cx.lw(r - 1))
            && !cx.is_cap(r - 1)
            && !lexicon::is_determiner(cx.lw(r - 2))
        {
            r -= 1;
        }
        // (a participle or an "-ly" word right after "of", a number or a determiner
        // describes the noun: "a survey of registered voters", "a poll of likely voters")
        let modifies = |m: usize| {
            m > s
                && (lexicon::is_determiner(cx.lw(m - 1))
                    || cx.lw(m - 1) == "of"
                    || toks[m - 1].kind == TokenKind::Number)
        };
        let mut a = r;
        while a > s
            && r - a < 8
            && cx.np_word(a - 1)
            && (modifies(a - 1) || !lexicon::is_aux_or_adverb(cx.lw(a - 1)))
            && !matches!(
                cx.lw(a - 1),
                "out" | "up" | "off" | "down" | "back" | "away" | "including"
            )
            && (modifies(a - 1) || !is_past_tense(cx.lw(a - 1)))
            && lexicon::cue_class(cx.lw(a - 1)).is_none_or(|_| modifies(a - 1))
        {
            a -= 1;
        }
        if a < r && (a..r).any(|m| !lexicon::is_determiner(cx.lw(m))) {
            return Some((a, r));
        }
    }
    // ("Mr. Bush - in a line that seemed squarely directed at Mr. Trump - declared …": an
    // aside between dashes sits between the subject and its verb)
    let dash = |i: usize| is_dash(cx.tx(i)) || cx.tx(i) == "-" && toks[i].kind != TokenKind::Word;
    if k > s + 2 && dash(k - 1) {
        if let Some(d) = (s + 1..k - 1).rev().find(|&i| dash(i)) {
            if d + 1 < k - 1 && toks[d - 1].is_word() {
                k = d;
            }
        }
    }
    // ("as Peña Nieto, contradicting Trump, said …": so is a participle's aside between
    // commas)
    // ("Mr. Manafort, citing ''the unique magic of Trump,'' said": the aside's comma
    // inside its closing mark)
    let close = if k > s + 4 && cx.is_closing_quote(k - 1) && cx.is_punct(k - 2, ",") {
        Some(k - 2)
    } else if k > s + 3 && cx.is_punct(k - 1, ",") {
        Some(k - 1)
    } else {
        None
    };
    if let Some(close) = close {
        if let Some(d) = (s + 1..close).rev().find(|&i| cx.is_punct(i, ",")) {
            // ("Starr's remarks, first reported by The New York Times on Tuesday, suggested")
            let v = if d + 2 < close && (cx.lw(d + 1) == "first" || cx.lw(d + 1).ends_with("ly")) {
                d + 2
            } else {
                d + 1
            };
            let p = cx.lw(v);
            // ("Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said")
            let participle = v + 1 < close
                && p.len() > 4
                && (p.ends_with("ing") || p.ends_with("ed") || lexicon::is_irregular_past(p))
                && !cx.is_cap(v)
                && toks[d - 1].is_word()
                && (cx.is_cap(d - 1) || toks[d - 1].kind == TokenKind::Word && v > d + 1);
            // ("His critics in the United States, many of them conservative Catholics,
            // argue …")
            // ("Dale Hoskins, one of them, said …")
            let share = d + 3 < close
                && (matches!(
                    cx.lw(d + 1),
                    "many" | "most" | "some" | "all" | "both" | "several" | "each" | "none"
                ) || lexicon::is_number_word(cx.lw(d + 1)))
                && cx.lw(d + 2) == "of"
                && matches!(cx.lw(d + 3), "them" | "whom");
            // ("In May, a federal judge, in response to a request, ordered …")
            // (and a "where"/"whose" clause: "Farmers in Iowa, where pork exports are a
            // pillar of the economy, said", "Mr. Lee, whose company lost the contract, said")
            let prepositional = d + 2 < close
                && matches!(
                    cx.lw(d + 1),
                    "in" | "at" | "during" | "after" | "under" | "with" | "where" | "whose"
                )
                && toks[d - 1].kind == TokenKind::Word
                && !(d + 1..close).any(|m| lexicon::cue_class(cx.lw(m)).is_some());
            if participle || prepositional || share {
                k = d;
            }
        }
    }
    // "The State Department less than two weeks ago said", "Trump last week said": a time
    // phrase between the subject and its verb.
    if k > s + 1 && cx.lw(k - 1) == "ago" {
        let mut j = k - 1;
        while j > s
            && k - j < 7
            && (toks[j - 1].kind == TokenKind::Number
                || is_time_word(cx.lw(j - 1))
                || matches!(
                    cx.lw(j - 1),
                    "a" | "an"
                        | "few"
                        | "several"
                        | "less"
                        | "more"
                        | "than"
                        | "about"
                        | "nearly"
                        | "just"
                        | "some"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "ten"
                        | "hours"
                        | "decade"
                        | "decades"
                ))
        {
            j -= 1;
        }
        if j > s && j < k - 1 {
            k = j;
        }
    } else if k > s + 2
        && is_time_word(cx.lw(k - 1))
        && matches!(cx.lw(k - 2), "last" | "this" | "on" | "earlier" | "next")
    {
        k -= 2;
    }
    // "Carson took the stage at the Grand Hotel and called the system …": a second
    // verb of the sentence's subject, not of the words before "and".
    // ("Clinton paused, then revealed …": so is a verb after ", then")
    let then = k > s + 1 && k < c && cx.lw(k) == "then" && cx.is_punct(k - 1, ",");
    if k > s + 1 && matches!(cx.lw(k - 1), "and" | "but") || then {
        let subj = sentence_subject(cx, s, k - 1)?;
        let a = cx.doc.token_at_or_after(subj.start);
        let b = cx.doc.token_at_or_after(subj.end);
        return (a < b && b < k).then_some((a, b));
    }
    // "He continues to insist", "Trump went on to say": a catenative verb before the cue.
    if k >= s + 3 && cx.lw(k - 1) == "to" {
        let v = cx.lw(k - 2);
        if matches!(
            v,
            "continue"
                | "continues"
                | "continued"
                // "she’s expected to argue that …"
                | "expected"
                | "likely"
                | "poised"
                | "planning"
                | "plans"
                | "hoping"
                | "tried"
                | "tries"
                | "began"
                | "begins"
                | "seem"
                | "seems"
                | "seemed"
                | "want"
                | "wants"
                | "wanted"
                | "need"
                | "needs"
                | "needed"
                | "appears"
                | "appeared"
                | "decided"
                | "used"
                | "quick"
                // "Mr. Trump was prompted to say, “…”"
                | "prompted"
                | "forced"
                | "moved"
                | "going"
                | "about"
                | "able"
                | "had"
                | "eager"
                | "careful"
                | "happy"
                | "ready"
                | "willing"
                | "keen"
                // "Obama is reported to have called …": a passive of report
                | "reported"
                | "believed"
                | "known"
                | "alleged"
        ) {
            k -= 2;
            // ("Voters are slightly more likely to say …": a comparison before the
            // adjective)
            while k > s + 1 && matches!(cx.lw(k - 1), "more" | "less" | "most" | "least") {
                k -= 1;
            }
        } else if v == "on" && matches!(cx.lw(k - 3), "went" | "goes" | "go") && k >= s + 4 {
            k -= 3;
        } else if let Some(verb) = (s + 1..k - 1).rev().take(8).find(|&j| {
            matches!(
                cx.lw(j),
                "took"
                    | "went"
                    | "used"
                    | "held"
                    | "called"
                    | "came"
                    | "appeared"
                    | "returned"
                    | "traveled"
                    | "travelled"
                    | "visited"
                    | "turned"
                    | "rose"
                    | "stepped"
            )
        }) {
            // ("Trump took to Twitter overnight to accuse …", "went to Ohio on Monday to
            // warn …", "used a speech to argue …": an occasion taken to speak; the subject
            // is that verb's, right before it)
            // ("It took years for officials to admit …", "The vote came as the president
            // prepared to announce …": the infinitive is someone else's)
            if (verb + 1..k - 1).any(|j| {
                matches!(
                    cx.lw(j),
                    "as" | "after" | "for" | "while" | "when" | "because" | "before"
                )
            }) {
                return None;
            }
            let subj = sentence_subject(cx, s, verb)?;
            let a = cx.doc.token_at_or_after(subj.start);
            let b = cx.doc.token_at_or_after(subj.end);
            return (a < b
                && b == verb
                && (cx.is_cap(a)
                    || lexicon::pronoun(cx.lw(a)).is_some()
                    || lexicon::is_determiner(cx.lw(a))))
            .then_some((a, b));
        }
        while k > s
            && toks[k - 1].kind == TokenKind::Word
            && lexicon::is_aux_or_adverb(cx.lw(k - 1))
        {
            k -= 1;
        }
    }
    // "Cullen, the county chairman, for example, said": an aside before the verb.
    if k >= s + 3 && cx.is_punct(k - 1, ",") {
        let aside = if is_discourse_adverb(cx.lw(k - 2))
            || matches!(cx.lw(k - 2), "too" | "though" | "however")
        {
            Some(k - 2)
        } else if k >= s + 4
            && matches!(cx.lw(k - 2), "example" | "instance")
            && cx.lw(k - 3) == "for"
        {
            Some(k - 3)
        } else {
            None
        };
        if let Some(m) = aside.filter(|&m| m > s + 1 && cx.is_punct(m - 1, ",")) {
            k = m;
        }
    }
    // ("Senator Joan Hartwell, who wrote the memoir “Line in the Sand,” dismissed …": a
    // relative clause that ends in a work's title, its comma inside the closing mark;
    // the speaker is before the clause)
    if k > s + 4 && cx.is_closing_quote(k - 1) && cx.is_punct(k - 2, ",") {
        if let Some(q) = cx.in_quote[k - 1].map(|qi| cx.quoted[qi as usize]) {
            let who = (q.open.saturating_sub(10).max(s + 1)..q.open)
                .rev()
                .take_while(|&i| !cx.is_quote(i) && toks[i].kind != TokenKind::Terminal)
                .find(|&i| matches!(cx.lw(i), "who" | "which") && cx.is_punct(i - 1, ","));
            if let Some(w) = who.filter(|_| q.close == k - 1 && q.closed && names_a_work(cx, &q)) {
                return np_before(cx, s, w);
            }
        }
    }
    // "Peter Hoekstra, a Michigan Republican who led the committee, said": a long
    // appositive between a name and its verb. The phrase is the name plus the appositive.
    if k > s + 2 && cx.is_punct(k - 1, ",") {
        let lo = k.saturating_sub(30).max(s);
        let mut c0 = None;
        for i in (lo..k - 1).rev() {
            if cx.is_quote(i) || toks[i].kind == TokenKind::Terminal || cx.is_punct(i, ";") {
                break;
            }
            if cx.is_punct(i, ",") {
                c0 = Some(i);
                break;
            }
        }
        // "…, a delegate from Houston, Texas, said": a place after a comma is still
        // part of the appositive.
        for _ in 0..2 {
            let Some(c) = c0 else { break };
            let place = c + 1 < k - 1
                && k - 1 - (c + 1) <= 3
                && (c + 1..k - 1).all(|i| cx.is_cap(i) || cx.is_punct(i, "."));
            if !place {
                break;
            }
            c0 = (lo..c).rev().find(|&i| cx.is_punct(i, ",")).filter(|&i| {
                !(i..c).any(|j| cx.is_quote(j) || toks[j].kind == TokenKind::Terminal)
            });
        }
        // "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said": before a
        // relative clause, an age and a hometown belong to the name before them.
        if let Some(c) = c0.filter(|&c| matches!(cx.lw(c + 1), "who" | "whose")) {
            let prev_comma = |at: usize| {
                (lo..at)
                    .rev()
                    .take_while(|&i| !(cx.is_quote(i) || toks[i].kind == TokenKind::Terminal))
                    .find(|&i| cx.is_punct(i, ","))
            };
            // the comma that opens the age or the "of" hometown, if the segments between
            // it and the relative clause are only those and places
            let mut at = c;
            let mut opens = None;
            while let Some(p) = prev_comma(at) {
                let seg = p + 1..at;
                let age = seg.len() == 1 && toks[p + 1].kind == TokenKind::Number;
                let home = cx.lw(p + 1) == "of"
                    && (p + 2..at).all(|i| cx.is_cap(i) || cx.is_punct(i, "."));
                let place = !seg.is_empty()
                    && seg.len() <= 3
                    && seg.clone().all(|i| cx.is_cap(i) || cx.is_punct(i, "."));
                // ("Paul Porter, a truck driver from Ava, Mo., who …": a description)
                let desc = matches!(cx.lw(p + 1), "a" | "an" | "the");
                if age || home || desc {
                    opens = Some(p);
                } else if !place {
                    break;
                }
                at = p;
            }
            if let Some(o) = opens {
                // (the name: capitalised words right before, after a comma, a quote or
                // the sentence start: "“…,” Harry Bond, 30, of Raleigh, N.C., who …")
                let mut a = o;
                while a > s && o - a < 5 && (cx.is_cap(a - 1) || cx.is_punct(a - 1, ".")) {
                    a -= 1;
                }
                if a < o && (a == s || cx.is_punct(a - 1, ",") || cx.is_quote(a - 1)) {
                    c0 = Some(o);
                }
            }
        }
        // "Tom Fitton, the president of Judicial Watch, a conservative group, said": a
        // second appositive after the first; the name is before the first.
        // (or a relative clause after it: "Willie Minor, an actor in Dallas, who runs a
        // theater, recalled")
        // ("Elward Edd, an official at the Hopi Tribal Housing Authority in Arizona, which
        // has a backlog …, said": a relative clause on the appositive's noun)
        if let Some(c) = c0.filter(|&c| {
            lexicon::is_determiner(cx.lw(c + 1))
                || matches!(cx.lw(c + 1), "who" | "whose" | "which")
        }) {
            let c1 = (lo..c)
                .rev()
                .take_while(|&i| !(cx.is_quote(i) || toks[i].kind == TokenKind::Terminal))
                .find(|&i| cx.is_punct(i, ","));
            if let Some(c1) = c1.filter(|&c1| {
                c1 > s
                    && c1 + 1 < c
                    && cx.is_cap(c1 - 1)
                    && (lexicon::is_determiner(cx.lw(c1 + 1))
                        || lexicon::is_title(cx.lw(c1 + 1))
                        // ("Ms. Arnold, who helped found EDGE, an environmental group, said")
                        || matches!(cx.lw(c1 + 1), "who" | "whose"))
            }) {
                c0 = Some(c1);
            }
        }
        if let Some(c0) = c0 {
            let desc = c0 + 1;
            // "Lindsey Graham, Republican of South Carolina, said"
            let desc_ok = desc < k - 1
                && (!cx.is_cap(desc)
                    // "Williams, Carson’s longtime friend, said"
                    || toks[desc + 1].kind == TokenKind::Clitic
                    || matches!(
                        cx.lw(desc),
                        "the"
                            | "a"
                            | "an"
                            | "republican"
                            | "democrat"
                            | "democratic"
                            | "independent"
                    )
                    || lexicon::is_title(cx.lw(desc)));
            // the name: a run of capitalised words (and particles) right before c0, or
            // before an age ("Leon, 63, an independent voter …")
            let mut name_end = if c0 >= s + 2
                && toks[c0 - 1].kind == TokenKind::Number
                && cx.is_punct(c0 - 2, ",")
            {
                c0 - 2
            } else {
                c0
            };
            // "Sen. Rob Portman (R-Ohio), another incumbent, said": a party tag in brackets
            if name_end > s + 1 && cx.is_punct(name_end - 1, ")") {
                if let Some(open) = (name_end.saturating_sub(7).max(s)..name_end - 1)
                    .rev()
                    .find(|&k| cx.is_punct(k, "("))
                {
                    name_end = open;
                }
            }
            // "Rep. Chip Roy, R-Texas, a leader of …, said": a party tag between commas
            if name_end > s + 2
                && cx.is_punct(name_end - 2, ",")
                && is_party_tag(cx.tx(name_end - 1))
            {
                name_end -= 2;
            }
            let mut a = name_end;
            // (each connector lets the name run two words longer: "Jessica Vaughan of the
            // Center for Immigration Studies, which …, said")
            let mut room = 6;
            while a > s && name_end - a < room {
                if cx.is_cap(a - 1) && !matches!(cx.lw(a - 1), "and" | "but" | "so" | "yet")
                    || toks[a - 1].kind == TokenKind::Clitic
                    || matches!(cx.tx(a - 1), "." | "-")
                    // (a nickname's marks: "John “Tig” Tiegen, the contractor, said")
                    || cx.is_quote(a - 1) && cx.np_word(a - 1)
                {
                    a -= 1;
                } else if matches!(cx.lw(a - 1), "of" | "for") && a >= s + 2 && cx.is_cap(a - 2) {
                    // "Holger Schmieding of Berenberg, Germany's largest bank, warned"
                    a -= 1;
                    room += 2;
                } else if cx.lw(a - 1) == "the"
                    && a >= s + 3
                    && cx.lw(a - 2) == "of"
                    && cx.is_cap(a - 3)
                {
                    a -= 2;
                    room += 2;
                } else {
                    break;
                }
            }
            // "A White House official, who requested anonymity, said": no name, but a
            // short noun phrase opening the sentence.
            if a == name_end
                && c0 > s
                && c0 - s <= 6
                && (s..c0).all(|i| cx.np_word(i))
                && (lexicon::is_determiner(cx.lw(s)) || cx.is_cap(s))
            {
                a = s;
            }
            // "Democratic candidate Bernie Sanders, who …": descriptive words before the
            // name still open the sentence
            let starts_clause = a == s
                || (s..a).all(|i| cx.np_word(i) && !cx.is_quote(i))
                || cx.is_punct(a - 1, ",")
                || cx.is_quote(a - 1)
                || matches!(cx.lw(a - 1), "but" | "and" | "said" | "says");
            if desc_ok
                && a < c0
                && starts_clause
                && (a..c0).any(|i| {
                    cx.is_cap(i)
                        && !lexicon::is_np_barrier(cx.lw(i))
                        && !is_discourse_adverb(cx.lw(i))
                })
            {
                return Some((a, k - 1));
            }
            // "Murshed Zaheed, political director of CREDO Action, which organized the
            // letter, said", "DeMoro, director of National Nurses United, a union that …,
            // said": an aside on the appositive; the speaker is before it.
            if c0 > s + 1
                && matches!(cx.lw(desc), "which" | "who" | "whose" | "a" | "an")
                && cx.is_punct(k - 1, ",")
            {
                if let Some(found) = np_before(cx, s, c0) {
                    return Some(found);
                }
            }
        }
    }
    // "Obama, who called …", "people who said …": the relative pronoun's antecedent.
    // ("Hillary Clinton, who as secretary of State once praised …": an "as" phrase
    // between the relative pronoun and its verb)
    let who_as = (k.saturating_sub(9).max(s + 2)..k.saturating_sub(2))
        .rev()
        .find(|&i| cx.lw(i) == "who" && cx.lw(i + 1) == "as" && cx.is_punct(i - 1, ","))
        .filter(|&w| (w + 1..k).all(|i| toks[i].is_word() || cx.tx(i) == "."));
    let relative = if k > s + 1 && matches!(cx.lw(k - 1), "who" | "which") {
        Some(k - 1)
    } else {
        who_as
    };
    if let Some(mut r) = relative {
        // ("The senator - who said …": a dash opening the aside is no part of the name)
        if r > s + 1 && (is_dash(cx.tx(r - 1)) || cx.tx(r - 1) == "-") {
            r -= 1;
        }
        // ("Clinton released her medical records in July, which showed …": when comes
        // off the antecedent)
        if r > s + 2 && cx.is_punct(r - 1, ",") {
            let t = before_time_phrase(cx, s, r - 1);
            if t < r - 1 {
                r = t;
            }
        }
        // ("The agency issued a report, which said …": the antecedent is the object,
        // the noun phrase after the verb before it)
        return np_before_inner(cx, s, r).map(|(a, b)| {
            (a + 1..b)
                .rev()
                .find(|&m| {
                    !cx.is_cap(m)
                        && (is_past_tense(cx.lw(m)) || lexicon::cue_class(cx.lw(m)).is_some())
                        && m + 1 < b
                        && (lexicon::is_determiner(cx.lw(m + 1)) || cx.is_cap(m + 1))
                })
                .map_or((a, b), |m| (m + 1, b))
        });
    }
    if let Some(found) = np_before_inner(cx, s, k) {
        return Some(found);
    }
    // "Trump in his announcement speech called …": a prepositional phrase between the
    // subject and its verb.
    let prep = (k.saturating_sub(6).max(s + 1)..k)
        .find(|&i| matches!(cx.lw(i), "in" | "at" | "during" | "on" | "after" | "before"));
    if let Some(found) = prep.and_then(|p| {
        np_before_inner(cx, s, p)
            .filter(|&(a, b)| (a..b).any(|i| cx.is_cap(i) || lexicon::pronoun(cx.lw(i)).is_some()))
    }) {
        return Some(found);
    }
    whole_noun_phrase(cx, s, k)
}

/// "The deputy head of China’s delegation to the forum said": a sentence that is one noun
/// phrase up to its verb (prepositions, but no verb, clause or aside of its own).
fn whole_noun_phrase(cx: &Ctx<'_>, s: usize, k: usize) -> Option<(usize, usize)> {
    let toks = &cx.doc.tokens;
    let first = cx.lw(s);
    if k <= s + 2
        || k - s > 16
        || !(lexicon::is_determiner(first) || cx.is_cap(s))
        // ("Because of her weak support with young voters, …" opens with an adjunct)
        || lexicon::is_np_barrier(first)
        || matches!(
            first,
            "because" | "in" | "on" | "at" | "after" | "before" | "with" | "for" | "from" | "as"
                | "if" | "when" | "while" | "although" | "though" | "since" | "during" | "by"
                | "of" | "to" | "like" | "unlike" | "despite" | "amid" | "among" | "under"
        )
    {
        return None;
    }
    let noun_phrase = (s..k).all(|i| {
        let l = cx.lw(i);
        match toks[i].kind {
            TokenKind::Word => {
                !lexicon::is_aux_or_adverb(l)
                    && lexicon::cue_class(l).is_none()
                    && !matches!(l, "who" | "which" | "that" | "and" | "but")
                    && (!l.ends_with("ed") || i == s || lexicon::is_determiner(cx.lw(i - 1)))
            }
            TokenKind::Clitic => l.ends_with('s') || matches!(l, "'" | "\u{2019}"),
            TokenKind::Number => true,
            TokenKind::Punct => matches!(cx.tx(i), "-" | "."),
            _ => false,
        }
    });
    noun_phrase.then_some((s, k))
}

fn np_before_inner(cx: &Ctx<'_>, s: usize, c: usize) -> Option<(usize, usize)> {
    let toks = &cx.doc.tokens;
    let mut end = c;
    while end > s
        && toks[end - 1].kind == TokenKind::Word
        && lexicon::is_aux_or_adverb(cx.lw(end - 1))
        && !is_name_not_adverb(cx, s, end - 1)
    {
        end -= 1;
    }
    // ("The chancellor herself said": the emphasis is no part of who speaks)
    if end > s + 1
        && matches!(
            cx.lw(end - 1),
            "himself" | "herself" | "themselves" | "itself"
        )
    {
        end -= 1;
    }
    // Time phrases between subject and cue: "Clinton on Tuesday said", "Sanders last week said".
    while end > s + 1 && is_time_word(cx.lw(end - 1)) && !is_name_not_adverb(cx, s, end - 1) {
        end -= 1;
        while end > s + 1
            && matches!(
                cx.lw(end - 1),
                "on" | "at"
                    | "last"
                    | "this"
                    | "earlier"
                    | "late"
                    | "early"
                    | "next"
                    | "that"
                    | "same"
                    | "the"
            )
        {
            end -= 1;
        }
        while end > s
            && toks[end - 1].kind == TokenKind::Word
            && lexicon::is_aux_or_adverb(cx.lw(end - 1))
        {
            end -= 1;
        }
    }
    // ("A Gallup poll released on Monday found", "a report published last week said": the
    // participle that dates a document is no part of what it is called; "A video posted
    // online shows": nor where it was put)
    if end > s + 3 && cx.lw(end - 1) == "online" && put_online(cx.lw(end - 2)) {
        end -= 1;
    }
    if end > s + 2
        && matches!(
            cx.lw(end - 1),
            "released"
                | "published"
                | "issued"
                | "conducted"
                | "unveiled"
                | "posted"
                | "commissioned"
        )
        && toks[end - 2].is_word()
        && cx.np_word(end - 2)
    {
        end -= 1;
    }
    // "X, who …, said" is rare; commas before the cue are appositives: "Lungescu, the spokesperson, said".
    while end > s && cx.is_punct(end - 1, ",") {
        end -= 1;
    }
    // An age between commas: "Sarandon, 69, told".
    if end >= s + 3 && toks[end - 1].kind == TokenKind::Number && cx.is_punct(end - 2, ",") {
        end -= 2;
    }
    // ("Dale Hartwell, the author of “Line in the Sand,” said", "The senator, nicknamed
    // “the Hammer,” said": a work's title or a name given, after a word in lower case, is
    // part of the phrase before the cue, not what was said)
    if end > s + 2 && cx.is_closing_quote(end - 1) {
        if let Some(q) = cx.in_quote[end - 1].map(|qi| cx.quoted[qi as usize]) {
            // ("The senator, nicknamed “the Hammer,” said", "Ms. Ruiz, known as “La
            // Jefa,” told": the aside that gives a name ends at the comma before it)
            let mut p = q.open;
            if p > s + 1 && cx.lw(p - 1) == "as" {
                p -= 1;
            }
            let short = (q.open + 1..q.close).filter(|&k| toks[k].is_word()).count() <= 5;
            if q.close == end - 1
                && q.closed
                && short
                && p > s + 2
                && matches!(cx.lw(p - 1), "nicknamed" | "dubbed" | "known")
                && (cx.lw(p - 1) == "known") == (p < q.open)
                && cx.is_punct(p - 2, ",")
            {
                return np_before_inner(cx, s, p - 2);
            }
            if q.close == end - 1
                && q.closed
                && q.open > s + 1
                && toks[q.open - 1].kind == TokenKind::Word
                && !cx.is_cap(q.open - 1)
                && names_a_work(cx, &q)
            {
                // ("As Akhil Reed Amar, the author of …, put it": not the "as")
                return np_before_inner(cx, s, q.open).map(|(a, _)| {
                    let a = if matches!(cx.lw(a), "as" | "like") && a + 1 < q.open {
                        a + 1
                    } else {
                        a
                    };
                    (a, end)
                });
            }
        }
    }
    if end == s {
        return None;
    }
    let mut start = end;
    let mut commas = 0;
    while start > s {
        let i = start - 1;
        // ("BEIJING, Oct 18 (Reuters) - China accused": a name never runs back across a
        // spaced hyphen, which stands for a dash)
        if cx.np_word(i) && !is_spaced_hyphen(cx, i) {
            start -= 1;
            continue;
        }
        // ("Several people I've spoken with said", "people we talked to say": a relative
        // clause with no "who", its subject a pronoun, its speech verb's preposition last)
        if i + 1 == end
            && start == end
            && i > s + 2
            && matches!(cx.lw(i), "to" | "with")
            && toks[i - 1].is_word()
            && !cx.is_cap(i - 1)
            && (lexicon::cue_class(cx.lw(i - 1)).is_some()
                || lexicon::topic_verb(cx.lw(i - 1)).is_some()
                || is_past_tense(cx.lw(i - 1)))
        {
            let mut p = i - 2;
            if p > s && matches!(cx.lw(p), "have" | "'ve" | "\u{2019}ve" | "had" | "has") {
                p -= 1;
            }
            let pronoun = cx.lw(p);
            let pronoun = pronoun
                .strip_suffix("'ve")
                .or_else(|| pronoun.strip_suffix("\u{2019}ve"))
                .unwrap_or(pronoun);
            if (lexicon::is_subject_pronoun(pronoun) && pronoun != "it")
                && p > s
                && toks[p - 1].is_word()
                && (!cx.is_cap(p - 1) || p - 1 == s)
                && cx.np_word(p - 1)
            {
                start = p;
                continue;
            }
        }
        // ("An estimate by the budget office found", "An earlier report found": a cue's
        // form after a determiner, or "earlier"/"later" between one and the noun, is a
        // noun's or an adjective's)
        let after_determiner = |k: usize| {
            k > s
                && (lexicon::is_determiner(cx.lw(k - 1))
                    || k > s + 1
                        && toks[k - 1].kind == TokenKind::Word
                        && !cx.is_cap(k - 1)
                        && (cx.np_word(k - 1) || matches!(cx.lw(k - 1), "earlier" | "later"))
                        && lexicon::is_determiner(cx.lw(k - 2)))
        };
        // (only the head before a verb or a document before its maker: "the caustic
        // chant “Lock her up!”" is the cue's own phrase)
        let noun_place = start == end && end < toks.len() && toks[end].kind == TokenKind::Word
            || matches!(cx.lw(i + 1), "by" | "for" | "from" | "of");
        if toks[i].kind == TokenKind::Word
            && !cx.is_cap(i)
            && (lexicon::cue_class(cx.lw(i)) == Some(CueClass::Speech)
                && after_determiner(i)
                && noun_place
                || start < end
                    && i > s
                    && matches!(cx.lw(i), "earlier" | "later")
                    && lexicon::is_determiner(cx.lw(i - 1)))
        {
            start -= 1;
            continue;
        }
        // ("The Centers for Disease Control and Prevention said": an "and" inside the
        // name of one organisation)
        if start < end
            && cx.lw(i) == "and"
            && cx.entity_at(i).is_some_and(|m| {
                m.span.end >= toks[start].span.end && m.span.start < toks[i].span.start
            })
        {
            start -= 1;
            continue;
        }
        // ("That person said", "That source added": a sentence's first "That" before a
        // noun is its determiner)
        if cx.lw(i) == "that"
            && cx.is_cap(i)
            && start == i + 1
            && start < end
            && toks[start].kind == TokenKind::Word
            && !cx.is_cap(start)
        {
            start = i;
            break;
        }
        // "Advisers to Mr. Rubio say", "a spokesman for the campaign said"
        if i > s
            && matches!(cx.lw(i), "to" | "for")
            && lexicon::speaker_noun(cx.lw(i - 1))
            && start < end
            && (cx.is_cap(start) || lexicon::is_determiner(cx.lw(start)))
        {
            start = i;
            continue;
        }
        // ("A recent poll by Monmouth University showed", "An estimate by the budget
        // office found", "an internal poll for the campaign showed": a document and who
        // made it)
        if i > s
            && matches!(cx.lw(i), "by" | "for" | "from" | "of")
            && (lexicon::is_poll_noun(cx.lw(i - 1))
                || matches!(
                    cx.lw(i - 1),
                    "estimate" | "estimates" | "report" | "audit" | "review" | "assessment"
                ))
            && start < end
            && (cx.is_cap(start) || lexicon::is_determiner(cx.lw(start)))
            && end - start <= 6
        {
            start = i;
            continue;
        }
        // ("A strategist in Wisconsin said", "a voter from Ohio said": where the speaker
        // is from, not who speaks)
        // ("Local officials in the town of Altamira said", "Democrats on Capitol Hill
        // said", "Republicans on the committee said")
        // ("Steelworkers in Ohio told", "Aides in both parties believe")
        // ("One veteran agent in Weslaco said": a description of someone unnamed, from
        // its determiner, at the start or after a comma)
        let described = || {
            (i.saturating_sub(5).max(s)..i - 1).rev().any(|d| {
                (d == s || cx.is_punct(d - 1, ","))
                    && (d..i).all(|k| toks[k].is_word())
                    && lexicon::describes_someone_unnamed(
                        &(d..i).map(|k| cx.tx(k)).collect::<Vec<_>>(),
                    )
            })
        };
        if i > s
            && matches!(cx.lw(i), "in" | "from" | "on")
            && (lexicon::speaker_noun(cx.lw(i - 1))
                || person_plural(cx.lw(i - 1))
                || cx.lw(i) != "on" && described())
            && start < end
            && (cx.is_cap(start)
                || matches!(cx.lw(start), "both" | "all") && end - start <= 3
                || cx.lw(start) == "the"
                    && start + 1 < end
                    && ((start + 1..end).any(|k| cx.is_cap(k))
                        // (the body one sits on: "Republicans on the committee")
                        || cx.lw(i) == "on" && end - start <= 3))
            && !is_time_word(cx.lw(start))
            // ("Officials on the weekend said": a time, not a body)
            && !(cx.lw(i) == "on" && (start..end).any(|k| is_time_word(cx.lw(k))))
            && end - start <= 5
        {
            start = i;
            continue;
        }
        // ("Trump in Iowa said", "The embassy in Moscow said", "The Permanent Court of
        // Arbitration in The Hague found": a name or a body before where it is)
        if i > s
            && matches!(cx.lw(i), "in" | "at" | "from")
            && start < end
            && end - start <= 4
            && (start..end).all(|k| cx.is_cap(k))
            && cx
                .entity_at(start)
                .is_some_and(|m| m.label == EntityLabel::Loc)
            && toks[i - 1].is_word()
            && (cx.is_cap(i - 1) && !lexicon::is_np_barrier(cx.lw(i - 1))
                || lexicon::org_noun(cx.lw(i - 1)))
        {
            // (the place is no part of the name: "Trump", "The court")
            end = i;
            start = i;
            continue;
        }
        // "One person close to Falk said", "people familiar with his thinking say", "an
        // ally of Gordon Falk said": who is close to someone speaks, not that someone
        if i > s && start < end && lexicon::near_someone(cx.lw(i - 1), cx.lw(i)) {
            start = i;
            continue;
        }
        // ("and all but two said": everyone bar a number)
        if i > s + 1 && cx.lw(i) == "but" && cx.lw(i - 1) == "all" && start + 1 == end && {
            let n = start;
            toks[n].kind == TokenKind::Number || lexicon::is_number_word(cx.lw(n))
        } {
            start = i - 1;
            continue;
        }
        // poll shares: "4 in 10 say", "three out of five said"
        let number =
            |k: usize| toks[k].kind == TokenKind::Number || lexicon::is_number_word(cx.lw(k));
        if i > s
            && matches!(cx.lw(i), "in" | "of" | "out")
            && start < end
            && number(start)
            && (number(i - 1) || i >= s + 2 && cx.lw(i - 1) == "out" && number(i - 2))
        {
            start = i;
            continue;
        }
        // A parenthesis inside the phrase: "Gov. Mary Fallin (R-OK) said", "Kasich (who
        // has 25 delegates to date) said".
        if cx.is_punct(i, ")") {
            if let Some(open) = (i.saturating_sub(12).max(s)..i)
                .rev()
                .find(|&k| cx.is_punct(k, "("))
            {
                if open > s && cx.np_word(open - 1) {
                    start = open;
                    continue;
                }
            }
        }
        // One appositive comma: "Oana Lungescu, the NATO spokesperson said",
        // "The US secretary of state, Antony Blinken said", "Paul Ryan, R-Wis., said".
        if cx.is_punct(i, ",") && commas < 2 && i > s && cx.np_word(i - 1) && !cx.is_quote(i - 1) {
            let mut b = i;
            while b > s && cx.np_word(b - 1) && i - b < 8 {
                b -= 1;
            }
            // ("Among the rebels is Helen Marsh, the MP for Stroud, who said …", "The
            // rebels include Helen Marsh, a Labour MP, who …": the name after its verb)
            let names_after_verb = |n: usize| {
                n > s
                    && matches!(
                        cx.lw(n - 1),
                        "is" | "was"
                            | "are"
                            | "were"
                            | "include"
                            | "includes"
                            | "included"
                            | "including"
                    )
            };
            let mut n = i;
            while n > b.max(s + 1) && cx.is_cap(n - 1) {
                n -= 1;
            }
            // (only before a relative clause on the name: "The problem is Congress, the
            // senator said" names the senator)
            let relative_next = c < toks.len() && matches!(cx.lw(c), "who" | "whose");
            if n < i && relative_next && names_after_verb(n) {
                b = n;
            }
            // "On Tuesday, the company said": a time or a prepositional phrase is no name.
            // (but "Aides to Mitch McConnell, the majority leader, said": the name is
            // the one the speakers work for)
            // (people who work for someone, not a document sent to someone: "In an email
            // to Reuters, the company said")
            let owner = b > s + 1
                && matches!(cx.lw(b - 1), "to" | "for")
                && lexicon::works_for_someone(cx.lw(b - 2));
            let prep_phrase = (b..i).any(|k| is_time_word(cx.lw(k)))
                || b > s
                    && lexicon::is_np_barrier(cx.lw(b - 1))
                    && !owner
                    && !(relative_next && names_after_verb(b));
            let single_adverb = i == b + 1 && cx.lw(b).ends_with("ly") || prep_phrase;
            // (a nickname's marks are part of the name: "Marcia “Cia” Price, the niece")
            let before_is_name = !single_adverb
                && (b..i).all(|k| {
                    cx.is_cap(k)
                        || toks[k].kind == TokenKind::Clitic
                        || cx.tx(k) == "-"
                        || cx.is_quote(k) && cx.np_word(k)
                })
                && cx.is_cap(i - 1);
            let after_is_description = i + 1 < end
                && (matches!(
                    cx.lw(i + 1),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
                ) || toks[i + 1..end].iter().any(|t| t.kind == TokenKind::Clitic)
                    || (i + 1..end.min(i + 4))
                        .any(|k| lexicon::ROLES.contains(&cx.lw(k)) && !cx.is_cap(k)));
            let after_is_name =
                (i + 1..end).all(|k| cx.is_cap(k) || toks[k].kind == TokenKind::Clitic);
            let after_is_party_tag = end == i + 2 && {
                let t = cx.tx(i + 1);
                t.len() >= 3 && t.as_bytes()[1] == b'-' && t.as_bytes()[0].is_ascii_uppercase()
            };
            let before_has_role =
                (b..i).any(|k| names_a_role(cx.lw(k)) || lexicon::is_kin_noun(cx.lw(k)));
            // ("“…,” the assailant, John McGraw, told …": any short described noun right
            // after the quotation, then the name)
            let described_after_quote = b > s
                && i - b <= 5
                && (cx.is_closing_quote(b - 1)
                    || b > s + 1 && cx.is_punct(b - 1, ",") && cx.is_closing_quote(b - 2))
                && matches!(
                    cx.lw(b),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                )
                && (b + 1..i).all(|k| toks[k].is_word() && !cx.is_cap(k));
            if before_is_name && (after_is_description || after_is_party_tag)
                || after_is_name
                    && (before_has_role || described_after_quote)
                    && !before_is_name
                    && !prep_phrase
            {
                commas += 1;
                start = b;
                if relative_next && names_after_verb(b) {
                    break;
                }
                continue;
            }
        }
        break;
    }
    // Drop a leading comma and anything before a trailing appositive that is not a name.
    while start < end && cx.is_punct(start, ",") {
        start += 1;
    }
    // ("Industry group the World Shipping Council warned": a descriptor in lower case
    // before "the" and a name is no part of the name; not "the head of the World Bank")
    if let Some(t) = (start + 1..end.saturating_sub(1)).find(|&t| {
        cx.lw(t) == "the"
            && cx.is_cap(t + 1)
            && matches!(
                cx.lw(t - 1),
                "group"
                    | "organization"
                    | "organisation"
                    | "firm"
                    | "company"
                    | "tank"
                    | "watchdog"
                    | "agency"
                    | "coalition"
                    | "carrier"
                    | "operator"
                    | "union"
                    | "association"
                    | "charity"
                    | "lobby"
                    | "network"
                    | "newspaper"
                    | "broadcaster"
            )
            && (start..t).all(|k| {
                toks[k].kind == TokenKind::Word
                    && !matches!(
                        cx.lw(k),
                        "of" | "for" | "at" | "from" | "with" | "in" | "to" | "by"
                    )
            })
            // (the rest is a name to its end: not "Every charity the BBC contacted said")
            && (t + 1..end).all(|k| {
                cx.is_cap(k) || matches!(cx.lw(k), "of" | "for" | "and" | "the" | "&")
            })
            && cx.is_cap(end - 1)
    }) {
        start = t;
    }
    if start >= end || end - start > 14 {
        // Too long to be a subject: keep its last name-like chunk.
        let mut k = end;
        while k > s && (cx.is_cap(k - 1) || toks[k - 1].kind == TokenKind::Clitic) && end - k < 5 {
            k -= 1;
        }
        if k == end {
            return None;
        }
        start = k;
    }
    // The phrase must look like a speaker: a name, a pronoun, or a noun of people —
    // unless it follows a closing quote, where any short phrase is the speaker.
    let after_quote = start > s && cx.is_closing_quote(start - 1)
        || start > s + 1 && cx.is_punct(start - 1, ",") && cx.is_closing_quote(start - 2);
    // ("4 in 10 say", "47% say", "a third of independents, 33%, say": a share of people)
    // ("and three in five said", "one of his warm-up speakers said": a number in words
    // counts too)
    let share = (start..end)
        .any(|i| toks[i].kind == TokenKind::Number || lexicon::is_number_word(cx.lw(i)))
        && (start..end).any(|i| matches!(cx.lw(i), "in" | "of" | "%" | "percent"));
    // ("As the paper noted, …": a short noun phrase with its determiner)
    let determined = end - start <= 6
        && matches!(
            cx.lw(start),
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "their" | "its"
        )
        // ("That person said", not "That said, …" nor "That record shows": "that" goes
        // only before one noun of people)
        && (cx.lw(start) != "that"
            || end == start + 2
                && (lexicon::speaker_noun(cx.lw(start + 1))
                    || matches!(cx.lw(start + 1), "person" | "man" | "woman" | "individual")))
        // (not a preposition's object: "… delegation to the forum said")
        && !(start > s
            && matches!(
                cx.lw(start - 1),
                "to" | "of" | "in" | "at" | "for" | "with" | "from" | "on" | "by" | "about"
                    | "against" | "into" | "over" | "under" | "after" | "before"
            ));
    // ("hacking specialists say", "former foes say": a plural noun agreeing with "say")
    // ("and forecasters said …": a plural noun of people by its ending)
    let plural_sayers = c < cx.doc.tokens.len()
        && end == c
        && (cx.lw(c) == "say" && end - start <= 4 && looks_plural(cx.lw(end - 1))
            || end - start <= 3
                && lexicon::cue_class(cx.lw(c)) == Some(CueClass::Speech)
                && person_plural(cx.lw(end - 1)));
    let ok = after_quote && end - start <= 6
        || share
        || end == start + 3 && cx.lw(start) == "all" && cx.lw(start + 1) == "but"
        || determined
        || plural_sayers
        || (start..end).any(|i| {
            let l = cx.lw(i);
            cx.is_cap(i) && !(i == s && lexicon::is_np_barrier(l))
                || lexicon::pronoun(l).is_some()
                || lexicon::speaker_noun(l)
                || cx.entity_at(i).is_some()
        });
    if !ok {
        return None;
    }
    Some((start, end))
}

/// Whether a word of an appositive before a name tells a role: it is a role (of
/// [`lexicon::ROLES`], bar abbreviations), or it ends a role of several words ("state" of
/// "secretary of state") — any tail of one, as `str::ends_with` reads it.
fn names_a_role(l: &str) -> bool {
    ROLE_WORDS.contains(l)
}

/// Every word [`names_a_role`] accepts, built once: a scan of the role list for each word
/// of an appositive cost ~2,000 instructions a call.
static ROLE_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut set = rustc_hash::FxHashSet::default();
        for r in lexicon::ROLES.iter().filter(|r| !r.ends_with('.')) {
            set.insert(*r);
            if r.contains(' ') {
                set.extend(
                    r.char_indices()
                        .map(|(i, _)| &r[i..])
                        .chain(std::iter::once("")),
                );
            }
        }
        set
    });

/// "…, with Senator John McCain telling reporters he …": an absolute phrase before a
/// participle at `c` has its own subject; so has one after a dash ("… issued a statement
/// – Ryan saying he was …").
fn absolute_subject(cx: &Ctx<'_>, s: usize, c: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    // (a name, or people counted or named by a noun: "with three in 10 saying …", ",
    // both candidates acknowledging …")
    let people =
        c > s && (toks[c - 1].kind == TokenKind::Number || lexicon::speaker_noun(cx.lw(c - 1)));
    (c.saturating_sub(8).max(s)..c)
        .rev()
        .find(|&k| {
            cx.lw(k) == "with"
                || is_dash(cx.tx(k))
                || people
                    && cx.is_punct(k, ",")
                    && k + 1 < c
                    && matches!(cx.lw(k + 1), "both" | "all" | "most" | "many" | "some")
        })
        .filter(|&w| w + 1 < c && (cx.is_cap(c - 1) || people))
        .and_then(|w| np_before(cx, w + 1, c))
        .map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
}

/// A party and state tag after a legislator's name: "R-Texas", "D-Mont.", "I-Vt.".
fn is_party_tag(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 3 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// An em or en dash (or a figure dash or horizontal bar), or its typed form "--", as a token.
fn is_dash(t: &str) -> bool {
    t.starts_with(['\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}']) || t == "--"
}

/// A word that opens a subordinate clause ("while", "after", "because", …; "as": "But as
/// Trump denounced … and pledged to …, many in the audience …").
fn is_subordinator(l: &str) -> bool {
    matches!(
        l,
        "while"
            | "although"
            | "though"
            | "after"
            | "before"
            | "when"
            | "because"
            | "since"
            | "unless"
            | "whereas"
            | "if"
            | "as"
    )
}

/// A hyphen with a space on each side, which stands for a dash in plain text ("… cut
/// costs - although …").
fn is_spaced_hyphen(cx: &Ctx<'_>, k: usize) -> bool {
    let toks = &cx.doc.tokens;
    cx.tx(k) == "-"
        && k > 0
        && k + 1 < toks.len()
        && toks[k].span.start > toks[k - 1].span.end
        && toks[k + 1].span.start > toks[k].span.end
}

/// The subject of the clause a participle hangs off: its first noun phrase.
/// A dateline opening a sentence at `i` ("BRUSSELS —", "HEMPSTEAD, N.Y. (AP) —", "MOSCOW,
/// March 12 (Reuters) - "): the token after its dash. (A spaced hyphen stands for the
/// dash in plain text: "BUENA PARK, Calif. - …".)
fn dateline_end(cx: &Ctx<'_>, i: usize, c: usize) -> Option<usize> {
    let d = (i..c.min(i + 12)).find(|&k| is_dash(cx.tx(k)) || cx.tx(k) == "-")?;
    // ("Washington (AFP) – …": a place in title case with the agency in brackets)
    let agency = d >= i + 4
        && cx.is_punct(d - 1, ")")
        && cx.is_punct(d - 3, "(")
        && cx.tx(d - 2).chars().all(|ch| ch.is_ascii_uppercase())
        && (i..d - 3).all(|k| cx.is_cap(k) || cx.is_punct(k, ",") || cx.is_punct(k, "."));
    // (a place in capitals, then only its state, date or agency before the dash: not
    // "U.S. troops — about 2,000 of them — will …", "FBI agents - not local police -")
    let capitals = cx
        .tx(i)
        .chars()
        .filter(|ch| ch.is_alphabetic())
        .all(char::is_uppercase)
        && cx.tx(i).chars().count() > 1
        && (i..d).all(|k| {
            !cx.doc.tokens[k].is_word()
                || cx.is_cap(k)
                || cx.doc.tokens[k].kind == TokenKind::Number
                // (a live blog's time stamp: "11:00 am – Police receive …")
                || matches!(cx.lw(k), "am" | "pm" | "a.m" | "p.m" | "a.m." | "p.m.")
        });
    (agency || capitals).then_some(d + 1)
}

fn sentence_subject(cx: &Ctx<'_>, s: usize, c: usize) -> Option<Span> {
    let toks = &cx.doc.tokens;
    let mut i = s;
    // skip an opening conjunction or adverb ("Hastily politicizing the tragedy, Trump …":
    // a manner adverb before an opening participle too)
    while i < c
        && (matches!(
            cx.lw(i),
            "but" | "and" | "so" | "yet" | "still" | "meanwhile" | ","
        ) || is_discourse_adverb(cx.lw(i))
            || i + 1 < c
                && cx.lw(i).len() > 4
                && cx.lw(i).ends_with("ly")
                && cx.lw(i + 1).len() > 4
                && cx.lw(i + 1).ends_with("ing"))
    {
        i += 1;
    }
    // "“Basically, Roger did what he wanted,” Mr. Axelrod said, calling …": after an
    // opening quotation the subject follows it.
    if i < c && cx.is_quote(i) {
        if let Some(qi) = cx.in_quote[i] {
            let q = cx.quoted[qi as usize];
            if q.open == i && q.close + 1 < c {
                i = q.close + 1;
                while i < c && cx.is_punct(i, ",") {
                    i += 1;
                }
                // ("“…,” said Mr. Manafort, referring to …": an inverted cue after the
                // quotation names the subject after its verb)
                if i + 1 < c
                    && !cx.is_cap(i)
                    && lexicon::cue_class(cx.lw(i)) == Some(CueClass::Speech)
                {
                    if let Some(sp) = np_after(cx, i + 1, c) {
                        return Some(sp);
                    }
                }
            }
        }
    }
    if let Some(d) = dateline_end(cx, i, c) {
        i = d;
    }
    // An opening participle or prepositional phrase ("Speaking in Salem, Trump …",
    // "In a statement, the board …") is not the subject: start after its comma.
    // ("A few minutes later, Murphy …", "Two days ago, the campaign …": a time phrase)
    if let Some(comma) = (i + 1..c.min(i + 7)).find(|&k| cx.is_punct(k, ",")) {
        if comma + 1 < c
            && matches!(cx.lw(comma - 1), "later" | "earlier" | "ago")
            && (i + 1..comma - 1).all(|k| toks[k].is_word() && !cx.is_cap(k))
        {
            i = comma + 1;
        }
    }
    // ("Just before the flight took off, the pilot …": an adverb before a subordinator)
    if i + 1 < c
        && matches!(
            cx.lw(i),
            "just" | "shortly" | "right" | "soon" | "long" | "even" | "only"
        )
        && matches!(
            cx.lw(i + 1),
            "before" | "after" | "when" | "as" | "since" | "if" | "though"
        )
    {
        i += 1;
    }
    let opener = if i < c { cx.lw(i) } else { "" };
    if i < c
        && (opener.ends_with("ing") && opener.len() > 4
            || matches!(
                opener,
                "in" | "at"
                    | "on"
                    | "from"
                    | "during"
                    | "after"
                    | "before"
                    | "with"
                    | "for"
                    | "by"
                    | "as"
                    | "asked"
                    // "Pressed again about the chatter, Perez …"
                    | "pressed"
                    | "questioned"
                    | "confronted"
                    | "told"
                    | "when"
                    | "while"
                    | "if"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "unlike"
                    | "like"
                    | "despite"
                    | "under"
                    | "once"
                    | "until"
                    // "Here in Columbia, Sanders …"
                    | "here"
                    // "Late last month, the company …"
                    | "late"
                    | "early"
                    // "Along with a raft of allegations, the suit …"
                    | "along"
                    | "alongside"
                    | "through"
                    | "absent"
                    | "amid"
                    | "among"
                    | "without"
                    | "within"
                    | "following"
                    | "given"
                    | "beyond"
                    | "besides"
            )
            // "Well, …", "Indeed, …": an interjection with its comma
            || matches!(
                opener,
                "well" | "yes" | "no" | "oh" | "indeed" | "now" | "first" | "finally" | "again" | "sure"
            ) && i + 1 < c
                && cx.is_punct(i + 1, ","))
    {
        let comma = (i + 1..c).find(|&k| cx.is_punct(k, ","))?;
        i = comma + 1;
        // ("Well, if you read between the lines, Trump …": one opener after another)
        let next = cx.lw(i.min(c));
        if i < c
            && matches!(
                next,
                "if" | "when"
                    | "while"
                    | "although"
                    | "though"
                    | "because"
                    | "as"
                    | "after"
                    | "before"
            )
        {
            let comma = (i + 1..c).find(|&k| cx.is_punct(k, ","))?;
            i = comma + 1;
        }
        // ("In an interview with “Fox and Friends,” Donald Trump …": the comma inside
        // the marks)
        while i < c && cx.is_closing_quote(i) {
            i += 1;
        }
        // ("In Columbus, Ohio, Trump …", "in Manchester, N.H., on Monday, Sanders …": the
        // place's state and a time adjunct belong to the opener)
        while let Some(comma) = (i + 1..c.min(i + 7)).find(|&k| cx.is_punct(k, ",")) {
            let place = cx.entity_at(i).is_some_and(|m| m.label == EntityLabel::Loc)
                && (i..comma).all(|k| cx.is_cap(k) || cx.tx(k) == ".");
            let time = matches!(cx.lw(i), "on" | "in" | "at" | "last" | "this" | "earlier")
                && (i + 1..comma).any(|k| is_time_word(cx.lw(k)));
            if !(place || time) || comma + 1 >= c {
                break;
            }
            i = comma + 1;
        }
    }
    // "76-year-old Morton Blackwell …": a hyphenated number adjective before a name is
    // not the subject's first word.
    if i + 1 < c && cx.is_cap(i + 1) && {
        let t = cx.tx(i);
        t.starts_with(|ch: char| ch.is_ascii_digit()) && t.contains('-')
    } {
        i += 1;
    }
    let start = i;
    // ("She shares with Trump a strategy that banks on presenting herself …": a personal
    // pronoun takes no modifiers)
    if i < c
        && matches!(
            lexicon::pronoun(cx.lw(i)),
            Some(lexicon::Pronoun::He | lexicon::Pronoun::She | lexicon::Pronoun::They)
        )
    {
        return Some(toks[i].span);
    }
    // determiners and names, then lower-case nouns after a determiner ("The email")
    let mut saw_det = false;
    while i < c && i - start < 8 {
        let l = cx.lw(i);
        // ("Several hundred protesters …", "More than 40 Labour MPs …": a quantity
        // before the noun counts it, like a determiner)
        let quantity = i + 1 < c
            && (matches!(
                l,
                "several"
                    | "more"
                    | "than"
                    | "fewer"
                    | "nearly"
                    | "almost"
                    | "hundred"
                    | "hundreds"
                    | "thousand"
                    | "thousands"
                    | "dozens"
                    | "dozen"
                    | "scores"
            ) || toks[i].kind == TokenKind::Number
                || lexicon::is_number_word(l))
            && toks[i + 1].kind == TokenKind::Word
            && (i == start || saw_det)
            // ("Around 30 Labour MPs have signed …", "Some 200 economists said": a
            // round number's adverb before it)
            || i == start
                && i + 2 < c
                && matches!(
                    l,
                    "around" | "about" | "roughly" | "approximately" | "some" | "over" | "nearly" | "almost"
                )
                && toks[i + 1].kind == TokenKind::Number
                && toks[i + 2].kind == TokenKind::Word;
        let det = quantity
            || matches!(
                l,
                "the" | "a" | "an" | "of" | "his" | "her" | "their" | "its"
            );
        if !det && cx.is_cap(i) && !lexicon::is_np_barrier(l) || toks[i].kind == TokenKind::Clitic {
            // ("Trump's congressional allies": the people a possessor has)
            let possessive = toks[i].kind == TokenKind::Clitic
                && matches!(l, "'s" | "\u{2019}s" | "'" | "\u{2019}")
                && i > start
                && lexicon::pronoun(cx.lw(i - 1)).is_none();
            if let Some(n) = (i + 1..(i + 4).min(c))
                .take_while(|&k| toks[k].kind == TokenKind::Word && !cx.is_cap(k))
                .find(|&k| lexicon::speaker_noun(cx.lw(k)))
                .filter(|_| possessive)
            {
                i = n + 1;
                break;
            }
            i += 1;
        } else if i > start
            && lexicon::speaker_noun(l)
            && cx.is_cap(i - 1)
            && !(i + 1 < c && cx.is_cap(i + 1))
            // (not a body before its spokesperson: "Foreign ministry spokeswoman Maria
            // Zakharova went further, accusing …")
            && !(i + 1 < c
                && (lexicon::speaker_noun(cx.lw(i + 1))
                    || lexicon::ROLES.contains(&cx.lw(i + 1))))
        {
            // "Clinton aides also spent …": the people a name qualifies
            i += 1;
            break;
        } else if i > start
            && cx.is_cap(i - 1)
            && !lexicon::is_determiner(cx.lw(i - 1))
            // (a plural before a verb: "Republicans blame experts …, saying")
            && !cx.lw(i - 1).ends_with('s')
            && i + 1 < c
            && lexicon::speaker_noun(cx.lw(i + 1))
            // (a title before a name or its "of" is the name's: "Democratic presidential
            // candidate Bernie Sanders", "The former secretary of state")
            && !(i + 2 < c && (cx.is_cap(i + 2) || cx.lw(i + 2) == "of"))
            && toks[i].kind == TokenKind::Word
            && toks[i + 1].kind == TokenKind::Word
            && !cx.is_cap(i + 1)
            // (a noun, not a verb: "Sanders thanks supporters", "Trump urged aides")
            && !l.ends_with('s')
            && !l.ends_with("ed")
            && !lexicon::is_np_barrier(l)
            && !lexicon::is_aux_or_adverb(l)
            && lexicon::cue_class(l).is_none()
            && !lexicon::is_irregular_past(l)
        {
            // "Public health groups sent …", "Clinton campaign aides …": a noun between
            // the capital and the people it qualifies
            i += 2;
            break;
        } else if det {
            saw_det = true;
            i += 1;
        } else if (saw_det
            // "Band member Flea", "Republican candidate Donald Trump": a title noun
            // between capitals
            || i > start && (i + 1..(i + 3).min(c)).any(|k| cx.is_cap(k)) && !cx.is_cap(i))
            && toks[i].kind == TokenKind::Word
            && !lexicon::is_np_barrier(l)
            && !lexicon::is_aux_or_adverb(l)
            && lexicon::cue_class(l).is_none()
            // "The university rebutted …": a past-tense verb after the noun ends it
            // ("Blackwell endorsed Cruz, saying …": right after a name too)
            && !(l.len() > 4 && l.ends_with("ed") && !lexicon::is_determiner(cx.lw(i - 1)))
            // ("the pilot stood up and …")
            && (!lexicon::is_irregular_past(l) || lexicon::is_determiner(cx.lw(i - 1)))
        {
            i += 1;
        } else {
            break;
        }
    }
    if i == start {
        // a pronoun, or a quantifier standing for people ("Now, many have trouble … and
        // fear …")
        if i < c
            && (lexicon::pronoun(cx.lw(i)).is_some()
                || matches!(
                    cx.lw(i),
                    "many" | "some" | "few" | "most" | "several" | "others" | "both" | "all"
                ))
        {
            return Some(toks[i].span);
        }
        return None;
    }
    // "Shortly after Scalia’s death, McConnell issued …", "Even before …": an adverb
    // opening the sentence is no name, whatever its capital; the subject follows the
    // opener's comma. An article alone is no subject either.
    let adverb = i == start + 1 && cx.entity_at(start).is_none() && {
        let l = cx.lw(start);
        l.len() > 4 && l.ends_with("ly") && !is_time_word(l) || l == "even"
    };
    // (When no subject is found that way, the phrase stands: the report is still one.)
    if adverb || (start..i).all(|k| matches!(cx.lw(k), "the" | "a" | "an")) {
        let after = match (i..c).find(|&k| cx.is_punct(k, ",")) {
            Some(comma) if comma + 1 < c => sentence_subject(cx, comma + 1, c),
            None if adverb && start + 1 < c => sentence_subject(cx, start + 1, c),
            _ => None,
        };
        if after.is_some() {
            return after;
        }
    }
    // "A few days later, Trump …", "In October, the administration …": a time phrase
    // is not the subject; the subject follows its comma.
    if (start..i).any(|k| is_time_word(cx.lw(k)))
        && i < c
        && (cx.is_punct(i, ",")
            || is_time_word(cx.lw(i))
            || matches!(cx.lw(i), "later" | "ago" | "earlier"))
    {
        if let Some(comma) = (i..c).find(|&k| cx.is_punct(k, ",")) {
            if comma + 1 < c {
                return sentence_subject(cx, comma + 1, c);
            }
        }
    }
    // ("A nurse, Keisha Grant, stood up and said …": a description, then between commas
    // the name it describes, is that person; "A spokesman for Keystone Future, Mark
    // Benning, declined …": with the organisation it speaks for)
    let desc_end = i;
    let i = if i + 2 < c
        && i > start
        && matches!(cx.lw(i), "for" | "of" | "at" | "with")
        && lexicon::speaker_noun(cx.lw(i - 1))
    {
        let mut k = i + 1;
        if k < c && cx.lw(k) == "the" {
            k += 1;
        }
        let first = k;
        while k < c && k - first < 5 && (cx.is_cap(k) || matches!(cx.lw(k), "of" | "&")) {
            k += 1;
        }
        if k > first && k + 1 < c && cx.is_punct(k, ",") && cx.is_cap(k + 1) {
            k
        } else {
            i
        }
    } else {
        i
    };
    if i + 2 < c && cx.is_punct(i, ",") && {
        // (after "a"/"the", or a possessor: "Haskett's deputy, Andrea Voigt, said")
        let from = if lexicon::is_determiner(cx.lw(start)) {
            Some(start + 1)
        } else if start + 2 < i && toks[start + 1].kind == TokenKind::Clitic {
            Some(start + 2)
        } else {
            None
        };
        from.is_some_and(|f| {
            (f..desc_end).all(|k| toks[k].kind == TokenKind::Word && !cx.is_cap(k))
        })
    } {
        let mut k = i + 1;
        while k < c && k - i <= 4 && cx.is_cap(k) {
            k += 1;
        }
        if k > i + 1
            && k < c
            && cx.is_punct(k, ",")
            && cx
                .entity_at(i + 1)
                .is_some_and(|m| m.label == EntityLabel::Per)
        {
            return Some(Span::new(toks[i + 1].span.start, toks[k - 1].span.end));
        }
    }
    Some(Span::new(
        toks[start].span.start,
        toks[desc_end - 1].span.end,
    ))
}

/// Content between the sentence start and `end` (exclusive token index of the comma or
/// quote before the speaker).
fn content_before(
    cx: &Ctx<'_>,
    s: usize,
    end: usize,
    cue: Span,
    speaker: Span,
    confidence: f32,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    // ("Asked whether he feared a backlash, he laughed.": the question put to the
    // speaker is not what the speaker said)
    // (what comes after the question's comma may still be: "Asked if he would sign
    // it, “I will,” the governor said.")
    let asked = if cx.lw(s) == "when" { s + 1 } else { s };
    let s = if asked + 1 < end
        && cx.lw(asked) == "asked"
        && matches!(
            cx.lw(asked + 1),
            "whether"
                | "if"
                | "what"
                | "how"
                | "why"
                | "which"
                | "who"
                | "when"
                | "where"
                | "about"
        ) {
        match (asked + 2..end).find(|&k| cx.is_punct(k, ",") && cx.in_quote[k].is_none()) {
            Some(comma) if comma + 1 < end => comma + 1,
            _ => return None,
        }
    } else {
        s
    };
    // `end` is exclusive: trim the commas and dashes before the speaker or cue.
    let mut k = end;
    while k > s
        && (cx.is_punct(k - 1, ",")
            || cx.is_punct(k - 1, ":")
            || cx.tx(k - 1).starts_with('\u{2014}'))
    {
        k -= 1;
    }
    // A quoted stretch that ends right there is a direct quote (it may start in an
    // earlier sentence).
    if k > 0 {
        if let Some(qi) = cx.in_quote[k.min(toks.len()) - 1] {
            let q = cx.quoted[qi as usize];
            // ("“Daily Show” host Trevor Noah on Thursday showed …": a work's name that
            // modifies the noun right after it)
            let modifier = q.close + 1 == k
                && k < toks.len()
                && toks[k].is_word()
                && !cx.is_cap(k)
                && !cx.is_punct(q.close - 1, ",")
                && names_a_work(cx, &q);
            if !modifier && (q.close == k - 1 || q.close + 1 == k) {
                claimed[qi as usize] = true;
                // Words before the quote in the same sentence ("He called it “…,” X said")
                // make it mixed.
                let lead_start = s.max(doc_sentence_start(cx, q.open));
                // …but not after a colon, dash or bracket ("the line: “…”", "- “…”").
                // (not over another report: "“You winning?” she said, but … and “our
                // own struggling citizens,” Melanie said yes")
                let has_lead = q.open > s
                    && (s..q.open).filter(|&i| toks[i].is_word()).count() >= 2
                    && lead_start == s
                    && !(s..q.open).any(|i| {
                        cx.in_quote[i].is_none()
                            && !cx.is_cap(i)
                            && lexicon::cue_class(cx.lw(i)) == Some(CueClass::Speech)
                            && i > s + 1
                            && (lexicon::is_subject_pronoun(cx.lw(i - 1)) || cx.is_cap(i - 1))
                            && cx.is_closing_quote(i - 2)
                    })
                    && (toks[q.open - 1].is_word()
                        // ("Because of her weak support with young voters, “she does need
                        // him,” Kunin said": a lead with no verb sets the scene)
                        || cx.is_punct(q.open - 1, ",") && looks_like_clause(cx, s, q.open - 1)
                        // ("The party, attended by hundreds, “allows us to get our message
                        // out,” X said": a fragment opening with its verb finishes the
                        // sentence the lead began)
                        || cx.is_punct(q.open - 1, ",")
                            && q.open + 1 < q.close
                            && toks[q.open + 1].is_word()
                            && !cx.is_cap(q.open + 1)
                            && lexicon::pronoun(cx.lw(q.open + 1)).is_none()
                            && !lexicon::is_determiner(cx.lw(q.open + 1)));
                let (span, kind) = if has_lead {
                    (Span::new(toks[s].span.start, q.span.end), QuoteKind::Mixed)
                } else {
                    (q.span, QuoteKind::Direct)
                };
                return Some(vec![FoundQuote::said_by(
                    span,
                    kind,
                    Some(cue),
                    speaker,
                    confidence,
                )]);
            }
        }
    }
    // Indirect: "C, X said." — but "In an essay last year, he wrote, “…”" opens with a
    // prepositional phrase, which is where it was said, not what.
    if (matches!(
        cx.lw(s),
        "in" | "on" | "at" | "during" | "after" | "before" | "from" | "with" | "for"
    ) || is_time_word(cx.lw(s)))
        && !looks_like_clause(cx, s + 1, k)
        && !(s + 1..k).any(|m| cx.is_punct(m, ",") && m + 1 < k && looks_like_clause(cx, m + 1, k))
    {
        return None;
    }
    let mut start = s;
    // the content may not run through an earlier cue's quote
    // (a quotation opening the content keeps its mark: "“We’re extremely happy” about
    // the decision, said …")
    let opens_here = |i: usize| {
        cx.in_quote[i].is_some_and(|qi| {
            let q = cx.quoted[qi as usize];
            q.open == i && q.closed && q.close < k
        })
    };
    while start < k && (cx.is_quote(start) && !opens_here(start) || cx.is_punct(start, "(")) {
        start += 1;
    }
    // ("MOSCOW, March 12 (Reuters) - Russia will respond …, the ministry said": the
    // dateline is the paper's, not what was said)
    if start == doc_sentence_start(cx, start) {
        if let Some(d) = dateline_end(cx, start, k).filter(|&d| d + 2 < k) {
            start = d;
        }
    }
    let words = (start..k).filter(|&i| toks[i].is_word()).count();
    // ("According to documents seen by the Guardian, a draft was … never published.":
    // an attribution of its own is no content)
    if words < 3 {
        return None;
    }
    // ("As many tax experts, including Mr. Goldberg, have pointed out, …": a few words
    // with no verb after "as" open an aside on who says it; they are not what was said,
    // though a phrase with no verb may be: "Or maybe Jeb Bush, Musser said.", "The
    // bigger risk, he said, is …")
    // (and only when what was said follows the cue's comma: "As soon as possible, the
    // general said." is an answer)
    let content_follows = {
        let after = cx.doc.token_at_or_after(cue.end);
        after < toks.len() && cx.is_punct(after, ",")
    };
    if words <= 5
        && cx.lw(start) == "as"
        && content_follows
        && !has_finite_verb(cx, start, k)
        && !looks_like_clause(cx, start, k)
    {
        return None;
    }
    // (its source's phrase is no part of what was said: "According to the latest
    // figures, the economy grew by 3 percent, the minister said")
    if cx.lw(start) == "according" && cx.lw(start + 1) == "to" {
        start = (start + 2..k).find(|&m| cx.is_punct(m, ","))? + 1;
        if (start..k).filter(|&i| toks[i].is_word()).count() < 3 {
            return None;
        }
    }
    let span = Span::new(toks[start].span.start, toks[k - 1].span.end);
    let kind = kind_of(cx, start, k, claimed);
    Some(vec![FoundQuote::said_by(
        span,
        kind,
        Some(cue),
        speaker,
        confidence - 0.05,
    )])
}

/// "A poll shows Clinton ahead by two points", "The survey found Trump leading Cruz":
/// what a poll shows or finds is its finding even as a noun phrase or a clause with no
/// finite verb, the way PolNeAR reads it.
fn poll_finding(cx: &Ctx<'_>, cue_word: &str, speaker: Span, i: usize, e: usize) -> bool {
    let toks = &cx.doc.tokens;
    let head = cx.doc.token_at_or_after(speaker.end).saturating_sub(1);
    matches!(
        cue_word,
        "show" | "shows" | "showed" | "find" | "finds" | "found"
    ) && head < toks.len()
        && toks[head].span.end == speaker.end
        && (lexicon::is_poll_noun(cx.lw(head))
            // ("A recent poll by Monmouth University showed …": the poll and its maker)
            || (cx.doc.token_at_or_after(speaker.start)..head).any(|k| {
                lexicon::is_poll_noun(cx.lw(k))
                    && matches!(cx.lw(k + 1), "by" | "for" | "from" | "of")
            }))
        && toks[i].is_word()
        && !lexicon::is_np_barrier(cx.lw(i))
        // ("The study found its way into the report")
        && !(i + 1 < e && lexicon::is_determiner(cx.lw(i)) && cx.lw(i + 1) == "way")
        && (i..e).filter(|&k| toks[k].is_word()).count() >= 3
}

fn doc_sentence_start(cx: &Ctx<'_>, i: usize) -> usize {
    cx.doc.sentences[cx.doc.sentence_of(i)].tokens.start
}

/// Direct when the tokens are one quoted stretch, mixed when they contain one, else
/// indirect. Marks the stretches as claimed.
fn kind_of(cx: &Ctx<'_>, start: usize, end: usize, claimed: &mut [bool]) -> QuoteKind {
    let mut any = false;
    let mut all = true;
    for (i, q) in cx.in_quote.iter().enumerate().take(end).skip(start) {
        match q {
            Some(qi) => {
                any = true;
                claimed[*qi as usize] = true;
            }
            None => {
                if cx.doc.tokens[i].is_word() {
                    all = false;
                }
            }
        }
    }
    match (any, all) {
        (true, true) => QuoteKind::Direct,
        (true, false) => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

/// "Senators questioned FDA Commissioner Robert Califf on Tuesday": to question a person
/// is to examine them, no report; what is questioned is a thing ("questioned his
/// sincerity") or a person about something. The object at `i` is a person's name and
/// nothing more.
fn questions_a_person(cx: &Ctx<'_>, i: usize, e: usize) -> bool {
    let mut k = i;
    while k < e && (cx.is_cap(k) || cx.is_punct(k, ".") && k > i) {
        k += 1;
    }
    // (by the tagger's label, or a known given name before a surname: the tagger reads
    // "FDA Commissioner Robert" as an organisation)
    let person = (i..k).any(|m| {
        cx.entity_at(m).is_some_and(|m| m.label == EntityLabel::Per)
            || m + 1 < k && cx.is_cap(m + 1) && lexicon::GIVEN_NAMES.contains_key(cx.tx(m))
    });
    person
        && (k >= e
            || cx.doc.tokens[k].kind == TokenKind::Terminal
            || cx.is_punct(k, ",")
            || is_opening_preposition(cx.lw(k))
            || is_time_word(cx.lw(k)))
}

/// "After saying he was nervous, the man …", "While saying that he respects her, Sanders
/// …": a participle cue that opens the sentence after a preposition reports up to the
/// phrase's comma, and the main clause's subject after it is the speaker.
fn opening_participle(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    cue_end: usize,
    confidence: f32,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    if c != s + 1
        || !matches!(
            cx.lw(s),
            "after" | "before" | "while" | "since" | "despite" | "upon" | "besides"
        )
    {
        return None;
    }
    // the phrase's comma, outside quotation marks or inside a closing one
    let comma = (cue_end + 2..e)
        .find(|&k| cx.is_punct(k, ",") && cx.in_quote[k].is_none() || cx.closes_on_comma(k))?;
    let subj = np_after(cx, comma + 1, e)?;
    let a = cx.doc.token_at_or_after(subj.start);
    let b = cx.doc.token_at_or_after(subj.end);
    // (a name, a pronoun or a noun phrase with its determiner, then the main verb)
    let names =
        cx.is_cap(a) || lexicon::is_subject_pronoun(cx.lw(a)) || lexicon::is_determiner(cx.lw(a));
    if !names || b >= e || !toks[b].is_word() || cx.is_cap(b) {
        return None;
    }
    let cue = Span::new(toks[c].span.start, toks[cue_end - 1].span.end);
    let end = if cx.is_quote(comma) { comma + 1 } else { comma };
    content_after(cx, cue_end, end, cue, subj, confidence, claimed, cx.lw(c))
}

/// Whether the word at `k` is a verb or adjective that takes a "that" clause ("know",
/// "remember", "noted", "is clear"), so a "that" after it is no relative pronoun.
fn complement_taking(cx: &Ctx<'_>, k: usize) -> bool {
    let w = cx.lw(k);
    cx.doc.tokens[k].kind == TokenKind::Word
        && !cx.is_cap(k)
        // ("the report that officials say …": after a determiner a cue word is a noun)
        && !(k > 0 && lexicon::is_determiner(cx.lw(k - 1)))
        && (is_past_tense(w)
            || lexicon::cue_class(w).is_some()
            || lexicon::is_that_adjective(w)
            || matches!(
                w,
                "know"
                    | "knows"
                    | "remember"
                    | "remembers"
                    | "forget"
                    | "forgets"
                    | "mean"
                    | "means"
                    | "realizes"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
            ))
}

/// Whether a quotation opens at `k`, closes on a comma, and a cue of its own follows it:
/// "“France is no longer France,” he claimed", "“…,” Sullivan wrote", "“…,” said Ms. Lee".
fn quotation_with_own_cue(cx: &Ctx<'_>, k: usize) -> bool {
    let Some(q) = cx.in_quote[k].map(|qi| cx.quoted[qi as usize]) else {
        return false;
    };
    let toks = &cx.doc.tokens;
    let n = toks.len();
    let a = q.close + 1;
    if q.open != k || !q.closed || !cx.closes_on_comma(q.close) || a >= n {
        return false;
    }
    let speech = |m: usize| {
        m < n
            && toks[m].kind == TokenKind::Word
            && !cx.is_cap(m)
            && matches!(
                lexicon::cue_class(cx.lw(m)),
                Some(CueClass::Speech | CueClass::Writing)
            )
    };
    // "he claimed", "Sullivan wrote", "Ms. Lee said", or "said Ms. Lee"
    // ("Rep. Glenn Thompson said": a title's period inside the name)
    let named = (a..(a + 5).min(n))
        .take_while(|&m| cx.is_cap(m) || cx.is_punct(m, "."))
        .count();
    lexicon::is_subject_pronoun(cx.lw(a)) && speech(a + 1)
        || named > 0 && speech(a + named)
        || speech(a) && a + 1 < n && (cx.is_cap(a + 1) || lexicon::is_subject_pronoun(cx.lw(a + 1)))
}

/// Content after the cue: "X said (that) C", "X told Reuters C", "X said: “…”".
#[allow(clippy::too_many_arguments)]
fn content_after(
    cx: &Ctx<'_>,
    from: usize,
    e: usize,
    cue: Span,
    speaker: Span,
    confidence: f32,
    claimed: &mut [bool],
    cue_word: &str,
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let mut i = from;
    // (a text cut right after its cue: nothing was said yet)
    if i >= e {
        return None;
    }
    // ("Trump has shown no sign of backing down": a show of no sign is no finding)
    if cue_word.starts_with("show")
        && i + 1 < e
        && matches!(cx.lw(i), "no" | "little" | "few")
        && cx.lw(i + 1).starts_with("sign")
        // (not "showed no sign that he was planning to apologize": what he showed)
        && i + 2 < e
        && cx.lw(i + 2) == "of"
    {
        return None;
    }
    if cue_word.starts_with("question") && questions_a_person(cx, i, e) {
        return None;
    }
    // ("— as Democrats allege, but Moscow denies — “why …?” asked Dunn": a dash right
    // after the cue closes the aside the cue sits in)
    if is_dash(cx.tx(i)) && cx.in_quote[i].is_none() {
        return None;
    }
    // "half said so", "75 percent said yes", "26 percent said the same of Sanders": a word
    // that stands for what was said is what was said (PolNeAR attributes it), too short
    // for the clause tests below
    // (in lower case: "Organisers Said So on every banner" is a sign's words)
    if matches!(cue_word, "said" | "says" | "say" | "saying")
        && cx.in_quote[i].is_none()
        && !cx.is_cap(i)
    {
        if let Some(end) = pro_form_said(cx, i, e) {
            // (the sentence's period, taken into the token "no.", is no part of it)
            let last = toks[end - 1].span.end - usize::from(cx.lw(end - 1) == "no.");
            return Some(vec![FoundQuote::said_by(
                Span::new(toks[i].span.start, last),
                QuoteKind::Indirect,
                Some(cue),
                speaker,
                confidence - 0.1,
            )]);
        }
    }
    // ("who asked not to be named", "requested not to be identified": a request with no
    // listener and a negated infinitive is the speaker's own, for anonymity)
    if (cue_word.starts_with("ask") || cue_word.starts_with("request"))
        && cx.lw(i) == "not"
        && i + 1 < e
        && cx.lw(i + 1) == "to"
    {
        return None;
    }
    // A listener: "told Reuters", "told reporters on Friday".
    if cue_word != DIRECTIVE && lexicon::takes_listener(cue_word) {
        let limit = (i + 6).min(e);
        // "told friends since the spring, at fundraisers, that …": a longer listener
        // phrase closed by a comma.
        // "told Breitbart News host Matt Boyle, “…”": a long listener before a quotation
        // ("asked him who would win, D’Souza replied, “…”": not when another cue or a
        // relative clause comes first)
        if let Some(q) = (i..(i + 14).min(e))
            .take_while(|&k| {
                toks[k].kind != TokenKind::Terminal
                    && lexicon::cue_class(cx.lw(k)).is_none()
                    && !matches!(cx.lw(k), "who" | "which" | "whom")
            })
            // (the comma outside marks: in "told investors that it was “overblown,” adding
            // …" the comma closes a quoted word of what was told)
            .find(|&k| {
                cx.is_punct(k, ",") && cx.in_quote[k].is_none() && k + 1 < e && cx.is_quote(k + 1)
            })
        {
            i = q;
        }
        let far = (i + 16).min(e);
        let far_that = (i..far)
            .find(|&k| cx.lw(k) == "that" || toks[k].kind == TokenKind::Terminal)
            .filter(|&k| k > i && cx.lw(k) == "that" && cx.is_punct(k - 1, ","));
        // "warned of a recession that would …": a relative clause, not a listener
        // ("told conservative radio host Hugh Hewitt on Wednesday that …": a long
        // listener, but one with no comma, quote or other verb before the "that")
        // (a listener may have "of" inside: "told The Post and Courier newspaper of
        // Charleston on Saturday that …"; "warned of a recession that …" has none)
        let topic_first = matches!(cx.lw(i), "of" | "about" | "against" | "for");
        // ("told customers at a Manchester, New Hampshire, breakfast spot that …": the
        // commas of a place's "city, state" are no clause's)
        // (both commas, capitals around them, no time before: not "told reporters
        // aboard Air Force One on Friday, Democrats know that …")
        let city_state = |m: usize| {
            (m > i
                && m + 2 < e
                && cx.is_punct(m, ",")
                && cx.is_cap(m - 1)
                && !is_time_word(cx.lw(m - 1)))
            .then(|| (m + 2..(m + 5).min(e)).find(|&n| cx.is_punct(n, ",")))
            .flatten()
            .filter(|&n| (m + 1..n).all(|j| cx.is_cap(j)))
        };
        let place_comma = |k: usize| {
            city_state(k).is_some()
                || (k.saturating_sub(4).max(i + 1)..k).any(|m| city_state(m) == Some(k))
        };
        let near_that = (i..(i + 14).min(e))
            .take_while(|&k| {
                k < limit
                    || !(cx.is_quote(k)
                        || cx.is_punct(k, ",") && !place_comma(k)
                        || toks[k].kind == TokenKind::Terminal
                        || lexicon::cue_class(cx.lw(k)).is_some())
            })
            .find(|&k| cx.lw(k) == "that")
            .filter(|&t| {
                !topic_first
                    && !(i..t).any(|k| {
                        matches!(cx.lw(k), "of" | "about" | "against" | "for")
                            && !(k + 1 < t && cx.is_cap(k + 1))
                            // ("told one of his aides on a regular basis that …": some of
                            // someone's people are told)
                            && !(k == i + 1
                                && is_tell(cue_word)
                                && matches!(
                                    cx.lw(i),
                                    "one" | "some" | "many" | "several" | "each" | "all" | "both" | "most"
                                )
                                && k + 1 < t
                                && lexicon::possessive_pronoun(cx.lw(k + 1)).is_some())
                            // ("told a crowd of supporters that …": people are told)
                            && !(cx.lw(k) == "of"
                                && is_tell(cue_word)
                                && k > i
                                && !is_thing_told(cx.lw(k - 1))
                                && t + 1 < e
                                && !may_be_verb(cx, t + 1)
                                && !lexicon::is_auxiliary_or_modal(cx.lw(t + 1))
                                && k + 1 < t
                                // ("told the crowd of roughly 1,000 people that …")
                                && (looks_plural(cx.lw(k + 1))
                                    || (k + 1..t).any(|m| toks[m].kind == TokenKind::Number)
                                        && (looks_plural(cx.lw(t - 1))
                                            || matches!(cx.lw(t - 1), "people" | "men" | "women"))))
                    })
            });
        if let Some(t) = near_that.or(far_that) {
            i = t;
        } else if i < e && matches!(cx.lw(i), "him" | "her" | "them" | "us" | "me") {
            // "telling them Valeant was …": a pronoun is the whole listener
            i += 1;
        } else {
            // ("told the crowd the economy is strong": a determiner opens the listener,
            // a second one opens what was told)
            let first = i;
            while i < limit
                && (cx.is_cap(i)
                    || i == first && matches!(cx.lw(i), "the" | "a" | "an" | "his" | "their")
                    || matches!(
                        cx.lw(i),
                        "reporters"
                            | "journalists"
                            | "him"
                            | "her"
                            | "them"
                            | "us"
                            | "me"
                            | "supporters"
                            | "audience"
                            | "crowd"
                            | "voters"
                    ))
            {
                i += 1;
            }
            // ("has told associates she plans to …": a plural noun alone, then a subject
            // pronoun opening what was told)
            if i == first
                && i + 1 < e
                && is_tell(cue_word)
                && toks[i].kind == TokenKind::Word
                && looks_plural(cx.lw(i))
                && !is_thing_told(cx.lw(i))
                && cx.np_word(i)
                && lexicon::is_subject_pronoun(cx.lw(i + 1))
            {
                i += 1;
            }
            // ("told the court the money had been moved", "told the defendant he had
            // …": any noun after the determiner, when a determiner or pronoun opens
            // what was told right after it)
            if i > first && lexicon::is_determiner(cx.lw(first)) && i < limit {
                let run = (i..(i + 2).min(limit))
                    .take_while(|&k| {
                        toks[k].kind == TokenKind::Word
                            && !cx.is_cap(k)
                            && cx.np_word(k)
                            && !matches!(
                                cx.lw(k),
                                "of" | "story"
                                    | "stories"
                                    | "truth"
                                    | "tale"
                                    | "joke"
                                    | "lie"
                                    | "lies"
                            )
                            && !is_content_start_word(cx.lw(k))
                            && lexicon::cue_class(cx.lw(k)).is_none()
                    })
                    .last();
                if let Some(k) = run {
                    if k + 1 < e && is_content_start_word(cx.lw(k + 1)) && cx.lw(k + 1) != "that" {
                        i = k + 1;
                    }
                }
                // ("warned the plan would fail": the noun has a verb of its own, so the
                // determiner opened what was said, not a listener)
                if i == first + 1
                    && matches!(
                        cue_word,
                        "warned" | "warns" | "warn" | "cautioned" | "cautions"
                    )
                {
                    let verb =
                        (i..(i + 3).min(e)).find(|&v| lexicon::is_auxiliary_or_modal(cx.lw(v)));
                    if verb.is_some_and(|v| {
                        v > i && (i..v).all(|m| toks[m].kind == TokenKind::Word && !cx.is_cap(m))
                    }) {
                        i = first;
                    }
                }
            }
        }
    }
    // "said of gay couples: “…”", "said about the plan, “…”": the topic before a
    // quotation.
    if i < e && matches!(cx.lw(i), "of" | "about") {
        if let Some(k) = (i + 1..(i + 9).min(e)).find(|&k| {
            (cx.is_punct(k, ":") || cx.is_punct(k, ",")) && k + 1 < e && cx.is_quote(k + 1)
        }) {
            if (i + 1..k).all(|m| cx.np_word(m) || cx.is_punct(m, "-")) {
                i = k + 1;
            }
        }
    }
    // Skip "on Friday", "in a statement", "in an interview with X" before the content.
    while i < e
        && matches!(
            cx.lw(i),
            ":" | ","
                | "on"
                | "in"
                | "during"
                | "at"
                | "after"
                | "before"
                | "last"
                | "earlier"
                | "late"
                | "today"
                | "yesterday"
                | "again"
                | "also"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "tonight"
                | "week"
                | "month"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "weekend"
                | "year"
                | "however"
                | "though"
                | "too"
                | "even"
        )
        // ("told reporters this week that …", "said this because …", not "told
        // reporters this was the only chance": "this" before its verb is a subject)
        || i + 1 < e
            && cx.lw(i) == "this"
            && !lexicon::is_auxiliary_or_modal(cx.lw(i + 1))
        // "said only that …", "said instead that …": a focus adverb before the "that"
        || i + 1 < e
            && matches!(cx.lw(i), "only" | "instead" | "merely" | "just")
            && cx.lw(i + 1) == "that"
        // "replied evenly, “…”", "warning darkly that …"
        || i + 1 < e
            && cx.lw(i).len() > 4
            && cx.lw(i).ends_with("ly")
            && (cx.is_punct(i + 1, ",") || cx.lw(i + 1) == "that")
        || i + 2 < e
            && cx.lw(i) == "for"
            && (matches!(cx.lw(i + 1), "weeks" | "months" | "years" | "days" | "decades")
                || i + 3 < e
                    && cx.lw(i + 1) == "the"
                    && matches!(cx.lw(i + 2), "first" | "second" | "third" | "last")
                    && cx.lw(i + 3) == "time")
    {
        // ("Saturday’s caucuses will …" is the content's subject)
        if i + 1 < e && toks[i + 1].kind == TokenKind::Clitic {
            break;
        }
        if is_time_word(cx.lw(i)) {
            i += 1;
            continue;
        }
        // "has said for weeks he's …", "said for the first time that …": a duration
        if cx.lw(i) == "for" {
            i += if cx.lw(i + 1) == "the" { 4 } else { 2 };
            continue;
        }
        // "on Thursday he viewed …": a day needs no comma
        if matches!(cx.lw(i), "on" | "in" | "last" | "this")
            && i + 2 < e
            && is_time_word(cx.lw(i + 1))
            && cx.lw(i + 1).ends_with("day")
        {
            i += 2;
            continue;
        }
        if matches!(cx.lw(i), "on" | "in" | "during" | "at" | "after" | "before") {
            // a short prepositional phrase up to the next comma
            let mut k = i + 1;
            // (a work's title inside it does not count: "in an op-ed titled “…” that …")
            let mut title = 0;
            while k < e && k - i - title < 8 && !cx.is_punct(k, ",") && cx.lw(k) != "that" {
                if cx.is_quote(k) {
                    let q = cx.in_quote[k].map(|qi| cx.quoted[qi as usize]);
                    match q {
                        // ("said on ABC's “This Week” that …": a programme's name after
                        // its network's possessive)
                        Some(q)
                            if q.open == k
                                && q.closed
                                && k > i + 1
                                && (matches!(
                                    cx.lw(k - 1),
                                    "titled" | "entitled" | "called" | "headlined"
                                ) || toks[k - 1].kind == TokenKind::Clitic)
                                && names_a_work(cx, &q) =>
                        {
                            title += q.close + 1 - k;
                            k = q.close + 1;
                            continue;
                        }
                        _ => break,
                    }
                }
                k += 1;
            }
            if k < e && (cx.is_punct(k, ",") || cx.lw(k) == "that") && k - i - title < 8 {
                i = k;
                continue;
            }
            break;
        }
        i += 1;
    }
    // "He hoped, he said, that …": a parenthetical cue before the content is not it.
    if i < e {
        let mut j = i;
        while j < e && j - i < 4 && cx.np_word(j) && lexicon::cue_class(cx.lw(j)).is_none() {
            j += 1;
        }
        if j > i
            && j + 1 < e
            && (i..j)
                .all(|k| cx.is_cap(k) || lexicon::pronoun(cx.lw(k)).is_some() || cx.tx(k) == ".")
            && lexicon::cue_class(cx.lw(j)) == Some(CueClass::Speech)
            && lexicon::needs_particle(cx.lw(j)).is_none()
            && cx.is_punct(j + 1, ",")
        {
            i = j + 2;
        }
    }
    // "repeated the U.S. position (that) C": skip an object whose head is a content noun.
    // (not after "said": "said the administration's promise that … was not supported"
    // has the noun for its clause's subject)
    if i < e
        && !says_or_tells(cue_word)
        && matches!(cx.lw(i), "the" | "his" | "her" | "their" | "its")
    {
        let limit = (i + 8).min(e);
        if let Some(k) = (i..limit).find(|&k| {
            matches!(
                cx.lw(k),
                "position"
                    | "view"
                    | "claim"
                    | "argument"
                    | "belief"
                    | "line"
                    | "message"
                    | "stance"
                    | "assertion"
                    | "promise"
                    | "warning"
                    | "point"
                    | "case"
            )
        }) {
            // (only an object: "the movement has a point, …" and "the case was closed"
            // are themselves the clause: the noun is its subject)
            let verb_inside = (i..(k + 2).min(e)).any(|m| lexicon::is_auxiliary_or_modal(cx.lw(m)));
            if k + 1 < e
                && !verb_inside
                // ("said the case faced long odds": its own verb in the past)
                && (!is_past_tense(cx.lw(k + 1)) || cx.is_cap(k + 1))
                && !cx.is_punct(k + 1, ".")
                && !cx.is_punct(k + 1, ",")
                && !matches!(cx.lw(k + 1), "of" | "on" | "in" | "for" | "to")
            {
                i = k + 1;
            }
        }
    }
    if i >= e {
        return None;
    }
    // "laughed as people walked past", "told NBC when asked about …", "responded as if he
    // had been hurt": an adverbial clause says when or how, not what was said (a question's
    // "when" is its content: "asked when the vote would be").
    if cue_word != DIRECTIVE
        && (matches!(
            cx.lw(i),
            "while" | "because" | "although" | "though" | "once" | "until"
        ) || cx.lw(i) == "when"
            && !matches!(lexicon::cue_class(cue_word), Some(CueClass::Belief))
            && !cue_word.starts_with("ask")
            && !cue_word.starts_with("wonder"))
    {
        return None;
    }
    // A direct quote right after the cue: X said: “…” / X said, “…”.
    if let Some(qi) = cx.in_quote[i] {
        let q = cx.quoted[qi as usize];
        if q.open == i && names_a_work(cx, &q) {
            return None;
        }
        if q.open == i {
            let after = q.close + 1;
            let rest_words = (after..e).filter(|&k| toks[k].is_word()).count();
            // "cautioned “let’s not get ahead of ourselves,” before predicting …"
            let then_adjunct = after < e
                && matches!(
                    cx.lw(after),
                    "before"
                        | "after"
                        | "as"
                        | "while"
                        | "when"
                        | "adding"
                        | "saying"
                        | "and"
                        // ("says, “Don’t you do it,” until gunshots are heard")
                        | "until"
                        // ("interjected, “Ladies and gentlemen, Mr. Paul Simon,” who
                        // proceeded to perform …": a relative clause on the quote's words)
                        | "who"
                        | "which"
                        | "although"
                        | "though"
                        | "unless"
                );
            if rest_words == 0 || after >= e || then_adjunct {
                return claim_direct(claimed, qi as usize, q.span, cue, speaker, confidence);
            }
        }
    }
    // "continued the work", "went on the attack", "laughed at the idea", "answers a
    // question": verbs of how or how long someone spoke report what was said only in a
    // "that" clause or in quotation marks (a quotation right after the cue is read above).
    if matches!(
        cue_word,
        "continued" | "continues" | "continue" | "went" | "goes" | "laughed" | "answer" | "answers"
    ) && cx.lw(i) != "that"
        && !(i..e).any(|k| cx.is_quote(k))
    {
        return None;
    }
    // "responded to the attack", "responded as if he had been hurt", "the crowd reacted
    // much the way …": a reply or reaction reports what was said in a "that" clause, a
    // participle ("responded, saying …", "by saying …") or quotation marks.
    if matches!(
        cue_word,
        "responded" | "responds" | "respond" | "reacted" | "reacts" | "react"
    ) && !(cx.lw(i) == "that"
        || cx.lw(i) == "by"
        || lexicon::is_content_participle(cx.lw(i))
        || lexicon::is_subject_pronoun(cx.lw(i))
        || (i..e).any(|k| cx.is_quote(k)))
    {
        return None;
    }
    // "maintained an energetic pace", "maintained their battle": with a noun phrase as
    // its object "maintain" is to keep something up; it reports a claim as a clause.
    if matches!(
        cue_word,
        "maintained" | "maintains" | "maintain" | "maintaining"
    ) && lexicon::is_determiner(cx.lw(i))
        && !matches!(cx.lw(i), "that" | "this" | "these" | "those" | "no")
        // ("maintained the program was legal": a clause whose "that" was left out; not
        // "maintained the enthusiasm of followers who were new")
        && !(i + 1..e.min(i + 8))
            .take_while(|&k| !matches!(cx.lw(k), "who" | "which" | "that" | ","))
            .any(|k| lexicon::is_auxiliary_or_modal(cx.lw(k)))
    {
        return None;
    }
    // Reported speech is a clause: "that …", a subject pronoun, or a verb early on.
    // "announced new naval exercises", "continued to build up", "promised “severe”
    // consequences" are objects, not speech.
    // A promise or threat reports its content as an infinitive: "vowed to deport …".
    let commitment = lexicon::is_commitment_verb(cue_word) && cx.lw(i) == "to";
    // "which the probe said were covered up": after a relative pronoun the content is a
    // predicate whose subject is the pronoun's antecedent.
    let relative_predicate = {
        let si = cx.doc.token_at_or_after(speaker.start);
        si > 0
            && matches!(cx.lw(si - 1), "which" | "who" | "that")
            && matches!(
                cx.lw(i),
                "is" | "was"
                    | "are"
                    | "were"
                    | "will"
                    | "would"
                    | "must"
                    | "could"
                    | "can"
                    | "should"
                    | "has"
                    | "have"
                    | "had"
                    | "may"
                    | "might"
            )
    };
    // "Galvin said the polling location never shut its doors": after "say" itself
    // whatever is not a prepositional phrase is what was said, even when the verb of
    // the clause is one the clause test does not know ("shut", "plan").
    // (and after verbs whose objects were mostly reports in PolNeAR train)
    let say_object = matches!(
        cue_word,
        "said" | "says" | "say" | "argued" | "argues" | "noted" | "suggested" | "stressed"
    ) && toks[i].is_word()
        && (about_a_number(cx, i)
            || !matches!(
                cx.lw(i),
                "to" | "of"
                | "about"
                | "against"
                | "for"
                | "with"
                | "by"
                | "from"
                | "so"
                | "nothing"
                // ("said in a statement.", "said during his speech to …")
                | "in"
                | "on"
                | "at"
                | "during"
                | "through"
                | "via"
                | "after"
                | "before"
                | "while"
                | "when"
            ))
        && (i..e).filter(|&k| toks[k].is_word()).count() >= 3
        || poll_finding(cx, cue_word, speaker, i, e);
    // "which he has denied and which …", "blasted out an email": a conjunction or a
    // verb's particle is no start of what was said.
    if matches!(
        cx.lw(i),
        "and"
            | "or"
            | "but"
            | "out"
            | "up"
            | "off"
            | "down"
            | "back"
            // "found themselves targeted": the subject's own state, not a report
            | "themselves"
            | "himself"
            | "herself"
            | "itself"
    ) {
        return None;
    }
    if cue_word != DIRECTIVE
        && !commitment
        && !relative_predicate
        && !say_object
        && !looks_like_clause(cx, i, e)
    {
        return None;
    }
    // Indirect or mixed: up to the end of the sentence or the next attribution.
    // "While Trump affirmed that he likes Cruz, he also stated …": a report inside a
    // subordinate clause ends with that clause.
    let sent_start = cx.doc.sentences[cx.doc.sentence_of(from.min(e - 1))]
        .tokens
        .start;
    let speaker_at = cx.doc.token_at_or_after(speaker.start);
    // Not when the subordinate clause comes after a main clause and so runs to the
    // sentence's end ("Maher moved on after Barro noted that …, and that …"), nor when it
    // closed before the speaker ("When asked whether …, 59 percent said …").
    let subordinator =
        (sent_start..speaker_at).find(|&k| is_subordinator(cx.lw(k)) && cx.in_quote[k].is_none());
    let in_subordinate = speaker_at > sent_start
        && speaker_at < from
        && !cx.is_punct(speaker_at - 1, ",")
        && subordinator.is_some_and(|k| !has_finite_verb(cx, sent_start, k));
    // ("Donald Trump, who has falsely claimed that the election was stolen, praised the
    // law": a report in a relative clause on the speaker ends where the main clause's
    // verb comes back after a comma)
    let in_relative = speaker_at < from && {
        let after_speaker = cx.doc.token_at_or_after(speaker.end);
        (after_speaker..from.min(after_speaker + 6))
            .any(|k| matches!(cx.lw(k), "who" | "which") && k > 0 && cx.is_punct(k - 1, ","))
    };
    // A comma inside a closing quotation mark ends the clause as one outside would
    // ("are “non-entities in the Senate,” but he gave …"); the mark stays with the quote.
    let comma = |k: usize| {
        cx.is_punct(k, ",") && cx.in_quote[k].is_none() || k > i + 1 && cx.closes_on_comma(k)
    };
    let cut = |k: usize| if cx.is_quote(k) { k + 1 } else { k };
    // ("after his display - in which he seemed to confirm, before millions of viewers, the
    // most pointed critiques of his candidacy - the question was …": a cue inside an aside
    // between dashes reports up to the dash that closes it; a dateline's dash opens none)
    let in_dash_aside = {
        // (how many dashes before the cue, and the last of them; no allocation on this
        // path, which every report takes)
        let (count, last) = (sent_start..from.min(e))
            .filter(|&k| cx.is_unquoted_dash(k))
            .fold((0usize, sent_start), |(n, _), k| (n + 1, k));
        count % 2 == 1
            && (sent_start..last).any(|k| {
                toks[k].kind == TokenKind::Word
                    && cx.tx(k).chars().next().is_some_and(char::is_lowercase)
            })
    };
    let mut end = e;
    let mut k = i + 1;
    // "that Gov. Padilla, who must decide, has revealed nothing", "that the group, or ISIS,
    // has used …": an aside on the subject of a "that" clause comes before the clause's
    // verb, so it ends nothing (another report, "according to" or the end of a subordinate
    // clause the report is in still does)
    let that_clause = cx.lw(i) == "that" && !in_subordinate;
    // ("said the savings from the policy, estimated at £1.4bn, were small", "said the
    // plan, a bipartisan effort, would fail": so is an aside on the subject of a clause
    // with no "that" after "say", when a participle or a described noun opens it)
    let bare_clause = say_object && cx.lw(i) != "that" && !in_subordinate;
    let opens_aside = |n: usize| {
        n < e
            && !cx.is_cap(n)
            && (cx.lw(n).len() > 4 && cx.lw(n).ends_with("ed")
                || matches!(cx.lw(n), "a" | "an" | "the"))
            // (nor a clause that ends in its own cue: "said yes, the aide added")
            && !(n..(n + 7).min(e)).any(|m| {
                lexicon::cue_class(cx.lw(m)).is_some()
                    && (m + 1 >= e
                        || toks[m + 1].kind == TokenKind::Terminal
                        || cx.is_punct(m + 1, ","))
            })
            // (a cue after the comma is another report, "…, said Smith", unless a
            // preposition makes it a participle: "…, estimated at £1.4bn, …")
            && (lexicon::cue_class(cx.lw(n)).is_none()
                || n + 1 < e && matches!(cx.lw(n + 1), "at" | "by" | "as" | "to" | "in" | "from"))
    };
    // (where a relative clause on the speaker closes: a comma, then the main verb)
    let relative_close = |k: usize| {
        in_relative && comma(k) && k > i + 2 && k + 1 < e && {
            let n = cx.lw(k + 1);
            let inner_relative = ((i + 1).max(k.saturating_sub(40))..k)
                .rfind(|&m| matches!(cx.lw(m), "who" | "which") && cx.is_punct(m - 1, ","))
                .is_some_and(|m| !(m..k).any(&comma));
            !inner_relative
                && !cx.is_cap(k + 1)
                && (is_past_tense(n) || lexicon::is_auxiliary_or_modal(n))
                && !lexicon::is_participle(n)
        }
    };
    // ("demanded that Price step down after a report revealed he had …", "that Obama had
    // ordered it, even as lawmakers said they had seen no evidence": a subordinate clause
    // whose own subject reports something is the writer's, another report)
    let reported_clause = |k: usize| {
        let mut n = k + 1;
        if cx.lw(k) == "even" {
            if !(k + 1 < e && matches!(cx.lw(k + 1), "as" | "though" | "after" | "when")) {
                return false;
            }
            n += 1;
        } else if !is_subordinator(cx.lw(k))
            // (a condition or a contrast on what was said is still part of it: "would
            // pass if lawmakers said so")
            || matches!(cx.lw(k), "if" | "unless" | "whereas")
        {
            return false;
        }
        cx.in_quote[k].is_none()
            && (n + 1..(n + 6).min(e)).any(|m| {
                // (the plain verbs of reporting only: "as they sought answers", "since
                // he announced his bid" go on with what was said)
                matches!(
                    cx.lw(m),
                    "said" | "says" | "told" | "tells" | "reported" | "revealed" | "wrote" | "noted"
                ) && !cx.is_cap(m)
                    // (a subject of its own, not a pronoun: "when he said …" is as often
                    // the content's own subject speaking, part of what was said)
                    // ("a report": a cue's form after a determiner is a noun)
                    && (n..m).all(|j| {
                        let noun = j > n && lexicon::is_determiner(cx.lw(j - 1));
                        toks[j].kind == TokenKind::Word
                            && (cx.np_word(j) && lexicon::cue_class(cx.lw(j)).is_none() || noun)
                            && lexicon::pronoun(cx.lw(j)).is_none()
                    })
            })
    };
    // ("said that Machado was “disgusting” and encouraged Americans to …", "urged
    // restraint and called the vote a sham": "and" with a speech verb in the cue's own
    // past tense is the speaker's next act, not more of what was said)
    let cue_past = is_past_tense(cue_word);
    while k < e {
        if in_dash_aside && cx.is_unquoted_dash(k) {
            end = k;
            break;
        }
        // (not a verb with its particle or its "that" when what was said has an act of
        // its own in that tense, whose subject may have done the next one: "said the two
        // officers arrived quickly and called for backup", "said angry voters gathered and
        // demanded that Congress act")
        // (the word checks first: the scan back over what was said runs only at such an
        // "and")
        if cue_past
            && k > i + 2
            && k + 1 < e
            && cx.lw(k) == "and"
            && cx.in_quote[k].is_none()
            && !cx.is_cap(k + 1)
            && is_past_tense(cx.lw(k + 1))
            && (lexicon::cue_class(cx.lw(k + 1)) == Some(CueClass::Speech)
                || lexicon::topic_verb(cx.lw(k + 1)).is_some()
                || cx.lw(k + 1) == "encouraged")
            && !(k + 2 < e
                && (lexicon::topic_verb(cx.lw(k + 1))
                    .is_some_and(|ps| ps.contains(&cx.lw(k + 2)) && ps != [""])
                    || cx.lw(k + 2) == "that")
                && (i..k).any(|m| {
                    cx.in_quote[m].is_none()
                        && !cx.is_cap(m)
                        && is_past_tense(cx.lw(m))
                        && !matches!(
                            cx.lw(m - 1),
                            "was" | "were" | "be" | "been" | "is" | "are" | "has" | "have" | "had"
                        )
                }))
        {
            end = if comma(k - 1) { cut(k - 1) } else { k };
            break;
        }
        // ("said France had lost its identity: “France is no longer France,” he claimed":
        // a quotation after a colon that has a cue of its own is said apart)
        // (or a dash: "was unserious - “Again, we need the details,” she said - and …")
        if (cx.is_punct(k, ":") || cx.is_unquoted_dash(k))
            && k > i + 2
            && k + 1 < e
            && quotation_with_own_cue(cx, k + 1)
        {
            end = k;
            break;
        }
        // ("tweeting that it was a “disaster” and asking, “How …?”": as a second past
        // tense after "and" does for a past-tense cue (above), a second speech participle
        // ends what a participle cue said, when it opens what it says itself)
        if cue_word.ends_with("ing")
            && k > i + 2
            && k + 2 < e
            && cx.lw(k) == "and"
            && cx.in_quote[k].is_none()
            && cx.lw(k + 1).ends_with("ing")
            && (lexicon::is_content_participle(cx.lw(k + 1)) || cx.lw(k + 1) == "asking")
            && (cx.is_punct(k + 2, ",") || cx.is_quote(k + 2) || cx.lw(k + 2) == "that")
        {
            end = if comma(k - 1) { cut(k - 1) } else { k };
            break;
        }
        // ("her proposals were strong, to which O'Malley interjected: …": the reply to
        // what was said is the writer's telling)
        // (a speaker and a cue after it: not "committed to the standard, to which all of
        // its plants must adhere")
        if comma(k)
            && k > i + 2
            && k + 2 < e
            && cx.lw(k + 1) == "to"
            && cx.lw(k + 2) == "which"
            && (k + 4..(k + 8).min(e)).any(|m| {
                lexicon::cue_class(cx.lw(m)) == Some(CueClass::Speech)
                    && (k + 3..m).all(|n| cx.np_word(n) || lexicon::pronoun(cx.lw(n)).is_some())
            })
        {
            end = cut(k);
            break;
        }
        if k > i + 2 && reported_clause(k) {
            end = if comma(k - 1) { cut(k - 1) } else { k };
            break;
        }
        if (that_clause || bare_clause && comma(k) && opens_aside(k + 1))
            && (comma(k) || is_dash(cx.tx(k)))
            && !has_finite_verb(cx, i, k)
            // (nor inside the quoted words before it: "predicted that “nobody will get to
            // 1,237,” a reference to …" closes what was said)
            && !(i..k).any(|m| {
                cx.in_quote[m].is_some()
                    && (lexicon::is_auxiliary_or_modal(cx.lw(m)) || is_past_tense(cx.lw(m)))
            })
            && has_finite_verb(cx, k, e)
            && !(k + 1 < e
                && (cx.lw(k + 1) == "according" || lexicon::cue_class(cx.lw(k + 1)).is_some()))
        {
            k += 1;
            continue;
        }
        if in_subordinate && comma(k) && k > i + 2 {
            end = cut(k);
            break;
        }
        // (the last such comma: "who said the gunman shouted, fired twice and fled, was
        // not hurt" lists the gunman's acts first)
        if relative_close(k) && !(k + 1..e.min(k + 40)).any(relative_close) {
            end = cut(k);
            break;
        }
        // " - although the photo showed …", " — and he makes sure …", " - said at a rally":
        // a dash before a conjunction or a verb starts the writer's words
        // (a hyphen with a space on each side stands for a dash: "… cut costs - although …")
        if cx.is_unquoted_dash(k)
            && k > i + 2
            && k + 1 < e
            && (matches!(
                cx.lw(k + 1),
                "and" | "but" | "although" | "though" | "while" | "because" | "even"
            ) || lexicon::cue_class(cx.lw(k + 1)).is_some())
        {
            end = k;
            break;
        }
        // ", and the market did nothing", ", but the turnout was higher": a clause with a
        // subject of its own after a comma and a conjunction is the writer's, not more of
        // what was said (", and that …" still is).
        if comma(k) && k + 3 < e && k > i + 2 && matches!(cx.lw(k + 1), "and" | "but") {
            let n = k + 2;
            let l = cx.lw(n);
            // (", but in the course of their report they could not resist …": a phrase
            // before the clause's own subject pronoun)
            let fronted = matches!(
                l,
                "in" | "at" | "on" | "during" | "after" | "before" | "since"
            ) && (n + 1..(n + 9).min(e)).any(|m| {
                matches!(cx.lw(m), "he" | "she" | "they" | "we" | "i")
                    && m + 1 < e
                    && (may_be_verb(cx, m + 1) || lexicon::is_auxiliary_or_modal(cx.lw(m + 1)))
            });
            if (lexicon::is_determiner(l) || cx.is_cap(n) || toks[n].kind == TokenKind::Number)
                && !matches!(l, "that" | "this" | "these" | "those")
                && looks_like_clause(cx, n, e)
                || fronted
            {
                end = cut(k);
                break;
            }
        }
        // ", but ultimately Prager thinks …": another report starts
        // (not "because Congress and President Obama agreed …": "and" after a name or a
        // pronoun joins two subjects)
        if (comma(k)
            || matches!(cx.lw(k), "but" | "and" | "while")
                && cx.in_quote[k].is_none()
                && !(cx.lw(k) == "and"
                    && (cx.is_cap(k - 1) || lexicon::pronoun(cx.lw(k - 1)).is_some())))
            && k + 2 < e
            && k > i + 2
        {
            let mut j = k + 1;
            while j < e && matches!(cx.lw(j), "but" | "and" | "while" | "yet" | "so") {
                j += 1;
            }
            // ("…, and on Wednesday Kremlin spokesman Dmitry Peskov said …": a time phrase
            // before the next subject)
            let t0 = j;
            while j < e
                && j - t0 < 4
                && (is_time_word(cx.lw(j))
                    || matches!(cx.lw(j), "on" | "last" | "this" | "late" | "early")
                    || j > t0 && cx.is_punct(j, ","))
            {
                j += 1;
            }
            if !(t0..j).any(|m| is_time_word(cx.lw(m))) {
                j = t0;
            }
            let np_start = j;
            // ("…, while Maine Sen. Susan Collins and Texas Rep. Louis Gohmert suggest …":
            // two named subjects joined by "and", after a conjunction: not a list's next
            // names, "that Tapper, Bash and Blitzer had mentioned it")
            let joined = t0 > k + 1 || matches!(cx.lw(k), "while" | "but");
            let mut saw_and = false;
            while j < e
                && j - np_start < 12
                && lexicon::cue_class(cx.lw(j)).is_none()
                && (cx.np_word(j)
                    || lexicon::is_aux_or_adverb(cx.lw(j))
                    || joined
                        && cx.lw(j) == "and"
                        && j > np_start
                        && cx.is_cap(j - 1)
                        && j + 1 < e
                        && cx.is_cap(j + 1))
                && (j - np_start < 6 || saw_and)
            {
                saw_and |= cx.lw(j) == "and";
                j += 1;
            }
            let subject_named = j > np_start
                && (np_start..j).any(|m| {
                    cx.is_cap(m)
                        || lexicon::speaker_noun(cx.lw(m))
                        // (", but a former prosecutor said …")
                        || lexicon::ROLES.contains(&cx.lw(m))
                });
            if subject_named
                && j < e
                && lexicon::cue_class(cx.lw(j)).is_some()
                && !lexicon::is_participle(cx.lw(j))
                && !cx.is_cap(j)
            {
                end = cut(k);
                break;
            }
        }
        // ", and more than 4 in 10 said …", ", compared with 64 percent who say …": a
        // poll's next share of people reports something else.
        if (comma(k) || matches!(cx.lw(k), "but" | "and" | "while") && cx.in_quote[k].is_none())
            && k + 2 < e
            && k > i + 2
            && share_reports(cx, k + 1, e)
        {
            end = cut(k);
            break;
        }
        // "… but did not suggest", "… and argues that": a second predicate of the
        // speaker's, not part of what they said.
        // ("claimed self-defense and was acquitted", "criticized Singer and challenged him
        // to a debate": after a noun-phrase object, not after "say" or "tell" whose object
        // may be a clause's subject, a past tense is the speaker's next act however short
        // the object)
        let np_object_then_past = matches!(cx.lw(k), "but" | "and")
            && k > i
            && k + 2 < e
            && cx.in_quote[k].is_none()
            && !says_or_tells(cue_word)
            && !matches!(cx.lw(i), "that" | "if" | "whether" | "how" | "why" | "what" | "when")
            && !has_finite_verb(cx, i, k)
            && !cx.is_cap(k + 1)
            // ("… and worse-than-expected revenue": a hyphened "-ed" is an adjective)
            && !cx.lw(k + 1).contains('-')
            && (is_past_tense(cx.lw(k + 1))
                || matches!(cx.lw(k + 1), "was" | "were")
                    && is_past_tense(cx.lw(k + 2)))
            && !lexicon::is_participle(cx.lw(k + 2))
            // (a second report, "… and argued he is …", is left to the rule below; one
            // about a topic, "… and challenged him to …", is an act)
            && (lexicon::cue_class(cx.lw(k + 1)).is_none()
                || lexicon::topic_verb(cx.lw(k + 1))
                    .is_some_and(|ps| ps.iter().any(|p| p.is_empty() || cx.lw(k + 2) == *p)));
        if np_object_then_past {
            end = cut(k);
            break;
        }
        // (however short what was said before it, a cue with its "that": "accused London
        // of stalling and warned that …")
        // (not after "say", whose content has its own subject: "said angry voters
        // gathered and demanded that …")
        let cue_with_that = !says_or_tells(cue_word)
            && k + 2 < e
            && cx.lw(k + 2) == "that"
            && lexicon::cue_class(cx.lw(k + 1)).is_some_and(|c| c != CueClass::Belief)
            && is_past_tense(cx.lw(k + 1));
        if matches!(cx.lw(k), "but" | "and")
            && k + 1 < e
            && cx.in_quote[k].is_none()
            && (k > i + 3 || k > i + 1 && cue_with_that)
        {
            // "…, and to date has only issued": adverbials before the second predicate
            let mut n_at = k + 1;
            while n_at + 1 < e
                && n_at < k + 4
                && (matches!(
                    cx.lw(n_at),
                    "to" | "date" | "then" | "later" | "also" | "so" | "far"
                ) || cx.lw(n_at).ends_with("ly") && cx.lw(n_at).len() > 4)
            {
                n_at += 1;
            }
            let n = cx.lw(n_at);
            // "has repeatedly characterized": an adverb between the auxiliary and the verb
            let mut v = n_at + 1;
            while v + 1 < e && cx.lw(v).ends_with("ly") && cx.lw(v).len() > 4 {
                v += 1;
            }
            let aux_then_verb =
                matches!(n, "has" | "had" | "have" | "was" | "is" | "will" | "would") && v < e && {
                    let n2 = cx.lw(v);
                    n2.len() > 4 && (n2.ends_with("ed") || n2.ends_with("en"))
                        || lexicon::cue_class(n2).is_some()
                };
            let n = cx.lw(k + 1);
            // "… and challenged him to a debate", "… and called for a ban": a verb that
            // reports its topic (with its particle) is the speaker's next act too
            // (a finite verb, and not after "say", whose content is a clause that the
            // verb may go on: "said he rated them and talked about …")
            // (after "say" only with the verb's own particle, and when what was said is
            // about a thing, no one who might do it: "said the approach was chaotic and
            // called for a transitional period", not "said he rated them and talked about")
            let subject_at = if cx.lw(i) == "that" { i + 1 } else { i };
            let thing_subject = subject_at < k
                && !cx.is_cap(subject_at)
                && lexicon::pronoun(cx.lw(subject_at)).is_none()
                && toks[subject_at].is_word()
                // (no people in it: "said the two officers arrived and called for backup")
                && !(subject_at..k.min(subject_at + 6)).any(|m| {
                    cx.is_cap(m) || lexicon::ROLES.contains(&cx.lw(m)) || person_plural(cx.lw(m))
                });
            let topic_next = (n.ends_with("ed") || n.ends_with('s'))
                && lexicon::topic_verb(n).is_some_and(|ps| {
                    ps.iter().any(|p| {
                        p.is_empty() && !says_or_tells(cue_word)
                            || !p.is_empty()
                                && k + 2 < e
                                && cx.lw(k + 2) == *p
                                && (!says_or_tells(cue_word) || thing_subject)
                    })
                });
            // ("said that the club supports the vote but called on its fans to behave": a
            // request is the speaker's next act, on the same terms as a topic verb)
            let directive_next = is_past_tense(n)
                && directive_verb(n).is_some()
                && k + 2 < e
                && matches!(cx.lw(k + 2), "on" | "upon" | "for")
                && (!says_or_tells(cue_word) || thing_subject);
            let verb_next = aux_then_verb
                || topic_next
                || directive_next
                || lexicon::cue_class(n).is_some_and(|k| k != CueClass::Belief)
                    && !lexicon::is_participle(n)
                // "urging voters to … and promising to …": a second participle of the speaker's
                || lexicon::is_content_participle(n)
                || lexicon::is_commitment_verb(n) && n.ends_with("ing")
                || matches!(
                    n,
                    "did" | "does" | "didn't" | "doesn't" | "would" | "has" | "had"
                ) && k + 2 < e
                    && (lexicon::cue_class(cx.lw(k + 2)).is_some()
                        || matches!(cx.lw(k + 2), "not" | "n't" | "n\u{2019}t"));
            // (after "say" or "tell" an auxiliary, "did not" or a commitment goes on with the
            // reported clause's own subject: "said the bill reached the floor late and did
            // not pass"; another cue or a content participle is still the speaker's)
            let say_cue = matches!(cue_word, "said" | "says" | "say" | "told" | "tells");
            let content_goes_on = say_cue
                && !topic_next
                && !directive_next
                && !lexicon::is_content_participle(n)
                && lexicon::cue_class(n).is_none();
            let verb_next = verb_next && !content_goes_on;
            if verb_next {
                end = cut(k);
                break;
            }
        }
        // ", with Lewandowski taking to Twitter": an absolute phrase after the content;
        // ", Lewandowski said he …": another speaker's report.
        if comma(k) && k + 2 < e && k > i + 2 {
            if cx.lw(k + 1) == "with" && (k + 2..(k + 7).min(e)).any(|m| cx.lw(m).ends_with("ing"))
            {
                end = cut(k);
                break;
            }
            if let Some(m) = (k + 2..(k + 6).min(e)).find(|&m| {
                lexicon::cue_class(cx.lw(m)) == Some(CueClass::Speech)
                    && !lexicon::is_participle(cx.lw(m))
            }) {
                if (k + 1..m).all(|j| cx.np_word(j) && !cx.is_quote(j))
                    && (cx.is_cap(k + 1) || lexicon::pronoun(cx.lw(k + 1)).is_some())
                {
                    end = cut(k);
                    break;
                }
            }
        }
        // "…, and he railed against …": the speaker's next act, not more of what was said;
        // "…, who does not need …": the writer's aside on a name.
        if comma(k) && k + 2 < e && k > i + 2 {
            let n1 = cx.lw(k + 1);
            let n2 = cx.lw(k + 2);
            if matches!(n1, "and" | "but") && matches!(n2, "he" | "she")
                || matches!(n1, "who" | "which") && cx.is_cap(k - 1)
            {
                end = cut(k);
                break;
            }
        }
        // ", a move that could …", ", an acknowledgment that …", ", a figure far above …":
        // an appositive after what was said is the writer's comment on it.
        if comma(k) && k + 3 < e && k > i + 4 && matches!(cx.lw(k + 1), "a" | "an") {
            end = cut(k);
            break;
        }
        // ", referring to …", ", where …": a trailing participle or relative clause —
        // unless the comma closes a short aside ("Trump is, in fact, appealing to …").
        let closes_aside = (k.saturating_sub(4).max(i + 1)..k).any(|m| cx.is_punct(m, ","));
        // (nor after a "that" that opens the next clause: "… and that, when she complained,
        // nobody listened")
        if comma(k) && k + 1 < e && !closes_aside && !(k > i && cx.lw(k - 1) == "that") {
            let n = cx.lw(k + 1);
            if n.len() > 4 && n.ends_with("ing") && !cx.is_cap(k + 1) && n != "including"
                || matches!(n, "where" | "when" | "whereas" | "while")
            {
                end = cut(k);
                break;
            }
        }
        // ", according to" / ", X said" / ", which X has said" end this content.
        if cx.is_punct(k, ",")
            || comma(k)
            || cx.is_punct(k, ";")
            || cx.lw(k) == "\u{2014}"
            || cx.tx(k).starts_with('\u{2014}')
            || cx.tx(k) == "--"
        {
            if cx.is_punct(k, ";") {
                end = cut(k);
                break;
            }
            if k + 1 < e && cx.lw(k + 1) == "according" {
                end = cut(k);
                break;
            }
            // "Podesta, who said C, said …": the main clause's verb ends the relative's
            // content.
            // (not a participle's aside: "the savings, estimated at £1.4bn, were small")
            if k + 1 < e
                && lexicon::cue_class(cx.lw(k + 1)) == Some(CueClass::Speech)
                && !lexicon::is_participle(cx.lw(k + 1))
                && !(k + 2 < e && matches!(cx.lw(k + 2), "at" | "by" | "as" | "in" | "from" | "to"))
            {
                end = cut(k);
                break;
            }
            if k + 1 < e
                && matches!(cx.lw(k + 1), "which" | "who")
                && (k + 2..e.min(k + 6))
                    .any(|m| lexicon::cue_class(cx.lw(m)) == Some(CueClass::Speech))
            {
                end = cut(k);
                break;
            }
            // ", he said" / ", the official said" / ", experts affirm that …"
            let lim = (k + 6).min(e);
            if let Some(m) = (k + 1..lim).find(|&m| lexicon::cue_class(cx.lw(m)).is_some()) {
                let speech = lexicon::cue_class(cx.lw(m)) == Some(CueClass::Speech);
                if speech
                    && (m + 1 >= e
                        || matches!(toks[m + 1].kind, TokenKind::Terminal)
                        || cx.is_punct(m + 1, ","))
                    || m + 1 < e && cx.lw(m + 1) == "that"
                {
                    end = cut(k);
                    break;
                }
            }
        }
        k += 1;
    }
    while end > i
        && (matches!(toks[end - 1].kind, TokenKind::Terminal) || cx.is_punct(end - 1, ","))
    {
        end -= 1;
    }
    // "Biden added that if his son Beau, who died …, were still serving …, he would …
    // ''a couple clicks''": a reported clause cut before it has a verb was cut at an
    // aside; when the sentence goes on to a quoted fragment and no other report, all of
    // it is what was said.
    if end < e
        && matches!(
            cue_word,
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "added"
                | "adds"
                | "noted"
                | "notes"
                | "argued"
                | "argues"
                | "asserted"
                | "asserts"
                | "insisted"
                | "insists"
                | "suggested"
                | "suggests"
                | "stressed"
                | "maintained"
                | "claimed"
                | "claims"
                | "contended"
                | "explained"
        )
        && !has_finite_verb(cx, i, end)
        && (end..e).any(|k| {
            cx.in_quote[k].is_some_and(|qi| {
                let q = cx.quoted[qi as usize];
                q.open == k && !claimed[qi as usize] && k + 1 < e && !cx.is_cap(k + 1)
            })
        })
        && !(end..e).any(|k| {
            cx.in_quote[k].is_none()
                && (lexicon::cue_class(cx.lw(k)).is_some()
                    || cx.is_punct(k, ":")
                    || cx.is_punct(k, ";"))
        })
    {
        end = e;
        while end > i && matches!(toks[end - 1].kind, TokenKind::Terminal) {
            end -= 1;
        }
    }
    // keep a closing quote that belongs to a quoted fragment
    if end < e
        && cx.is_closing_quote(end)
        && cx.in_quote[end].is_some()
        && cx.in_quote[end - 1] == cx.in_quote[end]
    {
        end += 1;
    }
    let words = (i..end).filter(|&k| toks[k].is_word()).count();
    // (two words make a clause when they are a subject and its past-tense verb: "said
    // profits rose", "said he agreed")
    let subject_and_verb = words == 2 && end == i + 2 && {
        let (a, v) = (cx.lw(i), cx.lw(i + 1));
        toks[i].kind == TokenKind::Word
            && toks[i + 1].kind == TokenKind::Word
            && (lexicon::pronoun(a).is_some() && !matches!(a, "that" | "this")
                || !cx.is_cap(i)
                    && a.ends_with('s')
                    && !matches!(
                        a,
                        "as" | "was" | "is" | "has" | "this" | "thus" | "its" | "his" | "yes"
                    ))
            && !is_time_word(a)
            && !cx.is_cap(i + 1)
            && is_past_tense(v)
            && lexicon::cue_class(v).is_none()
    };
    if words < 3 && !subject_and_verb {
        return None;
    }
    // "posted a message about why no one should be surprised: “Men, you will …”": a
    // sentence in quote marks after a colon or dash is the words themselves; a lead-in
    // that is no clause only says what they were about.
    if let Some(k) = (i + 1..end.saturating_sub(2)).find(|&k| {
        (cx.is_punct(k, ":")
            || cx.tx(k).starts_with(['\u{2014}', '\u{2013}'])
            || cx.tx(k) == "-"
            || cx.tx(k) == "--")
            && cx.in_quote[k].is_none()
            && cx.is_quote(k + 1)
            && cx.is_cap(k + 2)
    }) {
        if let Some(qi) = cx.in_quote[k + 1] {
            let q = cx.quoted[qi as usize];
            if q.open == k + 1
                && q.closed
                && q.close + 1 >= end
                && !claimed[qi as usize]
                && !looks_like_clause(cx, i, k)
            {
                return claim_direct(claimed, qi as usize, q.span, cue, speaker, confidence);
            }
        }
    }
    // An unfinished quoted stretch running past the sentence belongs to the quote.
    let kind = kind_of(cx, i, end, claimed);
    let mut span = Span::new(toks[i].span.start, toks[end - 1].span.end);
    if kind != QuoteKind::Indirect {
        if let Some(qi) = cx.in_quote[end - 1] {
            let q = cx.quoted[qi as usize];
            if q.span.end > span.end {
                span.end = q.span.end;
            }
        }
    }
    // "which X has said must be addressed …": the content's subject is outside the
    // clause, so only a quoted fragment in it stands as the quote.
    let relative = from >= 2 && {
        let sp = speaker;
        let si = cx.doc.token_at_or_after(sp.start);
        si > 0
            && matches!(cx.lw(si - 1), "which" | "who" | "that")
            && !is_content_start_word(cx.lw(i))
            && !cx.is_cap(i)
            // ("Voters know that experts say personality is stable": a "that" after a
            // verb opens its clause, whose subject the speaker is)
            && !(cx.lw(si - 1) == "that"
                && si > 1
                && complement_taking(cx, si - 2)
                && looks_like_clause(cx, i, end))
    };
    if relative {
        // Without a quoted fragment the predicate itself is what was reported.
        let frag = (i..end).filter_map(|k| cx.in_quote[k]).next();
        return match frag {
            Some(qi) => Some(vec![FoundQuote::said_by(
                cx.quoted[qi as usize].span,
                QuoteKind::Mixed,
                Some(cue),
                speaker,
                confidence - 0.1,
            )]),
            None if relative_predicate => Some(vec![FoundQuote::said_by(
                span,
                kind,
                Some(cue),
                speaker,
                confidence - 0.15,
            )]),
            None => None,
        };
    }
    Some(vec![FoundQuote::said_by(
        span,
        kind,
        Some(cue),
        speaker,
        confidence,
    )])
}

/// The quotation `qi` as a direct quote of `speaker`, claimed so no other frame takes it.
fn claim_direct(
    claimed: &mut [bool],
    qi: usize,
    span: Span,
    cue: Span,
    speaker: Span,
    confidence: f32,
) -> Option<Vec<FoundQuote>> {
    claimed[qi] = true;
    Some(vec![FoundQuote::said_by(
        span,
        QuoteKind::Direct,
        Some(cue),
        speaker,
        confidence,
    )])
}

/// Marks a content that is a reported request or a characterisation, not a clause (see
/// [`directive_frame`], [`characterisation_frame`]).
const DIRECTIVE: &str = "\u{0}directive";

/// The verbs of reported requests, by the frame each takes.
#[derive(Clone, Copy)]
enum Directive {
    /// "accused X of …"
    Accuse,
    /// "urged X to …", "told X to …"
    Urge,
    /// "called for …", "called on X to …"
    CallFor,
}

/// Request verbs by the frame each takes (see [`directive_frame`]).
const DIRECTIVE_VERBS: &[(&[&str], Directive)] = &[
    (&["accused", "accuses", "accusing"], Directive::Accuse),
    (
        &[
            "urged",
            "urges",
            "urge",
            "urging",
            "asked",
            "asks",
            "asking",
            "told",
            "tells",
            "telling",
            "warned",
            "warns",
            "warning",
            "encouraged",
            "encourages",
            "implored",
            "begged",
            "pressed",
            "challenged",
            "ordered",
            "instructed",
        ],
        Directive::Urge,
    ),
    (&["called", "calls", "calling", "call"], Directive::CallFor),
];

fn directive_verb(l: &str) -> Option<Directive> {
    DIRECTIVE_VERBS
        .iter()
        .find(|(words, _)| words.contains(&l))
        .map(|&(_, d)| d)
}

/// Reported requests: "urged voters to …", "asked Congress to …", "called on NATO to …",
/// "called for new sanctions". What was said is the request.
fn directive_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    directive_frame_by(cx, s, e, c, claimed, None)
}

/// [`directive_frame`] with the speaker given, for a verb coordinated with an earlier
/// cue ("The Rovers Trust said … and urged the board to …").
fn directive_frame_by(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
    given: Option<Span>,
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let l = cx.lw(c);
    let from = match directive_verb(l)? {
        Directive::Accuse => {
            // ("Ministers have been accused of covering up …": whoever is accused says
            // nothing; the accuser's object comes first)
            if c + 1 < e && cx.lw(c + 1) == "of"
                || l == "accused"
                    && c > s
                    && matches!(
                        cx.lw(c - 1),
                        "was" | "were" | "been" | "is" | "are" | "be" | "being"
                    )
                    && !(c + 1 < e && cx.lw(c + 1) == "by")
            {
                return None;
            }
            let limit = (c + 7).min(e);
            (c + 2..limit)
                .take_while(|&k| !cx.is_punct(k, ","))
                .find(|&k| cx.lw(k) == "of")?;
            c + 1
        }
        // "who asked not to be named": a request about the speaker, with no listener
        Directive::Urge
            if c + 1 < e
                && cx.lw(c + 1) == "not"
                && matches!(
                    l,
                    "asked" | "asks" | "ask" | "asking" | "requested" | "request" | "requests"
                ) =>
        {
            return None
        }
        Directive::Urge => {
            // a listener, then "to" + verb, before any comma
            let limit = (c + 8).min(e);
            let to = (c + 2..limit)
                .take_while(|&k| {
                    !cx.is_punct(k, ",")
                        && toks[k].kind != TokenKind::Terminal
                        && !cx.is_quote(k)
                        && cx.lw(k) != "that"
                        // ("told MPs she would summon the Chancellor to explain …": a
                        // clause with its own subject is what was told, no listener; not
                        // "asked Rubio how it is conservative to add …", a question)
                        // (a subject and its verb, not any auxiliary: "told MPs who had
                        // complaints to write to her" is a request)
                        && !(is_tell(l)
                            && matches!(
                                cx.lw(k),
                                "he" | "she" | "they" | "we" | "i" | "it" | "this"
                            )
                            && k + 1 < e
                            // ("told reporters they expected Trump to keep …": a
                            // pronoun and any past tense)
                            && (lexicon::is_auxiliary_or_modal(cx.lw(k + 1))
                                || is_past_tense(cx.lw(k + 1)) && !cx.is_cap(k + 1)))
                })
                .find(|&k| cx.lw(k) == "to")?;
            let mut v = to + 1;
            while v < e && cx.is_quote(v) {
                v += 1;
            }
            if v >= e || toks[v].kind != TokenKind::Word || cx.is_cap(v) {
                return None;
            }
            // ("…,” Trump told Yahoo in response to a question …": a "to" inside an
            // adverbial after the listener, before a noun phrase, is no infinitive)
            if lexicon::is_determiner(cx.lw(v)) {
                return None;
            }
            c + 1
        }
        Directive::CallFor if c + 1 < e => match cx.lw(c + 1) {
            "for" => c + 2,
            "on" | "upon" => {
                let limit = (c + 9).min(e);
                (c + 3..limit)
                    .take_while(|&k| !cx.is_punct(k, ","))
                    .find(|&k| cx.lw(k) == "to")?;
                c + 2
            }
            _ => return None,
        },
        _ => return None,
    };
    if from >= e || c == s {
        return None;
    }
    let speaker = match given {
        Some(sp) => sp,
        None => verb_subject(cx, s, c)?,
    };
    let cue = Span::new(toks[c].span.start, toks[from - 1].span.end);
    content_after(cx, from, e, cue, speaker, 0.7, claimed, DIRECTIVE)
}

/// "Clinton portrayed Sanders as hypocritical", "Obama has described the dinner as
/// Washington celebrating itself": a verb that paints someone or something "as" what the
/// subject holds them to be reports that view, quoted words or none (PolNeAR draws it
/// from the object to the end of the clause).
fn characterisation_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let l = cx.lw(c);
    let stem = [
        "describ",
        "portray",
        "characteriz",
        "characteris",
        "depict",
        "paint",
    ]
    .into_iter()
    .find(|stem| l.starts_with(stem))?;
    // ("paintings", "descriptions": nouns; "was portrayed by the White House as …": a
    // passive names no one who holds the view in its subject)
    // (describ- and characteri[sz]- need their ending; "portray", "depict", "paint" are
    // whole)
    let rest = &l[stem.len()..];
    let ending_needed = matches!(stem, "describ" | "characteriz" | "characteris");
    let mut before = c;
    while before > s + 1 && cx.lw(before - 1).ends_with("ly") {
        before -= 1;
    }
    if c == s
        || cx.is_cap(c)
        || !matches!(rest, "e" | "es" | "ed" | "ing" | "s" | "")
        || rest.is_empty() && ending_needed
        || matches!(
            cx.lw(before - 1),
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "the" | "a" | "an"
        )
        || c + 1 < e && is_opening_preposition(cx.lw(c + 1))
    {
        return None;
    }
    // the object: one to ten words, then "as" and what they are painted as
    let as_at = (c + 2..(c + 12).min(e))
        .take_while(|&k| {
            matches!(
                toks[k].kind,
                TokenKind::Word | TokenKind::Clitic | TokenKind::Number
            ) && lexicon::cue_class(cx.lw(k)).is_none()
        })
        .find(|&k| cx.lw(k) == "as")?;
    if as_at + 1 >= e
        || !toks[as_at + 1].is_word()
        || matches!(
            cx.lw(as_at + 1),
            "well"
                | "much"
                | "many"
                | "long"
                | "soon"
                | "far"
                | "if"
                | "though"
                | "such"
                | "recently"
                | "early"
                | "late"
                | "usual"
                | "expected"
        )
        || as_at + 2 < e && cx.lw(as_at + 1) == "a" && cx.lw(as_at + 2) == "result"
        // ("painted the bridge as traffic crawled past", "depicts officers as they
        // restrain the man": "as" opens a clause of time)
        || as_clause(cx, as_at + 1, e)
        || (c + 1..as_at).any(|k| is_subordinator(cx.lw(k)) || cx.lw(k) == "and")
    {
        return None;
    }
    let speaker = if l.ends_with("ing") {
        absolute_subject(cx, s, c).or_else(|| sentence_subject(cx, s, c))?
    } else if cx.lw(c - 1) == "to" {
        sentence_subject(cx, s, c)?
    } else {
        np_before(cx, s, c)
            .map(|(a, b)| Span::new(toks[a].span.start, toks[b - 1].span.end))
            .or_else(|| sentence_subject(cx, s, c))?
    };
    if speaker.end > toks[c].span.start {
        return None;
    }
    // ("The senator, describing the bill as a disaster, voted against it": a participle
    // in an aside ends at the comma that closes it)
    let e = if l.ends_with("ing") && cx.is_punct(c - 1, ",") {
        (as_at + 1..e).find(|&k| cx.is_punct(k, ",")).unwrap_or(e)
    } else {
        e
    };
    // (what follows is an object and its complement, no clause: read like a request's)
    content_after(cx, c + 1, e, toks[c].span, speaker, 0.6, claimed, DIRECTIVE)
}

/// Whether the words at `k` after "as" are a clause of their own: a pronoun and its
/// verb ("as they restrain the man"), or a short noun phrase and a past tense or an
/// auxiliary ("as the sun set", "as police watched"), not what something is painted as
/// ("as a crude bully who knew little", "as undocumented", "as the poster child for …").
fn as_clause(cx: &Ctx<'_>, k: usize, e: usize) -> bool {
    let toks = &cx.doc.tokens;
    if k + 1 >= e {
        return false;
    }
    if matches!(
        lexicon::pronoun(cx.lw(k)),
        Some(
            lexicon::Pronoun::He
                | lexicon::Pronoun::She
                | lexicon::Pronoun::They
                | lexicon::Pronoun::It
        )
    ) {
        return toks[k + 1].is_word();
    }
    // (the subject's words: no adverb, "as singularly focused", and no conjunction, "as
    // hypocritical because he had …")
    !matches!(cx.lw(k), "a" | "an")
        && (k + 1..(k + 4).min(e))
            .take_while(|&j| {
                let w = cx.lw(j - 1);
                toks[j].is_word()
                    && !w.ends_with("ly")
                    && !is_subordinator(w)
                    && !matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "whom")
            })
            .any(|j| {
                let w = cx.lw(j);
                (is_past_tense(w) || lexicon::is_auxiliary_or_modal(w))
                    && !lexicon::is_determiner(cx.lw(j - 1))
            })
}

/// The two commas between a naming verb and its quotation set off an appositive to the
/// named ("called Valeant's chief executive, J. Michael Pearson, “incredibly driven”"):
/// a short noun phrase after a named one, with no conjunction, relative or verb of its
/// own.
fn naming_appositive(cx: &Ctx<'_>, c: usize, commas: &[usize]) -> bool {
    let [a, b] = *commas else {
        return false;
    };
    a > c + 1
        && b > a + 1
        && b - a <= 9
        && (a + 1..b).all(|k| {
            let w = cx.lw(k);
            cx.doc.tokens[k].is_word()
                && !matches!(w, "and" | "or" | "but" | "who" | "which" | "that" | "when")
                && lexicon::cue_class(w).is_none()
                && !lexicon::is_auxiliary_or_modal(w)
        })
}

/// "X called Y “Z”": what X said is that Y is Z, in X's words.
fn naming_frame(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let limit = (c + 13).min(e);
    let qi = (c + 1..limit)
        .find_map(|k| cx.in_quote[k].filter(|&qi| cx.quoted[qi as usize].open == k))?;
    let q = cx.quoted[qi as usize];
    if q.close >= e || !q.closed {
        return None;
    }
    // ("A new ad, called “Lifetime Appointment,” says …": an aside giving a work its
    // title)
    if c > s
        && cx.is_punct(c - 1, ",")
        && q.open == c + 1
        && is_title_participle(cx.lw(c))
        && names_a_work(cx, &q)
        // ("Clinton, dubbed “Crooked Hillary” by Trump,": someone's words for someone)
        && !(q.close + 1 < e && cx.lw(q.close + 1) == "by")
    {
        return None;
    }
    // the phrase between the verb and the quote may not hold a clause boundary, only an
    // appositive set off by two commas ("called Clinton, his Democratic challenger, an
    // ISIS “co-founder”")
    let commas: Vec<usize> = (c + 1..q.open).filter(|&k| cx.is_punct(k, ",")).collect();
    if (c + 1..q.open).any(|k| matches!(toks[k].kind, TokenKind::Terminal))
        || !commas.is_empty() && !naming_appositive(cx, c, &commas)
    {
        return None;
    }
    // "an inflation formula called the “chained CPI”": a noun in mid-sentence before the
    // verb makes it a name given to a thing, not someone calling something a name.
    // ("by calling Alwaleed “dopey”": a preposition is no noun; "that Border Patrol agents
    // described …": only an article opens such a noun phrase)
    if c > s && !cx.is_cap(c - 1) && toks[c - 1].kind == TokenKind::Word {
        let p = cx.lw(c - 1);
        if lexicon::pronoun(p).is_none()
            && !lexicon::is_aux_or_adverb(p)
            && !matches!(
                p,
                "by" | "and" | "but" | "or" | "while" | "after" | "before" | "then"
            )
        {
            if let Some(d) = (c.saturating_sub(4).max(s)..c - 1)
                .rev()
                .find(|&k| matches!(cx.lw(k), "a" | "an" | "the"))
            {
                if d > s && toks[d - 1].is_word() {
                    return None;
                }
            }
        }
    }
    let speaker = if lexicon::is_participle(cx.lw(c)) {
        match absolute_subject(cx, s, c) {
            Some(sp) => sp,
            None => sentence_subject(cx, s, c)?,
        }
    } else {
        let (mut a, b) = np_before(cx, s, c)?;
        if cx.lw(a) == "what" && a + 1 < b {
            a += 1;
        }
        Span::new(toks[a].span.start, toks[b - 1].span.end)
    };
    claimed[qi as usize] = true;
    let from = c + 1;
    let kind = if from == q.open {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    };
    // "called the judge a “hater of Donald Trump” who had “railroaded” him", "portrayed
    // himself as a “change warrior” who …": a name or characterisation runs to the end of
    // its clause.
    let mut end = q.close + 1;
    // (not past a comma or period inside the closing mark, nor into a conjunction's or
    // subordinate clause: "as a “terrible situation,” but stopped short of …")
    // ("what multiple lawmakers called “fraud” led senators to …": in a free relative
    // the name given is the quotation alone; the clause goes on with another verb)
    let closes_clause = q.open == c + 1 && named_in_free_relative(cx, &q)
        || q.close > q.open + 1
            && (cx.is_punct(q.close - 1, ",") || toks[q.close - 1].kind == TokenKind::Terminal);
    if !closes_clause {
        while end < e
            && end - q.close < 25
            && !(cx.in_quote[end].is_none()
                && (matches!(toks[end].kind, TokenKind::Terminal)
                    || cx.is_punct(end, ",")
                    || cx.is_punct(end, ";")
                    || cx.is_punct(end, ":")
                    || is_dash(cx.tx(end))
                    || matches!(
                        cx.lw(end),
                        "but" | "after" | "because" | "while" | "when" | "although" | "though"
                    )
                    || cx.lw(end) == "and"
                        && end + 1 < e
                        && (cx.lw(end + 1).ends_with("ed")
                            || cx.lw(end + 1).ends_with("ing")
                            || lexicon::cue_class(cx.lw(end + 1)).is_some()
                            || lexicon::is_irregular_past(cx.lw(end + 1)))
                    // (another cue ends it only as a new verb: "a “paperwork error” that was
                    // reported" runs on)
                    || lexicon::cue_class(cx.lw(end)).is_some()
                        && !matches!(cx.lw(end - 1), "was" | "were" | "is" | "are" | "be" | "been" | "to")
                        && !adverb_makes_adjective(cx, end)))
        {
            end += 1;
        }
    }
    let end_byte = toks[end - 1].span.end.max(q.span.end);
    Some(vec![FoundQuote::said_by(
        Span::new(toks[from].span.start, end_byte),
        kind,
        Some(toks[c].span),
        speaker,
        0.7,
    )])
}

/// "According to X, C." and "C, according to X."
fn according_to(
    cx: &Ctx<'_>,
    s: usize,
    e: usize,
    c: usize,
    claimed: &mut [bool],
) -> Option<Vec<FoundQuote>> {
    let toks = &cx.doc.tokens;
    let cue = Span::new(toks[c].span.start, toks[c + 1].span.end);
    let np_start = c + 2;
    let mut j = np_start;
    while j < e
        && !cx.is_punct(j, ",")
        && !matches!(toks[j].kind, TokenKind::Terminal)
        && !cx.is_quote(j)
        && j - np_start < 12
    {
        j += 1;
    }
    if j == np_start {
        return None;
    }
    // ("he had ruled according to the law", "went according to plan": a manner right
    // after its verb, by a rule or plan, not a source)
    let rule_noun = |k: usize| {
        matches!(
            cx.lw(k),
            "law"
                | "laws"
                | "rules"
                | "rule"
                | "plan"
                | "script"
                | "schedule"
                | "constitution"
                | "procedure"
                | "procedures"
                | "protocol"
                | "tradition"
                | "custom"
                | "guidelines"
                | "regulations"
        )
    };
    // (the phrase ends at the noun: "according to the schedule released by NASA" names a
    // source)
    let ends_phrase = |k: usize| {
        k + 1 >= e
            || matches!(cx.doc.tokens[k + 1].kind, TokenKind::Terminal)
            || cx.is_punct(k + 1, ",")
            || matches!(cx.lw(k + 1), "on" | "in" | "at" | "and" | "when" | "as")
    };
    let rule_at = if cx.lw(np_start) == "the" {
        np_start + 1
    } else {
        np_start
    };
    if c > s
        && toks[c - 1].kind == TokenKind::Word
        && !cx.is_cap(c - 1)
        && !lexicon::is_determiner(cx.lw(c - 1))
        && rule_at < e
        && rule_noun(rule_at)
        && ends_phrase(rule_at)
    {
        return None;
    }
    let speaker = Span::new(toks[np_start].span.start, toks[j - 1].span.end);
    let lead_words = (s..c).filter(|&i| toks[i].is_word()).count();
    // ("Trump was stuck in Indianapolis, and according to aides, he was still weighing
    // …": after a comma and a conjunction, a clause of its own starts)
    let after_conjunction = c >= s + 2
        && matches!(cx.lw(c - 1), "and" | "but")
        && cx.is_punct(c - 2, ",")
        && j < e
        && cx.is_punct(j, ",");
    if lead_words <= 1 || after_conjunction {
        // According to X, C.
        let from = j + 1;
        if from >= e {
            return None;
        }
        let mut end = e;
        while end > from && matches!(toks[end - 1].kind, TokenKind::Terminal) {
            end -= 1;
        }
        if end <= from || (from..end).filter(|&i| toks[i].is_word()).count() < 3 {
            return None;
        }
        // ("According to Limbaugh, “If it was left up to Hillary, … positive. Because
        // …”": a quotation right after the source is the whole of what it said, over
        // however many sentences)
        if let Some(qi) = cx.in_quote[from] {
            let q = cx.quoted[qi as usize];
            let after = q.close + 1;
            if q.open == from
                && q.closed
                && !claimed[qi as usize]
                && !names_a_work(cx, &q)
                && (after >= e
                    || !(after..e).any(|k| toks[k].is_word())
                    // ("…,” presumably meaning …": the writer's gloss after its comma)
                    || cx.closes_on_comma(q.close) && {
                        let v = if cx.lw(after).ends_with("ly") { after + 1 } else { after };
                        v < e
                            && !cx.is_cap(v)
                            && cx.lw(v).len() > 4
                            && lexicon::is_participle(cx.lw(v))
                    })
            {
                return claim_direct(claimed, qi as usize, q.span, cue, speaker, 0.85);
            }
        }
        let kind = kind_of(cx, from, end, claimed);
        return Some(vec![FoundQuote::said_by(
            Span::new(toks[from].span.start, toks[end - 1].span.end),
            kind,
            Some(cue),
            speaker,
            0.85,
        )]);
    }
    // C, according to X.
    // ("…, according to the city's finance director, Laura Ming.": a description, then
    // the name it describes at the end of the sentence)
    let speaker = if j < e
        && cx.is_punct(j, ",")
        && !cx.is_cap(np_start)
        && (np_start..j).all(|k| !cx.is_cap(k) || toks[k].kind == TokenKind::Clitic)
        && j + 1 < e
    {
        let mut k = j + 1;
        while k < e && k - j <= 4 && (cx.is_cap(k) || cx.tx(k) == ".") {
            k += 1;
        }
        let name_ends = k > j + 1
            && (k == e || matches!(toks[k].kind, TokenKind::Terminal))
            && cx
                .entity_at(j + 1)
                .is_some_and(|m| m.label == EntityLabel::Per);
        if name_ends {
            let mut last = k - 1;
            while last > j + 1 && cx.tx(last) == "." {
                last -= 1;
            }
            Span::new(toks[j + 1].span.start, toks[last].span.end)
        } else {
            speaker
        }
    } else {
        speaker
    };
    let mut end = c;
    while end > s && (cx.is_punct(end - 1, ",") || cx.lw(end - 1) == "\u{2014}") {
        end -= 1;
    }
    if end <= s || ends_open(cx, end - 1) {
        return None;
    }
    // "Notably absent, according to members, was any mention of …", "State regulators,
    // according to documents released last month, failed to require …": an aside inside
    // the sentence; what it reports goes on after it, a second piece (not a relative
    // clause on the source: "…, according to his supporters, who are offering …"; nor
    // the name the source described: "…, according to the finance director, Laura Ming")
    // (only when the words before are no clause of their own, "The top 1 percent would
    // see …, according to the Tax Foundation, more than twice …", and the aside is
    // bracketed by commas)
    let rest = (j < e
        && cx.is_punct(j, ",")
        && speaker.end <= toks[j].span.start
        && cx.is_punct(c - 1, ",")
        && !has_finite_verb(cx, s, c))
    .then(|| {
        let from = j + 1;
        let mut end = e;
        while end > from && matches!(toks[end - 1].kind, TokenKind::Terminal) {
            end -= 1;
        }
        (from, end)
    })
    .filter(|&(from, end)| {
        (from..end).filter(|&i| toks[i].is_word()).count() >= 2
                && !matches!(
                    cx.lw(from),
                    "who"
                        | "whom"
                        | "whose"
                        | "which"
                        | "where"
                        | "when"
                        | "a"
                        | "an"
                        | "the"
                        // (a clause of the writer's joined on: "…, and has a small lead
                        // in Ohio", "…, although Carson keeps it competitive")
                        | "and"
                        | "but"
                        | "or"
                        | "yet"
                        | "so"
                        | "although"
                        | "though"
                        | "while"
                        | "whereas"
                        | "as"
                        | "because"
                        | "if"
                        | "even"
                        | "including"
                        | "compared"
                        | "with"
                        | "like"
                        | "unlike"
                        | "one"
                )
                && !cx.is_cap(from)
                && toks[from].is_word()
                // (nor a participle of the writer's: "…, taking a step toward …"; nor
                // the source's own appositive: "according to Andy Smith, director of …")
                && !(cx.lw(from).ends_with("ing") && cx.lw(from).len() > 4)
                && !(from + 1 < end && cx.lw(from + 1) == "of")
                // (a verb soon, the predicate the aside interrupted: not "…, down from 10
                // percent in 2009"; and no report of its own: "…, according to a
                // transcript, she said the plan would fail")
                && (from..end.min(from + 10)).any(|m| {
                    lexicon::is_auxiliary_or_modal(cx.lw(m))
                        || is_past_tense(cx.lw(m))
                        || matches!(cx.lw(m), "include" | "includes" | "remain" | "remains")
                })
                && !(from + 1..end.min(from + 4)).any(|m| {
                    lexicon::cue_class(cx.lw(m)) == Some(CueClass::Speech)
                        && (lexicon::pronoun(cx.lw(m - 1)).is_some() || cx.is_cap(m - 1))
                })
    });
    let mut out = content_before(cx, s, end, cue, speaker, 0.85, claimed).unwrap_or_default();
    for f in &mut out {
        f.confidence = 0.85;
    }
    if let Some((from, end)) = rest {
        let kind = kind_of(cx, from, end, claimed);
        out.push(FoundQuote::said_by(
            Span::new(toks[from].span.start, toks[end - 1].span.end),
            kind,
            Some(cue),
            speaker,
            0.85,
        ));
    }
    (!out.is_empty()).then_some(out)
}

/// True when the span is a person, organisation or place name (for callers that want to
/// know whether a speaker phrase names someone).
pub fn names_entity(entities: &[Mention], span: Span) -> Option<EntityLabel> {
    entities
        .iter()
        .find(|m| span.contains(m.span))
        .map(|m| m.label)
}

/// Speakers for content spans proposed by the learned tagger (`content_model`), as token
/// ranges inside one sentence each. A span is kept only when it reads as reported content:
/// a clause (the same test as the rules' `X said C`) governed by a verb of saying, writing
/// or believing a few words before it, whose subject is the speaker; or a clause followed
/// by "…, X said" / "…, said X". Objects of action verbs ("announced new exercises",
/// "offered to hold a summit") never pass. Confidence is low (0.45): the span is a guess.
pub fn model_quotes(
    text: &str,
    doc: &Doc,
    entities: &[Mention],
    spans: &[(usize, usize)],
) -> Vec<FoundQuote> {
    let cx = Ctx::new(text, doc, entities);
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for &(a, b) in spans {
        let sent = &doc.sentences[doc.sentence_of(a)];
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        let mut end = b.min(e);
        while end > a + 1 && matches!(toks[end - 1].kind, TokenKind::Punct | TokenKind::Terminal) {
            end -= 1;
        }
        // The tagger often stops early ("endorsed Republican presidential [candidate …]");
        // reported content runs to the end of its clause: the next comma, semicolon,
        // colon, dash, quotation mark or the sentence end.
        while end < e
            && !(toks[end].kind == TokenKind::Terminal
                || cx.is_quote(end)
                || cx.is_punct(end, ",")
                || cx.is_punct(end, ";")
                || cx.is_punct(end, ":")
                || cx.tx(end).starts_with(['\u{2014}', '\u{2013}'])
                || cx.tx(end) == "--"
                || cx.tx(end) == "(")
        {
            end += 1;
        }
        while end > a + 1 && matches!(toks[end - 1].kind, TokenKind::Punct) {
            end -= 1;
        }
        let words = (a..end).filter(|&i| toks[i].is_word()).count();
        if words == 0 {
            continue;
        }
        let mut first = a;
        if cx.lw(first) == "that" && first + 1 < end {
            first += 1;
        }
        let span = Span::new(toks[a].span.start, toks[end - 1].span.end);
        let kind = if (a..end).any(|i| cx.is_quote(i)) {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        let clause = words >= 3 && (cx.lw(a) == "that" || looks_like_clause(&cx, first, end));
        // The governing verb a few words before: "X said on Friday that C", "a poll shows
        // C", "X endorsed C". Verbs of saying need a clause after them (their objects are
        // often acts: "announced new exercises"); verbs of showing and believing, and verbs
        // of taking a stance, may have a noun phrase right after them as what is reported.
        let mut k = a;
        let mut cue = None;
        while k > s && a - k < 6 {
            k -= 1;
            if toks[k].kind == TokenKind::Terminal || cx.is_quote(k) || cx.is_punct(k, ";") {
                break;
            }
            if toks[k].kind != TokenKind::Word {
                continue;
            }
            let l = cx.lw(k);
            let class = lexicon::cue_class(l);
            if class.is_none() && !is_stance_verb(l) {
                continue;
            }
            // A noun, not a verb ("the attacks", "late support", "in the hopes"), or a
            // word of a Title Case headline.
            let verbal = !cx.is_cap(k)
                && !(k > s
                    && (lexicon::is_determiner(cx.lw(k - 1))
                        || matches!(cx.lw(k - 1), "of" | "late" | "mere")));
            let ok = verbal
                && match class {
                    Some(CueClass::Speech) => clause,
                    Some(_) => clause || words >= 2 && k + 1 == a,
                    None => k + 1 == a,
                };
            if ok {
                cue = Some(k);
            }
            break;
        }
        if let Some(c) = cue
            .filter(|&c| !(cx.lw(c).starts_with("question") && questions_a_person(&cx, c + 1, e)))
        {
            let speaker = np_before(&cx, s, c)
                .map(|(ps, pe)| Span::new(toks[ps].span.start, toks[pe - 1].span.end))
                .or_else(|| sentence_subject(&cx, s, c));
            let conf = match lexicon::cue_class(cx.lw(c)) {
                Some(CueClass::Speech) => 0.45,
                Some(_) if clause => 0.44,
                Some(_) => 0.43,
                None => 0.42,
            };
            if let Some(sp) = speaker.filter(|sp| sp.end <= toks[c].span.start) {
                out.push(FoundQuote::said_by(
                    span,
                    kind,
                    Some(toks[c].span),
                    sp,
                    conf,
                ));
            }
            continue;
        }
        // "C, X said." / "C, said X."
        if !clause {
            continue;
        }
        let mut j = end;
        while j < e && (cx.is_punct(j, ",") || cx.is_quote(j)) {
            j += 1;
        }
        if j == end || j >= e {
            continue;
        }
        if lexicon::cue_class(cx.lw(j)) == Some(CueClass::Speech) {
            if let Some(sp) = np_after(&cx, j + 1, e) {
                out.push(FoundQuote::said_by(
                    span,
                    kind,
                    Some(toks[j].span),
                    sp,
                    0.41,
                ));
            }
            continue;
        }
        if let Some(c) = (j + 1..(j + 8).min(e))
            .find(|&c| lexicon::cue_class(cx.lw(c)) == Some(CueClass::Speech))
        {
            if let Some((ps, pe)) = np_before(&cx, j, c).filter(|&(ps, _)| ps == j) {
                let sp = Span::new(toks[ps].span.start, toks[pe - 1].span.end);
                out.push(FoundQuote::said_by(
                    span,
                    kind,
                    Some(toks[c].span),
                    sp,
                    0.40,
                ));
            }
        }
    }
    out
}

/// Verbs of taking a stance on someone or something, whose object is what the subject
/// holds a view of ("endorsed Clinton", "rejected that idea").
pub(crate) fn is_stance_verb(l: &str) -> bool {
    matches!(
        l,
        "endorse"
            | "endorses"
            | "endorsed"
            | "endorsing"
            | "support"
            | "supports"
            | "supported"
            | "backed"
            | "backs"
            | "favor"
            | "favors"
            | "favored"
            | "favour"
            | "favours"
            | "favoured"
            | "prefer"
            | "prefers"
            | "preferred"
            | "oppose"
            | "opposes"
            | "opposed"
            | "reject"
            | "rejects"
            | "rejected"
            | "criticize"
            | "criticizes"
            | "criticized"
            | "criticise"
            | "criticises"
            | "criticised"
            | "attack"
            | "attacks"
            | "attacked"
            | "denounce"
            | "denounces"
            | "denounced"
            | "condemn"
            | "condemns"
            | "condemned"
            | "praise"
            | "praises"
            | "praised"
            | "blame"
            | "blames"
            | "blamed"
            | "slam"
            | "slams"
            | "slammed"
            | "decry"
            | "decries"
            | "decried"
            | "dismissed"
            | "mocked"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::segment::segment;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
        let doc = segment(text);
        find_quotes(text, &doc, &[])
            .into_iter()
            .map(|q| {
                let sp = match q.speaker {
                    Some(SpeakerSlot::Phrase(s)) => Some(s.text(text).to_string()),
                    Some(SpeakerSlot::Continuation) => Some("<cont>".into()),
                    None => None,
                };
                (q.span.text(text).to_string(), q.kind, sp)
            })
            .collect()
    }

    /// [`has_characterising_stem`] without its filter on the first two bytes.
    fn has_characterising_stem_by_scan(l: &str) -> bool {
        l.len() >= 4 && CHARACTERISING_STEMS.iter().any(|stem| l.starts_with(stem))
    }

    #[test]
    fn the_stem_filter_lets_every_stem_through() {
        let mut words: Vec<String> = include_str!("../../examples/nato.txt")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        for stem in CHARACTERISING_STEMS {
            words.push(stem.to_owned());
            words.push(format!("{stem}ed"));
            words.push(stem[..stem.len() - 1].to_owned());
            words.push(stem.to_uppercase());
        }
        for w in [
            "",
            "cast",
            "casts",
            "tou",
            "from",
            "d\u{e9}crit",
            "pr\u{e9}sent",
        ] {
            words.push(w.to_owned());
        }
        for w in &words {
            assert_eq!(
                has_characterising_stem(w),
                has_characterising_stem_by_scan(w),
                "{w:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_stem_filter_answers_as_the_scan(w in "[a-z\\x00-\\x7f\u{e9}\u{2019}]{0,9}") {
            proptest::prop_assert_eq!(has_characterising_stem(&w), has_characterising_stem_by_scan(&w));
        }

        #[test]
        fn the_stem_filter_answers_as_the_scan_after_a_stem(k in 0usize..19, tail in "[a-z]{0,4}", cut in 0usize..12) {
            let stem = CHARACTERISING_STEMS[k];
            let w = format!("{}{tail}", &stem[..cut.min(stem.len())]);
            proptest::prop_assert_eq!(has_characterising_stem(&w), has_characterising_stem_by_scan(&w));
        }
    }

    /// The role test of an appositive, as a scan of the role list.
    fn names_a_role_by_scan(l: &str) -> bool {
        lexicon::ROLES
            .iter()
            .any(|r| !r.ends_with('.') && (l == *r || r.ends_with(l) && r.contains(' ')))
    }

    #[test]
    fn names_a_role_is_the_scan_of_the_role_list() {
        let mut words: Vec<String> = vec!["".into(), " ".into(), ".".into(), "s".into()];
        for r in lexicon::ROLES {
            // every role, its tails, heads and words, changed a little
            for (i, _) in r.char_indices() {
                words.push(r[i..].to_owned());
                words.push(r[..i].to_owned());
                words.push(format!("x{}", &r[i..]));
            }
            words.extend(r.split([' ', '-', '.']).map(str::to_owned));
            words.push(r.to_string());
            words.push(format!("{r}s"));
            words.push(r.trim_end_matches('.').to_owned());
        }
        words.extend(
            include_str!("../../examples/nato.txt")
                .split_whitespace()
                .map(str::to_lowercase),
        );
        for w in &words {
            assert_eq!(names_a_role(w), names_a_role_by_scan(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn names_a_role_of_any_word(w in "[a-z .\\-]{0,12}") {
            proptest::prop_assert_eq!(names_a_role(&w), names_a_role_by_scan(&w));
        }
    }

    #[test]
    fn another_of_the_people_quoted_is_a_speaker_not_a_determiner() {
        let q = quotes("“It is a disgrace to the party,” another said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert_eq!(q[0].2.as_deref(), Some("another"));
        let q = quotes("Another tweeted, “Clinton thinks she is above the rules and the law.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Another"));
        // (still a noun after it: "another claims form")
        assert!(quotes("He filed another claims form that “nobody reads.”").is_empty());
    }

    /// Texts cut anywhere (a page truncated mid-sentence) end on any word: every frame
    /// must stop at the end of the text, whichever cue is last.
    #[test]
    fn every_prefix_of_real_sentences_is_read_without_panic() {
        let sentences = [
            "The officials would rather the solutions urge restraint, he told reporters that day.",
            "“We reject any idea of spheres of influence,” Oana Lungescu, the NATO spokesperson, said, adding that the alliance “will not renounce” its policy.",
            "According to two officials who spoke to Reuters, Moscow has warned that it would respond, and Blinken told CNN on Sunday that the US was ready.",
            "Christie endorsed Trump last week and has appeared at his rallies, calling him “a strong leader” who “gets things done.”",
            "Asked whether he would run, Sanders replied: “We will see,” while his aides, who declined to comment, urged voters to turn out.",
            "Mr. Trump's campaign chairman, Paul Manafort, described the plan as a “work in progress” that critics called “reckless.”",
            "He has flirted with the idea, though he has denied that it was serious, and the two voters acknowledged that they agreed.",
        ];
        for text in sentences {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let t = &text[..at];
                let doc = segment(t);
                for q in find_quotes(t, &doc, &[]) {
                    assert!(
                        q.span.end <= t.len() && t.is_char_boundary(q.span.start),
                        "{t}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_described_noun_then_a_name_after_a_quotation_is_one_speaker() {
        // any noun with its determiner, not only a known title, before the name
        let q = quotes("“He deserved it,” the assailant, John McGraw, told the television program “Inside Edition.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].1, q[0].2.as_deref()),
            (
                "“He deserved it,”",
                QuoteKind::Direct,
                Some("the assailant, John McGraw")
            )
        );
    }

    #[test]
    fn a_relative_clause_with_its_own_verb_before_the_cue() {
        let q = quotes("Asked about the talks, a White House official who spoke anonymously to discuss internal strategy said Wednesday, \"Certainly there are discussions.\"");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert_eq!(q[0].2.as_deref(), Some("a White House official"));
    }

    #[test]
    fn direct_quote_with_trailing_cue_and_appositive() {
        let q = quotes("“We reject any idea of spheres of influence in Europe,” Oana Lungescu, the NATO spokesperson said responding to Moscow’s demands.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "“We reject any idea of spheres of influence in Europe,”"
        );
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert_eq!(
            q[0].2.as_deref(),
            Some("Oana Lungescu, the NATO spokesperson")
        );
        // a long appositive with a relative clause; a long adjunct after the cue
        let q = quotes("“Clinton needs a strategy,” Nate Silver, the polling guru who founded fivethirtyeight.com, tweeted on Wednesday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0]
            .2
            .as_deref()
            .is_some_and(|s| s.starts_with("Nate Silver")));
        let q = quotes("“Pat Kennedy is the greatest!!!” McDonough wrote in a September 16, 2012 email to top State officials.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("McDonough"));
    }

    /// One indirect quote: (content, speaker phrase).
    /// A person the entity tagger found at `span`.
    fn person(span: Span) -> Mention {
        Mention {
            span,
            label: EntityLabel::Per,
            actor: None,
        }
    }

    fn one(text: &str) -> (String, String) {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        (q[0].0.clone(), q[0].2.clone().unwrap_or_default())
    }

    #[test]
    fn clauses_after_said_with_hard_subjects() {
        let (c, sp) =
            one("Bill Taylor, an organizer of the rallies, said he expected up to 250,000 people.");
        assert_eq!(c, "he expected up to 250,000 people");
        assert_eq!(sp, "Bill Taylor, an organizer of the rallies");
        let (c, sp) = one("Christopher Harvey, a delegate from Houston, Texas, said the turmoil at the convention was part of the circus.");
        assert_eq!(c, "the turmoil at the convention was part of the circus");
        assert_eq!(sp, "Christopher Harvey, a delegate from Houston, Texas");
        let (_, sp) = one("Roxana M. Leon, 63, an independent voter raised in Chile, said she wanted major change.");
        assert!(
            sp.starts_with("Roxana M. Leon, 63, an independent voter"),
            "{sp}"
        );
        let (_, sp) = one("The governor, a Republican, said the family deserved better.");
        assert_eq!(sp, "The governor, a Republican");
        let (_, sp) = one("A White House official, who requested anonymity, said the president has spoken with Emanuel.");
        assert_eq!(sp, "A White House official, who requested anonymity");
        let (c, sp) = one("Fergus Cullen, the county chairman, for example, said Trump continued to hurt his cause.");
        assert_eq!(c, "Trump continued to hurt his cause");
        assert_eq!(sp, "Fergus Cullen, the county chairman");
        // after "said" itself the clause's verb need not be one the clause test knows
        let (c, sp) = one("Galvin said the polling location never shut its doors.");
        assert_eq!(c, "the polling location never shut its doors");
        assert_eq!(sp, "Galvin");
        assert!(quotes("Galvin said nothing about the polling location.").is_empty());
        // a discourse adverb between subject and cue; "imply" reports a clause
        let (c, sp) = one("Carter however said he would welcome China’s participation.");
        assert_eq!(c, "he would welcome China’s participation");
        assert_eq!(sp, "Carter");
        let (c, _) = one("He implied a federal judge was biased because he is Hispanic.");
        assert_eq!(c, "a federal judge was biased because he is Hispanic");
        // a long listener before "that"
        let (c, sp) = one(
            "Coulter told conservative radio host Hugh Hewitt on Wednesday that her tweet was a joke.",
        );
        assert_eq!(c, "that her tweet was a joke");
        assert_eq!(sp, "Coulter");
        let (c, _) = one("He said legalizing it could put thousands of people to work.");
        assert_eq!(c, "legalizing it could put thousands of people to work");
        let (_, sp) =
            one("About 4 in 10 say they want the next president to have more liberal policies.");
        assert_eq!(sp, "4 in 10");
        let (c, _) = one("He said the agreement isn’t good for the United States.");
        assert_eq!(c, "the agreement isn’t good for the United States");
        let (c, _) =
            one("Gingrich said Trump’s use of social media gives his campaign an extra dimension.");
        assert_eq!(
            c,
            "Trump’s use of social media gives his campaign an extra dimension"
        );
        // an aside with "including" is no clause before an inverted cue, and a modal
        // ends a noun phrase
        let (c, _) = one("Several candidates, including Trump, said the United States should refuse more refugees.");
        assert_eq!(c, "the United States should refuse more refugees");
        // a duration before the clause; an appositive subject and a listener
        let (c, _) = one("Cruz has said for weeks he’s the only candidate who can beat Trump.");
        assert_eq!(c, "he’s the only candidate who can beat Trump");
        let (c, sp) =
            one("One delegate, Kelly Schmidt, told POLITICO she was leaning toward Cruz.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("she was leaning toward Cruz", "Kelly Schmidt")
        );
        // an opener before the subject of a listener verb stays out of what was said
        for text in [
            "Speaking in Brussels, Barnier warned that time was running out.",
            "In Brussels, Barnier warned that time was running out.",
            "Speaking in Brussels, Barnier told reporters that time was running out.",
            "Speaking in Brussels, Barnier warned time was running out.",
        ] {
            let (c, sp) = one(text);
            assert!(c.ends_with("time was running out"), "{text}: {c}");
            assert_eq!(sp, "Barnier", "{text}");
        }
        // but the words before still are when only an adjunct follows
        let (c, _) = one("The economy is weak, Barnier told reporters on Monday.");
        assert_eq!(c, "The economy is weak");
        // a time phrase between the subject and the verb
        let (_, sp) = one("Trump less than two weeks ago said that the plan was a disaster.");
        assert_eq!(sp, "Trump");
        let (_, sp) = one("The agency last week said that the plan was a disaster.");
        assert_eq!(sp, "The agency");
        // poll shares and plural nouns agreeing with "say" are subjects
        let (c, sp) = one("On this issue, 47% say the United States should commit troops.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the United States should commit troops", "47%")
        );
        let (c, sp) = one("But hacking specialists say the information might not be genuine.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            (
                "the information might not be genuine",
                "hacking specialists"
            )
        );
    }

    #[test]
    fn a_poll_share_with_its_own_verb_starts_another_report() {
        let q = quotes(
            "Three-quarters of the voters said they were worried about the economy, and more \
             than 4 in 10 said Trump would be best at handling it.",
        );
        let spans: Vec<&str> = q.iter().map(|(s, _, _)| s.as_str()).collect();
        assert!(
            spans.contains(&"they were worried about the economy"),
            "{q:?}"
        );
        assert!(
            spans.contains(&"Trump would be best at handling it"),
            "{q:?}"
        );
        let q = quotes(
            "Half of them say they have a favorable view of Clinton, compared with 40 percent \
             who say the same of Sanders.",
        );
        let spans: Vec<&str> = q.iter().map(|(s, _, _)| s.as_str()).collect();
        assert!(
            spans.contains(&"they have a favorable view of Clinton"),
            "{q:?}"
        );
        // a number that is no share of people saying something ends nothing
        let q = quotes(
            "The project estimated that turnout was up about 19 percentage points from 2012 and \
             about 3 percentage points from 2008.",
        );
        assert!(q.iter().any(|(s, _, _)| s.ends_with("from 2008")), "{q:?}");
    }

    #[test]
    fn a_relative_that_after_a_cue_noun_is_no_claim() {
        let q =
            quotes("She has struggled to find a message that should fit with the current climate.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("Clinton extends her lead, despite a message that fails to scintillate.");
        assert!(q.is_empty(), "{q:?}");
        // (nor is a reminder anyone's claim: the writer frames it)
        let q =
            quotes("The controversy served as a reminder that Mr. Trump is plagued by stumbles.");
        assert!(q.is_empty(), "{q:?}");
        // (but a plural subject still opens the claim, its verb bare or not)
        let q = quotes("He repeated his claim that officials from Ohio would be rigging votes.");
        assert_eq!(q.len(), 1, "{q:?}");
        let q = quotes("He repeated the claim that immigrants from Mexico bring crime.");
        assert_eq!(q.len(), 1, "{q:?}");
        // a "that" with a subject of its own is the claim
        let q = quotes("He repeated his claim that the election would be rigged.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "that the election would be rigged"),
            "{q:?}"
        );
        // after an adjective "that" may be the subject itself
        let q = quotes("They are hopeful that will change before the convention.");
        assert!(!q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_second_topic_verb_of_the_speaker_ends_the_first_content() {
        let q =
            quotes("Both suggested the speechwriter be fired and defended Trump as a candidate.");
        let spans: Vec<&str> = q.iter().map(|(s, _, _)| s.as_str()).collect();
        assert!(spans.contains(&"the speechwriter be fired"), "{q:?}");
        // after "said" the verb may go on the reported clause
        let q = quotes(
            "They said he rated the contestants by their looks and talked about which ones \
             he liked.",
        );
        assert!(
            q.iter().any(|(s, _, _)| s.ends_with("which ones he liked")),
            "{q:?}"
        );
    }

    #[test]
    fn a_verb_of_how_someone_spoke_reports_no_object() {
        for text in [
            "The lobbying firms continued the work until shortly after he fled the country.",
            "Eight candidates went on the attack on television as four worked the crowds.",
            "Many laughed at the approach of seeking out county leaders for direct help.",
        ] {
            let q = quotes(text);
            assert!(q.is_empty(), "{text}: {q:?}");
        }
        // a "that" clause is what was said
        let q = quotes("She continued that an official had told her the hacker admitted it.");
        assert!(
            q.iter().any(|(s, _, _)| s.starts_with("that an official")),
            "{q:?}"
        );
    }

    #[test]
    fn a_to_before_a_noun_phrase_after_the_listener_is_no_directive() {
        let q =
            quotes("“We will win,” Trump told Yahoo in response to a question about the searches.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].1, q[0].2.as_deref()),
            ("“We will win,”", QuoteKind::Direct, Some("Trump"))
        );
        // "to" and a verb after the listener is what was asked
        let q = quotes("The mayor urged residents to stay indoors until the storm passed.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s.starts_with("residents to stay indoors")),
            "{q:?}"
        );
    }

    #[test]
    fn a_clause_cut_before_its_verb_runs_on_to_its_quoted_fragment() {
        let q = quotes(
            "The email notes that Supervisor Jane Kim, who is running for the state Senate, \
             “is a civil rights attorney who has fought for fair wages.”",
        );
        assert!(
            q.iter()
                .any(|(s, k, _)| s.starts_with("that Supervisor Jane Kim")
                    && s.ends_with("fair wages.”")
                    && *k == QuoteKind::Mixed),
            "{q:?}"
        );
        // a clause with its verb ends where it ends
        let q = quotes("She said the plan was sound, calling it “a good start” for the city.");
        assert!(q.iter().any(|(s, _, _)| s == "the plan was sound"), "{q:?}");
    }

    #[test]
    fn an_according_to_aside_after_an_open_clause_reports_nothing_before_it() {
        let q = quotes(
            "He crossed the border more than 30 years ago after, according to him, the cartel \
             threatened his family.",
        );
        assert!(q.iter().all(|(s, _, _)| !s.ends_with("ago after")), "{q:?}");
        // a whole clause before the aside is what the source says
        let q = quotes("Trump leads by 15 points in Indiana, according to the poll.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "Trump leads by 15 points in Indiana"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_with_its_infinitive_reports_no_words_before_it() {
        let q = quotes(
            "Despite Cruz consolidating anti-Trump support, Trump continues to build up his \
             delegate lead.",
        );
        assert!(
            q.iter().all(|(s, _, _)| !s.starts_with("Despite Cruz")),
            "{q:?}"
        );
        let q = quotes(
            "As Europe faces pressure from a more muscular Russia, Germany has pledged to \
             bolster its military.",
        );
        assert!(
            q.iter().all(|(s, _, _)| !s.starts_with("As Europe")),
            "{q:?}"
        );
        // "to" and a listener is an adjunct: the words before are what was said
        let q = quotes("The economy is in deep trouble this year, Smith said to reporters.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "The economy is in deep trouble this year"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_word_between_an_article_and_its_adverb_is_an_adjective() {
        let q = quotes(
            "His ability to navigate a racially charged argument between the two families is \
             emerging as his first test.",
        );
        assert!(q.is_empty(), "{q:?}");
        // a demonstrative is a subject of its own: "this only explains why …"
        let q = quotes("But this only explains why the voters are abandoning the party.");
        assert!(
            q.iter().any(|(s, _, _)| s.starts_with("why the voters")),
            "{q:?}"
        );
    }

    #[test]
    fn a_prepositional_phrase_after_the_cue_is_where_not_what() {
        for text in [
            "A provocative headline from the editorial board reads in an article published \
             Wednesday evening.",
            "The businessman, who is chairman of the group, said in a statement provided to \
             reporters.",
        ] {
            let q = quotes(text);
            assert!(
                q.iter().all(|(s, _, _)| !s.starts_with("in ")),
                "{text}: {q:?}"
            );
        }
        // a clause after the phrase is what was said
        let q = quotes(
            "The senator said in an interview last week that she did not want to think about it.",
        );
        assert!(
            q.iter().any(|(s, _, _)| s.contains("she did not want")),
            "{q:?}"
        );
        let q = quotes(
            "The group said in a statement Thursday night they pulled the listing from the site.",
        );
        assert!(
            q.iter()
                .any(|(s, _, _)| s.contains("they pulled the listing")),
            "{q:?}"
        );
        // a phrase with "after" or "before", a programme's name after its network's
        // possessive: the content starts at "that"
        for (text, start) in [
            (
                "Sen. Jack Reed said after a lunch on Tuesday that he had not read the plan.",
                "that he had not read",
            ),
            (
                "The mayor said before the vote that the city would appeal.",
                "that the city would",
            ),
            (
                "Sanders said on ABC's \"This Week With George Stephanopoulos\" that he would look at such legislation.",
                "that he would look",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert!(q[0].0.starts_with(start), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_lower_case_earlier_or_later_opening_the_text_is_read_safely() {
        for text in [
            "later officials said it was fine.",
            "earlier he said it was fine.",
            "later said it was fine.",
        ] {
            let _ = quotes(text);
        }
        // (and a listener's count needs a number: "told the crowd of supporters that …"
        // above; "of" with no count and no plural noun right after it is a topic)
        let q = quotes("He told reporters of a plan in which the state that pays most loses.");
        assert!(q.iter().all(|x| !x.0.starts_with("that pays")), "{q:?}");
    }

    #[test]
    fn a_content_noun_after_said_is_its_clauses_subject() {
        let q = quotes("The group said the administration's promise that the cuts would pay for themselves was not supported by any model.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].0.starts_with("the administration's promise that"),
            "{q:?}"
        );
        // (after another verb the noun is the object, and the clause is what was said)
        let q = quotes("The minister repeated the government's position that the deal was final.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that the deal was final", "{q:?}");
    }

    #[test]
    fn a_rule_followed_or_no_sign_shown_is_no_report() {
        let q = quotes("The nominee said he had ruled according to the law.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he had ruled according to the law");
        assert_eq!(
            quotes("The vote went according to plan on Tuesday."),
            vec![]
        );
        assert_eq!(
            quotes("Trump, however, has shown no sign of backing down."),
            vec![]
        );
        // a source after "according to" still is one, a rule's maker too
        let q = quotes("The launch slipped again according to the schedule released by NASA.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the schedule released by NASA"));
    }

    #[test]
    fn a_subordinate_clause_with_a_report_of_its_own_ends_what_was_said() {
        let q = quotes("Democrats demanded that Price step down after a report revealed he had taken charter flights.");
        assert!(q.iter().any(|x| x.0 == "that Price step down"), "{q:?}");
        assert!(
            q.iter().any(
                |x| x.0 == "he had taken charter flights" && x.2.as_deref() == Some("a report")
            ),
            "{q:?}"
        );
        let q = quotes("Trump claimed that Obama had ordered surveillance, even as lawmakers said they had seen no evidence.");
        assert!(
            q.iter()
                .any(|x| x.0 == "that Obama had ordered surveillance"),
            "{q:?}"
        );
        assert!(
            q.iter()
                .any(|x| x.0 == "they had seen no evidence" && x.2.as_deref() == Some("lawmakers")),
            "{q:?}"
        );
        // (a pronoun's report may be the content's own subject speaking: left whole)
        let q = quotes(
            "Flynn said Trump was right when he said the generals had been reduced to rubble.",
        );
        assert!(
            q.iter()
                .any(|x| x.0.starts_with("Trump was right when he said")),
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_an_earlier_cue_took_leaves_the_next_cue_its_own_clause() {
        let q = quotes(
            "But even as Trump claimed on Tuesday that \u{201c}General Petraeus got in trouble for far less,\u{201d} one of the former prosecutors said the two cases were quite different.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[0].0,
            "that \u{201c}General Petraeus got in trouble for far less,\u{201d}"
        );
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        assert_eq!(q[1].0, "the two cases were quite different");
        assert_eq!(q[1].2.as_deref(), Some("one of the former prosecutors"));
        // (", but a former prosecutor said …": a lower-case role opens another report)
        let q = quotes("Trump claimed that \"Petraeus got in trouble for far less,\" but a former prosecutor said the two cases were different.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("a former prosecutor"));
        // the quotation untaken is still the speaker's: "“…,” she said as she turned"
        let q = quotes("Her friends call Trump a bully. \"He is an orange buffoon,\" Susan said as she turned around.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Susan"));
        // ("and three in five said": a share in words)
        let q = quotes("Two in three said they are less likely to vote, and three in five said the party was wrong.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "the party was wrong");
        assert_eq!(q[1].2.as_deref(), Some("three in five"));
    }

    #[test]
    fn in_a_relative_clause_with_its_subject_gone_what_was_said_is_the_verb_phrase() {
        for (text, content, speaker) in [
            (
                "They are focused on the drawdown of troops in Iraq, which they say left a vacuum for terrorist activity to grow.",
                "left a vacuum for terrorist activity to grow",
                "they",
            ),
            (
                "It was a deadline that several Indiana GOP insiders said went unnoticed in a handful of districts.",
                "went unnoticed in a handful of districts",
                "several Indiana GOP insiders",
            ),
            (
                "He signed a bill that Democrats say falls far short of what the epidemic demands.",
                "falls far short of what the epidemic demands",
                "Democrats",
            ),
            (
                "It was the attack, which French officials have said was planned in Syria.",
                "was planned in Syria",
                "French officials",
            ),
            // (on the sentence's subject, set off by commas: it ends at its comma)
            (
                "Her Iraq war vote, which she has repeatedly said was a mistake, was a major factor in her defeat.",
                "was a mistake",
                "she",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, content, "{text}");
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}");
        }
        // (an adjective in the subject is no verb before the clause; "and which" opens
        // a second clause)
        let q =
            quotes("The proposed bill that Democrats say falls far short was withdrawn on Monday.");
        assert!(q.iter().all(|(t, _, _)| !t.contains("withdrawn")), "{q:?}");
        let q = quotes("Critics attacked the decision, which they say undermines the court and which the governor defended on Monday.");
        assert!(
            q.iter().any(|(t, _, _)| t == "undermines the court"),
            "{q:?}"
        );
        // (a quoted fragment keeps its own span, as the seed article's gold has it)
        let q = quotes("Blinken spoke of European security, which Moscow has said must be addressed to avoid it taking “military measures”.");
        assert!(
            q.iter().any(|(t, _, _)| t == "“military measures”"),
            "{q:?}"
        );
    }

    #[test]
    fn a_name_after_a_description_of_someones_aide_is_the_speaker() {
        let text =
            "A spokesman for Mr. McConnell, Don Stewart, said the leader expected a full debate.";
        let q = quotes_naming(text, &["McConnell", "Don Stewart"]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Don Stewart"));
        // (a role of a state or body is the named person's own description)
        let text = "The US secretary of state, Antony Blinken, said the talks had failed.";
        let q = quotes_naming(text, &["Antony Blinken"]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].1.as_deref(),
            Some("The US secretary of state, Antony Blinken")
        );
    }

    #[test]
    fn according_to_after_a_comma_and_a_conjunction_opens_its_own_clause() {
        let q = quotes(
            "Trump was stuck in Indianapolis, and according to aides, he was still weighing Chris Christie.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he was still weighing Chris Christie");
        assert_eq!(q[0].2.as_deref(), Some("aides"));
    }

    #[test]
    fn an_according_to_aside_inside_the_sentence_reports_what_goes_on_after_it() {
        let q = quotes("State regulators, according to documents released last month, failed to require the treatment.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "failed to require the treatment");
        assert_eq!(q[0].2.as_deref(), Some("documents released last month"));
        let q = quotes("Notably absent from the talks, according to members who attended, was any mention of the inquiry.");
        let t: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert!(t.contains(&"was any mention of the inquiry"), "{q:?}");
        // not the writer's clause after it, nor after a clause of its own
        for text in [
            "Trump leads by 15 points in Indiana, according to the poll, and has a small lead in Ohio.",
            "The top 1 percent would see their incomes rise by 19.9 percent, according to the Tax Foundation, more than twice what it projected.",
            "The state lost the case, according to Andy Smith, director of the survey center.",
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert!(q[0].0.starts_with("T"), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_reply_to_what_was_said_ends_it_but_any_relative_clause_does_not() {
        let q = quotes("She said her proposals were strong, to which O'Malley interjected that it was not true.");
        assert_eq!(q[0].0, "her proposals were strong", "{q:?}");
        let q = quotes("He said the company remained committed to the standard, to which all of its plants must adhere.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("must adhere"), "{q:?}");
    }

    #[test]
    fn a_second_report_of_the_speakers_ends_the_first() {
        // a topic verb with its particle after "said", when what was said is about a thing
        let q = quotes("Keir Starmer said the government's approach was chaotic and called for a transitional period.");
        let t: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(t[0], "the government's approach was chaotic", "{q:?}");
        assert!(
            q.iter().all(|q| q.2.as_deref() == Some("Keir Starmer")),
            "{q:?}"
        );
        // (but not when someone in it may be the one who did it)
        let q =
            quotes("Insiders said he rated the contestants and talked about which ones he liked.");
        assert_eq!(q.len(), 1, "{q:?}");
        // a cue with its "that" after however short an object
        let q = quotes("He accused London of stalling and warned that time was running out.");
        let t: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            t,
            ["London of stalling", "that time was running out"],
            "{q:?}"
        );
    }

    #[test]
    fn a_coordinated_cue_goes_on_from_the_outer_report_not_one_inside_its_words() {
        let q = quotes(
            "Mook said in a statement that the hire showed Trump was doubling down, and argued that the candidate had handed his campaign to the alt-right.",
        );
        let argued = q
            .iter()
            .find(|(t, _, _)| t.starts_with("that the candidate"))
            .expect("the argued report");
        assert_eq!(argued.2.as_deref(), Some("Mook"), "{q:?}");
    }

    #[test]
    fn a_clause_after_the_listener_is_what_was_told_and_a_readers_question_reports_nobody() {
        let q =
            quotes("Steelworkers in Ohio told reporters they expected Trump to keep his promise.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "they expected Trump to keep his promise");
        assert_eq!(q[0].2.as_deref(), Some("Steelworkers in Ohio"));
        assert!(quotes("Do you think Obama is trying to tie his hands? Let us know.").is_empty());
        // a video is put online, and shows something: "posted" is no cue
        let q = quotes("A video posted online shows a dog with blood on its muzzle.");
        assert!(q.iter().all(|(t, _, _)| !t.starts_with("online")), "{q:?}");
        let q = quotes("A video posted online shows that the dog was hurt.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("A video"));
    }

    #[test]
    fn a_relative_clause_on_the_subject_gives_it_the_report() {
        for (text, speaker) in [
            (
                "In Manila, fishermen who had been chased away from the shoal by Chinese coast guard vessels said they hoped to return.",
                "fishermen",
            ),
            (
                "Fishermen who had been chased away from the shoal by the guard said they hoped to return.",
                "Fishermen",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}");
        }
        // an "as" phrase between the relative pronoun and its verb
        let q = quotes("Hillary Clinton, who as secretary of State once praised the agreement, now says it does not do enough.");
        assert_eq!(q[0].2.as_deref(), Some("Hillary Clinton"), "{q:?}");
        assert!(
            q.iter().all(|q| q
                .2
                .as_deref()
                .is_some_and(|p| p.starts_with("Hillary Clinton"))),
            "{q:?}"
        );
        // a body before its spokesperson is no group of people
        let q = quotes(
            "Foreign ministry spokeswoman Maria Zakharova went further, accusing NATO of lying.",
        );
        assert_eq!(
            q[0].2.as_deref(),
            Some("Foreign ministry spokeswoman Maria Zakharova"),
            "{q:?}"
        );
    }

    #[test]
    fn the_reviews_counter_examples_stay_as_they_were() {
        // a listener with a participle or a relative clause after it is no clause
        for text in [
            "The economy is weak, Barnier told a crowded news conference.",
            "The economy is weak, Barnier told reporters gathered in Brussels.",
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, "The economy is weak", "{text}");
        }
        let q = quotes("The economy is weak, Barnier told the committee that oversees trade.");
        assert!(q.iter().all(|q| !q.0.starts_with("that oversees")), "{q:?}");
        // an according-to aside before a report of its own, or before no verb
        let q = quotes("Speaking to reporters on Monday, according to a transcript, she said the plan would fail.");
        assert!(
            q.iter()
                .any(|q| q.0 == "the plan would fail" && q.2.as_deref() == Some("she")),
            "{q:?}"
        );
        let q = quotes(
            "Unemployment among young men, according to the bureau, down from 10 percent in 2009.",
        );
        assert!(q.iter().all(|q| !q.0.starts_with("down")), "{q:?}");
        // people in what was said may have done the next act themselves
        let q = quotes("Witnesses said the two officers arrived quickly and called for backup.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("called for backup"), "{q:?}");
        // after "say", a cue with its "that" is the reported subject's
        let q = quotes("He said angry voters gathered and demanded that Congress act.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "angry voters gathered and demanded that Congress act"
        );
        // a plural before a verb is no name qualifying people
        let q = quotes("Republicans blame experts for the mess, saying they ignored the warnings.");
        assert_eq!(q[0].2.as_deref(), Some("Republicans"), "{q:?}");
        // a relative pronoun after the one who asked is no question
        let q =
            quotes("The senator, asked by reporters who had gathered outside, said nothing new.");
        assert!(
            q.iter().all(|q| !q.0.starts_with("who had gathered")),
            "{q:?}"
        );
        // (the question after a time: ", when asked again whether …")
        let q = quotes(
            "Obama, when asked again whether he would withdraw the nomination, said he would not.",
        );
        assert_eq!(q[0].0, "whether he would withdraw the nomination", "{q:?}");
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn the_writers_appositive_after_a_quoted_clause_ends_what_was_said() {
        let q = quotes("His campaign predicted that \"nobody will get to 1,237,\" a reference to the number of delegates needed to win the nomination.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that \"nobody will get to 1,237,\"");
    }

    #[test]
    fn a_that_before_a_fronted_participle_goes_on_past_its_comma() {
        let q = quotes("Her confidants said it is only fitting that, having overcome so many obstacles before, she now faces the hardest one.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("she now faces the hardest one"), "{q:?}");
    }

    #[test]
    fn an_emphatic_pronoun_is_no_part_of_the_speaker() {
        let q = quotes("The chancellor herself said she saw no reason for panic.");
        assert_eq!(q[0].2.as_deref(), Some("The chancellor"), "{q:?}");
    }

    #[test]
    fn a_place_after_a_name_or_a_body_is_no_part_of_the_speaker() {
        for (text, place, speaker) in [
            ("Trump in Iowa said that the plan was bad.", "Iowa", "Trump"),
            (
                "The embassy in Moscow said that the ruling was void.",
                "Moscow",
                "The embassy",
            ),
            (
                "The court in The Hague found that China had violated the rights.",
                "The Hague",
                "The court",
            ),
            // (people somewhere keep where they are)
            (
                "Officials in Moscow said that the ruling was void.",
                "Moscow",
                "Officials in Moscow",
            ),
        ] {
            let doc = segment(text);
            let at = text.find(place).unwrap();
            let ents = [Mention {
                span: Span::new(at, at + place.len()),
                label: EntityLabel::Loc,
                actor: None,
            }];
            let q = find_quotes(text, &doc, &ents);
            let sp = match q.first().and_then(|q| q.speaker) {
                Some(SpeakerSlot::Phrase(s)) => s.text(text),
                _ => "",
            };
            assert_eq!(sp, speaker, "{text}");
        }
    }

    #[test]
    fn the_speaker_is_the_noun_phrase_an_aside_or_a_place_hangs_on() {
        for (text, speaker) in [
            (
                "Several moderate Republicans switched their votes. Dale Hoskins, one of them, said the money was enough.",
                "Dale Hoskins",
            ),
            (
                "Farmers in Iowa, where pork exports are a pillar of the economy, said they worried about retaliation.",
                "Farmers in Iowa",
            ),
            (
                "Mr. Lee, whose company lost the contract, said the process was unfair.",
                "Mr. Lee",
            ),
            (
                "Democrats on Capitol Hill said the plan was dead.",
                "Democrats on Capitol Hill",
            ),
            (
                "Republicans on the committee said the plan was dead.",
                "Republicans on the committee",
            ),
            (
                "Aides to Mitch McConnell, the majority leader, said a working group would meet.",
                "Aides to Mitch McConnell, the majority leader",
            ),
            (
                "Voters, four of them from Ohio, said the plan was unfair.",
                "Voters",
            ),
            (
                "Kasich (who has 25 delegates to date) said it is possible for him to win.",
                "Kasich",
            ),
            (
                "Several people I've spoken with said Hannity had peppered Trump with suggestions.",
                "Several people I've spoken with",
            ),
            (
                "Everyone I talked to says the plan was unfair.",
                "Everyone I talked to",
            ),
            (
                "Aides in both parties believe none of the measures can pass.",
                "Aides in both parties",
            ),
            (
                "The river rose, and forecasters said the rivers would reach record levels.",
                "forecasters",
            ),
            (
                "Senators back the change, and all but two said the party should act.",
                "all but two",
            ),
            (
                "Most voters back the ban, but majorities in all five say they want immigrants to stay.",
                "majorities in all five",
            ),
            (
                "Critics grumbled that Pence had caved on the law.",
                "Critics",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_cue_inside_an_aside_between_dashes_reports_up_to_the_closing_dash() {
        let q = quotes("Marco Rubio spoke on Monday. But after his display - in which he seemed to confirm, before millions of viewers, the most pointed critiques of his candidacy - the question was how much he had lost.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0, "the most pointed critiques of his candidacy",
            "{q:?}"
        );
        // (and the dash is no part of the speaker's name)
        let q = quotes("The senator - who said the bill would pass easily - left the room early.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the bill would pass easily", "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("The senator"), "{q:?}");
        let q =
            quotes("The speech – in which Obama warned that the deal would collapse – was short.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that the deal would collapse", "{q:?}");
        // a dateline's dash opens no aside
        let q = quotes("WASHINGTON — The senator said the bill would pass — and soon.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("the bill would pass"), "{q:?}");
    }

    #[test]
    fn a_reply_reports_a_that_clause_or_a_participle_not_its_manner() {
        for text in [
            "The debate went differently, and he responded as if he had been deeply hurt.",
            "While Trump laid out his vision, the crowd reacted much the way they did at his \
             rallies.",
        ] {
            let q = quotes(text);
            assert!(q.is_empty(), "{text}: {q:?}");
        }
        let q = quotes("The campaign responded that it had expanded into larger quarters.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "that it had expanded into larger quarters"),
            "{q:?}"
        );
    }

    #[test]
    fn maintain_with_a_noun_phrase_keeps_something_up() {
        let q = quotes(
            "Though Clinton maintains a large pledged delegate lead over Sanders, he stays in.",
        );
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("She has long maintained that she complied with the agency rules.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "that she complied with the agency rules"),
            "{q:?}"
        );
        // a clause whose "that" was left out is still a claim
        let q = quotes("Officials maintained the program was legal under state law.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "the program was legal under state law"),
            "{q:?}"
        );
        let q = quotes("Sanders maintained the enthusiasm of followers who were new to politics.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_subject_after_a_place_or_time_phrase_opens_a_clause() {
        // ("said in a statement provided to POLITICO" is no report; with a subject and a
        // verb after it, it is)
        let q = quotes("The company said in a statement it would appeal the ruling.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s.ends_with("it would appeal the ruling")),
            "{q:?}"
        );
    }

    #[test]
    fn a_reply_with_its_own_subject_reports_it() {
        let q = quotes("Asked about the polls, the governor responded he was not worried.");
        assert!(q.iter().any(|(s, _, _)| s == "he was not worried"), "{q:?}");
        let q = quotes("The governor responded to the attack within an hour.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn an_acronym_the_tagger_named_is_no_function_word() {
        let text = "The WHO said the virus was spreading.";
        let doc = segment(text);
        let who = Mention {
            span: Span::new(4, 7),
            label: EntityLabel::Org,
            actor: None,
        };
        let speaker_of = |ents: &[Mention]| {
            find_quotes(text, &doc, ents)
                .into_iter()
                .find(|q| q.span.text(text) == "the virus was spreading")
                .and_then(|q| match q.speaker {
                    Some(SpeakerSlot::Phrase(sp)) => Some(sp.text(text).to_string()),
                    _ => None,
                })
        };
        assert_eq!(
            speaker_of(std::slice::from_ref(&who)).as_deref(),
            Some("The WHO")
        );
        // (unnamed by the tagger, it is the relative pronoun)
        assert_ne!(speaker_of(&[]).as_deref(), Some("The WHO"));
        // a line in capitals keeps reading "WHO" as a word
        let caps = "WHO IS TO BLAME";
        let doc2 = segment(caps);
        let lower = lower_keeping_acronyms(
            caps,
            &doc2,
            &[Mention {
                span: Span::new(0, 3),
                ..who
            }],
        );
        assert_eq!(lower, "who is to blame");
    }

    #[test]
    fn a_cue_word_before_a_verb_of_saying_is_its_subject() {
        for (text, content) in [
            (
                "The annual report said the outbreak had peaked.",
                "the outbreak had peaked",
            ),
            (
                "A Pentagon statement says the war has ended.",
                "the war has ended",
            ),
            (
                "A 2014 committee report found no evidence of a stand-down order.",
                "no evidence of a stand-down order",
            ),
        ] {
            let q = quotes(text);
            assert!(q.iter().any(|(t, _, _)| t == content), "{text}: {q:?}");
            assert!(
                q.iter().all(|(t, _, _)| !t.starts_with("said")
                    && !t.starts_with("says")
                    && !t.starts_with("found")),
                "{text}: {q:?}"
            );
        }
        // a verb before a noun of the same shape still reports
        let q = quotes("Bruch said states like California will clarify the situation first.");
        assert!(
            q.iter()
                .any(|(t, _, _)| t == "states like California will clarify the situation first"),
            "{q:?}"
        );
    }

    #[test]
    fn a_bulleted_name_and_its_description_introduce_a_quote() {
        let q = quotes(
            "Here is what they said:\n\n- Hannah Oyelaran, Save the Valley campaign: \"We will \
             see the government in court.\"\n\n• Peter Dunn, Rivermouth District Council: \"We \
             will hold ministers to that promise.\"\n\nMalik Farooq, farmer in Lower Esk: \"My \
             family has farmed here since 1820.\"",
        );
        for (start, who) in [
            ("\"We will see", "Hannah Oyelaran"),
            ("\"We will hold", "Peter Dunn"),
            ("\"My family", "Malik Farooq"),
        ] {
            assert!(
                q.iter()
                    .any(|(t, _, sp)| t.starts_with(start) && sp.as_deref() == Some(who)),
                "{start}: {q:?}"
            );
        }
        // a clause with its own verb before the colon keeps its subject
        let q = quotes(
            "Later, the mayor, who had arrived late, added: \"We will rebuild the bridge.\"",
        );
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("the mayor")),
            "{q:?}"
        );
    }

    /// `text`'s quotes with the people the tagger would find, given as names.
    fn quotes_naming(text: &str, people: &[&str]) -> Vec<(String, Option<String>)> {
        let doc = segment(text);
        let mut ents: Vec<Mention> = people
            .iter()
            .flat_map(|p| {
                text.match_indices(p)
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(move |i| (i, p.len()))
            })
            .map(|(i, n)| person(Span::new(i, i + n)))
            .collect();
        ents.sort_by_key(|m| m.span.start);
        find_quotes(text, &doc, &ents)
            .into_iter()
            .map(|q| {
                let sp = match q.speaker {
                    Some(SpeakerSlot::Phrase(s)) => Some(s.text(text).to_string()),
                    _ => None,
                };
                (q.span.text(text).to_string(), sp)
            })
            .collect()
    }

    #[test]
    fn a_transcript_label_in_capitals_is_a_named_persons_surname() {
        let text = "Health Minister Daniel Okoro took questions.\n\nREPORTER: Why should anyone \
                    believe it will fall now?\n\nOKORO: Because for the first time we have the \
                    beds in place.";
        let q = quotes_naming(text, &["Daniel Okoro"]);
        assert!(
            q.iter()
                .any(|(t, sp)| t.starts_with("Because for the first time")
                    && sp.as_deref() == Some("OKORO")),
            "{q:?}"
        );
        // a label nobody in the article is named by is a rubric
        let q = quotes_naming(
            text.replace("Okoro took", "Ade took").as_str(),
            &["Daniel Ade"],
        );
        assert!(q.iter().all(|(t, _)| !t.starts_with("Because")), "{q:?}");
    }

    #[test]
    fn an_interviews_answers_are_the_guests() {
        let text = "Lena Marsh is an architect. We spoke to Marsh in her studio.\n\nQ: Why did \
                    you move?\n\nA: Because a single building cannot fix a street.\n\nQ: And \
                    now?\n\nA: Now we plant trees.";
        let q = quotes_naming(text, &["Lena Marsh", "Marsh"]);
        for answer in [
            "Because a single building cannot fix a street",
            "Now we plant trees",
        ] {
            assert!(
                q.iter()
                    .any(|(t, sp)| t == answer && sp.as_deref() == Some("Lena Marsh")),
                "{answer}: {q:?}"
            );
        }
        // questions are the interviewer's, and an "A:" with no question before is no answer
        assert!(q.iter().all(|(t, _)| !t.starts_with("Why did")), "{q:?}");
        let q = quotes_naming(
            "Lena Marsh is an architect.\n\nA: Because it rained on Monday.",
            &["Lena Marsh"],
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_few_words_with_no_verb_under_a_name_are_a_heading() {
        let text = "Cruz: Just hang on.\n\nClinton: I support statehood.";
        let doc = segment(text);
        let ents = [person(Span::new(0, 4)), person(Span::new(21, 28))];
        let found: Vec<&str> = find_quotes(text, &doc, &ents)
            .into_iter()
            .map(|q| q.span.text(text))
            .collect();
        assert!(!found.contains(&"Just hang on"), "{found:?}");
        assert!(found.contains(&"I support statehood"), "{found:?}");
    }

    #[test]
    fn a_subject_and_its_past_tense_verb_are_enough_to_report() {
        for (text, content) in [
            ("Acme Corp said profits rose.", "profits rose"),
            ("The minister said prices fell.", "prices fell"),
            ("She said it worked.", "it worked"),
        ] {
            let q = quotes(text);
            assert!(q.iter().any(|(t, _, _)| t == content), "{text}: {q:?}");
        }
        for text in ["She said last week.", "He said Monday."] {
            let q = quotes(text);
            assert!(q.is_empty(), "{text}: {q:?}");
        }
        // (a pro-form is what was said: see a_pro_form_said_is_what_was_said)
        let q = quotes("They said so again.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "so");
    }

    #[test]
    fn the_writers_own_asides_report_nobody() {
        for text in [
            "It is worth noting that the council never consulted residents.",
            "It goes without saying that the plan will cost more.",
            "It should be noted that the figures were revised.",
            "Needless to say, the plan will cost more.",
        ] {
            let q = quotes(text);
            assert!(q.is_empty(), "{text}: {q:?}");
        }
        // the report after the aside is still one
        let q = quotes("Having said that, the mayor insisted the plan was sound.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the plan was sound");
    }

    #[test]
    fn a_cue_sentence_after_an_exclamation_may_say_when_and_where() {
        for text in [
            "\"We will be back, bigger than ever!\" Trump tweeted shortly after 6 a.m.",
            "\"We are back!\" Trump said from the stage in Tulsa.",
            "\"Not guilty!\" the crowd shouted outside the courthouse.",
        ] {
            let q = quotes(text);
            assert!(
                q.iter().any(|(t, k, sp)| *k == QuoteKind::Direct
                    && t.starts_with('"')
                    && sp.is_some()),
                "{text}: {q:?}"
            );
        }
    }

    #[test]
    fn a_description_then_the_name_it_describes_is_that_person() {
        let text = "The freeze did not reduce pay, according to the city's finance director, \
                    Laura Ming.\n\nA nurse, Keisha Grant, stood up and said the freeze hurt.\n\n\
                    Haskett's deputy, Andrea Voigt, stood up and said the senator was wrong.";
        let q = quotes_naming(text, &["Laura Ming", "Keisha Grant", "Andrea Voigt"]);
        for who in ["Laura Ming", "Keisha Grant", "Andrea Voigt"] {
            assert!(
                q.iter().any(|(_, sp)| sp.as_deref() == Some(who)),
                "{who}: {q:?}"
            );
        }
        // a description followed by more than a name keeps the description
        let q = quotes("The freeze did not reduce pay, according to the finance director, who spoke on Monday.");
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("the finance director")),
            "{q:?}"
        );
    }

    #[test]
    fn a_relative_clause_ending_in_a_works_title_is_no_speaker() {
        let q = quotes_naming(
            "Senator Joan Hartwell, who wrote the memoir “Line in the Sand,” dismissed the proposal as unworkable.",
            &["Joan Hartwell", "Line"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].1
                .as_deref()
                .is_some_and(|s| s.contains("Joan Hartwell") && !s.contains("Line")),
            "{q:?}"
        );
        let q = quotes_naming(
            "Joan Hartwell, who wrote the memoir “Pure Grit,” said the proposal was unworkable.",
            &["Joan Hartwell"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the proposal was unworkable");
        assert_eq!(q[0].1.as_deref(), Some("Joan Hartwell"));
        // (the subject of an object's relative clause is its own speaker: "who Beck called")
        let q = quotes_naming(
            "Much of his ire was directed at Bannon, who Beck on Wednesday called “a horrible, despicable human being.”",
            &["Bannon", "Beck"],
        );
        assert!(
            q.iter().all(|(_, s)| s.as_deref() != Some("Bannon")),
            "{q:?}"
        );
    }

    #[test]
    fn an_aside_giving_a_name_ends_before_its_participle() {
        let q = quotes("The senator, nicknamed “the Hammer,” said the bill would pass by Friday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the bill would pass by Friday");
        assert_eq!(q[0].2.as_deref(), Some("The senator"));
        let q = quotes("Ms. Ruiz, known as “La Jefa,” told reporters the strike was over.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Ms. Ruiz"));
    }

    #[test]
    fn the_participle_dating_a_document_is_no_part_of_its_name() {
        for (text, speaker) in [
            (
                "A Gallup poll released on Monday found that most voters back the plan.",
                "A Gallup poll",
            ),
            (
                "A report published last week said the program had failed.",
                "A report",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{q:?}");
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}");
        }
    }

    #[test]
    fn an_aside_on_the_subject_of_a_bare_clause_is_inside_it() {
        for (text, said) in [
            (
                "The company said the savings from the policy, estimated at £1.4bn, were small.",
                "the savings from the policy, estimated at £1.4bn, were small",
            ),
            (
                "The company said the plan, a bipartisan effort, would fail.",
                "the plan, a bipartisan effort, would fail",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{q:?}");
            assert_eq!(q[0].0, said);
        }
        // (another report after the comma still ends it)
        let q = quotes("The company said the savings were small, said Smith, the analyst.");
        assert!(q.iter().all(|(t, _, _)| !t.contains("said Smith")), "{q:?}");
    }

    #[test]
    fn a_noun_with_its_own_verb_after_warned_is_what_was_said() {
        let q = quotes("Critics warned the plan would fail.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the plan would fail");
        // (a listener is still one: "warned the minister that …", "told the crowd the
        // economy is strong")
        let q = quotes("Critics warned the minister that the plan would fail.");
        assert_eq!(q[0].0, "that the plan would fail");
        let q = quotes("He told the crowd the economy is strong.");
        assert_eq!(q[0].0, "the economy is strong");
    }

    #[test]
    fn the_name_after_is_or_include_has_the_appositive_and_the_relative_clause() {
        for text in [
            "Among the rebels is Helen Marsh, the MP for Stroud, who said she could not support the bill.",
            "The rebels include Helen Marsh, a Labour MP, who said she could not support the bill.",
        ] {
            let q = quotes_naming(text, &["Helen Marsh"]);
            assert_eq!(q.len(), 1, "{q:?}");
            assert!(q[0].1.as_deref().is_some_and(|s| s.starts_with("Helen Marsh")), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_participle_in_an_aside_on_the_subject_is_no_cue() {
        let q = quotes("The research, led by scientists in Denmark and published in the journal Nature, followed participants for seven years.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("The study, published in Nature, found that walking helps.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that walking helps");
    }

    #[test]
    fn a_transcript_line_in_marks_names_its_speaker_in_capitals() {
        let q = quotes("Partial transcript as follows:\n\n“PENCE: Well, the question really should be why her campaign invited him to the debate.\n\n“WALLACE: Do you really see those two as equivalent, Mark Cuban and Gennifer Flowers?”");
        let speakers: Vec<_> = q.iter().map(|x| x.2.as_deref()).collect();
        assert_eq!(speakers, [Some("PENCE"), Some("WALLACE")], "{q:?}");
        // (a rubric names nobody)
        let q = quotes("Clinton spoke on Monday.\n\n“VIDEO: Hillary and Obama and Panetta and Biden all told me it was the video.”");
        assert!(q.iter().all(|x| x.2.as_deref() != Some("VIDEO")), "{q:?}");
    }

    #[test]
    fn a_descriptor_before_the_and_a_name_is_no_part_of_the_speaker() {
        let q = quotes("Industry group the World Shipping Council warned last month that diversions could add 10 days to a voyage.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the World Shipping Council"));
        // (a preposition's object is: "A spokesman for the Jupiter Police Department")
        let q =
            quotes("A spokesman for the Jupiter Police Department said the officer was not hurt.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("A spokesman for the Jupiter Police Department")
        );
    }

    #[test]
    fn a_request_coordinated_with_a_cue_has_its_speaker() {
        let q = quotes("The Rovers Trust said in a statement that fans were angry and urged the board to back the manager.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "that fans were angry");
        assert_eq!(q[1].0, "the board to back the manager");
        assert_eq!(q[1].2.as_deref(), Some("The Rovers Trust"));
    }

    #[test]
    fn review_counterexamples_keep_their_old_readings() {
        // a transcript label needs a quote no cue claimed, opening its paragraph
        for (text, speaker) in [
            ("“ALERT: Flooding is expected across the region,” the National Weather Service said.", "the National Weather Service"),
            ("Trump later added: “NATO: Pay up!”", "Trump"),
        ] {
            let q = quotes(text);
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}: {q:?}");
        }
        // an antecedent with a clause of its own subject and verb is the speaker
        let q = quotes("The FBI director who Trump fired said the president had lied.");
        assert_eq!(q[0].2.as_deref(), Some("The FBI director"), "{q:?}");
        // "is" before a name with no relative clause after it keeps the quote
        let q = quotes("The problem is Congress, the senator said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "The problem is Congress");
        // a descriptor before "the" only before a whole name
        let q = quotes("Every charity the BBC contacted said demand had risen.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Every charity the BBC contacted"),
            "{q:?}"
        );
        // a publishing verb after an appositive is the main verb
        let q =
            quotes("Omar, a freshman Democrat, posted on Twitter that she would not apologize.");
        assert_eq!(q.len(), 1, "{q:?}");
        // a clause that ends in its own cue is no aside
        let q = quotes("Smith said yes, the aide added.");
        assert!(
            q.iter().all(|(t, _, _)| !t.contains("the aide added")),
            "{q:?}"
        );
        // "told" keeps its listener
        let q = quotes("She told the jury prosecutors had lied.");
        assert!(
            q.iter().all(|(t, _, _)| !t.starts_with("the jury")),
            "{q:?}"
        );
    }

    #[test]
    fn a_works_title_before_the_cue_is_part_of_the_subject() {
        let q = quotes_naming(
            "Dale Hartwell, the author of “Line in the Sand,” said the bill would fail.",
            &["Dale Hartwell"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the bill would fail");
        assert!(
            q[0].1
                .as_deref()
                .is_some_and(|s| s.starts_with("Dale Hartwell")),
            "{q:?}"
        );
        // (a quotation before an inverted cue is still what was said)
        let q = quotes("“The bill will fail,” said Dale Hartwell, the author.");
        assert_eq!(q[0].0, "“The bill will fail,”");
        assert_eq!(q[0].2.as_deref(), Some("Dale Hartwell, the author"));
    }

    #[test]
    fn a_participles_aside_may_end_inside_its_closing_mark() {
        let q = quotes_naming(
            "Mr. Manafort, citing “the unique magic of Trump,” said the candidate could win Pennsylvania.",
            &["Manafort"],
        );
        assert!(
            q.iter()
                .any(|(t, sp)| t == "the candidate could win Pennsylvania"
                    && sp.as_deref() == Some("Mr. Manafort")),
            "{q:?}"
        );
    }

    #[test]
    fn a_time_phrase_with_no_comma_before_the_subject_is_no_part_of_it() {
        for (text, who) in [
            (
                "Last year the mayor said the budget was a fantasy.",
                "the mayor",
            ),
            ("In March the mayor said the budget was fine.", "the mayor"),
            ("This week Smith said the budget was fine.", "Smith"),
            (
                "The Monday Night Football host said the game was fine.",
                "The Monday Night Football host",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q[0].2.as_deref(), Some(who), "{text}");
        }
        let q = quotes(
            "Around 30 Labour MPs have signed a letter urging the chancellor to reconsider.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Around 30 Labour MPs"), "{q:?}");
        let q = quotes_naming(
            "April Mellody said the team would help.",
            &["April Mellody"],
        );
        assert_eq!(q[0].1.as_deref(), Some("April Mellody"));
    }

    #[test]
    fn a_report_in_a_relative_clause_ends_where_the_main_verb_comes_back() {
        for (text, said) in [
            ("Donald Trump, who has falsely claimed that the 2020 election was stolen, praised the law in a post.", "that the 2020 election was stolen"),
            ("The mayor, who said last week that the budget was balanced, resigned on Monday.", "that the budget was balanced"),
            ("The Fed, which entered the year predicting that it would raise rates four times, has yet to move again.", "that it would raise rates four times"),
        ] {
            let q = quotes(text);
            assert_eq!(q[0].0, said, "{text}");
        }
        // (an aside on the reported clause's own subject ends nothing)
        let q = quotes(
            "Smith, who argued that Gov. Padilla, who must decide, has revealed nothing, left.",
        );
        assert!(q[0].0.ends_with("has revealed nothing"), "{q:?}");
    }

    #[test]
    fn the_accused_and_an_according_to_phrase_report_nothing() {
        for text in [
            "Ministers have been accused of covering up the scale of bonuses.",
            "Ministers were accused of covering up the scale of bonuses.",
        ] {
            assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
        }
        let q = quotes("According to documents seen by the Guardian, a draft was completed in November but never published.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("documents seen by the Guardian"));
        // (the accuser's object with "of" still reports)
        let q = quotes("China on Wednesday accused the United States of “bullying”.");
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_dateline_is_no_part_of_what_was_said() {
        for text in [
            "MOSCOW, March 12 (Reuters) - Russia will respond firmly to the expulsions, the Foreign Ministry said on Wednesday.",
            "ATLANTA (AP) — Russia will respond firmly to the expulsions, the Foreign Ministry said on Wednesday.",
        ] {
            let q = quotes(text);
            assert_eq!(q[0].0, "Russia will respond firmly to the expulsions", "{text}");
        }
        // (nor a capitalised subject with a dash aside, nor the start of a time stamp)
        let q = quotes(
            "U.S. troops — about 2,000 of them — will leave Syria by spring, officials said.",
        );
        assert!(q[0].0.starts_with("U.S. troops"), "{q:?}");
        let q = quotes(
            "The witness, who said the gunman shouted, fired twice and fled on foot, was not hurt.",
        );
        assert_eq!(
            q[0].0, "the gunman shouted, fired twice and fled on foot",
            "{q:?}"
        );
        // (a capitalised sentence opening with no dash is all said)
        let q = quotes("NATO will respond firmly to the expulsions, the ministry said.");
        assert_eq!(q[0].0, "NATO will respond firmly to the expulsions");
    }

    #[test]
    fn a_surname_in_ly_is_no_adverb() {
        for (text, who) in [
            (
                "Waverly told Fox News on Sunday that the president needs to negotiate.",
                "Waverly",
            ),
            ("Beverly said the plan was good.", "Beverly"),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(who), "{text}");
        }
        let q = quotes_naming(
            "Mrs. Schlafly said she considered it an attempt to embarrass her.",
            &["Schlafly"],
        );
        assert_eq!(q[0].1.as_deref(), Some("Mrs. Schlafly"), "{q:?}");
        // a surname that is also a modal or a month ends the name, not the verb phrase
        let q = quotes_naming(
            "British Prime Minister Theresa May said the country would leave.",
            &["Theresa May"],
        );
        assert_eq!(
            q[0].1.as_deref(),
            Some("British Prime Minister Theresa May"),
            "{q:?}"
        );
        // (but a month alone is still a time: "The agency in May said")
        let q = quotes_naming("The agency in May said the plan was a disaster.", &[]);
        assert_eq!(q[0].1.as_deref(), Some("The agency"), "{q:?}");
        // (an adverb before the verb is still no subject)
        let q = quotes("He repeatedly said the plan was good.");
        assert_eq!(q[0].2.as_deref(), Some("He"), "{q:?}");
    }

    #[test]
    fn when_or_where_after_a_name_before_a_colon_is_no_speaker() {
        let q = quotes("Trump on Tuesday: “We will win the border fight.”");
        assert_eq!(q[0].2.as_deref(), Some("Trump"), "{q:?}");
        // (a name alone before the colon stays)
        let q = quotes("Philip Bump: “The numbers do not add up.”");
        assert_eq!(q[0].2.as_deref(), Some("Philip Bump"), "{q:?}");
    }

    #[test]
    fn who_is_close_to_someone_speaks_not_that_someone() {
        for (text, who) in [
            (
                "One person close to Falk said he had no plans to resign.",
                "One person close to Falk",
            ),
            (
                "People familiar with Falk's thinking said he would stay.",
                "People familiar with Falk's thinking",
            ),
            (
                "An ally of Gordon Falk said, “He is not going anywhere.”",
                "An ally of Gordon Falk",
            ),
        ] {
            let q = quotes_naming(text, &["Falk", "Gordon Falk"]);
            assert_eq!(q.len(), 1, "{q:?}");
            assert_eq!(q[0].1.as_deref(), Some(who), "{text}");
        }
    }

    #[test]
    fn a_nickname_in_a_name_is_no_quote() {
        // (the entity rules put the nickname inside the person's name)
        let text = "Former CIA operative John “Tig” Tiegen said he found both issues troubling.";
        let q = quotes_naming(text, &["John “Tig” Tiegen"]);
        assert_eq!(
            q,
            [(
                "he found both issues troubling".to_owned(),
                Some("Former CIA operative John “Tig” Tiegen".to_owned())
            )]
        );
        // (the name before an appositive keeps its nickname)
        let text = "John “Tig” Tiegen, the contractor, said he found both issues troubling.";
        let q = quotes_naming(text, &["John “Tig” Tiegen"]);
        assert_eq!(
            q,
            [(
                "he found both issues troubling".to_owned(),
                Some("John “Tig” Tiegen, the contractor".to_owned())
            )]
        );
        // without the name around them the marks hold a quote
        let q = quotes("Former CIA operative Tiegen called it “troubling” on Monday.");
        assert!(q.iter().any(|(t, _, _)| t.contains("“troubling”")), "{q:?}");
    }

    #[test]
    fn a_quotation_after_its_cue_ends_before_an_adverbial_clause() {
        let q = quotes("She repeatedly says, \"Don't you do it,\" until gunshots are heard.");
        assert_eq!(q[0].0, "\"Don't you do it,\"");
        assert_eq!(q[0].1, QuoteKind::Direct);
        // (a reason after "because" may hold more of the quotation: it runs on)
        let q = quotes(
            "Trump says “the game has become screwed up” because “football has become soft.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_name_given_in_a_free_relative_is_the_quotation_alone() {
        let q = quotes(
            "His emphasis on what multiple lawmakers called “fraud” led senators to question him.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“fraud”");
        assert_eq!(q[0].2.as_deref(), Some("multiple lawmakers"));
        // ("called the judge a “hater” who …" still runs to the end of its clause)
        let q = quotes("Trump called the judge a “hater” who had railroaded him.");
        assert!(q[0].0.ends_with("railroaded him"), "{q:?}");
    }

    #[test]
    fn an_adverb_after_a_possessive_makes_a_cue_word_an_adjective() {
        let q = quotes(
            "His surrogates called him “a genius” for his recently revealed tax strategies.",
        );
        assert!(q[0].0.ends_with("revealed tax strategies"), "{q:?}");
        // (a verb of its own after the name given still ends it)
        let q = quotes("His surrogates called him “a genius” and revealed their plans.");
        assert!(q[0].0.ends_with("“a genius”"), "{q:?}");
    }

    #[test]
    fn a_paragraph_after_a_cue_and_a_colon_is_a_block_quote() {
        let q = quotes(
            "Perry did not hold back. In a speech last July, he said:\n\nLet no one be \
             mistaken, his candidacy is a cancer on conservatism.\n\nThe crowd cheered.",
        );
        assert!(
            q.iter()
                .any(|(t, _, sp)| t.starts_with("Let no one be mistaken")
                    && t.ends_with("conservatism")
                    && sp.as_deref() == Some("he")),
            "{q:?}"
        );
        // a noun of saying, or a "that" before the colon, introduces no block
        for text in [
            "Read his remarks:\n\nWe will never give up on the people of this great state.",
            "He said in a statement that:\n\nThe poll has a margin of error of 3 points.",
        ] {
            let q = quotes(text);
            assert!(q.is_empty(), "{text}: {q:?}");
        }
    }

    #[test]
    fn a_quantity_before_the_subjects_noun_is_part_of_it() {
        let q = quotes("Several hundred protesters gathered outside, chanting \"Lock him up!\"");
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("Several hundred protesters")),
            "{q:?}"
        );
        let q = quotes("In August, several environmental groups granted an extension, saying his capital was too small.");
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("several environmental groups")),
            "{q:?}"
        );
    }

    #[test]
    fn according_to_at_the_very_end_reads_no_further() {
        // (the description-then-name look-ahead once indexed past the last token)
        for text in [
            "NATO” He according to é",
            "It fell, according to the",
            "It fell, according to",
        ] {
            let _ = quotes(text);
        }
    }

    #[test]
    fn the_new_rules_stay_in_their_place() {
        // (a review's counter-examples, one per rule)
        let none_by = |text: &str, who: &str| {
            let q = quotes(text);
            assert!(
                q.iter().all(|(_, _, sp)| sp.as_deref() != Some(who)),
                "{text}: {q:?}"
            );
        };
        none_by(
            "However, the message is clear: \"We will not back down.\"",
            "However",
        );
        none_by(
            "It took years for officials to admit that the water was unsafe.",
            "It",
        );
        none_by(
            "The vote came as the president prepared to announce that troops would leave.",
            "The vote",
        );
        for (text, content) in [
            (
                "Having said that the plan was unworkable, Jones voted against it.",
                "the plan was unworkable",
            ),
            (
                "Doctors warn added sugar raises the risk of diabetes.",
                "added sugar raises the risk of diabetes",
            ),
        ] {
            let q = quotes(text);
            assert!(
                q.iter().any(|(t, _, _)| t.contains(content)),
                "{text}: {q:?}"
            );
        }
        let q = quotes("She said as planned.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("He told the truth he had hidden for years.");
        assert!(q.iter().all(|(t, _, _)| !t.starts_with("he had")), "{q:?}");
    }

    #[test]
    fn an_occasion_taken_to_speak_keeps_its_subject() {
        for (text, who) in [
            (
                "Trump took to Twitter overnight to say the vote was rigged.",
                "Trump",
            ),
            (
                "Trump went to Ohio on Monday to warn that the vote was rigged.",
                "Trump",
            ),
            (
                "The senator used a speech to argue that the bill was flawed.",
                "The senator",
            ),
        ] {
            let q = quotes(text);
            assert!(
                q.iter().any(|(_, _, sp)| sp.as_deref() == Some(who)),
                "{text}: {q:?}"
            );
        }
    }

    #[test]
    fn any_noun_after_the_listeners_determiner_is_the_listener() {
        for (text, content) in [
            (
                "Prosecutor Ian Reeve told the court the money had been moved.",
                "the money had been moved",
            ),
            (
                "The judge told the defendant he had shown no remorse.",
                "he had shown no remorse",
            ),
            (
                "Ryan told a news conference they are planting the seeds.",
                "they are planting the seeds",
            ),
        ] {
            let q = quotes(text);
            assert!(q.iter().any(|(t, _, _)| t == content), "{text}: {q:?}");
        }
        // a story told is no listener
        let q = quotes("He told the story of an older supporter who was holding a sign.");
        assert!(
            q.iter().all(|(t, _, _)| !t.starts_with("an older")),
            "{q:?}"
        );
    }

    #[test]
    fn a_second_determiner_after_the_listener_opens_what_was_told() {
        let q = quotes("Clinton told the crowd the economy is strong.");
        assert!(
            q.iter().any(|(s, _, _)| s == "the economy is strong"),
            "{q:?}"
        );
        let q = quotes("Podesta told the AP his firm worked closely with the nonprofit.");
        assert!(
            q.iter()
                .any(|(s, _, _)| s == "his firm worked closely with the nonprofit"),
            "{q:?}"
        );
    }

    #[test]
    fn a_cue_noun_after_its_article_is_what_the_subject_gave() {
        let q = quotes(
            "Sanders delivered a snappy retort: “No one is tearing this up. We're going to go \
             forward.”",
        );
        assert!(
            q.iter().any(|(_, _, sp)| sp.as_deref() == Some("Sanders")),
            "{q:?}"
        );
        // a verb after its subject's article keeps its subject
        let q = quotes("Many economists say the effect could ripple through the system.");
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("Many economists")),
            "{q:?}"
        );
    }

    #[test]
    fn a_colon_introducer_takes_the_subject_of_its_own_clause() {
        let q = quotes(
            "That is, when the CNBC moderators yielded to the temptation of snark, Cruz called \
             them on it:\n\n“The questions asked in this debate illustrate why the American \
             people don’t trust the media.”",
        );
        assert!(
            q.iter().any(|(_, _, sp)| sp.as_deref() == Some("Cruz")),
            "{q:?}"
        );
        // a capitalised word before a noun is no subject: the sentence's subject stays
        let q = quotes(
            "In response to the loss of life, Republican presidential nominee Donald Trump \
             issued the following statement:\n\n“Our prayers are with all those affected by \
             the horrible attacks.”",
        );
        assert!(
            q.iter()
                .all(|(_, _, sp)| sp.as_deref() != Some("Republican")),
            "{q:?}"
        );
    }

    #[test]
    fn a_dash_and_a_name_after_a_quote_on_its_line_sign_it() {
        let q = quotes(
            "Voters had their say.\n\n“Donald Trump scares me. Hearing him talk makes me \
             fearful.” ― Krystal Correa\n“He can’t even answer a question.”\u{a0}― Esther Tapia.\n\
             “Maybe we can build a wall around him.” — Steve Quinlan, Phoenix\n",
        );
        for (start, who) in [
            ("“Donald", "Krystal Correa"),
            ("“He can’t", "Esther Tapia"),
            ("“Maybe", "Steve Quinlan"),
        ] {
            assert!(
                q.iter()
                    .any(|(t, _, sp)| t.starts_with(start) && sp.as_deref() == Some(who)),
                "{start}: {q:?}"
            );
        }
        // prose after the dash, or a quote that does not open its line, signs nothing
        let q = quotes(
            "Voters had their say.\n\n“We will not give up this fight.” — Lee Park Rally \
             Organisers Said So on every banner.\nThey marched on. “Not one step back.” — Ann Lee\n",
        );
        assert!(
            q.iter()
                .all(|(_, _, sp)| sp.as_deref().is_none_or(|s| !s.contains("Lee"))),
            "{q:?}"
        );
    }

    #[test]
    fn a_signature_line_under_a_quote_names_its_speaker() {
        let q = quotes(
            "Sanders overstated his record, the fact-checkers found.\n\n\"The idea that I would \
             dismantle health care is just not accurate.\"\n\n- Sanders.\n\nHe did not help.",
        );
        assert!(
            q.iter()
                .any(|(t, _, sp)| t.starts_with("\"The idea") && sp.as_deref() == Some("Sanders")),
            "{q:?}"
        );
        let q = quotes(
            "Clinton was asked.\n\n“I will look into it. I don't know the status.”\n\n— Hillary \
             Clinton, in a debate.\n\nThat was months ago.",
        );
        assert!(
            q.iter()
                .any(|(_, _, sp)| sp.as_deref() == Some("Hillary Clinton")),
            "{q:?}"
        );
        // a paragraph opening with a dash that says more is no signature
        let q = quotes(
            "“I will look into it. I don't know the status, but I will.”\n\n— Hillary Clinton \
             said later that she would not.",
        );
        assert!(
            q.iter()
                .all(|(t, _, sp)| !t.starts_with("“I will")
                    || sp.as_deref() != Some("Hillary Clinton")),
            "{q:?}"
        );
    }

    #[test]
    fn a_scene_setting_phrase_is_no_subject_of_a_quoted_object() {
        // ("years" and "attacks" end like verbs; "For" and "the Paris" are no speakers)
        let q = quotes(
            "For years, Twitter has positioned itself as a “global town square” open to all.",
        );
        assert!(
            q.iter().all(|(_, _, sp)| sp.as_deref() != Some("For")),
            "{q:?}"
        );
        assert!(
            q.iter().any(|(_, _, sp)| sp.as_deref() == Some("Twitter")),
            "{q:?}"
        );
        let q = quotes(
            "After the Paris attacks, Trump released a new radio ad calling it “dangerous” that \
             Obama “has no strategy to defeat ISIS.”",
        );
        assert!(
            q.iter()
                .all(|(_, _, sp)| sp.as_deref() != Some("the Paris")),
            "{q:?}"
        );
        assert!(
            q.iter().any(|(_, _, sp)| sp.as_deref() == Some("Trump")),
            "{q:?}"
        );
        // a prepositional phrase inside the subject is part of it
        let q = quotes(
            "A document on the Trump campaign's website states that same-sex couples would \
             receive the six weeks of “paid leave under the policy” only if they married.",
        );
        assert!(!q.is_empty(), "{q:?}");
    }

    #[test]
    fn speakers_with_party_tags_days_and_adverbs() {
        let (_, sp) = one("Senator Lindsey Graham, Republican of South Carolina, said on Sunday that Mr. Trump had crossed another line.");
        assert_eq!(sp, "Senator Lindsey Graham, Republican of South Carolina");
        let q = quotes("“The introduction of troops is not the way,” Benjamin J. Rhodes, the deputy adviser, said Sunday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Benjamin J. Rhodes, the deputy adviser")
        );
        let (_, sp) = one("And Sen. Rob Portman (R-Ohio), another vulnerable incumbent, said he had not thought about it.");
        assert!(sp.starts_with("Sen. Rob Portman (R-Ohio)"), "{sp}");
        let (_, sp) = one("He actually thinks she has done a serviceable job.");
        assert_eq!(sp, "He");
        let (_, sp) =
            one("The university rebutted the accusation that the articles were misleading.");
        assert_eq!(sp, "The university");
        // an adverb opening the sentence is no name
        let (_, sp) = one("Shortly after Scalia’s death, Senate Majority Leader Mitch McConnell issued a statement saying that the Senate should wait.");
        assert_eq!(sp, "Senate Majority Leader Mitch McConnell");
    }

    #[test]
    fn replies_asides_possessors_and_characterisations() {
        // a subordinate clause before "X replied, “…”" sets the scene; the question's
        // listener phrase does not reach the reply
        let q = quotes("After Glenn Beck asked the conservative who he thought would win the presidency, D’Souza replied, “If I had to bet now, I would bet on Hillary.”");
        let reply = q.iter().find(|x| x.0.starts_with('“')).expect("the reply");
        assert_eq!(reply.2.as_deref(), Some("D’Souza"));
        assert!(!q.iter().any(|x| x.0.starts_with("After")), "{q:?}");
        // two appositives: the name is before the first
        let (_, sp) = one("But Tom Fitton, the president of Judicial Watch, a conservative group that has sued the department, said that the damage is done.");
        assert!(sp.starts_with("Tom Fitton, the president"), "{sp}");
        // an age, a hometown or a description before a relative clause
        let (_, sp) = one("Elward Edd, an official at the Hopi Tribal Housing Authority in Arizona, which has a backlog of more than 500 homes to repair, said the burden would force him to scale back.");
        assert!(sp.starts_with("Elward Edd, an official"), "{sp}");
        let (_, sp) = one("Donna Sampson Rawlings, 59, of Ashton, Md., who watched the ceremony on the Mall, said the event brought back memories.");
        assert!(sp.starts_with("Donna Sampson Rawlings, 59"), "{sp}");
        let (_, sp) = one("Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he already received overtime.");
        assert!(sp.starts_with("Paul Porter, a truck driver"), "{sp}");
        let q = quotes("“Both of them scare me,” Harry Bond, 30, of Raleigh, N.C., who voted for Clinton, said.");
        assert_eq!(
            q[0].2.as_deref().map(|s| s.starts_with("Harry Bond")),
            Some(true),
            "{q:?}"
        );
        // or a relative clause after the first
        let (_, sp) = one("Willie Minor, an actor in Dallas, who runs a small theater company, recalled that he was broke.");
        assert!(sp.starts_with("Willie Minor, an actor"), "{sp}");
        // a possessor's noun is no verb; "labeling" names
        let q = quotes(
            "Mike Huckabee is labeling Obama’s actions “a blatant, belligerent abuse of power.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Mike Huckabee"));
        // a characterisation with words between "as" and the mark runs to its clause end,
        // but not past a comma inside the mark
        let q =
            quotes("Bush described his leadership skills as a “work in progress” that needs time.");
        assert_eq!(
            q[0].0,
            "his leadership skills as a “work in progress” that needs time"
        );
        let q = quotes(
            "Trump described the incident as a “terrible situation,” but stopped short of more.",
        );
        assert_eq!(q[0].0, "the incident as a “terrible situation,”");
        let q = quotes(
            "Trump called the judge a “hater of Donald Trump” who had railroaded him in the case.",
        );
        assert_eq!(
            q[0].0,
            "the judge a “hater of Donald Trump” who had railroaded him in the case"
        );
    }

    #[test]
    fn an_inverted_cue_with_a_relative_clause_after_its_speaker() {
        let q = quotes("Defending that terrain is squarely within the Biden wheelhouse, said a handful of Democrats who point to his strong relationships with labor.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("Defending that terrain"), "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("a handful of Democrats"));
        // or a preposition in its appositive
        let q = quotes("Some accusations are difficult to prove, said Grant Green, an official under Presidents Reagan and George W. Bush.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Some accusations are difficult to prove");
    }

    #[test]
    fn an_adverbial_clause_after_a_cue_is_not_what_was_said() {
        assert!(
            quotes("He responded while the crowd jeered at the protesters outside.").is_empty()
        );
        assert!(quotes("Trump told NBC when asked about the debate on Friday.").is_empty());
        // a cue word after a preposition is an adjective
        assert!(quotes(
            "Nobody can gain a lead in pledged delegates because they are awarded proportionally."
        )
        .is_empty());
        // a question's "when" is its content
        let q = quotes("Reporters asked when the vote would be held.");
        assert_eq!(q[0].0, "when the vote would be held");
    }

    #[test]
    fn a_name_ending_a_relative_clause_is_not_the_subject() {
        let (_, sp) = one("Officials who spoke to Reuters said the talks had failed.");
        assert_eq!(sp, "Officials");
        let (_, sp) = one("Two people who attended the meeting with Trump said he was angry.");
        assert_eq!(sp, "Two people");
    }

    #[test]
    fn a_name_given_in_an_absolute_phrase_is_its_subjects() {
        let q = quotes("Unions were early supporters of Clinton, with the American Federation of Teachers calling her “the champion working families need.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("the American Federation of Teachers")
        );
    }

    #[test]
    fn an_opener_before_a_parenthetical_cue_is_not_said() {
        let q = quotes("In 2008, Trump said, the foundation's donation had grown.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the foundation's donation had grown");
    }

    #[test]
    fn a_cue_word_inside_the_clause_does_not_cut_it() {
        let q = quotes("That’s why he wanted to “go an extra step” to try to understand Trump’s aggressive backers.");
        assert_eq!(
            q[0].0,
            "to “go an extra step” to try to understand Trump’s aggressive backers"
        );
        let q = quotes("Cruz belittled the issue, calling it a “paperwork error” that was reported in a “hit piece” by The New York Times.");
        assert_eq!(
            q[0].0,
            "it a “paperwork error” that was reported in a “hit piece” by The New York Times"
        );
    }

    #[test]
    fn a_short_quoted_subheading_is_no_continuation() {
        let text = "“We will win,” Smith said.\n\n“A healthy environment.”\n\nOn a rainy afternoon, the plant was quiet.";
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        // a paragraph-long quotation still continues its speaker
        let text = "“We will win,” Smith said.\n\n“And we will win again next year, and the year after that, in every state.”";
        assert_eq!(quotes(text).len(), 2);
    }

    #[test]
    fn a_topic_keeps_the_role_given_to_it() {
        let (c, _) = one("Khan criticized the comments as an insult to every veteran, and left.");
        assert_eq!(c, "the comments as an insult to every veteran");
    }

    #[test]
    fn a_new_clause_after_comma_and_conjunction_ends_the_content() {
        let (c, _) = one("Democrats said that she would win, and the market did next to nothing.");
        assert_eq!(c, "that she would win");
        let (c, _) = one("Aides said he might fail to turn out his supporters, but the turnout in Iowa was higher than forecast.");
        assert_eq!(c, "he might fail to turn out his supporters");
        // so does a dash before a conjunction or a verb
        let (c, _) = one("He said that it was Fields's fault for grabbing at the candidate — although the photo showed no grab.");
        assert_eq!(
            c,
            "that it was Fields's fault for grabbing at the candidate"
        );
        // a second "that" clause is more of what was said
        let (c, _) = one("She said that taxes are too high, and that spending must fall.");
        assert_eq!(c, "that taxes are too high, and that spending must fall");
    }

    #[test]
    fn a_second_predicate_after_said_is_more_of_the_clause() {
        // after "say" an auxiliary, "did not" or a past participle goes on with the
        // reported clause's subject
        let (c, _) = one("A spokesman said the bill reached the floor late and did not pass.");
        assert_eq!(c, "the bill reached the floor late and did not pass");
        let (c, _) = one("The clerk said the ballots arrived on time and were counted by noon.");
        assert_eq!(c, "the ballots arrived on time and were counted by noon");
    }

    #[test]
    fn the_reason_given_for_a_criticism_stays_with_its_object() {
        let q =
            quotes("The senator blasted the governor for saying on Monday that taxes would rise.");
        assert!(
            q.iter()
                .any(|x| x.0 == "the governor for saying on Monday that taxes would rise"),
            "{q:?}"
        );
    }

    #[test]
    fn an_including_list_stays_with_the_object() {
        let q = quotes("The senator cited several causes, including the weak economy and the war.");
        assert!(
            q.iter()
                .any(|x| x.0 == "several causes, including the weak economy and the war"),
            "{q:?}"
        );
    }

    #[test]
    fn an_appositive_after_the_content_is_the_writers_comment() {
        let (c, _) = one("The mayor said that the city spent $4 million on the parade, a figure far above last year's.");
        assert_eq!(c, "that the city spent $4 million on the parade");
    }

    #[test]
    fn names_joined_by_and_are_one_subject_not_another_report() {
        let q = quotes("Officials said the talks collapsed after Ryan and President Obama argued over the budget.");
        assert!(
            q.iter().any(|x| x.0
                == "the talks collapsed after Ryan and President Obama argued over the budget"),
            "{q:?}"
        );
    }

    #[test]
    fn a_spaced_hyphen_before_a_conjunction_ends_the_content_like_a_dash() {
        let (c, _) = one(
            "The mayor said that the plan would cut costs - although the budget shows no savings.",
        );
        assert_eq!(c, "that the plan would cut costs");
    }

    #[test]
    fn an_aside_on_the_subject_of_a_that_clause_does_not_end_it() {
        let (c, _) = one("Officials said that Governor Alice Moreno, who took office in May, has not signed the bill.");
        assert_eq!(
            c,
            "that Governor Alice Moreno, who took office in May, has not signed the bill"
        );
    }

    #[test]
    fn a_report_in_a_trailing_subordinate_clause_runs_to_the_sentence_end() {
        // "While X said …, Y …" ends at the comma; a clause after the main one does not
        let (c, _) = one("The mayor left the hall early after an aide noted that the vote had failed, and that the budget was dead.");
        assert_eq!(c, "that the vote had failed, and that the budget was dead");
        // nor does one that closed before the speaker
        let (c, _) = one("When asked about the plan, most of the residents said it was costly, and that it should wait.");
        assert_eq!(c, "it was costly, and that it should wait");
        let (c, _) = one("While Lopez said that the plan was costly, the council approved it.");
        assert_eq!(c, "that the plan was costly");
    }

    #[test]
    fn names_given_after_prepositions_and_in_that_clauses() {
        let q = quotes("Trump responded to that tweet by calling Alwaleed “dopey” and accusing him of wanting to control the politicians.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "Alwaleed “dopey”");
        let q = quotes("Tunnels are so numerous that Border Patrol agents described the ground underneath the city as “Swiss cheese.”");
        assert_eq!(q[0].2.as_deref(), Some("Border Patrol agents"));
        let q = quotes("President Barack Obama also is reported to have called the Saudis “free riders” who rely too much on U.S. military aid.");
        assert_eq!(q[0].2.as_deref(), Some("President Barack Obama"));
        // but a name given to a thing is not someone calling it that
        assert!(
            quotes("It is an inflation formula called the “chained CPI” by economists.").is_empty()
        );
    }

    #[test]
    fn a_dateline_with_its_date_and_agency_is_not_the_subject() {
        let q = quotes("NEW YORK, Nov. 19 (UPI) — Hillary Clinton is calling for the United States to step up military efforts.");
        assert_eq!(q[0].2.as_deref(), Some("Hillary Clinton"));
        // nor one set off by a spaced hyphen, nor an opening adverb
        let q = quotes("BUENA PARK, Calif. - Rallying hundreds of workers, Hillary Clinton tried here last week to empathize and promised to deliver change.");
        assert_eq!(q[0].2.as_deref(), Some("Hillary Clinton"));
        let (_, sp) = one("Regardless, the State Department said it found no evidence.");
        assert_eq!(sp, "the State Department");
        let q =
            quotes("Pressed again about the chatter, Perez just starts talking about baseball.");
        assert_eq!(q[0].2.as_deref(), Some("Perez"));
    }

    #[test]
    fn people_a_name_qualifies_are_the_subject() {
        let q = quotes("Clinton aides also spent Saturday delivering pep talks, confident that Democrats would be drawn to her plans.");
        assert_eq!(q[0].2.as_deref(), Some("Clinton aides"));
        let q = quotes("In the meantime, Trump's congressional allies have been trying to shore up support, while urging his critics to pipe down.");
        assert_eq!(q[0].2.as_deref(), Some("Trump's congressional allies"));
        // but a title noun before a name stays a title
        let q = quotes("Democratic candidate Hillary Clinton spent the day in Iowa, saying she will hold firm.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Democratic candidate Hillary Clinton")
        );
        // a noun between the capital and the people ("Public health groups"), not a
        // verb ("Sanders thanks supporters") nor a title before a name
        let q = quotes("Public health groups sent a letter to congressional leaders urging them to return early.");
        assert_eq!(q[0].2.as_deref(), Some("Public health groups"));
        let q = quotes("Sanders thanks supporters, saying they won.");
        assert_eq!(q[0].2.as_deref(), Some("Sanders"));
        let q =
            quotes("Republican presidential candidate Ted Cruz visited Iowa, saying he will win.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Republican presidential candidate Ted Cruz")
        );
        // a body's name the tagger split ("Justice" read as a person) qualifies them too
        let q = quotes("Several former Justice Department officials criticized Comey.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Several former Justice Department officials")
        );
    }

    #[test]
    fn a_participles_subject_is_the_clauses_not_its_object() {
        // the verb after the subject ends it, even right after a name
        // (the endorsement is a stance of its own, up to its time phrase)
        let q = quotes("Blackwell endorsed Cruz last week, saying he was right.");
        let q: Vec<(&str, Option<&str>)> =
            q.iter().map(|q| (q.0.as_str(), q.2.as_deref())).collect();
        assert_eq!(
            q,
            [
                ("Cruz", Some("Blackwell")),
                ("he was right", Some("Blackwell"))
            ]
        );
        // a hyphenated age before the name (attribution drops it from the name)
        let q = quotes("76-year-old Morton Blackwell endorsed Cruz last week, saying he “has consistently demonstrated his deep commitment to conservative principles.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|q| q
            .2
            .as_deref()
            .is_some_and(|s| s.ends_with("Morton Blackwell"))));
        // an absolute phrase after a dash has its own subject
        let q = quotes(
            "Both men issued a statement – Ryan saying he was “very encouraged” by the talks.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Ryan"));
    }

    #[test]
    fn a_participle_after_a_trailing_cue_is_the_same_speakers() {
        let q = quotes("“It will take time,” Mr. Ackman said at the time, adding that investors did not appreciate the company.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "that investors did not appreciate the company");
        assert_eq!(q[1].2.as_deref(), Some("Mr. Ackman"));
        let (c, sp) = one("He has also made clear he will seek to influence the party platform.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("he will seek to influence the party platform", "He")
        );
        let (c, _) =
            one("His advisers are quick to point out that he has placed second in two contests.");
        assert_eq!(c, "that he has placed second in two contests");
        // a one-word answer opening its sentence is speech; a three-word sentence in marks
        // after a cue sentence is the same speaker's
        let q = quotes("“Absolutely,” he said when asked by a reporter if that was the plan.");
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            ("“Absolutely,”", QuoteKind::Direct)
        );
        let q = quotes("“Wall Street comes first,” Sanders wrote. “That is unacceptable.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("Sanders"));
        // less common trailing cues, an inverted speaker with a relative clause, an adverb
        // after the cue, a quotation followed by an adjunct
        for (text, speaker) in [
            ("“Would it be negotiable?” Hannity pressed.", "Hannity"),
            ("“It is concerning to me,” she went on.", "she"),
            (
                "“We must act now,” said a strategist who spoke on the condition of anonymity.",
                "a strategist",
            ),
            (
                "Sanders replied evenly, “I think she knows that is disingenuous.”",
                "Sanders",
            ),
            (
                "Kasich cautioned “let’s not get ahead of ourselves,” before leaving.",
                "Kasich",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(
                (q[0].1, q[0].2.as_deref()),
                (QuoteKind::Direct, Some(speaker)),
                "{text}: {q:?}"
            );
        }
        // single marks outside double ones, as headlines use them; apostrophes are not marks
        let q = quotes("Trump tells reporters: ‘This Cannot Continue. We Will Act.’");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "‘This Cannot Continue. We Will Act.’");
        assert!(quotes(
            "The allies’ view is that Russia’s demands can’t be met, officials’ notes say."
        )
        .iter()
        .all(|x| !x.0.starts_with('’')));
        // a question put by someone unnamed has no speaker (the answer is the one asked)
        let q = quotes("Asked whether he would run again in the fall, Sanders said no.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("whether he would run again in the fall", None)
        );
        assert_eq!(
            (q[1].0.as_str(), q[1].2.as_deref()),
            ("no", Some("Sanders"))
        );
    }

    #[test]
    fn quotations_introduced_by_any_way_of_saying() {
        let q = quotes("Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“Let’s defeat her in November.”");
        assert_eq!(q[0].1, QuoteKind::Direct);
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        let q = quotes(
            "Maher brought up the bombing and later said, “It’s not just Muslims shooting people.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Maher"));
        let q = quotes("As Tom Ridge put it: “The barbarians are no longer at the gate.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Tom Ridge"));
        // a verb the lexicon lacks, after a quote that ends on a comma
        let q = quotes(
            "“People are afraid of wasting their votes,” he conjectured. “I see it all the time.”",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|x| x.2.as_deref() == Some("he")), "{q:?}");
        // a lead with no verb before the quote sets the scene; a long adjunct after the cue
        let q = quotes("Because of her weak support with young voters, “she does need him,” Kunin said of Sanders.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            ("“she does need him,”", QuoteKind::Direct)
        );
        let q = quotes(
            "“What is this about unity?” Trump added during his appearance on Fox and Friends.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        // a second verb after "and" belongs to the sentence's subject
        let q = quotes("Carson took the stage Tuesday at the Grand Hotel in Baltimore and called the political system “rotten to the core.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the political system “rotten to the core.”");
        assert_eq!(q[0].2.as_deref(), Some("Carson"));
        // openers before the subject of a participle's sentence
        let q = quotes("Well, if you read between the lines, Trump was not so much saying that easy money would not work.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        // an appositive of two nouns after an inverted cue
        let (c, sp) = one("That would create trouble for Clinton, said Brad Bannon, a Democratic pollster and consultant.");
        assert_eq!(c, "That would create trouble for Clinton");
        assert!(sp.starts_with("Brad Bannon"), "{sp}");
        // scene-setting, adjuncts, passives, agents and particles are not what was said
        for text in [
            "Berger and Moore, both Republicans, said in a statement.",
            "Lazar was charged in the United States in 2014 and extradited to Alexandria.",
            "The immigration bill, opposed by House Republicans, never became law.",
            "In Puerto Rico, 60 pledged delegates and seven superdelegates were at stake.",
            "Her campaign quickly blasted out an email to supporters on Monday.",
            "Clinton was roundly criticized on Twitter.",
            "The Crime Statistics Bureau cited in the tweet does not exist.",
            "When the speech ended, the crowd applauded loudly.",
        ] {
            assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
        }
        let q = quotes(
            "Later in the piece, Tuttle wrote, “Speaking of prostitutes: on Sunday they met.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Direct);
        // "…, writing “…”"; "as X put it, “…”"; a manner verb after "an angry Hollande"
        let q = quotes("Band member Flea shared the news last week, writing “Feels great to support someone I believe in.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (QuoteKind::Direct, Some("Band member Flea"))
        );
        let q = quotes("As Akhil Amar, professor of law at Yale, put it, “Senate Republicans should remember that.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2.as_deref().is_some_and(|s| s.contains("Akhil Amar")),
            "{q:?}"
        );
        let q = quotes(
            "“France will always be France,” an angry Hollande retaliated. “It never gives up.”",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        // a topic before the quotation; a pronoun after a time phrase is the speaker
        let q = quotes("In 2010 she said of gay couples: “Nobody is stopping them.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (QuoteKind::Direct, Some("she"))
        );
        // the speaker before an aside on their appositive
        let (_, sp) = one("RoseAnn DeMoro, executive director of National Nurses United, a union that has endorsed Mr. Sanders, also said her group planned to march.");
        assert!(sp.starts_with("RoseAnn DeMoro"), "{sp}");
        // "said of X" names what it was about, not who spoke
        let q = quotes("“He is not qualified to run this country,” Mr. Guerrero, who is an actor, said of Mr. Trump.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2.as_deref().is_some_and(|s| s.contains("Guerrero")),
            "{q:?}"
        );
        // an absolute phrase has its own subject; a day before the content is skipped
        let q = quotes("The attack sparked a debate, with Senator John McCain telling reporters on Thursday he viewed Obama as responsible.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he viewed Obama as responsible");
        assert!(
            q[0].2.as_deref().is_some_and(|s| s.contains("McCain")),
            "{q:?}"
        );
        // a long noun phrase as the subject
        let (_, sp) = one("The deputy head of China’s delegation to the forum said the United States should reduce its exercises.");
        assert_eq!(sp, "The deputy head of China’s delegation to the forum");
        // a possessor's remark; an adverb before "that"; a pronoun listener; grousing
        let (_, sp) = one("Then there was Bill O'Reilly's aside that the slaves who built the White House were well fed.");
        assert_eq!(sp, "Bill O'Reilly");
        let (c, sp) = one("Netanyahu rallied supporters by warning darkly that the rule of the right is in danger.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("that the rule of the right is in danger", "Netanyahu")
        );
        let (c, _) = one("Mr. Ackman wrote to investors, telling them Valeant was worth more.");
        assert_eq!(c, "Valeant was worth more");
        let (c, _) = one("Some Republicans were grousing that the literature was more plentiful than the merchandise.");
        assert!(c.starts_with("that the literature"), "{c}");
        // "for instance" asides, a listener with "of", catenatives, a quoted show name in
        // an opener, "reminding viewers that"
        for (text, content) in [
            ("Legislative leaders, for instance, noted that the panel was composed of Democrats.", "that the panel was composed of Democrats"),
            ("Wilson told The Post and Courier newspaper of Charleston on Saturday that he voted for Rubio.", "that he voted for Rubio"),
            ("Judge lacks his name recognition, but she is expected to argue that the senator is out of touch.", "that the senator is out of touch"),
            ("Clinton had ordnance ready for him, quickly reminding viewers that the governor had hired a banker.", "that the governor had hired a banker"),
        ] {
            assert_eq!(one(text).0, content, "{text}");
        }
        // (what he pointed to is his too)
        let q = quotes_naming(
            "In an interview with “Fox and Friends,” Trump pointed to China, remarking that the U.S. should be tougher.",
            &["Trump"],
        );
        let t: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(t, ["China", "that the U.S. should be tougher"], "{q:?}");
        // "X’s contention was that …"; an aside inside the content does not end it
        let (c, sp) =
            one("Beck’s contention was that Trump is, in fact, appealing to the alt-right.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("that Trump is, in fact, appealing to the alt-right", "Beck")
        );
        // determiner-led and quantifier subjects, progressive beliefs, knowledge verbs
        for (text, content, speaker) in [
            ("As the paper noted, it is surprising because Trump has not been kind.", "it is surprising because Trump has not been kind", "the paper"),
            ("Now, many have trouble finding work and fear they will be unable to collect benefits.", "they will be unable to collect benefits", "many"),
            ("She’s hoping Saturday’s Nevada caucuses will set her on a clear path.", "Saturday’s Nevada caucuses will set her on a clear path", "She"),
            ("Years later Ki Hong learned he had never been a citizen at all.", "he had never been a citizen at all", "Ki Hong"),
        ] {
            let (c, sp) = one(text);
            assert_eq!((c.as_str(), sp.as_str()), (content, speaker), "{text}");
        }
        // "As X reported, even on Friday, C"; "said, while arguing C"; a long subject after
        // "argued"; "determined that"
        for (text, content) in [
            ("As Breitbart News reported, even on Friday morning, the White House was refusing to call it terrorism.", "the White House was refusing to call it terrorism"),
            ("Clinton argued Trump’s proposal to pay down the national debt by printing money would trigger hyperinflation.", "Trump’s proposal to pay down the national debt by printing money would trigger hyperinflation"),
            ("They determined that, due to party rules, Bush would fall off the ballot.", "that, due to party rules, Bush would fall off the ballot"),
        ] {
            assert_eq!(one(text).0, content, "{text}");
        }
        let q = quotes("“It would make things worse,” Clinton said, while arguing the U.S. should send more forces.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("Clinton"));
        // "recalled him saying", "was prompted to say, “…”", a short quote after a colon
        let q = quotes("“I have to take my brother along,” another fraternity brother, Stuart Oltchick, recalled him saying.");
        assert!(
            q.len() == 1 && q[0].2.as_deref().is_some_and(|s| s.contains("Oltchick")),
            "{q:?}"
        );
        let q = quotes("The debate was so subdued that Mr. Trump was prompted to say, “So far, I cannot believe how civil it has been.”");
        assert!(
            q.len() == 1 && q[0].2.as_deref().is_some_and(|s| s.contains("Trump")),
            "{q:?}"
        );
        let q = quotes("An interfaith rally on Wednesday had one message: “Dump Trump.”");
        assert_eq!(q.len(), 1, "{q:?}");
        // a participle after "X said," takes X; evaluative objects keep the quoted
        // characterisation; an adjunct before ", noting" still ends the cue
        let q = quotes("“Roger was going to do what Roger was going to do,” Mr. Axelrod said, calling the Fox News chief “brilliant.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q[1].2.as_deref().is_some_and(|s| s.contains("Axelrod")),
            "{q:?}"
        );
        let (c, _) = one(
            "Weaver dismissed that suggestion as a sign of an opposing campaign in “disarray.”",
        );
        assert_eq!(
            c,
            "that suggestion as a sign of an opposing campaign in “disarray.”"
        );
        let (c, sp) = one("Trump’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the nominee’s remarks.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("Trump’s “excesses” are sickening", "Hollande")
        );
        // "X of Y, an appositive, warned"
        let (_, sp) = one("Holger Schmieding of Berenberg, Germany's largest private bank, warned that the attack strengthens nationalists.");
        assert!(sp.starts_with("Holger Schmieding of Berenberg"), "{sp}");
        // and with "the" and "for" inside the body's name, and a relative clause on it
        let (_, sp) = one("Jessica Vaughan of the Center for Immigration Studies, which favors lower immigration, said the bureau lacks records.");
        assert!(sp.starts_with("Jessica Vaughan of the Center"), "{sp}");
        // a short quoted sentence right after an attributed one
        let q = quotes("“There was carnage on the road,” Bouhlel said. “Bodies everywhere.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "“Bodies everywhere.”");
        // but a short quote alone is no speech
        assert!(quotes("Few remember the scene. “Bodies everywhere.”").is_empty());
        // chants and intimations are ways of saying too, and so are barks
        let q = quotes("“Go back to Univision,” Trump barked.");
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        let q = quotes("The crowd chanted, “Lock her up!”");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("“Lock her up!”", Some("The crowd"))
        );
        let q =
            quotes("Clinton has intimated that the diagnoses of economic ills are the big draw.");
        assert_eq!(
            q[0].0,
            "that the diagnoses of economic ills are the big draw"
        );
        // after a lead-in that is no clause, the quoted sentence alone is what was said
        let q = quotes("Smith tweeted a message to her supporters: “We will win this fight.”");
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            ("“We will win this fight.”", QuoteKind::Direct)
        );
        let q = quotes("Smith said she has the quality the job needs: “Steadiness, and strength.”");
        assert_eq!(q[0].1, QuoteKind::Mixed, "{q:?}");
    }

    #[test]
    fn quoted_words_the_clause_runs_on_from_are_a_mixed_quote() {
        let q = quotes("Particularly in lower-wage parts of the state, he said, “we don't know what the answer will be” on how many jobs might be eliminated.");
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            (
                "“we don't know what the answer will be” on how many jobs might be eliminated",
                QuoteKind::Mixed
            ),
            "{q:?}"
        );
        // a quote a cue follows ends there
        let q = quotes("“We have three weeks to go” he said on Sunday.");
        assert_eq!(q[0].0, "“We have three weeks to go”", "{q:?}");
    }

    #[test]
    fn an_excerpt_after_a_byline_is_no_speech() {
        let t = "“Museum names a new director,” by The Journal’s Jennifer Smith: “Ms. Donhauser, 48 years old, hasn’t previously led a museum. She will move uptown in January.”";
        assert!(quotes(t).is_empty(), "{:?}", quotes(t));
        // a name before a colon still introduces what they said
        let q = quotes("Philip Bump: “The polls have not moved at all this week.”");
        assert_eq!(q[0].2.as_deref(), Some("Philip Bump"));
    }

    #[test]
    fn a_report_of_what_was_said_is_credited_to_its_source() {
        let q = quotes("“Delegates should be able to vote the way they see fit,” Walker said, according to an Associated Press account.");
        assert!(
            q.iter().all(|x| x
                .2
                .as_deref()
                .is_some_and(|sp| sp.ends_with("Associated Press account"))),
            "{q:?}"
        );
        let q = quotes(
            "When asked about the race, Canova said, “No comment,” The Miami Herald reported.",
        );
        assert!(
            q.iter().all(|x| x
                .2
                .as_deref()
                .is_some_and(|sp| sp.ends_with("Miami Herald"))),
            "{q:?}"
        );
        // a source in the next sentence is another matter
        let q = quotes("“We will win,” Walker said. That's doubtful, according to Rubio.");
        assert_eq!(q[0].2.as_deref(), Some("Walker"), "{q:?}");
    }

    #[test]
    fn a_long_subject_of_names_closes_a_quotation() {
        let q = quotes("“Tritium would enable weapons with a greater yield,” nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's Institute for Science and International Security wrote in September.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2
                .as_deref()
                .is_some_and(|sp| sp.contains("David Albright")),
            "{q:?}"
        );
        // a long clause with its own verb is no subject
        let q = quotes("“Tritium would enable weapons with a greater yield,” and the experts who studied the designs for many years at the institute in Washington wrote in September.");
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn quoted_words_strung_together_are_one_list() {
        let q = quotes(
            "Trump called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”",
        );
        assert_eq!(
            q[0].0, "the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”",
            "{q:?}"
        );
        let q = quotes("Obama condemned Friday's test as “provocative and destabilizing” and a “grave threat” to regional stability.");
        assert_eq!(
            q[0].0,
            "Friday's test as “provocative and destabilizing” and a “grave threat” to regional stability",
            "{q:?}"
        );
        // the list ends where a new clause begins
        let q = quotes("Although he says he “loves China,” and “people from China love me,” he also accuses it of stealing American jobs.");
        assert_eq!(
            q[0].0, "he “loves China,” and “people from China love me,”",
            "{q:?}"
        );
    }

    #[test]
    fn a_name_after_comma_and_cue_is_no_content() {
        let q = quotes("And Trump, said Sunshine, who remains friendly with her former boss, doesn't forgive or forget.");
        assert!(q.iter().all(|x| !x.0.starts_with("Sunshine")), "{q:?}");
        // a clause after the cue that opens with a name is still what was said
        let q = quotes("Harvey, a delegate from Houston, said Trump is wrong about the rules.");
        assert_eq!(q[0].0, "Trump is wrong about the rules", "{q:?}");
        // a clause ending in a number before the comma is what the name (with its
        // appositive) said; an age between commas is still the subject's aside
        let (c, sp) =
            one("They were operating as of 2005, said Jeffrey N. Trimble, a senior official.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("They were operating as of 2005", "Jeffrey N. Trimble")
        );
        let (c, sp) = one("Sarandon, 69, said the race was over.");
        assert_eq!(c, "the race was over");
        assert!(sp.starts_with("Sarandon"), "{sp}");
    }

    #[test]
    fn a_plural_noun_like_cue_before_its_own_auxiliary_is_a_noun() {
        assert!(
            quotes("Health worries have dogged Hillary Clinton since she collapsed.").is_empty()
        );
        // (but in a relative clause whose subject is the gap it is the verb)
        let q = quotes("They asked about the tax credit, which the Tax Foundation estimates would cost $170 billion a year.");
        assert_eq!(q[0].0, "would cost $170 billion a year", "{q:?}");
    }

    #[test]
    fn chanted_words_are_quoted_however_short() {
        let q = quotes("About 50 protesters had gathered on Wednesday morning, chanting \"no contract, no peace\" after the union failed to reach a contract.");
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            ("\"no contract, no peace\"", QuoteKind::Direct),
            "{q:?}"
        );
        // a noun takes "of" and names nobody; a Title-Case chant is no work's title
        let q = quotes("Mr. Christie roused the crowd to spontaneous chants of “Lock Her Up!”");
        assert_eq!(
            (q[0].0.as_str(), q[0].2.as_deref()),
            ("“Lock Her Up!”", None)
        );
        // the chanters are the subject of the clause the participle hangs off
        let q = quotes("The rally went on at Purchase, when Sanders protesters interrupted her speech, shouting “she wins, we lose!”");
        assert_eq!(q[0].2.as_deref(), Some("Sanders protesters"), "{q:?}");
        // a two-word quote no chant introduces is still a scare quote
        assert!(quotes("The senator promised “severe consequences” for Moscow.").is_empty());
    }

    #[test]
    fn content_boundaries() {
        // the relative clause's content ends where the main verb starts
        let q = quotes("Podesta, who said the project was vetted by counsel, said he was unaware of any disagreements.");
        assert!(
            q.iter().any(|x| x.0 == "the project was vetted by counsel"),
            "{q:?}"
        );
        let q = quotes("About four in 10 voters said life would be worse than today, while nine in 10 said the economy favors the wealthy.");
        assert_eq!(q[0].0, "life would be worse than today", "{q:?}");
        // a report in a subordinate clause ends with it; another report ends the first
        let q = quotes(
            "While Trump affirmed that he likes Cruz, he also stated that a war was coming.",
        );
        assert_eq!(q[0].0, "that he likes Cruz", "{q:?}");
        let q = quotes("Critics said the movement has a point, but ultimately Prager thinks their logic is flawed.");
        assert_eq!(q[0].0, "the movement has a point", "{q:?}");
        // an adjunct after a trailing cue, a reason after a parenthetical one
        let (c, sp) = one(
            "Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday.",
        );
        assert_eq!(
            (c.as_str(), sp.as_str()),
            (
                "Donald Trump is on solid ground attacking Bill Clinton",
                "Carly Fiorina"
            )
        );
        let (c, _) = one("The effects are difficult to predict, many economists say, because there is little precedent.");
        assert_eq!(c, "The effects are difficult to predict");
        let q = quotes("He hoped, he said, that the paper would shy away from such reporting now.");
        let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "He hoped",
                "that the paper would shy away from such reporting now"
            ]
        );
        // a cue that splits one clause: both pieces
        let q = quotes("A Clinton presidency, she vowed, would bring better-paying jobs.");
        let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            ["A Clinton presidency", "would bring better-paying jobs"]
        );
        // a comma inside the closing mark ends the clause like one outside it
        let q = quotes("Reid said both Rubio and Cruz are “non-entities in the Senate,” but he gave the Texan a compliment.");
        assert_eq!(
            q[0].0, "both Rubio and Cruz are “non-entities in the Senate,”",
            "{q:?}"
        );
    }

    #[test]
    fn evaluative_speech_acts_report_their_object() {
        let (c, sp) = one("Khizr Khan decried Trump’s repeated calls to ban all Muslims during a speech at the convention.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("Trump’s repeated calls to ban all Muslims", "Khizr Khan")
        );
        let (c, _) = one("Sanders warned of a recession that would hit working families hardest.");
        assert_eq!(c, "a recession that would hit working families hardest");
        // a characterisation with quoted words
        let q = quotes("Trump has hailed Britain’s vote to leave the European Union as “fantastic,” telling reporters it was great.");
        assert_eq!(q[0].1, QuoteKind::Mixed, "{q:?}");
        assert!(q[0].0.starts_with("Britain’s vote") && q[0].0.contains("“fantastic,”"));
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        // an object that carries the subject's own words; a scare quote does not
        let q = quotes("Rubio also bemoaned the current political climate in which people “literally hate each other” because they differ.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            (q[0].1, q[0].2.as_deref()),
            (QuoteKind::Mixed, Some("Rubio"))
        );
        assert!(q[0].0.starts_with("the current political climate"));
        let q = quotes("NATO on Friday rejected Russia’s demand to pull out its forces saying the alliance “will not renounce our ability to protect each other”.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("the alliance"), "{q:?}");
        // a subject list before a bare comma is no reported content
        assert!(quotes("Hillary Clinton and Bernie Sanders, and Gov. Jay Nixon, tweeted their approval of the filibuster.").is_empty());
        // passives, nouns and bare pronouns are not; a refusal to discuss is no topic
        // frame's (it is a reading of its own: what_a_speaker_declines_to_say_is_theirs)
        assert!(quotes("The bill was criticized by several senators.").is_empty());
        assert!(quotes("His defense of the plan was weak.").is_empty());
        assert_eq!(
            quotes("Trump declined to discuss the matter."),
            [(
                "to discuss the matter".to_owned(),
                QuoteKind::Indirect,
                Some("Trump".to_owned())
            )]
        );
        assert!(quotes("Obama praised him.").is_empty());
    }

    #[test]
    fn an_endorsement_reports_whom_it_backs() {
        // the object ends before the time of the act and before the subject's next verb
        let (c, sp) = one("In a move that shocked nearly everyone, Christie endorsed Trump last week and has appeared at his rallies.");
        assert_eq!((c.as_str(), sp.as_str()), ("Trump", "Christie"));
        let (c, _) = one("Jeb Bush endorsed Cruz Wednesday.");
        assert_eq!(c, "Cruz");
        let (c, sp) = one("The machinists union endorsed Clinton last summer.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("Clinton", "The machinists union")
        );
        let (c, _) = one(
            "The Club for Growth PAC has also endorsed Cruz - the first time it has weighed in.",
        );
        assert_eq!(c, "Cruz");
        // a passive, with or without an adverb, is not the subject's stance
        assert!(quotes("Cruz was also endorsed the day before by Carly Fiorina.").is_empty());
        assert!(quotes("Cruz was endorsed by Carly Fiorina.").is_empty());
    }

    #[test]
    fn headlines_name_their_speaker() {
        // "Name: what they said" needs a recognised name; a dateline or "Update:" is not one
        let text = "Graham: Trump’s Rhetoric Is Destroying the Party’s Chance to Win.";
        let doc = segment(text);
        let graham = person(Span::new(0, 6));
        let q = find_quotes(text, &doc, &[graham]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].span.text(text),
            "Trump’s Rhetoric Is Destroying the Party’s Chance to Win"
        );
        // a headline that quotes a few words and goes on is the named speaker's, all of it;
        // two turns of a debate ("Clinton: “…” Bush: “…”") are each a quotation
        let text = "Sanders: ‘Of Course’ Clinton Is Qualified To Be President.";
        let sanders = person(Span::new(0, 7));
        let q = find_quotes(text, &segment(text), std::slice::from_ref(&sanders));
        assert_eq!(
            (q[0].span.text(text), q[0].kind),
            (
                "‘Of Course’ Clinton Is Qualified To Be President",
                QuoteKind::Mixed
            ),
            "{q:?}"
        );
        let text = "Sanders: “We will not back down.” Clinton: “Nor will we.”";
        let q = find_quotes(text, &segment(text), &[sanders]);
        assert_eq!(q[0].span.text(text), "“We will not back down.”", "{q:?}");
        assert!(quotes("WASHINGTON: The Senate voted on Tuesday to end the shutdown.").is_empty());
        assert!(quotes("Update: The story was changed to add a comment.").is_empty());
        // a poll or a report speaks in a one-sentence headline, after a rubric too; a
        // label over a paragraph of several sentences is a section's name
        let (c, sp) = one("Poll: Trump and Clinton hold narrow leads in Pennsylvania.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            (
                "Trump and Clinton hold narrow leads in Pennsylvania",
                "Poll"
            )
        );
        let text = "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.";
        let stone = person(Span::new(14, 25));
        assert_eq!(stone.span.text(text), "Roger Stone");
        let q = find_quotes(text, &segment(text), &[stone]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].span.text(text), "Don’t Trust the Voting Machines");
        assert!(
            quotes("Superdelegates: Clinton is backed by 520 of them. Sanders has 39.")
                .iter()
                .all(|q| !q.0.starts_with("Clinton is backed"))
        );
        assert!(quotes("The Latest: Three towns cast the first votes of the primary.").is_empty());
        // a Title Case headline with a capitalised cue
        let (c, sp) = one("Hillary Clinton Says EgyptAir Crash Seems Like An Act Of Terrorism");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            (
                "EgyptAir Crash Seems Like An Act Of Terrorism",
                "Hillary Clinton"
            )
        );
    }

    #[test]
    fn commitments_report_an_infinitive_but_objects_stay_out() {
        let (c, sp) = one("Trump has vowed to deport 11 million undocumented immigrants.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("to deport 11 million undocumented immigrants", "Trump")
        );
        assert!(
            quotes("The U.S. has offered to hold a summit between the two leaders.").is_empty()
        );
        assert!(
            quotes("Washington has promised severe consequences such as sanctions.").is_empty()
        );
        assert!(quotes(
            "The U.S. and France on Wednesday announced deploying additional troops in Romania."
        )
        .is_empty());
    }

    #[test]
    fn indirect_said_that() {
        let q = quotes("The US secretary of state, Antony Blinken said Washington and its allies were ready to respond in writing next week.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "Washington and its allies were ready to respond in writing next week"
        );
        assert_eq!(q[0].1, QuoteKind::Indirect);
        assert_eq!(
            q[0].2.as_deref(),
            Some("The US secretary of state, Antony Blinken")
        );
    }

    #[test]
    fn content_before_cue() {
        let q = quotes("Secret Service protocol called for the nominee to be taken to a trauma center, sources said.");
        assert_eq!(
            q[0].0,
            "Secret Service protocol called for the nominee to be taken to a trauma center"
        );
        assert_eq!(q[0].2.as_deref(), Some("sources"));
        // a quoted predicate finishes the sentence its subject began: mixed
        let q = quotes("The party, attended by hundreds of delegates, “allows us to get our message out,” said John Smith.");
        assert_eq!(q[0].1, QuoteKind::Mixed, "{q:?}");
        assert!(q[0].0.starts_with("The party"), "{q:?}");
        // a quoted clause after scene-setting stays direct
        let q = quotes(
            "Because of her weak support with young voters, “she does need him,” Kunin said.",
        );
        assert_eq!(
            (q[0].0.as_str(), q[0].1),
            ("“she does need him,”", QuoteKind::Direct)
        );
        // before a semicolon after the cue: what was said, and a clause after it goes on
        let q = quotes("The increase was moderate in European comparison, she said; in Munich a single journey already cost 3.70 euros.");
        assert_eq!(q[0].0, "The increase was moderate in European comparison");
        assert_eq!(q[0].2.as_deref(), Some("she"));
        let q = quotes(
            "Dream survives among young voters, poll finds;\nGeneration expects more success",
        );
        assert_eq!(q[0].0, "Dream survives among young voters", "{q:?}");
        let q = quotes("These were not omissions by oversight, Brafman noted; the government had deliberately slanted its case summaries.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "These were not omissions by oversight");
        assert_eq!(
            q[1].0,
            "the government had deliberately slanted its case summaries"
        );
    }

    #[test]
    fn according_to_both_ways() {
        let q = quotes("According to the newspaper, the team avoided the hospital.");
        assert_eq!(q[0].0, "the team avoided the hospital");
        assert_eq!(q[0].2.as_deref(), Some("the newspaper"));
        let q = quotes(
            "The team avoided the hospital, according to two people familiar with the matter.",
        );
        assert_eq!(q[0].0, "The team avoided the hospital");
        assert_eq!(
            q[0].2.as_deref(),
            Some("two people familiar with the matter")
        );
        // (the writer's gloss after its comma is no part of it)
        let q = quotes(
            "According to Woodward, “The real estate world is more complex than the CIA,” presumably meaning it will be a focus.",
        );
        assert_eq!(
            q[0].0, "“The real estate world is more complex than the CIA,”",
            "{q:?}"
        );
        // (a quotation right after the source: all of its sentences)
        let q = quotes(
            "According to Limbaugh, “She would not say anything positive. The criticism is unfair.”",
        );
        assert_eq!(
            q,
            [(
                "“She would not say anything positive. The criticism is unfair.”".to_owned(),
                QuoteKind::Direct,
                Some("Limbaugh".to_owned())
            )]
        );
    }

    #[test]
    fn mixed_quote_after_participle() {
        let q = quotes("NATO on Friday rejected Russia’s demand saying the alliance “will not renounce our ability to protect and defend each other”.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Mixed);
        assert_eq!(q[0].2.as_deref(), Some("NATO"));
        assert!(q[0].0.starts_with("the alliance “will not renounce"));
    }

    #[test]
    fn a_content_noun_with_its_own_verb_is_the_clauses_subject() {
        assert_eq!(
            one("John Smith said the case was closed."),
            ("the case was closed".into(), "John Smith".into())
        );
        assert_eq!(
            one("He said the point is that we lost."),
            ("the point is that we lost".into(), "He".into())
        );
    }

    #[test]
    fn the_one_quoted_as_saying_is_the_speaker_not_the_one_quoting() {
        let q = quotes("The official KCNA news agency quoted Kim Yo Jong, the leader's sister, as saying that the allies would “pay dearly”.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Mixed);
        assert_eq!(q[0].2.as_deref(), Some("Kim Yo Jong, the leader's sister"));
        let (c, sp) =
            one("Reuters quoted an unnamed official as telling reporters the deal was off.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the deal was off", "an unnamed official")
        );
        let (c, sp) = one("The paper quoted him as writing that the plan had failed.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("that the plan had failed", "him")
        );
        // the passive keeps its subject
        let (_, sp) = one("Kim was quoted by KCNA as saying the talks had failed.");
        assert_eq!(sp, "Kim");
        let (_, sp) = one("Peskov was quoted on Tuesday as saying the talks had failed.");
        assert_eq!(sp, "Peskov");
    }

    #[test]
    fn asking_not_to_be_named_is_no_quote() {
        let q = quotes("One minister, who asked not to be named, said: “We have lost control.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“We have lost control.”");
        assert!(
            q[0].2
                .as_deref()
                .is_some_and(|s| s.starts_with("One minister")),
            "{q:?}"
        );
        let (c, sp) = one("Two officials who asked not to be identified said the deal was close.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the deal was close", "Two officials")
        );
        assert!(quotes("He asked not to be identified because the talks were private.").is_empty());
        // other requests with "not" are still reported
        assert!(!quotes("Peskov warned not to underestimate Russia.").is_empty());
    }

    #[test]
    fn a_works_title_in_the_place_of_writing_is_not_what_was_written() {
        let (c, sp) = one("King Abdullah wrote in a recent op-ed titled “The World Cannot Look Away” that the war must end.");
        assert_eq!(c, "that the war must end");
        assert!(sp.ends_with("Abdullah"), "{sp}");
    }

    #[test]
    fn a_nationality_before_claims_makes_a_noun_phrase() {
        assert!(quotes("He rejected Chinese claims that he had been spying.").is_empty());
        assert!(quotes("Chinese claims that he had been spying were rejected.").is_empty());
        // a place or a plural people is still a subject
        let (_, sp) = one("Beijing claims that he had been spying.");
        assert_eq!(sp, "Beijing");
        let (_, sp) = one("Russians claim that he was a spy.");
        assert_eq!(sp, "Russians");
        // a nationality noun, or a surname, before the verb is the subject
        let (_, sp) = one("The Chinese claim that he was a spy.");
        assert_eq!(sp, "The Chinese");
        let (_, sp) = one("Dawn French claims that the BBC axed her show.");
        assert_eq!(sp, "Dawn French");
    }

    #[test]
    fn a_name_never_runs_back_across_a_datelines_hyphen() {
        let q = quotes("BEIJING, Oct 18 (Reuters) - China on Wednesday accused the United States of “bullying”.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("China"));
    }

    #[test]
    fn a_party_tag_between_commas_before_a_description_is_not_the_name() {
        let (_, sp) =
            one("Rep. Chip Roy, R-Texas, a leader of the Freedom Caucus, said the bill was dead.");
        assert!(sp.starts_with("Rep. Chip Roy"), "{sp}");
        let (_, sp) = one("Sen. Jon Tester, D-Mont., said the bill was dead.");
        assert!(sp.starts_with("Sen. Jon Tester"), "{sp}");
    }

    #[test]
    fn a_participle_on_the_statement_after_a_trailing_cue_ends_the_sentence() {
        assert_eq!(
            one("The bank will take all necessary measures to protect savers, the Finance Ministry said in a statement issued late on Monday."),
            (
                "The bank will take all necessary measures to protect savers".into(),
                "the Finance Ministry".into()
            )
        );
        let (c, _) = one("The bank will take all necessary measures to protect savers, the Finance Ministry said in a statement posted online.");
        assert_eq!(
            c,
            "The bank will take all necessary measures to protect savers"
        );
        let (c, sp) =
            one("Prices will rise further this year, Goldman said in a note sent to clients.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("Prices will rise further this year", "Goldman")
        );
    }

    #[test]
    fn a_time_phrase_then_a_named_subject_and_cue_starts_another_report() {
        let q = quotes("Moscow has said Western sanctions are doomed to fail, and on Wednesday Kremlin spokesman Dmitry Peskov said the new rules showed that Washington “uses trade as a weapon.”");
        // (the second report's inner "showed that …" reading is dropped later, as an overlap)
        assert!(q.len() >= 2, "{q:?}");
        assert_eq!(q[0].0, "Western sanctions are doomed to fail");
        assert_eq!(q[0].2.as_deref(), Some("Moscow"));
        assert!(q[1].0.starts_with("the new rules showed"), "{q:?}");
        assert!(
            q[1].2
                .as_deref()
                .is_some_and(|s| s.ends_with("Dmitry Peskov")),
            "{q:?}"
        );
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(quotes("Washington has repeatedly promised “severe” consequences.").is_empty());
        assert!(quotes("He hosted “Saturday Night Live” last year.").is_empty());
        let q = quotes("“It is nonsense,” Mr. Trump said by telephone on NBC’s “Meet the Press.”");
        assert_eq!(q.len(), 1, "{q:?}");
        let q = quotes("“We will win,” she said. The network is reviving “Tales From the Crypt,” its old show.");
        assert_eq!(q.len(), 1, "{q:?}");
        // a work named after its noun, "of" or "with"
        let q = quotes("“I was lucky,” Rubio said in his 2012 book, “An American Son.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(quotes(
            "Miller, a co-author of “Those Guys Have All the Fun: Inside the World of ESPN.”"
        )
        .is_empty());
        assert!(quotes("Cuban is also a host on the TV show “Shark Tank.”").is_empty());
        // a title's small words may be longer than three letters
        let q = quotes("“The government should change,” Christie said on ABC’s “This Week with George Stephanopoulos.”");
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn paragraph_quote_continues() {
        let text = "“We reject it,” Lungescu said.\n\n“We will always respond to any deterioration of our security environment.”";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("<cont>"));
    }

    #[test]
    fn relative_clause_keeps_only_the_fragment() {
        let q = quotes("Blinken said allies were ready to respond to Russian demands on European security, which Moscow has said must be addressed to avoid it taking “military measures”.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[0].0,
            "allies were ready to respond to Russian demands on European security"
        );
        assert_eq!(q[1].0, "“military measures”");
        assert_eq!(q[1].2.as_deref(), Some("Moscow"));
    }

    #[test]
    fn introducers_give_speakers() {
        let q = quotes("The timing does not surprise pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost in their support.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Daron Shaw"));
        let q = quotes(
            "Dr. Ward stated:\n\n“The department is no longer about equal justice under the law.”",
        );
        assert_eq!(q[0].2.as_deref(), Some("Dr. Ward"));
        let q = quotes("“Is he really so ignorant of voters?” Scarborough continued. “Is that the way to their heart, to play neutral?”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter().all(|x| x.2.as_deref() == Some("Scarborough")),
            "{q:?}"
        );
        // a subject with an appositive and a short adjunct, then the quotation
        let q = quotes("Sam Lau, the party's spokesman, said in a statement. “There are no paper ballots to recount.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Sam Lau"));
        // a participle after the trailing cue; an opener with "here"
        let q = quotes("“We will see.” Clinton remarked, alluding to the actor.");
        assert_eq!(q[0].2.as_deref(), Some("Clinton"));
        let q = quotes("Here in Columbia, Sanders stepped up his emphasis, saying, “We have got to achieve the day.”");
        assert_eq!(q[0].2.as_deref(), Some("Sanders"));
    }

    #[test]
    fn action_beat_before_a_quote_names_its_speaker() {
        let text = "Luka Kovač said the team would fight on.\n\nHe smiled. “That is a question for the chairman, not for me.”";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("He"));
        let q = quotes_naming(
            "Luka Kovač said the team would fight on.\n\nKovač shook his head. “That is a question for the chairman.”",
            &["Kovač"],
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].1.as_deref(), Some("Kovač"));
        let q = quotes_naming(
            "Lisa Holloway said inflation was sticky.\n\nAsked about the cut, Holloway paused before answering. “I don't think so. The last mile has been harder.”",
            &["Holloway"],
        );
        assert_eq!(
            q.last().and_then(|x| x.1.as_deref()),
            Some("Holloway"),
            "{q:?}"
        );
        // not what happened to someone, nor any deed, nor a thing's doing, nor a long
        // sentence
        for t in [
            "He was arrested on Friday. “This is a travesty of justice for everyone.”",
            "He opened the letter on Tuesday. “We regret to inform you that your lease ends.”",
            "Grant Doyle stared at the floor. “You will serve a minimum of 18 years in prison.”",
            "Prices rose sharply. “This is a disaster for families on low incomes.”",
            "He smiled and walked out of the room before the vote was taken. “That is a question for the chairman.”",
        ] {
            assert!(quotes(t).is_empty(), "{t}: {:?}", quotes(t));
        }
    }

    #[test]
    fn a_clause_after_the_listener_is_no_request() {
        let q = quotes(
            "Ruth Connell told MPs she would summon the Chancellor to explain the forecasts.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "she would summon the Chancellor to explain the forecasts"
        );
        let q = quotes(
            "Majority Whip John Cornyn told reporters this was the only chance to pass a measure.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "this was the only chance to pass a measure");
        let q = quotes("Cornyn told reporters this week that the measure would pass.");
        assert_eq!(q[0].0, "that the measure would pass");
        // a request keeps its listener
        let q = quotes("Ruth Connell told MPs to back the budget.");
        assert_eq!(q[0].0, "MPs to back the budget");
        let q = quotes("Ruth Connell told MPs who had complaints to write to her office.");
        assert_eq!(q[0].0, "MPs who had complaints to write to her office");
    }

    #[test]
    fn reported_requests() {
        let q = quotes("Sanders urged voters in New York to “send a message” to Wall Street.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "voters in New York to “send a message” to Wall Street"
        );
        assert_eq!(q[0].1, QuoteKind::Mixed);
        assert_eq!(q[0].2.as_deref(), Some("Sanders"));
        let q = quotes("She has called for increased regulation of hedge funds.");
        assert_eq!(q[0].0, "increased regulation of hedge funds");
        // a request needs "to" and a verb: "asked about the plan" is not one
        assert!(quotes("Reporters asked about the plan on Friday.").is_empty());
    }

    #[test]
    fn coordinated_cue_with_a_quoted_object() {
        // no clause after "accused": its own frame reads the object, the subject is the
        // first verb's
        let q = quotes(
            "Clinton slammed the shift as a debate-eve conversion and accused Sanders of a “flip-flop.”",
        );
        let accused = q
            .iter()
            .find(|x| x.0.starts_with("Sanders"))
            .expect("{q:?}");
        assert_eq!(accused.0, "Sanders of a “flip-flop.”");
        assert_eq!(accused.1, QuoteKind::Mixed);
        assert_eq!(accused.2.as_deref(), Some("Clinton"));
        // and the first verb's topic ends before the conjunction
        assert!(
            q.iter()
                .any(|x| x.0 == "the shift as a debate-eve conversion"),
            "{q:?}"
        );
    }

    #[test]
    fn sentence_subject_after_openers() {
        // a place's state and a time adjunct belong to the opener (the places tagged as
        // NER would); an adverb before a subordinator opens one; an irregular past tense
        // ends the subject
        for (text, places, who) in [
            (
                "In Columbus, Ohio, Trump visited a plant and said the plan was bad.",
                &["Columbus", "Ohio"][..],
                "Trump",
            ),
            (
                "At a rally in Manchester, N.H., on Monday, Sanders visited a plant, saying the plan was bad.",
                &["Manchester", "N.H."][..],
                "Sanders",
            ),
            (
                "Just before the flight took off, the pilot stood up and said the plan was bad.",
                &[][..],
                "the pilot",
            ),
            (
                "Along with a raft of allegations, the suit claims that Gowdy made statements that damaged his reputation.",
                &[][..],
                "the suit",
            ),
            (
                "Through his announcement, Ryan is acknowledging that Trump owns the party.",
                &[][..],
                "Ryan",
            ),
        ] {
            let mentions: Vec<Mention> = places
                .iter()
                .map(|w| {
                    let a = text.find(w).unwrap();
                    Mention {
                        span: Span::new(a, a + w.len()),
                        label: EntityLabel::Loc,
                        actor: None,
                    }
                })
                .collect();
            let found = find_quotes(text, &segment(text), &mentions);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert!(
                matches!(found[0].speaker, Some(SpeakerSlot::Phrase(sp)) if sp.text(text) == who),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_noun_in_ments_is_no_verb_before_a_quote() {
        let q = quotes(
            "As for Mr. Trump's more extreme pronouncements, \"I kind of write them off,\" said Mr. Pike, who sold a start-up.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2.as_deref().is_some_and(|s| s.ends_with("Pike")),
            "{q:?}"
        );
    }

    #[test]
    fn a_pronoun_subject_takes_no_modifiers() {
        let q = quotes(
            "She shares with Trump a strategy that banks on presenting herself as “anti-system and very proud of it.”",
        );
        let presenting = q
            .iter()
            .find(|x| x.0.starts_with("herself"))
            .expect("{q:?}");
        assert_eq!(presenting.2.as_deref(), Some("She"));
    }

    #[test]
    fn a_dash_after_the_cue_closes_its_aside() {
        let q = quotes(
            "If Russia is behind it — as Democrats are alleging, but Moscow strongly denies — “why wouldn’t you want to raise the potential?” asked Dunn, now a partner at a firm.",
        );
        assert!(q.iter().all(|x| x.2.as_deref() != Some("Moscow")), "{q:?}");
        assert!(
            q.iter()
                .any(|x| x.1 == QuoteKind::Direct && x.2.as_deref() == Some("Dunn")),
            "{q:?}"
        );
    }

    #[test]
    fn a_function_word_in_s_is_no_verb() {
        let q = quotes("Capitalizing on this new formula, the SVP launched the “expulsion of criminal foreigners initiative” in 2010.");
        assert!(
            q.iter().all(|x| x.2.as_deref() != Some("Capitalizing")),
            "{q:?}"
        );
    }

    #[test]
    fn a_works_name_before_its_noun_is_no_quote() {
        let q =
            quotes("“Daily Show” host Trevor Noah on Thursday showed that the mogul was wrong.");
        assert!(q.iter().all(|x| x.0 != "“Daily Show”"), "{q:?}");
    }

    #[test]
    fn a_quotation_reopened_paragraph_after_paragraph_is_one_quote() {
        let text = "“This was one of my finest moments in thirty-eight years of work,” the lawyer wrote.\n\n“It is a badge of honor I will display proudly for the rest of my life.\n\n“I will also have great joy in the outstanding success you will achieve.”";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q[1].0.starts_with("“It is a badge") && q[1].0.ends_with("achieve.”"),
            "{q:?}"
        );
        // however many paragraphs it runs over
        let long = format!(
            "Smith said:\n\n{}“And that is the end of it, as far as I can see it now.”",
            "“We will keep going and we will not stop for anything at all.\n\n".repeat(5000)
        );
        let q = quotes(&long);
        assert_eq!(q.len(), 1, "{}", q.len());
        assert!(q[0].0.ends_with("see it now.”"));
        // a transcript's turns each open a mark and stay apart
        let q = quotes("\"PENCE: Well, the question really should be why they did it.\n\n\"WALLACE: Governor, I don't want to interrupt, but I want to try to get to it.\n\nThe debate went on.");
        assert!(
            q.iter()
                .all(|x| !x.0.contains("WALLACE") || !x.0.contains("PENCE")),
            "{q:?}"
        );
        // another kind of mark opens another quotation
        let q = quotes("\"Melanie thought the whole thing was outrageous. She was not a person who would do that.\n\n“It never crossed my mind that I was losing it, not once in all those years,” she said.");
        assert!(
            q.iter()
                .all(|x| !x.0.contains("Melanie") || !x.0.contains("crossed")),
            "{q:?}"
        );
    }

    #[test]
    fn inverted_cue_after_a_quotation_and_its_adjunct() {
        let q = quotes("“We’re extremely happy” about the decision, said RoseAnn DeMoro, executive director of National Nurses United, a union that has broken away from many other labor groups.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“We’re extremely happy” about the decision");
        assert_eq!(q[0].1, QuoteKind::Mixed);
        // (the phrase with its appositive: attribution takes the name from it)
        assert!(
            q[0].2
                .as_deref()
                .is_some_and(|s| s.starts_with("RoseAnn DeMoro,")),
            "{q:?}"
        );
    }

    #[test]
    fn asides_between_the_subject_and_its_cue() {
        let q = quotes("In May, a federal judge, in response to a Freedom of Information Act request, ordered the State Department to review and to release the emails.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("a federal judge"));
        let q = quotes("Late last month, the company wrote a letter to the president, calling the reports ''inaccurate and deliberately misleading.''");
        assert!(
            q.iter().all(|x| x.2.as_deref() == Some("the company")),
            "{q:?}"
        );
        let q = quotes("Ms. Arnold, who helped found EDGE, an environmental justice group based in Philadelphia, said she did not condone violence.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2
                .as_deref()
                .is_some_and(|s| s.starts_with("Ms. Arnold")),
            "{q:?}"
        );
    }

    #[test]
    fn speakers_found_past_asides_openers_and_odd_cues() {
        // every text holds one report (or two readings of it that attribution reduces to
        // one); the speaker phrase found for each
        for (text, who) in [
            // a time phrase or a longer "to" listener after a trailing cue
            ("“There’s a special place in Hell for people like her!” Smith said last week.", "Smith"),
            ("\"How do you control these big powerful banks?\" Trump said to a crowd of about 500.", "Trump"),
            // a manner verb with its particle
            ("\"Jeb wants to be a tough guy tonight,\" Trump shot back.", "Trump"),
            // the subject after "whom" speaks
            ("He opened the door to the extradition of Fethullah Gulen, the preacher whom Erdogan accuses of masterminding the coup attempt against his government.", "Erdogan"),
            // asides between the subject and its cue: dashes, a participle's, a past
            // participle's, a preposition's
            ("On his way out of the campaign, Mr. Bush - in a line that seemed squarely directed at Mr. Trump - declared that a president must tend to all corners of the country.", "Mr. Bush"),
            ("On his way out, Mr. Bush — in a line aimed at Mr. Trump — declared that a president must tend to all corners of the country.", "Mr. Bush"),
            ("The bickering began even before he cleared Mexican airspace, as Pena Nieto, contradicting Trump, said he had told Trump that Mexico would not pay for a wall.", "Pena Nieto"),
            ("In May, a federal judge, in response to a Freedom of Information Act request, ordered the State Department to review and to release the emails.", "a federal judge"),
            // an absolute phrase of counted people
            ("Many voters shrugged off the decision, with three in 10 saying a vice-presidential candidate would have no effect on their vote.", "three in 10"),
            // the possessor of a claim noun, adjectives between
            ("Now, both Democrats on the ticket will be targets for Trump's false claims that he's an advocate for working people against corporate forces.", "Trump"),
            // before a colon, a capitalised cue word is a name
            ("Editors at the Washington Post had one question:\n\n\"Why would anyone believe a word of it, after all this time?\"", "Editors"),
            // a time phrase opening the sentence
            ("A few minutes later, Murphy followed up by lamenting the churn of meaningless tasks his job entails.", "Murphy"),
            // a second verb after ", then"
            ("Kasich jokingly offered the man a job as Secretary of Defense, then says he will welcome advice from anyone.", "Kasich"),
            // an agency dateline; a manner adverb opening a participle
            ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump’s stance on Brexit, saying that “bombastic comments” do more harm than good.", "Democrat Hillary Clinton"),
            ("Hastily politicizing the tragedy in Nice, Trump cast the blame on his rivals in the U.S., and emphasized the threat that “Islamic terrorism” poses to the world.", "Trump"),
        ] {
            let q = quotes(text);
            assert!(!q.is_empty(), "{text}");
            assert!(q.iter().all(|x| x.2.as_deref() == Some(who)), "{text}: {q:?}");
        }
        // (what the one asked was asked about is a report of its own, by no one named)
        let q = quotes("The issue had come up Friday after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said, \"I think our country does plenty of killing also.\"");
        let q: Vec<(&str, Option<&str>)> =
            q.iter().map(|q| (q.0.as_str(), q.2.as_deref())).collect();
        assert_eq!(
            q,
            [
                ("the deaths of journalists under Mr. Putin", None),
                (
                    "\"I think our country does plenty of killing also.\"",
                    Some("Mr. Trump")
                )
            ]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        let text = "“ ” “ said he “ \" \" ” ”” ““ said";
        let _ = quotes(text);
        let many = "“".repeat(10_000);
        let _ = quotes(&many);
    }

    /// Words of every frame's kind (cue, request, naming, characterising and topic verbs,
    /// verb shapes, "according to", "made clear that"), names, function words, quotation
    /// marks and punctuation.
    const FRAME_SOUP: &[&str] = &[
        "said",
        "says",
        "Says",
        "told",
        "tells",
        "urged",
        "asked",
        "accused",
        "called",
        "calls",
        "labeled",
        "described",
        "hailed",
        "as",
        "according",
        "to",
        "that",
        "clear",
        "made",
        "it",
        "criticized",
        "warned",
        "of",
        "for",
        "on",
        "saying",
        "adding",
        "wrote",
        "believes",
        "denied",
        "rejected",
        "boomed",
        "took",
        "news",
        "is",
        "was",
        "been",
        "the",
        "a",
        "his",
        "plan",
        "voters",
        "Trump",
        "Sanders",
        "he",
        "she",
        "they",
        "and",
        "but",
        "while",
        "when",
        "whether",
        "if",
        "who",
        "reckless",
        "great",
        "really",
        "Mr.",
        "’s",
        "'s",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "'",
        "‘",
        "’",
        ",",
        ".",
        ":",
        ";",
        "-",
        "—",
        "?",
        "(",
        ")",
        "\n\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// `cue_frame`'s pre-test never skips a token where a frame finds something (or
        /// claims a quotation): on word soups the frames read, with and without the
        /// pre-test, give the same at every token.
        #[test]
        fn the_cue_frame_pre_test_skips_only_what_no_frame_reads(
            words in proptest::collection::vec(
                (0..FRAME_SOUP.len(), proptest::bool::ANY),
                0..60,
            ),
        ) {
            let mut text = String::new();
            for (w, glued) in words {
                if !glued && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(FRAME_SOUP[w]);
            }
            let doc = segment(&text);
            let cx = Ctx::new(&text, &doc, &[]);
            for sent in &doc.sentences {
                let (s, e) = (sent.tokens.start, sent.tokens.end);
                for c in s..e {
                    let mut with = vec![false; cx.quoted.len()];
                    let mut without = with.clone();
                    let a = cue_frame(&cx, s, e, c, &mut with);
                    let b = every_cue_frame(&cx, s, e, c, &mut without);
                    proptest::prop_assert_eq!(&a, &b, "token {} of {:?}", c, text);
                    proptest::prop_assert_eq!(&with, &without);
                }
            }
        }
    }

    #[test]
    fn a_claim_noun_keeps_its_clause_past_a_time_and_to_the_sentences_own_verb() {
        // the sentence's own verb ends the clause of its subject's claim
        let q = quotes("Donald Trump’s assertion Monday that more airstrikes are needed in Iraq drew criticism.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that more airstrikes are needed in Iraq");
        assert_eq!(q[0].2.as_deref(), Some("Donald Trump"));
        let q = quotes("His claim that he still has a way to win the nomination would depend on superdelegates.");
        assert_eq!(
            q[0].0, "that he still has a way to win the nomination",
            "{q:?}"
        );
        assert_eq!(q[0].2.as_deref(), Some("His"));
        // a participle describing a noun is no such verb
        let q = quotes(
            "Trump’s claim that Mexico will pay for a wall built by American workers is false.",
        );
        assert_eq!(
            q[0].0, "that Mexico will pay for a wall built by American workers",
            "{q:?}"
        );
        // a possessive pronoun names who asserted it, with the occasion between
        let q = quotes(
            "She came under fire from Republicans over her assertion during the debate that \"we now finally are where we need to be\" in coming up with a strategy.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("that \"we now"), "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Mixed);
        assert_eq!(q[0].2.as_deref(), Some("her"));
        // whose position it is goes unsaid: no speaker rather than "the"
        let q = quotes(
            "But the position that more airstrikes are the answer was not widely supported.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that more airstrikes are the answer");
        assert_eq!(q[0].2, None);
        // a verb before the noun: the clause runs to the end, the subject speaks
        let q = quotes("Cruz entered the debate with an even more forceful argument that 2016 is now a two-man contest.");
        assert_eq!(q[0].0, "that 2016 is now a two-man contest", "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Cruz"));
    }

    #[test]
    fn a_clause_that_lost_its_verbs_object_is_about_the_claim() {
        for text in [
            "He was fired for taking time off, a claim that the office strongly disputes.",
            "The foundation rewarded donors with access, a charge that Mrs. Clinton has faced in the past and has always denied.",
        ] {
            assert_eq!(quotes(text), vec![], "{text}");
        }
        // a noun where the verb would be, and a noun after a verb, leave the claim
        for text in [
            "He repeated his suggestion that the supporter was punched in the face.",
            "She repeated her claim that the firm settles disputes.",
        ] {
            assert_eq!(quotes(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_poll_shows_or_finds_a_noun_phrase_or_a_small_clause() {
        let q = quotes("A new Gallup poll showed Mr. Trump leading Mr. Cruz nationally, 45 percent to 18 percent.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].0.starts_with("Mr. Trump leading Mr. Cruz nationally"),
            "{q:?}"
        );
        assert_eq!(q[0].2.as_deref(), Some("A new Gallup poll"));
        let q = quotes(
            "The April survey found a slimmer lead for Clinton with 46 percent to 41 percent.",
        );
        assert_eq!(
            q[0].0, "a slimmer lead for Clinton with 46 percent to 41 percent",
            "{q:?}"
        );
        // an adverb between the subject and a verb that is also a noun
        let q = quotes("The poll also finds that Clinton maintains a lead over Sanders.");
        assert_eq!(
            q[0].0, "that Clinton maintains a lead over Sanders",
            "{q:?}"
        );
        assert_eq!(q[0].2.as_deref(), Some("The poll"));
        // a document with its maker, a time or a modifier before the verb
        for (text, content, speaker) in [
            (
                "A recent poll by Monmouth University showed Halvorsen trailing his opponent by two points.",
                "Halvorsen trailing his opponent by two points",
                "A recent poll by Monmouth University",
            ),
            (
                "An estimate by the budget office found that 24 million more people would be uninsured.",
                "that 24 million more people would be uninsured",
                "An estimate by the budget office",
            ),
            (
                "A Morning Consult survey this year found that the governor had the lowest approval rating.",
                "that the governor had the lowest approval rating",
                "A Morning Consult survey",
            ),
            (
                "An earlier report found that many would lose their cover.",
                "that many would lose their cover",
                "An earlier report",
            ),
            (
                "An earlier estimate found that many would lose their cover.",
                "that many would lose their cover",
                "An earlier estimate",
            ),
            (
                "The estimate found that many would lose their cover.",
                "that many would lose their cover",
                "The estimate",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, content, "{text}: {q:?}");
            assert_eq!(q[0].2.as_deref(), Some(speaker), "{text}: {q:?}");
        }
        // not what a person showed or found, nor a place a poll went to
        for text in [
            "The senator showed reporters the new hall on Monday.",
            "Investigators found the bodies of three men near the river.",
            "The poll showed up in the news on Monday night.",
        ] {
            assert_eq!(quotes(text), vec![], "{text}");
        }
    }

    #[test]
    fn probe_eight_speakers_and_clauses() {
        // people are told, "of" and all
        let q = quotes("Trump told a crowd of supporters that he would bring back the mills.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that he would bring back the mills");
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        let q = quotes("Rep. Dwight Carrow told the crowd of roughly 1,000 people that he wanted to hear every point of view.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that he wanted to hear every point of view");
        // (some of someone's people, however long the phrase)
        let q = quotes(
            "He told one of his young proteges on a regular basis that terror was the answer.",
        );
        assert_eq!(q[0].0, "that terror was the answer", "{q:?}");
        // but not what a plan would do
        let q = quotes("He told reporters of a plan that would cut taxes.");
        assert!(
            q.iter().all(|(t, _, _)| t != "that would cut taxes"),
            "{q:?}"
        );
        // where a speaker is from is part of who speaks
        for (text, who) in [
            (
                "A strategist in Wisconsin said the remark was costly.",
                "A strategist in Wisconsin",
            ),
            (
                "Officials in Beijing said the talks would resume.",
                "Officials in Beijing",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q[0].2.as_deref(), Some(who), "{text}");
        }
        let q =
            quotes("Clinton released her medical records in July, saying she was fit for duty.");
        assert_ne!(q[0].2.as_deref(), Some("records in July"), "{q:?}");
        // a spokesman for an organisation, then his name, then a participle
        let q = quotes_naming(
            "A spokesman for Keystone Future, Mark Benning, declined to comment, saying the group had not yet reviewed it.",
            &["Mark Benning"],
        );
        assert_eq!(q[0].1.as_deref(), Some("Mark Benning"), "{q:?}");
        // an object pronoun after a closing mark is no speaker
        let q = quotes(
            "Trump dismissed it, writing that \"the real polls\" showed him winning \"by a lot.\"",
        );
        assert!(
            q.iter().all(|(_, _, sp)| sp.as_deref() != Some("him")),
            "{q:?}"
        );
        // a quoted fragment after ", but" is in a clause of its own
        let q = quotes(
            "Clinton's position on NAFTA has shifted over time, but it is a stretch to say she supported it \"every step of the way.\"",
        );
        assert!(
            q.iter().all(|(t, _, _)| !t.starts_with("over time")),
            "{q:?}"
        );
    }

    #[test]
    fn a_question_put_to_the_speaker_is_not_the_answer() {
        let q = quotes("Asked whether he feared a backlash from donors, he laughed.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "whether he feared a backlash from donors");
        assert_eq!(q[0].2, None);
        // the question's comma may sit inside its closing quotation mark
        let q = quotes(
            "Asked if Sanders is “realistic enough to serve effectively as president,” 72 percent of Democrats said yes.",
        );
        assert_eq!(
            q[0].0, "if Sanders is “realistic enough to serve effectively as president,”",
            "{q:?}"
        );
        // nor is a topic the speaker was asked about
        let q = quotes("Asked about the new tariffs, the senator said nothing.");
        assert!(q.iter().all(|(t, _, _)| !t.contains("tariffs")), "{q:?}");
        // in an aside on the one asked, after a place or a time: the asker is not named,
        // and the one asked answers
        let q = quotes("Obama, asked at a news conference in Argentina whether he would withdraw the nomination, said he had no intention of doing so.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "whether he would withdraw the nomination");
        assert_eq!(q[0].2, None);
        assert_eq!(q[1].2.as_deref(), Some("Obama"));
        let q = quotes("When asked whom she supported, she declined to answer.");
        assert_eq!(q[0].0, "whom she supported", "{q:?}");
    }

    #[test]
    fn probe_eight_subjects_and_listeners() {
        // a plural noun before a verb that is also a noun, with "that" after it
        let q = quotes("A snap poll of debate watchers found that 52 percent thought Clinton had won the debate.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that 52 percent thought Clinton had won the debate");
        assert_eq!(q[0].2.as_deref(), Some("A snap poll of debate watchers"));
        // but not an adjective: "Trump's false claims that …" names no speaker "false"
        let q = quotes("He repeated Trump's false claims that the vote was rigged.");
        assert!(
            q.iter()
                .all(|(_, _, sp)| sp.as_deref() != Some("Trump's false")),
            "{q:?}"
        );
        // a content noun with its own verb is the subject of what was said
        let q = quotes("Legal experts said the case faced long odds.");
        assert_eq!(q[0].0, "the case faced long odds", "{q:?}");
        // a running mate speaks, not the one whose mate he is
        let q = quotes("Trump’s running mate is defending the comments, saying the remarks were taken out of context.");
        assert_eq!(q[0].2.as_deref(), Some("Trump’s running mate"), "{q:?}");
        // a plural noun alone before a subject pronoun is who was told
        let q = quotes("The strategist told pollsters they have a negative view of him.");
        assert_eq!(q[0].0, "they have a negative view of him", "{q:?}");
    }

    #[test]
    fn the_review_of_session_22s_rules_holds() {
        let speaker_of = |text: &str, content: &str| -> Option<String> {
            let q = quotes(text);
            q.iter()
                .find(|(t, _, _)| t == content)
                .unwrap_or_else(|| panic!("no {content:?} in {q:?}"))
                .2
                .clone()
        };
        // a question, then the answer in quotation marks
        assert_eq!(
            speaker_of(
                "Asked if he would sign the bill, \"I will,\" the governor said.",
                "\"I will,\""
            ),
            Some("the governor".into())
        );
        // passives keep their clause
        for text in [
            "His lawyers expressed hope that the charges will be dismissed.",
            "Officials rejected his claim that his visa application was denied.",
            "Diplomats voiced hope that progress would be made.",
        ] {
            assert_eq!(quotes(text).len(), 1, "{text}");
        }
        // a subject's claim: up to the sentence's own verb, its possessor speaks
        assert_eq!(
            speaker_of(
                "The senator's claim that the tariffs would help farmers was widely disputed.",
                "that the tariffs would help farmers"
            ),
            Some("The senator".into())
        );
        assert_eq!(
            speaker_of(
                "The company's claim that it paid all its taxes was disputed by auditors.",
                "that it paid all its taxes"
            ),
            Some("The company".into())
        );
        // a verb that is also a noun, after a subject of several words
        assert_eq!(
            speaker_of(
                "The military junta fears that the protests will spread.",
                "that the protests will spread"
            ),
            Some("The military junta".into())
        );
        // "her" as an object is not the claimant
        assert_eq!(
            speaker_of(
                "He gave her assurances that she would keep her job.",
                "that she would keep her job"
            ),
            Some("He".into())
        );
        // relative clauses of the nearer noun, and nouns that modify nouns
        for text in [
            "He made the claim in an interview that aired Sunday.",
            "The senator made the remark during a week that saw record losses on Wall Street.",
            "He issued the warning at a time that markets were already fragile.",
            "Stocks rallied on news reports that the Fed would pause.",
            "He faces weapons charges that could send him to prison for a decade.",
            "The study found its way into the committee's final report.",
        ] {
            assert_eq!(quotes(text), vec![], "{text}");
        }
        let q = quotes("She told stories of abuses that went unpunished for years.");
        assert!(
            q.iter().all(|(t, _, _)| !t.starts_with("that went")),
            "{q:?}"
        );
        // an aside between commas is no clause of its own
        assert_eq!(
            speaker_of(
                "The senator called the plan, while flawed, \"a step forward.\"",
                "the plan, while flawed, \"a step forward.\""
            ),
            Some("The senator".into())
        );
        // a comma inside a quotation mark ends a question only before its answer
        let q = quotes("Asked whether the slogan \"lock her up,\" which he used often, was appropriate, he said it was.");
        assert!(q.iter().all(|(t, _, _)| !t.ends_with("up,\"")), "{q:?}");
    }

    #[test]
    fn a_retort_with_back_is_a_cue() {
        let q = quotes("Kessler shot back that immunity agreements were routine.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that immunity agreements were routine");
        assert_eq!(q[0].2.as_deref(), Some("Kessler"));
        let q = quotes("“That is simply false,” Trump fired back.");
        assert_eq!(q[0].2.as_deref(), Some("Trump"), "{q:?}");
        // the participle reports it
        let q = quotes("The senator hit back, saying the plan was a disgrace.");
        assert_eq!(q[0].0, "the plan was a disgrace", "{q:?}");
        // without "back" they are deeds
        for text in [
            "The police fired rubber bullets at the crowd.",
            "The striker hit the post twice in the second half.",
            "Christie fired back at Trump over the proposal.",
        ] {
            assert_eq!(quotes(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_past_tense_after_a_noun_phrase_object_is_the_speakers_next_act() {
        for (text, object) in [
            ("Zimmerman shot Martin in 2012, but claimed self-defense in the shooting and was acquitted of murder the following year.", "self-defense in the shooting"),
            ("In a video, she criticized Singer and challenged him to a debate.", "Singer"),
            ("The senator denied the allegations and resigned from the board on Tuesday.", "the allegations"),
            ("Walker urged voters to back the party nominee, but sounded equivocal this week.", "voters to back the party nominee"),
            ("The State Department admitted it withheld emails, and delayed findings during the investigation.", "it withheld emails"),
        ] {
            let q = quotes_naming(text, &["Zimmerman", "Martin", "Walker", "State Department", "Twitter"]);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, object, "{text}: {q:?}");
        }
        // a hyphened adjective, a second report, and "said" (whose object may be a
        // clause's subject) go on
        for (text, object) in [
            ("Twitter reported disappointingly flat user growth and worse-than-expected revenue.", "disappointingly flat user growth and worse-than-expected revenue"),
            ("He said the company and affiliated groups were under review.", "the company and affiliated groups were under review"),
        ] {
            let q = quotes_naming(text, &["Zimmerman", "Martin", "Walker", "State Department", "Twitter"]);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, object, "{text}: {q:?}");
        }
    }

    #[test]
    fn a_sentences_first_that_before_a_noun_of_people_is_its_determiner() {
        let q = quotes("That person said the hostility hampered his ability to gain momentum.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("That person"));
        let q = quotes("That source said the plan would fail.");
        assert_eq!(q[0].2.as_deref(), Some("That source"));
        // "That said, …" is the pronoun; a thing after "That" is no speaker
        let q = quotes("That said, the senator argued the plan would fail.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the senator"));
        let q = quotes("That record suggests the county is a bellwether.");
        assert!(
            q.iter().all(|x| x.2.as_deref() != Some("That record")),
            "{q:?}"
        );
    }

    #[test]
    fn a_report_in_an_as_clause_ends_with_the_clause() {
        let q = quotes_naming(
            "But as Trump denounced the missile tests and pledged to confront “knife-wielding attackers,” many in the audience appeared to warm to his message.",
            &["Trump"],
        );
        assert!(
            q.iter()
                .any(|(t, _)| t == "to confront “knife-wielding attackers,”"),
            "{q:?}"
        );
        assert!(q.iter().all(|(t, _)| !t.contains("audience")), "{q:?}");
        // "as" after a main clause runs on
        let q = quotes_naming(
            "The senator said the plan would fail as the money ran out, and the vote failed.",
            &[],
        );
        assert!(
            q.iter().any(|(t, _)| t.contains("as the money ran out")),
            "{q:?}"
        );
    }

    #[test]
    fn speaker_phrases_from_wire_news_keep_their_whole_name() {
        // a straight plural possessive, as a curly one
        for text in [
            "The pilots' union said the company had cut corners.",
            "The pilots\u{2019} union said the company had cut corners.",
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, "the company had cut corners");
            assert!(
                q[0].2.as_deref().is_some_and(|s| s.ends_with("union")),
                "{q:?}"
            );
        }
        // an "and" inside one organisation's name
        let q = quotes_naming(
            "The Centers for Disease Control and Prevention said it was sending a team.",
            &["Centers for Disease Control and Prevention"],
        );
        assert_eq!(
            q[0].1.as_deref(),
            Some("The Centers for Disease Control and Prevention")
        );
        // two people are not one name
        let q = quotes_naming(
            "Smith and Jones said they feared layoffs.",
            &["Smith", "Jones"],
        );
        assert_ne!(q[0].1.as_deref(), Some("Smith and Jones"), "{q:?}");
        // the people in a place speak, not the place
        let q = quotes_naming(
            "Local officials in the town of Altamira said they feared layoffs.",
            &["Altamira"],
        );
        assert_eq!(
            q[0].1.as_deref(),
            Some("Local officials in the town of Altamira")
        );
    }

    #[test]
    fn about_before_a_number_rounds_it_and_names_no_topic() {
        for (text, content) in [
            (
                "Officials said about 140 contacts were no longer being followed.",
                "about 140 contacts were no longer being followed",
            ),
            (
                "Police told reporters about 140 people had been detained.",
                "about 140 people had been detained",
            ),
            (
                "He said about a third of voters were undecided.",
                "about a third of voters were undecided",
            ),
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}: {q:?}");
            assert_eq!(q[0].0, content, "{text}: {q:?}");
        }
        assert_eq!(quotes("He spoke about 20 minutes."), vec![]);
        let q = quotes("He spoke about the 20 minutes he lost.");
        assert_eq!(q[0].0, "the 20 minutes he lost", "{q:?}");
    }

    #[test]
    fn a_court_rules_that_and_a_later_clause_is_the_writers() {
        let q = quotes(
            "The court ruled that authorities had failed to consult indigenous communities.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "that authorities had failed to consult indigenous communities"
        );
        assert_eq!(q[0].2.as_deref(), Some("The court"));
        for text in [
            "The judge ruled the evidence inadmissible.",
            "He ruled out a run for the Senate.",
            "He ruled the country for 30 years.",
        ] {
            assert_eq!(quotes(text), vec![], "{text}");
        }
        // ", but in the course of …, they …": a phrase before the next clause's subject
        let q = quotes_naming(
            "Politifact then ruled that the statement is “true,” but in the course of their report they could not resist a caveat.",
            &["Politifact"],
        );
        assert_eq!(q[0].0, "that the statement is “true,”", "{q:?}");
    }

    #[test]
    fn an_ed_after_a_verb_of_seeming_is_no_cue() {
        let q = quotes_naming(
            "Asked whether Latvia would invoke Article 4, which provides for talks when an ally feels threatened, Kalnins said no decision had been taken.",
            &["Kalnins", "Latvia"],
        );
        assert!(
            q.iter()
                .any(|(t, s)| t == "no decision had been taken" && s.as_deref() == Some("Kalnins")),
            "{q:?}"
        );
        assert!(q.iter().all(|(t, _)| !t.contains("Kalnins")), "{q:?}");
    }

    #[test]
    fn a_which_after_a_verbs_object_has_the_object_for_antecedent() {
        let q = quotes("The agency issued a report, which said that current plans would fail.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "that current plans would fail");
        assert_eq!(q[0].2.as_deref(), Some("a report"));
        let q = quotes("Officials who worked with him said he was fine.");
        assert_eq!(q[0].2.as_deref(), Some("Officials"), "{q:?}");
    }

    #[test]
    fn an_aside_giving_a_work_its_title_is_no_quote_and_no_subject() {
        for (text, content, speaker) in [
            (
                "The report, titled “Broken Promises,” concludes that the program failed.",
                "that the program failed",
                "The report",
            ),
            (
                "The ad, titled \"Unifier?\", concludes that Trump is too dangerous to be president.",
                "that Trump is too dangerous to be president",
                "The ad",
            ),
            (
                "The memo, which was titled “Next Steps,” notes that the party must unite.",
                "that the party must unite",
                "The memo",
            ),
            (
                "A new ad, called “Lifetime Appointment,” says Garland would tip the balance of the court.",
                "Garland would tip the balance of the court",
                "A new ad",
            ),
        ] {
            assert_eq!(one(text), (content.into(), speaker.into()), "{text}");
        }
        // a name given to someone after a comma is still a characterisation
        let q = quotes("Cruz attacked Trump, then called him “a sniveling coward.”");
        assert!(q.iter().any(|q| q.0.contains("sniveling")), "{q:?}");
    }

    #[test]
    fn a_series_of_the_subjects_verbs_keeps_the_subject_as_speaker() {
        let q = quotes("Cruz met Trump, called him “a great leader” and left.");
        let called = q
            .iter()
            .find(|q| q.0 == "him “a great leader”")
            .expect("called");
        assert_eq!(called.2.as_deref(), Some("Cruz"), "{q:?}");
        let q = quotes("Ted Cruz attacked Donald Trump, said the senator was desperate.");
        let said = q
            .iter()
            .find(|q| q.0 == "the senator was desperate")
            .expect("said");
        assert_eq!(said.2.as_deref(), Some("Ted Cruz"), "{q:?}");
        // (a relative clause on the subject keeps the subject it hangs on)
        let q = quotes("The group, which endorsed Trump, said the race was close.");
        let said = q
            .iter()
            .find(|q| q.0 == "the race was close")
            .expect("said");
        assert!(
            said.2
                .as_deref()
                .is_some_and(|sp| sp.starts_with("The group")),
            "{q:?}"
        );
        // (a subject with a participle of its own is one phrase)
        let (_, sp) = one("The report released Monday, said the race was close.");
        assert_eq!(sp, "The report released Monday");
    }

    #[test]
    fn painting_someone_as_something_reports_that_view() {
        for (text, content, speaker) in [
            ("Clinton described Sanders as hypocritical.", "Sanders as hypocritical", "Clinton"),
            (
                "Republicans have portrayed her use of the private email system as a reckless danger to national security.",
                "her use of the private email system as a reckless danger to national security",
                "Republicans",
            ),
            (
                "Fiorina has often sought to characterize her divisive tenure at HP as a success.",
                "her divisive tenure at HP as a success",
                "Fiorina",
            ),
        ] {
            assert_eq!(one(text), (content.into(), speaker.into()), "{text}");
        }
        // a participle's subject is the sentence's; "but insisting" is a report of its own
        let q = quotes("Trump released a statement, describing the soldier as a hero but insisting that the father had no right to attack him.");
        assert_eq!(q[0].0, "the soldier as a hero", "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Trump"), "{q:?}");
        // a passive, a noun, "as well as" and "as soon as" paint no one
        for text in [
            "The attack was initially portrayed by the White House as a violent protest.",
            "The paintings on the wall depicted saints as well as kings.",
            "The campaign will describe the plan as soon as Monday.",
        ] {
            assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
        }
    }

    #[test]
    fn to_question_a_person_is_no_report() {
        let text = "Police questioned John Smith on Friday.";
        let at = text.find("John").unwrap();
        let ents = [person(Span::new(at, at + 10))];
        let doc = segment(text);
        assert!(find_quotes(text, &doc, &ents).is_empty());
        // (a known given name when the tagger missed the person)
        let text = "Senators questioned FDA Commissioner Robert Califf on Tuesday.";
        let doc = segment(text);
        assert!(find_quotes(text, &doc, &[]).is_empty());
        // what is questioned is a thing, or a person about something
        assert_eq!(
            one("Sanders questioned Mr. Trump's veracity.").0,
            "Mr. Trump's veracity"
        );
        assert_eq!(
            quotes("Todd questioned Pence about that position.").len(),
            1
        );
    }

    #[test]
    fn painting_as_needs_a_view_not_a_clause_of_time() {
        for text in [
            "Crews painted the bridge as traffic crawled past.",
            "The video depicts officers as they restrain the man on the ground.",
            "Clinton described her plan as recently as last week.",
        ] {
            assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
        }
        // a participle in an aside ends at the comma that closes it
        let q = quotes("The senator, describing the bill as a disaster, voted against it.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the bill as a disaster");
        // an adverb or a subordinate clause after "as" is still what they are painted as
        assert_eq!(
            one("Clinton spent the week portraying Sanders as singularly focused on economic issues.").0,
            "Sanders as singularly focused on economic issues"
        );
        // a nickname with its author is no title
        let q =
            quotes("Clinton, dubbed “Crooked Hillary” by Trump, said that she would not respond.");
        assert!(q.iter().any(|q| q.0.contains("Crooked Hillary")), "{q:?}");
    }

    #[test]
    fn a_description_of_someone_unnamed_keeps_its_place() {
        let speaker_of = |text: &str, name: &str| {
            let at = text.find(name).unwrap();
            let ents = [Mention {
                span: Span::new(at, at + name.len()),
                label: EntityLabel::Per,
                actor: None,
            }];
            let doc = segment(text);
            find_quotes(text, &doc, &ents)
                .into_iter()
                .find_map(|q| match q.speaker {
                    Some(SpeakerSlot::Phrase(s)) => Some(s.text(text).to_string()),
                    _ => None,
                })
        };
        assert_eq!(
            speaker_of(
                "Two police officers in Ferguson said the crowd was calm.",
                "Ferguson"
            )
            .as_deref(),
            Some("Two police officers in Ferguson")
        );
    }

    #[test]
    fn a_second_speech_act_after_and_ends_what_was_said() {
        let q = quotes(
            "Trump said that Machado was a fraud and encouraged Americans to check out her tape.",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "that Machado was a fraud",
                "Americans to check out her tape"
            ],
            "{q:?}"
        );
        assert!(q.iter().all(|q| q.2.as_deref() == Some("Trump")), "{q:?}");
        // (not another tense, nor a verb that reports nothing)
        let q = quotes("Trump said that Machado lied and encourages fraud.");
        assert_eq!(q[0].0, "that Machado lied and encourages fraud", "{q:?}");
        let q = quotes("Trump said that Machado lied and walked away from the deal.");
        assert_eq!(
            q[0].0, "that Machado lied and walked away from the deal",
            "{q:?}"
        );
    }

    #[test]
    fn a_second_participle_cue_after_and_ends_what_the_first_said() {
        let q = quotes(
            "Trump weighed in, tweeting that it was a “disaster” for Clinton and asking, “How can she lead?”",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "that it was a “disaster” for Clinton",
                "“How can she lead?”"
            ],
            "{q:?}"
        );
        // (not a participle that reports nothing)
        let q =
            quotes("Trump left, saying that Clinton was tired and sleeping, that she was done.");
        assert_eq!(
            q[0].0, "that Clinton was tired and sleeping, that she was done",
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_after_a_colon_with_a_cue_of_its_own_is_said_apart() {
        let q = quotes(
            "Trump asserted that France had lost its identity: “France is no longer France,” he claimed.",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "that France had lost its identity",
                "“France is no longer France,”"
            ],
            "{q:?}"
        );
        assert_eq!(q[1].1, QuoteKind::Direct, "{q:?}");
        assert_eq!(q[1].2.as_deref(), Some("he"), "{q:?}");
        // (or after a dash, inside an aside)
        let q = quotes(
            "Clinton suggested that the plan was unserious - “Again, we need the details,” she said - and charged that he was wrong.",
        );
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "that the plan was unserious",
                "“Again, we need the details,”",
                "that he was wrong"
            ],
            "{q:?}"
        );
        // (with no cue after it, the quotation is still what the first cue reports)
        let q = quotes(
            "Trump asserted that France had lost its identity: “France is no longer France.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("France.”"), "{q:?}");
    }

    #[test]
    fn a_participle_cue_opening_the_sentence_reports_up_to_its_comma() {
        let q =
            quotes("After saying he was nervous to ask a question, the man took the microphone.");
        assert_eq!(
            q,
            [(
                "he was nervous to ask a question".to_owned(),
                QuoteKind::Indirect,
                Some("the man".to_owned())
            )]
        );
        let q = quotes("While saying that he respects her, Mr. Sanders attacked her record.");
        assert_eq!(q[0].0, "that he respects her", "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Mr. Sanders"), "{q:?}");
        // (not without a main clause's subject after the comma, nor a greeting, nor what
        // was left unsaid)
        assert!(quotes("After saying he was nervous, left the room.").is_empty());
        assert!(quotes("Without saying that he would run, Smith left the stage.").is_empty());
        assert!(quotes("After saying goodbye, left the room.").is_empty());
        assert!(quotes("After saying goodbye, the man left.").is_empty());
    }

    #[test]
    fn a_that_after_a_verb_opens_a_clause_whose_subject_reports() {
        let q = quotes("Voters should remember that social scientists say personality is stable.");
        assert_eq!(
            q,
            [(
                "personality is stable".to_owned(),
                QuoteKind::Indirect,
                Some("social scientists".to_owned())
            )]
        );
        // (after a noun it is the relative pronoun: the predicate is what was said)
        let q = quotes("They blocked a rule change that he said would make it harder to win.");
        assert_eq!(q[0].0, "would make it harder to win", "{q:?}");
    }

    #[test]
    fn a_short_question_or_exclamation_before_its_cue_is_a_quote() {
        let q = quotes("“Why not?” Thompson asked.");
        assert_eq!(
            q,
            [(
                "“Why not?”".to_owned(),
                QuoteKind::Direct,
                Some("Thompson".to_owned())
            )]
        );
        let q = quotes("“Perpetual motion!” Rep. Glenn Thompson said of the swirl.");
        assert_eq!(q[0].0, "“Perpetual motion!”", "{q:?}");
        // (not a short quoted phrase with no cue after it)
        assert!(quotes("The crowd answered with “Why not?” and cheered.").is_empty());
    }

    #[test]
    fn a_phrase_after_a_names_comma_before_a_parenthetical_cue_is_its_speaker() {
        let q = quotes("Clinton, a top aide said, is very confident in the contrast.");
        assert_eq!(
            q,
            [(
                "is very confident in the contrast".to_owned(),
                QuoteKind::Indirect,
                Some("a top aide".to_owned())
            )]
        );
        // (an appositive closed by its comma stays one)
        let q = quotes("Clinton, a former senator, said the plan is fine.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Clinton, a former senator"),
            "{q:?}"
        );
    }

    #[test]
    fn a_quotation_after_its_cue_ends_before_a_relative_clause_and_an_adverb_may_close_a_cue() {
        let q =
            quotes("Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon,” who then sang.");
        assert_eq!(q[0].0, "“Ladies and gentlemen, Mr. Paul Simon,”", "{q:?}");
        assert_eq!(q[0].1, QuoteKind::Direct, "{q:?}");
        // (and a song performed is a work, the period inside its marks or not)
        let q = quotes(
            "Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon,” who performed “Bridge Over Troubled Water.”",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“Ladies and gentlemen, Mr. Paul Simon,”", "{q:?}");
        // (a dash before the cue is no end of its sentence)
        let q = quotes("“We will win,” Trump - never one to hold back - said.");
        assert_eq!(q[0].2.as_deref(), Some("Trump"), "{q:?}");
        let q = quotes("“He would have loved Stalin,” Mr. Biden said twice.");
        assert_eq!(
            q,
            [(
                "“He would have loved Stalin,”".to_owned(),
                QuoteKind::Direct,
                Some("Mr. Biden".to_owned())
            )]
        );
    }

    #[test]
    fn a_focus_adverb_between_the_cue_and_that_is_no_part_of_what_was_said() {
        let q = quotes("Gowdy gave no details, saying only that the interviews took place.");
        assert_eq!(q[0].0, "that the interviews took place", "{q:?}");
        let q = quotes("Cruz said instead that every word was true.");
        assert_eq!(q[0].0, "that every word was true", "{q:?}");
        // ("hinting" is a cue of its own, after a preposition too)
        let q = quotes("Carson spoke after hinting that “personnel changes” could come.");
        assert_eq!(q[0].0, "that “personnel changes” could come", "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Carson"), "{q:?}");
    }

    #[test]
    fn a_listener_named_like_a_cue_still_ends_the_sentence() {
        // ("Post" is also a verb of writing)
        let q = quotes("Taxes will rise next year, Graham told The Washington Post.");
        assert_eq!(
            q,
            [(
                "Taxes will rise next year".to_owned(),
                QuoteKind::Indirect,
                Some("Graham".to_owned())
            )]
        );
    }

    #[test]
    fn quoted_words_given_an_object_as_a_characterisation_are_mixed() {
        let q = quotes("Trump openly admires Russian President Vladimir Putin as a “strong leader,” comparing him favorably to Obama.");
        assert!(
            q.iter().any(
                |q| q.0 == "Russian President Vladimir Putin as a “strong leader,”"
                    && q.1 == QuoteKind::Mixed
                    && q.2.as_deref() == Some("Trump")
            ),
            "{q:?}"
        );
        let q = quotes("Senate Minority Leader Harry Reid has been steadily pounding Trump as a “con artist” for months.");
        assert!(q.iter().any(|q| q.0 == "Trump as a “con artist”"), "{q:?}");
        // (a passive names no one who said it; a noun after its determiner is no verb)
        let q = quotes("The camp, known as the “Jungle,” was cleared by police on Monday.");
        assert!(q.iter().all(|q| q.2.is_none()), "{q:?}");
        let q = quotes("Critics described the meeting as a “disaster” for the party.");
        assert!(
            q.iter()
                .any(|q| q.0.starts_with("the meeting as a “disaster”")),
            "{q:?}"
        );
        // (not a list or a comparison)
        assert!(quotes("He listed products such as “smart” phones and tablets.").is_empty());
        assert!(quotes("It is not as easily weaponized as the “1960s” model.").is_empty());
    }

    #[test]
    fn an_expectation_nobody_is_named_for_is_reported() {
        let q = quotes("Trump is expected to deliver a victory speech later tonight.");
        assert_eq!(
            q,
            [(
                "to deliver a victory speech later tonight".to_owned(),
                QuoteKind::Indirect,
                None
            )]
        );
        // (up to the end of its clause, through an adverb before "expected")
        let q = quotes("The decision is widely expected to be unfavorable for Beijing, with sharp consequences.");
        assert_eq!(q[0].0, "to be unfavorable for Beijing", "{q:?}");
        // (not an active "expected", nor a noun after "to", nor two words)
        assert!(quotes("Analysts expected to see a rise in prices.")
            .iter()
            .all(|q| q.2.is_some()));
        assert!(quotes("The vote is expected to the end of the week.").is_empty());
        assert!(quotes("The vote is expected to pass.").is_empty());
        // (a report inside keeps its speaker; a question is no expectation)
        let q = quotes("Trump is expected to tell supporters that he will win the state.");
        assert_eq!(
            q,
            [(
                "that he will win the state".to_owned(),
                QuoteKind::Indirect,
                Some("Trump".to_owned())
            )]
        );
        assert!(quotes("Who is expected to attend the summit in Paris?").is_empty());
    }

    #[test]
    fn what_a_speaker_cites_is_theirs_with_its_list() {
        let q = quotes_naming(
            "“There is anger that people feel,” McCain said, citing low economic growth, unemployment and growing inequality.",
            &["McCain"],
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[1],
            (
                "low economic growth, unemployment and growing inequality".to_owned(),
                Some("McCain".to_owned())
            )
        );
        let q = quotes("The senator opposed the bill, citing its cost.");
        assert!(q.iter().any(|q| q.0 == "its cost"), "{q:?}");
        // (the other participles whose objects PolNeAR attributes most of the time)
        let q = quotes("The senator spoke for an hour, dismissing the report as partisan.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the report as partisan");
        let q = quotes("Clinton spoke on Tuesday, thanking her supporters.");
        assert_eq!(q[0].0, "her supporters", "{q:?}");
        // (a list's comma, not an appositive's, nor a clause's)
        let q = quotes_naming(
            "Abedin referred to Jeffrey Feltman, a State Department official overseeing Lebanon and the region.",
            &["Abedin", "Jeffrey Feltman"],
        );
        assert_eq!(q[0].0, "Jeffrey Feltman", "{q:?}");
        let q = quotes("He criticized the plan, and the senators voted against it.");
        assert_eq!(q[0].0, "the plan", "{q:?}");
    }

    #[test]
    fn the_short_readings_of_this_session_leave_other_senses_alone() {
        // a word before a clause of its own is no pro-form
        let q = quotes("The spokesman said yes, the company would cooperate.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "yes, the company would cooperate");
        assert!(
            quotes("Trump said when, as a young man, he visited Scotland, his mother wept.")
                .iter()
                .all(|q| q.0 != "when")
        );
        let q = quotes("The senator said no to the war on Monday, then left.");
        assert_eq!(q[0].0, "no to the war", "{q:?}");
        // a listener after "said to", other senses of "name" and "confirm"
        assert!(quotes("What was said to reporters on Monday was not true.").is_empty());
        assert!(quotes("The council refused to name the street after King.").is_empty());
        assert!(quotes("The board refused to confirm Smith as chairman.").is_empty());
        // a clause after ", and" is no item of a list; a dash ends one
        let q = quotes("Clinton criticized the plan, and most voters oppose the idea.");
        assert_eq!(q[0].0, "the plan", "{q:?}");
        let q = quotes("He criticized the plan, citing high costs, delays and overruns - a familiar complaint.");
        assert!(
            q.iter().any(|q| q.0 == "high costs, delays and overruns"),
            "{q:?}"
        );
        // a gerund after "is" is no one's act in progress
        assert!(quotes("The easiest response is blaming the media.").is_empty());
        // a comma inside the closing mark ends what unnamed people are said to be
        let q = quotes("Priebus was said to be “furious,” another sign of trouble.");
        assert_eq!(q[0].0, "to be “furious,”", "{q:?}");
    }

    #[test]
    fn what_someone_mentions_or_makes_no_mention_of_is_theirs() {
        let q = quotes_naming("Trump made no mention of Jeb Bush.", &["Trump", "Jeb Bush"]);
        assert_eq!(q, [("Jeb Bush".to_owned(), Some("Trump".to_owned()))]);
        let q = quotes_naming(
            "Carson did not mention any of his opponents by name.",
            &["Carson"],
        );
        assert_eq!(
            q,
            [(
                "any of his opponents by name".to_owned(),
                Some("Carson".to_owned())
            )]
        );
        // (the noun with no verb of making, and the idiom, mention nothing)
        assert!(quotes("There was no mention of the war in the report.").is_empty());
        assert!(quotes("The plan has flaws, not to mention its cost.").is_empty());
    }

    #[test]
    fn what_a_speaker_declines_to_say_is_theirs() {
        assert_eq!(
            quotes("The Vermont senator declined to say whether it is appropriate."),
            [(
                "to say whether it is appropriate".to_owned(),
                QuoteKind::Indirect,
                Some("The Vermont senator".to_owned())
            )]
        );
        let q = quotes("She refused to say the words “radical Islam,” another moment seized upon.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "to say the words “radical Islam,”");
        assert_eq!(q[0].1, QuoteKind::Mixed);
        // (no object, or only where or when)
        assert!(quotes("The aide declined to comment.").is_empty());
        assert!(quotes("The campaign refused to answer on multiple occasions.").is_empty());
    }

    #[test]
    fn a_comparison_before_a_catenative_keeps_the_subject() {
        let q = quotes(
            "Voters are slightly more likely to say that Clinton represents their positions.",
        );
        assert_eq!(
            q,
            [(
                "that Clinton represents their positions".to_owned(),
                QuoteKind::Indirect,
                Some("Voters".to_owned())
            )]
        );
    }

    #[test]
    fn a_pro_form_said_is_what_was_said() {
        let q = quotes("Six in 10 call him decisive, after half said so in the earlier poll.");
        assert!(
            q.iter()
                .any(|q| q.0 == "so" && q.2.as_deref() == Some("half")),
            "{q:?}"
        );
        let q = quotes("Asked about it, 46 percent of voters said yes, compared with 23 percent.");
        assert!(q.iter().any(|q| q.0 == "yes"), "{q:?}");
        let q = quotes("Three-quarters of them said the same of Sanders.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the same of Sanders");
        let q = quotes("Asked whether he would run, Ryan said no.");
        assert!(q.iter().any(|q| q.0 == "no"), "{q:?}");
        let q = quotes("The senator said no to the Iraq war.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "no to the Iraq war");
        let q = quotes("Cook said Carter stopped the practice, but Cook did not say when.");
        assert!(q.iter().any(|q| q.0 == "when"), "{q:?}");
        let q = quotes("Flynn said as much in an interview on Thursday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "as much");
        // (a word that opens something else: a clause, a quantity)
        for text in [
            "She said no one came to the meeting.",
            "He said the same technology could be used.",
        ] {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{q:?}");
            assert!(q[0].0.split(' ').count() > 3, "{q:?}");
        }
        assert!(quotes("He said so many things.").is_empty());
    }

    #[test]
    fn what_someone_is_said_to_do_is_reported_by_no_one_named() {
        assert_eq!(
            quotes("Priebus was said to be “furious” with Trump for dividing the party."),
            [(
                "to be “furious” with Trump for dividing the party".to_owned(),
                QuoteKind::Mixed,
                None
            )]
        );
        assert_eq!(
            quotes("Some advisers are said to be urging the governor to resign."),
            [(
                "to be urging the governor to resign".to_owned(),
                QuoteKind::Indirect,
                None
            )]
        );
        // (not the active "said to" of a listener)
        assert!(quotes("“We will win,” he said to cheers.")
            .iter()
            .all(|q| q.0 == "“We will win,”"));
    }

    #[test]
    fn what_someone_refers_or_points_to_is_theirs() {
        let q = quotes_naming(
            "“He is the worst president we have ever had,” Trump said, referring to Barack Obama.",
            &["Trump", "Barack Obama"],
        );
        assert!(
            q.iter()
                .any(|q| q.0 == "Barack Obama" && q.1.as_deref() == Some("Trump")),
            "{q:?}"
        );
        let q = quotes_naming(
            "Clinton pointed to the jobs report as proof that the recovery was real.",
            &["Clinton"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Clinton"));
        // (a word or a thing refers to nothing anyone said, nor does a capital that
        // names no one)
        assert!(quotes("The term refers to a period of slow growth.").is_empty());
        assert!(quotes("Signs pointed to a slowdown in hiring.").is_empty());
    }

    #[test]
    fn a_participle_after_an_inverted_cue_is_the_named_speakers() {
        let q = quotes_naming(
            "“We need Chapter 9,” said Ms. Acosta, referring to the bankruptcy chapter used by cities.",
            &["Acosta"],
        );
        assert!(
            q.iter()
                .any(|q| q.0 == "the bankruptcy chapter used by cities"
                    && q.1.as_deref().is_some_and(|s| s.contains("Acosta"))),
            "{q:?}"
        );
    }

    #[test]
    fn a_family_member_before_a_name_is_its_appositive() {
        let q = quotes_naming(
            "The economy is weak, Scott’s niece, Kellyanne Conway, said.",
            &["Scott", "Kellyanne Conway"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "The economy is weak");
        assert!(
            q[0].1.as_deref().is_some_and(|s| s.contains("Conway")),
            "{q:?}"
        );
        let q = quotes_naming(
            "“We will win,” Scott’s niece, Kellyanne Conway, said.",
            &["Scott", "Kellyanne Conway"],
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "“We will win,”");
    }

    #[test]
    fn two_named_subjects_after_while_start_another_report() {
        let q = quotes("Murkowski said she would “support the nominee,” while Maine Sen. Susan Collins and Texas Rep. Louis Gohmert suggested they would not vote for him.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "she would “support the nominee,”");
        assert_eq!(q[1].0, "they would not vote for him");
        // (a list's next names are no new subject)
        let q = quotes("He said that Tapper, Bash and Blitzer had mentioned it on television.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "that Tapper, Bash and Blitzer had mentioned it on television"
        );
    }

    #[test]
    fn a_manner_verb_in_the_present_tense_is_a_cue() {
        let q = quotes(
            "\"Did you shoot him? He better not be dead,\" she yells while moving along the street.",
        );
        assert_eq!(
            q,
            [(
                "\"Did you shoot him? He better not be dead,\"".to_owned(),
                QuoteKind::Direct,
                Some("she".to_owned())
            )]
        );
    }

    #[test]
    fn a_topic_verb_in_progress_is_the_subjects_act() {
        let q = quotes_naming("Gross was referring to Jim Brady and his wife.", &["Gross"]);
        assert_eq!(
            q,
            [(
                "Jim Brady and his wife".to_owned(),
                Some("Gross".to_owned())
            )]
        );
        let q = quotes("The senator was criticizing the plan on Monday.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the plan");
        // (the passive still says nothing: "was criticized by")
        assert!(quotes("The plan was criticized by the senator.").is_empty());
    }

    #[test]
    fn a_quote_after_another_report_has_no_lead() {
        let q = quotes("\"His normal demeanor is grumpy,\" she said, but despite the increasingly fractious tone, \"I think he will do it,\" Kunin said.");
        assert_eq!(
            q,
            [
                (
                    "\"His normal demeanor is grumpy,\"".to_owned(),
                    QuoteKind::Direct,
                    Some("she".to_owned())
                ),
                (
                    "\"I think he will do it,\"".to_owned(),
                    QuoteKind::Direct,
                    Some("Kunin".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn a_cue_noun_with_modifiers_takes_the_sentences_subject() {
        let q = quotes("Trump never missed an opportunity to remind the audience he was the only candidate self-funding his campaign.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "he was the only candidate self-funding his campaign"
        );
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
    }

    #[test]
    fn a_topic_object_does_not_run_over_the_main_clause_to_a_quote() {
        let q = quotes("With Democratic leaders increasingly worried about a lack of passion among young black voters, President Obama is rolling out a new campaign message: “It’s about me.”");
        assert!(
            q.iter()
                .any(|q| q.0 == "a lack of passion among young black voters"),
            "{q:?}"
        );
        assert!(
            q.iter()
                .any(|q| q.0 == "“It’s about me.”" && q.1 == QuoteKind::Direct),
            "{q:?}"
        );
        // (an aside with no verb of its own still leads to the quoted characterisation)
        let q = quotes(
            "Trump assailed a federal judge, Gonzalo Curiel, for his “Mexican heritage” on Friday.",
        );
        assert!(
            q.iter().any(|q| q.0.ends_with("“Mexican heritage”")),
            "{q:?}"
        );
    }

    #[test]
    fn pieces_around_a_mid_or_final_cue() {
        // a participle of consequence after ", X said," is the writer's
        let q = quotes("North Korea fired a missile early Tuesday, the government said, prompting Tokyo to send alerts.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "North Korea fired a missile early Tuesday");
        // a noun-like verb after a clause and before a name is an inverted cue
        let (c, sp) = one("Flying is not a constitutional right, notes Gerry Hebert of the Campaign Legal Center.");
        assert_eq!(c, "Flying is not a constitutional right");
        assert!(sp.starts_with("Gerry Hebert"), "{sp}");
        // (not before the subject of a clause of its own)
        let q = quotes("An analysis of the data since Jan. 1, 2015, shows Democratic groups outpacing Republicans.");
        assert!(q.iter().all(|q| q.2.as_deref() != Some("Jan. 1")));
        // a request after "but" is the speaker's next act
        let q =
            quotes("The club said that the team supports the vote but called on fans to behave.");
        assert_eq!(q[0].0, "that the team supports the vote", "{q:?}");
        // what follows ", X said, but …" goes on with what was said, from the conjunction on
        let q = quotes("The survey counts every donor, Strother said, but the campaign does not ask them their income.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0, "but the campaign does not ask them their income");
        assert_eq!(q[1].2.as_deref(), Some("Strother"));
        // (not a report of its own after the conjunction)
        let q = quotes("The plane was insured for $35 million, records show, and aviation experts say it is worth less now.");
        assert!(q.iter().all(|q| !q.0.starts_with("and")), "{q:?}");
        // (after the cue's listener too)
        let q = quotes("The state budget is balanced, Smith told the committee, and the state will not borrow.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "The state budget is balanced");
        assert_eq!(q[1].0, "and the state will not borrow");
        assert_eq!(q[1].2.as_deref(), Some("Smith"));
        // (not the speaker's own next act)
        let q = quotes(
            "The state budget is balanced, Smith told the committee, and then left the room.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        // an auxiliary after the cue's comma is the predicate of the clause it splits
        let q = quotes("The plan, he said, was failing.");
        assert_eq!(
            q.iter().map(|q| q.0.as_str()).collect::<Vec<_>>(),
            ["The plan", "was failing"],
            "{q:?}"
        );
        let q = quotes("The deal, Smith said, remains alive.");
        assert_eq!(q.len(), 2, "{q:?}");
        // (still an adjunct: "…, Smith said last week.")
        let q = quotes("The deal is dead, Smith said last week.");
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn a_quoted_word_or_title_ending_in_a_comma_is_no_listener_or_quotation() {
        // the comma inside the marks closes a quoted word of what was told
        let q = quotes("Mr. Paulson told investors that concerns about Valeant were “overblown,” adding that Valeant had “significant upside.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "that concerns about Valeant were “overblown,”");
        assert_eq!(q[0].2.as_deref(), Some("Mr. Paulson"));
        // (a comma outside the marks still ends a long listener before a quotation)
        let q = quotes("He told Breitbart News host Matt Boyle, “We will win this state.”");
        assert_eq!(q[0].0, "“We will win this state.”", "{q:?}");
        // a work's name closing an aside on the subject: the subject says what follows
        let q = quotes(
            "Hemsley, the co-author of “Going Viral,” said the nation once had a unifying story.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the nation once had a unifying story");
        assert!(
            q[0].2.as_deref().is_some_and(|s| s.starts_with("Hemsley,")),
            "{q:?}"
        );
        // (a work's name after a possessive, whatever follows the cue; a slogan alone
        // stays a quotation)
        let q = quotes("Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested Donald Trump’s refusal could cost him.");
        assert!(q.iter().all(|q| !q.0.contains("Morning Joe")), "{q:?}");
        let q = quotes("“Make America Great Again,” said Donald Trump.");
        assert_eq!(q[0].0, "“Make America Great Again,”", "{q:?}");
    }

    #[test]
    fn a_topics_object_runs_over_a_verb_in_progress_and_stops_at_the_next_clauses_modal() {
        let q = quotes("Weaver criticized the notion that the campaign is calling the former secretary of state corrupt.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "the notion that the campaign is calling the former secretary of state corrupt"
        );
        assert_eq!(q[0].2.as_deref(), Some("Weaver"));
        // a modal after a bare noun phrase is the next clause's
        let q = quotes(
            "A candidate who has often denounced the party's orthodoxy might achieve party unity.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the party's orthodoxy");
        // (not after a clause inside the object)
        let q = quotes("Republicans criticized the lack of details about where the U.S. might move the detainees.");
        assert_eq!(
            q[0].0, "the lack of details about where the U.S. might move the detainees",
            "{q:?}"
        );
        // a participle of saying after the object still ends it
        let q = quotes("Smith criticized the plan, calling it a disaster.");
        assert_eq!(q[0].0, "the plan", "{q:?}");
    }

    #[test]
    fn a_verb_that_reports_only_with_that_takes_its_clause() {
        let (c, sp) = one("A campaign aide later clarified that Clinton misspoke.");
        assert_eq!(c, "that Clinton misspoke");
        assert_eq!(sp, "A campaign aide");
        let (c, sp) = one("Mr. Putin forecast that the slumping economy would soon rebound.");
        assert_eq!(c, "that the slumping economy would soon rebound");
        assert_eq!(sp, "Mr. Putin");
        // the subject, not the possessive inside it, protested
        let (_, sp) = one("His campaign protested that Clinton aides were being disingenuous.");
        assert_eq!(sp, "His campaign");
        // with a noun phrase, or "that" with no clause, no words are reported
        assert!(
            quotes("The fight in Nevada underscored the determination of his supporters.")
                .is_empty()
        );
        assert!(quotes("Sharpton later clarified that to mean something else.").is_empty());
        assert!(quotes("The protests that culminated in two nights of violence ended.").is_empty());
    }

    #[test]
    fn what_someone_is_critical_or_supportive_of_is_their_stance() {
        let (c, sp) = one("Earlier Sunday, Trump was critical of Obama’s leadership.");
        assert_eq!(c, "Obama’s leadership");
        assert_eq!(sp, "Trump");
        let (c, sp) = one("Republicans have been sharply critical of Clinton’s use of personal email during her bid for the nomination.");
        assert_eq!(c, "Clinton’s use of personal email");
        assert_eq!(sp, "Republicans");
        let (c, _) = one("He’s also supportive of the state’s testing program.");
        assert_eq!(c, "the state’s testing program");
        // (a description, not a form of "be": no one's stance)
        assert!(quotes(
            "Birdthistle, author of a new book critical of our system of saving, spoke."
        )
        .is_empty());
    }

    #[test]
    fn a_passive_question_has_no_speaker_and_a_stance_ends_at_the_main_verb() {
        let q = quotes("After a rally Friday, Hillary Clinton was asked about speeches she made behind closed doors.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "speeches she made behind closed doors");
        assert_eq!(q[0].2, None);
        // (what it was about, not when; "as well as" goes on)
        let q = quotes("Mr. Trump was asked about it during the debate.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("He was asked about the former first lady as well as his rivals.");
        assert_eq!(
            q[0].0, "the former first lady as well as his rivals",
            "{q:?}"
        );
        let q = quotes("She has been asked whether she would run again.");
        assert_eq!(q[0].0, "whether she would run again", "{q:?}");
        // pushing for something, in progress, is the subject's
        let (c, sp) =
            one("New York Gov. Andrew Cuomo is currently pushing for a $15 minimum wage.");
        assert_eq!(c, "a $15 minimum wage");
        assert!(sp.ends_with("Andrew Cuomo"), "{sp}");
        // a stance's object ends where the sentence's own verb comes
        let q = quotes("While the operators who had been so dismissive of Bob left the country, the chief stayed.");
        assert_eq!(q[0].0, "Bob", "{q:?}");
        let (c, _) = one("They are deeply skeptical of free trade.");
        assert_eq!(c, "free trade");
    }

    #[test]
    fn what_someone_reportedly_did_is_reported_by_no_one_named() {
        let q = quotes("The FBI is reportedly making arrangements to interview Clinton as it nears the end of its inquiry.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "making arrangements to interview Clinton");
        assert_eq!(q[0].2, None);
        let q = quotes("(Her team has reportedly consulted psychologists) Clinton is confronting a hard reality.");
        assert_eq!(q[0].0, "consulted psychologists", "{q:?}");
        // (only after an auxiliary: "Trump reportedly said, …" is the cue's)
        assert!(quotes("A revolt on the floor reportedly began shortly after.").is_empty());
    }

    #[test]
    fn pointing_out_reports_and_pointing_to_names_a_topic() {
        let (c, sp) = one("Carson turned the story back on the Post, pointing out that the paper had reported it in June.");
        assert_eq!(c, "that the paper had reported it in June");
        assert_eq!(sp, "Carson");
        let (c, _) = one("He’s pointing out the progress he’s made in the polls.");
        assert_eq!(c, "the progress he’s made in the polls");
        // (", pointing to …" is no cue of saying: the topic frame's, which needs a
        // tagged name as subject)
        let q = quotes("Donald Trump defended the plan, pointing to the jobs report.");
        assert!(q.iter().all(|q| !q.0.starts_with("to ")), "{q:?}");
    }

    #[test]
    fn what_someone_referenced_invoked_or_retweeted_is_theirs() {
        // (like "referred to", only someone references: a name or a person's pronoun)
        let (c, sp) = one("He referenced a 2015 inspector general's report on e-mail retention.");
        assert_eq!(c, "a 2015 inspector general's report on e-mail retention");
        assert_eq!(sp, "He");
        assert!(quotes("The memo referenced a report on retention.").is_empty());
        let (c, _) =
            one("Then she invoked the Sept. 11, 2001, terrorist attacks to defend herself.");
        assert_eq!(c, "the Sept. 11, 2001, terrorist attacks to defend herself");
        let (c, _) = one("Scarborough retweeted the message.");
        assert_eq!(c, "the message");
        // what someone is describing, after a comma or in progress
        let q = quotes("“It’s a business decision,” a Carrier executive tells employees, describing how their jobs will be sent to Mexico.");
        assert_eq!(q[1].0, "how their jobs will be sent to Mexico", "{q:?}");
        let (c, sp) = one("The governor ordered such a quarantine.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("such a quarantine", "The governor")
        );
        let (c, _) = one("Sanders is outlining a litany of policy proposals on jobs.");
        assert_eq!(c, "a litany of policy proposals on jobs");
        let (c, sp) = one("The leading candidates also sparred over financial regulations.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("financial regulations", "The leading candidates")
        );
        // (a relative clause's gap: what was retweeted is the subject before it)
        assert!(quotes("The account Trump retweeted was set up as a trap.").is_empty());
    }

    #[test]
    fn review_mends_of_session_32() {
        let first = |t: &str| quotes(t).first().map(|q| q.0.clone());
        for (text, object) in [
            // a capital is no modal or auxiliary
            (
                "Trump criticized Prime Minister Theresa May.",
                "Prime Minister Theresa May",
            ),
            (
                "Trump praised May's handling of Brexit.",
                "May's handling of Brexit",
            ),
            // a modal ends a topic's object only inside a relative clause
            (
                "Pelosi denounced the cuts Republicans would make to Medicare.",
                "the cuts Republicans would make to Medicare",
            ),
            // a stance's object keeps its own verbs and "as well as"
            (
                "Trump was critical of what he called a rigged system.",
                "what he called a rigged system",
            ),
            (
                "Republicans have been critical of the proposed deal.",
                "the proposed deal",
            ),
            (
                "Cruz was critical of Trump as well as Clinton.",
                "Trump as well as Clinton",
            ),
        ] {
            assert_eq!(first(text).as_deref(), Some(object), "{text}");
        }
        // a negated stance is none
        assert!(quotes("Trump was not critical of Putin.").is_empty());
        // a that-verb's speaker is its own subject; after a possessive it is a noun
        let q = quotes("Trump made the remarks Tuesday, but his campaign later clarified that he meant something else.");
        assert_eq!(
            q.last().and_then(|q| q.2.as_deref()),
            Some("his campaign"),
            "{q:?}"
        );
        // a passive question stops before where it was put; a pronoun alone is no topic
        assert_eq!(
            first("Clinton was asked about her emails at a campaign stop in Iowa.").as_deref(),
            Some("her emails")
        );
        assert!(quotes("He was asked about it repeatedly.").is_empty());
        // a participle on a noun, then when, is no topic verb
        assert!(quotes("Under the proposals outlined last week, taxes would rise.").is_empty());
        // "reportedly" before a verb of saying leaves it to the cue; "as a" is a role
        assert_eq!(
            first("Kaine is reportedly being vetted as a running mate.").as_deref(),
            Some("being vetted as a running mate")
        );
        assert!(quotes("Trump has reportedly said that he would run.")
            .iter()
            .all(|q| !q.0.starts_with("said")));
        // a work's name with no aside before it stays part of what was said
        let q = quotes("It's Washington's version of “Let's Make a Deal,” said Sen. Jeff Flake.");
        assert!(q[0].0.contains("Let's Make a Deal"), "{q:?}");
    }

    #[test]
    fn a_subordinate_clause_after_a_cue_sentence_keeps_its_reports_to_itself() {
        let q = quotes("“Who do they think they are?” Trump said of Apple in February, when the company balked at hacking an iPhone used by one of the two people in a mass shooting in San Bernardino, California.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Trump"));
        assert_eq!(
            q[1].0,
            "hacking an iPhone used by one of the two people in a mass shooting in San Bernardino"
        );
        assert_eq!(q[1].2.as_deref(), Some("the company"));
        let (c, sp) =
            one("City officials have since balked at the owner's proposal to build a hotel.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the owner's proposal to build a hotel", "City officials")
        );
    }

    #[test]
    fn a_relative_that_before_a_verb_of_saying_is_its_subject() {
        let (c, sp) = one("He released a letter that says he is in good health.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("he is in good health", "a letter")
        );
        let (c, sp) = one("There are many voters that say the economy is weak.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the economy is weak", "many voters")
        );
        // a noun that takes a that-clause still has a relative clause when a verb of
        // saying follows "that"
        let (c, sp) = one("The group issued a statement that said the vote was rigged.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("the vote was rigged", "a statement")
        );
        // when it was said, and a particle of the verb before, are no part of the noun
        let (c, sp) = one(
            "Stories spread, including a post in September that said FEMA would resettle refugees.",
        );
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("FEMA would resettle refugees", "a post")
        );
        let (c, sp) = one("He shared a post that said FEMA would resettle refugees.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("FEMA would resettle refugees", "a post")
        );
        let q = quotes("They passed out water bottles that said, “The party welcomes you.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("water bottles"));
        // a demonstrative subject, and "that" after a verb, are no relative pronoun
        assert!(quotes("That says a lot about him.").is_empty());
        let (_, sp) = one("Officials argued that said nothing new.");
        assert_eq!(sp, "Officials");
        let (c, sp) = one("Many Democrats believe that shows Trump is vulnerable.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("that shows Trump is vulnerable", "Many Democrats")
        );
        // a participle or "likely" describing the noun stays in it; a participle with
        // its time before "that" is no part of the noun
        let (_, sp) = one("He saw a survey of registered voters that said the race was tight.");
        assert_eq!(sp, "a survey of registered voters");
        let (_, sp) = one("He saw a poll of likely voters that said the race was tight.");
        assert_eq!(sp, "a poll of likely voters");
        let q = quotes("Stein cited emails leaked last week that showed senior members sought to undercut Sanders.");
        assert!(q.iter().any(|q| q.2.as_deref() == Some("emails")), "{q:?}");
        // when comes off a "which" clause's antecedent too
        let (c, sp) =
            one("Clinton released her medical records in July, which showed she was fit for duty.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("she was fit for duty", "her medical records")
        );
    }

    #[test]
    fn states_and_remembered_close_a_cue_sentence_after_a_quote() {
        let q = quotes("“They know Hillary is the only one strong enough,” a voice-over in the ad states. “She will stand up to the gun lobby.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(
            q.iter()
                .all(|q| q.2.as_deref() == Some("a voice-over in the ad")),
            "{q:?}"
        );
        let q = quotes("“The kingdom has been working closely with its allies,” the Saudis state in the white paper.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("the Saudis"));
        let q = quotes("“She took it upon herself to prove them wrong,” remembered Roy Verley, the former spokesman.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Roy Verley, the former spokesman"));
        // "state" closing a place, or after a verb of the subject's own, is no cue
        assert!(
            quotes("“Build the wall,” supporters cheered at a rally in his home state.").is_empty()
        );
        assert!(quotes("“Build the wall,” supporters in Washington state.").is_empty());
        // "remembered" takes what is remembered outside a cue sentence
        assert!(lexicon::cue_class("remembered").is_none());
    }

    #[test]
    fn openers_names_and_posts_are_no_cues() {
        // a cue word inside an organisation's name
        let doc = segment("Washington Post Hit Piece Exploits Trump Supporter.");
        let text = "Washington Post Hit Piece Exploits Trump Supporter.";
        let org = Mention {
            span: Span::new(0, 15),
            label: EntityLabel::Org,
            actor: None,
        };
        assert!(find_quotes(text, &doc, &[org]).is_empty());
        // "No doubt," opens a sentence; a question to "you" after a conjunction
        assert!(quotes("No doubt, companies in the United States will pay more.").is_empty());
        assert!(quotes("Or would you think she must be the worst woman?").is_empty());
        // taking on a post is no assumption; assuming a clause is
        assert!(quotes("She has assumed a newly created role as state counselor, in which she advises the president.").is_empty());
        let (c, _) = one("Analysts assumed control of the House would stay Republican.");
        assert_eq!(c, "control of the House would stay Republican");
        let (c, _) = one("It assumes Republicans will retain control of the Senate.");
        assert_eq!(c, "Republicans will retain control of the Senate");
    }

    #[test]
    fn asides_around_a_cue_are_not_what_was_said() {
        // an "as" aside with no verb before the speaker's comma
        let q = quotes("As many tax experts, including Mr. Goldberg, have pointed out, an audit does not prevent him from releasing returns.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "an audit does not prevent him from releasing returns"
        );
        // a phrase with no verb may still be the first piece of what was said
        let q = quotes("The bigger risk, he said, is that the talks fail.");
        assert!(q.iter().any(|q| q.0 == "The bigger risk"), "{q:?}");
        let (c, _) = one("As soon as possible, the general said.");
        assert_eq!(c, "As soon as possible");
        // a party tag in brackets and a nickname's marks make no subject too long; a
        // cue sentence may say where the words went
        let q = quotes("“This is a big year for our potential United States senator, Bobby Scott!” Scott’s niece, state Del. Marcia “Cia” Price (D-Newport News), shouted.");
        assert!(
            q.iter()
                .any(|q| q.1 == QuoteKind::Direct
                    && q.2.as_deref().is_some_and(|s| s.contains("Price"))),
            "{q:?}"
        );
        let q = quotes("“This is a big year for our senator, Bobby Scott!” Scott’s niece, Marcia Price, shouted into a microphone.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(
            q[0].2
                .as_deref()
                .is_some_and(|s| s.contains("Marcia Price")),
            "{q:?}"
        );
    }

    #[test]
    fn commented_that_and_a_listener_somewhere_in_a_city_and_state() {
        let (c, sp) = one("He commented that his network “held on” Trump during her event.");
        assert_eq!(c, "that his network “held on” Trump during her event");
        assert_eq!(sp, "He");
        // "comments" stays a noun
        assert!(quotes("He was fired over comments that compared her to an ape.").is_empty());
        let (c, sp) = one("Clinton told customers at a popular Manchester, New Hampshire, breakfast spot that the vote mattered.");
        assert_eq!(
            (c.as_str(), sp.as_str()),
            ("that the vote mattered", "Clinton")
        );
        // a comma after a time is no place's
        assert!(quotes("Trump told reporters aboard Air Force One on Friday, Democrats know that the wall works.")
            .iter()
            .all(|q| q.0 != "that the wall works"));
        // an adjective before a that-clause's subject is no relative clause's verb
        let (c, _) = one("He made claims that armed Palestinians attacked the town.");
        assert_eq!(c, "that armed Palestinians attacked the town");
    }

    #[test]
    fn a_naming_verb_over_an_appositive_and_do_before_a_noun_like_cue() {
        let (c, sp) = one("Mr. Ubben called Valeant's chief executive, J. Michael Pearson, “incredibly driven” on CNBC.");
        assert_eq!(
            c,
            "Valeant's chief executive, J. Michael Pearson, “incredibly driven” on CNBC"
        );
        assert_eq!(sp, "Mr. Ubben");
        // two commas around a clause are no appositive
        assert!(
            quotes("Trump called Clinton, and she said nothing, a “disaster.”")
                .iter()
                .all(|q| q.2.as_deref() != Some("Trump"))
        );
        let (c, sp) =
            one("Merkel heralded the deal with Turkey as a “breakthrough.” It returns migrants.");
        assert_eq!(c, "the deal with Turkey as a “breakthrough.”");
        assert_eq!(sp, "Merkel");
        let (c, sp) = one("Trump did post on Twitter on Friday that his claims were sarcasm.");
        assert_eq!(c, "that his claims were sarcasm");
        assert_eq!(sp, "Trump");
        // after a modal the form stays a verb of judging, not a report
        assert!(quotes("Voters would find it a good deal.").is_empty());
    }
}
