//! The sequence labeller: a first-order structured perceptron with weight averaging
//! (Collins 2002), decoded with Viterbi under BIO constraints (an `I-X` only after a
//! `B-X` or `I-X`).
//!
//! Training works on dense feature indices ([`FeatureIndex`], [`IndexedSentence`]);
//! the trained, averaged weights become a compact [`Weights`] table keyed by feature
//! hash, which is what ships and tags.

use crate::features::SentenceFeatures;
use crate::label::{Label, N_LABELS};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Scores of each label for one word.
pub type Scores = [f32; N_LABELS];

/// Transition scores: `[previous][next]`, with row `N_LABELS` for the sentence start.
pub type Transitions = [[f32; N_LABELS]; N_LABELS + 1];

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map from feature hash to a value.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

const FORBIDDEN: f32 = -1e30;

/// Best label sequence for the emission scores (Viterbi). Transitions that break BIO
/// are never taken.
pub fn viterbi(emissions: &[Scores], transitions: &Transitions) -> Vec<Label> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let allowed = |prev: usize, next: usize| -> bool {
        if prev == N_LABELS {
            !Label::from_index(next).is_inside()
        } else {
            Label::from_index(prev).may_precede(Label::from_index(next))
        }
    };
    let mut score = [0f32; N_LABELS];
    let mut back = vec![[0u8; N_LABELS]; n];
    for y in 0..N_LABELS {
        score[y] = if allowed(N_LABELS, y) {
            transitions[N_LABELS][y] + emissions[0][y]
        } else {
            FORBIDDEN
        };
    }
    for t in 1..n {
        let mut next = [FORBIDDEN; N_LABELS];
        for y in 0..N_LABELS {
            let mut best = (FORBIDDEN * 2.0, 0usize);
            for (p, &sp) in score.iter().enumerate() {
                if !allowed(p, y) {
                    continue;
                }
                let s = sp + transitions[p][y];
                if s > best.0 {
                    best = (s, p);
                }
            }
            next[y] = best.0 + emissions[t][y];
            back[t][y] = best.1 as u8;
        }
        score = next;
    }
    let mut y = (0..N_LABELS)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    let mut out = vec![Label::O; n];
    for t in (0..n).rev() {
        out[t] = Label::from_index(y);
        y = back[t][y] as usize;
    }
    out
}

/// Trained weights, keyed by feature hash: what a model ships and tags with.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    pub(crate) index: KeyMap<u32>,
    pub(crate) rows: Vec<Scores>,
    pub(crate) transitions: Transitions,
    /// Subtracted from every word's `O` score: trades precision for recall.
    pub(crate) o_penalty: f32,
}

impl Weights {
    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The transition scores.
    pub fn transitions(&self) -> &Transitions {
        &self.transitions
    }

    /// The penalty on `O` applied when decoding.
    pub fn o_penalty(&self) -> f32 {
        self.o_penalty
    }

    /// Sets the penalty on `O` applied when decoding.
    pub fn set_o_penalty(&mut self, p: f32) {
        self.o_penalty = p;
    }

    /// Emission scores of every word.
    pub fn emissions(&self, f: &SentenceFeatures, out: &mut Vec<Scores>) {
        out.clear();
        for i in 0..f.len() {
            let mut s = [0f32; N_LABELS];
            s[0] = -self.o_penalty;
            for k in f.of(i) {
                if let Some(&r) = self.index.get(k) {
                    let row = &self.rows[r as usize];
                    for y in 0..N_LABELS {
                        s[y] += row[y];
                    }
                }
            }
            out.push(s);
        }
    }

    /// The best labels for a sentence.
    pub fn decode(&self, f: &SentenceFeatures) -> Vec<Label> {
        let mut e = Vec::with_capacity(f.len());
        self.emissions(f, &mut e);
        viterbi(&e, &self.transitions)
    }

    /// The features and their weights, in key order (for serialization).
    pub fn entries(&self) -> Vec<(u64, &Scores)> {
        let mut v: Vec<(u64, &Scores)> = self
            .index
            .iter()
            .map(|(&k, &r)| (k, &self.rows[r as usize]))
            .collect();
        v.sort_unstable_by_key(|e| e.0);
        v
    }

