//! Chart colours from the widget's CSS custom properties
//! (`--outturn-actual`, `--outturn-budget`, ...), so a host page restyles
//! charts with CSS alone. Missing or unreadable properties keep the default.

use outturn_core::chart::{Colour, Theme};
use web_sys::Element;

/// The theme for the widget rooted at `element`.
pub fn read_theme(element: &Element) -> Theme {
    let mut theme = Theme::light();
    let Ok(Some(style)) = gloo::utils::window().get_computed_style(element) else {
        return theme;
    };
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
        if let Some(colour) = style
            .get_property_value(property)
            .ok()
            .and_then(|value: String| Colour::parse_hex(&value))
        {
            *slot = colour;
        }
    }
    theme
}
