//! Reading a store: statistics, search with snippets, articles, actors, quotations.
//!
//! [`Corpus`] is shared by the CLI and the HTTP server: it holds the search index reader
//! and a small pool of read-only database connections, so that several requests can run
//! at once (WAL lets them read while an ingest writes).

use crate::{open_database, StoreError, StorePaths};
use chrono::NaiveDate;
use isnad_api::corpus::*;
use isnad_api::{Analysis, TextSpan};
use isnad_search::{Filters, ParsedQuery, SearchIndex};
use isnad_text::{CharOffsets, WordCounts};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;

/// Words around the hits of a snippet, at most.
const SNIPPET_WORDS: usize = 32;
/// Largest page of results.
pub const MAX_LIMIT: usize = 100;
/// Co-occurring actors are counted over at most this many of an actor's articles (the
/// most recently stored), which bounds the profile's cost for actors named everywhere.
pub const CO_ACTOR_ARTICLES: i64 = 1500;

/// A search: text and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchRequest {
    /// Words and quoted phrases; may be empty when filters are given.
    pub query: String,
    /// Only articles naming this actor (a name, a handle or an actor id).
    pub entity: Option<String>,
    /// Only articles quoting this speaker.
    pub speaker: Option<String>,
    /// Only this outlet.
    pub source: Option<String>,
    /// Only articles with an event of this PLOVER type.
    pub event_type: Option<String>,
    /// Dated on or after.
    pub from: Option<NaiveDate>,
    /// Dated on or before.
    pub to: Option<NaiveDate>,
    /// Page size (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Results to skip.
    pub offset: usize,
}

/// Which events an overview covers: a period (default: the articles' dates) and a type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventsRequest {
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Only this PLOVER type.
    pub event_type: Option<String>,
    /// Events listed, latest first (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Places on the map, at most.
    pub max_places: usize,
}

/// A store opened for reading.
pub struct Corpus {
    paths: StorePaths,
    index: SearchIndex,
    pool: Mutex<Vec<Connection>>,
    counts: &'static dyn WordCounts,
    /// The last statistics and the write generation they were computed at.
    stats_cache: Mutex<Option<(i64, Stats)>>,
    /// Aggregates over the whole corpus (events overviews, top speakers) by request, with
    /// the write generation they were computed at.
    aggregates: Mutex<HashMap<String, (i64, Aggregate)>>,
}

/// A cached corpus-wide aggregate.
#[derive(Clone)]
enum Aggregate {
    Events(Box<EventsOverview>),
    Speakers(Vec<SpeakerCount>),
}

/// Aggregates kept at most (the cache is emptied when full).
const MAX_AGGREGATES: usize = 256;

fn article_ref(r: &Row, at: usize) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        source: r.get(at + 2)?,
        date: r.get(at + 3)?,
    })
}

const ARTICLE_REF: &str = "a.id, a.title, a.source, a.date";

impl Corpus {
    /// Opens the store in `dir` for reading. Fails when there is none.
    pub fn open(dir: &Path, counts: &'static dyn WordCounts) -> Result<Corpus, StoreError> {
        let paths = StorePaths::new(dir);
        let conn = open_database(&paths, false)?;
        let index = SearchIndex::open(&paths.index, counts)?;
        Ok(Corpus {
            paths,
            index,
            pool: Mutex::new(vec![conn]),
            counts,
            stats_cache: Mutex::new(None),
            aggregates: Mutex::new(HashMap::new()),
        })
    }

