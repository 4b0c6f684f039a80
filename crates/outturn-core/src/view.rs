//! Everything the widget shows for one selection (indicator and year),
//! assembled from the analysis so that the Yew layer only renders strings
//! and scenes: headline, cost sentence, printed-total flags, tooltip details,
//! the figures table and the chart scene. Also the grouped, searchable list of
//! indicators for the picker.

use crate::analysis::{CostConvention, YearAnalysis};
use crate::chart::{build_scene, Scene};
use crate::format::{
    cost_sentence, format_amount, format_variance, headline, point_detail, printed_sentences,
    PointDetail,
};
use crate::model::{Dataset, FinancialYear, Indicator};
use crate::summary::{summarise_year, YearSummary};

/// One row of the figures table: a period, or the year's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Row header: the period ("April 2011") or "Year (computed)" / "Year (as printed)".
    pub label: String,
    /// Affordable level cell ("not reported" where missing; empty when the series is absent).
    pub budget: String,
    /// Actual cell.
    pub actual: String,
    /// Forecast cell (empty when the year has no forecast).
    pub forecast: String,
    /// Variance cell, `+8,006 (+0.3%)`.
    pub variance: String,
}

/// The figures for one indicator and year as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct FiguresTable {
    /// Caption naming indicator, year and unit.
    pub caption: String,
    /// Whether the forecast column is shown.
    pub has_forecast: bool,
    /// One row per period.
    pub rows: Vec<TableRow>,
    /// The year: computed, and as printed where the source printed totals.
    pub totals: Vec<TableRow>,
}

/// What the widget shows for one indicator in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorView {
    /// The indicator.
    pub indicator: Indicator,
    /// The year shown.
    pub year: FinancialYear,
    /// The analysis behind every figure.
    pub summary: YearSummary,
    /// Plain-English headline.
    pub headline: String,
    /// The £ effect sentence, where there is one.
    pub cost: Option<String>,
    /// Printed totals that differ from the computed ones.
    pub printed: Vec<String>,
    /// Tooltip content per period.
    pub details: Vec<PointDetail>,
    /// The chart.
    pub scene: Scene,
    /// The same numbers as a table.
    pub table: FiguresTable,
}

impl IndicatorView {
    /// The view of indicator `id` in `year`; `None` if either is not in the data.
    pub fn new(
        dataset: &Dataset,
        id: &str,
        year: FinancialYear,
        convention: CostConvention,
    ) -> Option<Self> {
        let indicator = dataset.indicator(id)?;
        let figures = indicator.year(year)?;
        let summary = summarise_year(dataset, indicator, year, convention)?;
        let decimals = indicator.precision();
        let details = (0..indicator.periods.len())
            .map(|index| point_detail(indicator, figures, index))
            .collect();
        Some(Self {
            headline: headline(indicator, &summary.analysis),
            cost: summary.cost_effect.as_ref().and_then(|effect| {
                let cost = dataset.indicator(indicator.unit_cost.as_deref()?)?;
                Some(cost_sentence(&indicator.unit, &cost.unit, effect, decimals))
            }),
            printed: printed_sentences(indicator, &summary.analysis),
            details,
            scene: build_scene(indicator, year)?,
            table: figures_table(indicator, &summary.analysis),
            indicator: indicator.clone(),
            year,
            summary,
        })
    }
}

fn figures_table(indicator: &Indicator, analysis: &YearAnalysis) -> FiguresTable {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let figures = indicator.year(analysis.year);
    let cell = |series: Option<&Vec<Option<f64>>>, index: usize| -> String {
        match series {
            None => String::new(),
            Some(values) => values.get(index).copied().flatten().map_or_else(
                || "not reported".to_string(),
                |v| format_amount(unit, v, decimals),
            ),
        }
    };
    let budget = figures.and_then(|f| f.budget.as_ref());
    let actual = figures.and_then(|f| f.actual.as_ref());
    let forecast = figures.and_then(|f| f.forecast.as_ref());
    let rows = (0..indicator.periods.len())
        .map(|index| TableRow {
            label: indicator.periods.long_label(index, analysis.year),
            budget: cell(budget, index),
            actual: cell(actual, index),
            forecast: cell(forecast, index),
            variance: analysis
                .period_variance
                .get(index)
                .copied()
                .flatten()
                .map(|v| {
                    let base = budget.and_then(|b| b.get(index).copied().flatten());
                    let percent = base.and_then(|b| crate::analysis::percent_of(v, b));
                    format_variance(unit, v, percent, decimals)
                })
                .unwrap_or_default(),
        })
        .collect();
    let total = |value: Option<f64>, present: bool| -> String {
        if !present {
            return String::new();
        }
        value.map_or_else(|| "none".to_string(), |v| format_amount(unit, v, decimals))
    };
    let label = if analysis.is_complete() {
        "Year (computed)".to_string()
    } else {
        "Year to date (computed)".to_string()
    };
    let mut totals = vec![TableRow {
        label,
        budget: total(analysis.budget_to_date, budget.is_some()),
        actual: total(analysis.actual, actual.is_some()),
        forecast: total(analysis.forecast, forecast.is_some()),
        variance: analysis
            .variance
            .map(|v| format_variance(unit, v, analysis.variance_pct, decimals))
            .unwrap_or_default(),
    }];
    if let Some(printed) = figures.map(|f| f.printed_total).filter(|p| !p.is_empty()) {
        let shown = |value: Option<f64>| {
            value.map_or_else(String::new, |v| format_amount(unit, v, decimals))
        };
        totals.push(TableRow {
            label: "Year (as printed in the source)".to_string(),
            budget: shown(printed.budget),
            actual: shown(printed.actual),
            forecast: shown(printed.forecast),
            variance: String::new(),
        });
    }
    let unit_note = if unit.label.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", unit.label.trim())
    };
    FiguresTable {
        caption: format!("{}, {}{unit_note}", indicator.title, analysis.year),
        has_forecast: forecast.is_some(),
        rows,
        totals,
    }
}

/// Indicators grouped by `group` (in first-seen order), keeping those whose
/// title, id or group contains every word of `query` (case-insensitive).
/// Indicators without a group come under "Other".
pub fn grouped_indicators<'d>(
    dataset: &'d Dataset,
    query: &str,
) -> Vec<(String, Vec<&'d Indicator>)> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|word| word.to_lowercase())
        .collect();
    let mut groups: Vec<(String, Vec<&Indicator>)> = Vec::new();
    for indicator in &dataset.indicators {
        let group = indicator
            .group
            .clone()
            .unwrap_or_else(|| "Other".to_string());
        let haystack = format!("{} {} {}", indicator.title, indicator.id, group).to_lowercase();
        if !words.iter().all(|word| haystack.contains(word.as_str())) {
            continue;
        }
        match groups.iter_mut().find(|(name, _)| *name == group) {
            Some((_, members)) => members.push(indicator),
            None => groups.push((group, vec![indicator])),
        }
    }
    groups
}
