//! Embedded social-media posts: the text that embedding leaves in a scraped article.
//!
//! A tweet embed leaves the post's text followed by a signature
//! `— Display Name (@handle) June 23, 2020` (sometimes on the same line as the text,
//! sometimes with the dash or the date lost, sometimes spaced out: `- Name ( @ handle )`).
//! Instagram leaves `A post shared by Name (@handle) on Jun 23, 2020`. Embeds found in
//! HTML markup arrive as [`EmbedHint`]s and are taken as they are.
//!
//! The stage fills `Doc::posts`, marks the blocks (paragraph kinds) of post texts and
//! signatures, and marks lines that hold no prose (bare links, hashtags) as `other`.

use chrono::NaiveDate;
use isnad_doc::{Doc, EmbedHint, Layer, ParagraphKind, Platform, Post, Span, Stage};
use isnad_text::TokenKind;
use regex::Regex;
use std::sync::LazyLock;

/// The longest post text taken from prose before a signature on the same line, in
/// characters (a tweet is at most 280 characters; links and spacing add a little).
const MAX_INLINE_POST_CHARS: usize = 300;
/// A previous line longer than this is article prose, not a post.
const MAX_POST_LINE_CHARS: usize = 600;

/// `(@handle)`, also spaced out as `( @ handle )`.
static HANDLE_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*@\s*([A-Za-z0-9_][A-Za-z0-9_\-]{0,30})\s*\)").unwrap());

/// Instagram's caption line: "A post shared by Name (@handle)" and its Arabic form; the
/// name is what lies between the phrase and the parenthesis.
static INSTAGRAM_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:a (?:post|photo|video) shared by|تمت مشاركة (?:منشور|صورة|فيديو) بواسطة)\s*([^\n()]{1,80}?)\s*$")
        .unwrap()
});

/// Facebook's embed text: "Posted by Name on Tuesday, June 23, 2020".
static POSTED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)posted by\s+([^\n]{1,80}?)\s+on\s").unwrap());

/// The embedded-posts stage.
#[derive(Debug, Default)]
pub struct PostsStage;

impl Stage for PostsStage {
    fn name(&self) -> &'static str {
        "posts"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Posts]
    }
    fn annotate(&self, doc: &mut Doc) {
        let hints = doc.embeds.clone();
        for hint in &hints {
            let post = post_from_hint(doc, hint);
            add_post(doc, post);
        }
        for p in 0..doc.paragraphs().len() {
            find_signatures(doc, p);
        }
        doc.posts.sort_by_key(|p| p.text.start);
        mark_non_prose(doc);
    }
}

fn add_post(doc: &mut Doc, post: Post) {
    // The same post found twice (markup hint and text signature) is kept once.
    let sig = post.signature;
    if doc.posts.iter().any(|q| {
        q.text.overlaps(post.text)
            || (sig.is_some() && q.signature.zip(sig).is_some_and(|(a, b)| a.overlaps(b)))
    }) {
        return;
    }
    doc.mark_block(post.text, ParagraphKind::Post);
    if let Some(s) = post.signature {
        doc.mark_block(s, ParagraphKind::PostSignature);
    }
    doc.posts.push(post);
}

