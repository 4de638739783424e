//! Any text as an HTML page: extraction never panics and every embed span lies in the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let page = isnad_input::html::extract(s);
    for e in &page.embeds {
        let _ = e.text.slice(&page.text);
        if let Some(sig) = e.signature {
            let _ = sig.slice(&page.text);
        }
    }
});
