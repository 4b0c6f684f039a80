//! One indicator in one financial year: totals, year to date, variance,
//! cumulative series, printed totals and snapshot movement.

use super::{percent_of, year_value};
use crate::model::{FinancialYear, Indicator, Series, YearFigures, YearValue};

/// Which of the three series a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesKind {
    /// The affordable level.
    Budget,
    /// Activity delivered.
    Actual,
    /// Expected year-end figure.
    Forecast,
}

impl SeriesKind {
    /// The word used in the format and the CLI's JSON: `budget`, `actual`, `forecast`.
    pub fn name(self) -> &'static str {
        match self {
            SeriesKind::Budget => "budget",
            SeriesKind::Actual => "actual",
            SeriesKind::Forecast => "forecast",
        }
    }
}

/// A total the source printed beside the one computed from its periods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintedCheck {
    /// Which series.
    pub series: SeriesKind,
    /// As printed.
    pub printed: f64,
    /// As computed from the periods with the indicator's `year_value`; `None`
    /// when no year figure can be computed.
    pub computed: Option<f64>,
}

impl PrintedCheck {
    /// printed - computed, when both exist.
    pub fn difference(&self) -> Option<f64> {
        self.computed.map(|computed| self.printed - computed)
    }

    /// True when printed and computed differ by more than rounding noise.
    pub fn is_mismatch(&self) -> bool {
        match self.computed {
            Some(computed) => {
                (self.printed - computed).abs() > 1e-9 * self.printed.abs().max(1.0) + 1e-9
            }
            None => true,
        }
    }
}

/// Year-to-date series, one entry per period (`None` where the period was not reported).
///
/// Flows accumulate; snapshots and year-to-date averages are already "to date",
/// so they are the values themselves; means are running means; `none`
/// indicators have no cumulative series (all `None`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cumulative {
    /// Cumulative affordable level.
    pub budget: Series,
    /// Cumulative actual.
    pub actual: Series,
    /// Cumulative forecast.
    pub forecast: Series,
}

/// How a snapshot moved: "increased by 41 this quarter and 157 over the year".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SnapshotChange {
    /// Last reported actual minus the one reported before it in the year.
    pub over_last_period: Option<f64>,
    /// Last reported actual minus the previous year's final actual.
    pub over_year: Option<f64>,
}

/// Every figure Outturn shows for one indicator and year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearAnalysis {
    /// The financial year.
    pub year: FinancialYear,
    /// Periods in the year.
    pub periods: usize,
    /// How the year totals.
    pub year_value: YearValue,
    /// Periods with an actual.
    pub periods_reported: usize,
    /// Index of the last period with an actual: the "as at" position.
    pub last_reported: Option<usize>,
    /// Full-year affordable level (all periods).
    pub budget: Option<f64>,
    /// Affordable level for the periods that have an actual.
    pub budget_to_date: Option<f64>,
    /// Actual to date; the outturn once every period is reported.
    pub actual: Option<f64>,
    /// Year figure of the forecast series.
    pub forecast: Option<f64>,
    /// actual - budget_to_date (units of the indicator). Positive = over.
    pub variance: Option<f64>,
    /// variance as % of budget_to_date.
    pub variance_pct: Option<f64>,
    /// actual - budget for each period.
    pub period_variance: Series,
    /// Variance to date at each period: cumulative actual - cumulative
    /// budget (for snapshots and means, the same as the period's variance).
    pub running_variance: Series,
    /// Year-to-date series.
    pub cumulative: Cumulative,
    /// Printed totals against computed ones.
    pub printed: Vec<PrintedCheck>,
    /// For snapshots (`year_value: last`): movement.
    pub snapshot_change: Option<SnapshotChange>,
}

impl YearAnalysis {
    /// True when every period has an actual.
    pub fn is_complete(&self) -> bool {
        self.periods_reported == self.periods
    }

    /// Printed totals that differ from the computed ones.
    pub fn printed_mismatches(&self) -> impl Iterator<Item = &PrintedCheck> {
        self.printed.iter().filter(|check| check.is_mismatch())
    }
}

fn empty(periods: usize) -> Series {
    vec![None; periods]
}