fn post_from_hint(doc: &Doc, hint: &EmbedHint) -> Post {
    let mut post = Post {
        platform: hint.platform,
        text: hint.text,
        signature: hint.signature,
        author: None,
        handle: None,
        date: None,
        date_span: None,
        author_entity: None,
        url: hint.url.clone(),
    };
    let Some(sig) = hint.signature else {
        return post;
    };
    let s = doc.slice(sig);
    let base = sig.start as usize;
    let mut date_from = sig.start;
    if let Some(m) = HANDLE_PAREN.captures(s) {
        let (whole, h) = (m.get(0).unwrap(), m.get(1).unwrap());
        post.handle = Some(Span::new(base + h.start(), base + h.end()));
        let before = &s[..whole.start()];
        let name = match signature_head(before, false).and_then(|head| head.name) {
            Some((a, b)) => Some((a, b)),
            None => {
                let n = before.trim_start_matches(['—', '–', '-', ' ']).trim();
                let at = before.find(n).unwrap_or(0);
                (!n.is_empty()).then_some((at, at + n.len()))
            }
        };
        post.author = name.map(|(a, b)| Span::new(base + a, base + b));
        date_from = (base + whole.end()) as u32;
    } else if let Some(c) = POSTED_BY.captures(s) {
        let name = c.get(1).unwrap();
        post.author = Some(Span::new(base + name.start(), base + name.end()));
        date_from = (base + c.get(0).unwrap().end()) as u32;
    } else if let Some(i) = s.find("t.me/") {
        // Telegram: the channel is the first segment of the post's address.
        let rest = &s[i + 5..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if len > 0 {
            post.handle = Some(Span::new(base + i + 5, base + i + 5 + len));
        }
    }
    if let Some((d, span)) = date_after(doc, date_from, sig.end) {
        post.date = Some(d);
        post.date_span = Some(span);
    }
    post
}

/// Finds signatures in paragraph `p`.
fn find_signatures(doc: &mut Doc, p: usize) {
    let para = doc.paragraphs()[p];
    let ptext = doc.slice(para.span).to_owned();
    let base = para.span.start as usize;
    // Facebook: "Posted by Name on Tuesday, June 23, 2020" at the start of a line.
    if let Some(c) = POSTED_BY
        .captures(&ptext)
        .filter(|c| ptext[..c.get(0).unwrap().start()].trim().is_empty())
    {
        let name = c.get(1).unwrap();
        let after = (base + c.get(0).unwrap().end()) as u32;
        let (date, date_span) = match date_after(doc, after, para.span.end) {
            Some((d, s)) => (Some(d), Some(s)),
            None => (None, None),
        };
        let sig_end = date_span.map_or(para.span.end, |s| s.end);
        let sig_start = base + c.get(0).unwrap().start();
        let text = post_text(doc, p, sig_start as u32);
        add_post(
            doc,
            Post {
                platform: Platform::Facebook,
                text,
                signature: Some(Span::new(sig_start, sig_end as usize)),
                author: Some(Span::new(base + name.start(), base + name.end())),
                handle: None,
                date,
                date_span,
                author_entity: None,
                url: None,
            },
        );
        return;
    }
    for m in HANDLE_PAREN.captures_iter(&ptext) {
        let paren = m.get(0).unwrap();
        let handle = m.get(1).unwrap();
        let before = &ptext[..paren.start()];
        let Some(SignatureHead {
            platform,
            start: dash_at,
            name,
        }) = signature_head(before, p > 0)
        else {
            continue;
        };
        let sig_start = base + dash_at;
        let mut sig_end = base + paren.end();
        let mut date = None;
        let mut date_span = None;
        let limit = para.span.end;
        if let Some((d, span)) = date_after(doc, sig_end as u32, limit) {
            date = Some(d);
            date_span = Some(span);
            sig_end = span.end as usize;
        }
        sig_end = trailing_links(doc, sig_end as u32, limit) as usize;
        let signature = Span::new(sig_start, sig_end);
        let text = post_text(doc, p, sig_start as u32);
        let name_span = name.map(|(a, b)| Span::new(base + a, base + b));
        let post = Post {
            platform,
            text,
            signature: Some(signature),
            author: name_span,
            handle: Some(Span::new(base + handle.start(), base + handle.end())),
            date,
            date_span,
            author_entity: None,
            url: None,
        };
        add_post(doc, post);
    }
}

/// Where a signature starts, before its `(@handle)`.
struct SignatureHead {
    platform: Platform,
    /// Byte offset of the signature's first character (the dash or the phrase).
    start: usize,
    /// Byte range of the display name.
    name: Option<(usize, usize)>,
}

/// Looks back from a `(@handle)` for the start of the signature: a dash (— – or a
/// spaced hyphen) or Instagram's "A post shared by". `after_a_line`: a paragraph comes
/// before the one of the handle.
fn signature_head(before: &str, after_a_line: bool) -> Option<SignatureHead> {
    if let Some(c) = INSTAGRAM_BY.captures(before) {
        let (whole, name) = (c.get(0).unwrap(), c.get(1).unwrap());
        return Some(SignatureHead {
            platform: Platform::Instagram,
            start: whole.start(),
            name: Some((name.start(), name.end())),
        });
    }
    // A dash within the last 100 characters, the nearest one.
    let window_start = before.char_indices().rev().nth(100).map_or(0, |(i, _)| i);
    let window = &before[window_start..];
    let mut dash = None;
    for (i, c) in window.char_indices().rev() {
        let at = window_start + i;
        match c {
            '—' | '–' | '―' => {
                dash = Some((at, c.len_utf8()));
                break;
            }
            '-' => {
                // A hyphen counts when spaced (" - ") or at the line start ("- Name").
                let prev = before[..at].chars().next_back();
                let next = before[at + 1..].chars().next();
                let spaced_after = next.is_some_and(char::is_whitespace);
                let line_start = prev.is_none_or(|p| p == '\n');
                let spaced_before = prev.is_some_and(char::is_whitespace);
                let double = next == Some('-');
                if spaced_after && (spaced_before || line_start) || double {
                    dash = Some((at, if double { 2 } else { 1 }));
                    break;
                }
            }
            // The period of an initial inside the name ("Donald J . Trump") or of a site's
            // name ("Haaretz . com") goes on.
            '.' if is_initial(&before[..at]) || is_domain_dot(before, at) => {}
            '\n' | '.' | '؟' | '!' | '»' | '"' | '”' => break,
            _ => {}
        }
    }
    // "( @ handle )" opening its line: the dash and the name were both lost. A line of a
    // few words and the handle, "ثائر الفارس ( @ THAERSORY )": the dash alone was lost
    // (the corpora's lines that open so are all signatures).
    if dash.is_none() {
        let line = before.rsplit('\n').next().unwrap_or(before);
        let name = line.trim();
        let words = name.split_whitespace().count();
        // The name's line follows the post's, and reads as no clause ("كتب الوزير").
        let after_a_line = after_a_line || line.len() < before.len();
        let clause = name.split_whitespace().any(|w| {
            let n = isnad_text::normalize(w);
            matches!(n.as_str(), "ان" | "انه" | "انها")
                || isnad_resources::reporting().word(&n, false).is_some()
        });
        if name.is_empty() || (after_a_line && !clause && words <= 4 && name.chars().count() <= 40)
        {
            let ns = before.len() - line.len() + (line.len() - line.trim_start().len());
            return Some(SignatureHead {
                platform: Platform::Twitter,
                start: if name.is_empty() { before.len() } else { ns },
                name: (!name.is_empty()).then_some((ns, ns + name.len())),
            });
        }
    }
    let (at, len) = dash?;
    let name_raw = &before[at + len..];
    let name = name_raw.trim();
    if name.chars().count() > 80 || name.split_whitespace().count() > 10 {
        return None;
    }
    // A scraper may lose the display name and leave "- ( @ handle )": the dash right
    // before the handle still signs the post.
    let ns = at + len + (name_raw.len() - name_raw.trim_start().len());
    Some(SignatureHead {
        platform: Platform::Twitter,
        start: at,
        name: (!name.is_empty()).then_some((ns, ns + name.len())),
    })
}

/// True when the period at byte `at` of `before` joins a site's name to its top-level
/// domain, spaced or not: "Haaretz.com", "Haaretz . com".
fn is_domain_dot(before: &str, at: usize) -> bool {
    let name_before = before[..at]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let after = before[at + 1..].trim_start();
    let tld_len = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    name_before
        && matches!(
            &after[..tld_len],
            "com" | "net" | "org" | "co" | "tv" | "info" | "news"
        )
}

/// True when `before` ends with a name's initial or abbreviated title: one capital Latin
/// letter ("Donald J" of "Donald J . Trump") or one Arabic letter ("د" of "د . رياض
/// حجاب", doctor) after a space, a dash or the line start, maybe followed by a space.
fn is_initial(before: &str) -> bool {
    let mut rest = before.trim_end().chars().rev();
    let letter = rest
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || ('\u{0621}'..='\u{064A}').contains(&c));
    letter
        && rest
            .next()
            .is_none_or(|c| c == ' ' || c == '\n' || c == '-')
}

