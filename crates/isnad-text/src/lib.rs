//! The Arabic text layer of isnad.
//!
//! This crate owns everything that turns a string into analysable text: byte [`Span`]s and
//! their conversion to character offsets, the Arabic [`normalize`]r with its offset map
//! ([`Normalized`]), the [`tokenize`]r, clitic segmentation ([`clitic`]), sentence splitting
//! ([`sentence`]), and [`analyze`], which runs them all and returns [`TextLayers`].
//!
//! It must not do IO, know about files, encodings, HTML or the output contract, or hold
//! any annotation beyond paragraphs, sentences and tokens: those live in `isnad-input`,
//! `isnad-doc` and `isnad-api`. Word counts for clitic segmentation come in through the
//! [`WordCounts`] trait, so the crate ships no data.
//!
//! Invariant: every span this crate returns is a span of the *original* text, on
//! character boundaries, `start <= end`.
#![deny(missing_docs)]

pub mod chars;
pub mod clitic;
pub mod normalize;
pub mod sentence;
pub mod span;
pub mod tokenize;

pub use clitic::{Clitics, NoCounts, PieceKind, Prefix, Suffix, WordCounts};
pub use normalize::{normalize, normalize_for_matching, Normalized};
pub use span::{CharOffsets, Span};
pub use tokenize::{RawToken, TokenKind};

/// One token of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Span in the original text.
    pub span: Span,
    /// Span in the normalized text ([`TextLayers::normalized`]).
    pub norm: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Clitics attached to an Arabic word ([`Clitics::NONE`] for other tokens).
    pub clitics: Clitics,
}

impl Token {
    /// Span of the stem (the token without its clitics) in the normalized text.
    pub fn stem(&self) -> Span {
        Span {
            start: self.norm.start + self.clitics.prefix_bytes() as u32,
            end: self.norm.end - self.clitics.suffix_bytes() as u32,
        }
    }
}

impl sentence::SentenceToken for Token {
    fn norm_range(&self) -> std::ops::Range<usize> {
        self.norm.range()
    }
    fn kind(&self) -> TokenKind {
        self.kind
    }
}

/// A piece of a segmented token, with its own spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Span in the original text.
    pub span: Span,
    /// Span in the normalized text.
    pub norm: Span,
    /// Its role.
    pub kind: PieceKind,
}

/// A sentence: a span and the tokens in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Span in the original text, from its first token to its last.
    pub span: Span,
    /// Index of the first token.
    pub first_token: u32,
    /// One past the index of the last token.
    pub end_token: u32,
}

/// A paragraph: one non-blank line of the original text, trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Span in the original text.
    pub span: Span,
    /// Index of the first token.
    pub first_token: u32,
    /// One past the index of the last token.
    pub end_token: u32,
    /// Index of the first sentence.
    pub first_sentence: u32,
    /// One past the index of the last sentence.
    pub end_sentence: u32,
}

/// The text layers of a document: normalized copy, paragraphs, sentences, tokens.
#[derive(Clone, Debug, Default)]
pub struct TextLayers {
    /// The normalized copy of the text with its offset map.
    pub normalized: Normalized,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

impl TextLayers {
    /// The normalized text of a token.
    pub fn norm_text(&self, token: &Token) -> &str {
        token.norm.slice(self.normalized.as_str())
    }

    /// The normalized stem of a token (without clitics).
    pub fn stem_text(&self, token: &Token) -> &str {
        token.stem().slice(self.normalized.as_str())
    }

    /// The pieces of a token (clitics and stem), each with original and normalized spans.
    pub fn pieces(&self, token: &Token) -> Vec<Piece> {
        let base = token.norm.start as usize;
        let mut at = token.span.start;
        token
            .clitics
            .pieces(token.norm.len())
            .map(|(r, kind)| {
                let norm = Span::new(base + r.start, base + r.end);
                let mut span = self.normalized.to_original(norm);
                // Keep pieces in order and inside the token even where one character of
                // the original expanded into several letters (ﷲ → الله).
                span.start = span.start.clamp(at, token.span.end);
                span.end = span.end.clamp(span.start, token.span.end);
                at = span.end;
                Piece { span, norm, kind }
            })
            .collect()
    }

    /// Index of the token that contains original byte `pos`, or the first one after it.
    pub fn token_at_or_after(&self, pos: u32) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }

    /// Indices `a..b` of the tokens lying entirely inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }
}

/// True for characters that do not make a line non-blank: white space and the invisible
/// format characters (bidi controls, zero-width characters, BOM).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(c as u32,
            0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064
            | 0x2066..=0x2069 | 0xFEFF)
        || (c.is_control() && c != '\n')
}

