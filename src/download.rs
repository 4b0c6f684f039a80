//! Downloads made in the browser from Blobs and object URLs: the chart as
//! SVG and as PNG (drawn again on a canvas at twice the size, for print),
//! and its figures as CSV. Nothing is fetched; no data URL or blob image is
//! loaded, so strict Content-Security-Policies allow all three.

use crate::backend::Backend;
use outturn_core::chart::{draw_export, export_header, Frame, Scene, SeriesRole, Theme};
use plotters::prelude::IntoDrawingArea as _;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, Url,
};

/// Scale of the PNG export against the screen (2 = print quality).
pub const PNG_SCALE: f64 = 2.0;

fn error(message: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&message.to_string())
}

/// Saves `blob` as a file called `name`.
pub fn save_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Saves `text` as a file called `name` of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(name, &blob)
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
