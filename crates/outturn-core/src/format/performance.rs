//! A performance indicator in words, the way a performance report says it:
//! the latest result against its target, better or worse by the
//! indicator's polarity (above or below for a neutral one), its status as a
//! word and a shape as well as a colour, the status the source printed
//! where it differs, and the direction of travel.

use super::capitalise;
use super::number::{format_difference, format_number, format_value};
use crate::analysis::{latest, variance_percent, Latest, Status};
use crate::model::{Indicator, Polarity, Rag, YearFigures};

/// A status in words with a shape, so it never rests on colour: "✓ Green",
/// "! Amber", "✕ Red", "▽ Below target".
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Green => "✓ Green",
        Status::Amber => "! Amber",
        Status::Red => "✕ Red",
        Status::BelowTarget => "▽ Below target",
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
/// ("The report rates it Green; by its target it is below target."), and
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
    if let (Some(reported), Some(status)) = (now.reported, now.status) {
        if !status.agrees_with(reported) {
            let by = if now.floor.is_some() {
                "its target and floor"
            } else {
                "its target"
            };
            let is = match status {
                Status::BelowTarget => "below target".to_string(),
                status => rag_word_of(status).to_string(),
            };
            text.push_str(&format!(
                " The report rates it {}; by {by} it is {is}.",
                rag_word(reported)
            ));
        }
    } else if let Some(reported) = now.reported {
        text.push_str(&format!(" The report rates it {}.", rag_word(reported)));
    }
    let noun = periods.noun();
    let parts: Vec<String> = [
        since_previous.map(|d| format!("{} on the previous {noun}", d.slug())),
        since_year_ago.map(|d| format!("{} on a year earlier", d.slug())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        text.push(' ');
        text.push_str(&capitalise(&parts.join(" and ")));
        text.push('.');
    }
    Some(text)
}

/// "Green", "Amber", "Red" for a computed status that has a printed word.
fn rag_word_of(status: Status) -> &'static str {
    match status {
        Status::Green => "Green",
        Status::Amber => "Amber",
        Status::Red => "Red",
        Status::BelowTarget => "below target",
    }
}
