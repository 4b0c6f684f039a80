//! The importer as a WebAssembly module of its own
//! (`crates/outturn-import-web`), loaded the first time a reader opens "Add
//! your data": a module script beside Outturn's stylesheet
//! (`outturn-import-start.js`) starts it and registers it on `window` under
//! a registered symbol; the single-file page carries it inline and starts
//! it the same way on request. A page that never imports never downloads
//! it.

use wasm_bindgen::{JsCast as _, JsValue};

/// The registry's symbol key, as the start script writes it.
const REGISTRY: &str = "outturn.importer";
/// The event the start script sends once the module is ready (or failed).
pub const READY_EVENT: &str = "outturn-importer";
/// The start script, beside Outturn's stylesheet.
const START: &str = "outturn-import-start.js";

/// Where the importer is.
#[derive(Debug, Clone, PartialEq)]
pub enum Importer {
    /// Not asked for yet, or on its way.
    Loading,
    /// Ready to read drafts.
    Ready,
    /// It could not be loaded; why.
    Failed(String),
}

fn registry() -> Option<JsValue> {
    let key = js_sys::Symbol::for_(REGISTRY);
    js_sys::Reflect::get(&gloo::utils::window(), &key)
        .ok()
        .filter(|value| value.is_object())
}

/// Where the importer is now, by its registry.
pub fn status() -> Importer {
    let Some(registry) = registry() else {
        return Importer::Loading;
    };
    let field = |name: &str| js_sys::Reflect::get(&registry, &JsValue::from_str(name)).ok();
    if field("read").is_some_and(|read| read.is_function()) {
        return Importer::Ready;
    }
    match field("failed").and_then(|failed| failed.as_string()) {
        Some(why) => Importer::Failed(why),
        None => Importer::Loading,
    }
}

/// Asks for the importer, once: adds its start script beside Outturn's
/// stylesheet unless it is already registered or on its way.
pub fn request() -> Result<(), JsValue> {
    let document = gloo::utils::document();
    // The single-file page carries the importer and starts it on request.
    if let Some(registry) = registry() {
        let load = js_sys::Reflect::get(&registry, &JsValue::from_str("load"))?;
        if let Ok(load) = load.dyn_into::<js_sys::Function>() {
            load.call0(&registry)?;
        }
        return Ok(());
    }
    if document
        .query_selector("script[data-outturn-importer]")?
        .is_some()
    {
        return Ok(());
    }
    let base = crate::page::page_styles()?
        .and_then(|styles| styles.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .map_or_else(|| document.url(), Ok)?;
    let url = web_sys::Url::new_with_base(START, &base)?.href();
    let script: web_sys::HtmlScriptElement = document.create_element("script")?.dyn_into()?;
    script.set_type("module");
    script.set_src(&url);
    script.set_attribute("data-outturn-importer", "")?;
    // A script that cannot load is a failure the panel reports.
    let failed = format!("the importer could not be loaded from {url}");
    gloo::events::EventListener::once(&script, "error", move |_| {
        if let Some(registry) = registry().or_else(|| {
            let object: JsValue = js_sys::Object::new().into();
            let key = js_sys::Symbol::for_(REGISTRY);
            js_sys::Reflect::set(&gloo::utils::window(), &key, &object).ok()?;
            Some(object)
        }) {
            let _ = js_sys::Reflect::set(
                &registry,
                &JsValue::from_str("failed"),
                &JsValue::from_str(&failed),
            );
        }
        if let Ok(event) = web_sys::Event::new(READY_EVENT) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
    })
    .forget();
    document
        .head()
        .ok_or_else(|| JsValue::from_str("the page has no head"))?
        .append_child(&script)?;
    Ok(())
}

/// Reads a draft (as JSON) with the importer; `None` until it is ready.
pub fn read(draft: &str) -> Option<String> {
    let registry = registry()?;
    let read: js_sys::Function = js_sys::Reflect::get(&registry, &JsValue::from_str("read"))
        .ok()?
        .dyn_into()
        .ok()?;
    read.call1(&registry, &JsValue::from_str(draft))
        .ok()?
        .as_string()
}
