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

/// Levenshtein distance, bounded: returns `None` when it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
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
    }
}
