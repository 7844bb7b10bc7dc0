//! One insta snapshot per corpus file: the extracted article, then every
//! input line with its label and reason.
//!
//! The files are read as bytes, so the BOM, CRLF and charset cases go through
//! the same decoding as the command line. Snapshots live in the top-level
//! `snapshots/` folder as `corpus@<folder>__<file>.snap`; review changes with
//! `cargo insta review`. In CI (`INSTA_UPDATE=no`) a missing or changed
//! snapshot fails.
//!
//! The layout is plain text with fixed columns, so a diff shows exactly the
//! lines whose label or reason moved and nothing else re-aligns.

use std::fmt::Write as _;
use std::path::Path;

use dechrome::{Article, Extractor};

/// Characters of a line's text shown in the line table; the full text of
/// kept lines is in the article part above it.
const TABLE_TEXT_CHARS: usize = 100;
/// Width of the reason column; longer reasons push the text right.
const REASON_WIDTH: usize = 48;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The snapshot text of one article extracted with `explain(true)`.
fn render(article: &Article) -> String {
    let mut out = String::new();
    let fields = [
        ("title", &article.title),
        ("subtitle", &article.subtitle),
        ("byline", &article.byline),
        ("date", &article.date),
        ("language", &article.language),
        ("site_name", &article.site_name),
        ("source_url", &article.source_url),
    ];
    for (name, value) in fields {
        match value {
            Some(v) => writeln!(out, "{name}: {v}").unwrap(),
            None => writeln!(out, "{name}: null").unwrap(),
        }
    }
    writeln!(out, "\nbody: {} paragraphs", article.body.len()).unwrap();
    for paragraph in &article.body {
        writeln!(out, "  | {paragraph}").unwrap();
    }
    writeln!(out, "\ncaptions: {}", article.captions.len()).unwrap();
    for caption in &article.captions {
        writeln!(out, "  | {caption}").unwrap();
    }
    let lines = article
        .lines
        .as_ref()
        .expect("explain(true) fills Article::lines");
    writeln!(out, "\nlines: {}", lines.len()).unwrap();
    for line in lines {
        let mut reason = line.reason.clone();
        if let Some(hints) = &line.hints {
            write!(reason, " [{hints}]").unwrap();
        }
        let row = format!(
            "{:>4}  {:<8}  {:<rw$}  {}",
            line.n,
            line.label.as_str(),
            reason,
            shorten(&line.text, TABLE_TEXT_CHARS),
            rw = REASON_WIDTH
        );
        writeln!(out, "{}", row.trim_end()).unwrap();
    }
    out
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

#[test]
fn corpus() {
    let extractor = Extractor::builder().explain(true).build();
    settings().bind(|| {
        insta::glob!(
            "../corpus",
            "{seeds/*.txt,text/*.txt,html/*.html}",
            |path| {
                let bytes = std::fs::read(path).unwrap();
                let snapshot = match extractor.extract_bytes(&bytes) {
                    Ok(article) => render(&article),
                    Err(e) => format!("error: {e}\n"),
                };
                insta::assert_snapshot!(snapshot);
            }
        );
    });
}

/// Every corpus snapshot belongs to a corpus file that still exists, so a
/// renamed or deleted case does not leave a stale snapshot behind.
#[test]
fn no_stale_corpus_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(entries) = std::fs::read_dir(root.join("snapshots")) else {
        return;
    };
    let mut stale = Vec::new();
    for entry in entries {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix("corpus@")
            .and_then(|r| r.strip_suffix(".snap"))
        else {
            continue;
        };
        let input = root.join("corpus").join(rest.replace("__", "/"));
        if !input.is_file() {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots without a corpus file (delete them): {stale:?}"
    );
}
