//! One line per case: a text, a publication date, the expressions and values expected.

use super::*;
use isnad_doc::{DocMeta, PublishedSource};

fn doc(text: &str, published: Option<&str>) -> Doc {
    let meta = DocMeta {
        published: published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        published_source: if published.is_some() {
            PublishedSource::Given
        } else {
            PublishedSource::Unknown
        },
        ..DocMeta::default()
    };
    let mut d = Doc::new(meta, text.to_owned(), isnad_resources::word_counts()).unwrap();
    TimexStage.annotate(&mut d);
    d
}

/// The expressions of `text` as `(text, value)` pairs.
#[track_caller]
fn check(text: &str, published: Option<&str>, expected: &[(&str, &str)]) {
    let d = doc(text, published);
    let got: Vec<(&str, &str)> = d
        .timex
        .iter()
        .map(|t| (d.slice(t.span), t.value.as_str()))
        .collect();
    assert_eq!(got, expected, "in {text:?}");
}

#[test]
fn seed_sentences() {
    let p = Some("2020-06-23");
    check(
        "قال وزير الداخلية الليبي فتحي باشاغا، الثلاثاء، إن الهزيمة العسكرية زادت التوافق.",
        p,
        &[("الثلاثاء", "2020-06-23")],
    );
    check(
        "واجتمع يوم الاثنين، السراج وتاونسند ونورلاند، في مدينة زوارة الساحلية.",
        p,
        &[("يوم الاثنين", "2020-06-22")],
    );
    check(
        "— وزير الداخلية الليبي (@fathi_bashagha) June 23, 2020",
        p,
        &[("June 23, 2020", "2020-06-23")],
    );
}

#[test]
fn weekdays_and_tense() {
    let p = Some("2020-06-23"); // a Tuesday
    check(
        "وسيعقد المجلس جلسته يوم الخميس.",
        p,
        &[("يوم الخميس", "2020-06-25")],
    );
    check("وعقد المجلس جلسته الخميس.", p, &[("الخميس", "2020-06-18")]);
    check(
        "التقى الوزير نظيره الخميس الماضي.",
        p,
        &[("الخميس الماضي", "2020-06-18")],
    );
    check(
        "ومن المقرر أن يصل الوفد الثلاثاء المقبل.",
        p,
        &[("الثلاثاء المقبل", "2020-06-30")],
    );
    check(
        "وغادر الوفد أمس الاثنين إلى القاهرة.",
        p,
        &[("أمس الاثنين", "2020-06-22")],
    );
    check("صلاة الجمعة في المسجد.", p, &[]);
    check("الفرق بين الاثنين كبير.", p, &[]);
    check("وهو أحد أبرز القادة.", p, &[]);
}

#[test]
fn deictic_days() {
    let p = Some("2015-12-24");
    check(
        "يغادر اليوم الوفد وعاد أمس وسيصل غدا وبعد غد.",
        p,
        &[
            ("اليوم", "2015-12-24"),
            ("أمس", "2015-12-23"),
            ("غدا", "2015-12-25"),
            ("بعد غد", "2015-12-26"),
        ],
    );
    check(
        "الندوة التي نظمها أمس الأول وفي اليوم التالي.",
        p,
        &[("أمس الأول", "2015-12-22"), ("اليوم التالي", "2015-12-25")],
    );
    check("أقيمت مساء أمس ندوة.", p, &[("مساء أمس", "2015-12-23TNI")]);
    check("وفي ذلك اليوم لم تكن تملك خبرة.", p, &[]);
    check("باليوم العالمي للمسرح.", p, &[]);
    check("وبالأمس قال.", p, &[("الأمس", "2015-12-23")]);
}

