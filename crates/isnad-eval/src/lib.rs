//! Evaluation of isnad against gold annotation files.
//!
//! [`run`] reads `*.gold.json` files (format in `shared/gold/README.md`, extended by
//! `eval/gold/*/GUIDELINES.md`), loads each referenced article from the shared folder,
//! runs the default pipeline on it (with the gold publication date, as a user would pass
//! `--published`), and compares the contract output with the gold, layer by layer:
//! posts, quotations (span, speaker-attributed, quote → post links), entities (type and
//! any mention; roles; places within tolerance), temporal expressions (text; value) and
//! events (type and trigger; arguments). Scores are summed per gold folder (`seed`,
//! `quotes/dev`, ...).
//!
//! A file scores the layers it lists in `layers` (all present layers when it has no such
//! list). Layers it lists in `partial_layers` are scored for recall only: the event set
//! annotates only the entities and dates tied to its events.
//!
//! It also reads gold formats that are not the project's own ([`timeml`]: TimeML files,
//! their `TIMEX3` spans, types and values and creation time), scores temporal
//! expressions TempEval-3 style ([`timex_score`]: expressions paired by overlap; precision
//! and recall of values, relaxed and strict spans and types, by type; used by `isnad eval
//! timex`), and holds the fixed dev/test split of timeml-ar ([`split`], file names only).
//!
//! This crate must not change what the pipeline does; it only observes it.
#![deny(missing_docs)]

pub mod gold;
pub mod oracle;
pub mod score;
pub mod split;
pub mod timeml;
pub mod timex_score;

pub use timex_score::{Expr, TimexScore};

use gold::GoldDoc;
use isnad_api::Analysis;
use isnad_input::{Item, ReadOptions};
use score::{find_gold_span, haversine_km, norm, same_name, text_matches, Prf};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold file that does not parse.
    #[error("{path}: {message}")]
    Gold {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An article the gold refers to that cannot be found or read.
    #[error("{gold}: the article {doc} cannot be loaded: {message}")]
    Article {
        /// The gold file.
        gold: String,
        /// The article reference.
        doc: String,
        /// What is wrong.
        message: String,
    },
    /// No gold file found.
    #[error("no *.gold.json file under {0}")]
    NoGold(String),
}

/// The scores of one gold file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DocScores {
    /// The gold file.
    pub gold: String,
    /// Metric name → counts.
    pub metrics: BTreeMap<String, Prf>,
    /// What was missed or wrong, for `--details`.
    pub notes: Vec<String>,
}

impl DocScores {
    fn add(&mut self, metric: &str, p: Prf) {
        self.metrics.entry(metric.to_owned()).or_default().add(p);
    }
}

/// The scores of a folder of gold files.
#[derive(Clone, Debug, Serialize)]
pub struct GroupScores {
    /// The folder (`seed`, `quotes/dev`, ...).
    pub group: String,
    /// Number of gold files.
    pub docs: usize,
    /// Metric name → summed counts.
    pub metrics: BTreeMap<String, Prf>,
}

/// The whole evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Per folder.
    pub groups: Vec<GroupScores>,
    /// Per file.
    pub docs: Vec<DocScores>,
}

