//! `outturn`: check and summarise `outturn/1` datasets from the command line.
//!
//! ```text
//! outturn check FILE            exit 0 valid (warnings on stderr), 1 invalid, 2 usage
//! outturn summary [--json] [--convention actual-cost|budget-cost] FILE
//! outturn export --csv FILE     the dataset as long CSV (docs/import.md)
//! outturn import [--from csv|tsv|report|xlsx|ods] INPUT [options] [-o OUT]
//!                               a table (long or wide) to outturn/1
//! ```
//! Problems print one per line on stderr, each starting with its JSON path.
//! The command never exits with Rust's panic code 101: a panic hook reports
//! the failure and exits 70 (EX_SOFTWARE).

mod import;
mod spreadsheet;

use std::io::Write as _;
use std::process::ExitCode;

use outturn_core::analysis::CostConvention;
use outturn_core::import::{
    export_long_csv, financial_year_name, year_value_from_name, ColumnMap, PeriodKind,
};
use outturn_core::model::Polarity;
use outturn_core::summary::{summary_json, summary_table};
use std::io::Read as _;

use outturn_core::{decode_text, parse_dataset, too_large, Dataset, Diagnostic, MAX_INPUT_BYTES};

const USAGE: &str = "\
usage: outturn check FILE
       outturn summary [--json] [--convention actual-cost|budget-cost] FILE
       outturn export --csv FILE
       outturn import [--from csv|tsv|report|xlsx|ods] INPUT [--sheet NAME]
                      [--id ID] [--title TITLE]
                      [--unit UNIT] [--period month|quarter|term|year]
                      [--year-value sum|last|mean|none]
                      [--polarity higher-is-better|lower-is-better|neutral]
                      [--unit-cost ID] [--parent ID] [--map COLUMN=SERIES ...]
                      [--year 2011-12] [--last-round YYYY-MM]
                      [--into DATASET.json] [-o OUT.json]

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
  import    read a table into a checked outturn/1 dataset, written to
            -o OUT.json or standard output: the long form (docs/import.md),
            or a table as a report prints it (periods down or across, years
            over series, a TOTAL row). --from: csv, tsv, report (text
            copied from a report), xlsx, xls or ods (a spreadsheet's sheet:
            the first, or --sheet NAME); default from the extension (.csv,
            .tsv, .txt, .xlsx, .xls, .ods), else from the text. --map C=actual or
            --map \"Affordable Level=budget\" says what a column holds
            (budget, actual, forecast, target, floor, rag, benchmark,
            numerator, denominator, skip). A table of parts (a row per
            portfolio, with subtotals and totals) gives an indicator per
            row, each total the parent of the rows that add up to it;
            --year gives its year if it names none, --last-round the month
            of the last report whose variance it prints. --into adds the
            indicators to a
            dataset, replacing those with the same id (give the same file
            to -o to update it). What was recognised and left out is
            printed on stderr; problems name their cell (row 7, column C);
            exit 1 on any
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
    Import(Box<import::ImportArgs>),
    Help,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut words = args.iter().map(String::as_str);
    let command = words.next().ok_or("no command given")?;
    let mut file = None;
    let mut json = false;
    let mut convention = CostConvention::default();
    let mut csv = false;
    let mut import = import::ImportArgs::default();
    while let Some(word) = words.next() {
        let importing = command == "import";
        match word {
            "--json" if command == "summary" => json = true,
            "--csv" if command == "export" => csv = true,
            "--from" if importing => {
                let name = words.next();
                import.from = Some(name.and_then(import::From::from_name).ok_or_else(|| {
                    format!(
                        "--from takes csv, tsv, report, xlsx, xls or ods, not {}",
                        name.unwrap_or("nothing")
                    )
                })?);
            }
            "--sheet" if importing => import.sheet = Some(value(&mut words, "--sheet")?),
            "-o" if importing => import.out = Some(value(&mut words, "-o")?),
            "--into" if importing => import.into = Some(value(&mut words, "--into")?),
            "--id" if importing => import.options.id = Some(value(&mut words, "--id")?),
            "--title" if importing => import.options.title = Some(value(&mut words, "--title")?),
            "--unit" if importing => import.options.unit = Some(value(&mut words, "--unit")?),
            "--unit-cost" if importing => {
                import.options.unit_cost = Some(value(&mut words, "--unit-cost")?);
            }
            "--parent" if importing => {
                import.options.parent = Some(value(&mut words, "--parent")?);
            }
            "--period" if importing => {
                let name = value(&mut words, "--period")?;
                import.options.period = Some(PeriodKind::from_name(&name).ok_or_else(|| {
                    format!("--period takes month, quarter, term or year, not {name}")
                })?);
            }
            "--year-value" if importing => {
                let name = value(&mut words, "--year-value")?;
                import.options.year_value = Some(year_value_from_name(&name).ok_or_else(|| {
                    format!("--year-value takes sum, last, mean or none, not {name}")
                })?);
            }
            "--polarity" if importing => {
                let name = value(&mut words, "--polarity")?;
                import.options.polarity = Some(Polarity::from_slug(&name).ok_or_else(|| {
                    format!(
                        "--polarity takes higher-is-better, lower-is-better or neutral, not {name}"
                    )
                })?);
            }
            "--year" if importing => {
                let text = value(&mut words, "--year")?;
                import.options.year = Some(financial_year_name(&text).ok_or_else(|| {
                    format!("--year takes a financial year (2011-12), not {text}")
                })?);
            }
            "--last-round" if importing => {
                let text = value(&mut words, "--last-round")?;
                if outturn_core::model::CalendarMonth::parse(&text).is_none() {
                    return Err(format!(
                        "--last-round takes the month of the last report's figures (2012-03), not {text}"
                    ));
                }
                import.options.last_round = Some(text);
            }
            "--map" if importing => {
                let text = value(&mut words, "--map")?;
                import
                    .options
                    .maps
                    .push(ColumnMap::parse(&text).map_err(|e| format!("--map {e}"))?);
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
        "import" => {
            import.input = file.ok_or("import needs an INPUT")?;
            Ok(Command::Import(Box::new(import)))
        }
        other => Err(format!("unknown command {other:?}")),
    }
}

/// The value after an option (`--id ID`).
fn value<'a>(words: &mut impl Iterator<Item = &'a str>, option: &str) -> Result<String, String> {
    words
        .next()
        .map(str::to_string)
        .ok_or_else(|| format!("{option} needs a value"))
}

/// Refuses a file over the size limit before it is read.
fn within_limit(path: &str) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.len() > MAX_INPUT_BYTES as u64 => {
            let size = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
            Err(format!("{path}: {}", too_large(size)))
        }
        _ => Ok(()),
    }
}

/// Reads and decodes a file (or standard input for `-`). Too large a file
/// is refused before it is read; the encoding is checked by the core.
fn read(path: &str) -> Result<String, String> {
    if path != "-" {
        within_limit(path)?;
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
                let count = dataset.indicators.len();
                let plural = if count == 1 { "" } else { "s" };
                eprintln!("{path}: valid outturn/1 dataset with {count} indicator{plural}");
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
        Command::Import(args) => import::run(&args, read),
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
