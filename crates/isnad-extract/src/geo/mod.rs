//! Places: resolves each place entity (type LOC) to coordinates and a GeoNames id from
//! the shipped gazetteer (`isnad_resources::places`), choosing among places of the same
//! name with the article's context.
//!
//! A mention is looked up in its matching form, also without a glued conjunction or
//! preposition, without or with the article, and without a head noun that says what kind
//! of place it is ("مدينة زوارة", "محافظة الجفرة", "العاصمة طرابلس"; the head is kept as
//! a hint). A name GeoNames only knows in Latin script is matched by transliteration
//! ([`translit`]: "ترهونة" ↔ "Tarhuna"), but only against places of a country the
//! article is about.
//!
//! Choosing among candidates (a Libyan article's "طرابلس" is Tripoli, Libya, not
//! Tripoli, Lebanon):
//! - **country focus**: how much the article is about each country: its place entities
//!   that are countries (by mentions), the demonyms in its text ("الليبي",
//!   "الأمريكية"), and, after a first pass, the countries of its other resolved places;
//! - **kind**: a name that is a country's is the country (لبنان is Lebanon before any
//!   town called Lebanon); a city before a province of the same name unless the text
//!   says "محافظة"/"ولاية"/"شعبية"; "مدينة" favours the city;
//! - **population**, as a prior;
//! - **proximity**, in a second pass: closeness to the article's other resolved places.
//!
//! Regions without a GeoNames id (UN M49 or the project's own: "الشرق الأوسط") are not
//! given coordinates: the entity model's `Geo` carries a GeoNames id.

pub mod translit;

use isnad_doc::{Doc, EntityType, Geo, Layer, Span, Stage};
use isnad_resources::{Place, PlaceKind};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Weight of the country focus (a share in [0, 1]) in a candidate's score.
const W_COUNTRY: f64 = 3.0;
/// Weight of the population prior (log10 of inhabitants over 7, about [0, 1]).
const W_POPULATION: f64 = 0.6;
/// Weight of proximity to the article's other places (1 at 0 km, 1/e at `PROXIMITY_KM`).
const W_PROXIMITY: f64 = 1.0;
/// Distance scale of the proximity bonus.
const PROXIMITY_KM: f64 = 250.0;
/// Score given to a transliteration match, against an Arabic-name match.
const TRANSLIT_PENALTY: f64 = 0.5;
/// Smallest town taken in a country the article never mentions. GeoNames gives Arabic
/// names to many small foreign towns ("راس" is Ross, Ohio, 3,417 people), so a lone word
/// that is also a common noun would otherwise land there, and pull the article's other
/// places towards it by proximity.
const MIN_UNFOCUSED_POPULATION: u64 = 15_000;

/// Head nouns that name the kind of place before its name.
const HEADS: &[(&str, Hint)] = &[
    ("مدينه", Hint::City),
    ("مدينتي", Hint::City),
    ("بلده", Hint::City),
    ("قريه", Hint::City),
    ("العاصمه", Hint::City),
    ("محافظه", Hint::Division),
    ("ولايه", Hint::Division),
    ("شعبيه", Hint::Division),
    ("اقليم", Hint::Division),
    ("منطقه", Hint::None),
];

/// What a head noun or the text says about the kind of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    City,
    Division,
    None,
}

/// The place-resolution stage.
#[derive(Debug, Default)]
pub struct GeoStage;

impl Stage for GeoStage {
    fn name(&self) -> &'static str {
        "geo"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Geo]
    }
    fn annotate(&self, doc: &mut Doc) {
        resolve(doc);
    }
}

/// A possible place for an entity.
#[derive(Clone, Debug)]
struct Candidate {
    place: Place,
    hint: Hint,
    translit: bool,
    /// Found only after the head of a site, a countryside or a part named after a place
    /// (`entities::is_site_or_part_head`: "ريف حلب", "مطار دير الزور", "شمال العراق"), when
    /// no form of the entity is a place the gazetteer knows. It is placed at that place,
    /// with no hint, and a town or province must then be in a country the article is about
    /// ("سجن بوكا" is no Albanian village).
    site: bool,
}