/// Finds `*.gold.json` files under the given files and directories, sorted.
pub fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, EvalError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    continue;
                };
                for e in rd.flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.to_string_lossy().ends_with(".gold.json") {
                        out.push(path);
                    }
                }
            }
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(EvalError::NoGold(p.display().to_string()));
        }
    }
    out.sort();
    if out.is_empty() {
        return Err(EvalError::NoGold(
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    Ok(out)
}

/// The folder name a gold file is reported under: the path after `gold/`, or `seed` for
/// the shared gold folder.
fn group_of(path: &Path) -> String {
    let parent = path.parent().unwrap_or(Path::new(""));
    let s = parent.to_string_lossy().replace('\\', "/");
    match s.rfind("/gold/") {
        Some(i) => s[i + 6..].to_owned(),
        None if s.ends_with("/gold") || s == "gold" => "seed".to_owned(),
        None => s,
    }
}

/// Loads the articles the gold files refer to, reading each corpus file once (and only
/// up to the last record needed).
fn load_articles(
    golds: &[(PathBuf, GoldDoc)],
    shared: &Path,
) -> Result<HashMap<String, isnad_input::Article>, EvalError> {
    let mut by_file: BTreeMap<PathBuf, Vec<(String, Option<String>)>> = BTreeMap::new();
    for (_, g) in golds {
        let (file, id) = match g.doc.split_once('#') {
            Some((f, id)) => (f, Some(id.to_owned())),
            None => (g.doc.as_str(), None),
        };
        by_file
            .entry(shared.join(file))
            .or_default()
            .push((g.doc.clone(), id));
    }
    let mut out = HashMap::new();
    for (file, wanted) in by_file {
        let mut remaining = wanted.len();
        for item in isnad_input::read(std::slice::from_ref(&file), ReadOptions::default()) {
            let Item::Article(a) = item else { continue };
            for (doc, id) in &wanted {
                if id.as_deref().is_none_or(|i| i == a.meta.id) && !out.contains_key(doc) {
                    out.insert(doc.clone(), (*a).clone());
                    remaining -= 1;
                }
            }
            if remaining == 0 {
                break;
            }
        }
    }
    for (path, g) in golds {
        if !out.contains_key(&g.doc) {
            return Err(EvalError::Article {
                gold: path.display().to_string(),
                doc: g.doc.clone(),
                message: format!("not found under {}", shared.display()),
            });
        }
    }
    Ok(out)
}

/// How to run an evaluation.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions {
    /// Diagnostic: find the events again with the gold file's entities and dates in place
    /// of the entity and timex layers ([`oracle`]), to measure argument assignment apart
    /// from entity recognition.
    pub oracle_entities: bool,
}

/// Runs the evaluation over gold files; `shared` is the folder the gold's article paths
/// are relative to.
pub fn run(paths: &[PathBuf], shared: &Path) -> Result<Report, EvalError> {
    run_with(paths, shared, RunOptions::default())
}

/// [`run`] with options.
pub fn run_with(
    paths: &[PathBuf],
    shared: &Path,
    options: RunOptions,
) -> Result<Report, EvalError> {
    let files = gold_files(paths)?;
    let mut golds = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| EvalError::Gold {
            path: f.display().to_string(),
            message: e.to_string(),
        })?;
        let g: GoldDoc = serde_json::from_str(&text).map_err(|e| EvalError::Gold {
            path: f.display().to_string(),
            message: e.to_string(),
        })?;
        golds.push((f, g));
    }
    let articles = load_articles(&golds, shared)?;
    let pipeline = isnad_extract::default_pipeline();
    let mut docs = Vec::new();
    let mut groups: BTreeMap<String, GroupScores> = BTreeMap::new();
    for (path, g) in &golds {
        let a = articles[&g.doc].clone();
        let mut meta = a.meta;
        if let Some(d) = g.published.as_deref().and_then(|p| {
            chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok()
        }) {
            meta.published = Some(d);
            meta.published_source = isnad_doc::PublishedSource::Given;
        }
        let mut doc = isnad_extract::analyze(&pipeline, meta, a.text, a.embeds).map_err(|e| {
            EvalError::Article {
                gold: path.display().to_string(),
                doc: g.doc.clone(),
                message: e.to_string(),
            }
        })?;
        if options.oracle_entities && g.annotates("events") {
            oracle::rerun_events_with_gold(&mut doc, g);
        }
        let analysis = Analysis::from_doc(&doc);
        let mut scores = score_doc(g, &analysis, &doc.text);
        scores.gold = path.display().to_string();
        let group = group_of(path);
        let entry = groups.entry(group.clone()).or_insert_with(|| GroupScores {
            group,
            docs: 0,
            metrics: BTreeMap::new(),
        });
        entry.docs += 1;
        for (k, v) in &scores.metrics {
            entry.metrics.entry(k.clone()).or_default().add(*v);
        }
        docs.push(scores);
    }
    Ok(Report {
        groups: groups.into_values().collect(),
        docs,
    })
}

