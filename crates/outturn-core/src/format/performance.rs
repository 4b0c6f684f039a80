//! A performance indicator in words, the way a performance report says it:
//! the latest result against its target, better or worse by the
//! indicator's polarity (above or below for a neutral one), its status as a
//! word and a shape as well as a colour, the status the source printed
//! where it differs, and the direction of travel.

use super::number::{
    format_difference, format_number, format_reported, format_value, format_variance, spoken,
};
use super::{capitalise, lower, PointDetail, Standing};
use crate::analysis::{latest, period_performance, variance_percent, Latest, Status};
use crate::model::{value_at, Indicator, Polarity, Rag, YearFigures};

/// A status in words with a shape, so it never rests on colour: "✓ Green",
/// "! Amber", "✕ Red", "▽ Below target", the shape and the word joined by
/// a no-break space so a line never ends between them.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Green => "✓\u{a0}Green",
        Status::Amber => "!\u{a0}Amber",
        Status::Red => "✕\u{a0}Red",
        Status::BelowTarget => "▽\u{a0}Below target",
    }
}

/// A printed status as the report words it: "Green", "Amber", "Red".
pub fn rag_word(rag: Rag) -> &'static str {
    match rag {
        Rag::Green => "Green",
        Rag::Amber => "Amber",
        Rag::Red => "Red",
    }
}

/// "5.9 percentage points better than target", "3 days worse than
/// target", "2 (4.0%) above target" for a neutral indicator, "on target".
pub fn against_target(indicator: &Indicator, actual: f64, target: f64) -> String {
    let unit = &indicator.unit;
    let distance = actual - target;
    let amount = format_difference(unit, distance, indicator.precision());
    if !super::shows_non_zero(&amount) {
        return "on target".to_string();
    }
    let amount = match variance_percent(unit, distance, target) {
        Some(pct) => format!("{amount} ({}%)", format_number(pct.abs(), 1)),
        None => amount,
    };
    let up = distance > 0.0;
    let side = match (indicator.polarity, up) {
        (Polarity::Neutral, true) => "above",
        (Polarity::Neutral, false) => "below",
        (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => "better than",
        _ => "worse than",
    };
    format!("{amount} {side} target")
}

/// The headline of a performance indicator's year: "78.1% at Q4 2011-12
/// (Jan to Mar) against a target of 72.2%: 5.9 percentage points better
/// than target (✓ Green). Improved on the previous quarter and on a year
/// earlier." With the printed status where it differs from the figures'
/// ("The report rates it Green; its figures are below its target."), and
/// where the period has no target, that it has none. `None` when nothing
/// is reported in the year.
pub fn performance_headline(indicator: &Indicator, figures: &YearFigures) -> Option<String> {
    let Latest {
        now,
        since_previous,
        since_year_ago,
        ..
    } = latest(indicator, figures)?;
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let periods = &indicator.periods;
    let when = periods.long_label(now.period, now.year);
    let actual = now.actual?;
    let mut text = format!("{} at {when}", format_value(unit, actual, decimals));
    match now.target {
        Some(target) => {
            text.push_str(&format!(
                " against a target of {}: {}",
                format_value(unit, target, decimals),
                against_target(indicator, actual, target)
            ));
            if let Some(status) = now.status {
                text.push_str(&format!(" ({})", status_words(status)));
            }
            text.push('.');
        }
        None => text.push_str(&format!("; no target is set for {when}.")),
    }
    // The report's own word is given where it says more than the figures
    // can (a missed target it rates Amber or Red), where the figures say
    // otherwise, or where Outturn gives no status of its own.
    match (now.reported, now.status) {
        (Some(reported), Some(status)) if !status.agrees_with(reported) => {
            text.push_str(&format!(
                " The report rates it {}; {}.",
                rag_word(reported),
                figures_say(status, now.floor.is_some())
            ));
        }
        (Some(reported), Some(Status::BelowTarget) | None) => {
            text.push_str(&format!(" The report rates it {}.", rag_word(reported)));
        }
        _ => {}
    }
    let noun = periods.noun();
    let travel = match (since_previous, since_year_ago) {
        (Some(a), Some(b)) if a == b => Some(format!(
            "{} on the previous {noun} and on a year earlier",
            a.slug()
        )),
        (Some(a), Some(b)) => Some(format!(
            "{} on the previous {noun} and {} on a year earlier",
            a.slug(),
            b.slug()
        )),
        (Some(a), None) => Some(format!("{} on the previous {noun}", a.slug())),
        (None, Some(b)) => Some(format!("{} on a year earlier", b.slug())),
        (None, None) => None,
    };
    if let Some(travel) = travel {
        text.push(' ');
        text.push_str(&capitalise(&travel));
        text.push('.');
    }
    Some(text)
}

/// A computed status as a report would say it inside a sentence:
/// "Green", "Amber", "Red", or "below target".
pub fn status_name(status: Status) -> &'static str {
    status.rag().map_or("below target", rag_word)
}

