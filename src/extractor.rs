//! The extractor: configuration, and the pipeline that runs the stages in
//! order.

use crate::article::{Article, assemble};
use crate::classify::{self, Class, Decision, Doc, LineClassifier};
use crate::context::{self, ContextConfig};
use crate::error::Error;
use crate::features::{Features, measure};
use crate::lexicon::{Lexicon, detect_language};
use crate::line::Line;
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
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        if bytes.len() > self.config.max_bytes {
            return Err(Error::TooLarge {
                size: bytes.len(),
                limit: self.config.max_bytes,
            });
        }
        let text = read::decode(bytes, None)?;
        Ok(self.extract_text(&text))
    }

    /// Extracts the article from a text dump.
    pub fn extract_text(&self, text: &str) -> Article {
        self.extract_lines(read::text::read_lines(text))
    }

    /// Runs the pipeline on lines from any front-end.
    pub fn extract_lines(&self, lines: Vec<Line>) -> Article {
        let lexicon = Lexicon::get();
        let lang = detect_language(&language_sample(&lines));
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
        };
        let mut decisions: Vec<Decision> = (0..lines.len())
            .map(|i| self.classify_line(&doc, i))
            .collect();
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
