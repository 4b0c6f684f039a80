//! The overview: every indicator as a small multiple (sparkline of budget
//! and actual, the year-to-date variance in units and %, over or under by
//! word and symbol as well as colour), grouped by portfolio, sortable by the
//! size of the variance. Each card opens its indicator.

use std::rc::Rc;

use outturn_core::chart::Theme;
use outturn_core::model::FinancialYear;
use outturn_core::view::{DashboardEntry, DashboardOrder, SPARKLINE_SIZE};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::hex;
use crate::state::Action;

/// Props of [`Dashboard`].
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// Id of the heading (the section is labelled by it).
    pub title_id: AttrValue,
    /// Entries grouped by portfolio.
    pub groups: Rc<Vec<(String, Vec<DashboardEntry>)>>,
    /// The selected year.
    pub year: Option<FinancialYear>,
    /// Current order.
    pub order: DashboardOrder,
    /// Called with an indicator id to open it.
    pub on_open: Callback<String>,
    /// Receives [`Action::SelectOrder`].
    pub on_action: Callback<Action>,
    /// Colours.
    pub theme: Theme,
}

fn card(entry: &DashboardEntry, theme: &Theme, on_open: &Callback<String>) -> Html {
    let (width, height) = SPARKLINE_SIZE;
    let id = entry.id.clone();
    let on_open = on_open.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(id.clone()));
    let budget = hex(theme.budget);
    let actual = hex(theme.actual);
    let figure = if entry.variance.is_none() {
        String::new()
    } else if entry.percent_text.is_empty() {
        entry.variance_text.clone()
    } else {
        format!("{} ({})", entry.variance_text, entry.percent_text)
    };
    html! {
        <li class="outturn-card-item">
            <button type="button" class={classes!("outturn-card", format!("outturn-standing-{}", entry.standing.slug()))}
                data-indicator={entry.id.clone()} {onclick}>
                <span class="outturn-card-title">{ entry.title.clone() }</span>
                <svg class="outturn-spark" width={width.to_string()} height={height.to_string()}
                    viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
                    { for entry.budget_line.iter().map(|points| html! {
                        <polyline points={points.clone()} fill="none" stroke={budget.clone()} stroke-width="1.5" stroke-dasharray="4 3" />
                    }) }
                    { for entry.actual_line.iter().map(|points| html! {
                        <polyline points={points.clone()} fill="none" stroke={actual.clone()} stroke-width="2" />
                    }) }
                </svg>
                <span class="outturn-card-figures">
                    <span class={classes!("outturn-standing", format!("outturn-standing-{}", entry.standing.slug()))}>
                        { entry.standing.words() }
                    </span>
                    <span class="outturn-card-variance">{ figure }</span>
                </span>
                <span class="outturn-card-coverage">{ format!("Year to date, {}", entry.coverage) }</span>
            </button>
        </li>
    }
}

/// All indicators at a glance.
#[component]
pub fn Dashboard(props: &DashboardProps) -> Html {
    let on_action = props.on_action.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let order = if select.value() == "variance" {
            DashboardOrder::Variance
        } else {
            DashboardOrder::Dataset
        };
        on_action.emit(Action::SelectOrder(order));
    });
    let count: usize = props.groups.iter().map(|(_, e)| e.len()).sum();
    let sort_id = format!("{}-sort", props.title_id);
    let year = props.year.map(|y| y.to_string()).unwrap_or_default();
    html! {
        <div class="outturn-dashboard">
            <h2 class="outturn-title" id={props.title_id.clone()}>{ format!("All {count} indicators, {year}") }</h2>
            <p class="outturn-subtitle">
                { "Year-to-date variance against the affordable level. Solid line: actual; dashed: affordable level. Choose an indicator to open it." }
            </p>
            <div class="outturn-field outturn-sort">
                <label for={sort_id.clone()}>{ "Order" }</label>
                <select id={sort_id} class="outturn-order" {onchange}>
                    <option value="dataset" selected={props.order == DashboardOrder::Dataset}>{ "As in the report" }</option>
                    <option value="variance" selected={props.order == DashboardOrder::Variance}>{ "Largest variance first (%)" }</option>
                </select>
            </div>
            { for props.groups.iter().filter(|(_, e)| !e.is_empty()).map(|(group, entries)| html! {
                <section class="outturn-group">
                    <h3>{ group.clone() }</h3>
                    <ul class="outturn-cards">
                        { for entries.iter().map(|entry| card(entry, &props.theme, &props.on_open)) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