/// Compares one analysis with its gold file.
pub fn score_doc(g: &GoldDoc, a: &Analysis, text: &str) -> DocScores {
    let mut s = DocScores::default();
    let article = norm(text);
    let post_map = if g.annotates("posts") {
        score_posts(g, a, &article, &mut s)
    } else {
        HashMap::new()
    };
    if g.annotates("quotes") {
        score_quotes(g, a, &article, &post_map, &mut s);
    }
    if g.annotates("entities") {
        score_entities(g, a, g.exhaustive("entities"), &mut s);
    }
    if g.annotates("timex") {
        score_timex(g, a, g.exhaustive("timex"), &mut s);
    }
    if g.annotates("events") {
        score_events(g, a, text, &mut s);
    }
    s
}

/// Matches gold posts to predicted posts; returns gold post id → predicted post id.
fn score_posts(
    g: &GoldDoc,
    a: &Analysis,
    article: &str,
    s: &mut DocScores,
) -> HashMap<String, String> {
    let mut used = vec![false; a.posts.len()];
    let mut map = HashMap::new();
    let mut matched = 0;
    for (gi, gp) in g.posts.iter().enumerate() {
        let found = match (&gp.text_starts, &gp.text_ends) {
            (Some(starts), Some(ends)) => {
                let span = find_gold_span(article, starts, ends);
                a.posts.iter().enumerate().find(|(i, p)| {
                    !used[*i] && text_matches(&p.text, starts, ends, span.as_deref())
                })
            }
            // Only the signature survived: the handle is what identifies the post.
            _ => a.posts.iter().enumerate().find(|(i, p)| {
                !used[*i]
                    && gp.handle.is_some()
                    && gp.handle.as_deref().map(norm) == p.handle.as_deref().map(norm)
            }),
        };
        let gid = gp.id.clone().unwrap_or_else(|| format!("p{}", gi + 1));
        match found {
            Some((i, p)) => {
                used[i] = true;
                matched += 1;
                map.insert(gid.clone(), p.id.clone());
                let eq = |x: &Option<String>, y: &Option<String>| {
                    x.as_deref().map(norm) == y.as_deref().map(norm)
                };
                s.add("posts.handle", Prf::accuracy(eq(&gp.handle, &p.handle)));
                s.add("posts.author", Prf::accuracy(eq(&gp.author, &p.author)));
                s.add("posts.date", Prf::accuracy(gp.date == p.date));
                if let Some(ae) = &gp.author_entity {
                    let pred = p
                        .author_entity
                        .as_ref()
                        .and_then(|id| a.entities.iter().find(|e| &e.id == id));
                    let ok = pred.is_some_and(|e| {
                        same_name(&e.name, ae) || e.mentions.iter().any(|m| same_name(&m.text, ae))
                    });
                    s.add("posts.author_entity", Prf::accuracy(ok));
                }
            }
            None => s.notes.push(format!(
                "missed post {gid}: «{} … {}»",
                gp.text_starts.as_deref().unwrap_or("(text lost)"),
                gp.text_ends.as_deref().unwrap_or("")
            )),
        }
    }
    for (i, p) in a.posts.iter().enumerate() {
        if !used[i] {
            s.notes
                .push(format!("extra post {}: «{}»", p.id, clip(&p.text)));
        }
    }
    s.add(
        "posts",
        Prf::from_counts(matched, a.posts.len(), g.posts.len()),
    );
    map
}

fn clip(t: &str) -> String {
    let t: String = t.chars().take(80).collect();
    t.replace('\n', " ")
}

/// The names a predicted entity goes by.
fn entity_names<'a>(a: &'a Analysis, id: &str) -> Vec<&'a str> {
    a.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| {
            std::iter::once(e.name.as_str())
                .chain(e.mentions.iter().map(|m| m.text.as_str()))
                .collect()
        })
        .unwrap_or_default()
}

/// The names a gold entity goes by.
fn gold_names<'a>(g: &'a GoldDoc, name: &'a str) -> Vec<&'a str> {
    let mut v = vec![name];
    if let Some(e) = g.entities.iter().find(|e| e.name == name) {
        v.extend(e.mentions.iter().map(String::as_str));
    }
    v
}

fn names_match(pred: &[&str], gold: &[&str]) -> bool {
    pred.iter().any(|p| gold.iter().any(|g| same_name(p, g)))
}

