//! `isnad build ...`: builds the data the engine ships from the corpora in `../shared`.

use anyhow::{Context, Result};
use isnad_text::WordCounts;
use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `f` on every sentence of every article of the corpora: the article's text layers
/// (segmented with `counts`) and the sentence's tokens. Returns the number of articles,
/// or an error when no article could be read.
fn for_each_sentence(
    corpora: &[PathBuf],
    counts: &dyn WordCounts,
    mut f: impl FnMut(&isnad_text::TextLayers, &[isnad_text::Token]),
) -> Result<usize> {
    let mut articles = 0usize;
    for a in crate::readable_articles(corpora) {
        articles += 1;
        let layers = isnad_text::analyze(&a.text, counts);
        for s in &layers.sentences {
            f(
                &layers,
                &layers.tokens[s.first_token as usize..s.end_token as usize],
            );
        }
    }
    crate::articles_read(articles, corpora)
}

/// Creates the TSV file `out` and writes its `# ...` header line.
fn create_tsv(out: &Path, header: &str) -> Result<std::fs::File> {
    let mut f =
        std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    writeln!(f, "# {header}")?;
    Ok(f)
}

/// Counts normalized Arabic word forms over the corpora, in all positions and at the
/// start of a clause (sentence start, after a comma or semicolon), and writes
/// `word\tcount\tclause_initial` lines (count ≥ `min_count`), most frequent first, gzipped.
pub fn lexicon(corpora: &[PathBuf], min_count: u32, out: &Path) -> Result<()> {
    let mut counts: FxHashMap<String, (u32, u32)> = FxHashMap::default();
    // Segmentation is not needed to count whole forms (and must not depend on the counts
    // being built).
    let articles = for_each_sentence(corpora, &isnad_text::NoCounts, |layers, toks| {
        let mut clause_start = true;
        for t in toks {
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
    })?;
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
    let articles = for_each_sentence(corpora, counts, |layers, toks| {
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
                if t.clitics.has(isnad_text::Prefix::Wa) || t.clitics.has(isnad_text::Prefix::Fa) {
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
    })?;
    let mut rows: Vec<(String, u32, u32)> = intro
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(w, c)| {
            let s = starts.get(&w).copied().unwrap_or(c);
            (w, s, c)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let mut f = create_tsv(
        out,
        &format!("form\tclause_starts\tintroductions\tratio — mined by `isnad build reporting-verbs` from {articles} articles (window {window}, min {min_count})"),
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

/// Names of organisations, mined from the corpora: a word without the article that follows
/// a head noun of a movement or armed group (`ORGANISATION_NAME_HEADS`, with or without
/// و/ف/ب/ل) at least `MIN_AFTER_HEAD` times and in at least `MIN_HEAD_SHARE` of all its
/// occurrences, and that takes the article in less than `MAX_ARTICLE_SHARE` of them (a
/// common noun after a head, "حركة نزوح", takes it often). The word that follows it after
/// the head in at least `MIN_NEXT_SHARE` of the cases is part of the name ("احرار الشام").
/// A name whose article share is under `MAX_BARE_ARTICLE_SHARE` names the organisation
/// without its head too ("داعش"); the others only after it ("حركة فتح", not "فتح باب").
/// Counts of all uses come from the shipped word counts (`isnad build lexicon` over the
/// same corpora). Writes `phrase\tafter_head\tcount\tarticle_share\tbare` rows, most
/// frequent first.
pub fn org_names(corpora: &[PathBuf], out: &Path) -> Result<()> {
    const MIN_AFTER_HEAD: u32 = 20;
    const MIN_HEAD_SHARE: f64 = 0.1;
    const MAX_ARTICLE_SHARE: f64 = 0.3;
    const MAX_BARE_ARTICLE_SHARE: f64 = 0.12;
    const MIN_NEXT_SHARE: f64 = 0.5;
    let heads = isnad_resources::ORGANISATION_NAME_HEADS;
    let is_head = |w: &str| {
        heads.contains(&w)
            || w.strip_prefix(['و', 'ف', 'ب', 'ل'])
                .is_some_and(|rest| heads.contains(&rest))
    };
    // How often each word occurs at all: the shipped word counts of the same corpora
    // (`isnad build lexicon`), not counted again here.
    let counts = isnad_resources::word_counts();
    // Word after a head → (times, the words after it).
    let mut after_head: FxHashMap<String, (u32, FxHashMap<String, u32>)> = FxHashMap::default();
    let articles = for_each_sentence(corpora, &isnad_text::NoCounts, |layers, toks| {
        for (i, pair) in toks.windows(2).enumerate() {
            let (t, x) = (&pair[0], &pair[1]);
            let xw = layers.norm_text(x);
            if t.kind != isnad_text::TokenKind::Arabic
                || !is_head(layers.norm_text(t))
                || x.kind != isnad_text::TokenKind::Arabic
                || xw.starts_with("ال")
                || xw.chars().count() < 3
            {
                continue;
            }
            let e = after_head.entry(xw.to_owned()).or_default();
            e.0 += 1;
            if let Some(y) = toks.get(i + 2) {
                if y.kind == isnad_text::TokenKind::Arabic {
                    *e.1.entry(layers.norm_text(y).to_owned()).or_default() += 1;
                }
            }
        }
    })?;
    let mut rows: Vec<(String, u32, u32, f64, bool)> = Vec::new();
    for (x, (n, next)) in &after_head {
        let total = counts.count(x).max(*n);
        let article = counts.count(&format!("ال{x}")) as f64 / total as f64;
        if *n < MIN_AFTER_HEAD
            || (*n as f64) < MIN_HEAD_SHARE * total as f64
            || article >= MAX_ARTICLE_SHARE
        {
            continue;
        }
        let bare = article < MAX_BARE_ARTICLE_SHARE;
        rows.push((x.clone(), *n, total, article, bare));
        if let Some((y, k)) = next
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        {
            if *k as f64 >= MIN_NEXT_SHARE * *n as f64 {
                rows.push((format!("{x} {y}"), *k, total, article, bare));
            }
        }
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut f = create_tsv(
        out,
        &format!("phrase\tafter_head\tcount\tarticle_share\tbare — organisation names mined from {articles} articles; built by `isnad build org-names`"),
    )?;
    for (p, n, total, article, bare) in &rows {
        let bare = if *bare { "yes" } else { "no" };
        writeln!(f, "{p}\t{n}\t{total}\t{article:.2}\t{bare}")?;
    }
    eprintln!(
        "isnad: {} organisation names from {articles} articles written to {}",
        rows.len(),
        out.display()
    );
    Ok(())
}
