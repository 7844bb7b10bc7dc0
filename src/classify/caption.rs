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

fn trailing_credit() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // "(Label : Agency)" at the end, or "Label: Agency" after a sentence
        // end or at the start of the line.
        Regex::new(r"(?:\(([^()]{1,30}?)\s*[:：]\s*([^()]{1,60})\)|(?:^|[.!?»\s]\s*)([\p{L}]+(?:\s[\p{L}]+)?)\s*[:：]\s*([^:：.]{1,60}))\s*$")
            .unwrap()
    })
}

/// A cheap necessary condition for [`trailing_credit`] to match, so most
/// lines skip the regex: the parenthesised form ends with `)` and holds a
/// colon after its last `(` (no other parenthesis between); the other one
/// needs a last colon followed by no full stop and at most 60 characters
/// (whitespace around them aside).
fn may_end_with_credit(text: &str) -> bool {
    if let Some(inner) = text.trim_end().strip_suffix(')')
        && let Some(open) = inner.rfind(['(', ')'])
        && inner[open..].starts_with('(')
        && inner[open..].contains([':', '：'])
    {
        return true;
    }
    text.rfind([':', '：']).is_some_and(|at| {
        let tail = &text[at..];
        let tail = tail.trim_start_matches([':', '：']);
        !tail.contains('.') && tail.trim().chars().nth(60).is_none()
    })
}

/// The credit at the end of `text` ("Source : KCNA"), if its label is a
/// known credit or source word.
pub fn find_credit<'t>(text: &'t str, lexicon: &Lexicon) -> Option<&'t str> {
    if !may_end_with_credit(text) {
        return None;
    }
    let caps = trailing_credit().captures(text)?;
    let (label, whole) = match (caps.get(1), caps.get(3)) {
        (Some(label), _) => (label, caps.get(0)?),
        (None, Some(label)) => (label, caps.get(0)?),
        _ => return None,
    };
    if !lexicon.is_credit_label(&normalize_phrase(label.as_str())) {
        return None;
    }
    let credit = whole
        .as_str()
        .trim()
        .trim_start_matches(['.', '!', '?', '»'])
        .trim();
    Some(credit.trim_start_matches('(').trim_end_matches(')'))
}

/// A parenthesised credit at the end of the line: "(Photo by Jane Doe)",
/// "(Foto dpa)" with a known credit word first, or, in any language, "(Word:
/// Name)" with one label word, a colon and a short name ("(Picha: Maktaba)",
/// "（写真：共同通信）").
fn parenthesised_credit<'t>(text: &'t str, lexicon: &Lexicon) -> Option<&'t str> {
    let trimmed = text.trim_end();
    let inner = trimmed
        .strip_suffix(')')
        .or_else(|| trimmed.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let inner = inner[open..].trim_start_matches(['(', '（']).trim();
    let words = inner.split_whitespace().count();
    let first = inner.split_whitespace().next()?;
    if words <= 6 && lexicon.is_credit_label(&normalize_phrase(first)) {
        return Some(inner);
    }
    let (label, name) = inner.split_once([':', '：'])?;
    let label_words = label.split_whitespace().count();
    let name = name.trim();
    let name_ok = !name.is_empty()
        && name.split_whitespace().count() <= 6
        && !name.ends_with(['.', '!', '?', '。'])
        && name.chars().next().is_some_and(|c| !c.is_lowercase());
    (label_words <= 1 && !label.is_empty() && label.chars().all(char::is_alphabetic) && name_ok)
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

    proptest::proptest! {
        #[test]
        fn the_credit_prefilter_never_hides_a_match(
            text in "[a-zA-Zé ()\\[\\]:：.!?»\t]{0,90}"
        ) {
            if trailing_credit().is_match(&text) {
                proptest::prop_assert!(may_end_with_credit(&text));
            }
        }

        #[test]
        fn the_credit_prefilter_passes_parenthesised_credits(
            text in "[a-zé .:]{0,20}\\([a-zé :：()]{0,40}\\)[ \t]{0,2}"
        ) {
            if trailing_credit().is_match(&text) {
                proptest::prop_assert!(may_end_with_credit(&text));
            }
        }
    }

    #[test]
    fn the_credit_prefilter_passes_credits_and_skips_prose() {
        for text in [
            "Foto: dpa",
            "Photo : AFP  ",
            "Le chef de l'État (Source : KCNA)",
            "Un long texte. Quelle: Reuters",
        ] {
            assert!(trailing_credit().is_match(text), "{text}");
            assert!(may_end_with_credit(text), "{text}");
        }
        assert!(!may_end_with_credit("Il est 14:05. Le train part."));
        assert!(!may_end_with_credit("No colon here"));
        assert!(!may_end_with_credit("He was born in Lyon (France)"));
        assert!(!may_end_with_credit("Voir: la note. Elle vit en (France)"));
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
        ] {
            let d = classify_one(&Caption, text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.label, Label::Caption, "{text}");
        }
    }

    #[test]
    fn a_credit_alone_is_chrome_and_tables_are_not_captions() {
        assert_eq!(
            classify_one(&Caption, "Foto: dpa").unwrap().label,
            Label::Chrome
        );
        assert!(classify_one(&Caption, "| Year | Budget |").is_none());
        assert!(classify_one(&Caption, "The mayor said: we will rebuild the bridge").is_none());
    }
}
