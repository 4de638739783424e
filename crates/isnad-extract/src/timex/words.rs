//! The words temporal expressions are made of, in the engine's normalized spelling
//! (`isnad_text::normalize`: أ إ آ → ا, ى → ي, ة → ه, no diacritics): deictic days,
//! direction modifiers, units, number words and ordinals. Month and weekday names come
//! from the shipped calendar (`isnad_resources::calendar`).
//!
//! Every literal here is written already normalized; a test checks that normalizing it
//! changes nothing, so a misspelt table entry cannot silently never match.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Which way an expression points from its anchor, when a word says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    /// "الماضي", "المنصرم", "الفائت": strictly before the anchor.
    Past,
    /// "المقبل", "القادم": strictly after the anchor.
    Future,
    /// "الجاري", "الحالي", "هذا": the anchor's own period.
    Current,
    /// No word says: the tense of the sentence decides.
    Unmarked,
}

/// Direction modifiers that follow a period or a date ("الشهر الماضي", "يونيو المقبل").
pub const DIRECTION_WORDS: &[(&str, Dir)] = &[
    ("الماضي", Dir::Past),
    ("الماضيه", Dir::Past),
    ("المنصرم", Dir::Past),
    ("المنصرمه", Dir::Past),
    ("الفائت", Dir::Past),
    ("الفائته", Dir::Past),
    ("المقبل", Dir::Future),
    ("المقبله", Dir::Future),
    ("القادم", Dir::Future),
    ("القادمه", Dir::Future),
    ("الجاري", Dir::Current),
    ("الجاريه", Dir::Current),
    ("الحالي", Dir::Current),
    ("الحاليه", Dir::Current),
];

/// The direction a modifier word gives.
pub fn direction(word: &str) -> Option<Dir> {
    DIRECTION_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, d)| *d)
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// The ISO 8601 / TIMEX3 duration designator, and whether it belongs after `T`.
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Month => ("M", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// The grammatical form a unit word is written in: it decides whether the word alone is a
/// duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitForm {
    /// Singular ("يوم", "ساعه"): a duration only with a number or a cue ("لمده يوم").
    Singular,
    /// Indefinite accusative ("يوما", "عاما"): adverbial, a duration of one unit by itself
    /// ("لم تر السعاده يوما"), or the counted noun after a number ("26 عاما").
    Accusative,
    /// Plural ("ايام", "سنوات"): a duration with a number ("ثلاثه ايام").
    Plural,
    /// Dual ("يومين", "عامين"): a duration of two units by itself.
    Dual,
}

