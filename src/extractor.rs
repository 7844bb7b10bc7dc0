//! The extractor: configuration, and the pipeline that runs the stages in
//! order.

use crate::article::{Article, assemble};
use crate::classify::{self, Class, Decision, Doc, LineClassifier};
use crate::context::{self, ContextConfig};
use crate::error::Error;
use crate::features::{Features, measure_with};
use crate::lexicon::Lexicon;
use crate::line::{Label, Line};
use std::ops::Range;

use crate::metadata::{self, Metadata};
use crate::read::html::HtmlPage;
use crate::read::{self, InputFormat};

/// What to favour when a line is doubtful.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// Keep only the main body zone.
    Precision,
    /// Keep the main zone and any zone nearly as rich in prose.
    #[default]
    Balanced,
    /// Keep every zone with a fair amount of prose.
    Recall,
}

/// The largest input any extractor reads: tendril, under html5ever, keeps
/// lengths and offsets in 32 bits.
const MAX_INPUT_BYTES: usize = u32::MAX as usize;

/// Settings, fixed when the extractor is built.
#[derive(Clone, Debug)]
struct Config {
    focus: Focus,
    explain: bool,
    max_bytes: usize,
    max_html_tags: usize,
    input_format: InputFormat,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            focus: Focus::Balanced,
            explain: false,
            max_bytes: 256 << 20,
            max_html_tags: DEFAULT_MAX_HTML_TAGS,
            input_format: InputFormat::Auto,
        }
    }
}

/// Builds an [`Extractor`].
///
/// ```
/// use dechrome::{Extractor, Focus};
///
/// let extractor = Extractor::builder().focus(Focus::Precision).explain(true).build();
/// let article = extractor.extract_text("Comment (0)");
/// assert!(article.body.is_empty());
/// assert_eq!(article.lines.unwrap()[0].reason, "counter \"Comment\" (0)");
/// ```
#[derive(Default)]
pub struct ExtractorBuilder {
    config: Config,
    custom: Vec<Box<dyn LineClassifier>>,
}

impl ExtractorBuilder {
    /// What to favour on doubtful lines. Default: [`Focus::Balanced`].
    pub fn focus(&mut self, focus: Focus) -> &mut ExtractorBuilder {
        self.config.focus = focus;
        self
    }

    /// Report every line with its label and reason in
    /// [`Article::lines`]. Default: off.
    pub fn explain(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.explain = yes;
        self
    }

    /// Refuse inputs larger than this many bytes. Default: 256 MiB; at
    /// most 4 GiB - 1, as html5ever's buffers count bytes in 32 bits (a
    /// larger limit is taken as that).
    pub fn max_bytes(&mut self, limit: usize) -> &mut ExtractorBuilder {
        self.config.max_bytes = limit.min(MAX_INPUT_BYTES);
        self
    }

    /// Read at most this many tags of an HTML page; the rest is dropped
    /// before parsing (best effort: articles come early in their pages).
    /// It bounds memory, which follows the DOM's size: a page of a million
    /// tiny elements would otherwise need hundreds of megabytes. Default:
    /// 250,000, several times what a large real page has.
    pub fn max_html_tags(&mut self, limit: usize) -> &mut ExtractorBuilder {
        self.config.max_html_tags = limit;
        self
    }

    /// Treat [`Extractor::extract_bytes`] input as text or HTML instead of
    /// guessing. Default: [`InputFormat::Auto`].
    pub fn input_format(&mut self, format: InputFormat) -> &mut ExtractorBuilder {
        self.config.input_format = format;
        self
    }

    /// Adds a classifier of your own; custom classifiers run before the
    /// built-ins, in the order added.
    pub fn classifier(&mut self, classifier: Box<dyn LineClassifier>) -> &mut ExtractorBuilder {
        self.custom.push(classifier);
        self
    }

    /// The extractor. The builder can go on building others.
    pub fn build(&mut self) -> Extractor {
        let mut classifiers = std::mem::take(&mut self.custom);
        classifiers.extend(classify::builtin());
        let context = match self.config.focus {
            Focus::Precision => ContextConfig {
                secondary_zone_share: 1.0,
                ..ContextConfig::default()
            },
            Focus::Balanced => ContextConfig::default(),
            Focus::Recall => ContextConfig {
                secondary_zone_share: 0.15,
                ..ContextConfig::default()
            },
        };
        Extractor {
            config: self.config.clone(),
            context,
            classifiers,
        }
    }
}

