//! The event lexicon (`data/events/lexicon.tsv`: trigger words → PLOVER type and mode), the
//! status cues (`data/events/cues.tsv`: negation, plans, threats, conditions) and the actor
//! words (`data/events/sectors.tsv` and the demonyms of `data/gazetteer/countries.tsv`), in
//! the form the event stage matches against: every form normalized
//! (`isnad_text::normalize`) and indexed.
//!
//! The file formats are documented in the files' headers and in `DATA.md`.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The 16 POLECAT event types and the older PLOVER types the contract also names. Types
/// are `&'static str` in the document model; the lexicon's are interned here.
pub const EVENT_TYPES: [&str; 21] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "FIGHT",
    "CRIME",
];

/// The PLOVER modes the lexicon may use.
pub const EVENT_MODES: [&str; 30] = [
    "meet",
    "visit",
    "phone",
    "third-party",
    "sign",
    "withdraw",
    "release",
    "resign",
    "ceasefire",
    "access",
    "change",
    "yield",
    "disapprove",
    "allege",
    "investigate",
    "violence",
    "demonstrate",
    "riot",
    "convict",
    "discontinue",
    "troops",
    "weapons",
    "seize",
    "arrest",
    "restrict",
    "ban",
    "confiscate",
    "aerial",
    "heavy-weapons",
    "firearms",
];

/// More modes (the array above is split to keep each list short).
const MORE_MODES: [&str; 7] = [
    "explosives",
    "suicide-attack",
    "destroy",
    "beat",
    "economic",
    "deport",
    "abduct",
];

fn intern_mode(m: &str) -> Option<&'static str> {
    EVENT_MODES
        .iter()
        .chain(MORE_MODES.iter())
        .copied()
        .find(|x| *x == m)
}

/// What part of speech a trigger entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb (conjugated forms generated from `past/imperfect`).
    Verb,
    /// A noun (event noun, masdar, participle).
    Noun,
    /// Several words in a row.
    Phrase,
}

/// Where a context condition looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// After the trigger.
    Next,
    /// The word right after the trigger (an adjective: قصف مدفعي).
    Adjacent,
    /// Before it.
    Prev,
    /// Either side.
    Near,
    /// The complement of a verb or participle: the next [`CONTEXT_COMPLEMENT`] words, for
    /// a preposition that may come after a long object (طالب الحكومة اليمنية الشرعية ...
    /// بالإفراج).
    Complement,
}

/// One condition of an entry's context: a word beginning with one of `words` is (or, when
/// `negated`, is not) within reach on `side`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Where to look.
    pub side: Side,
    /// True for `!next:` and the like.
    pub negated: bool,
    /// Normalized word beginnings.
    pub words: Vec<String>,
}

/// Words a condition looks at after the trigger (`next`, `near`).
pub const CONTEXT_AFTER: usize = 8;
/// Words a `prev` condition looks at before the trigger.
pub const CONTEXT_BEFORE: usize = 3;
/// Words a `comp` condition looks at after the trigger.
pub const CONTEXT_COMPLEMENT: usize = 16;

/// One line of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggerEntry {
    /// Line order (earlier entries win).
    pub order: usize,
    /// Verb, noun or phrase.
    pub pos: TriggerPos,
    /// The event word the entry belongs to (normalized), for telling repeated mentions.
    pub lemma: String,
    /// The PLOVER type.
    pub kind: &'static str,
    /// The PLOVER mode.
    pub mode: Option<&'static str>,
    /// Context conditions, all of which must hold.
    pub conditions: Vec<Condition>,
    /// Verbs: only past (or future-marked) forms.
    pub past_only: bool,
    /// Nouns: only with an attached pronoun.
    pub suffix_only: bool,
    /// Nouns: only without the article.
    pub indefinite_only: bool,
    /// A light verb (عقد اجتماعا): its event noun is the trigger when both are found.
    pub light: bool,
    /// Only an event when no other event precedes it in the sentence.
    pub alone: bool,
    /// A verb that persons use in words: when a person among the actors is named right
    /// after it (or after that person's role words), the event is a verbal attack,
    /// ACCUSE/disapprove ("هاجم أردوغان نظيره السوري").
    pub verbal: bool,
    /// A participle of state (حال: "مشيدا بـ", "متهما إياه"): it tells how the subject of
    /// the verb before it acted, so that subject (or the speaker of the sentence) is its
    /// actor, and the noun phrase after it is its target.
    pub state: bool,
    /// Phrases: the words after the first, normalized.
    pub phrase_tail: Vec<String>,
    /// The note of the line.
    pub note: String,
}

