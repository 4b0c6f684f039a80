//! The figures council readers ask for, computed from the model: year totals
//! that respect flows and snapshots, year to date, variance, cumulative
//! series, printed-versus-computed totals, snapshot movement, the £ effect
//! split into volume and price, for performance indicators each period's
//! status against target and floor and the direction of travel, parts
//! added up and checked against their whole, and the movement between
//! monitoring rounds.
//!
//! Everything shown by the widget or printed by the CLI comes from here; the
//! layers above do no arithmetic.

mod cost;
mod forecast;
mod parts;
mod performance;
mod rounds;
mod year;

pub use cost::{cost_effect, CostConvention, CostEffect};
pub use forecast::{project, ForecastMethod, Projection};
pub(crate) use parts::same;
pub use parts::{check_parts, children, PartsCheck, PartsMismatch, PartsTotal};
pub use performance::{
    direction, latest, period_performance, status, Direction, Latest, PeriodPerformance, Status,
};
pub use rounds::{outturn, rounds, RoundMovement, Rounds};
pub use year::{analyse_year, Cumulative, PrintedCheck, SeriesKind, SnapshotChange, YearAnalysis};

use crate::model::{Unit, UnitKind, YearValue};

/// A year's figure from its reported periods, the way `how` says.
///
/// `None` values (not reported) are skipped, never counted as zero. Returns
/// `None` when nothing was reported or when `how` is [`YearValue::None`].
pub fn year_value<I>(values: I, how: YearValue) -> Option<f64>
where
    I: IntoIterator<Item = Option<f64>>,
{
    let mut reported = values.into_iter().flatten();
    match how {
        YearValue::Sum => {
            let first = reported.next()?;
            Some(reported.fold(first, |total, value| total + value))
        }
        YearValue::Last => reported.last(),
        YearValue::Mean => {
            let (total, count) = reported.fold((0.0, 0usize), |(t, n), v| (t + v, n + 1));
            (count > 0).then(|| total / count as f64)
        }
        YearValue::None => None,
    }
}

/// A variance as a percentage of the figure it departs from, for an
/// indicator in `unit`; `None` when `base` is zero, and always `None` for a
/// percentage indicator: 78.1% against 72.2% is 5.9 percentage points above,
/// and a percent of a percent (8.2%) is a statement no report makes.
pub fn variance_percent(unit: &Unit, variance: f64, base: f64) -> Option<f64> {
    if unit.kind == UnitKind::Percent {
        return None;
    }
    percent_of(variance, base)
}

/// `part` as a percentage of `whole`; `None` when `whole` is zero.
pub fn percent_of(part: f64, whole: f64) -> Option<f64> {
    (whole != 0.0).then(|| part / whole.abs() * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_value_skips_nulls_and_respects_the_kind() {
        let values = [Some(1.0), None, Some(4.0), Some(7.0), None];
        assert_eq!(year_value(values, YearValue::Sum), Some(12.0));
        assert_eq!(year_value(values, YearValue::Last), Some(7.0));
        assert_eq!(year_value(values, YearValue::Mean), Some(4.0));
        assert_eq!(year_value(values, YearValue::None), None);
        assert_eq!(year_value([None, None], YearValue::Sum), None);
        assert_eq!(year_value([Some(0.0)], YearValue::Sum), Some(0.0));
    }

    #[test]
    fn percent_of_zero_is_undefined() {
        assert_eq!(percent_of(5.0, 0.0), None);
        assert_eq!(percent_of(5.0, 200.0), Some(2.5));
        assert_eq!(percent_of(-5.0, -200.0), Some(-2.5));
    }
}
