//! Arabic named-entity recognition for isnad.
//!
//! This crate owns the statistical side of "who and where": reading CoNLL data
//! ([`conll`]), the words the tagger labels ([`word`]), their features ([`features`]),
//! word clusters and trigger-context profiles learned from unlabeled news ([`clusters`],
//! [`linalg`], [`profiles`]), gazetteer and trigger-word matching ([`gazetteer`],
//! [`triggers`]), the closed-class words that are never names ([`function_words`]), the averaged-perceptron sequence labeller ([`perceptron`]; a CRF trained
//! by SGD, [`crf`], is the measured alternative), training ([`train`]), two-pass document
//! tagging ([`tagger`]), the compact model format ([`model`]) and exact-span scoring
//! ([`eval`]).
//!
//! It must not do IO (callers read files and pass text or bytes), ship data (the model,
//! clusters and gazetteers are embedded by `isnad-resources`), or build document-level
//! entities: grouping mentions, roles and handles is the entity stage's job in
//! `isnad-extract`. Training and tagging read words through `isnad-text`, the same
//! normalizer, tokenizer and clitic segmenter documents go through.
#![deny(missing_docs)]

pub mod clusters;
pub mod conll;
pub mod crf;
pub mod eval;
pub mod features;
pub mod function_words;
pub mod gazetteer;
pub mod hash;
pub mod label;
pub mod linalg;
pub mod model;
pub mod perceptron;
pub mod profiles;
pub mod tagger;
pub mod train;
pub mod triggers;
pub mod word;

pub use clusters::{ClusterBuilder, ClusterParams, Clusters};
pub use conll::Conll;
pub use eval::Scores;
pub use features::Resources;
pub use gazetteer::Gazetteer;
pub use label::{chunks, Chunk, Label};
pub use model::{Model, ModelError};
pub use profiles::{ProfileBuilder, Profiles};
pub use tagger::Tagger;
pub use train::{read_conll, LabelledSentence, TrainOptions};
pub use word::{OwnedWord, Word};

/// Tags labelled sentences as one running document and scores them against their gold
/// labels: the predictions and the scores.
pub fn evaluate(tagger: &Tagger<'_>, data: &[LabelledSentence]) -> (Vec<Vec<Label>>, Scores) {
    let views: Vec<Vec<Word>> = data.iter().map(|s| s.word_views()).collect();
    let sentences: Vec<&[Word]> = views.iter().map(|v| v.as_slice()).collect();
    let predicted = tagger.tag(&sentences);
    let mut scores = Scores::default();
    for (s, p) in data.iter().zip(&predicted) {
        scores.add(&s.labels, p);
    }
    (predicted, scores)
}
