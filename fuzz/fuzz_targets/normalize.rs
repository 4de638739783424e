//! Any text: normalization is idempotent and every normalized offset maps back to a
//! character boundary of the original.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let n = isnad_text::Normalized::new(s);
    assert_eq!(isnad_text::normalize(n.as_str()), n.as_str());
    let norm = n.as_str();
    for (i, _) in norm.char_indices().chain([(norm.len(), ' ')]) {
        let o = n.start_to_original(i as u32) as usize;
        assert!(o <= s.len() && s.is_char_boundary(o));
        let o = n.end_to_original(i as u32) as usize;
        assert!(o <= s.len() && s.is_char_boundary(o));
    }
});
