//! What an HTML page says about itself: title, canonical URL, date, author,
//! language and site name, from `<meta>` tags, JSON-LD, `<title>`, `<h1>`,
//! `<time>` and `rel=author` links.
//!
//! The HTML reader gathers the raw values into [`PageMeta`] during its walk;
//! [`resolve`] picks one value per field. Machine-readable fields (JSON-LD,
//! Open Graph, `article:` metas) are preferred over text the line pipeline
//! found: they are written for machines, hold the date in ISO form and the
//! author without "By", and do not depend on where the page puts them.

use html5ever::local_name;
use serde_json::Value;

use crate::line::{Line, Zones};
use crate::read::dom::{Dom, Edge, Element, NodeData, NodeId};
use crate::read::html::{CommonAttrs, attr};

/// Raw metadata of a page, as the HTML reader found it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// The `lang` attribute of `<html>`.
    pub lang: Option<String>,
    /// The text of the first `<title>` outside SVG.
    pub title_tag: Option<String>,
    /// `<meta>` tags: (`property`, `name`, `itemprop` or `http-equiv`,
    /// trimmed and lower case; `content`), for the keys anything reads
    /// (`is_read_meta_key`).
    pub metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `datetime` of the first `<time>` inside `<article>`/`<main>`, else of
    /// the first `<time>` at all.
    pub time: Option<String>,
    /// Whether [`PageMeta::time`] came from inside the main zone.
    time_in_main: bool,
    /// Text of the first `rel="author"` link.
    pub rel_author: Option<String>,
    /// Text of the first element marked as the author outside comments
    /// (`itemprop="author"`, class `author`).
    pub marked_author: Option<String>,
}

/// Longest JSON-LD script parsed, in bytes: a bigger one is a data dump.
const MAX_JSON_LD_BYTES: usize = 1 << 20;

impl PageMeta {
    /// Takes what element `node` of `dom` says about the page, if
    /// anything. `attrs` are its common attributes and `author_class`
    /// whether one of its classes is `author` (in any case), both already
    /// read by the walk.
    pub(crate) fn collect(
        &mut self,
        dom: &Dom,
        node: NodeId,
        attrs: &CommonAttrs<'_>,
        author_class: bool,
        in_main: bool,
        in_comment: bool,
    ) {
        let Some(el) = dom.element(node) else {
            return;
        };
        if self.marked_author.is_none()
            && !in_comment
            && (attrs.itemprop == Some("author") || author_class)
        {
            let text = collapse(&all_text(dom, node));
            if !text.is_empty() {
                self.marked_author = Some(text);
            }
        }
        match el.name() {
            "html" => {
                if self.lang.is_none() {
                    self.lang = attr(el, &local_name!("lang")).map(|l| l.trim().to_string());
                }
            }
            "title" => {
                if self.title_tag.is_none() {
                    self.title_tag = Some(collapse(&own_text(dom, node)));
                }
            }
            "meta" => {
                let key = attr(el, &local_name!("property"))
                    .or_else(|| attr(el, &local_name!("name")))
                    .or(attrs.itemprop)
                    .or_else(|| attr(el, &local_name!("http-equiv")));
                if let (Some(key), Some(content)) = (key, attr(el, &local_name!("content")))
                    && !content.trim().is_empty()
                    && self.metas.len() < 500
                {
                    let key = key.trim().to_ascii_lowercase();
                    if is_read_meta_key(&key) {
                        self.metas.push((key, collapse(content)));
                    }
                }
            }
            "link" => {
                let rel = attr(el, &local_name!("rel")).unwrap_or("");
                if self.canonical.is_none()
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    self.canonical = attr(el, &local_name!("href")).map(|h| h.trim().to_string());
                }
            }
            "script" => {
                if attr(el, &local_name!("type"))
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                    && self.json_ld.len() < 20
                {
                    let text = own_text(dom, node);
                    if text.len() <= MAX_JSON_LD_BYTES {
                        self.json_ld.push(text);
                    }
                }
            }
            "time" => {
                let value = attr(el, &local_name!("datetime"))
                    .or_else(|| attr(el, &local_name!("content")))
                    .map(str::trim);
                if let Some(value) = value.filter(|v| !v.is_empty())
                    && (self.time.is_none() || in_main && !self.time_in_main)
                {
                    self.time = Some(value.to_string());
                    self.time_in_main = in_main;
                }
            }
            "a" => {
                if self.rel_author.is_none()
                    && attr(el, &local_name!("rel"))
                        .is_some_and(|r| r.split_ascii_whitespace().any(|r| r == "author"))
                {
                    let text = collapse(&all_text(dom, node));
                    if !text.is_empty() {
                        self.rel_author = Some(text);
                    }
                }
            }
            _ => {}
        }
    }

    /// The first `<meta>` content under any of `keys`, in the order given.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        // Metas under other keys are dropped before parsing and not
        // collected: a key read here must be on the list (checked in the
        // unit tests, which resolve pages with every field).
        if cfg!(test) {
            for key in keys {
                assert!(
                    is_read_meta_key(key),
                    "meta {key} is read but dropped (metadata::READ_META_KEYS)"
                );
            }
        }
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        })
    }
}

