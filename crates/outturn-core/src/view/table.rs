//! A chart's figures as a table (the same rows as its tooltips) and as CSV.

use std::ops::Range;

use super::Panel;
use crate::format::{format_number, PointDetail};

/// A panel's numbers as a table: one row per x position, one column per
/// figure its tooltips show, so the table and the chart always agree.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelTable {
    /// Caption: the panel's title.
    pub caption: String,
    /// What the rows are, the CSV's first heading: "Period" for a chart's
    /// table, "Part" for a breakdown.
    pub heading: &'static str,
    /// Column headings after the row heading.
    pub columns: Vec<String>,
    /// Row heading and one cell per column ("" where a row lacks it).
    pub rows: Vec<(String, Vec<String>)>,
    /// Rows for the year's totals, laid out like `rows`.
    pub footer: Vec<(String, Vec<String>)>,
}

impl PanelTable {
    /// What a page of a longer table says of itself, with `first` the
    /// index of its first row and `total` the rows in all: "The table shows
    /// rows 1 to 1,000 of 1,200; "Figures as CSV" has every row." `None`
    /// when the table has every row.
    pub fn page_note(&self, first: usize, total: usize) -> Option<String> {
        let count = |n: usize| format_number(n as f64, 0);
        (self.rows.len() < total).then(|| {
            format!(
                "The table shows rows {} to {} of {}; \"Figures as CSV\" has every row.",
                count(first + 1),
                count(first + self.rows.len()),
                count(total)
            )
        })
    }
}

impl Panel {
    /// This panel's figures as a table, captioned "`subject`: panel title"
    /// (the subject is normally the indicator's title): every row.
    pub fn table(&self, subject: &str) -> PanelTable {
        self.table_of(subject, 0..self.details.len())
    }

    /// The rows `range` of [`table`](Self::table) (a page of a long table),
    /// with the columns those rows use.
    pub fn table_of(&self, subject: &str, range: Range<usize>) -> PanelTable {
        let details: Vec<PointDetail> = range.filter_map(|i| self.details.get(i)).collect();
        // Columns in the order of the fullest row (a period with every
        // figure), then any only other rows have: a period with nothing
        // reported must not push its columns first.
        let mut columns: Vec<String> = Vec::new();
        let most = details.iter().map(|d| d.rows.len()).max().unwrap_or(0);
        let fullest = details.iter().find(|d| d.rows.len() == most);
        for detail in fullest.into_iter().chain(&details) {
            for (label, _) in &detail.rows {
                if !columns.contains(label) {
                    columns.push(label.clone());
                }
            }
        }
        let lay_out = |detail: &PointDetail| -> (String, Vec<String>) {
            let cells = columns
                .iter()
                .map(|column| {
                    detail
                        .rows
                        .iter()
                        .find(|(label, _)| label == column)
                        .map(|(_, value)| value.clone())
                        .unwrap_or_default()
                })
                .collect();
            (detail.title.clone(), cells)
        };
        PanelTable {
            caption: format!("{subject}: {}", self.title),
            heading: "Period",
            rows: details.iter().map(lay_out).collect(),
            footer: self.totals.iter().map(lay_out).collect(),
            columns,
        }
    }
}

/// A table cell's number as plain data: `"+8,006 (+0.3%)"` → (8006, 0.3),
/// `"£3,093k"` → (3093000, None), `"£14.72 per hour"` → (14.72, None);
/// `None` for "not reported" and other text.
pub fn plain_number(cell: &str) -> Option<(f64, Option<f64>)> {
    fn number(text: &str) -> Option<f64> {
        let text = text.trim();
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let rest = rest.trim_start_matches(['£', '$', '€']);
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(rest.len());
        let digits = rest[..end].replace(',', "");
        if digits.is_empty() {
            return None;
        }
        // "k" or "m" straight after the digits, not the start of a word.
        let mut after = rest[end..].chars();
        let scale = match (after.next(), after.next()) {
            (Some('k'), next) if !next.is_some_and(crate::format::is_word_char) => 1e3,
            (Some('m'), next) if !next.is_some_and(crate::format::is_word_char) => 1e6,
            _ => 1.0,
        };
        let value = crate::format::parse_decimal(&digits)? * scale;
        Some(if negative { -value } else { value })
    }
    let (main, percent) = match cell.split_once('(') {
        Some((main, rest)) if rest.trim_end().ends_with("%)") => (
            main,
            number(rest.trim_end().trim_end_matches(')').trim_end_matches('%')),
        ),
        _ => (cell, None),
    };
    Some((number(main)?, percent))
}

/// True for a cell that says a figure is missing ("not reported", "not
/// set", "not printed", "none"): empty in the CSV.
fn is_missing(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "none" | "not reported" | "not set" | "not printed"
    )
}

