//! The tokenizer: splits normalized text into words, numbers, punctuation, URLs,
//! handles and hashtags.
//!
//! It runs on the *normalized* text (no diacritics, tatweel or invisible controls left
//! inside words, ASCII digits, lower-case Latin) and reports normalized byte offsets;
//! [`crate::analyze`] maps them back to the original.

use crate::chars::{is_arabic_letter, is_other_letter, is_space};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of Arabic letters (possibly with clitics attached).
    Arabic,
    /// A run of letters of another script (Latin, ...), digits allowed after the first letter.
    Foreign,
    /// Digits, with internal decimal or thousands separators (`3.5`, `1,000`).
    Number,
    /// One punctuation or symbol character, or a run of the same one (`...`, `!!`).
    Punct,
    /// A URL (`https://...`, `www.`, `pic.twitter.com/...`, `t.co/...`, `example.com/...`).
    Url,
    /// A social-media handle, `@` included.
    Handle,
    /// A hashtag, `#` included.
    Hashtag,
    /// An e-mail address.
    Email,
}

impl TokenKind {
    /// True for word-like tokens (Arabic or foreign words).
    pub fn is_word(self) -> bool {
        matches!(self, TokenKind::Arabic | TokenKind::Foreign)
    }

    /// A short lower-case name, for reports and features.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Arabic => "arabic",
            TokenKind::Foreign => "foreign",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Url => "url",
            TokenKind::Handle => "handle",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Email => "email",
        }
    }
}

/// A token in normalized byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawToken {
    /// Normalized byte span.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

const URL_PREFIXES: [&str; 7] = [
    "https://",
    "http://",
    "www.",
    "pic.twitter.com/",
    "t.co/",
    "bit.ly/",
    "youtu.be/",
];

const TLDS: [&str; 40] = [
    "com", "net", "org", "gov", "edu", "info", "int", "io", "co", "tv", "me", "ly", "sa", "eg",
    "ae", "qa", "kw", "bh", "om", "jo", "lb", "sy", "iq", "ps", "ma", "dz", "tn", "sd", "ye", "uk",
    "fr", "de", "ru", "tr", "ir", "il", "us", "news", "online", "site",
];

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

#[inline]
fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

#[inline]
fn is_url_stop(c: char) -> bool {
    is_space(c) || matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '<' | '>' | '|')
}

#[inline]
fn is_url_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '،' | '؛' | '؟' | '…'
    )
}

/// Scans a URL starting at `i` if one starts there; returns its end.
fn scan_url(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i..];
    if !URL_PREFIXES.iter().any(|p| rest.starts_with(p)) {
        return None;
    }
    Some(scan_url_body(s, i))
}

