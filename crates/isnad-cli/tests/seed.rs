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
