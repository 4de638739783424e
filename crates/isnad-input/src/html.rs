//! HTML pages → article text: the main content is found by where the paragraph text is
//! (a readability-style score over block containers), boilerplate (navigation, headers,
//! footers, share bars, related links, scripts) is dropped, and embedded posts
//! (`<blockquote class="twitter-tweet">`, Instagram, Facebook and Telegram embeds) are
//! rendered as their text followed by a signature line, and reported as [`EmbedHint`]s.

use chrono::NaiveDate;
use isnad_doc::{EmbedHint, Platform, Span};
use scraper::{ElementRef, Html, Node, Selector};

/// What was extracted from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The article text: one paragraph per line.
    pub text: String,
    /// The page title (`og:title`, `<title>` or the first `<h1>`).
    pub title: Option<String>,
    /// The publication date from the page's metadata.
    pub published: Option<NaiveDate>,
    /// The canonical URL.
    pub url: Option<String>,
    /// Embedded posts rendered into `text`.
    pub embeds: Vec<EmbedHint>,
}

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "select", "input", "textarea", "iframe", "object", "embed", "canvas", "video",
    "audio", "map", "head", "menu",
];

/// Words in class or id names that mark boilerplate.
const BOILERPLATE: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "sidebar",
    "comment",
    "share",
    "social",
    "related",
    "advert",
    "ads",
    "promo",
    "breadcrumb",
    "cookie",
    "subscribe",
    "newsletter",
    "widget",
    "banner",
    "popup",
    "modal",
    "tags",
    "pagination",
    "most-read",
    "mostread",
    "trending",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "tbody",
    "thead",
    "figure",
    "center",
];

