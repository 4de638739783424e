//! Training a model from CoNLL data: the first pass on the training sentences; the
//! second pass on the same sentences with first-pass labels obtained by cross-validation
//! (each fold labelled by a model that did not see it), so that the second pass learns
//! how far to trust first-pass labels it has not memorized.

use crate::conll::Conll;
use crate::eval::Scores;
use crate::features::{sentence_features, Resources, SentenceFeatures, StackContext};
use crate::label::Label;
use crate::linalg::Rng;
use crate::model::Model;
use crate::perceptron::{DenseWeights, FeatureIndex, IndexedSentence, Perceptron};
use crate::tagger::{elsewhere_counts, fingerprint};
use crate::word::{OwnedWord, Word};
use isnad_text::WordCounts;

/// A sentence read for training or evaluation: words and gold labels.
#[derive(Clone, Debug)]
pub struct LabelledSentence {
    /// The words, read with the shared text layer.
    pub words: Vec<OwnedWord>,
    /// Gold labels.
    pub labels: Vec<Label>,
}

impl LabelledSentence {
    /// Borrowed words.
    pub fn word_views(&self) -> Vec<Word<'_>> {
        self.words.iter().map(|w| w.as_word()).collect()
    }
}

/// Reads the sentences of a CoNLL file through the text layer.
pub fn read_conll(conll: &Conll, counts: &dyn WordCounts) -> Vec<LabelledSentence> {
    conll
        .sentences
        .iter()
        .map(|s| LabelledSentence {
            words: s
                .tokens
                .iter()
                .map(|t| OwnedWord::from_token_text(t, counts))
                .collect(),
            labels: s.labels.clone(),
        })
        .collect()
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data for the first-pass model.
    pub epochs: usize,
    /// Passes over the data for the second-pass model.
    pub second_epochs: usize,
    /// Train the second (document) pass.
    pub two_pass: bool,
    /// Cross-validation folds for the second pass's inputs.
    pub folds: usize,
    /// Sentences on each side that form a word's document context.
    pub window: usize,
    /// Features whose weights all stay below this are dropped from the model.
    pub prune: f32,
    /// Seed of the sentence shuffling.
    pub seed: u64,
    /// Train a CRF by SGD instead of the averaged perceptron: `Some(l2)`.
    pub crf_l2: Option<f64>,
    /// Penalty on the `O` label when decoding (both passes).
    pub o_penalty: f32,
    /// Perceptrons trained on different sentence orders whose weights are averaged, per
    /// pass (1: a single one; the CRF ignores it).
    pub ensemble: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            second_epochs: 12,
            two_pass: true,
            folds: 5,
            window: 20,
            prune: 0.0,
            seed: 4,
            crf_l2: None,
            o_penalty: 0.0,
            ensemble: 1,
        }
    }
}

fn featurize(
    data: &[LabelledSentence],
    res: &Resources<'_>,
    first_pass: Option<&[Vec<Label>]>,
    window: usize,
) -> Vec<SentenceFeatures> {
    let views: Vec<Vec<Word>> = data.iter().map(|s| s.word_views()).collect();
    let sentences: Vec<&[Word]> = views.iter().map(|v| v.as_slice()).collect();
    let elsewhere = first_pass.map(|l| elsewhere_counts(&sentences, l, window));
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut f = SentenceFeatures::default();
            let ctx = first_pass
                .zip(elsewhere.as_ref())
                .map(|(l, e)| StackContext {
                    labels: &l[i],
                    elsewhere: &e[i],
                });
            sentence_features(s, res, ctx, &mut f);
            f
        })
        .collect()
}

fn score(w: &DenseWeights, data: &[IndexedSentence]) -> Scores {
    let mut s = Scores::default();
    for x in data {
        s.add(&x.labels, &w.decode(x));
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn run_epochs(
    n_features: usize,
    train: &[&IndexedSentence],
    epochs: usize,
    seed: u64,
    dev: &[IndexedSentence],
    name: &str,
    crf_l2: Option<f64>,
    o_penalty: f32,
    ensemble: usize,
    log: &mut dyn FnMut(&str),
) -> DenseWeights {
    if let Some(l2) = crf_l2 {
        let mut crf = crate::crf::Crf::new(n_features, l2, train.len(), 0.1);
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..train.len()).collect();
        for epoch in 1..=epochs {
            rng.shuffle(&mut order);
            let loss: f64 = order.iter().map(|&i| crf.learn(train[i])).sum();
            if !dev.is_empty() {
                let mut w = crf.weights();
                w.o_penalty = o_penalty;
                let m = score(&w, dev).micro();
                log(&format!(
                    "{name} epoch {epoch:>2}: loss {loss:>10.1}; dev P {:.4} R {:.4} F1 {:.4}",
                    m.precision(),
                    m.recall(),
                    m.f1()
                ));
            }
        }
        let mut w = crf.weights();
        w.o_penalty = o_penalty;
        return w;
    }
    if ensemble > 1 {
        // Perceptrons trained on different sentence orders, their averaged weights
        // averaged again: one model with less of the order's noise.
        let mut sum: Option<DenseWeights> = None;
        for e in 0..ensemble as u64 {
            let mut p = Perceptron::new(n_features);
            let mut rng = Rng::new(seed + 1000 * e);
            let mut order: Vec<usize> = (0..train.len()).collect();
            for _ in 1..=epochs {
                rng.shuffle(&mut order);
                for &i in &order {
                    p.learn(train[i]);
                }
            }
            let w = p.averaged();
            sum = Some(match sum {
                None => w,
                Some(s) => s.plus(&w),
            });
        }
        if let Some(mut w) = sum {
            w.scale(1.0 / ensemble as f32);
            w.o_penalty = o_penalty;
            if !dev.is_empty() {
                let m = score(&w, dev).micro();
                log(&format!(
                    "{name}, {ensemble} perceptrons: dev P {:.4} R {:.4} F1 {:.4}",
                    m.precision(),
                    m.recall(),
                    m.f1()
                ));
            }
            return w;
        }
    }
    let mut p = Perceptron::new(n_features);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let wrong: usize = order.iter().map(|&i| p.learn(train[i])).sum();
        if !dev.is_empty() {
            let mut w = p.averaged();
            w.o_penalty = o_penalty;
            let m = score(&w, dev).micro();
            log(&format!(
                "{name} epoch {epoch:>2}: {wrong:>6} training words wrong; dev P {:.4} R {:.4} F1 {:.4}",
                m.precision(),
                m.recall(),
                m.f1()
            ));
        }
    }
    let mut w = p.averaged();
    w.o_penalty = o_penalty;
    w
}