#[test]
fn explicit_dates() {
    check(
        "وقع الاتفاق في 11 سبتمبر 2001 وفي ٢٣/٦/٢٠٢٠ و2020-06-23 ويوم 15.6.2020.",
        None,
        &[
            ("11 سبتمبر 2001", "2001-09-11"),
            ("٢٣/٦/٢٠٢٠", "2020-06-23"),
            ("2020-06-23", "2020-06-23"),
            ("15.6.2020", "2020-06-15"),
        ],
    );
    check(
        "في 23 حزيران/يونيو 2020 وفي 5 جوان 2019.",
        None,
        &[
            ("23 حزيران/يونيو 2020", "2020-06-23"),
            ("5 جوان 2019", "2019-06-05"),
        ],
    );
    check(
        "MORAD SAEED12 : 36 20 . 05 . 2017 قال مصدر",
        None,
        &[("20 . 05 . 2017", "2017-05-20")],
    );
    check(
        "الثلاثاء 23 يونيو 2020",
        None,
        &[("الثلاثاء 23 يونيو 2020", "2020-06-23")],
    );
    check(
        "حتى الثامن من مايو القادم.",
        Some("2015-12-24"),
        &[("الثامن من مايو القادم", "2016-05-08")],
    );
    check(
        "في 31 مارس من العام الماضي.",
        Some("2015-12-24"),
        &[("31 مارس من العام الماضي", "2014-03-31")],
    );
    check(
        "يومي 10 و 11 ابريل الجاري.",
        Some("2015-04-02"),
        &[("10", "2015-04-10"), ("11 ابريل الجاري", "2015-04-11")],
    );
}

#[test]
fn months_and_years() {
    let p = Some("2015-12-24");
    check(
        "في يونيو القادم وفي نوفمبر الماضي وفي سبتمبر 2001.",
        p,
        &[
            ("يونيو القادم", "2016-06"),
            ("نوفمبر الماضي", "2015-11"),
            ("سبتمبر 2001", "2001-09"),
        ],
    );
    check(
        "اوائل شهر مارس الماضي",
        p,
        &[("اوائل شهر مارس الماضي", "2015-03")],
    );
    check(
        "في عام 2003 وفي 2002م وتوفي في 1970 وتحتل تونس (1881) عامي 2002 و2003.",
        p,
        &[
            ("عام 2003", "2003"),
            ("2002م", "2002"),
            ("1970", "1970"),
            ("1881", "1881"),
            ("2002", "2002"),
            ("2003", "2003"),
        ],
    );
    check("وصل نحو 2000 شخص.", p, &[]);
    check("شركاء اب الطفل.", p, &[]);
    check("مارس الضغط على الحكومة.", p, &[]);
    check(
        "الأسبوع المقبل والشهر الماضي والعام الجاري وهذا الأسبوع.",
        p,
        &[
            ("الأسبوع المقبل", "2015-W53"),
            ("الشهر الماضي", "2015-11"),
            ("العام الجاري", "2015"),
            ("هذا الأسبوع", "2015-W52"),
        ],
    );
    check("قال الأمين العام للأمم المتحدة.", p, &[]);
}

#[test]
fn hijri_dates() {
    check(
        "في 2 ذو القعدة 1441 هـ الموافق 23 يونيو 2020",
        None,
        &[
            ("2 ذو القعدة 1441 هـ", "2020-06-23"),
            ("23 يونيو 2020", "2020-06-23"),
        ],
    );
    check(
        "خلال شهر رمضان المبارك",
        Some("2020-06-23"),
        &[("شهر رمضان المبارك", "2020-05")],
    );
    check("التقى رجب طيب أردوغان.", Some("2020-06-23"), &[]);
    check("عام 1441 هـ", None, &[("عام 1441 هـ", "2020")]);
}

#[test]
fn durations_sets_centuries() {
    let p = Some("2015-12-24");
    check(
        "توفي عن ثمانية وسبعين عاما خلال 26 عاما ولمدة يوم وفي العامين الماضيين.",
        p,
        &[
            ("ثمانية وسبعين عاما", "P78Y"),
            ("26 عاما", "P26Y"),
            ("يوم", "P1D"),
            ("العامين الماضيين", "P2Y"),
        ],
    );
    check(
        "خلال السنوات الخمس الماضية وأكثر من 100 دقيقة وربع قرن.",
        p,
        &[
            ("السنوات الخمس الماضية", "P5Y"),
            ("أكثر من 100 دقيقة", "PT100M"),
            ("ربع قرن", "P25Y"),
        ],
    );
    check(
        "قبل خمسة وتسعين عاما وبعد 40 عاما وبعد اسبوع على الحادث.",
        p,
        &[
            ("قبل خمسة وتسعين عاما", "1920"),
            ("بعد 40 عاما", "2055"),
            ("بعد اسبوع", "P1W"),
        ],
    );
    check(
        "كل عامين وكل يوم سبت ويوميا.",
        p,
        &[
            ("كل عامين", "P2Y"),
            ("كل يوم سبت", "XXXX-WXX-6"),
            ("يوميا", "P1D"),
        ],
    );
    check(
        "في القرن التاسع عشر وأواخر القرن العشرين والقرن الماضي والستينيات.",
        p,
        &[
            ("القرن التاسع عشر", "18"),
            ("أواخر القرن العشرين", "19"),
            ("القرن الماضي", "19"),
            ("الستينيات", "196"),
        ],
    );
    check(
        "حاليا والآن ومؤخرا وقريبا وفي الأيام الماضية.",
        p,
        &[
            ("حاليا", "PRESENT_REF"),
            ("الآن", "PRESENT_REF"),
            ("مؤخرا", "PAST_REF"),
            ("قريبا", "FUTURE_REF"),
            ("الأيام الماضية", "PAST_REF"),
        ],
    );
    check(
        "الصيف الماضي وصيف 2014 والربيع العربي.",
        p,
        &[("الصيف الماضي", "2015-SU"), ("صيف 2014", "2014-SU")],
    );
}

