//! Chart colours from the widget's CSS custom properties
//! (`--outturn-actual`, `--outturn-budget`, ...), so a host page restyles
//! charts with CSS alone, in any CSS colour syntax, and high-contrast and
//! forced-colours modes (system colours) reach the SVG too. Each property is
//! resolved by the browser through a hidden probe element's computed
//! `color`; anything unreadable keeps the default.

use outturn_core::chart::{Colour, Theme};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};

/// The theme for the widget rooted at `element`.
pub fn read_theme(element: &Element) -> Theme {
    let mut theme = Theme::light();
    let window = gloo::utils::window();
    let Some(probe) = window
        .document()
        .and_then(|document| document.create_element("span").ok())
        .and_then(|span| span.dyn_into::<HtmlElement>().ok())
    else {
        return theme;
    };
    let _ = probe.set_attribute("aria-hidden", "true");
    probe.set_hidden(true);
    if element.append_child(&probe).is_err() {
        return theme;
    }
    let slots: [(&str, &mut Colour); 12] = [
        ("--outturn-background", &mut theme.background),
        ("--outturn-text", &mut theme.text),
        ("--outturn-text-muted", &mut theme.text_muted),
        ("--outturn-grid", &mut theme.grid),
        ("--outturn-axis", &mut theme.axis),
        ("--outturn-budget", &mut theme.budget),
        ("--outturn-actual", &mut theme.actual),
        ("--outturn-forecast", &mut theme.forecast),
        ("--outturn-previous", &mut theme.previous),
        ("--outturn-next-budget", &mut theme.next_budget),
        ("--outturn-over", &mut theme.over),
        ("--outturn-under", &mut theme.under),
    ];
    for (property, slot) in slots {
        // Set through the CSSOM, which strict style-src policies allow.
        if probe
            .style()
            .set_property("color", &format!("var({property})"))
            .is_err()
        {
            continue;
        }
        let computed = window
            .get_computed_style(&probe)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("color").ok());
        if let Some(colour) = computed.as_deref().and_then(Colour::parse_css) {
            *slot = colour;
        }
    }
    probe.remove();
    theme
}
