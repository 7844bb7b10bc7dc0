//! The HTML front-end: parses a page with html5ever into our own tree
//! (`read::dom`) and walks it into block lines carrying [`DomHints`].
//!
//! Each block element (`p`, `div`, `li`, `h2`, `td`...) gives one line made
//! of its own text: inline children are glued in, whitespace is collapsed,
//! and text of nested blocks goes to lines of their own. A `<br>` after a
//! sentence end, or two `<br>` in a row, also ends a line (old layouts make
//! paragraphs that way). Scripts, styles, templates, `noscript`, SVG, frames,
//! form controls and the `<head>` give no lines; image alt text is no text.
//!
//! The walk is one pass over the tree with an explicit stack, so deeply
//! nested pages cannot overflow the call stack, and every node is visited
//! once. Metadata elements (`<title>`, `<meta>`, canonical links, JSON-LD,
//! `<time>`, `rel=author`) are collected on the way into [`PageMeta`].

use html5ever::{LocalName, local_name};

use super::dom::{self, Dom, Edge, Element, NodeData, NodeId, ROOT};
use super::raw_text::{comment_end, find_end_tag};
use crate::hash::FxHashMap;
use crate::line::{DomHints, Line, Zones};
use crate::metadata::PageMeta;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

/// A page read into lines and raw metadata.
#[derive(Clone, Debug, Default)]
pub struct HtmlPage {
    /// One line per block of visible (or hidden, flagged) text.
    pub lines: Vec<Line>,
    /// What the page says about itself.
    pub meta: PageMeta,
    /// The line ranges (`start..end`) of block elements holding at least one
    /// line, in document order of their ends; nested elements give nested
    /// ranges. The body-zone pass picks the article's container among them.
    pub blocks: Vec<std::ops::Range<usize>>,
}

/// Chrome words looked for in class and id attributes, as reported in
/// [`DomHints::chrome_tokens`]. The position in this list is the token's bit.
pub const CHROME_TOKENS: [&str; 21] = [
    "nav",
    "menu",
    "share",
    "social",
    "related",
    "comment",
    "footer",
    "cookie",
    "newsletter",
    "promo",
    "ad",
    "sidebar",
    "breadcrumb",
    "popup",
    "subscribe",
    "sponsor",
    "widget",
    "tags",
    "trending",
    "recommended",
    "author",
];

/// Bit of a token name in [`CHROME_TOKENS`].
const fn bit(k: usize) -> u32 {
    1 << k
}

/// Words [`token_of_part`] also finds inside compound parts, by index.
const INNER_WORDS: [&[u8]; 15] = [
    b"menu",
    b"social",
    b"related",
    b"comment",
    b"footer",
    b"cookie",
    b"newsletter",
    b"sidebar",
    b"breadcrumb",
    b"popup",
    b"subscri",
    b"sponsor",
    b"widget",
    b"trending",
    b"recommend",
];

// Indices into [`INNER_WORDS`].
const MENU: usize = 0;
const SOCIAL: usize = 1;
const RELATED: usize = 2;
const COMMENT: usize = 3;
const FOOTER: usize = 4;
const COOKIE: usize = 5;
const NEWSLETTER: usize = 6;
const SIDEBAR: usize = 7;
const BREADCRUMB: usize = 8;
const POPUP: usize = 9;
const SUBSCRI: usize = 10;
const SPONSOR: usize = 11;
const WIDGET: usize = 12;
const TRENDING: usize = 13;
const RECOMMEND: usize = 14;

/// Bits of the [`INNER_WORDS`] that occur in `b`: one pass over the part.
/// The words' first four bytes differ, so each position is tried against
/// its four bytes in one `match`, and only a word starting so is compared
/// whole.
fn inner_words(b: &[u8]) -> u16 {
    let mut found = 0u16;
    for i in 0..b.len().saturating_sub(3) {
        let k = match &b[i..i + 4] {
            b"menu" => MENU,
            b"soci" => SOCIAL,
            b"rela" => RELATED,
            b"comm" => COMMENT,
            b"foot" => FOOTER,
            b"cook" => COOKIE,
            b"news" => NEWSLETTER,
            b"side" => SIDEBAR,
            b"brea" => BREADCRUMB,
            b"popu" => POPUP,
            b"subs" => SUBSCRI,
            b"spon" => SPONSOR,
            b"widg" => WIDGET,
            b"tren" => TRENDING,
            b"reco" => RECOMMEND,
            _ => continue,
        };
        if b[i..].starts_with(INNER_WORDS[k]) {
            found |= 1 << k;
        }
    }
    found
}

/// The chrome token one lower-case part of a class or id names, as a bit.
///
/// Short words match only as whole parts ("ad" in `ad-slot`, never in
/// `header`, `read` or `download`); longer ones also inside compounds
/// (`relatedposts`, `commentlist`, `megamenu`).
fn token_of_part(p: &str) -> u32 {
    if p.len() < 2 {
        return 0;
    }
    // All inner words are looked for at once; `has` reads the result.
    let found = inner_words(p.as_bytes());
    let has = |k: usize| found & (1 << k) != 0;
    if p == "nav"
        || p.starts_with("navbar")
        || p.starts_with("navigation")
        || p.starts_with("navlist")
        || p.starts_with("navlinks")
        || (p.ends_with("nav") && p.len() <= 8 && p != "canvas")
    {
        return bit(0);
    }
    if has(MENU) {
        return bit(1);
    }
    if (p.starts_with("share") && !p.starts_with("shareholder"))
        || p == "sharing"
        || (p.ends_with("share") && p.len() <= 14)
        || p == "addthis"
        || p == "addtoany"
    {
        return bit(2);
    }
    if has(SOCIAL) {
        return bit(3);
    }
    if has(RELATED) {
        return bit(4);
    }
    if has(COMMENT) || p == "disqus" || p == "replies" {
        return bit(5);
    }
    if has(FOOTER) {
        return bit(6);
    }
    if has(COOKIE) || p == "consent" || p == "gdpr" {
        return bit(7);
    }
    if has(NEWSLETTER) {
        return bit(8);
    }
    if p.starts_with("promo") || p == "cta" {
        return bit(9);
    }
    if matches!(
        p,
        "ad" | "ads"
            | "adv"
            | "adslot"
            | "adunit"
            | "adbox"
            | "adsense"
            | "adsbygoogle"
            | "adwrapper"
            | "adcontainer"
            | "adzone"
            | "adblock"
            | "dfp"
            | "banner"
    ) || p.starts_with("advert")
    {
        return bit(10);
    }
    if has(SIDEBAR) || p == "rail" {
        return bit(11);
    }
    if has(BREADCRUMB) {
        return bit(12);
    }
    if has(POPUP) || p == "modal" {
        return bit(13);
    }
    if has(SUBSCRI) || p == "paywall" {
        return bit(14);
    }
    if has(SPONSOR) {
        return bit(15);
    }
    if has(WIDGET) {
        return bit(16);
    }
    if matches!(p, "tags" | "tagcloud" | "taglist" | "tagged") {
        return bit(17);
    }
    if has(TRENDING) {
        return bit(18);
    }
    if has(RECOMMEND) || p == "outbrain" || p == "taboola" {
        return bit(19);
    }
    // Author boxes and bios below the article; the byline they may hold is
    // read from the page's metadata.
    if matches!(
        p,
        "author" | "authors" | "bio" | "biography" | "authorbio" | "aboutauthor" | "authorbox"
    ) {
        return bit(20);
    }
    0
}

/// First parts that make a class a state flag, not a role:
/// `has-comments`, `no-sidebar`, `is-sticky`.
const STATE_PREFIXES: [&str; 10] = [
    "has", "no", "with", "is", "show", "hide", "enable", "disable", "js", "can",
];

/// Class names that hide their element from sighted readers.
const HIDING_CLASSES: [&str; 5] = [
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
];

/// CSS framework utility classes that set `display: none` (Bootstrap 3,
/// Tailwind and many themes' `hidden`, Bootstrap 4's `d-none`, Bulma's
/// `is-hidden`).
const DISPLAY_NONE_CLASSES: [&str; 3] = ["hidden", "d-none", "is-hidden"];

/// Splits one class or id value into lower-case parts at punctuation and at
/// camelCase humps, calling `f` on each. A part is a run of ASCII letters
/// and digits of the value (any other byte, UTF-8 included, separates), so
/// a part already in lower case is passed as a slice of the value; others
/// are lower-cased into a buffer. Allocation-free for parts up to 64 bytes.
fn for_each_part(value: &str, mut f: impl FnMut(&str)) {
    let b = value.as_bytes();
    // `upper`: the part holds an upper-case letter (known from the split,
    // so a part is not read again to learn it).
    let mut emit = |start: usize, end: usize, upper: bool| {
        // An empty part may sit inside a multi-byte character; a part with
        // bytes starts and ends next to ASCII letters or digits, on
        // character boundaries.
        if start >= end {
            return;
        }
        let part = &value[start..end];
        if !upper {
            return f(part);
        }
        let mut buf = [0u8; 64];
        let lower = if part.len() <= buf.len() {
            buf[..part.len()].copy_from_slice(part.as_bytes());
            buf[..part.len()].make_ascii_lowercase();
            // Lower-cased ASCII stays valid UTF-8.
            std::str::from_utf8(&buf[..part.len()]).unwrap_or_default()
        } else {
            return f(&part.to_ascii_lowercase());
        };
        f(lower);
    };
    let mut start = 0;
    // The byte before is a lower-case letter or a digit.
    let mut prev_lower = false;
    let mut upper = false;
    for (i, &c) in b.iter().enumerate() {
        match PART_BYTES[usize::from(c)] {
            PART_SEPARATOR => {
                emit(start, i, upper);
                start = i + 1;
                (prev_lower, upper) = (false, false);
            }
            PART_UPPER => {
                if prev_lower {
                    emit(start, i, upper);
                    start = i;
                }
                (prev_lower, upper) = (false, true);
            }
            _ => prev_lower = true,
        }
    }
    emit(start, b.len(), upper);
}

