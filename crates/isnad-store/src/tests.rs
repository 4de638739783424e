//! Tests of the whole store on the fixture corpus: writes, idempotence, search, actors,
//! quotes, republication.

use crate::fixtures;
use crate::{Corpus, SearchRequest, Writer};
use isnad_api::corpus::SearchResponse;
use rusqlite::Connection;
use tempfile::TempDir;

/// A fresh directory for one test, deleted when the guard drops (also on a panic).
fn tmp(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("isnad-store-{name}-"))
        .tempdir()
        .unwrap()
}

fn counts() -> &'static isnad_resources::Lexicon {
    isnad_resources::word_counts()
}

/// The fixture store in a fresh directory; bound first (`let (_dir, c) = ...`), the guard
/// drops after the corpus.
fn store(name: &str) -> (TempDir, Corpus) {
    let dir = tmp(name);
    fixtures::build_store(dir.path()).unwrap();
    let corpus = Corpus::open(dir.path(), counts()).unwrap();
    (dir, corpus)
}

fn search(c: &Corpus, query: &str) -> SearchResponse {
    c.search(&SearchRequest {
        query: query.into(),
        limit: 10,
        ..SearchRequest::default()
    })
    .unwrap()
}

fn ids(r: &SearchResponse) -> Vec<String> {
    let mut v: Vec<String> = r.results.iter().map(|h| h.article.id.clone()).collect();
    v.sort();
    v
}

