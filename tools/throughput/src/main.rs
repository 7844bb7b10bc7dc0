//! Throughput of dechrome and dom_smoothie, side by side in one run, on one
//! thread.
//!
//! Every input file is read into memory first; then, per input kind, each
//! engine runs one warm-up round over all files, and N timed rounds follow
//! in which the engines take turns (dechrome, then dom_smoothie, round after
//! round), so that a noisy neighbour on a shared machine slows both alike.
//! The table shows each engine's median round; the ratio line gives the
//! median of the per-round ratios and their range. MB are 10^6 bytes of
//! input as stored on disk.
//!
//! ```text
//! throughput [--rounds N] [--html PATH]... [--text PATH]... [--engine NAME]...
//! throughput --make-big DIR [--html PATH]... [--text PATH]...
//! ```
//!
//! `--make-big DIR` instead writes DIR/big.html (~10 MB: the bodies of the
//! input pages, cycled, in one valid page) and DIR/big.txt (~50 MB on one
//! line: the text dumps' lines joined by spaces, cycled), for measuring
//! peak memory (see peak-memory.sh). They are generated, never committed.
//!
//! PATH is a file or a folder (its `.html`/`.htm` or `.txt` files, not
//! recursive). Defaults: 5 rounds, /work/shared/bench/scrapinghub/html and
//! /work/shared/bench/scrapinghub/text, both engines. Pin the process to one
//! core with `taskset -c 0` (run.sh does).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const DEFAULT_DATASET: &str = "/work/shared/bench/scrapinghub";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Html,
    Text,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Html => "html",
            Kind::Text => "text",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Engine {
    Dechrome,
    DomSmoothie,
    /// html5ever's parse alone (into scraper's tree; dechrome builds a
    /// lighter one of its own) of the whole page: a floor for any extractor
    /// built on html5ever. Only when asked for with `--engine html5ever`.
    Html5ever,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Dechrome => "dechrome",
            Engine::DomSmoothie => "dom_smoothie",
            Engine::Html5ever => "html5ever",
        }
    }

    fn parse(s: &str) -> Option<Engine> {
        match s {
            "dechrome" => Some(Engine::Dechrome),
            "dom_smoothie" | "dom-smoothie" => Some(Engine::DomSmoothie),
            "html5ever" => Some(Engine::Html5ever),
            _ => None,
        }
    }

    /// dom_smoothie and html5ever read HTML only.
    fn reads(self, kind: Kind) -> bool {
        self == Engine::Dechrome || kind == Kind::Html
    }
}

struct Options {
    rounds: usize,
    html: Vec<PathBuf>,
    text: Vec<PathBuf>,
    engines: Vec<Engine>,
    make_big: Option<PathBuf>,
    /// Time rounds by the thread's CPU time, not the wall clock.
    cpu_time: bool,
}

const USAGE: &str = "usage: throughput [--rounds N] [--html PATH]... [--text PATH]... \
[--engine dechrome|dom_smoothie|html5ever]... [--cpu-time]\n\
       throughput --make-big DIR [--html PATH]... [--text PATH]...\n\
PATH: a file or a folder of .html/.htm (--html) or .txt (--text) files.\n\
Defaults: --rounds 5, the scrapinghub html/ and text/ folders, both engines.\n\
Giving --html only (or --text only) skips the other kind.\n\
--cpu-time times rounds by the thread's CPU time (CLOCK_THREAD_CPUTIME_ID)\n\
instead of the wall clock: time the machine gives to other jobs is left out.";

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        rounds: 5,
        html: Vec::new(),
        text: Vec::new(),
        engines: Vec::new(),
        make_big: None,
        cpu_time: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--rounds" => {
                let v = value()?;
                options.rounds = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--rounds: not a positive number: {v}"))?;
            }
            "--html" => options.html.push(value()?.into()),
            "--text" => options.text.push(value()?.into()),
            "--engine" => {
                let v = value()?;
                options
                    .engines
                    .push(Engine::parse(&v).ok_or(format!("unknown engine: {v}"))?);
            }
            "--make-big" => options.make_big = Some(value()?.into()),
            "--cpu-time" => options.cpu_time = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument: {arg}\n{USAGE}")),
        }
    }
    if options.html.is_empty() && options.text.is_empty() {
        options.html.push(Path::new(DEFAULT_DATASET).join("html"));
        options.text.push(Path::new(DEFAULT_DATASET).join("text"));
    }
    if options.engines.is_empty() {
        options.engines = vec![Engine::Dechrome, Engine::DomSmoothie];
    }
    Ok(options)
}

