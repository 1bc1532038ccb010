//! Article-local actors: one per person/organisation/place, joining names, surnames,
//! titles, nominals and pronouns.

use super::segment::Doc;
use super::{LocalActor, Mention, Quote};

pub fn resolve(
    _text: &str,
    _doc: &Doc,
    _entities: &mut [Mention],
    _quotes: &mut [Quote],
) -> Vec<LocalActor> {
    Vec::new()
}
