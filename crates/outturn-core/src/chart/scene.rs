//! A chart described as data, in data units: x positions (0, 1, 2, ... one
//! per period; a timeline runs across years), y in the indicator's unit (or
//! pounds for cost charts). Marks: lines, variance band pieces, bars and
//! horizontal rules.

use std::ops::Range;

use super::extremes::{scan, Derived, Extremes, Span, SCAN_LIMIT};
use super::Viewport;
use crate::model::{Series, Unit};

/// What a line stands for; decides its style, its legend entry and its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesRole {
    /// The affordable level for the selected year.
    Budget,
    /// Activity delivered in the selected year.
    Actual,
    /// Forecast for the selected year (from the data).
    Forecast,
    /// An earlier year's actual, drawn in grey; `age` 1 = the year before
    /// (solid; older ones dashed, then dotted).
    PreviousActual {
        /// Years before the selected one.
        age: usize,
    },
    /// Next year's affordable level, where the data has it.
    NextBudget,
    /// Projected values after the "as at" period.
    Projection,
    /// Variance to date, period by period.
    RunningVariance,
    /// A performance indicator's target for the selected year.
    Target,
    /// The floor: the boundary between amber and red.
    Floor,
    /// A comparison series (national, regional average); `index` in the
    /// year's benchmarks.
    Benchmark {
        /// Position in the year's list of benchmarks.
        index: usize,
    },
    /// The forecast of the year made at each monitoring round, drawn as
    /// steps: each round's forecast holds until the next.
    Rounds,
}

impl SeriesRole {
    /// Reading order, main series first: actual, affordable level (or
    /// target), projection (or floor), forecast, variance to date, next
    /// year's level and benchmarks, then earlier years, newest first. The
    /// key and keyboard order use it (equal ranks keep the scene's order).
    pub fn rank(self) -> usize {
        match self {
            SeriesRole::Actual => 0,
            SeriesRole::Budget => 1,
            SeriesRole::Projection => 2,
            SeriesRole::Forecast => 3,
            SeriesRole::Target => 1,
            SeriesRole::Floor => 2,
            SeriesRole::RunningVariance => 4,
            SeriesRole::NextBudget => 5,
            SeriesRole::Benchmark { .. } => 5,
            SeriesRole::PreviousActual { age } => 5 + age,
            SeriesRole::Rounds => 0,
        }
    }

    /// Stable key for legend toggles and URLs: `actual`, `budget`,
    /// `forecast`, `previous-1`, `next-budget`, `projection`,
    /// `running-variance`, `target`, `floor`, `benchmark-0`, `rounds`.
    pub fn key(self) -> String {
        match self {
            SeriesRole::Budget => "budget".into(),
            SeriesRole::Actual => "actual".into(),
            SeriesRole::Forecast => "forecast".into(),
            SeriesRole::PreviousActual { age } => format!("previous-{age}"),
            SeriesRole::NextBudget => "next-budget".into(),
            SeriesRole::Projection => "projection".into(),
            SeriesRole::RunningVariance => "running-variance".into(),
            SeriesRole::Target => "target".into(),
            SeriesRole::Floor => "floor".into(),
            SeriesRole::Benchmark { index } => format!("benchmark-{index}"),
            SeriesRole::Rounds => "rounds".into(),
        }
    }

    /// True for the faint lines drawn to compare with: earlier years'
    /// actuals and next year's affordable level.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            SeriesRole::PreviousActual { .. }
                | SeriesRole::NextBudget
                | SeriesRole::Benchmark { .. }
        )
    }
}

/// One line over the x positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What it stands for.
    pub role: SeriesRole,
    /// Legend text, e.g. "Actual 2011-12".
    pub label: String,
    /// Short label drawn at the line's end ("2010-11"), for faint lines
    /// that the key alone would not tell apart; empty for none.
    pub tag: String,
    /// One value per x position; `None` breaks the line. Not changed once
    /// the line is laid out: its index is derived from it.
    pub values: Series,
    /// Its runs and extremes, built the first time it is drawn or a long
    /// stretch of it is measured (`Derived::default()` to make a line).
    pub index: Derived<LineIndex>,
}

/// What a line is drawn from at every zoom step without visiting each of
/// its values.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Its runs of consecutive reported positions, in order.
    pub runs: Vec<Range<usize>>,
    /// Its lowest and highest values over any stretch.
    pub extremes: Extremes,
}

impl Line {
    /// The lowest and highest reported values at positions `range`, read
    /// one by one.
    fn read(&self, range: Range<usize>) -> Option<Span> {
        let end = range.end.min(self.values.len());
        let start = range.start.min(end);
        let values = self.values.get(start..end).unwrap_or_default();
        scan(
            values
                .iter()
                .enumerate()
                .filter_map(|(offset, value)| value.map(|v| (start + offset, v, v))),
        )
    }

