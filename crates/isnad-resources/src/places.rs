//! The gazetteer: places with coordinates and GeoNames ids (`data/gazetteer/places.tsv`),
//! countries with their Arabic names and demonyms (`countries.tsv`), and the Arab
//! League's places that GeoNames names only in Latin script (`places_latin.tsv`). See
//! `DATA.md` for sources and licences.
//!
//! Arabic names are indexed in the engine's matching form
//! (`isnad_text::normalize_for_matching`), so "طرابلس", "طرابلُس" and "طرابلس " are one key.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What kind of place a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A continent.
    Continent,
    /// A world region (UN M49, or one of the project's: الشرق الأوسط, المغرب العربي ...).
    Region,
    /// A country.
    Country,
    /// A first-level administrative division (governorate, district, province).
    Admin1,
    /// A populated place.
    City,
}

impl PlaceKind {
    /// The name used in the data files and the output (`city`, `country`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::City => "city",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "continent" => PlaceKind::Continent,
            "region" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "city" => PlaceKind::City,
            _ => return None,
        })
    }
}

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The GeoNames id, when the place has one (regions of M49 or of the project do not).
    pub geonames_id: Option<u32>,
    /// The id as written in the data (`2210247`, `m49:015`, `isnad:maghreb`).
    pub id: String,
    /// What it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country (the country itself for a country).
    pub country: Option<String>,
    /// Latitude and longitude in degrees (a country's is its centroid), when known.
    pub coord: Option<(f64, f64)>,
    /// Inhabitants (0 when unknown).
    pub population: u64,
    /// The GeoNames (English or Latin) name.
    pub name_en: String,
}

/// A place GeoNames names in Latin script only, with those names.
#[derive(Clone, Debug, PartialEq)]
pub struct LatinPlace {
    /// The place (kind `city`).
    pub place: Place,
    /// Its Latin-script names, as GeoNames writes them ("Tarhūnah", "Tarhuna").
    pub names: Vec<String>,
}

/// All places, indexed by their Arabic names.
pub struct Places {
    /// The places of `places.tsv`, in file order (continents, regions, countries,
    /// divisions, cities; most populous first within a kind).
    pub places: Vec<Place>,
    by_name: FxHashMap<String, Vec<u32>>,
    /// The places of `places_latin.tsv`.
    pub latin: Vec<LatinPlace>,
}

