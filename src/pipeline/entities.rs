//! Named entities (PER / ORG / LOC / MISC): a greedy averaged-perceptron tagger over
//! BILOU tags (see `ner`), trained on CoNLL-2003 English train with `verbatim train-ner`.
//! The model is compiled into the binary from `data/ner.model`.

use super::gazetteer;
use super::lexicon;
use super::ner::{self, Weights};
use super::segment::{Doc, Token, TokenKind};
use super::{EntityLabel, Mention, Span};

static EMBEDDED: &[u8] = include_bytes!("../../data/ner.model");

pub struct NerModel {
    weights: Weights,
}

impl NerModel {
    /// The model shipped in the binary. Panics only if the committed file is corrupt.
    pub fn embedded() -> Self {
        // Build the gazetteer now, not on the first article.
        let _ = super::gazetteer::get();
        NerModel {
            weights: Weights::from_bytes(EMBEDDED).expect("data/ner.model is a valid model"),
        }
    }

    /// A model from serialised weights (as `train-ner` writes them).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        Ok(NerModel {
            weights: Weights::from_bytes(bytes)?,
        })
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Tags every sentence of `doc` (whose spans point into `text`).
    pub fn tag(&self, text: &str, doc: &Doc) -> Vec<Mention> {
        let tags = ner::decode(text, doc, &self.weights, true, |_, _, _| {});
        let mut mentions: Vec<Mention> = ner::tags_to_spans(doc, &tags)
            .into_iter()
            .map(|(span, label)| Mention {
                span,
                label,
                actor: None,
            })
            .collect();
        for m in &mut mentions {
            if m.label == EntityLabel::Per {
                m.span = without_lowercase_tail(text, m.span);
            }
        }
        mentions.retain(|m| {
            !is_adverb_opener(text, m.span) && !is_participle_opener(text, doc, m.span)
        });
        names_after_a_role(text, &mut mentions);
        titled_names(text, doc, &mut mentions);
        shaped_person_names(text, doc, &mut mentions);
        join_split_names(text, &mut mentions);
        whole_person_names(text, doc, &mut mentions);
        nicknamed_names(text, doc, &mut mentions);
        whole_org_names(text, doc, &mut mentions);
        org_by_last_word(text, &mut mentions);
        org_before_its_staff(text, &mut mentions);
        org_after_its_kind(text, &mut mentions);
        work_titles(text, doc, &mut mentions);
        // (the same set for both: `same_person_throughout` relabels only one-word
        // mentions, which give no surname)
        let surnames = surnames(text, &mentions);
        same_person_throughout(text, &mut mentions, &surnames);
        lone_surnames(text, doc, &mut mentions, surnames);
        no_overlaps(&mut mentions);
        mentions
    }
}

/// The passes above each keep their own spans apart, but one may extend a name over a
/// word another took ("da da Monday da Bank" as a person, "Bank Fund" as an
/// organisation): mentions come out in order and never overlap, the longer of two that
/// do staying.
fn no_overlaps(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        match kept.last_mut() {
            Some(last) if m.span.start < last.span.end => {
                if m.span.len() > last.span.len() {
                    *last = m;
                }
            }
            _ => kept.push(m),
        }
    }
    *mentions = kept;
}

/// "Lately, he has been …", "Ultimately, the court …": a capitalised adverb with its
/// comma is no name (suffixes no given name or surname ends in).
fn is_adverb_opener(text: &str, span: Span) -> bool {
    // (the comma first: most names have none, and lowering allocates)
    if !text[span.end..].starts_with(',') {
        return false;
    }
    let word = span.text(text);
    let lower = word.to_lowercase();
    !word.contains(char::is_whitespace)
        && ([
            "ately", "ently", "ously", "ively", "ingly", "edly", "ably", "ibly", "antly",
        ]
        .iter()
        .any(|suf| lower.ends_with(suf))
            || lower.len() > 6 && lower.ends_with("ally"))
}

/// "Born in Ballarat in 1937, Ellery …", "Raised in Ohio, she …": a participle that opens
/// its sentence before a preposition is no name (a given name in -ed, "Ahmed in Cairo",
/// is one).
fn is_participle_opener(text: &str, doc: &Doc, span: Span) -> bool {
    // (the preposition first: it needs no allocation, and most names have none after)
    let next_is_preposition = text[span.end..].split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "in" | "at" | "on" | "by" | "into" | "to" | "from" | "near"
        )
    });
    let word = span.text(text);
    if !next_is_preposition || word.contains(char::is_whitespace) || gazetteer::is_first_name(word)
    {
        return false;
    }
    let lower = word.to_lowercase();
    // (a closed list: names end in -ed too, "Saeed in his comment")
    let participle = matches!(
        lower.as_str(),
        "born"
            | "raised"
            | "bred"
            | "based"
            | "educated"
            | "trained"
            | "founded"
            | "headquartered"
            | "located"
            | "situated"
            | "stationed"
            | "buried"
            | "married"
            | "detained"
            | "imprisoned"
            | "elected"
            | "appointed"
    );
    participle && {
        let at = doc.token_at_or_after(span.start);
        at < doc.tokens.len() && doc.sentences[doc.sentence_of(at)].tokens.start == at
    }
}

/// "Walsh explained", "Ted Cruz who": a name does not end on a lower-case word (bar
/// particles such as "de" and hyphenated ones such as "al-Assad"); the tagger sometimes
/// runs one word on.
fn without_lowercase_tail(text: &str, mut span: Span) -> Span {
    loop {
        let phrase = &text[span.start..span.end];
        let Some(cut) = phrase.rfind(char::is_whitespace) else {
            return span;
        };
        let last = &phrase[cut..].trim_start();
        let lowercase = last.chars().next().is_some_and(char::is_lowercase)
            && !last.contains('-')
            && !is_name_particle(last);
        if !lowercase {
            return span;
        }
        span.end = span.start + phrase[..cut].trim_end().len();
    }
}

/// "Supreme Court nominee Neil M. Gorsuch" tagged as one organisation: a lower-case word
/// for a person's role inside a name ends what comes before it, and the capitalised
/// words after it are the person (as CoNLL draws them: the role is in neither).
/// ("Federal Emergency Management Agency Administrator Craig Fugate" tagged as one
/// organisation: a capitalised role word inside an organisation's name, with a name of two
/// or more words after it and the organisation before, does the same.)
fn names_after_a_role(text: &str, mentions: &mut Vec<Mention>) {
    let mut people = Vec::new();
    for m in mentions.iter_mut() {
        let phrase = m.span.text(text);
        let organisation = m.label == EntityLabel::Org;
        // (the last role word before the name; a space may be more than one byte)
        let Some((at, word)) = phrase
            .rmatch_indices(|c: char| c.is_whitespace())
            .map(|(i, space)| i + space.len())
            .filter_map(|i| {
                let w = phrase[i..].split_whitespace().next()?;
                let role = if w.chars().next().is_some_and(char::is_lowercase) {
                    lexicon::ROLES.contains(&w)
                } else {
                    organisation
                        && !w.ends_with('.')
                        && lexicon::ROLES.contains(&w.to_lowercase().as_str())
                };
                role.then_some((i, w))
            })
            .next()
        else {
            continue;
        };
        let name_start = at + word.len();
        let name = phrase[name_start..].trim_start();
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if name.is_empty() || !name.split_whitespace().all(capitalised) {
            continue;
        }
        if word.chars().next().is_some_and(char::is_uppercase)
            && (name.split_whitespace().count() < 2
                || !phrase[..at].split_whitespace().any(capitalised))
        {
            continue;
        }
        let name_at = m.span.start + phrase.len() - name.len();
        people.push(Mention {
            span: Span::new(name_at, m.span.end),
            label: EntityLabel::Per,
            actor: None,
        });
        let before = phrase[..at].trim_end();
        m.span.end = m.span.start + before.len();
        // (nothing left that names anything: "attorney general Loretta Lynch")
        if !before.split_whitespace().any(capitalised) {
            m.span.end = m.span.start;
        }
    }
    if people.is_empty() {
        return;
    }
    mentions.retain(|m| m.span.end > m.span.start);
    mentions.extend(people);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Lower-case words inside a person's name: "Ludwig van Beethoven", "Charles de Gaulle".
fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da" | "van" | "von" | "der" | "al" | "bin" | "la" | "le" | "du" | "dos"
    )
}

