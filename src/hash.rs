//! A fast, non-cryptographic hasher for the lexicon's word sets.
//!
//! The keys are short words from data files compiled into the binary, not
//! attacker-chosen input, so SipHash's protection against hash flooding buys
//! nothing here and costs a fifth of the time spent measuring lines. This is
//! the multiply-rotate scheme of the Firefox / rustc "Fx" hash, eight bytes at
//! a time, with a final multiply so the high bits (which hashbrown uses for
//! its control bytes) depend on every input byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher state.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        (self.hash ^ (self.hash >> 29)).wrapping_mul(SEED)
    }
}

/// The last 1 to 7 bytes of a key as one word, read with fixed-size loads.
/// Copying them into a zeroed buffer instead compiles to a call to `memcpy`
/// with a variable length, which cost more than the hashing itself (most keys
/// are words and class names shorter than eight bytes). The two loads may
/// overlap; with the length mixed in by the caller, every byte still counts.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let low = u32::from_le_bytes(rest[..4].try_into().expect("4 bytes"));
        let high = u32::from_le_bytes(rest[n - 4..].try_into().expect("4 bytes"));
        u64::from(low) | (u64::from(high) << 32)
    } else {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A hash map keyed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A hash set keyed with [`FxHasher`].
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_what_they_hold() {
        let words = ["a", "le", "the", "über", "και", "abcdefgh", "abcdefghi"];
        let set: FxHashSet<&str> = words.into_iter().collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        assert!(!set.contains("b"));
        assert!(!set.contains("abcdefg"));
    }

    #[test]
    fn every_byte_of_a_short_tail_counts() {
        let key = *b"abcdefg";
        for n in 1..=7 {
            let base = tail_word(&key[..n]);
            for i in 0..n {
                let mut changed = key;
                changed[i] = b'z';
                assert_ne!(tail_word(&changed[..n]), base, "length {n}, byte {i}");
            }
        }
    }
}