fn score_quotes(
    g: &GoldDoc,
    a: &Analysis,
    article: &str,
    post_map: &HashMap<String, String>,
    s: &mut DocScores,
) {
    let mut used = vec![false; a.quotes.len()];
    let (mut matched, mut attributed) = (0, 0);
    let (mut link_tp, mut link_fp, mut link_fn) = (0, 0, 0);
    for (gi, gq) in g.quotes.iter().enumerate() {
        let span = find_gold_span(article, &gq.text_starts, &gq.text_ends);
        let gid = gq.id.clone().unwrap_or_else(|| format!("q{}", gi + 1));
        // The best unused candidate: prefer one that also has the right speaker.
        let speaker_ok = |q: &isnad_api::Quote| match (&gq.speaker, &q.speaker) {
            (None, None) => true,
            (Some(gs), Some(ps)) => names_match(&entity_names(a, ps), &gold_names(g, gs)),
            _ => false,
        };
        let mut found: Option<usize> = None;
        for (i, q) in a.quotes.iter().enumerate() {
            if used[i] || !text_matches(&q.text, &gq.text_starts, &gq.text_ends, span.as_deref()) {
                continue;
            }
            if found.is_none() || (speaker_ok(q) && !speaker_ok(&a.quotes[found.unwrap()])) {
                found = Some(i);
            }
        }
        let Some(i) = found else {
            s.notes.push(format!(
                "missed quote {gid} ({}, {}): «{} … {}»",
                gq.kind,
                gq.speaker.as_deref().unwrap_or("unattributed"),
                gq.text_starts,
                gq.text_ends
            ));
            if gq.source_post.is_some() {
                link_fn += 1;
            }
            continue;
        };
        used[i] = true;
        matched += 1;
        let q = &a.quotes[i];
        if speaker_ok(q) {
            attributed += 1;
        } else {
            s.notes.push(format!(
                "wrong speaker for {gid}: gold {:?}, predicted {:?}",
                gq.speaker, q.speaker_name
            ));
        }
        s.add("quotes.kind", Prf::accuracy(gq.kind == q.kind));
        if let Some(v) = &gq.verb {
            let pv = q.verb.as_deref().map(norm).unwrap_or_default();
            s.add(
                "quotes.verb",
                Prf::accuracy(score::strip_conjunction(&pv) == score::strip_conjunction(v)),
            );
        }
        // Links: the predicted post must be the one matched to the gold source post.
        let gold_link = gq.source_post.as_ref().and_then(|gp| post_map.get(gp));
        match (&q.source_post, gold_link) {
            (Some(pp), Some(gp)) if pp == gp => link_tp += 1,
            (Some(_), Some(_)) => {
                link_fp += 1;
                link_fn += 1;
            }
            (Some(_), None) => link_fp += 1,
            (None, Some(_)) => link_fn += 1,
            (None, None) => {
                if gq.source_post.is_some() {
                    link_fn += 1;
                }
            }
        }
    }
    for (i, q) in a.quotes.iter().enumerate() {
        if !used[i] {
            s.notes.push(format!(
                "extra quote {} ({}, {}): «{}»",
                q.id,
                q.kind,
                q.speaker_name.as_deref().unwrap_or("unattributed"),
                clip(&q.text)
            ));
            if q.source_post.is_some() {
                link_fp += 1;
            }
        }
    }
    s.add(
        "quotes",
        Prf::from_counts(matched, a.quotes.len(), g.quotes.len()),
    );
    s.add(
        "quotes+speaker",
        Prf::from_counts(attributed, a.quotes.len(), g.quotes.len()),
    );
    s.add(
        "quote->post",
        Prf {
            tp: link_tp,
            fp: link_fp,
            fn_: link_fn,
        },
    );
}

