//! Properties of the events stage on generated text: whatever the words, every event's
//! trigger is a non-empty span of the original text, on character boundaries, inside the
//! sentence the event names; triggers come in text order without overlapping; the entity
//! indices the events hold are valid.

use isnad_doc::{Doc, DocMeta, Entity, EntityType, Mention, MentionKind, Span};
use proptest::prelude::*;

/// Words that exercise the stage: triggers with clitics, cue words, function words,
/// punctuation, split words, Latin and digits.
const WORDS: &[&str] = &[
    "واجتمع",
    "اجتماع",
    "الاجتماع",
    "لاجتماع",
    "سيعقد",
    "جلسة",
    "قصفت",
    "القصف",
    "غارات",
    "غارة",
    "جوية",
    "سيطر",
    "تسيطر",
    "سيطرته",
    "سيطرة",
    "على",
    "في",
    "إلى",
    "مع",
    "بين",
    "و",
    "لم",
    "لن",
    "عدم",
    "إذا",
    "يتأهب",
    "لتحرير",
    "تحرير",
    "هيئة",
    "دعا",
    "الإفراج",
    "عن",
    "التظاهر",
    "اتفاق",
    "توصلت",
    "الموقع",
    "وقف",
    "إطلاق",
    "النار",
    "دم",
    "رت",
    "د",
    "خل",
    "اقتحم",
    "المحتجون",
    "مقر",
    "استمرار",
    "قمع",
    "الحريات",
    "فيما",
    "كما",
    "الذي",
    "أمس",
    "،",
    ".",
    "؛",
    ":",
    "(",
    ")",
    "«",
    "»",
    "\"",
    "-",
    "\n",
    "2020",
    "Reuters",
    "ـــ",
    "ً",
    "السراج",
    "زوارة",
    "الجيش",
    "الليبي",
    "حفتر",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..60).prop_map(|ws| ws.join(" "))
}

/// Makes every occurrence of a few names an entity mention.
fn with_entities(doc: &mut Doc) {
    let names = [
        ("السراج", EntityType::Per),
        ("زوارة", EntityType::Loc),
        ("الجيش الليبي", EntityType::Org),
        ("حفتر", EntityType::Per),
    ];
    let mut mentions: Vec<(Span, u32)> = Vec::new();
    for (name, kind) in names {
        let spans: Vec<Span> = doc
            .text
            .match_indices(name)
            .map(|(at, _)| Span::new(at, at + name.len()))
            .collect();
        if spans.is_empty() {
            continue;
        }
        let id = doc.entities.len() as u32;
        doc.entities.push(Entity {
            kind,
            name: spans[0],
            mentions: Vec::new(),
            roles: Vec::new(),
            handles: Vec::new(),
            geo: None,
            country: None,
            sector: None,
        });
        mentions.extend(spans.into_iter().map(|s| (s, id)));
    }
    mentions.sort_by_key(|(s, _)| s.start);
    for (k, (span, entity)) in mentions.into_iter().enumerate() {
        doc.mentions.push(Mention {
            span,
            entity,
            kind: MentionKind::Name,
        });
        doc.entities[entity as usize].mentions.push(k as u32);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn events_point_into_their_sentences(text in text_strategy(), entities in any::<bool>()) {
        let Ok(mut doc) = Doc::new(DocMeta::default(), text, isnad_resources::word_counts()) else {
            return Ok(());
        };
        if entities {
            with_entities(&mut doc);
        }
        isnad_extract::events::extract(
            &mut doc,
            isnad_resources::event_lexicon(),
            isnad_resources::actor_words(),
        );
        let mut last_end = 0u32;
        for e in &doc.events {
            let t = e.trigger;
            prop_assert!(t.start < t.end, "empty trigger");
            prop_assert!(doc.text.is_char_boundary(t.start as usize));
            prop_assert!(doc.text.is_char_boundary(t.end as usize));
            let s = doc.sentences()[e.sentence as usize].span;
            prop_assert!(s.contains(t), "trigger {:?} outside its sentence", doc.slice(t));
            prop_assert!(t.start >= last_end, "triggers overlap or go back");
            last_end = t.end;
            for &x in e.actors.iter().chain(&e.targets).chain(&e.locations).chain(e.location.iter()) {
                prop_assert!((x as usize) < doc.entities.len());
            }
        }
    }
}
