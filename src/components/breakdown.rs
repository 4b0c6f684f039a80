//! The breakdown: an indicator's parts as the table a monitoring report
//! prints (a row header per part, its figures, a variance bar on one scale
//! with over or under in words and a symbol, a trend sparkline), the whole
//! as the total row, the check that the parts add up, and the trail of
//! wholes above. Every row's name is a button: a part with parts opens its
//! own breakdown, any other its chart; ArrowUp, ArrowDown, Home and End
//! move between rows (the core's `scorecard_key`).

use std::rc::Rc;

use outturn_core::chart::Theme;
use outturn_core::format::Standing;
use outturn_core::view::{
    scorecard_key, Breakdown, BreakdownRow, BreakdownSort, VarianceBar, SPARKLINE_SIZE,
};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::hex;
use super::select::{choice, labelled_select, Picker};
use crate::state::{Action, Shared};

/// Props of [`BreakdownTable`].
#[derive(Properties, PartialEq)]
pub struct BreakdownProps {
    /// Id of the heading (the section is labelled by it) and prefix of the
    /// controls' ids.
    pub title_id: AttrValue,
    /// The breakdown (compared by identity).
    pub breakdown: Shared<Breakdown>,
    /// Current order.
    pub sort: BreakdownSort,
    /// Trends each on their own scale.
    pub own_scale: bool,
    /// Receives [`Action::OpenPart`], [`Action::SelectBreakdownSort`] and
    /// [`Action::ToggleOwnScale`].
    pub on_action: Callback<Action>,
    /// Colours.
    pub theme: Theme,
}

/// Width and height of a variance bar's box, pixels.
const BAR_BOX: (f64, f64) = (120.0, 14.0);

/// A variance bar: zero in the middle, over to the right, under to the left.
fn variance_bar(bar: Option<VarianceBar>, theme: &Theme) -> Html {
    let (width, height) = BAR_BOX;
    let Some(bar) = bar else {
        return Html::default();
    };
    let (from, to) = (bar.zero.min(bar.end) * width, bar.zero.max(bar.end) * width);
    let fill = hex(if bar.over { theme.over } else { theme.under });
    let zero = bar.zero * width;
    html! {
        <svg class="outturn-variance-bar" width={width.to_string()} height={height.to_string()}
            viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
            <rect x={format!("{from:.1}")} y="2" width={format!("{:.1}", (to - from).max(1.0))} height={(height - 4.0).to_string()} fill={fill} />
            <line x1={format!("{zero:.1}")} x2={format!("{zero:.1}")} y1="0" y2={height.to_string()} stroke={hex(theme.text)} stroke-width="1" />
        </svg>
    }
}

/// A row's trend sparkline, or nothing.
fn trend(row: &BreakdownRow, theme: &Theme) -> Html {
    let (width, height) = SPARKLINE_SIZE;
    let actual = hex(theme.actual);
    html! {
        <svg class="outturn-spark" width="80" height="24" viewBox={format!("0 0 {width} {height}")}
            aria-hidden="true" focusable="false">
            { for row.spark.iter().map(|points| html! {
                <polyline points={points.clone()} fill="none" stroke={actual.clone()} stroke-width="2" />
            }) }
        </svg>
    }
}

/// The cells of a row after its name.
fn cells(row: &BreakdownRow, theme: &Theme, trends: bool) -> Html {
    let standing = format!("outturn-standing-{}", row.standing.slug());
    html! {
        <>
            { for row.cells.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }
            <td class="outturn-breakdown-bar">
                { variance_bar(row.bar, theme) }
                if row.standing != Standing::NoBudget {
                    <span class={classes!("outturn-standing", standing)}>{ row.standing.words() }</span>
                }
            </td>
            if trends {
                <td>{ trend(row, theme) }</td>
            }
        </>
    }
}

