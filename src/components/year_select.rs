//! Picks the financial year.

use outturn_core::model::FinancialYear;
use yew::prelude::*;

use crate::state::Action;
use outturn_web_kit::select::{labelled_select, Picker};

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
    let on_action = props.on_action.clone();
    let on_value = Callback::from(move |value: String| {
        if let Some(year) = FinancialYear::parse(&value) {
            on_action.emit(Action::SelectYear(year));
        }
    });
    let choices = props.years.iter().rev().map(|year| {
        let text = AttrValue::from(year.to_string());
        (text.clone(), text, Some(*year) == props.selected)
    });
    let picker = Picker {
        id: props.id.clone(),
        label: "Financial year",
        field_class: "",
        select_class: "outturn-year",
    };
    labelled_select(picker, choices.collect(), on_value)
}
