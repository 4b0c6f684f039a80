//! Wide tables as reports print them, read into `outturn/1` indicators.
//!
//! Two layouts:
//! - **periods down** (the key activity tables): period names down the
//!   first column (April ... March, `Apr-11`, `Q1`, `Apr-June`, terms), a
//!   header row of financial years spanning one or two rows of series
//!   names ("Affordable Level", "Budget level | actual"), a `TOTAL` row
//!   kept as printed totals; or financial years as rows of their own above
//!   each year's periods;
//! - **periods across** (performance trend tables): period names along a
//!   header row, one series per row ("KCC Result", "Target", "Rag
//!   Rating", "Statistical neighbour").
//!
//! What each column holds is read from its header's words
//! ([`super::words`]) or set with a [`ColumnMap`]. Nothing is guessed
//! silently: an ambiguous table stops with the cell to look at and the
//! option that resolves it, and [`Recognition`] says how every row and
//! column was read, so the reader can check it.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::model::{FinancialYear, Polarity, YearValue};

use super::number::parse_uk_number;
use super::options::{ColumnMap, ColumnRef, PeriodKind, Series, TableOptions};
use super::periods::{financial_year_name, period_name, PeriodName};
use super::words::{header_words, normalise, slug, HeaderWords};
use super::{column_letters, ImportError};

/// A cell's place: row counted from 1, column from 0 (shown as a letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The row, from 1.
    pub row: usize,
    /// The column, from 0 (`A`).
    pub column: usize,
}

impl Place {
    fn error(self, message: impl Into<String>) -> ImportError {
        ImportError::at(self.row, self.column, message)
    }

    /// "C5", as a spreadsheet names the cell.
    pub fn name(self) -> String {
        format!("{}{}", column_letters(self.column), self.row)
    }
}

/// How the table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Periods down the first column, series across.
    PeriodsDown,
    /// Periods along a header row, series down.
    PeriodsAcross,
    /// One row per part (portfolio, area, team) with its year's figures,
    /// and subtotal and total rows: each total is the whole of the rows
    /// above it that add up to it.
    Parts,
}

/// What a row of the input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// Empty.
    Blank,
    /// The heading printed above the table (the default title).
    Heading,
    /// Text that is not part of the table (notes, footnotes, page footers).
    Note,
    /// The header row of financial years.
    Years,
    /// A header row of series names.
    Header,
    /// A financial year standing alone above its periods.
    YearGroup,
    /// A period's figures (periods down), or the row of period names
    /// (periods across).
    Period,
    /// The printed totals.
    Total,
    /// A series (periods across).
    Series,
    /// A part or a total (a table of parts).
    Part,
}

impl RowRole {
    /// A few words for the reader: "period", "total", "left out (note)".
    pub fn describe(self) -> &'static str {
        match self {
            RowRole::Blank => "blank",
            RowRole::Heading => "heading",
            RowRole::Note => "left out (not part of the table)",
            RowRole::Years => "financial years",
            RowRole::Header => "series names",
            RowRole::YearGroup => "financial year",
            RowRole::Period => "period",
            RowRole::Total => "printed totals",
            RowRole::Series => "series",
            RowRole::Part => "parts and totals",
        }
    }
}

/// How one row was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReading {
    /// The row, from 1.
    pub row: usize,
    /// What it is.
    pub role: RowRole,
    /// Its first cell's text.
    pub label: String,
}

/// Why a column holds the series it was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadBy {
    /// Its header's words name the series.
    Words,
    /// Its header names no series; figures with no series word are actuals.
    NoSeriesWord,
    /// "Target" in a table with periods down and no status column: an
    /// affordable level (budget profile), as activity tables use the word.
    TargetAsBudget,
    /// A `--map` said so.
    Map,
}

/// How one column (periods down) or row (periods across) was read.
#[derive(Debug, Clone, PartialEq)]
pub struct LineReading {
    /// Its header cell.
    pub place: Place,
    /// Its header text, as printed (the year's and series' rows joined).
    pub header: String,
    /// The financial year the header gives it, if any.
    pub year: Option<String>,
    /// What it holds.
    pub series: Series,
    /// Why.
    pub by: ReadBy,
    /// The indicator it went into (`None` when left out).
    pub indicator: Option<String>,
}

/// What the importer understood of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    /// Its layout.
    pub layout: Layout,
    /// How each year is split.
    pub period: PeriodKind,
    /// Every row of the input, in order.
    pub rows: Vec<RowReading>,
    /// Every column (or series row) with figures.
    pub lines: Vec<LineReading>,
}

/// A table read into `outturn/1`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableImport {
    /// The `outturn/1` document (not yet checked: see
    /// [`crate::parse_dataset`]).
    pub dataset: Value,
    /// What was left out or flagged, each with its cell.
    pub warnings: Vec<ImportError>,
    /// How every row and column was read.
    pub recognition: Recognition,
}

/// One figure of a line, with its place.
#[derive(Debug, Clone)]
struct Entry {
    year: FinancialYear,
    position: usize,
    text: String,
    place: Place,
}

/// One series of one measure: a column (periods down) or a row (periods
/// across), before it is grouped into indicators.
#[derive(Debug, Clone)]
struct Line {
    place: Place,
    header: String,
    /// The measure's name as printed ("SEN", "hours provided").
    label: String,
    words: HeaderWords,
    series: Series,
    by: ReadBy,
    year: Option<FinancialYear>,
    entries: Vec<Entry>,
    total: Option<(String, Place)>,
    /// Where a printed value carried `£` or `%`.
    marks: Marks,
}

#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    pounds: bool,
    percent: bool,
}

/// What reading a layout gives before measures are built.
struct Reading {
    layout: Layout,
    period: PeriodKind,
    rows: Vec<RowReading>,
    lines: Vec<Line>,
    heading: Option<String>,
    warnings: Vec<ImportError>,
    /// The first note stating which way is better, and its row (from 1).
    stated_polarity: Option<(usize, Polarity)>,
}

impl Reading {
    /// A layout's reading, once its lines are found: every row's role, and
    /// the note that states which way is better, if one does.
    fn new(
        (layout, period): (Layout, PeriodKind),
        grid: &[Vec<String>],
        roles: &[RowRole],
        lines: Vec<Line>,
        heading: Option<String>,
        warnings: Vec<ImportError>,
    ) -> Self {
        Reading {
            layout,
            period,
            rows: row_readings(grid, roles),
            lines,
            heading,
            warnings,
            stated_polarity: stated_polarity(grid, roles),
        }
    }
}

/// Labels of a totals row.
const TOTAL_LABELS: [&str; 7] = [
    "total",
    "totals",
    "year total",
    "annual total",
    "full year",
    "total for year",
    "grand total",
];

/// Reads a wide table (rows of cells, as [`super::read_rows`] or
/// [`super::read_report`] give them) into an `outturn/1` document with
/// one indicator per measure, and says how it read it.
pub fn import_table(
    rows: &[Vec<String>],
    options: &TableOptions,
) -> Result<TableImport, Vec<ImportError>> {
    let grid = clean_grid(rows);
    if grid.iter().all(|row| row.iter().all(String::is_empty)) {
        return Err(vec![ImportError::input(
            "the input is empty: paste or give a table, with its periods down the first column or along a header row",
        )]);
    }
    let down = grid.iter().any(|row| {
        row.first()
            .is_some_and(|label| period_name(label).is_some())
    });
    let across = !down && periods_across_row(&grid).is_some();
    let mut reading = if down {
        read_periods_down(&grid, options)?
    } else if across {
        read_periods_across(&grid, options)?
    } else if let Some(parts) = super::parts::import_parts(&grid, options) {
        return parts;
    } else {
        return Err(vec![ImportError::input(
            "no row or column of this table names its periods, and no header names budget or outturn columns: put the periods down the first column (April, Apr-11, Q1, Apr-June, Summer) or along a header row (Mar 12, 2011-12)",
        )]);
    };
    apply_maps(&mut reading.lines, &options.maps)?;
    build(reading, options)
}