    /// Builds weights from entries and transitions.
    pub fn from_entries(entries: Vec<(u64, Scores)>, transitions: Transitions) -> Weights {
        let mut index = KeyMap::with_capacity_and_hasher(entries.len(), Default::default());
        let mut rows = Vec::with_capacity(entries.len());
        for (k, row) in entries {
            index.insert(k, rows.len() as u32);
            rows.push(row);
        }
        Weights {
            index,
            rows,
            transitions,
            o_penalty: 0.0,
        }
    }
}

/// Dense indices of the features seen in training.
#[derive(Clone, Debug, Default)]
pub struct FeatureIndex {
    map: KeyMap<u32>,
    keys: Vec<u64>,
}

impl FeatureIndex {
    /// Number of features.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Indexes a sentence's features; unseen features are added when `grow`, dropped
    /// otherwise.
    pub fn index(&mut self, f: &SentenceFeatures, labels: &[Label], grow: bool) -> IndexedSentence {
        let mut feats = Vec::with_capacity(f.keys.len());
        let mut offsets = Vec::with_capacity(f.len() + 1);
        for i in 0..f.len() {
            offsets.push(feats.len() as u32);
            for &k in f.of(i) {
                let id = match self.map.get(&k) {
                    Some(&id) => id,
                    None if grow => {
                        let id = self.keys.len() as u32;
                        self.map.insert(k, id);
                        self.keys.push(k);
                        id
                    }
                    None => continue,
                };
                feats.push(id);
            }
        }
        offsets.push(feats.len() as u32);
        IndexedSentence {
            feats,
            offsets,
            labels: labels.to_vec(),
        }
    }
}

/// A sentence as dense feature indices, with its gold labels.
#[derive(Clone, Debug, Default)]
pub struct IndexedSentence {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    /// Gold labels.
    pub labels: Vec<Label>,
}

impl IndexedSentence {
    /// The feature indices of word `i`.
    pub fn features(&self, i: usize) -> &[u32] {
        self.of(i)
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
}

/// Dense weights over a [`FeatureIndex`] (averaged, during training).
#[derive(Clone, Debug)]
pub struct DenseWeights {
    w: Vec<f32>,
    transitions: Transitions,
    /// Subtracted from every word's `O` score when decoding.
    pub o_penalty: f32,
}

fn dense_emissions(w: &[f32], s: &IndexedSentence, o_penalty: f32) -> Vec<Scores> {
    (0..s.len())
        .map(|i| {
            let mut out = [0f32; N_LABELS];
            out[0] = -o_penalty;
            for &f in s.of(i) {
                let row = &w[f as usize * N_LABELS..(f as usize + 1) * N_LABELS];
                for y in 0..N_LABELS {
                    out[y] += row[y];
                }
            }
            out
        })
        .collect()
}

impl DenseWeights {
    /// Weights from a row-major `features × labels` vector and transitions.
    pub fn new(w: Vec<f32>, transitions: Transitions) -> DenseWeights {
        DenseWeights {
            w,
            transitions,
            o_penalty: 0.0,
        }
    }

    /// The sum of two weight sets.
    pub fn plus(mut self, other: &DenseWeights) -> DenseWeights {
        for (a, b) in self.w.iter_mut().zip(&other.w) {
            *a += b;
        }
        for (ra, rb) in self.transitions.iter_mut().zip(&other.transitions) {
            for (a, b) in ra.iter_mut().zip(rb) {
                *a += b;
            }
        }
        self
    }

    /// Multiplies every weight by `k`.
    pub fn scale(&mut self, k: f32) {
        self.w.iter_mut().for_each(|x| *x *= k);
        self.transitions.iter_mut().flatten().for_each(|x| *x *= k);
    }

    /// The best labels for a sentence.
    pub fn decode(&self, s: &IndexedSentence) -> Vec<Label> {
        viterbi(
            &dense_emissions(&self.w, s, self.o_penalty),
            &self.transitions,
        )
    }

    /// The compact form: features whose largest absolute weight is at least `prune`.
    pub fn to_weights(&self, index: &FeatureIndex, prune: f32) -> Weights {
        let entries = index
            .keys
            .iter()
            .enumerate()
            .filter_map(|(i, &k)| {
                let row: Scores = self.w[i * N_LABELS..(i + 1) * N_LABELS].try_into().ok()?;
                (row.iter().any(|x| x.abs() >= prune) && row.iter().any(|&x| x != 0.0))
                    .then_some((k, row))
            })
            .collect();
        let mut w = Weights::from_entries(entries, self.transitions);
        w.o_penalty = self.o_penalty;
        w
    }
}

/// The averaged perceptron being trained.
#[derive(Clone, Debug)]
pub struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f32>,
    tw: Transitions,
    tacc: Transitions,
    step: f32,
}

