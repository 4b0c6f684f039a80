//! Pixel layout of a scene: margins, the y scale with "nice" ticks, the
//! period slots on the x axis, and the inverse (pixel → period) for hover.

use super::scene::{Line, Scene};
use super::{PanStep, Viewport};
use crate::format::format_axis_tick;
use crate::model::UnitKind;

/// Tick label size in CSS pixels.
pub const FONT_SIZE: f64 = 12.0;
/// Average glyph width as a share of the font size, for estimating label widths.
const GLYPH_WIDTH: f64 = 0.6;
/// Vertical pixels wanted between y ticks.
const TICK_SPACING: f64 = 56.0;
/// Height kept between a bar's end and the plot's edge for its amount, in
/// CSS pixels (the label, 4 px from the end, and a little air).
pub const BAR_LABEL_ROOM: f64 = 22.0;

/// The rectangle inside the axes, in pixels from the top-left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotArea {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// A labelled position on an axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis (x for period ticks, y for value ticks).
    pub position: f64,
    /// The value at the tick (period index for x ticks).
    pub value: f64,
    /// Text shown; empty where labels are thinned out to avoid overlap.
    pub label: String,
}

/// A direct label at the end of a faint line.
#[derive(Debug, Clone, PartialEq)]
pub struct EndLabel {
    /// Left edge of the text.
    pub x: f64,
    /// Vertical centre of the text (nudged apart from its neighbours).
    pub y: f64,
    /// The text.
    pub text: String,
    /// Index of the line in the scene.
    pub line: usize,
}

/// One line of a chart's note, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteLine {
    /// x of the text's anchor: its left edge, or its right edge when
    /// `right_aligned`.
    pub x: f64,
    /// y of the text's top.
    pub y: f64,
    /// True when the note sits on the title row, right-aligned.
    pub right_aligned: bool,
    /// The text.
    pub text: String,
}

/// Charts narrower than this leave faint lines to the key (no end labels).
const END_LABEL_MIN_WIDTH: f64 = 520.0;

/// True for a chart `width` CSS pixels wide that is narrow: its lines have
/// no end labels, so the legend alone says which is which, and the widget
/// shows that legend compactly (entries side by side, smaller), leaving a
/// phone's first screen to the chart.
pub fn narrow_chart(width: f64) -> bool {
    width < END_LABEL_MIN_WIDTH
}
/// Smallest vertical gap between end labels.
const END_LABEL_GAP: f64 = 13.0;
/// Smallest gap between one separator's label and the next, pixels.
const SEPARATOR_LABEL_GAP: f64 = 4.0;

/// Where everything goes, in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Whole chart width.
    pub width: f64,
    /// Whole chart height.
    pub height: f64,
    /// Inside the axes.
    pub plot: PlotArea,
    /// The x window shown across the plot.
    pub viewport: Viewport,
    /// Value at the bottom of the plot.
    pub y_min: f64,
    /// Value at the top of the plot.
    pub y_max: f64,
    /// Value ticks, bottom to top.
    pub y_ticks: Vec<Tick>,
    /// One tick per visible x position, left to right.
    pub x_ticks: Vec<Tick>,
    /// Separators (pixel x, label), e.g. year boundaries.
    pub x_separators: Vec<(f64, String)>,
    /// Axis title (the unit), drawn above the value axis; empty when the
    /// tick labels carry the unit already (money, percentages).
    pub y_title: String,
    /// Direct labels at the ends of faint lines.
    pub end_labels: Vec<EndLabel>,
    /// The scene's note, as lines.
    pub note: Vec<NoteLine>,
    /// True when there are more x positions in view than pixels across the
    /// plot: lines and shading are then decimated for drawing (see
    /// `decimate`), and the note says so ([`DENSE_NOTE`]).
    pub decimated: bool,
}

/// What a dense chart says about how it is drawn.
pub const DENSE_NOTE: &str = "Dense data; each pixel shows its highest and lowest values";

impl Frame {
    /// Width of one x position's slot, in pixels.
    pub fn slot(&self) -> f64 {
        self.viewport.slot(self.plot.left, self.plot.right)
    }

    /// Pixel x of an x position (0.0 = the first period's centre).
    pub fn x(&self, position: f64) -> f64 {
        self.viewport
            .to_pixel(position, self.plot.left, self.plot.right)
    }

    /// Pixel y of a value.
    pub fn y(&self, value: f64) -> f64 {
        let span = self.y_max - self.y_min;
        let share = if span > 0.0 {
            (value - self.y_min) / span
        } else {
            0.5
        };
        self.plot.bottom - share * (self.plot.bottom - self.plot.top)
    }

    /// True when period `position` is in the data and in view.
    pub fn shows(&self, position: usize) -> bool {
        position < self.viewport.count() && self.is_visible(position as f64)
    }

    /// True when x position `x` is inside the plot's window.
    pub fn is_visible(&self, x: f64) -> bool {
        self.viewport.contains(x)
    }

