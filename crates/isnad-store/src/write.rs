//! Writing articles: preparation (in parallel, no IO) and chunked, idempotent writes.
//!
//! Crash safety: a chunk is first upserted into the search index and committed there,
//! then written to the database in one transaction. A process killed at any point leaves
//! the database with whole chunks only, each already in the index; a rerun skips the
//! articles the database has with the same content hash and engine, and rewrites the
//! others — deleting by article id first, in both the index and the tables — so nothing
//! is lost and nothing is doubled.

use crate::minhash::{self, Signature};
use crate::{actors, open_database, republication, StoreError, StorePaths};
use isnad_api::Analysis;
use isnad_doc::DocMeta;
use isnad_search::{IndexDoc, SearchIndex, SearchWriter, TermForm};
use isnad_text::{CharOffsets, Span, TextLayers, WordCounts};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::path::Path;
use xxhash_rust::xxh3::xxh3_128;

/// What the store keeps about an article beyond its analysis.
#[derive(Clone, Debug, Default)]
pub struct ArticleExtras {
    /// Crawl time.
    pub crawled: Option<chrono::NaiveDateTime>,
    /// [`content_hash`] of the input.
    pub content_hash: String,
    /// The engine (version and stages) that made the analysis.
    pub engine: String,
}

/// An article ready to be written: its analysis and everything derived from its text
/// (index terms, shingle signature, name keys), computed off the writer's thread.
pub struct Prepared {
    analysis: Analysis,
    text: String,
    extras: ArticleExtras,
    date: Option<String>,
    index: Option<IndexDoc>,
    signature: Option<Signature>,
    entity_keys: Vec<String>,
    mention_keys: Vec<Vec<String>>,
    speaker_keys: Vec<Option<String>>,
    quote_keys: Vec<Option<String>>,
}

impl Prepared {
    /// The article id.
    pub fn id(&self) -> &str {
        &self.analysis.id
    }

    /// True when the analysis failed.
    pub fn failed(&self) -> bool {
        self.analysis.error.is_some()
    }
}

/// A stable hash of an article's input (id, text and metadata): a rerun recognises an
/// article it already stored by it.
pub fn content_hash(meta: &DocMeta, text: &str) -> String {
    let mut buf = Vec::with_capacity(text.len() + 256);
    let fields = [
        Some(meta.id.as_str()),
        Some(text),
        meta.title.as_deref(),
        meta.url.as_deref(),
        meta.source.as_deref(),
    ];
    for f in fields {
        match f {
            Some(s) => {
                buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
                buf.extend_from_slice(s.as_bytes());
            }
            None => buf.extend_from_slice(&u64::MAX.to_le_bytes()),
        }
    }
    for d in [
        meta.published.map(|d| d.to_string()),
        meta.crawled.map(|d| d.to_string()),
    ] {
        buf.extend_from_slice(d.unwrap_or_default().as_bytes());
        buf.push(0);
    }
    format!("{:032x}", xxh3_128(&buf))
}

/// The date the store orders and filters an article by: its publication date when the
/// input gives it, else the day it was crawled, else a publication date the analysis
/// inferred (from embedded posts or the text). A crawl time is an observation — the
/// article existed then — while an inference can be far off (a historical date in the
/// text), so the observation wins.
pub fn article_date(analysis: &Analysis, crawled: Option<chrono::NaiveDateTime>) -> Option<String> {
    let given = analysis.published_source.as_deref() == Some("given");
    match (&analysis.published, crawled) {
        (Some(p), _) if given => Some(p.clone()),
        (_, Some(c)) => Some(c.date().to_string()),
        (p, None) => p.clone(),
    }
}

/// Quotations shorter than this many words are too common to track across articles.
const MIN_QUOTE_KEY_WORDS: usize = 4;

