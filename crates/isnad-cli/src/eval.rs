//! `isnad eval`: scores the pipeline against gold files; `isnad eval timex`: temporal
//! expressions against TimeML files.

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use isnad_doc::{DocMeta, PublishedSource};
use isnad_eval::split::{self, Split};
use isnad_eval::timex_score::Outcome;
use isnad_eval::{timeml, Expr, TimexScore};
use std::path::{Path, PathBuf};

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables.
    Text,
    /// The full report as JSON.
    Json,
}

/// The gold files scored when none are named: the shared seed gold and our development
/// sets. Test sets are scored only when asked for by path.
fn default_gold(shared: &std::path::Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    if shared.join("gold").is_dir() {
        v.push(shared.join("gold"));
    }
    for set in ["quotes", "events"] {
        let p = PathBuf::from(format!("eval/gold/{set}/dev"));
        if p.is_dir() {
            v.push(p);
        }
    }
    v
}

/// Runs `isnad eval`.
pub fn run(
    gold: Vec<PathBuf>,
    shared: Option<PathBuf>,
    format: Format,
    details: bool,
    oracle_entities: bool,
) -> Result<()> {
    let shared = shared.unwrap_or_else(|| PathBuf::from("../shared"));
    if !shared.join("corpus").is_dir() {
        bail!(
            "the shared folder {} (the corpora the gold files refer to) is absent; pass --shared DIR",
            shared.display()
        );
    }
    let gold = if gold.is_empty() {
        default_gold(&shared)
    } else {
        gold
    };
    let report = isnad_eval::run_with(&gold, &shared, isnad_eval::RunOptions { oracle_entities })?;
    match format {
        Format::Text => print!("{}", report.render(details)),
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
    }
    Ok(())
}

/// Which part of a data set to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SplitArg {
    /// The development part.
    Dev,
    /// The held-out test part.
    Test,
    /// Everything.
    All,
}

impl SplitArg {
    fn admits(self, s: Option<Split>) -> bool {
        match self {
            SplitArg::Dev => s == Some(Split::Dev),
            SplitArg::Test => s == Some(Split::Test),
            SplitArg::All => true,
        }
    }
}

/// The default place of the TimeML data: `../shared/data/timeml-ar` from the working
/// directory.
fn default_timeml_dir() -> Result<PathBuf> {
    let p = Path::new("../shared/data/timeml-ar");
    if p.is_dir() {
        return Ok(p.to_path_buf());
    }
    bail!("no --timeml given and {} does not exist", p.display())
}

/// Scores the timex stage on a directory of TimeML files. Each file's creation time
/// anchors its relative expressions; a file without one is anchored at `dct`.
pub fn timex(dir: Option<PathBuf>, which: SplitArg, dct: NaiveDate, errors: bool) -> Result<()> {
    let dir = match dir {
        Some(d) => d,
        None => default_timeml_dir()?,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml" || x == "xml"))
        .collect();
    // Natural order: doc2 before doc10.
    files.sort_by_key(|p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let digits: String = name.chars().filter(char::is_ascii_digit).collect();
        (digits.parse::<u64>().unwrap_or(u64::MAX), name)
    });
    let pipeline = isnad_extract::default_pipeline();
    let mut score = TimexScore::default();
    let mut anchored_by_file = 0;
    for path in &files {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !which.admits(split::timeml_ar(&name)) {
            continue;
        }
        let xml =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let gold_doc =
            timeml::parse(&xml).with_context(|| format!("parsing {}", path.display()))?;
        let published = match gold_doc.dct.as_deref() {
            Some(d) => {
                anchored_by_file += 1;
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .with_context(|| format!("{}: creation time {d:?}", path.display()))?
            }
            None => dct,
        };
        let meta = DocMeta {
            id: name.to_string(),
            published: Some(published),
            published_source: PublishedSource::Given,
            origin: path.display().to_string(),
            ..DocMeta::default()
        };
        let gold: Vec<Expr> = gold_doc
            .timex
            .iter()
            .map(|g| Expr {
                span: g.span.clone(),
                kind: g.kind.clone(),
                value: g.value.clone(),
            })
            .collect();
        let text = gold_doc.text;
        let pred: Vec<Expr> =
            match isnad_extract::analyze(&pipeline, meta, text.clone(), Vec::new()) {
                Ok(doc) => doc
                    .timex
                    .iter()
                    .map(|t| Expr {
                        span: t.span.range(),
                        kind: t.kind.as_str().to_owned(),
                        value: t.value.clone(),
                    })
                    .collect(),
                Err(_) => Vec::new(), // an empty text: nothing predicted
            };
        let result = score.add(&gold, &pred);
        if errors {
            let show = |e: &Expr| format!("[{}] {} {}", &text[e.span.clone()], e.kind, e.value);
            for (g, outcome) in &result.gold {
                match outcome {
                    Outcome::Correct => {}
                    Outcome::WrongValue(p) => {
                        println!("{name}\twrong\tgold {}\tgot {}", show(g), show(p))
                    }
                    Outcome::Missed => println!("{name}\tmissed\tgold {}", show(g)),
                }
            }
            for p in &result.spurious {
                println!("{name}\tspurious\tgot {}", show(p));
            }
        }
    }
    if score.documents == 0 {
        bail!("no TimeML file of the chosen split in {}", dir.display());
    }
    println!(
        "timeml: {} ({} split); {} files anchored at their creation time, the others at {dct}",
        dir.display(),
        match which {
            SplitArg::Dev => "dev",
            SplitArg::Test => "test",
            SplitArg::All => "all",
        },
        anchored_by_file
    );
    print!("{score}");
    Ok(())
}
