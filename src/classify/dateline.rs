//! Date lines and bylines: "21 janvier 2024", "Updated: 03.04.2024 14:05",
//! "Báo Quốc TếBáo Quốc Tế21/01/2024" (a publisher doubled by the dump with
//! the date glued on), "By Jane Doe", "Par Marie Dupont | 12/03/2024".

use super::{Decision, Doc, LineClassifier};
use crate::date::{FoundDate, find_date, without_dates_and_times};
use crate::lexicon::Lexicon;
use crate::line::Label;
use crate::reason::Reason;

/// Claims date lines and bylines.
pub struct Dateline;

/// A date line says little besides the date: at most this many other words
/// ("Published on", a weekday, a place).
const MAX_WORDS_BESIDE_DATE: usize = 5;
/// Words a date line with a byline may have before the date: "Posted",
/// "Published on", "Last updated".
const MAX_WORDS_BEFORE_DATE: usize = 3;
/// A byline names one or two people and maybe a date or an outlet.
const MAX_BYLINE_WORDS: usize = 14;

/// The name after a byline prefix: up to the first separator, made of
/// capitalised words.
fn byline_name(rest: &str) -> Option<&str> {
    let cut = rest
        .find(['|', '•', '·', '/', '\u{2014}', '('])
        .unwrap_or(rest.len());
    let mut name = rest[..cut].trim().trim_end_matches([',', '-', '–']).trim();
    if let Some(comma) = name.find(", ") {
        // "Jane Doe, Reuters" keeps the outlet; "Jane Doe, 3 March" does not.
        if name[comma + 2..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        {
            name = &name[..comma];
        }
    }
    if let Some(date) = find_date(name, false) {
        name = name[..date.start]
            .trim()
            .trim_end_matches([',', '-', '–'])
            .trim();
        // "Rachael Link, MS, RD on November 14": the word that leads into
        // the date ("on", "am", "le") is lower case, a name's last is not.
        while let Some((head, last)) = name.rsplit_once(' ')
            && last.chars().next().is_some_and(char::is_lowercase)
        {
            name = head.trim_end().trim_end_matches([',', '-', '–']).trim();
        }
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 {
        return None;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
        })
        .count();
    (capitalised * 2 > words.len() && capitalised >= 1).then_some(name)
}

/// A byline whose title follows the name, as Korean writes it: one to three
/// name words, a word of `[byline-after]` ("기자"), then at most an e-mail
/// address ("김민지 기자 minji@example.kr"). Returns the name and the title.
pub(super) fn name_before_title<'t>(
    text: &'t str,
    lexicon: &Lexicon,
) -> Option<(&'t str, &'t str)> {
    // At most three name words, the title and an e-mail address: a longer
    // line is no such byline, and most lines are long.
    if !lexicon.may_hold_byline_suffix(text) || text.split_whitespace().nth(5).is_some() {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .take(4)
        .position(|w| lexicon.is_byline_suffix(&w.to_lowercase()))?;
    let after = &words[at + 1..];
    if at == 0 || after.len() > 1 || after.iter().any(|w| !w.contains('@')) {
        return None;
    }
    // The title word's own place: a search for it would stop inside a name
    // that starts with the same letters ("기자현 기자").
    let name_end = words[at].as_ptr() as usize - text.as_ptr() as usize;
    let name = text[..name_end].trim();
    name.chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace())
        .then_some((name, words[at]))
}

/// A byline prefix ("By", "Von") at the start of `text` and the name after
/// it: the prefix's length and the name. The prefix is found in `lowered`
/// (the line in lower case); lower-casing may change byte lengths ("İ"), so
/// the cut is checked on the original.
pub(super) fn prefixed_name<'t>(
    text: &'t str,
    lowered: &str,
    lexicon: &Lexicon,
) -> Option<(usize, &'t str)> {
    let prefix = lexicon.byline_prefix(lowered)?;
    let rest = text.get(prefix.len()..)?;
    // A dash may part the prefix from the name ("ရေးသားသူ - Name").
    byline_name(rest.trim_start_matches([':', '：', ' ', '\u{a0}', '-', '–', '—']))
        .map(|name| (prefix.len(), name))
}

