//! Measurements of one line, taken once and read by every classifier.

use crate::hash::FxHashSet;
use crate::lexicon::{lowercase, push_lowercase};
use crate::wordset::WordTable;

/// A stopword list as [`measure`] consults it, one lower-case word at a
/// time: the public hash set, or the lexicon's faster [`WordTable`].
pub(crate) trait StopList {
    /// True when `word` is on the list.
    fn holds(&self, word: &str) -> bool;
}

impl StopList for FxHashSet<&'static str> {
    #[inline]
    fn holds(&self, word: &str) -> bool {
        self.contains(word)
    }
}

impl StopList for WordTable<'_, ()> {
    #[inline]
    fn holds(&self, word: &str) -> bool {
        self.contains(word)
    }
}

/// The writing system most of a line's letters belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Latin letters (including Vietnamese).
    Latin,
    /// Greek.
    Greek,
    /// Cyrillic.
    Cyrillic,
    /// Arabic or Hebrew.
    Semitic,
    /// Chinese, Japanese: no spaces between words.
    Cjk,
    /// Korean Hangul: spaces between words.
    Hangul,
    /// Anything else (Devanagari, Thai...).
    Other,
    /// No letters at all.
    None,
}

/// Measurements of one line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Features {
    /// Characters (not bytes).
    pub chars: usize,
    /// Word count; for unspaced scripts, ideographs / 2, a rough equivalent.
    pub words: usize,
    /// Letters.
    pub letters: usize,
    /// Digits.
    pub digits: usize,
    /// Words whose first letter is upper case, among words starting with a
    /// cased letter.
    pub capitalized: usize,
    /// Words starting with a cased letter.
    pub cased_words: usize,
    /// Stopwords among the words, when the language has a list.
    pub stopwords: Option<usize>,
    /// The line ends a sentence: `.`, `!`, `?`, `。`, `؟`... (closing quotes
    /// and brackets skipped).
    pub ends_sentence: bool,
    /// Sentence punctuation anywhere inside (a full stop followed by a space,
    /// for instance), so a line holds more than a label.
    pub inner_sentences: usize,
    /// Commas and other in-sentence punctuation.
    pub commas: usize,
    /// The dominant script.
    pub script: Option<Script>,
    /// The line holds a URL.
    pub has_url: bool,
    /// The line in lower case (`str::to_lowercase`), computed once for the
    /// classifiers that match phrases; `None` for lines of more than
    /// [`LOWERED_MAX_WORDS`] words. Read it through
    /// [`crate::classify::Doc::lowered`], which lowers longer lines on
    /// demand.
    pub lowered: Option<String>,
}

/// Lines of up to this many words get [`Features::lowered`]: the longest
/// line a phrase classifier looks at (boilerplate's limit).
pub const LOWERED_MAX_WORDS: usize = 40;

impl Features {
    /// Share of stopwords among words, if known.
    pub fn stopword_share(&self) -> Option<f32> {
        let stop = self.stopwords?;
        if self.words == 0 {
            return Some(0.0);
        }
        Some(stop as f32 / self.words as f32)
    }

    /// Share of capitalised words among cased words: high for headlines in
    /// English title case, for names and for menus.
    pub fn capital_share(&self) -> f32 {
        if self.cased_words == 0 {
            0.0
        } else {
            self.capitalized as f32 / self.cased_words as f32
        }
    }

    /// A line that reads like a headline or a link: a few words, no final
    /// full stop, no inner sentence.
    pub fn is_headline_like(&self) -> bool {
        (2..=25).contains(&self.words) && !self.ends_sentence && self.inner_sentences == 0
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '。'
            | '！'
            | '？'
            | '…'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | ';'
            | '．'
            | '։'
            | '።'
            | '။'
            | '។'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '」' | '』' | '》' | '）' | '›' | '*' | '_'
    )
}

fn script_of(c: char) -> Script {
    match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Semitic,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Cjk,
        0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
        _ => Script::Other,
    }
}

