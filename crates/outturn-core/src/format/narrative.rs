//! Plain-English sentences from the analysis, in the council's words:
//! "2,410,522 hours against an affordable level of 2,402,516: 8,006 (0.3%) over."

use super::case::capitalise;
use super::number::{
    format_amount, format_difference, format_money, format_number, format_reported, format_value,
    format_variance, shows_non_zero, spoken,
};
use super::performance::performance_headline;
use super::standing::Standing;
use crate::analysis::{
    variance_percent, CostConvention, CostEffect, SeriesKind, SnapshotChange, YearAnalysis,
};
use crate::model::{value_at, Indicator, Unit, YearFigures, YearValue};

/// "8,006 (0.3%) over", "6,241 (3.1%) under", "5.9 percentage points over"
/// (a percentage's difference is in points), "exactly on the affordable level".
fn gap(unit: &Unit, variance: f64, percent: Option<f64>, decimals: usize) -> String {
    let amount = format_difference(unit, variance, decimals);
    let side = match Standing::of_variance(variance, &amount) {
        Standing::Over => "over",
        Standing::Under => "under",
        _ => return "exactly on the affordable level".to_string(),
    };
    match percent {
        Some(percent) => format!("{amount} ({}%) {side}", format_number(percent.abs(), 1)),
        None => format!("{amount} {side}"),
    }
}

/// "up 41", "down 3.4 percentage points", "unchanged": a change in the
/// indicator's unit.
fn movement(unit: &Unit, change: f64, decimals: usize) -> String {
    up_or_down(change, format_difference(unit, change, decimals))
}

/// "up 41", "down £9,780k", "unchanged": `change` in words, given `amount`,
/// its size as printed (without a sign).
pub fn up_or_down(change: f64, amount: String) -> String {
    if !shows_non_zero(&amount) {
        "unchanged".to_string()
    } else if change > 0.0 {
        format!("up {amount}")
    } else {
        format!("down {amount}")
    }
}

/// "a budget", "an actual", "a forecast".
fn with_article(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

/// "is" or "are" for a coverage of `count` periods.
fn is_are(count: usize) -> &'static str {
    if count == 1 {
        "is"
    } else {
        "are"
    }
}

/// The headline under the chart: where the year stands against the
/// affordable level, in units and %, and which periods that covers (the
/// year, the year to date, or exactly the periods reported). A variance
/// pairs figures of the same periods; where it cannot, the sentence says so.
pub fn headline(indicator: &Indicator, analysis: &YearAnalysis) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let periods = &indicator.periods;
    let year = analysis.year;
    let figures = indicator.year(year);
    // A performance indicator is read against its target, not a budget.
    if indicator.is_performance() {
        if let Some(text) = figures.and_then(|f| performance_headline(indicator, f)) {
            return text;
        }
    }
    let Some(last) = analysis.last_reported else {
        return nothing_reported(indicator, analysis);
    };
    let as_at = periods.long_label(last, year);
    if analysis.year_value == YearValue::None {
        let value = figures
            .and_then(|figures| figures.actual.as_ref())
            .and_then(|actual| actual.get(last).copied().flatten());
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
    let covered = periods.coverage_label(&analysis.reported, year);
    let (lead, figure) = match analysis.year_value {
        YearValue::Last => (String::new(), format!("{amount} at {as_at}")),
        YearValue::Mean if analysis.is_complete() => {
            (String::new(), format!("Average {amount} over {year}"))
        }
        YearValue::Mean if analysis.is_to_date() => (
            format!("Year to date ({covered}): "),
            format!("average {amount}"),
        ),
        YearValue::Mean => (format!("{year}, {covered}: "), format!("average {amount}")),
        _ if analysis.is_complete() => (String::new(), format!("{amount} in {year}")),
        _ if analysis.is_to_date() => (format!("Year to date ({covered}): "), amount),
        _ => (format!("{year}, {covered}: "), amount),
    };
    let comparison = match (analysis.budget_to_date, analysis.variance) {
        (Some(budget), Some(variance)) if !analysis.compares_fewer_than_reported() => format!(
            " against an affordable level of {}: {}.",
            format_amount(unit, budget, decimals),
            gap(unit, variance, analysis.variance_pct, decimals)
        ),
        (Some(budget), Some(variance)) => partial_comparison(indicator, analysis, budget, variance),
        _ => no_comparison(indicator, analysis, last),
    };
    let mut sentence = capitalise(&format!("{lead}{figure}{comparison}"));
    if let Some(change) = analysis.snapshot_change {
        sentence.push_str(&snapshot_words(indicator, analysis, change, last));
    }
    if let Some((amount, against)) = forecast_words(indicator, analysis) {
        sentence.push_str(&format!(
            " Forecast outturn for the year: {amount}{}.",
            against.unwrap_or_default()
        ));
    }
    sentence
}

