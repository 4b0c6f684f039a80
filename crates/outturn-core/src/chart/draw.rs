//! Drawing a laid-out scene with plotters. This is the only module that
//! knows plotters; it is generic over the backend, so the same code draws to
//! an SVG string (browser, CLI, tests) or any other plotters backend.

use std::fmt;

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::decimate::{dense_shading, line_in_view};
use super::layout::{text_width, Frame, FONT_SIZE};
use super::scene::{BandPiece, BarKind, Line, Scene, SeriesRole};
use super::svg::{push_escaped, Dashes, SvgWriter};
use super::theme::{Colour, Theme};

/// The sans-serif font at `size` (plotters units). Named by plotters' enum,
/// not by the string "sans-serif": reading a family name lowercases it,
/// which brings Unicode's case tables (about 12 KB) into the wasm.
fn sans_serif(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

/// The SVG writer, as plotters' own SVG backend, writes `font-size` as the
/// requested size / 1.24;
/// asking for 1.24× gives text of exactly [`FONT_SIZE`] CSS pixels. Pass
/// this as `font_scale` when drawing to SVG, and 1.0 for a canvas.
pub const SVG_FONT_SCALE: f64 = 1.24;
/// Height of the title line in an exported chart, pixels.
const EXPORT_TITLE_HEIGHT: f64 = 30.0;
/// Height of one legend row in an exported chart, pixels.
const EXPORT_LEGEND_ROW: f64 = 20.0;
/// Opacity of the amber zone between a floor and a target: fainter than
/// the variance shading, so the lines over it keep their contrast.
pub const ZONE_OPACITY: f64 = 0.14;
/// Opacity of a bar's fill (the legend's swatches use it too).
pub const BAR_OPACITY: f64 = 0.75;

/// Drawing failed in the backend (the message is the backend's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not draw the chart: {}", self.0)
    }
}

impl std::error::Error for DrawError {}

/// Marker shape at each reported period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No marker.
    None,
    /// Filled circle (actual).
    Circle,
    /// Filled square (affordable level).
    Square,
    /// Filled triangle (forecast).
    Triangle,
}

/// How a line of a given role is drawn. The widget's legend uses the same
/// values so key and chart always agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    /// Stroke width in pixels.
    pub width: f64,
    /// Dash and gap lengths in pixels; `None` for a solid line.
    pub dash: Option<(u32, u32)>,
    /// Marker at each point.
    pub marker: Marker,
    /// Opacity, 0 to 1.
    pub opacity: f64,
}

impl SeriesRole {
    /// The drawing style of this role: solid actual with circles, dashed
    /// affordable level with squares, dotted forecast with triangles, so that
    /// no series is told apart by colour alone.
    pub fn style(self) -> LineStyle {
        match self {
            SeriesRole::Actual => LineStyle {
                width: 2.5,
                dash: None,
                marker: Marker::Circle,
                opacity: 1.0,
            },
            SeriesRole::Budget => LineStyle {
                width: 2.0,
                dash: Some((8, 5)),
                marker: Marker::Square,
                opacity: 1.0,
            },
            SeriesRole::Forecast => LineStyle {
                width: 2.0,
                dash: Some((2, 4)),
                marker: Marker::Triangle,
                opacity: 1.0,
            },
            // Earlier years keep their full colour (faded, the older ones
            // fell below 3:1 against the background); the year before is
            // solid, older ones dashed, then dotted, and each is labelled
            // at its end.
            SeriesRole::PreviousActual { age } => LineStyle {
                width: 1.25,
                dash: match age {
                    0 | 1 => None,
                    2 => Some((6, 3)),
                    _ => Some((2, 3)),
                },
                marker: Marker::None,
                opacity: 1.0,
            },
            SeriesRole::NextBudget => LineStyle {
                width: 1.5,
                dash: Some((4, 4)),
                marker: Marker::None,
                opacity: 1.0,
            },
            SeriesRole::Projection => LineStyle {
                width: 2.5,
                dash: Some((6, 4)),
                marker: Marker::None,
                opacity: 1.0,
            },
            SeriesRole::RunningVariance => LineStyle {
                width: 2.0,
                dash: None,
                marker: Marker::Square,
                opacity: 1.0,
            },
            // A target reads like an affordable level: dashed, squares.
            SeriesRole::Target => LineStyle {
                width: 2.0,
                dash: Some((8, 5)),
                marker: Marker::Square,
                opacity: 1.0,
            },
            SeriesRole::Floor => LineStyle {
                width: 1.5,
                dash: Some((2, 3)),
                marker: Marker::None,
                opacity: 1.0,
            },
            SeriesRole::Benchmark { index } => LineStyle {
                width: 1.5,
                dash: if index % 2 == 0 {
                    Some((5, 3))
                } else {
                    Some((1, 3))
                },
                marker: Marker::None,
                opacity: 0.9,
            },
            SeriesRole::Rounds => LineStyle {
                width: 2.5,
                dash: None,
                marker: Marker::Triangle,
                opacity: 1.0,
            },
        }
    }

