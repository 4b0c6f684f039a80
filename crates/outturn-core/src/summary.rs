//! Whole-dataset summaries: every indicator and year analysed, with its £
//! effect where it has a unit cost. Feeds `outturn summary` (JSON and table)
//! and the widget's per-selection view.

use serde_json::{json, Value};

use crate::analysis::{analyse_year, cost_effect, CostConvention, CostEffect, YearAnalysis};
use crate::format::{format_amount, format_money, format_number, format_variance};
use crate::model::{Dataset, FinancialYear, Indicator, UnitKind};

/// One indicator-year, analysed.
#[derive(Debug, Clone, PartialEq)]
pub struct YearSummary {
    /// The year's figures.
    pub analysis: YearAnalysis,
    /// The £ effect, where the indicator has a `unit_cost` and both unit costs exist.
    pub cost_effect: Option<CostEffect>,
}

/// Analyses one indicator (by position) in one year, with its cost effect.
pub fn summarise_year(
    dataset: &Dataset,
    indicator: &Indicator,
    year: FinancialYear,
    convention: CostConvention,
) -> Option<YearSummary> {
    let figures = indicator.year(year)?;
    let analysis = analyse_year(indicator, figures);
    let cost = indicator
        .unit_cost
        .as_deref()
        .and_then(|id| dataset.indicator(id))
        .and_then(|cost| {
            let cost_analysis = analyse_year(cost, cost.year(year)?);
            cost_effect(&analysis, &cost_analysis, &cost.unit, convention)
        });
    Some(YearSummary {
        analysis,
        cost_effect: cost,
    })
}

/// Every year of every indicator, in dataset order.
pub fn summarise(
    dataset: &Dataset,
    convention: CostConvention,
) -> Vec<(&Indicator, Vec<YearSummary>)> {
    dataset
        .indicators
        .iter()
        .map(|indicator| {
            let years = indicator
                .years
                .iter()
                .filter_map(|figures| summarise_year(dataset, indicator, figures.year, convention))
                .collect();
            (&**indicator, years)
        })
        .collect()
}

/// Rounds away binary noise: pence for money, 6 decimals otherwise.
fn clean(value: f64, money: bool) -> Value {
    let places = if money { 100.0 } else { 1_000_000.0 };
    let rounded = (value * places).round() / places;
    // Whole numbers print without ".0".
    if rounded.fract() == 0.0 && rounded.abs() < 9.0e15 {
        json!(rounded as i64)
    } else {
        json!(rounded)
    }
}