fn cumulative(values: &[Option<f64>], how: YearValue) -> Series {
    let mut total = 0.0;
    let mut count = 0usize;
    values
        .iter()
        .map(|value| {
            let value = (*value)?;
            total += value;
            count += 1;
            match how {
                YearValue::Sum => Some(total),
                YearValue::Last => Some(value),
                YearValue::Mean => Some(total / count as f64),
                YearValue::None => None,
            }
        })
        .collect()
}

/// Cumulative actual - cumulative budget, period by period.
fn cumulative_pairs(budget: &[Option<f64>], actual: &[Option<f64>], how: YearValue) -> Series {
    cumulative(budget, how)
        .into_iter()
        .zip(cumulative(actual, how))
        .map(|(b, a)| Some(a? - b?))
        .collect()
}

/// Analyses `figures`, a year of `indicator`.
pub fn analyse_year(indicator: &Indicator, figures: &YearFigures) -> YearAnalysis {
    let periods = indicator.periods.len();
    let how = indicator.year_value;
    let none = empty(periods);
    let budget = figures.budget.as_ref().unwrap_or(&none);
    let actual = figures.actual.as_ref().unwrap_or(&none);
    let forecast = figures.forecast.as_ref().unwrap_or(&none);

    let periods_reported = actual.iter().filter(|value| value.is_some()).count();
    let last_reported = actual.iter().rposition(Option::is_some);
    // Budget restricted to the periods that have an actual.
    let budget_reported = budget
        .iter()
        .zip(actual)
        .map(|(budget, actual)| actual.and(*budget));

    let full_budget = year_value(budget.iter().copied(), how);
    let budget_to_date = year_value(budget_reported, how);
    let actual_to_date = year_value(actual.iter().copied(), how);
    let variance = match (actual_to_date, budget_to_date) {
        (Some(actual), Some(budget)) => Some(actual - budget),
        _ => None,
    };
    let variance_pct = variance
        .zip(budget_to_date)
        .and_then(|(v, b)| percent_of(v, b));

    let period_variance = budget
        .iter()
        .zip(actual)
        .map(|(budget, actual)| Some(actual.as_ref()? - budget.as_ref()?))
        .collect();

    let computed = |series: &Option<Series>| {
        series
            .as_ref()
            .and_then(|values| year_value(values.iter().copied(), how))
    };
    let printed_total = &figures.printed_total;
    let printed = [
        (
            SeriesKind::Budget,
            printed_total.budget,
            computed(&figures.budget),
        ),
        (
            SeriesKind::Actual,
            printed_total.actual,
            computed(&figures.actual),
        ),
        (
            SeriesKind::Forecast,
            printed_total.forecast,
            computed(&figures.forecast),
        ),
    ]
    .into_iter()
    .filter_map(|(series, printed, computed)| {
        Some(PrintedCheck {
            series,
            printed: printed?,
            computed,
        })
    })
    .collect();

    let snapshot_change = (how == YearValue::Last).then(|| {
        let reported: Vec<f64> = actual.iter().flatten().copied().collect();
        let latest = reported.last().copied();
        let over_last_period = match reported.as_slice() {
            [.., before, last] => Some(last - before),
            _ => None,
        };
        let previous_final = indicator
            .year(figures.year.previous())
            .and_then(|previous| previous.actual.as_ref())
            .and_then(|values| values.iter().rev().flatten().next().copied());
        SnapshotChange {
            over_last_period,
            over_year: latest.zip(previous_final).map(|(now, then)| now - then),
        }
    });

    let cumulative = Cumulative {
        budget: cumulative(budget, how),
        actual: cumulative(actual, how),
        forecast: cumulative(forecast, how),
    };
    // Cumulate over periods where both are reported, so a gap in either
    // never turns into a spurious variance.
    let both_budget: Series = budget.iter().zip(actual).map(|(b, a)| a.and(*b)).collect();
    let both_actual: Series = actual.iter().zip(budget).map(|(a, b)| b.and(*a)).collect();
    let running_variance = cumulative_pairs(&both_budget, &both_actual, how);

    YearAnalysis {
        year: figures.year,
        periods,
        year_value: how,
        periods_reported,
        last_reported,
        budget: full_budget,
        budget_to_date,
        actual: actual_to_date,
        forecast: computed(&figures.forecast),
        variance,
        variance_pct,
        period_variance,
        running_variance,
        cumulative,
        printed,
        snapshot_change,
    }
}
