//! Picks the financial year.

use outturn_core::model::FinancialYear;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`YearSelect`].
#[derive(Properties, PartialEq)]
pub struct YearSelectProps {
    /// Element id, unique on the page.
    pub id: AttrValue,
    /// Years available, oldest first.
    pub years: Vec<FinancialYear>,
    /// The year shown.
    pub selected: Option<FinancialYear>,
    /// Called with the year picked.
    pub on_select: Callback<FinancialYear>,
}

/// A list of the indicator's financial years.
#[component]
pub fn YearSelect(props: &YearSelectProps) -> Html {
    let on_change = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(year) = FinancialYear::parse(&select.value()) {
                on_select.emit(year);
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
