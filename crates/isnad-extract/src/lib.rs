//! The extraction stages of isnad and the default pipeline.
//!
//! Each stage is a small unit with one job that reads some layers of a [`Doc`] and fills
//! others (see [`isnad_doc::Stage`]): embedded posts ([`posts`]), the publication date
//! ([`publication`]), temporal expressions ([`timex`]), quotations ([`quotes`]), places
//! ([`geo`]), events ([`events`]), and — as they arrive — entities. [`default_pipeline`]
//! puts them in order; [`analyze`] turns one input article into an annotated document.
//!
//! This crate must not do IO or know about the output contract; its data comes from
//! `isnad-resources`.
#![deny(missing_docs)]

pub mod events;
pub mod geo;
pub mod posts;
pub mod publication;
pub mod quotes;
pub mod timex;

use isnad_doc::{Doc, DocError, DocMeta, EmbedHint, Pipeline, Stage};

/// The stages of the default analysis, in order.
pub fn default_stages() -> Vec<Box<dyn Stage>> {
    vec![
        Box::new(posts::PostsStage),
        Box::new(publication::PublicationStage),
        Box::new(timex::TimexStage),
        // geo::GeoStage resolves LOC entities: it goes right after the entities stage
        // (it requires Layer::Entities), once that stage is in this list.
        // Quotes read the timex layer for their dates: after timex.
        Box::new(quotes::QuotesStage),
        Box::new(events::EventsStage),
    ]
}

/// The default pipeline.
pub fn default_pipeline() -> Pipeline {
    Pipeline::new(default_stages()).expect("the default stages are in a valid order")
}

/// Builds a document from an article's text and runs the pipeline on it.
pub fn analyze(
    pipeline: &Pipeline,
    meta: DocMeta,
    text: String,
    embeds: Vec<EmbedHint>,
) -> Result<Doc, DocError> {
    let mut doc = Doc::new(meta, text, isnad_resources::word_counts())?;
    doc.embeds = embeds;
    pipeline.run(&mut doc);
    Ok(doc)
}
