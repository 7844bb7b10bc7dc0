//! Output formats: readable text, JSON, JSON lines, Markdown, and the
//! `--explain` table.

use std::fmt::Write as _;

use serde::Serialize;

use crate::article::Article;

/// How to print an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Headed fields, then the paragraphs, for reading.
    Text,
    /// One pretty-printed JSON object.
    Json,
    /// One JSON object on one line, with the input's path.
    Jsonl,
    /// Markdown: the title as a heading, paragraphs, captions as quotes.
    Markdown,
}

#[derive(Serialize)]
struct WithPath<'a> {
    path: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// Renders `article` read from `path` ("-" for stdin). With `explain` and
/// text output the per-line table follows the article.
pub fn render(article: &Article, format: Format, path: &str) -> String {
    match format {
        Format::Json => {
            let mut out = serde_json::to_string_pretty(article).expect("articles serialise");
            out.push('\n');
            out
        }
        Format::Jsonl => {
            let mut out =
                serde_json::to_string(&WithPath { path, article }).expect("articles serialise");
            out.push('\n');
            out
        }
        Format::Markdown => markdown(article),
        Format::Text => text(article),
    }
}

fn text(a: &Article) -> String {
    let mut out = String::new();
    let fields = [
        ("Title", &a.title),
        ("Subtitle", &a.subtitle),
        ("Byline", &a.byline),
        ("Date", &a.date),
        ("Language", &a.language),
        ("Site", &a.site_name),
        ("Source", &a.source_url),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "{name}: {value}");
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for paragraph in &a.body {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    if !a.captions.is_empty() {
        out.push_str("Captions:\n");
        for caption in &a.captions {
            let _ = writeln!(out, "- {caption}");
        }
        out.push('\n');
    }
    if let Some(table) = explain_table(a) {
        out.push_str(&table);
    }
    out
}

fn markdown(a: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &a.title {
        let _ = writeln!(out, "# {title}\n");
    }
    if let Some(subtitle) = &a.subtitle {
        let _ = writeln!(out, "*{subtitle}*\n");
    }
    let meta: Vec<&str> = [&a.byline, &a.date]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    for paragraph in &a.body {
        let _ = writeln!(out, "{paragraph}\n");
    }
    for caption in &a.captions {
        let _ = writeln!(out, "> {caption}\n");
    }
    if let Some(url) = &a.source_url {
        let _ = writeln!(out, "Source: <{url}>\n");
    }
    out
}

/// The aligned table of line number, label, reason and text, when the
/// article carries its lines.
pub fn explain_table(a: &Article) -> Option<String> {
    let lines = a.lines.as_ref()?;
    let reason_width = lines
        .iter()
        .map(|l| l.reason.chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    let number_width = lines.last().map_or(1, |l| l.n.to_string().len());
    let mut out = String::new();
    for l in lines {
        let mut reason = l.reason.clone();
        if let Some(hints) = &l.hints {
            let _ = write!(reason, " [{hints}]");
        }
        let _ = writeln!(
            out,
            "{:>nw$}  {:<8}  {:<rw$}  {}",
            l.n,
            l.label.as_str(),
            reason,
            l.text,
            nw = number_width,
            rw = reason_width
        );
    }
    Some(out)
}
