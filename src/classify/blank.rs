//! Empty lines.

use super::{Decision, Doc, LineClassifier};
use crate::line::Label;
use crate::reason::Reason;

/// Claims lines with no visible text.
pub struct Blank;

impl LineClassifier for Blank {
    fn name(&self) -> &'static str {
        "blank"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        doc.lines[i]
            .is_blank()
            .then(|| Decision::fixed(Label::Blank, Reason::Blank))
    }
}
