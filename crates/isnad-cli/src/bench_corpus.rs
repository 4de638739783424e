//! `isnad bench search` (search latency on a store), `isnad bench pages` (server time of
//! each kind of web page, rendered in-process) and `isnad bench serve` (a bounded load
//! test of a running `isnad serve`, from this second process, on loopback only).

use anyhow::{bail, Context, Result};
use isnad_store::{Corpus, SearchRequest};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The corpus benchmarks.
#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// Search latency (p50/p99) of 1- to 3-word queries taken from the store's own titles,
    /// snippets included, on the calling thread.
    Search {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Number of timed queries.
        #[arg(long, default_value_t = 3000)]
        queries: usize,
        /// Results per query.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Server time of the web pages (home, search, article, actor, events), each kind
    /// requested N times in-process through the server's router, one at a time, the
    /// whole HTML body rendered; reports p50/p99/max per kind.
    Pages {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Requests per page kind.
        #[arg(long, default_value_t = 200)]
        n: usize,
    },
    /// Load test of `isnad serve` on loopback: a mix of API requests, bounded in number
    /// and time; reports throughput, latency and errors.
    Serve {
        /// The server's base URL (loopback only).
        #[arg(long, default_value = "http://127.0.0.1:8080")]
        url: String,
        /// The store the server serves (to draw realistic queries and ids from).
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Requests to send in total.
        #[arg(long, default_value_t = 5000)]
        requests: usize,
        /// Concurrent connections.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
        /// Stop after this many seconds even if requests remain.
        #[arg(long, default_value_t = 60)]
        max_seconds: u64,
    },
}

/// Queries of one to three words drawn deterministically from titles.
fn queries_from(titles: &[String], n: usize) -> Vec<String> {
    let words: Vec<Vec<&str>> = titles
        .iter()
        .map(|t| {
            t.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '@'))
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().count() >= 2 && isnad_text::chars::has_arabic(w))
                .collect()
        })
        .filter(|w: &Vec<&str>| w.len() >= 3)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let w = &words[next() as usize % words.len()];
            let len = 1 + i % 3;
            let at = next() as usize % (w.len() - len + 1);
            w[at..at + len].join(" ")
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let mean = times.iter().sum::<Duration>().as_secs_f64() / times.len().max(1) as f64;
    println!(
        "{name:<10} n={:<6} p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  mean {:>7.2} ms",
        times.len(),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.9)),
        ms(percentile(times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
        mean * 1000.0
    );
}

fn bench_search(store: PathBuf, n: usize, limit: usize) -> Result<()> {
    let corpus = crate::corpus::open(&store)?;
    let samples = corpus.samples(5000)?;
    let titles: Vec<String> = samples.into_iter().filter_map(|(_, t)| t).collect();
    let queries = queries_from(&titles, n + 100);
    if queries.is_empty() {
        bail!("the store has no titles to draw queries from");
    }
    let stats = corpus.stats()?;
    println!(
        "store: {} articles ({} indexed); {} queries of 1-3 words from titles, {} results each with snippets, one thread",
        stats.articles, stats.indexed, n, limit
    );
    let run = |q: &str| -> Result<(Duration, u64)> {
        let start = Instant::now();
        let r = corpus.search(&SearchRequest {
            query: q.to_owned(),
            limit,
            ..SearchRequest::default()
        })?;
        Ok((start.elapsed(), r.total))
    };
    // Warm the caches (lexicon, index pages) outside the measurement.
    for q in &queries[..100] {
        run(q)?;
    }
    let mut by_words: [Vec<Duration>; 3] = Default::default();
    let mut all = Vec::with_capacity(n);
    let mut empty = 0;
    for (i, q) in queries[100..].iter().enumerate() {
        let (t, total) = run(q)?;
        if total == 0 {
            empty += 1;
        }
        by_words[i % 3].push(t);
        all.push(t);
    }
    for (i, times) in by_words.iter_mut().enumerate() {
        report(
            &format!("{} word{}", i + 1, if i == 0 { "" } else { "s" }),
            times,
        );
    }
    report("all", &mut all);
    println!("queries with no result: {empty}");
    Ok(())
}

