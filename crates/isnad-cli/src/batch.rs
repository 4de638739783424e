//! Ordered parallel processing of an input stream in bounded memory.
//!
//! Items are read on the calling thread into a chunk (a bounded number of articles and
//! bytes), the chunk is processed on all cores with rayon, and the results are handed to
//! the sink in input order before the next chunk is read. Memory is bounded by the chunk,
//! whatever the size of the corpus.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use isnad_input::Item;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::time::Duration;

/// At most this many articles per chunk.
pub const CHUNK_ITEMS: usize = 512;
/// At most this many bytes of text per chunk.
const CHUNK_BYTES: usize = 32 << 20;

/// Bytes of text an item carries (for chunking and throughput).
pub fn item_bytes(item: &Item) -> usize {
    match item {
        Item::Article(a) => a.text.len(),
        Item::Failed(_) => 0,
    }
}

/// A progress bar on standard error when it is a terminal, hidden otherwise.
pub fn progress(enabled: bool, what: &str) -> ProgressBar {
    let pb = if enabled && std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    pb.set_style(
        ProgressStyle::with_template(&format!(
            "{{spinner}} {what} {{human_pos}} articles · {{binary_bytes}} text · {{elapsed}} ({{per_sec}}) {{msg}}"
        ))
        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

/// Processes `items` in parallel with `f`, calling `sink` on each result in input order.
/// Returns the number of items processed.
pub fn run<I, T, F, S>(items: I, pb: &ProgressBar, f: F, mut sink: S) -> anyhow::Result<usize>
where
    I: Iterator<Item = Item>,
    T: Send,
    F: Fn(Item) -> T + Sync + Send,
    S: FnMut(T) -> anyhow::Result<()>,
{
    run_chunks(items, pb, CHUNK_ITEMS, f, |results| {
        for r in results {
            sink(r)?;
        }
        Ok(())
    })
}

/// Like [`run`], but hands the sink each chunk's results at once (at most `chunk_items`
/// of them, in input order), so that it can write a chunk in one transaction.
pub fn run_chunks<I, T, F, S>(
    items: I,
    pb: &ProgressBar,
    chunk_items: usize,
    f: F,
    mut sink: S,
) -> anyhow::Result<usize>
where
    I: Iterator<Item = Item>,
    T: Send,
    F: Fn(Item) -> T + Sync + Send,
    S: FnMut(Vec<T>) -> anyhow::Result<()>,
{
    let chunk_items = chunk_items.max(1);
    let mut items = items.peekable();
    let mut done = 0;
    let mut bytes_done = 0u64;
    while items.peek().is_some() {
        let mut chunk = Vec::with_capacity(chunk_items);
        let mut bytes = 0;
        while chunk.len() < chunk_items && bytes < CHUNK_BYTES {
            match items.next() {
                Some(item) => {
                    bytes += item_bytes(&item);
                    chunk.push(item);
                }
                None => break,
            }
        }
        let n = chunk.len();
        let results: Vec<T> = chunk.into_par_iter().map(&f).collect();
        sink(results)?;
        done += n;
        bytes_done += bytes as u64;
        pb.set_position(done as u64);
        pb.set_message(format!("{:.1} MB", bytes_done as f64 / 1e6));
    }
    pb.finish_and_clear();
    Ok(done)
}
