//! The breakdown of an indicator into its parts, the way a monitoring
//! report prints it: one row per part (a portfolio, an area, a team) with
//! its budget, actual or outturn, variance and variance as a share of the
//! budget, the variance at the last monitoring round and the movement since
//! then (part-way through the year, the forecast for the year and its
//! variance too); a bar per row for the variance on one scale (over to the
//! right, under to the left, each also in words and a symbol); the
//! whole's own row as the total; and under it whether the parts add up to
//! the whole. Money in the whole table is at one scale. Where no part has
//! a budget, each part's latest value against its target and its status
//! (the report's word where printed), or without targets its change on the
//! period before.
//!
//! Each row can be opened: a part with parts of its own opens its
//! breakdown, any other its chart; the trail names the wholes above.

use super::dashboard::{spark, value_range};
use crate::analysis::{
    analyse_year, check_parts, children, period_performance, rounds, PeriodPerformance, SeriesKind,
    Status, YearAnalysis,
};
use crate::format::{format_amount, format_number, format_signed, with_plus, MoneyScale, Standing};
use crate::model::{Dataset, FinancialYear, Indicator, Series, UnitKind};
use crate::order::{missing_last, sort_stable_by};

/// How the parts are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BreakdownSort {
    /// As the data lists them.
    #[default]
    Report,
    /// Largest first (by budget where there is one, else by value).
    Size,
    /// Most over first, most under last; none at the end.
    Variance,
}

impl BreakdownSort {
    /// Every order, in the order they are offered.
    pub const ALL: [BreakdownSort; 3] = [
        BreakdownSort::Report,
        BreakdownSort::Size,
        BreakdownSort::Variance,
    ];

    /// `report`, `size`, `variance`: the option's value.
    pub fn slug(self) -> &'static str {
        match self {
            BreakdownSort::Report => "report",
            BreakdownSort::Size => "size",
            BreakdownSort::Variance => "variance",
        }
    }

    /// Parses [`slug`](Self::slug).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.slug() == slug)
    }

    /// How the order is offered.
    pub fn label(self) -> &'static str {
        match self {
            BreakdownSort::Report => "As in the report",
            BreakdownSort::Size => "Largest first",
            BreakdownSort::Variance => "Most over first",
        }
    }
}

/// A variance bar on the table's one scale: from the middle of its box
/// (zero) to `end`, both as fractions of the box's width (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VarianceBar {
    /// Where zero is, 0 to 1 across the box.
    pub zero: f64,
    /// Where the bar ends, 0 to 1 across the box.
    pub end: f64,
    /// True for over (a positive variance).
    pub over: bool,
}

/// The box a variance bar is drawn in, pixels (width, height).
pub const VARIANCE_BAR_BOX: (f64, f64) = (120.0, 14.0);

/// Where a variance bar goes in [`VARIANCE_BAR_BOX`], pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarPlace {
    /// The bar's left edge.
    pub x: f64,
    /// Its top.
    pub y: f64,
    /// Its width: at least 1 px, so the smallest variance still shows.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Where the zero line is drawn across the box.
    pub zero: f64,
}

impl VarianceBar {
    /// Where the bar goes in its box: from zero to its end, 2 px clear of
    /// the box's top and bottom.
    pub fn place(self) -> BarPlace {
        let (width, height) = VARIANCE_BAR_BOX;
        let (from, to) = (
            self.zero.min(self.end) * width,
            self.zero.max(self.end) * width,
        );
        BarPlace {
            x: from,
            y: 2.0,
            width: (to - from).max(1.0),
            height: height - 4.0,
            zero: self.zero * width,
        }
    }
}

