//! A linear-chain conditional random field over the same features and label
//! constraints as the perceptron, trained by stochastic gradient descent on the
//! L2-regularized conditional log-likelihood (as in Bottou's crfsgd): a decaying step
//! size, the regularizer applied lazily through a global weight scale, and forward-
//! backward restricted to BIO-valid transitions.

use crate::label::{Label, N_LABELS};
use crate::perceptron::{DenseWeights, IndexedSentence, Transitions};

fn allowed(prev: usize, next: usize) -> bool {
    if prev == N_LABELS {
        !Label::from_index(next).is_inside()
    } else {
        Label::from_index(prev).may_precede(Label::from_index(next))
    }
}

fn log_sum_exp(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    let m = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// A CRF being trained.
#[derive(Clone, Debug)]
pub struct Crf {
    w: Vec<f32>,
    scale: f64,
    tw: [[f64; N_LABELS]; N_LABELS + 1],
    /// Regularization strength per sentence update (λ / number of sentences).
    lambda: f64,
    eta0: f64,
    t: f64,
}

impl Crf {
    /// Zero weights; `l2` is the regularization constant over the whole data set of
    /// `sentences` sentences; `eta0` the initial step size.
    pub fn new(features: usize, l2: f64, sentences: usize, eta0: f64) -> Crf {
        Crf {
            w: vec![0.0; features * N_LABELS],
            scale: 1.0,
            tw: [[0.0; N_LABELS]; N_LABELS + 1],
            lambda: l2 / sentences.max(1) as f64,
            eta0,
            t: 0.0,
        }
    }

    fn emissions(&self, s: &IndexedSentence) -> Vec<[f64; N_LABELS]> {
        (0..s.len())
            .map(|i| {
                let mut out = [0f64; N_LABELS];
                for &f in s.features(i) {
                    let row = &self.w[f as usize * N_LABELS..(f as usize + 1) * N_LABELS];
                    for y in 0..N_LABELS {
                        out[y] += row[y] as f64;
                    }
                }
                for x in out.iter_mut() {
                    *x *= self.scale;
                }
                out
            })
            .collect()
    }

    /// One SGD step on a sentence; returns its negative log-likelihood.
    // Forward-backward reads best with explicit positions and labels.
    #[allow(clippy::needless_range_loop)]
    pub fn learn(&mut self, s: &IndexedSentence) -> f64 {
        let n = s.len();
        if n == 0 {
            return 0.0;
        }
        let e = self.emissions(s);
        let trans = |p: usize, y: usize| -> f64 {
            if allowed(p, y) {
                self.tw[p][y]
            } else {
                f64::NEG_INFINITY
            }
        };
        // Forward and backward in log space.
        let mut alpha = vec![[f64::NEG_INFINITY; N_LABELS]; n];
        for y in 0..N_LABELS {
            alpha[0][y] = trans(N_LABELS, y) + e[0][y];
        }
        for t in 1..n {
            for y in 0..N_LABELS {
                alpha[t][y] =
                    log_sum_exp((0..N_LABELS).map(|p| alpha[t - 1][p] + trans(p, y))) + e[t][y];
            }
        }
        let mut beta = vec![[0f64; N_LABELS]; n];
        for t in (0..n - 1).rev() {
            for p in 0..N_LABELS {
                beta[t][p] =
                    log_sum_exp((0..N_LABELS).map(|y| trans(p, y) + e[t + 1][y] + beta[t + 1][y]));
            }
        }
        let log_z = log_sum_exp((0..N_LABELS).map(|y| alpha[n - 1][y]));
        // Score of the gold path.
        let mut gold = 0.0;
        for t in 0..n {
            let g = s.labels[t].index();
            let p = if t == 0 {
                N_LABELS
            } else {
                s.labels[t - 1].index()
            };
            gold += e[t][g] + self.tw[p][g];
        }
        let eta = self.eta0 / (1.0 + self.eta0 * self.lambda * self.t);
        self.t += 1.0;
        // Lazy L2: shrink everything through the scale.
        self.scale *= 1.0 - eta * self.lambda;
        if self.scale < 1e-9 {
            for x in self.w.iter_mut() {
                *x = (*x as f64 * self.scale) as f32;
            }
            self.scale = 1.0;
        }
        for row in self.tw.iter_mut() {
            for x in row.iter_mut() {
                *x *= 1.0 - eta * self.lambda;
            }
        }
        // Gradient step: expected minus observed counts.
        let step = eta / self.scale;
        for t in 0..n {
            let g = s.labels[t].index();
            let mut grad = [0f64; N_LABELS];
            for y in 0..N_LABELS {
                grad[y] = (alpha[t][y] + beta[t][y] - log_z).exp();
            }
            grad[g] -= 1.0;
            for &f in s.features(t) {
                let base = f as usize * N_LABELS;
                for y in 0..N_LABELS {
                    if grad[y] != 0.0 {
                        self.w[base + y] -= (step * grad[y]) as f32;
                    }
                }
            }
        }
        for t in 0..n {
            for y in 0..N_LABELS {
                if t == 0 {
                    let m = (alpha[0][y] + beta[0][y] - log_z).exp();
                    self.tw[N_LABELS][y] -= eta * m;
                } else {
                    for p in 0..N_LABELS {
                        if !allowed(p, y) {
                            continue;
                        }
                        let m =
                            (alpha[t - 1][p] + self.tw[p][y] + e[t][y] + beta[t][y] - log_z).exp();
                        self.tw[p][y] -= eta * m;
                    }
                }
            }
            let g = s.labels[t].index();
            let p = if t == 0 {
                N_LABELS
            } else {
                s.labels[t - 1].index()
            };
            self.tw[p][g] += eta;
        }
        log_z - gold
    }

    /// The current weights.
    pub fn weights(&self) -> DenseWeights {
        let w = self
            .w
            .iter()
            .map(|x| (*x as f64 * self.scale) as f32)
            .collect();
        let mut transitions: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
        for (r, row) in transitions.iter_mut().zip(&self.tw) {
            for (x, v) in r.iter_mut().zip(row) {
                *x = *v as f32;
            }
        }
        DenseWeights::new(w, transitions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::SentenceFeatures;
    use crate::perceptron::FeatureIndex;
    use isnad_doc::EntityType;

    #[test]
    fn crf_learns_a_separable_task() {
        // One feature per word: 1 = a place, 2 = anything else.
        let loc = Label::begin(EntityType::Loc);
        let mut index = FeatureIndex::default();
        let mk = |index: &mut FeatureIndex, pattern: &[bool]| {
            let mut f = SentenceFeatures::default();
            for &p in pattern {
                f.offsets.push(f.keys.len() as u32);
                f.keys.push(if p { 1 } else { 2 });
            }
            f.offsets.push(f.keys.len() as u32);
            let labels: Vec<Label> = pattern
                .iter()
                .map(|&p| if p { loc } else { Label::O })
                .collect();
            index.index(&f, &labels, true)
        };
        let data = vec![
            mk(&mut index, &[false, true, false]),
            mk(&mut index, &[true, false]),
            mk(&mut index, &[false, false, true]),
        ];
        let mut crf = Crf::new(index.len(), 0.1, data.len(), 0.5);
        let first: f64 = data.iter().map(|s| crf.learn(s)).sum();
        let mut last = first;
        for _ in 0..30 {
            last = data.iter().map(|s| crf.learn(s)).sum();
        }
        assert!(last < first / 4.0, "loss {first} -> {last}");
        let w = crf.weights();
        for s in &data {
            assert_eq!(w.decode(s), s.labels);
        }
    }
}
