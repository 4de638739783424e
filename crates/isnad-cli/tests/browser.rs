//! The web app in a real browser: `isnad ingest` builds a small store from the articles
//! the web tests carry (`crates/isnad-web/tests/data/articles.jsonl`: the seed article
//! with its embedded tweets, an article full of HTML, a meeting with quotations),
//! `isnad serve` serves it on loopback, and headless Chromium, driven over WebDriver by
//! `chromedriver`, goes through the pages as a journalist would: home → search → article
//! (quote diff, speaker on focus) → actor; "عادل الجبير" from the home page to his
//! quotations; the events page; the analyze form; the article with `<script>` in its text
//! (nothing runs, the markup shows as text). Screenshots go to
//! `$CARGO_TARGET_DIR/screenshots/` (else `target/screenshots/`), at 1280 and 390 px.
//!
//! Needs `chromedriver` and `chromium` (Debian: `apt-get install chromium chromium-driver`;
//! `scripts/test.sh` installs them). Without them the test fails and says how to install
//! them; with `ISNAD_SKIP_BROWSER=1` it says it skipped and passes.
//!
//! The WebDriver client is the few W3C WebDriver commands the test needs, over a plain
//! HTTP/1.1 connection to chromedriver on loopback.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

/// One HTTP/1.1 request on loopback; returns the status and the body.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())?;
    // Read the header, then the body by its length (chromedriver may keep the
    // connection open), else to the end.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let split = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("no HTTP header"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut payload = raw[split + 4..].to_vec();
    let length = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())
            .flatten()
    });
    match length {
        Some(n) => {
            while payload.len() < n {
                let got = s.read(&mut buf)?;
                if got == 0 {
                    break;
                }
                payload.extend_from_slice(&buf[..got]);
            }
        }
        None => {
            s.read_to_end(&mut payload)?;
        }
    }
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        payload = dechunk(&payload);
    }
    Ok((status, String::from_utf8_lossy(&payload).into_owned()))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("0").trim(), 16)
            .unwrap_or(0);
        if size == 0 || eol + 2 + size > data.len() {
            break;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[(eol + 4 + size).min(data.len())..];
    }
    out
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what} did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver session.
struct Browser {
    port: u16,
    session: String,
    shots: PathBuf,
}

impl Browser {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let (status, text) = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        )
        .map_err(|e| format!("{method} {path}: {e}"))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}: {text}"))?;
        if status != 200 {
            return Err(format!("{method} {path}: {status} {}", v["value"]));
        }
        Ok(v["value"].clone())
    }

    fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.cmd(method, path, body)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn go(&self, url: &str) {
        self.ok("POST", "/url", Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.ok("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn find(&self, css: &str) -> String {
        match self.cmd(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        ) {
            Ok(v) => v[ELEMENT]
                .as_str()
                .unwrap_or_else(|| panic!("{css:?}: {v}"))
                .to_owned(),
            Err(e) => panic!("no element {css:?} on {}: {e}", self.url()),
        }
    }

    fn count(&self, css: &str) -> usize {
        self.ok(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        )
        .as_array()
        .map_or(0, Vec::len)
    }

    fn text(&self, css: &str) -> String {
        let e = self.find(css);
        self.ok("GET", &format!("/element/{e}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn click(&self, css: &str) {
        let e = self.find(css);
        self.ok("POST", &format!("/element/{e}/click"), Some(json!({})));
    }

    /// Clicks an element that leads to another page and waits until that page has loaded:
    /// WebDriver's click does not always wait for the navigation it starts. The old page
    /// is marked, so that a new one is known even when its address is the same (a form
    /// posted to itself).
    fn click_to_page(&self, css: &str) {
        let before = self.url();
        self.script("window.isnadOldPage = true; return 1;");
        self.click(css);
        let start = Instant::now();
        loop {
            let loaded = self.script(
                "return window.isnadOldPage !== true && document.readyState === 'complete';",
            );
            if loaded == true {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "clicking {css:?} on {before} led nowhere (now {})",
                self.url()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        self.ok("POST", &format!("/element/{e}/clear"), Some(json!({})));
        self.ok(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn script(&self, js: &str) -> Value {
        self.ok(
            "POST",
            "/execute/sync",
            Some(json!({ "script": js, "args": [] })),
        )
    }

    /// The text of an open alert, if one is open.
    fn alert(&self) -> Option<String> {
        self.cmd("GET", "/alert/text", None)
            .ok()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
    }

    fn size(&self, width: u32, height: u32) {
        self.ok(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        );
    }

    fn shot(&self, name: &str) {
        // The web font first (it loads on demand), so that the picture shows it.
        let _ = self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": "var done = arguments[0]; document.fonts.ready.then(function () { done(true); });", "args": [] })),
        );
        let b64 = self.ok("GET", "/screenshot", None);
        let png = base64_decode(b64.as_str().unwrap_or_default());
        assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
        let path = self.shots.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}

fn chromedriver() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CHROMEDRIVER").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromedriver")),
    ];
    let found = candidates.into_iter().flatten().find(|p| p.is_file());
    found.or_else(|| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join("chromedriver"))
                .find(|p| p.is_file())
        })
    })
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| {
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .find(|p| Path::new(p).is_file())
        .unwrap_or("/usr/bin/chromium")
        .to_owned()
    })
}

