//! Plain-English sentences from the analysis, in the council's words:
//! "2,410,522 hours against an affordable level of 2,402,516: 8,006 (0.3%) over."

use super::case::capitalise;
use super::number::{
    format_amount, format_money, format_number, format_value, format_variance, spoken,
};
use crate::analysis::{percent_of, CostConvention, CostEffect, YearAnalysis};
use crate::model::{Indicator, Unit, YearFigures, YearValue};

/// "8,006 (0.3%) over", "6,241 (3.1%) under", "exactly on the affordable level".
fn gap(unit: &Unit, variance: f64, percent: Option<f64>, decimals: usize) -> String {
    let amount = format_amount(unit, variance.abs(), decimals);
    if amount.bytes().all(|b| !(b'1'..=b'9').contains(&b)) {
        return "exactly on the affordable level".to_string();
    }
    let side = if variance > 0.0 { "over" } else { "under" };
    match percent {
        Some(percent) => format!("{amount} ({}%) {side}", format_number(percent.abs(), 1)),
        None => format!("{amount} {side}"),
    }
}

fn movement(unit: &Unit, change: f64, decimals: usize) -> String {
    let amount = format_amount(unit, change.abs(), decimals);
    if change > 0.0 {
        format!("up {amount}")
    } else if change < 0.0 {
        format!("down {amount}")
    } else {
        "unchanged".to_string()
    }
}

/// The headline under the chart: where the year stands against the
/// affordable level, in units and %, year to date when the year is not over.
pub fn headline(indicator: &Indicator, analysis: &YearAnalysis) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let periods = &indicator.periods;
    let year = analysis.year;
    let Some(last) = analysis.last_reported else {
        return match analysis.budget {
            Some(budget) => format!(
                "Affordable level for {year}: {}. No actuals reported yet.",
                format_value(unit, budget, decimals)
            ),
            None => format!("No actuals reported for {year}."),
        };
    };
    let as_at = periods.long_label(last, year);
    if analysis.year_value == YearValue::None {
        let latest = analysis.cumulative.actual.get(last).copied().flatten();
        let value = indicator
            .year(year)
            .and_then(|figures| figures.actual.as_ref())
            .and_then(|actual| actual.get(last).copied().flatten())
            .or(latest);
        return match value {
            Some(value) => format!(
                "Latest, {as_at}: {}. These figures have no year total; see each {}.",
                format_value(unit, value, decimals),
                periods.noun()
            ),
            None => format!("No year total for {year}."),
        };
    }
    let Some(actual) = analysis.actual else {
        return format!("No actuals reported for {year}.");
    };
    let amount = format_value(unit, actual, decimals);
    let (lead, figure) = match analysis.year_value {
        YearValue::Last => (String::new(), format!("{amount} at {as_at}")),
        YearValue::Mean if analysis.is_complete() => {
            (String::new(), format!("Average {amount} over {year}"))
        }
        YearValue::Mean => (
            format!("Year to date ({}): ", periods.span_label(last, year)),
            format!("average {amount}"),
        ),
        _ if analysis.is_complete() => (String::new(), format!("{amount} in {year}")),
        _ => (
            format!("Year to date ({}): ", periods.span_label(last, year)),
            amount,
        ),
    };
    let mut sentence = capitalise(&match (analysis.budget_to_date, analysis.variance) {
        (Some(budget), Some(variance)) => format!(
            "{lead}{figure} against an affordable level of {}: {}.",
            format_amount(unit, budget, decimals),
            gap(unit, variance, analysis.variance_pct, decimals)
        ),
        _ => format!("{lead}{figure}; no affordable level is set."),
    });
    if let Some(change) = analysis.snapshot_change {
        let noun = periods.noun();
        let parts: Vec<String> = [
            change
                .over_last_period
                .map(|c| format!("{} on the previous {noun}", movement(unit, c, decimals))),
            change
                .over_year
                .map(|c| format!("{} on a year earlier", movement(unit, c, decimals))),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !parts.is_empty() {
            sentence.push(' ');
            sentence.push_str(&capitalise(&parts.join(" and ")));
            sentence.push('.');
        }
    }
    if let Some(forecast) = analysis.forecast {
        sentence.push_str(&format!(
            " Forecast for the year: {}.",
            format_value(unit, forecast, decimals)
        ));
    }
    sentence
}

