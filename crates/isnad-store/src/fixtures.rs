//! A small corpus of analyses built by hand — entities with roles and handles, quotes,
//! events, a republished story, spelling variants, a failed article — for the tests of
//! the store, the server and the CLI. Compiled only with the `fixtures` feature.
//!
//! The texts are written for these tests; the annotations are what a full pipeline would
//! give, with offsets computed from the texts, so that every span is a true span.

use crate::{prepare, ArticleExtras, Prepared};
use isnad_api::{Analysis, Entity, Event, Paragraph, Quote, TextSpan};
use isnad_text::WordCounts;

/// An entity of a fixture article: type, name, mention strings (each found in the text
/// in order), roles, handles.
pub struct FixtureEntity {
    /// `PER`, `ORG`, `LOC`, `MISC`.
    pub kind: &'static str,
    /// Fullest name.
    pub name: &'static str,
    /// Mentions, in text order.
    pub mentions: &'static [&'static str],
    /// Roles.
    pub roles: &'static [&'static str],
    /// Handles.
    pub handles: &'static [&'static str],
    /// GeoNames id, for a resolved place.
    pub geonames: Option<u32>,
}

/// A quote: the quoted words, the speaker's entity index, the verb.
pub struct FixtureQuote {
    /// The quoted words (found in the text).
    pub text: &'static str,
    /// Index of the speaker in the entities.
    pub speaker: Option<usize>,
    /// Reporting verb.
    pub verb: &'static str,
}

/// An event: type, mode, trigger word, actors, targets, location (entity indices).
pub struct FixtureEvent {
    /// PLOVER type.
    pub kind: &'static str,
    /// PLOVER mode.
    pub mode: Option<&'static str>,
    /// Trigger (found in the text).
    pub trigger: &'static str,
    /// Actor entities.
    pub actors: &'static [usize],
    /// Target entities.
    pub targets: &'static [usize],
    /// Location entity.
    pub location: Option<usize>,
}

/// One fixture article.
pub struct FixtureArticle {
    /// Id.
    pub id: &'static str,
    /// Publication date.
    pub published: Option<&'static str>,
    /// Crawl time.
    pub crawled: Option<&'static str>,
    /// Outlet.
    pub source: &'static str,
    /// Title.
    pub title: &'static str,
    /// Text (empty for a failed article).
    pub text: &'static str,
    /// Entities.
    pub entities: Vec<FixtureEntity>,
    /// Quotes.
    pub quotes: Vec<FixtureQuote>,
    /// Events.
    pub events: Vec<FixtureEvent>,
}

const STORY: &str = "التقى وزير الخارجية السعودي عادل الجبير في الرياض اليوم نظيره الأمريكي جون كيري، وبحث الجانبان تطورات الأوضاع في اليمن وسبل دعم الحل السياسي.\nوقال الجبير في مؤتمر صحفي مشترك: «نحن ندعم الحل السياسي في اليمن ونرفض التدخل الإيراني في شؤون المنطقة».\nوأضاف أن المملكة ستواصل جهودها الإنسانية لمساعدة الشعب اليمني في جميع المحافظات.";

const STORY_COPY: &str = "نقلت وكالة الأنباء أن الوزير التقى ضيفه.\nالتقى وزير الخارجية السعودي عادل الجبير في الرياض اليوم نظيره الأمريكي جون كيري، وبحث الجانبان تطورات الأوضاع في اليمن وسبل دعم الحل السياسي.\nوقال الجبير في مؤتمر صحفي مشترك: «نحن ندعم الحل السياسي في اليمن ونرفض التدخل الإيراني في شؤون المنطقة».\nوأضاف أن المملكة ستواصل جهودها الإنسانية لمساعدة الشعب اليمني في جميع المحافظات.";

fn per(
    name: &'static str,
    mentions: &'static [&'static str],
    roles: &'static [&'static str],
    handles: &'static [&'static str],
) -> FixtureEntity {
    FixtureEntity {
        kind: "PER",
        name,
        mentions,
        roles,
        handles,
        geonames: None,
    }
}

fn loc(name: &'static str, geonames: Option<u32>) -> FixtureEntity {
    FixtureEntity {
        kind: "LOC",
        name,
        mentions: &[],
        roles: &[],
        handles: &[],
        geonames,
    }
}

