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
