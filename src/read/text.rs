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
        let (line, next) = match rest.find(['\n', '\r']) {
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

/// Trims and folds whitespace; borrows nothing so the line owns its text.
pub fn clean(line: &str) -> String {
    let trimmed = line.trim();
    if !trimmed.contains(['\t', '\u{a0}', '\u{200b}']) && !trimmed.contains("  ") {
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
    fn empty_input_has_no_lines() {
        assert!(read_lines("").is_empty());
    }
}
