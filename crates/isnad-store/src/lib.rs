//! The isnad corpus store.
//!
//! A store is a directory (default `./isnad-data`) holding `isnad.sqlite` — a SQLite
//! database in WAL mode with the articles, their original texts, every annotation layer
//! of the `isnad.analysis/1` contract as tables plus the full analysis JSON — and
//! `index/`, the tantivy full-text index of `isnad-search`.
//!
//! This crate owns:
//! - the schema and its migrations ([`schema`]);
//! - writing ([`Writer`]): idempotent upserts keyed by article id, one transaction per
//!   chunk, the search index committed before the database so that a killed ingest,
//!   rerun, ends with the same rows (nothing lost, nothing doubled);
//! - the corpus-level layers recomputed after an ingest: actors ([`actors`]: the same
//!   person under spelling variants, partial names and handles, with stable ids) and
//!   republication groups ([`republication`], MinHash/LSH over word shingles, [`minhash`]);
//! - the queries behind `isnad stats|search|actor|quotes` and the HTTP API ([`Corpus`]),
//!   answering with the serializable types of `isnad_api::corpus`.
//!
//! It must not analyse articles (it receives analyses made by `isnad-extract`), parse
//! command lines or speak HTTP. Offsets it returns are the contract's character offsets.
#![deny(missing_docs)]

pub mod actors;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod minhash;
mod query;
pub mod republication;
pub mod schema;
mod write;

#[cfg(test)]
mod tests;

pub use query::{Corpus, EventsRequest, SearchRequest};
pub use write::{
    article_date, content_hash, prepare, ArticleExtras, FinalizeReport, Prepared, Writer,
};

use std::path::{Path, PathBuf};

/// The default store directory.
pub const DEFAULT_DIR: &str = "isnad-data";

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A database error.
    #[error("store database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A search index error.
    #[error(transparent)]
    Search(#[from] isnad_search::SearchError),
    /// A file system error.
    #[error("store {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// What happened.
        message: String,
    },
    /// The directory holds no store.
    #[error("no store at {0} (run `isnad ingest --store {0} ...` first)")]
    Missing(String),
    /// Written by a newer isnad.
    #[error("the store has schema version {0}, newer than this isnad understands")]
    NewerSchema(i64),
    /// A stored analysis that does not parse.
    #[error("stored analysis of {0} is not valid JSON: {1}")]
    Corrupt(String, String),
}

/// The paths of a store directory.
#[derive(Clone, Debug)]
pub struct StorePaths {
    /// The directory.
    pub dir: PathBuf,
    /// The SQLite database.
    pub database: PathBuf,
    /// The tantivy index directory.
    pub index: PathBuf,
}

impl StorePaths {
    /// The paths inside `dir`.
    pub fn new(dir: &Path) -> StorePaths {
        StorePaths {
            dir: dir.to_owned(),
            database: dir.join("isnad.sqlite"),
            index: dir.join("index"),
        }
    }

    /// True when the directory holds a store.
    pub fn exists(&self) -> bool {
        self.database.is_file()
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Opens (and migrates) the database of a store, creating the directory when `create`.
pub(crate) fn open_database(
    paths: &StorePaths,
    create: bool,
) -> Result<rusqlite::Connection, StoreError> {
    if !paths.exists() {
        if !create {
            return Err(StoreError::Missing(paths.dir.display().to_string()));
        }
        std::fs::create_dir_all(&paths.dir).map_err(|e| io_error(&paths.dir, e))?;
    }
    let mut conn = rusqlite::Connection::open(&paths.database)?;
    schema::configure(&conn)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}
