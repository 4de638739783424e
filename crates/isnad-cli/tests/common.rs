//! Helpers shared by the integration tests.
#![allow(dead_code)]

use isnad_api::Analysis;
use isnad_input::{Item, ReadOptions};
use std::path::{Path, PathBuf};
use std::process::Child;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, if this machine has it.
pub fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!(
            "NOTE: {} is absent; the tests that need the shared corpora and gold files are skipped",
            p.display()
        );
        None
    }
}

/// Analyses every article of a path with the default pipeline; returns the analyses
/// and the original texts.
pub fn analyze_path(path: &Path) -> Vec<(Analysis, String)> {
    let pipeline = isnad_extract::default_pipeline();
    isnad_input::read(&[path.to_path_buf()], ReadOptions::default())
        .map(|item| match item {
            Item::Article(a) => {
                let doc = isnad_extract::analyze(&pipeline, a.meta, a.text, a.embeds)
                    .expect("article analyses");
                (Analysis::from_doc(&doc), doc.text)
            }
            Item::Failed(f) => panic!("{}: {}", f.origin, f.error),
        })
        .collect()
}

/// A fresh directory for one test, named `isnad-{prefix}-…` and deleted when the guard
/// drops (also on a panic).
pub fn scratch_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("isnad-{prefix}-"))
        .tempdir()
        .unwrap()
}

/// A child process killed and reaped when the guard drops, however the test ends:
/// declared after the directory it uses, it is gone before the directory is deleted.
pub struct Guard(pub Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