/// [`PART_BYTES`] of a byte that is no ASCII letter or digit.
const PART_SEPARATOR: u8 = 0;
/// [`PART_BYTES`] of an ASCII upper-case letter.
const PART_UPPER: u8 = 1;
/// [`PART_BYTES`] of an ASCII lower-case letter or digit.
const PART_LOWER: u8 = 2;

/// What each byte is to [`for_each_part`]: one table load per byte instead
/// of three range tests.
const PART_BYTES: [u8; 256] = {
    let mut table = [PART_SEPARATOR; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_uppercase() {
            table[c] = PART_UPPER;
        } else if b.is_ascii_lowercase() || b.is_ascii_digit() {
            table[c] = PART_LOWER;
        }
        c += 1;
    }
    table
};

/// Chrome token bits of one class (or id) name, and whether it names a
/// popup card; one pass over its parts.
///
/// A class naming a state (`has-comments`) or an embed (`social-media-embed`,
/// the wrapper of a quoted post inside an article) names no chrome.
///
/// Tooltips, popovers and hover cards: style sheets keep them hidden until
/// the pointer comes ("rollover-people-block", "tooltip-content").
/// The element that triggers one (`rollover-people`, around the visible
/// link) stays: only its card part (`-block`, `-content`, `-card`) hides.
fn read_class(class: &str) -> (u32, bool) {
    let mut bits = 0;
    let mut first = true;
    let mut ignore = false;
    let (mut popup, mut card) = (false, false);
    for_each_part(class, |p| {
        if first {
            ignore = STATE_PREFIXES.contains(&p);
            first = false;
        }
        if p.starts_with("embed") {
            ignore = true;
        }
        // Once ignored, always: the tokens of the rest are not needed.
        if !ignore {
            bits |= token_of_part(p);
        }
        popup |= matches!(p, "tooltip" | "popover" | "rollover" | "hovercard");
        card |= matches!(p, "block" | "content" | "card" | "body" | "inner" | "text");
    });
    (if ignore { 0 } else { bits }, popup && card)
}

/// What the walk reads from one `class` (or `id`) value.
#[derive(Clone, Copy, Default)]
pub(super) struct ClassInfo {
    /// Chrome token bits of all its classes.
    tokens: u32,
    /// A class names a caption.
    caption: bool,
    /// A class hides the element from sighted readers.
    hiding: bool,
    /// A utility class of CSS frameworks that sets `display: none`
    /// (`hidden`, `d-none`, `is-hidden`): it hides the element unless the
    /// value also holds a responsive variant (`hidden md:block`).
    display_none: bool,
    /// A class is `author` or names the author's name (`author-name`,
    /// `author_name`, `authorName`, in any case), or is such a BEM element
    /// (`detail__author`): the metadata's marked author. Not `author-box` nor `author-bio`, which hold more than a name.
    author: bool,
}

impl ClassInfo {
    /// The information of one class (or id) name.
    fn of_class(class: &str) -> ClassInfo {
        let (tokens, popup) = read_class(class);
        ClassInfo {
            tokens,
            // Only a window starting with `c` or `C` (the one byte that
            // ORs with 0x20 to `c`) is compared whole.
            caption: class
                .as_bytes()
                .windows(7)
                .any(|w| w[0] | 0x20 == b'c' && w.eq_ignore_ascii_case(b"caption")),
            hiding: HIDING_CLASSES.contains(&class) || popup,
            display_none: DISPLAY_NONE_CLASSES.contains(&class),
            author: ["author", "author-name", "author_name", "authorname"]
                .iter()
                .any(|name| {
                    class.eq_ignore_ascii_case(name)
                        // A BEM element of a block: "detail__author".
                        || class.len() > name.len() + 2
                            && class.is_char_boundary(class.len() - name.len() - 2)
                            && class[class.len() - name.len() - 2..]
                                .strip_prefix("__")
                                .is_some_and(|tail| tail.eq_ignore_ascii_case(name))
                }),
        }
    }

    /// Whether a `class` value with this information is read as if absent.
    pub(super) fn names_nothing(self) -> bool {
        self.tokens == 0 && !self.caption && !self.hiding && !self.display_none && !self.author
    }

    /// Whether an `id` value with this information is read as if absent:
    /// of an `id`, only the chrome tokens are read.
    pub(super) fn names_no_token(self) -> bool {
        self.tokens == 0
    }

    /// A display utility class left standing hides the element.
    fn with_display(mut self) -> ClassInfo {
        self.hiding |= self.display_none;
        self
    }

    fn or(self, other: ClassInfo) -> ClassInfo {
        ClassInfo {
            tokens: self.tokens | other.tokens,
            caption: self.caption || other.caption,
            hiding: self.hiding || other.hiding,
            display_none: self.display_none || other.display_none,
            author: self.author || other.author,
        }
    }
}

/// [`ClassInfo`] remembered per attribute value and per class name, for the
/// survey and the walk: pages repeat a few hundred class values, made of
/// fewer names, over thousands of elements.
#[derive(Default)]
pub(super) struct ClassCache<'a> {
    values: FxHashMap<&'a str, ClassInfo>,
    names: FxHashMap<&'a str, ClassInfo>,
}

impl<'a> ClassCache<'a> {
    /// A cache sized for a page: the bench pages have a few hundred
    /// distinct values each, which a default map reaches through six
    /// rehashes.
    pub(super) fn for_page() -> ClassCache<'a> {
        ClassCache {
            values: FxHashMap::with_capacity_and_hasher(512, Default::default()),
            names: FxHashMap::with_capacity_and_hasher(256, Default::default()),
        }
    }

    /// The information of a `class` (or `id`) value: all its names'.
    pub(super) fn get(&mut self, value: &'a str) -> ClassInfo {
        // One hash and probe of the value, whether seen or new: a new value
        // is stored through the same entry instead of being looked up again.
        let slot = match self.values.entry(value) {
            Entry::Occupied(seen) => return *seen.get(),
            Entry::Vacant(slot) => slot,
        };
        // Most values are one name (and every `id`): that name's
        // information is the value's, read without a second lookup in (and
        // an entry grown into) the name map. A name read here and again
        // inside a longer value is read twice, to the same result.
        if !value.bytes().any(|b| b.is_ascii_whitespace()) {
            return *slot.insert(ClassInfo::of_class(value).with_display());
        }
        let mut info = ClassInfo::default();
        for class in value.split_ascii_whitespace() {
            let one = *self
                .names
                .entry(class)
                .or_insert_with(|| ClassInfo::of_class(class));
            info = info.or(one);
        }
        // "hidden md:block": shown from a screen width on.
        if value.contains(':') {
            info.display_none = false;
        }
        *slot.insert(info.with_display())
    }
}

/// An attribute's value, by local name (atoms compare as integers). As
/// with [`CommonAttrs`], the first attribute of a name counts.
pub(crate) fn attr<'e>(el: &'e Element, name: &LocalName) -> Option<&'e str> {
    // The pre-parse scan drops the attributes it does not know to be read:
    // one read here must be on its list (checked in the unit tests, which
    // read every attribute the reader and the metadata use).
    if cfg!(test) {
        assert!(
            super::raw_text::is_read(el.name().as_bytes(), name.as_bytes()),
            "attribute {} of <{}> is read but dropped before parsing (raw_text::is_read)",
            &**name,
            el.name()
        );
    }
    el.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// The attributes the walk (and [`PageMeta::collect`]) reads on every
/// element, found in one pass over the element's attributes instead of one
/// scan per name. As with [`attr`], the first attribute of a name counts.
#[derive(Clone, Copy, Default)]
pub(crate) struct CommonAttrs<'e> {
    pub class: Option<&'e str>,
    pub id: Option<&'e str>,
    pub role: Option<&'e str>,
    pub itemprop: Option<&'e str>,
    pub hidden: Option<&'e str>,
    pub aria_hidden: Option<&'e str>,
    pub style: Option<&'e str>,
}

impl<'e> CommonAttrs<'e> {
    pub(crate) fn of(el: &'e Element) -> CommonAttrs<'e> {
        let mut a = CommonAttrs::default();
        for (name, value) in el.attrs() {
            // Atoms of the static set: each test compares two integers.
            let slot = if *name == local_name!("class") {
                &mut a.class
            } else if *name == local_name!("id") {
                &mut a.id
            } else if *name == local_name!("role") {
                &mut a.role
            } else if *name == local_name!("itemprop") {
                &mut a.itemprop
            } else if *name == local_name!("hidden") {
                &mut a.hidden
            } else if *name == local_name!("aria-hidden") {
                &mut a.aria_hidden
            } else if *name == local_name!("style") {
                &mut a.style
            } else {
                continue;
            };
            slot.get_or_insert(value);
        }
        a
    }
}

/// Names of the set token bits. Most blocks under chrome carry one token:
/// its name is borrowed from [`CHROME_TOKENS`] (no allocation per line);
/// only two or more are collected.
fn token_names(bits: u32) -> Cow<'static, [&'static str]> {
    if bits == 0 {
        return Cow::Borrowed(&[]);
    }
    if bits.is_power_of_two() {
        let k = bits.trailing_zeros() as usize;
        return Cow::Borrowed(&CHROME_TOKENS[k..=k]);
    }
    CHROME_TOKENS
        .iter()
        .enumerate()
        .filter(|(k, _)| bits & (1 << k) != 0)
        .map(|(_, name)| *name)
        .collect::<Vec<_>>()
        .into()
}

/// How an element takes part in the walk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Its text is glued into the enclosing block's line.
    Inline,
    /// It starts and ends a line.
    Block,
    /// Nothing inside it is page text.
    Skip,
}

