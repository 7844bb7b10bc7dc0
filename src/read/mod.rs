//! Front-ends: turn input bytes into [`Line`](crate::line::Line)s.
//!
//! Text dumps give a line per input line; HTML pages a line per block
//! element (see [`html`]). Both decode bytes the same way.

pub(crate) mod dom;
mod feed;
pub mod html;
mod raw_text;
pub mod text;

use std::borrow::Cow;

use crate::error::Error;

/// What kind of input a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide from the content.
    #[default]
    Auto,
    /// A text dump, one paragraph a line.
    Text,
    /// An HTML page.
    Html,
}

/// Bytes in, text out: the UTF-8 BOM is dropped, invalid UTF-8 is decoded
/// with the encoding a detector guesses (best effort: the text may contain
/// replacement characters), and binary data is refused.
///
/// Valid UTF-8 is borrowed, not copied: on a large input that is one copy of
/// the whole input less at the peak.
pub fn decode<'b>(
    bytes: &'b [u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Cow<'b, str>, Error> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text);
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    if let Some(encoding) = declared
        && encoding != encoding_rs::UTF_8
    {
        // A declared charset is believed unless the bytes are valid UTF-8
        // and not plain ASCII: pages often declare Latin-1 and send UTF-8.
        if std::str::from_utf8(bytes).is_err() || bytes.is_ascii() {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return Ok(text);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            Ok(text)
        }
    }
}

/// NUL bytes or many control characters in the first 8 KiB: not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len().max(1)
}

/// Guesses whether `text` is an HTML page: it starts (after whitespace and a
/// BOM) with a doctype, `<html`, a comment or `<head`, or it has a `<body`
/// or `<p>`/`<div` tags in its first 4 KiB.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let end = head
        .char_indices()
        .nth(4096)
        .map_or(head.len(), |(at, _)| at);
    let lower = head[..end].to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<head")
        || (lower.starts_with("<!--") && lower.contains("<html"))
        || lower.contains("<body")
        || (lower.starts_with('<') && (lower.contains("<div") || lower.contains("<p>")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_latin1_are_decoded() {
        assert_eq!(
            decode("\u{feff}Bonjour".as_bytes(), None).unwrap(),
            "Bonjour"
        );
        assert_eq!(
            decode(b"caf\xe9 cr\xe8me et d\xe9j\xe0 vu", None).unwrap(),
            "café crème et déjà vu"
        );
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x7fELF\x00\x00\x01", None),
            Err(Error::Binary)
        ));
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body><p>x</p></body></html>"
        ));
        assert!(!looks_like_html(
            "Le 13 septembre, il a rencontré le président.\n"
        ));
        assert!(!looks_like_html(
            "Use the <div> element for layout, he wrote."
        ));
    }
}
