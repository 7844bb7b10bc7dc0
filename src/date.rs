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

/// The patterns of dates written in numbers only.
struct NumericPatterns {
    iso: Regex,
    numeric: Regex,
}

/// The patterns of dates with a month name.
struct MonthPatterns {
    day_month_year: Regex,
    month_day_year: Regex,
    year_month_day: Regex,
}

// Each group of patterns is compiled on first use: compiling one costs two
// to five million instructions, and many runs never meet a CJK year sign
// or a line that may name a month.

fn numeric_patterns() -> &'static NumericPatterns {
    static PATTERNS: OnceLock<NumericPatterns> = OnceLock::new();
    PATTERNS.get_or_init(|| NumericPatterns {
        iso: Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").unwrap(),
        // No \b in front: dumps glue dates to words ("Tế21/01/2024").
        numeric: Regex::new(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").unwrap(),
    })
}

fn cjk_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?").unwrap()
    })
}

fn month_patterns() -> &'static MonthPatterns {
    static PATTERNS: OnceLock<MonthPatterns> = OnceLock::new();
    PATTERNS.get_or_init(|| MonthPatterns {
        day_month_year: Regex::new(
            r"\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?([\p{L}\p{M}]+\.?)\s+(?:de\s+)?(\d{4})\b",
        )
        .unwrap(),
        month_day_year: Regex::new(r"([\p{L}\p{M}]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .unwrap(),
        // "2024. április 14." (Hungarian order).
        year_month_day: Regex::new(r"\b(\d{4})\.?\s+([\p{L}\p{M}]+\.?)\s+(\d{1,2})\b").unwrap(),
    })
}

fn time_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?)?").unwrap()
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
    let p = numeric_patterns();
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
        && let Some(c) = cjk_pattern().captures(text)
    {
        consider(found(
            c.get(0).unwrap(),
            valid(num(&c[1]), num(&c[2]), num(&c[3])),
        ));
    }
    let lexicon = Lexicon::get();
    if may_hold_month_name(text, lexicon) {
        month_dates(text, lexicon, consider);
    }
    best
}

/// The dates with a month name in `text`, passed to `consider` in the order
/// [`find_date`] weighs them: day-month-year, month-day-year, then
/// year-month-day, the first match of each whose word is a month.
fn month_dates(text: &str, lexicon: &Lexicon, mut consider: impl FnMut(Option<FoundDate>)) {
    let p = month_patterns();
    let found = |m: regex::Match, ymd: Option<String>| {
        ymd.map(|ymd| FoundDate {
            ymd,
            start: m.start(),
            end: m.end(),
        })
    };
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
}

/// False when no word of `text` can be the month of a date pattern, so
/// [`month_dates`] would find nothing: a quick test before the patterns,
/// which cost thousands of instructions a line.
///
/// A pattern's month is a whole run of letters and marks (`[\p{L}\p{M}]+`
/// with whitespace before it, or, in the month-first pattern, where the
/// leftmost match starts: at the start of a run; a full stop or whitespace
/// after it), looked up lower-cased, with or without one full stop.
/// This reads the runs made of characters surely in that class, split at
/// characters surely not in it; any other character (a mark, a symbol, a
/// script outside the blocks below, a capital sigma whose lower case
/// depends on its neighbours) answers true, as the patterns may then read
/// runs this cannot.
fn may_hold_month_name(text: &str, lexicon: &Lexicon) -> bool {
    let mut word = String::new();
    for c in text.chars() {
        if is_surely_letter(c) {
            if c == 'Σ' {
                return true;
            }
            word.extend(c.to_lowercase());
        } else if is_surely_not_letter(c) {
            if !word.is_empty() {
                if lexicon.is_month_stem(&word) {
                    return true;
                }
                word.clear();
            }
        } else {
            return true;
        }
    }
    !word.is_empty() && lexicon.is_month_stem(&word)
}

/// `c` is in `[\p{L}\p{M}]`: an ASCII letter, or an alphabetic character
/// of the Latin, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic, Syriac,
/// Thaana and N'Ko blocks or of Latin Extended Additional and Greek
/// Extended. Blocks whose newest letters the standard library may know
/// before the regex crate's tables do are left out; a test checks the
/// two agree on these.
fn is_surely_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c as u32, 0x80..0x800 | 0x1E00..0x2000) && c.is_alphabetic())
}

