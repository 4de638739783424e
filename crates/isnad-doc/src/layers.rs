//! The annotation layers of a [`crate::Doc`]. Every piece of text a layer refers to is a
//! [`Span`] of the document's original text; layers refer to each other by index
//! (an entity by its index in `Doc::entities`, a post by its index in `Doc::posts`).

use chrono::NaiveDate;
use isnad_text::Span;

/// What a paragraph (a non-blank line) is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// Article prose.
    #[default]
    Body,
    /// The text of an embedded social-media post.
    Post,
    /// The signature line of an embedded post ("— Name (@handle) June 23, 2020").
    PostSignature,
    /// Anything else: captions, bylines, navigation, lines with no prose.
    Other,
}

impl ParagraphKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Post => "post",
            ParagraphKind::PostSignature => "post_signature",
            ParagraphKind::Other => "other",
        }
    }
}

/// Entity types, following ANERcorp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Anything else named (events, nationalities used as names, products ...).
    Misc,
}

impl EntityType {
    /// The contract's name for the type.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses `PER`, `PERS`, `ORG`, `LOC`, `MISC`, `MIS` (case-insensitive).
    pub fn parse(s: &str) -> Option<EntityType> {
        match s.to_ascii_uppercase().as_str() {
            "PER" | "PERS" | "PERSON" => Some(EntityType::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
            "LOC" | "LOCATION" | "GPE" => Some(EntityType::Loc),
            "MISC" | "MIS" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// How an entity is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// By name ("فتحي باشاغا", "باشاغا").
    Name,
    /// By a title or description that stands for it ("الوزير", "وزير الداخلية الليبي").
    Title,
    /// By a social-media handle.
    Handle,
}

/// One mention of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Span of the mention without clitics (و/ب/ل/ال stay outside when they are
    /// not part of the name).
    pub span: Span,
    /// Index of the entity in `Doc::entities`.
    pub entity: u32,
    /// How it is mentioned.
    pub kind: MentionKind,
}

/// A resolved place.
#[derive(Clone, Debug, PartialEq)]
pub struct Geo {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: u32,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Kind of place (`city`, `country`, `region`, ...).
    pub feature: String,
}

/// The sector an actor belongs to, where the text says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sector {
    /// Government and its officials.
    Government,
    /// Armed forces.
    Military,
    /// Rebels, militias, armed groups.
    Rebel,
    /// Diplomats.
    Diplomat,
    /// International organisations.
    InternationalOrganisation,
    /// Media.
    Media,
    /// Business.
    Business,
    /// Religious figures and bodies.
    Religious,
    /// Civil society, parties, unions.
    Civilian,
}

impl Sector {
    /// A short lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Government => "government",
            Sector::Military => "military",
            Sector::Rebel => "rebel",
            Sector::Diplomat => "diplomat",
            Sector::InternationalOrganisation => "igo",
            Sector::Media => "media",
            Sector::Business => "business",
            Sector::Religious => "religious",
            Sector::Civilian => "civilian",
        }
    }
}

/// A person, organisation, place or other named thing of the document, with all its
/// mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its type.
    pub kind: EntityType,
    /// Span of the fullest name seen in the document.
    pub name: Span,
    /// Indices of its mentions in `Doc::mentions`, in text order.
    pub mentions: Vec<u32>,
    /// Title phrases attached to it in the text ("وزير الداخلية الليبي").
    pub roles: Vec<Span>,
    /// Social-media handles tied to it (without `@`), as spans of the text.
    pub handles: Vec<Span>,
    /// Where it is, for places.
    pub geo: Option<Geo>,
    /// The actor's country (ISO 3166-1 alpha-2) where the text says so.
    pub country: Option<String>,
    /// The actor's sector where the text says so.
    pub sector: Option<Sector>,
}

impl Entity {
    /// True when the geo stage resolved it to a country.
    pub fn is_country(&self) -> bool {
        self.geo.as_ref().is_some_and(|g| g.feature == "country")
    }
}

/// The platform of an embedded post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Twitter / X.
    Twitter,
    /// Facebook.
    Facebook,
    /// Instagram.
    Instagram,
    /// Telegram.
    Telegram,
    /// Another platform.
    Other,
}

impl Platform {
    /// The contract's name for the platform.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Telegram => "telegram",
            Platform::Other => "other",
        }
    }
}

/// A social-media post embedded in the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Post {
    /// Its platform.
    pub platform: Platform,
    /// The post's own text, without the signature.
    pub text: Span,
    /// The signature ("— Name (@handle) June 23, 2020"), when there is one.
    pub signature: Option<Span>,
    /// The display name as printed.
    pub author: Option<Span>,
    /// The handle, without `@`.
    pub handle: Option<Span>,
    /// The date in the signature.
    pub date: Option<NaiveDate>,
    /// The span of that date.
    pub date_span: Option<Span>,
    /// The entity behind the account, when the article makes it clear.
    pub author_entity: Option<u32>,
    /// A link to the post, when the text or markup has one.
    pub url: Option<String>,
}

/// Direct, indirect or mixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The words in quotation marks.
    Direct,
    /// Reported speech ("قال ... إن ...").
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
}

