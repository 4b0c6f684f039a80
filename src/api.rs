//! The JavaScript API, for pages that build their own widgets (see
//! `assets/outturn.js`): `mount(element, options)` returns a [`Widget`]
//! handle with `update(options)` and `destroy()`. Options are `src`,
//! `data` (an `outturn/1` object or its JSON text), `indicator`, `year`,
//! `view` and `timeout`; a widget mounted here never touches the page URL.
//! Two more exports serve the test suite and the benchmark:
//! `panicDrill()` and `memoryBytes()`.

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::app::App;
use crate::host::{props_for, MOUNTED};
use crate::mount::{mount_point, render};
use crate::props::{AppProps, Start};
use crate::state::Route;

/// A mounted widget, as returned by `mount()`.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    host: Element,
    /// The element the app renders into, inside the host. Yew's event
    /// listeners sit on it, so removing it on destroy leaves none behind.
    root: Element,
    options: JsValue,
}

#[wasm_bindgen]
impl Widget {
    /// Changes the widget's options (`src`, `data`, `indicator`, `year`,
    /// `view`, `timeout`); options not given keep their values.
    pub fn update(&mut self, options: JsValue) {
        let merged = js_sys::Object::assign(&js_sys::Object::new(), self.options.unchecked_ref());
        let merged = js_sys::Object::assign(&merged, options.unchecked_ref());
        self.options = merged.into();
        let (route, data) = route_from_options(&self.options);
        // Only the host matters after the first render (the rest is read
        // as the widget starts).
        let props = AppProps {
            start: Start {
                host: Some(self.host.clone()),
                ..Start::default()
            },
            ..props_for(route, data, false, timeout_from_options(&self.options))
        };
        if let Some(handle) = self.handle.as_mut() {
            handle.update(props);
        }
    }

    /// Removes the widget and everything it registered (listeners,
    /// observers); the host element is left empty.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        let _ = self.host.remove_attribute(MOUNTED);
    }
}

/// Mounts a widget on `element` with `options` (`src`, `data`, `indicator`,
/// `year`, `view`, `timeout`). The widget does not touch the page URL.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Result<Widget, JsValue> {
    if element.has_attribute(MOUNTED) {
        return Err(JsValue::from_str(
            "this element already has an Outturn widget; destroy it first",
        ));
    }
    let options = if options.is_object() {
        options
    } else {
        js_sys::Object::new().into()
    };
    let (route, data) = route_from_options(&options);
    // The host carries data-outturn so the widget's default colours apply.
    let _ = element.set_attribute("data-outturn", "");
    let _ = element.set_attribute(MOUNTED, "");
    let root = mount_point(&element)?;
    let props = props_for(route, data, false, timeout_from_options(&options));
    let handle = render(&element, root.clone(), props);
    Ok(Widget {
        handle: Some(handle),
        host: element,
        root,
        options,
    })
}

/// The API's `timeout` option (milliseconds for a data URL), if given.
fn timeout_from_options(options: &JsValue) -> Option<u32> {
    js_sys::Reflect::get(options, &JsValue::from_str("timeout"))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite() && *v > 0.0)
        .map(|v| v.min(f64::from(u32::MAX)) as u32)
}

/// Reads the API's options object: `src`, `indicator`, `year`, `view`, and
/// `data` (an `outturn/1` object or its JSON text).
fn route_from_options(options: &JsValue) -> (Route, Option<String>) {
    let get = |key: &str| js_sys::Reflect::get(options, &JsValue::from_str(key)).ok();
    let text = |key: &str| {
        get(key)
            .and_then(|v| v.as_string())
            .filter(|v| !v.trim().is_empty())
    };
    let data = get("data")
        .filter(|v| !v.is_undefined() && !v.is_null())
        .and_then(|value| {
            value
                .as_string()
                .or_else(|| js_sys::JSON::stringify(&value).ok().map(String::from))
        });
    let mut route = Route::default();
    for key in ["src", "indicator", "year", "view"] {
        if let Some(value) = text(key) {
            route.set(key, &value);
        }
    }
    (route, data)
}

/// Panics on purpose, to check that the panic hook shows the error (used by
/// the test suite; harmless otherwise).
#[wasm_bindgen(js_name = panicDrill)]
pub fn panic_drill() {
    #[allow(clippy::panic)]
    {
        panic!("panic drill");
    }
}

/// Bytes in one page of WebAssembly memory, the unit `memory.size` counts in.
const WASM_PAGE_BYTES: usize = 65_536;

/// Bytes of memory the WebAssembly module holds. It grows when a dataset
/// needs it and is never handed back, so repeated loads must leave it
/// level (the benchmark checks this over 100 reloads). A measurement for
/// tests, not part of the widget: the one multiplication here converts the
/// engine's page count to bytes.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * WASM_PAGE_BYTES) as f64
}