/// The fixture corpus.
pub fn corpus() -> Vec<FixtureArticle> {
    let story_entities = || {
        vec![
            per(
                "عادل الجبير",
                &["عادل الجبير", "الجبير"],
                &["وزير الخارجية السعودي"],
                &[],
            ),
            per("جون كيري", &["جون كيري"], &["نظيره الأمريكي"], &[]),
            loc("الرياض", None),
        ]
    };
    let story_quote = || FixtureQuote {
        text: "نحن ندعم الحل السياسي في اليمن ونرفض التدخل الإيراني في شؤون المنطقة",
        speaker: Some(0),
        verb: "قال",
    };
    let story_event = || FixtureEvent {
        kind: "CONSULT",
        mode: Some("meet"),
        trigger: "التقى",
        actors: &[0],
        targets: &[1],
        location: Some(2),
    };
    vec![
        FixtureArticle {
            id: "spa-1",
            published: Some("2015-07-01"),
            crawled: Some("2015-07-01T08:00:00"),
            source: "spa",
            title: "الجبير يلتقي كيري في الرياض",
            text: STORY,
            entities: story_entities(),
            quotes: vec![story_quote()],
            events: vec![story_event()],
        },
        FixtureArticle {
            id: "riyadh-7",
            published: None,
            crawled: Some("2015-07-01T15:30:00"),
            source: "alriyadh",
            title: "وزير الخارجية يبحث مع كيري الأزمة اليمنية",
            text: STORY_COPY,
            entities: story_entities(),
            quotes: vec![story_quote()],
            events: vec![story_event()],
        },
        FixtureArticle {
            id: "okaz-3",
            published: Some("2015-07-20"),
            crawled: None,
            source: "okaz",
            title: "الجبير: لا مكان لبشار الأسد في مستقبل سوريا",
            text: "أكد وزير الخارجية عادل الجبير أن لا مكان لبشار الأسد في مستقبل سوريا.\nوكتب الجبير في حسابه على تويتر: «الحل في سوريا يبدأ برحيل الأسد».",
            entities: vec![
                per("عادل الجبير", &["عادل الجبير", "الجبير"], &["وزير الخارجية"], &["AdelAljubeir"]),
                per("بشار الأسد", &["بشار الأسد", "الأسد"], &[], &[]),
                loc("سوريا", None),
            ],
            quotes: vec![FixtureQuote {
                text: "الحل في سوريا يبدأ برحيل الأسد",
                speaker: Some(0),
                verb: "كتب",
            }],
            events: vec![FixtureEvent {
                kind: "DISAPPROVE",
                mode: None,
                trigger: "أكد",
                actors: &[0],
                targets: &[1],
                location: None,
            }],
        },
        FixtureArticle {
            id: "watan-9",
            published: Some("2015-08-10"),
            crawled: None,
            source: "alwatan",
            title: "ولي العهد يستقبل سفراء دول الخليج",
            text: "استقبل ولي العهد الأمير محمد بن نايف في جدة سفراء دول الخليج العربي.\nوقال ولي العهد إن «أمن الخليج واحد لا يتجزأ».",
            entities: vec![
                per("محمد بن نايف", &["محمد بن نايف"], &["ولي العهد"], &[]),
                loc("جدة", None),
            ],
            quotes: vec![FixtureQuote {
                text: "أمن الخليج واحد لا يتجزأ",
                speaker: Some(0),
                verb: "قال",
            }],
            events: vec![FixtureEvent {
                kind: "CONSULT",
                mode: Some("meet"),
                trigger: "استقبل",
                actors: &[0],
                targets: &[],
                location: Some(1),
            }],
        },
        FixtureArticle {
            id: "hayat-4",
            published: Some("2015-08-12"),
            crawled: None,
            source: "alhayat",
            title: "ترامب يعلن ترشحه",
            text: "أعلن رجل الأعمال دونالد ترامب ترشحه للانتخابات الرئاسية الأمريكية، وقال ترامب إن حملته ستركز على الاقتصاد.",
            entities: vec![per("دونالد ترامب", &["دونالد ترامب", "ترامب"], &["رجل الأعمال"], &["realDonaldTrump"])],
            quotes: vec![],
            events: vec![],
        },
        FixtureArticle {
            id: "sabq-5",
            published: Some("2015-08-13"),
            crawled: None,
            source: "sabq",
            title: "ترمب يهاجم منافسيه",
            text: "هاجم المرشح الجمهوري دونالد ترمب منافسيه في المناظرة الأولى.",
            entities: vec![per("دونالد ترمب", &["دونالد ترمب"], &["المرشح الجمهوري"], &[])],
            quotes: vec![],
            events: vec![],
        },
        FixtureArticle {
            id: "madina-2",
            published: Some("2015-07-25"),
            crawled: None,
            source: "almadina",
            title: "الجبير: ماضون في دعم الشرعية",
            text: "أكد الجبير أن المملكة ماضية في دعم الشرعية في اليمن.",
            entities: vec![per("الجبير", &["الجبير"], &[], &[])],
            quotes: vec![],
            events: vec![],
        },
        FixtureArticle {
            id: "tripoli-ly",
            published: Some("2015-08-02"),
            crawled: None,
            source: "alhayat",
            title: "اشتباكات في طرابلس الليبية",
            text: "اندلعت اشتباكات في طرابلس بين فصائل ليبية مسلحة.",
            entities: vec![loc("طرابلس", Some(2210247))],
            quotes: vec![],
            events: vec![],
        },
        FixtureArticle {
            id: "tripoli-lb",
            published: Some("2015-08-03"),
            crawled: None,
            source: "alhayat",
            title: "هدوء في طرابلس اللبنانية",
            text: "عاد الهدوء إلى طرابلس في شمال لبنان.",
            entities: vec![loc("طرابلس", Some(266826))],
            quotes: vec![],
            events: vec![],
        },
        FixtureArticle {
            id: "broken-1",
            published: None,
            crawled: None,
            source: "spa",
            title: "",
            text: "",
            entities: vec![],
            quotes: vec![],
            events: vec![],
        },
    ]
}

