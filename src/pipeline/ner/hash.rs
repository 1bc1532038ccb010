//! Allocation-free hashing of words and feature templates (FxHash-style mixing).

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Folds `x` into the running hash `h`.
#[inline(always)]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// A final avalanche so that nearby inputs land in distant table slots; never 0.
#[inline(always)]
pub fn finish(h: u64) -> u64 {
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x | 1
}

/// Maps typographic variants to one form: curly apostrophes and quotes to straight ones,
/// ASCII digits to `0`; lower-cases when asked.
#[inline(always)]
pub fn norm_char(c: char, lower: bool) -> char {
    match c {
        '0'..='9' => '0',
        'A'..='Z' if lower => c.to_ascii_lowercase(),
        c if c.is_ascii() => c,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`'
        | '\u{b4}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        c if lower && c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    }
}

/// Hash of a word after [`norm_char`].
pub fn word_hash(s: &str, lower: bool) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in s.chars() {
        h = mix(h, norm_char(c, lower) as u64);
    }
    finish(h)
}

/// Feature hash → row index, as an open-addressing table: each slot holds the key's high
/// 32 bits and the row index + 1 (0 marks an empty slot). Shared by the NER and the
/// reported-content models.
pub struct KeyIndex {
    slots: Vec<u64>,
    mask: usize,
}

impl KeyIndex {
    pub fn empty() -> Self {
        KeyIndex {
            slots: vec![0],
            mask: 0,
        }
    }

    /// Row `r` for `keys[r]`.
    pub fn new(keys: &[u64]) -> Self {
        let cap = (keys.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![0u64; cap];
        let mask = cap - 1;
        for (r, &k) in keys.iter().enumerate() {
            let mut s = (k as usize) & mask;
            while slots[s] != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = (k >> 32) << 32 | (r as u64 + 1);
        }
        KeyIndex { slots, mask }
    }

    /// The first slot probed for `key` (to prefetch it).
    #[inline(always)]
    pub fn first_slot(&self, key: u64) -> &u64 {
        &self.slots[(key as usize) & self.mask]
    }

    /// The row index of a feature, if it has weights.
    #[inline(always)]
    pub fn find(&self, key: u64) -> Option<usize> {
        let fp = key >> 32;
        let mut s = (key as usize) & self.mask;
        loop {
            let v = self.slots[s];
            if v == 0 {
                return None;
            }
            if v >> 32 == fp {
                return Some((v & 0xffff_ffff) as usize - 1);
            }
            s = (s + 1) & self.mask;
        }
    }
}

impl KeyIndex {
    /// The sum of the weight rows of the features this index knows (at most `MAX` of
    /// them), in three passes so that the memory loads overlap: prefetch the slots, probe
    /// them (prefetching the rows), then add the rows up. Serves the NER model and the
    /// content tagger alike.
    #[inline(always)]
    pub fn sum_rows<const N: usize, const MAX: usize>(
        &self,
        rows: &[[i16; N]],
        feats: &[u64],
    ) -> [i32; N] {
        for &f in feats {
            super::prefetch(self.first_slot(f));
        }
        let mut found = [0u32; MAX];
        let mut n = 0;
        for &f in feats {
            if let Some(r) = self.find(f) {
                if n < found.len() {
                    super::prefetch(&rows[r]);
                    found[n] = r as u32;
                    n += 1;
                }
            }
        }
        add_rows(rows, &found[..n])
    }
}

/// The lane-by-lane sum of the rows `found` (i16 rows, i32 sums: a token's few dozen
/// rows cannot overflow).
#[inline(always)]
fn add_rows<const N: usize>(rows: &[[i16; N]], found: &[u32]) -> [i32; N] {
    #[cfg(target_arch = "x86_64")]
    if N >= 16 && std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked just above), all `add_rows_avx2` needs.
        return unsafe { add_rows_avx2(rows, found) };
    }
    let mut acc = [0i32; N];
    for &r in found {
        for (a, &w) in acc.iter_mut().zip(rows[r as usize].iter()) {
            *a += w as i32;
        }
    }
    acc
}

/// [`add_rows`] with the first 16 lanes of each row widened and added in two AVX2
/// registers (SSE2 alone takes ~26 instructions a row of 17; this ~10); the same integer
/// sums. Safety: the CPU must have AVX2, and `N >= 16`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_rows_avx2<const N: usize>(rows: &[[i16; N]], found: &[u32]) -> [i32; N] {
    use std::arch::x86_64::*;
    let mut low = _mm256_setzero_si256();
    let mut high = _mm256_setzero_si256();
    let mut acc = [0i32; N];
    for &r in found {
        let row = &rows[r as usize];
        // (an unaligned load of lanes 0..16: 32 bytes inside the row, since N >= 16)
        let v = _mm256_loadu_si256(row.as_ptr() as *const __m256i);
        low = _mm256_add_epi32(low, _mm256_cvtepi16_epi32(_mm256_castsi256_si128(v)));
        high = _mm256_add_epi32(
            high,
            _mm256_cvtepi16_epi32(_mm256_extracti128_si256::<1>(v)),
        );
        for k in 16..N {
            acc[k] += row[k] as i32;
        }
    }
    let mut first = [0i32; 16];
    _mm256_storeu_si256(first.as_mut_ptr() as *mut __m256i, low);
    _mm256_storeu_si256(first[8..].as_mut_ptr() as *mut __m256i, high);
    acc[..16].copy_from_slice(&first);
    acc
}

/// A table of quantised weights as bytes: `magic`, the tag count, the row count, then the
/// keys, then the rows (little endian). The NER model appends its word clusters.
pub fn table_to_bytes<const N: usize>(magic: &[u8; 8], keys: &[u64], rows: &[[i16; N]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * N));
    out.extend_from_slice(magic);
    out.extend_from_slice(&(N as u32).to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    for k in keys {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for r in rows {
        for w in r {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

/// A weight table read back: its keys, its rows, and how many bytes they took.
pub type Table<const N: usize> = (Vec<u64>, Vec<[i16; N]>, usize);

/// Reads what [`table_to_bytes`] wrote at the start of `b`. `what` names the model in the
/// errors.
pub fn table_from_bytes<const N: usize>(
    magic: &[u8; 8],
    what: &str,
    b: &[u8],
) -> Result<Table<N>, String> {
    if b.len() < 16 || &b[..8] != magic {
        return Err(format!("not a Verbatim {what}"));
    }
    let nt = u32::from_le_bytes(b[8..12].try_into().unwrap()) as usize;
    let n = u32::from_le_bytes(b[12..16].try_into().unwrap()) as usize;
    let used = 16 + n * 8 + n * N * 2;
    if nt != N || b.len() < used {
        return Err(format!("{what} has the wrong size or tag set"));
    }
    let keys: Vec<u64> = b[16..16 + n * 8]
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    let rows: Vec<[i16; N]> = b[16 + n * 8..used]
        .chunks_exact(2 * N)
        .map(|c| {
            let mut r = [0i16; N];
            for (k, w) in r.iter_mut().enumerate() {
                *w = i16::from_le_bytes([c[2 * k], c[2 * k + 1]]);
            }
            r
        })
        .collect();
    Ok((keys, rows, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // The AVX2 sums (where the CPU has it) equal plain lane-by-lane sums.
        #[test]
        fn row_sums_are_lane_sums(
            rows in proptest::collection::vec(proptest::array::uniform17(proptest::num::i16::ANY), 1..40),
            picks in proptest::collection::vec(0usize..1000, 0..60),
        ) {
            let found: Vec<u32> = picks.iter().map(|&p| (p % rows.len()) as u32).collect();
            let mut want = [0i32; 17];
            for &r in &found {
                for k in 0..17 {
                    want[k] += rows[r as usize][k] as i32;
                }
            }
            proptest::prop_assert_eq!(add_rows(&rows, &found), want);
        }
    }
}
