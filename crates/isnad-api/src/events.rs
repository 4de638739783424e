//! The event export: one row per event, with the columns a user of ACLED or POLECAT
//! recognises (date, type, mode, the two actors with their country and sector, the place
//! with its coordinates, the article and the sentence), built from an [`Analysis`] so that
//! `isnad export events` and the corpus store share one mapping.
//!
//! Actors follow ACLED: `actor1` is the first actor, `assoc_actor1` the others (joined with
//! "; "); `actor2` is the first target, `assoc_actor2` the other targets. `event_date` is the
//! event's own date when the text gives one, else the publication date (`date_source` says
//! which). Offsets are character offsets into the article, as in the contract.

use crate::{Analysis, Entity, Event};
use serde::{Deserialize, Serialize};

/// One exported event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// `{article_id}:{event id}`.
    pub event_id: String,
    /// The day (or month, year) of the event.
    pub event_date: Option<String>,
    /// `text` (the article dates the event) or `published` (the publication date stands in).
    pub date_source: Option<String>,
    /// The PLOVER type.
    pub event_type: String,
    /// The PLOVER mode.
    pub mode: Option<String>,
    /// `happened`, `planned`, `threatened`, `denied`, `hypothetical`.
    pub status: String,
    /// The first actor's name.
    pub actor1: Option<String>,
    /// Its country (ISO alpha-2).
    pub actor1_country: Option<String>,
    /// Its sector.
    pub actor1_sector: Option<String>,
    /// The other actors, "; "-separated.
    pub assoc_actor1: Option<String>,
    /// The first target's name.
    pub actor2: Option<String>,
    /// Its country.
    pub actor2_country: Option<String>,
    /// Its sector.
    pub actor2_sector: Option<String>,
    /// The other targets, "; "-separated.
    pub assoc_actor2: Option<String>,
    /// The place.
    pub location: Option<String>,
    /// Its latitude, when resolved.
    pub latitude: Option<f64>,
    /// Its longitude, when resolved.
    pub longitude: Option<f64>,
    /// Its GeoNames id (`geonames:<id>` in the contract, the number here).
    pub geonames_id: Option<String>,
    /// Its country (ISO alpha-2), when resolved.
    pub location_country: Option<String>,
    /// Other places of the event, "; "-separated.
    pub other_locations: Option<String>,
    /// The article.
    pub article_id: String,
    /// Its publication date.
    pub published: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The trigger as written.
    pub trigger: String,
    /// First character of the trigger.
    pub trigger_start: u32,
    /// One past its last character.
    pub trigger_end: u32,
    /// The sentence that carries the event.
    pub sentence: Option<String>,
    /// First character of the sentence.
    pub sentence_start: Option<u32>,
    /// One past its last character.
    pub sentence_end: Option<u32>,
    /// All actors' names.
    pub actors: Vec<String>,
    /// All targets' names.
    pub targets: Vec<String>,
}

/// The CSV columns, in order (the field names of [`EventRow`]).
pub const EVENT_COLUMNS: [&str; 32] = [
    "event_id",
    "event_date",
    "date_source",
    "event_type",
    "mode",
    "status",
    "actor1",
    "actor1_country",
    "actor1_sector",
    "assoc_actor1",
    "actor2",
    "actor2_country",
    "actor2_sector",
    "assoc_actor2",
    "location",
    "latitude",
    "longitude",
    "geonames_id",
    "location_country",
    "other_locations",
    "article_id",
    "published",
    "source",
    "url",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "actors",
    "targets",
];

fn entity<'a>(a: &'a Analysis, id: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.id == id)
}

fn names(a: &Analysis, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| entity(a, id).map(|e| e.name.clone()))
        .collect()
}

fn joined(v: &[String]) -> Option<String> {
    (!v.is_empty()).then(|| v.join("; "))
}

/// The rows of one analysed article, one per event, in the article's order.
pub fn event_rows(a: &Analysis) -> Vec<EventRow> {
    a.events.iter().map(|e| event_row(a, e)).collect()
}

