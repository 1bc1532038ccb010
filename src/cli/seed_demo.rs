//! `verbatim seed-demo`: fill a database with synthetic but realistic news quotes, for
//! the query load test (`verbatim loadtest --mode query`).
//!
//! Articles are built already analysed (text, entities, quotes with speakers, actors) and
//! stored through the ordinary store writer (`Store::insert_many`: same schema, same actor
//! joining, the same FTS indexing and actor counters), so the database is exactly what the service
//! would have written for those articles, only without running the pipeline.
//!
//! The same deterministic generator writes the ~3 KB articles `loadtest --mode ingest`
//! posts and gives the load test the names and words that exist in a seeded database.

use crate::pipeline::normalize::OffsetMap;
use crate::pipeline::{
    ActorKind, Analysis, EntityLabel, LocalActor, Mention, Quote, QuoteKind, Span, Speaker,
    SpeakerSource,
};
use crate::store::{NewArticle, Store};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Quotes in one seeded article (PolNeAR articles average ~28 attributions).
const QUOTES_PER_ARTICLE: usize = 20;
/// Articles handed to the writer at a time (it commits up to 512 per transaction).
const CHUNK: usize = 512;

/// SplitMix64: small, fast, deterministic; good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// Roughly Zipf-distributed rank in `0..n`: a few names are quoted very often.
    pub fn skewed(&mut self, n: usize) -> usize {
        // Inverse of a 1/x density on [1, n + 1).
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let r = ((n as f64 + 1.0).powf(u) - 1.0) as usize;
        r.min(n - 1)
    }
}

const FIRST: &[&str] = &[
    "Anna",
    "Mark",
    "Oana",
    "Antony",
    "Dmitry",
    "Maria",
    "John",
    "Elena",
    "Peter",
    "Sarah",
    "Ahmed",
    "Fatima",
    "Carlos",
    "Lucia",
    "Tomasz",
    "Agnieszka",
    "James",
    "Emily",
    "Hiroshi",
    "Yuki",
    "Olena",
    "Ivan",
    "Sophie",
    "Pierre",
    "Ingrid",
    "Lars",
    "Aisha",
    "Kwame",
    "Priya",
    "Rahul",
    "Mei",
    "Wei",
    "Giulia",
    "Marco",
    "Nadia",
    "Omar",
    "Helen",
    "David",
    "Laura",
    "Michael",
    "Ruth",
    "Samuel",
    "Grace",
    "Daniel",
    "Rosa",
    "Jorge",
    "Chloe",
    "Thomas",
    "Hannah",
    "Viktor",
    "Zofia",
    "Mateus",
    "Ana",
    "Kenji",
    "Leila",
    "Hassan",
    "Irene",
    "Stefan",
    "Katarzyna",
    "Bruno",
    "Claire",
    "Felix",
    "Nora",
    "Amir",
    "Sara",
    "Paul",
    "Julia",
    "Andrei",
    "Ioana",
    "Mihai",
    "Teresa",
    "Victor",
    "Eva",
    "Adam",
    "Alice",
    "Robert",
    "Linda",
    "George",
    "Martha",
    "Frank",
    "Diana",
    "Henry",
    "Joan",
    "Edward",
    "Alan",
    "Rita",
    "Oscar",
    "Vera",
    "Hugo",
    "Ines",
    "Karl",
    "Greta",
    "Luis",
    "Carmen",
    "Emre",
    "Zeynep",
    "Jakub",
    "Petra",
    "Milan",
    "Jana",
];

const SURNAME_HEAD: &[&str] = &[
    "Ander", "Bal", "Cor", "Dal", "Eber", "Fal", "Gar", "Hal", "Ivan", "Jan", "Kar", "Lind", "Mar",
    "Nor", "Ol", "Pet", "Quin", "Ros", "Stol", "Tor", "Ul", "Val", "Wal", "Yar", "Zel", "Brom",
    "Crist", "Dorn", "Feld", "Gold", "Hart", "Kirch", "Lung", "Mend", "Nov", "Pal", "Rein", "Sand",
    "Than", "Vor", "Win", "Ash", "Bren", "Clay", "Drum", "Ellis", "Fitz", "Grim", "Holl", "Kov",
];

