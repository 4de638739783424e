//! What a temporal expression means before it is anchored ([`Meaning`]), and how it gets
//! its TIMEX3 value from an anchor date (the publication date) and the tense of its
//! sentence ([`value`]).
//!
//! Without an anchor, expressions that need one get a TIMEX3 underspecified value
//! (`XXXX-06-23` for "23 يونيو", `XXXX-WXX-2` for "الثلاثاء", `XXXX-XX-XX` for "أمس")
//! rather than a guess.

use super::words::{Dir, Unit};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use icu_calendar::{cal::Hijri, Date, Iso};

/// The tense of the clause an expression stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Past, or nothing marks the future (news mostly reports what happened).
    Past,
    /// A future marker ("سـ", "سوف", "من المقرر", "المقبل") stands near.
    Future,
}

/// A season.
pub type Season = &'static str;

/// The meaning of an expression, before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    /// A value that needs no anchor: an explicit date or year, a duration, a set, a
    /// century, a `PRESENT_REF`.
    Fixed(String),
    /// A Gregorian date with the year missing ("23 يونيو", "يونيو الماضي").
    Calendar {
        /// Month, 1–12.
        month: u32,
        /// Day of the month, when given.
        day: Option<u32>,
        /// Direction word, if any.
        dir: Dir,
    },
    /// A month (and day) of a year counted from the anchor's ("31 مارس من العام الماضي").
    InYear {
        /// Year offset.
        offset: i64,
        /// Month, 1–12.
        month: u32,
        /// Day, when given.
        day: Option<u32>,
    },
    /// A Hijri (Umm al-Qura) date: year, month, day as far as given.
    Hijri {
        /// Hijri year, when given.
        year: Option<i32>,
        /// Hijri month 1–12, when given.
        month: Option<u32>,
        /// Day, when given.
        day: Option<u32>,
        /// Direction word, if any (for a month without a year).
        dir: Dir,
    },
    /// A day counted from the anchor: اليوم 0, أمس −1, غدا +1.
    Day(i64),
    /// A weekday, 1 = Monday.
    Weekday {
        /// 1–7.
        day: u32,
        /// Direction word, if any.
        dir: Dir,
    },
    /// A week counted from the anchor's (0 = this week); `weekend` for "نهايه الاسبوع".
    Week {
        /// Offset in weeks.
        offset: i64,
        /// The weekend of that week.
        weekend: bool,
    },
    /// A month counted from the anchor's.
    Month(i64),
    /// A year counted from the anchor's.
    Year(i64),
    /// A season of the anchor's year, moved by a direction word.
    Season {
        /// TIMEX3 season code (`SU`, `WI`, `SP`, `FA`).
        season: Season,
        /// Direction word, if any.
        dir: Dir,
    },
    /// A century counted from the anchor's (القرن الماضي = −1).
    Century(i64),
    /// The anchor moved by a quantity ("قبل ثلاث سنوات" = −3 years), at the unit's
    /// granularity.
    Shift {
        /// Signed amount.
        amount: i64,
        /// Unit.
        unit: Unit,
    },
    /// A part of a day ("مساء امس": the day, then `TNI`).
    DayPart {
        /// The day.
        day: Box<Meaning>,
        /// TIMEX3 part-of-day code.
        part: &'static str,
    },
    /// A clock time, on the day of a neighbouring expression when there is one.
    Clock {
        /// Hour, 0–23.
        hour: u32,
        /// Minute.
        minute: u32,
    },
}

impl Meaning {
    /// True when the value does not depend on an anchor.
    pub fn is_absolute(&self) -> bool {
        match self {
            Meaning::Fixed(_) => true,
            Meaning::Hijri { year, .. } => year.is_some(),
            Meaning::DayPart { day, .. } => day.is_absolute(),
            _ => false,
        }
    }
}

