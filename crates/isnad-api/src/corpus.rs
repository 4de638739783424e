//! The corpus-level output: what `isnad stats`, `search`, `actor` and `quotes` print with
//! `--format json` and what the HTTP API under `/api/` returns.
//!
//! Offsets are character offsets into the article's original text, as in the analysis
//! contract; every span carries its text. Fields may be added; none is renamed or dropped.

use crate::{Analysis, TextSpan};
use serde::{Deserialize, Serialize};

/// Counts of a store (`isnad stats`, `GET /api/stats`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Articles stored, failed ones included.
    pub articles: u64,
    /// Articles whose analysis failed (stored with their error).
    pub failed: u64,
    /// Articles in the search index.
    pub indexed: u64,
    /// Earliest article date.
    pub first_date: Option<String>,
    /// Latest article date.
    pub last_date: Option<String>,
    /// Articles per outlet, most first.
    pub sources: Vec<SourceCount>,
    /// Rows of each annotation layer.
    pub layers: LayerCounts,
    /// Corpus-level actors.
    pub actors: u64,
    /// Groups of republished articles (two or more near-duplicates).
    pub republication_groups: u64,
    /// Articles that belong to such a group.
    pub republished_articles: u64,
}

/// Articles of one outlet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceCount {
    /// The outlet (`null` for articles without one).
    pub source: Option<String>,
    /// Its articles.
    pub articles: u64,
}

/// Rows of each annotation layer in the store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerCounts {
    /// Paragraphs.
    pub paragraphs: u64,
    /// Entities (per article).
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Embedded posts.
    pub posts: u64,
    /// Quotations.
    pub quotes: u64,
    /// Temporal expressions.
    pub timex: u64,
    /// Events.
    pub events: u64,
}

/// An article named in a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date, else crawl date (`YYYY-MM-DD`).
    pub date: Option<String>,
}

/// A passage of an article with the words that match a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// First character of the passage in the article.
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// The passage, as written.
    pub text: String,
    /// The matching words, character offsets into the article.
    pub highlights: Vec<TextSpan>,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// URL.
    pub url: Option<String>,
    /// Relevance (BM25; 0 for a query of filters only, ordered by date).
    pub score: f32,
    /// The best passage.
    pub snippet: Option<Snippet>,
    /// The republication group the article belongs to, if any.
    pub republication: Option<GroupRef>,
}

/// Search results (`isnad search`, `GET /api/search`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// Matching articles.
    pub total: u64,
    /// The requested page, best first.
    pub results: Vec<SearchResult>,
}

/// A republication group, as named from one of its articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupRef {
    /// Group id (stable while its first article is).
    pub group: String,
    /// Number of articles in it.
    pub size: u32,
    /// The first publication.
    pub first: ArticleRef,
    /// Estimated word-shingle similarity of this article to the first (Jaccard, 0..1).
    pub similarity: f32,
}

/// A group of near-duplicate articles: the first publication of a story and its copies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepublicationGroup {
    /// Group id.
    pub group: String,
    /// The articles, earliest first; the first is the first publication.
    pub articles: Vec<GroupMember>,
}

/// One article of a republication group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// Crawl time, when known (orders articles of the same day).
    pub crawled: Option<String>,
    /// Estimated similarity to the first publication.
    pub similarity: f32,
}

/// A stored article (`GET /api/article/{id}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleRef,
    /// URL.
    pub url: Option<String>,
    /// Crawl time, when the input gives one.
    pub crawled: Option<String>,
    /// The original text.
    pub text: String,
    /// Its analysis.
    pub analysis: Analysis,
    /// The corpus-level actor of each entity (`e1` → actor id).
    pub actors: Vec<EntityActor>,
    /// Its republication group.
    pub republication: Option<RepublicationGroup>,
}

/// An article's entity and the corpus-level actor it was resolved to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityActor {
    /// Entity id in the article (`e1`, ...).
    pub entity: String,
    /// Actor id.
    pub actor: String,
}

/// A quotation with its article (`isnad quotes`, actor profiles).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    /// The article.
    pub article: ArticleRef,
    /// Quote id in the article (`q1`, ...).
    pub quote: String,
    /// `direct`, `indirect`, `mixed`.
    pub kind: String,
    /// The quoted words, with character offsets into the article.
    #[serde(flatten)]
    pub span: TextSpan,
    /// The speaker's name as the article gives it.
    pub speaker_name: Option<String>,
    /// The speaker's corpus-level actor.
    pub speaker_actor: Option<String>,
    /// Reporting verb.
    pub verb: Option<String>,
    /// Channel (`twitter`, `statement`, ...).
    pub channel: Option<String>,
    /// Date of the statement, else of the article.
    pub date: Option<String>,
    /// Other articles carrying the same words (same normalized text).
    pub also_in: u32,
    /// The earliest article carrying these words, when it is another one.
    pub first_published_in: Option<ArticleRef>,
}

/// Quotations (`isnad quotes`, `GET /api/quotes`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuotesResponse {
    /// Matching quotations.
    pub total: u64,
    /// The requested page, earliest first.
    pub quotes: Vec<QuoteRef>,
}

