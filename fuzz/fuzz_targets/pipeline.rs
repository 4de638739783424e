//! Any text through the whole pipeline: no panic, and the contract's span invariant holds.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PIPELINE: LazyLock<isnad_doc::Pipeline> = LazyLock::new(isnad_extract::default_pipeline);

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Ok(doc) = isnad_extract::analyze(&PIPELINE, Default::default(), s.to_owned(), Vec::new()) else {
        return;
    };
    let a = isnad_api::Analysis::from_doc(&doc);
    isnad_api::check_spans(&a, &doc.text).unwrap();
});
