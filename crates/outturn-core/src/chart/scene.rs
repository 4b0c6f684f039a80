//! A chart described as data: period labels, lines and variance band pieces,
//! all in data units (x in periods, 0 = first period; y in the indicator's unit).

use crate::model::{Series, Unit};

/// What a line stands for; decides its style and its place in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesRole {
    /// The affordable level for the selected year.
    Budget,
    /// Activity delivered in the selected year.
    Actual,
    /// Forecast for the selected year.
    Forecast,
    /// An earlier year's actual, drawn faint; `age` 1 = the year before.
    PreviousActual {
        /// Years before the selected one.
        age: usize,
    },
    /// Next year's affordable level, where the data has it.
    NextBudget,
}

/// One line over the periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What it stands for.
    pub role: SeriesRole,
    /// Legend text, e.g. "Actual 2011-12".
    pub label: String,
    /// Short label drawn at the line's end ("2010-11"), for faint lines
    /// that the key alone would not tell apart; empty for none.
    pub tag: String,
    /// One value per period; `None` breaks the line.
    pub values: Series,
}

/// A filled region between the affordable level and the actual, all on one
/// side: over (actual above budget) or under.
#[derive(Debug, Clone, PartialEq)]
pub struct BandPiece {
    /// True where actual is above the affordable level.
    pub over: bool,
    /// Polygon corners (x in periods, y in units), in drawing order.
    pub points: Vec<(f64, f64)>,
}

/// A whole chart, in data units.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Short label of each period, in order (`Apr` ... `Mar`).
    pub periods: Vec<String>,
    /// The indicator's unit: axis title and tick format.
    pub unit: Unit,
    /// Shading between budget and actual.
    pub bands: Vec<BandPiece>,
    /// Lines, back to front.
    pub lines: Vec<Line>,
}

impl Scene {
    /// Smallest and largest value over every line and band, if any.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let values = self
            .lines
            .iter()
            .flat_map(|line| line.values.iter().flatten().copied())
            .chain(
                self.bands
                    .iter()
                    .flat_map(|band| band.points.iter().map(|p| p.1)),
            );
        values.fold(None, |extent, value| match extent {
            None => Some((value, value)),
            Some((low, high)) => Some((f64::min(low, value), f64::max(high, value))),
        })
    }

    /// The line with this role.
    pub fn line(&self, role: SeriesRole) -> Option<&Line> {
        self.lines.iter().find(|line| line.role == role)
    }
}
