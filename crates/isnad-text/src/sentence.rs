//! Sentence splitting for news text, on the tokens of one paragraph.
//!
//! A sentence ends after `.` `!` `?` `؟` `...` (and their runs), except
//! - inside a pair of quotation marks (« » “ ”, or straight quotes paired within the
//!   paragraph by the way each faces, `chars::mark_facing`, as the quotation stage pairs
//!   them): a quotation that holds several sentences stays one sentence with its
//!   reporting clause;
//! - after an abbreviation: a single letter (initials such as "د." or "J.") or a known
//!   abbreviation;
//! - after a list number at the start of a paragraph ("1.");
//! - between two numbers, the first of at most three digits: a decimal point or a date
//!   spaced out by a publisher's tokenizer ("7 . 2", "13 . 11 . 2017");
//! - inside a short pair of parentheses ("(بي.بي.سي)", "(U.S.)").
//!
//! A break that falls right before closing quotes or brackets moves after them.
//! Paragraph ends always end a sentence; `،` and `؛` never do.

use crate::chars::Facing;
use crate::tokenize::TokenKind;

/// What the splitter needs to know of a token.
pub trait SentenceToken {
    /// The token's byte range in the normalized text.
    fn norm_range(&self) -> std::ops::Range<usize>;
    /// The token's kind.
    fn kind(&self) -> TokenKind;
    /// The token's normalized text.
    fn text<'a>(&self, normalized: &'a str) -> &'a str {
        &normalized[self.norm_range()]
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "inc", "ltd", "co",
    "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether a period after this word (normalized) abbreviates it, so that the period ends
/// no sentence: an initial ("د." for دكتور, "J.") or a known abbreviation ("Dr.").
pub fn abbreviates(word: &str) -> bool {
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word)
}

/// Whether the period at token `i` abbreviates rather than ends: after an initial or a known
/// abbreviation (`abbreviates`), or between initials written together (`joins_initials`).
/// The splitter asks it, and so does the quotation stage's frame.
pub fn period_abbreviates<T: SentenceToken>(tokens: &[T], i: usize, normalized: &str) -> bool {
    let after_abbreviation = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|prev| prev.kind().is_word() && abbreviates(prev.text(normalized)));
    after_abbreviation || joins_initials(tokens, i, normalized)
}

/// Whether the period at token `i` joins initials written together ("اس.بي انجل",
/// "إل.جي"): it touches a word of at most two letters on each side. Longer words around a
/// period without spaces are a sentence break that lost its space ("في الرياض.وقال").
pub fn joins_initials<T: SentenceToken>(tokens: &[T], i: usize, normalized: &str) -> bool {
    let (Some(prev), Some(mark), Some(next)) = (
        i.checked_sub(1).and_then(|p| tokens.get(p)),
        tokens.get(i),
        tokens.get(i + 1),
    ) else {
        return false;
    };
    let short = |t: &T| t.kind().is_word() && t.text(normalized).chars().count() <= 2;
    short(prev)
        && short(next)
        && prev.norm_range().end == mark.norm_range().start
        && mark.norm_range().end == next.norm_range().start
}

fn is_terminal(text: &str) -> bool {
    !text.is_empty() && text.chars().all(crate::chars::is_sentence_terminal)
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‹')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '»' | '”' | '›')
}

fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Finds the pairs of quotation marks in a paragraph's tokens: returns, for each token
/// index, the index of the quote that closes it when it opens a pair.
fn quote_pairs<T: SentenceToken>(tokens: &[T], norm: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind() != TokenKind::Punct {
            continue;
        }
        let Some(c) = single_char(t.text(norm)) else {
            continue;
        };
        if is_opening_quote(c) {
            stack.push((i, c));
        } else if is_closing_quote(c) {
            // Close the nearest matching opener, dropping unmatched ones inside it.
            if let Some(k) = stack
                .iter()
                .rposition(|&(_, o)| crate::chars::closing_quote(o) == Some(c) || o == '„')
            {
                pairs.push((stack[k].0, i));
                stack.truncate(k);
            }
        } else if c == '"' {
            // A straight quote pairs by the way it faces, as the quotation stage pairs it:
            // a closing one that finds nothing open (its quotation began in an earlier
            // paragraph) pairs with nothing, rather than with the next opening one, which
            // would hold every sentence between them together.
            let open = stack.iter().rposition(|&(_, o)| o == '"');
            match (crate::chars::mark_facing(norm, t.norm_range()), open) {
                (Facing::Open, _) | (Facing::Either, None) => stack.push((i, c)),
                (Facing::Close | Facing::Either, Some(k)) => {
                    pairs.push((stack[k].0, i));
                    stack.truncate(k);
                }
                (Facing::Close, None) => {}
            }
        }
    }
    pairs
}

