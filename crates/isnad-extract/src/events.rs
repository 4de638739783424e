//! Political events, typed with PLOVER, found on the Arabic original.
//!
//! The stage works sentence by sentence, inside each sentence's own structure, so that the
//! actor, the act and the place of an event come from the same stretch of text:
//!
//! 1. **Triggers.** Each word is taken apart into clitics (و ف, ب ل ك, سـ, ال/لل, an attached
//!    pronoun) and its stem looked up in the event lexicon (`data/events/lexicon.tsv`, see
//!    `isnad_resources::events`): conjugated verbs, event nouns, phrases. The first entry
//!    whose form, grammar (verbs take no article; a `past` verb's imperfect names a state) and
//!    context conditions fit gives the PLOVER type and mode. Words the afcsdc corpus splits in
//!    two (`دم رت`) are joined when the halves mean nothing alone. A word inside a temporal
//!    expression (فجر اليوم) or inside an organisation's name (هيئة تحرير الشام) is no trigger.
//! 2. **Status.** The nearest status cue of `data/events/cues.tsv` (لم، عدم، يتأهب، من المقرر،
//!    إذا، هدد ...) within its window; the future prefix سـ and a purpose لـ on an event noun
//!    (للتباحث، لتحرير) make it planned. An act that is only the content of a call (دعا إلى
//!    الإفراج) or of a threat coded as THREATEN is not an event of its own, except a call to
//!    rally, which announces a protest.
//! 3. **Mentions of one event.** Two triggers of the same type close together in a clause are
//!    one event (توصلت ... إلى اتفاق); a definite event noun that repeats the lemma of an
//!    earlier event (الاتفاق، الهجوم) refers back to it; a later trigger of the same lemma
//!    with the same participants, place and day is the same event told again; a place inside
//!    the country an earlier mention named is no new place.
//! 4. **Arguments** from the entities layer, within the event's scope (from the previous
//!    trigger or clause opener to the next one): the subject after the verb or the nearest
//!    noun phrase before it, coordinated with و; the object after على/ضد/مع/بحق or a direct
//!    object; the sides of "اشتباكات بين ... و ..."; places after في/ب/قرب/إلى, or the
//!    dateline; the date from the temporal expressions of the scope.
//! 5. **Actor attributes**: each actor's and target's country (demonyms after the mention or
//!    in its title, country names in its name; a place's own country) and sector (words of
//!    `data/events/sectors.tsv` in its name or title), where the entity layer left them empty.
//!
//! Known limits: no parser, so long-distance subjects (a speaker's pronoun, إنها) are not
//! resolved; the lexicon covers the words of the news of the corpora, not every synonym.

use isnad_doc::{
    Doc, EntityType, Event, EventStatus, Layer, ParagraphKind, Sector, Span, Stage, TimexKind,
};
use isnad_resources::events::{
    ActorWords, EventLexicon, FormKind, Side, TriggerEntry, TriggerPos, CONTEXT_AFTER,
    CONTEXT_BEFORE, CONTEXT_COMPLEMENT,
};
use isnad_text::{Token, TokenKind, WordCounts};

/// The event stage.
pub struct EventsStage;

impl Stage for EventsStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        // Geo: a place's country tells a state actor and a place inside another.
        // Quotes: a participle of state (مشيدا) acts with the speaker of the quote before it.
        &[
            Layer::Posts,
            Layer::Entities,
            Layer::Geo,
            Layer::Timex,
            Layer::Quotes,
        ]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn annotate(&self, doc: &mut Doc) {
        extract(
            doc,
            isnad_resources::event_lexicon(),
            isnad_resources::actor_words(),
        );
    }
}

/// Finds the events of a document with the given lexicon and actor words, replacing the
/// events layer and filling missing `country`/`sector` fields of the entities it uses.
pub fn extract(doc: &mut Doc, lex: &EventLexicon, words: &ActorWords) {
    let mut discourse = Discourse {
        dateline_mention: dateline_mention(doc),
        last_speaker: None,
        sentence_speaker: None,
    };
    let mut events: Vec<Candidate> = Vec::new();
    for s in 0..doc.sentences().len() {
        if !sentence_is_prose(doc, s) {
            continue;
        }
        let sent = Sentence::new(doc, s);
        let mut found = triggers(doc, lex, &sent);
        assign_status(doc, lex, &sent, &mut found);
        let mut found = merge_in_clause(doc, &sent, found, lex);
        attach_control_verbs(doc, &sent, &mut found);
        let mentions = sentence_mentions(doc, &sent, &discourse);
        discourse.sentence_speaker = speaker_of(doc, &sent, &mentions);
        let spans: Vec<(usize, usize)> = found.iter().map(|c| (c.first, c.end)).collect();
        // The participants of the last finite verb of the sentence: whom a participle of
        // state after it (مشيدا، متهما) describes.
        let mut accompanied = LastVerb::default();
        for (k, mut c) in found.into_iter().enumerate() {
            let prev_end = k.checked_sub(1).map_or(sent.first, |j| spans[j].1);
            let next_start = spans.get(k + 1).map_or(sent.end, |n| n.0);
            arguments(
                doc,
                &sent,
                &mentions,
                &mut c,
                (prev_end, next_start),
                (&discourse, &accompanied),
                words,
            );
            if c.verb && !lex.entries[c.entry as usize].state && !c.actors.is_empty() {
                accompanied.actors.clone_from(&c.actors);
                accompanied.targets.clone_from(&c.targets);
            }
            events.push(c);
        }
        if let Some((sp, _)) = discourse.sentence_speaker {
            discourse.last_speaker = Some((sp, s));
        }
    }
    let mut events = drop_repeats(doc, events, lex);
    // A richer later mention may have taken an earlier one's place.
    events.sort_by_key(|c| c.trigger.start);
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for c in events {
        let entry = &lex.entries[c.entry as usize];
        // "هاجم أردوغان نظيره السوري": a person named as the verb's subject, right after
        // it, attacks in words.
        let verbal = entry.verbal && person_subject_follows(doc, &c);
        let (kind, mode) = if verbal {
            ("ACCUSE", Some("disapprove"))
        } else {
            (entry.kind, entry.mode)
        };
        // "هاجم الأسد فرنسا، متهما إياها بـ": a participle of state of the same type as
        // the act before it, by the same actor against the same target, tells that act
        // again ("اتهم فتح ... مستهجنا موقف السلطة" is a second act).
        let retold = out.last().is_some_and(|e| {
            entry.state
                && e.sentence == c.sentence as u32
                && e.kind == kind
                && e.actors.iter().any(|a| c.actors.contains(a))
                && !c.targets.is_empty()
                && c.targets.iter().all(|t| e.targets.contains(t))
        });
        if retold {
            continue;
        }
        out.push(Event {
            kind,
            mode,
            status: c.status,
            trigger: c.trigger,
            actors: c.actors,
            targets: c.targets,
            location: c.locations.first().copied(),
            locations: c.locations.iter().skip(1).copied().collect(),
            date: c.date,
            sentence: c.sentence as u32,
        });
    }
    doc.events = out;
    fill_actor_attributes(doc, words);
}

/// Whether a person among the event's actors is named right after the trigger, or after
/// words of one of that person's roles only (the subject of a verb in VSO order: "هاجم
/// الرئيس السوري بشار الأسد فرنسا", "هاجم رئيس تركيا أردوغان نظيره").
fn person_subject_follows(doc: &Doc, c: &Candidate) -> bool {
    const REACH: usize = 8;
    let tokens = doc.tokens();
    let first = doc.text_layers.token_at_or_after(c.trigger.end);
    let sentence = doc.sentences()[c.sentence];
    let end = (first + REACH).min(sentence.end_token as usize);
    let Some((k, m)) = (first..end).find_map(|k| {
        doc.mentions_starting_in(tokens[k].span)
            .iter()
            .find(|m| doc.entities[m.entity as usize].kind == EntityType::Per)
            .map(|m| (k, m))
    }) else {
        return false;
    };
    let person = &doc.entities[m.entity as usize];
    let in_role = |t: usize| person.roles.iter().any(|r| r.contains(tokens[t].span));
    c.actors.contains(&m.entity)
        && (first..k).all(|t| tokens[t].kind == TokenKind::Punct || in_role(t))
}

/// True for sentences of article prose or of embedded posts (not signatures, captions or
/// page furniture).
fn sentence_is_prose(doc: &Doc, s: usize) -> bool {
    let start = doc.sentences()[s].span.start;
    let k = doc.blocks.partition_point(|b| b.span.start <= start);
    match k.checked_sub(1).map(|i| doc.blocks[i]) {
        Some(b) if b.span.end > start => {
            matches!(b.kind, ParagraphKind::Body | ParagraphKind::Post)
        }
        _ => true,
    }
}

/// A found trigger on its way to becoming an event.
#[derive(Clone, Debug)]
struct Candidate {
    entry: u32,
    sentence: usize,
    /// Token range of the trigger.
    first: usize,
    end: usize,
    trigger: Span,
    /// A finite verb (not a noun or participle).
    verb: bool,
    future: bool,
    purpose: bool,
    definite: bool,
    /// Index of its clause in the sentence.
    clause: usize,
    /// The bare past form (3rd person masculine singular, no ending).
    bare_past: bool,
    /// The status comes only from a purpose لـ (a weak sign: للتفجير may be "of the bombing").
    purpose_status: bool,
    /// Carries an attached pronoun (زيارته).
    suffix: bool,
    /// A verb in the first or second person: its subject is the speaker.
    first_person: bool,
    /// Carries و or ف.
    conjunction: bool,
    /// A light verb (its noun is the better trigger).
    light: bool,
    /// The light verb this event noun was found with (شن ... هجوما): its token.
    light_from: Option<usize>,
    /// The control verb that governs this event noun (تمكنت ... من السيطرة): its token.
    control_from: Option<usize>,
    /// Only an event when nothing precedes it in the sentence.
    alone: bool,
    /// The lemmas of the mentions merged into it.
    lemmas: Vec<String>,
    /// A demonstrative stands before it (هذه الزيارة).
    demonstrative: bool,
    status: EventStatus,
    /// The token of the status cue, and its kind, when a cue set the status.
    cue: Option<(usize, &'static str)>,
    drop: bool,
    actors: Vec<u32>,
    targets: Vec<u32>,
    locations: Vec<u32>,
    date: Option<String>,
}

impl Candidate {
    /// The light or control verb that governs this event noun: its subject acts, and the
    /// noun refers to no earlier event.
    fn governing_verb(&self) -> Option<usize> {
        self.light_from.or(self.control_from)
    }
}

/// One sentence: its token range and, per token, whether a clause starts there.
struct Sentence {
    index: usize,
    first: usize,
    end: usize,
}

impl Sentence {
    fn new(doc: &Doc, index: usize) -> Sentence {
        let s = doc.sentences()[index];
        Sentence {
            index,
            first: s.first_token as usize,
            end: s.end_token as usize,
        }
    }
}

fn norm<'a>(doc: &'a Doc, t: &Token) -> &'a str {
    doc.text_layers.norm_text(t)
}

fn is_word(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Arabic | TokenKind::Foreign | TokenKind::Number
    )
}

/// Punctuation that ends a clause.
fn is_clause_punct(doc: &Doc, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(norm(doc, t), "،" | "," | "؛" | ";" | ":" | "(" | ")")
}

/// Punctuation that ends a stretch of argument search even inside a sentence.
fn is_strong_punct(doc: &Doc, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(norm(doc, t), "؛" | ";" | ":" | "." | "!" | "?" | "؟")
}

/// Words that open a new clause (the word belongs to the new clause).
fn opens_clause(doc: &Doc, t: &Token) -> bool {
    let raw = norm(doc, t);
    let w = if raw == "فيما" {
        raw
    } else {
        strip_conjunction(raw)
    };
    matches!(
        w,
        "فيما" | "بينما" | "حيث" | "حين" | "ثم" | "لكن" | "لكنه" | "لكنها" | "كما"
    )
}

/// Verbs that take an act as their complement (تمكنت القوات من السيطرة، نجحت في تدمير،
/// تحاول اقتحام، واصلت هجومها), as past/imperfect pairs after normalization, conjugated as
/// the lexicon conjugates its verbs. Their subject is the one who acts, and the act they
/// govern is no anaphor of an earlier mention.
const CONTROL_VERBS: [(&str, &str); 8] = [
    ("تمكن", "يتمكن"),
    ("نجح", "ينجح"),
    ("حاول", "يحاول"),
    ("بدا", "يبدا"),
    ("واصل", "يواصل"),
    ("استانف", "يستانف"),
    ("باشر", "يباشر"),
    ("شرع", "يشرع"),
];

/// Whether a word (conjunction stripped) is a form of a control verb.
fn is_control_verb(w: &str) -> bool {
    let w = strip_conjunction(w);
    CONTROL_VERBS
        .iter()
        .any(|&(past, imperfect)| isnad_resources::is_form_of_verb(w, past, imperfect))
}

/// Words that may stand between a control verb's subject and the act it governs.
fn is_control_particle(w: &str) -> bool {
    matches!(w, "من" | "في" | "الي" | "علي" | "عن")
}

/// An event noun governed by a control verb a few words before it, in the same clause,
/// has that verb's subject as its actor, as a light verb's noun does (تمكنت قوات النظام من
/// السيطرة), and refers to no event told before it.
fn attach_control_verbs(doc: &Doc, sent: &Sentence, found: &mut [Candidate]) {
    const REACH: usize = 5;
    let toks = doc.tokens();
    for c in found.iter_mut() {
        if c.verb || c.light || c.light_from.is_some() {
            continue;
        }
        let mut words = 0;
        let mut k = c.first;
        while k > sent.first && words < REACH {
            k -= 1;
            let t = &toks[k];
            if is_clause_punct(doc, t) || is_strong_punct(doc, t) {
                break;
            }
            if !is_word(t) {
                continue;
            }
            words += 1;
            let w = norm(doc, t);
            if words == 1 && is_control_particle(w) {
                continue;
            }
            if is_control_verb(w) {
                c.control_from = Some(k);
                break;
            }
            if opens_clause(doc, t) {
                break;
            }
        }
    }
}

