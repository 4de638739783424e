//! Word clusters learned from unlabeled news: words that occur in the same contexts share
//! a cluster, so a name the training data never showed ("تاونسند") can look like names it
//! did.
//!
//! How they are built ([`ClusterBuilder`]): every word stem of the corpus is described by
//! the words around it (one, two positions left and right, among the most frequent
//! words); the co-occurrence counts are weighted by positive pointwise mutual
//! information with context-distribution smoothing (Levy, Goldberg & Dagan 2015);
//! a truncated SVD turns each row into a dense vector; and spherical k-means, applied
//! top-down, cuts the vectors into a tree of `branching`-way splits, `depth` levels
//! deep. A word's cluster is its path in that tree, so prefixes of the path give the
//! coarser clusterings (like the bit-string prefixes of Brown clusters).

use crate::linalg::{normalize_rows, spherical_kmeans, truncated_svd_rows, Csr, Rng};
use rustc_hash::FxHashMap;
use std::fmt::Write as _;

/// The words' paths in the cluster tree.
#[derive(Clone, Debug)]
pub struct Clusters {
    map: FxHashMap<Box<str>, u32>,
    branching: u32,
    depth: u32,
}

/// A cluster file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cluster file, line {line}: {message}")]
pub struct ClusterFileError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Clusters {
    /// No clusters: every lookup fails.
    pub fn empty() -> Clusters {
        Clusters {
            map: FxHashMap::default(),
            branching: 2,
            depth: 1,
        }
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Number of levels of the tree.
    pub fn depth(&self) -> u32 {
        self.depth
    }

    /// The leaf (full path, as a number in base `branching`) of a word stem.
    #[inline]
    pub fn leaf(&self, stem: &str) -> Option<u32> {
        self.map.get(stem).copied()
    }

    /// The cluster of a leaf at `level` (1 = the coarsest split, `depth` = the leaf).
    #[inline]
    pub fn at_level(&self, leaf: u32, level: u32) -> u32 {
        leaf / self.branching.pow(self.depth - level.min(self.depth))
    }

    /// Parses the file written by [`Clusters::to_tsv`]: a header line
    /// `# clusters branching=B depth=D ...`, then `word<TAB>path` lines, the path being
    /// `depth` digits in base `branching`.
    pub fn parse(text: &str) -> Result<Clusters, ClusterFileError> {
        let mut lines = text.lines().enumerate();
        let err = |line: usize, message: &str| ClusterFileError {
            line: line + 1,
            message: message.to_string(),
        };
        let (_, header) = lines.next().ok_or_else(|| err(0, "empty file"))?;
        let field = |name: &str| -> Option<u32> {
            header
                .split_whitespace()
                .find_map(|f| f.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
        };
        let (Some(branching), Some(depth)) = (field("branching"), field("depth")) else {
            return Err(err(0, "header must give branching=B and depth=D"));
        };
        if !(2..=10).contains(&branching) || depth == 0 || branching.checked_pow(depth).is_none() {
            return Err(err(0, "unsupported branching or depth"));
        }
        let mut map = FxHashMap::default();
        for (i, line) in lines {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, path) = line.split_once('\t').ok_or_else(|| err(i, "missing tab"))?;
            if path.len() != depth as usize {
                return Err(err(i, "path length differs from depth"));
            }
            let mut leaf = 0u32;
            for d in path.bytes() {
                let d = (d as char)
                    .to_digit(10)
                    .filter(|&d| d < branching)
                    .ok_or_else(|| err(i, "bad path digit"))?;
                leaf = leaf * branching + d;
            }
            map.insert(word.into(), leaf);
        }
        Ok(Clusters {
            map,
            branching,
            depth,
        })
    }

    /// Writes the cluster file; `words` gives the order (most frequent first reads best),
    /// words without a cluster are skipped.
    pub fn to_tsv<'a>(&self, words: impl IntoIterator<Item = &'a str>, comment: &str) -> String {
        let mut out = format!(
            "# clusters branching={} depth={} words={} {comment}\n",
            self.branching,
            self.depth,
            self.map.len()
        );
        for w in words {
            if let Some(&leaf) = self.map.get(w) {
                let mut digits = vec![0u32; self.depth as usize];
                let mut x = leaf;
                for d in digits.iter_mut().rev() {
                    *d = x % self.branching;
                    x /= self.branching;
                }
                out.push_str(w);
                out.push('\t');
                for d in digits {
                    let _ = write!(out, "{d}");
                }
                out.push('\n');
            }
        }
        out
    }
}

