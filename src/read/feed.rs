//! Feeds a page to html5ever's tree builder, making the tokens of plain
//! tags and plain text here and passing everything else through html5ever's
//! own tokenizer.
//!
//! html5ever's tokenizer reads tag and attribute names a character at a
//! time (a buffer-queue pop, a UTF-8 decode and a tendril push for each)
//! and copies every attribute value longer than eight bytes: after the
//! pre-parse scan, tags are most of what is left of a page, and the
//! tokenizer cost about twice what the tree builder did. A tag with a name
//! and attributes of any bytes but NUL, values without a character
//! reference or carriage return, and no stray `/`, or a run of text
//! without `&`, NUL or carriage return, reads the same under every rule of
//! the HTML tokenizer: here it is read in one pass and handed to the tree
//! builder as the token the tokenizer would make (names lower-cased in
//! ASCII, later attributes of a name dropped, values and text as slices of
//! the page). Text is handed over in one token where the tokenizer makes
//! one per line break: the tree builder reads runs of character tokens as
//! one (whitespace split off where it splits it, a line break after
//! `<pre>` dropped from the front of the next token either way).
//!
//! Everything else (comments with text, doctypes, character references,
//! stray `<`, the raw text elements) goes to html5ever's tokenizer, in a
//! stretch of the page that ends where the tokenizer is back in its data
//! state with nothing pending: after the next tag, comment or doctype as
//! the tokenizer reads them. The tokenizer's state depends on the page
//! alone but for two answers of the tree builder: whether a start tag
//! opens raw text (`<script>`, `<style>`, `<title>`... where the tree
//! builder's mode makes them so), which [`Watch`] records, and whether
//! `<![CDATA[` opens a CDATA section (in SVG and MathML), which the tree
//! builder is asked ahead of the tokenizer: text before it in the same
//! stretch may still change the answer (reopening an HTML formatting
//! element inside `<desc>`), so [`Watch`] records the answer the tokenizer
//! got, and where it differs, or where a switch came without a start tag
//! of ours to explain it, the rest of the page goes through the tokenizer
//! whole (right, only slower). Start and end tags of the
//! elements that may open raw text are always left to the tokenizer, so
//! the tree builder never answers one of ours with a change of state.

use std::cell::Cell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, CommentToken, EndTag, StartTag, Tag, TagKind, TagToken, Token,
    TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, ns};

use super::raw_text::{comment_end, find_end_tag, script_end, tag_end, tag_name};

/// A token sink between html5ever's tokenizer and the tree builder that
/// records when the tree builder switches the tokenizer out of its data
/// state, so that the feeder knows where the tokenizer's stretch must go on.
pub(super) struct Watch<S> {
    inner: S,
    switched: Cell<Option<Switch>>,
    /// The last answer the tokenizer got to its CDATA question.
    cdata: Cell<Option<bool>>,
}

/// A change of the tokenizer's state asked by the tree builder.
#[derive(Clone, Copy)]
enum Switch {
    /// Raw text of this kind up to the end tag of the element just opened
    /// (in script data, as [`script_end`] finds it).
    Raw(RawKind),
    /// Text to the end of the page.
    Plaintext,
}

impl<S> Watch<S> {
    pub(super) fn new(inner: S) -> Watch<S> {
        Watch {
            inner,
            switched: Cell::new(None),
            cdata: Cell::new(None),
        }
    }

    pub(super) fn into_inner(self) -> S {
        self.inner
    }
}

impl<S: TokenSink> TokenSink for Watch<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let result = self.inner.process_token(token, line_number);
        match result {
            TokenSinkResult::RawData(kind) => self.switched.set(Some(Switch::Raw(kind))),
            TokenSinkResult::Plaintext => self.switched.set(Some(Switch::Plaintext)),
            _ => {}
        }
        result
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        let answer = self
            .inner
            .adjusted_current_node_present_but_not_in_html_namespace();
        self.cdata.set(Some(answer));
        answer
    }
}

