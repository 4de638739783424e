//! Any bytes: decoding never panics, and decoded text is non-empty UTF-8.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = isnad_input::decode(data, None) {
        assert!(!d.text.trim().is_empty());
    }
    let _ = isnad_input::decode(data, Some("windows-1256"));
});
