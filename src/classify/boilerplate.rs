//! Site furniture: the "site.tld - tagline" header, prompts to follow or
//! share, cookie and copyright notices, newsletter promos, and lines that
//! advertise a domain without saying anything.

use std::sync::OnceLock;

use regex::Regex;

use super::caption::is_word_char;
use super::{Decision, Doc, LineClassifier};
use crate::lexicon::InlinePhrase;
use crate::reason::Reason;

/// Claims site headers, domain promos and lines with a chrome phrase.
pub struct Boilerplate;

/// A site header is only looked for among the first few lines.
const HEADER_WINDOW: usize = 3;
/// Longer lines are prose even when a phrase matches ("all rights reserved"
/// can be quoted in an article).
const MAX_PHRASE_LINE_WORDS: usize = 40;

fn domain_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|gov|edu|io|co|news|tv|fm|me|online|site|media|[a-z]{2})\b")
            .unwrap()
    })
}

/// A cheap necessary condition for [`domain_re`] to match, so most lines
/// skip the regex: a dot between a name character and a letter. Under
/// `(?i)`, `[a-z]` also matches `ſ` and the Kelvin sign, so any non-ASCII
/// byte counts as a possible letter.
fn may_hold_domain(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices('.').any(|(at, _)| {
        at > 0
            && bytes
                .get(at + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b >= 0x80)
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'-'
                || bytes[at - 1] >= 0x80)
    })
}

/// A line that is only the initials of the writer and the editor in
/// parentheses, "(rns/ega)", "(nkn/ega)": two or three runs of two to
/// five lower-case letters joined by slashes, as news portals close their
/// articles. A sentence never has this shape.
fn is_editor_initials(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
    else {
        return false;
    };
    let parts: Vec<&str> = inner.split('/').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (2..=5).contains(&p.chars().count()) && p.chars().all(|c| c.is_lowercase()))
}

