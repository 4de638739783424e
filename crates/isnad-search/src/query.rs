//! Query text → clauses: words (exact or stem term) and phrases (exact terms in a row).
//!
//! A query is words and quoted phrases (`"..."`, `«...»`, `“...”`). Every clause must
//! match. A word matches its exact term or its stem term; a run of words that is a known
//! name (the caller says which, e.g. the store's entity names) becomes a phrase of exact
//! terms and is never stemmed.

use crate::analyzer::{exact_terms, light_stem};
use isnad_text::WordCounts;

/// One clause of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A word: its exact term, and its stem term unless it is (part of) a name.
    Word {
        /// Exact term.
        exact: String,
        /// Stem term, for recall.
        stem: Option<String>,
    },
    /// Exact terms in a row.
    Phrase(Vec<String>),
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// The clauses, all required.
    pub clauses: Vec<Clause>,
}

/// The longest run of words tried as a name.
const MAX_NAME_WORDS: usize = 5;

fn closing(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        _ => None,
    }
}

/// Splits a query into (text, quoted) segments. An unclosed quote runs to the end.
fn segments(query: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = query;
    while !rest.is_empty() {
        match rest.char_indices().find(|(_, c)| closing(*c).is_some()) {
            None => {
                out.push((rest, false));
                break;
            }
            Some((i, open)) => {
                if i > 0 {
                    out.push((&rest[..i], false));
                }
                let after = &rest[i + open.len_utf8()..];
                let close = closing(open).unwrap_or(open);
                match after.find(close) {
                    Some(j) => {
                        out.push((&after[..j], true));
                        rest = &after[j + close.len_utf8()..];
                    }
                    None => {
                        out.push((after, true));
                        break;
                    }
                }
            }
        }
    }
    out
}

/// Parses a query. `is_name` is asked about name keys (exact terms joined by one space,
/// see [`crate::name_key`]) of runs of up to five words, longest first.
pub fn parse(
    query: &str,
    counts: &dyn WordCounts,
    is_name: &mut dyn FnMut(&str) -> bool,
) -> ParsedQuery {
    let mut clauses = Vec::new();
    for (segment, quoted) in segments(query) {
        let terms = exact_terms(segment, counts);
        if terms.is_empty() {
            continue;
        }
        if quoted {
            clauses.push(if terms.len() == 1 {
                Clause::Word {
                    exact: terms[0].clone(),
                    stem: None,
                }
            } else {
                Clause::Phrase(terms)
            });
            continue;
        }
        let mut i = 0;
        while i < terms.len() {
            let longest = (1..=MAX_NAME_WORDS.min(terms.len() - i))
                .rev()
                .find(|&n| is_name(&terms[i..i + n].join(" ")));
            match longest {
                Some(1) => clauses.push(Clause::Word {
                    exact: terms[i].clone(),
                    stem: None,
                }),
                Some(n) => clauses.push(Clause::Phrase(terms[i..i + n].to_vec())),
                None => clauses.push(Clause::Word {
                    exact: terms[i].clone(),
                    stem: Some(light_stem(&terms[i])),
                }),
            }
            i += longest.unwrap_or(1);
        }
    }
    ParsedQuery { clauses }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::NoCounts;

    fn word(e: &str, s: Option<&str>) -> Clause {
        Clause::Word {
            exact: e.into(),
            stem: s.map(Into::into),
        }
    }

    #[test]
    fn words_phrases_and_names() {
        let q = parse(
            "الحكومات «ولي العهد» عادل الجبير",
            &NoCounts,
            &mut |k| k == "عادل جبير",
        );
        assert_eq!(
            q.clauses,
            vec![
                word("حكومات", Some("حكوم")),
                Clause::Phrase(vec!["ولي".into(), "عهد".into()]),
                Clause::Phrase(vec!["عادل".into(), "جبير".into()]),
            ]
        );
    }

    #[test]
    fn one_word_names_and_quotes_are_not_stemmed() {
        let q = parse("\"لبنان\" سوريا", &NoCounts, &mut |k| {
            k == "سوريا"
        });
        assert_eq!(q.clauses, vec![word("لبنان", None), word("سوريا", None)]);
    }

    #[test]
    fn unclosed_quotes_and_punctuation_only() {
        let q = parse("«ولي العهد", &NoCounts, &mut |_| false);
        assert_eq!(
            q.clauses,
            vec![Clause::Phrase(vec!["ولي".into(), "عهد".into()])]
        );
        assert!(parse(" ، . ", &NoCounts, &mut |_| false).clauses.is_empty());
    }
}
