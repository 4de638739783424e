//! Paths → a stream of articles: files, directories, standard input, JSON Lines
//! (optionally gzipped). Reading is lazy: one file or one JSON line at a time, so a
//! corpus of any size streams through in bounded memory.

use crate::decode::{decode, DecodeError};
use crate::html;
use chrono::NaiveDate;
use isnad_doc::{DocMeta, EmbedHint, PublishedSource, MAX_TEXT_BYTES};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// An article read from the input, ready to become a `Doc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// What is known of it (id, date, URL, title, outlet, encoding, origin).
    pub meta: DocMeta,
    /// Its text.
    pub text: String,
    /// Embedded posts found in its markup.
    pub embeds: Vec<EmbedHint>,
    /// Problems with the input that did not stop it (an unreadable date, say).
    pub warnings: Vec<String>,
}

/// Why an input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The file system said no.
    #[error("cannot read: {0}")]
    Io(String),
    /// The bytes are not usable text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A JSON Lines record that does not parse.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A JSON record without a `text` string.
    #[error("the record has no \"text\" string")]
    MissingText,
    /// A JSON record whose text and title are both blank.
    #[error("empty record: no text and no title")]
    EmptyRecord,
    /// Over the size limit.
    #[error("{0} bytes, over the limit of {MAX_TEXT_BYTES} bytes")]
    TooLarge(u64),
    /// A path that is neither a file nor a directory.
    #[error("no such file or directory")]
    NotFound,
}

/// An input that failed, with enough to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The article id, when known (file stem, record id or `file#line`).
    pub id: String,
    /// Where it was read from (a path, `path:line`).
    pub origin: String,
    /// What went wrong.
    pub error: InputError,
}

/// One item of the input stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An article to analyse.
    Article(Box<Article>),
    /// An input that could not be read.
    Failed(Failure),
}

/// How to read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
    /// Decide from the content.
    Sniff,
}

fn format_of(name: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    match Path::new(lower).extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("txt" | "text" | "md") => Format::Text,
        _ => Format::Sniff,
    }
}

/// True for files a directory walk picks up.
fn wanted_in_directory(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') {
        return false;
    }
    format_of(name) != Format::Sniff
}

fn stem_of(name: &str) -> String {
    let base = Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    Path::new(base)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(base)
        .to_owned()
}

/// Options that apply to every article read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Publication date for articles whose input gives none.
    pub published: Option<NaiveDate>,
}

/// The stream of articles from a list of paths (`-` is standard input).
pub struct Reader {
    pending: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    options: ReadOptions,
}

/// Reads the given paths, in order; directories are walked in sorted order.
pub fn read(paths: &[PathBuf], options: ReadOptions) -> Reader {
    Reader {
        pending: paths.iter().cloned().collect(),
        current: None,
        options,
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(it) = &mut self.current {
                if let Some(item) = it.next() {
                    return Some(self.apply_options(item));
                }
                self.current = None;
            }
            let path = self.pending.pop_front()?;
            let origin = path.display().to_string();
            if origin == "-" {
                let mut bytes = Vec::new();
                let res = io::stdin()
                    .lock()
                    .take(MAX_TEXT_BYTES as u64 + 1)
                    .read_to_end(&mut bytes);
                self.current = Some(match res {
                    Err(e) => one_failure("stdin", "-", InputError::Io(e.to_string())),
                    Ok(_) => from_bytes(bytes, "-".into(), "stdin".into(), Format::Sniff),
                });
                continue;
            }
            if path.is_dir() {
                let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&path)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    })
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_file() && wanted_in_directory(e.path()))
                    .map(|e| e.into_path())
                    .collect();
                files.reverse();
                for f in files {
                    self.pending.push_front(f);
                }
                continue;
            }
            self.current = Some(open_file(&path));
        }
    }
}

impl Reader {
    fn apply_options(&self, item: Item) -> Item {
        match item {
            Item::Article(mut a) => {
                if a.meta.published.is_none() {
                    if let Some(d) = self.options.published {
                        a.meta.published = Some(d);
                        a.meta.published_source = PublishedSource::Given;
                    }
                }
                Item::Article(a)
            }
            other => other,
        }
    }
}

fn one_failure(id: &str, origin: &str, error: InputError) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(Item::Failed(Failure {
        id: id.to_owned(),
        origin: origin.to_owned(),
        error,
    })))
}

