//! Captions: lines a text dump took from a figure. They come wrapped in table
//! pipes ("| … |", or half-wrapped "… |"), or carry a photo credit: "(Source :
//! KCNA)", "(Nguồn: Sputnik)", "Photo: AFP", "Фото: ТАСС".

use std::sync::OnceLock;

use regex::Regex;

use super::{Decision, Doc, LineClassifier};
use crate::lexicon::{Lexicon, normalize_phrase};
use crate::line::Label;
use crate::reason::Reason;

/// Claims pipe-wrapped lines and lines with a photo credit.
pub struct Caption;

/// A caption longer than this many words is prose that happens to cite a
/// source.
const MAX_CAPTION_WORDS: usize = 80;

/// The text between table pipes, if the line is wrapped (fully, or only at
/// the end as dumps often cut the opening cell) and is not a table row.
pub fn strip_pipes(text: &str) -> Option<&str> {
    let inner = match (text.strip_prefix('|'), text.ends_with('|')) {
        (Some(rest), true) => rest.strip_suffix('|').unwrap_or(rest),
        (None, true) => text.strip_suffix('|')?,
        _ => return None,
    };
    let inner = inner.trim();
    // Cells: "| a | b |" is a table row, not a wrapped caption.
    (!inner.is_empty() && !inner.contains(" | ")).then_some(inner)
}

/// The regex [`credit_match`] implements by hand; it stays as the reference
/// the property tests compare with. Its reverse lazy DFA, with the two
/// counted repetitions, rebuilt tens of thousands of states' worth of work
/// per line.
#[cfg(test)]
fn trailing_credit() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // "(Label : Agency)" at the end, or "Label: Agency" after a sentence
        // end or at the start of the line.
        Regex::new(r"(?:\(([^()]{1,30}?)\s*[:：]\s*([^()]{1,60})\)|(?:^|[.!?»\s]\s*)([\p{L}]+(?:\s[\p{L}]+)?)\s*[:：]\s*([^:：.]{1,60}))\s*$")
            .unwrap()
    })
}

/// `c` is a letter, as the regex class `\p{L}` (general category Letter)
/// has it. The standard library only answers `is_alphabetic`, which also
/// takes letter numbers and combining vowel signs (Devanagari "ा"), so
/// alphabetic characters outside ASCII ask a one-class regex.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if !c.is_alphabetic() {
        return false;
    }
    static LETTER: OnceLock<Regex> = OnceLock::new();
    LETTER
        .get_or_init(|| Regex::new(r"^\p{L}$").unwrap())
        .is_match(c.encode_utf8(&mut [0; 4]))
}

/// `c` belongs to a word: a letter, or a mark, as the virama ending the
/// Tamil "படம்" ("photo"), which is not alphabetic.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_alphabetic() {
        return true;
    }
    static MARK: OnceLock<Regex> = OnceLock::new();
    !c.is_ascii()
        && MARK
            .get_or_init(|| Regex::new(r"^\p{M}$").unwrap())
            .is_match(c.encode_utf8(&mut [0; 4]))
}

/// Where the run of letters ending at byte `end` of `text` starts, if there
/// is at least one letter.
fn letter_run_start(text: &str, end: usize) -> Option<usize> {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .last()?
        .0;
    Some(start)
}

/// A credit match: the label ("Source") and the whole match, from its
/// opening (the `(`, or the sentence end or space before the label) to the
/// end of the line.
#[derive(Debug, PartialEq)]
struct CreditMatch<'t> {
    label: &'t str,
    whole: &'t str,
}

/// The parenthesised form, `\(([^()]{1,30}?)\s*[:：]\s*([^()]{1,60})\)\s*$`:
/// the byte where its `(` stands and the label.
fn parenthesised_form(text: &str) -> Option<(usize, &str)> {
    // No parenthesis inside, so the `(` is the last one before the final
    // `)`, which only whitespace follows.
    let inner = text.trim_end().strip_suffix(')')?;
    let open = inner.rfind(['(', ')'])?;
    if inner.as_bytes()[open] != b'(' {
        return None;
    }
    let content = &inner[open + 1..];
    // The label is lazy: the shortest one of 1 to 30 characters after which
    // come spaces, a colon, and the name (1 to 60 characters, of which
    // leading spaces may be counted as the `\s*`'s, so what is left once
    // they go must fit, or be empty with at least a space to take).
    content
        .char_indices()
        .take(30)
        .map(|(at, c)| at + c.len_utf8())
        .find(|&end| {
            content[end..]
                .trim_start()
                .strip_prefix([':', '：'])
                .is_some_and(|name| !name.is_empty() && name.trim_start().chars().nth(60).is_none())
        })
        .map(|end| (open, &content[..end]))
}