/// The `outturn summary --json` document.
///
/// `{"indicators":[{"id", "years":[{"year", "budget", "budget_to_date",
/// "actual", "variance", "variance_pct", "periods_reported",
/// "printed_total_mismatch", "printed_total_unchecked", "periods_compared",
/// "forecast", "forecast_variance", "variance_unit", "cost_effect"?}]}]}`.
/// Values of money indicators (`£`, `£k`, `£000s`, `£m`) are converted to
/// pounds; others stay in the indicator's unit. Absent values are null.
/// `budget_to_date` and `variance` are over the `periods_compared` periods
/// that have both an actual and an affordable level (for `last`, the latest
/// period alone). `variance_unit` is `"pp"` (percentage points) for a `%`
/// indicator, whose `variance_pct` is always null; `"£"` for money; else the
/// unit. `printed_total_mismatch` is null when the source printed no total
/// or none could be checked, else the list of totals that differ (`[]` when
/// all agree); `printed_total_unchecked` lists the totals whose periods are
/// not all reported and which the reported ones do not match. `forecast` is
/// the forecast of the year's figure, `forecast_variance` that minus the
/// full-year budget. `cost_effect` (£) appears only where the indicator has
/// a `unit_cost` and both unit costs exist.
pub fn summary_json(dataset: &Dataset, convention: CostConvention) -> Value {
    let indicators: Vec<Value> = summarise(dataset, convention)
        .into_iter()
        .map(|(indicator, years)| {
            let scale = match indicator.unit.kind {
                UnitKind::Money { scale } => Some(scale),
                _ => None,
            };
            let money = scale.is_some();
            // Differences of percentages are percentage points; money is in
            // pounds here whatever the indicator's scale.
            let variance_unit = match indicator.unit.kind {
                UnitKind::Percent => "pp".to_string(),
                UnitKind::Money { .. } => "£".to_string(),
                _ => indicator.unit.label.trim().to_string(),
            };
            let value =
                |v: Option<f64>| v.map_or(Value::Null, |v| clean(v * scale.unwrap_or(1.0), money));
            let years: Vec<Value> = years
                .iter()
                .map(|summary| {
                    let a = &summary.analysis;
                    let check_json = |check: &crate::analysis::PrintedCheck| {
                        json!({
                            "series": check.series.name(),
                            "printed": value(Some(check.printed)),
                            "computed": value(check.computed),
                            "difference": value(check.difference()),
                        })
                    };
                    // Null when nothing printed, or when no printed total
                    // could be checked (its periods are not all reported).
                    let mismatch = if a.printed.iter().all(|check| check.is_unchecked()) {
                        Value::Null
                    } else {
                        Value::Array(a.printed_mismatches().map(check_json).collect())
                    };
                    let mut year = json!({
                        "year": a.year.to_string(),
                        "budget": value(a.budget),
                        "budget_to_date": value(a.budget_to_date),
                        "actual": value(a.actual),
                        "variance": value(a.variance),
                        "variance_pct": a.variance_pct.map_or(Value::Null, |p| clean(p, false)),
                        "periods_reported": a.periods_reported,
                        "printed_total_mismatch": mismatch,
                        "printed_total_unchecked": a
                            .printed
                            .iter()
                            .filter(|check| check.is_unchecked())
                            .map(check_json)
                            .collect::<Vec<_>>(),
                        "periods_compared": a.compared.len(),
                        "forecast": value(a.forecast),
                        "forecast_variance": value(a.forecast_variance),
                        "variance_unit": variance_unit,
                    });
                    if let (Some(effect), Value::Object(map)) = (&summary.cost_effect, &mut year) {
                        map.insert(
                            "cost_effect".to_string(),
                            json!({
                                "volume": clean(effect.volume, true),
                                "price": clean(effect.price, true),
                                "total": clean(effect.total(), true),
                            }),
                        );
                    }
                    year
                })
                .collect();
            json!({ "id": indicator.id, "years": years })
        })
        .collect();
    json!({ "indicators": indicators })
}

/// The readable table `outturn summary` prints: one line per indicator-year.
pub fn summary_table(dataset: &Dataset, convention: CostConvention) -> String {
    let mut rows: Vec<[String; 9]> = vec![[
        "indicator".into(),
        "year".into(),
        "budget".into(),
        "budget to date".into(),
        "actual".into(),
        "forecast".into(),
        "variance".into(),
        "reported".into(),
        "cost effect (volume / price)".into(),
    ]];
    for (indicator, years) in summarise(dataset, convention) {
        let decimals = indicator.precision();
        let shown = |v: Option<f64>| {
            v.map_or("-".to_string(), |v| {
                format_amount(&indicator.unit, v, decimals)
            })
        };
        for summary in years {
            let a = &summary.analysis;
            let variance = a.variance.map_or("-".to_string(), |v| {
                format_variance(&indicator.unit, v, a.variance_pct, decimals)
            });
            let cost = summary.cost_effect.map_or(String::new(), |e| {
                format!("{} / {}", format_money(e.volume), format_money(e.price))
            });
            let periods = indicator.periods.len();
            rows.push([
                indicator.id.clone(),
                a.year.to_string(),
                shown(a.budget),
                shown(a.budget_to_date),
                shown(a.actual),
                shown(a.forecast),
                variance,
                format!(
                    "{}/{}",
                    format_number(a.periods_reported as f64, 0),
                    periods
                ),
                cost,
            ]);
        }
    }
    let mut widths = [0usize; 9];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(column, (cell, width))| {
                let pad = " ".repeat(width - cell.chars().count());
                // Text columns align left, figures right.
                if column < 2 || column == 8 {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}