#[test]
fn clock_times_take_their_day() {
    check(
        "في تمام الساعة الثامنة من مساء الأحد القادم.",
        Some("2015-12-24"),
        &[
            ("الساعة الثامنة", "2015-12-27T08:00"),
            ("مساء الأحد القادم", "2015-12-27TNI"),
        ],
    );
    check(
        "الساعة 10:30 صباحا",
        None,
        &[("الساعة 10:30 صباحا", "XXXX-XX-XXT10:30")],
    );
}

#[test]
fn without_publication_date_values_are_underspecified() {
    check(
        "قال الوزير الثلاثاء إن الاجتماع عقد أمس في 23 يونيو.",
        None,
        &[
            ("الثلاثاء", "XXXX-WXX-2"),
            ("أمس", "XXXX-XX-XX"),
            ("23 يونيو", "XXXX-06-23"),
        ],
    );
}

#[test]
fn sentence_dates_for_other_stages() {
    let text = "قال الوزير الثلاثاء إن \"الاجتماع عقد في 1 يونيو 2020\". وأضاف أن الوضع مستقر.";
    let d = doc(text, Some("2020-06-23"));
    let quote_start = text.find("الاجتماع").unwrap();
    let quote_end = text.find("2020").unwrap() + 4;
    let quote = Span::new(quote_start, quote_end);
    // The date inside the quotation is not the date of the statement.
    assert_eq!(
        sentence_date(&d, quote),
        NaiveDate::from_ymd_opt(2020, 6, 23)
    );
    let second = text.find("وأضاف").unwrap();
    assert_eq!(sentence_date(&d, Span::new(second, second + 4)), None);
}

#[test]
fn spans_leave_glued_clitics_out_and_stay_on_char_boundaries() {
    let text = "وبالأمس وللأسبوع الماضي ووالخميس";
    let d = doc(text, Some("2020-06-23"));
    for t in &d.timex {
        assert!(text.is_char_boundary(t.span.start as usize));
        assert!(text.is_char_boundary(t.span.end as usize));
    }
    let got: Vec<&str> = d.timex.iter().map(|t| d.slice(t.span)).collect();
    assert_eq!(got, vec!["الأمس", "لأسبوع الماضي"]);
}

#[test]
fn statement_dates_come_from_the_reporting_clause() {
    let text = "قال ماديرا، الأربعاء، إن \"الأمم المتحدة ترحب بالدور\"، مؤكدا أن الاجتماع المقبل سيعقد يوم 15 مارس الجاري.";
    let d = doc(text, Some("2021-03-10"));
    let span_of = |s: &str| {
        let a = text.find(s).unwrap();
        Span::new(a, a + s.len())
    };
    let q1 = span_of("الأمم المتحدة ترحب بالدور");
    let q2 = span_of("الاجتماع المقبل سيعقد يوم 15 مارس الجاري");
    assert_eq!(
        statement_date(&d, span_of("قال"), q1),
        NaiveDate::from_ymd_opt(2021, 3, 10)
    );
    // "مؤكدا" continues the same statement, dated by its clause, not by the meeting.
    assert_eq!(
        statement_date(&d, span_of("مؤكدا"), q2),
        NaiveDate::from_ymd_opt(2021, 3, 10)
    );
    let text = "وأكد ماديرا أن الاجتماع المقبل سيعقد يوم 15 مارس الجاري.";
    let d = doc(text, Some("2021-03-10"));
    let a = text.find("الاجتماع").unwrap();
    let quote = Span::new(a, text.len() - 1);
    let v = text.find("وأكد").unwrap();
    assert_eq!(
        statement_date(&d, Span::new(v, v + "وأكد".len()), quote),
        None
    );
}
