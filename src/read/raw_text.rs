//! Empties the raw text of scripts, styles and `noscript`, drops the
//! attributes nobody reads (and the `class`, `id` and `style` values that
//! name nothing the reader looks for), the links that are not canonical,
//! the metas nobody reads and empty inline elements (icons), and narrows the
//! whitespace between tags to one space, before parsing.
//!
//! On the benchmark pages more than half of the bytes are inline
//! JavaScript and CSS, and a third of the rest is start tags, mostly
//! links, image sources and data attributes. html5ever would tokenize
//! every one of them (attribute names a character at a time) and the tree
//! would hold them, only for the walk to skip them. A light scan that
//! reads the page the way the HTML tokenizer does (start tags read with
//! their quoted attribute values, comments skipped, raw text ending at the
//! first `</name` followed by a space, `/` or `>`) can cut them out first;
//! the parsed tree is then the same minus what the reader never looks at.
//!
//! JSON-LD scripts keep their text: the metadata reads it. A script whose
//! text holds `<!--` may be "escaped" in the tokenizer's sense, where
//! `</script>` does not always end it: [`script_end`] follows the
//! tokenizer's escape states to its real end. At `<math>` and at SVG that
//! holds HTML the scan stops and the rest of the page is left as it is.

use std::borrow::Cow;

use crate::metadata::is_read_meta_key;
use crate::read::html::{ClassCache, style_hides};

/// Elements whose text the reader never uses and that the tokenizer reads
/// as raw text (with scripting on, as html5ever parses).
const STRIPPED: [&[u8]; 3] = [b"script", b"style", b"noscript"];

/// Other raw text (or RCDATA) elements: their contents are skipped by the
/// scan, since a `<script` inside them is text, and kept.
const KEPT_RAW: [&[u8]; 6] = [
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// The scan with a cache of its own, for tests that read its output alone.
#[cfg(test)]
pub fn strip_raw_text(text: &str) -> Cow<'_, str> {
    strip_raw_text_reading_classes(text, &mut ClassCache::default())
}

/// The page without what the reader never reads, as far as the scan can be
/// sure of the tokenizer's reading: the raw text of scripts (JSON-LD
/// aside), styles and `noscript` elements (the elements too, where only
/// whitespace or markup stands on both sides, and so non-canonical
/// `<link>`s and `<meta>`s under keys the metadata does not read), empty
/// inline elements and SVG icons where their start tag would rebuild no
/// formatting element (see [`InlineRole`]), comment text, SVG content that
/// is SVG all through, the attributes of HTML start tags that nothing
/// reads (see [`is_read`]) or that name nothing read (see
/// [`read_as_absent`]), and the width of the whitespace between tags.
/// The page itself when there is nothing to change.
///
/// `classes` keeps what the reader makes of every `class` and `id` value
/// the scan judged (those without a character reference, which read the
/// same in the tree), for the reader to start from.
pub(super) fn strip_raw_text_reading_classes<'a>(
    text: &'a str,
    classes: &mut ClassCache<'a>,
) -> Cow<'a, str> {
    let b = text.as_bytes();
    // Changes to make, in page order.
    // Sized for one edit per 16 bytes, more than pages need (about one per
    // 30 on the bench): growing by doubling copied the list each time. A
    // large allocation is mapped lazily, so memory the list does not reach
    // is never touched.
    let mut edits: Vec<Edit> = Vec::with_capacity(b.len() / 16);
    let mut i = 0;
    // Whether `i` is just past markup (not a stray `<` read as text), and
    // whether that markup was a `<pre>` or `<listing>`, which drop a line
    // break that follows them at once.
    let (mut after_markup, mut keeps_lf) = (true, false);
    // Whether the tree builder has left its first mode, where only a
    // doctype, comments and whitespace keep the page out of quirks mode:
    // an element going whole before that could let a later doctype, which
    // the page's own tree ignores, take effect (quirks mode decides, for
    // one, whether a `<table>` closes an open `<p>`).
    let mut past_first_mode = false;
    // Whether the last token (with only whitespace after it) rebuilt the
    // active formatting elements: all of them are open then, and an empty
    // inline element's start tag, which would rebuild them, does nothing
    // but insert itself.
    let mut formatting_rebuilt = false;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let start = i + off;
        // An element the reader skips can go whole when only whitespace
        // stands between it and the markup before (and, the callers check,
        // the markup after): the text on its two sides then cannot join
        // into a tag (`<` + `text`) or a character reference (`&amp` +
        // `;`), and text nodes that join (a stray end tag makes no node)
        // gain only whitespace, which the reader does not weigh. Not right
        // after a `<pre>`, which drops a line break that follows it at once.
        let run = &b[i..start];
        let spaces_only = after_markup && is_space(run);
        past_first_mode |= !spaces_only;
        let may_go_whole = spaces_only && !(keeps_lf && off == 0) && past_first_mode;
        let all_formatting_open = std::mem::take(&mut formatting_rebuilt) && spaces_only;
        // A run of spaces between tags narrows to one space: the tree
        // builder files any such run as whitespace alike (inserted, or
        // ignored where whitespace is) and the reader reads it as one
        // space, but the tokenizer passes a line break through a slow path
        // of its own, and indented pages have one between most tags.
        if spaces_only && !keeps_lf && !run.is_empty() && run != b" " {
            edits.push(Edit::space(i, start));
        }
        (after_markup, keeps_lf) = (true, false);
        let Some(&next) = b.get(start + 1) else {
            break;
        };
        let rest = &b[start + 1..];
        match next {
            b'!' if rest.starts_with(b"!--") => {
                // Comments go too, all but their markers: the tree keeps
                // its comment nodes, empty, and the reader skips them.
                match comment_end(b, start + 2) {
                    Some((close, end)) => {
                        if close > start + 4 {
                            edits.push(Edit::cut(start + 4, close));
                        }
                        i = end;
                    }
                    None => i = b.len(),
                }
            }
            // Doctype or bogus comment (`<?`, and `</` not followed by a
            // letter; `</>` is dropped): up to the next `>`.
            b'!' | b'?' | b'/'
                if next != b'/' || !b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) =>
            {
                past_first_mode |= rest.len() > 7 && rest[1..8].eq_ignore_ascii_case(b"doctype");
                i = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1);
            }
            b'/' => {
                past_first_mode = true;
                let name = tag_name(b, start + 2);
                i = tag_end(b, start + 2 + name.len());
            }
            c if c.is_ascii_alphabetic() => {
                // Whatever goes whole below goes only past the first mode,
                // and the tag after it stays at the same place.
                past_first_mode = true;
                let name = tag_name(b, start + 1);
                let after_name = start + 1 + name.len();
                // An empty inline element goes whole when its start tag
                // would rebuild nothing, or when the tag right after it
                // rebuilds the formatting elements in its place. In the
                // second case that tag must stay, so the formatting
                // elements count as not rebuilt at it.
                if let Some(element_end) = empty_inline_end(b, name, after_name)
                    && (all_formatting_open || rebuilds_formatting_at(b, element_end))
                {
                    edits.push(Edit::cut(start, element_end));
                    i = element_end;
                    formatting_rebuilt = all_formatting_open;
                    continue;
                }
                formatting_rebuilt = inline_role(name).rebuilds;
                let tag_edits = edits.len();
                let end = if is_foreign_root(name) {
                    // Kept whole: dropping an attribute could leave a `/`
                    // before the `>`, and a self-closing `<svg/>` holds no
                    // content.
                    tag_end(b, after_name)
                } else if let Some(end) = may_go_whole
                    .then(|| unread_void_end(b, name, after_name))
                    .flatten()
                {
                    edits.push(Edit::cut(start, end));
                    end
                } else {
                    drop_unread_attributes(text, name, after_name, &mut edits, classes)
                };
                i = end;
                keeps_lf =
                    name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing");
                if name.eq_ignore_ascii_case(b"plaintext") {
                    // Everything after it is text.
                    break;
                }
                if is_foreign_root(name) {
                    if b[..end].ends_with(b"/>") {
                        continue;
                    }
                    // Inside `<svg>` and `<math>` a `<style>` is markup, not
                    // raw text, and an HTML tag can end them early. SVG
                    // that is SVG all through (icons, charts) goes whole:
                    // the reader skips it. Otherwise the scan stops here
                    // and the rest of the page is left as it is.
                    match name
                        .eq_ignore_ascii_case(b"svg")
                        .then(|| svg_content_end(b, end))
                        .flatten()
                    {
                        Some(close) => {
                            if close > end {
                                edits.push(Edit::cut(end, close));
                            }
                            i = close;
                            continue;
                        }
                        None => break,
                    }
                }
                let stripped = STRIPPED.iter().any(|s| name.eq_ignore_ascii_case(s));
                if !stripped && !KEPT_RAW.iter().any(|s| name.eq_ignore_ascii_case(s)) {
                    continue;
                }
                let is_script = name.eq_ignore_ascii_case(b"script");
                let close = if is_script {
                    // `<!--` may open an escaped stretch, read as the
                    // tokenizer reads it.
                    script_end(b, end)
                } else {
                    find_end_tag(b, end, name)
                }
                .unwrap_or(b.len());
                let content = &b[end.min(close)..close];
                let json_ld = is_script && contains_ignore_case(&b[start..end], b"ld+json");
                if !stripped || json_ld {
                    i = close;
                    continue;
                }
                // With whitespace on both sides the whole element goes (it
                // is placed in the head, or where it stands, and shapes
                // nothing else); else its content.
                let close_end = tag_end(b, close + 2 + name.len());
                let next = memchr::memchr(b'<', &b[close_end.min(b.len())..])
                    .map_or(b.len(), |k| close_end + k);
                if may_go_whole
                    && close < b.len()
                    && b[close_end - 1] == b'>'
                    && is_space(&b[close_end..next])
                    && markup_at(b, next)
                {
                    edits.truncate(tag_edits);
                    edits.push(Edit::cut(start, close_end));
                    i = close_end;
                    continue;
                }
                if !content.is_empty() {
                    edits.push(Edit::cut(end, close));
                }
                i = close;
            }
            _ => {
                i = start + 1;
                after_markup = false;
            }
        }
        if i >= b.len() {
            break;
        }
    }
    if edits.is_empty() {
        return Cow::Borrowed(text);
    }
    let removed: usize = edits.iter().map(|e| e.end - e.start).sum();
    let mut out = String::with_capacity(text.len() - removed + edits.len());
    let mut copied = 0;
    for edit in edits {
        // Edits start and end next to ASCII bytes (`<`, `>`, spaces,
        // quotes, the ends of an attribute's name or value), so on
        // character boundaries.
        out.push_str(&text[copied..edit.start]);
        match edit.insert {
            Insert::Nothing => {}
            Insert::Space => out.push(' '),
            Insert::Digest(digest) => push_digest(&mut out, digest),
        }
        copied = edit.end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Writes `_d="…"`, the digest in 16 hex digits. No page's own `_d` is
/// kept (the reader does not read it), so the name stands for ours alone.
fn push_digest(out: &mut String, digest: u64) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut attribute = *b"_d=\"0000000000000000\"";
    for (k, slot) in attribute[4..20].iter_mut().enumerate() {
        *slot = HEX[(digest >> (60 - 4 * k)) as usize & 15];
    }
    out.push_str(std::str::from_utf8(&attribute).unwrap_or_default());
}

