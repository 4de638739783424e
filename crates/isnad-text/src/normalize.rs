//! The Arabic normalizer: a normalized copy of a text with an offset map back to it.
//!
//! Normalization is for *matching* (gazetteers, quotes against posts, search, features);
//! the original text is never changed and every span the engine reports is a span of the
//! original. [`Normalized`] keeps the edits it made so that any range of the normalized
//! text maps back to the original range it came from (and the other way).
//!
//! What is folded, character by character:
//! - Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and
//!   tatweel are removed;
//! - alef variants آ أ إ ٱ ٲ ٳ ٵ → ا, alef maqsura ى → ي, ta marbuta ة → ه;
//! - Persian, Urdu and Maghrebi letters → their Arabic counterparts (ک گ ڭ → ك, ی ې ے → ي,
//!   ہ ۀ ھ ە → ه, پ → ب, چ → ج, ژ → ز, ڤ → ف, ڨ → ق, ...);
//! - Arabic-Indic and Extended Arabic-Indic digits → ASCII digits, ٪ → %, ٫ → `.`, ٬ → `,`;
//! - presentation forms (ﻻ, ﷲ, ...) and other compatibility characters through NFKC
//!   (applied per character, then folded again);
//! - bidi controls, zero-width characters, BOM and soft hyphen are removed; other control
//!   characters and exotic spaces become a plain space (line separators become `\n`);
//! - Latin letters are lower-cased.
//!
//! One rule looks at the context: a space between an Arabic letter and a lone alef that
//! ends a word is removed. Pages tokenized by their publishers split the alef of tanwin
//! from its word ("مشير ا", "أيض ا", "حالي ا" for مشيراً, أيضاً, حالياً: a third of the
//! afcsdc pages), and no Arabic word is a lone alef.
//!
//! Normalization is idempotent: `normalize(normalize(x)) == normalize(x)`.

use crate::span::Span;
use unicode_normalization::UnicodeNormalization;

/// What happens to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    Keep,
    Delete,
    Replace(char),
    /// Compatibility decomposition (NFKC), then fold each resulting character.
    Nfkc,
}

/// Fold decisions for U+0600..=U+06FF, built at compile time.
/// Encoding: 0 = keep, 1 = delete, otherwise the replacement code point.
static ARABIC_BLOCK: [u16; 256] = build_arabic_table();

const fn build_arabic_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    // Honorific signs and small high ligatures U+0610..U+061A.
    let mut c = 0x10;
    while c <= 0x1A {
        t[c] = 1;
        c += 1;
    }
    t[0x1C] = 1; // ARABIC LETTER MARK (bidi control)
    t[0x40] = 1; // tatweel
                 // Harakat, tanwin, shadda, sukun, maddah/hamza above/below, other marks U+064B..U+065F.
    c = 0x4B;
    while c <= 0x5F {
        t[c] = 1;
        c += 1;
    }
    t[0x70] = 1; // superscript (dagger) alef
    t[0x74] = 1; // high hamza
                 // Arabic-Indic digits U+0660..U+0669 and Extended Arabic-Indic digits U+06F0..U+06F9.
    c = 0;
    while c < 10 {
        t[0x60 + c] = b'0' as u16 + c as u16;
        t[0xF0 + c] = b'0' as u16 + c as u16;
        c += 1;
    }
    t[0x6A] = b'%' as u16; // ARABIC PERCENT SIGN
    t[0x6B] = b'.' as u16; // ARABIC DECIMAL SEPARATOR
    t[0x6C] = b',' as u16; // ARABIC THOUSANDS SEPARATOR
    t[0xD4] = b'.' as u16; // ARABIC FULL STOP (Urdu)
                           // Alef variants.
    t[0x22] = 0x0627; // آ
    t[0x23] = 0x0627; // أ
    t[0x25] = 0x0627; // إ
    t[0x71] = 0x0627; // ٱ wasla
    t[0x72] = 0x0627; // ٲ
    t[0x73] = 0x0627; // ٳ
    t[0x75] = 0x0627; // ٵ
    t[0x76] = 0x0648; // ٶ
    t[0x77] = 0x0648; // ٷ
    t[0x78] = 0x064A; // ٸ
                      // Yeh and alef maqsura variants.
    t[0x49] = 0x064A; // ى
    t[0xCC] = 0x064A; // ی Farsi yeh
    t[0xD0] = 0x064A; // ې
    t[0xCD] = 0x064A; // ۍ
    t[0xCE] = 0x064A; // ێ
    t[0xD2] = 0x064A; // ے
    t[0xD3] = 0x064A; // ۓ
                      // Heh and ta marbuta variants.
    t[0x29] = 0x0647; // ة
    t[0xC0] = 0x0647; // ۀ
    t[0xC1] = 0x0647; // ہ
    t[0xC2] = 0x0647; // ۂ
    t[0xC3] = 0x0647; // ۃ
    t[0xBE] = 0x0647; // ھ
    t[0xD5] = 0x0647; // ە
                      // Kaf variants.
    t[0xA9] = 0x0643; // ک
    t[0xAA] = 0x0643; // ڪ
    t[0xAF] = 0x0643; // گ
    t[0xAD] = 0x0643; // ڭ
    t[0xB3] = 0x0643; // ڳ
                      // Other Persian/Urdu/Maghrebi letters.
    t[0x7E] = 0x0628; // پ
    t[0x86] = 0x062C; // چ
    t[0x98] = 0x0632; // ژ
    t[0xA4] = 0x0641; // ڤ
    t[0xA5] = 0x0641; // ڥ
    t[0xA8] = 0x0642; // ڨ
    t[0xA7] = 0x0642; // ڧ
    t[0x79] = 0x062A; // ٹ
    t[0x88] = 0x062F; // ڈ
    t[0x91] = 0x0631; // ڑ
    t[0xBA] = 0x0646; // ں
    t[0xBB] = 0x0646; // ڻ
    t[0xC6] = 0x0648; // ۆ
    t[0xC7] = 0x0648; // ۇ
    t[0xC8] = 0x0648; // ۈ
    t[0xC9] = 0x0648; // ۉ
    t[0xCB] = 0x0648; // ۋ
    t[0xCF] = 0x0648; // ۏ
    t[0xC5] = 0x0648; // ۅ
                      // Quranic annotation marks U+06D6..U+06ED (except the letters among them).
    c = 0xD6;
    while c <= 0xED {
        if c != 0xDD && c != 0xDE && c != 0xE5 && c != 0xE6 && c != 0xE9 {
            t[c] = 1;
        }
        c += 1;
    }
    t
}