fn open_file(path: &Path) -> Box<dyn Iterator<Item = Item> + Send> {
    let origin = path.display().to_string();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_owned();
    let id = stem_of(&name);
    let format = format_of(&name);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return one_failure(&id, &origin, InputError::NotFound)
        }
        Err(e) => return one_failure(&id, &origin, InputError::Io(e.to_string())),
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let gz = match reader.fill_buf() {
        Ok(buf) => buf.starts_with(b"\x1F\x8B"),
        Err(e) => return one_failure(&id, &origin, InputError::Io(e.to_string())),
    };
    let reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    if format == Format::JsonLines {
        return Box::new(JsonLines::new(reader, origin, id));
    }
    let mut bytes = Vec::new();
    match reader
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
    {
        Err(e) => one_failure(&id, &origin, InputError::Io(e.to_string())),
        Ok(n) if n > MAX_TEXT_BYTES => one_failure(&id, &origin, InputError::TooLarge(n as u64)),
        Ok(_) => from_bytes(bytes, origin, id, format),
    }
}

/// Makes articles from the whole content of a file or of standard input.
fn from_bytes(
    bytes: Vec<u8>,
    origin: String,
    id: String,
    format: Format,
) -> Box<dyn Iterator<Item = Item> + Send> {
    if bytes.len() > MAX_TEXT_BYTES {
        return one_failure(&id, &origin, InputError::TooLarge(bytes.len() as u64));
    }
    let bytes = if bytes.starts_with(b"\x1F\x8B") {
        let mut out = Vec::new();
        match flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(MAX_TEXT_BYTES as u64 + 1)
            .read_to_end(&mut out)
        {
            Ok(_) => out,
            Err(e) => return one_failure(&id, &origin, InputError::Io(format!("gzip: {e}"))),
        }
    } else {
        bytes
    };
    let format = match format {
        Format::Sniff => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            let first = head.trim_start();
            if first.starts_with('{')
                && first.lines().next().is_some_and(|l| {
                    serde_json::from_str::<serde_json::Value>(l)
                        .is_ok_and(|v| v.get("text").is_some())
                })
            {
                Format::JsonLines
            } else if html::looks_like_html(&head) {
                Format::Html
            } else {
                Format::Text
            }
        }
        f => f,
    };
    if format == Format::JsonLines {
        return Box::new(JsonLines::new(Box::new(io::Cursor::new(bytes)), origin, id));
    }
    let declared = (format == Format::Html)
        .then(|| html::declared_charset(&bytes))
        .flatten();
    let decoded = match decode(&bytes, declared.as_deref()) {
        Ok(d) => d,
        Err(e) => return one_failure(&id, &origin, e.into()),
    };
    let mut meta = DocMeta {
        id: id.clone(),
        encoding: Some(decoded.encoding.to_owned()),
        origin: origin.clone(),
        ..DocMeta::default()
    };
    let (text, embeds) = if format == Format::Html || html::looks_like_html(&decoded.text) {
        let page = html::extract(&decoded.text);
        meta.title = page.title;
        meta.url = page.url;
        if let Some(d) = page.published {
            meta.published = Some(d);
            meta.published_source = PublishedSource::Given;
        }
        if page.text.trim().is_empty() {
            return one_failure(&id, &origin, InputError::Decode(DecodeError::Empty));
        }
        (page.text, page.embeds)
    } else {
        (decoded.text, Vec::new())
    };
    Box::new(std::iter::once(Item::Article(Box::new(Article {
        meta,
        text,
        embeds,
        warnings: Vec::new(),
    }))))
}

/// Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]` (anything after
/// the seconds, such as a fraction or a zone, is ignored).
fn parse_timestamp(s: &str) -> Option<chrono::NaiveDateTime> {
    let s = s.trim();
    let date = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let time = s.get(11..).unwrap_or("");
    let hms = |t: &str| {
        chrono::NaiveTime::parse_from_str(t.get(..8)?, "%H:%M:%S")
            .ok()
            .or_else(|| chrono::NaiveTime::parse_from_str(t.get(..5)?, "%H:%M").ok())
    };
    Some(match hms(time) {
        Some(t) => date.and_time(t),
        None => date.and_time(chrono::NaiveTime::MIN),
    })
}

/// A JSON Lines record.
#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    /// Crawl time (SaudiNewsNet calls it `extracted`).
    #[serde(default, alias = "extracted")]
    crawled: Option<String>,
}

/// Streams the records of a JSON Lines file, one line at a time.
struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    stem: String,
    line_no: usize,
    buf: Vec<u8>,
}

