//! The publication date, when the input does not give it, inferred from the article's own
//! evidence:
//!
//! 1. **text**: a date the text gives as today's ("اليوم الثلاثاء 23 يونيو 2020", "اليوم
//!    الموافق ..."), a time stamp near the top (a full date with a clock time, "الأحد ,
//!    16 نيسان 2017 الساعة 10 : 53", as pages print their publication time), or a
//!    dateline (a full date among the first words of one of the first paragraphs,
//!    "طرابلس - 23 يونيو 2020 (الأناضول) -", or a short line holding only a date);
//! 2. **posts**: the date of the latest embedded post (an article is published on or after
//!    the latest post it embeds).
//!
//! A date from the text wins unless it is earlier than the latest post, which it cannot
//! be. `published_source` says which (`text` or `posts`).

use crate::timex::{self, Found, Meaning};
use chrono::NaiveDate;
use isnad_doc::{Doc, Layer, ParagraphKind, PublishedSource, Stage};

/// How many of the first paragraphs may hold a dateline.
const DATELINE_PARAGRAPHS: usize = 3;
/// A dateline date starts within this many tokens of its paragraph's start...
const DATELINE_MAX_OFFSET: usize = 6;
/// ...or its paragraph is this short (a line that is only a date and a place).
const DATE_LINE_MAX_TOKENS: usize = 12;
/// A time stamp (a date with a clock time) counts within this many tokens of the start.
const TIME_STAMP_MAX_TOKEN: usize = 200;

/// Infers `meta.published` when it is unknown.
#[derive(Debug, Default)]
pub struct PublicationStage;

impl Stage for PublicationStage {
    fn name(&self) -> &'static str {
        "publication"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Posts]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[]
    }
    fn annotate(&self, doc: &mut Doc) {
        if doc.meta.published.is_some() {
            return;
        }
        let from_posts = doc.posts.iter().filter_map(|p| p.date).max();
        let from_text = date_from_text(doc);
        let (date, source) = match (from_text, from_posts) {
            (Some(t), Some(p)) if t < p => {
                doc.diagnose(
                    "publication",
                    format!("the text dates the article {t}, before its latest post ({p}); taking the post's date"),
                );
                (p, PublishedSource::Posts)
            }
            (Some(t), _) => (t, PublishedSource::Text),
            (None, Some(p)) => (p, PublishedSource::Posts),
            (None, None) => return,
        };
        doc.meta.published = Some(date);
        doc.meta.published_source = source;
    }
}

/// The full calendar day an expression names without needing an anchor.
fn absolute_day(f: &Found) -> Option<NaiveDate> {
    if !f.meaning.is_absolute() {
        return None;
    }
    let v = timex::resolve::value(&f.meaning, None, f.tense)?;
    timex::day_of(&v)
}