/// Text of the direct text children.
fn own_text(dom: &Dom, node: NodeId) -> String {
    dom.children(node)
        .filter_map(|c| match dom.data(c) {
            NodeData::Text(t) => Some(&**t),
            _ => None,
        })
        .collect()
}

/// Text of all descendants, bounded, but for code (scripts, styles,
/// `noscript`) and SVG or MathML: the pre-parse scan empties the one and
/// cuts the content of most of the other, and neither holds a name.
fn all_text(dom: &Dom, node: NodeId) -> String {
    let mut out = String::new();
    // How many elements without words the walk is inside.
    let mut inside_wordless = 0usize;
    for edge in dom.traverse(node) {
        match edge {
            Edge::Open(d) => match dom.data(d) {
                NodeData::Text(t) if inside_wordless == 0 => {
                    out.push_str(t);
                    if out.len() > 400 {
                        break;
                    }
                }
                NodeData::Element(el) if is_wordless(el) => inside_wordless += 1,
                _ => {}
            },
            Edge::Close(d) => {
                if dom.element(d).is_some_and(is_wordless) {
                    inside_wordless -= 1;
                }
            }
        }
    }
    out
}

/// Scripts, styles, `noscript`, SVG and MathML: no words of the page.
fn is_wordless(el: &Element) -> bool {
    matches!(el.name(), "script" | "style" | "noscript" | "svg" | "math")
}

/// Whitespace runs folded into one space, ends trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(crate::read::html::is_space)
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// One value per field, chosen from a page's [`PageMeta`] and lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The whole `<title>` when the title was read from it alone, with
    /// nothing else (`<h1>`, `og:title`, JSON-LD) to back it: a label for
    /// browser tabs that sites often shorten ("Club - News - Spring Regatta
    /// 2003 Report"), and whose headline part is guessed. The headline
    /// printed on the page overrules it when the two share words (see
    /// [`printed_headline_wins`]).
    pub tab_label: Option<String>,
    /// The page's description (`og:description`, `description`).
    pub description: Option<String>,
    /// The author or authors, comma separated.
    pub byline: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// The declared language, ISO 639-1 lower case.
    pub language: Option<String>,
    /// The site's name.
    pub site_name: Option<String>,
    /// The canonical URL.
    pub source_url: Option<String>,
}

/// What JSON-LD article objects say.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Schema.org types that describe the page's article.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit('/').next().unwrap_or(t);
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting"
                | "LiveBlogPosting"
                | "SocialMediaPosting"
                | "Report"
                | "WebPage"
                | "ItemPage"
                | "Recipe"
                | "Review"
                | "Story"
                | "Posting"
        )
}

fn types_of(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Names in an `author` value: a string, a Person, or a list of them.
fn names_of(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let s = collapse(s);
            if !s.is_empty() && !s.starts_with("http") && !out.contains(&s) {
                out.push(s);
            }
        }
        Value::Array(items) => items.iter().take(10).for_each(|v| names_of(v, out)),
        Value::Object(o) => {
            if let Some(name) = o.get("name") {
                names_of(name, out);
            }
        }
        _ => {}
    }
}

