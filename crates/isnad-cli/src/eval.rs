//! `isnad eval`: scores the pipeline against gold files.

use anyhow::{bail, Result};
use std::path::PathBuf;

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
    let report = isnad_eval::run(&gold, &shared)?;
    match format {
        Format::Text => print!("{}", report.render(details)),
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
    }
    Ok(())
}
