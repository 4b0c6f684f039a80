//! Picks the indicator: a search box that narrows a list grouped by
//! portfolio (`group`).

use outturn_core::view::grouped_indicators;
use outturn_core::Dataset;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::Shared;

/// Props of [`IndicatorPicker`].
#[derive(Properties, PartialEq)]
pub struct IndicatorPickerProps {
    /// Element id prefix, unique on the page.
    pub id: AttrValue,
    /// The dataset whose indicators are listed (compared by identity).
    pub dataset: Shared<Dataset>,
    /// Id of the selected indicator.
    pub selected: Option<String>,
    /// Search text; empty lists everything.
    pub search: String,
    /// Called with the id of the indicator picked.
    pub on_select: Callback<String>,
    /// Called with the new search text.
    pub on_search: Callback<String>,
}

/// Search box and grouped indicator list.
#[component]
pub fn IndicatorPicker(props: &IndicatorPickerProps) -> Html {
    let groups = grouped_indicators(&props.dataset, &props.search);
    let shown: usize = groups.iter().map(|(_, members)| members.len()).sum();
    let selected = props.selected.clone().unwrap_or_default();
    // The selected indicator stays listed even when the search hides it, so
    // the list never claims a selection the chart does not show.
    let selected_hidden = !groups
        .iter()
        .any(|(_, members)| members.iter().any(|i| i.id == selected));
    let hidden_option = props
        .dataset
        .indicator(&selected)
        .filter(|_| selected_hidden)
        .map(|i| html! { <option value={i.id.clone()} selected=true>{ i.title.clone() }</option> });
    let on_change = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_select.emit(select.value());
        })
    };
    let on_input = {
        let on_search = props.on_search.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_search.emit(input.value());
        })
    };
    let search_id = format!("{}-search", props.id);
    let count_id = format!("{}-count", props.id);
    let total = props.dataset.indicators.len();
    html! {
        <div class="outturn-picker">
            <div class="outturn-field">
                <label for={search_id.clone()}>{ "Search indicators" }</label>
                <input
                    id={search_id}
                    class="outturn-search"
                    type="search"
                    autocomplete="off"
                    value={props.search.clone()}
                    oninput={on_input}
                    aria-describedby={count_id.clone()}
                />
            </div>
            <div class="outturn-field">
                <label for={props.id.clone()}>{ "Indicator" }</label>
                <select id={props.id.clone()} class="outturn-indicator" onchange={on_change}>
                    { for hidden_option }
                    { for groups.iter().map(|(group, members)| html! {
                        <optgroup label={group.clone()}>
                            { for members.iter().map(|indicator| html! {
                                <option value={indicator.id.clone()} selected={indicator.id == selected}>
                                    { indicator.title.clone() }
                                </option>
                            }) }
                        </optgroup>
                    }) }
                </select>
                <span id={count_id} class="outturn-count" aria-live="polite">
                    { if shown == total { format!("{total} indicators") } else { format!("{shown} of {total} indicators match") } }
                </span>
            </div>
        </div>
    }
}