/// Reads every file named, or every file with one of `extensions` in a
/// named folder, sorted by path.
fn load(paths: &[PathBuf], extensions: &[&str]) -> Result<Vec<Vec<u8>>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| extensions.contains(&e))
                })
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect()
}

/// What one pass over all files produced, so the work can't be optimised
/// away and failures are counted.
#[derive(Default)]
struct Tally {
    output_bytes: usize,
    failures: usize,
}

fn run_dechrome(extractor: &dechrome::Extractor, files: &[Vec<u8>]) -> Tally {
    let mut tally = Tally::default();
    for bytes in files {
        match extractor.extract_bytes(black_box(bytes)) {
            Ok(article) => {
                tally.output_bytes += article.body.iter().map(String::len).sum::<usize>();
                black_box(&article);
            }
            Err(_) => tally.failures += 1,
        }
    }
    tally
}

fn run_dom_smoothie(files: &[Vec<u8>]) -> Tally {
    let mut tally = Tally::default();
    for bytes in files {
        // dom_smoothie takes a &str: decoding is part of its work, as it is
        // part of dechrome's `extract_bytes`.
        let html = String::from_utf8_lossy(black_box(bytes));
        let config = dom_smoothie::Config {
            text_mode: dom_smoothie::TextMode::Formatted,
            ..Default::default()
        };
        let result = dom_smoothie::Readability::new(html.as_ref(), None, Some(config))
            .and_then(|mut readability| readability.parse());
        match result {
            Ok(article) => {
                tally.output_bytes += article.text_content.len();
                black_box(&article);
            }
            Err(_) => tally.failures += 1,
        }
    }
    tally
}

fn run_html5ever(files: &[Vec<u8>]) -> Tally {
    let mut tally = Tally::default();
    for bytes in files {
        let html = String::from_utf8_lossy(black_box(bytes));
        let tree = scraper::Html::parse_document(html.as_ref());
        tally.output_bytes += tree.tree.values().count();
        black_box(&tree);
    }
    tally
}

/// A start time on the wall clock or on the thread's CPU clock.
enum Clock {
    Wall(Instant),
    ThreadCpu(f64),
}

impl Clock {
    fn now(cpu_time: bool) -> Clock {
        if cpu_time {
            Clock::ThreadCpu(thread_cpu_seconds())
        } else {
            Clock::Wall(Instant::now())
        }
    }

    /// Seconds since this start.
    fn elapsed(&self) -> f64 {
        match self {
            Clock::Wall(start) => start.elapsed().as_secs_f64(),
            Clock::ThreadCpu(start) => thread_cpu_seconds() - start,
        }
    }
}

/// CPU time this thread has used, in seconds (the clock Python's
/// `time.thread_time()` reads).
fn thread_cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Peak resident set size of this process in kB (Linux), if known.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

const BIG_HTML_BYTES: usize = 10_000_000;
const BIG_TEXT_BYTES: usize = 50_000_000;

/// The part of a page between its `<body ...>` tag and `</body>` (the whole
/// page when it has no body tag).
fn body_of(page: &str) -> &str {
    let lower = page.to_ascii_lowercase();
    let start = lower
        .find("<body")
        .and_then(|at| lower[at..].find('>').map(|end| at + end + 1))
        .unwrap_or(0);
    let end = lower
        .rfind("</body")
        .filter(|&e| e >= start)
        .unwrap_or(page.len());
    &page[start..end]
}

