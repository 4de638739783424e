//! The page handlers and their templates' data.

use crate::article::{self, ArticleView, Block};
use crate::markup::{escape_into, url_query_value};
use crate::svg;
use crate::EVENT_TYPES;
use askama::Template;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use isnad_api::corpus::{
    ActorCandidate, ActorProfile, ArticleRecord, EventsOverview, QuotesResponse, SearchResponse,
    SpeakerCount, Stats,
};
use isnad_store::{Corpus, EventsRequest, SearchRequest};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

/// Results per search page.
const PAGE_SIZE: usize = 10;
/// Quotations per page of an actor.
const QUOTES_PAGE: usize = 50;
/// How long the home page's lists are kept.
const HOME_TTL: Duration = Duration::from_secs(300);

/// The pages' state: the store and the home page's lists.
#[derive(Clone)]
pub struct State {
    corpus: Arc<Corpus>,
    home: Arc<Mutex<Option<(Instant, HomeLists)>>>,
}

impl State {
    /// The state over a store; the corpus-wide lists of the home and events pages are
    /// computed at once on a thread of their own, so that the first visitor does not wait.
    pub(crate) fn new(corpus: Arc<Corpus>) -> State {
        let state = State {
            corpus,
            home: Arc::new(Mutex::new(None)),
        };
        let warm = state.clone();
        let _ = std::thread::Builder::new()
            .name("isnad-web-warm".into())
            .spawn(move || {
                let _ = warm.home_lists();
                let _ = warm
                    .corpus
                    .events_overview(&events_request(None, None, None));
            });
        state
    }

    /// The home page's lists, kept for [`HOME_TTL`].
    fn home_lists(&self) -> Result<HomeLists, PageError> {
        let cached = self
            .home
            .lock()
            .ok()
            .and_then(|h| h.clone())
            .filter(|(at, _)| at.elapsed() < HOME_TTL)
            .map(|(_, l)| l);
        if let Some(l) = cached {
            return Ok(l);
        }
        let l = HomeLists {
            speakers: self.corpus.top_speakers(12)?,
            people: self.corpus.top_actors(Some("PER"), 12)?,
            organisations: self.corpus.top_actors(Some("ORG"), 12)?,
        };
        if let Ok(mut h) = self.home.lock() {
            *h = Some((Instant::now(), l.clone()));
        }
        Ok(l)
    }
}

/// The events page's request for a period and type.
fn events_request(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    kind: Option<String>,
) -> EventsRequest {
    EventsRequest {
        from,
        to,
        event_type: kind,
        limit: 50,
        max_places: 300,
    }
}

type S = axum::extract::State<State>;

/// What went wrong, as a page.
pub struct PageError(StatusCode, String);

impl PageError {
    fn bad(msg: impl Into<String>) -> PageError {
        PageError(StatusCode::BAD_REQUEST, msg.into())
    }
    fn missing(msg: impl Into<String>) -> PageError {
        PageError(StatusCode::NOT_FOUND, msg.into())
    }
}

impl From<isnad_store::StoreError> for PageError {
    fn from(e: isnad_store::StoreError) -> PageError {
        PageError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> PageError {
        PageError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error(self.0, &self.1)
    }
}

type PageResult = Result<Response, PageError>;

/// The frame of every page.
pub struct Layout {
    title: String,
    nav: &'static str,
    q: String,
    v: &'static str,
}

fn layout(title: impl Into<String>, nav: &'static str) -> Layout {
    Layout {
        title: title.into(),
        nav,
        q: String::new(),
        v: crate::ASSET_VERSION.as_str(),
    }
}

fn html(t: &impl Template) -> PageResult {
    Ok(Html(t.render()?).into_response())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, PageError> + Send + 'static,
) -> Result<T, PageError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        PageError(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the request failed: {e}"),
        )
    })?
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    status: u16,
    heading: &'static str,
    message: String,
}

/// An error page.
pub fn error(status: StatusCode, message: &str) -> Response {
    let heading = match status {
        StatusCode::NOT_FOUND => "الصفحة غير موجودة",
        StatusCode::BAD_REQUEST => "طلب غير صالح",
        StatusCode::PAYLOAD_TOO_LARGE => "الملف أكبر من المسموح",
        _ => "حدث خطأ",
    };
    let page = ErrorPage {
        layout: layout(heading, ""),
        status: status.as_u16(),
        heading,
        message: message.to_owned(),
    };
    let body = page
        .render()
        .unwrap_or_else(|_| format!("<!doctype html><title>{}</title>", status.as_u16()));
    crate::secure((status, Html(body)).into_response())
}

