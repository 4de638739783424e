//! The HTTP API on the fixture store: every response is checked against the OpenAPI
//! document (schemas of the documented status codes), errors are JSON, and bad requests
//! do not take the server down.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn app() -> axum::Router {
    static CORPUS: OnceLock<Arc<isnad_store::Corpus>> = OnceLock::new();
    let corpus = CORPUS.get_or_init(|| {
        // A static is never dropped, so a temporary directory would outlive every run: the
        // store lives in cargo's scratch folder for integration tests, under target/, and
        // each run replaces the last one's.
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("isnad-server-api");
        let _ = std::fs::remove_dir_all(&dir);
        isnad_store::fixtures::build_store(&dir).unwrap();
        Arc::new(isnad_store::Corpus::open(&dir, isnad_resources::word_counts()).unwrap())
    });
    let config = isnad_server::ServerConfig {
        max_body_bytes: 64 << 10,
        ..Default::default()
    };
    isnad_server::router(corpus.clone(), &config)
}

fn openapi() -> Value {
    serde_json::from_str(isnad_server::OPENAPI).unwrap()
}

/// Resolves a local `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let mut at = doc;
            for part in r.trim_start_matches("#/").split('/') {
                at = &at[part];
            }
            assert!(!at.is_null(), "unresolved {r}");
            resolve(doc, at)
        }
        None => schema,
    }
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => panic!("unknown type {t}"),
    }
}

