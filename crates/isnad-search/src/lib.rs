//! Arabic full-text search for isnad.
//!
//! This crate owns the search side of a corpus: the analyzer ([`analyzer`]: index terms
//! from the engine's own text layer — the same normalization, tokens and clitic
//! segmentation — in an exact form for precision and phrases and a lightly stemmed form
//! for recall, the stemmer never touching entity names), its registration as tantivy
//! tokenizers, the index ([`SearchIndex`]: schema, upserts keyed by article id,
//! queries with filters by entity, speaker, date range, source and event type), query
//! parsing ([`query`]) and snippets of the original text with highlighted hits
//! ([`snippet`]).
//!
//! It must not know about SQLite, the analysis contract or articles beyond what an
//! [`IndexDoc`] carries: the store (`isnad-store`) decides what goes in and turns hits
//! into results. Every span it returns is a byte span of the original text.
#![deny(missing_docs)]

pub mod analyzer;
pub mod index;
pub mod query;
pub mod snippet;

pub use analyzer::{light_stem, name_key, terms, Term, TermForm};
pub use index::{Filters, Hit, Hits, IndexDoc, SearchIndex, SearchWriter};
pub use query::{parse, Clause, ParsedQuery};
pub use snippet::{snippet, Snippet};

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Another process holds the index writer.
    #[error("the search index is being written by another process")]
    Locked,
    /// A file system error.
    #[error("search index: {0}")]
    Io(String),
    /// An error of the index.
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory cannot be opened.
    #[error("search index: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
}
