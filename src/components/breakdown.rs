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
use outturn_core::view::{Breakdown, BreakdownRow, BreakdownSort, VarianceBar, VARIANCE_BAR_BOX};
use yew::prelude::*;

use super::hex;
use super::indicator_table::{
    indicator_table, row_header, sparkline, standing, text_cells, Heading, IndicatorTable,
};
use crate::state::{Action, Shared};
use outturn_web_kit::select::{choice, labelled_select, Picker};

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
    /// The period shown alone, or `None` for the year.
    pub period: Option<usize>,
    /// Receives [`Action::SelectBreakdownSort`] and
    /// [`Action::ToggleOwnScale`].
    pub on_action: Callback<Action>,
    /// Called with a part's id to open it ([`Action::OpenIndicator`]).
    pub on_open: Callback<String>,
    /// Colours.
    pub theme: Theme,
}

/// A variance bar: zero in the middle, over to the right, under to the left.
/// A row with no bar (the total, beyond the parts' scale) keeps the bar's
/// room, so its word lines up with the parts' words above it.
fn variance_bar(bar: Option<VarianceBar>, theme: &Theme) -> Html {
    let (width, height) = VARIANCE_BAR_BOX;
    let Some(bar) = bar else {
        return html! { <span class="outturn-variance-bar-none" aria-hidden="true"></span> };
    };
    let place = bar.place();
    let fill = hex(if bar.over { theme.over } else { theme.under });
    let zero = format!("{:.1}", place.zero);
    html! {
        <svg class="outturn-variance-bar" width={width.to_string()} height={height.to_string()}
            viewBox={format!("0 0 {width} {height}")} aria-hidden="true" focusable="false">
            <rect x={format!("{:.1}", place.x)} y={place.y.to_string()} width={format!("{:.1}", place.width)}
                height={place.height.to_string()} fill={fill} />
            <line x1={zero.clone()} x2={zero} y1="0" y2={height.to_string()} stroke={hex(theme.text)} stroke-width="1" />
        </svg>
    }
}

/// The cells of a row after its name.
fn cells(row: &BreakdownRow, theme: &Theme, trend_label: &str) -> Html {
    let trends = !trend_label.is_empty();
    let lines = [(row.spark.as_slice(), hex(theme.actual), false)];
    html! {
        <>
            <td class="outturn-breakdown-bar">
                { variance_bar(row.bar, theme) }
                if row.standing != Standing::NoBudget {
                    { standing(row.standing.slug(), row.standing.words(), None) }
                }
            </td>
            { text_cells(row.cells.iter().map(String::as_str)) }
            if trends {
                <td>{ sparkline(&lines, Some(trend_label.to_string())) }</td>
            }
        </>
    }
}

/// A part's row; its name opens it.
fn part_row(index: usize, row: &BreakdownRow, props: &BreakdownProps) -> Html {
    let note = if row.parts > 0 {
        format!("({} parts)", row.parts)
    } else {
        "(chart)".to_string()
    };
    html! {
        <tr data-indicator={row.id.clone()}>
            { row_header(index, &row.id, &row.title, note, &props.on_open) }
            { cells(row, &props.theme, &props.breakdown.0.trend) }
        </tr>
    }
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
                    let (id, on_open) = (id.clone(), props.on_open.clone());
                    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(id.clone()));
                    html! { <li><button type="button" class="outturn-trail-link" {onclick}>{ title.clone() }</button></li> }
                }) }
                <li aria-current="page">{ table.total.title.clone() }</li>
            </ol>
        </nav>
    }
}

/// The period picker: the year, or one of its periods alone.
fn period_select(props: &BreakdownProps, table: &Breakdown) -> Html {
    if table.periods.is_empty() {
        return Html::default();
    }
    let on_action = props.on_action.clone();
    let on_period = Callback::from(move |value: String| {
        on_action.emit(Action::SelectBreakdownPeriod(value.parse().ok()));
    });
    let mut choices = vec![choice("year", "The year", props.period.is_none())];
    choices.extend(table.periods.iter().enumerate().map(|(i, label)| {
        (
            AttrValue::from(i.to_string()),
            AttrValue::from(label.clone()),
            props.period == Some(i),
        )
    }));
    let picker = Picker {
        id: format!("{}-period", props.title_id).into(),
        label: "Figures for",
        field_class: "outturn-period",
        select_class: "",
    };
    labelled_select(picker, choices, on_period)
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
        <>
            { labelled_select(picker, sorts, on_sort) }
            if trends {
                <div class="outturn-field outturn-check">
                    <input type="checkbox" id={scale_id.clone()} checked={props.own_scale} onchange={on_scale} />
                    <label for={scale_id}>{ "Each trend on its own scale" }</label>
                </div>
            }
        </>
    }
}

/// An indicator's parts side by side.
#[component]
pub fn BreakdownTable(props: &BreakdownProps) -> Html {
    let table: &Rc<Breakdown> = &props.breakdown.0;
    let trends = !table.trend.is_empty();
    let caption_id = format!("{}-caption", props.title_id);
    let on_csv = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = crate::download::save_text(
                &format!("{}.csv", table.file_stem),
                "text/csv;charset=utf-8",
                &table.to_csv(),
            );
        })
    };
    // Where each part stands comes first, as on the scorecard, so a phone
    // shows it beside the name before the figures scroll.
    let mut headings: Vec<Heading> = vec![(table.standing_heading, None)];
    headings.extend(table.columns.iter().map(|c| (*c, None)));
    if trends {
        headings.push(("Trend", None));
    }
    html! {
        <div class="outturn-breakdown">
            { trail(props, table) }
            <h2 class="outturn-title" id={props.title_id.clone()}>{ table.title.clone() }</h2>
            <p class="outturn-subtitle">{ table.subtitle.clone() }</p>
            <div class="outturn-controls outturn-breakdown-controls">
                { period_select(props, table) }
                { controls(props, trends) }
            </div>
            { indicator_table(IndicatorTable {
                class: "outturn-breakdown-table",
                caption_id,
                caption: format!("{}. Choose a part to open it; the arrow keys move between parts.", table.title),
                first: "Part",
                headings,
                rows: table.rows.iter().enumerate().map(|(i, row)| part_row(i, row, props)).collect(),
                count: table.rows.len(),
                footer: html! {
                    <tfoot>
                        <tr>
                            <th scope="row">{ format!("Total: {}", table.total.title) }</th>
                            { cells(&table.total, &props.theme, &table.trend) }
                        </tr>
                    </tfoot>
                },
            }) }
            <p class="outturn-breakdown-check">{ table.check.clone() }</p>
            <div class="outturn-exports">
                <span class="outturn-exports-label">{ "Download:" }</span>
                <button type="button" class="outturn-export-csv" onclick={on_csv}>{ "Figures as CSV" }</button>
            </div>
            if !table.bar_scale.is_empty() {
                <p class="outturn-subtitle">{ table.bar_scale.clone() }</p>
            }
            if trends {
                <p class="outturn-subtitle">{ format!("Trend: {}.", table.trend) }</p>
            }
        </div>
    }
}