/// Checks `v` against a JSON Schema of the subset the document uses: type (one or a
/// list), properties, required, items, enum, const, minimum, allOf, oneOf, $ref.
/// Returns the first violation.
fn check(doc: &Value, schema: &Value, v: &Value, path: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(doc, s, v, path)?;
        }
    }
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        let ok = one
            .iter()
            .filter(|s| check(doc, s, v, path).is_ok())
            .count();
        if ok != 1 {
            return Err(format!("{path}: matches {ok} of oneOf"));
        }
    }
    if let Some(t) = schema.get("type") {
        let ok = match t {
            Value::String(t) => type_matches(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_matches(t.as_str().unwrap(), v)),
            _ => panic!("bad type in schema"),
        };
        if !ok {
            return Err(format!("{path}: {v} is not {t}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            return Err(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != v {
            return Err(format!("{path}: {v} is not {c}"));
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if n < min {
            return Err(format!("{path}: {n} < {min}"));
        }
    }
    if let Some(obj) = v.as_object() {
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let r = r.as_str().unwrap();
            if !obj.contains_key(r) {
                return Err(format!("{path}: missing {r}"));
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, s) in props {
                if let Some(x) = obj.get(k) {
                    check(doc, s, x, &format!("{path}.{k}"))?;
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(doc, items, x, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

/// The path template of the document that a concrete path matches.
fn template_of<'a>(doc: &'a Value, path: &str) -> &'a str {
    let parts: Vec<&str> = path.split('/').collect();
    doc["paths"]
        .as_object()
        .unwrap()
        .keys()
        .find(|t| {
            let tp: Vec<&str> = t.split('/').collect();
            tp.len() == parts.len()
                && tp
                    .iter()
                    .zip(&parts)
                    .all(|(a, b)| a == b || (a.starts_with('{') && a.ends_with('}')))
        })
        .unwrap_or_else(|| panic!("{path} is not in the OpenAPI document"))
}

async fn call(
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(ct) = content_type {
        req = req.header("content-type", ct);
    }
    let resp = app()
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        ct.starts_with("application/json"),
        "{uri}: content-type {ct:?}"
    );
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let v: Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, v)
}

/// Calls the API and checks the answer against the document's schema for its status.
async fn documented(
    method: &str,
    uri: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let (status, v) = call(method, uri, content_type, body).await;
    let doc = openapi();
    let path = uri.split('?').next().unwrap();
    let op = &doc["paths"][template_of(&doc, path)][method.to_lowercase()];
    assert!(!op.is_null(), "{method} {path} is not documented");
    let resp = &op["responses"][status.as_str()];
    assert!(
        !resp.is_null(),
        "{method} {uri}: status {status} is not documented"
    );
    let schema = &resp["content"]["application/json"]["schema"];
    check(&doc, schema, &v, "$")
        .unwrap_or_else(|e| panic!("{method} {uri} ({status}): {e}\n{v:#}"));
    (status, v)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    documented("GET", uri, None, Vec::new()).await
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn the_document_is_valid_and_every_route_is_documented() {
    let doc = openapi();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    documented.sort();
    // The router's routes, as written in the source.
    let source = include_str!("../src/lib.rs");
    let mut routed: Vec<String> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix(".route(\""))
        .map(|l| l.split('"').next().unwrap().to_owned())
        .collect();
    routed.sort();
    assert_eq!(documented, routed.iter().collect::<Vec<_>>());
    // Every $ref resolves.
    fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r);
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    for r in all {
        resolve(&doc, &serde_json::json!({ "$ref": r }));
    }
    let (status, served) = get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(served, doc);
}

#[tokio::test]
async fn stats_search_article() {
    let (s, stats) = get("/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(stats["articles"], 10);
    let (s, r) = get(&format!("/api/search?q={}", enc("ولي العهد"))).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(r["total"], 1);
    assert_eq!(r["results"][0]["id"], "watan-9");
    assert!(!r["results"][0]["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .is_empty());
    let (_, r) = get(&format!(
        "/api/search?entity={}&from=2015-07-15&to=2015-12-31&limit=5",
        enc("عادل الجبير")
    ))
    .await;
    assert_eq!(r["total"], 2);
    let (_, r) = get("/api/search?event=CONSULT&source=spa").await;
    assert_eq!(r["total"], 1);
    let (s, a) = get("/api/article/riyadh-7").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(a["republication"]["articles"][0]["id"], "spa-1");
    assert_eq!(a["analysis"]["schema"], "isnad.analysis/1");
    let (s, e) = get("/api/article/missing").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(e["error"]["code"], "not_found");
}

#[tokio::test]
async fn actors_and_quotes() {
    let (s, l) = get(&format!("/api/actors?name={}", enc("الجبير"))).await;
    assert_eq!(s, StatusCode::OK);
    let id = l["actor"]["id"].as_str().unwrap().to_owned();
    assert_eq!(l["actor"]["name"], "عادل الجبير");
    let (s, p) = get(&format!("/api/actor/{id}?limit=2")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(p["quote_count"], 3);
    assert_eq!(p["quotes"].as_array().unwrap().len(), 2);
    let (s, _) = get("/api/actor/nobody").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (_, l) = get(&format!("/api/actors?name={}", enc("المملكة"))).await;
    assert!(l["actor"].is_null());
    assert!(l["text_matches"]["total"].as_u64().unwrap() >= 2);
    let (s, q) = get(&format!(
        "/api/quotes?speaker={}&to=2015-07-10",
        enc("عادل الجبير")
    ))
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(q["total"], 2);
}

#[tokio::test]
async fn analyze_one_article() {
    let body = serde_json::json!({"id": "x", "text": "قال الوزير إن الاجتماع كان مثمرا.", "published": "2020-06-23"});
    let (s, a) = documented(
        "POST",
        "/api/analyze",
        Some("application/json"),
        body.to_string().into_bytes(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(a["id"], "x");
    assert_eq!(a["published"], "2020-06-23");
    let (s, a) = documented(
        "POST",
        "/api/analyze",
        Some("text/plain"),
        "نص قصير.".as_bytes().to_vec(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(a["paragraphs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn bad_requests_get_json_errors() {
    for (method, uri, ct, body, status) in [
        (
            "GET",
            "/api/search?limit=many".to_owned(),
            None,
            vec![],
            400,
        ),
        (
            "GET",
            "/api/search?from=yesterday".to_owned(),
            None,
            vec![],
            400,
        ),
        (
            "GET",
            "/api/quotes?to=2015-13-01".to_owned(),
            None,
            vec![],
            400,
        ),
        ("GET", "/api/actors".to_owned(), None, vec![], 400),
        ("GET", "/api/actor/x?limit=-1".to_owned(), None, vec![], 400),
        (
            "POST",
            "/api/analyze".to_owned(),
            Some("application/json"),
            b"{\"txt\": 1}".to_vec(),
            400,
        ),
        (
            "POST",
            "/api/analyze".to_owned(),
            Some("application/json"),
            b"{".to_vec(),
            400,
        ),
        (
            "POST",
            "/api/analyze".to_owned(),
            Some("text/plain"),
            vec![0xff, 0xfe, 0x00],
            400,
        ),
        (
            "POST",
            "/api/analyze".to_owned(),
            Some("text/plain"),
            b"   ".to_vec(),
            422,
        ),
        (
            "POST",
            "/api/analyze".to_owned(),
            Some("text/plain"),
            "ب".repeat(40_000).into_bytes(),
            413,
        ),
    ] {
        let (s, v) = documented(method, &uri, ct, body).await;
        assert_eq!(s.as_u16(), status, "{method} {uri}: {v}");
        assert_eq!(v["error"]["status"], status);
    }
    // Undocumented failures under /api/ are JSON too.
    let (s, v) = call("GET", "/api/nowhere", None, vec![]).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(v["error"]["code"], "not_found");
    let (s, v) = call("DELETE", "/api/stats", None, vec![]).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(v["error"]["code"], "method_not_allowed");
    // And the server still answers.
    let (s, _) = get("/api/stats").await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn a_slow_request_times_out_as_json() {
    let slow = axum::Router::new().route(
        "/slow",
        axum::routing::get(|| async {
            tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            "late"
        }),
    );
    let config = isnad_server::ServerConfig {
        timeout: std::time::Duration::from_millis(100),
        ..Default::default()
    };
    let resp = isnad_server::with_limits(slow, &config)
        .oneshot(Request::get("/slow").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["error"]["code"], "timeout");
}

#[tokio::test]
async fn a_panicking_handler_gives_a_json_500() {
    let bad = axum::Router::new().route(
        "/boom",
        axum::routing::get(|| async {
            if std::hint::black_box(true) {
                panic!("boom");
            }
            "never"
        }),
    );
    let resp = isnad_server::with_limits(bad, &isnad_server::ServerConfig::default())
        .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["error"]["code"], "internal");
}

#[tokio::test]
async fn pages_are_served_beside_the_api() {
    for (uri, status) in [
        ("/", StatusCode::OK),
        (
            "/search?q=%D8%A7%D9%84%D8%AC%D8%A8%D9%8A%D8%B1",
            StatusCode::OK,
        ),
        ("/nowhere", StatusCode::NOT_FOUND),
    ] {
        let resp = app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(resp.status(), status, "{uri}");
        let ct = resp.headers()["content-type"].to_str().unwrap().to_owned();
        assert!(ct.starts_with("text/html"), "{uri}: {ct}");
        assert_eq!(
            resp.headers()["content-security-policy"],
            isnad_web::CSP,
            "{uri}"
        );
    }
}
