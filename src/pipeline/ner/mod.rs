//! A greedy left-to-right averaged-perceptron tagger over BILOU tags, with hashed
//! feature templates (no allocation per feature), gazetteer and document-level features.
//!
//! The same feature code runs in training (`train`) and tagging ([`Weights`]).

#![allow(clippy::needless_range_loop)]

pub mod clusters;
pub mod hash;
pub mod train;

use super::gazetteer::{self, cat, PhraseIndex};
use super::segment::{Doc, TokenKind};
use super::{EntityLabel, Span};
use clusters::Clusters;
use hash::{finish, mix, norm_char};
use rustc_hash::FxHashMap;

/// Number of tags: O, then B/I/L/U for PER, ORG, LOC, MISC.
pub const NT: usize = 17;
/// The "no previous tag" marker for history features.
const BOS: u8 = NT as u8;

pub fn tag_type(tag: u8) -> Option<usize> {
    if tag == 0 || tag as usize >= NT {
        None
    } else {
        Some((tag as usize - 1) / 4)
    }
}
/// 0 = B, 1 = I, 2 = L, 3 = U.
fn tag_pos(tag: u8) -> usize {
    (tag as usize - 1) % 4
}
pub fn make_tag(ty: usize, pos: usize) -> u8 {
    (1 + ty * 4 + pos) as u8
}
pub fn label_of_type(ty: usize) -> EntityLabel {
    EntityLabel::ALL[ty]
}

/// Whether `cur` may follow `prev` (BOS or a tag); `last` when `cur` ends the sentence.
#[inline]
pub fn allowed(prev: u8, cur: u8, last: bool) -> bool {
    let open = prev != BOS && prev != 0 && matches!(tag_pos(prev), 0 | 1);
    let ok = if open {
        cur != 0 && tag_type(cur) == tag_type(prev) && matches!(tag_pos(cur), 1 | 2)
    } else {
        cur == 0 || matches!(tag_pos(cur), 0 | 3)
    };
    ok && !(last && cur != 0 && matches!(tag_pos(cur), 0 | 1))
}

/// [`allowed`] for every `[last][prev][cur]` (`prev` a tag or BOS): the tagger asks it for
/// every tag of every token it scores, and a look-up is cheaper than the BILOU arithmetic.
static ALLOWED: std::sync::LazyLock<[[[bool; NT]; NT + 1]; 2]> = std::sync::LazyLock::new(|| {
    let mut table = [[[false; NT]; NT + 1]; 2];
    for (last, rows) in table.iter_mut().enumerate() {
        for (prev, row) in rows.iter_mut().enumerate() {
            for (cur, ok) in row.iter_mut().enumerate() {
                *ok = allowed(prev as u8, cur as u8, last == 1);
            }
        }
    }
    table
});

/// Anything that scores a feature list for every tag.
pub trait Scorer {
    fn scores(&self, feats: &[u64], out: &mut [f32; NT]);
    fn clusters(&self) -> &Clusters;
    /// The exact integer sums of the feature rows that `scores` turns into floats, for a
    /// scorer that has them (the quantised model). Integer sums can be taken in parts:
    /// the part of a token's own features is summed once per distinct token text.
    fn row_sums(&self, _feats: &[u64]) -> Option<[i32; NT]> {
        None
    }
    /// A number no other model shares, for a scorer whose weights and clusters never
    /// change: what it makes of a text is then kept with the text (see [`KnownTexts`]).
    /// 0 for the others.
    fn model_id(&self) -> u64 {
        0
    }
}

// ---------------------------------------------------------------------------------------
// Per-token information, computed once per document.

const F_CAP: u8 = 1;
const F_ALLCAP: u8 = 2;
const F_LOWER: u8 = 4;
const F_DIGIT: u8 = 8;
const F_ALNUM: u8 = 16;
/// Some upper-case letter anywhere in the token.
const F_ANY_UPPER: u8 = 32;
/// A lower-case name particle that can start a name ("de Klerk", "van der Sar").
const F_PARTICLE: u8 = 64;

fn is_particle(s: &str) -> bool {
    matches!(
        s,
        "de" | "da"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "le"
            | "la"
            | "du"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ben"
    )
}

#[derive(Clone, Copy, Default, PartialEq, Debug)]
struct Tok {
    form: u64,
    lower: u64,
    shape: u64,
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    flags: u8,
    nchars: u8,
    /// Word clusters (coarse, fine), 0 when unknown.
    cl: (u16, u16),
}

fn tok_info(s: &str, buf: &mut Vec<char>) -> Tok {
    buf.clear();
    let mut t = Tok::default();
    let mut form = 0xcbf2_9ce4_8422_2325u64;
    let mut lower = form;
    let mut shape = form;
    let mut short = form;
    let mut last_cls = '\0';
    let mut run = 0;
    let mut has_lower = false;
    let mut has_upper = false;
    for (k, c) in s.chars().enumerate() {
        let f = norm_char(c, false);
        let l = norm_char(c, true);
        form = mix(form, f as u64);
        lower = mix(lower, l as u64);
        let cls = if c.is_uppercase() {
            has_upper = true;
            'X'
        } else if c.is_lowercase() {
            has_lower = true;
            'x'
        } else if c.is_numeric() {
            t.flags |= F_DIGIT;
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            f
        };
        if k == 0 {
            if c.is_uppercase() {
                t.flags |= F_CAP;
            } else if c.is_lowercase() {
                t.flags |= F_LOWER;
            }
        }
        if cls == last_cls {
            run += 1;
        } else {
            run = 1;
            short = mix(short, cls as u64);
        }
        if run <= 4 {
            shape = mix(shape, cls as u64);
        }
        last_cls = cls;
        buf.push(l);
    }
    if has_upper && !has_lower {
        t.flags |= F_ALLCAP;
    }
    if has_upper {
        t.flags |= F_ANY_UPPER;
    } else if s.len() <= 5 && is_particle(s) {
        t.flags |= F_PARTICLE;
    }
    if has_upper || has_lower || t.flags & F_DIGIT != 0 {
        t.flags |= F_ALNUM;
    }
    t.form = finish(form);
    t.lower = finish(lower);
    t.shape = finish(shape);
    t.short = finish(short);
    let n = buf.len();
    t.nchars = n.min(255) as u8;
    let mut h = 0x1234_5678u64;
    for k in 0..4.min(n) {
        h = mix(h, buf[k] as u64);
        t.pre[k] = h;
    }
    let mut h = 0x8765_4321u64;
    for k in 0..4.min(n) {
        h = mix(h, buf[n - 1 - k] as u64);
        t.suf[k] = h;
    }
    t
}

