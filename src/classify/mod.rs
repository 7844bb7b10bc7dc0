//! Line classifiers: each looks at one line (and, when it must, at its
//! neighbours) and either names a label with a reason or passes.
//!
//! The built-ins run in a fixed order, cheapest and surest first; the first
//! that answers wins. The last one, [`prose::Prose`], always answers: it sorts
//! what no rule claimed into prose classes that the context pass settles.
//!
//! | order | classifier | claims |
//! |---|---|---|
//! | 1 | `blank` | empty lines |
//! | 2 | `dom` | hidden blocks, DOM chrome zones, link-dense blocks (HTML) |
//! | 3 | `placeholder` | `[Anzeige_2]`, `{{related}}` |
//! | 4 | `section` | headers that open related lists or the comments |
//! | 5 | `counter` | `Comment (0)`, `Share 14`, widget words (`No data`) |
//! | 6 | `source` | `Source: URL`, bare URLs, a bare `Source` |
//! | 7 | `caption` | table-wrapped lines, photo credits |
//! | 8 | `boilerplate` | site headers, social prompts, cookie, copyright, promos |
//! | 9 | `dateline` | date lines, bylines |
//! | 10 | `prose` | everything else, as good / near-good / short / bad |

pub mod blank;
pub mod boilerplate;
pub mod caption;
pub mod counter;
pub mod dateline;
pub mod dom;
pub mod placeholder;
pub mod prose;
pub mod section;
pub mod source;
pub mod teaser;

use std::borrow::Cow;

use crate::features::Features;
use crate::lexicon::Lexicon;
use crate::line::{Label, Line};
use crate::reason::Reason;

/// How sure a decision is, for the context pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A rule recognised the line; context leaves it alone.
    Fixed,
    /// Prose that stands on its own.
    Good,
    /// Prose-like but not conclusive.
    NearGood,
    /// Too short to judge alone.
    Short,
    /// Not prose.
    Bad,
}

/// One line's label, reason and any value the rule pulled out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// The label.
    pub label: Label,
    /// Why.
    pub reason: Reason,
    /// How sure, for the context pass.
    pub class: Class,
    /// What the rule extracted: the caption text without its pipes, the
    /// source URL, the normalised date, the author's name.
    pub value: Option<String>,
}

impl Decision {
    /// A fixed decision with no extracted value.
    pub fn fixed(label: Label, reason: Reason) -> Decision {
        Decision {
            label,
            reason,
            class: Class::Fixed,
            value: None,
        }
    }

    /// Fixed chrome.
    pub fn chrome(reason: Reason) -> Decision {
        Decision::fixed(Label::Chrome, reason)
    }

    /// The same decision carrying an extracted value.
    pub fn with_value(mut self, value: impl Into<String>) -> Decision {
        self.value = Some(value.into());
        self
    }
}

/// Everything a classifier may read about the document.
pub struct Doc<'a> {
    /// The lines.
    pub lines: &'a [Line],
    /// Their measurements, index for index.
    pub features: &'a [Features],
    /// The document language, ISO 639-1, when detected.
    pub lang: Option<&'static str>,
    /// Phrase data.
    pub lexicon: &'static Lexicon,
    /// Median stopword share of the document's long sentences: how densely
    /// this language, by this list, uses stopwords in prose.
    pub stopword_median: Option<f32>,
    /// Line ranges of the page's block elements (HTML; empty for dumps):
    /// the containers the body zone may be snapped to.
    pub blocks: &'a [std::ops::Range<usize>],
}

/// The median stopword share over lines of at least 12 words that end a
/// sentence, or `None` without a stopword list or such lines.
pub fn stopword_median(features: &[Features]) -> Option<f32> {
    let mut shares: Vec<f32> = features
        .iter()
        .filter(|f| f.words >= 12 && f.ends_sentence)
        .filter_map(Features::stopword_share)
        .collect();
    if shares.is_empty() {
        return None;
    }
    shares.sort_by(f32::total_cmp);
    Some(shares[shares.len() / 2])
}

impl Doc<'_> {
    /// Line `i` in lower case (`str::to_lowercase`), computed once per line
    /// by [`crate::features::measure`] for all but long lines.
    pub fn lowered(&self, i: usize) -> Cow<'_, str> {
        match &self.features[i].lowered {
            Some(lowered) => Cow::Borrowed(lowered),
            None => Cow::Owned(crate::lexicon::lowercase(&self.lines[i].text)),
        }
    }

    /// Line `i` as [`crate::lexicon::normalize_phrase`] gives it, from the
    /// lower-cased line.
    pub fn normalized(&self, i: usize) -> Cow<'_, str> {
        match self.lowered(i) {
            Cow::Borrowed(lowered) => Cow::Borrowed(crate::lexicon::trim_phrase(lowered)),
            Cow::Owned(lowered) => Cow::Owned(crate::lexicon::trim_phrase(&lowered).to_string()),
        }
    }

    /// Index of the previous non-blank line.
    pub fn prev_text(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.lines[j].is_blank())
    }

    /// Index of the next non-blank line.
    pub fn next_text(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank())
    }
}

/// A rule that labels lines. Implement it to add site rules of your own and
/// hand it to [`crate::ExtractorBuilder::classifier`]; it runs before the
/// built-ins.
pub trait LineClassifier: Send + Sync {
    /// A short name, for documentation and debugging.
    fn name(&self) -> &'static str;
    /// The decision for line `i`, or `None` to let the next classifier try.
    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision>;
}

/// The built-in classifiers, in their fixed order.
pub fn builtin() -> Vec<Box<dyn LineClassifier>> {
    vec![
        Box::new(blank::Blank),
        Box::new(dom::Dom),
        Box::new(placeholder::Placeholder),
        Box::new(section::Section),
        Box::new(counter::Counter),
        Box::new(source::Source),
        Box::new(caption::Caption),
        Box::new(boilerplate::Boilerplate),
        Box::new(dateline::Dateline),
        Box::new(teaser::GluedTeaser),
        Box::new(prose::Prose::default()),
    ]
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod testing {
    //! Builds a one-document context for classifier unit tests.
    use super::*;

    /// Runs `classifier` on line `i` of `text` (one line per `\n`), with the
    /// language given.
    pub fn classify_in(
        classifier: &dyn LineClassifier,
        text: &str,
        i: usize,
        lang: Option<&'static str>,
    ) -> Option<Decision> {
        let lines: Vec<Line> = text
            .split('\n')
            .enumerate()
            .map(|(k, t)| Line::new(k + 1, t.trim()))
            .collect();
        let lexicon = Lexicon::get();
        let stop = lang.and_then(|l| lexicon.stopwords(l));
        let mut scratch = String::new();
        let features: Vec<Features> = lines
            .iter()
            .map(|l| crate::features::measure(&l.text, stop, &mut scratch))
            .collect();
        let doc = Doc {
            lines: &lines,
            features: &features,
            lang,
            lexicon,
            stopword_median: stopword_median(&features),
            blocks: &[],
        };
        classifier.classify(&doc, i)
    }

    /// Runs `classifier` on a single line.
    pub fn classify_one(classifier: &dyn LineClassifier, line: &str) -> Option<Decision> {
        classify_in(classifier, line, 0, None)
    }
}
