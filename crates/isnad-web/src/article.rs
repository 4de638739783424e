//! The article view: an analysis turned into what the article template shows —
//! paragraphs with marked spans, embedded posts as cards, quotations with their
//! side-by-side word diffs, entities, dates, events.

use crate::markup::{self, Annotation, Mark};
use isnad_api::corpus::{EntityActor, RepublicationGroup};
use isnad_api::{Analysis, DiffStep, Entity};
use std::collections::HashMap;

/// A block of the article: a paragraph of prose, or an embedded post.
pub enum Block {
    /// A paragraph: its HTML (escaped text with marks).
    Paragraph(String),
    /// An embedded post with its paragraphs and signature.
    Post(PostCard),
}

/// An embedded post, drawn as a card.
pub struct PostCard {
    /// Post id (`p1`).
    pub id: String,
    /// `twitter`, ...
    pub platform: String,
    /// Author's display name.
    pub author: Option<String>,
    /// Handle, without `@`.
    pub handle: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// The post's paragraphs as HTML.
    pub body: Vec<String>,
    /// The signature line as HTML.
    pub signature: Option<String>,
}

/// One row of a side-by-side diff.
pub struct DiffRow {
    /// `equal`, `delete` (in the post only), `insert` (in the article only), `replace`.
    pub op: &'static str,
    /// The post's words.
    pub post: String,
    /// The article's words.
    pub quote: String,
}

/// A quotation with what the page says about it.
pub struct QuoteView {
    /// Quote id.
    pub id: String,
    /// `direct`, `indirect`, `mixed`.
    pub kind: String,
    /// The quoted words.
    pub text: String,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker's actor page.
    pub speaker_actor: Option<String>,
    /// Reporting verb.
    pub verb: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// The post it reproduces: author (or platform) and handle.
    pub post: Option<(String, Option<String>)>,
    /// Fidelity verdict and score (0..1, two decimals).
    pub verdict: Option<(String, String)>,
    /// The diff from the post to the quote.
    pub diff: Vec<DiffRow>,
}

/// An entity in the entities table.
pub struct EntityView {
    /// Entity id.
    pub id: String,
    /// Type.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Its actor page.
    pub actor: Option<String>,
    /// Roles.
    pub roles: String,
    /// Handles.
    pub handles: String,
    /// Coordinates and gazetteer reference of a place.
    pub geo: Option<String>,
    /// Mentions.
    pub mentions: usize,
}

/// An event in the events table.
pub struct EventView {
    /// Event id.
    pub id: String,
    /// PLOVER type and mode.
    pub kind: String,
    /// Status.
    pub status: String,
    /// Trigger words.
    pub trigger: String,
    /// Actors: (name, actor id).
    pub actors: Vec<(String, Option<String>)>,
    /// Targets.
    pub targets: Vec<(String, Option<String>)>,
    /// Place.
    pub place: Option<String>,
    /// Date.
    pub date: Option<String>,
}

/// Everything the article template shows of an analysis.
pub struct ArticleView {
    /// The blocks, in text order.
    pub blocks: Vec<Block>,
    /// Quotations.
    pub quotes: Vec<QuoteView>,
    /// Entities, by type then name.
    pub entities: Vec<EntityView>,
    /// Temporal expressions: (text, value, type).
    pub timex: Vec<(String, String, String)>,
    /// Events.
    pub events: Vec<EventView>,
    /// The republication group.
    pub republication: Option<RepublicationGroup>,
    /// Diagnostics and the error of a failed analysis.
    pub notes: Vec<String>,
}

/// Side-by-side rows of a word diff: runs of deleted and inserted words next to each
/// other become one `replace` row.
pub fn diff_rows(diff: &[DiffStep]) -> Vec<DiffRow> {
    let mut rows: Vec<DiffRow> = Vec::new();
    for step in diff {
        let text = step.text.trim();
        match step.op.as_str() {
            "equal" => rows.push(DiffRow {
                op: "equal",
                post: text.to_owned(),
                quote: text.to_owned(),
            }),
            "delete" => match rows.last_mut() {
                Some(r) if r.op == "insert" && r.post.is_empty() => {
                    r.op = "replace";
                    r.post = text.to_owned();
                }
                _ => rows.push(DiffRow {
                    op: "delete",
                    post: text.to_owned(),
                    quote: String::new(),
                }),
            },
            _ => match rows.last_mut() {
                Some(r) if r.op == "delete" && r.quote.is_empty() => {
                    r.op = "replace";
                    r.quote = text.to_owned();
                }
                _ => rows.push(DiffRow {
                    op: "insert",
                    post: String::new(),
                    quote: text.to_owned(),
                }),
            },
        }
    }
    rows
}