/// Rows of every annotation table, and the number of duplicated keys in each.
fn table_counts(dir: &std::path::Path) -> Vec<(String, i64, i64)> {
    let conn = Connection::open(dir.join("isnad.sqlite")).unwrap();
    let mut out = Vec::new();
    for (table, key) in [
        ("articles", "id"),
        ("paragraphs", "article, ord"),
        ("entities", "article, ord"),
        ("mentions", "article, entity_ord, ord"),
        ("posts", "article, ord"),
        ("quotes", "article, ord"),
        ("timex", "article, ord"),
        ("events", "article, ord"),
        ("event_args", "article, event_ord, role, eid"),
        ("signatures", "article"),
        ("actor_entities", "article, eid"),
        ("groups", "article"),
    ] {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        let dups: i64 = conn
            .query_row(
                &format!("SELECT COUNT(*) FROM (SELECT {key} FROM {table} GROUP BY {key} HAVING COUNT(*) > 1)"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        out.push((table.to_owned(), n, dups));
    }
    out
}

#[test]
fn stores_every_article_and_layer() {
    let (_dir, c) = store("layers");
    let s = c.stats().unwrap();
    assert_eq!(s.articles, 10);
    assert_eq!(s.failed, 1);
    assert_eq!(s.indexed, 9);
    assert_eq!(s.layers.quotes, 4);
    assert_eq!(s.layers.events, 4);
    assert_eq!(s.first_date.as_deref(), Some("2015-07-01"));
    let rec = c.article("okaz-3").unwrap().unwrap();
    assert_eq!(rec.analysis.quotes[0].text, "الحل في سوريا يبدأ برحيل الأسد");
    isnad_api::check_spans(&rec.analysis, &rec.text).unwrap();
    assert_eq!(rec.actors.len(), 3);
    assert!(c.article("nope").unwrap().is_none());
}

#[test]
fn writing_again_updates_and_never_duplicates() {
    let dir = tmp("idempotent");
    fixtures::build_store(dir.path()).unwrap();
    let before = table_counts(dir.path());
    let mut w = Writer::open(dir.path(), counts()).unwrap();
    w.write_chunk(&fixtures::prepared(counts())).unwrap();
    w.write_chunk(&fixtures::prepared(counts())).unwrap();
    w.finalize().unwrap();
    let after = table_counts(dir.path());
    assert_eq!(before, after);
    assert!(after.iter().all(|(_, _, dups)| *dups == 0), "{after:?}");
    let c = Corpus::open(dir.path(), counts()).unwrap();
    assert_eq!(c.stats().unwrap().indexed, 9);
}

#[test]
fn search_finds_phrases_stems_and_highlights_the_original() {
    let (_dir, c) = store("search");
    let r = search(&c, "ولي العهد");
    assert_eq!(ids(&r), vec!["watan-9"]);
    let snip = r.results[0].snippet.as_ref().unwrap();
    let words: Vec<&str> = snip.highlights.iter().map(|h| h.text.as_str()).collect();
    assert!(
        words.contains(&"ولي") && words.contains(&"العهد"),
        "{words:?}"
    );
    let rec = c.article("watan-9").unwrap().unwrap();
    let chars: Vec<char> = rec.text.chars().collect();
    for h in &snip.highlights {
        let s: String = chars[h.start as usize..h.end as usize].iter().collect();
        assert_eq!(s, h.text);
    }
    // Inflected forms meet through the stem field: اليمنيين → يمن.
    assert!(ids(&search(&c, "اليمنيين")).contains(&"spa-1".to_owned()));
    // A phrase must be contiguous.
    assert!(search(&c, "\"العهد ولي\"").results.is_empty());
    // Clitics do not matter: وبالرياض finds الرياض.
    assert!(ids(&search(&c, "وبالرياض")).contains(&"spa-1".to_owned()));
    // Nothing to search for.
    assert_eq!(search(&c, " ، ").total, 0);
}

#[test]
fn search_filters() {
    let (_dir, c) = store("filters");
    let q = |f: &dyn Fn(&mut SearchRequest)| {
        let mut r = SearchRequest {
            limit: 10,
            ..SearchRequest::default()
        };
        f(&mut r);
        ids(&c.search(&r).unwrap())
    };
    let jubeir = vec!["madina-2", "okaz-3", "riyadh-7", "spa-1"];
    assert_eq!(q(&|r| r.entity = Some("عادل الجبير".into())), jubeir);
    assert_eq!(q(&|r| r.entity = Some("@AdelAljubeir".into())), jubeir);
    assert_eq!(
        q(&|r| {
            r.entity = Some("عادل الجبير".into());
            r.from = chrono::NaiveDate::from_ymd_opt(2015, 7, 15);
        }),
        vec!["madina-2", "okaz-3"]
    );
    assert_eq!(
        q(&|r| r.event_type = Some("DISAPPROVE".into())),
        vec!["okaz-3"]
    );
    assert_eq!(q(&|r| r.source = Some("alwatan".into())), vec!["watan-9"]);
    assert_eq!(
        q(&|r| {
            r.speaker = Some("الجبير".into());
            r.query = "سوريا".into();
        }),
        vec!["okaz-3"]
    );
    assert!(q(&|r| r.entity = Some("شخص غير موجود".into())).is_empty());
}

#[test]
fn actors_across_articles() {
    let (_dir, c) = store("actors");
    let look = c.lookup_actor("عادل الجبير", 20).unwrap();
    let a = look.actor.expect("an actor");
    assert_eq!(a.name, "عادل الجبير");
    assert_eq!(a.kind, "PER");
    // The lone "الجبير" of madina-2 joined him on the evidence of the other articles.
    assert_eq!(a.article_count, 4);
    assert_eq!(a.handles, vec!["adelaljubeir"]);
    let roles: Vec<(&str, Option<&str>)> = a
        .roles
        .iter()
        .map(|r| (r.role.as_str(), r.first.as_deref()))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("وزير الخارجية السعودي", Some("2015-07-01")),
            ("وزير الخارجية", Some("2015-07-20"))
        ]
    );
    assert_eq!(a.quote_count, 3);
    // The republished statement points at its first publication.
    let copy = a
        .quotes
        .iter()
        .find(|q| q.article.id == "riyadh-7")
        .unwrap();
    assert_eq!(copy.also_in, 1);
    assert_eq!(copy.first_published_in.as_ref().unwrap().id, "spa-1");
    assert_eq!(a.events.len(), 3);
    assert!(a
        .events
        .iter()
        .any(|e| e.kind == "DISAPPROVE" && e.with[0].name == "بشار الأسد"));
    assert!(a
        .co_actors
        .iter()
        .any(|x| x.actor.name == "جون كيري" && x.articles == 2));
    assert_eq!(a.timeline.len(), 1);
    // The same actor by partial name, by handle and by id.
    for name in ["الجبير", "@adelaljubeir", a.id.as_str()] {
        assert_eq!(
            c.lookup_actor(name, 5).unwrap().actor.unwrap().id,
            a.id,
            "{name}"
        );
    }
    // Spelling variants are one actor.
    let trump = c.lookup_actor("دونالد ترمب", 5).unwrap().actor.unwrap();
    assert_eq!(trump.article_count, 2);
    assert_eq!(
        c.lookup_actor("@realDonaldTrump", 5)
            .unwrap()
            .actor
            .unwrap()
            .id,
        trump.id
    );
    // Places of the same name resolved to different gazetteer entries are two actors.
    let tripoli = c.lookup_actor("طرابلس", 5).unwrap();
    assert_eq!(tripoli.candidates.len(), 1);
    assert_ne!(tripoli.actor.unwrap().id, tripoli.candidates[0].actor.id);
    // A name no actor has falls back to the text.
    let none = c.lookup_actor("المملكة", 5).unwrap();
    assert!(none.actor.is_none());
    assert!(none.text_matches.unwrap().total >= 2);
}

