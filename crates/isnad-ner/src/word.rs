//! The unit the tagger labels: one token of the text layer, seen through its normalized
//! form and its clitics.
//!
//! Training data (CoNLL tokens) and documents (tokens of `isnad_text::analyze`) both go
//! through the same normalizer, tokenizer and clitic segmenter, so that the features a
//! model learns are the features it sees at run time.

use isnad_text::{clitic, normalize, tokenize, Clitics, TextLayers, Token, TokenKind, WordCounts};

/// A token as the tagger sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The normalized token.
    pub norm: &'a str,
    /// Its clitics (none for non-Arabic tokens).
    pub clitics: Clitics,
    /// What kind of token it is.
    pub kind: TokenKind,
}

impl<'a> Word<'a> {
    /// A token of a document's text layers.
    pub fn from_token(layers: &'a TextLayers, token: &Token) -> Word<'a> {
        Word {
            norm: layers.norm_text(token),
            clitics: token.clitics,
            kind: token.kind,
        }
    }

    /// The word without its proclitics (و ف ب ك ل ال), pronoun suffix kept.
    pub fn core(&self) -> &'a str {
        &self.norm[self.clitics.prefix_bytes()..]
    }

    /// The word without proclitics or pronoun suffix.
    pub fn stem(&self) -> &'a str {
        let n = self.norm;
        &n[self.clitics.prefix_bytes()..n.len() - self.clitics.suffix_bytes()]
    }
}

/// A word that owns its normalized text (for training data and lexicon entries).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedWord {
    /// The normalized token.
    pub norm: String,
    /// Its clitics.
    pub clitics: Clitics,
    /// What kind of token it is.
    pub kind: TokenKind,
}

impl OwnedWord {
    /// Reads one pre-split token (a CoNLL token) the way the text layer reads a word of a
    /// document. A token that the tokenizer would cut in several ("(د") is represented by
    /// its first word-like piece, as that piece is what the tagger labels at run time.
    pub fn from_token_text(text: &str, counts: &dyn WordCounts) -> OwnedWord {
        let norm = normalize(text);
        let mut raw = Vec::new();
        tokenize::tokenize(&norm, &mut raw);
        let Some(main) = raw
            .iter()
            .find(|t| {
                matches!(
                    t.kind,
                    TokenKind::Arabic | TokenKind::Foreign | TokenKind::Number
                )
            })
            .or(raw.first())
        else {
            return OwnedWord {
                norm,
                clitics: Clitics::NONE,
                kind: TokenKind::Punct,
            };
        };
        let piece = main.span.slice(&norm).to_string();
        let clitics = if main.kind == TokenKind::Arabic {
            let ta_marbuta = text
                .chars()
                .rev()
                .find(|c| isnad_text::chars::is_arabic_letter(*c))
                .is_some_and(|c| c == 'ة' || c == 'ۃ');
            clitic::segment(&piece, ta_marbuta, counts)
        } else {
            Clitics::NONE
        };
        OwnedWord {
            norm: piece,
            clitics,
            kind: main.kind,
        }
    }

    /// The borrowed view.
    pub fn as_word(&self) -> Word<'_> {
        Word {
            norm: &self.norm,
            clitics: self.clitics,
            kind: self.kind,
        }
    }
}

/// Reads a multi-word phrase (a gazetteer name, a title) into words, with the same
/// tokenizer and segmenter as documents.
pub fn phrase_words(text: &str, counts: &dyn WordCounts) -> Vec<OwnedWord> {
    let layers = isnad_text::analyze(text, counts);
    layers
        .tokens
        .iter()
        .map(|t| {
            let w = Word::from_token(&layers, t);
            OwnedWord {
                norm: w.norm.to_string(),
                clitics: w.clitics,
                kind: w.kind,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::NoCounts;

    #[test]
    fn conll_tokens_read_like_document_words() {
        let w = OwnedWord::from_token_text("والحكومة", &NoCounts);
        assert_eq!(w.as_word().stem(), "حكومه");
        assert_eq!(w.as_word().core(), "حكومه");
        assert_eq!(w.kind, TokenKind::Arabic);
        let w = OwnedWord::from_token_text("(د", &NoCounts);
        assert_eq!(w.norm, "د");
        let w = OwnedWord::from_token_text("،", &NoCounts);
        assert_eq!(w.kind, TokenKind::Punct);
        let w = OwnedWord::from_token_text("2002", &NoCounts);
        assert_eq!(w.kind, TokenKind::Number);
    }

    #[test]
    fn phrases_are_segmented() {
        let ws = phrase_words("الولايات المتحدة", &NoCounts);
        let stems: Vec<&str> = ws.iter().map(|w| w.as_word().core()).collect();
        assert_eq!(stems, vec!["ولايات", "متحده"]);
    }
}
