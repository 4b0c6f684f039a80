//! The panic hook: a panic shows as a visible alert in every widget on the
//! page, instead of a silently frozen chart, and goes to the console.

use wasm_bindgen::JsCast as _;
use web_sys::Element;

use crate::host::MOUNTED;

/// Installs the hook, through Yew, which would otherwise install its own
/// console-only hook.
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        show_panic(info);
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// Shows a panic in every widget on the page as a visible alert. (With
/// `panic = "abort"` the module stops after this runs, so the message says
/// to reload.) The text goes in as text, never markup.
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
