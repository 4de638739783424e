//! The isnad document model.
//!
//! One [`Doc`] owns the original text of an article. Its text layers (normalized copy,
//! paragraphs, sentences, tokens; see `isnad-text`) are built when the document is
//! created; every other annotation (paragraph kinds, entities, posts, quotes, temporal
//! expressions, events) lives in a named layer filled by a [`Stage`]. A [`Pipeline`]
//! runs stages in an order it has checked once: each stage's required layers are
//! assigned by an earlier stage.
//!
//! This crate owns the types and the pipeline mechanics. It must not do IO, know about
//! input formats or the JSON contract (`isnad-input`, `isnad-api`), or implement the
//! extraction itself (`isnad-extract`).
//!
//! Invariants: every [`Span`] in a layer is a span of `Doc::text`, on character
//! boundaries; layers refer to each other by index, never by copying text; a stage never
//! fails on odd input (it may add a [`Diagnostic`]).
#![deny(missing_docs)]

pub mod layers;

use std::fmt;

pub use chrono::NaiveDate;
pub use isnad_text::{Span, TextLayers, WordCounts};
pub use layers::*;

/// The largest text isnad analyses as one document (64 MiB). Larger inputs are refused
/// with [`DocError::TooLarge`] instead of exhausting memory.
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// Where the publication date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PublishedSource {
    /// Given by the user or the input record.
    Given,
    /// Inferred from the dates of embedded posts.
    Posts,
    /// Inferred from a date written in the text (a dateline).
    Text,
    /// Unknown.
    #[default]
    Unknown,
}

impl PublishedSource {
    /// The contract's name (`None` for unknown, which the contract writes as null).
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            PublishedSource::Given => Some("given"),
            PublishedSource::Posts => Some("posts"),
            PublishedSource::Text => Some("text"),
            PublishedSource::Unknown => None,
        }
    }
}

/// What is known of an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// The article's id (file stem or record id).
    pub id: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Where the publication date came from.
    pub published_source: PublishedSource,
    /// URL of the article.
    pub url: Option<String>,
    /// Title of the article.
    pub title: Option<String>,
    /// The outlet (newspaper, site).
    pub source: Option<String>,
    /// The character encoding the input was decoded from (`UTF-8`, `windows-1256`, ...).
    pub encoding: Option<String>,
    /// Where the article was read from (a path, `path#id`, `-`).
    pub origin: String,
    /// When a crawler fetched the article (a corpus record's `crawled` or `extracted`
    /// field). Not a publication date: the corpus store orders and filters articles by it
    /// only when `published` is unknown.
    pub crawled: Option<chrono::NaiveDateTime>,
}

/// Why a text cannot become a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    /// Nothing but white space.
    #[error("the text is empty")]
    Empty,
    /// Over [`MAX_TEXT_BYTES`].
    #[error("the text is {0} bytes long, over the limit of {MAX_TEXT_BYTES} bytes")]
    TooLarge(usize),
}

/// A social-media embed found in the input markup (HTML), already rendered into the text:
/// the stage that finds posts uses it instead of guessing from the text alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedHint {
    /// The platform.
    pub platform: Platform,
    /// The post's text in `Doc::text`.
    pub text: Span,
    /// The signature line in `Doc::text`, if one was rendered.
    pub signature: Option<Span>,
    /// A link to the post.
    pub url: Option<String>,
}

/// An article and all its annotation layers.
#[derive(Clone, Debug)]
pub struct Doc {
    /// What is known of the article.
    pub meta: DocMeta,
    /// The original text. Never modified after creation.
    pub text: String,
    /// Normalized copy, paragraphs, sentences, tokens.
    pub text_layers: TextLayers,
    /// The paragraphs as the output reports them: the text layer's paragraphs, kinds
    /// attached, split where a line holds both a post signature and prose.
    pub blocks: Vec<Block>,
    /// Embeds found in the input markup.
    pub embeds: Vec<EmbedHint>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Mentions of entities, in text order.
    pub mentions: Vec<Mention>,
    /// Embedded social-media posts.
    pub posts: Vec<Post>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Temporal expressions.
    pub timex: Vec<Timex>,
    /// Events.
    pub events: Vec<Event>,
    /// Problems that did not stop the analysis.
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// The mentions that start inside `span`, found by binary search: `mentions` is kept
    /// in text order (the entity stage writes it sorted by start).
    pub fn mentions_starting_in(&self, span: Span) -> &[Mention] {
        let m = &self.mentions;
        let a = m.partition_point(|x| x.span.start < span.start);
        let b = a + m[a..].partition_point(|x| x.span.start < span.end);
        &m[a..b]
    }