    /// The size in whole device pixels of this chart with `header` more
    /// CSS pixels on top (an export's title and key), drawn at `scale`
    /// device pixels per CSS pixel: (width, height).
    pub fn pixel_size(&self, header: f64, scale: f64) -> (u32, u32) {
        (
            (self.width * scale).round() as u32,
            ((self.height + header) * scale).round() as u32,
        )
    }

    /// The x position (fractional) at pixel `x`: the wheel zooms around it.
    pub fn position_under(&self, x: f64) -> f64 {
        self.viewport.at_pixel(x, self.plot.left, self.plot.right)
    }

    /// How far dragging the pointer from pixel `from` to pixel `to` pans
    /// the window, in positions; `None` until the drag has moved half a
    /// position (so a click does not pan).
    pub fn drag_shift(&self, from: f64, to: f64) -> Option<PanStep> {
        let shift = self
            .viewport
            .drag_shift(from, to, self.plot.left, self.plot.right);
        (shift.abs() >= 0.5).then_some(PanStep::Positions(shift))
    }

    /// The x position whose slot contains pixel `x`, if `x` is over the plot.
    pub fn position_at(&self, x: f64) -> Option<usize> {
        if !(self.plot.left..=self.plot.right).contains(&x) {
            return None;
        }
        self.viewport.nearest(x, self.plot.left, self.plot.right)
    }
}

fn nice_step(raw: f64) -> f64 {
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// A value axis's domain and tick step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NiceScale {
    /// The domain's low end, a multiple of `step`.
    pub low: f64,
    /// The domain's high end, a multiple of `step`.
    pub high: f64,
    /// Between ticks: 1, 2, 2.5 or 5 times a power of ten.
    pub step: f64,
}

/// A "nice" domain and step covering `low..=high` with about `count` ticks.
pub fn nice_ticks(low: f64, high: f64, count: usize) -> NiceScale {
    let (mut low, mut high) = (low.min(high), low.max(high));
    if !(low.is_finite() && high.is_finite()) {
        return NiceScale {
            low: 0.0,
            high: 1.0,
            step: 0.25,
        };
    }
    if high - low < f64::EPSILON * high.abs().max(1.0) {
        // A flat line: give it room above and below.
        let pad = if high == 0.0 { 1.0 } else { high.abs() * 0.1 };
        low -= pad;
        high += pad;
    }
    let step = nice_step((high - low) / count.max(1) as f64);
    NiceScale {
        low: (low / step).floor() * step,
        high: (high / step).ceil() * step,
        step,
    }
}

/// The widget root's border and padding, left and right together, in CSS
/// pixels (`.outturn-root` in outturn.css: 1 px and 16 px a side).
const ROOT_INSET: i32 = 34;

/// The width of the chart area inside a widget root `root_width` CSS
/// pixels wide (its `clientWidth`), before the chart area can be measured
/// itself: the first render draws at the right width.
pub fn chart_area_width(root_width: i32) -> u32 {
    u32::try_from(root_width - ROOT_INSET).unwrap_or(0)
}

/// The height a chart gets at `width` CSS pixels: half the width, but at
/// least [`MIN_CHART_HEIGHT`] (a phone's plot is no shorter than a
/// tablet's: at 240 px, a 375 px phone's plot was about 160 px tall, less
/// than its legend) and at most 400 px (fits a screen).
pub fn chart_height(width: f64) -> f64 {
    (width * 0.5).clamp(MIN_CHART_HEIGHT, 400.0)
}

/// The least height of any chart, CSS pixels: at least what half the width
/// gives on a 768 px tablet (a chart 700 to 720 px wide).
pub const MIN_CHART_HEIGHT: f64 = 360.0;

/// Lays out `scene` in a `width` × `height` pixel box.
pub fn layout(scene: &Scene, width: f64, height: f64) -> Frame {
    layout_window(scene, scene.x_window, width, height)
}

/// Lays out `scene` showing x positions `window` instead of the scene's own
/// window: zooming and panning a long timeline lays it out again without
/// building it again.
pub fn layout_window(scene: &Scene, window: Viewport, width: f64, height: f64) -> Frame {
    // A window kept from other data is fitted to this scene's positions.
    let window = window.over(scene.count());
    let frame = layout_with(scene, window, width, height, false);
    if frame.slot() < 1.0 {
        // Too dense to draw point by point: lay out again with the note
        // that says how it is drawn (the note can move the plot down).
        layout_with(scene, window, width, height, true)
    } else {
        frame
    }
}

