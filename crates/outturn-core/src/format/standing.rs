//! Where a figure stands against its affordable level, as a word and a
//! shape as well as a colour (never colour alone): the overview's cards
//! ([`Standing::words`]) and the charts' tooltips ([`Standing::in_full`])
//! name the same standings with the same symbols.

use super::performance::status_words;
use super::shows_non_zero;
use crate::analysis::Status;

/// Where an indicator stands against its affordable level, as a word and a
/// shape as well as a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Actual above the affordable level.
    Over,
    /// Actual below it.
    Under,
    /// Exactly on it.
    OnLevel,
    /// Reported, but no affordable level is set.
    NoBudget,
    /// Nothing reported for the year, but the forecast of the year is above
    /// the year's affordable level.
    ForecastOver,
    /// Nothing reported, and the forecast is below the affordable level.
    ForecastUnder,
    /// Nothing reported for the year (and no forecast to compare).
    NoActual,
    /// A performance indicator's status against its target and floor.
    Rated(Status),
    /// A performance indicator with no status to give (neutral, or no
    /// target for its latest period).
    NoStatus,
}

impl Standing {
    /// Symbol and word: "▲ Over", "▼ Under", "● On level", "No affordable
    /// level", "▲ Forecast over", "▼ Forecast under", "No actuals yet".
    pub fn words(self) -> &'static str {
        match self {
            Standing::Over => "▲ Over",
            Standing::Under => "▼ Under",
            Standing::OnLevel => "● On level",
            Standing::NoBudget => "No affordable level",
            Standing::ForecastOver => "▲ Forecast over",
            Standing::ForecastUnder => "▼ Forecast under",
            Standing::NoActual => "No actuals yet",
            Standing::Rated(status) => status_words(status),
            Standing::NoStatus => "No status",
        }
    }

    /// The standing in a tooltip, a word and a shape: "▲ Over the
    /// affordable level", "▼ Under the affordable level", "● On the
    /// affordable level"; other standings as [`words`](Self::words).
    pub fn in_full(self) -> &'static str {
        match self {
            Standing::Over => "▲ Over the affordable level",
            Standing::Under => "▼ Under the affordable level",
            Standing::OnLevel => "● On the affordable level",
            other => other.words(),
        }
    }

    /// Where a variance stands as it is printed: on the level when
    /// `amount`, its printed size, shows as zero ("0", "£0k"), else over or
    /// under by its sign.
    pub fn of_variance(variance: f64, amount: &str) -> Self {
        if !shows_non_zero(amount) {
            Standing::OnLevel
        } else if variance > 0.0 {
            Standing::Over
        } else {
            Standing::Under
        }
    }

    /// CSS-friendly name: `over`, `under`, `on-level`, `no-budget`,
    /// `no-actual`; a forecast's standing shares `over` and `under`.
    pub fn slug(self) -> &'static str {
        match self {
            Standing::Over => "over",
            Standing::Under => "under",
            Standing::OnLevel => "on-level",
            Standing::NoBudget => "no-budget",
            Standing::ForecastOver => "over",
            Standing::ForecastUnder => "under",
            Standing::NoActual => "no-actual",
            Standing::Rated(status) => status.slug(),
            Standing::NoStatus => "no-status",
        }
    }
}
