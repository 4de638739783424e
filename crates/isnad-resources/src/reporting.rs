//! The reporting-cue lexicon (`data/quotes/reporting.tsv`): word forms that introduce
//! reported speech, with their role (finite verb, adverbial participle, verbal noun) and
//! what their content follows (a clause, or a preposition such as إلى in "أشار إلى").

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
}

/// Normalized form → cue.
pub struct ReportingLexicon {
    cues: FxHashMap<String, Cue>,
}

impl ReportingLexicon {
    fn parse(text: &str) -> ReportingLexicon {
        let mut cues = FxHashMap::default();
        for row in crate::tsv_rows(text) {
            let [form, role, complement, lemma, ..] = row[..] else {
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
            cues.insert(
                isnad_text::normalize(form),
                Cue {
                    role,
                    prepositions,
                    lemma: lemma.to_owned(),
                },
            );
        }
        ReportingLexicon { cues }
    }

    /// The cue for a normalized form (without a conjunction), if it is one.
    pub fn get(&self, form: &str) -> Option<&Cue> {
        self.cues.get(form)
    }

    /// Number of forms.
    pub fn len(&self) -> usize {
        self.cues.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.cues.is_empty()
    }
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
}
