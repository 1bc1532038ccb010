//! Name folding: the key every name lookup uses. Lower case, accents stripped
//! (deunicode), every run of punctuation and space collapsed to one space, so that
//! `blinken`, `BLINKEN`, `Blínken` and `Antony  Blinken` line up.

/// Folds a name or a query for lookups: `"Mr. Antony Blínken"` → `"mr antony blinken"`.
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' {
            // "O'Brien" folds to "obrien", not "o brien"
            continue;
        } else {
            pending_space = true;
        }
    }
    out
}

/// The surname key of a folded person name: its last word.
pub fn surname(folded: &str) -> Option<&str> {
    folded.rsplit(' ').next().filter(|w| !w.is_empty())
}

/// Number of words in a folded name.
pub fn word_count(folded: &str) -> usize {
    folded.split(' ').filter(|w| !w.is_empty()).count()
}

/// Levenshtein distance, bounded: returns `None` when it exceeds `max`. Folded names are
/// ASCII, compared byte by byte; other text char by char.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        bounded_levenshtein(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_levenshtein(&a, &b, max)
    }
}

/// The distance of `a` and `b` when it is at most `max`. Only the diagonal band of width
/// 2·`max` + 1 is computed (a cell farther from the diagonal is already more than `max`
/// away), in two rows on the stack for names shorter than 32 units: an actor search
/// compares ~150 names a request, and allocating four vectors and filling the whole
/// table for each was a quarter of its CPU.
fn bounded_levenshtein<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    const STACK: usize = 32;
    let n = b.len();
    let inf = max + 1;
    let mut stack = [[0usize; STACK]; 2];
    let mut heap: Vec<usize>;
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if n < STACK {
        let [p, c] = &mut stack;
        (&mut p[..=n], &mut c[..=n])
    } else {
        heap = vec![0; 2 * (n + 1)];
        heap.split_at_mut(n + 1)
    };
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j.min(inf);
    }
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(max).max(1);
        let hi = (row + max).min(n);
        cur[0] = row.min(inf);
        // (the cell left of the band is the left neighbour of its first cell)
        cur[lo - 1] = if lo == 1 { cur[0] } else { inf };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(*ca != b[j - 1]);
            let v = (prev[j - 1] + cost)
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(inf);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // (the cell right of the band is the next row's upper neighbour)
        if hi < n {
            cur[hi + 1] = inf;
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("BLINKEN"), "blinken");
        assert_eq!(fold("Blínken"), "blinken");
        assert_eq!(fold("  Antony   Blinken "), "antony blinken");
        assert_eq!(fold("Mr. Blinken"), "mr blinken");
        assert_eq!(fold("NATO-Russia council"), "nato russia council");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold("\"*NEAR(\""), "near");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn surname_is_last_word() {
        assert_eq!(surname("antony blinken"), Some("blinken"));
        assert_eq!(surname("blinken"), Some("blinken"));
        assert_eq!(surname(""), None);
    }

    #[test]
    fn bounded_edit_distance() {
        assert_eq!(edit_distance("blinken", "blinkin", 2), Some(1));
        assert_eq!(edit_distance("blinken", "blinken", 0), Some(0));
        assert_eq!(edit_distance("lungescu", "lungesku", 1), Some(1));
        assert_eq!(edit_distance("blinken", "stoltenberg", 2), None);
        assert_eq!(edit_distance("", "ab", 2), Some(2));
        assert_eq!(edit_distance("zoë", "zoe", 1), Some(1));
    }

    /// The whole table, as the distance is defined.
    fn levenshtein(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest::proptest! {
        #[test]
        fn bounded_distance_is_the_distance_when_within_bound(
            a in "[abcé ]{0,12}|[ab]{60,70}|[aé]{1,4}",
            b in "[abcé ]{0,12}|[ab]{60,70}|[ab]{1,6}",
            max in 0usize..4,
        ) {
            let d = levenshtein(&a, &b);
            proptest::prop_assert_eq!(edit_distance(&a, &b, max), (d <= max).then_some(d));
        }
    }
}
