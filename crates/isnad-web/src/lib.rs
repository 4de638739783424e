//! The isnad web app: server-rendered Arabic pages over a corpus store.
//!
//! [`router`] serves the pages — `/` (home), `/search`, `/article/{id}`, `/actor/{id}`,
//! `/actors?name=`, `/events`, `/analyze` — and the static assets under `/static/`
//! (stylesheet, one small script, the Noto Naskh Arabic font, the world map), which are
//! embedded in the binary with `include_bytes!`. `isnad-server` merges these routes with
//! its JSON API under `/api/`.
//!
//! This crate owns the HTML pages and static assets only: it must not hold query or
//! analysis logic (that is `isnad-store` and `isnad-extract`; it calls them and draws
//! what they return). Its invariants:
//!
//! - **Escaping**: every piece of text from an article, an analysis or a request is
//!   escaped — by askama's auto-escaping in the templates, and by [`markup`] for the
//!   article text with its marks; nothing from the data is written unescaped.
//! - **CSP**: every response carries a strict `Content-Security-Policy` (no inline
//!   script or style, nothing from another origin), `X-Content-Type-Options: nosniff`
//!   and `Referrer-Policy: no-referrer`; the pages have no inline scripts or `style`
//!   attributes.
//! - **No external fetch**: fonts, map and script are served by this server; every page
//!   works without JavaScript (`/static/app.js` only adds conveniences).
#![deny(missing_docs)]

pub mod article;
pub mod markup;
mod pages;
pub mod svg;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use isnad_store::Corpus;
use std::sync::Arc;

pub use pages::not_found;

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The PLOVER event types, in the order of the contract (and of the colour palette).
pub const EVENT_TYPES: &[&str] = &isnad_resources::events::EVENT_TYPES;

/// A static asset: path under `/static/`, content type, bytes.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../static/app.css"),
    },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../static/app.js"),
    },
    Asset {
        name: "world.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../static/world.svg"),
    },
    Asset {
        name: "naskh-arabic.woff2",
        content_type: "font/woff2",
        bytes: include_bytes!("../static/naskh-arabic.woff2"),
    },
    Asset {
        name: "naskh-arabic.LICENSE.txt",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../static/naskh-arabic.LICENSE.txt"),
    },
];

/// A version of the assets (a hash of their bytes), put in their URLs so that they can
/// be cached for a year and still change with the binary.
pub static ASSET_VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    // FNV-1a, 64 bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for a in ASSETS {
        for &b in a.bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", h >> 32)
});

async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            a.bytes,
        )
            .into_response(),
        None => not_found(),
    }
}

/// Adds the security headers to a response.
pub fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

async fn security_headers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    secure(next.run(req).await)
}

/// The pages and static assets over a store. The routes have no fallback: the caller
/// (`isnad-server`) answers unknown paths, with [`not_found`] outside `/api/`.
pub fn router(corpus: Arc<Corpus>) -> Router {
    let state = pages::State::new(corpus);
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/article/{id}", get(pages::article))
        .route("/actor/{id}", get(pages::actor))
        .route("/actors", get(pages::actors))
        .route("/events", get(pages::events))
        .route("/analyze", get(pages::analyze_form).post(pages::analyze))
        .route("/static/{name}", get(asset))
        .with_state(state)
        .layer(axum::middleware::from_fn(security_headers))
}

/// An HTML error page with its status.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    pages::error(status, message)
}
