//! Character classes used by the tokenizer and the other text stages.
//!
//! They are meant for *normalized* text (see [`crate::normalize`]), where diacritics,
//! tatweel and invisible controls are already gone, but they are safe on any text.

/// An Arabic-script letter (base letters, supplement and extended-A letters; after
/// normalization presentation forms no longer occur).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0621..=0x063A | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
        | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9
        | 0xFB50..=0xFDFB | 0xFE70..=0xFEFC)
}

/// Arabic diacritics and other combining marks that belong inside a word (for raw,
/// unnormalized text), plus tatweel and the zero-width joiners.
#[inline]
pub fn is_word_internal_mark(c: char) -> bool {
    matches!(c as u32,
        0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x0640 | 0x06D6..=0x06ED | 0x08D3..=0x08FF
        | 0x0300..=0x036F | 0x200C | 0x200D)
}

/// An ASCII digit (normalized text has only ASCII digits).
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9)
}

/// A letter of a script other than Arabic (Latin, Greek, Cyrillic, ...).
#[inline]
pub fn is_other_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !is_arabic_letter(c) && c.is_alphabetic()
    }
}

/// White space, including the exotic spaces that normalization turns into a plain space.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c as u32, 0x200B | 0xFEFF)
}

/// Punctuation that ends a sentence.
#[inline]
pub fn is_sentence_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '。')
}

/// Opening quotation marks and the closing mark that pairs with each.
#[inline]
pub fn closing_quote(open: char) -> Option<char> {
    match open {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‹' => Some('›'),
        '"' => Some('"'),
        _ => None,
    }
}

/// True for any quotation mark (opening, closing or straight).
#[inline]
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '"' | '‟' | '″')
}

/// True when `s` is exactly one quotation mark (a token of its own: `"`, `«`, `”`).
pub fn is_quote_token(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next()), (Some(q), None) if is_quote_mark(q))
}

/// Which way a quotation mark that looks the same at both ends (`"`, `″`, curly quotes,
/// `''`) faces, read from the characters around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facing {
    /// The mark opens a quotation.
    Open,
    /// The mark closes a quotation.
    Close,
    /// The context does not tell.
    Either,
}

/// The way the quotation mark at `text[mark]` faces. A mark after a space and before
/// a letter opens, one after a letter and before a space or punctuation closes. A mark
/// with spaces on both sides (text whose punctuation was spaced out) faces the way the
/// nearest punctuation past the spaces shows: no quotation starts with a period or a comma
/// (`باتريوت " .` closes), and a colon introduces one (`: " الحديث` opens). Between two
/// letters, a mark after a clitic opens (`بـ"الإيجابي"`).
pub fn mark_facing(text: &str, mark: std::ops::Range<usize>) -> Facing {
    let (start, end) = (mark.start, mark.end);
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace());
    let opens_after =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "(:[،,؛;—-".contains(c));
    let closes_before =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,،؛;:)]!?؟".contains(c));
    match (space(before), space(after)) {
        (true, true) => {
            let next = text[end..].trim_start().chars().next();
            let prev = text[..start].trim_end().chars().next_back();
            if next.is_some_and(|c| ".,،؛;!?؟)".contains(c)) {
                Facing::Close
            } else if prev == Some(':') {
                Facing::Open
            } else {
                Facing::Either
            }
        }
        _ if opens_after(before) && !space(after) => Facing::Open,
        _ if !space(before) && closes_before(after) => Facing::Close,
        (false, false) => {
            let clitic = |c: char| matches!(c, 'ب' | 'ل' | 'ك' | 'و' | 'ف');
            if after.is_some_and(char::is_alphabetic)
                && before.is_some_and(|c| !c.is_alphanumeric() || c == 'ـ' || clitic(c))
            {
                Facing::Open
            } else {
                Facing::Either
            }
        }
        _ => Facing::Either,
    }
}

/// The tanween of the accusative (fathatan), which adverbs carry ("مجدداً", "أيضاً").
pub const TANWEEN_FATH: char = '\u{064B}';

/// True when a word as written carries a tanween (fathatan, dammatan or kasratan), which
/// marks an indefinite noun or adjective and never a name ("متخشباً").
pub fn has_tanween(word: &str) -> bool {
    word.chars().any(|c| matches!(c, '\u{064B}'..='\u{064D}'))
}

/// True when the text contains at least one Arabic letter.
pub fn has_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_arabic_letter('ب'));
        assert!(is_arabic_letter('ی'));
        assert!(!is_arabic_letter('ـ'));
        assert!(!is_arabic_letter('،'));
        assert!(!is_arabic_letter('٣'));
        assert!(is_digit('٣') && is_digit('3'));
        assert!(is_other_letter('x') && is_other_letter('é') && !is_other_letter('ب'));
        assert!(is_word_internal_mark('\u{064E}') && is_word_internal_mark('ـ'));
        assert!(is_sentence_terminal('؟'));
        assert!(has_tanween("مجدداً") && has_tanween("خبرٌ") && !has_tanween("مجددا"));
        assert_eq!(closing_quote('«'), Some('»'));
        assert!(has_arabic("abc ليبيا"));
    }
}
