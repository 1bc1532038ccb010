//! Speakers for quotes: cue patterns, appositives, titles, pronouns, continuations.

use super::segment::Doc;
use super::{Mention, Quote};

pub fn attribute(_text: &str, _doc: &Doc, _entities: &[Mention], quotes: Vec<Quote>) -> Vec<Quote> {
    quotes
}
