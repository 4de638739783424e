//! Temporal expressions: finds them ([`scan`]), gives each a TIMEX3 type and ISO value
//! anchored at the publication date ([`TimexStage`]), and tells other stages the date of
//! a sentence ([`sentence_date`]).
//!
//! What is recognised (in the engine's normalized spelling, with Arabic-Indic digits):
//! - explicit dates: "23 يونيو 2020", "الثلاثاء 23 حزيران/يونيو 2020", "الثامن من مايو",
//!   "23/6/2020", "2020-06-23", the English dates of post signatures ("June 23, 2020"),
//!   Gregorian months in all Arabic naming traditions (يونيو / حزيران / جوان), years
//!   ("عام 2003", "2003م", "(1881)"), months with a year or a direction ("يونيو المقبل");
//! - Hijri dates ("15 رمضان 1441 هـ", "شهر رمضان", "1441 هـ"), converted with the Umm
//!   al-Qura calendar (`icu_calendar`);
//! - days relative to the publication date: اليوم, أمس, غدا, بعد غد, أول أمس, weekdays
//!   ("الثلاثاء", "يوم الاثنين", "الخميس الماضي"), parts of days ("مساء أمس"), weeks,
//!   months and years ("الأسبوع المقبل", "الشهر الماضي", "العام الجاري"), "قبل ثلاث
//!   سنوات";
//! - durations ("26 عاما", "ثلاثة أيام", "العامين الماضيين"), sets ("كل عامين", "يوميا"),
//!   centuries and decades ("القرن التاسع عشر", "الستينيات"), seasons, clock times, and
//!   `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` ("حاليا", "مؤخرا", "قريبا").
//!
//! Relative expressions are resolved with the tense of their clause: "الثلاثاء" in a
//! past-tense sentence of an article published on a Tuesday is that day, "يوم الاثنين"
//! the day before, "سيعقد يوم الخميس" the next Thursday; "الماضي"/"المقبل" are strict.
//! Without a publication date they get TIMEX3 underspecified values (`XXXX-WXX-2`,
//! `XXXX-06-23`, `XXXX-XX-XX`) rather than a guess (see [`resolve`]).

pub mod resolve;
pub mod scan;
pub mod words;

pub use resolve::{Meaning, Tense};
pub use scan::{scan, Found};

use chrono::NaiveDate;
use isnad_doc::{Doc, Layer, Span, Stage, Timex, TimexKind};

/// The temporal-expression stage. Runs after `publication`, whose date anchors relative
/// expressions.
#[derive(Debug, Default)]
pub struct TimexStage;

impl Stage for TimexStage {
    fn name(&self) -> &'static str {
        "timex"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Posts]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Timex]
    }
    fn annotate(&self, doc: &mut Doc) {
        let found = scan(doc);
        doc.timex = resolve_in(doc, &found);
    }
}

/// Values for the expressions found, anchored at `anchor`. A clock time next to a day
/// ("الساعه الثامنه من مساء الاحد") takes that day.
pub fn resolve_all(found: &[Found], anchor: Option<NaiveDate>) -> Vec<Timex> {
    resolve_with_gaps(found, anchor, |_| false)
}

/// [`resolve_all`] for a document: a clock time also takes the day that follows it after
/// the word "من".
pub fn resolve_in(doc: &Doc, found: &[Found]) -> Vec<Timex> {
    resolve_with_gaps(found, doc.meta.published, |j| {
        let t = found[j].tokens.start;
        t > 0 && doc.text_layers.norm_text(&doc.tokens()[t - 1]) == "من"
    })
}

fn resolve_with_gaps(
    found: &[Found],
    anchor: Option<NaiveDate>,
    gap_is_min: impl Fn(usize) -> bool,
) -> Vec<Timex> {
    let mut out: Vec<Timex> = found
        .iter()
        .filter_map(|f| {
            Some(Timex {
                span: f.span,
                value: resolve::value(&f.meaning, anchor, f.tense)?,
                kind: f.kind,
            })
        })
        .collect();
    // Clock times: the day right after ("الساعه الثامنه من مساء الاحد", with "من" or
    // nothing between) or right before ("يوم الاحد الساعه العاشره") gives the date.
    for k in 0..found.len() {
        let Meaning::Clock { hour, minute } = found[k].meaning else {
            continue;
        };
        let adjacent = |j: usize| -> Option<NaiveDate> {
            let (a, b) = (&found[k].tokens, &found[j].tokens);
            let touching = if j > k {
                b.start == a.end || (b.start == a.end + 1 && gap_is_min(j))
            } else {
                b.end == a.start
            };
            touching.then(|| day_of(&out[j].value)).flatten()
        };
        let day = [k + 1, k.wrapping_sub(1)]
            .into_iter()
            .filter(|&j| j < found.len())
            .find_map(adjacent);
        if let Some(d) = day {
            out[k].value = format!("{d}T{hour:02}:{minute:02}");
        }
    }
    out
}

/// The calendar day of a TIMEX3 value, when it names one (`2020-06-23`, `2020-06-23TNI`).
pub fn day_of(value: &str) -> Option<NaiveDate> {
    let head = value.get(..10)?;
    if value.len() > 10 && !value[10..].starts_with('T') {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The resolved date of the sentence containing `span`: the day named by the temporal
/// expression of that sentence nearest to `span` and outside it (a date inside a
/// quotation is what the speaker talks about, not when they spoke). `None` when the
/// sentence names no day; callers fall back to the publication date where that is right
/// (a statement reported with "اليوم" already resolves to it here).
pub fn sentence_date(doc: &Doc, span: Span) -> Option<NaiveDate> {
    let s = doc.sentences().get(doc.sentence_at(span.start)?)?.span;
    doc.timex
        .iter()
        .filter(|t| s.contains(t.span) && !span.contains(t.span))
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .filter_map(|t| Some((day_of(&t.value)?, t.span)))
        .min_by_key(|(_, ts)| {
            if ts.end <= span.start {
                span.start - ts.end
            } else {
                ts.start.saturating_sub(span.end)
            }
        })
        .map(|(d, _)| d)
}

/// The date of a statement: the day named by a temporal expression of the reporting
/// clause, in the sentence of the reporting verb `verb`, nearest to the verb, on the
/// verb's side of the quoted words `quote` ("قال الوزير، الثلاثاء، إن ..."). A date
/// inside the quoted words, or past them on the far side from the verb, is what was said,
/// not when ("مؤكدا أن الاجتماع سيعقد يوم 15 مارس"). `None` when the clause names no day.
pub fn statement_date(doc: &Doc, verb: Span, quote: Span) -> Option<NaiveDate> {
    let s = doc.sentences().get(doc.sentence_at(verb.start)?)?.span;
    let verb_first = verb.start <= quote.start;
    doc.timex
        .iter()
        .filter(|t| s.contains(t.span) && !t.span.overlaps(quote))
        .filter(|t| {
            if verb_first {
                t.span.end <= quote.start
            } else {
                t.span.start >= quote.end
            }
        })
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .filter_map(|t| Some((day_of(&t.value)?, t.span)))
        .min_by_key(|(_, ts)| {
            if ts.end <= verb.start {
                verb.start - ts.end
            } else {
                ts.start.saturating_sub(verb.end)
            }
        })
        .map(|(d, _)| d)
}

#[cfg(test)]
mod tests;
