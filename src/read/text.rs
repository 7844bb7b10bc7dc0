//! The text-dump front-end: one line per input line, numbered from 1.

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
        let (line, next) = match rest.bytes().position(|b| b == b'\n' || b == b'\r') {
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

/// True when `text` holds a tab, a no-break or zero-width space, or two
/// spaces in a row: one pass over the bytes (in UTF-8, U+00A0 is C2 A0 and
/// U+200B is E2 80 8B), cheaper than a search per pattern on short lines.
fn needs_folding(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(k, &b)| match b {
        b'\t' => true,
        b' ' => bytes.get(k + 1) == Some(&b' '),
        0xC2 => bytes.get(k + 1) == Some(&0xA0),
        0xE2 => bytes.get(k + 1..k + 3) == Some(&[0x80, 0x8B][..]),
        _ => false,
    })
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

    #[test]
    fn empty_input_has_no_lines() {
        assert!(read_lines("").is_empty());
    }
}
