//! The `outturn/1` data model: what a dataset says, validated once at the boundary.
//!
//! Every type here is plain data. [`parse_dataset`] is the only way in from JSON
//! and guarantees the invariants documented on each type (series lengths equal
//! the period count, years consecutive, ids unique, `unit_cost` targets exist).

use std::rc::Rc;

mod diagnostic;
mod parse;
mod period;
mod unit;

pub use diagnostic::{Diagnostic, Severity};
pub use parse::{
    decode_text, parse_dataset, too_large, ParseError, Parsed, FORMAT, MAX_ABS_VALUE,
    MAX_INDICATORS, MAX_INPUT_BYTES, MAX_PERIODS, MAX_TEXT_CHARS, MAX_YEARS,
};
pub use period::{FinancialYear, PeriodScheme};
pub use unit::{Unit, UnitKind};

/// Values for one series over the periods of a year; `None` = not reported.
pub type Series = Vec<Option<f64>>;

/// A whole dataset: one report's indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Title of the report or collection, e.g. "Key activity indicators 2011-12".
    pub title: String,
    /// The council or body the figures belong to.
    pub organisation: Option<String>,
    /// Where the figures come from (committee, date, appendix).
    pub source: Option<String>,
    /// The indicators, in the order the file gives them. Never empty.
    /// Shared, so a view can keep its indicator without copying its series.
    pub indicators: Vec<Rc<Indicator>>,
}

impl Dataset {
    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.shared_indicator(id).map(|indicator| &**indicator)
    }

    /// The indicator with this id, as the shared handle the dataset holds.
    pub fn shared_indicator(&self, id: &str) -> Option<&Rc<Indicator>> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }

    /// Position of the indicator with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.indicators
            .iter()
            .position(|indicator| indicator.id == id)
    }
}

/// How a year's figure is made from its periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearValue {
    /// Flows add up: hours delivered, client weeks, tonnes.
    Sum,
    /// Snapshots and year-to-date averages: the last reported period is the year.
    Last,
    /// Averages of a rate (oil price): the mean of the reported periods.
    Mean,
    /// No meaningful year figure (percentages of something else).
    None,
}

impl YearValue {
    /// The word used in the format: `sum`, `last`, `mean` or `none`.
    pub fn name(self) -> &'static str {
        match self {
            YearValue::Sum => "sum",
            YearValue::Last => "last",
            YearValue::Mean => "mean",
            YearValue::None => "none",
        }
    }
}

/// One activity a council budgets for, over one or more financial years.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Unique id, `[a-z0-9-]+`.
    pub id: String,
    /// Title as the report gives it.
    pub title: String,
    /// Portfolio or directorate, for grouping in pickers.
    pub group: Option<String>,
    /// Unit of every value in this indicator's series.
    pub unit: Unit,
    /// The periods of each year (months, quarters, terms, ...).
    pub periods: PeriodScheme,
    /// How a year totals.
    pub year_value: YearValue,
    /// Id of the indicator giving £ per unit of this one.
    pub unit_cost: Option<String>,
    /// Years in order, consecutive, at least one.
    pub years: Vec<YearFigures>,
    /// Commentary printed beside the table. May contain `**bold**` spans.
    pub notes: Vec<String>,
    /// Where in the source report this table is.
    pub source: Option<String>,
    /// Decimal places the data itself uses (0 to 2), worked out once when
    /// the dataset is read ([`decimals_used`]); see [`Indicator::precision`].
    pub decimals: usize,
}

/// Decimal places (0 to 2) the values of `years` are written with: the most
/// any value needs.
pub fn decimals_used(years: &[YearFigures]) -> usize {
    let mut decimals = 0;
    for figures in years {
        for series in [&figures.budget, &figures.actual, &figures.forecast]
            .into_iter()
            .flatten()
        {
            for value in series.iter().flatten() {
                decimals = decimals.max(decimals_of(*value));
                if decimals == 2 {
                    return decimals;
                }
            }
        }
    }
    decimals
}

impl Indicator {
    /// The figures for one financial year.
    pub fn year(&self, year: FinancialYear) -> Option<&YearFigures> {
        self.years.iter().find(|figures| figures.year == year)
    }

    /// The latest year with at least one actual, else the latest year.
    pub fn default_year(&self) -> Option<FinancialYear> {
        self.years
            .iter()
            .rev()
            .find(|figures| {
                figures
                    .actual
                    .as_ref()
                    .is_some_and(|a| a.iter().any(Option::is_some))
            })
            .or(self.years.last())
            .map(|figures| figures.year)
    }

    /// Number of decimal places the data itself uses (0 to 2), for display.
    /// Stored, not recomputed: every tooltip and table cell asks for it.
    pub fn precision(&self) -> usize {
        self.decimals
    }
}

/// Decimal places (0, 1 or 2) needed to show `value` as written.
fn decimals_of(value: f64) -> usize {
    (0..2)
        .find(|&places| {
            let scaled = value * 10f64.powi(places as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(2)
}

/// Budget, actual and forecast for one indicator and one financial year.
///
/// Each present series has exactly one entry per period; at least one series
/// is present.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    /// The financial year.
    pub year: FinancialYear,
    /// Affordable level by period.
    pub budget: Option<Series>,
    /// Activity delivered by period; absent for budget-only future years.
    pub actual: Option<Series>,
    /// Expected figure by period, made part-way through the year.
    pub forecast: Option<Series>,
    /// Totals as the source printed them, to check against computed ones.
    pub printed_total: PrintedTotal,
}

/// Year totals as printed in the source report.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PrintedTotal {
    /// Printed budget total.
    pub budget: Option<f64>,
    /// Printed actual total.
    pub actual: Option<f64>,
    /// Printed forecast total.
    pub forecast: Option<f64>,
}

impl PrintedTotal {
    /// True when the source printed no total at all.
    pub fn is_empty(&self) -> bool {
        self.budget.is_none() && self.actual.is_none() && self.forecast.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_data() {
        assert_eq!(decimals_of(3.0), 0);
        assert_eq!(decimals_of(102.5), 1);
        assert_eq!(decimals_of(14.72), 2);
        assert_eq!(decimals_of(15.045), 2);
        assert_eq!(decimals_of(-0.3), 1);
    }
}
