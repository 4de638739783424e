//! Quote → post: which embedded post a quotation reproduces, and how faithfully.
//!
//! Both texts are compared word by word after normalization, each word reduced to its
//! stem (clitics off, so "والاستقرار" and "و الإستقرار" agree), standalone conjunctions
//! ignored, and near-identical long words (one edit apart: "الميليشيات"/"المليشيات")
//! counted as the same word. The longest common subsequence aligns the quote with the
//! stretch of the post it draws on; the diff over that stretch shows what the article
//! dropped (delete), added (insert: editorial "(حفتر)", rewritten words) and kept.
//!
//! score = aligned quote words / quote words (words inside an editorial parenthesis of
//! the quote are left out of the denominator: they are the article's, by convention).
//! A quote is linked to the best-scoring post when the score reaches 0.4 and the post's
//! author is not known to be someone else. Verdict: exact when the quote's words appear
//! contiguously and unchanged in the post, altered when at least 80% of them are aligned,
//! paraphrase otherwise.

use isnad_doc::{DiffOp, DiffRun, Doc, Fidelity, Span, Verdict};
use isnad_text::TokenKind;

/// The minimum share of a quote's words found in a post to link them.
const LINK_THRESHOLD: f32 = 0.4;
/// The minimum share for "altered" (below: "paraphrase").
const ALTERED_THRESHOLD: f32 = 0.8;

/// A word of a quote or post: its span, the stem compared, whether it sits inside
/// parentheses (an editorial insertion in a quote).
#[derive(Clone, Debug)]
struct Word {
    span: Span,
    stem: String,
    editorial: bool,
}

fn words(doc: &Doc, span: Span) -> Vec<Word> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    for i in doc.text_layers.tokens_in(span) {
        let t = doc.tokens()[i];
        let n = doc.text_layers.norm_text(&t);
        if t.kind == TokenKind::Punct {
            match n {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = (depth - 1).max(0),
                _ => {}
            }
            continue;
        }
        if matches!(t.kind, TokenKind::Url | TokenKind::Handle) || matches!(n, "و" | "ف") {
            continue;
        }
        let stem = doc.text_layers.stem_text(&t);
        let stem = if stem.is_empty() { n } else { stem };
        out.push(Word {
            span: t.span,
            stem: stem.to_owned(),
            editorial: depth > 0,
        });
    }
    out
}

/// True when two stems are the same word, allowing one edit in words of five letters or more.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len().min(y.len()) < 5 || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    // Levenshtein distance ≤ 1 (substitution, insertion, deletion) or one transposition.
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        if x[i] == y[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if x.len() > y.len() {
            i += 1;
        } else if y.len() > x.len() {
            j += 1;
        } else if i + 1 < x.len() && x[i] == y[j + 1] && x[i + 1] == y[j] {
            i += 2;
            j += 2;
        } else {
            i += 1;
            j += 1;
        }
    }
    edits + (x.len() - i) + (y.len() - j) <= 1
}

/// Longest common subsequence of two word lists: the aligned index pairs.
fn lcs(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[at(i, j)] = if same_word(&a[i].stem, &b[j].stem) {
                t[at(i + 1, j + 1)] + 1
            } else {
                t[at(i + 1, j)].max(t[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if same_word(&a[i].stem, &b[j].stem) && t[at(i, j)] == t[at(i + 1, j + 1)] + 1 {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[at(i + 1, j)] >= t[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Compares a quote with a post.
pub fn compare(doc: &Doc, quote: Span, post: Span) -> Option<Fidelity> {
    let q = words(doc, quote);
    let p = words(doc, post);
    // Quotes and posts are short; a pathological pair is not worth a quadratic table.
    if q.is_empty() || p.is_empty() || q.len() * p.len() > 4_000_000 {
        return None;
    }
    let aligned = lcs(&q, &p);
    let own = q.iter().filter(|w| !w.editorial).count().max(1);
    let matched = aligned.iter().filter(|(i, _)| !q[*i].editorial).count();
    let score = matched as f32 / own as f32;
    let (first, last) = match (aligned.first(), aligned.last()) {
        (Some(f), Some(l)) => (f.1, l.1),
        _ => {
            return Some(Fidelity {
                score: 0.0,
                verdict: Verdict::Paraphrase,
                diff: Vec::new(),
            })
        }
    };
    // Diff over the stretch of the post the quote draws on.
    let mut diff: Vec<DiffRun> = Vec::new();
    let mut push = |op: DiffOp, span: Span| match diff.last_mut() {
        Some(r) if r.op == op => r.words.push(span),
        _ => diff.push(DiffRun {
            op,
            words: vec![span],
        }),
    };
    let (mut qi, mut pj) = (0, first);
    for &(i, j) in &aligned {
        while pj < j {
            push(DiffOp::Delete, p[pj].span);
            pj += 1;
        }
        while qi < i {
            push(DiffOp::Insert, q[qi].span);
            qi += 1;
        }
        push(DiffOp::Equal, q[i].span);
        qi = i + 1;
        pj = j + 1;
    }
    while qi < q.len() {
        push(DiffOp::Insert, q[qi].span);
        qi += 1;
    }
    let contiguous = aligned.len() == q.len()
        && last - first + 1 == q.len()
        && aligned.iter().all(|(i, j)| {
            q[*i].stem == p[*j].stem && doc.norm_of(q[*i].span) == doc.norm_of(p[*j].span)
        });
    let verdict = if contiguous {
        Verdict::Exact
    } else if score >= ALTERED_THRESHOLD {
        Verdict::Altered
    } else {
        Verdict::Paraphrase
    };
    Some(Fidelity {
        score,
        verdict,
        diff,
    })
}

/// Links each quote to the embedded post it reproduces, if any, with its fidelity; and
/// ties a post to its author's entity when a quote of a known speaker reproduces it.
pub fn link_posts(doc: &mut Doc) {
    if doc.posts.is_empty() {
        return;
    }
    let mut links = Vec::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let mut best: Option<(usize, Fidelity)> = None;
        for (pi, p) in doc.posts.iter().enumerate() {
            if p.text.is_empty() || p.text.overlaps(q.span) {
                continue;
            }
            // A post known to be someone else's is not this speaker's words.
            if let (Some(a), Some(s)) = (p.author_entity, q.speaker) {
                if a != s {
                    continue;
                }
            }
            let Some(f) = compare(doc, q.span, p.text) else {
                continue;
            };
            if f.score >= LINK_THRESHOLD && best.as_ref().is_none_or(|(_, b)| f.score > b.score) {
                best = Some((pi, f));
            }
        }
        if let Some((pi, f)) = best {
            links.push((qi, pi, f));
        }
    }
    for (qi, pi, f) in links {
        let speaker = doc.quotes[qi].speaker;
        doc.quotes[qi].source_post = Some(pi as u32);
        doc.quotes[qi].fidelity = Some(f);
        if doc.posts[pi].author_entity.is_none() {
            doc.posts[pi].author_entity = speaker;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_identical_words() {
        assert!(same_word("مليشيات", "ميليشيات"));
        assert!(same_word("عدوانيه", "عداونيه"));
        assert!(!same_word("حكومه", "حكومات"));
        assert!(!same_word("قال", "قام"));
    }
}
