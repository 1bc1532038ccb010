//! Training the content-span tagger (`content_model`) on PolNeAR-style JSONL
//! (`{"text", "quotes":[{start, end, kind}]}` with code-point offsets).

use super::content_model::{
    best_tag, features, prepare, sent_ctx, tags_to_ranges, Weights, B, BOS, I, NT, O,
};
use super::entities::NerModel;
use super::ner::train::Perceptron;
use super::normalize;
use super::segment::{self, Doc};
use super::Mention;
use serde::Deserialize;

#[derive(Deserialize)]
struct RawQuote {
    start: usize,
    end: usize,
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    quotes: Vec<RawQuote>,
}

/// A gold document: raw text and its quote content spans (code points, with kind).
pub struct GoldDoc {
    pub id: serde_json::Value,
    pub text: String,
    pub quotes: Vec<(usize, usize, String)>,
}

pub fn load_jsonl(path: &std::path::Path) -> std::io::Result<Vec<GoldDoc>> {
    Ok(super::ner::train::read_jsonl::<RawDoc>(path)?
        .into_iter()
        .map(|d| GoldDoc {
            id: d.id,
            text: d.text,
            quotes: d
                .quotes
                .into_iter()
                .map(|q| (q.start, q.end, q.kind.unwrap_or_default()))
                .collect(),
        })
        .collect())
}

struct TrainDoc {
    text: String,
    doc: Doc,
    entities: Vec<Mention>,
    gold: Vec<u8>,
}

/// Gold tags: B on the first token of a content span in each sentence it touches, I on
/// the rest; overlapping (nested) spans keep the first one.
fn prepare_doc(g: &GoldDoc, ner: &NerModel, kinds: &[String]) -> TrainDoc {
    let norm = normalize::normalize(&g.text);
    let text = norm.text;
    let end = normalize::body_end(&text);
    let doc = segment::segment(&text[..end]);
    let entities = ner.tag(&text, &doc);
    let rev = super::ner::train::input_to_output(&norm.map, &text, g.text.chars().count());
    let mut gold = vec![O; doc.tokens.len()];
    let mut spans: Vec<&(usize, usize, String)> = g
        .quotes
        .iter()
        .filter(|q| kinds.is_empty() || kinds.contains(&q.2))
        .collect();
    spans.sort_by_key(|q| (q.0, std::cmp::Reverse(q.1)));
    for &&(s, e, _) in &spans {
        let (bs, be) = (rev[s.min(rev.len() - 1)], rev[e.min(rev.len() - 1)]);
        let first = doc.tokens.partition_point(|t| t.span.end <= bs);
        let mut last = first;
        while last < doc.tokens.len() && doc.tokens[last].span.start < be {
            last += 1;
        }
        if last == first || gold[first..last].iter().any(|&t| t != O) {
            continue;
        }
        let mut prev_sent = usize::MAX;
        for (i, g) in gold.iter_mut().enumerate().take(last).skip(first) {
            let si = doc.sentence_of(i);
            *g = if si != prev_sent { B } else { I };
            prev_sent = si;
        }
    }
    TrainDoc {
        text,
        doc,
        entities,
        gold,
    }
}

/// Quantised features whose largest weight is under this (1/16 of the largest weight of
/// the model) are not kept: on a held-out slice of PolNeAR train (trained on the first 756
/// articles, scored on the last 84) the pipeline's figures were the same with 52k features
/// as with all 312k, and the small table stays in cache (tagging is mostly weight lookups).
const MIN_WEIGHT: i16 = 2000;

/// The content tagger's perceptron during training.
struct Trainer {
    p: Perceptron<NT>,
}

impl Trainer {
    fn new() -> Self {
        Trainer {
            p: Perceptron::new(),
        }
    }

    fn scores(&self, feats: &[u64]) -> [f32; NT] {
        let mut out = [0f32; NT];
        self.p.add_scores(feats, &mut out);
        out
    }

    /// Averaged weights, quantised to i16; features whose weights are all small (under
    /// [`MIN_WEIGHT`]) are dropped.
    fn quantise(&self) -> (Vec<u64>, Vec<[i16; NT]>) {
        let avg = self.p.averaged();
        let max = avg
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()))
            .max(1e-6);
        let scale = 32000.0 / max;
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        for (k, a) in self.p.keys.iter().zip(&avg) {
            let mut r = [0i16; NT];
            for j in 0..NT {
                r[j] = (a[j] * scale).round() as i16;
            }
            if r.iter().any(|&x| x.abs() >= MIN_WEIGHT) {
                keys.push(*k);
                rows.push(r);
            }
        }
        (keys, rows)
    }
}

pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Gold kinds to learn ("direct", "mixed", "indirect"); empty = all.
    pub kinds: Vec<String>,
}

/// Trains the tagger and returns the serialised model.
pub fn train(docs: &[GoldDoc], ner: &NerModel, opts: &TrainOptions) -> Vec<u8> {
    let prepared: Vec<TrainDoc> = docs
        .iter()
        .map(|g| prepare_doc(g, ner, &opts.kinds))
        .collect();
    let mut tr = Trainer::new();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = opts.seed | 1;
    let mut feats = Vec::with_capacity(40);
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let td = &prepared[d];
            let toks = prepare(&td.text, &td.doc, &td.entities);
            for sent in &td.doc.sentences {
                let (s, e) = (sent.tokens.start, sent.tokens.end);
                if e <= s {
                    continue;
                }
                let cx = sent_ctx(&toks, s, e);
                let mut prev = BOS;
                for i in s..e {
                    features(&toks, &cx, s, e, i, prev, &mut feats);
                    let best = best_tag(&tr.scores(&feats));
                    let gold = td.gold[i];
                    if best != gold {
                        tr.p.update(&feats, gold, best);
                    } else {
                        right += 1;
                    }
                    total += 1;
                    tr.p.t += 1.0;
                    prev = best;
                }
            }
        }
        eprintln!(
            "epoch {}: token accuracy {:.4} ({} features)",
            epoch + 1,
            right as f64 / total.max(1) as f64,
            tr.p.keys.len()
        );
    }
    let (keys, rows) = tr.quantise();
    Weights::to_bytes(&keys, &rows)
}

/// Span counts of the raw tagger against gold (overlap ≥ half of the longer span), for
/// quick reports: (matched, predicted, gold).
pub fn span_counts(
    docs: &[GoldDoc],
    ner: &NerModel,
    model: &super::content_model::ContentModel,
) -> (usize, usize, usize) {
    let (mut m, mut p, mut g) = (0, 0, 0);
    for gd in docs {
        let td = prepare_doc(gd, ner, &[]);
        let pred = model.propose(&td.text, &td.doc, &td.entities);
        let gold = tags_to_ranges(&td.gold);
        p += pred.len();
        g += gold.len();
        for &(a, b) in &pred {
            if gold.iter().any(|&(c, d)| {
                let ov = b.min(d).saturating_sub(a.max(c));
                2 * ov >= (b - a).max(d - c)
            }) {
                m += 1;
            }
        }
    }
    (m, p, g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_with_small_weights_are_not_kept() {
        let mut tr = Trainer::new();
        // Feature 7 is corrected twenty times, feature 9 once at the end.
        for _ in 0..20 {
            tr.p.update(&[7], B, O);
            tr.p.t += 1.0;
        }
        tr.p.update(&[9], B, O);
        tr.p.t += 1.0;
        let (keys, rows) = tr.quantise();
        assert_eq!(keys, vec![7]);
        assert_eq!(rows[0][B as usize], 32000);
        assert_eq!(rows[0][O as usize], -32000);
    }
}