fn string_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(collapse(s)),
        Value::Object(o) => string_of(o.get("@id").or_else(|| o.get("url"))),
        Value::Array(a) => string_of(a.first()),
        _ => None,
    }
}

/// Walks the JSON-LD values with an explicit stack and fills `ld` from the
/// best article object: a `*Article`/`*Posting` type before a `WebPage`.
fn read_json_ld(scripts: &[String]) -> LdArticle {
    let mut best: Option<(u8, LdArticle)> = None;
    for script in scripts {
        // Sites leave trailing commas and HTML comments in; a script that
        // does not parse is skipped.
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(o) => {
                    if let Some(graph) = o.get("@graph") {
                        stack.push(graph);
                    }
                    let types = types_of(o);
                    let rank = if types
                        .iter()
                        .any(|t| is_article_type(t) && !t.ends_with("Page"))
                    {
                        2
                    } else if types.iter().any(|t| is_article_type(t)) {
                        1
                    } else {
                        0
                    };
                    if rank == 0 || best.as_ref().is_some_and(|(r, _)| *r >= rank) {
                        continue;
                    }
                    let mut authors = Vec::new();
                    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                        names_of(a, &mut authors);
                    }
                    let publisher = o.get("publisher").and_then(|p| {
                        let mut names = Vec::new();
                        names_of(p, &mut names);
                        names.into_iter().next()
                    });
                    let ld = LdArticle {
                        headline: string_of(o.get("headline").or_else(|| o.get("name"))),
                        date: string_of(o.get("datePublished").or_else(|| o.get("dateCreated"))),
                        authors,
                        publisher,
                        url: string_of(o.get("url").or_else(|| o.get("mainEntityOfPage"))),
                    };
                    best = Some((rank, ld));
                }
                _ => {}
            }
        }
    }
    best.map(|(_, ld)| ld).unwrap_or_default()
}

/// Lower-case letters and digits, one space between words: the form titles
/// are compared in.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// True when `printed`, the headline the line pipeline found on the page,
/// should replace a title read from the `<title>` `tab_label` alone: one
/// part of the label (split at the separators sites put between headline,
/// section and site name) shares at least half the words of the shorter of
/// the two. A printed line sharing no words with the label is more likely
/// a piece of chrome the title walk met than a better headline.
pub fn printed_headline_wins(tab_label: &str, printed: &str) -> bool {
    let printed = normalize(printed);
    let printed_words: Vec<&str> = printed.split(' ').filter(|w| !w.is_empty()).collect();
    let mut parts = vec![tab_label];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.iter().any(|part| {
        let part = normalize(part);
        let words: Vec<&str> = part.split(' ').filter(|w| !w.is_empty()).collect();
        let shorter = words.len().min(printed_words.len());
        let shared = words.iter().filter(|w| printed_words.contains(w)).count();
        shorter > 0 && shared * 2 >= shorter
    })
}

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// The `<title>` without its site-name part: the segment left after
/// removing the one naming the site, or else the longest segment.
fn clean_title(title: &str, site: Option<&str>) -> String {
    let Some(sep) = TITLE_SEPARATORS.iter().find(|s| title.contains(*s)) else {
        return title.to_string();
    };
    let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
    if let Some(site) = site.map(normalize).filter(|s| !s.is_empty()) {
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| {
                let n = normalize(p);
                n != site && !site.contains(&n)
            })
            .collect();
        if kept.len() == 1 {
            return kept[0].to_string();
        }
        if kept.len() < parts.len() && !kept.is_empty() {
            return kept.join(sep);
        }
    }
    // Without a known site name the longest part is the headline: site and
    // section names are short ("Site - News - Long headline here").
    parts
        .iter()
        .max_by_key(|p| p.chars().count())
        .map_or_else(|| title.to_string(), |p| p.to_string())
}

