//! TimeML documents: the text with its tags removed, the `TIMEX3` annotations as spans
//! of that text, and the document creation time when the file has one.
//!
//! Only what scoring temporal expressions needs is read: `<TIMEX3 ...>text</TIMEX3>`
//! elements with their `type` and `value`, a `<DCT>` element or a `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`. Other tags (`EVENT`, `SIGNAL`, `TLINK`, ...) are
//! dropped and keep their text; the XML declaration, doctype and the `TimeML` root are
//! not part of the text. The five predefined XML entities and numeric character
//! references are decoded.

use std::ops::Range;

/// A gold temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte range in [`TimeMlDoc::text`].
    pub span: Range<usize>,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// The TIMEX3 value.
    pub value: String,
}

/// A parsed TimeML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMlDoc {
    /// The text, tags removed.
    pub text: String,
    /// The temporal expressions of the text (the creation time excluded), in text order.
    pub timex: Vec<GoldTimex>,
    /// The document creation time (`YYYY-MM-DD`), when the file gives one.
    pub dct: Option<String>,
}

/// Why a TimeML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeMlError {
    /// A tag is not closed.
    #[error("unterminated tag at byte {0}")]
    Unterminated(usize),
    /// A `</TIMEX3>` without its opening tag, or nested `TIMEX3`s.
    #[error("unbalanced TIMEX3 at byte {0}")]
    Unbalanced(usize),
    /// A `TIMEX3` without a `value`.
    #[error("TIMEX3 without a value at byte {0}")]
    NoValue(usize),
}

/// Parses a TimeML document.
pub fn parse(xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    // The body: inside <TimeML>...</TimeML> when there is such a root.
    let body = match (xml.find("<TimeML"), xml.rfind("</TimeML>")) {
        (Some(a), Some(b)) => {
            let start = xml[a..].find('>').ok_or(TimeMlError::Unterminated(a))? + a + 1;
            if start <= b {
                &xml[start..b]
            } else {
                xml
            }
        }
        _ => xml,
    };
    let mut text = String::with_capacity(body.len());
    let mut timex = Vec::new();
    let mut dct = None;
    let mut open: Option<(usize, String, String, bool)> = None; // start, type, value, is DCT
    let mut in_dct = false;
    let mut pos = 0;
    while let Some(lt) = body[pos..].find('<') {
        let lt = pos + lt;
        push_decoded(&mut text, &body[pos..lt]);
        let gt = body[lt..].find('>').ok_or(TimeMlError::Unterminated(lt))? + lt;
        let tag = &body[lt + 1..gt];
        pos = gt + 1;
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        match (name.as_str(), closing) {
            ("DCT", false) => in_dct = !self_closing,
            ("DCT", true) => in_dct = false,
            ("TIMEX3", false) => {
                if open.is_some() {
                    return Err(TimeMlError::Unbalanced(lt));
                }
                let value = attr(tag, "value").ok_or(TimeMlError::NoValue(lt))?;
                let kind = attr(tag, "type").unwrap_or_default();
                let creation =
                    in_dct || attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME");
                if creation {
                    dct = Some(value.get(..10).unwrap_or(&value).to_owned());
                }
                if !self_closing {
                    open = Some((text.len(), kind, value, creation));
                }
            }
            ("TIMEX3", true) => {
                let (start, kind, value, creation) =
                    open.take().ok_or(TimeMlError::Unbalanced(lt))?;
                if !creation {
                    timex.push(GoldTimex {
                        span: start..text.len(),
                        kind,
                        value,
                    });
                }
            }
            _ => {}
        }
    }
    push_decoded(&mut text, &body[pos..]);
    if open.is_some() {
        return Err(TimeMlError::Unbalanced(body.len()));
    }
    Ok(TimeMlDoc { text, timex, dct })
}

/// The value of attribute `name` in a tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(k) = rest.find(name) {
        let before_ok = k == 0 || rest.as_bytes()[k - 1].is_ascii_whitespace();
        let after = rest[k + name.len()..].trim_start();
        if before_ok {
            if let Some(after_eq) = after.strip_prefix('=') {
                let after_eq = after_eq.trim_start();
                let quote = after_eq.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let inner = &after_eq[1..];
                    let end = inner.find(quote)?;
                    let mut out = String::new();
                    push_decoded(&mut out, &inner[..end]);
                    return Some(out);
                }
            }
        }
        rest = &rest[k + name.len()..];
    }
    None
}

/// Appends text with XML entities decoded.
fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let ent = &tail[1..semi];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => ent.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)
                }),
            }?;
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timex_and_text() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TimeML SYSTEM \"TimeML.dtd\">\n<TimeML>\n\
                   يفتتح <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2015-12-22\">الثلاثاء</TIMEX3> \
                   معرض &amp; <EVENT eid=\"e1\">ندوة</EVENT> <TIMEX3 tid=\"t2\" type=\"DURATION\" \
                   value=\"P2D\">يومين</TIMEX3>.\n</TimeML>";
        let d = parse(xml).unwrap();
        assert_eq!(d.dct, None);
        assert_eq!(d.timex.len(), 2);
        assert_eq!(&d.text[d.timex[0].span.clone()], "الثلاثاء");
        assert_eq!(d.timex[0].value, "2015-12-22");
        assert_eq!(d.timex[1].kind, "DURATION");
        assert_eq!(&d.text[d.timex[1].span.clone()], "يومين");
        assert!(d.text.contains("معرض & ندوة"));
        assert!(!d.text.contains('<'));
    }

    #[test]
    fn reads_the_creation_time() {
        let xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2020-06-23\" \
                   functionInDocument=\"CREATION_TIME\">2020-06-23</TIMEX3></DCT>\
                   قال <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-06-22\">أمس</TIMEX3></TimeML>";
        let d = parse(xml).unwrap();
        assert_eq!(d.dct.as_deref(), Some("2020-06-23"));
        assert_eq!(d.timex.len(), 1);
        assert_eq!(d.timex[0].value, "2020-06-22");
    }

    #[test]
    fn malformed_files_are_errors() {
        assert!(matches!(
            parse("<TimeML>x <TIMEX3 value=\"1\">y</TimeML>"),
            Err(TimeMlError::Unbalanced(_))
        ));
        assert!(matches!(
            parse("<TimeML>x <TIMEX3 type=\"DATE\">y</TIMEX3></TimeML>"),
            Err(TimeMlError::NoValue(_))
        ));
        assert!(matches!(
            parse("<TimeML>x <TIMEX3"),
            Err(TimeMlError::Unterminated(_))
        ));
    }
}
