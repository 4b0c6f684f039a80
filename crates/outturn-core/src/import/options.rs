//! What the reader of a table may say about it: the indicator's id, title,
//! unit and period, and what a column holds (`--map C=actual`,
//! `--map "Affordable Level=budget"`). Shared by the command line and the
//! page, so both read a table the same way.

use std::fmt;

use crate::model::{FinancialYear, Polarity, YearValue};

use super::column_letters;

/// What a column (or, in a table with periods across, a row) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// The affordable level or budget profile.
    Budget,
    /// What happened.
    Actual,
    /// What is expected, made part-way through the year.
    Forecast,
    /// A performance target.
    Target,
    /// The boundary between amber and red.
    Floor,
    /// The Red/Amber/Green status the report printed.
    Rag,
    /// A comparison series (national, regional, statistical neighbour).
    Benchmark,
    /// The count a rate is made of.
    Numerator,
    /// The count a rate is out of.
    Denominator,
    /// Left out of the import.
    Skip,
}

impl Series {
    /// Every series, in the order the help lists them.
    pub const ALL: [Series; 10] = [
        Series::Budget,
        Series::Actual,
        Series::Forecast,
        Series::Target,
        Series::Floor,
        Series::Rag,
        Series::Benchmark,
        Series::Numerator,
        Series::Denominator,
        Series::Skip,
    ];

    /// The word used in `--map` and in the format: `budget`, `actual`, ...
    pub fn name(self) -> &'static str {
        match self {
            Series::Budget => "budget",
            Series::Actual => "actual",
            Series::Forecast => "forecast",
            Series::Target => "target",
            Series::Floor => "floor",
            Series::Rag => "rag",
            Series::Benchmark => "benchmark",
            Series::Numerator => "numerator",
            Series::Denominator => "denominator",
            Series::Skip => "skip",
        }
    }

    /// Parses [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = crate::format::lower(name.trim());
        Self::ALL.into_iter().find(|series| series.name() == name)
    }

    /// Whether a printed total of this series is kept (`printed_total`
    /// holds budget, actual and forecast only).
    pub fn has_printed_total(self) -> bool {
        matches!(self, Series::Budget | Series::Actual | Series::Forecast)
    }
}

/// Which column a `--map` names: by its letter or by its header's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// `C`: the column lettered as a spreadsheet letters it (0 = `A`).
    Letter(usize),
    /// `Affordable Level`: every column whose header reads so (case and
    /// spacing aside), or whose lowest header cell does.
    Header(String),
}

/// One `--map`: what a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// The column.
    pub column: ColumnRef,
    /// What it holds.
    pub series: Series,
}

impl ColumnMap {
    /// Reads `C=actual` or `Affordable Level=budget` (the last `=`
    /// divides). A left side of one to three capital letters is a column
    /// letter; anything else is header text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (column, series) = text.rsplit_once('=').ok_or_else(|| {
            format!(
                "{}: write COLUMN=SERIES, as C=actual or \"Affordable Level=budget\"",
                crate::format::quoted(text)
            )
        })?;
        let series = Series::from_name(series).ok_or_else(|| {
            let names: Vec<&str> = Series::ALL.iter().map(|s| s.name()).collect();
            format!(
                "{} is not a series: use one of {}",
                crate::format::quoted(series.trim()),
                names.join(", ")
            )
        })?;
        let column = column.trim();
        if column.is_empty() {
            return Err(format!(
                "{}: say which column, by letter (C) or header text",
                crate::format::quoted(text)
            ));
        }
        let letters = column.len() <= 3 && column.bytes().all(|b| b.is_ascii_uppercase());
        let column = if letters {
            let index = column
                .bytes()
                .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1);
            ColumnRef::Letter(index - 1)
        } else {
            ColumnRef::Header(column.to_string())
        };
        Ok(Self { column, series })
    }
}

/// `C=actual`, as it was given.
impl fmt::Display for ColumnMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            ColumnRef::Letter(index) => {
                write!(f, "{}={}", column_letters(*index), self.series.name())
            }
            ColumnRef::Header(text) => write!(f, "{text}={}", self.series.name()),
        }
    }
}

/// How each year is split, as `--period` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// 12 months, April first.
    Month,
    /// 4 quarters, Q1 = April to June.
    Quarter,
    /// 3 school terms: Summer, Autumn, Spring.
    Term,
    /// One figure a year.
    Year,
}

impl PeriodKind {
    /// The format's word: `month`, `quarter`, `term`, `year`.
    pub fn name(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Term => "term",
            PeriodKind::Year => "year",
        }
    }

    /// Parses [`name`](Self::name).
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Month, Self::Quarter, Self::Term, Self::Year]
            .into_iter()
            .find(|kind| kind.name() == name)
    }

    /// Periods in a year: 12, 4, 3 or 1.
    pub fn periods(self) -> usize {
        match self {
            PeriodKind::Month => 12,
            PeriodKind::Quarter => 4,
            PeriodKind::Term => 3,
            PeriodKind::Year => 1,
        }
    }
}

/// Parses a `--year-value` word: `sum`, `last`, `mean`, `none`.
pub fn year_value_from_name(name: &str) -> Option<YearValue> {
    [
        YearValue::Sum,
        YearValue::Last,
        YearValue::Mean,
        YearValue::None,
    ]
    .into_iter()
    .find(|value| value.name() == name)
}

/// What the reader says about a table; everything is optional, and what is
/// not said is read from the table or reported as missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableOptions {
    /// The indicator's id; with several measures, each is `ID-measure`.
    /// Default: from the title.
    pub id: Option<String>,
    /// The indicator's title. Default: the heading printed above the
    /// table.
    pub title: Option<String>,
    /// The unit. For a table of one measure it is that measure's; with
    /// several, it is the unit of those whose header names none.
    pub unit: Option<String>,
    /// How each year is split. Default: what the period names say.
    pub period: Option<PeriodKind>,
    /// How a year totals. Default: what the printed totals show, else
    /// `none` with a warning.
    pub year_value: Option<YearValue>,
    /// Which way is better. Default: the format's (lower is better with a
    /// budget, else neutral).
    pub polarity: Option<Polarity>,
    /// The indicator giving £ per unit of this one.
    pub unit_cost: Option<String>,
    /// The indicator this one is a part of.
    pub parent: Option<String>,
    /// What columns hold, where their headers do not say or say wrongly.
    pub maps: Vec<ColumnMap>,
    /// The financial year of a table that names none (a table of parts,
    /// or months without years).
    pub year: Option<FinancialYear>,
    /// The month (`YYYY-MM`) of the figures of the last report, whose
    /// variance a table of parts prints: it is kept as that report's
    /// forecast. Without it, that column is left out, with a warning.
    pub last_round: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_name_columns_by_letter_or_header() {
        let map = ColumnMap::parse("C=actual").unwrap();
        assert_eq!(map.column, ColumnRef::Letter(2));
        assert_eq!(map.series, Series::Actual);
        assert_eq!(map.to_string(), "C=actual");
        let map = ColumnMap::parse("AA=skip").unwrap();
        assert_eq!(map.column, ColumnRef::Letter(26));
        let map = ColumnMap::parse("Affordable Level=Budget").unwrap();
        assert_eq!(
            map.column,
            ColumnRef::Header("Affordable Level".to_string())
        );
        assert_eq!(map.series, Series::Budget);
        assert!(ColumnMap::parse("C").unwrap_err().contains("COLUMN=SERIES"));
        assert!(ColumnMap::parse("C=actuals")
            .unwrap_err()
            .contains("\"actuals\" is not a series"));
        assert!(ColumnMap::parse("=actual").is_err());
    }
}
