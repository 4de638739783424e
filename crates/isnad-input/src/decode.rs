//! Bytes → text: BOMs, UTF-8, UTF-16, legacy encodings (Windows-1256, ISO-8859-6, ...)
//! detected with `chardetng`, and the refusal of binary, empty and broken input.

use encoding_rs::Encoding;

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Nothing, or only white space.
    #[error("empty input")]
    Empty,
    /// Not text at all.
    #[error("binary data ({0}), not text")]
    Binary(String),
    /// UTF-8 cut off in the middle of a character at the end.
    #[error("truncated UTF-8: the last character is cut off at byte {0}")]
    TruncatedUtf8(usize),
    /// UTF-8 with invalid bytes in it.
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    /// UTF-16 with a BOM that does not decode.
    #[error("invalid {0} data")]
    InvalidUtf16(&'static str),
}

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (a BOM is removed).
    pub text: String,
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `windows-1256`, `ISO-8859-6`, ...).
    pub encoding: &'static str,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7FELF", "ELF executable"),
    (b"\x1F\x8B", "gzip data"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"BZh", "bzip2 data"),
    (b"\xFD7zXZ", "xz data"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x01\x00", "icon"),
];

/// Share of control characters above which decoded "text" is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes `bytes` into text, detecting the encoding. `declared` is an encoding label
/// the container gave (an HTML `<meta charset>`), used when the bytes are not UTF-8.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    // Byte-order marks.
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return finish(utf8(rest)?, "UTF-8");
    }
    for (bom, enc) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text = enc
                .decode_without_bom_handling_and_without_replacement(rest)
                .ok_or(DecodeError::InvalidUtf16(enc.name()))?;
            return finish(text.into_owned(), enc.name());
        }
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(DecodeError::Binary((*what).to_string()));
    }
    let head = &bytes[..bytes.len().min(8192)];
    // A stray NUL (some legacy files end with one) is not binary; many are.
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if nuls * 100 > head.len() {
        if let Some(enc) = utf16_without_bom(head) {
            if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
                return finish(text.into_owned(), enc.name());
            }
        }
        return Err(DecodeError::Binary("contains NUL bytes".into()));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => finish(s.to_owned(), "UTF-8"),
        Err(e) if e.error_len().is_none() => Err(DecodeError::TruncatedUtf8(e.valid_up_to())),
        Err(e) => {
            if looks_like_broken_utf8(bytes) {
                return Err(DecodeError::InvalidUtf8(e.valid_up_to()));
            }
            let enc = declared
                .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
                .filter(|e| *e != encoding_rs::UTF_8)
                .unwrap_or_else(|| {
                    let mut det = chardetng::EncodingDetector::new();
                    det.feed(bytes, true);
                    det.guess(None, false)
                });
            let (text, _, _) = enc.decode(bytes);
            finish(text.into_owned(), enc.name())
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) if e.error_len().is_none() => Err(DecodeError::TruncatedUtf8(e.valid_up_to() + 3)),
        Err(e) => Err(DecodeError::InvalidUtf8(e.valid_up_to() + 3)),
    }
}

/// UTF-16 text without a BOM has a NUL in every other byte for ASCII.
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let even = head
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    let odd = head
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    if odd * 10 >= pairs * 4 && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 4 && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// True when most non-ASCII bytes form valid UTF-8 sequences: the input is UTF-8 with
/// damage, and decoding it as a legacy encoding would only produce mojibake.
fn looks_like_broken_utf8(mut bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let ok = &bytes[..e.valid_up_to()];
                // SAFETY-free: `ok` was just validated.
                valid_multibyte += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                invalid += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip.min(bytes.len())..];
                if bytes.is_empty() {
                    break;
                }
            }
        }
    }
    valid_multibyte >= 8 && invalid * 20 <= valid_multibyte
}

fn finish(text: String, encoding: &'static str) -> Result<Decoded, DecodeError> {
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let (mut controls, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}') {
            controls += 1;
        }
    }
    if controls as f64 > MAX_CONTROL_SHARE * total as f64 && controls > 2 {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in {total}"
        )));
    }
    Ok(Decoded { text, encoding })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قال وزير الداخلية الليبي فتحي باشاغا إن الهزيمة العسكرية زادت التوافق مع الولايات المتحدة حول الحل السياسي في ليبيا.";

    #[test]
    fn utf8_and_bom() {
        let d = decode(ARABIC.as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "UTF-8"));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(decode(&b, None).unwrap().text, ARABIC);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in ARABIC.encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ARABIC, "UTF-16LE"));
        let ascii: Vec<u8> = "hello world, this is text"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&ascii, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1256_is_detected() {
        let text = ARABIC.repeat(3);
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert_eq!(d.text, text);
    }

    #[test]
    fn iso_8859_6_via_declared_label() {
        let text = "قال الوزير إن الحل سياسي";
        let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(text);
        let d = decode(&bytes, Some("iso-8859-6")).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "ISO-8859-6"));
    }

    #[test]
    fn bad_inputs_have_clear_errors() {
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t ", None), Err(DecodeError::Empty));
        // Found by fuzzing: a UTF-16 BOM followed by an encoded BOM only.
        assert_eq!(decode(b"\xFF\xFE\xFF\xFE", None), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"%PDF-1.4 ...", None),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\0\x01\x02\x03def\0\0\x07", None),
            Err(DecodeError::Binary(_))
        ));
        // One trailing NUL in a legacy file is tolerated (seen in real corpora).
        let (w, _, _) = encoding_rs::WINDOWS_1256.encode(ARABIC);
        let mut nul = w.into_owned();
        nul.push(0);
        assert_eq!(decode(&nul, None).unwrap().encoding, "windows-1256");
        let mut t = ARABIC.as_bytes().to_vec();
        t.truncate(t.len() - 2); // drop "." and half of the last letter
        assert!(matches!(
            decode(&t, None),
            Err(DecodeError::TruncatedUtf8(_))
        ));
        let mut broken = ARABIC.as_bytes().to_vec();
        broken[10] = 0xFF;
        assert!(matches!(
            decode(&broken, None),
            Err(DecodeError::InvalidUtf8(_))
        ));
    }
}
