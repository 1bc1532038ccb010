//! `verbatim seed-demo`: fill a database with synthetic but realistic articles, quotes
//! and actors (for query benchmarks), straight through the store's group-commit writer.
//! Deterministic: the same arguments give the same data.

use crate::pipeline::normalize::OffsetMap;
use crate::pipeline::{
    ActorKind, Analysis, EntityLabel, LocalActor, Mention, Quote, QuoteKind, Span, Speaker,
    SpeakerSource,
};
use crate::store::{NewArticle, Store};
use std::path::PathBuf;
use std::time::Instant;

const FIRST: [&str; 48] = [
    "Anna", "Peter", "Maria", "James", "Elena", "David", "Sofia", "Michael", "Laura", "Thomas",
    "Irina", "Daniel", "Clara", "Martin", "Julia", "Andrew", "Nadia", "Robert", "Eva", "Stefan",
    "Olga", "Paul", "Helen", "Marco", "Sara", "Victor", "Lena", "George", "Alice", "Jonas", "Mira",
    "Lucas", "Nora", "Adam", "Ines", "Karl", "Rosa", "Omar", "Greta", "Ivan", "Leila", "Hugo",
    "Dana", "Felix", "Amira", "Pavel", "Zoe", "Tomas",
];
const SURNAMES: [&str; 64] = [
    "Novak",
    "Keller",
    "Moreau",
    "Lindqvist",
    "Petrov",
    "Romano",
    "Schmidt",
    "Kowalski",
    "Haddad",
    "Okafor",
    "Tanaka",
    "Larsen",
    "Fischer",
    "Dubois",
    "Rossi",
    "Ivanova",
    "Jensen",
    "Marin",
    "Costa",
    "Weber",
    "Horvat",
    "Nilsson",
    "Popescu",
    "Kaya",
    "Silva",
    "Meyer",
    "Andersen",
    "Bauer",
    "Ferrari",
    "Hansen",
    "Kovacs",
    "Lopez",
    "Mendes",
    "Nowak",
    "Olsen",
    "Pereira",
    "Quinn",
    "Reyes",
    "Sato",
    "Toth",
    "Varga",
    "Walsh",
    "Young",
    "Zielinski",
    "Barros",
    "Castillo",
    "Dimitrov",
    "Eriksen",
    "Fontaine",
    "Garcia",
    "Hoffmann",
    "Ibrahim",
    "Jovanovic",
    "Kim",
    "Lambert",
    "Molnar",
    "Nielsen",
    "Oliveira",
    "Park",
    "Ramos",
    "Stoica",
    "Takacs",
    "Urban",
    "Vidal",
];
const TOPICS: [&str; 32] = [
    "sanctions",
    "energy prices",
    "the budget",
    "border security",
    "the ceasefire",
    "inflation",
    "the election",
    "trade talks",
    "climate targets",
    "defence spending",
    "the pension reform",
    "migration",
    "the grain deal",
    "interest rates",
    "the health service",
    "tariffs",
    "the peace plan",
    "housing",
    "the coalition",
    "the treaty",
    "military aid",
    "fuel subsidies",
    "the court ruling",
    "the strike",
    "the summit",
    "cyber attacks",
    "the gas pipeline",
    "farm subsidies",
    "the referendum",
    "the bailout",
    "nuclear talks",
    "troop deployments",
];
const TEMPLATES: [&str; 6] = [
    "We will not accept any deal on {a} that ignores {b}",
    "There is no room for delay on {a}, and {b} must wait",
    "Our position on {a} has not changed since the talks on {b}",
    "Nobody should doubt our commitment to {a} or to {b}",
    "The government failed on {a} and now it is failing on {b}",
    "We expect progress on {a} before anyone speaks about {b}",
];
const SOURCES: [&str; 3] = ["wire-a", "daily-b", "broadcaster-c"];

/// The synthetic person with index `i`: unique for i < 79,872.
pub fn actor_name(i: usize) -> String {
    let first = FIRST[i % FIRST.len()];
    let surname = SURNAMES[(i / FIRST.len()) % SURNAMES.len()];
    let block = i / (FIRST.len() * SURNAMES.len());
    if block == 0 {
        format!("{first} {surname}")
    } else {
        let initial = (b'A' + ((block - 1) % 26) as u8) as char;
        format!("{first} {initial}. {surname}")
    }
}

