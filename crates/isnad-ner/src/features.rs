//! Features of each word of a sentence, as 64-bit hashes of (template, value).
//!
//! What a word is described by (see [`Template`]): its normalized form, stem (no clitics)
//! and core (no proclitics), for itself and its neighbours; the stem's first and last
//! letters; its shape and clitics; how frequent it is in the news corpus and how often
//! it takes the article (proper nouns rarely do: "طرابلس" against "الطرابلس"); its word
//! cluster at several granularities ([`crate::clusters`]); the gazetteer and trigger
//! classes it starts or continues ([`crate::gazetteer`]); and, in the second pass, the
//! first pass's labels around it and for the same word elsewhere in the document
//! ([`StackContext`]).

use crate::clusters::Clusters;
use crate::gazetteer::{class, Gazetteer};
use crate::hash::{feature, hash_str};
use crate::label::{Label, N_LABELS};
use crate::profiles::{Profile, Profiles};
use crate::word::Word;
use isnad_text::{TokenKind, WordCounts};

/// What features are computed from: the word counts of the text layer, the word
/// clusters and the gazetteer.
#[derive(Clone, Copy)]
pub struct Resources<'a> {
    /// Corpus word counts (the same the clitic segmenter uses).
    pub counts: &'a dyn WordCounts,
    /// Word clusters.
    pub clusters: &'a Clusters,
    /// Names and trigger words.
    pub gazetteer: &'a Gazetteer,
    /// Trigger-context profiles of corpus words.
    pub profiles: &'a Profiles,
}

/// Feature templates. The numbers are part of the model format: append, never renumber.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Template {
    /// Always on.
    Bias = 1,
    /// Normalized form at an offset.
    Norm = 2,
    /// Stem at an offset.
    Stem = 3,
    /// Core (no proclitics) of the word itself.
    Core = 4,
    /// Stem bigram with the previous (offset -1) or next (offset +1) word.
    StemBigram = 5,
    /// First letters of the stem (1, 2, 3).
    Prefix = 6,
    /// Last letters of the stem (1, 2, 3).
    Suffix = 7,
    /// Token kind and length class.
    Shape = 8,
    /// Clitics attached.
    Clitics = 9,
    /// Corpus frequency of the whole form.
    Frequency = 10,
    /// Corpus frequency of the stem.
    StemFrequency = 11,
    /// How often the stem takes the article.
    Article = 12,
    /// Word cluster at a level (offset encodes position and level).
    Cluster = 13,
    /// Gazetteer class begun (B) or continued (I).
    Gazetteer = 14,
    /// Gazetteer class and length of the match starting here.
    GazetteerLength = 15,
    /// First word of the sentence.
    First = 16,
    /// First-pass label at an offset.
    StackLabel = 17,
    /// Most frequent first-pass label of the same stem elsewhere in the document.
    StackMajority = 18,
    /// Entity types given to the same stem elsewhere in the document.
    StackTypes = 19,
    /// Share of the stem's other occurrences that are inside entities.
    StackShare = 20,
    /// First-pass label of the word with its own stem.
    StackLabelStem = 21,
    /// First letters of the whole normalized token (1 to 4), clitics included.
    TokenPrefix = 22,
    /// Last letters of the whole normalized token (1 to 4).
    TokenSuffix = 23,
    /// Cluster bigram (mid level) with the previous or next word.
    ClusterBigram = 24,
    /// Previous word's normalized form with this word's cluster (mid level).
    PrevWordCluster = 25,
    /// Gazetteer classes two words away.
    GazetteerFar = 26,
    /// Trigger-context profile slot and bucket.
    Profile = 27,
}

#[inline]
fn key(t: Template, offset: i32, value: u64) -> u64 {
    feature((t as u16) << 6 | (offset + 32) as u16, value)
}

/// The features of every word of a sentence: `keys[offsets[i]..offsets[i + 1]]` for
/// word `i`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    /// All keys, word after word.
    pub keys: Vec<u64>,
    /// Where each word's keys start, plus the end.
    pub offsets: Vec<u32>,
}