/// Passes the names of the elements that are blocks (each starts and ends a
/// line) to `$then!`, after its own arguments: one list for [`kind_of`] and
/// [`hint_tag`].
macro_rules! block_tags {
    ($then:ident!($($arg:tt)*)) => {
        $then!($($arg)*
            "address" "article" "aside" "blockquote" "body" "center" "dd" "details"
            "dialog" "dir" "div" "dl" "dt" "fieldset" "figcaption" "figure"
            "footer" "form" "h1" "h2" "h3" "h4" "h5" "h6" "header" "hgroup"
            "hr" "html" "legend" "li" "main" "menu" "nav" "ol" "p" "pre"
            "section" "summary" "table" "tbody" "td" "tfoot" "th" "thead" "tr"
            "caption" "ul" "listing" "plaintext" "xmp" "output")
    };
}

/// The pattern matching any of the names.
macro_rules! any_of {
    ($($name:literal)*) => { $($name)|* };
}

fn kind_of(tag: &str) -> Kind {
    match tag {
        "script" | "style" | "template" | "noscript" | "svg" | "math" | "iframe" | "frame"
        | "frameset" | "object" | "embed" | "canvas" | "head" | "select" | "option"
        | "optgroup" | "datalist" | "textarea" | "button" | "audio" | "video" | "map" | "input"
        | "img" | "picture" | "source" | "track" | "param" | "link" | "meta" | "title" | "base" => {
            Kind::Skip
        }
        block_tags!(any_of!()) => Kind::Block,
        // Custom elements (`amp-sidebar`, `my-widget`) are containers.
        _ if tag.contains('-') => Kind::Block,
        _ => Kind::Inline,
    }
}

/// The tag of a line's block as its hints keep it: a name [`kind_of`]
/// reads as a block is borrowed, so a line costs no allocation for it; only
/// a custom element's name (`amp-sidebar`) is copied.
fn hint_tag(tag: &str) -> Cow<'static, str> {
    macro_rules! borrowed_if_listed {
        ($($name:literal)*) => {
            match tag {
                $($name => Cow::Borrowed($name),)*
                other => Cow::Owned(other.to_owned()),
            }
        };
    }
    block_tags!(borrowed_if_listed!())
}

/// Whitespace, and the zero-width characters pages use as spacers.
/// Other Unicode spaces (the ideographic space of Japanese headlines) are
/// text and stay, and so does the zero-width non-joiner: Persian, Kurdish
/// and the Indic scripts write it inside words ("می‌گویند").
pub fn is_space(c: char) -> bool {
    c.is_ascii_whitespace() || matches!(c, '\u{a0}' | '\u{200b}' | '\u{feff}')
}

/// One open element during the walk; the inherited values are cumulative.
#[derive(Clone)]
struct Frame<'a> {
    kind: Kind,
    /// Inside a skipped element: no text.
    skip: bool,
    /// Inside `svg`, `math` or `template`: not even metadata.
    foreign: bool,
    zones: Zones,
    tokens: u32,
    hidden: bool,
    anchor: bool,
    depth: u16,
    /// Index of the nearest block frame (itself when a block).
    block: usize,
    /// Tag name, for block frames.
    tag: Option<&'a str>,
    heading: u8,
    /// Lines already made when the element opened.
    first_line: usize,
    /// Inside an `<article>`.
    in_article: bool,
    /// Inside `<b>`, `<strong>`, `<big>` or a `<font>` of size 4 and up.
    strong: bool,
    /// Inside `<i>`, `<em>` or `<cite>`.
    italic: bool,
    /// Pre-order number of the element.
    id: usize,
    /// Holds an image and then, as its first text, the line of this
    /// number: a photo box if that line is all the text it holds.
    photo_line: Option<usize>,
    /// An inline element that [`parts_words`].
    parts: bool,
    /// The element is an `<a>`.
    anchor_tag: bool,
    /// Length of the gathered text when the element opened: an element
    /// that added none is no part (the pre-parse scan drops empty ones).
    text_at_open: usize,
    /// Whether a part break was pending before the element opened: an
    /// empty part puts it back as it was when it closes, so that the text
    /// after it reads as if it were not there.
    break_before: bool,
}

/// The line being gathered.
#[derive(Default)]
struct Gather {
    text: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
    /// A `<br>` came and no text since.
    after_br: bool,
    /// Length of `text` when a [`parts_words`] element last closed, and
    /// whether it was a link.
    part_end: Option<(usize, bool)>,
    /// Such an element closed and its sibling opened right after, no text
    /// between: a word starting now is a new word.
    part_break: bool,
    /// All the line's text so far was set in bold.
    all_strong: bool,
    /// All the line's text so far was set in italics.
    all_italic: bool,
    /// An image came before the line's first word, with no text between.
    after_image: bool,
}

/// The number of spaces in `b` when it is printable ASCII (no control
/// character, so no whitespace but the space) with no two spaces in a row;
/// else `None`. Written as folds over every byte without early exits, which
/// the compiler turns into vector code.
fn single_spaced_ascii(b: &[u8]) -> Option<usize> {
    let outside = b
        .iter()
        .fold(false, |acc, &c| acc | (c.wrapping_sub(0x20) >= 0x60));
    let doubled = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
    if outside || doubled {
        return None;
    }
    Some(b.iter().map(|&c| usize::from(c == b' ')).sum())
}

/// Length of the [`is_space`] character at the start of `b`, or 0. Bytes,
/// not chars: the ASCII spaces are single bytes and the others have fixed
/// UTF-8 forms, and no space's first byte occurs inside another character.
fn space_len(b: &[u8]) -> usize {
    match b {
        [b' ' | b'\t' | b'\n' | b'\x0c' | b'\r', ..] => 1,
        [0xc2, 0xa0, ..] => 2,       // U+00A0
        [0xe2, 0x80, 0x8b, ..] => 3, // U+200B
        [0xef, 0xbb, 0xbf, ..] => 3, // U+FEFF
        _ => 0,
    }
}

/// The bytes an [`is_space`] character can start with (see
/// [`space_len`]): a byte not among them is inside a word, whatever
/// follows it.
const SPACE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let leads = [b' ', b'\t', b'\n', b'\x0c', b'\r', 0xc2, 0xe2, 0xef];
    let mut k = 0;
    while k < leads.len() {
        table[leads[k] as usize] = true;
        k += 1;
    }
    table
};

impl Gather {
    /// Back to an empty line, keeping the text buffer's capacity.
    fn reset(&mut self) {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        *self = Gather {
            text,
            ..Gather::default()
        };
    }

    /// Appends the words of `text`, separated by [`is_space`] runs, with
    /// one space between words (and before the first, after a space
    /// pending from earlier text).
    fn push_text(&mut self, text: &str, anchor: bool) {
        let b = text.as_bytes();
        // Most text nodes are ASCII words between single spaces: their
        // words, with one space between, are the text itself, copied in
        // one piece instead of word by word (the loop below spends about
        // ten instructions a byte).
        // A word that may part from the last one (see `part_break`) goes
        // word by word.
        if !self.part_break
            && let Some(spaces) = single_spaced_ascii(b)
        {
            let start = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
            let end = b.iter().rposition(|&c| c != b' ').map_or(start, |e| e + 1);
            if !b.is_empty() && b[0] == b' ' && !self.text.is_empty() {
                self.pending_space = true;
            }
            if start == end {
                return;
            }
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(&text[start..end]);
            // Each space left in the middle separates two words.
            let chars = end - start - (spaces - start - (b.len() - end));
            self.chars += chars;
            if anchor {
                self.link_chars += chars;
            }
            self.after_br = false;
            self.pending_space = b[b.len() - 1] == b' ';
            return;
        }
        self.push_words(text, anchor);
    }

    /// [`Gather::push_text`] word by word, for any text.
    fn push_words(&mut self, text: &str, anchor: bool) {
        let b = text.as_bytes();
        if space_len(b) > 0 && !self.text.is_empty() {
            self.pending_space = true;
        }
        let mut i = 0;
        while i < b.len() {
            let n = space_len(&b[i..]);
            if n > 0 {
                i += n;
                continue;
            }
            // A word: up to the next space, counting its characters as
            // the bytes that start one.
            let start = i;
            let mut chars = 0;
            while i < b.len() && (!SPACE_LEAD[usize::from(b[i])] || space_len(&b[i..]) == 0) {
                chars += usize::from(b[i] & 0xc0 != 0x80);
                i += 1;
            }
            if self.part_break
                && !self.pending_space
                && text[start..]
                    .chars()
                    .next()
                    .is_some_and(|next| parts_meet(&self.text, next))
            {
                self.pending_space = true;
            }
            self.part_break = false;
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.pending_space = true;
            self.text.push_str(&text[start..i]);
            self.chars += chars;
            if anchor {
                self.link_chars += chars;
            }
            self.after_br = false;
        }
        // Text ending in a word glues to what comes next.
        if !b.is_empty() && !text.ends_with(is_space) {
            self.pending_space = false;
        }
    }
}

struct Walker<'a> {
    /// Elements that contain the article's paragraphs, by pre-order number.
    wraps_article: Vec<bool>,
    /// Pre-order number of the next element.
    next_element: usize,
    stack: Vec<Frame<'a>>,
    lines: Vec<Line>,
    gather: Gather,
    meta: PageMeta,
    blocks: Vec<std::ops::Range<usize>>,
    classes: ClassCache<'a>,
    /// An image came and no text since: the next line stands under it.
    image_pending: bool,
    /// The last image's open elements, outermost first: their pre-order
    /// numbers and whether each is a block.
    image_path: Vec<(usize, bool)>,
    /// A `<br>` came after the last image, and no text since.
    image_br: bool,
}

