//! DOM evidence for HTML lines: hidden blocks, blocks inside navigation,
//! footers, asides, forms or elements whose class names chrome, and
//! link-dense blocks. Text dumps carry no hints, so this passes on them.

use super::{Decision, Doc, LineClassifier};
use crate::line::{Label, Zones};
use crate::reason::Reason;

/// Claims HTML blocks the DOM already marks as chrome.
pub struct Dom;

/// A block whose characters are mostly link text is navigation.
pub const MAX_LINK_DENSITY: f32 = 0.5;

/// Words a sentence-bearing line needs to outweigh a chrome class name.
pub const MIN_PROSE_WORDS: usize = 12;

impl LineClassifier for Dom {
    fn name(&self) -> &'static str {
        "dom"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let hints = doc.lines[i].hints.as_deref()?;
        if hints.hidden {
            return Some(Decision::chrome(Reason::Hidden));
        }
        if hints.zones.intersects(Zones::FIGCAPTION) {
            return Some(Decision::fixed(Label::Caption, Reason::FigureCaption));
        }
        let zone_names = Zones(
            hints.zones.0 & (Zones::NAV.0 | Zones::FOOTER.0 | Zones::ASIDE.0 | Zones::FORM.0),
        );
        if !hints.zones.contains(Zones::MAIN)
            && let Some(name) = zone_names.names().first()
        {
            return Some(Decision::chrome(Reason::DomChrome {
                token: (*name).to_string(),
            }));
        }
        let f = &doc.features[i];
        // Class names are soft evidence: a wrapper's class can name a role
        // it does not have ("content-with-sidebar", "Blog widget"). They
        // settle short and link-heavy lines; prose under them goes on to the
        // other rules and the body zone. Comments are prose too, so their
        // class settles every line.
        let prose = f.words >= MIN_PROSE_WORDS
            && (f.ends_sentence || f.inner_sentences > 0)
            && hints.link_density < 0.3;
        if let Some(token) = hints
            .chrome_tokens
            .iter()
            .find(|t| **t == "comment")
            .or_else(|| hints.chrome_tokens.first().filter(|_| !prose))
        {
            return Some(Decision::chrome(Reason::DomChrome {
                token: (*token).to_string(),
            }));
        }
        if hints.link_density > MAX_LINK_DENSITY && !(f.words >= 30 && f.ends_sentence) {
            return Some(Decision::chrome(Reason::LinkDense {
                density: hints.link_density,
            }));
        }
        None
    }
}