/// Turns scraped pages into clean articles. Build it once and share it:
/// it holds no mutable state, so one extractor serves many threads.
///
/// ```
/// let extractor = dechrome::Extractor::new();
/// let dump = "Le conseil municipal a voté mardi le budget de la ville pour l'année prochaine, après un long débat.\n\
///             Comment (0)";
/// let article = extractor.extract_text(dump);
/// assert_eq!(article.body.len(), 1);
/// ```
pub struct Extractor {
    config: Config,
    context: ContextConfig,
    classifiers: Vec<Box<dyn LineClassifier>>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Default of [`ExtractorBuilder::max_html_tags`].
pub const DEFAULT_MAX_HTML_TAGS: usize = 250_000;

/// `html` up to its `limit`-th `<`, or whole.
fn truncate_tags(html: &str, limit: usize) -> &str {
    // Counting is one vectorized pass (memchr's `count`); stepping to the
    // `limit`-th `<` stops at every one. Most pages are under the limit.
    if memchr::memchr_iter(b'<', html.as_bytes()).count() <= limit {
        return html;
    }
    match memchr::memchr_iter(b'<', html.as_bytes()).nth(limit) {
        // `<` is ASCII, so the cut falls on a character boundary.
        Some(at) => &html[..at],
        None => html,
    }
}

/// Bytes of text sampled for language identification.
const LANGUAGE_SAMPLE_BYTES: usize = 3000;

impl Extractor {
    /// An extractor with the default settings.
    pub fn new() -> Extractor {
        ExtractorBuilder::default().build()
    }