const ENGLISH_WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A date right after `from` (skipping white space, "on"/"في"): `June 23, 2020`,
/// `23 June 2020`, `يونيو 23, 2020`, `٢٣ يونيو ٢٠٢٠`, also spaced (`November 13 , 2017`).
fn date_after(doc: &Doc, from: u32, limit: u32) -> Option<(NaiveDate, Span)> {
    let tokens = doc.tokens();
    let mut i = doc.text_layers.token_at_or_after(from);
    let norm = |k: usize| -> &str { doc.text_layers.norm_text(&tokens[k]) };
    let cal = isnad_resources::calendar();
    let in_range = |k: usize| k < tokens.len() && tokens[k].span.end <= limit;
    // Skip a connecting word and a weekday ("on Tuesday, June 23, 2020").
    if in_range(i) && matches!(norm(i), "on" | "في" | "بتاريخ") {
        i += 1;
    }
    if in_range(i) && (ENGLISH_WEEKDAYS.contains(&norm(i)) || cal.weekday(norm(i)).is_some()) {
        i += 1;
        if in_range(i) && matches!(norm(i), "," | "،") {
            i += 1;
        }
    }
    let number = |k: usize| -> Option<u32> {
        (in_range(k) && tokens[k].kind == TokenKind::Number)
            .then(|| norm(k).parse().ok())
            .flatten()
    };
    let month = |k: usize| -> Option<u32> {
        if !in_range(k) {
            return None;
        }
        let t = norm(k);
        cal.month(t).or_else(|| cal.month(t.trim_end_matches('.')))
    };
    let comma = |k: usize| in_range(k) && matches!(norm(k), "," | "،");
    let finish = |y: u32, m: u32, d: u32, last: usize| {
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        Some((
            date,
            Span::new(
                tokens[i].span.start as usize,
                tokens[last].span.end as usize,
            ),
        ))
    };
    // Month D, YYYY
    if let (Some(m), Some(d)) = (month(i), number(i + 1)) {
        let y_at = if comma(i + 2) { i + 3 } else { i + 2 };
        if let Some(y) = number(y_at).filter(|y| (1990..2100).contains(y)) {
            return finish(y, m, d, y_at);
        }
    }
    // D Month YYYY
    if let (Some(d), Some(m)) = (number(i), month(i + 1)) {
        let y_at = if comma(i + 2) { i + 3 } else { i + 2 };
        if let Some(y) = number(y_at).filter(|y| (1990..2100).contains(y)) {
            return finish(y, m, d, y_at);
        }
    }
    None
}