/// Resolves the place entities of a document that have no coordinates yet.
pub fn resolve(doc: &mut Doc) {
    let places = isnad_resources::places();
    let targets: Vec<usize> = (0..doc.entities.len())
        .filter(|&e| doc.entities[e].kind == EntityType::Loc && doc.entities[e].geo.is_none())
        .collect();
    if targets.is_empty() {
        return;
    }
    let mut cands: Vec<Vec<Candidate>> = targets
        .iter()
        .map(|&e| arabic_candidates(doc, e, places))
        .collect();

    // Country focus, first from what needs no choice: country entities and demonyms.
    let mut focus = demonym_focus(doc);
    for (k, &e) in targets.iter().enumerate() {
        if let Some(c) = cands[k].iter().find(|c| c.place.kind == PlaceKind::Country) {
            let n = doc.entities[e].mentions.len().max(1) as f64;
            *focus
                .entry(c.place.country.clone().unwrap_or_default())
                .or_default() += n;
        }
    }

    // Names known only in Latin script, against the countries in focus.
    for (k, &e) in targets.iter().enumerate() {
        if cands[k].is_empty() {
            cands[k] = latin_candidates(doc, e, &focus);
        }
    }

    // Pass 1: focus, kind and population.
    let first: Vec<Option<usize>> = cands.iter().map(|c| best(c, &focus, &[])).collect();
    // The countries of the places just chosen join the focus (half weight each).
    let mut focus2 = focus.clone();
    for (k, pick) in first.iter().enumerate() {
        if let Some(i) = pick {
            let p = &cands[k][*i].place;
            if p.kind != PlaceKind::Country {
                if let Some(c) = &p.country {
                    *focus2.entry(c.clone()).or_default() += 0.5;
                }
            }
        }
    }
    // Pass 2: with proximity to the other places of the first pass.
    for (k, &e) in targets.iter().enumerate() {
        let anchors: Vec<(f64, f64)> = first
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .filter_map(|(j, pick)| {
                let p = &cands[j][(*pick)?].place;
                matches!(p.kind, PlaceKind::City | PlaceKind::Admin1)
                    .then_some(p.coord)
                    .flatten()
            })
            .collect();
        let Some(i) = best(&cands[k], &focus2, &anchors) else {
            continue;
        };
        let p = &cands[k][i].place;
        let (Some(id), Some((lat, lon))) = (p.geonames_id, p.coord) else {
            continue;
        };
        doc.entities[e].geo = Some(Geo {
            lat,
            lon,
            geonames_id: id,
            country: p.country.clone(),
            feature: p.kind.as_str().to_owned(),
        });
    }
}

