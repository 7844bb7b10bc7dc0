//! The `dechrome` command line.
//!
//! Exit codes: 0 all inputs extracted; 1 at least one input could not be
//! read or extracted (the others are still printed), or `eval --min-f1`
//! failed; 2 usage error.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use dechrome::eval::{Counts, read_truth, score_document, summarize};
use dechrome::render::{Format, render};
use dechrome::{Extractor, Focus, InputFormat};

/// Strip site chrome from scraped articles (text dumps or HTML) and print the
/// clean article.
#[derive(Parser)]
#[command(name = "dechrome", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    extract: ExtractArgs,
}

#[derive(Args)]
struct ExtractArgs {
    /// Files or folders (read recursively); stdin when none or `-`.
    paths: Vec<PathBuf>,
    /// Output format. Default: text for one input, jsonl for several.
    #[arg(short, long, value_enum)]
    format: Option<OutputFormat>,
    /// Show every input line with its label and the reason for it.
    #[arg(long)]
    explain: bool,
    /// What to favour on doubtful lines.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    focus: FocusArg,
    /// Treat inputs as text dumps or HTML instead of guessing from content.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    input_format: InputArg,
}

#[derive(Subcommand)]
enum Command {
    /// Score extraction on a benchmark dataset (truth.jsonl plus text/ or html/).
    Eval(EvalArgs),
}

#[derive(Args)]
struct EvalArgs {
    /// The dataset folder.
    dataset: PathBuf,
    /// Which rendition of the pages to read.
    #[arg(long, value_enum, default_value_t = EvalInput::Text)]
    input: EvalInput,
    /// Also list the N documents with the lowest F1.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Print the figures as one JSON object.
    #[arg(long)]
    json: bool,
    /// Exit with 1 when F1 falls below this floor.
    #[arg(long)]
    min_f1: Option<f64>,
    /// Write the predictions as JSON lines (`{"id", "body"}`) to this file.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// What to favour on doubtful lines.
    #[arg(long, value_enum, default_value_t = FocusArg::Balanced)]
    focus: FocusArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Jsonl,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FocusArg {
    Precision,
    Balanced,
    Recall,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputArg {
    Auto,
    Text,
    Html,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum EvalInput {
    Text,
    Html,
}

impl From<FocusArg> for Focus {
    fn from(f: FocusArg) -> Focus {
        match f {
            FocusArg::Precision => Focus::Precision,
            FocusArg::Balanced => Focus::Balanced,
            FocusArg::Recall => Focus::Recall,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Eval(args)) => eval(&args),
        None => extract(&cli.extract),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`dechrome … | head`) is the reader's choice.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dechrome: {e}");
            ExitCode::from(1)
        }
    }
}

/// Files under `path`, sorted, hidden ones skipped; `path` itself if a file.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.sort();
    for entry in entries {
        let hidden = entry
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            collect_files(&entry, out)?;
        }
    }
    Ok(())
}

