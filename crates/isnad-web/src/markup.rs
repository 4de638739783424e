//! Article text as HTML: the original text, escaped, with annotation spans (entities,
//! quotations, dates, event triggers) as nested elements.
//!
//! Annotation spans may nest or overlap; HTML elements may only nest. [`render`] sweeps
//! the boundaries of all spans and keeps a stack of open elements: where a span ends
//! inside another one that began after it, the inner one is closed and opened again, so
//! one annotation may become several elements (the first one carries `first`, so that
//! only it takes the keyboard focus). The text between the tags is always the escaped
//! original text, in order and whole (property-tested).

use std::fmt::Write;

/// Escapes text for HTML element content and attribute values (double-quoted).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped for HTML to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// What an annotation span is drawn as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A quotation, with its speaker's name (if known) and quote id.
    Quote {
        /// Quote id in the article (`q1`).
        id: String,
        /// Who said it, as the article names them.
        speaker: Option<String>,
    },
    /// An entity mention: type (`PER`, ...), entity id, name, and the actor page it
    /// links to.
    Entity {
        /// `PER`, `ORG`, `LOC`, `MISC`.
        kind: String,
        /// Entity id (`e1`).
        id: String,
        /// A tooltip (name, roles, coordinates).
        title: String,
        /// The actor id, when the entity was resolved to one.
        actor: Option<String>,
    },
    /// A temporal expression and its resolved value.
    Timex {
        /// The ISO value.
        value: String,
    },
    /// An event trigger and its type.
    Trigger {
        /// PLOVER type.
        kind: String,
    },
}

impl Mark {
    /// Outer marks first when two spans cover the same text.
    fn rank(&self) -> u8 {
        match self {
            Mark::Quote { .. } => 0,
            Mark::Entity { .. } => 1,
            Mark::Timex { .. } => 2,
            Mark::Trigger { .. } => 3,
        }
    }

    fn open(&self, out: &mut String, first: bool) {
        let first_class = if first { " first" } else { "" };
        match self {
            Mark::Quote { id, speaker } => {
                let who = speaker.as_deref().unwrap_or("قائل غير معروف");
                let _ = write!(
                    out,
                    "<span class=\"quote{first_class}\" data-quote=\"{}\" data-speaker=\"{}\" title=\"{}\"{}>",
                    escape(id),
                    escape(who),
                    escape(&format!("القائل: {who}")),
                    if first { " tabindex=\"0\"" } else { "" }
                );
            }
            Mark::Entity {
                kind,
                id,
                title,
                actor,
            } => {
                let class = format!("ent ent-{}{first_class}", css_token(kind));
                match actor {
                    Some(a) => {
                        let _ = write!(
                            out,
                            "<a class=\"{class}\" href=\"/actor/{}\" data-entity=\"{}\" title=\"{}\">",
                            escape(&url_path_segment(a)),
                            escape(id),
                            escape(title)
                        );
                    }
                    None => {
                        let _ = write!(
                            out,
                            "<mark class=\"{class}\" data-entity=\"{}\" title=\"{}\">",
                            escape(id),
                            escape(title)
                        );
                    }
                }
            }
            Mark::Timex { value } => {
                let _ = write!(
                    out,
                    "<span class=\"tx{first_class}\" title=\"{}\">",
                    escape(value)
                );
            }
            Mark::Trigger { kind } => {
                let _ = write!(
                    out,
                    "<span class=\"trg{first_class}\" title=\"{}\">",
                    escape(kind)
                );
            }
        }
    }

    fn close(&self, out: &mut String) {
        out.push_str(match self {
            Mark::Entity { actor: Some(_), .. } => "</a>",
            Mark::Entity { actor: None, .. } => "</mark>",
            _ => "</span>",
        });
    }
}

/// Keeps letters, digits, `-` and `_` of a class-name part.
pub fn css_token(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// Percent-encodes a path segment (ids may hold any character).
pub fn url_path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-encodes a query-string value.
pub fn url_query_value(s: &str) -> String {
    url_path_segment(s)
}

/// An annotation: character offsets into the text (end exclusive) and its mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// How it is drawn.
    pub mark: Mark,
}