impl QuoteKind {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// How a statement reached the public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// A tweet.
    Twitter,
    /// A Facebook post.
    Facebook,
    /// An Instagram post.
    Instagram,
    /// A Telegram post.
    Telegram,
    /// A written statement (بيان).
    Statement,
    /// An interview (مقابلة، حوار).
    Interview,
    /// A press conference (مؤتمر صحفي).
    PressConference,
    /// A speech (كلمة، خطاب).
    Speech,
    /// Television (تلفزيون، قناة).
    Television,
    /// A phone call (اتصال هاتفي).
    Phone,
    /// Words said to journalists (للصحافيين).
    Press,
    /// A meeting or session (في اجتماع، خلال جلسة).
    Meeting,
    /// A written report (تقرير).
    Report,
}

impl Channel {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Twitter => "twitter",
            Channel::Facebook => "facebook",
            Channel::Instagram => "instagram",
            Channel::Telegram => "telegram",
            Channel::Statement => "statement",
            Channel::Interview => "interview",
            Channel::PressConference => "press_conference",
            Channel::Speech => "speech",
            Channel::Television => "television",
            Channel::Phone => "phone",
            Channel::Press => "press",
            Channel::Meeting => "meeting",
            Channel::Report => "report",
        }
    }
}

/// How faithfully a quotation reproduces its source post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Same words after normalization.
    Exact,
    /// Mostly the same words, some dropped, added or changed.
    Altered,
    /// The same content in other words.
    Paraphrase,
}

impl Verdict {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Exact => "exact",
            Verdict::Altered => "altered",
            Verdict::Paraphrase => "paraphrase",
        }
    }
}

/// One step of a word-level diff from the post to the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiffOp {
    /// Words in both.
    Equal,
    /// Words only in the quote (the article added them).
    Insert,
    /// Words only in the post (the article dropped them).
    Delete,
}

impl DiffOp {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            DiffOp::Equal => "equal",
            DiffOp::Insert => "insert",
            DiffOp::Delete => "delete",
        }
    }
}

/// A run of the diff: its operation and the words, as spans of the original text (the
/// quote's words for `Equal`/`Insert`, the post's words for `Delete`).
#[derive(Clone, Debug, PartialEq)]
pub struct DiffRun {
    /// What happened to these words.
    pub op: DiffOp,
    /// The spans of the words, in order.
    pub words: Vec<Span>,
}

/// How faithfully a quote reproduces a post.
#[derive(Clone, Debug, PartialEq)]
pub struct Fidelity {
    /// Similarity in `[0, 1]`.
    pub score: f32,
    /// The verdict.
    pub verdict: Verdict,
    /// The word-level diff, post → quote.
    pub diff: Vec<DiffRun>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// The quoted words, without quotation marks.
    pub span: Span,
    /// The speaker entity.
    pub speaker: Option<u32>,
    /// The span naming the speaker at this quote (a name, a title, an account).
    pub speaker_span: Option<Span>,
    /// For unnamed sources, the description ("مصدر مطلع").
    pub speaker_description: Option<Span>,
    /// The reporting verb, without the conjunction.
    pub verb: Option<Span>,
    /// The channel, when the text gives it.
    pub channel: Option<Channel>,
    /// The date of the statement, when the text gives it.
    pub date: Option<NaiveDate>,
    /// The embedded post this quote reproduces.
    pub source_post: Option<u32>,
    /// How faithfully it does.
    pub fidelity: Option<Fidelity>,
}

/// A temporal expression and its normalized value.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    /// The expression.
    pub span: Span,
    /// Its ISO value (TIMEX3 style: `2020-06-23`, `2020-06`, `2020`, `2020-W26`, `P3D`, ...).
    pub value: String,
    /// What it is.
    pub kind: TimexKind,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexKind {
    /// A calendar date or part of one.
    Date,
    /// A time of day.
    Time,
    /// A duration.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexKind {
    /// The TIMEX3 name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// Whether an event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// It happened.
    #[default]
    Happened,
    /// It is planned or being prepared.
    Planned,
    /// Someone threatened it.
    Threatened,
    /// It is denied or negated.
    Denied,
    /// It is conditional or hypothetical.
    Hypothetical,
}

impl EventStatus {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Planned => "planned",
            EventStatus::Threatened => "threatened",
            EventStatus::Denied => "denied",
            EventStatus::Hypothetical => "hypothetical",
        }
    }
}

/// A political event, typed with PLOVER.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The PLOVER event type (`CONSULT`, `ASSAULT`, ...).
    pub kind: &'static str,
    /// The PLOVER mode (`meet`, `seize`, ...).
    pub mode: Option<&'static str>,
    /// Whether it happened.
    pub status: EventStatus,
    /// The verb or noun that expresses it.
    pub trigger: Span,
    /// Entities that act.
    pub actors: Vec<u32>,
    /// Entities acted upon.
    pub targets: Vec<u32>,
    /// Where (an entity of type LOC).
    pub location: Option<u32>,
    /// Other places of the same event.
    pub locations: Vec<u32>,
    /// When (ISO date or partial date).
    pub date: Option<String>,
    /// Index of the sentence that carries it.
    pub sentence: u32,
}

/// A problem met while analysing a document that did not stop the analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stage that reported it.
    pub stage: &'static str,
    /// What happened.
    pub message: String,
}