/// Prepares an article. `layers` are the text layers of `text` (from the analysis' Doc);
/// `None` for a failed article.
pub fn prepare(
    analysis: Analysis,
    text: String,
    layers: Option<&TextLayers>,
    extras: ArticleExtras,
    counts: &dyn WordCounts,
) -> Prepared {
    let date = article_date(&analysis, extras.crawled);
    let key = |s: &str| isnad_search::name_key(s, counts);
    let entity_keys: Vec<String> = analysis.entities.iter().map(|e| key(&e.name)).collect();
    let mention_keys = analysis
        .entities
        .iter()
        .map(|e| e.mentions.iter().map(|m| key(&m.text)).collect())
        .collect();
    let speaker_keys: Vec<Option<String>> = analysis
        .quotes
        .iter()
        .map(|q| q.speaker_name.as_deref().map(key).filter(|k| !k.is_empty()))
        .collect();
    let quote_keys = analysis
        .quotes
        .iter()
        .map(|q| {
            let terms = isnad_search::analyzer::exact_terms(&q.text, counts);
            (terms.len() >= MIN_QUOTE_KEY_WORDS).then(|| {
                format!(
                    "{:016x}",
                    xxhash_rust::xxh3::xxh3_64(terms.join(" ").as_bytes())
                )
            })
        })
        .collect();
    let (index, signature) = match layers {
        Some(layers) if analysis.error.is_none() => {
            let chars = CharOffsets::new(&text);
            let mut names: Vec<Span> = analysis
                .entities
                .iter()
                .flat_map(|e| &e.mentions)
                .filter_map(|m| {
                    Some(Span {
                        start: chars.byte_of(m.start)?,
                        end: chars.byte_of(m.end)?,
                    })
                })
                .collect();
            names.sort_by_key(|s| (s.start, s.end));
            let body_exact = isnad_search::terms(layers, TermForm::Exact, &names);
            let body_stem = isnad_search::terms(layers, TermForm::Stem, &names);
            let (title_exact, title_stem) = match analysis.title.as_deref() {
                Some(t) if !t.trim().is_empty() => {
                    let tl = isnad_text::analyze(t, counts);
                    (
                        isnad_search::terms(&tl, TermForm::Exact, &[]),
                        isnad_search::terms(&tl, TermForm::Stem, &[]),
                    )
                }
                _ => (Vec::new(), Vec::new()),
            };
            let words: Vec<&str> = body_exact.iter().map(|t| t.text.as_str()).collect();
            let signature = minhash::signature(&words);
            let mut entities: Vec<String> = entity_keys
                .iter()
                .chain(mention_keys_flat(&analysis, counts).iter())
                .filter(|k| !k.is_empty())
                .cloned()
                .collect();
            entities.sort();
            entities.dedup();
            let mut speakers: Vec<String> = speaker_keys.iter().flatten().cloned().collect();
            speakers.sort();
            speakers.dedup();
            let mut event_types: Vec<String> =
                analysis.events.iter().map(|e| e.kind.clone()).collect();
            event_types.sort();
            event_types.dedup();
            let doc = IndexDoc {
                id: analysis.id.clone(),
                title_exact,
                title_stem,
                body_exact,
                body_stem,
                date: date
                    .as_deref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                source: analysis.source.clone(),
                entities,
                speakers,
                event_types,
            };
            (Some(doc), signature)
        }
        _ => (None, None),
    };
    Prepared {
        analysis,
        text,
        extras,
        date,
        index,
        signature,
        entity_keys,
        mention_keys,
        speaker_keys,
        quote_keys,
    }
}

fn mention_keys_flat(analysis: &Analysis, counts: &dyn WordCounts) -> Vec<String> {
    analysis
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .map(|m| isnad_search::name_key(&m.text, counts))
        .collect()
}

/// What the corpus-level recomputation found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FinalizeReport {
    /// Actors.
    pub actors: u64,
    /// Republication groups.
    pub groups: u64,
    /// Articles in them.
    pub grouped_articles: u64,
}

/// Writes to a store: one per store at a time.
pub struct Writer {
    conn: Connection,
    index: SearchIndex,
    search: SearchWriter,
    counts: &'static dyn WordCounts,
}

/// Memory the search index may use for indexing, in bytes.
const INDEX_MEMORY: usize = 192 << 20;

