//! `outturn`: check and summarise `outturn/1` datasets from the command line.
//!
//! ```text
//! outturn check FILE            exit 0 valid (warnings on stderr), 1 invalid, 2 usage
//! outturn summary [--json] [--convention actual-cost|budget-cost] FILE
//! outturn export --csv FILE     the dataset as long CSV (docs/import.md)
//! outturn import [--from csv|tsv] INPUT [-o OUT]   long CSV to outturn/1
//! ```
//! Problems print one per line on stderr, each starting with its JSON path.
//! The command never exits with Rust's panic code 101: a panic hook reports
//! the failure and exits 70 (EX_SOFTWARE).

use std::io::Write as _;
use std::process::ExitCode;

use outturn_core::analysis::CostConvention;
use outturn_core::import::{export_long_csv, import_long_csv};
use outturn_core::summary::{summary_json, summary_table};
use std::io::Read as _;

use outturn_core::{decode_text, parse_dataset, too_large, Dataset, Diagnostic, MAX_INPUT_BYTES};

const USAGE: &str = "\
usage: outturn check FILE
       outturn summary [--json] [--convention actual-cost|budget-cost] FILE
       outturn export --csv FILE
       outturn import [--from csv|tsv] INPUT [-o OUT.json]

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
  export    write the dataset as long CSV: one row per indicator, year and
            period (docs/import.md)
  import    read long CSV (a comma, or a tab with --from tsv) into a checked
            outturn/1 dataset, written to -o OUT.json or standard output;
            problems name their cell (row 7, column C); exit 1 on any
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
    Export(String),
    Import {
        input: String,
        separator: char,
        out: Option<String>,
    },
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut words = args.iter().map(String::as_str);
    let command = words.next().ok_or("no command given")?;
    let mut file = None;
    let mut json = false;
    let mut convention = CostConvention::default();
    let mut csv = false;
    let mut separator = ',';
    let mut out = None;
    while let Some(word) = words.next() {
        match word {
            "--json" if command == "summary" => json = true,
            "--csv" if command == "export" => csv = true,
            "--from" if command == "import" => {
                separator = match words.next() {
                    Some("csv") => ',',
                    Some("tsv") => '\t',
                    other => {
                        return Err(format!(
                            "--from takes csv or tsv (spreadsheets and report text are not read yet), not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                };
            }
            "-o" if command == "import" => {
                out = Some(words.next().ok_or("-o needs a file name")?.to_string());
            }
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
            flag if flag.starts_with("--") || flag == "-o" => {
                return Err(format!("unknown option {flag}"))
            }
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
        "export" if csv => Ok(Command::Export(file.ok_or("export needs a FILE")?)),
        "export" => Err("export needs --csv (the one form it writes)".to_string()),
        "import" => Ok(Command::Import {
            input: file.ok_or("import needs an INPUT")?,
            separator,
            out,
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
        Command::Export(path) => match load(&path) {
            Ok(dataset) => {
                let _ = std::io::stdout()
                    .lock()
                    .write_all(export_long_csv(&dataset).as_bytes());
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Import {
            input,
            separator,
            out,
        } => import(&input, separator, out.as_deref()),
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

/// `outturn import`: long CSV to a checked dataset; problems on stderr
/// (cells named as a spreadsheet names them), exit 1 on any.
fn import(input: &str, separator: char, out: Option<&str>) -> ExitCode {
    let text = match read(input) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let (document, warnings) = match import_long_csv(&text, separator) {
        Ok(found) => found,
        Err(errors) => {
            for error in errors {
                eprintln!("{input}: {error}");
            }
            return ExitCode::from(1);
        }
    };
    for warning in warnings {
        eprintln!("{input}: warning: {warning}");
    }
    let text = document.to_string();
    // The result is read like any file, so what is written is checked.
    if let Err(error) = parse_dataset(&text) {
        report(&error.diagnostics);
        return ExitCode::from(1);
    }
    let pretty = serde_json::to_string_pretty(&document).unwrap_or(text) + "\n";
    let written = match out {
        Some(path) => {
            std::fs::write(path, pretty).map_err(|e| format!("{path}: cannot write: {e}"))
        }
        None => {
            let _ = std::io::stdout().lock().write_all(pretty.as_bytes());
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
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