/// YYYY-MM-DD from an ISO date or date-time ("2024-04-12T07:30:00+01:00",
/// "2024/04/12", "20240412"), or from a date written in words.
pub fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim();
    let digits: Vec<u32> = v
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    let ymd = match digits.as_slice() {
        [y, m, d, ..] if *y >= 1900 && v.starts_with(|c: char| c.is_ascii_digit()) => {
            Some((*y, *m, *d))
        }
        [n, ..] if (19000101..=21001231).contains(n) => Some((n / 10000, n / 100 % 100, n % 100)),
        _ => None,
    };
    if let Some((y, m, d)) = ymd
        && (1900..=2100).contains(&y)
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
    {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    crate::date::find_date(v, false).map(|d| d.ymd)
}

/// A date in a URL path: `/2024/04/12/`, `/2024-04-12-`, `-20240412`.
pub fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let num = |s: &[u8]| -> Option<u32> {
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(s).ok()?.parse().ok())
            .flatten()
    };
    for k in 0..bytes.len() {
        if k > 0 && bytes[k - 1].is_ascii_digit() {
            continue;
        }
        // YYYY?MM?DD with one separator between.
        if k + 10 <= bytes.len()
            && matches!(bytes[k + 4], b'/' | b'-' | b'_')
            && bytes[k + 7] == bytes[k + 4]
            && (k + 10 == bytes.len() || !bytes[k + 10].is_ascii_digit())
            && let (Some(y), Some(m), Some(d)) = (
                num(&bytes[k..k + 4]),
                num(&bytes[k + 5..k + 7]),
                num(&bytes[k + 8..k + 10]),
            )
            && (1990..=2100).contains(&y)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        // YYYYMMDD as a whole number.
        if k + 8 <= bytes.len()
            && (k + 8 == bytes.len() || !bytes[k + 8].is_ascii_digit())
            && let Some(n) = num(&bytes[k..k + 8])
            && let Some(date) = normalize_date(&n.to_string())
        {
            return Some(date);
        }
    }
    None
}

/// Looks like an absolute web address.
fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// Strips "By " and similar prefixes from an author value.
fn clean_author(name: &str) -> Option<String> {
    let name = collapse(name);
    let lower = name.to_lowercase();
    let name = ["by ", "von ", "par ", "por ", "di ", "door "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(name.as_str(), |p| name[p.len()..].trim());
    // "Rina Safitri - kabarborneo": a one-word outlet code after a dash.
    let name = match name.rsplit_once(" - ") {
        Some((person, outlet)) if !person.trim().is_empty() && !outlet.trim().contains(' ') => {
            person.trim()
        }
        _ => name,
    };
    (!name.is_empty() && !is_url(name) && name.chars().count() <= 120).then(|| name.to_string())
}

/// Headline-level lines (`<h1>`) that are visible and outside navigation,
/// footers and asides.
fn h1_lines(lines: &[Line]) -> impl Iterator<Item = &str> {
    lines.iter().filter_map(|l| {
        let h = l.hints.as_ref()?;
        let chrome = Zones(Zones::NAV.0 | Zones::FOOTER.0 | Zones::ASIDE.0);
        (h.heading_level == 1 && !h.hidden && !h.zones.intersects(chrome))
            .then_some(l.text.as_str())
    })
}

/// The `<meta>` keys [`resolve`] reads, by field, in the order it prefers
/// them.
const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name", "twitter:site"];
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title"];
const URL_KEYS: &[&str] = &["og:url"];
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
];
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
];
const LANGUAGE_KEYS: &[&str] = &["content-language", "og:locale"];
const DESCRIPTION_KEYS: &[&str] = &["og:description", "description", "twitter:description"];

/// Every `<meta>` key anything reads. [`PageMeta::collect`] keeps no other
/// meta, and the pre-parse scan drops the others before parsing (a third
/// of a page's `<meta>` bytes are viewports, verification codes, image
/// links and keywords).
pub(crate) const READ_META_KEYS: [&[&str]; 7] = [
    SITE_NAME_KEYS,
    TITLE_KEYS,
    URL_KEYS,
    DATE_KEYS,
    AUTHOR_KEYS,
    LANGUAGE_KEYS,
    DESCRIPTION_KEYS,
];

/// Whether a `<meta>` under `key` (trimmed and lower-cased as
/// [`PageMeta::collect`] files it) is read.
pub(crate) fn is_read_meta_key(key: &str) -> bool {
    READ_META_KEYS
        .iter()
        .flat_map(|keys| keys.iter())
        .any(|k| *k == key)
}

