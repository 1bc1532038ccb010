//! An article made ready for the writer before it reaches the writer's queue.
//!
//! The writer is one thread, and under load it is the slowest stage: every instruction it
//! spends outside SQLite caps the ingest rate. So everything that needs no database is
//! done here, on the request's own task: the content hash, the clock, code-point
//! offsets, folded names, the local actor each row refers to. The writer binds and steps
//! statements and hands back ids ([`Placed`]); the response ([`ArticleView`]) is put
//! together afterwards from this and those ids, again outside the writer.

use super::fold::{fold, surname};
use super::json;
use super::model::{ActorRef, ArticleView, CueView, EntityView, QuoteView, SpeakerView};
use super::write::sort_key_base;
use super::{now_iso, NewArticle, StoreError};
use crate::pipeline::normalize::CharIndex;
use crate::pipeline::{ActorKind, LocalActorId};
use rustc_hash::FxHashMap;
use std::fmt::Write as _;

/// What the writer stores for one article, all computed without the database.
#[derive(Debug, Clone)]
pub(super) struct PreparedArticle {
    pub hash: [u8; 32],
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub published_at: Option<String>,
    pub ingested_at: String,
    /// published_at when known, else ingested_at.
    pub dated_at: String,
    /// The first sort key of `dated_at`'s second (`write::sort_key_base`).
    pub sort_key_base: i64,
    pub actors: Vec<PreparedActor>,
    pub entities: Vec<PreparedMention>,
    /// `entities` as `article_entities.entities` stores them, less their actors' ids.
    pub entities_json: EntitiesJson,
    pub quotes: Vec<PreparedQuote>,
}

/// An article's mentions as one JSON array (`migrations/0011_article_entities.sql`):
/// `[[start,end,"text","LABEL",actor_id,"folded"],...]`, ordered by start (ties in
/// arrival order). Everything but the actor ids, which only the writer knows, is
/// written here: the writer copies the text between [`EntitiesJson::slots`] and writes
/// the stored actor's id (or `null`) in each.
#[derive(Debug, Clone, Default)]
pub(super) struct EntitiesJson {
    pub text: String,
    /// (byte offset in `text`, local actor key) of each mention's actor id, in order.
    pub slots: Vec<(usize, Option<LocalActorId>)>,
}

/// One mention of `article_entities.entities`: start, end, text, label, actor id, folded.
pub(super) type StoredMention = (i64, i64, String, String, Option<i64>, String);

impl EntitiesJson {
    fn new(entities: &[PreparedMention]) -> Self {
        if entities.is_empty() {
            return Self::default();
        }
        let mut order: Vec<&PreparedMention> = entities.iter().collect();
        // Stable: mentions that start together keep their arrival order.
        order.sort_by_key(|m| m.start);
        let mut out: Vec<u8> = Vec::with_capacity(entities.len() * 64);
        let mut slots = Vec::with_capacity(entities.len());
        out.push(b'[');
        for (i, m) in order.into_iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'[');
            json::int(&mut out, m.start);
            out.push(b',');
            json::int(&mut out, m.end);
            out.push(b',');
            json::string(&mut out, &m.text);
            out.push(b',');
            json::string(&mut out, m.label);
            out.push(b',');
            slots.push((out.len(), m.actor));
            out.push(b',');
            json::string(&mut out, &m.folded);
            out.push(b']');
        }
        out.push(b']');
        let text = String::from_utf8(out).expect("JSON of UTF-8 strings is UTF-8");
        Self { text, slots }
    }

    /// A stored array, as (start, end, text, label, actor id, folded) per mention.
    pub fn parse(stored: &str) -> Result<Vec<StoredMention>, serde_json::Error> {
        serde_json::from_str(stored)
    }

    /// The JSON with each slot's stored actor id (`actor_of` maps a local key to it).
    pub fn with_actors(&self, actor_of: impl Fn(Option<LocalActorId>) -> Option<i64>) -> String {
        let mut out = String::with_capacity(self.text.len() + self.slots.len() * 8);
        let mut from = 0;
        for &(at, local) in &self.slots {
            out.push_str(&self.text[from..at]);
            match actor_of(local) {
                // (Writing into a String cannot fail.)
                Some(id) => {
                    let _ = write!(out, "{id}");
                }
                None => out.push_str("null"),
            }
            from = at;
        }
        out.push_str(&self.text[from..]);
        out
    }
}

