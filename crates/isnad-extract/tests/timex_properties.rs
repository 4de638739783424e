//! Property tests of the timex stage: on any text made of temporal words, numbers,
//! clitics, diacritics and punctuation, it never panics, and its spans are sorted,
//! disjoint slices of the original text on character boundaries, with a value.

use isnad_doc::{Doc, DocMeta, NaiveDate, Stage};
use isnad_extract::timex::TimexStage;
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    let words = vec![
        "اليوم",
        "أمس",
        "الأمس",
        "غدا",
        "بعد",
        "غد",
        "أول",
        "من",
        "يوم",
        "الثلاثاء",
        "الاثنين",
        "الجمعة",
        "الماضي",
        "المقبل",
        "الجاري",
        "شهر",
        "يونيو",
        "حزيران",
        "جوان",
        "مارس",
        "آب",
        "رمضان",
        "ذو",
        "القعدة",
        "عام",
        "العام",
        "سنة",
        "القرن",
        "التاسع",
        "عشر",
        "الستينيات",
        "الساعة",
        "الثامنة",
        "مساء",
        "صباح",
        "كل",
        "عامين",
        "يوميا",
        "قبل",
        "منذ",
        "ثلاثة",
        "وسبعين",
        "أيام",
        "عاما",
        "الأسبوع",
        "هذا",
        "الصيف",
        "حاليا",
        "مؤخرا",
        "نهاية",
        "أكثر",
        "هـ",
        "م",
        "June",
        "May",
        "و",
        "ب",
        "لل",
        "ال",
        "قال",
        "الوزير",
        "سيعقد",
        "سوف",
    ];
    prop_oneof![
        6 => prop::sample::select(words).prop_map(str::to_owned),
        2 => (0u32..3000).prop_map(|n| n.to_string()),
        1 => (0u32..40).prop_map(|n| n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0x660).unwrap())
            .collect()),
        2 => prop::sample::select(vec![
            " ", " ", " ", "/", "-", ".", ":", "،", ",", "\n", "(", ")", "\u{64e}", "\u{640}",
            "\u{200f}",
        ])
        .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_are_sorted_disjoint_slices(t in text(), anchored in any::<bool>()) {
        let meta = DocMeta {
            published: anchored.then(|| NaiveDate::from_ymd_opt(2020, 6, 23).unwrap()),
            ..DocMeta::default()
        };
        let Ok(mut doc) = Doc::new(meta, t.clone(), isnad_resources::word_counts()) else {
            return Ok(());
        };
        TimexStage.annotate(&mut doc);
        let mut last_end = 0;
        for x in &doc.timex {
            prop_assert!(x.span.start < x.span.end);
            prop_assert!(x.span.start >= last_end);
            prop_assert!((x.span.end as usize) <= t.len());
            prop_assert!(t.is_char_boundary(x.span.start as usize));
            prop_assert!(t.is_char_boundary(x.span.end as usize));
            prop_assert!(!x.value.is_empty());
            last_end = x.span.end;
        }
    }
}
