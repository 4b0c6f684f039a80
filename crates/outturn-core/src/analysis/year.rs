//! One indicator in one financial year: totals, year to date, variance,
//! cumulative series, printed totals and snapshot movement.

use super::{variance_percent, year_value};
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
    /// True when every period the printed total covers has a value in the
    /// series (all periods for `sum` and `mean`, the year's final period for
    /// `last`). A total over periods that were not all reported cannot be
    /// said to disagree with them.
    pub complete: bool,
}

impl PrintedCheck {
    /// printed - computed, when both exist.
    pub fn difference(&self) -> Option<f64> {
        self.computed.map(|computed| self.printed - computed)
    }

    /// True when printed and computed agree to rounding noise.
    pub fn agrees(&self) -> bool {
        self.computed.is_some_and(|computed| {
            (self.printed - computed).abs() <= 1e-9 * self.printed.abs().max(1.0) + 1e-9
        })
    }

    /// True when the total can be checked against its periods and differs
    /// from them by more than rounding noise.
    pub fn is_mismatch(&self) -> bool {
        self.complete && self.computed.is_some() && !self.agrees()
    }

    /// True when the total disagrees with the periods, or cannot be compared
    /// with them, because not every period it covers was reported (or the
    /// indicator has no year figure): neither a match nor a mismatch.
    pub fn is_unchecked(&self) -> bool {
        !self.agrees() && !self.is_mismatch()
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
///
/// Each change pairs figures of like periods: the latest with the period
/// just before it, and with the same period a year earlier, never with
/// whatever was reported last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SnapshotChange {
    /// Latest actual minus the actual of the period just before it in the
    /// same year; `None` when that period was not reported (or the latest is
    /// the year's first period).
    pub over_last_period: Option<f64>,
    /// Latest actual minus the actual of the same period of the previous
    /// year; `None` when that was not reported.
    pub over_year: Option<f64>,
    /// True when the data has the previous year but not the same period of
    /// it: the page says the comparison cannot be made.
    pub year_earlier_missing: bool,
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
    /// The periods with an actual (indices, in order).
    pub reported: Vec<usize>,
    /// Index of the last period with an actual: the "as at" position.
    pub last_reported: Option<usize>,
    /// The periods the variance compares, each with both an actual and an
    /// affordable level: for `sum` and `mean` every such period, for `last`
    /// the latest reported period alone (and none when it has no affordable
    /// level). Equal to `reported` when every reported period has a budget.
    pub compared: Vec<usize>,
    /// Full-year affordable level (all periods).
    pub budget: Option<f64>,
    /// Affordable level over the `compared` periods.
    pub budget_to_date: Option<f64>,
    /// Actual to date over every reported period; the outturn once every
    /// period is reported.
    pub actual: Option<f64>,
    /// Actual over the `compared` periods: the figure `budget_to_date` is
    /// set against. Equal to `actual` when `compared` equals `reported`.
    pub actual_compared: Option<f64>,
    /// The forecast of the year's figure: the year value of the forecast
    /// series where it covers what the year figure needs (every period for
    /// `sum` and `mean`, the final period for `last`), else of the actuals
    /// to date with the forecast for the periods not yet reported (a
    /// forecast outturn); `None` when neither covers the year.
    pub forecast: Option<f64>,
    /// forecast - the full-year affordable level.
    pub forecast_variance: Option<f64>,
    /// forecast_variance as % of the full-year affordable level; `None` for
    /// percentages (see `variance_pct`).
    pub forecast_variance_pct: Option<f64>,
    /// actual_compared - budget_to_date (units of the indicator). Positive =
    /// over. `None` when no period has both.
    pub variance: Option<f64>,
    /// variance as % of budget_to_date; `None` for percentages, whose
    /// differences are percentage points, not a percent of a percent.
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

    /// True when the variance leaves out reported periods (they have no
    /// affordable level), so its actual is not the year's actual to date.
    /// A snapshot's figure is its latest period, so it never does.
    pub fn compares_fewer_than_reported(&self) -> bool {
        self.year_value != YearValue::Last && self.compared != self.reported
    }

    /// True when the reported periods run from the year's first period
    /// without a gap: "year to date" is then a true description.
    pub fn is_to_date(&self) -> bool {
        self.last_reported
            .is_some_and(|last| last + 1 == self.periods_reported)
    }

    /// Printed totals that differ from the computed ones.
    pub fn printed_mismatches(&self) -> impl Iterator<Item = &PrintedCheck> {
        self.printed.iter().filter(|check| check.is_mismatch())
    }
}

fn empty(periods: usize) -> Series {
    vec![None; periods]
}

/// True when `series` has a value in every period a year figure of kind
/// `how` is made from: all of them, or the final one for `last`.
fn covers_year(series: &[Option<f64>], how: YearValue) -> bool {
    match how {
        YearValue::Last => series.last().is_some_and(Option::is_some),
        YearValue::Sum | YearValue::Mean => series.iter().all(Option::is_some),
        YearValue::None => false,
    }
}

/// The year's forecast: the forecast series where it covers the year, else
/// actuals to date with the forecast after them (see [`YearAnalysis::forecast`]).
fn forecast_of_year(
    forecast: &[Option<f64>],
    actual: &[Option<f64>],
    how: YearValue,
) -> Option<f64> {
    if !forecast.iter().any(Option::is_some) {
        return None;
    }
    if covers_year(forecast, how) {
        return year_value(forecast.iter().copied(), how);
    }
    // Actuals where reported, the forecast for the rest: only when the
    // forecast takes over after the last actual, so no period is counted
    // from a forecast that an actual has since replaced or left out.
    let last_actual = actual.iter().rposition(Option::is_some);
    let combined: Series = actual
        .iter()
        .zip(forecast)
        .enumerate()
        .map(|(i, (a, f))| match last_actual {
            Some(last) if i <= last => *a,
            _ => *f,
        })
        .collect();
    covers_year(&combined, how)
        .then(|| year_value(combined.iter().copied(), how))
        .flatten()
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

    let reported: Vec<usize> = (0..periods)
        .filter(|&i| actual.get(i).is_some_and(Option::is_some))
        .collect();
    let periods_reported = reported.len();
    let last_reported = reported.last().copied();
    let has_budget = |i: &usize| budget.get(*i).is_some_and(Option::is_some);
    // A variance pairs figures of the same periods: for a snapshot the
    // latest actual with the budget of that same period, never an earlier
    // one; for flows and means every period that has both.
    let compared: Vec<usize> = match how {
        YearValue::Last => last_reported.filter(has_budget).into_iter().collect(),
        _ => reported.iter().copied().filter(has_budget).collect(),
    };
    // The year value of `series` over the compared periods alone (visited
    // in order by index, so a year of readings costs one pass).
    let only = |series: &[Option<f64>]| {
        year_value(
            compared.iter().map(|&i| series.get(i).copied().flatten()),
            how,
        )
    };

    let full_budget = year_value(budget.iter().copied(), how);
    let budget_to_date = only(budget);
    let actual_to_date = year_value(actual.iter().copied(), how);
    let actual_compared = only(actual);
    let variance = match (actual_compared, budget_to_date) {
        (Some(actual), Some(budget)) => Some(actual - budget),
        _ => None,
    };
    let variance_pct = variance
        .zip(budget_to_date)
        .and_then(|(v, b)| variance_percent(&indicator.unit, v, b));
    let forecast_year = forecast_of_year(forecast, actual, how);
    let forecast_variance = forecast_year.zip(full_budget).map(|(f, b)| f - b);

    let period_variance = budget
        .iter()
        .zip(actual)
        .map(|(budget, actual)| Some(actual.as_ref()? - budget.as_ref()?))
        .collect();

    let printed = printed_checks(figures, (budget, actual), how, forecast_year);

    let snapshot_change = (how == YearValue::Last)
        .then(|| snapshot_change(indicator, figures, actual, last_reported));

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
        reported,
        last_reported,
        compared,
        budget: full_budget,
        budget_to_date,
        actual: actual_to_date,
        actual_compared,
        forecast: forecast_year,
        forecast_variance,
        forecast_variance_pct: forecast_variance
            .zip(full_budget)
            .and_then(|(v, b)| variance_percent(&indicator.unit, v, b)),
        variance,
        variance_pct,
        period_variance,
        running_variance,
        cumulative,
        printed,
        snapshot_change,
    }
}

