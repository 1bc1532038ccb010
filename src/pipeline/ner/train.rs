//! Training the averaged perceptron on CoNLL-style JSONL (`{"text", "entities":[{start,
//! end, label}]}` with code-point offsets), and scoring the way `score.py` does.

use super::clusters::Clusters;
use super::{decode, make_tag, tags_to_spans, Scorer, Weights, NT};
use crate::pipeline::normalize::{self, OffsetMap};
use crate::pipeline::segment::{self, Doc};
use crate::pipeline::EntityLabel;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    entities: Vec<RawEntity>,
}

/// A gold document: the raw text and its entities as code-point spans.
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub entities: Vec<(usize, usize, EntityLabel)>,
}

/// Every non-blank line of a JSONL file, parsed (the gold files of both trainers).
pub(crate) fn read_jsonl<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
) -> std::io::Result<Vec<T>> {
    let raw = std::fs::read_to_string(path)?;
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
        })
        .collect()
}

/// Reads a JSONL file of gold documents.
pub fn load_jsonl(path: &std::path::Path) -> std::io::Result<Vec<GoldDoc>> {
    Ok(read_jsonl::<RawDoc>(path)?
        .into_iter()
        .map(|d| GoldDoc {
            id: d.id.to_string(),
            text: d.text,
            entities: d
                .entities
                .iter()
                .filter_map(|e| Some((e.start, e.end, EntityLabel::parse(&e.label)?)))
                .collect(),
        })
        .collect())
}

/// True positives, predicted and gold counts, overall and per label (PER, ORG, LOC, MISC).
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred > 0 {
            self.tp as f64 / self.pred as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.tp as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Exact span-and-label matching, as `score.py` does: `[overall, PER, ORG, LOC, MISC]`.
pub fn count(
    gold: &[(usize, usize, EntityLabel)],
    pred: &[(usize, usize, EntityLabel)],
) -> [Counts; 5] {
    let g: HashSet<_> = gold.iter().copied().collect();
    let p: HashSet<_> = pred.iter().copied().collect();
    let mut out = [Counts::default(); 5];
    out[0] = Counts {
        tp: g.intersection(&p).count(),
        pred: p.len(),
        gold: g.len(),
    };
    for (k, lab) in EntityLabel::ALL.iter().enumerate() {
        out[k + 1] = Counts {
            tp: g.intersection(&p).filter(|x| x.2 == *lab).count(),
            pred: p.iter().filter(|x| x.2 == *lab).count(),
            gold: g.iter().filter(|x| x.2 == *lab).count(),
        };
    }
    out
}

/// A document ready for training: normalised text, tokens, gold tag per token.
struct TrainDoc {
    text: String,
    doc: Doc,
    gold: Vec<u8>,
}

/// Input code-point offset → output byte offset (first output byte at or after it).
pub(crate) fn input_to_output(map: &OffsetMap, text: &str, n_input_chars: usize) -> Vec<usize> {
    let mut rev = vec![usize::MAX; n_input_chars + 1];
    for (b, _) in text.char_indices() {
        let c = map.input_char(b);
        if c <= n_input_chars && rev[c] == usize::MAX {
            rev[c] = b;
        }
    }
    rev[n_input_chars] = rev[n_input_chars].min(text.len());
    let mut next = text.len();
    for r in rev.iter_mut().rev() {
        if *r == usize::MAX {
            *r = next;
        } else {
            next = *r;
        }
    }
    rev
}

/// Statistics of the gold-to-token alignment.
#[derive(Debug, Default)]
pub struct AlignStats {
    pub entities: usize,
    pub exact: usize,
    pub dropped: usize,
}

fn prepare_doc(g: &GoldDoc, stats: &mut AlignStats) -> TrainDoc {
    let norm = normalize::normalize(&g.text);
    let text = norm.text;
    let end = normalize::body_end(&text);
    let doc = segment::segment(&text[..end]);
    let rev = input_to_output(&norm.map, &text, g.text.chars().count());
    let mut gold = vec![0u8; doc.tokens.len()];
    for &(s, e, lab) in &g.entities {
        stats.entities += 1;
        let (bs, be) = (rev[s.min(rev.len() - 1)], rev[e.min(rev.len() - 1)]);
        let first = doc.tokens.partition_point(|t| t.span.end <= bs);
        let mut last = first;
        while last < doc.tokens.len() && doc.tokens[last].span.start < be {
            last += 1;
        }
        if last == first || gold[first..last].iter().any(|&t| t != 0) {
            stats.dropped += 1;
            continue;
        }
        // Keep inside one sentence.
        let si = doc.sentence_of(first);
        if doc.sentences[si].tokens.end < last {
            stats.dropped += 1;
            continue;
        }
        if doc.tokens[first].span.start == bs && doc.tokens[last - 1].span.end == be {
            stats.exact += 1;
        }
        let ty = EntityLabel::ALL.iter().position(|l| *l == lab).unwrap();
        if last - first == 1 {
            gold[first] = make_tag(ty, 3);
        } else {
            gold[first] = make_tag(ty, 0);
            for t in &mut gold[first + 1..last - 1] {
                *t = make_tag(ty, 1);
            }
            gold[last - 1] = make_tag(ty, 2);
        }
    }
    TrainDoc { text, doc, gold }
}

/// An averaged perceptron's table during training, for both trainers (NER and the content
/// tagger): a row of `N` tag weights per feature, grown as features are first updated.
pub(crate) struct Perceptron<const N: usize> {
    pub index: FxHashMap<u64, u32>,
    pub keys: Vec<u64>,
    pub w: Vec<[f32; N]>,
    /// Sum over updates of (time × delta), for averaging.
    pub u: Vec<[f32; N]>,
    /// The averaging clock; starts at 1 and only grows.
    pub t: f32,
}

impl<const N: usize> Perceptron<N> {
    pub fn new() -> Self {
        Perceptron {
            index: FxHashMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            t: 1.0,
        }
    }

    /// Adds the rows of the known features to `out`.
    pub fn add_scores(&self, feats: &[u64], out: &mut [f32; N]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (o, w) in out.iter_mut().zip(self.w[r as usize].iter()) {
                    *o += w;
                }
            }
        }
    }

    /// One mistake: every feature's row gains on the gold tag and loses on the predicted one.
    pub fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        for &f in feats {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.keys.push(f);
                self.w.push([0.0; N]);
                self.u.push([0.0; N]);
                (self.keys.len() - 1) as u32
            }) as usize;
            self.w[r][gold as usize] += 1.0;
            self.w[r][pred as usize] -= 1.0;
            self.u[r][gold as usize] += self.t;
            self.u[r][pred as usize] -= self.t;
        }
    }

    /// The averaged weights, one row per key.
    pub fn averaged(&self) -> Vec<[f32; N]> {
        let t = self.t.max(1.0);
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| {
                let mut a = [0f32; N];
                for k in 0..N {
                    a[k] = w[k] - u[k] / t;
                }
                a
            })
            .collect()
    }
}

