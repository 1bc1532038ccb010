//! General-knowledge name lists: countries (with demonyms and capitals), international
//! organisations, other well-known places, common first names, organisation suffixes and
//! titles. Compiled into the binary from `data/gazetteers/` and parsed once on first use.
//!
//! Other stages ask the pub lookups (`country_of_capital("Moscow")`, `is_first_name`, …);
//! the NER model uses [`Gazetteer::phrases`] as features (never as the whole answer).

use super::ner::hash::{mix, word_hash};
use super::segment;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

const COUNTRIES_TSV: &str = include_str!("../../data/gazetteers/countries.tsv");
const ORGS_TSV: &str = include_str!("../../data/gazetteers/international_orgs.tsv");
const LOCATIONS_TXT: &str = include_str!("../../data/gazetteers/locations.txt");
const FIRST_NAMES_TXT: &str = include_str!("../../data/gazetteers/first_names.txt");
const ORG_SUFFIXES_TXT: &str = include_str!("../../data/gazetteers/org_suffixes.txt");
const TITLES_TXT: &str = include_str!("../../data/gazetteers/person_titles.txt");

/// Phrase categories (bit flags) used as NER features.
pub mod cat {
    pub const COUNTRY: u16 = 1;
    pub const DEMONYM: u16 = 2;
    pub const CAPITAL: u16 = 4;
    pub const LOCATION: u16 = 8;
    pub const INTL_ORG: u16 = 16;
    pub const FIRST_NAME: u16 = 32;
    pub const ORG_SUFFIX: u16 = 64;
    pub const TITLE: u16 = 128;
    pub const COUNT: usize = 8;
}

#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct IntlOrg {
    pub short: String,
    pub full: Vec<String>,
}

/// Token-level phrase index: phrases are tokenised with the pipeline's tokenizer and keyed
/// by the chained lower-case hashes of their tokens.
pub struct PhraseIndex {
    /// Full phrase hash → category bits.
    full: FxHashMap<u64, u16>,
    /// Hashes of proper prefixes (so matching can stop early).
    prefixes: FxHashSet<u64>,
    pub max_len: usize,
}

const PHRASE_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

impl PhraseIndex {
    fn new() -> Self {
        PhraseIndex {
            full: FxHashMap::default(),
            prefixes: FxHashSet::default(),
            max_len: 1,
        }
    }

    fn add(&mut self, phrase: &str, bits: u16) {
        let toks = segment::tokenize(phrase);
        if toks.is_empty() {
            return;
        }
        let mut h = PHRASE_SEED;
        for (k, t) in toks.iter().enumerate() {
            h = mix(h, word_hash(t.span.text(phrase), true));
            if k + 1 < toks.len() {
                self.prefixes.insert(h);
            }
        }
        *self.full.entry(h).or_insert(0) |= bits;
        self.max_len = self.max_len.max(toks.len());
    }

    /// Starts a chain; feed it lower-case word hashes with [`PhraseIndex::step`].
    pub fn start() -> u64 {
        PHRASE_SEED
    }
    pub fn step(h: u64, lower_hash: u64) -> u64 {
        mix(h, lower_hash)
    }
    /// Category bits of the phrase whose chain hash is `h` (0 when none).
    pub fn get(&self, h: u64) -> u16 {
        self.full.get(&h).copied().unwrap_or(0)
    }
    pub fn is_prefix(&self, h: u64) -> bool {
        self.prefixes.contains(&h)
    }
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub orgs: Vec<IntlOrg>,
    by_name: FxHashMap<String, usize>,
    by_demonym: FxHashMap<String, usize>,
    by_capital: FxHashMap<String, usize>,
    org_by_name: FxHashMap<String, usize>,
    locations: FxHashSet<String>,
    first_names: FxHashSet<String>,
    org_suffixes: FxHashSet<String>,
    titles: FxHashSet<String>,
    pub phrases: PhraseIndex,
}

fn key(s: &str) -> String {
    s.trim().replace('\u{2019}', "'").to_lowercase()
}

/// [`key`] for a look-up: a short ASCII name (nearly every one) is lowered on the stack,
/// not in two new strings (the look-ups run for most names of every article).
enum LookupKey {
    Short([u8; 48], usize),
    Long(String),
}

