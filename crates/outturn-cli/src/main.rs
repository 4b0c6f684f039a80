//! `outturn`: check and summarise `outturn/1` datasets from the command line.
//!
//! ```text
//! outturn check FILE            exit 0 valid (warnings on stderr), 1 invalid, 2 usage
//! outturn summary [--json] [--convention actual-cost|budget-cost] FILE
//! ```
//! Problems print one per line on stderr, each starting with its JSON path.
//! The command never exits with Rust's panic code 101: a panic hook reports
//! the failure and exits 70 (EX_SOFTWARE).

use std::io::Write as _;
use std::process::ExitCode;

use outturn_core::analysis::CostConvention;
use outturn_core::summary::{summary_json, summary_table};
use std::io::Read as _;

use outturn_core::{decode_text, parse_dataset, too_large, Dataset, Diagnostic, MAX_INPUT_BYTES};

const USAGE: &str = "\
usage: outturn check FILE
       outturn summary [--json] [--convention actual-cost|budget-cost] FILE

  check     validate an outturn/1 dataset; exit 0 when valid (warnings on
            stderr), 1 when invalid (one problem per line on stderr, each
            starting with its JSON path), 2 on usage errors
  summary   print every indicator's year figures: budget, budget to date,
            actual, forecast, variance (over the periods with both figures;
            percentage points for %) and the cost effect (volume and price,
            in pounds) as a table, or as JSON with --json
            --convention actual-cost (default): volume priced at the actual
            unit cost, price at the affordable volume; budget-cost: volume at
            the affordable unit cost, price at the actual volume
  FILE      a path, or - for standard input";

/// Exit code for a failure inside the program itself (sysexits EX_SOFTWARE).
const EXIT_INTERNAL: i32 = 70;

enum Command {
    Check(String),
    Summary {
        file: String,
        json: bool,
        convention: CostConvention,
    },
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut words = args.iter().map(String::as_str);
    let command = words.next().ok_or("no command given")?;
    let mut file = None;
    let mut json = false;
    let mut convention = CostConvention::default();
    while let Some(word) = words.next() {
        match word {
            "--json" if command == "summary" => json = true,
            "--convention" if command == "summary" => {
                let word = words.next();
                convention = word.and_then(CostConvention::from_slug).ok_or_else(|| {
                    format!(
                        "--convention takes {}, not {}",
                        CostConvention::ALL.map(CostConvention::slug).join(" or "),
                        word.unwrap_or("nothing")
                    )
                })?;
            }
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    match command {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "check" => Ok(Command::Check(file.ok_or("check needs a FILE")?)),
        "summary" => Ok(Command::Summary {
            file: file.ok_or("summary needs a FILE")?,
            json,
            convention,
        }),
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Reads and decodes a file (or standard input for `-`). Too large a file
/// is refused before it is read; the encoding is checked by the core.
fn read(path: &str) -> Result<String, String> {
    if path != "-" {
        if let Ok(metadata) = std::fs::metadata(path) {
            if metadata.len() > MAX_INPUT_BYTES as u64 {
                let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
                return Err(format!("{path}: {}", too_large(size)));
            }
        }
    }
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::stdin().take(MAX_INPUT_BYTES as u64 + 1),
            &mut bytes,
        )
        .map(|_| bytes)
    } else {
        std::fs::read(path)
    }
    .map_err(|error| format!("{path}: cannot read: {error}"))?;
    decode_text(&bytes).map_err(|problem| format!("{problem}"))
}

fn report(problems: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(stderr, "{problem}");
    }
}

/// Loads and validates; on failure prints the problems and returns exit code 1.
fn load(path: &str) -> Result<Dataset, ExitCode> {
    let text = read(path).map_err(|message| {
        eprintln!("{message}");
        ExitCode::from(1)
    })?;
    match parse_dataset(&text) {
        Ok(parsed) => {
            report(&parsed.warnings);
            Ok(parsed.dataset)
        }
        Err(error) => {
            report(&error.diagnostics);
            Err(ExitCode::from(1))
        }
    }
}

fn run(args: &[String]) -> ExitCode {
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("outturn: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Check(path) => match load(&path) {
            Ok(dataset) => {
                eprintln!(
                    "{path}: valid outturn/1 dataset with {} indicators",
                    dataset.indicators.len()
                );
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Summary {
            file,
            json,
            convention,
        } => match load(&file) {
            Ok(dataset) => {
                let output = if json {
                    let mut text = summary_json(&dataset, convention).to_string();
                    text.push('\n');
                    text
                } else {
                    summary_table(&dataset, convention)
                };
                // A closed pipe (`| head`) is not an error worth a message.
                let _ = std::io::stdout().lock().write_all(output.as_bytes());
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("outturn: internal error: {info}. Please report this with the input file.");
        std::process::exit(EXIT_INTERNAL);
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    run(&args)
}
