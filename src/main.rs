//! Outturn's browser entry point: mounts one independent widget on every
//! host element marked `data-outturn`, configured by its `data-*` attributes
//! (`data-src`, `data-indicator`, `data-year`, `data-view`). The first widget
//! on the page also follows the page URL: the query string and the hash
//! (`#indicator=...&year=...&view=...`) on load, and the hash as the reader
//! explores, so links reproduce what the sender saw and back/forward work.

mod app;
mod components;
mod fetch;
mod route;
mod state;
mod theme;

use route::Route;
use wasm_bindgen::JsCast as _;

/// The dataset built into the widget, used when no `src` is given.
pub const DEFAULT_DATA: &str = include_str!("../assets/kent-2011-12-key-activity.json");
/// The name shown for the built-in dataset.
pub const DEFAULT_DATA_NAME: &str = "kent-2011-12-key-activity.json";

/// Reads `data-src`, `data-indicator`, `data-year` and `data-view`.
fn route_from_element(element: &web_sys::Element) -> Route {
    let read = |name: &str| {
        element
            .get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    Route {
        src: read("data-src"),
        indicator: read("data-indicator"),
        year: read("data-year"),
        view: read("data-view"),
        ..Route::default()
    }
}

fn main() {
    let window = gloo::utils::window();
    let Some(document) = window.document() else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-outturn]") else {
        return;
    };
    let location = window.location();
    let page = Route::parse(&location.search().unwrap_or_default())
        .overridden_by(&Route::parse(&location.hash().unwrap_or_default()));
    for index in 0..hosts.length() {
        let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let owns_url = index == 0;
        let mut route = route_from_element(&host);
        if owns_url {
            route = route.overridden_by(&page);
        }
        yew::Renderer::<app::App>::with_root_and_props(host, app::AppProps { route, owns_url })
            .render();
    }
}
