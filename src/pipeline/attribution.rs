//! Speakers for quotes: from the phrase the cue frame found to a name, with role and
//! affiliation when an appositive or a title gives them; pronouns, nominal mentions
//! ("the alliance", "the spokesperson") and cue-less continuation paragraphs resolved to
//! someone named earlier.

use super::lexicon::{self, Pronoun};
use super::quotes::{FoundQuote, SpeakerSlot};
use super::segment::{Doc, TokenKind};
use super::{EntityLabel, Mention, Quote, Span, Speaker, SpeakerSource};

/// What the words of a speaker phrase say, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSpeaker {
    /// The words that name the speaker ("Oana Lungescu", "he", "the alliance").
    pub head: Span,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

fn is_cap_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words of `span` as (span, text) pairs.
fn words(text: &str, doc: &Doc, span: Span) -> Vec<(Span, TokenKind)> {
    let a = doc.token_at_or_after(span.start);
    let b = doc.token_at_or_after(span.end);
    doc.tokens[a..b]
        .iter()
        .map(|t| (t.span, t.kind))
        .collect::<Vec<_>>()
        .into_iter()
        .filter(|(s, _)| s.end <= span.end && !s.text(text).is_empty())
        .collect()
}

/// The longest role word or phrase in `s` (lower case), if any.
fn find_role(s: &str) -> Option<String> {
    // Roles are one to five words; look each run of words up instead of searching the
    // phrase for every role (that search was a twentieth of the pipeline's time).
    static ROLES: std::sync::LazyLock<(std::collections::HashSet<&'static str>, usize)> =
        std::sync::LazyLock::new(|| {
            let set: std::collections::HashSet<&str> = lexicon::ROLES
                .iter()
                .copied()
                .filter(|r| !r.ends_with('.'))
                .collect();
            let longest = set.iter().map(|r| r.split(' ').count()).max().unwrap_or(1);
            (set, longest)
        });
    let (roles, longest) = &*ROLES;
    let lower = s.to_lowercase();
    // words as byte ranges: runs of letters, digits and inner hyphens
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, ch) in lower.char_indices() {
        let inside = ch.is_alphanumeric();
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                words.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        words.push((st, lower.len()));
    }
    let mut best: Option<&str> = None;
    // "secretary-general" and "secretary general", "vice-president" and "president"
    let (mut spaced, mut hyphened) = (String::new(), String::new());
    for i in 0..words.len() {
        spaced.clear();
        hyphened.clear();
        for j in i..(i + longest).min(words.len()) {
            if j > i {
                spaced.push(' ');
                hyphened.push('-');
            }
            spaced.push_str(&lower[words[j].0..words[j].1]);
            hyphened.push_str(&lower[words[j].0..words[j].1]);
            for key in [spaced.as_str(), hyphened.as_str()] {
                if let Some(r) = roles.get(key) {
                    if best.is_none_or(|b| r.len() > b.len()) {
                        best = Some(r);
                    }
                }
            }
        }
    }
    best.map(str::to_owned)
}

/// An organisation or place named inside `span` (its first one).
fn find_affiliation(text: &str, entities: &[Mention], span: Span) -> Option<String> {
    entities
        .iter()
        .find(|m| {
            span.contains(m.span)
                && matches!(
                    m.label,
                    EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc
                )
        })
        .map(|m| m.span.text(text).to_owned())
        .or_else(|| {
            // Without an entity, an all-caps acronym ("NATO", "FBI") or capitalised words
            // that are not a title.
            let t = span.text(text);
            t.split(|c: char| c.is_whitespace() || c == ',')
                .find(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
                .map(|w| w.trim_end_matches(['’', '\'']).to_owned())
        })
}

/// Splits a speaker phrase into the name and what describes it.
pub fn parse_speaker(text: &str, doc: &Doc, entities: &[Mention], phrase: Span) -> ParsedSpeaker {
    let raw = phrase.text(text);
    // Segments separated by commas: "Oana Lungescu, the NATO spokesperson".
    let mut segments: Vec<Span> = Vec::new();
    let mut start = phrase.start;
    let digit_at = |i: usize| raw.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    for (i, ch) in raw.char_indices() {
        // (not the comma inside a number: "a study of more than 80,000 adults")
        if ch == ',' && !(i > 0 && digit_at(i - 1) && digit_at(i + 1)) {
            let end = phrase.start + i;
            segments.push(Span::new(start, end));
            start = end + 1;
        }
    }
    segments.push(Span::new(start, phrase.end));
    let segments: Vec<Span> = segments
        .into_iter()
        .map(|s| trim_span(text, s))
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return ParsedSpeaker {
            head: phrase,
            role: None,
            affiliation: None,
        };
    }
    // ("Sure, official data suggest …": an interjection is no speaker)
    let interjection = |s: Span| {
        matches!(
            s.text(text),
            "Sure"
                | "Yes"
                | "No"
                | "Well"
                | "Still"
                | "Indeed"
                | "Now"
                | "Meanwhile"
                | "However"
                | "Instead"
                | "Overall"
                | "Again"
                | "Then"
                | "So"
                | "And"
                | "But"
                | "Yet"
        )
    };
    // ("Mr. Trump's campaign chairman, Paul Manafort": a possessor names whose title
    // it is, not who speaks)
    let possessor = |m: &Mention| {
        let rest = &text[m.span.end..];
        rest.starts_with("'s ") || rest.starts_with("\u{2019}s ")
    };
    // ("The senator, who met with Garland": a relative clause names others)
    let relative = |s: Span| {
        matches!(
            s.text(text).split_whitespace().next(),
            Some("who" | "whom" | "whose" | "which" | "that")
        )
    };
    let is_name_segment = |s: Span| {
        !relative(s)
            && entities
                .iter()
                .any(|m| s.contains(m.span) && matches!(m.label, EntityLabel::Per) && !possessor(m))
            || {
                let t = s.text(text);
                let first = t.split_whitespace().next().unwrap_or("");
                // ("On Tuesday, his wife, Jane": an opener is no name)
                is_cap_word(first)
                    // ("Scott's niece, state Del. Marcia Price": a possessor's noun
                    // describes the name after it)
                    && !first.ends_with("'s")
                    && !first.ends_with("\u{2019}s")
                    && !lexicon::is_determiner(&first.to_lowercase())
                    && !interjection(s)
                    && !matches!(
                        first,
                        "On" | "In"
                            | "At"
                            | "During"
                            | "After"
                            | "Before"
                            | "Since"
                            | "From"
                            | "With"
                            | "For"
                            | "Under"
                            | "Last"
                            | "Earlier"
                            | "Later"
                            // ("Despite challenging the majority leader, Cruz said")
                            | "Despite"
                            | "Although"
                            | "Though"
                            | "While"
                            | "When"
                            | "If"
                            | "As"
                            | "Because"
                            | "Unlike"
                            | "Like"
                            | "Amid"
                            | "Along"
                            | "Through"
                            | "Absent"
                            | "Following"
                    )
                    && find_role(t).is_none_or(|_| {
                        t.split_whitespace()
                            .filter(|w| {
                                is_cap_word(w) && !w.ends_with("'s") && !w.ends_with("\u{2019}s")
                            })
                            .count()
                            >= 2
                    })
            }
    };
    // The head segment: a name if there is one (the first), else the first segment that
    // is more than an interjection ("Sure, official data suggest …").
    // (a person's name before any capitalised description: "Leeds City Council's
    // executive member for communities, Cllr Joanne Pryce" is Joanne Pryce)
    // (not examples of a group: "Democratic candidates, including Hillary Clinton")
    // (nor a name that qualifies a noun: "The EU's chief Brexit negotiator, Michel
    // Barnier" is Barnier, "The chief Trump adviser, Paul Manafort" Manafort)
    let qualifies_noun = |m: &Mention, s: Span| name_qualifies_noun(&text[m.span.end..s.end]);
    let has_person = |s: Span| {
        s.text(text)
            .split_whitespace()
            .next()
            .is_some_and(is_cap_word)
            && entities.iter().any(|m| {
                s.contains(m.span)
                    && m.label == EntityLabel::Per
                    && !possessor(m)
                    && !qualifies_noun(m, s)
            })
    };
    let head_seg = segments
        .iter()
        .copied()
        .find(|s| has_person(*s))
        .or_else(|| segments.iter().copied().find(|s| is_name_segment(*s)))
        .or_else(|| segments.iter().copied().find(|s| !interjection(*s)))
        .unwrap_or(segments[0]);
    let rest: Vec<Span> = segments
        .iter()
        .copied()
        .filter(|s| *s != head_seg)
        .collect();
    // Inside the head segment, titles before the name: "US secretary of state Antony Blinken".
    let mut head = head_seg;
    let mut role_text = String::new();
    let mut affil_span: Option<Span> = None;
    let ws = words(text, doc, head_seg);
    // The last name in the segment: "Trump spokesperson Ron Lieberman" is Lieberman.
    // ("Holger Schmieding of Berenberg": not a name after a preposition, when another
    // name comes before it)
    let pers_in_head = || {
        entities
            .iter()
            .rev()
            .filter(|m| head_seg.contains(m.span) && m.label == EntityLabel::Per)
    };
    let after_preposition = |m: &Mention| {
        matches!(
            text[head_seg.start..m.span.start]
                .split_whitespace()
                .next_back()
                .map(str::to_lowercase)
                .as_deref(),
            Some("of" | "at" | "with" | "from")
        )
    };
    let per = pers_in_head()
        .find(|m| !after_preposition(m))
        .or_else(|| pers_in_head().next());
    // ("One veteran agent in Weslaco said": a name after "in", "at" or "from" that ends a
    // description of someone unnamed is where they are, even when the tagger reads the
    // place as a person)
    let per = per.filter(|m| {
        let before: Vec<&str> = text[head_seg.start..m.span.start]
            .split_whitespace()
            .collect();
        !matches!(before.split_last(), Some((prep, words))
            if matches!(*prep, "in" | "at" | "from") && lexicon::describes_someone_unnamed(words))
    });
    // "O’Malley’s campaign says", "Ryan’s office said": the speaker is the campaign or
    // office, not the person whose it is.
    let owned_by_per = per.is_some_and(|p| {
        let after = &text[p.span.end..head_seg.end];
        let rest = after
            .strip_prefix("’s ")
            .or_else(|| after.strip_prefix("'s "))
            .unwrap_or("");
        rest.split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    });
    // "a Clinton campaign spokesman", "the Christie supporter": a name that modifies a
    // noun names whose the speaker is, not the speaker.
    let modifies_noun = per.is_some_and(|p| name_qualifies_noun(&text[p.span.end..head_seg.end]));
    // "Advisers to Mr. Rubio", "a spokesman for Mr. Trump": people who speak for the
    // person, not the person.
    let speaks_for_per = per.is_some_and(|p| {
        let before: Vec<String> = text[head_seg.start..p.span.start]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let n = before.len();
        let titled = n >= 1 && lexicon::is_title(&before[n - 1]);
        let k = if titled { n.saturating_sub(1) } else { n };
        k >= 2
            && (matches!(before[k - 1].as_str(), "to" | "for")
                && lexicon::speaker_noun(&before[k - 2])
                // ("One person close to Falk", "an ally of Gordon Falk")
                || lexicon::near_someone(&before[k - 2], &before[k - 1]))
    });
    if let Some(p) = per.filter(|_| speaks_for_per) {
        head = Span::new(head_seg.start.min(p.span.start), head_seg.end);
    } else if let Some(p) = per.filter(|_| owned_by_per || modifies_noun) {
        head = Span::new(p.span.start, head_seg.end);
    } else if let Some(p) = per {
        if p.span.start > head_seg.start {
            role_text.push_str(Span::new(head_seg.start, p.span.start).text(text));
            affil_span = Some(Span::new(head_seg.start, p.span.start));
        }
        head = p.span;
    } else if let Some(o) = described_org(text, entities, head_seg) {
        role_text.push_str(Span::new(head_seg.start, o.start).text(text));
        head = o;
    } else if ws.len() >= 2 {
        // No entity: strip leading lower-case or title words before a capitalised run.
        let mut k = 0;
        while k + 1 < ws.len() {
            let w = ws[k].0.text(text);
            let lw = w.to_lowercase();
            if lexicon::is_title(&lw)
                || !is_cap_word(w)
                    && !lexicon::is_determiner(&lw)
                    && lexicon::pronoun(&lw).is_none()
                    && ws[k + 1..].iter().any(|(s, _)| is_cap_word(s.text(text)))
                    && !lexicon::speaker_noun(&lw)
                    // ("Senator from Texas": where someone is from is no name)
                    && !matches!(lw.as_str(), "from" | "in")
            {
                k += 1;
            } else {
                break;
            }
        }
        if k > 0
            && ws[k..].iter().all(|(s, kind)| {
                is_cap_word(s.text(text))
                    || *kind == TokenKind::Clitic
                    || matches!(s.text(text), "." | "-")
            })
        {
            role_text.push_str(Span::new(head_seg.start, ws[k].0.start).text(text));
            affil_span = Some(Span::new(head_seg.start, ws[k].0.start));
            head = Span::new(ws[k].0.start, head_seg.end);
        }
    }
    for r in &rest {
        role_text.push(' ');
        role_text.push_str(r.text(text));
    }
    let role = find_role(&role_text);
    // ("Woodrow Benford, 58, who lives outside Minneapolis": where someone lives, grew up
    // or went is no affiliation; "who heads the FBI", "who works for NATO" are)
    let relative_not_affiliation = |r: &Span| {
        let lower = r.text(text).trim_start().to_lowercase();
        let mut words = lower.split_whitespace();
        matches!(words.next(), Some("who" | "whose" | "which"))
            && !words.take(4).any(|w| {
                matches!(
                    w,
                    "works"
                        | "worked"
                        | "heads"
                        | "headed"
                        | "leads"
                        | "led"
                        | "runs"
                        | "ran"
                        | "chairs"
                        | "chaired"
                        | "represents"
                        | "represented"
                        | "serves"
                        | "served"
                        | "founded"
                        | "directs"
                        | "directed"
                        | "advises"
                        | "advised"
                        | "manages"
                        | "managed"
                        | "joined"
                        | "member"
                )
            })
    };
    let affiliation = rest
        .iter()
        .filter(|r| !relative_not_affiliation(r))
        .find_map(|r| find_affiliation(text, entities, *r))
        .or_else(|| affil_span.and_then(|s| find_affiliation(text, entities, s)));
    ParsedSpeaker {
        head: trim_span(text, head),
        role,
        affiliation,
    }
}