/// How a form of the index relates to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormKind {
    /// The bare past form (3rd person masculine singular, no ending): the same letters as a
    /// masdar or participle of many verbs (قمع، صادر).
    PastBase,
    /// A past-tense verb form with an ending (or a form listed as written).
    Past,
    /// An imperfect verb form.
    Imperfect,
    /// A noun form that stands alone.
    Noun,
    /// A noun's construct form before an attached pronoun (سيطرت in سيطرته).
    Construct,
    /// The first word of a phrase.
    PhraseHead,
}

/// A form of the index: which entry, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormHit {
    /// Index of the entry in [`EventLexicon::entries`].
    pub entry: u32,
    /// What kind of form it is.
    pub kind: FormKind,
}

/// A status cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Normalized words, in order.
    pub words: Vec<String>,
    /// `denied`, `planned`, `called`, `threatened`, `hypothetical`.
    pub status: &'static str,
    /// True when the cue follows the trigger.
    pub after: bool,
    /// Words allowed between cue and trigger.
    pub window: usize,
    /// True when the cue must be in the same clause.
    pub clause: bool,
}

/// The parsed event lexicon and cues.
#[derive(Debug)]
pub struct EventLexicon {
    /// The entries, in file order.
    pub entries: Vec<TriggerEntry>,
    /// Normalized form → entries it belongs to, in file order.
    pub forms: FxHashMap<String, Vec<FormHit>>,
    /// Status cues.
    pub cues: Vec<Cue>,
    /// For a quick test before a lookup: bit (first letter, last letter) is set when some
    /// form begins and ends with those letters (letters folded to 64 classes).
    edges: [u64; 64],
}

/// The class of a letter for [`EventLexicon::edges`]: Arabic letters by code point, every
/// other character in class 63.
#[inline]
fn letter_class(c: char) -> usize {
    let n = c as u32;
    if (0x0620..0x065F).contains(&n) {
        (n - 0x0620) as usize
    } else {
        63
    }
}

/// A line that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct LexiconError {
    /// Which file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

const PAST_ENDINGS: [&str; 9] = ["", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و"];
const IMPERFECT_PREFIXES: [&str; 4] = ["ي", "ت", "ن", "ا"];
const IMPERFECT_ENDINGS: [&str; 6] = ["", "ون", "وا", "ان", "ن", "و"];

/// Whether a normalized word is one of the forms the lexicon conjugates for the verb
/// `past`/`imperfect` (3rd person masculine singular, normalized, the imperfect with its
/// ي): for the stage's own closed lists of verbs that are no event triggers.
pub fn is_form_of_verb(word: &str, past: &str, imperfect: &str) -> bool {
    let core = imperfect.strip_prefix('ي').unwrap_or(imperfect);
    word.strip_prefix(past)
        .is_some_and(|ending| PAST_ENDINGS.contains(&ending))
        || IMPERFECT_PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .and_then(|rest| rest.strip_prefix(core))
                .is_some_and(|ending| IMPERFECT_ENDINGS.contains(&ending))
        })
}

impl Default for EventLexicon {
    fn default() -> EventLexicon {
        EventLexicon {
            entries: Vec::new(),
            forms: FxHashMap::default(),
            cues: Vec::new(),
            edges: [0; 64],
        }
    }
}