fn bench_pages(store: PathBuf, n: usize) -> Result<()> {
    use tower::ServiceExt;
    let corpus = std::sync::Arc::new(crate::corpus::open(&store)?);
    let n = n.max(1);
    let samples = corpus.samples(n)?;
    let titles: Vec<String> = samples.iter().filter_map(|(_, t)| t.clone()).collect();
    let queries = queries_from(&titles, n);
    let mut actors: Vec<String> = corpus
        .top_speakers(50)?
        .into_iter()
        .map(|s| s.actor.id)
        .collect();
    actors.extend(corpus.top_actors(None, 50)?.into_iter().map(|a| a.actor.id));
    actors.sort();
    actors.dedup();
    let stats = corpus.stats()?;
    println!(
        "store: {} articles, {} actors, {} events; {n} requests per page kind, one at a time, in-process (router + rendering, no network)",
        stats.articles, stats.actors, stats.layers.events
    );
    let kinds: Vec<(&str, Vec<String>)> = vec![
        ("home", vec!["/".to_owned()]),
        (
            "search",
            queries
                .iter()
                .map(|q| format!("/search?q={}", encode(q)))
                .collect(),
        ),
        (
            "article",
            samples
                .iter()
                .map(|(id, _)| format!("/article/{}", encode(id)))
                .collect(),
        ),
        (
            "actor",
            actors
                .iter()
                .map(|id| format!("/actor/{}", encode(id)))
                .collect(),
        ),
        ("events", {
            let mut v = vec!["/events".to_owned()];
            v.extend(
                isnad_web::EVENT_TYPES
                    .iter()
                    .map(|t| format!("/events?type={t}")),
            );
            v
        }),
    ];
    let router = isnad_server::routes(corpus);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start a runtime")?;
    runtime.block_on(async move {
        for (name, uris) in kinds {
            if uris.is_empty() {
                println!("{name:<10} nothing to request");
                continue;
            }
            let mut times = Vec::with_capacity(n);
            let mut failed = 0;
            let mut bytes = 0usize;
            for i in 0..n + 10 {
                let uri = &uris[i % uris.len()];
                let req = axum::http::Request::get(uri.as_str())
                    .body(axum::body::Body::empty())
                    .context("bad request")?;
                let start = Instant::now();
                let resp = router.clone().oneshot(req).await.context("request")?;
                let ok = resp.status().is_success();
                let body = axum::body::to_bytes(resp.into_body(), usize::MAX).await;
                let t = start.elapsed();
                match body {
                    Ok(b) if ok => bytes += b.len(),
                    _ => failed += 1,
                }
                // The first ten warm the caches.
                if i >= 10 {
                    times.push(t);
                }
            }
            report(name, &mut times);
            println!(
                "{name:<10} {} distinct URLs, mean page {:.1} KB",
                uris.len().min(n + 10),
                bytes as f64 / (n + 10) as f64 / 1024.0
            );
            if failed > 0 {
                println!("{name:<10} {failed} requests failed");
            }
        }
        anyhow::Ok(())
    })
}

fn is_loopback(url: &str) -> bool {
    let rest = url
        .strip_prefix("http://")
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("");
    let host = if let Some(v6) = rest.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        rest.rsplit_once(':').map_or(rest, |(h, _)| h)
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Default)]
struct LoadResult {
    times: Vec<Duration>,
    ok: usize,
    errors: Vec<String>,
}