/// The NER perceptron during training, with the word clusters its features read.
struct Trainer {
    p: Perceptron<NT>,
    clusters: Clusters,
}

impl Scorer for Trainer {
    fn scores(&self, feats: &[u64], out: &mut [f32; NT]) {
        *out = [0.0; NT];
        self.p.add_scores(feats, out);
    }
    fn clusters(&self) -> &Clusters {
        &self.clusters
    }
}

impl Trainer {
    /// Averaged weights as f32 (a scorer of their own).
    fn averaged(&self) -> Trainer {
        Trainer {
            p: Perceptron {
                index: self.p.index.clone(),
                keys: self.p.keys.clone(),
                w: self.p.averaged(),
                u: Vec::new(),
                t: self.p.t.max(1.0),
            },
            clusters: self.clusters.clone(),
        }
    }

    /// Quantises to i16, dropping features whose weights all round to zero.
    fn quantise(&self) -> (Vec<u64>, Vec<[i16; NT]>) {
        let max = self
            .p
            .w
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        for (k, r) in self.p.keys.iter().zip(&self.p.w) {
            let mut q = [0i16; NT];
            for (qq, &x) in q.iter_mut().zip(r.iter()) {
                *qq = (x * scale).round() as i16;
            }
            if q.iter().any(|&x| x != 0) {
                keys.push(*k);
                rows.push(q);
            }
        }
        (keys, rows)
    }
}

/// Runs a scorer over gold documents through normalise → segment → decode, mapping spans
/// back to input code points; returns `[overall, PER, ORG, LOC, MISC]` counts.
pub fn evaluate<S: Scorer>(docs: &[GoldDoc], scorer: &S) -> [Counts; 5] {
    let mut total = [Counts::default(); 5];
    for g in docs {
        if g.entities.is_empty() {
            continue;
        }
        let norm = normalize::normalize(&g.text);
        let end = normalize::body_end(&norm.text);
        let doc = segment::segment(&norm.text[..end]);
        let tags = decode(&norm.text, &doc, scorer, true, |_, _, _| {});
        let pred: Vec<_> = tags_to_spans(&doc, &tags)
            .into_iter()
            .map(|(s, l)| (norm.map.input_char(s.start), norm.map.input_end(s.end), l))
            .collect();
        for (t, c) in total.iter_mut().zip(count(&g.entities, &pred)) {
            t.add(c);
        }
    }
    total
}

/// Features seen fewer times than this in the first epoch get no weight.
const MIN_FEATURE_COUNT: u32 = 2;

pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by",
    "from", "as", "vs", "vs.",
];

/// The text with its first line in Title Case (the way many sites write headlines), keeping
/// every character count so the gold offsets still hold; None when nothing changes.
fn title_case_first_line(text: &str) -> Option<String> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = &text[..line_end];
    let all_caps = !line.chars().any(char::is_lowercase);
    let mut out = String::with_capacity(text.len());
    for (k, word) in line.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let lower: String = word.chars().map(single_lower).collect();
        if k > 0 && SMALL_WORDS.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        for (i, c) in word.chars().enumerate() {
            if i == 0 {
                out.push(single_upper(c));
            } else if all_caps && word.chars().count() > 3 {
                out.push(single_lower(c));
            } else {
                out.push(c);
            }
        }
    }
    out.push_str(&text[line_end..]);
    (out != text).then_some(out)
}

