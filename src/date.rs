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
    if let Some(c) = p.iso.captures(text) {
        consider(found(
            c.get(0).unwrap(),
            valid(num(&c[1]), num(&c[2]), num(&c[3])),
        ));
    }
    if let Some(c) = p
        .numeric
        .captures_iter(text)
        .find(|c| !preceded_by_digit(text, c.get(0).unwrap().start()))
    {
        let (a, b, year) = (num(&c[1]), num(&c[2]), num(&c[3]));
        let (month, day) = if a > 12 {
            (b, a)
        } else if b > 12 || month_first {
            (a, b)
        } else {
            (b, a)
        };
        consider(found(c.get(0).unwrap(), valid(year, month, day)));
    }
    if let Some(c) = p.cjk.captures(text) {
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

    #[test]
    fn no_date_in_plain_numbers() {
        assert_eq!(ymd("The 2024 budget adds 1500 posts"), None);
        assert_eq!(ymd("31/31/2024"), None);
    }
}
