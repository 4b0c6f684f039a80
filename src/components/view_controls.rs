//! The choices a view offers: the cost convention (cost view), the
//! projection method and "as at" period (forecast view).

use outturn_core::analysis::{CostConvention, ForecastMethod};
use outturn_core::format::capitalise;
use outturn_core::view::{View, ViewOptions};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`ViewControls`].
#[derive(Properties, PartialEq)]
pub struct ViewControlsProps {
    /// Element id prefix, unique on the page.
    pub id: AttrValue,
    /// The view shown.
    pub view: View,
    /// Current choices.
    pub options: ViewOptions,
    /// "As at" periods offered: (index, label).
    pub as_at_choices: std::rc::Rc<Vec<(usize, String)>>,
    /// Receives the select actions.
    pub on_action: Callback<Action>,
}

fn select_value(event: &Event) -> String {
    let select: HtmlSelectElement = event.target_unchecked_into();
    select.value()
}

/// Controls for the current view, or nothing.
#[component]
pub fn ViewControls(props: &ViewControlsProps) -> Html {
    let on_action = props.on_action.clone();
    match props.view {
        View::Cost => {
            let id = format!("{}-convention", props.id);
            let onchange = Callback::from(move |event: Event| {
                if let Some(convention) = CostConvention::from_slug(&select_value(&event)) {
                    on_action.emit(Action::SelectConvention(convention));
                }
            });
            let current = props.options.convention;
            html! {
                <div class="outturn-view-controls">
                    <div class="outturn-field">
                        <label for={id.clone()}>{ "Split the £ effect with" }</label>
                        <select id={id} class="outturn-convention" {onchange}>
                            { for CostConvention::ALL.iter().map(|convention| html! {
                                <option value={convention.slug()} selected={*convention == current}>
                                    { convention.label() }
                                </option>
                            }) }
                        </select>
                    </div>
                </div>
            }
        }
        View::Forecast => {
            let method_id = format!("{}-method", props.id);
            let as_at_id = format!("{}-as-at", props.id);
            let method_action = on_action.clone();
            let on_method = Callback::from(move |event: Event| {
                if let Some(method) = ForecastMethod::from_slug(&select_value(&event)) {
                    method_action.emit(Action::SelectMethod(method));
                }
            });
            let on_as_at = Callback::from(move |event: Event| {
                if let Ok(period) = select_value(&event).parse() {
                    on_action.emit(Action::SelectAsAt(period));
                }
            });
            let last = props.as_at_choices.last().map(|(i, _)| *i);
            let as_at = props.options.as_at.or(last);
            html! {
                <div class="outturn-view-controls">
                    <div class="outturn-field">
                        <label for={method_id.clone()}>{ "Project the rest of the year by" }</label>
                        <select id={method_id} class="outturn-method" onchange={on_method}>
                            { for ForecastMethod::ALL.iter().map(|method| html! {
                                <option value={method.slug()} selected={*method == props.options.method}>
                                    { capitalise(method.describe()) }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="outturn-field">
                        <label for={as_at_id.clone()}>{ "As at" }</label>
                        <select id={as_at_id} class="outturn-as-at" onchange={on_as_at}>
                            { for props.as_at_choices.iter().map(|(index, label)| html! {
                                <option value={index.to_string()} selected={Some(*index) == as_at}>{ label.clone() }</option>
                            }) }
                        </select>
                    </div>
                </div>
            }
        }
        _ => Html::default(),
    }
}
