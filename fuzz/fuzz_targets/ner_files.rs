//! Any bytes: the NER file readers (model, clusters, profiles, CoNLL) refuse or accept
//! them without panicking, and an accepted model writes back to the same bytes' model.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = isnad_ner::Model::from_bytes(data) {
        let again = isnad_ner::Model::from_bytes(&m.to_bytes()).expect("own output reads back");
        assert_eq!(again.window, m.window);
        assert_eq!(again.first.len(), m.first.len());
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    let _ = isnad_ner::Clusters::parse(s);
    let _ = isnad_ner::Profiles::parse(s);
    let c = isnad_ner::Conll::parse(s);
    for sent in &c.sentences {
        assert_eq!(sent.tokens.len(), sent.labels.len());
        let _ = isnad_ner::chunks(&sent.labels);
    }
});