/// One row: a part, or the whole as the total.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakdownRow {
    /// Indicator id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many parts it has itself (its row opens their breakdown).
    pub parts: usize,
    /// The cells after the title, in the order of [`Breakdown::columns`].
    pub cells: Vec<String>,
    /// Over, under, on the level (word and symbol), or no budget.
    pub standing: Standing,
    /// The variance bar, where a part has a variance (the whole's row has
    /// none: its variance would dwarf its parts').
    pub bar: Option<VarianceBar>,
    /// Sparkline points of the actual (SVG `points` in a box of
    /// [`super::SPARKLINE_SIZE`]), on the table's shared scale or the row's
    /// own; none for a one-figure year.
    pub spark: Vec<String>,
    /// The variance, for sorting.
    variance: Option<f64>,
    /// The budget (or value), for sorting.
    size: Option<f64>,
}

/// An indicator's parts, as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// "Referrals to children's social care, by area, 2011-12".
    pub title: String,
    /// What the figures are and which periods they cover: "£m (the data is
    /// in £k) in 2011-12, the whole year; each row's variance is over the
    /// periods it reports".
    pub subtitle: String,
    /// The wholes above this one, outermost first: (id, title).
    pub trail: Vec<(String, String)>,
    /// Column headings after the part's name, up to the variance bar and
    /// the trend.
    pub columns: Vec<&'static str>,
    /// The parts, sorted.
    pub rows: Vec<BreakdownRow>,
    /// The whole's own row.
    pub total: BreakdownRow,
    /// Whether the parts add up to the whole, naming the series checked:
    /// "The 9 parts' budget and actual add up to the total's.", or where
    /// they do not, by how much; for one period, that period's.
    pub check: String,
    /// What the trend column shows: "Actual by month, on one scale for
    /// every row" or "... each row on its own scale"; empty where a year
    /// is one figure (no trend column).
    pub trend: String,
    /// The largest variance the bars are drawn to, in words: "Bars: the
    /// variance on one scale, to £15.513m either way; over to the right,
    /// under to the left".
    pub bar_scale: String,
    /// The heading of the column that says where each part stands: "Over
    /// or under" against budgets, "Status" against targets.
    pub standing_heading: &'static str,
    /// The periods the table can be shown for alone ("April 2011", ...),
    /// by index; empty for a year of one figure.
    pub periods: Vec<String>,
    /// The whole's unit (the CSV gives money in pounds).
    pub unit: crate::model::Unit,
    /// Name of the CSV download, without its extension:
    /// "rev-total-2011-12-breakdown".
    pub file_stem: String,
}

/// What a row needs, before the table's scale is known: the year's
/// figures (to date), or one period's.
struct Figures<'a> {
    indicator: &'a Indicator,
    /// The budget the variance is over (to date, for a part year).
    budget: Option<f64>,
    /// The actual over the same periods.
    actual: Option<f64>,
    /// Actual minus budget.
    variance: Option<f64>,
    /// The variance as a % of the budget.
    variance_pct: Option<f64>,
    /// Every period of the year (or the one chosen) is reported.
    complete: bool,
    /// The forecast of the year, and its variance (year figures only).
    forecast: Option<(f64, Option<f64>)>,
    /// The variance at the last round (its forecast minus the budget;
    /// year figures only).
    last_round: Option<f64>,
    /// The outturn minus the last round's forecast (year figures only).
    movement: Option<f64>,
    /// (latest value, change on the period before), without a budget:
    /// the latest reported period, or the one chosen.
    latest: Option<(f64, Option<f64>)>,
    /// A performance part's standing in that period: its target, the
    /// distance from it and its status (the report's word where printed).
    target: Option<PeriodPerformance>,
}