#[test]
fn actor_ids_are_stable_when_the_corpus_grows() {
    let dir = tmp("stable");
    fixtures::build_store(dir.path()).unwrap();
    let c = Corpus::open(dir.path(), counts()).unwrap();
    let id = c.lookup_actor("عادل الجبير", 5).unwrap().actor.unwrap().id;
    drop(c);
    // New articles where "الجبير" is the main name, more than before.
    let mut w = Writer::open(dir.path(), counts()).unwrap();
    let mut more = Vec::new();
    for i in 0..6 {
        let a = fixtures::FixtureArticle {
            id: Box::leak(format!("extra-{i}").into_boxed_str()),
            published: Some("2015-08-20"),
            crawled: None,
            source: "extra",
            title: "",
            text: "وصل الجبير إلى القاهرة.",
            entities: vec![fixtures::FixtureEntity {
                kind: "PER",
                name: "الجبير",
                mentions: &["الجبير"],
                roles: &[],
                handles: &[],
                geonames: None,
            }],
            quotes: vec![],
            events: vec![],
        };
        let layers = isnad_text::analyze(a.text, counts());
        more.push(crate::prepare(
            fixtures::analysis(&a),
            a.text.into(),
            Some(&layers),
            crate::ArticleExtras::default(),
            counts(),
        ));
    }
    w.write_chunk(&more).unwrap();
    w.finalize().unwrap();
    let c = Corpus::open(dir.path(), counts()).unwrap();
    let a = c.lookup_actor("عادل الجبير", 5).unwrap().actor.unwrap();
    assert_eq!(a.id, id);
    assert_eq!(a.article_count, 10);
}

#[test]
fn quotes_by_speaker_and_date() {
    let (_dir, c) = store("quotes");
    let all = c.quotes(Some("الجبير"), None, None, 20, 0).unwrap();
    assert_eq!(all.total, 3);
    let dates: Vec<&str> = all
        .quotes
        .iter()
        .filter_map(|q| q.date.as_deref())
        .collect();
    assert_eq!(dates, vec!["2015-07-01", "2015-07-01", "2015-07-20"]);
    let late = c
        .quotes(
            Some("عادل الجبير"),
            chrono::NaiveDate::from_ymd_opt(2015, 7, 10),
            None,
            20,
            0,
        )
        .unwrap();
    assert_eq!(late.total, 1);
    assert_eq!(late.quotes[0].span.text, "الحل في سوريا يبدأ برحيل الأسد");
    assert_eq!(c.quotes(None, None, None, 2, 0).unwrap().total, 4);
    assert_eq!(c.quotes(None, None, None, 2, 0).unwrap().quotes.len(), 2);
    assert_eq!(c.quotes(Some("لا أحد"), None, None, 5, 0).unwrap().total, 0);
}

#[test]
fn republished_stories_are_grouped_with_their_first_publication() {
    let (_dir, c) = store("groups");
    let rec = c.article("riyadh-7").unwrap().unwrap();
    let g = rec.republication.unwrap();
    let members: Vec<&str> = g.articles.iter().map(|m| m.article.id.as_str()).collect();
    assert_eq!(members, vec!["spa-1", "riyadh-7"]);
    assert!(g.articles[1].similarity > 0.6);
    let s = c.stats().unwrap();
    assert_eq!((s.republication_groups, s.republished_articles), (1, 2));
    let hit = search(&c, "ندعم الحل السياسي");
    let r = hit
        .results
        .iter()
        .find(|h| h.article.id == "riyadh-7")
        .unwrap();
    assert_eq!(r.republication.as_ref().unwrap().first.id, "spa-1");
}