/// The HTML 404 page.
pub fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "لا يوجد شيء بهذا العنوان.")
}

fn date(name: &str, v: Option<&str>) -> Result<Option<NaiveDate>, PageError> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| PageError::bad(format!("{name}: «{v}» ليس تاريخاً (YYYY-MM-DD)"))),
    }
}

fn page_number(v: Option<&str>) -> Result<usize, PageError> {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(1),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|p| (1..=1000).contains(p))
            .ok_or_else(|| PageError::bad(format!("page: «{v}» ليس رقم صفحة صالحاً"))),
    }
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

// ---------------------------------------------------------------- home

#[derive(Clone)]
pub(crate) struct HomeLists {
    speakers: Vec<SpeakerCount>,
    people: Vec<ActorCandidate>,
    organisations: Vec<ActorCandidate>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    stats: Stats,
    lists: HomeLists,
}

pub(crate) async fn home(axum::extract::State(state): S) -> PageResult {
    let page = blocking(move || {
        let stats = state.corpus.stats()?;
        let lists = state.home_lists()?;
        Ok(HomePage {
            layout: layout("الرئيسية", "home"),
            stats,
            lists,
        })
    })
    .await?;
    html(&page)
}

// ---------------------------------------------------------------- search

#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    q: Option<String>,
    source: Option<String>,
    from: Option<String>,
    to: Option<String>,
    entity: Option<String>,
    speaker: Option<String>,
    event: Option<String>,
    page: Option<String>,
}

impl SearchParams {
    /// The URL of this search, first page, with one filter set (or cleared).
    fn with(&self, key: &str, value: Option<&str>) -> String {
        let mut p = self.clone();
        let v = value.map(str::to_owned);
        match key {
            "source" => p.source = v,
            _ => p.event = v,
        }
        p.url(1)
    }

    /// The URL of this search at another page.
    fn url(&self, page: usize) -> String {
        let mut parts = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("source", &self.source),
            ("from", &self.from),
            ("to", &self.to),
            ("entity", &self.entity),
            ("speaker", &self.speaker),
            ("event", &self.event),
        ] {
            if let Some(v) = nonempty(v) {
                parts.push(format!("{k}={}", url_query_value(&v)));
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        format!("/search?{}", parts.join("&"))
    }
}

struct ResultView {
    id: String,
    title: String,
    source: String,
    date: String,
    snippet: String,
    copies: Option<(String, u32)>,
}

/// A facet value: label, matches, the URL that selects (or, when selected, clears) it.
struct Facet {
    label: String,
    count: u64,
    url: String,
    selected: bool,
}

struct ActorLink {
    id: String,
    name: String,
    kind: String,
    articles: u64,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    layout: Layout,
    p: SearchParams,
    searched: bool,
    sources: Vec<(String, u64)>,
    event_types: &'static [&'static str],
    total: u64,
    results: Vec<ResultView>,
    source_facets: Vec<Facet>,
    event_facets: Vec<Facet>,
    actor: Option<ActorLink>,
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
}

/// A snippet as HTML: the escaped passage with its hits marked.
fn snippet_html(s: &isnad_api::corpus::Snippet) -> String {
    let chars: Vec<char> = s.text.chars().collect();
    let mut out = String::new();
    let mut at = 0usize;
    let mut hits: Vec<(usize, usize)> = s
        .highlights
        .iter()
        .map(|h| {
            (
                (h.start.saturating_sub(s.start)) as usize,
                (h.end.saturating_sub(s.start)) as usize,
            )
        })
        .collect();
    hits.sort_unstable();
    for (a, b) in hits {
        let (a, b) = (a.max(at).min(chars.len()), b.min(chars.len()));
        if a >= b {
            continue;
        }
        escape_into(&mut out, &chars[at..a].iter().collect::<String>());
        out.push_str("<mark class=\"hit\">");
        escape_into(&mut out, &chars[a..b].iter().collect::<String>());
        out.push_str("</mark>");
        at = b;
    }
    escape_into(&mut out, &chars[at..].iter().collect::<String>());
    out
}

