//! Quotations: who said what.
//!
//! A quotation hangs on a *frame*: a reporting cue (a verb such as قال/أضاف/أكد, an
//! adverbial participle such as "، مضيفا", or قوله in "نقلت X عن Y قوله") followed by a
//! *speaker zone* (the subject, channel and time phrases) and then the content, opened by
//! a complementizer (إن، أن، بأن, with or without an attached pronoun), a colon, a
//! quotation, or — for verbs such as أشار إلى، شدد على، دعا إلى، طالب بـ — the preposition
//! the verb governs. The content is
//! - **direct** when it is one quotation (the words inside the marks),
//! - **mixed** when reported speech holds quoted parts (each quoted part is a quote),
//! - **indirect** otherwise (the reported clause, up to the end of the sentence or to the
//!   next frame: ", مضيفا أن", ", وأضاف", ", بحسب").
//!
//! Quotations before their attribution (`«...»، قال فلان`) and paragraphs that continue a
//! speaker's quotation are direct quotes too. Quotation marks in the speaker zone, or in a
//! sentence without a frame, are names and titles, not quotes.
//!
//! The speaker is found in the speaker zone: an entity mention (a person first, then an
//! organisation or a place speaking for its government), not one governed by a
//! preposition (`على "تويتر"`, `لـ«الشرق الأوسط»`); a title standing for a person already
//! named ("الوزير"); a description for unnamed sources ("مصدر مطلع"); or, when the zone
//! names no one ("وأضاف:"), the previous speaker. The channel comes from the frame or the
//! sentence that follows ("جاء ذلك في تغريدة"), the date from a date expression of the
//! reporting clause (`timex::statement_date`: not one inside the quoted words).
//!
//! Quotes are then linked to the embedded posts they reproduce, with a word diff
//! ([`fidelity`]).

pub mod fidelity;
pub mod marks;

use isnad_doc::{
    Channel, Doc, EntityType, Layer, MentionKind, ParagraphKind, Quote, QuoteKind, Span, Stage,
};
use isnad_ner::function_words::is_function_word;
use isnad_resources::{reporting, Cue, CueRole, ReportingLexicon};
use isnad_text::chars::is_quote_token;
use isnad_text::{Prefix, Token, TokenKind, WordCounts};
use marks::Pair;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The quotations stage.
#[derive(Debug, Default)]
pub struct QuotesStage;

impl Stage for QuotesStage {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Posts, Layer::Entities, Layer::Timex]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn annotate(&self, doc: &mut Doc) {
        let quotes = Extractor::new(doc).run();
        doc.quotes = quotes;
        fidelity::link_posts(doc);
    }
}

/// Declares a fixed word list that is asked about for many tokens as a hash set, built on
/// first use: one hash per question instead of a scan of the list.
macro_rules! word_set {
    ($(#[$meta:meta])* $name:ident = [$($word:literal),* $(,)?]) => {
        $(#[$meta])*
        static $name: LazyLock<FxHashSet<&'static str>> =
            LazyLock::new(|| [$($word),*].into_iter().collect());
    };
}

word_set! {
    /// Complementizers that open reported content (normalized).
    COMPLEMENTIZERS = [
        "ان",
        "بان",
        "انه",
        "انها",
        "انهم",
        "انهما",
        "انني",
        "اننا",
        "انهن",
        "بانه",
        "بانها",
        "بانهم",
        "بانهما",
    ]
}

word_set! {
    /// Words after which a verb still opens a clause.
    CLAUSE_OPENERS = [
        "كما",
        "ثم",
        "فيما",
        "بينما",
        "حيث",
        "قد",
        "لقد",
        "الذي",
        "التي",
        "الذين",
        "اللذان",
        "اللتان",
        "عندما",
        "حين",
        "بعدما",
        "كذلك",
        "ايضا",
        "فقد",
        "وقد",
        "بدوره",
        "بدورها",
        "جانبه",
        "جانبها",
        "اخيرا",
        "و",
        "ف",
        "هو",
        "هي",
        "هم",
        "وهو",
        "وهي",
        "وهم",
        "كان",
        "كانت",
        "وكان",
        "وكانت",
    ]
}

/// Verbs of speaking that give a topic, not content ("وتحدث عن"): after a conjunction
/// they start a new clause of the article's own voice, ending reported content.
const TOPIC_VERBS: &[&str] = &[
    "تحدث",
    "تحدثت",
    "تطرق",
    "تطرقت",
    "انتقد",
    "انتقدت",
    "ناقش",
    "ناقشت",
    "استعرض",
    "استعرضت",
    "تناول",
    "تناولت",
];

/// Words that introduce a name in quotation marks ("باسم «...»", "بعنوان «...»").
const NAMING_WORDS: &[&str] = &[
    "باسم",
    "اسم",
    "بعنوان",
    "عنوان",
    "شعار",
    "بشعار",
    "لقب",
    "بلقب",
    "مسمي",
    "بمسمي",
    "طراز",
    "تسميه",
    "وسم",
    "هاشتاق",
    "تحت",
];

/// Phrases after a comma that end reported content: attributions of the report itself.
const CONTENT_STOPS: &[&str] = &[
    "حسب",
    "حسبما",
    "بحسب",
    "وفق",
    "وفقا",
    "طبقا",
    "نقلا",
    "وبحسب",
    "ووفق",
    "ووفقا",
];

word_set! {
    /// Words that cannot open a speaker's description: interrogatives ("وتساءل ما الذي"),
    /// particles that carry the implicit subject as a pronoun ("لكنه أوضح"), and the
    /// preposition لـ with a pronoun ("يقولون لنا إن").
    NOT_SUBJECTS = [
        "ما",
        "ماذا",
        "من",
        "هل",
        "كيف",
        "لماذا",
        "متي",
        "اين",
        "لكن",
        "ان",
        "انه",
        "انها",
        "الا",
        "غير",
        "بل",
        "لنا",
        "له",
        "لها",
        "لهم",
        "لي",
        "لك",
        "لكم",
    ]
}

/// Nouns of figures and information (normalized stems, without ال): as the subject of a
/// reporting verb they report no one's words.
const FIGURE_NOUNS: &[&str] = &[
    "حصيله",
    "معلومات",
    "احصاءات",
    "احصائيات",
    "ارقام",
    "مؤشرات",
    "تقديرات",
];

/// Prepositions that carry a pronoun suffix as their object ("فيها", "إليه", "عنه",
/// "بنفسه"): the word is a prepositional phrase of its own ("أكد فيها أن", "قال له مصدر").
const PRONOUN_PP_STEMS: &[&str] = &[
    "في", "الي", "علي", "عن", "من", "مع", "لدي", "عند", "ب", "ل", "بنفس", "امام", "حول",
];

/// Pronoun suffixes, longest first.
const PRONOUN_SUFFIXES: &[&str] = &["هما", "هم", "هن", "ها", "نا", "كم", "ه", "ي", "ك"];

/// Whether a normalized word is a preposition with a pronoun suffix.
fn is_pronoun_pp(norm: &str) -> bool {
    PRONOUN_SUFFIXES.iter().any(|suffix| {
        norm.strip_suffix(suffix)
            .is_some_and(|stem| PRONOUN_PP_STEMS.contains(&stem))
    })
}

word_set! {
    /// Words that open a clause of their own before a subject and its verb ("لكن متحدثة ...
    /// حذرت", "فيما أعلنت المنظمة"): a subject read backwards from the verb stops there.
    SUBJECT_FRONTIERS = [
        "لكن",
        "ولكن",
        "بينما",
        "فيما",
        "كما",
        "حيث",
        "اذ",
        "ثم",
        "عندما",
        "حين",
        "بعدما",
        "لذا",
        "كذلك",
        "ايضا",
        "اما",
        "ما",
        "هو",
        "هي",
        "وهو",
        "وهي",
        "هذا",
        "وهذا",
        "لان",
        "اذا",
        // A pronoun subject before the verb: "لكنه أكد", "بيد أنه أكد", "إلا أنها قالت".
        "لكنه",
        "لكنها",
        "لكنهم",
        "لكنهما",
        "انه",
        "انها",
        "انهم",
        "انهما",
    ]
}

/// Head nouns (normalized stems) of news sites and papers, whose name before a colon is a
/// page banner ("صحيفة اليوم : ..."), not a headline's speaker.
const MEDIA_HEADS: &[&str] = &["صحيفه", "جريده", "موقع", "بوابه", "مجله"];

/// Indefinite nouns of unnamed sources (normalized): "مصادر عراقية", "وسائل إعلام سورية".
const UNNAMED_SOURCE_HEADS: &[&str] = &[
    "مصدر",
    "مصادر",
    "وسائل",
    "اوساط",
    "مسؤول",
    "مسؤولون",
    "مسؤولين",
    "دبلوماسيون",
    "دبلوماسيين",
    "ناشطون",
    "ناشطين",
    "نشطاء",
    "شهود",
    "مراقبون",
    "خبراء",
    "محللون",
    "تقارير",
    "صحف",
    "وكالات",
];

/// Reporting verbs whose content may be a verbal noun object ("أعلن انتهاء", "أكد رغبة",
/// "نفى وجود"), as well as a clause.
const NOUN_OBJECT_LEMMAS: &[&str] = &["أعلن", "أكد", "نفى"];

/// Verbs that go on with the last speaker's words.
const CONTINUING_LEMMAS: &[&str] = &["أضاف", "تابع", "أردف", "استطرد", "ختم"];

/// Words of contrast or accompaniment that open a clause of their own inside reported
/// content ("، بينما تؤكد أربيل أن", "لكنه شدد على أن").
const CONTRAST_OPENERS: &[&str] = &[
    "بينما",
    "فيما",
    "لكن",
    "لكنه",
    "لكنها",
    "لكنهم",
    "ولكن",
    "كما",
    "حين",
];

word_set! {
    /// Adverbial participles (normalized) of thanks, praise, wishes and the like that follow
    /// reported content after a comma ("، معبرا عن شكره"): not reporting cues, since their
    /// object is no one's words, but the start of another clause.
    FRAMING_PARTICIPLES = [
        "معبرا",
        "معبره",
        "معبرين",
        "معربا",
        "معربه",
        "معربين",
        "مبديا",
        "مبديه",
        "موجها",
        "موجهه",
        "مقدما",
        "مقدمه",
        "متمنيا",
        "متمنيه",
        "مثمنا",
        "مثمنه",
        "مشيدا",
        "مشيده",
        "مستعرضا",
        "متطرقا",
        "متحدثا",
        "متحدثه",
        "منتقدا",
        "منتقده",
    ]
}

/// Negations, auxiliaries and connectives that may stand between a clause's start and
/// its verb ("، إذ أكد الفهد أن", "، حيث أوضح أن").
const CLAUSE_PARTICLES: &[&str] = &["لم", "لن", "قد", "كان", "كانت", "اذ", "حيث"];

word_set! {
    /// Time words that can stand in a speaker zone without naming anyone.
    TIME_WORDS = [
        "امس",
        "اليوم",
        "الليله",
        "صباح",
        "مساء",
        "ظهر",
        "الاحد",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعه",
        "السبت",
        "يوم",
        "اول",
        "الماضي",
        "الحالي",
        "الجاري",
        "المقبل",
        "اخيرا",
        "ايضا",
        "كذلك",
        "بدوره",
        "بدورها",
        "من",
        "جهته",
        "جهتها",
        "جانبه",
        "جانبها",
        "قبل",
        "بعد",
        "وقت",
        "سابق",
        "لاحق",
        "قد",
        "كان",
        "كانت",
        "الشهر",
        "الاسبوع",
        "العام",
        "السنه",
        "الليل",
        "النهار",
        "الفتره",
        "الايام",
        "الساعات",
        "اليومين",
        "الاخير",
        "الاخيره",
        "المنصرم",
        "المنصرمه",
        "ساعات",
        "ايام",
    ]
}

word_set! {
    /// Prepositions that govern a noun in a speaker zone (so the noun is not the speaker).
    PREPOSITIONS = [
        "في", "علي", "عبر", "من", "الي", "عن", "خلال", "امام", "مع", "لدي", "حول", "بشان", "ل", "ب",
    ]
}

word_set! {
    /// Words that open a phrase of time or attribution in a speaker zone, like a preposition:
    /// "وقال بحسب وكالة الصحافة الفرنسية إن", "أشار إليه بعد نهاية الموسم".
    ZONE_PREPOSITIONS = [
        "بحسب",
        "حسب",
        "وفق",
        "وفقا",
        "نقلا",
        "بعد",
        "قبل",
        "منذ",
        "عقب",
        "اثناء",
        "ضمن",
        "عند",
        // "المتحدث باسم الحكومة": on behalf of.
        "باسم",
    ]
}

word_set! {
    /// Nouns after which a quoted phrase is a name: a channel called «...», a campaign «...».
    LABEL_NOUNS = [
        "قناه",
        "صحيفه",
        "جريده",
        "يوميه",
        "اسبوعيه",
        "وكاله",
        "موقع",
        "برنامج",
        "حمله",
        "عمليه",
        "شعار",
        "عنوان",
        "كتاب",
        "فيلم",
        "مسلسل",
        "مسرحيه",
        "روايه",
        "قصيده",
        "اغنيه",
        "ديوان",
        "مقال",
        "مقاله",
        "تنظيم",
        "جماعه",
        "حركه",
        "حزب",
        "جبهه",
        "مؤسسه",
        "شركه",
        "منظمه",
        "مركز",
        "مجله",
        "مبادره",
        "مشروع",
        "معرض",
        "مهرجان",
        "ملتقي",
        "هاشتاق",
        "وسم",
    ]
}

/// Head nouns (as stems, without the article) of a body's or a meeting's name: a quotation
/// that opens with one names it rather than quoting anyone.
const BODY_HEADS: &[&str] = &[
    "مؤتمر",
    "مجموعه",
    "لجنه",
    "مجلس",
    "هيئه",
    "جبهه",
    "حزب",
    "حركه",
    "تحالف",
    "منتدي",
    "قمه",
    "عمليه",
    "منظمه",
    "جمعيه",
    "اتحاد",
    "ائتلاف",
    "تجمع",
    "كتله",
];

word_set! {
    /// Title words that may stand for a person already named.
    TITLES = [
        "وزير",
        "الوزير",
        "رئيس",
        "الرئيس",
        "السفير",
        "سفير",
        "المتحدث",
        "الناطق",
        "القائد",
        "قائد",
        "المدير",
        "مدير",
        "المدرب",
        "مدرب",
        "الامين",
        "امين",
        "الملك",
        "الامير",
        "الشيخ",
        "اللواء",
        "العقيد",
        "الجنرال",
        "المستشار",
        "النائب",
        "المبعوث",
        "مبعوث",
        "الموفد",
        "موفد",
        "الوكيل",
        "المحافظ",
        "الحاكم",
        "المسؤول",
        "العميد",
        "الدكتور",
        "المفتي",
        "البابا",
        "الرئيسه",
        "المتحدثه",
        "الناطقه",
        "الوزيره",
        "السفيره",
        // A news agency's correspondents speak for themselves, unnamed ("حسبما نقل مراسلو
        // وكالة فرانس برس").
        "مراسل",
        "مراسله",
        "مراسلو",
        "مراسلي",
    ]
}

word_set! {
    /// Honorific nouns with a pronoun that stand for a dignitary already named.
    HONORIFICS = [
        "سماحته",
        "معاليه",
        "سموه",
        "فضيلته",
        "فخامته",
        "جلالته",
        "سيادته",
        "دولته",
        "سعادته",
        "نيافته",
        "غبطته",
    ]
}

/// Documents that speak for the body that issued them (normalized, without article).
const DOCUMENT_NOUNS: &[&str] = &["بيان", "تقرير", "احصائيه", "دراسه"];

/// Verbs with the document as their object pronoun, before its issuer: "أصدرته",
/// "نشرتها", "أجرتها", "أعدها" (normalized).
const ISSUING_VERBS: &[&str] = &[
    "اصدره",
    "اصدرته",
    "اصدرها",
    "اصدرتها",
    "نشره",
    "نشرته",
    "نشرها",
    "نشرتها",
    "اجراه",
    "اجراها",
    "اجرته",
    "اجرتها",
    "اعده",
    "اعدته",
    "اعدتها",
    "اعدها",
];

/// Verbs whose object is the indefinite document noun after their subject: "أصدرت جبهة
/// ... بيانا", "نشرت الوزارة تقريرا" (normalized; the bare forms of [`ISSUING_VERBS`]'
/// lemmas that issue a statement, and وزّع).
const ISSUING_VERBS_BEFORE_SUBJECT: &[&str] = &["اصدر", "اصدرت", "نشر", "نشرت", "وزع", "وزعت"];

/// The titles that start with the article, without it ("الرئيس" → "رئيس").
static TITLES_AFTER_ARTICLE: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.strip_prefix("ال")).collect());

const NO_PAIR: usize = usize::MAX;
/// `NO_PAIR` in the per-token tables.
const NO_PAIR_U32: u32 = u32::MAX;

/// Who said it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Speaker {
    entity: Option<u32>,
    span: Option<Span>,
    description: Option<Span>,
}

impl Speaker {
    fn is_known(&self) -> bool {
        self.entity.is_some() || self.description.is_some()
    }

    /// The entity named by a mention, with the mention's words.
    fn mention(m: &isnad_doc::Mention) -> Speaker {
        Speaker {
            entity: Some(m.entity),
            span: Some(m.span),
            description: None,
        }
    }
}

/// What opens the content of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    /// A complementizer at this token; content starts after it.
    Complementizer(usize),
    /// A colon at this token.
    Colon(usize),
    /// The governed preposition; content starts at `content` (the preposition's own token
    /// when it is a clitic such as بـ).
    Preposition { content: usize },
    /// A quotation (index into the pairs).
    Quotation(usize),
}

