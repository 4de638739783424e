//! Any text: the text layers are well-formed slices of the original.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let layers = isnad_text::analyze(s, &isnad_text::NoCounts);
    let mut prev = 0;
    for t in &layers.tokens {
        assert!(t.span.start >= prev && t.span.start < t.span.end);
        let _ = t.span.slice(s);
        for p in layers.pieces(t) {
            assert!(t.span.contains(p.span));
            let _ = p.span.slice(s);
        }
        prev = t.span.end;
    }
    for sent in &layers.sentences {
        let _ = sent.span.slice(s);
    }
});