/// A part's row; its name opens it.
fn part_row(index: usize, row: &BreakdownRow, props: &BreakdownProps, trends: bool) -> Html {
    let id = row.id.clone();
    let on_action = props.on_action.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::OpenPart(id.clone())));
    let opens = if row.parts > 0 {
        format!("{} parts", row.parts)
    } else {
        "chart".to_string()
    };
    html! {
        <tr data-indicator={row.id.clone()}>
            <th scope="row">
                <button type="button" class="outturn-scorecard-open" data-row={index.to_string()} {onclick}>
                    { row.title.clone() }
                </button>
                <span class="outturn-breakdown-opens">{ format!(" ({opens})") }</span>
            </th>
            { cells(row, &props.theme, trends) }
        </tr>
    }
}

/// Moves the focus between the rows' buttons (see the module header).
fn on_row_key(rows: usize) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
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

/// The wholes above, each a button back up.
fn trail(props: &BreakdownProps, table: &Breakdown) -> Html {
    if table.trail.is_empty() {
        return Html::default();
    }
    html! {
        <nav class="outturn-trail" aria-label="Wholes above this one">
            <ol>
                { for table.trail.iter().map(|(id, title)| {
                    let (id, on_action) = (id.clone(), props.on_action.clone());
                    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::OpenPart(id.clone())));
                    html! { <li><button type="button" class="outturn-trail-link" {onclick}>{ title.clone() }</button></li> }
                }) }
                <li aria-current="page">{ table.total.title.clone() }</li>
            </ol>
        </nav>
    }
}

/// The order picker and, with trends, the scale switch.
fn controls(props: &BreakdownProps, trends: bool) -> Html {
    let on_action = props.on_action.clone();
    let on_sort = Callback::from(move |value: String| {
        if let Some(sort) = BreakdownSort::from_slug(&value) {
            on_action.emit(Action::SelectBreakdownSort(sort));
        }
    });
    let sorts = BreakdownSort::ALL
        .iter()
        .map(|s| choice(s.slug(), s.label(), *s == props.sort))
        .collect();
    let picker = Picker {
        id: format!("{}-sort", props.title_id).into(),
        label: "Order",
        field_class: "outturn-sort",
        select_class: "",
    };
    let on_action = props.on_action.clone();
    let on_scale = Callback::from(move |_: Event| on_action.emit(Action::ToggleOwnScale));
    let scale_id = format!("{}-scale", props.title_id);
    html! {
        <div class="outturn-controls outturn-breakdown-controls">
            { labelled_select(picker, sorts, on_sort) }
            if trends {
                <div class="outturn-field outturn-check">
                    <input type="checkbox" id={scale_id.clone()} checked={props.own_scale} onchange={on_scale} />
                    <label for={scale_id}>{ "Each trend on its own scale" }</label>
                </div>
            }
        </div>
    }
}

/// An indicator's parts side by side.
#[component]
pub fn BreakdownTable(props: &BreakdownProps) -> Html {
    let table: &Rc<Breakdown> = &props.breakdown.0;
    let trends = !table.trend.is_empty();
    let caption_id = format!("{}-caption", props.title_id);
    html! {
        <div class="outturn-breakdown">
            { trail(props, table) }
            <h2 class="outturn-title" id={props.title_id.clone()}>{ table.title.clone() }</h2>
            <p class="outturn-subtitle">{ table.subtitle.clone() }</p>
            { controls(props, trends) }
            <div class="outturn-table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
                <table class="outturn-breakdown-table">
                    <caption id={caption_id} class="outturn-sr-only">
                        { format!("{}. Choose a part to open it; the arrow keys move between parts.", table.title) }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Part" }</th>
                            { for table.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                            <th scope="col" class="outturn-breakdown-bar">{ "Over or under" }</th>
                            if trends {
                                <th scope="col">{ "Trend" }</th>
                            }
                        </tr>
                    </thead>
                    <tbody onkeydown={on_row_key(table.rows.len())}>
                        { for table.rows.iter().enumerate().map(|(i, row)| part_row(i, row, props, trends)) }
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{ format!("Total: {}", table.total.title) }</th>
                            { cells(&table.total, &props.theme, trends) }
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p class="outturn-breakdown-check">{ table.check.clone() }</p>
            if !table.bar_scale.is_empty() {
                <p class="outturn-subtitle">{ table.bar_scale.clone() }</p>
            }
            if trends {
                <p class="outturn-subtitle">{ format!("Trend: {}.", table.trend) }</p>
            }
        </div>
    }
}
