//! Which marks make the budget-versus-actual chart, and the variance band
//! between budget and actual (split where the two lines cross).

use super::scene::{BandPiece, Line, Scene, SeriesRole};
use crate::model::{FinancialYear, Indicator, Series};

/// How many earlier years' actuals are drawn as faint lines.
pub const PREVIOUS_YEARS_SHOWN: usize = 3;

/// Half the width (in periods) of the bar drawn for an isolated period whose
/// neighbours are not reported, so its variance still shows.
const ISOLATED_HALF_WIDTH: f64 = 0.18;

/// The budget-versus-actual chart for `indicator` in `year`: earlier years'
/// actuals (faint), next year's affordable level, the shaded difference, then
/// budget, forecast and actual on top. `None` if the year is not in the data.
pub fn build_scene(indicator: &Indicator, year: FinancialYear) -> Option<Scene> {
    let figures = indicator.year(year)?;
    let periods = (0..indicator.periods.len())
        .map(|index| indicator.periods.short_label(index))
        .collect();
    let mut lines = Vec::new();
    for age in (1..=PREVIOUS_YEARS_SHOWN).rev() {
        let earlier = FinancialYear::starting(year.start_year() - age as i32);
        if let Some(actual) = indicator.year(earlier).and_then(|f| f.actual.clone()) {
            lines.push(Line {
                role: SeriesRole::PreviousActual { age },
                label: format!("Actual {earlier}"),
                tag: earlier.to_string(),
                values: actual,
            });
        }
    }
    if let Some(budget) = indicator.year(year.next()).and_then(|f| f.budget.clone()) {
        lines.push(Line {
            role: SeriesRole::NextBudget,
            label: format!("Affordable level {}", year.next()),
            tag: format!("{} budget", year.next()),
            values: budget,
        });
    }
    let bands = match (&figures.budget, &figures.actual) {
        (Some(budget), Some(actual)) => variance_band(budget, actual),
        _ => Vec::new(),
    };
    let current = [
        (SeriesRole::Budget, "Affordable level", &figures.budget),
        (SeriesRole::Forecast, "Forecast", &figures.forecast),
        (SeriesRole::Actual, "Actual", &figures.actual),
    ];
    for (role, name, series) in current {
        if let Some(values) = series {
            lines.push(Line {
                role,
                label: format!("{name} {year}"),
                tag: String::new(),
                values: values.clone(),
            });
        }
    }
    Some(Scene {
        periods,
        unit: indicator.unit.clone(),
        bands,
        lines,
    })
}

/// Pieces of shading between `budget` and `actual`, each wholly over or
/// wholly under; split at crossings and broken where either is not reported.
pub fn variance_band(budget: &Series, actual: &Series) -> Vec<BandPiece> {
    let count = budget.len().min(actual.len());
    let pair = |i: usize| -> Option<(f64, f64)> {
        Some((budget.get(i).copied()??, actual.get(i).copied()??))
    };
    let mut band = BandBuilder::default();
    for i in 0..count {
        let Some((b, a)) = pair(i) else {
            band.close();
            continue;
        };
        let x = i as f64;
        let gap = a - b;
        let next = if i + 1 < count { pair(i + 1) } else { None };
        if band.lower.is_empty() {
            if next.is_none() {
                band.isolated(x, b, a);
                continue;
            }
            band.push((x, b), (x, a), gap);
        }
        let Some((b2, a2)) = next else {
            band.close();
            continue;
        };
        let gap2 = a2 - b2;
        if gap * gap2 < 0.0 {
            // The lines cross between i and i+1: end this piece there.
            let t = gap / (gap - gap2);
            let crossing = (x + t, b + t * (b2 - b));
            band.push(crossing, crossing, 0.0);
            band.close();
            band.push(crossing, crossing, gap2);
        }
        band.push((x + 1.0, b2), (x + 1.0, a2), gap2);
    }
    band.close();
    band.pieces
}

/// Accumulates one band piece at a time: its side, the budget edge and the
/// actual edge, both left to right.
#[derive(Default)]
struct BandBuilder {
    pieces: Vec<BandPiece>,
    side: Option<bool>,
    lower: Vec<(f64, f64)>,
    upper: Vec<(f64, f64)>,
}

impl BandBuilder {
    /// Extends the current piece; a non-zero `gap` fixes its side.
    fn push(&mut self, budget: (f64, f64), actual: (f64, f64), gap: f64) {
        self.lower.push(budget);
        self.upper.push(actual);
        if gap != 0.0 && self.side.is_none() {
            self.side = Some(gap > 0.0);
        }
    }

    /// Ends the current piece; a piece with no gap anywhere is dropped.
    fn close(&mut self) {
        if let (Some(over), true) = (self.side, self.lower.len() >= 2) {
            let mut points = std::mem::take(&mut self.lower);
            points.extend(self.upper.drain(..).rev());
            self.pieces.push(BandPiece { over, points });
        }
        self.lower.clear();
        self.upper.clear();
        self.side = None;
    }

    /// A period whose neighbours are not reported: a narrow bar so its
    /// variance still shows.
    fn isolated(&mut self, x: f64, budget: f64, actual: f64) {
        if actual != budget {
            let w = ISOLATED_HALF_WIDTH;
            self.pieces.push(BandPiece {
                over: actual > budget,
                points: vec![
                    (x - w, budget),
                    (x + w, budget),
                    (x + w, actual),
                    (x - w, actual),
                ],
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(values: &[Option<f64>]) -> Series {
        values.to_vec()
    }

    #[test]
    fn band_splits_where_lines_cross() {
        let budget = s(&[Some(10.0), Some(10.0), Some(10.0)]);
        let actual = s(&[Some(12.0), Some(8.0), Some(8.0)]);
        let pieces = variance_band(&budget, &actual);
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].over);
        assert!(!pieces[1].over);
        // Crossing halfway between period 0 and 1.
        assert!(pieces[0].points.contains(&(0.5, 10.0)));
        assert!(pieces[1].points.contains(&(0.5, 10.0)));
    }

    #[test]
    fn band_breaks_at_unreported_periods() {
        let budget = s(&[Some(10.0), Some(10.0), None, Some(10.0), Some(10.0)]);
        let actual = s(&[Some(12.0), Some(12.0), Some(12.0), Some(9.0), Some(9.0)]);
        let pieces = variance_band(&budget, &actual);
        assert_eq!(pieces.len(), 2);
        assert!(pieces
            .iter()
            .all(|p| p.points.iter().all(|(x, _)| *x != 2.0)));
    }

    #[test]
    fn isolated_period_gets_a_bar() {
        let budget = s(&[Some(10.0), None, Some(10.0)]);
        let actual = s(&[Some(12.0), None, Some(10.0)]);
        let pieces = variance_band(&budget, &actual);
        // Period 0 is isolated and over; period 2 is isolated and exactly on budget.
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].over);
        assert_eq!(pieces[0].points.len(), 4);
    }

    #[test]
    fn equal_lines_make_no_band() {
        let same = s(&[Some(5.0), Some(5.0), Some(5.0)]);
        assert!(variance_band(&same, &same).is_empty());
    }
}
