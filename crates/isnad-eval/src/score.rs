//! Counting and matching: precision/recall/F1 and the text comparisons of
//! `shared/gold/README.md`.

use isnad_text::normalize_for_matching;
use serde::Serialize;

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Recall (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// A count from `matched` pairs out of `predicted` and `gold` items.
    pub fn from_counts(matched: usize, predicted: usize, gold: usize) -> Prf {
        Prf {
            tp: matched,
            fp: predicted.saturating_sub(matched),
            fn_: gold.saturating_sub(matched),
        }
    }

    /// An attribute accuracy as a count: correct values are true positives, wrong ones
    /// both false positives and false negatives (so P = R = accuracy).
    pub fn accuracy(correct: bool) -> Prf {
        if correct {
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0,
            }
        } else {
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1,
            }
        }
    }
}

/// The comparison form of a text: normalized, white space collapsed, and punctuation
/// trimmed at both ends (quotation marks, periods, brackets).
pub fn norm(s: &str) -> String {
    let n = normalize_for_matching(s);
    n.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// The words of a comparison form, each stripped of surrounding punctuation.
pub fn words(s: &str) -> Vec<String> {
    normalize_for_matching(s)
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Share of words two texts have in common: the size of the multiset intersection over
/// the larger of the two lengths.
pub fn word_overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest: Vec<&String> = b.iter().collect();
    let mut common = 0;
    for w in a {
        if let Some(k) = rest.iter().position(|x| *x == w) {
            rest.swap_remove(k);
            common += 1;
        }
    }
    common as f64 / a.len().max(b.len()) as f64
}

/// The gold span text between the first words `starts` and the last words `ends` in an
/// article (both in comparison form), searching from each occurrence of `starts`.
pub fn find_gold_span(article: &str, starts: &str, ends: &str) -> Option<String> {
    let (s, e) = (norm(starts), norm(ends));
    if s.is_empty() || e.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = article[from..].find(&s) {
        let at = from + i;
        if let Some(j) = article[at..].find(&e) {
            let end = at + j + e.len();
            if end - at <= 20_000 {
                return Some(article[at..end].to_owned());
            }
        }
        from = at + s.len();
    }
    None
}

/// The matching rule for quoted and post texts: the predicted text starts with the gold
/// first words and ends with the gold last words, or shares at least 80% of its words
/// with the gold span.
pub fn text_matches(pred: &str, starts: &str, ends: &str, gold_span: Option<&str>) -> bool {
    let p = norm(pred);
    let (s, e) = (norm(starts), norm(ends));
    if !s.is_empty() && !e.is_empty() && p.starts_with(&s) && p.ends_with(&e) {
        return true;
    }
    match gold_span {
        Some(g) => word_overlap(&words(pred), &words(g)) >= 0.8,
        None => false,
    }
}

/// A name and its forms with one leading conjunction or preposition (و ف ب ل ك, وب, ول)
/// removed, for comparing mentions "clitics aside".
fn clitic_variants(s: &str) -> Vec<String> {
    let n = norm(s);
    let mut v = vec![n.clone()];
    for p in ["وب", "ول", "و", "ف", "ب", "ل", "ك"] {
        if let Some(rest) = n.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                v.push(rest.to_owned());
            }
        }
    }
    v
}

/// The form of a word without a leading conjunction (و ف), for comparing verbs.
pub fn strip_conjunction(s: &str) -> String {
    let n = norm(s);
    for p in ["و", "ف"] {
        if let Some(rest) = n.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest.to_owned();
            }
        }
    }
    n
}

/// True when two surface forms name the same thing, clitics aside.
pub fn same_name(a: &str, b: &str) -> bool {
    let (x, y) = (clitic_variants(a), clitic_variants(b));
    !x[0].is_empty() && x.iter().any(|v| y.contains(v))
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_arithmetic() {
        let p = Prf::from_counts(3, 4, 6);
        assert_eq!((p.tp, p.fp, p.fn_), (3, 1, 3));
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 0.5).abs() < 1e-9);
        assert!((p.f1() - 0.6).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 1.0);
    }

    #[test]
    fn matching_rules() {
        let article = norm("قال إن الهزيمة العسكرية للجنرال الانقلابي خليفة حفتر، زادت التوافق حول الحل السياسي في ليبيا.");
        let span = find_gold_span(
            &article,
            "الهزيمة العسكرية للجنرال",
            "الحل السياسي في ليبيا",
        )
        .unwrap();
        assert!(span.starts_with("الهزيمه"));
        assert!(text_matches(
            "الهزيمةُ العسكرية للجنرال الانقلابي خليفة حفتر، زادت التوافق حول الحل السياسي في ليبيا.",
            "الهزيمة العسكرية للجنرال",
            "الحل السياسي في ليبيا",
            Some(&span)
        ));
        // Missing the last words but sharing ≥ 80% of the words.
        assert!(text_matches(
            "الهزيمة العسكرية للجنرال الانقلابي خليفة حفتر، زادت التوافق حول الحل السياسي",
            "الهزيمة العسكرية للجنرال",
            "الحل السياسي في ليبيا",
            Some(&span)
        ));
        assert!(!text_matches(
            "زادت التوافق",
            "الهزيمة العسكرية",
            "في ليبيا",
            Some(&span)
        ));
        assert!(same_name("وباشاغا", "باشاغا"));
        assert!(same_name("الأفريكوم", "الافريكوم"));
        assert!(!same_name("ليبيا", "سوريا"));
    }

    #[test]
    fn distance() {
        // Tripoli (Libya) to Zuwara: about 104 km.
        let d = haversine_km(32.887, 13.191, 32.931, 12.082);
        assert!((100.0..110.0).contains(&d), "{d}");
    }
}
