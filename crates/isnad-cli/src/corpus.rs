//! The corpus queries: `isnad stats`, `search`, `actor`, `quotes`. The store answers;
//! this module prints its answers as JSON or for people.

use anyhow::{Context, Result};
use isnad_api::corpus::*;
use isnad_store::{Corpus, SearchRequest};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The output format of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON object.
    Json,
}

/// Opens a store for reading.
pub fn open(store: &Path) -> Result<Corpus> {
    Corpus::open(store, isnad_resources::word_counts())
        .with_context(|| format!("cannot open the store {}", store.display()))
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

/// Marks highlighted words: bold on a terminal, `**…**` otherwise.
fn highlighted(s: &Snippet) -> String {
    let (open, close) = if std::io::stdout().is_terminal() {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let chars: Vec<char> = s.text.chars().collect();
    let mut out = String::new();
    let mut at = 0usize;
    for h in &s.highlights {
        let (a, b) = ((h.start - s.start) as usize, (h.end - s.start) as usize);
        if a < at || b > chars.len() {
            continue;
        }
        out.extend(&chars[at..a]);
        out.push_str(open);
        out.extend(&chars[a..b]);
        out.push_str(close);
        at = b;
    }
    out.extend(&chars[at..]);
    out.replace('\n', " ")
}

fn describe(a: &ArticleRef) -> String {
    format!(
        "{} · {} · {}",
        a.date.as_deref().unwrap_or("?"),
        a.source.as_deref().unwrap_or("?"),
        a.id
    )
}

/// `isnad stats`.
pub fn stats(store: &Path, format: Format) -> Result<()> {
    let s = open(store)?.stats()?;
    if format == Format::Json {
        return print_json(&s);
    }
    println!(
        "articles      {} ({} failed, {} in the search index)",
        s.articles, s.failed, s.indexed
    );
    println!(
        "dates         {} … {}",
        s.first_date.as_deref().unwrap_or("?"),
        s.last_date.as_deref().unwrap_or("?")
    );
    let l = &s.layers;
    println!(
        "layers        {} paragraphs, {} entities ({} mentions), {} posts, {} quotes, {} timex, {} events",
        l.paragraphs, l.entities, l.mentions, l.posts, l.quotes, l.timex, l.events
    );
    println!("actors        {}", s.actors);
    println!(
        "republication {} groups, {} articles",
        s.republication_groups, s.republished_articles
    );
    println!("sources");
    for src in &s.sources {
        println!(
            "  {:>7}  {}",
            src.articles,
            src.source.as_deref().unwrap_or("(none)")
        );
    }
    Ok(())
}

fn print_results(r: &SearchResponse) {
    println!("{} articles match {:?}", r.total, r.query);
    for (i, hit) in r.results.iter().enumerate() {
        println!();
        println!(
            "{:>3}. {}",
            i + 1,
            hit.article.title.as_deref().unwrap_or("(no title)")
        );
        println!("     {} · score {:.2}", describe(&hit.article), hit.score);
        if let Some(s) = &hit.snippet {
            println!("     {}", highlighted(s));
        }
        if let Some(g) = &hit.republication {
            if g.first.id == hit.article.id {
                println!(
                    "     first publication of a story republished {} times",
                    g.size - 1
                );
            } else {
                println!(
                    "     republished ({:.0}% similar) from {} ({} copies)",
                    g.similarity * 100.0,
                    describe(&g.first),
                    g.size - 1
                );
            }
        }
    }
}

/// `isnad search`.
pub fn search(store: &Path, format: Format, request: SearchRequest) -> Result<()> {
    let r = open(store)?.search(&request)?;
    if format == Format::Json {
        return print_json(&r);
    }
    print_results(&r);
    Ok(())
}

fn print_quote(q: &QuoteRef) {
    println!(
        "  {} · {} — {}: «{}»",
        q.date.as_deref().unwrap_or("?"),
        q.article.id,
        q.speaker_name.as_deref().unwrap_or("?"),
        q.span.text.replace('\n', " ")
    );
    if let Some(f) = &q.first_published_in {
        println!(
            "      same words in {} other articles, first in {}",
            q.also_in,
            describe(f)
        );
    }
}

/// `isnad actor`.
pub fn actor(store: &Path, format: Format, name: &str, limit: usize) -> Result<bool> {
    let r = open(store)?.lookup_actor(name, limit)?;
    if format == Format::Json {
        print_json(&r)?;
        return Ok(r.actor.is_some() || r.text_matches.as_ref().is_some_and(|m| m.total > 0));
    }
    let Some(a) = &r.actor else {
        println!("no actor is named {name:?} in the store");
        if let Some(m) = &r.text_matches {
            println!();
            print_results(m);
        }
        return Ok(r.text_matches.is_some_and(|m| m.total > 0));
    };
    println!("{} ({}, {})", a.name, a.kind, a.id);
    println!(
        "  {} articles, {} … {}",
        a.article_count,
        a.first_date.as_deref().unwrap_or("?"),
        a.last_date.as_deref().unwrap_or("?")
    );
    let aliases: Vec<String> = a
        .aliases
        .iter()
        .map(|x| format!("{} ({})", x.name, x.articles))
        .collect();
    println!("  names: {}", aliases.join("، "));
    if !a.handles.is_empty() {
        println!("  handles: @{}", a.handles.join(", @"));
    }
    if !a.roles.is_empty() {
        println!("roles");
        for role in &a.roles {
            println!(
                "  {} … {}  {} ({} articles)",
                role.first.as_deref().unwrap_or("?"),
                role.last.as_deref().unwrap_or("?"),
                role.role,
                role.articles
            );
        }
    }
    println!("quotes ({})", a.quote_count);
    for q in &a.quotes {
        print_quote(q);
    }
    if !a.events.is_empty() {
        println!("events");
        for e in &a.events {
            let with: Vec<&str> = e.with.iter().map(|w| w.name.as_str()).collect();
            println!(
                "  {} · {} {}{} ({}) as {}{}{} — {}",
                e.date.as_deref().unwrap_or("?"),
                e.kind,
                e.mode
                    .as_deref()
                    .map(|m| format!("/{m}"))
                    .unwrap_or_default(),
                if e.status == "happened" {
                    String::new()
                } else {
                    format!(" [{}]", e.status)
                },
                e.trigger.text,
                e.role,
                if with.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", with.join("، "))
                },
                e.location
                    .as_deref()
                    .map(|l| format!(" in {l}"))
                    .unwrap_or_default(),
                e.article.id
            );
        }
    }
    if !a.co_actors.is_empty() {
        let co: Vec<String> = a
            .co_actors
            .iter()
            .take(10)
            .map(|c| format!("{} ({})", c.actor.name, c.articles))
            .collect();
        println!("seen with: {}", co.join("، "));
    }
    println!("timeline");
    for p in &a.timeline {
        println!(
            "  {}  {:>4} articles {:>4} quotes {:>4} events",
            p.month, p.articles, p.quotes, p.events
        );
    }
    println!("latest articles");
    for art in &a.articles {
        println!(
            "  {} — {}",
            describe(art),
            art.title.as_deref().unwrap_or("")
        );
    }
    if !r.candidates.is_empty() {
        let others: Vec<String> = r
            .candidates
            .iter()
            .map(|c| format!("{} ({}, {} articles)", c.actor.name, c.actor.id, c.articles))
            .collect();
        println!("other actors with this name: {}", others.join("، "));
    }
    Ok(true)
}

/// `isnad quotes`.
pub fn quotes(
    store: &Path,
    format: Format,
    speaker: Option<&str>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    limit: usize,
    offset: usize,
) -> Result<()> {
    let r = open(store)?.quotes(speaker, from, to, limit, offset)?;
    if format == Format::Json {
        return print_json(&r);
    }
    println!("{} quotations", r.total);
    for q in &r.quotes {
        print_quote(q);
    }
    Ok(())
}