fn screenshots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo().join("target"));
    let d = target.join("screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_web_app_in_a_headless_browser() {
    if std::env::var("ISNAD_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("SKIPPED: the browser test (ISNAD_SKIP_BROWSER=1)");
        return;
    }
    let Some(driver) = chromedriver() else {
        panic!(
            "chromedriver is not installed: the browser test needs Chromium and its WebDriver \
             (Debian: `sudo apt-get install -y chromium chromium-driver`; scripts/test.sh installs \
             them). Set ISNAD_SKIP_BROWSER=1 to skip this test."
        );
    };

    // A small store from the articles the web tests carry, in a directory deleted when
    // `dir` drops (also on a panic), after the server and the browser are stopped.
    let dir = tempfile::Builder::new()
        .prefix("isnad-browser-")
        .tempdir()
        .unwrap();
    let store = dir.path().join("store");
    let articles = common::repo().join("crates/isnad-web/tests/data/articles.jsonl");
    let example = common::repo().join("examples/articles/tunis-libya-talks.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["ingest", "--no-progress", "--store"])
        .arg(&store)
        .arg(&articles)
        .arg(&example)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ingest: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The server.
    let port = free_port();
    let _server = common::Guard(
        Command::new(env!("CARGO_BIN_EXE_isnad"))
            .args(["serve", "--port", &port.to_string(), "--store"])
            .arg(&store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until("isnad serve", || {
        http(port, "GET", "/api/stats", None).is_ok_and(|(s, _)| s == 200)
    });
    let base = format!("http://127.0.0.1:{port}");

    // The browser.
    let wd_port = free_port();
    let _driver = common::Guard(
        Command::new(&driver)
            .arg(format!("--port={wd_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", driver.display())),
    );
    wait_until("chromedriver", || {
        http(wd_port, "GET", "/status", None)
            .is_ok_and(|(_, b)| b.contains("\"ready\":true") || b.contains("\"ready\": true"))
    });
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "unhandledPromptBehavior": "ignore",
        "goog:chromeOptions": {
            "binary": chromium(),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=ar", "--hide-scrollbars"]
        }
    }}});
    let (status, body) = http(wd_port, "POST", "/session", Some(&caps)).unwrap();
    assert_eq!(status, 200, "cannot start a browser session: {body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let b = Browser {
        port: wd_port,
        session: v["value"]["sessionId"].as_str().unwrap().to_owned(),
        shots: screenshots_dir(),
    };

    // Home → search → article → actor.
    b.go(&format!("{base}/"));
    assert_eq!(b.script("return document.documentElement.dir"), "rtl");
    assert_eq!(b.script("return document.documentElement.lang"), "ar");
    b.shot("home");
    b.type_into(".big-search input[name=q]", "باشاغا");
    b.click_to_page(".big-search button");
    assert!(b.url().contains("/search?q="), "{}", b.url());
    assert!(b.count(".result") >= 1, "no search result");
    assert!(b.count("mark.hit") >= 1, "no highlighted hit");
    b.shot("search");
    b.click_to_page(".result a[href='/article/000_6b8877808e991eaa']");
    assert!(b.url().ends_with("/article/000_6b8877808e991eaa"));
    assert_eq!(b.count("figure.post-card"), 3, "the three embedded tweets");
    assert!(b.count("table.diff-table") >= 1, "no quote diff table");
    assert!(b.count("table.diff-table del") >= 1 && b.count("table.diff-table ins") >= 1);
    // The speaker shows on focus.
    let speaker = b.script(
        "var q = document.querySelector('#article-text .quote.first'); q.focus(); \
         return [q.getAttribute('data-speaker'), \
                 getComputedStyle(q, '::after').getPropertyValue('content')];",
    );
    assert_eq!(speaker[0], "فتحي باشاغا");
    assert!(
        speaker[1]
            .as_str()
            .unwrap_or_default()
            .contains("فتحي باشاغا"),
        "the speaker is not shown on focus: {speaker}"
    );
    b.shot("article");
    b.script("document.querySelector('.diff-table').scrollIntoView({block: 'center'}); return 1;");
    b.shot("article-diff");
    b.click_to_page("#quotes .quote-item a.speaker");
    assert!(b.url().contains("/actor/"), "{}", b.url());
    assert!(b.text("#actor-name").contains("باشاغا"));
    assert!(
        b.count(".quote-list li blockquote") >= 3,
        "the actor's quotations"
    );
    b.shot("actor-bashagha");

    // "ما قاله عادل الجبير" in three clicks: search from the home page, the actor link,
    // his quotations.
    b.go(&format!("{base}/"));
    b.type_into(".big-search input[name=q]", "عادل الجبير");
    b.click_to_page(".big-search button");
    b.click_to_page("#actor-link");
    assert!(b.text("#actor-name").contains("عادل الجبير"));
    let quotes = b.text("#quotes");
    assert!(
        quotes.contains("المملكة تدعم الحل السياسي في اليمن"),
        "{quotes}"
    );
    assert!(quotes.contains("لا مكان لبشار الأسد في مستقبل سوريا"));
    b.shot("actor-jubeir");

    // Events: the timeline and the map.
    b.go(&format!("{base}/events"));
    assert!(b.count("svg.chart rect") >= 1, "no bars on the timeline");
    assert!(b.count("svg.map image") == 1, "no map");
    let map_loaded = b.script(
        "return performance.getEntriesByType('resource').some(function (r) { \
           return r.name.indexOf('/static/world.svg') >= 0; });",
    );
    assert_eq!(map_loaded, true, "the map was not loaded from this server");
    b.shot("events");
    b.script("document.getElementById('map').scrollIntoView(); return 1;");
    b.shot("events-map");

    // Analyze a pasted article.
    b.go(&format!("{base}/analyze"));
    b.type_into(
        "#f-text",
        "قال وزير الخارجية السعودي عادل الجبير في الرياض اليوم إن «المملكة ستواصل دعم الشعب اليمني».",
    );
    b.click_to_page(".analyze-form button");
    assert!(
        b.count("#article-text .quote") >= 1,
        "the pasted article's quote"
    );
    b.shot("analyze");

    // An article with markup in its text: nothing runs, the markup shows as text.
    b.go(&format!("{base}/article/xss-1"));
    assert_eq!(b.alert(), None, "an alert opened");
    let text = b.text("#article-text");
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(b.text("#article-title").contains("<script>"));
    let injected = b.script(
        "return document.querySelectorAll('main script, main img, main svg[onload], \
         #article-text svg, [onerror], [onload]').length;",
    );
    assert_eq!(injected, 0, "an element was injected");
    b.shot("xss");
    b.go(&format!(
        "{base}/search?q=%D8%A7%D9%84%D9%85%D9%88%D9%82%D8%B9"
    ));
    assert_eq!(b.alert(), None, "an alert opened on the search page");
    assert_eq!(
        b.script("return document.querySelectorAll('main img, main script').length;"),
        0
    );

    // A phone.
    b.size(390, 844);
    b.go(&format!("{base}/"));
    b.shot("phone-home");
    b.go(&format!("{base}/article/000_6b8877808e991eaa"));
    let overflow = b.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assert_eq!(
        overflow, false,
        "the article page scrolls sideways on a phone"
    );
    b.shot("phone-article");
    b.script("document.querySelector('.diff-table').scrollIntoView({block: 'center'}); return 1;");
    b.shot("phone-article-diff");
    assert_eq!(b.alert(), None);

    drop(b);
}