// Document-level flags for a lower-cased word form.
const D_LOWER: u8 = 1; // seen starting with a lower-case letter
const D_CAP_MID: u8 = 2; // seen capitalised inside a mixed-case sentence
const D_CAP_INIT: u8 = 4; // seen capitalised at a sentence start

const A_TITLE: u8 = 1;
const A_FIRST: u8 = 2;
const A_LOCPREP: u8 = 4;
const A_THE: u8 = 8;
const A_OF: u8 = 16;
const A_ORGSUF: u8 = 32;
const A_SAID: u8 = 64;
const A_POSS: u8 = 128;

struct ContextWords {
    loc_preps: [u64; 6],
    speech: [u64; 5],
    the: u64,
    of: u64,
    poss: u64,
}

static CONTEXT_WORDS: std::sync::LazyLock<ContextWords> = std::sync::LazyLock::new(|| {
    let h = |w: &str| hash::word_hash(w, true);
    ContextWords {
        loc_preps: ["in", "at", "from", "near", "to", "across"].map(h),
        speech: ["said", "says", "told", "added", "say"].map(h),
        the: h("the"),
        of: h("of"),
        poss: h("'s"),
    }
});

/// Everything computed once per document before decoding.
struct Prepared {
    toks: Vec<Tok>,
    /// Word type (lower-case form) of each token, and the number of types.
    wid: Vec<u32>,
    n_types: usize,
    /// Gazetteer category bits and position (B/I/L/U as 0..4) of the longest match.
    gaz: Vec<(u16, u8)>,
    doc_flags: Vec<u8>,
    /// Context-aggregation bits (`A_*`) of the token's word form over the document.
    agg: Vec<u8>,
    /// 0 normal, 1 all caps, 2 title case.
    sent_allcaps: Vec<u8>,
    /// First word token of each sentence.
    sent_first: Vec<usize>,
    /// The first token with the same text and so the same `Tok` (`NO_REP` for a token
    /// truecased in a headline, whose `Tok` is its own).
    rep: Vec<u32>,
    /// A first token's entry in the thread's [`KnownTexts`] (`NO_SLOT` for the others).
    slot: Vec<u32>,
}

const NO_REP: u32 = u32::MAX;

/// A text of at most 7 bytes as one integer: its bytes, then its length in the top byte
/// (so that two different texts never share one).
fn packed_text(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = [0u8; 8];
    key[..b.len()].copy_from_slice(b);
    key[7] = b.len() as u8;
    Some(u64::from_le_bytes(key))
}

/// What a token text gives the tagger whatever the article and the model: its `Tok`
/// (without word clusters, which are the model's) and the gazetteer's first step from it.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Known {
    tok: Tok,
    step: (u64, u16, bool),
}

/// [`Known`] computed from scratch.
fn known(s: &str, buf: &mut Vec<char>) -> Known {
    let tok = tok_info(s, buf);
    Known {
        tok,
        step: first_gaz_step(tok.lower),
    }
}

/// The gazetteer's step from the start of a phrase to the word whose lower-case form hashes
/// to `lower`: the chain hash, the category bits of the phrase of that one word, and
/// whether longer phrases start with it.
fn first_gaz_step(lower: u64) -> (u64, u16, bool) {
    let gz = &gazetteer::get().phrases;
    let h = PhraseIndex::step(PhraseIndex::start(), lower);
    (h, gz.get(h), gz.is_prefix(h))
}

/// What a cached text gives with one model: its word clusters and the sums of its own
/// features' rows, each valid when its stamp is that model's [`Scorer::model_id`].
#[derive(Clone, Copy, Default)]
struct ModelPart {
    cl_model: u64,
    cl: (u16, u16),
    own_model: u64,
    own: [i32; NT],
}

/// The [`Known`] of texts this thread has read in earlier articles: most words of an
/// article ("the", "said", names in the news) were in the ones before. Keyed like the
/// first-occurrence maps of [`prepare`]; it stops growing at `MAX` texts (a few MB), so
/// the words it keeps are the ones met first, the commonest. Beside each text, what a
/// model made of it ([`ModelPart`]).
#[derive(Default)]
struct KnownTexts {
    short: FxHashMap<u64, u32>,
    long: FxHashMap<Box<str>, u32>,
    known: Vec<Known>,
    parts: Vec<ModelPart>,
}

/// No entry in [`KnownTexts`] (it was full).
const NO_SLOT: u32 = u32::MAX;

impl KnownTexts {
    const MAX: usize = 8192;

    /// `known(s)`, from the cache when `s` was read before, and its entry (`NO_SLOT`
    /// when the cache is full). `key` is `packed_text(s)`.
    fn get(&mut self, key: Option<u64>, s: &str, buf: &mut Vec<char>) -> (Known, u32) {
        let found = match key {
            Some(key) => self.short.get(&key),
            None => self.long.get(s),
        };
        if let Some(&at) = found {
            return (self.known[at as usize], at);
        }
        let k = known(s, buf);
        if self.known.len() >= Self::MAX {
            return (k, NO_SLOT);
        }
        let at = self.known.len() as u32;
        match key {
            Some(key) => self.short.insert(key, at),
            None => self.long.insert(s.into(), at),
        };
        self.known.push(k);
        self.parts.push(ModelPart::default());
        (k, at)
    }

    /// The model part of entry `slot`, when there is one and `model` caches.
    fn part(&mut self, slot: u32, model: u64) -> Option<&mut ModelPart> {
        if model == 0 {
            return None;
        }
        self.parts.get_mut(slot as usize)
    }
}

thread_local! {
    static KNOWN_TEXTS: std::cell::RefCell<KnownTexts> = std::cell::RefCell::default();
}