fn lookup_key(s: &str) -> LookupKey {
    let t = s.trim();
    if t.len() <= 48 && t.is_ascii() {
        let mut buf = [0u8; 48];
        buf[..t.len()].copy_from_slice(t.as_bytes());
        buf[..t.len()].make_ascii_lowercase();
        LookupKey::Short(buf, t.len())
    } else {
        LookupKey::Long(key(s))
    }
}

impl std::ops::Deref for LookupKey {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            LookupKey::Short(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            LookupKey::Long(k) => k,
        }
    }
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Gazetteer {
    fn build() -> Self {
        let mut g = Gazetteer {
            countries: Vec::new(),
            orgs: Vec::new(),
            by_name: FxHashMap::default(),
            by_demonym: FxHashMap::default(),
            by_capital: FxHashMap::default(),
            org_by_name: FxHashMap::default(),
            locations: FxHashSet::default(),
            first_names: FxHashSet::default(),
            org_suffixes: FxHashSet::default(),
            titles: FxHashSet::default(),
            phrases: PhraseIndex::new(),
        };
        for line in lines(COUNTRIES_TSV) {
            let f: Vec<&str> = line.split('\t').collect();
            let c = Country {
                name: f[0].trim().to_owned(),
                aliases: f.get(1).map(|s| list(s)).unwrap_or_default(),
                demonyms: f.get(2).map(|s| list(s)).unwrap_or_default(),
                capitals: f.get(3).map(|s| list(s)).unwrap_or_default(),
            };
            let i = g.countries.len();
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                g.by_name.entry(key(n)).or_insert(i);
                g.phrases.add(n, cat::COUNTRY);
            }
            for d in &c.demonyms {
                g.by_demonym.entry(key(d)).or_insert(i);
                g.phrases.add(d, cat::DEMONYM);
            }
            for cap in &c.capitals {
                g.by_capital.entry(key(cap)).or_insert(i);
                g.phrases.add(cap, cat::CAPITAL);
            }
            g.countries.push(c);
        }
        for line in lines(ORGS_TSV) {
            let f: Vec<&str> = line.split('\t').collect();
            let o = IntlOrg {
                short: f[0].trim().to_owned(),
                full: f.get(1).map(|s| list(s)).unwrap_or_default(),
            };
            let i = g.orgs.len();
            for n in std::iter::once(&o.short).chain(&o.full) {
                g.org_by_name.entry(key(n)).or_insert(i);
                g.phrases.add(n, cat::INTL_ORG);
            }
            g.orgs.push(o);
        }
        for l in lines(LOCATIONS_TXT) {
            g.locations.insert(key(l));
            g.phrases.add(l.trim(), cat::LOCATION);
        }
        for w in lines(FIRST_NAMES_TXT).flat_map(str::split_whitespace) {
            g.first_names.insert(key(w));
            g.phrases.add(w, cat::FIRST_NAME);
        }
        for w in lines(ORG_SUFFIXES_TXT).flat_map(str::split_whitespace) {
            g.org_suffixes.insert(w.to_owned());
            g.phrases.add(w, cat::ORG_SUFFIX);
        }
        for w in lines(TITLES_TXT).flat_map(str::split_whitespace) {
            g.titles.insert(key(w));
            g.phrases.add(w, cat::TITLE);
        }
        g
    }
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The shared gazetteer (built on first use).
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// `"Moscow"` → `Some("Russia")`. Case-insensitive.
pub fn country_of_capital(name: &str) -> Option<&'static str> {
    let g = get();
    g.by_capital
        .get(&*lookup_key(name))
        .map(|&i| g.countries[i].name.as_str())
}

/// `"Russian"` / `"Russians"` → `Some("Russia")`. Case-insensitive.
pub fn country_of_demonym(word: &str) -> Option<&'static str> {
    let g = get();
    g.by_demonym
        .get(&*lookup_key(word))
        .map(|&i| g.countries[i].name.as_str())
}

