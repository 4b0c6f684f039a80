//! A chart's numbers as a real table (one row per period, one column per
//! figure in its tooltips, then the year's totals where the chart has them).
//! A button shows or hides it on screen; hidden, it stays in the page for
//! assistive technology (visually hidden, not removed), and it always prints.

use std::rc::Rc;

use outturn_core::view::PanelTable as Table;
use yew::prelude::*;

use crate::state::Action;

/// Props of [`PanelTable`].
#[derive(Properties, PartialEq)]
pub struct PanelTableProps {
    /// Element id of the table's container, unique on the page.
    pub id: AttrValue,
    /// The table, built by the core from the panel.
    pub table: Rc<Table>,
    /// Appended to the button text to tell several tables apart (": title"), or empty.
    pub name: AttrValue,
    /// Shown on screen.
    pub open: bool,
    /// Receives [`Action::ToggleTables`].
    pub on_action: Callback<Action>,
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
    let table = &props.table;
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
            </div>
        </div>
    }
}
