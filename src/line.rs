//! The line model every front-end produces and every stage reads.
//!
//! A text dump gives one [`Line`] per input line; the HTML front-end gives one
//! per block element and fills in [`DomHints`]. Downstream stages never ask
//! which front-end a line came from: they look at the text, and at the hints
//! when there are some.

use std::borrow::Cow;

use serde::Serialize;

/// One unit of input: a paragraph of a text dump or a block of an HTML page.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// 1-based position in the input: the line number of a text dump, the
    /// block number of an HTML page.
    pub n: usize,
    /// The text, with surrounding whitespace trimmed and tabs made spaces.
    pub text: String,
    /// What the DOM said about this block; `None` for text dumps.
    pub hints: Option<DomHints>,
}

impl Line {
    /// A text-dump line.
    pub fn new(n: usize, text: impl Into<String>) -> Line {
        Line {
            n,
            text: text.into(),
            hints: None,
        }
    }

    /// True when the line holds no visible text.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Structural zones of a page that a block can sit inside. Stored as bits so a
/// block inside `<footer><nav>` carries both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Zones(pub u16);

impl Zones {
    /// `<nav>` or role=navigation.
    pub const NAV: Zones = Zones(1);
    /// `<header>` (outside `<article>`).
    pub const HEADER: Zones = Zones(1 << 1);
    /// `<footer>` (outside `<article>`).
    pub const FOOTER: Zones = Zones(1 << 2);
    /// `<aside>` or role=complementary.
    pub const ASIDE: Zones = Zones(1 << 3);
    /// `<form>`.
    pub const FORM: Zones = Zones(1 << 4);
    /// `<figure>`.
    pub const FIGURE: Zones = Zones(1 << 5);
    /// `<figcaption>` or `<caption>`.
    pub const FIGCAPTION: Zones = Zones(1 << 6);
    /// `<table>`.
    pub const TABLE: Zones = Zones(1 << 7);
    /// `<li>`.
    pub const LIST_ITEM: Zones = Zones(1 << 8);
    /// `<article>` or `<main>` or role=main.
    pub const MAIN: Zones = Zones(1 << 9);
    /// `<blockquote>`.
    pub const QUOTE: Zones = Zones(1 << 10);
    /// `<pre>` or `<code>`.
    pub const CODE: Zones = Zones(1 << 11);
    /// An `<article>` inside another one that does not hold the page's
    /// article: by the HTML standard, a comment or a related article.
    pub const INNER_ARTICLE: Zones = Zones(1 << 12);

    /// True when every bit of `other` is set.
    pub fn contains(self, other: Zones) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when any bit of `other` is set.
    pub fn intersects(self, other: Zones) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets of bits.
    pub fn with(self, other: Zones) -> Zones {
        Zones(self.0 | other.0)
    }

    /// The names of the set bits, for `--explain`.
    pub fn names(self) -> Vec<&'static str> {
        const NAMES: [&str; 13] = [
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "figure",
            "figcaption",
            "table",
            "li",
            "main",
            "blockquote",
            "code",
            "inner article",
        ];
        NAMES
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.0 & (1 << bit) != 0)
            .map(|(_, name)| *name)
            .collect()
    }
}

/// What the DOM says about a block, filled in by the HTML front-end.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DomHints {
    /// The block element's tag name, lower case (`p`, `h2`, `li`, `div`...).
    pub tag: Cow<'static, str>,
    /// 1 to 6 for `<h1>`..`<h6>`, else 0.
    pub heading_level: u8,
    /// Share of the block's characters that sit inside `<a>` elements.
    pub link_density: f32,
    /// Element depth below `<body>`.
    pub depth: u16,
    /// Zones the block sits inside.
    pub zones: Zones,
    /// Chrome words found in the class and id attributes of the block and its
    /// ancestors (`nav`, `share`, `comment`, `related`...), deduplicated.
    pub chrome_tokens: Cow<'static, [&'static str]>,
    /// Hidden by the `hidden` attribute, `aria-hidden="true"` or an inline
    /// `display:none` / `visibility:hidden`.
    pub hidden: bool,
    /// All of the line's text is set in bold or in a large font: what old
    /// layouts made headlines of before heading elements were used.
    pub bold: bool,
    /// All of the line's text is set in italics.
    pub italic: bool,
    /// An image stands right above the line's first word, with no text
    /// between: where a caption goes.
    pub after_image: bool,
    /// The line is the only text of the element that holds it and the
    /// image above it, and a block boundary parts the two (a photo box:
    /// `<div><img><p>…</p></div>`, a table of an image row and a text
    /// row): how pages without caption markup set a photo's caption.
    pub photo_box: bool,
}

/// What a line became. Every input line ends with exactly one label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// The article headline.
    Title,
    /// The standfirst right after the headline.
    Subtitle,
    /// The author line.
    Byline,
    /// The publication date line.
    Date,
    /// A paragraph of the article.
    Body,
    /// A photo or figure caption.
    Caption,
    /// A "Source: URL" line.
    Source,
    /// Site furniture: menus, prompts, counters, related lists, footers...
    Chrome,
    /// An empty line.
    Blank,
}

impl Label {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Title => "title",
            Label::Subtitle => "subtitle",
            Label::Byline => "byline",
            Label::Date => "date",
            Label::Body => "body",
            Label::Caption => "caption",
            Label::Source => "source",
            Label::Chrome => "chrome",
            Label::Blank => "blank",
        }
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