#[inline]
fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        let b = u as u8;
        return if b.is_ascii_uppercase() {
            Fold::Replace(b.to_ascii_lowercase() as char)
        } else if (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7F {
            Fold::Replace(' ')
        } else {
            Fold::Keep
        };
    }
    if (0x0600..=0x06FF).contains(&u) {
        return match ARABIC_BLOCK[(u - 0x0600) as usize] {
            0 => Fold::Keep,
            1 => Fold::Delete,
            r => Fold::Replace(char::from_u32(r as u32).unwrap_or(c)),
        };
    }
    match u {
        // Extended Arabic marks.
        0x08D3..=0x08FF => Fold::Delete,
        // C1 controls.
        0x80..=0x84 | 0x86..=0x9F => Fold::Replace(' '),
        0x85 | 0x2028 | 0x2029 => Fold::Replace('\n'),
        // Exotic spaces.
        0xA0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Fold::Replace(' '),
        // Soft hyphen, zero-width, bidi controls, BOM, Mongolian vowel separator.
        0xAD
        | 0x180E
        | 0x200B..=0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x2069
        | 0xFEFF => Fold::Delete,
        // Latin letters with a simple lower case.
        0xC0..=0x24F | 0x391..=0x3A9 | 0x410..=0x42F => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => Fold::Replace(l),
                _ => Fold::Keep,
            }
        }
        // Common punctuation that is already NFKC: skip the quick check.
        0x2010..=0x2025 | 0x2027 | 0x2030..=0x203A | 0xAB | 0xBB => Fold::Keep,
        _ => {
            if unicode_normalization::is_nfkc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
            {
                Fold::Keep
            } else {
                Fold::Nfkc
            }
        }
    }
}

/// Appends the normalized form of `c` to `out`. Returns true when `c` went through
/// NFKC, whose output may hold several characters even at an equal byte length
/// (`…` → `...`), so that offsets inside it do not map one to one.
#[inline]
fn push_folded(c: char, out: &mut String) -> bool {
    match fold(c) {
        Fold::Keep => out.push(c),
        Fold::Delete => {}
        Fold::Replace(r) => out.push(r),
        Fold::Nfkc => {
            // Ligatures of whole phrases (ﷺ, ﷽) stay one symbol: expanding them into
            // several words would give several tokens for one character of the original.
            if std::iter::once(c).nfkc().any(char::is_whitespace) {
                out.push(c);
                return false;
            }
            for d in std::iter::once(c).nfkc() {
                match fold(d) {
                    Fold::Keep | Fold::Nfkc => out.push(d),
                    Fold::Delete => {}
                    Fold::Replace(r) => out.push(r),
                }
            }
            return true;
        }
    }
    false
}