    /// This role's colour in `theme`.
    pub fn colour(self, theme: &Theme) -> Colour {
        match self {
            SeriesRole::Actual => theme.actual,
            SeriesRole::Budget => theme.budget,
            SeriesRole::Forecast => theme.forecast,
            SeriesRole::PreviousActual { .. } => theme.previous,
            SeriesRole::NextBudget => theme.next_budget,
            SeriesRole::Projection => theme.actual,
            SeriesRole::RunningVariance => theme.text,
            SeriesRole::Target => theme.budget,
            SeriesRole::Floor => theme.over,
            SeriesRole::Benchmark { .. } => theme.next_budget,
            SeriesRole::Rounds => theme.forecast,
        }
    }
}

impl BarKind {
    /// This bar kind's colour in `theme`.
    pub fn colour(self, theme: &Theme) -> Colour {
        match self {
            BarKind::Over => theme.over,
            BarKind::Under => theme.under,
            BarKind::Volume => theme.actual,
            BarKind::Price => theme.forecast,
            BarKind::Total => theme.budget,
            // Better and worse take the shading's colours for under and
            // over, so one chart never gives green two meanings.
            BarKind::Better => theme.under,
            BarKind::Worse => theme.over,
            BarKind::Beside => theme.actual,
        }
    }
}

/// A polyline, solid or dashed (`dash`: dash and gap lengths, px). Drawn
/// as one line with a dash pattern where the backend can ([`Dashes`]:
/// SVG), and as one segment per dash where it cannot (a canvas).
pub struct Stroke {
    points: Vec<(i32, i32)>,
    dash: Option<(u32, u32)>,
    style: ShapeStyle,
}

impl Stroke {
    /// The line through `points` (pixels), dashed if `dash` is given.
    pub fn new(points: Vec<(i32, i32)>, dash: Option<(u32, u32)>, style: ShapeStyle) -> Self {
        Self {
            points,
            dash,
            style,
        }
    }
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a Stroke {
    type Point = &'a (i32, i32);
    type IntoIter = &'a [(i32, i32)];
    fn point_iter(self) -> Self::IntoIter {
        &self.points
    }
}

impl<DB: Dashes> Drawable<DB> for Stroke {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut DB,
        parent: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let points: Vec<BackendCoord> = points.collect();
        match self.dash {
            None => backend.draw_path(points, &self.style),
            Some(dash) if backend.set_dash(Some(dash)) => {
                let drawn = backend.draw_path(points, &self.style);
                backend.set_dash(None);
                drawn
            }
            Some((dash, gap)) => {
                let dashes = DashedPathElement::new(points.iter().copied(), dash, gap, self.style);
                dashes.draw(points.iter().copied(), backend, parent)
            }
        }
    }
}

