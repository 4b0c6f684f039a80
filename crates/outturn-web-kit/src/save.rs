//! Saving a file from the browser, from a Blob and an object URL: nothing
//! is fetched and no data URL is made, so strict Content-Security-Policies
//! allow it.

use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long an object URL is kept after its download starts, in
/// milliseconds: revoking it at once can cancel the download in some
/// browsers.
const REVOKE_AFTER_MS: u32 = 10_000;

/// Saves `blob` as a file called `name`.
pub fn save_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    gloo::timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Saves `text` as a file called `name` of type `mime` (for example
/// `text/csv`, `application/json`).
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    save_blob(name, &blob)
}