impl EventLexicon {
    /// Parses the lexicon and cue files.
    pub fn parse(lexicon: &str, cues: &str) -> Result<EventLexicon, LexiconError> {
        let mut lex = EventLexicon::default();
        for (n, line) in lexicon.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                file: "lexicon.tsv",
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [pos, lemma, forms, kind, mode, context, note] = cols[..] else {
                return Err(err(format!("expected 7 columns, found {}", cols.len())));
            };
            let pos = match pos {
                "v" => TriggerPos::Verb,
                "n" => TriggerPos::Noun,
                "x" => TriggerPos::Phrase,
                other => return Err(err(format!("unknown part of speech {other:?}"))),
            };
            let kind = EVENT_TYPES
                .iter()
                .copied()
                .find(|t| *t == kind)
                .ok_or_else(|| err(format!("unknown event type {kind:?}")))?;
            let mode = match mode {
                "-" | "" => None,
                m => Some(intern_mode(m).ok_or_else(|| err(format!("unknown mode {m:?}")))?),
            };
            let mut entry = TriggerEntry {
                order: lex.entries.len(),
                pos,
                lemma: isnad_text::normalize(lemma),
                kind,
                mode,
                conditions: Vec::new(),
                past_only: false,
                suffix_only: false,
                indefinite_only: false,
                light: false,
                alone: false,
                verbal: false,
                state: false,
                phrase_tail: Vec::new(),
                note: note.to_owned(),
            };
            for cond in context.split(';').map(str::trim) {
                match cond {
                    "-" | "" => {}
                    "past" => entry.past_only = true,
                    "suffix" => entry.suffix_only = true,
                    "indef" => entry.indefinite_only = true,
                    "light" => entry.light = true,
                    "alone" => entry.alone = true,
                    "verbal" => entry.verbal = true,
                    "state" => entry.state = true,
                    c => {
                        let (negated, c) = match c.strip_prefix('!') {
                            Some(rest) => (true, rest),
                            None => (false, c),
                        };
                        let (side, words) = c
                            .split_once(':')
                            .ok_or_else(|| err(format!("bad condition {cond:?}")))?;
                        let side = match side {
                            "next" => Side::Next,
                            "adj" => Side::Adjacent,
                            "prev" => Side::Prev,
                            "near" => Side::Near,
                            "comp" => Side::Complement,
                            s => return Err(err(format!("unknown side {s:?}"))),
                        };
                        let words: Vec<String> = words
                            .split(',')
                            .map(|w| isnad_text::normalize(w.trim()))
                            .filter(|w| !w.is_empty())
                            .collect();
                        if words.is_empty() {
                            return Err(err(format!("empty condition {cond:?}")));
                        }
                        entry.conditions.push(Condition {
                            side,
                            negated,
                            words,
                        });
                    }
                }
            }
            let id = lex.entries.len() as u32;
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                match pos {
                    TriggerPos::Verb => match form.split_once('/') {
                        Some((past, imperfect)) => {
                            let past = isnad_text::normalize(past);
                            let imperfect = isnad_text::normalize(imperfect);
                            let core = imperfect.strip_prefix('ي').ok_or_else(|| {
                                err(format!("imperfect {imperfect:?} does not start with ي"))
                            })?;
                            for e in PAST_ENDINGS {
                                let kind = if e.is_empty() {
                                    FormKind::PastBase
                                } else {
                                    FormKind::Past
                                };
                                lex.add(format!("{past}{e}"), id, kind);
                            }
                            for p in IMPERFECT_PREFIXES {
                                for e in IMPERFECT_ENDINGS {
                                    lex.add(format!("{p}{core}{e}"), id, FormKind::Imperfect);
                                }
                            }
                        }
                        None => {
                            let f = isnad_text::normalize(form);
                            let kind = if f.starts_with('ي') {
                                FormKind::Imperfect
                            } else {
                                FormKind::Past
                            };
                            lex.add(f, id, kind);
                        }
                    },
                    TriggerPos::Noun => {
                        let f = isnad_text::normalize(form);
                        for (g, k) in noun_forms(&f) {
                            lex.add(g, id, k);
                        }
                    }
                    TriggerPos::Phrase => {
                        let words: Vec<String> =
                            form.split_whitespace().map(isnad_text::normalize).collect();
                        if words.len() < 2 {
                            return Err(err(format!("phrase {form:?} has one word")));
                        }
                        entry.phrase_tail = words[1..].to_vec();
                        for (g, k) in noun_forms(&words[0]) {
                            if k == FormKind::Noun {
                                lex.add(g, id, FormKind::PhraseHead);
                            }
                        }
                    }
                }
            }
            lex.entries.push(entry);
        }
        for (n, line) in cues.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: String| LexiconError {
                file: "cues.tsv",
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let [cue, status, side, window, scope, _note] = cols[..] else {
                return Err(err(format!("expected 6 columns, found {}", cols.len())));
            };
            let status = ["denied", "planned", "called", "threatened", "hypothetical"]
                .into_iter()
                .find(|s| *s == status)
                .ok_or_else(|| err(format!("unknown status {status:?}")))?;
            let after = match side {
                "before" => false,
                "after" => true,
                s => return Err(err(format!("unknown side {s:?}"))),
            };
            let window = window
                .parse()
                .map_err(|_| err(format!("bad window {window:?}")))?;
            let clause = match scope {
                "clause" => true,
                "sentence" => false,
                s => return Err(err(format!("unknown scope {s:?}"))),
            };
            lex.cues.push(Cue {
                words: cue.split_whitespace().map(isnad_text::normalize).collect(),
                status,
                after,
                window,
                clause,
            });
        }
        Ok(lex)
    }

    /// False when no form of the lexicon can be `s` (a cheap test on its first and last
    /// letters); true when one may be.
    #[inline]
    pub fn may_be_form(&self, s: &str) -> bool {
        match (s.chars().next(), s.chars().next_back()) {
            (Some(a), Some(b)) => self.edges[letter_class(a)] & (1 << letter_class(b)) != 0,
            _ => false,
        }
    }

    fn add(&mut self, form: String, entry: u32, kind: FormKind) {
        if let (Some(a), Some(b)) = (form.chars().next(), form.chars().next_back()) {
            self.edges[letter_class(a)] |= 1 << letter_class(b);
        }
        let hits = self.forms.entry(form).or_default();
        let hit = FormHit { entry, kind };
        if !hits.contains(&hit) {
            hits.push(hit);
        }
    }

    /// The entries a normalized stem (clitics removed) belongs to, in file order.
    pub fn lookup(&self, stem: &str) -> &[FormHit] {
        self.forms.get(stem).map_or(&[], Vec::as_slice)
    }
}

