//! The reporting-cue lexicon (`data/quotes/reporting.tsv`): word forms that introduce
//! reported speech, with their role (finite verb, adverbial participle, verbal noun) and
//! what their content follows (a clause, or a preposition such as إلى in "أشار إلى"), and
//! whether the form is also another word, so a cue only where a clause opens.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How a cue word introduces speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueRole {
    /// A finite verb: قال، أضافت، يقول.
    Verb,
    /// An adverbial participle continuing a clause: "، مضيفا أن".
    Participle,
    /// A verbal noun: قوله in "نقلت عن X قوله".
    Noun,
}

/// One cue form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Its role.
    pub role: CueRole,
    /// The prepositions its content may follow (normalized: الي، علي، عن، ب، ل); empty when
    /// the content is a clause (إن/أن, a colon, a quotation).
    pub prepositions: Vec<String>,
    /// The lemma, for reports.
    pub lemma: String,
    /// The form is also a common noun or another word ("طالب" a student, "بين" between,
    /// "كتب" books): it is a cue only where a clause opens.
    pub ambiguous: bool,
    /// The verb reports only the words of a document named after في ("وجاء في بيان");
    /// such cues are answered by `ReportingLexicon::document_word` alone.
    pub in_document: bool,
}

/// Normalized form → cue.
pub struct ReportingLexicon {
    cues: Forms,
    /// Verbs that report only a document's words, named after في: "وجاء في بيان للجيش
    /// أن", "وورد في التقرير أن". Elsewhere they are "came" and "arrived", so `get` and
    /// `word` never return them; `document_word` does.
    document_cues: Forms,
    /// One filter over every word either table could answer: each form of both, bare and
    /// behind و or ف. A word that misses it is no cue of any kind, with or without its
    /// conjunction, and one load tells: the other questions (the bare form, the form
    /// without a conjunction, the document verbs and the word after them) are asked only
    /// of the words that get through.
    words: Filter,
}

/// Normalized forms and their cues, behind a filter that answers most other words with
/// one load.
struct Forms {
    map: FxHashMap<String, Cue>,
    filter: Filter,
}

impl Forms {
    fn new(map: FxHashMap<String, Cue>) -> Forms {
        let filter = Filter::new(map.keys().map(String::as_str));
        Forms { map, filter }
    }

    fn get(&self, form: &str) -> Option<&Cue> {
        if !self.filter.may_hold(form) {
            return None;
        }
        self.map.get(form)
    }
}

/// A one-sided filter over a set of words: a bit for the hash of each word's length and
/// the bytes that tell its first two and last two letters apart. Every word of a text is
/// asked whether it is a cue and about one in a hundred is: one load answers most of the
/// others without hashing the whole word (1.8% of the corpus words get through a table's
/// filter).
struct Filter {
    bits: Box<[u64; FILTER_WORDS]>,
    /// The length in bytes of the shortest word: a shorter one ("في" without its ف) is
    /// answered without a load.
    shortest: usize,
}

impl Filter {
    fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Filter {
        let mut bits = Box::new([0u64; FILTER_WORDS]);
        let mut shortest = usize::MAX;
        for word in words.into_iter().filter(|w| !w.is_empty()) {
            let bit = filter_bit(word.as_bytes());
            bits[bit / 64] |= 1 << (bit % 64);
            shortest = shortest.min(word.len());
        }
        Filter { bits, shortest }
    }

