//! Trigger-context profiles: for each word of the unlabeled news corpus, how often it
//! stands right after or right before a word of each gazetteer class — after a title
//! ("اللاعب X", "الرئيس X"), after a given name (a family name), before a reporting verb
//! ("X قال"), after a place noun ("مدينة X"), and so on. A name the labelled data never
//! showed still has such a profile if the news mentions it, which is the evidence the
//! tagger lacks for unseen names.
//!
//! Built by `isnad train clusters` together with the clusters, from the same corpus pass;
//! shipped as `word<TAB>profile`, the profile being one digit per slot (class × side),
//! the digit a log-scale bucket of the share of the word's occurrences (0 = never or
//! too rare).

use crate::gazetteer::{class, Gazetteer};
use crate::word::Word;
use rustc_hash::FxHashMap;

/// Number of slots: each gazetteer class, on the left and on the right.
pub const SLOTS: usize = 2 * class::COUNT as usize;

/// The profile of one word: a bucket per slot (slot `2c` = class `c` just before the
/// word, `2c + 1` = just after).
pub type Profile = [u8; SLOTS];

/// Profiles of the corpus words.
#[derive(Clone, Debug, Default)]
pub struct Profiles {
    map: FxHashMap<Box<str>, Profile>,
}

/// A profile file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("profile file, line {line}: {message}")]
pub struct ProfileFileError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl Profiles {
    /// No profiles.
    pub fn empty() -> Profiles {
        Profiles::default()
    }

    /// Number of words with a profile.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no word has a profile.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The profile of a word stem.
    #[inline]
    pub fn get(&self, stem: &str) -> Option<&Profile> {
        self.map.get(stem)
    }

    /// Parses `word<TAB>digits` lines (comment lines start with `#`).
    pub fn parse(text: &str) -> Result<Profiles, ProfileFileError> {
        let mut map = FxHashMap::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message| ProfileFileError {
                line: i + 1,
                message,
            };
            let (word, digits) = line.split_once('\t').ok_or_else(|| err("missing tab"))?;
            if digits.len() != SLOTS {
                return Err(err("wrong number of slots"));
            }
            let mut p = [0u8; SLOTS];
            for (x, d) in p.iter_mut().zip(digits.bytes()) {
                if !d.is_ascii_digit() {
                    return Err(err("bad digit"));
                }
                *x = d - b'0';
            }
            map.insert(word.into(), p);
        }
        Ok(Profiles { map })
    }

    /// Writes the profile file in the order of `words` (words without a profile skipped).
    pub fn to_tsv<'a>(&self, words: impl IntoIterator<Item = &'a str>, comment: &str) -> String {
        let mut out = format!(
            "# profiles slots={SLOTS} classes={} {comment}\n",
            class::NAMES.join(",")
        );
        for w in words {
            if let Some(p) = self.map.get(w) {
                out.push_str(w);
                out.push('\t');
                out.extend(p.iter().map(|&d| (b'0' + d) as char));
                out.push('\n');
            }
        }
        out
    }
}

/// The bucket of `hits` among `total` occurrences: 0 below two hits or a share of 1/256,
/// else 1 + ⌊log2(share · 256)⌋ (1 … 9).
fn bucket(hits: u32, total: u32) -> u8 {
    if hits < 2 || total == 0 {
        return 0;
    }
    let share = hits as f64 / total as f64;
    if share < 1.0 / 256.0 {
        return 0;
    }
    (1.0 + (share * 256.0).log2().floor()).clamp(1.0, 9.0) as u8
}

/// Counts trigger contexts over a corpus.
#[derive(Default)]
pub struct ProfileBuilder {
    counts: FxHashMap<Box<str>, (u32, [u32; SLOTS])>,
}

impl ProfileBuilder {
    /// An empty builder.
    pub fn new() -> ProfileBuilder {
        ProfileBuilder::default()
    }

    /// Adds the words of one sentence.
    pub fn add_sentence(&mut self, words: &[Word<'_>], gazetteer: &Gazetteer) {
        let n = words.len();
        // Classes of the match ending just before each word and starting just after it.
        let mut before = vec![0u16; n];
        let mut after = vec![0u16; n];
        for m in gazetteer.find(words) {
            if m.end < n {
                before[m.end] |= m.classes;
            }
            if m.start > 0 {
                after[m.start - 1] |= m.classes;
            }
        }
        for (i, w) in words.iter().enumerate() {
            if !w.kind.is_word() {
                continue;
            }
            let stem = w.stem();
            let entry = match self.counts.get_mut(stem) {
                Some(e) => e,
                None => self.counts.entry(stem.into()).or_default(),
            };
            entry.0 += 1;
            for c in 0..class::COUNT as usize {
                if before[i] & (1 << c) != 0 {
                    entry.1[2 * c] += 1;
                }
                if after[i] & (1 << c) != 0 {
                    entry.1[2 * c + 1] += 1;
                }
            }
        }
    }

    /// Profiles of the words seen at least `min_count` times, and the words by
    /// decreasing frequency.
    pub fn build(&self, min_count: u32) -> (Profiles, Vec<&str>) {
        let mut words: Vec<(&str, u32)> = self
            .counts
            .iter()
            .filter(|(_, (n, _))| *n >= min_count)
            .map(|(w, (n, _))| (&**w, *n))
            .collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let map = words
            .iter()
            .filter_map(|(w, _)| {
                let (n, hits) = &self.counts[*w];
                let p: Profile = std::array::from_fn(|s| bucket(hits[s], *n));
                p.iter().any(|&b| b > 0).then(|| (Box::<str>::from(*w), p))
            })
            .collect();
        (
            Profiles { map },
            words.into_iter().map(|(w, _)| w).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word::phrase_words;
    use isnad_text::NoCounts;

    #[test]
    fn names_after_titles_get_a_title_profile() {
        let gaz = Gazetteer::build(
            [
                ("اللاعب", class::PERSON_TITLE),
                ("قال", class::REPORTING_VERB),
            ],
            &NoCounts,
        );
        let mut b = ProfileBuilder::new();
        for text in [
            "سجل اللاعب نيستلروي هدفا",
            "قال نيستلروي إن",
            "مرر اللاعب نيستلروي الكرة",
        ] {
            let ws = phrase_words(text, &NoCounts);
            let ws: Vec<Word> = ws.iter().map(|w| w.as_word()).collect();
            b.add_sentence(&ws, &gaz);
        }
        let (p, order) = b.build(2);
        assert_eq!(order[0], "نيستلروي");
        let prof = p.get("نيستلروي").unwrap();
        // 2 of 3 occurrences after a title: share 2/3 → bucket 1 + ⌊log2(170.7)⌋ = 8.
        assert_eq!(prof[2 * class::PERSON_TITLE as usize], 8);
        // Only one after "قال": below two hits.
        assert_eq!(prof[2 * class::REPORTING_VERB as usize], 0);
        let back = Profiles::parse(&p.to_tsv(order, "")).unwrap();
        assert_eq!(back.get("نيستلروي"), Some(prof));
        assert!(Profiles::parse("x\t12").is_err());
    }
}
