//! What the store hands back: the JSON shapes of the API. Offsets are Unicode code
//! points into the stored (normalised) article text.

use serde::Serialize;
use utoipa::ToSchema;

/// A stored article with its analysis. Offsets are Unicode code points into `text`.
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
#[schema(as = Article)]
pub struct ArticleView {
    pub id: i64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// ISO 8601 UTC.
    pub published_at: Option<String>,
    pub ingested_at: String,
    /// The normalised text the offsets point into.
    pub text: String,
    pub entities: Vec<EntityView>,
    pub quotes: Vec<QuoteView>,
    /// The stored actors this article names, by id.
    pub actors: Vec<ActorRef>,
}

/// An actor an article names: enough to label it; `/actors/{id}` has the rest.
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
#[schema(as = ArticleActor)]
pub struct ActorRef {
    pub id: i64,
    pub canonical_name: String,
    #[serde(rename = "type")]
    /// person, organisation, place or group.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
pub struct ArticleSummary {
    pub id: i64,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published_at: Option<String>,
    pub ingested_at: String,
    #[serde(skip)]
    pub dated_at: String,
    pub quote_count: i64,
    pub entity_count: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
#[schema(as = Entity)]
pub struct EntityView {
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// PER, ORG, LOC or MISC.
    pub label: String,
    pub actor_id: Option<i64>,
}

/// The speech verb ("said", "told").
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
#[schema(as = Cue)]
pub struct CueView {
    pub start: i64,
    pub end: i64,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
#[schema(as = Speaker)]
pub struct SpeakerView {
    /// The words naming the speaker in the text ("he", "Blinken", "the alliance").
    pub text: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The speaker's name as the article resolves it.
    pub name: Option<String>,
    pub actor_id: Option<i64>,
    /// The stored actor's canonical name (joined across articles).
    pub canonical_name: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// How the speaker was found: named, nominal, pronoun, continuation, guess.
    pub how: Option<String>,
    pub confidence: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
#[schema(as = Quote)]
pub struct QuoteView {
    pub id: i64,
    pub article_id: i64,
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// direct, indirect or mixed.
    pub kind: String,
    pub cue: Option<CueView>,
    pub speaker: Option<SpeakerView>,
    pub confidence: f64,
    pub source: Option<String>,
    /// The article's date (published, else ingested), ISO 8601 UTC.
    pub date: String,
    pub article_title: Option<String>,
    pub article_url: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
#[schema(as = Actor)]
pub struct ActorView {
    pub id: i64,
    pub canonical_name: String,
    #[serde(rename = "type")]
    /// person, organisation, place or group.
    pub kind: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    pub quote_count: i64,
    pub mention_count: i64,
    pub article_count: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// For name searches: how the name matched (exact, alias, surname, prefix, fuzzy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq, ToSchema, sqlx::FromRow)]
pub struct EntityAggregate {
    pub actor_id: Option<i64>,
    pub name: String,
    #[serde(rename = "type")]
    /// PER, ORG, LOC or MISC.
    pub label: String,
    pub actor_type: Option<String>,
    pub article_count: i64,
    pub mention_count: i64,
}

/// One page of a list, and the cursor for the next one.
#[derive(Debug, Clone, Serialize, PartialEq, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass it as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}