/// A text cell made safe for spreadsheets: quoted when it holds a comma,
/// quote or line break, and prefixed with `'` when it would otherwise start
/// a formula (`=`, `+`, `-`, `@`).
fn csv_text(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

impl PanelTable {
    /// The table as CSV: a header row with units (`Actual (hours)`,
    /// `Variance (%)`; a percentage indicator's `Variance (percentage
    /// points)` and `Against target (percentage points)`), one row per
    /// period and total, numbers plain (no thousands separators, `.` for
    /// decimals, money in pounds), empty where the table says "not
    /// reported"; a column of words (a status) as written. The same
    /// figures as the table.
    pub fn to_csv(&self, unit: &crate::model::Unit) -> String {
        let unit_name = match &unit.kind {
            crate::model::UnitKind::Money { .. } => "£".to_string(),
            crate::model::UnitKind::Percent => "%".to_string(),
            _ => unit.label.trim().to_string(),
        };
        let all_rows: Vec<&(String, Vec<String>)> = self.rows.iter().chain(&self.footer).collect();
        // A column with no number in any row is words (a status), kept
        // as written.
        // Columns of names and words, whatever digits their text holds (a
        // round's label "14 May 2012" is not the number 14).
        const WORDS: [&str; 4] = ["Round", "Status", "Status in the report", "Over or under"];
        let is_text: Vec<bool> = (0..self.columns.len())
            .map(|c| {
                if self
                    .columns
                    .get(c)
                    .is_some_and(|name| WORDS.contains(&name.as_str()))
                {
                    return true;
                }
                let cells = || all_rows.iter().filter_map(|(_, cells)| cells.get(c));
                !cells().any(|cell| plain_number(cell).is_some())
                    && cells().any(|cell| !is_missing(cell))
            })
            .collect();
        let has_percent: Vec<bool> = (0..self.columns.len())
            .map(|c| {
                all_rows.iter().any(|(_, cells)| {
                    cells
                        .get(c)
                        .and_then(|cell| plain_number(cell))
                        .is_some_and(|(_, p)| p.is_some())
                })
            })
            .collect();
        let mut header = vec![self.heading.to_string()];
        for ((column, percent), text) in self.columns.iter().zip(&has_percent).zip(&is_text) {
            // A difference of two percentages is in percentage points;
            // words and counts have no unit.
            // A difference of two percentages is in percentage points.
            let difference = column.starts_with("Variance")
                || matches!(
                    column.as_str(),
                    "Against target"
                        | "Change on the period before"
                        | "Movement"
                        | "Forecast variance"
                        | "Against the budget"
                        | "Against the outturn"
                        | "Movement since the round before"
                        | "Movement since the last round"
                );
            let column_unit = if *text || matches!(column.as_str(), "Count" | "Out of") {
                ""
            } else if column.ends_with('%') {
                // "Variance %": already a percentage, whatever the unit.
                ""
            } else if unit.kind == crate::model::UnitKind::Percent && difference {
                "percentage points"
            } else {
                unit_name.as_str()
            };
            header.push(if column_unit.is_empty() {
                column.clone()
            } else {
                format!("{column} ({column_unit})")
            });
            if *percent {
                header.push(format!("{column} (%)"));
            }
        }
        let plain = |value: f64| {
            let rounded = (value * 1e6).round() / 1e6;
            format!("{rounded}")
        };
        let mut lines = vec![header
            .iter()
            .map(|h| csv_text(h))
            .collect::<Vec<_>>()
            .join(",")];
        for (heading, cells) in all_rows {
            let mut fields = vec![csv_text(heading)];
            for (index, percent) in has_percent.iter().enumerate() {
                if is_text.get(index).copied().unwrap_or(false) {
                    let cell = cells.get(index).filter(|c| !is_missing(c));
                    fields.push(cell.map(|c| csv_text(c)).unwrap_or_default());
                    continue;
                }
                let parsed = cells.get(index).and_then(|cell| plain_number(cell));
                fields.push(parsed.map(|(v, _)| plain(v)).unwrap_or_default());
                if *percent {
                    fields.push(parsed.and_then(|(_, p)| p).map(plain).unwrap_or_default());
                }
            }
            lines.push(fields.join(","));
        }
        lines.join("\r\n") + "\r\n"
    }
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn cells_become_plain_numbers() {
        assert_eq!(plain_number("+8,006 (+0.3%)"), Some((8006.0, Some(0.3))));
        assert_eq!(plain_number("-6,241 (-3.1%)"), Some((-6241.0, Some(-3.1))));
        assert_eq!(plain_number("£3,093k"), Some((3_093_000.0, None)));
        assert_eq!(plain_number("-£1,850k"), Some((-1_850_000.0, None)));
        assert_eq!(plain_number("£12.3m"), Some((12_300_000.0, None)));
        assert_eq!(plain_number("£14.72 per hour"), Some((14.72, None)));
        assert_eq!(plain_number("203,326 hours"), Some((203_326.0, None)));
        assert_eq!(plain_number("2,410,522 miles"), Some((2_410_522.0, None)));
        assert_eq!(plain_number("64%"), Some((64.0, None)));
        assert_eq!(plain_number("5months"), Some((5.0, None)));
        assert_eq!(plain_number("not reported"), None);
        assert_eq!(plain_number(""), None);
    }

    #[test]
    fn text_cannot_become_a_formula() {
        assert_eq!(csv_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(
            csv_text("Q1 2011-12 (Apr to Jun)"),
            "Q1 2011-12 (Apr to Jun)"
        );
        assert_eq!(csv_text("a, b"), "\"a, b\"");
    }
}