/// What the figures say where the report's word differs: "its figures
/// are below its target" (by a target alone they can only be that or
/// Green), "by its target and floor its figures are Red".
pub fn figures_say(status: Status, floor: bool) -> String {
    let by = if floor {
        "its target and floor"
    } else {
        "its target"
    };
    match status.rag() {
        None => "its figures are below its target".to_string(),
        Some(rag) => format!("by {by} its figures are {}", rag_word(rag)),
    }
}

/// The tooltip of period `index` of a performance indicator's year
/// `figures`: actual, target, floor, the distance from target (signed,
/// actual minus target), the status the figures give, the counts behind a
/// rate (count and out of), the benchmarks, the status the source printed;
/// its status is the one the figures give.
pub fn performance_detail(
    indicator: &Indicator,
    figures: &YearFigures,
    index: usize,
) -> PointDetail {
    let unit = &indicator.unit;
    let decimals = indicator.precision();
    let now = period_performance(indicator, figures, index);
    let shown = |value: Option<f64>| format_reported(unit, value, decimals);
    // A period without a target or floor has none set; it is not a
    // figure that went unreported.
    let level = |value: Option<f64>| value.map_or("not set".to_string(), |v| shown(Some(v)));
    let mut rows = vec![("Actual".to_string(), shown(now.actual))];
    if figures.target.is_some() {
        rows.push(("Target".to_string(), level(now.target)));
    }
    if figures.floor.is_some() {
        rows.push(("Floor".to_string(), level(now.floor)));
    }
    // Against target as a signed figure, actual minus target ("-11.0 pp",
    // "+92 (+92.0%)"), so the table and its CSV carry the direction; the
    // status row and the spoken sentence say whether that is better.
    if let Some(distance) = now.distance {
        rows.push((
            "Against target".to_string(),
            format_variance(unit, distance, now.distance_pct, decimals),
        ));
    }
    if let Some(status) = now.status {
        rows.push(("Status".to_string(), capitalise(status_name(status))));
    }
    // The counts behind a rate, each in its own column ("77", "99").
    let count = |v: f64| format_number(v, 0);
    if let Some(n) = value_at(&figures.numerator, index) {
        rows.push(("Count".to_string(), count(n)));
    }
    if let Some(d) = value_at(&figures.denominator, index) {
        rows.push(("Out of".to_string(), count(d)));
    }
    for benchmark in &figures.benchmarks {
        let value = benchmark.values.get(index).copied().flatten();
        rows.push((benchmark.label.clone(), shown(value)));
    }
    if figures.rag.is_some() {
        let printed = now.reported.map_or("not printed", rag_word);
        rows.push(("Status in the report".to_string(), printed.to_string()));
    }
    let title = indicator.periods.long_label(index, figures.year);
    let announced = indicator.periods.announce_label(index, figures.year);
    // Read out: each row, the distance in words ("11.0 percentage points
    // worse than target") and where the report's word differs, what the
    // figures give.
    let mut parts: Vec<String> = rows
        .iter()
        .map(
            |(label, value)| match (label.as_str(), now.actual, now.target) {
                ("Against target", Some(actual), Some(target)) => {
                    against_target(indicator, actual, target)
                }
                _ => format!("{} {value}", lower(label)),
            },
        )
        .collect();
    if now.disagrees() {
        parts.push("the report and the figures differ".to_string());
    }
    PointDetail {
        sentence: spoken(&format!("{announced}: {}", parts.join(", "))),
        title,
        rows,
        status: now.status.map(Standing::Rated),
    }
}

#[cfg(test)]
mod tests {
    use super::figures_say;
    use crate::analysis::Status;

    #[test]
    fn what_the_figures_say_names_the_target_once() {
        assert_eq!(
            figures_say(Status::BelowTarget, false),
            "its figures are below its target"
        );
        assert_eq!(
            figures_say(Status::Green, false),
            "by its target its figures are Green"
        );
        assert_eq!(
            figures_say(Status::Red, true),
            "by its target and floor its figures are Red"
        );
    }
}
