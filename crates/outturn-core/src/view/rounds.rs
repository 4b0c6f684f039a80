//! Monitoring rounds: the forecast of the year made at each round as steps
//! against the year's budget, then the outturn; each position's tooltip,
//! table row and announcement give the forecast, its variance against the
//! budget, the movement since the round before and, once the year is
//! complete, how far it was from the outturn. The view's sentence says how
//! the forecast moved from the last round to the outturn.

use crate::analysis::{rounds, RoundMovement, Rounds};
use crate::chart::rounds_scene;
use crate::format::{format_signed, format_value, PointDetail};

use super::context::{detail, Built, Context, PanelParts};
use super::{PanelKind, PerPosition};

/// Available for a year with forecast rounds.
pub(super) fn available(ctx: &Context) -> bool {
    !ctx.figures.forecast_rounds.is_empty()
}

/// The one panel, and the movement to the outturn in a sentence.
pub(super) fn build(ctx: &Context) -> Built {
    let Some(found) = rounds(ctx.indicator(), ctx.figures) else {
        return Vec::new().into();
    };
    let indicator = ctx.indicator();
    let budget = ctx.analysis().budget;
    let rows = details(ctx, &found);
    let announce = PerPosition::from_vec(rows.iter().map(|d| d.title.clone()).collect());
    let panel = ctx.panel(PanelParts {
        kind: PanelKind::Rounds,
        title: format!(
            "Forecast of the year at each monitoring round, {}",
            ctx.year
        ),
        scene: rounds_scene(indicator, &found, budget),
        details: PerPosition::from_vec(rows),
        announce,
        summary: summary(ctx, &found),
        totals: Vec::new(),
    });
    Built {
        panels: vec![panel],
        projection_sentence: Some(sentence(ctx, &found)),
    }
}

/// The last round of a complete year, or the latest of a year still
/// running, by its name where the data gives one ("the last round
/// (Reported to Cabinet, 14 May 2012)"), else by its month ("the latest
/// round (as at September 2012)").
fn round_name(round: &RoundMovement, complete: bool) -> String {
    let which = if complete { "last" } else { "latest" };
    match &round.label {
        Some(label) => format!("the {which} round ({label})"),
        None => format!("the {which} round (as at {})", round.as_at.long_label()),
    }
}

/// One tooltip per round, then the outturn's.
fn details(ctx: &Context, found: &Rounds) -> Vec<PointDetail> {
    let unit = &ctx.indicator().unit;
    let decimals = ctx.decimals();
    let value = |v: f64| format_value(unit, v, decimals);
    let signed = |v: f64| format_signed(unit, v, decimals);
    let mut rows: Vec<PointDetail> = found
        .rounds
        .iter()
        .map(|round| {
            let mut lines = vec![("Forecast".to_string(), value(round.value))];
            if let Some(label) = &round.label {
                lines.push(("Round".to_string(), label.clone()));
            }
            if let Some(variance) = round.variance {
                lines.push(("Against the budget".to_string(), signed(variance)));
            }
            if let Some(movement) = round.movement {
                lines.push((
                    "Movement since the round before".to_string(),
                    signed(movement),
                ));
            }
            if let Some(error) = round.error {
                lines.push(("Against the outturn".to_string(), signed(error)));
            }
            detail(format!("As at {}", round.as_at.long_label()), lines)
        })
        .collect();
    if let Some(outturn) = found.outturn {
        let mut lines = vec![("Outturn".to_string(), value(outturn))];
        if let Some(budget) = ctx.analysis().budget {
            lines.push(("Against the budget".to_string(), signed(outturn - budget)));
        }
        if let Some(movement) = found.movement_to_outturn {
            lines.push((
                "Movement since the last round".to_string(),
                signed(movement),
            ));
        }
        rows.push(detail(format!("Outturn {}", ctx.year), lines));
    }
    rows
}

/// "The forecast variance against the budget moved from -£12,455k at the
/// last round (Reported to Cabinet, 14 May 2012) to -£8,242k at the
/// outturn: +£4,213k." Without a budget the
/// forecasts themselves; before the year is complete, the latest round.
fn sentence(ctx: &Context, found: &Rounds) -> String {
    let unit = &ctx.indicator().unit;
    let decimals = ctx.decimals();
    let Some(last) = found.rounds.last() else {
        return String::new();
    };
    let budget = ctx.analysis().budget;
    let (what, at_round, at_outturn) = match budget {
        Some(budget) => (
            "The forecast variance against the budget",
            format_signed(unit, last.value - budget, decimals),
            found
                .outturn
                .map(|o| format_signed(unit, o - budget, decimals)),
        ),
        None => (
            "The forecast",
            format_value(unit, last.value, decimals),
            found.outturn.map(|o| format_value(unit, o, decimals)),
        ),
    };
    let complete = ctx.analysis().is_complete();
    match (at_outturn, found.movement_to_outturn) {
        (Some(at_outturn), Some(movement)) => format!(
            "{what} moved from {at_round} at {} to {at_outturn} at the outturn: {}.",
            round_name(last, true),
            format_signed(unit, movement, decimals)
        ),
        _ if complete => format!(
            "{what} was {at_round} at {}; the year has no year figure to compare it with.",
            round_name(last, true)
        ),
        _ => format!(
            "{what} was {at_round} at {}; the year is not complete, so there is no outturn to compare it with.",
            round_name(last, false)
        ),
    }
}

/// The text alternative: what the chart shows, then the sentence.
fn summary(ctx: &Context, found: &Rounds) -> String {
    let unit = &ctx.indicator().unit;
    let decimals = ctx.decimals();
    let count = found.rounds.len();
    let mut text = format!(
        "Step chart of the forecast of the year's figure at each of {count} monitoring round{}",
        if count == 1 { "" } else { "s" }
    );
    if let Some(budget) = ctx.analysis().budget {
        text.push_str(&format!(
            ", against the budget of {}",
            format_value(unit, budget, decimals)
        ));
    }
    if let Some(outturn) = found.outturn {
        text.push_str(&format!(
            ", then the outturn of {}",
            format_value(unit, outturn, decimals)
        ));
    }
    text.push_str(". ");
    text.push_str(&sentence(ctx, found));
    text
}