/// Trains a model. `dev` (may be empty) is only used to report scores after each epoch.
pub fn train(
    train: &[LabelledSentence],
    dev: &[LabelledSentence],
    res: &Resources<'_>,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Model {
    let feats = featurize(train, res, None, opts.window);
    let mut index = FeatureIndex::default();
    let indexed: Vec<IndexedSentence> = feats
        .iter()
        .zip(train)
        .map(|(f, s)| index.index(f, &s.labels, true))
        .collect();
    drop(feats);
    let dev_indexed: Vec<IndexedSentence> = featurize(dev, res, None, opts.window)
        .iter()
        .zip(dev)
        .map(|(f, s)| index.index(f, &s.labels, false))
        .collect();
    log(&format!(
        "first pass: {} sentences, {} features",
        train.len(),
        index.len()
    ));
    let all: Vec<&IndexedSentence> = indexed.iter().collect();
    let first = run_epochs(
        index.len(),
        &all,
        opts.epochs,
        opts.seed,
        &dev_indexed,
        "pass 1",
        opts.crf_l2,
        opts.o_penalty,
        opts.ensemble,
        log,
    );
    let second = if opts.two_pass {
        // First-pass labels for the training data by cross-validation over contiguous
        // blocks (neighbouring sentences come from the same articles).
        let folds = opts.folds.max(2);
        let mut jack: Vec<Vec<Label>> = vec![Vec::new(); train.len()];
        for f in 0..folds {
            let (a, b) = (f * train.len() / folds, (f + 1) * train.len() / folds);
            let rest: Vec<&IndexedSentence> = indexed[..a].iter().chain(&indexed[b..]).collect();
            let w = run_epochs(
                index.len(),
                &rest,
                opts.epochs,
                opts.seed + f as u64 + 1,
                &[],
                "",
                opts.crf_l2,
                opts.o_penalty,
                opts.ensemble,
                log,
            );
            for i in a..b {
                jack[i] = w.decode(&indexed[i]);
            }
            log(&format!("fold {}/{folds} labelled", f + 1));
        }
        let dev_first: Vec<Vec<Label>> = dev_indexed.iter().map(|s| first.decode(s)).collect();
        drop(indexed);
        let feats2 = featurize(train, res, Some(&jack), opts.window);
        let mut index2 = FeatureIndex::default();
        let indexed2: Vec<IndexedSentence> = feats2
            .iter()
            .zip(train)
            .map(|(f, s)| index2.index(f, &s.labels, true))
            .collect();
        drop(feats2);
        let dev2: Vec<IndexedSentence> = featurize(dev, res, Some(&dev_first), opts.window)
            .iter()
            .zip(dev)
            .map(|(f, s)| index2.index(f, &s.labels, false))
            .collect();
        log(&format!("second pass: {} features", index2.len()));
        let all2: Vec<&IndexedSentence> = indexed2.iter().collect();
        let w = run_epochs(
            index2.len(),
            &all2,
            opts.second_epochs,
            opts.seed + 100,
            &dev2,
            "pass 2",
            opts.crf_l2,
            opts.o_penalty,
            opts.ensemble,
            log,
        );
        Some(w.to_weights(&index2, opts.prune))
    } else {
        None
    };
    Model {
        fingerprint: fingerprint(res),
        window: opts.window as u32,
        first: first.to_weights(&index, opts.prune),
        second,
    }
}

/// Cross-validation over contiguous blocks of `data`: trains `folds` models, each
/// scored on the block it did not see; returns the summed scores and each fold's micro
/// F1. For choosing features and settings without touching any test set. `extra`
/// sentences are added to every fold's training data and never scored.
pub fn cross_validate(
    data: &[LabelledSentence],
    extra: &[LabelledSentence],
    res: &Resources<'_>,
    opts: &TrainOptions,
    folds: usize,
    log: &mut dyn FnMut(&str),
) -> (Scores, Vec<f64>) {
    let mut total = Scores::default();
    let mut per_fold = Vec::new();
    let folds = folds.max(2);
    for f in 0..folds {
        let (a, b) = (f * data.len() / folds, (f + 1) * data.len() / folds);
        let rest: Vec<LabelledSentence> = data[..a]
            .iter()
            .chain(&data[b..])
            .chain(extra)
            .cloned()
            .collect();
        let model = train(&rest, &[], res, opts, &mut |_| {});
        let tagger = crate::tagger::Tagger::new(&model, *res).expect("same resources");
        let (_, s) = crate::evaluate(&tagger, &data[a..b]);
        let f1 = s.micro().f1();
        log(&format!("fold {}/{folds}: micro F1 {f1:.4}", f + 1));
        per_fold.push(f1);
        for (t, c) in total.per_type.iter_mut().zip(s.per_type) {
            t.tp += c.tp;
            t.fp += c.fp;
            t.fn_ += c.fn_;
        }
    }
    (total, per_fold)
}
