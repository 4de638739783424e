//! The canonical article of `../shared/corpus/seed` (needs `../shared`; skipped with a
//! note when it is absent).

mod common;

#[test]
fn seed_article_paragraphs_and_spans() {
    let Some(shared) = common::shared() else {
        return;
    };
    let path = shared.join("corpus/seed/000_6b8877808e991eaa.txt");
    let (a, text) = common::analyze_path(&path).remove(0);
    isnad_api::check_spans(&a, &text).unwrap();
    assert_eq!(a.schema, "isnad.analysis/1");
    assert_eq!(a.id, "000_6b8877808e991eaa");
    let kinds: Vec<&str> = a.paragraphs.iter().map(|p| p.kind.as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "post").count(), 3);
    assert_eq!(kinds.iter().filter(|k| **k == "post_signature").count(), 3);
    // Each signature line directly follows its post's text.
    for (i, k) in kinds.iter().enumerate() {
        if *k == "post_signature" {
            assert_eq!(kinds[i - 1], "post");
        }
    }
    assert_eq!(a.posts.len(), 3);
    for p in &a.posts {
        assert_eq!(p.handle.as_deref(), Some("fathi_bashagha"));
        assert_eq!(p.author.as_deref(), Some("وزير الداخلية الليبي"));
        assert_eq!(p.date.as_deref(), Some("2020-06-23"));
    }
    // With no date given, the publication date comes from the posts.
    assert_eq!(a.published.as_deref(), Some("2020-06-23"));
    assert_eq!(a.published_source.as_deref(), Some("posts"));
}

#[test]
fn seed_article_events() {
    let Some(shared) = common::shared() else {
        return;
    };
    let path = shared.join("corpus/seed/000_6b8877808e991eaa.txt");
    let (a, _) = common::analyze_path(&path).remove(0);
    let find = |kind: &str, trigger: &str| {
        a.events
            .iter()
            .find(|e| e.kind == kind && e.trigger.text == trigger)
            .unwrap_or_else(|| panic!("no {kind} «{trigger}» in {:#?}", a.events))
    };
    // The meeting in Zuwara (the first mention in passing gives way to the clause that
    // tells it, once the entities are there; until then both words are CONSULT/meet).
    assert!(a
        .events
        .iter()
        .any(|e| e.kind == "CONSULT" && e.mode.as_deref() == Some("meet")));
    let taken = find("COERCE", "تحرير");
    assert_eq!(taken.mode.as_deref(), Some("seize"));
    assert_eq!(taken.status, "happened");
    let planned = find("COERCE", "لتحرير");
    assert_eq!(
        planned.status, "planned",
        "يتأهب لتحرير has not happened yet"
    );
}

/// The gold temporal expressions of the seed article, each found with its value, with
/// and without the publication date given (it is inferred from the embedded posts).
#[test]
fn seed_article_timex_values() {
    let Some(shared) = common::shared() else {
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("gold/000_6b8877808e991eaa.gold.json")).unwrap(),
    )
    .unwrap();
    let path = shared.join("corpus/seed/000_6b8877808e991eaa.txt");
    let (a, _) = common::analyze_path(&path).remove(0);
    assert_eq!(a.published_source.as_deref(), Some("posts"));
    let gold_timex = gold["timex"].as_array().unwrap();
    assert_eq!(gold_timex.len(), 3);
    for g in gold_timex {
        let text = isnad_text::normalize_for_matching(g["text"].as_str().unwrap());
        let value = g["value"].as_str().unwrap();
        assert!(
            a.timex
                .iter()
                .any(|t| isnad_text::normalize_for_matching(&t.text) == text && t.value == value),
            "gold timex {text} = {value} not found in {:?}",
            a.timex
        );
    }
}

/// The gold places of the seed article resolve within their tolerance. The entity layer
/// is not this test's subject: the gold LOC entities are put into the document (each
/// with every occurrence of its gold mentions) and the geo stage resolves them.
#[test]
fn seed_article_places_resolve_within_tolerance() {
    use isnad_doc::{Entity, EntityType, Mention, MentionKind, Span, Stage};
    let Some(shared) = common::shared() else {
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("gold/000_6b8877808e991eaa.gold.json")).unwrap(),
    )
    .unwrap();
    let text =
        std::fs::read_to_string(shared.join("corpus/seed/000_6b8877808e991eaa.txt")).unwrap();
    let pipeline = isnad_extract::default_pipeline();
    let mut doc =
        isnad_extract::analyze(&pipeline, Default::default(), text.clone(), Vec::new()).unwrap();
    let mut with_geo = Vec::new();
    for g in gold["entities"].as_array().unwrap() {
        if g["type"] != "LOC" {
            continue;
        }
        let mut names: Vec<&str> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let e = doc.entities.len() as u32;
        let mut mentions = Vec::new();
        for name in names {
            for (at, _) in text.match_indices(name) {
                let span = Span::new(at, at + name.len());
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
        }
        assert!(!mentions.is_empty(), "{} not in the text", g["name"]);
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
        if g.get("geo").is_some() {
            with_geo.push((
                e as usize,
                g["name"].as_str().unwrap().to_owned(),
                g["geo"].clone(),
            ));
        }
    }
    isnad_extract::geo::GeoStage.annotate(&mut doc);
    let mut within = 0;
    for (e, name, g) in &with_geo {
        let (lat, lon, tol) = (
            g["lat"].as_f64().unwrap(),
            g["lon"].as_f64().unwrap(),
            g["tolerance_km"].as_f64().unwrap(),
        );
        match &doc.entities[*e].geo {
            Some(geo) => {
                let d = isnad_extract::geo::distance_km((geo.lat, geo.lon), (lat, lon));
                eprintln!(
                    "{name}: geonames:{} {} {:?} at {d:.0} km (tolerance {tol} km)",
                    geo.geonames_id, geo.feature, geo.country
                );
                within += usize::from(d <= tol);
            }
            None => eprintln!("{name}: unresolved"),
        }
    }
    eprintln!(
        "{within} of {} gold places within tolerance",
        with_geo.len()
    );
    assert_eq!(with_geo.len(), 8);
    assert!(within >= 7, "{within} of 8 within tolerance");
    // The document's places summary: the article is about Libya.
    let a = isnad_api::Analysis::from_doc(&doc);
    assert_eq!(a.places.first().map(|p| p.country.as_str()), Some("LY"));
}
