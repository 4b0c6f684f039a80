//! The chart's numbers as a real table: a row per period, then the year as
//! computed and as printed in the source.

use std::rc::Rc;

use outturn_core::view::{FiguresTable, TableRow};
use yew::prelude::*;

/// Props of [`FigureTable`].
#[derive(Properties, PartialEq)]
pub struct FigureTableProps {
    /// The table, formatted by the core.
    pub table: Rc<FiguresTable>,
}

fn row(row: &TableRow, forecast: bool) -> Html {
    html! {
        <tr>
            <th scope="row">{ row.label.clone() }</th>
            <td>{ row.budget.clone() }</td>
            <td>{ row.actual.clone() }</td>
            if forecast { <td>{ row.forecast.clone() }</td> }
            <td>{ row.variance.clone() }</td>
        </tr>
    }
}

/// A collapsible table of the figures.
#[component]
pub fn FigureTable(props: &FigureTableProps) -> Html {
    let table = &props.table;
    html! {
        <details class="outturn-table">
            <summary>{ "Show the figures as a table" }</summary>
            <div class="outturn-table-scroll">
                <table>
                    <caption>{ table.caption.clone() }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Period" }</th>
                            <th scope="col">{ "Affordable level" }</th>
                            <th scope="col">{ "Actual" }</th>
                            if table.has_forecast { <th scope="col">{ "Forecast" }</th> }
                            <th scope="col">{ "Variance" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for table.rows.iter().map(|r| row(r, table.has_forecast)) }</tbody>
                    <tfoot>{ for table.totals.iter().map(|r| row(r, table.has_forecast)) }</tfoot>
                </table>
            </div>
        </details>
    }
}