fn bench_serve(
    url: String,
    store: PathBuf,
    requests: usize,
    concurrency: usize,
    max_seconds: u64,
) -> Result<ExitCode> {
    let base = url.trim_end_matches('/').to_owned();
    if !is_loopback(&base) {
        bail!("the load test only targets loopback addresses (http://127.0.0.1:PORT, http://localhost:PORT)");
    }
    let corpus: Corpus = crate::corpus::open(&store)?;
    let samples = corpus.samples(2000)?;
    drop(corpus);
    let titles: Vec<String> = samples.iter().filter_map(|(_, t)| t.clone()).collect();
    let ids: Vec<String> = samples.iter().map(|(id, _)| id.clone()).collect();
    let queries = queries_from(&titles, 1000);
    if queries.is_empty() || ids.is_empty() {
        bail!("the store has no articles to draw requests from");
    }
    // The request mix: mostly searches, then articles, actor lookups, quotes, stats and
    // now and then the analysis of a text.
    let plan = |i: usize| -> (String, Option<String>) {
        let q = &queries[i % queries.len()];
        match i % 20 {
            0..=10 => (format!("/api/search?q={}", encode(q)), None),
            11..=13 => (format!("/api/article/{}", encode(&ids[i % ids.len()])), None),
            14..=15 => (format!("/api/actors?name={}&limit=5", encode(q)), None),
            16..=17 => (format!("/api/quotes?limit=10&offset={}", i % 50), None),
            18 => ("/api/stats".to_owned(), None),
            _ => (
                "/api/analyze".to_owned(),
                Some(serde_json::json!({"text": titles[i % titles.len()], "id": format!("load-{i}")}).to_string()),
            ),
        }
    };
    let next = AtomicUsize::new(0);
    let deadline = Instant::now() + Duration::from_secs(max_seconds);
    let result = Mutex::new(LoadResult::default());
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..concurrency.max(1) {
            s.spawn(|| {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .timeout_global(Some(Duration::from_secs(30)))
                    .http_status_as_error(false)
                    .build()
                    .into();
                let mut local = LoadResult::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests || Instant::now() >= deadline {
                        break;
                    }
                    let (path, body) = plan(i);
                    let t = Instant::now();
                    let response = match &body {
                        None => agent.get(&format!("{base}{path}")).call(),
                        Some(b) => agent
                            .post(&format!("{base}{path}"))
                            .header("content-type", "application/json")
                            .send(b.as_bytes()),
                    };
                    match response {
                        Ok(mut r) => {
                            let status = r.status().as_u16();
                            let body = r.body_mut().read_to_string();
                            local.times.push(t.elapsed());
                            match body {
                                Ok(b)
                                    if status == 200
                                        && serde_json::from_str::<serde_json::Value>(&b)
                                            .is_ok() =>
                                {
                                    local.ok += 1
                                }
                                Ok(b) => local.errors.push(format!(
                                    "{status} {path}: {}",
                                    b.chars().take(200).collect::<String>()
                                )),
                                Err(e) => local.errors.push(format!("{status} {path}: {e}")),
                            }
                        }
                        Err(e) => local.errors.push(format!("{path}: {e}")),
                    }
                }
                if let Ok(mut r) = result.lock() {
                    r.times.extend(local.times);
                    r.ok += local.ok;
                    r.errors.extend(local.errors);
                }
            });
        }
    });
    let elapsed = start.elapsed();
    let mut r = result
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a load thread panicked"))?;
    let done = r.ok + r.errors.len();
    println!(
        "{done} requests ({} ok, {} errors) in {:.2} s from {} connections: {:.0} requests/s",
        r.ok,
        r.errors.len(),
        elapsed.as_secs_f64(),
        concurrency,
        done as f64 / elapsed.as_secs_f64()
    );
    report("latency", &mut r.times);
    for e in r.errors.iter().take(10) {
        println!("error: {e}");
    }
    Ok(if r.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs a corpus benchmark.
pub fn run(what: BenchCommand) -> Result<ExitCode> {
    match what {
        BenchCommand::Search {
            store,
            queries,
            limit,
        } => {
            bench_search(store, queries, limit).context("bench search")?;
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Pages { store, n } => {
            bench_pages(store, n).context("bench pages")?;
            Ok(ExitCode::SUCCESS)
        }
        BenchCommand::Serve {
            url,
            store,
            requests,
            concurrency,
            max_seconds,
        } => bench_serve(url, store, requests, concurrency, max_seconds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_targets() {
        assert!(is_loopback("http://127.0.0.1:8080"));
        assert!(is_loopback("http://localhost:1/api"));
        assert!(is_loopback("http://[::1]:80"));
        assert!(!is_loopback("http://10.0.0.1:8080"));
        assert!(!is_loopback("http://example.com"));
        assert!(!is_loopback("https://127.0.0.1"));
    }

    #[test]
    fn queries_have_one_to_three_arabic_words() {
        let titles = vec!["وزير الخارجية عادل الجبير يلتقي نظيره".to_owned()];
        let q = queries_from(&titles, 30);
        assert_eq!(q.len(), 30);
        for (i, q) in q.iter().enumerate() {
            assert_eq!(q.split(' ').count(), 1 + i % 3, "{q}");
        }
    }
}
