//! "طرابلس" in the Libyan and Lebanese articles of Arabic Newspapers 19 (needs `../shared`;
//! skipped with a note when it is absent): the geo stage should put a Libyan paper's
//! Tripoli in Libya and a Lebanese paper's in Lebanon. The entity layer is simulated: one
//! LOC entity for "طرابلس" and one for each country named in the article, every
//! occurrence a mention. The label is the newspaper's country (file name prefix), which a
//! paper writing about the other country would contradict: a measurement, not a proof.

mod common;

use isnad_doc::{Entity, EntityType, Mention, MentionKind, Span, Stage};
use isnad_input::{Item, ReadOptions};

fn add_entity(doc: &mut isnad_doc::Doc, spans: Vec<Span>) {
    let e = doc.entities.len() as u32;
    let mut mentions = Vec::new();
    for span in spans {
        if doc.mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        mentions.push(doc.mentions.len() as u32);
        doc.mentions.push(Mention {
            span,
            entity: e,
            kind: MentionKind::Name,
        });
    }
    if mentions.is_empty() {
        return;
    }
    let name = doc.mentions[mentions[0] as usize].span;
    doc.entities.push(Entity {
        kind: EntityType::Loc,
        name,
        mentions,
        roles: Vec::new(),
        handles: Vec::new(),
        geo: None,
        country: None,
        sector: None,
    });
}

#[test]
fn tripoli_follows_the_newspapers_country() {
    let Some(shared) = common::shared() else {
        return;
    };
    let root = shared.join("corpus/arabic-newspapers-19");
    let mut paths = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap().flatten() {
        if !dir.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let name = f.file_name().to_string_lossy().to_string();
            if name.starts_with("LY") || name.starts_with("LB") {
                paths.push(f.path());
            }
        }
    }
    paths.sort();
    let pipeline = isnad_extract::default_pipeline();
    let countries = isnad_resources::countries();
    let (mut total, mut right) = (0, 0);
    for item in isnad_input::read(&paths, ReadOptions::default()) {
        let Item::Article(a) = item else { continue };
        let label = if a.meta.origin.contains("/LY") {
            "LY"
        } else {
            "LB"
        };
        if !a.text.contains("طرابلس") {
            continue;
        }
        let mut doc = isnad_extract::analyze(&pipeline, a.meta, a.text, a.embeds).unwrap();
        let tripoli: Vec<Span> = doc
            .text
            .match_indices("طرابلس")
            .map(|(at, s)| Span::new(at, at + s.len()))
            .collect();
        add_entity(&mut doc, tripoli);
        // Countries named in the text, by their tokens (one and two words).
        let mut by_country: std::collections::BTreeMap<String, Vec<Span>> = Default::default();
        let toks = doc.tokens().to_vec();
        for (i, t) in toks.iter().enumerate() {
            for len in [2, 1] {
                if i + len > toks.len() {
                    continue;
                }
                let words: Vec<&str> = toks[i..i + len]
                    .iter()
                    .map(|t| doc.text_layers.norm_text(t))
                    .collect();
                let mut key = words.join(" ");
                if let Some(r) = key.strip_prefix('و') {
                    key = r.to_owned();
                }
                if let Some(c) = countries.by_name(&key) {
                    by_country
                        .entry(c.iso2.clone())
                        .or_default()
                        .push(Span::new(
                            t.span.start as usize,
                            toks[i + len - 1].span.end as usize,
                        ));
                    break;
                }
            }
        }
        for (_, spans) in by_country {
            add_entity(&mut doc, spans);
        }
        isnad_extract::geo::GeoStage.annotate(&mut doc);
        let got = doc.entities[0].geo.as_ref().and_then(|g| g.country.clone());
        total += 1;
        right += usize::from(got.as_deref() == Some(label));
        eprintln!("{}: paper {label}, Tripoli in {got:?}", doc.meta.id);
    }
    eprintln!("Tripoli: {right} of {total} articles put in the newspaper's country");
    assert!(total >= 20, "{total} articles");
    assert!(right * 10 >= total * 8, "{right} of {total}");
}