impl<'a> Walker<'a> {
    /// Ends the current line, giving it the hints of the nearest block.
    fn flush(&mut self) {
        // The line's text is copied out at its size and the buffer, cleared,
        // keeps its capacity for the next line: one allocation per line
        // instead of a fresh string grown by doubling.
        let (chars, link_chars) = (self.gather.chars, self.gather.link_chars);
        let (bold, italic) = (self.gather.all_strong, self.gather.all_italic);
        let after_image = self.gather.after_image;
        let text = (!self.gather.text.is_empty()).then(|| self.gather.text.as_str().to_owned());
        self.gather.reset();
        let Some(text) = text else {
            return;
        };
        let Some(top) = self.stack.last() else {
            return;
        };
        let block = &self.stack[top.block];
        let hints = DomHints {
            tag: hint_tag(block.tag.unwrap_or("body")),
            heading_level: block.heading,
            link_density: if chars == 0 {
                0.0
            } else {
                link_chars as f32 / chars as f32
            },
            depth: block.depth,
            zones: block.zones,
            chrome_tokens: token_names(block.tokens),
            hidden: block.hidden,
            bold,
            italic,
            after_image,
            photo_box: false,
        };
        self.lines.push(Line {
            n: self.lines.len() + 1,
            text,
            hints: Some(hints),
        });
    }

    fn open(&mut self, dom: &'a Dom, node: NodeId, el: &'a Element) {
        let tag = el.name();
        let parent = self.stack.last().cloned().unwrap_or(Frame {
            kind: Kind::Block,
            skip: false,
            foreign: false,
            zones: Zones::default(),
            tokens: 0,
            hidden: false,
            anchor: false,
            depth: 0,
            block: 0,
            tag: None,
            heading: 0,
            first_line: 0,
            in_article: false,
            strong: false,
            italic: false,
            id: usize::MAX,
            photo_line: None,
            parts: false,
            anchor_tag: false,
            text_at_open: 0,
            break_before: false,
        });
        let mut kind = kind_of(tag);
        if parent.foreign {
            kind = Kind::Skip;
        }
        let foreign = parent.foreign || matches!(tag, "svg" | "math" | "template");
        let attrs = CommonAttrs::of(el);
        let class = attrs.class.map(|v| self.classes.get(v));
        if !foreign {
            let in_comment =
                parent.tokens & bit(5) != 0 || class.is_some_and(|c| c.tokens & bit(5) != 0);
            let author_class = class.is_some_and(|c| c.author);
            self.meta.collect(
                dom,
                node,
                &attrs,
                author_class,
                parent.zones.contains(Zones::MAIN),
                in_comment,
            );
        }
        if tag == "br" {
            if self.image_pending && !parent.skip {
                self.image_br = true;
            }
            if !parent.skip && !self.gather.text.is_empty() {
                let ends_sentence = self
                    .gather
                    .text
                    .trim_end_matches(['"', '\'', '»', '”', ')'])
                    .ends_with(['.', '!', '?', ':', '。', '！', '？']);
                // Old layouts set a headline in bold and end it with one
                // `<br>` ("<b>Spring Regatta</b><br>Posted 28 April by
                // ..."): a line wholly in bold that the `<br>` closes after
                // the bold ended is a heading of its own.
                let bold_heading = self.gather.all_strong && !parent.strong;
                if self.gather.after_br || ends_sentence || bold_heading {
                    self.flush();
                } else {
                    self.gather.pending_space = true;
                    self.gather.after_br = true;
                }
            }
            // `br` has no children; its close edge pops this frame.
        }
        if kind == Kind::Block && !parent.skip {
            self.flush();
        }
        let break_before = self.gather.part_break;
        // Two links side by side are no parts of a row: editors split one
        // link into several over a word ("<a>Arte</a><a>mis</a>").
        if kind == Kind::Inline
            && parts_words(tag)
            && let Some((end, link)) = self.gather.part_end
            && end == self.gather.text.len()
            && !(link && tag == "a")
        {
            self.gather.part_break = true;
        }
        // An element that holds the article's paragraphs is a page
        // wrapper, not chrome, whatever its class ("Page-ad-margins",
        // "paywall", "content-with-sidebar") or tag (ASP.NET wraps whole
        // pages in one `<form>`).
        let id = self.next_element;
        let wrapper = self.wraps_article.get(id) == Some(&true);
        self.next_element += 1;
        let role = attrs.role.unwrap_or("");
        let mut zones = parent.zones;
        let in_main = zones.contains(Zones::MAIN);
        let chrome_zones =
            Zones::NAV.0 | Zones::HEADER.0 | Zones::FOOTER.0 | Zones::ASIDE.0 | Zones::FORM.0;
        let mut add = |z: Zones| {
            if !(wrapper && z.0 & chrome_zones != 0) {
                zones = zones.with(z)
            }
        };
        match tag {
            "nav" => add(Zones::NAV),
            "header" if !in_main => add(Zones::HEADER),
            "footer" if !in_main => add(Zones::FOOTER),
            "aside" => add(Zones::ASIDE),
            "form" => add(Zones::FORM),
            "figure" => add(Zones::FIGURE),
            "figcaption" | "caption" => add(Zones::FIGCAPTION),
            "table" => add(Zones::TABLE),
            "li" => add(Zones::LIST_ITEM),
            "article" | "main" => {
                // An article inside an article is a comment or a related
                // story (the HTML standard's reading), unless it holds the
                // page's paragraphs: some pages nest their wrappers.
                if tag == "article" && parent.in_article && !wrapper {
                    add(Zones::INNER_ARTICLE);
                }
                add(Zones::MAIN)
            }
            "blockquote" => add(Zones::QUOTE),
            "pre" | "code" => add(Zones::CODE),
            _ => {}
        }
        match role {
            "navigation" | "menu" | "menubar" => add(Zones::NAV),
            "complementary" => add(Zones::ASIDE),
            "contentinfo" if !in_main => add(Zones::FOOTER),
            "banner" if !in_main => add(Zones::HEADER),
            "main" => add(Zones::MAIN),
            _ => {}
        }
        if attrs.itemprop == Some("articleBody") {
            add(Zones::MAIN);
        }
        let mut tokens = parent.tokens;
        let mut hidden = parent.hidden;
        if !matches!(tag, "html" | "body") && !wrapper {
            if let Some(class) = class {
                tokens |= class.tokens;
                if class.caption {
                    zones = zones.with(Zones::FIGCAPTION);
                }
                hidden |= class.hiding;
            }
            if let Some(id) = attrs.id {
                tokens |= self.classes.get(id).tokens;
            }
            if tag.contains('-') {
                tokens |= self.classes.get(tag).tokens;
            }
            if matches!(role, "dialog" | "alertdialog") && !in_main {
                tokens |= bit(13);
            }
        }
        let own_hidden = attrs.hidden.is_some()
            || attrs
                .aria_hidden
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || attrs.style.is_some_and(style_hides)
            || (hidden && !parent.hidden);
        hidden |= own_hidden;
        let depth = parent.depth.saturating_add(1);
        let index = self.stack.len();
        let heading = match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => d - b'0',
            _ => 0,
        };
        let skip = parent.skip || kind == Kind::Skip || (own_hidden && kind == Kind::Inline);
        self.stack.push(Frame {
            kind,
            skip,
            foreign,
            zones,
            tokens,
            hidden,
            anchor: parent.anchor || tag == "a",
            depth,
            block: if kind == Kind::Block {
                index
            } else {
                parent.block
            },
            tag: (kind == Kind::Block).then_some(tag),
            heading: if kind == Kind::Block {
                heading
            } else {
                parent.heading
            },
            first_line: self.lines.len(),
            in_article: parent.in_article || tag == "article",
            strong: parent.strong || matches!(tag, "b" | "strong" | "big") || large_font(tag, el),
            italic: parent.italic || matches!(tag, "i" | "em" | "cite"),
            id,
            photo_line: None,
            parts: kind == Kind::Inline && parts_words(tag),
            anchor_tag: tag == "a",
            text_at_open: self.gather.text.len(),
            break_before,
        });
        // Caption lines are told by what stands right above them; an image
        // the page hides or skips is no photo above a line, nor is a spacer,
        // a counter or an icon.
        if matches!(tag, "img" | "picture" | "amp-img") && !parent.skip && !hidden && !is_tiny(el) {
            self.image_pending = true;
            self.image_br = false;
            self.image_path.clear();
            self.image_path
                .extend(self.stack.iter().map(|f| (f.id, f.kind == Kind::Block)));
        }
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.last() else {
            return;
        };
        if frame.kind == Kind::Inline
            && !frame.skip
            && frame.parts
            && (self.gather.text.len() > frame.text_at_open
                || (self.lines.len() > frame.first_line && !self.gather.text.is_empty()))
        {
            self.gather.part_end = Some((self.gather.text.len(), frame.anchor_tag));
        } else if frame.kind == Kind::Inline
            && frame.parts
            && self.gather.text.len() == frame.text_at_open
            && self.lines.len() == frame.first_line
        {
            self.gather.part_break = frame.break_before;
        }
        if frame.kind == Kind::Block && !frame.skip {
            let (first, photo_line) = (frame.first_line, frame.photo_line);
            self.flush();
            let range = first..self.lines.len();
            if photo_line == Some(first)
                && range.len() == 1
                && let Some(hints) = self.lines[first].hints.as_mut()
            {
                hints.photo_box = true;
            }
            if !range.is_empty() && self.blocks.last() != Some(&range) {
                self.blocks.push(range);
            }
        }
        self.stack.pop();
    }

    fn text(&mut self, text: &str) {
        let Some(top) = self.stack.last() else {
            return;
        };
        if top.skip {
            return;
        }
        let anchor = top.anchor;
        let (strong, italic) = (top.strong, top.italic);
        let before = self.gather.text.len();
        self.gather.push_text(text, anchor);
        if self.gather.text.len() > before {
            self.gather.all_strong = strong && (before == 0 || self.gather.all_strong);
            self.gather.all_italic = italic && (before == 0 || self.gather.all_italic);
            if before == 0 {
                self.gather.after_image = self.image_pending;
                if self.image_pending {
                    self.mark_photo_box();
                }
            }
            self.image_pending = false;
        }
    }
}

