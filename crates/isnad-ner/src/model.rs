//! A trained model and its compact binary form.
//!
//! Layout (little-endian): the magic `ISNADNER`, format version (u32), the fingerprint
//! of the resources it was trained with (u64), the document window of the second pass
//! (u32), the number of passes (u32); then per pass: the transition scores
//! ((labels + 1) × labels f32), the quantization step (f32), the penalty on `O` (f32), the number of features
//! (u32), the feature keys in increasing order as LEB128 deltas, and the weights as i16
//! multiples of the step, one row of labels per feature. The file is meant to be
//! gzipped, which the deltas and small integers favour.

use crate::label::N_LABELS;
use crate::perceptron::{Scores, Transitions, Weights};

const MAGIC: &[u8; 8] = b"ISNADNER";
const VERSION: u32 = 1;

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Not a model file.
    #[error("not an isnad NER model (bad magic bytes)")]
    BadMagic,
    /// Written by another format version.
    #[error("model format version {0}, this build reads version {VERSION}")]
    Version(u32),
    /// Cut short or inconsistent.
    #[error("truncated or corrupt model file")]
    Corrupt,
    /// Trained with other word clusters or gazetteers than the ones given.
    #[error("the model was trained with other resources (fingerprint {model:#x}, resources {resources:#x}); retrain it with `isnad train ner`")]
    Resources {
        /// The model's fingerprint.
        model: u64,
        /// The fingerprint of the resources given.
        resources: u64,
    },
}

/// A trained tagger: the first pass, and the optional second pass that reads the first
/// pass's labels across the document.
#[derive(Clone, Debug)]
pub struct Model {
    /// Fingerprint of the clusters and gazetteer the model was trained with.
    pub fingerprint: u64,
    /// Sentences on each side that make up a word's document context in the second pass.
    pub window: u32,
    /// First-pass weights.
    pub first: Weights,
    /// Second-pass weights, when trained.
    pub second: Option<Weights>,
}

fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

struct Reader<'a> {
    b: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.b.len() < n {
            return Err(ModelError::Corrupt);
        }
        let (a, rest) = self.b.split_at(n);
        self.b = rest;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            x |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err(ModelError::Corrupt)
    }
}

fn write_weights(out: &mut Vec<u8>, w: &Weights) {
    for row in w.transitions() {
        for &x in row {
            put_u32(out, x.to_bits());
        }
    }
    let entries = w.entries();
    let max = entries
        .iter()
        .flat_map(|(_, r)| r.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let step = if max > 0.0 {
        max / i16::MAX as f32
    } else {
        1.0
    };
    put_u32(out, step.to_bits());
    put_u32(out, w.o_penalty().to_bits());
    put_u32(out, entries.len() as u32);
    let mut prev = 0u64;
    for (k, _) in &entries {
        put_varint(out, k - prev);
        prev = *k;
    }
    for (_, row) in &entries {
        for &x in row.iter() {
            out.extend_from_slice(&((x / step).round() as i16).to_le_bytes());
        }
    }
}

fn read_weights(r: &mut Reader<'_>) -> Result<Weights, ModelError> {
    let mut transitions: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
    for row in transitions.iter_mut() {
        for x in row.iter_mut() {
            *x = r.f32()?;
        }
    }
    let step = r.f32()?;
    let o_penalty = r.f32()?;
    let n = r.u32()? as usize;
    if n > r.b.len() {
        return Err(ModelError::Corrupt);
    }
    let mut keys = Vec::with_capacity(n);
    let mut prev = 0u64;
    for _ in 0..n {
        prev = prev.checked_add(r.varint()?).ok_or(ModelError::Corrupt)?;
        keys.push(prev);
    }
    let raw = r.take(n * N_LABELS * 2)?;
    let entries = keys
        .into_iter()
        .zip(raw.chunks_exact(N_LABELS * 2))
        .map(|(k, bytes)| {
            let mut row: Scores = [0.0; N_LABELS];
            for (x, b) in row.iter_mut().zip(bytes.chunks_exact(2)) {
                *x = i16::from_le_bytes([b[0], b[1]]) as f32 * step;
            }
            (k, row)
        })
        .collect();
    let mut w = Weights::from_entries(entries, transitions);
    w.set_o_penalty(o_penalty);
    Ok(w)
}

impl Model {
    /// The binary form (to be gzipped by the caller).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        put_u32(&mut out, self.window);
        put_u32(&mut out, 1 + self.second.is_some() as u32);
        write_weights(&mut out, &self.first);
        if let Some(s) = &self.second {
            write_weights(&mut out, s);
        }
        out
    }

    /// Reads the binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { b: bytes };
        if r.take(8).map_err(|_| ModelError::BadMagic)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let v = r.u32()?;
        if v != VERSION {
            return Err(ModelError::Version(v));
        }
        let fingerprint = r.u64()?;
        let window = r.u32()?;
        let passes = r.u32()?;
        if !(1..=2).contains(&passes) {
            return Err(ModelError::Corrupt);
        }
        let first = read_weights(&mut r)?;
        let second = if passes == 2 {
            Some(read_weights(&mut r)?)
        } else {
            None
        };
        if !r.b.is_empty() {
            return Err(ModelError::Corrupt);
        }
        Ok(Model {
            fingerprint,
            window,
            first,
            second,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        let mut t: Transitions = [[0.0; N_LABELS]; N_LABELS + 1];
        t[N_LABELS][1] = 0.5;
        t[2][0] = -1.25;
        let mut row = [0.0; N_LABELS];
        row[3] = 2.0;
        row[0] = -0.001;
        let first = Weights::from_entries(vec![(u64::MAX - 3, row), (17, [1.0; N_LABELS])], t);
        Model {
            fingerprint: 0xfeed,
            window: 20,
            first: first.clone(),
            second: Some(first),
        }
    }

    #[test]
    fn round_trip() {
        let m = sample();
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.fingerprint, 0xfeed);
        assert_eq!(back.window, 20);
        assert_eq!(back.first.transitions(), m.first.transitions());
        let e = back.second.as_ref().unwrap().entries();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].0, 17);
        assert!((e[1].1[3] - 2.0).abs() < 1e-3);
        assert!((e[1].1[0] + 0.001).abs() < 1e-3);
    }

    #[test]
    fn refuses_garbage() {
        assert_eq!(
            Model::from_bytes(b"nope").unwrap_err(),
            ModelError::BadMagic
        );
        let mut b = sample().to_bytes();
        b.truncate(b.len() - 3);
        assert_eq!(Model::from_bytes(&b).unwrap_err(), ModelError::Corrupt);
        let mut b = sample().to_bytes();
        b[8] = 9;
        assert_eq!(Model::from_bytes(&b).unwrap_err(), ModelError::Version(9));
    }
}
