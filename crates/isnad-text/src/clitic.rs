//! Clitic segmentation of Arabic words: و ف (conjunctions), ب ك ل (prepositions),
//! ال (article, and the ل of لل) in front; attached pronouns (ه ها هم هما هن كم كما نا)
//! behind.
//!
//! Arabic glues these to the word ("وبالحكومة" = و + ب + ال + حكومة), but the same letters
//! also begin and end ordinary words ("وزير", "بغداد", "اتجاه"). A split is accepted when
//! the remainder is itself a common word of the news corpus, at least half as common as
//! the whole form (for prefixes), or a quarter (for pronoun suffixes); see [`WordCounts`].
//! The conjunctions و and ف also split off a form that mostly opens a clause while its
//! remainder is a well attested word: news writes "وأضاف" far more often than "أضاف", but
//! "وأضاف" opens its clause, as a conjunction does, and "وزير" does not.
//! The counts come from the lexicon `isnad-resources` ships; with no counts at all
//! ([`NoCounts`]) only the article and article-bearing forms are split.

/// How often a normalized word form occurs as a whole token in a news corpus.
pub trait WordCounts: Send + Sync {
    /// Occurrences of `word` (normalized, see [`crate::normalize`]); 0 when unknown.
    fn count(&self, word: &str) -> u32;

    /// Occurrences of `word` at the start of a clause (a sentence start or after a comma
    /// or semicolon); 0 when unknown.
    fn clause_initial(&self, _word: &str) -> u32 {
        0
    }
}

/// No corpus evidence: every word is unknown.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoCounts;

impl WordCounts for NoCounts {
    fn count(&self, _word: &str) -> u32 {
        0
    }
}

impl<S: std::hash::BuildHasher + Send + Sync> WordCounts
    for std::collections::HashMap<String, u32, S>
{
    fn count(&self, word: &str) -> u32 {
        self.get(word).copied().unwrap_or(0)
    }
}

/// A proclitic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prefix {
    /// و "and".
    Wa,
    /// ف "so, then".
    Fa,
    /// ب "with, by".
    Bi,
    /// ك "like, as".
    Ka,
    /// ل "for, to".
    Li,
    /// ال, the definite article.
    Al,
    /// The article after ل, written with its alef dropped: the second ل of لل.
    AlAssimilated,
}

impl Prefix {
    const ALL: [Prefix; 7] = [
        Prefix::Wa,
        Prefix::Fa,
        Prefix::Bi,
        Prefix::Ka,
        Prefix::Li,
        Prefix::Al,
        Prefix::AlAssimilated,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// Length in bytes of the clitic in normalized text.
    pub fn len_bytes(self) -> usize {
        match self {
            Prefix::Al => 4,
            _ => 2,
        }
    }

    /// The clitic as written (normalized).
    pub fn as_str(self) -> &'static str {
        match self {
            Prefix::Wa => "و",
            Prefix::Fa => "ف",
            Prefix::Bi => "ب",
            Prefix::Ka => "ك",
            Prefix::Li => "ل",
            Prefix::Al => "ال",
            Prefix::AlAssimilated => "ل",
        }
    }

    /// The grammatical role of the clitic.
    pub fn role(self) -> PieceKind {
        match self {
            Prefix::Wa | Prefix::Fa => PieceKind::Conjunction,
            Prefix::Bi | Prefix::Ka | Prefix::Li => PieceKind::Preposition,
            Prefix::Al | Prefix::AlAssimilated => PieceKind::Article,
        }
    }
}

/// An attached (enclitic) pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suffix {
    /// ه "him, his"
    Hu = 1,
    /// ها "her, its"
    Ha,
    /// هما "them two"
    Huma,
    /// هم "them"
    Hum,
    /// هن "them (f.)"
    Hunna,
    /// كم "you (pl.)"
    Kum,
    /// كما "you two"
    Kuma,
    /// نا "us, our"
    Na,
}

impl Suffix {
    /// Longest first, so that هما is tried before ها and هم.
    const ORDERED: [Suffix; 8] = [
        Suffix::Huma,
        Suffix::Kuma,
        Suffix::Hum,
        Suffix::Hunna,
        Suffix::Kum,
        Suffix::Ha,
        Suffix::Na,
        Suffix::Hu,
    ];