/// `model` is the scorer's [`Scorer::model_id`] (0: none).
fn prepare(text: &str, doc: &Doc, clusters: &Clusters, model: u64) -> Prepared {
    let n = doc.tokens.len();
    let mut buf = Vec::with_capacity(32);
    // A token's information depends on its text alone, and most tokens of an article
    // repeat an earlier one ("the", names, "said"): each text is read once.
    // (most texts are short enough to be a map key as one integer, which hashes and
    // compares in a few instructions; the rest are keyed by the string)
    let mut first_of_short: FxHashMap<u64, u32> = FxHashMap::default();
    let mut first_of_long: FxHashMap<&str, u32> = FxHashMap::default();
    first_of_short.reserve(n / 2);
    let mut toks: Vec<Tok> = Vec::with_capacity(n);
    let mut rep: Vec<u32> = Vec::with_capacity(n);
    // (a phrase's first step reads the token alone: taken once per distinct text, by its
    // first token)
    let mut first_steps: Vec<(u64, u16, bool)> = vec![(0, 0, false); n];
    // (each first token's entry in the thread's known texts)
    let mut slot: Vec<u32> = vec![NO_SLOT; n];
    // Word types of this document (by lower-case form): every per-word table below is a
    // Vec indexed by type, so each token is hashed into a map once.
    let mut intern: FxHashMap<u64, u32> = FxHashMap::default();
    intern.reserve(n / 2);
    let mut type_cl: Vec<(u16, u16)> = Vec::with_capacity(n);
    let mut wid: Vec<u32> = Vec::with_capacity(n);
    KNOWN_TEXTS.with_borrow_mut(|cache| {
        for t in &doc.tokens {
            let s = t.span.text(text);
            let this = toks.len() as u32;
            let key = packed_text(s);
            let first = match key {
                Some(key) => *first_of_short.entry(key).or_insert(this),
                None => *first_of_long.entry(s).or_insert(this),
            };
            let info = if first == this {
                let (k, at) = cache.get(key, s, &mut buf);
                first_steps[this as usize] = k.step;
                slot[this as usize] = at;
                k.tok
            } else {
                toks[first as usize]
            };
            toks.push(info);
            rep.push(first);
        }
        for (i, t) in toks.iter().enumerate() {
            // (a repeated text has its first token's type)
            let r = rep[i] as usize;
            let w = if r < i {
                wid[r]
            } else {
                *intern.entry(t.lower).or_insert_with(|| {
                    // (a type's clusters, from its first token's text when cached)
                    let cl = match cache.part(slot[i], model) {
                        Some(part) if part.cl_model == model => part.cl,
                        Some(part) => {
                            part.cl_model = model;
                            part.cl = clusters.get(t.lower);
                            part.cl
                        }
                        None => clusters.get(t.lower),
                    };
                    type_cl.push(cl);
                    (type_cl.len() - 1) as u32
                })
            };
            wid.push(w);
        }
    });
    for (t, &w) in toks.iter_mut().zip(&wid) {
        t.cl = type_cl[w as usize];
    }
    let n_types = type_cl.len();
    let mut sent_allcaps = Vec::with_capacity(doc.sentences.len());
    let mut sent_first = Vec::with_capacity(doc.sentences.len());
    let mut words = vec![0u8; n_types];
    for s in &doc.sentences {
        let r = s.tokens.clone();
        let mut upper_words = 0;
        let mut lower_words = 0;
        let mut cap_long = 0;
        let mut lower_long = 0;
        for t in &toks[r.clone()] {
            if t.flags & F_LOWER != 0 {
                lower_words += 1;
                lower_long += (t.nchars >= 4) as usize;
            } else if t.flags & F_ALLCAP != 0 && t.nchars > 1 {
                upper_words += 1;
            } else if t.flags & F_CAP != 0 {
                cap_long += (t.nchars >= 4) as usize;
            }
        }
        // 1: an all-caps line; 2: a Title Case Headline.
        let mode = if upper_words >= 2 && lower_words == 0 {
            1
        } else if cap_long >= 3 && lower_long == 0 {
            2
        } else {
            0
        };
        let allcaps = mode != 0;
        sent_allcaps.push(mode);
        if mode == 2 {
            // Truecase a Title Case Headline: words usually written in lower case are
            // read as such ("Signs", "Worried", "Won").
            for i in r.clone() {
                let t = &toks[i];
                if t.flags & F_CAP != 0
                    && t.flags & F_ALLCAP == 0
                    && clusters.usually_lower(t.lower)
                {
                    let lowered = doc.tokens[i].span.text(text).to_lowercase();
                    let cl = t.cl;
                    toks[i] = tok_info(&lowered, &mut buf);
                    toks[i].cl = cl;
                    rep[i] = NO_REP;
                }
            }
        }
        let first = r
            .clone()
            .find(|&i| toks[i].flags & F_ALNUM != 0)
            .unwrap_or(r.start);
        sent_first.push(first);
        for i in r {
            let t = &toks[i];
            let f = if t.flags & F_LOWER != 0 {
                D_LOWER
            } else if t.flags & F_CAP != 0 && !allcaps {
                if i == first {
                    D_CAP_INIT
                } else if t.flags & F_ALLCAP == 0 || t.nchars <= 1 {
                    D_CAP_MID
                } else {
                    0
                }
            } else {
                0
            };
            words[wid[i] as usize] |= f;
        }
    }
    let doc_flags = wid.iter().map(|&w| words[w as usize]).collect();

    // Gazetteer: longest phrase starting at each token, marked BILOU over its tokens.
    let gz = &gazetteer::get().phrases;
    let mut gaz = vec![(0u16, 0u8); n];
    let step = |h: u64, lower: u64| {
        let h = PhraseIndex::step(h, lower);
        (h, gz.get(h), gz.is_prefix(h))
    };
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let mut h = PhraseIndex::start();
            let mut best = (0usize, 0u16);
            for j in i..s.tokens.end.min(i + gz.max_len) {
                let (next, bits, prefix) = if j > i || rep[i] == NO_REP {
                    step(h, toks[j].lower)
                } else {
                    first_steps[rep[i] as usize]
                };
                h = next;
                if bits != 0 {
                    best = (j + 1 - i, bits);
                }
                if !prefix {
                    break;
                }
            }
            let (len, mut bits) = best;
            if len > 0 && toks[i].flags & F_CAP == 0 {
                bits &= cat::TITLE;
            }
            if len == 0 || bits == 0 {
                i += 1;
                continue;
            }
            for (k, g) in gaz[i..i + len].iter_mut().enumerate() {
                let pos = if len == 1 {
                    3
                } else if k == 0 {
                    0
                } else if k + 1 == len {
                    2
                } else {
                    1
                };
                *g = (bits, pos);
            }
            i += len;
        }
    }
    // Context aggregation: how each capitalised word form is used anywhere in the document.
    let cw = &*CONTEXT_WORDS;
    let mut agg_map = vec![0u8; n_types];
    for s in &doc.sentences {
        for i in s.tokens.clone() {
            let t = &toks[i];
            if t.flags & F_CAP == 0 {
                continue;
            }
            let mut bits = 0u8;
            if i > s.tokens.start {
                let pl = toks[i - 1].lower;
                let (pg, _) = gaz[i - 1];
                if pg & cat::TITLE != 0 {
                    bits |= A_TITLE;
                }
                if pg & cat::FIRST_NAME != 0 && toks[i - 1].flags & F_CAP != 0 {
                    bits |= A_FIRST;
                }
                if cw.loc_preps.contains(&pl) {
                    bits |= A_LOCPREP;
                }
                if pl == cw.the {
                    bits |= A_THE;
                }
                if pl == cw.of {
                    bits |= A_OF;
                }
            }
            if i + 1 < s.tokens.end {
                let nl = toks[i + 1].lower;
                if gaz[i + 1].0 & cat::ORG_SUFFIX != 0 && toks[i + 1].flags & F_CAP != 0 {
                    bits |= A_ORGSUF;
                }
                if cw.speech.contains(&nl) {
                    bits |= A_SAID;
                }
                if nl == cw.poss {
                    bits |= A_POSS;
                }
            }
            if bits != 0 {
                agg_map[wid[i] as usize] |= bits;
            }
        }
    }
    let agg = toks
        .iter()
        .zip(&wid)
        .map(|(t, &w)| {
            if t.flags & F_CAP != 0 {
                agg_map[w as usize]
            } else {
                0
            }
        })
        .collect();
    Prepared {
        toks,
        wid,
        n_types,
        gaz,
        agg,
        doc_flags,
        sent_allcaps,
        sent_first,
        rep,
        slot,
    }
}