/// "the city's transport operator Wiener Linien", "Energy network operator Western
/// Grid": an organisation's name at the end of a phrase, after words that say what it
/// is (in lower case but for the first, and ending in a noun, not "of", "at" or "for":
/// "analysts at Nordhavn Securities" are people).
fn described_org(text: &str, entities: &[Mention], seg: Span) -> Option<Span> {
    let t = trim_span(text, seg);
    let org = entities
        .iter()
        .find(|m| m.label == EntityLabel::Org && t.contains(m.span) && m.span.end == t.end)?;
    let words: Vec<&str> = text[t.start..org.span.start].split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let descriptor = words.len() >= 2
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
        && !lexicon::is_determiner(&last)
        && !lexicon::speaker_noun(&last)
        && !matches!(
            last.as_str(),
            "of" | "at" | "for" | "from" | "with" | "to" | "by" | "in" | "on" | "and" | "or"
        );
    descriptor.then_some(org.span)
}

/// Whether a name followed by `after` (the rest of its segment) qualifies the noun after
/// it ("a Clinton campaign spokesman", "The EU's chief Brexit negotiator"): a lower-case
/// word that is no preposition, conjunction, relative pronoun, auxiliary or adverb.
fn name_qualifies_noun(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                w,
                "of" | "at"
                    | "with"
                    | "from"
                    | "in"
                    | "for"
                    | "on"
                    | "to"
                    | "by"
                    | "and"
                    | "or"
                    | "who"
                    | "which"
                    | "that"
            )
            && !lexicon::is_aux_or_adverb(w)
    })
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = s.text(text);
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim_end();
    Span::new(s.start + lead, s.start + t2.len().max(lead))
}

/// The name of a head span: the span's text with leading titles and determiners removed
/// only when a capitalised name remains.
fn name_of(text: &str, head: Span) -> String {
    super::actors::clean_name(head.text(text))
}

/// "The panel's top Democrat", "Morocco's foreign minister": the tokens `[start, comma)`
/// opening a sentence are a noun phrase that describes the name set off after them —
/// an article or a possessive first, no verb, no preposition but "of" and "for", a few
/// words only (not "In a letter to the governor", "After meeting the president", "A week
/// after the vote", "Andrew Hale took his daughter").
fn opening_description(text: &str, doc: &Doc, start: usize, comma: usize) -> bool {
    let lw = |j: usize| doc.tokens[j].span.text(text).to_lowercase();
    comma > start + 1
        && comma - start <= 8
        && (matches!(
            lw(start).as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) || doc.tokens[start + 1].kind == TokenKind::Clitic)
        && (start..comma).all(|j| {
            let w = lw(j);
            let verb = w.ends_with("ing")
                || w.len() > 4 && w.ends_with("ed")
                || lexicon::is_irregular_past(&w)
                || lexicon::cue_class(&w).is_some();
            let preposition = matches!(
                w.as_str(),
                "in" | "at"
                    | "on"
                    | "to"
                    | "by"
                    | "with"
                    | "from"
                    | "after"
                    | "before"
                    | "during"
                    | "since"
                    | "like"
                    | "unlike"
                    | "despite"
                    | "without"
                    | "amid"
                    | "over"
                    | "under"
            );
            doc.tokens[j].kind == TokenKind::Clitic
                || doc.tokens[j].is_word() && !verb && !preposition
        })
}

/// Resolves every found quote's speaker.
pub fn attribute(
    text: &str,
    doc: &Doc,
    entities: &[Mention],
    found: Vec<FoundQuote>,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    // The quotes so far that no stronger reading of the same words has displaced: the
    // ones a pronoun can refer back through (a second reading, "Obama shows “great
    // charm”", is no previous speaker once the first wins).
    let mut live: Vec<Quote> = Vec::with_capacity(found.len());
    let genders = Genders::new(text, entities);
    // The last resolved speaker, for continuations.
    let mut last: Option<Speaker> = None;
    for fq in found {
        let speaker = match fq.speaker {
            Some(SpeakerSlot::Phrase(phrase)) => {
                let parsed = parse_speaker(text, doc, entities, phrase);
                Some(resolve(
                    text, &genders, doc, entities, &live, &parsed, fq.span,
                ))
            }
            Some(SpeakerSlot::Continuation) => quoted_words_speaker(text, &live)
                .or_else(|| last.clone())
                .filter(|s| {
                    // only from a quote in the previous few paragraphs
                    out.last()
                        .is_some_and(|q| fq.span.start.saturating_sub(q.span.end) < 2000)
                        && !s.name.is_empty()
                })
                .map(|mut s| {
                    s.how = SpeakerSource::Continuation;
                    s.confidence = (s.confidence * 0.8).min(0.7);
                    s
                }),
            None => None,
        };
        let confidence = fq.confidence * speaker.as_ref().map_or(0.8, |s| 0.6 + 0.4 * s.confidence);
        let quote = Quote {
            span: fq.span,
            kind: fq.kind,
            cue: fq.cue,
            speaker,
            confidence,
        };
        match rival(&live, &quote) {
            None => live.push(quote.clone()),
            Some(i) if stronger(&quote, &live[i]) => {
                live.remove(i);
                live.push(quote.clone());
            }
            Some(_) => {}
        }
        // (a continuation goes on from the reading that won: "America needs leaders
        // “…,” Clinton said" is Clinton's, not a weaker reading's "America")
        if let Some(s) = live.last().and_then(|q| q.speaker.clone()) {
            last = Some(s);
        }
        out.push(quote);
    }
    without_overlaps(out)
}