/// Sentences flagging printed totals that differ from the computed ones:
/// "The report prints a budget total of 44,997; the quarters add up to 44,996 (1 more)."
pub fn printed_sentences(indicator: &Indicator, analysis: &YearAnalysis) -> Vec<String> {
    let unit = &indicator.unit;
    let decimals = indicator
        .precision()
        .max(if analysis.year_value == YearValue::Mean {
            2
        } else {
            0
        });
    let how = match analysis.year_value {
        YearValue::Sum => format!("the {}s add up to", indicator.periods.noun()),
        YearValue::Last => format!("the last {} is", indicator.periods.noun()),
        YearValue::Mean => format!("the {}s average", indicator.periods.noun()),
        YearValue::None => "no total can be computed".to_string(),
    };
    analysis
        .printed_mismatches()
        .map(|check| {
            let printed = format_amount(unit, check.printed, decimals);
            match (check.computed, check.difference()) {
                (Some(computed), Some(difference)) => format!(
                    "The source prints a {} total of {printed}; {how} {} (a difference of {}).",
                    check.series.name(),
                    format_amount(unit, computed, decimals),
                    format_amount(unit, difference.abs(), decimals)
                ),
                _ => format!(
                    "The source prints a {} total of {printed}, which the {}s cannot be checked against.",
                    check.series.name(),
                    indicator.periods.noun()
                ),
            }
        })
        .collect()
}

/// The £ effect in a sentence, naming the convention used. `cost_unit` is
/// the unit-cost indicator's unit ("£ per hour"), for "£14.72 per hour".
pub fn cost_sentence(
    volume_unit: &Unit,
    cost_unit: &Unit,
    effect: &CostEffect,
    decimals: usize,
) -> String {
    let per = match &cost_unit.kind {
        crate::model::UnitKind::Rate { per, .. } => format!("per {per}"),
        _ => "a unit".to_string(),
    };
    let change = effect.actual_volume - effect.budget_volume;
    let more = if change >= 0.0 { "more" } else { "fewer" };
    let volume_words = format!(
        "{} {more} {}",
        format_number(change.abs(), decimals),
        volume_unit.label.trim()
    );
    let pence = |pounds: f64| format!("£{}", format_number(pounds, 2));
    let priced_at = match effect.convention {
        CostConvention::VolumeAtActualCost => {
            format!("the actual {}", pence(effect.actual_unit_cost))
        }
        CostConvention::VolumeAtBudgetCost => {
            format!("the affordable {}", pence(effect.budget_unit_cost))
        }
    };
    let signed = |pounds: f64| {
        let text = format_money(pounds);
        if pounds >= 500.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    format!(
        "Cost effect: {} from volume ({volume_words} at {priced_at} each) and {} from price ({} {per} against an affordable {}), {} in all ({}).",
        signed(effect.volume),
        signed(effect.price),
        pence(effect.actual_unit_cost),
        pence(effect.budget_unit_cost),
        signed(effect.total()),
        effect.convention.describe()
    )
}

/// What the tooltip shows for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PointDetail {
    /// The period, e.g. "June 2011".
    pub title: String,
    /// Label and formatted value, in order: affordable level, actual,
    /// forecast (when present), variance.
    pub rows: Vec<(String, String)>,
    /// "over", "under", "on the affordable level", or `None` without a variance.
    pub status: Option<String>,
    /// The whole point as one sentence, for announcements, money in words:
    /// "June 2011-12: actual 197,085 hours, affordable level 203,326, 6,241 (3.1%) under".
    pub sentence: String,
}

/// The tooltip for period `index` of `figures` (a year of `indicator`).
pub fn point_detail(indicator: &Indicator, figures: &YearFigures, index: usize) -> PointDetail {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let at = |series: &Option<Vec<Option<f64>>>| {
        series
            .as_ref()
            .and_then(|s| s.get(index).copied().flatten())
    };
    let budget = at(&figures.budget);
    let actual = at(&figures.actual);
    let forecast = at(&figures.forecast);
    let shown = |value: Option<f64>| {
        value.map_or_else(
            || "not reported".to_string(),
            |v| format_value(unit, v, decimals),
        )
    };
    let mut rows = vec![
        ("Affordable level".to_string(), shown(budget)),
        ("Actual".to_string(), shown(actual)),
    ];
    if figures.forecast.is_some() {
        rows.push(("Forecast".to_string(), shown(forecast)));
    }
    let variance = actual
        .zip(budget)
        .map(|(a, b)| (a - b, percent_of(a - b, b)));
    let mut status = None;
    if let Some((variance, percent)) = variance {
        rows.push((
            "Variance".to_string(),
            format_variance(unit, variance, percent, decimals),
        ));
        let words = gap(unit, variance, percent, decimals);
        status = Some(if words.starts_with("exactly") {
            "on the affordable level".to_string()
        } else if variance > 0.0 {
            "over".to_string()
        } else {
            "under".to_string()
        });
    }
    let title = indicator.periods.long_label(index, figures.year);
    let announced = indicator.periods.announce_label(index, figures.year);
    let mut parts = vec![
        format!("actual {}", shown(actual)),
        format!(
            "affordable level {}",
            budget.map_or_else(
                || "not reported".to_string(),
                |b| format_amount(unit, b, decimals)
            )
        ),
    ];
    if let Some((variance, percent)) = variance {
        parts.push(gap(unit, variance, percent, decimals));
    }
    PointDetail {
        sentence: spoken(&format!("{announced}: {}", parts.join(", "))),
        title,
        rows,
        status,
    }
}