/// The TIMEX3 value of a meaning, anchored at `anchor` when there is one.
pub fn value(meaning: &Meaning, anchor: Option<NaiveDate>, tense: Tense) -> Option<String> {
    let Some(a) = anchor else {
        return Some(underspecified(meaning));
    };
    Some(match meaning {
        Meaning::Fixed(v) => v.clone(),
        Meaning::Calendar { month, day, dir } => {
            let year = calendar_year(a, *month, *day, *dir, tense);
            match day {
                Some(d) => NaiveDate::from_ymd_opt(year, *month, *d)?.to_string(),
                None => format!("{year:04}-{month:02}"),
            }
        }
        Meaning::InYear { offset, month, day } => {
            let year = (a.year() as i64 + offset) as i32;
            match day {
                Some(d) => NaiveDate::from_ymd_opt(year, *month, *d)?.to_string(),
                None => format!("{year:04}-{month:02}"),
            }
        }
        Meaning::Hijri {
            year,
            month,
            day,
            dir,
        } => hijri_value(*year, *month, *day, *dir, tense, Some(a))?,
        Meaning::Day(k) => (a + Duration::days(*k)).to_string(),
        Meaning::Weekday { day, dir } => weekday_date(a, *day, *dir, tense).to_string(),
        Meaning::Week { offset, weekend } => {
            let w = (a + Duration::weeks(*offset)).iso_week();
            let mut s = format!("{:04}-W{:02}", w.year(), w.week());
            if *weekend {
                s.push_str("-WE");
            }
            s
        }
        Meaning::Month(k) => {
            let first = a.with_day(1)?;
            let m = if *k >= 0 {
                first.checked_add_months(Months::new(*k as u32))?
            } else {
                first.checked_sub_months(Months::new(k.unsigned_abs() as u32))?
            };
            format!("{:04}-{:02}", m.year(), m.month())
        }
        Meaning::Year(k) => format!("{:04}", a.year() as i64 + k),
        Meaning::Season { season, dir } => {
            format!("{:04}-{season}", season_year(a, season, *dir))
        }
        Meaning::Century(k) => format!("{:02}", (a.year() as i64 / 100) + k),
        Meaning::Shift { amount, unit } => shift(a, *amount, *unit)?,
        Meaning::DayPart { day, part } => {
            let d = value(day, Some(a), tense)?;
            format!("{d}T{part}")
        }
        Meaning::Clock { hour, minute } => format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
    })
}

/// The value of an expression that needs an anchor when there is none: TIMEX3's `X`
/// placeholders for what is unknown.
fn underspecified(meaning: &Meaning) -> String {
    match meaning {
        Meaning::Fixed(v) => v.clone(),
        Meaning::Calendar { month, day, .. } | Meaning::InYear { month, day, .. } => match day {
            Some(d) => format!("XXXX-{month:02}-{d:02}"),
            None => format!("XXXX-{month:02}"),
        },
        Meaning::Hijri {
            year, month, day, ..
        } => hijri_value(*year, *month, *day, Dir::Unmarked, Tense::Past, None)
            .unwrap_or_else(|| "XXXX".into()),
        Meaning::Day(_) => "XXXX-XX-XX".into(),
        Meaning::Weekday { day, .. } => format!("XXXX-WXX-{day}"),
        Meaning::Week { weekend, .. } => {
            if *weekend {
                "XXXX-WXX-WE".into()
            } else {
                "XXXX-WXX".into()
            }
        }
        Meaning::Month(_) => "XXXX-XX".into(),
        Meaning::Year(_) | Meaning::Shift { .. } => "XXXX".into(),
        Meaning::Season { season, .. } => format!("XXXX-{season}"),
        Meaning::Century(_) => "XX".into(),
        Meaning::DayPart { day, part } => format!("{}T{part}", underspecified(day)),
        Meaning::Clock { hour, minute } => format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
    }
}

/// The year of a month (and day) without a year, seen from the anchor. A direction word
/// is strict ("نوفمبر الماضي" in November is last year's); without one, the tense decides
/// and the anchor's own month or day counts ("11 سبتمبر" in a past-tense sentence is the
/// latest 11 September on or before the anchor).
fn calendar_year(a: NaiveDate, month: u32, day: Option<u32>, dir: Dir, tense: Tense) -> i32 {
    let here = (a.month(), day.map(|_| a.day()).unwrap_or(0));
    let there = (month, day.unwrap_or(0));
    let y = a.year();
    match dir {
        Dir::Current => y,
        Dir::Past => {
            if there >= here {
                y - 1
            } else {
                y
            }
        }
        Dir::Future => {
            if there <= here {
                y + 1
            } else {
                y
            }
        }
        Dir::Unmarked => match tense {
            Tense::Past => {
                if there > here {
                    y - 1
                } else {
                    y
                }
            }
            Tense::Future => {
                if there < here {
                    y + 1
                } else {
                    y
                }
            }
        },
    }
}

/// The date of a weekday seen from the anchor: with a direction word, strictly before or
/// after; without, the tense decides and the anchor's own day counts ("قال الثلاثاء" in an
/// article of a Tuesday is that day).
fn weekday_date(a: NaiveDate, day: u32, dir: Dir, tense: Tense) -> NaiveDate {
    let target = weekday_of(day);
    let here = a.weekday().num_days_from_monday() as i64;
    let there = target.num_days_from_monday() as i64;
    let back = (here - there).rem_euclid(7); // days back to the latest such day, 0 = today
    let ahead = (there - here).rem_euclid(7); // days ahead to the next one, 0 = today
    let offset = match (dir, tense) {
        (Dir::Past, _) => -(if back == 0 { 7 } else { back }),
        (Dir::Future, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Dir::Current, _) => {
            if ahead <= back {
                ahead
            } else {
                -back
            }
        }
        (Dir::Unmarked, Tense::Past) => -back,
        (Dir::Unmarked, Tense::Future) => ahead,
    };
    a + Duration::days(offset)
}

