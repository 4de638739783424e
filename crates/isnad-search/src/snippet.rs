//! Snippets: the passage of an article that best matches a query, with its hits, as
//! spans of the original text.

use crate::analyzer::{terms, Term, TermForm};
use crate::query::{Clause, ParsedQuery};
use isnad_text::{Span, TextLayers};

/// A passage of the original text and the words in it that match the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The passage (byte span of the original text).
    pub span: Span,
    /// The matching words (byte spans), in order, inside `span`.
    pub highlights: Vec<Span>,
}

/// Which clause each term matches, if any.
fn matches(exact: &[Term], stem: &[Term], query: &ParsedQuery) -> Vec<Option<usize>> {
    let mut hit = vec![None; exact.len()];
    for (c, clause) in query.clauses.iter().enumerate() {
        match clause {
            Clause::Word { exact: e, stem: s } => {
                for i in 0..exact.len() {
                    if exact[i].text == *e || s.as_ref().is_some_and(|s| stem[i].text == *s) {
                        hit[i].get_or_insert(c);
                    }
                }
            }
            Clause::Phrase(words) => {
                if words.is_empty() || words.len() > exact.len() {
                    continue;
                }
                for i in 0..=exact.len() - words.len() {
                    if words.iter().zip(&exact[i..]).all(|(w, t)| t.text == *w) {
                        for h in &mut hit[i..i + words.len()] {
                            h.get_or_insert(c);
                        }
                    }
                }
            }
        }
    }
    hit
}

/// The best passage of at most `max_terms` words inside one paragraph: the one with the
/// most distinct query clauses, then the most hits, then the earliest. Without any hit,
/// the beginning of the text.
pub fn snippet(layers: &TextLayers, query: &ParsedQuery, max_terms: usize) -> Option<Snippet> {
    let exact = terms(layers, TermForm::Exact, &[]);
    if exact.is_empty() {
        return None;
    }
    let stem = terms(layers, TermForm::Stem, &[]);
    let hit = matches(&exact, &stem, query);
    let max_terms = max_terms.max(1);
    let paragraph_of = |t: &Term| {
        layers
            .paragraphs
            .partition_point(|p| p.span.end <= t.span.start)
    };
    let hits: Vec<usize> = (0..exact.len()).filter(|&i| hit[i].is_some()).collect();
    let (mut first, mut last) = (0, (max_terms - 1).min(exact.len() - 1));
    let mut best: Option<(usize, usize)> = None;
    for &start in &hits {
        let para = paragraph_of(&exact[start]);
        let mut clauses = Vec::new();
        let mut n = 0;
        let mut end = start;
        for &j in hits.iter().skip_while(|&&j| j < start) {
            if j - start >= max_terms || paragraph_of(&exact[j]) != para {
                break;
            }
            n += 1;
            end = j;
            if let Some(c) = hit[j] {
                if !clauses.contains(&c) {
                    clauses.push(c);
                }
            }
        }
        let score = (clauses.len(), n);
        if best.is_none_or(|b| score > b) {
            best = Some(score);
            // Centre the hits in the window, within the paragraph.
            let room = max_terms.saturating_sub(end - start + 1);
            let mut a = start.saturating_sub(room / 2);
            while a < start && paragraph_of(&exact[a]) != para {
                a += 1;
            }
            let mut b = (a + max_terms - 1).min(exact.len() - 1);
            while b > end && paragraph_of(&exact[b]) != para {
                b -= 1;
            }
            first = a;
            last = b;
        }
    }
    if best.is_none() {
        let para = paragraph_of(&exact[0]);
        while last > 0 && paragraph_of(&exact[last]) != para {
            last -= 1;
        }
    }
    let span = Span {
        start: exact[first].span.start,
        end: exact[last].span.end,
    };
    let mut highlights: Vec<Span> = (first..=last)
        .filter(|&i| hit[i].is_some())
        .map(|i| exact[i].span)
        .collect();
    highlights.dedup();
    Some(Snippet { span, highlights })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;
    use isnad_text::NoCounts;

    fn show(text: &str, query: &str, max: usize) -> String {
        let layers = isnad_text::analyze(text, &NoCounts);
        let q = parse(query, &NoCounts, &mut |_| false);
        let s = snippet(&layers, &q, max).unwrap();
        let mut out = String::new();
        let mut at = s.span.start as usize;
        for h in &s.highlights {
            out.push_str(&text[at..h.start as usize]);
            out.push('[');
            out.push_str(h.slice(text));
            out.push(']');
            at = h.end as usize;
        }
        out.push_str(&text[at..s.span.end as usize]);
        out
    }

    #[test]
    fn best_window_has_most_clauses() {
        let text = "زار ولي العهد الرياض.\nوقال ولي العهد السعودي إن الزيارة ناجحة.";
        assert_eq!(
            show(text, "ولي العهد السعوديه", 6),
            "وقال [ولي] [العهد] [السعودي] إن الزيارة"
        );
    }

    #[test]
    fn phrase_hits_only_in_sequence() {
        let text = "العهد ولي ثم ولي العهد";
        assert_eq!(
            show(text, "\"ولي العهد\"", 10),
            "العهد ولي ثم [ولي] [العهد]"
        );
    }

    #[test]
    fn no_hit_gives_the_beginning_of_the_first_paragraph() {
        let text = "أول سطر هنا\nثاني";
        assert_eq!(show(text, "غائب", 10), "أول سطر هنا");
    }
}
