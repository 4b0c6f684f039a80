//! The scorecard: the performance report's summary table as a real table
//! (a row header per indicator, sortable columns marked with `aria-sort`),
//! the statuses counted above it, an order and a status filter. Each row's
//! indicator is a button that opens it; ArrowUp and ArrowDown (Home, End)
//! move between the rows' buttons, as the core's `scorecard_key` decides.
//! Status is a word and a symbol as well as a colour.

use std::rc::Rc;

use outturn_core::chart::Theme;
use outturn_core::view::{Scorecard, ScorecardRow, ScorecardSort, StatusFilter, SCORECARD_COLUMNS};
use yew::prelude::*;

use super::hex;
use super::indicator_table::{
    indicator_table, row_header, sparkline, standing, text_cells, IndicatorTable,
};
use crate::state::{Action, Shared};
use outturn_web_kit::select::{choice, labelled_select, Picker};

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

/// One indicator's row; its name opens the indicator.
fn table_row(index: usize, row: &ScorecardRow, theme: &Theme, on_open: &Callback<String>) -> Html {
    let lines = [
        (row.target_line.as_slice(), hex(theme.budget), true),
        (row.actual_line.as_slice(), hex(theme.actual), false),
    ];
    html! {
        <tr data-indicator={row.id.clone()}>
            { row_header(index, &row.id, &row.title, String::new(), on_open) }
            <td>{ standing(row.standing().slug(), row.status_words, row.flag.clone()) }</td>
            { text_cells(row.cells()) }
            <td>{ sparkline(&lines, Some(row.spark_label.clone())) }</td>
        </tr>
    }
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
                { indicator_table(IndicatorTable {
                    class: "outturn-scorecard-table",
                    caption_id,
                    caption: format!("{}. Choose an indicator to open it; the arrow keys move between indicators.", card.title),
                    first: "Indicator",
                    headings: SCORECARD_COLUMNS
                        .iter()
                        .map(|(key, heading)| (*heading, sorted.filter(|(column, _)| column == key).map(|(_, how)| how)))
                        .collect(),
                    rows: card.rows.iter().enumerate().map(|(index, row)| table_row(index, row, &props.theme, &props.on_open)).collect(),
                    count: card.rows.len(),
                    footer: Html::default(),
                }) }
            }
        </div>
    }
}