/// One change to the page: bytes `start..end` give way to `insert`.
struct Edit {
    start: usize,
    end: usize,
    insert: Insert,
}

/// What takes the place of the bytes an [`Edit`] removes.
enum Insert {
    Nothing,
    /// One space for a run of spaces between tags.
    Space,
    /// A digest attribute for a formatting element's dropped attributes.
    Digest(u64),
}

impl Edit {
    fn cut(start: usize, end: usize) -> Edit {
        Edit {
            start,
            end,
            insert: Insert::Nothing,
        }
    }

    fn space(start: usize, end: usize) -> Edit {
        Edit {
            start,
            end,
            insert: Insert::Space,
        }
    }
}

/// What an inline start tag does to the active formatting elements.
#[derive(Clone, Copy, Default)]
struct InlineRole {
    /// It rebuilds them (reopens those an end tag or a block closed) and
    /// leaves them all open: inline elements and the void `<img>` and
    /// `<br>`. Not `<input>`, which a table takes in without rebuilding
    /// when it is hidden.
    rebuilds: bool,
    /// Its start tag, in the body, rebuilds them and inserts the element,
    /// and an end tag right after it only closes it; the reader passes
    /// over one that holds nothing without a trace (no line break, no
    /// text, no image). Not `<a>`, whose start tag closes an open link.
    may_be_empty: bool,
}

