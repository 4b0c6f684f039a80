//! Which marks make the budget-versus-actual chart, and the variance band
//! between budget and actual (split where the two lines cross).

use super::extremes::Derived;
use super::scene::{BandPiece, Bar, BarKind, Line, Rule, Scene, SeriesRole};
use super::Viewport;
use crate::analysis::{
    period_performance, CostConvention, CostEffect, Projection, Rounds, YearAnalysis,
};
use crate::format::{format_amount, format_money};
use crate::model::{
    FinancialYear, Indicator, Polarity, Series, Unit, UnitKind, YearFigures, YearValue,
};

/// How many earlier years' actuals are drawn as faint lines.
pub const PREVIOUS_YEARS_SHOWN: usize = 3;

/// Half the width (in periods) of the bar drawn for an isolated period whose
/// neighbours are not reported, so its variance still shows.
const ISOLATED_HALF_WIDTH: f64 = 0.18;

fn period_labels(indicator: &Indicator) -> Vec<String> {
    (0..indicator.periods.len())
        .map(|index| indicator.periods.short_label(index))
        .collect()
}

fn line(role: SeriesRole, label: String, values: Series) -> Line {
    Line {
        role,
        label,
        tag: String::new(),
        values,
        index: Derived::default(),
    }
}

/// Earlier years' actuals (faint, tagged) and next year's affordable level.
fn context_lines(indicator: &Indicator, year: FinancialYear) -> Vec<Line> {
    let mut lines = Vec::new();
    for age in (1..=PREVIOUS_YEARS_SHOWN).rev() {
        let earlier = FinancialYear::starting(year.start_year() - age as i32);
        if let Some(actual) = indicator.year(earlier).and_then(|f| f.actual.clone()) {
            lines.push(Line {
                tag: earlier.to_string(),
                ..line(
                    SeriesRole::PreviousActual { age },
                    format!("Actual {earlier}"),
                    actual,
                )
            });
        }
    }
    if let Some(budget) = indicator.year(year.next()).and_then(|f| f.budget.clone()) {
        lines.push(Line {
            tag: format!("{} budget", year.next()),
            ..line(
                SeriesRole::NextBudget,
                format!("Affordable level {}", year.next()),
                budget,
            )
        });
    }
    lines
}

/// The budget-versus-actual chart for `indicator` in `year`: earlier years'
/// actuals (faint), next year's affordable level, the shaded difference
/// (or a performance indicator's amber zone between floor and target),
/// benchmarks, then budget, floor, target, forecast and actual on top. `None` if the year is not in the data.
pub fn build_scene(indicator: &Indicator, year: FinancialYear) -> Option<Scene> {
    let figures = indicator.year(year)?;
    let mut scene = Scene::new(period_labels(indicator), indicator.unit.clone());
    scene.lines = context_lines(indicator, year);
    if let (Some(budget), Some(actual)) = (&figures.budget, &figures.actual) {
        scene.bands = variance_band(budget, actual);
    }
    // The amber zone between floor and target (which side each is on is
    // the polarity's, checked when the data was read).
    if let (Some(floor), Some(target)) = (&figures.floor, &figures.target) {
        scene.zones = variance_band(floor, target);
    }
    // Comparison series behind the council's own, labelled at their ends.
    for (index, benchmark) in figures.benchmarks.iter().enumerate() {
        scene.lines.push(Line {
            tag: benchmark.label.clone(),
            ..line(
                SeriesRole::Benchmark { index },
                benchmark.label.clone(),
                benchmark.values.clone(),
            )
        });
    }
    let current = [
        (SeriesRole::Budget, "Affordable level", &figures.budget),
        (SeriesRole::Floor, "Floor", &figures.floor),
        (SeriesRole::Target, "Target", &figures.target),
        (SeriesRole::Forecast, "Forecast", &figures.forecast),
        (SeriesRole::Actual, "Actual", &figures.actual),
    ];
    for (role, name, series) in current {
        if let Some(values) = series {
            scene
                .lines
                .push(line(role, format!("{name} {year}"), values.clone()));
        }
    }
    Some(scene)
}