pub(crate) async fn search(
    axum::extract::State(state): S,
    params: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let p = params
        .map(|Query(p)| p)
        .map_err(|e| PageError::bad(e.body_text()))?;
    let page = page_number(p.page.as_deref())?;
    let q = p.q.clone().unwrap_or_default();
    if q.len() > 1000 {
        return Err(PageError::bad("نص البحث أطول من 1000 بايت"));
    }
    let request = SearchRequest {
        query: q.trim().to_owned(),
        entity: nonempty(&p.entity),
        speaker: nonempty(&p.speaker),
        source: nonempty(&p.source),
        event_type: nonempty(&p.event),
        from: date("from", p.from.as_deref())?,
        to: date("to", p.to.as_deref())?,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    };
    let searched = !request.query.is_empty()
        || request.entity.is_some()
        || request.speaker.is_some()
        || request.source.is_some()
        || request.event_type.is_some()
        || request.from.is_some()
        || request.to.is_some();
    let corpus = state.corpus.clone();
    let (stats, response, facets, actor) = blocking(move || {
        let stats = corpus.stats()?;
        let (response, facets) = if searched {
            (
                corpus.search(&request)?,
                Some(corpus.search_facets(&request)?),
            )
        } else {
            (
                SearchResponse {
                    query: String::new(),
                    total: 0,
                    results: Vec::new(),
                },
                None,
            )
        };
        // A query that names an actor leads to the actor's page.
        let name = request
            .speaker
            .clone()
            .or(request.entity.clone())
            .unwrap_or_else(|| request.query.clone());
        let words = name.split_whitespace().count();
        let actor = if (1..=5).contains(&words) && !name.contains('"') && page == 1 {
            corpus
                .find_actors(&name, 1)?
                .into_iter()
                .next()
                .map(|a| ActorLink {
                    id: a.actor.id,
                    name: a.actor.name,
                    kind: a.actor.kind,
                    articles: a.articles,
                })
        } else {
            None
        };
        Ok((stats, response, facets, actor))
    })
    .await?;
    let (mut source_facets, mut event_facets) = (Vec::new(), Vec::new());
    if let Some(f) = facets {
        for s in f.sources {
            let label = s.source.unwrap_or_default();
            let selected = p.source.as_deref() == Some(label.as_str());
            source_facets.push(Facet {
                url: p.with("source", (!selected).then_some(label.as_str())),
                label,
                count: s.articles,
                selected,
            });
        }
        for t in f.event_types {
            let selected = p.event.as_deref() == Some(t.kind.as_str());
            event_facets.push(Facet {
                url: p.with("event", (!selected).then_some(t.kind.as_str())),
                label: t.kind,
                count: t.events,
                selected,
            });
        }
    }
    let pages = (response.total as usize).div_ceil(PAGE_SIZE).min(1000);
    let results = response
        .results
        .iter()
        .map(|r| ResultView {
            id: r.article.id.clone(),
            title: r
                .article
                .title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| r.article.id.clone()),
            source: r.article.source.clone().unwrap_or_default(),
            date: r.article.date.clone().unwrap_or_default(),
            snippet: r.snippet.as_ref().map(snippet_html).unwrap_or_default(),
            copies: r.republication.as_ref().map(|g| {
                (
                    g.first.title.clone().unwrap_or_else(|| g.first.id.clone()),
                    g.size,
                )
            }),
        })
        .collect();
    let mut l = layout(
        if q.trim().is_empty() {
            "بحث".to_owned()
        } else {
            format!("بحث: {}", q.trim())
        },
        "search",
    );
    l.q = q;
    let page_view = SearchPage {
        layout: l,
        searched,
        sources: stats
            .sources
            .iter()
            .filter_map(|s| s.source.clone().map(|n| (n, s.articles)))
            .collect(),
        event_types: EVENT_TYPES,
        total: response.total,
        results,
        source_facets,
        event_facets,
        actor,
        page,
        pages,
        prev: (page > 1).then(|| p.url(page - 1)),
        next: (page < pages).then(|| p.url(page + 1)),
        p,
    };
    html(&page_view)
}