/// Lays out `scene` in steps: the note, the plot's top and bottom, the
/// value axis, the left and right margins, then the period axis,
/// separators and end labels, which need the finished plot.
fn layout_with(scene: &Scene, window: Viewport, width: f64, height: f64, decimated: bool) -> Frame {
    let width = width.max(120.0);
    let height = height.max(120.0);
    let note = place_note(scene, width, decimated);
    let top = note.height
        + if scene.x_separators.is_empty() {
            30.0
        } else {
            44.0
        };
    let bottom = height - 28.0;
    let (low, high) = y_domain(scene, window, bottom - top);
    let axis = value_axis(scene, low, high, bottom - top);
    let widest = axis
        .labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1) as f64;
    let left = (widest * FONT_SIZE * GLYPH_WIDTH + 14.0).max(36.0);
    let tagged = end_label_lines(scene, window, width);
    let tag_width = tagged
        .iter()
        .map(|(_, _, _, tag)| tag.chars().count())
        .max()
        .map_or(0.0, |chars| chars as f64 * FONT_SIZE * GLYPH_WIDTH + 10.0);
    let right = width - 14.0_f64.max(tag_width);
    let mut frame = Frame {
        width,
        height,
        plot: PlotArea {
            left,
            top,
            right,
            bottom,
        },
        viewport: window,
        y_min: axis.low,
        y_max: axis.high,
        y_ticks: Vec::new(),
        x_ticks: Vec::new(),
        y_title: match scene.unit.kind {
            UnitKind::Money { .. } | UnitKind::Percent => String::new(),
            _ => scene.unit.label.trim().to_string(),
        },
        end_labels: Vec::new(),
        x_separators: Vec::new(),
        note: note.placed(width, top),
        decimated,
    };
    frame.y_ticks = axis
        .values
        .iter()
        .zip(axis.labels)
        .map(|(value, label)| Tick {
            position: frame.y(*value),
            value: *value,
            label,
        })
        .collect();
    frame.x_ticks = period_ticks(scene, &frame);
    frame.x_separators = separators(scene, &frame);
    let untagged_ends = untagged_ends(scene, window);
    let mut end_labels: Vec<EndLabel> = tagged
        .into_iter()
        // A label where an unlabelled line ends at the same place, or
        // within a label's height of it, would read as that line's (an
        // earlier year ending on the affordable level): it is left to the
        // legend, whose entries all differ.
        .filter(|(_, last, value, _)| {
            !untagged_ends.iter().any(|(end, end_value)| {
                end == last && (frame.y(*end_value) - frame.y(*value)).abs() < END_LABEL_GAP
            })
        })
        .map(|(line, last, value, tag)| EndLabel {
            x: frame.x(last as f64) + 6.0,
            y: frame.y(value),
            text: tag.to_string(),
            line,
        })
        .collect();
    nudge_apart(&mut end_labels);
    frame.end_labels = end_labels;
    frame
}

/// A chart's note, split into lines, before it is placed.
struct Note {
    /// The lines, in order.
    lines: Vec<String>,
    /// True when the note fits on the title row beside the unit.
    beside: bool,
    /// Height the note takes above the plot (0 beside the unit).
    height: f64,
}

impl Note {
    /// The lines placed: right-aligned on the title row (just above the
    /// plot's `top`), or one under another from the chart's top.
    fn placed(self, width: f64, top: f64) -> Vec<NoteLine> {
        let beside = self.beside;
        self.lines
            .into_iter()
            .enumerate()
            .map(|(index, text)| {
                if beside {
                    NoteLine {
                        x: width - 14.0,
                        y: top - 22.0,
                        right_aligned: true,
                        text,
                    }
                } else {
                    NoteLine {
                        x: 6.0,
                        y: 4.0 + index as f64 * 16.0,
                        right_aligned: false,
                        text,
                    }
                }
            })
            .collect()
    }
}

/// The scene's note (and, when `decimated`, [`DENSE_NOTE`]): on the title
/// row, right-aligned, when it fits beside the unit; otherwise on lines of
/// its own above the plot, split at "; ".
fn place_note(scene: &Scene, width: f64, decimated: bool) -> Note {
    let text = match (&scene.note, decimated) {
        (Some(note), true) => Some(format!("{note}; {DENSE_NOTE}")),
        (None, true) => Some(DENSE_NOTE.to_string()),
        (note, false) => note.clone(),
    };
    let Some(text) = text else {
        return Note {
            lines: Vec::new(),
            beside: false,
            height: 0.0,
        };
    };
    let title_width = text_width(scene.unit.label.trim()) + 24.0;
    if text_width(&text) + title_width <= width - 20.0 {
        Note {
            lines: vec![text],
            beside: true,
            height: 0.0,
        }
    } else {
        // Each line but the last keeps its ";", so the parts still read
        // as separate statements one under another.
        let lines: Vec<String> = text
            .split_inclusive("; ")
            .map(|part| part.trim_end().to_string())
            .collect();
        let height = lines.len() as f64 * 16.0;
        Note {
            lines,
            beside: false,
            height,
        }
    }
}

/// Estimated width of `text` in pixels at [`FONT_SIZE`].
pub(crate) fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT_SIZE * GLYPH_WIDTH
}

