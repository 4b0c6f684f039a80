//! The scorecard: the performance report's summary table as a real table
//! (a row header per indicator, sortable columns marked with `aria-sort`),
//! the statuses counted above it, an order and a status filter. Each row's
//! indicator is a button that opens it; ArrowUp and ArrowDown (Home, End)
//! move between the rows' buttons, as the core's `scorecard_key` decides.
//! Status is a word and a symbol as well as a colour.

use std::rc::Rc;

use outturn_core::chart::Theme;
use outturn_core::view::{
    scorecard_key, Scorecard, ScorecardRow, ScorecardSort, StatusFilter, SCORECARD_COLUMNS,
    SPARKLINE_SIZE,
};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::hex;
use super::select::{choice, labelled_select, Picker};
use crate::state::{Action, Shared};

/// Props of [`ScorecardTable`].
#[derive(Properties, PartialEq)]
pub struct ScorecardProps {
    /// Id of the heading (the section is labelled by it) and prefix of the
    /// controls' ids.
    pub title_id: AttrValue,
    /// The scorecard (compared by identity: rebuilt only when the data,
    /// year, order or filter change).
    pub scorecard: Shared<Scorecard>,
    /// Current order.
    pub sort: ScorecardSort,
    /// Current filter.
    pub filter: StatusFilter,
    /// Called with an indicator id to open it.
    pub on_open: Callback<String>,
    /// Receives [`Action::SelectScorecardSort`] and [`Action::FilterStatus`].
    pub on_action: Callback<Action>,
    /// Colours.
    pub theme: Theme,
}

/// The row's sparkline: actual solid, target dashed, on one scale.
fn sparkline(row: &ScorecardRow, theme: &Theme) -> Html {
    // Drawn two thirds the overview's size, to keep the table narrow.
    let (width, height) = SPARKLINE_SIZE;
    let (actual, target) = (hex(theme.actual), hex(theme.budget));
    html! {
        <svg class="outturn-spark" width="80" height="24"
            viewBox={format!("0 0 {width} {height}")} role="img" aria-label={row.spark_label.clone()} focusable="false">
            { for row.target_line.iter().map(|points| html! {
                <polyline points={points.clone()} fill="none" stroke={target.clone()} stroke-width="1.5" stroke-dasharray="4 3" />
            }) }
            { for row.actual_line.iter().map(|points| html! {
                <polyline points={points.clone()} fill="none" stroke={actual.clone()} stroke-width="2" />
            }) }
        </svg>
    }
}

/// One indicator's row; its button opens the indicator.
fn table_row(index: usize, row: &ScorecardRow, theme: &Theme, on_open: &Callback<String>) -> Html {
    let id = row.id.clone();
    let on_open = on_open.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(id.clone()));
    let standing = format!("outturn-standing-{}", row.standing().slug());
    html! {
        <tr data-indicator={row.id.clone()}>
            <th scope="row">
                <button type="button" class="outturn-scorecard-open" data-row={index.to_string()} {onclick}>
                    { row.title.clone() }
                </button>
            </th>
            <td>
                <span class={classes!("outturn-standing", standing)}>{ row.status_words }</span>
                if let Some(flag) = &row.flag {
                    <span class="outturn-scorecard-flag">{ flag.clone() }</span>
                }
            </td>
            { for row.cells().into_iter().map(|cell| html! { <td>{ cell.to_string() }</td> }) }
            <td>{ sparkline(row, theme) }</td>
        </tr>
    }
}

/// Moves the focus between the rows' buttons on ArrowUp, ArrowDown, Home
/// and End (as the core's [`scorecard_key`] decides); other keys pass.
fn on_row_key(rows: usize) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        // Only the rows' buttons carry `data-row`.
        let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(at) = button
            .get_attribute("data-row")
            .and_then(|r| r.parse::<usize>().ok())
        else {
            return;
        };
        let Some(next) = scorecard_key(&event.key(), at, rows) else {
            return;
        };
        event.prevent_default();
        let found = button
            .closest("tbody")
            .ok()
            .flatten()
            .and_then(|body| {
                body.query_selector(&format!("[data-row=\"{next}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(found) = found {
            let _ = found.focus();
        }
    })
}

/// The order and filter pickers.
fn controls(props: &ScorecardProps, card: &Scorecard) -> Html {
    let on_sort = {
        let on_action = props.on_action.clone();
        Callback::from(move |value: String| {
            if let Some(sort) = ScorecardSort::from_slug(&value) {
                on_action.emit(Action::SelectScorecardSort(sort));
            }
        })
    };
    let on_filter = {
        let on_action = props.on_action.clone();
        Callback::from(move |value: String| {
            if let Some(filter) = StatusFilter::from_slug(&value) {
                on_action.emit(Action::FilterStatus(filter));
            }
        })
    };
    let sorts = ScorecardSort::ALL
        .iter()
        .map(|s| choice(s.slug(), s.label(), *s == props.sort));
    let filters = card.filters.iter().map(|(f, label)| {
        (
            AttrValue::Static(f.slug()),
            AttrValue::from(label.clone()),
            *f == props.filter,
        )
    });
    let picker = |name: &str, label, field_class| Picker {
        id: format!("{}-{name}", props.title_id).into(),
        label,
        field_class,
        select_class: "",
    };
    html! {
        <div class="outturn-controls outturn-scorecard-controls">
            { labelled_select(picker("sort", "Order", "outturn-sort"), sorts.collect(), on_sort) }
            { labelled_select(picker("filter", "Show", "outturn-filter"), filters.collect(), on_filter) }
        </div>
    }
}

/// The performance report's summary table.
#[component]
pub fn ScorecardTable(props: &ScorecardProps) -> Html {
    let card: &Rc<Scorecard> = &props.scorecard.0;
    let sorted = props.sort.column();
    let caption_id = format!("{}-caption", props.title_id);
    html! {
        <div class="outturn-scorecard">
            <h2 class="outturn-title" id={props.title_id.clone()}>{ card.title.clone() }</h2>
            if let Some(counts) = &card.reported_counts {
                <p class="outturn-scorecard-counts">{ counts.clone() }</p>
            }
            <p class="outturn-scorecard-counts">{ card.computed_counts.clone() }</p>
            { controls(props, card) }
            if card.rows.is_empty() {
                <p class="outturn-subtitle">{ "No indicator has this status." }</p>
            } else {
                <div class="outturn-table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
                    <table class="outturn-scorecard-table">
                        <caption id={caption_id} class="outturn-sr-only">
                            { format!("{}. Choose an indicator to open it; the arrow keys move between indicators.", card.title) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Indicator" }</th>
                                { for SCORECARD_COLUMNS.iter().map(|(key, heading)| html! {
                                    <th scope="col" aria-sort={sorted.filter(|(column, _)| column == key).map(|(_, how)| how)}>
                                        { *heading }
                                    </th>
                                }) }
                            </tr>
                        </thead>
                        <tbody onkeydown={on_row_key(card.rows.len())}>
                            { for card.rows.iter().enumerate().map(|(index, row)| table_row(index, row, &props.theme, &props.on_open)) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
