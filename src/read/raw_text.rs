//! Empties the raw text of scripts, styles and `noscript` before parsing.
//!
//! On the benchmark pages more than half of the bytes are inline
//! JavaScript and CSS. html5ever would tokenize every one of them and the
//! tree would hold them as text nodes, only for the walk to skip them. A
//! light scan that finds those elements the way the HTML tokenizer does
//! (start tags read with their quoted attribute values, comments skipped,
//! raw text ending at the first `</name` followed by a space, `/` or `>`)
//! can cut their contents out first; the parsed tree is then the same
//! minus text the reader never looks at.
//!
//! JSON-LD scripts keep their text: the metadata reads it. A script whose
//! text holds `<!--` may be "escaped" in the tokenizer's sense, where
//! `</script>` does not always end it, so the scan stops there and the rest
//! of the page is left as it is.

use std::borrow::Cow;

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

/// The page with the raw text of its scripts (JSON-LD aside), styles and
/// `noscript` elements removed, or the page itself when there is nothing
/// to remove or the scan cannot be sure of the tokenizer's reading.
pub fn strip_raw_text(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // Byte ranges to cut, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let start = i + off;
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
                            cuts.push((start + 4, close));
                        }
                        i = end;
                    }
                    None => i = b.len(),
                }
            }
            b'!' | b'?' => {
                // Doctype or bogus comment: up to the next `>`.
                i = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1);
            }
            b'/' if !b.get(start + 2).is_some_and(u8::is_ascii_alphabetic) => {
                // `</>` is dropped; `</` and anything else opens a bogus
                // comment up to the next `>`.
                i = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1);
            }
            b'/' => {
                let name = tag_name(b, start + 2);
                i = tag_end(b, start + 2 + name.len());
            }
            c if c.is_ascii_alphabetic() => {
                let name = tag_name(b, start + 1);
                let end = tag_end(b, start + 1 + name.len());
                i = end;
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
                                cuts.push((end, close));
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
                let close = find_end_tag(b, end, name).unwrap_or(b.len());
                let content = &b[end.min(close)..close];
                let is_script = name.eq_ignore_ascii_case(b"script");
                if is_script && memchr::memmem::find(content, b"<!--").is_some() {
                    // Possibly "escaped": where it ends is the tokenizer's
                    // call, so the scan stops here, as after unsure SVG.
                    break;
                }
                let json_ld = is_script && contains_ignore_case(&b[start..end], b"ld+json");
                if stripped && !json_ld && !content.is_empty() {
                    cuts.push((end, close));
                }
                i = close;
            }
            _ => i = start + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let removed: usize = cuts.iter().map(|(s, e)| e - s).sum();
    let mut out = String::with_capacity(text.len() - removed);
    let mut copied = 0;
    for (s, e) in cuts {
        // Cuts start after a `>` and end before a `<`: both ASCII, so on
        // character boundaries.
        out.push_str(&text[copied..s]);
        copied = e;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
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
            Some(b'!' | b'?') => {
                i = memchr::memchr(b'>', &b[start..]).map(|e| start + e + 1)?;
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
            Some(b'/') => {
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
/// and `<!--->` close at once). `None` when the page ends first.
pub(super) fn comment_end(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"--") {
        let at = i + off;
        match b.get(at + 2) {
            Some(b'>') => return Some((at, at + 3)),
            Some(b'!') if b.get(at + 3) == Some(&b'>') => return Some((at, at + 4)),
            _ => i = at + 1,
        }
    }
    None
}

/// The tag name starting at `from`: up to a space, `/` or `>`, as the
/// tokenizer reads it.
fn tag_name(b: &[u8], from: usize) -> &[u8] {
    let len = b[from.min(b.len())..]
        .iter()
        .position(|&c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        .unwrap_or(b.len().saturating_sub(from));
    &b[from.min(b.len())..from.min(b.len()) + len]
}

fn is_foreign_root(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math")
}

/// Where the tag whose attributes start at `from` ends (just past its `>`),
/// following the tokenizer's attribute states: a quote opens a value only
/// after an attribute name and `=`, and a `>` inside a quoted value does
/// not end the tag.
fn tag_end(b: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
    }
    let space = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let mut state = State::BeforeName;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if c == b'>' {
            return i + 1;
        }
        state = match state {
            // `/` outside a value only matters before a `>`.
            State::BeforeName | State::AfterName if c == b'/' => State::BeforeName,
            State::BeforeName | State::AfterName if space(c) => state,
            State::BeforeName => State::Name,
            State::Name if space(c) => State::AfterName,
            State::Name if c == b'/' => State::BeforeName,
            State::Name | State::AfterName if c == b'=' => State::BeforeValue,
            State::Name => State::Name,
            State::AfterName => State::Name,
            State::BeforeValue if space(c) => State::BeforeValue,
            State::BeforeValue if c == b'"' || c == b'\'' => {
                match memchr::memchr(c, &b[i + 1..]) {
                    Some(e) => i += 1 + e,
                    None => return b.len(),
                }
                // After a quoted value comes a new attribute, whatever
                // the next character is.
                State::BeforeName
            }
            State::BeforeValue => State::Unquoted,
            State::Unquoted if space(c) => State::BeforeName,
            State::Unquoted => State::Unquoted,
        };
        i += 1;
    }
    b.len()
}

/// Where the first `</name` (any case) followed by a space, `/` or `>`
/// starts at or after `from`: the end of a raw text element's contents.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(&b[i..], b"</") {
        let at = i + off;
        let after = &b[at + 2..];
        if after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name)
            && matches!(
                after[name.len()],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
        {
            return Some(at);
        }
        i = at + 2;
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

    #[test]
    fn scripts_styles_and_noscript_lose_their_text() {
        let page = "<head><style>p{color:red}</style><script type=\"text/javascript\">var a = 1 < 2;</script></head>\
                    <body><p>Text</p><NOSCRIPT><img src=x></NOSCRIPT><script>if (a>b) {}</SCRIPT ></body>";
        assert_eq!(
            strip_raw_text(page),
            "<head><style></style><script type=\"text/javascript\"></script></head>\
             <body><p>Text</p><NOSCRIPT></NOSCRIPT><script></SCRIPT ></body>"
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
        let page = "<div title=\"a > <script>\">keep</div><!-- <style> --><p>also</p>\
                    <a href = 'x>'>link</a><style>s</style>";
        assert_eq!(
            strip_raw_text(page),
            "<div title=\"a > <script>\">keep</div><!----><p>also</p>\
             <a href = 'x>'>link</a><style></style>"
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
            strip_raw_text("<a href=\"\"=\">'<style>z</style>"),
            "<a href=\"\"=\">'<style></style>"
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

    #[test]
    fn escaped_scripts_leave_the_page_whole() {
        let page = "<script><!-- document.write('<script>x</script>'); --></script><p>t</p>";
        assert!(matches!(strip_raw_text(page), Cow::Borrowed(_)));
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
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(5000))]

        /// The page read from the stripped text is the page read from the
        /// original: same lines, hints and metadata.
        #[test]
        fn stripping_changes_nothing_the_reader_sees(
            pieces in proptest::collection::vec(piece(), 0..40)
        ) {
            let page = pieces.concat();
            let stripped = strip_raw_text(&page);
            let read = |text: &str| {
                format!("{:?}", crate::read::html::read_tree(&scraper::Html::parse_document(text)))
            };
            proptest::prop_assert_eq!(read(&page), read(&stripped), "stripped: {}", stripped);
        }
    }
}
