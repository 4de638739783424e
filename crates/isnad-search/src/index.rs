//! The tantivy index of a corpus: schema, upserts keyed by article id, queries.
//!
//! Fields:
//!
//! | field | what | how |
//! |---|---|---|
//! | `id` | article id | raw, stored: upserts delete by it, hits return it |
//! | `text` | title and body, exact terms | positions, for phrases and precision |
//! | `stem` | title and body, stem terms | frequencies, for recall |
//! | `date` | publication (or crawl) date | indexed and fast: ranges, newest-first order |
//! | `source` | outlet | raw |
//! | `entity` | name keys of the article's entities ([`crate::name_key`]) | raw |
//! | `speaker` | name keys of the speakers of its quotes | raw |
//! | `event` | PLOVER types of its events | raw |
//!
//! Only `id` is stored: the text lives in the store, which builds snippets from it.

use crate::analyzer::{self, ArabicTokenizer, Term, TermForm};
use crate::query::{Clause, ParsedQuery};
use crate::SearchError;
use chrono::NaiveDate;
use isnad_text::WordCounts;
use std::ops::Bound;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query as TantivyQuery, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED,
    STRING,
};
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument};

/// Name of the registered exact analyzer.
pub const EXACT_ANALYZER: &str = "isnad_exact";
/// Name of the registered stemming analyzer.
pub const STEM_ANALYZER: &str = "isnad_stem";

/// A document to index: one article.
#[derive(Clone, Debug, Default)]
pub struct IndexDoc {
    /// Article id.
    pub id: String,
    /// Exact terms of the title (positions from 0).
    pub title_exact: Vec<Term>,
    /// Stem terms of the title.
    pub title_stem: Vec<Term>,
    /// Exact terms of the body.
    pub body_exact: Vec<Term>,
    /// Stem terms of the body.
    pub body_stem: Vec<Term>,
    /// Publication date, else crawl date.
    pub date: Option<NaiveDate>,
    /// Outlet.
    pub source: Option<String>,
    /// Name keys of the entities.
    pub entities: Vec<String>,
    /// Name keys of the speakers.
    pub speakers: Vec<String>,
    /// Event types.
    pub event_types: Vec<String>,
}

/// Filters on the structured fields. Each one set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// The article has an entity with one of these name keys.
    pub entity_keys: Vec<String>,
    /// The article quotes a speaker with one of these name keys.
    pub speaker_keys: Vec<String>,
    /// Published by this outlet.
    pub source: Option<String>,
    /// Has an event of this type.
    pub event_type: Option<String>,
    /// Dated on or after.
    pub from: Option<NaiveDate>,
    /// Dated on or before.
    pub to: Option<NaiveDate>,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// One hit: an article id and its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Article id.
    pub id: String,
    /// BM25 score (0 for filter-only queries, which are ordered by date).
    pub score: f32,
}

/// The hits of a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hits {
    /// Number of matching articles.
    pub total: usize,
    /// The requested page of them, best first.
    pub hits: Vec<Hit>,
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    text: Field,
    stem: Field,
    date: Field,
    source: Field,
    entity: Field,
    speaker: Field,
    event: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let exact = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(EXACT_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stem = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEM_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        text: b.add_text_field("text", exact),
        stem: b.add_text_field("stem", stem),
        date: b.add_date_field("date", INDEXED | FAST),
        source: b.add_text_field("source", STRING),
        entity: b.add_text_field("entity", STRING),
        speaker: b.add_text_field("speaker", STRING),
        event: b.add_text_field("event", STRING),
    };
    (b.build(), fields)
}

fn date_value(d: NaiveDate) -> DateTime {
    let secs = d
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(0);
    DateTime::from_timestamp_secs(secs)
}

fn pre_tokenized(terms: &[Term]) -> PreTokenizedString {
    // The text itself is not stored in the index, so only the tokens are given.
    PreTokenizedString {
        text: String::new(),
        tokens: analyzer::to_tantivy(terms.to_vec()),
    }
}

/// A corpus index in a directory.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    counts: &'static dyn WordCounts,
}