/// The byte order mark, which html5ever's tokenizer drops at the front of
/// what each call to its `feed` gives it.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Feeds `text` to the tree builder behind `tokenizer`, which has seen
/// nothing yet and drops no byte order mark itself (`discard_bom` off);
/// the caller ends the tokenizer.
///
/// html5ever's driver calls the tokenizer's `feed` once for the page and
/// again after each tag the tree builder answers with `Script` (after
/// `</script>`) or `EncodingIndicator` (a `<meta>` naming a charset): a
/// byte order mark is dropped at the page's start and right after those
/// tags, and nowhere else.
pub(super) fn feed<S: TokenSink>(tokenizer: &Tokenizer<Watch<S>>, text: &str) {
    // Offsets in a tendril are 32-bit: the extractor refuses longer pages
    // (`ExtractorBuilder::max_bytes` is capped below 4 GiB), and
    // `from_slice` would panic on one.
    let page = StrTendril::from_slice(text);
    let queue = BufferQueue::default();
    let b = text.as_bytes();
    let slice = |from: usize, to: usize| page.subtendril(from as u32, (to - from) as u32);
    let mut i = 0;
    let mut drops_bom = true;
    while i < b.len() {
        if std::mem::take(&mut drops_bom) && b[i..].starts_with(BOM) {
            i += BOM.len();
            continue;
        }
        if b[i] != b'<' {
            let end = memchr::memchr(b'<', &b[i..]).map_or(b.len(), |k| i + k);
            if memchr::memchr3(b'&', 0, b'\r', &b[i..end]).is_none() {
                hand_over(tokenizer, CharacterTokens(slice(i, end)));
                i = end;
                continue;
            }
        } else if b[i..].starts_with(b"<!---->") {
            hand_over(tokenizer, CommentToken(StrTendril::new()));
            i += 7;
            continue;
        } else if let Some((tag, end)) = plain_tag(b, i, &slice) {
            drops_bom = hand_over(tokenizer, TagToken(tag));
            i = end;
            continue;
        }
        (i, drops_bom) = pass_stretch(tokenizer, &queue, b, i, &slice);
    }
}

/// Hands a token made here to the tree builder, and tells whether its
/// answer would have made html5ever's driver feed the tokenizer again (a
/// `<meta>` naming a charset). It never answers with a change of the
/// tokenizer's state: tags of the elements that could open raw text are
/// not made here, and `</script>` is one of them.
fn hand_over<S: TokenSink>(tokenizer: &Tokenizer<Watch<S>>, token: Token) -> bool {
    let result = tokenizer.sink.inner.process_token(token, 1);
    debug_assert!(matches!(
        result,
        TokenSinkResult::Continue | TokenSinkResult::EncodingIndicator(_)
    ));
    matches!(result, TokenSinkResult::EncodingIndicator(_))
}

/// Passes `text` through html5ever's tokenizer, to its end, and tells
/// whether its last token stopped the tokenizer as `</script>` and a
/// `<meta>` naming a charset do: html5ever's driver would then feed it
/// again from right after that tag.
fn pass<S: TokenSink>(
    tokenizer: &Tokenizer<Watch<S>>,
    queue: &BufferQueue,
    text: StrTendril,
) -> bool {
    if text.is_empty() {
        return false;
    }
    queue.push_back(text);
    loop {
        if matches!(tokenizer.feed(queue), TokenizerResult::Done) {
            return false;
        }
        if queue.is_empty() {
            return true;
        }
        if queue.peek() == Some('\u{feff}') {
            queue.next();
        }
    }
}

