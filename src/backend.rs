//! One plotters backend type for everything the widget draws: SVG (the
//! chart on the page and the SVG download) or a canvas (the PNG download).
//!
//! Why: the core's drawing code is generic over the backend, so drawing to
//! SVG and to a canvas compiled it twice into the wasm (about 16 KB, 6 KB
//! gzip). Drawing both through this one type compiles it once; each call
//! below only chooses the backend. The core's own `render_svg` stays for
//! the CLI and the tests, which draw the same chart through the same code.

use std::error::Error;
use std::fmt;

use outturn_core::chart::{
    draw_export, draw_scene, export_header, with_title, Dashes, DrawError, Frame, Scene,
    SeriesRole, SvgWriter, Theme, SVG_FONT_SCALE,
};
use plotters::prelude::{DrawingBackend, IntoDrawingArea as _};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;

/// The backend the widget draws through.
pub enum Backend<'a> {
    /// An SVG document written into a string.
    Svg(SvgWriter<'a>),
    /// A canvas element (already scaled for the PNG's resolution).
    Canvas(CanvasBackend),
}

/// A drawing failure from either backend, as text.
#[derive(Debug)]
pub struct BackendError(String);

impl fmt::Display for BackendError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl Error for BackendError {}

fn convert<E: Error + Send + Sync>(error: DrawingErrorKind<E>) -> DrawingErrorKind<BackendError> {
    match error {
        DrawingErrorKind::DrawingError(error) => {
            DrawingErrorKind::DrawingError(BackendError(error.to_string()))
        }
        DrawingErrorKind::FontError(error) => DrawingErrorKind::FontError(error),
    }
}

/// Calls the same method on whichever backend this is.
macro_rules! each {
    ($self:expr, $backend:ident => $call:expr) => {
        match $self {
            Backend::Svg($backend) => $call.map_err(convert),
            Backend::Canvas($backend) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for Backend<'_> {
    type ErrorType = BackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Backend::Svg(backend) => backend.get_size(),
            Backend::Canvas(backend) => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<BackendError>> {
        each!(self, backend => backend.blit_bitmap(pos, size, src))
    }
}

/// SVG dashes a line with one attribute; the canvas has its dashes drawn
/// one segment each.
impl Dashes for Backend<'_> {
    fn set_dash(&mut self, dash: Option<(u32, u32)>) -> bool {
        match self {
            Backend::Svg(svg) => svg.set_dash(dash),
            Backend::Canvas(_) => false,
        }
    }
}

fn fail(error: impl fmt::Display) -> DrawError {
    DrawError(error.to_string())
}

/// The chart as a standalone SVG document of `frame`'s size (as the core's
/// `render_svg`, through [`Backend`]).
pub fn render_svg(scene: &Scene, frame: &Frame, theme: &Theme) -> Result<String, DrawError> {
    let mut svg = String::new();
    {
        let size = frame.pixel_size(0.0, 1.0);
        let area = Backend::Svg(SvgWriter::new(&mut svg, size)).into_drawing_area();
        draw_scene(&area, scene, frame, theme, SVG_FONT_SCALE)?;
        area.present().map_err(fail)?;
    }
    Ok(svg)
}

/// The chart with its title and key as an SVG document (as the core's
/// `render_export_svg`, through [`Backend`]).
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
        let size = frame.pixel_size(header, 1.0);
        let area = Backend::Svg(SvgWriter::new(&mut svg, size)).into_drawing_area();
        draw_export(&area, title, legend, scene, frame, theme, SVG_FONT_SCALE)?;
        area.present().map_err(fail)?;
    }
    Ok(with_title(svg, title))
}