const SURNAME_TAIL: &[&str] = &[
    "son", "berg", "escu", "ov", "ski", "ez", "er", "man", "ley", "ton", "ard", "ini", "elli",
    "ova", "enko", "ic", "sen", "stein", "well", "ford", "wick", "mond", "dale", "ger", "lin",
    "ner", "ow", "os", "is", "ado", "eira", "ak", "ek", "y", "ing", "ham", "ridge", "field", "by",
    "worth",
];

const ORG_HEAD: &[&str] = &[
    "National",
    "Federal",
    "European",
    "Independent",
    "United",
    "Royal",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Atlantic",
    "Pacific",
    "Democratic",
    "Republican",
    "Progressive",
    "Liberal",
    "Social",
    "Green",
    "Free",
    "Civic",
    "Popular",
    "Workers",
    "Farmers",
    "Teachers",
    "Doctors",
    "Nurses",
    "Miners",
    "Steel",
    "Energy",
    "Maritime",
    "Rural",
    "Urban",
    "Metropolitan",
    "Continental",
    "International",
    "Global",
    "Regional",
    "Coastal",
    "Highland",
];

const ORG_NOUN: &[&str] = &[
    "Health",
    "Trade",
    "Defence",
    "Justice",
    "Transport",
    "Housing",
    "Education",
    "Finance",
    "Labour",
    "Water",
    "Rail",
    "Aviation",
    "Broadcasting",
    "Science",
    "Security",
    "Veterans",
    "Consumers",
    "Pensioners",
    "Students",
    "Farmers",
    "Fisheries",
    "Forestry",
    "Mining",
    "Banking",
    "Insurance",
    "Media",
    "Telecom",
    "Pharmaceutical",
    "Automotive",
    "Tourism",
    "Chemical",
    "Construction",
    "Retail",
    "Shipping",
    "Space",
    "Climate",
    "Refugee",
    "Human Rights",
    "Election",
    "Audit",
    "Postal",
    "Police",
    "Border",
    "Customs",
    "Statistics",
    "Standards",
    "Development",
    "Research",
    "Heritage",
    "Sports",
];

const ORG_KIND: &[&str] = &[
    "Union",
    "Council",
    "Ministry",
    "Agency",
    "Association",
    "Party",
    "Authority",
    "Commission",
    "Institute",
    "Federation",
];

const ROLES: &[&str] = &[
    "spokesperson",
    "minister",
    "senator",
    "chief executive",
    "economist",
    "analyst",
    "chairman",
    "secretary general",
    "governor",
    "mayor",
    "professor",
    "ambassador",
    "director",
    "deputy minister",
    "lawmaker",
    "union leader",
    "prosecutor",
    "general",
    "commissioner",
    "researcher",
];

const SUBJECTS: &[&str] = &[
    "the government",
    "the alliance",
    "the central bank",
    "the ministry",
    "our members",
    "the opposition",
    "the country",
    "the company",
    "the committee",
    "voters",
    "the new coalition",
    "the regulator",
    "the agreement",
    "the budget",
    "the courts",
    "investors",
    "the administration",
    "the region",
    "the industry",
    "the public",
];

const VERBS: &[&str] = &[
    "will not accept",
    "must address",
    "cannot ignore",
    "has underestimated",
    "is ready to discuss",
    "will review",
    "strongly supports",
    "rejects",
    "is deeply concerned about",
    "has no plans for",
    "welcomes",
    "will fight",
    "needs to explain",
    "is committed to",
    "has failed to deliver",
    "will propose",
    "remains open to",
    "is studying",
    "cannot afford",
    "will defend",
];

/// Topic words: what `q=` searches for. Every one appears in seeded quotes.
pub const TOPIC_WORDS: &[&str] = &[
    "sanctions",
    "inflation",
    "pensions",
    "tariffs",
    "ceasefire",
    "vaccines",
    "elections",
    "refugees",
    "emissions",
    "wages",
    "taxes",
    "borders",
    "subsidies",
    "deficit",
    "housing",
    "schools",
    "hospitals",
    "pipelines",
    "troops",
    "drought",
    "mortgages",
    "railways",
    "corruption",
    "censorship",
    "unemployment",
    "immigration",
    "privatisation",
    "strikes",
    "reforms",
    "negotiations",
];