impl<'a> Figures<'a> {
    fn of(indicator: &'a Indicator, year: FinancialYear, period: Option<usize>) -> Self {
        let figures = indicator.year(year);
        let analysis = figures.map(|f| analyse_year(indicator, f));
        let a = analysis.as_ref();
        let at = |series: &Option<Series>, i: usize| {
            series.as_ref().and_then(|s| s.get(i).copied().flatten())
        };
        let latest_at = |i: usize| {
            let actual = &figures?.actual;
            let value = at(actual, i)?;
            let before = i.checked_sub(1).and_then(|b| at(actual, b));
            Some((value, before.map(|b| value - b)))
        };
        if let Some(period) = period {
            let budget = figures.and_then(|f| at(&f.budget, period));
            let actual = figures.and_then(|f| at(&f.actual, period));
            let variance = budget.zip(actual).map(|(b, v)| v - b);
            return Self {
                indicator,
                budget,
                actual,
                variance,
                variance_pct: variance
                    .zip(budget)
                    .and_then(|(v, b)| crate::analysis::variance_percent(&indicator.unit, v, b)),
                complete: actual.is_some(),
                forecast: None,
                last_round: None,
                movement: None,
                latest: latest_at(period),
                target: figures.map(|f| period_performance(indicator, f, period)),
            };
        }
        let found = figures.and_then(|f| rounds(indicator, f));
        let last = found.as_ref().and_then(|r| r.rounds.last().cloned());
        Self {
            indicator,
            // Over the periods compared; a part with no budget shows its
            // actual over the year only once the year is complete.
            budget: a.and_then(|a| a.budget_to_date),
            actual: a.and_then(|a| a.actual_compared.or(a.actual.filter(|_| a.is_complete()))),
            variance: a.and_then(|a| a.variance),
            variance_pct: a.and_then(|a| a.variance_pct),
            complete: a.is_some_and(YearAnalysis::is_complete),
            forecast: a.and_then(|a| Some((a.forecast?, a.forecast_variance))),
            last_round: last.and_then(|r| r.variance),
            movement: found.and_then(|r| r.movement_to_outturn),
            latest: a.and_then(|a| latest_at(a.last_reported?)),
            target: figures
                .zip(a.and_then(|a| a.last_reported))
                .map(|(f, at)| period_performance(indicator, f, at)),
        }
    }