/// Quoted words that run on into a paragraph of their own go on from the last quoted
/// words, not from a reported clause after them in the same paragraph ("“…,” Le Pen
/// told CNN when asked which candidate she would back." then "“It’s everything …”" is
/// Le Pen's, not CNN's). `None` when the last quote is not such a clause.
fn quoted_words_speaker(text: &str, live: &[Quote]) -> Option<Speaker> {
    let [.., before, last] = live else {
        return None;
    };
    let same_paragraph = before.span.end <= last.span.start
        && !text[before.span.end..last.span.start].contains('\n');
    (last.kind == super::QuoteKind::Indirect
        && before.kind != super::QuoteKind::Indirect
        && same_paragraph)
        .then(|| before.speaker.clone())
        .flatten()
}

/// Which of the last few `kept` quotes reads the same words as `q` (they overlap by at
/// least half the shorter span), if any. Only the last few are looked at, which keeps
/// this linear on quote-mark soup.
fn rival(kept: &[Quote], q: &Quote) -> Option<usize> {
    let from = kept.len().saturating_sub(8);
    (from..kept.len()).rev().find(|&i| {
        let k = &kept[i];
        let overlap = k
            .span
            .end
            .min(q.span.end)
            .saturating_sub(k.span.start.max(q.span.start));
        overlap > 0 && overlap * 2 >= k.span.len().min(q.span.len())
    })
}

/// Of two readings of the same words, the more confident, then the longer.
fn stronger(a: &Quote, b: &Quote) -> bool {
    (a.confidence, a.span.len()) > (b.confidence, b.span.len())
}

/// Two quotes over the same words are two readings of one report ("he found Trump
/// “very charming”" by two frames): keep the more confident, then the longer, in text order.
fn without_overlaps(mut quotes: Vec<Quote>) -> Vec<Quote> {
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut keep: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        // (kept spans start no later than this one, so pushing keeps them in order)
        match rival(&keep, &q) {
            None => keep.push(q),
            Some(i) if stronger(&q, &keep[i]) => {
                keep.remove(i);
                keep.push(q);
            }
            Some(_) => {}
        }
    }
    keep
}

use lexicon::{Gender, GIVEN_NAMES};

/// The surnames an article writes after a gendered title ("Mrs. Clinton", "Mr. Trump"),
/// found in one pass over the text rather than one search per name.
struct TitledSurnames<'a> {
    female: rustc_hash::FxHashSet<&'a str>,
    male: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> TitledSurnames<'a> {
    fn new(text: &'a str) -> Self {
        let mut female = rustc_hash::FxHashSet::default();
        let mut male = rustc_hash::FxHashSet::default();
        for at in period_spaces(text) {
            let head = &text[..at];
            let title = &head[head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
                k + head[k..].chars().next().map_or(1, char::len_utf8)
            })..];
            let set = match title {
                "Mrs" | "Ms" => &mut female,
                "Mr" => &mut male,
                _ => continue,
            };
            let rest = &text[at + 2..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
                .unwrap_or(rest.len());
            if end > 0 {
                let word = &rest[..end];
                set.insert(word);
                // ("Ms. Trump's" titles Trump)
                if let Some(k) = word.find(['\'', '’']) {
                    set.insert(&word[..k]);
                }
            }
        }
        TitledSurnames { female, male }
    }

    fn title_gender(&self, surname: &str) -> Option<Gender> {
        if self.female.contains(surname) {
            Some(Gender::Female)
        } else if self.male.contains(surname) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// What an article says of its people's genders: the surnames it titles, and for each
/// surname the fullest name of a person ending in it.
struct Genders<'a> {
    titled: TitledSurnames<'a>,
    /// Last word → the longest person mention of two words or more ending in it (the
    /// last of the longest). Built once: `gender` is asked for every candidate of every
    /// pronoun, and scanning every entity each time cost more than the rest of it.
    fullest: rustc_hash::FxHashMap<&'a str, &'a str>,
}

impl<'a> Genders<'a> {
    fn new(text: &'a str, entities: &[Mention]) -> Self {
        let mut fullest: rustc_hash::FxHashMap<&'a str, &'a str> = Default::default();
        for m in entities.iter().filter(|m| m.label == EntityLabel::Per) {
            let t = m.span.text(text);
            let mut words = t.split_whitespace();
            if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
                let slot = fullest.entry(last).or_insert(t);
                // (ties go to the later mention, as `max_by_key` gives the last maximum)
                if t.len() >= slot.len() {
                    *slot = t;
                }
            }
        }
        Genders {
            titled: TitledSurnames::new(text),
            fullest,
        }
    }
}

/// Where `text` has ". ", in order: the periods (a byte search) with a space after them.
/// The search for the two-byte string read the text several times slower; ". " cannot
/// overlap itself, so these are all its matches.
fn period_spaces(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    text.match_indices('.')
        .map(|(at, _)| at)
        .filter(move |&at| bytes.get(at + 1) == Some(&b' '))
}

/// A person's gender as far as the article shows it: a gendered title before their
/// surname ("Mrs. Clinton"), else their given name (the first name of the fullest form
/// of the name the article's entities give).
fn gender(genders: &Genders<'_>, name: &str) -> Option<Gender> {
    let name = name.trim();
    let surname = name.split_whitespace().next_back()?;
    // A given name in the name itself says it first: "Bill Clinton" is a man even where
    // the article also writes "Mrs. Clinton".
    let mut words = name.split_whitespace();
    if let (Some(first), Some(_)) = (words.next(), words.next()) {
        if let Some(&g) = GIVEN_NAMES.get(first) {
            return Some(g);
        }
    }
    if let Some(g) = genders.titled.title_gender(surname) {
        return Some(g);
    }
    // (a name of two words or more ends in `surname` when its last word is it)
    let full = genders.fullest.get(surname).copied().unwrap_or(name);
    let first = full.split_whitespace().next()?;
    if first == surname && full.split_whitespace().count() == 1 {
        return None;
    }
    GIVEN_NAMES.get(first).copied()
}

