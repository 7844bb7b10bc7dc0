//! DOM evidence for HTML lines: hidden blocks, blocks inside navigation,
//! footers, asides, forms or elements whose class names chrome, and
//! link-dense blocks. Text dumps carry no hints, so this passes on them.

use super::{Decision, Doc, LineClassifier};
use crate::lexicon::LinePhrase;
use crate::line::{Label, Zones};
use crate::reason::Reason;

/// Claims HTML blocks the DOM already marks as chrome.
pub struct Dom;

/// A block whose characters are mostly link text is navigation.
pub const MAX_LINK_DENSITY: f32 = 0.5;

/// Words a sentence needs to stay prose with more than half of it linked.
const LINKED_PROSE_WORDS: usize = 15;

/// Longest line read as a caption under an image: captions are a sentence
/// or two.
const MAX_IMAGE_CAPTION_WORDS: usize = 40;

/// Fewest words of a caption found by its photo box alone.
const MIN_BOX_CAPTION_WORDS: usize = 4;

/// A line wholly inside quotation marks.
fn is_quotation(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(['"', '“', '„', '«', '‘', '「'])
        && t.trim_end_matches(['.', ','])
            .ends_with(['"', '”', '“', '»', '’', '」'])
}

/// Longest heading read as a comments heading.
const MAX_COMMENTS_HEADING_WORDS: usize = 6;

/// A short heading with a comments word in it: "Top Rated Comments",
/// "3 Kommentare zu diesem Artikel". The words come from the phrase data's
/// one-word comments headers.
fn is_comments_heading(doc: &Doc<'_>, i: usize) -> bool {
    if doc.features[i].words > MAX_COMMENTS_HEADING_WORDS {
        return false;
    }
    doc.lines[i]
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .any(|w| doc.lexicon.line_phrase(&w.to_lowercase()) == Some(LinePhrase::CommentsHeader))
}

impl LineClassifier for Dom {
    fn name(&self) -> &'static str {
        "dom"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let hints = doc.lines[i].hints.as_ref()?;
        if hints.hidden {
            return Some(Decision::chrome(Reason::Hidden));
        }
        if hints.zones.intersects(Zones::FIGCAPTION) {
            return Some(Decision::fixed(Label::Caption, Reason::FigureCaption));
        }
        let f = &doc.features[i];
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
        if hints.zones.intersects(Zones::INNER_ARTICLE) {
            return Some(Decision::chrome(Reason::DomChrome {
                token: "inner article".to_string(),
            }));
        }
        if let Some(token) = hints.chrome_tokens.first() {
            return Some(Decision::chrome(Reason::DomChrome {
                token: (*token).to_string(),
            }));
        }
        // What any caption is: no heading, short, few links, no quotation.
        let caption_shaped = || {
            hints.heading_level == 0
                && f.words <= MAX_IMAGE_CAPTION_WORDS
                && hints.link_density <= MAX_LINK_DENSITY
                && !is_quotation(&doc.lines[i].text)
        };
        // Before `<figcaption>`, a page put a photo in one table cell or
        // paragraph and its caption, in italics, right under it. Body text
        // is rarely set wholly in italics straight after an image; when it
        // is, it is longer than a caption, or a pull quote in quotation
        // marks.
        if hints.after_image && hints.italic && caption_shaped() {
            return Some(Decision::fixed(
                Label::Caption,
                Reason::ItalicUnderImage { words: f.words },
            ));
        }
        // Pages without caption markup put a photo and its caption in a
        // box of their own: a `<div>` holding the image and one paragraph,
        // a table of an image row and a text row. A paragraph of the
        // article is never all the text of such a box, unless the article
        // is a single paragraph, which is longer than a caption. A name
        // alone next to a portrait, or a byline ("Written by ..."), is an
        // author box, not a caption.
        if hints.photo_box
            && caption_shaped()
            && f.words >= MIN_BOX_CAPTION_WORDS
            && super::dateline::prefixed_name(&doc.lines[i].text, &doc.lowered(i), doc.lexicon)
                .is_none()
        {
            return Some(Decision::fixed(
                Label::Caption,
                Reason::AloneWithImage { words: f.words },
            ));
        }
        if hints.heading_level > 0 && is_comments_heading(doc, i) {
            return Some(Decision::chrome(Reason::CommentsHeader {
                header: doc.lines[i].text.clone(),
            }));
        }
        // A long sentence with a few words linked is prose; one that is
        // all link is a teaser pointing elsewhere.
        let linked_prose =
            f.words >= LINKED_PROSE_WORDS && f.ends_sentence && hints.link_density < 0.8;
        if hints.link_density > MAX_LINK_DENSITY && !linked_prose {
            return Some(Decision::chrome(Reason::LinkDense {
                density: hints.link_density,
            }));
        }
        None
    }
}