/// Cumulative year to date: cumulative budget, actual and forecast, with
/// the year's affordable level as a target rule. Snapshots are already "to
/// date", so their lines are the values themselves.
pub fn cumulative_scene(indicator: &Indicator, analysis: &YearAnalysis) -> Scene {
    let year = analysis.year;
    let mut scene = Scene::new(period_labels(indicator), indicator.unit.clone());
    let c = &analysis.cumulative;
    let has = |series: &Series| series.iter().any(Option::is_some);
    if has(&c.budget) && has(&c.actual) {
        scene.bands = variance_band(&c.budget, &c.actual);
    }
    for (role, name, values) in [
        (SeriesRole::Budget, "Affordable level to date", &c.budget),
        (SeriesRole::Forecast, "Forecast to date", &c.forecast),
        (SeriesRole::Actual, "Actual to date", &c.actual),
    ] {
        if has(values) {
            scene
                .lines
                .push(line(role, format!("{name} {year}"), values.clone()));
        }
    }
    if let Some(budget) = analysis.budget {
        scene.rules.push(Rule {
            value: budget,
            label: format!(
                "Affordable level for the year: {}",
                format_amount(&indicator.unit, budget, indicator.precision())
            ),
        });
    }
    scene
}

/// The unit of a difference between two of `indicator`'s values: its own,
/// but percentage points for a percentage (the axis and values of a
/// difference of percentages are points, not percentages).
fn difference_unit(indicator: &Indicator) -> Unit {
    match indicator.unit.kind {
        UnitKind::Percent => Unit::parse("percentage points"),
        _ => indicator.unit.clone(),
    }
}

/// Variance by period as diverging bars (over up, under down), with the
/// variance to date as a line.
pub fn variance_scene(indicator: &Indicator, analysis: &YearAnalysis) -> Scene {
    let mut scene = Scene::new(period_labels(indicator), difference_unit(indicator));
    scene.include_zero = true;
    scene.bars = analysis
        .period_variance
        .iter()
        .enumerate()
        .filter_map(|(index, variance)| {
            // A zero variance has no bar (neither over nor under).
            let variance = (*variance).filter(|v| *v != 0.0)?;
            Some(Bar {
                x: index as f64,
                from: 0.0,
                to: variance,
                kind: if variance > 0.0 {
                    BarKind::Over
                } else {
                    BarKind::Under
                },
                label: String::new(),
            })
        })
        .collect();
    if analysis.year_value == YearValue::Sum {
        scene.lines.push(line(
            SeriesRole::RunningVariance,
            format!("Variance to date {}", analysis.year),
            analysis.running_variance.clone(),
        ));
    }
    scene
}

