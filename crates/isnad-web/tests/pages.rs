//! The pages over a small store: the fixture corpus of `isnad-store` plus the articles
//! of `tests/data/articles.jsonl` analysed by the default pipeline (the seed article
//! with its embedded tweets, an article full of HTML, a meeting with quotations).
//! Every page answers with the security headers; article text is inert.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use isnad_store::{fixtures, prepare, ArticleExtras, Corpus, Writer};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};
use tower::ServiceExt;

const ARTICLES: &str = include_str!("data/articles.jsonl");

struct Store {
    _dir: PathBuf,
    corpus: Arc<Corpus>,
}

static STORE: LazyLock<Store> = LazyLock::new(|| {
    // A static is never dropped, so a temporary directory would outlive every run: the
    // store lives in cargo's scratch folder for integration tests, under target/, and
    // each run replaces the last one's.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("isnad-web-pages");
    let _ = std::fs::remove_dir_all(&dir);
    let counts = isnad_resources::word_counts();
    let mut w = Writer::open(&dir, counts).unwrap();
    w.write_chunk(&fixtures::prepared(counts)).unwrap();
    let pipeline = isnad_extract::default_pipeline();
    let mut chunk = Vec::new();
    for line in ARTICLES.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let s = |k: &str| r[k].as_str().map(str::to_owned);
        let published =
            s("published").and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        let meta = isnad_doc::DocMeta {
            id: s("id").unwrap(),
            published,
            published_source: isnad_doc::PublishedSource::Given,
            title: s("title"),
            source: s("source"),
            ..Default::default()
        };
        let mut doc =
            isnad_extract::analyze(&pipeline, meta, s("text").unwrap(), Vec::new()).unwrap();
        let analysis = isnad_api::Analysis::from_doc(&doc);
        let layers = std::mem::take(&mut doc.text_layers);
        let text = std::mem::take(&mut doc.text);
        let extras = ArticleExtras {
            crawled: None,
            content_hash: format!("test-{}", analysis.id),
            engine: "test".into(),
        };
        chunk.push(prepare(analysis, text, Some(&layers), extras, counts));
    }
    w.write_chunk(&chunk).unwrap();
    w.finalize().unwrap();
    let corpus = Arc::new(Corpus::open(&dir, counts).unwrap());
    Store { _dir: dir, corpus }
});

fn app() -> axum::Router {
    isnad_web::router(STORE.corpus.clone()).fallback(|| async { isnad_web::not_found() })
}

