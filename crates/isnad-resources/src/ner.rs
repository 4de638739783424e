//! The named-entity recognizer's data: the gazetteer it matches (built from
//! `data/gazetteer/{names,countries,places}.tsv` plus the trigger words of
//! `isnad_ner::triggers`), the word clusters and trigger-context profiles (`data/ner/clusters.tsv.gz`,
//! `data/ner/profiles.tsv.gz`, built by `isnad train clusters`) and the model (`data/ner/model.bin.gz`, built by
//! `isnad train ner`).

use crate::{gunzip, gunzip_bytes, tsv_rows};
use isnad_ner::gazetteer::class;
use isnad_ner::{Clusters, Gazetteer, Model, ModelError, Profiles, Resources, Tagger};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

static NAMES: &str = include_str!("../../../data/gazetteer/names.tsv");
static COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.tsv");
static PLACES: &str = include_str!("../../../data/gazetteer/places.tsv");
static CLUSTERS: &[u8] = include_bytes!("../../../data/ner/clusters.tsv.gz");
static PROFILES: &[u8] = include_bytes!("../../../data/ner/profiles.tsv.gz");
static MODEL: &[u8] = include_bytes!("../../../data/ner/model.bin.gz");

/// Names attested once in the names database are too often noise (its own README says
/// so); they are left out.
const MIN_NAME_COUNT: u32 = 2;

/// Places with at least this many inhabitants count as large cities.
const LARGE_CITY: u64 = 100_000;

/// The inflected forms of a nationality adjective given in the masculine singular
/// ("ليبي" → "ليبية", "ليبيون", "ليبيين"), applied to each of its words.
fn demonym_forms(masculine: &str) -> [String; 4] {
    let inflect = |suffix: &str| {
        masculine
            .split(' ')
            .map(|w| format!("{w}{suffix}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    [
        masculine.to_string(),
        inflect("ة"),
        inflect("ون"),
        inflect("ين"),
    ]
}

/// Every `(phrase, class)` entry of the shipped gazetteer files.
pub fn gazetteer_entries() -> Vec<(String, u8)> {
    let mut out = Vec::new();
    for row in tsv_rows(NAMES) {
        let [name, kind, count, ..] = row[..] else {
            continue;
        };
        if count.parse::<u32>().unwrap_or(0) < MIN_NAME_COUNT {
            continue;
        }
        let c = match kind {
            "given" => class::GIVEN_NAME,
            "family" => class::FAMILY_NAME,
            _ => class::OTHER_NAME,
        };
        out.push((name.to_string(), c));
    }
    for row in tsv_rows(COUNTRIES) {
        let [_, _, _, _, names, demonyms, ..] = row[..] else {
            continue;
        };
        for n in names.split('|').filter(|n| !n.is_empty()) {
            out.push((n.to_string(), class::COUNTRY));
        }
        for d in demonyms.split('|').filter(|d| !d.is_empty()) {
            for form in demonym_forms(d) {
                out.push((form, class::DEMONYM));
            }
        }
    }
    for row in tsv_rows(PLACES) {
        let [_, kind, _, _, _, population, names, ..] = row[..] else {
            continue;
        };
        let c = match kind {
            "city" if population.parse::<u64>().unwrap_or(0) >= LARGE_CITY => class::LARGE_CITY,
            "city" => class::SMALL_CITY,
            "country" => class::COUNTRY,
            "continent" | "region" => class::REGION,
            // First-level divisions are named with common words too often ("العاصمة",
            // "الداخلية"); they are left to the geo stage.
            _ => continue,
        };
        for n in names.split('|').filter(|n| !n.is_empty()) {
            out.push((n.to_string(), c));
        }
    }
    out.extend(isnad_ner::triggers::entries().map(|(w, c)| (w.to_string(), c)));
    out
}

/// Every word of the shipped personal names (those attested at least
/// [`MIN_NAME_COUNT`] times), names of places other than small towns (fewer than
/// [`MIN_TOWN_POPULATION`] people) and country names, normalized
/// (`isnad_text::normalize`), function words left out.
///
/// The entity stage reads it as evidence that a token the clitic segmenter cut as
/// clitic + word is a name of its own: "برهان" is a given name while "رهان" (ب + "رهان")
/// is none, and "بعقوبة" is a city while "عقوبة" is none.
pub fn name_words() -> &'static FxHashSet<String> {
    &NAME_WORDS
}

static NAME_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut out = FxHashSet::default();
    let mut add = |phrase: &str| {
        for w in isnad_text::normalize(phrase).split(' ') {
            if !w.is_empty() && !isnad_ner::function_words::is_function_word(w) {
                out.insert(w.to_string());
            }
        }
    };
    for row in tsv_rows(NAMES) {
        if let [name, _, count, ..] = row[..] {
            if count.parse::<u32>().unwrap_or(0) >= MIN_NAME_COUNT {
                add(name);
            }
        }
    }
    for row in tsv_rows(COUNTRIES) {
        if let [_, _, _, _, names, ..] = row[..] {
            names.split('|').for_each(&mut add);
        }
    }
    // A small town's name is weaker evidence: see `town_words`.
    for row in tsv_rows(PLACES) {
        if let [_, kind, _, _, _, population, names, ..] = row[..] {
            if !is_small_town(kind, population) {
                names.split('|').for_each(&mut add);
            }
        }
    }
    out
});

