//! What the host page offers every widget: the sample dataset (its file
//! name and where to find it) and Outturn's stylesheet (the page's own, and
//! whether it applies inside a widget's shadow root). It depends on nothing
//! else in the crate, so the widget (`app`, `hooks`) and the code that
//! mounts it (`mount`, `host`, `api`) can all read it without a cycle.

use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::Element;

/// The sample dataset shown when a widget is given no data: the file of
/// this name beside Outturn's stylesheet, or the inline JSON element with
/// the id [`DEFAULT_DATA_ID`] (the single-file page). It is not built into
/// the WebAssembly, so pages that give their own data never download it.
pub const DEFAULT_DATA_NAME: &str = "kent-2011-12-key-activity.json";
/// Id of an inline `application/json` element that holds the sample dataset.
pub const DEFAULT_DATA_ID: &str = "outturn-default-data";

/// Where the sample dataset comes from when a widget is given no data
/// (see [`default_data`]).
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultData {
    /// JSON text inline in the page (the single-file page).
    Inline(String),
    /// An absolute URL, beside Outturn's files.
    Url(String),
}

/// The stylesheet the page already has: outturn.js's link, the single
/// file's inline style, or the demo page's link.
pub fn page_styles() -> Result<Option<Element>, JsValue> {
    let document = gloo::utils::document();
    Ok(document
        .query_selector("[data-outturn-styles]")?
        .or(document.query_selector("link[rel=stylesheet][href*='outturn']")?))
}

/// Where the sample dataset is for a widget given no data: inline in the
/// page, or else beside Outturn's stylesheet (which the loader takes from
/// beside itself), or else beside the page.
pub fn default_data() -> DefaultData {
    let document = gloo::utils::document();
    if let Some(text) = document
        .get_element_by_id(DEFAULT_DATA_ID)
        .and_then(|element| element.text_content())
    {
        return DefaultData::Inline(text);
    }
    let base = page_styles()
        .ok()
        .flatten()
        .and_then(|styles| styles.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .or_else(|| document.url().ok())
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(DEFAULT_DATA_NAME, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| DEFAULT_DATA_NAME.to_string());
    DefaultData::Url(url)
}

/// Whether the stylesheet in `shadow` applies: adopted or inline (at once),
/// or a `<link>` that has loaded.
pub fn styles_apply(shadow: &web_sys::ShadowRoot) -> bool {
    // No such element: the styles were adopted (mount.rs), and like a
    // <style> they apply at once.
    match shadow
        .query_selector(".outturn-styles")
        .ok()
        .flatten()
        .and_then(|styles| styles.dyn_into::<web_sys::HtmlLinkElement>().ok())
    {
        Some(link) => link.sheet().is_some(),
        None => true,
    }
}
