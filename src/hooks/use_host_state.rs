//! `use_host_state`: the widget's status ("loading", "ready", "error")
//! mirrored on its host element's `data-outturn-state`, for pages and tests
//! that look for it without entering the shadow root.

use wasm_bindgen::JsCast as _;
use web_sys::Element;
use yew::prelude::*;

/// Writes `status` to the host's `data-outturn-state` when it differs.
///
/// It is written as this render runs, not only in an effect: Yew may hand
/// a frame to the browser between committing a render and running its
/// effects, and the host would go on saying "loading" over a chart already
/// drawn and answering the pointer. Observers of the host still see the
/// change only once this render's DOM is in place, since mutation observers
/// run as microtasks, after Yew's render pass. The host comes from
/// mount.rs (`host`); a widget mounted without it finds it from `root`
/// once rendered.
#[hook]
pub fn use_host_state(status: &'static str, root: NodeRef, host: Option<Element>) {
    let mirror_status = move |status: &str| {
        let host = host.clone().or_else(|| {
            root.cast::<Element>()
                .map(|element| element.get_root_node())
                .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok())
                .map(|shadow| shadow.host())
        });
        if let Some(host) =
            host.filter(|host| host.get_attribute("data-outturn-state").as_deref() != Some(status))
        {
            let _ = host.set_attribute("data-outturn-state", status);
        }
    };
    mirror_status(status);
    use_effect_with(status, move |status| mirror_status(status));
}
