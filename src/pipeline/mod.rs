//! The extraction pipeline: a pure library. Text (plus optional title, URL, date) in,
//! an [`Analysis`] out. No I/O, no async, no database: the same input always gives the
//! same output, so it can run on any thread pool and be tested on plain strings.
//!
//! Stages, one file each, in the order [`analyze`] runs them:
//! `normalize` → `segment` → `entities` → `quotes` → `attribution` → `actors`.
//! `html` turns a web page into the text the others read.
//!
//! Every span inside the pipeline is a byte range into [`Analysis::text`] (the normalised
//! text, which is what the service stores). Conversion to code-point offsets happens once,
//! at the edge (`Analysis::char_offsets`).

pub mod actors;
pub mod attribution;
pub mod content_model;
pub mod content_train;
pub mod entities;
pub mod gazetteer;
pub mod html;
pub mod lexicon;
pub mod ner;
pub mod normalize;
pub mod quotes;
pub mod segment;

use serde::Serialize;

/// A half-open byte range `[start, end)` into the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What the caller hands the pipeline.
#[derive(Debug, Clone, Default)]
pub struct ArticleInput<'a> {
    pub text: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published_at: Option<&'a str>,
}

impl<'a> ArticleInput<'a> {
    pub fn text(text: &'a str) -> Self {
        ArticleInput {
            text,
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityLabel::Per,
            "ORG" => EntityLabel::Org,
            "LOC" => EntityLabel::Loc,
            "MISC" => EntityLabel::Misc,
            _ => return None,
        })
    }
}

/// Index into [`Analysis::actors`].
pub type LocalActorId = usize;

/// A named-entity mention found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub label: EntityLabel,
    /// The article-local actor this mention refers to, when it names one.
    pub actor: Option<LocalActorId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Wholly inside quotation marks.
    Direct,
    /// Reported speech that contains a quoted fragment.
    Mixed,
    /// Reported speech with no quotation marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "direct" => QuoteKind::Direct,
            "mixed" => QuoteKind::Mixed,
            "indirect" => QuoteKind::Indirect,
            _ => return None,
        })
    }
}

/// How the speaker of a quote was found; the less direct, the lower the confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerSource {
    /// A name next to the cue ("…," Lungescu said).
    Named,
    /// A nominal mention resolved to an actor ("the alliance", "the spokesperson").
    Nominal,
    /// A pronoun resolved to an actor ("he said").
    Pronoun,
    /// A paragraph-long quote with no cue, continuing the previous speaker.
    Continuation,
    /// The nearest plausible speaker, with no syntactic link.
    Guess,
}

impl SpeakerSource {
    /// The name serde writes (`snake_case`), without going through a JSON value.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerSource::Named => "named",
            SpeakerSource::Nominal => "nominal",
            SpeakerSource::Pronoun => "pronoun",
            SpeakerSource::Continuation => "continuation",
            SpeakerSource::Guess => "guess",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The words in the text that name the speaker ("he", "Blinken", "the alliance").
    pub mention: Span,
    /// The speaker as a name: the resolved actor's canonical name, or the mention text.
    pub name: String,
    pub actor: Option<LocalActorId>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub how: SpeakerSource,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    Place,
    /// Groups and anonymous sources ("officials", "a source").
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => ActorKind::Person,
            "organisation" | "organization" => ActorKind::Organisation,
            "place" => ActorKind::Place,
            "group" => ActorKind::Group,
            _ => return None,
        })
    }
}

/// Someone or something the article names, with every way it names them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalActor {
    pub id: LocalActorId,
    /// The most complete name the article gives ("Antony Blinken").
    pub canonical: String,
    pub kind: ActorKind,
    /// Other names seen for this actor in the article ("Blinken", "Mr. Blinken").
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliations: Vec<String>,
    /// Spans of every mention of this actor (names, nominals and pronouns).
    pub mentions: Vec<Span>,
}