/// Every cell [`clean`]ed.
pub(super) fn clean_grid(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| clean(cell)).collect())
        .collect()
}

/// A cell's text with spaces tidied and `**` (bold, in text copied from a
/// report) taken out.
fn clean(cell: &str) -> String {
    // `\$` is a dollar sign escaped by a converter on the way out of the
    // report.
    let text = strip_tags(&cell.replace("**", "").replace("\\$", "$"));
    text.split(|c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text without the HTML tags a converter left in (`<b>Red</b>` is
/// `Red`); a `<` that opens no tag stays.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let tag = from.find('>').filter(|&close| {
            let inner = from.get(1..close).unwrap_or("");
            let name = inner.trim_start_matches('/');
            !name.is_empty()
                && name.len() <= 10
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '/')
        });
        match tag {
            Some(close) => rest = from.get(close + 1..).unwrap_or(""),
            None => {
                out.push('<');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn cell(grid: &[Vec<String>], row: usize, column: usize) -> &str {
    grid.get(row)
        .and_then(|cells| cells.get(column))
        .map_or("", String::as_str)
}

pub(super) fn is_blank(grid: &[Vec<String>], row: usize) -> bool {
    grid.get(row)
        .is_none_or(|cells| cells.iter().all(String::is_empty))
}

/// A row with text in its first cell only: a heading or a note.
fn is_text_only(grid: &[Vec<String>], row: usize) -> bool {
    grid.get(row).is_some_and(|cells| {
        cells.first().is_some_and(|c| !c.is_empty()) && cells.iter().skip(1).all(String::is_empty)
    })
}

/// The rows above a table, up to `end`: the first heading is its title;
/// other text is left out, with a warning.
pub(super) fn read_heading(
    grid: &[Vec<String>],
    end: usize,
    roles: &mut [RowRole],
    warnings: &mut Vec<ImportError>,
) -> Option<String> {
    let mut heading = None;
    for (row, role) in roles.iter_mut().enumerate().take(end) {
        if is_blank(grid, row) {
            continue;
        }
        if heading.is_none() && is_heading(grid, row) {
            heading = Some(heading_title(cell(grid, row, 0)));
            *role = RowRole::Heading;
        } else {
            *role = RowRole::Note;
            warnings.push(ImportError::row(
                row + 1,
                format!("left out: {}", excerpt(grid, row)),
            ));
        }
    }
    heading
}

/// A heading: text alone, or text with the status the report gives it
/// ("% of CIC cases reviewed in timescale | | | Red").
fn is_heading(grid: &[Vec<String>], row: usize) -> bool {
    is_text_only(grid, row)
        || grid.get(row).is_some_and(|cells| {
            cells.first().is_some_and(|c| c.split(' ').count() >= 3)
                && cells
                    .iter()
                    .skip(1)
                    .filter(|c| !c.is_empty())
                    .all(|c| rag_word(c).is_ok_and(|v| !v.is_null()))
        })
}

/// A financial year standing alone in the first cell.
fn year_group(grid: &[Vec<String>], row: usize) -> Option<FinancialYear> {
    is_text_only(grid, row)
        .then(|| financial_year_name(cell(grid, row, 0)))
        .flatten()
}

fn is_total_label(label: &str) -> bool {
    TOTAL_LABELS.contains(&normalise(label).as_str())
}

/// A heading's text as a title: "1.2 Numbers of children ...:" → "Numbers of
/// children ...".
fn heading_title(text: &str) -> String {
    let text = text.trim();
    let numbered = text
        .split_once(' ')
        .filter(|(number, _)| {
            !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit() || c == '.')
                && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .map_or(text, |(_, rest)| rest);
    numbered.trim().trim_end_matches(':').trim().to_string()
}

/// The kind of period a name is.
fn kind_of(name: PeriodName) -> PeriodKind {
    match name {
        PeriodName::Month { .. } => PeriodKind::Month,
        PeriodName::Quarter(_) => PeriodKind::Quarter,
        PeriodName::Term(_) => PeriodKind::Term,
    }
}

/// The financial year a month name's own year puts it in (`Jan-12` is in
/// 2011-12).
fn year_of_name(name: PeriodName) -> Option<FinancialYear> {
    match name {
        PeriodName::Month {
            index,
            year: Some(year),
        } => Some(FinancialYear::starting(if index < 9 {
            year
        } else {
            year - 1
        })),
        _ => None,
    }
}

/// Settles the period kind from the names (and `--period`), and gives each
/// name's position in the year.
fn positions(
    names: &[(Place, String, PeriodName)],
    wanted: Option<PeriodKind>,
) -> Result<(PeriodKind, Vec<usize>), Vec<ImportError>> {
    let Some((_, _, first)) = names.first() else {
        return Err(vec![ImportError::input("the table has no periods")]);
    };
    let kind = wanted.unwrap_or(kind_of(*first));
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (place, text, name) in names {
        let position = match (kind, *name) {
            (PeriodKind::Month, PeriodName::Month { index, .. }) => Some(index),
            (PeriodKind::Quarter, PeriodName::Quarter(index)) => Some(index),
            (PeriodKind::Term, PeriodName::Term(index)) => Some(index),
            // A quarter's figure dated by its last month ("Mar 12").
            (PeriodKind::Quarter, PeriodName::Month { index, .. }) if index % 3 == 2 => {
                Some(index / 3)
            }
            (PeriodKind::Year, PeriodName::Month { index: 11, .. }) => Some(0),
            _ => None,
        };
        match position {
            Some(position) => out.push(position),
            None => errors.push(place.error(format!(
                "{} is not a {} like the table's other periods{}",
                crate::format::quoted(text),
                kind.name(),
                if wanted.is_some() {
                    " (--period says so)"
                } else {
                    ": give --period month, quarter or term to say which the table holds"
                }
            ))),
        }
    }
    if errors.is_empty() {
        Ok((kind, out))
    } else {
        Err(errors)
    }
}

/// Periods down the first column.
fn read_periods_down(
    grid: &[Vec<String>],
    options: &TableOptions,
) -> Result<Reading, Vec<ImportError>> {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let period_at = |row: usize| period_name(cell(grid, row, 0));
    let start = (0..grid.len())
        .find(|&row| period_at(row).is_some() || year_group(grid, row).is_some())
        .unwrap_or(0);
    let end = (0..grid.len())
        .rev()
        .find(|&row| period_at(row).is_some())
        .unwrap_or(start);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut roles = vec![RowRole::Blank; grid.len()];

    // Header rows: those just above the first period, up to a blank or a
    // row of text alone.
    let mut header_rows = Vec::new();
    let mut row = start;
    while row > 0 && !is_blank(grid, row - 1) && !is_text_only(grid, row - 1) {
        row -= 1;
        header_rows.insert(0, row);
    }
    let heading = read_heading(
        grid,
        header_rows.first().copied().unwrap_or(start),
        &mut roles,
        &mut warnings,
    );

    // The row of financial years, if any.
    let year_cells = |row: usize| -> (usize, usize) {
        let mut years = 0;
        let mut others = 0;
        for column in 1..width {
            let text = cell(grid, row, column);
            if text.is_empty() {
                continue;
            }
            if financial_year_name(text).is_some() {
                years += 1;
            } else {
                others += 1;
            }
        }
        (years, others)
    };
    let years_rows: Vec<usize> = header_rows
        .iter()
        .copied()
        .filter(|&row| {
            let (years, others) = year_cells(row);
            years > 0 && years >= others
        })
        .collect();
    if let Some(&second) = years_rows.get(1) {
        errors.push(ImportError::row(
            second + 1,
            "a second row of financial years: a table's columns are headed by one row of years",
        ));
    }
    let years_row = years_rows.first().copied();
    let descriptor_rows: Vec<usize> = header_rows
        .iter()
        .copied()
        .filter(|row| Some(*row) != years_row)
        .collect();
    for &row in &header_rows {
        roles[row] = if Some(row) == years_row {
            RowRole::Years
        } else {
            RowRole::Header
        };
    }

    // Each column's year, from the years row: a year heads its own column
    // and the empty ones after it.
    let mut column_year: Vec<Option<FinancialYear>> = vec![None; width];
    let mut span_start = vec![false; width];
    if let Some(years_row) = years_row {
        let mut current: Option<(FinancialYear, usize)> = None;
        for column in 1..width {
            let text = cell(grid, years_row, column);
            let place = Place {
                row: years_row + 1,
                column,
            };
            if !text.is_empty() {
                match financial_year_name(text) {
                    Some(year) => {
                        if let Some((before, at)) = current {
                            if year == before {
                                errors.push(place.error(format!(
                                    "{} heads a second group of columns (it also heads column {}): each year heads one",
                                    crate::format::quoted(text),
                                    column_letters(at)
                                )));
                            } else if year < before {
                                errors.push(place.error(format!(
                                    "{} comes after {}: the years must run oldest first",
                                    crate::format::quoted(text),
                                    before
                                )));
                            }
                        }
                        current = Some((year, column));
                        span_start[column] = true;
                    }
                    None => errors.push(place.error(format!(
                        "{} is not a financial year: write it as 2011-12, 2011/12 or 11/12",
                        crate::format::quoted(text)
                    ))),
                }
            }
            column_year[column] = current.map(|(year, _)| year);
        }
    }

    // Series names: an upper header row's name spans the empty cells after
    // it within its year; the lowest row names each column alone.
    let mut names: Vec<Vec<String>> = vec![Vec::new(); width];
    let lowest = descriptor_rows.last().copied();
    for &row in &descriptor_rows {
        let mut carried = String::new();
        for (column, starts) in span_start.iter().enumerate().skip(1) {
            if *starts {
                carried.clear();
            }
            let text = cell(grid, row, column);
            let name = if !text.is_empty() {
                carried = text.to_string();
                text.to_string()
            } else if Some(row) != lowest {
                carried.clone()
            } else {
                String::new()
            };
            if let Some(list) = names.get_mut(column) {
                if !name.is_empty() {
                    list.push(name);
                }
            }
        }
    }

    // The body: periods, years standing alone, and a total row after.
    let mut period_rows: Vec<(usize, Option<FinancialYear>)> = Vec::new();
    let mut total_rows: Vec<usize> = Vec::new();
    let mut group: Option<FinancialYear> = None;
    for row in start..grid.len() {
        if is_blank(grid, row) {
            if row <= end {
                warnings.push(ImportError::row(row + 1, "left out: a blank row"));
            }
            continue;
        }
        let label = cell(grid, row, 0);
        if let Some(year) = year_group(grid, row) {
            group = Some(year);
            roles[row] = RowRole::YearGroup;
            continue;
        }
        if period_at(row).is_some() {
            period_rows.push((row, group));
            roles[row] = RowRole::Period;
            continue;
        }
        let has_figures = grid
            .get(row)
            .is_some_and(|cells| cells.iter().skip(1).any(|c| !c.is_empty()));
        let follows_periods = roles[..row]
            .iter()
            .rev()
            .find(|role| **role != RowRole::Blank)
            .is_some_and(|role| *role == RowRole::Period);
        if has_figures && (is_total_label(label) || (label.is_empty() && follows_periods)) {
            if follows_periods {
                roles[row] = RowRole::Total;
                total_rows.push(row);
            } else {
                errors.push(ImportError::at(
                    row + 1,
                    0,
                    "a second row of totals: a table has one, under its periods",
                ));
            }
            continue;
        }
        if row > end && !has_figures {
            roles[row] = RowRole::Note;
            warnings.push(ImportError::row(
                row + 1,
                format!("left out: {}", excerpt(grid, row)),
            ));
            continue;
        }
        errors.push(ImportError::at(
            row + 1,
            0,
            format!(
                "{} is neither a period (April, Apr-11, Q1, Apr-June, Summer) nor a total: delete the row, or name its period",
                crate::format::quoted(label)
            ),
        ));
    }

    // Periods: their kind, their positions, their years.
    let named: Vec<(Place, String, PeriodName)> = period_rows
        .iter()
        .filter_map(|(row, _)| {
            period_at(*row).map(|name| {
                (
                    Place {
                        row: row + 1,
                        column: 0,
                    },
                    cell(grid, *row, 0).to_string(),
                    name,
                )
            })
        })
        .collect();
    let (kind, places) = match positions(&named, options.period) {
        Ok(found) => found,
        Err(mut more) => {
            errors.append(&mut more);
            return Err(errors);
        }
    };

    // Columns with anything in them, up to the last with a header.
    let last_headed = header_rows
        .iter()
        .flat_map(|&row| {
            grid.get(row)
                .map(|cells| {
                    cells
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(i, _)| i)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .max()
        .unwrap_or(width);
    let mut lines = Vec::new();
    for column in 1..width {
        let header = names.get(column).map(|n| n.join(" ")).unwrap_or_default();
        let has_cells = period_rows
            .iter()
            .map(|(row, _)| *row)
            .chain(total_rows.iter().copied())
            .any(|row| !cell(grid, row, column).is_empty());
        // A column with neither figures nor a header is not part of the
        // table; one with a header and no figures is a series with nothing
        // reported (kept as such).
        if !has_cells && header.is_empty() {
            continue;
        }
        // Figures to the right of every header cell: a ragged row.
        if column > last_headed {
            for (row, _) in &period_rows {
                let text = cell(grid, *row, column);
                if !text.is_empty() {
                    errors.push(ImportError::at(
                        row + 1,
                        column,
                        format!(
                            "{} is beyond the table's header (its last column is {}): a ragged row? Delete the figure, or head its column",
                            crate::format::quoted(text),
                            column_letters(last_headed)
                        ),
                    ));
                }
            }
            continue;
        }
        let header_row = descriptor_rows
            .iter()
            .rev()
            .copied()
            .find(|&row| !cell(grid, row, column).is_empty())
            .or(years_row)
            .unwrap_or(start);
        let label = match names.get(column) {
            Some(list) if list.len() >= 2 => list[..list.len() - 1].join(" "),
            _ => header.clone(),
        };
        let year = column_year.get(column).copied().flatten();
        if years_row.is_some() && year.is_none() {
            errors.push(ImportError::at(
                years_row.map_or(0, |r| r + 1),
                column,
                "no financial year heads this column: put its year (2011-12) in the years row above it",
            ));
            continue;
        }
        let mut entries = Vec::new();
        let mut marks = Marks::default();
        for (((row, group), (_, text, name)), &position) in
            period_rows.iter().zip(&named).zip(&places)
        {
            let text_here = cell(grid, *row, column);
            if text_here.is_empty() {
                continue;
            }
            let place = Place {
                row: row + 1,
                column,
            };
            note_marks(&mut marks, text_here);
            let own = year_of_name(*name);
            let entry_year = match (year, *group, own) {
                (Some(year), _, Some(own)) if own != year => {
                    errors.push(place.error(format!(
                        "{} is in {own}, but the column is headed {year}",
                        crate::format::quoted(text)
                    )));
                    continue;
                }
                (Some(year), _, _) => year,
                (None, Some(group), _) => group,
                (None, None, Some(own)) => own,
                (None, None, None) if options.year.is_some() => {
                    options.year.unwrap_or(FinancialYear::starting(0))
                }
                (None, None, None) => {
                    errors.push(ImportError::at(
                        row + 1,
                        0,
                        format!(
                            "{} has no financial year: head the columns with years (2011-12), put a year on a row above its periods, write the month with its year (Apr-11), or give --year",
                            crate::format::quoted(text)
                        ),
                    ));
                    continue;
                }
            };
            entries.push(Entry {
                year: entry_year,
                position,
                text: text_here.to_string(),
                place,
            });
        }
        let total = total_rows.first().and_then(|&row| {
            let text = cell(grid, row, column);
            (!text.is_empty()).then(|| {
                note_marks(&mut marks, text);
                (
                    text.to_string(),
                    Place {
                        row: row + 1,
                        column,
                    },
                )
            })
        });
        let words = header_words(&header);
        lines.push(Line {
            place: Place {
                row: header_row + 1,
                column,
            },
            header: match year {
                Some(year) => format!("{year} {header}").trim().to_string(),
                None => header.clone(),
            },
            label,
            series: words.series.unwrap_or(Series::Actual),
            by: if words.series.is_some() {
                ReadBy::Words
            } else {
                ReadBy::NoSeriesWord
            },
            words,
            year,
            entries,
            total,
            marks,
        });
    }
    if lines.is_empty() && errors.is_empty() {
        errors.push(ImportError::input(
            "the table has periods but no figures beside them",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Reading::new(
        (Layout::PeriodsDown, kind),
        grid,
        &roles,
        lines,
        heading,
        warnings,
    ))
}

/// Periods along a header row, series down.
fn read_periods_across(
    grid: &[Vec<String>],
    options: &TableOptions,
) -> Result<Reading, Vec<ImportError>> {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let Some(header) = periods_across_row(grid) else {
        return Err(vec![ImportError::input(
            "no row or column of this table names its periods: put them down the first column (April, Apr-11, Q1, Apr-June, Summer) or along a header row (Mar 12, 2011-12)",
        )]);
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut roles = vec![RowRole::Blank; grid.len()];
    roles[header] = RowRole::Period;
    let heading = read_heading(grid, header, &mut roles, &mut warnings);
    let mut found: Vec<(Place, String, AcrossPeriod)> = Vec::new();
    for column in 1..width {
        let text = cell(grid, header, column);
        if text.is_empty() {
            continue;
        }
        let place = Place {
            row: header + 1,
            column,
        };
        match across_period(text) {
            Some(period) => found.push((place, text.to_string(), period)),
            None => errors.push(place.error(format!(
                "{} is not a period name like the rest of this row (Mar 12, Q1 2011-12, 2011-12)",
                crate::format::quoted(text)
            ))),
        }
    }
    let yearly = found
        .iter()
        .filter(|(_, _, p)| !matches!(p, AcrossPeriod::Named(_)))
        .count();
    let (kind, years, places) = if yearly == found.len() {
        if options.period.is_some_and(|kind| kind != PeriodKind::Year) {
            errors.push(ImportError::row(
                header + 1,
                "these periods are whole years, but --period says otherwise",
            ));
        }
        if found
            .iter()
            .any(|(_, _, p)| matches!(p, AcrossPeriod::Calendar(_)))
        {
            warnings.push(ImportError::row(
                header + 1,
                "a year written as 2011 is read as the financial year that starts in it (2011-12); write 2010-11 to say otherwise",
            ));
        }
        let years: Vec<FinancialYear> = found
            .iter()
            .map(|(_, _, p)| match p {
                AcrossPeriod::Financial(year) => *year,
                AcrossPeriod::Calendar(year) => FinancialYear::starting(*year),
                AcrossPeriod::Named(_) => FinancialYear::starting(0),
            })
            .collect();
        (PeriodKind::Year, years, vec![0; found.len()])
    } else {
        let mut named: Vec<(Place, String, PeriodName)> = Vec::new();
        for (place, text, period) in &found {
            match period {
                AcrossPeriod::Named(name) => named.push((*place, text.clone(), *name)),
                _ => errors.push(place.error(format!(
                    "{} is a year among periods: name each period with its year (Mar 12, Apr-11)",
                    crate::format::quoted(text)
                ))),
            }
        }
        let (kind, places) = match positions(&named, options.period) {
            Ok(found) => found,
            Err(mut more) => {
                errors.append(&mut more);
                return Err(errors);
            }
        };
        let mut years = Vec::new();
        for (place, text, name) in &named {
            match year_of_name(*name) {
                Some(year) => years.push(year),
                None => errors.push(place.error(format!(
                    "{} has no year: with periods along a row, write each with its year (Mar 12, Apr-11)",
                    crate::format::quoted(text)
                ))),
            }
        }
        (kind, years, places)
    };
    let columns: Vec<usize> = found.iter().map(|(place, _, _)| place.column).collect();
    // The series: rows under the header until a blank row or a row of text
    // alone.
    let mut lines = Vec::new();
    let mut row = header + 1;
    // A row with no figure and no status in it ("Commentary | • | •") ends
    // the series.
    let has_figure = |row: usize| {
        grid.get(row).is_some_and(|cells| {
            cells.iter().skip(1).any(|c| {
                !c.is_empty()
                    && (parse_uk_number(c).is_ok_and(|n| n.is_some())
                        || rag_word(c).is_ok_and(|v| !v.is_null())
                        || c.chars().any(|ch| ch.is_ascii_digit()))
            })
        })
    };
    while row < grid.len() && !is_blank(grid, row) && !is_text_only(grid, row) && has_figure(row) {
        let label = cell(grid, row, 0).to_string();
        roles[row] = RowRole::Series;
        let words = header_words(&label);
        let (series, by) = across_series(&label, &words);
        let mut entries = Vec::new();
        let mut marks = Marks::default();
        for ((column, year), position) in columns.iter().zip(&years).zip(&places) {
            let text = cell(grid, row, *column);
            if text.is_empty() {
                continue;
            }
            note_marks(&mut marks, text);
            entries.push(Entry {
                year: *year,
                position: *position,
                text: text.to_string(),
                place: Place {
                    row: row + 1,
                    column: *column,
                },
            });
        }
        // Cells outside the period columns are misplaced figures.
        for column in 1..width {
            let text = cell(grid, row, column);
            if !text.is_empty() && !columns.contains(&column) {
                errors.push(
                    Place {
                        row: row + 1,
                        column,
                    }
                    .error(format!(
                        "{} is under no period: each figure sits under its period's name in row {}",
                        crate::format::quoted(text),
                        header + 1
                    )),
                );
            }
        }
        lines.push(Line {
            place: Place {
                row: row + 1,
                column: 0,
            },
            header: label.clone(),
            label,
            words,
            series,
            by,
            year: None,
            entries,
            total: None,
            marks,
        });
        row += 1;
    }
    for (rest, role) in roles.iter_mut().enumerate().skip(row) {
        if !is_blank(grid, rest) {
            *role = RowRole::Note;
            warnings.push(ImportError::row(
                rest + 1,
                format!("left out: {}", excerpt(grid, rest)),
            ));
        }
    }
    if lines.is_empty() {
        errors.push(ImportError::row(
            header + 1,
            "no series under this row of periods: put each series on a row of its own below it",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Reading::new(
        (Layout::PeriodsAcross, kind),
        grid,
        &roles,
        lines,
        heading,
        warnings,
    ))
}

/// The row naming the most periods along it, two at least (a garbled copy
/// of it above keeps fewer).
fn periods_across_row(grid: &[Vec<String>]) -> Option<usize> {
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let named_in = |row: usize| -> usize {
        (1..width)
            .filter(|&column| across_period(cell(grid, row, column)).is_some())
            .count()
    };
    let best = (0..grid.len()).map(named_in).max().unwrap_or(0);
    (0..grid.len()).find(|&row| best >= 2 && named_in(row) == best)
}

/// A period along a header row: a named period (`Mar 12`), a financial
/// year (`2011-12`) or a bare year (`2011`).
#[derive(Debug, Clone, Copy)]
enum AcrossPeriod {
    Named(PeriodName),
    Financial(FinancialYear),
    Calendar(i32),
}

fn across_period(text: &str) -> Option<AcrossPeriod> {
    if let Some(name) = period_name(text) {
        return Some(AcrossPeriod::Named(name));
    }
    if let Some(year) = financial_year_name(text) {
        return Some(AcrossPeriod::Financial(year));
    }
    let bare = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    text.parse::<i32>()
        .ok()
        .filter(|year| bare && (1900..2200).contains(year))
        .map(AcrossPeriod::Calendar)
}

/// A series row's label in a table with periods across: the result, the
/// target, the status, a comparison, or a count.
fn across_series(label: &str, words: &HeaderWords) -> (Series, ReadBy) {
    let normal = normalise(label);
    let benchmark = [
        "statistical neighbour",
        "national",
        "england",
        "regional",
        "south east",
        "comparator",
        "benchmark",
        "average",
    ]
    .iter()
    .any(|word| normal.contains(word));
    if normal.contains("result") || normal == "actual" {
        return (Series::Actual, ReadBy::Words);
    }
    match words.series {
        Some(series) => (series, ReadBy::Words),
        None if benchmark => (Series::Benchmark, ReadBy::Words),
        None => (Series::Actual, ReadBy::NoSeriesWord),
    }
}

/// Notes a `£` or `%` on a printed figure.
fn note_marks(marks: &mut Marks, text: &str) {
    marks.pounds |= text.contains('£');
    marks.percent |= text.contains('%');
}

/// A row's text, shortened, for a warning.
pub(super) fn excerpt(grid: &[Vec<String>], row: usize) -> String {
    let text: Vec<&str> = grid
        .get(row)
        .map(|cells| {
            cells
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let joined = text.join(" ");
    let short: String = joined.chars().take(60).collect();
    let cut = if short.len() < joined.len() {
        "..."
    } else {
        ""
    };
    crate::format::quoted(&format!("{short}{cut}"))
}

pub(super) fn row_readings(grid: &[Vec<String>], roles: &[RowRole]) -> Vec<RowReading> {
    roles
        .iter()
        .enumerate()
        .map(|(row, role)| RowReading {
            row: row + 1,
            role: *role,
            label: cell(grid, row, 0).to_string(),
        })
        .collect()
}

/// Applies `--map`s; a map that names no column is an error.
fn apply_maps(lines: &mut [Line], maps: &[ColumnMap]) -> Result<(), Vec<ImportError>> {
    let mut errors = Vec::new();
    for map in maps {
        let mut found = false;
        for line in lines.iter_mut() {
            let hit = match &map.column {
                ColumnRef::Letter(column) => line.place.column == *column,
                ColumnRef::Header(text) => {
                    let wanted = normalise(text);
                    let header = normalise(&line.header);
                    header == wanted
                        || normalise(&line.label) == wanted
                        || header.ends_with(&format!(" {wanted}"))
                }
            };
            if hit {
                line.series = map.series;
                line.by = ReadBy::Map;
                found = true;
            }
        }
        if !found {
            errors.push(ImportError::input(format!(
                "--map {map}: no column of the table is {}",
                match &map.column {
                    ColumnRef::Letter(c) => format!("lettered {}", column_letters(*c)),
                    ColumnRef::Header(text) => format!("headed {}", crate::format::quoted(text)),
                }
            )));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A measure: the lines that are its series.
struct Measure {
    key: String,
    lines: Vec<usize>,
}

impl Measure {
    fn has(&self, lines: &[Line], series: &[Series]) -> bool {
        self.lines.iter().any(|&i| {
            lines
                .get(i)
                .is_some_and(|line| series.contains(&line.series))
        })
    }
}

/// Groups lines into measures, builds each one's indicator.
fn build(mut reading: Reading, options: &TableOptions) -> Result<TableImport, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut warnings = std::mem::take(&mut reading.warnings);
    let lines = &mut reading.lines;

    // "Target" in an activity table (periods down, no status column) is
    // its affordable level.
    let has_status = lines.iter().any(|line| line.series == Series::Rag);
    if reading.layout == Layout::PeriodsDown && !has_status {
        for line in lines.iter_mut() {
            if line.series == Series::Target && line.by == ReadBy::Words {
                line.series = Series::Budget;
                line.by = ReadBy::TargetAsBudget;
            }
        }
    }

    // Measures by key. Status, comparison and count series belong to the
    // measure they describe: the one with a target, else the first.
    let mut measures: Vec<Measure> = Vec::new();
    let attached = [
        Series::Rag,
        Series::Benchmark,
        Series::Numerator,
        Series::Denominator,
        Series::Floor,
    ];
    for (index, line) in lines.iter().enumerate() {
        if line.series == Series::Skip || attached.contains(&line.series) {
            continue;
        }
        // Across, each row is a series of the one indicator the table is
        // about, except counts with no series word, which are their own.
        let key = if reading.layout == Layout::PeriodsAcross && line.by != ReadBy::NoSeriesWord {
            String::new()
        } else if reading.layout == Layout::PeriodsAcross {
            format!("# {}", line.words.key)
        } else {
            line.words.key.clone()
        };
        match measures.iter_mut().find(|m| m.key == key) {
            Some(measure) => measure.lines.push(index),
            None => measures.push(Measure {
                key,
                lines: vec![index],
            }),
        }
    }
    // A measure with no figure for any period is left out (a column
    // printed only in the totals row, or an empty one).
    measures.retain(|measure| {
        let empty = measure
            .lines
            .iter()
            .all(|&i| lines.get(i).is_some_and(|line| line.entries.is_empty()));
        if empty {
            for &i in &measure.lines {
                if let Some(line) = lines.get(i) {
                    warnings.push(line.place.error(format!(
                        "left out: {} has no figure for any period{}",
                        crate::format::quoted(&line.header),
                        if line.total.is_some() {
                            ", only a printed total"
                        } else {
                            ""
                        }
                    )));
                }
            }
        }
        !empty
    });
    // Two columns of one measure holding the same series of the same
    // year: the header is wrong or the measure is two.
    for measure in &measures {
        for (n, &i) in measure.lines.iter().enumerate() {
            let Some(line) = lines.get(i) else { continue };
            let earlier = measure.lines[..n]
                .iter()
                .filter_map(|&j| lines.get(j))
                .find(|other| {
                    other.year.is_some() && other.year == line.year && other.series == line.series
                });
            if let Some(other) = earlier {
                errors.push(line.place.error(format!(
                    "{} is a second {} of {} for {} (column {} is the first): --map {}=SERIES to say what it holds, or {}=skip",
                    crate::format::quoted(&line.header),
                    line.series.name(),
                    crate::format::quoted(&line.label),
                    line.year.map(|y| y.to_string()).unwrap_or_default(),
                    column_letters(other.place.column),
                    column_letters(line.place.column),
                    column_letters(line.place.column),
                )));
            }
        }
    }
    // A measure that is only a budget is the budget of the one measure
    // without one ("Affordable Level" beside "Adult Clients receiving
    // Direct Payments").
    // A measure with no name of its own ("Actual" beside "Hours
    // provided") is likewise a series of the one measure without it, or
    // a question for the reader.
    let budget_like = [Series::Budget, Series::Target];
    let down = reading.layout == Layout::PeriodsDown;
    loop {
        let series_of = |measure: &Measure| -> Vec<Series> {
            let mut found: Vec<Series> = Vec::new();
            for line in measure.lines.iter().filter_map(|&i| lines.get(i)) {
                if !found.contains(&line.series) {
                    found.push(line.series);
                }
            }
            found
        };
        let lonely = (0..measures.len()).find(|&m| {
            measures.get(m).is_some_and(|measure| {
                let only_budget = series_of(measure).iter().all(|s| budget_like.contains(s));
                let unnamed = down && measure.key.is_empty() && measures.len() > 1;
                only_budget || unnamed
            })
        });
        let Some(alone) = lonely else {
            break;
        };
        let wanted = measures.get(alone).map(series_of).unwrap_or_default();
        let wanted: Vec<Series> = if wanted.iter().all(|s| budget_like.contains(s)) {
            budget_like.to_vec()
        } else {
            wanted
        };
        let partners: Vec<usize> = (0..measures.len())
            .filter(|&m| {
                m != alone
                    && measures
                        .get(m)
                        .is_some_and(|other| !other.has(lines, &wanted))
            })
            .collect();
        match partners.as_slice() {
            [partner] => {
                let moved = std::mem::take(&mut measures[alone].lines);
                measures[*partner].lines.extend(moved);
                measures.remove(alone);
            }
            _ => {
                // Standing alone is fine when nothing else is in the table.
                if measures.len() == 1 {
                    break;
                }
                let first = measures[alone].lines.first().and_then(|&i| lines.get(i));
                if let Some(line) = first {
                    let candidates: Vec<String> = partners
                        .iter()
                        .filter_map(|&m| measures.get(m))
                        .filter_map(|m| m.lines.first().and_then(|&i| lines.get(i)))
                        .map(|l| crate::format::quoted(&l.label))
                        .collect();
                    errors.push(line.place.error(format!(
                        "{} is {} {} but the table does not say of which measure{}: head it with the measure's name, or --map its column to skip",
                        crate::format::quoted(&line.header),
                        if line.series == Series::Actual { "an" } else { "a" },
                        line.series.name(),
                        if candidates.is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", candidates.join(" or "))
                        }
                    )));
                }
                measures.remove(alone);
            }
        }
    }
    if measures.is_empty() && errors.is_empty() {
        errors.push(ImportError::input(
            "no column holds a budget, actual, forecast or target: --map a column to one",
        ));
    }
    // Status, comparisons and counts join the measure with a target.
    let main = measures
        .iter()
        .position(|m| m.has(lines, &[Series::Target]))
        .unwrap_or(0);
    for (index, line) in lines.iter().enumerate() {
        if attached.contains(&line.series) {
            if let Some(measure) = measures.get_mut(main) {
                measure.lines.push(index);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // One indicator per measure.
    let title = options
        .title
        .clone()
        .or_else(|| reading.heading.clone())
        .filter(|t| !t.is_empty());
    let Some(title) = title else {
        return Err(vec![ImportError::input(
            "the table has no heading to take a title from: give --title",
        )]);
    };
    let base_id = options.id.clone().unwrap_or_else(|| slug(&title, 40));
    let several = measures.len() > 1;
    let stated = reading.stated_polarity;
    if let (Some((row, polarity)), None) = (stated, options.polarity) {
        warnings.push(ImportError::row(
            row,
            format!(
                "read as the polarity of the indicator with a target: {} (give --polarity to say otherwise)",
                polarity.slug()
            ),
        ));
    }
    let mut indicators = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let mut readings: Vec<LineReading> = Vec::new();
    for measure in &measures {
        let members: Vec<&Line> = measure.lines.iter().filter_map(|&i| lines.get(i)).collect();
        let Some(first) = members
            .iter()
            .find(|l| l.series == Series::Actual)
            .or_else(|| members.first())
        else {
            continue;
        };
        let about = reading.layout == Layout::PeriodsAcross && measure.key.is_empty();
        let (id, indicator_title) = if several && !about {
            // The measure's words without its unit ("sundry debt £000s" is
            // "sundry-debt"), unless the unit is all there is ("%").
            let named: Vec<&str> = measure
                .key
                .split(' ')
                .filter(|w| !w.starts_with(['£', '$', '€']) && *w != "%")
                .collect();
            let part = if !named.is_empty() && !named.iter().all(|w| w.is_empty()) {
                slug(&named.join(" "), 30)
            } else if measure.key.is_empty() {
                slug(&first.label, 30)
            } else {
                slug(&measure.key, 30)
            };
            let mut id = format!("{base_id}-{part}");
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base_id}-{part}-{n}");
                n += 1;
            }
            (id, format!("{title}: {}", first.label))
        } else {
            (base_id.clone(), title.clone())
        };
        ids.push(id.clone());
        // The reader's --unit is the unit of the table's one measure, or of
        // the one the rows across describe; with several measures down,
        // of those whose header writes no symbol.
        let role =
            if !several || (reading.layout == Layout::PeriodsAcross && measure.key.is_empty()) {
                UnitRole::Main
            } else if reading.layout == Layout::PeriodsAcross {
                UnitRole::Count
            } else {
                UnitRole::OneOfSeveral
            };
        // A table with a target whose notes state which way is better
        // ("Tolerance: Higher values are better") says its polarity.
        let mut own = options.clone();
        if own.polarity.is_none() && members.iter().any(|l| l.series == Series::Target) {
            own.polarity = stated.map(|(_, polarity)| polarity);
        }
        match indicator(&id, &indicator_title, &members, reading.period, &own, role) {
            Ok((value, mut more)) => {
                indicators.push(value);
                warnings.append(&mut more);
            }
            Err(mut more) => errors.append(&mut more),
        }
        for line in &members {
            readings.push(line_reading(line, Some(id.clone())));
        }
    }
    for line in lines.iter() {
        if !readings.iter().any(|r| r.place == line.place) {
            readings.push(line_reading(line, None));
        }
    }
    crate::order::sort_stable_by_key(&mut readings, |r| (r.place.column, r.place.row));
    if !errors.is_empty() {
        return Err(errors);
    }
    let dataset = json!({
        "format": "outturn/1",
        "title": title,
        "indicators": indicators,
    });
    Ok(TableImport {
        dataset,
        warnings,
        recognition: Recognition {
            layout: reading.layout,
            period: reading.period,
            rows: reading.rows,
            lines: readings,
        },
    })
}

fn line_reading(line: &Line, indicator: Option<String>) -> LineReading {
    LineReading {
        place: line.place,
        header: line.header.clone(),
        year: line.year.map(|y| y.to_string()),
        series: line.series,
        by: line.by,
        indicator,
    }
}

/// Whose unit the reader's `--unit` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitRole {
    /// The table's one measure, or the one a table with periods across is
    /// about: `--unit` first.
    Main,
    /// One of several measures down: a unit written as a symbol in its
    /// header first, then `--unit`.
    OneOfSeveral,
    /// An extra count row of a table with periods across: its own words.
    Count,
}

/// One measure's indicator, as `outturn/1` JSON.
fn indicator(
    id: &str,
    title: &str,
    members: &[&Line],
    period: PeriodKind,
    options: &TableOptions,
    role: UnitRole,
) -> Result<(Value, Vec<ImportError>), Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let length = period.periods();
    // year → slot → values; slots are series names or "benchmark:LABEL".
    let mut years: BTreeMap<FinancialYear, BTreeMap<String, Vec<Value>>> = BTreeMap::new();
    let mut filled: BTreeMap<(FinancialYear, String, usize), Place> = BTreeMap::new();
    let mut totals: BTreeMap<FinancialYear, Map<String, Value>> = BTreeMap::new();
    let mut numbers: BTreeMap<(FinancialYear, String), Vec<Option<f64>>> = BTreeMap::new();
    let mut printed: Vec<(FinancialYear, String, f64, Place)> = Vec::new();
    let mut running = false;
    let mut percent = false;
    let mut pounds = false;
    for line in members {
        running |= line.words.running;
        if line.series != Series::Rag && line.series != Series::Benchmark {
            percent |= line.marks.percent;
            pounds |= line.marks.pounds;
        }
        if line.marks.percent && line.marks.pounds {
            errors.push(line.place.error(format!(
                "the figures under {} mix £ and %: one column holds one unit",
                crate::format::quoted(&line.header)
            )));
            continue;
        }
        let mut reported_twice = false;
        let slot = match line.series {
            Series::Benchmark => format!("benchmark:{}", line.label),
            other => other.name().to_string(),
        };
        if let Some(year) = line.year {
            years
                .entry(year)
                .or_default()
                .entry(slot.clone())
                .or_insert_with(|| vec![Value::Null; length]);
        }
        for entry in &line.entries {
            let value = if line.series == Series::Rag {
                match rag_word(&entry.text) {
                    Ok(value) => value,
                    Err(message) => {
                        errors.push(entry.place.error(message));
                        continue;
                    }
                }
            } else {
                match parse_uk_number(&entry.text) {
                    Ok(Some(number)) => json!(number),
                    Ok(None) => Value::Null,
                    Err(message) => {
                        errors.push(entry.place.error(message));
                        continue;
                    }
                }
            };
            if let Some(before) =
                filled.insert((entry.year, slot.clone(), entry.position), entry.place)
            {
                if reported_twice {
                    continue;
                }
                reported_twice = true;
                errors.push(entry.place.error(format!(
                    "a second {} for the same {} of {} (the first is in {}): two columns or rows hold it; --map one to skip",
                    line.series.name(),
                    period.name(),
                    entry.year,
                    before.name()
                )));
                continue;
            }
            let values = years
                .entry(entry.year)
                .or_default()
                .entry(slot.clone())
                .or_insert_with(|| vec![Value::Null; length]);
            if let Some(cell) = values.get_mut(entry.position) {
                if let Some(number) = value.as_f64() {
                    let list = numbers
                        .entry((entry.year, slot.clone()))
                        .or_insert_with(|| vec![None; length]);
                    if let Some(n) = list.get_mut(entry.position) {
                        *n = Some(number);
                    }
                }
                *cell = value;
            }
        }
        // A total is its column's year's: the year heading the column, or
        // the one year its periods are in ("Apr 2011" ... "Mar 2012").
        let mut entry_years = line.entries.iter().map(|e| e.year);
        let only_year = entry_years
            .next()
            .filter(|first| line.entries.iter().all(|e| e.year == *first));
        let total_year = line.year.or(only_year);
        if let (Some((text, place)), None) = (&line.total, total_year) {
            warnings.push(place.error(format!(
                "left out: the total {} is under periods of more than one year",
                crate::format::quoted(text)
            )));
        }
        if let (Some((text, place)), Some(year)) = (&line.total, total_year) {
            if !line.series.has_printed_total() {
                warnings.push(place.error(format!(
                    "left out: the printed total of a {} ({}): outturn/1 keeps totals of budget, actual and forecast",
                    line.series.name(),
                    crate::format::quoted(text)
                )));
            } else {
                match parse_uk_number(text) {
                    Ok(Some(number)) => {
                        totals
                            .entry(year)
                            .or_default()
                            .insert(line.series.name().to_string(), json!(number));
                        printed.push((year, line.series.name().to_string(), number, *place));
                    }
                    Ok(None) => {}
                    Err(message) => errors.push(place.error(message)),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The unit: the reader's for a table of one measure; else the header's.
    let symbol_unit = members
        .iter()
        .filter(|line| line.words.unit_is_symbol)
        .find_map(|line| line.words.unit.clone());
    let worded_unit = members.iter().find_map(|line| line.words.unit.clone());
    let per = members
        .iter()
        .find_map(|line| super::words::per_thing(&normalise(&line.header)));
    let marked_unit = if percent {
        Some("%".to_string())
    } else if pounds {
        Some(match per {
            Some(thing) => format!("£ per {thing}"),
            None => "£".to_string(),
        })
    } else {
        None
    };
    // With several measures, a unit written as a symbol in a measure's
    // header (£000s, %) is that measure's whatever --unit says; --unit is
    // for the rest, and after it the unit the header's words name.
    let unit = match role {
        UnitRole::Main => options
            .unit
            .clone()
            .or(symbol_unit)
            .or(marked_unit)
            .or(worded_unit),
        UnitRole::OneOfSeveral => symbol_unit
            .or(marked_unit)
            .or_else(|| options.unit.clone())
            .or(worded_unit)
            .or_else(|| counted_noun(members)),
        UnitRole::Count => {
            let unit = symbol_unit.or(marked_unit).or(worded_unit);
            if unit.is_none() {
                if let Some(line) = members.first() {
                    warnings.push(line.place.error(format!(
                        "{} names no series, so it is read as an indicator of its own counting its label (unit \"number\"): --map it to numerator, denominator, benchmark or skip",
                        crate::format::quoted(&line.label)
                    )));
                }
            }
            Some(unit.unwrap_or_else(|| "number".to_string()))
        }
    };
    let Some(unit) = unit else {
        let place = members
            .first()
            .map_or(Place { row: 1, column: 0 }, |l| l.place);
        return Err(vec![place.error(format!(
            "no unit for {}: its header names none; give --unit (hours, children, £000s, %)",
            crate::format::quoted(title)
        ))]);
    };
    // How a year totals: as the reader says; else as the printed totals
    // show; else for running figures the last; else none, said.
    let year_value = match options.year_value {
        Some(value) => value,
        None if unit == "%" => YearValue::None,
        None => {
            let shown = shown_by_totals(&printed, &numbers);
            match shown {
                Some(value) => value,
                None if running => YearValue::Last,
                None => {
                    warnings.push(ImportError::input(format!(
                        "{id}: no printed total shows how a year adds up, so it has no year figure (year_value none): give --year-value sum, last or mean"
                    )));
                    YearValue::None
                }
            }
        }
    };
    // A printed total that is not the year's figure is kept and flagged,
    // never corrected.
    for (year, slot, total, place) in &printed {
        let Some(values) = numbers.get(&(*year, slot.clone())) else {
            continue;
        };
        let figure = crate::analysis::year_value(values.iter().copied(), year_value);
        if let Some(figure) = figure {
            let reported = values.iter().flatten().count();
            let tolerance = (0.5 * reported as f64).max(total.abs() * 0.000_5);
            if (figure - total).abs() > tolerance {
                warnings.push(place.error(format!(
                    "the printed total {} is not the {} of the periods ({}): kept as printed, and flagged",
                    crate::format::format_number(*total, decimals_of(*total)),
                    match year_value {
                        YearValue::Sum => "sum",
                        YearValue::Last => "last",
                        _ => "mean",
                    },
                    crate::format::format_number(figure, decimals_of(figure).max(decimals_of(*total)))
                )));
            }
        }
    }
    let mut object = Map::new();
    object.insert("id".into(), json!(id));
    object.insert("title".into(), json!(title));
    object.insert("unit".into(), json!(unit));
    object.insert("period".into(), json!(period.name()));
    object.insert("year_value".into(), json!(year_value.name()));
    if let Some(polarity) = options.polarity {
        object.insert("polarity".into(), json!(polarity.slug()));
    }
    let is_price = unit.contains(" per ") || unit == "%";
    if let Some(unit_cost) = &options.unit_cost {
        if !is_price {
            object.insert("unit_cost".into(), json!(unit_cost));
        }
    }
    if let Some(parent) = &options.parent {
        object.insert("parent".into(), json!(parent));
    }
    let mut year_list = Vec::new();
    for (year, slots) in years {
        let mut entry = Map::new();
        entry.insert("year".into(), json!(year.to_string()));
        let mut benchmarks = Vec::new();
        for (slot, values) in slots {
            match slot.strip_prefix("benchmark:") {
                Some(label) => benchmarks.push(json!({"label": label, "values": values})),
                None => {
                    entry.insert(slot, Value::Array(values));
                }
            }
        }
        if !benchmarks.is_empty() {
            entry.insert("benchmarks".into(), Value::Array(benchmarks));
        }
        if let Some(total) = totals.remove(&year) {
            entry.insert("printed_total".into(), Value::Object(total));
        }
        year_list.push(Value::Object(entry));
    }
    object.insert("years".into(), Value::Array(year_list));
    Ok((Value::Object(object), warnings))
}

/// A measure headed by a plural noun alone ("Passes", "Journeys
/// travelled") counts that noun.
fn counted_noun(members: &[&Line]) -> Option<String> {
    let line = members.first()?;
    let words: Vec<&str> = line.words.key.split(' ').collect();
    let first = words.first()?;
    let plural = first.len() > 2
        && first.ends_with('s')
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && words.len() <= 2;
    plural.then(|| line.words.key.clone())
}

/// The year values a printed total can show, most likely first (where
/// several match, the first is read).
const KINDS: [YearValue; 3] = [YearValue::Sum, YearValue::Last, YearValue::Mean];

/// The year value the printed totals show: the one that matches the most
/// of them (sum before last before mean where several do), if it matches
/// at least half.
fn shown_by_totals(
    printed: &[(FinancialYear, String, f64, Place)],
    numbers: &BTreeMap<(FinancialYear, String), Vec<Option<f64>>>,
) -> Option<YearValue> {
    let mut checked = 0usize;
    let mut votes = [0usize; 3];
    for (year, slot, total, _) in printed {
        let Some(values) = numbers.get(&(*year, slot.clone())) else {
            continue;
        };
        if values.iter().all(Option::is_none) {
            continue;
        }
        checked += 1;
        // Periods not reported ("-") are left out of both sides: a year
        // of salting runs with no runs in summer still sums.
        for (vote, kind) in votes.iter_mut().zip(KINDS) {
            let close = crate::analysis::year_value(values.iter().copied(), kind)
                .is_some_and(|figure| (figure - total).abs() <= (total.abs() * 0.005).max(1.0));
            if close {
                *vote += 1;
            }
        }
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    if checked == 0 || best == 0 || best * 2 < checked {
        return None;
    }
    votes
        .iter()
        .position(|&vote| vote == best)
        .and_then(|index| KINDS.get(index).copied())
}

/// A printed status: Red, Amber or Green (or R, A, G); `-` or empty for
/// none.
fn rag_word(text: &str) -> Result<Value, String> {
    let word = normalise(text);
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    Ok(match word {
        "" | "n/a" => Value::Null,
        "green" | "g" => json!("green"),
        "amber" | "a" => json!("amber"),
        "red" | "r" => json!("red"),
        _ => {
            return Err(format!(
                "{} is not a status: write Red, Amber or Green, or - where none was given",
                crate::format::quoted(text)
            ))
        }
    })
}

impl Recognition {
    /// How the table was read, in a few lines for a terminal: the layout,
    /// the rows by what they are, and each indicator's columns.
    pub fn describe(&self) -> Vec<String> {
        let mut out = vec![match self.layout {
            Layout::PeriodsDown => format!(
                "read as a table with periods down the first column ({}s)",
                self.period.name()
            ),
            Layout::PeriodsAcross => format!(
                "read as a table with periods along a header row ({}s)",
                self.period.name()
            ),
            Layout::Parts => "read as a table of parts: a row per part with its year's figures, each total the whole of the rows above it that add up to it".to_string(),
        }];
        // Runs of rows with one role: "rows 6-17 period".
        let mut runs: Vec<(usize, usize, RowRole)> = Vec::new();
        for reading in &self.rows {
            if reading.role == RowRole::Blank {
                continue;
            }
            match runs.last_mut() {
                Some((_, end, role)) if *role == reading.role && *end + 1 == reading.row => {
                    *end = reading.row;
                }
                _ => runs.push((reading.row, reading.row, reading.role)),
            }
        }
        let rows: Vec<String> = runs
            .iter()
            .map(|(start, end, role)| {
                if start == end {
                    format!("row {start} {}", role.describe())
                } else {
                    format!("rows {start}-{end} {}", role.describe())
                }
            })
            .collect();
        out.push(rows.join("; "));
        let mut indicators: Vec<Option<&str>> = Vec::new();
        for line in &self.lines {
            let id = line.indicator.as_deref();
            if !indicators.contains(&id) {
                indicators.push(id);
            }
        }
        for id in indicators {
            let parts: Vec<String> = self
                .lines
                .iter()
                .filter(|line| line.indicator.as_deref() == id)
                .map(|line| {
                    let place = match self.layout {
                        Layout::PeriodsDown | Layout::Parts => column_letters(line.place.column),
                        Layout::PeriodsAcross => format!("row {}", line.place.row),
                    };
                    let year = line
                        .year
                        .as_deref()
                        .map(|y| format!("{y} "))
                        .unwrap_or_default();
                    if self.layout == Layout::Parts && line.series == Series::Skip {
                        return format!(
                            "{place} {} (checked, or left out, as the warnings say)",
                            crate::format::quoted(&line.header)
                        );
                    }
                    let why = match line.by {
                        ReadBy::Words => "",
                        ReadBy::NoSeriesWord => " (no series word: actual)",
                        ReadBy::TargetAsBudget => {
                            " (\"target\" with no status column: the affordable level)"
                        }
                        ReadBy::Map => " (as corrected)",
                    };
                    format!("{place} {year}{}{why}", line.series.name())
                })
                .collect();
            out.push(format!(
                "{}: {}",
                id.unwrap_or("left out"),
                parts.join(", ")
            ));
        }
        out
    }
}

/// The first row of text around the table (a heading or a note) that
/// states which way is better, in any of its cells.
fn stated_polarity(grid: &[Vec<String>], roles: &[RowRole]) -> Option<(usize, Polarity)> {
    roles
        .iter()
        .enumerate()
        .filter(|(_, role)| matches!(role, RowRole::Note | RowRole::Heading))
        .find_map(|(row, _)| {
            let text = grid.get(row).map(|cells| cells.join(" "))?;
            polarity_stated(&text).map(|polarity| (row + 1, polarity))
        })
}

/// The polarity a note states in so many words: "Higher values are
/// better", "Lower values are better".
fn polarity_stated(text: &str) -> Option<Polarity> {
    let normal = normalise(text);
    if normal.contains("higher values are better") || normal.contains("higher is better") {
        Some(Polarity::HigherIsBetter)
    } else if normal.contains("lower values are better") || normal.contains("lower is better") {
        Some(Polarity::LowerIsBetter)
    } else {
        None
    }
}

/// Decimals to show a figure with: none for a whole number, else up to 2.
fn decimals_of(value: f64) -> usize {
    if value.fract().abs() < 1e-9 {
        0
    } else if (value * 10.0).fract().abs() < 1e-9 {
        1
    } else {
        2
    }
}