/// The first character of the folded form of `rest`, passing over characters that
/// normalization removes; with the end of the character it comes from and whether that
/// character folds to it alone.
fn first_folded(rest: &str) -> Option<(char, usize, bool)> {
    let mut buf = String::new();
    for (k, c) in rest.char_indices() {
        buf.clear();
        push_folded(c, &mut buf);
        let mut folded = buf.chars();
        if let Some(f) = folded.next() {
            return Some((f, k + c.len_utf8(), folded.next().is_none()));
        }
    }
    None
}

/// Whether a space whose folded text so far is `before` and whose original text goes on
/// with `rest` only splits a word's final alef from it ("مشير ا"): an Arabic letter
/// other than alef before (U+0621..U+063A or U+0641..U+064A, as the tokenizer reads
/// them), then an alef that no letter or digit follows. Decided on folded characters, so
/// that a normalized text has no such space left (idempotence).
#[inline(never)]
fn splits_final_alef(before: &str, rest: &str) -> bool {
    // The common cases, decided on the bytes after the space: ASCII, an Arabic letter
    // that neither is nor folds to an alef nor vanishes (U+0621..U+063F, U+0641..U+064A),
    // or an alef that starts a word ("ال").
    let arabic_letter = |bytes: &[u8]| match bytes {
        [0xD8, b, ..] => (0xA1..=0xBF).contains(b),
        [0xD9, b, ..] => (0x81..=0x8A).contains(b),
        _ => false,
    };
    let quick_no = match rest.as_bytes() {
        [] => true,
        [b, ..] if *b < 0x80 => true,
        [0xD8, 0xA7, after @ ..] => arabic_letter(after),
        [0xD8, b, ..] => (0xA1..=0xBF).contains(b) && !matches!(b, 0xA2 | 0xA3 | 0xA5),
        [0xD9, b, ..] => (0x81..=0x8A).contains(b),
        _ => false,
    };
    if quick_no {
        return false;
    }
    let letter_before = before.chars().next_back().is_some_and(|c| {
        (('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c))
            && c != 'ا'
    });
    if !letter_before {
        return false;
    }
    // The alef, after characters that fold away, and no letter or digit after it.
    match first_folded(rest) {
        Some(('ا', alef_end, true)) => {
            !first_folded(&rest[alef_end..]).is_some_and(|(c, _, _)| c.is_alphanumeric())
        }
        _ => false,
    }
}

/// Drops the space just pushed at `out[before..]` when it splits a final alef off its word
/// ([`splits_final_alef`]; `rest` is the original text after the space). True if dropped.
fn drop_split_space(out: &mut String, before: usize, rest: &str) -> bool {
    let dropped = out.len() == before + 1
        && out.as_bytes()[before] == b' '
        && splits_final_alef(&out[..before], rest);
    if dropped {
        out.truncate(before);
    }
    dropped
}

/// One place where the normalized text differs in length from the original:
/// `orig_start..orig_end` of the original became `norm_start..norm_end` of the normalized text.
/// Between edits, the two texts have equal byte lengths (characters may differ, e.g. أ → ا),
/// so offsets map by a constant shift.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edit {
    orig_start: u32,
    orig_end: u32,
    norm_start: u32,
    norm_end: u32,
}

/// A normalized copy of a text, with the map back to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    edits: Vec<Edit>,
    orig_len: u32,
}

