//! Parts and wholes: an indicator's parts (the indicators naming it as
//! their `parent`) added up and compared with it, year by year and period
//! by period, the way a report's rows are checked against its total row.
//!
//! Only what adds up is added up (see [`Indicator::is_summable`]): counts and money whose year is a sum (a
//! flow) or its last period (a snapshot: the areas' children looked after
//! at March add up to the county's). Percentages, rates ("children per
//! 10,000", "£ per hour"), averages and figures with no year value are
//! never summed. A total is given only where every part reports the series
//! (for the actual, the same periods), so a missing team never makes the
//! county look lower.

use super::{analyse_year, SeriesKind, YearAnalysis};
use crate::model::{Dataset, FinancialYear, Indicator};

/// The indicators of `dataset` naming `id` as their parent, in the
/// dataset's order.
pub fn children<'d>(dataset: &'d Dataset, id: &str) -> Vec<&'d Indicator> {
    dataset
        .indicators
        .iter()
        .filter(|i| i.parent.as_deref() == Some(id))
        .map(|i| &**i)
        .collect()
}

/// The parts of one year added up, series by series; `None` where not
/// every part reports the series (for the actual: the same periods), or
/// where the figures may not be summed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PartsTotal {
    /// The parts' year budgets added up.
    pub budget: Option<f64>,
    /// The parts' year actuals added up.
    pub actual: Option<f64>,
    /// The parts' year forecasts added up.
    pub forecast: Option<f64>,
}

impl PartsTotal {
    /// The total of `series`.
    pub fn of(&self, series: SeriesKind) -> Option<f64> {
        match series {
            SeriesKind::Budget => self.budget,
            SeriesKind::Actual => self.actual,
            SeriesKind::Forecast => self.forecast,
        }
    }
}

/// A series where the whole's figure is not its parts' total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartsMismatch {
    /// Which series.
    pub series: SeriesKind,
    /// The whole's figure.
    pub parent: f64,
    /// Its parts' total.
    pub children: f64,
}

impl PartsMismatch {
    /// Parts' total minus the whole's figure.
    pub fn difference(&self) -> f64 {
        self.children - self.parent
    }
}

/// One year of a whole and its parts, compared.
#[derive(Debug, Clone, PartialEq)]
pub struct PartsCheck {
    /// The year.
    pub year: FinancialYear,
    /// How many parts the whole has.
    pub parts: usize,
    /// The parts added up.
    pub total: PartsTotal,
    /// Each series where the whole and its parts' total are both known and
    /// differ; `None` where no series could be compared.
    pub mismatches: Option<Vec<PartsMismatch>>,
    /// The series that could be compared (both known), in order.
    pub compared: Vec<SeriesKind>,
}

/// The year analysis of `indicator` in `year`, if it has that year.
fn analysed(indicator: &Indicator, year: FinancialYear) -> Option<YearAnalysis> {
    Some(analyse_year(indicator, indicator.year(year)?))
}

/// Two figures that show the same at `decimals` places are the same: the
/// data's own rounding is not a difference.
pub(crate) fn same(a: f64, b: f64, decimals: usize) -> bool {
    (a - b).abs() < 0.5 * 10f64.powi(-(decimals as i32))
}

/// `parent` (in `dataset`) and its parts in `year`, compared: `None` when
/// it has no parts, or no year `year`.
pub fn check_parts(
    dataset: &Dataset,
    parent: &Indicator,
    year: FinancialYear,
) -> Option<PartsCheck> {
    let parts = children(dataset, &parent.id);
    if parts.is_empty() {
        return None;
    }
    let whole = analysed(parent, year)?;
    let analyses: Vec<YearAnalysis> = parts
        .iter()
        .map(|p| analysed(p, year))
        .collect::<Option<_>>()
        .unwrap_or_default();
    // Every part has the year, and all report the same periods (actuals
    // over different periods do not add up to one year figure).
    let complete = analyses.len() == parts.len();
    let periods = analyses.first().map(|a| a.reported.clone());
    let same_periods = complete
        && analyses
            .iter()
            .all(|a| Some(&a.reported) == periods.as_ref());
    let total = if parent.is_summable() && complete {
        let add = |pick: fn(&YearAnalysis) -> Option<f64>| -> Option<f64> {
            analyses.iter().map(pick).sum::<Option<f64>>()
        };
        PartsTotal {
            budget: add(|a| a.budget),
            actual: add(|a| a.actual).filter(|_| same_periods),
            forecast: add(|a| a.forecast),
        }
    } else {
        PartsTotal::default()
    };
    let decimals = parent.precision();
    // The whole's actual is compared only over the periods its parts report.
    let whole_agrees = periods.as_ref() == Some(&whole.reported);
    let compare = |series: SeriesKind, own: Option<f64>, comparable: bool| {
        let (own, parts) = (own?, total.of(series)?);
        comparable.then_some(PartsMismatch {
            series,
            parent: own,
            children: parts,
        })
    };
    let compared: Vec<PartsMismatch> = [
        compare(SeriesKind::Budget, whole.budget, true),
        compare(SeriesKind::Actual, whole.actual, whole_agrees),
        compare(SeriesKind::Forecast, whole.forecast, true),
    ]
    .into_iter()
    .flatten()
    .collect();
    let series = compared.iter().map(|m| m.series).collect();
    let mismatches = (!compared.is_empty()).then(|| {
        compared
            .into_iter()
            .filter(|m| !same(m.parent, m.children, decimals))
            .collect()
    });
    Some(PartsCheck {
        year,
        parts: parts.len(),
        total,
        mismatches,
        compared: series,
    })
}
