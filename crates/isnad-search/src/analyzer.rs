//! The Arabic analyzer: index terms from the isnad text layer.
//!
//! A term is made from one token of `isnad_text::analyze` (the same normalization, the
//! same tokenizer and the same clitic segmentation as the rest of the engine):
//!
//! - **exact** terms are the normalized word without its clitics ("والحكومة" → "حكومه",
//!   "@Fathi_Bashagha" → "@fathi_bashagha", "٢٠٢٠" → "2020"): for precision, phrases and
//!   names;
//! - **stem** terms additionally fold the hamza carriers and go through [`light_stem`]
//!   ("المسؤولين" → "مسوول", "السعودية" → "سعود"): for recall. The stemmer is never
//!   applied to a token inside an entity name (the caller passes those spans), because it
//!   mangles names ("لبنان" → "لبن").
//!
//! Every term keeps the byte span of its whole token in the *original* text, clitics
//! included, so that a hit highlights the word as written. Punctuation, URLs and e-mail
//! addresses make no term.

use isnad_text::{Span, TextLayers, TokenKind, WordCounts};

/// Which form of the terms to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermForm {
    /// Normalized, clitics removed.
    Exact,
    /// [`TermForm::Exact`], then hamza folding and the light stemmer.
    Stem,
}

/// A term of the index, with the span of its token in the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The term.
    pub text: String,
    /// Span of the token in the original text.
    pub span: Span,
    /// Index of the token among the terms of the text (its position for phrases).
    pub position: u32,
}

/// Suffixes the light stemmer removes, tried in this order, each at most once. They are
/// the inflectional endings of the Arabic noun and adjective (dual, sound plurals, the
/// feminine ending and the nisba) and the most frequent attached pronoun, in their
/// normalized spelling (ة → ه, ى → ي).
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// The shortest stem the stemmer leaves, in letters: most Arabic roots have three.
const MIN_STEM_CHARS: usize = 3;

/// Folds the hamza carriers (ئ → ي, ؤ → و, lone ء dropped), on top of the engine's
/// normalization, so that the stem field matches the spelling variants of hamza.
pub fn fold_hamza(word: &str) -> String {
    word.chars()
        .filter_map(|c| match c {
            'ئ' => Some('ي'),
            'ؤ' => Some('و'),
            'ء' => None,
            c => Some(c),
        })
        .collect()
}

/// A light stemmer for recall: strips inflectional suffixes from a normalized word
/// without clitics, never leaving fewer than three letters. Words with no Arabic letter
/// are returned unchanged.
pub fn light_stem(word: &str) -> String {
    let mut w = fold_hamza(word);
    if !w.chars().any(isnad_text::chars::is_arabic_letter) {
        return w;
    }
    for suffix in SUFFIXES {
        if w.ends_with(suffix) && w.chars().count() >= MIN_STEM_CHARS + suffix.chars().count() {
            w.truncate(w.len() - suffix.len());
        }
    }
    w
}

/// The exact term of one token, or `None` for a token that makes no term.
fn exact_term(layers: &TextLayers, token: &isnad_text::Token) -> Option<String> {
    let term = match token.kind {
        TokenKind::Arabic => layers.stem_text(token),
        TokenKind::Foreign | TokenKind::Number | TokenKind::Handle => layers.norm_text(token),
        TokenKind::Hashtag => layers.norm_text(token).trim_start_matches('#'),
        TokenKind::Punct | TokenKind::Url | TokenKind::Email => return None,
    };
    (!term.is_empty()).then(|| term.to_owned())
}

/// The terms of a text in one form, from its text layers. Tokens lying inside one of the
/// `names` spans (entity mentions, sorted by start) are never stemmed.
pub fn terms(layers: &TextLayers, form: TermForm, names: &[Span]) -> Vec<Term> {
    let mut out = Vec::with_capacity(layers.tokens.len());
    let mut name_at = 0usize;
    for token in &layers.tokens {
        let Some(exact) = exact_term(layers, token) else {
            continue;
        };
        let text = match form {
            TermForm::Exact => exact,
            TermForm::Stem => {
                while name_at < names.len() && names[name_at].end <= token.span.start {
                    name_at += 1;
                }
                let in_name = names[name_at..]
                    .iter()
                    .take_while(|n| n.start < token.span.end)
                    .any(|n| n.contains(token.span) || n.overlaps(token.span));
                let stem = if in_name || token.kind != TokenKind::Arabic {
                    fold_hamza(&exact)
                } else {
                    light_stem(&exact)
                };
                // A word of hamzas alone folds to nothing: keep it as written.
                if stem.is_empty() {
                    exact
                } else {
                    stem
                }
            }
        };
        out.push(Term {
            text,
            span: token.span,
            position: out.len() as u32,
        });
    }
    out
}

