//! Byte spans into one text, and conversion of byte offsets to character offsets.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a text that someone else owns.
///
/// Offsets are `u32`: isnad refuses documents over 4 GiB long before this matters
/// (see `MAX_TEXT_BYTES` in `isnad-doc`), and a span is half the size of a `Range<usize>`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`. Panics if `start > end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `Range<usize>`, for slicing.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text of the span. Panics if the span is not on character boundaries of `text`.
    #[inline]
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// True when `other` lies inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
///
/// The public contract speaks in characters; the engine works in bytes. This index keeps
/// the character count at every 64th byte, so a conversion costs at most 64 byte checks.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// `checkpoints[k]` = number of characters in `text[..k * STRIDE]`.
    checkpoints: Vec<u32>,
    /// Bytes of the text, kept for counting the remainder after a checkpoint.
    bytes: Box<[u8]>,
}

const STRIDE: usize = 64;

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl CharOffsets {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> CharOffsets {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        checkpoints.push(count);
        CharOffsets {
            checkpoints,
            bytes: bytes.into(),
        }
    }

    /// The character offset of byte offset `byte` (which must be a character boundary).
    #[inline]
    pub fn char_of(&self, byte: u32) -> u32 {
        let byte = byte as usize;
        let k = byte / STRIDE;
        let base = self.checkpoints[k];
        let from = k * STRIDE;
        base + self.bytes[from..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count() as u32
    }

    /// Total number of characters.
    pub fn len_chars(&self) -> u32 {
        *self.checkpoints.last().unwrap_or(&0)
    }

    /// The character range of a byte span.
    #[inline]
    pub fn span_chars(&self, span: Span) -> (u32, u32) {
        (self.char_of(span.start), self.char_of(span.end))
    }

    /// The byte offset of character offset `ch` (the inverse of [`CharOffsets::char_of`]);
    /// `None` past the end.
    pub fn byte_of(&self, ch: u32) -> Option<u32> {
        if ch > self.len_chars() {
            return None;
        }
        // Last checkpoint whose count is <= ch.
        let k = self.checkpoints.partition_point(|&c| c <= ch) - 1;
        let mut count = self.checkpoints[k];
        let mut pos = k * STRIDE;
        while pos < self.bytes.len() {
            if is_char_start(self.bytes[pos]) {
                if count == ch {
                    return Some(pos as u32);
                }
                count += 1;
            }
            pos += 1;
        }
        (count == ch).then_some(self.bytes.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        let text = "قال وزير الداخلية abc «نعم» 😀 ".repeat(20);
        let idx = CharOffsets::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b as u32), n as u32);
            assert_eq!(idx.byte_of(n as u32), Some(b as u32));
        }
        let n = text.chars().count() as u32;
        assert_eq!(idx.char_of(text.len() as u32), n);
        assert_eq!(idx.len_chars(), n);
        assert_eq!(idx.byte_of(n), Some(text.len() as u32));
        assert_eq!(idx.byte_of(n + 1), None);
    }

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 5);
        assert!(a.contains(Span::new(3, 4)));
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(Span::new(0, 3).slice("abcdef"), "abc");
    }
}
