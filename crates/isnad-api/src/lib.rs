//! The public output of isnad: the `isnad.analysis/1` contract (see
//! `shared/contract/README.md`, mirrored in `docs/contract.md`).
//!
//! This is the only crate whose types are serialized: the CLI prints them, the store
//! keeps them, the HTTP API returns them. [`Analysis::from_doc`] converts a [`Doc`]'s byte
//! spans into the contract's character offsets, and every span carries its `text`, equal to
//! that slice of the original. [`events`] maps an analysis to the rows of the event export
//! (ACLED/POLECAT-style columns). [`report`] renders a document for a person in a terminal.
//!
//! Fields may be added; none of the contract's fields is ever renamed or dropped.
#![deny(missing_docs)]

pub mod corpus;
pub mod events;
mod report;

pub use events::{event_rows, EventRow};
pub use report::report;

use isnad_doc::{Doc, Span};
use isnad_text::CharOffsets;
use serde::{Deserialize, Serialize};

/// The schema name and version.
pub const SCHEMA: &str = "isnad.analysis/1";

/// One article's analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// File stem or record id.
    pub id: String,
    /// Publication date (`YYYY-MM-DD`), given or inferred.
    pub published: Option<String>,
    /// `given`, `posts`, `text` or null.
    pub published_source: Option<String>,
    /// Set when the article could not be analysed.
    pub error: Option<String>,
    /// Where it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The encoding the input was decoded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Title, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Length of the text in characters.
    #[serde(default)]
    pub length: u32,
    /// Paragraphs with their kinds.
    pub paragraphs: Vec<Paragraph>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Embedded posts.
    pub posts: Vec<Post>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Temporal expressions.
    pub timex: Vec<Timex>,
    /// Events.
    pub events: Vec<Event>,
    /// Places summary: the countries the article is about, by weight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceFocus>,
    /// Problems met during the analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<String>,
}

/// A paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// `body`, `post`, `post_signature` or `other`.
    pub kind: String,
}

/// A span of text with its character offsets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// The text, equal to the slice of the original.
    pub text: String,
}

/// Coordinates of a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// `geonames:<id>`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// ISO country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Kind of place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
}

/// An entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `e1`, `e2`, ...
    pub id: String,
    /// `PER`, `ORG`, `LOC`, `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The fullest name seen.
    pub name: String,
    /// Its mentions.
    pub mentions: Vec<TextSpan>,
    /// Titles and positions attached to it.
    pub roles: Vec<String>,
    /// Social-media handles.
    pub handles: Vec<String>,
    /// Coordinates, for resolved places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    /// The actor's country (ISO alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The actor's sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

/// An embedded post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// `p1`, `p2`, ...
    pub id: String,
    /// `twitter`, `facebook`, `instagram`, `telegram`, `other`.
    pub platform: String,
    /// Display name as printed.
    pub author: Option<String>,
    /// Handle without `@`.
    pub handle: Option<String>,
    /// The entity behind the account.
    pub author_entity: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// First character of the post's own text.
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// The post's own text, without the signature.
    pub text: String,
    /// A link to the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The signature line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<TextSpan>,
}

/// One step of a word diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffStep {
    /// `equal`, `insert` (in the quote only), `delete` (in the post only).
    pub op: String,
    /// The words.
    pub text: String,
}

