//! A learned tagger for the content spans of reported speech that the quote rules miss.
//!
//! Greedy left-to-right averaged perceptron over three tags (O, B = first token of a
//! content span, I = inside one), one sentence at a time, on the tokens of `segment` and
//! the entity mentions of `entities`. Trained by `verbatim train-content` on the content
//! spans of PolNeAR train (`data/content.model`, see `data/README.md`).
//!
//! The tagger only proposes spans. [`ContentModel::extend`] keeps a proposal only when it
//! does not overlap a quote the rules found, and `quotes::model_quotes` keeps only those
//! that read as reported content with a speaker: a clause governed by a verb of saying,
//! believing or showing, with the subject of that verb as the speaker. Action verbs and
//! their objects ("announced new naval exercises", "offered to hold a summit") never pass.

use super::lexicon::{self, CueClass};
use super::ner::hash::{finish, mix, table_from_bytes, table_to_bytes, word_hash, KeyIndex};
use super::quotes::{self, FoundQuote};
use super::segment::{Doc, TokenKind};
use super::{EntityLabel, Mention, Span};

/// Tags: outside, begin, inside.
pub const NT: usize = 3;
pub const O: u8 = 0;
pub const B: u8 = 1;
pub const I: u8 = 2;
/// "No previous tag" for the history features.
pub(crate) const BOS: u8 = 3;

const MAGIC: &[u8; 8] = b"VBCON001";

/// Per-token values computed once per document.
#[derive(Clone, Copy, Default)]
pub(crate) struct Tok {
    lower: u64,
    suf3: u64,
    shape: u8,
    /// 0 none, 1 speech, 2 writing, 3 belief.
    cue: u8,
    /// 0 none, else 1 + entity label index.
    ent: u8,
}

fn cue_code(l: &str) -> u8 {
    match lexicon::cue_class(l) {
        None => 0,
        Some(CueClass::Speech) => 1,
        Some(CueClass::Writing) => 2,
        Some(CueClass::Belief) => 3,
    }
}

fn shape(doc: &Doc, text: &str, i: usize) -> u8 {
    let t = doc.tokens[i];
    let s = t.span.text(text);
    match t.kind {
        TokenKind::Quote(_) => 1,
        TokenKind::Terminal => 2,
        TokenKind::Punct => match s {
            "," => 3,
            ":" => 4,
            ";" => 5,
            "(" | ")" => 6,
            _ => 7,
        },
        TokenKind::Number => 8,
        TokenKind::Clitic => 9,
        TokenKind::Word => {
            let mut ch = s.chars();
            let first = ch.next().unwrap_or(' ');
            if first.is_uppercase() {
                if s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    10
                } else {
                    11
                }
            } else {
                12
            }
        }
    }
}

/// The per-token values of token `i`; `lower` is the text in ASCII lower case and `m` the
/// first entity that does not end before the token (advanced here, tokens in order).
fn tok_at(
    text: &str,
    lower: &str,
    doc: &Doc,
    entities: &[Mention],
    i: usize,
    m: &mut usize,
) -> Tok {
    let t = doc.tokens[i];
    let l = &lower[t.span.start..t.span.end];
    // The last three characters, without allocating.
    let suf = l.char_indices().rev().nth(2).map_or(l, |(k, _)| &l[k..]);
    while *m < entities.len() && entities[*m].span.end <= t.span.start {
        *m += 1;
    }
    let ent = entities
        .get(*m)
        .filter(|e| e.span.start <= t.span.start && t.span.end <= e.span.end)
        .map_or(0, |e| {
            1 + EntityLabel::ALL
                .iter()
                .position(|x| *x == e.label)
                .unwrap_or(0) as u8
        });
    let cue = cue_code(l);
    Tok {
        lower: word_hash(l, true),
        suf3: word_hash(suf, true),
        shape: shape(doc, text, i),
        cue,
        ent,
    }
}

/// Can the (lower-cased) word govern reported content the gate would keep: a cue or a
/// verb of taking a stance?
fn governs(l: &str) -> bool {
    lexicon::cue_class(l).is_some() || quotes::is_stance_verb(l)
}