struct Frame {
    cue: usize,
    zone: std::ops::Range<usize>,
    opener: Opener,
}

struct Extractor<'a> {
    doc: &'a Doc,
    /// The reporting lexicon, dereferenced once: every word is asked about it.
    lexicon: &'static ReportingLexicon,
    /// The document's tokens.
    tokens: &'a [Token],
    /// Each token's normalized text, sliced once: the rules ask for it many times.
    norms: Vec<&'a str>,
    /// Tokens that lie in body text (not in posts, signatures or other blocks).
    in_body: Vec<bool>,
    /// The quotation pairs of the document.
    pairs: Vec<Pair>,
    /// For each token, the innermost pair it lies strictly inside (`NO_PAIR_U32` if
    /// none); read through `inside`. Four bytes a token: two tables the size of the
    /// document are filled for every article, and most of their entries say "none".
    inside_pair: Vec<u32>,
    /// For each token, the pair it opens (`NO_PAIR_U32` if none); read through `opens`.
    opening_pair: Vec<u32>,
    /// For each pair, the token where its quoted words end (its closing mark, or for a
    /// quotation never closed, the start of the next sentence that opens with a reporting
    /// verb, or the end of the paragraph).
    limits: Vec<usize>,
    used: Vec<bool>,
    quotes: Vec<Quote>,
    last_speaker: Speaker,
    /// Paragraph index of the last quote.
    last_quote_paragraph: Option<usize>,
    /// Each entity's name, normalized, found on first use: several rules compare words
    /// with a speaker's name, and most entities are never asked about.
    normalized_names: Vec<std::cell::OnceCell<Cow<'a, str>>>,
}

impl<'a> Extractor<'a> {
    fn new(doc: &'a Doc) -> Self {
        let n = doc.tokens().len();
        // Blocks and tokens are both in text order: each body block's tokens are found by
        // two binary searches from where the last block ended and filled at once.
        let tokens = doc.tokens();
        let mut in_body = vec![false; n];
        let mut t = 0;
        for b in &doc.blocks {
            t += tokens[t..].partition_point(|x| x.span.start < b.span.start);
            let end = t + tokens[t..].partition_point(|x| x.span.end <= b.span.end);
            if b.kind == ParagraphKind::Body {
                in_body[t..end].fill(true);
            }
            t = end;
        }
        let pairs = marks::document_pairs(doc);
        let mut inside = vec![NO_PAIR_U32; n];
        let mut opens = vec![NO_PAIR_U32; n];
        let mut limits = Vec::with_capacity(pairs.len());
        let norms: Vec<&'a str> = tokens
            .iter()
            .map(|t| doc.text_layers.norm_text(t))
            .collect();
        let probe = Extractor {
            doc,
            lexicon: reporting(),
            tokens,
            norms,
            in_body: Vec::new(),
            pairs: Vec::new(),
            inside_pair: Vec::new(),
            opening_pair: Vec::new(),
            limits: Vec::new(),
            used: Vec::new(),
            quotes: Vec::new(),
            last_speaker: Speaker::default(),
            last_quote_paragraph: None,
            normalized_names: vec![std::cell::OnceCell::new(); doc.entities.len()],
        };
        for p in &pairs {
            limits.push(match p.close {
                Some(c) => c,
                None => probe.unclosed_limit(p.open),
            });
        }
        // Pairs are sorted by opening, so a later (inner) pair overwrites an outer one.
        for (k, p) in pairs.iter().enumerate() {
            let k = u32::try_from(k).expect("a text of u32 offsets has fewer than u32::MAX marks");
            opens[p.open] = k;
            inside[p.open + 1..limits[k as usize]].fill(k);
        }
        let used = vec![false; pairs.len()];
        Extractor {
            doc,
            lexicon: probe.lexicon,
            tokens,
            norms: probe.norms,
            in_body,
            pairs,
            inside_pair: inside,
            opening_pair: opens,
            limits,
            used,
            quotes: Vec::new(),
            last_speaker: Speaker::default(),
            last_quote_paragraph: None,
            normalized_names: probe.normalized_names,
        }
    }

    /// The innermost pair token `i` lies strictly inside, or `NO_PAIR`.
    fn inside(&self, i: usize) -> usize {
        match self.inside_pair[i] {
            NO_PAIR_U32 => NO_PAIR,
            k => k as usize,
        }
    }

    /// The pair token `i` opens, or `NO_PAIR`.
    fn opens(&self, i: usize) -> usize {
        match self.opening_pair[i] {
            NO_PAIR_U32 => NO_PAIR,
            k => k as usize,
        }
    }

    /// The normalized name of entity `e`: the document's normalized text under the name
    /// (the offset map's `to_normalized`), else the name normalized apart.
    fn normalized_name(&self, e: usize) -> &str {
        self.normalized_names[e].get_or_init(|| {
            let doc = self.doc;
            let name = doc.entities[e].name;
            let normalized = &doc.text_layers.normalized;
            match normalized
                .as_str()
                .get(normalized.to_normalized(name).range())
            {
                Some(text) => Cow::Borrowed(text),
                None => Cow::Owned(isnad_text::normalize(doc.slice(name))),
            }
        })
    }