/// "Sen. Marco Rubio", "state Rep. Gilda Cobb-Hunter", "Gov. Jerry Brown": the capitalised
/// words after an abbreviated person title are one person's name, whatever the tagger
/// made of them (a place, an organisation, a name cut in two, or the title swallowed).
/// The title itself stays outside the name, as in CoNLL. "Mr. President" is a form of
/// address, not a name.
fn titled_names(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    let mut names: Vec<(usize, Span)> = Vec::new();
    let mut k = 0;
    // (a spelled title, "Sheriff", or the two words of one, "City Manager")
    let spelled = |k: usize| {
        let w = toks[k].span.text(text);
        toks[k].kind == TokenKind::Word
            && (lexicon::is_spelled_person_title(w)
                || matches!(w, "Manager" | "Member")
                    && k > 0
                    && toks[k - 1].span.end + 1 == toks[k].span.start
                    && lexicon::is_local_body_word(toks[k - 1].span.text(text)))
    };
    while k < toks.len() {
        let is_title = |k: usize| {
            toks[k].kind == TokenKind::Word
                && lexicon::is_written_person_title(toks[k].span.text(text))
                || spelled(k)
        };
        if !is_title(k) {
            k += 1;
            continue;
        }
        let mut title_start = toks[k].span.start;
        let mut any_spelled = spelled(k);
        if any_spelled && matches!(toks[k].span.text(text), "Manager" | "Member") {
            title_start = toks[k - 1].span.start;
        }
        // ("Lt. Gov. Dan Patrick")
        while k + 1 < toks.len() && is_title(k + 1) {
            k += 1;
            any_spelled |= spelled(k);
        }
        let first = k + 1;
        let mut end = first;
        // (a name word is capitalised, or a particle inside the name: "Bashar al-Assad",
        // "Ludwig van Beethoven")
        let capitalised = |k: usize| {
            toks[k]
                .span
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let particle = |k: usize| {
            let w = toks[k].span.text(text);
            let hyphened = w.split_once('-').is_some_and(|(p, rest)| {
                matches!(p, "al" | "el" | "bin" | "ibn" | "abu")
                    && rest.chars().next().is_some_and(char::is_uppercase)
            });
            let before_a_name = is_name_particle(w)
                && k + 1 < toks.len()
                && toks[k + 1].kind == TokenKind::Word
                && capitalised(k + 1);
            k > first && (hyphened || before_a_name)
        };
        while end < toks.len()
            && end - first < 4
            && toks[end].kind == TokenKind::Word
            && (capitalised(end) || particle(end))
            && (end == first || toks[end - 1].span.end + 1 >= toks[end].span.start)
        {
            end += 1;
        }
        // A spelled title is a common noun too ("the Sheriff Department", a headline's
        // "Sheriff Says He Will …"): the words after it are a name only when the tagger
        // took the first for one (or it is a given name), and none is a body's or a
        // day's word.
        let spelled_ok = || {
            let first_span = toks[first].span;
            (mentions
                .iter()
                .any(|m| m.span.start <= first_span.start && first_span.end <= m.span.end)
                || gazetteer::is_first_name(first_span.text(text)))
                && toks[first..end].iter().all(|t| {
                    let w = t.span.text(text);
                    let lower = w.to_lowercase();
                    !lexicon::org_noun(&lower)
                        && !gazetteer::is_org_suffix(w)
                        && !lexicon::is_time_word(&lower)
                        && !lexicon::is_spelled_person_title(w)
                        && !lexicon::is_local_body_word(w)
                })
        };
        if end > first && (!any_spelled || spelled_ok()) {
            let lead = toks[first].span.text(text).to_lowercase();
            if !lexicon::is_title(&lead) && !lexicon::ROLES.contains(&lead.as_str()) {
                names.push((
                    title_start,
                    Span {
                        start: toks[first].span.start,
                        end: toks[end - 1].span.end,
                    },
                ));
            }
        }
        k = end.max(k + 1);
    }
    if names.is_empty() {
        return;
    }
    for &(title_start, name) in &names {
        let before_title = doc.tokens[..doc.token_at_or_after(title_start)]
            .last()
            .map(|t| t.span.end);
        // ("Sheriff Wade Kettering of Elbert County" read as one organisation keeps
        // "Elbert County": the first capitalised word after the name starts it)
        let after_name = doc.tokens[doc.token_at_or_after(name.end)..]
            .iter()
            .take(3)
            .find(|t| {
                t.kind == TokenKind::Word
                    && t.span
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .map(|t| t.span.start);
        mentions.retain_mut(|m| {
            if m.span.end <= title_start || m.span.start >= name.end {
                return true;
            }
            // ("Florida Sen. Marco Rubio" read as one place keeps "Florida")
            match before_title {
                Some(end) if m.span.start < title_start && end > m.span.start => {
                    m.span.end = end;
                    // ("Sheffield MP Ann Lee" read as one organisation)
                    if m.label != EntityLabel::Loc && gazetteer::is_place(m.span.text(text)) {
                        m.label = EntityLabel::Loc;
                    }
                    return true;
                }
                _ => {}
            }
            match after_name {
                Some(start) if start < m.span.end && m.span.end > name.end => {
                    m.span.start = start;
                    true
                }
                _ => false,
            }
        });
        mentions.push(Mention {
            span: name,
            label: EntityLabel::Per,
            actor: None,
        });
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// A given name of a capitalised prefix and a capitalised stem ("DeShawn", "LaToya",
/// "DeAndre"): the tagger, trained on CoNLL-2003's news, has seen few and reads them as
/// organisations. (Brands are written so too, "BlackRock", "YouTube": only the prefixes
/// of given names.)
fn is_prefixed_given_name(w: &str) -> bool {
    ["De", "Da", "Di", "La", "Le", "Ja", "Ke", "Sha", "Ta", "Tre"]
        .iter()
        .any(|p| {
            w.strip_prefix(p).is_some_and(|stem| {
                let mut cs = stem.chars();
                cs.next().is_some_and(|c| c.is_ascii_uppercase())
                    && stem.len() >= 3
                    && cs.all(|c| c.is_ascii_lowercase())
            })
        })
}

/// A surname of "O’" or "D’" and a capitalised stem ("O'Brien", "D’Souza").
fn is_apostrophe_surname(w: &str) -> bool {
    let rest = w
        .strip_prefix("O'")
        .or_else(|| w.strip_prefix("O\u{2019}"))
        .or_else(|| w.strip_prefix("D'"))
        .or_else(|| w.strip_prefix("D\u{2019}"));
    rest.is_some_and(|stem| {
        let mut cs = stem.chars();
        cs.next().is_some_and(char::is_uppercase) && stem.len() >= 2 && cs.all(char::is_lowercase)
    })
}

/// Token `k` is a word with a capital first letter.
fn capitalised_word(text: &str, toks: &[Token], k: usize) -> bool {
    toks[k].kind == TokenKind::Word
        && toks[k]
            .span
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Tokens `a` and `b` are one space apart (not across a line, as in a table of names).
fn one_space_apart(text: &str, toks: &[Token], a: usize, b: usize) -> bool {
    text.get(toks[a].span.end..toks[b].span.start) == Some(" ")
}

/// "DeShawn Tillery", "LaToya Jenkins", "Connor O'Brien": two words, a given name and a
/// surname, one of them of a shape the tagger has seldom seen (a prefixed given name, an
/// apostrophe surname after a known given name), are a person, whatever the tagger made
/// of them — unless a third capitalised word follows or the second is a body's, a
/// place's or a day's word ("DeKalb County").
fn shaped_person_names(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    let capitalised = |k: usize| capitalised_word(text, toks, k);
    // (one space apart: not across a line, as in a table of names)
    let spaced = |a: usize, b: usize| one_space_apart(text, toks, a, b);
    // A given name before an apostrophe surname: a known one, or a capitalised word
    // that is none of the small words a sentence starts with ("Then O'Brien said").
    let per_word = |w: &str| {
        mentions.iter().any(|m| {
            m.label == EntityLabel::Per && m.span.text(text).split_whitespace().any(|x| x == w)
        })
    };
    let given_name = |w: &str| {
        let lower = w.to_lowercase();
        gazetteer::is_first_name(w)
            || lexicon::GIVEN_NAMES.contains_key(w)
            || is_prefixed_given_name(w)
            || per_word(w) && !lexicon::is_title(&lower) && !gazetteer::is_place(w)
            // (not an opener or a party: "Unlike O'Brien", "Outside O'Hare", "Democrat
            // O'Rourke")
            || w.len() >= 3
                && w.chars().skip(1).all(char::is_lowercase)
                && !lexicon::is_np_barrier(&lower)
                && !lexicon::is_determiner(&lower)
                && lexicon::pronoun(&lower).is_none()
                && !lexicon::is_aux_or_adverb(&lower)
                && !lexicon::is_time_word(&lower)
                && !lexicon::is_title(&lower)
                && !gazetteer::is_place(w)
                && gazetteer::country_of_demonym(w).is_none()
                && !matches!(
                    lower.as_str(),
                    "unlike"
                        | "like"
                        | "outside"
                        | "inside"
                        | "near"
                        | "beyond"
                        | "despite"
                        | "behind"
                        | "democrat"
                        | "democrats"
                        | "republican"
                        | "republicans"
                        | "independent"
                        | "conservative"
                        | "liberal"
                        | "labour"
                        | "tory"
                )
    };
    let mut found: Vec<Span> = Vec::new();
    for k in 0..toks.len().saturating_sub(1) {
        if !capitalised(k) || !capitalised(k + 1) || !spaced(k, k + 1) {
            continue;
        }
        let (given, surname) = (toks[k].span.text(text), toks[k + 1].span.text(text));
        let shaped = is_prefixed_given_name(given)
            && surname.chars().skip(1).all(char::is_lowercase)
            && surname.len() >= 2
            || is_apostrophe_surname(surname) && given_name(given);
        if !shaped {
            continue;
        }
        let third = k + 2 < toks.len() && capitalised(k + 2) && spaced(k + 1, k + 2);
        let lower = surname.to_lowercase();
        let other_word = lexicon::org_noun(&lower)
            || gazetteer::is_org_suffix(surname)
            || gazetteer::is_place(surname)
            || lexicon::is_time_word(&lower)
            || lexicon::is_title(&lower)
            || lexicon::is_local_body_word(surname)
            || matches!(
                surname,
                "Street"
                    | "Avenue"
                    | "Road"
                    | "Park"
                    | "Square"
                    | "Island"
                    | "River"
                    | "Lake"
                    | "Airport"
                    | "Center"
                    | "Centre"
                    | "Hall"
                    | "Bridge"
                    | "Station"
                    | "Stadium"
                    | "Arena"
                    | "Field"
            );
        // (a capitalised word before the given name makes it a longer name the tagger
        // may read right: "Ron DeSantis", "Fort DeSoto Park")
        let before = k > 0 && capitalised(k - 1) && spaced(k - 1, k);
        if third || other_word || before {
            continue;
        }
        let span = Span::new(toks[k].span.start, toks[k + 1].span.end);
        // (a mention running past the two words is the tagger's longer reading: left be)
        if mentions
            .iter()
            .any(|m| m.span.overlaps(span) && !span.contains(m.span))
        {
            continue;
        }
        found.push(span);
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| !found.iter().any(|f| f.contains(m.span)));
    mentions.extend(found.into_iter().map(|span| Mention {
        span,
        label: EntityLabel::Per,
        actor: None,
    }));
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// "Khizr" and "Khan" tagged as two people side by side are one ("Khizr Khan, 66,
/// said"): two person names are never written one after the other with only a space.
fn join_split_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut k = 1;
    while k < mentions.len() {
        let (a, b) = (&mentions[k - 1], &mentions[k]);
        if a.label == EntityLabel::Per
            && b.label == EntityLabel::Per
            && a.span.end + 1 == b.span.start
            && text[a.span.end..b.span.start] == *" "
        {
            let end = b.span.end;
            mentions[k - 1].span.end = end;
            mentions.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Names longer than the tagger reads them: "Luiz Inácio Lula", "da", "Silva" and "Prince
/// Faisal", "bin", "Farhan Al Saud" are one person across a name particle, and a full
/// name runs on over a last capitalised word the tagger left out ("Andrés Manuel López"
/// then "Obrador", a second surname) when nothing capitalised follows it and it is no
/// day, month, title or organisation's word.
fn whole_person_names(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    if !mentions.iter().any(|m| m.label == EntityLabel::Per) {
        return;
    }
    let name_like = |k: usize| {
        let w = toks[k].span.text(text);
        toks[k].kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase)
    };
    let mut k = 0;
    while k < mentions.len() {
        let m = Mention { ..mentions[k] };
        if m.label != EntityLabel::Per {
            k += 1;
            continue;
        }
        let next = doc.token_at_or_after(m.span.end);
        // (the particle one space after the name, a capitalised word one space after it)
        // (`get`: a range the wrong way round is no space, not a panic)
        let adjacent =
            |a: usize, b: usize| text.get(toks[a].span.end..toks[b].span.start) == Some(" ");
        let space_after = |t: usize| text.get(m.span.end..toks[t].span.start) == Some(" ");
        if next + 1 < toks.len()
            && space_after(next)
            && lexicon::is_name_joining_particle(toks[next].span.text(text))
            && adjacent(next, next + 1)
            && name_like(next + 1)
        {
            let after = toks[next + 1].span;
            // The name after the particle: a mention over the particle or the word after
            // it is taken in when it is a person's or one word of any label (not "… de Los
            // Angeles", left be); else the capitalised word.
            let end = match mentions.get(k + 1) {
                Some(n) if n.span.start < after.end => {
                    if n.label != EntityLabel::Per && n.span.end != after.end {
                        k += 1;
                        continue;
                    }
                    let e = n.span.end.max(after.end);
                    mentions.remove(k + 1);
                    e
                }
                _ => after.end,
            };
            mentions[k].span.end = end;
            // (and any mention the grown name now covers, as when the tagger read the
            // particle alone as a name)
            while mentions
                .get(k + 1)
                .is_some_and(|n| n.span.start < end && n.span.end <= end)
            {
                mentions.remove(k + 1);
            }
            continue;
        }
        // a last capitalised word left out
        let words = m.span.text(text).split(' ').count();
        if words >= 2
            && next < toks.len()
            && space_after(next)
            && name_like(next)
            && mentions
                .get(k + 1)
                .is_none_or(|n| n.span.start >= toks[next].span.end)
            && (next + 1 >= toks.len() || !(adjacent(next, next + 1) && name_like(next + 1)))
        {
            let w = toks[next].span.text(text);
            let lower = w.to_lowercase();
            let other_word = lexicon::is_time_word(&lower)
                || matches!(lower.as_str(), "may" | "jr" | "sr" | "ii" | "iii")
                || lexicon::is_title(&lower)
                || lexicon::org_noun(&lower)
                || gazetteer::is_org_suffix(w)
                || gazetteer::is_place(w)
                || w.chars().all(|c| !c.is_lowercase());
            if !other_word {
                mentions[k].span.end = toks[next].span.end;
            }
        }
        k += 1;
    }
}

/// `Marcia "Cia" Price`, `John “Tig” Tiegen`, `Gov. C.L. "Butch" Otter`: one to three
/// capitalised words in marks between a given name (a common one, initials, one after a
/// title, or the tagger's person) and a capitalised word are a nickname inside one
/// person's name; the tagger, which has seen few, breaks such names in pieces.
fn nicknamed_names(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    let capitalised = |k: usize| capitalised_word(text, toks, k);
    let spaced = |a: usize, b: usize| one_space_apart(text, toks, a, b);
    let person_at = |mentions: &[Mention], sp: Span| {
        mentions.iter().position(|m| {
            m.label == EntityLabel::Per && m.span.start <= sp.start && sp.end <= m.span.end
        })
    };
    let mut open = 1;
    while open + 2 < toks.len() {
        let TokenKind::Quote(mark) = toks[open].kind else {
            open += 1;
            continue;
        };
        // (double marks only: single ones in a headline's Title Case are its scare
        // quotes, "General Reveals ‘Demoralizing’ Experience")
        let Some(close) = (open + 2..(open + 5).min(toks.len()))
            .find(|&k| matches!(toks[k].kind, TokenKind::Quote(m) if m.double))
            .filter(|_| mark.double)
        else {
            open += 1;
            continue;
        };
        let (before, after) = (open - 1, close + 1);
        // (an initial's period may be a token of its own: "Robert C." then the mark)
        let initial_period = before > 0
            && toks[before].span.text(text) == "."
            && toks[before - 1].span.end == toks[before].span.start
            && {
                let w = toks[before - 1].span.text(text);
                w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
            };
        if after >= toks.len()
            || !(open + 1..close).all(capitalised)
            || !(capitalised(before) || initial_period)
            || !capitalised(after)
            || !spaced(before, open)
            || !spaced(close, after)
        {
            open += 1;
            continue;
        }
        let given = toks[before].span.text(text);
        let initials = initial_period
            || given.len() <= 5
                && given.ends_with('.')
                && given.chars().all(|c| c == '.' || c.is_uppercase());
        let titled = before > 0 && {
            let t = toks[before - 1]
                .span
                .text(text)
                .trim_end_matches('.')
                .to_lowercase();
            lexicon::is_person_title_abbreviation(&t) || lexicon::is_title(&t)
        };
        let first = person_at(mentions, toks[before].span);
        // (a full name's last word is a surname, and what follows a name given in marks
        // there is no more of it: "called Ron DeSantis “Ron DeSanctimonious” Saturday",
        // "called Hillary Clinton “Crooked” Hillary")
        let ends_full_name = first.is_some_and(|k| {
            let m = mentions[k].span;
            m.end == toks[before].span.end && m.text(text).split_whitespace().count() >= 2
        }) && !gazetteer::is_first_name(given)
            && !initials;
        let after_word = toks[after].span.text(text).to_lowercase();
        if ends_full_name
            || lexicon::is_time_word(&after_word)
            || lexicon::is_np_barrier(&after_word)
            || !(first.is_some()
                || initials
                || titled
                || gazetteer::is_first_name(given)
                || lexicon::GIVEN_NAMES.contains_key(given))
        {
            open += 1;
            continue;
        }
        let start = first.map_or(toks[before].span.start, |k| mentions[k].span.start);
        let surname = person_at(mentions, toks[after].span);
        // (a surname the tagger did not read as one ends the name: "Marcia “Cia” Price
        // (D-Newport News)", not "… “Demoralizing” Experience Of …")
        if surname.is_none()
            && after + 1 < toks.len()
            && capitalised(after + 1)
            && spaced(after, after + 1)
        {
            open += 1;
            continue;
        }
        let end = surname.map_or(toks[after].span.end, |k| mentions[k].span.end);
        mentions.retain(|m| m.span.end <= start || m.span.start >= end);
        let at = mentions.partition_point(|m| m.span.start < start);
        mentions.insert(
            at,
            Mention {
                span: Span::new(start, end),
                label: EntityLabel::Per,
                actor: None,
            },
        );
        open = after;
    }
}

/// The memoir “Line in the Sand”, the film “Pure Grit”: a title in marks after a noun for
/// a work (or "titled") is one MISC name, as CoNLL labels titles; the tagger, which sees
/// only capitalised words, read "Line" as a person and "Sand" as a place.
fn work_titles(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    let lower = |k: usize| toks[k].span.text(text).to_lowercase();
    let mut open = 1;
    while open + 2 < toks.len() {
        let TokenKind::Quote(mark) = toks[open].kind else {
            open += 1;
            continue;
        };
        let before = if toks[open - 1].span.text(text) == "," && open >= 2 {
            open - 2
        } else {
            open - 1
        };
        let word = lower(before);
        let context = lexicon::is_work_noun(&word)
            || before == open - 1 && matches!(word.as_str(), "titled" | "entitled");
        let close = (open + 2..(open + 14).min(toks.len()))
            .find(|&k| matches!(toks[k].kind, TokenKind::Quote(m) if m.double == mark.double));
        let Some(close) = close.filter(|_| context && mark.double) else {
            open += 1;
            continue;
        };
        // the title's words: capitalised, or a title's small words after the first
        let mut last = close;
        while last > open + 1
            && matches!(toks[last - 1].kind, TokenKind::Punct | TokenKind::Terminal)
        {
            last -= 1;
        }
        let words_ok = last > open + 1
            && capitalised_word(text, toks, open + 1)
            && (open + 1..last).all(|k| match toks[k].kind {
                TokenKind::Word | TokenKind::Number | TokenKind::Clitic => {
                    capitalised_word(text, toks, k)
                        || toks[k].kind != TokenKind::Word
                        || lexicon::is_title_small_word(&lower(k))
                }
                TokenKind::Punct => matches!(toks[k].span.text(text), ":" | "-" | "'" | "\u{2019}"),
                _ => false,
            });
        let span = Span::new(toks[open + 1].span.start, toks[last - 1].span.end);
        // (not a question, "“Are You Running?”", nor a person's name for a title: the
        // documentary "Elizabeth Warren" is still her name)
        let question = (open + 1..close).any(|k| matches!(toks[k].span.text(text), "?" | "!"));
        let a_person = mentions
            .iter()
            .any(|m| m.label == EntityLabel::Per && m.span == span);
        if !words_ok || question || a_person {
            open = close + 1;
            continue;
        }
        mentions.retain(|m| m.span.end <= span.start || m.span.start >= span.end);
        let at = mentions.partition_point(|m| m.span.start < span.start);
        mentions.insert(
            at,
            Mention {
                span,
                label: EntityLabel::Misc,
                actor: None,
            },
        );
        open = close + 1;
    }
}

/// "Johns Hopkins University", "Nordhavn Securities", "Commerce Department": a name of
/// two words or more that the tagger called a place or a person but that ends in a word
/// only organisations end in is an organisation. (Not the words places and buildings
/// end in too: "West Bank", "Kansas City", "Russian Federation", "Soviet Union",
/// "Stadium Court", a church or a hospital.)
fn org_by_last_word(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if !matches!(m.label, EntityLabel::Loc | EntityLabel::Per) {
            continue;
        }
        let mut words = m.span.text(text).split_whitespace();
        let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
            continue;
        };
        // (a person whose surname is such a word: "Tomas Post", "Mayor John Post", "Sen.
        // Lebo Holding", "Dr. Aroha Press": a given name or a title says so, and a
        // person's name only turns on the words no surname is)
        let titled = |w: &str| {
            let l = w.to_lowercase();
            lexicon::is_title(&l) || lexicon::is_person_title_abbreviation(l.trim_end_matches('.'))
        };
        // (the closing word first: most names end in none of them)
        if m.label == EntityLabel::Per
            && (!matches!(
                last,
                "Inc"
                    | "Inc."
                    | "Corp"
                    | "Corp."
                    | "Corporation"
                    | "Ltd"
                    | "Ltd."
                    | "LLC"
                    | "PLC"
                    | "Plc"
                    | "plc"
                    | "GmbH"
                    | "Holdings"
                    | "Securities"
                    | "Bancorp"
                    | "Industries"
                    | "Technologies"
                    | "Pharmaceuticals"
                    | "Airlines"
                    | "Airways"
                    | "University"
                    | "Institute"
                    | "Foundation"
                    | "Association"
                    | "Ministry"
                    | "Department"
                    | "Commission"
                    | "Committee"
                    | "Council"
            ) || gazetteer::is_first_name(first)
                || titled(first)
                || text[..m.span.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(titled))
        {
            continue;
        }
        if gazetteer::is_org_suffix(last)
            && !matches!(
                last,
                "City"
                    | "Center"
                    | "Centre"
                    | "Bank"
                    | "Federation"
                    | "Union"
                    | "Hospital"
                    | "Church"
                    | "Court"
            )
        {
            m.label = EntityLabel::Org;
        }
    }
}

/// "Bernstein analyst Colin Adair", "Nordhavn economist …": a name the tagger called a
/// place or a person right before a noun for someone who works for an organisation is
/// that organisation (not a known place: "US analysts", "Moscow correspondent").
fn org_before_its_staff(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if !matches!(m.label, EntityLabel::Loc | EntityLabel::Per) {
            continue;
        }
        let next = text[m.span.end..].split_whitespace().next().unwrap_or("");
        let staff = matches!(
            next,
            "analyst"
                | "analysts"
                | "economist"
                | "economists"
                | "strategist"
                | "strategists"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "employee"
                | "employees"
                | "executive"
                | "executives"
        );
        let name = m.span.text(text);
        // (one word: "Vermont Central Hospital spokesman" names a place)
        if staff
            && !name.contains(char::is_whitespace)
            && !gazetteer::is_place(name)
            && gazetteer::country_of_demonym(name).is_none()
        {
            m.label = EntityLabel::Org;
        }
    }
}

/// "Carmaker Voltra said", "Nordic airline Skyra", "oil company Exxon": a name the tagger
/// called a person or a place right after a bare noun for a kind of organisation is that
/// organisation ("a company Trump owns", "the firm Clinton founded" have a determiner:
/// the name is the subject of a relative clause).
fn org_after_its_kind(text: &str, mentions: &mut [Mention]) {
    let mut named: Vec<Span> = Vec::new();
    for m in mentions.iter_mut() {
        if !matches!(m.label, EntityLabel::Loc | EntityLabel::Per) {
            continue;
        }
        let mut before = text[..m.span.start].split_whitespace().rev();
        let Some(noun) = before.next() else { continue };
        let lower = noun.to_lowercase();
        let determined = before.next().is_some_and(|w| {
            let w = w.to_lowercase();
            lexicon::is_determiner(&w)
                || lexicon::possessive_pronoun(&w).is_some()
                || matches!(w.as_str(), "whose" | "which" | "every" | "each")
        });
        if lexicon::org_kind_noun(&lower)
            && !matches!(
                lower.as_str(),
                "group" | "force" | "chain" | "organisation" | "organization"
            )
            && !determined
            && !gazetteer::is_place(m.span.text(text))
        {
            m.label = EntityLabel::Org;
            named.push(m.span);
        }
    }
    // ("Carmaker Voltra said … Voltra added": the name is the organisation throughout)
    for m in mentions.iter_mut() {
        if matches!(m.label, EntityLabel::Loc | EntityLabel::Per)
            && named.iter().any(|n| n.text(text) == m.span.text(text))
        {
            m.label = EntityLabel::Org;
        }
    }
}

/// "World Trade Organization" read as "World" (ORG) and "Organization" (LOC), "European
/// Central" (ORG) before an untagged "Bank": a word the article also writes in lower case
/// ("trade", "central") looks like a common word to the tagger and breaks a name. A run of
/// capitalised words (with "of", "for", "and" inside) that ends in a word that ends
/// organisation names, or has one before "of" ("Office of Management and Budget"), and
/// that the tagger covered only in part — a word of it left out, or its last word given
/// another label — is one organisation.
fn whole_org_names(text: &str, doc: &Doc, mentions: &mut Vec<Mention>) {
    let toks = &doc.tokens;
    let word = |k: usize| toks[k].span.text(text);
    let capitalised = |k: usize| {
        toks[k].kind == TokenKind::Word && word(k).chars().next().is_some_and(char::is_uppercase)
    };
    let heads_or_ends =
        |w: &str| gazetteer::is_org_suffix(w) || matches!(w, "Programme" | "Program");
    let mut found: Vec<Span> = Vec::new();
    for s in &doc.sentences {
        let mut k = s.tokens.start;
        while k < s.tokens.end {
            if !capitalised(k) {
                k += 1;
                continue;
            }
            // The run: capitalised words one space apart, connectors only between two,
            // "and" only after "… of" ("Ministry of Petroleum and Minerals", not "the
            // Gaza Strip and West Bank").
            let start = k;
            let mut end = k + 1;
            let mut of_seen = false;
            // (at most a dozen words: no organisation's name is longer, and a run of
            // capitals in a headline or a menu stays cheap)
            while end < s.tokens.end
                && end - start < 12
                && toks[end].span.start == toks[end - 1].span.end + 1
            {
                let connector = match word(end) {
                    "of" => {
                        of_seen = true;
                        true
                    }
                    "for" => true,
                    "and" => of_seen,
                    _ => false,
                };
                if capitalised(end) {
                    end += 1;
                } else if connector
                    && end + 1 < s.tokens.end
                    && capitalised(end + 1)
                    && toks[end + 1].span.start == toks[end].span.end + 1
                {
                    end += 2;
                } else {
                    break;
                }
            }
            k = end;
            let run_span = Span::new(toks[start].span.start, toks[end - 1].span.end);
            // (mentions are in text order and do not overlap)
            let lo = mentions.partition_point(|m| m.span.end <= run_span.start);
            let hi = mentions.partition_point(|m| m.span.start < run_span.end);
            let inside = &mentions[lo..hi.max(lo)];
            let (Some(first_m), Some(last_m)) = (inside.first(), inside.last()) else {
                continue;
            };
            // The name starts where the tagger's first name does ("Results of …", "In
            // Kansas City"), and not at a nationality ("Italian Police").
            if first_m.span.start < run_span.start
                || last_m.span.end > run_span.end
                || first_m.label == EntityLabel::Misc
            {
                continue;
            }
            let first = toks[start..end]
                .iter()
                .position(|t| t.span.start == first_m.span.start)
                .map_or(start, |p| start + p);
            if end - first < 2 {
                continue;
            }
            let ends = heads_or_ends(word(end - 1));
            let heads = (first..end - 1).any(|i| heads_or_ends(word(i)) && word(i + 1) == "of");
            // A person inside is no organisation's word ("Tomas Post", "the Reserve Bank
            // of India Governor …"), unless the tagger called its end one ("Hockey
            // Association" as a person).
            // A lone word the tagger took for a person before the organisation's last
            // word is the organisation's ("Justice Department", "Energy Committee"), unless
            // it is a given name.
            let persons_ok = match inside.iter().position(|m| m.label == EntityLabel::Per) {
                None => true,
                Some(p) => {
                    ends && (p + 1 == inside.len() && last_m.span.end == run_span.end
                        || inside.len() == 1
                            && first_m.span.end < run_span.end
                            && !first_m.span.text(text).contains(char::is_whitespace)
                            && !gazetteer::is_first_name(first_m.span.text(text)))
                }
            };
            if !(ends || heads) || !persons_ok {
                continue;
            }
            let run = Span::new(toks[first].span.start, run_span.end);
            let word_left_out = (first..end).any(|i| {
                capitalised(i)
                    && !inside.iter().any(|m| {
                        m.span.start <= toks[i].span.start && toks[i].span.end <= m.span.end
                    })
            });
            let last_word_other = last_m.span.end == run.end && last_m.label != EntityLabel::Org;
            // "Office of Management" and "Budget": two names only if the second is one
            // in its own right ("the Ministry of Defence and Foreign Office")
            let split_at_and = heads
                && inside.len() == 2
                && text.get(first_m.span.end..last_m.span.start) == Some(" and ")
                && !last_m.span.text(text).split(' ').any(heads_or_ends)
                && !gazetteer::is_international_org(last_m.span.text(text))
                && !last_m.span.text(text).chars().all(|c| c.is_uppercase());
            if word_left_out || split_at_and || (ends && last_word_other && inside.len() > 1) {
                found.push(run);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    // (`found` is in text order and disjoint: one look-up a mention)
    mentions.retain(|m| {
        let i = found.partition_point(|r| r.end <= m.span.start);
        !found
            .get(i)
            .is_some_and(|r| r.start <= m.span.start && m.span.end <= r.end)
    });
    mentions.extend(found.into_iter().map(|span| Mention {
        span,
        label: EntityLabel::Org,
        actor: None,
    }));
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// The last words of the multi-word person names ("Figueroa" of "Melezia Figueroa").
fn surnames<'t>(text: &'t str, mentions: &[Mention]) -> rustc_hash::FxHashSet<&'t str> {
    mentions
        .iter()
        .filter(|m| m.label == EntityLabel::Per)
        .filter_map(|m| {
            let t = m.span.text(text);
            let mut words = t.split_whitespace();
            let last = words.next_back()?;
            words.next().map(|_| last)
        })
        .collect()
}

/// One name, one meaning per article: after "Melezia Figueroa" (a person), a lone
/// "Figueroa" the tagger called an organisation is that person too — unless the word is a
/// place or an organisation in its own right.
fn same_person_throughout(
    text: &str,
    mentions: &mut [Mention],
    surnames: &rustc_hash::FxHashSet<&str>,
) {
    if surnames.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let t = m.span.text(text);
        if m.label != EntityLabel::Per
            && !t.contains(char::is_whitespace)
            && surnames.contains(t)
            && !gazetteer::is_place(t)
            && !gazetteer::is_international_org(t)
        {
            m.label = EntityLabel::Per;
        }
    }
}

/// After "Ben Carson" (a person), a lone "Carson" the tagger passed over ("Carson defied
/// the question") is that person too: a capitalised word standing alone between lower-case
/// words or punctuation, not a place or an organisation in its own right.
fn lone_surnames(
    text: &str,
    doc: &Doc,
    mentions: &mut Vec<Mention>,
    mut surnames: rustc_hash::FxHashSet<&str>,
) {
    surnames.retain(|w| {
        w.chars().count() > 2 && !gazetteer::is_place(w) && !gazetteer::is_international_org(w)
    });
    if surnames.is_empty() {
        return;
    }
    let toks = &doc.tokens;
    let capital_word = |k: usize| {
        toks[k].kind == TokenKind::Word
            && toks[k]
                .span
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    // The bytes the surnames start with: most words of an article start with none of
    // them (lower-case words), and are passed over without hashing them.
    let mut first_bytes = [false; 256];
    for w in &surnames {
        if let Some(&b) = w.as_bytes().first() {
            first_bytes[b as usize] = true;
        }
    }
    let mut added = Vec::new();
    let mut covered = mentions.iter().map(|m| m.span).collect::<Vec<_>>();
    covered.sort_by_key(|sp| sp.start);
    for (k, t) in toks.iter().enumerate() {
        let word = t.span.text(text);
        if t.kind != TokenKind::Word
            || !word
                .as_bytes()
                .first()
                .is_some_and(|&b| first_bytes[b as usize])
            || !surnames.contains(word)
        {
            continue;
        }
        let i = covered.partition_point(|sp| sp.end <= t.span.start);
        if covered.get(i).is_some_and(|sp| sp.start < t.span.end) {
            continue;
        }
        // ("Khizr Khan, 66, said", after "Ghazala Khan": the tagger, remembering the lone
        // "Khizr" of "Khizr and Ghazala Khan", ended the name before the known surname)
        if k > 0 && capital_word(k - 1) && toks[k - 1].span.end + 1 == t.span.start {
            if let Some(m) = mentions.iter_mut().find(|m| {
                m.label == EntityLabel::Per
                    && m.span.end == toks[k - 1].span.end
                    && !m.span.text(text).contains(char::is_whitespace)
                    && text[t.span.end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            }) {
                m.span.end = t.span.end;
                continue;
            }
        }
        if k > 0 && capital_word(k - 1) || k + 1 < toks.len() && capital_word(k + 1) {
            continue;
        }
        added.push(Mention {
            span: t.span,
            label: EntityLabel::Per,
            actor: None,
        });
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::segment::segment;
    use crate::pipeline::EntityLabel;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// A mention of the first `w` in `text`.
    fn mention_at(text: &str, w: &str, label: EntityLabel) -> Mention {
        let start = text.find(w).unwrap();
        Mention {
            span: Span::new(start, start + w.len()),
            label,
            actor: None,
        }
    }

    static MODEL: LazyLock<NerModel> = LazyLock::new(NerModel::embedded);

    fn ents(text: &str) -> Vec<(String, &'static str)> {
        let doc = segment(text);
        MODEL
            .tag(text, &doc)
            .into_iter()
            .map(|m| (m.span.text(text).to_owned(), m.label.as_str()))
            .collect()
    }

    fn has(found: &[(String, &str)], text: &str, label: &str) -> bool {
        found.iter().any(|(t, l)| t == text && *l == label)
    }

    #[test]
    fn a_nickname_in_marks_is_inside_the_persons_name() {
        for (text, name) in [
            ("Former CIA operative John “Tig” Tiegen said he found both issues troubling.", "John “Tig” Tiegen"),
            ("The campaign was represented by Gov. C.L. \"Butch\" Otter (R-Idaho), an early endorser.", "C.L. \"Butch\" Otter"),
            ("Rep. Robert C. \"Bobby\" Scott threw open his back yard.", "Robert C. \"Bobby\" Scott"),
            // (a given name the tagger took for a place, known from the gendered list)
            ("Scott's niece, Marcia \"Cia\" Price, shouted to the crowd.", "Marcia \"Cia\" Price"),
        ] {
            let e = ents(text);
            assert!(has(&e, name, "PER"), "{name}: {e:?}");
        }
        // not a headline's scare quote in Title Case, nor one in single marks, nor words
        // in marks after a word that is no given name, nor a name given to someone named
        // in full, nor a day after the marks; no person in an airport or after "Unlike"
        for text in [
            "Trump called Ron DeSantis “Ron DeSanctimonious” Saturday.",
            "Trump once called Hillary Clinton “Crooked” Hillary, and the name stuck.",
            "Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Obama.",
            "Retired General Reveals “Demoralizing” Experience Of Serving Under Obama.",
            "Supporters Call “Crooked” Hillary A Liar.",
        ] {
            let e = ents(text);
            assert!(
                !e.iter().any(|(t, _)| t.contains('“') || t.contains('‘')),
                "{text}: {e:?}"
            );
        }
    }

    #[test]
    fn a_works_title_in_marks_is_one_misc_name() {
        for (text, title) in [
            ("Senator Joan Hartwell, who wrote the memoir “Line in the Sand,” said the bill would fail.", "Line in the Sand"),
            ("Her 2019 book, “Pure Grit,” sold well.", "Pure Grit"),
            ("He starred in a film titled “The Long Road Home.”", "The Long Road Home"),
        ] {
            let e = ents(text);
            assert!(has(&e, title, "MISC"), "{title}: {e:?}");
            assert!(!e.iter().any(|(t, l)| *l == "PER" && title.contains(t.as_str())), "{e:?}");
        }
        // (words in marks after no noun for a work are left to the tagger; a sentence in
        // marks after one is no title)
        let e = ents("The senator called Joan Hartwell “a fighter” on Monday.");
        assert!(!e.iter().any(|(_, l)| *l == "MISC"), "{e:?}");
        let e = ents("In the book, “we are told the war was lost,” Smith wrote.");
        assert!(!e.iter().any(|(_, l)| *l == "MISC"), "{e:?}");
    }

    #[test]
    fn no_person_in_an_airport_or_after_an_opener() {
        for (text, not) in [
            (
                "LaGuardia Airport reopened, officials said.",
                "LaGuardia Airport",
            ),
            (
                "Unlike O'Brien, the mayor said the plan would work.",
                "Unlike O'Brien",
            ),
            (
                "Outside O'Hare, travelers waited for hours.",
                "Outside O'Hare",
            ),
        ] {
            let e = ents(text);
            assert!(!has(&e, not, "PER"), "{text}: {e:?}");
        }
    }

    #[test]
    fn an_organisation_is_one_name_where_the_article_writes_its_words_in_lower_case() {
        for (text, name) in [
            ("The EU trade commissioner spoke. The rules complied with World Trade Organization norms.", "World Trade Organization"),
            ("The health minister spoke. The World Health Organization said the outbreak was over.", "World Health Organization"),
            ("Monetary policy is tight, the International Monetary Fund said.", "International Monetary Fund"),
            ("The central bank raised rates. The European Central Bank followed.", "European Central Bank"),
            ("Security was tight. The United Nations Security Council met on Friday.", "United Nations Security Council"),
            ("Food is scarce. The World Food Programme warned on Thursday.", "World Food Programme"),
            ("In a statement, the Office of Management and Budget said agencies should not begin shutdown preparations.", "Office of Management and Budget"),
        ] {
            let e = ents(text);
            assert!(has(&e, name, "ORG"), "{name}: {e:?}");
        }
        // two names the tagger read whole, the last an organisation, stay two
        let text = "The bill went to the U.S. Congress on Monday.";
        let at = |w: &str, label| mention_at(text, w, label);
        let mut mentions = vec![
            at("U.S.", EntityLabel::Loc),
            at("Congress", EntityLabel::Org),
        ];
        whole_org_names(text, &segment(text), &mut mentions);
        assert_eq!(mentions.len(), 2, "{mentions:?}");
        // but not when the last is given another label
        let mut mentions = vec![
            at("U.S.", EntityLabel::Org),
            at("Congress", EntityLabel::Loc),
        ];
        whole_org_names(text, &segment(text), &mut mentions);
        assert_eq!(mentions.len(), 1, "{mentions:?}");
        assert_eq!(mentions[0].span.text(text), "U.S. Congress");
        // a lone word read as a person before the organisation's last word is its own
        let text = "Several former Justice Department officials criticized Comey.";
        let mut mentions = vec![mention_at(text, "Justice", EntityLabel::Per)];
        whole_org_names(text, &segment(text), &mut mentions);
        assert_eq!(mentions.len(), 1, "{mentions:?}");
        assert_eq!(mentions[0].span.text(text), "Justice Department");
        assert_eq!(mentions[0].label, EntityLabel::Org);
        // not a given name (a person the organisation is named after is the tagger's call)
        let text = "Officials at the Thomas Foundation spoke.";
        let mut mentions = vec![mention_at(text, "Thomas", EntityLabel::Per)];
        whole_org_names(text, &segment(text), &mut mentions);
        assert_eq!(mentions[0].span.text(text), "Thomas", "{mentions:?}");
    }

    #[test]
    fn a_name_before_a_noun_for_its_staff_is_an_organisation() {
        let text = "Asked by Bernstein analyst Colin Adair, and by US analysts, she declined.";
        let at = |w: &str, label| mention_at(text, w, label);
        let mut mentions = vec![
            at("Bernstein", EntityLabel::Loc),
            at("US", EntityLabel::Loc),
        ];
        org_before_its_staff(text, &mut mentions);
        assert_eq!(mentions[0].label, EntityLabel::Org);
        assert_eq!(mentions[1].label, EntityLabel::Loc);
    }

    #[test]
    fn a_name_after_a_bare_noun_for_its_kind_is_an_organisation() {
        let text = "Carmaker Voltra said so. Nordic airline Skyra agreed, but a company Trump \
                    owns and the firm Clinton founded did not. Voltra added more.";
        let at = |w: &str, label| mention_at(text, w, label);
        let mut mentions = vec![
            at("Voltra", EntityLabel::Per),
            Mention {
                span: Span::new(
                    text.rfind("Voltra").unwrap(),
                    text.rfind("Voltra").unwrap() + 6,
                ),
                label: EntityLabel::Per,
                actor: None,
            },
            at("Skyra", EntityLabel::Loc),
            at("Trump", EntityLabel::Per),
            at("Clinton", EntityLabel::Per),
        ];
        org_after_its_kind(text, &mut mentions);
        let labels: Vec<EntityLabel> = mentions.iter().map(|m| m.label).collect();
        use EntityLabel::{Org, Per};
        assert_eq!(labels, [Org, Org, Org, Per, Per]);
    }

    #[test]
    fn a_participle_opening_its_sentence_is_no_name() {
        let text =
            "Born in Ballarat in 1937, Ellery was one of two women. Saeed in his comment said no.";
        let doc = segment(text);
        let span = |w: &str| {
            let at = text.find(w).unwrap();
            Span::new(at, at + w.len())
        };
        assert!(is_participle_opener(text, &doc, span("Born")));
        assert!(!is_participle_opener(text, &doc, span("Ballarat")));
        assert!(!is_participle_opener(text, &doc, span("Saeed")));
    }

    #[test]
    fn a_name_ending_in_an_organisation_word_is_an_organisation() {
        let text = "Ortiz works at Johns Hopkins University and Adair at Nordhavn Securities; \
                    Emily Post, Mayor John Post, Dr. Aroha Press, the West Bank and Kansas City \
                    are no organisations.";
        let at = |w: &str, label| mention_at(text, w, label);
        let mut mentions = vec![
            at("Johns Hopkins University", EntityLabel::Loc),
            at("Nordhavn Securities", EntityLabel::Per),
            at("Emily Post", EntityLabel::Per),
            at("John Post", EntityLabel::Per),
            at("Aroha Press", EntityLabel::Per),
            at("West Bank", EntityLabel::Loc),
            at("Kansas City", EntityLabel::Loc),
        ];
        org_by_last_word(text, &mut mentions);
        let labels: Vec<EntityLabel> = mentions.iter().map(|m| m.label).collect();
        use EntityLabel::{Loc, Org, Per};
        assert_eq!(labels, [Org, Org, Per, Per, Per, Loc, Loc]);
    }

    #[test]
    fn a_prefixed_given_name_or_an_apostrophe_surname_is_a_person() {
        for (text, name) in [
            ("DeShawn Tillery voted on Monday.", "DeShawn Tillery"),
            ("LaToya Jenkins voted on Monday.", "LaToya Jenkins"),
            ("Connor O'Brien voted on Monday.", "Connor O'Brien"),
            (
                "Voters saw Connor O\u{2019}Brien on Monday.",
                "Connor O\u{2019}Brien",
            ),
            (
                "Fans cheered Shaquille O'Neal on Monday.",
                "Shaquille O'Neal",
            ),
        ] {
            let e = ents(text);
            assert!(has(&e, name, "PER"), "{name}: {e:?}");
        }
        // a brand, a place, a longer name, or a sentence's first small word, is not made one
        for (text, not) in [
            (
                "BlackRock Fund said on Monday it would sell.",
                "BlackRock Fund",
            ),
            ("Voters in DeKalb County waited.", "DeKalb County"),
            ("The LaSalle Street Bridge closed.", "LaSalle Street"),
            ("Then O'Brien voted.", "Then O'Brien"),
        ] {
            let e = ents(text);
            assert!(!has(&e, not, "PER"), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_spelled_local_title_is_no_part_of_the_name() {
        for (text, name) in [
            ("Councilor Ray Okafor questioned the study.", "Ray Okafor"),
            ("Sheriff Wade Kettering spoke on Tuesday.", "Wade Kettering"),
            (
                "Alderwoman Jane Okafor questioned the study.",
                "Jane Okafor",
            ),
            (
                "City Manager Alicia Gomez questioned the study.",
                "Alicia Gomez",
            ),
            (
                "Conservative MP Andrew Marsh questioned the study.",
                "Andrew Marsh",
            ),
        ] {
            let e = ents(text);
            assert!(has(&e, name, "PER"), "{name}: {e:?}");
            assert!(
                !e.iter().any(|(t, _)| t.contains("Councilor")
                    || t.contains("Sheriff")
                    || t.contains("Alderwoman")
                    || t.contains("Manager")
                    || t.contains(" MP")),
                "{text}: {e:?}"
            );
        }
        // what the tagger read with the name stays, bar the title
        let e = ents("Sheriff Wade Kettering of Elbert Ridge County spoke on Tuesday.");
        assert!(has(&e, "Wade Kettering", "PER"), "{e:?}");
        assert!(e.iter().any(|(t, _)| t == "Elbert Ridge County"), "{e:?}");
        // a body named after the title is no person
        for text in [
            "The Sheriff Department said it would appeal.",
            "The City Manager Office said it would appeal.",
        ] {
            let e = ents(text);
            assert!(!e.iter().any(|(_, l)| *l == "PER"), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_name_runs_on_over_particles_and_a_second_surname() {
        for (text, name) in [
            ("Brazilian President Luiz Inácio Lula da Silva said on Wednesday he would veto the bill.", "Luiz Inácio Lula da Silva"),
            ("Former President Andrés Manuel López Obrador posted a video.", "Andrés Manuel López Obrador"),
        ] {
            let e = ents(text);
            assert!(has(&e, name, "PER"), "{name}: {e:?}");
        }
        let e = ents("Saudi Foreign Minister Prince Faisal bin Farhan Al Saud said on Sunday that Gulf states were ready.");
        assert!(
            e.iter()
                .any(|(t, l)| t.ends_with("Faisal bin Farhan Al Saud") && *l == "PER"),
            "{e:?}"
        );
        // a day or an organisation's word after a name, or a new line, is not the name's
        for (text, name) in [
            ("Hillary Clinton Tuesday said no.", "Hillary Clinton"),
            ("The Barack Obama Foundation said no.", "Barack Obama"),
            ("Oliver Reck\nDefenders - Markus Babbel", "Oliver Reck"),
        ] {
            let start = text.find(name).unwrap();
            let mut mentions = vec![Mention {
                span: Span::new(start, start + name.len()),
                label: EntityLabel::Per,
                actor: None,
            }];
            whole_person_names(text, &segment(text), &mut mentions);
            assert_eq!(mentions[0].span.text(text), name);
        }
    }

    #[test]
    fn a_role_word_inside_a_name_ends_it_and_the_person_follows() {
        let text = "Supreme Court nominee Neil M. Gorsuch testified.";
        let mut m = vec![mention_at(
            text,
            "Court nominee Neil M. Gorsuch",
            EntityLabel::Org,
        )];
        names_after_a_role(text, &mut m);
        let got: Vec<_> = m.iter().map(|m| (m.span.text(text), m.label)).collect();
        assert_eq!(
            got,
            [
                ("Court", EntityLabel::Org),
                ("Neil M. Gorsuch", EntityLabel::Per)
            ]
        );
        // a space of more than one byte before the role word
        let text = "Supreme Court nominee\u{2028}Neil Gorsuch spoke.";
        let mut m = vec![mention_at(
            text,
            "Court nominee\u{2028}Neil Gorsuch",
            EntityLabel::Org,
        )];
        names_after_a_role(text, &mut m);
        let got: Vec<_> = m.iter().map(|m| m.span.text(text)).collect();
        assert_eq!(got, ["Court", "Neil Gorsuch"]);
        // a capitalised role inside an organisation's name, a name of two words after
        let text = "Federal Emergency Management Agency Administrator Craig Fugate said so.";
        let mut m = vec![mention_at(
            text,
            "Federal Emergency Management Agency Administrator Craig Fugate",
            EntityLabel::Org,
        )];
        names_after_a_role(text, &mut m);
        let got: Vec<_> = m.iter().map(|m| (m.span.text(text), m.label)).collect();
        assert_eq!(
            got,
            [
                ("Federal Emergency Management Agency", EntityLabel::Org),
                ("Craig Fugate", EntityLabel::Per)
            ]
        );
        // a lower-case word that is no role, or no name after the role, leaves it; so
        // does a capitalised role with one word after it, or in a person's name
        for (text, span, label) in [
            (
                "The Bank of England raised rates.",
                "Bank of England",
                EntityLabel::Org,
            ),
            (
                "The Court nominee said so.",
                "Court nominee",
                EntityLabel::Org,
            ),
            (
                "The Senate Judiciary Committee Chairman Grassley spoke.",
                "Senate Judiciary Committee Chairman Grassley",
                EntityLabel::Org,
            ),
            (
                "Vice President Joe Biden spoke.",
                "Vice President Joe Biden",
                EntityLabel::Per,
            ),
        ] {
            let mut m = vec![mention_at(text, span, label)];
            names_after_a_role(text, &mut m);
            assert_eq!(m.len(), 1);
            assert_eq!(m[0].span.text(text), span);
        }
    }

    #[test]
    fn spokesperson_apposition() {
        let e = ents("Oana Lungescu, the NATO spokesperson, said the alliance would not move.");
        assert!(has(&e, "Oana Lungescu", "PER"), "{e:?}");
        assert!(has(&e, "NATO", "ORG"), "{e:?}");
    }

    #[test]
    fn curly_possessives_and_titles() {
        let e = ents(
            "NATO’s Secretary-General Jens Stoltenberg has invited Russia to attend a meeting in Brussels.",
        );
        assert!(has(&e, "NATO", "ORG"), "{e:?}");
        assert!(has(&e, "Jens Stoltenberg", "PER"), "{e:?}");
        assert!(has(&e, "Russia", "LOC"), "{e:?}");
        assert!(has(&e, "Brussels", "LOC"), "{e:?}");
    }

    #[test]
    fn the_words_after_an_abbreviated_title_are_one_person() {
        // (the tagger alone reads "Gov. Martin" and "O’Malley", "Gov. Jerry" and "Brown")
        let text = "Former Secretary of State Hillary Clinton and former Maryland Gov. Martin \
                    O’Malley, who are also seeking the nomination, have pledged to act as well. \
                    After former California Gov. Jerry Brown criticized Bill Clinton, she spoke. \
                    But state Rep. Gilda Cobb-Hunter recalled 2008, and Lt. Gov. Dan Patrick \
                    did not. The rebels fought Syrian Pres. Bashar al-Assad.";
        let e = ents(text);
        for name in [
            "Martin O’Malley",
            "Jerry Brown",
            "Gilda Cobb-Hunter",
            "Dan Patrick",
            "Bashar al-Assad",
        ] {
            assert!(has(&e, name, "PER"), "{name}: {e:?}");
        }
        assert!(has(&e, "Maryland", "LOC"), "{e:?}");
        assert!(
            !e.iter()
                .any(|(t, _)| t.contains("Gov.") || t.contains("Rep.")),
            "{e:?}"
        );
        // a form of address is no name
        let e = ents("“Mr. President, we are ready,” she said.");
        assert!(!e.iter().any(|(t, _)| t == "President"), "{e:?}");
    }

    #[test]
    fn british_titles_without_a_period_are_titles() {
        let e = ents(
            "The buyout was organised by Mr Raj Malhotra, a retired accountant, and Dr Ann Lee.",
        );
        assert!(has(&e, "Raj Malhotra", "PER"), "{e:?}");
        assert!(has(&e, "Ann Lee", "PER"), "{e:?}");
        assert!(
            !e.iter()
                .any(|(t, _)| t.starts_with("Mr") || t.starts_with("Dr")),
            "{e:?}"
        );
    }

    #[test]
    fn a_given_name_runs_on_into_a_known_surname() {
        // (the tagger, having read a lone "Khizr" first, ends the later name before "Khan")
        let text = "Khizr and Ghazala Khan, the Gold Star parents, say they felt compelled to \
                    speak out.\n\n\"You see people wearing scarves,\" Khizr Khan, 66, said.";
        let e = ents(text);
        assert!(has(&e, "Khizr Khan", "PER"), "{e:?}");
        assert!(has(&e, "Ghazala Khan", "PER"), "{e:?}");
    }

    #[test]
    fn two_people_side_by_side_are_one_name() {
        // (as the tagger split it deep in one article, where a lone "Khizr" came first)
        let text = "“We see it,” Khizr Khan, 66, said. Obama, Biden spoke.";
        let m = |t: &str, label| mention_at(text, t, label);
        let mut found = vec![
            m("Khizr", EntityLabel::Per),
            m("Khan", EntityLabel::Per),
            m("Obama", EntityLabel::Per),
            m("Biden", EntityLabel::Per),
        ];
        join_split_names(text, &mut found);
        let names: Vec<&str> = found.iter().map(|m| m.span.text(text)).collect();
        assert_eq!(names, ["Khizr Khan", "Obama", "Biden"]);
    }

    #[test]
    fn nationalities_are_misc() {
        let e = ents("He held talks with Russian Foreign Minister Sergei Lavrov in Geneva.");
        assert!(has(&e, "Russian", "MISC"), "{e:?}");
        assert!(has(&e, "Sergei Lavrov", "PER"), "{e:?}");
        assert!(has(&e, "Geneva", "LOC"), "{e:?}");
    }

    #[test]
    fn a_surname_keeps_its_person_through_the_article() {
        let text = "Melezia Figueroa, a spokeswoman, spoke on Monday. Later Figueroa said the campaign had planned a protest.";
        let found = ents(text);
        assert!(has(&found, "Melezia Figueroa", "PER"), "{found:?}");
        // whatever the tagger said of the lone surname, it is the same person
        assert!(
            found
                .iter()
                .filter(|(t, _)| t == "Figueroa")
                .all(|(_, l)| *l == "PER"),
            "{found:?}"
        );
        // the rule itself, on a surname tagged as an organisation; a place stays a place
        let text = "Melezia Figueroa met Jordan Washington. Figueroa and Washington spoke.";
        let at = |w: &str, from: usize| {
            let i = text[from..].find(w).unwrap() + from;
            crate::pipeline::Span::new(i, i + w.len())
        };
        let mention = |span, label| Mention {
            span,
            label,
            actor: None,
        };
        let mut m = vec![
            mention(at("Melezia Figueroa", 0), EntityLabel::Per),
            mention(at("Jordan Washington", 0), EntityLabel::Per),
            mention(at("Figueroa", 30), EntityLabel::Org),
            mention(at("Washington", 50), EntityLabel::Loc),
        ];
        let names = surnames(text, &m);
        same_person_throughout(text, &mut m, &names);
        assert_eq!(m[2].label, EntityLabel::Per);
        assert_eq!(m[3].label, EntityLabel::Loc);
        // a lone surname the tagger passed over is found; one inside a longer capitalised
        // phrase ("Carson City") and a place ("Washington") are not
        let text = "Ben Carson spoke. Carson defied the question near Carson City and Washington.";
        let doc = segment(text);
        let mut m = vec![mention(crate::pipeline::Span::new(0, 10), EntityLabel::Per)];
        let names = surnames(text, &m);
        lone_surnames(text, &doc, &mut m, names);
        let spans: Vec<&str> = m.iter().map(|x| x.span.text(text)).collect();
        assert_eq!(spans, ["Ben Carson", "Carson"]);
        assert_eq!(m[1].span.start, text.find(". ").unwrap() + 2);
        assert_eq!(m[1].label, EntityLabel::Per);
    }

    #[test]
    fn names_do_not_end_on_a_lower_case_word() {
        let text = "That, said Katie Walsh explained, is by design; Bashar al-Assad and Oscar de";
        let span = |a: &str| {
            let i = text.find(a).unwrap();
            Span::new(i, i + a.len())
        };
        let cut = without_lowercase_tail(text, span("Katie Walsh explained"));
        assert_eq!(cut.text(text), "Katie Walsh");
        let kept = without_lowercase_tail(text, span("Bashar al-Assad"));
        assert_eq!(kept.text(text), "Bashar al-Assad");
        let kept = without_lowercase_tail(text, span("Oscar de"));
        assert_eq!(kept.text(text), "Oscar de");
    }

    #[test]
    fn companies_are_org() {
        let e =
            ents("Shares of General Motors Corp. rose 3 percent on the New York Stock Exchange.");
        assert!(
            e.iter()
                .any(|(t, l)| t.starts_with("General Motors") && *l == "ORG"),
            "{e:?}"
        );
    }

    #[test]
    fn title_case_headline_is_not_one_long_name() {
        let e = ents("Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues");
        assert!(has(&e, "Pat Caddell", "PER"), "{e:?}");
        assert!(has(&e, "Hillary Clinton", "PER"), "{e:?}");
        assert!(e.iter().all(|(t, _)| !t.contains("Worried")), "{e:?}");
    }

    #[test]
    fn lower_case_prose_has_no_entities() {
        assert!(ents("the cat sat on the mat and said nothing at all.").is_empty());
        assert!(ents("").is_empty());
    }

    #[test]
    fn an_adverb_opening_a_sentence_is_no_name() {
        let text = "Rubio has spoken at length about his views. Lately, he has been underscoring his values more.";
        assert!(!has(&ents(text), "Lately", "PER"), "{:?}", ents(text));
        assert!(is_adverb_opener(
            "Ultimately, the court ruled.",
            Span::new(0, 10)
        ));
        // a name in -ly keeps its comma
        assert!(!is_adverb_opener(
            "Kelly, the anchor, said so.",
            Span::new(0, 5)
        ));
    }

    #[test]
    fn mentions_never_overlap_even_when_two_passes_claim_a_word() {
        let text = "Organization of da da Monday da Bank Fund";
        let doc = segment(text);
        let m = MODEL.tag(text, &doc);
        for w in m.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{m:?}");
        }
    }

    #[test]
    fn actor_is_unset() {
        let text = "Joe Biden met Vladimir Putin.";
        let doc = segment(text);
        let m = MODEL.tag(text, &doc);
        assert!(!m.is_empty());
        assert!(m.iter().all(|m| m.actor.is_none()));
        assert!(m.iter().any(|m| m.label == EntityLabel::Per));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_input_gives_char_boundary_spans(s in "\\PC{0,200}") {
            let doc = segment(&s);
            for m in MODEL.tag(&s, &doc) {
                prop_assert!(m.span.start < m.span.end && m.span.end <= s.len());
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
        }

        #[test]
        fn capitalised_word_soup_never_panics(words in proptest::collection::vec("[A-Z][a-z]{0,8}|[’'\"“”.,-]|U\\.S\\.", 0..80)) {
            let s = words.join(" ");
            let doc = segment(&s);
            for m in MODEL.tag(&s, &doc) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
        }

        /// Names, particles and organisations' words side by side (the rules that join
        /// and extend the tagger's names): spans in order, never overlapping.
        #[test]
        fn names_particles_and_organisations_words_give_ordered_spans(words in proptest::collection::vec("[A-Z][a-z]{0,6}|da|bin|de|of|and|for|The|Organization|Bank|Fund|Council|Monday|Sen\\.|\n|,", 0..60)) {
            let s = words.join(" ");
            let doc = segment(&s);
            let m = MODEL.tag(&s, &doc);
            for w in m.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start, "{:?} {:?} in {s:?}", w[0], w[1]);
            }
        }
    }
}