// Feature template ids.
mod tpl {
    pub const BIAS: u64 = 1;
    pub const FORM: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT: u64 = 5;
    pub const PRE: u64 = 6; // +k
    pub const SUF: u64 = 10; // +k
    pub const W_M1: u64 = 14;
    pub const W_P1: u64 = 15;
    pub const W_M2: u64 = 16;
    pub const W_P2: u64 = 17;
    pub const SH_M1: u64 = 18;
    pub const SH_P1: u64 = 19;
    pub const BI_M1: u64 = 20;
    pub const BI_P1: u64 = 21;
    pub const SH_WIN: u64 = 22;
    pub const PREV: u64 = 23;
    pub const PREV2: u64 = 24;
    pub const PREV_W: u64 = 25;
    pub const PREV_SH: u64 = 26;
    pub const INIT_SH: u64 = 27;
    pub const CAPS_SH: u64 = 28;
    pub const GAZ: u64 = 29;
    pub const GAZ_M1: u64 = 30;
    pub const GAZ_P1: u64 = 31;
    pub const DOC: u64 = 32;
    pub const HIST: u64 = 33;
    pub const HIST_SH: u64 = 34;
    pub const LEN: u64 = 35;
    pub const FORM_M1: u64 = 36;
    pub const FORM_P1: u64 = 37;
    pub const INIT_W: u64 = 38;
    pub const CAPS_W: u64 = 39;
    pub const GAZ_SH: u64 = 40;
    pub const DOC_W: u64 = 41;
    pub const SH_M2: u64 = 42;
    pub const SH_P2: u64 = 43;
    pub const PREV_SHM1: u64 = 44;
    pub const QUOTE_CTX: u64 = 45;
    pub const CL_C: u64 = 46;
    pub const CL_F: u64 = 47;
    pub const CL_FM1: u64 = 48;
    pub const CL_FP1: u64 = 49;
    pub const CL_F_SH: u64 = 50;
    pub const CL_PREV: u64 = 51;
    pub const TITLE_SH: u64 = 52;
    pub const TITLE_W: u64 = 53;
    pub const AGG: u64 = 54;
    pub const AGG_ALL: u64 = 55;
}

#[inline(always)]
fn f1(t: u64, a: u64) -> u64 {
    finish(mix(mix(0x2545_f491_4f6c_dd1d, t), a))
}
#[inline(always)]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x2545_f491_4f6c_dd1d, t), a), b))
}
#[inline(always)]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0x2545_f491_4f6c_dd1d, t), a), b), c))
}

const PAD_M: u64 = 0xdead_0001;
const PAD_P: u64 = 0xdead_0002;

