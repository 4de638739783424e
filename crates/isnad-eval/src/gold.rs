//! The gold annotation format (`shared/gold/README.md`, extended by the guidelines in
//! `eval/gold/*/GUIDELINES.md`). Parsing is lenient: unknown fields are ignored, and
//! fields that the guidelines allow in two shapes (a string or a list) accept both.

use serde::{Deserialize, Deserializer};

/// A string or a list of strings.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
        Null(()),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
        OneOrMany::Null(()) => Vec::new(),
    })
}

/// One gold file: what a careful analyst extracts from one article.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// The article: a path relative to the shared folder, or `corpus/<file>.jsonl.gz#<id>`.
    pub doc: String,
    /// The publication date used to resolve relative dates.
    #[serde(default)]
    pub published: Option<String>,
    /// The layers this file annotates; all present layers when absent.
    #[serde(default)]
    pub layers: Option<Vec<String>>,
    /// Listed layers annotated only in part (the event set annotates only the entities
    /// and dates tied to its events): scored for recall, not precision.
    #[serde(default)]
    pub partial_layers: Vec<String>,
    /// Embedded posts.
    #[serde(default)]
    pub posts: Vec<GoldPost>,
    /// Quotations.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Temporal expressions.
    #[serde(default)]
    pub timex: Vec<GoldTimex>,
    /// Events.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

impl GoldDoc {
    /// True when the file annotates `layer` completely (listed, and not partial).
    pub fn exhaustive(&self, layer: &str) -> bool {
        self.annotates(layer) && !self.partial_layers.iter().any(|l| l == layer)
    }

    /// True when the file annotates `layer` (`posts`, `quotes`, `entities`, `timex`,
    /// `events`), completely or in part.
    pub fn annotates(&self, layer: &str) -> bool {
        match &self.layers {
            Some(l) => l.iter().any(|x| x == layer),
            None => match layer {
                "posts" => true,
                "quotes" => true,
                "entities" => !self.entities.is_empty(),
                "timex" => !self.timex.is_empty(),
                "events" => !self.events.is_empty(),
                _ => false,
            },
        }
    }
}

/// A gold post.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPost {
    /// `p1`, ...
    #[serde(default)]
    pub id: Option<String>,
    /// Platform.
    #[serde(default)]
    pub platform: Option<String>,
    /// Handle without `@`.
    #[serde(default)]
    pub handle: Option<String>,
    /// Display name as printed.
    #[serde(default)]
    pub author: Option<String>,
    /// Date.
    #[serde(default)]
    pub date: Option<String>,
    /// First words of the post's text; `None` when the page kept only the post's signature
    /// (the post is then matched by its handle).
    #[serde(default)]
    pub text_starts: Option<String>,
    /// Last words; `None` with `text_starts`.
    #[serde(default)]
    pub text_ends: Option<String>,
    /// The entity behind the account.
    #[serde(default)]
    pub author_entity: Option<String>,
}

/// A gold quotation.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// `q1`, ...
    #[serde(default)]
    pub id: Option<String>,
    /// direct, indirect, mixed.
    pub kind: String,
    /// The speaker's fullest name, or null.
    #[serde(default)]
    pub speaker: Option<String>,
    /// For unnamed speakers.
    #[serde(default)]
    pub speaker_description: Option<String>,
    /// The reporting verb.
    #[serde(default)]
    pub verb: Option<String>,
    /// Channel.
    #[serde(default)]
    pub channel: Option<String>,
    /// Date.
    #[serde(default)]
    pub date: Option<String>,
    /// First words of the quoted words.
    pub text_starts: String,
    /// Last words.
    pub text_ends: String,
    /// The post it reproduces (`p1`, ...).
    #[serde(default)]
    pub source_post: Option<String>,
}

/// Coordinates with a tolerance.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldGeo {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How far a prediction may be, in km.
    #[serde(default = "default_tolerance")]
    pub tolerance_km: f64,
}

fn default_tolerance() -> f64 {
    50.0
}

/// A gold entity.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEntity {
    /// Fullest name.
    pub name: String,
    /// PER, ORG, LOC, MISC.
    #[serde(rename = "type")]
    pub kind: String,
    /// Surface forms.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Title phrases.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Handles.
    #[serde(default)]
    pub handles: Vec<String>,
    /// Coordinates, for places.
    #[serde(default)]
    pub geo: Option<GoldGeo>,
}

/// A gold temporal expression.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldTimex {
    /// The expression.
    pub text: String,
    /// ISO value.
    pub value: String,
}

/// A gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode.
    #[serde(default)]
    pub mode: Option<String>,
    /// Other acceptable types.
    #[serde(default)]
    pub alt_types: Vec<String>,
    /// happened (absent), planned, threatened, denied, hypothetical.
    #[serde(default)]
    pub status: Option<String>,
    /// Actors' names.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Targets' names.
    #[serde(default)]
    pub targets: Vec<String>,
    /// The place.
    #[serde(default)]
    pub location: Option<String>,
    /// Several places.
    #[serde(default)]
    pub locations: Vec<String>,
    /// ISO date.
    #[serde(default)]
    pub date: Option<String>,
    /// The trigger as written.
    pub trigger_text: String,
    /// The triggers of the event's later mentions (an extractor may find it there).
    #[serde(default)]
    pub other_triggers: Vec<String>,
    /// First words of the sentence(s) that carry the event.
    #[serde(default, deserialize_with = "one_or_many")]
    pub sentence_starts: Vec<String>,
}
