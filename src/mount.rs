//! Mounting one widget on a host element: an open shadow root on the host
//! that carries Outturn's stylesheet (adopted as one constructed sheet
//! shared by every widget when the page's stylesheet has loaded, else a
//! `<style>` or `<link>` of its own), a fresh element inside it for the
//! [`App`] to render into, and what the widget knows before its first
//! render ([`Start`]). Host discovery (`host.rs`) and the JavaScript API
//! (`api.rs`) both mount through here.

use outturn_core::chart::chart_area_width;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::Element;
use yew::AppHandle;

use crate::app::App;
use crate::page::{page_styles, styles_apply};
use crate::props::{AppProps, Start};

/// A fresh element for a widget to render into, inside a shadow root on
/// `host` that carries Outturn's stylesheet: the host page's styles cannot
/// reach the widget and the widget's cannot reach the page. Custom
/// properties (theming) and the inherited font still pass through.
pub fn mount_point(host: &Element) -> Result<Element, JsValue> {
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

/// Renders an [`App`] with `props` into `root` (from [`mount_point`] on
/// `host`), telling it what is known before its first render.
pub fn render(host: &Element, root: Element, props: AppProps) -> AppHandle<App> {
    let props = AppProps {
        start: start_for(host, &root),
        ..props
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render()
}

/// What a widget on `host`, rendering into `root`, knows before its first
/// render: its host, whether its styles apply yet, and (once they do) the
/// width its chart area will have. The browser test "a chart loaded
/// with the page is drawn once" fails if the width guessed here is wrong.
fn start_for(host: &Element, root: &Element) -> Start {
    let styles_ready = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .is_ok_and(|shadow| styles_apply(&shadow));
    let width = if styles_ready {
        chart_area_width(root.client_width())
    } else {
        0
    };
    Start {
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

/// Where the loader registers the stylesheet's rules as one constructed
/// sheet (a registered symbol's key on `window`).
const REGISTERED_STYLES: &str = "outturn.styles";

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
    // Made by the loader (outturn.js) as the stylesheet loaded, if it could.
    let registered = || {
        js_sys::Reflect::get(
            &gloo::utils::window(),
            &js_sys::Symbol::for_(REGISTERED_STYLES),
        )
        .ok()?
        .dyn_into::<web_sys::CssStyleSheet>()
        .ok()
    };
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
            *shared = registered().or_else(construct);
        }
        shared.clone()
    });
    let Some(sheet) = sheet else {
        return false;
    };
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    true
}