/// Where a label starting at byte `label_start` opens its match, as
/// `(?:^|[.!?»\s]\s*)` leftmost: on the `[.!?»]` before the spaces ahead of
/// the label, else on the first of those spaces, else at the start of the
/// line. `None` if something else touches the label.
fn label_opening(text: &str, label_start: usize) -> Option<usize> {
    let unspaced = text[..label_start].trim_end();
    match unspaced.chars().next_back() {
        Some(c @ ('.' | '!' | '?' | '»')) => Some(unspaced.len() - c.len_utf8()),
        _ if unspaced.len() < label_start => Some(unspaced.len()),
        None => Some(0),
        Some(_) => None,
    }
}

/// The byte offset and length of the last colon, `:` or the full-width `：`
/// (EF BC 9A in UTF-8), in `text`: a byte search, where `rfind` with a set
/// of chars decodes every character from the end.
fn last_colon(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(at) = memchr::memrchr2(b':', 0x9A, &bytes[..end]) {
        if bytes[at] == b':' {
            return Some((at, 1));
        }
        // 9A also ends other characters ("Ě" is C4 9A).
        if at >= 2 && bytes[at - 2..at] == [0xEF, 0xBC] {
            return Some((at - 2, 3));
        }
        end = at;
    }
    None
}

/// The labelled form, `(?:^|[.!?»\s]\s*)([\p{L}]+(?:\s[\p{L}]+)?)\s*[:：]\s*([^:：.]{1,60})\s*$`:
/// where the match opens and the label.
fn labelled_form(text: &str) -> Option<(usize, &str)> {
    // The name holds no colon, so the colon is the last one; nor a full
    // stop, even among its spaces. Its trimmed text must fit in 60
    // characters; when only spaces follow the colon one of them is the name.
    let (colon, colon_len) = last_colon(text)?;
    let name = &text[colon + colon_len..];
    if name.is_empty() || name.contains('.') || name.trim().chars().nth(60).is_some() {
        return None;
    }
    let before = text[..colon].trim_end();
    let last = letter_run_start(before, before.len())?;
    // Two words, separated by one space, open further left: regex prefers
    // them when the first word is opened properly.
    if let Some(space) = before[..last]
        .chars()
        .next_back()
        .filter(|c| c.is_whitespace())
    {
        let first = letter_run_start(before, last - space.len_utf8());
        if let Some(first) = first
            && let Some(opening) = label_opening(text, first)
        {
            return Some((opening, &before[first..]));
        }
    }
    Some((label_opening(text, last)?, &before[last..]))
}

/// What the regex [`trailing_credit`] finds, written out: of the two forms,
/// the match that opens leftmost.
fn credit_match(text: &str) -> Option<CreditMatch<'_>> {
    let (start, label) = match (parenthesised_form(text), labelled_form(text)) {
        (Some(a), Some(b)) => std::cmp::min_by_key(a, b, |m| m.0),
        (a, b) => a.or(b)?,
    };
    Some(CreditMatch {
        label,
        whole: &text[start..],
    })
}

/// The credit at the end of `text` ("Source : KCNA"), if its label is a
/// known credit or source word.
pub fn find_credit<'t>(text: &'t str, lexicon: &Lexicon) -> Option<&'t str> {
    let CreditMatch { label, whole } = credit_match(text)?;
    if !lexicon.is_credit_label(&normalize_phrase(label)) {
        return None;
    }
    let credit = whole.trim().trim_start_matches(['.', '!', '?', '»']).trim();
    Some(credit.trim_start_matches('(').trim_end_matches(')'))
}