/// Letters of a script written without spaces between words (Thai, Lao,
/// Khmer, Myanmar): spaces there part phrases and sentences, not words.
fn writes_no_word_spaces(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Letters per word in the scripts of [`writes_no_word_spaces`], to count
/// words comparable with spaced scripts: a Thai word has two to four
/// letters, vowel signs included (measured on news prose).
const LETTERS_PER_UNSPACED_WORD: usize = 3;

/// Letters per word in Myanmar script, whose syllables stack consonants,
/// medials, vowel signs and tone marks ("ကျောက်" is one syllable of five
/// letters) and whose words run to one or two syllables: with three, a
/// headline of eight words counted as twenty.
const MYANMAR_LETTERS_PER_WORD: usize = 6;

fn is_myanmar(c: char) -> bool {
    ('\u{1000}'..='\u{109F}').contains(&c)
}

/// A line in Thai or Lao with more words than this, and a space between two
/// of its sentences, ends a sentence: no headline is that long (see
/// [`Features::is_headline_like`]).
const UNSPACED_SENTENCE_WORDS: usize = 25;

/// `lower` without leading and trailing apostrophes and hyphens.
#[inline]
fn trim_joiners(lower: &str) -> &str {
    let bytes = lower.as_bytes();
    let plain = |b: u8| b.is_ascii_alphanumeric();
    if bytes.first().copied().is_some_and(plain) && bytes.last().copied().is_some_and(plain) {
        lower
    } else {
        lower.trim_matches(['\'', '’', '-'])
    }
}

/// Classes of the ASCII bytes, as bits, for [`measure_ascii_word`]: one
/// table load per byte instead of a chain of range tests.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
/// `'` and `-`, kept in the lower-case form of a word.
const JOINER: u8 = 8;
/// `,`, `:` and `;`, counted as commas.
const COMMA: u8 = 16;
/// `.`, `!`, `?` and `;`, which end a sentence glued to the next.
const STOP: u8 = 32;

static ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        classes[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            match c {
                b'\'' | b'-' => JOINER,
                b',' | b':' => COMMA,
                b';' => COMMA | STOP,
                b'.' | b'!' | b'?' => STOP,
                _ => 0,
            }
        };
        b += 1;
    }
    classes
};

/// Width of one counter in [`ASCII_COUNTS`].
const COUNT_BITS: usize = 10;
/// The most bytes a packed word of counters can count without a counter
/// overflowing into the next.
const COUNT_MAX: usize = (1 << COUNT_BITS) - 1;

/// For each ASCII byte, one in the counter of each class it is in, the
/// counter of class bit `k` (`LOWER` is bit 0, `STOP` bit 5) at bits
/// `COUNT_BITS * k`: summing a word's entries counts all classes at once.
static ASCII_COUNTS: [u64; 128] = {
    let mut counts = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        let mut k = 0;
        while k < 6 {
            if ASCII_CLASSES[b] & (1 << k) != 0 {
                counts[b] += 1 << (COUNT_BITS * k);
            }
            k += 1;
        }
        b += 1;
    }
    counts
};

/// The per-character counts of one ASCII word, as [`measure_word`] takes
/// them, byte by byte. Returns the first letter, and whether the word is
/// its own lower-case form (only lower-case letters and joiners), so most
/// words need no copy for the stopword lookup.
#[inline]
fn measure_ascii_word(
    word: &[u8],
    f: &mut Features,
    script_counts: &mut [usize; 7],
) -> (Option<char>, bool) {
    // One table load and one add per byte: each class has its own counter
    // in a packed word (see [`ASCII_COUNTS`]), read out once per chunk.
    let mut counts = [0usize; 6];
    for chunk in word.chunks(COUNT_MAX) {
        let mut packed = 0u64;
        for &b in chunk {
            packed += ASCII_COUNTS[usize::from(b & 0x7f)];
        }
        for (k, count) in counts.iter_mut().enumerate() {
            *count += (packed >> (COUNT_BITS * k) & COUNT_MAX as u64) as usize;
        }
    }
    let [lower, upper, digits, joiners, commas, stops] = counts;
    let letters = lower + upper;
    // "end.Start" glued: still a sentence boundary. Not "amazon.com" nor
    // "U.S.A". It needs a capital after a stop, so most words skip the
    // byte-by-byte look.
    let glued = if upper > 0 && stops > 0 {
        let (mut prev, mut before_prev) = (0u8, 0u8);
        let mut glued = 0;
        for &b in word {
            let class = ASCII_CLASSES[usize::from(b & 0x7f)];
            glued +=
                usize::from(class & UPPER != 0 && prev & STOP != 0 && before_prev & LOWER != 0);
            before_prev = prev;
            prev = class;
        }
        glued
    } else {
        0
    };
    f.letters += letters;
    f.digits += digits;
    f.commas += commas;
    f.inner_sentences += glued;
    script_counts[Script::Latin as usize] += letters;
    let first_letter = if letters == 0 {
        None
    } else {
        word.iter()
            .find(|b| b.is_ascii_alphabetic())
            .map(|&b| b as char)
    };
    (first_letter, lower + joiners == word.len())
}

