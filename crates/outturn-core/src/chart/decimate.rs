//! Drawing dense series: when there are more points than pixels across the
//! plot, each pixel column keeps only the points that decide what it shows.
//!
//! Lines use M4 decimation (Jugel et al., 2014): per column the first, last,
//! lowest and highest point, in their original order. A line drawn through
//! those covers the same pixels as one drawn through every point, so peaks
//! and troughs are never lost (unlike averaging or taking every n-th point).
//! The shading between budget and actual becomes, per side (over, under), a
//! span from the lowest to the highest shaded pixel in each column. The chart
//! says when this happens (see `layout`).
//!
//! [`m4`] and [`column_spans`] read every point they are given. A chart's
//! lines and dense shading are drawn by [`line_in_view`] and
//! [`dense_shading`], which give the same points but find each column's
//! from the line's (or piece's) [`Extremes`](super::Extremes): a zoom step
//! on a million-point timeline costs the columns it fills, not the points
//! in view.

use std::ops::Range;

use super::scene::{BandPiece, Line};

/// Columns of this many points or fewer are read point by point: as quick
/// as a lookup, and exact to the last bit.
const SCAN_COLUMN: usize = 16;

/// The pixel column of pixel `x`.
fn column(x: f64) -> i64 {
    x.floor() as i64
}

/// M4 decimation of a polyline in pixel coordinates (x never decreasing):
/// per pixel column, its first, lowest, highest and last points, in their
/// original order, each once. A line with at most one point per column comes
/// back unchanged.
pub fn m4(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut kept = Vec::with_capacity(points.len().min(4 * 4096));
    let mut start = 0;
    while start < points.len() {
        let here = column(points[start].0);
        let mut end = start + 1;
        while end < points.len() && column(points[end].0) == here {
            end += 1;
        }
        let (mut low, mut high) = (start, start);
        for index in start..end {
            if points[index].1 < points[low].1 {
                low = index;
            }
            if points[index].1 > points[high].1 {
                high = index;
            }
        }
        // In index order already: start <= low, high <= end - 1.
        let picks = [start, low.min(high), low.max(high), end - 1];
        let mut last = None;
        for index in picks {
            if last != Some(index) {
                kept.push(points[index]);
                last = Some(index);
            }
        }
        start = end;
    }
    kept
}

/// The shading of one side as polygons in pixel coordinates: for every
/// pixel column between `left` and `right` that any of `pieces` (polygons in
/// pixel coordinates) reaches, a span from its lowest to its highest point
/// there; neighbouring columns join into one polygon.
pub fn column_spans<'a>(
    pieces: impl Iterator<Item = &'a [(f64, f64)]>,
    left: f64,
    right: f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut spans = Spans::new(left, right);
    for piece in pieces {
        for &point in piece {
            spans.point(point);
        }
    }
    spans.polygons()
}

/// One polygon round a run of column spans: along the tops, back along the
/// bottoms, each column a full pixel wide.
fn span_polygon(run: &[(usize, (f64, f64))], first: i64) -> Option<Vec<(f64, f64)>> {
    if run.is_empty() {
        return None;
    }
    let x = |index: usize| (first + index as i64) as f64;
    let mut polygon = Vec::with_capacity(run.len() * 4);
    for &(index, (low, _)) in run {
        polygon.push((x(index), low));
        polygon.push((x(index) + 1.0, low));
    }
    for &(index, (_, high)) in run.iter().rev() {
        polygon.push((x(index) + 1.0, high));
        polygon.push((x(index), high));
    }
    Some(polygon)
}

/// The point on the segment from `p` to `q` at pixel x `x`: where a line
/// leaving or entering the plot meets its edge.
fn crossing(p: (f64, f64), q: (f64, f64), x: f64) -> (f64, f64) {
    (x, p.1 + (q.1 - p.1) * (x - p.0) / (q.0 - p.0))
}

