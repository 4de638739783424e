//! Quotation-mark pairs within a paragraph, and across paragraphs for a quotation left open.
//!
//! « » pair by glyph. Curly quotes “ ” „ pair with each other whatever the glyph, because
//! right-to-left text often swaps them. Straight quotes `"` are paired by direction: a mark
//! after a space and before a letter opens, one after a letter and before a space or
//! punctuation closes, which keeps `"المجتمعون (... مع "أفريكوم" والسفير) اتفقوا"` nested
//! correctly. A mark with spaces on both sides (text whose punctuation was spaced out)
//! faces the way the nearest punctuation past the spaces shows (a period or comma after it:
//! it closes; a colon before it: it opens); otherwise it closes the nearest open one of its
//! class, or opens. Two apostrophes `''`, which some
//! Algerian papers use as quotation marks, are one straight mark of their own class; the
//! pair's tokens are the inner apostrophes, so that the quoted words lie between them.

use isnad_doc::Doc;
use isnad_text::TokenKind;

/// A pair of quotation marks, by token index; `close` is `None` when the text never
/// closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: Option<usize>,
    class: Class,
    /// The opening mark faced both ways (spaces around it, or a line start).
    uncertain: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Guillemet,
    Curly,
    Straight,
    /// `''`, two apostrophes.
    Apostrophes,
}

use isnad_text::chars::{mark_facing, Facing};

fn class_of(c: &str) -> Option<(Class, Facing)> {
    match c {
        "«" => Some((Class::Guillemet, Facing::Open)),
        "»" => Some((Class::Guillemet, Facing::Close)),
        "“" | "”" | "„" | "‟" => Some((Class::Curly, Facing::Either)),
        "\"" | "″" => Some((Class::Straight, Facing::Either)),
        _ => None,
    }
}

/// The quotation-mark pairs among the tokens `range` (one paragraph), sorted by opening,
/// and the closing marks that found no opening one.
fn paragraph_pairs(doc: &Doc, range: std::ops::Range<usize>) -> (Vec<Pair>, Vec<(usize, Class)>) {
    let mut out = Vec::new();
    let mut orphans = Vec::new();
    let mut stack: Vec<(usize, Class, bool)> = Vec::new();
    let tokens = doc.tokens();
    let apostrophe = |k: usize| {
        tokens[k].kind == TokenKind::Punct && doc.text_layers.norm_text(&tokens[k]) == "'"
    };
    let end = range.end;
    let mut next = range.start;
    while next < end {
        let mut i = next;
        next += 1;
        let t = tokens[i];
        if t.kind != TokenKind::Punct {
            continue;
        }
        // `''`: the two apostrophes, touching, are one mark.
        let doubled = apostrophe(i) && i + 1 < end && apostrophe(i + 1) && {
            tokens[i + 1].span.start == t.span.end
        };
        let (class, dir) = if doubled {
            next = i + 2;
            let mark =
                isnad_text::Span::new(t.span.start as usize, tokens[i + 1].span.end as usize);
            (Class::Apostrophes, mark_facing(&doc.text, mark.range()))
        } else {
            let Some((class, dir)) = class_of(doc.text_layers.norm_text(&t)) else {
                continue;
            };
            let dir = if dir == Facing::Either {
                mark_facing(&doc.text, t.span.range())
            } else {
                dir
            };
            (class, dir)
        };
        let nearest = stack.iter().rposition(|(_, c, _)| *c == class);
        // An opening `''` is its second apostrophe, the one that touches the words.
        if doubled && (dir == Facing::Open || (dir == Facing::Either && nearest.is_none())) {
            i += 1;
        }
        match (dir, nearest) {
            (Facing::Open, _) | (Facing::Either, None) => {
                stack.push((i, class, dir == Facing::Either))
            }
            (Facing::Close | Facing::Either, Some(k)) => {
                // Marks of other classes opened inside and never closed are dropped.
                for &(o, c, u) in &stack[k + 1..] {
                    out.push(Pair {
                        open: o,
                        close: None,
                        class: c,
                        uncertain: u,
                    });
                }
                out.push(Pair {
                    open: stack[k].0,
                    close: Some(i),
                    class,
                    uncertain: stack[k].2,
                });
                stack.truncate(k);
            }
            (Facing::Close, None) => orphans.push((i, class)),
        }
    }
    out.extend(stack.into_iter().map(|(o, c, u)| Pair {
        open: o,
        close: None,
        class: c,
        uncertain: u,
    }));
    out.sort_by_key(|p| p.open);
    (out, orphans)
}

