//! The SQLite schema and its migrations.
//!
//! Articles have an integer `rowid` that every annotation row refers to (`article`), and
//! each annotation row is keyed by `(article, ord)` — its index in the analysis — so that
//! storing an article twice can never duplicate a row. The full analysis JSON is kept
//! beside the tables, so that a layer the tables do not model yet is never lost.
//!
//! Tables marked *derived* are recomputed over the whole corpus after an ingest
//! (actors, republication groups); `actor_ids` persists across recomputations so that
//! actor ids stay stable.
//!
//! `PRAGMA user_version` holds the schema version; [`migrate`] brings an older store up
//! to date, one step at a time, each in a transaction.

use rusqlite::Connection;

/// The schema version this code writes.
pub const VERSION: i64 = 2;

/// Version 1: articles, the annotation layers, signatures, derived actors and groups.
const V1: &str = r#"
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    source TEXT,
    url TEXT,
    origin TEXT,
    encoding TEXT,
    published TEXT,
    published_source TEXT,
    crawled TEXT,
    date TEXT,
    length INTEGER NOT NULL,
    error TEXT,
    content_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE paragraphs (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE entities (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    eid TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    roles TEXT NOT NULL, handles TEXT NOT NULL,
    geo_ref TEXT, lat REAL, lon REAL, country TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX entities_name_key ON entities(name_key);

CREATE TABLE mentions (
    article INTEGER NOT NULL, entity_ord INTEGER NOT NULL, ord INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, name_key TEXT NOT NULL,
    PRIMARY KEY (article, entity_ord, ord)
) WITHOUT ROWID;

CREATE TABLE posts (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    pid TEXT NOT NULL, platform TEXT NOT NULL, author TEXT, handle TEXT, author_entity TEXT,
    date TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, url TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    qid TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, text_key TEXT,
    speaker TEXT, speaker_name TEXT, speaker_key TEXT,
    verb TEXT, channel TEXT, date TEXT, source_post TEXT,
    fidelity_score REAL, fidelity_verdict TEXT,
    sort_date TEXT NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX quotes_sort_date ON quotes(sort_date, article, ord);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE INDEX quotes_text_key ON quotes(text_key);

CREATE TABLE timex (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value TEXT NOT NULL, type TEXT NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE events (
    article INTEGER NOT NULL, ord INTEGER NOT NULL,
    vid TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
    location TEXT, date TEXT,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(type);

CREATE TABLE event_args (
    article INTEGER NOT NULL, event_ord INTEGER NOT NULL, role TEXT NOT NULL, eid TEXT NOT NULL,
    PRIMARY KEY (article, event_ord, role, eid)
) WITHOUT ROWID;

CREATE TABLE signatures (
    article INTEGER PRIMARY KEY,
    shingles INTEGER NOT NULL,
    minhash BLOB NOT NULL
);

-- Derived: recomputed by `finalize`.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
    articles INTEGER NOT NULL, first_date TEXT, last_date TEXT
);
CREATE TABLE actor_aliases (
    actor TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (actor, name)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases(name_key);
CREATE TABLE actor_handles (
    actor TEXT NOT NULL, handle TEXT NOT NULL,
    PRIMARY KEY (actor, handle)
) WITHOUT ROWID;
CREATE INDEX actor_handles_handle ON actor_handles(handle);
CREATE TABLE actor_roles (
    actor TEXT NOT NULL, role TEXT NOT NULL, first TEXT, last TEXT, articles INTEGER NOT NULL,
    PRIMARY KEY (actor, role)
) WITHOUT ROWID;
CREATE TABLE actor_entities (
    article INTEGER NOT NULL, eid TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE INDEX actor_entities_actor ON actor_entities(actor);
CREATE TABLE groups (
    article INTEGER PRIMARY KEY,
    grp TEXT NOT NULL, first INTEGER NOT NULL, similarity REAL NOT NULL
);
CREATE INDEX groups_grp ON groups(grp);

-- Persistent: the actor id each (type, name key) was last given.
CREATE TABLE actor_ids (
    type TEXT NOT NULL, name_key TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (type, name_key)
) WITHOUT ROWID;

-- `derived_stale`: articles changed since the corpus layers were computed;
-- `generation`: bumped by every write, so that readers can cache what they computed.
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"#;

/// Version 2: covering indexes for the web app's pages, so that they read index entries
/// rather than the tables' wide rows: an article's events with their day, type and place
/// and an article's entities with their coordinates (the events overview), an article's
/// quotations by speaker (an actor's quotation count).
const V2: &str = r#"
CREATE INDEX events_article_day ON events(article, date, type, location);
CREATE INDEX entities_article_place ON entities(article, eid, lat, lon, geo_ref, name);
CREATE INDEX quotes_article_speaker ON quotes(article, speaker);
"#;

/// The migrations, `MIGRATIONS[i]` taking version `i` to `i + 1`.
const MIGRATIONS: [&str; 2] = [V1, V2];

/// The tables holding one article's annotation rows (all keyed by `article`).
pub const LAYER_TABLES: [&str; 8] = [
    "paragraphs",
    "entities",
    "mentions",
    "posts",
    "quotes",
    "timex",
    "events",
    "event_args",
];

/// Sets the connection's pragmas: WAL, so that readers never block the writer and a
/// killed writer loses at most its open transaction.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "cache_size", -65536)?;
    Ok(())
}

/// Brings the schema to [`VERSION`]. Returns the version found.
pub fn migrate(conn: &mut Connection) -> Result<i64, crate::StoreError> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > VERSION {
        return Err(crate::StoreError::NewerSchema(found));
    }
    for (v, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", v as i64 + 1)?;
        tx.commit()?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_an_empty_database_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 0);
        assert_eq!(migrate(&mut conn).unwrap(), VERSION);
        for t in LAYER_TABLES {
            let n: i64 = conn
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0);
        }
    }

    #[test]
    fn refuses_a_newer_store() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(crate::StoreError::NewerSchema(_))
        ));
    }
}