/// Splits a polyline into the pieces inside `left..=right` (pixels),
/// cutting segments that cross an edge at the edge: the definition
/// [`line_in_view`] is tested against.
#[cfg(test)]
fn clip_to(points: &[(f64, f64)], left: f64, right: f64) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let inside = |p: (f64, f64)| p.0 >= left && p.0 <= right;
    for (index, &point) in points.iter().enumerate() {
        if index == 0 {
            if inside(point) {
                current.push(point);
            }
            continue;
        }
        let previous = points[index - 1];
        match (inside(previous), inside(point)) {
            (true, true) => current.push(point),
            (true, false) => {
                let edge = if point.0 > right { right } else { left };
                current.push(crossing(previous, point, edge));
                pieces.push(std::mem::take(&mut current));
            }
            (false, true) => {
                let edge = if previous.0 < left { left } else { right };
                current.push(crossing(previous, point, edge));
                current.push(point);
            }
            (false, false) => {
                // A segment can pass right across the window.
                if (previous.0 < left && point.0 > right) || (previous.0 > right && point.0 < left)
                {
                    pieces.push(vec![
                        crossing(previous, point, left),
                        crossing(previous, point, right),
                    ]);
                }
            }
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// The first index in `range` where `test` fails, `test` holding for a
/// stretch at the start of `range` and failing for the rest (as pixel x
/// grows with the index).
fn first_failing(range: Range<usize>, test: &dyn Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (range.start, range.end);
    while low < high {
        let middle = low + (high - low) / 2;
        if test(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

/// A point's place in a line's order: `2 × index`, so that a point where
/// the line meets the plot's edge can sit between two indexes.
fn order(at: usize) -> i64 {
    2 * at as i64
}

/// A scale: a position (or a value) to a pixel x (or y).
pub type Scale<'a> = &'a dyn Fn(f64) -> f64;

/// The indexes in `range` whose pixel x (`x_of`, growing with the index)
/// is inside `left ..= right`, and each pixel column they fill with its
/// indexes, left to right: found by halving, not by visiting each index.
fn columns(
    range: Range<usize>,
    x_of: &dyn Fn(usize) -> f64,
    left: f64,
    right: f64,
) -> (Range<usize>, Vec<(i64, Range<usize>)>) {
    let a = first_failing(range.clone(), &|at| x_of(at) < left);
    let b = first_failing(a..range.end, &|at| x_of(at) <= right);
    let mut columns = Vec::new();
    let mut at = a;
    while at < b {
        let here = column(x_of(at));
        let next = first_failing(at + 1..b, &|i| column(x_of(i)) <= here);
        columns.push((here, at..next));
        at = next;
    }
    (a..b, columns)
}

/// One pixel column's M4 points while they are gathered, each with its
/// place in the line's order ([`order`]).
#[derive(Clone, Copy)]
struct Pick {
    column: i64,
    first: (i64, (f64, f64)),
    /// The point highest on screen (smallest y), the first such.
    top: (i64, (f64, f64)),
    /// The point lowest on screen (largest y), the first such.
    bottom: (i64, (f64, f64)),
    last: (i64, (f64, f64)),
}

impl Pick {
    fn point(order: i64, point: (f64, f64)) -> Self {
        Self {
            column: column(point.0),
            first: (order, point),
            top: (order, point),
            bottom: (order, point),
            last: (order, point),
        }
    }

    /// This column's points followed by `later`'s (the same column).
    fn then(self, later: Pick) -> Self {
        Self {
            column: self.column,
            first: self.first,
            top: if later.top.1 .1 < self.top.1 .1 {
                later.top
            } else {
                self.top
            },
            bottom: if later.bottom.1 .1 > self.bottom.1 .1 {
                later.bottom
            } else {
                self.bottom
            },
            last: later.last,
        }
    }

    /// The kept points, in order, each once.
    fn push_to(self, kept: &mut Vec<(f64, f64)>) {
        let (early, late) = if self.top.0 <= self.bottom.0 {
            (self.top, self.bottom)
        } else {
            (self.bottom, self.top)
        };
        let mut last = None;
        for (order, point) in [self.first, early, late, self.last] {
            if last != Some(order) {
                kept.push(point);
                last = Some(order);
            }
        }
    }
}

/// Picks gathered left to right into a decimated polyline.
#[derive(Default)]
struct Polyline {
    kept: Vec<(f64, f64)>,
    open: Option<Pick>,
}

impl Polyline {
    fn add(&mut self, pick: Option<Pick>) {
        let Some(pick) = pick else {
            return;
        };
        self.open = Some(match self.open.take() {
            Some(open) if open.column == pick.column => open.then(pick),
            Some(open) => {
                open.push_to(&mut self.kept);
                pick
            }
            None => pick,
        });
    }

    fn finish(mut self) -> Vec<(f64, f64)> {
        if let Some(open) = self.open.take() {
            open.push_to(&mut self.kept);
        }
        self.kept
    }
}

/// A line's runs at positions `range`, in pixels, clipped to the plot's
/// `left ..= right` and M4-decimated per pixel column: the points
/// `m4(clip_to(run))` gives for each run, found from the line's index.
/// Where there is at most a point a column that is the clipped runs
/// themselves. `x` and `y` map a position and a value to pixels (x
/// growing with the position, y falling as the value grows).
///
/// Each column's top and bottom point come from the line's highest and
/// lowest value there; two values so close that they map to the same
/// pixel y to the last bit could be picked in a different order than a
/// scan would, a difference no screen shows.
pub fn line_in_view(
    line: &Line,
    range: Range<usize>,
    x: Scale,
    y: Scale,
    left: f64,
    right: f64,
) -> Vec<Vec<(f64, f64)>> {
    let point = |at: usize| {
        let value = line.values.get(at).copied().flatten()?;
        Some((x(at as f64), y(value)))
    };
    let edge =
        |before: usize, edge_x: f64| Some(crossing(point(before)?, point(before + 1)?, edge_x));
    let runs = &line.index().runs;
    let first_run = runs.partition_point(|run| run.end <= range.start);
    let mut polylines = Vec::new();
    for run in runs
        .get(first_run..)
        .unwrap_or_default()
        .iter()
        .take_while(|run| run.start < range.end)
    {
        let (start, end) = (run.start.max(range.start), run.end.min(range.end));
        let (inside, columns) = columns(start..end, &|at| x(at as f64), left, right);
        let (a, b) = (inside.start, inside.end);
        if inside.is_empty() {
            // Nothing inside: one segment may still cross the whole plot.
            if a > start && a < end {
                polylines.extend(
                    edge(a - 1, left)
                        .zip(edge(a - 1, right))
                        .map(|(from, to)| vec![from, to]),
                );
            }
            continue;
        }
        let mut polyline = Polyline::default();
        if a > start {
            polyline.add(edge(a - 1, left).map(|p| Pick::point(order(a) - 1, p)));
        }
        for (_, indexes) in columns {
            polyline.add(column_pick(indexes, &point, line));
        }
        if b < end {
            polyline.add(edge(b - 1, right).map(|p| Pick::point(order(b) - 1, p)));
        }
        polylines.push(polyline.finish());
    }
    polylines
}

/// The M4 pick of `line`'s points `range`, all in one pixel column: read
/// point by point when there are few, else from the extremes of their
/// values (the highest value is the top of the column on screen).
fn column_pick(
    range: Range<usize>,
    point: &dyn Fn(usize) -> Option<(f64, f64)>,
    line: &Line,
) -> Option<Pick> {
    if range.len() <= SCAN_COLUMN {
        return range
            .filter_map(|at| Some(Pick::point(order(at), point(at)?)))
            .reduce(Pick::then);
    }
    let span = line.extremes(range.clone())?;
    let at = |i: usize| Some((order(i), point(i)?));
    let first = at(range.start)?;
    Some(Pick {
        column: column(first.1 .0),
        first,
        top: at(span.high_at)?,
        bottom: at(span.low_at)?,
        last: at(range.end - 1)?,
    })
}

/// Each pixel column's lowest and highest shaded pixel on one side, while
/// the shading is gathered.
struct Spans {
    first: i64,
    left: f64,
    right: f64,
    spans: Vec<Option<(f64, f64)>>,
}

impl Spans {
    fn new(left: f64, right: f64) -> Self {
        let first = column(left);
        let columns = (column(right) - first + 1).max(0) as usize;
        Self {
            first,
            left,
            right,
            spans: vec![None; columns],
        }
    }

    /// Widens column `at`'s span to take in `low ..= high` (pixel y).
    fn widen(&mut self, at: i64, low: f64, high: f64) {
        let Ok(index) = usize::try_from(at - self.first) else {
            return;
        };
        if let Some(span) = self.spans.get_mut(index) {
            *span = Some(match *span {
                Some((l, h)) => (l.min(low), h.max(high)),
                None => (low, high),
            });
        }
    }

    /// Takes in a point, if it is inside the plot.
    fn point(&mut self, (x, y): (f64, f64)) {
        if x >= self.left && x <= self.right {
            self.widen(column(x), y, y);
        }
    }

    /// Neighbouring columns joined into polygons.
    fn polygons(self) -> Vec<Vec<(f64, f64)>> {
        let mut polygons = Vec::new();
        let mut run: Vec<(usize, (f64, f64))> = Vec::new();
        for (index, span) in self.spans.iter().enumerate() {
            match span {
                Some(span) => run.push((index, *span)),
                None => polygons.extend(span_polygon(&std::mem::take(&mut run), self.first)),
            }
        }
        polygons.extend(span_polygon(&run, self.first));
        polygons
    }
}

/// The shading of `pieces` (one side) in pixels, as [`column_spans`] gives
/// it for their corners mapped by `x` and `y`, found from each piece's
/// extremes: per column its pairs of corners are looked up, not visited.
/// A piece whose edges do not pair is read corner by corner.
pub fn dense_shading<'a>(
    pieces: impl Iterator<Item = &'a BandPiece>,
    x: Scale,
    y: Scale,
    left: f64,
    right: f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut spans = Spans::new(left, right);
    for piece in pieces {
        let Some(extremes) = piece.index() else {
            for &(position, value) in &piece.points {
                spans.point((x(position), y(value)));
            }
            continue;
        };
        let x_of = |k: usize| piece.points.get(k).map_or(f64::NAN, |p| x(p.0));
        let pairs = piece.points.len() / 2;
        let (first, last) = (x_of(0), x_of(pairs.saturating_sub(1)));
        // The highest value is the top of the span on screen.
        let mut widen = |here: i64, span: Option<super::Span>| {
            if let Some(span) = span {
                spans.widen(here, y(span.high), y(span.low));
            }
        };
        if first >= left && last <= right && column(first) == column(last) {
            // Most pieces of a zoomed-out timeline: inside one column.
            widen(column(first), extremes.whole());
            continue;
        }
        for (here, pairs) in columns(0..pairs, &x_of, left, right).1 {
            widen(here, extremes.over(pairs, &|range| piece.read(range)));
        }
    }
    spans.polygons()
}

#[cfg(test)]
mod tests {
    use super::{clip_to, column_spans, dense_shading, line_in_view, m4};
    use crate::chart::{runs, variance_band, BandPiece, Derived, Line, SeriesRole, Viewport};

    /// A reproducible walk with spikes, repeated values (ties) and gaps of
    /// one to a few hundred periods.
    fn walk(count: usize, seed: u64) -> Vec<Option<f64>> {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut level = 5_000.0;
        let mut gap = 0;
        (0..count)
            .map(|_| {
                let roll = next();
                if gap > 0 {
                    gap -= 1;
                    return None;
                }
                if roll % 5_000 == 0 {
                    gap = (roll >> 20) % 300;
                    return None;
                }
                level += ((roll >> 8) % 41) as f64 - 20.0;
                let spike = if roll % 997 == 0 { 3_000.0 } else { 0.0 };
                Some(level + spike)
            })
            .collect()
    }

    /// Windows over `count` positions: all of it, and zooms at the ends and
    /// in the middle, from many periods a pixel to a few pixels a period
    /// on 820 px.
    fn windows(count: usize) -> Vec<Viewport> {
        let c = count as f64;
        vec![
            Viewport::full(count),
            Viewport::new(-0.5, c * 0.3, count),
            Viewport::new(c * 0.25 + 0.3, c * 0.75 - 0.2, count),
            Viewport::new(c * 0.5 + 0.37, c * 0.5 + 2_000.37, count),
            Viewport::new(c - 1_500.2, c, count),
            Viewport::new(c * 0.4 + 0.2, c * 0.4 + 819.0, count),
            Viewport::new(c * 0.6 - 0.3, c * 0.6 + 300.0, count),
            Viewport::new(-0.5, 40.0, count),
        ]
    }

    /// A frame's scales: the plot from 57.3 to 877.9 px across and
    /// 30 to 332 px down over values `low ..= high`.
    fn scales(window: Viewport, low: f64, high: f64) -> (impl Fn(f64) -> f64, impl Fn(f64) -> f64) {
        let (left, right) = (57.3, 877.9);
        (
            move |position: f64| window.to_pixel(position, left, right),
            move |value: f64| 332.0 - (value - low) / (high - low) * 302.0,
        )
    }

    #[test]
    fn lines_are_clipped_at_the_plot_edges() {
        let pieces = clip_to(
            &[(0.0, 0.0), (10.0, 10.0), (20.0, 0.0), (30.0, 10.0)],
            5.0,
            25.0,
        );
        assert_eq!(
            pieces,
            vec![vec![(5.0, 5.0), (10.0, 10.0), (20.0, 0.0), (25.0, 5.0)]]
        );
        let across = clip_to(&[(0.0, 0.0), (30.0, 30.0)], 10.0, 20.0);
        assert_eq!(across, vec![vec![(10.0, 10.0), (20.0, 20.0)]]);
        assert!(clip_to(&[(0.0, 0.0), (1.0, 1.0)], 5.0, 6.0).is_empty());
    }

    #[test]
    fn a_line_in_view_is_m4_of_its_clipped_runs() {
        let values = walk(300_000, 0x9e37_79b9_7f4a_7c15);
        let line = Line {
            role: SeriesRole::Actual,
            label: "Actual".into(),
            tag: String::new(),
            values: values.clone(),
            index: Derived::default(),
        };
        for window in windows(values.len()) {
            let (x, y) = scales(window, 1_000.0, 12_000.0);
            let range = window.range_with_margin(1);
            let clipped: Vec<Vec<(f64, f64)>> = runs(&values, range.clone())
                .iter()
                .map(|run| {
                    run.iter()
                        .map(|(at, v)| (x(*at as f64), y(*v)))
                        .collect::<Vec<_>>()
                })
                .flat_map(|run| clip_to(&run, 57.3, 877.9))
                .collect();
            let every_point: Vec<Vec<(f64, f64)>> = clipped.iter().map(|run| m4(run)).collect();
            let dense = line_in_view(&line, range, &x, &y, 57.3, 877.9);
            if window.is_full() {
                assert!(every_point.len() > 10, "the walk has gaps");
            }
            assert_eq!(dense, every_point, "{window:?}");
            if window.slot(57.3, 877.9) >= 1.0 {
                assert_eq!(dense, clipped, "a point a column or fewer: {window:?}");
            }
        }
    }

    #[test]
    fn a_line_in_view_costs_its_columns_not_its_points() {
        // The same 820 px drawn from 10,000 and from 1,000,000 points, each
        // timed at its best of five after its index is built: visiting
        // every point would make the second about 100 times the first.
        let best = |count: usize| {
            let line = Line {
                role: SeriesRole::Actual,
                label: "Actual".into(),
                tag: String::new(),
                values: walk(count, 0x2545_f491_4f6c_dd1d),
                index: Derived::default(),
            };
            let window = Viewport::full(count);
            let (x, y) = scales(window, 1_000.0, 12_000.0);
            line.index();
            (0..5)
                .map(|_| {
                    let started = std::time::Instant::now();
                    let drawn =
                        line_in_view(&line, window.range_with_margin(1), &x, &y, 57.3, 877.9);
                    assert!(!drawn.is_empty());
                    started.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let (few, many) = (best(10_000), best(1_000_000));
        assert!(
            many < few * 10,
            "1,000,000 points took {many:?}, 10,000 took {few:?}"
        );
    }

    #[test]
    fn dense_shading_is_the_column_spans_of_every_corner() {
        let budget: Vec<Option<f64>> = (0..300_000)
            .map(|i| (i % 40_000 != 7).then_some(5_000.0 + 800.0 * (i as f64 / 30_000.0).sin()))
            .collect();
        let actual = walk(300_000, 0x2545_f491_4f6c_dd1d);
        let mut pieces = variance_band(&budget, &actual);
        // A piece whose edges do not pair is read corner by corner.
        pieces.push(BandPiece::new(
            true,
            vec![(10.0, 1.0), (90_000.0, 9_000.0), (150_000.0, 2.0)],
        ));
        assert!(pieces.len() > 100);
        for window in windows(300_000) {
            let (x, y) = scales(window, 1_000.0, 12_000.0);
            for over in [false, true] {
                let side = || pieces.iter().filter(move |piece| piece.over == over);
                let corners: Vec<Vec<(f64, f64)>> = side()
                    .map(|piece| piece.points.iter().map(|(p, v)| (x(*p), y(*v))).collect())
                    .collect();
                let every_corner = column_spans(corners.iter().map(Vec::as_slice), 57.3, 877.9);
                let dense = dense_shading(side(), &x, &y, 57.3, 877.9);
                if window.is_full() {
                    assert!(!every_corner.is_empty(), "both sides are shaded");
                }
                assert_eq!(dense, every_corner, "{window:?}, over {over}");
            }
        }
    }

    #[test]
    fn sparse_lines_are_unchanged() {
        let points: Vec<(f64, f64)> = (0..12)
            .map(|i| (10.0 + i as f64 * 50.0, i as f64))
            .collect();
        assert_eq!(m4(&points), points);
    }

    #[test]
    fn a_million_points_keep_every_peak_in_four_per_column() {
        // 1,000,000 points over 800 pixels, flat at 100 with one spike up
        // and one down, each a single point.
        let width = 800.0;
        let count = 1_000_000;
        let points: Vec<(f64, f64)> = (0..count)
            .map(|i| {
                let y = match i {
                    123_457 => 5.0,
                    654_321 => 195.0,
                    _ => 100.0 + (i % 7) as f64 * 0.1,
                };
                (i as f64 / count as f64 * width, y)
            })
            .collect();
        let kept = m4(&points);
        assert!(kept.len() <= 4 * 800, "{} points kept", kept.len());
        assert!(kept.contains(&points[123_457]), "the upward spike is kept");
        assert!(
            kept.contains(&points[654_321]),
            "the downward spike is kept"
        );
        assert_eq!(kept.first(), points.first());
        assert_eq!(kept.last(), points.last());
        // Order is kept, so the line still runs left to right.
        assert!(kept.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn shading_becomes_one_span_per_column() {
        let under: Vec<(f64, f64)> = vec![(0.2, 10.0), (0.7, 30.0), (1.5, 20.0), (1.9, 25.0)];
        let gap: Vec<(f64, f64)> = vec![(3.1, 5.0), (3.4, 8.0)];
        let polygons = column_spans([under.as_slice(), gap.as_slice()].into_iter(), 0.0, 4.0);
        assert_eq!(
            polygons,
            vec![
                vec![
                    (0.0, 10.0),
                    (1.0, 10.0),
                    (1.0, 20.0),
                    (2.0, 20.0),
                    (2.0, 25.0),
                    (1.0, 25.0),
                    (1.0, 30.0),
                    (0.0, 30.0)
                ],
                vec![(3.0, 5.0), (4.0, 5.0), (4.0, 8.0), (3.0, 8.0)],
            ]
        );
    }
}
