//! The corpus commands end to end: an ingest killed midway and rerun ends with every
//! article exactly once; the query commands print the JSON the contract promises; a
//! bounded load test of `isnad serve` from a second process sees no error.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn tmpdir(name: &str) -> tempfile::TempDir {
    common::scratch_dir(&format!("corpus-{name}"))
}

const SOURCES: [&str; 3] = ["spa", "okaz", "alriyadh"];

const WORDS: &[&str] = &[
    "قال",
    "الوزير",
    "إن",
    "الحكومة",
    "ستعمل",
    "على",
    "دعم",
    "الاقتصاد",
    "في",
    "المملكة",
    "وأضاف",
    "أن",
    "الاجتماع",
    "بحث",
    "التعاون",
    "بين",
    "البلدين",
    "مجلس",
    "الوزراء",
    "السعودي",
    "أعلنت",
    "الوزارة",
    "عن",
    "مشروع",
    "جديد",
    "لتطوير",
    "التعليم",
    "والصحة",
    "المواطنين",
    "الرياض",
    "جدة",
    "اليوم",
    "أمس",
    "العام",
    "المقبل",
    "ولي",
    "العهد",
    "الأمير",
    "استقبل",
    "سفير",
];

/// A deterministic corpus of `n` articles of about 80 words; every 50th is a near-copy
/// of the one before (a republished story), and one line is broken JSON.
fn write_corpus(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut previous = String::new();
    for i in 0..n {
        let text = if i % 50 == 1 {
            format!("نقلت الصحف أن {previous}")
        } else {
            let mut t = String::new();
            for s in 0..4 {
                for _ in 0..20 {
                    t.push_str(WORDS[rnd() as usize % WORDS.len()]);
                    t.push(' ');
                }
                t.push_str(if s == 3 { "." } else { ".\n" });
            }
            t
        };
        let rec = serde_json::json!({
            "id": format!("t-{i:05}"),
            "source": SOURCES[i % 3],
            "title": text.split_whitespace().take(6).collect::<Vec<_>>().join(" "),
            "extracted": format!("2015-07-{:02} 10:{:02}:00", 1 + i % 28, i % 60),
            "text": text,
        });
        writeln!(f, "{rec}").unwrap();
        if i == 7 {
            writeln!(f, "{{\"id\": \"broken\", \"text\": ").unwrap();
        }
        previous = text;
    }
}