/// Every word of the names of small towns (fewer than [`MIN_TOWN_POPULATION`] people) that
/// [`name_words`] leaves out, normalized: weak evidence against a clitic reading, which the
/// entity stage takes only when the rest of the word is itself rare. "وشن" is Vashon
/// (Washington, 10,000 people) and far more often "and launched" (شن); "ويندي" is a town
/// too, and "يندي" no word at all.
pub fn town_words() -> &'static FxHashSet<String> {
    &TOWN_WORDS
}

static TOWN_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut out = FxHashSet::default();
    for row in tsv_rows(PLACES) {
        if let [_, kind, _, _, _, population, names, ..] = row[..] {
            if is_small_town(kind, population) {
                for w in isnad_text::normalize(names).split(['|', ' ']) {
                    if !w.is_empty()
                        && !isnad_ner::function_words::is_function_word(w)
                        && !NAME_WORDS.contains(w)
                    {
                        out.insert(w.to_string());
                    }
                }
            }
        }
    }
    out
});

fn is_small_town(kind: &str, population: &str) -> bool {
    kind == "city" && population.parse::<u64>().unwrap_or(0) < MIN_TOWN_POPULATION
}

/// Towns smaller than this do not vouch for a word being a name of its own.
const MIN_TOWN_POPULATION: u64 = 50_000;

/// Countries by name and by nationality adjective: matching key (see
/// `isnad_ner::gazetteer::phrase_key`) → ISO 3166-1 alpha-2 code.
pub struct CountryNames {
    by_name: FxHashMap<String, &'static str>,
    by_demonym: FxHashMap<String, &'static str>,
}

impl CountryNames {
    /// The country a name stands for ("أمريكا", "الولايات المتحدة الأمريكية" → US).
    pub fn by_name(&self, key: &str) -> Option<&'static str> {
        self.by_name.get(key).copied()
    }

    /// The country of a nationality adjective ("الليبي", "الأمريكية" → LY, US).
    pub fn by_demonym(&self, key: &str) -> Option<&'static str> {
        self.by_demonym.get(key).copied()
    }
}

static COUNTRY_INDEX: LazyLock<CountryNames> = LazyLock::new(|| {
    let counts = crate::word_counts();
    let mut c = CountryNames {
        by_name: FxHashMap::default(),
        by_demonym: FxHashMap::default(),
    };
    for row in tsv_rows(COUNTRIES) {
        let [iso2, _, _, _, names, demonyms, ..] = row[..] else {
            continue;
        };
        for n in names.split('|') {
            if let Some(k) = isnad_ner::gazetteer::phrase_key(n, counts) {
                c.by_name.entry(k).or_insert(iso2);
            }
        }
        for d in demonyms.split('|').filter(|d| !d.is_empty()) {
            for form in demonym_forms(d) {
                if let Some(k) = isnad_ner::gazetteer::phrase_key(&form, counts) {
                    c.by_demonym.entry(k).or_insert(iso2);
                }
            }
        }
    }
    c
});