/// An article-local actor with every name already folded.
#[derive(Debug, Clone)]
pub(super) struct PreparedActor {
    /// The pipeline's local id.
    pub local: LocalActorId,
    pub kind: &'static str,
    pub is_person: bool,
    /// The canonical name, trimmed.
    pub canonical: String,
    pub folded: String,
    /// The folded name's last word, people only.
    pub surname: Option<String>,
    /// Folded canonical name and aliases, sorted, without duplicates or empty names:
    /// the names looked up in `actor_aliases`.
    pub lookup: Vec<String>,
    /// (alias as written, trimmed; folded), the canonical name first; none empty.
    pub aliases: Vec<(String, String)>,
    /// ("role" | "affiliation", value trimmed); none empty.
    pub attributes: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone)]
pub(super) struct PreparedMention {
    /// Code points.
    pub start: i64,
    pub end: i64,
    pub label: &'static str,
    pub text: String,
    pub folded: String,
    /// The local actor key it refers to (see [`PreparedArticle::actor_index`]).
    pub actor: Option<LocalActorId>,
}

#[derive(Debug, Clone)]
pub(super) struct PreparedQuote {
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub kind: &'static str,
    pub cue: Option<CueView>,
    pub speaker: Option<PreparedSpeaker>,
    pub confidence: f64,
    /// Local actor keys named inside the quote (entities and actor mentions), possibly
    /// repeated; the writer maps them to stored actors and removes duplicates.
    pub about: Vec<LocalActorId>,
}

#[derive(Debug, Clone)]
pub(super) struct PreparedSpeaker {
    pub text: String,
    pub start: i64,
    pub end: i64,
    pub name: String,
    pub actor: Option<LocalActorId>,
    /// The folded name when `actor` refers to no actor of the article (a speaker
    /// that stays findable by name: "officials", "a source"); `None` when empty.
    pub unresolved: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub how: Option<String>,
    pub confidence: f64,
}

/// What the writer did with a [`PreparedArticle`].
#[derive(Debug, Clone)]
pub(super) enum Placed {
    Created {
        article_id: i64,
        /// Stored actor (id, canonical name) of each prepared actor, in order.
        actors: Vec<(i64, String)>,
        /// Row id of each prepared quote, in order.
        quote_ids: Vec<i64>,
    },
    Duplicate {
        id: i64,
    },
}