/// "PublisherPublisher" glued before the date: the text before the date is
/// one name written twice.
fn doubled_publisher(before: &str) -> Option<&str> {
    let before = before.trim();
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    if chars.len() < 4 || !chars.len().is_multiple_of(2) {
        return None;
    }
    let half = chars[chars.len() / 2].0;
    let (a, b) = before.split_at(half);
    (a.trim() == b.trim()).then_some(a.trim())
}

impl LineClassifier for Dateline {
    fn name(&self) -> &'static str {
        "dateline"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let text = &doc.lines[i].text;
        let f = &doc.features[i];
        let long = f.words > MAX_BYLINE_WORDS || f.ends_sentence && f.words > 8;
        // Scripts without spaces between words count words from letters: a
        // byline there ("โดย ธนพล บุญมา 12 มีนาคม 2567 ...") is judged by its
        // spaced parts. (In spaced scripts the two counts are the same.)
        if long && (f.ends_sentence || text.split_whitespace().nth(MAX_BYLINE_WORDS).is_some()) {
            return None;
        }
        if let Some((prefix_len, name)) = prefixed_name(text, &doc.lowered(i), doc.lexicon) {
            return Some(
                Decision::fixed(
                    Label::Byline,
                    Reason::BylinePrefix {
                        prefix: text[..prefix_len].to_string(),
                    },
                )
                .with_value(name),
            );
        }
        if long {
            return None;
        }
        if let Some((name, title)) = name_before_title(text, doc.lexicon) {
            return Some(
                Decision::fixed(
                    Label::Byline,
                    Reason::BylineTitle {
                        title: title.to_string(),
                    },
                )
                .with_value(name),
            );
        }
        let month_first = doc.lang == Some("en");
        let FoundDate { ymd, start, end } = find_date(text, month_first)?;
        if let Some(publisher) = doubled_publisher(&text[..start]) {
            return Some(
                Decision::fixed(
                    Label::Date,
                    Reason::PublisherDate {
                        publisher: publisher.to_string(),
                        date: ymd.clone(),
                    },
                )
                .with_value(ymd),
            );
        }
        let rest = without_dates_and_times(
            text,
            &FoundDate {
                ymd: ymd.clone(),
                start,
                end,
            },
        );
        let other_words = rest
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if other_words <= MAX_WORDS_BESIDE_DATE {
            return Some(
                Decision::fixed(Label::Date, Reason::DateLine { date: ymd.clone() })
                    .with_value(ymd),
            );
        }
        // "Posted 28 April 2003 by Jane Doe": a date line that goes on into
        // a byline. The words before the date are a verb at most ("Posted",
        // "Published on"); what follows is a byline prefix and a name.
        let before_words = text[..start].split_whitespace().count();
        let tail = text[end..].trim_start_matches([',', ' ', '\u{a0}', '-', '–', '|', '·']);
        let named = prefixed_name(tail, &tail.to_lowercase(), doc.lexicon).is_some();
        (before_words <= MAX_WORDS_BEFORE_DATE && named).then(|| {
            Decision::fixed(Label::Date, Reason::DateAndByline { date: ymd.clone() })
                .with_value(ymd)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_one;
    use super::*;

    #[test]
    fn a_name_that_starts_like_the_title_word_is_kept_whole() {
        let lexicon = Lexicon::get();
        assert_eq!(
            name_before_title("기자현 기자", lexicon),
            Some(("기자현", "기자"))
        );
        assert_eq!(
            name_before_title("김민지 기자 minji@example.kr", lexicon),
            Some(("김민지", "기자"))
        );
    }

    #[test]
    fn a_byline_in_a_script_without_spaces_is_judged_by_its_parts() {
        // Thai counts its words from letters: the line reads as some twenty
        // words, but it is a prefix, a name, a date and a view counter.
        let d = classify_one(
            &Dateline,
            "โดย ธนพล บุญมา 12 มีนาคม 2567 09:15 น. อ่าน 1,204 ครั้ง",
        )
        .unwrap();
        assert_eq!(d.label, Label::Byline);
        assert_eq!(d.value.as_deref(), Some("ธนพล บุญมา"));
        // A long line of running Thai text with a date in it stays prose.
        assert!(
            classify_one(
                &Dateline,
                "เมื่อวันที่ 12 มีนาคม 2567 ชาวบ้านริมแม่น้ำรวมตัวกันที่ท่าเรือเพื่อต้อนรับห้องสมุดเคลื่อนที่ซึ่งนำหนังสือหลายร้อยเล่มมาให้เด็กๆในหมู่บ้านได้อ่านเป็นครั้งแรก"
            )
            .is_none()
        );
    }

    #[test]
    fn doubled_publisher_with_glued_date() {
        let d = classify_one(&Dateline, "Báo Quốc TếBáo Quốc Tế21/01/2024").unwrap();
        assert_eq!(d.label, Label::Date);
        assert_eq!(d.value.as_deref(), Some("2024-01-21"));
        assert!(
            matches!(d.reason, Reason::PublisherDate { ref publisher, .. } if publisher == "Báo Quốc Tế")
        );
    }

    #[test]
    fn date_lines() {
        for (text, ymd) in [
            ("March 3, 2024", "2024-03-03"),
            ("Updated: 03.04.2024 14:05", "2024-04-03"),
            ("Publié le 21 janvier 2024 à 10h30", "2024-01-21"),
        ] {
            let d = classify_one(&Dateline, text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.label, Label::Date, "{text}");
            assert_eq!(d.value.as_deref(), Some(ymd));
        }
    }

    #[test]
    fn bylines_with_prefix() {
        let d = classify_one(&Dateline, "By Jane Doe").unwrap();
        assert_eq!(
            (d.label, d.value.as_deref()),
            (Label::Byline, Some("Jane Doe"))
        );
        let d = classify_one(&Dateline, "Par Marie Dupont | 12/03/2024").unwrap();
        assert_eq!(
            (d.label, d.value.as_deref()),
            (Label::Byline, Some("Marie Dupont"))
        );
        let d = classify_one(&Dateline, "Von Anna Weber, 3. März 2024").unwrap();
        assert_eq!(d.value.as_deref(), Some("Anna Weber"));
        let d = classify_one(
            &Dateline,
            "Written by Jane Doe, MS, RD on November 14, 2019",
        )
        .unwrap();
        assert_eq!(d.value.as_deref(), Some("Jane Doe, MS, RD"));
    }

    #[test]
    fn a_date_line_going_on_into_a_byline_is_a_date_line() {
        let d = classify_one(
            &Dateline,
            "Posted 28 April 2003 by Club Secretary Alan Forbes",
        )
        .unwrap();
        assert_eq!(d.label, Label::Date);
        assert_eq!(d.value.as_deref(), Some("2003-04-28"));
        assert!(matches!(d.reason, Reason::DateAndByline { .. }));
        let d = classify_one(&Dateline, "Publié le 3 mars 2011 par Marie-Claire Dubois").unwrap();
        assert_eq!(d.value.as_deref(), Some("2011-03-03"));
        // Not a name after the prefix, or a sentence around the date.
        for text in [
            "Posted 28 April 2003 by the committee after a very long meeting",
            "The regatta on 28 April 2003 was won by Westcombe Rowing Club",
        ] {
            assert!(classify_one(&Dateline, text).is_none(), "{text}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert!(
            classify_one(
                &Dateline,
                "By the end of the day the council had voted on the new plan."
            )
            .is_none()
        );
        assert!(
            classify_one(
                &Dateline,
                "On March 3, 2024 the council approved a new budget for the schools."
            )
            .is_none()
        );
    }
}
