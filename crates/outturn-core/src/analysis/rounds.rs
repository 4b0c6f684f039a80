//! Monitoring rounds: the forecast of a year's value as made at each round,
//! the movement from one round to the next, and from the last round to the
//! outturn, and each round's error against the outturn. The outturn is the
//! year's actual once every period is reported: a forecast of the whole
//! year is never compared with a part of it.

use super::{analyse_year, YearAnalysis};
use crate::model::{CalendarMonth, Indicator, YearFigures};

/// One round, with how it moved.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundMovement {
    /// The month whose figures the round used.
    pub as_at: CalendarMonth,
    /// What the round is called, if the data says.
    pub label: Option<String>,
    /// The forecast of the year value, in the indicator's unit.
    pub value: f64,
    /// The forecast against the year's budget (its forecast variance),
    /// where the year has a budget.
    pub variance: Option<f64>,
    /// The change from the round before; `None` for the first.
    pub movement: Option<f64>,
    /// The forecast minus the outturn, once the year is complete.
    pub error: Option<f64>,
}

/// A year's rounds, and the move from the last to the outturn.
#[derive(Debug, Clone, PartialEq)]
pub struct Rounds {
    /// The rounds, in order.
    pub rounds: Vec<RoundMovement>,
    /// The outturn: the year's actual, once every period is reported.
    pub outturn: Option<f64>,
    /// The outturn minus the last round's forecast; `None` without both.
    pub movement_to_outturn: Option<f64>,
}

/// The outturn of a year: its actual year value once every period is
/// reported (and the year has a year value at all).
pub fn outturn(analysis: &YearAnalysis) -> Option<f64> {
    analysis.actual.filter(|_| analysis.is_complete())
}

/// The rounds of `figures` (a year of `indicator`); `None` without any.
pub fn rounds(indicator: &Indicator, figures: &YearFigures) -> Option<Rounds> {
    if figures.forecast_rounds.is_empty() {
        return None;
    }
    let analysis = analyse_year(indicator, figures);
    let outturn = outturn(&analysis);
    let mut before: Option<f64> = None;
    let rounds: Vec<RoundMovement> = figures
        .forecast_rounds
        .iter()
        .map(|round| {
            let movement = before.map(|b| round.value - b);
            before = Some(round.value);
            RoundMovement {
                as_at: round.as_at,
                label: round.label.clone(),
                value: round.value,
                variance: analysis.budget.map(|b| round.value - b),
                movement,
                error: outturn.map(|o| round.value - o),
            }
        })
        .collect();
    let movement_to_outturn = outturn.zip(before).map(|(o, last)| o - last);
    Some(Rounds {
        rounds,
        outturn,
        movement_to_outturn,
    })
}
