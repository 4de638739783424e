//! Near-duplicate detection: MinHash signatures over word shingles, and LSH banding to
//! find candidate pairs without comparing every pair of articles.
//!
//! An article's shingles are its runs of [`SHINGLE`] consecutive exact search terms
//! (normalized words without clitics), so that spelling, diacritics and punctuation do
//! not hide a copy. The fraction of equal values in two signatures of [`HASHES`] minimums
//! estimates the Jaccard similarity of the two shingle sets (standard error below
//! 0.045). Banding the signature into [`BANDS`] bands of [`ROWS`] values makes a pair
//! with similarity `s` a candidate with probability `1 - (1 - s^ROWS)^BANDS`: 0.43 at
//! s = 0.4, 0.92 at 0.6, 0.999 at 0.8.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Values per signature.
pub const HASHES: usize = 128;
/// LSH bands.
pub const BANDS: usize = 32;
/// Values per band.
pub const ROWS: usize = HASHES / BANDS;

/// A MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The minimum of each hash function over the shingles.
    pub mins: Vec<u32>,
    /// Number of distinct shingles (for containment estimates).
    pub shingles: u32,
}

/// A 64-bit finalizer (from MurmurHash3): spreads the bits of `x` so that each seed
/// gives an independent-looking hash function.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The signature of a sequence of words; `None` when it has fewer than [`SHINGLE`] words.
pub fn signature<S: AsRef<str>>(words: &[S]) -> Option<Signature> {
    if words.len() < SHINGLE {
        return None;
    }
    let mut hashes: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = 0u64;
            for word in w {
                h = xxh3_64_with_seed(word.as_ref().as_bytes(), h);
            }
            h
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    let seeds: Vec<u64> = (0..HASHES as u64)
        .map(|i| mix(i.wrapping_add(0x9e37_79b9_7f4a_7c15)))
        .collect();
    let mut mins = vec![u32::MAX; HASHES];
    for &h in &hashes {
        for (m, &seed) in mins.iter_mut().zip(&seeds) {
            let v = (mix(h ^ seed) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    Some(Signature {
        mins,
        shingles: hashes.len() as u32,
    })
}

impl Signature {
    /// The bytes stored in the database (little-endian values).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads stored bytes; `None` when they are not a signature of this size.
    pub fn from_bytes(bytes: &[u8], shingles: u32) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        Some(Signature {
            mins: bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            shingles,
        })
    }

    /// Estimated Jaccard similarity.
    pub fn similarity(&self, other: &Signature) -> f32 {
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f32 / HASHES as f32
    }

    /// The key of each band (the hash of its values, tagged with the band number).
    pub fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.mins.chunks_exact(ROWS).enumerate().map(|(b, rows)| {
            let mut bytes = [0u8; ROWS * 4];
            for (i, v) in rows.iter().enumerate() {
                bytes[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
            }
            xxh3_64_with_seed(&bytes, b as u64)
        })
    }
}

/// The candidate pairs (indices into `signatures`) that share at least one band. A band
/// value shared by more than `max_bucket` signatures (boilerplate) only links each member
/// to the next one, which keeps exact copies together without a quadratic blow-up.
pub fn candidate_pairs(signatures: &[&Signature], max_bucket: usize) -> Vec<(u32, u32)> {
    let mut keys: Vec<(u64, u32)> = Vec::with_capacity(signatures.len() * BANDS);
    for (i, s) in signatures.iter().enumerate() {
        keys.extend(s.band_keys().map(|k| (k, i as u32)));
    }
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for bucket in keys.chunk_by(|a, b| a.0 == b.0) {
        if bucket.len() < 2 {
            continue;
        }
        if bucket.len() > max_bucket {
            pairs.extend(bucket.windows(2).map(|w| (w[0].1, w[1].1)));
            continue;
        }
        for (i, a) in bucket.iter().enumerate() {
            for b in &bucket[i + 1..] {
                pairs.push((a.1.min(b.1), a.1.max(b.1)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    fn exact_jaccard(a: &[String], b: &[String]) -> f32 {
        let sh =
            |w: &[String]| -> HashSet<String> { w.windows(SHINGLE).map(|x| x.join(" ")).collect() };
        let (x, y) = (sh(a), sh(b));
        x.intersection(&y).count() as f32 / x.union(&y).count() as f32
    }

    fn text(n: usize, seed: u64) -> Vec<String> {
        (0..n)
            .map(|i| format!("w{}", mix(seed * 1000 + i as u64) % 5000))
            .collect()
    }

    #[test]
    fn estimate_is_close_to_the_exact_similarity() {
        let a = text(400, 1);
        for cut in [0, 50, 150, 300] {
            let mut b = a.clone();
            b.splice(0..cut, text(cut, 2));
            let (sa, sb) = (signature(&a).unwrap(), signature(&b).unwrap());
            let est = sa.similarity(&sb);
            let exact = exact_jaccard(&a, &b);
            assert!((est - exact).abs() < 0.15, "cut {cut}: {est} vs {exact}");
        }
    }

    #[test]
    fn copies_are_candidates_and_strangers_are_not() {
        let a = text(300, 1);
        let mut copy = a.clone();
        copy[100] = "changed".into();
        let other = text(300, 3);
        let sigs: Vec<Signature> = [&a, &copy, &other]
            .iter()
            .map(|w| signature(w).unwrap())
            .collect();
        let refs: Vec<&Signature> = sigs.iter().collect();
        assert_eq!(candidate_pairs(&refs, 100), vec![(0, 1)]);
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(signature(&words("قال إن الوضع")).is_none());
        let s = signature(&text(50, 9)).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes(), s.shingles), Some(s));
    }
}
