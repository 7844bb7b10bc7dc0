//! The `dechrome` binary: formats, explain, folders, stdin, bad inputs,
//! exit codes (0 all extracted; 1 an input failed or `eval --min-f1` missed;
//! 2 usage error, as src/main.rs documents) and `eval` on a dataset small
//! enough to score by hand.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dechrome");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Seed 003: no title, five body lines, byline, source URL, a counter.
fn seed_003() -> PathBuf {
    root().join("corpus/seeds/003_1ed4e8ff7e26e4eb.txt")
}

/// Seed 004: title, subtitle, body, a headline list.
fn seed_004() -> PathBuf {
    root().join("corpus/seeds/004_8e1f729e4d00b7cb.txt")
}

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

/// What the library gives for `path`, as JSON.
fn library_json(path: &Path, explain: bool) -> Value {
    let article = dechrome::Extractor::builder()
        .explain(explain)
        .build()
        .extract_bytes(&std::fs::read(path).unwrap())
        .unwrap();
    serde_json::to_value(article).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn format_json_is_the_library_article() {
    let path = seed_003();
    let o = run(&["--format", "json", s(&path)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got, library_json(&path, false));
    for key in [
        "title",
        "subtitle",
        "byline",
        "date",
        "language",
        "source_url",
        "body",
        "captions",
    ] {
        assert!(got.get(key).is_some(), "json output lacks {key}");
    }
    assert_eq!(got["title"], Value::Null);
    assert_eq!(got["byline"], "KHANH MINH");
    assert_eq!(got["body"].as_array().unwrap().len(), 5);
    assert!(got.get("lines").is_none(), "lines only with --explain");
}

#[test]
fn format_jsonl_is_one_line_with_the_path() {
    let path = seed_003();
    let o = run(&["--format", "jsonl", s(&path)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    let mut got: Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(got["path"], s(&path));
    got.as_object_mut().unwrap().remove("path");
    assert_eq!(got, library_json(&path, false));
}

#[test]
fn format_text_shows_fields_and_paragraphs() {
    let path = seed_003();
    let o = run(&["--format", "text", s(&path)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lib = library_json(&path, false);
    assert!(out.contains("Byline: KHANH MINH\n"), "{out}");
    let url = lib["source_url"].as_str().unwrap();
    assert!(out.contains(&format!("Source: {url}\n")), "{out}");
    for paragraph in lib["body"].as_array().unwrap() {
        assert!(out.contains(paragraph.as_str().unwrap()), "{out}");
    }
    assert!(!out.contains("Comment (0)"), "chrome in text output: {out}");
    // One input: text is the default.
    assert_eq!(stdout(&run(&[s(&path)])), out);
}

#[test]
fn format_markdown_has_heading_standfirst_and_paragraphs() {
    let path = seed_004();
    let o = run(&["--format", "markdown", s(&path)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let lib = library_json(&path, false);
    let title = lib["title"].as_str().expect("seed 004 has a title");
    let subtitle = lib["subtitle"].as_str().expect("seed 004 has a subtitle");
    assert!(out.starts_with(&format!("# {title}\n\n")), "{out}");
    assert!(out.contains(&format!("*{subtitle}*\n")), "{out}");
    for paragraph in lib["body"].as_array().unwrap() {
        assert!(
            out.contains(&format!("\n{}\n", paragraph.as_str().unwrap())),
            "{out}"
        );
    }
    assert!(
        !out.contains("Ειδήσεις σήμερα"),
        "chrome in markdown: {out}"
    );
}

#[test]
fn explain_prints_every_line_with_label_and_reason() {
    let path = seed_003();
    let input = std::fs::read_to_string(&path).unwrap();
    let input_lines = input.lines().count();

    let o = run(&["--explain", "--format", "json", s(&path)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got, library_json(&path, true));
    let lines = got["lines"].as_array().expect("--explain adds lines");
    assert_eq!(lines.len(), input_lines);
    for (k, line) in lines.iter().enumerate() {
        assert_eq!(line["n"], k + 1);
        assert!(line["text"].is_string() && line["label"].is_string());
        assert!(!line["reason"].as_str().unwrap().is_empty());
    }

    // Text: the article, then one table row per line: number, label, reason,
    // text.
    let out = stdout(&run(&["--explain", s(&path)]));
    for line in lines {
        let row = out
            .lines()
            .find(|r| {
                r.trim_start()
                    .starts_with(&format!("{}  ", line["n"].as_u64().unwrap()))
            })
            .unwrap_or_else(|| panic!("no table row for line {}: {out}", line["n"]));
        for key in ["label", "reason", "text"] {
            assert!(row.contains(line[key].as_str().unwrap()), "{row}");
        }
    }
    assert!(
        out.contains("Comment (0)"),
        "the table shows chrome lines too"
    );
}

#[test]
fn folders_are_read_recursively_as_jsonl() {
    let dir = scratch("folder");
    std::fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    std::fs::copy(seed_003(), dir.join("a.txt")).unwrap();
    std::fs::copy(seed_004(), dir.join("sub/deeper/b.txt")).unwrap();
    std::fs::write(dir.join("sub/c.txt"), "Comment (0)\n").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "Hidden files are skipped.\n").unwrap();

    let o = run(&[s(&dir)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let objects: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let paths: Vec<String> = objects
        .iter()
        .map(|v| v["path"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = ["a.txt", "sub/c.txt", "sub/deeper/b.txt"]
        .iter()
        .map(|p| dir.join(p).display().to_string())
        .collect();
    assert_eq!(paths, want, "sorted, recursive, hidden files skipped");
    assert_eq!(objects[0]["byline"], "KHANH MINH");
    assert_eq!(objects[1]["body"], Value::Array(vec![]));
    assert!(objects[2]["title"].is_string());
}

#[test]
fn stdin_without_path_and_with_dash() {
    let path = seed_003();
    let bytes = std::fs::read(&path).unwrap();
    let from_file = stdout(&run(&["--format", "json", s(&path)]));
    for args in [&["--format", "json"][..], &["--format", "json", "-"][..]] {
        let o = run_stdin(args, &bytes);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), from_file, "{args:?}");
    }
    let o = run_stdin(&["--format", "jsonl"], &bytes);
    let got: Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    assert_eq!(got["path"], "-");
}

#[test]
fn a_missing_file_does_not_stop_the_others() {
    let dir = scratch("missing");
    let missing = dir.join("no-such-file.txt");
    let (a, b) = (seed_003(), seed_004());
    let o = run(&[s(&a), s(&missing), s(&b)]);
    assert_eq!(code(&o), 1, "exit 1 when an input fails");
    let err = stderr(&o);
    assert!(
        err.contains("no-such-file.txt"),
        "stderr names the file: {err}"
    );
    let records: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .collect();
    let paths: Vec<String> = records.iter().map(|r| r["path"].to_string()).collect();
    assert_eq!(
        paths,
        [
            format!("{:?}", s(&a)),
            format!("{:?}", s(&missing)),
            format!("{:?}", s(&b))
        ],
        "one record per input, in order"
    );
    assert!(records[1]["error"].is_string(), "{:?}", records[1]);
    assert!(records[0]["error"].is_null() && records[2]["error"].is_null());
}

#[test]
fn an_empty_file_is_an_empty_article() {
    let dir = scratch("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let o = run(&["--format", "json", s(&empty)]);
    assert_eq!(code(&o), 0, "empty input is no error: {}", stderr(&o));
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got["title"], Value::Null);
    assert_eq!(got["body"], Value::Array(vec![]));
    assert_eq!(got["captions"], Value::Array(vec![]));
}

#[test]
fn a_binary_file_is_refused_and_the_others_processed() {
    let dir = scratch("binary");
    let binary = dir.join("image.bin");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    std::fs::write(&binary, &bytes).unwrap();
    let good = seed_003();
    let o = run(&["--format", "jsonl", s(&binary), s(&good)]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    assert!(
        err.contains("image.bin") && err.contains("binary"),
        "stderr: {err}"
    );
    let records: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "one record per input");
    assert!(records[0]["error"].as_str().unwrap().contains("binary"));
    assert!(records[1]["body"].is_array(), "the text file is still read");
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["--format", "yaml", s(&seed_003())]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("yaml"));
    assert!(stdout(&o).is_empty());
}

/// Sentence A: 22 tokens. Sentence B: 16 tokens (count them again if you
/// edit either: the figures below depend on it). Both plain English prose
/// that the extractor keeps whole as one body line.
const SENTENCE_A: &str = "The council said on Tuesday that the new bridge over the river will open to traffic in the spring of next year.";
const SENTENCE_B: &str =
    "Residents of the harbour district have waited almost ten years for a safer way to cross.";
const EXTRA: &str = "More work begins soon.";
const MISSING_TRUTH: &str = "This document has a truth but no text file at all.";

/// A dataset with four documents:
///
/// - `a`: prediction = truth (22 tokens, 19 shingles): P 1, R 1, exact;
/// - `b`: the truth has 4 tokens more than the prediction (16 tokens):
///   truth 17 shingles, prediction 13, all shared: P 1, R 13/17;
/// - `c`: text file missing, empty prediction: no precision, R 0;
/// - `d`: empty truth, prediction B: P 0, no recall.
///
/// Precision = mean(1, 1, 0) = 2/3; recall = mean(1, 13/17, 0) = 10/17;
/// F1 = 2PR/(P+R) = (40/51)/(64/51) = 0.625; accuracy = 1/4.
fn tiny_dataset(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::write(
        dir.join("text/a.txt"),
        format!("{SENTENCE_A}\nComment (0)\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("text/b.txt"),
        format!("{SENTENCE_B}\nComment (0)\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("text/d.txt"),
        format!("{SENTENCE_B}\nComment (0)\n"),
    )
    .unwrap();
    let truth = [
        ("a", SENTENCE_A.to_string()),
        ("b", format!("{SENTENCE_B}\n{EXTRA}")),
        ("c", MISSING_TRUTH.to_string()),
        ("d", String::new()),
    ];
    let mut jsonl = String::new();
    for (id, body) in truth {
        let line = serde_json::json!({"id": id, "url": format!("https://example.org/{id}"), "title": "", "body": body});
        jsonl.push_str(&format!("{line}\n"));
    }
    std::fs::write(dir.join("truth.jsonl"), jsonl).unwrap();
    dir
}

#[test]
fn eval_prints_the_benchmark_figures() {
    let dir = tiny_dataset("eval-text");
    let predictions = dir.join("predictions.jsonl");
    let o = run(&[
        "eval",
        s(&dir),
        "--worst",
        "2",
        "--predictions",
        s(&predictions),
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    // The hand computation assumes these predictions; check them first so a
    // change in extraction is not mistaken for a change in scoring.
    let predicted: Vec<Value> = std::fs::read_to_string(&predictions)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let body_of = |id: &str| {
        predicted
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("no prediction for {id}"))["body"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(body_of("a"), SENTENCE_A);
    assert_eq!(body_of("b"), SENTENCE_B);
    assert_eq!(body_of("c"), "");
    assert_eq!(body_of("d"), SENTENCE_B);

    let out = stdout(&o);
    let mut lines = out.lines();
    let head = lines.next().unwrap();
    assert!(
        head.contains("(4 documents, input text, 1 missing)"),
        "{out}"
    );
    assert_eq!(
        lines.next().unwrap(),
        "precision 0.667  recall 0.588  F1 0.625  accuracy 0.250",
        "{out}"
    );
    // Worst two: c and d both score F1 0; ties go by id.
    let worst: Vec<&str> = lines.map(str::trim).collect();
    assert_eq!(
        worst,
        [
            "c  F1 0.000  P 0.000  R 0.000",
            "d  F1 0.000  P 0.000  R 0.000"
        ],
        "{out}"
    );
}

#[test]
fn eval_json_and_min_f1() {
    let dir = tiny_dataset("eval-json");
    let o = run(&["eval", s(&dir), "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    let summary = &v["summary"];
    let close = |key: &str, want: f64| {
        let got = summary[key].as_f64().unwrap();
        assert!((got - want).abs() < 1e-9, "{key}: {got} != {want}");
    };
    close("precision", 2.0 / 3.0);
    close("recall", 10.0 / 17.0);
    close("f1", 0.625);
    close("accuracy", 0.25);
    assert_eq!(summary["documents"], 4);
    assert_eq!(v["missing"], 1);

    let pass = run(&["eval", s(&dir), "--min-f1", "0.62"]);
    assert_eq!(code(&pass), 0, "F1 0.625 meets a floor of 0.62");
    let fail = run(&["eval", s(&dir), "--min-f1", "0.63"]);
    assert_eq!(code(&fail), 1, "F1 0.625 misses a floor of 0.63");
    assert!(
        stderr(&fail).contains("below the floor"),
        "{}",
        stderr(&fail)
    );
    // The figures are still printed when the floor is missed.
    assert!(stdout(&fail).contains("F1 0.625"));
}

#[test]
fn eval_without_truth_is_an_error() {
    let dir = scratch("eval-empty");
    let o = run(&["eval", s(&dir)]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("dechrome:"), "{}", stderr(&o));
}