/// The publication date the text itself gives: today's date, or a dateline.
pub fn date_from_text(doc: &Doc) -> Option<NaiveDate> {
    let found = timex::scan(doc);
    // "اليوم [الثلاثاء] [،|الموافق] 23 يونيو 2020": today, then a full date.
    for w in found.windows(2) {
        if w[0].meaning == Meaning::Day(0) {
            let gap = w[1].tokens.start - w[0].tokens.end;
            let between_ok = (w[0].tokens.end..w[1].tokens.start).all(|t| {
                matches!(
                    doc.text_layers.norm_text(&doc.tokens()[t]),
                    "الموافق" | "،" | "," | "-" | "(" | "ل"
                )
            });
            if gap <= 2 && between_ok {
                if let Some(d) = absolute_day(&w[1]) {
                    return Some(d);
                }
            }
        }
    }
    // A time stamp near the top: a full date and, right after it, a clock time.
    for w in found.windows(2) {
        if w[0].tokens.start > TIME_STAMP_MAX_TOKEN {
            break;
        }
        if matches!(w[1].meaning, Meaning::Clock { .. }) && w[1].tokens.start <= w[0].tokens.end + 1
        {
            if let Some(d) = absolute_day(&w[0]) {
                return Some(d);
            }
        }
    }
    // A dateline in one of the first prose paragraphs.
    let paragraphs = doc.paragraphs();
    let first = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            !doc.blocks.iter().any(|b| {
                b.span.overlaps(p.span)
                    && matches!(b.kind, ParagraphKind::Post | ParagraphKind::PostSignature)
            })
        })
        .take(DATELINE_PARAGRAPHS);
    for (_, p) in first {
        let (a, b) = (p.first_token as usize, p.end_token as usize);
        for f in found
            .iter()
            .filter(|f| f.tokens.start >= a && f.tokens.end <= b)
        {
            let near_start = f.tokens.start - a <= DATELINE_MAX_OFFSET;
            let short_line = b - a <= DATE_LINE_MAX_TOKENS;
            if near_start || short_line {
                if let Some(d) = absolute_day(f) {
                    return Some(d);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posts::PostsStage;
    use isnad_doc::DocMeta;

    fn published(text: &str) -> (Option<NaiveDate>, PublishedSource) {
        let mut d = Doc::new(
            DocMeta::default(),
            text.to_owned(),
            isnad_resources::word_counts(),
        )
        .unwrap();
        PostsStage.annotate(&mut d);
        PublicationStage.annotate(&mut d);
        (d.meta.published, d.meta.published_source)
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn a_dateline_dates_the_article() {
        let (d, s) = published(
            "طرابلس - 23 يونيو 2020 (الأناضول) - قال وزير الداخلية إن الوضع مستقر.\nوأضاف أن الاتفاق وقع في 1 مايو 2019.",
        );
        assert_eq!(d, date("2020-06-23"));
        assert_eq!(s, PublishedSource::Text);
    }

    #[test]
    fn today_with_a_full_date() {
        let (d, s) = published(
            "قال مسؤول إن الاتفاق الذي وقع في 1 مايو 2019 سيجدد، وذلك في اجتماع عقد اليوم الثلاثاء 23 يونيو 2020 في تونس.",
        );
        assert_eq!(d, date("2020-06-23"));
        assert_eq!(s, PublishedSource::Text);
    }

    #[test]
    fn a_dateline_of_a_scraped_page() {
        let (d, s) = published(
            "MORAD SAEED12 : 36 20 . 05 . 2017 قال مصدر بمحافظة حمص , اليوم السبت 20 مايو / أيار , إن عملية الإخلاء مستمرة .",
        );
        assert_eq!(d, date("2017-05-20"));
        assert_eq!(s, PublishedSource::Text);
    }

    #[test]
    fn a_time_stamp_near_the_top() {
        let (d, s) = published(
            "الرئيسية | أخبار | ادانات دولية بعد تفجير استهدف أهالي البلدتين الأحد , 16 نيسان 2017 الساعة 10 : 53 | , جهينة نيوز : افادت مصادر ميدانية أن الحصيلة ارتفعت.",
        );
        assert_eq!(d, date("2017-04-16"));
        assert_eq!(s, PublishedSource::Text);
    }

    #[test]
    fn a_date_deep_in_the_text_is_not_a_dateline() {
        let (d, _) = published(
            "قال وزير الداخلية الليبي إن الحكومة تواصل العمل على الاتفاق الذي وقع في 1 مايو 2019 في تونس.",
        );
        assert_eq!(d, None);
    }

    #[test]
    fn posts_date_the_article_when_the_text_does_not() {
        let (d, s) = published(
            "قال الوزير في تغريدة:\nالوضع مستقر\n— الوزير (@minister) June 23, 2020\nوأضاف أن الحكومة ستواصل العمل.",
        );
        assert_eq!(d, date("2020-06-23"));
        assert_eq!(s, PublishedSource::Posts);
    }

    #[test]
    fn a_text_date_before_the_latest_post_loses() {
        let (d, s) = published(
            "22 يونيو 2020\nقال الوزير في تغريدة:\nالوضع مستقر\n— الوزير (@minister) June 23, 2020",
        );
        assert_eq!(d, date("2020-06-23"));
        assert_eq!(s, PublishedSource::Posts);
    }
}