    /// False when `word` is surely not in the set.
    fn may_hold(&self, word: &str) -> bool {
        if word.len() < self.shortest {
            return false;
        }
        let bit = filter_bit(word.as_bytes());
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// 2^14 bits.
const FILTER_BITS: u32 = 14;
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

/// The filter bit of a non-empty form. For Arabic, bytes 1 and 3 are the second bytes of
/// the first two letters and the last bytes those of the last two letters.
fn filter_bit(form: &[u8]) -> usize {
    let at = |i: usize| form.get(i).copied().unwrap_or(0) as u32;
    let n = form.len();
    let key = (at(1) << 24) | (at(3) << 16) | (at(n.wrapping_sub(3)) << 8) | at(n - 1);
    let mixed = key
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add((n as u32).wrapping_mul(0x85EB_CA6B));
    (mixed >> (32 - FILTER_BITS)) as usize
}

impl ReportingLexicon {
    fn parse(text: &str) -> ReportingLexicon {
        let mut cues = FxHashMap::default();
        let mut document_cues = FxHashMap::default();
        for row in crate::tsv_rows(text) {
            let [form, role, complement, lemma, ref flags @ ..] = row[..] else {
                continue;
            };
            let role = match role {
                "verb" => CueRole::Verb,
                "participle" => CueRole::Participle,
                "noun" => CueRole::Noun,
                _ => continue,
            };
            let prepositions = if complement == "clause" {
                Vec::new()
            } else {
                complement.split('|').map(str::to_owned).collect()
            };
            // "جاء", "ورد": kept apart, so that no other reader takes them for cues.
            let in_document = flags.contains(&"document");
            let into = if in_document {
                &mut document_cues
            } else {
                &mut cues
            };
            into.insert(
                isnad_text::normalize(form),
                Cue {
                    role,
                    prepositions,
                    lemma: lemma.to_owned(),
                    ambiguous: flags.contains(&"ambiguous"),
                    in_document,
                },
            );
        }
        let with_conjunctions: Vec<String> = cues
            .keys()
            .chain(document_cues.keys())
            .flat_map(|f| [f.clone(), format!("و{f}"), format!("ف{f}")])
            .collect();
        let words = Filter::new(with_conjunctions.iter().map(String::as_str));
        ReportingLexicon {
            cues: Forms::new(cues),
            document_cues: Forms::new(document_cues),
            words,
        }
    }

    /// False when the normalized word (with its conjunction, split off or not) is surely
    /// neither a cue nor a document verb: what `word` and `document_word` would answer
    /// `None` for, told with one load. True for 5.3% of the Arabic words of the first
    /// 3,000 SaudiNewsNet articles (1.7% are cues).
    pub fn may_be_cue(&self, norm: &str) -> bool {
        self.words.may_hold(norm)
    }

    /// The cue for a normalized form (without a conjunction), if it is one.
    pub fn get(&self, form: &str) -> Option<&Cue> {
        self.cues.get(form)
    }

    /// The cue a normalized word is, with or without a leading conjunction و/ف: the cue,
    /// whether the word had the conjunction, and the form without it. `conj_split` says
    /// the segmenter already split a conjunction off (its two bytes lead `norm`); when it
    /// did not, a conjunction it missed is tried too ("وأكد" on an unknown reading).
    pub fn word<'w>(&self, norm: &'w str, conj_split: bool) -> Option<(&Cue, bool, &'w str)> {
        with_conjunction(norm, conj_split, |form| self.get(form))
    }

    /// The document verb a normalized word is ("وجاء", "ورد"), with or without a leading
    /// conjunction, as `word` answers for the other cues. The caller checks that في and a
    /// document follow.
    pub fn document_word<'w>(
        &self,
        norm: &'w str,
        conj_split: bool,
    ) -> Option<(&Cue, bool, &'w str)> {
        with_conjunction(norm, conj_split, |form| self.document_cues.get(form))
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.cues.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.cues.map.is_empty()
    }
}

/// Looks a normalized word up with `find`, with or without a leading conjunction و/ف:
/// the cue, whether the word had the conjunction, and the form without it. When
/// `conj_split`, the segmenter split the conjunction off and its two bytes lead `norm`
/// (and the whole word is asked after, for a verb that itself begins with و); otherwise the
/// bare word comes first, then a conjunction it missed.
fn with_conjunction<'l, 'w>(
    norm: &'w str,
    conj_split: bool,
    find: impl Fn(&str) -> Option<&'l Cue>,
) -> Option<(&'l Cue, bool, &'w str)> {
    if conj_split {
        let form = norm.get("و".len()..)?;
        // A verb that itself begins with و ("وصفه بأنه", "وعد بأن"), which the segmenter
        // read as the conjunction on a common word ("صفه", "its description"): the whole
        // word is the cue.
        return find(form)
            .map(|c| (c, true, form))
            .or_else(|| find(norm).map(|c| (c, false, norm)));
    }
    if let Some(c) = find(norm) {
        return Some((c, false, norm));
    }
    ["و", "ف"].iter().find_map(|c| {
        let rest = norm.strip_prefix(c)?;
        find(rest).map(|cue| (cue, true, rest))
    })
}

static DATA: &str = include_str!("../../../data/quotes/reporting.tsv");
static LEXICON: LazyLock<ReportingLexicon> = LazyLock::new(|| ReportingLexicon::parse(DATA));

/// The shipped reporting lexicon.
pub fn reporting() -> &'static ReportingLexicon {
    &LEXICON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses() {
        let l = reporting();
        assert!(l.len() > 100);
        assert_eq!(l.get("قال").unwrap().role, CueRole::Verb);
        assert_eq!(l.get("مضيفا").unwrap().role, CueRole::Participle);
        assert_eq!(l.get("اشار").unwrap().prepositions, vec!["الي"]);
        assert_eq!(l.get("دعا").unwrap().prepositions, vec!["الي", "ل"]);
        assert!(l.get("يذكر").is_none(), "editorial formulas are not cues");
    }

    #[test]
    fn the_filter_hides_no_form() {
        let l = reporting();
        for form in l.cues.map.keys() {
            assert!(l.get(form).is_some(), "{form}");
        }
        for form in l.document_cues.map.keys() {
            assert!(l.document_word(form, false).is_some(), "{form}");
        }
        for form in l.cues.map.keys().chain(l.document_cues.map.keys()) {
            for word in [form.clone(), format!("و{form}"), format!("ف{form}")] {
                assert!(l.may_be_cue(&word), "{word}");
            }
        }
        assert_eq!(
            l.cues.filter.shortest,
            "حث".len(),
            "the shortest form is حث"
        );
        assert!(!l.may_be_cue("في"));
        assert!(l.get("").is_none());
        assert!(l.get("ق").is_none());
        assert!(l.get(&"ق".repeat(80)).is_none());
    }
}