impl PreparedArticle {
    /// An error, not a panic, when the analysis is inconsistent (say, a span off a char
    /// boundary): that article fails alone, as it did when the writer found it.
    pub fn new(new: NewArticle) -> Result<Self, StoreError> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Self::build(new))).map_err(|_| {
            tracing::error!("an analysis could not be prepared for storing; that article fails");
            StoreError::Commit("the write failed".into())
        })
    }

    fn build(new: NewArticle) -> Self {
        let NewArticle {
            analysis: a,
            url,
            source,
            byline,
            language,
            published_at,
        } = new;
        let hash = *blake3::hash(a.text.as_bytes()).as_bytes();
        let ingested_at = now_iso();
        let dated_at = published_at.clone().unwrap_or_else(|| ingested_at.clone());
        let sort_key_base = sort_key_base(&dated_at);
        let ix = CharIndex::new(&a.text);
        let cp = |byte: usize| ix.char_at(byte) as i64;

        let actors: Vec<PreparedActor> = a
            .actors
            .iter()
            .map(|la| {
                let is_person = la.kind == ActorKind::Person;
                let folded = fold(&la.canonical);
                // Each name folded once: the aliases to record are the names to look up.
                let aliases: Vec<(String, String)> =
                    std::iter::once((la.canonical.trim().to_owned(), folded.clone()))
                        .chain(la.aliases.iter().map(|a| (a.trim().to_owned(), fold(a))))
                        .filter(|(_, f)| !f.is_empty())
                        .collect();
                let mut lookup: Vec<String> = aliases.iter().map(|(_, f)| f.clone()).collect();
                lookup.sort();
                lookup.dedup();
                let attributes = la
                    .roles
                    .iter()
                    .map(|r| ("role", r))
                    .chain(la.affiliations.iter().map(|v| ("affiliation", v)))
                    .map(|(k, v)| (k, v.trim().to_owned()))
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                PreparedActor {
                    local: la.id,
                    kind: la.kind.as_str(),
                    is_person,
                    canonical: la.canonical.trim().to_owned(),
                    surname: if is_person {
                        surname(&folded).map(str::to_owned)
                    } else {
                        None
                    },
                    folded,
                    lookup,
                    aliases,
                    attributes,
                }
            })
            .collect();
        // A local key names an actor when the writer's map has it.
        let keys = actor_index(&actors, &vec![(); actors.len()]);
        let names_actor = |key: Option<LocalActorId>| key.is_some_and(|k| keys.contains_key(&k));

        let entities: Vec<PreparedMention> = a
            .entities
            .iter()
            .map(|m| {
                let text = m.span.text(&a.text);
                PreparedMention {
                    start: cp(m.span.start),
                    end: cp(m.span.end),
                    label: m.label.as_str(),
                    text: text.to_owned(),
                    folded: fold(text),
                    actor: m.actor,
                }
            })
            .collect();
        let entities_json = EntitiesJson::new(&entities);

        let quotes = a
            .quotes
            .iter()
            .map(|q| {
                let about = a
                    .entities
                    .iter()
                    .filter(|m| q.span.contains(m.span))
                    .filter_map(|m| m.actor)
                    .chain(
                        a.actors
                            .iter()
                            .filter(|la| la.mentions.iter().any(|s| q.span.contains(*s)))
                            .map(|la| la.id),
                    )
                    .collect();
                PreparedQuote {
                    start: cp(q.span.start),
                    end: cp(q.span.end),
                    text: q.span.text(&a.text).to_owned(),
                    kind: q.kind.as_str(),
                    cue: q.cue.map(|c| CueView {
                        start: cp(c.start),
                        end: cp(c.end),
                        text: c.text(&a.text).to_owned(),
                    }),
                    speaker: q.speaker.as_ref().map(|s| PreparedSpeaker {
                        text: s.mention.text(&a.text).to_owned(),
                        start: cp(s.mention.start),
                        end: cp(s.mention.end),
                        name: s.name.clone(),
                        actor: s.actor,
                        unresolved: if names_actor(s.actor) {
                            None
                        } else {
                            Some(fold(&s.name)).filter(|f| !f.is_empty())
                        },
                        role: s.role.clone(),
                        affiliation: s.affiliation.clone(),
                        how: Some(s.how.as_str().to_owned()),
                        confidence: f64::from(s.confidence),
                    }),
                    confidence: f64::from(q.confidence),
                    about,
                }
            })
            .collect();

        PreparedArticle {
            hash,
            url,
            source,
            title: a.title,
            byline,
            language,
            text: a.text,
            published_at,
            ingested_at,
            dated_at,
            sort_key_base,
            actors,
            entities,
            entities_json,
            quotes,
        }
    }

    /// Local actor key → stored actor (see [`actor_index`]).
    pub fn actor_index<T: Clone>(&self, stored: &[T]) -> FxHashMap<LocalActorId, T> {
        actor_index(&self.actors, stored)
    }

    /// The 201 answer: the bytes `json::article(&self.view(..), Some(false))` writes,
    /// from the prepared article and what the writer placed, without building the view
    /// (a `String` for each text of each quote, four of them copies of the article's;
    /// they were a tenth of an ingest request's instructions on the async side).
    pub fn created_json(
        &self,
        article_id: i64,
        actors: &[(i64, String)],
        quote_ids: &[i64],
    ) -> Vec<u8> {
        let names: Vec<(i64, &str)> = actors.iter().map(|(id, n)| (*id, n.as_str())).collect();
        let global = self.actor_index(&names);
        let actor_of = |local: Option<LocalActorId>| local.and_then(|l| global.get(&l)).copied();
        let mut out = Vec::with_capacity(self.created_json_size_guess(actors));
        json::article_head(
            &mut out,
            &json::ArticleHead {
                id: article_id,
                url: self.url.as_deref(),
                source: self.source.as_deref(),
                title: self.title.as_deref(),
                byline: self.byline.as_deref(),
                language: self.language.as_deref(),
                published_at: self.published_at.as_deref(),
                ingested_at: &self.ingested_at,
                text: &self.text,
            },
        );
        for (n, m) in self.entities.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            let actor_id = actor_of(m.actor).map(|g| g.0);
            json::entity(&mut out, m.start, m.end, &m.text, m.label, actor_id);
        }
        out.push(b']');
        json::key(&mut out, "quotes");
        out.push(b'[');
        // Every quote ends with its article's source, date, title and URL: written once.
        let mut tail: Option<std::ops::Range<usize>> = None;
        for (n, (q, &id)) in self.quotes.iter().zip(quote_ids).enumerate() {
            if n > 0 {
                out.push(b',');
            }
            let speaker = q.speaker.as_ref().map(|s| {
                let g = actor_of(s.actor);
                json::SpeakerHead {
                    text: Some(&s.text),
                    start: Some(s.start),
                    end: Some(s.end),
                    name: Some(&s.name),
                    actor_id: g.map(|g| g.0),
                    canonical_name: g.map(|g| g.1),
                    role: s.role.as_deref(),
                    affiliation: s.affiliation.as_deref(),
                    how: s.how.as_deref(),
                    confidence: Some(s.confidence),
                }
            });
            json::quote_head(
                &mut out,
                &json::QuoteHead {
                    id,
                    article_id,
                    start: q.start,
                    end: q.end,
                    text: &q.text,
                    kind: q.kind,
                    cue: q.cue.as_ref().map(|c| (c.start, c.end, c.text.as_str())),
                    speaker,
                    confidence: q.confidence,
                },
            );
            match &tail {
                Some(at) => out.extend_from_within(at.clone()),
                None => {
                    let from = out.len();
                    json::quote_tail(
                        &mut out,
                        self.source.as_deref(),
                        &self.dated_at,
                        self.title.as_deref(),
                        self.url.as_deref(),
                    );
                    tail = Some(from..out.len());
                }
            }
        }
        out.push(b']');
        json::key(&mut out, "actors");
        out.push(b'[');
        // As `view` lists them: the first of each stored id, by id.
        let mut refs: Vec<(i64, &str, &str)> = Vec::with_capacity(actors.len());
        for (pa, (id, canonical)) in self.actors.iter().zip(actors) {
            if !refs.iter().any(|r| r.0 == *id) {
                refs.push((*id, canonical, pa.kind));
            }
        }
        refs.sort_by_key(|r| r.0);
        for (n, (id, canonical, kind)) in refs.into_iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            json::actor_ref(&mut out, id, canonical, kind);
        }
        out.push(b']');
        json::article_end(&mut out, Some(false));
        out
    }

    /// About the bytes [`Self::created_json`] writes: room for escapes and the keys and
    /// numbers around the strings (the buffer grows when it is short).
    fn created_json_size_guess(&self, actors: &[(i64, String)]) -> usize {
        let len = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let tail = len(&self.source) + self.dated_at.len() + len(&self.title) + len(&self.url);
        let mut strings = self.text.len() + 2 * tail + len(&self.byline) + len(&self.language);
        let mut fixed = 512;
        for q in &self.quotes {
            fixed += 400;
            strings += q.text.len() + q.cue.as_ref().map_or(0, |c| c.text.len()) + tail;
            if let Some(s) = &q.speaker {
                strings += s.text.len()
                    + 2 * s.name.len()
                    + len(&s.role)
                    + len(&s.affiliation)
                    + len(&s.how);
            }
        }
        for m in &self.entities {
            fixed += 80;
            strings += m.text.len();
        }
        for (_, name) in actors {
            fixed += 64;
            strings += name.len();
        }
        strings + strings / 16 + fixed
    }

    /// The API's view of the stored article, from what the writer placed.
    pub fn view(
        self,
        article_id: i64,
        actors: Vec<(i64, String)>,
        quote_ids: Vec<i64>,
    ) -> ArticleView {
        let global = self.actor_index(&actors);
        let actor_of = |local: Option<LocalActorId>| local.and_then(|l| global.get(&l));
        let entities = self
            .entities
            .into_iter()
            .map(|m| EntityView {
                start: m.start,
                end: m.end,
                actor_id: actor_of(m.actor).map(|g| g.0),
                text: m.text,
                label: m.label.to_owned(),
            })
            .collect();
        let quotes = self
            .quotes
            .into_iter()
            .zip(quote_ids)
            .map(|(q, id)| QuoteView {
                id,
                article_id,
                start: q.start,
                end: q.end,
                text: q.text,
                kind: q.kind.to_owned(),
                cue: q.cue,
                speaker: q.speaker.map(|s| {
                    let g = actor_of(s.actor);
                    SpeakerView {
                        text: Some(s.text),
                        start: Some(s.start),
                        end: Some(s.end),
                        name: Some(s.name),
                        actor_id: g.map(|g| g.0),
                        canonical_name: g.map(|g| g.1.clone()),
                        role: s.role,
                        affiliation: s.affiliation,
                        how: s.how,
                        confidence: Some(s.confidence),
                    }
                }),
                confidence: q.confidence,
                source: self.source.clone(),
                date: self.dated_at.clone(),
                article_title: self.title.clone(),
                article_url: self.url.clone(),
            })
            .collect();
        let mut refs: Vec<ActorRef> = Vec::new();
        for (pa, (id, canonical)) in self.actors.iter().zip(actors) {
            if !refs.iter().any(|r| r.id == id) {
                refs.push(ActorRef {
                    id,
                    canonical_name: canonical,
                    kind: pa.kind.to_owned(),
                });
            }
        }
        refs.sort_by_key(|r| r.id);
        ArticleView {
            id: article_id,
            url: self.url,
            source: self.source,
            title: self.title,
            byline: self.byline,
            language: self.language,
            published_at: self.published_at,
            ingested_at: self.ingested_at,
            text: self.text,
            entities,
            quotes,
            actors: refs,
        }
    }
}