/// Unit words (without the article).
pub const UNIT_WORDS: &[(&str, Unit, UnitForm)] = &[
    ("ثانيه", Unit::Second, UnitForm::Singular),
    ("ثوان", Unit::Second, UnitForm::Plural),
    ("ثواني", Unit::Second, UnitForm::Plural),
    ("ثانيتين", Unit::Second, UnitForm::Dual),
    ("دقيقه", Unit::Minute, UnitForm::Singular),
    ("دقائق", Unit::Minute, UnitForm::Plural),
    ("دقيقتين", Unit::Minute, UnitForm::Dual),
    ("دقيقتان", Unit::Minute, UnitForm::Dual),
    ("ساعه", Unit::Hour, UnitForm::Singular),
    ("ساعات", Unit::Hour, UnitForm::Plural),
    ("ساعتين", Unit::Hour, UnitForm::Dual),
    ("ساعتان", Unit::Hour, UnitForm::Dual),
    ("يوم", Unit::Day, UnitForm::Singular),
    ("يوما", Unit::Day, UnitForm::Accusative),
    ("ايام", Unit::Day, UnitForm::Plural),
    ("يومين", Unit::Day, UnitForm::Dual),
    ("يومان", Unit::Day, UnitForm::Dual),
    ("اسبوع", Unit::Week, UnitForm::Singular),
    ("اسبوعا", Unit::Week, UnitForm::Accusative),
    ("اسابيع", Unit::Week, UnitForm::Plural),
    ("اسبوعين", Unit::Week, UnitForm::Dual),
    ("اسبوعان", Unit::Week, UnitForm::Dual),
    ("شهر", Unit::Month, UnitForm::Singular),
    ("شهرا", Unit::Month, UnitForm::Accusative),
    ("اشهر", Unit::Month, UnitForm::Plural),
    ("شهور", Unit::Month, UnitForm::Plural),
    ("شهرين", Unit::Month, UnitForm::Dual),
    ("شهران", Unit::Month, UnitForm::Dual),
    ("سنه", Unit::Year, UnitForm::Singular),
    ("سنوات", Unit::Year, UnitForm::Plural),
    ("سنين", Unit::Year, UnitForm::Plural),
    ("سنتين", Unit::Year, UnitForm::Dual),
    ("سنتان", Unit::Year, UnitForm::Dual),
    ("عام", Unit::Year, UnitForm::Singular),
    ("عاما", Unit::Year, UnitForm::Accusative),
    ("اعوام", Unit::Year, UnitForm::Plural),
    ("عامين", Unit::Year, UnitForm::Dual),
    ("عامان", Unit::Year, UnitForm::Dual),
    ("عقد", Unit::Decade, UnitForm::Singular),
    ("عقدا", Unit::Decade, UnitForm::Accusative),
    ("عقود", Unit::Decade, UnitForm::Plural),
    ("عقدين", Unit::Decade, UnitForm::Dual),
    ("قرن", Unit::Century, UnitForm::Singular),
    ("قرنا", Unit::Century, UnitForm::Accusative),
    ("قرون", Unit::Century, UnitForm::Plural),
    ("قرنين", Unit::Century, UnitForm::Dual),
];

/// The unit a word names (article allowed).
pub fn unit(word: &str) -> Option<(Unit, UnitForm)> {
    let bare = word.strip_prefix("ال").unwrap_or(word);
    UNIT_WORDS
        .iter()
        .find(|(w, _, _)| *w == bare)
        .map(|(_, u, f)| (*u, *f))
}

/// Cardinal number words (masculine and feminine forms, nominative and oblique).
const CARDINALS: &[(&str, i64)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
    ("مائه", 100),
    ("مئه", 100),
    ("مائتين", 200),
    ("مئتين", 200),
    ("مائتان", 200),
    ("مئتان", 200),
    ("الف", 1000),
    ("الفين", 2000),
    ("الفان", 2000),
];