/// The row of one event of an analysed article.
pub fn event_row(a: &Analysis, e: &Event) -> EventRow {
    let actors = names(a, &e.actors);
    let targets = names(a, &e.targets);
    let first = |ids: &[String]| ids.first().and_then(|id| entity(a, id));
    let actor1 = first(&e.actors);
    let actor2 = first(&e.targets);
    let place = e.location.as_deref().and_then(|id| entity(a, id));
    let geo = place.and_then(|p| p.geo.as_ref());
    let (event_date, date_source) = match (&e.date, &a.published) {
        (Some(d), _) => (Some(d.clone()), Some("text".to_owned())),
        (None, Some(p)) => (Some(p.clone()), Some("published".to_owned())),
        (None, None) => (None, None),
    };
    EventRow {
        event_id: format!("{}:{}", a.id, e.id),
        event_date,
        date_source,
        event_type: e.kind.clone(),
        mode: e.mode.clone(),
        status: e.status.clone(),
        actor1: actor1.map(|x| x.name.clone()),
        actor1_country: actor1.and_then(|x| x.country.clone()),
        actor1_sector: actor1.and_then(|x| x.sector.clone()),
        assoc_actor1: joined(actors.get(1..).unwrap_or_default()),
        actor2: actor2.map(|x| x.name.clone()),
        actor2_country: actor2.and_then(|x| x.country.clone()),
        actor2_sector: actor2.and_then(|x| x.sector.clone()),
        assoc_actor2: joined(targets.get(1..).unwrap_or_default()),
        location: place.map(|p| p.name.clone()),
        latitude: geo.map(|g| g.lat),
        longitude: geo.map(|g| g.lon),
        geonames_id: geo.map(|g| {
            g.reference
                .strip_prefix("geonames:")
                .unwrap_or(&g.reference)
                .to_owned()
        }),
        location_country: geo
            .and_then(|g| g.country.clone())
            .or_else(|| place.and_then(|p| p.country.clone())),
        other_locations: joined(&names(a, &e.locations)),
        article_id: a.id.clone(),
        published: a.published.clone(),
        source: a.source.clone(),
        url: a.url.clone(),
        trigger: e.trigger.text.clone(),
        trigger_start: e.trigger.start,
        trigger_end: e.trigger.end,
        sentence: e.sentence.as_ref().map(|s| s.text.clone()),
        sentence_start: e.sentence.as_ref().map(|s| s.start),
        sentence_end: e.sentence.as_ref().map(|s| s.end),
        actors,
        targets,
    }
}

impl EventRow {
    /// The row's values in the order of [`EVENT_COLUMNS`], empty for a missing value.
    pub fn values(&self) -> Vec<String> {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let n = |v: Option<u32>| v.map(|x| x.to_string()).unwrap_or_default();
        vec![
            self.event_id.clone(),
            o(&self.event_date),
            o(&self.date_source),
            self.event_type.clone(),
            o(&self.mode),
            self.status.clone(),
            o(&self.actor1),
            o(&self.actor1_country),
            o(&self.actor1_sector),
            o(&self.assoc_actor1),
            o(&self.actor2),
            o(&self.actor2_country),
            o(&self.actor2_sector),
            o(&self.assoc_actor2),
            o(&self.location),
            f(self.latitude),
            f(self.longitude),
            o(&self.geonames_id),
            o(&self.location_country),
            o(&self.other_locations),
            self.article_id.clone(),
            o(&self.published),
            o(&self.source),
            o(&self.url),
            self.trigger.clone(),
            self.trigger_start.to_string(),
            self.trigger_end.to_string(),
            o(&self.sentence),
            n(self.sentence_start),
            n(self.sentence_end),
            self.actors.join("; "),
            self.targets.join("; "),
        ]
    }
}

/// The CSV header line (with its line end).
pub fn csv_header() -> String {
    csv_line(EVENT_COLUMNS.iter().map(|s| s.to_string()))
}

/// The CSV lines of one article's events (RFC 4180: fields with a comma, quote or line
/// break are quoted, quotes doubled; lines end with CRLF). The last two columns list all
/// actors and all targets, "; "-separated.
pub fn csv_rows(a: &Analysis) -> String {
    let mut out = String::new();
    for row in event_rows(a) {
        out.push_str(&csv_line(row.values().into_iter()));
    }
    out
}

