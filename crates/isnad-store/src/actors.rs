//! Corpus-level actors: the entities of all articles resolved to people, organisations
//! and places that persist across articles, with stable ids.
//!
//! Entities are first grouped by type and name key ([`isnad_search::name_key`]: the
//! engine's normalization with clitics removed, so "الجُبير" and "والجبير" are one key).
//! Groups are then merged, for persons, on evidence in this order:
//!
//! 1. **Handles**: two names tied to the same social-media handle are one actor.
//! 2. **Transliteration variants**: names of two or more words that differ only in the
//!    long vowels (ا و ي) inside words of five letters or more ("دونالد ترامب" /
//!    "دونالد ترمب"), the way foreign names vary in Arabic spelling.
//! 3. **Partial names**: a name whose words are a part of a fuller name with the same
//!    last word ("باشاغا", "فتحي باشاغا" → "فتحي علي باشاغا"). The evidence is first the
//!    articles themselves — in an article whose entity is "عادل الجبير", a mention "الجبير"
//!    says that "الجبير" refers to him — and then the corpus: a lone family name joins
//!    the one fuller name ending in it, or one that holds 90% of the articles of all such
//!    names. A word used more often as a first name than as a last name ("محمد") never
//!    joins on corpus counts alone: it is too ambiguous.
//!
//! Each actor's id is the id its names had in the previous computation (the store keeps
//! the map), or a hash of its type and main name for a new actor: ids survive re-ingests
//! and the growth of the corpus.

use crate::StoreError;
use isnad_text::WordCounts;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};
use xxhash_rust::xxh3::xxh3_64;

/// Share of the evidence the best candidate needs for a partial name to join it.
const EVIDENCE_SHARE: f64 = 0.75;
/// Share of the articles the best candidate needs when only corpus counts decide.
const CORPUS_SHARE: f64 = 0.9;
/// The shortest word whose inner long vowels are ignored for variants.
const VARIANT_MIN_LETTERS: usize = 5;

/// Names of one type and key.
#[derive(Default)]
struct NameGroup {
    kind: String,
    key: String,
    /// The key that tells this group from others: the name key, and for a place
    /// resolved to a gazetteer entry its reference too (the two Tripolis are two places).
    id_key: String,
    tokens: Vec<String>,
    /// Surface names with the articles using each.
    names: HashMap<String, HashSet<i64>>,
    articles: HashSet<i64>,
    handles: HashSet<String>,
}