/// Passes the page from `from` through html5ever's tokenizer up to where
/// it is back in its data state with nothing pending, and returns that
/// place (past the first tag, comment or doctype at or after `from`, and
/// past the raw text that a start tag opens, with its end tag) and whether
/// a byte order mark right there would be dropped (see [`pass`]).
fn pass_stretch<S: TokenSink>(
    tokenizer: &Tokenizer<Watch<S>>,
    queue: &BufferQueue,
    b: &[u8],
    from: usize,
    slice: &impl Fn(usize, usize) -> StrTendril,
) -> (usize, bool) {
    let (end, start_tag, assumed) = stretch_end(tokenizer, b, from);
    tokenizer.sink.cdata.set(None);
    let drops_bom = pass(tokenizer, queue, slice(from, end));
    let asked = tokenizer.sink.cdata.take();
    let switched = tokenizer.sink.switched.take();
    if asked.is_some() && asked != assumed || (switched.is_some() && start_tag.is_none()) {
        return (b.len(), pass(tokenizer, queue, slice(end, b.len())));
    }
    let Some(switch) = switched else {
        return (end, drops_bom);
    };
    let name = start_tag.map_or(&b[..0], |at| tag_name(b, at + 1));
    let (close, rcdata) = match switch {
        Switch::Raw(RawKind::ScriptData) => (script_end(b, end), false),
        Switch::Raw(kind) => (find_end_tag(b, end, name), kind == RawKind::Rcdata),
        Switch::Plaintext => (None, false),
    };
    let Some(close) = close else {
        return (b.len(), pass(tokenizer, queue, slice(end, b.len())));
    };
    let after = tag_end(b, close + 2 + name.len());
    // Raw text without NUL or carriage return (and in RCDATA without a
    // character reference) is the tokenizer's character tokens as it
    // stands: it is handed over here, and only the end tag, which takes
    // the tokenizer back to its data state, goes through it.
    let content = &b[end..close];
    let plain = if rcdata {
        memchr::memchr3(b'&', 0, b'\r', content).is_none()
    } else {
        memchr::memchr2(0, b'\r', content).is_none()
    };
    let from = if plain && !content.is_empty() {
        hand_over(tokenizer, CharacterTokens(slice(end, close)));
        close
    } else {
        end
    };
    (after, pass(tokenizer, queue, slice(from, after)))
}

/// Where html5ever's tokenizer, starting in its data state at `from`, is
/// back in it after reading a tag, comment or doctype (the end of the
/// page when it never is); and where that construct starts when it is a
/// start tag.
fn stretch_end<S: TokenSink>(
    tokenizer: &Tokenizer<Watch<S>>,
    b: &[u8],
    from: usize,
) -> (usize, Option<usize>, Option<bool>) {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        let rest = &b[at + 1..];
        let past_gt = || memchr::memchr(b'>', rest).map_or(b.len(), |k| at + 1 + k + 1);
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                return (
                    comment_end(b, at + 2).map_or(b.len(), |(_, end)| end),
                    None,
                    None,
                );
            }
            Some(b'!') if rest.starts_with(b"![CDATA[") => {
                if tokenizer
                    .sink
                    .inner
                    .adjusted_current_node_present_but_not_in_html_namespace()
                {
                    let end =
                        memchr::memmem::find(rest, b"]]>").map_or(b.len(), |k| at + 1 + k + 3);
                    return (end, None, Some(true));
                }
                return (past_gt(), None, Some(false));
            }
            // Doctype, bogus comment, `</` not followed by a letter.
            Some(b'!' | b'?') => return (past_gt(), None, None),
            Some(b'/') if !rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                return (past_gt(), None, None);
            }
            Some(b'/') => {
                let name = tag_name(b, at + 2);
                return (tag_end(b, at + 2 + name.len()), None, None);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(b, at + 1);
                return (tag_end(b, at + 1 + name.len()), Some(at), None);
            }
            // A `<` that opens nothing is text.
            _ => i = at + 1,
        }
    }
    (b.len(), None, None)
}