struct Page {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(req: Request<Body>) -> Page {
    let r = app().oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let bytes = r.into_body().collect().await.unwrap().to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(uri: &str) -> Page {
    send(Request::get(uri).body(Body::empty()).unwrap()).await
}

fn assert_secure(p: &Page, uri: &str) {
    let csp = p
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap_or_else(|| panic!("{uri}: no CSP"))
        .to_str()
        .unwrap();
    assert_eq!(csp, isnad_web::CSP, "{uri}");
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(
        p.headers[header::X_CONTENT_TYPE_OPTIONS],
        "nosniff",
        "{uri}"
    );
    assert_eq!(p.headers[header::REFERRER_POLICY], "no-referrer", "{uri}");
}

/// Checks what every HTML page must be: RTL Arabic, no inline script or style, nothing
/// loaded from another origin.
fn assert_page(p: &Page, uri: &str) {
    assert_secure(p, uri);
    assert!(
        p.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{uri}"
    );
    assert!(
        p.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{uri}: not RTL Arabic"
    );
    assert!(
        !p.body.contains("style=\""),
        "{uri}: inline style attribute"
    );
    assert!(!p.body.contains("<style"), "{uri}: inline style element");
    for (i, _) in p.body.match_indices("<script") {
        let tag = &p.body[i..i + p.body[i..].find('>').unwrap()];
        assert!(
            tag.contains("src=\"/static/app.js"),
            "{uri}: inline script {tag}"
        );
    }
    for bad in ["src=\"http", "href=\"//", "src=\"//", "url(http"] {
        assert!(!p.body.contains(bad), "{uri}: external resource {bad}");
    }
}

#[tokio::test]
async fn every_page_answers_with_the_security_headers() {
    let jubeir = STORE.corpus.find_actors("عادل الجبير", 1).unwrap()[0]
        .actor
        .id
        .clone();
    for uri in [
        "/".to_owned(),
        "/search".to_owned(),
        "/search?q=%D8%A7%D9%84%D8%AC%D8%A8%D9%8A%D8%B1".to_owned(),
        "/search?source=spa&event=CONSULT&from=2015-01-01&to=2016-01-01".to_owned(),
        "/article/spa-1".to_owned(),
        "/article/000_6b8877808e991eaa".to_owned(),
        format!("/actor/{jubeir}"),
        "/actors".to_owned(),
        "/actors?name=%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3%D8%B3".to_owned(),
        "/events".to_owned(),
        "/events?type=CONSULT&from=2015-07-01&to=2015-08-31".to_owned(),
        "/analyze".to_owned(),
    ] {
        let p = get(&uri).await;
        assert_eq!(p.status, StatusCode::OK, "{uri}: {}", p.body);
        assert_page(&p, &uri);
    }
    for asset in [
        "/static/app.css",
        "/static/app.js",
        "/static/world.svg",
        "/static/naskh-arabic.woff2",
    ] {
        let p = get(asset).await;
        assert_eq!(p.status, StatusCode::OK, "{asset}");
        assert_secure(&p, asset);
        assert!(p.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("max-age=31536000"));
    }
}

#[tokio::test]
async fn article_text_is_escaped() {
    let p = get("/article/xss-1").await;
    assert_eq!(p.status, StatusCode::OK);
    assert_page(&p, "/article/xss-1");
    assert!(p.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(p.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!p.body.contains("<script>alert"));
    assert!(!p.body.contains("<img src=x"));
    assert!(!p.body.contains("<svg onload"));
    // The title too, in the heading and in <title>.
    let title = p.body.split("<h1 id=\"article-title\">").nth(1).unwrap();
    let title = &title[..title.find("</h1>").unwrap()];
    assert!(
        title.starts_with("&lt;script&gt;alert(") || title.starts_with("&#60;script&#62;alert("),
        "{title}"
    );
    assert!(!title.contains('<') && !title.contains('\''), "{title}");
    // Search results and snippets as well.
    let s = get("/search?q=%D8%A7%D9%84%D9%85%D9%88%D9%82%D8%B9").await;
    assert_eq!(s.status, StatusCode::OK);
    assert!(s.body.contains("xss-1"), "the article is found");
    assert!(!s.body.contains("<script>alert"));
    assert!(!s.body.contains("<img src=x"));
}

#[tokio::test]
async fn the_seed_article_shows_its_posts_quotes_and_diffs() {
    let p = get("/article/000_6b8877808e991eaa").await;
    assert_eq!(p.status, StatusCode::OK);
    // Three embedded tweets as cards.
    assert_eq!(p.body.matches("<figure class=\"post-card\"").count(), 3);
    // Quotations marked in the text with their speaker, and side-by-side diffs.
    assert!(p.body.contains("class=\"quote first\""));
    assert!(p.body.contains("data-speaker=\"فتحي باشاغا\""));
    assert!(p.body.contains("<table class=\"diff-table\">"));
    assert!(
        p.body.contains("<tr class=\"d-replace\">") || p.body.contains("<tr class=\"d-delete\">")
    );
    assert!(p.body.contains("<del>"));
    assert!(p.body.contains("<ins>"));
    // Entities coloured by type, dates with their values.
    assert!(p.body.contains("ent ent-PER"));
    assert!(p.body.contains("ent ent-LOC"));
    assert!(p.body.contains("class=\"tx"));
    assert!(p.body.contains("2020-06-23"));
}

#[tokio::test]
async fn search_leads_to_the_actor_and_his_quotations() {
    // "عادل الجبير"
    let p = get("/search?q=%D8%B9%D8%A7%D8%AF%D9%84%20%D8%A7%D9%84%D8%AC%D8%A8%D9%8A%D8%B1").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("id=\"actor-link\""), "{}", p.body);
    assert!(p.body.contains("<mark class=\"hit\">"));
    // Facet counts: outlets and event types of the matches, each a link that filters.
    assert!(p.body.contains("class=\"plain facet-list\""));
    assert!(
        p.body.contains("source=spa"),
        "a facet link to the outlet spa"
    );
    assert!(
        p.body.contains("event=CONSULT"),
        "a facet link to the event type"
    );
    let href = p.body.split("id=\"actor-link\" href=\"").nth(1).unwrap();
    let href = &href[..href.find('"').unwrap()];
    let href = href.split('#').next().unwrap();
    let a = get(href).await;
    assert_eq!(a.status, StatusCode::OK, "{href}");
    assert!(a.body.contains("عادل الجبير"));
    // Every quotation: the three of the fixtures and the two of the test article.
    assert!(a.body.contains("نحن ندعم الحل السياسي في اليمن"));
    assert!(a.body.contains("لا مكان لبشار الأسد في مستقبل سوريا"));
    assert!(a.body.contains("<svg class=\"network\""));
    assert!(a.body.contains("وزير الخارجية السعودي"), "roles are listed");
}

#[tokio::test]
async fn actors_lookup_redirects_when_unambiguous() {
    // "جون كيري"
    let p = get("/actors?name=%D8%AC%D9%88%D9%86%20%D9%83%D9%8A%D8%B1%D9%8A").await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert!(p.headers[header::LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/actor/"));
}

#[tokio::test]
async fn events_page_draws_a_timeline_and_a_map() {
    let p = get("/events").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("<svg class=\"chart\""));
    assert!(p.body.contains("<rect class=\"c"));
    assert!(p.body.contains("<image href=\"/static/world.svg"));
    assert!(p.body.contains("CONSULT"));
}

#[tokio::test]
async fn errors_are_pages_too() {
    let p = get("/article/no-such-article").await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    assert_page(&p, "/article/no-such-article");
    assert!(p.body.contains("no-such-article"));
    let p = get("/no/such/page").await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    assert_page(&p, "/no/such/page");
    let p = get("/actor/no-such-actor").await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    for uri in [
        "/search?q=x&from=yesterday",
        "/search?q=x&page=0",
        "/search?q=x&page=abc",
        "/events?type=PARTY",
        "/events?to=2015-13-45",
    ] {
        let p = get(uri).await;
        assert_eq!(p.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_page(&p, uri);
    }
}

fn multipart(fields: &[(&str, Option<&str>, &str)]) -> (String, String) {
    let boundary = "----isnadtestboundary";
    let mut body = String::new();
    for (name, file, value) in fields {
        body.push_str(&format!("--{boundary}\r\n"));
        match file {
            Some(f) => body.push_str(&format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: text/plain\r\n\r\n"
            )),
            None => body.push_str(&format!(
                "Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
            )),
        }
        body.push_str(value);
        body.push_str("\r\n");
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_analyze(fields: &[(&str, Option<&str>, &str)]) -> Page {
    let (content_type, body) = multipart(fields);
    send(
        Request::post("/analyze")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn analyze_renders_a_pasted_or_uploaded_article() {
    let text = "قال وزير الخارجية عادل الجبير في الرياض أمس إن «المملكة تدعم الحل السياسي <b>في اليمن</b>».";
    let p = post_analyze(&[("text", None, text), ("published", None, "2015-08-02")]).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_page(&p, "POST /analyze");
    assert!(p.body.contains("class=\"quote first\""));
    assert!(p.body.contains("عادل الجبير"));
    assert!(p.body.contains("&lt;b&gt;في "), "{}", p.body);
    assert!(p.body.contains("&lt;/b&gt;"));
    assert!(!p.body.contains("<b>في"));
    // An uploaded file wins over the text area.
    let p = post_analyze(&[
        ("text", None, ""),
        (
            "file",
            Some("a.txt"),
            "التقى الرئيس الأمريكي باراك أوباما في واشنطن الملك سلمان.",
        ),
    ])
    .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert!(p.body.contains("باراك أوباما"));
    // Nothing to analyse.
    let p = post_analyze(&[("text", None, "  ")]).await;
    assert_eq!(p.status, StatusCode::BAD_REQUEST);
    assert_page(&p, "POST /analyze (empty)");
}