/// The values the y axis must cover for what is in `window`, in a plot
/// `plot_height` pixels tall. It starts at zero when the data is not far
/// from it (within 35% of the top), as GOV.UK chart guidance asks;
/// otherwise it is zoomed to the data so variances stay visible. It leaves
/// room for the amounts written beyond the ends of bars (a waterfall's
/// labels), so none runs into an axis or the labels under it.
fn y_domain(scene: &Scene, window: Viewport, plot_height: f64) -> (f64, f64) {
    let (mut low, mut high) = scene.extent_in(window).unwrap_or((0.0, 1.0));
    if low > 0.0 && low <= 0.35 * high {
        low = 0.0;
    }
    if high < 0.0 && high >= 0.35 * low {
        high = 0.0;
    }
    let labelled = |down: bool| {
        scene
            .bars
            .iter()
            .any(|bar| !bar.label.is_empty() && (bar.to < bar.from) == down)
    };
    let room = (high - low).max(f64::EPSILON) * BAR_LABEL_ROOM / plot_height.max(1.0);
    if labelled(true) {
        low -= room;
    }
    if labelled(false) {
        high += room;
    }
    (low, high)
}

/// The value axis: a nice domain over `low..high`, its tick values and
/// their labels.
struct ValueAxis {
    low: f64,
    high: f64,
    values: Vec<f64>,
    labels: Vec<String>,
}

/// Ticks about [`TICK_SPACING`] apart (3 to 8 of them) on a plot
/// `plot_height` pixels tall, labelled in the scene's unit.
fn value_axis(scene: &Scene, low: f64, high: f64, plot_height: f64) -> ValueAxis {
    let count = (plot_height / TICK_SPACING).round().clamp(3.0, 8.0) as usize;
    let NiceScale { low, high, step } = nice_ticks(low, high, count);
    let steps = ((high - low) / step).round() as usize;
    let values: Vec<f64> = (0..=steps).map(|i| low + i as f64 * step).collect();
    let top_tick = values.iter().fold(0.0_f64, |top, v| top.max(v.abs()));
    let labels = values
        .iter()
        .map(|value| format_axis_tick(&scene.unit, *value, step, top_tick))
        .collect();
    ValueAxis {
        low,
        high,
        values,
        labels,
    }
}

/// Where each line ends in view: (line index, the line, its last position
/// in view with a value, that value).
fn line_ends(scene: &Scene, window: Viewport) -> impl Iterator<Item = (usize, &Line, usize, f64)> {
    scene
        .lines
        .iter()
        .enumerate()
        .filter_map(move |(index, line)| {
            let last = window.last_reported(&line.values)?;
            Some((index, line, last, line.values.get(last).copied().flatten()?))
        })
}

/// The lines that get a label at their end (those with a tag, on a chart
/// wide enough): (line index, last position in view with a value, that
/// value, the tag).
fn end_label_lines(scene: &Scene, window: Viewport, width: f64) -> Vec<(usize, usize, f64, &str)> {
    if narrow_chart(width) {
        return Vec::new();
    }
    line_ends(scene, window)
        .filter(|(_, line, _, _)| !line.tag.is_empty())
        .map(|(index, line, last, value)| (index, last, value, line.tag.as_str()))
        .collect()
}

/// Where each line without an end label ends in view: (position, value).
fn untagged_ends(scene: &Scene, window: Viewport) -> Vec<(usize, f64)> {
    line_ends(scene, window)
        .filter(|(_, line, _, _)| line.tag.is_empty())
        .map(|(_, _, last, value)| (last, value))
        .collect()
}

/// A tick per position in view, thinned where slots are very narrow (long
/// timelines), and a label on every `every`th so that none overlaps
/// another. Only the positions in view are visited (a million-point
/// timeline is laid out again at every zoom step).
fn period_ticks(scene: &Scene, frame: &Frame) -> Vec<Tick> {
    let visible = frame.viewport.range();
    // Label widths from a sample: every label when there are few, else
    // those a thinned axis could show (the widest of a run of similar
    // labels is as wide as its neighbours).
    let sample_step = (visible.len() / 2_000).max(1);
    let label_width = visible
        .clone()
        .step_by(sample_step)
        .filter_map(|i| scene.x_labels.get(i))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1) as f64
        * FONT_SIZE
        * GLYPH_WIDTH
        + 6.0;
    let every = (label_width / frame.slot()).ceil().max(1.0) as usize;
    let tick_every = (4.0 / frame.slot()).ceil().max(1.0) as usize;
    // The multiples of each in view, merged: a few hundred at most, however
    // many positions are in view (stepping by their common divisor could
    // visit every position when the two steps share none).
    let multiples = |of: usize| (visible.start.next_multiple_of(of)..visible.end).step_by(of);
    let (mut ticks, mut labels) = (
        multiples(tick_every).peekable(),
        multiples(every).peekable(),
    );
    let positions = std::iter::from_fn(|| {
        let next = match (ticks.peek(), labels.peek()) {
            (Some(tick), Some(label)) => *tick.min(label),
            (Some(only), None) | (None, Some(only)) => *only,
            (None, None) => return None,
        };
        ticks.next_if_eq(&next);
        labels.next_if_eq(&next);
        Some(next)
    });
    positions
        .map(|index| Tick {
            position: frame.x(index as f64),
            value: index as f64,
            label: if index % every == 0 {
                scene.x_labels.get(index).cloned().unwrap_or_default()
            } else {
                String::new()
            },
        })
        .collect()
}