/// Character offsets of the `nth`-from-`from` occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, from_byte: usize) -> Option<(u32, u32, usize)> {
    let b = from_byte + text.get(from_byte..)?.find(needle)?;
    let start = text[..b].chars().count() as u32;
    Some((
        start,
        start + needle.chars().count() as u32,
        b + needle.len(),
    ))
}

fn span(text: &str, needle: &str) -> TextSpan {
    let (start, end, _) =
        find(text, needle, 0).unwrap_or_else(|| panic!("{needle:?} not in the fixture text"));
    TextSpan {
        start,
        end,
        text: needle.to_owned(),
    }
}

/// The analysis of a fixture article.
pub fn analysis(a: &FixtureArticle) -> Analysis {
    if a.text.is_empty() {
        return Analysis::failed(a.id, Some("fixture"), "the text is empty");
    }
    let text = a.text;
    let chars = isnad_text::CharOffsets::new(text);
    let mut out = Analysis::failed(a.id, Some("fixture"), "");
    out.error = None;
    out.published = a.published.map(str::to_owned);
    out.published_source = a.published.map(|_| "given".to_owned());
    out.title = Some(a.title.to_owned()).filter(|t| !t.is_empty());
    out.source = Some(a.source.to_owned());
    out.length = chars.len_chars();
    out.paragraphs = isnad_text::paragraph_spans(text)
        .into_iter()
        .map(|s| {
            let (start, end) = chars.span_chars(s);
            Paragraph {
                start,
                end,
                kind: "body".into(),
            }
        })
        .collect();
    out.entities = a
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut at = 0;
            let mentions = e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end, next) =
                        find(text, m, at).unwrap_or_else(|| panic!("{m:?} not in {}", a.id));
                    at = next;
                    TextSpan {
                        start,
                        end,
                        text: (*m).to_owned(),
                    }
                })
                .collect();
            Entity {
                id: format!("e{}", i + 1),
                kind: e.kind.into(),
                name: e.name.into(),
                mentions: if e.mentions.is_empty() {
                    vec![span(text, e.name)]
                } else {
                    mentions
                },
                roles: e.roles.iter().map(|r| (*r).to_owned()).collect(),
                handles: e.handles.iter().map(|h| (*h).to_owned()).collect(),
                geo: e.geonames.map(|id| isnad_api::Geo {
                    lat: 0.0,
                    lon: 0.0,
                    reference: format!("geonames:{id}"),
                    country: None,
                    feature: None,
                }),
                country: None,
                sector: None,
            }
        })
        .collect();
    out.quotes = a
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let s = span(text, q.text);
            Quote {
                id: format!("q{}", i + 1),
                kind: "direct".into(),
                start: s.start,
                end: s.end,
                text: s.text,
                speaker: q.speaker.map(|e| format!("e{}", e + 1)),
                speaker_name: q.speaker.map(|e| a.entities[e].name.to_owned()),
                speaker_description: None,
                verb: Some(q.verb.to_owned()),
                channel: None,
                date: None,
                source_post: None,
                fidelity: None,
            }
        })
        .collect();
    out.events = a
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| Event {
            id: format!("v{}", i + 1),
            kind: e.kind.into(),
            mode: e.mode.map(str::to_owned),
            status: "happened".into(),
            trigger: span(text, e.trigger),
            actors: e.actors.iter().map(|x| format!("e{}", x + 1)).collect(),
            targets: e.targets.iter().map(|x| format!("e{}", x + 1)).collect(),
            location: e.location.map(|x| format!("e{}", x + 1)),
            locations: Vec::new(),
            date: None,
            sentence: None,
        })
        .collect();
    out
}

/// The fixture articles prepared for writing.
pub fn prepared(counts: &dyn WordCounts) -> Vec<Prepared> {
    corpus()
        .iter()
        .map(|a| {
            let layers = (!a.text.is_empty()).then(|| isnad_text::analyze(a.text, counts));
            let extras = ArticleExtras {
                crawled: a.crawled.and_then(|c| {
                    chrono::NaiveDateTime::parse_from_str(c, "%Y-%m-%dT%H:%M:%S").ok()
                }),
                content_hash: format!("fixture-{}", a.id),
                engine: "fixture".into(),
            };
            prepare(
                analysis(a),
                a.text.to_owned(),
                layers.as_ref(),
                extras,
                counts,
            )
        })
        .collect()
}

/// Writes the fixture corpus into a new store in `dir` and finalizes it.
pub fn build_store(dir: &std::path::Path) -> Result<crate::FinalizeReport, crate::StoreError> {
    let counts = isnad_resources::word_counts();
    let mut w = crate::Writer::open(dir, counts)?;
    w.write_chunk(&prepared(counts))?;
    w.finalize()
}