fn is_boilerplate(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = v.attr("style") {
        let s = style.replace(' ', "").to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    let names = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    names
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .any(|w| {
            BOILERPLATE.iter().any(|b| {
                w == *b || w.starts_with(&format!("{b}-")) || w.ends_with(&format!("-{b}"))
            })
        })
}

/// Which platform an element embeds, if it is an embed.
fn embed_platform(el: &ElementRef) -> Option<Platform> {
    let v = el.value();
    let class = v.attr("class").unwrap_or("");
    if class.contains("twitter-tweet") || class.contains("twitter-video") {
        return Some(Platform::Twitter);
    }
    if class.contains("instagram-media") {
        return Some(Platform::Instagram);
    }
    if class.contains("fb-post") || class.contains("fb-xfbml-parse-ignore") {
        return Some(Platform::Facebook);
    }
    if v.name() == "script" && v.attr("data-telegram-post").is_some() {
        return Some(Platform::Telegram);
    }
    if class.contains("telegram-post") {
        return Some(Platform::Telegram);
    }
    None
}

/// Collapses white space; `<br>` becomes a line break.
fn inline_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if e.name() == "br" {
                    out.push('\n');
                } else if let Some(c) = ElementRef::wrap(child) {
                    if !SKIP_TAGS.contains(&e.name()) {
                        inline_text(c, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn clean(s: &str) -> String {
    s.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A piece of the page's text in document order.
enum Block {
    Text(String),
    Embed {
        platform: Platform,
        text: String,
        signature: Option<String>,
        url: Option<String>,
    },
}

struct Walker {
    blocks: Vec<Block>,
}

impl Walker {
    fn walk(&mut self, el: ElementRef) {
        if let Some(platform) = embed_platform(&el) {
            self.blocks.push(render_embed(el, platform));
            return;
        }
        if is_boilerplate(&el) {
            return;
        }
        let mut pending = String::new();
        for child in el.children() {
            match child.value() {
                Node::Text(t) => pending.push_str(t),
                Node::Element(e) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let is_block = BLOCK_TAGS.contains(&e.name()) || embed_platform(&c).is_some();
                    if e.name() == "br" {
                        pending.push('\n');
                    } else if is_block {
                        self.flush(&mut pending);
                        self.walk(c);
                    } else if !is_boilerplate(&c) {
                        inline_text(c, &mut pending);
                    }
                }
                _ => {}
            }
        }
        self.flush(&mut pending);
    }

    fn flush(&mut self, pending: &mut String) {
        let t = clean(pending);
        if !t.is_empty() {
            self.blocks.push(Block::Text(t));
        }
        pending.clear();
    }
}

fn render_embed(el: ElementRef, platform: Platform) -> Block {
    let p = Selector::parse("p").unwrap();
    let a = Selector::parse("a").unwrap();
    let mut text = String::new();
    for para in el.select(&p) {
        let mut t = String::new();
        inline_text(para, &mut t);
        let t = clean(&t);
        // Instagram's credit line belongs to the signature, not to the post.
        let credit = platform == Platform::Instagram
            && (t.to_lowercase().contains("shared by")
                || t.contains("بواسطة")
                || t.contains("View this post"));
        if !t.is_empty() && !credit {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&t);
        }
    }
    let mut all = String::new();
    inline_text(el, &mut all);
    let all = clean(&all);
    let links: Vec<String> = el
        .select(&a)
        .filter_map(|x| x.value().attr("href").map(str::to_owned))
        .collect();
    let url = match platform {
        Platform::Twitter => links.iter().rev().find(|l| l.contains("/status/")).cloned(),
        Platform::Instagram => el
            .value()
            .attr("data-instgrm-permalink")
            .map(str::to_owned)
            .or_else(|| {
                links
                    .iter()
                    .find(|l| l.contains("instagram.com/p/"))
                    .cloned()
            }),
        Platform::Facebook => el
            .value()
            .attr("data-href")
            .or_else(|| el.value().attr("cite"))
            .map(str::to_owned),
        Platform::Telegram => el
            .value()
            .attr("data-telegram-post")
            .map(|p| format!("https://t.me/{p}")),
        Platform::Other => None,
    };
    // What is left of the embed once the post text is taken out is its signature.
    let mut signature = all.clone();
    for line in text.lines() {
        if let Some(pos) = signature.find(line) {
            signature.replace_range(pos..pos + line.len(), "");
        }
    }
    let mut signature = clean(&signature).replace('\n', " ");
    if platform == Platform::Twitter && !signature.is_empty() && !signature.starts_with('—') {
        signature = format!("— {}", signature.trim_start_matches(['-', '–', ' ']));
    }
    if platform == Platform::Telegram && signature.is_empty() {
        if let Some(u) = &url {
            signature = format!("— Telegram {u}");
        }
    }
    Block::Embed {
        platform,
        text,
        signature: (!signature.is_empty()).then_some(signature),
        url,
    }
}

fn meta_content(doc: &Html, selectors: &[&str]) -> Option<String> {
    for s in selectors {
        let sel = Selector::parse(s).ok()?;
        if let Some(el) = doc.select(&sel).next() {
            let v = el
                .value()
                .attr("content")
                .or_else(|| el.value().attr("datetime"))
                .or_else(|| el.value().attr("href"))
                .map(str::trim)
                .filter(|v| !v.is_empty());
            if let Some(v) = v {
                return Some(v.to_owned());
            }
        }
    }
    None
}

fn parse_date_prefix(s: &str) -> Option<NaiveDate> {
    s.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// Scores each container by the paragraph text directly below it (readability's idea):
/// a paragraph adds its length to its parent and half of it to its grandparent.
fn main_container(doc: &Html) -> Option<ElementRef<'_>> {
    let p = Selector::parse("p, pre, blockquote:not(.twitter-tweet)").unwrap();
    let mut scores: Vec<(ego_tree::NodeId, f64)> = Vec::new();
    let mut add = |id: ego_tree::NodeId, v: f64| match scores.iter_mut().find(|(k, _)| *k == id) {
        Some(e) => e.1 += v,
        None => scores.push((id, v)),
    };
    for para in doc.select(&p) {
        let mut t = String::new();
        inline_text(para, &mut t);
        let len = t.trim().chars().count() as f64;
        if len < 25.0 {
            continue;
        }
        // Commas are a sign of prose (Arabic and Latin).
        let bonus = t.matches(['،', ',']).count() as f64 * 10.0;
        let score = len + bonus;
        if let Some(parent) = para.parent() {
            add(parent.id(), score);
            if let Some(gp) = parent.parent() {
                add(gp.id(), score / 2.0);
            }
        }
    }
    let best = scores
        .into_iter()
        .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))?;
    doc.tree.get(best.0).and_then(ElementRef::wrap)
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str) -> HtmlArticle {
    let doc = Html::parse_document(html);
    let title = meta_content(
        &doc,
        &["meta[property='og:title']", "meta[name='twitter:title']"],
    )
    .or_else(|| {
        let sel = Selector::parse("title, h1").unwrap();
        doc.select(&sel).find_map(|e| {
            let mut t = String::new();
            inline_text(e, &mut t);
            let t = clean(&t).replace('\n', " ");
            (!t.is_empty()).then_some(t)
        })
    });
    let published = meta_content(
        &doc,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='date']",
            "meta[name='DC.date.issued']",
        ],
    )
    .or_else(|| {
        // A <time> of the page itself, not one inside an embedded post.
        let sel = Selector::parse("time[datetime]").unwrap();
        doc.select(&sel)
            .find(|t| {
                !t.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|a| embed_platform(&a).is_some())
            })
            .and_then(|t| t.value().attr("datetime").map(str::to_owned))
    })
    .and_then(|d| parse_date_prefix(&d));
    let url = meta_content(&doc, &["link[rel='canonical']", "meta[property='og:url']"]);

    // Prefer an explicit article element when it holds most of the prose.
    let explicit =
        Selector::parse("[itemprop='articleBody'], article, main, [role='main']").unwrap();
    let root = main_container(&doc);
    let container = doc
        .select(&explicit)
        .find(|e| {
            root.is_some_and(|r| r.id() == e.id() || e.descendants().any(|d| d.id() == r.id()))
        })
        .or(root)
        .unwrap_or_else(|| doc.root_element());

    let mut walker = Walker { blocks: Vec::new() };
    walker.walk(container);
    // Embeds outside the main container (some sites put them in a sibling) are kept too.
    let embed_sel = Selector::parse(
        "blockquote.twitter-tweet, blockquote.instagram-media, .fb-post, blockquote.telegram-post, script[data-telegram-post]",
    )
    .unwrap();
    let inside: Vec<_> = container.descendants().map(|d| d.id()).collect();
    for e in doc.select(&embed_sel) {
        if !inside.contains(&e.id()) {
            let platform = embed_platform(&e).unwrap_or(Platform::Other);
            walker.blocks.push(render_embed(e, platform));
        }
    }

    let mut text = String::new();
    let mut embeds = Vec::new();
    let push_line = |text: &mut String, line: &str| -> Span {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(line);
        Span::new(start, text.len())
    };
    for b in walker.blocks {
        match b {
            Block::Text(t) => {
                push_line(&mut text, &t);
            }
            Block::Embed {
                platform,
                text: body,
                signature,
                url,
            } => {
                let span = if body.is_empty() {
                    Span::new(text.len(), text.len())
                } else {
                    push_line(&mut text, &body)
                };
                let signature = signature.map(|s| push_line(&mut text, &s));
                embeds.push(EmbedHint {
                    platform,
                    text: span,
                    signature,
                    url,
                });
            }
        }
    }
    HtmlArticle {
        text,
        title,
        published,
        url,
        embeds,
    }
}