fn entity_title(e: &Entity) -> String {
    let mut t = format!("{} ({})", e.name, type_name(&e.kind));
    if !e.roles.is_empty() {
        t.push_str(" — ");
        t.push_str(&e.roles.join("، "));
    }
    if let Some(g) = &e.geo {
        t.push_str(&format!(" — {:.3}، {:.3}", g.lat, g.lon));
    }
    t
}

/// The Arabic name of a quotation's kind.
pub fn quote_kind(kind: &str) -> &'static str {
    match kind {
        "direct" => "مباشر",
        "indirect" => "غير مباشر",
        "mixed" => "مختلط",
        _ => "اقتباس",
    }
}

/// The Arabic name of an event status.
pub fn status_name(status: &str) -> &'static str {
    match status {
        "happened" => "وقع",
        "planned" => "مخطط له",
        "threatened" => "تهديد",
        "denied" => "منفي",
        "hypothetical" => "افتراضي",
        _ => "غير معروف",
    }
}

/// The Arabic name of an entity type.
pub fn type_name(kind: &str) -> &'static str {
    match kind {
        "PER" => "شخص",
        "ORG" => "منظمة",
        "LOC" => "مكان",
        _ => "أخرى",
    }
}

/// Builds the view of an article's analysis. `actors` maps entity ids to actor ids.
pub fn view(
    text: &str,
    a: &Analysis,
    actors: &[EntityActor],
    republication: Option<RepublicationGroup>,
) -> ArticleView {
    let actor_of: HashMap<&str, &str> = actors
        .iter()
        .map(|x| (x.entity.as_str(), x.actor.as_str()))
        .collect();
    let entity_of: HashMap<&str, &Entity> = a.entities.iter().map(|e| (e.id.as_str(), e)).collect();

    let mut marks = Vec::new();
    for q in &a.quotes {
        marks.push(Annotation {
            start: q.start as usize,
            end: q.end as usize,
            mark: Mark::Quote {
                id: q.id.clone(),
                speaker: q.speaker_name.clone(),
            },
        });
    }
    for e in &a.entities {
        for m in &e.mentions {
            marks.push(Annotation {
                start: m.start as usize,
                end: m.end as usize,
                mark: Mark::Entity {
                    kind: e.kind.clone(),
                    id: e.id.clone(),
                    title: entity_title(e),
                    actor: actor_of.get(e.id.as_str()).map(|s| (*s).to_owned()),
                },
            });
        }
    }
    for t in &a.timex {
        marks.push(Annotation {
            start: t.start as usize,
            end: t.end as usize,
            mark: Mark::Timex {
                value: t.value.clone(),
            },
        });
    }
    for v in &a.events {
        marks.push(Annotation {
            start: v.trigger.start as usize,
            end: v.trigger.end as usize,
            mark: Mark::Trigger {
                kind: v.kind.clone(),
            },
        });
    }

    // Blocks: paragraphs, with a post's paragraphs and signature gathered in a card.
    let mut blocks = Vec::new();
    let paragraphs: Vec<(usize, usize, &str)> = if a.paragraphs.is_empty() {
        vec![(0, text.chars().count(), "body")]
    } else {
        a.paragraphs
            .iter()
            .map(|p| (p.start as usize, p.end as usize, p.kind.as_str()))
            .collect()
    };
    for (start, end, kind) in paragraphs {
        let html = markup::render(text, start, end, &marks);
        let in_post = |p: &&isnad_api::Post| {
            let last = p.signature.as_ref().map_or(p.end, |s| s.end.max(p.end)) as usize;
            (p.start as usize) <= end && start <= last
        };
        match kind {
            "post" | "post_signature" => {
                let post = a.posts.iter().find(in_post);
                let same = match (blocks.last(), post) {
                    (Some(Block::Post(card)), Some(p)) => card.id == p.id,
                    (Some(Block::Post(card)), None) => card.id.is_empty(),
                    _ => false,
                };
                if !same {
                    blocks.push(Block::Post(PostCard {
                        id: post.map(|p| p.id.clone()).unwrap_or_default(),
                        platform: post.map(|p| p.platform.clone()).unwrap_or_default(),
                        author: post.and_then(|p| p.author.clone()),
                        handle: post.and_then(|p| p.handle.clone()),
                        date: post.and_then(|p| p.date.clone()),
                        body: Vec::new(),
                        signature: None,
                    }));
                }
                if let Some(Block::Post(card)) = blocks.last_mut() {
                    if kind == "post" {
                        card.body.push(html);
                    } else {
                        card.signature = Some(html);
                    }
                }
            }
            _ => blocks.push(Block::Paragraph(html)),
        }
    }

    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            let post = q
                .source_post
                .as_deref()
                .and_then(|id| a.posts.iter().find(|p| p.id == id));
            QuoteView {
                id: q.id.clone(),
                kind: quote_kind(&q.kind).to_owned(),
                text: q.text.clone(),
                speaker: q.speaker_name.clone(),
                speaker_actor: q
                    .speaker
                    .as_deref()
                    .and_then(|e| actor_of.get(e))
                    .map(|s| (*s).to_owned()),
                verb: q.verb.clone(),
                channel: q.channel.clone(),
                date: q.date.clone(),
                post: post.map(|p| {
                    (
                        p.author.clone().unwrap_or_else(|| p.platform.clone()),
                        p.handle.clone(),
                    )
                }),
                verdict: q
                    .fidelity
                    .as_ref()
                    .map(|f| (f.verdict.clone(), format!("{:.2}", f.score))),
                diff: q
                    .fidelity
                    .as_ref()
                    .map(|f| diff_rows(&f.diff))
                    .unwrap_or_default(),
            }
        })
        .collect();

    let mut entities: Vec<EntityView> = a
        .entities
        .iter()
        .map(|e| EntityView {
            id: e.id.clone(),
            kind: e.kind.clone(),
            name: e.name.clone(),
            actor: actor_of.get(e.id.as_str()).map(|s| (*s).to_owned()),
            roles: e.roles.join("، "),
            handles: e
                .handles
                .iter()
                .map(|h| format!("@{h}"))
                .collect::<Vec<_>>()
                .join(" "),
            geo: e.geo.as_ref().map(|g| {
                format!(
                    "{:.4}، {:.4} ({}{})",
                    g.lat,
                    g.lon,
                    g.reference,
                    g.country
                        .as_deref()
                        .map(|c| format!("، {c}"))
                        .unwrap_or_default()
                )
            }),
            mentions: e.mentions.len(),
        })
        .collect();
    let order = |k: &str| match k {
        "PER" => 0,
        "ORG" => 1,
        "LOC" => 2,
        _ => 3,
    };
    entities.sort_by(|x, y| {
        order(&x.kind)
            .cmp(&order(&y.kind))
            .then(y.mentions.cmp(&x.mentions))
            .then(x.name.cmp(&y.name))
    });

    let named = |ids: &[String]| -> Vec<(String, Option<String>)> {
        ids.iter()
            .map(|id| {
                (
                    entity_of
                        .get(id.as_str())
                        .map_or_else(|| id.clone(), |e| e.name.clone()),
                    actor_of.get(id.as_str()).map(|s| (*s).to_owned()),
                )
            })
            .collect()
    };
    let events = a
        .events
        .iter()
        .map(|v| EventView {
            id: v.id.clone(),
            kind: match &v.mode {
                Some(m) => format!("{} / {m}", v.kind),
                None => v.kind.clone(),
            },
            status: status_name(&v.status).to_owned(),
            trigger: v.trigger.text.clone(),
            actors: named(&v.actors),
            targets: named(&v.targets),
            place: v.location.as_deref().map(|l| {
                entity_of.get(l).map_or_else(
                    || l.to_owned(),
                    |e| match &e.geo {
                        Some(g) => format!("{} ({:.2}، {:.2})", e.name, g.lat, g.lon),
                        None => e.name.clone(),
                    },
                )
            }),
            date: v.date.clone(),
        })
        .collect();

    let mut notes = Vec::new();
    if let Some(e) = &a.error {
        notes.push(format!("تعذّر تحليل المقال: {e}"));
    }
    notes.extend(a.diagnostics.iter().cloned());

    ArticleView {
        blocks,
        quotes,
        entities,
        timex: a
            .timex
            .iter()
            .map(|t| (t.text.clone(), t.value.clone(), t.kind.clone()))
            .collect(),
        events,
        republication,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(op: &str, text: &str) -> DiffStep {
        DiffStep {
            op: op.into(),
            text: text.into(),
        }
    }

    #[test]
    fn diff_rows_pair_deletions_with_insertions() {
        let rows = diff_rows(&[
            step("equal", "الهزيمة العسكرية"),
            step("delete", "للمعتدي"),
            step("insert", "للمعتدي (حفتر)"),
            step("equal", "زادت"),
            step("delete", "لحل"),
            step("equal", "الأزمة"),
            step("insert", "ما يؤكد"),
        ]);
        let ops: Vec<&str> = rows.iter().map(|r| r.op).collect();
        assert_eq!(
            ops,
            ["equal", "replace", "equal", "delete", "equal", "insert"]
        );
        assert_eq!(rows[1].post, "للمعتدي");
        assert_eq!(rows[1].quote, "للمعتدي (حفتر)");
        assert_eq!(rows[3].quote, "");
        assert_eq!(rows[5].post, "");
    }
}