/// Strokes a polyline, solid or with `dash` (dash and gap lengths, px).
fn stroke_path<DB: Dashes>(
    area: &DrawingArea<DB, Shift>,
    points: &[(i32, i32)],
    dash: Option<(u32, u32)>,
    stroke: ShapeStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Stroke::new(points.to_vec(), dash, stroke))
}

fn rgb(colour: Colour) -> RGBColor {
    RGBColor(colour.0, colour.1, colour.2)
}

fn px(value: f64) -> i32 {
    value.round() as i32
}

/// `text` broken between words into lines at most `width` pixels wide (by
/// the layout's estimate of text width); a word wider than `width` stands
/// on a line of its own.
fn wrap_words(text: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Draws `scene`, laid out by `frame`, in `theme`'s colours onto `area`.
/// `font_scale` corrects for the backend's text size ([`SVG_FONT_SCALE`]
/// for SVG, 1.0 for a canvas). Back to front: axes, notes, bars, rules,
/// shading, end labels, lines.
pub fn draw_scene<DB: Dashes>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    frame: &Frame,
    theme: &Theme,
    font_scale: f64,
) -> Result<(), DrawError> {
    let pen = Pen {
        area,
        frame,
        theme,
        font: sans_serif(FONT_SIZE * font_scale),
    };
    area.fill(&rgb(theme.background)).map_err(fail)?;
    pen.value_axis().map_err(fail)?;
    pen.period_axis().map_err(fail)?;
    pen.notes().map_err(fail)?;
    pen.bars(scene).map_err(fail)?;
    pen.rules(scene).map_err(fail)?;
    pen.shading(scene).map_err(fail)?;
    pen.end_labels().map_err(fail)?;
    for line in &scene.lines {
        pen.line(line).map_err(fail)?;
    }
    Ok(())
}

/// A backend's drawing error, as the chart reports it.
fn fail<E: std::error::Error + Send + Sync>(error: DrawingAreaErrorKind<E>) -> DrawError {
    DrawError(error.to_string())
}

/// Result of one drawing step.
type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// What every drawing step needs: where to draw, the layout, the colours
/// and the font.
struct Pen<'a, DB: Dashes> {
    area: &'a DrawingArea<DB, Shift>,
    frame: &'a Frame,
    theme: &'a Theme,
    font: FontDesc<'static>,
}

