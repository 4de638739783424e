//! Republication groups: articles that carry the same story, near-duplicates by their
//! word shingles, with the first publication of each group.
//!
//! Candidate pairs come from LSH banding of the MinHash signatures ([`crate::minhash`]);
//! a pair is kept when its estimated Jaccard similarity is at least [`MIN_SIMILARITY`].
//! Groups are the connected components of the kept pairs. The first publication of a
//! group is its earliest article: by date (publication, else crawl day), then crawl time,
//! then id, so that the order is total and the choice repeatable. The group's id is its
//! first article's id.

use crate::minhash::{candidate_pairs, Signature};
use crate::StoreError;
use rusqlite::{params, Transaction};

/// The estimated Jaccard similarity of word 5-shingles above which two articles are
/// taken as copies of one text. Chosen on SaudiNewsNet (see `DATA.md`/README figures):
/// above it, pairs are the same agency story with different headlines, intros or
/// trailing lines; below 0.4 they become different stories on the same topic.
pub const MIN_SIMILARITY: f32 = 0.5;

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

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
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
    let mut parent: Vec<u32> = (0..members.len() as u32).collect();
    for (a, b) in candidate_pairs(&sigs, MAX_BUCKET) {
        if sigs[a as usize].similarity(sigs[b as usize]) >= MIN_SIMILARITY {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
    }
    let mut components: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for i in 0..members.len() as u32 {
        let r = find(&mut parent, i);
        components.entry(r).or_default().push(i);
    }
    tx.execute("DELETE FROM groups", [])?;
    let mut st =
        tx.prepare("INSERT INTO groups (article, grp, first, similarity) VALUES (?1, ?2, ?3, ?4)")?;
    let (mut groups, mut grouped) = (0u64, 0u64);
    for list in components.values().filter(|l| l.len() >= 2) {
        let first = *list
            .iter()
            .min_by(|&&a, &&b| members[a as usize].key.cmp(&members[b as usize].key))
            .unwrap_or(&list[0]);
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
