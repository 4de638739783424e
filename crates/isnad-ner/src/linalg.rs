//! The little linear algebra word clustering needs: a sparse matrix, a truncated SVD by
//! randomized range finding (Halko, Martinsson & Tropp 2011) with a Jacobi eigensolver
//! for the small projected problem, and spherical k-means. Single-threaded and
//! deterministic for a given seed.

/// A small deterministic random number generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::hash::mix(self.0)
    }

    /// A uniform number in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform index in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A standard normal number (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.next_f64().max(1e-300);
        let u2 = self.next_f64();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Shuffles a slice (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// A sparse matrix in compressed sparse row form.
#[derive(Clone, Debug, Default)]
pub struct Csr {
    /// Number of columns.
    pub cols: usize,
    /// Start of each row in `col`/`val`, plus the end.
    pub row_ptr: Vec<usize>,
    /// Column of each stored value.
    pub col: Vec<u32>,
    /// The stored values.
    pub val: Vec<f32>,
}

/// A dense matrix stored by columns.
pub type Columns = Vec<Vec<f32>>;

impl Csr {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.row_ptr.len() - 1
    }

    /// `A x` for each column `x` of `xs` (each of length `cols`).
    pub fn mul(&self, xs: &Columns) -> Columns {
        xs.iter()
            .map(|x| {
                (0..self.rows())
                    .map(|r| {
                        let (a, b) = (self.row_ptr[r], self.row_ptr[r + 1]);
                        self.col[a..b]
                            .iter()
                            .zip(&self.val[a..b])
                            .map(|(&c, &v)| v * x[c as usize])
                            .sum()
                    })
                    .collect()
            })
            .collect()
    }

    /// `Aᵀ y` for each column `y` of `ys` (each of length `rows`).
    pub fn mul_t(&self, ys: &Columns) -> Columns {
        ys.iter()
            .map(|y| {
                let mut out = vec![0f32; self.cols];
                for (r, &yr) in y.iter().enumerate() {
                    if yr == 0.0 {
                        continue;
                    }
                    let (a, b) = (self.row_ptr[r], self.row_ptr[r + 1]);
                    for (&c, &v) in self.col[a..b].iter().zip(&self.val[a..b]) {
                        out[c as usize] += v * yr;
                    }
                }
                out
            })
            .collect()
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Orthonormalizes the columns in place (modified Gram-Schmidt, applied twice for
/// stability). Columns that become numerically zero are left as zeros.
pub fn orthonormalize(cols: &mut Columns) {
    for _ in 0..2 {
        for j in 0..cols.len() {
            let (done, rest) = cols.split_at_mut(j);
            let v = &mut rest[0];
            for q in done.iter() {
                let p = dot(q, v);
                for (vi, qi) in v.iter_mut().zip(q) {
                    *vi -= p * qi;
                }
            }
            let n = dot(v, v).sqrt();
            let inv = if n > 1e-20 { 1.0 / n } else { 0.0 };
            for vi in v.iter_mut() {
                *vi *= inv;
            }
        }
    }
}

/// Eigen-decomposition of a symmetric matrix (row-major `n × n`) by cyclic Jacobi
/// rotations: eigenvalues and eigenvectors (as columns of the returned row-major matrix),
/// sorted by decreasing eigenvalue.
pub fn symmetric_eigen(mut a: Vec<f64>, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * n + j] * a[i * n + j])
            .sum();
        let total: f64 = a.iter().map(|x| x * x).sum();
        if off <= 1e-22 * total.max(1e-300) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let akp = a[k * n + p];
                    let akq = a[k * n + q];
                    a[k * n + p] = c * akp - s * akq;
                    a[k * n + q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let apk = a[p * n + k];
                    let aqk = a[q * n + k];
                    a[p * n + k] = c * apk - s * aqk;
                    a[q * n + k] = s * apk + c * aqk;
                }
                for k in 0..n {
                    let vkp = v[k * n + p];
                    let vkq = v[k * n + q];
                    v[k * n + p] = c * vkp - s * vkq;
                    v[k * n + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| a[j * n + j].total_cmp(&a[i * n + i]));
    let values = order.iter().map(|&i| a[i * n + i]).collect();
    let mut vectors = vec![0f64; n * n];
    for (new, &old) in order.iter().enumerate() {
        for k in 0..n {
            vectors[k * n + new] = v[k * n + old];
        }
    }
    (values, vectors)
}

/// The leading `rank` left singular vectors of `a`, each scaled by its singular value
/// raised to `power`, as one dense row per row of `a` (row-major `rows × rank`).
pub fn truncated_svd_rows(
    a: &Csr,
    rank: usize,
    oversample: usize,
    power_iterations: usize,
    power: f32,
    rng: &mut Rng,
) -> Vec<f32> {
    let l = (rank + oversample).min(a.cols).min(a.rows());
    let rank = rank.min(l);
    let omega: Columns = (0..l)
        .map(|_| (0..a.cols).map(|_| rng.normal() as f32).collect())
        .collect();
    let mut q = a.mul(&omega);
    orthonormalize(&mut q);
    for _ in 0..power_iterations {
        let mut z = a.mul_t(&q);
        orthonormalize(&mut z);
        q = a.mul(&z);
        orthonormalize(&mut q);
    }
    // B = Qᵀ A (l × cols), held as Bᵀ = Aᵀ Q; then B Bᵀ = V Λ Vᵀ gives A ≈ (Q V) Σ ...
    let bt = a.mul_t(&q);
    let mut bbt = vec![0f64; l * l];
    for i in 0..l {
        for j in i..l {
            let d: f64 = bt[i]
                .iter()
                .zip(&bt[j])
                .map(|(x, y)| *x as f64 * *y as f64)
                .sum();
            bbt[i * l + j] = d;
            bbt[j * l + i] = d;
        }
    }
    let (values, vectors) = symmetric_eigen(bbt, l);
    let rows = a.rows();
    let mut out = vec![0f32; rows * rank];
    for k in 0..rank {
        let sigma = values[k].max(0.0).sqrt() as f32;
        let scale = sigma.powf(power);
        for (j, qj) in q.iter().enumerate() {
            let c = vectors[j * l + k] as f32 * scale;
            if c == 0.0 {
                continue;
            }
            for (r, &x) in qj.iter().enumerate() {
                out[r * rank + k] += c * x;
            }
        }
    }
    out
}

/// Scales each row (`dims` wide) to unit length; zero rows stay zero.
pub fn normalize_rows(data: &mut [f32], dims: usize) {
    for row in data.chunks_mut(dims) {
        let n = dot(row, row).sqrt();
        if n > 0.0 {
            row.iter_mut().for_each(|x| *x /= n);
        }
    }
}

/// Spherical k-means over unit rows `members` of `data` (`dims` wide): the cluster of
/// each member, in `0..k`. Seeds by k-means++ (cosine distance).
pub fn spherical_kmeans(
    data: &[f32],
    dims: usize,
    members: &[usize],
    k: usize,
    iterations: usize,
    rng: &mut Rng,
) -> Vec<usize> {
    let n = members.len();
    if n <= k {
        return (0..n).collect();
    }
    let row = |i: usize| &data[members[i] * dims..(members[i] + 1) * dims];
    // k-means++ seeding.
    let mut centroids: Vec<Vec<f32>> = vec![row(rng.below(n)).to_vec()];
    let mut dist: Vec<f64> = (0..n)
        .map(|i| (1.0 - dot(row(i), &centroids[0]) as f64).max(0.0))
        .collect();
    while centroids.len() < k {
        let total: f64 = dist.iter().sum();
        let pick = if total <= 0.0 {
            rng.below(n)
        } else {
            let mut r = rng.next_f64() * total;
            let mut pick = n - 1;
            for (i, d) in dist.iter().enumerate() {
                r -= d;
                if r <= 0.0 {
                    pick = i;
                    break;
                }
            }
            pick
        };
        let c = row(pick).to_vec();
        for (i, d) in dist.iter_mut().enumerate() {
            *d = d.min((1.0 - dot(row(i), &c) as f64).max(0.0));
        }
        centroids.push(c);
    }
    let mut assign = vec![usize::MAX; n];
    for _ in 0..iterations {
        let mut changed = 0;
        for (i, a) in assign.iter_mut().enumerate() {
            let r = row(i);
            let best = centroids
                .iter()
                .enumerate()
                .map(|(c, cen)| (c, dot(r, cen)))
                .fold((0, f32::NEG_INFINITY), |b, x| if x.1 > b.1 { x } else { b })
                .0;
            if *a != best {
                *a = best;
                changed += 1;
            }
        }
        let mut sums = vec![vec![0f32; dims]; k];
        for (i, &a) in assign.iter().enumerate() {
            for (s, x) in sums[a].iter_mut().zip(row(i)) {
                *s += x;
            }
        }
        for (c, s) in sums.into_iter().enumerate() {
            let norm = dot(&s, &s).sqrt();
            if norm > 0.0 {
                centroids[c] = s.into_iter().map(|x| x / norm).collect();
            }
        }
        if changed == 0 {
            break;
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_diagonalizes() {
        let a = vec![4.0, 1.0, 0.0, 1.0, 3.0, 0.0, 0.0, 0.0, 1.0];
        let (vals, vecs) = symmetric_eigen(a.clone(), 3);
        assert!(vals[0] >= vals[1] && vals[1] >= vals[2]);
        // A v = λ v for each eigenpair.
        for k in 0..3 {
            for i in 0..3 {
                let av: f64 = (0..3).map(|j| a[i * 3 + j] * vecs[j * 3 + k]).sum();
                assert!((av - vals[k] * vecs[i * 3 + k]).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn svd_recovers_a_low_rank_structure() {
        // Two groups of rows with disjoint column supports: rank 2.
        let mut m = Csr {
            cols: 6,
            row_ptr: vec![0],
            ..Csr::default()
        };
        for r in 0..8 {
            let cols: [u32; 3] = if r < 4 { [0, 1, 2] } else { [3, 4, 5] };
            for c in cols {
                m.col.push(c);
                m.val.push(1.0 + (r % 2) as f32);
            }
            m.row_ptr.push(m.col.len());
        }
        let mut rng = Rng::new(7);
        let mut rows = truncated_svd_rows(&m, 2, 2, 2, 1.0, &mut rng);
        normalize_rows(&mut rows, 2);
        let members: Vec<usize> = (0..8).collect();
        let a = spherical_kmeans(&rows, 2, &members, 2, 10, &mut rng);
        assert!(a[..4].iter().all(|&x| x == a[0]));
        assert!(a[4..].iter().all(|&x| x == a[4]));
        assert_ne!(a[0], a[4]);
    }
}