/// Feature keys for token `i` of the sentence `lo..hi`, given the two previous tags and the
/// document history value for this word form.
#[allow(clippy::too_many_arguments)]
fn features(
    p: &Prepared,
    doc: &Doc,
    si: usize,
    lo: usize,
    hi: usize,
    i: usize,
    prev: u8,
    prev2: u8,
    hist: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &p.toks[i];
    let at = |k: isize| -> Option<&Tok> {
        let j = i as isize + k;
        if j < lo as isize || j >= hi as isize {
            None
        } else {
            Some(&p.toks[j as usize])
        }
    };
    let lw = |k: isize| at(k).map_or(if k < 0 { PAD_M } else { PAD_P }, |t| t.lower);
    let sh = |k: isize| at(k).map_or(if k < 0 { PAD_M } else { PAD_P }, |t| t.short);
    let gz = |j: usize| -> u64 {
        let (b, pos) = p.gaz[j];
        ((b as u64) << 3) | pos as u64
    };
    out.push(f1(tpl::BIAS, 0));
    out.push(f1(tpl::FORM, t.form));
    out.push(f1(tpl::LOWER, t.lower));
    out.push(f1(tpl::SHAPE, t.shape));
    out.push(f1(tpl::SHORT, t.short));
    let n = (t.nchars as usize).min(4);
    for k in 0..n {
        out.push(f1(tpl::PRE + k as u64, t.pre[k]));
        out.push(f1(tpl::SUF + k as u64, t.suf[k]));
    }
    out.push(f1(tpl::LEN, (t.nchars as u64).min(12)));
    let (m1, p1) = (lw(-1), lw(1));
    out.push(f1(tpl::W_M1, m1));
    out.push(f1(tpl::W_P1, p1));
    out.push(f1(tpl::W_M2, lw(-2)));
    out.push(f1(tpl::W_P2, lw(2)));
    out.push(f1(
        tpl::FORM_M1,
        at(-1).map_or(PAD_M, |x| x.form) ^ (t.flags as u64) << 60,
    ));
    out.push(f1(tpl::FORM_P1, at(1).map_or(PAD_P, |x| x.form)));
    let (sm1, sp1) = (sh(-1), sh(1));
    out.push(f1(tpl::SH_M1, sm1));
    out.push(f1(tpl::SH_P1, sp1));
    out.push(f2(tpl::SH_M2, sh(-2), t.short));
    out.push(f2(tpl::SH_P2, sh(2), t.short));
    out.push(f2(tpl::BI_M1, m1, t.lower));
    out.push(f2(tpl::BI_P1, t.lower, p1));
    out.push(f3(tpl::SH_WIN, sm1, t.short, sp1));
    out.push(f1(tpl::PREV, prev as u64));
    out.push(f2(tpl::PREV2, prev as u64, prev2 as u64));
    out.push(f2(tpl::PREV_W, prev as u64, t.lower));
    out.push(f2(tpl::PREV_SH, prev as u64, t.short));
    out.push(f3(tpl::PREV_SHM1, prev as u64, sm1, t.short));
    let clm1 = at(-1).map_or(PAD_M, |x| x.cl.1 as u64);
    let clp1 = at(1).map_or(PAD_P, |x| x.cl.1 as u64);
    out.push(f1(tpl::CL_C, t.cl.0 as u64));
    out.push(f1(tpl::CL_F, t.cl.1 as u64));
    out.push(f2(tpl::CL_FM1, clm1, t.short));
    out.push(f2(tpl::CL_FP1, clp1, t.short));
    out.push(f2(tpl::CL_F_SH, t.cl.1 as u64, t.short));
    out.push(f2(tpl::CL_PREV, t.cl.0 as u64, prev as u64));
    let initial = i == p.sent_first[si];
    if initial {
        out.push(f1(tpl::INIT_SH, t.short));
        out.push(f1(tpl::INIT_W, t.lower));
    }
    match p.sent_allcaps[si] {
        1 => {
            out.push(f1(tpl::CAPS_SH, t.short));
            out.push(f1(tpl::CAPS_W, t.lower));
        }
        2 => {
            out.push(f1(tpl::TITLE_SH, t.short));
            out.push(f1(tpl::TITLE_W, t.lower));
        }
        _ => {}
    }
    let g0 = gz(i);
    out.push(f1(tpl::GAZ, g0));
    out.push(f2(tpl::GAZ_SH, g0, t.short));
    out.push(f1(tpl::GAZ_M1, if i > lo { gz(i - 1) } else { PAD_M }));
    out.push(f1(tpl::GAZ_P1, if i + 1 < hi { gz(i + 1) } else { PAD_P }));
    if t.flags & F_CAP != 0 {
        let d = p.doc_flags[i] as u64 | (initial as u64) << 4 | (p.sent_allcaps[si] as u64) << 5;
        out.push(f1(tpl::DOC, d));
        out.push(f2(tpl::DOC_W, d, t.short));
    }
    let a = p.agg[i];
    if a != 0 {
        out.push(f1(tpl::AGG_ALL, a as u64));
        for k in 0..8 {
            if a & (1 << k) != 0 {
                out.push(f2(tpl::AGG, k, initial as u64));
            }
        }
    }
    if hist != 0 {
        out.push(f1(tpl::HIST, hist as u64));
        out.push(f2(tpl::HIST_SH, hist as u64, t.short));
    }
    // Inside quotation marks? (previous token an opening quote)
    if i > lo {
        if let TokenKind::Quote(_) = doc.tokens[i - 1].kind {
            out.push(f2(tpl::QUOTE_CTX, 1, t.short));
        }
    }
}

/// The features of [`features`] that depend on the token alone (its `Tok`): the same for
/// every token with the same text.
fn own_features(t: &Tok, out: &mut Vec<u64>) {
    out.clear();
    out.push(f1(tpl::BIAS, 0));
    out.push(f1(tpl::FORM, t.form));
    out.push(f1(tpl::LOWER, t.lower));
    out.push(f1(tpl::SHAPE, t.shape));
    out.push(f1(tpl::SHORT, t.short));
    let n = (t.nchars as usize).min(4);
    for k in 0..n {
        out.push(f1(tpl::PRE + k as u64, t.pre[k]));
        out.push(f1(tpl::SUF + k as u64, t.suf[k]));
    }
    out.push(f1(tpl::LEN, (t.nchars as u64).min(12)));
    out.push(f1(tpl::CL_C, t.cl.0 as u64));
    out.push(f1(tpl::CL_F, t.cl.1 as u64));
    out.push(f2(tpl::CL_F_SH, t.cl.1 as u64, t.short));
}

/// The rest of [`features`]: those that read the neighbours, the tags before, the
/// sentence or the document.
#[allow(clippy::too_many_arguments)]
fn context_features(
    p: &Prepared,
    doc: &Doc,
    si: usize,
    lo: usize,
    hi: usize,
    i: usize,
    prev: u8,
    prev2: u8,
    hist: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &p.toks[i];
    let at = |k: isize| -> Option<&Tok> {
        let j = i as isize + k;
        if j < lo as isize || j >= hi as isize {
            None
        } else {
            Some(&p.toks[j as usize])
        }
    };
    let lw = |k: isize| at(k).map_or(if k < 0 { PAD_M } else { PAD_P }, |t| t.lower);
    let sh = |k: isize| at(k).map_or(if k < 0 { PAD_M } else { PAD_P }, |t| t.short);
    let gz = |j: usize| -> u64 {
        let (b, pos) = p.gaz[j];
        ((b as u64) << 3) | pos as u64
    };
    let (m1, p1) = (lw(-1), lw(1));
    out.push(f1(tpl::W_M1, m1));
    out.push(f1(tpl::W_P1, p1));
    out.push(f1(tpl::W_M2, lw(-2)));
    out.push(f1(tpl::W_P2, lw(2)));
    out.push(f1(
        tpl::FORM_M1,
        at(-1).map_or(PAD_M, |x| x.form) ^ (t.flags as u64) << 60,
    ));
    out.push(f1(tpl::FORM_P1, at(1).map_or(PAD_P, |x| x.form)));
    let (sm1, sp1) = (sh(-1), sh(1));
    out.push(f1(tpl::SH_M1, sm1));
    out.push(f1(tpl::SH_P1, sp1));
    out.push(f2(tpl::SH_M2, sh(-2), t.short));
    out.push(f2(tpl::SH_P2, sh(2), t.short));
    out.push(f2(tpl::BI_M1, m1, t.lower));
    out.push(f2(tpl::BI_P1, t.lower, p1));
    out.push(f3(tpl::SH_WIN, sm1, t.short, sp1));
    out.push(f1(tpl::PREV, prev as u64));
    out.push(f2(tpl::PREV2, prev as u64, prev2 as u64));
    out.push(f2(tpl::PREV_W, prev as u64, t.lower));
    out.push(f2(tpl::PREV_SH, prev as u64, t.short));
    out.push(f3(tpl::PREV_SHM1, prev as u64, sm1, t.short));
    let clm1 = at(-1).map_or(PAD_M, |x| x.cl.1 as u64);
    let clp1 = at(1).map_or(PAD_P, |x| x.cl.1 as u64);
    out.push(f2(tpl::CL_FM1, clm1, t.short));
    out.push(f2(tpl::CL_FP1, clp1, t.short));
    out.push(f2(tpl::CL_PREV, t.cl.0 as u64, prev as u64));
    let initial = i == p.sent_first[si];
    if initial {
        out.push(f1(tpl::INIT_SH, t.short));
        out.push(f1(tpl::INIT_W, t.lower));
    }
    match p.sent_allcaps[si] {
        1 => {
            out.push(f1(tpl::CAPS_SH, t.short));
            out.push(f1(tpl::CAPS_W, t.lower));
        }
        2 => {
            out.push(f1(tpl::TITLE_SH, t.short));
            out.push(f1(tpl::TITLE_W, t.lower));
        }
        _ => {}
    }
    let g0 = gz(i);
    out.push(f1(tpl::GAZ, g0));
    out.push(f2(tpl::GAZ_SH, g0, t.short));
    out.push(f1(tpl::GAZ_M1, if i > lo { gz(i - 1) } else { PAD_M }));
    out.push(f1(tpl::GAZ_P1, if i + 1 < hi { gz(i + 1) } else { PAD_P }));
    if t.flags & F_CAP != 0 {
        let d = p.doc_flags[i] as u64 | (initial as u64) << 4 | (p.sent_allcaps[si] as u64) << 5;
        out.push(f1(tpl::DOC, d));
        out.push(f2(tpl::DOC_W, d, t.short));
    }
    let a = p.agg[i];
    if a != 0 {
        out.push(f1(tpl::AGG_ALL, a as u64));
        for k in 0..8 {
            if a & (1 << k) != 0 {
                out.push(f2(tpl::AGG, k, initial as u64));
            }
        }
    }
    if hist != 0 {
        out.push(f1(tpl::HIST, hist as u64));
        out.push(f2(tpl::HIST_SH, hist as u64, t.short));
    }
    if i > lo {
        if let TokenKind::Quote(_) = doc.tokens[i - 1].kind {
            out.push(f2(tpl::QUOTE_CTX, 1, t.short));
        }
    }
}

