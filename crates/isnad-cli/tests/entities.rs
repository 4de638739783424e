//! The entities of the canonical article against its gold file (needs `../shared`;
//! skipped with a note when it is absent).
//!
//! Compared as `shared/gold/README.md` says: texts after Arabic normalization; an entity
//! matches on its type and any mention. Beyond that, this test asks that the gold
//! grouping holds (all the gold mentions found belong to one predicted entity, and no
//! predicted entity mixes two gold entities) and that every gold person has its gold
//! role among the predicted roles.

mod common;

use isnad_text::normalize_for_matching as norm;
use serde_json::Value;
use std::collections::BTreeSet;

/// A role compared without its article: "للجنرال" can only be cut as "جنرال" from the
/// text, the article being fused with the preposition.
fn role_key(s: &str) -> String {
    let n = norm(s);
    n.strip_prefix("ال").map(str::to_string).unwrap_or(n)
}

#[test]
fn seed_article_entities_match_the_gold() {
    let Some(shared) = common::shared() else {
        return;
    };
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("gold/000_6b8877808e991eaa.gold.json")).unwrap(),
    )
    .unwrap();
    let path = shared.join("corpus/seed/000_6b8877808e991eaa.txt");
    let (a, text) = common::analyze_path(&path).remove(0);
    isnad_api::check_spans(&a, &text).unwrap();
    let predicted: Vec<(String, BTreeSet<String>, BTreeSet<String>)> = a
        .entities
        .iter()
        .map(|e| {
            (
                e.kind.clone(),
                // The names an entity goes by, as `isnad eval` reads them: its mentions
                // and its name (a designated mention, "مدينة زوارة", names the place
                // "زوارة").
                e.mentions
                    .iter()
                    .map(|m| norm(&m.text))
                    .chain(std::iter::once(norm(&e.name)))
                    .collect(),
                e.roles.iter().map(|r| role_key(r)).collect(),
            )
        })
        .collect();
    let gold_entities = gold["entities"].as_array().unwrap();
    assert_eq!(gold_entities.len(), 21);
    let mut owner_of_gold: Vec<usize> = Vec::new();
    let mut problems = Vec::new();
    for g in gold_entities {
        let name = g["name"].as_str().unwrap();
        let kind = g["type"].as_str().unwrap();
        let mentions: BTreeSet<String> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| norm(m.as_str().unwrap()))
            .collect();
        let owners: Vec<usize> = predicted
            .iter()
            .enumerate()
            .filter(|(_, (_, pm, _))| pm.iter().any(|m| mentions.contains(m)))
            .map(|(i, _)| i)
            .collect();
        match owners[..] {
            [] => problems.push(format!("{name}: not found")),
            [o] => {
                if predicted[o].0 != kind {
                    problems.push(format!(
                        "{name}: typed {} instead of {kind}",
                        predicted[o].0
                    ));
                }
                if let Some(roles) = g.get("roles").and_then(Value::as_array) {
                    for r in roles {
                        let r = role_key(r.as_str().unwrap());
                        if !predicted[o].2.contains(&r) {
                            problems
                                .push(format!("{name}: role {r} missing ({:?})", predicted[o].2));
                        }
                    }
                }
                owner_of_gold.push(o);
            }
            _ => problems.push(format!("{name}: mentions split over entities {owners:?}")),
        }
    }
    let distinct: BTreeSet<usize> = owner_of_gold.iter().copied().collect();
    if distinct.len() != owner_of_gold.len() {
        problems.push("one predicted entity holds two gold entities".to_string());
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // The tweets' author is the minister, tied to his handle.
    let bashagha = a
        .entities
        .iter()
        .find(|e| e.name == "فتحي باشاغا")
        .expect("Bashagha");
    assert_eq!(bashagha.handles, vec!["fathi_bashagha"]);
    assert!(a
        .posts
        .iter()
        .all(|p| p.author_entity.as_deref() == Some(bashagha.id.as_str())));
}
