//! The visible part of a chart's x axis, and everything that moves it or
//! reads it: which positions are in view, stepping between them with the
//! keyboard, zooming and panning (buttons, keys, the wheel and dragging all
//! move it the same way, clamped to the data), mapping positions to pixels
//! and back, and splitting a series into the runs a line is drawn as.
//!
//! Positions are 0, 1, 2, ... one per period (a timeline runs across
//! years); the edges of the window are fractional, so the whole of `count`
//! positions is `-0.5 .. count - 0.5` and each position sits at the centre
//! of its slot.

use std::ops::Range;

/// Fewest positions a zoomed window shows.
pub const MIN_SPAN: f64 = 6.0;

/// The visible x window of a chart of `count` positions: from `start` to
/// `end`, in positions. Made by [`Viewport::new`] or [`Viewport::full`] it
/// is never outside the data and (when zoomed) at least [`MIN_SPAN`] wide;
/// a sparkline's ([`Viewport::points`]) runs from the first point to the
/// last.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    start: f64,
    end: f64,
    count: usize,
}

/// A zoom step: in and out by half (buttons and keys) or by a fifth (each
/// notch of the wheel, so scrolling feels continuous).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoomStep {
    /// Half the span (the "Zoom in" button, `+`).
    In,
    /// Twice the span (the "Zoom out" button, `-`).
    Out,
    /// One wheel notch towards the data.
    WheelIn,
    /// One wheel notch away.
    WheelOut,
}

impl ZoomStep {
    /// The step for a wheel event that scrolled by `delta_y`: up (negative)
    /// zooms in, down zooms out.
    pub fn for_wheel(delta_y: f64) -> Self {
        if delta_y < 0.0 {
            ZoomStep::WheelIn
        } else {
            ZoomStep::WheelOut
        }
    }

    /// The new span as a share of the old.
    pub fn factor(self) -> f64 {
        match self {
            ZoomStep::In => 0.5,
            ZoomStep::Out => 2.0,
            ZoomStep::WheelIn => 0.8,
            ZoomStep::WheelOut => 1.25,
        }
    }
}

/// A pan step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PanStep {
    /// Half a window earlier (the "Earlier" button).
    PageEarlier,
    /// Half a window later (the "Later" button).
    PageLater,
    /// A quarter of a window earlier (Shift with the left arrow).
    NudgeEarlier,
    /// A quarter of a window later (Shift with the right arrow).
    NudgeLater,
    /// By this many positions (dragging; negative = earlier).
    Positions(f64),
}

/// A keyboard step between positions in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The next position (right arrow).
    Next,
    /// The previous position (left arrow).
    Previous,
    /// The first position in view (Home).
    First,
    /// The last position in view (End).
    Last,
}

impl Viewport {
    /// All of `count` positions.
    pub fn full(count: usize) -> Self {
        Self {
            start: -0.5,
            end: count as f64 - 0.5,
            count,
        }
    }

    /// The window `start .. end` of `count` positions, kept inside the data
    /// and at least [`MIN_SPAN`] wide (or the whole, if that is narrower).
    pub fn new(start: f64, end: f64, count: usize) -> Self {
        let whole = Self::full(count);
        let most = whole.span();
        let span = (end - start).clamp(MIN_SPAN.min(most), most);
        let start = start.clamp(whole.start, whole.end - span);
        Self {
            start,
            end: start + span,
            count,
        }
    }

    /// The same window over `count` positions, kept inside them: a window
    /// saved for one dataset, applied to another (a new file with the same
    /// indicator and more or fewer years).
    pub fn over(&self, count: usize) -> Self {
        if count == self.count {
            *self
        } else {
            Self::new(self.start, self.end, count)
        }
    }

    /// From the first point's centre to the last's, edge to edge: the
    /// window of a sparkline, which has no room for half slots.
    pub fn points(count: usize) -> Self {
        Self {
            start: 0.0,
            end: count.saturating_sub(1).max(1) as f64,
            count,
        }
    }