    /// A builder for custom settings.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the article from raw bytes: decodes them (BOM, declared or
    /// detected charset), decides text or HTML, and runs the pipeline.
    ///
    /// The charset comes from a byte-order mark, else from a `<meta>`
    /// declaration in the first 1024 bytes (believed unless the bytes are
    /// valid UTF-8 that is not plain ASCII: pages often declare Latin-1 and
    /// send UTF-8), else from valid UTF-8, else from a detector's guess.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        if bytes.len() > self.config.max_bytes {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: self.config.max_bytes,
            });
        }
        let declared = match self.config.input_format {
            InputFormat::Text => None,
            InputFormat::Auto | InputFormat::Html => read::html::sniff_charset(bytes),
        };
        let text = read::decode(bytes, declared)?;
        let html = match self.config.input_format {
            InputFormat::Auto => read::looks_like_html(&text),
            InputFormat::Text => false,
            InputFormat::Html => true,
        };
        Ok(if html {
            self.extract_html(&text)
        } else {
            self.extract_text(&text)
        })
    }

    /// Extracts the article from a text dump.
    pub fn extract_text(&self, text: &str) -> Article {
        self.extract_lines(read::text::read_lines(text))
    }

    /// Extracts the article from an HTML page: its blocks go through the
    /// same pipeline as a dump's lines, and the page's metadata fills the
    /// fields (see [`Extractor::extract_page`]).
    pub fn extract_html(&self, html: &str) -> Article {
        let html = truncate_tags(html, self.config.max_html_tags);
        self.extract_page(read::html::read_html(html))
    }

    /// Runs the pipeline on HTML lines and completes the article with the
    /// page's metadata.
    ///
    /// Metadata wins over what the line pipeline found for the title, the
    /// byline, the date and the source URL: those fields are written for
    /// machines (ISO dates, names without "By", the canonical address)
    /// and do not depend on where the page prints them. The line pipeline
    /// fills what the page does not declare. The declared language is kept
    /// unless the text is confidently in another one (templates often keep
    /// a default `lang`).
    pub fn extract_page(&self, page: HtmlPage) -> Article {
        let meta = metadata::resolve(&page.meta, &page.lines);
        let mut article = self.run(page.lines, &page.blocks, Some(&meta));
        article.title = match (&meta.title, article.title) {
            // A tab label loses to the headline the page prints, when the
            // two are about the same thing.
            (Some(_), Some(printed))
                if meta
                    .tab_label
                    .as_deref()
                    .is_some_and(|label| metadata::printed_headline_wins(label, &printed)) =>
            {
                Some(printed)
            }
            (declared, found) => declared.clone().or(found),
        };
        article.byline = meta.byline.clone().or(article.byline);
        article.date = meta.date.clone().or(article.date);
        article.source_url = meta.source_url.clone().or(article.source_url);
        article.site_name = meta.site_name.clone();
        if article.language.is_none() {
            article.language = meta.language.clone();
        }
        article
    }

    /// Runs the pipeline on lines from any front-end.
    pub fn extract_lines(&self, lines: Vec<Line>) -> Article {
        self.run(lines, &[], None)
    }

    fn run(&self, lines: Vec<Line>, blocks: &[Range<usize>], meta: Option<&Metadata>) -> Article {
        let lexicon = Lexicon::get();
        let sample = language_sample(&lines);
        let detected = lexicon.identify_language(&sample);
        let lang = detected.or_else(|| {
            // Too little text to tell: the page's declaration, when the
            // lexicon knows the language.
            let declared = meta?.language.as_deref()?;
            lexicon.stopwords(declared)?;
            stop_words::available_languages()
                .iter()
                .copied()
                .find(|c| *c == declared)
        });
        let stopwords = lang.and_then(|l| lexicon.stopword_table(l));
        let mut scratch = String::new();
        let features: Vec<Features> = lines
            .iter()
            .map(|l| measure_with(&l.text, stopwords, &mut scratch))
            .collect();
        let doc = Doc {
            lines: &lines,
            features: &features,
            lang,
            lexicon,
            stopword_median: classify::stopword_median(&features),
            blocks,
        };
        let mut decisions: Vec<Decision> = (0..lines.len())
            .map(|i| self.classify_line(&doc, i))
            .collect();
        let title = meta.and_then(|m| mark_title(&doc, &mut decisions, m));
        context::revise(&doc, &mut decisions, &self.context);
        if meta.is_some() {
            main_fallback(&doc, &mut decisions);
        }
        if let (Some(meta), Some(title)) = (meta, title) {
            mark_standfirst(&doc, &mut decisions, meta, title);
        }
        let mut article = assemble(&lines, &decisions, lang, self.config.explain);
        if meta.is_some()
            && let Some(t) = decisions.iter().position(|d| d.label == Label::Title)
            && let Some(date) = (t..decisions.len()).find_map(|k| match &decisions[k] {
                d if d.label == Label::Date => Some(d.value.clone()),
                Decision {
                    reason: crate::Reason::NameBeforeDate { date },
                    ..
                } => Some(Some(date.clone())),
                _ => None,
            })
        {
            // On a page the date under the headline is the article's; the
            // first one may belong to a sidebar or a visitor counter. A
            // reporter's name may share its line.
            article.date = date.or(article.date);
        }
        article
    }

    fn classify_line(&self, doc: &Doc<'_>, i: usize) -> Decision {
        self.classifiers
            .iter()
            .find_map(|c| c.classify(doc, i))
            .unwrap_or_else(|| Decision {
                class: Class::Bad,
                ..Decision::chrome(crate::Reason::Blank)
            })
    }
}

/// The longer lines, in order, up to [`LANGUAGE_SAMPLE_BYTES`]: menus and
/// widgets are short, so this samples the prose.
fn language_sample(lines: &[Line]) -> String {
    let mut sample = String::new();
    for min_len in [80, 20, 1] {
        for line in lines.iter().filter(|l| l.text.len() >= min_len) {
            if sample.len() >= LANGUAGE_SAMPLE_BYTES {
                return sample;
            }
            let take = line
                .text
                .floor_char_boundary(LANGUAGE_SAMPLE_BYTES - sample.len());
            sample.push_str(&line.text[..take]);
            sample.push('\n');
        }
        if sample.len() >= LANGUAGE_SAMPLE_BYTES / 3 {
            break;
        }
    }
    sample
}