/// The [`InlineRole`] of the element `name`, found with one match on the
/// lower-cased name (a list searched per tag cost more than the parse
/// saved).
fn inline_role(name: &[u8]) -> InlineRole {
    const LONGEST: usize = 6;
    if name.len() > LONGEST {
        return InlineRole::default();
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let (rebuilds, may_be_empty) = match &*lower {
        b"span" | b"i" | b"b" | b"em" | b"strong" | b"small" | b"u" | b"s" | b"ins" | b"del"
        | b"label" | b"abbr" | b"sup" | b"sub" | b"font" => (true, true),
        b"svg" => (false, true),
        b"a" | b"big" | b"cite" | b"code" | b"dfn" | b"kbd" | b"mark" | b"nobr" | b"strike"
        | b"tt" | b"img" | b"br" => (true, false),
        _ => (false, false),
    };
    InlineRole {
        rebuilds,
        may_be_empty,
    }
}

/// Whether a start tag that rebuilds the formatting elements (see
/// [`InlineRole::rebuilds`]) begins at `at`.
fn rebuilds_formatting_at(b: &[u8], at: usize) -> bool {
    b.get(at) == Some(&b'<')
        && b.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
        && inline_role(tag_name(b, at + 1)).rebuilds
}

/// Where an element ends that holds nothing and can go whole: a start tag
/// that [may be empty](InlineRole::may_be_empty) (name ending at `after_name`) with its end
/// tag right after it, or a self-closing `<svg/>`; SVG content that is SVG
/// all through counts as nothing (the scan cuts it anyway). The caller
/// makes sure the start tag would rebuild nothing; then the element only
/// comes and goes, and the whitespace on its two sides joins.
fn empty_inline_end(b: &[u8], name: &[u8], after_name: usize) -> Option<usize> {
    if !inline_role(name).may_be_empty {
        return None;
    }
    let end = tag_end(b, after_name);
    if end >= b.len() {
        return None;
    }
    let svg = name.eq_ignore_ascii_case(b"svg");
    if svg && b[..end].ends_with(b"/>") {
        return Some(end);
    }
    let close = if svg { svg_content_end(b, end)? } else { end };
    if !b[close..].starts_with(b"</") || !tag_name(b, close + 2).eq_ignore_ascii_case(name) {
        return None;
    }
    let close_end = tag_end(b, close + 2 + name.len());
    (close_end < b.len()).then_some(close_end)
}

/// Elements the tree builder keeps on its list of active formatting
/// elements, where three alike (same name and attributes) push out the
/// oldest: their dropped attributes leave a digest so that elements stay
/// alike or unlike as they were. Not `<a>`, though it is one: an `<a>`
/// start tag first takes any `<a>` after the list's last marker off the
/// list, so no two are ever there to compare (and links are most of the
/// formatting elements of a page).
const FORMATTING: [&[u8]; 13] = [
    b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike", b"strong",
    b"tt", b"u",
];

/// Whether attribute `name` of element `tag` is one the reader, the
/// metadata or the tree builder reads; the others go.
/// The reader looks at class, id, role, itemprop, hidden, aria-hidden and
/// style on every element (at class, id and style only for some values:
/// see [`read_as_absent`]). The metadata reads `lang` on `<html>`; `property`,
/// `name`, `http-equiv`, `content` and `charset` on `<meta>`; `content` and
/// `datetime` on `<time>`; `rel` on `<link>` and `<a>`; `type` on
/// `<script>`. The tree builder reads `type` on `<input>` (a hidden input
/// in a table), `color`, `face` and `size` on `<font>` (which then leaves
/// foreign content; the reader reads its size too) and the `shadowroot*`
/// attributes of a template. `href` is read on `<link>` (the canonical URL)
/// and `<base>`; `width` and `height` on images, where the reader tells a
/// photo (a caption may stand under it) from a spacer or an icon.
pub(super) fn is_read(tag: &[u8], name: &[u8]) -> bool {
    // Lower-cased into a stack buffer: no name longer than `aria-hidden`
    // is read but the `shadowroot*` family.
    const LONGEST: usize = 11;
    if name.len() > LONGEST {
        return name[..10].eq_ignore_ascii_case(b"shadowroot");
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let on = |names: &[&[u8]]| names.iter().any(|t| tag.eq_ignore_ascii_case(t));
    match &*lower {
        b"class" | b"id" | b"role" | b"itemprop" | b"hidden" | b"aria-hidden" | b"style" => true,
        b"lang" => on(&[b"html"]),
        b"property" | b"name" | b"http-equiv" | b"charset" => on(&[b"meta"]),
        b"content" => on(&[b"meta", b"time"]),
        b"datetime" => on(&[b"time"]),
        b"rel" => on(&[b"link", b"a"]),
        b"type" => on(&[b"script", b"input"]),
        b"color" | b"face" | b"size" => on(&[b"font"]),
        b"href" => on(&[b"link", b"base"]),
        b"width" | b"height" => on(&[b"img", b"amp-img"]),
        _ => false,
    }
}

/// Reads the attributes of the start tag `tag` (its name ending at
/// `from`), adds an edit dropping each one nobody reads, and returns where
/// the tag ends. Links, image sources and data attributes are a large part
/// of a page's markup, and the tokenizer reads attribute names a character
/// at a time.
///
/// A `class`, `id` or `style` is read only for what its value names (see
/// [`read_as_absent`]): most name nothing and go too, with any later
/// attribute of the same name, which the tokenizer drops and which would
/// otherwise take the first one's place.
///
/// Only the name and value go, never the spaces before them: the next
/// attribute keeps whatever separated it from the dropped one. A digest of
/// a formatting element's dropped attributes (names and raw values, in any
/// order; a later attribute of a name already seen, which the tokenizer
/// drops, does not count; character references are not decoded, so `&amp;`
/// and `&` differ) replaces the last one.
fn drop_unread_attributes<'a>(
    text: &'a str,
    tag: &[u8],
    from: usize,
    edits: &mut Vec<Edit>,
    classes: &mut ClassCache<'a>,
) -> usize {
    let b = text.as_bytes();
    let first = edits.len();
    let formatting = tag.len() <= 6 && FORMATTING.iter().any(|f| tag.eq_ignore_ascii_case(f));
    let mut digest: u64 = 0;
    // For each of the [`VALUED`] attributes: whether the tag's first one
    // went. On `<html>` and `<body>` they all stay: a later `<html>` or
    // `<body>` tag adds its attributes to the element where it has none
    // of that name, and one that went would let another take its place.
    let merges = tag.eq_ignore_ascii_case(b"html") || tag.eq_ignore_ascii_case(b"body");
    let mut first_went: [Option<bool>; VALUED.len()] = [None; VALUED.len()];
    // A formatting element's attribute names so far: a later one of the
    // same name is dropped by the tokenizer, so it is no part of what the
    // tree builder compares and stays out of the digest.
    let mut names: Vec<&[u8]> = Vec::new();
    let end = read_attributes(b, from, |a| {
        let name = &b[a.name.0..a.name.1];
        let value = &b[a.value.0..a.value.1];
        let duplicate = formatting && names.iter().any(|n| n.eq_ignore_ascii_case(name));
        if formatting {
            names.push(name);
        }
        if let Some(k) = valued_attribute(name).filter(|_| !merges) {
            match first_went[k] {
                // A later one, which the tokenizer drops: it goes with a
                // first one that went, and counts in no digest.
                Some(went) => {
                    if went {
                        edits.push(Edit::cut(a.name.0, a.end));
                    }
                    return;
                }
                None => {
                    let went = text
                        .get(a.value.0..a.value.1)
                        .is_some_and(|v| read_as_absent(k, v, classes));
                    first_went[k] = Some(went);
                    if !went {
                        return;
                    }
                }
            }
        } else if is_read(tag, name) {
            return;
        }
        if formatting && !duplicate {
            digest = digest.wrapping_add(attribute_hash(name, value));
        }
        edits.push(Edit::cut(a.name.0, a.end));
    });
    if formatting
        && edits.len() > first
        && let Some(last) = edits.last_mut()
    {
        last.insert = Insert::Digest(digest);
    }
    end
}

/// The attributes read only for what their value names (see
/// [`read_as_absent`]).
const VALUED: [&str; 3] = ["class", "id", "style"];

/// `name` as an index into [`VALUED`].
fn valued_attribute(name: &[u8]) -> Option<usize> {
    VALUED
        .iter()
        .position(|n| name.eq_ignore_ascii_case(n.as_bytes()))
}

/// Whether the reader reads attribute `k` of [`VALUED`] with this raw
/// `value` as it reads no such attribute: a class naming no chrome token,
/// caption, hiding class or author; an id naming no chrome token; a style
/// that hides nothing. A value with a character reference or a NUL (the
/// tokenizer changes both) is kept.
fn read_as_absent<'a>(k: usize, value: &'a str, classes: &mut ClassCache<'a>) -> bool {
    if value.bytes().any(|c| c == b'&' || c == 0) {
        return false;
    }
    match VALUED[k] {
        "class" => classes.get(value).names_nothing(),
        "id" => classes.get(value).names_no_token(),
        _ => !style_hides(value),
    }
}