/// A noun's forms: as listed, with tanween alef, dual, and for a final ة (normalized ه) the
/// sound plural and the construct before a pronoun.
fn noun_forms(n: &str) -> Vec<(String, FormKind)> {
    let mut out = vec![
        (n.to_owned(), FormKind::Noun),
        (format!("{n}ا"), FormKind::Noun),
        (format!("{n}ان"), FormKind::Noun),
        (format!("{n}ين"), FormKind::Noun),
    ];
    match n.strip_suffix('ه') {
        Some(stem) => {
            for e in ["ات", "تان", "تين", "تا"] {
                out.push((format!("{stem}{e}"), FormKind::Noun));
            }
            out.push((format!("{stem}ت"), FormKind::Construct));
            out.push((format!("{stem}تي"), FormKind::Construct));
        }
        None => out.push((n.to_owned(), FormKind::Construct)),
    }
    // A final hamza sits on ئ before a pronoun (لقاء → لقائه).
    if let Some(stem) = n.strip_suffix('ء') {
        out.push((format!("{stem}ئ"), FormKind::Construct));
    }
    out
}

/// The sector words (`data/events/sectors.tsv`) and the country words (names and
/// demonyms of `data/gazetteer/countries.tsv`) an actor's description is read with.
#[derive(Debug, Default)]
pub struct ActorWords {
    /// Normalized word (article removed) → sector name, longest first.
    pub sectors: Vec<(String, &'static str)>,
    /// Normalized demonym stem (`امريكي`, article and endings removed) → ISO alpha-2.
    pub demonyms: FxHashMap<String, &'static str>,
    /// Normalized country name (article kept as written) → ISO alpha-2, longest first.
    pub countries: Vec<(String, &'static str)>,
    /// Position of each country name in `countries` (its first, if listed twice).
    country_index: FxHashMap<String, usize>,
    /// Position of each sector word in `sectors`.
    sector_index: FxHashMap<String, usize>,
    /// Most words in a country name or a sector word.
    max_words: usize,
}

/// Demonyms that are also common words of another meaning.
const AMBIGUOUS_DEMONYMS: [&str; 1] = ["مالي"];

/// The sector names the table may use (as in `isnad_doc::Sector::as_str`).
pub const SECTORS: [&str; 9] = [
    "government",
    "military",
    "rebel",
    "diplomat",
    "igo",
    "media",
    "business",
    "religious",
    "civilian",
];

impl ActorWords {
    /// Parses the sector table and the country table.
    pub fn parse(sectors: &str, countries: &'static str) -> Result<ActorWords, LexiconError> {
        let mut out = ActorWords::default();
        for (n, line) in sectors.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |message: String| LexiconError {
                file: "sectors.tsv",
                line: n + 1,
                message,
            };
            let [words, sector, _note] = cols[..] else {
                return Err(err(format!("expected 3 columns, found {}", cols.len())));
            };
            let sector = SECTORS
                .iter()
                .copied()
                .find(|s| *s == sector)
                .ok_or_else(|| err(format!("unknown sector {sector:?}")))?;
            for w in words.split('|') {
                let w = isnad_text::normalize_for_matching(w);
                if !w.is_empty() {
                    out.sectors.push((w, sector));
                }
            }
        }
        out.sectors
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        for row in crate::tsv_rows(countries) {
            let [iso2, _iso3, _gid, _cap, names, demonyms, ..] = row[..] else {
                continue;
            };
            for name in names.split('|').filter(|s| !s.is_empty()) {
                out.countries
                    .push((isnad_text::normalize_for_matching(name), iso2));
            }
            for d in demonyms.split('|').filter(|s| !s.is_empty()) {
                let d = isnad_text::normalize_for_matching(d);
                // One-word demonyms only: multi-word ones (كوري جنوبي) are rare as
                // adjectives of actors and would need a phrase match.
                // مالي (Malian) is also the everyday adjective "financial".
                if !d.contains(' ') && !AMBIGUOUS_DEMONYMS.contains(&d.as_str()) {
                    out.demonyms.insert(d, iso2);
                }
            }
        }
        out.countries
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        for (i, (name, _)) in out.countries.iter().enumerate() {
            out.country_index.entry(name.clone()).or_insert(i);
        }
        for (i, (word, _)) in out.sectors.iter().enumerate() {
            out.sector_index.entry(word.clone()).or_insert(i);
        }
        out.max_words = out
            .countries
            .iter()
            .chain(&out.sectors)
            .map(|(w, _)| w.split(' ').count())
            .max()
            .unwrap_or(0);
        Ok(out)
    }

    /// The first country name, in the order of `countries` (longest first), that a
    /// normalized text holds as whole words; its position in `countries`.
    pub fn country_in(&self, text: &str) -> Option<usize> {
        self.first_in(text, &self.country_index, &[])
    }

    /// The first sector word, in the order of `sectors` (longest first), that a normalized
    /// text holds as whole words, also behind a clitic و, ب, ل or the article; its
    /// position in `sectors`.
    pub fn sector_in(&self, text: &str) -> Option<usize> {
        self.first_in(text, &self.sector_index, &["و", "ب", "ل", "ال"])
    }

    /// The smallest position in `index` of a run of whole words of `text`, read as
    /// written or with one of `clitics` cut from its first word: a lookup per run of at
    /// most `max_words` words, instead of a search of the text for every entry.
    fn first_in(
        &self,
        text: &str,
        index: &FxHashMap<String, usize>,
        clitics: &[&str],
    ) -> Option<usize> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut best: Option<usize> = None;
        let mut keep = |found: Option<&usize>| {
            if let Some(&i) = found {
                if best.is_none_or(|b| i < b) {
                    best = Some(i);
                }
            }
        };
        let mut run = String::new();
        for start in 0..words.len() {
            run.clear();
            for (n, w) in words[start..].iter().take(self.max_words).enumerate() {
                if n > 0 {
                    run.push(' ');
                }
                run.push_str(w);
                keep(index.get(run.as_str()));
                for c in clitics {
                    if let Some(rest) = run.strip_prefix(c) {
                        keep(index.get(rest));
                    }
                }
            }
        }
        best
    }