struct EntityRow {
    article: i64,
    eid: String,
    group: usize,
    roles: Vec<String>,
    date: String,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The skeleton of a name: the inner ا و ي of every word removed. Names with the same
/// skeleton are variants when [`are_variants`] also holds.
fn skeleton(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| {
            let chars: Vec<char> = t.chars().collect();
            let last = chars.len().saturating_sub(1);
            chars
                .iter()
                .enumerate()
                .filter(|&(i, c)| i == 0 || i == last || !matches!(c, 'ا' | 'و' | 'ي'))
                .map(|(_, c)| *c)
                .collect::<String>()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Two names of the same skeleton are spelling variants when every pair of words that
/// differ has a word of at least five letters: short words differing in a long vowel are
/// different names ("سعيد" / "سعد").
fn are_variants(a: &[String], b: &[String]) -> bool {
    a.len() == b.len()
        && a.len() >= 2
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || x.chars().count().max(y.chars().count()) >= VARIANT_MIN_LETTERS)
}

/// True when `part` is a proper part of `full`: its words appear in `full` in order and
/// both end with the same word.
fn is_part_of(part: &[String], full: &[String]) -> bool {
    if part.len() >= full.len() || part.last() != full.last() {
        return false;
    }
    let mut it = full.iter();
    part.iter().all(|w| it.any(|f| f == w))
}

/// The best of weighted candidates when it holds at least `share` of the total weight.
fn dominant(weights: &HashMap<usize, f64>, share: f64) -> Option<usize> {
    let total: f64 = weights.values().sum();
    let (&best, &w) = weights
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
    (total > 0.0 && w >= share * total).then_some(best)
}

/// Recomputes the actor tables. Returns the number of actors.
pub fn resolve(tx: &Transaction, _counts: &dyn WordCounts) -> Result<u64, StoreError> {
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    let mut rows: Vec<EntityRow> = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT e.article, e.eid, e.type, e.name, e.name_key, e.roles, e.handles, COALESCE(a.date, ''),
                    e.geo_ref
             FROM entities e JOIN articles a ON a.rowid = e.article
             WHERE e.name_key != '' ORDER BY e.article, e.ord",
        )?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let article: i64 = r.get(0)?;
            let kind: String = r.get(2)?;
            let name: String = r.get(3)?;
            let key: String = r.get(4)?;
            let roles: Vec<String> =
                serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default();
            let handles: Vec<String> =
                serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default();
            let id_key = match r.get::<_, Option<String>>(8)? {
                Some(geo) if kind == "LOC" => format!("{key}#{geo}"),
                _ => key.clone(),
            };
            let g = *by_key
                .entry((kind.clone(), id_key.clone()))
                .or_insert_with(|| {
                    groups.push(NameGroup {
                        tokens: key.split(' ').map(str::to_owned).collect(),
                        kind: kind.clone(),
                        key: key.clone(),
                        id_key,
                        ..NameGroup::default()
                    });
                    groups.len() - 1
                });
            let group = &mut groups[g];
            group.names.entry(name).or_default().insert(article);
            group.articles.insert(article);
            group.handles.extend(
                handles
                    .iter()
                    .map(|h| h.trim_start_matches('@').to_lowercase()),
            );
            rows.push(EntityRow {
                article,
                eid: r.get(1)?,
                group: g,
                roles,
                date: r.get(7)?,
            });
        }
    }
    // In-article evidence: mention key → entity key, counted in articles.
    let mut evidence: HashMap<usize, HashMap<usize, HashSet<i64>>> = HashMap::new();
    {
        let mut st = tx.prepare(
            "SELECT DISTINCT m.article, e.type, e.name_key, m.name_key
             FROM mentions m JOIN entities e ON e.article = m.article AND e.ord = m.entity_ord
             WHERE m.name_key != e.name_key AND m.name_key != '' AND e.name_key != ''",
        )?;
        let mut q = st.query([])?;
        while let Some(r) = q.next()? {
            let article: i64 = r.get(0)?;
            let kind: String = r.get(1)?;
            let full = by_key.get(&(kind.clone(), r.get(2)?)).copied();
            let part = by_key.get(&(kind, r.get(3)?)).copied();
            if let (Some(full), Some(part)) = (full, part) {
                if is_part_of(&groups[part].tokens, &groups[full].tokens) {
                    evidence
                        .entry(part)
                        .or_default()
                        .entry(full)
                        .or_default()
                        .insert(article);
                }
            }
        }
    }
    let mut uf = UnionFind((0..groups.len()).collect());
    // 1. Handles.
    let mut by_handle: HashMap<(String, String), usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for h in &group.handles {
            match by_handle.entry((group.kind.clone(), h.clone())) {
                std::collections::hash_map::Entry::Occupied(o) => uf.union(*o.get(), g),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(g);
                }
            }
        }
    }
    // 2. Transliteration variants of persons' full names.
    let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if group.kind == "PER" && group.tokens.len() >= 2 {
            by_skeleton
                .entry(skeleton(&group.tokens))
                .or_default()
                .push(g);
        }
    }
    for bucket in by_skeleton.values() {
        for (i, &a) in bucket.iter().enumerate() {
            for &b in &bucket[i + 1..] {
                if are_variants(&groups[a].tokens, &groups[b].tokens) {
                    uf.union(a, b);
                }
            }
        }
    }
    // 3. Partial names, longest first so that a middle-length name has joined its full
    // name before shorter ones look for candidates.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut first_use: HashMap<&str, usize> = HashMap::new();
    let mut last_use: HashMap<&str, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        if group.kind != "PER" || group.tokens.len() < 2 {
            continue;
        }
        let (first, last) = (&group.tokens[0], &group.tokens[group.tokens.len() - 1]);
        by_last.entry(last.as_str()).or_default().push(g);
        *first_use.entry(first.as_str()).or_default() += group.articles.len();
        *last_use.entry(last.as_str()).or_default() += group.articles.len();
    }
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].kind == "PER")
        .collect();
    order.sort_by_key(|&g| (std::cmp::Reverse(groups[g].tokens.len()), g));
    for g in order {
        let tokens = &groups[g].tokens;
        let mut by_evidence: HashMap<usize, f64> = HashMap::new();
        if let Some(ev) = evidence.get(&g) {
            for (&full, articles) in ev {
                *by_evidence.entry(uf.find(full)).or_default() += articles.len() as f64;
            }
        }
        let own = uf.find(g);
        by_evidence.remove(&own);
        let target = if !by_evidence.is_empty() {
            dominant(&by_evidence, EVIDENCE_SHARE)
        } else {
            let last = tokens[tokens.len() - 1].as_str();
            let given_name = tokens.len() == 1
                && first_use.get(last).copied().unwrap_or(0)
                    >= last_use.get(last).copied().unwrap_or(0);
            if given_name {
                None
            } else {
                let mut by_articles: HashMap<usize, f64> = HashMap::new();
                for &c in by_last.get(last).map(Vec::as_slice).unwrap_or(&[]) {
                    if is_part_of(tokens, &groups[c].tokens) {
                        *by_articles.entry(uf.find(c)).or_default() +=
                            groups[c].articles.len() as f64;
                    }
                }
                by_articles.remove(&own);
                dominant(&by_articles, CORPUS_SHARE)
            }
        };
        if let Some(t) = target {
            uf.union(g, t);
        }
    }
    // Clusters, largest first (they claim their old ids first).
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for g in 0..groups.len() {
        let r = uf.find(g);
        clusters.entry(r).or_default().push(g);
    }
    let mut rows_by_cluster: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let r = uf.find(row.group);
        rows_by_cluster.entry(r).or_default().push(i);
    }
    let mut clusters: Vec<(usize, Vec<usize>)> = clusters.into_iter().collect();
    let articles_of = |members: &[usize]| -> usize {
        members
            .iter()
            .flat_map(|&g| groups[g].articles.iter())
            .collect::<HashSet<_>>()
            .len()
    };
    clusters.sort_by_cached_key(|(r, m)| (std::cmp::Reverse(articles_of(m)), *r));

    for table in [
        "actors",
        "actor_aliases",
        "actor_handles",
        "actor_roles",
        "actor_entities",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut assigned: HashSet<String> = HashSet::new();
    let mut old_id = tx.prepare("SELECT actor FROM actor_ids WHERE type = ?1 AND name_key = ?2")?;
    let mut put_id = tx.prepare(
        "INSERT INTO actor_ids (type, name_key, actor) VALUES (?1, ?2, ?3)
         ON CONFLICT(type, name_key) DO UPDATE SET actor = excluded.actor",
    )?;
    let mut put_actor = tx.prepare(
        "INSERT INTO actors (id, type, name, name_key, articles, first_date, last_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut put_alias = tx.prepare(
        "INSERT OR REPLACE INTO actor_aliases (actor, name, name_key, articles) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut put_handle =
        tx.prepare("INSERT OR IGNORE INTO actor_handles (actor, handle) VALUES (?1, ?2)")?;
    let mut put_role = tx.prepare(
        "INSERT INTO actor_roles (actor, role, first, last, articles) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut put_entity = tx.prepare(
        "INSERT OR REPLACE INTO actor_entities (article, eid, actor) VALUES (?1, ?2, ?3)",
    )?;
    for (root, members) in &clusters {
        let kind = groups[*root].kind.clone();
        // The main name: the most used name of two or more words, else the most used.
        let main = *members
            .iter()
            .max_by_key(|&&g| {
                (
                    groups[g].tokens.len() >= 2,
                    groups[g].articles.len(),
                    groups[g].tokens.len(),
                    std::cmp::Reverse(g),
                )
            })
            .unwrap_or(root);
        let display = groups[main]
            .names
            .iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| groups[main].key.clone());
        // The id: the one most of its articles' names had, if no larger actor took it.
        let mut votes: HashMap<String, usize> = HashMap::new();
        for &g in members {
            let id: Option<String> = old_id
                .query_row(params![kind, groups[g].id_key], |r| r.get(0))
                .optional()?;
            if let Some(id) = id {
                *votes.entry(id).or_default() += groups[g].articles.len();
            }
        }
        let mut votes: Vec<(String, usize)> = votes.into_iter().collect();
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let id = match votes
            .into_iter()
            .map(|(id, _)| id)
            .find(|id| !assigned.contains(id))
        {
            Some(id) => id,
            None => {
                let base = format!(
                    "{:012x}",
                    xxh3_64(format!("{kind}:{}", groups[main].id_key).as_bytes()) >> 16
                );
                let mut id = format!("a{base}");
                let mut n = 1;
                while assigned.contains(&id) {
                    n += 1;
                    id = format!("a{base}-{n}");
                }
                id
            }
        };
        assigned.insert(id.clone());
        let row_ids = rows_by_cluster.get(root).map(Vec::as_slice).unwrap_or(&[]);
        let articles: HashSet<i64> = row_ids.iter().map(|&i| rows[i].article).collect();
        let dates: Vec<&str> = row_ids
            .iter()
            .map(|&i| rows[i].date.as_str())
            .filter(|d| !d.is_empty())
            .collect();
        put_actor.execute(params![
            id,
            kind,
            display,
            groups[main].key,
            articles.len() as i64,
            dates.iter().min(),
            dates.iter().max()
        ])?;
        for &g in members {
            put_id.execute(params![kind, groups[g].id_key, id])?;
            for (name, arts) in &groups[g].names {
                put_alias.execute(params![id, name, groups[g].key, arts.len() as i64])?;
            }
            for h in &groups[g].handles {
                put_handle.execute(params![id, h])?;
            }
        }
        let mut roles: BTreeMap<&str, (String, String, HashSet<i64>)> = BTreeMap::new();
        for &i in row_ids {
            let row = &rows[i];
            put_entity.execute(params![row.article, row.eid, id])?;
            for role in &row.roles {
                let e = roles
                    .entry(role.as_str())
                    .or_insert_with(|| (String::new(), String::new(), HashSet::new()));
                if !row.date.is_empty() {
                    if e.0.is_empty() || row.date < e.0 {
                        e.0 = row.date.clone();
                    }
                    if row.date > e.1 {
                        e.1 = row.date.clone();
                    }
                }
                e.2.insert(row.article);
            }
        }
        for (role, (first, last, arts)) in roles {
            let opt = |s: String| (!s.is_empty()).then_some(s);
            put_role.execute(params![id, role, opt(first), opt(last), arts.len() as i64])?;
        }
    }
    Ok(clusters.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn parts_share_the_last_word_and_keep_order() {
        assert!(is_part_of(&toks("باشاغا"), &toks("فتحي باشاغا")));
        assert!(is_part_of(&toks("فتحي باشاغا"), &toks("فتحي علي باشاغا")));
        assert!(!is_part_of(&toks("فتحي"), &toks("فتحي باشاغا")));
        assert!(!is_part_of(&toks("باشاغا فتحي"), &toks("فتحي علي باشاغا")));
        assert!(!is_part_of(&toks("فتحي باشاغا"), &toks("فتحي باشاغا")));
    }

    #[test]
    fn variants_differ_in_inner_long_vowels_of_long_words_only() {
        let variant = |a: &str, b: &str| {
            skeleton(&toks(a)) == skeleton(&toks(b)) && are_variants(&toks(a), &toks(b))
        };
        assert!(variant("دونالد ترامب", "دونالد ترمب"));
        assert!(variant("فلاديمير بوتين", "فلاديمير بوتن"));
        assert!(!variant("محمد سعيد", "محمد سعد"));
        assert!(!variant("ترامب", "ترمب"));
        assert!(!variant("دونالد ترامب", "دونالد ترامب جونيور"));
    }

    #[test]
    fn dominance_needs_a_clear_majority() {
        let w: HashMap<usize, f64> = [(1, 9.0), (2, 1.0)].into();
        assert_eq!(dominant(&w, 0.9), Some(1));
        let w: HashMap<usize, f64> = [(1, 8.0), (2, 2.0)].into();
        assert_eq!(dominant(&w, 0.9), None);
        assert_eq!(dominant(&HashMap::new(), 0.9), None);
    }
}