/// Every separator's line in view while they are a few pixels apart, but
/// a label only where it has room after the last one labelled: on a long
/// or narrow timeline, every few years.
fn separators(scene: &Scene, frame: &Frame) -> Vec<(f64, String)> {
    let (mut last_line, mut last_label) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    scene
        .x_separators
        .iter()
        .filter(|(x, _)| frame.viewport.contains(*x))
        .filter_map(|(x, label)| {
            let x = frame.x(*x);
            if x - last_line < 6.0 {
                return None;
            }
            last_line = x;
            // The label's width and a 4 px gap (8 px left two of a 375 px
            // timeline's four years unlabelled where they fit).
            let room = text_width(label) + SEPARATOR_LABEL_GAP;
            // Drawn from 4 px right of its line: it must end in the chart.
            let fits = x + SEPARATOR_LABEL_GAP + text_width(label) <= frame.width;
            if x - last_label >= room && fits {
                last_label = x;
                Some((x, label.clone()))
            } else {
                Some((x, String::new()))
            }
        })
        .collect()
}

/// Nudges end labels apart, top to bottom, so none overlaps another (each
/// at least [`END_LABEL_GAP`] below the one above).
fn nudge_apart(labels: &mut Vec<EndLabel>) {
    crate::order::sort_stable_by(labels, |a, b| a.y.total_cmp(&b.y));
    for index in 1..labels.len() {
        let floor = labels[index - 1].y + END_LABEL_GAP;
        if labels[index].y < floor {
            labels[index].y = floor;
        }
    }
}

/// Gap between a tooltip and what it points at, in CSS pixels.
const TOOLTIP_GAP: f64 = 14.0;

