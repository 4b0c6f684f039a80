//! Light, dark, high contrast or automatic (following the system's colour
//! scheme and contrast preference).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{Action, ThemeChoice};

/// Props of [`ThemeSelect`].
#[derive(Properties, PartialEq)]
pub struct ThemeSelectProps {
    /// Element id, unique on the page.
    pub id: AttrValue,
    /// Current choice.
    pub current: ThemeChoice,
    /// Receives [`Action::SelectTheme`].
    pub on_action: Callback<Action>,
}

/// The colour theme picker.
#[component]
pub fn ThemeSelect(props: &ThemeSelectProps) -> Html {
    let on_action = props.on_action.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let choice = match select.value().as_str() {
            "light" => ThemeChoice::Light,
            "dark" => ThemeChoice::Dark,
            "contrast" => ThemeChoice::Contrast,
            _ => ThemeChoice::Auto,
        };
        on_action.emit(Action::SelectTheme(choice));
    });
    let option = |choice: ThemeChoice, label: &str| {
        html! { <option value={choice.slug()} selected={choice == props.current}>{ label.to_string() }</option> }
    };
    html! {
        <div class="outturn-field outturn-theme">
            <label for={props.id.clone()}>{ "Colours" }</label>
            <select id={props.id.clone()} class="outturn-theme-select" {onchange}>
                { option(ThemeChoice::Auto, "As my system") }
                { option(ThemeChoice::Light, "Light") }
                { option(ThemeChoice::Dark, "Dark") }
                { option(ThemeChoice::Contrast, "High contrast") }
            </select>
        </div>
    }
}