/// A performance indicator's distance from its target by period: a bar
/// from zero to the actual minus the target (in percentage points for a
/// percentage), better or worse by the indicator's polarity, neither for a
/// neutral one. A period on target, or without an actual or a target, has
/// no bar.
pub fn against_target_scene(indicator: &Indicator, figures: &YearFigures) -> Scene {
    let mut scene = Scene::new(period_labels(indicator), difference_unit(indicator));
    scene.include_zero = true;
    scene.bars = (0..indicator.periods.len())
        .filter_map(|index| {
            let distance = period_performance(indicator, figures, index)
                .distance
                .filter(|d| *d != 0.0)?;
            let kind = match (indicator.polarity, distance > 0.0) {
                (Polarity::Neutral, _) => BarKind::Beside,
                (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => {
                    BarKind::Better
                }
                _ => BarKind::Worse,
            };
            Some(Bar {
                x: index as f64,
                from: 0.0,
                to: distance,
                kind,
                label: String::new(),
            })
        })
        .collect();
    scene
}

/// A year's monitoring rounds: one position per round (labelled with the
/// month whose figures it used), then the outturn where the year is
/// complete. The forecast at each round as steps, the outturn as a point
/// at its own position, and the year's budget, where there is one, as a
/// dashed level across.
pub fn rounds_scene(indicator: &Indicator, rounds: &Rounds, budget: Option<f64>) -> Scene {
    let mut labels: Vec<String> = rounds
        .rounds
        .iter()
        .map(|r| r.as_at.short_label())
        .collect();
    if rounds.outturn.is_some() {
        labels.push("Outturn".to_string());
    }
    let count = labels.len();
    let mut scene = Scene::new(labels, indicator.unit.clone());
    let forecasts: Series = (0..count)
        .map(|i| rounds.rounds.get(i).map(|r| r.value))
        .collect();
    if let Some(budget) = budget {
        scene.lines.push(line(
            SeriesRole::Budget,
            "Budget for the year".to_string(),
            vec![Some(budget); count],
        ));
    }
    scene.lines.push(line(
        SeriesRole::Rounds,
        "Forecast at each round".to_string(),
        forecasts,
    ));
    if let Some(outturn) = rounds.outturn {
        let mut values = vec![None; count];
        if let Some(last) = values.last_mut() {
            *last = Some(outturn);
        }
        scene
            .lines
            .push(line(SeriesRole::Actual, "Outturn".to_string(), values));
    }
    scene
}

/// Every year of the indicator on one April-to-March axis: actuals solid
/// (the selected year bold), budget-only years as dashed lines.
pub fn years_scene(indicator: &Indicator, year: FinancialYear) -> Scene {
    let mut scene = Scene::new(period_labels(indicator), indicator.unit.clone());
    let mut selected = None;
    for figures in &indicator.years {
        if figures.year == year {
            selected = Some(figures);
            continue;
        }
        let age = year.start_year() - figures.year.start_year();
        match (&figures.actual, &figures.budget) {
            (Some(actual), _) => scene.lines.push(Line {
                tag: figures.year.to_string(),
                ..line(
                    SeriesRole::PreviousActual {
                        age: age.unsigned_abs() as usize,
                    },
                    format!("Actual {}", figures.year),
                    actual.clone(),
                )
            }),
            (None, Some(budget)) => scene.lines.push(Line {
                tag: format!("{} budget", figures.year),
                ..line(
                    SeriesRole::NextBudget,
                    format!("Affordable level {}", figures.year),
                    budget.clone(),
                )
            }),
            _ => {}
        }
    }
    if let Some(figures) = selected {
        if let Some(budget) = &figures.budget {
            scene.lines.push(line(
                SeriesRole::Budget,
                format!("Affordable level {year}"),
                budget.clone(),
            ));
        }
        // Forecasts are shown wherever actuals are: dotted, with triangles.
        if let Some(forecast) = &figures.forecast {
            scene.lines.push(line(
                SeriesRole::Forecast,
                format!("Forecast {year}"),
                forecast.clone(),
            ));
        }
        if let Some(actual) = &figures.actual {
            scene.lines.push(line(
                SeriesRole::Actual,
                format!("Actual {year}"),
                actual.clone(),
            ));
        }
    }
    scene
}

/// All years end to end: x position = year index × periods + period.
/// `window` zooms; `None` shows everything.
pub fn timeline_scene(indicator: &Indicator, window: Option<Viewport>) -> Scene {
    let periods = indicator.periods.len();
    let labels = indicator
        .years
        .iter()
        .flat_map(|_| period_labels(indicator))
        .collect();
    let mut scene = Scene::new(labels, indicator.unit.clone());
    let joined = |pick: fn(&crate::model::YearFigures) -> &Option<Series>| -> Series {
        indicator
            .years
            .iter()
            .flat_map(|figures| pick(figures).clone().unwrap_or_else(|| vec![None; periods]))
            .collect()
    };
    let budget = joined(|f| &f.budget);
    let actual = joined(|f| &f.actual);
    scene.bands = variance_band(&budget, &actual);
    // A performance indicator has no affordable level to draw or name.
    if !indicator.is_performance() {
        scene
            .lines
            .push(line(SeriesRole::Budget, "Affordable level".into(), budget));
    }
    if indicator.years.iter().any(|f| f.forecast.is_some()) {
        scene.lines.push(line(
            SeriesRole::Forecast,
            "Forecast".into(),
            joined(|f| &f.forecast),
        ));
    }
    scene
        .lines
        .push(line(SeriesRole::Actual, "Actual".into(), actual));
    scene.x_separators = indicator
        .years
        .iter()
        .enumerate()
        .map(|(index, figures)| ((index * periods) as f64 - 0.5, figures.year.to_string()))
        .collect();
    if let Some(window) = window {
        scene.x_window = Viewport::new(window.start(), window.end(), scene.count());
    }
    scene
}

/// The £ effect as a waterfall: volume from zero, price from there, and the
/// total from zero, so the bars visibly add up. Labels give each amount.
pub fn cost_effect_scene(effect: &CostEffect) -> Scene {
    let mut scene = Scene::new(
        // Short enough to stand under each bar on a phone; the legend, the
        // table and the announcements name them in full.
        vec!["Volume".into(), "Price".into(), "Total".into()],
        crate::model::Unit::parse("£"),
    );
    scene.include_zero = true;
    let signed = |pounds: f64| {
        let text = format_money(pounds);
        if pounds > 0.0 && !text.starts_with('-') {
            format!("+{text}")
        } else {
            text
        }
    };
    scene.bars = vec![
        Bar {
            x: 0.0,
            from: 0.0,
            to: effect.volume,
            kind: BarKind::Volume,
            label: signed(effect.volume),
        },
        Bar {
            x: 1.0,
            from: effect.volume,
            to: effect.volume + effect.price,
            kind: BarKind::Price,
            label: signed(effect.price),
        },
        Bar {
            x: 2.0,
            from: 0.0,
            to: effect.total(),
            kind: BarKind::Total,
            label: signed(effect.total()),
        },
    ];
    scene.note = Some(match effect.convention {
        CostConvention::VolumeAtActualCost => {
            "Volume at actual unit cost; price at affordable volume".into()
        }
        CostConvention::VolumeAtBudgetCost => {
            "Volume at affordable unit cost; price at actual volume".into()
        }
    });
    scene
}

/// Actuals to the "as at" period, the projection after it (dashed), and
/// the affordable level, with the projected year-end position in the note.
pub fn forecast_scene(
    indicator: &Indicator,
    year: FinancialYear,
    projection: &Projection,
) -> Option<Scene> {
    let figures = indicator.year(year)?;
    let mut scene = Scene::new(period_labels(indicator), indicator.unit.clone());
    if let Some(budget) = &figures.budget {
        scene.bands = variance_band(budget, &projection.actual);
        scene.lines.push(line(
            SeriesRole::Budget,
            format!("Affordable level {year}"),
            budget.clone(),
        ));
    }
    // The projection starts from the last actual so the dashed line continues it.
    let mut projected = projection.projected.clone();
    if let Some(last) = projection.actual.iter().rposition(Option::is_some) {
        projected[last] = projection.actual[last];
    }
    scene.lines.push(line(
        SeriesRole::Projection,
        format!("Projection ({})", projection.method.describe()),
        projected,
    ));
    scene.lines.push(line(
        SeriesRole::Actual,
        format!("Actual {year}"),
        projection.actual.clone(),
    ));
    scene.note = Some(format!("Projected by {}", projection.method.describe()));
    Some(scene)
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
            self.pieces.push(BandPiece::new(over, points));
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
            self.pieces.push(BandPiece::new(
                actual > budget,
                vec![
                    (x - w, budget),
                    (x + w, budget),
                    (x + w, actual),
                    (x - w, actual),
                ],
            ));
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
    fn a_band_pieces_x_range_is_its_first_and_last_position() {
        // Crossings, gaps, isolated periods and long runs.
        let budget: Vec<Option<f64>> = (0..40).map(|i| Some(100.0 + (i % 7) as f64)).collect();
        let actual: Vec<Option<f64>> = (0..40)
            .map(|i| (i % 11 != 5).then_some(100.0 + ((i * 5) % 13) as f64))
            .collect();
        let pieces = variance_band(&budget, &actual);
        assert!(pieces.len() > 5);
        for piece in &pieces {
            let (low, high) = piece
                .points
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), p| {
                    (l.min(p.0), h.max(p.0))
                });
            assert_eq!(piece.x_range(), (low, high), "{piece:?}");
        }
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
