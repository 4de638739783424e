//! Exact-span scoring, as the CoNLL shared tasks score: a predicted entity counts only
//! when its first token, last token and type all equal a gold entity's.

use crate::label::{chunks, Label, TYPES};
use isnad_doc::EntityType;
use std::fmt;

/// True positives, false positives and false negatives of one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
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

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-type and micro-averaged counts over a set of sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per type, in [`TYPES`] order.
    pub per_type: [Counts; 4],
}

impl Scores {
    /// Adds one sentence: its gold and predicted labels.
    pub fn add(&mut self, gold: &[Label], predicted: &[Label]) {
        assert_eq!(gold.len(), predicted.len(), "one prediction per token");
        let g = chunks(gold);
        let p = chunks(predicted);
        for c in &p {
            let k = crate::label::type_index(c.kind);
            if g.contains(c) {
                self.per_type[k].tp += 1;
            } else {
                self.per_type[k].fp += 1;
            }
        }
        for c in &g {
            if !p.contains(c) {
                self.per_type[crate::label::type_index(c.kind)].fn_ += 1;
            }
        }
    }

    /// The counts of one type.
    pub fn of(&self, t: EntityType) -> Counts {
        self.per_type[crate::label::type_index(t)]
    }

    /// Counts summed over all types (micro average).
    pub fn micro(&self) -> Counts {
        let mut c = Counts::default();
        for t in &self.per_type {
            c.add(*t);
        }
        c
    }
}

impl fmt::Display for Scores {
    /// The per-type table with the micro average on the last line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<6} {:>9} {:>6} {:>6} {:>6} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "found", "correct"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: Counts| {
            writeln!(
                f,
                "{:<6} {:>9.4} {:>6.4} {:>6.4} {:>6} {:>7} {:>7}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp
            )
        };
        for t in TYPES {
            row(f, t.as_str(), self.of(t))?;
        }
        row(f, "micro", self.micro())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(tags: &str) -> Vec<Label> {
        tags.split_whitespace()
            .map(|t| Label::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn exact_spans_only() {
        let mut s = Scores::default();
        s.add(
            &labels("B-PER I-PER O B-LOC O B-ORG"),
            &labels("B-PER O O B-LOC O B-LOC"),
        );
        assert_eq!(
            s.of(EntityType::Per),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.of(EntityType::Loc),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.of(EntityType::Org),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        let m = s.micro();
        assert_eq!((m.tp, m.fp, m.fn_), (1, 2, 2));
        assert!((m.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((m.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert!(s.to_string().contains("micro"));
    }
}
