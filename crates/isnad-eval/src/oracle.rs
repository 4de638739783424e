//! A diagnostic for the event stage: the gold file's entities and dates put in place of the
//! entity and timex layers, and the events found again, so that the assignment of actors,
//! targets, places and dates can be measured apart from the entity recogniser.
//!
//! The figures it gives are an upper bound for argument accuracy (the gold lists only the
//! entities its events use, so there are no distracting names), never the engine's own.

use crate::gold::GoldDoc;
use isnad_doc::{Doc, Entity, EntityType, Mention, MentionKind, Span, Timex, TimexKind};

/// Replaces the entities, mentions and temporal expressions of `doc` with those of the
/// gold file, found in the text by normalized matching, and runs the event stage again.
pub fn rerun_events_with_gold(doc: &mut Doc, g: &GoldDoc) {
    // Other layers point into the entities being replaced: their links are dropped (the
    // diagnostic scores events; quote speakers and post authors are not its concern).
    for q in &mut doc.quotes {
        q.speaker = None;
    }
    for p in &mut doc.posts {
        p.author_entity = None;
    }
    doc.entities.clear();
    doc.mentions.clear();
    doc.timex.clear();
    let norm = doc.norm().to_owned();
    let mut taken: Vec<Span> = Vec::new();
    let mut found: Vec<(Span, u32)> = Vec::new();
    // Longer forms first, so that "مدينة زوارة" wins over "زوارة".
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (i, ge) in g.entities.iter().enumerate() {
        for m in ge.mentions.iter().chain(std::iter::once(&ge.name)) {
            let f = isnad_text::normalize_for_matching(m);
            if !f.is_empty() && !forms.iter().any(|(x, j)| *x == f && *j == i) {
                forms.push((f, i));
            }
        }
    }
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
    let mut entity_of_gold: Vec<Option<u32>> = vec![None; g.entities.len()];
    for (form, gi) in &forms {
        for (at, _) in norm.match_indices(form.as_str()) {
            let end = at + form.len();
            if !word_bounded(&norm, at, end) {
                continue;
            }
            let span = doc.text_layers.normalized.to_original(Span::new(at, end));
            if taken.iter().any(|t| t.overlaps(span)) {
                continue;
            }
            taken.push(span);
            let id = *entity_of_gold[*gi].get_or_insert_with(|| {
                let ge = &g.entities[*gi];
                doc.entities.push(Entity {
                    kind: EntityType::parse(&ge.kind).unwrap_or(EntityType::Misc),
                    name: span,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    handles: Vec::new(),
                    geo: None,
                    country: None,
                    sector: None,
                });
                doc.entities.len() as u32 - 1
            });
            found.push((span, id));
        }
    }
    found.sort_by_key(|(s, _)| s.start);
    for (k, (span, entity)) in found.into_iter().enumerate() {
        doc.mentions.push(Mention {
            span,
            entity,
            kind: MentionKind::Name,
        });
        doc.entities[entity as usize].mentions.push(k as u32);
    }
    for gt in &g.timex {
        let f = isnad_text::normalize_for_matching(&gt.text);
        if let Some(at) = norm.find(f.as_str()) {
            let span = doc
                .text_layers
                .normalized
                .to_original(Span::new(at, at + f.len()));
            doc.timex.push(Timex {
                span,
                value: gt.value.clone(),
                kind: TimexKind::Date,
            });
        }
    }
    doc.timex.sort_by_key(|t| t.span.start);
    isnad_extract::events::extract(
        doc,
        isnad_resources::event_lexicon(),
        isnad_resources::actor_words(),
    );
}

/// True when `norm[at..end]` is a whole word, allowing the clitics و ف ب ل ك and the
/// article in front.
fn word_bounded(norm: &str, at: usize, end: usize) -> bool {
    let after_ok = norm[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphabetic());
    let word_start = norm[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(at, |(i, _)| i);
    let prefix = &norm[word_start..at];
    let clitics_ok = prefix.is_empty()
        || (prefix.chars().count() <= 4
            && prefix
                .trim_end_matches("ال")
                .chars()
                .all(|c| "وفبلك".contains(c)));
    after_ok && clitics_ok
}