fn weekday_of(day: u32) -> Weekday {
    match day {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The month a season starts in.
fn season_start(season: &str) -> u32 {
    match season {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

fn season_year(a: NaiveDate, season: &str, dir: Dir) -> i32 {
    let start = season_start(season);
    let started = start <= a.month();
    match dir {
        // The last one that is over: this year's if it has started and ended.
        Dir::Past if !started || a.month() < start + 3 => a.year() - 1,
        Dir::Future if started => a.year() + 1,
        _ => a.year(),
    }
}

/// The anchor moved by `amount` units, written at the unit's granularity.
fn shift(a: NaiveDate, amount: i64, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Day => (a + Duration::days(amount)).to_string(),
        Unit::Week => {
            let w = (a + Duration::weeks(amount)).iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Unit::Month => {
            let first = a.with_day(1)?;
            let m = if amount >= 0 {
                first.checked_add_months(Months::new(amount as u32))?
            } else {
                first.checked_sub_months(Months::new(amount.unsigned_abs() as u32))?
            };
            format!("{:04}-{:02}", m.year(), m.month())
        }
        Unit::Year => format!("{:04}", a.year() as i64 + amount),
        Unit::Decade => format!("{:03}", (a.year() as i64 + 10 * amount) / 10),
        Unit::Century => format!("{:02}", (a.year() as i64 + 100 * amount) / 100),
        Unit::Hour | Unit::Minute | Unit::Second => return None,
    })
}

/// Converts a Hijri (Umm al-Qura) date to the Gregorian calendar.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let month = u8::try_from(month).ok()?;
    let day = u8::try_from(day).ok()?;
    let h = Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    let g = h.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        g.year().extended_year(),
        u32::from(g.month().ordinal),
        u32::from(g.day_of_month().0),
    )
}

/// The Hijri (Umm al-Qura) year, month and day of a Gregorian date.
pub fn gregorian_to_hijri(d: NaiveDate) -> Option<(i32, u32, u32)> {
    let iso = Date::try_new_iso(d.year(), u8::try_from(d.month()).ok()?, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        u32::from(h.month().ordinal),
        u32::from(h.day_of_month().0),
    ))
}