/// How to build clusters.
#[derive(Clone, Debug)]
pub struct ClusterParams {
    /// Words seen fewer times get no cluster.
    pub min_count: u64,
    /// Number of most frequent words used as contexts.
    pub context_words: usize,
    /// Context positions on each side.
    pub window: usize,
    /// Dimensions of the word vectors.
    pub dims: usize,
    /// Children of each node of the cluster tree.
    pub branching: u32,
    /// Levels of the tree.
    pub depth: u32,
    /// Random seed.
    pub seed: u64,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            min_count: 10,
            context_words: 10_000,
            window: 2,
            dims: 100,
            branching: 8,
            depth: 4,
            seed: 20_200_623,
        }
    }
}

const SENTENCE_BREAK: u32 = u32::MAX;

/// Collects a corpus (as sequences of word stems and other tokens) and clusters it.
#[derive(Default)]
pub struct ClusterBuilder {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    counts: Vec<u64>,
    /// Whether the symbol may get a cluster (a word, not punctuation or a number).
    clusterable: Vec<bool>,
    corpus: Vec<u32>,
}

impl ClusterBuilder {
    /// An empty builder.
    pub fn new() -> ClusterBuilder {
        ClusterBuilder::default()
    }

    /// Number of symbols read so far.
    pub fn tokens(&self) -> usize {
        self.corpus.len()
    }

