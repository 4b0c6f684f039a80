//! The importer and the rest of the "Add your data" panel, a WebAssembly
//! module of its own (`crates/outturn-import-web`), loaded the first time
//! a reader opens the panel: a module script beside Outturn's stylesheet
//! (`outturn-import-start.js`) starts it and registers it on `window` under
//! a registered symbol; the single-file page carries it inline and starts
//! it the same way on request. A page that never imports never downloads
//! it. [`Panel`] is one mounted panel.

use wasm_bindgen::closure::Closure;
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
    if field("mount").is_some_and(|mount| mount.is_function()) {
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

/// The panel the importer draws, on an element of its own beside the
/// widget's root; removed when dropped.
pub struct Panel {
    /// The element it is drawn on.
    pub host: web_sys::Element,
    /// The importer's handle (`PanelHandle`): `set_text`, `destroy`.
    handle: JsValue,
    /// The callbacks it calls, kept alive as long as it is.
    _on_load: Closure<dyn Fn(String)>,
    _on_restore: Closure<dyn Fn()>,
}

impl Panel {
    /// Mounts the importer's panel on `host` (see `mount_panel` in
    /// `crates/outturn-import-web`); `None` until the importer is ready.
    pub fn mount(
        host: web_sys::Element,
        id: &str,
        text: &str,
        can_restore: bool,
        on_load: impl Fn(String) + 'static,
        on_restore: impl Fn() + 'static,
    ) -> Option<Panel> {
        let registry = registry()?;
        let mount: js_sys::Function = js_sys::Reflect::get(&registry, &JsValue::from_str("mount"))
            .ok()?
            .dyn_into()
            .ok()?;
        let on_load = Closure::<dyn Fn(String)>::new(on_load);
        let on_restore = Closure::<dyn Fn()>::new(on_restore);
        let arguments = js_sys::Array::of5(
            &host,
            &JsValue::from_str(id),
            &JsValue::from_str(text),
            &JsValue::from_bool(can_restore),
            on_load.as_ref(),
        );
        arguments.push(on_restore.as_ref());
        let handle = mount.apply(&registry, &arguments).ok()?;
        Some(Panel {
            host,
            handle,
            _on_load: on_load,
            _on_restore: on_restore,
        })
    }

    /// Calls one of the handle's methods.
    fn call(&self, method: &str, argument: &JsValue) {
        if let Ok(method) = js_sys::Reflect::get(&self.handle, &JsValue::from_str(method))
            .and_then(|method| method.dyn_into::<js_sys::Function>())
        {
            let _ = method.call1(&self.handle, argument);
        }
    }

    /// Sends the table's text, all of it, as the box holds it now.
    pub fn set_text(&self, text: &str) {
        self.call("set_text", &JsValue::from_str(text));
    }
}

impl Drop for Panel {
    fn drop(&mut self) {
        self.call("destroy", &JsValue::UNDEFINED);
        self.host.remove();
    }
}