/// Where a start tag whose name ends at `after_name` ends, when it is a
/// `<link>` or `<meta>` that can go whole: stylesheets, icons, preloads;
/// viewports, verification codes, image links. A link is read only for
/// the canonical URL and a meta only under a key the metadata reads, and
/// a void element placed in the head (or where it stands) shapes nothing
/// else: its start tag does not touch the list of active formatting
/// elements. The caller checks the text before it; here only whitespace
/// may stand between it and the next `<` (or the end).
fn unread_void_end(b: &[u8], name: &[u8], after_name: usize) -> Option<usize> {
    let (read, end) = if name.eq_ignore_ascii_case(b"link") {
        may_be_canonical(b, after_name)
    } else if name.eq_ignore_ascii_case(b"meta") {
        meta_may_be_read(b, after_name)
    } else {
        return None;
    };
    if read {
        return None;
    }
    let next = memchr::memchr(b'<', &b[end..]).map_or(b.len(), |k| end + k);
    (is_space(&b[end..next]) && markup_at(b, next)).then_some(end)
}

/// Whether markup (a tag, comment, doctype or bogus comment) or the end of
/// the page begins at `at`, where a `<` or the end is. A stray `<` is text:
/// with an element gone, the whitespace before it would join that text
/// (and in a table, text that is not all whitespace moves out in front of
/// the table, whitespace and all).
fn markup_at(b: &[u8], at: usize) -> bool {
    at >= b.len()
        || b.get(at + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'!' | b'?' | b'/'))
}

/// Whether `run` is HTML whitespace only (or empty).
fn is_space(run: &[u8]) -> bool {
    run.iter().all(u8::is_ascii_whitespace)
}

/// Whether the `<link>` whose name ends at `from` may name the canonical
/// URL (its first `rel` holds the word `canonical` in any case, or a
/// character reference that might spell it), and where the tag ends.
fn may_be_canonical(b: &[u8], from: usize) -> (bool, usize) {
    let mut rel: Option<&[u8]> = None;
    let end = read_attributes(b, from, |a| {
        if rel.is_none() && b[a.name.0..a.name.1].eq_ignore_ascii_case(b"rel") {
            rel = Some(&b[a.value.0..a.value.1]);
        }
    });
    let canonical = rel.is_some_and(|r| {
        r.contains(&b'&')
            || r.split(u8::is_ascii_whitespace)
                .any(|w| w.eq_ignore_ascii_case(b"canonical"))
    });
    (canonical, end)
}

/// Whether the `<meta>` whose name ends at `from` may be read, and where
/// the tag ends. The metadata files a meta under its first `property`,
/// else `name`, else `itemprop`, else `http-equiv` (the first attribute of
/// a name counts, as in the tree), trimmed and lower-cased, and reads the
/// keys of [`is_read_meta_key`]. A key with a character reference might
/// spell one. Metas that declare the encoding (`charset`, `http-equiv`)
/// stay whatever their key.
fn meta_may_be_read(b: &[u8], from: usize) -> (bool, usize) {
    // The first value of `property`, `name` and `itemprop`, in that order.
    let mut keys: [Option<&[u8]>; 3] = [None; 3];
    let mut declares_encoding = false;
    let end = read_attributes(b, from, |a| {
        let name = &b[a.name.0..a.name.1];
        let slot = if name.eq_ignore_ascii_case(b"property") {
            0
        } else if name.eq_ignore_ascii_case(b"name") {
            1
        } else if name.eq_ignore_ascii_case(b"itemprop") {
            2
        } else {
            declares_encoding |=
                name.eq_ignore_ascii_case(b"charset") || name.eq_ignore_ascii_case(b"http-equiv");
            return;
        };
        keys[slot].get_or_insert(&b[a.value.0..a.value.1]);
    });
    let Some(key) = keys.into_iter().flatten().next() else {
        return (declares_encoding, end);
    };
    // The value lies between ASCII bytes (quotes, spaces, `=`, `>`), so
    // on character boundaries.
    let read = key.contains(&b'&')
        || std::str::from_utf8(key)
            .map_or(true, |k| is_read_meta_key(&k.trim().to_ascii_lowercase()));
    (read || declares_encoding, end)
}

/// A hash of the lower-cased name and the value, eight bytes at a time
/// (a byte-wise hash was most of the scan's cost on link-heavy pages).
fn attribute_hash(name: &[u8], value: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let mut h = name.len() as u64;
    for chunk in name.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        word.make_ascii_lowercase();
        h = mix(h, u64::from_le_bytes(word));
    }
    h = mix(h, value.len() as u64);
    let mut words = value.chunks_exact(8);
    for chunk in &mut words {
        h = mix(h, u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    mix(h, u64::from_le_bytes(last))
}

/// HTML start tags that end SVG content when they appear inside it (the
/// HTML standard's "breakout" list; `font` counts only with some
/// attributes, taken here always), and an SVG element whose content is
/// parsed as HTML (`title` and `desc` are handled apart).
const LEAVES_SVG: [&[u8]; 47] = [
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
    b"font",
    b"foreignobject",
    b"math",
];

/// Where the content of an `<svg>` whose start tag ends at `from` ends
/// (the start of its `</svg`), when that content is SVG all through: no
/// tag that would take the parser back to HTML, no element holding HTML.
/// `None` when it is not, or when the page ends first; the caller then
/// cuts nothing.
fn svg_content_end(b: &[u8], from: usize) -> Option<usize> {
    // Elements open inside, the `<svg>` itself first: an end tag closes
    // the nearest of its name; one that names none of them would close an
    // HTML element outside and end the SVG early.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start + 1..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                i = comment_end(b, start + 2)?.1;
            }
            Some(b'!') if rest.starts_with(b"![CDATA[") => {
                i = memchr::memmem::find(&b[start..], b"]]>").map(|e| start + e + 3)?;
            }
            Some(b'/') if b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name = tag_name(b, start + 2);
                let at = open.iter().rposition(|o| o.eq_ignore_ascii_case(name))?;
                open.truncate(at);
                if open.is_empty() {
                    return Some(start);
                }
                i = tag_end(b, start + 2 + name.len());
            }
            // Doctype, bogus comment, or `</` not followed by a letter.
            Some(b'!' | b'?' | b'/') => {
                i = memchr::memchr(b'>', &b[start..]).map(|e| start + e + 1)?;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(b, start + 1);
                let end = tag_end(b, start + 1 + name.len());
                if name.eq_ignore_ascii_case(b"title") || name.eq_ignore_ascii_case(b"desc") {
                    // An icon's label: its content would be read as HTML,
                    // which plain text is too.
                    let close = find_end_tag(b, end, name)?;
                    if memchr::memchr(b'<', &b[end..close]).is_some() {
                        return None;
                    }
                    open.push(name);
                    i = close;
                    continue;
                }
                if LEAVES_SVG.iter().any(|t| name.eq_ignore_ascii_case(t)) {
                    return None;
                }
                if !b[..end].ends_with(b"/>") {
                    open.push(name);
                }
                i = end;
            }
            _ => i = start + 1,
        }
        if i >= b.len() {
            return None;
        }
    }
    None
}