fn score_entities(g: &GoldDoc, a: &Analysis, exhaustive: bool, s: &mut DocScores) {
    let mut used = vec![false; a.entities.len()];
    let mut matched = 0;
    let suffix = if exhaustive { "" } else { " (recall)" };
    for ge in &g.entities {
        let gnames: Vec<&str> = std::iter::once(ge.name.as_str())
            .chain(ge.mentions.iter().map(String::as_str))
            .collect();
        let found = a.entities.iter().enumerate().find(|(i, e)| {
            !used[*i]
                && e.kind == ge.kind
                && (names_match(&[e.name.as_str()], &gnames)
                    || e.mentions
                        .iter()
                        .any(|m| names_match(&[m.text.as_str()], &gnames)))
        });
        let metric = format!("entities.{}{suffix}", ge.kind);
        match found {
            Some((i, e)) => {
                used[i] = true;
                matched += 1;
                s.add(
                    &metric,
                    Prf {
                        tp: 1,
                        fp: 0,
                        fn_: 0,
                    },
                );
                if let Some(geo) = &ge.geo {
                    let ok = e.geo.as_ref().is_some_and(|p| {
                        haversine_km(p.lat, p.lon, geo.lat, geo.lon) <= geo.tolerance_km
                    });
                    let wrong = e.geo.is_some() && !ok;
                    s.add(
                        "entities.geo",
                        Prf {
                            tp: ok as usize,
                            fp: wrong as usize,
                            fn_: (!ok) as usize,
                        },
                    );
                    if !ok {
                        s.notes.push(format!(
                            "place {} not resolved within {} km",
                            ge.name, geo.tolerance_km
                        ));
                    }
                }
                for role in &ge.roles {
                    let ok = e.roles.iter().any(|r| {
                        let (x, y) = (norm(r), norm(role));
                        x == y || x.contains(&y) || y.contains(&x)
                    });
                    s.add("entities.roles", Prf::accuracy(ok));
                }
            }
            None => {
                s.add(
                    &metric,
                    Prf {
                        tp: 0,
                        fp: 0,
                        fn_: 1,
                    },
                );
                if ge.geo.is_some() {
                    s.add(
                        "entities.geo",
                        Prf {
                            tp: 0,
                            fp: 0,
                            fn_: 1,
                        },
                    );
                }
                s.notes
                    .push(format!("missed entity {} {}", ge.kind, ge.name));
            }
        }
    }
    let extra = used.iter().filter(|u| !**u).count();
    if exhaustive {
        for (i, e) in a.entities.iter().enumerate() {
            if !used[i] {
                s.add(
                    &format!("entities.{}", e.kind),
                    Prf {
                        tp: 0,
                        fp: 1,
                        fn_: 0,
                    },
                );
                s.notes.push(format!("extra entity {} {}", e.kind, e.name));
            }
        }
    }
    s.add(
        &format!("entities{suffix}"),
        Prf {
            tp: matched,
            fp: if exhaustive { extra } else { 0 },
            fn_: g.entities.len() - matched,
        },
    );
}

fn score_timex(g: &GoldDoc, a: &Analysis, exhaustive: bool, s: &mut DocScores) {
    // The gold lists expressions, not occurrences (it has no offsets): an expression
    // written three times with the same value (one per post signature) is one item.
    let mut predicted: Vec<&isnad_api::Timex> = Vec::new();
    for t in &a.timex {
        if !predicted
            .iter()
            .any(|p| norm(&p.text) == norm(&t.text) && p.value == t.value)
        {
            predicted.push(t);
        }
    }
    let mut used = vec![false; predicted.len()];
    let (mut matched, mut valued) = (0, 0);
    let suffix = if exhaustive { "" } else { " (recall)" };
    for gt in &g.timex {
        let gn = norm(&gt.text);
        let found = predicted.iter().enumerate().find(|(i, t)| {
            let tn = norm(&t.text);
            !used[*i] && (tn == gn || (!tn.is_empty() && (tn.contains(&gn) || gn.contains(&tn))))
        });
        match found {
            Some((i, t)) => {
                used[i] = true;
                matched += 1;
                if t.value == gt.value {
                    valued += 1;
                } else {
                    s.notes.push(format!(
                        "timex {}: gold {}, predicted {}",
                        gt.text, gt.value, t.value
                    ));
                }
            }
            None => s
                .notes
                .push(format!("missed timex {} = {}", gt.text, gt.value)),
        }
    }
    let n = predicted.len();
    s.add(
        &format!("timex{suffix}"),
        Prf::from_counts(matched, if exhaustive { n } else { matched }, g.timex.len()),
    );
    s.add(
        &format!("timex.value{suffix}"),
        Prf::from_counts(valued, if exhaustive { n } else { valued }, g.timex.len()),
    );
}