/// Countries by name and nationality adjective, keyed as the gazetteer keys phrases
/// (clitics stripped, inflected forms of the adjectives included).
pub fn country_names() -> &'static CountryNames {
    &COUNTRY_INDEX
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let entries = gazetteer_entries();
    Gazetteer::build(
        entries.iter().map(|(p, c)| (p.as_str(), *c)),
        crate::word_counts(),
    )
});

static CLUSTER_TABLE: LazyLock<Clusters> = LazyLock::new(|| {
    Clusters::parse(&gunzip(CLUSTERS)).expect("the shipped cluster file is well-formed")
});

static PROFILE_TABLE: LazyLock<Profiles> = LazyLock::new(|| {
    Profiles::parse(&gunzip(PROFILES)).expect("the shipped profile file is well-formed")
});

static NER_MODEL: LazyLock<Option<Result<Model, ModelError>>> =
    LazyLock::new(|| (!MODEL.is_empty()).then(|| Model::from_bytes(&gunzip_bytes(MODEL))));

/// The gazetteer the tagger and the entity stage match.
pub fn ner_gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// The shipped word clusters (empty before `isnad train clusters` has been run).
pub fn ner_clusters() -> &'static Clusters {
    &CLUSTER_TABLE
}

/// The shipped trigger-context profiles (empty before `isnad train clusters` has been
/// run).
pub fn ner_profiles() -> &'static Profiles {
    &PROFILE_TABLE
}

/// The resources NER features are computed from.
pub fn ner_resources() -> Resources<'static> {
    Resources {
        counts: crate::word_counts(),
        clusters: ner_clusters(),
        gazetteer: ner_gazetteer(),
        profiles: ner_profiles(),
    }
}

/// The shipped model: `None` when none has been trained yet, an error when it does not
/// fit the shipped resources.
pub fn ner_tagger() -> Option<Result<Tagger<'static>, ModelError>> {
    let model = NER_MODEL.as_ref()?;
    Some(match model {
        Ok(m) => Tagger::new(m, ner_resources()),
        Err(e) => Err(e.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonyms_are_inflected() {
        assert_eq!(
            demonym_forms("ليبي"),
            ["ليبي", "ليبية", "ليبيون", "ليبيين"].map(String::from)
        );
        assert_eq!(demonym_forms("كوري جنوبي")[1], "كورية جنوبية");
    }

    #[test]
    fn gazetteer_knows_the_seed_places_and_titles() {
        let g = ner_gazetteer();
        let counts = crate::word_counts();
        let check = |text: &str, c: u8| {
            let words = isnad_ner::word::phrase_words(text, counts);
            let views: Vec<isnad_ner::Word> = words.iter().map(|w| w.as_word()).collect();
            g.classes_of(&views) & (1 << c) != 0
        };
        assert!(check("ليبيا", class::COUNTRY));
        assert!(check("والولايات المتحدة", class::COUNTRY));
        assert!(check("لطرابلس", class::LARGE_CITY));
        assert!(check("الليبي", class::DEMONYM));
        assert!(check("الأمريكية", class::DEMONYM));
        assert!(check("إفريقيا", class::REGION));
        assert!(check("الوزير", class::PERSON_TITLE));
        assert!(check("محمد", class::GIVEN_NAME));
    }

    #[test]
    fn countries_by_name_and_demonym() {
        let key = |t: &str| isnad_ner::gazetteer::phrase_key(t, crate::word_counts()).unwrap();
        let c = country_names();
        assert_eq!(c.by_name(&key("أمريكا")), Some("US"));
        assert_eq!(c.by_name(&key("والولايات المتحدة الأمريكية")), Some("US"));
        assert_eq!(c.by_name(&key("ليبيا")), Some("LY"));
        assert_eq!(c.by_demonym(&key("الليبية")), Some("LY"));
        assert_eq!(c.by_demonym(&key("الأمريكي")), Some("US"));
        assert_eq!(c.by_demonym(&key("ليبيا")), None);
    }

    #[test]
    fn name_words_know_names_that_look_like_clitic_plus_word() {
        let n = name_words();
        assert!(n.contains("برهان") && !n.contains("رهان"));
        assert!(n.contains("بعقوبه"));
        assert!(!n.contains("في") && !n.contains("او"));
        // Vashon, a town of 10,000, is weak evidence only.
        assert!(!n.contains("وشن") && town_words().contains("وشن"));
    }
}