    fn amounts(&self) -> Vec<f64> {
        [
            self.budget,
            self.actual,
            self.variance,
            self.forecast.map(|f| f.0),
            self.forecast.and_then(|f| f.1),
            self.last_round,
            self.movement,
            self.latest.map(|l| l.0),
            self.latest.and_then(|l| l.1),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The money scale of a breakdown: £m once the table reaches £10m, to the
/// precision the data holds (figures in £k with no decimals are £m to three
/// places, £921,930k as £921.930m, the way a report's commentary writes
/// them); otherwise as the data is written ([`MoneyScale::for_data`]).
fn table_scale(unit_scale: f64, decimals: usize, largest: f64) -> MoneyScale {
    if unit_scale == 1_000.0 && largest >= 10_000_000.0 {
        return MoneyScale {
            pounds_per: 1_000_000.0,
            decimals: decimals + 3,
        };
    }
    MoneyScale::for_data(unit_scale, decimals, largest)
}

/// Formats the table's amounts: money at one scale, anything else in its
/// unit at the data's precision.
struct Amounts<'a> {
    indicator: &'a Indicator,
    money: Option<MoneyScale>,
}

impl Amounts<'_> {
    fn value(&self, value: Option<f64>) -> String {
        let Some(value) = value else {
            return "-".to_string();
        };
        match (self.money, &self.indicator.unit.kind) {
            (Some(money), UnitKind::Money { scale }) => money.format(value * scale),
            // The unit is in the subtitle: a count's cells are numbers.
            _ => format_amount(&self.indicator.unit, value, self.indicator.precision()),
        }
    }

    fn signed(&self, value: Option<f64>) -> String {
        let Some(value) = value else {
            return "-".to_string();
        };
        match (self.money, &self.indicator.unit.kind) {
            (Some(money), UnitKind::Money { scale }) => {
                with_plus(value, money.format(value * scale))
            }
            _ => format_signed(&self.indicator.unit, value, self.indicator.precision()),
        }
    }
}

/// True when the table reads against budgets: some part, or the whole,
/// has a budget in the year.
fn with_budget(rows: &[Figures]) -> bool {
    rows.iter().any(|f| f.budget.is_some())
}

/// The breakdown of `id` in `dataset` for `year` (its own latest year
/// without one), of the year's figures or of `period`'s alone, sorted by
/// `sort`; trends on one scale, or each on its own with `own_scale`.
/// `None` when `id` has no parts.
pub fn breakdown(
    dataset: &Dataset,
    id: &str,
    year: Option<FinancialYear>,
    period: Option<usize>,
    sort: BreakdownSort,
    own_scale: bool,
) -> Option<Breakdown> {
    let whole = dataset.indicator(id)?;
    let parts = children(dataset, id);
    if parts.is_empty() {
        return None;
    }
    let year = year
        .filter(|y| whole.year(*y).is_some())
        .or_else(|| whole.default_year())?;
    let build = |period: Option<usize>| -> Vec<Figures> {
        std::iter::once(whole)
            .chain(parts.iter().copied())
            .map(|i| Figures::of(i, year, period))
            .collect()
    };
    let mut all = build(period);
    let budgeted = with_budget(&all);
    // Without budgets every row gives the same period's figures: the
    // latest the total reports (never each part's own latest).
    let latest = (!budgeted && period.is_none())
        .then(|| {
            whole
                .year(year)
                .map(|f| analyse_year(whole, f))?
                .last_reported
        })
        .flatten();
    let period = period.or(latest);
    if latest.is_some() {
        all = build(period);
    }
    // Without budgets, parts with targets are read against them.
    let targets = !budgeted
        && all
            .iter()
            .any(|f| f.target.is_some_and(|p| p.target.is_some()));
    let money = match whole.unit.kind {
        UnitKind::Money { scale } => {
            let largest = all
                .iter()
                .flat_map(Figures::amounts)
                .fold(0.0f64, |m, v| m.max((v * scale).abs()));
            Some(table_scale(scale, whole.precision(), largest))
        }
        _ => None,
    };
    let amounts = Amounts {
        indicator: whole,
        money,
    };
    let rounds_kept = all.iter().any(|f| f.last_round.is_some());
    let complete = all[0].complete;
    // Part-way through the year, a report prints the forecast of the year
    // beside the figures to date.
    let forecasts = !complete && all.iter().any(|f| f.forecast.is_some());
    let columns: Vec<&'static str> = if budgeted {
        let mut columns = match (period, complete) {
            (Some(_), _) => vec!["Budget", "Actual"],
            (None, true) => vec!["Budget", "Outturn"],
            (None, false) => vec!["Budget to date", "Actual to date"],
        };
        columns.extend(["Variance", "Variance %"]);
        if forecasts {
            columns.extend(["Forecast for the year", "Forecast variance"]);
        }
        if rounds_kept {
            columns.extend(["Variance at last round", "Movement"]);
        }
        columns
    } else {
        if targets {
            vec!["Latest", "Target", "Against target"]
        } else {
            vec!["Latest", "Change on the period before"]
        }
    };
    // One scale for the parts' bars: the largest variance either way. The
    // whole's own variance would dwarf them; its row says it in words.
    let widest = all
        .iter()
        .skip(1)
        .filter_map(|f| f.variance)
        .fold(0.0f64, |m, v| m.max(v.abs()));
    let trend_scale = (!own_scale).then(|| shared_range(&all, year));
    // A year of one figure has no trend within it.
    let trends = whole.periods.len() > 1;
    let make_row = |f: &Figures| -> BreakdownRow {
        let variance = f.variance;
        let cells = if budgeted {
            let mut cells = vec![
                amounts.value(f.budget),
                amounts.value(f.actual),
                amounts.signed(variance),
                f.variance_pct
                    .map_or("-".to_string(), crate::format::format_percent),
            ];
            if forecasts {
                cells.push(amounts.value(f.forecast.map(|f| f.0)));
                cells.push(amounts.signed(f.forecast.and_then(|f| f.1)));
            }
            if rounds_kept {
                cells.push(amounts.signed(f.last_round));
                cells.push(amounts.signed(f.movement));
            }
            cells
        } else {
            let latest = amounts.value(f.latest.map(|l| l.0));
            match f.target.filter(|_| targets) {
                Some(p) => vec![latest, amounts.value(p.target), amounts.signed(p.distance)],
                None if targets => vec![latest, "-".to_string(), "-".to_string()],
                None => vec![latest, amounts.signed(f.latest.and_then(|l| l.1))],
            }
        };
        // A performance part stands by its status: the report's word
        // where it printed one, else the figures'.
        let rated = f
            .target
            .filter(|_| targets)
            .map(|p| p.reported.map(Status::of_rag).or(p.status));
        let standing = match (rated, variance) {
            (Some(Some(status)), _) => Standing::Rated(status),
            (Some(None), _) => Standing::NoStatus,
            (None, variance) => match variance {
                Some(v) if v > 0.0 => Standing::Over,
                Some(v) if v < 0.0 => Standing::Under,
                Some(_) => Standing::OnLevel,
                None if f.actual.is_none() && f.latest.is_none() => Standing::NoActual,
                None => Standing::NoBudget,
            },
        };
        let bar = variance.filter(|_| widest > 0.0).map(|v| VarianceBar {
            zero: 0.5,
            end: 0.5 + 0.5 * v / widest,
            over: v > 0.0,
        });
        let series = f
            .indicator
            .year(year)
            .and_then(|y| y.actual.clone())
            .unwrap_or_default();
        let (low, high) = trend_scale.unwrap_or_else(|| range(&series));
        BreakdownRow {
            id: f.indicator.id.clone(),
            title: f.indicator.title.clone(),
            parts: children(dataset, &f.indicator.id).len(),
            cells,
            standing,
            bar,
            spark: if trends {
                spark(&series, low, high)
            } else {
                Vec::new()
            },
            variance,
            size: f.budget.or(f.actual),
        }
    };
    let mut rows: Vec<BreakdownRow> = all.iter().skip(1).map(make_row).collect();
    // The total is drawn on its own scale: on its parts' it would leave
    // the box (the trend note says so).
    let mut total = BreakdownRow {
        bar: None,
        ..make_row(&all[0])
    };
    if trends {
        let series = whole
            .year(year)
            .and_then(|y| y.actual.clone())
            .unwrap_or_default();
        let (low, high) = range(&series);
        total.spark = spark(&series, low, high);
    }
    order(&mut rows, sort);
    let noun = whole
        .breakdown
        .clone()
        .unwrap_or_else(|| "by part".to_string());
    let label = whole.unit.label.trim();
    // Money shown at another scale than the data's says both.
    let unit = match (money, &whole.unit.kind) {
        (Some(m), UnitKind::Money { scale }) if m.pounds_per != *scale && m.pounds_per >= 1e6 => {
            format!("£m (the data is in {label})")
        }
        _ if label.is_empty() => "Figures".to_string(),
        _ => label.to_string(),
    };
    let whole_year = whole.year(year).map(|f| analyse_year(whole, f));
    let coverage = match (period, whole_year) {
        (Some(p), _) if latest.is_some() => {
            format!(
                ", {}, the latest the total reports",
                whole.periods.long_label(p, year)
            )
        }
        (Some(p), _) => format!(", {} only", whole.periods.long_label(p, year)),
        (None, Some(a)) if a.is_complete() => ", the whole year".to_string(),
        (None, Some(a)) => format!(
            ", {} of {} {}s reported",
            format_number(a.periods_reported as f64, 0),
            a.periods,
            whole.periods.noun()
        ),
        (None, None) => String::new(),
    };
    let check = match period {
        None => parts_sentence(dataset, whole, year, parts.len(), &amounts),
        Some(p) => period_sentence(&all, whole, &whole.periods.long_label(p, year), &amounts),
    };
    Some(Breakdown {
        title: match period {
            Some(p) => format!(
                "{}, {noun}, {}",
                whole.title,
                whole.periods.long_label(p, year)
            ),
            None => format!("{}, {noun}, {year}", whole.title),
        },
        subtitle: crate::format::capitalise(&format!(
            "{} in {}{coverage}; each row's variance is over the periods it reports",
            unit, year
        )),
        trail: trail(dataset, whole),
        columns,
        rows,
        total,
        check,
        standing_heading: if targets { "Status" } else { "Over or under" },
        unit: whole.unit.clone(),
        file_stem: match period {
            Some(p) => format!(
                "{}-{year}-{}-breakdown",
                whole.id,
                whole.periods.short_label(p)
            ),
            None => format!("{}-{year}-breakdown", whole.id),
        },
        periods: if trends {
            (0..whole.periods.len())
                .map(|i| whole.periods.long_label(i, year))
                .collect()
        } else {
            Vec::new()
        },
        trend: if trends {
            format!(
                "Actual by {}, {}",
                whole.periods.noun(),
                if own_scale {
                    "each row on its own scale (sizes do not compare across rows)"
                } else {
                    "on one scale for every part (the total on its own)"
                }
            )
        } else {
            String::new()
        },
        bar_scale: if widest > 0.0 {
            format!(
                "Bars: the variance on one scale, to {} either way; over to the right, under to the left",
                amounts.value(Some(widest))
            )
        } else {
            String::new()
        },
    })
}