impl Writer {
    /// Opens the store in `dir` for writing, creating it if needed.
    pub fn open(dir: &Path, counts: &'static dyn WordCounts) -> Result<Writer, StoreError> {
        let paths = StorePaths::new(dir);
        let conn = open_database(&paths, true)?;
        let index = SearchIndex::open(&paths.index, counts)?;
        let search = index.writer(INDEX_MEMORY)?;
        Ok(Writer {
            conn,
            index,
            search,
            counts,
        })
    }

    /// The content hash and engine of every stored article, by id.
    pub fn known(&self) -> Result<HashMap<String, (String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, content_hash, engine FROM articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Writes a chunk of articles: into the index (committed), then into the database
    /// (one transaction).
    pub fn write_chunk(&mut self, chunk: &[Prepared]) -> Result<(), StoreError> {
        if chunk.is_empty() {
            return Ok(());
        }
        for p in chunk {
            match &p.index {
                Some(doc) => self.search.upsert(doc)?,
                None => self.search.delete(p.id()),
            }
        }
        self.search.commit()?;
        let tx = self.conn.transaction()?;
        for p in chunk {
            write_article(&tx, p)?;
        }
        tx.execute(
            "INSERT INTO state(key, value) VALUES ('derived_stale', '1')
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [],
        )?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// True when articles changed since the corpus-level layers were last computed.
    pub fn derived_stale(&self) -> Result<bool, StoreError> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM state WHERE key = 'derived_stale'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.as_deref() == Some("1"))
    }

    /// Recomputes actors and republication groups over the whole corpus, in one
    /// transaction, and waits for the index to finish merging.
    pub fn finalize(mut self) -> Result<FinalizeReport, StoreError> {
        let mut report = FinalizeReport::default();
        if self.derived_stale()? {
            let tx = self.conn.transaction()?;
            report.actors = actors::resolve(&tx, self.counts)?;
            let (groups, grouped) = republication::group(&tx)?;
            report.groups = groups;
            report.grouped_articles = grouped;
            tx.execute(
                "UPDATE state SET value = '0' WHERE key = 'derived_stale'",
                [],
            )?;
            tx.commit()?;
        } else {
            report.actors = count(&self.conn, "SELECT COUNT(*) FROM actors")?;
            report.groups = count(&self.conn, "SELECT COUNT(DISTINCT grp) FROM groups")?;
            report.grouped_articles = count(&self.conn, "SELECT COUNT(*) FROM groups")?;
        }
        self.search.finish()?;
        self.index.reload()?;
        let _ = self.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE");
        Ok(report)
    }
}

fn bump_generation(tx: &rusqlite::Transaction) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO state(key, value) VALUES ('generation', '1')
         ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [],
    )?;
    Ok(())
}

/// The store's write generation (0 for a new store).
pub(crate) fn generation(conn: &Connection) -> Result<i64, StoreError> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM state WHERE key = 'generation'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

