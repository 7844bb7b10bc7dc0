//! Counters and widget words: "Comment (0)", "Kommentar (0)", "12 comments",
//! "Share 14", "No data".

use super::{Decision, Doc, LineClassifier};
use crate::date::non_ascii_digit;
use crate::lexicon::LinePhrase;
use crate::reason::Reason;

/// Claims counters and the known widget phrases.
pub struct Counter;

/// Splits "Label (12)" into its label and count: a label of one to three
/// words, a whole number in parentheses or brackets (full-width ones too,
/// "コメント（0）"), in any script's digits ("نظرات (۲)"), nothing after.
pub fn parse_counter(text: &str) -> Option<(&str, u64)> {
    let body = text.strip_suffix([')', ']', '）', '】'])?;
    let open = body.rfind(['(', '[', '（', '【'])?;
    let inside = body[open..].chars().next()?.len_utf8();
    let inside = body[open + inside..].trim();
    if inside.is_empty() {
        return None;
    }
    let mut count: u64 = 0;
    for c in inside.chars() {
        let digit = c
            .to_digit(10)
            .or_else(|| non_ascii_digit(c).map(u32::from))?;
        count = count.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    let label = body[..open].trim();
    let words = label.split_whitespace().count();
    ((1..=3).contains(&words) && label.chars().any(char::is_alphabetic)).then_some((label, count))
}

/// "12 comments", "Share 14": one or two words and a number that is not a
/// year.
fn is_counted_label(text: &str) -> Option<String> {
    // Cheap exit before collecting the words: the number opens or closes
    // the line.
    let all_digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    if !text.split_whitespace().next().is_some_and(all_digits)
        && !text.split_whitespace().next_back().is_some_and(all_digits)
    {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let number_at = if words[0].chars().all(|c| c.is_ascii_digit()) {
        0
    } else if words[words.len() - 1].chars().all(|c| c.is_ascii_digit()) {
        words.len() - 1
    } else {
        return None;
    };
    let number: u64 = words[number_at].parse().ok()?;
    if (1900..=2100).contains(&number) {
        return None;
    }
    let label: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != number_at)
        .map(|(_, w)| *w)
        .collect();
    label
        .iter()
        .all(|w| w.chars().all(char::is_alphabetic))
        .then(|| label.join(" "))
}

impl LineClassifier for Counter {
    fn name(&self) -> &'static str {
        "counter"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let text = &doc.lines[i].text;
        let f = &doc.features[i];
        if f.words > 6 {
            return None;
        }
        if let Some((label, count)) = parse_counter(text) {
            return Some(Decision::chrome(Reason::Counter {
                label: label.to_string(),
                count,
            }));
        }
        let normalized = doc.normalized(i);
        if doc.lexicon.line_phrase(&normalized) == Some(LinePhrase::Widget) {
            return Some(Decision::chrome(Reason::WidgetPhrase {
                kind: "widget",
                phrase: normalized.into_owned(),
            }));
        }
        let lowered = doc.lowered(i);
        if doc.lexicon.is_widget_row(&lowered) {
            return Some(Decision::chrome(Reason::WidgetRow));
        }
        // "Teilen auf WhatsApp", "Сподели във Facebook": a few words ending
        // with a network's name are a prompt in any language. ("Facebook
        // fined in Ireland" is a headline: the name does not end it.)
        if !f.ends_sentence && f.words <= 5 {
            let network = lowered
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .rfind(|w| !w.is_empty())
                .filter(|w| w.len() > 2 && doc.lexicon.is_brand(w));
            if let Some(network) = network {
                return Some(Decision::chrome(Reason::SocialNetwork {
                    network: network.to_string(),
                }));
            }
        }
        if let Some(label) = is_counted_label(text) {
            // "Share 14" is a widget; "Chapter 3" could be a heading, so the
            // label must be a known widget or comments word.
            let known = doc.lexicon.line_phrase(&label.to_lowercase()).is_some();
            if known {
                return Some(Decision::chrome(Reason::CountedLabel { label }));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_one;
    use super::*;
    use crate::line::Label;

    #[test]
    fn counters_in_any_language() {
        for text in [
            "Comment (0)",
            "Kommentar (0)",
            "Комментарии (12)",
            "Σχόλια (3)",
            "评论 (5)",
            "コメント（0）",
            "نظرات (۲)",
            "মন্তব্য (০)",
            "မှတ်ချက်များ (၂)",
            "تعليقات (١٢)",
        ] {
            let d = classify_one(&Counter, text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(d.label, Label::Chrome);
            assert!(matches!(d.reason, Reason::Counter { .. }));
        }
    }

    #[test]
    fn widget_words_and_counted_labels() {
        assert!(classify_one(&Counter, "No data").is_some());
        assert!(classify_one(&Counter, "Share 14").is_some());
        assert!(classify_one(&Counter, "12 Comments").is_some());
    }

    #[test]
    fn network_prompts_and_widget_rows() {
        for text in [
            "Teilen auf WhatsApp",
            "Сподели във Facebook",
            "Search Sign in",
            "Whatsapp Facebook Pint",
        ] {
            assert!(classify_one(&Counter, text).is_some(), "{text}");
        }
        assert!(classify_one(&Counter, "Facebook fined in Ireland").is_none());
        assert!(classify_one(&Counter, "The lines were long").is_none());
    }

    #[test]
    fn prose_with_parentheses_is_not_a_counter() {
        assert!(classify_one(&Counter, "The budget rose to 12 million (2023)").is_none());
        assert!(
            classify_one(&Counter, "Population (2020)").is_some_and(|d| d.label == Label::Chrome)
        );
        assert!(classify_one(&Counter, "Chapter 3").is_none());
        assert!(parse_counter("He was born in Lyon (France)").is_none());
    }
}
