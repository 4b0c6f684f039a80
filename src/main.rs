//! Outturn's browser entry point. When the WebAssembly module starts it
//! mounts one independent widget on every host element (`class="outturn"`
//! or `data-outturn`), configured by the host's `data-src`, `data-indicator`,
//! `data-year` and `data-view` attributes. `data-src` is a URL, or `#id` of
//! an inline `<script type="application/json">` element. A host marked
//! `data-url="hash"` (the first such host only) also follows the page URL:
//! options from the query string and hash on load, and the hash kept in step
//! as the reader explores, so links reproduce what the sender saw and
//! back/forward work. Without it the widget leaves the host page's URL alone.
//!
//! Pages that build their own call the exported `mount(element, options)`
//! (see `assets/outturn.js`), which returns a [`Widget`] handle with
//! `update(options)` and `destroy()`.

mod app;
mod backend;
mod components;
mod download;
mod fetch;
mod route;
mod state;
mod theme;
mod timing;

use route::UrlText as _;
use state::Route;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// The sample dataset shown when a widget is given no data: the file of
/// this name beside Outturn's stylesheet, or the inline JSON element with
/// the id [`DEFAULT_DATA_ID`] (the single-file page). It is not built into
/// the WebAssembly, so pages that give their own data never download it.
pub const DEFAULT_DATA_NAME: &str = "kent-2011-12-key-activity.json";
/// Id of an inline `application/json` element that holds the sample dataset.
pub const DEFAULT_DATA_ID: &str = "outturn-default-data";

/// Marks a host element that already has a widget.
const MOUNTED: &str = "data-outturn-mounted";