fn score_events(g: &GoldDoc, a: &Analysis, text: &str, s: &mut DocScores) {
    let chars: Vec<char> = text.chars().collect();
    // Triggers match when one contains the other. The gold keeps a preposition clitic on
    // the trigger in some files (بالإفراج) and not in others (اتفاق المصالحة for
    // لاتفاق المصالحة, هجوم مضاد for لهجوم مضاد), and its own checker lets ال match لل; so
    // a leading ب/ل/ك of either side may be left out.
    let trigger_ok = |pred: &str, gold: &str| {
        let (p, q) = (norm(pred), norm(gold));
        let strip = |s: &str| -> String {
            ["ب", "ل", "ك"]
                .iter()
                .find_map(|c| s.strip_prefix(c).filter(|r| r.chars().count() >= 3))
                .unwrap_or(s)
                .to_owned()
        };
        let contains =
            |a: &str, b: &str| !a.is_empty() && (same_name(a, b) || b.contains(a) || a.contains(b));
        contains(&p, &q) || contains(&strip(&p), &q) || contains(&p, &strip(&q))
    };
    let mut used = vec![false; a.events.len()];
    let mut matched = 0;
    for ge in &g.events {
        let types: Vec<&str> = std::iter::once(ge.kind.as_str())
            .chain(ge.alt_types.iter().map(String::as_str))
            .collect();
        let mut best: Option<(usize, i32)> = None;
        for (i, e) in a.events.iter().enumerate() {
            if used[i] || !types.contains(&e.kind.as_str()) {
                continue;
            }
            if !trigger_ok(&e.trigger.text, &ge.trigger_text) {
                // Found at a later mention of the event (the full-layer set lists them).
                if ge
                    .other_triggers
                    .iter()
                    .any(|t| trigger_ok(&e.trigger.text, t))
                    && best.is_none()
                {
                    best = Some((i, -1));
                }
                continue;
            }
            let in_sentence = e.sentence.as_ref().is_some_and(|sent| {
                let sn = norm(&sent.text);
                ge.sentence_starts.iter().any(|st| {
                    let st = norm(st);
                    sn.contains(&st) || st.contains(&sn)
                })
            });
            // The gold's sentences are its annotators' (a bulletin line, two sentences run
            // together without a space): a trigger that follows a sentence start in the same
            // paragraph, within the gold checker's window, lies in that sentence too.
            let after_start = ge
                .sentence_starts
                .iter()
                .any(|st| follows_start_in_paragraph(a, &chars, e.trigger.start, &norm(st)));
            // The guidelines' rule (eval/gold/events/GUIDELINES.md §6): the trigger must lie in
            // a sentence the gold names, so that a mention elsewhere in the article does not
            // stand in for the event.
            if !in_sentence && !after_start && !ge.sentence_starts.is_empty() {
                continue;
            }
            let score = 2 * in_sentence as i32 + after_start as i32;
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((i, score));
            }
        }
        let metric = format!("events.{}", ge.kind);
        let Some((i, _)) = best else {
            s.add(
                &metric,
                Prf {
                    tp: 0,
                    fp: 0,
                    fn_: 1,
                },
            );
            s.notes
                .push(format!("missed event {} «{}»", ge.kind, ge.trigger_text));
            continue;
        };
        used[i] = true;
        matched += 1;
        s.add(
            &metric,
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0,
            },
        );
        let e = &a.events[i];
        let gold_status = ge.status.as_deref().unwrap_or("happened");
        s.add("events.status", Prf::accuracy(gold_status == e.status));
        let mut args = |name: &str, gold: &[String], pred: &[String]| {
            let mut tp = 0;
            let mut pused = vec![false; pred.len()];
            for ga in gold {
                let gn = gold_names(g, ga);
                if let Some(k) = pred
                    .iter()
                    .enumerate()
                    .position(|(k, id)| !pused[k] && names_match(&entity_names(a, id), &gn))
                {
                    pused[k] = true;
                    tp += 1;
                }
            }
            s.add(name, Prf::from_counts(tp, pred.len(), gold.len()));
            if tp < gold.len().max(pred.len()) {
                let pred_names: Vec<String> = pred
                    .iter()
                    .filter_map(|id| a.entities.iter().find(|x| &x.id == id))
                    .map(|x| x.name.clone())
                    .collect();
                s.notes.push(format!(
                    "{name} of {} «{}»: gold {gold:?}, predicted {pred_names:?}",
                    ge.kind, ge.trigger_text
                ));
            }
        };
        args("events.actors", &ge.actors, &e.actors);
        args("events.targets", &ge.targets, &e.targets);
        let gold_locs: Vec<String> = ge
            .location
            .iter()
            .chain(ge.locations.iter())
            .cloned()
            .collect();
        let pred_locs: Vec<String> = e
            .location
            .iter()
            .chain(e.locations.iter())
            .cloned()
            .collect();
        args("events.location", &gold_locs, &pred_locs);
        if let Some(d) = &ge.date {
            let right = e.date.as_deref() == Some(d.as_str());
            s.add("events.date", Prf::accuracy(right));
            if !right {
                s.notes.push(format!(
                    "events.date of {} «{}»: gold {d}, predicted {:?}",
                    ge.kind, ge.trigger_text, e.date
                ));
            }
        }
    }
    for (i, e) in a.events.iter().enumerate() {
        if !used[i] {
            s.add(
                &format!("events.{}", e.kind),
                Prf {
                    tp: 0,
                    fp: 1,
                    fn_: 0,
                },
            );
            let names = |ids: &[String]| -> Vec<String> {
                ids.iter()
                    .filter_map(|id| a.entities.iter().find(|x| &x.id == id))
                    .map(|x| x.name.clone())
                    .collect()
            };
            let places: Vec<String> = e.location.iter().chain(&e.locations).cloned().collect();
            s.notes.push(format!(
                "extra event {} «{}» ({}) actors {:?} targets {:?} places {:?}",
                e.kind,
                e.trigger.text,
                e.status,
                names(&e.actors),
                names(&e.targets),
                names(&places)
            ));
        }
    }
    s.add(
        "events",
        Prf::from_counts(matched, a.events.len(), g.events.len()),
    );
}

