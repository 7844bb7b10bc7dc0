//! The text-dump front-end: one line per input line, numbered from 1.

use std::sync::OnceLock;

use memchr::memmem;

use crate::line::Line;

/// Splits a text dump into lines. `\n`, `\r\n` and a lone `\r` all end a
/// line; tabs and runs of whitespace inside a line become one space; leading
/// and trailing whitespace goes. The text is otherwise kept as it was.
pub fn read_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut rest = text;
    let mut n = 0;
    loop {
        n += 1;
        // A byte search: '\n' and '\r' never occur inside a multi-byte
        // character, and a char-pattern search decodes every character.
        let (line, next) = match find_line_end(rest.as_bytes()) {
            Some(at) => {
                let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..at], Some(&rest[at + skip..]))
            }
            None => (rest, None),
        };
        lines.push(Line::new(n, clean(line)));
        match next {
            Some(next) if !next.is_empty() => rest = next,
            _ => break,
        }
    }
    lines
}

/// The position of the first `\n` or `\r`, eight bytes at a time: a word
/// with no zero byte after XOR with either byte is skipped whole (the test
/// may flag a word wrongly, never miss one; flagged words are scanned byte
/// by byte).
fn find_line_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut at = 0;
    while at + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        if has_zero(word ^ (ONES * u64::from(b'\n'))) || has_zero(word ^ (ONES * u64::from(b'\r')))
        {
            break;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|k| at + k)
}

/// True when `text` holds a tab, a no-break or zero-width space, or two
/// spaces in a row (in UTF-8, U+00A0 is C2 A0 and U+200B is E2 80 8B):
/// vectorised searches for the lead bytes and for the double space, where
/// a byte-by-byte pass cost a dozen instructions a byte.
fn needs_folding(text: &str) -> bool {
    static DOUBLE_SPACE: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'\t', 0xC2, 0xE2, bytes).any(|k| match bytes[k] {
        b'\t' => true,
        0xC2 => bytes.get(k + 1) == Some(&0xA0),
        _ => bytes.get(k + 1..k + 3) == Some(&[0x80, 0x8B][..]),
    }) || DOUBLE_SPACE
        .get_or_init(|| memmem::Finder::new(b"  "))
        .find(bytes)
        .is_some()
}

/// Trims and folds whitespace; borrows nothing so the line owns its text.
pub fn clean(line: &str) -> String {
    let trimmed = line.trim();
    if !needs_folding(trimmed) {
        return trimmed.to_string();
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed
        .split(|c: char| c.is_whitespace() || c == '\u{200b}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_numbers() {
        let lines = read_lines("a\r\nb\rc\n\nd");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d"]);
        assert_eq!(lines[4].n, 5);
    }

    #[test]
    fn tabs_and_bom() {
        let lines = read_lines("\u{feff}\tLe\tchat  dort \n");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Le chat dort");
    }

    #[test]
    fn folding_is_detected_bytewise() {
        for (text, folds) in [
            ("plain words", false),
            ("two  spaces", true),
            ("a\ttab", true),
            ("no\u{a0}break", true),
            ("zero\u{200b}width", true),
            ("é à ü ½ € 漢字", false),
            ("trailing space ", false),
        ] {
            assert_eq!(needs_folding(text), folds, "{text:?}");
        }
        assert_eq!(clean("a\u{a0} b\u{200b}c"), "a b c");
    }

    proptest::proptest! {
        #[test]
        fn folding_is_detected_like_a_byte_scan(text in "[a \t\u{a0}\u{200b}\u{2000}\u{20ac}é]{0,30}") {
            let bytes = text.as_bytes();
            let scan = bytes.iter().enumerate().any(|(k, &b)| match b {
                b'\t' => true,
                b' ' => bytes.get(k + 1) == Some(&b' '),
                0xC2 => bytes.get(k + 1) == Some(&0xA0),
                0xE2 => bytes.get(k + 1..k + 3) == Some(&[0x80, 0x8B][..]),
                _ => false,
            });
            proptest::prop_assert_eq!(needs_folding(&text), scan);
        }

        #[test]
        fn line_ends_are_found_like_a_byte_scan(text in "[a-z \r\né]{0,40}") {
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(
                find_line_end(bytes),
                bytes.iter().position(|&b| b == b'\n' || b == b'\r')
            );
        }
    }

    #[test]
    fn line_ends_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'x'; len];
                let want = (at < len).then(|| {
                    bytes[at] = if at % 2 == 0 { b'\n' } else { b'\r' };
                    at
                });
                assert_eq!(find_line_end(&bytes), want, "{len} {at}");
            }
        }
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(read_lines("").is_empty());
    }
}