/// The quotation-mark pairs of a paragraph (see the module comment).
pub fn pairs(doc: &Doc, range: std::ops::Range<usize>) -> Vec<Pair> {
    paragraph_pairs(doc, range).0
}

/// Straight quotes around a name inside a quotation pair wrongly one after the other:
/// in `" حرب اليمن ستستمر لمنع تحول الحوثيين " أنصار الله " إلى " حزب الله " آخر "` the
/// marks read as three quotations with the names between them. When the words between
/// two consecutive closed pairs are exactly a name the entity stage found, the two pairs
/// are one quotation and the marks around the name a pair of their own inside it.
fn nest_quoted_names(doc: &Doc, pairs: &mut Vec<Pair>) {
    const MAX_NAME_TOKENS: usize = 5;
    let is_name_gap = |from: usize, to: usize| {
        if from >= to || to - from > MAX_NAME_TOKENS {
            return false;
        }
        if !(from..to).all(|i| doc.tokens()[i].kind.is_word()) {
            return false;
        }
        let gap = isnad_text::Span {
            start: doc.tokens()[from].span.start,
            end: doc.tokens()[to - 1].span.end,
        };
        doc.mentions_starting_in(gap).iter().any(|x| x.span == gap)
    };
    let mut out: Vec<Pair> = Vec::with_capacity(pairs.len());
    // Index in `out` of the last pair that is not inside another one.
    let mut top: Option<usize> = None;
    for &q in pairs.iter() {
        if let Some(t) = top {
            let p = out[t];
            if let (Some(pc), Some(_)) = (p.close, q.close) {
                if q.open > pc
                    && p.class == Class::Straight
                    && q.class == Class::Straight
                    && pc > p.open + 2
                    && is_name_gap(pc + 1, q.open)
                {
                    out[t].close = q.close;
                    out.push(Pair {
                        open: pc,
                        close: Some(q.open),
                        class: Class::Straight,
                        uncertain: false,
                    });
                    continue;
                }
            }
            let inside = p.close.is_none_or(|c| q.open < c);
            if !inside {
                top = Some(out.len());
            }
        } else {
            top = Some(out.len());
        }
        out.push(q);
    }
    out.sort_by_key(|p| p.open);
    *pairs = out;
}

/// How many paragraphs without any quotation mark a quotation may run across before a
/// later paragraph's mark closes it.
const MAX_MARKLESS_PARAGRAPHS: usize = 3;

