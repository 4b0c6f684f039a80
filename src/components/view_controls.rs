//! The choices a view offers: the cost convention (cost view), the
//! projection method and "as at" period (forecast view).

use outturn_core::analysis::{CostConvention, ForecastMethod};
use outturn_core::format::capitalise;
use outturn_core::view::{View, ViewOptions};
use yew::prelude::*;

use crate::state::Action;
use outturn_web_kit::select::{choice, labelled_select, Picker};

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

/// Controls for the current view, or nothing.
#[component]
pub fn ViewControls(props: &ViewControlsProps) -> Html {
    let on_action = props.on_action.clone();
    let picker = |name: &str, label, select_class| Picker {
        id: format!("{}-{name}", props.id).into(),
        label,
        field_class: "",
        select_class,
    };
    match props.view {
        View::Cost => {
            let current = props.options.convention;
            let choices = CostConvention::ALL
                .iter()
                .map(|c| choice(c.slug(), c.label(), *c == current));
            let on_value = Callback::from(move |value: String| {
                if let Some(convention) = CostConvention::from_slug(&value) {
                    on_action.emit(Action::SelectConvention(convention));
                }
            });
            html! {
                <div class="outturn-view-controls">
                    { labelled_select(picker("convention", "Split the £ effect with", "outturn-convention"), choices.collect(), on_value) }
                </div>
            }
        }
        View::Forecast => {
            let method_action = on_action.clone();
            let on_method = Callback::from(move |value: String| {
                if let Some(method) = ForecastMethod::from_slug(&value) {
                    method_action.emit(Action::SelectMethod(method));
                }
            });
            let on_as_at = Callback::from(move |value: String| {
                if let Ok(period) = value.parse() {
                    on_action.emit(Action::SelectAsAt(period));
                }
            });
            let last = props.as_at_choices.last().map(|(i, _)| *i);
            let as_at = props.options.as_at.or(last);
            let methods = ForecastMethod::ALL.iter().map(|method| {
                (
                    AttrValue::Static(method.slug()),
                    AttrValue::from(capitalise(method.describe())),
                    *method == props.options.method,
                )
            });
            let periods = props.as_at_choices.iter().map(|(index, label)| {
                (
                    AttrValue::from(index.to_string()),
                    AttrValue::from(label.clone()),
                    Some(*index) == as_at,
                )
            });
            html! {
                <div class="outturn-view-controls">
                    { labelled_select(picker("method", "Project the rest of the year by", "outturn-method"), methods.collect(), on_method) }
                    { labelled_select(picker("as-at", "As at", "outturn-as-at"), periods.collect(), on_as_at) }
                </div>
            }
        }
        _ => Html::default(),
    }
}
