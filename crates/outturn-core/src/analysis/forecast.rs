//! Projected outturn for a part year, by three methods, from an explicit
//! "as at" period (never the clock), so a user can replay the year from any
//! month:
//! - **run rate**: the rest of the year continues at the average so far
//!   (flows and means), or stays at the latest figure (snapshots);
//! - **last year's profile**: the rest follows last year's seasonal shape,
//!   scaled by how this year compares with last year so far (flows and
//!   means), or moves as last year moved from the same point (snapshots);
//! - **budget profile**: the rest comes in exactly at the affordable level.

use super::{variance_percent, year_value};
use crate::model::{Indicator, Series, YearFigures, YearValue};

/// How the rest of the year is projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForecastMethod {
    /// Continue at the average so far (snapshots: stay at the latest figure).
    #[default]
    RunRate,
    /// Follow last year's seasonal profile, scaled to this year's level.
    LastYearProfile,
    /// Assume the affordable level for the remaining periods.
    BudgetProfile,
}

impl ForecastMethod {
    /// Every method, in the order they are offered.
    pub const ALL: [ForecastMethod; 3] = [
        ForecastMethod::RunRate,
        ForecastMethod::LastYearProfile,
        ForecastMethod::BudgetProfile,
    ];

    /// URL word: `run-rate`, `last-year`, `budget`.
    pub fn slug(self) -> &'static str {
        match self {
            ForecastMethod::RunRate => "run-rate",
            ForecastMethod::LastYearProfile => "last-year",
            ForecastMethod::BudgetProfile => "budget",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.slug() == slug)
    }

    /// How the method is named to readers.
    pub fn describe(self) -> &'static str {
        match self {
            ForecastMethod::RunRate => "run rate so far",
            ForecastMethod::LastYearProfile => "last year's profile",
            ForecastMethod::BudgetProfile => "affordable level for the remaining periods",
        }
    }
}

/// A year projected from an "as at" period.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// The method used.
    pub method: ForecastMethod,
    /// Last period counted as actual (0-based).
    pub as_at: usize,
    /// Actuals to `as_at`, `None` after.
    pub actual: Series,
    /// Projected values for the periods after `as_at` (`None` up to it, and
    /// where the method has nothing to go on).
    pub projected: Series,
    /// Projected outturn: the year value of actuals plus projections.
    pub outturn: Option<f64>,
    /// Full-year affordable level.
    pub budget: Option<f64>,
    /// outturn - budget.
    pub variance: Option<f64>,
    /// variance as % of budget.
    pub variance_pct: Option<f64>,
}

/// Projects `figures` (a year of `indicator`) from period `as_at` by
/// `method`. `None` when nothing is reported up to `as_at`, the indicator has
/// no year figure (`none`), or the method lacks what it needs (no earlier
/// year, no budget).
pub fn project(
    indicator: &Indicator,
    figures: &YearFigures,
    as_at: usize,
    method: ForecastMethod,
) -> Option<Projection> {
    let how = indicator.year_value;
    if how == YearValue::None {
        return None;
    }
    let periods = indicator.periods.len();
    let as_at = as_at.min(periods.checked_sub(1)?);
    let all_actual = figures.actual.as_ref()?;
    let actual: Series = (0..periods)
        .map(|i| {
            if i <= as_at {
                all_actual.get(i).copied().flatten()
            } else {
                None
            }
        })
        .collect();
    let reported: Vec<(usize, f64)> = actual
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .collect();
    let &(last_index, last_value) = reported.last()?;
    let mean = reported.iter().map(|(_, v)| v).sum::<f64>() / reported.len() as f64;
    let budget = figures.budget.as_ref();
    let remaining = as_at + 1..periods;
    let mut projected: Series = vec![None; periods];
    match method {
        ForecastMethod::RunRate => {
            let rate = if how == YearValue::Last {
                last_value
            } else {
                mean
            };
            for i in remaining {
                projected[i] = Some(rate);
            }
        }
        ForecastMethod::BudgetProfile => {
            let budget = budget?;
            for i in remaining {
                projected[i] = budget.get(i).copied().flatten();
            }
        }
        ForecastMethod::LastYearProfile => {
            let previous = indicator.year(figures.year.previous())?.actual.as_ref()?;
            let at = |i: usize| previous.get(i).copied().flatten();
            if how == YearValue::Last {
                let base = at(last_index)?;
                for i in remaining {
                    projected[i] = at(i).map(|then| last_value + (then - base));
                }
            } else {
                // Scale by this year to date over last year for the same periods.
                let (now, then) = reported
                    .iter()
                    .fold((0.0, 0.0), |(now, then), (i, v)| match at(*i) {
                        Some(previous) => (now + v, then + previous),
                        None => (now, then),
                    });
                if then == 0.0 {
                    return None;
                }
                let ratio = now / then;
                for i in remaining {
                    projected[i] = at(i).map(|v| v * ratio);
                }
            }
        }
    }
    let combined = actual.iter().zip(&projected).map(|(a, p)| a.or(*p));
    let outturn = year_value(combined, how);
    let full_budget = budget.and_then(|b| year_value(b.iter().copied(), how));
    let variance = outturn.zip(full_budget).map(|(o, b)| o - b);
    Some(Projection {
        method,
        as_at,
        actual,
        projected,
        outturn,
        budget: full_budget,
        variance,
        variance_pct: variance
            .zip(full_budget)
            .and_then(|(v, b)| variance_percent(&indicator.unit, v, b)),
    })
}
