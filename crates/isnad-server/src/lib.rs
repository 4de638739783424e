//! The isnad HTTP JSON API.
//!
//! [`router`] serves a store ([`isnad_store::Corpus`]) under `/api/`: statistics,
//! search, articles, actors, quotations, and `POST /api/analyze` for one article. The
//! API is described by an OpenAPI 3.1 document ([`OPENAPI`], served at
//! `/api/openapi.json`); the tests check every response against it.
//!
//! Every answer is JSON, errors included (`{"error": {"status", "code", "message"}}`):
//! unknown routes, wrong methods, bad parameters, bodies over the size limit, requests
//! over the time limit and panics. Requests run blocking store work on tokio's blocking
//! pool, at most [`ServerConfig::max_concurrency`] at a time; a bad request never takes
//! the server down.
//!
//! This crate owns HTTP only: it must not hold analysis or query logic (that is
//! `isnad-extract` and `isnad-store`) nor define serialized types of its own beyond its
//! query parameters (responses are `isnad_api` types). The HTML pages (`/`, `/search`,
//! `/article/{id}`, `/actor/{id}`, `/actors`, `/events`, `/analyze`) and their static
//! assets come from `isnad-web` ([`isnad_web::router`]) and are merged in by [`routes`];
//! an unknown path outside `/api/` gets that crate's HTML 404 page, one under `/api/`
//! the JSON error.
#![deny(missing_docs)]

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use isnad_api::corpus::{ApiError, ApiErrorBody};
use isnad_store::{Corpus, SearchRequest};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

/// The OpenAPI description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// Limits of the server.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Largest request body, in bytes (`POST /api/analyze`).
    pub max_body_bytes: usize,
    /// Longest time a request may take.
    pub timeout: Duration,
    /// Requests handled at once; more wait their turn.
    pub max_concurrency: usize,
}

impl Default for ServerConfig {
    fn default() -> ServerConfig {
        ServerConfig {
            max_body_bytes: 2 << 20,
            timeout: Duration::from_secs(20),
            max_concurrency: 64,
        }
    }
}