/// The lowest and highest of `series`.
fn range(series: &Series) -> (f64, f64) {
    value_range(series.iter().flatten().copied())
}

/// One range over every part's actuals in `year` (the whole left out: its
/// size would flatten its parts).
fn shared_range(all: &[Figures], year: FinancialYear) -> (f64, f64) {
    value_range(
        all.iter()
            .skip(1)
            .filter_map(|f| f.indicator.year(year)?.actual.as_ref())
            .flat_map(|s| s.iter().flatten().copied()),
    )
}

impl Breakdown {
    /// The table as CSV, the same figures as on screen (money in pounds;
    /// see [`super::PanelTable::to_csv`]): one row per part, then the total.
    pub fn to_csv(&self) -> String {
        let row = |r: &BreakdownRow| {
            let mut cells = r.cells.clone();
            cells.push(r.standing.words().to_string());
            (r.title.clone(), cells)
        };
        let mut columns: Vec<String> = self.columns.iter().map(|c| c.to_string()).collect();
        columns.push(self.standing_heading.to_string());
        super::PanelTable {
            caption: self.title.clone(),
            heading: "Part",
            columns,
            rows: self.rows.iter().map(row).collect(),
            footer: vec![(format!("Total: {}", self.total.title), row(&self.total).1)],
        }
        .to_csv(&self.unit)
    }
}

