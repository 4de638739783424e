//! A readable report of one analysis, for a person in a terminal.

use crate::Analysis;
use std::fmt::Write;

fn clip(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

fn entity_name<'a>(a: &'a Analysis, id: &'a str) -> &'a str {
    a.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.as_str())
        .unwrap_or(id)
}

/// Renders an analysis as text. `text` is the article's original text, used to show the
/// paragraphs; pass `None` to leave them out.
pub fn report(a: &Analysis, text: Option<&str>) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "═══ {} ═══", a.id);
    if let Some(err) = &a.error {
        let _ = writeln!(w, "  FAILED: {err}");
        return out;
    }
    if let Some(t) = &a.title {
        let _ = writeln!(w, "  title:     {t}");
    }
    let _ = writeln!(
        w,
        "  published: {} ({})",
        a.published.as_deref().unwrap_or("unknown"),
        a.published_source.as_deref().unwrap_or("no evidence")
    );
    if let Some(e) = &a.encoding {
        let _ = writeln!(w, "  encoding:  {e}");
    }
    let count = |k: &str| a.paragraphs.iter().filter(|p| p.kind == k).count();
    let _ = writeln!(
        w,
        "  {} characters · {} paragraphs ({} body, {} post, {} signature, {} other)",
        a.length,
        a.paragraphs.len(),
        count("body"),
        count("post"),
        count("post_signature"),
        count("other")
    );
    if !a.places.is_empty() {
        let focus: Vec<String> = a
            .places
            .iter()
            .map(|p| format!("{} {:.0}%", p.country, p.weight * 100.0))
            .collect();
        let _ = writeln!(w, "  places:    {}", focus.join(", "));
    }
    if let Some(text) = text {
        let _ = writeln!(w, "\n── Paragraphs");
        let chars: Vec<char> = text.chars().collect();
        for (i, p) in a.paragraphs.iter().enumerate() {
            let s: String = chars[p.start as usize..p.end as usize].iter().collect();
            let tag = match p.kind.as_str() {
                "body" => "   ",
                "post" => "[P]",
                "post_signature" => "[S]",
                _ => "[-]",
            };
            let _ = writeln!(w, "  {tag} {:>3}  {}", i + 1, clip(&s, 110));
        }
    }
    if !a.posts.is_empty() {
        let _ = writeln!(w, "\n── Embedded posts");
        for p in &a.posts {
            let _ = writeln!(
                w,
                "  {} {} · {} (@{}) · {}{}",
                p.id,
                p.platform,
                p.author.as_deref().unwrap_or("?"),
                p.handle.as_deref().unwrap_or("?"),
                p.date.as_deref().unwrap_or("undated"),
                p.author_entity
                    .as_deref()
                    .map(|e| format!(" · = {}", entity_name(a, e)))
                    .unwrap_or_default()
            );
            let _ = writeln!(w, "      «{}»", clip(&p.text, 140));
        }
    }
    if !a.quotes.is_empty() {
        let _ = writeln!(w, "\n── Quotations");
        for q in &a.quotes {
            let who = q
                .speaker_name
                .as_deref()
                .or(q.speaker_description.as_deref())
                .unwrap_or("(unattributed)");
            let mut extra = Vec::new();
            if let Some(v) = &q.verb {
                extra.push(v.clone());
            }
            if let Some(c) = &q.channel {
                extra.push(c.clone());
            }
            if let Some(d) = &q.date {
                extra.push(d.clone());
            }
            let _ = writeln!(w, "  {} {:<8} {} [{}]", q.id, q.kind, who, extra.join(", "));
            let _ = writeln!(w, "      «{}»", clip(&q.text, 140));
            if let (Some(p), Some(f)) = (&q.source_post, &q.fidelity) {
                let _ = writeln!(w, "      ↳ reproduces {p}: {} ({:.2})", f.verdict, f.score);
                for step in f.diff.iter().filter(|s| s.op != "equal") {
                    let sign = if step.op == "insert" { "+" } else { "-" };
                    let _ = writeln!(w, "        {sign} {}", clip(&step.text, 100));
                }
            }
        }
    }
    if !a.entities.is_empty() {
        let _ = writeln!(w, "\n── Entities");
        for e in &a.entities {
            let mut line = format!("  {:<4} {:<4} {}", e.id, e.kind, e.name);
            if e.mentions.len() > 1 {
                let _ = write!(line, " ×{}", e.mentions.len());
            }
            if !e.roles.is_empty() {
                let _ = write!(line, " — {}", e.roles.join("؛ "));
            }
            if !e.handles.is_empty() {
                let _ = write!(line, " @{}", e.handles.join(" @"));
            }
            if let Some(g) = &e.geo {
                let _ = write!(line, " ({:.3}, {:.3} {})", g.lat, g.lon, g.reference);
            }
            let _ = writeln!(w, "{line}");
        }
    }
    if !a.timex.is_empty() {
        let _ = writeln!(w, "\n── Dates and times");
        for t in &a.timex {
            let _ = writeln!(w, "  {:<24} → {}", t.text, t.value);
        }
    }
    if !a.events.is_empty() {
        let _ = writeln!(w, "\n── Events");
        for e in &a.events {
            let names = |ids: &[String]| {
                ids.iter()
                    .map(|i| entity_name(a, i).to_owned())
                    .collect::<Vec<_>>()
                    .join("، ")
            };
            let mut line = format!(
                "  {} {}{} «{}»",
                e.id,
                e.kind,
                e.mode
                    .as_deref()
                    .map(|m| format!("/{m}"))
                    .unwrap_or_default(),
                e.trigger.text
            );
            if e.status != "happened" {
                let _ = write!(line, " [{}]", e.status);
            }
            if !e.actors.is_empty() {
                let _ = write!(line, " actors: {}", names(&e.actors));
            }
            if !e.targets.is_empty() {
                let _ = write!(line, " targets: {}", names(&e.targets));
            }
            if let Some(l) = &e.location {
                let _ = write!(line, " at {}", entity_name(a, l));
            }
            if let Some(d) = &e.date {
                let _ = write!(line, " on {d}");
            }
            let _ = writeln!(w, "{line}");
        }
    }
    if !a.diagnostics.is_empty() {
        let _ = writeln!(w, "\n── Diagnostics");
        for d in &a.diagnostics {
            let _ = writeln!(w, "  {d}");
        }
    }
    out
}