/// The quotation-mark pairs of the whole document, sorted by opening. Pairs are found
/// paragraph by paragraph; a quotation left open at the end of a paragraph continues into
/// the next one with a quotation mark (across at most [`MAX_MARKLESS_PARAGRAPHS`] without
/// any) when that paragraph's first quotation mark closes it (a closing mark with no
/// opening one, or a mark at the very start of the line that faces both ways).
pub fn document_pairs(doc: &Doc) -> Vec<Pair> {
    let mut all: Vec<Pair> = Vec::new();
    // Index in `all` of the last unclosed pair of the previous paragraph, or of an earlier
    // one when the paragraphs since hold no quotation mark; and how many such paragraphs
    // it crossed.
    let mut prev_open: Option<usize> = None;
    let mut markless = 0;
    for para in doc.paragraphs() {
        let range = para.first_token as usize..para.end_token as usize;
        let (mut pairs, orphans) = paragraph_pairs(doc, range.clone());
        // A quotation of several paragraphs whose middle ones hold no mark of their own.
        if pairs.is_empty() && orphans.is_empty() && markless < MAX_MARKLESS_PARAGRAPHS {
            if prev_open.is_some() {
                markless += 1;
            }
            continue;
        }
        markless = 0;
        if let Some(k) = prev_open.take() {
            let class = all[k].class;
            let first_pair = pairs.first().map(|p| p.open);
            let first_orphan = orphans.first().copied();
            match (first_orphan, first_pair) {
                (Some((o, c)), fp) if c == class && fp.is_none_or(|f| o < f) => {
                    all[k].close = Some(o)
                }
                (_, Some(f))
                    if f == range.start
                        && pairs[0].uncertain
                        && pairs[0].class == class
                        && pairs[0].close.is_none() =>
                {
                    all[k].close = Some(f);
                    pairs.remove(0);
                }
                _ => {}
            }
        }
        nest_quoted_names(doc, &mut pairs);
        let base = all.len();
        all.extend(pairs);
        prev_open = (base..all.len()).rev().find(|&k| all[k].close.is_none());
    }
    all.sort_by_key(|p| p.open);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_doc::DocMeta;

    fn texts(text: &str) -> Vec<String> {
        let doc = Doc::new(DocMeta::default(), text.into(), &isnad_text::NoCounts).unwrap();
        document_pairs(&doc)
            .iter()
            .map(|p| match p.close {
                Some(c) => doc.text
                    [doc.tokens()[p.open].span.end as usize..doc.tokens()[c].span.start as usize]
                    .to_owned(),
                None => format!(
                    "UNCLOSED:{}",
                    &doc.text[doc.tokens()[p.open].span.end as usize..]
                ),
            })
            .collect()
    }

    #[test]
    fn nested_straight_quotes() {
        let got = texts("وأضاف: \"المجتمعون (مع \"أفريكوم\" والسفير) اتفقوا\".");
        assert_eq!(
            got,
            vec!["المجتمعون (مع \"أفريكوم\" والسفير) اتفقوا", "أفريكوم"]
        );
    }

    #[test]
    fn two_apostrophes_are_one_mark() {
        assert_eq!(
            texts("ودعا القادة مجلس الأمن إلى ''الإسراع'' في إصدار قرار"),
            vec!["الإسراع"]
        );
        assert_eq!(
            texts("وقال الوزير: ''نقطة التحول'' و ''الحل السياسي''."),
            vec!["نقطة التحول", "الحل السياسي"]
        );
        // A lone apostrophe is no mark.
        assert!(texts("قال إن فريق 'الهلال' فاز").is_empty());
    }

    #[test]
    fn guillemets_curly_and_clitic_glued() {
        assert_eq!(texts("قال «نعم «لا» نعم»"), vec!["نعم «لا» نعم", "لا"]);
        assert_eq!(texts("قال ”نعم“ و“لا”"), vec!["نعم", "لا"]);
        assert_eq!(
            texts("ووصفه بـ\"الإيجابي\"؛ إذ \"توافق\""),
            vec!["الإيجابي", "توافق"]
        );
    }

    #[test]
    fn quotations_across_paragraphs() {
        // Closed by a closing mark in the next paragraph.
        assert_eq!(
            texts("قال: «بداية الكلام\nونهايته»، مشيرا"),
            vec!["بداية الكلام\nونهايته"]
        );
        // Closed by a mark at the start of the next line.
        assert_eq!(
            texts("بدفع \" نصف التكاليف .\n\" سيجب عليه ."),
            vec![" نصف التكاليف .\n"]
        );
    }

    #[test]
    fn quotation_across_a_paragraph_without_marks() {
        assert_eq!(
            texts(
                "وأضاف : \" الحديث يدور عن طائرة .\nوعلى ما يبدو تابعة .\nوتم اعتراضها \" . وقال"
            ),
            vec![" الحديث يدور عن طائرة .\nوعلى ما يبدو تابعة .\nوتم اعتراضها "]
        );
    }

    #[test]
    fn spaced_marks_read_from_the_punctuation_past_the_space() {
        // The first mark closes (a period follows), so the next two pair with each other.
        assert_eq!(
            texts("نوع باتريوت \" . وكانت \" روسية الصنع \" , من دون"),
            vec![" روسية الصنع "]
        );
    }

    #[test]
    fn spaced_out_and_unclosed() {
        assert_eq!(
            texts("قال \" جريمة لا تغتفر . \" ثم"),
            vec![" جريمة لا تغتفر . "]
        );
        assert_eq!(texts("قال «بداية النهاية"), vec!["UNCLOSED:بداية النهاية"]);
    }
}