/// The exact terms of a short text (a query, a name), analysed on its own.
pub fn exact_terms(text: &str, counts: &dyn WordCounts) -> Vec<String> {
    let layers = isnad_text::analyze(text, counts);
    terms(&layers, TermForm::Exact, &[])
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// The key of a name for matching across articles: its exact terms joined by one space
/// ("الأمير محمد بن سلمان" and "والأمير محمد بن سلمان" have the same key). Empty for a
/// name with no term.
pub fn name_key(name: &str, counts: &dyn WordCounts) -> String {
    exact_terms(name, counts).join(" ")
}

/// The tantivy tokenizer of the analyzer, for the fields and the query parser: the same
/// terms as [`terms`] (without name spans: at query time names are recognised by the
/// caller), with byte offsets into the original text.
#[derive(Clone)]
pub struct ArabicTokenizer {
    form: TermForm,
    counts: &'static dyn WordCounts,
}

impl ArabicTokenizer {
    /// A tokenizer producing terms of `form`, with `counts` for clitic segmentation.
    pub fn new(form: TermForm, counts: &'static dyn WordCounts) -> ArabicTokenizer {
        ArabicTokenizer { form, counts }
    }
}

/// The token stream of [`ArabicTokenizer`].
pub struct ArabicTokenStream {
    tokens: Vec<tantivy::tokenizer::Token>,
    next: usize,
}

impl tantivy::tokenizer::TokenStream for ArabicTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Converts terms to tantivy tokens (byte offsets into the original text).
pub fn to_tantivy(terms: Vec<Term>) -> Vec<tantivy::tokenizer::Token> {
    terms
        .into_iter()
        .map(|t| tantivy::tokenizer::Token {
            offset_from: t.span.start as usize,
            offset_to: t.span.end as usize,
            position: t.position as usize,
            text: t.text,
            position_length: 1,
        })
        .collect()
}

impl tantivy::tokenizer::Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream {
        let layers = isnad_text::analyze(text, self.counts);
        ArabicTokenStream {
            tokens: to_tantivy(terms(&layers, self.form, &[])),
            next: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::NoCounts;
    use std::collections::HashMap;

    fn counts() -> HashMap<String, u32> {
        // Enough corpus evidence for the clitic segmenter to split و/ب before these words.
        [
            ("حكومه", 1000),
            ("مسوولين", 50),
            ("مسؤولين", 50),
            ("سعوديه", 500),
            ("عادل", 500),
        ]
        .into_iter()
        .map(|(w, c)| (w.to_owned(), c))
        .collect()
    }

    fn texts(text: &str, form: TermForm, names: &[Span]) -> Vec<String> {
        let layers = isnad_text::analyze(text, &counts());
        terms(&layers, form, names)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn exact_terms_drop_clitics_diacritics_and_punctuation() {
        assert_eq!(
            texts(
                "والحكومةُ، بالحكومة: @Fathi_Bashagha ٢٠٢٠ #ليبيا https://t.co/x",
                TermForm::Exact,
                &[]
            ),
            vec!["حكومه", "حكومه", "@fathi_bashagha", "2020", "ليبيا"]
        );
    }

    #[test]
    fn stem_terms_conflate_inflections() {
        assert_eq!(
            texts("المسؤولين السعودية السعوديون حكومات", TermForm::Stem, &[]),
            vec!["مسوول", "سعود", "سعود", "حكوم"]
        );
    }

    #[test]
    fn stemmer_keeps_three_letters_and_leaves_other_scripts() {
        assert_eq!(light_stem("بنات"), "بنات");
        assert_eq!(light_stem("لبنان"), "لبن");
        assert_eq!(light_stem("reuters"), "reuters");
        assert_eq!(light_stem("2020"), "2020");
    }

    #[test]
    fn names_are_never_stemmed() {
        let text = "زار لبنان أمس";
        let start = text.find("لبنان").unwrap();
        let lebanon = Span::new(start, start + "لبنان".len());
        assert_eq!(texts(text, TermForm::Stem, &[]), vec!["زار", "لبن", "امس"]);
        assert_eq!(
            texts(text, TermForm::Stem, &[lebanon]),
            vec!["زار", "لبنان", "امس"]
        );
    }

    #[test]
    fn terms_keep_original_spans_and_positions() {
        let text = "قالَ الرئيسُ: «سنعمل»";
        let layers = isnad_text::analyze(text, &NoCounts);
        let t = terms(&layers, TermForm::Exact, &[]);
        let spans: Vec<&str> = t.iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(spans, vec!["قالَ", "الرئيسُ", "سنعمل"]);
        assert_eq!(
            t.iter().map(|t| t.position).collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
    }

    #[test]
    fn name_keys_ignore_clitics_and_spelling() {
        let c = counts();
        assert_eq!(name_key("عادل الجُبير", &c), name_key("وعادل الجبير", &c));
        assert_eq!(name_key("عادل الجبير", &c), "عادل جبير");
        assert_eq!(name_key("، ", &c), "");
    }

    #[test]
    fn tantivy_tokenizer_gives_the_same_terms() {
        use tantivy::tokenizer::{TokenStream, Tokenizer};
        static COUNTS: NoCounts = NoCounts;
        let mut tok = ArabicTokenizer::new(TermForm::Stem, &COUNTS);
        let text = "الحكومات السعودية";
        let mut stream = tok.token_stream(text);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            got.push((t.text.clone(), &text[t.offset_from..t.offset_to]));
        }
        assert_eq!(
            got,
            vec![
                ("حكوم".to_owned(), "الحكومات"),
                ("سعود".to_owned(), "السعودية")
            ]
        );
    }
}
