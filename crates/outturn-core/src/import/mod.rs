//! Bringing data in from the tables councils have (issue 18): rows of
//! cells read from CSV or from text copied out of a report, UK numbers and
//! period names as reports print them, wide tables read the way the report
//! reads them ([`import_table`]: periods down or across, years spanning
//! series, printed totals), and the long CSV form of `outturn/1` (one row
//! per indicator, year and period) that `outturn export --csv` writes and
//! `outturn import` reads back, field for field. [`import_text`] is the
//! one way in for the command line and the page. An import builds
//! `outturn/1` JSON, which the caller reads with [`crate::parse_dataset`],
//! so what it gives is checked like any file.
//!
//! Every problem names its cell the way a spreadsheet does ("row 7, column
//! C": rows are the input's lines counted from 1, columns lettered from A),
//! with the cell's text and what would resolve it. Nothing is guessed
//! silently.

mod csv;
mod draft;
mod long;
mod number;
mod options;
mod parts;
mod periods;
mod report;
mod source;
mod table;
mod words;

pub use csv::{csv_field, read_rows};
pub use draft::{
    dataset_text, embed_snippet, Draft, DraftAction, DraftDataset, DraftReading, PanelImport,
    PanelLine, PanelReading,
};
pub use long::{export_long_csv, import_long_csv};
pub use number::parse_uk_number;
pub use options::{year_value_from_name, ColumnMap, ColumnRef, PeriodKind, Series, TableOptions};
pub use periods::{financial_year_name, period_name, PeriodName};
pub use report::read_report;
pub use source::{import_rows, import_text, merge_into, Imported, Source, MOST_PROBLEMS};
pub use table::{
    import_table, Layout, LineReading, Place, ReadBy, Recognition, RowReading, RowRole, TableImport,
};

use std::fmt;

/// A problem with one cell (or the whole input) of an imported table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The row, counted from 1; `None` for the input as a whole.
    pub row: Option<usize>,
    /// The column, counted from 0 (shown as a letter); `None` for a whole row.
    pub column: Option<usize>,
    /// What is wrong, and what would resolve it.
    pub message: String,
}

impl ImportError {
    /// A problem with the cell at `row` (from 1) and `column` (from 0).
    pub fn at(row: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: Some(column),
            message: message.into(),
        }
    }

    /// A problem with a whole row.
    pub fn row(row: usize, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            column: None,
            message: message.into(),
        }
    }

    /// A problem with the whole input.
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            row: None,
            column: None,
            message: message.into(),
        }
    }
}

/// "row 7, column C: ..." (or "row 7: ...", or the message alone).
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column) {
            (Some(row), Some(column)) => {
                write!(
                    f,
                    "row {row}, column {}: {}",
                    column_letters(column),
                    self.message
                )
            }
            (Some(row), None) => write!(f, "row {row}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// A column's letters as a spreadsheet names it: 0 → `A`, 25 → `Z`, 26 →
/// `AA`.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(
            ImportError::at(7, 2, "not a number").to_string(),
            "row 7, column C: not a number"
        );
        assert_eq!(ImportError::row(3, "blank").to_string(), "row 3: blank");
        assert_eq!(ImportError::input("empty").to_string(), "empty");
    }
}
