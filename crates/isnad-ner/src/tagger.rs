//! Tagging a document: the first pass labels each sentence on its own; the second pass
//! (when the model has one) sees, for every word, the first pass's labels around it and
//! the labels the same word got elsewhere in the document — so that "باشاغا" alone is
//! read in the light of "فتحي باشاغا" two paragraphs up.

use crate::features::{
    features_of, prepare, stack_key, Prepared, Resources, SentenceFeatures, StackContext,
};
use crate::label::{Label, N_LABELS};
use crate::model::{Model, ModelError};
use crate::word::Word;
use rustc_hash::FxHashMap;

/// A fingerprint of the resources features depend on, stored in models so that a model
/// is never used with clusters or gazetteers it was not trained with.
pub fn fingerprint(res: &Resources<'_>) -> u64 {
    use crate::hash::combine;
    combine(
        combine(
            combine(res.gazetteer.len() as u64, res.clusters.len() as u64),
            res.clusters.depth() as u64,
        ),
        res.profiles.len() as u64,
    )
}

/// A model with the resources it was trained with.
#[derive(Clone, Copy)]
pub struct Tagger<'a> {
    model: &'a Model,
    res: Resources<'a>,
}

impl<'a> Tagger<'a> {
    /// Pairs a model with resources; refuses resources the model was not trained with.
    pub fn new(model: &'a Model, res: Resources<'a>) -> Result<Tagger<'a>, ModelError> {
        let fp = fingerprint(&res);
        if fp != model.fingerprint {
            return Err(ModelError::Resources {
                model: model.fingerprint,
                resources: fp,
            });
        }
        Ok(Tagger { model, res })
    }

    /// The resources.
    pub fn resources(&self) -> &Resources<'a> {
        &self.res
    }

    /// Labels every word of a document, given as its sentences in order.
    pub fn tag(&self, sentences: &[&[Word<'_>]]) -> Vec<Vec<Label>> {
        let mut f = SentenceFeatures::default();
        let prepared: Vec<Prepared> = sentences.iter().map(|s| prepare(s, &self.res)).collect();
        let first: Vec<Vec<Label>> = prepared
            .iter()
            .map(|p| {
                features_of(p, &self.res, None, &mut f);
                self.model.first.decode(&f)
            })
            .collect();
        let Some(second) = &self.model.second else {
            return first;
        };
        let elsewhere = elsewhere_counts(sentences, &first, self.model.window as usize);
        prepared
            .iter()
            .zip(&first)
            .zip(&elsewhere)
            .map(|((p, labels), e)| {
                let ctx = StackContext {
                    labels,
                    elsewhere: e,
                };
                features_of(p, &self.res, Some(ctx), &mut f);
                second.decode(&f)
            })
            .collect()
    }
}

/// For every word, how often each label was given to the same stem in the sentences
/// within `window` sentences of its own (its own occurrence excluded).
pub fn elsewhere_counts(
    sentences: &[&[Word<'_>]],
    labels: &[Vec<Label>],
    window: usize,
) -> Vec<Vec<[u16; N_LABELS]>> {
    let keys: Vec<Vec<Option<u64>>> = sentences
        .iter()
        .map(|s| s.iter().map(stack_key).collect())
        .collect();
    let mut counts: FxHashMap<u64, [u16; N_LABELS]> = FxHashMap::default();
    let change = |counts: &mut FxHashMap<u64, [u16; N_LABELS]>, s: usize, add: bool| {
        for (k, l) in keys[s].iter().zip(&labels[s]) {
            if let Some(k) = k {
                let c = counts.entry(*k).or_default();
                if add {
                    c[l.index()] += 1;
                } else {
                    c[l.index()] -= 1;
                }
            }
        }
    };
    let n = sentences.len();
    for s in 0..n.min(window + 1) {
        change(&mut counts, s, true);
    }
    let mut out = Vec::with_capacity(n);
    for s in 0..n {
        // `counts` now covers sentences s - window ..= s + window.
        out.push(
            keys[s]
                .iter()
                .zip(&labels[s])
                .map(|(k, l)| match k {
                    Some(k) => {
                        let mut c = counts[k];
                        c[l.index()] -= 1;
                        c
                    }
                    None => [0; N_LABELS],
                })
                .collect(),
        );
        if s >= window {
            change(&mut counts, s - window, false);
        }
        if s + window + 1 < n {
            change(&mut counts, s + window + 1, true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word::phrase_words;
    use isnad_doc::EntityType;
    use isnad_text::NoCounts;

    #[test]
    fn counts_exclude_the_word_itself_and_respect_the_window() {
        let texts = ["قال باشاغا", "التقى باشاغا", "زار باشاغا"];
        let owned: Vec<_> = texts.iter().map(|t| phrase_words(t, &NoCounts)).collect();
        let words: Vec<Vec<Word>> = owned
            .iter()
            .map(|s| s.iter().map(|w| w.as_word()).collect())
            .collect();
        let sentences: Vec<&[Word]> = words.iter().map(|s| s.as_slice()).collect();
        let per = Label::begin(EntityType::Per);
        let labels = vec![
            vec![Label::O, per],
            vec![Label::O, per],
            vec![Label::O, Label::O],
        ];
        let all = elsewhere_counts(&sentences, &labels, 5);
        assert_eq!(all[0][1][per.index()], 1);
        assert_eq!(all[0][1][0], 1);
        assert_eq!(all[2][1][per.index()], 2);
        assert_eq!(all[2][1][0], 0);
        let near = elsewhere_counts(&sentences, &labels, 1);
        assert_eq!(near[0][1][0], 0);
        assert_eq!(near[2][1][per.index()], 1);
    }
}