fn extract(args: &ExtractArgs) -> io::Result<ExitCode> {
    let input_format = match args.input_format {
        InputArg::Auto => InputFormat::Auto,
        InputArg::Text => InputFormat::Text,
        InputArg::Html => InputFormat::Html,
    };
    let extractor = Extractor::builder()
        .focus(args.focus.into())
        .explain(args.explain)
        .input_format(input_format)
        .build();
    let mut inputs = Vec::new();
    let mut failed = false;
    if args.paths.is_empty() {
        inputs.push(PathBuf::from("-"));
    }
    for path in &args.paths {
        if path.as_os_str() == "-" {
            inputs.push(path.clone());
        } else if let Err(e) = collect_files(path, &mut inputs) {
            eprintln!("dechrome: {}: {e}", path.display());
            failed = true;
        }
    }
    let format = match args.format {
        Some(OutputFormat::Text) => Format::Text,
        Some(OutputFormat::Json) => Format::Json,
        Some(OutputFormat::Jsonl) => Format::Jsonl,
        Some(OutputFormat::Markdown) => Format::Markdown,
        None if inputs.len() > 1 => Format::Jsonl,
        None => Format::Text,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (k, path) in inputs.iter().enumerate() {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut buf = Vec::new();
            io::stdin().read_to_end(&mut buf).map(|_| buf)
        } else {
            std::fs::read(path)
        };
        let article = match bytes
            .map_err(dechrome::Error::from)
            .and_then(|b| extractor.extract_bytes(&b))
        {
            Ok(article) => article,
            Err(e) => {
                eprintln!("dechrome: {name}: {e}");
                failed = true;
                // One output line per input in a stream, in order: a reader
                // pairing lines with inputs must not drift.
                if format == Format::Jsonl {
                    let record = serde_json::json!({"path": name, "error": e.to_string()});
                    writeln!(out, "{record}")?;
                }
                continue;
            }
        };
        if article.body.is_empty() && format == Format::Text {
            eprintln!("dechrome: {name}: no article text found");
        }
        if inputs.len() > 1 && matches!(format, Format::Text | Format::Markdown) {
            if k > 0 {
                writeln!(out)?;
            }
            writeln!(out, "==> {name} <==")?;
        }
        out.write_all(render(&article, format, &name).as_bytes())?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn eval(args: &EvalArgs) -> io::Result<ExitCode> {
    let truth = read_truth(&args.dataset)?;
    let extractor = Extractor::builder()
        .focus(args.focus.into())
        .input_format(match args.input {
            EvalInput::Text => InputFormat::Text,
            EvalInput::Html => InputFormat::Html,
        })
        .build();
    let (folder, ext) = match args.input {
        EvalInput::Text => ("text", "txt"),
        EvalInput::Html => ("html", "html"),
    };
    let mut rows: Vec<(String, Counts)> = Vec::with_capacity(truth.len());
    let mut predictions = String::new();
    let mut missing = 0;
    for doc in &truth {
        let path = args.dataset.join(folder).join(format!("{}.{ext}", doc.id));
        let body = match std::fs::read(&path) {
            Ok(bytes) => match extractor.extract_bytes(&bytes) {
                Ok(article) => article.body.join("\n"),
                Err(e) => {
                    eprintln!("dechrome: {}: {e}", path.display());
                    String::new()
                }
            },
            Err(_) => {
                missing += 1;
                String::new()
            }
        };
        rows.push((doc.id.clone(), score_document(&doc.body, &body)));
        if args.predictions.is_some() {
            predictions.push_str(&serde_json::json!({"id": doc.id, "body": body}).to_string());
            predictions.push('\n');
        }
    }
    if let Some(path) = &args.predictions {
        std::fs::write(path, predictions)?;
    }
    let counts: Vec<Counts> = rows.iter().map(|(_, c)| *c).collect();
    let summary = summarize(&counts);
    let mut ranked: Vec<&(String, Counts)> = rows.iter().collect();
    ranked.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(args.worst);
    let mut out = io::stdout().lock();
    if args.json {
        let worst: Vec<_> = ranked
            .iter()
            .map(|(id, c)| serde_json::json!({"id": id, "f1": c.f1(), "precision": c.precision(), "recall": c.recall()}))
            .collect();
        let value = serde_json::json!({
            "dataset": args.dataset.display().to_string(),
            "input": folder,
            "missing": missing,
            "summary": summary,
            "worst": worst,
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(
            out,
            "dataset {} ({} documents, input {folder}, {missing} missing)",
            args.dataset.display(),
            summary.documents
        )?;
        writeln!(
            out,
            "precision {:.3}  recall {:.3}  F1 {:.3}  accuracy {:.3}",
            summary.precision, summary.recall, summary.f1, summary.accuracy
        )?;
        for (id, c) in &ranked {
            writeln!(
                out,
                "  {id}  F1 {:.3}  P {:.3}  R {:.3}",
                c.f1(),
                c.precision(),
                c.recall()
            )?;
        }
    }
    if let Some(floor) = args.min_f1
        && summary.f1 < floor
    {
        eprintln!(
            "dechrome: eval F1 {:.4} is below the floor {floor}",
            summary.f1
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
