//! Month and weekday names (CLDR, all Arabic locales, plus English) from
//! `data/gazetteer/calendar.tsv`.

use std::sync::LazyLock;

/// Calendar names, normalized (see `isnad_text::normalize`), longest first within each
/// list so that a scanner can take the first match.
pub struct Calendar {
    /// Gregorian month names → month number 1–12 (Arabic variants and English).
    pub months: Vec<(String, u32)>,
    /// Weekday names → 1 (Monday) … 7 (Sunday).
    pub weekdays: Vec<(String, u32)>,
    /// Hijri month names → 1–12.
    pub hijri_months: Vec<(String, u32)>,
}

const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Calendar {
    fn parse(text: &str) -> Calendar {
        let mut c = Calendar {
            months: Vec::new(),
            weekdays: Vec::new(),
            hijri_months: Vec::new(),
        };
        for row in crate::tsv_rows(text) {
            let [kind, number, name, ..] = row[..] else {
                continue;
            };
            let Ok(n) = number.parse::<u32>() else {
                continue;
            };
            let name = isnad_text::normalize_for_matching(name);
            let list = match kind {
                "month" => &mut c.months,
                "weekday" => &mut c.weekdays,
                "hijri_month" => &mut c.hijri_months,
                _ => continue,
            };
            if !list.iter().any(|(x, _)| *x == name) {
                list.push((name, n));
            }
        }
        for (i, m) in ENGLISH_MONTHS.iter().enumerate() {
            let n = i as u32 + 1;
            c.months.push((m.to_string(), n));
            if m.len() > 3 {
                c.months.push((m[..3].to_string(), n));
            }
        }
        c.months.push(("sept".into(), 9));
        for list in [&mut c.months, &mut c.weekdays, &mut c.hijri_months] {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        c
    }

    /// The month number of a (normalized) Gregorian month name.
    pub fn month(&self, name: &str) -> Option<u32> {
        self.months.iter().find(|(n, _)| n == name).map(|(_, m)| *m)
    }

    /// The weekday number (1 = Monday) of a normalized weekday name.
    pub fn weekday(&self, name: &str) -> Option<u32> {
        self.weekdays
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| *d)
    }
}

static DATA: &str = include_str!("../../../data/gazetteer/calendar.tsv");
static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| Calendar::parse(DATA));

/// The shipped calendar names.
pub fn calendar() -> &'static Calendar {
    &CALENDAR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays() {
        let c = calendar();
        assert_eq!(c.month("يونيو"), Some(6));
        assert_eq!(c.month("حزيران"), Some(6));
        assert_eq!(c.month("جوان"), Some(6));
        assert_eq!(c.month("june"), Some(6));
        assert_eq!(c.month("jun"), Some(6));
        assert_eq!(c.month(&isnad_text::normalize("أغسطس")), Some(8));
        assert_eq!(c.weekday(&isnad_text::normalize("الثلاثاء")), Some(2));
        assert!(!c.hijri_months.is_empty());
    }
}