/// The year's printed totals set against the computed ones, each marked
/// complete when the computed one covers the whole year (see
/// [`PrintedCheck`]).
/// `budget` and `actual` are the year's series, all `None` where absent.
fn printed_checks(
    figures: &YearFigures,
    (budget, actual): (&[Option<f64>], &[Option<f64>]),
    how: YearValue,
    forecast_year: Option<f64>,
) -> Vec<PrintedCheck> {
    let computed = |series: &Option<Series>| {
        series
            .as_ref()
            .and_then(|values| year_value(values.iter().copied(), how))
    };
    let printed_total = &figures.printed_total;
    [
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
        (SeriesKind::Forecast, printed_total.forecast, forecast_year),
    ]
    .into_iter()
    .filter_map(|(series, printed, computed)| {
        let complete = match series {
            SeriesKind::Budget => covers_year(budget, how),
            SeriesKind::Actual => covers_year(actual, how),
            SeriesKind::Forecast => forecast_year.is_some(),
        };
        Some(PrintedCheck {
            series,
            printed: printed?,
            computed,
            complete,
        })
    })
    .collect()
}

/// How a snapshot moved: on the period before its latest, and on the same
/// period a year earlier (or that the year earlier has no figure for it).
fn snapshot_change(
    indicator: &Indicator,
    figures: &YearFigures,
    actual: &[Option<f64>],
    last_reported: Option<usize>,
) -> SnapshotChange {
    let at = |series: &[Option<f64>], i: usize| series.get(i).copied().flatten();
    let latest = last_reported.and_then(|i| Some((i, at(actual, i)?)));
    let over_last_period = latest.and_then(|(i, now)| {
        let before = at(actual, i.checked_sub(1)?)?;
        Some(now - before)
    });
    let previous = indicator
        .year(figures.year.previous())
        .map(|previous| previous.actual.as_deref().unwrap_or(&[]));
    let then = latest
        .zip(previous)
        .and_then(|((i, _), series)| at(series, i));
    SnapshotChange {
        over_last_period,
        over_year: latest.zip(then).map(|((_, now), then)| now - then),
        year_earlier_missing: latest.is_some() && previous.is_some() && then.is_none(),
    }
}