/// Picks one value per field from what the page says.
///
/// - title: an `<h1>` that agrees with `og:title`, JSON-LD `headline` or
///   `<title>` (agreeing sources are the surest); else `og:title`, the
///   JSON-LD headline, the cleaned `<title>`, the first `<h1>`, in order;
/// - source URL: canonical link, `og:url`, JSON-LD `url`;
/// - date: JSON-LD `datePublished`, `article:published_time` and kin,
///   the first `<time datetime>`, a date in the URL;
/// - byline: JSON-LD `author`, `author` metas, a `rel=author` link;
/// - language: the `lang` of `<html>` (primary subtag);
/// - site name: `og:site_name`, `application-name`, JSON-LD `publisher`.
pub fn resolve(meta: &PageMeta, lines: &[Line]) -> Metadata {
    let ld = read_json_ld(&meta.json_ld);
    let site_name = meta
        .meta(SITE_NAME_KEYS)
        .filter(|s| !s.starts_with('@'))
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());
    let site = site_name.as_deref();
    let og_title = meta.meta(TITLE_KEYS).map(|t| clean_title(t, site));
    let title_tag = meta.title_tag.as_deref().filter(|t| !t.is_empty());
    let cleaned_tag = title_tag.map(|t| clean_title(t, site));
    let normalized = |titles: &[Option<&str>]| -> Vec<String> {
        titles
            .iter()
            .flatten()
            .map(|t| normalize(t))
            .filter(|s| !s.is_empty())
            .collect()
    };
    // The headline declared for machines, then the tab label: an `<h1>`
    // that agrees only with the label's first part may be the site's name
    // set as a heading over a blog ("HABARI ZA PWANI" over "HABARI ZA
    // PWANI: Wavuvi wa..."), where `og:title` names the post.
    let declared_sources = normalized(&[og_title.as_deref(), ld.headline.as_deref()]);
    let tag_sources = normalized(&[cleaned_tag.as_deref(), title_tag]);
    let agreeing = |sources: &[String]| {
        h1_lines(lines).take(5).find(|h| {
            let n = normalize(h);
            !n.is_empty()
                && sources.iter().any(|s| {
                    *s == n
                        || (n.chars().count() >= 12 && s.contains(&n))
                        || (s.starts_with(&n) && s[n.len()..].starts_with(' '))
                })
        })
    };
    // Blog templates set the site's name in the `<h1>` and each post's
    // title in an `<h2>` or `<h3>`: a heading that says exactly what
    // `og:title` or the JSON-LD headline says is the headline.
    let declared_heading = || {
        lines
            .iter()
            .filter(|l| {
                l.hints.as_ref().is_some_and(|h| {
                    let chrome = Zones(Zones::NAV.0 | Zones::FOOTER.0 | Zones::ASIDE.0);
                    (2..=3).contains(&h.heading_level)
                        && !h.hidden
                        && !h.zones.intersects(chrome)
                        && h.link_density < 0.5
                })
            })
            .take(20)
            .find(|l| declared_sources.contains(&normalize(&l.text)))
            .map(|l| l.text.as_str())
    };
    let agreeing_h1 = agreeing(&declared_sources)
        .or_else(declared_heading)
        .or_else(|| agreeing(&tag_sources));
    let site_norm = site.map(normalize);
    let not_site = |t: &String| site_norm.as_ref() != Some(&normalize(t)) && !t.is_empty();
    // The article's own headline: the first `<h1>` inside `<article>` or
    // `<main>`, or the page's only `<h1>`. It is what readers see, where
    // `og:title` is often a shorter variant written for sharing.
    let h1s: Vec<&Line> = lines
        .iter()
        .filter(|l| h1_lines(std::slice::from_ref(*l)).next().is_some())
        .take(5)
        .collect();
    let main_h1 = h1s
        .iter()
        .find(|l| {
            l.hints
                .as_ref()
                .is_some_and(|h| h.zones.contains(Zones::MAIN))
        })
        .or(if h1s.len() == 1 { h1s.first() } else { None })
        .map(|l| l.text.clone())
        .filter(|t| t.chars().filter(|c| c.is_alphanumeric()).count() >= 8);
    let declared = agreeing_h1
        .map(str::to_string)
        .or_else(|| main_h1.filter(not_site))
        .or_else(|| og_title.clone().filter(not_site))
        .or_else(|| ld.headline.clone().filter(not_site));
    let tag_title = declared
        .is_none()
        .then(|| cleaned_tag.clone().filter(not_site))
        .flatten();
    let tab_label = tag_title
        .is_some()
        .then(|| title_tag.map(str::to_string))
        .flatten();
    let title = declared
        .or(tag_title)
        .or_else(|| h1_lines(lines).next().map(str::to_string).filter(not_site));
    let source_url = meta
        .canonical
        .clone()
        .filter(|u| is_url(u))
        .or_else(|| {
            meta.meta(URL_KEYS)
                .filter(|u| is_url(u))
                .map(str::to_string)
        })
        .or_else(|| ld.url.clone().filter(|u| is_url(u)));
    let date = ld
        .date
        .as_deref()
        .and_then(normalize_date)
        .or_else(|| meta.meta(DATE_KEYS).and_then(normalize_date))
        .or_else(|| meta.time.as_deref().and_then(normalize_date))
        .or_else(|| source_url.as_deref().and_then(url_date));
    let byline = (!ld.authors.is_empty())
        .then(|| ld.authors.join(", "))
        .and_then(|a| clean_author(&a))
        .or_else(|| meta.meta(AUTHOR_KEYS).and_then(clean_author))
        .or_else(|| meta.rel_author.as_deref().and_then(clean_author))
        .or_else(|| meta.marked_author.as_deref().and_then(clean_author))
        .filter(|a| site_norm.as_ref() != Some(&normalize(a)));
    let language = meta
        .lang
        .as_deref()
        .or_else(|| meta.meta(LANGUAGE_KEYS))
        .and_then(primary_subtag);
    let description = meta.meta(DESCRIPTION_KEYS).map(str::to_string);
    Metadata {
        title,
        tab_label,
        description,
        byline,
        date,
        language,
        site_name,
        source_url,
    }
}