/// The spans of the non-blank lines of `text`, trimmed of white space and invisible
/// characters at both ends.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let start_trim = line.len() - line.trim_start_matches(is_blank).len();
        let trimmed_end = line.trim_end_matches(is_blank).len();
        if trimmed_end > start_trim {
            out.push(Span::new(line_start + start_trim, line_start + trimmed_end));
        }
        line_start += line.len() + 1;
    }
    out
}

/// Runs normalization, paragraph and sentence splitting, tokenization and clitic
/// segmentation over `text`.
pub fn analyze(text: &str, counts: &dyn WordCounts) -> TextLayers {
    let normalized = Normalized::new(text);
    let norm = normalized.as_str();
    let mut layers = TextLayers {
        tokens: Vec::with_capacity(text.len() / 6),
        ..TextLayers::default()
    };
    let mut raw = Vec::new();
    let mut aligner = normalized.aligner();
    for pspan in paragraph_spans(text) {
        let nspan = normalized.to_normalized(pspan);
        raw.clear();
        tokenize::tokenize(nspan.slice(norm), &mut raw);
        let first_token = layers.tokens.len();
        for rt in &raw {
            let n = Span {
                start: rt.span.start + nspan.start,
                end: rt.span.end + nspan.start,
            };
            // Clamp to the paragraph: a removed character (a bidi mark) after the last
            // word belongs to the word in the offset map but not to the trimmed line.
            let start = aligner.start(n.start).clamp(pspan.start, pspan.end);
            let end = aligner.end(n.end).clamp(start, pspan.end);
            let span = Span { start, end };
            // One character of the original that normalization expanded into several
            // tokens ("½" → "1⁄2") stays one token: tokens never overlap.
            if let Some(prev) = layers.tokens[first_token..].last_mut() {
                if span.start < prev.span.end {
                    prev.span.end = prev.span.end.max(span.end);
                    prev.norm.end = n.end;
                    prev.clitics = Clitics::NONE;
                    continue;
                }
            }
            let clitics = if rt.kind == TokenKind::Arabic {
                let ta_marbuta = span
                    .slice(text)
                    .chars()
                    .rev()
                    .find(|&c| !chars::is_word_internal_mark(c))
                    .is_some_and(|c| c == 'ة' || c == 'ۃ');
                clitic::segment(n.slice(norm), ta_marbuta, counts)
            } else {
                Clitics::NONE
            };
            layers.tokens.push(Token {
                span,
                norm: n,
                kind: rt.kind,
                clitics,
            });
        }
        let toks = &layers.tokens[first_token..];
        let first_sentence = layers.sentences.len();
        for r in sentence::split_sentences(toks, norm) {
            let a = first_token + r.start;
            let b = first_token + r.end;
            layers.sentences.push(Sentence {
                span: Span {
                    start: layers.tokens[a].span.start,
                    end: layers.tokens[b - 1].span.end,
                },
                first_token: a as u32,
                end_token: b as u32,
            });
        }
        layers.paragraphs.push(Paragraph {
            span: pspan,
            first_token: first_token as u32,
            end_token: layers.tokens.len() as u32,
            first_sentence: first_sentence as u32,
            end_sentence: layers.sentences.len() as u32,
        });
    }
    layers.normalized = normalized;
    layers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let text = "  أول سطر \r\n\r\n\u{200f} ثاني\n\n";
        let spans: Vec<&str> = paragraph_spans(text)
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(spans, vec!["أول سطر", "ثاني"]);
    }

    #[test]
    fn analyze_keeps_original_offsets() {
        let text = "قالَ الرئيسُ: «سنعمل معاً». \nوأضاف ٣ مرات في ﻻهاي.";
        let layers = analyze(text, &NoCounts);
        let words: Vec<&str> = layers.tokens.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(
            words,
            vec![
                "قالَ",
                "الرئيسُ",
                ":",
                "«",
                "سنعمل",
                "معاً",
                "»",
                ".",
                "وأضاف",
                "٣",
                "مرات",
                "في",
                "ﻻهاي",
                "."
            ]
        );
        assert_eq!(layers.paragraphs.len(), 2);
        assert_eq!(layers.sentences.len(), 2);
        let t = &layers.tokens[1];
        assert!(t.clitics.has(Prefix::Al));
        let pieces = layers.pieces(t);
        assert_eq!(pieces[0].span.slice(text), "ال");
        assert_eq!(pieces[1].span.slice(text), "رئيسُ");
        assert_eq!(layers.stem_text(t), "رئيس");
    }
}