/// A bracketed credit at the end of the line: "(Photo by Jane Doe)",
/// "(Foto dpa)" with a known credit word first, or, in any language, "(Word:
/// Name)" with one label word, a colon (or `=`, as Korean papers write
/// "[사진=연합뉴스]") and a short name ("(Picha: Maktaba)", "（写真：共同通信）").
/// Square brackets serve as parentheses do.
fn parenthesised_credit<'t>(text: &'t str, lexicon: &Lexicon) -> Option<&'t str> {
    let trimmed = text.trim_end();
    let (inner, openers): (&str, &[char]) = if let Some(inner) = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))
    {
        (inner, &['(', '（'])
    } else {
        (trimmed.strip_suffix(']')?, &['['])
    };
    let open = inner.rfind(openers)?;
    let inner = inner[open..].trim_start_matches(openers).trim();
    let words = inner.split_whitespace().count();
    let first = inner.split_whitespace().next()?;
    if words <= 6 && lexicon.is_credit_label(&normalize_phrase(first)) {
        return Some(inner);
    }
    // Armenian marks a label with "՝": "(Լուսանկարը՝ Արմենպրես)".
    let (label, name) = inner.split_once([':', '：', '=', '՝'])?;
    let label_words = label.split_whitespace().count();
    let name = name.trim();
    let name_ok = !name.is_empty()
        && name.split_whitespace().count() <= 6
        && !name.ends_with(['.', '!', '?', '。'])
        && name.chars().next().is_some_and(|c| !c.is_lowercase());
    // One label word, or two when the first is not in lower case ("Гэрэл
    // зураг", photograph, in Mongolian; "see also" is no label).
    let label_ok = match label_words {
        1 => true,
        2 => label.chars().next().is_some_and(|c| !c.is_lowercase()),
        _ => false,
    };
    (label_ok
        && label
            .split(' ')
            .all(|w| !w.is_empty() && w.chars().all(is_word_char))
        && name_ok)
        .then_some(inner)
}

impl LineClassifier for Caption {
    fn name(&self) -> &'static str {
        "caption"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let text = &doc.lines[i].text;
        let f = &doc.features[i];
        if f.words > MAX_CAPTION_WORDS {
            return None;
        }
        if let Some(inner) = strip_pipes(text) {
            if f.words >= 3 {
                return Some(
                    Decision::fixed(Label::Caption, Reason::CaptionPipes).with_value(inner),
                );
            }
            return None;
        }
        let credit =
            find_credit(text, doc.lexicon).or_else(|| parenthesised_credit(text, doc.lexicon))?;
        let reason = Reason::CaptionCredit {
            credit: credit.to_string(),
        };
        // A credit alone ("Foto: dpa") labels a picture but says nothing.
        if f.words <= credit.split_whitespace().count() + 1 {
            return Some(Decision::chrome(reason));
        }
        Some(Decision::fixed(Label::Caption, reason))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_one;
    use super::*;