/// "en-GB" and "pt_BR" give "en" and "pt"; two or three letters only.
fn primary_subtag(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::html::read_html;

    fn page_meta(html: &str) -> Metadata {
        let page = read_html(html);
        resolve(&page.meta, &page.lines)
    }

    #[test]
    fn a_marked_author_is_words_not_code() {
        // Read from the tree as parsed, before any pre-parse scan empties
        // the script: its code is no part of the name.
        let html = "<p><span itemprop=author><script>track()</script>Ann Lee\
                    <svg><text>icon</text></svg></span></p>";
        let page = crate::read::html::read_tree(&crate::read::dom::parse(html));
        assert_eq!(page.meta.marked_author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_title_from_the_tag_alone_yields_to_a_printed_headline_on_its_subject() {
        let m = page_meta(
            "<head><title>Rowing Club - News - Spring Regatta Report</title></head>\
             <body><p>Some text</p></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Spring Regatta Report"));
        let label = m.tab_label.as_deref().unwrap();
        assert!(printed_headline_wins(
            label,
            "Spring Regatta: a record day for the juniors"
        ));
        // Whichever part of the label names the article.
        assert!(printed_headline_wins(
            "Spring Regatta - Rowing Club News Archive Pages",
            "Spring Regatta: a record day for the juniors"
        ));
        // A counter or a menu line shares nothing with the tab label.
        assert!(!printed_headline_wins(label, "You are visitor number"));
        // With an og:title the tag is backed up, so it is no mere label.
        let m = page_meta(
            "<head><title>Regatta | Club</title><meta property=og:title content=Regatta>\
             </head><body><p>Some text</p></body>",
        );
        assert_eq!(m.tab_label, None);
    }

    #[test]
    fn a_blog_name_in_the_h1_yields_to_the_post_heading_og_title_names() {
        let m = page_meta(
            r#"<html><head><title>HABARI ZA PWANI: Soko jipya la samaki</title>
            <meta property="og:title" content="Soko jipya la samaki">
            </head><body><header><h1>HABARI ZA PWANI</h1></header>
            <h2>Jumanne, 12 Machi 2024</h2><h3>Soko jipya la samaki</h3>
            <div><p>Text.</p></div></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Soko jipya la samaki"));
        // Without a declared headline the tab label still backs the h1.
        let m = page_meta(
            r#"<html><head><title>Big bridge reopens - The Gazette</title></head>
            <body><h1>Big bridge reopens</h1><h3>Other story</h3><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Big bridge reopens"));
    }

    #[test]
    fn a_bem_author_element_names_the_author_without_the_outlet_code() {
        let m = page_meta(
            r#"<html><head><title>Pasar apung ramai</title></head><body><article>
            <h1>Pasar apung ramai</h1><div class="detail__author">Rina Safitri - kabarborneo</div>
            <p>Text.</p></article></body></html>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Rina Safitri"));
        // An author box is no author element.
        let m = page_meta(
            r#"<html><body><article><h1>Pasar apung ramai</h1><p>Text.</p>
            <div class="post__author-box">About Rina Safitri</div></article></body></html>"#,
        );
        assert_eq!(m.byline, None);
    }

    #[test]
    fn agreeing_h1_and_metas() {
        let m = page_meta(
            r#"<html lang="en-GB"><head><title>Big bridge reopens | The Gazette</title>
            <meta property="og:site_name" content="The Gazette">
            <meta property="og:title" content="Big bridge reopens">
            <meta name="author" content="By Ann Lee">
            <link rel="canonical" href="https://example.org/news/2024/03/05/bridge">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z">
            </head><body><h1 class="logo">The Gazette</h1><article><h1>Big bridge reopens</h1>
            <p>Text.</p></article></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Big bridge reopens"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(m.date.as_deref(), Some("2024-03-05"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.site_name.as_deref(), Some("The Gazette"));
        assert_eq!(
            m.source_url.as_deref(),
            Some("https://example.org/news/2024/03/05/bridge")
        );
    }

    #[test]
    fn a_short_h1_inside_the_title_tag_does_not_agree() {
        // "Отзывы" (reviews) is 6 letters but 12 bytes: a section heading
        // found inside the <title>, not the headline.
        let m = page_meta(
            "<head><title>Диета Аткинса (14 дней) - потеря веса до 10 кг. Отзывы</title></head>\
             <body><h1>Диета Аткинса за 14 дней</h1><p>Текст.</p><h1>Отзывы</h1></body>",
        );
        assert_ne!(m.title.as_deref(), Some("Отзывы"));
    }

    #[test]
    fn json_ld_graph_wins_for_author_and_date() {
        let m = page_meta(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Floods close roads","datePublished":"2023-11-02",
             "author":[{"@type":"Person","name":"Kim Park"},{"@type":"Person","name":"Li Wei"}]}]}
            </script><meta name="author" content="Desk"></head><body><p>x</p></body>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Kim Park, Li Wei"));
        assert_eq!(m.date.as_deref(), Some("2023-11-02"));
        assert_eq!(m.title.as_deref(), Some("Floods close roads"));
    }

    #[test]
    fn broken_json_ld_and_title_suffix() {
        let m = page_meta(
            r#"<head><title>Council votes on budget - City News</title>
            <script type="application/ld+json">{"@type": "NewsArticle", broken</script></head>
            <body><time datetime="2022-01-09T08:00">9 Jan</time></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Council votes on budget"));
        assert_eq!(m.date.as_deref(), Some("2022-01-09"));
    }

    #[test]
    fn dates_from_urls_and_values() {
        assert_eq!(
            url_date("https://x.org/2021/07/30/story").as_deref(),
            Some("2021-07-30")
        );
        assert_eq!(
            url_date("https://x.org/a-story-20240601").as_deref(),
            Some("2024-06-01")
        );
        assert_eq!(url_date("https://x.org/story-123456789"), None);
        assert_eq!(
            normalize_date("2024-04-12T07:30:00+01:00").as_deref(),
            Some("2024-04-12")
        );
        assert_eq!(normalize_date("not a date"), None);
    }
}