/// History value recorded for a capitalised word form: entity type + 1, or 5 for O.
fn hist_value(tag: u8) -> u8 {
    tag_type(tag).map_or(5, |t| t as u8 + 1)
}

/// Tags every sentence of `doc` greedily. `visit` sees each token's features, the
/// predicted tag and the token index (training uses it to collect updates). With `fast`,
/// tokens that cannot start an entity are tagged O without scoring (training scores all),
/// and `visit` is not called; a scorer with integer [`Scorer::row_sums`] then sums a
/// token's own features once per distinct text.
pub fn decode<S: Scorer>(
    text: &str,
    doc: &Doc,
    scorer: &S,
    fast: bool,
    mut visit: impl FnMut(usize, &[u64], u8),
) -> Vec<u8> {
    let model = scorer.model_id();
    let p = prepare(text, doc, scorer.clusters(), model);
    let n = doc.tokens.len();
    let mut tags = vec![0u8; n];
    let mut hist = vec![0u8; p.n_types];
    let mut feats = Vec::with_capacity(64);
    let mut scores = [0f32; NT];
    let split = fast && scorer.row_sums(&[]).is_some();
    let allowed_after = &*ALLOWED;
    // (the sums of each distinct text's own features, by its first token)
    // (`own_at[rep]` indexes `own_sums`, `u32::MAX` while not summed)
    let mut own_at: Vec<u32> = if split { vec![u32::MAX; n] } else { Vec::new() };
    let mut own_sums: Vec<[i32; NT]> = Vec::with_capacity(if split { n } else { 0 });
    for (si, s) in doc.sentences.iter().enumerate() {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let mut prev = BOS;
        let mut prev2 = BOS;
        for i in lo..hi {
            let t = &p.toks[i];
            // Fast path: outside an entity, a token with no capital, digit or name
            // particle does not start one (0.25% of CoNLL train entities do).
            let closed = prev == BOS || prev == 0 || matches!(tag_pos(prev), 2 | 3);
            if fast && closed && t.flags & (F_ANY_UPPER | F_DIGIT | F_PARTICLE) == 0 {
                tags[i] = 0;
                prev2 = prev;
                prev = 0;
                continue;
            }
            let cap = t.flags & F_CAP != 0;
            let h = if cap { hist[p.wid[i] as usize] } else { 0 };
            if split {
                let rep = p.rep[i];
                let at = if rep != NO_REP {
                    own_at[rep as usize]
                } else {
                    u32::MAX
                };
                let own = match own_sums.get(at as usize) {
                    Some(&sums) => sums,
                    None => {
                        // (summed with this model in an earlier article, or now)
                        let slot = if rep != NO_REP {
                            p.slot[rep as usize]
                        } else {
                            NO_SLOT
                        };
                        let sums = KNOWN_TEXTS.with_borrow_mut(|cache| {
                            let part = cache.part(slot, model);
                            if let Some(part) = &part {
                                if part.own_model == model {
                                    return part.own;
                                }
                            }
                            own_features(t, &mut feats);
                            let sums = scorer.row_sums(&feats).unwrap_or([0; NT]);
                            if let Some(part) = part {
                                part.own_model = model;
                                part.own = sums;
                            }
                            sums
                        });
                        if rep != NO_REP {
                            own_at[rep as usize] = own_sums.len() as u32;
                            own_sums.push(sums);
                        }
                        sums
                    }
                };
                context_features(&p, doc, si, lo, hi, i, prev, prev2, h, &mut feats);
                let context = scorer.row_sums(&feats).unwrap_or([0; NT]);
                for ((s, a), b) in scores.iter_mut().zip(own).zip(context) {
                    *s = (a + b) as f32;
                }
            } else {
                features(&p, doc, si, lo, hi, i, prev, prev2, h, &mut feats);
                scorer.scores(&feats, &mut scores);
            }
            let last = i + 1 == hi;
            let allowed_here = &allowed_after[last as usize];
            let mut best = 0u8;
            let mut best_score = f32::NEG_INFINITY;
            for (c, &sc) in scores.iter().enumerate() {
                if sc > best_score && allowed_here[prev as usize][c] {
                    best_score = sc;
                    best = c as u8;
                }
            }
            // Repair: inside an entity, when the model would rather start afresh (O, B, U)
            // than continue, close the entity at the previous token instead of being
            // dragged along by the BILOU constraints.
            if prev != BOS && prev != 0 && matches!(tag_pos(prev), 0 | 1) {
                let mut alt = 0u8;
                let mut alt_score = f32::NEG_INFINITY;
                for (c, &sc) in scores.iter().enumerate() {
                    if sc > alt_score && allowed_here[0][c] {
                        alt_score = sc;
                        alt = c as u8;
                    }
                }
                if alt_score > best_score {
                    let ty = tag_type(prev).unwrap_or(0);
                    let closed = make_tag(ty, if tag_pos(prev) == 0 { 3 } else { 2 });
                    tags[i - 1] = closed;
                    prev = closed;
                    best = alt;
                }
            }
            if !fast {
                visit(i, &feats, best);
            }
            tags[i] = best;
            prev2 = prev;
            prev = best;
        }
        for i in lo..hi {
            if p.toks[i].flags & F_CAP != 0 {
                hist[p.wid[i] as usize] = hist_value(tags[i]);
            }
        }
    }
    tags
}

