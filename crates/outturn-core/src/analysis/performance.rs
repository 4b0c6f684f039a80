//! Performance indicators read the way a performance report reads them:
//! each period's status against its target and floor, by the indicator's
//! polarity (Green when the actual meets or beats the target, Amber when it
//! misses the target but meets the floor, Red when it misses the floor; a
//! missed target with no floor is only "below target", never an invented
//! Amber or Red), the status the source printed beside it and whether the
//! two disagree, the direction of travel, and the distance from target.
//!
//! A neutral indicator is never called good or bad: it has no status, and
//! it moves up or down rather than improving or worsening.

use super::variance_percent;
use crate::model::{value_at, FinancialYear, Indicator, Polarity, Rag, YearFigures};

/// A period's status worked out from its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Meets or beats the target.
    Green,
    /// Misses the target but meets or beats the floor.
    Amber,
    /// Misses the floor.
    Red,
    /// Misses the target; with no floor there is no Amber or Red to say.
    BelowTarget,
}

impl Status {
    /// The word in `outturn summary --json`: `green`, `amber`, `red`,
    /// `below_target`.
    pub fn slug(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
            Status::BelowTarget => "below_target",
        }
    }

    /// The status a printed word claims.
    pub fn of_rag(rag: Rag) -> Self {
        match rag {
            Rag::Green => Status::Green,
            Rag::Amber => Status::Amber,
            Rag::Red => Status::Red,
        }
    }

    /// The printed word this status is, if it is one (below target is not).
    pub fn rag(self) -> Option<Rag> {
        match self {
            Status::Green => Some(Rag::Green),
            Status::Amber => Some(Rag::Amber),
            Status::Red => Some(Rag::Red),
            Status::BelowTarget => None,
        }
    }

    /// True when a source that printed `rag` says the same as this. A
    /// target missed with no floor agrees with a printed Amber or Red (both
    /// say the target was missed); it disagrees with a printed Green.
    pub fn agrees_with(self, rag: Rag) -> bool {
        match self.rag() {
            Some(own) => own == rag,
            None => rag != Rag::Green,
        }
    }
}

/// Which way a value moved, read by polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Moved the better way.
    Improved,
    /// Moved the worse way.
    Worsened,
    /// Did not move.
    Unchanged,
    /// Went up (a neutral indicator).
    Up,
    /// Went down (a neutral indicator).
    Down,
}

