//! The extractor: configuration, and the pipeline that runs the stages in
//! order.

use crate::article::{Article, assemble};
use crate::classify::{self, Class, Decision, Doc, LineClassifier};
use crate::context::{self, ContextConfig};
use crate::error::Error;
use crate::features::{Features, measure};
use crate::lexicon::{Lexicon, detect_language};
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

/// Settings, fixed when the extractor is built.
#[derive(Clone, Debug)]
struct Config {
    focus: Focus,
    explain: bool,
    max_bytes: usize,
    input_format: InputFormat,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            focus: Focus::Balanced,
            explain: false,
            max_bytes: 256 << 20,
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

    /// Refuse inputs larger than this many bytes. Default: 256 MiB.
    pub fn max_bytes(&mut self, limit: usize) -> &mut ExtractorBuilder {
        self.config.max_bytes = limit;
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
        article.title = meta.title.clone().or(article.title);
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
        let detected = lexicon.confirm_language(detect_language(&sample), &sample);
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
        let stopwords = lang.and_then(|l| lexicon.stopwords(l));
        let mut scratch = String::new();
        let features: Vec<Features> = lines
            .iter()
            .map(|l| measure(&l.text, stopwords, &mut scratch))
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
        if let Some(meta) = meta {
            mark_title(&doc, &mut decisions, meta);
        }
        context::revise(&doc, &mut decisions, &self.context);
        assemble(&lines, &decisions, lang, self.config.explain)
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
fn mark_title(doc: &Doc<'_>, decisions: &mut [Decision], meta: &Metadata) {
    let Some(title) = meta.title.as_deref() else {
        return;
    };
    let found = doc.lines.iter().position(|l| {
        l.text == title
            && l.hints
                .as_deref()
                .is_some_and(|h| h.heading_level > 0 && !h.hidden)
    });
    if let Some(k) = found {
        decisions[k] = Decision::fixed(
            Label::Title,
            crate::Reason::Title {
                words: doc.features[k].words,
            },
        );
    }
}