/// Tokens strictly inside a pair of parentheses that closes within a few tokens: an
/// abbreviation or an aside, where a period ends no sentence.
fn short_parentheses<T: SentenceToken>(tokens: &[T], norm: &str) -> Vec<bool> {
    const MAX_INSIDE: usize = 12;
    let mut inside = vec![false; tokens.len()];
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind() != TokenKind::Punct {
            continue;
        }
        match t.text(norm) {
            "(" => open = Some(i),
            ")" => {
                if let Some(o) = open.take() {
                    if i - o <= MAX_INSIDE + 1 {
                        inside[o + 1..i].iter_mut().for_each(|x| *x = true);
                    }
                }
            }
            _ => {}
        }
    }
    inside
}

/// Splits one paragraph's tokens into sentences; returns token index ranges covering
/// all tokens, in order.
pub fn split_sentences<T: SentenceToken>(tokens: &[T], norm: &str) -> Vec<std::ops::Range<usize>> {
    let n = tokens.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    // depth[i] > 0 when token i lies strictly inside a quotation pair.
    let mut inside = vec![0i32; n + 1];
    for (open, close) in quote_pairs(tokens, norm) {
        inside[open + 1] += 1;
        inside[close] -= 1;
    }
    let in_parens = short_parentheses(tokens, norm);
    let mut depth = 0;
    let mut start = 0;
    let mut i = 0;
    while i < n {
        depth += inside[i];
        let t = &tokens[i];
        let text = t.text(norm);
        let mut boundary = false;
        if t.kind() == TokenKind::Punct && is_terminal(text) && depth == 0 && i + 1 < n {
            boundary = true;
            if text == "." && i > 0 {
                let prev = &tokens[i - 1];
                let ptext = prev.text(norm);
                let list_number = prev.kind() == TokenKind::Number && i - 1 == start;
                // A decimal point or a date's dots spaced out by a publisher's tokenizer
                // ("7 . 2 درجات", "13 . 11 . 2017"); a year before a period still ends
                // its sentence.
                let spaced_number = prev.kind() == TokenKind::Number
                    && ptext.len() <= 3
                    && tokens[i + 1].kind() == TokenKind::Number;
                if period_abbreviates(tokens, i, norm)
                    || list_number
                    || spaced_number
                    || in_parens[i]
                {
                    boundary = false;
                }
            }
        }
        // A closing quote whose quotation ended with terminal punctuation ends the sentence.
        if !boundary && t.kind() == TokenKind::Punct && i > 0 && i + 1 < n && depth == 0 {
            let closes =
                single_char(text).is_some_and(|c| is_closing_quote(c) || c == '"') && inside[i] < 0;
            if closes && is_terminal(tokens[i - 1].text(norm)) {
                boundary = true;
            }
        }
        if boundary {
            // Closing quotes and brackets right after the break stay with this sentence.
            let mut end = i + 1;
            while end < n {
                let next = tokens[end].text(norm);
                let closer = single_char(next)
                    .is_some_and(|c| is_closing_quote(c) || c == ')' || c == ']' || c == '"')
                    && inside[end] < 0;
                if closer {
                    depth += inside[end];
                    end += 1;
                } else {
                    break;
                }
            }
            if end < n {
                out.push(start..end);
                start = end;
            }
            // Account for the depth changes of the tokens we skipped.
            i = end;
            continue;
        }
        i += 1;
    }
    out.push(start..n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::{tokenize, RawToken};

    impl SentenceToken for RawToken {
        fn norm_range(&self) -> std::ops::Range<usize> {
            self.span.range()
        }
        fn kind(&self) -> TokenKind {
            self.kind
        }
    }

    fn sentences(s: &str) -> Vec<String> {
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        split_sentences(&toks, s)
            .into_iter()
            .map(|r| {
                s[toks[r.start].span.range().start..toks[r.end - 1].span.range().end].to_string()
            })
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("قال الوزير إن النمو بلغ 3.5 بالمئة. وأضاف أن الوضع مستقر؟ نعم!"),
            vec![
                "قال الوزير إن النمو بلغ 3.5 بالمئة.",
                "وأضاف أن الوضع مستقر؟",
                "نعم!"
            ]
        );
    }

    #[test]
    fn no_break_inside_quotes() {
        assert_eq!(
            sentences("وقال: «هذا أمر. وذاك أمر آخر.» ثم غادر. انتهى"),
            vec!["وقال: «هذا أمر. وذاك أمر آخر.»", "ثم غادر.", "انتهى"]
        );
        assert_eq!(
            sentences("وأوضح أن \"الهزيمة واضحة. والحل سياسي\". وتابع"),
            vec!["وأوضح أن \"الهزيمة واضحة. والحل سياسي\".", "وتابع"]
        );
    }

    #[test]
    fn abbreviations_and_lists() {
        assert_eq!(
            sentences("التقى د. محمد علي بالوفد. ثم عاد"),
            vec!["التقى د. محمد علي بالوفد.", "ثم عاد"]
        );
        assert_eq!(sentences("1. البند الأول"), vec!["1. البند الأول"]);
        assert_eq!(
            sentences("وقال محلل في اس.بي انجل إن الطلب ضعيف. ثم عاد"),
            vec!["وقال محلل في اس.بي انجل إن الطلب ضعيف.", "ثم عاد"]
        );
        // Longer words on both sides: a break that lost its space.
        assert_eq!(
            sentences("وصل الوفد إلى الرياض.وقال الوزير إن"),
            vec!["وصل الوفد إلى الرياض.", "وقال الوزير إن"]
        );
    }

    #[test]
    fn spaced_decimals_and_dates_end_no_sentence() {
        assert_eq!(
            sentences("ضرب زلزال بقوة 7 . 2 درجات في 13 . 11 . 2017 . وقتل 20"),
            vec!["ضرب زلزال بقوة 7 . 2 درجات في 13 . 11 . 2017 .", "وقتل 20"]
        );
        // A year ends its sentence before a figure.
        assert_eq!(
            sentences("وصل عام 2015 . 20 شخصا قتلوا"),
            vec!["وصل عام 2015 .", "20 شخصا قتلوا"]
        );
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_the_paragraph() {
        assert_eq!(
            sentences("قال \"نعم. ثم ذهب. وعاد"),
            vec!["قال \"نعم.", "ثم ذهب.", "وعاد"]
        );
    }

    #[test]
    fn a_closing_straight_quote_with_nothing_open_pairs_with_nothing() {
        // The quotation began in the paragraph before; the mark after "هناك" closes it, so
        // it must not pair with the mark that opens the next quotation and hold the
        // sentences between them together.
        assert_eq!(
            sentences(
                "دائم هناك \" . وأعلن الوزير أن الاتفاق نافذ . وتقضي الاتفاقية ب \" عدم الخضوع \" ."
            ),
            vec![
                "دائم هناك \" .",
                "وأعلن الوزير أن الاتفاق نافذ .",
                "وتقضي الاتفاقية ب \" عدم الخضوع \" ."
            ]
        );
    }

    #[test]
    fn a_period_inside_short_parentheses_ends_no_sentence() {
        assert_eq!(
            sentences("وقال المدرب لهيئة الإذاعة (بي.بي.سي) إن الفريق جاهز. وغادر."),
            vec![
                "وقال المدرب لهيئة الإذاعة (بي.بي.سي) إن الفريق جاهز.",
                "وغادر."
            ]
        );
    }
}