/// Local actor key → stored actor, given the stored actor of each prepared actor: an
/// actor is found by its id and, failing that, by its index (the pipeline's references
/// are ids; the index is kept as it always was). The one place that says which keys
/// name an actor: the writer's rows, the response and `unresolved` all use it.
fn actor_index<T: Clone>(actors: &[PreparedActor], stored: &[T]) -> FxHashMap<LocalActorId, T> {
    let mut map = FxHashMap::default();
    for (index, (pa, s)) in actors.iter().zip(stored).enumerate() {
        map.insert(pa.local, s.clone());
        map.entry(index).or_insert_with(|| s.clone());
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::seed_demo;
    use crate::pipeline::{ArticleInput, Pipeline};
    use std::sync::LazyLock;

    static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::load);

    /// Texts for the pipeline: the load test's articles, odd characters, escapes.
    fn texts() -> Vec<(Option<String>, String)> {
        let mut texts = Vec::new();
        let mut rng = seed_demo::Rng::new(7);
        for n in 0..12 {
            let (title, text) = seed_demo::ingest_article(&mut rng, n, 500);
            texts.push((Some(title), text));
        }
        texts.push((
            Some("Tab\there, \"quoted\" \\ back".into()),
            "\"We will not back down,\" said Jens Stoltenberg, NATO's secretary general. \
             \"Élan\tand\u{1}control\" — the Kremlin's spokesman, Dmitry Peskov, said \
             Russia would respond. Peskov added: \"That's all 😀.\""
                .into(),
        ));
        texts.push((None, "Nothing is quoted here at all.".into()));
        texts
    }

    /// `created_json` writes what `json::article` writes for `view` (the path it
    /// replaced for the 201 answer), whatever ids the writer gave: actors that share a
    /// stored id, ids out of order, fewer quote ids than quotes, every metadata field
    /// present or not.
    #[test]
    fn created_json_is_the_views_json() {
        for (i, (title, text)) in texts().into_iter().enumerate() {
            let analysis = PIPELINE.analyze(&ArticleInput {
                text: &text,
                title: title.as_deref(),
                url: None,
                published_at: None,
            });
            for variant in 0..3 {
                let some = |s: &str| (variant > 0).then(|| s.to_owned());
                let new = NewArticle {
                    analysis: analysis.clone(),
                    url: some("https://example.com/a?b=\"c\""),
                    source: some("Wire \\ Service"),
                    byline: some("By A. Writer"),
                    language: (variant == 2).then(|| "en".to_owned()),
                    published_at: some("2024-01-26T10:00:00Z"),
                };
                let prepared = PreparedArticle::build(new);
                let actors: Vec<(i64, String)> = (0..prepared.actors.len())
                    .map(|k| {
                        let id = match variant {
                            0 => 10 + k as i64,
                            1 => 100 - (k as i64 % 3),
                            _ => 7 * (k as i64 % 4) + 1,
                        };
                        (id, format!("Actor \"{id}\" {k}"))
                    })
                    .collect();
                let mut quote_ids: Vec<i64> = (0..prepared.quotes.len())
                    .map(|k| 1000 + i as i64 * 50 + k as i64)
                    .collect();
                if variant == 2 {
                    quote_ids.pop();
                }
                let ours = prepared.created_json(42 + i as i64, &actors, &quote_ids);
                let mut theirs = Vec::new();
                let view = prepared.clone().view(42 + i as i64, actors, quote_ids);
                json::article(&mut theirs, &view, Some(false));
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(theirs).unwrap(),
                    "text {i}, variant {variant}"
                );
            }
        }
    }
}