// ---------------------------------------------------------------- article

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    layout: Layout,
    heading: String,
    id: String,
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    published_source: Option<String>,
    view: ArticleView,
    stored: bool,
}

pub(crate) async fn article(axum::extract::State(state): S, Path(id): Path<String>) -> PageResult {
    let wanted = id.clone();
    let record: Option<ArticleRecord> =
        blocking(move || Ok(state.corpus.article(&wanted)?)).await?;
    let Some(r) = record else {
        return Err(PageError::missing(format!("لا يوجد مقال بالمعرّف «{id}».")));
    };
    let heading = r
        .article
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| r.article.id.clone());
    let view = article::view(&r.text, &r.analysis, &r.actors, r.republication.clone());
    html(&ArticlePage {
        layout: layout(heading.clone(), "search"),
        heading,
        id: r.article.id.clone(),
        source: r.article.source.clone(),
        date: r.article.date.clone(),
        url: r.url.clone().filter(|u| u.starts_with("http")),
        published_source: r.analysis.published_source.clone(),
        view,
        stored: true,
    })
}

// ---------------------------------------------------------------- actor

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ActorParams {
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "actor.html")]
struct ActorPage {
    layout: Layout,
    a: ActorProfile,
    type_name: &'static str,
    quotes: QuotesResponse,
    page: usize,
    pages: usize,
    nodes: Vec<svg::Node>,
    network_size: f64,
    network_centre: f64,
    bars: Vec<svg::Bar>,
    bars_max: u64,
    chart_width: f64,
    chart_height: f64,
}