/// The headline the metadata names, found among the first headings: labelled
/// title before the context pass, so the body zone does not start with it.
fn mark_title(doc: &Doc<'_>, decisions: &mut [Decision], meta: &Metadata) -> Option<usize> {
    let title = meta.title.as_deref()?;
    let found = doc.lines.iter().position(|l| {
        l.text == title
            && l.hints
                .as_ref()
                .is_some_and(|h| h.heading_level > 0 && !h.hidden)
    });
    let k = found?;
    decisions[k] = Decision::fixed(
        Label::Title,
        crate::Reason::Title {
            words: doc.features[k].words,
        },
    );
    Some(k)
}

/// Most words a standfirst may have.
const MAX_STANDFIRST_WORDS: usize = 40;

/// The line under the headline is the standfirst when it says what the
/// page's description says, or when bylines, dates or widgets stand between
/// it and the body below.
fn mark_standfirst(doc: &Doc<'_>, decisions: &mut [Decision], meta: &Metadata, title: usize) {
    if decisions.iter().any(|d| d.label == Label::Subtitle) {
        return;
    }
    let Some(k) = doc.next_text(title) else {
        return;
    };
    let f = &doc.features[k];
    let Some(hints) = doc.lines[k].hints.as_ref() else {
        return;
    };
    // The context pass may have taken the line for a second headline.
    let candidate = matches!(
        decisions[k].label,
        Label::Body | Label::Chrome | Label::Title
    ) && crate::date::find_date(&doc.lines[k].text, false).is_none()
        && !matches!(
            decisions[k].reason,
            crate::Reason::Hidden | crate::Reason::Highlight { .. }
        )
        && (5..=MAX_STANDFIRST_WORDS).contains(&f.words)
        && hints.link_density < 0.5
        && hints.heading_level != 1
        && hints.chrome_tokens.is_empty();
    if !candidate {
        return;
    }
    let described = meta.description.as_deref().is_some_and(|d| {
        let (a, b) = (
            metadata::normalize(d),
            metadata::normalize(&doc.lines[k].text),
        );
        !a.is_empty() && (a == b || (b.len() >= 20 && (a.starts_with(&b) || b.starts_with(&a))))
    });
    let mut separated = false;
    let mut body_below = false;
    let mut j = k;
    while let Some(next) = doc.next_text(j) {
        match decisions[next].label {
            Label::Body => {
                body_below = true;
                break;
            }
            // A quoted post's date line is no byline area.
            Label::Date | Label::Byline if !in_quote(doc, next) => separated = true,
            _ => {}
        }
        j = next;
    }
    if body_below && (described || separated) {
        decisions[k] = Decision::fixed(Label::Subtitle, crate::Reason::Subtitle { words: f.words });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_detected_and_windows_1251_decoded() {
        let page = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"windows-1251\">\
            <title>Каток | Вестник</title></head><body><nav><a href=/>Главная</a></nav>\
            <article><h1>Каток</h1><p>В пятницу в Заречье открылась крытая ледовая арена, \
            которая будет работать круглый год, а по выходным лёд отдадут под массовое катание \
            для всех жителей района.</p></article></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(page);
        let article = Extractor::new().extract_bytes(&bytes).unwrap();
        assert_eq!(article.title.as_deref(), Some("Каток"));
        assert_eq!(article.body.len(), 1);
        assert!(article.body[0].starts_with("В пятницу"));
        assert_eq!(article.language.as_deref(), Some("ru"));
    }

    #[test]
    fn a_news_ticker_above_the_headline_is_no_second_zone() {
        // A ticker of linked headlines with their first sentences stands
        // above the article, in the same wrapper: it weighs like prose, but
        // the article starts under its headline.
        let mut page = String::from(
            "<html><head><title>Council opens the new library | City News</title>\
             <meta property=\"og:title\" content=\"Council opens the new library\"></head>\
             <body><div class=\"wrap\"><div class=\"ticker\"><h4>Breaking News</h4><ul>",
        );
        for k in 0..8 {
            page.push_str(&format!(
                "<li><a href=\"/n{k}\">Storm number {k} closes the coastal road again</a> \
                 NORTH BAY: The road along the coast was closed again on Tuesday after the storm \
                 brought down trees, and the police asked drivers to take the inland route.</li>"
            ));
        }
        page.push_str("</ul></div><h2>Council opens the new library</h2>");
        for _ in 0..3 {
            page.push_str(
                "<p>The council opened the new library on Monday, with a reading room, a café \
                 and a hall for the town's clubs, after three years of building work.</p>",
            );
        }
        page.push_str("</div></body></html>");
        let article = Extractor::new().extract_bytes(page.as_bytes()).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("Council opens the new library")
        );
        assert_eq!(article.body.len(), 3, "{:?}", article.body);
        assert!(article.body.iter().all(|b| b.starts_with("The council")));
    }

    proptest::proptest! {
        /// Counting first cuts where stepping to the `limit`-th `<` does,
        /// at, under and over the limit.
        #[test]
        fn tags_are_cut_as_at_the_nth_tag(html in "[<a>é]{0,40}", limit in 0usize..12) {
            let at_nth = match memchr::memchr_iter(b'<', html.as_bytes()).nth(limit) {
                Some(at) => &html[..at],
                None => &html[..],
            };
            proptest::prop_assert_eq!(truncate_tags(&html, limit), at_nth);
        }
    }

    #[test]
    fn huge_pages_are_cut_at_the_tag_limit() {
        let mut page = String::from(
            "<html><body><p>The first paragraph of the article is long enough to be prose for the extractor to keep it.</p>",
        );
        for _ in 0..1000 {
            page.push_str("<span>x</span>");
        }
        assert_eq!(
            truncate_tags(&page, 3),
            "<html><body><p>The first paragraph of the article is long enough to be prose for the extractor to keep it."
        );
        let article = Extractor::builder()
            .max_html_tags(10)
            .build()
            .extract_html(&page);
        assert_eq!(article.body.len(), 1);
        assert_eq!(truncate_tags("no tags", 0), "no tags");
    }

    #[test]
    fn a_page_with_little_prose_keeps_its_main_content() {
        let html = "<html><body><nav><a href=/>Home</a> <a href=/r>Results</a></nav>\
            <main><h1>League standings</h1><p>Standings after round 12:</p><table>\
            <tr><td>1</td><td>Harbour Rovers</td><td>30</td></tr>\
            <tr><td>2</td><td>Westcombe Town</td><td>27</td></tr></table></main>\
            <footer><p>Contact us</p></footer></body></html>";
        let article = Extractor::new().extract_html(html);
        assert!(
            article.body.iter().any(|l| l == "Harbour Rovers"),
            "{:?}",
            article.body
        );
        assert!(
            article
                .body
                .iter()
                .all(|l| l != "Contact us" && l != "Home Results")
        );
    }

    #[test]
    fn input_format_overrides_detection() {
        let html = b"<html><body><p>Le conseil municipal a vot\xc3\xa9 mardi le budget de la ville pour l'ann\xc3\xa9e prochaine, apr\xc3\xa8s un long d\xc3\xa9bat.</p></body></html>";
        let as_text = Extractor::builder()
            .input_format(InputFormat::Text)
            .build()
            .extract_bytes(html)
            .unwrap();
        let as_html = Extractor::new().extract_bytes(html).unwrap();
        assert!(as_html.body[0].starts_with("Le conseil"));
        assert_ne!(as_text.body, as_html.body);
    }

    #[test]
    fn hidden_and_chrome_blocks_stay_out_of_the_body() {
        let html = "<html><body><div class=\"cookie-banner\"><p>We use cookies to improve \
            your experience on our site and to show you relevant advertising today.</p></div>\
            <article><h1>Bridge reopens after two years of repairs</h1>\
            <p>The old bridge over the river reopened on Monday after two years of repairs, \
            and the first cars crossed it shortly after six in the morning.</p>\
            <p style=\"display:none\">Secret text that no reader sees on the page at all, \
            because the style hides it from every visitor.</p>\
            <p>The council said the work cost less than planned, and that the footpath \
            on the east side would open next month once the railings are painted.</p>\
            </article><aside><h2>Related</h2><ul><li><a href=/a>Another story</a></li></ul></aside>\
            </body></html>";
        let article = Extractor::new().extract_html(html);
        assert_eq!(article.body.len(), 2, "{:?}", article.body);
        assert!(
            article
                .body
                .iter()
                .all(|p| !p.contains("cookies") && !p.contains("Secret"))
        );
        assert_eq!(
            article.title.as_deref(),
            Some("Bridge reopens after two years of repairs")
        );
    }

    #[test]
    fn an_old_table_layout_gives_its_headline_date_and_caption() {
        // No heading element, no metadata but a <title> the site shortened:
        // the headline is the bold first line of the article's cell, glued
        // to its date line by one <br>; the caption is an <i> under the
        // photo. The neighbouring cell ends with a counter and a date, which
        // the title walk would otherwise reach first.
        let page = "<html><head><title>Kleingartenverein Nord - Aktuelles - Sommerfest 2004</title>\
            </head><body><table><tr><td><a href=a.html>Startseite</a><br>\
            <a href=b.html>Termine</a><br><a href=c.html>Kontakt</a></td></tr><tr>\
            <td><font size=1>Sie sind Besucher Nummer<br><img src=z.gif><br>seit 1. Januar 2002\
            </font></td><td><img src=spacer.gif width=1 height=1>\
            <font size=5><b>Sommerfest 2004: Rekordbesuch am Seeufer</b></font><br>\
            <font size=1>Eingestellt am 3. Juli 2004 von Hanne Brückner</font><br><br>\
            Mehr als vierhundert Gäste kamen am Samstag zu unserem Sommerfest, so viele wie noch \
            nie, und das Wetter hielt bis zum Feuerwerk am späten Abend.<br><br>\
            <table><tr><td><img src=fest.jpg width=200 height=140></td></tr>\
            <tr><td><i>Der Kuchenstand war nach zwei Stunden leer.</i></td></tr></table>\
            Der Erlös der Tombola geht in diesem Jahr an die Jugendgruppe des Vereins, die davon \
            neue Werkzeuge und Saatgut für die Schulbeete kaufen will.<br><br></td></tr>\
            </table></body></html>";
        let article = Extractor::new().extract_bytes(page.as_bytes()).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("Sommerfest 2004: Rekordbesuch am Seeufer")
        );
        assert_eq!(article.date.as_deref(), Some("2004-07-03"));
        assert_eq!(
            article.captions,
            ["Der Kuchenstand war nach zwei Stunden leer."]
        );
        assert_eq!(article.body.len(), 2, "{:?}", article.body);
        assert!(article.body[0].starts_with("Mehr als"));
    }
}

