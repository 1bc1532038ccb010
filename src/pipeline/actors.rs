//! Article-local actors: one per person, organisation or place, joining full names,
//! surnames ("Blinken"), titled names ("Mr. Blinken"), resolved pronouns and nominals.
//! The most complete name is canonical. A capital that speaks ("Moscow has said") is
//! its country's actor: the government speaks, not the city.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer;
use super::lexicon::{self, Gender};
use super::segment::Doc;
use super::{
    ActorKind, EntityLabel, LocalActor, LocalActorId, Mention, Quote, Span, SpeakerSource,
};

fn kind_of(label: EntityLabel) -> ActorKind {
    match label {
        EntityLabel::Per => ActorKind::Person,
        EntityLabel::Org => ActorKind::Organisation,
        EntityLabel::Loc => ActorKind::Place,
        EntityLabel::Misc => ActorKind::Group,
    }
}

/// A name without titles, possessives or trailing punctuation.
pub fn clean_name(name: &str) -> String {
    let t = name.trim().trim_end_matches([',', '.', ':', ';']).trim();
    let t = t
        .strip_suffix("’s")
        .or_else(|| t.strip_suffix("'s"))
        .unwrap_or(t);
    // (a one-word name, the most common, has nothing below to take off)
    if !t.contains(char::is_whitespace) {
        return t.to_owned();
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    // A title goes only when a name follows it: "Sen. Bernie Sanders" is Bernie Sanders,
    // "the president" stays a description.
    let mut k = 0;
    // "Even China", "Only Trump": a focusing adverb is no part of the name
    if parts.len() >= 2
        && matches!(parts[0], "Even" | "Only" | "Also" | "Just")
        && parts[1].chars().next().is_some_and(char::is_uppercase)
    {
        k = 1;
    }
    // "The White House" is the White House
    if parts.len() >= k + 2
        && parts[k].eq_ignore_ascii_case("the")
        && parts[k + 1].chars().next().is_some_and(char::is_uppercase)
    {
        k += 1;
    }
    // ("State Department", "Defense Ministry": a title word naming the body, not a
    // person's title)
    while k + 1 < parts.len()
        && lexicon::is_title(&parts[k].to_lowercase())
        && !lexicon::org_noun(&parts[k + 1].to_lowercase())
        // ("Senator from Texas", "Secretary of State": a title with its place is a
        // description, no name comes after it)
        && !matches!(parts[k + 1], "from" | "of" | "in" | "at" | "for" | "with" | "by")
        && parts[k + 1..]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        k += 1;
    }
    // "Clinton herself": an emphatic reflexive is no part of the name
    let mut end = parts.len();
    if end > k + 1
        && matches!(
            parts[end - 1],
            "himself" | "herself" | "itself" | "themselves" | "myself" | "ourselves"
        )
    {
        end -= 1;
    }
    parts[k..end].join(" ")
}

/// "Advisers to Mr. Rubio", "Democrats": a noun of people, not a name.
fn group_phrase(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    lexicon::speaker_noun(&first)
        && (first.ends_with('s')
            || name
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_lowercase)))
}

/// "One veteran agent in Weslaco": a description of someone unnamed and where they are,
/// whose last word is a place, no surname.
fn placed_description(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words[..words.len().saturating_sub(1)]
        .iter()
        .position(|w| matches!(*w, "in" | "at" | "from"))
        .is_some_and(|p| lexicon::describes_someone_unnamed(&words[..p]))
}

/// "A spokesperson", "The operator": a description whose article is capitalised only
/// because it opens the sentence, no name.
fn described(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!(words.next(), Some("A" | "An" | "The"))
        && words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// `s.split_whitespace().next_back()`: a scan back from the end of `s` (the splitter's
/// way costs several times more; this runs before every mention).
fn last_word(s: &str) -> Option<&str> {
    let t = s.trim_end();
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < t.len()).then(|| &t[start..])
}

/// `s.split_whitespace().count()` in one pass over the characters (the splitter searched
/// for each word's end; this runs for every mention and alias).
fn word_count(s: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in s.chars() {
        let space = c.is_whitespace();
        words += (!space && !in_word) as usize;
        in_word = !space;
    }
    words
}

fn fold(s: &str) -> String {
    // (the borrowing form: an ASCII name is not copied before it is lowered)
    deunicode::deunicode_with_tofu_cow(s, "[?]").to_lowercase()
}