#[test]
fn a_chain_of_edits_does_not_merge_different_texts() {
    // B is A with a fifth of its words changed, C is B with another fifth changed: each
    // is a copy of the one before, but C is no longer a copy of A.
    let words: Vec<String> = (0..200)
        .map(|i| format!("كلمة{}", i * 7919 % 1000))
        .collect();
    let mut b = words.clone();
    for w in b.iter_mut().skip(10).step_by(10) {
        w.push('ب');
    }
    let mut c = b.clone();
    for w in c.iter_mut().skip(5).step_by(10) {
        w.push('ج');
    }
    let texts: Vec<String> = [&words, &b, &c].iter().map(|w| w.join(" ")).collect();
    // The premise: A~B and B~C are copies, A~C is not.
    let sig = |t: &str| {
        let layers = isnad_text::analyze(t, counts());
        let terms = isnad_search::terms(&layers, isnad_search::TermForm::Exact, &[]);
        let words: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
        crate::minhash::signature(&words).unwrap()
    };
    let (sa, sb, sc) = (sig(&texts[0]), sig(&texts[1]), sig(&texts[2]));
    let min = crate::republication::MIN_SIMILARITY;
    assert!(sa.similarity(&sb) >= min, "{}", sa.similarity(&sb));
    assert!(sb.similarity(&sc) >= min, "{}", sb.similarity(&sc));
    assert!(sa.similarity(&sc) < min, "{}", sa.similarity(&sc));
    let dir = tmp("chain");
    let mut w = Writer::open(dir.path(), counts()).unwrap();
    let prepared: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let a = fixtures::FixtureArticle {
                id: ["chain-a", "chain-b", "chain-c"][i],
                published: Some(["2015-07-01", "2015-07-02", "2015-07-03"][i]),
                crawled: None,
                source: "s",
                title: "",
                text: Box::leak(text.clone().into_boxed_str()),
                entities: vec![],
                quotes: vec![],
                events: vec![],
            };
            let layers = isnad_text::analyze(a.text, counts());
            crate::prepare(
                fixtures::analysis(&a),
                text.clone(),
                Some(&layers),
                crate::ArticleExtras::default(),
                counts(),
            )
        })
        .collect();
    w.write_chunk(&prepared).unwrap();
    w.finalize().unwrap();
    let c = Corpus::open(dir.path(), counts()).unwrap();
    let g = c
        .article("chain-b")
        .unwrap()
        .unwrap()
        .republication
        .unwrap();
    let members: Vec<&str> = g.articles.iter().map(|m| m.article.id.as_str()).collect();
    assert_eq!(members, vec!["chain-a", "chain-b"]);
    assert!(c
        .article("chain-c")
        .unwrap()
        .unwrap()
        .republication
        .is_none());
}

#[test]
fn a_given_date_beats_the_crawl_time_which_beats_an_inferred_date() {
    let crawled =
        chrono::NaiveDateTime::parse_from_str("2015-07-21T02:16:31", "%Y-%m-%dT%H:%M:%S").ok();
    let mut a = isnad_api::Analysis::failed("x", None, "");
    a.published = Some("1436-10-04".into());
    a.published_source = Some("text".into());
    assert_eq!(
        crate::article_date(&a, crawled).as_deref(),
        Some("2015-07-21")
    );
    assert_eq!(crate::article_date(&a, None).as_deref(), Some("1436-10-04"));
    a.published = Some("2015-07-20".into());
    a.published_source = Some("given".into());
    assert_eq!(
        crate::article_date(&a, crawled).as_deref(),
        Some("2015-07-20")
    );
    a.published = None;
    assert_eq!(
        crate::article_date(&a, crawled).as_deref(),
        Some("2015-07-21")
    );
}