/// Turns a parsed phrase into a speaker: names stay, pronouns and nominals are resolved
/// against what came before.
fn resolve(
    text: &str,
    genders: &Genders<'_>,
    doc: &Doc,
    entities: &[Mention],
    earlier: &[Quote],
    parsed: &ParsedSpeaker,
    quote: Span,
) -> Speaker {
    let head_text = parsed.head.text(text);
    let lower = head_text.to_lowercase();
    let before = parsed.head.start.min(quote.start);
    let mk = |name: String, how, confidence| Speaker {
        mention: parsed.head,
        name,
        actor: None,
        role: parsed.role.clone(),
        affiliation: parsed.affiliation.clone(),
        how,
        confidence,
    };
    // People named inside what someone said are not who said the next thing.
    // A pronoun refers back to a subject, rarely to a possessor ("Trump’s policy") or the
    // object of a preposition ("of Trump").
    let salient = |m: &Mention| {
        let after = &text[m.span.end..];
        let possessive = after.starts_with("’s") || after.starts_with("'s");
        let prev_word = text[..m.span.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        let after_prep = matches!(
            prev_word.as_str(),
            "of" | "to"
                | "with"
                | "for"
                | "about"
                | "against"
                | "by"
                | "from"
                | "on"
                | "at"
                | "in"
                | "into"
                | "over"
                | "than"
        );
        // ("As for Hillary Clinton, the record is mixed. … she said": a topic the
        // sentence opens with is what comes next is about)
        let topic = prev_word == "for" && after.starts_with(',') && {
            // "As for X," anywhere, "For X," opening its sentence
            let mut back = text[..m.span.start].split_whitespace().rev();
            back.next();
            match back.next() {
                Some(w) if w.eq_ignore_ascii_case("as") => true,
                Some(w) => w.ends_with(['.', '!', '?']),
                None => true,
            }
        };
        let after_prep = after_prep && !topic;
        // ("She's a Sanders supporter": a name after an article and before a noun
        // qualifies the noun)
        let modifier = matches!(prev_word.as_str(), "a" | "an" | "the" | "another")
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        !possessive && !after_prep && !modifier
    };
    let outside_quotes = |m: &&Mention| {
        !quote.contains(m.span) && !earlier.iter().any(|q| q.span.contains(m.span)) && salient(m)
    };
    // The subject of its sentence: at most a short opener ("On Friday,") before it, and
    // no "that", so "Nehlen responded to reports that Trump planned …" gives Nehlen.
    let subject_like = |m: &Mention| {
        let at = doc.token_at_or_after(m.span.start);
        if at >= doc.tokens.len() {
            return false;
        }
        let start = doc.sentences[doc.sentence_of(at)].tokens.start;
        // ("The panel's top Democrat, Sen. Ben Cardin of Maryland, was less impressed": a
        // name set off after a short description that opens the sentence, its title
        // before it, is the subject)
        let mut k = at;
        while k > start
            && at - k < 3
            && (doc.tokens[k - 1].span.text(text) == "."
                || doc.tokens[k - 1].is_word() && is_cap_word(doc.tokens[k - 1].span.text(text)))
        {
            k -= 1;
        }
        let described = k > start + 2
            && doc.tokens[k - 1].span.text(text) == ","
            && opening_description(text, doc, start, k - 1);
        let before: Vec<usize> = (start..at).filter(|&k| doc.tokens[k].is_word()).collect();
        described
            || before.len() <= 4
                && !before.iter().enumerate().any(|(n, &k)| {
                    match doc.tokens[k].span.text(text).to_lowercase().as_str() {
                        "that" | "said" | "says" | "told" => true,
                        // ("She praised Fields …": the pronoun is the subject)
                        "he" | "she" | "they" | "we" | "i" => true,
                        // ("And even Obama tried …" opens with its conjunction)
                        "and" | "with" | "than" => n > 0,
                        _ => false,
                    }
                })
    };
    // The nearest entity of that label before the pronoun, a sentence subject first.
    let nearest = |w: EntityLabel, after: usize, compatible: &dyn Fn(&str) -> bool| {
        let candidates = || {
            entities.iter().rev().filter(move |m| {
                m.span.end <= before
                    && m.span.start >= after
                    && m.label == w
                    && outside_quotes(m)
                    && compatible(m.span.text(text))
            })
        };
        let first = candidates().next()?;
        // (only within about two sentences of the nearest mention: a subject far back
        // is no better than the nearest name)
        let window = first.span.start.saturating_sub(250);
        candidates()
            .take_while(|m| m.span.start >= window)
            .find(|m| subject_like(m))
            .or(Some(first))
    };
    // ("her assertion that …", "his claim that …": a possessive names the speaker too)
    if let Some(p) = lexicon::pronoun(&lower).or_else(|| lexicon::possessive_pronoun(&lower)) {
        // "he" never resolves to a known woman, nor "she" to a known man.
        let compatible = |name: &str| {
            !matches!(
                (p, gender(genders, name)),
                (Pronoun::He, Some(Gender::Female)) | (Pronoun::She, Some(Gender::Male))
            )
        };
        let want = match p {
            Pronoun::He | Pronoun::She => Some(EntityLabel::Per),
            Pronoun::It => Some(EntityLabel::Org),
            Pronoun::They => None,
            Pronoun::FirstOrSecond => return mk(head_text.to_owned(), SpeakerSource::Pronoun, 0.3),
        };
        // The previous quote's speaker, when it fits, else the nearest entity before.
        if let Some(prev) = earlier
            .iter()
            .rev()
            .filter_map(|q| q.speaker.as_ref())
            .find(|s| {
                (s.how != SpeakerSource::Pronoun || s.name != head_text) && compatible(&s.name)
            })
        {
            // (a person by the tagger's label, by a person's role in an appositive —
            // "RoseAnn DeMoro, executive director of …", which the tagger took for an
            // organisation — or by a known given name)
            let mut prev_words = prev.name.split_whitespace();
            let prev_is_person = entities.iter().any(|m| {
                m.label == EntityLabel::Per
                    && m.span.text(text).split_whitespace().last()
                        == prev.name.split_whitespace().last()
            }) || prev.role.is_some()
                || matches!(
                    (prev_words.next(), prev_words.next()),
                    (Some(first), Some(_)) if GIVEN_NAMES.contains_key(first)
                );
            let fits = match want {
                Some(EntityLabel::Per) => prev_is_person,
                Some(EntityLabel::Org) => !prev_is_person,
                _ => true,
            };
            // (names in the previous speaker's own appositive, "said Grant Green, an
            // official under Presidents Reagan and Bush", are no nearer referent)
            let prev_at = earlier
                .iter()
                .rev()
                .find(|q| q.speaker.as_ref().is_some_and(|s| s.name == prev.name))
                .map_or(0, |q| {
                    let mention = q.speaker.as_ref().map_or(q.span, |s| s.mention);
                    let at = doc.token_at_or_after(mention.start);
                    let sentence_end = if mention.start >= q.span.end && at < doc.tokens.len() {
                        let sent = &doc.sentences[doc.sentence_of(at)];
                        doc.tokens[sent.tokens.end - 1].span.end
                    } else {
                        0
                    };
                    q.span.end.max(sentence_end)
                });
            let nearer_entity = want.and_then(|w| nearest(w, prev_at + 1, &compatible));
            let no_person_known = want == Some(EntityLabel::Per)
                && !entities
                    .iter()
                    .any(|m| m.label == EntityLabel::Per && m.span.end <= before);
            if (fits || no_person_known) && nearer_entity.is_none() {
                let mut s = mk(prev.name.clone(), SpeakerSource::Pronoun, 0.7);
                if s.role.is_none() {
                    s.role = prev.role.clone();
                }
                if s.affiliation.is_none() {
                    s.affiliation = prev.affiliation.clone();
                }
                return s;
            }
        }
        if let Some(w) = want {
            if let Some(m) = nearest(w, 0, &compatible) {
                return mk(m.span.text(text).to_owned(), SpeakerSource::Pronoun, 0.55);
            }
        }
        return mk(head_text.to_owned(), SpeakerSource::Pronoun, 0.3);
    }
    // "the alliance" → NATO, "the company" → Acme Corp: the nearest organisation before
    // whose name (or known full name) has that noun. Otherwise the nominal stays as it
    // is ("the campaign"): a guess at the nearest organisation is wrong too often.
    let ws: Vec<&str> = lower.split_whitespace().collect();
    if ws.len() == 2
        && ws[0] == "the"
        && lexicon::org_noun(ws[1])
        && !entities.iter().any(|m| parsed.head.contains(m.span))
    {
        let noun = ws[1];
        let names_noun = |name: &str| {
            let l = name.to_lowercase();
            l.split(|c: char| !c.is_alphanumeric()).any(|w| w == noun)
                || crate::pipeline::gazetteer::international_org_full_names(name)
                    .iter()
                    .any(|f| f.to_lowercase().split_whitespace().any(|w| w == noun))
                || noun == "company"
                    && l.split_whitespace().last().is_some_and(|w| {
                        crate::pipeline::gazetteer::is_org_suffix(w)
                            || matches!(w, "inc." | "corp." | "co.")
                    })
        };
        if let Some(m) = entities
            .iter()
            .rev()
            .filter(|m| m.span.end <= before && m.label == EntityLabel::Org)
            .take(12)
            .find(|m| names_noun(m.span.text(text)))
        {
            return mk(m.span.text(text).to_owned(), SpeakerSource::Nominal, 0.6);
        }
    }
    // "The operator said …" after "Train operator Northway Rail has cancelled all
    // services", "according to the charity" after "The RNLI said …": a noun for a kind
    // of organisation, one no name spells out, is the one organisation named in its
    // sentence or the one before, when the text ties the two (see `org_just_named`).
    if ws.len() == 2
        && ws[0] == "the"
        && lexicon::org_kind_noun(ws[1])
        && !entities.iter().any(|m| parsed.head.contains(m.span))
    {
        if let Some(m) = org_just_named(text, doc, entities, earlier, before, Some(ws[1])) {
            return mk(m.span.text(text).to_owned(), SpeakerSource::Nominal, 0.55);
        }
    }
    // "the spokesperson": the nearest earlier speaker with that role.
    if ws.len() == 2 && ws[0] == "the" {
        if let Some(prev) = earlier
            .iter()
            .rev()
            .filter_map(|q| q.speaker.as_ref())
            .find(|s| s.role.as_deref() == Some(ws[1]))
        {
            let mut s = mk(prev.name.clone(), SpeakerSource::Nominal, 0.6);
            s.affiliation = prev.affiliation.clone();
            s.role = prev.role.clone();
            return s;
        }
    }
    // "The Democratic governor said" after "Kansas Gov. Laura Whitfield on Friday vetoed
    // …": a definite description of a person named just before, by the role word (or
    // the title that abbreviates it) beside the name.
    if (2..=4).contains(&ws.len())
        && ws[0] == "the"
        && !entities
            .iter()
            .any(|m| parsed.head.contains(m.span) && m.label != EntityLabel::Misc)
    {
        if let Some(m) = described_person(text, doc, entities, earlier, head_text, before) {
            return mk(m.span.text(text).to_owned(), SpeakerSource::Nominal, 0.55);
        }
    }
    let name = name_of(text, parsed.head);
    let named = entities.iter().any(|m| parsed.head.contains(m.span)) || is_cap_word(&name);
    let mut speaker = mk(
        name,
        if named {
            SpeakerSource::Named
        } else {
            SpeakerSource::Nominal
        },
        if named { 0.9 } else { 0.6 },
    );
    // "Water UK argued that … A spokesperson said …": an unnamed spokesperson speaks for
    // the organisation that spoke just before; "In a statement, Northway Rail said …
    // “…,” the statement said": so does its statement. (only a bare one: "a spokesman
    // for her family" speaks for the family)
    let spokesperson = ws.len() == 2 && ws[1].starts_with("spokes");
    let statement = ws.len() == 2 && matches!(ws[1], "statement" | "release" | "letter");
    if speaker.affiliation.is_none()
        && matches!(ws.first(), Some(&"a" | &"an" | &"the"))
        && (spokesperson || statement)
    {
        speaker.affiliation = org_just_named(text, doc, entities, earlier, before, None)
            .map(|m| m.span.text(text).to_owned());
        if speaker.role.is_none() && spokesperson {
            speaker.role = ws.get(1).map(|w| (*w).to_owned());
        }
    }
    speaker
}

/// The one organisation named between the start of the sentence before the one at
/// `before` and `before` ("Network Rail" twice is one; two names give none), when the
/// text ties it to what refers to it: it spoke just before ("The RNLI said … according
/// to the charity"; not "Reuters reported …", a news report), or `noun` describes it
/// beside its name ("train operator Northway Rail", "Western Grid, the operator,").
/// "The Justice Department sued a Texas oil refiner. The company said …" is the refiner.
fn org_just_named<'m>(
    text: &str,
    doc: &Doc,
    entities: &'m [Mention],
    earlier: &[Quote],
    before: usize,
    noun: Option<&str>,
) -> Option<&'m Mention> {
    let at = doc.token_at_or_after(before);
    if at >= doc.tokens.len() {
        return None;
    }
    let sent = doc.sentence_of(at);
    let from = doc.tokens[doc.sentences[sent.saturating_sub(1)].tokens.start]
        .span
        .start;
    // (a name in parentheses is an aside: the agency of a dateline, "STOCKHOLM (Reuters)
    // - Skyra said …", or an acronym after the name it shortens)
    let mut orgs = entities.iter().filter(|m| {
        m.label == EntityLabel::Org
            && m.span.start >= from
            && m.span.end <= before
            && !(text[..m.span.start].ends_with('(') && text[m.span.end..].starts_with(')'))
            // (nor the one told: "In an email to Reuters, the company said …")
            && !text[..m.span.start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "to" | "told"))
    });
    let first = orgs.next()?;
    let name = first.span.text(text);
    if !orgs.all(|m| m.span.text(text) == name) {
        return None;
    }
    let spoke = earlier.iter().rev().take(3).any(|q| {
        q.speaker.as_ref().is_some_and(|s| {
            s.mention.start >= from
                && s.mention.end <= before
                && s.mention.text(text).contains(name)
        }) && !q.cue.is_some_and(|c| {
            let l = c.text(text).to_lowercase();
            l.starts_with("report") || l.starts_with("according")
        })
    });
    let described = noun.is_some_and(|noun| {
        let is_noun = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case(noun)
        };
        let first_tok = doc.token_at_or_after(first.span.start);
        let sentence_start = doc.tokens[doc.sentences[doc.sentence_of(first_tok)].tokens.start]
            .span
            .start;
        text[sentence_start..first.span.start]
            .split_whitespace()
            .rev()
            .take(4)
            .any(is_noun)
            || text[first.span.end..]
                .strip_prefix(',')
                .is_some_and(|rest| rest.split_whitespace().take(5).any(is_noun))
    });
    (spoke || described).then_some(first)
}

