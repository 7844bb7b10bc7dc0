//! The last classifier: sorts every line no rule claimed into prose classes,
//! as jusText does with paragraphs. Good lines stand alone as body; near-good
//! and short ones wait for the context pass; bad ones are chrome unless the
//! context pass finds them inside the body (a sub-heading, say).

use super::{Class, Decision, Doc, LineClassifier};
use crate::line::Label;
use crate::reason::Reason;

/// Thresholds of the prose classes. Tune them as a set: they were calibrated
/// together on full-page dumps with `dechrome eval`.
#[derive(Clone, Debug)]
pub struct Prose {
    /// Below this many words a line is "short": too little to judge alone.
    pub short_words: usize,
    /// At least this many words for a good line.
    pub good_words: usize,
    /// Stopword share of a good line, when the language has a list.
    pub good_stopwords: f32,
    /// Stopword share of a near-good line.
    pub near_stopwords: f32,
}

/// Below this median stopword share of a document's sentences, the list
/// does not describe the language as written (Korean scores 0.03 to 0.07
/// by its list; Finnish and Turkish, the sparsest spaced languages it
/// fits, about 0.15).
const MIN_TELLING_MEDIAN: f32 = 0.1;

impl Default for Prose {
    fn default() -> Prose {
        Prose {
            short_words: 7,
            good_words: 15,
            good_stopwords: 0.25,
            near_stopwords: 0.15,
        }
    }
}

impl Prose {
    /// The class of line `i`.
    pub fn class_of(&self, doc: &Doc<'_>, i: usize) -> Class {
        let f = &doc.features[i];
        let sentence = f.ends_sentence || f.inner_sentences > 0;
        if f.words < self.short_words {
            return Class::Short;
        }
        // Agglutinative languages (Turkish, Finnish, Hungarian) use fewer
        // stopwords: the thresholds follow the document's own prose, down to
        // a fraction of its median share.
        let (good, near) = match doc.stopword_median {
            Some(median) => (
                self.good_stopwords.min(median * 0.6),
                self.near_stopwords.min(median * 0.4),
            ),
            None => (self.good_stopwords, self.near_stopwords),
        };
        // A list that the document's own prose hardly uses (Korean particles
        // are written glued to their nouns, so the list's words never stand
        // alone) says nothing about a line: punctuation and length decide.
        let share = f
            .stopword_share()
            .filter(|_| doc.stopword_median.is_none_or(|m| m >= MIN_TELLING_MEDIAN));
        match share {
            Some(share) => {
                if f.words >= self.good_words && share >= good && sentence {
                    Class::Good
                } else if share >= near && sentence {
                    Class::NearGood
                } else {
                    Class::Bad
                }
            }
            // No stopword list for this language: punctuation and length
            // have to do.
            None => {
                if f.words >= self.good_words && sentence {
                    Class::Good
                } else if sentence {
                    Class::NearGood
                } else {
                    Class::Bad
                }
            }
        }
    }
}

impl LineClassifier for Prose {
    fn name(&self) -> &'static str {
        "prose"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let f = &doc.features[i];
        let class = self.class_of(doc, i);
        let (label, reason) = match class {
            Class::Good | Class::NearGood => (
                Label::Body,
                Reason::Prose {
                    chars: f.chars,
                    stopwords: f.stopword_share(),
                },
            ),
            _ => (
                Label::Chrome,
                Reason::NotProse {
                    chars: f.chars,
                    stopwords: f.stopword_share(),
                },
            ),
        };
        Some(Decision {
            label,
            reason,
            class,
            value: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::classify_in;
    use super::*;

    #[test]
    fn long_sentences_with_stopwords_are_good() {
        let text = "Le président a rencontré les ministres pour discuter de la situation économique du pays et des mesures à prendre.";
        let d = classify_in(&Prose::default(), text, 0, Some("fr")).unwrap();
        assert_eq!((d.label, d.class), (Label::Body, Class::Good));
    }

    #[test]
    fn menus_are_short_and_headlines_bad() {
        let d = classify_in(&Prose::default(), "Politique Économie Sport", 0, Some("fr")).unwrap();
        assert_eq!(d.class, Class::Short);
        let d = classify_in(
            &Prose::default(),
            "Bitcoin Ethereum Solana Cardano Polkadot Dogecoin Litecoin Ripple",
            0,
            Some("en"),
        )
        .unwrap();
        assert_eq!(d.class, Class::Bad);
    }
}