/// Writes DIR/big.html and DIR/big.txt from the loaded inputs.
fn make_big(dir: &Path, inputs: &[(Kind, Vec<Vec<u8>>)]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (kind, files) in inputs {
        let (name, contents) = match kind {
            Kind::Html => {
                let mut page = String::from(
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
                     <title>Many pages in one</title></head>\n<body>\n",
                );
                let bodies: Vec<String> = files
                    .iter()
                    .map(|f| body_of(&String::from_utf8_lossy(f)).to_string())
                    .collect();
                for body in bodies.iter().cycle() {
                    if page.len() >= BIG_HTML_BYTES {
                        break;
                    }
                    page.push_str("<div class=\"page\">\n");
                    page.push_str(body);
                    page.push_str("\n</div>\n");
                }
                page.push_str("</body></html>\n");
                ("big.html", page)
            }
            Kind::Text => {
                let mut line = String::new();
                let texts: Vec<String> = files
                    .iter()
                    .map(|f| {
                        String::from_utf8_lossy(f)
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                for text in texts.iter().cycle() {
                    if line.len() >= BIG_TEXT_BYTES {
                        break;
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(text);
                }
                line.push('\n');
                ("big.txt", line)
            }
        };
        let path = dir.join(name);
        std::fs::write(&path, &contents).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!(
            "wrote {} ({:.1} MB)",
            path.display(),
            contents.len() as f64 / 1e6
        );
    }
    Ok(())
}

struct Row {
    engine: Engine,
    kind: Kind,
    files: usize,
    bytes: usize,
    seconds: f64,
    failures: usize,
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::from(2);
        }
    };
    let mut inputs = Vec::new();
    for (kind, paths, extensions) in [
        (Kind::Html, &options.html, &["html", "htm"][..]),
        (Kind::Text, &options.text, &["txt"][..]),
    ] {
        if paths.is_empty() {
            continue;
        }
        match load(paths, extensions) {
            Ok(files) if files.is_empty() => {
                eprintln!("throughput: no {} files found", kind.name());
                return ExitCode::from(2);
            }
            Ok(files) => inputs.push((kind, files)),
            Err(e) => {
                eprintln!("throughput: {e}");
                return ExitCode::from(2);
            }
        }
    }

    if let Some(dir) = &options.make_big {
        return match make_big(dir, &inputs) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("throughput: {e}");
                ExitCode::FAILURE
            }
        };
    }

    let extractor = dechrome::Extractor::new();
    let mut rows = Vec::new();
    // Per-round ratios dom_smoothie seconds / dechrome seconds on HTML.
    let mut ratios = Vec::new();
    for (kind, files) in &inputs {
        let bytes: usize = files.iter().map(Vec::len).sum();
        let engines: Vec<Engine> = options
            .engines
            .iter()
            .copied()
            .filter(|e| e.reads(*kind))
            .collect();
        let pass = |engine| match engine {
            Engine::Dechrome => run_dechrome(&extractor, files),
            Engine::DomSmoothie => run_dom_smoothie(files),
            Engine::Html5ever => run_html5ever(files),
        };
        let failures: Vec<usize> = engines.iter().map(|&e| pass(e).failures).collect();
        // Rounds alternate the engines, so a noisy neighbour slows both
        // alike and the per-round ratio stays meaningful on a shared machine.
        let mut seconds = vec![Vec::with_capacity(options.rounds); engines.len()];
        for _ in 0..options.rounds {
            for (k, &engine) in engines.iter().enumerate() {
                let start = Clock::now(options.cpu_time);
                black_box(pass(engine));
                seconds[k].push(start.elapsed());
            }
            if let [Engine::Dechrome, Engine::DomSmoothie] = engines[..] {
                let (ours, theirs) = (seconds[0].last(), seconds[1].last());
                if let (Some(ours), Some(theirs)) = (ours, theirs) {
                    ratios.push(theirs / ours);
                }
            }
        }
        for (k, &engine) in engines.iter().enumerate() {
            rows.push(Row {
                engine,
                kind: *kind,
                files: files.len(),
                bytes,
                seconds: median(&mut seconds[k]),
                failures: failures[k],
            });
        }
        eprintln!("  {}: done ({} rounds)", kind.name(), options.rounds);
    }

    println!(
        "{:<13} {:<5} {:>6} {:>8} {:>9} {:>8} {:>9} {:>6}",
        "engine", "input", "files", "MB", "s/round", "MB/s", "docs/s", "errors"
    );
    for row in &rows {
        let mb = row.bytes as f64 / 1e6;
        println!(
            "{:<13} {:<5} {:>6} {:>8.2} {:>9.4} {:>8.1} {:>9.0} {:>6}",
            row.engine.name(),
            row.kind.name(),
            row.files,
            mb,
            row.seconds,
            mb / row.seconds,
            row.files as f64 / row.seconds,
            row.failures,
        );
    }
    if !ratios.is_empty() {
        let low = ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let high = ratios.iter().copied().fold(0.0, f64::max);
        println!(
            "ratio dechrome/dom_smoothie on html (MB/s): {:.2}x (median of {} interleaved rounds; range {:.2}-{:.2})",
            median(&mut ratios),
            ratios.len(),
            low,
            high
        );
    }
    println!(
        "rounds: {} (median shown, after 1 warm-up; {}); peak RSS of this process: {}",
        options.rounds,
        if options.cpu_time {
            "thread CPU time"
        } else {
            "wall clock"
        },
        peak_rss_kb().map_or("unknown".to_string(), |kb| format!(
            "{:.1} MB",
            kb as f64 / 1024.0
        ))
    );
    ExitCode::SUCCESS
}
