//! Whole-dataset summaries: every indicator and year analysed, with its £
//! effect where it has a unit cost. Feeds `outturn summary` (JSON and table)
//! and the widget's per-selection view.

use serde_json::{json, Value};

use crate::analysis::{
    analyse_year, check_parts, children, cost_effect, latest, rounds, CostConvention, CostEffect,
    Latest, PartsCheck, Rounds, Status, YearAnalysis,
};
use crate::format::{format_amount, format_money, format_number, format_variance};
use crate::model::{Dataset, FinancialYear, Indicator, Rag, UnitKind, YearFigures};

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
///
/// For parts and wholes: each indicator's `parent` (null without one) and
/// `children` (ids, `[]` without any), and each year's `children_total` and
/// `children_mismatch` (see `parts_json`). For monitoring rounds: each
/// year's `forecast_rounds` and `movement_to_outturn` (see `rounds_json`).
///
/// For performance: each indicator's `polarity`, and each year's `latest`
/// (see [`latest_json`]); at the top, `status_counts` and
/// `reported_status_counts` (see [`status_counts`]).
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
                    if let Value::Object(map) = &mut year {
                        let latest = indicator
                            .year(a.year)
                            .and_then(|figures| latest_json(indicator, figures));
                        map.insert("latest".to_string(), latest.unwrap_or(Value::Null));
                        let check = check_parts(dataset, indicator, a.year);
                        let (total, mismatch) = parts_json(check.as_ref(), &value);
                        map.insert("children_total".to_string(), total);
                        map.insert("children_mismatch".to_string(), mismatch);
                        let found = indicator.year(a.year).and_then(|f| rounds(indicator, f));
                        let (list, to_outturn) = rounds_json(found.as_ref(), &value);
                        map.insert("forecast_rounds".to_string(), list);
                        map.insert("movement_to_outturn".to_string(), to_outturn);
                    }
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
            let children: Vec<&str> = children(dataset, &indicator.id)
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            json!({
                "id": indicator.id,
                "polarity": indicator.polarity.slug(),
                "parent": indicator.parent,
                "children": children,
                "years": years,
            })
        })
        .collect();
    let (computed, reported) = status_counts(dataset);
    json!({
        "indicators": indicators,
        "status_counts": computed,
        "reported_status_counts": reported,
    })
}

/// A year's `latest` in `outturn summary --json`: the latest period with an
/// actual, `{"period", "actual", "target", "floor", "rag", "reported_rag",
/// "previous_rag", "previous_reported_rag", "direction": {"previous",
/// "year_ago"}}`. `period` is the period's short label; `rag` and
/// `previous_rag` are the computed statuses ([`Status::slug`]),
/// `reported_rag` and `previous_reported_rag` the source's; `direction`
/// words are [`crate::analysis::Direction::slug`]. Values are in the
/// indicator's unit; null wherever there is nothing to say. `None` when the
/// year has no actual.
pub fn latest_json(indicator: &Indicator, figures: &YearFigures) -> Option<Value> {
    let Latest {
        now,
        previous,
        since_previous,
        since_year_ago,
        ..
    } = latest(indicator, figures)?;
    let number = |v: Option<f64>| v.map_or(Value::Null, |v| clean(v, false));
    let status = |s: Option<Status>| s.map_or(Value::Null, |s| json!(s.slug()));
    let rag = |r: Option<Rag>| r.map_or(Value::Null, |r| json!(r.slug()));
    let moved = |d: Option<crate::analysis::Direction>| d.map_or(Value::Null, |d| json!(d.slug()));
    Some(json!({
        "period": indicator.periods.short_label(now.period),
        "actual": number(now.actual),
        "target": number(now.target),
        "floor": number(now.floor),
        "rag": status(now.status),
        "reported_rag": rag(now.reported),
        "previous_rag": status(previous.and_then(|p| p.status)),
        "previous_reported_rag": rag(previous.and_then(|p| p.reported)),
        "direction": {
            "previous": moved(since_previous),
            "year_ago": moved(since_year_ago),
        },
    }))
}

/// The statuses of the latest reported period of every performance
/// indicator (in its latest year with an actual), counted: computed
/// `{"green", "amber", "red", "below_target", "no_status"}` (`no_status`: a
/// neutral indicator, or no target in that period) and as the source
/// printed them `{"green", "amber", "red", "no_status"}`.
pub fn status_counts(dataset: &Dataset) -> (Value, Value) {
    let mut computed = [0usize; 5];
    let mut reported = [0usize; 4];
    for indicator in dataset.indicators.iter().filter(|i| i.is_performance()) {
        let now = indicator
            .default_year()
            .and_then(|year| indicator.year(year))
            .and_then(|figures| latest(indicator, figures))
            .map(|latest| latest.now);
        let slot = match now.and_then(|n| n.status) {
            Some(Status::Green) => 0,
            Some(Status::Amber) => 1,
            Some(Status::Red) => 2,
            Some(Status::BelowTarget) => 3,
            None => 4,
        };
        computed[slot] += 1;
        let slot = match now.and_then(|n| n.reported) {
            Some(Rag::Green) => 0,
            Some(Rag::Amber) => 1,
            Some(Rag::Red) => 2,
            None => 3,
        };
        reported[slot] += 1;
    }
    (
        json!({
            "green": computed[0],
            "amber": computed[1],
            "red": computed[2],
            "below_target": computed[3],
            "no_status": computed[4],
        }),
        json!({
            "green": reported[0],
            "amber": reported[1],
            "red": reported[2],
            "no_status": reported[3],
        }),
    )
}