/// The first web domain named in `text` ("protothema.gr", "Vietnam.vn").
pub fn find_domain(text: &str) -> Option<&str> {
    if !may_hold_domain(text) {
        return None;
    }
    domain_re().find_iter(text).map(|m| m.as_str()).find(|d| {
        // "U.S." and "a.m." are no domains: the name part needs two letters.
        d.split('.')
            .next()
            .is_some_and(|name| name.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    })
}

/// "Site.tld - tagline" or a domain alone; the domain may be spelt in the
/// site's own script ("নদীতীর২৪.কম - ...", "Name24.com" in Bengali letters).
fn is_site_header(text: &str) -> bool {
    let domain = match find_domain(text) {
        Some(domain) if text.starts_with(domain) => domain,
        _ => match text.split_whitespace().next() {
            Some(first) if is_spelt_domain(first) => first,
            _ => return false,
        },
    };
    let rest = text[domain.len()..].trim_start();
    rest.is_empty() || rest.starts_with(['-', '–', '—', '|', ':', '·'])
}

/// A word shaped like a domain in any script: two or more letters or
/// digits, a full stop, and two to four letters ("নদীতীর২৪.কম"). ASCII
/// words are left to [`find_domain`], which knows their shapes.
fn is_spelt_domain(word: &str) -> bool {
    if word.is_ascii() {
        return false;
    }
    let Some((name, tld)) = word.rsplit_once('.') else {
        return false;
    };
    name.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && name
            .chars()
            .all(|c| c.is_numeric() || c == '-' || is_word_char(c))
        && (2..=4).contains(&tld.chars().count())
        && tld.chars().all(is_word_char)
}

impl LineClassifier for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn classify(&self, doc: &Doc<'_>, i: usize) -> Option<Decision> {
        let text = &doc.lines[i].text;
        let f = &doc.features[i];
        if f.words > MAX_PHRASE_LINE_WORDS {
            return None;
        }
        // Non-blank lines before this one, counted only up to the window:
        // counting them all made the classifier quadratic in the line count.
        let leading = (0..i)
            .filter(|&j| !doc.lines[j].is_blank())
            .take(HEADER_WINDOW)
            .count();
        if leading < HEADER_WINDOW && f.words <= 15 && is_site_header(text) {
            return Some(Decision::chrome(Reason::SiteHeader));
        }
        if is_editor_initials(text) {
            return Some(Decision::chrome(Reason::EditorInitials));
        }
        let lowered = doc.lowered(i);
        if let Some((kind, phrase)) = doc.lexicon.inline_phrase(&lowered) {
            // A full sentence that merely mentions a share or a cookie stays
            // prose; a copyright sign is chrome wherever it stands.
            let prose_like = f.ends_sentence && f.words > 25;
            if !prose_like || kind == InlinePhrase::Copyright && f.words <= 25 {
                let reason = if kind == InlinePhrase::Copyright {
                    Reason::Copyright
                } else {
                    Reason::WidgetPhrase {
                        kind: kind.name(),
                        phrase: phrase.to_string(),
                    }
                };
                return Some(Decision::chrome(reason));
            }
        }
        if !f.ends_sentence
            && f.inner_sentences == 0
            && f.words <= 30
            && !f.has_url
            && let Some(domain) = find_domain(text)
            // "김민지 기자 minji@example.kr" is the byline, e-mail and all.
            && super::dateline::name_before_title(text, doc.lexicon).is_none()
        {
            return Some(Decision::chrome(Reason::DomainPromo {
                domain: domain.to_string(),
            }));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{classify_in, classify_one};
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_domain_prefilter_never_hides_a_match(
            text in "[a-zA-Z0-9 .\\-ſKé]{0,40}"
        ) {
            if domain_re().is_match(&text) {
                proptest::prop_assert!(may_hold_domain(&text));
            }
        }
    }

    #[test]
    fn the_domain_prefilter_passes_domains() {
        for text in ["Vietnam.vn", "see www.example.com", "protoſ.ſe", "xy.KK"] {
            assert!(may_hold_domain(text), "{text}");
            assert!(domain_re().is_match(text), "{text}");
        }
        assert!(!may_hold_domain("No dots here"));
        assert!(!may_hold_domain("It ended. Then"));
    }

    #[test]
    fn site_header_at_the_top() {
        let d = classify_one(&Boilerplate, "Vietnam.vn - Nền tảng quảng bá Việt Nam").unwrap();
        assert_eq!(d.reason, Reason::SiteHeader);
        // The domain spelt in the site's own script.
        let d = classify_one(&Boilerplate, "নদীতীর২৪.কম - সত্যের পক্ষে প্রতিদিন").unwrap();
        assert_eq!(d.reason, Reason::SiteHeader);
        assert!(!is_site_header("Mr. Smith - a profile"));
        assert!(!is_site_header("Paris. - Le maire"));
    }

    #[test]
    fn prompts_naming_a_domain_are_chrome() {
        let text =
            "Ακολουθήστε το protothema.gr στο Google News και μάθετε πρώτοι όλες τις ειδήσεις";
        assert!(classify_one(&Boilerplate, text).is_some());
        let text =
            "Δείτε όλες τις τελευταίες Ειδήσεις από την Ελλάδα και τον Κόσμο, στο Protothema.gr";
        assert!(classify_in(&Boilerplate, &format!("a\nb\nc\n{text}"), 3, Some("el")).is_some());
    }

    #[test]
    fn copyright_and_cookies() {
        assert_eq!(
            classify_one(&Boilerplate, "© 2024 Site Media. All rights reserved.")
                .unwrap()
                .reason,
            Reason::Copyright
        );
        assert!(classify_one(&Boilerplate, "We use cookies to improve your experience").is_some());
    }

    #[test]
    fn prose_mentioning_things_stays() {
        assert!(
            classify_one(
                &Boilerplate,
                "Shareholders met on Monday to approve the merger."
            )
            .is_none()
        );
        assert!(classify_one(&Boilerplate, "U.S. officials said the talks went well.").is_none());
    }
}