impl<DB: Dashes> Pen<'_, DB> {
    /// The plot's edges in whole pixels: (left, right, top, bottom).
    fn edges(&self) -> (i32, i32, i32, i32) {
        let plot = self.frame.plot;
        (px(plot.left), px(plot.right), px(plot.top), px(plot.bottom))
    }

    /// Text in the muted colour, anchored at `h`, `v`.
    fn muted(&self, h: HPos, v: VPos) -> TextStyle<'static> {
        self.font
            .clone()
            .color(&rgb(self.theme.text_muted))
            .pos(Pos::new(h, v))
    }

    /// Text in the main text colour, anchored at `h`, `v`.
    fn strong(&self, h: HPos, v: VPos) -> TextStyle<'static> {
        self.font
            .clone()
            .color(&rgb(self.theme.text))
            .pos(Pos::new(h, v))
    }

    /// A one-pixel straight line from `from` to `to` in `colour`.
    fn rule(&self, from: (i32, i32), to: (i32, i32), colour: Colour) -> Drawn<DB> {
        self.area.draw(&PathElement::new(
            vec![from, to],
            rgb(colour).stroke_width(1),
        ))
    }

    /// Gridlines and labels of the value axis, its title, the zero line
    /// (where zero is inside the plot) and the baseline.
    fn value_axis(&self) -> Drawn<DB> {
        let (left, right, top, bottom) = self.edges();
        let frame = self.frame;
        for tick in &frame.y_ticks {
            let y = px(tick.position);
            self.rule((left, y), (right, y), self.theme.grid)?;
            self.area.draw(&Text::new(
                tick.label.clone(),
                (left - 6, y),
                self.muted(HPos::Right, VPos::Center),
            ))?;
        }
        if !frame.y_title.trim().is_empty() {
            self.area.draw(&Text::new(
                frame.y_title.clone(),
                (6, top - 22),
                self.strong(HPos::Left, VPos::Top),
            ))?;
        }
        if frame.y_min < 0.0 && frame.y_max > 0.0 {
            let y = px(frame.y(0.0));
            self.rule((left, y), (right, y), self.theme.axis)?;
        }
        self.rule((left, bottom), (right, bottom), self.theme.axis)
    }

    /// A tick and label per period (thinned labels are empty), and the
    /// separators (year boundaries in a timeline), labelled at the top.
    fn period_axis(&self) -> Drawn<DB> {
        let (_, _, top, bottom) = self.edges();
        for tick in &self.frame.x_ticks {
            let x = px(tick.position);
            self.rule((x, bottom), (x, bottom + 4), self.theme.axis)?;
            if !tick.label.is_empty() {
                self.area.draw(&Text::new(
                    tick.label.clone(),
                    (x, bottom + 7),
                    self.muted(HPos::Center, VPos::Top),
                ))?;
            }
        }
        for (x, label) in &self.frame.x_separators {
            let x = px(*x);
            self.rule((x, top - 16), (x, bottom), self.theme.axis)?;
            if !label.is_empty() {
                self.area.draw(&Text::new(
                    label.clone(),
                    (x + 3, top - 16),
                    self.muted(HPos::Left, VPos::Top),
                ))?;
            }
        }
        Ok(())
    }

    /// The scene's note, line by line, where the layout put it.
    fn notes(&self) -> Drawn<DB> {
        for note in &self.frame.note {
            let anchor = if note.right_aligned {
                HPos::Right
            } else {
                HPos::Left
            };
            self.area.draw(&Text::new(
                note.text.clone(),
                (px(note.x), px(note.y)),
                self.muted(anchor, VPos::Top),
            ))?;
        }
        Ok(())
    }

    /// Bars (diverging variances or a cost waterfall), outlined so their
    /// extent reads without colour, with their amounts beyond their ends.
    fn bars(&self, scene: &Scene) -> Drawn<DB> {
        let frame = self.frame;
        let bar_half = (frame.slot() * 0.3).clamp(2.0, 40.0);
        for bar in scene.bars.iter().filter(|bar| frame.is_visible(bar.x)) {
            let colour = rgb(bar.kind.colour(self.theme));
            let x = frame.x(bar.x);
            let (y0, y1) = (frame.y(bar.from), frame.y(bar.to));
            let corners = [
                (px(x - bar_half), px(y0.min(y1))),
                (px(x + bar_half), px(y0.max(y1)).max(px(y0.min(y1)) + 1)),
            ];
            self.area
                .draw(&Rectangle::new(corners, colour.mix(BAR_OPACITY).filled()))?;
            self.area
                .draw(&Rectangle::new(corners, colour.stroke_width(1)))?;
            if !bar.label.is_empty() {
                let (y, v) = if bar.to >= bar.from {
                    (y1 - 4.0, VPos::Bottom)
                } else {
                    (y1 + 4.0, VPos::Top)
                };
                self.area.draw(&Text::new(
                    bar.label.clone(),
                    (px(x), px(y)),
                    self.strong(HPos::Center, v),
                ))?;
            }
        }
        Ok(())
    }

    /// Rules (targets): dashed, labelled at the left, above the rule; a
    /// label wider than the plot (a phone's) is broken into lines under
    /// it instead. Each line sits on a plain patch of the background: a
    /// gridline may run where it sits, and would strike it through.
    fn rules(&self, scene: &Scene) -> Drawn<DB> {
        let (left, right, _, _) = self.edges();
        for rule in &scene.rules {
            let y = px(self.frame.y(rule.value));
            stroke_path(
                self.area,
                &[(left, y), (right, y)],
                Some((6, 3)),
                rgb(self.theme.budget).stroke_width(1),
            )?;
            let lines = wrap_words(&rule.label, f64::from(right - left - 8));
            let line_height = px(FONT_SIZE) + 2;
            let single = lines.len() == 1;
            for (index, line) in lines.iter().enumerate() {
                // Baselines: above the rule for one line, else under it.
                let text_bottom = if single {
                    y - 3
                } else {
                    y + 3 + line_height * (index as i32 + 1)
                };
                let text_left = left + 4;
                self.area.draw(&Rectangle::new(
                    [
                        (text_left - 2, text_bottom - px(FONT_SIZE) - 2),
                        (text_left + px(text_width(line)) + 2, text_bottom + 1),
                    ],
                    rgb(self.theme.background).filled(),
                ))?;
                self.area.draw(&Text::new(
                    line.clone(),
                    (text_left, text_bottom),
                    self.strong(HPos::Left, VPos::Bottom),
                ))?;
            }
        }
        Ok(())
    }

    /// The variance shading under the lines: a polygon per piece, or, when
    /// there are more periods than pixels, a span per pixel column and
    /// side. Pieces wholly outside the window (with a period's margin) are
    /// skipped.
    fn shading(&self, scene: &Scene) -> Drawn<DB> {
        let frame = self.frame;
        let plot = frame.plot;
        let to_pixels = |points: &[(f64, f64)]| -> Vec<(f64, f64)> {
            points
                .iter()
                .map(|(period, value)| (frame.x(*period), frame.y(*value)))
                .collect()
        };
        let near_window = |band: &&BandPiece| {
            let (low, high) = band.x_range();
            high >= frame.viewport.start() - 1.0 && low <= frame.viewport.end() + 1.0
        };
        let mut shading: Vec<(bool, Vec<(f64, f64)>)> = Vec::new();
        if frame.decimated {
            for over in [false, true] {
                let pieces = scene
                    .bands
                    .iter()
                    .filter(|band| band.over == over)
                    .filter(near_window);
                let spans = dense_shading(
                    pieces,
                    &|position| frame.x(position),
                    &|value| frame.y(value),
                    plot.left,
                    plot.right,
                );
                shading.extend(spans.into_iter().map(|polygon| (over, polygon)));
            }
        } else {
            shading.extend(
                scene
                    .bands
                    .iter()
                    .filter(near_window)
                    .map(|band| (band.over, to_pixels(&band.points))),
            );
        }
        // The amber zone first, fainter than the variance shading: a
        // handful of periods, drawn as polygons at every density.
        for zone in scene.zones.iter().filter(near_window) {
            let points: Vec<(i32, i32)> = to_pixels(&zone.points)
                .iter()
                .map(|(x, y)| (px(*x), px(*y)))
                .collect();
            self.area.draw(&Polygon::new(
                points,
                rgb(self.theme.over).mix(ZONE_OPACITY).filled(),
            ))?;
        }
        for (over, polygon) in shading {
            let colour = if over {
                self.theme.over
            } else {
                self.theme.under
            };
            let points: Vec<(i32, i32)> = polygon.iter().map(|(x, y)| (px(*x), px(*y))).collect();
            self.area.draw(&Polygon::new(
                points,
                rgb(colour).mix(self.theme.shading_opacity()).filled(),
            ))?;
        }
        Ok(())
    }

    /// Direct labels at the ends of faint lines, in the muted text colour
    /// (4.5:1), not the faint line colour.
    fn end_labels(&self) -> Drawn<DB> {
        for label in &self.frame.end_labels {
            self.area.draw(&Text::new(
                label.text.clone(),
                (px(label.x), px(label.y)),
                self.muted(HPos::Left, VPos::Center),
            ))?;
        }
        Ok(())
    }

    /// One line: its runs of consecutive reported periods (a null breaks
    /// the line), clipped to the plot and decimated when dense
    /// ([`line_in_view`]), then its markers. Only the window and one
    /// period either side (for the edges) are drawn, and a dense window's
    /// columns are looked up, not visited point by point.
    fn line(&self, line: &Line) -> Drawn<DB> {
        let frame = self.frame;
        let plot = frame.plot;
        let style = line.role.style();
        let colour = rgb(line.role.colour(self.theme)).mix(style.opacity);
        let stroke = colour.stroke_width(px(style.width).max(1) as u32);
        let pixels = line_in_view(
            line,
            frame.viewport.range_with_margin(1),
            &|position| frame.x(position),
            &|value| frame.y(value),
            plot.left,
            plot.right,
        );
        let points: Vec<Vec<(i32, i32)>> = pixels
            .into_iter()
            .map(|run| run.into_iter().map(|(x, y)| (px(x), px(y))).collect())
            .collect();
        // Rounds are steps: a forecast holds until the next round.
        let paths: Vec<Vec<(i32, i32)>> = if line.role == SeriesRole::Rounds {
            points.iter().map(|run| steps(run)).collect()
        } else {
            points.clone()
        };
        for run in paths.iter().filter(|run| run.len() >= 2) {
            stroke_path(self.area, run, style.dash, stroke)?;
        }
        let runs = points;
        // Markers only where periods are far enough apart to tell them apart.
        let marker = if frame.slot() >= 8.0 {
            style.marker
        } else {
            Marker::None
        };
        // A period reported alone (no neighbour to join) is a point with no
        // line: it gets a dot even where the style has no marker, so every
        // reported value is visible.
        if marker == Marker::None {
            for &(x, y) in runs.iter().filter(|run| run.len() == 1).flatten() {
                self.area.draw(&Circle::new((x, y), 3, colour.filled()))?;
            }
        }
        for &point in runs.iter().flatten() {
            self.marker(marker, point, colour)?;
        }
        Ok(())
    }

    /// A marker of shape `marker` centred on `(x, y)`.
    fn marker(&self, marker: Marker, (x, y): (i32, i32), colour: RGBAColor) -> Drawn<DB> {
        match marker {
            Marker::None => Ok(()),
            Marker::Circle => self.area.draw(&Circle::new((x, y), 4, colour.filled())),
            Marker::Square => self.area.draw(&Rectangle::new(
                [(x - 3, y - 3), (x + 3, y + 3)],
                colour.filled(),
            )),
            Marker::Triangle => self.area.draw(&Polygon::new(
                vec![(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)],
                colour.filled(),
            )),
        }
    }
}