/// The canonical country name for a name or alias (`"U.S."` → `"United States"`).
pub fn canonical_country(name: &str) -> Option<&'static str> {
    let g = get();
    g.by_name
        .get(&*lookup_key(name))
        .map(|&i| g.countries[i].name.as_str())
}

/// Whether `name` names a country (or a common alias of one). Case-insensitive.
pub fn is_country(name: &str) -> bool {
    get().by_name.contains_key(&*lookup_key(name))
}

/// Whether `name` is a capital city of some country.
pub fn is_capital(name: &str) -> bool {
    get().by_capital.contains_key(&*lookup_key(name))
}

/// Whether `name` is a country, capital or other well-known place.
pub fn is_place(name: &str) -> bool {
    let k = lookup_key(name);
    let g = get();
    g.by_name.contains_key(&*k) || g.by_capital.contains_key(&*k) || g.locations.contains(&*k)
}

/// Whether `word` is a common given name. Case-insensitive.
pub fn is_first_name(word: &str) -> bool {
    get().first_names.contains(&*lookup_key(word))
}

/// Whether `name` is an international organisation's acronym or full name ("NATO",
/// "United Nations"). Case-insensitive.
pub fn is_international_org(name: &str) -> bool {
    get().org_by_name.contains_key(&*lookup_key(name))
}

/// The full names of an international organisation given by its short name or any of its
/// names (`"NATO"` → `["North Atlantic Treaty Organization", …, "North Atlantic Alliance"]`).
pub fn international_org_full_names(name: &str) -> &'static [String] {
    let g = get();
    g.org_by_name
        .get(&*lookup_key(name))
        .map_or(&[], |&i| g.orgs[i].full.as_slice())
}

/// The short name of an international organisation (`"North Atlantic Treaty Organization"`
/// → `"NATO"`).
pub fn international_org_short(name: &str) -> Option<&'static str> {
    let g = get();
    g.org_by_name
        .get(&*lookup_key(name))
        .map(|&i| g.orgs[i].short.as_str())
}

/// Whether `word` (case-sensitive) commonly ends an organisation name ("Corp", "Party").
pub fn is_org_suffix(word: &str) -> bool {
    get().org_suffixes.contains(word)
}

/// Whether `word` is a title or role that precedes names ("Mr.", "President").
pub fn is_person_title(word: &str) -> bool {
    get().titles.contains(&*lookup_key(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(country_of_capital("Moscow"), Some("Russia"));
        assert_eq!(country_of_capital("kyiv"), Some("Ukraine"));
        assert_eq!(country_of_demonym("Russian"), Some("Russia"));
        assert_eq!(country_of_demonym("Britons"), Some("United Kingdom"));
        assert_eq!(canonical_country("U.S."), Some("United States"));
        assert!(is_country("Romania"));
        assert!(!is_country("Moscow"));
        assert!(is_place("Black Sea"));
        assert!(is_first_name("Antony"));
        assert!(!is_first_name("said"));
        assert!(is_international_org("NATO"));
        assert_eq!(international_org_short("United Nations"), Some("UN"));
        assert!(is_org_suffix("Corp"));
        assert!(is_person_title("Mr."));
    }

    #[test]
    fn lookup_keys_are_the_keys() {
        for s in [
            "",
            " ",
            "Moscow",
            " U.S. ",
            "Kyiv\u{b}",
            "O’Brien",
            "ÉMILE",
            "İstanbul",
            "North Atlantic Treaty Organization of the Very Long Name Indeed And More",
        ] {
            assert_eq!(&*lookup_key(s), key(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lookup_keys_are_the_keys_of_anything(s in "\\PC{0,60}|[ -~\\t\\n\\x0b]{0,60}") {
            proptest::prop_assert_eq!(&*lookup_key(&s), key(&s));
        }
    }

    #[test]
    fn phrase_index_matches_token_chains() {
        let g = get();
        let mut h = PhraseIndex::start();
        for w in ["black", "sea"] {
            h = PhraseIndex::step(h, word_hash(w, true));
        }
        assert_ne!(g.phrases.get(h) & cat::LOCATION, 0);
        let h1 = PhraseIndex::step(PhraseIndex::start(), word_hash("Black", true));
        assert!(g.phrases.is_prefix(h1));
    }
}