/// Where a tooltip `width` × `height` CSS pixels goes for x position
/// `position`: (left, top) in the chart's pixels. Beside the position, to
/// the right or, near the right edge, to the left, level with the plot's
/// top. On a narrow chart, where it fits on neither side, it is centred on
/// the position (over the plot, clear of the value axis's labels, where it
/// fits) above or below the points drawn there, inside the plot, so it
/// hides neither them nor the period axis's labels; where neither fits, on
/// the side with more room. It never leaves the chart.
pub fn tooltip_place(
    frame: &Frame,
    scene: &Scene,
    position: usize,
    width: f64,
    height: f64,
) -> (f64, f64) {
    let x = frame.x(position as f64);
    if x + TOOLTIP_GAP + width <= frame.width {
        return (x + TOOLTIP_GAP, frame.plot.top);
    }
    if x - TOOLTIP_GAP - width >= 0.0 {
        return (x - TOOLTIP_GAP - width, frame.plot.top);
    }
    // Over the plot, not the value axis's labels, where it fits.
    let rightmost = (frame.width - width).max(0.0);
    let left = (x - width / 2.0).clamp(frame.plot.left.min(rightmost), rightmost);
    // Every point drawn there, the lines compared with too: a tooltip over
    // a neighbour's point would stand in the pointer's way to it.
    let (high, low) = scene
        .lines
        .iter()
        .filter_map(|line| line.values.get(position).copied().flatten())
        .map(|value| frame.y(value))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(high, low), y| {
            (high.min(y), low.max(y))
        });
    if high > low {
        return (left, frame.plot.top);
    }
    // Above or below the points, inside the plot (so it covers neither
    // them nor the period axis's labels under the plot); where neither
    // fits, on the side with more room, kept inside the chart's box.
    let above = high - TOOLTIP_GAP - height;
    let below = low + TOOLTIP_GAP;
    let fits_above = above >= frame.plot.top;
    let fits_below = below + height <= frame.plot.bottom;
    let more_room_above = high - frame.plot.top >= frame.plot.bottom - low;
    let top = match (fits_above, fits_below) {
        (true, false) => above,
        (false, true) => below,
        (true, true) if more_room_above => above,
        (true, true) => below,
        (false, false) if more_room_above => above.max(0.0),
        (false, false) => below.min(frame.height - height).max(0.0),
    };
    (left, top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Line, SeriesRole};
    use crate::model::Unit;

    fn scene(values: Vec<Option<f64>>) -> Scene {
        let mut scene = Scene::new(
            (0..values.len()).map(|i| format!("P{i}")).collect(),
            Unit::parse("hours"),
        );
        scene.lines.push(Line {
            index: Default::default(),
            role: SeriesRole::Actual,
            label: "Actual".into(),
            tag: String::new(),
            values,
        });
        scene
    }

    #[test]
    fn nice_ticks_cover_the_data() {
        let scale = |low, high, step| NiceScale { low, high, step };
        assert_eq!(
            nice_ticks(183_330.0, 211_484.0, 5),
            scale(180_000.0, 220_000.0, 10_000.0)
        );
        assert_eq!(
            nice_ticks(183_330.0, 211_484.0, 7),
            scale(180_000.0, 215_000.0, 5_000.0)
        );
        assert_eq!(nice_ticks(0.0, 10.0, 5), scale(0.0, 10.0, 2.0));
        let NiceScale { low, high, .. } = nice_ticks(7.0, 7.0, 4);
        assert!(low < 7.0 && high > 7.0);
    }

    #[test]
    fn a_waterfall_keeps_its_amounts_inside_the_plot_and_names_every_bar() {
        use crate::analysis::{CostConvention, CostEffect};
        // Kent's domiciliary care, 2011-12: +£118k volume, -£1,850k price.
        let effect = CostEffect {
            convention: CostConvention::VolumeAtActualCost,
            budget_volume: 2_402_516.0,
            actual_volume: 2_410_522.0,
            budget_unit_cost: 15.49,
            actual_unit_cost: 14.72,
            volume: 117_848.32,
            price: -1_849_937.32,
        };
        let scene = crate::chart::cost_effect_scene(&effect);
        for width in [280.0, 320.0, 640.0, 900.0] {
            let frame = layout(&scene, width, chart_height(width));
            for bar in &scene.bars {
                let end = frame.y(bar.to);
                let label = FONT_SIZE * 1.25 + 4.0;
                if bar.to < bar.from {
                    assert!(
                        end + label <= frame.plot.bottom,
                        "{width}: {} below",
                        bar.label
                    );
                } else {
                    assert!(
                        end - label >= frame.plot.top,
                        "{width}: {} above",
                        bar.label
                    );
                }
            }
            let labels: Vec<&str> = frame.x_ticks.iter().map(|t| t.label.as_str()).collect();
            assert_eq!(labels, ["Volume", "Price", "Total"], "{width}");
        }
    }

    #[test]
    fn a_phones_plot_is_no_shorter_than_a_tablets() {
        let scene = scene(vec![Some(1.0), Some(2.0)]);
        let plot_height = |width: f64| {
            let frame = layout(&scene, width, chart_height(width));
            frame.plot.bottom - frame.plot.top
        };
        let tablet = plot_height(700.0);
        for phone in [288.0, 309.0, 327.0, 375.0] {
            assert!(
                plot_height(phone) >= tablet,
                "{phone}: {} < {tablet}",
                plot_height(phone)
            );
        }
        assert!(tablet >= 280.0, "{tablet}");
    }

    #[test]
    fn a_phones_tooltip_stays_in_the_chart_clear_of_its_labels_and_points() {
        // Domiciliary care hours' shape, on a 375 px phone's chart, with the
        // widget's tooltip (about 250 x 130 px at 375).
        let values: Vec<Option<f64>> = [
            202.0, 205.0, 197.0, 205.0, 203.0, 197.0, 230.0, 199.0, 205.0, 200.0, 190.0, 203.0,
        ]
        .into_iter()
        .map(|v| Some(v * 1000.0))
        .collect();
        let mut scene = scene(values.clone());
        scene.lines.push(Line {
            index: Default::default(),
            role: SeriesRole::Budget,
            label: "Affordable level".into(),
            tag: String::new(),
            // October: actual at the top, the budget at the bottom.
            values: values
                .iter()
                .enumerate()
                .map(|(i, v)| v.map(|v| if i == 6 { 160_000.0 } else { v + 4000.0 }))
                .collect(),
        });
        for width in [288.0, 309.0, 327.0] {
            let frame = layout(&scene, width, chart_height(width));
            for (position, value) in values.iter().enumerate() {
                let (w, h) = (250.0, 130.0);
                let (left, top) = tooltip_place(&frame, &scene, position, w, h);
                assert!(
                    left >= 0.0 && left + w <= frame.width,
                    "{width} {position}: left {left}"
                );
                assert!(
                    top >= 0.0 && top + h <= frame.height,
                    "{width} {position}: top {top}"
                );
                let (x, y) = (frame.x(position as f64), frame.y(value.unwrap_or(0.0)));
                let budget = frame.y(scene.lines[1].values[position].unwrap_or(0.0));
                // Not over the period axis's labels, under the plot,
                // wherever it fits above or below the points in the plot.
                let room = (budget.min(y) - frame.plot.top).max(frame.plot.bottom - budget.max(y));
                if room >= h + TOOLTIP_GAP {
                    assert!(
                        top + h <= frame.plot.bottom,
                        "{width} {position}: bottom {}",
                        top + h
                    );
                }
                // The points themselves, wherever a place clear of them
                // exists (October's span the plot: it then stays inside).
                for y in [y, budget].into_iter().filter(|_| room >= h + TOOLTIP_GAP) {
                    assert!(
                        !(x >= left && x <= left + w && y >= top && y <= top + h),
                        "{width} {position}: covers ({x}, {y})"
                    );
                }
            }
        }
    }

    #[test]
    fn a_tooltip_never_covers_the_points_it_describes() {
        let values: Vec<Option<f64>> = (0..12)
            .map(|i| Some(100.0 + (i % 5) as f64 * 20.0))
            .collect();
        let scene = scene(values.clone());
        // Wide: beside the point, level with the plot's top.
        let frame = layout(&scene, 900.0, chart_height(900.0));
        let (left, top) = tooltip_place(&frame, &scene, 1, 240.0, 120.0);
        assert_eq!((left, top), (frame.x(1.0) + 14.0, frame.plot.top));
        // Narrow: fits on neither side, so above or below every point.
        let frame = layout(&scene, 300.0, chart_height(300.0));
        for (position, value) in values.iter().enumerate() {
            let (left, top) = tooltip_place(&frame, &scene, position, 248.0, 122.0);
            let (x, y) = (frame.x(position as f64), frame.y(value.unwrap_or(0.0)));
            let inside = x >= left && x <= left + 248.0 && y >= top && y <= top + 122.0;
            assert!(
                !inside,
                "position {position}: ({x}, {y}) under ({left}, {top})"
            );
        }
    }

    #[test]
    fn pixels_map_back_to_periods() {
        let frame = layout(&scene(vec![Some(1.0); 12]), 600.0, 300.0);
        for period in 0..12 {
            let x = frame.x(period as f64);
            assert_eq!(frame.position_at(x), Some(period));
            assert_eq!(frame.position_at(x + frame.slot() * 0.49), Some(period));
            assert_eq!(frame.position_at(x - frame.slot() * 0.49), Some(period));
        }
        assert_eq!(frame.position_at(frame.plot.left - 1.0), None);
        assert_eq!(frame.position_at(frame.width + 5.0), None);
    }

    #[test]
    fn values_map_inside_the_plot() {
        let frame = layout(&scene(vec![Some(100.0), Some(200.0)]), 400.0, 300.0);
        assert!(frame.y(100.0) <= frame.plot.bottom && frame.y(100.0) >= frame.plot.top);
        assert!(frame.y(200.0) < frame.y(100.0));
        assert_eq!(frame.y_ticks.first().map(|t| t.value), Some(frame.y_min));
    }

    #[test]
    fn narrow_charts_thin_period_labels() {
        let long = Scene {
            x_labels: (0..12).map(|i| format!("Period {i}")).collect(),
            ..scene(vec![Some(1.0); 12])
        };
        let frame = layout(&long, 300.0, 240.0);
        let shown = frame.x_ticks.iter().filter(|t| !t.label.is_empty()).count();
        assert!((2..12).contains(&shown), "{shown}");
    }

    #[test]
    fn end_labels_do_not_overlap() {
        let mut scene = scene(vec![Some(10.0), Some(5.0)]);
        for (i, value) in [20.0, 20.1, 20.2].into_iter().enumerate() {
            scene.lines.push(Line {
                index: Default::default(),
                role: SeriesRole::PreviousActual { age: i + 1 },
                label: format!("Actual {i}"),
                tag: format!("200{i}-0{}", i + 1),
                values: vec![Some(value), Some(value)],
            });
        }
        let frame = layout(&scene, 800.0, 300.0);
        assert_eq!(frame.end_labels.len(), 3);
        for pair in frame.end_labels.windows(2) {
            assert!(pair[1].y - pair[0].y >= END_LABEL_GAP - 1e-9);
        }
        assert!(frame.end_labels.iter().all(|l| l.x > frame.x(1.0)));
        // Narrow charts leave them to the key.
        assert!(layout(&scene, 375.0, 300.0).end_labels.is_empty());
    }

    #[test]
    fn an_end_label_where_an_unlabelled_line_ends_is_left_to_the_legend() {
        // The budget ends where the year before ends (the cost view's unit
        // cost): "2010-11" there would read as the budget's label.
        let mut scene = scene(vec![Some(10.0), Some(15.0)]);
        scene.lines.push(Line {
            index: Default::default(),
            role: SeriesRole::Budget,
            label: "Affordable level".into(),
            tag: String::new(),
            values: vec![Some(20.0), Some(20.0)],
        });
        // "year 3" ends half a unit (about 12 px) from the budget: a label
        // there would touch the budget's end as much as its own line's.
        for (age, end) in [(1, 20.0), (2, 12.0), (3, 19.5)] {
            scene.lines.push(Line {
                index: Default::default(),
                role: SeriesRole::PreviousActual { age },
                label: format!("Actual {age}"),
                tag: format!("year {age}"),
                values: vec![Some(18.0), Some(end)],
            });
        }
        let frame = layout(&scene, 800.0, 300.0);
        let texts: Vec<&str> = frame.end_labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["year 2"]);
    }

    #[test]
    fn each_year_of_a_phones_timeline_is_labelled_where_its_label_fits() {
        // Four years of months across the chart of a 375 px phone on the
        // demo page (309 px after the page's and the widget's padding),
        // with the value axis's labels as wide as domiciliary care hours'
        // ("240,000"): the years are 58 px apart.
        let mut scene = scene(
            (0..48)
                .map(|i| Some(if i % 2 == 0 { 160_000.0 } else { 240_000.0 }))
                .collect(),
        );
        scene.x_separators = (0..4)
            .map(|year| {
                (
                    year as f64 * 12.0 - 0.5,
                    format!("{}-{}", 2009 + year, 10 + year),
                )
            })
            .collect();
        let frame = layout(&scene, 309.0, 240.0);
        let labelled: Vec<&str> = frame
            .x_separators
            .iter()
            .map(|(_, label)| label.as_str())
            .filter(|label| !label.is_empty())
            .collect();
        assert_eq!(labelled.len(), 4, "{labelled:?}");
        let width = text_width("2009-10");
        for pair in frame.x_separators.windows(2) {
            assert!(pair[1].0 - pair[0].0 >= width + SEPARATOR_LABEL_GAP);
        }
    }

    #[test]
    fn a_window_zooms_the_x_axis() {
        let mut zoomed = scene(vec![Some(1.0); 48]);
        zoomed.x_window = Viewport::new(11.5, 23.5, 48);
        let frame = layout(&zoomed, 600.0, 300.0);
        assert!((frame.x(11.5) - frame.plot.left).abs() < 1e-9);
        assert!((frame.x(23.5) - frame.plot.right).abs() < 1e-9);
        assert_eq!(frame.position_at(frame.plot.left + 1.0), Some(12));
        assert_eq!(frame.position_at(frame.plot.right - 1.0), Some(23));
        assert!(frame
            .x_ticks
            .iter()
            .all(|t| (12.0..=23.0).contains(&t.value)));
    }

    #[test]
    fn long_notes_wrap_above_the_plot() {
        let mut noted = scene(vec![Some(1.0), Some(2.0)]);
        noted.note = Some("Volume at actual unit cost; price at affordable volume".into());
        let wide = layout(&noted, 1000.0, 300.0);
        assert_eq!(wide.note.len(), 1);
        assert!(wide.note[0].right_aligned);
        let narrow = layout(&noted, 320.0, 300.0);
        let lines: Vec<&str> = narrow.note.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            ["Volume at actual unit cost;", "price at affordable volume"]
        );
        assert!(narrow
            .note
            .iter()
            .all(|l| !l.right_aligned && l.x + l.text.len() as f64 * 7.2 <= 320.0));
        assert!(narrow.plot.top > wide.plot.top);
    }

    #[test]
    fn the_y_domain_starts_at_zero_only_near_it() {
        let window = |s: &Scene| s.x_window;
        let near = scene(vec![Some(30.0), Some(100.0)]);
        assert_eq!(y_domain(&near, window(&near), 300.0), (0.0, 100.0));
        let far = scene(vec![Some(36.0), Some(100.0)]);
        assert_eq!(y_domain(&far, window(&far), 300.0), (36.0, 100.0));
        // Below zero the same rule holds the other way.
        let negative = scene(vec![Some(-100.0), Some(-30.0)]);
        assert_eq!(y_domain(&negative, window(&negative), 300.0), (-100.0, 0.0));
        // A labelled bar going up gets BAR_LABEL_ROOM pixels above it.
        let mut bars = scene(vec![None, None]);
        bars.bars.push(crate::chart::Bar {
            x: 0.0,
            from: 0.0,
            to: 100.0,
            kind: crate::chart::BarKind::Volume,
            label: "+£100".into(),
        });
        let (low, high) = y_domain(&bars, window(&bars), 220.0);
        assert_eq!(low, 0.0);
        assert!((high - (100.0 + 100.0 * BAR_LABEL_ROOM / 220.0)).abs() < 1e-9);
    }

    #[test]
    fn period_labels_are_thinned_so_none_overlaps() {
        for width in [320.0, 600.0, 1200.0] {
            let mut long = scene(vec![Some(1.0); 120]);
            long.x_labels = (0..120).map(|i| format!("Month {i}")).collect();
            let frame = layout(&long, width, 300.0);
            let labelled: Vec<&Tick> = frame
                .x_ticks
                .iter()
                .filter(|t| !t.label.is_empty())
                .collect();
            assert!(!labelled.is_empty());
            let room = text_width("Month 100");
            assert!(
                labelled
                    .windows(2)
                    .all(|w| w[1].position - w[0].position >= room),
                "labels overlap at {width} px"
            );
        }
    }

    #[test]
    fn end_labels_are_nudged_apart_in_order() {
        let label = |y: f64, line: usize| EndLabel {
            x: 0.0,
            y,
            text: String::new(),
            line,
        };
        let mut labels = vec![
            label(50.0, 0),
            label(10.0, 1),
            label(12.0, 2),
            label(15.0, 3),
        ];
        nudge_apart(&mut labels);
        let placed: Vec<(usize, f64)> = labels.iter().map(|l| (l.line, l.y)).collect();
        assert_eq!(
            placed,
            [
                (1, 10.0),
                (2, 10.0 + END_LABEL_GAP),
                (3, 10.0 + 2.0 * END_LABEL_GAP),
                (0, 50.0)
            ]
        );
    }

    #[test]
    fn data_near_zero_starts_at_zero() {
        let frame = layout(&scene(vec![Some(0.0), Some(3_000.0)]), 400.0, 300.0);
        assert_eq!(frame.y_min, 0.0);
        let frame = layout(&scene(vec![Some(190_000.0), Some(210_000.0)]), 400.0, 300.0);
        assert!(frame.y_min > 100_000.0);
    }
}