/// A run of points as steps: from each point across to the next one's x,
/// then up or down to it.
fn steps(run: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut path = Vec::with_capacity(run.len() * 2);
    for pair in run.windows(2) {
        let ((x0, y0), (x1, _)) = (pair[0], pair[1]);
        path.push((x0, y0));
        path.push((x1, y0));
    }
    path.extend(run.last());
    path
}

/// Draws the scene to a standalone SVG document of `frame`'s size.
///
/// All text (tick labels, period labels, the unit) is escaped by the SVG
/// writer ([`SvgWriter`]), so data can never become markup here.
pub fn render_svg(scene: &Scene, frame: &Frame, theme: &Theme) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let area = SvgWriter::new(&mut svg, frame.pixel_size(0.0, 1.0)).into_drawing_area();
        draw_scene(&area, scene, frame, theme, SVG_FONT_SCALE)?;
        area.present()
            .map_err(|error| DrawError(error.to_string()))?;
    }
    Ok(svg)
}

/// One entry of an exported chart's key, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyEntry {
    /// Left edge of the line sample, pixels.
    pub x: f64,
    /// Vertical centre of the entry, pixels.
    pub y: f64,
    /// The line it stands for.
    pub role: SeriesRole,
    /// Its text.
    pub label: String,
}

/// Where the parts of an exported chart's header go: the title, then the
/// key laid out in rows across `width`. Returns the header's height in
/// pixels and each key entry, placed.
pub fn export_header(legend: &[(SeriesRole, String)], width: f64) -> (f64, Vec<KeyEntry>) {
    let mut entries = Vec::with_capacity(legend.len());
    let (mut x, mut row) = (8.0, 0.0);
    for (role, label) in legend {
        let entry_width = 38.0 + label.chars().count() as f64 * FONT_SIZE * 0.6 + 16.0;
        if x > 8.0 && x + entry_width > width - 8.0 {
            x = 8.0;
            row += 1.0;
        }
        entries.push(KeyEntry {
            x,
            y: EXPORT_TITLE_HEIGHT + row * EXPORT_LEGEND_ROW + EXPORT_LEGEND_ROW / 2.0,
            role: *role,
            label: label.clone(),
        });
        x += entry_width;
    }
    let rows = if legend.is_empty() { 0.0 } else { row + 1.0 };
    (
        EXPORT_TITLE_HEIGHT + rows * EXPORT_LEGEND_ROW + 6.0,
        entries,
    )
}

