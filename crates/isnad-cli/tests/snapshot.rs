//! Whole-article snapshot: the full contract output for an article the repository
//! carries (`examples/articles/`). Review changes with `cargo insta review`.

mod common;

#[test]
fn example_article_snapshot() {
    let path = common::repo().join("examples/articles/tunis-libya-talks.txt");
    let mut out = common::analyze_path(&path);
    assert_eq!(out.len(), 1);
    let (mut analysis, text) = out.remove(0);
    isnad_api::check_spans(&analysis, &text).unwrap();
    // The origin is a machine-specific path.
    analysis.origin = None;
    insta::assert_json_snapshot!("tunis-libya-talks", analysis);
}