impl Normalized {
    /// Normalizes `original`.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut edits: Vec<Edit> = Vec::new();
        let bytes = original.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII fast path: same length in and out, so no edit is ever needed.
            if b < 0x80 {
                let folded = if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else if (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7F {
                    b' '
                } else {
                    b
                };
                // Only a space before a non-ASCII character may split an alef off.
                let maybe_split = folded == b' ' && bytes.get(i + 1).is_some_and(|&n| n >= 0x80);
                if !maybe_split || !splits_final_alef(&text, &original[i + 1..]) {
                    text.push(folded as char);
                    i += 1;
                    continue;
                }
            }
            // SAFETY-free decoding: `original` is a valid `str` and `i` is a char boundary.
            let c = original[i..].chars().next().expect("char boundary");
            let len = c.len_utf8();
            let before = text.len();
            let mut expanded = push_folded(c, &mut text);
            if drop_split_space(&mut text, before, &original[i + len..]) {
                expanded = false;
            }
            let produced = text.len() - before;
            if produced != len || expanded {
                let e = Edit {
                    orig_start: i as u32,
                    orig_end: (i + len) as u32,
                    norm_start: before as u32,
                    norm_end: text.len() as u32,
                };
                // A removal right after an edit extends it; two edits that both produce
                // text stay apart, so that a token boundary between them maps back exactly.
                match edits.last_mut() {
                    Some(last)
                        if last.orig_end == e.orig_start
                            && last.norm_end == e.norm_start
                            && e.norm_start == e.norm_end =>
                    {
                        last.orig_end = e.orig_end;
                        last.norm_end = e.norm_end;
                    }
                    _ => edits.push(e),
                }
            }
            i += len;
        }
        Normalized {
            text,
            edits,
            orig_len: original.len() as u32,
        }
    }

    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.orig_len as usize
    }

    /// Maps a normalized byte offset used as a span *start* back to the original.
    /// Characters removed just before it (bidi marks, tatweel) are left out of the span.
    pub fn start_to_original(&self, n: u32) -> u32 {
        let k = self.edits.partition_point(|e| e.norm_start <= n);
        if k == 0 {
            return n;
        }
        let e = self.edits[k - 1];
        if n < e.norm_end {
            e.orig_start
        } else {
            e.orig_end + (n - e.norm_end)
        }
    }

    /// Maps a normalized byte offset used as a span *end* back to the original.
    /// Characters removed just after it (diacritics of the last letter) stay in the span.
    pub fn end_to_original(&self, n: u32) -> u32 {
        let k = self.edits.partition_point(|e| e.norm_start <= n);
        if k == 0 {
            return n;
        }
        let e = self.edits[k - 1];
        if n > e.norm_start && n < e.norm_end {
            e.orig_end
        } else if n < e.norm_end {
            e.orig_start
        } else {
            e.orig_end + (n - e.norm_end)
        }
    }

    /// Maps a span of the normalized text to the span of the original it came from.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.start_to_original(span.start);
        let end = self.end_to_original(span.end).max(start);
        Span { start, end }
    }

    /// Maps a span of the original text to the normalized text. A span that starts or
    /// ends inside a character that normalization expanded covers the whole expansion.
    pub fn to_normalized(&self, span: Span) -> Span {
        let map = |o: u32, is_end: bool| -> u32 {
            let k = self.edits.partition_point(|e| e.orig_start <= o);
            if k == 0 {
                return o;
            }
            let e = self.edits[k - 1];
            if o < e.orig_end {
                if is_end && o > e.orig_start {
                    e.norm_end
                } else {
                    e.norm_start
                }
            } else {
                e.norm_end + (o - e.orig_end)
            }
        };
        let start = map(span.start, false);
        let end = map(span.end, true).max(start);
        Span { start, end }
    }

    /// A cursor that maps non-decreasing normalized offsets to original offsets in
    /// amortised constant time (the tokenizer produces offsets in order).
    pub fn aligner(&self) -> Aligner<'_> {
        Aligner {
            edits: &self.edits,
            next: 0,
            last: 0,
        }
    }

    /// True when the normalized text has exactly the byte length of the original at
    /// every position (no character was removed or changed length).
    pub fn is_length_preserving(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Maps increasing normalized offsets to original offsets; see [`Normalized::aligner`].
pub struct Aligner<'a> {
    edits: &'a [Edit],
    /// Number of edits with `norm_start <= last`.
    next: usize,
    last: u32,
}

impl Aligner<'_> {
    #[inline]
    fn seek(&mut self, n: u32) -> Option<Edit> {
        if n < self.last {
            self.next = self.edits.partition_point(|e| e.norm_start <= n);
        } else {
            while self.next < self.edits.len() && self.edits[self.next].norm_start <= n {
                self.next += 1;
            }
        }
        self.last = n;
        self.next.checked_sub(1).map(|k| self.edits[k])
    }

    /// Same as [`Normalized::start_to_original`].
    #[inline]
    pub fn start(&mut self, n: u32) -> u32 {
        match self.seek(n) {
            None => n,
            Some(e) if n < e.norm_end => e.orig_start,
            Some(e) => e.orig_end + (n - e.norm_end),
        }
    }

    /// Same as [`Normalized::end_to_original`].
    #[inline]
    pub fn end(&mut self, n: u32) -> u32 {
        match self.seek(n) {
            None => n,
            Some(e) if n > e.norm_start && n < e.norm_end => e.orig_end,
            Some(e) if n < e.norm_end => e.orig_start,
            Some(e) => e.orig_end + (n - e.norm_end),
        }
    }
}