fn single_upper(c: char) -> char {
    let mut u = c.to_uppercase();
    match (u.next(), u.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}
fn single_lower(c: char) -> char {
    let mut u = c.to_lowercase();
    match (u.next(), u.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Learns word clusters from the training texts plus any unlabeled texts.
pub fn learn_clusters(train: &[GoldDoc], unlabeled: &[String]) -> Clusters {
    let c = Clusters::learn(
        train
            .iter()
            .map(|g| g.text.as_str())
            .chain(unlabeled.iter().map(String::as_str)),
    );
    eprintln!("clusters: {} words", c.len());
    c
}

/// Trains on `train`, printing progress (and dev F1 per epoch when `dev` is given);
/// returns the serialised model.
pub fn train(
    train: &[GoldDoc],
    dev: Option<&[GoldDoc]>,
    clusters: Clusters,
    opts: &TrainOptions,
) -> Vec<u8> {
    let mut stats = AlignStats::default();
    let mut docs: Vec<TrainDoc> = train.iter().map(|g| prepare_doc(g, &mut stats)).collect();
    // Augmentation: every third document again with a Title Case headline, which CoNLL
    // (all-caps or sentence-case headlines) never shows but news sites often do.
    let mut extra = AlignStats::default();
    for g in train.iter().step_by(3) {
        if let Some(text) = title_case_first_line(&g.text) {
            let aug = GoldDoc {
                id: g.id.clone(),
                text,
                entities: g.entities.clone(),
            };
            docs.push(prepare_doc(&aug, &mut extra));
        }
    }
    eprintln!(
        "train: {} documents ({} title-cased copies), {} entities ({} token-exact, {} dropped)",
        docs.len(),
        docs.len() - train.len(),
        stats.entities,
        stats.exact,
        stats.dropped
    );
    let mut tr = Trainer {
        p: Perceptron::new(),
        clusters,
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = opts.seed | 1;
    // Occurrences of each feature in the first epoch; rarer ones are dropped after it.
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    for epoch in 1..=opts.epochs {
        if epoch == 2 {
            for (k, (w, u)) in
                tr.p.keys
                    .iter()
                    .zip(tr.p.w.iter_mut().zip(tr.p.u.iter_mut()))
            {
                if seen.get(k).is_none_or(|&c| c < MIN_FEATURE_COUNT) {
                    *w = [0.0; NT];
                    *u = [0.0; NT];
                }
            }
        }
        // Fisher–Yates with xorshift64: deterministic.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &d in &order {
            let td = &docs[d];
            let mut updates: Vec<(Vec<u64>, u8, u8)> = Vec::new();
            decode(&td.text, &td.doc, &tr, false, |i, feats, pred| {
                if epoch == 1 {
                    for f in feats {
                        *seen.entry(*f).or_insert(0) += 1;
                    }
                }
                if pred != td.gold[i] {
                    let kept = if epoch == 1 {
                        feats.to_vec()
                    } else {
                        feats
                            .iter()
                            .copied()
                            .filter(|f| seen.get(f).is_some_and(|&c| c >= MIN_FEATURE_COUNT))
                            .collect()
                    };
                    updates.push((kept, td.gold[i], pred));
                }
            });
            tokens += td.doc.tokens.len();
            errors += updates.len();
            for (f, g, p) in &updates {
                tr.p.update(f, *g, *p);
            }
            tr.p.t += td.doc.tokens.len() as f32;
        }
        let msg = format!(
            "epoch {epoch}: {errors} token errors of {tokens}, {} features",
            tr.p.keys.len()
        );
        if let Some(dev) = dev {
            let avg = tr.averaged();
            let c = evaluate(dev, &avg);
            let f: Vec<String> = c.iter().map(|c| format!("{:.4}", c.prf().2)).collect();
            eprintln!(
                "{msg}; dev F1 {} (PER {} ORG {} LOC {} MISC {})",
                f[0], f[1], f[2], f[3], f[4]
            );
        } else {
            eprintln!("{msg}");
        }
    }
    let avg = tr.averaged();
    let (keys, rows) = avg.quantise();
    eprintln!(
        "model: {} features kept of {}",
        keys.len(),
        avg.p.keys.len()
    );
    Weights::to_bytes(&keys, &rows, &avg.clusters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_offsets() {
        let t = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nbody";
        let o = title_case_first_line(t).unwrap();
        assert_eq!(
            o,
            "Soccer - Japan GET Lucky WIN , China in Surprise Defeat .\nbody"
        );
        assert_eq!(o.chars().count(), t.chars().count());
        let t = "EU rejects German call to boycott British lamb.";
        assert_eq!(
            title_case_first_line(t).unwrap(),
            "EU Rejects German Call to Boycott British Lamb."
        );
    }
}