/// The elements whose start tag may switch the tokenizer to raw text or
/// plain text, and `script`, whose end tag stops it.
const RAW_CAPABLE: [&[u8]; 10] = [
    b"script",
    b"style",
    b"noscript",
    b"title",
    b"textarea",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// The longest tag or attribute name read here; longer ones are left to
/// the tokenizer.
const LONGEST_NAME: usize = 32;

/// Whether `c` is whitespace between attributes (a carriage return, which
/// the tokenizer reads as a line break, included).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// The tag starting at `at` (a `<`) as the tokenizer's token, and where it
/// ends, when it is plain: a start tag with attributes whose values hold
/// no character reference, NUL or carriage return and with no `/` but
/// right before its `>`, or an end tag with nothing after its name but
/// spaces; names of any bytes but NUL, of at most [`LONGEST_NAME`] bytes;
/// closed before the page ends; not of an element in [`RAW_CAPABLE`].
fn plain_tag(
    b: &[u8],
    at: usize,
    slice: &impl Fn(usize, usize) -> StrTendril,
) -> Option<(Tag, usize)> {
    let (kind, name_start) = match b.get(at + 1)? {
        b'/' => (EndTag, at + 2),
        _ => (StartTag, at + 1),
    };
    if !b.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = name_start;
    while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | 0) {
        i += 1;
    }
    let raw_name = &b[name_start..i];
    if RAW_CAPABLE
        .iter()
        .any(|r| r.len() == raw_name.len() && r.eq_ignore_ascii_case(raw_name))
    {
        return None;
    }
    let name = local_name(raw_name)?;
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut had_duplicate_attributes = false;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => break,
            b'/' if kind == StartTag && b.get(i + 1) == Some(&b'>') => {
                return Some((
                    tag(kind, name, true, attrs, had_duplicate_attributes),
                    i + 2,
                ));
            }
            b'/' | b'=' | 0 => return None,
            _ if kind == EndTag => return None,
            _ => {}
        }
        let name_start = i;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=' | 0) {
            i += 1;
        }
        let attr_name = local_name(&b[name_start..i])?;
        let mut after_name = i;
        while after_name < b.len() && is_space(b[after_name]) {
            after_name += 1;
        }
        let value = if b.get(after_name) == Some(&b'=') {
            i = after_name + 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                b'>' => StrTendril::new(),
                q @ (b'"' | b'\'') => {
                    let len = memchr::memchr(q, &b[i + 1..])?;
                    let value = &b[i + 1..i + 1 + len];
                    if memchr::memchr3(b'&', 0, b'\r', value).is_some() {
                        return None;
                    }
                    let value = slice(i + 1, i + 1 + len);
                    i += len + 2;
                    value
                }
                _ => {
                    let start = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        if matches!(b[i], b'&' | 0) {
                            return None;
                        }
                        i += 1;
                    }
                    slice(start, i)
                }
            }
        } else {
            StrTendril::new()
        };
        if attrs.iter().any(|a| a.name.local == attr_name) {
            had_duplicate_attributes = true;
        } else {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), attr_name),
                value,
            });
        }
    }
    Some((
        tag(kind, name, false, attrs, had_duplicate_attributes),
        i + 1,
    ))
}

fn tag(
    kind: TagKind,
    name: LocalName,
    self_closing: bool,
    attrs: Vec<Attribute>,
    had_duplicate_attributes: bool,
) -> Tag {
    Tag {
        kind,
        name,
        self_closing,
        attrs,
        had_duplicate_attributes,
    }
}

/// `name` lower-cased in ASCII as an atom, as the tokenizer names tags and
/// attributes; `None` when it is longer than [`LONGEST_NAME`] bytes or
/// not UTF-8 on its own (it then cannot end where the tokenizer ends it).
fn local_name(name: &[u8]) -> Option<LocalName> {
    if name.len() > LONGEST_NAME {
        return None;
    }
    let mut buf = [0u8; LONGEST_NAME];
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(LocalName::from)
}
