//! Gazetteer matching: which words of a sentence begin or continue a known name (a
//! country, a city, a given name, a title, ...).
//!
//! Names and text are compared word by word on their *cores* — the normalized word
//! without its proclitics (و ف ب ك ل ال), as the shared clitic segmenter cuts them — so
//! that "وبطرابلس", "لطرابلس" and "طرابلس" all match the entry "طرابلس", and "الولايات
//! المتحدة" matches "والولايات المتحدة". The entries are compiled into one double-array
//! Aho-Corasick automaton (`daachorse`) over the space-joined cores; a sentence is
//! matched in one pass, keeping only matches that start and end on word boundaries.

use crate::word::{phrase_words, Word};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use isnad_text::{TokenKind, WordCounts};
use rustc_hash::FxHashMap;

/// The classes a gazetteer entry can belong to (bit positions of a [`ClassSet`]).
pub mod class {
    /// A given name (محمد، فتحي).
    pub const GIVEN_NAME: u8 = 0;
    /// A family name (السراج، حفتر).
    pub const FAMILY_NAME: u8 = 1;
    /// A personal name of unknown role.
    pub const OTHER_NAME: u8 = 2;
    /// A country (ليبيا، الولايات المتحدة).
    pub const COUNTRY: u8 = 3;
    /// A city of at least 100,000 inhabitants.
    pub const LARGE_CITY: u8 = 4;
    /// A smaller populated place.
    pub const SMALL_CITY: u8 = 5;
    /// A continent or world region (أفريقيا، الشرق الأوسط).
    pub const REGION: u8 = 6;
    /// A nationality adjective (الليبي، الأمريكية).
    pub const DEMONYM: u8 = 7;
    /// A title or occupation that introduces a person (وزير، الشيخ، الجنرال).
    pub const PERSON_TITLE: u8 = 8;
    /// A noun that heads an organisation's name (وزارة، حزب، شركة).
    pub const ORG_HEAD: u8 = 9;
    /// A noun that introduces a place (مدينة، العاصمة، محافظة).
    pub const PLACE_NOUN: u8 = 10;
    /// A reporting verb (قال، أضاف), which often follows a speaker's name.
    pub const REPORTING_VERB: u8 = 11;
    /// Number of classes.
    pub const COUNT: u8 = 12;

    /// Short names, for debugging output.
    pub const NAMES: [&str; COUNT as usize] = [
        "given",
        "family",
        "name",
        "country",
        "large_city",
        "small_city",
        "region",
        "demonym",
        "title",
        "org_head",
        "place_noun",
        "reporting_verb",
    ];
}

/// A set of classes, one bit per class.
pub type ClassSet = u16;

/// A match of an entry over words `start..end` of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The classes of the entry.
    pub classes: ClassSet,
}

/// A compiled gazetteer.
pub struct Gazetteer {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    classes: Vec<ClassSet>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.classes.len())
            .finish()
    }
}

/// The matching key of a phrase: its word cores joined by single spaces, with a space at
/// each end so that keys only match whole words. `None` when the phrase has no word.
pub fn phrase_key(phrase: &str, counts: &dyn WordCounts) -> Option<String> {
    let words = phrase_words(phrase, counts);
    let mut key = String::from(" ");
    let mut any = false;
    for w in &words {
        let w = w.as_word();
        if !w.kind.is_word() {
            // Hyphens and other punctuation inside a name do not count.
            continue;
        }
        key.push_str(w.core());
        key.push(' ');
        any = true;
    }
    any.then_some(key)
}