/// Turns BILOU tags into labelled token ranges `(first, last_exclusive, type)`.
pub fn tags_to_ranges(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match tag_type(t) {
            None => open = None,
            Some(ty) => match tag_pos(t) {
                0 => open = Some((i, ty)),
                1 => {}
                2 => {
                    if let Some((s, oty)) = open.take() {
                        if oty == ty {
                            out.push((s, i + 1, ty));
                        }
                    }
                }
                _ => {
                    open = None;
                    out.push((i, i + 1, ty));
                }
            },
        }
    }
    out
}

/// Spans and labels from tags.
pub fn tags_to_spans(doc: &Doc, tags: &[u8]) -> Vec<(Span, EntityLabel)> {
    tags_to_ranges(tags)
        .into_iter()
        .map(|(a, b, ty)| {
            (
                Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end),
                label_of_type(ty),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The compact weight table used at run time.

const MAGIC: &[u8; 8] = b"VBNER002";

/// Quantised weights in an open-addressing table keyed by feature hash.
pub struct Weights {
    /// This model's [`Scorer::model_id`].
    id: u64,
    index: hash::KeyIndex,
    rows: Vec<[i16; NT]>,
    clusters: Clusters,
}

/// A hint to load `p`'s cache line (also used by the content tagger).
#[inline(always)]
pub(crate) fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    #[allow(unused_unsafe)]
    // SAFETY: a prefetch is only a hint; the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch(p as *const T as *const i8, _MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A model id never given before (from 1).
fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Weights {
    pub fn empty() -> Self {
        Weights {
            id: next_model_id(),
            index: hash::KeyIndex::empty(),
            rows: Vec::new(),
            clusters: Clusters::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn from_parts(keys: Vec<u64>, rows: Vec<[i16; NT]>, clusters: Clusters) -> Self {
        Weights {
            id: next_model_id(),
            index: hash::KeyIndex::new(&keys),
            rows,
            clusters,
        }
    }

    #[cfg(test)]
    fn row(&self, key: u64) -> Option<&[i16; NT]> {
        self.index.find(key).map(|r| &self.rows[r])
    }

    /// Serialises quantised weights: magic, n, then keys, then rows (little endian), then
    /// the word clusters.
    pub fn to_bytes(keys: &[u64], rows: &[[i16; NT]], clusters: &Clusters) -> Vec<u8> {
        let mut out = hash::table_to_bytes(MAGIC, keys, rows);
        clusters.to_bytes(&mut out);
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Self, String> {
        let (keys, rows, at) = hash::table_from_bytes::<NT>(MAGIC, "NER model", b)?;
        let (clusters, used) = Clusters::from_bytes(&b[at..])?;
        if at + used != b.len() {
            return Err("NER model has trailing bytes".into());
        }
        Ok(Self::from_parts(keys, rows, clusters))
    }
}

impl Scorer for Weights {
    #[inline]
    fn scores(&self, feats: &[u64], out: &mut [f32; NT]) {
        let acc = self.index.sum_rows::<NT, 96>(&self.rows, feats);
        for (o, a) in out.iter_mut().zip(acc) {
            *o = a as f32;
        }
    }
    fn clusters(&self) -> &Clusters {
        &self.clusters
    }
    // (a token has at most 60 features, own and context together, so the cap of 96 that
    // `sum_rows` keeps to never drops one, whole or in parts; i16 rows cannot overflow i32)
    #[inline]
    fn row_sums(&self, feats: &[u64]) -> Option<[i32; NT]> {
        Some(self.index.sum_rows::<NT, 96>(&self.rows, feats))
    }
    // (weights and clusters are fixed when a `Weights` is made)
    fn model_id(&self) -> u64 {
        self.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowed_table_is_allowed() {
        for last in [false, true] {
            for prev in 0..=BOS {
                for cur in 0..NT as u8 {
                    assert_eq!(
                        ALLOWED[last as usize][prev as usize][cur as usize],
                        allowed(prev, cur, last)
                    );
                }
            }
        }
    }

    #[test]
    fn bilou_constraints() {
        let b_per = make_tag(0, 0);
        let i_per = make_tag(0, 1);
        let l_per = make_tag(0, 2);
        let u_org = make_tag(1, 3);
        assert!(allowed(BOS, b_per, false));
        assert!(!allowed(BOS, b_per, true));
        assert!(!allowed(BOS, i_per, false));
        assert!(allowed(b_per, l_per, true));
        assert!(!allowed(b_per, 0, false));
        assert!(!allowed(b_per, make_tag(1, 2), false));
        assert!(allowed(l_per, u_org, true));
        assert_eq!(
            tags_to_ranges(&[0, b_per, i_per, l_per, u_org, 0]),
            vec![(1, 4, 0), (4, 5, 1)]
        );
    }

    /// The shipped model without its integer sums: every token scored whole.
    struct WholeSums<'a>(&'a Weights);
    impl Scorer for WholeSums<'_> {
        fn scores(&self, feats: &[u64], out: &mut [f32; NT]) {
            self.0.scores(feats, out)
        }
        fn clusters(&self) -> &Clusters {
            self.0.clusters()
        }
    }

    fn shipped() -> Weights {
        Weights::from_bytes(include_bytes!("../../../data/ner.model")).unwrap()
    }

    fn texts() -> Vec<String> {
        let nato = include_str!("../../../examples/nato.txt");
        vec![
            nato.to_owned(),
            // a Title Case headline (truecased tokens) before a repeated name
            format!("Trump Signs Order As Protests Grow\n\n{nato}\nTrump said. Trump Signs."),
            "NATO SAYS NO\n\nOana Lungescu of NATO said Lungescu and NATO agree. NATO!".into(),
            nato.chars().rev().collect(),
        ]
    }

    #[test]
    fn own_and_context_features_are_the_features() {
        let w = shipped();
        for text in texts() {
            let doc = crate::pipeline::segment::segment(&text);
            let p = prepare(&text, &doc, w.clusters(), w.model_id());
            let (mut all, mut own, mut ctx) = (Vec::new(), Vec::new(), Vec::new());
            for (si, s) in doc.sentences.iter().enumerate() {
                for i in s.tokens.clone() {
                    for (prev, prev2, hist) in [(BOS, BOS, 0), (0, BOS, 5), (3, 1, 2)] {
                        features(
                            &p,
                            &doc,
                            si,
                            s.tokens.start,
                            s.tokens.end,
                            i,
                            prev,
                            prev2,
                            hist,
                            &mut all,
                        );
                        own_features(&p.toks[i], &mut own);
                        context_features(
                            &p,
                            &doc,
                            si,
                            s.tokens.start,
                            s.tokens.end,
                            i,
                            prev,
                            prev2,
                            hist,
                            &mut ctx,
                        );
                        own.extend_from_slice(&ctx);
                        all.sort_unstable();
                        own.sort_unstable();
                        assert_eq!(all, own, "token {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn sums_in_parts_tag_as_whole_sums() {
        let w = shipped();
        let mut entities = 0;
        for text in texts() {
            let doc = crate::pipeline::segment::segment(&text);
            let parts = decode(&text, &doc, &w, true, |_, _, _| {});
            let whole = decode(&text, &doc, &WholeSums(&w), true, |_, _, _| {});
            assert_eq!(parts, whole);
            entities += parts.iter().filter(|&&t| t != 0).count();
        }
        assert!(entities > 10, "{entities}");
    }

    type Parts = (Vec<Tok>, Vec<u32>, Vec<(u16, u8)>, Vec<u8>, Vec<u8>);

    /// The parts of `prepare` that read the token texts, and the tags.
    fn prepared_parts(w: &Weights, text: &str) -> Parts {
        let doc = crate::pipeline::segment::segment(text);
        let p = prepare(text, &doc, w.clusters(), w.model_id());
        let tags = decode(text, &doc, w, true, |_, _, _| {});
        (p.toks, p.rep, p.gaz, p.agg, tags)
    }

    #[test]
    fn prepare_and_decode_read_the_same_with_a_warm_cache() {
        let w = std::sync::Arc::new(shipped());
        // (another model, whose clusters and sums differ, leaves its parts in the cache)
        let other = Weights::from_bytes(&Weights::to_bytes(
            &[f1(tpl::BIAS, 0), f1(tpl::CL_C, 0)],
            &[[3; NT], [-2; NT]],
            &Clusters::default(),
        ))
        .unwrap();
        for text in texts() {
            // (a new thread starts with no known texts)
            let cold = {
                let (w, text) = (w.clone(), text.clone());
                std::thread::spawn(move || prepared_parts(&w, &text))
                    .join()
                    .unwrap()
            };
            for t in texts() {
                prepared_parts(&w, &t);
            }
            assert_eq!(prepared_parts(&w, &text), cold);
            for t in texts() {
                prepared_parts(&other, &t);
            }
            assert_eq!(prepared_parts(&w, &text), cold);
        }
    }

    #[test]
    fn a_full_cache_answers_without_growing() {
        let mut cache = KnownTexts::default();
        let mut buf = Vec::new();
        for k in 0..KnownTexts::MAX + 10 {
            let s = format!("w{k}");
            let key = packed_text(&s);
            let (got, slot) = cache.get(key, &s, &mut buf);
            assert_eq!(got, known(&s, &mut buf));
            assert_eq!(slot == NO_SLOT, k >= KnownTexts::MAX);
        }
        assert_eq!(cache.short.len() + cache.long.len(), KnownTexts::MAX);
        let s = "Lungescu-Stoltenberg";
        assert_eq!(cache.get(None, s, &mut buf), (known(s, &mut buf), NO_SLOT));
        assert_eq!(cache.short.len() + cache.long.len(), KnownTexts::MAX);
        assert_eq!(cache.known.len(), KnownTexts::MAX);
        assert_eq!(cache.parts.len(), KnownTexts::MAX);
        // (a model part only for a model that caches, and an entry)
        assert!(cache.part(NO_SLOT, 7).is_none());
        assert!(cache.part(3, 0).is_none());
        assert!(cache.part(3, 7).is_some());
    }

    proptest::proptest! {
        // A cached text reads as when it is read afresh, the first time and after, and
        // its gazetteer step is the first step of a phrase.
        #[test]
        fn known_texts_are_read_afresh(words in proptest::collection::vec("\\PC{0,12}|[A-Za-z'.-]{1,10}", 1..20)) {
            let mut cache = KnownTexts::default();
            let mut buf = Vec::new();
            for _ in 0..2 {
                for s in &words {
                    let (k, _) = cache.get(packed_text(s), s, &mut buf);
                    proptest::prop_assert_eq!(k.tok, tok_info(s, &mut buf));
                    let gz = &gazetteer::get().phrases;
                    let h = PhraseIndex::step(PhraseIndex::start(), k.tok.lower);
                    proptest::prop_assert_eq!(k.step, (h, gz.get(h), gz.is_prefix(h)));
                }
            }
        }
    }

    proptest::proptest! {
        // Two texts share a packed key only when they are the same text.
        #[test]
        fn packed_texts_are_one_to_one(a in "\\PC{0,8}", b in "\\PC{0,8}") {
            let (pa, pb) = (packed_text(&a), packed_text(&b));
            proptest::prop_assert_eq!(pa.is_some(), a.len() <= 7);
            if let (Some(pa), Some(pb)) = (pa, pb) {
                proptest::prop_assert_eq!(pa == pb, a == b);
            }
        }
    }

    #[test]
    fn packed_texts_of_short_prefixes_differ() {
        // (texts that differ only by trailing NULs, or are prefixes of one another)
        let texts = [
            "", "\0", "\0\0", "a", "a\0", "ab", "abcdefg", "abcdef", "abcdef\0",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(packed_text(a) == packed_text(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(packed_text("abcdefgh"), None);
    }

    #[test]
    fn weights_round_trip() {
        let keys = vec![11u64, 42, 7];
        let mut rows = vec![[0i16; NT]; 3];
        rows[1][3] = 5;
        rows[2][0] = -9;
        let w =
            Weights::from_bytes(&Weights::to_bytes(&keys, &rows, &Clusters::default())).unwrap();
        assert_eq!(w.len(), 3);
        assert_eq!(w.row(42).unwrap()[3], 5);
        assert_eq!(w.row(7).unwrap()[0], -9);
        assert!(w.row(8).is_none());
    }
}