/// The person a definite description `head` ("the Democratic governor") before `before`
/// refers back to, if the article shows it plainly: among the people named (outside
/// quotes) in the three sentences before, the one whose title run or appositive holds
/// the role and every word of the description ("Kansas Gov. Laura Whitfield" is "the
/// governor", not "the Republican governor"; "Vice President Mike Pence" is no
/// "president"), or, when none holds them all, the role and no other nationality or
/// compound ("vice", "prime"). Two people who fit name neither. (A nationality, "the
/// Croatian", is left as it is: nothing in the text tells whose it is.)
fn described_person<'m>(
    text: &str,
    doc: &Doc,
    entities: &'m [Mention],
    earlier: &[Quote],
    head: &str,
    before: usize,
) -> Option<&'m Mention> {
    let words: Vec<String> = head
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let noun = words.last()?.as_str();
    // (roles that name one person, not any of many: "the official", "the aide" and "the
    // expert" are as often someone new)
    let role = matches!(
        noun,
        "governor"
            | "senator"
            | "congressman"
            | "congresswoman"
            | "mayor"
            | "president"
            | "minister"
            | "chancellor"
            | "premier"
            | "judge"
            | "ambassador"
            | "manager"
            | "coach"
            | "chairman"
            | "chairwoman"
            | "commissioner"
            | "general"
            | "professor"
            | "secretary"
            | "nominee"
            | "candidate"
    );
    let abbreviation = match noun {
        "governor" => "gov",
        "senator" => "sen",
        "congressman" | "congresswoman" => "rep",
        "general" => "gen",
        "professor" => "prof",
        "president" => "pres",
        "ambassador" => "amb",
        _ => noun,
    };
    let head_at = doc.token_at_or_after(before);
    if !role || head_at >= doc.tokens.len() {
        return None;
    }
    let head_sentence = doc.sentence_of(head_at);
    // people named outside quotes, last first, in the sentences allowed
    let people: Vec<&Mention> = entities
        .iter()
        .rev()
        .filter(|m| {
            m.span.end <= before
                && m.label == EntityLabel::Per
                && !earlier.iter().any(|q| q.span.contains(m.span))
        })
        .take_while(|m| {
            let at = doc.token_at_or_after(m.span.start);
            at < doc.tokens.len() && head_sentence - doc.sentence_of(at) <= 3
        })
        .collect();
    // (a word before the role that makes it another role: "vice president", "Lt. Gov.")
    const COMPOUND: &[&str] = &[
        "vice",
        "lt",
        "lieutenant",
        "deputy",
        "attorney",
        "surgeon",
        "prime",
        "former",
        "acting",
        "assistant",
        "first",
    ];
    // (every word of the description in the evidence, or, when no one has them all, the
    // role alone for one person only, unless a nationality is missing: "the Russian
    // president" is not President Trump)
    let describes = |evidence: &[String], all_words: bool| {
        evidence.iter().enumerate().any(|(j, w)| {
            (w == noun || w == abbreviation)
                && !(j > 0
                    && COMPOUND.contains(&evidence[j - 1].as_str())
                    && !words.contains(&evidence[j - 1]))
        }) && words[..words.len() - 1].iter().all(|w| {
            evidence.contains(w)
                || !all_words
                    && crate::pipeline::gazetteer::country_of_demonym(w).is_none()
                    && !COMPOUND.contains(&w.as_str())
        })
    };
    let evidence_of = |m: &Mention| {
        let at = doc.token_at_or_after(m.span.start);
        let after = doc.token_at_or_after(m.span.end);
        let lw = |k: usize| {
            doc.tokens[k]
                .span
                .text(text)
                .trim_end_matches('.')
                .to_lowercase()
        };
        let said = |k: usize| {
            let w = lw(k);
            w == noun || w == abbreviation
        };
        // the words right before the name ("Kansas Gov. Laura Whitfield", "Rovers manager
        // Luka Kovač"), then an appositive right after it (", the former president,")
        let sent = &doc.sentences[doc.sentence_of(at)];
        let mut title_run: Vec<String> = (sent.tokens.start.max(at.saturating_sub(5))..at)
            .rev()
            .take_while(|&k| {
                let t = doc.tokens[k].span.text(text);
                t == "."
                    || doc.tokens[k].is_word() && (t.starts_with(char::is_uppercase) || said(k))
            })
            .filter(|&k| doc.tokens[k].is_word())
            .map(lw)
            .collect();
        title_run.reverse();
        // ("Morocco's foreign minister, Salaheddine Mezouar, said": a description set
        // off before the name, from the sentence's start)
        if at > sent.tokens.start + 2
            && doc.tokens[at - 1].span.text(text) == ","
            && opening_description(text, doc, sent.tokens.start, at - 1)
        {
            title_run.extend(
                (sent.tokens.start..at - 1)
                    .filter(|&k| doc.tokens[k].is_word())
                    .map(lw),
            );
        }
        // (not the description being resolved itself: "In an interview with hosts Joe
        // Scarborough and Mika Brzezinski, the Democratic presidential candidate said")
        let appositive: Vec<String> = if after + 1 < sent.tokens.end
            && after + 1 != head_at
            && doc.tokens[after].span.text(text) == ","
            && matches!(lw(after + 1).as_str(), "the" | "a" | "an" | "its" | "their")
        {
            (after + 1..sent.tokens.end.min(after + 9))
                .take_while(|&k| doc.tokens[k].is_word() || doc.tokens[k].span.text(text) == ".")
                .filter(|&k| doc.tokens[k].is_word())
                .map(lw)
                .collect()
        } else {
            Vec::new()
        };
        (title_run, appositive)
    };
    // (one person only: "President Trump met French President Emmanuel Macron. The
    // president said" names neither)
    let evidence: Vec<_> = people
        .iter()
        .take(4)
        .map(|m| (*m, evidence_of(m)))
        .collect();
    let only = |all_words: bool| {
        let mut fits = evidence
            .iter()
            .filter(|(_, (run, app))| describes(run, all_words) || describes(app, all_words))
            .map(|(m, _)| *m);
        let first = fits.next()?;
        let same = |m: &Mention| m.span.text(text) == first.span.text(text);
        fits.all(same).then_some(first)
    };
    only(true).or_else(|| only(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::segment::segment;

    /// Quotes found and attributed in `text` with the given entities.
    fn find_and_attribute(text: &str, entities: &[Mention]) -> Vec<Quote> {
        let doc = segment(text);
        let found = crate::pipeline::quotes::find_quotes(text, &doc, entities);
        attribute(text, &doc, entities, found)
    }

    fn parse(text: &str, entities: &[Mention]) -> (String, Option<String>, Option<String>) {
        let doc = segment(text);
        let p = parse_speaker(text, &doc, entities, Span::new(0, text.len()));
        (p.head.text(text).to_string(), p.role, p.affiliation)
    }

    fn ent(text: &str, s: &str, label: EntityLabel) -> Mention {
        let at = text.find(s).unwrap();
        Mention {
            span: Span::new(at, at + s.len()),
            label,
            actor: None,
        }
    }

    #[test]
    fn a_definite_description_refers_back_to_the_person_it_describes() {
        let speaker = |t: &str, names: &[(&str, EntityLabel)]| {
            let e: Vec<Mention> = names.iter().map(|&(n, l)| ent(t, n, l)).collect();
            find_and_attribute(t, &e)
                .last()
                .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        };
        use EntityLabel::{Misc, Per};
        let t = "Kansas Gov. Laura Whitfield on Friday vetoed the bill. The Democratic governor said the measure would drain money from public schools.";
        assert_eq!(
            speaker(t, &[("Laura Whitfield", Per), ("Democratic", Misc)]).as_deref(),
            Some("Laura Whitfield")
        );
        let t = "Bernie Sanders, the Vermont senator, spoke for an hour. The senator said the system was rigged.";
        assert_eq!(
            speaker(t, &[("Bernie Sanders", Per)]).as_deref(),
            Some("Bernie Sanders")
        );
        // (a secretary, a nominee, a candidate)
        let t = "Health and Human Services Secretary Tom Price struck a defiant tone. \"I have followed every rule,\" the secretary said.";
        assert_eq!(
            speaker(t, &[("Tom Price", Per)]).as_deref(),
            Some("Tom Price")
        );
        let t = "Supreme Court nominee Neil M. Gorsuch testified on Tuesday. \"I follow the law,\" the nominee said.";
        assert_eq!(
            speaker(t, &[("Neil M. Gorsuch", Per)]).as_deref(),
            Some("Neil M. Gorsuch")
        );
        let t = "Republican Gov. Chris Christie praised Democratic Gov. Andrew Cuomo on Monday. The Republican governor said the plan was fair.";
        assert_eq!(
            speaker(t, &[("Chris Christie", Per), ("Andrew Cuomo", Per)]).as_deref(),
            Some("Chris Christie")
        );
        // not a person the role word does not describe, nor another role ("vice
        // president"), nor a missing nationality, nor one of two who fit, nor a name
        // inside a quotation, nor a nationality
        for (t, names, not) in [
            ("Christie stood behind Donald Trump on Tuesday. The governor said the endorsement was sincere.", &[("Christie", Per), ("Donald Trump", Per)][..], "Donald Trump"),
            ("Vice President Mike Pence met Trump at the White House on Monday. The president said the talks had gone well.", &[("Mike Pence", Per), ("Trump", Per)][..], "Mike Pence"),
            ("Pence spoke after President Donald Trump's address. The vice president said the country was united.", &[("Pence", Per), ("Donald Trump", Per)][..], "Donald Trump"),
            ("President Donald Trump called Vladimir Putin on Tuesday. The Russian president said the two leaders spoke.", &[("Donald Trump", Per), ("Vladimir Putin", Per)][..], "Donald Trump"),
            ("President Trump met French President Emmanuel Macron on Monday. The president said the talks were productive.", &[("Trump", Per), ("Emmanuel Macron", Per)][..], "Emmanuel Macron"),
            ("Gov. Greg Abbott appeared with Lt. Gov. Dan Patrick in Austin. The lieutenant governor said the state would appeal.", &[("Greg Abbott", Per), ("Dan Patrick", Per)][..], "Greg Abbott"),
            ("Trump said: “President Obama was a disaster.” The president said the economy was booming.", &[("Trump", Per), ("Obama", Per)][..], "Obama"),
            ("Trump met Vladimir Putin in Helsinki on Monday. The American said the meeting went well.", &[("Vladimir Putin", Per)][..], "Vladimir Putin"),
            // (the description itself, after a name that closes an opening phrase)
            ("In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate said the comments did not fit.", &[("Joe Scarborough", Per), ("Mika Brzezinski", Per)][..], "Mika Brzezinski"),
        ] {
            assert_ne!(speaker(t, names).as_deref(), Some(not), "{t}");
        }
    }

    #[test]
    fn a_continuation_goes_on_from_the_reading_that_won() {
        let t = "America needs leaders “who understand that bombastic comments in turbulent times can actually cause more turbulence,” Clinton said.\n\n“And that’s why steady, experienced leadership is so important at times like these.”";
        let e = [
            ent(t, "America", EntityLabel::Loc),
            ent(t, "Clinton", EntityLabel::Per),
        ];
        let q = find_and_attribute(t, &e);
        let last = q.last().expect("quotes");
        assert!(last.span.text(t).starts_with("“And that’s why"), "{q:?}");
        assert_eq!(
            last.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Clinton")
        );
    }

    #[test]
    fn a_comma_inside_a_number_splits_no_speaker() {
        let t = "a study of more than 80,000 adults";
        assert_eq!(parse(t, &[]).0, t);
    }

    #[test]
    fn an_interjection_before_the_subject_is_not_the_speaker() {
        assert_eq!(parse("Sure, official data", &[]).0, "official data");
        // nor an opening subordinate phrase
        let t = "Despite challenging the trustworthiness of the Republican majority leader, Cruz";
        assert_eq!(parse(t, &[ent(t, "Cruz", EntityLabel::Per)]).0, "Cruz");
    }

    #[test]
    fn a_possessor_before_a_title_is_not_the_speaker() {
        let t = "Mr. Trump's campaign chairman, Paul Manafort";
        let e = [
            ent(t, "Trump", EntityLabel::Per),
            ent(t, "Paul Manafort", EntityLabel::Per),
        ];
        assert_eq!(parse(t, &e).0, "Paul Manafort");
        assert_eq!(parse(t, &[]).0, "Paul Manafort");
    }

    #[test]
    fn a_possessors_noun_before_a_name_describes_it() {
        let t = "Scott's niece, state Del. Marcia Price (D-Newport News)";
        let e = [
            ent(t, "Scott", EntityLabel::Per),
            ent(t, "Marcia Price", EntityLabel::Per),
        ];
        assert_eq!(parse(t, &e).0, "Marcia Price");
    }

    #[test]
    fn appositive_gives_role_and_affiliation() {
        let t = "Oana Lungescu, the NATO spokesperson";
        let e = [
            ent(t, "Oana Lungescu", EntityLabel::Per),
            ent(t, "NATO", EntityLabel::Org),
        ];
        assert_eq!(
            parse(t, &e),
            (
                "Oana Lungescu".into(),
                Some("spokesperson".into()),
                Some("NATO".into())
            )
        );
        // and without entities, from capitalisation alone
        assert_eq!(
            parse(t, &[]),
            (
                "Oana Lungescu".into(),
                Some("spokesperson".into()),
                Some("NATO".into())
            )
        );
    }

    #[test]
    fn a_persons_campaign_or_office_is_its_own_speaker() {
        let t = "O’Malley’s campaign";
        let e = [ent(t, "O’Malley", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "O’Malley’s campaign");
        // but a person named after a possessive is that person
        let t = "Trump’s spokeswoman Hope Hicks";
        let e = [
            ent(t, "Trump", EntityLabel::Per),
            ent(t, "Hope Hicks", EntityLabel::Per),
        ];
        assert_eq!(parse(t, &e).0, "Hope Hicks");
        // nor is a name that modifies a noun
        let t = "a Clinton campaign spokesman";
        let e = [ent(t, "Clinton", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "Clinton campaign spokesman");
        let t = "the Christie supporter";
        let e = [ent(t, "Christie", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "Christie supporter");
        // people who speak for a person are not that person
        let t = "Advisers to Mr. Rubio";
        let e = [ent(t, "Rubio", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "Advisers to Mr. Rubio");
    }

    #[test]
    fn where_someone_lives_is_no_affiliation() {
        let t = "Woodrow Benford, 58, who lives outside Minneapolis";
        let e = [
            ent(t, "Woodrow Benford", EntityLabel::Per),
            ent(t, "Minneapolis", EntityLabel::Loc),
        ];
        assert_eq!(parse(t, &e), ("Woodrow Benford".into(), None, None));
        // a relative clause of work still gives one
        let t = "Jane Doe, who works for NATO";
        let e = [
            ent(t, "Jane Doe", EntityLabel::Per),
            ent(t, "NATO", EntityLabel::Org),
        ];
        assert_eq!(parse(t, &e).2.as_deref(), Some("NATO"));
    }

    #[test]
    fn an_age_before_a_name_is_not_part_of_it() {
        let t = "76-year-old Morton Blackwell";
        let e = [ent(t, "Morton Blackwell", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "Morton Blackwell");
    }

    #[test]
    fn a_person_is_the_head_before_a_capitalised_description() {
        let t = "Leeds City Council's executive member for communities, Cllr Joanne Pryce";
        let e = [
            ent(t, "Leeds City Council", EntityLabel::Org),
            ent(t, "Joanne Pryce", EntityLabel::Per),
        ];
        assert_eq!(parse(t, &e).0, "Joanne Pryce");
        // a name qualifying the description's noun is no person of the description
        let t = "The EU's chief Brexit negotiator, Michel Barnier";
        let e = [
            ent(t, "Brexit", EntityLabel::Per),
            ent(t, "Michel Barnier", EntityLabel::Per),
        ];
        assert_eq!(parse(t, &e).0, "Michel Barnier");
        // nor is a name in a relative clause on the subject
        let t = "The senator, who met with Garland";
        let e = [ent(t, "Garland", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "The senator");
    }

    #[test]
    fn a_description_before_an_organisation_is_no_part_of_its_name() {
        for (t, org) in [
            (
                "the city's transport operator Wiener Linien",
                "Wiener Linien",
            ),
            ("Energy network operator Western Grid", "Western Grid"),
        ] {
            let e = [ent(t, org, EntityLabel::Org)];
            assert_eq!(parse(t, &e).0, org);
        }
        // people at an organisation are not it
        let t = "analysts at Nordhavn Securities";
        let e = [ent(t, "Nordhavn Securities", EntityLabel::Org)];
        assert_eq!(parse(t, &e).0, t);
    }

    #[test]
    fn an_opener_is_no_name_segment() {
        let t = "On Tuesday, his wife, Jane";
        let e = [ent(t, "Jane", EntityLabel::Per)];
        assert_eq!(parse(t, &e).0, "Jane");
    }

    #[test]
    fn title_before_name() {
        let t = "The US secretary of state, Antony Blinken";
        assert_eq!(
            parse(t, &[]),
            (
                "Antony Blinken".into(),
                Some("secretary of state".into()),
                Some("US".into())
            )
        );
        let t = "US secretary of state Antony Blinken";
        let e = [
            ent(t, "US", EntityLabel::Loc),
            ent(t, "Antony Blinken", EntityLabel::Per),
        ];
        assert_eq!(
            parse(t, &e),
            (
                "Antony Blinken".into(),
                Some("secretary of state".into()),
                Some("US".into())
            )
        );
    }

    #[test]
    fn pronoun_prefers_a_subject_to_a_possessor() {
        let text = "“No,” Mark Cuban said. Later, Marco Rubio attacked Donald Trump’s policy. “I don’t know if that works,” he said.";
        let e = [
            ent(text, "Mark Cuban", EntityLabel::Per),
            ent(text, "Marco Rubio", EntityLabel::Per),
            ent(text, "Donald Trump", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        let last = q.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(last.name, "Marco Rubio", "{q:?}");
    }

    #[test]
    fn pronoun_takes_a_previous_speaker_the_tagger_did_not_call_a_person() {
        // (the tagger read "RoseAnn DeMoro" as an organisation; her role says otherwise)
        let text =
            "Debbie Wasserman Schultz said the party was united. “We are together,” she said. \
                    RoseAnn DeMoro, executive director of National Nurses United, also said her \
                    group planned to protest. “We will be a significant force,” she said.";
        let e = [
            ent(text, "Debbie Wasserman Schultz", EntityLabel::Per),
            ent(text, "RoseAnn DeMoro", EntityLabel::Org),
            ent(text, "National Nurses United", EntityLabel::Org),
        ];
        let q = find_and_attribute(text, &e);
        let last = q.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(last.name, "RoseAnn DeMoro", "{q:?}");
    }

    #[test]
    fn a_continuation_goes_on_from_quoted_words_not_a_reported_clause_after_them() {
        let text = "“It is everything but Hillary Clinton,” Le Pen told CNN in an interview when \
                    asked which U.S. candidate she would back.\n\n“It is everything but Hillary \
                    Clinton because I believe Hillary Clinton means war and devastation.”";
        let e = [
            ent(text, "Le Pen", EntityLabel::Per),
            ent(text, "CNN", EntityLabel::Org),
        ];
        let q = find_and_attribute(text, &e);
        let last = q.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(last.name, "Le Pen", "{q:?}");
        assert_eq!(last.how, SpeakerSource::Continuation, "{q:?}");
    }

    #[test]
    fn pronoun_prefers_a_sentence_subject_to_a_name_in_its_clause() {
        let text = "“No,” Mark Cuban said. Paul Nehlen responded Friday to reports that Donald Trump planned to endorse his opponent. “Speaker Ryan will never abandon open borders,” he said.";
        let e = [
            ent(text, "Mark Cuban", EntityLabel::Per),
            ent(text, "Paul Nehlen", EntityLabel::Per),
            ent(text, "Donald Trump", EntityLabel::Per),
            ent(text, "Ryan", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        let last = q.last().unwrap().speaker.as_ref().unwrap();
        assert_eq!(last.name, "Paul Nehlen", "{q:?}");
    }

    #[test]
    fn overlapping_quotes_keep_the_more_confident_reading() {
        let q = |start, end, confidence| Quote {
            span: Span::new(start, end),
            kind: crate::pipeline::QuoteKind::Indirect,
            cue: None,
            speaker: None,
            confidence,
        };
        // two readings of one stretch, and a quote that only touches the stronger one
        let kept = without_overlaps(vec![q(10, 60, 0.5), q(20, 60, 0.8), q(55, 200, 0.4)]);
        let spans: Vec<(usize, usize)> = kept.iter().map(|k| (k.span.start, k.span.end)).collect();
        assert_eq!(spans, [(20, 60), (55, 200)]);
        // equal confidence: the longer stays
        let kept = without_overlaps(vec![q(0, 30, 0.6), q(5, 30, 0.6)]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].span, Span::new(0, 30));
    }

    #[test]
    fn a_name_after_of_is_not_the_speaker() {
        let text = "Holger Schmieding of Berenberg said no.";
        let e = [
            ent(text, "Holger Schmieding", EntityLabel::Per),
            ent(text, "Berenberg", EntityLabel::Per),
        ];
        let p = parse_speaker(text, &segment(text), &e, Span::new(0, 30));
        assert_eq!(p.head.text(text), "Holger Schmieding");
    }

    #[test]
    fn pronoun_takes_previous_speaker() {
        let text = "“No,” Antony Blinken said. “Yes,” he said.";
        let e = [ent(text, "Antony Blinken", EntityLabel::Per)];
        let q = find_and_attribute(text, &e);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Antony Blinken");
        assert_eq!(q[1].speaker.as_ref().unwrap().how, SpeakerSource::Pronoun);
        assert!(
            q[1].speaker.as_ref().unwrap().confidence < q[0].speaker.as_ref().unwrap().confidence
        );
    }

    #[test]
    fn pronoun_skips_a_displaced_reading() {
        // "Obama shows “great charm”" is a second, weaker reading of words the first
        // quote already covers: it is no previous speaker for "he"
        let text = "Westmacott also said that Obama shows “great charm” and exhibits a fondness for the United Kingdom.\n\n“President Obama seems fond of the UK,” he said.";
        let e = [
            ent(text, "Westmacott", EntityLabel::Per),
            ent(text, "Obama", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Westmacott");
    }

    #[test]
    fn an_object_after_a_pronoun_subject_is_not_subject_like() {
        let text = "Hillary Clinton campaigned in Wisconsin. She hugged Fields after the rally.\n\n“It is very dangerous,” she said.";
        let e = [
            ent(text, "Hillary Clinton", EntityLabel::Per),
            ent(text, "Fields", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        let said = q.last().expect("the quotation");
        assert_eq!(said.span.text(text), "“It is very dangerous,”");
        assert_eq!(
            said.speaker.as_ref().unwrap().name,
            "Hillary Clinton",
            "{q:?}"
        );
    }

    #[test]
    fn a_name_qualifying_a_noun_is_no_referent() {
        let text = "Mattie Thomas is a retired worker. She's a Sanders supporter.\n\n“They have a perception of the Clintons,” she said.";
        let e = [
            ent(text, "Mattie Thomas", EntityLabel::Per),
            ent(text, "Sanders", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "Mattie Thomas");
    }

    #[test]
    fn names_in_the_last_speakers_appositive_are_no_nearer_referent() {
        let text = "“Some accusations are difficult to prove,” said Grant Green, an official under Presidents Reagan and George W. Bush.\n\n“It has to be something the guy in Omaha can understand,” he said.";
        let e = [
            ent(text, "Grant Green", EntityLabel::Per),
            ent(text, "Reagan", EntityLabel::Per),
            ent(text, "George W. Bush", EntityLabel::Per),
        ];
        let q = find_and_attribute(text, &e);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].speaker.as_ref().unwrap().name, "Grant Green");
    }

    #[test]
    fn titles_give_genders_in_one_pass() {
        let t = TitledSurnames::new("Mr. Trump met Mrs. Clinton. Ms. Trump's speech. Amr. Ali.");
        assert_eq!(t.title_gender("Clinton"), Some(Gender::Female));
        // the female title wins, as a name search would find it first
        assert_eq!(t.title_gender("Trump"), Some(Gender::Female));
        assert_eq!(t.title_gender("Ali"), None);
        let t = TitledSurnames::new("Mr. O’Brien said so.");
        assert_eq!(t.title_gender("O’Brien"), Some(Gender::Male));
        // a given name in the name itself comes first: a shared surname does not decide
        let text = "Mrs. Clinton spoke. Bill Clinton said it was fine.";
        let g = Genders::new(text, &[]);
        assert_eq!(gender(&g, "Bill Clinton"), Some(Gender::Male));
        for (name, word) in [
            ("Hillary Clinton", "Clinton"),
            ("Clinton", "Clinton"),
            ("Hillary Clinton ", "Clinton"),
            ("McClinton", "Clinton"),
            ("Clinton Foundation", "Clinton"),
            ("Bill\u{a0}Clinton", "Clinton"),
            ("", "Clinton"),
            ("Clinton’s Clinton", "Clinton"),
        ] {
            assert_eq!(
                last_word_is(name, word),
                name.split_whitespace().next_back() == Some(word),
                "{name:?}"
            );
        }
        assert_eq!(gender(&g, "Clinton"), Some(Gender::Female));
    }

    /// `t.split_whitespace().next_back() == Some(word)` for a word without white space, but
    /// without splitting `t`: asked of every person mention each time a pronoun is resolved.
    fn last_word_is(t: &str, word: &str) -> bool {
        t.trim_end()
            .strip_suffix(word)
            .is_some_and(|rest| rest.chars().next_back().is_none_or(char::is_whitespace))
    }

    /// The fullest name ending in a surname, as `gender` once found it: by scanning the
    /// entities for the longest person mention of two words or more whose last word it is.
    /// (The last of the longest: "Chelsea  Clinton" and "Hillary\u{a0}Clinton" below are
    /// as long.)
    fn fullest_by_scan<'a>(text: &'a str, entities: &[Mention], surname: &str) -> Option<&'a str> {
        entities
            .iter()
            .filter(|m| m.label == EntityLabel::Per)
            .map(|m| m.span.text(text))
            .filter(|t| last_word_is(t, surname) && t.split_whitespace().count() >= 2)
            .max_by_key(|t| t.len())
    }

    #[test]
    fn the_fullest_name_of_a_surname_is_the_one_a_scan_finds() {
        let text = "Hillary Clinton met Bill Clinton, Clinton, Chelsea  Clinton and H. R. Clinton \
            and Hillary\u{a0}Clinton and Mr. Clinton’s Clinton; the Clinton Foundation; \
            Hillary Rodham Clinton, Donald Trump, Trump and Donald J. Trump.";
        let mut entities = Vec::new();
        for name in [
            "Hillary Clinton",
            "Bill Clinton",
            "Clinton",
            "Chelsea  Clinton",
            "H. R. Clinton",
            "Hillary\u{a0}Clinton",
            "Clinton’s Clinton",
            "Clinton Foundation",
            "Hillary Rodham Clinton",
            "Donald Trump",
            "Trump",
            "Donald J. Trump",
        ] {
            for label in [EntityLabel::Per, EntityLabel::Org] {
                entities.push(ent(text, name, label));
            }
        }
        // every prefix of the list, so ties and orders vary
        for n in 0..=entities.len() {
            let g = Genders::new(text, &entities[..n]);
            for surname in [
                "Clinton",
                "Trump",
                "Foundation",
                "Rodham",
                "Hillary",
                "R.",
                "x",
            ] {
                assert_eq!(
                    g.fullest.get(surname).copied(),
                    fullest_by_scan(text, &entities[..n], surname),
                    "{surname} with {n} entities"
                );
            }
        }
    }

    #[test]
    fn nominal_org_resolves() {
        let text = "NATO met on Friday. The alliance said it would not renounce its ability to defend members.";
        let e = [ent(text, "NATO", EntityLabel::Org)];
        let q = find_and_attribute(text, &e);
        assert_eq!(q[0].speaker.as_ref().unwrap().name, "NATO");
        assert_eq!(q[0].speaker.as_ref().unwrap().how, SpeakerSource::Nominal);
    }

    #[test]
    fn a_kind_of_organisation_is_the_one_named_just_before() {
        let name = |text: &str, orgs: &[&str]| {
            let e: Vec<Mention> = orgs
                .iter()
                .map(|o| ent(text, o, EntityLabel::Org))
                .collect();
            let q = find_and_attribute(text, &e);
            q.last()
                .and_then(|q| q.speaker.as_ref())
                .map(|s| s.name.clone())
        };
        let t = "Train operator Northway Rail has cancelled all services. The operator said it expected disruption to continue.";
        assert_eq!(
            name(t, &["Northway Rail"]).as_deref(),
            Some("Northway Rail")
        );
        let t = "Northway Rail, the region's train operator, has cancelled all services. The operator said it expected disruption to continue.";
        assert_eq!(
            name(t, &["Northway Rail"]).as_deref(),
            Some("Northway Rail")
        );
        // nothing ties the organisation to the noun: it stays as written ("The Justice
        // Department sued a Texas oil refiner": the company is the refiner; a news
        // report's source is not the company either)
        let t = "Northway Rail has cancelled all services. The operator said it expected disruption to continue.";
        assert_eq!(name(t, &["Northway Rail"]).as_deref(), Some("The operator"));
        let t = "The Justice Department sued a Texas oil refiner over emissions. The company said the claims were baseless.";
        assert_eq!(
            name(t, &["Justice Department"]).as_deref(),
            Some("The company")
        );
        let t = "On Monday, Reuters reported that the startup had laid off half its staff. The company said the report was inaccurate.";
        assert_eq!(name(t, &["Reuters"]).as_deref(), Some("The company"));
        let t = "The RNLI said its crews had rescued two people. Both were taken to hospital, according to the charity.";
        assert_eq!(name(t, &["RNLI"]).as_deref(), Some("RNLI"));
        // two organisations, or one that is not the subject: it stays as written
        let t = "Acme sued Globex on Monday. The company said the patents were invalid.";
        assert_eq!(name(t, &["Acme", "Globex"]).as_deref(), Some("The company"));
        let t = "CNBC moderator Carl Quintanilla asked about a supplement maker. The company said it had done nothing wrong.";
        assert_eq!(name(t, &["CNBC"]).as_deref(), Some("The company"));
        let t =
            "Hundreds marched outside Temple University. The group said the police had to change.";
        assert_eq!(
            name(t, &["Temple University"]).as_deref(),
            Some("The group")
        );
    }

    #[test]
    fn an_unnamed_spokesperson_speaks_for_the_organisation_just_named() {
        let t = "Water UK argued that pay was linked to performance. A spokesperson said the sector was investing record sums.";
        let e = [ent(t, "Water UK", EntityLabel::Org)];
        let q = find_and_attribute(t, &e);
        let s = q[1].speaker.as_ref().unwrap();
        assert_eq!(s.name, "A spokesperson");
        assert_eq!(s.affiliation.as_deref(), Some("Water UK"));
        assert_eq!(s.role.as_deref(), Some("spokesperson"));
        // (one who speaks for someone else, or after a news report: no affiliation)
        let t = "The Metropolitan Police said a woman had been arrested. A spokesman for her family said they were relieved.";
        let e = [ent(t, "Metropolitan Police", EntityLabel::Org)];
        let q = find_and_attribute(t, &e);
        assert_eq!(q[1].speaker.as_ref().unwrap().affiliation, None);
        let t = "The BBC reported that the minister would resign. A spokesperson said he had no plans to step down.";
        let e = [ent(t, "BBC", EntityLabel::Org)];
        let q = find_and_attribute(t, &e);
        assert_eq!(
            q.last().unwrap().speaker.as_ref().unwrap().affiliation,
            None
        );
        let t = "In a statement, Northway Rail said fewer tickets were bought at stations. “The way our customers buy tickets has changed,” the statement said.";
        let e = [ent(t, "Northway Rail", EntityLabel::Org)];
        let q = find_and_attribute(t, &e);
        let s = q[1].speaker.as_ref().unwrap();
        assert_eq!(s.name, "the statement");
        assert_eq!(s.affiliation.as_deref(), Some("Northway Rail"), "{s:?}");
        // two organisations: whose it is stays open
        let t = "Acme sued Globex. A spokesman said the claim had no merit.";
        let e = [
            ent(t, "Acme", EntityLabel::Org),
            ent(t, "Globex", EntityLabel::Org),
        ];
        let q = find_and_attribute(t, &e);
        assert_eq!(q[0].speaker.as_ref().unwrap().affiliation, None);
    }

    proptest::proptest! {
        #[test]
        fn period_spaces_are_the_matches_of_a_period_and_a_space(s in "[. a\u{a0}\u{2026}]{0,40}") {
            let want: Vec<usize> = s.match_indices(". ").map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(period_spaces(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn a_description_set_off_before_a_name_describes_that_person() {
        let speaker = |t: &str, names: &[&str]| {
            let e: Vec<Mention> = names.iter().map(|n| ent(t, n, EntityLabel::Per)).collect();
            find_and_attribute(t, &e)
                .last()
                .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        };
        // "the minister" after "Morocco's foreign minister, NAME,"
        let t = "Morocco's foreign minister, Salaheddine Mezouar, said the text sent a strong signal. \
                 “No one can reverse what the peoples of the world have decided,” the minister told reporters.";
        assert_eq!(
            speaker(t, &["Salaheddine Mezouar"]).as_deref(),
            Some("Salaheddine Mezouar")
        );
        let t = "Senators met FDA Commissioner Robert Califf on Tuesday. “I understand the anger,” the commissioner said.";
        assert_eq!(
            speaker(t, &["Robert Califf"]).as_deref(),
            Some("Robert Califf")
        );
        // "he" after "The panel's top Democrat, Sen. NAME, was …" is that name, the
        // subject, not the one who spoke before
        let t = "Committee Chairman Bob Corker said the nominee was qualified. The panel's top Democrat, \
                 Sen. Ben Cardin of Maryland, was less impressed. He said the answers were troubling.";
        assert_eq!(
            speaker(t, &["Bob Corker", "Ben Cardin"]).as_deref(),
            Some("Ben Cardin")
        );
        // (not after a verb or a preposition: "took his daughter, Chloe,")
        let t = "Mourners gathered. Andrew Hale took his young daughter, Chloe, there on Sunday. He said he hoped to be like Ali.";
        assert_eq!(
            speaker(t, &["Andrew Hale", "Chloe"]).as_deref(),
            Some("Andrew Hale")
        );
    }

    #[test]
    fn a_place_a_description_ends_with_is_no_surname() {
        let t = "Agent Tom Weslaco retired. One veteran agent in Weslaco said his station had gone entire shifts unwatched.";
        let e = [ent(t, "Tom Weslaco", EntityLabel::Per), {
            let at = t.rfind("Weslaco").unwrap();
            Mention {
                span: Span::new(at, at + 7),
                label: EntityLabel::Per,
                actor: None,
            }
        }];
        let (head, _, _) = parse(&t[t.find("One").unwrap()..t.find(" said").unwrap()], &[]);
        assert_eq!(head, "One veteran agent in Weslaco");
        let q = find_and_attribute(t, &e);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].speaker.as_ref().unwrap().mention.text(t),
            "One veteran agent in Weslaco"
        );
    }

    #[test]
    fn an_opener_that_is_no_description_describes_no_one() {
        let speaker = |t: &str, names: &[&str]| {
            let e: Vec<Mention> = names.iter().map(|n| ent(t, n, EntityLabel::Per)).collect();
            find_and_attribute(t, &e)
                .last()
                .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        };
        let t = "In a letter to the governor, Trump said he would send agents. “We do not need the help,” the governor said.";
        assert_eq!(speaker(t, &["Trump"]).as_deref(), Some("the governor"));
        let t = "Unlike the senator, Trump has never held office. “I will not apologize,” the senator said.";
        assert_eq!(speaker(t, &["Trump"]).as_deref(), Some("the senator"));
        // a time opener is no description of the name after it, which is no subject
        // when it qualifies another name
        // (a document from someone is theirs)
        let t = "A letter from Comey said the FBI had found new emails.";
        assert_eq!(speaker(t, &["Comey"]).as_deref(), Some("Comey"));
        let t = "A week after the vote, Clinton campaign chairman John Podesta released a memo. He said the race was tightening.";
        assert_eq!(
            speaker(t, &["Clinton", "John Podesta"]).as_deref(),
            Some("John Podesta")
        );
    }
}