fn scan_url_body(s: &str, i: usize) -> usize {
    let mut end = i;
    for (k, c) in s[i..].char_indices() {
        if is_url_stop(c) {
            break;
        }
        end = i + k + c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not to the URL.
    while end > i {
        let c = s[..end].chars().next_back().unwrap();
        if is_url_trailing_punct(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// After a Latin word ending at `end`, a `.tld` (possibly `a.b.tld`) continues it into a
/// domain; returns the end of the domain (and of its path) if so.
fn scan_domain(s: &str, start: usize, end: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut pos = end;
    let mut last_label_ok = false;
    while pos < bytes.len() && bytes[pos] == b'.' {
        let label_start = pos + 1;
        let mut p = label_start;
        while p < bytes.len() && (bytes[p].is_ascii_alphanumeric() || bytes[p] == b'-') {
            p += 1;
        }
        if p == label_start {
            break;
        }
        last_label_ok = TLDS.contains(&&s[label_start..p]);
        pos = p;
    }
    if pos == end || !last_label_ok {
        return None;
    }
    if pos < bytes.len() && bytes[pos] == b'/' {
        return Some(scan_url_body(s, start).max(pos));
    }
    Some(pos)
}

/// Splits normalized text into tokens, appending them to `out`.
pub fn tokenize(s: &str, out: &mut Vec<RawToken>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<RawToken>, a: usize, b: usize, kind| {
        out.push(RawToken {
            span: Span::new(a, b),
            kind,
        })
    };
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII white space fast path.
        if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
            i += 1;
            continue;
        }
        let c = char_at(s, i).unwrap();
        let clen = c.len_utf8();
        if is_space(c) {
            i += clen;
            continue;
        }
        if is_arabic_letter(c) {
            let mut j = i + clen;
            while let Some(d) = char_at(s, j) {
                if is_arabic_letter(d) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            push(out, i, j, TokenKind::Arabic);
            i = j;
            continue;
        }
        if (b == b'h' || b == b'w' || b == b'p' || b == b't' || b == b'b' || b == b'y')
            && bytes.len() - i >= 4
        {
            if let Some(end) = scan_url(s, i) {
                push(out, i, end, TokenKind::Url);
                i = end;
                continue;
            }
        }
        if b.is_ascii_digit() {
            let mut j = i + 1;
            while j < bytes.len() {
                if bytes[j].is_ascii_digit() {
                    j += 1;
                } else if (bytes[j] == b'.' || bytes[j] == b',')
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_digit()
                {
                    j += 2;
                } else {
                    break;
                }
            }
            // Digits glued to Latin letters ("19th", "5g", "f16"): one foreign token.
            if j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                push(out, i, j, TokenKind::Foreign);
            } else {
                push(out, i, j, TokenKind::Number);
            }
            i = j;
            continue;
        }
        if is_other_letter(c) {
            let mut j = i + clen;
            while let Some(d) = char_at(s, j) {
                let inner_apostrophe = (d == '\'' || d == '’')
                    && char_at(s, j + d.len_utf8()).is_some_and(is_other_letter);
                if is_other_letter(d)
                    || d.is_ascii_digit()
                    || inner_apostrophe
                    || crate::chars::is_word_internal_mark(d)
                {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            if let Some(end) = scan_domain(s, i, j) {
                push(out, i, end, TokenKind::Url);
                i = end;
                continue;
            }
            // user@example.com
            if j + 1 < bytes.len() && bytes[j] == b'@' && bytes[j + 1].is_ascii_alphanumeric() {
                let mut k = j + 1;
                while k < bytes.len()
                    && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'-' || bytes[k] == b'_')
                {
                    k += 1;
                }
                if let Some(end) = scan_domain(s, j + 1, k) {
                    push(out, i, end, TokenKind::Email);
                    i = end;
                    continue;
                }
            }
            push(out, i, j, TokenKind::Foreign);
            i = j;
            continue;
        }
        if b == b'@' {
            let prev_is_word = s[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric());
            let mut j = i + 1;
            while j < bytes.len() && is_handle_char(bytes[j] as char) {
                j += 1;
            }
            if j > i + 1 && !prev_is_word {
                push(out, i, j, TokenKind::Handle);
                i = j;
                continue;
            }
        }
        if b == b'#' {
            let mut j = i + 1;
            while let Some(d) = char_at(s, j) {
                if is_arabic_letter(d) || d.is_alphanumeric() || d == '_' {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            if j > i + 1 {
                push(out, i, j, TokenKind::Hashtag);
                i = j;
                continue;
            }
        }
        // Punctuation: a run of the same character is one token ("...", "!!", "؟؟").
        let mut j = i + clen;
        if matches!(
            c,
            '.' | '!' | '?' | '؟' | '-' | '_' | '=' | '*' | '~' | '+' | '/'
        ) {
            while char_at(s, j) == Some(c) {
                j += clen;
            }
        }
        push(out, i, j, TokenKind::Punct);
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(s, &mut out);
        out.iter().map(|t| (t.span.slice(s), t.kind)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        use TokenKind::*;
        assert_eq!(
            toks("قال الوزير، إن 3.5 مليون (حفتر) زادت..."),
            vec![
                ("قال", Arabic),
                ("الوزير", Arabic),
                ("،", Punct),
                ("إن", Arabic),
                ("3.5", Number),
                ("مليون", Arabic),
                ("(", Punct),
                ("حفتر", Arabic),
                (")", Punct),
                ("زادت", Arabic),
                ("...", Punct),
            ]
        );
        assert_eq!(
            toks("1,000,000."),
            vec![("1,000,000", Number), (".", Punct)]
        );
        assert_eq!(toks("2020م"), vec![("2020", Number), ("م", Arabic)]);
        assert_eq!(toks("f16 19th"), vec![("f16", Foreign), ("19th", Foreign)]);
    }

    #[test]
    fn social_tokens() {
        use TokenKind::*;
        assert_eq!(
            toks("— وزير (@fathi_bashagha) june 23, 2020 pic.twitter.com/ab12. #ليبيا"),
            vec![
                ("—", Punct),
                ("وزير", Arabic),
                ("(", Punct),
                ("@fathi_bashagha", Handle),
                (")", Punct),
                ("june", Foreign),
                ("23", Number),
                (",", Punct),
                ("2020", Number),
                ("pic.twitter.com/ab12", Url),
                (".", Punct),
                ("#ليبيا", Hashtag),
            ]
        );
        assert_eq!(
            toks("https://t.co/x?a=1), aawsat.com/home mail@spa.gov.sa"),
            vec![
                ("https://t.co/x?a=1", Url),
                (")", Punct),
                (",", Punct),
                ("aawsat.com/home", Url),
                ("mail@spa.gov.sa", Email),
            ]
        );
    }
}