pub(crate) async fn actor(
    axum::extract::State(state): S,
    Path(id): Path<String>,
    params: Result<Query<ActorParams>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let p = params
        .map(|Query(p)| p)
        .map_err(|e| PageError::bad(e.body_text()))?;
    let page = page_number(p.page.as_deref())?;
    let wanted = id.clone();
    let found = blocking(move || {
        let Some(mut profile) = state.corpus.actor(&wanted, QUOTES_PAGE)? else {
            return Ok(None);
        };
        // Every quotation, a page at a time, earliest first.
        let quotes = if page == 1 {
            QuotesResponse {
                total: profile.quote_count,
                quotes: std::mem::take(&mut profile.quotes),
            }
        } else {
            state
                .corpus
                .actor_quotes(&wanted, QUOTES_PAGE, (page - 1) * QUOTES_PAGE)?
        };
        Ok(Some((profile, quotes)))
    })
    .await?;
    let Some((a, quotes)) = found else {
        return Err(PageError::missing(format!("لا يوجد فاعل بالمعرّف «{id}».")));
    };
    let others: Vec<(String, String, String, u64)> = a
        .co_actors
        .iter()
        .take(12)
        .map(|c| {
            (
                c.actor.id.clone(),
                c.actor.name.clone(),
                c.actor.kind.clone(),
                c.articles,
            )
        })
        .collect();
    let columns: Vec<svg::Column> = a
        .timeline
        .iter()
        .map(|t| {
            (
                t.month.clone(),
                vec![
                    (
                        t.articles.saturating_sub(t.quotes.min(t.articles)),
                        "c-articles".to_owned(),
                        format!("{}: {} مقالاً", t.month, t.articles),
                    ),
                    (
                        t.quotes.min(t.articles),
                        "c-quotes".to_owned(),
                        format!("{}: {} تصريحاً", t.month, t.quotes),
                    ),
                ],
            )
        })
        .collect();
    let (bars, bars_max) = svg::stacked_bars(&columns);
    let pages = (quotes.total as usize).div_ceil(QUOTES_PAGE).max(1);
    html(&ActorPage {
        layout: layout(a.name.clone(), "actors"),
        type_name: article::type_name(&a.kind),
        nodes: svg::network(&others),
        network_size: svg::NETWORK_SIZE,
        network_centre: svg::NETWORK_SIZE / 2.0,
        bars,
        bars_max,
        chart_width: svg::CHART_WIDTH,
        chart_height: svg::CHART_HEIGHT,
        a,
        quotes,
        page,
        pages,
    })
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ActorsParams {
    name: Option<String>,
}

#[derive(Template)]
#[template(path = "actors.html")]
struct ActorsPage {
    layout: Layout,
    name: String,
    candidates: Vec<ActorCandidate>,
    top: Vec<ActorCandidate>,
}

pub(crate) async fn actors(
    axum::extract::State(state): S,
    params: Result<Query<ActorsParams>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let p = params
        .map(|Query(p)| p)
        .map_err(|e| PageError::bad(e.body_text()))?;
    let name = nonempty(&p.name).unwrap_or_default();
    if name.len() > 300 {
        return Err(PageError::bad("الاسم أطول من 300 بايت"));
    }
    let n = name.clone();
    let (candidates, top) = blocking(move || {
        let candidates = if n.is_empty() {
            Vec::new()
        } else {
            state.corpus.find_actors(&n, 20)?
        };
        let top = if n.is_empty() {
            state.corpus.top_actors(None, 40)?
        } else {
            Vec::new()
        };
        Ok((candidates, top))
    })
    .await?;
    if candidates.len() == 1 {
        return Ok(Redirect::to(&format!(
            "/actor/{}",
            crate::markup::url_path_segment(&candidates[0].actor.id)
        ))
        .into_response());
    }
    html(&ActorsPage {
        layout: layout("الفاعلون", "actors"),
        name,
        candidates,
        top,
    })
}

// ---------------------------------------------------------------- events

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EventsParams {
    from: Option<String>,
    to: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

struct TypeRow {
    kind: String,
    class: String,
    events: u64,
}

#[derive(Template)]
#[template(path = "events.html")]
struct EventsPage {
    layout: Layout,
    from: String,
    to: String,
    kind: String,
    event_types: &'static [&'static str],
    o: EventsOverview,
    types: Vec<TypeRow>,
    bars: Vec<svg::Bar>,
    bars_max: u64,
    by_month: bool,
    chart_width: f64,
    chart_height: f64,
    map_view: String,
    points: Vec<svg::MapPoint>,
}

pub(crate) async fn events(
    axum::extract::State(state): S,
    params: Result<Query<EventsParams>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let p = params
        .map(|Query(p)| p)
        .map_err(|e| PageError::bad(e.body_text()))?;
    let from = date("from", p.from.as_deref())?;
    let to = date("to", p.to.as_deref())?;
    let kind = nonempty(&p.kind);
    if let Some(k) = &kind {
        if !EVENT_TYPES.contains(&k.as_str()) {
            return Err(PageError::bad(format!("type: «{k}» ليس نوع حدث معروفاً")));
        }
    }
    let request = events_request(from, to, kind.clone());
    let o = blocking(move || Ok(state.corpus.events_overview(&request)?)).await?;

    // Columns: every day of the period (every month when it is over three months),
    // newest on the left (the chart runs right to left).
    let first = o
        .from
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let last =
        o.to.as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let by_month = match (first, last) {
        (Some(a), Some(b)) => (b - a).num_days() > 92,
        _ => true,
    };
    let key = |day: &str| -> String {
        if by_month {
            day.get(..7).unwrap_or(day).to_owned()
        } else {
            day.to_owned()
        }
    };
    let mut columns: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    if let (Some(a), Some(b), false) = (first, last, by_month) {
        let mut d = a;
        while d <= b {
            columns.entry(d.to_string()).or_default();
            d = d.succ_opt().unwrap_or(b + chrono::Duration::days(1));
        }
    }
    for d in &o.days {
        *columns
            .entry(key(&d.day))
            .or_default()
            .entry(d.kind.clone())
            .or_default() += d.events;
    }
    let columns: Vec<svg::Column> = columns
        .into_iter()
        .map(|(label, kinds)| {
            let segs = kinds
                .into_iter()
                .map(|(k, n)| (n, svg::type_class(&k), format!("{label} — {k}: {n}")))
                .collect();
            (label, segs)
        })
        .collect();
    let (bars, bars_max) = svg::stacked_bars(&columns);

    let projected: Vec<(f64, f64)> = o
        .places
        .iter()
        .map(|pl| svg::project(pl.lat, pl.lon))
        .collect();
    let max = o
        .places
        .iter()
        .map(|pl| pl.events)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let view = svg::map_view(&projected);
    let scale = view
        .split(' ')
        .nth(2)
        .and_then(|w| w.parse::<f64>().ok())
        .unwrap_or(svg::MAP_WIDTH)
        / svg::MAP_WIDTH;
    let points = o
        .places
        .iter()
        .zip(&projected)
        .map(|(pl, (x, y))| svg::MapPoint {
            x: format!("{x:.1}"),
            y: format!("{y:.1}"),
            r: format!(
                "{:.2}",
                (2.0 + 10.0 * (pl.events as f64 / max).sqrt()) * scale.max(0.15)
            ),
            label: format!(
                "{}: {} حدثاً ({:.2}، {:.2})",
                pl.name, pl.events, pl.lat, pl.lon
            ),
        })
        .collect();
    let types = o
        .types
        .iter()
        .map(|t| TypeRow {
            kind: t.kind.clone(),
            class: svg::type_class(&t.kind),
            events: t.events,
        })
        .collect();
    html(&EventsPage {
        layout: layout("الأحداث", "events"),
        from: from.map(|d| d.to_string()).unwrap_or_default(),
        to: to.map(|d| d.to_string()).unwrap_or_default(),
        kind: kind.unwrap_or_default(),
        event_types: EVENT_TYPES,
        o,
        types,
        bars,
        bars_max,
        by_month,
        chart_width: svg::CHART_WIDTH,
        chart_height: svg::CHART_HEIGHT,
        map_view: view,
        points,
    })
}

// ---------------------------------------------------------------- analyze

#[derive(Template)]
#[template(path = "analyze.html")]
struct AnalyzePage {
    layout: Layout,
    text: String,
    published: String,
}

pub(crate) async fn analyze_form() -> PageResult {
    html(&AnalyzePage {
        layout: layout("تحليل مقال", "analyze"),
        text: String::new(),
        published: String::new(),
    })
}

static PIPELINE: LazyLock<isnad_doc::Pipeline> = LazyLock::new(isnad_extract::default_pipeline);

/// Largest text the analyze page takes, in bytes.
const MAX_TEXT: usize = 1 << 20;

pub(crate) async fn analyze(mut form: Multipart) -> PageResult {
    let mut text = String::new();
    let mut file = String::new();
    let mut published = String::new();
    let too_big = || {
        PageError(
            StatusCode::PAYLOAD_TOO_LARGE,
            "النص أكبر من 1 ميغابايت".into(),
        )
    };
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| PageError::bad(format!("نموذج غير صالح: {e}")))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| PageError::bad(format!("نموذج غير صالح: {e}")))?;
        if bytes.len() > MAX_TEXT {
            return Err(too_big());
        }
        let value = || {
            String::from_utf8(bytes.to_vec())
                .map_err(|_| PageError::bad("الملف ليس نصاً بترميز UTF-8"))
        };
        match name.as_str() {
            "text" => text = value()?,
            "file" if !bytes.is_empty() => file = value()?,
            "published" => published = value()?,
            _ => {}
        }
    }
    let text = if file.trim().is_empty() { text } else { file };
    if text.trim().is_empty() {
        return Err(PageError::bad("الصق نص مقال أو اختر ملفاً."));
    }
    let published_date = date("published", Some(&published))?;
    html(&analysis_page_for(text, published_date).await?)
}

async fn analysis_page_for(
    text: String,
    published: Option<NaiveDate>,
) -> Result<ArticlePage, PageError> {
    blocking(move || Ok(analysed(text, published))).await
}

fn analysed(text: String, published: Option<NaiveDate>) -> ArticlePage {
    let meta = isnad_doc::DocMeta {
        id: "pasted".to_owned(),
        published,
        published_source: if published.is_some() {
            isnad_doc::PublishedSource::Given
        } else {
            isnad_doc::PublishedSource::Unknown
        },
        ..Default::default()
    };
    let (analysis, text) = match isnad_extract::analyze(&PIPELINE, meta, text.clone(), Vec::new()) {
        Ok(doc) => (isnad_api::Analysis::from_doc(&doc), doc.text),
        Err(e) => (
            isnad_api::Analysis::failed("pasted", None, &e.to_string()),
            text,
        ),
    };
    let view = article::view(&text, &analysis, &[], None);
    ArticlePage {
        layout: layout("تحليل مقال", "analyze"),
        heading: "تحليل النص الملصق".to_owned(),
        id: String::new(),
        source: None,
        date: analysis.published.clone(),
        url: None,
        published_source: analysis.published_source.clone(),
        view,
        stored: false,
    }
}
