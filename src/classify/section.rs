//! Section headers that open a list of other articles ("Même sujet", "Read
//! also", "Ειδήσεις σήμερα:") or the comments. The headlines below them are
//! settled by the context pass, which sees the whole list.

use super::{Decision, Doc, LineClassifier};
use crate::lexicon::LinePhrase;
use crate::reason::Reason;

/// Claims known section headers.
pub struct Section;

/// Headers are short.
const MAX_HEADER_WORDS: usize = 6;
/// A comments header followed by other words on its line must be this long
/// to count: "Comments" alone opens many a sentence, "Leave a reply" none.
const MIN_GLUED_HEADER_WORDS: usize = 3;

impl LineClassifier for Section {
    fn name(&self) -> &'static str {
        "section"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let f = &doc.features[i];
        // A header may end with a colon or trail off ("You may also
        // like..."); a full stop makes it a sentence.
        let text = &doc.lines[i].text;
        let open_end = text.ends_with([':', '…']) || text.ends_with("...");
        if f.words > MAX_HEADER_WORDS || f.ends_sentence && !open_end {
            return None;
        }
        let normalized = doc.normalized(i);
        if doc.lexicon.is_end_header(&normalized) {
            return Some(Decision::chrome(Reason::EndHeader {
                header: text.clone(),
            }));
        }
        match doc.lexicon.line_phrase(&normalized) {
            Some(LinePhrase::SectionHeader) => {
                return Some(Decision::chrome(Reason::SectionHeader {
                    header: text.clone(),
                    by: "phrase",
                }));
            }
            Some(LinePhrase::CommentsHeader) => {
                return Some(Decision::chrome(Reason::CommentsHeader {
                    header: text.clone(),
                }));
            }
            _ => {}
        }
        // "Leave a Reply Cancel reply": a comments header of three words or
        // more, glued to the form's other labels.
        // Its first `n` words joined by spaces are the text before its
        // `n`th space: tried longest first, down to three words.
        let mut words = normalized.split(' ').count();
        for (space, _) in normalized.rmatch_indices(' ') {
            words -= 1;
            if words < MIN_GLUED_HEADER_WORDS {
                break;
            }
            if doc.lexicon.line_phrase(&normalized[..space]) == Some(LinePhrase::CommentsHeader) {
                return Some(Decision::chrome(Reason::CommentsHeader {
                    header: text.clone(),
                }));
            }
        }
        // "[ 167 comments ]", "12 Kommentare", "Comments (3)": a comments
        // word with a count still opens the comments.
        // A zero count ("Comment (0)") opens nothing: the counter rule takes it.
        if text.contains(['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty())
                .collect();
            if doc.lexicon.line_phrase(&words.join(" ").to_lowercase())
                == Some(LinePhrase::CommentsHeader)
            {
                return Some(Decision::chrome(Reason::CommentsHeader {
                    header: text.clone(),
                }));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_one;
    use super::*;

    #[test]
    fn known_headers_in_several_languages() {
        for text in [
            "Même sujet",
            "Ειδήσεις σήμερα:",
            "Read also",
            "Читайте также:",
            "相关新闻",
            "Comments",
            "You may also like...",
            "Read more…",
        ] {
            assert!(classify_one(&Section, text).is_some(), "{text}");
        }
        assert!(classify_one(&Section, "The council met again").is_none());
        assert!(classify_one(&Section, "Related.").is_none());
        let d = classify_one(&Section, "[ 167 comments ]").unwrap();
        assert!(matches!(d.reason, Reason::CommentsHeader { .. }));
        let d = classify_one(&Section, "Leave a Reply Cancel reply").unwrap();
        assert!(matches!(d.reason, Reason::CommentsHeader { .. }));
        assert!(classify_one(&Section, "Comments from the mayor").is_none());
        let d = classify_one(&Section, "References:").unwrap();
        assert!(matches!(d.reason, Reason::EndHeader { .. }));
    }
}
