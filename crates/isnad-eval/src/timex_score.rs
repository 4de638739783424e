//! Precision and recall of temporal expressions against TimeML gold, TempEval-3 style.
//!
//! Predicted and gold expressions are paired one to one, each gold expression with the
//! unpaired prediction that overlaps it most (ties: the earliest). Then:
//! - **relaxed span**: a pair counts;
//! - **strict span**: a pair with identical offsets counts;
//! - **value**: a pair with the same TIMEX3 value counts (the figure the issue asks for:
//!   precision = correct values / predictions, recall = correct values / gold);
//! - **type**: a pair with the same TIMEX3 type counts.
//!
//! The breakdown by type counts gold expressions by their gold type (recall) and
//! predictions by their predicted type (precision).

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

/// One temporal expression, gold or predicted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// Counts behind one precision/recall pair.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Correct items.
    pub correct: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Counts {
    /// Precision, or 0 with nothing predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall, or 0 with no gold.
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
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
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Value counts of one TIMEX3 type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Gold expressions of this type.
    pub gold: usize,
    /// Of those, found with the right value.
    pub gold_correct: usize,
    /// Predictions of this type.
    pub predicted: usize,
    /// Of those, paired with a gold expression of the same value.
    pub predicted_correct: usize,
}

impl KindCounts {
    /// Value precision of the predictions of this type.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }
    /// Value recall of the gold expressions of this type.
    pub fn recall(&self) -> f64 {
        ratio(self.gold_correct, self.gold)
    }
}

/// How one gold expression fared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Paired with a prediction of the same value.
    Correct,
    /// Paired with a prediction of another value (or span).
    WrongValue(Expr),
    /// Not found.
    Missed,
}

/// The pairing of one document's predictions with its gold.
#[derive(Clone, Debug, Default)]
pub struct DocResult {
    /// For each gold expression, its outcome.
    pub gold: Vec<(Expr, Outcome)>,
    /// Predictions paired with no gold expression.
    pub spurious: Vec<Expr>,
}

/// Scores accumulated over documents.
#[derive(Clone, Debug, Default)]
pub struct TimexScore {
    /// Documents scored.
    pub documents: usize,
    /// Relaxed span (overlap).
    pub relaxed: Counts,
    /// Strict span (same offsets).
    pub strict: Counts,
    /// Value (overlap and same value).
    pub value: Counts,
    /// Type (overlap and same type).
    pub kind: Counts,
    /// Value by type: gold counted by gold type, predictions by predicted type.
    pub value_by_kind: BTreeMap<String, KindCounts>,
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

impl TimexScore {
    /// Pairs `pred` with `gold` for one document and adds the counts.
    pub fn add(&mut self, gold: &[Expr], pred: &[Expr]) -> DocResult {
        self.documents += 1;
        let mut used = vec![false; pred.len()];
        let mut correct_pred = vec![false; pred.len()];
        let mut result = DocResult::default();
        for g in gold {
            let best = pred
                .iter()
                .enumerate()
                .filter(|(i, p)| !used[*i] && overlap(&g.span, &p.span) > 0)
                .max_by(|(ia, a), (ib, b)| {
                    overlap(&g.span, &a.span)
                        .cmp(&overlap(&g.span, &b.span))
                        .then(ib.cmp(ia))
                })
                .map(|(i, _)| i);
            let by_kind = self.value_by_kind.entry(g.kind.clone()).or_default();
            by_kind.gold += 1;
            let outcome = match best {
                Some(i) => {
                    used[i] = true;
                    let p = &pred[i];
                    self.relaxed.correct += 1;
                    self.strict.correct += usize::from(p.span == g.span);
                    self.kind.correct += usize::from(p.kind == g.kind);
                    if p.value == g.value {
                        self.value.correct += 1;
                        by_kind.gold_correct += 1;
                        correct_pred[i] = true;
                        Outcome::Correct
                    } else {
                        Outcome::WrongValue(p.clone())
                    }
                }
                None => Outcome::Missed,
            };
            result.gold.push((g.clone(), outcome));
        }
        for (i, p) in pred.iter().enumerate() {
            let by_kind = self.value_by_kind.entry(p.kind.clone()).or_default();
            by_kind.predicted += 1;
            by_kind.predicted_correct += usize::from(correct_pred[i]);
            if !used[i] {
                result.spurious.push(p.clone());
            }
        }
        for c in [
            &mut self.relaxed,
            &mut self.strict,
            &mut self.value,
            &mut self.kind,
        ] {
            c.gold += gold.len();
            c.predicted += pred.len();
        }
        result
    }
}

impl fmt::Display for TimexScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} gold expressions, {} predicted",
            self.documents, self.value.gold, self.value.predicted
        )?;
        writeln!(
            f,
            "{:<14} {:>9} {:>9} {:>9} {:>9}",
            "", "precision", "recall", "F1", "correct"
        )?;
        for (name, c) in [
            ("value", &self.value),
            ("span relaxed", &self.relaxed),
            ("span strict", &self.strict),
            ("type", &self.kind),
        ] {
            writeln!(
                f,
                "{:<14} {:>9.3} {:>9.3} {:>9.3} {:>9}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.correct
            )?;
        }
        writeln!(
            f,
            "value by type: recall over gold of the type, precision over predictions of the type"
        )?;
        for (kind, c) in &self.value_by_kind {
            writeln!(
                f,
                "  {:<10} gold {:>4}  recall {:>6.3}   predicted {:>4}  precision {:>6.3}",
                kind,
                c.gold,
                c.recall(),
                c.predicted,
                c.precision()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(a: usize, b: usize, kind: &str, value: &str) -> Expr {
        Expr {
            span: a..b,
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn pairs_by_overlap_and_counts() {
        let gold = vec![
            e(0, 10, "DATE", "2020-06-23"),
            e(20, 30, "DURATION", "P2D"),
            e(40, 45, "DATE", "2020"),
        ];
        let pred = vec![
            e(0, 10, "DATE", "2020-06-23"),
            e(22, 30, "DURATION", "P3D"),
            e(50, 55, "DATE", "2019"),
        ];
        let mut s = TimexScore::default();
        let r = s.add(&gold, &pred);
        assert_eq!(s.relaxed.correct, 2);
        assert_eq!(s.strict.correct, 1);
        assert_eq!(s.value.correct, 1);
        assert_eq!(s.value.precision(), 1.0 / 3.0);
        assert_eq!(s.value.recall(), 1.0 / 3.0);
        assert_eq!(r.spurious.len(), 1);
        assert_eq!(r.gold[2].1, Outcome::Missed);
        assert!(matches!(r.gold[1].1, Outcome::WrongValue(_)));
        assert_eq!(s.value_by_kind["DATE"].gold, 2);
        assert_eq!(s.value_by_kind["DATE"].gold_correct, 1);
        assert_eq!(s.value_by_kind["DATE"].predicted, 2);
        assert_eq!(s.value_by_kind["DATE"].precision(), 0.5);
    }

    #[test]
    fn one_prediction_pairs_with_one_gold() {
        let gold = vec![e(0, 5, "DATE", "A"), e(6, 10, "DATE", "B")];
        let pred = vec![e(0, 10, "DATE", "A")];
        let mut s = TimexScore::default();
        s.add(&gold, &pred);
        assert_eq!(s.relaxed.correct, 1);
        assert_eq!(s.value.correct, 1);
        assert_eq!(s.value.recall(), 0.5);
    }
}