/// Reads `data-src`, `data-indicator`, `data-year` and `data-view`.
fn route_from_element(element: &Element) -> Route {
    let read = |name: &str| {
        element
            .get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut route = Route::default();
    for key in ["src", "indicator", "year", "view"] {
        if let Some(value) = read(&format!("data-{key}")) {
            route.set(key, &value);
        }
    }
    route
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

/// Props for a host: an inline `#id` source becomes data; `timeout_ms`
/// defaults to [`fetch::DEFAULT_TIMEOUT_MS`].
fn props_for(
    route: Route,
    data: Option<String>,
    owns_url: bool,
    timeout_ms: Option<u32>,
) -> app::AppProps {
    let document = gloo::utils::document();
    let (route, data) = match (&route.src, data) {
        (_, Some(data)) => (
            Route { src: None, ..route },
            Some((data, "data given to mount()".to_string())),
        ),
        (Some(src), None) if src.starts_with('#') => {
            let inline = document
                .get_element_by_id(&src[1..])
                .and_then(|element| element.text_content());
            let data = inline.map(|text| (text, format!("inline data {src}")));
            let data = data.or_else(|| {
                Some((
                    String::new(),
                    format!("inline data {src} (no such element)"),
                ))
            });
            (Route { src: None, ..route }, data)
        }
        _ => (route, None),
    };
    app::AppProps {
        timeout_ms: timeout_ms.unwrap_or(fetch::DEFAULT_TIMEOUT_MS),
        route,
        owns_url,
        start: app::Start::default(),
        data: data.map(|(text, name)| app::InlineData {
            text: text.into(),
            name: name.into(),
        }),
    }
}

/// A mounted widget, as returned by `mount()`.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<app::App>>,
    host: Element,
    /// The element the app renders into, inside the host. Yew's event
    /// listeners sit on it, so removing it on destroy leaves none behind.
    root: Element,
    options: JsValue,
}

/// The stylesheet the page already has: outturn.js's link, the single
/// file's inline style, or the demo page's link.
fn page_styles() -> Result<Option<Element>, JsValue> {
    let document = gloo::utils::document();
    Ok(document
        .query_selector("[data-outturn-styles]")?
        .or(document.query_selector("link[rel=stylesheet][href*='outturn']")?))
}

/// Where the sample dataset is for a widget given no data: inline in the
/// page, or else beside Outturn's stylesheet (which the loader takes from
/// beside itself), or else beside the page.
pub fn default_data() -> app::DefaultData {
    let document = gloo::utils::document();
    if let Some(text) = document
        .get_element_by_id(DEFAULT_DATA_ID)
        .and_then(|element| element.text_content())
    {
        return app::DefaultData::Inline(text);
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
    app::DefaultData::Url(url)
}

/// A fresh element for a widget to render into, inside a shadow root on
/// `host` that carries Outturn's stylesheet: the host page's styles cannot
/// reach the widget and the widget's cannot reach the page. Custom
/// properties (theming) and the inherited font still pass through.
fn mount_point(host: &Element) -> Result<Element, JsValue> {
    let document = gloo::utils::document();
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    if shadow.query_selector(".outturn-styles")?.is_none() {
        let source = page_styles()?;
        let styles = match source {
            Some(source) if source.tag_name().eq_ignore_ascii_case("style") => {
                let style = document.create_element("style")?;
                style.set_text_content(source.text_content().as_deref());
                style
            }
            // The page's stylesheet has loaded: share its rules with every
            // widget as one constructed sheet, applied at once, instead of a
            // link per widget that loads (and draws) after the first render.
            Some(source) if adopt_styles(&shadow, &source) => return mount_root(&shadow),
            Some(source) => {
                let link = document.create_element("link")?;
                link.set_attribute("rel", "stylesheet")?;
                let href = source
                    .dyn_ref::<web_sys::HtmlLinkElement>()
                    .map(|l| l.href())
                    .unwrap_or_default();
                link.set_attribute("href", &href)?;
                link
            }
            None => document.create_element("style")?,
        };
        styles.set_attribute("class", "outturn-styles")?;
        shadow.append_child(&styles)?;
    }
    mount_root(&shadow)
}

/// The widget root's border and padding, left and right together (CSS px:
/// `.outturn-root` in outturn.css, 1 px and 16 px a side), between the
/// element a widget renders into and its chart area.
const ROOT_INSET_PX: i32 = 34;

/// What a widget on `host`, rendering into `root`, knows before its first
/// render: its host, whether its styles apply yet, and (once they do) the
/// width its chart area will have. The browser test "a chart loaded
/// with the page is drawn once" fails if the width guessed here is wrong.
fn start_for(host: &Element, root: &Element) -> app::Start {
    let styles_ready = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .is_ok_and(|shadow| app::styles_apply(&shadow));
    let width = if styles_ready {
        (root.client_width() - ROOT_INSET_PX).max(0) as u32
    } else {
        0
    };
    app::Start {
        host: Some(host.clone()),
        width,
        styles_ready,
    }
}

/// The element a widget renders into, appended to its shadow root.
fn mount_root(shadow: &web_sys::ShadowRoot) -> Result<Element, JsValue> {
    let root = gloo::utils::document().create_element("div")?;
    root.set_class_name("outturn-mount");
    shadow.append_child(&root)?;
    Ok(root)
}

thread_local! {
    /// The page stylesheet's rules as one constructed sheet, made once (when
    /// the stylesheet has loaded) and adopted by every widget's shadow root.
    static SHARED_STYLES: std::cell::RefCell<Option<web_sys::CssStyleSheet>> =
        const { std::cell::RefCell::new(None) };
}

/// Gives `shadow` the rules of `source`, a loaded `<link>` stylesheet, as
/// an adopted constructed sheet. False (nothing done) when the link has not
/// loaded, its rules cannot be read (another origin without CORS), or the
/// browser cannot construct sheets: the caller then links the stylesheet.
/// (outturn.css has no `url()` or `@import`, which a constructed sheet
/// would resolve against the page instead.)
fn adopt_styles(shadow: &web_sys::ShadowRoot, source: &Element) -> bool {
    let construct = || {
        let loaded = source
            .dyn_ref::<web_sys::HtmlLinkElement>()?
            .sheet()?
            .dyn_into::<web_sys::CssStyleSheet>()
            .ok()?;
        let rules = loaded.css_rules().ok()?;
        let text = (0..rules.length())
            .filter_map(|index| rules.item(index))
            .map(|rule| rule.css_text())
            .collect::<Vec<_>>()
            .join("\n");
        let sheet = web_sys::CssStyleSheet::new().ok()?;
        sheet.replace_sync(&text).ok()?;
        Some(sheet)
    };
    let sheet = SHARED_STYLES.with(|shared| {
        let mut shared = shared.borrow_mut();
        if shared.is_none() {
            *shared = construct();
        }
        shared.clone()
    });
    let Some(sheet) = sheet else {
        return false;
    };
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    true
}

#[wasm_bindgen]
impl Widget {
    /// Changes the widget's options (`src`, `data`, `indicator`, `year`,
    /// `view`); options not given keep their values.
    pub fn update(&mut self, options: JsValue) {
        let merged = js_sys::Object::assign(&js_sys::Object::new(), self.options.unchecked_ref());
        let merged = js_sys::Object::assign(&merged, options.unchecked_ref());
        self.options = merged.into();
        let (route, data) = route_from_options(&self.options);
        // Only the host matters after the first render (the rest is read
        // as the widget starts).
        let props = app::AppProps {
            start: app::Start {
                host: Some(self.host.clone()),
                ..app::Start::default()
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
/// `year`, `view`). The widget does not touch the page URL.
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
    let props = app::AppProps {
        start: start_for(&element, &root),
        ..props_for(route, data, false, timeout_from_options(&options))
    };
    let handle = yew::Renderer::<app::App>::with_root_and_props(root.clone(), props).render();
    Ok(Widget {
        handle: Some(handle),
        host: element,
        root,
        options,
    })
}

/// Shows a panic in every widget on the page as a visible alert, instead of
/// a silently frozen chart. (With `panic = "abort"` the module stops after
/// this runs, so the message says to reload.) The text goes in as text,
/// never markup.
fn show_panic(info: &std::panic::PanicHookInfo<'_>) {
    let document = gloo::utils::document();
    let Ok(hosts) = document.query_selector_all(&format!("[{MOUNTED}]")) else {
        return;
    };
    let detail = info.to_string();
    for index in 0..hosts.length() {
        let Some(host) = hosts.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(shadow) = host.shadow_root() else {
            continue;
        };
        if let Ok(alert) = document.create_element("div") {
            let _ = alert.set_attribute("role", "alert");
            let _ = alert.set_attribute("class", "outturn-fatal");
            alert.set_text_content(Some(&format!(
                "Outturn stopped because of an internal error. Reload the page to try again, and please report this: {detail}"
            )));
            let _ = shadow.append_child(&alert);
        }
    }
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

/// Bytes of memory the WebAssembly module holds. It grows when a dataset
/// needs it and is never handed back, so repeated loads must leave it
/// level (the benchmark checks this over 100 reloads).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

fn main() {
    // Through yew, which would otherwise install its own console-only hook.
    yew::set_custom_panic_hook(Box::new(|info| {
        show_panic(info);
        web_sys::console::error_1(&info.to_string().into());
    }));
    let window = gloo::utils::window();
    let Some(document) = window.document() else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(".outturn, [data-outturn]") else {
        return;
    };
    let location = window.location();
    let page = Route::parse(&location.search().unwrap_or_default())
        .overridden_by(&Route::parse(&location.hash().unwrap_or_default()));
    let mut url_taken = false;
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
            .filter(|host| !host.has_attribute(MOUNTED))
        else {
            continue;
        };
        let owns_url = !url_taken && host.get_attribute("data-url").as_deref() == Some("hash");
        url_taken |= owns_url;
        let mut route = route_from_element(&host);
        if owns_url {
            route = route.overridden_by(&page);
        }
        let _ = host.set_attribute(MOUNTED, "");
        let timeout = host
            .get_attribute("data-timeout")
            .and_then(|t| t.trim().parse().ok());
        let Ok(root) = mount_point(&host) else {
            continue;
        };
        let props = app::AppProps {
            start: start_for(&host, &root),
            ..props_for(route, None, owns_url, timeout)
        };
        // Automatically mounted widgets live as long as the page.
        yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    }
}
