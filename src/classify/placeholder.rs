//! Template placeholders a CMS left in the text: `[Anzeige_2]`, `[ads_1]`,
//! `{{related}}`, `[caption id=...]`.

use super::{Decision, Doc, LineClassifier};
use crate::reason::Reason;

/// Claims a line that is one bracketed token and nothing else.
pub struct Placeholder;

/// True for `[word_2]`, `[ads]`, `{{ name }}`, `[caption id="x"]`: brackets
/// around one identifier-like token (optionally with attributes), no prose.
pub fn is_placeholder(text: &str) -> bool {
    let inner = if let Some(rest) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")) {
        rest
    } else if let Some(rest) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        rest
    } else {
        return false;
    };
    let inner = inner.trim().trim_start_matches('/');
    let Some(head) = inner.split_whitespace().next() else {
        return false;
    };
    let head_is_token = head
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && head.chars().any(char::is_alphabetic);
    // A bracketed note such as "[Updated at noon]" has several plain words;
    // a placeholder has one token, or one token and key=value attributes.
    let rest_is_attributes = inner.split_whitespace().skip(1).all(|w| w.contains('='));
    head_is_token && rest_is_attributes && inner.len() <= 80
}

impl LineClassifier for Placeholder {
    fn name(&self) -> &'static str {
        "placeholder"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        is_placeholder(&doc.lines[i].text).then(|| Decision::chrome(Reason::Placeholder))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_tokens_are_placeholders() {
        for text in [
            "[Anzeige_2]",
            "[ads_1]",
            "{{related}}",
            "[caption id=\"attachment_12\"]",
            "[/caption]",
        ] {
            assert!(is_placeholder(text), "{text}");
        }
    }

    #[test]
    fn bracketed_notes_are_not() {
        for text in [
            "[Updated at noon with new figures]",
            "[1]",
            "Anzeige_2",
            "[]",
        ] {
            assert!(!is_placeholder(text), "{text}");
        }
    }
}