struct Builder {
    actors: Vec<LocalActor>,
    /// For each kind, each folded name (canonical or alias) → the first actor that has
    /// it, so an exact lookup does not scan every actor.
    by_name: [HashMap<String, LocalActorId>; 4],
    /// Each actor's folded canonical name, split into words, kept beside it so a surname
    /// lookup does not fold every name again.
    canonical_words: Vec<Vec<String>>,
    /// For each folded surname, the people whose full name ends in it, each with where
    /// the article first writes a full name of theirs ("Mark Hale", then "Tom Hale").
    full_names: HashMap<String, Vec<(LocalActorId, usize)>>,
}

fn kind_slot(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organisation => 1,
        ActorKind::Place => 2,
        ActorKind::Group => 3,
    }
}

/// "NATO" of "North Atlantic Treaty Organization": the initials of its capitalised words.
fn acronym(long: &str) -> String {
    long.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

impl Builder {
    /// `folded` is `fold(name)`.
    /// `register`: the name also finds this actor from now on.
    fn add_alias(&mut self, id: LocalActorId, name: &str, folded: String, register: bool) {
        let a = &mut self.actors[id];
        if name.is_empty() {
            return;
        }
        // the longest name is canonical
        let longer = word_count(name) > word_count(&a.canonical);
        if longer {
            self.canonical_words[id] = folded.split_whitespace().map(str::to_owned).collect();
        }
        if register {
            let first = self.by_name[kind_slot(a.kind)].entry(folded).or_insert(id);
            *first = (*first).min(id);
        }
        if longer {
            let old = std::mem::replace(&mut a.canonical, name.to_owned());
            if !a.aliases.contains(&old) {
                a.aliases.push(old);
            }
        } else if name != a.canonical && !a.aliases.iter().any(|x| x == name) {
            a.aliases.push(name.to_owned());
        }
    }

    /// Another name for an actor that never becomes its canonical name, however long:
    /// a capital for its country ("New Delhi" for India).
    fn add_other_name(&mut self, id: LocalActorId, name: &str) {
        let a = &mut self.actors[id];
        let first = self.by_name[kind_slot(a.kind)]
            .entry(fold(name))
            .or_insert(id);
        *first = (*first).min(id);
        if name != a.canonical && !a.aliases.iter().any(|x| x == name) {
            a.aliases.push(name.to_owned());
        }
    }

    /// Finds the actor a name refers to: same folded name, or (for people) the same
    /// surname / a name whose tokens contain this one's.
    /// `at`: where the name is written, if in the text.
    fn find(
        &self,
        name: &str,
        kind: ActorKind,
        title: Option<Gender>,
        at: Option<usize>,
    ) -> Option<LocalActorId> {
        self.find_folded(name, &fold(name), kind, title, at)
    }

    /// "Mark Hale spoke. “We will win,” Hale said. His brother Tom Hale disagreed.": a
    /// bare surname (folded, `f`) that several people of the article bear is the one of
    /// them whose full name was written before it, when only one was: the full name
    /// introduces, the surname refers back. With two introduced before it ("Hillary
    /// Clinton", "Bill Clinton", then "Clinton"), or a title to choose by, this says
    /// nothing.
    fn introduced_before(
        &self,
        f: &str,
        kind: ActorKind,
        title: Option<Gender>,
        at: Option<usize>,
    ) -> Option<LocalActorId> {
        let at = at?;
        if kind != ActorKind::Person || title.is_some() || f.contains(' ') {
            return None;
        }
        let owners = self.full_names.get(f)?;
        if owners.len() < 2 {
            return None;
        }
        let mut before = owners.iter().filter(|&&(_, intro)| intro < at);
        match (before.next(), before.next()) {
            (Some(&(id, _)), None) => Some(id),
            _ => None,
        }
    }

    /// Notes that actor `id` is written with the full name `f` (folded) at `at`.
    fn full_name_at(&mut self, id: LocalActorId, f: &str, at: usize) {
        if self.actors[id].kind != ActorKind::Person {
            return;
        }
        let mut words = f.split_whitespace();
        let (Some(_), Some(last)) = (words.next(), words.next_back()) else {
            return;
        };
        let owners = self.full_names.entry(last.to_owned()).or_default();
        match owners.iter_mut().find(|(o, _)| *o == id) {
            Some((_, intro)) => *intro = (*intro).min(at),
            None => owners.push((id, at)),
        }
    }

    /// `title`: the gender of a title written before the name ("Mrs. Clinton" is not
    /// "Bill Clinton" when the article also has "Hillary Clinton").
    fn find_folded(
        &self,
        name: &str,
        f: &str,
        kind: ActorKind,
        title: Option<Gender>,
        at: Option<usize>,
    ) -> Option<LocalActorId> {
        // (the first and last words, and whether there is one: no Vec of words a call)
        let mut words = f.split_whitespace();
        let first = words.next()?;
        let last_word = words.next_back();
        let one_word = last_word.is_none();
        let same_kind = |a: &&LocalActor| a.kind == kind;
        // (a titled surname looks for its person first: a bare "Clinton" actor, made
        // because two Clintons were named, is not "Mrs. Clinton")
        let titled_surname = title.is_some() && one_word && kind == ActorKind::Person;
        if let Some(id) = self.introduced_before(f, kind, title, at) {
            return Some(id);
        }
        if !titled_surname {
            if let Some(&id) = self.by_name[kind_slot(kind)].get(f) {
                return Some(id);
            }
        }
        if kind == ActorKind::Person {
            // "Blinken" → "Antony Blinken"; "Antony Blinken" → an earlier "Blinken".
            let last = Some(last_word.unwrap_or(first));
            let fits = |a: &LocalActor, full_names_only: bool| {
                let ct = &self.canonical_words[a.id];
                // ("López Obrador" after "Andrés Manuel López Obrador": the name's last words)
                let tail = || {
                    let n = f.split_whitespace().count();
                    ct.len() > n
                        && ct[ct.len() - n..]
                            .iter()
                            .map(String::as_str)
                            .eq(f.split_whitespace())
                };
                if !(a.kind == kind
                    && ct.last().map(String::as_str) == last
                    && (one_word || ct.len() == 1 || ct.len() >= 2 && ct[0] == first || tail())
                    && (!full_names_only || ct.len() >= 2))
                {
                    return false;
                }
                // (the given-name look-up last: every actor of the article is tried)
                let given = a
                    .canonical
                    .split_whitespace()
                    .next()
                    .filter(|_| ct.len() >= 2)
                    .and_then(|w| lexicon::GIVEN_NAMES.get(w).copied());
                !matches!((title, given), (Some(t), Some(g)) if t != g)
            };
            // ("Mrs. Clinton" is the one full-named Clinton she can be, not a bare
            // "Clinton" made because two Clintons were named)
            if titled_surname {
                let mut full = self.actors.iter().filter(|a| fits(a, true));
                if let (Some(a), None) = (full.next(), full.next()) {
                    return Some(a.id);
                }
                if let Some(&id) = self.by_name[kind_slot(kind)].get(f) {
                    return Some(id);
                }
            }
            let mut candidates = self.actors.iter().filter(|a| fits(a, false));
            match (candidates.next(), candidates.next()) {
                (Some(a), None) => return Some(a.id),
                (Some(_), Some(_)) => return None,
                (None, _) => {}
            }
            // "Mao" after "Mao Ning", "Xi" after "Xi Jinping": a name written family
            // name first; "Lula" after "Luiz Inácio Lula da Silva". A given name alone
            // joins the same way, as a choice: "Hillary" after "Hillary Clinton" is her
            // when she is the only full name that starts with it. The one person with
            // the word first (or before a particle) in a full name, when no name ends
            // with it.
            if one_word && title.is_none() {
                let mut by_first = self.actors.iter().filter(|a| {
                    let ct = &self.canonical_words[a.id];
                    // (the first word, or one before a particle: not any middle word, as
                    // a surname before "Jr" or a name the tagger ran on into a headline)
                    a.kind == kind
                        && ct.len() >= 2
                        && (ct[0] == first
                            || ct
                                .windows(2)
                                .any(|p| p[0] == first && lexicon::is_name_joining_particle(&p[1])))
                });
                if let (Some(a), None) = (by_first.next(), by_first.next()) {
                    return Some(a.id);
                }
            }
        }
        if kind == ActorKind::Organisation {
            // An acronym and its expansion: "NATO" / "North Atlantic Treaty Organization".
            let own = acronym(name);
            // (an acronym is capitals only: no other name needs every actor's acronym)
            let may_be_acronym = name.chars().all(char::is_uppercase);
            if let Some(a) = self
                .actors
                .iter()
                .filter(same_kind)
                .find(|a| may_be_acronym && acronym(&a.canonical) == name || own == a.canonical)
            {
                return Some(a.id);
            }
            // "Brightline" after "Brightline Foods Inc", "Goldman Sachs" and "Goldman Sachs
            // Group": one name is the other and words organisations' names end in.
            let short_of = |full: &str, short: &str| {
                let mut f = full.split_whitespace();
                let mut n = 0;
                for w in short.split_whitespace() {
                    if f.next() != Some(w) {
                        return false;
                    }
                    n += 1;
                }
                let mut rest = f.peekable();
                n > 0 && rest.peek().is_some() && rest.all(gazetteer::is_org_suffix)
            };
            let mut longer = self
                .actors
                .iter()
                .filter(same_kind)
                .filter(|a| short_of(&a.canonical, name) || short_of(name, &a.canonical));
            if let (Some(a), None) = (longer.next(), longer.next()) {
                return Some(a.id);
            }
        }
        None
    }

    fn get_or_add(
        &mut self,
        name: &str,
        kind: ActorKind,
        title: Option<Gender>,
        at: Option<usize>,
    ) -> LocalActorId {
        let f = fold(name);
        if let Some(id) = self.find_folded(name, &f, kind, title, at) {
            // (a surname joined through its title, or through where it is written, is not
            // that person's bare name for the rest of the article: "Clinton" alone may
            // still be either Clinton)
            let titled_surname = title.is_some() && !f.contains(' ') && kind == ActorKind::Person;
            let placed = self.introduced_before(&f, kind, title, at).is_some();
            if !titled_surname && !placed {
                self.full_name_at(id, &f, at.unwrap_or(usize::MAX));
            }
            self.add_alias(id, name, f, !titled_surname && !placed);
            return id;
        }
        let id = self.actors.len();
        self.canonical_words
            .push(f.split_whitespace().map(str::to_owned).collect());
        self.by_name[kind_slot(kind)].entry(f.clone()).or_insert(id);
        self.actors.push(LocalActor {
            id,
            canonical: name.to_owned(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            affiliations: Vec::new(),
            mentions: Vec::new(),
        });
        self.full_name_at(id, &f, at.unwrap_or(usize::MAX));
        id
    }
}

/// The gender of a title at the start of a mention or right before it ("Mrs. Clinton").
fn title_before(text: &str, span: Span) -> Option<Gender> {
    let own = span.text(text).split_whitespace().next();
    own.and_then(lexicon::title_gender)
        .or_else(|| last_word(&text[..span.start]).and_then(lexicon::title_gender))
}

/// "Khizr and Ghazala Khan", "Bill and Hillary Clinton": a lone given name joined by "and"
/// to a person's full name shares its surname. The full name of the given name's mention
/// `i`, when it is such a one.
fn shared_surname(text: &str, entities: &[Mention], i: usize) -> Option<String> {
    let m = &entities[i];
    let given = m.span.text(text);
    if m.label != EntityLabel::Per || given.contains(char::is_whitespace) {
        return None;
    }
    let rest = &text[m.span.end..];
    let gap = ["and", "&"]
        .iter()
        .find_map(|w| rest.strip_prefix(' ')?.strip_prefix(w)?.strip_prefix(' '))?;
    let at = text.len() - gap.len();
    let next = entities
        .iter()
        .find(|n| n.span.start == at && n.label == EntityLabel::Per)?;
    let full = next.span.text(text);
    let mut words = full.split_whitespace();
    let (_, surname) = (words.next()?, words.next_back()?);
    // ("Trump and Hillary Clinton": a word that is someone's surname is no given name)
    let is_a_surname = entities.iter().any(|e| {
        e.label == EntityLabel::Per && {
            let t = e.span.text(text);
            t.contains(char::is_whitespace) && t.split_whitespace().next_back() == Some(given)
        }
    });
    // ("Mr. Obama and Hillary Clinton": a titled word is a surname)
    let titled = text[..m.span.start]
        .split_whitespace()
        .next_back()
        .is_some_and(lexicon::is_written_person_title);
    (!is_a_surname && !titled).then(|| format!("{given} {surname}"))
}

/// Builds the article's actors and points every entity mention and speaker at one.
pub fn resolve(
    text: &str,
    _doc: &Doc,
    entities: &mut [Mention],
    quotes: &mut [Quote],
) -> Vec<LocalActor> {
    let mut b = Builder {
        actors: Vec::new(),
        by_name: Default::default(),
        canonical_words: Vec::new(),
        full_names: HashMap::default(),
    };
    // Full names first, so surnames seen earlier still join them.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_cached_key(|&i| std::cmp::Reverse(word_count(entities[i].span.text(text))));
    for i in order {
        let m = &entities[i];
        let name = clean_name(m.span.text(text));
        if name.is_empty() {
            continue;
        }
        let name = shared_surname(text, entities, i).unwrap_or(name);
        let mut kind = kind_of(m.label);
        // A nationality word is about its country: "Russian demands" mention Russia.
        // (only a MISC entity is looked up)
        let demonym_of = match m.label {
            EntityLabel::Misc => gazetteer::country_of_demonym(&name),
            _ => None,
        };
        let name = match demonym_of {
            Some(country) => {
                kind = ActorKind::Place;
                country.to_owned()
            }
            _ => name,
        };
        let name = if kind == ActorKind::Place {
            gazetteer::canonical_country(&name).map_or(name, str::to_owned)
        } else {
            name
        };
        let id = b.get_or_add(&name, kind, title_before(text, m.span), Some(m.span.start));
        b.actors[id].mentions.push(m.span);
        entities[i].actor = Some(id);
    }
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker.as_mut() else {
            continue;
        };
        let name = clean_name(&s.name);
        if name.is_empty() {
            continue;
        }
        // The speaker's kind: from an entity at the mention, else a known place or org,
        // else a person when it looks like a name, else a group.
        // (an entity inside a longer phrase, "Advisers to Mr. Rubio", says nothing of it)
        // (a description resolved to someone named before, "The Democratic governor" →
        // Laura Whitfield, takes nothing from the entity inside it, "Democratic")
        let resolved = s.how == SpeakerSource::Nominal && s.mention.text(text) != s.name;
        let label = entities
            .iter()
            .find(|m| {
                !resolved
                    && m.span.overlaps(s.mention)
                    && 2 * m.span.len() >= s.mention.len().min(name.len())
            })
            .map(|m| m.label);
        let capital_of = gazetteer::country_of_capital(&name);
        // ("OKORO: Because …" after "Daniel Okoro": a transcript's label in capitals is
        // the person of that surname, whatever the tagger made of the capitals)
        let shouted_surname = label.is_some_and(|l| l != EntityLabel::Per)
            && !name.contains(' ')
            && name.chars().count() > 1
            && !name.chars().any(char::is_lowercase);
        let label = if shouted_surname
            && b.find(&name, ActorKind::Person, None, Some(s.mention.start))
                .is_some()
        {
            None
        } else {
            label
        };
        let (actor_name, kind) = if let Some(country) = capital_of {
            (country.to_owned(), ActorKind::Place)
        } else if let Some(l) = label {
            let k = kind_of(l);
            (
                if k == ActorKind::Place {
                    gazetteer::canonical_country(&name).map_or(name.clone(), str::to_owned)
                } else {
                    name.clone()
                },
                k,
            )
        } else if let Some(a) = (!placed_description(&name))
            .then(|| {
                b.find(
                    &name,
                    ActorKind::Person,
                    title_before(text, s.mention),
                    Some(s.mention.start),
                )
            })
            .flatten()
        {
            (b.actors[a].canonical.clone(), ActorKind::Person)
        } else if let Some(a) = {
            // ("Serbia's Foreign Ministry said … It demanded …": a pronoun resolved to a
            // speaker already known is that actor, of its kind, not a new person)
            let f = fold(&name);
            b.by_name
                .iter()
                .filter_map(|names| names.get(&f).copied())
                .min()
        } {
            (b.actors[a].canonical.clone(), b.actors[a].kind)
        } else if name.chars().next().is_some_and(char::is_uppercase)
            && !group_phrase(&name)
            && !described(&name)
        {
            let k = if gazetteer::is_country(&name) {
                ActorKind::Place
            } else if name.split_whitespace().count() >= 2
                && name
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                ActorKind::Person
            } else {
                ActorKind::Organisation
            };
            (name.clone(), k)
        } else {
            (name.clone(), ActorKind::Group)
        };
        let id = b.get_or_add(
            &actor_name,
            kind,
            title_before(text, s.mention),
            Some(s.mention.start),
        );
        if capital_of.is_some() {
            b.add_other_name(id, &name);
        }
        // A surname speaker takes the full name for display.
        if kind == ActorKind::Person && capital_of.is_none() {
            s.name = b.actors[id].canonical.clone();
        }
        let a = &mut b.actors[id];
        if !a.mentions.contains(&s.mention) {
            a.mentions.push(s.mention);
        }
        if let Some(r) = &s.role {
            if !a.roles.contains(r) {
                a.roles.push(r.clone());
            }
        }
        if let Some(f) = &s.affiliation {
            if !a.affiliations.contains(f) {
                a.affiliations.push(f.clone());
            }
        }
        s.actor = Some(id);
    }
    // Quotes by the same actor share its role and affiliation when theirs are missing.
    for q in quotes.iter_mut() {
        if let Some(s) = q.speaker.as_mut() {
            if let Some(id) = s.actor {
                let a = &b.actors[id];
                if s.role.is_none() {
                    s.role = a.roles.first().cloned();
                }
                if s.affiliation.is_none() {
                    s.affiliation = a.affiliations.first().cloned();
                }
            }
        }
    }
    for a in &mut b.actors {
        a.mentions.sort();
        a.mentions.dedup();
    }
    let _ = Span::default;
    b.actors
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn word_count_and_last_word_are_the_splitters(s in "[a\u{e9}. \t\n\r\x0b\x0c\u{85}\u{a0}\u{2003}\u{3000}’]{0,16}") {
            prop_assert_eq!(word_count(&s), s.split_whitespace().count());
            prop_assert_eq!(last_word(&s), s.split_whitespace().next_back());
        }

        #[test]
        fn word_count_and_last_word_of_any_text(s in "\\PC{0,24}") {
            prop_assert_eq!(word_count(&s), s.split_whitespace().count());
            prop_assert_eq!(last_word(&s), s.split_whitespace().next_back());
        }
    }

    #[test]
    fn word_counts() {
        for (s, n) in [
            ("", 0),
            (" ", 0),
            ("Blinken", 1),
            (" Antony  Blinken ", 2),
            ("a\u{a0}b", 2),
        ] {
            assert_eq!(word_count(s), n, "{s:?}");
            assert_eq!(s.split_whitespace().count(), n, "{s:?}");
            assert_eq!(last_word(s), s.split_whitespace().next_back(), "{s:?}");
        }
    }

    #[test]
    fn clean_names() {
        assert_eq!(clean_name("Mr. Blinken"), "Blinken");
        assert_eq!(clean_name("NATO’s"), "NATO");
        assert_eq!(clean_name("Sen. Bernie Sanders,"), "Bernie Sanders");
        assert_eq!(clean_name("Mrs. Clinton herself"), "Clinton");
        // a title word that names the body stays
        assert_eq!(clean_name("The State Department"), "State Department");
        assert_eq!(clean_name("State Sen. Jane Doe"), "Jane Doe");
        // a title with no name after it is kept: it is the only description there is
        assert_eq!(clean_name("the president"), "the president");
        assert_eq!(clean_name("The White House"), "White House");
        assert_eq!(clean_name("Even China"), "China");
        assert_eq!(clean_name("Blinken,"), "Blinken");
        assert_eq!(clean_name(" ’s"), "");
        assert_eq!(clean_name("Only"), "Only");
        assert_eq!(clean_name("Cllr Joanne Pryce"), "Joanne Pryce");
        assert_eq!(clean_name("Shri Ramesh Kulkarni"), "Ramesh Kulkarni");
        assert_eq!(clean_name("Smt. Vandana Deshmukh"), "Vandana Deshmukh");
        assert_eq!(clean_name("Sri Lanka"), "Sri Lanka");
    }

    #[test]
    fn a_description_that_ends_in_a_place_is_no_surname() {
        assert!(placed_description("One veteran agent in Weslaco"));
        assert!(placed_description("A strategist from Green Bay"));
        assert!(!placed_description("Agent Tom Weslaco"));
        assert!(!placed_description("Charles de Gaulle"));
        assert!(!placed_description("A spokesman for Trump"));
    }

    #[test]
    fn a_capitalised_article_makes_no_name() {
        assert!(described("A spokesperson"));
        assert!(described("The operator"));
        assert!(!described("The Hague"));
        assert!(!described("Antony Blinken"));
        assert_eq!(
            clean_name("Secretary-General Jens Stoltenberg"),
            "Jens Stoltenberg"
        );
    }

    /// Person mentions at each occurrence of these names, in text order.
    fn people(text: &str, names: &[&str]) -> Vec<Mention> {
        let mut ents: Vec<Mention> = names
            .iter()
            .flat_map(|n| {
                text.match_indices(n).map(|(at, _)| Mention {
                    span: Span::new(at, at + n.len()),
                    label: EntityLabel::Per,
                    actor: None,
                })
            })
            .filter(|m| {
                // whole words only ("Clinton" inside "Hillary Clinton" is not its own)
                !text[..m.span.start].ends_with(|c: char| c.is_alphabetic() || c == ' ')
                    || text[..m.span.start].ends_with(". ")
            })
            .collect();
        ents.sort_by_key(|m| m.span.start);
        ents
    }

    #[test]
    fn a_titled_name_the_tagger_calls_an_organisation_is_one_actor() {
        let text = "Mr. Acme spoke. Later Mr. Acme left.";
        let mut ents: Vec<Mention> = text
            .match_indices("Acme")
            .map(|(k, _)| Mention {
                span: Span::new(k, k + 4),
                label: EntityLabel::Org,
                actor: None,
            })
            .collect();
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        assert_eq!(actors.len(), 1, "{actors:?}");
        assert_eq!(ents[0].actor, ents[1].actor);
    }

    #[test]
    fn an_organisation_without_its_closing_words_is_the_same() {
        // organisation mentions of these names, in text order
        let orgs = |text: &str, names: &[&str]| {
            let mut ents: Vec<Mention> = names
                .iter()
                .map(|n| {
                    let at = text.find(n).unwrap();
                    Mention {
                        span: Span::new(at, at + n.len()),
                        label: EntityLabel::Org,
                        actor: None,
                    }
                })
                .collect();
            ents.sort_by_key(|m| m.span.start);
            resolve(text, &Doc::default(), &mut ents, &mut []);
            ents.iter().map(|m| m.actor).collect::<Vec<_>>()
        };
        let t = "Brightline Foods Inc reported earnings. Brightline will cut jobs. Bright declined to comment.";
        let a = orgs(t, &["Brightline Foods Inc", "Brightline ", "Bright "]);
        assert_eq!(a[0], a[1]);
        assert_ne!(a[0], a[2]);
        // two organisations it could be: neither
        let t =
            "Brightline Foods Inc and Brightline Capital Partners split. Brightline will cut jobs.";
        let a = orgs(
            t,
            &[
                "Brightline Foods Inc",
                "Brightline Capital Partners",
                "Brightline ",
            ],
        );
        assert_ne!(a[2], a[0]);
        assert_ne!(a[2], a[1]);
    }

    #[test]
    fn a_given_name_joined_to_a_full_name_shares_its_surname() {
        let text = "Bill and Hillary Clinton arrived. Mr. Obama and Michelle Obama left. \
                    Trump and Melania Trump stayed. Donald Trump waved.";
        // (person mentions at these byte offsets, as the tagger would give them)
        let at = |name: &str, from: usize| {
            let k = from + text[from..].find(name).unwrap();
            Mention {
                span: Span::new(k, k + name.len()),
                label: EntityLabel::Per,
                actor: None,
            }
        };
        let mut ents = vec![
            at("Bill", 0),
            at("Hillary Clinton", 0),
            at("Obama", 0),
            at("Michelle Obama", 0),
            at("Trump", 0),
            at("Melania Trump", 0),
            at("Donald Trump", 0),
        ];
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        let of = |i: usize| actors[ents[i].actor.unwrap()].canonical.clone();
        assert_eq!(of(0), "Bill Clinton");
        // a titled word, or someone's surname, is no given name
        assert_ne!(of(2), "Obama Obama");
        assert_ne!(of(4), "Trump Trump");
    }

    #[test]
    fn a_gendered_title_picks_between_two_people_of_one_surname() {
        let text = "Hillary Clinton met voters. Bill Clinton spoke. Mrs. Clinton left. \
                    Mr. Clinton stayed. Clinton waved.";
        let mut ents = people(text, &["Hillary Clinton", "Bill Clinton", "Clinton"]);
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        let of = |at: &str| {
            let k = text.find(at).unwrap();
            let m = ents.iter().find(|m| m.span.start == k).unwrap();
            actors[m.actor.unwrap()].canonical.clone()
        };
        assert_eq!(of("Clinton left"), "Hillary Clinton");
        assert_eq!(of("Clinton stayed"), "Bill Clinton");
        // a bare surname stays undecided between the two
        assert_eq!(of("Clinton waved"), "Clinton");
    }

    #[test]
    fn a_bare_surname_is_the_namesake_introduced_before_it() {
        let text = "Mark Hale spoke on Monday. Hale said no. Tom Hale, his brother, disagreed. \
                    Hale left. Anna Ruiz came. Ruiz sat. Luis Ruiz stood. Ruiz won.";
        let mut ents = people(
            text,
            &[
                "Mark Hale",
                "Tom Hale",
                "Hale",
                "Anna Ruiz",
                "Luis Ruiz",
                "Ruiz",
            ],
        );
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        let of = |at: &str| {
            let k = text.find(at).unwrap();
            let m = ents.iter().find(|m| m.span.start == k).unwrap();
            actors[m.actor.unwrap()].canonical.clone()
        };
        // the one full name before it, though a namesake comes later
        assert_eq!(of("Hale said"), "Mark Hale");
        assert_eq!(of("Ruiz sat"), "Anna Ruiz");
        // with two namesakes named before it, neither
        assert_eq!(of("Hale left"), "Hale");
        assert_eq!(of("Ruiz won"), "Ruiz");
    }

    #[test]
    fn a_lone_first_word_of_one_full_name_is_that_person() {
        let text = "Mao Ning met Xi Jinping. Mao left. Xi stayed. Donald Trump and Donald Tusk met. Donald waved. Luiz Inácio Lula da Silva came. Lula spoke. Inácio waited. Andrés Manuel López Obrador ran. López Obrador won.";
        // (each name at its own place: "Mao" is not also the start of "Mao Ning")
        let mut ents: Vec<Mention> = [
            ("Mao Ning", "Mao Ning"),
            ("Xi Jinping", "Xi Jinping"),
            ("Mao left", "Mao"),
            ("Xi stayed", "Xi"),
            ("Donald Trump", "Donald Trump"),
            ("Donald Tusk", "Donald Tusk"),
            ("Donald waved", "Donald"),
            ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva"),
            ("Lula spoke", "Lula"),
            ("Inácio waited", "Inácio"),
            ("Andrés Manuel López Obrador", "Andrés Manuel López Obrador"),
            ("López Obrador won", "López Obrador"),
        ]
        .iter()
        .map(|(at, name)| {
            let k = text.find(at).unwrap();
            Mention {
                span: Span::new(k, k + name.len()),
                label: EntityLabel::Per,
                actor: None,
            }
        })
        .collect();
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        let of = |at: &str| {
            let k = text.find(at).unwrap();
            let m = ents.iter().find(|m| m.span.start == k).unwrap();
            actors[m.actor.unwrap()].canonical.clone()
        };
        assert_eq!(of("Mao left"), "Mao Ning");
        assert_eq!(of("Xi stayed"), "Xi Jinping");
        // two full names start with it: neither
        assert_eq!(of("Donald waved"), "Donald");
        assert_eq!(of("Lula spoke"), "Luiz Inácio Lula da Silva");
        // a middle word is no one's name alone
        assert_eq!(of("Inácio waited"), "Inácio");
        assert_eq!(of("López Obrador won"), "Andrés Manuel López Obrador");
    }

    #[test]
    fn surnames_join_full_names() {
        let text = "Antony Blinken met Lavrov. Blinken left. Mr. Blinken returned.";
        let mut ents: Vec<Mention> = ["Antony Blinken", "Lavrov"]
            .iter()
            .map(|n| {
                let at = text.find(n).unwrap();
                Mention {
                    span: Span::new(at, at + n.len()),
                    label: EntityLabel::Per,
                    actor: None,
                }
            })
            .collect();
        let at = text.rfind("Blinken left").unwrap();
        ents.push(Mention {
            span: Span::new(at, at + 7),
            label: EntityLabel::Per,
            actor: None,
        });
        let actors = resolve(text, &Doc::default(), &mut ents, &mut []);
        assert_eq!(actors.len(), 2);
        assert_eq!(ents[0].actor, ents[2].actor);
        assert_eq!(actors[ents[2].actor.unwrap()].canonical, "Antony Blinken");
    }
}