/// An event an actor takes part in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRef {
    /// The article.
    pub article: ArticleRef,
    /// Event id in the article (`v1`, ...).
    pub event: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// `happened`, `planned`, ...
    pub status: String,
    /// The trigger word(s).
    pub trigger: TextSpan,
    /// `actor` or `target`.
    pub role: String,
    /// The other participants: actor ids with names.
    pub with: Vec<ActorRef>,
    /// Where, by name.
    pub location: Option<String>,
    /// When: the event's date, else the article's.
    pub date: Option<String>,
}

/// An actor named in a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A name an actor goes by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The name as written.
    pub name: String,
    /// Articles using it.
    pub articles: u64,
}

/// A role (title, position) of an actor over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSpan {
    /// The role as written.
    pub role: String,
    /// Earliest article date with it.
    pub first: Option<String>,
    /// Latest article date with it.
    pub last: Option<String>,
    /// Articles giving it.
    pub articles: u64,
}

/// An actor seen with another one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoActor {
    /// The other actor.
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Articles naming both.
    pub articles: u64,
}

/// Activity of an actor in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelinePoint {
    /// `YYYY-MM`.
    pub month: String,
    /// Articles naming the actor.
    pub articles: u64,
    /// Its quotations.
    pub quotes: u64,
    /// Events it takes part in.
    pub events: u64,
}

/// A corpus-level actor: one person or organisation across articles (`isnad actor`,
/// `GET /api/actor/{id}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorProfile {
    /// Stable id.
    pub id: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The fullest common name.
    pub name: String,
    /// Every name it goes by, most used first.
    pub aliases: Vec<Alias>,
    /// Social-media handles.
    pub handles: Vec<String>,
    /// Roles over time, earliest first.
    pub roles: Vec<RoleSpan>,
    /// Articles naming it.
    pub article_count: u64,
    /// Earliest article date.
    pub first_date: Option<String>,
    /// Latest article date.
    pub last_date: Option<String>,
    /// Its quotations, earliest first (at most the requested number).
    pub quotes: Vec<QuoteRef>,
    /// All its quotations.
    pub quote_count: u64,
    /// Articles naming it, latest first (at most the requested number).
    pub articles: Vec<ArticleRef>,
    /// Events it takes part in, earliest first.
    pub events: Vec<EventRef>,
    /// Actors most often named in the same articles.
    pub co_actors: Vec<CoActor>,
    /// Activity per month.
    pub timeline: Vec<TimelinePoint>,
}

/// The answer to a name: the best actor and the other candidates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorLookup {
    /// The name asked for.
    pub query: String,
    /// The best-matching actor, if any.
    pub actor: Option<ActorProfile>,
    /// Other actors the name may refer to, most articles first.
    pub candidates: Vec<ActorCandidate>,
    /// Articles whose text contains the name (exact phrase), for a name no actor has yet.
    pub text_matches: Option<SearchResponse>,
}

/// An actor a name may refer to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCandidate {
    /// The actor.
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Articles naming it.
    pub articles: u64,
}

/// A JSON error of the HTTP API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What went wrong.
    pub error: ApiErrorBody,
}

/// The body of an [`ApiError`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiErrorBody {
    /// HTTP status code.
    pub status: u16,
    /// A short machine-readable code (`bad_request`, `not_found`, `payload_too_large`,
    /// `timeout`, `internal`, ...).
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

/// Events of a period on a timeline and a map (the web app's events page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventsOverview {
    /// The first day of the period (`YYYY-MM-DD`), when there is one.
    pub from: Option<String>,
    /// The last day of the period.
    pub to: Option<String>,
    /// Events in the period (of the type asked for, if any).
    pub total: u64,
    /// Events per day and type, by day then type. An event is dated by its own date
    /// when that is a day, else by its article's.
    pub days: Vec<EventDayCount>,
    /// Events per type, most first.
    pub types: Vec<EventTypeCount>,
    /// Places of events with coordinates, most events first.
    pub places: Vec<EventPlace>,
    /// The latest events of the period.
    pub events: Vec<EventItem>,
}

/// Events of one type on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub events: u64,
}

/// Events of one type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTypeCount {
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Events.
    pub events: u64,
}

/// A geocoded place where events happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// The place's name (the most used one).
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Gazetteer reference (`geonames:ID`), when resolved to one.
    pub reference: Option<String>,
    /// Events there.
    pub events: u64,
}

/// One event, with its article and participants.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventItem {
    /// The article.
    pub article: ArticleRef,
    /// Event id in the article (`v1`, ...).
    pub event: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// `happened`, `planned`, ...
    pub status: String,
    /// The trigger word(s).
    pub trigger: TextSpan,
    /// Actors and targets resolved to corpus-level actors.
    pub actors: Vec<ActorRef>,
    /// Where, by name.
    pub location: Option<String>,
    /// When (as for [`EventDayCount`]).
    pub date: Option<String>,
}

/// An actor and its number of quotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerCount {
    /// The actor.
    #[serde(flatten)]
    pub actor: ActorRef,
    /// Its quotations.
    pub quotes: u64,
}

/// How the matches of a search spread over outlets and event types (facet counts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFacets {
    /// Matches per outlet, most first (outlets without a match left out).
    pub sources: Vec<SourceCount>,
    /// Matches with an event of each type, most first (types without a match left out).
    pub event_types: Vec<EventTypeCount>,
}