/// The index of the best-scoring candidate.
fn best(
    cands: &[Candidate],
    focus: &FxHashMap<String, f64>,
    anchors: &[(f64, f64)],
) -> Option<usize> {
    let total: f64 = focus.values().sum();
    let score = |c: &Candidate| -> f64 {
        let p = &c.place;
        let share = match (&p.country, total > 0.0) {
            (Some(cc), true) => focus.get(cc).copied().unwrap_or(0.0) / total,
            _ => 0.0,
        };
        let population = ((p.population as f64) + 1.0).log10() / 7.0;
        let kind = match (p.kind, c.hint) {
            (PlaceKind::Country, _) => 2.0,
            (PlaceKind::Continent, _) => 1.5,
            (PlaceKind::Region, _) => 1.0,
            (PlaceKind::City, Hint::City) => 1.3,
            (PlaceKind::City, _) => 0.3,
            (PlaceKind::Admin1, Hint::Division) => 1.3,
            (PlaceKind::Admin1, _) => 0.0,
        };
        let proximity = match (p.kind, p.coord) {
            (PlaceKind::City | PlaceKind::Admin1, Some(here)) => anchors
                .iter()
                .map(|&a| (-distance_km(here, a) / PROXIMITY_KM).exp())
                .fold(0.0, f64::max),
            _ => 0.0,
        };
        let mut s = W_COUNTRY * share + W_POPULATION * population + kind + W_PROXIMITY * proximity;
        if c.translit {
            s -= TRANSLIT_PENALTY;
        }
        s
    };
    let plausible = |c: &Candidate| {
        let p = &c.place;
        let in_focus = p
            .country
            .as_ref()
            .is_some_and(|cc| focus.get(cc).is_some_and(|&w| w > 0.0));
        !matches!(p.kind, PlaceKind::City | PlaceKind::Admin1)
            || in_focus
            || (!c.site && (c.hint != Hint::None || p.population >= MIN_UNFOCUSED_POPULATION))
    };
    cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.place.coord.is_some() && c.place.geonames_id.is_some())
        .filter(|(_, c)| plausible(c))
        .map(|(i, c)| (i, score(c)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// Great-circle distance in km.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The forms of an entity's mentions to look up, each with the hint its head noun gives.
fn forms(doc: &Doc, e: usize) -> Vec<(String, Hint)> {
    let ent = &doc.entities[e];
    let spans: Vec<Span> = std::iter::once(ent.name)
        .chain(ent.mentions.iter().map(|&m| doc.mentions[m as usize].span))
        .collect();
    let mut out: Vec<(String, Hint)> = Vec::new();
    let push = |s: String, h: Hint, out: &mut Vec<(String, Hint)>| {
        if !s.is_empty() && !out.iter().any(|(x, _)| *x == s) {
            out.push((s, h));
        }
    };
    for span in spans {
        let text = isnad_text::normalize_for_matching(doc.slice(span));
        // The word before the mention may be a head noun ("مدينة زوارة").
        let before = hint_before(doc, span);
        for (form, head_hint) in strip_head(&text) {
            let hint = if head_hint != Hint::None {
                head_hint
            } else {
                before
            };
            for v in variants(&form) {
                push(v, hint, &mut out);
            }
        }
    }
    out
}

/// The hint of a head noun right before a span.
fn hint_before(doc: &Doc, span: Span) -> Hint {
    let i = doc.text_layers.token_at_or_after(span.start);
    if i == 0 {
        return Hint::None;
    }
    let prev = doc.text_layers.norm_text(&doc.tokens()[i - 1]);
    let prev = prev
        .strip_prefix('و')
        .or_else(|| prev.strip_prefix('ف'))
        .unwrap_or(prev);
    HEADS
        .iter()
        .find(|(h, _)| *h == prev || prev.strip_prefix('ب') == Some(h))
        .map_or(Hint::None, |(_, k)| *k)
}

/// A mention with and without a leading head noun.
fn strip_head(text: &str) -> Vec<(String, Hint)> {
    let mut out = vec![(text.to_owned(), Hint::None)];
    if let Some((first, rest)) = text.split_once(' ') {
        if let Some((_, h)) = HEADS.iter().find(|(x, _)| *x == first) {
            out.push((rest.to_owned(), *h));
        }
    }
    out
}

/// Spelling variants of a mention: as written, without a glued conjunction or
/// preposition, and with the article dropped or added.
fn variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_owned()];
    let mut bases = vec![form];
    for p in ["و", "ف"] {
        if let Some(r) = form.strip_prefix(p) {
            bases.push(r);
        }
    }
    let mut more = Vec::new();
    for b in &bases {
        for p in ["ب", "ل", "ك"] {
            if let Some(r) = b.strip_prefix(p) {
                more.push(r.to_owned());
            }
        }
        if let Some(r) = b.strip_prefix("لل") {
            more.push(format!("ال{r}"));
        }
        more.push((*b).to_owned());
    }
    for m in more {
        if let Some(r) = m.strip_prefix("ال") {
            out.push(r.to_owned());
        } else {
            out.push(format!("ال{m}"));
        }
        out.push(m);
    }
    out.dedup();
    out
}

