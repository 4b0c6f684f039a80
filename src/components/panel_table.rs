//! A chart's numbers as a real table (one row per period, one column per
//! figure in its tooltips, then the year's totals where the chart has them).
//! A button shows or hides it on screen; hidden, it stays in the page for
//! assistive technology (visually hidden, not removed), and it always prints.
//! A long table shows at most [`MAX_ROWS`] rows (those in view, for a zoomed
//! timeline) and says where the rest are: the CSV download has every row.

use std::rc::Rc;

use outturn_core::chart::Viewport;
use outturn_core::view::IndicatorView;
use yew::prelude::*;

use crate::state::{Action, Shared};

/// Most rows a table puts in the page; more would make the page slow to
/// open and no one reads them on screen.
pub const MAX_ROWS: usize = 1_000;

/// How long the zoom must rest before the table follows it, milliseconds.
const TABLE_SETTLE_MS: u32 = 300;

/// Props of [`PanelTable`].
#[derive(Properties, PartialEq)]
pub struct PanelTableProps {
    /// Element id of the table's container, unique on the page.
    pub id: AttrValue,
    /// The view whose panel this is (compared by identity).
    pub view: Shared<IndicatorView>,
    /// Which of the view's panels.
    pub index: usize,
    /// The x window shown (a zoomed timeline), if not the panel's own.
    #[prop_or_default]
    pub window: Option<Viewport>,
    /// Appended to the button text to tell several tables apart (": title"), or empty.
    pub name: AttrValue,
    /// Shown on screen.
    pub open: bool,
    /// Receives [`Action::ToggleTables`].
    pub on_action: Callback<Action>,
}

/// Props of [`Table`].
#[derive(Properties, PartialEq)]
struct TableProps {
    /// The table (compared by identity: a zoom step that leaves it as it
    /// was re-renders nothing of it).
    table: Shared<outturn_core::view::PanelTable>,
}

/// The table itself, a component of its own so that its thousand rows are
/// neither built nor compared again while the chart zooms and the table
/// waits for the zoom to settle.
#[component]
fn Table(props: &TableProps) -> Html {
    let table = &props.table;
    html! {
        <table>
            <caption>{ table.caption.clone() }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Period" }</th>
                    { for table.columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                </tr>
            </thead>
            <tbody>{ for table.rows.iter().map(row) }</tbody>
            if !table.footer.is_empty() {
                <tfoot>{ for table.footer.iter().map(row) }</tfoot>
            }
        </table>
    }
}

fn row((heading, cells): &(String, Vec<String>)) -> Html {
    html! {
        <tr>
            <th scope="row">{ heading.clone() }</th>
            { for cells.iter().map(|cell| html! { <td>{ cell.clone() }</td> }) }
        </tr>
    }
}

/// A collapsible table of one chart's figures.
#[component]
pub fn PanelTable(props: &PanelTableProps) -> Html {
    // The table follows a zoomed timeline once the zooming pauses: writing
    // a thousand rows at every wheel step would halve the chart's frame rate.
    let window = use_state_eq(|| props.window);
    {
        let window = window.clone();
        use_effect_with(props.window, move |latest| {
            let latest = *latest;
            let timer =
                gloo::timers::callback::Timeout::new(TABLE_SETTLE_MS, move || window.set(latest));
            move || drop(timer)
        });
    }
    // The rows in view, at most MAX_ROWS of them; only those are made.
    let (rows, total) = props
        .view
        .panels
        .get(props.index)
        .map(|panel| panel.rows_in((*window).unwrap_or(panel.scene.x_window), MAX_ROWS))
        .unwrap_or_default();
    let table = use_memo(
        (props.view.clone(), props.index, rows.clone()),
        |(view, index, rows)| {
            view.panels
                .get(*index)
                .map(|panel| Shared(Rc::new(panel.table_of(&view.indicator.title, rows.clone()))))
        },
    );
    let Some(table) = table.as_ref() else {
        return Html::default();
    };
    let more = table.page_note(rows.start, total);
    let on_action = props.on_action.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::ToggleTables));
    let verb = if props.open { "Hide" } else { "Show" };
    html! {
        <div class={classes!("outturn-table", props.open.then_some("outturn-table-open"))}>
            <button type="button" class="outturn-table-toggle" aria-expanded={props.open.to_string()}
                aria-controls={props.id.clone()} {onclick}>
                { format!("{verb} the figures as a table{}", props.name) }
            </button>
            // Shown, the table may scroll sideways on narrow screens, so it
            // takes keyboard focus to be scrollable without a mouse.
            <div id={props.id.clone()} class={classes!("outturn-table-scroll", (!props.open).then_some("outturn-sr-only"))}
                role="region" aria-label={table.caption.clone()} tabindex={props.open.then_some("0")}>
                <Table table={table.clone()} />
                if let Some(more) = more {
                    <p class="outturn-table-more">{ more }</p>
                }
            </div>
        </div>
    }
}
