//! The scanner: finds temporal expressions in a document's tokens and says what each
//! means ([`Meaning`]), without anchoring it.
//!
//! It walks the tokens of each sentence and, at each position, tries every rule and keeps
//! the longest match (the earliest rule on a tie); expressions never overlap. Words are
//! compared in normalized form; a conjunction or preposition glued to the first word
//! ("وامس", "بالامس") is left outside the span when what remains is a temporal word.

use super::resolve::{Meaning, Tense};
use super::words::{self, Dir, Unit, UnitForm};
use isnad_doc::{Doc, Span, TimexKind};
use isnad_text::{TokenKind, WordCounts};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// A temporal expression found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Its span in the original text.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// TIMEX3 type.
    pub kind: TimexKind,
    /// What it means.
    pub meaning: Meaning,
    /// The tense of its clause.
    pub tense: Tense,
}

/// Which calendar list a name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameKind {
    Month,
    Weekday,
    Hijri,
}

/// Calendar names indexed by their first word: `(all words, number, kind)`, longest first.
type NameIndex = FxHashMap<String, Vec<(Vec<String>, u32, NameKind)>>;

static NAMES: LazyLock<NameIndex> = LazyLock::new(|| {
    let cal = isnad_resources::calendar();
    let mut index: NameIndex = FxHashMap::default();
    for (list, kind) in [
        (&cal.months, NameKind::Month),
        (&cal.weekdays, NameKind::Weekday),
        (&cal.hijri_months, NameKind::Hijri),
    ] {
        for (name, n) in list {
            let parts: Vec<String> = name.split(' ').map(str::to_owned).collect();
            index
                .entry(parts[0].clone())
                .or_default()
                .push((parts, *n, kind));
        }
    }
    for v in index.values_mut() {
        v.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
    }
    index
});

/// A match of a rule: where it ends (exclusive token index), its type and meaning.
#[derive(Clone, Debug)]
struct Hit {
    end: usize,
    kind: TimexKind,
    meaning: Meaning,
}

impl Hit {
    fn date(end: usize, meaning: Meaning) -> Hit {
        Hit {
            end,
            kind: TimexKind::Date,
            meaning,
        }
    }
}

/// A token's text for matching: the normalized token, or, when a glued conjunction or
/// preposition hides a temporal word, that word and the bytes left out in front.
struct Word<'a> {
    text: Cow<'a, str>,
    strip: u32,
}

struct Scanner<'a> {
    doc: &'a Doc,
    counts: &'a dyn WordCounts,
    words: Vec<Word<'a>>,
    /// Index of the sentence of each token.
    sentence_of: Vec<u32>,
}

/// Finds the temporal expressions of a document, in text order.
pub fn scan(doc: &Doc) -> Vec<Found> {
    scan_with(doc, isnad_resources::word_counts())
}

