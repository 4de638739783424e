//! `isnad analyze`: the per-article analysis of the contract.

use crate::batch;
use anyhow::Result;
use isnad_api::Analysis;
use isnad_doc::Pipeline;
use isnad_input::{Item, ReadOptions};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// The output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object (pretty) per article.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A readable report.
    Text,
}

/// An analysed item: the contract object, the text for the report, and the error line.
pub struct Outcome {
    pub analysis: Analysis,
    pub text: Option<String>,
    pub failure: Option<String>,
}

/// Analyses one input item.
pub fn analyze_item(pipeline: &Pipeline, item: Item, keep_text: bool) -> Outcome {
    match item {
        Item::Article(a) => {
            let a = *a;
            let id = a.meta.id.clone();
            let origin = a.meta.origin.clone();
            let warnings = a.warnings;
            match isnad_extract::analyze(pipeline, a.meta, a.text, a.embeds) {
                Ok(mut doc) => {
                    for w in warnings {
                        doc.diagnose("input", w);
                    }
                    Outcome {
                        analysis: Analysis::from_doc(&doc),
                        text: keep_text.then_some(doc.text),
                        failure: None,
                    }
                }
                Err(e) => Outcome {
                    analysis: Analysis::failed(&id, Some(&origin), &e.to_string()),
                    text: None,
                    failure: Some(format!("{origin}: {e}")),
                },
            }
        }
        Item::Failed(f) => Outcome {
            analysis: Analysis::failed(&f.id, Some(&f.origin), &f.error.to_string()),
            text: None,
            failure: Some(format!("{}: {}", f.origin, f.error)),
        },
    }
}

/// Runs `isnad analyze`. Returns the number of failed articles.
pub fn run(
    paths: Vec<PathBuf>,
    published: Option<chrono::NaiveDate>,
    format: Option<Format>,
    show_progress: bool,
) -> Result<usize> {
    let pipeline = isnad_extract::default_pipeline();
    let mut reader = isnad_input::read(&paths, ReadOptions { published }).peekable();
    // One article → pretty JSON by default; several → JSON Lines.
    let first = reader.next();
    let single = first.is_some() && reader.peek().is_none();
    let format = format.unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let items = first.into_iter().chain(reader);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    let pb = batch::progress(show_progress && !single, "analysing");
    let keep_text = format == Format::Text;
    batch::run(
        items,
        &pb,
        |item| analyze_item(&pipeline, item, keep_text),
        |o| {
            if let Some(f) = &o.failure {
                failures += 1;
                pb.suspend(|| eprintln!("isnad: {f}"));
            }
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &o.analysis)?;
                    writeln!(out)?;
                }
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &o.analysis)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    write!(out, "{}", isnad_api::report(&o.analysis, o.text.as_deref()))?;
                    writeln!(out)?;
                }
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(failures)
}