/// Extends a signature over trailing links (`pic.twitter.com/...`, `https://t.co/...`)
/// and Instagram's "at 3:12am PDT".
fn trailing_links(doc: &Doc, from: u32, limit: u32) -> u32 {
    let tokens = doc.tokens();
    let mut end = from;
    let mut i = doc.text_layers.token_at_or_after(from);
    while i < tokens.len() && tokens[i].span.end <= limit && tokens[i].kind == TokenKind::Url {
        end = tokens[i].span.end;
        i += 1;
    }
    end
}

/// Whether `span` opens with a reporting verb joined by و/ف ("وتابع", "وقال"): the
/// article's prose, not a post's.
fn opens_with_reporting_verb(doc: &Doc, span: Span) -> bool {
    let i = doc.text_layers.token_at_or_after(span.start);
    doc.tokens()
        .get(i)
        .filter(|t| t.span.start < span.end && t.kind == TokenKind::Arabic)
        .and_then(|t| isnad_resources::reporting().word(doc.text_layers.norm_text(t), false))
        .is_some_and(|(cue, conj, _)| conj && cue.role == isnad_resources::CueRole::Verb)
}

fn starts_with_conjunction(doc: &Doc, span: Span) -> bool {
    let tokens = doc.tokens();
    let i = doc.text_layers.token_at_or_after(span.start);
    let Some(t) = tokens.get(i).filter(|t| t.span.start < span.end) else {
        return false;
    };
    let text = doc.text_layers.norm_text(t);
    t.clitics.has(isnad_text::Prefix::Wa)
        || t.clitics.has(isnad_text::Prefix::Fa)
        || matches!(text, "و" | "ف")
}

fn introduces_post(s: &str) -> bool {
    isnad_text::normalize(s).trim_end().ends_with(':') || mentions_platform(s)
}

/// Whether prose names a social platform or an account ("في تغريدة على حسابه في تويتر").
fn mentions_platform(s: &str) -> bool {
    let n = isnad_text::normalize(s);
    [
        "تويتر",
        "تغريد",
        "حسابه",
        "حسابها",
        "انستغرام",
        "انستقرام",
        "فيسبوك",
        "فيس بوك",
        "التواصل الاجتماعي",
    ]
    .iter()
    .any(|k| n.contains(k))
}

/// The post's own text before a signature that starts at `sig_start` in paragraph `p`:
/// the prose before the dash on the same line (its last sentences, up to a tweet's
/// length), or the previous line when the signature opens its line.
fn post_text(doc: &Doc, p: usize, sig_start: u32) -> Span {
    let para = doc.paragraphs()[p];
    let before_signature = Span::new(para.span.start as usize, sig_start as usize);
    // A second signature on the line: its post starts after the first one's signature.
    let start = last_signature_end(doc, before_signature).unwrap_or(para.span.start);
    let same_line = isnad_doc::trim_span(&doc.text, Span::new(start as usize, sig_start as usize));
    if !same_line.is_empty() {
        let text = trailing_sentences(doc, same_line);
        return earlier_lines_of_post(doc, p, text).unwrap_or(text);
    }
    if p == 0 {
        return Span::new(sig_start as usize, sig_start as usize);
    }
    let prev = doc.paragraphs()[p - 1].span;
    if let Some(end) = last_signature_end(doc, prev) {
        // Two embeds in a row with their line breaks lost: the text after the previous
        // signature is this post's, unless the article's prose goes on there ("وقال ...").
        let after = isnad_doc::trim_span(&doc.text, Span::new(end as usize, prev.end as usize));
        if after.is_empty() || starts_with_conjunction(doc, after) {
            return Span::new(sig_start as usize, sig_start as usize);
        }
        return trailing_sentences(doc, after);
    }
    // A line before that opens with "وقال"/"وتابع" is the article's prose: the post is its
    // last sentences after that prose. When none is left, or what is left is the
    // article's quotation in marks ("وتابع : \" ... \""), the post's own text was lost
    // and only its signature is left.
    if opens_with_reporting_verb(doc, prev) {
        let text = trailing_sentences(doc, prev);
        let line = isnad_doc::trim_span(&doc.text, prev);
        let quoted = doc
            .slice(text)
            .chars()
            .next()
            .is_some_and(isnad_text::chars::is_quote_mark);
        if text.start == line.start || quoted {
            return Span::new(sig_start as usize, sig_start as usize);
        }
        return text;
    }
    if doc.slice(prev).chars().count() <= MAX_POST_LINE_CHARS && !introduces_post(doc.slice(prev)) {
        return strip_trailing_links(doc, prev);
    }
    trailing_sentences(doc, prev)
}