/// The headline of a year with nothing reported yet: its forecast, or its
/// affordable level, or that there are no actuals.
fn nothing_reported(indicator: &Indicator, analysis: &YearAnalysis) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let year = analysis.year;
    if let Some((amount, against)) = forecast_words(indicator, analysis) {
        let against = against.unwrap_or_else(|| "; no affordable level is set".to_string());
        return format!("Forecast outturn for {year}: {amount}{against}. No actuals reported yet.");
    }
    match analysis.budget {
        Some(budget) => format!(
            "Affordable level for {year}: {}. No actuals reported yet.",
            format_value(unit, budget, decimals)
        ),
        None => format!("No actuals reported for {year}."),
    }
}

/// ". October 2010 has no affordable level; over Q1 to Q2: 210 hours
/// against an affordable level of 200: 10 (5.0%) over.": flows and means
/// whose reported periods are not all budgeted are compared over the
/// periods that have both, and the sentence says so.
fn partial_comparison(
    indicator: &Indicator,
    analysis: &YearAnalysis,
    budget: f64,
    variance: f64,
) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let periods = &indicator.periods;
    let year = analysis.year;
    // Flows and means whose reported periods are not all budgeted:
    // the comparison is over the periods that have both, and says so.
    let left_out: Vec<usize> = analysis
        .reported
        .iter()
        .copied()
        .filter(|i| analysis.compared.binary_search(i).is_err())
        .collect();
    let compared_actual = analysis
        .actual_compared
        .map(|a| format_value(unit, a, decimals))
        .unwrap_or_default();
    // "October 2010 has", "3 of 12 months have".
    let (left_out, verb) = match left_out.as_slice() {
        [one] => (periods.name(*one, year), "has"),
        _ => (periods.coverage_label(&left_out, year), "have"),
    };
    format!(
        ". {} {verb} no affordable level; over {}: {compared_actual} against an affordable level of {}: {}.",
        capitalise(&left_out),
        periods.coverage_label(&analysis.compared, year),
        format_amount(unit, budget, decimals),
        gap(unit, variance, analysis.variance_pct, decimals)
    )
}

/// " Up 41 on the previous quarter and down 3 on a year earlier.", and
/// where the year earlier has no figure for the period, that it has none.
fn snapshot_words(
    indicator: &Indicator,
    analysis: &YearAnalysis,
    change: SnapshotChange,
    last: usize,
) -> String {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let periods = &indicator.periods;
    let year = analysis.year;
    let mut words = String::new();
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
        words.push(' ');
        words.push_str(&capitalise(&parts.join(" and ")));
        words.push('.');
    }
    if change.year_earlier_missing {
        words.push_str(&format!(
            " No figure for {} to compare with a year earlier.",
            periods.long_label(last, year.previous())
        ));
    }
    words
}

/// The year's forecast, and " against an affordable level of 6,000: 178
/// (3.0%) over" where there is a full-year affordable level to set it against.
fn forecast_words(
    indicator: &Indicator,
    analysis: &YearAnalysis,
) -> Option<(String, Option<String>)> {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let amount = format_value(unit, analysis.forecast?, decimals);
    let against = analysis
        .budget
        .zip(analysis.forecast_variance)
        .map(|(budget, variance)| {
            format!(
                " against an affordable level of {}: {}",
                format_amount(unit, budget, decimals),
                gap(unit, variance, analysis.forecast_variance_pct, decimals)
            )
        });
    Some((amount, against))
}

/// Why the headline makes no comparison: no affordable level at all, none
/// for the latest period of a snapshot (naming the latest one there is), or
/// none for any reported period.
fn no_comparison(indicator: &Indicator, analysis: &YearAnalysis, last: usize) -> String {
    let periods = &indicator.periods;
    let year = analysis.year;
    let budget = indicator
        .year(year)
        .and_then(|figures| figures.budget.as_ref())
        .filter(|budget| budget.iter().any(Option::is_some));
    let Some(budget) = budget else {
        return "; no affordable level is set.".to_string();
    };
    if analysis.year_value == YearValue::Last {
        let latest = (0..=last)
            .rev()
            .find_map(|i| Some((i, budget.get(i).copied().flatten()?)));
        let here = periods.short_label(last);
        return match latest {
            Some((i, value)) => format!(
                "; no affordable level for {here}; the latest is {}: {}.",
                periods.short_label(i),
                format_amount(&indicator.unit, value, indicator.precision())
            ),
            None => format!("; no affordable level for {here} or before."),
        };
    }
    format!(
        "; none of the {}s reported has an affordable level.",
        periods.noun()
    )
}

