//! Switches between the views (overview, budget vs actual, year to date,
//! variance, year on year, cost, forecast). Views with nothing to show for
//! the indicator (cost without a unit cost) are left out.

use outturn_core::view::View;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`ViewTabs`].
#[derive(Properties, PartialEq)]
pub struct ViewTabsProps {
    /// The view shown.
    pub current: View,
    /// Views offered, with their tab labels for the indicator shown
    /// ([`View::label_for`]).
    pub available: Vec<(View, &'static str)>,
    /// Receives [`Action::SelectView`].
    pub on_action: Callback<Action>,
}

/// A row of toggle buttons, one per view.
#[component]
pub fn ViewTabs(props: &ViewTabsProps) -> Html {
    html! {
        <nav class="outturn-views" aria-label="Views">
            <ul>
                { for props.available.iter().map(|(view, label)| {
                    let on_action = props.on_action.clone();
                    let view = *view;
                    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::SelectView(view)));
                    html! {
                        <li>
                            <button type="button" class="outturn-view-button" data-view={view.slug()}
                                aria-pressed={(view == props.current).to_string()} {onclick}>
                                { *label }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
