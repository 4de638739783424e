//! `isnad export events`: one row per event, ACLED/POLECAT-style columns, as CSV or JSON
//! Lines. The row mapping is `isnad_api::events`; this module only runs the pipeline over
//! the inputs (the ordered batch runner) and writes.

use crate::{analyze, batch};
use anyhow::Result;
use isnad_input::ReadOptions;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// The export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header line (RFC 4180).
    Csv,
    /// One JSON object per event.
    Jsonl,
}

/// Runs `isnad export events`. Returns the number of articles that failed.
pub fn events(
    paths: Vec<PathBuf>,
    published: Option<chrono::NaiveDate>,
    format: Format,
    show_progress: bool,
) -> Result<usize> {
    let pipeline = isnad_extract::default_pipeline();
    let items = isnad_input::read(&paths, ReadOptions { published });
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == Format::Csv {
        out.write_all(isnad_api::events::csv_header().as_bytes())?;
    }
    let mut failures = 0usize;
    let pb = batch::progress(show_progress, "exporting events from");
    batch::run(
        items,
        &pb,
        |item| analyze::analyze_item(&pipeline, item, false),
        |o| {
            if let Some(f) = &o.failure {
                failures += 1;
                pb.suspend(|| eprintln!("isnad: {f}"));
                return Ok(());
            }
            match format {
                Format::Csv => {
                    out.write_all(isnad_api::events::csv_rows(&o.analysis).as_bytes())?
                }
                Format::Jsonl => {
                    for row in isnad_api::event_rows(&o.analysis) {
                        serde_json::to_writer(&mut out, &row)?;
                        writeln!(out)?;
                    }
                }
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(failures)
}