    /// The line's index, built on first use (one pass over the values).
    pub fn index(&self) -> &LineIndex {
        self.index.get_or_build(|| {
            let mut runs: Vec<Range<usize>> = Vec::new();
            for (at, value) in self.values.iter().enumerate() {
                match (value, runs.last_mut()) {
                    (None, _) => {}
                    (Some(_), Some(run)) if run.end == at => run.end = at + 1,
                    (Some(_), _) => runs.push(at..at + 1),
                }
            }
            LineIndex {
                runs,
                extremes: Extremes::new(self.values.len(), &|range| self.read(range)),
            }
        })
    }

    /// The lowest and highest reported values at positions `range` and
    /// where they are (the earliest, on ties); `None` if none is reported.
    /// A short stretch is read; a long one is looked up in the index.
    pub fn extremes(&self, range: Range<usize>) -> Option<Span> {
        if range.len() <= SCAN_LIMIT {
            self.read(range)
        } else {
            self.index().extremes.over(range, &|range| self.read(range))
        }
    }
}

/// A filled region between the affordable level and the actual, all on one
/// side: over (actual above budget) or under.
#[derive(Debug, Clone, PartialEq)]
pub struct BandPiece {
    /// True where actual is above the affordable level.
    pub over: bool,
    /// Polygon corners (x position, y value), in drawing order: along the
    /// affordable level left to right, then back along the actual, the two
    /// edges the same length (as the chart builds them). Not changed once
    /// the piece is laid out.
    pub points: Vec<(f64, f64)>,
    /// Extremes over its pairs of corners ([`BandPiece::pairs`]), built the
    /// first time it is drawn as dense shading; `None` for a piece whose
    /// edges do not pair.
    pub index: Derived<Option<Extremes>>,
}

impl BandPiece {
    /// A piece of shading on side `over` with corners `points`.
    pub fn new(over: bool, points: Vec<(f64, f64)>) -> Self {
        Self {
            over,
            points,
            index: Derived::default(),
        }
    }

    /// The number of corner pairs, if its two edges pair up: the `k`th
    /// corner along the affordable level and the `k`th from the end along
    /// the actual at the same x, every x in order. Every piece the chart
    /// builds does; the dense drawing reads a column of shading off them.
    pub fn pairs(&self) -> Option<usize> {
        let half = self.points.len() / 2;
        let (lower, upper) = self.points.split_at_checked(half)?;
        let paired = lower.len() == upper.len()
            && lower
                .iter()
                .zip(upper.iter().rev())
                .all(|(l, u)| l.0 == u.0)
            && lower.windows(2).all(|w| w[0].0 <= w[1].0);
        paired.then_some(half)
    }

    /// The lowest and highest values over corner pairs `range` (the `k`th
    /// pair: the `k`th corner and the `k`th from the end), read one by one.
    pub fn read(&self, range: Range<usize>) -> Option<Span> {
        let count = self.points.len();
        let end = range.end.min(count / 2);
        let start = range.start.min(end);
        let lower = self.points.get(start..end).unwrap_or_default();
        let upper = self
            .points
            .get(count - end..count - start)
            .unwrap_or_default();
        scan(
            lower
                .iter()
                .zip(upper.iter().rev())
                .enumerate()
                .map(|(offset, (l, u))| (start + offset, l.1.min(u.1), l.1.max(u.1))),
        )
    }

    /// Its extremes over corner pairs, built on first use; `None` for a
    /// piece whose edges do not pair.
    pub fn index(&self) -> Option<&Extremes> {
        self.index
            .get_or_build(|| {
                self.pairs()
                    .map(|half| Extremes::new(half, &|range| self.read(range)))
            })
            .as_ref()
    }

    /// The x positions the piece spans, first and last, read off its two
    /// ends rather than found among its points: a zoomed million-point
    /// timeline asks this of every piece at every zoom step.
    pub fn x_range(&self) -> (f64, f64) {
        let first = self.points.first().map_or(0.0, |p| p.0);
        let last = self
            .points
            .get((self.points.len() / 2).saturating_sub(1))
            .map_or(first, |p| p.0);
        (first, last)
    }
}

/// What a bar shows; decides its fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// Actual over the affordable level (positive variance).
    Over,
    /// Actual under the affordable level.
    Under,
    /// The volume part of a cost effect.
    Volume,
    /// The price part of a cost effect.
    Price,
    /// A total (the cost effect, volume + price).
    Total,
    /// A performance indicator's actual better than its target (by its
    /// polarity: above it where higher is better, below where lower is).
    Better,
    /// Worse than its target.
    Worse,
    /// A neutral indicator's difference from its target: above or below,
    /// neither better nor worse.
    Beside,
}

