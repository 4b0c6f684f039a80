//! `outturn import`: a table (long or wide CSV, tab-separated text, text
//! copied from a report) read into a checked `outturn/1` dataset, optionally
//! added to an existing one. The reading itself is the core's
//! ([`outturn_core::import::import_text`]), shared with the page; this
//! module reads files, prints what was recognised and writes the result.

use std::io::Write as _;
use std::process::ExitCode;

use outturn_core::import::{
    dataset_text, import_rows, import_text, merge_into, Imported, Source, TableOptions,
};
use outturn_core::parse_dataset;
use serde_json::Value;

/// What `outturn import` was asked to do.
#[derive(Debug, Default)]
pub struct ImportArgs {
    /// The input's path, or `-` for standard input.
    pub input: String,
    /// `--from`; default: from the file's extension, else from its text.
    pub from: Option<From>,
    /// `--sheet`: the spreadsheet's sheet to read (default the first).
    pub sheet: Option<String>,
    /// What the reader says of the table.
    pub options: TableOptions,
    /// `--into`: a dataset to add the indicators to.
    pub into: Option<String>,
    /// `-o`: where to write; default standard output.
    pub out: Option<String>,
}

/// What an input is: text of some kind, or a spreadsheet file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// CSV, tab-separated or report text.
    Text(Source),
    /// Excel (`.xlsx`, `.xls`) or OpenDocument (`.ods`).
    Spreadsheet,
}

impl From {
    /// Parses a `--from` word: `csv`, `tsv`, `report`, `xlsx`, `xls`, `ods`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "xlsx" | "xls" | "ods" => Some(From::Spreadsheet),
            other => Source::from_name(other).map(From::Text),
        }
    }
}

/// What a path's extension says the input is, if it says.
fn by_extension(path: &str) -> Option<From> {
    let lower = outturn_core::format::lower(path);
    let ends = |endings: &[&str]| endings.iter().any(|e| lower.ends_with(e));
    if ends(&[".csv"]) {
        Some(From::Text(Source::Csv))
    } else if ends(&[".tsv", ".tab"]) {
        Some(From::Text(Source::Tsv))
    } else if ends(&[".txt"]) {
        Some(From::Text(Source::Report))
    } else if ends(&[".xlsx", ".xlsm", ".xls", ".ods"]) {
        Some(From::Spreadsheet)
    } else {
        None
    }
}

/// Runs the import; exit 0 with the dataset written, 1 with every problem
/// on standard error (cells named as a spreadsheet names them).
pub fn run(args: &ImportArgs, read: impl Fn(&str) -> Result<String, String>) -> ExitCode {
    let input = args.input.as_str();
    let from = args.from.or_else(|| by_extension(input));
    let (imported, read_as) = match from {
        Some(From::Spreadsheet) => {
            if input == "-" {
                eprintln!("-: a spreadsheet is read from a file: give its path");
                return ExitCode::from(1);
            }
            if let Err(message) = crate::within_limit(input) {
                eprintln!("{message}");
                return ExitCode::from(1);
            }
            let rows = match crate::spreadsheet::read_sheet(input, args.sheet.as_deref()) {
                Ok(rows) => rows,
                Err(message) => {
                    eprintln!("{message}");
                    return ExitCode::from(1);
                }
            };
            (
                import_rows(&rows, &args.options, true),
                "a spreadsheet".to_string(),
            )
        }
        other => {
            let text = match read(input) {
                Ok(text) => text,
                Err(message) => {
                    eprintln!("{message}");
                    return ExitCode::from(1);
                }
            };
            let source = match other {
                Some(From::Text(source)) => source,
                _ => Source::sniff(&text),
            };
            (
                import_text(&text, source, &args.options),
                format!("{} text", source.name()),
            )
        }
    };
    let imported: Imported = match imported {
        Ok(imported) => imported,
        Err(errors) => {
            for error in errors {
                eprintln!("{input}: {error}");
            }
            return ExitCode::from(1);
        }
    };
    if let Some(recognition) = &imported.recognition {
        eprintln!("{input}: read as {read_as}");
        for line in recognition.describe() {
            eprintln!("  {line}");
        }
    }
    for warning in &imported.warnings {
        eprintln!("{input}: warning: {warning}");
    }
    let document = match &args.into {
        Some(path) => {
            let existing = read(path).and_then(|text| {
                serde_json::from_str::<Value>(&text).map_err(|e| format!("{path}: not JSON: {e}"))
            });
            match existing.and_then(|existing| {
                merge_into(&existing, &imported.dataset).map_err(|e| format!("{path}: {e}"))
            }) {
                Ok(merged) => merged,
                Err(message) => {
                    eprintln!("{message}");
                    return ExitCode::from(1);
                }
            }
        }
        None => imported.dataset,
    };
    let text = document.to_string();
    // The result is read like any file, so what is written is checked.
    match parse_dataset(&text) {
        Ok(parsed) => crate::report(&parsed.warnings),
        Err(error) => {
            crate::report(&error.diagnostics);
            return ExitCode::from(1);
        }
    }
    // The page's "Download outturn/1 JSON" writes this same text.
    let pretty = dataset_text(&document);
    let written = match &args.out {
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
