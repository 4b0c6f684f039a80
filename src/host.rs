//! Host discovery: every `.outturn` / `[data-outturn]` element on the page
//! gets one independent widget when the module starts, configured by its
//! `data-src`, `data-indicator`, `data-year`, `data-view` and
//! `data-timeout` attributes. `data-src` is a URL, or `#id` of an inline
//! `<script type="application/json">` element. The first host marked
//! `data-url="hash"` also follows the page URL (the query string and hash
//! override its attributes, and the widget keeps the hash in step); the
//! others leave the page URL alone. [`props_for`] turns a host's options
//! into the widget's props, here and for the JavaScript API (`api.rs`).

use wasm_bindgen::JsCast as _;
use web_sys::Element;

use crate::mount::{mount_point, render};
use crate::props::{AppProps, InlineData, Start};
use crate::route::UrlText as _;
use crate::state::Route;

/// Marks a host element that already has a widget.
pub const MOUNTED: &str = "data-outturn-mounted";

/// Mounts a widget on every host on the page that has none yet.
pub fn mount_all() {
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
        // Automatically mounted widgets live as long as the page.
        render(&host, root, props_for(route, None, owns_url, timeout));
    }
}

/// Reads `data-src`, `data-indicator`, `data-year` and `data-view`.
fn route_from_element(element: &Element) -> Route {
    let read = |name: &str| {
        element
            .get_attribute(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut route = Route::default();
    for (attribute, key) in [
        ("data-src", "src"),
        ("data-indicator", "indicator"),
        ("data-year", "year"),
        ("data-view", "view"),
    ] {
        if let Some(value) = read(attribute) {
            route.set(key, &value);
        }
    }
    route
}

/// Props for a host: an inline `#id` source becomes data; `timeout_ms`
/// defaults to [`crate::fetch::DEFAULT_TIMEOUT_MS`]. The `start` is left
/// empty for [`render`] to fill in.
pub fn props_for(
    route: Route,
    data: Option<String>,
    owns_url: bool,
    timeout_ms: Option<u32>,
) -> AppProps {
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
    AppProps {
        timeout_ms: timeout_ms.unwrap_or(crate::fetch::DEFAULT_TIMEOUT_MS),
        route,
        owns_url,
        start: Start::default(),
        data: data.map(|(text, name)| InlineData {
            text: text.into(),
            name: name.into(),
        }),
    }
}
