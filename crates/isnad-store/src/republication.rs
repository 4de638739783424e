//! Republication groups: articles that carry the same story, near-duplicates by their
//! word shingles, with the first publication of each group.
//!
//! Candidate pairs come from LSH banding of the MinHash signatures ([`crate::minhash`]);
//! a pair is kept when its estimated Jaccard similarity is at least [`MIN_SIMILARITY`].
//! Articles are then taken in publication order — by date (publication, else crawl day),
//! then crawl time, then id, a total and repeatable order — and each one joins the group
//! of the most similar earlier *first publication* it is kept with, or starts a group of
//! its own. So every member of a group is a near-copy of the group's first article
//! itself: chains of merely similar articles (the same royal cable template sent to
//! different countries, day after day) do not merge into one group, as connected
//! components would. The group's id is its first article's id.

use crate::minhash::{candidate_pairs, Signature};
use crate::StoreError;
use rusqlite::{params, Transaction};

/// The estimated Jaccard similarity of word 5-shingles above which two articles are
/// taken as copies of one text. Chosen on SaudiNewsNet (README, "Republication"): in
/// random samples of LSH candidate pairs, 24 of 24 pairs at 0.6–0.8 were the same story,
/// but only 9 of 12 at 0.5–0.6 and 8 of 12 at 0.4–0.5, where templated texts about
/// different events (congratulation cables to different heads of state) come in.
pub const MIN_SIMILARITY: f32 = 0.6;

/// Articles with fewer distinct shingles than this are too short to tell a copy from a
/// common phrase.
pub const MIN_SHINGLES: u32 = 8;

/// A band value shared by more articles than this is boilerplate: its members are only
/// chained, not compared pairwise.
const MAX_BUCKET: usize = 200;

struct Member {
    rowid: i64,
    key: (String, String, String),
    signature: Signature,
}

/// Recomputes the `groups` table. Returns (groups, articles in groups).
pub fn group(tx: &Transaction) -> Result<(u64, u64), StoreError> {
    let mut members = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT s.article, s.shingles, s.minhash, a.id, COALESCE(a.date, ''), COALESCE(a.crawled, '')
             FROM signatures s JOIN articles a ON a.rowid = s.article
             WHERE s.shingles >= ?1 ORDER BY s.article",
        )?;
        let rows = st.query_map([MIN_SHINGLES], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (rowid, shingles, bytes, id, date, crawled) = row?;
            if let Some(signature) = Signature::from_bytes(&bytes, shingles) {
                members.push(Member {
                    rowid,
                    key: (date, crawled, id),
                    signature,
                });
            }
        }
    }
    let sigs: Vec<&Signature> = members.iter().map(|m| &m.signature).collect();
    let mut similar: Vec<Vec<(u32, f32)>> = vec![Vec::new(); members.len()];
    for (a, b) in candidate_pairs(&sigs, MAX_BUCKET) {
        let s = sigs[a as usize].similarity(sigs[b as usize]);
        if s >= MIN_SIMILARITY {
            similar[a as usize].push((b, s));
            similar[b as usize].push((a, s));
        }
    }
    let mut order: Vec<u32> = (0..members.len() as u32).collect();
    order.sort_by(|&a, &b| members[a as usize].key.cmp(&members[b as usize].key));
    // The first publication each article is a copy of (itself for a first publication).
    let mut leader: Vec<Option<u32>> = vec![None; members.len()];
    for &i in &order {
        let best = similar[i as usize]
            .iter()
            .filter(|(j, _)| leader[*j as usize] == Some(*j))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
            .map(|(j, _)| *j);
        leader[i as usize] = Some(best.unwrap_or(i));
    }
    let mut components: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for (i, l) in leader.iter().enumerate() {
        if let Some(l) = l {
            components.entry(*l).or_default().push(i as u32);
        }
    }
    tx.execute("DELETE FROM groups", [])?;
    let mut st =
        tx.prepare("INSERT INTO groups (article, grp, first, similarity) VALUES (?1, ?2, ?3, ?4)")?;
    let (mut groups, mut grouped) = (0u64, 0u64);
    for (&first, list) in components.iter().filter(|(_, l)| l.len() >= 2) {
        let f = &members[first as usize];
        groups += 1;
        for &i in list {
            let m = &members[i as usize];
            st.execute(params![
                m.rowid,
                f.key.2,
                f.rowid,
                m.signature.similarity(&f.signature)
            ])?;
            grouped += 1;
        }
    }
    Ok((groups, grouped))
}