/// The matching key of words already read: their cores (non-words skipped), as
/// [`phrase_key`] builds it.
pub fn words_key(words: &[Word<'_>]) -> String {
    let mut key = String::from(" ");
    for w in words.iter().filter(|w| w.kind.is_word()) {
        key.push_str(w.core());
        key.push(' ');
    }
    key
}

impl Gazetteer {
    /// A gazetteer with no entry.
    pub fn empty() -> Gazetteer {
        Gazetteer {
            automaton: None,
            classes: Vec::new(),
        }
    }

    /// Compiles `(phrase, class)` entries. Phrases are read with the shared tokenizer and
    /// segmenter (`counts` must be the word counts used for documents); a phrase listed
    /// under several classes gets all of them.
    pub fn build<'a>(
        entries: impl IntoIterator<Item = (&'a str, u8)>,
        counts: &dyn WordCounts,
    ) -> Gazetteer {
        let mut by_key: FxHashMap<String, ClassSet> = FxHashMap::default();
        for (phrase, class) in entries {
            debug_assert!(class < class::COUNT);
            if let Some(key) = phrase_key(phrase, counts) {
                *by_key.entry(key).or_default() |= 1 << class;
            }
        }
        let mut keys: Vec<(String, ClassSet)> = by_key.into_iter().collect();
        keys.sort();
        let classes: Vec<ClassSet> = keys.iter().map(|(_, c)| *c).collect();
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                CharwiseDoubleArrayAhoCorasick::with_values(
                    keys.iter()
                        .enumerate()
                        .map(|(i, (k, _))| (k.as_str(), i as u32)),
                )
                .expect("gazetteer keys are distinct and non-empty"),
            )
        };
        Gazetteer { automaton, classes }
    }

    /// Number of distinct keys.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// True when the gazetteer has no entry.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// All matches over a sentence, overlapping ones included, ordered by end then start.
    pub fn find(&self, words: &[Word<'_>]) -> Vec<GazMatch> {
        let mut out = Vec::new();
        let Some(ac) = &self.automaton else {
            return out;
        };
        // The haystack: " core1 core2 ... coreN ", with each word's start position.
        let mut hay =
            String::with_capacity(words.iter().map(|w| w.norm.len() + 1).sum::<usize>() + 1);
        let mut starts = Vec::with_capacity(words.len() + 1);
        hay.push(' ');
        for w in words {
            starts.push(hay.len());
            if w.kind.is_word() {
                hay.push_str(w.core());
            } else if w.kind == TokenKind::Punct {
                // Keeps "أبو ظبي" from matching across "أبو، ظبي".
                hay.push('|');
            } else {
                hay.push('#');
            }
            hay.push(' ');
        }
        starts.push(hay.len());
        for m in ac.find_overlapping_iter(&hay) {
            // A key starts with a space (the one before its first word) and ends with one.
            let (Ok(first), Ok(end)) = (
                starts.binary_search(&(m.start() + 1)),
                starts.binary_search(&m.end()),
            ) else {
                continue;
            };
            out.push(GazMatch {
                start: first,
                end,
                classes: self.classes[m.value() as usize],
            });
        }
        out
    }

    /// The classes of a phrase that is itself an entry (all its words), or 0.
    pub fn classes_of(&self, words: &[Word<'_>]) -> ClassSet {
        self.find(words)
            .iter()
            .filter(|m| m.start == 0 && m.end == words.len())
            .fold(0, |acc, m| acc | m.classes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word::OwnedWord;
    use isnad_text::NoCounts;

    fn words(text: &str) -> Vec<OwnedWord> {
        phrase_words(text, &NoCounts)
    }

    #[test]
    fn matches_whole_words_through_clitics() {
        let g = Gazetteer::build(
            [
                ("الولايات المتحدة", class::COUNTRY),
                ("طرابلس", class::LARGE_CITY),
                ("ليبيا", class::COUNTRY),
                ("بيا", class::SMALL_CITY),
            ],
            &NoCounts,
        );
        assert_eq!(g.len(), 4);
        let ws = words("بين ليبيا والولايات المتحدة، في طرابلس.");
        let ws: Vec<Word> = ws.iter().map(|w| w.as_word()).collect();
        let found: Vec<(usize, usize, ClassSet)> = g
            .find(&ws)
            .iter()
            .map(|m| (m.start, m.end, m.classes))
            .collect();
        assert_eq!(
            found,
            vec![
                (1, 2, 1 << class::COUNTRY),
                (2, 4, 1 << class::COUNTRY),
                (6, 7, 1 << class::LARGE_CITY)
            ]
        );
        assert_eq!(g.classes_of(&ws[2..4]), 1 << class::COUNTRY);
        assert_eq!(g.classes_of(&ws[1..3]), 0);
    }

    #[test]
    fn punctuation_breaks_a_match() {
        let g = Gazetteer::build([("أبو ظبي", class::LARGE_CITY)], &NoCounts);
        let ws = words("أبو، ظبي");
        let ws: Vec<Word> = ws.iter().map(|w| w.as_word()).collect();
        assert!(g.find(&ws).is_empty());
        assert!(Gazetteer::empty().find(&ws).is_empty());
    }
}