    /// The pronoun as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Suffix::Hu => "ه",
            Suffix::Ha => "ها",
            Suffix::Huma => "هما",
            Suffix::Hum => "هم",
            Suffix::Hunna => "هن",
            Suffix::Kum => "كم",
            Suffix::Kuma => "كما",
            Suffix::Na => "نا",
        }
    }

    fn from_code(code: u16) -> Option<Suffix> {
        Self::ORDERED.into_iter().find(|s| *s as u16 == code)
    }
}

/// The role of one piece of a segmented word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PieceKind {
    /// و or ف.
    Conjunction,
    /// ب, ك or ل.
    Preposition,
    /// ال (or the assimilated ل of لل).
    Article,
    /// The word itself.
    Stem,
    /// An attached pronoun.
    Pronoun,
}

/// The clitics found on one word, packed in two bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Clitics(u16);

impl Clitics {
    /// No clitic.
    pub const NONE: Clitics = Clitics(0);

    /// True when the word carries this proclitic.
    pub fn has(self, p: Prefix) -> bool {
        self.0 & p.bit() != 0
    }

    /// The proclitics in written order.
    pub fn prefixes(self) -> impl Iterator<Item = Prefix> {
        Prefix::ALL.into_iter().filter(move |p| self.has(*p))
    }

    /// The attached pronoun, if any.
    pub fn suffix(self) -> Option<Suffix> {
        Suffix::from_code(self.0 >> 8)
    }

    /// True when the word carries the definite article.
    pub fn is_definite(self) -> bool {
        self.has(Prefix::Al) || self.has(Prefix::AlAssimilated)
    }

    /// True when the article is the word's only proclitic ("الإيرانية", not "بالملكة" or
    /// "والمقاييس"); an attached pronoun may follow.
    pub fn only_article(self) -> bool {
        self.has(Prefix::Al) && self.prefixes().all(|p| p == Prefix::Al)
    }

    /// Bytes of proclitics at the start of the normalized word.
    pub fn prefix_bytes(self) -> usize {
        // Every proclitic is one two-byte letter but the article, two letters: counted on
        // the bits, as many rules ask it of every word.
        let prefixes = self.0 & 0xFF;
        2 * prefixes.count_ones() as usize + if self.has(Prefix::Al) { 2 } else { 0 }
    }

    /// Bytes of the pronoun at the end of the normalized word.
    pub fn suffix_bytes(self) -> usize {
        // By the pronoun's code (`Suffix`'s discriminants; 0 for none), without decoding it.
        const BYTES: [u8; 9] = [0, 2, 4, 6, 4, 4, 4, 6, 4];
        BYTES.get((self.0 >> 8) as usize).map_or(0, |&b| b as usize)
    }

    /// True when nothing is attached.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn with_prefix(self, p: Prefix) -> Clitics {
        Clitics(self.0 | p.bit())
    }

    fn with_suffix(self, s: Suffix) -> Clitics {
        Clitics((self.0 & 0xFF) | ((s as u16) << 8))
    }

    /// The pieces of a normalized word as `(byte range, kind)`, in order.
    pub fn pieces(
        self,
        word_len: usize,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, PieceKind)> {
        let mut out: Vec<(std::ops::Range<usize>, PieceKind)> = Vec::with_capacity(4);
        let mut pos = 0;
        for p in self.prefixes() {
            out.push((pos..pos + p.len_bytes(), p.role()));
            pos += p.len_bytes();
        }
        let stem_end = word_len - self.suffix_bytes();
        out.push((pos..stem_end, PieceKind::Stem));
        if stem_end < word_len {
            out.push((stem_end..word_len, PieceKind::Pronoun));
        }
        out.into_iter()
    }
}

/// Words whose first or last letters look like clitics but are not (normalized forms).
const NO_SPLIT: &[&str] = &[
    "الي",
    "الا",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اللواتي",
    "اللتي",
    "الله",
    "اللهم",
    "الان",
    "لكن",
    "لكي",
    "لدي",
    "ليس",
    "ليست",
    "لقد",
    "لعل",
    "لما",
    "لولا",
    "لذا",
    "لذلك",
    "لهذا",
    "كان",
    "كانت",
    "كانوا",
    "كانا",
    "كذا",
    "كيف",
    "كلما",
    "كلا",
    "بل",
    "بين",
    "بينما",
    "بعد",
    "بعض",
    "بعيد",
    "فقط",
    "فوق",
    "فيما",
    "ولي",
    "وراء",
    "وسط",
    "وفق",
    "وفقا",
    "وقت",
    "وحده",
    "وجه",
    "والي",
    "لله",
];

