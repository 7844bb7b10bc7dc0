//! The result: a clean article, and on request every line with its label
//! and reason.

use serde::Serialize;

use crate::classify::Decision;
use crate::line::{Label, Line};

/// A clean article. Every string in it comes from the input, whitespace
/// aside; a field the input does not have is `None` or empty, never made up.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// The headline, if the input has one.
    pub title: Option<String>,
    /// The standfirst under the headline.
    pub subtitle: Option<String>,
    /// The author.
    pub byline: Option<String>,
    /// The publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// The language of the text, ISO 639-1.
    pub language: Option<String>,
    /// The site's name, when the page states it (HTML).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// The source URL: a "Source: URL" line, or the page's canonical URL.
    pub source_url: Option<String>,
    /// The article's paragraphs, in order.
    pub body: Vec<String>,
    /// Photo and figure captions, in order.
    pub captions: Vec<String>,
    /// Every input line with its label and reason; filled when explaining.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<LineReport>>,
}

/// One input line as `--explain` shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineReport {
    /// 1-based line (or block) number.
    pub n: usize,
    /// The line's text.
    pub text: String,
    /// What it became.
    pub label: Label,
    /// Why, with the measured values.
    pub reason: String,
    /// The DOM hints of an HTML block, summarised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hints: Option<String>,
}

impl Article {
    /// The body as one text, paragraphs separated by blank lines.
    pub fn body_text(&self) -> String {
        self.body.join("\n\n")
    }

    /// True when no article text was found.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty() && self.title.is_none()
    }
}

/// Builds the article from the labelled lines.
pub fn assemble(
    lines: &[Line],
    decisions: &[Decision],
    language: Option<&str>,
    explain: bool,
) -> Article {
    let mut article = Article {
        language: language.map(str::to_string),
        ..Article::default()
    };
    let value_or_text = |k: usize| {
        decisions[k]
            .value
            .clone()
            .unwrap_or_else(|| lines[k].text.clone())
    };
    for (k, d) in decisions.iter().enumerate() {
        match d.label {
            Label::Title if article.title.is_none() => article.title = Some(lines[k].text.clone()),
            Label::Subtitle if article.subtitle.is_none() => {
                article.subtitle = Some(lines[k].text.clone())
            }
            Label::Byline if article.byline.is_none() => article.byline = Some(value_or_text(k)),
            Label::Date if article.date.is_none() => article.date = d.value.clone(),
            Label::Source if article.source_url.is_none() => article.source_url = d.value.clone(),
            Label::Body => article.body.push(lines[k].text.clone()),
            Label::Caption => article.captions.push(value_or_text(k)),
            _ => {}
        }
    }
    if article.date.is_none() {
        // "Par Marie Dupont | 12/03/2024": the date rides on the byline.
        article.date = decisions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.label == Label::Byline)
            .find_map(|(k, _)| crate::date::find_date(&lines[k].text, language == Some("en")))
            .map(|d| d.ymd);
    }
    if explain {
        article.lines = Some(
            lines
                .iter()
                .zip(decisions)
                .map(|(line, d)| LineReport {
                    n: line.n,
                    text: line.text.clone(),
                    label: d.label,
                    reason: d.reason.to_string(),
                    hints: line.hints.as_ref().map(summarize_hints),
                })
                .collect(),
        );
    }
    article
}

fn summarize_hints(h: &crate::line::DomHints) -> String {
    let mut parts = vec![format!("<{}>", h.tag)];
    if h.link_density > 0.0 {
        parts.push(format!("links {:.2}", h.link_density));
    }
    let zones = h.zones.names();
    if !zones.is_empty() {
        parts.push(format!("in {}", zones.join("/")));
    }
    if !h.chrome_tokens.is_empty() {
        parts.push(format!("class {}", h.chrome_tokens.join("/")));
    }
    if h.hidden {
        parts.push("hidden".to_string());
    }
    for (set, name) in [
        (h.bold, "bold"),
        (h.italic, "italic"),
        (h.after_image, "under image"),
        (h.photo_box, "photo box"),
    ] {
        if set {
            parts.push(name.to_string());
        }
    }
    parts.join(", ")
}