/// The readable table `outturn summary` prints: one line per indicator-year.
/// Data with performance indicators gets three more columns for them: the
/// latest period with an actual and its value, its target, and its status
/// by the figures with the report's word where it printed one
/// (`below target (report: Green)`); activity data prints as it always has.
pub fn summary_table(dataset: &Dataset, convention: CostConvention) -> String {
    let performance = dataset.indicators.iter().any(|i| i.is_performance());
    let mut heading: Vec<String> = [
        "indicator",
        "year",
        "budget",
        "budget to date",
        "actual",
        "forecast",
        "variance",
        "reported",
        "cost effect (volume / price)",
    ]
    .map(String::from)
    .to_vec();
    if performance {
        heading.extend(["latest", "target", "status"].map(String::from));
    }
    let mut rows: Vec<Vec<String>> = vec![heading];
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
            let mut row = vec![
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
            ];
            if performance {
                row.extend(latest_cells(indicator, a.year));
            }
            rows.push(row);
        }
    }
    let mut widths = vec![0usize; rows.first().map_or(0, Vec::len)];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, width))| {
                let pad = " ".repeat(width - cell.chars().count());
                // Text columns align left, figures right.
                if column < 2 || column == 8 || column == 11 {
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

/// The performance columns of `outturn summary` for `indicator` in `year`:
/// "Q4: 74.6%", "75.0%", "below target (report: Green)"; "-" where there is
/// nothing to say (the status column also for a neutral indicator).
fn latest_cells(indicator: &Indicator, year: FinancialYear) -> [String; 3] {
    let none = || "-".to_string();
    let Some(now) = indicator
        .year(year)
        .and_then(|figures| latest(indicator, figures))
        .map(|l| l.now)
    else {
        return [none(), none(), none()];
    };
    let decimals = indicator.precision();
    let value =
        |v: Option<f64>| v.map_or_else(none, |v| format_amount(&indicator.unit, v, decimals));
    let latest = format!(
        "{}: {}",
        indicator.periods.short_label(now.period),
        value(now.actual)
    );
    let status = match (now.status, now.reported) {
        (Some(status), Some(rag)) => format!(
            "{} (report: {})",
            crate::format::status_name(status),
            crate::format::rag_word(rag)
        ),
        (Some(status), None) => crate::format::status_name(status).to_string(),
        (None, Some(rag)) => format!("report: {}", crate::format::rag_word(rag)),
        (None, None) => none(),
    };
    [latest, value(now.target), status]
}

/// A year's `children_total` and `children_mismatch`: the parts' year
/// values added up (`{"budget", "actual", "forecast"}`, each null where not
/// every part reports it or it may not be summed), and each series where
/// the whole's figure differs from that total (`[]` where they agree, null
/// where nothing could be compared). Both null for an indicator without
/// parts. `value` writes a figure as every other value is written.
fn parts_json(check: Option<&PartsCheck>, value: &dyn Fn(Option<f64>) -> Value) -> (Value, Value) {
    let Some(check) = check else {
        return (Value::Null, Value::Null);
    };
    let total = json!({
        "budget": value(check.total.budget),
        "actual": value(check.total.actual),
        "forecast": value(check.total.forecast),
    });
    let mismatch = check.mismatches.as_ref().map_or(Value::Null, |list| {
        Value::Array(
            list.iter()
                .map(|m| {
                    json!({
                        "series": m.series.name(),
                        "parent": value(Some(m.parent)),
                        "children": value(Some(m.children)),
                    })
                })
                .collect(),
        )
    });
    (total, mismatch)
}

/// A year's `forecast_rounds` (`[{"as_at", "label", "value",
/// "movement"}]`, movement null for the first) and `movement_to_outturn`
/// (the outturn minus the last round, null without both); `[]` and null
/// without rounds.
fn rounds_json(found: Option<&Rounds>, value: &dyn Fn(Option<f64>) -> Value) -> (Value, Value) {
    let Some(found) = found else {
        return (json!([]), Value::Null);
    };
    let list = found
        .rounds
        .iter()
        .map(|r| {
            json!({
                "as_at": r.as_at.to_string(),
                "label": r.label,
                "value": value(Some(r.value)),
                "movement": value(r.movement),
            })
        })
        .collect();
    (Value::Array(list), value(found.movement_to_outturn))
}