impl SentenceFeatures {
    /// The keys of word `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Per-word values computed once and shared by the templates of neighbouring words.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    norm: u64,
    stem: u64,
    core: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    token_prefix: [u64; 4],
    token_suffix: [u64; 4],
    shape: u64,
    clitics: u64,
    frequency: u64,
    stem_frequency: u64,
    article: u64,
    leaf: Option<u32>,
    profile: Option<Profile>,
    /// Gazetteer bits: class `c` begun = bit `2c`, continued = bit `2c + 1`.
    gaz: u32,
}

fn log2_bucket(c: u32) -> u64 {
    if c == 0 {
        0
    } else {
        1 + (31 - c.leading_zeros()) as u64
    }
}

fn char_bounds(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

fn info(w: &Word<'_>, res: &Resources<'_>, buf: &mut String) -> Info {
    let stem = w.stem();
    let mut inf = Info {
        norm: hash_str(w.norm),
        stem: hash_str(stem),
        core: hash_str(w.core()),
        ..Info::default()
    };
    let b = char_bounds(stem);
    let letters = b.len() - 1;
    for k in 1..=4 {
        if letters > k {
            inf.prefix[k - 1] = hash_str(&stem[..b[k]]);
            inf.suffix[k - 1] = hash_str(&stem[b[letters - k]..]);
        }
    }
    if w.kind.is_word() {
        let tb = char_bounds(w.norm);
        let tl = tb.len() - 1;
        for k in 1..=4 {
            if tl > k {
                inf.token_prefix[k - 1] = hash_str(&w.norm[..tb[k]]);
                inf.token_suffix[k - 1] = hash_str(&w.norm[tb[tl - k]..]);
            }
        }
    }
    inf.shape = (w.kind as u64) << 8 | letters.min(10) as u64;
    inf.clitics = w
        .clitics
        .prefixes()
        .fold(0u64, |acc, p| acc | 1 << (p as u64))
        | (w.clitics.suffix().is_some() as u64) << 10;
    if w.kind.is_word() {
        inf.frequency = log2_bucket(res.counts.count(w.norm));
        let stem_count = res.counts.count(stem);
        inf.stem_frequency = log2_bucket(stem_count);
        if w.kind == TokenKind::Arabic && letters >= 2 {
            buf.clear();
            buf.push_str("ال");
            buf.push_str(stem);
            let with_article = res.counts.count(buf);
            inf.article = if with_article == 0 && stem_count == 0 {
                100
            } else {
                let r = ((with_article as f64 + 1.0) / (stem_count as f64 + 1.0)).log2();
                (r.round().clamp(-6.0, 6.0) + 50.0) as u64
            };
        }
        inf.leaf = res.clusters.leaf(stem);
        inf.profile = res.profiles.get(stem).copied();
    }
    inf
}

/// Context from a first tagging pass, for the second pass: the first-pass labels of the
/// sentence and, for each of its words, the first-pass labels its stem received
/// elsewhere in the surrounding document (own occurrence excluded).
#[derive(Clone, Copy, Debug)]
pub struct StackContext<'a> {
    /// First-pass labels of the sentence.
    pub labels: &'a [Label],
    /// Per word, counts of first-pass labels of the same stem elsewhere.
    pub elsewhere: &'a [[u16; N_LABELS]],
}

/// What the features of a sentence are made from, computed once per sentence and
/// shared by both tagging passes.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    infos: Vec<Info>,
    /// Per word, the gazetteer matches starting there: (class, length).
    longest: Vec<Vec<(u8, usize)>>,
}

