//! One way in for every kind of text a reader has: CSV or tab-separated
//! text (the long form when its header has an `indicator` column, else a
//! wide table), or text copied from a report. The command line and the
//! page both call [`import_text`], so the same table with the same options
//! gives the same dataset in both.

use serde_json::Value;

use super::long::import_long_csv;
use super::options::TableOptions;
use super::report::read_report;
use super::table::{import_table, Recognition};
use super::{csv_field, read_rows, ImportError};

/// What kind of text an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Comma-separated values.
    Csv,
    /// Tab-separated values (what a spreadsheet's copy gives).
    Tsv,
    /// Text copied from a report: tabs, or runs of spaces, between columns.
    Report,
}

impl Source {
    /// The `--from` word: `csv`, `tsv`, `report`.
    pub fn name(self) -> &'static str {
        match self {
            Source::Csv => "csv",
            Source::Tsv => "tsv",
            Source::Report => "report",
        }
    }

    /// What it is, in words: "CSV", "tab-separated text", "report text".
    pub fn label(self) -> &'static str {
        match self {
            Source::Csv => "CSV",
            Source::Tsv => "tab-separated text",
            Source::Report => "report text",
        }
    }

    /// Parses [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Self> {
        [Source::Csv, Source::Tsv, Source::Report]
            .into_iter()
            .find(|source| source.name() == name)
    }

    /// What a pasted text most plainly is: tab-separated if any line has a
    /// tab, CSV if its first line with text has a comma outside a number
    /// and no run of spaces, report text otherwise. Always said back to the
    /// reader, who can choose otherwise.
    pub fn sniff(text: &str) -> Self {
        if text.contains('\t') {
            return Source::Tsv;
        }
        let first = text
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("");
        let separating_comma = first.contains(", ")
            || first.split(',').count() > 2 && !first.contains("  ")
            || first.starts_with(',');
        if separating_comma && !first.contains("  ") {
            Source::Csv
        } else {
            Source::Report
        }
    }
}

/// A table read in: the `outturn/1` document (not yet checked: read it
/// with [`crate::parse_dataset`]), what was left out or flagged, and, for a
/// wide table, how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The `outturn/1` document.
    pub dataset: Value,
    /// What was left out or flagged, each with its cell.
    pub warnings: Vec<ImportError>,
    /// How a wide table's rows and columns were read (`None` for the long
    /// form, which says what each column is in its header).
    pub recognition: Option<Recognition>,
}

/// Reads `text` as `source`. The long form (a header with an `indicator`
/// column) takes no options: its columns say everything.
pub fn import_text(
    text: &str,
    source: Source,
    options: &TableOptions,
) -> Result<Imported, Vec<ImportError>> {
    let rows = match source {
        Source::Csv => read_rows(text, ',').map_err(|e| vec![e])?,
        Source::Tsv => read_rows(text, '\t').map_err(|e| vec![e])?,
        Source::Report => read_report(text),
    };
    import_rows(&rows, options, source != Source::Report)
}

/// The most problems (or warnings) reported of one import: a table of
/// thousands of bad rows is told in its first [`MOST_PROBLEMS`], and a count
/// of the rest.
pub const MOST_PROBLEMS: usize = 50;

fn at_most(mut problems: Vec<ImportError>, what: &str) -> Vec<ImportError> {
    if problems.len() > MOST_PROBLEMS {
        let rest = problems.len() - MOST_PROBLEMS;
        problems.truncate(MOST_PROBLEMS);
        problems.push(ImportError::input(format!(
            "and {rest} more {what} like these"
        )));
    }
    problems
}

/// Reads rows of cells (from CSV, a spreadsheet's sheet, report text): the
/// long form when `long_form_allowed` and the header has an `indicator`
/// column, else a wide table.
pub fn import_rows(
    rows: &[Vec<String>],
    options: &TableOptions,
    long_form_allowed: bool,
) -> Result<Imported, Vec<ImportError>> {
    read_rows_as_table(rows, options, long_form_allowed)
        .map(|mut imported| {
            imported.warnings = at_most(imported.warnings, "warnings");
            imported
        })
        .map_err(|errors| at_most(errors, "problems"))
}

fn read_rows_as_table(
    rows: &[Vec<String>],
    options: &TableOptions,
    long_form_allowed: bool,
) -> Result<Imported, Vec<ImportError>> {
    let long = rows
        .iter()
        .find(|row| row.iter().any(|c| !c.trim().is_empty()))
        .is_some_and(|header| {
            header
                .iter()
                .any(|c| crate::format::lower(c.trim()) == "indicator")
        });
    if long && long_form_allowed {
        if *options != TableOptions::default() {
            return Err(vec![ImportError::input(
                "this is the long form (its header has an \"indicator\" column), whose columns say everything: leave out --id, --title, --unit, --period, --map and the like",
            )]);
        }
        // Written back as CSV, row for row, so cells keep their names.
        let text: String = rows
            .iter()
            .map(|row| {
                let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
                cells.join(",") + "\n"
            })
            .collect();
        let (dataset, warnings) = import_long_csv(&text, ',')?;
        return Ok(Imported {
            dataset,
            warnings,
            recognition: None,
        });
    }
    let table = import_table(rows, options)?;
    Ok(Imported {
        dataset: table.dataset,
        warnings: table.warnings,
        recognition: Some(table.recognition),
    })
}

/// Adds the imported document's indicators to `into` (an `outturn/1`
/// document), replacing any with the same id in place; the others keep
/// their order and the new ones follow. `into`'s title and other fields
/// stay.
pub fn merge_into(into: &Value, imported: &Value) -> Result<Value, ImportError> {
    let mut merged = into.clone();
    let Some(list) = merged.get_mut("indicators").and_then(Value::as_array_mut) else {
        return Err(ImportError::input(
            "the dataset given to add to has no \"indicators\" list",
        ));
    };
    let new = imported
        .get("indicators")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for indicator in new {
        let id = indicator.get("id").cloned();
        match list
            .iter_mut()
            .find(|existing| existing.get("id") == id.as_ref())
        {
            Some(existing) => *existing = indicator,
            None => list.push(indicator),
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pasted_text_is_read_as_what_it_plainly_is() {
        assert_eq!(Source::sniff("April\t1\t2"), Source::Tsv);
        assert_eq!(Source::sniff("month,budget,actual\nApril,1,2"), Source::Csv);
        assert_eq!(
            Source::sniff(",2009-10,2010-11\nApril,\"3,660\",1"),
            Source::Csv
        );
        assert_eq!(Source::sniff("April    3,660    3,889"), Source::Report);
        assert_eq!(Source::sniff("April 3,660"), Source::Report);
    }

    #[test]
    fn merging_replaces_by_id_and_keeps_order() {
        let into = json!({"format": "outturn/1", "title": "T", "indicators": [
            {"id": "a", "n": 1}, {"id": "b", "n": 1}]});
        let imported = json!({"indicators": [{"id": "b", "n": 2}, {"id": "c", "n": 2}]});
        let merged = merge_into(&into, &imported).unwrap();
        assert_eq!(merged["title"], "T");
        assert_eq!(
            merged["indicators"],
            json!([{"id": "a", "n": 1}, {"id": "b", "n": 2}, {"id": "c", "n": 2}])
        );
        assert!(merge_into(&json!({}), &imported).is_err());
    }
}
