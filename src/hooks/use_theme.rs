//! `use_theme`: the chart colours, read from the widget's CSS custom
//! properties (`theme.rs`) after the first render and again when the theme
//! choice or the system's colour scheme changes.

use outturn_core::chart::Theme;
use web_sys::Element;
use yew::prelude::*;

use crate::state::State;
use crate::theme::read_theme;

/// The chart colours for the widget rooted at `root`.
#[hook]
pub fn use_theme(state: &State, root: NodeRef) -> Theme {
    // Set only when the colours differ: the first render draws with the
    // light theme, which is what the stylesheet gives unless the reader
    // chose or the system asks for another.
    let theme = use_state_eq(Theme::light);
    {
        let theme = theme.clone();
        use_effect_with((state.theme, state.media_epoch), move |_| {
            if let Some(element) = root.cast::<Element>() {
                theme.set(read_theme(&element));
            }
        });
    }
    *theme
}