/// The lower-case letters and joiners of an ASCII word, as [`measure_word`]
/// collects them.
fn lower_ascii_word(word: &[u8], lower: &mut String) {
    for &b in word {
        if b.is_ascii_alphabetic() || b == b'\'' || b == b'-' {
            lower.push(b.to_ascii_lowercase() as char);
        }
    }
}

/// A word of `text` starts with `www.` or holds `://`, the words being the
/// runs between whitespace: `://` holds no whitespace, so anywhere in the
/// line it is inside a word. One search per line instead of one per word.
fn has_url(text: &str) -> bool {
    // Byte searches for the first byte of each needle: building a substring
    // searcher per line cost more than the search.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes).any(|at| bytes[at + 1..].starts_with(b"//"))
        || memchr::memchr_iter(b'w', bytes).any(|at| {
            bytes[at..].starts_with(b"www.")
                && text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
}

/// Code points below this have their `is_alphabetic` and `is_numeric`
/// answers in [`CHAR_TABLE`]: Latin, Greek, Cyrillic, Armenian, Hebrew,
/// Arabic, the Indic scripts, Thai, Georgian, Hangul Jamo, Vietnamese.
/// `build.rs` writes the table up to the same bound.
const TABLE_END: u32 = 0x3000;

// Bit sets of the alphabetic and the numeric code points below
// `TABLE_END`, written by `build.rs` from `char::is_alphabetic` and
// `char::is_numeric`, so the answers are the standard library's.
include!(concat!(env!("OUT_DIR"), "/char_table.rs"));

/// The table `build.rs` wrote.
#[inline]
fn char_table() -> &'static [[u64; TABLE_END as usize / 64]; 2] {
    &CHAR_TABLE
}

/// `c.is_alphabetic()`, from the table when `c` is in it.
#[inline]
fn is_alphabetic(c: char, table: &[[u64; TABLE_END as usize / 64]; 2]) -> bool {
    let n = c as u32;
    if n < TABLE_END {
        table[0][n as usize / 64] >> (n % 64) & 1 == 1
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_numeric()`, from the table when `c` is in it.
#[inline]
fn is_numeric(c: char, table: &[[u64; TABLE_END as usize / 64]; 2]) -> bool {
    let n = c as u32;
    if n < TABLE_END {
        table[1][n as usize / 64] >> (n % 64) & 1 == 1
    } else {
        c.is_numeric()
    }
}

/// The per-character counts of one word: letters, scripts, digits, commas,
/// glued sentence ends; its lower-case letters and joiners go to `lower`.
/// Returns the first letter.
fn measure_word(
    word: &str,
    f: &mut Features,
    script_counts: &mut [usize; 7],
    ideographs: &mut usize,
    unpunctuated: &mut [usize; 2],
    lower: &mut String,
) -> Option<char> {
    let mut first_letter = None;
    let mut prev: Option<char> = None;
    let mut before_prev: Option<char> = None;
    let table = char_table();
    for c in word.chars() {
        if is_alphabetic(c, table) {
            f.letters += 1;
            if first_letter.is_none() {
                first_letter = Some(c);
            }
            let s = script_of(c);
            script_counts[s as usize] += 1;
            if s == Script::Cjk {
                *ideographs += 1;
            } else if s == Script::Other && writes_no_word_spaces(c) {
                unpunctuated[usize::from(is_myanmar(c))] += 1;
            }
            push_lowercase(lower, c);
        } else if is_numeric(c, table) {
            f.digits += 1;
        } else if c == '\'' || c == '’' || c == '-' {
            lower.push(c);
        }
        if matches!(c, ',' | '，' | '、' | '،' | ':' | ';') {
            f.commas += 1;
        }
        if let Some(p) = prev
            && is_sentence_end(p)
            && c.is_uppercase()
            && before_prev.is_some_and(char::is_lowercase)
        {
            // "end.Start" glued: still a sentence boundary. Not
            // "amazon.com" nor "U.S.A".
            f.inner_sentences += 1;
        }
        before_prev = prev;
        prev = Some(c);
    }
    first_letter
}

/// The words of a line, as `split_whitespace` gives them.
enum Words<'t> {
    /// An ASCII line, split byte by byte.
    Ascii(AsciiWords<'t>),
    /// Any other line.
    Unicode(std::str::SplitWhitespace<'t>),
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        match self {
            Words::Ascii(words) => words.next(),
            Words::Unicode(words) => words.next(),
        }
    }
}

/// `split_whitespace` for ASCII text: the ASCII characters `char::is_whitespace`
/// accepts are tab, line feed, vertical tab, form feed, carriage return and
/// space.
struct AsciiWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> AsciiWords<'t> {
    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        while self.at < bytes.len() && space(bytes[self.at]) {
            self.at += 1;
        }
        if self.at == bytes.len() {
            return None;
        }
        let start = self.at;
        while self.at < bytes.len() && !space(bytes[self.at]) {
            self.at += 1;
        }
        Some(&self.text[start..self.at])
    }
}

/// Measures `text`. `stopwords` is the document language's list, when there
/// is one; `lower` is a scratch buffer reused across lines to avoid an
/// allocation per word.
pub fn measure(
    text: &str,
    stopwords: Option<&FxHashSet<&'static str>>,
    lower: &mut String,
) -> Features {
    measure_with(text, stopwords, lower)
}

/// [`measure`] with any kind of stopword list; the pipeline passes the
/// lexicon's [`WordTable`]s.
pub(crate) fn measure_with<S: StopList + ?Sized>(
    text: &str,
    stopwords: Option<&S>,
    lower: &mut String,
) -> Features {
    let mut f = Features::default();
    let mut script_counts = [0usize; 7];
    let mut stop = 0usize;
    let mut spaced_words = 0usize;
    let mut ideographs = 0usize;
    // Letters of Thai, Lao, Khmer and Myanmar: no spaces between words, and
    // in Thai and Lao no sentence punctuation either.
    // Letters of Thai, Lao and Khmer, then of Myanmar.
    let mut unpunctuated = [0usize; 2];
    let ascii_line = text.is_ascii();
    let mut words = if ascii_line {
        Words::Ascii(AsciiWords { text, at: 0 })
    } else {
        Words::Unicode(text.split_whitespace())
    };
    while let Some(word) = words.next() {
        spaced_words += 1;
        lower.clear();
        let (first_letter, lower_word) = if ascii_line || word.is_ascii() {
            let (first, own_lower) =
                measure_ascii_word(word.as_bytes(), &mut f, &mut script_counts);
            if own_lower {
                (first, word)
            } else {
                if stopwords.is_some() {
                    lower_ascii_word(word.as_bytes(), lower);
                }
                (first, lower.as_str())
            }
        } else {
            let first = measure_word(
                word,
                &mut f,
                &mut script_counts,
                &mut ideographs,
                &mut unpunctuated,
                lower,
            );
            (first, lower.as_str())
        };
        if let Some(c) = first_letter
            && (c.is_uppercase() || c.is_lowercase())
        {
            f.cased_words += 1;
            if c.is_uppercase() {
                f.capitalized += 1;
            }
        }
        if let Some(list) = stopwords
            && !lower_word.is_empty()
            && list.holds(trim_joiners(lower_word))
        {
            stop += 1;
        }
        if word.len() > 1
            && let Some(last) = word.chars().next_back()
            && is_sentence_end(last)
            && last != '…'
        {
            f.inner_sentences += 1;
        }
    }
    f.has_url = has_url(text);
    f.chars = if ascii_line {
        text.len()
    } else {
        text.chars().count()
    };
    // Unspaced scripts: count two ideographs as a word, so length rules
    // written in words hold for Chinese and Japanese too.
    let [other_unspaced, myanmar] = unpunctuated;
    let unspaced_line = (other_unspaced + myanmar) * 2 > f.letters && f.letters > 0;
    f.words = if ideographs * 2 > f.letters && f.letters > 0 {
        ideographs / 2 + (spaced_words.saturating_sub(1))
    } else if unspaced_line {
        // A Thai word averages about three letters (vowel signs counted).
        other_unspaced.div_ceil(LETTERS_PER_UNSPACED_WORD)
            + myanmar.div_ceil(MYANMAR_LETTERS_PER_WORD)
            + (spaced_words.saturating_sub(1))
    } else {
        spaced_words
    };
    // CJK sentences end with 。 inside the line without a following space.
    if ideographs > 0 {
        f.inner_sentences += text.matches(['。', '！', '？']).count();
    }
    if f.words <= LOWERED_MAX_WORDS {
        f.lowered = Some(if ascii_line {
            text.to_ascii_lowercase()
        } else {
            lowercase(text)
        });
    }
    let last = text.trim_end().chars().rev().find(|c| !is_closer(*c));
    f.ends_sentence = last.is_some_and(is_sentence_end);
    if unspaced_line && !f.ends_sentence && f.inner_sentences == 0 {
        // Thai and Lao end a sentence with a space and nothing else, so
        // punctuation cannot tell prose from a headline: length does. A
        // line longer than any headline ([`Features::is_headline_like`]),
        // with a space between sentences, is prose.
        f.ends_sentence = f.words > UNSPACED_SENTENCE_WORDS && spaced_words > 1;
    }
    if f.ends_sentence && f.inner_sentences > 0 {
        // The final one is counted as the sentence end, not an inner one.
        f.inner_sentences -= 1;
    }
    // Unspaced scripts give whole phrases as "words": a stopword list cannot
    // be matched against them.
    f.stopwords = if ideographs * 2 > f.letters || unspaced_line {
        None
    } else {
        stopwords.map(|_| stop)
    };
    f.script = script_counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .filter(|(_, n)| **n > 0)
        .map(|(i, _)| {
            [
                Script::Latin,
                Script::Greek,
                Script::Cyrillic,
                Script::Semitic,
                Script::Cjk,
                Script::Hangul,
                Script::Other,
            ][i]
        })
        .or(Some(Script::None));
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Features {
        measure(text, None, &mut String::new())
    }

    #[test]
    fn counts_words_and_sentence_end() {
        let f = plain("The council met on Tuesday. It voted « yes ».");
        assert_eq!(f.words, 10);
        assert!(f.ends_sentence);
        assert_eq!(f.inner_sentences, 1);
        assert_eq!(f.script, Some(Script::Latin));
    }

    #[test]
    fn headline_has_no_final_stop() {
        let f = plain("Council votes to rebuild the old bridge");
        assert!(f.is_headline_like());
        assert!(!plain("Council votes to rebuild the old bridge.").is_headline_like());
    }

    #[test]
    fn cjk_words_are_estimated_from_ideographs() {
        let f = plain("市议会周二批准了新的预算方案。");
        assert_eq!(f.script, Some(Script::Cjk));
        assert!(f.words >= 5, "{}", f.words);
        assert!(f.ends_sentence);
    }

    #[test]
    fn myanmar_words_are_estimated_from_longer_syllables() {
        let mut lower = String::new();
        // Eight words or so: "whole village cooperates to dig the old pond
        // again" (58 characters, four spaces).
        let f = measure(
            "ကျေးရွာတစ်ရွာလုံး ပူးပေါင်း၍ ရေကန်ဟောင်းကို ပြန်လည်တူးဖော်",
            None,
            &mut lower,
        );
        assert!((8..=14).contains(&f.words), "{}", f.words);
        // Thai keeps its three letters a word.
        let thai = measure("สหกรณ์ชาวสวนลำไย", None, &mut lower);
        assert_eq!(thai.words, thai.letters.div_ceil(3));
    }

    #[test]
    fn the_char_table_agrees_with_the_standard_library() {
        let table = char_table();
        for c in (0..TABLE_END + 64).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c, table), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c, table), c.is_numeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_words_match_split_whitespace(text in "[ -~\t\n\r\x0b\x0c\x1c\x1f]{0,60}") {
            let mut words = AsciiWords { text: &text, at: 0 };
            let ours: Vec<&str> = std::iter::from_fn(|| words.next()).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn ascii_words_split_like_split_whitespace() {
        for text in [
            "",
            "   ",
            "one",
            " two  words ",
            "a\tb\x0bc\x0cd\re\nf",
            "x\x1cy\x1fz",
        ] {
            let mut words = AsciiWords { text, at: 0 };
            let ours: Vec<&str> = std::iter::from_fn(|| words.next()).collect();
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    /// The per-word URL test `has_url` replaced.
    fn has_url_per_word(text: &str) -> bool {
        text.split_whitespace()
            .any(|word| word.starts_with("www.") || word.contains(':') && word.contains("://"))
    }

    proptest::proptest! {
        #[test]
        fn urls_are_found_per_line_as_per_word(text in "[w. :/a\u{a0}\u{3000}é]{0,30}") {
            proptest::prop_assert_eq!(has_url(&text), has_url_per_word(&text));
        }

        #[test]
        fn stopwords_are_counted_as_on_a_lowered_copy(
            text in "[tThHeE'\u{2019}\\-,.1 aAéÉ]{0,40}"
        ) {
            let list: FxHashSet<&'static str> =
                ["the", "he", "a", "the'", "é", "he-he"].into_iter().collect();
            let counted = measure(&text, Some(&list), &mut String::new()).stopwords;
            let lowered_words = text
                .split_whitespace()
                .map(|word| {
                    word.chars()
                        .filter(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                })
                .filter(|lower| list.contains(lower.trim_matches(['\'', '\u{2019}', '-'])))
                .count();
            proptest::prop_assert_eq!(counted, Some(lowered_words));
        }
    }

    proptest::proptest! {
        /// The lexicon's word tables count the stopwords the hash sets do,
        /// so the pipeline (tables) measures as the public `measure` (sets).
        #[test]
        fn stopword_tables_measure_as_the_sets(
            words in proptest::collection::vec(
                "[A-Za-z'\u{2019}\\-]{1,12}|the|The|of|dans|Und|\u{c9}t\u{e9}|\u{43d}\u{430}",
                0..14,
            ),
            lang in proptest::sample::select(vec!["en", "fr", "de", "ru", "ar"]),
        ) {
            let lexicon = crate::lexicon::Lexicon::get();
            let text = words.join(" ");
            let set = lexicon.stopwords(lang).expect("a list");
            let table = lexicon.stopword_table(lang).expect("a list");
            proptest::prop_assert_eq!(
                measure(&text, Some(set), &mut String::new()),
                measure_with(&text, Some(table), &mut String::new())
            );
        }
    }

    /// The branchy per-byte loop the class table replaced.
    fn ascii_counts_by_branches(word: &[u8]) -> (usize, usize, usize, usize, bool) {
        let (mut letters, mut digits, mut commas, mut glued) = (0, 0, 0, 0);
        let mut own_lower = true;
        let (mut prev, mut before_prev) = (0u8, 0u8);
        for &b in word {
            if b.is_ascii_alphabetic() {
                letters += 1;
                own_lower &= b.is_ascii_lowercase();
            } else if b.is_ascii_digit() {
                digits += 1;
                own_lower = false;
            } else if b != b'\'' && b != b'-' {
                own_lower = false;
                if matches!(b, b',' | b':' | b';') {
                    commas += 1;
                }
            }
            if matches!(prev, b'.' | b'!' | b'?' | b';')
                && b.is_ascii_uppercase()
                && before_prev.is_ascii_lowercase()
            {
                glued += 1;
            }
            before_prev = prev;
            prev = b;
        }
        (letters, digits, commas, glued, own_lower)
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_class_table_counts_like_the_branches(word in "[ -~]{0,20}") {
            let mut f = Features::default();
            let mut scripts = [0usize; 7];
            let (first, own_lower) = measure_ascii_word(word.as_bytes(), &mut f, &mut scripts);
            proptest::prop_assert_eq!(
                (f.letters, f.digits, f.commas, f.inner_sentences, own_lower),
                ascii_counts_by_branches(word.as_bytes())
            );
            proptest::prop_assert_eq!(first, word.chars().find(char::is_ascii_alphabetic));
        }
    }

    #[test]
    fn packed_counts_do_not_overflow_on_long_words() {
        // Longer than a chunk of COUNT_MAX bytes, all of one class, then
        // every ASCII byte over several chunks.
        let mut words: Vec<Vec<u8>> = [b'a', b'Z', b'7', b'-', b',', b'.', b';']
            .iter()
            .map(|&b| vec![b; 3 * COUNT_MAX + 5])
            .collect();
        words.push((0..5000).map(|i| (i % 128) as u8).collect());
        words.push(b"end.Start".repeat(400));
        for word in words {
            let mut f = Features::default();
            let mut scripts = [0usize; 7];
            let (_, own_lower) = measure_ascii_word(&word, &mut f, &mut scripts);
            assert_eq!(
                (f.letters, f.digits, f.commas, f.inner_sentences, own_lower),
                ascii_counts_by_branches(&word)
            );
        }
    }

    #[test]
    fn urls_are_found_at_word_starts_only() {
        assert!(has_url("see www.example.com"));
        assert!(has_url("www.example.com"));
        assert!(has_url("at\u{a0}www.example.com"));
        assert!(!has_url("awww.example"));
        assert!(has_url("go to https://example.com"));
        assert!(!has_url("Note: nothing here"));
    }

    #[test]
    fn stopwords_are_counted_in_lower_case() {
        let list: FxHashSet<&'static str> = ["the", "of", "a"].into_iter().collect();
        let f = measure("The end of a story", Some(&list), &mut String::new());
        assert_eq!(f.stopwords, Some(3));
        assert_eq!(f.stopword_share(), Some(0.6));
    }
}