impl Walker<'_> {
    /// The line starting now stands right under an image: the deepest
    /// element holding both is a photo box candidate when it is a block
    /// that holds no earlier line, and a block boundary parts the image
    /// from the line (the line's own block is inside it, or the image
    /// sits in a block of its own, or is one: `amp-img`; or, in a table
    /// cell, a `<br>` stands between them). An image inline
    /// at the start of a paragraph (`<p><img>Text…</p>`) is no such box.
    /// Whether the line is all the box holds is known when it closes.
    fn mark_photo_box(&mut self) {
        let common = self
            .image_path
            .iter()
            .zip(&self.stack)
            .take_while(|((id, _), frame)| *id == frame.id)
            .count();
        let Some(at) = common.checked_sub(1) else {
            return;
        };
        let line_block = self.stack.last().map_or(0, |top| top.block);
        // Old table layouts set a photo and its caption in one cell, a
        // `<br>` between them.
        let cell_break = self.image_br && matches!(self.stack[at].tag, Some("td" | "th"));
        let parted = line_block > at
            || cell_break
            || self.image_path[common..].iter().any(|&(_, block)| block);
        let frame = &mut self.stack[at];
        if frame.kind == Kind::Block && frame.first_line == self.lines.len() && parted {
            frame.photo_line = Some(self.lines.len());
        }
    }
}

/// Inline elements that hold a part of a row of their own (a name, a
/// date, a link, a credit) rather than styling words: where two of them
/// stand side by side with nothing between (React and other templating
/// write no whitespace between elements), a flex or grid row shows them
/// apart, so their words do not run together ("Jakub Procházka" and
/// "12. března 2024", not "Procházka12."). Formatting elements (`b`, `i`,
/// `sup`...) may style part of a word and are left out, and so are two
/// links side by side.
fn parts_words(tag: &str) -> bool {
    matches!(tag, "span" | "a" | "time" | "label" | "cite")
}

/// Where two parts meet, `text` ending and `next` opening the second: a
/// word boundary the markup did not write, when both sides are letters or
/// digits of a script that spaces its words and the second does not go on
/// in lower case, nor in capitals after capitals ("Procházka" + "12.",
/// "ulici" + "Foto", "2019" + "5:45"; not "expand" + "ed", a word that
/// Word-exported markup split across elements).
fn parts_meet(text: &str, next: char) -> bool {
    let Some(last) = text.chars().next_back() else {
        return false;
    };
    spaced_alphanumeric(last)
        && (spaced_alphanumeric(next) || matches!(next, '(' | '«' | '„' | '“' | '"'))
        && !next.is_lowercase()
        && !(last.is_uppercase() && next.is_uppercase())
}

/// A letter or digit outside the scripts that write no spaces between
/// words (Han, kana, Thai, Lao, Khmer, Myanmar), where a part boundary is
/// no word boundary to mark.
fn spaced_alphanumeric(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32,
            0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x30FF
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// A `<font>` set larger than the text around it: `size` 4 to 7, or a
/// relative size of `+1` and up. Old layouts set their headlines so,
/// where newer pages use a heading element.
fn large_font(tag: &str, el: &Element) -> bool {
    if tag != "font" {
        return false;
    }
    let Some(size) = attr(el, &local_name!("size")).map(str::trim) else {
        return false;
    };
    match size.strip_prefix('+') {
        Some(relative) => relative.parse::<u8>().is_ok_and(|n| n >= 1),
        None => size.parse::<u8>().is_ok_and(|n| n >= 4),
    }
}

/// Below this many pixels a side, an image is layout (a spacer, a
/// tracking pixel, an icon or a counter's digits), not a photo.
const MIN_PHOTO_SIDE: u32 = 24;

/// An image whose declared width or height is under [`MIN_PHOTO_SIDE`].
fn is_tiny(el: &Element) -> bool {
    [local_name!("width"), local_name!("height")]
        .iter()
        .any(|name| {
            attr(el, name)
                .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
                .is_some_and(|n| n < MIN_PHOTO_SIDE)
        })
}

/// `display:none` or `visibility:hidden` in an inline style.
pub(super) fn style_hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Parses `text` as an HTML page and walks it into lines. Never fails:
/// html5ever repairs broken markup as browsers do.
pub fn read_html(text: &str) -> HtmlPage {
    // The scan reads every class and id value to know which it may drop;
    // the walk starts from what it found instead of reading them again.
    let mut classes = ClassCache::for_page();
    let text = super::raw_text::strip_raw_text_reading_classes(text, &mut classes);
    let text = text.as_ref();
    let flat;
    let text = if needs_flattening(text) {
        flat = flatten(text);
        flat.as_str()
    } else {
        text
    };
    let dom = dom::parse(text);
    read_tree_with(&dom, classes)
}

/// Nesting past which start tags are dropped before parsing. html5ever's
/// tree builder scans its stack of open elements for some start tags, so a
/// page nested tens of thousands deep would take quadratic time; real pages
/// stay far below this.
pub const MAX_NESTING: usize = 2_000;

/// Elements that never hold content.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// One tag found by [`scan_tags`].
struct Tag {
    start: usize,
    end: usize,
    /// +1 opens an element, -1 closes one, 0 neither.
    step: i8,
}

/// A light scan of start and end tags, skipping comments and the raw text of
/// scripts and styles, calling `f` on each tag. Unclosed `<p>` or `<li>`
/// count as nesting here, so the estimate errs high.
fn scan_tags(text: &str, mut f: impl FnMut(&Tag) -> bool) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(b, start + 2).map_or(b.len(), |(_, end)| end);
            continue;
        }
        let end = memchr::memchr(b'>', rest).map_or(b.len(), |e| start + 1 + e + 1);
        let closing = rest.first() == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        // Names that matter here (void and raw-text elements) are short:
        // lower-case into a stack buffer, no allocation per tag.
        let mut buf = [0u8; MAX_TAG_NAME];
        let name: &[u8] = if name_len <= MAX_TAG_NAME {
            buf[..name_len].copy_from_slice(&b[name_start..name_start + name_len]);
            buf[..name_len].make_ascii_lowercase();
            &buf[..name_len]
        } else {
            b"-long-name-"
        };
        let step = if name_len == 0 || is_void(name) || b[..end].ends_with(b"/>") {
            0
        } else if closing {
            -1
        } else {
            1
        };
        if !f(&Tag { start, end, step }) {
            return;
        }
        i = end;
        if step == 1 && matches!(name, b"script" | b"style" | b"textarea" | b"title") {
            // Raw text: the next tag is the element's end tag.
            i = find_end_tag(b, i, name).unwrap_or(b.len());
        }
        if i >= b.len() {
            return;
        }
    }
}

/// Longest tag name [`scan_tags`] needs to tell apart.
const MAX_TAG_NAME: usize = 16;

/// True when the scan finds nesting deeper than [`MAX_NESTING`].
fn needs_flattening(text: &str) -> bool {
    // Every level of nesting takes a `<`: a page with no more of them than
    // the limit cannot pass it, and most pages need no scan at all.
    if memchr::memchr_iter(b'<', text.as_bytes()).count() <= MAX_NESTING {
        return false;
    }
    let mut depth: i64 = 0;
    let mut deep = false;
    scan_tags(text, |t| {
        depth = (depth + i64::from(t.step)).max(0);
        deep = depth > MAX_NESTING as i64;
        !deep
    });
    deep
}

/// The page with start tags past [`MAX_NESTING`] (and as many end tags)
/// dropped: the text stays, glued into the blocks above it.
fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut copied = 0;
    scan_tags(text, |t| {
        let drop = match t.step {
            1 if depth >= MAX_NESTING => {
                excess += 1;
                true
            }
            1 => {
                depth += 1;
                false
            }
            -1 if excess > 0 => {
                excess -= 1;
                true
            }
            -1 => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => false,
        };
        if drop {
            out.push_str(&text[copied..t.start]);
            copied = t.end;
        }
        true
    });
    out.push_str(&text[copied..]);
    out
}

/// [`read_tree_with`] and nothing read before, for tests that parse pages
/// of their own.
#[cfg(test)]
pub(crate) fn read_tree(dom: &Dom) -> HtmlPage {
    read_tree_with(dom, ClassCache::default())
}

/// Walks a parsed document into lines and metadata, starting from the
/// class and id values already read (their keys may outlive the tree:
/// those the pre-parse scan read in the page text).
fn read_tree_with<'a>(dom: &'a Dom, mut classes: ClassCache<'a>) -> HtmlPage {
    let Survey { wraps_article } = survey(dom, &mut classes);
    let mut walker = Walker {
        wraps_article,
        next_element: 0,
        stack: Vec::with_capacity(64),
        lines: Vec::new(),
        gather: Gather::default(),
        meta: PageMeta::default(),
        blocks: Vec::new(),
        classes,
        image_pending: false,
        image_path: Vec::new(),
        image_br: false,
    };
    for edge in dom.traverse(ROOT) {
        match edge {
            Edge::Open(node) => match dom.data(node) {
                NodeData::Element(el) => walker.open(dom, node, el),
                NodeData::Text(t) => walker.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if dom.element(node).is_some() {
                    walker.close();
                }
            }
        }
    }
    walker.flush();
    HtmlPage {
        lines: walker.lines,
        meta: walker.meta,
        blocks: walker.blocks,
    }
}

/// What a first pass over the tree learns about every element, indexed by
/// the element's pre-order number (the order the walk opens them).
struct Survey {
    /// The element contains the page's densest paragraph container (or is
    /// it): it cannot be chrome, whatever its class or tag says.
    wraps_article: Vec<bool>,
}

/// Per-element tallies of the survey pass.
#[derive(Clone, Copy, Default)]
struct Tally {
    own: u32,
    own_links: u32,
    commas: u32,
    parent_block: Option<u32>,
    block: bool,
    /// The element or one of its ancestors is named for comments (or
    /// another [`NOT_ARTICLE`] part of a page).
    not_article: bool,
}

/// Chrome tokens whose elements never hold the article, however many
/// paragraphs they have: a long comment thread outweighs a short post.
const NOT_ARTICLE: u32 = bit(5);