fn arabic_candidates(doc: &Doc, e: usize, places: &isnad_resources::Places) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    let mut add = |forms: &[(String, Hint)], site: bool, out: &mut Vec<Candidate>| {
        for (form, hint) in forms {
            let hint = *hint;
            for &i in places.lookup(form) {
                if !seen.contains(&i) {
                    seen.push(i);
                    out.push(Candidate {
                        place: places.get(i).clone(),
                        hint,
                        translit: false,
                        site,
                    });
                }
            }
        }
    };
    let forms = forms(doc, e);
    add(&forms, false, &mut out);
    if out.is_empty() {
        // The place after the head, also without a last word ("ريف حلب الجنوبي",
        // "مطار دير الزور العسكري").
        let sites: Vec<(String, Hint)> = forms
            .iter()
            .filter_map(|(form, _)| {
                let (first, rest) = form.split_once(' ')?;
                crate::entities::is_site_or_part_head(first).then_some(rest)
            })
            .flat_map(|rest| {
                let shorter = rest
                    .rsplit_once(' ')
                    .map(|(r, _)| (r.to_owned(), Hint::None));
                std::iter::once((rest.to_owned(), Hint::None)).chain(shorter)
            })
            .collect();
        add(&sites, true, &mut out);
    }
    out
}

/// Latin-script places by transliteration key.
static LATIN_INDEX: LazyLock<FxHashMap<String, Vec<u32>>> = LazyLock::new(|| {
    let mut index: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (i, lp) in isnad_resources::places().latin.iter().enumerate() {
        for name in &lp.names {
            for key in translit::latin_keys(name) {
                let list = index.entry(key).or_default();
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
    }
    index
});

fn latin_candidates(doc: &Doc, e: usize, focus: &FxHashMap<String, f64>) -> Vec<Candidate> {
    let latin = &isnad_resources::places().latin;
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for (form, hint) in forms(doc, e) {
        if form.starts_with('و') || form.starts_with('ب') || form.starts_with('ل') {
            continue; // variants with a clitic still on: the clean form is also tried
        }
        for key in translit::arabic_keys(&form) {
            for &i in LATIN_INDEX.get(&key).map_or(&[][..], Vec::as_slice) {
                let p = &latin[i as usize].place;
                let in_focus = p
                    .country
                    .as_ref()
                    .is_some_and(|c| focus.get(c).copied().unwrap_or(0.0) > 0.0);
                if in_focus && !seen.contains(&i) {
                    seen.push(i);
                    out.push(Candidate {
                        place: p.clone(),
                        hint,
                        translit: true,
                        site: false,
                    });
                }
            }
        }
    }
    out
}

/// Country weights from demonyms in the text ("الليبي", "الأمريكية", "السوريين"). A
/// demonym spelled like its country's name ("مالي", also "financial") is not counted.
fn demonym_focus(doc: &Doc) -> FxHashMap<String, f64> {
    let countries = isnad_resources::countries();
    let mut focus: FxHashMap<String, f64> = FxHashMap::default();
    for t in doc.tokens() {
        if t.kind != isnad_text::TokenKind::Arabic {
            continue;
        }
        let w = doc.text_layers.norm_text(t);
        for base in demonym_bases(w) {
            if let Some(c) = countries.by_demonym(base) {
                if countries.by_name(base).is_none() {
                    *focus.entry(c.iso2.clone()).or_default() += 1.0;
                }
                break;
            }
        }
    }
    focus
}

/// The masculine singular forms a word may inflect: ليبيه, الليبيون, والليبيين → ليبي.
fn demonym_bases(word: &str) -> Vec<&str> {
    let mut stems = vec![word];
    for p in ["و", "ف"] {
        if let Some(r) = word.strip_prefix(p) {
            stems.push(r);
        }
    }
    let mut out = Vec::new();
    for s in stems {
        let s = s
            .strip_prefix("بال")
            .or_else(|| s.strip_prefix("لل"))
            .or_else(|| s.strip_prefix("كال"))
            .or_else(|| s.strip_prefix("ال"))
            .unwrap_or(s);
        if s.chars().count() < 3 {
            continue;
        }
        out.push(s);
        for suffix in ["ه", "ون", "ين", "تين", "تان", "ان"] {
            if let Some(b) = s.strip_suffix(suffix) {
                if b.ends_with('ي') {
                    out.push(b);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