/// How faithfully a quote reproduces its source post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fidelity {
    /// Similarity in [0, 1].
    pub score: f32,
    /// `exact`, `altered`, `paraphrase`.
    pub verdict: String,
    /// Word diff from the post to the quote.
    pub diff: Vec<DiffStep>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q1`, `q2`, ...
    pub id: String,
    /// `direct`, `indirect`, `mixed`.
    pub kind: String,
    /// First character of the quoted words.
    pub start: u32,
    /// One past the last.
    pub end: u32,
    /// The quoted words, without quotation marks.
    pub text: String,
    /// The speaker entity's id.
    pub speaker: Option<String>,
    /// The speaker's fullest name.
    pub speaker_name: Option<String>,
    /// For unnamed sources, how the text describes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_description: Option<String>,
    /// The reporting verb, without the conjunction.
    pub verb: Option<String>,
    /// `twitter`, `statement`, `interview`, `press_conference`, ...
    pub channel: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The post it reproduces.
    pub source_post: Option<String>,
    /// How faithfully.
    pub fidelity: Option<Fidelity>,
}

/// A temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// First character.
    pub start: u32,
    /// One past the last.
    pub end: u32,
    /// The expression.
    pub text: String,
    /// ISO value.
    pub value: String,
    /// `DATE`, `TIME`, `DURATION`, `SET`.
    #[serde(default, rename = "type")]
    pub kind: String,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `v1`, `v2`, ...
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// `happened`, `planned`, `threatened`, `denied`, `hypothetical`.
    pub status: String,
    /// The trigger.
    pub trigger: TextSpan,
    /// Actor entity ids.
    pub actors: Vec<String>,
    /// Target entity ids.
    pub targets: Vec<String>,
    /// Location entity id.
    pub location: Option<String>,
    /// Other location entity ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// ISO date.
    pub date: Option<String>,
    /// The sentence that carries the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<TextSpan>,
}

/// A country the article is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceFocus {
    /// ISO alpha-2 code.
    pub country: String,
    /// Share of the article's resolved place mentions in this country.
    pub weight: f32,
}

fn entity_id(i: u32) -> String {
    format!("e{}", i + 1)
}

struct Conv<'a> {
    doc: &'a Doc,
    chars: CharOffsets,
}

impl Conv<'_> {
    fn chars(&self, span: Span) -> (u32, u32) {
        self.chars.span_chars(span)
    }

    fn span(&self, span: Span) -> TextSpan {
        let (start, end) = self.chars(span);
        TextSpan {
            start,
            end,
            text: self.doc.slice(span).to_owned(),
        }
    }
}

impl Analysis {
    /// The analysis of a failed article.
    pub fn failed(id: &str, origin: Option<&str>, error: &str) -> Analysis {
        Analysis {
            schema: SCHEMA.into(),
            id: id.into(),
            published: None,
            published_source: None,
            error: Some(error.into()),
            origin: origin.map(str::to_owned),
            encoding: None,
            title: None,
            url: None,
            source: None,
            length: 0,
            paragraphs: Vec::new(),
            entities: Vec::new(),
            posts: Vec::new(),
            quotes: Vec::new(),
            timex: Vec::new(),
            events: Vec::new(),
            places: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Converts a document into the contract, with character offsets.
    pub fn from_doc(doc: &Doc) -> Analysis {
        let c = Conv {
            doc,
            chars: CharOffsets::new(&doc.text),
        };
        let meta = &doc.meta;
        let paragraphs = doc
            .blocks
            .iter()
            .map(|b| {
                let (start, end) = c.chars(b.span);
                Paragraph {
                    start,
                    end,
                    kind: b.kind.as_str().into(),
                }
            })
            .collect();
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| Entity {
                id: entity_id(i as u32),
                kind: e.kind.as_str().into(),
                name: doc.slice(e.name).to_owned(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|&m| c.span(doc.mentions[m as usize].span))
                    .collect(),
                roles: dedup(e.roles.iter().map(|&r| doc.slice(r).to_owned())),
                handles: dedup(
                    e.handles
                        .iter()
                        .map(|&h| doc.slice(h).trim_start_matches('@').to_owned()),
                ),
                geo: e.geo.as_ref().map(|g| Geo {
                    lat: g.lat,
                    lon: g.lon,
                    reference: format!("geonames:{}", g.geonames_id),
                    country: g.country.clone(),
                    feature: Some(g.feature.clone()),
                }),
                country: e.country.clone(),
                sector: e.sector.map(|s| s.as_str().to_owned()),
            })
            .collect();
        let posts = doc
            .posts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (start, end) = c.chars(p.text);
                Post {
                    id: format!("p{}", i + 1),
                    platform: p.platform.as_str().into(),
                    author: p.author.map(|s| doc.slice(s).to_owned()),
                    handle: p
                        .handle
                        .map(|s| doc.slice(s).trim_start_matches('@').to_owned()),
                    author_entity: p.author_entity.map(entity_id),
                    date: p.date.map(|d| d.to_string()),
                    start,
                    end,
                    text: doc.slice(p.text).to_owned(),
                    url: p.url.clone(),
                    signature: p.signature.map(|s| c.span(s)),
                }
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (start, end) = c.chars(q.span);
                Quote {
                    id: format!("q{}", i + 1),
                    kind: q.kind.as_str().into(),
                    start,
                    end,
                    text: doc.slice(q.span).to_owned(),
                    speaker: q.speaker.map(entity_id),
                    speaker_name: q.speaker.map(|e| doc.entity_name(e).to_owned()),
                    speaker_description: q.speaker_description.map(|s| doc.slice(s).to_owned()),
                    verb: q.verb.map(|s| doc.slice(s).to_owned()),
                    channel: q.channel.map(|ch| ch.as_str().to_owned()),
                    date: q.date.map(|d| d.to_string()),
                    source_post: q.source_post.map(|p| format!("p{}", p + 1)),
                    fidelity: q.fidelity.as_ref().map(|f| Fidelity {
                        score: (f.score * 1000.0).round() / 1000.0,
                        verdict: f.verdict.as_str().into(),
                        diff: f
                            .diff
                            .iter()
                            .map(|run| DiffStep {
                                op: run.op.as_str().into(),
                                text: run
                                    .words
                                    .iter()
                                    .map(|&w| doc.slice(w))
                                    .collect::<Vec<_>>()
                                    .join(" "),
                            })
                            .collect(),
                    }),
                }
            })
            .collect();
        let timex = doc
            .timex
            .iter()
            .map(|t| {
                let (start, end) = c.chars(t.span);
                Timex {
                    start,
                    end,
                    text: doc.slice(t.span).to_owned(),
                    value: t.value.clone(),
                    kind: t.kind.as_str().into(),
                }
            })
            .collect();
        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| Event {
                id: format!("v{}", i + 1),
                kind: e.kind.into(),
                mode: e.mode.map(str::to_owned),
                status: e.status.as_str().into(),
                trigger: c.span(e.trigger),
                actors: e.actors.iter().copied().map(entity_id).collect(),
                targets: e.targets.iter().copied().map(entity_id).collect(),
                location: e.location.map(entity_id),
                locations: e.locations.iter().copied().map(entity_id).collect(),
                date: e.date.clone(),
                sentence: doc
                    .sentences()
                    .get(e.sentence as usize)
                    .map(|s| c.span(s.span)),
            })
            .collect();
        Analysis {
            schema: SCHEMA.into(),
            id: meta.id.clone(),
            published: meta.published.map(|d| d.to_string()),
            published_source: meta.published_source.as_str().map(str::to_owned),
            error: None,
            origin: Some(meta.origin.clone()).filter(|o| !o.is_empty()),
            encoding: meta.encoding.clone(),
            title: meta.title.clone(),
            url: meta.url.clone(),
            source: meta.source.clone(),
            length: c.chars.len_chars(),
            paragraphs,
            entities,
            posts,
            quotes,
            timex,
            events,
            places: place_focus(doc),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.stage, d.message))
                .collect(),
        }
    }
}

fn dedup(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in it {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The countries of the article's resolved places, weighted by mentions.
fn place_focus(doc: &Doc) -> Vec<PlaceFocus> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut total = 0usize;
    for e in &doc.entities {
        let Some(country) = e.geo.as_ref().and_then(|g| g.country.clone()) else {
            continue;
        };
        let n = e.mentions.len().max(1);
        total += n;
        match counts.iter_mut().find(|(c, _)| *c == country) {
            Some(x) => x.1 += n,
            None => counts.push((country, n)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
        .into_iter()
        .map(|(country, n)| PlaceFocus {
            country,
            weight: ((n as f32 / total as f32) * 1000.0).round() / 1000.0,
        })
        .collect()
}

/// Checks the contract's span invariant: every span's `text` equals the slice of the
/// original text at its character offsets, and offsets are in bounds and ordered.
/// Returns the first violation found.
pub fn check_spans(a: &Analysis, text: &str) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: u32, end: u32, what: &str| -> Result<String, String> {
        if start > end || end as usize > chars.len() {
            return Err(format!(
                "{what}: offsets {start}..{end} out of bounds ({} chars)",
                chars.len()
            ));
        }
        Ok(chars[start as usize..end as usize].iter().collect())
    };
    let check = |start: u32, end: u32, t: &str, what: &str| -> Result<(), String> {
        let s = slice(start, end, what)?;
        if s != t {
            return Err(format!(
                "{what}: text {t:?} differs from the slice {s:?} at {start}..{end}"
            ));
        }
        Ok(())
    };
    for p in &a.paragraphs {
        slice(p.start, p.end, "paragraph")?;
    }
    for e in &a.entities {
        for m in &e.mentions {
            check(m.start, m.end, &m.text, &format!("entity {} mention", e.id))?;
        }
    }
    for p in &a.posts {
        check(p.start, p.end, &p.text, &format!("post {}", p.id))?;
        if let Some(s) = &p.signature {
            check(s.start, s.end, &s.text, &format!("post {} signature", p.id))?;
        }
    }
    for q in &a.quotes {
        check(q.start, q.end, &q.text, &format!("quote {}", q.id))?;
    }
    for t in &a.timex {
        check(t.start, t.end, &t.text, "timex")?;
    }
    for e in &a.events {
        check(
            e.trigger.start,
            e.trigger.end,
            &e.trigger.text,
            &format!("event {} trigger", e.id),
        )?;
        if let Some(s) = &e.sentence {
            check(s.start, s.end, &s.text, &format!("event {} sentence", e.id))?;
        }
    }
    Ok(())
}