/// The per-token values of every token of `doc` (training tags every sentence).
pub(crate) fn prepare(text: &str, doc: &Doc, entities: &[Mention]) -> Vec<Tok> {
    let lower = text.to_ascii_lowercase();
    let mut m = 0usize;
    (0..doc.tokens.len())
        .map(|i| tok_at(text, &lower, doc, entities, i, &mut m))
        .collect()
}

#[inline(always)]
fn f(t: u64, a: u64) -> u64 {
    finish(mix(mix(0x9e37_79b9, t), a))
}
#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x9e37_79b9, t), a), b))
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        _ => 6,
    }
}

/// Sentence-level context for every token of one sentence.
pub(crate) struct SentCtx {
    /// Index of the nearest cue word before each token (in the sentence), if any.
    prev_cue: Vec<Option<usize>>,
    next_cue: Vec<Option<usize>>,
    /// Inside a pair of quotation marks (by parity within the sentence).
    in_quote: Vec<bool>,
    /// Commas before the token in the sentence.
    commas: Vec<u8>,
}

pub(crate) fn sent_ctx(toks: &[Tok], s: usize, e: usize) -> SentCtx {
    let n = e - s;
    let mut prev_cue = vec![None; n];
    let mut next_cue = vec![None; n];
    let mut in_quote = vec![false; n];
    let mut commas = vec![0u8; n];
    let mut pc = None;
    let mut q = false;
    let mut c = 0u8;
    for i in s..e {
        prev_cue[i - s] = pc;
        if toks[i].shape == 1 {
            q = !q;
        }
        in_quote[i - s] = q;
        commas[i - s] = c;
        if toks[i].cue != 0 {
            pc = Some(i);
        }
        if toks[i].shape == 3 {
            c = c.saturating_add(1);
        }
    }
    let mut nc = None;
    for i in (s..e).rev() {
        next_cue[i - s] = nc;
        if toks[i].cue != 0 {
            nc = Some(i);
        }
    }
    SentCtx {
        prev_cue,
        next_cue,
        in_quote,
        commas,
    }
}

/// The feature hashes of token `i` (sentence `s..e`), given the previous tag.
pub(crate) fn features(
    toks: &[Tok],
    cx: &SentCtx,
    s: usize,
    e: usize,
    i: usize,
    prev: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    const NONE: u64 = 0x1234_5678;
    let w = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < s as isize || j >= e as isize {
            NONE.wrapping_add(k as u64)
        } else {
            toks[j as usize].lower
        }
    };
    let cue_at = |k: usize| -> u64 {
        if i >= s + k {
            toks[i - k].cue as u64
        } else {
            9
        }
    };
    let shape_at = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < s as isize || j >= e as isize {
            99
        } else {
            toks[j as usize].shape as u64
        }
    };
    let t = &toks[i];
    let p = prev as u64;
    out.push(f(1, 0));
    out.push(f(2, w(0)));
    out.push(f(3, w(-1)));
    out.push(f(4, w(-2)));
    out.push(f(5, w(1)));
    out.push(f(6, w(2)));
    out.push(f2(7, w(-1), w(0)));
    out.push(f2(8, w(-2), w(-1)));
    out.push(f(9, t.suf3));
    out.push(f(10, t.shape as u64));
    out.push(f2(11, shape_at(-1), t.shape as u64));
    out.push(f(12, shape_at(1)));
    out.push(f(13, cue_at(1)));
    out.push(f(14, cue_at(2)));
    out.push(f(15, cue_at(3)));
    out.push(f(16, t.cue as u64));
    let k = i - s;
    match cx.prev_cue[k] {
        Some(c) => {
            out.push(f2(17, toks[c].lower, bucket(i - c - 1)));
            out.push(f2(18, toks[c].cue as u64, bucket(i - c - 1)));
            out.push(f2(19, toks[c].cue as u64, p));
        }
        None => out.push(f(17, 0)),
    }
    match cx.next_cue[k] {
        Some(c) => {
            out.push(f2(20, toks[c].cue as u64, bucket(c - i - 1)));
            out.push(f2(21, toks[c].lower, bucket(c - i - 1)));
        }
        None => out.push(f(20, 99)),
    }
    out.push(f2(22, cx.in_quote[k] as u64, p));
    out.push(f(23, t.ent as u64));
    out.push(f2(24, bucket(k), bucket(e - i - 1)));
    out.push(f(25, cx.commas[k].min(4) as u64));
    out.push(f(26, p));
    out.push(f2(27, p, w(0)));
    out.push(f2(28, p, w(-1)));
    out.push(f2(29, p, t.shape as u64));
    out.push(f2(30, p, cue_at(1)));
    out.push(f2(31, p, shape_at(1)));
}

