//! The parts the scorecard and the breakdown share: a table of indicators
//! in a scrollable region named by its caption, a row header per indicator
//! whose button opens it, ArrowUp, ArrowDown, Home and End moving between
//! those buttons (as the core's `scorecard_key` decides), plain cells,
//! a status or standing cell (a word and a symbol, never colour alone) and
//! a sparkline. One copy of each, so a second table costs its columns and
//! not another copy of the markup.

use outturn_core::view::{scorecard_key, SPARKLINE_SIZE};
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// A column heading: its text and, for the column the rows are sorted
/// by, its `aria-sort`.
pub(crate) type Heading = (&'static str, Option<&'static str>);

/// What a table of indicators is made of.
pub(crate) struct IndicatorTable {
    /// Its own class, beside `outturn-indicator-table`.
    pub class: &'static str,
    /// Id of the caption (the scrollable region is named by it).
    pub caption_id: String,
    /// The caption, read by assistive technology and hidden on screen.
    pub caption: String,
    /// The first column's heading.
    pub first: &'static str,
    /// The other columns' headings.
    pub headings: Vec<Heading>,
    /// The body's rows.
    pub rows: Html,
    /// How many rows the body has.
    pub count: usize,
    /// A `<tfoot>`, or nothing.
    pub footer: Html,
}

/// The table, in a region that scrolls sideways on a narrow screen.
pub(crate) fn indicator_table(table: IndicatorTable) -> Html {
    let IndicatorTable {
        class,
        caption_id,
        caption,
        first,
        headings,
        rows,
        count,
        footer,
    } = table;
    html! {
        <div class="outturn-table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class={classes!("outturn-indicator-table", class)}>
                <caption id={caption_id} class="outturn-sr-only">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ first }</th>
                        { for headings.into_iter().map(|(heading, sort)| html! {
                            <th scope="col" aria-sort={sort}>{ heading }</th>
                        }) }
                    </tr>
                </thead>
                <tbody onkeydown={on_row_key(count)}>{ rows }</tbody>
                { footer }
            </table>
        </div>
    }
}

/// A row header: the indicator's name as a button that sends `id` to
/// `on_open`, then `note` in small type (empty for none).
pub(crate) fn row_header(
    index: usize,
    id: &str,
    title: &str,
    note: String,
    on_open: &Callback<String>,
) -> Html {
    let (id, on_open) = (id.to_string(), on_open.clone());
    let onclick = Callback::from(move |_: MouseEvent| on_open.emit(id.clone()));
    html! {
        <th scope="row">
            <button type="button" class="outturn-row-open" data-row={index.to_string()} {onclick}>
                { title.to_string() }
            </button>
            if !note.is_empty() {
                <span class="outturn-row-note">{ note }</span>
            }
        </th>
    }
}

/// One `<td>` per text.
pub(crate) fn text_cells<'a>(cells: impl IntoIterator<Item = &'a str>) -> Html {
    cells
        .into_iter()
        .map(|cell| html! { <td>{ cell.to_string() }</td> })
        .collect()
}

/// A status or standing: its words (with their symbol) underlined in the
/// colour of `slug` (`outturn-standing-over`, `-red`, ...), and a note under
/// it (empty for none).
pub(crate) fn standing(slug: &str, words: &'static str, note: Option<String>) -> Html {
    html! {
        <>
            <span class={classes!("outturn-standing", format!("outturn-standing-{slug}"))}>{ words }</span>
            if let Some(note) = note {
                <span class="outturn-row-flag">{ note }</span>
            }
        </>
    }
}

/// A sparkline at two thirds the overview's size: each of `lines` is its
/// polyline runs, a colour and whether it is dashed. `label` names it for
/// assistive technology (`None`: decorative, hidden).
pub(crate) fn sparkline(lines: &[(&[String], String, bool)], label: Option<String>) -> Html {
    let (width, height) = SPARKLINE_SIZE;
    html! {
        <svg class="outturn-spark" width="80" height="24" viewBox={format!("0 0 {width} {height}")}
            role={label.is_some().then_some("img")} aria-label={label.clone()}
            aria-hidden={label.is_none().then_some("true")} focusable="false">
            { for lines.iter().flat_map(|(runs, colour, dashed)| runs.iter().map(move |points| html! {
                <polyline points={points.clone()} fill="none" stroke={colour.clone()}
                    stroke-width={if *dashed { "1.5" } else { "2" }}
                    stroke-dasharray={dashed.then_some("4 3")} />
            })) }
        </svg>
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
