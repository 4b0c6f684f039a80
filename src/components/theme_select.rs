//! Light, dark, high contrast or automatic (following the system's colour
//! scheme and contrast preference).

use yew::prelude::*;

use outturn_web_kit::select::{choice, labelled_select, Picker};

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
    let on_value = Callback::from(move |value: String| {
        if let Some(choice) = ThemeChoice::from_slug(&value) {
            on_action.emit(Action::SelectTheme(choice));
        }
    });
    let choices = ThemeChoice::ALL
        .iter()
        .map(|c| choice(c.slug(), c.label(), *c == props.current));
    let picker = Picker {
        id: props.id.clone(),
        label: "Colours",
        field_class: "outturn-theme",
        select_class: "outturn-theme-select",
    };
    labelled_select(picker, choices.collect(), on_value)
}