    /// Left edge, in positions.
    pub fn start(&self) -> f64 {
        self.start
    }

    /// Right edge, in positions.
    pub fn end(&self) -> f64 {
        self.end
    }

    /// Positions in the data (in view or not).
    pub fn count(&self) -> usize {
        self.count
    }

    /// Width of the window, in positions.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The middle of the window, in positions.
    pub fn centre(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// True when the whole of the data is in view ("fully zoomed out").
    pub fn is_full(&self) -> bool {
        let whole = Self::full(self.count);
        (self.start - whole.start).abs() < 1e-9 && (self.end - whole.end).abs() < 1e-9
    }

    /// True when position `x` is inside the window.
    pub fn contains(&self, x: f64) -> bool {
        x >= self.start && x <= self.end
    }

    /// The positions in view, as indexes into a series of `count` values.
    /// Everything that visits "the positions in the window" uses this, so a
    /// zoomed million-point timeline costs what is in view.
    pub fn range(&self) -> Range<usize> {
        positions(self.start.ceil(), self.end.floor(), self.count)
    }

    /// The positions in view and `margin` more each side: a line drawn to
    /// the edges needs the points just outside.
    pub fn range_with_margin(&self, margin: usize) -> Range<usize> {
        let margin = margin as f64;
        positions(
            self.start.floor() - margin,
            self.end.ceil() + margin,
            self.count,
        )
    }

    /// The first and last positions in view (`None` with nothing in view).
    pub fn first_and_last(&self) -> Option<(usize, usize)> {
        let range = self.range();
        (!range.is_empty()).then(|| (range.start, range.end - 1))
    }

    /// The last position in view with a value in `values`: where the
    /// keyboard starts, and where a line's end label goes.
    pub fn last_reported(&self, values: &[Option<f64>]) -> Option<usize> {
        let range = self.range();
        let end = range.end.min(values.len());
        let start = range.start.min(end);
        values[start..end]
            .iter()
            .rposition(Option::is_some)
            .map(|offset| start + offset)
    }

    /// Where the keyboard goes from `from` (taken into view first) by `step`.
    pub fn step(&self, from: usize, step: Step) -> Option<usize> {
        let (first, last) = self.first_and_last()?;
        let from = from.clamp(first, last);
        Some(match step {
            Step::Next => (from + 1).min(last),
            Step::Previous => from.saturating_sub(1).max(first),
            Step::First => first,
            Step::Last => last,
        })
    }

    /// Zoomed by `step`, keeping position `centre` (default the window's
    /// middle) where it is.
    pub fn zoomed(&self, step: ZoomStep, centre: Option<f64>) -> Self {
        let factor = step.factor();
        let centre = centre
            .filter(|c| c.is_finite())
            .unwrap_or_else(|| self.centre())
            .clamp(self.start, self.end);
        let start = centre - (centre - self.start) * factor;
        let end = centre + (self.end - centre) * factor;
        Self::new(start, end, self.count)
    }

    /// Panned by `step`, stopping at the ends of the data.
    pub fn panned(&self, step: PanStep) -> Self {
        let shift = match step {
            PanStep::PageEarlier => -self.span() / 2.0,
            PanStep::PageLater => self.span() / 2.0,
            PanStep::NudgeEarlier => -self.span() / 4.0,
            PanStep::NudgeLater => self.span() / 4.0,
            PanStep::Positions(shift) if shift.is_finite() => shift,
            PanStep::Positions(_) => 0.0,
        };
        Self::new(self.start + shift, self.end + shift, self.count)
    }

    /// Pixels per position when the window spans `left .. right` pixels.
    pub fn slot(&self, left: f64, right: f64) -> f64 {
        let span = self.span();
        if span > 0.0 {
            (right - left) / span
        } else {
            right - left
        }
    }

    /// Pixel x of position `position` when the window spans `left .. right`.
    pub fn to_pixel(&self, position: f64, left: f64, right: f64) -> f64 {
        left + (position - self.start) * self.slot(left, right)
    }

    /// The position (fractional) at pixel `x` when the window spans
    /// `left .. right`: the wheel zooms around it.
    pub fn at_pixel(&self, x: f64, left: f64, right: f64) -> f64 {
        self.start + (x - left) / self.slot(left, right)
    }

    /// The position in view nearest pixel `x` (clamped into view) when the
    /// window spans `left .. right`; `None` with nothing in view.
    pub fn nearest(&self, x: f64, left: f64, right: f64) -> Option<usize> {
        let (first, last) = self.first_and_last()?;
        let position = self.at_pixel(x, left, right).round();
        Some(position.clamp(first as f64, last as f64) as usize)
    }

    /// The positions dragging from pixel `from` to pixel `to` moves the
    /// window by (dragging right shows earlier positions).
    pub fn drag_shift(&self, from: f64, to: f64, left: f64, right: f64) -> f64 {
        (from - to) / self.slot(left, right)
    }
}

/// `first ..= last` (whole positions, possibly out of the data) as a range
/// of indexes into `count` values: the one place a window becomes indexes.
fn positions(first: f64, last: f64, count: usize) -> Range<usize> {
    let start = (first.max(0.0) as usize).min(count);
    let end = ((last + 1.0).max(0.0) as usize).clamp(start, count);
    start..end
}

/// `values[range]` split into runs of consecutive reported values, each a
/// list of (position, value); a missing value ends a run. A line is drawn
/// as its runs, so a gap in the data is a gap in the line.
pub fn runs(values: &[Option<f64>], range: Range<usize>) -> Vec<Vec<(usize, f64)>> {
    let end = range.end.min(values.len());
    let start = range.start.min(end);
    let mut runs: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut current: Vec<(usize, f64)> = Vec::new();
    for (index, value) in values[start..end].iter().enumerate() {
        match value {
            Some(v) => current.push((start + index, *v)),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(v: Viewport) -> (f64, f64) {
        (v.start(), v.end())
    }

    #[test]
    fn zoom_keeps_the_centre_and_stays_inside() {
        let full = Viewport::full(48);
        assert!(full.is_full());
        let zoomed = full.zoomed(ZoomStep::In, Some(23.5));
        assert_eq!(window(zoomed), (11.5, 35.5));
        assert!(!zoomed.is_full());
        // The buttons zoom around the middle.
        assert_eq!(full.zoomed(ZoomStep::In, None), zoomed);
        // Zooming out past everything gives everything.
        let out = zoomed
            .zoomed(ZoomStep::Out, Some(20.0))
            .zoomed(ZoomStep::Out, None);
        assert_eq!(out, full);
        // Never narrower than MIN_SPAN.
        let mut tight = zoomed;
        for _ in 0..10 {
            tight = tight.zoomed(ZoomStep::In, Some(20.0));
        }
        assert!((tight.span() - MIN_SPAN).abs() < 1e-9);
        // The wheel moves by a fifth, and back.
        let wheel = full.zoomed(ZoomStep::WheelIn, Some(23.5));
        assert!((wheel.span() - 48.0 * 0.8).abs() < 1e-9);
        let back = wheel.zoomed(ZoomStep::WheelOut, Some(23.5));
        assert!((back.span() - 48.0).abs() < 1e-9);
    }

    #[test]
    fn pan_stops_at_the_ends() {
        let v = Viewport::new(11.5, 23.5, 48);
        assert_eq!(window(v.panned(PanStep::Positions(6.0))), (17.5, 29.5));
        assert_eq!(window(v.panned(PanStep::PageLater)), (17.5, 29.5));
        assert_eq!(window(v.panned(PanStep::NudgeEarlier)), (8.5, 20.5));
        assert_eq!(window(v.panned(PanStep::Positions(-100.0))), (-0.5, 11.5));
        assert_eq!(window(v.panned(PanStep::Positions(100.0))), (35.5, 47.5));
        assert_eq!(v.panned(PanStep::Positions(f64::NAN)), v);
        // Short data: the window is the data.
        assert_eq!(window(Viewport::new(0.0, 3.0, 2)), (-0.5, 1.5));
    }

    #[test]
    fn a_window_kept_from_other_data_is_fitted_to_this() {
        let zoomed = Viewport::new(29.5, 59.5, 60);
        assert_eq!(zoomed.over(60), zoomed);
        let shorter = zoomed.over(24);
        assert_eq!(
            (shorter.start(), shorter.end(), shorter.count()),
            (-0.5, 23.5, 24)
        );
        let longer = zoomed.over(120);
        assert_eq!(
            (longer.start(), longer.end(), longer.count()),
            (29.5, 59.5, 120)
        );
    }

    #[test]
    fn the_range_is_the_whole_positions_in_view() {
        assert_eq!(Viewport::full(12).range(), 0..12);
        assert_eq!(Viewport::new(2.25, 9.5, 12).range(), 3..10);
        assert_eq!(Viewport::new(2.25, 9.5, 12).range_with_margin(1), 1..12);
        assert_eq!(Viewport::full(0).range(), 0..0);
        assert_eq!(Viewport::full(0).first_and_last(), None);
        assert_eq!(Viewport::new(2.25, 9.5, 12).first_and_last(), Some((3, 9)));
    }

    #[test]
    fn keyboard_steps_stay_in_view() {
        let v = Viewport::new(2.25, 9.5, 12);
        assert_eq!(v.step(5, Step::Next), Some(6));
        assert_eq!(v.step(9, Step::Next), Some(9));
        assert_eq!(v.step(3, Step::Previous), Some(3));
        // A point out of view is brought into view first.
        assert_eq!(v.step(0, Step::Next), Some(4));
        assert_eq!(v.step(11, Step::Previous), Some(8));
        assert_eq!(v.step(5, Step::First), Some(3));
        assert_eq!(v.step(5, Step::Last), Some(9));
        assert_eq!(Viewport::full(0).step(0, Step::Next), None);
    }

    #[test]
    fn pixels_map_to_positions_and_back() {
        // 12 positions over 100..700 px: 50 px a slot.
        let v = Viewport::full(12);
        assert_eq!(v.slot(100.0, 700.0), 50.0);
        assert_eq!(v.to_pixel(0.0, 100.0, 700.0), 125.0);
        assert_eq!(v.at_pixel(125.0, 100.0, 700.0), 0.0);
        assert_eq!(v.nearest(149.0, 100.0, 700.0), Some(0));
        assert_eq!(v.nearest(151.0, 100.0, 700.0), Some(1));
        assert_eq!(v.nearest(0.0, 100.0, 700.0), Some(0));
        assert_eq!(v.nearest(10_000.0, 100.0, 700.0), Some(11));
        // Dragging 100 px to the right shows two positions earlier.
        assert_eq!(v.drag_shift(300.0, 400.0, 100.0, 700.0), -2.0);
        // A sparkline: the first and last points on the edges.
        let spark = Viewport::points(5);
        assert_eq!(spark.to_pixel(0.0, 2.0, 118.0), 2.0);
        assert_eq!(spark.to_pixel(4.0, 2.0, 118.0), 118.0);
        assert_eq!(spark.nearest(60.0, 2.0, 118.0), Some(2));
    }

    #[test]
    fn runs_break_at_missing_values() {
        let values = [Some(1.0), Some(2.0), None, Some(4.0), None, None, Some(7.0)];
        assert_eq!(
            runs(&values, 0..values.len()),
            vec![vec![(0, 1.0), (1, 2.0)], vec![(3, 4.0)], vec![(6, 7.0)]]
        );
        assert_eq!(runs(&values, 1..4), vec![vec![(1, 2.0)], vec![(3, 4.0)]]);
        assert_eq!(runs(&values, 5..100), vec![vec![(6, 7.0)]]);
        assert!(runs(&[None, None], 0..2).is_empty());
    }
}
