//! A plotters backend that writes SVG into a string: the chart on the page,
//! the SVG download, the CLI and the tests all draw through it.
//!
//! Why not plotters' own SVG backend: it can only stroke a dashed line as
//! one `<polyline>` per dash (a 12-month budget line and next year's
//! dashed budget came to 250 elements, three quarters of the chart's
//! markup, each laid out and painted by the browser), while SVG says it in
//! one attribute, `stroke-dasharray`. Every number written is whole pixels,
//! or a font size or opacity written in its shortest form to two decimals
//! by [`push_decimal`] (`0.8`, not `0.80`), which keeps the markup short.
//!
//! All text is escaped ([`push_escaped`]), so data can never become markup.

use std::error::Error;
use std::fmt::{self, Write as _};

use plotters::prelude::{DrawingBackend, FontStyle, FontTransform};
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// A backend that can stroke a dashed line as one line with a dash
/// pattern; the others have their dashes drawn one segment each.
pub trait Dashes: DrawingBackend {
    /// Sets the dash pattern (dash and gap lengths, px) for the paths drawn
    /// next, or clears it with `None`. Returns `false` when the backend
    /// cannot dash (the default).
    fn set_dash(&mut self, dash: Option<(u32, u32)>) -> bool {
        let _ = dash;
        false
    }
}

/// The SVG backend's error. Writing to a `String` cannot fail, so none is
/// ever made; plotters' backend trait asks for a type.
#[derive(Debug)]
pub struct SvgError;

impl fmt::Display for SvgError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("the SVG could not be written")
    }
}

impl Error for SvgError {}

/// An SVG document of a given size (CSS px) written into a string. The
/// document is complete once [`DrawingBackend::present`] has been called
/// (plotters' `DrawingArea::present`).
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// The dash pattern for the next paths, set through [`Dashes`].
    dash: Option<(u32, u32)>,
    finished: bool,
}

impl<'a> SvgWriter<'a> {
    /// Starts a `width` x `height` document in `out` (appended to it).
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Self {
        let _ = writeln!(
            out,
            r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">"#
        );
        Self {
            out,
            size: (width, height),
            dash: None,
            finished: false,
        }
    }

    /// ` opacity="…" {paint}="#rrggbb"` for `color`.
    fn paint(&mut self, paint: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        self.out.push_str(" opacity=\"");
        push_decimal(self.out, color.alpha);
        let _ = write!(self.out, "\" {paint}=\"#{r:02X}{g:02X}{b:02X}\"");
    }

    /// Ends a shape filled with `style`'s colour, or outlined with it.
    fn fill_or_outline<S: BackendStyle>(&mut self, style: &S, fill: bool) {
        if fill {
            self.paint("fill", style.color());
        } else {
            self.paint("stroke", style.color());
            let _ = write!(
                self.out,
                r#" fill="none" stroke-width="{}""#,
                style.stroke_width()
            );
        }
        self.out.push_str("/>\n");
    }

    /// ` points="x,y x,y …"`.
    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (index, (x, y)) in path.into_iter().enumerate() {
            let space = if index == 0 { "" } else { " " };
            let _ = write!(self.out, "{space}{x},{y}");
        }
        self.out.push('"');
    }
}

impl Dashes for SvgWriter<'_> {
    fn set_dash(&mut self, dash: Option<(u32, u32)>) -> bool {
        self.dash = dash;
        true
    }
}

/// Writes `value` (0 or more) with at most two decimals and no trailing
/// zeros: `1`, `0.8`, `10.48`. (Rust's float formatting is in the wasm
/// anyway, for the figures in words; this is only the short form.)
pub fn push_decimal(out: &mut String, value: f64) {
    let hundredths = (value.max(0.0) * 100.0).round() as u64;
    let _ = write!(out, "{}", hundredths / 100);
    let fraction = hundredths % 100;
    if fraction != 0 {
        let digits = if fraction % 10 == 0 {
            format!("{}", fraction / 10)
        } else {
            format!("{fraction:02}")
        };
        out.push('.');
        out.push_str(&digits);
    }
}

/// Appends `text` with the characters that mean something in XML markup
/// written as entities.
pub fn push_escaped(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

type Drawn = Result<(), DrawingErrorKind<SvgError>>;

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !std::mem::replace(&mut self.finished, true) {
            self.out.push_str("</svg>\n");
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        if color.alpha > 0.0 {
            let _ = write!(self.out, r#"<rect x="{x}" y="{y}" width="1" height="1""#);
            self.paint("fill", color);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let (width, height) = (x1 - x0, y1 - y0);
            let _ = write!(
                self.out,
                r#"<rect x="{x0}" y="{y0}" width="{width}" height="{height}""#
            );
            self.fill_or_outline(style, fill);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.out.push_str("<polyline fill=\"none\"");
            self.paint("stroke", style.color());
            let _ = write!(self.out, r#" stroke-width="{}""#, style.stroke_width());
            if let Some((dash, gap)) = self.dash {
                let _ = write!(self.out, r#" stroke-dasharray="{dash} {gap}""#);
            }
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let _ = write!(self.out, r#"<circle cx="{x}" cy="{y}" r="{radius}""#);
            self.fill_or_outline(style, fill);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.paint("fill", style.color());
            self.points(vertices);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // The baseline moved so that the anchor's vertical position is the
        // text's top, middle or bottom, as plotters places text.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family=""#
        );
        push_escaped(self.out, style.family().as_str());
        // Plotters' font sizes are in its own units, 1.24 to the CSS pixel.
        self.out.push_str("\" font-size=\"");
        push_decimal(self.out, style.size() / 1.24);
        self.out.push('"');
        self.paint("fill", color);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(r#" font-weight="bold""#),
            other => {
                let _ = write!(self.out, r#" font-style="{}""#, other.as_str());
            }
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            _ => 0,
        };
        if degrees != 0 {
            let _ = write!(self.out, r#" transform="rotate({degrees}, {x}, {y})""#);
        }
        self.out.push('>');
        push_escaped(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn decimals_are_written_in_their_shortest_form() {
        let written = [0.0, 1.0, 0.8, 0.75, 10.483_870_967, 2.005, -3.0].map(|value| {
            let mut out = String::new();
            push_decimal(&mut out, value);
            out
        });
        assert_eq!(written, ["0", "1", "0.8", "0.75", "10.48", "2.01", "0"]);
    }

    #[test]
    fn a_dashed_line_is_one_element_and_text_is_escaped() {
        let mut svg = String::new();
        {
            let area = SvgWriter::new(&mut svg, (200, 100)).into_drawing_area();
            area.draw(&crate::chart::draw::Stroke::new(
                vec![(0, 10), (100, 10), (200, 50)],
                Some((8, 5)),
                plotters::style::Color::stroke_width(&BLACK, 2),
            ))
            .map_err(|e| e.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
            area.draw(&Text::new(
                "<b>&\"x\"",
                (5, 5),
                ("sans-serif", 12.4).into_font(),
            ))
            .map_err(|e| e.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
            area.present().unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(svg.starts_with(
            "<svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        ));
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
        assert!(
            svg.contains(r#"stroke-dasharray="8 5" points="0,10 100,10 200,50""#),
            "{svg}"
        );
        assert!(svg.contains(">&lt;b&gt;&amp;&quot;x&quot;</text>"), "{svg}");
        assert!(svg.contains(r#"font-size="10""#), "{svg}");
        assert!(svg.ends_with("</svg>\n"));
    }
}