/// The value of one cardinal number word.
pub fn cardinal(word: &str) -> Option<i64> {
    CARDINALS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// "احد عشر", "اثنا عشر", "ثلاثه عشر": the first word of a number from 11 to 19 (the
/// second is عشر or عشره).
pub fn teen_head(word: &str) -> Option<i64> {
    match word {
        "احد" | "احدي" => Some(1),
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => Some(2),
        _ => cardinal(word).filter(|n| (3..=9).contains(n)),
    }
}

/// Ordinal words with the article ("الاول", "الثامن", "العشرين"), as used for days of the
/// month, centuries and hours. Feminine forms are included (الثامنه for hours).
const ORDINALS: &[(&str, i64)] = &[
    ("الاول", 1),
    ("الاولي", 1),
    ("الواحده", 1),
    ("الحادي", 1),
    ("الحاديه", 1),
    ("الثاني", 2),
    ("الثانيه", 2),
    ("الثالث", 3),
    ("الثالثه", 3),
    ("الرابع", 4),
    ("الرابعه", 4),
    ("الخامس", 5),
    ("الخامسه", 5),
    ("السادس", 6),
    ("السادسه", 6),
    ("السابع", 7),
    ("السابعه", 7),
    ("الثامن", 8),
    ("الثامنه", 8),
    ("التاسع", 9),
    ("التاسعه", 9),
    ("العاشر", 10),
    ("العاشره", 10),
    ("العشرين", 20),
    ("العشرون", 20),
    ("الثلاثين", 30),
    ("الثلاثون", 30),
];

/// The value of an ordinal word with the article.
pub fn ordinal(word: &str) -> Option<i64> {
    ORDINALS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// Decade nouns ("الستينيات", also "الستينات"), by the tens digit.
const DECADES: &[(&str, i64)] = &[
    ("العشرينيات", 2),
    ("العشرينات", 2),
    ("الثلاثينيات", 3),
    ("الثلاثينات", 3),
    ("الاربعينيات", 4),
    ("الاربعينات", 4),
    ("الخمسينيات", 5),
    ("الخمسينات", 5),
    ("الستينيات", 6),
    ("الستينات", 6),
    ("السبعينيات", 7),
    ("السبعينات", 7),
    ("الثمانينيات", 8),
    ("الثمانينات", 8),
    ("التسعينيات", 9),
    ("التسعينات", 9),
];

/// The tens digit of a decade noun.
pub fn decade(word: &str) -> Option<i64> {
    DECADES.iter().find(|(w, _)| *w == word).map(|(_, n)| *n)
}

/// Parts of the day, with their TIMEX3 codes. Words in construct ("صباح اليوم", "مساء
/// الاحد") and adverbial forms ("صباحا", "مساء" after a clock time).
pub const DAY_PARTS: &[(&str, &str)] = &[
    ("صباح", "MO"),
    ("صباحا", "MO"),
    ("فجر", "MO"),
    ("فجرا", "MO"),
    ("ظهر", "MI"),
    ("ظهرا", "MI"),
    ("عصر", "AF"),
    ("عصرا", "AF"),
    ("مساء", "NI"),
    ("ليله", "NI"),
    ("ليلا", "NI"),
];

/// The TIMEX3 code of a part of the day. "مساء" covers both evening and night in Arabic
/// news usage; it is written `NI`, as in the timeml-ar annotations.
pub fn day_part(word: &str) -> Option<&'static str> {
    DAY_PARTS.iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
}

/// Seasons and their TIMEX3 codes, without the article.
pub const SEASONS: &[(&str, &str)] = &[
    ("صيف", "SU"),
    ("صيفا", "SU"),
    ("شتاء", "WI"),
    ("ربيع", "SP"),
    ("خريف", "FA"),
];

/// Edge words that narrow a period to its start, middle or end and stay in the span
/// ("اوائل شهر مارس", "نهايه الاسبوع", "اواخر القرن التاسع عشر").
pub const EDGE_WORDS: &[&str] = &[
    "اوائل",
    "اواخر",
    "اواسط",
    "مطلع",
    "منتصف",
    "نهايه",
    "بدايه",
    "اول",
    "اخر",
    "اخير",
];

/// Words that, said right before a bare month name, make it a month ("في يونيو").
pub const MONTH_CUES: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "خلال",
    "شهر",
    "اشهر",
    "شهري",
    "قبل",
    "بعد",
    "اوائل",
    "اواخر",
    "اواسط",
    "مطلع",
    "منتصف",
    "نهايه",
    "بدايه",
    "من",
    "الي",
    "طيله",
    "طوال",
];

/// Words that, said right before a bare four-digit number, make it a year.
pub const YEAR_CUES: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "عام",
    "العام",
    "عامي",
    "سنه",
    "السنه",
    "خلال",
    "قبل",
    "بعد",
    "مطلع",
    "نهايه",
    "بدايه",
    "منتصف",
    "اوائل",
    "اواخر",
    "الي",
    "من",
    "مواليد",
    "صيف",
    "شتاء",
    "ربيع",
    "خريف",
    "انتخابات",
    "حرب",
    "ثوره",
    "دستور",
    "موسم",
];

