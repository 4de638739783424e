//! Property tests: normalization is idempotent, offsets always map back to the original,
//! and every span of the text layers is a well-formed slice of the original.

use isnad_text::{analyze, normalize, NoCounts, Normalized, Span};
use proptest::prelude::*;

/// Characters that exercise the text layer: Arabic letters and variants, diacritics,
/// tatweel, digits of three systems, punctuation and quotes, spaces and controls,
/// presentation forms, Latin, emoji.
fn arabic_news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةٱپچژگکیڤ".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("\u{064B}\u{064E}\u{064F}\u{0650}\u{0651}\u{0652}\u{0670}\u{0640}".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲".chars().collect::<Vec<_>>()),
        3 => prop::sample::select(" \n\r\t .,:;!?،؛؟«»\"“”()[]-—…@#_/%٪٫".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("\u{200f}\u{200e}\u{200b}\u{200c}\u{feff}\u{a0}\u{202b}\u{2028}\u{0}\u{1b}".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("ﻻﻷﷲﷺﺑﺎﻟﻌﺮﺑﻴﺔ".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("abcXYZéÉßİﬁ😀中".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_news_char(), 0..200).prop_map(|v| v.into_iter().collect())
}

fn is_boundary_span(text: &str, span: Span) -> bool {
    span.start <= span.end
        && (span.end as usize) <= text.len()
        && text.is_char_boundary(span.start as usize)
        && text.is_char_boundary(span.end as usize)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalization_is_idempotent(s in text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
        let n = Normalized::new(&s);
        prop_assert_eq!(n.as_str(), once.as_str());
    }

    #[test]
    fn normalized_offsets_map_to_char_boundaries(s in text()) {
        let n = Normalized::new(&s);
        let norm = n.as_str();
        let bounds: Vec<usize> = norm.char_indices().map(|(i, _)| i).chain([norm.len()]).collect();
        for w in bounds.windows(2) {
            let span = n.to_original(Span::new(w[0], w[1]));
            prop_assert!(is_boundary_span(&s, span), "{:?} -> {:?}", w, span);
        }
        let whole = n.to_original(Span::new(0, norm.len()));
        prop_assert!(is_boundary_span(&s, whole));
        // Every original char boundary maps into the normalized text on a boundary.
        for (i, _) in s.char_indices() {
            let m = n.to_normalized(Span::new(i, i));
            prop_assert!(is_boundary_span(norm, m));
        }
        // Monotone: later normalized offsets never map to earlier original offsets.
        let mut last = 0;
        for &b in &bounds {
            let o = n.start_to_original(b as u32);
            prop_assert!(o >= last);
            last = o;
        }
    }

    #[test]
    fn text_layers_are_slices_of_the_original(s in text()) {
        let layers = analyze(&s, &NoCounts);
        let norm = layers.normalized.as_str();
        let mut prev_end = 0;
        for t in &layers.tokens {
            prop_assert!(is_boundary_span(&s, t.span));
            prop_assert!(is_boundary_span(norm, t.norm));
            prop_assert!(!t.norm.is_empty());
            prop_assert!(t.span.start >= prev_end, "tokens overlap or go backwards");
            prev_end = t.span.end;
            let pieces = layers.pieces(t);
            let mut at = t.span.start;
            for p in &pieces {
                prop_assert!(is_boundary_span(&s, p.span));
                prop_assert!(t.span.contains(p.span));
                prop_assert!(p.span.start >= at);
                at = p.span.end;
            }
        }
        for sent in &layers.sentences {
            prop_assert!(is_boundary_span(&s, sent.span));
            prop_assert!(sent.first_token < sent.end_token);
        }
        // Sentences partition the tokens of each paragraph.
        for p in &layers.paragraphs {
            prop_assert!(is_boundary_span(&s, p.span));
            let mut next = p.first_token;
            for sent in &layers.sentences[p.first_sentence as usize..p.end_sentence as usize] {
                prop_assert_eq!(sent.first_token, next);
                next = sent.end_token;
                prop_assert!(p.span.contains(sent.span));
            }
            prop_assert_eq!(next, p.end_token);
        }
    }

    #[test]
    fn a_token_normalizes_to_its_normalized_text(s in "[ا-ي\u{064E}\u{0640} .،«»٣0-9a-z]{0,80}") {
        let layers = analyze(&s, &NoCounts);
        for t in &layers.tokens {
            prop_assert_eq!(normalize(t.span.slice(&s)), layers.norm_text(t));
        }
    }
}