/// Renders `text[start..end]` (character offsets) with the annotations that overlap it,
/// clipped to it. Empty and out-of-range annotations are dropped.
pub fn render(text: &str, start: usize, end: usize, annotations: &[Annotation]) -> String {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = bytes.len() - 1;
    let end = end.min(n);
    let start = start.min(end);
    // Clipped annotations, outer ones first.
    let mut spans: Vec<(usize, usize, &Mark)> = annotations
        .iter()
        .map(|a| (a.start.max(start), a.end.min(end), &a.mark))
        .filter(|(s, e, _)| s < e)
        .collect();
    spans.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.rank().cmp(&b.2.rank()))
    });
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.0, s.1]).collect();
    cuts.push(start);
    cuts.push(end);
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = String::with_capacity((bytes[end] - bytes[start]) * 2);
    // The open elements: index into `spans`.
    let mut stack: Vec<usize> = Vec::new();
    let mut opened = vec![false; spans.len()];
    let mut next = 0; // next span to open, in sorted order
    for w in cuts.windows(2) {
        let (at, to) = (w[0], w[1]);
        // Close the spans that end here; reopen those closed on the way that go on.
        if let Some(deepest) = stack.iter().position(|&i| spans[i].1 <= at) {
            let mut reopen = Vec::new();
            while stack.len() > deepest {
                let i = stack.pop().unwrap_or_default();
                spans[i].2.close(&mut out);
                if spans[i].1 > at {
                    reopen.push(i);
                }
            }
            for i in reopen.into_iter().rev() {
                spans[i].2.open(&mut out, false);
                stack.push(i);
            }
        }
        while next < spans.len() && spans[next].0 <= at {
            let i = next;
            next += 1;
            if spans[i].1 <= at {
                continue;
            }
            spans[i].2.open(&mut out, !opened[i]);
            opened[i] = true;
            stack.push(i);
        }
        escape_into(&mut out, &text[bytes[at]..bytes[to]]);
    }
    while let Some(i) = stack.pop() {
        spans[i].2.close(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The text of an HTML fragment: the tags removed (the text is still escaped).
    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// Checks that tags nest properly; returns the element count.
    fn balanced(html: &str) -> usize {
        let mut stack = Vec::new();
        let mut count = 0;
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let j = rest[i..].find('>').expect("tag ends") + i;
            let tag = &rest[i + 1..j];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name.to_owned()), "in {html}");
            } else {
                let name = tag.split(' ').next().unwrap_or_default().to_owned();
                stack.push(name);
                count += 1;
            }
            rest = &rest[j + 1..];
        }
        assert!(stack.is_empty(), "unclosed in {html}");
        count
    }

    fn ent(start: usize, end: usize) -> Annotation {
        Annotation {
            start,
            end,
            mark: Mark::Entity {
                kind: "PER".into(),
                id: "e1".into(),
                title: "x".into(),
                actor: None,
            },
        }
    }

    fn quote(start: usize, end: usize) -> Annotation {
        Annotation {
            start,
            end,
            mark: Mark::Quote {
                id: "q1".into(),
                speaker: Some("عادل <b>".into()),
            },
        }
    }

    #[test]
    fn escapes_text_and_attributes() {
        let text = "<script>alert(1)</script> & <img src=x onerror=alert(1)>";
        let html = render(text, 0, text.chars().count(), &[quote(0, 8)]);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("data-speaker=\"عادل &lt;b&gt;\""));
        assert_eq!(strip_tags(&html), escape(text));
    }

    #[test]
    fn nests_and_splits_overlaps() {
        // quote 0..6, entity 4..9: the entity crosses the quote's end.
        let text = "abcdefghij";
        let html = render(text, 0, 10, &[quote(0, 6), ent(4, 9)]);
        assert_eq!(strip_tags(&html), "abcdefghij", "the text is whole: {html}");
        assert_eq!(balanced(&html), 3, "{html}");
        // The entity is opened again after the quote closes, without `first`.
        assert!(
            html.contains("</mark></span><mark class=\"ent ent-PER\""),
            "{html}"
        );
    }

    #[test]
    fn clips_to_the_paragraph() {
        let text = "أب جد هو";
        let html = render(text, 3, 5, &[ent(0, 4)]);
        assert_eq!(strip_tags(&html), "جد");
        assert!(html.starts_with("<mark"), "{html}");
    }

    #[test]
    fn an_actor_entity_is_a_link() {
        let a = Annotation {
            start: 0,
            end: 1,
            mark: Mark::Entity {
                kind: "ORG".into(),
                id: "e2".into(),
                title: "t".into(),
                actor: Some("a/1".into()),
            },
        };
        let html = render("x", 0, 1, &[a]);
        assert_eq!(
            html,
            "<a class=\"ent ent-ORG first\" href=\"/actor/a%2F1\" data-entity=\"e2\" title=\"t\">x</a>"
        );
    }

    fn marks() -> impl Strategy<Value = Mark> {
        prop_oneof![
            Just(Mark::Quote {
                id: "q".into(),
                speaker: None
            }),
            Just(Mark::Entity {
                kind: "LOC".into(),
                id: "e".into(),
                title: "<\"'>".into(),
                actor: None
            }),
            Just(Mark::Entity {
                kind: "PER".into(),
                id: "e".into(),
                title: "t".into(),
                actor: Some("a1".into())
            }),
            Just(Mark::Timex {
                value: "2015-08-01".into()
            }),
            Just(Mark::Trigger {
                kind: "ASSAULT".into()
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn output_text_is_the_escaped_original(
            text in "[ابت <>&\"'a-c\n]{0,40}",
            spans in proptest::collection::vec((0usize..45, 0usize..45, marks()), 0..8),
            window in (0usize..45, 0usize..45),
        ) {
            let n = text.chars().count();
            let annotations: Vec<Annotation> = spans
                .into_iter()
                .map(|(a, b, mark)| Annotation { start: a.min(b), end: a.max(b), mark })
                .collect();
            let (s, e) = (window.0.min(window.1), window.0.max(window.1));
            let html = render(&text, s, e, &annotations);
            let e = e.min(n);
            let s = s.min(e);
            let slice: String = text.chars().skip(s).take(e - s).collect();
            prop_assert_eq!(strip_tags(&html), escape(&slice));
            balanced(&html);
        }
    }
}