const OBJECT_TAIL: &[&str] = &[
    "this year",
    "in the coming months",
    "before the summer",
    "at any price",
    "without a proper debate",
    "for the next decade",
    "as long as it takes",
    "under these conditions",
    "after the vote",
    "in every region",
];

const CUES: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "added",
    "warned",
];
const INDIRECT_CUES: &[&str] = &["said", "told reporters", "argued", "warned", "insisted"];

const SOURCES: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC",
    "The Guardian",
    "Politico",
    "Bloomberg",
    "Der Spiegel",
    "Le Monde",
    "El País",
];

const DATELINES: &[&str] = &[
    "BRUSSELS",
    "WASHINGTON",
    "LONDON",
    "PARIS",
    "BERLIN",
    "WARSAW",
    "BUCHAREST",
    "KYIV",
    "MADRID",
    "ROME",
    "TOKYO",
    "NAIROBI",
    "OTTAWA",
    "CANBERRA",
];

/// The name of synthetic actor `i`: 90% people ("Anna Karsten"), 10% organisations
/// ("National Health Union"). Distinct for every `i` below 200,000.
pub fn actor_name(i: usize) -> (String, ActorKind) {
    if i % 10 == 9 {
        let j = i / 10;
        let name = format!(
            "{} {} {}",
            ORG_HEAD[j % ORG_HEAD.len()],
            ORG_NOUN[(j / ORG_HEAD.len()) % ORG_NOUN.len()],
            ORG_KIND[(j / (ORG_HEAD.len() * ORG_NOUN.len())) % ORG_KIND.len()]
        );
        (name, ActorKind::Organisation)
    } else {
        let j = i - i / 10;
        let (first, surname) = person_parts(j);
        (format!("{first} {surname}"), ActorKind::Person)
    }
}

/// Person `j`: first name and surname (surnames are shared, as in real news).
fn person_parts(j: usize) -> (&'static str, String) {
    let surnames = SURNAME_HEAD.len() * SURNAME_TAIL.len();
    let first = FIRST[(j / surnames) % FIRST.len()];
    let s = j % surnames;
    let surname = format!(
        "{}{}",
        SURNAME_HEAD[s % SURNAME_HEAD.len()],
        SURNAME_TAIL[s / SURNAME_HEAD.len()]
    );
    (first, surname)
}

