//! Names of organisations mined from the news corpora (`data/gazetteer/organisations.tsv`,
//! built by `isnad build org-names`): the words that follow a head noun of a movement or an
//! armed group ("تنظيم داعش", "حركة طالبان", "جماعة بوكو حرام") in a large share of their
//! occurrences and rarely take the article, as proper names do. The tagger, trained on
//! news of 2007, has never seen most of them.

use crate::tsv_rows;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

static DATA: &str = include_str!("../../../data/gazetteer/organisations.tsv");

/// Head nouns (normalized) that a movement's or an armed group's name follows in
/// construct: "تنظيم", "حركة", "جماعة", "جبهة", "حزب", "ميليشيا(ت)".
pub const ORGANISATION_NAME_HEADS: &[&str] = &[
    "تنظيم",
    "حركه",
    "جماعه",
    "جبهه",
    "حزب",
    "ميليشيا",
    "مليشيا",
    "ميليشيات",
    "مليشيات",
];

/// The mined organisation names, by normalized phrase.
#[derive(Debug, Default)]
pub struct OrganisationNames {
    /// Phrase → may it name the organisation without its head noun?
    names: FxHashMap<String, bool>,
    /// The first words of the phrases.
    first_words: FxHashSet<String>,
    /// The most words a phrase has.
    max_words: usize,
}

impl OrganisationNames {
    /// Parses `phrase\tafter_head\tcount\tarticle_share\tbare` rows.
    pub fn parse(text: &str) -> OrganisationNames {
        let mut out = OrganisationNames::default();
        for row in tsv_rows(text) {
            let [phrase, _, _, _, bare, ..] = row[..] else {
                continue;
            };
            out.max_words = out.max_words.max(phrase.split(' ').count());
            if let Some(first) = phrase.split(' ').next() {
                out.first_words.insert(first.to_string());
            }
            out.names.insert(phrase.to_string(), bare == "yes");
        }
        out
    }

    /// Is the normalized `phrase` a mined name, and may it stand without its head noun?
    /// `None` when it is no name.
    pub fn lookup(&self, phrase: &str) -> Option<bool> {
        self.names.get(phrase).copied()
    }

    /// Does a mined name start with the normalized `word`? (A cheap test before
    /// [`OrganisationNames::lookup`] of longer phrases.)
    pub fn starts_name(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The most words a mined name has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }
}

/// The shipped organisation names.
pub fn organisation_names() -> &'static OrganisationNames {
    &NAMES
}

static NAMES: LazyLock<OrganisationNames> = LazyLock::new(|| OrganisationNames::parse(DATA));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_holds_the_names_the_corpus_uses_most() {
        let names = organisation_names();
        assert_eq!(names.lookup("داعش"), Some(true));
        assert!(names.lookup("حكومه").is_none());
        assert!(names.max_words() >= 1);
    }

    #[test]
    fn parse_reads_the_bare_flag() {
        let n = OrganisationNames::parse(
            "# c\nاحرار الشام\t300\t700\t0.19\tno\nداعش\t4000\t11000\t0.00\tyes\n",
        );
        assert_eq!(n.lookup("احرار الشام"), Some(false));
        assert_eq!(n.lookup("داعش"), Some(true));
        assert_eq!(n.max_words(), 2);
        assert!(n.starts_name("احرار") && !n.starts_name("الشام"));
    }
}