/// Everything the pipeline found in one article.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The normalised text; every span points into it.
    pub text: String,
    pub title: Option<String>,
    /// Byte offset where trailing page junk starts ("Please enter your comment!");
    /// nothing at or after it is analysed.
    pub body_end: usize,
    pub entities: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<LocalActor>,
    #[serde(skip)]
    pub offsets: normalize::OffsetMap,
}

/// Everything the pipeline needs that is loaded once per process (models, lexicons).
pub struct Pipeline {
    pub ner: entities::NerModel,
    /// The learned tagger for reported content the quote rules miss; `None` when off.
    pub content: Option<content_model::ContentModel>,
}

impl Pipeline {
    /// Loads the embedded models. Cheap enough to call at start-up; share the result.
    /// The content tagger is off unless `VERBATIM_CONTENT_MODEL=1` (see `data/README.md`:
    /// on PolNeAR it raises quote and end-to-end F1, but costs direct+mixed precision and
    /// makes the pipeline ~20–70% slower).
    pub fn load() -> Self {
        let on = std::env::var("VERBATIM_CONTENT_MODEL").is_ok_and(|v| v == "1" || v == "on");
        Self::load_with(on)
    }

    /// Loads the embedded models, with or without the content tagger.
    pub fn load_with(content_model: bool) -> Self {
        Pipeline {
            ner: entities::NerModel::embedded(),
            content: content_model.then(content_model::ContentModel::embedded),
        }
    }

