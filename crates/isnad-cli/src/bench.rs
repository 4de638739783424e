//! `isnad bench`: throughput of the text layer, the NER tagger and the whole pipeline on
//! a corpus, on one core.

use anyhow::Result;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What to time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// Normalization + tokenization + clitics + sentence splitting.
    Text,
    /// The whole default pipeline.
    Full,
    /// The NER tagger alone (features, both passes, decoding) over text layers built
    /// beforehand.
    Ner,
    /// Text, NER and the whole pipeline.
    All,
}

struct Timing {
    elapsed: Duration,
    bytes: usize,
    articles: usize,
    tokens: usize,
}

impl Timing {
    fn print(&self, name: &str) {
        let s = self.elapsed.as_secs_f64();
        println!(
            "{name:<10} {:>8} articles  {:>8.1} MB  {:>7.2} s  {:>8.1} MB/s  {:>9.0} articles/s  {:>10.0} tokens/s   (one core)",
            self.articles,
            self.bytes as f64 / 1e6,
            s,
            self.bytes as f64 / 1e6 / s,
            self.articles as f64 / s,
            self.tokens as f64 / s,
        );
    }
}

/// Runs the benchmark on one core over the first `limit` articles of `paths`.
pub fn run(paths: Vec<PathBuf>, limit: Option<usize>, stage: Stage) -> Result<()> {
    let mut texts = Vec::new();
    for a in crate::readable_articles(&paths) {
        texts.push((a.meta, a.text));
        if limit.is_some_and(|l| texts.len() >= l) {
            break;
        }
    }
    crate::articles_read(texts.len(), &paths)?;
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    println!(
        "corpus: {} articles, {:.1} MB of UTF-8 text (input decoding and reading excluded)",
        texts.len(),
        bytes as f64 / 1e6
    );
    // Warm up the lazily loaded resources outside the timed region.
    let _ = isnad_resources::word_counts();
    let pipeline = isnad_extract::default_pipeline();
    if matches!(stage, Stage::Text | Stage::All) {
        let start = Instant::now();
        let mut tokens = 0;
        for (_, t) in &texts {
            let layers = isnad_text::analyze(t, isnad_resources::word_counts());
            tokens += layers.tokens.len();
            std::hint::black_box(&layers);
        }
        Timing {
            elapsed: start.elapsed(),
            bytes,
            articles: texts.len(),
            tokens,
        }
        .print("text");
    }
    if matches!(stage, Stage::Ner | Stage::All) {
        let tagger = match isnad_resources::ner_tagger() {
            Some(Ok(t)) => t,
            Some(Err(e)) => anyhow::bail!("the built-in NER model cannot be used: {e}"),
            None => anyhow::bail!("this build has no NER model"),
        };
        let layers: Vec<isnad_text::TextLayers> = texts
            .iter()
            .map(|(_, t)| isnad_text::analyze(t, isnad_resources::word_counts()))
            .collect();
        let start = Instant::now();
        let mut tokens = 0;
        for l in &layers {
            let words: Vec<isnad_ner::Word> = l
                .tokens
                .iter()
                .map(|t| isnad_ner::Word::from_token(l, t))
                .collect();
            let sentences: Vec<&[isnad_ner::Word]> = l
                .sentences
                .iter()
                .map(|s| &words[s.first_token as usize..s.end_token as usize])
                .collect();
            let labels = tagger.tag(&sentences);
            tokens += words.len();
            std::hint::black_box(&labels);
        }
        Timing {
            elapsed: start.elapsed(),
            bytes,
            articles: texts.len(),
            tokens,
        }
        .print("ner");
    }
    if matches!(stage, Stage::Full | Stage::All) {
        let start = Instant::now();
        let mut tokens = 0;
        // Document construction (the text layer) and then each stage, timed apart.
        let names = pipeline.stage_names();
        let mut per_stage = vec![Duration::ZERO; names.len()];
        let mut construction = Duration::ZERO;
        for (meta, t) in &texts {
            let built = Instant::now();
            let Ok(mut doc) =
                isnad_doc::Doc::new(meta.clone(), t.clone(), isnad_resources::word_counts())
            else {
                continue;
            };
            construction += built.elapsed();
            let mut k = 0;
            pipeline.run_timed(&mut doc, |_, d| {
                per_stage[k] += d;
                k += 1;
            });
            tokens += doc.tokens().len();
            std::hint::black_box(&doc);
        }
        Timing {
            elapsed: start.elapsed(),
            bytes,
            articles: texts.len(),
            tokens,
        }
        .print("pipeline");
        let base = construction.as_secs_f64();
        println!(
            "  {:<12} {:>8.2} s  (document and text layer: 100%)",
            "text layer", base
        );
        for (name, d) in names.iter().zip(&per_stage) {
            println!(
                "  {:<12} {:>8.2} s  ({:.1}% of the text layer)",
                name,
                d.as_secs_f64(),
                100.0 * d.as_secs_f64() / base
            );
        }
    }
    Ok(())
}
