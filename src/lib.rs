//! dechrome strips site chrome (menus, prompts, counters, related lists,
//! footers) from scraped web articles and returns a clean [`Article`].
//!
//! One pipeline serves text dumps and HTML pages:
//!
//! 1. **read**: a front-end turns the input into [`Line`]s (text dumps: one
//!    per input line; HTML: one per block, with DOM hints);
//! 2. **features**: each line is measured once: words, punctuation, script,
//!    stopword share ([`features`]);
//! 3. **classify**: small rules, in a fixed order, label what they recognise
//!    and sort the rest into prose classes ([`classify`]);
//! 4. **context**: neighbours and the body zone settle the doubtful lines
//!    ([`context`]);
//! 5. **assemble**: the labelled lines become an [`Article`];
//! 6. **render**: text, JSON, JSON lines or Markdown ([`render`]).
//!
//! Every line's label comes with a [`Reason`] quoting what was measured.
//!
//! ```
//! let dump = "Le conseil municipal a adopté mardi soir le budget de la ville pour 2025, après trois heures de débat.\n\
//!             Source : https://example.org/budget-2025\n\
//!             Comment (0)";
//! let article = dechrome::extract(dump);
//! assert_eq!(article.body.len(), 1);
//! assert_eq!(article.source_url.as_deref(), Some("https://example.org/budget-2025"));
//! assert_eq!(article.title, None);
//! ```
#![deny(missing_docs)]

pub mod article;
pub mod classify;
pub mod context;
pub mod date;
pub mod error;
pub mod eval;
pub mod extractor;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod line;
pub mod metadata;
pub mod read;
pub mod reason;
pub mod render;
mod wordset;

pub use article::{Article, LineReport};
pub use classify::{Decision, LineClassifier};
pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder, Focus};
pub use line::{DomHints, Label, Line, Zones};
pub use metadata::Metadata;
pub use read::InputFormat;
pub use reason::Reason;

/// Extracts the article from a text dump with the default settings.
///
/// For many documents build one [`Extractor`] and reuse it.
pub fn extract(input: &str) -> Article {
    static DEFAULT: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Extractor::new).extract_text(input)
}
