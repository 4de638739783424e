//! Word counts of the news corpora: how often each normalized word form occurs as a whole
//! token. Clitic segmentation uses them to tell "وزير" (a word) from "والحكومة" (و + ال +
//! حكومة); features and search use them as a frequency prior.
//!
//! Built by `isnad build lexicon` from `../shared/corpus` (see `DATA.md`); only words seen
//! at least a few times are kept, with their counts and how often they open a clause.

use isnad_text::WordCounts;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Normalized word → number of occurrences, and of clause-initial occurrences.
pub struct Lexicon {
    counts: FxHashMap<Box<str>, (u32, u32)>,
    total: u64,
}

impl Lexicon {
    /// Parses `word\tcount\tclause_initial` lines (the third column may be absent).
    pub fn parse(text: &str) -> Lexicon {
        let mut counts = FxHashMap::default();
        let mut total = 0u64;
        for row in crate::tsv_rows(text) {
            let (Some(w), Some(Ok(c))) = (row.first(), row.get(1).map(|c| c.parse::<u32>())) else {
                continue;
            };
            let initial = row.get(2).and_then(|i| i.parse::<u32>().ok()).unwrap_or(0);
            total += c as u64;
            counts.insert((*w).into(), (c, initial));
        }
        Lexicon { counts, total }
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Sum of all counts kept.
    pub fn total(&self) -> u64 {
        self.total
    }
}

impl WordCounts for Lexicon {
    #[inline]
    fn count(&self, word: &str) -> u32 {
        self.counts.get(word).map_or(0, |c| c.0)
    }

    #[inline]
    fn clause_initial(&self, word: &str) -> u32 {
        self.counts.get(word).map_or(0, |c| c.1)
    }
}

static DATA: &[u8] = include_bytes!("../../../data/lexicon/wordcounts.tsv.gz");

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(&crate::gunzip(DATA)));

/// The shipped word counts.
pub fn word_counts() -> &'static Lexicon {
    &LEXICON
}