    fn norm(&self, i: usize) -> &'a str {
        self.norms[i]
    }

    /// The word without the proclitics the segmenter found (conjunction, preposition,
    /// article): "لكرة" → "كره", "الوزير" → "وزير".
    fn stem(&self, i: usize) -> &'a str {
        let n = self.norm(i);
        n.get(self.token(i).clitics.prefix_bytes()..).unwrap_or(n)
    }

    /// The token range of the sentence that holds token `i`.
    fn sentence_of(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let s = self.doc.sentences()[self.doc.sentence_at(self.token(i).span.start)?];
        Some(s.first_token as usize..s.end_token as usize)
    }

    /// Whether token `i` is a title word, with its proclitics or without them.
    fn is_title_word(&self, i: usize) -> bool {
        TITLES.contains(&self.stem(i)) || TITLES.contains(&self.norm(i))
    }

    fn token(&self, i: usize) -> Token {
        self.tokens[i]
    }

    fn is_punct(&self, i: usize, chars: &[&str]) -> bool {
        self.token(i).kind == TokenKind::Punct && chars.contains(&self.norm(i))
    }

    /// The end token (exclusive) of a pair's quoted words.
    fn pair_end(&self, k: usize, limit: usize) -> usize {
        self.limits[k].min(limit)
    }

    /// Where a quotation opened at `open` and never closed ends: before the next sentence
    /// of its paragraph that opens with a reporting verb (the article's voice is back), or
    /// at the end of the paragraph.
    fn unclosed_limit(&self, open: usize) -> usize {
        let doc = self.doc;
        let pos = doc.tokens()[open].span.start;
        let pi = doc.paragraph_at(pos).unwrap_or(0);
        let para = doc.paragraphs()[pi];
        let si = doc.sentence_at(pos).unwrap_or(0);
        let mut limit = para.end_token as usize;
        for s in &doc.sentences()[si + 1..para.end_sentence as usize] {
            let first = s.first_token as usize;
            if self
                .cue(first)
                .is_some_and(|(c, conj, _)| conj && c.role == CueRole::Verb)
            {
                limit = first;
                break;
            }
        }
        // A teaser cut short ("«تعليق . . . الجماهير : وكالات"): the ellipsis ends it.
        let ellipsis = |k: usize| {
            matches!(self.norm(k), "..." | "…")
                || (k + 2 < limit && (k..k + 3).all(|m| self.norm(m) == "."))
        };
        (open + 1..limit).find(|&k| ellipsis(k)).unwrap_or(limit)
    }

    /// The word without a leading conjunction, and whether it had one.
    fn form(&self, i: usize) -> (&'a str, bool) {
        let t = self.token(i);
        let n = self.norm(i);
        if t.clitics.has(Prefix::Wa) || t.clitics.has(Prefix::Fa) {
            return (&n[2..], true);
        }
        (n, false)
    }

    /// The cue at token `i`, if the word is a reporting cue (a conjunction stripped, also
    /// when segmentation kept it on an unattested form), whether it had a conjunction, and
    /// its form.
    #[inline]
    fn cue(&self, i: usize) -> Option<(&'static Cue, bool, &'a str)> {
        // Looked up where asked, not stored: most words are asked once, and a stored
        // answer per word cost more than the lookup. The filter is asked here, inline,
        // so that the nineteen words in twenty it turns away cost no call.
        if self.tokens[i].kind != TokenKind::Arabic || !self.lexicon.may_be_cue(self.norms[i]) {
            return None;
        }
        self.cue_past_filter(i)
    }

    /// `cue` for a word the lexicon's filter let through.
    #[inline(never)]
    fn cue_past_filter(&self, i: usize) -> Option<(&'static Cue, bool, &'a str)> {
        let (t, norm) = (self.tokens[i], self.norms[i]);
        let conj = t.clitics.has(Prefix::Wa) || t.clitics.has(Prefix::Fa);
        let found = self.lexicon.word(norm, conj).or_else(|| {
            // "جاء", "ورد": a cue only before the document whose words it reports (asked
            // first: one comparison of the next word answers most words).
            document_after(self.doc, i)?;
            self.lexicon.document_word(norm, conj)
        });
        found.filter(|(c, conj, _)| !self.first_person_imperfect(i, c, *conj))
    }

    /// "أعتقد أن", "أعتبر أن": a verb whose perfect opens with a connecting alef (اعتقد,
    /// اعتبر, استبعد) written with a hamza and followed by its complement is the first
    /// person of its imperfect, the writer's or the speaker's own view, not a report of
    /// someone's words. Normalization folds the two together; the text as written keeps
    /// them apart. With a subject after it the hamza is a misspelling of the perfect
    /// ("وأشترط المعهد أن").
    fn first_person_imperfect(&self, i: usize, c: &Cue, conj: bool) -> bool {
        if c.role != CueRole::Verb
            || !c.lemma.starts_with('ا')
            || i + 1 >= self.tokens.len()
            || !self.is_complementizer(i + 1)
        {
            return false;
        }
        let written = self.token(i).span.slice(&self.doc.text);
        let mut chars = written.chars();
        if conj {
            chars.next();
        }
        chars.next() == Some('أ')
    }

    /// True when the token at `i` stands where a clause opens: at the start of a sentence,
    /// after punctuation, with a conjunction, or after a clause-opening word.
    fn opens_clause(&self, i: usize, sentence_start: usize, conj: bool) -> bool {
        if conj || i == sentence_start {
            return true;
        }
        let p = i - 1;
        self.token(p).kind == TokenKind::Punct || {
            let (form, _) = self.form(p);
            CLAUSE_OPENERS.contains(&form) || CLAUSE_OPENERS.contains(&self.norm(p))
        }
    }

    fn run(mut self) -> Vec<Quote> {
        let doc = self.doc;
        for (pi, para) in doc.paragraphs().iter().enumerate() {
            let range = para.first_token as usize..para.end_token as usize;
            if range.is_empty() || !range.clone().any(|i| self.in_body[i]) {
                continue;
            }
            let before = self.quotes.len();
            for s in &doc.sentences()[para.first_sentence as usize..para.end_sentence as usize] {
                self.sentence(pi, s.first_token as usize..s.end_token as usize);
            }
            if self.quotes.len() == before {
                self.continuation_paragraph(pi, range.clone());
            }
            self.headline(pi, range);
        }
        self.name_titles_from_next_sentence();
        self.quotes.sort_by_key(|q| q.span.start);
        self.quotes
    }

    /// A speaker the text introduces by a title alone and names at the start of the next
    /// sentence is that person: "قال مستشار لتحالف قوات سوريا الديمقراطية إن ... .
    /// وأضاف آمد سيدو أن", "صرح رئيس القوات المسلحة ... . واتهم الجنرال غادي ايزنكوت".
    /// The name must open the next sentence's reporting clause (a reporting verb among
    /// its first words, the name within a few words after it, titles between) and be the
    /// person's first mention: a person named before is someone the text already had. An
    /// unnamed source ("مصدر مطلع", "مسؤولون") stays unnamed; quotes that went on with the
    /// title ("وأضاف") get the name too.
    fn name_titles_from_next_sentence(&mut self) {
        /// How far into the next sentence its reporting verb may stand ("من جهته، قال").
        const VERB_WITHIN: usize = 4;
        /// How far after the verb the name may start (titles and marks between).
        const NAME_WITHIN: usize = 5;
        let doc = self.doc;
        let untold = |q: &Quote| q.speaker.is_none() && q.speaker_description.is_some();
        if !self.quotes.iter().any(untold) {
            return;
        }
        let sentences = doc.sentences();
        let mut first_mention: Vec<u32> = vec![u32::MAX; doc.entities.len()];
        for m in &doc.mentions {
            let f = &mut first_mention[m.entity as usize];
            *f = (*f).min(m.span.start);
        }
        for qi in 0..self.quotes.len() {
            let q = &self.quotes[qi];
            let (None, Some(description)) = (q.speaker, q.speaker_description) else {
                continue;
            };
            let head = doc.text_layers.token_at_or_after(description.start);
            // A person's title ("مدير فرع الجمعية", "متحدث باسم الوزارة", "مسؤول كبير") or
            // a nisba standing for one ("برلماني فرنسي"); not a body ("جهاز مكافحة
            // الإرهاب"), several people ("باحثون") or a name the tagger missed ("ترامب").
            let stem = self.stem(head);
            let bare = without_article(stem);
            let title = TITLES.contains(stem)
                || TITLES.contains(bare)
                || TITLES_AFTER_ARTICLE.contains(bare)
                || bare == "مسؤول";
            let nisba = !self.token(head).clitics.is_definite()
                && bare.ends_with('ي')
                && bare.chars().count() >= 4;
            if !(title || nisba) || is_org_head(bare) {
                continue;
            }
            let Some(s) = doc.sentence_at(description.start) else {
                continue;
            };
            let Some(next) = sentences.get(s + 1) else {
                continue;
            };
            let (first, end) = (next.first_token as usize, next.end_token as usize);
            let verb = (first..(first + VERB_WITHIN).min(end)).find_map(|i| {
                let (c, _, _) = self.cue(i).filter(|(c, _, _)| c.role == CueRole::Verb)?;
                self.in_body[i].then_some((i, c))
            });
            // Not a sentence of quoted words ("...». وقال فلان ...": the next sentence
            // opens after the quotation).
            let Some((verb, cue)) = verb.filter(|&(v, _)| {
                let at = self.token(v).span;
                !self.quotes.iter().any(|q| q.span.overlaps(at))
            }) else {
                continue;
            };
            let named = (verb + 1..(verb + 1 + NAME_WITHIN).min(end)).find_map(|i| {
                let m = doc.mentions_starting_in(self.token(i).span).first()?;
                let entity = &doc.entities[m.entity as usize];
                (entity.kind == EntityType::Per
                    && m.kind == MentionKind::Name
                    && !self.is_title_word(i)
                    && first_mention[m.entity as usize] >= next.span.start)
                    .then_some((i, m))
            });
            let Some((at, mention)) = named else {
                continue;
            };
            // The next sentence must say it is the same person: a verb that goes on with
            // the last speaker ("وأضاف آمد سيدو"), the title again ("وأضاف المسؤول مصطفى
            // السيجري"), or the surname alone, as for someone already introduced ("مدير
            // فرع الجمعية ... . وأكد السروي"). "وقال عماد جاد" may be anyone.
            let continuing = CONTINUING_LEMMAS.contains(&cue.lemma.as_str());
            let title_again = (verb + 1..at).any(|k| {
                self.token(k).clitics.is_definite() && without_article(self.stem(k)) == bare
            });
            let surname_alone = doc.text_layers.token_at_or_after(mention.span.end) == at + 1
                && self.token(at).clitics.is_definite();
            if !(continuing || title_again || surname_alone) {
                continue;
            }
            let person = mention.entity;
            for q in self.quotes.iter_mut() {
                if q.speaker.is_none() && q.speaker_description == Some(description) {
                    q.speaker = Some(person);
                    q.speaker_description = None;
                }
            }
        }
    }

    fn sentence(&mut self, pi: usize, range: std::ops::Range<usize>) {
        let end = range.end;
        let mut i = range.start;
        let mut sentence_speaker: Option<Speaker> = None;
        while i < end {
            if !self.in_body[i] || self.inside(i) != NO_PAIR {
                i += 1;
                continue;
            }
            // "..., بحسب ما أعلنت اللجنة": the attribution follows the reported clause.
            // Its head word is asked first: most words follow none.
            let after_head = i > range.start && matches!(self.norm(i - 1), "حسبما" | "ما" | "لما");
            if let Some(cue) = after_head.then(|| self.attribution_verb(i)).flatten() {
                if let Some((start, comma)) = self.postposed_attribution(i, range.start) {
                    let zone_end = (i + 1..end)
                        .find(|&k| self.is_punct(k, &["،", ",", "؛", ";", "."]))
                        .unwrap_or(end);
                    let speaker = self.speaker(i + 1..zone_end, Some(&cue.lemma));
                    let speaker = self.or_previous(speaker, sentence_speaker);
                    let before = self.quotes.len();
                    self.reported(pi, start, i, speaker, range.start..comma, true);
                    // "وتراجع المؤشر ...": the clause starts after its conjunction.
                    let opening = self.token(start);
                    let first = self.without_conjunction(start, opening.clitics.has(Prefix::Wa));
                    if let Some(q) = self.quotes.get_mut(before) {
                        if q.span.start == opening.span.start {
                            q.span.start = first.start;
                        }
                    }
                    sentence_speaker = Some(speaker);
                    i = zone_end.max(i + 1);
                    continue;
                }
            }
            let Some((cue, conj, form)) = self.cue(i) else {
                i += 1;
                continue;
            };
            let initial = self.opens_clause(i, range.start, conj);
            if !initial && cue.ambiguous {
                i += 1;
                continue;
            }
            // A verbal-noun object right after the subject comes first: a preposition
            // further on belongs to another word ("أعلنت إيران انتهاء ... كما أسفر عن").
            let frame = self
                .noun_object_frame(i, cue, end)
                .or_else(|| self.frame(i, cue, end))
                .or_else(|| self.unmarked_after_continuing(i, cue, end));
            let Some(frame) = frame else {
                // A quotation right before the cue: «...»، قال فلان.
                if cue.role == CueRole::Verb {
                    if let Some(k) = self.quote_before(i, range.start) {
                        let speaker = self.speaker(i + 1..end, Some(&cue.lemma));
                        let speaker = self.or_previous(speaker, sentence_speaker);
                        self.push_pair(pi, k, QuoteKind::Direct, speaker, i, range.clone());
                        sentence_speaker = Some(speaker);
                    }
                }
                i += 1;
                continue;
            };
            let speaker = if cue.role == CueRole::Participle {
                // "قائلة", "مضيفا": the speaker of the sentence's reporting clause; with
                // none, the subject of the verb that opens the sentence ("وانتقدت وزارة
                // الخارجية المصرية التقرير في بيان قائلة ..."), when it names someone.
                sentence_speaker.unwrap_or_else(|| {
                    let opening = self.speaker(range.start + 1..i, None);
                    if opening.entity.is_some() {
                        opening
                    } else {
                        self.last_speaker
                    }
                })
            } else {
                // "وجاء في بيان للجيش أن": the document is the subject.
                let document = cue.in_document.then(|| document_after(self.doc, i));
                let zone = match document.flatten() {
                    Some(k) if k < frame.zone.end => k..frame.zone.end,
                    _ => frame.zone.clone(),
                };
                let mut s = self.speaker(zone, Some(&cue.lemma));
                // "لكنه استبعد إمكان التوصل إلى": the pronoun on لكن is the subject, and
                // the words after the verb are its object.
                if i > range.start && self.contrast_with_pronoun(i - 1) {
                    s = Speaker::default();
                }
                // A place after a verb of the masculine is its object, not its subject:
                // places are feminine, and a verb before a feminine subject takes its
                // mark ("ودعا ألمانيا إلى", but "ودعت ألمانيا").
                if self.masculine_verb(i)
                    && (self.is_feminine_place(s.entity) || self.feminine_body_after(i, s))
                {
                    s = Speaker::default();
                }
                // Subject before the verb ("كان التحالف أعلن أن", "الوزير قال إن").
                // "وكانت تقارير إعلامية قد أشارت": a subject before قد.
                let after_qad = i > range.start && self.norm(i - 1) == "قد";
                // "دييجو مارادونا الذي قال إن": the relative clause's antecedent.
                let after_relative =
                    i > range.start && matches!(self.norm(i - 1), "الذي" | "التي" | "الذين");
                // "وكانت الأمم المتحدة قد دعت الحكومة السورية إلى": a subject before قد
                // is the verb's, and the words after the verb are its object. Not for a
                // relay, whose speaker is the source after عن ("وكانت رويترز قد نقلت عن
                // مصدر").
                if after_qad && s.is_known() && cue.lemma != "نقل" {
                    let before = self.subject_before(i, range.start);
                    if before.is_known() {
                        s = before;
                    }
                }
                // "الحبحب الذي وصفه بأنه": the antecedent is the object.
                if !s.is_known()
                    && (!initial || after_qad || after_relative)
                    && !self.relative_with_object_pronoun(i, range.start, cue, form)
                {
                    s = self.subject_before(i, range.start);
                }
                // "أما المحلل خالد العلكمي فأشار إلى": the topic is the subject.
                if !s.is_known() {
                    s = self.topic_subject(i, range.start);
                }
                // "X الذي تحدث عن هوايته ويقول إنه": a verb joined by و inside a
                // relative clause has the clause's antecedent for subject.
                if !s.is_known() && conj && sentence_speaker.is_none() {
                    s = self.relative_antecedent(i, range.start);
                }
                // A dropped subject is the person the text moved to since the last
                // quotation ("وعد الرئيس بوروشنكو بإحقاق العدالة. وكتب أن ..."), except
                // after a verb of continuing ("وأضاف"), which goes on with the last speaker.
                if !s.is_known()
                    && sentence_speaker.is_none()
                    && !CONTINUING_LEMMAS.contains(&cue.lemma.as_str())
                {
                    s = self.recent_subject(i, range.start);
                }
                self.or_previous(s, sentence_speaker)
            };
            sentence_speaker = Some(speaker);
            i = self.content(pi, &frame, speaker, range.clone());
        }
    }

    /// The reporting verb at `i`, also with the object pronoun that refers back to the
    /// report in an attribution ("وفقا لما ذكرته", "بحسب ما نقلته").
    fn attribution_verb(&self, i: usize) -> Option<&'static Cue> {
        if let Some((c, _, _)) = self.cue(i) {
            return (c.role == CueRole::Verb).then_some(c);
        }
        let t = self.token(i);
        if t.kind != TokenKind::Arabic {
            return None;
        }
        self.verb_under_object_pronoun(self.norm(i))
            .filter(|c| c.role == CueRole::Verb)
    }

    /// The cue a word is without its object pronoun ("ذكرته" → ذكرت, "وصفه" → وصف).
    fn verb_under_object_pronoun(&self, form: &str) -> Option<&'static Cue> {
        let bare = ["ها", "هم", "ه"]
            .iter()
            .find_map(|p| form.strip_suffix(p))?;
        self.lexicon.word(bare, false).map(|(c, _, _)| c)
    }

    /// The reported clause of a cue at `i` that follows it as an attribution, after a
    /// comma: "ارتفع عدد ...، بحسب ما أعلنت اللجنة", "حسبما أفادت مصادر", "وفق ما ذكر",
    /// "وفقا لما نقلته". Returns the clause's first token (after a dateline such as
    /// "صنعاء - واشنطن -") and the comma.
    fn postposed_attribution(&self, i: usize, sentence_start: usize) -> Option<(usize, usize)> {
        if i < sentence_start + 2 {
            return None;
        }
        let head = match self.norm(i - 1) {
            "حسبما" => i - 1,
            "ما" if matches!(self.norm(i - 2), "بحسب" | "حسب" | "وفق") => i - 2,
            "لما" if matches!(self.norm(i - 2), "وفقا" | "طبقا") => i - 2,
            _ => return None,
        };
        let comma = head.checked_sub(1)?;
        if comma <= sentence_start || !self.is_punct(comma, &["،", ","]) {
            return None;
        }
        // A dateline's places end with a dash among the first words, an update's time
        // with a parenthesis ("تحديث ( 20 : 33 تغ )").
        let mut start = (sentence_start..comma.min(sentence_start + 10))
            .rev()
            .find(|&k| self.is_punct(k, &["-", "–", "—", ")"]))
            .map_or(sentence_start, |k| k + 1);
        while start < comma && self.token(start).kind == TokenKind::Punct {
            start += 1;
        }
        let words = (start..comma)
            .filter(|&k| self.token(k).kind.is_word())
            .count();
        if words < 3 {
            return None;
        }
        // The whole clause is the report: not when it holds a reporting clause of its own
        // ("من جانبه، أشار X إلى أن ...، وفقا لما نقله موقع"), which already gave a quote
        // or ends the content early.
        let clause = Span {
            start: self.token(start).span.start,
            end: self.token(comma).span.start,
        };
        if self.quotes.iter().any(|q| q.span.overlaps(clause))
            || self.content_end(start, comma) < comma
        {
            return None;
        }
        Some((start, comma))
    }

    /// The speaker, or the previous one when the zone names no one.
    fn or_previous(&self, s: Speaker, in_sentence: Option<Speaker>) -> Speaker {
        if s.is_known() {
            s
        } else {
            in_sentence.unwrap_or(self.last_speaker)
        }
    }

    /// Reads the frame of the cue at `cue`: its speaker zone and what opens the content.
    fn frame(&self, cue: usize, c: &Cue, end: usize) -> Option<Frame> {
        const MAX_ZONE: usize = 40;
        let start = cue + 1;
        if let Some(f) = self.unmarked_after_saying(cue, c, end) {
            return Some(f);
        }
        let mut j = start;
        while j < end && j - start <= MAX_ZONE {
            let t = self.token(j);
            let n = self.norm(j);
            let k = self.opens(j);
            if k != NO_PAIR {
                if self.quotation_is_content(k, start, end, c) {
                    return Some(Frame {
                        cue,
                        zone: start..j,
                        opener: Opener::Quotation(k),
                    });
                }
                // A name or title in quotation marks: part of the zone.
                j = self.pairs[k].close.map_or(end, |c| c + 1);
                continue;
            }
            if t.kind == TokenKind::Punct {
                match n {
                    ":" => {
                        return Some(Frame {
                            cue,
                            zone: start..j,
                            opener: Opener::Colon(j),
                        })
                    }
                    // "(بي.بي.سي)": a period inside short parentheses ends nothing.
                    "." if self.in_short_parentheses(j) => {}
                    // "وأوضح العميد د. أحمد الغامدي أن", "في إس.بي أنجل": an initial's
                    // period, or initials written together, which end no sentence either.
                    "." if isnad_text::sentence::period_abbreviates(
                        self.tokens,
                        j,
                        self.doc.norm(),
                    ) => {}
                    "." | "..." | "؟" | "?" | "!" | "؛" => return None,
                    _ => {}
                }
            }
            if t.kind == TokenKind::Arabic {
                // "لم تذكر سامسونج الأجهزة ، إلا أنها قالت": a contrast ends the clause of
                // a cue that found no content.
                if self.is_complementizer(j) {
                    if self.after_contrast(j, start) {
                        return None;
                    }
                    return Some(Frame {
                        cue,
                        zone: start..j,
                        opener: Opener::Complementizer(j),
                    });
                }
                for p in &c.prepositions {
                    if let Some(opener) = self.preposition(j, p, start, end) {
                        return Some(Frame {
                            cue,
                            zone: start..j,
                            opener,
                        });
                    }
                }
                // Another frame begins: this cue had no content of its own.
                if j > start
                    && self
                        .cue(j)
                        .is_some_and(|(c2, conj, _)| conj && c2.role == CueRole::Verb)
                {
                    return None;
                }
            }
            j += 1;
        }
        None
    }

    /// A statement whose content is the verbal noun that is its object ("أعلنت إيران
    /// الثلاثاء انتهاء عمليات الإنقاذ", "نفى خليل وجود أي نية", "مؤكدا وجود وسائل"): after
    /// a verb, a named subject (maybe after its title), time words and a place ("في إقليم
    /// كردستان"), then a common noun without article or clitic in construct with the next
    /// word. A definite object names a topic or a report, not its content ("نفى الأنباء");
    /// a rare word, or one that starts a name, belongs to the subject.
    fn noun_object_frame(&self, cue: usize, c: &Cue, end: usize) -> Option<Frame> {
        /// A verbal noun is a common word: at least this often in the corpus counts.
        /// "خلو" (83) and "نبأ" (147) are objects; below 50, the rare words are as often a
        /// name or a verb the segmenter misread.
        const COMMON: u32 = 50;
        if !NOUN_OBJECT_LEMMAS.contains(&c.lemma.as_str()) {
            return None;
        }
        let doc = self.doc;
        // The end token of the first entity mention that starts in `from..to`, with only
        // words before it.
        let mention_end = |from: usize, to: usize| -> Option<usize> {
            for j in from..to.min(end) {
                let t = self.token(j);
                let n = self.norm(j);
                if t.kind != TokenKind::Arabic || is_function_word(n) || self.is_complementizer(j) {
                    return None;
                }
                if let Some(m) = doc
                    .mentions_starting_in(t.span)
                    .iter()
                    .max_by_key(|m| m.span.end)
                {
                    let e = doc.text_layers.token_at_or_after(m.span.end - 1) + 1;
                    return (e <= end).then_some(e);
                }
            }
            None
        };
        let mut j = cue + 1;
        if c.role == CueRole::Verb {
            while j < end && self.is_time_word(j) {
                j += 1;
            }
            if j >= end {
                return None;
            }
            // The subject is a name, or a title before one ("مدير شؤون المعلمين عبدالله
            // خضران"); another word is no subject but the object ("تؤكد عزم الولايات").
            let stem = self.stem(j);
            let titled = self.is_title_word(j);
            let named = !doc.mentions_starting_in(self.token(j).span).is_empty();
            // "وأكدت الهيئة ...": an organisation's head noun standing for it.
            let head_noun = !titled
                && !named
                && self.token(j).clitics.is_definite()
                && is_org_head(stem)
                && self.organisation_with_head(j).is_some();
            if head_noun {
                j += 1;
            } else if titled || named {
                j = mention_end(j, j + 6)?;
                // A title's organisation, then the person with an honorific: "وزير الشؤون
                // البلدية رئيس اللجنة العامة للانتخابات المهندس عبداللطيف آل الشيخ".
                // The words between are the person's role, as the entity layer read it.
                if let Some(k) = (j..end.min(j + 3)).find(|&k| self.starts_person(k)) {
                    let roles: Vec<Span> = doc
                        .mentions_starting_in(self.token(k).span)
                        .iter()
                        .flat_map(|m| doc.entities[m.entity as usize].roles.iter().copied())
                        .collect();
                    let in_role = (j..k).all(|m| {
                        let t = self.token(m).span;
                        TITLES.contains(&self.norm(m)) || roles.iter().any(|r| r.contains(t))
                    });
                    if in_role {
                        j = mention_end(k, k + 1)?;
                    }
                }
            } else if self.definite_content_word(j) {
                // A common definite subject and its adjectives: "أعلنت السلطات الإيرانية
                // الاثنين مقتل", "نفى المصدر نفسه قصف", "أكدت الدراسة وجود".
                j += 1;
                while j < end && j < cue + 5 && self.definite_content_word(j) {
                    j += 1;
                }
                if j < end && self.norm(j) == "نفسه" {
                    j += 1;
                }
            } else {
                return None;
            }
        }
        // An adverb with its tanween between the subject and the object: "مجدداً".
        let adverb = |j: usize| {
            let t = self.token(j);
            t.kind == TokenKind::Arabic
                && doc.slice(t.span).contains(isnad_text::chars::TANWEEN_FATH)
        };
        loop {
            if j < end && (self.is_time_word(j) || adverb(j)) {
                j += 1;
            } else if j + 1 < end && self.norm(j) == "في" {
                j = mention_end(j + 1, j + 4)?;
            } else {
                break;
            }
        }
        let object = j;
        if object + 1 >= end {
            return None;
        }
        let t = self.token(object);
        let n = self.norm(object);
        // A possessive pronoun may close the noun ("منحها", "حرصه"): it names the
        // subject again. The noun is counted without it. Before a pronoun a final ت is
        // as often a perfect verb's ending ("اعتمدتها") as a noun's ة, and is left out.
        let n = n.get(..n.len() - t.clitics.suffix_bytes()).unwrap_or(n);
        let verb_like = t.clitics.suffix_bytes() > 0 && n.ends_with('ت');
        let noun = t.kind == TokenKind::Arabic
            && !verb_like
            && t.clitics.prefixes().next().is_none()
            && n.chars().count() >= 3
            && !PREPOSITIONS.contains(&n)
            && !ZONE_PREPOSITIONS.contains(&n)
            && (!COMPLEMENTIZERS.contains(&n) || self.names_ban(object))
            && !TIME_WORDS.contains(&n)
            && !is_function_word(n)
            // "حمود الشمري أحد المواطنين": an apposition that says who the subject is.
            && !matches!(n, "احد" | "احدي")
            && self.cue(object).is_none()
            && doc.mentions_starting_in(t.span).is_empty()
            && isnad_resources::word_counts().count(n) >= COMMON;
        // The genitive, a word or a figure ("مقتل 328 شخصا").
        let genitive = matches!(
            self.token(object + 1).kind,
            TokenKind::Arabic | TokenKind::Number
        );
        (noun && genitive).then_some(Frame {
            cue,
            zone: cue + 1..object,
            opener: Opener::Preposition { content: object },
        })
    }

    /// The words right after "قائلا" or "متسائلا" with no mark, colon or complementizer
    /// ahead in the sentence are the speaker's own ("وعلق قائلاً ايقاف الاستيراد الحق بنا
    /// خسائر", "وتابع قائلاً وعلى الرغم من اننا ..."): a participle of saying is followed
    /// by what was said. The frame reads them as after a colon.
    fn unmarked_after_saying(&self, cue: usize, c: &Cue, end: usize) -> Option<Frame> {
        /// How far ahead a colon, a quotation mark or a complementizer still opens the
        /// content the ordinary way ("قائلا في بيان: ...").
        const LOOKAHEAD: usize = 8;
        if c.role != CueRole::Participle || !matches!(c.lemma.as_str(), "قال" | "تساءل") {
            return None;
        }
        let first = cue + 1;
        // "متسائلا عن سبب ...": the topic of the question, not its words.
        if first >= end || self.token(first).kind != TokenKind::Arabic || self.norm(first) == "عن"
        {
            return None;
        }
        (!self.content_opener_in(first..end.min(first + LOOKAHEAD))).then_some(Frame {
            cue,
            zone: first..first,
            opener: Opener::Colon(cue),
        })
    }

    /// Whether something in `range` opens reported content the ordinary way: a quotation
    /// mark, a colon or a complementizer. A complementizer after من is a concessive's or a
    /// comparison's ("على الرغم من أننا", "بدلا من أن"), not the one that opens the content.
    fn content_opener_in(&self, range: std::ops::Range<usize>) -> bool {
        let first = range.start;
        range.into_iter().any(|j| {
            let n = self.norm(j);
            let complementizer = (self.is_complementizer(j)
                || (COMPLEMENTIZERS.contains(&self.stem(j)) && !self.names_ban(j)))
                && !(j > first && self.stem(j - 1) == "من");
            self.opens(j) != NO_PAIR || self.inside(j) != NO_PAIR || n == ":" || complementizer
        })
    }

    /// The words right after "وأضاف" with no subject, and no mark, colon or complementizer
    /// anywhere in the sentence, are the last speaker's ("وأضاف بلغت التكلفة الإجمالية
    /// ..."): the past of the verb of continuing, after و, goes on with a quotation. What
    /// follows must open a clause: not a definite word (a subject, and then another sense
    /// of the verb: "وأضاف الدولي الغاني الهدف الثاني"), a preposition, a title or a
    /// name. The present ("تضيف مزيدا من الإثارة") is left out for the same reason. The
    /// frame reads the words as after a colon.
    fn unmarked_after_continuing(&self, cue: usize, c: &Cue, end: usize) -> Option<Frame> {
        let j = cue + 1;
        if c.role != CueRole::Verb
            || c.lemma != "أضاف"
            || self.last_quote_paragraph.is_none()
            || !self.norm(cue).starts_with("واضاف")
            || j + 2 >= end
        {
            return None;
        }
        let t = self.token(j);
        let n = self.norm(j);
        let opens = t.kind == TokenKind::Arabic
            && t.clitics.prefixes().next().is_none()
            && !PREPOSITIONS.contains(&n)
            && !ZONE_PREPOSITIONS.contains(&n)
            && !self.is_complementizer(j)
            && !TIME_WORDS.contains(&n)
            && (!is_function_word(n) || matches!(n, "لا" | "لم" | "لن" | "قد"))
            && !self.is_title_word(j)
            && self.cue(j).is_none()
            && self.doc.mentions_starting_in(t.span).is_empty();
        (opens && !self.content_opener_in(j..end)).then_some(Frame {
            cue,
            zone: j..j,
            opener: Opener::Colon(cue),
        })
    }

    /// True when token `i` is an Arabic word with the article and no other clitic, and no
    /// function, time or reporting word: a common noun or adjective of a subject.
    fn definite_content_word(&self, i: usize) -> bool {
        let t = self.token(i);
        let n = self.norm(i);
        t.kind == TokenKind::Arabic
            && t.clitics.only_article()
            && !is_function_word(n)
            && !self.is_time_word(i)
            && self.cue(i).is_none()
    }

    /// True when token `i` is a time word ("اليوم") or lies in a temporal expression of
    /// the timex layer ("الاثنين", "في الخامس من ديسمبر").
    fn is_time_word(&self, i: usize) -> bool {
        let t = self.token(i).span;
        TIME_WORDS.contains(&self.norm(i)) || self.doc.timex.iter().any(|x| x.span.contains(t))
    }

    /// Where the contrast opener whose last word is at `last` starts, not before `floor`:
    /// "بينما", "لكنه", and "في حين" over two words.
    fn contrast_start(&self, last: usize, floor: usize) -> Option<usize> {
        if !CONTRAST_OPENERS.contains(&self.form(last).0) {
            return None;
        }
        let two_words = last > floor && self.norm(last) == "حين" && self.norm(last - 1) == "في";
        Some(if two_words { last - 1 } else { last })
    }

    /// Whether the cue `c` at `i` (its form `form`) carries an object pronoun that refers
    /// back to a relative word right before it ("الحبحب الذي وصفه بأنه", "محتجزين فيما وصفه
    /// بأنه"): a report of its own, whose subject is the sentence's speaker, while the
    /// antecedent is its object.
    fn relative_with_object_pronoun(&self, i: usize, floor: usize, c: &Cue, form: &str) -> bool {
        i > floor
            && matches!(self.norm(i - 1), "الذي" | "التي" | "فيما")
            && self
                .verb_under_object_pronoun(form)
                .is_some_and(|bare| bare.lemma == c.lemma)
    }

    /// Whether the complementizer at `j` follows a contrast after a comma ("، إلا أن",
    /// "، غير أنه", "، بيد أن"): a new clause, not the content of a cue before it.
    fn after_contrast(&self, j: usize, floor: usize) -> bool {
        j >= floor + 2
            && matches!(self.norm(j - 1), "الا" | "غير" | "بيد")
            && self.is_punct(j - 2, &["،", ","])
    }

    /// Whether token `j` lies inside a pair of parentheses that opens and closes within a
    /// few tokens of it.
    fn in_short_parentheses(&self, j: usize) -> bool {
        const REACH: usize = 12;
        let n = self.doc.tokens().len();
        let opens = (j.saturating_sub(REACH)..j)
            .rev()
            .map(|k| self.norm(k))
            .find(|&t| t == "(" || t == ")")
            == Some("(");
        opens
            && (j + 1..(j + REACH).min(n))
                .map(|k| self.norm(k))
                .find(|&t| t == "(" || t == ")")
                == Some(")")
    }

    /// The governed preposition at `j`, as a separate word (إلى، على، عن) or a clitic
    /// (بـ، لـ, on the word or standing alone before a quotation).
    fn preposition(&self, j: usize, p: &str, zone_start: usize, end: usize) -> Option<Opener> {
        let t = self.token(j);
        let n = self.norm(j);
        let clitic_form = matches!(p, "ب" | "ل");
        if n == p && !clitic_form {
            // "أشار إلى أن ..." is a clause after all, also with a stray comma between
            // ("وأشار إلى، أنه").
            let mut k = j + 1;
            if k + 1 < end && self.is_punct(k, &["،", ","]) {
                k += 1;
            }
            if k < end && self.is_complementizer(k) {
                return Some(Opener::Complementizer(k));
            }
            return (j + 1 < end).then_some(Opener::Preposition { content: j + 1 });
        }
        let clitic = match p {
            // بـ governs the content only when no person is named soon after it while
            // none was before it: in "ووصف الأمين العام ... بالجامعة العربية السفير محمد
            // صبيح ... الهجوم بالأمر الخطير", the first بـ is the subject's.
            // Nor when a complementizer follows soon, before any punctuation: in "أفادت
            // مصادر مختصة بالاقتصاد بأن ..." the content is the clause ("بالأمر الخطير،
            // وخاصة أنه" goes on with the content).
            "ب" => {
                (n == "ب" || t.clitics.has(Prefix::Bi))
                    && (!self.names_person(j + 1..end.min(j + 8))
                        || self.names_person(zone_start..j))
                    && !(j + 1..end.min(j + 8))
                        .take_while(|&k| self.token(k).kind != TokenKind::Punct)
                        .any(|k| self.is_complementizer(k))
            }
            // لـ governs the content only when no إلى comes later in the clause: in
            // "دعا الأمين العام للأمم المتحدة ... إلى", the لـ is the subject's.
            "ل" => {
                (n == "ل" || t.clitics.has(Prefix::Li) || t.clitics.has(Prefix::AlAssimilated))
                    && !(j + 1..end.min(j + 25)).any(|k| self.norm(k) == "الي")
            }
            _ => false,
        };
        clitic.then_some(Opener::Preposition { content: j })
    }

    /// Whether a person's name starts in token `i`.
    fn starts_person(&self, i: usize) -> bool {
        let doc = self.doc;
        doc.mentions_starting_in(self.token(i).span)
            .iter()
            .any(|m| doc.entities[m.entity as usize].kind == EntityType::Per)
    }

    /// Whether token `j` is a complementizer that opens reported content. "بان" written
    /// without its hamza is also the name "بان كي مون" ("الباحث أحمد بان"): at the start of
    /// a person's name it is that name.
    fn is_complementizer(&self, j: usize) -> bool {
        COMPLEMENTIZERS.contains(&self.norm(j)) && !self.names_ban(j)
    }

    /// Whether token `j` is "بان", written without its hamza, starting a person's name.
    fn names_ban(&self, j: usize) -> bool {
        self.doc.slice(self.token(j).span) == "بان" && self.starts_person(j)
    }

    /// Whether a person's name starts among the tokens `range`.
    fn names_person(&self, mut range: std::ops::Range<usize>) -> bool {
        range.any(|k| self.starts_person(k))
    }

    /// Whether the quotation opening at pair `k`, met in a speaker zone, is the content of
    /// the frame. It is a name instead when a preposition or a naming noun governs it
    /// (`على "تويتر"`, `لـ«الشرق الأوسط»`, `قناة "سكاي نيوز"`), or when a complementizer or a
    /// colon still follows it in the sentence.
    fn quotation_is_content(&self, k: usize, zone_start: usize, end: usize, cue: &Cue) -> bool {
        let open = self.pairs[k].open;
        if open > zone_start {
            let prev = self.norm(open - 1);
            let (prev_form, _) = self.form(open - 1);
            let governed = PREPOSITIONS.contains(&prev) || PREPOSITIONS.contains(&prev_form);
            let own_preposition = cue.prepositions.iter().any(|p| p == prev);
            let label = LABEL_NOUNS.contains(&prev_form) || self.label_with_preposition(k);
            if (governed && !own_preposition) || label {
                return false;
            }
        }
        // A name in quotation marks ("«داعش»", "«منطقة خفض التوتر»") is no one's words
        // (asked last: the other tests are cheaper).
        let Some(close) = self.pairs[k].close else {
            return !self.is_label(k);
        };
        let mut j = close + 1;
        while j < end && j <= close + 12 {
            let n = self.norm(j);
            if n == ":"
                || self.is_complementizer(j)
                || cue
                    .prepositions
                    .iter()
                    .any(|p| p == n && !matches!(n, "ب" | "ل"))
            {
                return false;
            }
            if matches!(n, "." | "؟" | "?" | "!") {
                break;
            }
            // A complementizer after another reporting word is that word's: in
            // "واضاف \"...\" , مشيرا الى ان", the quotation is what was added.
            if self.cue(j).is_some_and(|(c2, conj, _)| {
                c2.role == CueRole::Participle || (conj && c2.role == CueRole::Verb)
            }) {
                break;
            }
            j += 1;
        }
        (open + 1..close).any(|i| self.token(i).kind.is_word()) && !self.is_label(k)
    }

    /// A closed, unused quotation that ends right before the cue at `i` (only punctuation
    /// in between).
    fn quote_before(&self, i: usize, sentence_start: usize) -> Option<usize> {
        let mut j = i;
        while j > sentence_start && j + 3 > i && self.token(j - 1).kind == TokenKind::Punct {
            if let Some(k) = self.pairs.iter().position(|p| p.close == Some(j - 1)) {
                return (!self.used[k]).then_some(k);
            }
            j -= 1;
        }
        None
    }

    /// Emits the quotes of a frame's content; returns the token where scanning resumes.
    fn content(
        &mut self,
        pi: usize,
        frame: &Frame,
        speaker: Speaker,
        sentence: std::ops::Range<usize>,
    ) -> usize {
        let end = sentence.end;
        match frame.opener {
            Opener::Quotation(k) => {
                // This quotation and the ones after it in the sentence, until another frame.
                self.push_pair(
                    pi,
                    k,
                    QuoteKind::Direct,
                    speaker,
                    frame.cue,
                    sentence.clone(),
                );
                let mut next = self.pair_end(k, end) + 1;
                while next < end {
                    if self.inside(next) == NO_PAIR
                        && self
                            .cue(next)
                            .is_some_and(|(c, conj, _)| conj || c.role == CueRole::Participle)
                    {
                        return next;
                    }
                    let k2 = self.opens(next);
                    if k2 != NO_PAIR && !self.is_label(k2) {
                        self.push_pair(
                            pi,
                            k2,
                            QuoteKind::Direct,
                            speaker,
                            frame.cue,
                            sentence.clone(),
                        );
                        next = self.pair_end(k2, end) + 1;
                        continue;
                    }
                    next += 1;
                }
                end
            }
            Opener::Colon(c) => {
                let first = c + 1;
                if first >= end {
                    return end;
                }
                let k = self.opens(first);
                if k != NO_PAIR {
                    let f = Frame {
                        cue: frame.cue,
                        zone: frame.zone.clone(),
                        opener: Opener::Quotation(k),
                    };
                    return self.content(pi, &f, speaker, sentence);
                }
                if self.is_complementizer(first) {
                    return self.reported(pi, first + 1, frame.cue, speaker, sentence, true);
                }
                // Words after a colon without quotation marks: the speaker's own words.
                self.reported(pi, first, frame.cue, speaker, sentence, false)
            }
            Opener::Complementizer(c) => {
                self.reported(pi, c + 1, frame.cue, speaker, sentence, true)
            }
            Opener::Preposition { content } => {
                self.reported(pi, content, frame.cue, speaker, sentence, true)
            }
        }
    }

    /// True when quotation `k` is a short name after a label noun that stands behind a
    /// preposition, without the article: "بمسرحية «همس الكراسي»", "لفيلم «...»". With the
    /// article the noun may be the subject whose words follow ("التنظيم «يحاول الدفاع
    /// ...»"); a long quotation is words, whatever precedes it (a scraped page may have
    /// lost the site's name: "بموقع «من يسمع بقانونهم سيقول ...»").
    fn label_with_preposition(&self, k: usize) -> bool {
        /// The most words a title of a work or a campaign has.
        const MAX_LABEL_WORDS: usize = 6;
        let p = self.pairs[k];
        let (Some(i), Some(close)) = (p.open.checked_sub(1), p.close) else {
            return false;
        };
        let c = self.token(i).clitics;
        let words = (p.open + 1..close)
            .filter(|&j| self.token(j).kind.is_word())
            .count();
        (c.has(Prefix::Bi) || c.has(Prefix::Li) || c.has(Prefix::Ka))
            && !c.is_definite()
            && words <= MAX_LABEL_WORDS
            && LABEL_NOUNS.contains(&self.stem(i))
    }

    /// True when a quoted phrase names something rather than quoting someone: a naming
    /// word introduces it ("باسم «...»", "قناة «...»"), or it is exactly an entity mention
    /// («داعش», "غرفة عمليات رابعة"); or it is a figure («10.5», «4 مليارات دولار»).
    fn is_label(&self, k: usize) -> bool {
        let p = self.pairs[k];
        if p.open > 0 {
            let (prev, _) = self.form(p.open - 1);
            if NAMING_WORDS.contains(&prev)
                || LABEL_NOUNS.contains(&prev)
                || self.label_with_preposition(k)
            {
                return true;
            }
        }
        let Some(close) = p.close else { return false };
        // Marks around a figure stress it («10.5» كلم, «85%»), also with its unit or
        // currency ("« 4 مليارات دولار »"): a number first, two words at most.
        let words = (p.open + 1..close)
            .filter(|&i| self.token(i).kind.is_word())
            .count();
        if words == 0 || (words <= 2 && self.token(p.open + 1).kind == TokenKind::Number) {
            return true;
        }
        // A few quoted words that name a body or a meeting themselves ("تشكيل \"مجموعة
        // عمل\"", "لعقد \"مؤتمر الحوار الوطني\""); a longer quotation that opens with such
        // a noun is a statement about it ("أن \"المؤتمر يأتي نتيجة ...\"").
        if p.open + 1 < close && close - p.open <= 6 && BODY_HEADS.contains(&self.stem(p.open + 1))
        {
            return true;
        }
        // A few quoted words that a relative clause describes are a name or a term: "نهج
        // «عام الخير» الذي أعلنه ...", "مع «يوم زايد للعمل الانساني» الذي يكرس ...".
        if words <= 6
            && close + 1 < self.doc.tokens().len()
            && matches!(self.norm(close + 1), "الذي" | "التي")
        {
            return true;
        }
        // A few quoted words that open with the head of a name, an organisation's, a
        // place's or a title's, are that name ("«الوحدات الكردية»", "«منطقة خفض
        // التوتر»", "«والي ولاية البركة»").
        if words <= 4 && is_name_head(self.stem(p.open + 1)) {
            return true;
        }
        let inner = Span {
            start: self.token(p.open).span.end,
            end: self.token(close).span.start,
        };
        let inner = isnad_doc::trim_span(&self.doc.text, inner);
        // A few words that end the name of an organisation of the document are its field,
        // named as a term ("مسار متخصص في \"الطب البديل والتكميلي\"" beside "المركز
        // الوطني للطب البديل والتكميلي").
        if words <= 4 && self.ends_an_organisation_name(inner) {
            return true;
        }
        // A name, also with one word the entity layer left out of it ("الجيش السوري الحر"
        // when only "الجيش السوري" was found).
        self.doc.mentions_starting_in(inner).iter().any(|m| {
            m.span == inner
                || (inner.contains(m.span)
                    && (m.span.len() + 4 >= inner.len()
                        || (m.span.start == inner.start
                            && words == self.words_inside(m.span, p.open + 1..close) + 1
                            && words >= 3)))
        })
    }

    /// Reported content from `start`: indirect, or direct/mixed when it holds quotations.
    /// `reported_speech` is false for unmarked verbatim words after a colon (direct).
    fn reported(
        &mut self,
        pi: usize,
        start: usize,
        cue: usize,
        speaker: Speaker,
        sentence: std::ops::Range<usize>,
        reported_speech: bool,
    ) -> usize {
        let end = self.content_end(start, sentence.end);
        let mut last = end;
        while last > start
            && self.token(last - 1).kind == TokenKind::Punct
            && !self.closes_pair(last - 1)
        {
            last -= 1;
        }
        if last <= start {
            return end.max(start + 1);
        }
        // Quotations that start inside the content (not nested in another one there).
        let inner: Vec<usize> = (start..last)
            .filter_map(|i| {
                let k = self.opens(i);
                (k != NO_PAIR
                    && !self.used[k]
                    && (self.inside(i) == NO_PAIR || self.pairs[self.inside(i)].open < start)
                    && !self.is_label(k))
                .then_some(k)
            })
            .collect();
        // Words of the content outside its quotations.
        let outside = (start..last)
            .filter(|&i| {
                self.token(i).kind.is_word()
                    && (self.inside(i) == NO_PAIR || self.pairs[self.inside(i)].open < start)
                    && !matches!(self.norm(i), "ب" | "ل" | "اذ" | "و")
            })
            .count();
        if !inner.is_empty() && outside == 0 {
            for k in inner {
                self.push_pair(pi, k, QuoteKind::Direct, speaker, cue, sentence.clone());
            }
        } else if !inner.is_empty() {
            for k in inner {
                self.push_pair(pi, k, QuoteKind::Mixed, speaker, cue, sentence.clone());
            }
        } else {
            let span = Span {
                start: self.token(start).span.start,
                end: self.token(last - 1).span.end,
            };
            let kind = if reported_speech {
                QuoteKind::Indirect
            } else {
                QuoteKind::Direct
            };
            self.push(pi, span, kind, speaker, cue, sentence);
        }
        end
    }

    fn closes_pair(&self, i: usize) -> bool {
        self.pairs.iter().any(|p| p.close == Some(i))
    }

    /// True when the words of `span` end the name of an organisation of the document
    /// that is longer than they are, after normalization; the article of the first word
    /// may be the name's لـ ("الطب" in "للطب").
    fn ends_an_organisation_name(&self, span: Span) -> bool {
        let doc = self.doc;
        let words = isnad_text::normalize(doc.slice(span));
        let words = words.trim();
        doc.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Org)
            .any(|(k, _)| {
                let name = self.normalized_name(k);
                // "الطب ..." follows a space, or is "للطب ..." in the name.
                name.strip_suffix(words)
                    .is_some_and(|head| head.ends_with(' '))
                    || words.strip_prefix("ال").is_some_and(|bare| {
                        name.strip_suffix(bare)
                            .is_some_and(|head| head.ends_with(" لل") || head.ends_with(" ل"))
                    })
            })
    }

    /// Where reported content that starts at `start` ends: the end of the sentence, or the
    /// next frame (", مضيفا أن", ", وأضاف ... أن"), or an attribution (", بحسب").
    fn content_end(&self, start: usize, end: usize) -> usize {
        let mut j = start;
        while j < end {
            // "رغم أن أبل قالت إن الجهاز سليم، إلا أن الاختبارات ...": the main clause
            // that answers a concessive one is the article's again.
            if j > start
                && j + 1 < end
                && self.norm(j) == "الا"
                && self.norm(j + 1).starts_with("ان")
                && self.in_concessive_clause(start)
            {
                return if self.is_punct(j - 1, &["،", ","]) {
                    j - 1
                } else {
                    j
                };
            }
            // An embedded post's own text is no part of the article's reported content.
            if !self.in_body[j] {
                return j;
            }
            // Inside a quotation that starts in the content, nothing ends the content.
            if self.inside(j) != NO_PAIR && self.pairs[self.inside(j)].open >= start {
                j += 1;
                continue;
            }
            if j > start
                && self.is_punct(j, &["-", "–", "—"])
                && j + 1 < end
                && self.editorial_aside(j + 1, end)
            {
                return j;
            }
            // "... انقضت دون أن يعطي أي مؤشرات", "، دون تحديد حصيلة", "، على حد
            // تعبيره": the reporter's remark on what the speaker left unsaid, or on the
            // words being the speaker's own.
            if j > start + 1 && self.reporter_remark(j, end) {
                return if self.is_punct(j - 1, &["،", ",", "؛", ";"]) {
                    j - 1
                } else {
                    j
                };
            }
            if j > start && self.is_punct(j, &["،", ",", "؛", ";"]) && j + 1 < end {
                let (next, _) = self.form(j + 1);
                if CONTENT_STOPS.contains(&next) || CONTENT_STOPS.contains(&self.norm(j + 1)) {
                    return j;
                }
                // "، وذلك بحسب ما ورد في التقرير", "، وذلك كله حسب المصدر": the same
                // attribution behind "وذلك"; not "وفق", which there is rather "in accordance
                // with" ("، وذلك وفق آخر تحديث اللائحة").
                if self.norm(j + 1) == "وذلك"
                    && (j + 2..end.min(j + 4))
                        .any(|k| matches!(self.form(k).0, "حسب" | "بحسب" | "حسبما" | "نقلا"))
                {
                    return j;
                }
                // "، وفيما يخص اللاعبين ..." / "، وبخصوص ...", "، من جانب آخر": the
                // reporter turns to another topic; "، أما المواطن فلان فقال": to another
                // speaker ("، أما البقية فتأتي من النوافذ" goes on with the same one).
                let topic = match next {
                    "فيما" => j + 2 < end && matches!(self.norm(j + 2), "يخص" | "يتعلق"),
                    "بخصوص" => true,
                    "اما" => self.topic_with_own_cue(j + 2, end),
                    "من" => {
                        j + 3 < end
                            && matches!(self.norm(j + 2), "جانب" | "جهه" | "ناحيه")
                            && matches!(self.norm(j + 3), "اخر" | "اخري")
                    }
                    _ => false,
                };
                if topic || self.editorial_aside(j + 1, end) {
                    return j;
                }
                // A new reporting clause: "، مضيفا", "، وقال", "، قال مصدر", also behind
                // a negation or auxiliary ("، ولم تذكر اللجنة").
                let mut v = j + 1;
                if let Some(last) = [v + 1, v]
                    .into_iter()
                    .find(|&e| e + 1 < end && self.contrast_start(e, v) == Some(v))
                {
                    v = last + 1;
                }
                if v + 1 < end && CLAUSE_PARTICLES.contains(&self.form(v).0) {
                    v += 1;
                }
                // An adverbial participle that reports no words ("، معبرا عن شكره"):
                // the reporter's voice again.
                if FRAMING_PARTICIPLES.contains(&self.form(v).0) {
                    return j;
                }
                if let Some((c, conj, _)) = self.cue(v) {
                    // Without a conjunction, a word that is also a noun ("بين", "طالب")
                    // may be just that.
                    if c.role != CueRole::Noun && (conj || !c.ambiguous) {
                        return j;
                    }
                } else if self.subject_first_report(v, end) {
                    return j;
                }
            }
            if j > start + 2 {
                if let Some((c, conj, form)) = self.cue(j) {
                    // "وقال ..." or an adverbial participle with its own content
                    // ("... للبرنامج مؤكدا أن"): a new quotation begins.
                    let new_frame =
                        (conj && c.role == CueRole::Verb) || c.role == CueRole::Participle;
                    if new_frame && self.frame(j, c, end).is_some() {
                        return j;
                    }
                    // "... وعن الأسعار قال مزمل إن": a fronted phrase with و opens the
                    // clause of the verb behind it.
                    if c.role == CueRole::Verb && !conj {
                        if let Some(k) = self.fronted_phrase(j, start) {
                            if self.frame(j, c, end).is_some() {
                                return k;
                            }
                        }
                    }
                    // "... الحبحب الذي وصفه بأنه": the speaker's own word for the
                    // antecedent is a report of its own.
                    if c.role == CueRole::Verb
                        && !conj
                        && self.relative_with_object_pronoun(j, start, c, form)
                        && self.frame(j, c, end).is_some()
                    {
                        return j - 1;
                    }
                    // "سيئة لكنه شدد على أن", "بينما تؤكد أربيل أن": a contrast opens
                    // another speaker's clause, or another one of the same speaker.
                    if c.role == CueRole::Verb {
                        if let Some(k) = self.contrast_start(j - 1, start) {
                            if self.frame(j, c, end).is_some() {
                                return k;
                            }
                        }
                    }
                }
                // "و تحدث عن ...": the article's voice again.
                let (form, conj) = self.form(j);
                let after_and = conj || self.norm(j - 1) == "و";
                if after_and && TOPIC_VERBS.contains(&form) {
                    return if conj { j } else { j - 1 };
                }
            }
            j += 1;
        }
        end
    }

    /// Whether a new report opens at `v` with its subject first: "، والناطق باسم الجيش
    /// الإسرائيلي يقول أن ...", "، لكن وزير الخارجية أكد أن ...". A named speaker or a
    /// title, then a reporting verb that opens its own content with a complementizer or a
    /// colon, within a few words and no punctuation.
    fn subject_first_report(&self, v: usize, end: usize) -> bool {
        const MAX_SUBJECT: usize = 8;
        let mut k = v + 1;
        while k < end && k <= v + MAX_SUBJECT {
            if self.token(k).kind == TokenKind::Punct {
                return false;
            }
            if let Some((c, conj, _)) = self.cue(k) {
                if c.role != CueRole::Verb || conj {
                    return false;
                }
                let opens_content = self.frame(k, c, end).is_some_and(|f| {
                    matches!(f.opener, Opener::Complementizer(_) | Opener::Colon(_))
                });
                return opens_content && self.speaker(v..k, None).entity.is_some();
            }
            k += 1;
        }
        false
    }

    /// Whether the words at `i` are the reporter's remark on the report itself: "دون أن
    /// يحدد" / "من دون أن يذكر" / "، دون تحديد" (what the speaker left out, after دون with
    /// a verb of telling, or after a comma with its verbal noun: without the comma, "فرضت
    /// الحظر دون توضيح السبب" says what the content's subject left out), or "على حد
    /// تعبيره" / "على حد قوله".
    fn reporter_remark(&self, i: usize, end: usize) -> bool {
        const TELLING_VERBS: &[&str] = &[
            "يحدد", "تحدد", "يذكر", "تذكر", "يوضح", "توضح", "يعطي", "تعطي", "يكشف", "تكشف", "يفصح",
            "تفصح", "يشير", "تشير", "يقدم", "تقدم", "يسمي", "تسمي", "يدلي", "تدلي",
        ];
        const TELLING_NOUNS: &[&str] = &[
            "تحديد",
            "ذكر",
            "توضيح",
            "كشف",
            "اشاره",
            "تقديم",
            "خوض",
            "تفاصيل",
            "افصاح",
        ];
        let word = |k: usize| if k < end { self.norm(k) } else { "" };
        match self.form(i).0 {
            "دون" | "بدون" => {
                (word(i + 1) == "ان" && TELLING_VERBS.contains(&word(i + 2)))
                    || (i > 0
                        && self.is_punct(i - 1, &["،", ","])
                        && TELLING_NOUNS.contains(&self.stem(i + 1).trim_start_matches("ال")))
            }
            "علي" => {
                word(i + 1) == "حد"
                    && ["تعبير", "قول", "وصف"]
                        .iter()
                        .any(|w| word(i + 2).starts_with(w))
            }
            _ => false,
        }
    }

    /// Whether the words at `i`, after a comma or a dash, are the reporter's aside on what
    /// was said: "يذكر أن" / "يشار إلى أن" (it is worth recalling), "ويبدو أن" (it seems),
    /// "وهو ما ..." / "وهو الأمر الذي ..." (which is what ...). Without its complementizer
    /// "يشار إليها بـ" is "is called", and without و "يبدو أنها" may go on with the speaker.
    fn editorial_aside(&self, i: usize, end: usize) -> bool {
        let (form, conj) = self.form(i);
        let word = |k: usize| if k < end { self.norm(k) } else { "" };
        let complementizer = |k: usize| k < end && self.is_complementizer(k);
        match form {
            "يذكر" => complementizer(i + 1),
            "يشار" => complementizer(i + 1) || (word(i + 1) == "الي" && complementizer(i + 2)),
            "يبدو" => conj && complementizer(i + 1),
            "هو" | "هي" => conj && matches!(word(i + 1), "ما" | "الامر"),
            _ => false,
        }
    }

    /// The start of a prepositional phrase with و right before the verb at `j`, within
    /// three words and after `floor`: "وعن الأسعار قال", "وفي هذا السياق أكد".
    fn fronted_phrase(&self, j: usize, floor: usize) -> Option<usize> {
        let first = j.saturating_sub(3).max(floor + 1);
        let k = (first..j).find(|&k| self.is_fronted_preposition(k))?;
        (k + 1..j)
            .all(|m| self.token(m).kind == TokenKind::Arabic)
            .then_some(k)
    }

    /// A preposition with و that fronts the topic or the setting of the clause that
    /// follows ("وعن", "وحول", "وفي", "وبشأن", "وخلال", "ومن"); "ولدى" and the others
    /// rather join a phrase to the one before ("لديها ولدى المنظمات الشريكة").
    fn is_fronted_preposition(&self, k: usize) -> bool {
        self.token(k).clitics.has(Prefix::Wa)
            && matches!(self.form(k).0, "عن" | "حول" | "في" | "بشان" | "خلال" | "من")
    }

    /// True when the topic of an "أما" clause starting at `from` is answered by a reporting
    /// verb within ten words ("أما المواطن مصطفى الحمدان، فقد قال", "أما محمد الحيز صاحب
    /// محل فواكه يقول"). An answer with فـ that is no cue ("أما كمية الحرارة فتعتمد
    /// على") keeps the speaker; "فقد" only announces the answer.
    fn topic_with_own_cue(&self, from: usize, end: usize) -> bool {
        for k in from..end.min(from + 10) {
            if let Some((c, conj, _)) = self.cue(k) {
                if c.role == CueRole::Verb && (conj || !c.ambiguous) {
                    return true;
                }
            }
            if self.token(k).clitics.has(Prefix::Fa) && self.form(k).0 != "قد" {
                return false;
            }
        }
        false
    }

    /// The words among tokens `range` that lie inside `span`.
    fn words_inside(&self, span: Span, range: std::ops::Range<usize>) -> usize {
        range
            .filter(|&i| {
                let t = self.token(i);
                t.kind.is_word() && span.contains(t.span)
            })
            .count()
    }

    /// True when the content starting at `start` belongs to a concessive clause opened
    /// earlier in its sentence ("رغم أن", "ورغم أن", "بالرغم من أن", "مع أن").
    fn in_concessive_clause(&self, start: usize) -> bool {
        // The clause opens within the 30 tokens before the content, in the same sentence.
        let floor = start.saturating_sub(30);
        for k in (floor..start).rev() {
            if self.is_punct(k, &[".", "!", "?", "؟", "؛", ";"]) {
                return false;
            }
            let (form, _) = self.form(k);
            if matches!(form, "رغم" | "بالرغم" | "الرغم")
                || (form == "مع" && self.norm(k + 1).starts_with("ان"))
            {
                return true;
            }
        }
        false
    }

    fn push_pair(
        &mut self,
        pi: usize,
        k: usize,
        kind: QuoteKind,
        speaker: Speaker,
        cue: usize,
        sentence: std::ops::Range<usize>,
    ) {
        self.used[k] = true;
        let p = self.pairs[k];
        let open = self.token(p.open).span.end;
        let close = match p.close {
            Some(c) => self.token(c).span.start,
            None => self.token(self.limits[k] - 1).span.end,
        };
        if close <= open {
            return;
        }
        let span = trim_quote(
            self.doc,
            Span {
                start: open,
                end: close,
            },
        );
        if span.is_empty() {
            return;
        }
        self.push(pi, span, kind, speaker, cue, sentence);
    }

    fn push(
        &mut self,
        pi: usize,
        span: Span,
        kind: QuoteKind,
        speaker: Speaker,
        cue: usize,
        sentence: std::ops::Range<usize>,
    ) {
        if self.quotes.iter().any(|q| q.span.overlaps(span)) {
            return;
        }
        // A toll or a piece of information that "points to" a figure is no one's words
        // ("وكانت حصيلة سابقة أشارت إلى", "المعلومات الأولية تشير إلى أن").
        if speaker.entity.is_none() {
            if let Some(d) = speaker.description {
                let first = self.doc.text_layers.token_at_or_after(d.start);
                if FIGURE_NOUNS.contains(&self.stem(first)) {
                    return;
                }
            }
        }
        // The channel is named around the frame, not inside the quoted words.
        let content_start = self
            .doc
            .text_layers
            .token_at_or_after(span.start)
            .max(sentence.start);
        let channel = self.channel(
            cue,
            sentence.start..content_start.min(sentence.end),
            sentence.clone(),
        );
        let verb = self.verb_span(cue);
        let date = crate::timex::statement_date(self.doc, verb, span);
        self.quotes.push(Quote {
            kind,
            span,
            speaker: speaker.entity,
            speaker_span: speaker.span,
            speaker_description: if speaker.entity.is_none() {
                speaker.description
            } else {
                None
            },
            verb: Some(verb),
            channel,
            date,
            source_post: None,
            fidelity: None,
        });
        if speaker.is_known() {
            self.last_speaker = speaker;
        }
        self.last_quote_paragraph = Some(pi);
    }

    /// The cue's span without its conjunction.
    fn verb_span(&self, cue: usize) -> Span {
        let conj = self.cue(cue).is_some_and(|(_, conj, _)| conj);
        self.without_conjunction(cue, conj)
    }

    /// Token `i`'s span without its first letter, a conjunction (و، ف), and the marks on
    /// it, when `conj`.
    fn without_conjunction(&self, i: usize, conj: bool) -> Span {
        let t = self.token(i);
        if !conj {
            return t.span;
        }
        // Skip the first letter and any mark on it.
        let text = &self.doc.text[t.span.range()];
        let mut chars = text.char_indices();
        chars.next();
        let skip = chars
            .find(|(_, c)| !isnad_text::chars::is_word_internal_mark(*c))
            .map_or(0, |(i, _)| i);
        Span::new(t.span.start as usize + skip, t.span.end as usize)
    }

    /// A paragraph that opens with a quotation and has no frame continues the last
    /// speaker's words when the previous paragraph held a quote.
    fn continuation_paragraph(&mut self, pi: usize, range: std::ops::Range<usize>) {
        if self.last_quote_paragraph != Some(pi.wrapping_sub(1)) || !self.last_speaker.is_known() {
            return;
        }
        let k = self.opens(range.start);
        if k == NO_PAIR || self.used[k] {
            return;
        }
        let words = (range.start + 1..self.pair_end(k, range.end))
            .filter(|&i| self.token(i).kind.is_word())
            .count();
        if words < 3 {
            return;
        }
        let speaker = self.last_speaker;
        let sentence = self.sentence_of(range.start).unwrap_or(range.clone());
        let before = self.quotes.len();
        self.push_pair(pi, k, QuoteKind::Direct, speaker, range.start, sentence);
        if self.quotes.len() > before {
            if let Some(q) = self.quotes.last_mut() {
                q.verb = None;
                q.channel = None;
            }
        }
    }

    /// A headline "Speaker : words" at the start of a line or after a "|" of the page
    /// title ("البيت الأبيض : قرار ترامب حول القدس لا يعني ...", "نتنياهو : تصويت
    /// اليونسكو ... | تايمز أوف إسرائيل"): a named speaker in at most six words before the
    /// colon, and three to 25 words after it, up to a "|", a spaced dash, a foreign word,
    /// the end of the line or of the sentence. A place before a colon is a dateline when a sentence
    /// follows it ("ستوكهولم : أدانت منظمة العفو ... ."), so a place speaks only in a
    /// title that no period ends; a news site's name is the page's banner, and a name
    /// after the colon is a label's value.
    fn headline(&mut self, pi: usize, range: std::ops::Range<usize>) {
        const MAX_SPEAKER: usize = 6;
        const MAX_WORDS: usize = 25;
        // Most paragraphs have no "|": a byte search of their text says so before any
        // token is asked, and then this allocates nothing.
        let reach = range.end.min(range.start + 80);
        let text = self.doc.slice(Span {
            start: self.token(range.start).span.start,
            end: self.token(reach - 1).span.end,
        });
        let bars: Vec<usize> = if memchr::memchr(b'|', text.as_bytes()).is_some() {
            (range.start..reach)
                .filter(|&i| self.token(i).kind == TokenKind::Punct && self.norm(i) == "|")
                .map(|i| i + 1)
                .collect()
        } else {
            Vec::new()
        };
        for s in std::iter::once(range.start).chain(bars) {
            if s >= range.end || !self.in_body[s] {
                continue;
            }
            let is_colon = |j: usize| self.token(j).kind == TokenKind::Punct && self.norm(j) == ":";
            let Some(colon) = (s + 1..(s + MAX_SPEAKER + 1).min(range.end))
                .take_while(|&j| {
                    self.token(j).kind == TokenKind::Arabic
                        || is_colon(j)
                        || is_quote_token(self.norm(j))
                })
                .find(|&j| is_colon(j))
            else {
                continue;
            };
            if colon + 1 >= range.end {
                continue;
            }
            // The name ends right before the colon (a closing mark aside).
            let mut last = colon - 1;
            while last > s && is_quote_token(self.norm(last)) {
                last -= 1;
            }
            let t = self.token(last).span;
            let mentions = &self.doc.mentions;
            let in_mention = mentions[..mentions.partition_point(|m| m.span.start <= t.start)]
                .iter()
                .rev()
                .take(8)
                .any(|m| m.span.contains(t));
            if !in_mention {
                continue;
            }
            let mut end = colon + 1;
            let mut sentence_end = false;
            // Where the title's words end, when the page goes on with its date and no
            // punctuation. The run to the first punctuation still decides whether this is
            // a title at all: a long run is rather a page's navigation than a headline.
            let mut cut = None;
            // A page prints its title again right after it ("الجيش السوري : ... الجيش
            // السوري : ..."), or its date ("... من الغوطة الأحد 21 / كانون الثاني / 2018").
            let repeated = |k: usize| {
                let n = colon - s;
                k + n < range.end
                    && is_colon(k + n)
                    && (0..n).all(|d| self.norm(k + d) == self.norm(s + d))
            };
            // A date expression opens at `k` and a year in digits follows within a few
            // tokens ("الأحد 21 / كانون الثاني / 2018"). The expressions after the colon
            // are gathered once for the run.
            let after_colon = self.token(colon).span.end;
            let paragraph_end = self.token(range.end - 1).span.end;
            // Each expression with whether it may open a page's date (a weekday or a date
            // in digits, not "قريبا" before a dateline) and whether it gives a year in
            // digits.
            let timex: Vec<(Span, bool, bool)> = self
                .doc
                .timex
                .iter()
                .filter(|x| x.span.start >= after_colon && x.span.end <= paragraph_end)
                .map(|x| {
                    let digits = self.doc.slice(x.span).bytes().any(|b| b.is_ascii_digit());
                    let year = x.value.len() >= 4
                        && x.value.as_bytes()[..4].iter().all(u8::is_ascii_digit);
                    (
                        x.span,
                        x.value.starts_with("XXXX-WXX") || digits,
                        year && digits,
                    )
                })
                .collect();
            let dated = |k: usize| {
                let at = self.token(k).span.start;
                let until = self.token((k + 7).min(range.end - 1)).span.end;
                timex.iter().any(|&(x, opens, _)| opens && x.start == at)
                    && timex
                        .iter()
                        .any(|&(x, _, year)| year && x.start >= at && x.end <= until)
            };
            while end < range.end {
                let t = self.token(end);
                let n = self.norm(end);
                if cut.is_none() && end > colon + 1 {
                    if repeated(end) {
                        // The title printed again: it ends here, whatever follows.
                        break;
                    }
                    if dated(end) {
                        cut = Some(end);
                    }
                }
                // A spaced dash or an issue number ends a title ("... - العربية . نت",
                // "... العدد 6040").
                let split_clitic = matches!(self.norm(end - 1), "ل" | "ب" | "ك");
                if n == "|"
                    || (n == "-" && !split_clitic)
                    || t.kind == TokenKind::Foreign
                    || (n == "العدد"
                        && end + 1 < range.end
                        && self.token(end + 1).kind == TokenKind::Number)
                {
                    break;
                }
                if matches!(n, "." | "!" | "؟" | "?") {
                    sentence_end = true;
                    break;
                }
                end += 1;
            }
            let words = (colon + 1..end)
                .filter(|&i| self.token(i).kind.is_word())
                .count();
            // A second colon makes a list of labels ("رئيس مجلس الإدارة : ... رئيس التحرير :").
            let second_colon = (colon + 1..end).any(is_colon);
            if !(3..=MAX_WORDS).contains(&words) || second_colon {
                continue;
            }
            // A name and little more after the colon is a label's value ("رئيس التحرير :
            // محمود الضبع الأحد 2018").
            if words <= 5 && self.starts_person(colon + 1) {
                continue;
            }
            let end = cut.unwrap_or(end);
            let speaker = self.speaker(s..colon, None);
            let Some(e) = speaker.entity else {
                continue;
            };
            let kind = self.doc.entities[e as usize].kind;
            if (kind == EntityType::Org && MEDIA_HEADS.contains(&self.stem(s)))
                || (sentence_end && kind == EntityType::Loc)
            {
                continue;
            }
            let span = trim_quote(
                self.doc,
                Span {
                    start: self.token(colon + 1).span.start,
                    end: self.token(end - 1).span.end,
                },
            );
            let sentence = self.sentence_of(colon).unwrap_or(range.clone());
            // A page repeats its headlines: one quote for one headline.
            let text = self.doc.slice(span);
            if self
                .quotes
                .iter()
                .any(|q| q.speaker == Some(e) && self.doc.slice(q.span) == text)
            {
                continue;
            }
            // A headline stands apart from the article's narration: the next "وأضاف"
            // goes on with the body's last speaker.
            let (last_speaker, last_paragraph) = (self.last_speaker, self.last_quote_paragraph);
            let before = self.quotes.len();
            self.push(pi, span, QuoteKind::Direct, speaker, colon, sentence);
            if let Some(q) = self.quotes.get_mut(before) {
                q.verb = None;
                q.channel = None;
                q.date = None;
            }
            self.last_speaker = last_speaker;
            self.last_quote_paragraph = last_paragraph;
        }
    }

    /// The subject before a verb that does not open its clause: the words back to the
    /// clause start ("كان تحالف دعم الشرعية أعلن أن", "الوزير الذي قال إن").
    fn subject_before(&self, cue: usize, sentence_start: usize) -> Speaker {
        const MAX_SUBJECT: usize = 12;
        // "وكانت تقارير إعلامية قد أشارت": the particle stands between subject and verb.
        let mut end = cue;
        if end > sentence_start && matches!(self.norm(end - 1), "قد" | "لم" | "لن" | "لا") {
            end -= 1;
        }
        let mut j = end;
        while j > sentence_start && cue - j < MAX_SUBJECT {
            let p = j - 1;
            let n = self.norm(p);
            // Commas may set off an apposition ("الوزيرة , نادية السقاف , كشفت"); other
            // punctuation, the auxiliary كان and a clause-opening word end the subject.
            let ends = (self.token(p).kind == TokenKind::Punct && !matches!(n, "،" | ","))
                || matches!(n, "كان" | "كانت" | "وكان" | "وكانت" | "قد" | "و" | "ف")
                || SUBJECT_FRONTIERS.contains(&n)
                || SUBJECT_FRONTIERS.contains(&self.form(p).0);
            if ends {
                break;
            }
            j -= 1;
        }
        // "X الذي قال": the antecedent, the few words right before the relative pronoun
        // (and a comma): a name ending there, or else those words.
        if end > j && matches!(self.norm(end - 1), "الذي" | "التي" | "الذين") {
            end -= 1;
            let mut a = end;
            if a > j && self.is_punct(a - 1, &["،", ","]) {
                a -= 1;
            }
            if a == 0 {
                return Speaker::default();
            }
            let before = self.token(a - 1).span;
            let doc = self.doc;
            let near = Span {
                start: before.start.saturating_sub(120),
                end: before.end,
            };
            if let Some(m) = self.doc.mentions_starting_in(near).iter().find(|m| {
                m.span.end == before.end && doc.entities[m.entity as usize].kind == EntityType::Per
            }) {
                return Speaker::mention(m);
            }
            j = j.max(a.saturating_sub(3));
            end = a;
        }
        // "وعن فيصل اليامي قال": a fronted phrase is no subject; the verb's is implicit.
        if end <= j || self.is_fronted_preposition(j) || self.fronted_phrase(cue, j).is_some() {
            return Speaker::default();
        }
        self.speaker(j..end, None)
    }

    /// The person the text moved to before the cue at `cue`, since the last quotation: in
    /// the cue's sentence, or else in the sentence before, the subject of a reporting verb
    /// that framed no quotation ("كما قال رئيس بلديتها فلان"), or else the first person
    /// named outside a prepositional phrase (Arabic puts the subject first: "كان محمد ...،
    /// وقال"). None when the last quotation is that recent.
    fn recent_subject(&self, cue: usize, sentence_start: usize) -> Speaker {
        let doc = self.doc;
        let since = self.quotes.last().map_or(0, |q| q.span.end);
        let pos = self.token(sentence_start).span.start;
        let si = doc.sentence_at(pos).unwrap_or(0);
        let mut windows = vec![(sentence_start, cue)];
        if si > 0 {
            let prev = doc.sentences()[si - 1];
            windows.push((prev.first_token as usize, prev.end_token as usize));
        }
        for (a, b) in windows {
            // "قال إن ..." opening its sentence: nothing before it there.
            if a >= b {
                continue;
            }
            if self.token(a).span.start < since {
                return Speaker::default();
            }
            // People, and organisations as the subject of a reporting verb
            // ("وأكد التلفزيون الرسمي السوري نبأ حدوث الغارة، وقال إن").
            let window = Span {
                start: self.token(a).span.start,
                end: self.token(b - 1).span.end,
            };
            let persons: Vec<&isnad_doc::Mention> = doc
                .mentions_starting_in(window)
                .iter()
                .filter(|m| {
                    matches!(
                        doc.entities[m.entity as usize].kind,
                        EntityType::Per | EntityType::Org
                    ) && m.span.start >= self.token(a).span.start
                        && m.span.end <= self.token(b - 1).span.end
                })
                .collect();
            let first_token =
                |m: &isnad_doc::Mention| doc.text_layers.token_at_or_after(m.span.start);
            // The subject of a reporting verb: the first person within a few words after it.
            let is_person =
                |m: &isnad_doc::Mention| doc.entities[m.entity as usize].kind == EntityType::Per;
            let after_cue = persons.iter().rev().find(|m| {
                let t = first_token(m);
                // An organisation right after the verb, a person within a few words.
                let reach = if is_person(m) { 5 } else { 1 };
                (t.saturating_sub(reach).max(a)..t)
                    .any(|k| self.cue(k).is_some_and(|(c, _, _)| c.role == CueRole::Verb))
            });
            let free = persons.iter().filter(|m| is_person(m)).find(|m| {
                let t = first_token(m);
                let tok = self.token(t);
                self.inside(t) == NO_PAIR
                    && !tok.clitics.has(Prefix::Li)
                    && !tok.clitics.has(Prefix::Bi)
                    // "وعن بلاتيني، أجاب": a fronted topic is not the subject.
                    && (t == a
                        || !(PREPOSITIONS.contains(&self.norm(t - 1))
                            || self.is_fronted_preposition(t - 1)))
            });
            if let Some(m) = after_cue.or(free) {
                return Speaker::mention(m);
            }
        }
        Speaker::default()
    }

    /// The topic of "أما X فـ(قد) VERB": the words between أما and the verb that carries
    /// (or whose قد carries) the ف.
    fn topic_subject(&self, cue: usize, sentence_start: usize) -> Speaker {
        const MAX_TOPIC: usize = 10;
        let mut verb = cue;
        if verb > sentence_start && matches!(self.norm(verb - 1), "فقد" | "قد") {
            verb -= 1;
        }
        let t = self.token(verb);
        if !(t.clitics.has(Prefix::Fa) || self.norm(verb).starts_with('ف')) {
            return Speaker::default();
        }
        let mut j = verb;
        while j > sentence_start && verb - j < MAX_TOPIC {
            j -= 1;
            // Commas, and the marks around a quoted name ("أما رئيس الوزراء التركي \" بن
            // علي يلدرم \" فشدد"), stay inside the topic.
            let mark = self.opens(j) != NO_PAIR || self.closes_pair(j);
            if self.token(j).kind == TokenKind::Punct && !matches!(self.norm(j), "،" | ",") && !mark
            {
                return Speaker::default();
            }
            if self.norm(j) == "اما" {
                return self.speaker(j + 1..verb, None);
            }
        }
        Speaker::default()
    }

    /// The antecedent of the relative clause the cue at `cue` continues, when it names
    /// someone: a relative pronoun after a name, a few words before the cue, with no
    /// punctuation, quotation or other cue between.
    fn relative_antecedent(&self, cue: usize, sentence_start: usize) -> Speaker {
        const MAX_CLAUSE: usize = 10;
        let mut r = cue;
        while r > sentence_start && cue - r < MAX_CLAUSE {
            r -= 1;
            if self.token(r).kind == TokenKind::Punct
                || self.inside(r) != NO_PAIR
                || self.cue(r).is_some()
            {
                return Speaker::default();
            }
            if matches!(self.norm(r), "الذي" | "التي") {
                let s = self.subject_before(r + 1, sentence_start);
                return if s.entity.is_some() {
                    s
                } else {
                    Speaker::default()
                };
            }
        }
        Speaker::default()
    }

    /// The speaker named in a zone; `relay_lemma` is the cue's lemma, for relayed
    /// statements.
    ///
    /// The zone is read as the verb's subject among prepositional phrases and time words
    /// ("وقال لـ«الشرق الأوسط» مصدر مطلع", "وأوضح الرئيس خلال كلمته بحفل ..."). A
    /// prepositional phrase runs from its preposition over its object, up to a comma, a
    /// person's name, a title or another preposition. The speaker is, in order: a person
    /// named outside those phrases; a title or honorific heading the subject, standing for
    /// the person who holds it ("الرئيس", "سماحته"); an organisation or place named in the
    /// subject; the subject's words as the description of an unnamed source.
    fn speaker(&self, zone: std::ops::Range<usize>, relay_lemma: Option<&str>) -> Speaker {
        let doc = self.doc;
        if zone.is_empty() {
            return Speaker::default();
        }
        let mut zone = zone;
        // A relayed statement: "نقلت وكالة X عن Y قوله", "علمت الصحيفة من مصدر": the
        // speaker follows عن/من.
        // Any verb with عن and a saying noun relays too: "قالت وكالة تسنيم عن مكتب الطب
        // الشرعي قوله إن".
        // "قوله", and "القول" ("نقلت وسائل إعلام عن مسؤولين القول إن"). "القول" is
        // read here only, where a relay frames it: as a cue of its own it would open
        // speakerless quotations ("ويمكن القول إن").
        let is_saying_noun = |i: usize| {
            (self.norm(i).starts_with("قول")
                && self
                    .cue(i)
                    .is_some_and(|(c, _, _)| c.role == CueRole::Noun && c.lemma == "قال"))
                || self.norm(i) == "القول"
        };
        let saying_noun = || zone.clone().any(is_saying_noun);
        // "ذكرت الوكالة نقلا عن الإعلام الرسمي أن" relays like نقل.
        let relayed_by_naqlan = || {
            zone.clone()
                .any(|i| self.norm(i) == "نقلا" && i + 1 < zone.end && self.norm(i + 1) == "عن")
        };
        let relay = match relay_lemma.unwrap_or("") {
            "نقل" => Some("عن"),
            "علم" => Some("من"),
            _ if saying_noun() || relayed_by_naqlan() => Some("عن"),
            _ => None,
        };
        // The relayed source right after عن/من: there "علي" is the name Ali, not the
        // preposition على ("نقلت وكالة رويترز عن علي أحمدي").
        let mut source_start = None;
        if let Some(rel) = relay {
            if let Some(k) = zone
                .clone()
                .find(|&i| self.norm(i) == rel && self.inside(i) == NO_PAIR)
            {
                zone = k + 1..zone.end;
                source_start = Some(k + 1);
            }
        }
        // A nested cue noun ("قوله") or an adverbial participle ("وكتب مغردا",
        // "أكد فلان قائلا") ends the zone.
        if let Some(k) = zone.clone().find(|&i| {
            self.cue(i).is_some_and(|(c, _, _)| c.role != CueRole::Verb) || is_saying_noun(i)
        }) {
            zone = zone.start..k;
        }
        if zone.is_empty() {
            return Speaker::default();
        }
        // Mark the tokens that belong to prepositional phrases.
        // Words of a temporal expression ("أمس الأول", "في الخامس من ديسمبر"); most zones
        // hold none, and then this allocates nothing.
        let zone_text = Span {
            start: self.token(zone.start).span.start,
            end: self.token(zone.end - 1).span.end,
        };
        let zone_timex: Vec<Span> = doc
            .timex
            .iter()
            .map(|x| x.span)
            .filter(|x| x.overlaps(zone_text))
            .collect();
        let in_timex = |i: usize| {
            let t = self.token(i).span;
            zone_timex.iter().any(|x| x.contains(t))
        };
        let is_preposition = |i: usize| {
            let t = self.token(i);
            let n = self.norm(i);
            ((PREPOSITIONS.contains(&n) || ZONE_PREPOSITIONS.contains(&n))
                && !(source_start == Some(i) && n == "علي"))
                || t.clitics.has(Prefix::Li)
                || t.clitics.has(Prefix::Bi)
                || t.clitics.has(Prefix::AlAssimilated)
        };
        let mut in_pp = vec![false; zone.len()];
        // The phrases of "باسم" (on behalf of): no subject of their own, but part of the
        // subject's description ("المتحدث باسم الحكومة").
        let mut on_behalf_phrases: Vec<std::ops::Range<usize>> = Vec::new();
        let mut i = zone.start;
        while i < zone.end {
            if self.inside(i) != NO_PAIR && self.pairs[self.inside(i)].open < zone.start {
                i += 1;
                continue;
            }
            // "وقال ل - \" رويترز \"": a clitic preposition the corpus split off with a
            // dash; its object is the word or the quoted name after the dash.
            if matches!(self.norm(i), "ل" | "ب") && i + 2 < zone.end && self.norm(i + 1) == "-" {
                let object_end = match self.opens(i + 2) {
                    NO_PAIR => i + 3,
                    k => self.pair_end(k, zone.end) + 1,
                };
                for slot in &mut in_pp[i - zone.start..object_end.min(zone.end) - zone.start] {
                    *slot = true;
                }
                i = object_end;
                continue;
            }
            // "أكد فيها أن", "قال له مصدر": a preposition with its pronoun object.
            if is_pronoun_pp(self.norm(i)) && !self.starts_person(i) {
                in_pp[i - zone.start] = true;
                i += 1;
                continue;
            }
            if is_preposition(i) && !self.starts_person(i) {
                in_pp[i - zone.start] = true;
                let mut j = i + 1;
                // A clitic preposition carries its object on the same token.
                if !PREPOSITIONS.contains(&self.norm(i))
                    && !ZONE_PREPOSITIONS.contains(&self.norm(i))
                {
                    j = i + 1;
                    if i + 1 < zone.end && self.opens(i + 1) != NO_PAIR {
                        let k = self.opens(i + 1);
                        let e = self.pair_end(k, zone.end);
                        for slot in
                            &mut in_pp[i + 1 - zone.start..(e + 1).min(zone.end) - zone.start]
                        {
                            *slot = true;
                        }
                        j = e + 1;
                    } else if i + 1 < zone.end && self.norm(i + 1) == "نت" {
                        // "للجزيرة نت": a news site's name ends with "نت".
                        in_pp[i + 1 - zone.start] = true;
                        j = i + 2;
                    } else {
                        // The object's adjectives: "في تعميم للجان المحلية"; a title, a
                        // name or an organisation's head noun is the subject again
                        // ("للصحفيين الوزير فلان").
                        while j < zone.end && j <= i + 2 && {
                            let t = self.token(j);
                            let n = self.norm(j);
                            t.kind == TokenKind::Arabic
                                && t.clitics.only_article()
                                && !self.is_title_word(j)
                                && !HONORIFICS.contains(&n)
                                && !is_org_head(self.stem(j))
                                && doc.mentions_starting_in(t.span).is_empty()
                        } {
                            in_pp[j - zone.start] = true;
                            j += 1;
                        }
                    }
                } else {
                    // "باسم" (on behalf of) takes a body or a title with its holder.
                    let behalf = self.norm(i) == "باسم";
                    let titled_principal = behalf
                        && i + 1 < zone.end
                        && (TITLES.contains(&self.norm(i + 1))
                            || TITLES_AFTER_ARTICLE.contains(&self.norm(i + 1)));
                    while j < zone.end {
                        let t = self.token(j);
                        let n = self.norm(j);
                        // A name right after a short phrase is the subject ("لـ«الشرق
                        // الأوسط» الوزير فلان"); deeper in, it belongs to the phrase.
                        // A title right after the preposition's indefinite noun is that
                        // noun's genitive ("على زيارة الرئيس الأميركي"), not a subject
                        // ("في بيان صحفي وزير الخارجية" is one).
                        // A name is no such noun: "موفد الأمم المتحدة إلى سوريا ستافان دي
                        // ميستورا" names the envoy after the place.
                        let genitive = j == i + 2 && {
                            let p = self.token(j - 1);
                            p.kind == TokenKind::Arabic
                                && !p.clitics.is_definite()
                                && doc.mentions_starting_in(p.span).is_empty()
                        };
                        let stop = (t.kind == TokenKind::Punct && self.opens(j) == NO_PAIR)
                            // A spokesman's name closes the body he speaks for, however
                            // long its name: "المتحدث باسم وزارة الخارجية المصرية أحمد
                            // أبو زيد".
                            || (self.starts_person(j)
                                && j > i + 1
                                && (j <= i + 3 || behalf)
                                && !genitive
                                && !titled_principal)
                            // A quoted name closes the phrase: "مدير الطوارئ بـ"صحة
                            // الطائف" سعيد الزهراني".
                            || (self.starts_person(j) && self.closes_pair(j - 1))
                            // "المتحدث باسم البنتاجون \" إريك باهون \"": the spokesman's
                            // name in quotation marks.
                            || (behalf
                                && j > i + 1
                                && self.opens(j) != NO_PAIR
                                && j + 1 < zone.end
                                && self.starts_person(j + 1))
                            // "متحدث باسم وزير الخارجية فلان": the title after باسم and
                            // the name of its holder are what the spokesman speaks for.
                            || (TITLES.contains(&n) && !genitive && !titled_principal)
                            || HONORIFICS.contains(&n)
                            || TIME_WORDS.contains(&n)
                            || (j > i + 1 && in_timex(j) && !in_timex(i))
                            || (j > i + 1 && is_preposition(j));
                        if stop {
                            break;
                        }
                        if self.opens(j) != NO_PAIR {
                            let e = self.pair_end(self.opens(j), zone.end);
                            for slot in
                                &mut in_pp[j - zone.start..(e + 1).min(zone.end) - zone.start]
                            {
                                *slot = true;
                            }
                            j = e + 1;
                            continue;
                        }
                        in_pp[j - zone.start] = true;
                        j += 1;
                    }
                    if behalf {
                        on_behalf_phrases.push(i..j);
                    }
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        let free = |span: Span| -> bool {
            let ti = doc.text_layers.token_at_or_after(span.start);
            ti >= zone.start && ti < zone.end && !in_pp[ti - zone.start]
        };
        let zspan = Span {
            start: self.token(zone.start).span.start,
            end: self.token(zone.end - 1).span.end,
        };
        let mentioned = |kind: EntityType| {
            self.doc
                .mentions_starting_in(zspan)
                .iter()
                .filter(|m| zspan.contains(m.span) && free(m.span))
                .find(|m| doc.entities[m.entity as usize].kind == kind)
        };
        // The subject: the first words outside prepositional phrases and time words.
        let mut np: Option<(usize, usize)> = None;
        for i in zone.clone() {
            let t = self.token(i);
            let n = self.norm(i);
            // A relative clause ends the subject: "التحالف الذي تقوده الولايات المتحدة".
            if np.is_some() && matches!(n, "الذي" | "التي" | "الذين") {
                break;
            }
            // "ووصفت المحكمة تحريات الأمن بأنها": after a definite organisation head, a
            // bare indefinite noun is the verb's object; it can be neither the head's
            // adjective nor its complement.
            if np.is_some_and(|(a, b)| {
                b == a + 1
                    && b == i
                    && self.token(a).clitics.is_definite()
                    && is_org_head(self.stem(a))
            }) && t.kind == TokenKind::Arabic
                && t.clitics.is_empty()
                && doc.mentions_starting_in(t.span).is_empty()
            {
                break;
            }
            let skip = (in_pp[i - zone.start]
                && !(np.is_some() && on_behalf_phrases.iter().any(|r| r.contains(&i))))
                || TIME_WORDS.contains(&n)
                || in_timex(i)
                || t.kind == TokenKind::Number
                || (t.kind == TokenKind::Punct && np.is_none());
            // Quotation marks around a name inside the subject: صحيفة "لوفيجارو" الفرنسية.
            let mark = t.kind == TokenKind::Punct
                && !in_pp[i - zone.start]
                && (self.opens(i) != NO_PAIR || self.closes_pair(i));
            match np {
                None if !skip && t.kind != TokenKind::Punct => np = Some((i, i + 1)),
                Some((a, _)) if !skip && t.kind != TokenKind::Punct && i - a < 8 => {
                    np = Some((a, i + 1))
                }
                Some(_) if mark => {}
                Some(_) if skip || t.kind == TokenKind::Punct => break,
                _ => {}
            }
        }
        // A person named in the zone is the speaker, unless the subject opens with an
        // organisation or place, or with an organisation's head noun, and the person is
        // named only after it, in apposition or in a phrase the reading did not close
        // ("قالت روسيا الحليف الرئيسي للأسد", "وقالت الحكومة في بيان نشر بعد اجتماع
        // ترأسه رئيس الوزراء حيدر العبادي إنها").
        if let Some(m) = mentioned(EntityType::Per) {
            let token_of = |pos: u32| doc.text_layers.token_at_or_after(pos);
            let person = token_of(m.span.start);
            // The subject's first word, when it comes before the person.
            let opening = np.filter(|&(a, b)| {
                // A name inside the subject is its head, unless a preposition governs it
                // ("الحليف الرئيسي لبشار الأسد").
                let t = self.token(person);
                let governed = t.clitics.has(Prefix::Li) || t.clitics.has(Prefix::Bi);
                person >= b || (person > a && governed)
            });
            let Some((a, _)) = opening else {
                return Speaker::mention(m);
            };
            let named = doc
                .mentions_starting_in(self.token(a).span)
                .iter()
                .find(|o| {
                    matches!(
                        doc.entities[o.entity as usize].kind,
                        EntityType::Org | EntityType::Loc
                    )
                });
            match named {
                Some(o) if person > token_of(o.span.end - 1) + 2 => return Speaker::mention(o),
                Some(_) => return Speaker::mention(m),
                // An organisation's head noun ("الحكومة"): read on as for no person.
                None if self.token(a).clitics.is_definite() && is_org_head(self.stem(a)) => {}
                None => return Speaker::mention(m),
            }
        }
        let Some((ns, ne)) = np else {
            return Speaker::default();
        };
        let span = Span {
            start: self.token(ns).span.start,
            end: self.token(ne - 1).span.end,
        };
        let (head, _) = self.form(ns);
        // "ما الذي يؤكد", "لكنه": no subject, the verb's subject is implicit.
        let bare_head = ["هما", "هم", "ها", "ه"]
            .iter()
            .find_map(|p| head.strip_suffix(p))
            .filter(|h| h.chars().count() >= 2)
            .unwrap_or(head);
        if NOT_SUBJECTS.contains(&head) || NOT_SUBJECTS.contains(&bare_head) {
            return Speaker::default();
        }
        // "سماحته", "معاليه": the dignitary already named.
        if HONORIFICS.contains(&head) {
            return Speaker {
                entity: self.last_speaker.entity.or_else(|| self.last_person()),
                span: Some(span),
                description: None,
            };
        }
        if let Some(issuer) = self.document_issuer(ns, ne, zone.end, span) {
            return issuer;
        }
        let titled = TITLES.contains(&head) || TITLES_AFTER_ARTICLE.contains(&head);
        if titled {
            // The title with its complement, up to the next conjunction: "وزير الصحة" in
            // "وزير الصحة وأطباء إسرائيليون".
            let mut words = vec![ns];
            for k in ns + 1..ne {
                let t = self.token(k);
                if t.kind == TokenKind::Punct {
                    continue;
                }
                if t.clitics.has(Prefix::Wa) {
                    break;
                }
                words.push(k);
            }
            if let Some(e) = self.entity_with_role(&words) {
                return Speaker {
                    entity: Some(e),
                    span: Some(span),
                    description: None,
                };
            }
            // "وتابع مدرب برشلونة السابق": a verb of continuing with another title of the
            // person already speaking.
            let continuing = relay_lemma.is_some_and(|l| CONTINUING_LEMMAS.contains(&l));
            if let Some(e) = self
                .last_speaker
                .entity
                .filter(|&e| continuing && doc.entities[e as usize].kind == EntityType::Per)
            {
                return Speaker {
                    entity: Some(e),
                    span: Some(span),
                    description: None,
                };
            }
        }
        // "الصحيفة", "الوزارة", "المرصد المعارض": the organisation last named with that
        // head noun, when the words after the head are only its adjectives and none of
        // them is a relative adjective the name lacks ("الوزارة الروسية" is not "وزارة
        // الخارجية الأمريكية").
        if self.token(ns).clitics.is_definite() && self.only_definite_words(ns + 1..ne) {
            if let Some(e) = self
                .speaking_organisation_with_head(ns)
                .or_else(|| self.organisation_with_head(ns))
                .filter(|&e| self.nisbas_in_name(ns + 1..ne, e))
            {
                return Speaker {
                    entity: Some(e),
                    span: Some(span),
                    description: None,
                };
            }
        }
        // A title names a person: "أمين سر اللجنة التنفيذية" is not the committee, and
        // an unnamed holder is described.
        // The subject's first name, an organisation before a place or another name at the
        // same word: "حذرت الولايات المتحدة الأمريكية المجموعة الاقتصادية ..." is the United
        // States warning, the community being its object.
        if !titled {
            let rank = |kind: EntityType| match kind {
                EntityType::Org => Some(0),
                EntityType::Loc => Some(1),
                EntityType::Misc => Some(2),
                _ => None,
            };
            // A name after a title in the subject is the title's complement ("علي أحمدي
            // المتحدث باسم قوات المقاومة"): the subject is the title's holder.
            let after_title = |m: &&isnad_doc::Mention| {
                let at = doc.text_layers.token_at_or_after(m.span.start);
                (ns..at.min(ne)).any(|k| {
                    let (w, _) = self.form(k);
                    TITLES.contains(&w) || TITLES_AFTER_ARTICLE.contains(&w)
                })
            };
            // After a noun of unnamed sources, a place is their origin, not the speaker:
            // "وسائل إعلام محلية سورية", "مصادر عراقية" ("حكومة إستونيا" is the country's).
            let head_token = self.token(ns);
            let unnamed_sources = head_token.kind == TokenKind::Arabic
                && head_token.clitics.prefixes().next().is_none()
                && UNNAMED_SOURCE_HEADS.contains(&self.norm(ns));
            let place_of_head = |m: &&isnad_doc::Mention| {
                unnamed_sources
                    && doc.entities[m.entity as usize].kind == EntityType::Loc
                    && m.span.start > head_token.span.start
            };
            let first = doc
                .mentions_starting_in(zspan)
                .iter()
                .filter(|m| zspan.contains(m.span) && free(m.span) && span.overlaps(m.span))
                .filter(|m| !after_title(m) && !place_of_head(m))
                .filter_map(|m| {
                    Some((m.span.start, rank(doc.entities[m.entity as usize].kind)?, m))
                })
                .min_by_key(|&(start, rank, _)| (start, rank));
            if let Some((_, _, m)) = first {
                return Speaker::mention(m);
            }
        }
        Speaker {
            entity: None,
            span: Some(span),
            description: Some(span),
        }
    }

    /// The body that issued a document speaking as the subject, which the guidelines make
    /// the speaker: "وذكر بيان صادر عن القيادة العامة أن", "كشفت إحصائية للمؤسسة العامة
    /// للموانئ أن", and "وأضاف البيان" / "وأشارت الإحصائية" for the one already quoted
    /// (the last speaker, when it spoke in a statement or is an organisation). `ns..ne` is
    /// the subject's words, `span` their text. None when the subject is no document, or
    /// names no issuer the document layer knows.
    fn document_issuer(
        &self,
        ns: usize,
        ne: usize,
        zone_end: usize,
        span: Span,
    ) -> Option<Speaker> {
        let head = self.stem(ns);
        if !DOCUMENT_NOUNS.contains(&head) {
            return None;
        }
        let doc = self.doc;
        let issuer_speaker = |k: usize| {
            let named = doc
                .mentions_starting_in(self.token(k).span)
                .first()
                .map(Speaker::mention);
            let headed = || {
                self.organisation_with_head(k).map(|e| Speaker {
                    entity: Some(e),
                    span: Some(span),
                    description: None,
                })
            };
            named.or_else(headed)
        };
        if let Some(k) = self.issuer_of_document(ns, ne, zone_end) {
            return issuer_speaker(k);
        }
        let alone = ne == ns + 1 && self.token(ns).clitics.is_definite();
        // "وقالت الدراسة" after "كشفت دراسة نشرتها شركة X": the issuer named with the
        // same document noun last.
        if alone {
            let earlier = (ns.saturating_sub(400)..ns)
                .rev()
                // "بيانا": the indefinite object.
                .filter(|&k| self.stem(k).strip_suffix('ا').unwrap_or(self.stem(k)) == head)
                .find_map(|k| {
                    let end = (k + 8).min(ns);
                    self.issuer_of_document(k, k + 1, end)
                        .or_else(|| self.subject_of_issuing_verb(k))
                        .filter(|&i| !doc.mentions_starting_in(self.token(i).span).is_empty())
                });
            if let Some(k) = earlier {
                return issuer_speaker(k);
            }
        }
        // "البيان" alone: the statement of the speaker last quoted.
        let last = self.last_speaker.entity?;
        let in_statement = self.quotes.last().and_then(|q| q.channel) == Some(Channel::Statement);
        let organisation = doc.entities[last as usize].kind == EntityType::Org;
        let issued = organisation || (in_statement && head == "بيان");
        (alone && issued).then_some(Speaker {
            entity: Some(last),
            span: Some(span),
            description: None,
        })
    }

    /// The subject of the verb that issued the indefinite document noun at `k`: "أصدرت
    /// جبهة \" فتح الشام \" مساء اليوم بيانا" → the first name within three tokens after
    /// the verb (a head noun and a mark may come first; a few words of time may stand
    /// between the subject and the noun).
    fn subject_of_issuing_verb(&self, k: usize) -> Option<usize> {
        const WINDOW: usize = 12;
        if self.token(k).clitics.is_definite() {
            return None;
        }
        (k.saturating_sub(WINDOW)..k.saturating_sub(1))
            .rev()
            .find(|&v| ISSUING_VERBS_BEFORE_SUBJECT.contains(&self.stem(v)))
            .and_then(|v| {
                (v + 1..(v + 4).min(k))
                    .find(|&i| !self.doc.mentions_starting_in(self.token(i).span).is_empty())
            })
    }

    /// The token naming the issuer of the document noun at `ns` (its words `ns..ne`),
    /// looked for up to `zone_end`: "صادر عن X", "الصادرة من X", "أصدرته X", "نشرتها X",
    /// "أجرتها X", "أعدها X", X in the genitive ("تقرير الرابطة"), or X governed by لـ
    /// right after the subject.
    fn issuer_of_document(&self, ns: usize, ne: usize, zone_end: usize) -> Option<usize> {
        // "التقرير الـ 51 لمؤسسة النقد", "البيان رقم 3 للجيش": the issuer after the
        // document's number.
        let numbered = (ns + 1..(ns + 3).min(zone_end))
            .find(|&k| self.token(k).kind == TokenKind::Number)
            .filter(|&k| (ns + 1..k).all(|j| matches!(self.norm(j), "ال" | "الـ" | "رقم" | "-")));
        if let Some(k) = numbered {
            let t = (k + 1 < zone_end).then(|| self.token(k + 1));
            if t.is_some_and(|t| t.kind == TokenKind::Arabic && t.clitics.has(Prefix::Li)) {
                return Some(k + 1);
            }
        }
        (ns + 1..(ne + 2).min(zone_end)).find_map(|k| {
            if matches!(self.stem(k), "صادر" | "صادره")
                && k + 2 < zone_end
                && matches!(self.norm(k + 1), "عن" | "من")
            {
                return Some(k + 2);
            }
            if ISSUING_VERBS.contains(&self.norm(k)) && k + 1 < zone_end {
                return Some(k + 1);
            }
            let t = self.token(k);
            if k == ns + 1 && k < ne && t.kind == TokenKind::Arabic && t.clitics.is_definite() {
                return Some(k);
            }
            (k == ne && t.kind == TokenKind::Arabic && t.clitics.has(Prefix::Li)).then_some(k)
        })
    }

    /// The organisation a definite head noun at token `i` stands for ("الصحيفة" after
    /// "صحيفة «لوفيجارو» الفرنسية", "الوزارة" after "وزارة الخارجية"): the one mentioned
    /// last before `i` whose name starts with the noun or whose mention follows it.
    fn organisation_with_head(&self, i: usize) -> Option<u32> {
        let doc = self.doc;
        let head = self.stem(i);
        if head.chars().count() < 3 {
            return None;
        }
        let pos = self.token(i).span.start;
        // The head noun, bare or with a conjunction or preposition: "صحيفة", "بوزارة".
        let is_head = |k: usize| self.stem(k) == head;
        doc.mentions
            .iter()
            .filter(|m| {
                m.span.end <= pos && doc.entities[m.entity as usize].kind == EntityType::Org
            })
            .rfind(|m| {
                let starts = self.name_opens_with(m.entity, head);
                // The head noun right before the mention, across an opening quotation mark.
                let first = doc.text_layers.token_at_or_after(m.span.start);
                let before = (first.saturating_sub(2)..first)
                    .rev()
                    .find(|&k| self.token(k).kind != TokenKind::Punct);
                // Not an object of a preposition: "وقال التحالف لرويترز" does not make
                // Reuters the coalition.
                let governed = {
                    let t = self.token(first);
                    t.clitics.has(Prefix::Li) || t.clitics.has(Prefix::Bi)
                };
                starts || (before.is_some_and(is_head) && !governed)
            })
            .map(|m| m.entity)
    }

    /// The organisation last quoted, when its name opens with the definite head noun at
    /// `i`: "وبيّنت الهيئة" goes on with the body that has been speaking, even when the
    /// article named another body with that head in between ("هيئة التقييس الخليجية" in
    /// a statement of "الهيئة السعودية للمواصفات").
    fn speaking_organisation_with_head(&self, i: usize) -> Option<u32> {
        let e = self.last_speaker.entity?;
        let entity = &self.doc.entities[e as usize];
        if entity.kind != EntityType::Org {
            return None;
        }
        self.name_opens_with(e, self.stem(i)).then_some(e)
    }

    /// Whether the name of entity `e` opens with the head noun `head` (normalized, with or
    /// without the article): "وزارة الخارجية" and "الهيئة السعودية ..." open with their head.
    fn name_opens_with(&self, e: u32, head: &str) -> bool {
        let named = self.normalized_name(e as usize);
        named
            .split(' ')
            .next()
            .is_some_and(|w| w == head || w.strip_prefix("ال") == Some(head))
    }

    /// Whether the words `range` (after an organisation's head noun) are definite words
    /// with no other proclitic, as its adjectives are; punctuation is passed over. Checked
    /// before the organisation is looked up, which scans the mentions.
    fn only_definite_words(&self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().all(|k| {
            let t = self.token(k);
            t.kind == TokenKind::Punct || (t.kind == TokenKind::Arabic && t.clitics.only_article())
        })
    }

    /// Whether every relative adjective (nisba) among the words `range` is in entity `e`'s
    /// name: a nisba names a country or a domain ("الوزارة الروسية" is not "وزارة الخارجية
    /// الأمريكية"); other adjectives ("المعارض") may describe it.
    fn nisbas_in_name(&self, range: std::ops::Range<usize>, e: u32) -> bool {
        let name = self.normalized_name(e as usize);
        range.into_iter().all(|k| {
            let stem = self.stem(k);
            let nisba = self.token(k).kind == TokenKind::Arabic
                && (stem.ends_with('ي') || stem.ends_with("يه"));
            !nisba || name.split(' ').any(|w| w.ends_with(stem))
        })
    }

    /// True when the reporting verb at `i` has the form of the masculine: no feminine
    /// ت at its end (قالت) or its start (تقول).
    fn masculine_verb(&self, i: usize) -> bool {
        let v = self.stem(i);
        !(v.ends_with('ت') || v.starts_with('ت'))
    }

    /// "لكنه", "ولكنها": لكن with a pronoun, one of the particles that
    /// [`SUBJECT_FRONTIERS`] lists as a pronoun subject before a verb.
    fn contrast_with_pronoun(&self, k: usize) -> bool {
        let (w, _) = self.form(k);
        w.len() > "لكن".len() && w.starts_with("لكن") && SUBJECT_FRONTIERS.contains(w)
    }

    /// True when the speaker read after the verb at `cue` is a body or a group named by a
    /// definite noun of the feminine, right after the verb ("ودعا السلطات الأمنية إلى",
    /// "دعا فيه قوات سوريا الديمقراطية"): a verb before such a subject takes the
    /// feminine mark (دعت), so after a masculine one the noun is its object. Not a person
    /// ("الخليفة"), a title, or a plural of people on the pattern فعلة, which takes a
    /// verb of the masculine ("أعلن القادة الثلاثة", "قال الدعاة").
    fn feminine_body_after(&self, cue: usize, s: Speaker) -> bool {
        let Some(span) = s.span else {
            return false;
        };
        let doc = self.doc;
        let head = doc.text_layers.token_at_or_after(span.start);
        if head != cue + 1 || !self.token(head).clitics.is_definite() {
            return false;
        }
        let person = s
            .entity
            .is_some_and(|e| doc.entities[e as usize].kind == EntityType::Per);
        let stem = self.stem(head);
        let bare = without_article(stem);
        let plural_of_people =
            bare.chars().count() == 4 && bare.chars().nth(1) == Some('ا') && bare.ends_with('ه');
        !plural_of_people
            && !person
            && !self.is_title_word(head)
            && (stem.ends_with('ه') || stem.ends_with("ات"))
    }

    /// True when `entity` is a place of the feminine: every place but the few countries
    /// named with the article and no feminine ending (ة, ا), which are masculine (العراق،
    /// الأردن، السودان، المغرب، اليمن; not ألمانيا, whose ال is its own).
    fn is_feminine_place(&self, entity: Option<u32>) -> bool {
        let Some(id) = entity.map(|e| e as usize) else {
            return false;
        };
        let e = &self.doc.entities[id];
        if e.kind != EntityType::Loc {
            return false;
        }
        let masculine = e.is_country() && {
            let name = self.normalized_name(id);
            !name.contains(' ') && name.starts_with("ال") && !name.ends_with(['ه', 'ا'])
        };
        !masculine
    }

    /// The person mentioned last before the current quote.
    fn last_person(&self) -> Option<u32> {
        let pos = self.quotes.last().map_or(u32::MAX, |q| q.span.start);
        self.doc
            .mentions
            .iter()
            .rfind(|m| {
                m.span.start < pos && self.doc.entities[m.entity as usize].kind == EntityType::Per
            })
            .map(|m| m.entity)
    }

    /// The person whose role holds this title, most recently mentioned first. `title` is
    /// the tokens of the title word and its complement ("الوزير"; "وزير الصحة"), compared
    /// with the role's words without their proclitics.
    /// The title must head the role ("الوزير" ↔ "وزير الداخلية"), not merely occur in it
    /// ("الأمين العام" is not "موفد الأمين العام"), and every word of the complement must
    /// occur in the role ("وزير الصحة" is not "وزير العدل", "وزير الخارجية الإيراني" not
    /// "وزير الخارجية السعودي"; "مدير الكرة بنادي هجر" may be "مدير الفريق الأول لكرة القدم
    /// بنادي هجر").
    fn entity_with_role(&self, title: &[usize]) -> Option<u32> {
        let head = self.stem(*title.first()?);
        let complement: Vec<&str> = title[1..].iter().map(|&k| self.stem(k)).collect();
        let doc = self.doc;
        let role_words = |r: &Span| -> Vec<&str> {
            // A role's span may start after its first token's conjunction ("و|وزير").
            let tokens = doc.tokens();
            let first = tokens.partition_point(|t| t.span.end <= r.start);
            let end = tokens.partition_point(|t| t.span.start < r.end);
            (first..end)
                .filter(|&k| self.token(k).kind.is_word())
                .map(|k| self.stem(k))
                .collect()
        };
        // "نظيره الروسي" holds the office of the one whose counterpart it is: a title
        // ("الرئيس الروسي") matches it when someone of the article holds that title's head.
        // Asked only for a counterpart's role, and then once.
        let held = std::cell::OnceCell::new();
        let head_held = || {
            *held.get_or_init(|| {
                doc.entities.iter().any(|e| {
                    e.kind == EntityType::Per
                        && e.roles.iter().any(|r| role_words(r).first() == Some(&head))
                })
            })
        };
        let has_title = |e: &isnad_doc::Entity| {
            e.roles.iter().any(|r| {
                let words = role_words(r);
                let counterpart = words
                    .first()
                    .is_some_and(|w| *w == "نظير" || crate::entities::is_counterpart(w));
                (words.first() == Some(&head)
                    || (counterpart && !complement.is_empty() && head_held()))
                    && complement.iter().all(|c| words.contains(c))
            })
        };
        if let Some(last) = self.last_speaker.entity {
            if has_title(&doc.entities[last as usize]) {
                return Some(last);
            }
        }
        doc.entities
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| e.kind == isnad_doc::EntityType::Per && has_title(e))
            .map(|(i, _)| i as u32)
    }

    /// The channel named before the quoted words in the frame's sentence, or in a
    /// following "جاء ذلك في ..." sentence.
    fn channel(
        &self,
        cue: usize,
        frame: std::ops::Range<usize>,
        sentence: std::ops::Range<usize>,
    ) -> Option<Channel> {
        if let Some((c, _, _)) = self.cue(cue) {
            if c.lemma == "غرّد" {
                return Some(Channel::Twitter);
            }
        }
        if let Some(c) = self.channel_in(frame) {
            return Some(c);
        }
        let doc = self.doc;
        let si = doc.sentence_at(self.token(sentence.end - 1).span.start)?;
        let next = doc.sentences().get(si + 1)?;
        let r = next.first_token as usize..next.end_token as usize;
        let (first, _) = self.form(r.start);
        let opens_with_this_came =
            matches!(first, "جاء" | "جاءت") && r.len() > 1 && self.norm(r.start + 1) == "ذلك";
        if opens_with_this_came {
            self.channel_in(r)
        } else {
            None
        }
    }

    /// The first channel word among the tokens of `range`.
    fn channel_in(&self, range: std::ops::Range<usize>) -> Option<Channel> {
        let stem_of = |i: usize| self.doc.text_layers.stem_text(&self.token(i));
        for i in range.clone() {
            let t = self.token(i);
            if t.kind != TokenKind::Arabic && t.kind != TokenKind::Foreign {
                continue;
            }
            let stem = stem_of(i);
            // The next word, asked only by the channels of two words.
            let next = || (i + 1 < range.end).then(|| stem_of(i + 1));
            let c = match stem {
                s if s.starts_with("تغريد") || s == "تويتر" || s == "twitter" => {
                    Channel::Twitter
                }
                "فيسبوك" | "facebook" => Channel::Facebook,
                "فيس" if next() == Some("بوك") => Channel::Facebook,
                "انستغرام" | "انستقرام" | "انستجرام" | "instagram" => {
                    Channel::Instagram
                }
                "تلغرام" | "تليغرام" | "تيليغرام" | "telegram" => {
                    Channel::Telegram
                }
                "مؤتمر" if matches!(next(), Some("صحفي" | "صحافي")) => {
                    Channel::PressConference
                }
                "صحفيين" | "صحافيين"
                    if t.clitics.has(Prefix::Li) || t.clitics.has(Prefix::AlAssimilated) =>
                {
                    Channel::Press
                }
                "بيان" => Channel::Statement,
                "مقابله" | "حوار" => Channel::Interview,
                "اتصال" if next() == Some("هاتفي") => Channel::Phone,
                "كلمه" | "خطاب" => Channel::Speech,
                "تقرير" => Channel::Report,
                "اجتماع" | "جلسه" => Channel::Meeting,
                "تلفزيون" | "قناه" => Channel::Television,
                _ => continue,
            };
            return Some(c);
        }
        None
    }
}

/// A normalized word without its article ("المسؤول" → "مسؤول").
fn without_article(word: &str) -> &str {
    word.strip_prefix("ال").unwrap_or(word)
}

/// The one-word entries of a trigger list, normalized.
fn normalized_single_words(list: &[&str]) -> FxHashSet<String> {
    list.iter()
        .filter(|h| !h.contains(' '))
        .map(|h| isnad_text::normalize(h))
        .collect()
}

/// Whether a word stem (normalized, without proclitics) heads a name: an organisation's,
/// a place's ("منطقه", "ولايه") or a title ("والي").
fn is_name_head(stem: &str) -> bool {
    static PLACE_HEADS: LazyLock<FxHashSet<String>> =
        LazyLock::new(|| normalized_single_words(isnad_ner::triggers::PLACE_NOUNS));
    is_org_head(stem) || PLACE_HEADS.contains(stem) || TITLES.contains(stem)
}

/// Whether a word stem (normalized, without proclitics) heads organisation names
/// ("حكومه", "وزاره", "شرطه").
fn is_org_head(stem: &str) -> bool {
    static HEADS: LazyLock<FxHashSet<String>> =
        LazyLock::new(|| normalized_single_words(isnad_ner::triggers::ORG_HEADS));
    HEADS.contains(stem)
}

/// The document noun named after the verb at `i` in "وجاء في بيان ..." or "وورد في نص
/// البيان": the token of the noun, in the same sentence.
fn document_after(doc: &Doc, i: usize) -> Option<usize> {
    let tokens = doc.tokens();
    let norm = |k: usize| doc.text_layers.norm_text(&tokens[k]);
    let stem = |k: usize| {
        norm(k)
            .get(tokens[k].clitics.prefix_bytes()..)
            .unwrap_or(norm(k))
    };
    if i + 2 >= tokens.len() || norm(i + 1) != "في" {
        return None;
    }
    let k = if stem(i + 2) == "نص" { i + 3 } else { i + 2 };
    (k < tokens.len() && DOCUMENT_NOUNS.contains(&stem(k))).then_some(k)
}

/// Trims white space and the final punctuation of a quoted span.
fn trim_quote(doc: &Doc, span: Span) -> Span {
    let s = doc.slice(span);
    let start = span.start as usize + (s.len() - s.trim_start().len());
    let trimmed = s
        .trim_end()
        .trim_end_matches(['.', '،', ',', '؛', ';'])
        .trim_end();
    let end = span.start as usize + (s.len() - s.trim_start().len()) + trimmed.trim_start().len();
    Span::new(start, end.max(start))
}