pub(crate) fn count(conn: &Connection, sql: &str) -> Result<u64, StoreError> {
    Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn write_article(tx: &rusqlite::Transaction, p: &Prepared) -> Result<(), StoreError> {
    let a = &p.analysis;
    let analysis_json =
        serde_json::to_string(a).map_err(|e| StoreError::Corrupt(a.id.clone(), e.to_string()))?;
    let article: i64 = tx.query_row(
        "INSERT INTO articles (id, title, source, url, origin, encoding, published, published_source,
                               crawled, date, length, error, content_hash, engine, text, analysis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
         ON CONFLICT(id) DO UPDATE SET
            title = excluded.title, source = excluded.source, url = excluded.url,
            origin = excluded.origin, encoding = excluded.encoding, published = excluded.published,
            published_source = excluded.published_source, crawled = excluded.crawled,
            date = excluded.date, length = excluded.length, error = excluded.error,
            content_hash = excluded.content_hash, engine = excluded.engine,
            text = excluded.text, analysis = excluded.analysis
         RETURNING rowid",
        params![
            a.id,
            a.title,
            a.source,
            a.url,
            a.origin,
            a.encoding,
            a.published,
            a.published_source,
            p.extras.crawled.map(|c| c.format("%Y-%m-%dT%H:%M:%S").to_string()),
            p.date,
            a.length,
            a.error,
            p.extras.content_hash,
            p.extras.engine,
            p.text,
            analysis_json,
        ],
        |r| r.get(0),
    )?;
    for table in crate::schema::LAYER_TABLES {
        tx.execute(
            &format!("DELETE FROM {table} WHERE article = ?1"),
            [article],
        )?;
    }
    tx.execute("DELETE FROM signatures WHERE article = ?1", [article])?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO paragraphs (article, ord, start, \"end\", kind) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, x) in a.paragraphs.iter().enumerate() {
            st.execute(params![article, i as i64, x.start, x.end, x.kind])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO entities (article, ord, eid, type, name, name_key, roles, handles, geo_ref, lat, lon, country)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        let mut mt = tx.prepare_cached(
            "INSERT INTO mentions (article, entity_ord, ord, start, \"end\", text, name_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, e) in a.entities.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                e.id,
                e.kind,
                e.name,
                p.entity_keys[i],
                json(&e.roles),
                json(&e.handles),
                e.geo.as_ref().map(|g| g.reference.clone()),
                e.geo.as_ref().map(|g| g.lat),
                e.geo.as_ref().map(|g| g.lon),
                e.country
                    .clone()
                    .or_else(|| e.geo.as_ref().and_then(|g| g.country.clone())),
            ])?;
            for (j, m) in e.mentions.iter().enumerate() {
                mt.execute(params![
                    article,
                    i as i64,
                    j as i64,
                    m.start,
                    m.end,
                    m.text,
                    p.mention_keys[i][j]
                ])?;
            }
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO posts (article, ord, pid, platform, author, handle, author_entity, date, start, \"end\", text, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, x) in a.posts.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                x.id,
                x.platform,
                x.author,
                x.handle,
                x.author_entity,
                x.date,
                x.start,
                x.end,
                x.text,
                x.url
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO quotes (article, ord, qid, kind, start, \"end\", text, text_key, speaker, speaker_name,
                                 speaker_key, verb, channel, date, source_post, fidelity_score, fidelity_verdict,
                                 sort_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?;
        for (i, q) in a.quotes.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                q.id,
                q.kind,
                q.start,
                q.end,
                q.text,
                p.quote_keys[i],
                q.speaker,
                q.speaker_name,
                p.speaker_keys[i],
                q.verb,
                q.channel,
                q.date,
                q.source_post,
                q.fidelity.as_ref().map(|f| f.score),
                q.fidelity.as_ref().map(|f| f.verdict.clone()),
                // The statement's date, else the article's; unknown ('~') sorts last.
                q.date
                    .clone()
                    .or_else(|| p.date.clone())
                    .unwrap_or_else(|| "~".into()),
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO timex (article, ord, start, \"end\", text, value, type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, t) in a.timex.iter().enumerate() {
            st.execute(params![
                article, i as i64, t.start, t.end, t.text, t.value, t.kind
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO events (article, ord, vid, type, mode, status, trigger_start, trigger_end, trigger_text, location, date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut args = tx.prepare_cached(
            "INSERT OR IGNORE INTO event_args (article, event_ord, role, eid) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, e) in a.events.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                e.id,
                e.kind,
                e.mode,
                e.status,
                e.trigger.start,
                e.trigger.end,
                e.trigger.text,
                e.location,
                e.date
            ])?;
            for (role, ids) in [("actor", &e.actors), ("target", &e.targets)] {
                for id in ids {
                    args.execute(params![article, i as i64, role, id])?;
                }
            }
            for id in e.location.iter().chain(&e.locations) {
                args.execute(params![article, i as i64, "location", id])?;
            }
        }
    }
    if let Some(sig) = &p.signature {
        tx.execute(
            "INSERT INTO signatures (article, shingles, minhash) VALUES (?1, ?2, ?3)",
            params![article, sig.shingles, sig.to_bytes()],
        )?;
    }
    Ok(())
}
