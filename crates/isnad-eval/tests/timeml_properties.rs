//! Property tests of the TimeML reader: it never panics, and every span it returns is a
//! slice of the text it returns, on character boundaries.

use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015-12-24\">",
            "</TIMEX3>",
            "<TIMEX3 value='P3Y' type='DURATION'>",
            "<EVENT eid=\"e1\">",
            "</EVENT>",
            "<TimeML>",
            "</TimeML>",
            "<DCT>",
            "</DCT>",
            "<TIMEX3 value=\"2020-06-23\" functionInDocument=\"CREATION_TIME\"/>",
            "&amp;",
            "&#x627;",
            "&bogus;",
            "<",
            ">",
        ])
        .prop_map(str::to_owned),
        4 => "[ابتثجحخ 0-9a-z\n.،]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_slices_of_the_text(parts in prop::collection::vec(piece(), 0..30)) {
        let xml = parts.concat();
        if let Ok(doc) = isnad_eval::timeml::parse(&xml) {
            for t in &doc.timex {
                prop_assert!(t.span.start <= t.span.end && t.span.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(t.span.start));
                prop_assert!(doc.text.is_char_boundary(t.span.end));
            }
            prop_assert!(!doc.text.contains("<TIMEX3"));
        }
    }
}