/// How far before a span the gate looks for its governing verb (`quotes::model_quotes`).
const GATE_REACH: usize = 6;

/// Tokens of sentence `s..e` before this index may belong to a span that ends at a comma
/// or quotation mark followed, within a few words, by a verb of saying ("C, X said"; the
/// gate's second form). `s` when there is none.
fn trailing_cue_limit(toks: &[Tok], s: usize, e: usize) -> usize {
    let sep = |i: usize| matches!(toks[i].shape, 1 | 3);
    for p in (s..e).rev() {
        if !sep(p) {
            continue;
        }
        let mut j = p;
        while j < e && sep(j) {
            j += 1;
        }
        if (j..(j + 8).min(e)).any(|c| toks[c].cue == 1) {
            return p;
        }
    }
    s
}

/// Anything that scores a feature list for every tag.
pub trait Scorer {
    fn scores(&self, feats: &[u64]) -> [f32; NT];
}

/// Tags every sentence of `doc` greedily (only those the gate could keep a span of,
/// unless `skip_gate`); calls `seen(features, tag_chosen, token)` for
/// each token (training uses it to update).
pub fn decode<S: Scorer>(
    text: &str,
    doc: &Doc,
    entities: &[Mention],
    scorer: &S,
    skip_gate: bool,
    mut seen: impl FnMut(&[u64], u8, usize) -> Option<u8>,
) -> (Vec<u8>, Vec<f32>) {
    let lower = text.to_ascii_lowercase();
    let n = doc.tokens.len();
    let mut toks = vec![Tok::default(); n];
    let mut tags = vec![O; n];
    let mut margins = vec![0f32; n];
    let mut gov = vec![false; n];
    let mut feats = Vec::with_capacity(40);
    for sent in &doc.sentences {
        let (s, e) = (sent.tokens.start, sent.tokens.end);
        if e <= s {
            continue;
        }
        // The gate (`quotes::model_quotes`) keeps only spans with a verb of saying,
        // believing or taking a stance in their sentence: skip the other sentences
        // (most of the cost is per token, so they are not even prepared).
        let mut any = false;
        for (g, t) in gov[s..e].iter_mut().zip(&doc.tokens[s..e]) {
            *g = governs(&lower[t.span.start..t.span.end]);
            any |= *g;
        }
        if !skip_gate && !any {
            continue;
        }
        // The features read only this sentence's tokens.
        let mut m = entities.partition_point(|x| x.span.end <= doc.tokens[s].span.start);
        for (i, t) in toks.iter_mut().enumerate().take(e).skip(s) {
            *t = tok_at(text, &lower, doc, entities, i, &mut m);
        }
        let cx = sent_ctx(&toks, s, e);
        // Only where the gate can use a span are tokens scored (the others stay O): a
        // span starts at most six tokens after a governing word ("X said on Friday that
        // C"), or ends at a comma or quotation mark that a verb of saying follows ("C, X
        // said"); a span that has begun runs on.
        let until = if skip_gate {
            e
        } else {
            trailing_cue_limit(&toks, s, e)
        };
        let mut last_gov: Option<usize> = None;
        let mut prev = BOS;
        // An I right after unscored tokens continues a span that began where the gate
        // rejects it: the whole run stays O, as it would have with every token scored.
        let (mut skipped, mut orphan) = (false, false);
        for i in s..e {
            let live = i < until
                || prev == B
                || prev == I
                || last_gov.is_some_and(|k| i - k <= GATE_REACH);
            if gov[i] {
                last_gov = Some(i);
            }
            if !live {
                prev = O;
                skipped = true;
                continue;
            }
            features(&toks, &cx, s, e, i, prev, &mut feats);
            let sc = scorer.scores(&feats);
            let best = best_tag(&sc);
            // In training the caller may force the gold tag as history.
            let chosen = seen(&feats, best, i).unwrap_or(best);
            orphan = chosen == I && (orphan || skipped);
            skipped = false;
            if !orphan {
                tags[i] = chosen;
                margins[i] = sc[chosen as usize] - sc[O as usize];
            }
            prev = chosen;
        }
    }
    (tags, margins)
}

