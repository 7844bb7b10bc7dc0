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
        if let Some(token) = hints.chrome_tokens.first() {
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
