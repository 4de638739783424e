//! Stable 64-bit hashing of feature names. Model files store features by these hashes,
//! so the functions must never change for a given model format version.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The SplitMix64 finalizer: spreads the bits of `z` over the whole word.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a byte string (FNV-1a, then mixed).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

/// Hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Combines two hashes (order matters).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The key of feature template `template` with value `value`.
#[inline]
pub fn feature(template: u16, value: u64) -> u64 {
    combine(0x5851_f42d_4c95_7f2d ^ template as u64, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Model files depend on these exact values.
        assert_eq!(hash_str(""), mix(FNV_OFFSET));
        assert_eq!(hash_str("ليبيا"), 0x75c4_2ecf_89bf_b533);
        assert_ne!(feature(1, 2), feature(2, 1));
        assert_ne!(combine(1, 2), combine(2, 1));
    }
}
