//! Word clusters learned without labels from running text: each frequent lower-cased
//! word is described by the words seen just before and after it, and k-means (cosine,
//! deterministic seeding) groups words used alike. Two granularities give the tagger a
//! coarse and a fine class for words it has seen rarely or never with a label.

use super::hash::word_hash;
use crate::pipeline::{normalize, segment};
use rustc_hash::FxHashMap;

/// Cluster ids per lower-cased word hash: (coarse, fine), both + 1 (0 = unknown), and
/// flags (`USUALLY_LOWER`: written in lower case far more often than capitalised
/// mid-sentence, which lets Title Case headlines be read in their usual case).
#[derive(Default, Clone)]
pub struct Clusters {
    map: FxHashMap<u64, (u16, u16, u8)>,
}

pub const USUALLY_LOWER: u8 = 1;

pub const COARSE: usize = 64;
pub const FINE: usize = 320;
const MIN_COUNT: u32 = 3;
const MAX_VOCAB: usize = 40_000;
const CONTEXT: usize = 600;

impl Clusters {
    pub fn get(&self, lower_hash: u64) -> (u16, u16) {
        self.map
            .get(&lower_hash)
            .map_or((0, 0), |&(a, b, _)| (a, b))
    }
    pub fn usually_lower(&self, lower_hash: u64) -> bool {
        self.map
            .get(&lower_hash)
            .is_some_and(|e| e.2 & USUALLY_LOWER != 0)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn to_bytes(&self, out: &mut Vec<u8>) {
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort_unstable_by_key(|e| *e.0);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (k, (a, b, f)) in entries {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&a.to_le_bytes());
            out.extend_from_slice(&b.to_le_bytes());
            out.push(*f);
        }
    }

    /// Parses what [`Clusters::to_bytes`] wrote; returns the clusters and bytes used.
    pub fn from_bytes(b: &[u8]) -> Result<(Self, usize), String> {
        if b.len() < 4 {
            return Err("cluster table missing".into());
        }
        let n = u32::from_le_bytes(b[..4].try_into().unwrap()) as usize;
        let need = 4 + n * 13;
        if b.len() < need {
            return Err("cluster table truncated".into());
        }
        let mut map = FxHashMap::default();
        map.reserve(n);
        for c in b[4..need].chunks_exact(13) {
            let k = u64::from_le_bytes(c[..8].try_into().unwrap());
            let a = u16::from_le_bytes([c[8], c[9]]);
            let f = u16::from_le_bytes([c[10], c[11]]);
            map.insert(k, (a, f, c[12]));
        }
        Ok((Clusters { map }, need))
    }

    /// Learns clusters from texts (deterministic).
    pub fn learn<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        // Token streams as lower-case hashes, sentence by sentence.
        let mut sents: Vec<Vec<u64>> = Vec::new();
        let mut freq: FxHashMap<u64, u32> = FxHashMap::default();
        // (lower-case occurrences, capitalised occurrences not starting a sentence)
        let mut case: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        for t in texts {
            let n = normalize::normalize(t);
            let d = segment::segment(&n.text);
            for s in &d.sentences {
                let ids: Vec<u64> = d.tokens[s.tokens.clone()]
                    .iter()
                    .map(|tok| word_hash(tok.span.text(&n.text), true))
                    .collect();
                for (k, (&h, tok)) in ids.iter().zip(&d.tokens[s.tokens.clone()]).enumerate() {
                    *freq.entry(h).or_insert(0) += 1;
                    let first = tok.span.text(&n.text).chars().next().unwrap_or(' ');
                    if first.is_lowercase() {
                        case.entry(h).or_default().0 += 1;
                    } else if first.is_uppercase() && k > 0 {
                        case.entry(h).or_default().1 += 1;
                    }
                }
                sents.push(ids);
            }
        }
        let mut by_freq: Vec<(u64, u32)> = freq.into_iter().collect();
        by_freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let vocab: Vec<u64> = by_freq
            .iter()
            .filter(|x| x.1 >= MIN_COUNT)
            .take(MAX_VOCAB)
            .map(|x| x.0)
            .collect();
        let vid: FxHashMap<u64, usize> = vocab.iter().enumerate().map(|(i, &h)| (h, i)).collect();
        // Context dimensions: the most frequent words, left and right, plus padding.
        let nctx = CONTEXT.min(vocab.len());
        let dim = 2 * (nctx + 1);
        let mut counts: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); vocab.len()];
        for s in &sents {
            for (i, h) in s.iter().enumerate() {
                let Some(&w) = vid.get(h) else { continue };
                let ctx = |j: Option<usize>| -> usize {
                    j.and_then(|j| s.get(j))
                        .and_then(|h| vid.get(h))
                        .filter(|&&c| c < nctx)
                        .map_or(nctx, |&c| c)
                };
                let l = ctx(i.checked_sub(1));
                let r = ctx(Some(i + 1)) + nctx + 1;
                *counts[w].entry(l as u32).or_insert(0.0) += 1.0;
                *counts[w].entry(r as u32).or_insert(0.0) += 1.0;
            }
        }
        // Sparse, log-scaled, unit-length vectors.
        let vecs: Vec<Vec<(u32, f32)>> = counts
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, f32)> =
                    m.into_iter().map(|(k, c)| (k, (1.0 + c).ln())).collect();
                v.sort_unstable_by_key(|x| x.0);
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
                for x in &mut v {
                    x.1 /= norm;
                }
                v
            })
            .collect();
        let coarse = kmeans(&vecs, dim, COARSE, 12);
        let fine = kmeans(&vecs, dim, FINE, 12);
        let map = vocab
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let (lo, cap) = case.get(&h).copied().unwrap_or((0, 0));
                let f = if lo >= 3 && lo >= 3 * cap {
                    USUALLY_LOWER
                } else {
                    0
                };
                (h, (coarse[i] as u16 + 1, fine[i] as u16 + 1, f))
            })
            .collect();
        Clusters { map }
    }
}

/// Spherical k-means; seeds are words spread evenly over the frequency ranking.
fn kmeans(vecs: &[Vec<(u32, f32)>], dim: usize, k: usize, iters: usize) -> Vec<usize> {
    let n = vecs.len();
    if n == 0 {
        return Vec::new();
    }
    let k = k.min(n);
    let mut cent = vec![0f32; k * dim];
    for c in 0..k {
        // Frequent words first: seed from the top of the ranking, spaced out.
        let i = (c * n.min(20 * k) / k).min(n - 1);
        for &(d, x) in &vecs[i] {
            cent[c * dim + d as usize] = x;
        }
    }
    let mut assign = vec![0usize; n];
    for _ in 0..iters {
        for (i, v) in vecs.iter().enumerate() {
            let mut best = 0;
            let mut best_s = f32::NEG_INFINITY;
            for c in 0..k {
                let row = &cent[c * dim..(c + 1) * dim];
                let s: f32 = v.iter().map(|&(d, x)| row[d as usize] * x).sum();
                if s > best_s {
                    best_s = s;
                    best = c;
                }
            }
            assign[i] = best;
        }
        cent.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vecs.iter().enumerate() {
            let c = assign[i];
            for &(d, x) in v {
                cent[c * dim + d as usize] += x;
            }
        }
        for c in 0..k {
            let row = &mut cent[c * dim..(c + 1) * dim];
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    assign
}
