//! Source lines: "Source : https://…", "Quelle: …", bare URLs, and a source
//! label left alone on its line.

use super::{Decision, Doc, LineClassifier};
use crate::lexicon::LinePhrase;
use crate::line::Label;
use crate::reason::Reason;

/// Claims "label: URL" lines, bare URLs and a bare source label.
pub struct Source;

/// Splits "Label : URL" into (label, url): a label of up to three words, a
/// colon, one URL and nothing else.
pub fn parse_source(text: &str) -> Option<(&str, &str)> {
    let colon = text.find([':', '：'])?;
    let label = text[..colon].trim();
    let rest = text[colon..].trim_start_matches([':', '：']).trim();
    let is_url =
        (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www."))
            && !rest.contains(char::is_whitespace);
    let words = label.split_whitespace().count();
    (is_url && (1..=3).contains(&words) && !label.contains("://")).then_some((label, rest))
}

impl LineClassifier for Source {
    fn name(&self) -> &'static str {
        "source"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let text = &doc.lines[i].text;
        let f = &doc.features[i];
        if f.words > 6 {
            return None;
        }
        if f.has_url {
            if let Some((label, url)) = parse_source(text) {
                return Some(
                    Decision::fixed(
                        Label::Source,
                        Reason::SourceUrl {
                            label: label.to_string(),
                        },
                    )
                    .with_value(url),
                );
            }
            if f.words == 1 {
                return Some(Decision::chrome(Reason::BareUrl));
            }
        }
        let normalized = doc.normalized(i);
        (doc.lexicon.line_phrase(&normalized) == Some(LinePhrase::SourceLabel))
            .then(|| Decision::chrome(Reason::BareSourceLabel))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_one;
    use super::*;

    #[test]
    fn label_colon_url_is_a_source() {
        let d = classify_one(&Source, "Source : https://baoquocte.vn/a-286239.html").unwrap();
        assert_eq!(d.label, Label::Source);
        assert_eq!(
            d.value.as_deref(),
            Some("https://baoquocte.vn/a-286239.html")
        );
        let d = classify_one(&Source, "Quelle: https://example.de/x").unwrap();
        assert_eq!(d.label, Label::Source);
    }

    #[test]
    fn bare_source_word_is_chrome() {
        let d = classify_one(&Source, "Source").unwrap();
        assert_eq!(d.label, Label::Chrome);
        assert_eq!(d.reason, Reason::BareSourceLabel);
    }

    #[test]
    fn a_sentence_mentioning_a_url_is_not_a_source() {
        assert!(parse_source("See the report at: https://x.org for details").is_none());
        assert!(classify_one(&Source, "The source said the talks would go on.").is_none());
    }
}