/// Where the last post signature inside `span` ends, if one does.
fn last_signature_end(doc: &Doc, span: Span) -> Option<u32> {
    doc.posts
        .iter()
        .filter_map(|q| q.signature)
        .filter(|s| s.overlaps(span))
        .map(|s| s.end)
        .max()
}

/// A post whose text on the signature's line is one word (`text`, which opens its line) is
/// the last line of a post written on several lines: a post of one word is rare, and a
/// short one ("Thanks anyway !") may follow the article's own line. Its earlier lines are
/// the last sentences of the lines before, as long as the whole fits in a post and they do
/// not read as the article's own prose. `None` when nothing is added.
fn earlier_lines_of_post(doc: &Doc, p: usize, text: Span) -> Option<Span> {
    let line_start = isnad_doc::trim_span(&doc.text, doc.paragraphs()[p].span).start;
    let words = doc.tokens()[doc.text_layers.tokens_in(text)]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    if text.start != line_start || words != 1 {
        return None;
    }
    let mut chars = doc.slice(text).chars().count();
    let mut start = text.start;
    for q in (0..p).rev() {
        let line = isnad_doc::trim_span(&doc.text, doc.paragraphs()[q].span);
        if line.is_empty()
            || last_signature_end(doc, line).is_some()
            || introduces_post(doc.slice(line))
        {
            break;
        }
        let tail = trailing_sentences(doc, line);
        let n = doc.slice(tail).chars().count();
        if tail.is_empty()
            || chars + n > MAX_INLINE_POST_CHARS
            || starts_with_conjunction(doc, tail)
        {
            break;
        }
        chars += n;
        start = tail.start;
        if tail.start != line.start {
            break;
        }
    }
    (start != text.start).then_some(Span::new(start as usize, text.end as usize))
}

/// The last sentences of `span`, as long as they fit in a post and do not read as the
/// article's own prose (a sentence opening with و/ف, or one that introduces the post).
fn trailing_sentences(doc: &Doc, span: Span) -> Span {
    let mut chunks: Vec<Span> = doc
        .sentences()
        .iter()
        .filter(|s| s.span.overlaps(span))
        .map(|s| Span {
            start: s.span.start.max(span.start),
            end: s.span.end.min(span.end),
        })
        .collect();
    // Marks the splitter cut off as sentences of their own ("ضد ! ! !") end the sentence
    // before them.
    let has_word = |c: &Span| {
        doc.tokens()[doc.text_layers.tokens_in(*c)]
            .iter()
            .any(|t| t.kind != TokenKind::Punct)
    };
    while chunks.len() > 1 && chunks.last().is_some_and(|c| !has_word(c)) {
        let end = chunks.pop().map_or(span.end, |c| c.end);
        if let Some(c) = chunks.last_mut() {
            c.end = end;
        }
    }
    let Some(last) = chunks.pop() else {
        return span;
    };
    let mut start = last.start;
    let mut chars = doc.slice(last).chars().count();
    while let Some(prev) = chunks.pop() {
        if starts_with_conjunction(doc, prev) {
            break;
        }
        let n = doc.slice(prev).chars().count();
        if chars + n > MAX_INLINE_POST_CHARS || introduces_post(doc.slice(prev)) {
            break;
        }
        chars += n;
        start = prev.start;
    }
    // "وكتب فلان في تغريدة على حسابه ...: The Meeting ...": the article's lead-in before a
    // colon is not the post.
    let candidate = Span {
        start,
        end: span.end,
    };
    if let Some(colon) = doc.tokens()[doc.text_layers.tokens_in(candidate)]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Punct && doc.slice(t.span) == ":")
    {
        let lead = Span {
            start,
            end: colon.span.start,
        };
        let rest = isnad_doc::trim_span(
            &doc.text,
            Span {
                start: colon.span.end,
                end: span.end,
            },
        );
        if !rest.is_empty()
            && (starts_with_conjunction(doc, lead) || mentions_platform(doc.slice(lead)))
        {
            start = rest.start;
        }
    }
    // A spaced ellipsis (". .") leaves its last dot at the start of a sentence.
    let first_word = doc.tokens()[doc.text_layers.tokens_in(Span {
        start,
        end: span.end,
    })]
    .iter()
    .find(|t| t.kind != TokenKind::Punct || !matches!(doc.slice(t.span), "." | "،" | "," | "؛"));
    if let Some(t) = first_word {
        start = t.span.start;
    }
    let text = strip_trailing_links(
        doc,
        Span {
            start,
            end: span.end,
        },
    );
    latin_tail(doc, text).unwrap_or(text)
}