/// Normalizes a string, dropping the offset map (for short strings such as lexicon
/// entries, queries and gold texts).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let before = out.len();
        push_folded(c, &mut out);
        drop_split_space(&mut out, before, &s[i + c.len_utf8()..]);
    }
    out
}

/// Normalizes and collapses every run of white space into one space, trimming both ends:
/// the comparison form of the gold files (`shared/gold/README.md`).
pub fn normalize_for_matching(s: &str) -> String {
    let n = normalize(s);
    let mut out = String::with_capacity(n.len());
    for w in n.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic() {
        assert_eq!(normalize("مُحَمَّدٌ"), "محمد");
        assert_eq!(normalize("العـــربية"), "العربيه");
        assert_eq!(normalize("أإآٱ"), "اااا");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("٢٠٢٠"), "2020");
        assert_eq!(normalize("۱۲۳"), "123");
        assert_eq!(normalize("٣٫٥٪"), "3.5%");
        assert_eq!(normalize("ﻻ"), "لا");
        assert_eq!(normalize("ﻷ"), "لا");
        assert_eq!(normalize("کتاب گل"), "كتاب كل");
        assert_eq!(normalize("ڤيينا"), "فيينا");
        assert_eq!(normalize("a\u{200f}b\u{200c}c\u{feff}"), "abc");
        assert_eq!(normalize("ABC Été"), "abc été");
        assert_eq!(normalize("x\u{a0}y"), "x y");
        assert_eq!(normalize("…"), "...");
    }

    #[test]
    fn offsets_map_back() {
        let orig = "قالَ «الرئيسُ» ٢٠٢٠ ﻻ";
        let n = Normalized::new(orig);
        assert_eq!(n.as_str(), "قال «الرئيس» 2020 لا");
        // Find "2020" in the normalized text and map it back.
        let s = n.as_str().find("2020").unwrap();
        let span = n.to_original(Span::new(s, s + 4));
        assert_eq!(span.slice(orig), "٢٠٢٠");
        let s = n.as_str().find("الرئيس").unwrap();
        let span = n.to_original(Span::new(s, s + "الرئيس".len()));
        assert_eq!(span.slice(orig), "الرئيسُ");
        // The two letters of an NFKC expansion both map to the whole ligature.
        let s = n.as_str().rfind("لا").unwrap();
        assert_eq!(n.to_original(Span::new(s, s + 2)).slice(orig), "ﻻ");
        assert_eq!(n.to_original(Span::new(s, s + 4)).slice(orig), "ﻻ");
        // Round trip through to_normalized.
        let o = orig.find("«").unwrap();
        let ns = n.to_normalized(Span::new(o, o + "«".len()));
        assert_eq!(ns.slice(n.as_str()), "«");
    }

    #[test]
    fn a_split_final_alef_joins_its_word() {
        let orig = "وقال , مشير ا إلى أن العمل جار حالي ا . وأيض ا";
        let n = Normalized::new(orig);
        assert_eq!(n.as_str(), "وقال , مشيرا الي ان العمل جار حاليا . وايضا");
        assert_eq!(normalize(orig), n.as_str());
        // The joined word maps back to both pieces.
        let s = n.as_str().find("مشيرا").unwrap();
        let span = n.to_original(Span::new(s, s + "مشيرا".len()));
        assert_eq!(span.slice(orig), "مشير ا");
        // An alef that starts a word, one after a lone alef or a letter the tokenizer does
        // not read as Arabic (U+063B), and a letter name stay apart.
        for kept in ["قال اليوم", "ا ا .", "\u{063B} ا", "البند 3 ا ."] {
            assert_eq!(normalize(kept), kept);
        }
    }

    #[test]
    fn aligner_agrees_with_binary_search() {
        let orig = "وَقَالَ ـــ الرَّئِيسُ ﷺ ٣٫٥ \u{200f}نعم";
        let n = Normalized::new(orig);
        let mut a = n.aligner();
        for (i, _) in n.as_str().char_indices().chain([(n.as_str().len(), ' ')]) {
            let i = i as u32;
            assert_eq!(a.start(i), n.start_to_original(i), "start {i}");
            assert_eq!(a.end(i), n.end_to_original(i), "end {i}");
        }
    }

    #[test]
    fn matching_form_collapses_space() {
        assert_eq!(
            normalize_for_matching("  الهزيمة \n العسكريّة  "),
            "الهزيمه العسكريه"
        );
    }
}