impl Direction {
    /// The word in `outturn summary --json`: `improved`, `worsened`,
    /// `unchanged`, `up`, `down`.
    pub fn slug(self) -> &'static str {
        match self {
            Direction::Improved => "improved",
            Direction::Worsened => "worsened",
            Direction::Unchanged => "unchanged",
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// True when `value` is at least as good as `level` for `polarity`
/// (never for a neutral indicator, which has no "good").
fn meets(polarity: Polarity, value: f64, level: f64) -> bool {
    match polarity {
        Polarity::HigherIsBetter => value >= level,
        Polarity::LowerIsBetter => value <= level,
        Polarity::Neutral => false,
    }
}

/// The status of `actual` against `target` and, where there is one,
/// `floor`, for `polarity`; `None` for a neutral indicator or without an
/// actual or a target.
pub fn status(
    polarity: Polarity,
    actual: Option<f64>,
    target: Option<f64>,
    floor: Option<f64>,
) -> Option<Status> {
    if polarity == Polarity::Neutral {
        return None;
    }
    let (actual, target) = (actual?, target?);
    Some(if meets(polarity, actual, target) {
        Status::Green
    } else {
        match floor {
            Some(floor) if meets(polarity, actual, floor) => Status::Amber,
            Some(_) => Status::Red,
            None => Status::BelowTarget,
        }
    })
}

/// How `now` moved from `before`, for `polarity`.
pub fn direction(polarity: Polarity, now: f64, before: f64) -> Direction {
    if now == before {
        return Direction::Unchanged;
    }
    let up = now > before;
    match (polarity, up) {
        (Polarity::Neutral, true) => Direction::Up,
        (Polarity::Neutral, false) => Direction::Down,
        (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => Direction::Improved,
        _ => Direction::Worsened,
    }
}

/// One period of a performance indicator, as its report would read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodPerformance {
    /// The financial year.
    pub year: FinancialYear,
    /// The period's index in the year.
    pub period: usize,
    /// The actual, if reported.
    pub actual: Option<f64>,
    /// The target, if set.
    pub target: Option<f64>,
    /// The floor, if set.
    pub floor: Option<f64>,
    /// The status worked out from the figures.
    pub status: Option<Status>,
    /// The status the source printed.
    pub reported: Option<Rag>,
    /// Actual minus target, in the indicator's unit (percentage points for
    /// a `%` indicator).
    pub distance: Option<f64>,
    /// The distance as a percentage of the target; `None` for a `%`
    /// indicator (never a percent of a percent) and a zero target.
    pub distance_pct: Option<f64>,
}

impl PeriodPerformance {
    /// True when the source printed a status the figures do not give
    /// ("The report rates June Amber; by its target and floor its figures
    /// are Red").
    pub fn disagrees(&self) -> bool {
        matches!((self.status, self.reported), (Some(s), Some(r)) if !s.agrees_with(r))
    }
}

/// Period `period` of `figures` (a year of `indicator`).
pub fn period_performance(
    indicator: &Indicator,
    figures: &YearFigures,
    period: usize,
) -> PeriodPerformance {
    let at = |series| value_at(series, period);
    let (actual, target, floor) = (at(&figures.actual), at(&figures.target), at(&figures.floor));
    let distance = actual.zip(target).map(|(a, t)| a - t);
    PeriodPerformance {
        year: figures.year,
        period,
        actual,
        target,
        floor,
        status: status(indicator.polarity, actual, target, floor),
        reported: figures
            .rag
            .as_ref()
            .and_then(|rag| rag.get(period).copied().flatten()),
        distance,
        distance_pct: distance
            .zip(target)
            .and_then(|(d, t)| variance_percent(&indicator.unit, d, t)),
    }
}

/// The latest period of a year with an actual, with the period before it
/// and the same period a year earlier: what a scorecard row says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Latest {
    /// The latest period with an actual.
    pub now: PeriodPerformance,
    /// The reported period before it (in the year before, for a year's
    /// first), if any.
    pub previous: Option<PeriodPerformance>,
    /// The same period a year earlier, if it was reported.
    pub year_ago: Option<PeriodPerformance>,
    /// How it moved since the previous reported period.
    pub since_previous: Option<Direction>,
    /// How it moved since the same period a year earlier.
    pub since_year_ago: Option<Direction>,
}

/// The latest reported period of `figures` (a year of `indicator`) and how
/// it compares with the period before and a year before; `None` when
/// nothing is reported in the year.
pub fn latest(indicator: &Indicator, figures: &YearFigures) -> Option<Latest> {
    let reported = |figures: &YearFigures| -> Vec<usize> {
        figures.actual.as_ref().map_or_else(Vec::new, |actual| {
            (0..actual.len())
                .filter(|&i| actual.get(i).copied().flatten().is_some())
                .collect()
        })
    };
    let in_year = reported(figures);
    let last = *in_year.last()?;
    let now = period_performance(indicator, figures, last);
    let year_before = indicator.year(figures.year.previous());
    let previous = match in_year.iter().rev().nth(1) {
        Some(&before) => Some(period_performance(indicator, figures, before)),
        None => year_before.and_then(|earlier| {
            let before = *reported(earlier).last()?;
            Some(period_performance(indicator, earlier, before))
        }),
    };
    let year_ago = year_before
        .map(|earlier| period_performance(indicator, earlier, last))
        .filter(|p| p.actual.is_some());
    let moved = |then: Option<PeriodPerformance>| {
        Some(direction(indicator.polarity, now.actual?, then?.actual?))
    };
    Some(Latest {
        now,
        previous,
        year_ago,
        since_previous: moved(previous),
        since_year_ago: moved(year_ago),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_follows_polarity_target_and_floor() {
        use Polarity::*;
        // Higher is better: 98% target, 90% floor (the Kent CIC reviews bands).
        assert_eq!(
            status(HigherIsBetter, Some(98.0), Some(98.0), Some(90.0)),
            Some(Status::Green)
        );
        assert_eq!(
            status(HigherIsBetter, Some(95.0), Some(98.0), Some(90.0)),
            Some(Status::Amber)
        );
        assert_eq!(
            status(HigherIsBetter, Some(90.0), Some(98.0), Some(90.0)),
            Some(Status::Amber)
        );
        assert_eq!(
            status(HigherIsBetter, Some(77.8), Some(98.0), Some(90.0)),
            Some(Status::Red)
        );
        // Lower is better: 20 days target, 25 days floor.
        assert_eq!(
            status(LowerIsBetter, Some(18.0), Some(20.0), Some(25.0)),
            Some(Status::Green)
        );
        assert_eq!(
            status(LowerIsBetter, Some(22.0), Some(20.0), Some(25.0)),
            Some(Status::Amber)
        );
        assert_eq!(
            status(LowerIsBetter, Some(26.0), Some(20.0), Some(25.0)),
            Some(Status::Red)
        );
        // No floor: a miss is only "below target".
        assert_eq!(
            status(HigherIsBetter, Some(74.6), Some(75.0), None),
            Some(Status::BelowTarget)
        );
        // Nothing to say.
        assert_eq!(status(Neutral, Some(1.0), Some(2.0), None), None);
        assert_eq!(status(HigherIsBetter, None, Some(2.0), None), None);
        assert_eq!(status(HigherIsBetter, Some(1.0), None, Some(0.5)), None);
    }

    #[test]
    fn a_printed_status_agrees_or_is_flagged() {
        assert!(Status::Red.agrees_with(Rag::Red));
        assert!(!Status::Red.agrees_with(Rag::Amber));
        // Below target says the target was missed: so do Amber and Red.
        assert!(Status::BelowTarget.agrees_with(Rag::Amber));
        assert!(Status::BelowTarget.agrees_with(Rag::Red));
        // Printed Green at 74.6% against a 75% target: flagged.
        assert!(!Status::BelowTarget.agrees_with(Rag::Green));
    }

    #[test]
    fn direction_is_read_by_polarity() {
        use Polarity::*;
        assert_eq!(direction(HigherIsBetter, 78.1, 72.2), Direction::Improved);
        assert_eq!(direction(LowerIsBetter, 78.1, 72.2), Direction::Worsened);
        assert_eq!(direction(LowerIsBetter, 20.0, 25.0), Direction::Improved);
        assert_eq!(direction(Neutral, 20.0, 25.0), Direction::Down);
        assert_eq!(direction(Neutral, 25.0, 20.0), Direction::Up);
        assert_eq!(direction(HigherIsBetter, 5.0, 5.0), Direction::Unchanged);
    }
}
