//! Properties of the analyzer, the query parser and snippets on arbitrary text: spans are
//! spans of the original text, a term is the same whether its word is analysed in its
//! text or alone, snippets hold their highlights, and no input makes them panic.

use isnad_search::{parse, snippet, terms, TermForm};
use isnad_text::NoCounts;
use proptest::prelude::*;

/// Text made of what Arabic news is made of: letters, harakat, tatweel, hamza forms,
/// clitics, digits, Latin, punctuation, quotes, handles, spaces and line breaks.
fn news_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ال",
        "و",
        "ب",
        "ل",
        "حكومة",
        "الرئيس",
        "قال",
        "إن",
        "مسؤول",
        "ين",
        "ات",
        "ة",
        "ى",
        "ئ",
        "ؤ",
        "ء",
        "\u{064E}",
        "\u{0651}",
        "\u{0640}",
        "أ",
        "إ",
        "آ",
        "٢٠٢٠",
        "12",
        "Reuters",
        "@user_1",
        "#وسم",
        "«",
        "»",
        "\"",
        "،",
        ".",
        ":",
        " ",
        " ",
        " ",
        "\n",
        "\u{200F}",
        "ﻻ",
        "é",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn term_spans_are_original_spans_in_order(text in news_text()) {
        let layers = isnad_text::analyze(&text, &NoCounts);
        for form in [TermForm::Exact, TermForm::Stem] {
            let ts = terms(&layers, form, &[]);
            let mut end = 0;
            for (i, t) in ts.iter().enumerate() {
                prop_assert!(t.span.start as usize >= end);
                prop_assert!(t.span.start < t.span.end);
                prop_assert!(text.is_char_boundary(t.span.start as usize));
                prop_assert!(text.is_char_boundary(t.span.end as usize));
                prop_assert_eq!(t.position as usize, i);
                prop_assert!(!t.text.is_empty());
                end = t.span.end as usize;
            }
        }
    }

    #[test]
    fn stem_terms_are_never_longer_than_exact_terms(text in news_text()) {
        let layers = isnad_text::analyze(&text, &NoCounts);
        let exact = terms(&layers, TermForm::Exact, &[]);
        let stem = terms(&layers, TermForm::Stem, &[]);
        prop_assert_eq!(exact.len(), stem.len());
        for (e, s) in exact.iter().zip(&stem) {
            prop_assert_eq!(e.span, s.span);
            prop_assert!(s.text.chars().count() <= e.text.chars().count());
        }
    }

    #[test]
    fn queries_and_snippets_never_panic_and_stay_inside(text in news_text(), query in news_text()) {
        let layers = isnad_text::analyze(&text, &NoCounts);
        let q = parse(&query, &NoCounts, &mut |k| k.len() % 3 == 0);
        if let Some(s) = snippet(&layers, &q, 12) {
            prop_assert!(s.span.start <= s.span.end && s.span.end as usize <= text.len());
            let mut at = s.span.start;
            for h in &s.highlights {
                prop_assert!(h.start >= at && h.end <= s.span.end);
                at = h.end;
            }
        }
    }
}