impl Perceptron {
    /// Zero weights for `features` features.
    pub fn new(features: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; features * N_LABELS],
            acc: vec![0.0; features * N_LABELS],
            tw: [[0.0; N_LABELS]; N_LABELS + 1],
            tacc: [[0.0; N_LABELS]; N_LABELS + 1],
            step: 1.0,
        }
    }

    /// Decodes one sentence with the current weights and, where the result differs
    /// from the gold labels, moves the weights toward gold. Returns the words wrong.
    pub fn learn(&mut self, s: &IndexedSentence) -> usize {
        let pred = viterbi(&dense_emissions(&self.w, s, 0.0), &self.tw);
        let mut wrong = 0;
        let c = self.step;
        for t in 0..s.len() {
            let (g, p) = (s.labels[t].index(), pred[t].index());
            if g != p {
                wrong += 1;
                for &f in s.of(t) {
                    let base = f as usize * N_LABELS;
                    self.w[base + g] += 1.0;
                    self.acc[base + g] += c;
                    self.w[base + p] -= 1.0;
                    self.acc[base + p] -= c;
                }
            }
            let gp = if t == 0 {
                N_LABELS
            } else {
                s.labels[t - 1].index()
            };
            let pp = if t == 0 {
                N_LABELS
            } else {
                pred[t - 1].index()
            };
            if (gp, g) != (pp, p) {
                self.tw[gp][g] += 1.0;
                self.tacc[gp][g] += c;
                self.tw[pp][p] -= 1.0;
                self.tacc[pp][p] -= c;
            }
        }
        self.step += 1.0;
        wrong
    }

    /// The averaged weights.
    pub fn averaged(&self) -> DenseWeights {
        let c = self.step;
        let w = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| w - a / c)
            .collect();
        let mut transitions = self.tw;
        for (row, acc) in transitions.iter_mut().zip(&self.tacc) {
            for (x, a) in row.iter_mut().zip(acc) {
                *x -= a / c;
            }
        }
        DenseWeights {
            w,
            transitions,
            o_penalty: 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_doc::EntityType;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions prefer I-PER at the start, which is not allowed.
        let mut e = vec![[0f32; N_LABELS]; 2];
        e[0][Label::inside(EntityType::Per).index()] = 5.0;
        e[0][Label::begin(EntityType::Per).index()] = 1.0;
        e[1][Label::inside(EntityType::Loc).index()] = 5.0;
        e[1][Label::inside(EntityType::Per).index()] = 4.0;
        let t = [[0f32; N_LABELS]; N_LABELS + 1];
        let got = viterbi(&e, &t);
        assert_eq!(
            got,
            vec![
                Label::begin(EntityType::Per),
                Label::inside(EntityType::Per)
            ]
        );
        assert!(viterbi(&[], &t).is_empty());
    }

    #[test]
    fn perceptron_learns_a_separable_task() {
        // Feature 0 marks person words, 1 other words; persons come in pairs.
        let b = Label::begin(EntityType::Per);
        let i = Label::inside(EntityType::Per);
        let mk = |pattern: &[bool]| {
            let mut s = IndexedSentence::default();
            for &p in pattern {
                s.offsets.push(s.feats.len() as u32);
                s.feats.push(if p { 0 } else { 1 });
            }
            s.offsets.push(s.feats.len() as u32);
            let mut labels = Vec::new();
            for (k, &p) in pattern.iter().enumerate() {
                labels.push(match (p, k > 0 && pattern[k - 1]) {
                    (false, _) => Label::O,
                    (true, false) => b,
                    (true, true) => i,
                });
            }
            s.labels = labels;
            s
        };
        let data = vec![
            mk(&[false, true, true, false]),
            mk(&[true, true, false]),
            mk(&[false, false, true, true]),
        ];
        let mut p = Perceptron::new(2);
        for _ in 0..10 {
            for s in &data {
                p.learn(s);
            }
        }
        let avg = p.averaged();
        for s in &data {
            assert_eq!(avg.decode(s), s.labels);
        }
    }
}