impl Places {
    fn parse(places_tsv: &str, latin_tsv: &str) -> Places {
        let mut places = Vec::new();
        let mut by_name: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for row in crate::tsv_rows(places_tsv) {
            let [id, kind, country, lat, lon, pop, names, en, ..] = row[..] else {
                continue;
            };
            let Some(kind) = PlaceKind::parse(kind) else {
                continue;
            };
            let i = places.len() as u32;
            places.push(place(id, kind, country, lat, lon, pop, en));
            for n in names.split('|').filter(|n| !n.is_empty()) {
                let key = isnad_text::normalize_for_matching(n);
                let list = by_name.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let latin = crate::tsv_rows(latin_tsv)
            .filter_map(|row| {
                let [id, country, lat, lon, pop, names, en, ..] = row[..] else {
                    return None;
                };
                Some(LatinPlace {
                    place: place(id, PlaceKind::City, country, lat, lon, pop, en),
                    names: names.split('|').map(str::to_owned).collect(),
                })
            })
            .collect();
        Places {
            places,
            by_name,
            latin,
        }
    }

    /// The places called `name` (in matching form), most important first (file order).
    pub fn lookup(&self, name: &str) -> &[u32] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// A place by index.
    pub fn get(&self, i: u32) -> &Place {
        &self.places[i as usize]
    }

    /// Number of distinct Arabic names.
    pub fn names(&self) -> usize {
        self.by_name.len()
    }
}

fn place(
    id: &str,
    kind: PlaceKind,
    country: &str,
    lat: &str,
    lon: &str,
    pop: &str,
    en: &str,
) -> Place {
    Place {
        geonames_id: id.parse().ok(),
        id: id.to_owned(),
        kind,
        country: (!country.is_empty()).then(|| country.to_owned()),
        coord: lat.parse().ok().zip(lon.parse().ok()),
        population: pop.parse().unwrap_or(0),
        name_en: en.to_owned(),
    }
}

/// A country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// GeoNames id.
    pub geonames_id: u32,
    /// Arabic names, CLDR's first.
    pub names: Vec<String>,
    /// Demonyms (masculine nisba without the article: ليبي, أمريكي).
    pub demonyms: Vec<String>,
    /// English name.
    pub name_en: String,
}

/// The countries, indexed by name and demonym in matching form.
pub struct Countries {
    /// All countries, by ISO code order.
    pub countries: Vec<Country>,
    by_name: FxHashMap<String, u32>,
    by_demonym: FxHashMap<String, u32>,
}

impl Countries {
    fn parse(text: &str) -> Countries {
        let mut c = Countries {
            countries: Vec::new(),
            by_name: FxHashMap::default(),
            by_demonym: FxHashMap::default(),
        };
        for row in crate::tsv_rows(text) {
            let [iso2, _iso3, id, _cap, names, demonyms, en, ..] = row[..] else {
                continue;
            };
            let i = c.countries.len() as u32;
            let split = |s: &str| -> Vec<String> {
                s.split('|')
                    .filter(|x| !x.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let country = Country {
                iso2: iso2.to_owned(),
                geonames_id: id.parse().unwrap_or(0),
                names: split(names),
                demonyms: split(demonyms),
                name_en: en.to_owned(),
            };
            for n in &country.names {
                c.by_name
                    .entry(isnad_text::normalize_for_matching(n))
                    .or_insert(i);
            }
            for d in &country.demonyms {
                c.by_demonym
                    .entry(isnad_text::normalize_for_matching(d))
                    .or_insert(i);
            }
            c.countries.push(country);
        }
        c
    }

    /// The country whose Arabic name (matching form) this is.
    pub fn by_name(&self, name: &str) -> Option<&Country> {
        self.by_name.get(name).map(|&i| &self.countries[i as usize])
    }

    /// The country of a demonym (matching form, masculine, no article: "ليبي").
    pub fn by_demonym(&self, demonym: &str) -> Option<&Country> {
        self.by_demonym
            .get(demonym)
            .map(|&i| &self.countries[i as usize])
    }

    /// The longest country name, in words.
    pub fn max_name_words(&self) -> usize {
        self.by_name
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1)
    }
}

static PLACES_TSV: &str = include_str!("../../../data/gazetteer/places.tsv");
static PLACES_LATIN_TSV: &str = include_str!("../../../data/gazetteer/places_latin.tsv");
static COUNTRIES_TSV: &str = include_str!("../../../data/gazetteer/countries.tsv");

static PLACES: LazyLock<Places> = LazyLock::new(|| Places::parse(PLACES_TSV, PLACES_LATIN_TSV));
static COUNTRIES: LazyLock<Countries> = LazyLock::new(|| Countries::parse(COUNTRIES_TSV));

/// The shipped places.
pub fn places() -> &'static Places {
    &PLACES
}

/// The shipped countries.
pub fn countries() -> &'static Countries {
    &COUNTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        isnad_text::normalize_for_matching(s)
    }

    #[test]
    fn tripoli_is_in_libya_and_lebanon() {
        let p = places();
        let hits: Vec<&Place> = p.lookup(&n("طرابلس")).iter().map(|&i| p.get(i)).collect();
        assert!(hits
            .iter()
            .any(|x| x.geonames_id == Some(2210247) && x.country.as_deref() == Some("LY")));
        assert!(hits
            .iter()
            .any(|x| x.kind == PlaceKind::City && x.country.as_deref() == Some("LB")));
    }

    #[test]
    fn countries_have_centroids_and_divisions_exist() {
        let p = places();
        let libya = p
            .lookup(&n("ليبيا"))
            .iter()
            .map(|&i| p.get(i))
            .find(|x| x.kind == PlaceKind::Country)
            .unwrap();
        let (lat, lon) = libya.coord.unwrap();
        assert!(
            (lat - 27.0).abs() < 2.0 && (lon - 17.0).abs() < 2.0,
            "{lat},{lon}"
        );
        assert!(p
            .lookup(&n("الجفرة"))
            .iter()
            .any(|&i| p.get(i).kind == PlaceKind::Admin1));
        assert!(p.latin.iter().any(|l| l.place.geonames_id == Some(2210221)));
        assert!(p.names() > 20_000);
    }

    #[test]
    fn countries_by_name_and_demonym() {
        let c = countries();
        assert_eq!(c.by_name(&n("ليبيا")).unwrap().iso2, "LY");
        assert_eq!(c.by_name(&n("الولايات المتحدة")).unwrap().iso2, "US");
        assert_eq!(c.by_demonym(&n("ليبي")).unwrap().iso2, "LY");
        assert_eq!(c.by_demonym(&n("أميركي")).unwrap().iso2, "US");
        assert!(c.max_name_words() >= 3);
    }
}