/// The surname of a person actor (the last word of its name).
pub fn surname_of(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// A person actor index in `0..actors`, skewed so some speakers are quoted very often.
pub fn speaker_index(rng: &mut Rng, actors: usize) -> usize {
    let persons = actors - actors / 10;
    // Half the quotes from a skewed head, half from anyone.
    let j = if rng.below(2) == 0 {
        rng.skewed(persons)
    } else {
        rng.below(persons)
    };
    // Back from the j-th person to its actor index (every 10th index is an organisation).
    j + j / 9
}

/// Builds an article with its analysis, span by span.
struct Builder {
    text: String,
    entities: Vec<Mention>,
    quotes: Vec<Quote>,
    actors: Vec<LocalActor>,
    /// global actor index → local id
    local: Vec<(usize, usize)>,
}

impl Builder {
    fn new() -> Self {
        Builder {
            text: String::with_capacity(4096),
            entities: Vec::new(),
            quotes: Vec::new(),
            actors: Vec::new(),
            local: Vec::new(),
        }
    }

    fn push(&mut self, s: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }

    /// The local actor for global actor `i`, created on first use.
    fn actor(&mut self, i: usize) -> usize {
        if let Some(&(_, l)) = self.local.iter().find(|(g, _)| *g == i) {
            return l;
        }
        let (name, kind) = actor_name(i);
        let id = self.actors.len();
        let aliases = if kind == ActorKind::Person {
            vec![surname_of(&name).to_owned()]
        } else {
            Vec::new()
        };
        self.actors.push(LocalActor {
            id,
            canonical: name,
            kind,
            aliases,
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: Vec::new(),
        });
        self.local.push((i, id));
        id
    }

    /// Writes the actor's name (full the first time, surname after) as an entity.
    fn mention(&mut self, local: usize) -> Span {
        let a = &self.actors[local];
        let seen = !a.mentions.is_empty();
        let label = match a.kind {
            ActorKind::Person => EntityLabel::Per,
            ActorKind::Organisation => EntityLabel::Org,
            ActorKind::Place => EntityLabel::Loc,
            ActorKind::Group => EntityLabel::Misc,
        };
        let name = if seen && a.kind == ActorKind::Person {
            surname_of(&a.canonical).to_owned()
        } else {
            a.canonical.clone()
        };
        let span = self.push(&name);
        self.entities.push(Mention {
            span,
            label,
            actor: Some(local),
        });
        self.actors[local].mentions.push(span);
        span
    }

    fn speaker(
        &self,
        local: usize,
        mention: Span,
        role: Option<&str>,
        how: SpeakerSource,
    ) -> Speaker {
        Speaker {
            mention,
            name: self.actors[local].canonical.clone(),
            actor: Some(local),
            role: role.map(str::to_owned),
            affiliation: None,
            how,
            confidence: 0.9,
        }
    }

    /// One sentence with one quote by `speaker` about `about`.
    fn quote_sentence(&mut self, rng: &mut Rng, speaker: usize, about: usize) {
        let topic = rng.pick(TOPIC_WORDS);
        let subject = rng.pick(SUBJECTS);
        let verb = rng.pick(VERBS);
        let tail = rng.pick(OBJECT_TAIL);
        let role = rng.pick(ROLES);
        let first_time = self.actors[speaker].mentions.is_empty();
        let kind = match rng.below(10) {
            0..=4 => QuoteKind::Direct,
            5..=7 => QuoteKind::Indirect,
            _ => QuoteKind::Mixed,
        };
        let start_len = self.quotes.len();
        match kind {
            QuoteKind::Direct => {
                // “We will not accept new tariffs on steel this year, and NAME knows it,” ROLE NAME said.
                let q0 = self.text.len();
                self.push("“");
                self.push(&format!("{} {verb} new {topic} {tail}, and ", cap(subject)));
                self.mention(about);
                self.push(" knows it,”");
                let qspan = Span::new(q0, self.text.len());
                self.push(" ");
                if first_time {
                    self.push(&format!("{role} "));
                }
                let m = self.mention(speaker);
                self.push(" ");
                let cue = self.push(rng.pick(CUES));
                self.push(".");
                let sp = self.speaker(speaker, m, first_time.then_some(role), SpeakerSource::Named);
                self.quotes.push(Quote {
                    span: qspan,
                    kind,
                    cue: Some(cue),
                    speaker: Some(sp),
                    confidence: 0.95,
                });
            }
            QuoteKind::Indirect => {
                // NAME said that the government has underestimated the inflation problem, blaming ABOUT.
                let m = self.mention(speaker);
                self.push(" ");
                let cue = self.push(rng.pick(INDIRECT_CUES));
                self.push(" that ");
                let q0 = self.text.len();
                self.push(&format!(
                    "{subject} {verb} the {topic} problem {tail}, blaming "
                ));
                self.mention(about);
                let qspan = Span::new(q0, self.text.len());
                self.push(".");
                let sp = self.speaker(speaker, m, None, SpeakerSource::Named);
                self.quotes.push(Quote {
                    span: qspan,
                    kind,
                    cue: Some(cue),
                    speaker: Some(sp),
                    confidence: 0.8,
                });
            }
            QuoteKind::Mixed => {
                // NAME said ABOUT had handled the sanctions question in a way that was “deeply irresponsible”.
                let m = self.mention(speaker);
                self.push(" ");
                let cue = self.push("said");
                self.push(" ");
                let q0 = self.text.len();
                self.mention(about);
                self.push(&format!(
                    " had handled the {topic} question in a way that was “{}”",
                    rng.pick(&[
                        "deeply irresponsible",
                        "a step forward",
                        "simply unacceptable",
                        "long overdue",
                        "a historic mistake"
                    ])
                ));
                let qspan = Span::new(q0, self.text.len());
                self.push(".");
                let sp = self.speaker(speaker, m, None, SpeakerSource::Named);
                self.quotes.push(Quote {
                    span: qspan,
                    kind,
                    cue: Some(cue),
                    speaker: Some(sp),
                    confidence: 0.85,
                });
            }
        }
        if first_time {
            let r = role.to_owned();
            if kind == QuoteKind::Direct {
                self.actors[speaker].roles.push(r);
            }
        }
        debug_assert_eq!(self.quotes.len(), start_len + 1);
    }

    fn finish(self, title: String) -> Analysis {
        let offsets = OffsetMap::identity(&self.text);
        Analysis {
            body_end: self.text.len(),
            text: self.text,
            title: Some(title),
            entities: self.entities,
            quotes: self.quotes,
            actors: self.actors,
            offsets,
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A date between 2022-01-01 and 2023-12-31 (YYYY-MM-DD), varying with `n`.
pub fn date_for(n: u64) -> String {
    let day = (n % 730) as i64;
    let d = time::Date::from_calendar_date(2022, time::Month::January, 1)
        .expect("valid date")
        .saturating_add(time::Duration::days(day));
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// One seeded article: `quotes` quotes by a few speakers, about actors taken in turn
/// from `next_about` (so every actor index below `actors` is used).
fn seeded_article(
    rng: &mut Rng,
    n: u64,
    quotes: usize,
    actors: usize,
    next_about: &mut usize,
) -> NewArticle {
    let mut b = Builder::new();
    let speakers: Vec<usize> = (0..3 + rng.below(3))
        .map(|_| speaker_index(rng, actors))
        .collect();
    let dateline = rng.pick(DATELINES);
    let topic = rng.pick(TOPIC_WORDS);
    b.push(&format!("{dateline} — "));
    for k in 0..quotes {
        if k > 0 {
            b.push(if k % 4 == 0 { "\n\n" } else { " " });
        }
        let s = speakers[rng.below(speakers.len())];
        let about = *next_about % actors;
        *next_about += 1;
        let sl = b.actor(s);
        let al = b.actor(about);
        b.quote_sentence(rng, sl, al);
    }
    let title = format!("Row over {topic} deepens (#{n})");
    let date = date_for(n.wrapping_mul(2_654_435_761));
    NewArticle {
        analysis: b.finish(title),
        url: Some(format!("https://news.example/{date}/{n}")),
        source: Some(rng.pick(SOURCES).to_owned()),
        byline: None,
        language: Some("en".into()),
        published_at: Some(format!("{date}T{:02}:{:02}:00Z", n % 24, n % 60)),
    }
}

/// Background sentences between the quotes, as news articles have them.
const NARRATIVE: &[&str] = &[
    "The talks, which began in the spring, have repeatedly broken down over the timetable.",
    "Officials from both sides met behind closed doors for more than six hours on Tuesday.",
    "The proposal would cost an estimated 4.2 billion euros over the next five years.",
    "Opinion polls published last week suggest that public support has fallen sharply.",
    "The committee is expected to publish its final report before the end of the month.",
    "Several regional leaders have threatened to withdraw from the agreement altogether.",
    "Markets reacted calmly to the news, with the main index closing slightly higher.",
    "The measure was first announced in January but has since been delayed twice.",
];

/// A ~3 KB news article as a POST body would carry it: title and text, a few speakers
/// quoted directly, indirectly and in mixed form about a few other actors, between
/// background sentences (distinct for distinct `n`: names and wording vary).
pub fn ingest_article(rng: &mut Rng, n: u64, actors: usize) -> (String, String) {
    let mut b = Builder::new();
    let speakers: Vec<usize> = (0..2 + rng.below(3))
        .map(|_| speaker_index(rng, actors))
        .collect();
    let about: Vec<usize> = (0..2 + rng.below(3)).map(|_| rng.below(actors)).collect();
    let topic = rng.pick(TOPIC_WORDS);
    b.push(&format!(
        "{} — Talks on {topic} stalled again on {} as officials traded accusations.",
        rng.pick(DATELINES),
        rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    ));
    let mut k = 0;
    while b.text.len() < 2900 {
        b.push(if k % 2 == 0 { "\n\n" } else { " " });
        let s = speakers[rng.below(speakers.len())];
        let a = about[rng.below(about.len())];
        let sl = b.actor(s);
        let al = b.actor(a);
        b.quote_sentence(rng, sl, al);
        b.push(" ");
        b.push(rng.pick(NARRATIVE));
        b.push(&format!(
            " The dispute over {} has dragged on for {} months.",
            rng.pick(TOPIC_WORDS),
            2 + rng.below(20)
        ));
        k += 1;
    }
    (format!("Row over {topic} deepens ({n})"), b.text)
}

pub fn run(db: PathBuf, quotes: usize, actors: usize, seed: u64) -> anyhow::Result<()> {
    if actors == 0 || actors > 200_000 {
        bail!("--actors must be from 1 to 200000");
    }
    if quotes < actors {
        bail!("--quotes must be at least --actors (every actor is named in some quote)");
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(seed_db(&db, quotes, actors, seed))
}

async fn seed_db(db: &Path, quotes: usize, actors: usize, seed: u64) -> anyhow::Result<()> {
    let started = Instant::now();
    let store = Store::open_bulk(db)
        .await
        .with_context(|| format!("opening {}", db.display()))?;
    let articles = quotes.div_ceil(QUOTES_PER_ARTICLE);
    let mut rng = Rng::new(seed);
    let mut next_about = 0usize;
    let mut stored = 0usize;
    let mut quotes_left = quotes;
    let mut n = 0u64;
    let mut pending: Option<tokio::task::JoinHandle<anyhow::Result<usize>>> = None;
    let store = std::sync::Arc::new(store);
    while quotes_left > 0 {
        let mut chunk = Vec::with_capacity(CHUNK);
        while chunk.len() < CHUNK && quotes_left > 0 {
            let q = quotes_left.min(QUOTES_PER_ARTICLE);
            chunk.push(seeded_article(&mut rng, n, q, actors, &mut next_about));
            quotes_left -= q;
            n += 1;
        }
        // Build the next chunk while the writer commits this one.
        if let Some(h) = pending.take() {
            stored += h.await??;
        }
        let s = store.clone();
        pending = Some(tokio::spawn(async move {
            let mut created = 0;
            for r in s.insert_many(chunk).await {
                if let crate::store::Ingested::Created(_) = r? {
                    created += 1;
                }
            }
            Ok(created)
        }));
        if n % (CHUNK as u64 * 20) == 0 {
            eprintln!(
                "seed-demo: {n} of {articles} articles ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    if let Some(h) = pending.take() {
        stored += h.await??;
    }
    store.close().await;
    Store::optimize_full_text(db).with_context(|| format!("optimizing {}", db.display()))?;
    eprintln!(
        "seed-demo: {stored} articles, {quotes} quotes, {actors} actors in {:.1} s → {}",
        started.elapsed().as_secs_f64(),
        db.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_names_are_distinct() {
        let mut names: Vec<String> = (0..60_000).map(|i| actor_name(i).0).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 60_000);
    }

    #[test]
    fn speakers_are_people() {
        let mut rng = Rng::new(1);
        for _ in 0..10_000 {
            let i = speaker_index(&mut rng, 50_000);
            assert!(i < 50_000);
            assert_eq!(actor_name(i).1, ActorKind::Person, "{i}");
        }
    }

    #[test]
    fn seeded_spans_point_at_their_text() {
        let mut rng = Rng::new(7);
        let mut next = 0;
        let a = seeded_article(&mut rng, 3, 20, 1000, &mut next).analysis;
        assert_eq!(a.quotes.len(), 20);
        for q in &a.quotes {
            let s = q.speaker.as_ref().unwrap();
            let mention = s.mention.text(&a.text);
            assert!(s.name.ends_with(mention), "{mention} / {}", s.name);
            assert!(q.span.text(&a.text).len() > 10);
        }
        for e in &a.entities {
            let name = &a.actors[e.actor.unwrap()].canonical;
            assert!(name.ends_with(e.span.text(&a.text)));
        }
    }

    #[test]
    fn ingest_articles_are_about_3_kb_and_distinct() {
        let mut rng = Rng::new(9);
        let (_, a) = ingest_article(&mut rng, 1, 50_000);
        let (_, b) = ingest_article(&mut rng, 2, 50_000);
        assert!((2900..4000).contains(&a.len()), "{}", a.len());
        assert_ne!(a, b);
    }
}
