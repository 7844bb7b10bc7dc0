//! Finding and normalising dates written in the ways news sites write them.

use std::sync::OnceLock;

use regex::Regex;

use crate::lexicon::Lexicon;

/// A date found in a line: where it is and what it says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// YYYY-MM-DD.
    pub ymd: String,
    /// Byte offset of the first character of the date.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
}

struct Patterns {
    iso: Regex,
    numeric: Regex,
    cjk: Regex,
    day_month_year: Regex,
    month_day_year: Regex,
    year_month_day: Regex,
    time: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        iso: Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").unwrap(),
        // No \b in front: dumps glue dates to words ("Tế21/01/2024").
        numeric: Regex::new(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").unwrap(),
        cjk: Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?").unwrap(),
        day_month_year: Regex::new(
            r"\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?([\p{L}\p{M}]+\.?)\s+(?:de\s+)?(\d{4})\b",
        )
        .unwrap(),
        month_day_year: Regex::new(r"([\p{L}\p{M}]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .unwrap(),
        // "2024. április 14." (Hungarian order).
        year_month_day: Regex::new(r"\b(\d{4})\.?\s+([\p{L}\p{M}]+\.?)\s+(\d{1,2})\b").unwrap(),
        time: Regex::new(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?").unwrap(),
    })
}

fn valid(year: u32, month: u32, day: u32) -> Option<String> {
    if !(1990..=2100).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn num(text: &str) -> u32 {
    text.parse().unwrap_or(0)
}

/// Finds the first date in `text`. `month_first` reads an ambiguous
/// `03/04/2024` as March 4 (the American order) instead of April 3.
pub fn find_date(text: &str, month_first: bool) -> Option<FoundDate> {
    // Cheap exit: no date without four digits in a row.
    if !has_year_digits(text) {
        return None;
    }
    let p = patterns();
    let lexicon = Lexicon::get();
    let found = |m: regex::Match, ymd: Option<String>| {
        ymd.map(|ymd| FoundDate {
            ymd,
            start: m.start(),
            end: m.end(),
        })
    };
    let mut best: Option<FoundDate> = None;
    let mut consider = |candidate: Option<FoundDate>| {
        if let Some(c) = candidate
            && best.as_ref().is_none_or(|b| c.start < b.start)
        {
            best = Some(c);
        }
    };
    let found_in = |at: usize, m: regex::Match, ymd: Option<String>| {
        ymd.map(|ymd| FoundDate {
            ymd,
            start: at + m.start(),
            end: at + m.end(),
        })
    };
    if let Some((at, c)) = token_captures(&p.iso, text).next() {
        consider(found_in(
            at,
            c.get(0).unwrap(),
            valid(num(&c[1]), num(&c[2]), num(&c[3])),
        ));
    }
    if let Some((at, c)) = token_captures(&p.numeric, text)
        .find(|(at, c)| !preceded_by_digit(text, at + c.get(0).unwrap().start()))
    {
        let (a, b, year) = (num(&c[1]), num(&c[2]), num(&c[3]));
        let (month, day) = if a > 12 {
            (b, a)
        } else if b > 12 || month_first {
            (a, b)
        } else {
            (b, a)
        };
        consider(found_in(at, c.get(0).unwrap(), valid(year, month, day)));
    }
    // The CJK form needs its year sign.
    if (text.contains('年') || text.contains('년'))
        && let Some(c) = p.cjk.captures(text)
    {
        consider(found(
            c.get(0).unwrap(),
            valid(num(&c[1]), num(&c[2]), num(&c[3])),
        ));
    }
    for c in p.day_month_year.captures_iter(text) {
        let word = c[2].to_lowercase();
        if let Some(month) = lexicon
            .month(&word)
            .or_else(|| lexicon.month(word.trim_end_matches('.')))
        {
            consider(found(
                c.get(0).unwrap(),
                valid(num(&c[3]), month as u32, num(&c[1])),
            ));
            break;
        }
    }
    for c in p.month_day_year.captures_iter(text) {
        let word = c[1].to_lowercase();
        if let Some(month) = lexicon
            .month(&word)
            .or_else(|| lexicon.month(word.trim_end_matches('.')))
        {
            let whole = c.get(0).unwrap();
            consider(found(whole, valid(num(&c[3]), month as u32, num(&c[2]))));
            break;
        }
    }
    for c in p.year_month_day.captures_iter(text) {
        let word = c[2].to_lowercase();
        if let Some(month) = lexicon
            .month(&word)
            .or_else(|| lexicon.month(word.trim_end_matches('.')))
        {
            let whole = c.get(0).unwrap();
            consider(found(whole, valid(num(&c[1]), month as u32, num(&c[3]))));
            break;
        }
    }
    best
}

/// The matches of `re`, the ISO or the numeric pattern, in `text`, with the
/// offset of the stretch each was found in. Their matches hold digits and
/// `-/.` (and a `T`) only, so each lies within a run of text between ASCII
/// whitespace, whose edges are no word characters for `\b` either: running
/// the pattern on the runs that can hold a date (a separator, and six
/// digits unless some may be non-ASCII) finds the same matches, in the same
/// order, as on the whole line. On a line with non-ASCII letters the
/// patterns' `\b` stops the fast engine, and the slow one then paid for
/// every byte.
fn token_captures<'r, 't>(
    re: &'r Regex,
    text: &'t str,
) -> impl Iterator<Item = (usize, regex::Captures<'t>)> + use<'r, 't> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at
                + bytes[at..]
                    .iter()
                    .position(|b| !b.is_ascii_whitespace() && *b != 0x0b)
                    .unwrap_or(bytes.len() - at);
            let end = start
                + bytes[start..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == 0x0b)
                    .unwrap_or(bytes.len() - start);
            at = end;
            let token = &bytes[start..end];
            let digits = token.iter().filter(|b| b.is_ascii_digit()).count();
            if token.iter().any(|b| matches!(b, b'-' | b'/' | b'.'))
                && (digits >= 6 || !token.is_ascii())
            {
                return Some((start, &text[start..end]));
            }
        }
        None
    })
    .flat_map(|(start, token)| re.captures_iter(token).map(move |c| (start, c)))
}