/// [`scan`] with the given word counts (used to recognise future verbs "سيعقد").
pub fn scan_with(doc: &Doc, counts: &dyn WordCounts) -> Vec<Found> {
    let s = Scanner::new(doc, counts);
    let mut out = Vec::new();
    // One past the last token of each sentence's paragraph: a numeric date may run over a
    // sentence break the splitter put at one of its dots ("20 . 05 . 2017").
    let mut paragraph_end = vec![0usize; doc.sentences().len()];
    for p in doc.paragraphs() {
        for x in &mut paragraph_end[p.first_sentence as usize..p.end_sentence as usize] {
            *x = p.end_token as usize;
        }
    }
    let mut covered = 0;
    for (si, sent) in doc.sentences().iter().enumerate() {
        let (a, b) = (sent.first_token as usize, sent.end_token as usize);
        let mut i = a.max(covered);
        while i < b {
            let hit = s.longest(i, b).or_else(|| {
                s.numeric_date(i)
                    .filter(|h| h.end > b && h.end <= paragraph_end[si])
            });
            match hit {
                Some(hit) if hit.end > i => {
                    let tense = s.tense(si, i, hit.end);
                    out.push(Found {
                        span: s.span(i, hit.end),
                        tokens: i..hit.end,
                        kind: hit.kind,
                        meaning: hit.meaning,
                        tense,
                    });
                    i = hit.end;
                    covered = hit.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

fn is_calendar_word(w: &str) -> bool {
    NAMES.contains_key(w)
}

fn is_known(w: &str) -> bool {
    words::VOCABULARY.contains(w) || is_calendar_word(w) || words::decade(w).is_some()
}

impl<'a> Scanner<'a> {
    fn new(doc: &'a Doc, counts: &'a dyn WordCounts) -> Scanner<'a> {
        let layers = &doc.text_layers;
        let words = doc
            .tokens()
            .iter()
            .map(|t| {
                let full = layers.norm_text(t);
                if t.kind != TokenKind::Arabic || is_known(full) {
                    return Word {
                        text: Cow::Borrowed(full),
                        strip: 0,
                    };
                }
                core_word(full).unwrap_or(Word {
                    text: Cow::Borrowed(full),
                    strip: 0,
                })
            })
            .collect();
        let mut sentence_of = vec![0u32; doc.tokens().len()];
        for (si, s) in doc.sentences().iter().enumerate() {
            for x in &mut sentence_of[s.first_token as usize..s.end_token as usize] {
                *x = si as u32;
            }
        }
        Scanner {
            doc,
            counts,
            words,
            sentence_of,
        }
    }

    /// The span of tokens `a..b`, without the glued clitics of the first.
    fn span(&self, a: usize, b: usize) -> Span {
        let toks = self.doc.tokens();
        let first = &toks[a];
        let start = if self.words[a].strip > 0 {
            let n = first.norm.start + self.words[a].strip;
            self.doc
                .text_layers
                .normalized
                .start_to_original(n)
                .clamp(first.span.start, first.span.end)
        } else {
            first.span.start
        };
        Span {
            start,
            end: toks[b - 1].span.end,
        }
    }

    /// The matching form of token `i` ("" past the end).
    fn w(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.text.as_ref())
    }

    /// The whole normalized token `i`.
    fn full(&self, i: usize) -> &str {
        self.doc
            .tokens()
            .get(i)
            .map_or("", |t| self.doc.text_layers.norm_text(t))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens().get(i).map(|t| t.kind)
    }

    /// True when tokens `i` and `i + 1` are in the same sentence.
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        j < self.sentence_of.len() && self.sentence_of[i] == self.sentence_of[j]
    }

    /// A number written in digits only.
    fn num(&self, i: usize) -> Option<i64> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let s = self.full(i);
        if s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }

    /// A four-digit year.
    fn year_num(&self, i: usize) -> Option<i32> {
        let s = self.full(i);
        (s.len() == 4)
            .then(|| self.num(i))
            .flatten()
            .filter(|y| (1000..=2199).contains(y))
            .map(|y| y as i32)
    }

    fn is(&self, i: usize, options: &[&str]) -> bool {
        let w = self.w(i);
        options.contains(&w)
    }

    /// A calendar name of `kind` starting at token `i`: its number and end.
    fn name(&self, i: usize, kind: NameKind) -> Option<(u32, usize)> {
        let cands = NAMES.get(self.w(i))?;
        'cand: for (parts, n, k) in cands {
            if *k != kind {
                continue;
            }
            for (j, p) in parts.iter().enumerate().skip(1) {
                if self.full(i + j) != p || !self.same_sentence(i, i + j) {
                    continue 'cand;
                }
            }
            return Some((*n, i + parts.len()));
        }
        None
    }

    /// A Gregorian month name, also written as two names for the same month
    /// ("يونيو/حزيران", "حزيران (يونيو)").
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let (m, end) = self.name(i, NameKind::Month)?;
        // A second name of the same month after a slash or in parentheses.
        for (open, close) in [("/", None), ("(", Some(")")), ("-", None)] {
            if self.full(end) == open {
                if let Some((m2, e2)) = self.name(end + 1, NameKind::Month) {
                    if m2 == m {
                        match close {
                            Some(c) if self.full(e2) == c => return Some((m, e2 + 1)),
                            Some(_) => {}
                            None => return Some((m, e2)),
                        }
                    }
                }
            }
        }
        Some((m, end))
    }

    /// A number written in words ("ثلاثه", "احد عشر", "ثمانيه وسبعين", "مائه").
    fn number_words(&self, i: usize) -> Option<(i64, usize)> {
        let w = self.w(i);
        if let Some(head) = words::teen_head(w) {
            if matches!(self.full(i + 1), "عشر" | "عشره") {
                return Some((10 + head, i + 2));
            }
        }
        let n = words::cardinal(w)?;
        // units + و + tens: "ثمانيه وسبعين", "خمسه وتسعين".
        if n < 10 {
            if let Some(tens) = self
                .full(i + 1)
                .strip_prefix('و')
                .and_then(words::cardinal)
                .filter(|t| (20..=90).contains(t))
            {
                return Some((n + tens, i + 2));
            }
        }
        Some((n, i + 1))
    }

    /// A count: digits or number words.
    fn count(&self, i: usize) -> Option<(i64, usize)> {
        if let Some(n) = self.num(i) {
            return Some((n, i + 1));
        }
        self.number_words(i)
    }

    /// An ordinal phrase ("الثامن", "التاسع عشر", "الحادي والعشرين", "العشرين").
    fn ordinal(&self, i: usize) -> Option<(i64, usize)> {
        let n = words::ordinal(self.w(i))?;
        if n < 10 {
            if matches!(self.full(i + 1), "عشر" | "عشره") {
                return Some((n + 10, i + 2));
            }
            if let Some(tens) = self
                .full(i + 1)
                .strip_prefix('و')
                .and_then(words::ordinal)
                .filter(|t| *t >= 20)
            {
                return Some((n + tens, i + 2));
            }
        }
        if n == 1 && self.w(i) == "الحادي" {
            return None; // "الحادي" alone is not an ordinal
        }
        Some((n, i + 1))
    }

    /// A year suffix ("م", "ه", "ميلاديه", "للهجره"): its end and whether it is Hijri.
    fn era(&self, i: usize) -> Option<(usize, bool)> {
        match self.full(i) {
            "م" | "ميلادي" | "ميلاديه" | "للميلاد" => Some((i + 1, false)),
            "ه" | "هجري" | "هجريه" | "للهجره" => Some((i + 1, true)),
            _ => None,
        }
    }

    /// A direction word at `i` ("الماضي", "المقبل", "الجاري").
    fn dir(&self, i: usize) -> Option<Dir> {
        words::direction(self.full(i))
    }

    // ------------------------------------------------------------------------------
    // Rules
    // ------------------------------------------------------------------------------

    /// The longest rule match at `i`, within the sentence ending at `limit`.
    fn longest(&self, i: usize, limit: usize) -> Option<Hit> {
        // Every rule starts with a number or a word of the vocabulary: most tokens are
        // neither, and are passed over at the cost of one lookup.
        if self.kind(i) != Some(TokenKind::Number) && !is_known(self.w(i)) {
            return None;
        }
        let rules: [fn(&Scanner<'a>, usize) -> Option<Hit>; 17] = [
            Scanner::numeric_date,
            Scanner::day_month,
            Scanner::english_date,
            Scanner::coordinated_day,
            Scanner::month_year,
            Scanner::year,
            Scanner::day_part,
            Scanner::deictic_with_yawm,
            Scanner::weekday,
            Scanner::period,
            Scanner::shift,
            Scanner::set,
            Scanner::duration,
            Scanner::century_or_decade,
            Scanner::season,
            Scanner::reference,
            Scanner::clock,
        ];
        let mut best: Option<Hit> = None;
        for rule in rules {
            if let Some(h) = rule(self, i) {
                if h.end <= limit && best.as_ref().is_none_or(|b| h.end > b.end) {
                    best = Some(h);
                }
            }
        }
        if let Some(h) = self.edge(i) {
            if h.end <= limit && best.as_ref().is_none_or(|b| h.end > b.end) {
                best = Some(h);
            }
        }
        best
    }

    /// `اوائل`, `نهايه`, `مطلع` ... + a date: the span grows, the value stays (a weekend
    /// for "نهايه الاسبوع").
    fn edge(&self, i: usize) -> Option<Hit> {
        if !self.is(i, words::EDGE_WORDS) {
            return None;
        }
        let j = i + 1;
        let inner = [
            Scanner::month_year,
            Scanner::year,
            Scanner::period,
            Scanner::century_or_decade,
            Scanner::season,
            Scanner::day_month,
        ]
        .iter()
        .filter_map(|r| r(self, j))
        .max_by_key(|h| h.end)?;
        if inner.kind != TimexKind::Date {
            return None;
        }
        let meaning = match inner.meaning {
            Meaning::Week { offset, .. } if self.w(i) == "نهايه" => Meaning::Week {
                offset,
                weekend: true,
            },
            m => m,
        };
        Some(Hit::date(inner.end, meaning))
    }

    /// `23/6/2020`, `2020-06-23`, `23-06-2020`, `15.6.2020`.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let dotted: Vec<&str> = self.full(i).split('.').collect();
        let (parts, end): (Vec<i64>, usize) = if dotted.len() == 3 {
            (
                dotted
                    .iter()
                    .map(|p| p.parse().ok())
                    .collect::<Option<Vec<i64>>>()?,
                i + 1,
            )
        } else {
            let sep = self.full(i + 1);
            if !matches!(sep, "/" | "-" | ".") || self.full(i + 3) != sep {
                return None;
            }
            let p = vec![self.num(i)?, self.num(i + 2)?, self.num(i + 4)?];
            (p, i + 5)
        };
        let lens: Vec<usize> = if dotted.len() == 3 {
            dotted.iter().map(|p| p.len()).collect()
        } else {
            vec![
                self.full(i).len(),
                self.full(i + 2).len(),
                self.full(i + 4).len(),
            ]
        };
        let (y, m, d) = if lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 {
            (parts[0], parts[1], parts[2])
        } else if lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2 {
            (parts[2], parts[1], parts[0])
        } else {
            return None;
        };
        let date = chrono::NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)?;
        let end = self.era(end).map_or(end, |(e, _)| e);
        Some(Hit::date(end, Meaning::Fixed(date.to_string())))
    }

    /// `[weekday] D [من] MONTH [، YEAR [م]]`, with Hijri months too, D in digits or as an
    /// ordinal ("الثامن من مايو").
    fn day_month(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if let Some((_, e)) = self.name(j, NameKind::Weekday) {
            j = e;
            if matches!(self.full(j), "،" | "," | "الموافق") {
                j += 1;
            }
        }
        let (day, after_day) = match self.num(j) {
            Some(d) if self.full(j).len() <= 2 => (d, j + 1),
            _ => self.ordinal(j)?,
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        let mut k = after_day;
        if self.full(k) == "من" {
            k += 1;
        }
        if let Some((m, e)) = self.month(k) {
            let (end, year) = self.year_after(e);
            let day = day as u32;
            let meaning = match year {
                YearPart::Year(y, false) => {
                    Meaning::Fixed(chrono::NaiveDate::from_ymd_opt(y, m, day)?.to_string())
                }
                YearPart::Year(_, true) => return None,
                YearPart::Relative(offset) => Meaning::InYear {
                    offset,
                    month: m,
                    day: Some(day),
                },
                YearPart::Dir(dir) => Meaning::Calendar {
                    month: m,
                    day: Some(day),
                    dir,
                },
                YearPart::None => Meaning::Calendar {
                    month: m,
                    day: Some(day),
                    dir: Dir::Unmarked,
                },
            };
            return Some(Hit::date(end, meaning));
        }
        let (hm, e) = self.name(k, NameKind::Hijri)?;
        let (year, mut end) = self.hijri_year_after(e);
        let mut dir = Dir::Unmarked;
        if year.is_none() {
            if let Some(d) = self.dir(end) {
                dir = d;
                end += 1;
            }
        }
        Some(Hit::date(
            end,
            Meaning::Hijri {
                year,
                month: Some(hm),
                day: Some(day as u32),
                dir,
            },
        ))
    }

    /// A Hijri year after a Hijri month name: the year and where it ends.
    fn hijri_year_after(&self, i: usize) -> (Option<i32>, usize) {
        let mut j = i;
        if matches!(self.full(j), "،" | ",") {
            j += 1;
        }
        if matches!(self.w(j), "عام" | "سنه") {
            j += 1;
        }
        match self.num(j) {
            Some(y) if (1300..=1600).contains(&y) => {
                let end = self.era(j + 1).map_or(j + 1, |(e, _)| e);
                (Some(y as i32), end)
            }
            _ => (None, i),
        }
    }

    /// What follows a month name: a year, "من العام الماضي", a direction word, or nothing.
    fn year_after(&self, i: usize) -> (usize, YearPart) {
        let mut j = i;
        if matches!(self.full(j), "،" | ",") {
            j += 1;
        }
        if matches!(self.w(j), "عام" | "سنه" | "من") {
            // "من عام 2010", "عام 2010", "من العام الماضي"
            let k = if self.w(j) == "من" { j + 1 } else { j };
            if matches!(self.w(k), "عام" | "سنه") {
                if let Some(y) = self.year_num(k + 1) {
                    let (end, hijri) = self.era(k + 2).unwrap_or((k + 2, false));
                    return (end, YearPart::Year(y, hijri));
                }
            }
            if matches!(self.w(k), "العام" | "السنه") {
                match self.dir(k + 1) {
                    Some(Dir::Past) => return (k + 2, YearPart::Relative(-1)),
                    Some(Dir::Future) => return (k + 2, YearPart::Relative(1)),
                    Some(Dir::Current) => return (k + 2, YearPart::Relative(0)),
                    _ => {}
                }
                if matches!(self.full(k + 1), "نفسه" | "ذاته") {
                    return (i, YearPart::None);
                }
            }
        }
        if let Some(y) = self.year_num(j) {
            let (end, hijri) = self.era(j + 1).unwrap_or((j + 1, false));
            return (end, YearPart::Year(y, hijri));
        }
        if let Some(d) = self.dir(i) {
            return (i + 1, YearPart::Dir(d));
        }
        (i, YearPart::None)
    }

    /// `June 23, 2020`, `Jun 23`.
    fn english_date(&self, i: usize) -> Option<Hit> {
        if self.kind(i) != Some(TokenKind::Foreign) {
            return None;
        }
        let (m, e) = self.name(i, NameKind::Month)?;
        let day = self.num(e).filter(|d| (1..=31).contains(d))?;
        let mut j = e + 1;
        if self.full(j) == "," {
            j += 1;
        }
        if let Some(y) = self.year_num(j) {
            let d = chrono::NaiveDate::from_ymd_opt(y, m, day as u32)?;
            return Some(Hit::date(j + 1, Meaning::Fixed(d.to_string())));
        }
        Some(Hit::date(
            e + 1,
            Meaning::Calendar {
                month: m,
                day: Some(day as u32),
                dir: Dir::Unmarked,
            },
        ))
    }

    /// "10 و 11 ابريل": the first day takes the month of the second.
    fn coordinated_day(&self, i: usize) -> Option<Hit> {
        let d = self.num(i).filter(|d| (1..=31).contains(d))?;
        if self.full(i + 1) != "و" {
            return None;
        }
        let next = self.day_month(i + 2)?;
        let meaning = match next.meaning {
            Meaning::Fixed(v) if v.len() == 10 => Meaning::Fixed(format!("{}{d:02}", &v[..8])),
            Meaning::Calendar { month, dir, .. } => Meaning::Calendar {
                month,
                day: Some(d as u32),
                dir,
            },
            _ => return None,
        };
        Some(Hit::date(i + 1, meaning))
    }

    /// `[شهر] MONTH [YEAR | direction | من العام الماضي]`, Gregorian or Hijri. A month name
    /// alone must follow a cue ("في يونيو") and, when shorter than three letters ("اب",
    /// also "father"), be introduced by "شهر".
    fn month_year(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let with_shahr = matches!(self.w(i), "شهر" | "اشهر" | "شهري");
        if with_shahr {
            j += 1;
        }
        if let Some((m, e)) = self.month(j) {
            let (end, part) = self.year_after(e);
            let meaning = match part {
                YearPart::Year(y, false) => Meaning::Fixed(format!("{y:04}-{m:02}")),
                YearPart::Year(_, true) => return None,
                YearPart::Relative(offset) => Meaning::InYear {
                    offset,
                    month: m,
                    day: None,
                },
                YearPart::Dir(dir) => Meaning::Calendar {
                    month: m,
                    day: None,
                    dir,
                },
                YearPart::None => {
                    let name_len = self.w(j).chars().count();
                    let cued = with_shahr
                        || (j > 0
                            && self.same_sentence(j - 1, j)
                            && (words::MONTH_CUES.contains(&self.w(j - 1))
                                || self.is_month_list_before(j)));
                    if !cued || (name_len < 3 && !with_shahr) {
                        return None;
                    }
                    Meaning::Calendar {
                        month: m,
                        day: None,
                        dir: Dir::Unmarked,
                    }
                }
            };
            return Some(Hit::date(end, meaning));
        }
        // Hijri month: needs "شهر", a year, a direction, or an honorific ("رمضان المبارك"),
        // since رمضان, رجب, شعبان are also given names and صفر is "zero".
        let (hm, e) = self.name(j, NameKind::Hijri)?;
        let (year, end) = self.hijri_year_after(e);
        let dir = if year.is_none() { self.dir(end) } else { None };
        let honorific = e - j > 1 || matches!(self.full(e), "الفضيل" | "الكريم" | "المبارك");
        if year.is_none() && dir.is_none() && !with_shahr && !honorific {
            return None;
        }
        let end = if dir.is_some() {
            end + 1
        } else if honorific && e - j == 1 {
            e + 1
        } else {
            end
        };
        Some(Hit::date(
            end,
            Meaning::Hijri {
                year,
                month: Some(hm),
                day: None,
                dir: dir.unwrap_or(Dir::Unmarked),
            },
        ))
    }

    /// "ابريل ومايو ويونيو": a month right after "و" following another month.
    fn is_month_list_before(&self, j: usize) -> bool {
        self.full(j).starts_with('و') && j > 0 && self.name(j - 1, NameKind::Month).is_some()
    }

    /// `[عام|العام|سنه] YEAR [م|ه]`; a bare year only with a cue: a preposition before, an
    /// era after, parentheses or a dash around, or a coordinated year ("2002 و2003").
    fn year(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let head = matches!(self.w(i), "عام" | "العام" | "سنه" | "السنه");
        if head {
            j += 1;
        }
        let y = self.year_num(j)?;
        let era = self.era(j + 1);
        let end = era.map_or(j + 1, |(e, _)| e);
        let hijri = era.is_some_and(|(_, h)| h);
        if !head && era.is_none() {
            let prev = if j > 0 && self.same_sentence(j - 1, j) {
                self.w(j - 1)
            } else {
                ""
            };
            let next = self.full(j + 1);
            let cued = words::YEAR_CUES.contains(&prev)
                || matches!(prev, "(" | "-" | "–" | "،" | ",")
                || prev == "و" && j >= 2 && self.year_num(j - 2).is_some()
                || (next == "و" || next.starts_with('و')) && self.year_num(j + 2).is_some()
                || (matches!(next, ")" | "." | "،" | "," | "-" | "–" | "")
                    && (1900..=2099).contains(&y)
                    && !words::QUANTITY_CUES.contains(&prev));
            if !cued || words::QUANTITY_CUES.contains(&prev) || words::unit(next).is_some() {
                return None;
            }
        }
        if hijri {
            return Some(Hit::date(
                end,
                Meaning::Hijri {
                    year: Some(y),
                    month: None,
                    day: None,
                    dir: Dir::Unmarked,
                },
            ));
        }
        Some(Hit::date(end, Meaning::Fixed(format!("{y:04}"))))
    }

    /// `صباح|مساء|ليله ...` + a day ("مساء امس", "صباح الثلاثاء"), and "الليله [الماضيه]".
    fn day_part(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if w == "الليله" {
            let (day, end) = match self.dir(i + 1) {
                Some(Dir::Past) => (-1, i + 2),
                _ => (0, i + 1),
            };
            return Some(Hit {
                end,
                kind: TimexKind::Time,
                meaning: Meaning::DayPart {
                    day: Box::new(Meaning::Day(day)),
                    part: "NI",
                },
            });
        }
        if !matches!(w, "صباح" | "مساء" | "ظهر" | "عصر" | "فجر" | "ليله") {
            return None;
        }
        let part = words::day_part(w)?;
        let j = if self.w(i + 1) == "يوم" {
            i + 2
        } else {
            i + 1
        };
        let inner = [Scanner::deictic, Scanner::weekday, Scanner::day_month]
            .iter()
            .filter_map(|r| r(self, j))
            .max_by_key(|h| h.end)?;
        Some(Hit {
            end: inner.end,
            kind: TimexKind::Time,
            meaning: Meaning::DayPart {
                day: Box::new(inner.meaning),
                part,
            },
        })
    }

    /// "يوم امس", "يوم غد" and the deictic days themselves.
    fn deictic_with_yawm(&self, i: usize) -> Option<Hit> {
        if self.w(i) == "يوم" {
            return self.deictic(i + 1).filter(|h| {
                matches!(h.meaning, Meaning::Day(k) if k != 0) // "يوم اليوم" is not said
            });
        }
        self.deictic(i)
    }

    /// اليوم, امس, الامس, البارحه, غدا, الغد, بعد غد, اول امس, امس الاول; a weekday
    /// right after is part of it ("امس الخميس") and the deictic word decides the value.
    fn deictic(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let (day, mut end) = match w {
            "اليوم" => {
                let next = self.full(i + 1);
                let prev = if i > 0 && self.same_sentence(i - 1, i) {
                    self.full(i - 1)
                } else {
                    ""
                };
                if matches!(
                    prev,
                    "ذلك" | "هذا" | "نفس" | "ذات" | "تلك" | "لهذا" | "بهذا"
                ) || matches!(
                    next,
                    "نفسه" | "ذاته" | "العالمي" | "الوطني" | "الدولي" | "الموعود"
                ) || words::ordinal(next).is_some() && !matches!(next, "الحادي")
                {
                    return None;
                }
                match next {
                    "التالي" => (1, i + 2),
                    "السابق" => (-1, i + 2),
                    _ => (0, i + 1),
                }
            }
            "امس" | "الامس" | "البارحه" => {
                if matches!(self.full(i + 1), "الاول") {
                    (-2, i + 2)
                } else {
                    (-1, i + 1)
                }
            }
            "غدا" | "الغد" => (1, i + 1),
            "بعد" if matches!(self.full(i + 1), "غد" | "غدا") => (2, i + 2),
            "اول" if self.full(i + 1) == "امس" => (-2, i + 2),
            "اول" if self.full(i + 1) == "من" && self.full(i + 2) == "امس" => (-2, i + 3),
            _ => return None,
        };
        if let Some((_, e)) = self.name(end, NameKind::Weekday) {
            end = e;
        }
        Some(Hit::date(end, Meaning::Day(day)))
    }

    /// `[يوم] WEEKDAY [direction]`. Forms without the article ("احد" is also "one",
    /// "اثنين" also "two") only after "يوم".
    fn weekday(&self, i: usize) -> Option<Hit> {
        let with_yawm = self.w(i) == "يوم";
        let j = if with_yawm { i + 1 } else { i };
        let (d, e) = self.name(j, NameKind::Weekday)?;
        let word = self.w(j);
        if !with_yawm && !word.starts_with("ال") {
            return None;
        }
        let prev = if j > 0 && self.same_sentence(j - 1, j) {
            self.full(j - 1)
        } else {
            ""
        };
        if !with_yawm {
            if word == "الاثنين" && matches!(prev, "كلا" | "كلي" | "بين" | "هذين" | "هذان" | "من")
            {
                return None;
            }
            if word == "الجمعه"
                && matches!(
                    prev,
                    "صلاه" | "خطبه" | "خطيب" | "امام" | "صلاتي" | "جمعه" | "اسم"
                )
            {
                return None;
            }
            if prev == "كل" {
                return None;
            }
        }
        let (dir, end) = match self.dir(e) {
            Some(d) => (d, e + 1),
            None => (Dir::Unmarked, e),
        };
        Some(Hit::date(end, Meaning::Weekday { day: d, dir }))
    }

    /// `[هذا|هذه] الاسبوع|الشهر|العام|السنه [direction]`.
    fn period(&self, i: usize) -> Option<Hit> {
        let this = matches!(self.w(i), "هذا" | "هذه");
        let j = if this { i + 1 } else { i };
        let unit = match self.w(j) {
            "الاسبوع" => Unit::Week,
            "الشهر" => Unit::Month,
            "العام" | "السنه" => Unit::Year,
            _ => return None,
        };
        let (offset, end) = match self.dir(j + 1) {
            Some(Dir::Past) => (-1, j + 2),
            Some(Dir::Future) => (1, j + 2),
            Some(Dir::Current) => (0, j + 2),
            _ if this => (0, j + 1),
            _ => return None,
        };
        let meaning = match unit {
            Unit::Week => Meaning::Week {
                offset,
                weekend: false,
            },
            Unit::Month => Meaning::Month(offset),
            _ => Meaning::Year(offset),
        };
        Some(Hit::date(end, meaning))
    }

    /// A quantity of time: `(count) unit`, a dual, an adverbial singular. Returns the
    /// amount (None for "عده ايام"), the unit, and the end.
    fn quantity(&self, i: usize) -> Option<(Option<i64>, Unit, usize)> {
        // count + unit: "26 عاما", "ثلاثه اعوام", "2500 عام".
        if let Some((n, e)) = self.count(i) {
            if let Some((u, form)) = words::unit(self.w(e)) {
                if form != UnitForm::Dual && n > 0 && !(self.full(e) == "عام" && n < 100) {
                    return Some((Some(n), u, e + 1));
                }
            }
            return None;
        }
        // "عده ايام", "بضعه اسابيع".
        if matches!(self.w(i), "عده" | "بضعه" | "بضع") {
            if let Some((u, UnitForm::Plural)) = words::unit(self.w(i + 1)) {
                return Some((None, u, i + 2));
            }
            return None;
        }
        // "ربع قرن", "نصف ساعه".
        if matches!(self.w(i), "ربع" | "نصف") {
            let (u, form) = words::unit(self.w(i + 1))?;
            if form != UnitForm::Singular {
                return None;
            }
            let quarter = self.w(i) == "ربع";
            return match (u, quarter) {
                (Unit::Century, true) => Some((Some(25), Unit::Year, i + 2)),
                (Unit::Century, false) => Some((Some(50), Unit::Year, i + 2)),
                (Unit::Hour, true) => Some((Some(15), Unit::Minute, i + 2)),
                (Unit::Hour, false) => Some((Some(30), Unit::Minute, i + 2)),
                _ => None,
            };
        }
        let (u, form) = words::unit(self.w(i))?;
        match form {
            UnitForm::Dual => {
                // "السنوات"-style plurals with a number after: handled by the caller.
                Some((Some(2), u, i + 1))
            }
            UnitForm::Accusative if !self.w(i).starts_with("ال") => Some((Some(1), u, i + 1)),
            UnitForm::Plural if self.w(i).starts_with("ال") => {
                // "السنوات الخمس", "الايام العشره"
                let next = self.full(i + 1);
                let n = words::cardinal(next.strip_prefix("ال").unwrap_or(next))?;
                Some((Some(n), u, i + 2))
            }
            _ => None,
        }
    }

    /// A duration: a quantity, optionally after "اكثر من"/"اقل من", or a singular unit
    /// after "لمده", "طوال", "خلال". A past or future adjective after it stays in the span
    /// ("العامين الماضيين").
    fn duration(&self, i: usize) -> Option<Hit> {
        let (j, prefixed) = if matches!(self.w(i), "اكثر" | "اقل") && self.full(i + 1) == "من"
        {
            (i + 2, true)
        } else {
            (i, false)
        };
        let quantity =
            self.quantity(j).or_else(|| {
                // "اكثر من قرن": a singular unit after a comparison is one unit.
                let (u, form) = words::unit(self.w(j))?;
                (prefixed && form == UnitForm::Singular && !self.w(j).starts_with("ال"))
                    .then_some((Some(1), u, j + 1))
            });
        if let Some((n, u, mut end)) = quantity {
            if matches!(self.full(end), "الاخيره" | "الاخيرين" | "الاخيرتين")
                || words::PLURAL_PAST.contains(&self.full(end))
                || words::PLURAL_FUTURE.contains(&self.full(end))
            {
                end += 1;
            }
            return Some(Hit {
                end,
                kind: TimexKind::Duration,
                meaning: Meaning::Fixed(duration_value(n, u)),
            });
        }
        if prefixed {
            return None;
        }
        // A singular unit after a cue: "لمده يوم", "طوال شهر". The cue stays outside.
        let cue = if i > 0 && self.same_sentence(i - 1, i) {
            self.w(i - 1)
        } else {
            ""
        };
        if matches!(cue, "لمده" | "مده" | "طوال" | "طيله") {
            if let Some((u, UnitForm::Singular)) = words::unit(self.w(i)) {
                if !self.w(i).starts_with("ال") {
                    return Some(Hit {
                        end: i + 1,
                        kind: TimexKind::Duration,
                        meaning: Meaning::Fixed(duration_value(Some(1), u)),
                    });
                }
            }
        }
        None
    }

    /// `قبل|بعد` + a quantity: a date that far from the anchor ("قبل خمسه وتسعين عاما"),
    /// or a duration when it is counted from an event ("بعد اسبوع علي اغتيال").
    fn shift(&self, i: usize) -> Option<Hit> {
        let sign = match self.w(i) {
            "قبل" => -1,
            "بعد" => 1,
            _ => return None,
        };
        let mut j = i + 1;
        let mut more_or_less = false;
        if matches!(self.w(j), "اكثر" | "اقل") && self.full(j + 1) == "من" {
            j += 2;
            more_or_less = true;
        } else if matches!(self.w(j), "نحو" | "حوالي" | "قرابه" | "زهاء") {
            j += 1;
        }
        let (n, u, end) = match self.quantity(j) {
            Some(q) => q,
            None => {
                // "بعد شهر", "قبل عام": one unit.
                let (u, form) = words::unit(self.w(j))?;
                if form != UnitForm::Singular || self.w(j).starts_with("ال") {
                    return None;
                }
                (Some(1), u, j + 1)
            }
        };
        if matches!(self.full(end), "علي" | "من" | "عن") {
            return Some(Hit {
                end,
                kind: TimexKind::Duration,
                meaning: Meaning::Fixed(duration_value(n, u)),
            });
        }
        let meaning = match n {
            Some(n) if u >= Unit::Day => Meaning::Shift {
                amount: sign * n,
                unit: u,
            },
            Some(_) => return None,
            None => Meaning::Fixed(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
        };
        let _ = more_or_less;
        Some(Hit::date(end, meaning))
    }

    /// Sets: "كل يوم", "كل عامين", "كل يوم سبت", "يوميا", "السنوي".
    fn set(&self, i: usize) -> Option<Hit> {
        if let Some((_, u)) = words::FREQUENCY_WORDS.iter().find(|(w, _)| *w == self.w(i)) {
            return Some(Hit {
                end: i + 1,
                kind: TimexKind::Set,
                meaning: Meaning::Fixed(duration_value(Some(1), *u)),
            });
        }
        if self.w(i) != "كل" {
            return None;
        }
        if self.full(i + 1) == "يوم" {
            if let Some((d, e)) = self.name(i + 2, NameKind::Weekday) {
                return Some(Hit {
                    end: e,
                    kind: TimexKind::Set,
                    meaning: Meaning::Fixed(format!("XXXX-WXX-{d}")),
                });
            }
        }
        if let Some((d, e)) = self.name(i + 1, NameKind::Weekday) {
            return Some(Hit {
                end: e,
                kind: TimexKind::Set,
                meaning: Meaning::Fixed(format!("XXXX-WXX-{d}")),
            });
        }
        let (n, u, end) = match self.quantity(i + 1) {
            Some((Some(n), u, e)) => (n, u, e),
            Some((None, _, _)) => return None,
            None => {
                let (u, form) = words::unit(self.full(i + 1))?;
                if form != UnitForm::Singular {
                    return None;
                }
                (1, u, i + 2)
            }
        };
        Some(Hit {
            end,
            kind: TimexKind::Set,
            meaning: Meaning::Fixed(duration_value(Some(n), u)),
        })
    }

    /// "القرن التاسع عشر", "القرن الماضي", "الستينيات [من القرن الماضي]".
    fn century_or_decade(&self, i: usize) -> Option<Hit> {
        if self.w(i) == "القرن" {
            let (meaning, mut end) = if let Some((n, e)) = self.ordinal(i + 1) {
                (Meaning::Fixed(format!("{:02}", n - 1)), e)
            } else {
                match self.dir(i + 1) {
                    Some(Dir::Past) => (Meaning::Century(-1), i + 2),
                    Some(Dir::Current) => (Meaning::Century(0), i + 2),
                    Some(Dir::Future) => (Meaning::Century(1), i + 2),
                    _ => return None,
                }
            };
            if matches!(self.full(end), "الميلادي" | "للميلاد") {
                end += 1;
            }
            return Some(Hit::date(end, meaning));
        }
        let d = words::decade(self.w(i))?;
        // The century: the twentieth unless the text names another.
        let mut century = 19;
        let mut end = i + 1;
        if self.full(i + 1) == "من" && self.full(i + 2) == "القرن" {
            if let Some((n, e)) = self.ordinal(i + 3) {
                century = n - 1;
                end = e;
            } else if self.dir(i + 3).is_some() {
                end = i + 4;
            }
        }
        Some(Hit::date(end, Meaning::Fixed(format!("{century:02}{d}"))))
    }

    /// Seasons: "الصيف [الماضي]", "صيف 2014", "صيفا". Not "الربيع العربي".
    fn season(&self, i: usize) -> Option<Hit> {
        let j = if self.w(i) == "فصل" { i + 1 } else { i };
        let w = self.w(j);
        let definite = w.starts_with("ال");
        let bare = w.strip_prefix("ال").unwrap_or(w);
        let (_, code) = words::SEASONS.iter().find(|(s, _)| *s == bare)?;
        if self.full(j + 1) == "العربي" {
            return None;
        }
        if let Some(y) = self.year_num(j + 1) {
            return Some(Hit::date(j + 2, Meaning::Fixed(format!("{y:04}-{code}"))));
        }
        if let Some(dir) = self.dir(j + 1) {
            return Some(Hit::date(
                j + 2,
                Meaning::Season {
                    season: code,
                    dir: if definite { dir } else { Dir::Unmarked },
                },
            ));
        }
        // "ربيع" alone is a Hijri month's first word or a name; "شتاء" alone is also rain.
        if !definite && !matches!(bare, "صيفا") {
            return None;
        }
        Some(Hit::date(
            j + 1,
            Meaning::Season {
                season: code,
                dir: Dir::Unmarked,
            },
        ))
    }

    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    fn reference(&self, i: usize) -> Option<Hit> {
        for (list, value) in [
            (words::PRESENT_REF, "PRESENT_REF"),
            (words::PAST_REF, "PAST_REF"),
            (words::FUTURE_REF, "FUTURE_REF"),
        ] {
            for phrase in list {
                if self.w(i) == phrase[0]
                    && phrase
                        .iter()
                        .enumerate()
                        .skip(1)
                        .all(|(k, p)| self.full(i + k) == *p)
                {
                    return Some(Hit::date(i + phrase.len(), Meaning::Fixed(value.into())));
                }
            }
        }
        if words::PLURAL_PERIODS.contains(&self.w(i)) {
            let next = self.full(i + 1);
            if words::PLURAL_PAST.contains(&next) {
                return Some(Hit::date(i + 2, Meaning::Fixed("PAST_REF".into())));
            }
            if words::PLURAL_FUTURE.contains(&next) {
                return Some(Hit::date(i + 2, Meaning::Fixed("FUTURE_REF".into())));
            }
            if next == "التي" && matches!(self.full(i + 2), "مضت" | "خلت") {
                return Some(Hit::date(i + 3, Meaning::Fixed("PAST_REF".into())));
            }
        }
        None
    }

    /// Clock times: "الساعه 10:30 صباحا", "الساعه الثامنه مساء", "الساعه 7.30".
    fn clock(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "الساعه" {
            return None;
        }
        let j = i + 1;
        let (mut hour, mut minute, mut end) = if let Some((h, e)) = self.ordinal(j) {
            (h, 0, e)
        } else if self.kind(j) == Some(TokenKind::Number) {
            let s = self.full(j);
            if let Some((h, m)) = s.split_once('.') {
                (h.parse().ok()?, m.parse().ok()?, j + 1)
            } else if self.full(j + 1) == ":" {
                (self.num(j)?, self.num(j + 2)?, j + 3)
            } else {
                (self.num(j)?, 0, j + 1)
            }
        } else {
            return None;
        };
        if self.full(end) == "والنصف" {
            minute = 30;
            end += 1;
        } else if self.full(end) == "والربع" {
            minute = 15;
            end += 1;
        }
        if !(0..=24).contains(&hour) || !(0..60).contains(&minute) {
            return None;
        }
        if let Some(part) = words::day_part(self.full(end)) {
            if matches!(part, "NI" | "AF") && hour < 12 || part == "MI" && hour < 6 {
                hour += 12;
            }
            end += 1;
        }
        Some(Hit {
            end,
            kind: TimexKind::Time,
            meaning: Meaning::Clock {
                hour: (hour % 24) as u32,
                minute: minute as u32,
            },
        })
    }

    /// The tense of the clause around tokens `a..b` of sentence `si`: future when a future
    /// marker ("سوف", "من المقرر", "المقبل", a verb with the future prefix سـ) stands within
    /// a few words, past otherwise.
    fn tense(&self, si: usize, a: usize, b: usize) -> Tense {
        let s = &self.doc.sentences()[si];
        let from = a.saturating_sub(8).max(s.first_token as usize);
        let to = (b + 6).min(s.end_token as usize);
        for k in from..to {
            if (a..b).contains(&k) {
                continue;
            }
            let t = self.full(k);
            let t = t
                .strip_prefix('و')
                .or_else(|| t.strip_prefix('ف'))
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(t);
            if words::FUTURE_MARKERS.contains(&t) || self.is_future_verb(t) {
                return Tense::Future;
            }
        }
        Tense::Past
    }

    /// A verb with the future prefix: "سيعقد" = سـ + يعقد, where "يعقد" is a common word
    /// and more common than the whole ("سيده" is not: يده is a word, but سيده is commoner).
    fn is_future_verb(&self, t: &str) -> bool {
        let Some(rest) = t.strip_prefix('س') else {
            return false;
        };
        if rest.chars().count() < 3 || !rest.starts_with(['ي', 'ت', 'ن', 'ا']) {
            return false;
        }
        let cr = self.counts.count(rest);
        cr >= 20 && cr > self.counts.count(t)
    }
}

/// What follows a month name.
enum YearPart {
    Year(i32, bool),
    Relative(i64),
    Dir(Dir),
    None,
}

/// The ISO 8601 duration of `n` units (`PXY` when the amount is unknown).
fn duration_value(n: Option<i64>, u: Unit) -> String {
    let (d, time) = u.designator();
    let amount = n.map_or("X".to_string(), |n| n.to_string());
    if time {
        format!("PT{amount}{d}")
    } else {
        format!("P{amount}{d}")
    }
}

/// Strips a conjunction and/or a preposition glued to a temporal word.
fn core_word(full: &str) -> Option<Word<'_>> {
    let mut rest = full;
    let mut strip = 0u32;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(c) = rest.chars().next().filter(|c| set.contains(c)) {
            let r = &rest[c.len_utf8()..];
            if is_known(r) {
                return Some(Word {
                    text: Cow::Borrowed(r),
                    strip: strip + c.len_utf8() as u32,
                });
            }
            // لل + word = ل + ال + word.
            if c == 'ل' {
                if let Some(r2) = r.strip_prefix('ل') {
                    let with_al = format!("ال{r2}");
                    if is_known(&with_al) {
                        return Some(Word {
                            text: Cow::Owned(with_al),
                            strip: strip + 'ل'.len_utf8() as u32,
                        });
                    }
                }
            }
            if set.contains(&'و') {
                rest = r;
                strip += c.len_utf8() as u32;
            }
        }
    }
    None
}