/// Reads the words of a sentence: per-word values and gazetteer matches.
pub fn prepare(words: &[Word<'_>], res: &Resources<'_>) -> Prepared {
    let n = words.len();
    let mut buf = String::new();
    let mut infos: Vec<Info> = words.iter().map(|w| info(w, res, &mut buf)).collect();
    // Gazetteer matches: begin/inside bits per word, and the matches per start.
    let matches = res.gazetteer.find(words);
    let mut longest: Vec<Vec<(u8, usize)>> = vec![Vec::new(); n];
    for m in &matches {
        for c in 0..class::COUNT {
            if m.classes & (1 << c) == 0 {
                continue;
            }
            infos[m.start].gaz |= 1 << (2 * c);
            for inf in &mut infos[m.start + 1..m.end] {
                inf.gaz |= 1 << (2 * c + 1);
            }
            longest[m.start].push((c, m.end - m.start));
        }
    }
    Prepared { infos, longest }
}

/// Computes the features of every word of `words` into `out`.
pub fn sentence_features(
    words: &[Word<'_>],
    res: &Resources<'_>,
    stack: Option<StackContext<'_>>,
    out: &mut SentenceFeatures,
) {
    features_of(&prepare(words, res), res, stack, out);
}

/// Computes the features of a prepared sentence into `out`.
pub fn features_of(
    prepared: &Prepared,
    res: &Resources<'_>,
    stack: Option<StackContext<'_>>,
    out: &mut SentenceFeatures,
) {
    out.keys.clear();
    out.offsets.clear();
    let infos = &prepared.infos;
    let longest = &prepared.longest;
    let n = infos.len();
    const BOUNDARY: u64 = 0xB0B0;
    let at =
        |i: isize| -> Option<&Info> { (i >= 0 && (i as usize) < n).then(|| &infos[i as usize]) };
    for i in 0..n {
        out.offsets.push(out.keys.len() as u32);
        let k = &mut out.keys;
        let me = &infos[i];
        let ii = i as isize;
        k.push(key(Template::Bias, 0, 0));
        if i == 0 {
            k.push(key(Template::First, 0, 0));
        }
        for d in -2..=2 {
            match at(ii + d as isize) {
                Some(o) => {
                    k.push(key(Template::Norm, d, o.norm));
                    k.push(key(Template::Stem, d, o.stem));
                }
                None => {
                    k.push(key(Template::Norm, d, BOUNDARY));
                    k.push(key(Template::Stem, d, BOUNDARY));
                }
            }
        }
        k.push(key(Template::Core, 0, me.core));
        let prev_stem = at(ii - 1).map_or(BOUNDARY, |o| o.stem);
        let next_stem = at(ii + 1).map_or(BOUNDARY, |o| o.stem);
        k.push(key(
            Template::StemBigram,
            -1,
            crate::hash::combine(prev_stem, me.stem),
        ));
        k.push(key(
            Template::StemBigram,
            1,
            crate::hash::combine(me.stem, next_stem),
        ));
        for j in 0..4 {
            if me.prefix[j] != 0 {
                k.push(key(Template::Prefix, j as i32, me.prefix[j]));
                k.push(key(Template::Suffix, j as i32, me.suffix[j]));
            }
            if me.token_prefix[j] != 0 {
                k.push(key(Template::TokenPrefix, j as i32, me.token_prefix[j]));
                k.push(key(Template::TokenSuffix, j as i32, me.token_suffix[j]));
            }
        }
        k.push(key(Template::Frequency, 0, me.frequency));
        k.push(key(Template::StemFrequency, 0, me.stem_frequency));
        for d in -1..=1 {
            let o = at(ii + d as isize);
            k.push(key(Template::Shape, d, o.map_or(BOUNDARY, |o| o.shape)));
            k.push(key(Template::Clitics, d, o.map_or(BOUNDARY, |o| o.clitics)));
            if let Some(o) = o {
                if o.article != 0 {
                    k.push(key(Template::Article, d, o.article));
                }
                let bits = o.gaz;
                let mut b = bits;
                while b != 0 {
                    let bit = b.trailing_zeros();
                    k.push(key(Template::Gazetteer, d, bit as u64));
                    b &= b - 1;
                }
            }
        }
        for d in [-2i32, 2] {
            if let Some(o) = at(ii + d as isize) {
                let mut b = o.gaz;
                while b != 0 {
                    let bit = b.trailing_zeros();
                    k.push(key(Template::GazetteerFar, d, bit as u64));
                    b &= b - 1;
                }
            }
        }
        let mid = |o: Option<&Info>| -> u64 {
            match o {
                None => BOUNDARY,
                Some(o) => o.leaf.map_or(u64::MAX, |l| {
                    res.clusters
                        .at_level(l, res.clusters.depth().saturating_sub(1).max(1))
                        as u64
                }),
            }
        };
        let (cp, c0, cn) = (mid(at(ii - 1)), mid(Some(me)), mid(at(ii + 1)));
        k.push(key(
            Template::ClusterBigram,
            -1,
            crate::hash::combine(cp, c0),
        ));
        k.push(key(
            Template::ClusterBigram,
            1,
            crate::hash::combine(c0, cn),
        ));
        k.push(key(
            Template::PrevWordCluster,
            -1,
            crate::hash::combine(at(ii - 1).map_or(BOUNDARY, |o| o.norm), c0),
        ));
        if let Some(p) = &me.profile {
            for (slot, &b) in p.iter().enumerate() {
                if b > 0 {
                    k.push(key(Template::Profile, 0, (slot as u64) << 8 | b as u64));
                }
            }
        }
        for &(c, len) in &longest[i] {
            k.push(key(
                Template::GazetteerLength,
                0,
                (c as u64) << 8 | len.min(5) as u64,
            ));
        }
        // Clusters: all levels for the word, the two finest levels for neighbours.
        let depth = res.clusters.depth();
        for d in -2i32..=2 {
            let Some(o) = at(ii + d as isize) else {
                continue;
            };
            let Some(leaf) = o.leaf else {
                k.push(key(Template::Cluster, d * 8, u64::MAX));
                continue;
            };
            let levels = if d == 0 {
                1..=depth
            } else {
                depth.saturating_sub(2).max(1)..=depth
            };
            for level in levels {
                let c = res.clusters.at_level(leaf, level) as u64;
                k.push(key(Template::Cluster, d * 8 + level as i32, c));
            }
        }
        if let Some(s) = &stack {
            for d in -2..=2 {
                let j = ii + d as isize;
                let l = if j >= 0 && (j as usize) < n {
                    s.labels[j as usize].0 as u64
                } else {
                    99
                };
                k.push(key(Template::StackLabel, d, l));
            }
            k.push(key(
                Template::StackLabelStem,
                0,
                crate::hash::combine(me.stem, s.labels[i].0 as u64),
            ));
            let counts = &s.elsewhere[i];
            let total: u32 = counts.iter().map(|&c| c as u32).sum();
            if total == 0 {
                k.push(key(Template::StackMajority, 0, 99));
            } else {
                let (best, _) =
                    counts
                        .iter()
                        .enumerate()
                        .fold((0, 0), |b, (l, &c)| if c > b.1 { (l, c) } else { b });
                k.push(key(Template::StackMajority, 0, best as u64));
                let inside = total - counts[0] as u32;
                let share = if inside == 0 {
                    0
                } else if inside == total {
                    3
                } else if inside * 2 >= total {
                    2
                } else {
                    1
                };
                k.push(key(Template::StackShare, 0, share));
                for (t, pair) in counts[1..].chunks(2).enumerate() {
                    if pair[0] + pair[1] > 0 {
                        k.push(key(Template::StackTypes, 0, t as u64));
                    }
                }
            }
        }
    }
    out.offsets.push(out.keys.len() as u32);
}

/// The stem hash the second pass groups words by; `None` for words it does not track
/// (punctuation, numbers, one-letter stems).
pub fn stack_key(w: &Word<'_>) -> Option<u64> {
    let stem = w.stem();
    (w.kind.is_word() && stem.chars().nth(1).is_some()).then(|| hash_str(stem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word::phrase_words;
    use isnad_text::NoCounts;

    #[test]
    fn every_word_gets_features_and_context_changes_them() {
        let clusters = Clusters::empty();
        let gaz = Gazetteer::build([("ليبيا", class::COUNTRY)], &NoCounts);
        let profiles = Profiles::empty();
        let res = Resources {
            counts: &NoCounts,
            clusters: &clusters,
            gazetteer: &gaz,
            profiles: &profiles,
        };
        let a = phrase_words("زار الوزير ليبيا .", &NoCounts);
        let a: Vec<Word> = a.iter().map(|w| w.as_word()).collect();
        let mut f = SentenceFeatures::default();
        sentence_features(&a, &res, None, &mut f);
        assert_eq!(f.len(), 4);
        let gaz_key = key(Template::Gazetteer, 0, 2 * class::COUNTRY as u64);
        assert!(f.of(2).contains(&gaz_key));
        assert!(!f.of(1).contains(&gaz_key));
        // The same word in another context shares its own features, not all of them.
        let b = phrase_words("في ليبيا", &NoCounts);
        let b: Vec<Word> = b.iter().map(|w| w.as_word()).collect();
        let mut g = SentenceFeatures::default();
        sentence_features(&b, &res, None, &mut g);
        let shared = f.of(2).iter().filter(|x| g.of(1).contains(x)).count();
        assert!(shared > 5 && shared < f.of(2).len());
    }
}