/// An English post inline after the article's Arabic sentence ("... بإسقاطها . Israel
/// had confirmed ... - Haaretz . com ( @ haaretzcom )"): the words after the last Arabic
/// one, when there are at least three of them in Latin script and no link.
fn latin_tail(doc: &Doc, text: Span) -> Option<Span> {
    let tokens = &doc.tokens()[doc.text_layers.tokens_in(text)];
    let last_arabic = tokens.iter().rposition(|t| t.kind == TokenKind::Arabic)?;
    let tail = &tokens[last_arabic + 1..];
    let is_latin =
        |t: &&isnad_text::Token| t.kind == TokenKind::Foreign && doc.slice(t.span).is_ascii();
    // A link the scraper spaced out ("pic . twitter . com / IFbj4Jpiin") is no post.
    let link = tail
        .iter()
        .any(|t| t.kind == TokenKind::Url || doc.slice(t.span) == "/");
    let latin = tail.iter().filter(is_latin).count();
    let first = tail.iter().find(is_latin)?;
    (latin >= 3 && !link).then_some(Span::new(first.span.start as usize, text.end as usize))
}

/// Trailing `pic.twitter.com/...` and `t.co` links are attachments, not the post's text.
fn strip_trailing_links(doc: &Doc, span: Span) -> Span {
    let r = doc.text_layers.tokens_in(span);
    let tokens = &doc.tokens()[r];
    let mut end = span.end;
    for t in tokens.iter().rev() {
        if t.kind == TokenKind::Url {
            end = t.span.start;
        } else {
            break;
        }
    }
    isnad_doc::trim_span(
        &doc.text,
        Span {
            start: span.start,
            end,
        },
    )
}