/// Writes to a [`SearchIndex`]. One writer per index at a time (a lock file in the
/// directory enforces it, across processes too).
pub struct SearchWriter {
    writer: IndexWriter<TantivyDocument>,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it when the directory is empty or missing.
    /// `counts` are the word counts for clitic segmentation (the engine's lexicon).
    pub fn open(dir: &Path, counts: &'static dyn WordCounts) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Io(e.to_string()))?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        let index = Index::open_or_create(directory, schema)?;
        index.tokenizers().register(
            EXACT_ANALYZER,
            TextAnalyzer::from(ArabicTokenizer::new(TermForm::Exact, counts)),
        );
        index.tokenizers().register(
            STEM_ANALYZER,
            TextAnalyzer::from(ArabicTokenizer::new(TermForm::Stem, counts)),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            counts,
        })
    }

    /// The word counts the index analyses queries with.
    pub fn counts(&self) -> &'static dyn WordCounts {
        self.counts
    }

    /// A writer with a memory budget in bytes (shared by its indexing threads).
    pub fn writer(&self, memory_budget: usize) -> Result<SearchWriter, SearchError> {
        let writer = self.index.writer(memory_budget).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => SearchError::Locked,
            e => SearchError::Tantivy(e),
        })?;
        Ok(SearchWriter {
            writer,
            fields: self.fields,
        })
    }

    /// Makes the latest commit visible to searches now.
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// Number of indexed articles.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn build(&self, parsed: &ParsedQuery, filters: &Filters) -> Box<dyn TantivyQuery> {
        let f = self.fields;
        let mut must: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        let mut words = Vec::new();
        for clause in &parsed.clauses {
            match clause {
                Clause::Word { exact, stem } => {
                    words.push(exact.clone());
                    let exact_q: Box<dyn TantivyQuery> = Box::new(BoostQuery::new(
                        Box::new(TermQuery::new(
                            tantivy::Term::from_field_text(f.text, exact),
                            IndexRecordOption::WithFreqs,
                        )),
                        2.0,
                    ));
                    match stem {
                        Some(stem) => {
                            let stem_q = Box::new(TermQuery::new(
                                tantivy::Term::from_field_text(f.stem, stem),
                                IndexRecordOption::WithFreqs,
                            ));
                            must.push((
                                Occur::Must,
                                Box::new(BooleanQuery::new(vec![
                                    (Occur::Should, exact_q),
                                    (Occur::Should, stem_q),
                                ])),
                            ));
                        }
                        None => must.push((Occur::Must, exact_q)),
                    }
                }
                Clause::Phrase(terms) => must.push((Occur::Must, phrase(f.text, terms, 2.0))),
            }
        }
        // Query words that stand next to each other in the text rank first.
        if words.len() >= 2 && parsed.clauses.len() == words.len() {
            must.push((Occur::Should, phrase(f.text, &words, 3.0)));
        }
        let mut filter_clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        let any_of = |field: Field, keys: &[String]| -> Box<dyn TantivyQuery> {
            Box::new(BooleanQuery::new(
                keys.iter()
                    .map(|k| {
                        let q: Box<dyn TantivyQuery> = Box::new(TermQuery::new(
                            tantivy::Term::from_field_text(field, k),
                            IndexRecordOption::Basic,
                        ));
                        (Occur::Should, q)
                    })
                    .collect(),
            ))
        };
        if !filters.entity_keys.is_empty() {
            filter_clauses.push((Occur::Must, any_of(f.entity, &filters.entity_keys)));
        }
        if !filters.speaker_keys.is_empty() {
            filter_clauses.push((Occur::Must, any_of(f.speaker, &filters.speaker_keys)));
        }
        if let Some(s) = &filters.source {
            filter_clauses.push((Occur::Must, any_of(f.source, std::slice::from_ref(s))));
        }
        if let Some(t) = &filters.event_type {
            filter_clauses.push((Occur::Must, any_of(f.event, std::slice::from_ref(t))));
        }
        if filters.from.is_some() || filters.to.is_some() {
            let bound = |d: Option<NaiveDate>| match d {
                Some(d) => Bound::Included(tantivy::Term::from_field_date(f.date, date_value(d))),
                None => Bound::Unbounded,
            };
            filter_clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(filters.from), bound(filters.to))),
            ));
        }
        // Filters do not score: wrap them so that only the text decides the ranking.
        for (occur, q) in filter_clauses {
            must.push((occur, Box::new(BoostQuery::new(q, 0.0))));
        }
        if must.iter().all(|(o, _)| *o != Occur::Must) {
            must.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(must))
    }

    /// The number of articles matching every clause of `parsed` and every filter.
    pub fn count(&self, parsed: &ParsedQuery, filters: &Filters) -> Result<usize, SearchError> {
        let searcher = self.reader.searcher();
        Ok(searcher.search(&self.build(parsed, filters), &Count)?)
    }

    /// Runs a query: the articles matching every clause of `parsed` and every filter, best
    /// first (newest first when the query has no text), `limit` of them from `offset`.
    pub fn search(
        &self,
        parsed: &ParsedQuery,
        filters: &Filters,
        limit: usize,
        offset: usize,
    ) -> Result<Hits, SearchError> {
        let searcher = self.reader.searcher();
        let query = self.build(parsed, filters);
        let limit = limit.max(1);
        let (total, docs): (usize, Vec<(f32, tantivy::DocAddress)>) = if parsed.clauses.is_empty() {
            let (total, docs) = searcher.search(
                &query,
                &(
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(offset)
                        .order_by_fast_field::<DateTime>("date", Order::Desc),
                ),
            )?;
            (total, docs.into_iter().map(|(_, a)| (0.0, a)).collect())
        } else {
            searcher.search(
                &query,
                &(
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(offset)
                        .order_by_score(),
                ),
            )?
        };
        let mut hits = Vec::with_capacity(docs.len());
        for (score, addr) in docs {
            let doc: TantivyDocument = searcher.doc(addr)?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                hits.push(Hit {
                    id: id.to_owned(),
                    score,
                });
            }
        }
        Ok(Hits { total, hits })
    }
}