#[test]
fn events_overview_counts_by_day_and_type_and_lists_the_latest() {
    let (_dir, c) = store("events-overview");
    let all = c
        .events_overview(&crate::EventsRequest {
            limit: 10,
            max_places: 10,
            ..Default::default()
        })
        .unwrap();
    // The period defaults to the articles' dates.
    assert_eq!(all.from.as_deref(), Some("2015-07-01"));
    assert_eq!(all.to.as_deref(), Some("2015-08-13"));
    assert_eq!(all.total, 4);
    let day = |d: &str, t: &str| {
        all.days
            .iter()
            .find(|x| x.day == d && x.kind == t)
            .map(|x| x.events)
    };
    assert_eq!(day("2015-07-01", "CONSULT"), Some(2));
    assert_eq!(day("2015-07-20", "DISAPPROVE"), Some(1));
    assert_eq!(day("2015-08-10", "CONSULT"), Some(1));
    assert_eq!(all.types[0].kind, "CONSULT");
    assert_eq!(all.types[0].events, 3);
    // Latest first, with the participants as actors and the place by name.
    let latest = &all.events[0];
    assert_eq!(latest.article.id, "watan-9");
    assert_eq!(latest.location.as_deref(), Some("جدة"));
    assert_eq!(latest.actors.len(), 1);
    assert_eq!(latest.actors[0].name, "محمد بن نايف");
    let meeting = all.events.iter().find(|e| e.article.id == "spa-1").unwrap();
    let names: Vec<&str> = meeting.actors.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"عادل الجبير") && names.contains(&"جون كيري"),
        "{names:?}"
    );

    let august = c
        .events_overview(&crate::EventsRequest {
            from: chrono::NaiveDate::from_ymd_opt(2015, 8, 1),
            event_type: Some("CONSULT".into()),
            limit: 10,
            max_places: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(august.total, 1);
    assert_eq!(august.events.len(), 1);
    let disapprove = c
        .events_overview(&crate::EventsRequest {
            event_type: Some("DISAPPROVE".into()),
            limit: 10,
            max_places: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(disapprove.total, 1);
    assert_eq!(disapprove.events[0].article.id, "okaz-3");
}

#[test]
fn top_actors_and_speakers_and_find_actors() {
    let (_dir, c) = store("top-actors");
    let top = c.top_actors(Some("PER"), 3).unwrap();
    assert_eq!(top[0].actor.name, "عادل الجبير", "{top:?}");
    assert!(top.iter().all(|a| a.actor.kind == "PER"));
    let speakers = c.top_speakers(5).unwrap();
    assert_eq!(speakers[0].actor.name, "عادل الجبير");
    assert_eq!(speakers[0].quotes, 3);
    let found = c.find_actors("عادل الجبير", 5).unwrap();
    assert_eq!(found[0].actor.id, top[0].actor.id);
    assert!(c.find_actors("لا أحد بهذا الاسم", 5).unwrap().is_empty());
}

#[test]
fn search_facets_count_matches_per_outlet_and_event_type() {
    let (_dir, c) = store("facets");
    let req = SearchRequest {
        query: "الجبير".into(),
        limit: 10,
        ..SearchRequest::default()
    };
    let total = c.search(&req).unwrap().total;
    let f = c.search_facets(&req).unwrap();
    let source = |s: &str| {
        f.sources
            .iter()
            .find(|x| x.source.as_deref() == Some(s))
            .map(|x| x.articles)
    };
    assert_eq!(source("spa"), Some(1));
    assert_eq!(source("okaz"), Some(1));
    assert_eq!(
        source("alhayat"),
        None,
        "outlets without a match are left out"
    );
    assert_eq!(f.sources.iter().map(|s| s.articles).sum::<u64>(), total);
    let kind = |t: &str| f.event_types.iter().find(|x| x.kind == t).map(|x| x.events);
    assert_eq!(kind("CONSULT"), Some(2));
    assert_eq!(kind("DISAPPROVE"), Some(1));
    // With an outlet chosen, only that outlet is counted.
    let f = c
        .search_facets(&SearchRequest {
            source: Some("okaz".into()),
            ..req.clone()
        })
        .unwrap();
    assert_eq!(f.sources.len(), 1);
    assert_eq!(f.event_types.len(), 1);
}

#[test]
fn actor_quotes_come_a_page_at_a_time() {
    let (_dir, c) = store("actor-quotes");
    let id = c.find_actors("عادل الجبير", 1).unwrap()[0].actor.id.clone();
    let all = c.actor_quotes(&id, 10, 0).unwrap();
    assert_eq!(all.total, 3);
    assert_eq!(all.quotes.len(), 3);
    let second = c.actor_quotes(&id, 2, 2).unwrap();
    assert_eq!(second.total, 3);
    assert_eq!(second.quotes.len(), 1);
    assert_eq!(second.quotes[0], all.quotes[2]);
}