/// The line sits in a `<blockquote>`.
fn in_quote(doc: &Doc<'_>, k: usize) -> bool {
    doc.lines[k]
        .hints
        .as_ref()
        .is_some_and(|h| h.zones.contains(crate::line::Zones::QUOTE))
}

/// Body words below which an HTML page's result counts as a miss.
const MIN_BODY_WORDS: usize = 40;

/// Escalation for pages with little prose (a results table, a calendar):
/// when the context pass kept fewer than [`MIN_BODY_WORDS`] words, every
/// line inside `<article>`/`<main>` below the headline that no rule
/// claimed as chrome is body. Readability falls back the same way.
fn main_fallback(doc: &Doc<'_>, decisions: &mut [Decision]) {
    let body_words: usize = (0..decisions.len())
        .filter(|&k| decisions[k].label == Label::Body)
        .map(|k| doc.features[k].words)
        .sum();
    if body_words >= MIN_BODY_WORDS {
        return;
    }
    let in_main = |k: usize| {
        doc.lines[k]
            .hints
            .as_ref()
            .is_some_and(|h| h.zones.contains(crate::line::Zones::MAIN) && !h.hidden)
    };
    let from = decisions
        .iter()
        .position(|d| d.label == Label::Title)
        .map_or(0, |t| t + 1);
    for k in from..decisions.len() {
        let d = &decisions[k];
        if in_main(k)
            && d.label == Label::Chrome
            && matches!(
                d.reason,
                crate::Reason::NotProse { .. }
                    | crate::Reason::OutsideBody { .. }
                    | crate::Reason::MenuRun { .. }
            )
        {
            decisions[k] = Decision {
                label: Label::Body,
                reason: crate::Reason::MainFallback,
                class: crate::classify::Class::NearGood,
                value: None,
            };
        }
    }
}
