//! `isnad build ...`: builds the data the engine ships from the corpora in `../shared`.

use anyhow::{Context, Result};
use isnad_input::{Item, ReadOptions};
use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Counts normalized Arabic word forms over the corpora and writes `word\tcount` lines
/// (count ≥ `min_count`), most frequent first, gzipped.
pub fn lexicon(corpora: &[PathBuf], min_count: u32, out: &Path) -> Result<()> {
    let mut counts: FxHashMap<String, u32> = FxHashMap::default();
    let mut articles = 0usize;
    let mut tokens = Vec::new();
    for item in isnad_input::read(corpora, ReadOptions::default()) {
        let Item::Article(a) = item else { continue };
        articles += 1;
        let norm = isnad_text::Normalized::new(&a.text);
        tokens.clear();
        isnad_text::tokenize::tokenize(norm.as_str(), &mut tokens);
        for t in &tokens {
            if t.kind == isnad_text::TokenKind::Arabic {
                let w = t.span.slice(norm.as_str());
                match counts.get_mut(w) {
                    Some(c) => *c += 1,
                    None => {
                        counts.insert(w.to_owned(), 1);
                    }
                }
            }
        }
    }
    let mut rows: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    writeln!(
        gz,
        "# word\tcount — normalized Arabic word forms of {articles} articles (min count {min_count}); built by `isnad build lexicon`"
    )?;
    for (w, c) in &rows {
        writeln!(gz, "{w}\t{c}")?;
    }
    gz.finish()?;
    eprintln!(
        "isnad: {} words from {articles} articles written to {}",
        rows.len(),
        out.display()
    );
    Ok(())
}
