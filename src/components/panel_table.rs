//! A chart's numbers as a real table (one row per period, one column per
//! figure in its tooltips, then the year's totals where the chart has them),
//! collapsed under "Show the figures as a table".

use std::rc::Rc;

use outturn_core::view::PanelTable as Table;
use yew::prelude::*;

/// Props of [`PanelTable`].
#[derive(Properties, PartialEq)]
pub struct PanelTableProps {
    /// The table, built by the core from the panel.
    pub table: Rc<Table>,
    /// Text of the disclosure button.
    pub summary: AttrValue,
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
    html! {
        <details class="outturn-table">
            <summary>{ props.summary.clone() }</summary>
            <div class="outturn-table-scroll">
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
        </details>
    }
}
