//! The publication date, when the input does not give it: inferred from the dates of the
//! embedded posts (an article is published on or after the latest post it embeds).

use isnad_doc::{Doc, Layer, PublishedSource, Stage};

/// Infers `meta.published` when it is unknown.
#[derive(Debug, Default)]
pub struct PublicationStage;

impl Stage for PublicationStage {
    fn name(&self) -> &'static str {
        "publication"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Posts]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[]
    }
    fn annotate(&self, doc: &mut Doc) {
        if doc.meta.published.is_some() {
            return;
        }
        if let Some(latest) = doc.posts.iter().filter_map(|p| p.date).max() {
            doc.meta.published = Some(latest);
            doc.meta.published_source = PublishedSource::Posts;
        }
    }
}