const MIN_COUNT: u32 = 3;
/// How attested the remainder of a clause-opening form must be to split off و/ف.
const MIN_CLAUSE_REMAINDER: u32 = 50;

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// Segments one normalized Arabic word.
///
/// `ends_in_ta_marbuta` tells whether the original word ended in ة (normalized to ه),
/// which is then not a pronoun.
pub fn segment(word: &str, ends_in_ta_marbuta: bool, counts: &dyn WordCounts) -> Clitics {
    let mut clitics = Clitics::NONE;
    if letters(word) < 3 || NO_SPLIT.contains(&word) {
        return clitics;
    }
    let mut rest = word;
    // A proclitic is accepted when what remains is an attested word, nearly as frequent
    // as the whole; for a word the corpus never saw, when what remains starts with ال.
    let accept = |whole: &str, remainder: &str, counts: &dyn WordCounts| -> bool {
        if letters(remainder) < 2 || NO_SPLIT.contains(&whole) {
            return false;
        }
        let cw = counts.count(whole);
        let cr = counts.count(remainder);
        if cw == 0 && cr == 0 {
            return ["ال", "بال", "كال", "لل"]
                .iter()
                .any(|p| remainder.starts_with(p))
                && letters(remainder) >= 4;
        }
        cr >= MIN_COUNT && cr.saturating_mul(2) >= cw
    };

    // 1. Conjunction.
    let opens_clauses = |whole: &str, remainder: &str| {
        let n = counts.count(whole);
        n > 0
            && letters(remainder) >= 3
            && counts.count(remainder) >= MIN_CLAUSE_REMAINDER
            && counts.clause_initial(whole).saturating_mul(2) >= n
            && !NO_SPLIT.contains(&whole)
    };
    for (p, c) in [(Prefix::Wa, "و"), (Prefix::Fa, "ف")] {
        if let Some(r) = rest.strip_prefix(c) {
            if accept(rest, r, counts) || opens_clauses(rest, r) {
                clitics = clitics.with_prefix(p);
                rest = r;
            }
            break;
        }
    }
    // 2. Preposition; لل is ل + the article without its alef.
    if let Some(r) = rest.strip_prefix("لل") {
        if letters(r) >= 2 && !NO_SPLIT.contains(&rest) {
            let restored = format!("ال{r}");
            let (cw, cr) = (counts.count(rest), counts.count(&restored));
            if (cw == 0 && cr == 0) || cr >= MIN_COUNT {
                return segment_suffix(
                    clitics
                        .with_prefix(Prefix::Li)
                        .with_prefix(Prefix::AlAssimilated),
                    r,
                    false,
                    ends_in_ta_marbuta,
                    counts,
                );
            }
        }
    }
    for (p, c) in [(Prefix::Bi, "ب"), (Prefix::Ka, "ك"), (Prefix::Li, "ل")] {
        if let Some(r) = rest.strip_prefix(c) {
            let with_article = r.starts_with("ال") && letters(r) >= 4;
            if (with_article && !NO_SPLIT.contains(&rest)) || accept(rest, r, counts) {
                clitics = clitics.with_prefix(p);
                rest = r;
            }
            break;
        }
    }
    // 3. Article.
    let mut definite = false;
    if let Some(r) = rest.strip_prefix("ال") {
        if letters(r) >= 2 && !NO_SPLIT.contains(&rest) {
            clitics = clitics.with_prefix(Prefix::Al);
            rest = r;
            definite = true;
        }
    }
    segment_suffix(clitics, rest, definite, ends_in_ta_marbuta, counts)
}