/// `c` is not in `[\p{L}\p{M}]`: whitespace, ASCII other than letters,
/// and the punctuation and symbols news sites put around dates.
fn is_surely_not_letter(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_alphabetic())
        || c.is_whitespace()
        || matches!(
            c,
            '‘' | '’' | '“' | '”' | '«' | '»' | '–' | '—' | '•' | '·' | '…' | '©'
        )
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
    time_pattern().replace_all(&rest, " ").into_owned()
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
            let p = numeric_patterns();
            proptest::prop_assert_eq!(spans_by_token(&p.iso, &text), spans(&p.iso, &text));
            proptest::prop_assert_eq!(spans_by_token(&p.numeric, &text), spans(&p.numeric, &text));
        }

        #[test]
        fn dates_found_by_stretch_match_on_date_shapes(
            text in "([a-zé ]{0,3}[0-9٢]{1,5}[-/.]{1,2}[0-9]{1,3}[-/.T]{1,2}[0-9٢]{1,5}[ a\u{a0}]{0,2}){1,3}"
        ) {
            let p = numeric_patterns();
            proptest::prop_assert_eq!(spans_by_token(&p.iso, &text), spans(&p.iso, &text));
            proptest::prop_assert_eq!(spans_by_token(&p.numeric, &text), spans(&p.numeric, &text));
        }
    }

    #[test]
    fn surely_letters_and_surely_not_letters_agree_with_the_pattern_class() {
        let class = Regex::new(r"^[\p{L}\p{M}]$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let in_class = class.is_match(c.encode_utf8(&mut buf));
            if is_surely_letter(c) {
                assert!(in_class, "{c:?} U+{:04X}", c as u32);
            }
            if is_surely_not_letter(c) {
                assert!(!in_class, "{c:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn month_names_are_seen_before_the_patterns() {
        let lexicon = Lexicon::get();
        for text in [
            "March 3, 2024",
            "3 mar. 2024",
            "Publié le 21 janvier 2024",
            "12 de marzo de 2024",
            "2024. április 14.",
            "5 сентября 2024",
        ] {
            assert!(may_hold_month_name(text, lexicon), "{text}");
        }
        for text in ["12/03/2024", "© 2024 Example Inc.", "Posted 2024 by staff"] {
            assert!(!may_hold_month_name(text, lexicon), "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// Skipping the month patterns when no month name may be there
        /// loses no date: they find none.
        #[test]
        fn month_dates_need_a_possible_month_name(
            parts in proptest::collection::vec((
                proptest::sample::select(vec![
                    "March", "mar", "Mar.", "MAY", "may", "Sept.", "janv.", "März", "marzo",
                    "április", "μαΐου", "ΜΑΐΟΥ", "ΜΆΙΟΣ", "Σ", "ς", "января", "ЯНВАРЯ",
                    "सितंबर", "e\u{301}", "İ", "ǅ", "x", "abc", "de", "3", "12", "2024",
                    "年", "ª", "xMay", "May’", "©May", "",
                ]),
                proptest::sample::select(vec![
                    " ", "  ", "\u{a0}", "\t", ". ", ", ", "-", "/", "’", "", "er ", "th ",
                    "º ",
                ]),
                proptest::sample::select(vec!["3", "12", "03", "2024", "1999", "٢٠٢٤", "١٢", ""]),
                proptest::sample::select(vec![" ", ", ", ". ", "", " de ", "/"]),
            ), 1..5)
        ) {
            let text: String = parts
                .iter()
                .flat_map(|(a, b, c, d)| [*a, *b, *c, *d])
                .collect();
            let lexicon = Lexicon::get();
            if !may_hold_month_name(&text, lexicon) {
                let mut found = Vec::new();
                month_dates(&text, lexicon, |d| found.extend(d));
                proptest::prop_assert!(found.is_empty(), "{:?} in {:?}", found, text);
            }
        }
    }

    #[test]
    fn no_date_in_plain_numbers() {
        assert_eq!(ymd("The 2024 budget adds 1500 posts"), None);
        assert_eq!(ymd("31/31/2024"), None);
    }
}