    /// Runs every stage on one article.
    pub fn analyze(&self, input: &ArticleInput<'_>) -> Analysis {
        let normalized = normalize::normalize(input.text);
        let text = normalized.text;
        let body_end = normalize::body_end(&text);
        let doc = segment::segment(&text[..body_end]);
        let mut entities = self.ner.tag(&text, &doc);
        let mut found = quotes::find_quotes(&text, &doc, &entities);
        if let Some(content) = &self.content {
            content.extend(&text, &doc, &entities, &mut found);
        }
        let mut quotes = attribution::attribute(&text, &doc, &entities, found);
        let actors = actors::resolve(&text, &doc, &mut entities, &mut quotes);
        Analysis {
            title: input.title.map(str::to_owned),
            body_end,
            entities,
            quotes,
            actors,
            offsets: normalized.map,
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::load);

    #[test]
    fn speaker_sources_are_named_as_serde_names_them() {
        use SpeakerSource::*;
        for how in [Named, Nominal, Pronoun, Continuation, Guess] {
            assert_eq!(
                serde_json::to_value(how).unwrap(),
                serde_json::Value::from(how.as_str())
            );
        }
    }

    /// Every span the analysis holds lies inside the text, on character boundaries.
    fn check_spans(a: &Analysis) {
        let ok = |s: Span| {
            s.start <= s.end
                && s.end <= a.text.len()
                && a.text.is_char_boundary(s.start)
                && a.text.is_char_boundary(s.end)
        };
        for m in &a.entities {
            assert!(ok(m.span), "entity {:?}", m.span);
        }
        for q in &a.quotes {
            assert!(ok(q.span), "quote {:?}", q.span);
            if let Some(c) = q.cue {
                assert!(ok(c), "cue {c:?}");
            }
            if let Some(s) = &q.speaker {
                assert!(ok(s.mention), "speaker {:?}", s.mention);
                assert!((0.0..=1.0).contains(&s.confidence));
                if let Some(id) = s.actor {
                    assert!(id < a.actors.len());
                }
            }
            assert!((0.0..=1.0).contains(&q.confidence));
        }
        for act in &a.actors {
            for &s in &act.mentions {
                assert!(ok(s), "actor mention {s:?}");
            }
        }
        assert!(a.body_end <= a.text.len());
    }

    #[test]
    fn seed_like_article_end_to_end() {
        let text = "NATO rejects demands\n\n“We reject any idea of spheres of influence in Europe,” Oana Lungescu, the NATO spokesperson said.\n\nThe US secretary of state, Antony Blinken said Washington was ready to respond in writing next week.\n\nPlease enter your comment!";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
        let s0 = a.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(s0.name, "Oana Lungescu");
        assert_eq!(s0.role.as_deref(), Some("spokesperson"));
        assert_eq!(s0.affiliation.as_deref(), Some("NATO"));
        assert_eq!(a.quotes[1].speaker.as_ref().unwrap().name, "Antony Blinken");
        assert_eq!(a.quotes[1].kind, QuoteKind::Indirect);
        assert!(a.text[a.body_end..].contains("Please enter"));
    }

    #[test]
    fn a_capital_that_speaks_is_its_country_under_the_country_name() {
        // (the capital's two words are no "more complete" name for India)
        let text = "Climate talks\n\nChina sided with India on Tuesday. New Delhi said the \
                    headline target should be raised to $1.3 trillion a year.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        let s = a.quotes[0].speaker.as_ref().expect("a speaker");
        let actor = &a.actors[s.actor.expect("an actor")];
        assert_eq!(actor.canonical, "India", "{:?}", a.actors);
        assert!(actor.aliases.iter().any(|x| x == "New Delhi"), "{actor:?}");
    }

    #[test]
    fn a_transcript_label_in_capitals_is_the_person_of_that_surname() {
        let text = "Press conference\n\nHealth Minister Daniel Okoro took questions on \
                    Tuesday.\n\nREPORTER: Why should anyone believe it will fall now?\n\nOKORO: \
                    Because for the first time we have the beds and the staff in place.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        let answer = a
            .quotes
            .iter()
            .find(|q| a.text[q.span.start..q.span.end].starts_with("Because"))
            .expect("the answer is a quote");
        assert_eq!(
            answer.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Daniel Okoro")
        );
    }

    #[test]
    fn a_pronoun_for_a_known_organisation_is_that_organisation() {
        let text = "Kosovo border\n\nSerbia's Foreign Ministry said in a statement that police had entered the zone. It demanded that NATO intervene immediately.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
        let ids: Vec<_> = a
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.actor))
            .collect();
        assert!(ids[0].is_some() && ids[0] == ids[1], "{:?}", a.quotes);
        let actor = &a.actors[ids[0].unwrap()];
        assert_eq!(actor.kind, ActorKind::Organisation, "{actor:?}");
    }

    #[test]
    fn a_dash_and_a_conjunction_name_no_speaker() {
        let text = "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment -- ''That makes me smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay federal taxes.''";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        assert_eq!(a.quotes.len(), 2, "{:?}", a.quotes);
        for q in &a.quotes {
            assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Trump"));
        }
    }

    /// Each quote's speaker's name, in order.
    fn speaker_names(a: &Analysis) -> Vec<Option<&str>> {
        a.quotes
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
            .collect()
    }

    #[test]
    fn a_title_with_its_place_is_a_description_not_the_place() {
        let text = "Budget vote\n\nSenator from Texas says the plan would fail. A strategist in Wisconsin said the remark was costly.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        let names = speaker_names(&a);
        assert_eq!(
            names,
            [
                Some("Senator from Texas"),
                Some("A strategist in Wisconsin")
            ],
            "{:?}",
            a.quotes
        );
    }

    #[test]
    fn a_topic_opening_its_sentence_is_who_the_pronoun_after_it_is() {
        let text = "NAFTA\n\nLorna Whitaker noted that trade is complex. As for Hillary Clinton, the record is mixed. During a 2008 debate she said the agreement had a lot of problems.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        check_spans(&a);
        let names = speaker_names(&a);
        assert_eq!(
            names,
            [Some("Lorna Whitaker"), Some("Hillary Clinton")],
            "{:?}",
            a.quotes
        );
        // a name after "for" in the middle of a sentence is no topic
        let text = "Vote\n\nLorna Whitaker said trade is complex. She voted for Hillary Clinton, and she said the agreement had problems.";
        let a = PIPELINE.analyze(&ArticleInput::text(text));
        let last = a
            .quotes
            .last()
            .and_then(|q| q.speaker.as_ref())
            .map(|s| s.name.as_str());
        assert_eq!(last, Some("Lorna Whitaker"), "{:?}", a.quotes);
    }

    #[test]
    fn a_hundred_thousand_quote_marks() {
        for mark in ["“", "\"", "”", "«", "'", "``", "‘"] {
            let text = mark.repeat(100_000);
            check_spans(&PIPELINE.analyze(&ArticleInput::text(&text)));
        }
        let text = "“He said, “no ".repeat(20_000);
        check_spans(&PIPELINE.analyze(&ArticleInput::text(&text)));
    }

    #[test]
    fn a_megabyte_without_spaces() {
        let text = "a".repeat(1 << 20);
        check_spans(&PIPELINE.analyze(&ArticleInput::text(&text)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn any_unicode_gives_valid_spans(s in "\\PC{0,400}") {
            check_spans(&PIPELINE.analyze(&ArticleInput::text(&s)));
        }

        #[test]
        fn quote_soup_gives_valid_spans(parts in proptest::collection::vec(prop_oneof![
            Just("“"), Just("”"), Just("\""), Just("‘"), Just("’"), Just("'"), Just("``"), Just("''"),
            Just(" said "), Just(" Blinken"), Just(", "), Just(". "), Just("\n\n"), Just("He"),
            Just(" according to "), Just("NATO"), Just("\u{a0}"), Just("e\u{301}"), Just("Mr."),
        ], 0..200)) {
            let s: String = parts.concat();
            let a = PIPELINE.analyze(&ArticleInput::text(&s));
            check_spans(&a);
            // every offset maps back into the input
            for q in &a.quotes {
                prop_assert!(a.offsets.input_end(q.span.end) <= s.chars().count());
            }
        }

        // Real words of every frame (cues, listeners, "that", relatives, stances) in any
        // order and cut anywhere: the frames look ahead and back from each word.
        #[test]
        fn word_soup_gives_valid_spans(parts in proptest::collection::vec(prop_oneof![
            Just(" said"), Just(" told"), Just(" urge"), Just(" urged"), Just(" denied"),
            Just(" that"), Just(" who"), Just(" according"), Just(" to"), Just(" endorsed"),
            Just(" Asked"), Just(" whether"), Just(" called"), Just(" as"), Just(" saying"),
            Just(" criticized"), Just(" the"), Just(" a"), Just(" Trump"), Just(" Oana Lungescu"),
            Just(","), Just("."), Just(":"), Just(" —"), Just(" “"), Just("”"), Just(" he"),
            Just(" last week"), Just(" and"), Just(" but"), Just(" spokesperson"), Just("\n\n"),
        ], 0..120)) {
            let s: String = parts.concat();
            check_spans(&PIPELINE.analyze(&ArticleInput::text(&s)));
        }

        // Any stretch of an article, as a page cut short would give it.
        #[test]
        fn slices_of_an_article_give_valid_spans(a in 0usize..1100, len in 0usize..1100) {
            let text = include_str!("../../examples/nato.txt");
            let start = text.char_indices().map(|(i, _)| i).find(|&i| i >= a).unwrap_or(text.len());
            let end = text.char_indices().map(|(i, _)| i).find(|&i| i >= start + len).unwrap_or(text.len());
            check_spans(&PIPELINE.analyze(&ArticleInput::text(&text[start..end])));
        }
    }

    #[test]
    fn the_company_is_the_one_organisation_that_spoke_not_the_agency_or_the_listener() {
        for text in [
            "Airline hacked\n\nSTOCKHOLM (Reuters) - Skyra said on Friday that hackers had stolen data.\n\nThe company said in a statement that the attack had been detected on Tuesday.",
            "Airline hacked\n\nSkyra said on Friday that hackers had stolen data.\n\nIn an email to Reuters, the company said its IT budget had risen by a third.",
            "Job cuts\n\nCarmaker Voltra said on Friday that it would cut 2,000 jobs. The firm said the cuts would fall mainly in Germany.",
        ] {
            let a = PIPELINE.analyze(&ArticleInput::text(text));
            check_spans(&a);
            let names = speaker_names(&a);
            assert_eq!(names.len(), 2, "{text}: {names:?}");
            assert_eq!(names[0], names[1], "{text}: {names:?}");
        }
    }
}