impl JsonLines {
    fn new(reader: Box<dyn BufRead + Send>, origin: String, stem: String) -> JsonLines {
        JsonLines {
            reader,
            origin,
            stem,
            line_no: 0,
            buf: Vec::new(),
        }
    }

    fn fail(&self, id: String, error: InputError) -> Item {
        Item::Failed(Failure {
            id,
            origin: format!("{}:{}", self.origin, self.line_no),
            error,
        })
    }
}

impl Iterator for JsonLines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.buf.clear();
            let limit = MAX_TEXT_BYTES as u64 + 1;
            let n = match (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.line_no += 1;
                    let id = format!("{}#{}", self.stem, self.line_no);
                    let item = self.fail(id, InputError::Io(e.to_string()));
                    // A read error (e.g. corrupt gzip) ends this file.
                    self.reader = Box::new(io::empty());
                    return Some(item);
                }
            };
            self.line_no += 1;
            let fallback_id = format!("{}#{}", self.stem, self.line_no);
            if n as u64 >= limit && !self.buf.ends_with(b"\n") {
                // Skip the rest of the over-long line.
                let mut sink = Vec::new();
                let _ = self.reader.read_until(b'\n', &mut sink);
                return Some(self.fail(fallback_id, InputError::TooLarge(n as u64)));
            }
            let line = self.buf.trim_ascii();
            if line.is_empty() {
                continue;
            }
            // A JSON array of records in a `.json` file.
            if line == b"[" || line == b"]" {
                continue;
            }
            let line = line.strip_suffix(b",").unwrap_or(line);
            let rec: Record = match serde_json::from_slice(line) {
                Ok(r) => r,
                Err(e) => return Some(self.fail(fallback_id, InputError::Json(e.to_string()))),
            };
            let id = match &rec.id {
                Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => fallback_id,
            };
            let Some(mut text) = rec.text else {
                return Some(self.fail(id, InputError::MissingText));
            };
            let mut warnings = Vec::new();
            // A record whose text is blank but whose title is not (a headline-only page of
            // a crawl) is analysed on its title; one with neither has nothing to analyse.
            if text.trim().is_empty() {
                match rec
                    .title
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                {
                    Some(title) => {
                        text = title.to_owned();
                        warnings.push(
                            "the record's text is empty: its title is analysed instead".to_owned(),
                        );
                    }
                    None => return Some(self.fail(id, InputError::EmptyRecord)),
                }
            }
            let published = rec.published.as_deref().and_then(|p| {
                let d = p
                    .get(..10)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                if d.is_none() && !p.trim().is_empty() {
                    warnings.push(format!("unreadable \"published\" date {p:?}"));
                }
                d
            });
            let (text, embeds, title) = if html::looks_like_html(&text) {
                let page = html::extract(&text);
                (page.text, page.embeds, rec.title.or(page.title))
            } else {
                (text, Vec::new(), rec.title)
            };
            let meta = DocMeta {
                id,
                published,
                published_source: if published.is_some() {
                    PublishedSource::Given
                } else {
                    PublishedSource::Unknown
                },
                url: rec.url,
                title,
                source: rec.source,
                encoding: Some("UTF-8".to_owned()),
                origin: format!("{}:{}", self.origin, self.line_no),
                crawled: rec.crawled.as_deref().and_then(|c| {
                    let t = parse_timestamp(c);
                    if t.is_none() && !c.trim().is_empty() {
                        warnings.push(format!("unreadable \"crawled\" time {c:?}"));
                    }
                    t
                }),
            };
            return Some(Item::Article(Box::new(Article {
                meta,
                text,
                embeds,
                warnings,
            })));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A fresh directory for one test, deleted when the guard drops (also on a panic).
    fn tmpdir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("isnad-input-{name}-"))
            .tempdir()
            .unwrap()
    }

    fn ids(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::Article(a) => a.meta.id.clone(),
                Item::Failed(f) => format!("FAILED:{}", f.id),
            })
            .collect()
    }

    #[test]
    fn directory_with_good_and_bad_files() {
        let tmp = tmpdir("dir");
        let d = tmp.path();
        std::fs::write(d.join("a.txt"), "قال الوزير إن الحل سياسي.").unwrap();
        std::fs::write(d.join("b.txt"), "").unwrap();
        std::fs::write(d.join("c.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
        let mut trunc = "قال الوزير".as_bytes().to_vec();
        trunc.pop();
        std::fs::write(d.join("d.txt"), trunc).unwrap();
        std::fs::write(d.join("ignored.bin"), b"x").unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        std::fs::write(d.join(".hidden/x.txt"), "نص").unwrap();
        let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(
            "قال وزير الخارجية إن المحادثات كانت مثمرة\r\nوأضاف أن الجولة المقبلة ستعقد في الرياض",
        );
        std::fs::write(d.join("e.txt"), &w1256).unwrap();
        let items: Vec<Item> = read(&[d.to_path_buf()], ReadOptions::default()).collect();
        assert_eq!(
            ids(&items),
            vec!["a", "FAILED:b", "FAILED:c", "FAILED:d", "e"]
        );
        let Item::Article(e) = &items[4] else {
            panic!()
        };
        assert_eq!(e.meta.encoding.as_deref(), Some("windows-1256"));
        assert!(e.text.contains("وزير الخارجية"));
        let Item::Failed(f) = &items[3] else { panic!() };
        assert!(matches!(
            f.error,
            InputError::Decode(DecodeError::TruncatedUtf8(_))
        ));
        assert!(f.origin.ends_with("d.txt"));
    }

    #[test]
    fn crawl_time_is_read_but_is_not_a_publication_date() {
        let tmp = tmpdir("crawled");
        let d = tmp.path();
        let lines = [
            r#"{"id": "s1", "text": "قال الوزير", "extracted": "2015-07-21 02:51:32"}"#,
            r#"{"id": "s2", "text": "قال الوزير", "crawled": "2015-08-01"}"#,
            r#"{"id": "s3", "text": "قال الوزير", "crawled": "yesterday"}"#,
        ];
        std::fs::write(d.join("c.jsonl"), lines.join("\n")).unwrap();
        let items: Vec<Item> = read(&[d.join("c.jsonl")], ReadOptions::default()).collect();
        let arts: Vec<&Article> = items
            .iter()
            .map(|i| match i {
                Item::Article(a) => &**a,
                Item::Failed(f) => panic!("{f:?}"),
            })
            .collect();
        let t = |d: &str| chrono::NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M:%S").unwrap();
        assert_eq!(arts[0].meta.crawled, Some(t("2015-07-21 02:51:32")));
        assert_eq!(arts[0].meta.published, None);
        assert_eq!(arts[1].meta.crawled, Some(t("2015-08-01 00:00:00")));
        assert_eq!(arts[2].meta.crawled, None);
        assert_eq!(arts[2].warnings.len(), 1);
    }

    #[test]
    fn jsonl_and_gzip() {
        let tmp = tmpdir("jsonl");
        let d = tmp.path();
        let lines = [
            r#"{"id": "x1", "text": "قال الوزير", "published": "2020-06-23T10:00"}"#,
            "",
            r#"{"id": 7, "text": "أضاف"}"#,
            r#"{"id": "bad", "text": 5"#,
            r#"{"id": "notext"}"#,
            r#"{"text": "بلا معرف", "published": "soon"}"#,
            r#"{"id": "t", "text": " ", "title": "عنوان فقط"}"#,
            r#"{"id": "blank", "text": " ", "title": ""}"#,
        ];
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(lines.join("\n").as_bytes()).unwrap();
        std::fs::write(d.join("c.jsonl.gz"), gz.finish().unwrap()).unwrap();
        let opts = ReadOptions {
            published: NaiveDate::from_ymd_opt(2021, 1, 1),
        };
        let items: Vec<Item> = read(&[d.join("c.jsonl.gz")], opts).collect();
        assert_eq!(
            ids(&items),
            vec![
                "x1",
                "7",
                "FAILED:c#4",
                "FAILED:notext",
                "c#6",
                "t",
                "FAILED:blank"
            ]
        );
        let Item::Article(t) = &items[5] else {
            panic!()
        };
        assert_eq!(t.text, "عنوان فقط");
        let Item::Article(a) = &items[0] else {
            panic!()
        };
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2020, 6, 23));
        let Item::Article(b) = &items[1] else {
            panic!()
        };
        assert_eq!(b.meta.published, NaiveDate::from_ymd_opt(2021, 1, 1));
        let Item::Article(c) = &items[4] else {
            panic!()
        };
        assert_eq!(c.warnings.len(), 1);
    }

    #[test]
    fn missing_path_fails_clearly() {
        let items: Vec<Item> = read(
            &[PathBuf::from("/no/such/file.txt")],
            ReadOptions::default(),
        )
        .collect();
        assert_eq!(ids(&items), vec!["FAILED:file"]);
    }
}