fn phrase(field: Field, terms: &[String], boost: f32) -> Box<dyn TantivyQuery> {
    let inner: Box<dyn TantivyQuery> = if terms.len() == 1 {
        Box::new(TermQuery::new(
            tantivy::Term::from_field_text(field, &terms[0]),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        Box::new(PhraseQuery::new(
            terms
                .iter()
                .map(|t| tantivy::Term::from_field_text(field, t))
                .collect(),
        ))
    };
    Box::new(BoostQuery::new(inner, boost))
}

impl SearchWriter {
    /// Adds an article, replacing any earlier version with the same id (once committed).
    pub fn upsert(&mut self, doc: &IndexDoc) -> Result<(), SearchError> {
        let f = self.fields;
        self.writer
            .delete_term(tantivy::Term::from_field_text(f.id, &doc.id));
        let mut d = TantivyDocument::default();
        d.add_text(f.id, &doc.id);
        if !doc.title_exact.is_empty() {
            d.add_pre_tokenized_text(f.text, pre_tokenized(&doc.title_exact));
            d.add_pre_tokenized_text(f.stem, pre_tokenized(&doc.title_stem));
        }
        d.add_pre_tokenized_text(f.text, pre_tokenized(&doc.body_exact));
        d.add_pre_tokenized_text(f.stem, pre_tokenized(&doc.body_stem));
        if let Some(date) = doc.date {
            d.add_date(f.date, date_value(date));
        }
        if let Some(s) = &doc.source {
            d.add_text(f.source, s);
        }
        for (field, values) in [
            (f.entity, &doc.entities),
            (f.speaker, &doc.speakers),
            (f.event, &doc.event_types),
        ] {
            for v in values {
                d.add_text(field, v);
            }
        }
        self.writer.add_document(d)?;
        Ok(())
    }

    /// Removes an article (once committed).
    pub fn delete(&mut self, id: &str) {
        self.writer
            .delete_term(tantivy::Term::from_field_text(self.fields.id, id));
    }

    /// Makes every change so far durable and visible to new readers.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        self.writer.commit()?;
        Ok(())
    }

    /// Commits and waits for the background merges to finish.
    pub fn finish(self) -> Result<(), SearchError> {
        let mut w = self.writer;
        w.commit()?;
        w.wait_merging_threads()?;
        Ok(())
    }
}