/// Where a comment whose `<!` ends at `from` closes: the start of its
/// `-->` or `--!>` and the end of it, read as the tokenizer does (`<!-->`
/// and `<!--->` close at once, `<!--!>` and `<!---!>` do not).
/// `None` when the page ends first.
pub(super) fn comment_end(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + off;
        match b.get(at + 2) {
            Some(b'>') => return Some((at, at + 3)),
            Some(b'!') if b.get(at + 3) == Some(&b'>') && at >= from + 2 => {
                return Some((at, at + 4));
            }
            _ => i = at + 1,
        }
    }
    None
}

/// The tag name starting at `from`: up to a space, `/` or `>`, as the
/// tokenizer reads it.
pub(super) fn tag_name(b: &[u8], from: usize) -> &[u8] {
    let len = b[from.min(b.len())..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
        .unwrap_or(b.len().saturating_sub(from));
    &b[from.min(b.len())..from.min(b.len()) + len]
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// Where the tag whose attributes start at `from` ends (just past its `>`,
/// or the end of the page when it never closes).
pub(super) fn tag_end(b: &[u8], from: usize) -> usize {
    read_attributes(b, from, |_| {})
}

/// One attribute of a start tag, as byte positions in the page.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Attribute {
    /// Its name, from its first byte to the byte before a space, `/`, `>`
    /// or `=`.
    name: (usize, usize),
    /// Its value without quotes; empty (at the name's end) when it has none.
    value: (usize, usize),
    /// Just past the attribute: past the closing quote of a quoted value.
    end: usize,
}

/// Reads the attributes of a tag whose name ends at `from`, the way the
/// tokenizer's attribute states do, calling `f` on each complete one, and
/// returns where the tag ends (just past its `>`, or the end of the page
/// when it never closes: the tokenizer then drops the tag).
///
/// Spaces and `/` separate attributes; a name takes any first byte, `=`
/// and quotes included, and runs to a space, `/`, `>` or `=`; a value is
/// quoted only when a quote is the first byte after `=` (and spaces), and a
/// `>` inside quotes does not end the tag.
fn read_attributes(b: &[u8], from: usize, mut f: impl FnMut(Attribute)) -> usize {
    let space = |c: u8| c.is_ascii_whitespace();
    // Past the spaces at `i`, and past `/` too when `slash`.
    let skip = |mut i: usize, slash: bool| {
        while i < b.len() && (space(b[i]) || (slash && b[i] == b'/')) {
            i += 1;
        }
        i
    };
    let mut i = from;
    loop {
        // Before a name: spaces and `/` (which marks the tag self-closing
        // only when a `>` follows it at once).
        i = skip(i, true);
        match b.get(i) {
            None => return b.len(),
            Some(b'>') => return i + 1,
            Some(_) => {}
        }
        let name_start = i;
        i += 1;
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name = (name_start, i);
        let after_name = skip(i, false);
        if b.get(after_name) != Some(&b'=') {
            // No value: the spaces after the name separate it from what
            // follows.
            f(Attribute {
                name,
                value: (i, i),
                end: i,
            });
            continue;
        }
        let value_start = skip(after_name + 1, false);
        match b.get(value_start) {
            None => return b.len(),
            Some(b'>') => {
                // `name=>`: an empty value, and the tag ends.
                f(Attribute {
                    name,
                    value: (value_start, value_start),
                    end: value_start,
                });
                return value_start + 1;
            }
            Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &b[value_start + 1..]) {
                Some(len) => {
                    let close = value_start + 1 + len;
                    f(Attribute {
                        name,
                        value: (value_start + 1, close),
                        end: close + 1,
                    });
                    i = close + 1;
                }
                None => return b.len(),
            },
            Some(_) => {
                let mut end = value_start;
                while end < b.len() && !space(b[end]) && b[end] != b'>' {
                    end += 1;
                }
                if end == b.len() {
                    return b.len();
                }
                f(Attribute {
                    name,
                    value: (value_start, end),
                    end,
                });
                i = end;
            }
        }
    }
}

/// Where the first `</name` (any case) followed by a space, `/` or `>`
/// starts at or after `from`: the end of a raw text element's contents.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        let after = &b[(at + 2).min(b.len())..];
        if b.get(at + 1) == Some(&b'/')
            && after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && (after[name.len()].is_ascii_whitespace() || matches!(after[name.len()], b'/' | b'>'))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Where the text of a `<script>` whose start tag ends at `from` ends
