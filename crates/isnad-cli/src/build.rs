//! `isnad build ...`: builds the data the engine ships from the corpora in `../shared`.

use anyhow::{Context, Result};
use isnad_input::{Item, ReadOptions};
use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Counts normalized Arabic word forms over the corpora, in all positions and at the
/// start of a clause (sentence start, after a comma or semicolon), and writes
/// `word\tcount\tclause_initial` lines (count ≥ `min_count`), most frequent first, gzipped.
pub fn lexicon(corpora: &[PathBuf], min_count: u32, out: &Path) -> Result<()> {
    let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
    let mut articles = 0usize;
    for item in isnad_input::read(corpora, ReadOptions::default()) {
        let Item::Article(a) = item else { continue };
        articles += 1;
        // Segmentation is not needed to count whole forms (and must not depend on the
        // counts being built).
        let layers = isnad_text::analyze(&a.text, &isnad_text::NoCounts);
        for s in &layers.sentences {
            let mut clause_start = true;
            for t in &layers.tokens[s.first_token as usize..s.end_token as usize] {
                let w = layers.norm_text(t);
                if t.kind == isnad_text::TokenKind::Arabic {
                    let e = match counts.get_mut(w) {
                        Some(e) => e,
                        None => counts.entry(w.to_owned()).or_default(),
                    };
                    e.0 += 1;
                    if clause_start {
                        e.1 += 1;
                    }
                }
                clause_start =
                    t.kind == isnad_text::TokenKind::Punct && matches!(w, "،" | "," | "؛" | ";");
            }
        }
    }
    let mut rows: Vec<(String, (u32, u32))> = counts
        .into_iter()
        .filter(|(_, c)| c.0 >= min_count)
        .collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(&b.0)));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    writeln!(
        gz,
        "# word\tcount\tclause_initial — normalized Arabic word forms of {articles} articles (min count {min_count}); built by `isnad build lexicon`"
    )?;
    for (w, (c, i)) in &rows {
        writeln!(gz, "{w}\t{c}\t{i}")?;
    }
    gz.finish()?;
    eprintln!(
        "isnad: {} words from {articles} articles written to {}",
        rows.len(),
        out.display()
    );
    Ok(())
}

/// Words that introduce reported speech, mined from the corpora: a clause-initial word
/// (at a sentence start or after a comma, conjunctions و/ف aside) counts as introducing
/// reported speech when a complementizer (إن، أن، بأن with or without an attached
/// pronoun) or a colon follows within the same clause, after at most `window` tokens.
/// Writes `form\tclause_starts\tintroductions\tratio` for forms seen at least
/// `min_count` times as introducers, by number of introductions.
pub fn reporting_verbs(
    corpora: &[PathBuf],
    window: usize,
    min_count: u32,
    out: &Path,
) -> Result<()> {
    use isnad_text::TokenKind;
    let counts = isnad_resources::word_counts();
    let mut starts: FxHashMap<String, u32> = FxHashMap::default();
    let mut intro: FxHashMap<String, u32> = FxHashMap::default();
    let mut articles = 0usize;
    for item in isnad_input::read(corpora, ReadOptions::default()) {
        let Item::Article(a) = item else { continue };
        articles += 1;
        let layers = isnad_text::analyze(&a.text, counts);
        for s in &layers.sentences {
            let toks = &layers.tokens[s.first_token as usize..s.end_token as usize];
            let mut clause_start = true;
            for (i, t) in toks.iter().enumerate() {
                let n = layers.norm_text(t);
                if t.kind == TokenKind::Punct {
                    clause_start = matches!(n, "،" | "," | "؛" | ";");
                    continue;
                }
                if !clause_start || t.kind != TokenKind::Arabic {
                    clause_start = false;
                    continue;
                }
                clause_start = false;
                // The word without a leading conjunction.
                let mut form = n;
                for c in ["و", "ف"] {
                    if t.clitics.has(isnad_text::Prefix::Wa)
                        || t.clitics.has(isnad_text::Prefix::Fa)
                    {
                        form = form.strip_prefix(c).unwrap_or(form);
                    }
                }
                if form.chars().count() < 3 {
                    continue;
                }
                *starts.entry(form.to_owned()).or_default() += 1;
                let introduces = toks[i + 1..]
                    .iter()
                    .take(window)
                    .take_while(|x| {
                        let m = layers.norm_text(x);
                        !matches!(m, "." | "،" | "؛" | "?" | "؟")
                    })
                    .any(|x| {
                        let m = layers.norm_text(x);
                        matches!(
                            m,
                            "ان" | "بان"
                                | "انه"
                                | "انها"
                                | "بانه"
                                | "بانها"
                                | "انهم"
                                | "بانهم"
                                | ":"
                        )
                    });
                if introduces {
                    *intro.entry(form.to_owned()).or_default() += 1;
                }
            }
        }
    }
    let mut rows: Vec<(String, u32, u32)> = intro
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(w, c)| {
            let s = starts.get(&w).copied().unwrap_or(c);
            (w, s, c)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let mut f =
        std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    writeln!(
        f,
        "# form\tclause_starts\tintroductions\tratio — mined by `isnad build reporting-verbs` from {articles} articles (window {window}, min {min_count})"
    )?;
    for (w, s, c) in &rows {
        writeln!(f, "{w}\t{s}\t{c}\t{:.3}", *c as f64 / *s as f64)?;
    }
    eprintln!(
        "isnad: {} candidate forms written to {}",
        rows.len(),
        out.display()
    );
    Ok(())
}