/// Sentences about printed totals that the periods do not bear out: a
/// difference where every period the total covers is reported ("The source
/// prints a budget total of 44,997; the quarters add up to 44,996 (a
/// difference of 1)."), and where they are not all reported, that the total
/// cannot be checked, never a false difference.
pub fn printed_sentences(indicator: &Indicator, analysis: &YearAnalysis) -> Vec<String> {
    let unit = &indicator.unit;
    let periods = &indicator.periods;
    let year = analysis.year;
    let decimals = indicator
        .precision()
        .max(if analysis.year_value == YearValue::Mean {
            2
        } else {
            0
        });
    let how = match analysis.year_value {
        YearValue::Sum => format!("the {}s add up to", periods.noun()),
        YearValue::Last => format!("the last {} is", periods.noun()),
        YearValue::Mean => format!("the {}s average", periods.noun()),
        YearValue::None => "no total can be computed".to_string(),
    };
    let figures = indicator.year(year);
    analysis
        .printed
        .iter()
        .filter(|check| check.is_mismatch() || check.is_unchecked())
        .map(|check| {
            let printed = format_amount(unit, check.printed, decimals);
            let total = with_article(check.series.name());
            match (check.computed, check.difference()) {
                (Some(computed), Some(difference)) if check.is_mismatch() => format!(
                    "The source prints {total} total of {printed}; {how} {} (a difference of {}).",
                    format_amount(unit, computed, decimals),
                    format_difference(unit, difference, decimals)
                ),
                _ if analysis.year_value == YearValue::None => format!(
                    "The source prints {total} total of {printed}, which the {}s cannot be checked against.",
                    periods.noun()
                ),
                (computed, _) => {
                    let series = figures.and_then(|f| match check.series {
                        SeriesKind::Budget => f.budget.as_ref(),
                        SeriesKind::Actual => f.actual.as_ref(),
                        SeriesKind::Forecast => f.forecast.as_ref(),
                    });
                    let present: Vec<usize> = series
                        .map(|s| (0..s.len()).filter(|&i| s[i].is_some()).collect())
                        .unwrap_or_default();
                    let so_far = computed
                        .map(|c| format!(" ({})", format_amount(unit, c, decimals)))
                        .unwrap_or_default();
                    let reported = if present.is_empty() {
                        format!("no {} is reported", periods.noun())
                    } else if let [only] = present.as_slice() {
                        format!("only {} is reported{so_far}", periods.name(*only, year))
                    } else {
                        format!("only {} {} reported{so_far}", periods.coverage_label(&present, year), is_are(present.len()))
                    };
                    format!(
                        "The source prints {total} total of {printed} for {year}, but {reported}, so it cannot be checked against the {}s.",
                        periods.noun()
                    )
                }
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
    /// Over, under or on the affordable level (as the variance is
    /// printed), or `None` without a variance.
    pub status: Option<Standing>,
    /// The whole point as one sentence, for announcements, money in words:
    /// "June 2011-12: actual 197,085 hours, affordable level 203,326, 6,241 (3.1%) under".
    pub sentence: String,
}

/// The tooltip for period `index` of `figures` (a year of `indicator`).
pub fn point_detail(indicator: &Indicator, figures: &YearFigures, index: usize) -> PointDetail {
    if indicator.is_performance() {
        return super::performance::performance_detail(indicator, figures, index);
    }
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let budget = value_at(&figures.budget, index);
    let actual = value_at(&figures.actual, index);
    let forecast = value_at(&figures.forecast, index);
    let shown = |value: Option<f64>| format_reported(unit, value, decimals);
    let mut rows = vec![
        ("Affordable level".to_string(), shown(budget)),
        ("Actual".to_string(), shown(actual)),
    ];
    if figures.forecast.is_some() {
        rows.push(("Forecast".to_string(), shown(forecast)));
    }
    let variance = actual
        .zip(budget)
        .map(|(a, b)| (a - b, variance_percent(unit, a - b, b)));
    let mut status = None;
    if let Some((variance, percent)) = variance {
        rows.push((
            "Variance".to_string(),
            format_variance(unit, variance, percent, decimals),
        ));
        status = Some(Standing::of_variance(
            variance,
            &format_difference(unit, variance, decimals),
        ));
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
    if figures.forecast.is_some() {
        parts.push(format!("forecast {}", shown(forecast)));
    }
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