    /// Adds one sentence: `(symbol, clusterable)` pairs, where a symbol is a word stem (to
    /// be clustered) or a stand-in for punctuation and numbers (context only).
    pub fn add_sentence<'a>(&mut self, symbols: impl IntoIterator<Item = (&'a str, bool)>) {
        for (s, clusterable) in symbols {
            let id = match self.ids.get(s) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(s.into(), id);
                    self.words.push(s.into());
                    self.counts.push(0);
                    self.clusterable.push(clusterable);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.corpus.push(id);
        }
        self.corpus.push(SENTENCE_BREAK);
    }

    /// Clusters the words seen at least `min_count` times. `log` receives progress lines.
    pub fn build(&self, p: &ClusterParams, log: &mut dyn FnMut(&str)) -> (Clusters, Vec<&str>) {
        let mut rng = Rng::new(p.seed);
        // Symbols by decreasing frequency.
        let mut by_freq: Vec<u32> = (0..self.words.len() as u32).collect();
        by_freq.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        let mut ctx_of = vec![u32::MAX; self.words.len()];
        for (i, &w) in by_freq.iter().take(p.context_words).enumerate() {
            ctx_of[w as usize] = i as u32;
        }
        let targets: Vec<u32> = by_freq
            .iter()
            .copied()
            .filter(|&w| self.counts[w as usize] >= p.min_count && self.clusterable[w as usize])
            .collect();
        let mut row_of = vec![u32::MAX; self.words.len()];
        for (i, &w) in targets.iter().enumerate() {
            row_of[w as usize] = i as u32;
        }
        log(&format!(
            "{} tokens, {} distinct symbols, {} words to cluster, {} context words",
            self.corpus.len(),
            self.words.len(),
            targets.len(),
            p.context_words.min(self.words.len())
        ));
        // Co-occurrence pairs (row, column) packed in u64, counted by sorting.
        let cols = 2 * p.window * p.context_words;
        let mut pairs: Vec<u64> = Vec::with_capacity(self.corpus.len() * 2 * p.window / 2);
        let c = &self.corpus;
        for i in 0..c.len() {
            let w = c[i];
            if w == SENTENCE_BREAK || row_of[w as usize] == u32::MAX {
                continue;
            }
            let row = row_of[w as usize] as u64;
            for d in 1..=p.window {
                for (side, j) in [(0usize, i.checked_sub(d)), (1, Some(i + d))] {
                    let Some(j) = j.filter(|&j| j < c.len()) else {
                        continue;
                    };
                    // Contexts do not cross a sentence break.
                    let lo = i.min(j);
                    let hi = i.max(j);
                    if c[lo..=hi].contains(&SENTENCE_BREAK) {
                        continue;
                    }
                    let ctx = ctx_of[c[j] as usize];
                    if ctx == u32::MAX {
                        continue;
                    }
                    let col = ((side * p.window + d - 1) * p.context_words) as u64 + ctx as u64;
                    pairs.push(row << 32 | col);
                }
            }
        }
        pairs.sort_unstable();
        log(&format!("{} co-occurrences", pairs.len()));
        // Counts per pair, row totals and (smoothed) column totals.
        let mut entries: Vec<(u32, u32, f32)> = Vec::new();
        let mut row_tot = vec![0f64; targets.len()];
        let mut col_tot = vec![0f64; cols];
        let mut k = 0;
        while k < pairs.len() {
            let mut e = k;
            while e < pairs.len() && pairs[e] == pairs[k] {
                e += 1;
            }
            let (r, cc) = ((pairs[k] >> 32) as u32, pairs[k] as u32);
            let n = (e - k) as f64;
            row_tot[r as usize] += n;
            col_tot[cc as usize] += n;
            entries.push((r, cc, n as f32));
            k = e;
        }
        drop(pairs);
        let col_smoothed: Vec<f64> = col_tot.iter().map(|&x| x.powf(0.75)).collect();
        let smooth_total: f64 = col_smoothed.iter().sum();
        let mut m = Csr {
            cols,
            row_ptr: vec![0; targets.len() + 1],
            ..Csr::default()
        };
        for &(r, cc, n) in &entries {
            let pc = col_smoothed[cc as usize] / smooth_total;
            let pmi = (n as f64 / (row_tot[r as usize] * pc)).ln();
            if pmi > 0.0 {
                m.col.push(cc);
                m.val.push(pmi as f32);
                m.row_ptr[r as usize + 1] += 1;
            }
        }
        for r in 0..targets.len() {
            m.row_ptr[r + 1] += m.row_ptr[r];
        }
        log(&format!("PPMI matrix: {} non-zero", m.val.len()));
        let mut vectors = truncated_svd_rows(&m, p.dims, 20, 2, 0.5, &mut rng);
        let dims = p.dims.min(vectors.len() / targets.len().max(1));
        normalize_rows(&mut vectors, dims);
        log("SVD done; clustering");
        // Top-down k-means.
        let mut leaf = vec![0u32; targets.len()];
        let mut stack: Vec<(Vec<usize>, u32)> = vec![((0..targets.len()).collect(), 0)];
        while let Some((members, level)) = stack.pop() {
            if level == p.depth {
                continue;
            }
            let k = p.branching as usize;
            let assign = if members.len() >= 2 * k {
                spherical_kmeans(&vectors, dims, &members, k, 25, &mut rng)
            } else {
                vec![0; members.len()]
            };
            let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
            for (m, a) in members.iter().zip(assign) {
                groups[a].push(*m);
            }
            for (g, group) in groups.into_iter().enumerate() {
                for &m in &group {
                    leaf[m] = leaf[m] * p.branching + g as u32;
                }
                stack.push((group, level + 1));
            }
        }
        let map = targets
            .iter()
            .zip(&leaf)
            .map(|(&w, &l)| (self.words[w as usize].clone(), l))
            .collect();
        let order = targets.iter().map(|&w| &*self.words[w as usize]).collect();
        (
            Clusters {
                map,
                branching: p.branching,
                depth: p.depth,
            },
            order,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_round_trip() {
        let text = "# clusters branching=8 depth=3\nليبيا\t017\nتونس\t016\n";
        let c = Clusters::parse(text).unwrap();
        assert_eq!(c.len(), 2);
        let leaf = c.leaf("ليبيا").unwrap();
        assert_eq!(leaf, 0o17);
        assert_eq!(c.at_level(leaf, 1), 0);
        assert_eq!(c.at_level(leaf, 2), 1);
        assert_eq!(c.at_level(leaf, 3), 0o17);
        assert_eq!(c.at_level(c.leaf("تونس").unwrap(), 2), 1);
        let again = Clusters::parse(&c.to_tsv(["ليبيا", "تونس"], "")).unwrap();
        assert_eq!(again.leaf("تونس"), Some(0o16));
        assert!(Clusters::parse("# clusters branching=8\n").is_err());
        assert!(Clusters::parse("# clusters branching=8 depth=2\nx\t9\n").is_err());
    }

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        // Two kinds of words: cities after "في", verbs after "هو".
        let mut b = ClusterBuilder::new();
        let cities = ["طرابلس", "تونس", "القاهرة", "بغداد", "عمان", "دمشق"];
        let verbs = ["يكتب", "يقرأ", "يعمل", "يدرس", "يلعب", "ينام"];
        for round in 0..40 {
            for (i, c) in cities.iter().enumerate() {
                let v = verbs[(i + round) % verbs.len()];
                b.add_sentence([("ذهب", true), ("الى", true), (*c, true), (".", false)]);
                b.add_sentence([("في", true), (*c, true), ("مدينه", true), (".", false)]);
                b.add_sentence([("هو", true), (v, true), ("الان", true), (".", false)]);
            }
        }
        let p = ClusterParams {
            min_count: 5,
            context_words: 50,
            dims: 4,
            branching: 2,
            depth: 2,
            ..ClusterParams::default()
        };
        let (c, order) = b.build(&p, &mut |_| {});
        assert!(order.contains(&"طرابلس"));
        let top = |w: &str| c.at_level(c.leaf(w).unwrap(), 1);
        assert!(cities.iter().all(|w| top(w) == top(cities[0])));
        assert!(verbs.iter().all(|w| top(w) == top(verbs[0])));
        assert_ne!(top(cities[0]), top(verbs[0]));
    }
}
