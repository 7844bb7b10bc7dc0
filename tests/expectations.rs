//! Checks every `.expect` sidecar of the corpus (format in corpus/README.md)
//! against the extracted article.
//!
//! Directives that fail today are listed in `tests/known-failures.txt`, one
//! `<folder>/<case>: <directive>` a line. The list may only shrink: the test
//! fails when an unlisted directive fails (a regression) and when a listed
//! one passes (remove the line, so it cannot regress silently).
//!
//! Text is compared with whitespace runs folded to one space, as the text
//! front-end folds tabs and runs of spaces.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dechrome::{Article, Extractor};

/// One directive of a sidecar.
#[derive(Debug)]
enum Directive {
    Title(Option<String>),
    Subtitle(String),
    Byline(String),
    Date(String),
    SourceUrl(String),
    With(String),
    Without(String),
    Caption(String),
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses one directive line; `Err` for a line the format does not know.
fn parse(line: &str) -> Result<Directive, String> {
    let (key, value) = line
        .split_once(':')
        .ok_or_else(|| format!("no \"key:\" in {line:?}"))?;
    let value = value.trim().to_string();
    if value.is_empty() {
        return Err(format!("empty value in {line:?}"));
    }
    Ok(match key.trim() {
        "title" if value == "null" => Directive::Title(None),
        "title" => Directive::Title(Some(value)),
        "subtitle" => Directive::Subtitle(value),
        "byline" => Directive::Byline(value),
        "date" => Directive::Date(value),
        "source_url" => Directive::SourceUrl(value),
        "with" => Directive::With(value),
        "without" => Directive::Without(value),
        "caption" => Directive::Caption(value),
        other => return Err(format!("unknown directive {other:?} in {line:?}")),
    })
}

fn field(name: &str, got: &Option<String>, want: Option<&str>) -> Result<(), String> {
    let got_folded = got.as_deref().map(fold);
    let want_folded = want.map(fold);
    if got_folded == want_folded {
        Ok(())
    } else {
        Err(format!("{name} is {got:?}"))
    }
}

/// `Ok` when the article meets the directive, else what it has instead.
fn check(article: &Article, directive: &Directive) -> Result<(), String> {
    let body: Vec<String> = article.body.iter().map(|p| fold(p)).collect();
    let captions: Vec<String> = article.captions.iter().map(|c| fold(c)).collect();
    match directive {
        Directive::Title(want) => field("title", &article.title, want.as_deref()),
        Directive::Subtitle(want) => field("subtitle", &article.subtitle, Some(want)),
        Directive::Byline(want) => field("byline", &article.byline, Some(want)),
        Directive::Date(want) => field("date", &article.date, Some(want)),
        Directive::SourceUrl(want) => field("source_url", &article.source_url, Some(want)),
        Directive::With(fragment) => {
            let fragment = fold(fragment);
            if body.iter().any(|p| p.contains(&fragment)) {
                Ok(())
            } else {
                Err(format!(
                    "in no body paragraph ({} paragraphs)",
                    article.body.len()
                ))
            }
        }
        Directive::Without(fragment) => {
            let fragment = fold(fragment);
            match body.iter().position(|p| p.contains(&fragment)) {
                None => Ok(()),
                Some(k) => Err(format!("found in body paragraph {}", k + 1)),
            }
        }
        Directive::Caption(fragment) => {
            let fragment = fold(fragment);
            if captions.iter().any(|c| c.contains(&fragment)) {
                Ok(())
            } else {
                Err(format!("in no caption (captions: {:?})", article.captions))
            }
        }
    }
}

/// Sidecars under corpus/text and corpus/html with their input files.
fn cases(root: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for (folder, ext) in [("text", "txt"), ("html", "html")] {
        let dir = root.join("corpus").join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("expect") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let input = path.with_extension(ext);
            assert!(input.is_file(), "{} has no input file", path.display());
            out.push((format!("{folder}/{stem}"), path, input));
        }
    }
    out.sort();
    out
}

/// Reads the known-failures list: `case: directive` lines, `#` comments.
fn known_failures(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn corpus_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extractor = Extractor::new();
    let known_path = root.join("tests/known-failures.txt");
    let known = known_failures(&known_path);

    let mut files = 0;
    let mut directives = 0;
    let mut bad_sidecars = Vec::new();
    // "case: directive" -> why it fails.
    let mut failing: Vec<(String, String)> = Vec::new();
    for (case, sidecar, input) in cases(root) {
        files += 1;
        let bytes = std::fs::read(&input).unwrap();
        let article = extractor.extract_bytes(&bytes).unwrap_or_default();
        let text = std::fs::read_to_string(&sidecar).unwrap();
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            directives += 1;
            match parse(line) {
                Err(e) => bad_sidecars.push(format!("{case}: {e}")),
                Ok(directive) => {
                    if let Err(why) = check(&article, &directive) {
                        failing.push((format!("{case}: {line}"), why));
                    }
                }
            }
        }
    }
    assert!(
        bad_sidecars.is_empty(),
        "malformed .expect lines:\n{}",
        bad_sidecars.join("\n")
    );
    assert!(files > 0, "no .expect sidecars found under corpus/");

    let failing_keys: BTreeSet<String> = failing.iter().map(|(k, _)| k.clone()).collect();
    let regressions: Vec<&(String, String)> =
        failing.iter().filter(|(k, _)| !known.contains(k)).collect();
    let fixed: Vec<&String> = known.difference(&failing_keys).collect();

    // Written to stderr directly, past the test harness's capture, so the
    // summary shows in every `cargo test` run.
    let summary = format!(
        "expectations: {files} files, {directives} directives, {} failing, {} known failures\n",
        failing.len(),
        known.len(),
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), summary.as_bytes());

    let mut report = String::new();
    if !regressions.is_empty() {
        writeln!(
            report,
            "{} directive(s) fail that tests/known-failures.txt does not list:",
            regressions.len()
        )
        .unwrap();
        for (key, why) in &regressions {
            writeln!(report, "  {key}\n      -> {why}").unwrap();
        }
    }
    if !fixed.is_empty() {
        writeln!(
            report,
            "{} known failure(s) now pass (or no longer exist): remove this line from tests/known-failures.txt:",
            fixed.len()
        )
        .unwrap();
        for key in &fixed {
            writeln!(report, "  {key}").unwrap();
        }
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn directives_parse_and_check() {
    let article = Article {
        title: Some("A  title".into()),
        body: vec!["First\tparagraph here.".into(), "Second one.".into()],
        captions: vec!["A caption (Photo: X)".into()],
        ..Article::default()
    };
    let ok = |line: &str| check(&article, &parse(line).unwrap()).is_ok();
    assert!(ok("title: A title"));
    assert!(!ok("title: null"));
    assert!(ok("with: First paragraph"));
    assert!(!ok("with: Third"));
    assert!(ok("without: Third"));
    assert!(!ok("without: Second"));
    assert!(ok("caption: (Photo: X)"));
    assert!(!ok("caption: Second"));
    assert!(!ok("byline: Anyone"));
    assert!(!ok("date: 2024-01-01"));
    assert!(parse("colour: blue").is_err());
    assert!(parse("no colon").is_err());
}