/// Words that make a following number a quantity, not a year ("نحو 2000 شخص").
pub const QUANTITY_CUES: &[&str] = &[
    "نحو",
    "حوالي",
    "قرابه",
    "زهاء",
    "اكثر",
    "اقل",
    "مجموع",
    "عدد",
    "بلغ",
    "بلغت",
    "رقم",
];

/// Future markers: words that put a clause in the future.
pub const FUTURE_MARKERS: &[&str] = &[
    "سوف",
    "لن",
    "المقرر",
    "المزمع",
    "المرتقب",
    "المنتظر",
    "المتوقع",
    "يعتزم",
    "تعتزم",
    "يعتزمون",
    "ينتظر",
    "تنتظر",
    "يرتقب",
    "غدا",
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
];

/// References to the present, the past and the future that have no calendar value.
pub const PRESENT_REF: &[&[&str]] = &[
    &["الان"],
    &["حاليا"],
    &["راهنا"],
    &["الوقت", "الحالي"],
    &["الوقت", "الراهن"],
    &["الوقت", "الحاضر"],
    &["هذه", "الايام"],
    &["الفتره", "الحاليه"],
    &["المرحله", "الحاليه"],
];

/// See [`PRESENT_REF`].
pub const PAST_REF: &[&[&str]] = &[
    &["مؤخرا"],
    &["سابقا"],
    &["في", "السابق"],
    &["في", "الماضي"],
    &["انذاك"],
    &["حينذاك"],
    &["وقتذاك"],
    &["قديما"],
];

/// See [`PRESENT_REF`].
pub const FUTURE_REF: &[&[&str]] = &[
    &["قريبا"],
    &["مستقبلا"],
    &["في", "المستقبل"],
    &["المستقبل", "القريب"],
];

/// Plural period nouns that, with a past or future adjective and no number, refer to an
/// unspecified past or future ("الايام الماضيه", "السنوات المقبله").
pub const PLURAL_PERIODS: &[&str] = &[
    "الايام",
    "الاسابيع",
    "الاشهر",
    "الشهور",
    "السنوات",
    "الاعوام",
    "السنين",
    "العقود",
];

/// Adjectives of [`PLURAL_PERIODS`]: past ones.
/// ("الاخيره", "the last few", is left out: the timeml-ar dev annotations never mark
/// "السنوات الاخيره" as a reference to the past.)
pub const PLURAL_PAST: &[&str] = &[
    "الماضيه",
    "الفائته",
    "المنصرمه",
    "السابقه",
    "الماضيين",
    "الماضيتين",
];

/// Adjectives of [`PLURAL_PERIODS`]: future ones.
pub const PLURAL_FUTURE: &[&str] = &["المقبله", "القادمه", "اللاحقه", "المقبلين", "القادمين"];

/// Adverbs and adjectives of frequency: `(word, unit)`.
pub const FREQUENCY_WORDS: &[(&str, Unit)] = &[
    ("يوميا", Unit::Day),
    ("اليوميه", Unit::Day),
    ("اليومي", Unit::Day),
    ("اسبوعيا", Unit::Week),
    ("الاسبوعيه", Unit::Week),
    ("الاسبوعي", Unit::Week),
    ("شهريا", Unit::Month),
    ("الشهريه", Unit::Month),
    ("الشهري", Unit::Month),
    ("سنويا", Unit::Year),
    ("السنويه", Unit::Year),
    ("السنوي", Unit::Year),
    ("سنويه", Unit::Year),
];