fn preceded_by_digit(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
}

fn has_year_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// `text` with every date and clock time removed, for judging what else a
/// date line says.
pub fn without_dates_and_times(text: &str, date: &FoundDate) -> String {
    let mut rest = String::with_capacity(text.len());
    rest.push_str(&text[..date.start]);
    rest.push(' ');
    rest.push_str(&text[date.end..]);
    patterns().time.replace_all(&rest, " ").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> Option<String> {
        find_date(text, false).map(|d| d.ymd)
    }

    #[test]
    fn numeric_dates_are_day_first_unless_impossible() {
        assert_eq!(ymd("Báo Quốc Tế21/01/2024").as_deref(), Some("2024-01-21"));
        assert_eq!(ymd("03.04.2024 14:05").as_deref(), Some("2024-04-03"));
        assert_eq!(ymd("11/20/2019").as_deref(), Some("2019-11-20"));
        assert_eq!(
            find_date("03/04/2024", true).map(|d| d.ymd).as_deref(),
            Some("2024-03-04")
        );
    }

    #[test]
    fn named_months_in_several_languages() {
        assert_eq!(ymd("March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(
            ymd("Publié le 21 janvier 2024").as_deref(),
            Some("2024-01-21")
        );
        assert_eq!(ymd("3. März 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(ymd("12 de marzo de 2024").as_deref(), Some("2024-03-12"));
        assert_eq!(ymd("2024年1月21日").as_deref(), Some("2024-01-21"));
        assert_eq!(ymd("2024-03-12T10:00:00Z").as_deref(), Some("2024-03-12"));
        // Month names written with vowel signs (combining marks).
        assert_eq!(ymd("5 सितंबर 2024").as_deref(), Some("2024-09-05"));
        assert_eq!(ymd("2024. április 14.").as_deref(), Some("2024-04-14"));
        assert_eq!(ymd("in 2024 and 2025"), None);
    }

    /// Match spans of `re` by stretches, as offsets into the whole text.
    fn spans_by_token(re: &Regex, text: &str) -> Vec<(usize, usize)> {
        token_captures(re, text)
            .map(|(at, c)| (at + c.get(0).unwrap().start(), at + c.get(0).unwrap().end()))
            .collect()
    }

    fn spans(re: &Regex, text: &str) -> Vec<(usize, usize)> {
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn dates_found_by_stretch_match_the_whole_line(
            text in "[0-9٢５\\-/. \t\u{a0}\u{b}Taé]{0,30}"
        ) {
            let p = patterns();
            proptest::prop_assert_eq!(spans_by_token(&p.iso, &text), spans(&p.iso, &text));
            proptest::prop_assert_eq!(spans_by_token(&p.numeric, &text), spans(&p.numeric, &text));
        }

        #[test]
        fn dates_found_by_stretch_match_on_date_shapes(
            text in "([a-zé ]{0,3}[0-9٢]{1,5}[-/.]{1,2}[0-9]{1,3}[-/.T]{1,2}[0-9٢]{1,5}[ a\u{a0}]{0,2}){1,3}"
        ) {
            let p = patterns();
            proptest::prop_assert_eq!(spans_by_token(&p.iso, &text), spans(&p.iso, &text));
            proptest::prop_assert_eq!(spans_by_token(&p.numeric, &text), spans(&p.numeric, &text));
        }
    }

    #[test]
    fn no_date_in_plain_numbers() {
        assert_eq!(ymd("The 2024 budget adds 1500 posts"), None);
        assert_eq!(ymd("31/31/2024"), None);
    }
}
