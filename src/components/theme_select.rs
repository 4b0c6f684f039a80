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
        if let Some(choice) = ThemeChoice::from_slug(&select.value()) {
            on_action.emit(Action::SelectTheme(choice));
        }
    });
    html! {
        <div class="outturn-field outturn-theme">
            <label for={props.id.clone()}>{ "Colours" }</label>
            <select id={props.id.clone()} class="outturn-theme-select" {onchange}>
                { for ThemeChoice::ALL.iter().map(|choice| html! {
                    <option value={choice.slug()} selected={*choice == props.current}>{ choice.label() }</option>
                }) }
            </select>
        </div>
    }
}