/// A JSON error response.
#[derive(Debug)]
pub struct Error {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl Error {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Error {
        Error {
            status,
            code,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> Error {
        Error::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    fn not_found(message: impl Into<String>) -> Error {
        Error::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    fn internal(message: impl Into<String>) -> Error {
        Error::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let body = ApiError {
            error: ApiErrorBody {
                status: self.status.as_u16(),
                code: self.code.to_owned(),
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<isnad_store::StoreError> for Error {
    fn from(e: isnad_store::StoreError) -> Error {
        Error::internal(e.to_string())
    }
}

type ApiResult<T> = Result<Json<T>, Error>;

/// Runs blocking store work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::internal(format!("the request failed: {e}")))?
}

fn query_params<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, Error> {
    q.map(|Query(t)| t)
        .map_err(|e| Error::bad_request(e.body_text()))
}

fn date(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::bad_request(format!("{name}={v:?} is not a date (YYYY-MM-DD)"))),
    }
}

/// Parameters of `GET /api/search`.
#[derive(Debug, Deserialize)]
struct SearchParams {
    q: Option<String>,
    entity: Option<String>,
    speaker: Option<String>,
    source: Option<String>,
    event: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// Parameters of `GET /api/quotes`.
#[derive(Debug, Deserialize)]
struct QuotesParams {
    speaker: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// Parameters of `GET /api/actors` and `GET /api/actor/{id}`.
#[derive(Debug, Deserialize)]
struct ActorParams {
    name: Option<String>,
    limit: Option<usize>,
}

/// The body of `POST /api/analyze` (or the plain text itself).
#[derive(Debug, Deserialize)]
struct AnalyzeBody {
    text: String,
    id: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

type AppState = Arc<Corpus>;

async fn stats(State(corpus): State<AppState>) -> ApiResult<isnad_api::corpus::Stats> {
    blocking(move || Ok(corpus.stats()?)).await.map(Json)
}

async fn search(
    State(corpus): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult<isnad_api::corpus::SearchResponse> {
    let p = query_params(params)?;
    let request = SearchRequest {
        query: p.q.unwrap_or_default(),
        entity: p.entity,
        speaker: p.speaker,
        source: p.source,
        event_type: p.event,
        from: date("from", p.from.as_deref())?,
        to: date("to", p.to.as_deref())?,
        limit: p.limit.unwrap_or(10),
        offset: p.offset.unwrap_or(0),
    };
    if request.query.len() > 1000 {
        return Err(Error::bad_request("q is longer than 1000 bytes"));
    }
    if request.offset > 10_000 {
        return Err(Error::bad_request("offset is over 10000"));
    }
    blocking(move || Ok(corpus.search(&request)?))
        .await
        .map(Json)
}

async fn article(
    State(corpus): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<isnad_api::corpus::ArticleRecord> {
    let record = blocking(move || Ok(corpus.article(&id).map(|r| r.ok_or(id))?)).await?;
    record
        .map(Json)
        .map_err(|id| Error::not_found(format!("no article {id:?}")))
}

async fn actor(
    State(corpus): State<AppState>,
    Path(id): Path<String>,
    params: Result<Query<ActorParams>, QueryRejection>,
) -> ApiResult<isnad_api::corpus::ActorProfile> {
    let limit = query_params(params)?.limit.unwrap_or(20);
    let profile = blocking(move || Ok(corpus.actor(&id, limit).map(|r| r.ok_or(id))?)).await?;
    profile
        .map(Json)
        .map_err(|id| Error::not_found(format!("no actor {id:?}")))
}

async fn actors(
    State(corpus): State<AppState>,
    params: Result<Query<ActorParams>, QueryRejection>,
) -> ApiResult<isnad_api::corpus::ActorLookup> {
    let p = query_params(params)?;
    let name = p
        .name
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| Error::bad_request("the name parameter is required"))?;
    let limit = p.limit.unwrap_or(20);
    blocking(move || Ok(corpus.lookup_actor(&name, limit)?))
        .await
        .map(Json)
}

async fn quotes(
    State(corpus): State<AppState>,
    params: Result<Query<QuotesParams>, QueryRejection>,
) -> ApiResult<isnad_api::corpus::QuotesResponse> {
    let p = query_params(params)?;
    let (from, to) = (
        date("from", p.from.as_deref())?,
        date("to", p.to.as_deref())?,
    );
    let (limit, offset) = (p.limit.unwrap_or(20), p.offset.unwrap_or(0));
    blocking(move || Ok(corpus.quotes(p.speaker.as_deref(), from, to, limit, offset)?))
        .await
        .map(Json)
}

static PIPELINE: LazyLock<isnad_doc::Pipeline> = LazyLock::new(isnad_extract::default_pipeline);

async fn analyze(
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<isnad_api::Analysis> {
    let body = body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            Error::new(status, "payload_too_large", e.body_text())
        } else {
            Error::bad_request(e.body_text())
        }
    })?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let input = if is_json {
        serde_json::from_slice::<AnalyzeBody>(&body)
            .map_err(|e| Error::bad_request(format!("invalid JSON body: {e}")))?
    } else {
        let text = String::from_utf8(body.to_vec())
            .map_err(|_| Error::bad_request("the body is not UTF-8 text"))?;
        AnalyzeBody {
            text,
            id: None,
            published: None,
            title: None,
            url: None,
            source: None,
        }
    };
    let published = date("published", input.published.as_deref())?;
    let meta = isnad_doc::DocMeta {
        id: input.id.unwrap_or_else(|| "article".to_owned()),
        published,
        published_source: if published.is_some() {
            isnad_doc::PublishedSource::Given
        } else {
            isnad_doc::PublishedSource::Unknown
        },
        title: input.title,
        url: input.url,
        source: input.source,
        ..Default::default()
    };
    let text = input.text;
    blocking(move || {
        let doc = isnad_extract::analyze(&PIPELINE, meta, text, Vec::new()).map_err(|e| {
            Error::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "unprocessable",
                e.to_string(),
            )
        })?;
        Ok(isnad_api::Analysis::from_doc(&doc))
    })
    .await
    .map(Json)
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn not_found(req: Request) -> Response {
    let path = req.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        Error::not_found(format!("no route {} {}", req.method(), path)).into_response()
    } else {
        isnad_web::not_found()
    }
}

async fn method_not_allowed(req: Request) -> Error {
    Error::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} is not allowed on {}", req.method(), req.uri().path()),
    )
}

/// Bounds the time of a request, answering a JSON error when it runs over.
async fn time_limit(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => Error::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs_f32()),
        )
        .into_response(),
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    Error::internal("the request failed unexpectedly").into_response()
}

/// The API's routes over a store, with the limits of `config`.
pub fn router(corpus: Arc<Corpus>, config: &ServerConfig) -> Router {
    with_limits(routes(corpus), config)
}

/// The API's routes and the web pages over a store, without limits.
pub fn routes(corpus: Arc<Corpus>) -> Router {
    let pages = isnad_web::router(corpus.clone());
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/article/{id}", get(article))
        .route("/api/actor/{id}", get(actor))
        .route("/api/actors", get(actors))
        .route("/api/quotes", get(quotes))
        .route("/api/analyze", post(analyze))
        .with_state(corpus)
        .merge(pages)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

/// Wraps routes in the server's limits: body size, concurrency, time, and a JSON 500
/// for a handler that panics.
pub fn with_limits(router: Router, config: &ServerConfig) -> Router {
    router
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            config.max_concurrency,
        ))
        .layer(axum::middleware::from_fn_with_state(
            config.timeout,
            time_limit,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response,
        ))
}

/// Serves `router` on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