/// A bar from `from` to `to` (y values) at x position `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Centre x position.
    pub x: f64,
    /// Value where the bar starts (0 for plain bars; the running total in a waterfall).
    pub from: f64,
    /// Value where the bar ends.
    pub to: f64,
    /// What it shows.
    pub kind: BarKind,
    /// Text drawn at the bar's end (its value), or empty.
    pub label: String,
}

/// A horizontal line across the plot at `value`, labelled.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Where, in y units.
    pub value: f64,
    /// Label drawn at its left end, e.g. "Affordable level for the year: 2,402,516".
    pub label: String,
}

/// A whole chart, in data units.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// A label per x position (`Apr` ... `Mar`); empty strings are not drawn.
    pub x_labels: Vec<String>,
    /// Visible x window; normally all of it.
    pub x_window: Viewport,
    /// Vertical separators with a label at the top (year boundaries in a timeline).
    pub x_separators: Vec<(f64, String)>,
    /// Unit of the y values: axis title and tick format.
    pub unit: Unit,
    /// Shading between budget and actual.
    pub bands: Vec<BandPiece>,
    /// The amber zone: a performance indicator's band between its floor
    /// and its target (missing the target there is Amber; beyond the floor,
    /// Red), drawn faint under everything else.
    pub zones: Vec<BandPiece>,
    /// Bars, drawn under the lines.
    pub bars: Vec<Bar>,
    /// Horizontal rules (targets).
    pub rules: Vec<Rule>,
    /// Lines, back to front.
    pub lines: Vec<Line>,
    /// Keep zero inside the value axis (bar charts).
    pub include_zero: bool,
    /// A note printed in the chart (a convention, a method).
    pub note: Option<String>,
}

impl Scene {
    /// An empty scene over `labels`, with the full window.
    pub fn new(x_labels: Vec<String>, unit: Unit) -> Self {
        Self {
            x_window: Viewport::full(x_labels.len()),
            x_labels,
            x_separators: Vec::new(),
            unit,
            bands: Vec::new(),
            zones: Vec::new(),
            bars: Vec::new(),
            rules: Vec::new(),
            lines: Vec::new(),
            include_zero: false,
            note: None,
        }
    }

    /// Number of x positions.
    pub fn count(&self) -> usize {
        self.x_labels.len()
    }

    /// Smallest and largest visible value over every mark, if any.
    pub fn extent(&self) -> Option<(f64, f64)> {
        self.extent_in(self.x_window)
    }

    /// Smallest and largest value inside `window` (x positions) over every
    /// mark, if any.
    pub fn extent_in(&self, window: Viewport) -> Option<(f64, f64)> {
        // A line's extremes in the window are looked up, not scanned (a
        // zoomed million-point timeline is measured at every zoom step).
        let range = window.range();
        let line_values = self
            .lines
            .iter()
            .filter_map(move |line| line.extremes(range.clone()))
            .flat_map(|span| [span.low, span.high]);
        // The shading lies between two of the lines (its crossings are on
        // the segments between their values), so it adds nothing to their
        // extent; without lines (they are hidden) it is measured, in the
        // window only.
        let measured_bands = if self.lines.is_empty() {
            &self.bands[..]
        } else {
            &[]
        };
        let band_values = measured_bands.iter().flat_map(move |band| {
            band.points
                .iter()
                .filter(move |p| window.contains(p.0))
                .map(|p| p.1)
        });
        let bar_values = self.bars.iter().flat_map(|bar| [bar.from, bar.to]);
        let rule_values = self.rules.iter().map(|rule| rule.value);
        let zero = self.include_zero.then_some(0.0);
        line_values
            .chain(band_values)
            .chain(bar_values)
            .chain(rule_values)
            .chain(zero)
            .fold(None, |extent, value| match extent {
                None => Some((value, value)),
                Some((low, high)) => Some((f64::min(low, value), f64::max(high, value))),
            })
    }

    /// The sides the shading shows, for the key: `false` (under) and
    /// `true` (over), each once, under first.
    pub fn band_sides(&self) -> Vec<bool> {
        [false, true]
            .into_iter()
            .filter(|over| self.bands.iter().any(|band| band.over == *over))
            .collect()
    }

    /// The line with this role.
    pub fn line(&self, role: SeriesRole) -> Option<&Line> {
        self.lines.iter().find(|line| line.role == role)
    }

    /// This scene without the lines in `hidden` (legend toggles); a hidden
    /// budget or actual also hides the band between them, and a hidden
    /// floor or target the amber zone.
    pub fn without(mut self, hidden: &[SeriesRole]) -> Self {
        if hidden.is_empty() {
            return self;
        }
        self.lines.retain(|line| !hidden.contains(&line.role));
        if hidden
            .iter()
            .any(|role| matches!(role, SeriesRole::Budget | SeriesRole::Actual))
        {
            self.bands.clear();
        }
        if hidden
            .iter()
            .any(|role| matches!(role, SeriesRole::Floor | SeriesRole::Target))
        {
            self.zones.clear();
        }
        self
    }
}