fn csv_line(fields: impl Iterator<Item = String>) -> String {
    let mut line = String::new();
    for (i, f) in fields.enumerate() {
        if i > 0 {
            line.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&f.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&f);
        }
    }
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Geo, TextSpan};

    fn analysis() -> Analysis {
        let mut a = Analysis::failed("art-1", None, "x");
        a.error = None;
        a.published = Some("2020-06-23".into());
        let ent = |id: &str, kind: &str, name: &str| Entity {
            id: id.into(),
            kind: kind.into(),
            name: name.into(),
            mentions: vec![],
            roles: vec![],
            handles: vec![],
            geo: None,
            country: None,
            sector: None,
        };
        let mut sarraj = ent("e1", "PER", "فائز السراج");
        sarraj.country = Some("LY".into());
        sarraj.sector = Some("government".into());
        let mut norland = ent("e2", "PER", "ريتشارد نورلاند");
        norland.country = Some("US".into());
        norland.sector = Some("diplomat".into());
        let mut zuwara = ent("e3", "LOC", "زوارة");
        zuwara.geo = Some(Geo {
            lat: 32.93,
            lon: 12.08,
            reference: "geonames:2208425".into(),
            country: Some("LY".into()),
            feature: Some("city".into()),
        });
        a.entities = vec![sarraj, norland, zuwara, ent("e4", "PER", "تاونسند")];
        a.events = vec![Event {
            id: "v1".into(),
            kind: "CONSULT".into(),
            mode: Some("meet".into()),
            status: "happened".into(),
            trigger: TextSpan {
                start: 1,
                end: 6,
                text: "اجتمع".into(),
            },
            actors: vec!["e1".into(), "e4".into(), "e2".into()],
            targets: vec![],
            location: Some("e3".into()),
            locations: vec![],
            date: Some("2020-06-22".into()),
            sentence: Some(TextSpan {
                start: 0,
                end: 30,
                text: "واجتمع يوم الاثنين، السراج \"و\" تاونسند".into(),
            }),
        }];
        a
    }

    #[test]
    fn a_row_has_the_acled_columns() {
        let a = analysis();
        let rows = event_rows(&a);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.event_id, "art-1:v1");
        assert_eq!(r.event_date.as_deref(), Some("2020-06-22"));
        assert_eq!(r.date_source.as_deref(), Some("text"));
        assert_eq!(r.actor1.as_deref(), Some("فائز السراج"));
        assert_eq!(r.actor1_country.as_deref(), Some("LY"));
        assert_eq!(r.actor1_sector.as_deref(), Some("government"));
        assert_eq!(r.assoc_actor1.as_deref(), Some("تاونسند; ريتشارد نورلاند"));
        assert_eq!(r.actor2, None);
        assert_eq!(r.location.as_deref(), Some("زوارة"));
        assert_eq!(r.latitude, Some(32.93));
        assert_eq!(r.geonames_id.as_deref(), Some("2208425"));
        assert_eq!(r.location_country.as_deref(), Some("LY"));
    }

    #[test]
    fn the_publication_date_stands_in_for_a_missing_date() {
        let mut a = analysis();
        a.events[0].date = None;
        let r = &event_rows(&a)[0];
        assert_eq!(r.event_date.as_deref(), Some("2020-06-23"));
        assert_eq!(r.date_source.as_deref(), Some("published"));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let a = analysis();
        let header = csv_header();
        assert!(
            header.starts_with("event_id,event_date,date_source,event_type,mode,status,actor1,")
        );
        let rows = csv_rows(&a);
        assert_eq!(rows.lines().count(), 1);
        assert!(rows.ends_with("\r\n"));
        // The sentence has a comma and quotes: it is quoted, its quotes doubled.
        assert!(rows.contains("\"واجتمع يوم الاثنين، السراج \"\"و\"\" تاونسند\""));
        // Every line has as many fields as the header (no field holds a comma unquoted here).
        let fields = |l: &str| {
            let mut n = 1;
            let mut quoted = false;
            for c in l.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => n += 1,
                    _ => {}
                }
            }
            n
        };
        assert_eq!(fields(header.trim_end()), EVENT_COLUMNS.len());
        assert_eq!(fields(rows.trim_end()), EVENT_COLUMNS.len());
    }
}