fn strip_conjunction(w: &str) -> &str {
    for c in ["و", "ف"] {
        if let Some(rest) = w.strip_prefix(c) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    w
}

/// The forms of a word to compare with a context or cue word: as written, without a
/// conjunction, without a preposition, without the article.
fn word_variants(w: &str) -> [&str; 4] {
    let a = strip_conjunction(w);
    let b = ["ب", "ل", "ك"]
        .iter()
        .find_map(|p| a.strip_prefix(p).filter(|r| r.chars().count() >= 2))
        .unwrap_or(a);
    let c = ["لل", "ال"]
        .iter()
        .find_map(|p| b.strip_prefix(p).filter(|r| r.chars().count() >= 2))
        .or_else(|| a.strip_prefix("لل").filter(|r| r.chars().count() >= 2))
        .unwrap_or(b);
    [w, a, b, c]
}

fn begins_with_any(w: &str, starts: &[String]) -> bool {
    let v = word_variants(w);
    starts
        .iter()
        .any(|s| v.iter().any(|x| x.starts_with(s.as_str())))
}

/// What the text layer knows of a word, for trusting a clitic split.
#[derive(Clone, Copy, Debug, Default)]
struct WordShape {
    /// Proclitic bytes the text layer's segmenter found (with corpus counts).
    segmented_prefix: usize,
    /// The whole form is common in the corpus: a split the segmenter did not make is
    /// not trusted (وزارته is وزارة + ه, not و + زارته).
    frequent: bool,
    /// Written with a final ة.
    ends_in_ta_marbuta: bool,
}

/// One reading of a word: a lexicon entry and the clitics around its stem.
#[derive(Clone, Copy, Debug)]
struct Reading {
    entry: u32,
    form: FormKind,
    /// Bytes of و/ف at the start of the normalized word.
    conjunction: usize,
    /// Bytes of all proclitics.
    prefix: usize,
    preposition_li: bool,
    future: bool,
    article: bool,
    suffix: bool,
    /// A verb conjugated for the first or second person (هزمنا، ننسق، أدعو، قصفتم): its
    /// subject is a pronoun, so a name after it is its object.
    first_person: bool,
}

const PREFIXES: [(&str, Option<char>, bool, bool); 10] = [
    // (prefix, preposition, article, future)
    ("", None, false, false),
    ("ب", Some('ب'), false, false),
    ("ل", Some('ل'), false, false),
    ("ك", Some('ك'), false, false),
    ("س", None, false, true),
    ("ال", None, true, false),
    ("بال", Some('ب'), true, false),
    ("كال", Some('ك'), true, false),
    ("لل", Some('ل'), true, false),
    ("لي", Some('ل'), false, false),
];
const SUFFIXES: [&str; 8] = ["", "ه", "ها", "هم", "هما", "هن", "كم", "نا"];

/// All readings of a normalized word, in lexicon order, fewest clitics first within an
/// entry. `segmented_prefix` is the number of proclitic bytes the text layer's segmenter
/// found (with corpus counts): a short stem is only read under clitics it agrees with.
fn readings(lex: &EventLexicon, w: &str, shape: WordShape) -> Vec<Reading> {
    let mut out: Vec<Reading> = Vec::new();
    for conj in ["", "و", "ف"] {
        let Some(w1) = w.strip_prefix(conj) else {
            continue;
        };
        for &(pre, prep, article, future) in &PREFIXES {
            // لي + imperfect: ليكون = لـ + يكون; the ي belongs to the verb.
            let (w2, keep) = if pre == "لي" {
                match w1.strip_prefix('ل') {
                    Some(r) if r.starts_with('ي') => (r, true),
                    _ => continue,
                }
            } else {
                match w1.strip_prefix(pre) {
                    Some(r) => (r, true),
                    None => continue,
                }
            };
            if !keep || w2.chars().count() < 2 {
                continue;
            }
            for suf in SUFFIXES {
                let Some(stem) = w2.strip_suffix(suf) else {
                    continue;
                };
                let stem_chars = stem.chars().count();
                if stem_chars < 2 {
                    continue;
                }
                let stripped = conj.len() + w1.len() - w2.len();
                // The future سـ before an imperfect verb of the lexicon (سيزور، سيلتقي) is
                // trusted even where the segmenter left it: the form is one.
                let untrusted =
                    stripped > shape.segmented_prefix && (stem_chars <= 3 || shape.frequent);
                if untrusted && !future {
                    continue;
                }
                // A word written with ة ends in a noun, not in the pronoun ه.
                if suf == "ه" && shape.ends_in_ta_marbuta {
                    continue;
                }
                for hit in lex.lookup(stem) {
                    if untrusted && hit.kind != FormKind::Imperfect {
                        continue;
                    }
                    let same_entry =
                        |other: &str| lex.lookup(other).iter().any(|h| h.entry == hit.entry);
                    let first_person = match hit.kind {
                        FormKind::Past => ["نا", "تم"].iter().any(|e| {
                            stem.strip_suffix(e)
                                .is_some_and(|b| b.chars().count() >= 2 && same_entry(b))
                        }),
                        FormKind::Imperfect => ["ن", "ا"].iter().any(|p| {
                            stem.strip_prefix(p)
                                .is_some_and(|rest| same_entry(&format!("ي{rest}")))
                        }),
                        _ => false,
                    };
                    let r = Reading {
                        entry: hit.entry,
                        form: hit.kind,
                        conjunction: conj.len(),
                        prefix: stripped,
                        preposition_li: prep == Some('ل'),
                        future,
                        article,
                        suffix: !suf.is_empty(),
                        first_person,
                    };
                    if grammatical(&lex.entries[hit.entry as usize], &r, prep, pre == "لي") {
                        out.push(r);
                    }
                }
            }
        }
    }
    out.sort_by_key(|r| (r.entry, r.prefix));
    out
}

/// A quick test before the full clitic analysis: does any slice of the word that clitics
/// could leave (after letters that can be proclitics, before a pronoun) name a form of the
/// lexicon? Most words hold no trigger; this keeps the stage fast.
fn may_hold_trigger(lex: &EventLexicon, w: &str) -> bool {
    // Starts: after 0 to 4 letters that can be proclitics (و ف ب ل ك س and the ا of ال).
    let mut starts = vec![0usize];
    for (n, (at, c)) in w.char_indices().enumerate() {
        if n >= 4 || !matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س' | 'ا') {
            break;
        }
        starts.push(at + c.len_utf8());
    }
    for a in starts {
        let rest = &w[a..];
        if rest.is_empty() {
            break;
        }
        if lex.may_be_form(rest) && !lex.lookup(rest).is_empty() {
            return true;
        }
        // Every attached pronoun ends in ه، ا، م or ن.
        if !rest.ends_with(['ه', 'ا', 'م', 'ن']) {
            continue;
        }
        for suf in &SUFFIXES[1..] {
            let Some(stem) = rest.strip_suffix(suf) else {
                continue;
            };
            if !stem.is_empty() && lex.may_be_form(stem) && !lex.lookup(stem).is_empty() {
                return true;
            }
        }
    }
    false
}

/// Whether a reading's clitics fit its part of speech and the entry's flags.
fn grammatical(e: &TriggerEntry, r: &Reading, prep: Option<char>, li_imperfect: bool) -> bool {
    match r.form {
        FormKind::PastBase | FormKind::Past | FormKind::Imperfect => {
            if r.article || (prep.is_some() && !li_imperfect) {
                return false;
            }
            if (r.future || li_imperfect) && r.form != FormKind::Imperfect {
                return false;
            }
            if e.past_only && r.form == FormKind::Imperfect && !r.future {
                return false;
            }
            true
        }
        FormKind::Noun | FormKind::Construct => {
            if r.future || li_imperfect {
                return false;
            }
            if r.suffix != (r.form == FormKind::Construct) {
                // A construct form needs its pronoun; a noun form takes none.
                return false;
            }
            if e.suffix_only && !r.suffix {
                return false;
            }
            if e.indefinite_only && r.article {
                return false;
            }
            true
        }
        FormKind::PhraseHead => !r.future && !r.suffix && !li_imperfect,
    }
}

/// The word tokens of the sentence before `i` (nearest first) and from `end` on.
fn words_before<'a>(doc: &'a Doc, sent: &Sentence, i: usize) -> impl Iterator<Item = usize> + 'a {
    (sent.first..i)
        .rev()
        .filter(move |&k| is_word(&doc.tokens()[k]))
}

fn words_after<'a>(doc: &'a Doc, sent: &Sentence, end: usize) -> impl Iterator<Item = usize> + 'a {
    (end..sent.end).filter(move |&k| is_word(&doc.tokens()[k]))
}

fn context_holds(doc: &Doc, sent: &Sentence, e: &TriggerEntry, first: usize, end: usize) -> bool {
    let toks = doc.tokens();
    e.conditions.iter().all(|c| {
        let before = || words_before(doc, sent, first).take(CONTEXT_BEFORE);
        let before_near = || words_before(doc, sent, first).take(CONTEXT_AFTER);
        let after = || words_after(doc, sent, end).take(CONTEXT_AFTER);
        let hit = |k: usize| begins_with_any(norm(doc, &toks[k]), &c.words);
        let found = match c.side {
            Side::Prev => before().any(hit),
            Side::Next => after().any(hit),
            Side::Adjacent => after().take(1).any(hit),
            Side::Near => before_near().any(hit) || after().any(hit),
            Side::Complement => words_after(doc, sent, end)
                .take(CONTEXT_COMPLEMENT)
                .any(hit),
        };
        found != c.negated
    })
}

