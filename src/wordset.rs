//! A read-only table of words for the per-word lookups of the hot loops
//! (stopwords while measuring lines and scoring language samples).
//!
//! A general hash map hashes the key's bytes, then compares it with the
//! entry's bytes through a `memcmp` call: about a hundred instructions a
//! word, most words being no stopword. Here a word is reduced to two
//! integers read straight from its bytes (see [`key_of`]); for words up to
//! 16 bytes, nearly every stopword, those integers and the length *are* the
//! word, so a probe compares three integers and needs no byte compare.

/// Words of at most this many bytes are identified by their [`Key`] alone.
const EXACT_KEY_LEN: usize = 16;

/// A word reduced to integers: its length, and two loads that together
/// cover every byte of a word of up to [`EXACT_KEY_LEN`] bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    a: u64,
    b: u64,
}

/// The [`Key`] of `word`. The loads overlap for lengths between their sizes
/// (the first and last 8 bytes of a 12-byte word share 4), which still
/// determines the word: given the length, each byte is in one load or both,
/// at a known place.
#[inline]
fn key_of(word: &[u8]) -> Key {
    let len = word.len();
    let (a, b) = if len >= 8 {
        let first = u64::from_le_bytes(word[..8].try_into().expect("8 bytes"));
        let last = u64::from_le_bytes(word[len - 8..].try_into().expect("8 bytes"));
        (first, last)
    } else if len >= 4 {
        let first = u32::from_le_bytes(word[..4].try_into().expect("4 bytes"));
        let last = u32::from_le_bytes(word[len - 4..].try_into().expect("4 bytes"));
        (u64::from(first), u64::from(last))
    } else if len > 0 {
        // One to three bytes: first, middle and last name them all.
        let three =
            u64::from(word[0]) | u64::from(word[len / 2]) << 8 | u64::from(word[len - 1]) << 16;
        (three, 0)
    } else {
        (0, 0)
    };
    Key { len, a, b }
}

/// Spreads a key over the table: two multiplies by odd constants, the high
/// bits taken (they depend on every bit below them).
#[inline]
fn hash(key: Key) -> u64 {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    (key.a ^ (key.len as u64).rotate_right(8)).wrapping_mul(K1) ^ key.b.wrapping_mul(K2)
}

/// One entry of the table; `len == 0` marks an empty slot.
#[derive(Clone)]
struct Slot<'w, V> {
    key: Key,
    /// The word itself, compared only when longer than [`EXACT_KEY_LEN`].
    word: &'w str,
    value: V,
}

/// An immutable map from words to values, built once, looked up often.
/// Open addressing with linear probing, at most a quarter full.
#[derive(Clone)]
pub(crate) struct WordTable<'w, V> {
    slots: Vec<Slot<'w, V>>,
    /// Shift taking a hash's high bits to a slot index.
    shift: u32,
    /// The value of the empty word, which has no slot (an empty slot has
    /// length 0).
    empty: Option<V>,
    /// The longest word's length: longer words are refused at once.
    max_len: usize,
}

impl<'w, V: Copy + Default> WordTable<'w, V> {
    /// A table of `entries`; a word given twice keeps its last value.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'w str, V)>) -> Self {
        let entries: Vec<(&'w str, V)> = entries.into_iter().collect();
        // At most a quarter full: a miss, the usual answer, then ends on an
        // empty slot at the first probe three times in four.
        let size = (entries.len() * 4).next_power_of_two().max(8);
        let mut table = WordTable {
            slots: vec![
                Slot {
                    key: key_of(b""),
                    word: "",
                    value: V::default(),
                };
                size
            ],
            shift: 64 - size.trailing_zeros(),
            empty: None,
            max_len: 0,
        };
        for (word, value) in entries {
            if word.is_empty() {
                table.empty = Some(value);
                continue;
            }
            table.max_len = table.max_len.max(word.len());
            let key = key_of(word.as_bytes());
            let mask = table.slots.len() - 1;
            let mut i = (hash(key) >> table.shift) as usize;
            loop {
                let slot = &mut table.slots[i];
                if slot.key.len == 0 || (slot.key == key && slot.word == word) {
                    *slot = Slot { key, word, value };
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        table
    }

    /// The value of `word`, if the table holds it.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        let len = word.len();
        if len > self.max_len {
            return None;
        }
        if len == 0 {
            return self.empty;
        }
        let key = key_of(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut i = (hash(key) >> self.shift) as usize;
        loop {
            let slot = &self.slots[i];
            if slot.key == key && (len <= EXACT_KEY_LEN || slot.word == word) {
                return Some(slot.value);
            }
            if slot.key.len == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// True when the table holds `word`.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Every word of the table with its value, in no particular order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'w str, V)> + '_ {
        let empty = self.empty.map(|v| ("", v));
        self.slots
            .iter()
            .filter(|s| s.key.len != 0)
            .map(|s| (s.word, s.value))
            .chain(empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn keys_name_short_words_exactly() {
        // Every pair of distinct words up to EXACT_KEY_LEN bytes over a small
        // alphabet has distinct keys.
        let mut words = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for w in &frontier {
                for c in ["a", "b", "é"] {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next.iter().cloned());
            frontier = next;
        }
        let mut seen = HashMap::new();
        for w in &words {
            let k = key_of(w.as_bytes());
            if let Some(other) = seen.insert((k.len, k.a, k.b), w) {
                panic!("{w:?} and {other:?} share a key");
            }
        }
    }

    #[test]
    fn finds_long_and_empty_words() {
        let long = "a-very-long-word-of-more-than-sixteen-bytes";
        let table = WordTable::new([(long, 1u8), ("", 2), ("x", 3)]);
        assert_eq!(table.get(long), Some(1));
        assert_eq!(table.get(""), Some(2));
        assert_eq!(table.get("x"), Some(3));
        // Same first and last eight bytes, same length, another middle.
        assert_eq!(
            table.get("a-very-long-word-OF-more-than-sixteen-bytes"),
            None
        );
        assert_eq!(table.iter().count(), 3);
    }

    proptest::proptest! {
        /// The table answers as a hash map of the same entries, for words
        /// in and out of it, of every length around the load sizes.
        #[test]
        fn agrees_with_a_hash_map(
            words in proptest::collection::vec("[ab\u{e9}\u{3b1}]{0,20}", 0..60),
            probes in proptest::collection::vec("[ab\u{e9}\u{3b1}]{0,20}", 0..60),
        ) {
            let map: HashMap<&str, usize> =
                words.iter().enumerate().map(|(k, w)| (w.as_str(), k)).collect();
            let table = WordTable::new(words.iter().enumerate().map(|(k, w)| (w.as_str(), k)));
            for w in words.iter().chain(&probes) {
                proptest::prop_assert_eq!(table.get(w), map.get(w.as_str()).copied(), "{:?}", w);
            }
            proptest::prop_assert_eq!(table.iter().count(), map.len());
        }
    }
}