    /// The country of a demonym adjective as written in a text (`الأمريكي`, `التركية`,
    /// `السوريين`): article and feminine/plural endings are removed before the lookup.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        let mut w = isnad_text::normalize(word);
        for article in ["لل", "ال"] {
            if let Some(rest) = w.strip_prefix(article) {
                w = rest.to_owned();
                break;
            }
        }
        for ending in ["", "ه", "ون", "ين", "تان", "تين", "ان"] {
            let Some(stem) = w.strip_suffix(ending) else {
                continue;
            };
            if stem.chars().count() < 3 {
                continue;
            }
            if let Some(c) = self.demonyms.get(stem) {
                return Some(c);
            }
        }
        None
    }
}

static LEXICON: &str = include_str!("../../../data/events/lexicon.tsv");
static CUES: &str = include_str!("../../../data/events/cues.tsv");
static SECTOR_WORDS: &str = include_str!("../../../data/events/sectors.tsv");
static COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.tsv");

static EVENT_LEXICON: LazyLock<EventLexicon> = LazyLock::new(|| {
    EventLexicon::parse(LEXICON, CUES).expect("the shipped event lexicon parses (tested)")
});
static ACTOR_WORDS: LazyLock<ActorWords> = LazyLock::new(|| {
    ActorWords::parse(SECTOR_WORDS, COUNTRIES).expect("the shipped sector table parses (tested)")
});