/// The Gregorian value of a Hijri expression. A full date converts exactly; a month of a
/// year is written as the Gregorian month its 15th day falls in, and a year alone as the
/// Gregorian year its 1 Rajab (the middle of the Hijri year) falls in, since a Hijri month
/// or year has no exact Gregorian TIMEX3 value. A month without a year takes the anchor's
/// Hijri year, moved by a direction word or the tense.
fn hijri_value(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    dir: Dir,
    tense: Tense,
    anchor: Option<NaiveDate>,
) -> Option<String> {
    let year = match year {
        Some(y) => y,
        None => {
            let (ay, am, ad) = gregorian_to_hijri(anchor?)?;
            let m = month?;
            let here = (am, day.map(|_| ad).unwrap_or(0));
            let there = (m, day.unwrap_or(0));
            match (dir, tense) {
                (Dir::Current, _) => ay,
                (Dir::Past, _) => ay - i32::from(there >= here),
                (Dir::Future, _) => ay + i32::from(there <= here),
                (Dir::Unmarked, Tense::Past) => ay - i32::from(there > here),
                (Dir::Unmarked, Tense::Future) => ay + i32::from(there < here),
            }
        }
    };
    Some(match (month, day) {
        (Some(m), Some(d)) => hijri_to_gregorian(year, m, d)?.to_string(),
        (Some(m), None) => {
            let mid = hijri_to_gregorian(year, m, 15)?;
            format!("{:04}-{:02}", mid.year(), mid.month())
        }
        _ => format!("{:04}", hijri_to_gregorian(year, 7, 1)?.year()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn v(m: Meaning, anchor: &str, tense: Tense) -> String {
        value(&m, Some(d(anchor)), tense).unwrap()
    }

    #[test]
    fn weekdays_follow_tense_and_direction() {
        // 2020-06-23 is a Tuesday.
        let tue = Meaning::Weekday {
            day: 2,
            dir: Dir::Unmarked,
        };
        let mon = Meaning::Weekday {
            day: 1,
            dir: Dir::Unmarked,
        };
        let thu = Meaning::Weekday {
            day: 4,
            dir: Dir::Unmarked,
        };
        assert_eq!(v(tue.clone(), "2020-06-23", Tense::Past), "2020-06-23");
        assert_eq!(v(mon, "2020-06-23", Tense::Past), "2020-06-22");
        assert_eq!(v(thu.clone(), "2020-06-23", Tense::Future), "2020-06-25");
        assert_eq!(v(thu, "2020-06-23", Tense::Past), "2020-06-18");
        assert_eq!(v(tue, "2020-06-23", Tense::Future), "2020-06-23");
        let last_tue = Meaning::Weekday {
            day: 2,
            dir: Dir::Past,
        };
        assert_eq!(v(last_tue, "2020-06-23", Tense::Past), "2020-06-16");
        let next_tue = Meaning::Weekday {
            day: 2,
            dir: Dir::Future,
        };
        assert_eq!(v(next_tue, "2020-06-23", Tense::Past), "2020-06-30");
    }

    #[test]
    fn dates_without_year() {
        let m = |month, day, dir| Meaning::Calendar { month, day, dir };
        assert_eq!(
            v(m(11, None, Dir::Past), "2015-12-24", Tense::Past),
            "2015-11"
        );
        assert_eq!(
            v(m(12, None, Dir::Past), "2015-12-24", Tense::Past),
            "2014-12"
        );
        assert_eq!(
            v(m(6, None, Dir::Future), "2015-12-24", Tense::Past),
            "2016-06"
        );
        assert_eq!(
            v(m(9, Some(11), Dir::Unmarked), "2015-12-24", Tense::Past),
            "2015-09-11"
        );
        assert_eq!(
            v(m(4, Some(17), Dir::Unmarked), "2015-12-24", Tense::Future),
            "2016-04-17"
        );
        assert_eq!(
            v(m(12, Some(24), Dir::Unmarked), "2015-12-24", Tense::Past),
            "2015-12-24"
        );
        assert_eq!(
            v(m(3, Some(22), Dir::Past), "2015-12-24", Tense::Past),
            "2015-03-22"
        );
    }

    #[test]
    fn periods_and_shifts() {
        assert_eq!(
            v(
                Meaning::Week {
                    offset: 1,
                    weekend: false
                },
                "2015-12-24",
                Tense::Past
            ),
            "2015-W53"
        );
        assert_eq!(
            v(
                Meaning::Week {
                    offset: 0,
                    weekend: false
                },
                "2015-12-24",
                Tense::Past
            ),
            "2015-W52"
        );
        assert_eq!(v(Meaning::Month(-1), "2015-01-10", Tense::Past), "2014-12");
        assert_eq!(v(Meaning::Year(-1), "2015-01-10", Tense::Past), "2014");
        assert_eq!(v(Meaning::Century(-1), "2015-01-10", Tense::Past), "19");
        assert_eq!(
            v(
                Meaning::Shift {
                    amount: -95,
                    unit: Unit::Year
                },
                "2015-12-24",
                Tense::Past
            ),
            "1920"
        );
        assert_eq!(v(Meaning::Day(-1), "2020-03-01", Tense::Past), "2020-02-29");
        assert_eq!(
            v(
                Meaning::DayPart {
                    day: Box::new(Meaning::Day(-1)),
                    part: "NI"
                },
                "2015-12-24",
                Tense::Past
            ),
            "2015-12-23TNI"
        );
    }

    #[test]
    fn hijri_dates_use_umm_al_qura() {
        assert_eq!(hijri_to_gregorian(1445, 9, 1), Some(d("2024-03-11")));
        assert_eq!(hijri_to_gregorian(1441, 11, 2), Some(d("2020-06-23")));
        assert_eq!(gregorian_to_hijri(d("2020-06-23")), Some((1441, 11, 2)));
        assert_eq!(hijri_to_gregorian(1441, 2, 30), None);
        let ramadan_1441 = Meaning::Hijri {
            year: Some(1441),
            month: Some(9),
            day: None,
            dir: Dir::Unmarked,
        };
        assert_eq!(
            value(&ramadan_1441, None, Tense::Past).as_deref(),
            Some("2020-05")
        );
        // Ramadan without a year, from an anchor in Shawwal 1441: the one just past.
        let ramadan = Meaning::Hijri {
            year: None,
            month: Some(9),
            day: None,
            dir: Dir::Unmarked,
        };
        assert_eq!(v(ramadan, "2020-06-23", Tense::Past), "2020-05");
    }

    #[test]
    fn without_anchor_values_are_underspecified() {
        let m = Meaning::Weekday {
            day: 2,
            dir: Dir::Unmarked,
        };
        assert_eq!(value(&m, None, Tense::Past).as_deref(), Some("XXXX-WXX-2"));
        let m = Meaning::Calendar {
            month: 6,
            day: Some(23),
            dir: Dir::Unmarked,
        };
        assert_eq!(value(&m, None, Tense::Past).as_deref(), Some("XXXX-06-23"));
        assert_eq!(
            value(&Meaning::Day(-1), None, Tense::Past).as_deref(),
            Some("XXXX-XX-XX")
        );
        assert_eq!(
            value(&Meaning::Fixed("2020".into()), None, Tense::Past).as_deref(),
            Some("2020")
        );
    }
}