fn stats(store: &Path) -> Option<serde_json::Value> {
    let out = isnad()
        .args(["stats", "--format", "json", "--store"])
        .arg(store)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

fn articles(store: &Path) -> u64 {
    stats(store)
        .and_then(|s| s["articles"].as_u64())
        .unwrap_or(0)
}

fn ingest(store: &Path, corpus: &Path) -> Child {
    isnad()
        .args(["ingest", "--no-progress", "--chunk", "40", "--store"])
        .arg(store)
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Starts an ingest and kills it (SIGKILL) once more than `after` articles are stored.
/// Returns the count seen just before the kill.
fn ingest_and_kill(store: &Path, corpus: &Path, after: u64) -> u64 {
    let mut child = common::Guard(ingest(store, corpus));
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let n = articles(store);
        if n > after {
            child.0.kill().unwrap();
            child.0.wait().unwrap();
            return n;
        }
        if let Some(status) = child.0.try_wait().unwrap() {
            let mut stderr = String::new();
            if let Some(mut e) = child.0.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
            }
            panic!("the ingest ended ({status}) before it could be killed midway: {stderr}");
        }
        assert!(Instant::now() < deadline, "the ingest made no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Annotation rows per table and duplicated keys, read straight from the database.
fn duplicates(store: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(store.join("isnad.sqlite")).unwrap();
    [
        ("articles", "id"),
        ("paragraphs", "article, ord"),
        ("posts", "article, ord"),
        ("signatures", "article"),
    ]
    .iter()
    .map(|(t, key)| {
        let d: i64 = conn
            .query_row(
                &format!("SELECT COUNT(*) FROM (SELECT {key} FROM {t} GROUP BY {key} HAVING COUNT(*) > 1)"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        (t.to_string(), d)
    })
    .collect()
}

fn paragraph_rows(store: &Path) -> i64 {
    let conn = rusqlite::Connection::open(store.join("isnad.sqlite")).unwrap();
    conn.query_row("SELECT COUNT(*) FROM paragraphs", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_killed_ingest_resumes_without_loss_or_duplicates() {
    let tmp = tmpdir("kill");
    let dir = tmp.path();
    let corpus = dir.join("corpus.jsonl");
    const N: u64 = 1500;
    write_corpus(&corpus, N as usize);
    let store = dir.join("store");

    // Kill it twice at different points, then let it finish.
    let first = ingest_and_kill(&store, &corpus, 0);
    assert!(first < N + 1, "killed after the end: {first}");
    let second = ingest_and_kill(&store, &corpus, first + 40);
    assert!(second > first && second < N + 1, "{first} then {second}");
    let out = ingest(&store, &corpus).wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some(), "{stderr}");
    assert!(stderr.contains(&format!("{second} unchanged")), "{stderr}");

    let s = stats(&store).unwrap();
    assert_eq!(s["articles"], N + 1, "{s}");
    assert_eq!(s["failed"], 1);
    assert_eq!(s["indexed"], N);
    assert!(
        duplicates(&store).iter().all(|(_, d)| *d == 0),
        "{:?}",
        duplicates(&store)
    );
    // Every article has its 4 paragraphs, once.
    let rows = paragraph_rows(&store);
    assert_eq!(rows as u64, 4 * N, "paragraph rows");
    // The near-copies were found.
    assert!(
        s["republication_groups"].as_u64().unwrap() >= N / 50 - 1,
        "{s}"
    );

    // A rerun on the finished store changes nothing.
    let out = ingest(&store, &corpus).wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{} unchanged", N + 1)));
    assert_eq!(paragraph_rows(&store), rows);
    assert_eq!(stats(&store).unwrap(), s);
}

#[test]
fn query_commands_print_the_promised_json() {
    let tmp = tmpdir("query");
    let dir = tmp.path();
    let corpus = dir.join("corpus.jsonl");
    write_corpus(&corpus, 300);
    let store = dir.join("store");
    let status = ingest(&store, &corpus).wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let run = |args: &[&str]| -> serde_json::Value {
        let out = isnad()
            .args(args)
            .arg("--store")
            .arg(&store)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(run(&["stats", "--format", "json"])["articles"], 301);
    let r = run(&["search", "--format", "json", "ولي العهد"]);
    assert!(r["total"].as_u64().unwrap() > 0);
    assert!(r["results"].as_array().unwrap().len() <= 10);
    let hit = &r["results"][0];
    assert!(hit["snippet"]["text"].as_str().unwrap().contains("ولي"));
    let r = run(&[
        "search",
        "--format",
        "json",
        "--source",
        "okaz",
        "--from",
        "2015-07-10",
        "--to",
        "2015-07-12",
    ]);
    assert!(r["total"].as_u64().unwrap() > 0);
    for hit in r["results"].as_array().unwrap() {
        assert_eq!(hit["source"], "okaz");
        let d = hit["date"].as_str().unwrap();
        assert!(("2015-07-10"..="2015-07-12").contains(&d), "{d}");
    }
    // A word no entity holds (a function word is never a name; in this random-word
    // corpus the tagger makes names of other words): no actor, but the text has it.
    let a = run(&["actor", "--format", "json", "في"]);
    assert!(a["actor"].is_null(), "{}", a["actor"]);
    assert!(a["text_matches"]["total"].as_u64().unwrap() > 0);
    // The quotation stage finds the corpus' «قال ... إن» sentences.
    let q = run(&[
        "quotes",
        "--format",
        "json",
        "--from",
        "2015-07-10",
        "--to",
        "2015-07-11",
    ]);
    assert!(q["total"].as_u64().unwrap() > 0, "{q}");
    assert!(q["quotes"].as_array().unwrap().len() <= 20);
    for quote in q["quotes"].as_array().unwrap() {
        let d = quote["date"].as_str().unwrap();
        assert!(("2015-07-10"..="2015-07-11").contains(&d), "{d}");
        assert!(!quote["text"].as_str().unwrap().is_empty());
    }
    assert_eq!(
        run(&["quotes", "--format", "json", "--speaker", "لا أحد"])["total"],
        0
    );
    // Text output for people.
    let out = isnad()
        .args(["search", "الرياض"])
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("**"));
    // A missing store is a clear error.
    let out = isnad()
        .args(["stats", "--store"])
        .arg(dir.join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store"));
}

#[test]
fn a_bounded_load_test_of_the_server_sees_no_error() {
    let tmp = tmpdir("serve");
    let dir = tmp.path();
    let corpus = dir.join("corpus.jsonl");
    write_corpus(&corpus, 200);
    let store = dir.join("store");
    ingest(&store, &corpus).wait().unwrap();
    let mut server = common::Guard(
        isnad()
            .args(["serve", "--port", "0", "--store"])
            .arg(&store)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .trim_end_matches("/api/")
        .to_owned();
    let out = isnad()
        .args([
            "bench",
            "serve",
            "--requests",
            "400",
            "--concurrency",
            "4",
            "--max-seconds",
            "60",
            "--url",
        ])
        .arg(&url)
        .arg("--store")
        .arg(&store)
        .output()
        .unwrap();
    server.0.kill().unwrap();
    server.0.wait().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("400 requests (400 ok, 0 errors)"),
        "{stdout}"
    );
}