/// The wholes above `indicator`, outermost first.
fn trail(dataset: &Dataset, indicator: &Indicator) -> Vec<(String, String)> {
    let mut trail = Vec::new();
    let mut next = indicator.parent.as_deref();
    // Parents never loop (checked when the data was read); the bound is a
    // second guard.
    while let Some(id) = next.filter(|_| trail.len() < dataset.indicators.len()) {
        let Some(parent) = dataset.indicator(id) else {
            break;
        };
        trail.push((parent.id.clone(), parent.title.clone()));
        next = parent.parent.as_deref();
    }
    trail.reverse();
    trail
}

/// "The 9 parts add up to the total." / "The parts' actual adds up to
/// 1,802; the total gives 1,805, 3 more."
fn parts_sentence(
    dataset: &Dataset,
    whole: &Indicator,
    year: FinancialYear,
    count: usize,
    amounts: &Amounts,
) -> String {
    let parts = format!("The {count} parts");
    let Some(check) = check_parts(dataset, whole, year) else {
        return String::new();
    };
    if !whole.is_summable() {
        return not_summed(whole, count);
    }
    if whole.year(year).is_some_and(|f| f.from_parts > 0) {
        return format!("{parts} give this total: the data has no figures of its own for it.");
    }
    match &check.mismatches {
        None => format!(
            "{parts} cannot be checked against the total: not every part reports the same figures."
        ),
        Some(list) if list.is_empty() => {
            let names: Vec<&str> = check.compared.iter().map(|s| s.name()).collect();
            let unchecked: Vec<&str> = [SeriesKind::Budget, SeriesKind::Actual]
                .into_iter()
                .filter(|s| !check.compared.contains(s))
                .filter(|s| {
                    whole.year(year).is_some_and(|f| match s {
                        SeriesKind::Budget => f.budget.is_some(),
                        _ => f.actual.is_some(),
                    })
                })
                .map(|s| s.name())
                .collect();
            let verb = if names.len() == 1 { "adds" } else { "add" };
            let mut text = format!("{parts}' {} {verb} up to the total's.", names.join(" and "));
            if !unchecked.is_empty() {
                text.push_str(&format!(
                    " The {} is not checked: not every part gives one over the same periods.",
                    unchecked.join(" and ")
                ));
            }
            text
        }
        Some(list) => list
            .iter()
            .map(|m| {
                let gap = m.parent - m.children;
                format!(
                    "The parts' {} adds up to {}; the total gives {}, {} {}.",
                    m.series.name(),
                    amounts.value(Some(m.children)),
                    amounts.value(Some(m.parent)),
                    amounts.value(Some(gap.abs())),
                    if gap > 0.0 { "more" } else { "less" }
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// "The 2 parts are not added up: percentages cannot be summed."
fn not_summed(whole: &Indicator, count: usize) -> String {
    format!(
        "The {count} parts are not added up: {} cannot be summed.",
        if whole.unit.kind == UnitKind::Percent {
            "percentages"
        } else {
            "rates and averages"
        }
    )
}

/// Which of a row's figures to take.
type Pick = fn(&Figures) -> Option<f64>;

/// The parts of one period against the whole's figures for it: "In August
/// 2011 the parts' actual adds up to 237; the total gives 240, 3 more."
/// `all` is the whole's figures, then its parts'.
fn period_sentence(all: &[Figures], whole: &Indicator, when: &str, amounts: &Amounts) -> String {
    if !whole.is_summable() {
        return not_summed(whole, all.len().saturating_sub(1));
    }
    let Some((own, parts)) = all.split_first() else {
        return String::new();
    };
    let mut said = Vec::new();
    let series: [(&str, Pick); 2] = [("budget", |f| f.budget), ("actual", |f| f.actual)];
    for (name, pick) in series {
        let total: Option<f64> = parts.iter().map(pick).sum();
        let (Some(total), Some(given)) = (total, pick(own)) else {
            continue;
        };
        let gap = given - total;
        if crate::analysis::same(given, total, whole.precision()) {
            said.push(format!("{name} agrees"));
        } else {
            said.push(format!(
                "{name} adds up to {}; the total gives {}, {} {}",
                amounts.value(Some(total)),
                amounts.value(Some(given)),
                amounts.value(Some(gap.abs())),
                if gap > 0.0 { "more" } else { "less" }
            ));
        }
    }
    if said.is_empty() {
        return format!(
            "In {when} not every part reports, so the parts are not checked against the total."
        );
    }
    format!("In {when} the parts' {}.", said.join("; their "))
}

/// Sorts `rows` (in the data's order) by `sort`, stably.
fn order(rows: &mut Vec<BreakdownRow>, sort: BreakdownSort) {
    let key = |row: &BreakdownRow| match sort {
        BreakdownSort::Report => None,
        BreakdownSort::Size => row.size,
        BreakdownSort::Variance => row.variance,
    };
    if sort == BreakdownSort::Report {
        return;
    }
    sort_stable_by(rows, |a, b| missing_last(key(a), key(b), true));
}

/// True when `id` has parts: its breakdown can be shown.
pub fn has_parts(dataset: &Dataset, id: &str) -> bool {
    !children(dataset, id).is_empty()
}

/// Offered for an indicator with parts.
pub(super) fn available(ctx: &super::context::Context) -> bool {
    has_parts(ctx.dataset, &ctx.indicator().id)
}