/// Token ranges of the B I* runs (an I after O starts a run too).
pub fn tags_to_ranges(tags: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] != O {
            let mut j = i + 1;
            while j < tags.len() && tags[j] == I {
                j += 1;
            }
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Quantised weights in an open-addressing table keyed by feature hash.
pub struct Weights {
    index: KeyIndex,
    rows: Vec<[i16; NT]>,
}

impl Weights {
    pub fn empty() -> Self {
        Weights {
            index: KeyIndex::empty(),
            rows: Vec::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
    fn from_parts(keys: &[u64], rows: Vec<[i16; NT]>) -> Self {
        Weights {
            index: KeyIndex::new(keys),
            rows,
        }
    }
    /// Magic, tag count, n, keys, rows (little endian).
    pub fn to_bytes(keys: &[u64], rows: &[[i16; NT]]) -> Vec<u8> {
        table_to_bytes(MAGIC, keys, rows)
    }
    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        let (keys, rows, used) = table_from_bytes::<NT>(MAGIC, "content model", b)?;
        if used != b.len() {
            return Err("content model has the wrong size or tag set".into());
        }
        Ok(Self::from_parts(&keys, rows))
    }
}

impl Scorer for Weights {
    #[inline]
    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let acc = self.index.sum_rows::<NT, 64>(&self.rows, feats);
        [acc[0] as f32, acc[1] as f32, acc[2] as f32]
    }
}

/// The highest-scoring tag; ties go to O (the first tag).
pub(crate) fn best_tag(sc: &[f32; NT]) -> u8 {
    let mut best = O;
    let mut bv = f32::MIN;
    for t in 0..NT as u8 {
        if sc[t as usize] > bv {
            bv = sc[t as usize];
            best = t;
        }
    }
    best
}

/// Proposals are kept whatever their margin: thresholds up to 0.4 traded recall for
/// no precision on a held-out slice of PolNeAR train (the gate does that job).
pub const MIN_MARGIN: f32 = 0.0;

static EMBEDDED: &[u8] = include_bytes!("../../data/content.model");

/// The content-span tagger, loaded once per process.
pub struct ContentModel {
    weights: Weights,
    /// Proposals whose mean margin over O (in units of the largest weight) is below this
    /// are dropped.
    pub min_margin: f32,
    /// Measuring only: when false, every free proposal is kept, without a speaker.
    pub gate: bool,
}

impl ContentModel {
    /// The model compiled into the binary. Panics only if the committed file is corrupt.
    pub fn embedded() -> Self {
        Self::from_bytes(EMBEDDED).expect("data/content.model is a valid model")
    }
    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        Ok(ContentModel {
            weights: Weights::from_bytes(b)?,
            min_margin: MIN_MARGIN,
            gate: true,
        })
    }
    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.weights.len()
    }
    /// Proposed content spans (token ranges, each inside one sentence).
    pub fn propose(&self, text: &str, doc: &Doc, entities: &[Mention]) -> Vec<(usize, usize)> {
        if self.weights.is_empty() {
            return Vec::new();
        }
        let (tags, margins) = decode(text, doc, entities, &self.weights, !self.gate, |_, _, _| {
            None
        });
        let unit = 32000.0f32;
        tags_to_ranges(&tags)
            .into_iter()
            .filter(|&(a, b)| {
                margins[a..b].iter().sum::<f32>() / (b - a) as f32 / unit >= self.min_margin
            })
            .collect()
    }
    /// Adds the model's spans that no rule found and that pass the reported-content gate
    /// of `quotes::model_quotes` to `found` (kept in text order).
    pub fn extend(&self, text: &str, doc: &Doc, entities: &[Mention], found: &mut Vec<FoundQuote>) {
        let props = self.propose(text, doc, entities);
        if props.is_empty() {
            return;
        }
        let taken: Vec<Span> = found.iter().map(|f| f.span).collect();
        let free: Vec<(usize, usize)> = props
            .into_iter()
            .filter(|&(a, b)| {
                let sp = Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end);
                !taken.iter().any(|t| t.overlaps(sp))
            })
            .collect();
        if free.is_empty() {
            return;
        }
        let more = if self.gate {
            quotes::model_quotes(text, doc, entities, &free)
        } else {
            free.iter()
                .map(|&(a, b)| FoundQuote {
                    span: Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
                    kind: super::QuoteKind::Indirect,
                    cue: None,
                    speaker: None,
                    confidence: 0.3,
                })
                .collect()
        };
        if more.is_empty() {
            return;
        }
        // The gate may have lengthened a span up to a quote the rules found.
        found.extend(
            more.into_iter()
                .filter(|m| !taken.iter().any(|t| t.overlaps(m.span))),
        );
        found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::quotes::{find_quotes, SpeakerSlot};
    use crate::pipeline::segment::segment;
    use crate::pipeline::{ArticleInput, Pipeline};
    use std::sync::LazyLock;

    static WITH_MODEL: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load_with(true));

    /// Token range `[a, b)` covering the first occurrence of `part` in `text`.
    fn range_of(doc: &Doc, text: &str, part: &str) -> (usize, usize) {
        let at = text.find(part).unwrap();
        let a = doc.token_at_or_after(at);
        let b = doc.token_at_or_after(at + part.len());
        (a, b)
    }

    fn gate(text: &str, part: &str) -> Vec<(String, String)> {
        let doc = segment(text);
        let r = range_of(&doc, text, part);
        quotes::model_quotes(text, &doc, &[], &[r])
            .into_iter()
            .map(|q| {
                let sp = match q.speaker {
                    Some(SpeakerSlot::Phrase(s)) => s.text(text).to_string(),
                    _ => String::new(),
                };
                (q.span.text(text).to_string(), sp)
            })
            .collect()
    }

    #[test]
    fn spans_before_a_trailing_verb_of_saying_may_be_scored() {
        let text = "The talks would resume next week, officials said on Friday.";
        let doc = segment(text);
        let toks = prepare(text, &doc, &[]);
        let n = doc.tokens.len();
        // Up to the comma before "officials said".
        let comma = (0..n)
            .find(|&i| doc.tokens[i].span.text(text) == ",")
            .unwrap();
        assert_eq!(trailing_cue_limit(&toks, 0, n), comma);
        // "said" first: no span can end before it.
        let text = "Officials said on Friday that the talks would resume, and left.";
        let doc = segment(text);
        let toks = prepare(text, &doc, &[]);
        assert_eq!(trailing_cue_limit(&toks, 0, doc.tokens.len()), 0);
    }

    #[test]
    fn only_tokens_the_gate_can_use_are_tagged() {
        let m = ContentModel::embedded();
        // Far from any verb of saying: nothing is scored, nothing proposed.
        let text = "The committee met in a large hall near the river on a cold morning in March while the senators waited outside, and officials said nothing.";
        let doc = segment(text);
        let (tags, margins) = decode(text, &doc, &[], &m.weights, false, |_, _, _| None);
        let said = (0..doc.tokens.len())
            .find(|&i| doc.tokens[i].span.text(text) == "said")
            .unwrap();
        assert!(tags[..said - GATE_REACH].iter().all(|&t| t == O));
        assert!(margins[..said - GATE_REACH].iter().all(|&x| x == 0.0));
        // A clause right after "said" is still found.
        let text = "Officials said on Friday that the talks with the rebels would resume next week in Geneva.";
        let doc = segment(text);
        let props = m.propose(text, &doc, &[]);
        assert!(!props.is_empty());
        let (a, _) = props[0];
        assert!(doc.tokens[a].span.start > text.find("said").unwrap());
    }

    #[test]
    fn runs_of_begin_and_inside() {
        assert_eq!(
            tags_to_ranges(&[O, B, I, I, O, I, B, B, I]),
            vec![(1, 4), (5, 6), (6, 7), (7, 9)]
        );
        assert!(tags_to_ranges(&[O, O]).is_empty());
    }

    #[test]
    fn weights_round_trip() {
        let keys = [finish(1), finish(2), finish(3)];
        let rows = [[5i16, -3, 0], [0, 7, 1], [-2, -2, 9]];
        let w = Weights::from_bytes(&Weights::to_bytes(&keys, &rows)).unwrap();
        assert_eq!(w.len(), 3);
        assert_eq!(w.scores(&[keys[0], keys[2]]), [3.0, -5.0, 9.0]);
        assert_eq!(w.scores(&[finish(4)]), [0.0, 0.0, 0.0]);
        assert!(Weights::from_bytes(b"VBCON001\x03\0\0\0\x05\0\0\0").is_err());
    }

    #[test]
    fn embedded_model_loads() {
        let m = ContentModel::embedded();
        assert!(m.features() > 20_000, "{} features", m.features());
    }

    #[test]
    fn same_features_for_the_same_token_in_context() {
        let text = "Officials said the talks would resume. Officials said the talks would resume.";
        let doc = segment(text);
        let toks = prepare(text, &doc, &[]);
        let s2 = &doc.sentences[1].tokens;
        let (mut f1, mut f2) = (Vec::new(), Vec::new());
        let c1 = sent_ctx(&toks, 0, doc.sentences[0].tokens.end);
        let c2 = sent_ctx(&toks, s2.start, s2.end);
        features(&toks, &c1, 0, doc.sentences[0].tokens.end, 2, O, &mut f1);
        features(&toks, &c2, s2.start, s2.end, s2.start + 2, O, &mut f2);
        assert_eq!(f1, f2);
        // the previous tag is a feature
        features(&toks, &c2, s2.start, s2.end, s2.start + 2, B, &mut f2);
        assert_ne!(f1, f2);
        // "said" is a speech cue two words before "would"
        assert_eq!(toks[1].cue, 1);
    }

    #[test]
    fn the_gate_keeps_reported_clauses_with_their_speaker() {
        let text = "Officials said on Friday that the talks would resume next week.";
        let got = gate(text, "that the talks would resume next week");
        assert_eq!(
            got,
            vec![(
                "that the talks would resume next week".to_string(),
                "Officials".to_string()
            )]
        );
        // A poll shows what it found, a noun phrase is enough.
        let text = "A new state poll shows the governor ahead by six points.";
        let got = gate(text, "the governor ahead");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the governor ahead by six points");
        assert_eq!(got[0].1, "A new state poll");
    }

    #[test]
    fn the_gate_rejects_objects_of_actions() {
        // A speech verb whose object is an act, not a report.
        let text = "The ministry also announced new military drills near the border.";
        assert!(gate(text, "new military drills near the border").is_empty());
        // Verbs of doing are not cues at all.
        let text = "The government has offered to hold talks with the rebels in Geneva.";
        assert!(gate(text, "to hold talks with the rebels").is_empty());
        let text = "The president invited the prime minister to attend a summit in June.";
        assert!(gate(text, "the prime minister to attend a summit").is_empty());
        // A noun, not a verb: "the attacks against his rivals".
        let text = "He spoke at length about the attacks against his rivals.";
        assert!(gate(text, "against his rivals").is_empty());
    }

    #[test]
    fn the_model_finds_what_the_rules_miss() {
        let text = "Turnout was low. Most forecasters expect the incumbent to win by nine points.";
        let doc = segment(text);
        assert!(
            find_quotes(text, &doc, &[]).is_empty(),
            "the rules now find it"
        );
        let a = WITH_MODEL.analyze(&ArticleInput::text(text));
        assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
        let q = &a.quotes[0];
        assert!(q.span.text(&a.text).starts_with("the incumbent to win"));
        assert!(q.confidence <= 0.5);
        let sp = q.speaker.as_ref().unwrap();
        assert_eq!(sp.mention.text(&a.text), "Most forecasters");
    }

    #[test]
    fn the_model_adds_nothing_to_action_sentences() {
        let text = "The ministry also announced new military drills near the border. The government has offered to hold talks with the rebels.";
        let a = WITH_MODEL.analyze(&ArticleInput::text(text));
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    }
}
