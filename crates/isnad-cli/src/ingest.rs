//! `isnad ingest`: analyses articles in parallel and writes them into a store.

use crate::batch;
use anyhow::{Context, Result};
use isnad_api::Analysis;
use isnad_doc::Pipeline;
use isnad_input::{Item, ReadOptions};
use isnad_store::{content_hash, prepare, ArticleExtras, Prepared, Writer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Items read from the input.
    pub read: usize,
    /// Articles unchanged since they were stored (skipped).
    pub unchanged: usize,
    /// Articles analysed and written.
    pub written: usize,
    /// Articles that failed (written with their error).
    pub failed: usize,
}

/// The engine that analyses: a stored article made by another engine is analysed again.
pub fn engine_id(pipeline: &Pipeline) -> String {
    format!(
        "isnad {} stages={}",
        env!("CARGO_PKG_VERSION"),
        pipeline.stage_names().join(",")
    )
}

fn failed_hash(id: &str, origin: &str, error: &str) -> String {
    let meta = isnad_doc::DocMeta {
        id: id.to_owned(),
        origin: origin.to_owned(),
        ..Default::default()
    };
    content_hash(&meta, &format!("FAILED\u{0}{origin}\u{0}{error}"))
}

fn item_key(item: &Item) -> (String, String) {
    match item {
        Item::Article(a) => (a.meta.id.clone(), content_hash(&a.meta, &a.text)),
        Item::Failed(f) => (
            f.id.clone(),
            failed_hash(&f.id, &f.origin, &f.error.to_string()),
        ),
    }
}

/// Analyses one item and prepares it for the store; the second value is the failure line.
fn prepare_item(pipeline: &Pipeline, engine: &str, item: Item) -> (Prepared, Option<String>) {
    let counts = isnad_resources::word_counts();
    let (id, hash) = item_key(&item);
    let extras = |crawled| ArticleExtras {
        crawled,
        content_hash: hash.clone(),
        engine: engine.to_owned(),
    };
    match item {
        Item::Article(a) => {
            let a = *a;
            let origin = a.meta.origin.clone();
            let crawled = a.meta.crawled;
            let warnings = a.warnings;
            match isnad_extract::analyze(pipeline, a.meta, a.text, a.embeds) {
                Ok(mut doc) => {
                    for w in warnings {
                        doc.diagnose("input", w);
                    }
                    let analysis = Analysis::from_doc(&doc);
                    let layers = std::mem::take(&mut doc.text_layers);
                    let text = std::mem::take(&mut doc.text);
                    (
                        prepare(analysis, text, Some(&layers), extras(crawled), counts),
                        None,
                    )
                }
                Err(e) => (
                    prepare(
                        Analysis::failed(&id, Some(&origin), &e.to_string()),
                        String::new(),
                        None,
                        extras(crawled),
                        counts,
                    ),
                    Some(format!("{origin}: {e}")),
                ),
            }
        }
        Item::Failed(f) => (
            prepare(
                Analysis::failed(&f.id, Some(&f.origin), &f.error.to_string()),
                String::new(),
                None,
                extras(None),
                counts,
            ),
            Some(format!("{}: {}", f.origin, f.error)),
        ),
    }
}

/// Runs `isnad ingest`.
pub fn run(
    store: &Path,
    paths: Vec<PathBuf>,
    published: Option<chrono::NaiveDate>,
    force: bool,
    show_progress: bool,
    limit: Option<usize>,
    chunk: usize,
) -> Result<Summary> {
    let start = Instant::now();
    let counts = isnad_resources::word_counts();
    let mut writer = Writer::open(store, counts)
        .with_context(|| format!("cannot open the store {}", store.display()))?;
    let known: HashMap<String, (String, String)> = if force {
        HashMap::new()
    } else {
        writer.known()?
    };
    let pipeline = isnad_extract::default_pipeline();
    let engine = engine_id(&pipeline);
    let mut summary = Summary::default();
    let mut unchanged = 0usize;
    let items = isnad_input::read(&paths, ReadOptions { published })
        .take(limit.unwrap_or(usize::MAX))
        .filter(|item| {
            let (id, hash) = item_key(item);
            let same = known
                .get(&id)
                .is_some_and(|(h, e)| *h == hash && *e == engine);
            if same {
                unchanged += 1;
            }
            !same
        });
    let pb = batch::progress(show_progress, "ingesting");
    let read = batch::run_chunks(
        items,
        &pb,
        chunk,
        |item| prepare_item(&pipeline, &engine, item),
        |results| {
            let mut chunk = Vec::with_capacity(results.len());
            for (prepared, failure) in results {
                if let Some(f) = failure {
                    summary.failed += 1;
                    pb.suspend(|| eprintln!("isnad: {f}"));
                }
                chunk.push(prepared);
            }
            summary.written += chunk.len();
            writer.write_chunk(&chunk)?;
            Ok(())
        },
    )?;
    summary.unchanged = unchanged;
    summary.read = read + unchanged;
    let analysed = start.elapsed();
    eprintln!(
        "isnad: {} read, {} analysed and stored ({} failed), {} unchanged, in {:.1} s",
        summary.read,
        summary.written,
        summary.failed,
        summary.unchanged,
        analysed.as_secs_f64()
    );
    let report = writer.finalize()?;
    eprintln!(
        "isnad: store {}: {} actors, {} republication groups ({} articles); corpus layers in {:.1} s",
        store.display(),
        report.actors,
        report.groups,
        report.grouped_articles,
        (start.elapsed() - analysed).as_secs_f64()
    );
    Ok(summary)
}
