//! Name folding: the key every name lookup uses. Lower case, accents stripped
//! (deunicode), every run of punctuation and space collapsed to one space, so that
//! `blinken`, `BLINKEN`, `Blínken` and `Antony  Blinken` line up.

/// Folds a name or a query for lookups: `"Mr. Antony Blínken"` → `"mr antony blinken"`.
pub fn fold(s: &str) -> String {
    // `deunicode` leaves ASCII as it is (borrowed, not copied); every byte of its output
    // is ASCII, so the loop reads bytes.
    let ascii = deunicode::deunicode_with_tofu_cow(s, "[?]");
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for &b in ascii.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b == b'\'' {
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
        let (a, b) = trim_common(a.as_bytes(), b.as_bytes());
        if a.len().abs_diff(b.len()) > max || letters_apart(a, b) > max {
            return None;
        }
        bounded_levenshtein(a, b, max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        bounded_levenshtein(&a, &b, max)
    }
}

/// `a` and `b` without the bytes they start and end with in common, which leaves their
/// distance as it is (an alignment matches them at no cost). An actor search compares a
/// name with ~150 others sharing its first letter (its first word too, for full names).
fn trim_common<'a>(a: &'a [u8], b: &'a [u8]) -> (&'a [u8], &'a [u8]) {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (&a[..a.len() - tail], &b[..b.len() - tail])
}

/// A lower bound of the distance of two ASCII strings, from their letters alone: the
/// larger of how many bytes of `a` find no equal byte in `b` (counted with repeats) and
/// the reverse. An insertion, deletion or substitution lowers each count by at most one.
/// Most names an actor search compares are rejected here, without the table.
fn letters_apart(a: &[u8], b: &[u8]) -> usize {
    // (Counts of one byte fit an i8 below 128 bytes; longer strings are not bounded.)
    if a.len() >= 128 || b.len() >= 128 {
        return 0;
    }
    let mut count = [0i8; 128];
    for &x in a {
        count[usize::from(x & 0x7f)] += 1;
    }
    for &y in b {
        count[usize::from(y & 0x7f)] -= 1;
    }
    let mut only_a = 0;
    for &x in a {
        let c = &mut count[usize::from(x & 0x7f)];
        if *c > 0 {
            only_a += *c as usize;
            *c = 0;
        }
    }
    // The other bytes of `a` have an equal byte in `b`, and the rest of `b` has none.
    let only_b = b.len() + only_a - a.len();
    only_a.max(only_b)
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

    /// `fold` as it was written before its byte loop: `deunicode` copied, read by char.
    fn fold_by_chars(s: &str) -> String {
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
                continue;
            } else {
                pending_space = true;
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn folds_as_by_chars(s in "\\PC{0,40}|[A-Za-z0-9 .,'\"é\u{301}\u{2019}-]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_chars(&s));
        }
    }

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
    fn letters_apart_counts_unmatched_bytes() {
        assert_eq!(letters_apart(b"novdale", b"nordale"), 1);
        assert_eq!(letters_apart(b"abc", b"cba"), 0);
        assert_eq!(letters_apart(b"aab", b"b"), 2);
        assert_eq!(letters_apart(b"b", b"aab"), 2);
        assert_eq!(letters_apart(b"", b"xyz"), 3);
        assert_eq!(letters_apart(&[b'a'; 200], b""), 0);
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
        /// Names that share a start or an end, and letters in another order (what the
        /// trimming and the letter bound are about).
        #[test]
        fn ascii_distance_is_the_distance_when_within_bound(
            head in "[ab ]{0,3}",
            a in "[abcd]{0,7}",
            b in "[abcd]{0,7}",
            tail in "[ab]{0,3}",
            max in 0usize..4,
        ) {
            let (a, b) = (format!("{head}{a}{tail}"), format!("{head}{b}{tail}"));
            let d = levenshtein(&a, &b);
            proptest::prop_assert_eq!(edit_distance(&a, &b, max), (d <= max).then_some(d));
            proptest::prop_assert!(letters_apart(a.as_bytes(), b.as_bytes()) <= d);
            proptest::prop_assert!(letters_apart(b.as_bytes(), a.as_bytes()) <= d);
        }

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