    /// Creates a document and builds its text layers.
    pub fn new(meta: DocMeta, text: String, counts: &dyn WordCounts) -> Result<Doc, DocError> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(DocError::TooLarge(text.len()));
        }
        let text_layers = isnad_text::analyze(&text, counts);
        if text_layers.tokens.is_empty() {
            return Err(DocError::Empty);
        }
        let blocks = text_layers
            .paragraphs
            .iter()
            .map(|p| Block {
                span: p.span,
                kind: ParagraphKind::Body,
            })
            .collect();
        Ok(Doc {
            meta,
            text,
            text_layers,
            blocks,
            embeds: Vec::new(),
            entities: Vec::new(),
            mentions: Vec::new(),
            posts: Vec::new(),
            quotes: Vec::new(),
            timex: Vec::new(),
            events: Vec::new(),
            diagnostics: Vec::new(),
        })
    }

    /// The original text of a span.
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The normalized text.
    #[inline]
    pub fn norm(&self) -> &str {
        self.text_layers.normalized.as_str()
    }

    /// The normalized form of an original span (for matching).
    pub fn norm_of(&self, span: Span) -> &str {
        self.text_layers
            .normalized
            .to_normalized(span)
            .slice(self.norm())
    }

    /// The tokens.
    #[inline]
    pub fn tokens(&self) -> &[isnad_text::Token] {
        &self.text_layers.tokens
    }

    /// The sentences.
    #[inline]
    pub fn sentences(&self) -> &[isnad_text::Sentence] {
        &self.text_layers.sentences
    }

    /// The paragraphs.
    #[inline]
    pub fn paragraphs(&self) -> &[isnad_text::Paragraph] {
        &self.text_layers.paragraphs
    }

    /// Index of the sentence containing original byte `pos` (or the last one before it).
    pub fn sentence_at(&self, pos: u32) -> Option<usize> {
        let s = self.sentences();
        let k = s.partition_point(|x| x.span.start <= pos);
        k.checked_sub(1)
    }

    /// Index of the paragraph containing original byte `pos` (or the last one before it).
    pub fn paragraph_at(&self, pos: u32) -> Option<usize> {
        let p = self.paragraphs();
        let k = p.partition_point(|x| x.span.start <= pos);
        k.checked_sub(1)
    }

    /// The name of an entity, as written at its fullest mention.
    pub fn entity_name(&self, entity: u32) -> &str {
        self.slice(self.entities[entity as usize].name)
    }

    /// Sets the kind of the text in `span`, splitting the blocks it cuts through, so that
    /// a line holding a post signature followed by prose becomes two blocks.
    pub fn mark_block(&mut self, span: Span, kind: ParagraphKind) {
        if span.is_empty() {
            return;
        }
        let mut out = Vec::with_capacity(self.blocks.len() + 2);
        for b in self.blocks.drain(..) {
            if !b.span.overlaps(span) {
                out.push(b);
                continue;
            }
            let before = Span::new(b.span.start as usize, span.start.max(b.span.start) as usize);
            let inside = Span::new(
                span.start.max(b.span.start) as usize,
                span.end.min(b.span.end) as usize,
            );
            let after = Span::new(span.end.min(b.span.end) as usize, b.span.end as usize);
            for (s, k) in [(before, b.kind), (inside, kind), (after, b.kind)] {
                let s = trim_span(&self.text, s);
                if !s.is_empty() {
                    out.push(Block { span: s, kind: k });
                }
            }
        }
        self.blocks = out;
    }

    /// Adds a diagnostic.
    pub fn diagnose(&mut self, stage: &'static str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            stage,
            message: message.into(),
        });
    }
}

/// A paragraph of the output: a span and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// Span in the original text.
    pub span: Span,
    /// What it is.
    pub kind: ParagraphKind,
}

/// Shrinks a span so that it neither starts nor ends with white space.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start as usize + (s.len() - s.trim_start().len());
    let end = span.start as usize + s.trim_end().len();
    Span::new(start, end.max(start))
}

