//! The data isnad ships, embedded in the binary so that a fresh clone works without
//! `../shared` and the binary needs no data directory.
//!
//! Each resource is a compact file under `data/` at the repository root, built by a
//! script or command of the repository (see `DATA.md` for sources and licences), embedded
//! with `include_bytes!` and parsed once, on first use, into a `static`.
//!
//! This crate owns the parsing of those files and their in-memory form. It must not
//! build them (that is the job of `scripts/` and `isnad build ...`) or do any analysis.
#![deny(missing_docs)]

pub mod calendar;
pub mod events;
pub mod lexicon;
pub mod ner;
pub mod organisations;
pub mod places;
pub mod reporting;

pub use calendar::{calendar, Calendar};
pub use events::{actor_words, event_lexicon, is_form_of_verb, ActorWords, EventLexicon};
pub use lexicon::{word_counts, Lexicon};
pub use ner::{
    country_names, name_words, ner_clusters, ner_gazetteer, ner_profiles, ner_resources,
    ner_tagger, town_words, CountryNames,
};
pub use organisations::{organisation_names, OrganisationNames, ORGANISATION_NAME_HEADS};
pub use places::{countries, places, Countries, Country, LatinPlace, Place, PlaceKind, Places};
pub use reporting::{reporting, Cue, CueRole, ReportingLexicon};

/// Decompresses an embedded gzip file.
pub(crate) fn gunzip(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .expect("embedded gzip data is valid UTF-8");
    out
}

/// Decompresses an embedded gzip file of binary data.
pub(crate) fn gunzip_bytes(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("embedded gzip data is valid");
    out
}

/// Iterates the data lines of a TSV file (comments starting with `#` and blank lines
/// skipped), split on tabs.
pub(crate) fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}