    /// What the regex captures: the label (group 1 or 3) and the whole match.
    fn regex_credit(text: &str) -> Option<CreditMatch<'_>> {
        let caps = trailing_credit().captures(text)?;
        Some(CreditMatch {
            label: caps.get(1).or(caps.get(3))?.as_str(),
            whole: caps.get(0)?.as_str(),
        })
    }

    // Letters, a combining vowel sign and accent and a letter number (which
    // `is_alphabetic` takes but `\p{L}` does not), digits, Unicode spaces,
    // both colons, sentence ends and parentheses.
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn the_credit_matcher_agrees_with_the_regex_on_any_text(
            text in "[aZéĚд字ा\u{301}Ⅻ1, \t\u{a0}\u{3000}:：.!?»()]{0,40}"
        ) {
            proptest::prop_assert_eq!(credit_match(&text), regex_credit(&text));
        }

        #[test]
        fn the_credit_matcher_agrees_on_parenthesised_credits(
            text in "[a .!?»:]{0,10}\\([a :：é\u{301}]{0,34}[:：][ a\u{a0}:]{0,64}\\)[ \t]{0,2}"
        ) {
            proptest::prop_assert_eq!(credit_match(&text), regex_credit(&text));
        }

        #[test]
        fn the_credit_matcher_agrees_on_labelled_credits(
            text in "[a .!?»,(\t]{0,12}[aéдा\u{301}Ⅻ]{0,4}[ \t\u{a0}]{0,2}[aé]{0,4}[ ]{0,2}[:：][ a!?»()]{0,64}"
        ) {
            proptest::prop_assert_eq!(credit_match(&text), regex_credit(&text));
        }

        #[test]
        fn the_credit_matcher_agrees_when_both_forms_could_match(
            text in "[a .:»]{0,10}[aé ]{0,8}[:：]?[a ]{0,8}\\([a :：.]{0,10}\\)[ ]{0,2}"
        ) {
            proptest::prop_assert_eq!(credit_match(&text), regex_credit(&text));
        }
    }

    #[test]
    fn the_last_colon_is_found_among_lookalike_bytes() {
        assert_eq!(last_colon("a: bĚ"), Some((1, 1)));
        assert_eq!(last_colon("a：Ě b"), Some((1, 3)));
        assert_eq!(last_colon("a: b：c"), Some((4, 3)));
        assert_eq!(last_colon("aĚb"), None);
        assert_eq!(last_colon(""), None);
    }

    #[test]
    fn the_credit_matcher_finds_labels_and_openings() {
        let found = |text| credit_match(text).map(|m| (m.label, m.whole));
        assert_eq!(found("Foto: dpa"), Some(("Foto", "Foto: dpa")));
        assert_eq!(
            found("Un long texte. Quelle: Reuters"),
            Some(("Quelle", ". Quelle: Reuters"))
        );
        assert_eq!(
            found("Le chef de l'État (Source : KCNA)"),
            Some(("Source", "(Source : KCNA)"))
        );
        assert_eq!(found("x,Photo AFP: y"), Some(("AFP", " AFP: y")));
        assert_eq!(
            found("said Photo AFP: y"),
            Some(("Photo AFP", " Photo AFP: y"))
        );
        assert_eq!(found("Il est 14:05. Le train part."), None);
        assert_eq!(found("No colon here"), None);
        assert_eq!(found("He was born in Lyon (France)"), None);
        for text in [
            "Foto: dpa",
            "Photo : AFP  ",
            "Le chef de l'État (Source : KCNA)",
            "Un long texte. Quelle: Reuters",
            "Демонстранты на площади в центре города. Фото: ТАСС",
            "नई दिल्ली में प्रदर्शन। फोटो: पीटीआई",
            "x (a: b) y: z",
            "(: a)",
            "Foto: ",
        ] {
            assert_eq!(credit_match(text), regex_credit(text), "{text}");
        }
    }

    #[test]
    fn pipe_wrapped_lines_are_captions_without_pipes() {
        let d = classify_one(
            &Caption,
            "| Kim Jong-un a conduit M. Choïgou. (Source : KCNA) |",
        )
        .unwrap();
        assert_eq!(d.label, Label::Caption);
        assert_eq!(
            d.value.as_deref(),
            Some("Kim Jong-un a conduit M. Choïgou. (Source : KCNA)")
        );
        let d = classify_one(
            &Caption,
            "Kim Jong-un fuhr Schoigu persönlich. (Quelle: KCNA) |",
        )
        .unwrap();
        assert_eq!(d.label, Label::Caption);
    }

    #[test]
    fn credits_in_several_languages() {
        for text in [
            "Tổng thống Nga Putin tiếp Ngoại trưởng Triều Tiên tại Điện Kremlin. (Nguồn: Sputnik)",
            "Le président russe reçoit la ministre au Kremlin, à Moscou. (Source : Sputnik)",
            "Демонстранты на площади в центре города. Фото: ТАСС",
            "Runners at the start line on Sunday morning (Photo by Jane Doe)",
            "Wafanyabiashara wakipanga bidhaa zao katika soko jipya. (Picha: Maktaba)",
            "3月12日，乘客在江城地铁6号线东湖站候车。（图片来源：江城日报 摄影 王磊）",
            "주민들이 새로 생긴 정류장에서 버스를 기다리고 있다. [사진=한빛일보 제공]",
            "Volunteers plant trees along the river bank on Saturday. [Photo=Lee Park]",
            "புதிய கிடங்கில் மீன் பெட்டிகளை அடுக்கும் தொழிலாளர்கள். (படம்: கடலோர முரசு)",
            "Դպրոցի աշակերտները դիտում են Լուսինը։ (Լուսանկարը՝ Մարզային լուրեր)",
            "Үйлдвэрийн ажилчид ноосыг хатааж байна. (Гэрэл зураг: Хангай Мэдээ)",
        ] {
            let d = classify_one(&Caption, text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.label, Label::Caption, "{text}");
        }
    }

    #[test]
    fn a_two_word_label_in_lower_case_is_no_credit() {
        let text = "The plan was approved after a long debate (see also: Budget Office)";
        assert!(classify_one(&Caption, text).is_none_or(|d| d.label != Label::Caption));
    }

    #[test]
    fn a_credit_alone_is_chrome_and_tables_are_not_captions() {
        assert_eq!(
            classify_one(&Caption, "Foto: dpa").unwrap().label,
            Label::Chrome
        );
        assert!(classify_one(&Caption, "| Year | Budget |").is_none());
        assert!(classify_one(&Caption, "The mayor said: we will rebuild the bridge").is_none());
        // Shortcodes and placeholders in square brackets are no credits.
        for text in [
            "The new library opens its doors on Monday. [caption id=attachment_12 align=left]",
            "The new library opens its doors on Monday. [ads_1]",
            "The new library opens its doors on Monday. [key=value]",
        ] {
            assert!(
                classify_one(&Caption, text).is_none_or(|d| d.label != Label::Caption),
                "{text}"
            );
        }
    }
}