/// Normalized characters after a gold sentence start within which the trigger must lie
/// (the window of the gold checker, `eval/gold/events/check_events.py`).
const SENTENCE_WINDOW: usize = 1500;

/// True when the normalized `start` occurs before the character offset `trigger_start` in
/// the same paragraph, at most [`SENTENCE_WINDOW`] normalized characters before it.
fn follows_start_in_paragraph(
    a: &Analysis,
    chars: &[char],
    trigger_start: u32,
    start: &str,
) -> bool {
    if start.is_empty() {
        return false;
    }
    let Some(p) = a
        .paragraphs
        .iter()
        .find(|p| p.start <= trigger_start && trigger_start < p.end)
    else {
        return false;
    };
    let (from, to) = (p.start as usize, (trigger_start as usize).min(chars.len()));
    if from >= to {
        return false;
    }
    let prefix: String = chars[from..to].iter().collect();
    let np = norm(&prefix);
    np.rfind(start)
        .is_some_and(|i| np[i..].chars().count() <= SENTENCE_WINDOW)
}

impl Report {
    /// A table per group; with `details`, the misses of each file.
    pub fn render(&self, details: bool) -> String {
        let mut out = String::new();
        for g in &self.groups {
            let _ = writeln!(
                out,
                "== {} ({} document{})",
                g.group,
                g.docs,
                if g.docs == 1 { "" } else { "s" }
            );
            let _ = writeln!(
                out,
                "  {:<28} {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
                "metric", "P", "R", "F1", "tp", "fp", "fn"
            );
            for (name, p) in &g.metrics {
                let _ = writeln!(
                    out,
                    "  {:<28} {:>6.3} {:>6.3} {:>6.3}   {:>5} {:>5} {:>5}",
                    name,
                    p.precision(),
                    p.recall(),
                    p.f1(),
                    p.tp,
                    p.fp,
                    p.fn_
                );
            }
            out.push('\n');
        }
        if details {
            for d in &self.docs {
                if d.notes.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "-- {}", d.gold);
                for n in &d.notes {
                    let _ = writeln!(out, "   {n}");
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(json: &str) -> GoldDoc {
        serde_json::from_str(json).unwrap()
    }

    fn analysis(json: serde_json::Value) -> Analysis {
        let mut base = serde_json::to_value(Analysis::failed("x", None, "")).unwrap();
        base["error"] = serde_json::Value::Null;
        for (k, v) in json.as_object().unwrap() {
            base[k] = v.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    const TEXT: &str =
        "وقال الوزير أحمد سالم إن الحل سياسي في نهاية المطاف. وأضاف: \"لن نقبل بالتدخل\".";

    #[test]
    fn a_post_whose_text_was_lost_is_matched_by_its_handle() {
        let g = gold(
            r#"{"doc": "x", "layers": ["posts"],
                "posts": [{"id": "p1", "platform": "twitter", "handle": "SamPress", "author": "Sam Press",
                           "date": null, "text_starts": null, "text_ends": null}]}"#,
        );
        let post = |handle: &str| {
            serde_json::json!({"id": "p1", "platform": "twitter", "author": "Sam Press",
                "handle": handle, "author_entity": null, "date": null, "start": 0, "end": 5,
                "text": "", "url": null, "signature": null})
        };
        let posts_with = |handle: &str| {
            score_doc(
                &g,
                &analysis(serde_json::json!({"posts": [post(handle)]})),
                TEXT,
            )
        };
        let found = posts_with("sampress").metrics["posts"];
        assert_eq!((found.tp, found.fp, found.fn_), (1, 0, 0));
        let other = posts_with("other");
        let missed = other.metrics["posts"];
        assert_eq!((missed.tp, missed.fp, missed.fn_), (0, 1, 1));
        assert!(other.notes.iter().any(|n| n.contains("(text lost)")));
    }

    #[test]
    fn quotes_speakers_and_links_are_counted() {
        let g = gold(
            r#"{"doc": "x", "layers": ["quotes"],
                "quotes": [
                  {"kind": "indirect", "speaker": "أحمد سالم", "verb": "قال", "text_starts": "الحل سياسي", "text_ends": "نهاية المطاف"},
                  {"kind": "direct", "speaker": "أحمد سالم", "text_starts": "لن نقبل", "text_ends": "بالتدخل"}],
                "entities": [{"name": "أحمد سالم", "type": "PER", "mentions": ["أحمد سالم", "الوزير"]}]}"#,
        );
        let a = analysis(serde_json::json!({
            "entities": [{"id": "e1", "type": "PER", "name": "أحمد سالم", "roles": [], "handles": [],
                          "mentions": [{"start": 13, "end": 22, "text": "أحمد سالم"}]}],
            "quotes": [
              {"id": "q1", "kind": "indirect", "start": 26, "end": 52, "text": "الحل سياسي في نهاية المطاف",
               "speaker": "e1", "speaker_name": "أحمد سالم", "verb": "قال", "channel": null, "date": null,
               "source_post": null, "fidelity": null},
              {"id": "q2", "kind": "direct", "start": 0, "end": 5, "text": "شيء آخر تماما",
               "speaker": null, "speaker_name": null, "verb": null, "channel": null, "date": null,
               "source_post": null, "fidelity": null}]
        }));
        let s = score_doc(&g, &a, TEXT);
        assert_eq!(
            s.metrics["quotes"],
            Prf {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.metrics["quotes+speaker"],
            Prf {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.metrics["quotes.verb"],
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert!(s.notes.iter().any(|n| n.starts_with("missed quote q2")));
        assert!(
            !s.metrics.contains_key("entities"),
            "entities are not a listed layer"
        );
    }

    #[test]
    fn partial_layers_count_recall_only() {
        let g = gold(
            r#"{"doc": "x", "layers": ["events", "entities", "timex"], "partial_layers": ["entities", "timex"],
                "entities": [{"name": "أحمد سالم", "type": "PER", "mentions": ["أحمد سالم"]}],
                "timex": [], "events": []}"#,
        );
        let a = analysis(serde_json::json!({
            "entities": [
              {"id": "e1", "type": "PER", "name": "أحمد سالم", "roles": [], "handles": [], "mentions": []},
              {"id": "e2", "type": "LOC", "name": "ليبيا", "roles": [], "handles": [], "mentions": []}]
        }));
        let s = score_doc(&g, &a, TEXT);
        assert_eq!(
            s.metrics["entities (recall)"],
            Prf {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
    }

    #[test]
    fn groups_are_named_after_gold_folders() {
        assert_eq!(
            group_of(Path::new("eval/gold/quotes/dev/a.gold.json")),
            "quotes/dev"
        );
        assert_eq!(group_of(Path::new("../shared/gold/000.gold.json")), "seed");
    }
}