/// (the `<` of its end tag), read as the tokenizer reads script data:
/// `<!--` opens an escaped stretch, which `-->` closes; in it a
/// `<script` opens a doubly escaped one, where `</script` does not end
/// the script, up to the next `</script` (or `-->`). `None` when the page
/// ends first.
pub(super) fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    // Where the ASCII letters from `at` end.
    let letters = |at: usize| {
        let mut k = at;
        while k < b.len() && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        k
    };
    // Whether the letters `at..end` spell `script` and the byte after
    // them ends a tag name.
    let script_name = |at: usize, end: usize| {
        b.get(end)
            .is_some_and(|&c| matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'))
            && b[at..end].eq_ignore_ascii_case(b"script")
    };
    let mut state = State::Data;
    let mut i = from;
    while i < b.len() {
        let (dash, dash_dash, double) = match state {
            State::Data => {
                let at = i + memchr::memchr(b'<', &b[i..])?;
                match b.get(at + 1) {
                    Some(b'/') => {
                        let end = letters(at + 2);
                        if end > at + 2 && script_name(at + 2, end) {
                            return Some(at);
                        }
                        i = at + 2;
                    }
                    Some(b'!') if b[at + 2..].starts_with(b"--") => {
                        state = State::EscapedDashDash;
                        i = at + 4;
                    }
                    _ => i = at + 1,
                }
                continue;
            }
            State::Escaped | State::Double => {
                let at = i + memchr::memchr2(b'-', b'<', &b[i..])?;
                let double = matches!(state, State::Double);
                if b[at] == b'-' {
                    state = if double {
                        State::DoubleDash
                    } else {
                        State::EscapedDash
                    };
                    i = at + 1;
                    continue;
                }
                i = at;
                (false, false, double)
            }
            State::EscapedDash => (true, false, false),
            State::EscapedDashDash => (false, true, false),
            State::DoubleDash => (true, false, true),
            State::DoubleDashDash => (false, true, true),
        };
        // In an escaped stretch, at `i`, after `dash` or `dash_dash`.
        let (plain, dashes) = if double {
            (State::Double, State::DoubleDashDash)
        } else {
            (State::Escaped, State::EscapedDashDash)
        };
        match b[i] {
            b'-' if dash || dash_dash => {
                state = dashes;
                i += 1;
            }
            b'>' if dash_dash => {
                state = State::Data;
                i += 1;
            }
            b'<' if double => {
                // `</script` ends the doubly escaped stretch.
                state = State::Double;
                if b.get(i + 1) != Some(&b'/') {
                    i += 1;
                    continue;
                }
                let end = letters(i + 2);
                if end >= b.len() {
                    return None;
                }
                if script_name(i + 2, end) {
                    state = State::Escaped;
                    i = end + 1;
                } else {
                    i = end;
                }
            }
            b'<' => {
                state = State::Escaped;
                match b.get(i + 1) {
                    Some(b'/') => {
                        let end = letters(i + 2);
                        if end > i + 2 && script_name(i + 2, end) {
                            return Some(i);
                        }
                        i = end.max(i + 2);
                    }
                    Some(c) if c.is_ascii_alphabetic() => {
                        // `<script` followed by a space, `/` or `>` opens
                        // a doubly escaped stretch.
                        let end = letters(i + 1);
                        if end >= b.len() {
                            return None;
                        }
                        if script_name(i + 1, end) {
                            state = State::Double;
                            i = end + 1;
                        } else if matches!(
                            b[end],
                            b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'
                        ) {
                            i = end + 1;
                        } else {
                            i = end;
                        }
                    }
                    _ => i += 1,
                }
            }
            _ => {
                state = plain;
                i += 1;
            }
        }
    }
    None
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page as the reader sees it, parsed from `text` as it stands.
    fn read(text: &str) -> String {
        format!(
            "{:?}",
            crate::read::html::read_tree(&crate::read::dom::parse(text))
        )
    }

    /// The digest values the scan left in `stripped`, in page order.
    fn digests_in(stripped: &str) -> Vec<&str> {
        stripped
            .match_indices("_d=\"")
            .map(|(at, _)| &stripped[at + 4..at + 20])
            .collect()
    }

    #[test]
    fn scripts_styles_and_noscript_lose_their_text() {
        let page = "<head><style>p{color:red}</style><script type=\"text/javascript\">var a = 1 < 2;</script></head>\
                    <body><p>Text</p><NOSCRIPT><img src=x></NOSCRIPT><script>if (a>b) {}</SCRIPT ></body>";
        assert_eq!(
            strip_raw_text(page),
            "<head></head><body><p>Text</p></body>"
        );
        // Between whitespace or tags they go whole; before text, or after
        // it, only their content goes.
        assert_eq!(
            strip_raw_text("<html>\n<script>a()</script>\n<style>b</style>Text"),
            "<html>  <style></style>Text"
        );
    }

    #[test]
    fn json_ld_and_other_raw_text_stay() {
        let page = "<script type='application/ld+json'>{\"a\": \"<b>\"}</script>\
                    <textarea><script>x</script></textarea><title>a <style> b</title><p>c</p>";
        assert!(matches!(strip_raw_text(page), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_ends_only_at_a_real_end_tag() {
        let page = "<script>a = '</scripts>'; b = '</script'</script>x";
        // `</scripts>` and `</script'` do not end the script; `</script>` does.
        assert_eq!(strip_raw_text(page), "<script></script>x");
    }

    #[test]
    fn quoted_attributes_and_comments_hide_tags() {
        let page = "<div class=\"nav > <script>\">keep</div><!-- <style> --><p>also</p>\
                    <a id = 'menu>'>link</a><style>s</style>";
        assert_eq!(
            strip_raw_text(page),
            "<div class=\"nav > <script>\">keep</div><!----><p>also</p>\
             <a id = 'menu>'>link</a>"
        );
    }

    #[test]
    fn malformed_tags_read_as_the_tokenizer_reads_them() {
        // `</<` opens a bogus comment up to the first `>`, quotes or not.
        assert_eq!(
            strip_raw_text("</<a href=\"<style>x\"><style>y</style>"),
            "</<a href=\"<style>x\"><style></style>"
        );
        // A quote after a quoted value is part of a new attribute's name:
        // the `>` after it ends the tag, and the style is real.
        assert_eq!(
            strip_raw_text("<p id=\"nav\"=\">'<style>z</style>"),
            "<p id=\"nav\">'<style></style>"
        );
        // SVG content goes whole when it is SVG all through; with a tag
        // that takes the parser back to HTML, nothing is cut there.
        assert_eq!(
            strip_raw_text(
                "<svg viewBox='0 0 9 9'><style>.a{}</style><path d='M0'/></svg><p>x</p>"
            ),
            "<svg viewBox='0 0 9 9'></svg><p>x</p>"
        );
        assert!(matches!(
            strip_raw_text("<svg><style>.a{}</style><p>out</p></svg>"),
            Cow::Borrowed(_)
        ));
    }

    fn attributes(tag: &str) -> Vec<(String, String)> {
        let b = tag.as_bytes();
        let mut found = Vec::new();
        let end = read_attributes(b, tag_name(b, 1).len() + 1, |a| {
            found.push((
                tag[a.name.0..a.name.1].to_string(),
                tag[a.value.0..a.value.1].to_string(),
            ))
        });
        assert_eq!(end, tag.len(), "{tag}");
        found
    }

    #[test]
    fn attributes_are_read_as_the_tokenizer_reads_them() {
        let pairs = |v: &[(&str, &str)]| {
            v.iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            attributes("<a href = 'x>' b=c/d hidden e=>"),
            pairs(&[("href", "x>"), ("b", "c/d"), ("hidden", ""), ("e", "")])
        );
        // A quote opens a value only right after `=`; elsewhere it is part
        // of a name, and so is a leading `=`.
        assert_eq!(
            attributes("<p a\"b=\"c\"=d/'e'>"),
            pairs(&[("a\"b", "c"), ("=d", ""), ("'e'", "")])
        );
        assert_eq!(attributes("<br/>"), pairs(&[]));
    }

    #[test]
    fn unread_attributes_are_dropped_and_separators_kept() {
        assert_eq!(
            strip_raw_text(
                "<div data-id=\"7\" class=\"story-share\" onclick='go()'><img src=a.jpg srcset=\"a 1x\" alt=x>\
                 <link rel=canonical href=\"https://e.x/a\"><p STYLE=\"display:none\"ID=sidebar>t</p></div>"
            ),
            "<div  class=\"story-share\" ><img   >\
             <link rel=canonical href=\"https://e.x/a\"><p STYLE=\"display:none\"ID=sidebar>t</p></div>"
        );
        // Links go whole but for the canonical one.
        assert_eq!(
            strip_raw_text(
                "<head><link rel=stylesheet href=a.css><LINK REL=\"Canonical\" href=/c id=nav>\
                 <link href=b rel='preload canonical'><link rel=&#99;anonical href=/d></head>\
                 <p>&amp<link rel=icon>;<<link rel=icon>p<pre><link rel=icon>\nx</pre>"
            ),
            "<head><LINK REL=\"Canonical\" href=/c id=nav>\
             <link href=b rel='preload canonical'><link rel=&#99;anonical href=/d></head>\
             <p>&amp<link rel=icon>;<<link rel=icon>p<pre><link rel=icon>\nx</pre>"
        );
        // Not next to text: it would join the text on its other side.
        assert_eq!(
            strip_raw_text("<head>\n<link rel=icon href=i>\n</head><p>a <link rel=icon> b"),
            "<head>  </head><p>a <link rel=icon> b"
        );
        // With nothing between a dropped value and the next name, the name
        // keeps its place after the tag name's own space.
        assert_eq!(
            strip_raw_text("<p data-x=\"1\"class=menu>"),
            "<p class=menu>"
        );
        // SVG and MathML start tags keep theirs.
        assert!(matches!(
            strip_raw_text("<svg viewBox='0 0 1 1'/><math display=block>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn class_id_and_style_go_when_they_name_nothing_read() {
        // A class naming no chrome, caption, hiding class or author; an id
        // naming no chrome; a style that hides nothing.
        assert_eq!(
            strip_raw_text(
                "<div class=\"c-entry__body l-col\" id=main style=\"color:red\">t</div>"
            ),
            "<div   >t</div>"
        );
        // Each kind of meaning keeps its attribute.
        let kept = [
            "<div class=\"l-sidebar\">t</div>",
            "<div class=\"photo-caption\">t</div>",
            "<span class=sr-only>t</span>",
            "<span class=Author>t</span>",
            "<div id=comments>t</div>",
            "<div style=\"DISPLAY: none\">t</div>",
            // A character reference might spell anything.
            "<div class=\"n&#97;v\">t</div>",
        ];
        for page in kept {
            assert!(matches!(strip_raw_text(page), Cow::Borrowed(_)), "{page}");
        }
        // An id's caption or author name is not read: it goes.
        assert_eq!(strip_raw_text("<p id=caption>t</p>"), "<p >t</p>");
        // A later attribute of the same name, which the tokenizer drops,
        // goes with a first one that went (else it would take its place)
        // and stays beside one that stays.
        assert_eq!(
            strip_raw_text("<div class=x CLASS=nav>t</div>"),
            "<div  >t</div>"
        );
        assert!(matches!(
            strip_raw_text("<div class=nav class=x>t</div>"),
            Cow::Borrowed(_)
        ));
        // A formatting element's digest counts the first, not the dropped
        // duplicate: the two `<b>`s stay alike.
        let stripped = strip_raw_text("<b class=x>1</b><b class=x class=y>2</b>");
        let digests = digests_in(&stripped);
        assert_eq!(digests.len(), 2, "{stripped}");
        assert_eq!(digests[0], digests[1]);
        // So does a dropped duplicate of an unread attribute.
        let stripped = strip_raw_text("<b data-k=1>1</b><b data-k=1 DATA-K=2>2</b>");
        let digests = digests_in(&stripped);
        assert_eq!(digests.len(), 2, "{stripped}");
        assert_eq!(digests[0], digests[1]);
    }

    #[test]
    fn html_and_body_keep_their_valued_attributes() {
        // A later `<body>` adds the attributes the body lacks: had the
        // first class gone, `author` would become the body's class.
        let page = "<body class=x><p>Ann Lee</p><body class=author>";
        let stripped = strip_raw_text(page);
        assert_eq!(read(page), read(&stripped), "stripped: {stripped}");
        assert!(stripped.contains("class=x"), "{stripped}");
    }

    #[test]
    fn empty_inline_elements_go_whole_where_they_rebuild_nothing() {
        // Right after an inline start tag (the formatting elements are all
        // open), or right before one (it rebuilds them in their place).
        assert_eq!(
            strip_raw_text(
                "<p><a class=share href=/x> <i class=\"fa fa-x\" aria-hidden=true></i> Share</a>\
                 <div><span class=icon></span><span>t</span><svg viewBox='0 0 1 1'><path d='M0'/></svg><b>u</b></div>"
            ),
            "<p><a class=share >  Share</a><div><span>t</span><b>u</b></div>"
        );
        // Not: a link (its start tag closes an open link), a block, an
        // element that holds text, one after an end tag or a block start
        // tag with no rebuilding tag after it (it would reopen formatting
        // elements a `</p>` closed), one between texts (in a table the
        // text before it is put out of the table, and whitespace joins).
        let kept = [
            "<b><a class=nav></a> x",
            "<span><div></div> x",
            "<span><i>x</i>",
            "<p><b>x</p><span></span><div>y",
            "<p><b>x</p><i></i> <div>y",
            "<table><tr><td>a<span></span>b",
            "<table>a <span></span> <tr>",
        ];
        for page in kept {
            assert!(matches!(strip_raw_text(page), Cow::Borrowed(_)), "{page}");
        }
    }

    #[test]
    fn nothing_goes_whole_before_the_first_tag() {
        // Without the link the doctype would come first and take the page
        // out of quirks mode, where `<table>` leaves a `<p>` open.
        // Past the link, the doctype comes too late anyway.
        assert_eq!(
            strip_raw_text("<link rel=icon href=/i><meta name=viewport> <!doctype html><p><table>"),
            "<link rel=icon href=/i> <!doctype html><p><table>"
        );
    }

    #[test]
    fn metas_nobody_reads_go_whole() {
        assert_eq!(
            strip_raw_text(
                "<head>\n<meta name=viewport content=w>\n<META PROPERTY=\"twitter:card\" content=c>\
                 <meta property=\"\" name=description content=d><meta content=x></head>"
            ),
            "<head>  </head>"
        );
        // Kept: a key the metadata reads (first of property, name,
        // itemprop; trimmed, any case), a key a character reference might
        // spell, and what declares the encoding.
        let kept = "<head><meta name=\" Description \" content=d><meta name=x property=og:title content=t>\
                    <meta itemprop=datePublished content=2020><meta name=og&#58;url content=u>\
                    <meta charset=utf-8><meta http-equiv=content-type content=\"text/html\"></head>";
        assert!(matches!(strip_raw_text(kept), Cow::Borrowed(_)));
        // Not next to text, which would join the text on its other side.
        assert!(matches!(
            strip_raw_text("<p>a <meta name=viewport content=w> b"),
            Cow::Borrowed(_)
        ));
        // Every key the metadata reads is kept.
        for key in crate::metadata::READ_META_KEYS
            .iter()
            .flat_map(|k| k.iter())
        {
            let page = format!("<head><meta property=\"{key}\" content=x></head>");
            assert_eq!(strip_raw_text(&page), page);
        }
    }

    #[test]
    fn runs_of_spaces_between_tags_become_one_space() {
        assert_eq!(
            strip_raw_text("<ul>\n  <li>a b</li>\r\n\t<li> c\n d </li> <li>e</li>\n</ul>"),
            "<ul> <li>a b</li> <li> c\n d </li> <li>e</li> </ul>"
        );
        // Not right after `<pre>` (it drops a line break that follows it)
        // nor after a stray `<`, which is text.
        assert!(matches!(
            strip_raw_text("<pre>\n<b>x</b></pre>< \n<p>"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn formatting_elements_keep_a_digest_of_what_they_lose() {
        let page = "<i title=x lang=en>1</i><i lang=en title='x'>2</i>\
                    <i title=y lang=en>3</i><b>4</b>";
        let stripped = strip_raw_text(page);
        let digests = digests_in(&stripped);
        assert_eq!(digests.len(), 3, "{stripped}");
        // Same attributes in another order and quoting: same digest.
        assert_eq!(digests[0], digests[1]);
        assert_ne!(digests[0], digests[2]);
        assert!(stripped.ends_with("<b>4</b>"));
        // Links lose theirs without one: no two links are ever on the list
        // together.
        assert_eq!(
            strip_raw_text("<a href=/x class=menu>1</a><a href=/y class=menu>2</a>"),
            "<a  class=menu>1</a><a  class=menu>2</a>"
        );
    }

    #[test]
    fn an_element_gone_whole_changes_nothing_the_reader_measures() {
        // The script goes whole (whitespace, and stray end tags that make
        // no node, on both sides): the two texts become one text node, whose
        // weight in the survey must not change, or the paragraph would cross
        // the survey's threshold and take the nav for the article's home.
        let page = "<body><nav><p>abcdefghijkl </i><script>f()</script> </i>abcdefghijkl</p></nav>\
                    <div><p>Elsewhere.</p></div></body>";
        let stripped = strip_raw_text(page);
        assert!(!stripped.contains("script"), "{stripped}");
        assert_eq!(read(page), read(&stripped));
    }

    #[test]
    fn nothing_goes_whole_before_the_tree_builder_leaves_its_first_mode() {
        // The script puts the page in quirks mode and the doctype after it
        // is ignored; without the script the doctype would count, and a
        // `<table>` would close the `<p>`.
        let page = "<script></script><!doctype html><p><table><tr><td>cell";
        assert_eq!(read(page), read(&strip_raw_text(page)));
        // After a doctype (or any tag) it may go.
        let page = "<!doctype html> <script></script> <p>text";
        assert!(!strip_raw_text(page).contains("script"));
    }

    #[test]
    fn a_comment_does_not_close_on_its_own_opening_dashes() {
        // `<!--!>` opens a comment that runs on: the style is in it.
        assert!(matches!(
            strip_raw_text("<!--!><style>x</style>"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            strip_raw_text("<!--x--!><style>x</style>"),
            "<!----!><style></style>"
        );
    }

    #[test]
    fn escaped_scripts_end_where_the_tokenizer_ends_them() {
        // The `</script>` inside the doubly escaped stretch does not end
        // the script; the one after `-->` does.
        let page =
            "<p>t</p><script><!-- document.write('<script>x</script>'); --></script><p>u</p>";
        assert_eq!(strip_raw_text(page), "<p>t</p><p>u</p>");
        assert_eq!(read(page), read(&strip_raw_text(page)));
        // Unclosed: the rest of the page is script.
        let page = "<p>t</p><script><!-- <script> </script><p>u</p>";
        assert_eq!(strip_raw_text(page), "<p>t</p><script>");
    }

    #[test]
    fn unclosed_and_truncated_pages_do_not_panic() {
        let cases = [
            ("<script>var a", "<script>"),
            ("<style", "<style"),
            ("<", "<"),
            ("<!--", "<!--"),
            ("<a href='x", "<a href='x"),
            ("<script></", "<script>"),
            ("<p>é<script>ü</script>ß", "<p>é<script></script>ß"),
        ];
        for (page, stripped) in cases {
            assert_eq!(strip_raw_text(page), stripped, "{page}");
        }
    }

    /// Pieces of markup that meet at awkward places: quotes, comments,
    /// raw text elements and their end tags in every case.
    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "<p>",
            "</p>",
            "<div class=\"a\">",
            "<div title='x>",
            "<a href=\"",
            "\">",
            "'",
            "\"",
            "=",
            ">",
            "<",
            "</",
            "/",
            " ",
            "text",
            "é",
            "<br>",
            "<script>",
            "</script>",
            "<SCRIPT >",
            "</script ",
            "</scripts>",
            "<script type=\"application/ld+json\">",
            "{\"headline\": \"Hi\"}",
            "<style>",
            "</style>",
            "<noscript>",
            "</noscript>",
            "<!--",
            "-->",
            "<!-->",
            "--!>",
            "<!--->",
            "-",
            "<!doctype html>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "</title>",
            "<svg>",
            "</svg>",
            "<svg/>",
            "<math>",
            "<path d='M0 0'/>",
            "<g>",
            "</g>",
            "<foreignObject>",
            "<title>x</title>",
            "<desc>a<b>b</b></desc>",
            " x=",
            "/=",
            "</>",
            "<![CDATA[",
            "]]>",
            "<xmp>",
            "</xmp>",
            "<h1>",
            "</h1>",
            "<iframe>",
            "</iframe>",
            "<head>",
            "<body>",
            "<li>",
            "<table><tr><td>",
            " href=\"/a\"",
            " data-x=1",
            " class=\"menu\"",
            " class=\"entry-body\"",
            " CLASS=x",
            " id=main",
            " id=\"comments\"",
            " style=\"color:red\"",
            " class=\"n&#97;v\"",
            "<div",
            "<b",
            "<span",
            "<b class=x>",
            "<b class=x class=y>",
            "<i class=\"photo-caption\">",
            "<body class=x>",
            "<body class=nav>",
            "<body class=author>",
            "<body",
            "<html lang=fr>",
            "<html",
            " lang=en",
            " role=main",
            " type=hidden",
            "<input",
            "<font size=5>",
            "<time datetime=2020-01-02>",
            " rel=author",
            " itemprop=author",
            " name=author content=Ann",
            " style='display:none'",
            " hidden",
            " src=x.png/",
            "<b data-k=1>",
            "<b data-k=1 data-k=2>",
            "<b data-k=2>",
            "<a href=1>",
            "<a href=2 class=k>",
            "<a rel=author>",
            "<span class=icon></span>",
            "<i class=fa></i>",
            "<i class=fa>",
            "<em></em>",
            "<svg class=i viewBox='0 0 1 1'><path d='M0'/></svg>",
            "<svg/>",
            "<span>",
            "<div>",
            "</div>",
            "<tr>",
            "<td>",
            "</td>",
            "<select>",
            "<img src=x>",
            "<br>",
            "<a rel=nofollow>",
            "</a>",
            "<i title=t>",
            "</b>",
            "<font color=red>",
            "<input type=hidden>",
            "<div id=x data-y='>'",
            "<nav role=navigation>",
            "<p ",
            "<html lang=fr>",
            "<meta property=og:title content=T>",
            "<meta name=viewport content=w>",
            "<meta name=description property=x content=D>",
            "<meta itemprop=author content=A>",
            "<meta charset=utf-8>",
            "<link rel=canonical href=/c>",
            "<link rel=icon href=/i>",
            "<link>",
            "<script>f()</script>",
            "<style>p{}</style>",
            "Twelve chars",
            "and a few more words, with commas,",
            "</i>",
            "</span>",
            "&amp",
            ";",
            "<pre>",
            "</pre>",
            "<listing>",
            "\n",
            "\r\n  ",
            "\t",
            "<time datetime=2020-01-02>",
            "<template shadowrootmode=open>",
            "</template>",
            "<img alt=Photo>",
            "<figure>",
            "<figcaption>",
        ])
    }

    proptest::proptest! {
        // PROPTEST_CASES runs more locally.
        #![proptest_config(proptest::test_runner::Config::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(20000)
        ))]

        /// The page read from the stripped text is the page read from the
        /// original: same lines, hints and metadata; and so is the page
        /// `read_html` reads (the scan, then the walk starting from the
        /// class values the scan read).
        #[test]
        fn stripping_changes_nothing_the_reader_sees(
            pieces in proptest::collection::vec(piece(), 0..40)
        ) {
            let page = pieces.concat();
            let stripped = strip_raw_text(&page);
            let original = read(&page);
            proptest::prop_assert_eq!(&original, &read(&stripped), "stripped: {}", stripped);
            let production = format!("{:?}", crate::read::html::read_html(&page));
            proptest::prop_assert_eq!(&original, &production, "stripped: {}", stripped);
        }
    }
}