/// One pass with an explicit stack that scores paragraph containers the
/// way Readability does: every block with 25 or more bytes
/// of its own text gives its parent block `1 + commas + min(bytes / 100,
/// 3)`, less its link share, and its grandparent half of that. The element
/// with the highest score holds the article's paragraphs.
fn survey<'a>(dom: &'a Dom, classes: &mut ClassCache<'a>) -> Survey {
    let mut tally: Vec<Tally> = Vec::new();
    // (element number, skipped, nearest block number, inside a link)
    let mut open: Vec<(usize, bool, Option<u32>, bool)> = Vec::new();
    for edge in dom.traverse(ROOT) {
        match edge {
            Edge::Open(node) => match dom.data(node) {
                NodeData::Element(el) => {
                    let name = el.name();
                    let kind = kind_of(name);
                    let top = open.last().copied();
                    let skip = top.is_some_and(|t| t.1) || (kind == Kind::Skip && name != "head");
                    let k = tally.len();
                    let parent_block = top.and_then(|t| t.2);
                    let block = kind == Kind::Block;
                    let mut not_article = top.is_some_and(|t| tally[t.0].not_article);
                    if block && !not_article && !matches!(name, "html" | "body") {
                        let attrs = CommonAttrs::of(el);
                        let mut bits_of = |v| classes.get(v).tokens & NOT_ARTICLE != 0;
                        not_article =
                            attrs.class.is_some_and(&mut bits_of) || attrs.id.is_some_and(bits_of);
                    }
                    tally.push(Tally {
                        parent_block,
                        block,
                        not_article,
                        ..Tally::default()
                    });
                    let nearest = if block { Some(k as u32) } else { parent_block };
                    let link = top.is_some_and(|t| t.3) || name == "a";
                    open.push((k, skip, nearest, link));
                }
                NodeData::Text(t) => {
                    if let Some(&(_, false, nearest, link)) = open.last() {
                        let text = trim_whitespace(t);
                        let n = measured_len(text);
                        if let Some(b) = nearest {
                            let b = &mut tally[b as usize];
                            b.own = b.own.saturating_add(n);
                            if link {
                                b.own_links = b.own_links.saturating_add(n);
                            }
                            b.commas += count_commas(text);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if dom.element(node).is_some() {
                    open.pop();
                }
            }
        }
    }
    let mut score = vec![0.0f32; tally.len()];
    for t in &tally {
        if !t.block || t.own < 25 {
            continue;
        }
        let link_share = t.own_links as f32 / t.own as f32;
        let value =
            (1.0 + t.commas.min(20) as f32 + (t.own as f32 / 100.0).min(3.0)) * (1.0 - link_share);
        if let Some(parent) = t.parent_block {
            score[parent as usize] += value;
            if let Some(grand) = tally[parent as usize].parent_block {
                score[grand as usize] += value / 2.0;
            }
        }
    }
    let mut wraps_article = vec![false; tally.len()];
    let best = score
        .iter()
        .enumerate()
        .filter(|(k, s)| **s > 0.0 && !tally[*k].not_article)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(k, _)| k);
    // Ancestors by pre-order: walk up through parent blocks, then mark the
    // inline ancestors between them too (an inline element holding blocks
    // is rare; blocks are what carry classes that matter).
    let mut at = best;
    while let Some(k) = at {
        wraps_article[k] = true;
        at = tally[k].parent_block.map(|p| p as usize);
    }
    Survey { wraps_article }
}

/// The weight of a text node in the survey: its bytes other than ASCII
/// whitespace. Whitespace is left out so that the weight of a paragraph does
/// not depend on how its text is split into nodes: the pre-parse scan
/// narrows whitespace between tags and removes elements between
/// whitespace, and text on the two sides of a stray end tag (which makes
/// no node) joins into one node.
fn measured_len(text: &str) -> u32 {
    // A sum of 0 and 1 over every byte (the compiler vectorizes it); `\t`
    // to `\r` are the five bytes from 9 to 13.
    let spaces: usize = text
        .bytes()
        .map(|c| usize::from((c == b' ') | (c.wrapping_sub(b'\t') < 5)))
        .sum();
    (text.len() - spaces) as u32
}

/// `text.trim()`, with the ASCII whitespace at both ends (all of most of
/// the text nodes between tags) skipped byte by byte; only a non-ASCII
/// character at an end is left to `str::trim`, which decodes.
fn trim_whitespace(text: &str) -> &str {
    // The ASCII characters `char::is_whitespace` accepts.
    let ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let b = text.as_bytes();
    let Some(start) = b.iter().position(|c| !ws(c)) else {
        return "";
    };
    let end = b.iter().rposition(|c| !ws(c)).map_or(start, |e| e + 1);
    // Both ends sit next to ASCII bytes or at the text's ends: char
    // boundaries.
    let inner = &text[start..end];
    if b[start].is_ascii() && b[end - 1].is_ascii() {
        inner
    } else {
        inner.trim()
    }
}

/// Commas in `text`: ASCII ones and the full-width, ideographic and Arabic
/// commas. Counted on bytes: ASCII commas in a loop the compiler
/// vectorizes, the others only when the text is not ASCII, at the lead
/// bytes of their UTF-8 forms (`，` EF BC 8C, `、` E3 80 81, `،` D8 8C).
fn count_commas(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut n = b.iter().filter(|&&c| c == b',').count();
    if !b.is_ascii() {
        n += memchr::memchr3_iter(0xef, 0xe3, 0xd8, b)
            .filter(|&i| {
                matches!(
                    &b[i..],
                    [0xef, 0xbc, 0x8c, ..] | [0xe3, 0x80, 0x81, ..] | [0xd8, 0x8c, ..]
                )
            })
            .count();
    }
    n as u32
}

/// The charset a page declares in its first 1024 bytes
/// (`<meta charset>` or `<meta http-equiv="Content-Type" content="...;
/// charset=...">`), as the HTML standard's prescan finds it. A declared
/// UTF-16 means UTF-8: the bytes would not be readable ASCII otherwise.
pub fn sniff_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(k) = find(tag, b"charset") {
            let rest = &tag[k + 7..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = encoding_rs::Encoding::for_label(&rest[..label_end]) {
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(encoding_rs::UTF_8);
                    }
                    return Some(enc);
                }
            }
        }
        from = end.max(start);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &HtmlPage) -> Vec<&str> {
        page.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn blocks_become_lines_and_inline_text_is_glued() {
        let page = read_html(
            "<html><body><div>Intro <b>bold</b>text<p>First  para,\n with <a href=x>a link</a>.</p>Tail</div></body></html>",
        );
        assert_eq!(
            texts(&page),
            ["Intro boldtext", "First para, with a link.", "Tail"]
        );
        let h = page.lines[1].hints.as_ref().unwrap();
        assert_eq!(h.tag, "p");
        assert!(
            (h.link_density - 5.0 / 20.0).abs() < 0.01,
            "{}",
            h.link_density
        );
    }

    #[test]
    fn zero_width_spacers_go_and_the_non_joiner_stays() {
        let page = read_html("<p>a\u{200b}b\u{feff}c</p><p>مسئولان کتابخانه می\u{200c}گویند</p>");
        assert_eq!(texts(&page), ["a b c", "مسئولان کتابخانه می\u{200c}گویند"]);
    }

    #[test]
    fn the_article_wrapper_is_never_a_comment_thread() {
        // Both the page wrapper (class "ad-margins") and the comment that
        // has more paragraphs than the short post: only the wrapper of the
        // post is spared its chrome class.
        let para = "<p>One sentence, with a comma, and another one, that runs long enough to count here.</p>";
        let page = read_html(&format!(
            "<body><div class=\"page ad-margins\"><article>{para}{para}</article>\
             <div class=\"comment-body\">{para}{para}{para}{para}</div></div></body>"
        ));
        let hints: Vec<_> = page
            .lines
            .iter()
            .map(|l| l.hints.as_ref().unwrap())
            .collect();
        assert_eq!(hints.len(), 6);
        assert!(hints[..2].iter().all(|h| h.chrome_tokens.is_empty()));
        assert!(hints[2..].iter().all(|h| *h.chrome_tokens == ["comment"]));
    }

    #[test]
    fn an_article_inside_the_article_is_an_inner_article_unless_it_holds_the_text() {
        let para = "<p>One sentence, with a comma, and another one, that runs long enough to count here.</p>";
        let page = read_html(&format!(
            "<body><article>{para}{para}{para}<h3>You may like</h3>\
             <article><p>Another story, told in a teaser, with a comma or two, to weigh.</p></article>\
             </article></body>"
        ));
        let inner: Vec<bool> = page
            .lines
            .iter()
            .map(|l| {
                l.hints
                    .as_ref()
                    .unwrap()
                    .zones
                    .contains(Zones::INNER_ARTICLE)
            })
            .collect();
        assert_eq!(inner, [false, false, false, false, true]);
        // A page that nests its wrappers: the inner article holds the text.
        let page = read_html(&format!(
            "<body><article id=page><article class=story>{para}{para}{para}</article></article></body>"
        ));
        assert!(page.lines.iter().all(|l| {
            !l.hints
                .as_ref()
                .unwrap()
                .zones
                .contains(Zones::INNER_ARTICLE)
        }));
    }

    #[test]
    fn skipped_elements_and_alt_text_give_nothing() {
        let page = read_html(
            "<head><title>T</title><style>p{}</style></head><body><script>var x = 1;</script>\
             <noscript>Enable JS</noscript><template><p>Tpl</p></template>\
             <svg><title>Logo</title><text>Svg</text></svg><img alt=\"A photo\">\
             <iframe>frame</iframe><button>Share</button><p>Kept</p></body>",
        );
        assert_eq!(texts(&page), ["Kept"]);
        assert_eq!(page.meta.title_tag.as_deref(), Some("T"));
    }

    #[test]
    fn hidden_blocks_are_flagged_and_hidden_inline_text_dropped() {
        let page = read_html(
            "<body><div hidden>A</div><div aria-hidden=\"true\">B</div>\
             <div style=\"display: none\">C</div><div style=\"visibility:hidden\">D</div>\
             <p>Shown <span style=\"display:none\">secret</span>text<span class=\"sr-only\"> (opens)</span></p></body>",
        );
        assert_eq!(texts(&page), ["A", "B", "C", "D", "Shown text"]);
        for line in &page.lines[..4] {
            assert!(line.hints.as_ref().unwrap().hidden, "{}", line.text);
        }
        assert!(!page.lines[4].hints.as_ref().unwrap().hidden);
    }

    #[test]
    fn zones_and_tokens() {
        let page = read_html(
            "<body><nav><ul><li><a href=/>Home</a></li></ul></nav>\
             <main><article><header><h1>Headline here</h1></header><p>Body text.</p>\
             <div class=\"share-buttons\">Share</div><div class=\"article-header\">Head</div>\
             <div id=\"relatedPosts\">Rel</div><div class=\"ad-slot\">Advert</div>\
             <div class=\"download-header\">Get</div><div class=\"has-comments\">Body too</div>\
             </article></main><footer><p>Footer</p></footer></body>",
        );
        let hints = |k: usize| page.lines[k].hints.as_ref().unwrap().clone();
        assert!(hints(0).zones.contains(Zones::NAV.with(Zones::LIST_ITEM)));
        assert_eq!(hints(0).link_density, 1.0);
        assert_eq!(hints(1).heading_level, 1);
        assert!(!hints(1).zones.contains(Zones::HEADER));
        assert!(hints(1).zones.contains(Zones::MAIN));
        assert_eq!(*hints(3).chrome_tokens, ["share"]);
        assert!(hints(4).chrome_tokens.is_empty());
        assert_eq!(*hints(5).chrome_tokens, ["related"]);
        assert_eq!(*hints(6).chrome_tokens, ["ad"]);
        assert!(hints(7).chrome_tokens.is_empty());
        assert!(hints(8).chrome_tokens.is_empty());
        assert!(hints(9).zones.contains(Zones::FOOTER));
    }

    #[test]
    fn br_splits_after_sentences_and_in_pairs() {
        let page =
            read_html("<body><td>One sentence.<br>Two<br>still two<br><br>Three</td></body>");
        assert_eq!(texts(&page), ["One sentence.", "Two still two", "Three"]);
    }

    #[test]
    fn a_bold_line_closed_by_br_is_a_heading() {
        let page = read_html(
            "<body><td><font size=5><b>Spring Regatta: a record day</b></font><br>\
             Posted 28 April by Alan<br><b>Bold words</b> and plain<br>more \
             <b>in bold<br>still bold</b></td></body>",
        );
        assert_eq!(
            texts(&page),
            [
                "Spring Regatta: a record day",
                "Posted 28 April by Alan Bold words and plain more in bold still bold"
            ]
        );
    }

    #[test]
    fn emphasis_and_images_above_are_hinted() {
        let page = read_html(
            "<body><table><tr><td><img src=spacer.gif width=1 height=1>\
             <font size=+2>Big type</font></td><td><b>Bold</b> and plain</td>\
             <td><img src=p.jpg width=300></td><td><em><i>Under the photo</i></em></td>\
             <td>Words <img src=p.jpg> then <i>more</i></td></tr></table></body>",
        );
        let flags: Vec<(&str, bool, bool, bool)> = page
            .lines
            .iter()
            .map(|l| {
                let h = l.hints.as_ref().unwrap();
                (l.text.as_str(), h.bold, h.italic, h.after_image)
            })
            .collect();
        assert_eq!(
            flags,
            [
                // A spacer is no photo; a font two sizes up is emphasis.
                ("Big type", true, false, false),
                ("Bold and plain", false, false, false),
                ("Under the photo", false, true, true),
                // An image inside a line is above no line.
                ("Words then more", false, false, false),
            ]
        );
    }

    #[test]
    fn display_utility_classes_hide_unless_a_screen_width_shows_them() {
        let page = read_html(
            "<body><p class=hidden>Structured data</p><p class='post d-none'>Old text</p>\
             <p class='is-hidden x'>Tab</p><p class='hidden md:block'>Shown on desktops</p>\
             <p class=hidden-xs>Shown but on phones</p><p>Plain</p></body>",
        );
        let hidden: Vec<(&str, bool)> = page
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.hints.as_ref().unwrap().hidden))
            .collect();
        assert_eq!(
            hidden,
            [
                ("Structured data", true),
                ("Old text", true),
                ("Tab", true),
                ("Shown on desktops", false),
                ("Shown but on phones", false),
                ("Plain", false),
            ]
        );
    }

    #[test]
    fn parts_of_a_row_written_without_spaces_do_not_run_together() {
        let page = read_html(
            "<body><div><span>Jakub Procházka</span><span>12. března 2024</span></div>\
             <div><span>Regály s nářadím na ulici</span><span>Foto: Petr Svoboda</span></div>\
             <p>It may have <a href=a>expand</a><span lang=en><a href=a>ed</a></span> to Europa.</p>\
             <p>Its <a href=a>Arte</a><a href=a>Mis</a> program, <span>NA</span><span>SA</span> said.</p>\
             <p><span>東京</span><span>大阪</span></p><p><b>Un</b><i>believable</i></p></body>",
        );
        let texts: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jakub Procházka 12. března 2024",
                "Regály s nářadím na ulici Foto: Petr Svoboda",
                // A word split over elements, two links, capitals after
                // capitals, a script without spaces, formatting: as written.
                "It may have expanded to Europa.",
                "Its ArteMis program, NASA said.",
                "東京大阪",
                "Unbelievable",
            ]
        );
    }

    #[test]
    fn a_photo_box_holds_an_image_and_one_line() {
        let page = read_html(
            "<body><div class=art>\
             <div class=photo><img src=a.jpg><p>The bridge at dusk.</p></div>\
             <table><tr><td><img src=b.jpg></td></tr><tr><td>The old market lane.</td></tr></table>\
             <div><amp-img src=c.jpg></amp-img><span>Boats on the river.</span></div>\
             <div><div><img src=d.jpg></div><span>A quay in the rain.</span></div>\
             <p><img src=e.jpg>A paragraph that starts with a floated image.</p>\
             <div><img src=f.jpg><p>First paragraph under a photo.</p><p>Second one.</p></div>\
             <p>Text before.</p><div><img src=g.jpg><p>After a paragraph, alone in its box.</p></div>\
             <table><tr><td><img src=h.jpg><br>The mill in winter.</td></tr></table>\
             <table><tr><td><img src=i.jpg>A cell that starts with its photo.</td></tr></table>\
             </div></body>",
        );
        let boxed: Vec<(&str, bool)> = page
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.hints.as_ref().unwrap().photo_box))
            .collect();
        assert_eq!(
            boxed,
            [
                ("The bridge at dusk.", true),
                ("The old market lane.", true),
                // `amp-img` is a block of its own; a span under an image
                // in a block of its own is parted from it too.
                ("Boats on the river.", true),
                ("A quay in the rain.", true),
                // An image inline in a paragraph, a box of two paragraphs.
                ("A paragraph that starts with a floated image.", false),
                ("First paragraph under a photo.", false),
                ("Second one.", false),
                ("Text before.", false),
                ("After a paragraph, alone in its box.", true),
                // In a table cell a `<br>` parts a photo from its caption.
                ("The mill in winter.", true),
                ("A cell that starts with its photo.", false),
            ]
        );
    }

    #[test]
    fn broken_markup_never_panics() {
        for input in [
            "",
            "<",
            "<p>unclosed <b>bold <i>both</p> after</b>",
            "</div></div><li>item<li>item2</ul></body></html><p>late",
            "<table><p>misplaced</p><tr><td>cell",
            "<!-- unterminated comment",
            "<html><body><svg><p>breakout</p></svg>",
            "\u{0}\u{1}<p>\u{feff}nul</p>",
        ] {
            let _ = read_html(input);
        }
        let page = read_html("<p>unclosed <b>bold <i>both</p> after</b>");
        assert_eq!(texts(&page)[0], "unclosed bold both");
    }

    #[test]
    fn deep_nesting_uses_no_recursion() {
        let depth = 5_000;
        let mut page = String::with_capacity(depth * 12);
        page.push_str("<body>");
        for _ in 0..depth {
            page.push_str("<span>");
        }
        page.push_str("deep text");
        let read = read_html(&page);
        assert_eq!(texts(&read), ["deep text"]);
        let mut page = String::new();
        for _ in 0..depth {
            page.push_str("<div>");
        }
        page.push_str("<p>deep block</p>");
        let read = read_html(&page);
        assert_eq!(texts(&read), ["deep block"]);
    }

    #[test]
    fn very_deep_pages_are_flattened_before_parsing() {
        let depth = MAX_NESTING * 3;
        let mut page = String::from("<html><body><script>if (a<b) {}</script>");
        for _ in 0..depth {
            page.push_str("<div>");
        }
        page.push_str("<p>deep text</p>");
        for _ in 0..depth {
            page.push_str("</div>");
        }
        page.push_str("<p>after</p>");
        assert!(needs_flattening(&page));
        let read = read_html(&page);
        assert_eq!(texts(&read), ["deep text", "after"]);
        assert!(!needs_flattening(
            "<div><p>a<br>b</p><img src=x><!-- <div> --></div>"
        ));
    }

    #[test]
    fn charset_is_sniffed_from_meta() {
        assert_eq!(
            sniff_charset(b"<html><head><meta charset=\"windows-1251\">"),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            sniff_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            ),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            sniff_charset(b"<meta charset=utf-16>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(sniff_charset(b"<p>no meta</p>"), None);
    }

    #[test]
    fn class_parts() {
        assert_eq!(read_class("ad-slot").0, bit(10));
        assert_eq!(read_class("header").0, 0);
        assert_eq!(read_class("read-more").0, 0);
        assert_eq!(read_class("downloads").0, 0);
        assert_eq!(read_class("adSlot").0, bit(10));
        assert_eq!(read_class("mainNav").0, bit(0));
        assert_eq!(read_class("canvas").0, 0);
        assert_eq!(read_class("no-sidebar").0, 0);
        assert_eq!(read_class("commentlist").0, bit(5));
        assert_eq!(read_class("social-media-embed").0, 0);
        assert_eq!(read_class("author-bio-box").0, bit(20));
        assert!(read_class("rollover-people-block").1);
        assert!(!read_class("rollover-people").1);
    }

    #[test]
    fn inner_words_are_found_anywhere_in_a_part() {
        assert_eq!(inner_words(b"megamenu"), 1 << MENU);
        assert_eq!(
            inner_words(b"relatedcommentsidebar"),
            (1 << RELATED) | (1 << COMMENT) | (1 << SIDEBAR)
        );
        assert_eq!(inner_words(b"socia"), 0);
        assert_eq!(inner_words(b"ssubscribe"), 1 << SUBSCRI);
    }

    /// The parts as the first version split them: char by char into a
    /// growing string.
    fn parts_reference(value: &str) -> Vec<String> {
        let mut parts = Vec::new();
        let mut part = String::new();
        let mut prev_lower = false;
        for c in value.chars() {
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_uppercase() && prev_lower && !part.is_empty() {
                    parts.push(std::mem::take(&mut part));
                }
                prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                part.push(c.to_ascii_lowercase());
            } else {
                prev_lower = false;
                if !part.is_empty() {
                    parts.push(std::mem::take(&mut part));
                }
            }
        }
        if !part.is_empty() {
            parts.push(part);
        }
        parts
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        #[test]
        fn parts_and_inner_words_match_plain_versions(
            value in "([a-zA-Z0-9_ é-]|menu|Social|relat|comment|sidebar|subscri|ad|Nav){0,12}"
        ) {
            let mut parts = Vec::new();
            for_each_part(&value, |p| parts.push(p.to_string()));
            proptest::prop_assert_eq!(&parts, &parts_reference(&value));
            for p in &parts {
                let found = inner_words(p.as_bytes());
                for (k, w) in INNER_WORDS.iter().enumerate() {
                    let plain = p.as_bytes().windows(w.len()).any(|x| x == *w);
                    proptest::prop_assert_eq!(found & (1 << k) != 0, plain, "{} in {}", k, p);
                }
            }
        }
    }

    /// `push_text` as first written, on chars: the reference for the
    /// byte-wise version.
    fn push_text_reference(g: &mut Gather, text: &str, anchor: bool) {
        if text.starts_with(is_space) && !g.text.is_empty() {
            g.pending_space = true;
        }
        for word in text.split(is_space).filter(|w| !w.is_empty()) {
            if g.pending_space && !g.text.is_empty() {
                g.text.push(' ');
            }
            g.pending_space = true;
            g.text.push_str(word);
            let n = word.chars().count();
            g.chars += n;
            if anchor {
                g.link_chars += n;
            }
            g.after_br = false;
        }
        if !text.ends_with(is_space) && !text.trim_matches(is_space).is_empty() {
            g.pending_space = false;
        }
    }

    proptest::proptest! {
        /// The cache gives every value what reading each of its names
        /// gives, one-name values (read without the name map) included,
        /// whatever came before.
        #[test]
        fn class_cache_matches_reading_each_name(
            values in proptest::collection::vec(
                "(nav|Caption|author|sr-only|hidden|md:block|no|has-comments|menu|x| |\t|\u{c}|é){0,5}",
                0..12,
            )
        ) {
            let fields = |i: ClassInfo| (i.tokens, i.caption, i.hiding, i.author);
            let mut cache = ClassCache::default();
            for value in &values {
                let mut plain = value
                    .split_ascii_whitespace()
                    .map(ClassInfo::of_class)
                    .fold(ClassInfo::default(), ClassInfo::or);
                plain.display_none &= !value.contains(':');
                let plain = plain.with_display();
                proptest::prop_assert_eq!(fields(cache.get(value)), fields(plain));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_whitespace_is_str_trim(
            text in "( |\t|\n|\u{b}|\u{c}|\r|\u{85}|\u{a0}|\u{2003}|\u{3000}|\u{200b}|a|é|,|語){0,10}"
        ) {
            proptest::prop_assert_eq!(trim_whitespace(&text), text.trim());
        }
    }

    proptest::proptest! {
        /// The one-piece copy of single-spaced ASCII text gathers what the
        /// word-by-word path does, after any earlier text.
        #[test]
        fn push_text_is_push_words(
            pieces in proptest::collection::vec(
                ("( |\t|\n|\u{b}|\u{a0}|a|bc|é|\u{7f}|\u{1}){0,8}", proptest::bool::ANY),
                0..4,
            )
        ) {
            let (mut fast, mut slow) = (Gather::default(), Gather::default());
            for (text, anchor) in &pieces {
                fast.push_text(text, *anchor);
                slow.push_words(text, *anchor);
                let state = |g: &Gather| {
                    (g.text.clone(), g.chars, g.link_chars, g.pending_space, g.after_br)
                };
                proptest::prop_assert_eq!(state(&fast), state(&slow));
            }
        }

        #[test]
        fn measured_len_counts_bytes_other_than_ascii_whitespace(
            text in "( |\t|\n|\u{b}|\u{c}|\r|\u{a0}|a|é|\u{1}|\u{8}|\u{e}){0,12}"
        ) {
            let expected = text.bytes().filter(|c| !c.is_ascii_whitespace() && *c != 0x0b).count();
            proptest::prop_assert_eq!(measured_len(&text) as usize, expected);
        }
    }

    /// Every character `space_len` takes for a space starts with a byte
    /// `SPACE_LEAD` marks, so the word scan may skip the others unchecked.
    #[test]
    fn space_characters_start_with_a_space_lead_byte() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(space_len(b) > 0, is_space(c), "{c:?}");
            if is_space(c) {
                assert!(SPACE_LEAD[usize::from(b[0])], "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(2000))]

        #[test]
        fn text_is_gathered_as_on_chars(
            texts in proptest::collection::vec(
                ("( |\t|\n|\r|\u{c}|\u{b}|\u{a0}|\u{200b}|\u{200c}|\u{200d}|\u{feff}|\u{3000}|a|é|’|語|,){0,8}",
                 proptest::bool::ANY),
                0..6,
            )
        ) {
            let (mut fast, mut plain) = (Gather::default(), Gather::default());
            for (text, anchor) in &texts {
                fast.push_text(text, *anchor);
                push_text_reference(&mut plain, text, *anchor);
                proptest::prop_assert_eq!(&fast.text, &plain.text);
                proptest::prop_assert_eq!(fast.chars, plain.chars);
                proptest::prop_assert_eq!(fast.link_chars, plain.link_chars);
                proptest::prop_assert_eq!(fast.pending_space, plain.pending_space);
                proptest::prop_assert_eq!(fast.after_br, plain.after_br);
            }
        }

        #[test]
        fn commas_are_counted_as_on_chars(
            text in "(,|，|、|،|a|é|語|\u{ef}|\u{3001}|\u{60d}|\u{ff0d}| ){0,16}"
        ) {
            let plain = text.matches([',', '，', '、', '،']).count() as u32;
            proptest::prop_assert_eq!(count_commas(&text), plain);
        }
    }

    #[test]
    fn common_attributes_are_read_in_one_pass() {
        let dom = dom::parse(
            "<div data-x=1 class=\"a b\" id=i role=main itemprop=articleBody hidden \
             aria-hidden=true style=\"display:none\" class=dup>x</div>",
        );
        let el = dom
            .traverse(ROOT)
            .find_map(|e| match e {
                Edge::Open(id) => dom.element(id).filter(|e| e.name() == "div"),
                Edge::Close(_) => None,
            })
            .unwrap();
        let a = CommonAttrs::of(el);
        assert_eq!(a.class, Some("a b"));
        assert_eq!(a.id, Some("i"));
        assert_eq!(a.role, Some("main"));
        assert_eq!(a.itemprop, Some("articleBody"));
        assert_eq!(a.hidden, Some(""));
        assert_eq!(a.aria_hidden, Some("true"));
        assert_eq!(a.style, Some("display:none"));
        assert_eq!(CommonAttrs::of(el).class, attr(el, &local_name!("class")));
        // The pre-parse scan keeps all of them, on any element.
        for name in [
            "class",
            "id",
            "role",
            "itemprop",
            "hidden",
            "aria-hidden",
            "style",
        ] {
            assert!(
                super::super::raw_text::is_read(b"div", name.as_bytes()),
                "{name}"
            );
        }
    }

    #[test]
    fn an_author_class_in_any_case_marks_the_author() {
        let page = read_html(
            "<body><p class=\"author-box\">Not this</p>\
             <span class=\"byline AUTHOR\">Jane Doe</span></body>",
        );
        assert_eq!(page.meta.marked_author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn each_line_starts_afresh() {
        let page = read_html(
            "<body><p><a href=x>A long linked line, longer than the next</a></p><p>b</p>\
             <div>c<br>d<br><br>e</div></body>",
        );
        assert_eq!(
            texts(&page),
            ["A long linked line, longer than the next", "b", "c d", "e"]
        );
        let density = |k: usize| page.lines[k].hints.as_ref().unwrap().link_density;
        assert_eq!((density(0), density(1)), (1.0, 0.0));
    }

    #[test]
    fn whitespace_weighs_nothing_in_the_survey() {
        assert_eq!(measured_len("a b"), 2);
        assert_eq!(measured_len("a \r\n\t  b"), 2);
        assert_eq!(measured_len("été  x"), 6);
        assert_eq!(measured_len(""), 0);
    }

    #[test]
    fn pages_with_few_tags_need_no_flattening_scan() {
        let page = "<div>".repeat(MAX_NESTING);
        assert!(!needs_flattening(&page));
        let page = "<div>".repeat(MAX_NESTING + 1);
        assert!(needs_flattening(&page));
    }

    #[test]
    fn long_parts_are_lowered_too() {
        let long = format!("X{}", "a".repeat(100));
        let mut parts = Vec::new();
        for_each_part(&long, |p| parts.push(p.to_string()));
        assert_eq!(parts, parts_reference(&long));
    }
}