/// Lines with no prose at all (only links, handles, hashtags, numbers, punctuation) are
/// `other`.
fn mark_non_prose(doc: &mut Doc) {
    let mut marks = Vec::new();
    for b in &doc.blocks {
        if b.kind != ParagraphKind::Body {
            continue;
        }
        let r = doc.text_layers.tokens_in(b.span);
        let words = doc.tokens()[r]
            .iter()
            .filter(|t| t.kind.is_word() && t.norm.len() > 2)
            .count();
        if words == 0 {
            marks.push(b.span);
        }
    }
    for s in marks {
        doc.mark_block(s, ParagraphKind::Other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_doc::DocMeta;

    fn doc(text: &str) -> Doc {
        let mut d = Doc::new(
            DocMeta::default(),
            text.into(),
            isnad_resources::word_counts(),
        )
        .unwrap();
        PostsStage.annotate(&mut d);
        d
    }

    #[test]
    fn signature_on_its_own_line() {
        let text = "وأوضح الوزير أن الاجتماع كان مثمرا.\nاجتماع إيجابي مع السفير الأمريكي بشأن دعم الاستقرار\n— وزير الداخلية (@some_minister) June 23, 2020\nوأضاف أن العمل مستمر.";
        let d = doc(text);
        assert_eq!(d.posts.len(), 1);
        let p = &d.posts[0];
        assert_eq!(
            d.slice(p.text),
            "اجتماع إيجابي مع السفير الأمريكي بشأن دعم الاستقرار"
        );
        assert_eq!(d.slice(p.author.unwrap()), "وزير الداخلية");
        assert_eq!(d.slice(p.handle.unwrap()), "some_minister");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2020, 6, 23));
        assert_eq!(p.platform, Platform::Twitter);
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ParagraphKind::Body,
                ParagraphKind::Post,
                ParagraphKind::PostSignature,
                ParagraphKind::Body
            ]
        );
    }

    /// The texts of the posts of `d`, in order.
    fn post_texts(d: &Doc) -> Vec<&str> {
        d.posts.iter().map(|p| d.slice(p.text)).collect()
    }

    #[test]
    fn embeds_run_together_on_one_line() {
        // Line breaks lost between two embeds: the second post starts after the first
        // signature, not at the start of the line.
        let text = "No hits confirmed - IDF ( @ IDFSpokesperson ) البطارية أطلقت صاروخا على طائرة كانت في مهمة - افيخاي ادرعي ( @ AvichayAdraee ) وقال موقع إن حادثا خطيرا وقع.\n- ( @ noamamir74 ) الناطق أوضح أن الطائرة عادت.";
        let d = doc(text);
        assert_eq!(
            post_texts(&d),
            vec![
                "No hits confirmed",
                "البطارية أطلقت صاروخا على طائرة كانت في مهمة",
                // The article's prose after the second signature ("وقال ...") is not the
                // text of the post signed on the next line.
                "",
            ]
        );
    }

    #[test]
    fn post_text_after_the_previous_lines_signature() {
        let text = "صور للآليات لحظة عبورها الحدود - خالد ( @ khalid_a ) مقطع يظهر دخول دبابات إلى المحافظة.\n- خالد شعبان ( @ Khaled_q ) وتشكل المحافظة واحدة من أربع مناطق.";
        let d = doc(text);
        assert_eq!(
            post_texts(&d),
            vec![
                "صور للآليات لحظة عبورها الحدود",
                "مقطع يظهر دخول دبابات إلى المحافظة."
            ]
        );
    }

    #[test]
    fn a_post_written_on_several_lines() {
        // Only the last word of the post shares the signature's line; its earlier lines
        // are the lines before, back to the article's own sentence (with و).
        let text = "وأكد النبأ أحد مساعديه مقدما التعازي. رحمة الله على الرئيس السابق.\nأعزي الشعب اليمني وأسرة الزعيم في مصابهم.\nسينتصر - علي البخيتي ( @ Ali_Albukhaiti ) وتداول الناشطون صورا.";
        let d = doc(text);
        assert_eq!(
            post_texts(&d),
            vec!["رحمة الله على الرئيس السابق.\nأعزي الشعب اليمني وأسرة الزعيم في مصابهم.\nسينتصر"]
        );
        // A longer line before the signature is the whole post.
        let text = "أعلنت الوزارة اليوم إطلاق خدمة جديدة.\nاجتماع إيجابي مع السفير بشأن دعم الاستقرار - الوزير ( @ minister ) June 23, 2020";
        assert_eq!(
            post_texts(&doc(text)),
            vec!["اجتماع إيجابي مع السفير بشأن دعم الاستقرار"]
        );
    }

    #[test]
    fn signature_inline_after_prose() {
        let text = "وقالت الهيئة إن التقرير الأولي يفيد بوجود 4 أشخاص. يأسف المكتب للإعلان عن تحطم طائرة خاصة اليوم الساعة 14:08.— هيئة الطيران المدني (@aviation_body) July 31, 2015 وتابعت الهيئة عملها.";
        let d = doc(text);
        assert_eq!(d.posts.len(), 1);
        let p = &d.posts[0];
        assert_eq!(
            d.slice(p.text),
            "يأسف المكتب للإعلان عن تحطم طائرة خاصة اليوم الساعة 14:08."
        );
        assert_eq!(
            d.slice(p.signature.unwrap()),
            "— هيئة الطيران المدني (@aviation_body) July 31, 2015"
        );
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2015, 7, 31));
    }

    #[test]
    fn arabic_month_and_spaced_signature_without_date() {
        let d = doc("اجتماع مثمر وبناء مع الوزير— عادل الجبير (@a_jubeir) أغسطس 3, 2015");
        assert_eq!(d.posts[0].date, NaiveDate::from_ymd_opt(2015, 8, 3));
        let d = doc("هذه جريمة لا تغتفر .\n- جمال خاشقجي ( @ JKhashoggi ) جاء ذلك في تغريدة .");
        let p = &d.posts[0];
        assert_eq!(d.slice(p.text), "هذه جريمة لا تغتفر .");
        assert_eq!(d.slice(p.author.unwrap()), "جمال خاشقجي");
        assert_eq!(p.date, None);
        assert_eq!(
            d.blocks.last().map(|b| d.slice(b.span)),
            Some("جاء ذلك في تغريدة .")
        );
    }

    #[test]
    fn signature_with_the_dash_lost_or_an_arabic_abbreviation_in_the_name() {
        // A line of a name and the handle: the dash alone was lost.
        let d = doc(
            "تصدر الفصائل بيانا ضد القصف ! ! !\nثائر الفارس ( @ THAERSORY ) وأثار البيان ردودا .",
        );
        let p = &d.posts[0];
        assert_eq!(d.slice(p.author.unwrap()), "ثائر الفارس");
        assert_eq!(d.slice(p.text), "تصدر الفصائل بيانا ضد القصف ! ! !");
        // "د ." (doctor) inside the name; the line before is the article quoting the
        // statement, so the post's own text was lost.
        let d = doc("وتابع : \" أجد نفسي مضطرا لإعلان استقالتي \" .\n- د . رياض حجاب ( @ MediaPmoffice ) وتأتي الاستقالة .");
        let p = &d.posts[0];
        assert_eq!(d.slice(p.author.unwrap()), "د . رياض حجاب");
        assert!(p.text.is_empty(), "{:?}", d.slice(p.text));
    }

    #[test]
    fn signature_of_a_site_with_its_domain() {
        for (name, handle) in [
            ("Haaretz . com", "( @ haaretzcom )"),
            ("Haaretz.com", "(@haaretzcom)"),
        ] {
            let text = format!(
                "قبل إعطاء الأمر . Israel had confirmed it before shooting it - {name} {handle} وقال الوزير : إن \" كذا \" ."
            );
            let d = doc(&text);
            assert_eq!(
                post_texts(&d),
                ["Israel had confirmed it before shooting it"],
                "{name}"
            );
            assert_eq!(d.slice(d.posts[0].author.unwrap()), name);
        }
    }

    #[test]
    fn signature_with_the_name_lost_or_an_initial_in_it() {
        let d = doc("كتب .\nThank you to the US for opposing resolution - ( @ giladerdan1 ) وادعى بعض النواب .");
        let p = &d.posts[0];
        assert_eq!(
            d.slice(p.text),
            "Thank you to the US for opposing resolution"
        );
        assert_eq!(d.slice(p.handle.unwrap()), "giladerdan1");
        assert!(p.author.is_none());
        let d = doc("رفضت العرض .\nThanks anyway ! - Donald J . Trump ( @ realDonaldTrump ) وقد اختارت المجلة .");
        let p = &d.posts[0];
        assert_eq!(d.slice(p.author.unwrap()), "Donald J . Trump");
        assert_eq!(d.slice(p.text), "Thanks anyway !");
        // Dash and name both lost: the handle opens the line after the post.
        let d = doc("وقال الشرعي إنه اعتقل في تركيا .\nغضب علي ناشطون واتهموني بأني جاهل بالواقع\n( @ mgsa2006 ) الأحمد ينفي تصريحات .");
        assert_eq!(
            post_texts(&d),
            vec!["غضب علي ناشطون واتهموني بأني جاهل بالواقع"]
        );
        // A handle in parentheses inside prose signs nothing.
        assert!(doc("كتب الوزير ( @ minister ) أن الاجتماع انتهى .")
            .posts
            .is_empty());
    }

    #[test]
    fn the_articles_sentence_on_social_media_is_not_the_post() {
        let d = doc("هذا وتناقل رواد مواقع التواصل الاجتماعي أنباء عن سقوط طائرة . إسقاط طائرة حربية فوق قرية دون تأكيد - simo kurd ( @ simo_kurd ) المصدر : وكالات");
        assert_eq!(post_texts(&d), vec!["إسقاط طائرة حربية فوق قرية دون تأكيد"]);
    }

    #[test]
    fn instagram_caption() {
        let d = doc("صورة من الحفل مع الأصدقاء\nA post shared by Some Star (@somestar) on Jun 23, 2020 at 3:12am PDT");
        let p = &d.posts[0];
        assert_eq!(p.platform, Platform::Instagram);
        assert_eq!(d.slice(p.author.unwrap()), "Some Star");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2020, 6, 23));
    }

    #[test]
    fn facebook_text_signature() {
        let d =
            doc("نص المنشور على الصفحة الرسمية\nPosted by Some Ministry on Tuesday, June 23, 2020");
        let p = &d.posts[0];
        assert_eq!(p.platform, Platform::Facebook);
        assert_eq!(d.slice(p.author.unwrap()), "Some Ministry");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2020, 6, 23));
        assert_eq!(d.slice(p.text), "نص المنشور على الصفحة الرسمية");
    }

    #[test]
    fn html_embeds_become_posts() {
        let html = r#"<html><body><article>
<p>قال المتحدث باسم الوزارة إن الاجتماع كان مثمرا، وأضاف أن الجولة المقبلة ستعقد قريبا في العاصمة.</p>
<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/AbC/"><div><p>صورة من الاجتماع</p><p><a href="https://www.instagram.com/p/AbC/">A post shared by Some Star (@somestar)</a> on <time datetime="2020-06-23T10:00:00+00:00">Jun 23, 2020 at 3:12am PDT</time></p></div></blockquote>
<div class="fb-post" data-href="https://www.facebook.com/ministry/posts/1"><blockquote cite="https://www.facebook.com/ministry/posts/1" class="fb-xfbml-parse-ignore"><p>بيان الوزارة حول الاجتماع</p>Posted by <a href="https://www.facebook.com/ministry">Ministry Page</a> on <a href="https://www.facebook.com/ministry/posts/1">Tuesday, June 23, 2020</a></blockquote></div>
<script async src="https://telegram.org/js/telegram-widget.js" data-telegram-post="newschannel/42"></script>
</article></body></html>"#;
        let page = isnad_input::html::extract(html);
        let mut d = Doc::new(
            DocMeta::default(),
            page.text,
            isnad_resources::word_counts(),
        )
        .unwrap();
        d.embeds = page.embeds;
        PostsStage.annotate(&mut d);
        type Row<'a> = (
            Platform,
            Option<&'a str>,
            Option<&'a str>,
            Option<NaiveDate>,
        );
        let got: Vec<Row> = d
            .posts
            .iter()
            .map(|p| {
                (
                    p.platform,
                    p.author.map(|a| d.slice(a)),
                    p.handle.map(|h| d.slice(h)),
                    p.date,
                )
            })
            .collect();
        let june23 = NaiveDate::from_ymd_opt(2020, 6, 23);
        assert!(
            got.contains(&(
                Platform::Instagram,
                Some("Some Star"),
                Some("somestar"),
                june23
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(Platform::Facebook, Some("Ministry Page"), None, june23)),
            "{got:?}"
        );
        assert!(
            got.contains(&(Platform::Telegram, None, Some("newschannel"), None)),
            "{got:?}"
        );
    }

    #[test]
    fn hyphenated_words_are_not_signatures() {
        let d = doc("قال إن الرئيس-المنتخب (@x) سيحضر.");
        assert!(d.posts.is_empty());
    }
}