/// The annotation layers a stage can require or assign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Paragraphs, sentences, tokens (always present).
    Text,
    /// Paragraph kinds and embedded posts.
    Posts,
    /// Entities and their mentions.
    Entities,
    /// Places resolved to coordinates.
    Geo,
    /// Temporal expressions.
    Timex,
    /// Quotations.
    Quotes,
    /// Events.
    Events,
}

/// One step of the analysis: reads some layers of a document and fills others.
pub trait Stage: Send + Sync {
    /// A short name, for diagnostics and `--explain` output.
    fn name(&self) -> &'static str;
    /// The layers that must be filled before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// The layers this stage fills.
    fn assigns(&self) -> &'static [Layer];
    /// Annotates the document. Never fails: problems become diagnostics.
    fn annotate(&self, doc: &mut Doc);
}

/// A stage whose requirements are not met by the stages before it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stage `{stage}` requires the {layer:?} layer, which no earlier stage assigns")]
pub struct PipelineError {
    /// The stage.
    pub stage: &'static str,
    /// The missing layer.
    pub layer: Layer,
}

/// An ordered list of stages, checked once when built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.stages.iter().map(|s| s.name()))
            .finish()
    }
}

impl Pipeline {
    /// Builds a pipeline, checking that each stage's requirements are assigned earlier.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut have = vec![Layer::Text];
        for s in &stages {
            if let Some(&layer) = s.requires().iter().find(|l| !have.contains(l)) {
                return Err(PipelineError {
                    stage: s.name(),
                    layer,
                });
            }
            have.extend_from_slice(s.assigns());
        }
        Ok(Pipeline { stages })
    }

    /// Runs every stage on the document, in order.
    pub fn run(&self, doc: &mut Doc) {
        for s in &self.stages {
            s.annotate(doc);
        }
    }

    /// Runs every stage on the document, in order, telling `each` how long each took
    /// (for benchmarks).
    pub fn run_timed(
        &self,
        doc: &mut Doc,
        mut each: impl FnMut(&'static str, std::time::Duration),
    ) {
        for s in &self.stages {
            let start = std::time::Instant::now();
            s.annotate(doc);
            each(s.name(), start.elapsed());
        }
    }

    /// The stage names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::NoCounts;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn assigns(&self) -> &'static [Layer] {
            self.2
        }
        fn annotate(&self, doc: &mut Doc) {
            doc.diagnose(self.0, "ran");
        }
    }

    #[test]
    fn pipeline_checks_order() {
        let ok = Pipeline::new(vec![
            Box::new(Fake("ner", &[Layer::Text], &[Layer::Entities])),
            Box::new(Fake("quotes", &[Layer::Entities], &[Layer::Quotes])),
        ]);
        assert!(ok.is_ok());
        let err = Pipeline::new(vec![Box::new(Fake(
            "quotes",
            &[Layer::Entities],
            &[Layer::Quotes],
        ))])
        .unwrap_err();
        assert_eq!(err.layer, Layer::Entities);
        let mut doc = Doc::new(DocMeta::default(), "نص".into(), &NoCounts).unwrap();
        ok.unwrap().run(&mut doc);
        assert_eq!(doc.diagnostics.len(), 2);
    }

    #[test]
    fn marking_a_block_splits_a_line() {
        let text = "نص أول\nتغريدة — اسم (@h) وجاء ذلك";
        let mut doc = Doc::new(DocMeta::default(), text.into(), &NoCounts).unwrap();
        let sig_start = text.find('—').unwrap();
        let sig_end = text.find(')').unwrap() + 1;
        doc.mark_block(Span::new(sig_start, sig_end), ParagraphKind::PostSignature);
        let kinds: Vec<(&str, ParagraphKind)> = doc
            .blocks
            .iter()
            .map(|b| (doc.slice(b.span), b.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("نص أول", ParagraphKind::Body),
                ("تغريدة", ParagraphKind::Body),
                ("— اسم (@h)", ParagraphKind::PostSignature),
                ("وجاء ذلك", ParagraphKind::Body),
            ]
        );
    }

    #[test]
    fn empty_and_huge_texts_are_refused() {
        assert_eq!(
            Doc::new(DocMeta::default(), " \n\u{200f} ".into(), &NoCounts).unwrap_err(),
            DocError::Empty
        );
        let big = "ا".repeat(MAX_TEXT_BYTES / 2 + 1);
        assert!(matches!(
            Doc::new(DocMeta::default(), big, &NoCounts),
            Err(DocError::TooLarge(_))
        ));
    }
}