/// Draws a chart for export: `title` and the key above the chart, so the
/// file stands on its own. `area` must be `frame.width` wide and
/// `frame.height` plus [`export_header`]'s height tall.
pub fn draw_export<DB: Dashes>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    legend: &[(SeriesRole, String)],
    scene: &Scene,
    frame: &Frame,
    theme: &Theme,
    font_scale: f64,
) -> Result<(), DrawError> {
    let fail = |error: DrawingAreaErrorKind<DB::ErrorType>| DrawError(error.to_string());
    let (header, entries) = export_header(legend, frame.width);
    area.fill(&rgb(theme.background)).map_err(fail)?;
    let title_font = sans_serif(FONT_SIZE * 1.25 * font_scale)
        .style(FontStyle::Bold)
        .color(&rgb(theme.text));
    area.draw(&Text::new(
        title.to_string(),
        (8, 8),
        title_font.pos(Pos::new(HPos::Left, VPos::Top)),
    ))
    .map_err(fail)?;
    let label_font = sans_serif(FONT_SIZE * font_scale).color(&rgb(theme.text));
    for entry in &entries {
        let style = entry.role.style();
        let colour = rgb(entry.role.colour(theme)).mix(style.opacity);
        let stroke = colour.stroke_width(px(style.width).max(1) as u32);
        let (x0, x1, y) = (px(entry.x), px(entry.x + 30.0), px(entry.y));
        stroke_path(area, &[(x0, y), (x1, y)], style.dash, stroke).map_err(fail)?;
        area.draw(&Text::new(
            entry.label.clone(),
            (x1 + 6, y),
            label_font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }
    let (_, chart) = area.split_vertically(px(header));
    draw_scene(&chart, scene, frame, theme, font_scale)
}

/// The chart as a standalone SVG file: title, key and chart, with the title
/// also as the document's `<title>`. All text is escaped.
pub fn render_export_svg(
    title: &str,
    legend: &[(SeriesRole, String)],
    scene: &Scene,
    frame: &Frame,
    theme: &Theme,
) -> Result<String, DrawError> {
    let (header, _) = export_header(legend, frame.width);
    let mut svg = String::new();
    {
        let area = SvgWriter::new(&mut svg, frame.pixel_size(header, 1.0)).into_drawing_area();
        draw_export(&area, title, legend, scene, frame, theme, SVG_FONT_SCALE)?;
        area.present()
            .map_err(|error| DrawError(error.to_string()))?;
    }
    Ok(with_title(svg, title))
}

/// `svg` (a document [`SvgWriter`] wrote) with `title` as its
/// `<title>`, escaped, so a file manager or screen reader can name it.
pub fn with_title(svg: String, title: &str) -> String {
    match svg.find(">\n") {
        Some(end) => {
            let mut titled = String::with_capacity(svg.len() + title.len() + 20);
            titled.push_str(&svg[..end]);
            titled.push_str(">\n<title>");
            push_escaped(&mut titled, title);
            titled.push_str("</title>\n");
            titled.push_str(&svg[end + 2..]);
            titled
        }
        None => svg,
    }
}
