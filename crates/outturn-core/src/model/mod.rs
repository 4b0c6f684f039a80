//! The `outturn/1` data model: what a dataset says, validated once at the boundary.
//!
//! Every type here is plain data. [`parse_dataset`] is the only way in from JSON
//! and guarantees the invariants documented on each type (series lengths equal
//! the period count, years consecutive, ids unique, `unit_cost` targets exist).

use std::rc::Rc;

mod diagnostic;
mod parse;
mod parts;
mod period;
mod unit;

pub use diagnostic::{Diagnostic, Severity};
pub use parse::{
    decode_text, parse_dataset, too_large, ParseError, Parsed, FORMAT, MAX_ABS_VALUE,
    MAX_INDICATORS, MAX_INPUT_BYTES, MAX_PERIODS, MAX_TEXT_CHARS, MAX_YEARS,
};
pub use period::{CalendarMonth, FinancialYear, PeriodScheme};
pub use unit::{Unit, UnitKind};

/// Values for one series over the periods of a year; `None` = not reported.
pub type Series = Vec<Option<f64>>;

/// The value of period `index` of a series the year may not have: `None`
/// when the series is absent, the period past its end, or not reported.
pub fn value_at(series: &Option<Series>, index: usize) -> Option<f64> {
    series
        .as_ref()
        .and_then(|values| values.get(index).copied().flatten())
}

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

/// Which way is better for an indicator's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// More is better: waste diverted from landfill, reviews on time.
    HigherIsBetter,
    /// Less is better: spending against an affordable level, pothole
    /// repair days, first-time entrants to youth justice.
    LowerIsBetter,
    /// Neither: Outturn says above or below, never better or worse.
    Neutral,
}

impl Polarity {
    /// Every polarity.
    pub const ALL: [Polarity; 3] = [
        Polarity::HigherIsBetter,
        Polarity::LowerIsBetter,
        Polarity::Neutral,
    ];

    /// The word in the format: `higher-is-better`, `lower-is-better`,
    /// `neutral`.
    pub fn slug(self) -> &'static str {
        match self {
            Polarity::HigherIsBetter => "higher-is-better",
            Polarity::LowerIsBetter => "lower-is-better",
            Polarity::Neutral => "neutral",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|polarity| polarity.slug() == slug)
    }
}

/// A Red/Amber/Green status as a source prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    /// On or better than target.
    Green,
    /// Short of target, within tolerance (at or better than the floor).
    Amber,
    /// Worse than the floor.
    Red,
}

impl Rag {
    /// Every status, best first.
    pub const ALL: [Rag; 3] = [Rag::Green, Rag::Amber, Rag::Red];

    /// The word in the format: `green`, `amber`, `red`.
    pub fn slug(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|rag| rag.slug() == slug)
    }
}

/// A comparison series: a national, regional or statistical-neighbour
/// average, by period.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    /// What it is: "England average".
    pub label: String,
    /// One value per period, in the indicator's unit.
    pub values: Series,
}

/// A forecast of a year's value made at a monitoring round ("February
/// returns"), in the indicator's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastRound {
    /// The calendar month whose figures the forecast used.
    pub as_at: CalendarMonth,
    /// The forecast of the year value, in the indicator's unit.
    pub value: f64,
    /// What the round is called ("February returns", "Reported to Cabinet,
    /// 14 May 2012"), if given.
    pub label: Option<String>,
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
    /// Id of the indicator this one is a part of (a portfolio's service
    /// line, a county's area, an area's team); same unit and periods.
    pub parent: Option<String>,
    /// What this indicator's children are ("by area", "by portfolio").
    pub breakdown: Option<String>,
    /// Unit of every value in this indicator's series.
    pub unit: Unit,
    /// The periods of each year (months, quarters, terms, ...).
    pub periods: PeriodScheme,
    /// How a year totals.
    pub year_value: YearValue,
    /// Id of the indicator giving £ per unit of this one.
    pub unit_cost: Option<String>,
    /// Which way is better. As given, or when absent: lower is better for
    /// an indicator with an affordable level (spending above it is a
    /// pressure), neutral otherwise.
    pub polarity: Polarity,
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
        let series = [
            &figures.budget,
            &figures.actual,
            &figures.forecast,
            &figures.target,
            &figures.floor,
        ];
        let benchmarks = figures.benchmarks.iter().map(|b| &b.values);
        let values = series
            .into_iter()
            .flatten()
            .chain(benchmarks)
            .flat_map(|series| series.iter().flatten())
            .chain(figures.forecast_rounds.iter().map(|round| &round.value));
        for value in values {
            decimals = decimals.max(decimals_of(*value));
            if decimals == 2 {
                return decimals;
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

    /// True for a performance indicator: a target or a printed status in
    /// some year, and no affordable level in any. Its pages say "target",
    /// never "affordable level".
    pub fn is_performance(&self) -> bool {
        !self.years.iter().any(|figures| figures.budget.is_some())
            && self
                .years
                .iter()
                .any(|figures| figures.target.is_some() || figures.rag.is_some())
    }

    /// True when this indicator's values may be added up across its parts
    /// (a parent's total): a count or money (not a percentage, a price or
    /// another rate such as "children per 10,000") whose year is a sum or
    /// its last period (not a mean, nor a figure with no year value).
    pub fn is_summable(&self) -> bool {
        let counts = match self.unit.kind {
            UnitKind::Quantity => !self.unit.label.contains(" per "),
            UnitKind::Money { .. } => true,
            _ => false,
        };
        counts && matches!(self.year_value, YearValue::Sum | YearValue::Last)
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
    /// Performance target by period. An indicator with a target and no
    /// budget is a performance indicator.
    pub target: Option<Series>,
    /// Minimum acceptable level by period: the boundary between amber and
    /// red, on the worse side of the target.
    pub floor: Option<Series>,
    /// The status the source printed, by period.
    pub rag: Option<Vec<Option<Rag>>>,
    /// The count a rate is made of, by period ("77" of "77 of 99").
    pub numerator: Option<Series>,
    /// The count a rate is out of, by period ("99" of "77 of 99").
    pub denominator: Option<Series>,
    /// Comparison series (national, regional averages); empty for none.
    pub benchmarks: Vec<Benchmark>,
    /// Forecasts of the year value made at monitoring rounds, in order of
    /// `as_at` (empty without any).
    pub forecast_rounds: Vec<ForecastRound>,
    /// How many parts this year's figures were added up from (a parent
    /// that gave none of its own); 0 for figures the data gives.
    pub from_parts: usize,
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

impl YearFigures {
    /// True when the year gives none of budget, actual, forecast or target.
    pub fn is_empty_of_figures(&self) -> bool {
        self.budget.is_none()
            && self.actual.is_none()
            && self.forecast.is_none()
            && self.target.is_none()
    }
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