fn segment_suffix(
    clitics: Clitics,
    rest: &str,
    definite: bool,
    ends_in_ta_marbuta: bool,
    counts: &dyn WordCounts,
) -> Clitics {
    // A definite noun takes no pronoun.
    if definite || NO_SPLIT.contains(&rest) {
        return clitics;
    }
    for s in Suffix::ORDERED {
        if s == Suffix::Hu && ends_in_ta_marbuta {
            continue;
        }
        let Some(stem) = rest.strip_suffix(s.as_str()) else {
            continue;
        };
        if letters(stem) < 2 {
            return clitics;
        }
        let whole = counts.count(rest);
        // ة and ى change shape before a pronoun: حكومته = حكومة + ه, مستواه = مستوى + ه.
        let mut best = counts.count(stem);
        if let Some(base) = stem.strip_suffix('ت') {
            best = best.max(counts.count(&format!("{base}ه")));
        } else if let Some(base) = stem.strip_suffix('ا') {
            best = best.max(counts.count(&format!("{base}ي")));
        }
        if best >= MIN_COUNT && best.saturating_mul(4) >= whole {
            return clitics.with_suffix(s);
        }
        return clitics;
    }
    clitics
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn prefix_bytes_counts_each_proclitic_as_written() {
        for bits in 0u16..1 << Prefix::ALL.len() {
            let c = Prefix::ALL
                .into_iter()
                .filter(|p| bits & p.bit() != 0)
                .fold(Clitics::NONE, Clitics::with_prefix)
                .with_suffix(Suffix::ORDERED[bits as usize % Suffix::ORDERED.len()]);
            let written: usize = c.prefixes().map(|p| p.as_str().len()).sum();
            assert_eq!(c.prefix_bytes(), written, "{bits:07b}");
        }
    }

    #[test]
    fn suffix_bytes_is_the_pronoun_as_written() {
        assert_eq!(Clitics::NONE.suffix_bytes(), 0);
        for s in Suffix::ORDERED {
            let c = Clitics::NONE.with_prefix(Prefix::Wa).with_suffix(s);
            assert_eq!(c.suffix_bytes(), s.as_str().len(), "{s:?}");
        }
    }

    fn counts() -> HashMap<String, u32> {
        [
            ("الحكومه", 3000),
            ("والحكومه", 400),
            ("حكومه", 900),
            ("قال", 5000),
            ("وقال", 3000),
            ("وزير", 4000),
            ("زير", 2),
            ("حساب", 500),
            ("حسابه", 300),
            ("وجه", 800),
            ("بغداد", 700),
            ("غداد", 0),
            ("حكومته", 100),
            ("مستوي", 400),
            ("مستواه", 50),
            ("عليه", 900),
            ("علي", 9000),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn seg(w: &str) -> Vec<(String, PieceKind)> {
        let c = counts();
        let w = crate::normalize::normalize(w);
        let cl = segment(&w, false, &c);
        cl.pieces(w.len())
            .map(|(r, k)| (w[r].to_string(), k))
            .collect()
    }

    fn shape(w: &str) -> String {
        seg(w)
            .into_iter()
            .map(|(s, _)| s)
            .collect::<Vec<_>>()
            .join("+")
    }

    #[test]
    fn splits_real_clitics() {
        assert_eq!(shape("والحكومة"), "و+ال+حكومه");
        assert_eq!(shape("وبالحكومة"), "و+ب+ال+حكومه");
        assert_eq!(shape("للحكومة"), "ل+ل+حكومه");
        assert_eq!(shape("وقال"), "و+قال");
        assert_eq!(shape("حسابه"), "حساب+ه");
        assert_eq!(shape("حكومته"), "حكومت+ه");
        assert_eq!(shape("مستواه"), "مستوا+ه");
        assert_eq!(shape("عليه"), "علي+ه");
    }

    #[test]
    fn keeps_words_that_only_look_segmented() {
        assert_eq!(shape("وزير"), "وزير");
        assert_eq!(shape("بغداد"), "بغداد");
        assert_eq!(shape("وجه"), "وجه");
        assert_eq!(shape("الذي"), "الذي");
        assert_eq!(shape("إلى"), "الي");
        assert_eq!(shape("في"), "في");
    }

    #[test]
    fn ta_marbuta_is_not_a_pronoun() {
        let c = counts();
        let cl = segment("حكومه", true, &c);
        assert!(cl.suffix().is_none());
    }

    #[test]
    fn unknown_words_split_only_on_the_article() {
        let cl = segment("والقنيطرة", false, &NoCounts);
        assert!(cl.has(Prefix::Wa) && cl.has(Prefix::Al));
        assert!(segment("وليد", false, &NoCounts).is_empty());
    }
}