/// Every word the scanner looks for at the start of an expression: a word written with a
/// conjunction or preposition glued to it ("وامس", "بالامس", "للاسبوع") is matched without
/// it only when what remains is one of these (or a month or weekday name).
pub static VOCABULARY: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut v: FxHashSet<&'static str> = FxHashSet::default();
    v.extend([
        "اليوم",
        "امس",
        "الامس",
        "البارحه",
        "غدا",
        "الغد",
        "غد",
        "بعد",
        "قبل",
        "منذ",
        "اول",
        "يوم",
        "الليله",
        "هذا",
        "هذه",
        "الاسبوع",
        "الشهر",
        "العام",
        "السنه",
        "عام",
        "سنه",
        "القرن",
        "كل",
        "الساعه",
        "لمده",
        "مده",
        "طوال",
        "طيله",
        "خلال",
        "ربع",
        "نصف",
        "عده",
        "بضعه",
        "بضع",
        "اكثر",
        "اقل",
        "الصيف",
        "الشتاء",
        "الربيع",
        "الخريف",
        "فصل",
        "موسم",
        "المستقبل",
        "الماضي",
        "السابق",
        "الوقت",
        "احد",
        "احدي",
        "اثنا",
        "اثني",
        "اثنتا",
        "اثنتي",
    ]);
    v.extend(EDGE_WORDS);
    v.extend(PLURAL_PERIODS);
    v.extend(DAY_PARTS.iter().map(|(w, _)| *w));
    v.extend(SEASONS.iter().map(|(w, _)| *w));
    v.extend(UNIT_WORDS.iter().map(|(w, _, _)| *w));
    v.extend(ORDINALS.iter().map(|(w, _)| *w));
    v.insert("شهري");
    v.extend(CARDINALS.iter().map(|(w, _)| *w));
    v.extend(DECADES.iter().map(|(w, _)| *w));
    v.extend(FREQUENCY_WORDS.iter().map(|(w, _)| *w));
    for list in [PRESENT_REF, PAST_REF, FUTURE_REF] {
        v.extend(list.iter().map(|p| p[0]));
    }
    let mut words: FxHashSet<String> = v.iter().map(|w| (*w).to_owned()).collect();
    // Unit words with the article: "العامين", "الساعتين".
    words.extend(UNIT_WORDS.iter().map(|(w, _, _)| format!("ال{w}")));
    words
});

#[cfg(test)]
mod tests {
    use super::*;

    fn all_literals() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        out.extend(DIRECTION_WORDS.iter().map(|(w, _)| *w));
        out.extend(UNIT_WORDS.iter().map(|(w, _, _)| *w));
        out.extend(CARDINALS.iter().map(|(w, _)| *w));
        out.extend(ORDINALS.iter().map(|(w, _)| *w));
        out.extend(DECADES.iter().map(|(w, _)| *w));
        out.extend(DAY_PARTS.iter().map(|(w, _)| *w));
        out.extend(SEASONS.iter().map(|(w, _)| *w));
        out.extend(FREQUENCY_WORDS.iter().map(|(w, _)| *w));
        for list in [
            EDGE_WORDS,
            MONTH_CUES,
            YEAR_CUES,
            QUANTITY_CUES,
            FUTURE_MARKERS,
            PLURAL_PERIODS,
            PLURAL_PAST,
            PLURAL_FUTURE,
        ] {
            out.extend(list.iter().copied());
        }
        for list in [PRESENT_REF, PAST_REF, FUTURE_REF] {
            out.extend(list.iter().flat_map(|p| p.iter().copied()));
        }
        out.extend(VOCABULARY.iter().map(String::as_str));
        out
    }

    #[test]
    fn every_literal_is_normalized() {
        for w in all_literals() {
            assert_eq!(isnad_text::normalize(w), w, "{w} is not in normalized form");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(unit("العامين"), Some((Unit::Year, UnitForm::Dual)));
        assert_eq!(unit("ساعات"), Some((Unit::Hour, UnitForm::Plural)));
        assert_eq!(cardinal("ثمانيه"), Some(8));
        assert_eq!(teen_head("احدي"), Some(1));
        assert_eq!(ordinal("التاسع"), Some(9));
        assert_eq!(decade("الستينيات"), Some(6));
        assert_eq!(direction("المقبله"), Some(Dir::Future));
        assert_eq!(day_part("مساء"), Some("NI"));
    }
}
