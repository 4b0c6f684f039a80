//! Picks the financial year.

use outturn_core::model::FinancialYear;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`YearSelect`].
#[derive(Properties, PartialEq)]
pub struct YearSelectProps {
    /// Element id, unique on the page.
    pub id: AttrValue,
    /// Years available, oldest first.
    pub years: Vec<FinancialYear>,
    /// The year shown.
    pub selected: Option<FinancialYear>,
    /// Receives [`Action::SelectYear`].
    pub on_action: Callback<Action>,
}

/// A list of the indicator's financial years, newest first.
#[component]
pub fn YearSelect(props: &YearSelectProps) -> Html {
    let on_change = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(year) = FinancialYear::parse(&select.value()) {
                on_action.emit(Action::SelectYear(year));
            }
        })
    };
    html! {
        <div class="outturn-field">
            <label for={props.id.clone()}>{ "Financial year" }</label>
            <select id={props.id.clone()} class="outturn-year" onchange={on_change}>
                { for props.years.iter().rev().map(|year| html! {
                    <option value={year.to_string()} selected={Some(*year) == props.selected}>
                        { year.to_string() }
                    </option>
                }) }
            </select>
        </div>
    }
}