/// A small deterministic generator (SplitMix64), so runs repeat.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// One synthetic article: `quotes` direct quotes, each by one actor about another.
pub fn article(index: usize, quotes: usize, actors: usize, rng: &mut Rng) -> Analysis {
    let mut text = String::new();
    let mut local: Vec<LocalActor> = Vec::new();
    let mut entities = Vec::new();
    let mut found = Vec::new();
    let local_id = |name: &str, local: &mut Vec<LocalActor>| -> usize {
        if let Some(a) = local.iter().find(|a| a.canonical == name) {
            return a.id;
        }
        let id = local.len();
        let surname = name.rsplit(' ').next().unwrap_or(name).to_owned();
        local.push(LocalActor {
            id,
            canonical: name.to_owned(),
            kind: ActorKind::Person,
            aliases: vec![surname],
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: Vec::new(),
        });
        id
    };
    text.push_str(&format!("Report {index}: what was said this week.\n\n"));
    for _ in 0..quotes {
        let speaker = actor_name(rng.below(actors));
        let about = actor_name(rng.below(actors));
        let a = TOPICS[rng.below(TOPICS.len())];
        let b = TOPICS[rng.below(TOPICS.len())];
        let said = TEMPLATES[rng.below(TEMPLATES.len())]
            .replace("{a}", a)
            .replace("{b}", b);
        let q_start = text.len();
        text.push('“');
        text.push_str(&said);
        text.push_str(",”");
        let q_end = text.len();
        text.push(' ');
        let s_start = text.len();
        text.push_str(&speaker);
        let s_span = Span::new(s_start, text.len());
        text.push(' ');
        let cue = Span::new(text.len(), text.len() + 4);
        text.push_str("said of ");
        let o_start = text.len();
        text.push_str(&about);
        let o_span = Span::new(o_start, text.len());
        text.push_str(". The remarks came after a long day of meetings.\n\n");

        let sid = local_id(&speaker, &mut local);
        let oid = local_id(&about, &mut local);
        local[sid].mentions.push(s_span);
        local[oid].mentions.push(o_span);
        for (span, actor) in [(s_span, sid), (o_span, oid)] {
            entities.push(Mention {
                span,
                label: EntityLabel::Per,
                actor: Some(actor),
            });
        }
        found.push(Quote {
            span: Span::new(q_start, q_end),
            kind: QuoteKind::Direct,
            cue: Some(cue),
            speaker: Some(Speaker {
                mention: s_span,
                name: speaker.clone(),
                actor: Some(sid),
                role: None,
                affiliation: None,
                how: SpeakerSource::Named,
                confidence: 0.9,
            }),
            confidence: 0.9,
        });
    }
    let offsets = OffsetMap::identity(&text);
    Analysis {
        title: Some(format!("Report {index}")),
        body_end: text.len(),
        entities,
        quotes: found,
        actors: local,
        offsets,
        text,
    }
}

pub fn run(db: PathBuf, quotes: usize, actors: usize, per_article: usize) -> anyhow::Result<()> {
    let per_article = per_article.max(1);
    let actors = actors.clamp(2, 79_872);
    let articles = quotes.div_ceil(per_article);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            let store = Store::open(&db).await?;
            let started = Instant::now();
            let mut rng = Rng::new(20240126);
            let mut stored = 0usize;
            let days = 730usize;
            while stored < articles {
                let chunk: Vec<NewArticle> = (stored..articles.min(stored + 500))
                    .map(|i| {
                        let day = i * days / articles.max(1);
                        let date = time::Date::from_calendar_date(2023, time::Month::January, 1)
                            .expect("valid date")
                            + time::Duration::days(day as i64);
                        NewArticle {
                            analysis: article(i, per_article, actors, &mut rng),
                            url: Some(format!("https://demo.example/{i}")),
                            source: Some(SOURCES[i % SOURCES.len()].to_owned()),
                            byline: None,
                            language: Some("en".into()),
                            published_at: Some(format!("{date}T12:00:00Z")),
                        }
                    })
                    .collect();
                let n = chunk.len();
                for r in store.insert_many(chunk).await {
                    r?;
                }
                stored += n;
                if stored % 10_000 < n || stored == articles {
                    eprintln!(
                        "{stored}/{articles} articles ({} quotes), {:.0} articles/s",
                        stored * per_article,
                        stored as f64 / started.elapsed().as_secs_f64()
                    );
                }
            }
            store.close().await;
            println!(
                "seeded {} quotes in {articles} articles by up to {actors} actors into {} in {:.1}s",
                articles * per_article,
                db.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_spans_fit() {
        let names: std::collections::HashSet<String> = (0..79_872).map(actor_name).collect();
        assert_eq!(names.len(), 79_872);
        let mut rng = Rng::new(1);
        let a = article(3, 8, 1000, &mut rng);
        assert_eq!(a.quotes.len(), 8);
        for q in &a.quotes {
            let t = q.span.text(&a.text);
            assert!(t.starts_with('“') && t.ends_with('”'), "{t}");
            let s = q.speaker.as_ref().unwrap();
            assert_eq!(s.mention.text(&a.text), s.name);
        }
        for e in &a.entities {
            let actor = &a.actors[e.actor.unwrap()];
            assert_eq!(e.span.text(&a.text), actor.canonical);
        }
    }
}