/// Reads `<meta charset>` or the `http-equiv` content type from the first bytes of a page.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let pos = head.find("charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_owned())
}

/// True when text looks like an HTML page rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || ((head.starts_with("<head")
            || head.starts_with("<body")
            || head.starts_with("<div")
            || head.starts_with("<p")
            || head.starts_with("<article"))
            && text.contains("</"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>باشاغا: الهزيمة العسكرية لحفتر زادت التوافق - موقع</title>
<meta property="article:published_time" content="2020-06-23T10:00:00Z">
<link rel="canonical" href="https://example.com/a/1">
<script>var x = "<p>not text</p>";</script></head>
<body><header><nav><a href="/">الرئيسية</a> | <a href="/w">العالم</a></nav></header>
<div class="share-bar">شارك على فيسبوك</div>
<article><h1>باشاغا: الهزيمة العسكرية لحفتر زادت التوافق</h1>
<p>قال وزير الداخلية الليبي فتحي باشاغا، الثلاثاء، إن الهزيمة العسكرية للجنرال خليفة حفتر، زادت التوافق مع الولايات المتحدة.</p>
<p>جاء ذلك في تغريدة عبر حسابه على <b>تويتر</b>، غداة اجتماع عقده رئيس المجلس الرئاسي فائز السراج.</p>
<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">اجتماع إيجابي مع السفير الأمريكي <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; وزير الداخلية الليبي (@fathi_bashagha) <a href="https://twitter.com/fathi_bashagha/status/1275">June 23, 2020</a></blockquote>
<p>وأضاف أن الاجتماع تطرق إلى دعم جهود الحكومة الليبية، وتعزيز العمل المشترك.</p>
<div class="related-posts"><p>اقرأ أيضا: خبر آخر لا علاقة له بالموضوع، وهو طويل بما يكفي ليبدو كفقرة.</p></div>
</article>
<footer><p>جميع الحقوق محفوظة، 2020، وهذه فقرة طويلة في التذييل لا تنتمي للمقال.</p></footer>
</body></html>"#;

    #[test]
    fn extracts_main_text_and_drops_boilerplate() {
        let a = extract(PAGE);
        assert!(a.text.contains("قال وزير الداخلية الليبي"));
        assert!(a.text.contains("تويتر"));
        assert!(a.text.contains("وأضاف أن الاجتماع"));
        for junk in [
            "الرئيسية",
            "شارك على",
            "اقرأ أيضا",
            "جميع الحقوق",
            "not text",
        ] {
            assert!(!a.text.contains(junk), "{junk} leaked into {:?}", a.text);
        }
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 6, 23));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a/1"));
        assert!(a.title.unwrap().starts_with("باشاغا"));
    }

    #[test]
    fn twitter_embed_becomes_a_post_with_signature() {
        let a = extract(PAGE);
        assert_eq!(a.embeds.len(), 1);
        let e = &a.embeds[0];
        assert_eq!(e.platform, Platform::Twitter);
        assert_eq!(
            e.text.slice(&a.text),
            "اجتماع إيجابي مع السفير الأمريكي pic.twitter.com/abc"
        );
        assert_eq!(
            e.signature.unwrap().slice(&a.text),
            "— وزير الداخلية الليبي (@fathi_bashagha) June 23, 2020"
        );
        assert_eq!(
            e.url.as_deref(),
            Some("https://twitter.com/fathi_bashagha/status/1275")
        );
    }

    #[test]
    fn charset_and_sniffing() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1256\">").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-6\">"
            )
            .as_deref(),
            Some("iso-8859-6")
        );
        assert!(looks_like_html(PAGE));
        assert!(!looks_like_html("قال الوزير <إن> شيئا"));
    }
}