/// The shipped event lexicon and status cues.
pub fn event_lexicon() -> &'static EventLexicon {
    &EVENT_LEXICON
}

/// The shipped actor words (sectors, countries, demonyms).
pub fn actor_words() -> &'static ActorWords {
    &ACTOR_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse() {
        let lex = EventLexicon::parse(LEXICON, CUES).unwrap();
        assert!(lex.entries.len() > 100);
        assert!(lex.cues.len() > 30);
        ActorWords::parse(SECTOR_WORDS, COUNTRIES).unwrap();
    }

    #[test]
    fn country_names_and_sector_words_are_found_as_whole_words() {
        let words = actor_words();
        let country = |t: &str| {
            words
                .country_in(&isnad_text::normalize_for_matching(t))
                .map(|i| words.countries[i].1)
        };
        // The longest name first: the United States, not a shorter name inside it.
        assert_eq!(country("سفير الولايات المتحدة الأمريكية"), Some("US"));
        assert_eq!(country("وزير خارجية مصر"), Some("EG"));
        // Part of a word is no name.
        assert_eq!(country("المصريين"), None);
        let sector = |t: &str| {
            words
                .sector_in(&isnad_text::normalize_for_matching(t))
                .map(|i| words.sectors[i].1)
        };
        assert!(sector("قائد الجيش").is_some());
        // Behind a clitic.
        assert_eq!(sector("قائد بالجيش"), sector("قائد الجيش"));
        assert_eq!(sector("زيد عمرو"), None);
    }

    #[test]
    fn verbs_are_conjugated() {
        let lex = event_lexicon();
        let kinds = |w: &str| -> Vec<(&str, FormKind)> {
            lex.lookup(&isnad_text::normalize(w))
                .iter()
                .map(|h| (lex.entries[h.entry as usize].kind, h.kind))
                .collect()
        };
        assert!(kinds("اجتمعوا").contains(&("CONSULT", FormKind::Past)));
        assert!(kinds("يجتمعون").contains(&("CONSULT", FormKind::Imperfect)));
        assert!(kinds("سيطرت").contains(&("COERCE", FormKind::Past)));
        assert!(kinds("تسيطر").contains(&("COERCE", FormKind::Imperfect)));
        // The construct of a noun in ة before a pronoun: سيطرت+ه.
        assert!(kinds("سيطرت").contains(&("COERCE", FormKind::Construct)));
        assert!(kinds("اتهمو").contains(&("ACCUSE", FormKind::Past)));
        assert!(kinds("غارات").contains(&("ASSAULT", FormKind::Noun)));
        assert!(kinds("هجوما").contains(&("ASSAULT", FormKind::Noun)));
        assert!(kinds("التقى").contains(&("CONSULT", FormKind::Past)));
        assert!(kinds("وزير").is_empty());
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let e = EventLexicon::parse("v\tx\tقصف/يقصف\tBOMB\t-\t-\tn\n", "").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("BOMB"));
        let e = EventLexicon::parse("v\tx\tقصف/قصف\tASSAULT\t-\t-\tn\n", "").unwrap_err();
        assert!(e.message.contains("imperfect"));
        let e = EventLexicon::parse("n\tx\tقصف\tASSAULT\t-\tafter:x\tn\n", "").unwrap_err();
        assert!(e.message.contains("after"));
        let e = EventLexicon::parse("", "لم\tgone\tbefore\t2\tclause\tn\n").unwrap_err();
        assert_eq!(e.file, "cues.tsv");
    }

    #[test]
    fn demonyms_and_countries() {
        let w = actor_words();
        assert_eq!(w.demonym("الأمريكي"), Some("US"));
        assert_eq!(w.demonym("الأميركية"), Some("US"));
        assert_eq!(w.demonym("التركي"), Some("TR"));
        assert_eq!(w.demonym("الروسية"), Some("RU"));
        assert_eq!(w.demonym("السوريين"), Some("SY"));
        assert_eq!(w.demonym("الليبي"), Some("LY"));
        assert_eq!(w.demonym("العسكري"), None);
        assert!(w
            .countries
            .iter()
            .any(|(n, c)| n == "الولايات المتحده" && *c == "US"));
        assert!(w.sectors.iter().any(|(_, s)| *s == "military"));
    }
}
