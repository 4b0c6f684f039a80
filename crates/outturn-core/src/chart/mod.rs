//! The chart: what to draw ([`Scene`], in data units), where ([`Frame`], in
//! pixels), and drawing it ([`draw_scene`], the only code that uses plotters).
//!
//! The scene is plain data: the widget compares it cheaply, native tests
//! inspect it, and the same scene draws to an SVG string in the browser, in
//! the CLI and in snapshot tests.

mod build;
mod decimate;
mod draw;
mod extremes;
mod layout;
mod scene;
mod svg;
mod theme;
mod viewport;

pub use build::{
    against_target_scene, build_scene, cost_effect_scene, cumulative_scene, forecast_scene,
    rounds_scene, timeline_scene, variance_band, variance_scene, years_scene, PREVIOUS_YEARS_SHOWN,
};
pub use decimate::{column_spans, m4};
pub use draw::{
    draw_export, draw_scene, export_header, render_export_svg, render_svg, with_title, DrawError,
    KeyEntry, LineStyle, Marker, Stroke, BAR_OPACITY, SVG_FONT_SCALE, ZONE_OPACITY,
};
pub use extremes::{scan, Derived, Extremes, Read, Span, FAN, SCAN_LIMIT};
pub use layout::{
    chart_area_width, chart_height, layout, layout_window, narrow_chart, nice_ticks, tooltip_place,
    EndLabel, Frame, NiceScale, NoteLine, PlotArea, Tick, DENSE_NOTE, FONT_SIZE, MIN_CHART_HEIGHT,
};
pub use scene::{BandPiece, Bar, BarKind, Line, LineIndex, Rule, Scene, SeriesRole};
pub use svg::{push_decimal, push_escaped, Dashes, SvgError, SvgWriter};
pub use theme::{Colour, Theme};
pub use viewport::{runs, PanStep, Step, Viewport, ZoomStep, MIN_SPAN};