fn phrase_matches(doc: &Doc, sent: &Sentence, e: &TriggerEntry, first: usize) -> Option<usize> {
    let toks = doc.tokens();
    let mut k = first + 1;
    for w in &e.phrase_tail {
        if k >= sent.end || !is_word(&toks[k]) {
            return None;
        }
        let t = norm(doc, &toks[k]);
        let bare = |x: &str| -> String {
            let x = strip_conjunction(x);
            x.strip_prefix("ال").unwrap_or(x).to_owned()
        };
        if bare(t) != bare(w) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The triggers of one sentence, in text order.
fn triggers(doc: &Doc, lex: &EventLexicon, sent: &Sentence) -> Vec<Candidate> {
    let toks = doc.tokens();
    let counts = isnad_resources::word_counts();
    let mut out = Vec::new();
    let mut i = sent.first;
    let mut parens = 0i32;
    let sent_span = doc.sentences()[sent.index].span;
    // Words that are part of a temporal expression (فجر اليوم: dawn, not "blew up") or of
    // an organisation's name (هيئة تحرير الشام، فجر ليبيا) are no triggers. A name's last
    // word is left out: it is where a tagger's span most often runs on into the verb that
    // follows the name (الجبهة سيفرج).
    let inside_names: Vec<Span> = doc
        .timex
        .iter()
        .filter(|x| x.span.start < sent_span.end && x.span.end > sent_span.start)
        .map(|x| x.span)
        .chain(
            doc.mentions_starting_in(sent_span)
                .iter()
                .filter(|m| {
                    matches!(
                        doc.entities[m.entity as usize].kind,
                        EntityType::Org | EntityType::Misc
                    )
                })
                .map(|m| name_without_last_word(doc, m.span)),
        )
        .collect();
    while i < sent.end {
        let t = &toks[i];
        if inside_names
            .iter()
            .any(|x| x.start <= t.span.start && t.span.end <= x.end)
        {
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Punct {
            match norm(doc, t) {
                "(" => parens += 1,
                ")" => parens = (parens - 1).max(0),
                _ => {}
            }
        }
        // A parenthesis refers to what is told elsewhere (في إشارة لاجتماع الحكومة).
        if t.kind != TokenKind::Arabic || parens > 0 {
            i += 1;
            continue;
        }
        let w = norm(doc, t);
        let mut found = None;
        let candidates = if may_hold_trigger(lex, w) {
            readings(
                lex,
                w,
                WordShape {
                    segmented_prefix: t.clitics.prefix_bytes(),
                    frequent: counts.count(w) >= 20,
                    ends_in_ta_marbuta: doc.slice(t.span).ends_with('ة'),
                },
            )
        } else {
            Vec::new()
        };
        for r in candidates {
            let e = &lex.entries[r.entry as usize];
            let is_verb_form = matches!(
                r.form,
                FormKind::PastBase | FormKind::Past | FormKind::Imperfect
            );
            if is_verb_form
                && r.conjunction == 0
                && !r.future
                && !verb_can_stand(doc, sent, i, r.form == FormKind::PastBase)
            {
                // قمع الحريات، قرار صادر: a masdar or participle, not a verb.
                continue;
            }
            let end = match e.pos {
                TriggerPos::Phrase => match phrase_matches(doc, sent, e, i) {
                    Some(end) => end,
                    None => continue,
                },
                _ => i + 1,
            };
            if context_holds(doc, sent, e, i, end) {
                found = Some((r, end));
                break;
            }
        }
        // A word the corpus split in two (دم رت، د خل): read the halves together when
        // the first is a letter or two and the whole is more common than the second half.
        if found.is_none() && w.chars().count() <= 2 && i + 1 < sent.end {
            let next = &toks[i + 1];
            let nw = norm(doc, next);
            let joined = format!("{w}{nw}");
            if next.kind == TokenKind::Arabic
                && next.span.start == t.span.end + 1
                && may_hold_trigger(lex, &joined)
                && counts.count(nw) < counts.count(&joined)
            {
                for r in readings(lex, &joined, WordShape::default()) {
                    let e = &lex.entries[r.entry as usize];
                    if e.pos != TriggerPos::Phrase
                        && r.prefix == 0
                        && context_holds(doc, sent, e, i, i + 2)
                    {
                        found = Some((r, i + 2));
                        break;
                    }
                }
            }
        }
        let Some((r, end)) = found else {
            i += 1;
            continue;
        };
        let e = &lex.entries[r.entry as usize];
        let norm_span = Span {
            start: t.norm.start + r.conjunction as u32,
            end: toks[end - 1].norm.end,
        };
        let trigger = doc.text_layers.normalized.to_original(norm_span);
        let demonstrative = words_before(doc, sent, i)
            .next()
            .is_some_and(|k| matches!(norm(doc, &toks[k]), "هذه" | "هذا" | "تلك" | "ذلك"));
        let verb = matches!(
            r.form,
            FormKind::PastBase | FormKind::Past | FormKind::Imperfect
        ) && e.pos == TriggerPos::Verb;
        out.push(Candidate {
            entry: r.entry,
            sentence: sent.index,
            first: i,
            end,
            trigger,
            verb,
            future: r.future,
            // لـ on an event noun (للتباحث) or on an imperfect verb (ليكون) is a purpose;
            // on a noun with a pronoun (لاستقالتها) it marks an object.
            purpose: r.preposition_li && !r.suffix && !after_li_verb(doc, sent, i),
            definite: r.article,
            bare_past: r.form == FormKind::PastBase,
            purpose_status: false,
            clause: (sent.first..i)
                .filter(|&k| is_clause_punct(doc, &toks[k]) || opens_clause(doc, &toks[k]))
                .count(),
            suffix: r.suffix,
            conjunction: r.conjunction > 0,
            first_person: r.first_person && verb,
            light: e.light,
            light_from: None,
            control_from: None,
            alone: e.alone,
            lemmas: vec![e.lemma.clone()],
            demonstrative,
            status: EventStatus::Happened,
            cue: None,
            drop: false,
            actors: Vec::new(),
            targets: Vec::new(),
            locations: Vec::new(),
            date: None,
        });
        i = end;
    }
    out
}

/// A mention's span without its last word (empty for a one-word mention).
fn name_without_last_word(doc: &Doc, span: Span) -> Span {
    let text = doc.slice(span);
    match text.trim_end().rfind(char::is_whitespace) {
        Some(k) => Span {
            start: span.start,
            end: span.start + k as u32,
        },
        None => Span {
            start: span.start,
            end: span.start,
        },
    }
}

/// Verbs whose object takes لـ (تعرضت لهجوم، تخضع لحصار): the لـ is no purpose.
fn after_li_verb(doc: &Doc, sent: &Sentence, i: usize) -> bool {
    words_before(doc, sent, i).next().is_some_and(|k| {
        let w = strip_conjunction(norm(doc, &doc.tokens()[k]));
        [
            "تعرض",
            "يتعرض",
            "خضع",
            "يخضع",
            "تخضع",
            "ادي",
            "ادت",
            "يؤدي",
            "تؤدي",
        ]
        .iter()
        .any(|v| w.starts_with(v))
    })
}

/// Whether a verb form at token `i` can be a verb. A bare past form has the same letters as
/// a masdar or participle, which is what it is after a preposition (عن عقد اجتماعات), after
/// أنّ (أن قمع التظاهرات أسفر) and after the nouns that govern a masdar (استمرار قمع
/// الحريات، قرار صادر عن مجلس الأمن); an imperfect form after a preposition or a quantifier
/// is a noun (بأي تدخل).
fn verb_can_stand(doc: &Doc, sent: &Sentence, i: usize, past_base: bool) -> bool {
    let toks = doc.tokens();
    let mut before = words_before(doc, sent, i);
    let Some(prev) = before.next() else {
        return true;
    };
    let w = strip_conjunction(norm(doc, &toks[prev]));
    if intro_word(w).is_some() {
        // No finite verb follows a preposition (بعد ادانته بالتواطؤ: a masdar).
        return false;
    }
    // A word counted right after a number is a noun, bare or with the tanween of the
    // counted accusative ("39500 طالب", "32 متهما"; a verb with another ending stands after
    // a page counter, "ص 64 حثت", and so does the dual), and so is one
    // named after a father ("صالح بن طالب", "علي بن أبي طالب") or after كل; a number that
    // opens its line or follows punctuation (a time, a page counter, "سوخوي - 34 دمرت") or
    // that is a year or inside a date ("في عام 1977 وافق") says nothing of the word after it.
    let word = norm(doc, &toks[i]);
    let counted = (past_base || (word.ends_with('ا') && !word.ends_with("وا")))
        && prev + 1 == i
        && toks[prev].kind == TokenKind::Number
        && prev > sent.first
        && is_word(&toks[prev - 1])
        && !is_year(doc.slice(toks[prev].span))
        && !doc.timex.iter().any(|x| x.span.contains(toks[prev].span));
    if counted || matches!(w, "كل" | "بن" | "ابن" | "ابي" | "ابو") {
        return false;
    }
    if !past_base {
        // An imperfect form after a preposition or a quantifier is a noun
        // (لن تقبل بأي تدخل عسكري).
        return !(is_any(w) || w == "بكل");
    }
    if w == "ان" {
        // أنْ + verb after بعد/قبل/منذ (بعد أن رفض); otherwise أنّ + noun.
        return before.next().is_some_and(|k| {
            matches!(
                strip_conjunction(norm(doc, &toks[k])),
                "بعد" | "قبل" | "منذ"
            )
        });
    }
    let raw = norm(doc, &toks[prev]);
    let governs_masdar = word_variants(raw).iter().any(|v| {
        matches!(
            *v,
            "استمرار"
                | "وقف"
                | "قرار"
                | "عمليه"
                | "محاوله"
                | "سياسه"
                | "عدم"
                | "مرحله"
                | "اعاده"
                | "حاله"
                | "ضروره"
                | "رغم"
                | "اثناء"
                | "عقب"
                | "اثر"
                | "جراء"
                | "لدي"
        )
    });
    !governs_masdar
}

/// "Any" (أي، لأي، بأي، أية), normalized and without its conjunction: a noun after it names
/// a kind of act, not one that took place.
fn is_any(w: &str) -> bool {
    matches!(w, "اي" | "لاي" | "باي" | "ايه")
}

/// A number written as a year of the last two centuries (1977, 2015).
fn is_year(n: &str) -> bool {
    n.len() == 4
        && (n.starts_with("19") || n.starts_with("20"))
        && n.bytes().all(|b| b.is_ascii_digit())
}

/// Verbal events (calls, accusations, refusals, praise, threats): the places their clause
/// names are what they talk about ("دعا إلى وقف القتال في اليمن"), not where they took
/// place, which the news seldom says; they get no place.
fn verbal(kind: &str) -> bool {
    matches!(
        kind,
        "REQUEST" | "ACCUSE" | "REJECT" | "SUPPORT" | "THREATEN"
    )
}

/// Event types that are themselves speech acts: a call or a threat before them is the
/// act itself, not a status of it.
fn is_speech_act(kind: &str) -> bool {
    matches!(
        kind,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" | "SUPPORT" | "AGREE"
    )
}

fn assign_status(doc: &Doc, lex: &EventLexicon, sent: &Sentence, found: &mut [Candidate]) {
    status_from_cues(doc, lex, sent, found);
    // "أي هجوم", "لأي اعتداء": any act of a kind is no act that took place, unless it is
    // denied ("لم يسجل أي خرق": no violation happened, which the news reports as such).
    let toks = doc.tokens();
    for c in found.iter_mut() {
        if c.verb || c.status == EventStatus::Denied {
            continue;
        }
        let any = words_before(doc, sent, c.first)
            .take(2)
            .any(|k| is_any(strip_conjunction(norm(doc, &toks[k]))));
        if any {
            c.drop = true;
        }
    }
    // A call to rally is announced as the planned PROTEST itself; the call is not coded again.
    let calls: Vec<usize> = found
        .iter()
        .filter(|c| lex.entries[c.entry as usize].kind == "PROTEST")
        .filter_map(|c| c.cue.filter(|(_, s)| *s == "called").map(|(k, _)| k))
        .collect();
    for c in found.iter_mut() {
        if lex.entries[c.entry as usize].kind == "REQUEST"
            && calls.iter().any(|&k| c.first <= k && k < c.end)
        {
            c.drop = true;
        }
    }
}

fn status_from_cues(doc: &Doc, lex: &EventLexicon, sent: &Sentence, found: &mut [Candidate]) {
    let toks = doc.tokens();
    let trigger_kinds: Vec<(usize, &str)> = found
        .iter()
        .map(|c| (c.first, lex.entries[c.entry as usize].kind))
        .collect();
    for c in found.iter_mut() {
        let kind = lex.entries[c.entry as usize].kind;
        if kind == "THREATEN" {
            continue;
        }
        if c.future {
            c.status = EventStatus::Planned;
            continue;
        }
        // The nearest cue on either side.
        let mut best: Option<(usize, &'static str, usize)> = None;
        for cue in &lex.cues {
            let n = cue.words.len();
            let positions: Vec<usize> = if cue.after {
                words_after(doc, sent, c.end).take(cue.window + n).collect()
            } else {
                words_before(doc, sent, c.first)
                    .take(cue.window + n)
                    .collect()
            };
            for (dist, &k) in positions.iter().enumerate() {
                // k is the cue's last word (before) or first word (after).
                let start = if cue.after { k } else { k + 1 - n.min(k + 1) };
                if start < sent.first || start + n > sent.end {
                    continue;
                }
                let ok = cue.words.iter().enumerate().all(|(j, w)| {
                    let t = norm(doc, &toks[start + j]);
                    let t = if j == 0 { strip_conjunction(t) } else { t };
                    t == w
                });
                if !ok {
                    continue;
                }
                // What is called for stands after إلى or لـ (دعا ... إلى الإفراج، طالب بعدم),
                // with no new clause (a word with و) in between.
                if cue.status == "called" && !cue.after {
                    let introduced = words_before(doc, sent, c.first)
                        .next()
                        .is_some_and(|k| matches!(norm(doc, &toks[k]), "الي" | "الى" | "علي"))
                        || {
                            let w = norm(doc, &toks[c.first]);
                            w.starts_with('ل') || w.starts_with('ب')
                        };
                    let new_clause = (start + n..c.first).any(|x| {
                        toks[x].kind == TokenKind::Arabic
                            && toks[x].clitics.has(isnad_text::Prefix::Wa)
                    });
                    if !introduced || new_clause {
                        continue;
                    }
                }
                let words_between = dist;
                if words_between > cue.window {
                    continue;
                }
                let (lo, hi) = if cue.after {
                    (c.end, start)
                } else {
                    (start + n, c.first)
                };
                let crosses = (lo..hi).any(|x| {
                    let t = &toks[x];
                    if cue.clause {
                        is_clause_punct(doc, t) || is_strong_punct(doc, t) || opens_clause(doc, t)
                    } else {
                        is_strong_punct(doc, t)
                    }
                });
                if crosses {
                    continue;
                }
                if best.is_none_or(|(d, _, _)| words_between < d) {
                    best = Some((words_between, cue.status, start));
                }
                break;
            }
        }
        let Some((_, status, at)) = best else {
            if c.purpose && !c.verb {
                c.status = EventStatus::Planned;
                c.purpose_status = true;
            }
            continue;
        };
        c.cue = Some((at, status));
        c.status = match status {
            "denied" => EventStatus::Denied,
            "planned" | "called" => EventStatus::Planned,
            "threatened" => EventStatus::Threatened,
            _ => EventStatus::Hypothetical,
        };
        if c.purpose && c.status == EventStatus::Happened {
            c.status = EventStatus::Planned;
        }
        // The content of a call is part of the REQUEST, except a call to rally; the
        // content of a threat coded as THREATEN is part of the threat.
        if !is_speech_act(kind) {
            let cue_is_trigger = |want: &str| {
                trigger_kinds
                    .iter()
                    .any(|&(f, k)| k == want && f <= at && at < f + 2)
            };
            if status == "called" && kind != "PROTEST" {
                c.drop = true;
            }
            if status == "threatened" && cue_is_trigger("THREATEN") {
                c.drop = true;
            }
        }
    }
}

/// Joins triggers of the same type that tell one event in one stretch of a sentence:
/// close together (توصلت ... إلى اتفاق، اتفاق فيينا المبرم), coordinated verbs (سيطرت عليها
/// وانتزعتها), or a verb elaborating the noun before it (التفجير ... الذي استهدف). The first
/// mention's trigger is kept, except that an event noun wins over its light verb (عقد
/// اجتماعات) and a noun with a mode over a noun without (اتفاق ... المبرم). An adverb such as
/// احتجاجا that qualifies an earlier event of the sentence is dropped.
fn merge_in_clause(
    doc: &Doc,
    sent: &Sentence,
    found: Vec<Candidate>,
    lex: &EventLexicon,
) -> Vec<Candidate> {
    let toks = doc.tokens();
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen_any = false;
    for c in found {
        let earlier = seen_any;
        seen_any = true;
        let called = c.cue.is_some_and(|(_, s)| s == "called");
        if c.drop || (c.alone && earlier && !called) {
            continue;
        }
        if let Some(prev) = out.last_mut() {
            let (pe, ce) = (
                &lex.entries[prev.entry as usize],
                &lex.entries[c.entry as usize],
            );
            let between = (prev.end..c.first).filter(|&k| is_word(&toks[k])).count();
            let strong = (prev.end..c.first).any(|k| is_strong_punct(doc, &toks[k]));
            // Two event nouns of one type with different modes are two acts (غارات جوية
            // مكثفة وقصف مدفعي: air strikes and shelling).
            let other_mode = !prev.verb
                && !c.verb
                && pe.mode.is_some()
                && ce.mode.is_some()
                && pe.mode != ce.mode;
            let same = pe.kind == ce.kind && !strong && !other_mode;
            let opener = (prev.end..c.first).any(|k| opens_clause(doc, &toks[k]));
            // A quotation mark between them: one is inside the quoted words, the other in
            // the reporter's clause (... ودعوتها للاستسلام"، داعيا إلى ...).
            let quote_between = (prev.end..c.first).any(|k| {
                toks[k].kind == TokenKind::Punct
                    && norm(doc, &toks[k])
                        .chars()
                        .all(isnad_text::chars::is_quote_mark)
            });
            let close = between <= 4 && !(prev.verb && c.verb) && !quote_between;
            let coordinated = prev.verb && c.verb && c.conjunction && between <= 2;
            // رفض قسم من الحركة رفضا قاطعا: the verb's own masdar after it (the cognate
            // object) tells the same act.
            let cognate = prev.verb
                && !c.conjunction
                && between <= 8
                && c.lemmas.iter().any(|l| prev.lemmas.contains(l))
                && !(prev.end..c.first).any(|k| is_clause_punct(doc, &toks[k]));
            // الضربة بمنطقة ... استهدفت: a verb telling more of the noun before it.
            let elaboration = !prev.verb && c.verb && between <= 10 && !opener && !quote_between;
            // توصلت ... إلى اتفاق: a verb and its object noun.
            let object = prev.verb
                && !c.verb
                && between <= 15
                && !opener
                && words_before(doc, sent, c.first).next().is_some_and(|k| {
                    matches!(strip_conjunction(norm(doc, &toks[k])), "الي" | "علي")
                });
            // اتفاقات وقف إطلاق النار، الاتفاق لوقف إطلاق النار: the terms of an agreement.
            let terms = pe.kind == "AGREE" && !prev.verb && !c.verb && between == 0;
            // حراك احتجاجي ... طالب بالإصلاح: the demands of a protest are part of it.
            let protest_demand = pe.kind == "PROTEST"
                && !prev.verb
                && ce.kind == "REQUEST"
                && c.verb
                && between <= 3;
            // دان ... التفجير الإرهابي: the event condemned, called for or rejected, named
            // by a definite noun, is told elsewhere; the speech act is the event here.
            let object_of_speech = is_speech_act(pe.kind)
                && !c.verb
                && (c.definite || c.demonstrative)
                && between <= 6
                && !opener
                && !(prev.end..c.first).any(|k| is_clause_punct(doc, &toks[k]));
            if terms || protest_demand || object_of_speech {
                continue;
            }
            // نفذ التحالف آلاف الضربات، عقد المجلس جلسة: a light verb and its event noun are
            // one event, told by the noun, with the verb's subject.
            if prev.light && same && !c.verb && !c.light && between <= 8 && !opener {
                let status = if prev.status != EventStatus::Happened {
                    prev.status
                } else {
                    c.status
                };
                // سيعقد جلسة: side by side, the two words are the trigger.
                let trigger = if between == 0 {
                    prev.trigger.cover(c.trigger)
                } else {
                    c.trigger
                };
                let light_from = Some(prev.first);
                let mut lemmas = std::mem::take(&mut prev.lemmas);
                lemmas.extend(c.lemmas.iter().cloned());
                *prev = Candidate {
                    status,
                    trigger,
                    light_from,
                    lemmas,
                    ..c
                };
                continue;
            }
            if same && (close || coordinated || elaboration || object || cognate) {
                let take_new = (prev.light && !c.verb)
                    || (!prev.verb && !c.verb && pe.mode.is_none() && ce.mode.is_some());
                let mut lemmas = std::mem::take(&mut prev.lemmas);
                for l in &c.lemmas {
                    if !lemmas.contains(l) {
                        lemmas.push(l.clone());
                    }
                }
                if take_new {
                    let status = if prev.status != EventStatus::Happened {
                        prev.status
                    } else {
                        c.status
                    };
                    *prev = Candidate { status, ..c };
                }
                prev.lemmas = lemmas;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// How a noun phrase is introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Intro {
    /// Nothing: subject, direct object or genitive.
    Bare,
    /// A preposition of place (في، ب، قرب، داخل، إلى، نحو ...).
    Place,
    /// A preposition that introduces the one acted upon (على، ضد، بحق، مع، تجاه، عن، لـ).
    Target,
    /// بين: the sides of a two-sided event.
    Between,
    /// من قبل / من طرف: the agent of a noun.
    Agent,
    /// Any other preposition.
    Other,
}

fn intro_word(w: &str) -> Option<Intro> {
    Some(match strip_conjunction(w) {
        "في" | "قرب" | "داخل" | "نحو" | "صوب" | "باتجاه" | "عند" | "امام" | "عبر" | "الي"
        | "الى" | "حتي" | "شمال" | "جنوب" | "شرق" | "غرب" | "وسط" | "محيط" | "بمحيط" | "اطراف" => {
            Intro::Place
        }
        "علي" | "ضد" | "بحق" | "مع" | "تجاه" | "عن" | "لدي" | "مواجهه" => {
            Intro::Target
        }
        "بين" => Intro::Between,
        "قبل" | "طرف" => Intro::Agent,
        "من" | "منذ" | "بعد" | "خلال" | "حول" | "بشان" | "بسبب" | "مثل" | "دون" => {
            Intro::Other
        }
        _ => return None,
    })
}

/// Quantifiers, relational and group nouns that stand between a preposition and a name
/// (على بعض مثيري الشغب، مع نظيره مراد مدلسي، في مواجهة مليشيا حفتر).
fn is_partitive(w: &str) -> bool {
    crate::entities::is_counterpart(strip_conjunction(w))
        || matches!(
            strip_conjunction(w),
            "بعض"
                | "كل"
                | "جميع"
                | "عدد"
                | "احد"
                | "الاف"
                | "مئات"
                | "عشرات"
                | "مليشيا"
                | "ميليشيا"
                | "مليشيات"
                | "ميليشيات"
                | "قوات"
                | "عناصر"
                | "مسلحي"
                | "مقاتلي"
                | "انصار"
        )
}

/// Place-class nouns that stand between a preposition and a place name (في مدينة زوارة).
fn is_place_head(w: &str) -> bool {
    let w = word_variants(w)[3];
    matches!(
        w,
        "مدينه"
            | "مدينتي"
            | "محافظه"
            | "بلده"
            | "بلدتي"
            | "قريه"
            | "قريتي"
            | "منطقه"
            | "ولايه"
            | "حي"
            | "حيي"
            | "ريف"
            | "مطار"
            | "معسكر"
            | "مخيم"
            | "اقليم"
            | "العاصمه"
            | "عاصمه"
            | "قضاء"
            | "مركز"
            | "مقر"
            | "جبل"
            | "ساحه"
            | "دوله"
            | "سلطنه"
            | "مملكه"
            | "جمهوريه"
            | "شمالي"
            | "جنوبي"
            | "شرقي"
            | "غربي"
    )
}

#[derive(Clone, Copy, Debug)]
struct MentionAt {
    entity: u32,
    kind: EntityType,
    first: usize,
    last: usize,
    intro: Intro,
    /// Joined to the previous mention by و.
    coordinated: bool,
    /// Inside parentheses (a description: "(120 كم غرب العاصمة طرابلس)").
    in_parens: bool,
    /// Introduced as an adversary (ضد، في مواجهة).
    adversary: bool,
    /// The first token of its noun phrase: a person's title before the name ("الأمين العام
    /// للأمم المتحدة أنطونيو غوتيريش" starts at الأمين), else `first`.
    head: usize,
    /// Part of another's title ("الأمم المتحدة" above, "طرابلس" in "السفير لدى طرابلس"):
    /// a name that qualifies a person, not a participant or place of the event.
    in_title: bool,
    /// Introduced by مع ("with"), or coordinated with one that is.
    with: bool,
}

/// The mentions of a sentence with their token positions and what introduces them.
fn sentence_mentions(doc: &Doc, sent: &Sentence, discourse: &Discourse) -> Vec<MentionAt> {
    let toks = doc.tokens();
    let s = doc.sentences()[sent.index].span;
    let here: Vec<&isnad_doc::Mention> = doc.mentions_starting_in(s).iter().collect();
    // First pass: the mentions that can be participants or places, with their tokens.
    let mut raw: Vec<(&isnad_doc::Mention, usize, usize)> = Vec::new();
    for (mi, m) in here.iter().enumerate() {
        // A name inside another (إفريقيا in "القيادة العسكرية الأمريكية في إفريقيا") is
        // part of that name, not a participant or place of its own.
        let nested = here
            .iter()
            .enumerate()
            .any(|(oi, o)| oi != mi && o.span.contains(m.span) && o.span != m.span);
        // A function word is no name, whatever the entity layer says (إلى، أن).
        let text = isnad_text::normalize(doc.slice(m.span));
        let function_word = text.chars().count() <= 2
            || matches!(
                text.as_str(),
                "الي"
                    | "علي"
                    | "عن"
                    | "من"
                    | "في"
                    | "ان"
                    | "او"
                    | "مع"
                    | "التي"
                    | "الذي"
                    | "هذا"
                    | "هذه"
            );
        // The dateline names where the report was filed, not a participant.
        let dateline = discourse.dateline_mention == Some(m.span);
        if nested || function_word || dateline {
            continue;
        }
        let first = doc.text_layers.token_at_or_after(m.span.start);
        if first >= sent.end {
            continue;
        }
        let last = doc
            .text_layers
            .token_at_or_after(m.span.end.saturating_sub(1))
            .clamp(first, sent.end - 1);
        raw.push((m, first, last));
    }
    // Titles: before a person's name ("الأمين العام للأمم المتحدة أنطونيو غوتيريش") and in
    // apposition after it ("ستيفن تاونسند، قائد القيادة العسكرية ... "أفريكوم"،"). The
    // names inside them qualify the person; they are not participants or places.
    let kind_of = |m: &isnad_doc::Mention| doc.entities[m.entity as usize].kind;
    let mut heads: Vec<usize> = Vec::with_capacity(raw.len());
    let mut title_spans: Vec<(usize, usize)> = Vec::new();
    for &(m, first, last) in &raw {
        let head = if kind_of(m) == EntityType::Per {
            title_head(doc, sent, first)
        } else {
            first
        };
        heads.push(head);
        if head < first {
            title_spans.push((head, first));
        }
        if kind_of(m) == EntityType::Per {
            if let Some(end) = apposition_title(doc, sent, last + 1) {
                title_spans.push((last + 1, end));
            }
        }
    }
    let in_title_span =
        |first: usize, last: usize| title_spans.iter().any(|&(a, b)| first >= a && last < b);
    let mut out: Vec<MentionAt> = Vec::new();
    for (ri, &(m, first, last)) in raw.iter().enumerate() {
        let kind = kind_of(m);
        let head = heads[ri];
        let t = &toks[head];
        // Clitics of the first token outside the mention (وبـ in "وبالحكومة"), or of the
        // title before the name (والسفير، للرئيس).
        let clitic_text = if head < first {
            let pre = t.clitics.prefix_bytes().min(t.norm.len());
            doc.norm()[t.norm.start as usize..t.norm.start as usize + pre].to_owned()
        } else if m.span.start > t.span.start {
            isnad_text::normalize(doc.slice(Span {
                start: t.span.start,
                end: m.span.start,
            }))
        } else {
            String::new()
        };
        let clitic = strip_conjunction_prefix(&clitic_text);
        let has_wa = clitic_text.starts_with('و') || clitic_text.starts_with('ف');
        let mut intro = if clitic.starts_with('ب') {
            Intro::Place
        } else if clitic.starts_with('ل') && !clitic.starts_with("ال") {
            Intro::Target
        } else {
            Intro::Bare
        };
        // A separate preposition, possibly with a place noun in between.
        let mut k = head;
        let mut steps = 0;
        let mut saw_place_head = false;
        let mut adversary = false;
        let mut with = false;
        while intro == Intro::Bare && k > sent.first && steps < 3 {
            k -= 1;
            let w = norm(doc, &toks[k]);
            if !is_word(&toks[k]) {
                // Quotation marks around a name (من " القاعدة ") do not cut it off.
                if toks[k].kind == TokenKind::Punct
                    && w.chars().all(isnad_text::chars::is_quote_mark)
                {
                    continue;
                }
                break;
            }
            if let Some(i) = intro_word(w) {
                adversary = matches!(strip_conjunction(w), "ضد" | "مواجهه");
                with = strip_conjunction(w) == "مع";
                intro = match i {
                    Intro::Other if w.ends_with("قبل") || w == "طرف" => Intro::Agent,
                    i => i,
                };
                if strip_conjunction(w) == "من" && k + 1 < head {
                    let nx = norm(doc, &toks[k + 1]);
                    if nx == "قبل" || nx == "طرف" {
                        intro = Intro::Agent;
                    }
                }
                break;
            }
            if is_partitive(w) {
                // على بعض مثيري الشغب، مع نظيره مراد مدلسي: look past the quantifier.
                steps += 1;
                continue;
            }
            if !is_place_head(w) {
                break;
            }
            // A place noun with its own preposition clitic (بمدينة، بريف).
            let v = strip_conjunction(w);
            if v.starts_with('ب') {
                intro = Intro::Place;
                break;
            }
            saw_place_head = true;
            steps += 1;
        }
        // A mention that opens with a site's or a part's head ("مطار كويرس", "شمال
        // العراق": the entity stage keeps the head in the name) is a place as the same
        // words before a bare name are.
        let opens_with_place_word = first < last
            && crate::entities::is_place_head_noun(word_variants(norm(doc, &toks[first]))[2]);
        if intro == Intro::Bare && (saw_place_head || opens_with_place_word) {
            // ومدينتي ترهونة: a place noun names a place even without a preposition.
            intro = Intro::Place;
        }
        // A name right after باسم or لدى qualifies a title (المتحدث باسم حركة حماس، السفير
        // لدى طرابلس).
        let after_title_preposition = words_before(doc, sent, first)
            .take(2)
            .any(|x| matches!(strip_conjunction(norm(doc, &toks[x])), "باسم" | "لدي"));
        let in_title = after_title_preposition || in_title_span(first, last);
        // Coordination with the previous participant, over a title in apposition
        // ("مع الجنرال ستيفن تاونسند، قائد ...، والسفير ... ريتشارد نورلاند").
        let coordinated = !in_title
            && out.iter().rev().find(|p| !p.in_title).is_some_and(|p| {
                let between = p.last + 1..head;
                let outside_titles: Vec<usize> =
                    between.clone().filter(|&x| !in_title_span(x, x)).collect();
                p.last < head
                    && ((has_wa && outside_titles.is_empty())
                        || (outside_titles.len() == 1
                            && matches!(norm(doc, &toks[outside_titles[0]]), "و"))
                        || (has_wa
                            && outside_titles
                                .iter()
                                .all(|&x| !is_strong_punct(doc, &toks[x]))
                            && outside_titles.iter().all(|&x| {
                                !is_clause_punct(doc, &toks[x]) || norm(doc, &toks[x]) == "،"
                            })
                            && outside_titles
                                .iter()
                                .filter(|&&x| is_word(&toks[x]))
                                .count()
                                == 0
                            && outside_titles.len() <= 2
                            && p.first < head))
            });
        if coordinated {
            // A coordinated mention shares what introduced the first one.
            if let Some(p) = out.iter().rev().find(|p| !p.in_title) {
                intro = p.intro;
                adversary = p.adversary;
                with = p.with;
            }
        }
        let depth: i32 = (sent.first..first)
            .map(|x| match norm(doc, &toks[x]) {
                "(" => 1,
                ")" => -1,
                _ => 0,
            })
            .sum();
        out.push(MentionAt {
            entity: m.entity,
            kind,
            first,
            last,
            intro,
            coordinated,
            in_parens: depth > 0,
            adversary,
            head,
            in_title,
            with,
        });
    }
    out
}

/// A title in apposition after a person's name, from token `at`: a comma, a title word and
/// the words of the title up to the next comma or the end of the sentence, at most eight
/// words ("تاونسند، قائد القيادة العسكرية الأمريكية في إفريقيا "أفريكوم"،"). Returns the
/// end of the title.
fn apposition_title(doc: &Doc, sent: &Sentence, at: usize) -> Option<usize> {
    let toks = doc.tokens();
    if at + 1 >= sent.end || !matches!(norm(doc, &toks[at]), "،" | ",") {
        return None;
    }
    if !(is_word(&toks[at + 1]) && is_title_word(norm(doc, &toks[at + 1])))
        || toks[at + 1].clitics.has(isnad_text::Prefix::Wa)
    {
        return None;
    }
    let mut words = 0;
    let mut k = at + 1;
    while k < sent.end {
        let t = &toks[k];
        if is_word(t) {
            words += 1;
            if words > 8 {
                return None;
            }
        } else if !(t.kind == TokenKind::Punct
            && norm(doc, t).chars().all(isnad_text::chars::is_quote_mark))
        {
            break;
        }
        k += 1;
    }
    // It must close: a comma or the end of the sentence.
    let closes = k >= sent.end
        || matches!(norm(doc, &toks[k]), "،" | "," | "." | "؛")
        || is_strong_punct(doc, &toks[k]);
    closes.then_some(k)
}

/// Title words ("وزير", "الأمين", "المتحدث") in matching form, without the article.
fn title_words() -> &'static std::collections::HashSet<String> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        isnad_ner::triggers::PERSON_TITLES
            .iter()
            .filter_map(|t| t.split(' ').next())
            .map(|w| {
                let w = isnad_text::normalize_for_matching(w);
                w.strip_prefix("ال").map_or(w.clone(), str::to_owned)
            })
            // Words that are also common nouns of groups and places (فريق "team", لواء
            // "brigade") or names (أمين).
            .filter(|w| !matches!(w.as_str(), "فريق" | "لواء" | "رايد" | "امين" | "عضو"))
            .collect()
    })
}

fn is_title_word(w: &str) -> bool {
    let v = word_variants(w);
    // أمين is also a name; with the article it is the title (الأمين العام).
    v.iter().any(|x| title_words().contains(*x)) || (v[3] == "امين" && v[2] != v[3])
}

/// The start of a person's title before the name at token `first`: the nearest title word
/// at most five words back, reached over the words of the title (genitives, adjectives,
/// names of the body, the prepositions titles take: "الأمين العام للأمم المتحدة",
/// "المتحدث باسم حركة "حماس""), with titles stacked before it ("نائب رئيس الوزراء").
fn title_head(doc: &Doc, sent: &Sentence, first: usize) -> usize {
    let toks = doc.tokens();
    let mut words = 0;
    let mut k = first;
    let mut head = first;
    while k > sent.first && words < 5 {
        k -= 1;
        let t = &toks[k];
        let w = norm(doc, t);
        if !is_word(t) {
            if t.kind == TokenKind::Punct && w.chars().all(isnad_text::chars::is_quote_mark) {
                continue;
            }
            break;
        }
        words += 1;
        if is_title_word(w) {
            head = k;
            // Titles stacked before it belong to it too.
            while head > sent.first
                && is_word(&toks[head - 1])
                && is_title_word(norm(doc, &toks[head - 1]))
            {
                head -= 1;
            }
            break;
        }
        let bare = strip_conjunction(w);
        let title_preposition = matches!(bare, "لدي" | "في" | "الي" | "باسم" | "عن" | "علي");
        if opens_clause(doc, t)
            || matches!(bare, "ان" | "انه" | "انها" | "الذي" | "التي")
            || (intro_word(w).is_some() && !title_preposition)
        {
            break;
        }
    }
    head
}

fn strip_conjunction_prefix(s: &str) -> &str {
    s.strip_prefix('و')
        .or_else(|| s.strip_prefix('ف'))
        .unwrap_or(s)
}

/// Event types whose participants act together (CONSULT/meet, AGREE, COOPERATE): the one
/// joined with مع is a co-actor, not a target.
fn symmetric(kind: &str, mode: Option<&str>) -> bool {
    match kind {
        "CONSULT" => mode != Some("visit"),
        "AGREE" | "COOPERATE" => true,
        _ => false,
    }
}

/// Event types whose noun's genitive is the one acted upon (اعتقال الصحفي، تحرير المدينة),
/// not the one who acts.
fn genitive_is_patient(kind: &str, mode: Option<&str>) -> bool {
    matches!(
        (kind, mode),
        ("COERCE", _) | ("RETREAT", Some("release")) | ("SANCTION", _)
    )
}

/// How many sentences on a speaker stays the subject of speech acts that name none.
const SPEAKER_REACH: usize = 2;

/// What the argument search knows beyond the sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Discourse {
    /// The place name of the article's dateline: where the report was filed (in the
    /// development sets it never was where an event took place), so it is neither a place
    /// nor a participant of the events.
    dateline_mention: Option<Span>,
    /// The last one named as speaking (قال برهوم ...): the subject of a later speech act
    /// that names none (وطالب السلطة بإنهاء ...).
    last_speaker: Option<(u32, usize)>,
    /// The speaker this sentence names, and the token where its mention ends.
    sentence_speaker: Option<(u32, usize)>,
}

/// Verbs that report speech: the mention after one is a speaker.
fn is_reporting_verb(w: &str) -> bool {
    const STEMS: [&str; 14] = [
        "قال",
        "اضاف",
        "اكد",
        "اوضح",
        "تابع",
        "اشار",
        "اعتبر",
        "راي",
        "ذكر",
        "اعلن",
        "شدد",
        "صرح",
        "لفت",
        "نوه",
    ];
    let w = strip_conjunction(w);
    STEMS.iter().any(|s| {
        w.strip_prefix(s)
            .is_some_and(|rest| matches!(rest, "" | "ت" | "وا" | "ا"))
    })
}

/// The speaker a sentence names, for the sentences after it.
fn speaker_of(doc: &Doc, sent: &Sentence, mentions: &[MentionAt]) -> Option<(u32, usize)> {
    let toks = doc.tokens();
    (sent.first..sent.end)
        .filter(|&k| toks[k].kind == TokenKind::Arabic && is_reporting_verb(norm(doc, &toks[k])))
        .find_map(|k| {
            mentions.iter().find(|m| {
                m.head > k
                    && !m.in_title
                    && m.intro == Intro::Bare
                    && matches!(m.kind, EntityType::Per | EntityType::Org)
                    && (k + 1..m.head).filter(|&x| is_word(&toks[x])).count() <= 3
                    // After "وأضاف:" or a quotation mark come the words, not the speaker.
                    && !(k + 1..m.head).any(|x| toks[x].kind == TokenKind::Punct)
            })
        })
        .map(|m| (m.entity, m.last))
}

/// True when a word of the original ends in ة (a feminine noun).
fn ends_feminine(doc: &Doc, t: &Token) -> bool {
    doc.slice(t.span).ends_with('ة')
}

fn arguments(
    doc: &Doc,
    sent: &Sentence,
    mentions: &[MentionAt],
    c: &mut Candidate,
    neighbours: (usize, usize),
    (discourse, accompanied): (&Discourse, &LastVerb),
    words: &ActorWords,
) {
    let lex = isnad_resources::event_lexicon();
    let entry = &lex.entries[c.entry as usize];
    let toks = doc.tokens();
    // The scope: from the previous clause opener, strong punctuation or event to the next.
    let governed = c.governing_verb();
    let mut lo = governed.unwrap_or(c.first);
    while lo > sent.first.max(neighbours.0) {
        let t = &toks[lo - 1];
        if is_strong_punct(doc, t) || opens_clause(doc, &toks[lo]) && lo < c.first {
            break;
        }
        if opens_clause(doc, t) {
            lo -= 1;
            break;
        }
        lo -= 1;
    }
    let mut hi = c.end;
    while hi < sent.end.min(neighbours.1)
        && !is_strong_punct(doc, &toks[hi])
        && !opens_clause(doc, &toks[hi])
    {
        hi += 1;
    }
    let in_scope: Vec<MentionAt> = mentions
        .iter()
        .copied()
        .filter(|m| !m.in_title)
        .filter(|m| m.head >= lo && m.last < hi && (m.last < c.first || m.head >= c.end))
        .collect();
    let is_actor_kind =
        |m: &MentionAt| matches!(m.kind, EntityType::Per | EntityType::Org | EntityType::Loc);
    // A place that is no country: the entity stage gives a place a country only when its
    // name is one.
    let is_town = |m: &MentionAt| {
        m.kind == EntityType::Loc && doc.entities[m.entity as usize].country.is_none()
    };
    let mut named_place: Option<usize> = None;
    let group = |start: usize| -> Vec<usize> {
        // The mention at `start` and those coordinated with it.
        let mut g = vec![start];
        let mut k = start + 1;
        while k < in_scope.len() && in_scope[k].coordinated {
            g.push(k);
            k += 1;
        }
        g
    };
    // The mentions of the coordinated group that ends with the mention at `last`.
    let group_ending = |last: usize| -> Vec<usize> {
        let mut first = last;
        while first > 0 && in_scope[first].coordinated {
            first -= 1;
        }
        (first..=last).collect()
    };
    let after: Vec<usize> = (0..in_scope.len())
        .filter(|&k| in_scope[k].head >= c.end)
        .collect();
    let before: Vec<usize> = (0..in_scope.len())
        .filter(|&k| in_scope[k].last < c.first)
        .collect();
    let words_between = |a: usize, b: usize| (a..b).filter(|&x| is_word(&toks[x])).count();
    let speech_act = is_speech_act(entry.kind);
    // A definite or demonstrative event noun refers to an event told elsewhere: it has the
    // participants its own phrase names (التفجير الذي نفذه ...), not those of the clause it
    // stands in (دان المتحدث الإنفجار).
    let referring = !c.verb && (c.definite || c.demonstrative) && governed.is_none();
    let mut actors: Vec<usize> = Vec::new();
    // Actors from outside the scope (the sentence's subject, the last speaker).
    let mut extra_actors: Vec<u32> = Vec::new();
    let mut targets: Vec<usize> = Vec::new();
    let mut extra_targets: Vec<u32> = Vec::new();
    if entry.state {
        // "وأشاد الوزير بالاتفاق، داعيا إلى ...", "وقال المتحدث إن ... مطالبا بـ": the one
        // who speaks or acts in the verb before the participle; the noun phrase after it
        // is its object (the target search below), never its subject.
        extra_actors.extend(state_actor(doc, sent, c, discourse, &accompanied.actors));
        // "متهما إياها بـ": the pronoun object is the one the verb before acted on.
        let object_pronoun = words_after(doc, sent, c.end)
            .next()
            .is_some_and(|k| norm(doc, &toks[k]).starts_with("ايا"));
        if object_pronoun {
            extra_targets.extend(&accompanied.targets);
        }
    }
    if let Some(v) = governed {
        // The subject of the light (or control) verb: the noun phrase right after it, before the noun.
        if let Some(k) = (0..in_scope.len()).find(|&k| {
            let m = &in_scope[k];
            m.head > v && m.last < c.first && words_between(v + 1, m.head) <= 2
        }) {
            if in_scope[k].intro == Intro::Bare && is_actor_kind(&in_scope[k]) {
                actors = group(k);
            }
        }
    }
    // An event noun taken up by a verb with a pronoun that refers back to it: the verb's
    // subject is the noun's agent (هجوم نفذته المنظمة، ضربات جوية شنتها مقاتلات التحالف،
    // اجتماع عقده رئيس المجلس).
    if actors.is_empty() && !c.verb {
        if let Some(v) = resumptive_verb(doc, lex, sent, c.end, hi) {
            if let Some(k) = (0..in_scope.len()).find(|&k| {
                let m = &in_scope[k];
                m.head > v && words_between(v + 1, m.head) <= 2
            }) {
                if matches!(in_scope[k].intro, Intro::Bare | Intro::Agent)
                    && is_actor_kind(&in_scope[k])
                {
                    actors = group(k);
                }
            }
        }
    }
    // The verb stands in a relative clause (حماس التي قمعت ... الحركات): its subject is
    // the antecedent, and the noun phrase after it is its object.
    let relative_at = words_before(doc, sent, c.first).next().filter(|&k| {
        matches!(
            strip_conjunction(norm(doc, &toks[k])),
            "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"
        )
    });
    if let (true, Some(rel), true) = (c.verb, relative_at, actors.is_empty()) {
        if let Some(&k) = before.last() {
            let m = &in_scope[k];
            if words_between(m.last + 1, rel) <= 1 && is_actor_kind(m) && m.intro == Intro::Bare {
                actors = vec![k];
            }
        }
    }
    // Two sides: "اشتباكات بين X و Y".
    let between_at =
        (c.end..hi.min(c.end + 4)).find(|&x| strip_conjunction(norm(doc, &toks[x])) == "بين");
    if actors.is_empty() {
        if let Some(b) = between_at {
            for &k in &after {
                let m = &in_scope[k];
                if m.first > b
                    && m.kind != EntityType::Loc
                    && (matches!(m.intro, Intro::Between | Intro::Bare | Intro::Other)
                        || m.coordinated)
                {
                    actors.push(k);
                }
            }
        }
    }
    if c.first_person && actors.is_empty() {
        // هزمنا داعش، ننسق مع ...: the speaker acts; a name after the verb is its object.
        let here = discourse
            .sentence_speaker
            .filter(|&(_, at)| at < c.first)
            .map(|(e, _)| e);
        let before = discourse
            .last_speaker
            .filter(|&(_, at)| sent.index <= at + SPEAKER_REACH)
            .map(|(e, _)| e);
        if let Some(sp) = here.or(before) {
            extra_actors.push(sp);
        }
    }
    if actors.is_empty()
        && relative_at.is_none()
        && (c.verb || c.suffix)
        && !c.first_person
        && !entry.state
    {
        // A complement clause whose subject is a pronoun on أنّ (أعلن الجيش الروسي إنه ...
        // هزم، قالت المعارضة إنها كثفت قصفها): the pronoun is the reporting clause's
        // subject, and a noun phrase after the verb is its object.
        if let Some(e) = pronoun_subject(doc, sent, mentions, c.first, c.conjunction) {
            extra_actors.push(e);
        }
    }
    // A subject put before its verb after كان or إنّ/أنّ ("وكان عمر البشير زار جوبا",
    // "قالت مصادر إن الحوثيين وقوات صالح استهدفوا"): the clause is subject-first, and
    // the noun phrase after the verb is its object.
    if c.verb && actors.is_empty() && relative_at.is_none() && !c.first_person && !entry.state {
        if let Some(&k) = before.last() {
            let m = &in_scope[k];
            let adjacent = (m.last + 1..c.first)
                .filter(|&x| is_word(&toks[x]))
                .all(|x| matches!(strip_conjunction(norm(doc, &toks[x])), "قد" | "لقد"))
                && !(m.last + 1..c.first).any(|x| is_clause_punct(doc, &toks[x]));
            let subject = group_ending(k);
            let opened = words_before(doc, sent, in_scope[subject[0]].head)
                .next()
                .is_some_and(|x| {
                    matches!(
                        strip_conjunction(norm(doc, &toks[x])),
                        "كان" | "كانت" | "ان" | "بان" | "لان"
                    )
                });
            if adjacent && opened && m.intro == Intro::Bare && is_actor_kind(m) {
                actors = subject;
            }
        }
    }
    if actors.is_empty() && extra_actors.is_empty() && relative_at.is_none() && !c.first_person {
        // The first noun phrase after the trigger, if nothing introduces it.
        // A verb's subject may follow an adverb (اجتمع يوم الاثنين، السراج); a noun's
        // genitive follows it, at most after an adjective (ضربات جوية روسية). A person's
        // title before the name is part of it (دان الأمين العام ... غوتيريش).
        let reach = if c.verb { 3 } else { 1 };
        // A participle of state has no subject after it: what follows is its object.
        let first_after = after
            .iter()
            .copied()
            .take_while(|_| !entry.state)
            .find(|&k| words_between(c.end, in_scope[k].head) <= 6)
            .filter(|&k| {
                words_between(c.end, in_scope[k].head) <= reach || in_scope[k].intro == Intro::Agent
            });
        let genitive_patient = !c.verb && genitive_is_patient(entry.kind, entry.mode);
        // A verb without ت agrees with a masculine subject: a feminine noun right after it
        // is its object (وطالب السلطة بإنهاء).
        let disagrees = |m: &MentionAt| {
            c.verb
                && c.bare_past
                && words_between(c.end, m.head) == 0
                && ends_feminine(doc, &toks[m.head])
        };
        match first_after {
            // A town in construct with an event noun names where it happened, as a named
            // event does ("مؤتمر جنيف", "معركة الرقة", "هجمات باريس"); a country there may
            // be the actor (هجمات إسرائيل).
            Some(k) if !c.verb && in_scope[k].intro == Intro::Bare && is_town(&in_scope[k]) => {
                named_place = Some(k);
            }
            Some(k)
                if in_scope[k].intro == Intro::Bare
                    && !in_scope[k].coordinated
                    && is_actor_kind(&in_scope[k])
                    && !disagrees(&in_scope[k])
                    && !(genitive_patient && words_between(c.end, in_scope[k].head) == 0) =>
            {
                actors = group(k);
            }
            Some(k) if in_scope[k].intro == Intro::Agent => actors = group(k),
            Some(k)
                if !c.verb
                    && in_scope[k].intro == Intro::Target
                    && words_between(c.end, in_scope[k].head) == 0
                    && entry.kind == "ASSAULT" =>
            {
                // غارات للتحالف: the lam of the agent.
                actors = group(k);
            }
            _ => {}
        }
        if actors.is_empty() && !referring {
            // The nearest noun phrase before the trigger, in the same clause.
            if let Some(&k) = before.last() {
                let m = &in_scope[k];
                let clause_between = (m.last + 1..c.first).any(|x| is_clause_punct(doc, &toks[x]));
                if m.intro == Intro::Bare
                    && is_actor_kind(m)
                    && !clause_between
                    && words_between(m.last + 1, c.first) <= 4
                {
                    // Take the whole coordinated group this mention ends.
                    actors = group_ending(k);
                }
            }
        }
    }
    if actors.is_empty() && extra_actors.is_empty() && !referring && !c.first_person {
        // The subject of the sentence's opening verb (وحقق الجيش الليبي ... أبرزها تحرير،
        // فيما يتأهب لتحرير), unless a complement clause (قال ... إن) starts in between.
        let opening = mentions.first().filter(|m| {
            m.intro == Intro::Bare
                && is_actor_kind(m)
                && m.last < c.first
                && !m.in_title
                // After the opening verb: one or two words, no dateline or heading.
                && (1..=2).contains(&(sent.first..m.head).filter(|&x| is_word(&toks[x])).count())
                && (sent.first..m.head).all(|x| is_word(&toks[x]))
                && !(m.last + 1..c.first).any(|x| {
                    matches!(
                        strip_conjunction(norm(doc, &toks[x])),
                        "ان" | "انه" | "انها" | "انهم"
                    )
                })
        });
        if let Some(m) = opening {
            let mut ids = vec![m.entity];
            for n in mentions.iter().skip(1).take_while(|n| n.coordinated) {
                ids.push(n.entity);
            }
            for e in ids {
                if let Some(k) = in_scope.iter().position(|x| x.entity == e) {
                    actors.push(k);
                } else {
                    extra_actors.push(e);
                }
            }
        }
    }
    if actors.is_empty() && extra_actors.is_empty() && speech_act && c.verb {
        // A speech act with no subject of its own continues the last speaker's words.
        // Only a speaker of the last two sentences: further back, the words are another's.
        if let Some((sp, _)) = discourse
            .last_speaker
            .filter(|&(_, at)| sent.index <= at + SPEAKER_REACH)
        {
            extra_actors.push(sp);
        }
    }
    if actors.is_empty() && extra_actors.is_empty() && !c.verb {
        // "القصف الروسي", "غارات جوية روسية", "اتفاق أمريكي روسي أردني": the nationality
        // adjectives of an event noun name the states that act, when the article names
        // them too.
        extra_actors = demonym_actors(doc, sent, c.end, words);
        if !symmetric(entry.kind, entry.mode) {
            extra_actors.truncate(1);
        }
    }
    // Targets: after the actors (or the trigger), introduced by a target preposition, or a
    // bare object right after a verb (and its subject).
    let after_actors = actors
        .iter()
        .map(|&k| in_scope[k].last + 1)
        .max()
        .filter(|&e| e > c.first)
        .unwrap_or(c.end);
    // A place is a party to a relation between states (قطع علاقاته مع دمشق), the scene of a
    // material act.
    let relational = !matches!(
        entry.kind,
        "ASSAULT" | "COERCE" | "MOBILIZE" | "RETREAT" | "PROTEST"
    );
    if between_at.is_none() {
        for &k in &after {
            let m = &in_scope[k];
            if actors.contains(&k) || m.head < after_actors {
                continue;
            }
            if words_between(after_actors, m.head) > 8 {
                break;
            }
            let as_target = match m.intro {
                Intro::Target => {
                    m.kind != EntityType::Loc || relational || is_country(doc, m.entity)
                }
                Intro::Bare => {
                    (c.verb || genitive_is_patient(entry.kind, entry.mode))
                        && (m.kind != EntityType::Loc || relational || is_country(doc, m.entity))
                }
                _ => false,
            };
            if as_target {
                targets = group(k);
                break;
            }
            if m.intro != Intro::Place {
                break;
            }
        }
    }
    // Meetings, agreements and cooperation are joint acts: those met, agreed or worked
    // "with" (مع) are participants as much as the subject (اجتماع مع المجموعة
    // الاقتصادية، ننسق مع السلطات التونسية). A visit's host stays its target.
    if symmetric(entry.kind, entry.mode) {
        let (with, rest): (Vec<usize>, Vec<usize>) =
            targets.iter().partition(|&&k| in_scope[k].with);
        if !with.is_empty() {
            for k in with {
                if !actors.contains(&k) {
                    actors.push(k);
                }
            }
            targets = rest;
        }
    }
    if targets.is_empty() && matches!(entry.kind, "ASSAULT" | "COERCE") {
        // حقق الجيش انتصارات في مواجهة مليشيا حفتر، أبرزها تحرير ...: the adversary named
        // earlier in the sentence is the one the act is against.
        if let Some(m) = mentions
            .iter()
            .rev()
            .find(|m| m.adversary && m.last < c.first && !matches!(m.kind, EntityType::Loc))
        {
            let is_actor = actors.iter().any(|&k| in_scope[k].entity == m.entity)
                || extra_actors.contains(&m.entity);
            if !is_actor {
                extra_targets.push(m.entity);
            }
        }
    }
    let ids = |v: &[usize]| -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &k in v {
            let e = in_scope[k].entity;
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    };
    // Places, first those named as such above: a visit's destination, which is where it
    // happens, not whom it is with (زار موسكو، زيارة لليمن), and a town named with the
    // event noun.
    let mut places: Vec<usize> = Vec::new();
    if entry.mode == Some("visit") {
        targets.retain(|&k| {
            let place = in_scope[k].kind == EntityType::Loc;
            if place {
                places.push(k);
            }
            !place
        });
    }
    places.extend(named_place);
    // Then the LOC mentions of the scope introduced as places, that are not actors or
    // targets; a speech act is placed only by a place its clause names.
    let used: Vec<usize> = actors.iter().chain(&targets).copied().collect();
    for (k, m) in in_scope.iter().enumerate() {
        if used.contains(&k) || m.kind != EntityType::Loc || m.in_parens || verbal(entry.kind) {
            continue;
        }
        let placed = matches!(m.intro, Intro::Place | Intro::Between)
            || (m.intro == Intro::Target && !relational)
            || (m.coordinated && k > 0 && in_scope[k - 1].kind == EntityType::Loc);
        if placed {
            places.push(k);
        }
    }
    let locations = ids(&places);
    c.actors = ids(&actors);
    for e in extra_actors {
        if !c.actors.contains(&e) {
            c.actors.push(e);
        }
    }
    c.targets = ids(&targets)
        .into_iter()
        .chain(extra_targets)
        .filter(|e| !c.actors.contains(e))
        .collect();
    c.locations = locations
        .into_iter()
        .filter(|e| !c.actors.contains(e) && !c.targets.contains(e))
        .collect();
    c.date = event_date(doc, sent, lo, hi, c);
}

/// The participants of the last finite verb of a sentence, for a participle of state after it.
#[derive(Clone, Debug, Default)]
struct LastVerb {
    actors: Vec<u32>,
    targets: Vec<u32>,
}

/// The actor of a participle of state at `c`: the speaker of a quote whose reporting verb
/// stands earlier in the sentence, else the speaker the sentence names before it, else the
/// actors of the last finite verb before it.
fn state_actor(
    doc: &Doc,
    sent: &Sentence,
    c: &Candidate,
    discourse: &Discourse,
    accompanied: &[u32],
) -> Vec<u32> {
    let span = doc.sentences()[sent.index].span;
    let quoted = doc
        .quotes
        .iter()
        .filter_map(|q| Some((q.verb?, q.speaker?)))
        .filter(|(v, _)| v.start >= span.start && v.end <= c.trigger.start)
        .max_by_key(|(v, _)| v.start)
        .map(|(_, speaker)| speaker);
    let named = || {
        discourse
            .sentence_speaker
            .filter(|&(_, at)| at < c.first)
            .map(|(e, _)| e)
    };
    match quoted.or_else(named) {
        Some(e) => vec![e],
        None => accompanied.to_vec(),
    }
}

/// Adjectives of the means of an act, which may stand between an event noun and its
/// nationality adjective ("غارات جوية روسية", "قصف مدفعي تركي").
fn is_means_adjective(w: &str) -> bool {
    let w = w.strip_prefix("ال").unwrap_or(w);
    let w = w
        .strip_suffix('ه')
        .or_else(|| w.strip_suffix('ا'))
        .unwrap_or(w);
    matches!(w, "جوي" | "مدفعي" | "صاروخي" | "عسكري" | "بري" | "بحري")
}

/// The countries of the article that the nationality adjectives right after an event noun
/// name (an adjective of its means may come first: "غارات جوية روسية"), in order.
fn demonym_actors(doc: &Doc, sent: &Sentence, end: usize, words: &ActorWords) -> Vec<u32> {
    let toks = doc.tokens();
    let mut out: Vec<u32> = Vec::new();
    let reach = sent.end.min(end + 6);
    for (k, t) in toks.iter().enumerate().take(reach).skip(end) {
        if t.kind == TokenKind::Punct && norm(doc, t) == "-" {
            continue;
        }
        if !is_word(t) {
            break;
        }
        let w = norm(doc, t);
        let Some(code) = words.demonym(strip_conjunction(w)) else {
            if k == end && is_means_adjective(w) {
                continue;
            }
            break;
        };
        let country = doc.entities.iter().position(|e| {
            e.is_country() && e.geo.as_ref().and_then(|g| g.country.as_deref()) == Some(code)
        });
        match country {
            Some(e) if !out.contains(&(e as u32)) => out.push(e as u32),
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// The subject of a reporting clause whose complement starts with أنّ and a pronoun
/// (انها، انهم، انهما; انه only before a verb joined by و to an earlier one, since انه is
/// also the impersonal pronoun of "إنه خلال الاجتماع اتفق المعلم وبن علوي") at most six
/// words before the trigger at `first`, in the same clause: the last person, organisation
/// or place before أنّ, within eight words of it.
fn pronoun_subject(
    doc: &Doc,
    sent: &Sentence,
    mentions: &[MentionAt],
    first: usize,
    coordinated_verb: bool,
) -> Option<u32> {
    let toks = doc.tokens();
    let mut words = 0;
    let mut k = first;
    let comp = loop {
        if k <= sent.first || words > 6 {
            return None;
        }
        k -= 1;
        let t = &toks[k];
        if is_clause_punct(doc, t) || is_strong_punct(doc, t) {
            return None;
        }
        if !is_word(t) {
            continue;
        }
        words += 1;
        match strip_conjunction(norm(doc, t)) {
            "انها" | "انهم" | "انهما" => break k,
            "انه" if coordinated_verb && words > 1 => break k,
            "ان" | "انه" => return None,
            _ => {}
        }
    };
    // A name between أنّ and the trigger is the subject itself (إنه قتل فلان).
    if mentions.iter().any(|m| m.head > comp && m.last < first) {
        return None;
    }
    mentions
        .iter()
        .rev()
        .filter(|m| m.last < comp && !m.in_title)
        .find(|m| (m.last + 1..comp).filter(|&x| is_word(&toks[x])).count() <= 8)
        .filter(|m| {
            m.intro == Intro::Bare
                && matches!(m.kind, EntityType::Per | EntityType::Org | EntityType::Loc)
        })
        .map(|m| m.entity)
}

/// A verb after an event noun that takes it up with a pronoun: at most two words after
/// the noun (adjectives), or after a relative pronoun, a past verb of the lexicon with an
/// attached pronoun (نفذته، شنتها، عقده، أطلقته). Returns its token.
fn resumptive_verb(
    doc: &Doc,
    lex: &EventLexicon,
    sent: &Sentence,
    end: usize,
    hi: usize,
) -> Option<usize> {
    let toks = doc.tokens();
    for k in words_after(doc, sent, end).take(3) {
        if k >= hi {
            return None;
        }
        let w = strip_conjunction(norm(doc, &toks[k]));
        if matches!(w, "الذي" | "التي" | "الذين" | "اللذين" | "اللتين") {
            continue;
        }
        let stem = ["ها", "هم", "هما", "ه"]
            .iter()
            .find_map(|p| w.strip_suffix(p))
            .filter(|r| r.chars().count() >= 2);
        if let Some(stem) = stem {
            let stem = stem.strip_suffix('ت').unwrap_or(stem);
            let is_verb = lex.lookup(stem).iter().any(|h| {
                matches!(h.kind, FormKind::PastBase | FormKind::Past)
                    && lex.entries[h.entry as usize].pos == TriggerPos::Verb
            });
            if is_verb {
                return Some(k);
            }
        }
        // An adjective or a genitive may stand between; a preposition or a name ends it.
        if intro_word(w).is_some() || doc.mentions.iter().any(|m| toks[k].span.contains(m.span)) {
            return None;
        }
    }
    None
}

fn is_country(doc: &Doc, entity: u32) -> bool {
    doc.entities[entity as usize].is_country()
}

/// The date of an event: the nearest dated temporal expression in its scope.
fn event_date(doc: &Doc, sent: &Sentence, lo: usize, hi: usize, c: &Candidate) -> Option<String> {
    let toks = doc.tokens();
    let s = doc.sentences()[sent.index].span;
    let (a, b) = (toks[lo].span.start, toks[hi.max(lo + 1) - 1].span.end);
    let t0 = c.trigger.start;
    doc.timex
        .iter()
        .filter(|t| t.span.start >= s.start && t.span.end <= s.end)
        .filter(|t| t.span.start >= a && t.span.end <= b)
        .filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time))
        .filter_map(|t| {
            // A time of day dates the event by its day (2020-06-22T10:00 → 2020-06-22).
            let v = match t.value.split_once('T') {
                Some((day, _)) => day,
                None => t.value.as_str(),
            };
            is_calendar_value(v).then(|| (t, v.to_owned()))
        })
        .min_by_key(|(t, _)| (t.span.start as i64 - t0 as i64).abs())
        .map(|(_, v)| v)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_calendar_value(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The mention of a dateline's place: a place named at the start of one of the first
/// paragraphs and followed by a dash or a parenthesis ("غزة- عبد الله التركماني", "سيدي
/// بوزيد(تونس)-").
fn dateline_mention(doc: &Doc) -> Option<Span> {
    let toks = doc.tokens();
    for p in doc.paragraphs().iter().take(3) {
        let first = p.first_token as usize;
        let end = (p.end_token as usize).min(first + 6);
        let Some(m) = doc
            .mentions
            .iter()
            .find(|m| p.span.start <= m.span.start && m.span.start < p.span.end)
        else {
            continue;
        };
        if m.span.start != toks[first].span.start
            || doc.entities[m.entity as usize].kind != EntityType::Loc
        {
            continue;
        }
        let after = doc.text_layers.token_at_or_after(m.span.end);
        let dash = after < end
            && toks[after].kind == TokenKind::Punct
            && matches!(norm(doc, &toks[after]), "-" | "–" | "—" | "(");
        if dash {
            return Some(m.span);
        }
    }
    None
}

/// Drops the mentions of an event already found (one event per type, participants, place
/// and day, annotated once): a definite, demonstrative or possessed event noun repeating an
/// earlier lemma (الاتفاق، هذه الزيارة، زيارته), a trigger repeating a lemma in the same
/// clause, unless the two are told of different places, participants or days; and a later
/// trigger of the same lemma with the same participants, place and day.
fn drop_repeats(doc: &Doc, events: Vec<Candidate>, lex: &EventLexicon) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let disjoint =
        |a: &[u32], b: &[u32]| !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x));
    let compatible = |a: &[u32], b: &[u32]| !disjoint(a, b);
    // Places told apart: none shared, and none inside a country named on the other side
    // (the protests "in Sudan" of a headline are those of Omdurman and Bahri in the text).
    let country = |e: u32| {
        doc.entities[e as usize]
            .geo
            .as_ref()
            .and_then(|g| g.country.as_deref())
    };
    let inside =
        |x: u32, y: u32| is_country(doc, y) && country(x).is_some_and(|c| country(y) == Some(c));
    let places_apart = |a: &[u32], b: &[u32]| {
        disjoint(a, b)
            && !a
                .iter()
                .any(|&x| b.iter().any(|&y| inside(x, y) || inside(y, x)))
    };
    for c in events {
        let kind = lex.entries[c.entry as usize].kind;
        let mode = lex.entries[c.entry as usize].mode;
        let same_event = out.iter().position(|p| {
            if lex.entries[p.entry as usize].kind != kind {
                return false;
            }
            let dates_ok = p.date.is_none() || c.date.is_none() || p.date == c.date;
            // A planned meeting is not the one that took place (الاجتماع المقبل).
            let statuses_ok = p.status == c.status || p.purpose_status || c.purpose_status;
            if !dates_ok || !statuses_ok {
                return false;
            }
            let shared_lemma = c.lemmas.iter().any(|l| p.lemmas.contains(l));
            let (pl, cl) = (p.locations.clone(), c.locations.clone());
            let anaphor =
                !c.verb && (c.definite || c.demonstrative || c.suffix) && c.light_from.is_none();
            // Air strikes and shelling are two acts, even told with no participant; a
            // definite noun (هذه التفجيرات) still refers back to the act it names.
            let (pm, cm) = (lex.entries[p.entry as usize].mode, mode);
            let distinct = places_apart(&pl, &cl)
                || disjoint(&p.actors, &c.actors)
                || disjoint(&p.targets, &c.targets)
                || (!anaphor && pm.is_some() && cm.is_some() && pm != cm);
            // Nothing tells the two apart: no participant or place on either.
            let bare = p.actors.is_empty()
                && c.actors.is_empty()
                && p.targets.is_empty()
                && c.targets.is_empty()
                && pl.is_empty()
                && cl.is_empty();
            // A later mention that names no participant or place adds nothing.
            let c_bare = c.actors.is_empty() && c.targets.is_empty() && cl.is_empty();
            let restated =
                anaphor || bare || c_bare || (p.sentence == c.sentence && p.clause == c.clause);
            if shared_lemma && restated && !distinct {
                return true;
            }
            let shares_actors = c
                .actors
                .iter()
                .chain(&c.targets)
                .any(|x| p.actors.contains(x) || p.targets.contains(x))
                && compatible(&p.actors, &c.actors);
            let shares_place =
                p.actors.is_empty() && c.actors.is_empty() && cl.iter().any(|x| pl.contains(x));
            shared_lemma
                && (shares_actors || shares_place)
                && compatible(&p.targets, &c.targets)
                && compatible(&pl, &cl)
                && statuses_ok
        });
        match same_event {
            None => out.push(c),
            Some(k) => {
                // A nominal mention in passing (غداة اجتماع عقده ...) gives way to a clause
                // that tells the event with its verb, place and day (واجتمع يوم الاثنين ...
                // في مدينة زوارة).
                let p = &out[k];
                let richness = |x: &Candidate| {
                    !x.actors.is_empty() as u8
                        + !x.locations.is_empty() as u8
                        + x.date.is_some() as u8
                };
                let (kept, told_again) =
                    if c.verb && !p.verb && !c.definite && richness(&c) > richness(p) {
                        let mut lemmas = out[k].lemmas.clone();
                        lemmas.extend(c.lemmas.iter().cloned());
                        let earlier = std::mem::replace(&mut out[k], Candidate { lemmas, ..c });
                        (&mut out[k], earlier)
                    } else {
                        (&mut out[k], c)
                    };
                // What one telling leaves out, another may say: the day and place of a
                // headline's event are in the lead, its participants in the next sentence.
                if kept.date.is_none() {
                    kept.date = told_again.date;
                }
                if kept.locations.is_empty() {
                    kept.locations = told_again.locations;
                }
                if kept.actors.is_empty() {
                    kept.actors = told_again
                        .actors
                        .into_iter()
                        .filter(|x| !kept.targets.contains(x))
                        .collect();
                }
                if kept.targets.is_empty() {
                    kept.targets = told_again
                        .targets
                        .into_iter()
                        .filter(|x| !kept.actors.contains(x))
                        .collect();
                }
            }
        }
    }
    out
}

/// Fills `country` and `sector` of the entities the events use, where the entity layer
/// left them empty, from the words of their names, titles and the words after their
/// mentions ("السفير الأمريكي", "الجيش التركي").
fn fill_actor_attributes(doc: &mut Doc, words: &ActorWords) {
    let mut used: Vec<u32> = Vec::new();
    for e in &doc.events {
        for &x in e.actors.iter().chain(&e.targets) {
            if !used.contains(&x) {
                used.push(x);
            }
        }
    }
    let mut updates: Vec<(u32, Option<String>, Option<Sector>)> = Vec::new();
    for &x in &used {
        let ent = &doc.entities[x as usize];
        let mut texts: Vec<String> = vec![isnad_text::normalize_for_matching(doc.slice(ent.name))];
        for &r in &ent.roles {
            texts.push(isnad_text::normalize_for_matching(doc.slice(r)));
        }
        // Each mention with the two words that follow it (demonym adjectives).
        for &mi in &ent.mentions {
            let m = doc.mentions[mi as usize];
            let k = doc.text_layers.token_at_or_after(m.span.end);
            let tail: Vec<&str> = (k..doc.tokens().len())
                .take(2)
                .filter(|&j| doc.tokens()[j].kind == TokenKind::Arabic)
                .map(|j| norm(doc, &doc.tokens()[j]))
                .collect();
            let mut t = isnad_text::normalize_for_matching(doc.slice(m.span));
            for w in tail {
                t.push(' ');
                t.push_str(w);
            }
            texts.push(t);
        }
        let country = if ent.country.is_some() {
            None
        } else {
            ent.geo
                .as_ref()
                .and_then(|g| g.country.clone())
                .or_else(|| country_of(&texts, words).map(str::to_owned))
        };
        let sector = if ent.sector.is_some() || ent.kind == EntityType::Loc {
            None
        } else {
            sector_of(&texts, words)
        };
        if country.is_some() || sector.is_some() {
            updates.push((x, country, sector));
        }
    }
    for (x, country, sector) in updates {
        let ent = &mut doc.entities[x as usize];
        if country.is_some() {
            ent.country = country;
        }
        if sector.is_some() {
            ent.sector = sector;
        }
    }
}

fn country_of(texts: &[String], words: &ActorWords) -> Option<&'static str> {
    for t in texts {
        for w in t.split(' ') {
            if let Some(c) = words.demonym(w) {
                return Some(c);
            }
        }
    }
    texts
        .iter()
        .find_map(|t| words.country_in(t))
        .map(|i| words.countries[i].1)
}

fn sector_of(texts: &[String], words: &ActorWords) -> Option<Sector> {
    let mut best: Option<(usize, &'static str)> = None;
    for t in texts {
        // The longest word a text holds; a later text's only if longer still.
        if let Some(i) = words.sector_in(t) {
            let (w, s) = &words.sectors[i];
            if best.is_none_or(|(n, _)| w.len() > n) {
                best = Some((w.len(), s));
            }
        }
    }
    best.and_then(|(_, s)| sector_from_name(s))
}

fn sector_from_name(s: &str) -> Option<Sector> {
    Some(match s {
        "government" => Sector::Government,
        "military" => Sector::Military,
        "rebel" => Sector::Rebel,
        "diplomat" => Sector::Diplomat,
        "igo" => Sector::InternationalOrganisation,
        "media" => Sector::Media,
        "business" => Sector::Business,
        "religious" => Sector::Religious,
        "civilian" => Sector::Civilian,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_doc::{DocMeta, Entity, Mention, MentionKind, Timex};

    /// A document whose entity and timex layers are given: every occurrence of each name
    /// (as a whole word, after its clitics) is a mention.
    fn doc_with(text: &str, entities: &[(&str, EntityType)], timex: &[(&str, &str)]) -> Doc {
        let mut doc = Doc::new(
            DocMeta::default(),
            text.to_owned(),
            isnad_resources::word_counts(),
        )
        .unwrap();
        let mut mentions: Vec<(Span, u32)> = Vec::new();
        for (i, (name, kind)) in entities.iter().enumerate() {
            let mut spans = Vec::new();
            for (at, _) in text.match_indices(name) {
                let end = at + name.len();
                let before_ok = text[..at]
                    .chars()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .all(|c| "وفبلكال\"«(".contains(c));
                let after_ok = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphabetic());
                if before_ok && after_ok {
                    spans.push(Span::new(at, end));
                }
            }
            assert!(!spans.is_empty(), "{name} is not in the text");
            doc.entities.push(Entity {
                kind: *kind,
                name: spans[0],
                mentions: Vec::new(),
                roles: Vec::new(),
                handles: Vec::new(),
                geo: None,
                country: None,
                sector: None,
            });
            mentions.extend(spans.into_iter().map(|s| (s, i as u32)));
        }
        mentions.sort_by_key(|(s, _)| s.start);
        for (k, (span, entity)) in mentions.into_iter().enumerate() {
            doc.mentions.push(Mention {
                span,
                entity,
                kind: MentionKind::Name,
            });
            doc.entities[entity as usize].mentions.push(k as u32);
        }
        for (t, value) in timex {
            let at = text.find(t).expect("timex in text");
            doc.timex.push(Timex {
                span: Span::new(at, at + t.len()),
                value: (*value).to_owned(),
                kind: TimexKind::Date,
            });
        }
        doc
    }

    /// A gazetteer place of `country` (ISO alpha-2) and `feature` ("country", "city"): the
    /// stage reads no more of it.
    fn geo(country: &str, feature: &str) -> isnad_doc::Geo {
        isnad_doc::Geo {
            lat: 0.0,
            lon: 0.0,
            geonames_id: 1,
            country: Some(country.to_owned()),
            feature: feature.to_owned(),
        }
    }

    /// The first event whose trigger starts with `trigger`; a failing test shows them all.
    fn event_told_by<'d>(doc: &'d Doc, trigger: &str) -> &'d Event {
        doc.events
            .iter()
            .find(|e| doc.slice(e.trigger).starts_with(trigger))
            .unwrap_or_else(|| panic!("{trigger}: {:?}", summary(doc)))
    }

    fn run(doc: &mut Doc) {
        extract(
            doc,
            isnad_resources::event_lexicon(),
            isnad_resources::actor_words(),
        );
    }

    fn names(doc: &Doc, ids: &[u32]) -> Vec<String> {
        ids.iter().map(|&e| doc.entity_name(e).to_owned()).collect()
    }

    /// (type, mode, status, trigger) of each event.
    fn summary(doc: &Doc) -> Vec<(&'static str, Option<&'static str>, &'static str, String)> {
        doc.events
            .iter()
            .map(|e| {
                (
                    e.kind,
                    e.mode,
                    e.status.as_str(),
                    doc.slice(e.trigger).to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_meeting_with_coordinated_actors_place_and_date() {
        let text = "واجتمع يوم الاثنين، السراج وتاونسند ونورلاند، في مدينة زوارة الساحلية (120 كم غرب العاصمة طرابلس)؛ للتنسيق المشترك في محاربة الإرهاب.";
        let mut doc = doc_with(
            text,
            &[
                ("السراج", EntityType::Per),
                ("تاونسند", EntityType::Per),
                ("نورلاند", EntityType::Per),
                ("زوارة", EntityType::Loc),
                ("طرابلس", EntityType::Loc),
            ],
            &[("يوم الاثنين", "2020-06-22")],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("CONSULT", Some("meet"), "happened", "اجتمع".to_owned())]
        );
        let e = &doc.events[0];
        assert_eq!(names(&doc, &e.actors), ["السراج", "تاونسند", "نورلاند"]);
        assert_eq!(e.location.map(|l| doc.entity_name(l)), Some("زوارة"));
        // Tripoli is in a parenthesis that describes Zuwara's position.
        assert!(e.locations.is_empty());
        assert_eq!(e.date.as_deref(), Some("2020-06-22"));
    }

    #[test]
    fn a_subject_before_its_verb_after_kana_or_inna_acts() {
        let text = "وكان عمر البشير زار جوبا في العام الماضي. وقالت مصادر إن الحوثيين وقوات صالح استهدفوا مدينة تعز.";
        let mut doc = doc_with(
            text,
            &[
                ("عمر البشير", EntityType::Per),
                ("جوبا", EntityType::Loc),
                ("الحوثيين", EntityType::Org),
                ("قوات صالح", EntityType::Org),
                ("تعز", EntityType::Loc),
            ],
            &[],
        );
        run(&mut doc);
        let visit = event_told_by(&doc, "زار");
        assert_eq!(
            names(&doc, &visit.actors),
            ["عمر البشير"],
            "{:?}",
            summary(&doc)
        );
        let strike = event_told_by(&doc, "استهدفوا");
        assert_eq!(names(&doc, &strike.actors), ["الحوثيين", "قوات صالح"]);
    }

    #[test]
    fn no_trigger_inside_a_time_expression_or_an_organisation_name() {
        let text = "وهاجم مستوطنون منزلا فجر الجمعة، وفجر انتحاري نفسه في السوق. وقالت هيئة تحرير الشام إن المعارك مستمرة.";
        let mut doc = doc_with(
            text,
            &[("هيئة تحرير الشام", EntityType::Org)],
            &[("فجر الجمعة", "2015-07-31")],
        );
        run(&mut doc);
        let triggers: Vec<String> = summary(&doc).into_iter().map(|e| e.3).collect();
        // "فجر الجمعة" is dawn; "وفجر انتحاري" blew himself up; the group's name is no
        // liberation.
        assert_eq!(triggers, ["هاجم", "فجر", "المعارك"], "{:?}", summary(&doc));
        assert!(doc.events[1].trigger.start > text.find("وفجر").unwrap() as u32);
    }

    #[test]
    fn a_person_who_attacks_right_after_the_verb_attacks_in_words() {
        let kinds = |text: &str, entities: &[(&str, EntityType)]| {
            let mut doc = doc_with(text, entities, &[]);
            run(&mut doc);
            summary(&doc).iter().map(|e| (e.0, e.1)).collect::<Vec<_>>()
        };
        let got = kinds(
            "هاجم خامنئي ساسة السعودية أمس.",
            &[("خامنئي", EntityType::Per), ("السعودية", EntityType::Loc)],
        );
        assert_eq!(got, [("ACCUSE", Some("disapprove"))]);
        let got = kinds("وهاجم مسلحون قرية قرب الحدود.", &[]);
        assert_eq!(got, [("ASSAULT", None)]);
    }

    #[test]
    fn investigations_emergencies_deportations_and_no_interjection() {
        let text = "وفتحت الشرطة تحقيقا في الحادث. وأعلنت الحكومة حالة الطوارئ في العاصمة. \
                    وتعهد الوزير بترحيل المهاجرين. تم إرسال تعليقك بنجاح، شكرا لتواصلك معنا.";
        let mut doc = doc_with(text, &[], &[]);
        run(&mut doc);
        let got: Vec<(&str, Option<&str>)> = summary(&doc).iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(
            got,
            [
                ("ACCUSE", Some("investigate")),
                ("COERCE", Some("restrict")),
                ("AGREE", None),
                ("COERCE", Some("deport")),
            ],
            "{:?}",
            summary(&doc)
        );
    }

    #[test]
    fn a_later_mention_in_a_city_of_the_country_named_first_is_the_same_event() {
        let text = "تظاهر آلاف في السودان أمس ضد الغلاء. وخرجت التظاهرات في أم درمان وبحري.";
        let mut doc = doc_with(
            text,
            &[
                ("السودان", EntityType::Loc),
                ("أم درمان", EntityType::Loc),
                ("بحري", EntityType::Loc),
            ],
            &[],
        );
        doc.entities[0].geo = Some(geo("SD", "country"));
        doc.entities[1].geo = Some(geo("SD", "city"));
        doc.entities[2].geo = Some(geo("SD", "city"));
        run(&mut doc);
        let triggers: Vec<String> = summary(&doc).into_iter().map(|e| e.3).collect();
        assert_eq!(triggers, ["تظاهر"], "{:?}", summary(&doc));
    }

    #[test]
    fn a_seizure_and_a_planned_one() {
        let text = "وحقق الجيش الليبي، في الفترة الأخيرة، سلسلة انتصارات في مواجهة مليشيا حفتر، أبرزها تحرير كامل الحدود الإدارية لطرابلس، ومدينتي ترهونة وبني وليد، فيما يتأهب لتحرير مدينتي سرت والجفرة.";
        let mut doc = doc_with(
            text,
            &[
                ("الجيش الليبي", EntityType::Org),
                ("حفتر", EntityType::Per),
                ("طرابلس", EntityType::Loc),
                ("ترهونة", EntityType::Loc),
                ("بني وليد", EntityType::Loc),
                ("سرت", EntityType::Loc),
                ("الجفرة", EntityType::Loc),
            ],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![
                ("COERCE", Some("seize"), "happened", "تحرير".to_owned()),
                ("COERCE", Some("seize"), "planned", "لتحرير".to_owned()),
            ]
        );
        let [done, planned] = &doc.events[..] else {
            unreachable!()
        };
        assert_eq!(names(&doc, &done.actors), ["الجيش الليبي"]);
        // "في مواجهة مليشيا حفتر": the adversary named before is the target.
        assert_eq!(names(&doc, &done.targets), ["حفتر"]);
        let places = |e: &Event| {
            names(
                &doc,
                &e.location
                    .iter()
                    .chain(&e.locations)
                    .copied()
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(places(done), ["طرابلس", "ترهونة", "بني وليد"]);
        assert_eq!(names(&doc, &planned.actors), ["الجيش الليبي"]);
        assert_eq!(places(planned), ["سرت", "الجفرة"]);
        // The army's country comes from its demonym, its sector from its head noun.
        let army = done.actors[0] as usize;
        assert_eq!(doc.entities[army].country.as_deref(), Some("LY"));
        assert_eq!(doc.entities[army].sector, Some(Sector::Military));
    }

    #[test]
    fn negated_relations_take_a_state_as_target() {
        let text = "ولم تقطع سلطنة عمان علاقاتها الدبلوماسية مع دمشق أسوة بشركائها.";
        let mut doc = doc_with(
            text,
            &[("سلطنة عمان", EntityType::Loc), ("دمشق", EntityType::Loc)],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("SANCTION", Some("discontinue"), "denied", "تقطع".to_owned())]
        );
        assert_eq!(names(&doc, &doc.events[0].actors), ["سلطنة عمان"]);
        assert_eq!(names(&doc, &doc.events[0].targets), ["دمشق"]);
    }

    #[test]
    fn statuses_from_cues_and_clitics() {
        let cases = [
            ("وسيعقد المجلس جلسة عامة يوم غد.", "planned"),
            ("وتتأهب القوات لاقتحام المدينة.", "planned"),
            ("وأكد الفصيلان عدم حضورهم لاجتماع القاهرة.", "denied"),
            (
                "وإذا انتزعت الجماعات السيطرة على المدينة فإن ذلك سيغير الوضع.",
                "hypothetical",
            ),
            ("وحذرت الحكومة من أنها ستقصف المواقع.", "planned"),
            ("وقصفت الطائرات المواقع أمس.", "happened"),
        ];
        for (text, want) in cases {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            let got: Vec<&str> = doc.events.iter().map(|e| e.status.as_str()).collect();
            assert_eq!(
                got.first().copied(),
                Some(want),
                "{text}: {:?}",
                summary(&doc)
            );
        }
    }

    #[test]
    fn air_strikes_and_shelling_are_two_acts() {
        // The adjective right after قصف tells its weapon, though an air strike stands near;
        // nouns of one type with different modes are not merged, in the clause or later.
        // The forces' advance is an act of its own.
        let mut doc = doc_with(
            "تقدمت القوات بدعم من غارات جوية مكثفة وقصف مدفعي عنيف على البلدة.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![
                ("MOBILIZE", Some("troops"), "happened", "تقدمت".to_owned()),
                ("ASSAULT", Some("aerial"), "happened", "غارات".to_owned()),
                (
                    "ASSAULT",
                    Some("heavy-weapons"),
                    "happened",
                    "قصف".to_owned()
                ),
            ]
        );
        // One mode: one event told twice.
        let mut doc = doc_with("شنت الطائرات غارات جوية وغارات أخرى على البلدة.", &[], &[]);
        run(&mut doc);
        assert_eq!(doc.events.len(), 1, "{:?}", summary(&doc));
    }

    #[test]
    fn a_participle_of_calling_makes_its_content_part_of_the_call() {
        let mut doc = doc_with(
            "وأكد الجيش الهجوم على المراكز، داعيا إلى \"محاصرة الحواجز\".",
            &[],
            &[],
        );
        run(&mut doc);
        let got = summary(&doc);
        assert!(got.iter().any(|e| e.3 == "داعيا"), "{got:?}");
        assert!(!got.iter().any(|e| e.0 == "COERCE"), "{got:?}");
    }

    #[test]
    fn a_common_future_verb_is_planned() {
        // سيزور and سيلتقي are frequent whole forms the segmenter does not split.
        for (text, trigger) in [
            ("وأعلن الوزير أنه سيزور المملكة خلال شهر سبتمبر.", "سيزور"),
            ("وقال إن الوزير سيلتقي الملك.", "سيلتقي"),
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            let got = summary(&doc);
            assert!(
                got.iter()
                    .any(|e| e.0 == "CONSULT" && e.2 == "planned" && e.3 == trigger),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_cognate_object_is_the_verb_s_own_act() {
        let mut doc = doc_with(
            "حيث رفض قسم من الحركة بقيادة عائلة الملا عمر رفضا قاطعا مبايعة الزعيم الجديد.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("REJECT", None, "happened", "رفض".to_owned())]
        );
    }

    #[test]
    fn formulas_that_look_like_events() {
        // Issued by, entering into force, publishing a report, asking not to be named,
        // the content of an appeal.
        for text in [
            "وتناقلت المواقع بيانا صادرا عن الفرقة.",
            "والذي سيطبق على كامل التراب ويدخل حيز التنفيذ فور صدور البلاغ العسكري الأول.",
            "كما نشر المرصد تقريرا جاء فيه أن قوات النظام تقدمت.",
            "وقال ناشط، طلب عدم ذكر اسمه، إن السكان من الضواحي غادروا.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            assert!(
                !doc.events
                    .iter()
                    .any(|e| matches!(e.kind, "COERCE" | "MOBILIZE" | "REQUEST")),
                "{text}: {:?}",
                summary(&doc)
            );
        }
        // تضامنا qualifies the protest before it.
        let mut doc = doc_with(
            "إن محتجين غاضبين أغلقوا الطريق السريع تضامنا مع سكان الحي.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("PROTEST", Some("riot"), "happened", "أغلقوا".to_owned())]
        );
        let mut doc = doc_with(
            "وناشدت الأمم المتحدة الحكومة السماح بإجلاء نحو 500 مريض.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("REQUEST", None, "happened", "ناشدت".to_owned())]
        );
    }

    #[test]
    fn taking_control_achieved_or_aimed_at_is_a_seizure_but_not_of_a_fire() {
        for (text, status) in [
            ("وتمكنت المقاومة من السيطرة على معسكر النصر.", "happened"),
            (
                "واستأنفت القوات عملياتها بهدف السيطرة على مدينة الباب.",
                "planned",
            ),
            ("وارتكب الطيران مجزرة في بلدة بزاعة.", "happened"),
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            let got = summary(&doc);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].2, status, "{text}: {got:?}");
        }
        for text in [
            "وأكد أن الفرق تمكنت من السيطرة على الحريق.",
            "وتبقى المدينة تحت السيطرة الكاملة للجيش.",
            "وأحيا السكان ذكرى المجزرة.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            assert!(doc.events.is_empty(), "{text}: {:?}", summary(&doc));
        }
    }

    #[test]
    fn a_quotation_mark_parts_two_events() {
        // The quoted words end before the reporter's own call: two REQUEST events, not one.
        let mut doc = doc_with("وقال إن \"المطالبات مستمرة\"، داعيا إلى الحوار.", &[], &[]);
        run(&mut doc);
        let got = summary(&doc);
        assert_eq!(
            got.iter().map(|e| e.3.as_str()).collect::<Vec<_>>(),
            ["المطالبات", "داعيا"],
            "{got:?}"
        );
    }

    #[test]
    fn encirclement_surrender_and_military_operations() {
        for (text, want) in [
            (
                "وقال الجيش إنه طوق بلدة مغر المير.",
                ("COERCE", Some("restrict"), "طوق"),
            ),
            (
                "ما أجبر قوات المعارضة على الاستسلام.",
                ("RETREAT", None, "الاستسلام"),
            ),
            (
                "أفضت سلسلة من العمليات العسكرية إلى اتفاق.",
                ("ASSAULT", None, "العمليات العسكرية"),
            ),
            (
                "وأعرب الوزير عن ارتياحه لتطورات الوضع.",
                ("SUPPORT", None, "ارتياحه"),
            ),
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            let got = summary(&doc);
            assert!(
                got.iter().any(|e| (e.0, e.1, e.3.as_str()) == want),
                "{text}: {got:?}"
            );
        }
        // A lifeline is no siege; an abstention in a vote is no rejection.
        for text in [
            "وأن أي حلول سياسية الآن تعتبر حماية وطوق نجاة للحوثي.",
            "بموافقة 72 دولة وامتناع 32 دولة عن التصويت.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            assert!(doc.events.is_empty(), "{text}: {:?}", summary(&doc));
        }
    }

    #[test]
    fn the_content_of_a_call_is_part_of_the_call_except_a_rally() {
        let mut doc = doc_with(
            "ودعا الاتحاد الأوروبي إلى الإفراج الفوري عن المتظاهرين.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("REQUEST", None, "happened", "دعا".to_owned())]
        );
        let mut doc = doc_with("ودعت المعارضة أنصارها إلى التظاهر في الساحات.", &[], &[]);
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![(
                "PROTEST",
                Some("demonstrate"),
                "planned",
                "التظاهر".to_owned()
            )]
        );
    }

    #[test]
    fn masdars_and_nouns_that_look_like_verbs_are_not_verbs() {
        for text in [
            "وطالب باستمرار قمع الحريات في الضفة.",
            "وأشار إلى قرار صادر عن مجلس الأمن.",
            "بحسب بيان من وزارته.",
            "وهي منطقة تحت سيطرة التنظيم.",
            "التي تسيطر على قطاع غزة منذ سنوات.",
            "يمكنك استعادة كلمة السر.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            let got: Vec<_> = summary(&doc)
                .into_iter()
                .filter(|e| e.0 != "REQUEST")
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn light_verbs_split_words_and_phrases() {
        let mut doc = doc_with("وشنت الجبهة الجنوبية هجوما على المدينة.", &[], &[]);
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("ASSAULT", None, "happened", "هجوما".to_owned())]
        );
        // The afcsdc corpus splits words: "دم رت".
        let mut doc = doc_with("كما دم رت الهيئة جرافة للجيش التركي.", &[], &[]);
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("ASSAULT", Some("destroy"), "happened", "دم رت".to_owned())]
        );
        let mut doc = doc_with("الاتفاق ينص على وقف إطلاق النار لمدة 9 أشهر.", &[], &[]);
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![(
                "RETREAT",
                Some("ceasefire"),
                "planned",
                "وقف إطلاق النار".to_owned()
            )]
        );
        // An agreement reached: the verb and its object noun are one event.
        let mut doc = doc_with(
            "توصلت اليوم الثلاثاء فصائل من المعارضة إلى اتفاق يتضمن الإخلاء.",
            &[],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc)[0],
            ("AGREE", None, "happened", "توصلت".to_owned())
        );
    }

    #[test]
    fn a_light_verb_gives_its_subject_to_the_event_noun() {
        let text =
            "وضربت طائرة مسيرة موقعا في اليمن. كما نفذ التحالف آلاف الضربات الجوية ضد أنصار الله.";
        let mut doc = doc_with(
            text,
            &[
                ("اليمن", EntityType::Loc),
                ("التحالف", EntityType::Org),
                ("أنصار الله", EntityType::Org),
            ],
            &[],
        );
        run(&mut doc);
        let e = event_told_by(&doc, "الضربات");
        assert_eq!((e.kind, e.mode), ("ASSAULT", Some("aerial")));
        assert_eq!(names(&doc, &e.actors), ["التحالف"]);
        assert_eq!(names(&doc, &e.targets), ["أنصار الله"]);
    }

    #[test]
    fn a_control_verb_gives_its_subject_to_the_act_it_governs() {
        // The definite noun after "تمكنت ... من" is the act managed, not an anaphor that
        // would take the participants of its own phrase only.
        let text = "وتمكنت قوات النظام من السيطرة على بلدة كنسبا. وحاول الجيش الحر اقتحام المطار.";
        let mut doc = doc_with(
            text,
            &[
                ("قوات النظام", EntityType::Org),
                ("كنسبا", EntityType::Loc),
                ("الجيش الحر", EntityType::Org),
            ],
            &[],
        );
        run(&mut doc);
        let seizure = event_told_by(&doc, "السيطرة");
        assert_eq!(names(&doc, &seizure.actors), ["قوات النظام"]);
        let storming = event_told_by(&doc, "اقتحام");
        assert_eq!(names(&doc, &storming.actors), ["الجيش الحر"]);
    }

    #[test]
    fn nationality_adjectives_of_an_event_noun_name_the_states_that_act() {
        let text = "قتل عشرة مدنيين في غارات جوية روسية على الرقة. ودخل اتفاق أمريكي روسي \
                    حيز التنفيذ في الأردن، وتريد روسيا والولايات المتحدة تمديده. وجرت مظاهرات \
                    للطلاب الأمريكيين.";
        let mut doc = doc_with(
            text,
            &[
                ("الرقة", EntityType::Loc),
                ("الأردن", EntityType::Loc),
                ("روسيا", EntityType::Loc),
                ("الولايات المتحدة", EntityType::Loc),
            ],
            &[],
        );
        doc.entities[0].geo = Some(geo("SY", "city"));
        doc.entities[1].geo = Some(geo("JO", "country"));
        doc.entities[2].geo = Some(geo("RU", "country"));
        doc.entities[3].geo = Some(geo("US", "country"));
        run(&mut doc);
        let actors_of = |trigger: &str| {
            let e = event_told_by(&doc, trigger);
            names(&doc, &e.actors)
        };
        // One side acts in an attack; both sides in an agreement.
        assert_eq!(actors_of("غارات"), ["روسيا"]);
        assert_eq!(actors_of("اتفاق"), ["الولايات المتحدة", "روسيا"]);
        // The adjective of another noun after the event noun says nothing of who acts.
        assert_eq!(actors_of("مظاهرات"), Vec::<String>::new());
    }

    #[test]
    fn two_sided_combat_has_every_side_as_actor() {
        let text = "ودارت اشتباكات عنيفة بين تنظيم داعش وقوات النظام في محيط مطار كويرس.";
        let mut doc = doc_with(
            text,
            &[
                ("تنظيم داعش", EntityType::Org),
                ("قوات النظام", EntityType::Org),
                ("مطار كويرس", EntityType::Loc),
            ],
            &[],
        );
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("ASSAULT", None, "happened", "اشتباكات".to_owned())]
        );
        let e = &doc.events[0];
        assert_eq!(names(&doc, &e.actors), ["تنظيم داعش", "قوات النظام"]);
        assert!(e.targets.is_empty());
        assert_eq!(e.location.map(|l| doc.entity_name(l)), Some("مطار كويرس"));
    }

    #[test]
    fn one_event_told_twice_is_one_event() {
        // A definite noun refers back; a new place makes a new event.
        let text =
            "وشنت الطائرات غارات على حلب. وأسفرت الغارات عن قتلى. ونفذت الطائرات غارات على إدلب.";
        let mut doc = doc_with(
            text,
            &[("حلب", EntityType::Loc), ("إدلب", EntityType::Loc)],
            &[],
        );
        run(&mut doc);
        let places: Vec<Option<&str>> = doc
            .events
            .iter()
            .map(|e| e.location.map(|l| doc.entity_name(l)))
            .collect();
        assert_eq!(places, [Some("حلب"), Some("إدلب")]);
    }

    #[test]
    fn actor_country_and_sector_from_titles() {
        let text = "والتقى السفير الأمريكي ريتشارد نورلاند وزير الخارجية الروسي سيرجي لافروف.";
        let mut doc = doc_with(
            text,
            &[
                ("ريتشارد نورلاند", EntityType::Per),
                ("سيرجي لافروف", EntityType::Per),
            ],
            &[],
        );
        let role = |s: &str| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        };
        doc.entities[0].roles.push(role("السفير الأمريكي"));
        doc.entities[1].roles.push(role("وزير الخارجية الروسي"));
        run(&mut doc);
        assert_eq!(summary(&doc)[0].0, "CONSULT");
        assert_eq!(doc.entities[0].country.as_deref(), Some("US"));
        assert_eq!(doc.entities[0].sector, Some(Sector::Diplomat));
        assert_eq!(doc.entities[1].country.as_deref(), Some("RU"));
        assert_eq!(doc.entities[1].sector, Some(Sector::Diplomat));
    }

    #[test]
    fn every_trigger_lies_in_its_sentence() {
        let text = "قال مسؤول إن الطائرات قصفت المدينة، واعتقلت الشرطة عشرات. ثم انسحبت القوات.\nوطالب المحتجون بالإفراج عنهم.";
        let mut doc = doc_with(text, &[], &[]);
        run(&mut doc);
        assert!(doc.events.len() >= 3, "{:?}", summary(&doc));
        for e in &doc.events {
            let s = doc.sentences()[e.sentence as usize].span;
            assert!(s.contains(e.trigger), "{:?}", doc.slice(e.trigger));
        }
    }

    #[test]
    fn a_participle_of_state_acts_with_the_subject_of_its_verb() {
        // The subject of the verb before it, and the noun phrase after it as its target.
        let text = "واتهم فوزي برهوم حركة فتح بالتنسيق الأمني، مستهجنا موقف السلطة.";
        let mut doc = doc_with(
            text,
            &[
                ("فوزي برهوم", EntityType::Per),
                ("حركة فتح", EntityType::Org),
                ("السلطة", EntityType::Org),
            ],
            &[],
        );
        run(&mut doc);
        let deplored = event_told_by(&doc, "مستهجنا");
        assert_eq!(names(&doc, &deplored.actors), ["فوزي برهوم"]);
        assert_eq!(names(&doc, &deplored.targets), ["السلطة"]);

        // The speaker of the quote framed before it, though no rule of the stage reads
        // كتب as a verb of speech.
        let text =
            "وفي تغريدة على حسابه كتب وزير الخارجية خالد أن الاتفاق خطوة مهمة، مشيدا بدور مصر.";
        let mut doc = doc_with(
            text,
            &[("خالد", EntityType::Per), ("مصر", EntityType::Loc)],
            &[],
        );
        let at = |s: &str| {
            let k = text.find(s).unwrap();
            Span::new(k, k + s.len())
        };
        doc.quotes.push(isnad_doc::Quote {
            kind: isnad_doc::QuoteKind::Indirect,
            span: at("الاتفاق خطوة مهمة"),
            speaker: Some(0),
            speaker_span: Some(at("خالد")),
            speaker_description: None,
            verb: Some(at("كتب")),
            channel: None,
            date: None,
            source_post: None,
            fidelity: None,
        });
        run(&mut doc);
        let praise = event_told_by(&doc, "مشيدا");
        assert_eq!(names(&doc, &praise.actors), ["خالد"]);
        assert_eq!(names(&doc, &praise.targets), ["مصر"]);

        // "متهما إياها": the same act on the same target is one event, told by the verb.
        let text = "هاجم الرئيس السوري بشار الأسد فرنسا، متهما إياها بدعم الإرهاب.";
        let mut doc = doc_with(
            text,
            &[("بشار الأسد", EntityType::Per), ("فرنسا", EntityType::Loc)],
            &[],
        );
        doc.entities[1].geo = Some(geo("FR", "country"));
        let k = text.find("الرئيس السوري").unwrap();
        doc.entities[0]
            .roles
            .push(Span::new(k, k + "الرئيس السوري".len()));
        run(&mut doc);
        assert_eq!(
            summary(&doc),
            vec![("ACCUSE", Some("disapprove"), "happened", "هاجم".to_owned())]
        );
        assert_eq!(names(&doc, &doc.events[0].targets), ["فرنسا"]);
    }

    #[test]
    fn a_demand_reaches_its_complement_but_a_counted_student_demands_nothing() {
        let text = "وطالب مجلس الأمن الحكومة اليمنية الشرعية وجماعة الحوثيين المسلحة في اليمن وكل الأطراف بالإفراج عن المعتقلين.";
        let mut doc = doc_with(text, &[("مجلس الأمن", EntityType::Org)], &[]);
        run(&mut doc);
        let demand = event_told_by(&doc, "طالب");
        assert_eq!(demand.kind, "REQUEST");
        assert_eq!(names(&doc, &demand.actors), ["مجلس الأمن"]);
        // A number or a father's name before the word makes it a noun: students, a name.
        for text in [
            "وتظاهر 39500 طالب في الجامعات بالعاصمة للمطالبة بالإصلاح.",
            "وقال صالح بن طالب بالأمس إن الوضع هادئ.",
            "ويروي حلما يرى فيه علي بن أبي طالب بالمدينة.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            assert!(
                doc.events
                    .iter()
                    .all(|e| !doc.slice(e.trigger).starts_with("طالب")),
                "{text}: {:?}",
                summary(&doc)
            );
        }
        // A page counter or a year is no count: the verb after it stands.
        let mut doc = doc_with("أخبار 24 استقبل الرئيس الوفد في القصر.", &[], &[]);
        run(&mut doc);
        assert_eq!(event_told_by(&doc, "استقبل").kind, "CONSULT");
        let mut doc = doc_with(
            "وفي عام 1977 وافق البرلمان على المعاهدة.",
            &[],
            &[("عام 1977", "1977")],
        );
        run(&mut doc);
        assert_eq!(event_told_by(&doc, "وافق").kind, "AGREE");
    }

    #[test]
    fn any_act_is_no_event_unless_denied() {
        let mut doc = doc_with("وحذر الجيش من أي هجوم على المدينة.", &[], &[]);
        run(&mut doc);
        assert!(
            doc.events.iter().all(|e| e.kind != "ASSAULT"),
            "{:?}",
            summary(&doc)
        );
        let mut doc = doc_with("ولم تسجل أي اشتباكات في المدينة منذ الصباح.", &[], &[]);
        run(&mut doc);
        assert_eq!(event_told_by(&doc, "اشتباكات").status, EventStatus::Denied);
    }

    #[test]
    fn declining_to_comment_or_to_be_named_is_no_rejection() {
        for text in [
            "ورفض المتحدث التعليق على الخبر.",
            "وقال مصدر رفض الكشف عن اسمه إن الوضع هادئ.",
            "وامتنعت الوزارة عن التعليق.",
        ] {
            let mut doc = doc_with(text, &[], &[]);
            run(&mut doc);
            assert!(
                doc.events.iter().all(|e| e.kind != "REJECT"),
                "{text}: {:?}",
                summary(&doc)
            );
        }
        let mut doc = doc_with("ورفضت الحكومة المقترح الأمريكي.", &[], &[]);
        run(&mut doc);
        assert_eq!(event_told_by(&doc, "رفضت").kind, "REJECT");
    }
}
