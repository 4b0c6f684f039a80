//! Outturn's browser entry point: mounts one independent widget on every
//! host element marked `data-outturn`, configured by its `data-*` attributes
//! and, for the page's own URL, by `?src=`, `?indicator=` and `?year=`.

mod app;
mod components;
mod fetch;
mod options;
mod state;
mod theme;

use wasm_bindgen::JsCast as _;

/// The dataset built into the widget, used when no `src` is given.
pub const DEFAULT_DATA: &str = include_str!("../assets/kent-2011-12-key-activity.json");
/// The name shown for the built-in dataset.
pub const DEFAULT_DATA_NAME: &str = "kent-2011-12-key-activity.json";

fn main() {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-outturn]") else {
        return;
    };
    let page = options::WidgetOptions::from_query(&gloo::utils::window().location());
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let options = options::WidgetOptions::from_element(&host).overridden_by(&page);
        yew::Renderer::<app::App>::with_root_and_props(host, app::AppProps { options }).render();
    }
}