    /// Runs `f` with a pooled connection.
    fn with<R>(
        &self,
        f: impl FnOnce(&Connection) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let conn = self.pool.lock().ok().and_then(|mut p| p.pop());
        let conn = match conn {
            Some(c) => c,
            None => open_database(&self.paths, false)?,
        };
        let out = f(&conn);
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < 16 {
                p.push(conn);
            }
        }
        out
    }

    /// Up to `n` (id, title) pairs spread evenly over the stored articles that have a
    /// text, for benchmarks and load tests.
    pub fn samples(&self, n: usize) -> Result<Vec<(String, Option<String>)>, StoreError> {
        self.with(|c| {
            let total = crate::write::count(c, "SELECT COUNT(*) FROM articles WHERE error IS NULL")?;
            let step = (total / n.max(1) as u64).max(1) as i64;
            let mut st = c.prepare(
                "SELECT id, title FROM articles WHERE error IS NULL AND rowid % ?1 = 0 ORDER BY rowid LIMIT ?2",
            )?;
            let rows = st.query_map(params![step, n as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Makes the latest ingest visible to searches.
    pub fn reload(&self) -> Result<(), StoreError> {
        Ok(self.index.reload()?)
    }

    /// Counts. Counting every layer takes a while on a large store, so the counts are
    /// kept until the next write; the number of articles and of indexed articles is
    /// always current.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let indexed = self.index.num_docs();
        let (generation, articles) = self.with(|c| {
            Ok((
                crate::write::generation(c)?,
                crate::write::count(c, "SELECT COUNT(*) FROM articles")?,
            ))
        })?;
        if let Some((g, s)) = self.stats_cache.lock().ok().and_then(|c| c.clone()) {
            if g == generation && s.articles == articles {
                return Ok(Stats { indexed, ..s });
            }
        }
        let stats = self.count_all(indexed)?;
        if let Ok(mut cache) = self.stats_cache.lock() {
            *cache = Some((generation, stats.clone()));
        }
        Ok(stats)
    }

    fn count_all(&self, indexed: u64) -> Result<Stats, StoreError> {
        self.with(|c| {
            let n = |sql: &str| crate::write::count(c, sql);
            let (first_date, last_date) =
                c.query_row("SELECT MIN(date), MAX(date) FROM articles", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let mut st = c.prepare(
                "SELECT source, COUNT(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1",
            )?;
            let sources = st
                .query_map([], |r| {
                    Ok(SourceCount {
                        source: r.get(0)?,
                        articles: r.get::<_, i64>(1)? as u64,
                    })
                })?
                .collect::<Result<_, _>>()?;
            Ok(Stats {
                articles: n("SELECT COUNT(*) FROM articles")?,
                failed: n("SELECT COUNT(*) FROM articles WHERE error IS NOT NULL")?,
                indexed,
                first_date,
                last_date,
                sources,
                layers: LayerCounts {
                    paragraphs: n("SELECT COUNT(*) FROM paragraphs")?,
                    entities: n("SELECT COUNT(*) FROM entities")?,
                    mentions: n("SELECT COUNT(*) FROM mentions")?,
                    posts: n("SELECT COUNT(*) FROM posts")?,
                    quotes: n("SELECT COUNT(*) FROM quotes")?,
                    timex: n("SELECT COUNT(*) FROM timex")?,
                    events: n("SELECT COUNT(*) FROM events")?,
                },
                actors: n("SELECT COUNT(*) FROM actors")?,
                republication_groups: n("SELECT COUNT(DISTINCT grp) FROM groups")?,
                republished_articles: n("SELECT COUNT(*) FROM groups")?,
            })
        })
    }

    fn key(&self, name: &str) -> String {
        isnad_search::name_key(name, self.counts)
    }

    /// The actors a name, handle or actor id refers to, most articles first.
    fn actors_named(&self, c: &Connection, name: &str) -> Result<Vec<ActorCandidate>, StoreError> {
        let name = name.trim();
        let select = "SELECT id, name, type, articles FROM actors";
        let map = |r: &Row| {
            Ok(ActorCandidate {
                actor: ActorRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                },
                articles: r.get::<_, i64>(3)? as u64,
            })
        };
        let collect =
            |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<Vec<ActorCandidate>, StoreError> {
                let mut st = c.prepare_cached(sql)?;
                let rows = st.query_map(p, map)?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
        let by_id = collect(&format!("{select} WHERE id = ?1"), &[&name])?;
        if !by_id.is_empty() {
            return Ok(by_id);
        }
        if let Some(handle) = name.strip_prefix('@') {
            return collect(
                &format!(
                    "{select} WHERE id IN (SELECT actor FROM actor_handles WHERE handle = ?1)
                     ORDER BY articles DESC, id"
                ),
                &[&handle.to_lowercase()],
            );
        }
        let key = self.key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let exact = collect(
            &format!(
                "{select} WHERE id IN (SELECT actor FROM actor_aliases WHERE name_key = ?1)
                 ORDER BY articles DESC, id"
            ),
            &[&key],
        )?;
        if !exact.is_empty() {
            return Ok(exact);
        }
        // Every word of the name in one of the actor's names.
        let words: Vec<String> = key.split(' ').map(|w| format!("% {w} %")).collect();
        let cond = (1..=words.len())
            .map(|i| format!("(' ' || name_key || ' ') LIKE ?{i}"))
            .collect::<Vec<_>>()
            .join(" AND ");
        let p: Vec<&dyn rusqlite::ToSql> =
            words.iter().map(|w| w as &dyn rusqlite::ToSql).collect();
        collect(
            &format!(
                "{select} WHERE id IN (SELECT actor FROM actor_aliases WHERE {cond})
                 ORDER BY articles DESC, id LIMIT 20"
            ),
            &p,
        )
    }

    /// Every name key of the actors a name refers to, plus the name's own key.
    fn keys_of(&self, c: &Connection, name: &str) -> Result<Vec<String>, StoreError> {
        let mut keys = Vec::new();
        let own = self.key(name);
        if !own.is_empty() {
            keys.push(own);
        }
        let actors = self.actors_named(c, name)?;
        // Only the best actor (and those as frequent) stand for the name.
        if let Some(best) = actors.first() {
            let mut st =
                c.prepare_cached("SELECT DISTINCT name_key FROM actor_aliases WHERE actor = ?1")?;
            let rows = st.query_map([&best.actor.id], |r| r.get::<_, String>(0))?;
            for k in rows {
                keys.push(k?);
            }
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    fn parse(&self, c: &Connection, query: &str) -> Result<ParsedQuery, StoreError> {
        let mut st =
            c.prepare_cached("SELECT EXISTS(SELECT 1 FROM entities WHERE name_key = ?1)")?;
        let mut is_name = |k: &str| st.query_row([k], |r| r.get::<_, bool>(0)).unwrap_or(false);
        Ok(isnad_search::parse(query, self.counts, &mut is_name))
    }

    /// The parsed query and the filters of a search; `None` when nothing can match.
    fn plan(
        &self,
        c: &Connection,
        req: &SearchRequest,
    ) -> Result<Option<(ParsedQuery, Filters)>, StoreError> {
        let parsed = self.parse(c, &req.query)?;
        let mut filters = Filters {
            source: req.source.clone().filter(|s| !s.is_empty()),
            event_type: req.event_type.clone().filter(|s| !s.is_empty()),
            from: req.from,
            to: req.to,
            ..Filters::default()
        };
        if let Some(e) = req.entity.as_deref().filter(|s| !s.trim().is_empty()) {
            filters.entity_keys = self.keys_of(c, e)?;
            if filters.entity_keys.is_empty() {
                return Ok(None);
            }
        }
        if let Some(s) = req.speaker.as_deref().filter(|s| !s.trim().is_empty()) {
            filters.speaker_keys = self.keys_of(c, s)?;
            if filters.speaker_keys.is_empty() {
                return Ok(None);
            }
        }
        if parsed.clauses.is_empty() && filters.is_empty() {
            return Ok(None);
        }
        Ok(Some((parsed, filters)))
    }

    /// How the matches of a search spread over outlets and event types: one count per
    /// outlet and per event type of the store (index counts, no documents read).
    pub fn search_facets(&self, req: &SearchRequest) -> Result<SearchFacets, StoreError> {
        let empty = SearchFacets {
            sources: Vec::new(),
            event_types: Vec::new(),
        };
        let stats = self.stats()?;
        self.with(|c| {
            let Some((parsed, filters)) = self.plan(c, req)? else {
                return Ok(empty);
            };
            let mut sources = Vec::new();
            for s in stats.sources.iter().filter_map(|s| s.source.as_ref()) {
                if filters.source.as_ref().is_some_and(|f| f != s) {
                    continue;
                }
                let f = Filters {
                    source: Some(s.clone()),
                    ..filters.clone()
                };
                let n = self.index.count(&parsed, &f)? as u64;
                if n > 0 {
                    sources.push(SourceCount {
                        source: Some(s.clone()),
                        articles: n,
                    });
                }
            }
            sources.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.source.cmp(&b.source)));
            let types: Vec<String> = {
                let mut st = c.prepare_cached("SELECT DISTINCT type FROM events ORDER BY type")?;
                let rows = st.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut event_types = Vec::new();
            for t in types {
                if filters.event_type.as_ref().is_some_and(|f| *f != t) {
                    continue;
                }
                let f = Filters {
                    event_type: Some(t.clone()),
                    ..filters.clone()
                };
                let n = self.index.count(&parsed, &f)? as u64;
                if n > 0 {
                    event_types.push(EventTypeCount { kind: t, events: n });
                }
            }
            event_types.sort_by(|a, b| b.events.cmp(&a.events).then(a.kind.cmp(&b.kind)));
            Ok(SearchFacets {
                sources,
                event_types,
            })
        })
    }

    /// Full-text search with filters; results carry snippets of the original text.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse, StoreError> {
        self.with(|c| {
            let Some((parsed, filters)) = self.plan(c, req)? else {
                return Ok(SearchResponse { query: req.query.clone(), total: 0, results: Vec::new() });
            };
            let limit = req.limit.clamp(1, MAX_LIMIT);
            let hits = self.index.search(&parsed, &filters, limit, req.offset)?;
            let mut results = Vec::with_capacity(hits.hits.len());
            let mut st = c.prepare_cached(
                "SELECT a.id, a.title, a.source, a.date, a.url, a.text FROM articles a WHERE a.id = ?1",
            )?;
            for hit in hits.hits {
                let row = st
                    .query_row([&hit.id], |r| Ok((article_ref(r, 0)?, r.get::<_, Option<String>>(4)?, r.get::<_, String>(5)?)))
                    .optional()?;
                // An article the index has but the database does not (an ingest killed
                // between the two commits) is not a result until it is rewritten.
                let Some((article, url, text)) = row else { continue };
                let layers = isnad_text::analyze(&text, self.counts);
                let snippet = isnad_search::snippet(&layers, &parsed, SNIPPET_WORDS).map(|s| {
                    let chars = CharOffsets::new(&text);
                    let span = |sp: isnad_text::Span| {
                        let (start, end) = chars.span_chars(sp);
                        TextSpan { start, end, text: sp.slice(&text).to_owned() }
                    };
                    let whole = span(s.span);
                    Snippet {
                        start: whole.start,
                        end: whole.end,
                        text: whole.text,
                        highlights: s.highlights.into_iter().map(span).collect(),
                    }
                });
                let republication = group_ref(c, &article.id)?;
                results.push(SearchResult { article, url, score: hit.score, snippet, republication });
            }
            Ok(SearchResponse { query: req.query.clone(), total: hits.total as u64, results })
        })
    }

    /// One stored article with its analysis, actors and republication group.
    pub fn article(&self, id: &str) -> Result<Option<ArticleRecord>, StoreError> {
        self.with(|c| {
            let row = c
                .query_row(
                    "SELECT a.rowid, a.id, a.title, a.source, a.date, a.url, a.crawled, a.text, a.analysis
                     FROM articles a WHERE a.id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            article_ref(r, 1)?,
                            r.get::<_, Option<String>>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            r.get::<_, String>(7)?,
                            r.get::<_, String>(8)?,
                        ))
                    },
                )
                .optional()?;
            let Some((rowid, article, url, crawled, text, json)) = row else {
                return Ok(None);
            };
            let analysis: Analysis = serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(article.id.clone(), e.to_string()))?;
            let mut st = c.prepare_cached(
                "SELECT eid, actor FROM actor_entities WHERE article = ?1 ORDER BY CAST(substr(eid, 2) AS INTEGER), eid",
            )?;
            let actors = st
                .query_map([rowid], |r| Ok(EntityActor { entity: r.get(0)?, actor: r.get(1)? }))?
                .collect::<Result<_, _>>()?;
            let republication = group_of(c, rowid)?;
            Ok(Some(ArticleRecord { article, url, crawled, text, analysis, actors, republication }))
        })
    }

    /// The actor a name (or handle, or id) refers to, with the other candidates; for a
    /// name no actor has, the articles whose text contains it.
    pub fn lookup_actor(&self, name: &str, limit: usize) -> Result<ActorLookup, StoreError> {
        let candidates = self.with(|c| self.actors_named(c, name))?;
        let mut it = candidates.into_iter();
        let actor = match it.next() {
            Some(best) => self.actor(&best.actor.id, limit)?,
            None => None,
        };
        let text_matches = if actor.is_none() && !self.key(name).is_empty() {
            let phrase = format!(
                "\"{}\"",
                name.trim()
                    .trim_matches(|c| c == '"' || c == '«' || c == '»')
            );
            Some(self.search(&SearchRequest {
                query: phrase,
                limit,
                ..SearchRequest::default()
            })?)
        } else {
            None
        };
        Ok(ActorLookup {
            query: name.to_owned(),
            actor,
            candidates: it.take(10).collect(),
            text_matches,
        })
    }

    /// An actor's profile, with at most `limit` quotes, articles and events.
    pub fn actor(&self, id: &str, limit: usize) -> Result<Option<ActorProfile>, StoreError> {
        let limit = limit.clamp(1, MAX_LIMIT) as i64;
        self.with(|c| {
            let row = c
                .query_row(
                    "SELECT id, type, name, articles, first_date, last_date FROM actors WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, i64>(3)?,
                            r.get::<_, Option<String>>(4)?,
                            r.get::<_, Option<String>>(5)?,
                        ))
                    },
                )
                .optional()?;
            let Some((id, kind, name, articles_n, first_date, last_date)) = row else {
                return Ok(None);
            };
            let strings = |sql: &str| -> Result<Vec<String>, StoreError> {
                let mut st = c.prepare_cached(sql)?;
                let rows = st.query_map([&id], |r| r.get(0))?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            let aliases = {
                let mut st = c.prepare_cached(
                    "SELECT name, articles FROM actor_aliases WHERE actor = ?1 ORDER BY articles DESC, name",
                )?;
                let rows = st.query_map([&id], |r| Ok(Alias { name: r.get(0)?, articles: r.get::<_, i64>(1)? as u64 }))?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            let handles = strings("SELECT handle FROM actor_handles WHERE actor = ?1 ORDER BY handle")?;
            let roles = {
                let mut st = c.prepare_cached(
                    "SELECT role, first, last, articles FROM actor_roles WHERE actor = ?1
                     ORDER BY first IS NULL, first, articles DESC, role",
                )?;
                let rows = st.query_map([&id], |r| {
                    Ok(RoleSpan { role: r.get(0)?, first: r.get(1)?, last: r.get(2)?, articles: r.get::<_, i64>(3)? as u64 })
                })?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            let quote_count = c.query_row(
                "SELECT COUNT(*) FROM quotes q JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker
                 WHERE ae.actor = ?1",
                [&id],
                |r| r.get::<_, i64>(0),
            )? as u64;
            let quotes = quote_refs(
                c,
                "JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker WHERE ae.actor = ?1",
                &[&id, &limit, &0i64],
            )?;
            let articles = {
                let mut st = c.prepare_cached(&format!(
                    "SELECT DISTINCT {ARTICLE_REF} FROM actor_entities ae JOIN articles a ON a.rowid = ae.article
                     WHERE ae.actor = ?1 ORDER BY a.date DESC, a.id LIMIT ?2"
                ))?;
                let rows = st.query_map(params![id, limit], |r| article_ref(r, 0))?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            let events = event_refs(c, &id, limit)?;
            let co_actors = {
                let mut st = c.prepare_cached(
                    "SELECT b.actor, act.name, act.type, COUNT(DISTINCT b.article) AS n
                     FROM (SELECT article FROM actor_entities WHERE actor = ?1
                           GROUP BY article ORDER BY article DESC LIMIT ?2) a
                     JOIN actor_entities b ON b.article = a.article AND b.actor != ?1
                     JOIN actors act ON act.id = b.actor
                     GROUP BY b.actor ORDER BY n DESC, b.actor LIMIT 20",
                )?;
                let rows = st.query_map(params![id, CO_ACTOR_ARTICLES], |r| {
                    Ok(CoActor {
                        actor: ActorRef { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? },
                        articles: r.get::<_, i64>(3)? as u64,
                    })
                })?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            let mut timeline: BTreeMap<String, TimelinePoint> = BTreeMap::new();
            for (sql, which) in [
                ("SELECT substr(a.date, 1, 7), COUNT(DISTINCT a.rowid) FROM actor_entities ae
                  JOIN articles a ON a.rowid = ae.article WHERE ae.actor = ?1 AND a.date IS NOT NULL GROUP BY 1", 0),
                ("SELECT substr(COALESCE(q.date, a.date), 1, 7), COUNT(*) FROM quotes q
                  JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker
                  JOIN articles a ON a.rowid = +q.article
                  WHERE ae.actor = ?1 AND COALESCE(q.date, a.date) IS NOT NULL GROUP BY 1", 1),
                ("SELECT substr(COALESCE(e.date, a.date), 1, 7), COUNT(DISTINCT e.article || ':' || e.ord) FROM event_args ea
                  JOIN actor_entities ae ON ae.article = ea.article AND ae.eid = ea.eid
                  JOIN events e ON e.article = ea.article AND e.ord = ea.event_ord
                  JOIN articles a ON a.rowid = ea.article
                  WHERE ae.actor = ?1 AND ea.role IN ('actor', 'target') AND COALESCE(e.date, a.date) IS NOT NULL GROUP BY 1", 2),
            ] {
                let mut st = c.prepare_cached(sql)?;
                let rows = st.query_map([&id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))?;
                for row in rows {
                    let (month, n) = row?;
                    let p = timeline.entry(month.clone()).or_insert(TimelinePoint { month, articles: 0, quotes: 0, events: 0 });
                    match which {
                        0 => p.articles = n,
                        1 => p.quotes = n,
                        _ => p.events = n,
                    }
                }
            }
            Ok(Some(ActorProfile {
                id,
                kind,
                name,
                aliases,
                handles,
                roles,
                article_count: articles_n as u64,
                first_date,
                last_date,
                quotes,
                quote_count,
                articles,
                events,
                co_actors,
                timeline: timeline.into_values().collect(),
            }))
        })
    }

    /// An actor's quotations, earliest first, a page at a time.
    pub fn actor_quotes(
        &self,
        id: &str,
        limit: usize,
        offset: usize,
    ) -> Result<QuotesResponse, StoreError> {
        let limit = limit.clamp(1, MAX_LIMIT) as i64;
        self.with(|c| {
            let filter = "JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker WHERE ae.actor = ?1";
            let total = c.query_row(&format!("SELECT COUNT(*) FROM quotes q {filter}"), [id], |r| r.get::<_, i64>(0))? as u64;
            let quotes = quote_refs(c, filter, &[&id, &limit, &(offset as i64)])?;
            Ok(QuotesResponse { total, quotes })
        })
    }

    /// Quotations, optionally by one speaker (name, handle or actor id) and within dates,
    /// earliest first.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limit: usize,
        offset: usize,
    ) -> Result<QuotesResponse, StoreError> {
        let limit = limit.clamp(1, MAX_LIMIT) as i64;
        self.with(|c| {
            // Quotes of unknown date ('~') are listed last, and left out by a date range.
            let dates = if from.is_none() && to.is_none() {
                "?2 = ?2 AND ?3 = ?3"
            } else {
                "q.sort_date >= ?2 AND q.sort_date <= ?3"
            };
            let from = from.map(|d| d.to_string()).unwrap_or_else(|| "0000".into());
            let to = to.map(|d| d.to_string()).unwrap_or_else(|| "9999-12-31".into());
            let (filter, key, actor) = match speaker.map(str::trim).filter(|s| !s.is_empty()) {
                Some(name) => {
                    let actor = self.actors_named(c, name)?.into_iter().next().map(|a| a.actor.id);
                    (
                        format!(
                            "LEFT JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker
                             WHERE (ae.actor = ?4 OR q.speaker_key = ?1) AND {dates}"
                        ),
                        self.key(name),
                        actor.unwrap_or_default(),
                    )
                }
                None => (format!("WHERE ?1 = ?1 AND ?4 = ?4 AND {dates}"), String::new(), String::new()),
            };
            let total = c.query_row(
                &format!("SELECT COUNT(*) FROM quotes q {filter}"),
                params![key, from, to, actor],
                |r| r.get::<_, i64>(0),
            )? as u64;
            let quotes = quote_refs_with(c, &filter, params![key, from, to, actor, limit, offset as i64])?;
            Ok(QuotesResponse { total, quotes })
        })
    }
}

impl Corpus {
    /// An aggregate computed by `f` at the store's current write generation, or kept from
    /// an earlier call at the same generation.
    fn cached(
        &self,
        key: String,
        f: impl FnOnce(&Connection) -> Result<Aggregate, StoreError>,
    ) -> Result<Aggregate, StoreError> {
        self.with(|c| {
            let generation = crate::write::generation(c)?;
            if let Some((g, a)) = self
                .aggregates
                .lock()
                .ok()
                .and_then(|m| m.get(&key).cloned())
            {
                if g == generation {
                    return Ok(a);
                }
            }
            let a = f(c)?;
            if let Ok(mut m) = self.aggregates.lock() {
                if m.len() >= MAX_AGGREGATES {
                    m.clear();
                }
                m.insert(key, (generation, a.clone()));
            }
            Ok(a)
        })
    }

    /// The actors a name, handle or actor id may refer to, best first (at most `limit`).
    pub fn find_actors(&self, name: &str, limit: usize) -> Result<Vec<ActorCandidate>, StoreError> {
        let mut found = self.with(|c| self.actors_named(c, name))?;
        found.truncate(limit);
        Ok(found)
    }

    /// The actors named in most articles, of one type (`PER`, ...) or of any.
    pub fn top_actors(
        &self,
        kind: Option<&str>,
        limit: usize,
    ) -> Result<Vec<ActorCandidate>, StoreError> {
        self.with(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, name, type, articles FROM actors WHERE ?1 = '' OR type = ?1
                 ORDER BY articles DESC, id LIMIT ?2",
            )?;
            let rows = st.query_map(
                params![kind.unwrap_or(""), limit.min(MAX_LIMIT) as i64],
                |r| {
                    Ok(ActorCandidate {
                        actor: ActorRef {
                            id: r.get(0)?,
                            name: r.get(1)?,
                            kind: r.get(2)?,
                        },
                        articles: r.get::<_, i64>(3)? as u64,
                    })
                },
            )?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// The actors quoted most often, with their number of quotations (computed once per
    /// store generation).
    pub fn top_speakers(&self, limit: usize) -> Result<Vec<SpeakerCount>, StoreError> {
        let limit = limit.min(MAX_LIMIT) as i64;
        let a = self.cached(format!("speakers/{limit}"), |c| {
            // Quotes first (each looks its speaker up by key), not actors first.
            let mut st = c.prepare_cached(
                "SELECT act.id, act.name, act.type, n FROM
                   (SELECT ae.actor AS actor, COUNT(*) AS n FROM quotes q
                    CROSS JOIN actor_entities ae ON ae.article = q.article AND ae.eid = q.speaker
                    WHERE q.speaker IS NOT NULL
                    GROUP BY ae.actor ORDER BY n DESC, ae.actor LIMIT ?1) t
                 JOIN actors act ON act.id = t.actor ORDER BY n DESC, act.id",
            )?;
            let rows = st.query_map([limit], |r| {
                Ok(SpeakerCount {
                    actor: ActorRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        kind: r.get(2)?,
                    },
                    quotes: r.get::<_, i64>(3)? as u64,
                })
            })?;
            Ok(Aggregate::Speakers(rows.collect::<Result<_, _>>()?))
        })?;
        match a {
            Aggregate::Speakers(s) => Ok(s),
            Aggregate::Events(_) => Ok(Vec::new()),
        }
    }

    /// Events of a period: counts per day and type, geocoded places, the latest events.
    /// Without `from`/`to` the period is that of the articles' dates (events about
    /// earlier years stay out of the timeline). Computed once per store generation.
    pub fn events_overview(&self, req: &EventsRequest) -> Result<EventsOverview, StoreError> {
        let key = format!(
            "events/{:?}/{:?}/{:?}/{}/{}",
            req.from, req.to, req.event_type, req.limit, req.max_places
        );
        match self.cached(key, |c| {
            Ok(Aggregate::Events(Box::new(events_overview(c, req)?)))
        })? {
            Aggregate::Events(o) => Ok(*o),
            Aggregate::Speakers(_) => {
                Err(StoreError::Corrupt("cache".into(), "wrong entry".into()))
            }
        }
    }
}

/// The day of an event: its own date when that is a whole day, else its article's.
const EVENT_DAY: &str = "CASE WHEN length(e.date) = 10 THEN e.date ELSE a.date END";

/// Events of a period, read in article order: the articles through their covering date
/// index (not their wide rows), each article's events by primary key.
const EVENTS_OF_PERIOD: &str =
    "FROM articles a INDEXED BY articles_date CROSS JOIN events e ON e.article = a.rowid";

fn events_overview(c: &Connection, req: &EventsRequest) -> Result<EventsOverview, StoreError> {
    let (first, last): (Option<String>, Option<String>) =
        c.query_row("SELECT MIN(date), MAX(date) FROM articles", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let from = req.from.map(|d| d.to_string()).or(first);
    let to = req.to.map(|d| d.to_string()).or(last);
    let kind = req
        .event_type
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_default();
    let filter = format!(
        "{EVENTS_OF_PERIOD} WHERE {EVENT_DAY} >= ?1 AND {EVENT_DAY} <= ?2 AND (?3 = '' OR e.type = ?3)"
    );
    let (lo, hi) = (
        from.clone().unwrap_or_else(|| "0000".into()),
        to.clone().unwrap_or_else(|| "9999".into()),
    );
    let mut days = Vec::new();
    let mut types: BTreeMap<String, u64> = BTreeMap::new();
    let mut total = 0;
    {
        let mut st = c.prepare_cached(&format!(
            "SELECT {EVENT_DAY} AS d, e.type, COUNT(*) {filter} GROUP BY d, e.type ORDER BY d, e.type"
        ))?;
        let rows = st.query_map(params![lo, hi, kind], |r| {
            Ok(EventDayCount {
                day: r.get(0)?,
                kind: r.get(1)?,
                events: r.get::<_, i64>(2)? as u64,
            })
        })?;
        for row in rows {
            let row = row?;
            total += row.events;
            *types.entry(row.kind.clone()).or_default() += row.events;
            days.push(row);
        }
    }
    let mut types: Vec<EventTypeCount> = types
        .into_iter()
        .map(|(kind, events)| EventTypeCount { kind, events })
        .collect();
    types.sort_by(|a, b| b.events.cmp(&a.events).then(a.kind.cmp(&b.kind)));
    let places = {
        let mut st = c.prepare_cached(&format!(
            "SELECT en.name, AVG(en.lat), AVG(en.lon), en.geo_ref, COUNT(*) AS n
             {EVENTS_OF_PERIOD} CROSS JOIN entities en ON en.article = e.article AND en.eid = e.location
             WHERE {EVENT_DAY} >= ?1 AND {EVENT_DAY} <= ?2 AND (?3 = '' OR e.type = ?3)
               AND e.location IS NOT NULL AND en.lat IS NOT NULL AND en.lon IS NOT NULL
             GROUP BY COALESCE(en.geo_ref, en.name) ORDER BY n DESC, en.name LIMIT ?4"
        ))?;
        let rows = st.query_map(params![lo, hi, kind, req.max_places as i64], |r| {
            Ok(EventPlace {
                name: r.get(0)?,
                lat: r.get(1)?,
                lon: r.get(2)?,
                reference: r.get(3)?,
                events: r.get::<_, i64>(4)? as u64,
            })
        })?;
        rows.collect::<Result<Vec<_>, _>>()?
    };
    // The latest events: keys first, then the few rows.
    let latest: Vec<(i64, i64)> = {
        let mut st = c.prepare_cached(&format!(
            "SELECT e.article, e.ord, {EVENT_DAY} AS d {filter} ORDER BY d DESC, e.article, e.ord LIMIT ?4"
        ))?;
        let rows = st.query_map(
            params![lo, hi, kind, req.limit.min(MAX_LIMIT) as i64],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        rows.collect::<Result<_, _>>()?
    };
    let mut one = c.prepare_cached(&format!(
        "SELECT {ARTICLE_REF}, e.vid, e.type, e.mode, e.status, e.trigger_start, e.trigger_end,
                e.trigger_text, e.location, {EVENT_DAY}
         FROM events e JOIN articles a ON a.rowid = e.article WHERE e.article = ?1 AND e.ord = ?2"
    ))?;
    let mut who = c.prepare_cached(
        "SELECT act.id, act.name, act.type FROM event_args ea
         JOIN actor_entities ae ON ae.article = ea.article AND ae.eid = ea.eid
         JOIN actors act ON act.id = ae.actor
         WHERE ea.article = ?1 AND ea.event_ord = ?2 AND ea.role IN ('actor', 'target')
         GROUP BY act.id ORDER BY MIN(ea.role), act.id",
    )?;
    let mut place =
        c.prepare_cached("SELECT name FROM entities WHERE article = ?1 AND eid = ?2")?;
    let mut events = Vec::with_capacity(latest.len());
    for (article, ord) in latest {
        let Some((mut e, location)) = one
            .query_row(params![article, ord], |r| {
                Ok((
                    EventItem {
                        article: article_ref(r, 0)?,
                        event: r.get(4)?,
                        kind: r.get(5)?,
                        mode: r.get(6)?,
                        status: r.get(7)?,
                        trigger: TextSpan {
                            start: r.get(8)?,
                            end: r.get(9)?,
                            text: r.get(10)?,
                        },
                        actors: Vec::new(),
                        location: None,
                        date: r.get(12)?,
                    },
                    r.get::<_, Option<String>>(11)?,
                ))
            })
            .optional()?
        else {
            continue;
        };
        e.actors = who
            .query_map(params![article, ord], |r| {
                Ok(ActorRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        if let Some(l) = location {
            e.location = place
                .query_row(params![article, l], |r| r.get(0))
                .optional()?;
        }
        events.push(e);
    }
    Ok(EventsOverview {
        from,
        to,
        total,
        days,
        types,
        places,
        events,
    })
}

/// The republication group of an article, by id, as a reference.
fn group_ref(c: &Connection, id: &str) -> Result<Option<GroupRef>, StoreError> {
    let mut st = c.prepare_cached(&format!(
        "SELECT g.grp, g.similarity, (SELECT COUNT(*) FROM groups x WHERE x.grp = g.grp), {ARTICLE_REF}
         FROM groups g JOIN articles me ON me.rowid = g.article JOIN articles a ON a.rowid = g.first
         WHERE me.id = ?1"
    ))?;
    Ok(st
        .query_row([id], |r| {
            Ok(GroupRef {
                group: r.get(0)?,
                similarity: r.get::<_, f64>(1)? as f32,
                size: r.get::<_, i64>(2)? as u32,
                first: article_ref(r, 3)?,
            })
        })
        .optional()?)
}

/// The whole republication group of an article, earliest first.
fn group_of(c: &Connection, rowid: i64) -> Result<Option<RepublicationGroup>, StoreError> {
    let grp: Option<String> = c
        .query_row("SELECT grp FROM groups WHERE article = ?1", [rowid], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(grp) = grp else { return Ok(None) };
    let mut st = c.prepare_cached(&format!(
        "SELECT {ARTICLE_REF}, a.crawled, g.similarity FROM groups g JOIN articles a ON a.rowid = g.article
         WHERE g.grp = ?1 ORDER BY g.article != g.first, COALESCE(a.date, ''), COALESCE(a.crawled, ''), a.id"
    ))?;
    let articles = st
        .query_map([&grp], |r| {
            Ok(GroupMember {
                article: article_ref(r, 0)?,
                crawled: r.get(4)?,
                similarity: r.get::<_, f64>(5)? as f32,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(RepublicationGroup {
        group: grp,
        articles,
    }))
}

const QUOTE_COLUMNS: &str =
    "a.id, a.title, a.source, a.date, q.qid, q.kind, q.start, q.\"end\", q.text,
    q.speaker_name, q.verb, q.channel, COALESCE(q.date, a.date), q.text_key, q.article, q.speaker";

/// Quotations joined as `filter` says; parameters ?1..?3 are the filter's, ?2 the limit.
/// (`+q.article` keeps the planner from reading the articles' wide rows before the
/// filter has chosen the quotations.)
fn quote_refs(
    c: &Connection,
    filter: &str,
    p: &[&dyn rusqlite::ToSql],
) -> Result<Vec<QuoteRef>, StoreError> {
    let sql = format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = +q.article {filter}
         ORDER BY q.sort_date, q.article, q.ord LIMIT ?2 OFFSET ?3"
    );
    read_quotes(c, &sql, p)
}

fn quote_refs_with(
    c: &Connection,
    filter: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<QuoteRef>, StoreError> {
    let sql = format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = +q.article {filter}
         ORDER BY q.sort_date, q.article, q.ord LIMIT ?5 OFFSET ?6"
    );
    read_quotes(c, &sql, p)
}

fn read_quotes(
    c: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<QuoteRef>, StoreError> {
    let mut st = c.prepare_cached(sql)?;
    let rows = st.query_map(p, |r| {
        Ok((
            QuoteRef {
                article: article_ref(r, 0)?,
                quote: r.get(4)?,
                kind: r.get(5)?,
                span: TextSpan {
                    start: r.get(6)?,
                    end: r.get(7)?,
                    text: r.get(8)?,
                },
                speaker_name: r.get(9)?,
                speaker_actor: None,
                verb: r.get(10)?,
                channel: r.get(11)?,
                date: r.get(12)?,
                also_in: 0,
                first_published_in: None,
            },
            r.get::<_, Option<String>>(13)?,
            r.get::<_, i64>(14)?,
            r.get::<_, Option<String>>(15)?,
        ))
    })?;
    let rows: Vec<_> = rows.collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(rows.len());
    let mut also = c.prepare_cached(
        "SELECT COUNT(DISTINCT article) FROM quotes WHERE text_key = ?1 AND article != ?2",
    )?;
    let mut first = c.prepare_cached(&format!(
        "SELECT {ARTICLE_REF} FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.text_key = ?1
         ORDER BY COALESCE(a.date, '9999'), COALESCE(a.crawled, ''), a.id LIMIT 1"
    ))?;
    let mut speaker =
        c.prepare_cached("SELECT actor FROM actor_entities WHERE article = ?1 AND eid = ?2")?;
    for (mut q, key, article, eid) in rows {
        if let Some(eid) = eid {
            q.speaker_actor = speaker
                .query_row(params![article, eid], |r| r.get(0))
                .optional()?;
        }
        if let Some(key) = key {
            q.also_in = also.query_row(params![key, article], |r| r.get::<_, i64>(0))? as u32;
            if q.also_in > 0 {
                let f = first.query_row([&key], |r| article_ref(r, 0)).optional()?;
                q.first_published_in = f.filter(|f| f.id != q.article.id);
            }
        }
        out.push(q);
    }
    Ok(out)
}

/// The events an actor takes part in, earliest first.
fn event_refs(c: &Connection, actor: &str, limit: i64) -> Result<Vec<EventRef>, StoreError> {
    let mut st = c.prepare_cached(&format!(
        "SELECT {ARTICLE_REF}, e.vid, e.type, e.mode, e.status, e.trigger_start, e.trigger_end, e.trigger_text,
                ea.role, e.location, COALESCE(e.date, a.date), e.article, e.ord
         FROM event_args ea
         JOIN actor_entities ae ON ae.article = ea.article AND ae.eid = ea.eid
         JOIN events e ON e.article = ea.article AND e.ord = ea.event_ord
         JOIN articles a ON a.rowid = ea.article
         WHERE ae.actor = ?1 AND ea.role IN ('actor', 'target')
         ORDER BY COALESCE(e.date, a.date, '9999'), a.id, e.ord LIMIT ?2"
    ))?;
    let rows = st.query_map(params![actor, limit], |r| {
        Ok((
            EventRef {
                article: article_ref(r, 0)?,
                event: r.get(4)?,
                kind: r.get(5)?,
                mode: r.get(6)?,
                status: r.get(7)?,
                trigger: TextSpan {
                    start: r.get(8)?,
                    end: r.get(9)?,
                    text: r.get(10)?,
                },
                role: r.get(11)?,
                with: Vec::new(),
                location: None,
                date: r.get(13)?,
            },
            r.get::<_, Option<String>>(12)?,
            r.get::<_, i64>(14)?,
            r.get::<_, i64>(15)?,
        ))
    })?;
    let rows: Vec<_> = rows.collect::<Result<_, _>>()?;
    let mut with = c.prepare_cached(
        "SELECT DISTINCT act.id, act.name, act.type FROM event_args ea
         JOIN actor_entities ae ON ae.article = ea.article AND ae.eid = ea.eid
         JOIN actors act ON act.id = ae.actor
         WHERE ea.article = ?1 AND ea.event_ord = ?2 AND ea.role IN ('actor', 'target') AND act.id != ?3
         ORDER BY act.id",
    )?;
    let mut place =
        c.prepare_cached("SELECT name FROM entities WHERE article = ?1 AND eid = ?2")?;
    let mut out = Vec::with_capacity(rows.len());
    for (mut e, location, article, ord) in rows {
        e.with = with
            .query_map(params![article, ord, actor], |r| {
                Ok(ActorRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        if let Some(l) = location {
            e.location = place
                .query_row(params![article, l], |r| r.get(0))
                .optional()?;
        }
        out.push(e);
    }
    Ok(out)
}
