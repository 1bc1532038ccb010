//! Place and organisation lookups. Placeholder until the gazetteer files land; the NER
//! work replaces this file with lists loaded from data/gazetteers/.

/// The country whose capital this is ("Moscow" → "Russia").
pub fn country_of_capital(name: &str) -> Option<&'static str> {
    Some(match name {
        "Moscow" => "Russia",
        "Washington" => "United States",
        "Beijing" => "China",
        "Kyiv" | "Kiev" => "Ukraine",
        "London" => "United Kingdom",
        "Paris" => "France",
        "Berlin" => "Germany",
        "Tehran" => "Iran",
        "Pyongyang" => "North Korea",
        "Brussels" => "Belgium",
        _ => return None,
    })
}

pub fn is_country(name: &str) -> bool {
    canonical_country(name).is_some()
        || matches!(
            name,
            "Russia" | "Ukraine" | "France" | "Germany" | "China" | "Romania" | "Bulgaria"
        )
}

/// The usual name for a country's variants ("U.S." → "United States").
pub fn canonical_country(name: &str) -> Option<&'static str> {
    Some(match name {
        "U.S." | "US" | "U.S" | "USA" | "U.S.A." | "United States" | "America" => "United States",
        "UK" | "U.K." | "Britain" | "Great Britain" | "United Kingdom" => "United Kingdom",
        _ => return None,
    })
}
