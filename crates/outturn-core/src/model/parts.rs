//! A parent that gives no figures of its own for a year gets them from its
//! parts, added up period by period where every part reports the period,
//! when the dataset is read. Only figures that add up are added up
//! ([`Indicator::is_summable`]).

use super::{Indicator, Series, YearFigures};
use crate::model::FinancialYear;

/// A part-by-period total of `series` over `parts` in `year`: each period
/// where every part reports it, added up; `None` elsewhere.
fn period_totals(
    parts: &[&Indicator],
    year: FinancialYear,
    periods: usize,
    pick: fn(&YearFigures) -> &Option<Series>,
) -> Option<Series> {
    let series: Vec<&Series> = parts
        .iter()
        .map(|p| p.year(year).and_then(|f| pick(f).as_ref()))
        .collect::<Option<_>>()?;
    let totals: Series = (0..periods)
        .map(|i| series.iter().map(|s| s.get(i).copied().flatten()).sum())
        .collect();
    totals.iter().any(Option::is_some).then_some(totals)
}

/// Fills each year of a parent that gives no figures of its own with its
/// parts' figures added up period by period (where every part reports a
/// period), passing over the indicators until nothing changes (so a parent
/// of parents is filled once its parts are), and marks the year as added up from
/// its parts. Figures that may not be summed are left empty. Run once when
/// a dataset is read.
pub(super) fn fill_from_parts(indicators: &mut [Indicator]) {
    // A parent filled from its parts may itself be a part: repeat until
    // nothing changes (a chain of parents never loops, so this ends).
    loop {
        let mut filled = false;
        for index in 0..indicators.len() {
            let parent = &indicators[index];
            if !parent.is_summable() {
                continue;
            }
            let parts: Vec<&Indicator> = indicators
                .iter()
                .filter(|i| i.parent.as_deref() == Some(parent.id.as_str()))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let periods = parent.periods.len();
            let mut updates = Vec::new();
            for (at, figures) in parent.years.iter().enumerate() {
                if !figures.is_empty_of_figures() || figures.from_parts > 0 {
                    continue;
                }
                let year = figures.year;
                let budget = period_totals(&parts, year, periods, |f| &f.budget);
                let actual = period_totals(&parts, year, periods, |f| &f.actual);
                let forecast = period_totals(&parts, year, periods, |f| &f.forecast);
                if budget.is_some() || actual.is_some() || forecast.is_some() {
                    updates.push((at, budget, actual, forecast, parts.len()));
                }
            }
            for (at, budget, actual, forecast, count) in updates {
                if let Some(figures) = indicators[index].years.get_mut(at) {
                    figures.budget = budget;
                    figures.actual = actual;
                    figures.forecast = forecast;
                    figures.from_parts = count;
                    filled = true;
                }
            }
            if filled {
                let decimals = super::decimals_used(&indicators[index].years);
                indicators[index].decimals = decimals;
            }
        }
        if !filled {
            break;
        }
    }
}
