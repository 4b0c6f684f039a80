//! Downloads made in the browser from Blobs and object URLs: the chart as
//! SVG and as PNG (drawn again on a canvas at twice the size, for print),
//! and its figures as CSV. Nothing is fetched; no data URL or blob image is
//! loaded, so strict Content-Security-Policies allow all three.

use crate::backend::Backend;
use outturn_core::chart::{draw_export, export_header, Frame, Scene, SeriesRole, Theme};
pub use outturn_web_kit::save::{save_blob, save_text};
use plotters::prelude::IntoDrawingArea as _;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement};

/// Scale of the PNG export against the screen (2 = print quality).
pub const PNG_SCALE: f64 = 2.0;

fn error(message: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&message.to_string())
}

/// Draws the chart (title, key and chart) on a canvas at [`PNG_SCALE`] and
/// saves it as a PNG file called `name`.
pub fn save_png(
    name: &str,
    title: &str,
    legend: &[(SeriesRole, String)],
    scene: &Scene,
    frame: &Frame,
    theme: &Theme,
) -> Result<(), JsValue> {
    let (header, _) = export_header(legend, frame.width);
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")?
        .dyn_into()?;
    let (width, height) = frame.pixel_size(header, PNG_SCALE);
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| error("this browser cannot draw on a canvas"))?
        .dyn_into()?;
    // Everything is drawn in CSS pixels and scaled up, so text and lines
    // stay in proportion.
    context.scale(PNG_SCALE, PNG_SCALE)?;
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| error("no canvas"))?;
    let area = Backend::Canvas(backend).into_drawing_area();
    draw_export(&area, title, legend, scene, frame, theme, 1.0).map_err(error)?;
    area.present().map_err(error)?;
    let name = name.to_string();
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png")
}
